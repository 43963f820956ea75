"""Issue 16: copies. A seeded archive of families (an original and its copies, as syndication
makes them) and single articles: the copy groups morgue files are exactly the families; counts,
facets and histograms with --unit copies equal a count of distinct groups made here from the
group assignments and the matching articles; --collapse shows one hit per group with its other
versions; copy:ID filters a group; and updates (a re-run, a new copy, a changed or pruned
member) keep the groups and their ids. Run through cli_test.py (ctest: cli.Copies)."""
import collections
import json
import os
import random
import re
import shutil
import subprocess
import unittest

from cli_test import BIN, DbCase, index, run, search, search_json

OUTLETS = ["Harbour Times", "Valley Courier", "Metro Wire", "The Evening Post", "Daily Ledger"]
PLACES = ["Norland", "Eastmark", "Westerby", "Southholm", "Midvale", "Highcross"]
BOILERPLATE = "Copyright the outlet. All rights reserved. This material may not be redistributed."


def letters(n):
    w = ""
    while True:
        w += chr(ord("a") + n % 26)
        n //= 26
        if not n:
            return w


def make_archive(seed, families=40, singles=40):
    """Articles (dicts) and, by id, the family each belongs to (None for a single)."""
    rng = random.Random(seed)
    vocabulary = ["w" + letters(i) for i in range(4000)]

    def text(n):
        return " ".join(rng.choice(vocabulary) for _ in range(n))

    def copy_of(t):
        edit = rng.choice(["boilerplate", "trim", "reflow", "as is"])
        w = t.split()
        if edit == "boilerplate":
            return t + "\n\n" + BOILERPLATE
        if edit == "trim":
            return " ".join(w[:int(len(w) * rng.uniform(0.8, 0.95))])
        if edit == "reflow":
            return "\n".join(" ".join(w[i:i + 9]) for i in range(0, len(w), 9))
        return t

    def article(t):
        a = {"title": "Headline " + rng.choice(vocabulary), "text": t, "outlet": rng.choice(OUTLETS),
             "places": rng.sample(PLACES, rng.randint(0, 2))}
        kind = rng.random()
        if kind < 0.7:
            a["date"] = f"2025-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
        elif kind < 0.85:
            a["date"] = f"2025-{rng.randint(1, 6):02d}"
        return a

    rows = []
    for f in range(families):
        original = text(rng.randint(120, 300))
        rows.append((article(original), f))
        for _ in range(rng.randint(1, 4)):
            rows.append((article(copy_of(original)), f))
    for _ in range(singles):
        rows.append((article(text(rng.randint(120, 300))), None))
    rng.shuffle(rows)
    family = {}
    for n, (a, f) in enumerate(rows):
        a["id"] = f"n{n}"
        family[a["id"]] = f
    return [a for a, _ in rows], family


def write_jsonl(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(a) + "\n" for a in articles))


def groups(db, query="*", field="copy"):
    """id -> copy group (or story: field "story"; "" for none) of the articles matching `query`."""
    rc, out, err = search(db, "--export", "--fields", "id," + field, "--format", "jsonl", "--", query)
    assert rc in (0, 1), err
    return {r["id"]: r.get(field) or "" for r in map(json.loads, out.splitlines())}


