"""Issue 16: stories. A seeded archive of events, each told by several outlets in their own words
(and some of those texts syndicated as copies), and single articles: the stories morgue files are
exactly the events; counts, facets and histograms with --unit stories equal a count of distinct
stories made here from the story assignments and the matching articles; --collapse stories,
story:ID, --coverage and --story show them; updates keep stories and their ids; --like finds an
article's event. Run through
cli_test.py (ctest: cli.Stories)."""
import collections
import csv
import io
import json
import os
import random
import subprocess
import unittest

from cli_test import BIN, DbCase, index, search, search_json
from copies import PLACES, check_unit_counts, groups, letters, partition, write_jsonl

OUTLETS = ["Harbour Times", "Valley Courier", "Metro Wire", "The Evening Post", "Daily Ledger"]


def make_archive(seed, events=30, singles=30):
    """Articles (dicts) and, by id, the event each tells (None for a single), and by id the
    article it is a copy of (if any)."""
    rng = random.Random(seed)
    vocabulary = ["w" + letters(i + 26 ** 2) for i in range(6000)]  # words of 4 letters and more

    def name():
        return "Q" + letters(rng.randrange(26 ** 4)) + "x"

    def telling(lexicon, names, n):
        """A text of n words: the event's words and names among others, each name once in its first
        sentence and always inside a sentence, after a word in small letters, as news writes
        them."""
        words = []
        for k in range(n):
            r = rng.random()
            if k < 80 and r < 0.2:
                words.append(rng.choice(names))
            elif k < 80 and r < 0.9:
                words.append(rng.choice(lexicon))
            else:
                words.append(rng.choice(vocabulary))
        words[0] = "the"
        for k, n in enumerate(rng.sample(names, len(names))):  # each name in the lead's first words
            words[2 + 4 * k] = n
        return " ".join(words) + "."

    def dated(kind, day):
        if kind == "day":
            return {"date": f"2025-03-{day:02d}"}
        if kind == "month":
            return {"date": "2025-04"}
        return {}

    rows = []
    for e in range(events):
        lexicon = rng.sample(vocabulary, 25)
        names = [name() for _ in range(3)]
        kind = rng.choices(["day", "month", "none"], [0.8, 0.1, 0.1])[0]
        day = rng.randint(1, 24)
        texts = []
        for _ in range(rng.randint(2, 4)):
            a = {"title": " ".join(rng.sample(lexicon, 3) + [rng.choice(vocabulary)]),
                 "text": telling(lexicon, names, rng.randint(100, 200)), "outlet": rng.choice(OUTLETS),
                 "places": rng.sample(PLACES, rng.randint(0, 2))}
            a.update(dated(kind, day + rng.randint(0, 2)))
            texts.append(a)
            rows.append((a, e, None))
        for _ in range(rng.randint(0, 2)):  # syndicated: another outlet runs one of them as it is
            original = rng.choice(texts)
            a = dict(original, outlet=rng.choice(OUTLETS))
            a.update(dated(kind, day + rng.randint(0, 2)))
            rows.append((a, e, original))
    for _ in range(singles):
        a = {"title": " ".join(rng.sample(vocabulary, 4)),
             "text": telling(rng.sample(vocabulary, 25), [name() for _ in range(3)], rng.randint(100, 200)),
             "outlet": rng.choice(OUTLETS), "places": rng.sample(PLACES, rng.randint(0, 2))}
        a.update(dated(rng.choices(["day", "month", "none"], [0.8, 0.1, 0.1])[0], rng.randint(1, 26)))
        rows.append((a, None, None))
    rng.shuffle(rows)
    event, copy_of = {}, {}
    for n, (a, e, _) in enumerate(rows):
        a["id"] = f"s{n}"
        event[a["id"]] = e
    for a, _, original in rows:
        if original is not None:
            copy_of[a["id"]] = original["id"]
    return [a for a, _, _ in rows], event, copy_of


