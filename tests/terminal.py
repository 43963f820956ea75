"""End-to-end tests for terminal manners (issue 19): the config file, the pager, text output
laid out for the terminal's width (80 columns when not a terminal), --help at 80 columns. Widths
are measured here with Python's own Unicode tables; counts and shares are computed here from the
articles the test writes.

Run by ctest as cli.Terminal (python3 terminal.py).
"""
import collections
import json
import os
import pty
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import unittest

from cli_test import BIN, ENV, run

WORDS = ["harbour", "strike", "minister", "budget", "election", "talks", "ships", "union",
         "parliament", "storm", "floods", "markets", "Lisbon", "港口", "罢工", "Ölpreis", "café",
         "internationalisation-of-everything-everywhere"]
PLACES = ["Lisbon", "Porto", "Sines", "Faro", "Braga", "Coimbra", "Setúbal"]


def width(line):
    """Columns a terminal gives `line` (no escapes: NO_COLOR is set)."""
    total = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def articles(seed=7, n=80):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 22)))
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80)))
        if rng.random() < 0.4:
            text += " zebra"
        out.append({"id": f"a{i:03d}", "title": title, "text": text,
                    "date": f"2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}",
                    "places": rng.sample(PLACES, rng.randint(1, 3)),
                    "people": [rng.choice(["Ana Costa", "Rui Mota", "Maria João Rodrigues-Sant'Ana"])]})
    return out