def check_unit_counts(case, db, unit, field, by_id, queries):
    """Asserts that --count, facets (outlet, place, date) and histograms (by month and outlet,
    and the undated rows) with --unit `unit` count the distinct groups among the matches, as
    computed here from each match's group (field: copy or story; an article without one is a
    unit of its own) and its record in `by_id`."""
    assignment = groups(db, "*", field)

    def unit_of(i):
        return assignment[i] or ("single", i)

    batch = "".join(f"q{n}\t{q}\n" for n, q in enumerate(queries))
    rc, out, err = search(db, "--batch", "-", "--unit", unit, "--format", "json", "--facets",
                          "outlet,place,date", "--facet-limit", "0", "--histogram", "month", "--by",
                          "outlet", stdin=batch.encode())
    case.assertEqual(rc, 0, err)
    results = json.loads(out)["results"]
    case.assertEqual(len(results), len(queries))
    # Counts alone, in a batch: from the second query on, a one-word query's groups come from its
    # posting list and the groups' column (search.cc), not the matcher.
    rc, out, err = search(db, "--batch", "-", "--unit", unit, "--format", "json", "--limit", "0",
                          stdin=batch.encode())
    case.assertEqual(rc, 0, err)
    counted = [r["total"] for r in json.loads(out)["results"]]
    case.assertEqual(counted, [r["total"] for r in results])
    for q, r in zip(queries, results):
        matching = list(groups(db, q, field))
        units = {unit_of(i) for i in matching}
        case.assertEqual(r["total"], len(units), q)
        rc, out, err = search(db, "--count", "--unit", unit, "--", q)
        case.assertIn(rc, (0, 1), err)
        case.assertEqual(int(out), len(units), q)
        # Facets: the distinct units among the matches holding each value.
        for facet, values_of in (("outlet", lambda a: [a["outlet"]]), ("place", lambda a: a["places"]),
                                 ("date", lambda a: [a["date"]] if "date" in a else [])):
            model = collections.defaultdict(set)
            for i in matching:
                for v in values_of(by_id[i]):
                    model[v].add(unit_of(i))
            got = {e["value"]: e["count"] for e in r["facets"][facet]}
            case.assertEqual(got, {v: len(u) for v, u in model.items()}, f"{q} {facet}")
        # The histogram: units per month and outlet; those without a day or month date apart.
        model, undated = collections.defaultdict(set), collections.defaultdict(set)
        for i in matching:
            a = by_id[i]
            (model[(a["date"][:7], a["outlet"])] if "date" in a else undated[a["outlet"]]).add(unit_of(i))
        got = {(row["period"], row["group"]): row["count"] for row in r["histogram"] if row["count"]}
        case.assertEqual(got, {k: len(u) for k, u in model.items()}, q)
        got_undated = {row["group"]: row["count"] for row in r["undated_rows"] if row["count"]}
        case.assertEqual(got_undated, {k: len(u) for k, u in undated.items()}, q)


def check_word_counts(case, db, words):
    """Asserts that --count --unit copies and --unit stories of each one-word query, in a batch
    (which reads the counts of groups the build stored, group_counts.h, or counts the groups of a
    rarer word's articles), are the distinct groups among its matches, counted here."""
    batch = "".join(f"q{n}\t{w}\n" for n, w in enumerate(words)).encode()
    for unit, field in (("copies", "copy"), ("stories", "story")):
        rc, out, err = search(db, "--batch", "-", "--unit", unit, "--format", "json", "--limit", "0",
                              stdin=batch)
        case.assertEqual(rc, 0, err)
        for w, r in zip(words, json.loads(out)["results"]):
            matching = groups(db, w, field)
            case.assertEqual(r["total"], len({g or ("single", i) for i, g in matching.items()}), (unit, w))


def count_of(db, query, unit, *args):
    """The total of `query` by `unit` (with `args`), as JSON gives it."""
    rc, out, err = search(db, "--format", "json", "--limit", "0", "--unit", unit, *args, "--", query)
    assert rc in (0, 1), err
    return json.loads(out)["total"]


def partition(assignment):
    by = collections.defaultdict(set)
    for i, g in assignment.items():
        if g is not None and g != "":
            by[g].add(i)
    return {frozenset(m) for m in by.values() if len(m) > 1}


