"""End-to-end tests for archives as they come (issue 18): compressed input, folder exclusion,
path: filters, sidecar manifests, folder fields and declared fields. Every expected answer is
computed here from the files the test writes (or from the shared corpora, when present), never
from morgue's own output.

Run by ctest as cli.Archives (python3 archives.py); exits 77 when every test skipped.
"""
import collections
import csv
import gzip
import io
import json
import lzma
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zlib

from cli_test import FIXTURE, SHARED, index, load_fixture, run, search, search_json, ids_of

REUTERS = os.path.join(SHARED, "corpora", "reuters21578", "docs.jsonl.gz")
BBC = os.path.join(SHARED, "corpora", "bbc", "bbc-fulltext.tar.gz")
PAGE = os.path.join(os.path.dirname(FIXTURE), "page.html")


def zstd(data):
    p = subprocess.run(["zstd", "-q", "-c"], input=data, capture_output=True, check=True)
    return p.stdout


def have_zstd():
    return shutil.which("zstd") is not None


COMPRESSORS = {"gz": gzip.compress, "xz": lzma.compress}


def compressors():
    c = dict(COMPRESSORS)
    if have_zstd():
        c["zst"] = zstd
    return c


def export(db, *fields):
    """Every article's record (id -> the fields asked for), as morgue exports them."""
    rc, out, err = search(db, "*", "--export", "--format", "jsonl", "--fields", ",".join(("id",) + fields))
    assert rc in (0, 1), err
    return {o["id"]: o for o in (json.loads(l) for l in out.splitlines())}


def count(db, query):
    rc, out, err = search(db, "--count", query)
    assert rc in (0, 1), err
    return int(out)


