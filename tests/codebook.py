"""Issue 17: the researcher's codebook of names (morgue-index --names FILE). A seeded archive whose
articles name people, places and organizations in several variants; seeded random codebooks map,
split (keep apart from the gazetteer) and drop names, with chains of canonical names. Facets,
exact and phrase filters and batch counts equal a brute-force model of the codebook computed
here; a codebook changed later files the archive again without reading or extracting anything,
and gives what a first build with it gives; every JSON manifest carries its SHA-256. Run through
cli_test.py (ctest: cli.Codebook)."""
import collections
import hashlib
import json
import os
import random
import unittest

from cli_test import CORPUS, DbCase, index, run, search, search_json

PEOPLE = ["Tony Blair", "Blair", "Cherie Blair", "Gordon Brown", "Brown", "Kristi Noem", "Noem",
          "Alex Smith", "Jo Smith", "Smith", "The"]
ORGS = ["Liberal Democrats", "Lib Dems", "Liberal Democrat", "Lib Dem", "European Union", "EU",
        "PC", "Warner Bros", "Homeland Security", "Department of Homeland Security"]
PLACES = ["United States", "USA", "America", "Norland", "Eastmark", "Westerby", "Google",
          "Paris", "France"]
# What the gazetteer files these places under (places.h); the others are their own.
GAZETTEER = {"usa": "United States", "america": "United States", "united states": "United States",
             "france": "France", "paris": "Paris"}
POOLS = {"person": PEOPLE, "org": ORGS, "place": PLACES}
RECORD = {"person": "people", "org": "organizations", "place": "places"}


def key(name):
    return " ".join(name.lower().split())