class Copies(DbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.articles, cls.family = make_archive(16)
        cls.by_id = {a["id"]: a for a in cls.articles}
        cls.jsonl = os.path.join(cls.tmp, "archive.jsonl")
        write_jsonl(cls.jsonl, cls.articles)
        index(cls.db, "--no-extract", cls.jsonl)
        cls.groups = groups(cls.db)

    def unit_of(self, i):
        return self.groups[i] or ("single", i)

    def test_groups_are_the_families(self):
        self.assertEqual(partition(self.groups), partition(self.family))
        sizes = collections.Counter(self.groups.values())
        for i, g in self.groups.items():
            self.assertEqual(sizes[g] == 1, self.family[i] is None, i)  # a single article: its own
        self.assertTrue(all(len(g) == 16 and all(c in "0123456789abcdef" for c in g) for g in self.groups.values()))

    def test_the_same_groups_from_a_bulk_build(self):
        db = os.path.join(self.tmp, "bulk.db")
        index(db, "--no-extract", "--jobs", "2", self.jsonl)
        self.assertEqual(groups(db), self.groups)  # ids too: made from the founders' texts

    def test_counts_facets_and_histograms_count_each_group_once(self):
        queries = ["*"] + [f'outlet:"{o}"' for o in OUTLETS] + [f"place:{p}" for p in PLACES]
        rng = random.Random(7)
        for a in rng.sample(self.articles, 20):
            queries.append(rng.choice(a["text"].split()))
        check_unit_counts(self, self.db, "copies", "copy", self.by_id, queries)

    def count(self, query, *args):
        rc, out, err = search(self.db, "--count", "--unit", "copies", *args, "--", query)
        self.assertIn(rc, (0, 1), err)
        return int(out)

    def test_articles_stay_the_default_unit(self):
        self.assertEqual(int(search(self.db, "--count", "*", expect=0)[1]), len(self.articles))
        self.assertLess(self.count("*"), len(self.articles))

    def test_collapse_shows_one_hit_per_group_with_its_other_versions(self):
        r = search_json(self.db, "--collapse", "copies", "*")
        units = {self.unit_of(i) for i in self.groups}
        self.assertEqual(r["total"], len(units))
        self.assertEqual(len(r["hits"]), len(units))
        members = collections.Counter(g for g in self.groups.values() if g)
        seen = set()
        for h in r["hits"]:
            g = self.groups[h["id"]]
            self.assertEqual(h.get("copy", ""), g)
            if g:
                self.assertNotIn(g, seen)
                seen.add(g)
                self.assertEqual(h["other_versions"], members[g] - 1)
        rc, out, err = search(self.db, "--collapse", "copies", "--limit", "50", "*", expect=0)
        self.assertIn("other versions (copy:", out)
        self.assertIn(f"{len(units)} matching texts (copies counted once)", out)

    def test_copy_filter_finds_the_group(self):
        members = collections.defaultdict(set)
        for i, g in self.groups.items():
            if g:
                members[g].add(i)
        for g, m in sorted(members.items(), key=lambda gm: (-len(gm[1]), gm[0]))[:5]:
            self.assertGreater(len(m), 1)
            self.assertEqual(set(groups(self.db, f"copy:{g}")), m)
            self.assertEqual(set(groups(self.db, f"copy:{g.upper()}")), m)
        self.assertEqual(groups(self.db, "copy:0000000000000000"), {})
        facet = search_json(self.db, "--facets", "copy", "--facet-limit", "0", "--limit", "0", "*")["facets"]["copy"]
        self.assertEqual({e["value"]: e["count"] for e in facet}, {g: len(m) for g, m in members.items()})

    def test_updates_keep_groups_and_their_ids(self):
        db = os.path.join(self.tmp, "updated.db")
        path = os.path.join(self.tmp, "updated.jsonl")
        articles = [dict(a) for a in self.articles]
        write_jsonl(path, articles)
        # Every word's counts of groups stored (--group-counts-from 1), and counted again by each
        # run that changes the database: the counts of one word follow each update.
        stored = ("--no-extract", "--group-counts-from", "1")
        index(db, *stored, path)
        first = groups(db)
        self.assertEqual(first, self.groups)
        # A re-run changes nothing.
        log = index(db, *stored, path)
        self.assertIn(f"0 added, 0 updated, {len(articles)} unchanged", log)
        self.assertEqual(groups(db), first)
        sizes = collections.Counter(first.values())
        grouped = [i for i in first if sizes[first[i]] > 1]
        single = next(i for i in first if sizes[first[i]] == 1)
        member, changed, pruned = grouped[0], grouped[1], grouped[2]
        words = sorted({w for i in (member, changed, pruned, single) for w in self.by_id[i]["text"].split()[:6]})
        check_word_counts(self, db, words)
        # A new copy of a grouped article joins its group; a copy of a single article makes one.
        more = os.path.join(self.tmp, "more.jsonl")
        write_jsonl(more, [dict(self.by_id[member], id="late1"), dict(self.by_id[single], id="late2")])
        index(db, *stored, more)
        check_word_counts(self, db, words)
        after = groups(db)
        self.assertEqual(after["late1"], first[member])
        self.assertEqual(after["late2"], first[single])
        self.assertEqual(after[single], first[single])
        # A member whose text changes to another story leaves its group; the others stay in it.
        for a in articles:
            if a["id"] == changed:
                a["text"] = "an entirely different story " + " ".join("x" + letters(k) for k in range(200))
        # A member pruned (gone from its file) leaves the others in the group.
        articles = [a for a in articles if a["id"] != pruned]
        write_jsonl(path, articles)
        index(db, *stored, "--prune", path, more)
        check_word_counts(self, db, words)
        last = groups(db)
        self.assertNotIn(last[changed], set(first.values()))  # a group of its own
        self.assertNotIn(pruned, last)
        for i, g in first.items():
            if i not in (changed, pruned):
                self.assertEqual(last[i], after[i], i)

    def test_a_one_word_count_reads_the_stored_counts_only_where_they_hold(self):
        # The counts of groups morgue-index stored (common/group_counts.h), planted wrong here
        # with the stamp of the commit that writes them: a count of one word or of one field
        # value by copies or stories reads them; a facet, a histogram, a collapse and a query of
        # two words count; after any later commit they are no longer read.
        db = os.path.join(self.tmp, "planted.db")
        shutil.copytree(self.db, db)
        text = self.articles[0]["text"].split()
        word, other, place = text[0], text[1], f"place:{PLACES[0]}"

        def term_of(query):
            parsed = search_json(db, "--limit", "0", query)["manifest"]["parsed_query"]
            m = re.fullmatch(r"Query\((?:0 \* )?([^\s()@]+)(?:@\d+)?\)", parsed)
            self.assertIsNotNone(m, parsed)
            return m.group(1)

        real = {q: (count_of(db, q, "copies"), count_of(db, q, "stories")) for q in (word, place)}
        for q in (word, place):
            self.assertGreater(real[q][0], 0, q)
        rc, _, err = run("set_metadata", db, "morgue.group_count:" + term_of(word), "7001 7002",
                         "morgue.group_count:" + term_of(place), "7003 7004",
                         "morgue.group_counts", "{next-state} 1")
        self.assertEqual(rc, 0, err)
        self.assertEqual((count_of(db, word, "copies"), count_of(db, word, "stories")), (7001, 7002))
        self.assertEqual((count_of(db, place, "copies"), count_of(db, place, "stories")), (7003, 7004))
        batch = f"a\t{word}\nb\t{place}\n".encode()
        rc, out, err = search(db, "--batch", "-", "--unit", "stories", "--format", "json", "--limit", "0",
                              stdin=batch)
        self.assertEqual([r["total"] for r in json.loads(out)["results"]], [7002, 7004], err)
        for args in (("--facets", "outlet"), ("--histogram", "month"), ("--collapse", "copies")):
            self.assertEqual(count_of(db, word, "copies", *args), real[word][0], args)
        self.assertNotEqual(count_of(db, f"{word} OR {other}", "copies"), 7001)
        # Another commit: the stamp is no longer the database's.
        rc, _, err = run("set_metadata", db, "another", "commit")
        self.assertEqual(rc, 0, err)
        self.assertEqual((count_of(db, word, "copies"), count_of(db, word, "stories")), real[word])
        self.assertEqual((count_of(db, place, "copies"), count_of(db, place, "stories")), real[place])

    def test_a_database_without_copies_says_so(self):
        db = os.path.join(self.tmp, "old.db")
        index(db, "--no-extract", self.jsonl)
        subprocess.run([os.path.join(BIN, "set_metadata"), db, "morgue.copies", ""], check=True)
        for args in (["--unit", "copies", "--count", "*"], ["--collapse", "copies", "*"]):
            rc, out, err = search(db, *args)
            self.assertEqual(rc, 2, err)
            self.assertIn("built without copy detection", err)
            self.assertEqual(out, "")
        rc, out, err = search(db, "--count", "copy:0123456789abcdef")
        self.assertEqual(rc, 2, err)
        self.assertIn("copy:", err)

    def test_no_copies_is_a_new_databases_choice(self):
        """--no-copies: no article gets a group or a signature, in a bulk first build and one
        thread alike; the groups' options say why they have nothing to count; later runs keep the
        choice; and a database with copies refuses it, unchanged."""
        for jobs in ("1", "2"):
            db = os.path.join(self.tmp, f"nocopies{jobs}.db")
            index(db, "--no-extract", "--no-copies", "--jobs", jobs, self.jsonl)
            rc, out, err = search(db, "--count", "*")
            self.assertEqual(int(out), len(self.articles))
            for args in (["--unit", "stories", "--count", "*"], ["--collapse", "copies", "*"],
                         ["--facets", "story", "*"], ["--count", "copy:0123456789abcdef"]):
                rc, out, err = search(db, *args)
                self.assertEqual(rc, 2, err)
                self.assertIn("--no-copies", err)
            more = os.path.join(self.tmp, f"more{jobs}.jsonl")
            write_jsonl(more, [dict(a, id=a["id"] + "-again") for a in self.articles[:10]])
            index(db, "--no-extract", more)  # without the flag: the database's choice stands
            rc, out, err = search(db, "--unit", "copies", "--count", "*")
            self.assertEqual(rc, 2, err)
            rc, out, err = search(db, "--count", "*")
            self.assertEqual(int(out), len(self.articles) + 10)
            # Told that it has groups, the database shows that no article holds one.
            for key in ("morgue.copies", "morgue.stories"):
                subprocess.run([os.path.join(BIN, "set_metadata"), db, key, "1"], check=True)
            for field in ("copy", "story"):
                self.assertEqual(set(groups(db, "*", field).values()), {""}, field)
        # A database without articles is made again: --no-copies drops what it said before.
        empty = os.path.join(self.tmp, "emptied.db")
        for key in ("morgue.copies", "morgue.stories"):
            subprocess.run([os.path.join(BIN, "set_metadata"), empty, key, "1"], check=True)
        index(empty, "--no-extract", "--no-copies", "--jobs", "1", self.jsonl)
        rc, out, err = search(empty, "--unit", "stories", "--count", "*")
        self.assertEqual(rc, 2, err)
        err = index(self.db, "--no-extract", "--no-copies", self.jsonl, expect=2)
        self.assertIn("--no-copies is a new database's choice", err)
        self.assertEqual(groups(self.db), self.groups)

    def test_bad_unit_and_collapse_values(self):
        for args in (["--unit", "tales"], ["--collapse", "articles"], ["--collapse", "x"]):
            rc, out, err = search(self.db, *args, "*")
            self.assertEqual(rc, 2, err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)


if __name__ == "__main__":
    unittest.main()