class Archives(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="morgue-archives-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, relative, data):
        p = self.path(relative)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    # --- compressed input -------------------------------------------------------------------

    def plain_archive(self, folder):
        """Every format, uncompressed: the fixture as JSON Lines and as a JSON array, a text
        article, a page. Returns {relative path: bytes}."""
        with open(FIXTURE, "rb") as f:
            jsonl = f.read()
        articles = load_fixture()
        files = {
            "wire.jsonl": jsonl,
            "array.json": json.dumps([dict(a, id="arr-" + str(a["id"])) for a in articles[:4]]).encode(),
            "note.txt": b"Harbour pilots return\n\nThe harbour pilots of Lisbon returned to work on Friday.\n",
            "page.html": open(PAGE, "rb").read(),
        }
        for name, data in files.items():
            self.write(os.path.join(folder, name), data)
        return files

    def test_every_format_compressed_indexes_as_uncompressed(self):
        files = self.plain_archive("plain")
        plain_db = self.path("plain.db")
        index(plain_db, self.path("plain"))
        want = export(plain_db, "title", "date", "outlet", "people", "places")
        self.assertEqual(len(want), len(load_fixture()) + 4 + 2)
        for ext, compress in compressors().items():
            folder = self.path("packed-" + ext)
            for name, data in files.items():
                self.write(os.path.join(folder, name + "." + ext), compress(data))
            db = self.path(ext + ".db")
            err = index(db, folder)
            got = export(db, "title", "date", "outlet", "people", "places")
            # Ids of files carry their names (note.txt.gz); JSON ids and everything else agree.
            def renamed(i):
                for name in files:
                    if i == name or i.startswith(name + "#"):
                        return name + "." + ext + i[len(name):]
                return i

            renamed = {renamed(k): dict(v, id=renamed(k)) for k, v in want.items()}
            self.assertEqual(got, renamed, f"{ext}: {err}")

    def test_a_compressed_json_lines_file_split_between_threads_reads_every_line_once(self):
        # Several parts decompress the same file and each reads its share of lines.
        lines = [json.dumps({"id": f"n{i}", "title": f"Story {i}", "text": f"harbour number{i} words"})
                 for i in range(3000)]
        data = ("\n".join(lines) + "\n").encode()
        for ext, compress in compressors().items():
            p = self.write(f"many-{ext}/big.jsonl.{ext}", compress(data))
            for jobs in ("1", "2", "3"):
                db = self.path(f"many-{ext}-{jobs}.db")
                index(db, p, extra=("--no-extract", "--jobs", jobs))
                got = export(db)
                self.assertEqual(set(got), {f"n{i}" for i in range(3000)}, (ext, jobs))
                self.assertEqual(count(db, "number1234"), 1)

    def test_compressed_standard_input(self):
        with open(FIXTURE, "rb") as f:
            data = f.read()
        n = len(load_fixture())
        for ext, compress in compressors().items():
            db = self.path(f"stdin-{ext}.db")
            rc, _, err = run("morgue-index", "--db", db, "-", stdin=compress(data))
            self.assertEqual(rc, 0, err)
            self.assertEqual(count(db, "*"), n)

    def test_a_truncated_gzip_keeps_the_lines_before_the_cut_and_the_other_files(self):
        lines = [json.dumps({"id": f"t{i}", "title": f"Story {i}", "text": "harbour " * 40}) for i in range(2000)]
        packed = gzip.compress(("\n".join(lines) + "\n").encode())
        cut = packed[: len(packed) // 2]
        bad = self.write("cut/a.jsonl.gz", cut)
        good = self.write("cut/b.jsonl", lines[0].replace('"t0"', '"other"') + "\n")
        # What can be read of the cut file: the whole lines of what decompresses.
        prefix = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(cut)
        whole = prefix.count(b"\n")
        db = self.path("cut.db")
        rc, _, err = run("morgue-index", "--db", db, "--jobs", "1", self.path("cut"))
        self.assertEqual(rc, 1, err)
        self.assertRegex(err, rf"skipped {bad}:\d+: gzip data is corrupt or cut short after \d+ decompressed bytes")
        self.assertNotIn("invalid JSON", err)  # the line cut in two is not blamed on the JSON
        got = export(db)
        self.assertIn("other", got)
        read = {k for k in got if k.startswith("t")}
        # Every article read is a whole line of the prefix, in order from the start.
        self.assertEqual(read, {f"t{i}" for i in range(len(read))})
        self.assertGreater(len(read), whole * 0.8)
        self.assertLessEqual(len(read), whole)
        # A re-run with --prune keeps them: the file was not read to its end.
        rc, _, err = run("morgue-index", "--db", db, "--prune", self.path("cut"))
        self.assertEqual(count(db, "*"), len(read) + 1, err)

    def test_a_file_with_a_compression_magic_but_no_such_data_is_named(self):
        bad = self.write("bad/x.txt.gz", b"\x1f\x8bnot really gzip at all")
        ok = self.write("bad/y.txt", "Title here\n\nsome harbour text.\n")
        db = self.path("bad.db")
        rc, _, err = run("morgue-index", "--db", db, self.path("bad"))
        self.assertEqual(rc, 1, err)
        self.assertIn(f"skipped {bad}: gzip data is corrupt or cut short", err)
        self.assertEqual(set(export(db)), {"y.txt"})

    def test_unknown_inner_type_is_named_with_both_extensions(self):
        p = self.write("odd/table.csv.gz", gzip.compress(b"a,b\n1,2\n"))
        rc, _, err = run("morgue-index", "--db", self.path("odd.db"), p)
        self.assertEqual(rc, 2, err)  # nothing indexed
        self.assertIn("unknown file type '.csv.gz'", err)

    # --- web archives -------------------------------------------------------------------------

    def warc_records(self, pages, broken_after=None):
        """WARC 1.1 records as a crawler writes them: warcinfo, then for each page a request, a
        response (HTTP 200, text/html) and a metadata record. Returns the records (bytes each) and,
        for each page, what its article should be. `broken_after`: the page after which a record
        with a bad Content-Length is put."""
        def record(kind, rid, headers, block):
            head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
                    f"WARC-Date: 2024-05-0{len(headers) % 9 + 1}T10:00:00Z\r\n")
            head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            head += f"Content-Length: {len(block)}\r\n\r\n"
            return head.encode() + block + b"\r\n\r\n"

        records = [record("warcinfo", "00000000-0000-0000-0000-000000000000",
                          {"Content-Type": "application/warc-fields"}, b"software: tests\r\n")]
        want = {}
        for i, (url, title, body) in enumerate(pages):
            html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    f"<p>{body}</p></article></body></html>").encode()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
            rid = f"11111111-1111-1111-1111-{i:012d}"
            target = {"WARC-Target-URI": url}
            records.append(record("request", f"22222222-2222-2222-2222-{i:012d}", dict(target, **{
                "Content-Type": "application/http; msgtype=request"}), f"GET {url} HTTP/1.1\r\n\r\n".encode()))
            records.append(record("response", rid, dict(target, **{
                "Content-Type": "application/http; msgtype=response"}), http))
            records.append(record("metadata", f"33333333-3333-3333-3333-{i:012d}", dict(target, **{
                "Content-Type": "application/warc-fields"}), b"fetchTimeMs: 12\r\n"))
            want[f"urn:uuid:{rid}"] = {"title": title, "url": url}
            if broken_after == i:
                records.append(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nbroken\r\n\r\n")
        return records, want

    def test_web_archives_plain_gzipped_and_from_standard_input(self):
        rng = random.Random(5)
        pages = [(f"https://news.example/{i}", f"Harbour story {i}",
                  " ".join(rng.choice(["dockers", "strike", "port", "lisbon", "ships"]) for _ in range(30)))
                 for i in range(40)]
        records, want = self.warc_records(pages, broken_after=19)
        bad_at = sum(len(r) for r in records[: 1 + 20 * 3])  # the broken record follows page 19
        plain = self.write("crawl/a.warc", b"".join(records))
        packed = self.write("crawl2/a.warc.gz", b"".join(gzip.compress(r) for r in records))  # a member each
        for path in (plain, packed):
            db = self.path(os.path.basename(os.path.dirname(path)) + ".db")
            rc, _, err = run("morgue-index", "--db", db, "--no-extract", path)
            self.assertEqual(rc, 1, err)
            self.assertIn(f"skipped {path}: WARC record at byte {bad_at}:", err)
            self.assertIn(f"note: {path}: 121 WARC records, 40 pages read; passed over: "
                          "40 metadata records, 40 request records, 1 warcinfo records", err)
            got = export(db, "title", "url", "date")
            self.assertEqual({k: {"title": v["title"], "url": v["url"]} for k, v in got.items()}, want)
            self.assertTrue(all(v["date"].startswith("2024-05-0") for v in got.values()))
            self.assertEqual(count(db, "strike"), sum(1 for p in pages if "strike" in p[2].split()))
            self.assertEqual(count(db, f"path:{os.path.basename(path)}"), 40)  # the root: its folder
        db = self.path("stdin-warc.db")
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", "-", stdin=gzip.compress(b"".join(records)))
        self.assertEqual(rc, 1, err)
        self.assertIn("skipped -: WARC record at byte", err)
        self.assertEqual(count(db, "*"), 40)

    # --- folders: exclusion, nothing indexed, path: ------------------------------------------

    def folder_archive(self):
        files = {
            "politics/2005/a.txt": "Blair wins vote\n\nTony Blair won the vote in parliament on Monday.\n",
            "politics/2005/b.txt": "Brown budget\n\nGordon Brown set out the budget.\n",
            "politics/2006/c.txt": "Election called\n\nAn election was called for May.\n",
            "sport/d.txt": "Cup final\n\nThe cup final was played at Wembley.\n",
            "sport/e.bak.txt": "Old draft\n\nAn old draft of a sports story.\n",
            "drafts/f.txt": "Draft\n\nA draft that should not be indexed.\n",
            "README.TXT": "About this archive\n\nIt holds stories.\n",
            "LICENSE": "Terms of use.\n",
            "licence.txt": "Terms of use\n\nYou may read these stories.\n",
            ".hidden/g.txt": "Hidden\n\nA hidden story.\n",
            "top.txt": "Top story\n\nA story at the top of the archive.\n",
        }
        for name, text in files.items():
            self.write(os.path.join("arch", name), text)
        return files

    def test_exclude_globs_and_the_default_excludes(self):
        self.folder_archive()
        db = self.path("ex.db")
        err = index(db, self.path("arch"), extra=("--exclude", "drafts/", "--exclude", "*.bak.txt"))
        want = {"politics/2005/a.txt", "politics/2005/b.txt", "politics/2006/c.txt", "sport/d.txt", "top.txt"}
        self.assertEqual(set(export(db)), want)
        # README.TXT, LICENSE, licence.txt, sport/e.bak.txt
        self.assertIn("4 files excluded", err)
        # --no-default-excludes reads the README and the licence; hidden folders stay hidden.
        db2 = self.path("ex2.db")
        index(db2, self.path("arch"), extra=("--no-default-excludes", "--exclude", "drafts/",
                                             "--exclude", "*.bak.txt"))
        self.assertEqual(set(export(db2)), want | {"README.TXT", "licence.txt"})
        # A path glob matches below the input folder; a file named as input is always read.
        db3 = self.path("ex3.db")
        index(db3, self.path("arch"), self.path("arch", "drafts", "f.txt"),
              extra=("--exclude", "politics/2005/*", "--exclude", "drafts"))
        self.assertEqual(set(export(db3)), {"politics/2006/c.txt", "sport/d.txt", "sport/e.bak.txt",
                                            "top.txt", "drafts/f.txt"})
        # --prune removes the articles of what is now excluded.
        index(db2, self.path("arch"), extra=("--prune", "--exclude", "drafts/", "--exclude", "*.bak.txt",
                                             "--exclude", "sport"))
        self.assertEqual(set(export(db2)), want - {"sport/d.txt"})

    def test_nothing_indexed_makes_no_database(self):
        bad = self.write("none/x.json", "{not json")
        db = self.path("none.db")
        rc, _, err = run("morgue-index", "--db", db, bad)
        self.assertEqual(rc, 2, err)
        self.assertIn("nothing was indexed, so no database was created at " + db, err)
        self.assertFalse(os.path.exists(db))
        empty = self.path("emptyfolder")
        os.makedirs(empty)
        rc, _, err = run("morgue-index", "--db", self.path("e.db"), empty)
        self.assertEqual(rc, 2, err)
        self.assertFalse(os.path.exists(self.path("e.db")))
        made = self.path("made.db")
        os.makedirs(made)  # a folder the user made is left, empty
        rc, _, err = run("morgue-index", "--db", made, bad)
        self.assertEqual(rc, 2, err)
        self.assertEqual(os.listdir(made), [])
        # A later run with good input makes it.
        index(made, FIXTURE)
        self.assertEqual(count(made, "*"), len(load_fixture()))
        # An existing database is never removed, even when a run adds nothing.
        rc, _, err = run("morgue-index", "--db", made, bad)
        self.assertEqual(rc, 1, err)
        self.assertEqual(count(made, "*"), len(load_fixture()))

    def test_path_filters_by_folder(self):
        files = self.folder_archive()
        db = self.path("path.db")
        index(db, self.path("arch"))
        ids = set(export(db))
        for folder in ("politics", "politics/2005", "politics/2006", "sport", "drafts"):
            want = {i for i in ids if i.startswith(folder + "/")}
            self.assertEqual(ids_of(search_json(db, f"path:{folder}")), want, folder)
            self.assertEqual(ids_of(search_json(db, f"path:{folder}/")), want, folder)
            self.assertEqual(count(db, f"* -path:{folder}"), len(ids) - len(want), folder)
        self.assertEqual(ids_of(search_json(db, "path:politics/2005/a.txt")), {"politics/2005/a.txt"})
        self.assertEqual(count(db, "path:polit"), 0)  # a folder is matched whole
        self.assertEqual(count(db, "path:politics vote"), 1)

    # --- sidecar manifests and folder fields ------------------------------------------------

    def test_a_csv_manifest_gives_dates_outlets_people_and_other_fields(self):
        self.folder_archive()
        manifest = self.write("meta/meta.csv",
                              'path,date,outlet,people,section,note\n'
                              '../arch/politics/2005/a.txt,2005-03-14,BBC,Tony Blair;Gordon Brown,politics,"a note, with a comma"\n'
                              '../arch/politics/2005/b.txt,2005-03-20,BBC,Gordon Brown,politics,"two\nlines"\n'
                              '../arch/sport/d.txt,2005-04-02,Sky,,sport,\n'
                              '../arch/nope.txt,2005-01-01,X,,,\n'
                              '../arch/top.txt,2005-04\n')
        db = self.path("m.db")
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", "--metadata", manifest, self.path("arch"))
        self.assertEqual(rc, 0, err)
        self.assertIn(f"warning: {manifest}:6: path \"../arch/nope.txt\" names no file; row ignored", err)
        self.assertIn(f"warning: {manifest}:7: 2 cells where the header has 6; row ignored", err)
        got = export(db, "date", "outlet", "people", "note")
        self.assertEqual(got["politics/2005/a.txt"]["date"], "2005-03-14")
        self.assertEqual(got["politics/2005/a.txt"]["people"], ["Tony Blair", "Gordon Brown"])
        self.assertEqual(got["politics/2005/a.txt"]["note"], "a note, with a comma")
        self.assertEqual(got["politics/2005/b.txt"]["note"], "two\nlines")
        self.assertEqual(got["sport/d.txt"]["outlet"], "Sky")
        self.assertIsNone(got["top.txt"]["date"])
        h = search_json(db, "*", "--histogram", "month")
        self.assertEqual({r["period"]: r["count"] for r in h["histogram"]}, {"2005-03": 2, "2005-04": 1})
        self.assertEqual(count(db, 'person:"gordon brown"'), 2)
        self.assertEqual(count(db, "outlet:bbc"), 2)
        # A changed manifest changes the articles on the next run (the files did not change).
        m2 = self.write("meta/m2.jsonl", json.dumps({"path": "../arch/sport/d.txt", "date": "2006-01-09"}) + "\n" +
                        json.dumps({"id": "no-such-id", "outlet": "Z"}) + "\n" + "{broken\n")
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", "--metadata", manifest, "--metadata", m2,
                         self.path("arch"))
        self.assertEqual(rc, 0, err)
        self.assertIn(f"{m2}:2: no article with id \"no-such-id\" was read in this run", err)
        self.assertIn(f"{m2}:3: invalid JSON", err)
        self.assertEqual(export(db, "date")["sport/d.txt"]["date"], "2006-01-09")  # the later manifest's
        self.assertIn(" 1 updated, 6 unchanged", err)
        # A run that names no manifest reads those the database records: nothing changes.
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", self.path("arch"))
        self.assertEqual(rc, 0, err)
        self.assertIn("reading the manifests the database records", err)
        self.assertIn(" 0 updated, 7 unchanged", err)
        self.assertEqual(export(db, "date")["politics/2005/a.txt"]["date"], "2005-03-14")
        # A recorded manifest that is gone is an error, not articles silently stripped of its fields.
        os.rename(m2, m2 + ".moved")
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", self.path("arch"))
        self.assertEqual(rc, 2, err)
        self.assertIn(f"the manifest {m2} that database {db} records is gone", err)

    def test_a_manifest_inside_the_archive_is_not_read_as_articles(self):
        self.folder_archive()
        manifest = self.write("arch/meta.jsonl", json.dumps({"path": "top.txt", "outlet": "Top Outlet"}) + "\n")
        db = self.path("in.db")
        index(db, self.path("arch"), extra=("--metadata", manifest, "--no-extract"))
        got = export(db, "outlet")
        self.assertNotIn("meta.jsonl#1", got)
        self.assertEqual(got["top.txt"]["outlet"], "Top Outlet")

    def test_path_fields_are_facets_and_filters_kept_by_later_runs(self):
        self.folder_archive()
        db = self.path("pf.db")
        index(db, self.path("arch"), extra=("--path-field", "section=1", "--path-field", "year=2"))
        ids = set(export(db))
        want = collections.Counter(i.split("/")[0] for i in ids if "/" in i)
        facets = search_json(db, "*", "--facets", "section,year", "--facet-limit", "0")["facets"]
        self.assertEqual({f["value"]: f["count"] for f in facets["section"]}, dict(want))
        years = collections.Counter(i.split("/")[1] for i in ids if i.count("/") >= 2)
        self.assertEqual({f["value"]: f["count"] for f in facets["year"]}, dict(years))
        self.assertEqual(count(db, "section:sport"), want["sport"])
        self.assertEqual(count(db, "year:2005"), years["2005"])
        # A later run without the option keeps them; a different one is an error.
        self.write("arch/sport/new.txt", "New story\n\nA new sport story.\n")
        index(db, self.path("arch"))
        self.assertEqual(count(db, "section:sport"), want["sport"] + 1)
        rc, _, err = run("morgue-index", "--db", db, "--path-field", "section=2", self.path("arch"))
        self.assertEqual(rc, 2, err)
        self.assertIn("--path-field differs from the database's (section=1", err)
        rc, _, err = run("morgue-index", "--db", self.path("x.db"), "--path-field", "section", self.path("arch"))
        self.assertEqual(rc, 2, err)
        self.assertIn("give NAME=DEPTH", err)

    # --- declared fields --------------------------------------------------------------------

    def test_declared_keyword_and_text_fields(self):
        rng = random.Random(18)
        topics = ["trade", "ports", "labour", "grain", "oil-prices"]
        rows = []
        for i in range(300):
            t = rng.sample(topics, rng.randint(0, 3))
            row = {"id": f"d{i}", "title": f"Story {i}", "text": "harbour " + rng.choice(["quiet", "busy"]),
                   "topics": t, "summary": rng.choice(["strike at the docks", "grain prices fell", "talks resumed"])}
            if i % 50 == 7:
                row["topics"] = {"bad": "object"}
            if i % 60 == 11:
                row["topics"] = "trade"  # one value, not a list
            rows.append(row)
        feed = self.write("decl/feed.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
        db = self.path("decl.db")
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", "--field", "topics:keyword",
                         "--field", "summary:text", feed)
        self.assertEqual(rc, 0, err)
        for i, r in enumerate(rows, 1):
            if isinstance(r["topics"], dict):
                self.assertIn(f"warning: {feed}:{i}: field \"topics\" is declared keyword and should be a string "
                              "or a list of strings, not object", err)

        def values(r):
            t = r["topics"]
            return [] if isinstance(t, dict) else [t] if isinstance(t, str) else t

        want = collections.Counter(v for r in rows for v in set(values(r)))
        facets = search_json(db, "*", "--facets", "topics", "--facet-limit", "0")["facets"]["topics"]
        self.assertEqual({f["value"]: f["count"] for f in facets}, dict(want))
        for f in facets:  # every drill-down filter selects what its facet counted
            self.assertEqual(count(db, f["filter"]), f["count"], f)
        rc, out, err = search(db, "--list-fields", "--format", "jsonl")
        listed = {o["field"]: o for o in map(json.loads, out.splitlines())}
        self.assertEqual(listed["topics"], {"field": "topics", "kind": "keyword", "declared": True,
                                            "articles": sum(1 for r in rows if values(r))})
        self.assertEqual(listed["summary"]["articles"], len(rows))
        self.assertEqual(listed["person"]["declared"], False)
        busy = [r for r in rows if "busy" in r["text"]]
        got = search_json(db, "busy", "--facets", "topics", "--facet-limit", "0")["facets"]["topics"]
        self.assertEqual({f["value"]: f["count"] for f in got},
                         dict(collections.Counter(v for r in busy for v in set(values(r)))))
        self.assertEqual(count(db, "topics:oil-prices"), want["oil-prices"])
        self.assertEqual(count(db, "topics:trade -topics:ports"),
                         sum(1 for r in rows if "trade" in values(r) and "ports" not in values(r)))
        self.assertEqual(count(db, "summary:grain"), sum(1 for r in rows if "grain" in r["summary"]))
        self.assertEqual(count(db, 'summary:"talks resumed"'), sum(1 for r in rows if r["summary"] == "talks resumed"))
        self.assertEqual(count(db, "docks"), sum(1 for r in rows if "docks" in r["summary"]))  # text is searched
        # Batch tables count declared fields too.
        batch = self.write("decl/q.tsv", "all\t*\nbusy\tbusy\n")
        rc, out, err = search(db, "--batch", batch, "--facets", "topics", "--format", "csv", "--facet-limit", "0")
        self.assertEqual(rc, 0, err)
        table = list(csv.DictReader(io.StringIO(out)))
        self.assertEqual({r["value"]: int(r["count"]) for r in table if r["name"] == "all" and r["field"] == "topics"},
                         dict(want))
        # The declaration is the database's: a later run keeps it, may repeat it, may not change it.
        more = self.write("decl/more.jsonl", json.dumps({"id": "m1", "text": "x", "topics": ["ports"]}) + "\n")
        index(db, more, extra=("--no-extract",))
        self.assertEqual(count(db, "topics:ports"), want["ports"] + 1)
        index(db, more, extra=("--no-extract", "--field", "topics:keyword"))
        rc, _, err = run("morgue-index", "--db", db, "--field", "topics:text", more)
        self.assertEqual(rc, 2, err)
        self.assertIn("--field topics:text conflicts with the database's topics:keyword", err)
        rc, _, err = run("morgue-index", "--db", db, "--field", "region:keyword", more)
        self.assertEqual(rc, 2, err)
        self.assertIn("was built without --field region:keyword", err)
        for bad, why in (("topics", "give NAME:keyword or NAME:text"), ("Topics:keyword", "lower-case letter"),
                         ("place:keyword", "one of morgue's own fields"), ("text:text", "one of morgue's own fields")):
            rc, _, err = run("morgue-index", "--db", self.path("bad.db"), "--field", bad, more)
            self.assertEqual(rc, 2, err)
            self.assertIn(why, err)
            self.assertFalse(os.path.exists(self.path("bad.db")))
        # The searcher knows the fields of the database it opens, and only those.
        rc, _, err = search(self.path("bad.db"), "topics:x")
        self.assertEqual(rc, 2)
        other = self.path("other.db")
        index(other, FIXTURE)
        rc, _, err = search(other, "*", "--facets", "topics")
        self.assertEqual(rc, 2, err)
        self.assertIn("'topics' cannot be counted", err)

    @unittest.skipUnless(os.path.exists(REUTERS), "needs ../shared/corpora/reuters21578")
    def test_reuters_topics_facets_equal_brute_force(self):
        db = self.path("reuters.db")
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", "--field", "topics:keyword", REUTERS)
        self.assertIn(rc, (0, 1), err)
        with gzip.open(REUTERS, "rt", encoding="utf-8") as f:
            docs = [json.loads(l) for l in f]
        for query, keep in (("*", lambda d: True),
                            ("place:usa", lambda d: "usa" in d["places"]),
                            ("place:japan", lambda d: "japan" in d["places"]),
                            ("topics:grain", lambda d: "grain" in d["topics"]),
                            ("date:1987-03", lambda d: d["date"].startswith("1987-03"))):
            want = collections.Counter(t for d in docs if keep(d) for t in set(d["topics"]))
            got = search_json(db, query, "--facets", "topics", "--facet-limit", "0")["facets"]["topics"]
            self.assertEqual({f["value"]: f["count"] for f in got}, dict(want), query)

    @unittest.skipUnless(os.path.exists(BBC), "needs ../shared/corpora/bbc")
    def test_bbc_with_a_manifest_of_dates_answers_a_monthly_histogram(self):
        with tarfile.open(BBC) as tar:
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(self.path("bbc"), **safe)
        root = [os.path.join(dp) for dp, dn, fn in os.walk(self.path("bbc")) if "README.TXT" in fn][0]
        rng = random.Random(2005)
        rows, months = [], collections.Counter()
        for dp, _, fn in sorted(os.walk(root)):
            for name in sorted(fn):
                if not name.endswith(".txt"):
                    continue
                rel = os.path.relpath(os.path.join(dp, name), root)
                date = f"2005-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                rows.append((rel, date))
                months[date[:7]] += 1
        manifest = os.path.join(root, "dates.csv")
        with open(manifest, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["path", "date"])
            w.writerows(rows)
        db = self.path("bbc.db")
        rc, _, err = run("morgue-index", "--db", db, "--no-extract", "--metadata", manifest,
                         "--path-field", "section=1", root)
        self.assertIn(rc, (0, 1), err)  # some BBC files are not UTF-8 (read with a warning)
        self.assertNotIn("README", " ".join(export(db)))
        h = search_json(db, "*", "--histogram", "month")
        self.assertEqual({r["period"]: r["count"] for r in h["histogram"]}, dict(months))
        sections = collections.Counter(r.split("/")[0] for r, _ in rows)
        facets = search_json(db, "*", "--facets", "section")["facets"]["section"]
        self.assertEqual({f["value"]: f["count"] for f in facets}, dict(sections))


if __name__ == "__main__":
    result = unittest.TextTestRunner(verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(Archives))
    if not result.wasSuccessful():
        sys.exit(1)
    sys.exit(77 if result.skipped and len(result.skipped) >= result.testsRun else 0)