def make_archive(seed, n=160):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a = {"id": f"a{i}", "title": f"Report {i}", "text": f"Words of report number {i} here.",
             "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "outlet": rng.choice(["Ledger", "Wire"])}
        for field, pool in POOLS.items():
            a[RECORD[field]] = rng.sample(pool, rng.randint(0, 4))
        out.append(a)
    return out


def make_codebook(seed):
    """Lines (field, name, canonical) for a random third of each pool: merged into another name
    later in a random order (chains without circles), into a new name, dropped, or kept apart."""
    rng = random.Random(seed)
    lines = []
    for field, pool in POOLS.items():
        order = pool[:]
        rng.shuffle(order)
        for i, name in enumerate(order):
            if rng.random() > 0.4:
                continue
            choice = rng.random()
            if choice < 0.4 and i + 1 < len(order):
                canonical = rng.choice(order[i + 1:])
            elif choice < 0.6:
                canonical = f"Canon {field} {i}"
            elif choice < 0.8:
                canonical = "-"
            else:
                canonical = name
            lines.append((field, name, canonical))
    return lines


def write_codebook(path, lines, header="# a codebook\n"):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for field, name, canonical in lines:
            f.write(f"{field}\t{name}\t{canonical}\n")


class Model:
    """How the codebook files a name, as docs/names.md says: its line's canonical name, followed
    to the end of its chain; else for a place, the gazetteer's, then that name's line; else as
    written. None: dropped."""

    def __init__(self, lines):
        self.book = {(f, key(n)): c for f, n, c in lines}

    def follow(self, field, k):
        cur = self.book[(field, k)]
        seen = {k}
        while cur != "-":
            nk = key(cur)
            nxt = self.book.get((field, nk))
            if nxt is None:
                return cur
            if nxt != "-" and key(nxt) == nk:
                return nxt
            assert nk not in seen, "a circle"
            seen.add(nk)
            cur = nxt
        return None

    def resolve(self, field, name):
        """(filed name or None, from the codebook)"""
        k = key(name)
        if (field, k) in self.book:
            return self.follow(field, k), True
        if field == "place" and k in GAZETTEER:
            g = GAZETTEER[k]
            if (field, key(g)) in self.book:
                return self.follow(field, key(g)), True
            return g, False
        return name, False

    def keys(self, article, field):
        out = set()
        for n in article[RECORD[field]]:
            r, _ = self.resolve(field, n)
            if r is not None:
                out.add(key(r))
        return out

    def word_lists(self, article, field):
        out = []
        for n in article[RECORD[field]]:
            r, coded = self.resolve(field, n)
            if r is None:
                continue
            out.append(key(r).split())
            if coded and key(n) != key(r):
                out.append(key(n).split())
        return out

    def phrase_query(self, field, value):
        """The word sequences a field:"value" filter matches (any of them)."""
        r, coded = self.resolve(field, value)
        if r is None:
            return [key(value).split()]
        if coded and key(r) != key(value):
            return [key(value).split(), key(r).split()]
        return [key(r).split()]

    def exact_key(self, field, value):
        r, _ = self.resolve(field, value)
        return key(value) if r is None else key(r)


def contains(words, seq):
    return any(words[i:i + len(seq)] == seq for i in range(len(words) - len(seq) + 1))


def facet_counts(db, field, query="*"):
    r = search_json(db, "--facets", field, "--facet-limit", "0", "--limit", "0", query)
    return {key(e["value"]): e["count"] for e in r["facets"][field]}


class Codebook(DbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.articles = make_archive(17)
        cls.jsonl = os.path.join(cls.tmp, "archive.jsonl")
        with open(cls.jsonl, "w", encoding="utf-8") as f:
            for a in cls.articles:
                f.write(json.dumps(a) + "\n")

    def build(self, name, lines=None, extra=()):
        db = os.path.join(self.tmp, name)
        args = list(extra)
        if lines is not None:
            path = os.path.join(self.tmp, name + ".tsv")
            write_codebook(path, lines)
            args += ["--names", path]
        index(db, self.jsonl, extra=["--no-extract", *args])
        return db

    def check_against_model(self, db, model, label):
        for field in POOLS:
            want = collections.Counter()
            for a in self.articles:
                want.update(model.keys(a, field))
            self.assertEqual(facet_counts(db, field), dict(want), f"{label}: {field} facets")
        # Exact and phrase filters on every name of the pools and the codebook's canonical ones.
        names = {(f, n) for f, pool in POOLS.items() for n in pool}
        names |= {(f, c) for (f, _), c in model.book.items() if c != "-"}
        queries, expected = [], []
        for field, value in sorted(names):
            k = model.exact_key(field, value)
            queries.append(f'{field}:="{value}"')
            expected.append(sum(1 for a in self.articles if k in model.keys(a, field)))
            seqs = model.phrase_query(field, value)
            queries.append(f'{field}:"{value}"')
            expected.append(sum(1 for a in self.articles
                                if any(contains(w, s) for w in model.word_lists(a, field) for s in seqs)))
        batch = "".join(f"q{i}\t{q}\n" for i, q in enumerate(queries))
        rc, out, err = search(db, "--batch", "-", "--count", "--format", "jsonl", stdin=batch.encode())
        self.assertIn(rc, (0, 1), err)
        got = {}
        for line in out.splitlines():
            r = json.loads(line)
            if "name" in r:
                got[r["name"]] = r["total"]
        for i, q in enumerate(queries):
            self.assertEqual(got.get(f"q{i}"), expected[i], f"{label}: {q}")

    def test_random_codebooks_against_the_model(self):
        for seed in range(16):
            lines = make_codebook(seed)
            db = self.build(f"fresh{seed}", lines)
            self.check_against_model(db, Model(lines), f"seed {seed}")

    def test_a_changed_codebook_files_the_archive_again_without_extracting(self):
        first, second = make_codebook(101), make_codebook(102)
        db = self.build("changed", first)
        path = os.path.join(self.tmp, "second.tsv")
        write_codebook(path, second)
        # No INPUT: nothing is read, so nothing is extracted; the names change all the same.
        err = index(db, extra=["--names", path])
        self.assertRegex(err, r"codebook .*second\.tsv: the names of \d+ of 160 articles filed anew")
        self.check_against_model(db, Model(second), "changed")
        fresh = self.build("second-fresh", second)
        for field in POOLS:
            self.assertEqual(facet_counts(db, field), facet_counts(fresh, field), field)
        # A run with the inputs finds every article unchanged, and reads the recorded file again.
        write_codebook(path, first)
        err = index(db, self.jsonl, extra=["--no-extract"])
        self.assertIn("160 unchanged", err)
        self.check_against_model(db, Model(first), "file edited")
        # An empty codebook files every name as written again.
        open(path, "w").close()
        index(db, extra=["--names", path])
        self.check_against_model(db, Model([]), "emptied")
        self.assertEqual(facet_counts(db, "org"), facet_counts(self.build("none"), "org"))

    def test_named_cases(self):
        lines = [("org", "Lib Dems", "Liberal Democrats"), ("org", "Liberal Democrat", "Lib Dems"),
                 ("org", "Lib Dem", "Liberal Democrats"), ("org", "EU", "European Union"),
                 ("org", "PC", "-"), ("person", "Blair", "Tony Blair"), ("person", "The", "-"),
                 ("place", "USA", "USA"), ("place", "Google", "-"),
                 ("place", "United States", "The States")]
        db = self.build("named", lines)
        self.check_against_model(db, Model(lines), "named")
        orgs = search_json(db, "--facets", "org", "--facet-limit", "0", "--limit", "0", "*")
        values = [e["value"] for e in orgs["facets"]["org"]]
        self.assertIn("Liberal Democrats", values)
        for gone in ("Lib Dems", "Liberal Democrat", "Lib Dem", "EU", "PC"):
            self.assertNotIn(gone, values)
        # Split: USA kept apart from the gazetteer's United States.
        places = facet_counts(db, "place")
        self.assertIn("usa", places)
        self.assertNotIn("google", places)
        # A filter on a variant finds the entity; words the article wrote still find it.
        lib = search_json(db, "--limit", "0", 'org:"liberal democrats"')["total"]
        self.assertEqual(search_json(db, "--limit", "0", 'org:"lib dems"')["total"], lib)
        self.assertEqual(search_json(db, "--limit", "0", 'org:="Lib Dem"')["total"],
                         search_json(db, "--limit", "0", 'org:="Liberal Democrats"')["total"])
        # Hits and exports show the names as the codebook files them, each once.
        model = Model(lines)
        def filed(a, field):
            out = []
            for n in a[RECORD[field]]:
                r, coded = model.resolve(field, n)
                r = n if r is not None and not coded else r
                if r is not None and key(r) not in [key(o) for o in out]:
                    out.append(r)
            return out
        by_id = {a["id"]: a for a in self.articles}
        hits = search_json(db, "--limit", "200", "*")["hits"]
        self.assertEqual(len(hits), len(self.articles))
        for h in hits:
            for field in POOLS:
                self.assertEqual(h[RECORD[field]], filed(by_id[h["id"]], field), (h["id"], field))
        rc, out, err = search(db, "--export", "--format", "jsonl", "--fields", "id,organizations", "*",
                              expect=0)
        for line in out.splitlines():
            r = json.loads(line)
            self.assertEqual(r["organizations"], filed(by_id[r["id"]], "org"))

    def test_manifest_carries_the_sha256(self):
        lines = make_codebook(5)
        db = self.build("manifest", lines)
        path = db + ".tsv"
        sha = hashlib.sha256(open(path, "rb").read()).hexdigest()
        for args in (["--limit", "1", "blair"], ["--count", "*"], ["--facets", "person", "*"]):
            r = search_json(db, *args)
            self.assertEqual(r["manifest"]["codebook"], {"file": os.path.abspath(path), "sha256": sha})
        rc, out, err = search(db, "--batch", "-", "--format", "json", stdin=b"a\tblair\n")
        self.assertEqual(json.loads(out)["manifest"]["codebook"]["sha256"], sha)
        self.assertIsNone(search_json(self.build("nobook"), "*")["manifest"]["codebook"])

    def test_listing_is_a_codebook_that_files_alike(self):
        lines = make_codebook(9)
        db = self.build("listed", lines)
        rc, out, err = search(db, "--names", expect=0)
        rows = [l.split("\t") for l in out.splitlines() if l and not l.startswith("#")]
        # Every variant once, with its number of articles, under the name it is filed by (or the
        # one the archive suggests).
        model = Model(lines)
        for field in POOLS:
            want = collections.Counter(key(n) for a in self.articles for n in set(a[RECORD[field]]))
            got = {key(r[1]): int(r[3]) for r in rows if r[0] == field}
            self.assertEqual(got, dict(want), field)
            for r in rows:
                if r[0] == field and len(r) == 4:
                    filed, _ = model.resolve(field, r[1])
                    self.assertEqual(r[2], "-" if filed is None else r[2])
                    if filed is not None:
                        self.assertEqual(key(r[2]), key(filed), r)
        # Suggestions: the plural and shortened forms of the pool's party (where the codebook
        # does not name them), and nothing for names the codebook names.
        suggested = {(r[0], r[1]): r[2] for r in rows if len(r) == 5}
        self.assertTrue(all(r[4].startswith("suggested: ") for r in rows if len(r) == 5))
        self.assertTrue(suggested)
        for (field, name), canonical in suggested.items():
            self.assertNotIn((field, key(name)), model.book)
        # Without its suggestions, the listing files the archive as it is.
        kept = os.path.join(self.tmp, "listing-kept.tsv")
        with open(kept, "w", encoding="utf-8") as f:
            f.writelines(l + "\n" for l in out.splitlines() if "\tsuggested: " not in l)
        index(db, extra=["--names", kept])
        fresh = self.build("listed-again", lines)
        for field in POOLS:
            self.assertEqual(facet_counts(db, field), facet_counts(fresh, field))
        # With them, it files the archive as its lines say.
        listing = os.path.join(self.tmp, "listing.tsv")
        with open(listing, "w", encoding="utf-8") as f:
            f.write(out)
        index(db, extra=["--names", listing])
        self.check_against_model(db, Model([(r[0], r[1], r[2]) for r in rows]), "listing")
        rc, out_json, err = search(db, "--names", "--format", "json", expect=2)
        self.assertIn("--names prints a codebook", err)
        # Over the articles of a query only.
        rc, out, err = search(db, "--names=person", 'person:="Kristi Noem"', expect=0)
        rows = [l.split("\t") for l in out.splitlines() if l and not l.startswith("#")]
        self.assertTrue(rows and all(r[0] == "person" for r in rows))

    def test_suggestions_carry_their_evidence(self):
        texts = [("The European Union (EU) met. EU leaders spoke.", ["European Union", "EU"], ["Tony Blair"]),
                 ("Talks with the EU went on.", ["EU"], ["Tony Blair"]),
                 ("Blair said so.", [], ["Blair"]),
                 ("Tony Blair spoke.", [], ["Tony Blair"]),
                 ("Alex Smith and Jo Smith met Smith.", [], ["Alex Smith", "Jo Smith", "Smith"]),
                 ("The Liberal Democrats and the Lib Dems.", ["Liberal Democrats", "Lib Dems"], [])]
        path = os.path.join(self.tmp, "suggest.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, (text, orgs, people) in enumerate(texts):
                f.write(json.dumps({"id": f"s{i}", "title": f"Item {i}", "text": text,
                                    "organizations": orgs, "people": people, "places": []}) + "\n")
        db = os.path.join(self.tmp, "suggest.db")
        index(db, path, extra=["--no-extract"])
        rc, out, err = search(db, "--names=person,org", expect=0)
        rows = {(r[0], r[1]): r[2:] for r in (l.split("\t") for l in out.splitlines())
                if len(r) >= 4}
        self.assertEqual(rows[("org", "EU")],
                         ["European Union", "2", "suggested: acronym defined as European Union in 1 article"])
        self.assertEqual(rows[("org", "Lib Dems")][:2], ["Liberal Democrats", "1"])
        self.assertEqual(rows[("person", "Blair")],
                         ["Tony Blair", "1", "suggested: surname of Tony Blair (3 of 3 articles naming a full name ending in it)"])
        self.assertEqual(rows[("person", "Smith")], ["Smith", "1"])  # two Smiths: apart
        # The researcher's word wins: a line keeping Blair apart leaves no suggestion.
        book = os.path.join(self.tmp, "suggest.tsv")
        write_codebook(book, [("person", "Blair", "Blair")])
        index(db, extra=["--names", book])
        rc, out, err = search(db, "--names=person", expect=0)
        self.assertIn("person\tBlair\tBlair\t1\n", out)

    def test_archive_of_shards_answers_as_one_database(self):
        lines = make_codebook(33)
        one = self.build("one", lines)
        shards = self.build("shards", make_codebook(34), extra=["--shards", "3"])
        path = os.path.join(self.tmp, "for-shards.tsv")
        write_codebook(path, lines)
        index(shards, extra=["--names", path])
        for field in POOLS:
            self.assertEqual(facet_counts(shards, field), facet_counts(one, field), field)
        self.check_against_model(shards, Model(lines), "shards")

    def test_a_bulk_first_build_files_alike(self):
        lines = make_codebook(55)
        one = self.build("one-thread", lines)
        bulk = self.build("two-threads", lines, extra=["--jobs", "2"])
        for field in POOLS:
            self.assertEqual(facet_counts(bulk, field), facet_counts(one, field), field)
        self.check_against_model(bulk, Model(lines), "bulk")

    def test_bad_codebooks_are_refused_with_file_and_line(self):
        db = self.build("bad", [("person", "Blair", "Tony Blair")])
        before = facet_counts(db, "person")
        cases = [("person\tBlair\n", r"bad\.tsv:2: a line is FIELD<tab>NAME<tab>CANONICAL"),
                 ("colour\tBlue\tRed\n", r"bad\.tsv:2: 'colour' is no name field"),
                 ("person\t\tX\n", r"bad\.tsv:2: no name"),
                 ("person\tA\tB\nperson\tA\tC\n", r"bad\.tsv:3: person 'A' is given another name on line 2"),
                 ("person\tA\tB\nperson\tB\tA\n", r"bad\.tsv:2: .*circle")]
        path = os.path.join(self.tmp, "bad.tsv")
        for text, message in cases:
            with open(path, "w", encoding="utf-8") as f:
                f.write("# header\n" + text)
            rc, out, err = run("morgue-index", "--db", db, "--names", path)
            self.assertEqual(rc, 2, text)
            self.assertRegex(err, "morgue-index: error: .*" + message)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertEqual(facet_counts(db, "person"), before)
        rc, out, err = run("morgue-index", "--db", db, "--names", os.path.join(self.tmp, "absent.tsv"))
        self.assertEqual(rc, 2)
        self.assertIn("cannot read the codebook", err)

    def test_extract_only_shows_canonical_names(self):
        path = os.path.join(self.tmp, "extract.tsv")
        write_codebook(path, [("person", "Noem", "Kristi Noem"), ("org", "Homeland Security Kristi Noem", "-")])
        rc, out, err = run("morgue-index", "--extract-only", "--names", path, CORPUS)
        self.assertEqual(rc, 0, err)
        for line in out.splitlines():
            r = json.loads(line)
            self.assertNotIn("Noem", r.get("people", []))
            self.assertNotIn("Homeland Security Kristi Noem", r.get("organizations", []))


if __name__ == "__main__":
    unittest.main()