class Stories(DbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.articles, cls.event, cls.copy_of = make_archive(21)
        cls.by_id = {a["id"]: a for a in cls.articles}
        cls.jsonl = os.path.join(cls.tmp, "archive.jsonl")
        write_jsonl(cls.jsonl, cls.articles)
        index(cls.db, "--no-extract", cls.jsonl)
        cls.stories = groups(cls.db, "*", "story")
        cls.copies = groups(cls.db, "*", "copy")

    def members(self):
        by = collections.defaultdict(set)
        for i, s in self.stories.items():
            by[s].add(i)
        return by

    def test_stories_are_the_events(self):
        self.assertEqual(partition(self.stories), partition(self.event))
        sizes = collections.Counter(self.stories.values())
        for i, s in self.stories.items():
            self.assertEqual(sizes[s] == 1, self.event[i] is None, i)
            self.assertEqual(len(s), 16)
        # A copy is in its original's story and copy group; the outlets' own texts are no copies.
        for i, original in self.copy_of.items():
            self.assertEqual(self.copies[i], self.copies[original])
        own = {}
        for i, e in self.event.items():
            if e is not None and i not in self.copy_of:
                self.assertNotIn(self.copies[i], own, i)
                own[self.copies[i]] = i

    def test_the_same_stories_from_a_bulk_build(self):
        db = os.path.join(self.tmp, "bulk.db")
        index(db, "--no-extract", "--jobs", "2", self.jsonl)
        self.assertEqual(groups(db, "*", "story"), self.stories)

    def test_counts_facets_and_histograms_count_each_story_once(self):
        queries = ["*"] + [f'outlet:"{o}"' for o in OUTLETS] + [f"place:{p}" for p in PLACES]
        rng = random.Random(8)
        for a in rng.sample(self.articles, 20):
            queries.append(rng.choice(a["text"].rstrip(".").split()))
        check_unit_counts(self, self.db, "stories", "story", self.by_id, queries)

    def test_collapse_shows_one_hit_per_story_with_its_other_articles(self):
        members = self.members()
        r = search_json(self.db, "--collapse", "stories", "--limit", "1000", "*")
        self.assertEqual(r["total"], len(members))
        self.assertEqual(len(r["hits"]), len(members))
        self.assertEqual({h["story"] for h in r["hits"]}, set(members))
        for h in r["hits"]:
            self.assertEqual(h["other_versions"], len(members[h["story"]]) - 1)
        rc, out, err = search(self.db, "--collapse", "stories", "--limit", "100", "*", expect=0)
        self.assertIn("other articles (story:", out)
        self.assertIn(f"{len(members)} matching stories", out)
        # With --unit copies, the total counts copy groups while the hits are stories.
        r = search_json(self.db, "--collapse", "stories", "--unit", "copies", "--limit", "1000", "*")
        self.assertEqual(r["total"], len(set(self.copies.values())))
        self.assertEqual(len(r["hits"]), len(members))

    def test_story_filter_and_facet(self):
        members = self.members()
        for s, m in sorted(members.items(), key=lambda sm: (-len(sm[1]), sm[0]))[:5]:
            self.assertEqual(set(groups(self.db, f"story:{s}")), m)
        self.assertEqual(groups(self.db, "story:0000000000000000"), {})
        facet = search_json(self.db, "--facets", "story", "--facet-limit", "0", "--limit", "0", "*")["facets"]["story"]
        self.assertEqual({e["value"]: e["count"] for e in facet}, {s: len(m) for s, m in members.items()})
        for e in facet[:5]:  # each value's drill-down filter selects exactly its articles
            self.assertEqual(set(groups(self.db, e["filter"])), members[e["value"]], e)

    def test_coverage_lists_a_story_by_date_with_its_copies(self):
        members = self.members()
        story = max(members, key=lambda s: (len(members[s]), s))
        m = members[story]
        rc, out, err = search(self.db, "--story", story, "--format", "json", expect=0)
        r = json.loads(out)
        self.assertEqual(r["total_stories"], 1)
        (s,) = r["stories"]
        self.assertEqual(s["story"], story)
        self.assertEqual({a["id"] for a in s["list"]}, m)
        self.assertEqual(s["articles"], len(m))
        self.assertEqual(s["outlets"], len({self.by_id[i]["outlet"] for i in m}))
        dates = [self.by_id[i].get("date") for i in m]
        dated = sorted(d for d in dates if d)
        listed = [a["date"] for a in s["list"] if a["date"]]
        self.assertEqual(listed, sorted(listed))
        if dated:
            self.assertEqual((s["first_seen"], s["last_seen"]), (min(listed), max(listed)))
        # The first of each copy group in date order ran its own text; the rest are copies.
        first = {}
        for a in s["list"]:
            self.assertEqual(a["text"], "copy" if a["copy"] in first else "own", a)
            first.setdefault(a["copy"], a["id"])
        self.assertEqual(s["copies"], len(m) - len(first))
        titles = collections.Counter(self.by_id[i]["title"] for i in m)
        self.assertEqual(titles[s["label"]], max(titles.values()))
        # CSV: one row per article; text: the story, its dates and its articles.
        rc, out, err = search(self.db, "--story", story, "--format", "csv", expect=0)
        rows = list(csv.DictReader(io.StringIO(out)))
        self.assertEqual([(row["id"], row["text"]) for row in rows], [(a["id"], a["text"]) for a in s["list"]])
        rc, out, err = search(self.db, "--story", story, expect=0)
        self.assertIn(f"story:{story}", out)
        self.assertIn("1 matching story", out)
        # A query: the stories of its matches, most matching articles first.
        word = self.by_id[sorted(m)[0]]["text"].split()[1]
        r = json.loads(search(self.db, "--coverage", "--limit", "100", "--format", "json", "--", word, expect=0)[1])
        matching = collections.Counter(self.stories[i] for i in groups(self.db, word, "story"))
        self.assertEqual(r["total_stories"], len(matching))
        self.assertEqual({x["story"]: x["matching"] for x in r["stories"]}, dict(matching))
        counts = [x["matching"] for x in r["stories"]]
        self.assertEqual(counts, sorted(counts, reverse=True))

    def test_updates_keep_stories_and_their_ids(self):
        db = os.path.join(self.tmp, "updated.db")
        path = os.path.join(self.tmp, "updated.jsonl")
        articles = [dict(a) for a in self.articles]
        write_jsonl(path, articles)
        index(db, "--no-extract", path)
        first = groups(db, "*", "story")
        self.assertEqual(first, self.stories)
        log = index(db, "--no-extract", path)  # a re-run changes nothing
        self.assertIn(f"0 added, 0 updated, {len(articles)} unchanged", log)
        self.assertEqual(groups(db, "*", "story"), first)
        # Another outlet's copy of an event's article joins its story.
        sizes = collections.Counter(first.values())
        told = sorted(i for i in first if sizes[first[i]] > 2)
        member, pruned = told[0], next(i for i in told if first[i] != first[told[0]])
        more = os.path.join(self.tmp, "more.jsonl")
        write_jsonl(more, [dict(self.by_id[member], id="late1", outlet="Metro Wire")])
        index(db, "--no-extract", more)
        after = groups(db, "*", "story")
        self.assertEqual(after["late1"], first[member])
        # A pruned member leaves the others in their story, under its id.
        articles = [a for a in articles if a["id"] != pruned]
        write_jsonl(path, articles)
        index(db, "--no-extract", "--prune", path, more)
        last = groups(db, "*", "story")
        self.assertNotIn(pruned, last)
        for i in first:
            if i != pruned:
                self.assertEqual(last[i], after[i], i)

    def test_a_database_without_stories_says_so(self):
        db = os.path.join(self.tmp, "old.db")
        index(db, "--no-extract", self.jsonl)
        subprocess.run([os.path.join(BIN, "set_metadata"), db, "morgue.stories", ""], check=True)
        for args in (["--unit", "stories", "--count", "*"], ["--collapse", "stories", "*"],
                     ["--story", "0123456789abcdef"], ["--coverage", "*"], ["--count", "story:0123456789abcdef"],
                     ["--facets", "story", "*"], ["--export", "--format", "csv", "--fields", "id,story", "*"]):
            rc, out, err = search(db, *args)
            self.assertEqual(rc, 2, (args, err))
            self.assertIn("without stories", err)
            self.assertEqual(out, "")

    def test_like_finds_the_articles_of_the_same_event(self):
        told = [i for i in sorted(self.event) if self.event[i] is not None and i not in self.copy_of]
        for i in told[:10]:
            r = search_json(self.db, "--like", i, "--limit", "3")
            ids = [h["id"] for h in r["hits"]]
            self.assertNotIn(i, ids)
            self.assertEqual(self.event[ids[0]], self.event[i], (i, ids))  # its event's words are rarest
            # Within a query: only its matches.
            outlet = self.by_id[i]["outlet"]
            r = search_json(self.db, "--like", i, "--limit", "1000", f'outlet:"{outlet}"')
            within = set(groups(self.db, f'outlet:"{outlet}"')) - {i}
            self.assertTrue({h["id"] for h in r["hits"]} <= within)
        rc, out, err = search(self.db, "--like", "no-such-article")
        self.assertEqual(rc, 2, err)
        self.assertIn("no-such-article", err)
        rc, out, err = search(self.db, "--like", told[0], "--batch", "-", stdin=b"x\n")
        self.assertEqual(rc, 2, err)

    def test_bad_coverage_requests(self):
        for args in (["--story", "abc", "*"], ["--coverage", "--count", "*"], ["--coverage", "--export", "*"],
                     ["--coverage", "--unit", "stories", "*"], ["--story", "a b"]):
            rc, out, err = search(self.db, *args)
            self.assertEqual(rc, 2, (args, err))
            self.assertEqual(len(err.strip().splitlines()), 1, err)


if __name__ == "__main__":
    unittest.main()