class Terminal(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="morgue-terminal-")
        cls.articles = articles()
        cls.src = os.path.join(cls.tmp, "articles.jsonl")
        with open(cls.src, "w", encoding="utf-8") as f:
            for a in cls.articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        cls.db = os.path.join(cls.tmp, "a.db")
        rc, _, err = run("morgue-index", "--db", cls.db, "--no-extract", cls.src)
        assert rc == 0, err

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def search(self, *args, columns=None, env=None):
        e = dict(env or ENV)
        if columns:
            e["COLUMNS"] = str(columns)
        return run("morgue-search", *args, env=e)

    # --- widths -------------------------------------------------------------------------------

    def test_hits_and_facets_fit_the_width_and_break_only_between_words(self):
        for columns in (40, 57, 80, 132):
            rc, out, err = self.search("--db", self.db, "*", "--limit", "80", "--facets",
                                       "place,person", columns=columns)
            self.assertEqual(rc, 0, err)
            for line in out.splitlines():
                self.assertLessEqual(width(line), columns, f"{columns}: {line!r}")
            # The title of each hit, read back from its lines, is the title: words whole unless
            # one is wider than the line.
            blocks = re.findall(r"^(\d+)\. (.*?)\n +\d{4}-", out, re.M | re.S)
            self.assertEqual(len(blocks), 80)
            by_id = {}
            for rank, text in blocks:
                by_id[int(rank)] = " ".join(text.split())
            titles = {" ".join(a["title"].split()) for a in self.articles}
            whole = [t for t in by_id.values() if t in titles]
            long_word = max(len(w) for w in WORDS)
            if columns - 4 >= long_word:
                self.assertEqual(len(whole), 80, f"{columns}: a title came back changed")

    def test_not_a_terminal_is_80_columns(self):
        rc, out, _ = self.search("--db", self.db, "*", "--limit", "80")
        self.assertEqual(rc, 0)
        self.assertTrue(all(width(l) <= 80 for l in out.splitlines()))
        self.assertTrue(any(width(l) > 70 for l in out.splitlines()))  # and it uses them

    def histogram_rows(self, out):
        rows = []
        pattern = re.compile(r"^(\d{4}-\d\d)  (.+?)\s+(\d+) (\u2588*) *(?:([\d.]+)% of (\d+)|\(none of (\d+)\))$")
        for line in out.splitlines():
            m = pattern.match(line)
            if m:
                rows.append((line, m))
        return rows

    def test_histogram_by_field_is_aligned_and_bars_show_shares_with_normalize(self):
        # Brute force: per month and place, articles with the word zebra, and all articles.
        matching, every = collections.Counter(), collections.Counter()
        for a in self.articles:
            for p in a["places"]:
                every[(a["date"][:7], p)] += 1
                if "zebra" in a["text"].split():
                    matching[(a["date"][:7], p)] += 1
        for columns in (60, 80, 100):
            rc, out, err = self.search("--db", self.db, "zebra", "--histogram", "month", "--by",
                                       "place", "--normalize", columns=columns)
            self.assertEqual(rc, 0, err)
            rows = self.histogram_rows(out)
            # Every place of the top ten in every month, those without a match too (0 of N).
            self.assertEqual({(m.group(1), m.group(2).strip()) for _, m in rows if int(m.group(3))},
                             {k for k in matching if matching[k]}, out)
            starts = set()
            shares = {}
            for line, m in rows:
                self.assertLessEqual(width(line), columns, line)
                key = (m.group(1), m.group(2).strip())
                self.assertEqual(int(m.group(3)), matching[key], key)
                self.assertEqual(int(m.group(6) or m.group(7)), every[key], key)
                share = matching[key] / every[key]
                self.assertAlmostEqual(float(m.group(5) or 0), 100 * share, delta=0.051)
                shares[key] = (share, len(m.group(4)))
                starts.add(m.start(4))
            self.assertEqual(len(starts), 1, "the bars do not start in one column")
            top = max(s for s, _ in shares.values())
            longest = max(n for _, n in shares.values())
            for key, (share, bar) in shares.items():
                self.assertLessEqual(abs(bar - longest * share / top), 1.0, key)  # shares, not counts

    def test_help_fits_80_columns(self):
        for tool in ("morgue-search", "morgue-index"):
            rc, out, _ = run(tool, "--help")
            self.assertEqual(rc, 0)
            for line in out.splitlines():
                self.assertLessEqual(width(line), 80, f"{tool}: {line!r}")

    # --- the config file ----------------------------------------------------------------------

    def config(self, text):
        home = tempfile.mkdtemp(dir=self.tmp)
        os.makedirs(os.path.join(home, "xdg", "morgue"))
        with open(os.path.join(home, "xdg", "morgue", "config"), "w") as f:
            f.write(text)
        env = dict(ENV, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "xdg"))
        env.pop("MORGUE_CONFIG")
        return home, env

    def test_config_gives_defaults_and_the_command_line_and_environment_win(self):
        home, env = self.config(f"db = {self.db}\n[morgue-search]\nlimit = 3\nformat = json\n"
                                "[morgue-index]\nexclude = skip*\n")
        rc, out, err = self.search("zebra", env=env)
        self.assertEqual(rc, 0, err)
        want = sum(1 for a in self.articles if "zebra" in a["text"].split())
        got = json.loads(out)
        self.assertEqual((got["total"], len(got["hits"])), (want, 3))
        rc, out, _ = self.search("zebra", "--limit", "5", "--format", "jsonl", env=env)
        self.assertEqual(len([l for l in out.splitlines() if '"id"' in l]), 5)
        other = os.path.join(self.tmp, "empty-of-zebras.db")
        folder = os.path.join(home, "in")
        os.makedirs(folder)
        for name in ("keep.txt", "skipped.txt"):
            with open(os.path.join(folder, name), "w") as f:
                f.write("Zebra\n\nA zebra story.\n")
        rc, _, err = run("morgue-index", "--db", other, folder, env=env)
        self.assertEqual(rc, 0, err)
        env_db = dict(env, MORGUE_DB=other)  # $MORGUE_DB wins over the config's db
        rc, out, _ = self.search("zebra", env=env_db)
        self.assertEqual(json.loads(out)["total"], 1)  # skipped.txt was excluded by the config
        rc, out, _ = self.search("--db", self.db, "zebra", env=env_db)
        self.assertEqual(json.loads(out)["total"], want)

    def test_config_db_from_home_and_mistakes_named(self):
        home, env = self.config("db = ~/my.db\n")
        shutil.copytree(self.db, os.path.join(home, "my.db"))
        rc, out, err = self.search("--count", "*", env=env)
        self.assertEqual((rc, out.strip()), (0, str(len(self.articles))), err)
        _, env = self.config("[morgue-search]\nlimit = 3\nlimt = 4\n")
        path = os.path.join(env["XDG_CONFIG_HOME"], "morgue", "config")
        rc, out, err = self.search("--db", self.db, "zebra", env=env)
        self.assertEqual((rc, out), (2, ""))
        self.assertIn(f"morgue-search: error: {path}:3: unrecognised option 'limt'", err)
        self.assertEqual(len(err.splitlines()), 1)
        rc, _, err = run("morgue-search", "--db", self.db, "x", env=dict(ENV, MORGUE_CONFIG="/no/such"))
        self.assertEqual(rc, 2)
        self.assertIn("/no/such: cannot read the config file", err)

    # --- the pager ----------------------------------------------------------------------------

    def on_terminal(self, args, env):
        """Runs morgue-search with standard output on a pseudo-terminal; returns (exit, output)."""
        master, slave = pty.openpty()
        p = subprocess.Popen([os.path.join(BIN, "morgue-search"), *args], stdout=slave,
                             stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal's other end is closed
                break
            if not chunk:
                break
            out += chunk
        os.close(master)
        p.wait(timeout=120)
        return p.returncode, out.decode("utf-8", "replace")

    def test_a_terminal_gets_the_pager_and_a_pipe_does_not(self):
        paged = os.path.join(self.tmp, "paged.txt")
        env = dict(ENV, MORGUE_PAGER=f"cat > {paged}; echo pager-ran")
        rc, out = self.on_terminal(["--db", self.db, "zebra"], env)
        self.assertEqual(rc, 0)
        self.assertEqual(out.strip(), "pager-ran")
        with open(paged, encoding="utf-8") as f:
            text = f.read()
        _, piped, _ = run("morgue-search", "--db", self.db, "zebra", env=env)
        self.assertIn("matching articles, showing 1-10", text)
        os.remove(paged)
        self.assertIn("matching articles, showing 1-10", piped)
        self.assertFalse(os.path.exists(paged))  # not a terminal: no pager
        for off in (["--no-pager"], []):
            e = env if off else dict(env, MORGUE_PAGER="")
            rc, out = self.on_terminal(["--db", self.db, "zebra", *off], e)
            self.assertEqual(rc, 0)
            self.assertIn("matching articles, showing 1-10", out)
            self.assertFalse(os.path.exists(paged))

    def test_a_pager_that_cannot_run_is_an_error_and_gets_default_signals(self):
        rc, out = self.on_terminal(["--db", self.db, "zebra"],
                                   dict(ENV, MORGUE_PAGER="no-such-pager-here"))
        self.assertEqual(rc, 2)
        # The pager (and what it runs) gets SIGPIPE's default action: `yes` into a closed pipe ends
        # quietly instead of reporting a write error.
        log = os.path.join(self.tmp, "pager-stderr.txt")
        env = dict(ENV, MORGUE_PAGER=f"(yes | head -c 1 > /dev/null) 2> {log}; cat > /dev/null")
        rc, _ = self.on_terminal(["--db", self.db, "zebra"], env)
        self.assertEqual(rc, 0)
        with open(log) as f:
            self.assertEqual(f.read(), "")

    def test_an_interrupt_waits_for_the_pager(self):
        """Ctrl-C reaches morgue-search while the pager shows its output: morgue-search ends only
        after the pager, as git does, so that the pager never fights the shell for the terminal."""
        import signal
        import time
        started = os.path.join(self.tmp, "pager-started.txt")
        done = os.path.join(self.tmp, "pager-done.txt")
        env = dict(ENV, MORGUE_PAGER=f"cat > /dev/null; echo > {started}; sleep 2; echo done > {done}")
        master, slave = pty.openpty()
        p = subprocess.Popen([os.path.join(BIN, "morgue-search"), "--db", self.db, "zebra"],
                             stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
        os.close(slave)
        deadline = time.time() + 120
        while not os.path.exists(started) and time.time() < deadline:  # morgue-search is waiting
            time.sleep(0.05)
        self.assertTrue(os.path.exists(started))
        p.send_signal(signal.SIGINT)
        rc = p.wait(timeout=60)
        self.assertTrue(os.path.exists(done), "morgue-search ended before its pager")
        self.assertEqual(rc, -signal.SIGINT)
        os.close(master)

    def test_a_pager_that_quits_early_is_no_error(self):
        env = dict(ENV, MORGUE_PAGER="head -c 10")
        for args in (["*", "--limit", "80"], ["*", "--export", "--format", "jsonl"]):
            rc, _ = self.on_terminal(["--db", self.db, *args], env)
            self.assertEqual(rc, 0, args)


if __name__ == "__main__":
    result = unittest.TextTestRunner(verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(Terminal))
    sys.exit(0 if result.wasSuccessful() else 1)
