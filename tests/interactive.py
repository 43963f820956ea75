"""End-to-end tests of `morgue-search --interactive` over corpus/: driven through standard input
(Interactive), and on a real 80x24 terminal through tmux (InteractiveTerminal, skipped when tmux
is not installed). Counts after a drill-down are checked against `--count` and against a count
made here from `--export`. Run by cli_test.py: python3 cli_test.py Interactive.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import time
import unicodedata
import unittest

from cli_test import BIN, CORPUS, ENV, DbCase, fold, search

PROMPT = "morgue> "
FACET = re.compile(r"^\[f(\d+)\] (\w+): (.*) \((\d+)\)$", re.M)


def session(db, lines, *args, env=None):
    """Runs morgue-search -i with `lines` on standard input: (exit status, the output after each
    prompt (the first item: before the first prompt), standard error)."""
    p = subprocess.run([os.path.join(BIN, "morgue-search"), "-i", "--db", db, *args],
                       input="".join(line + "\n" for line in lines).encode(), capture_output=True,
                       env=env or ENV, timeout=600)
    return p.returncode, p.stdout.decode("utf-8").split(PROMPT), p.stderr.decode("utf-8")


def total(page):
    m = re.search(r"^(\d+) matching articles?", page, re.M)
    assert m, f"no total in {page!r}"
    return int(m.group(1))


def facets(page):
    """{number: (field, value, count)} of a page's numbered facet values."""
    return {int(n): (f, v, int(c)) for n, f, v, c in FACET.findall(page)}


def hit_ids(page):
    """{rank: id} of a page's hits (the id ends the line under the title)."""
    ids = {}
    for rank, meta in re.findall(r"^(\d+)\. .*\n   (.*)$", page, re.M):
        ids[int(rank)] = meta.split(" · ")[-1]
    return ids


def count_by_export(db, query, field, value):
    """The articles of `query` that have `value` in `field`, counted here from --export."""
    key = {"place": "places", "person": "people", "org": "organizations", "outlet": "outlet"}[field]
    rc, out, err = search(db, "--export", "--format", "jsonl", "--", query)
    assert rc in (0, 1), err
    n = 0
    for line in out.splitlines():
        v = json.loads(line)[key]
        values = v if isinstance(v, list) else [v] if v else []
        n += any(fold(x) == fold(value) for x in values)
    return n


class Interactive(DbCase):
    inputs = (CORPUS,)

    def test_query_drill_down_back_open_quit(self):
        rc, out, err = session(self.db, ["CECOT"])
        self.assertEqual(rc, 0, err)
        first = out[1]
        self.assertEqual(total(first), 5)
        self.assertIn("query: CECOT\n", first)
        self.assertEqual(sorted(hit_ids(first)), [1, 2, 3, 4, 5])
        # A place that narrows the answer (not in every article), by its number on the page.
        places = {n: (v, c) for n, (f, v, c) in facets(first).items() if f == "place" and c < 5}
        self.assertTrue(places, first)
        number, (place, count) = min(places.items())
        rc, out, err = session(self.db, ["CECOT", f"f{number}", "b", "2", ":q", "never read"])
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        self.assertEqual(len(out), 6, out)  # nothing after :q
        drilled = out[2]
        self.assertIn(f'query: (CECOT) AND place:="{place}"\n', drilled)
        self.assertEqual(total(drilled), count)
        self.assertEqual(len(hit_ids(drilled)), count)
        # Independently: the query language's own filter, and a count made here.
        rc, n, _ = search(self.db, "--count", f'CECOT place:"{place}"')
        self.assertEqual(int(n), count)
        self.assertEqual(count_by_export(self.db, "CECOT", "place", place), count)
        # Back to CECOT, then hit 2 in full: its record and its text.
        self.assertEqual(total(out[3]), 5)
        self.assertIn("query: CECOT\n", out[3])
        article = out[4]
        hit = hit_ids(out[3])[2]
        self.assertIn(f" · {hit}\n", article)
        with open(os.path.join(CORPUS, hit), encoding="utf-8") as f:
            body = [line.strip() for line in f if len(line.strip()) > 40]
        # (wrapped to 80 columns, as all text output off a terminal)
        self.assertIn(" ".join(body[-1].split()), " ".join(article.split()))
        self.assertTrue(all(len(line) <= 80 for line in article.splitlines()))
        self.assertEqual(out[5], "")

    def test_drill_down_of_a_drill_down_with_spaces_and_back_twice(self):
        rc, out, err = session(self.db, ["*"])
        people = {n: (v, c) for n, (f, v, c) in facets(out[1]).items() if f == "person" and " " in v}
        number, (person, count) = min(people.items())
        rc, out, err = session(self.db, ["*", f"f{number}"])
        places = {n: (v, c) for n, (f, v, c) in facets(out[2]).items() if f == "place"}
        number2, (place, count2) = min(places.items())
        rc, out, err = session(self.db, ["*", f"f{number}", f"f{number2}", "b", "b", "b"])
        self.assertEqual(rc, 0, err)
        self.assertEqual(total(out[2]), count)
        self.assertIn(f'query: (person:="{person}") AND place:="{place}"\n', out[3])
        self.assertEqual(total(out[3]), count2)
        self.assertEqual(count_by_export(self.db, f'person:"{person}"', "place", place), count2)
        self.assertEqual(total(out[4]), count)
        self.assertEqual(total(out[5]), 5)
        self.assertIn("no query before this one", out[6])

    def test_pages(self):
        rc, out, err = session(self.db, ["*", "n", "n", "n", "p", "p", "p"], "--limit", "2")
        self.assertEqual(rc, 0, err)
        shown = [re.search(r"showing (\d+-\d+)", page) for page in out[1:8]]
        self.assertEqual([m.group(1) if m else None for m in shown],
                         ["1-2", "3-4", "5-5", None, "3-4", "1-2", None])
        self.assertIn("no next page", out[4])
        self.assertIn("no previous page", out[7])
        # Hit 5 is on no page shown last: it is found all the same.
        rc, out, err = session(self.db, ["*", "5", "6"], "--limit", "2")
        self.assertIn(" · ", out[2])
        self.assertIn("no hit 6", out[3])

    def test_a_bad_query_is_an_error_and_the_session_goes_on(self):
        rc, out, err = session(self.db, ['place:"El', "CECOT", "f99", ":frob", "?", "n"])
        self.assertEqual(rc, 0)
        self.assertRegex(err, r"^morgue-search: error: query position \d+: .*\n$")
        self.assertEqual(total(out[2]), 5)
        self.assertIn("no facet value f99", out[3])
        self.assertIn("unknown command :frob", out[4])
        self.assertIn(":q, :quit", out[5])
        self.assertIn("no next page", out[6])

    def test_query_given_on_the_command_line_and_end_of_input(self):
        rc, out, err = session(self.db, [], "--facets", "date", "CECOT")
        self.assertEqual(rc, 0, err)
        self.assertEqual(total(out[0]), 5)
        self.assertIn("[f1] date: 2025-03-26 (5)", out[0])
        self.assertEqual(out[1], "\n")  # the end of input ends the line of the prompt
        rc, out, err = session(self.db, ["n", "3", "f1", "b"])
        self.assertEqual(rc, 0)
        self.assertTrue(all("no query yet" in page for page in out[1:5]), out)

    def test_usage_errors(self):
        for args in (["--count"], ["--format", "json"], ["--export", "--format", "csv"]):
            rc, out, err = session(self.db, ["CECOT"], *args)
            self.assertEqual(rc, 2, args)
            self.assertIn("morgue-search: error: --interactive", err)
        rc, out, err = session(os.path.join(self.tmp, "none"), ["CECOT"])
        self.assertEqual(rc, 2)


def tmux_available():
    return shutil.which("tmux") is not None


def display_columns(line):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line)


@unittest.skipUnless(tmux_available(), "tmux is not installed (scripts/install-deps)")
class InteractiveTerminal(DbCase):
    """morgue-search -i on an 80x24 terminal (tmux), with its own tmux server and state folder."""
    inputs = (CORPUS,)

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="morgue-tmux-", dir=self.tmp)
        self.socket = os.path.join(self.home, "tmux.sock")
        self.env = dict(ENV, HOME=self.home, LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color",
                        XDG_STATE_HOME=os.path.join(self.home, "state"))
        self.env.pop("TMUX", None)
        self.prompts = 0  # prompts seen when the last line was typed
        self.env.pop("PAGER", None)

    def tmux(self, *args):
        p = subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *args], env=self.env,
                           capture_output=True, timeout=60)
        return p.returncode, p.stdout.decode("utf-8", "replace")

    def tearDown(self):
        self.tmux("kill-server")  # this test's own server, by its socket

    def start(self, env=None):
        # The exit status goes to a file: tmux does not always learn a dead pane's status.
        self.status_file = os.path.join(self.home, "status")
        command = " ".join(shlex.quote(a) for a in
                           [os.path.join(BIN, "morgue-search"), "-i", "--db", self.db])
        command += f"; echo $? > {shlex.quote(self.status_file)}"
        env_args = [a for k, v in (env or {}).items() for a in ("-e", f"{k}={v}")]
        rc, _ = self.tmux("new-session", "-d", "-x", "80", "-y", "24", *env_args, command)
        self.assertEqual(rc, 0)
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        self.wait_for(PROMPT.strip())

    def screen(self, history=False):
        _, text = self.tmux("capture-pane", "-p", "-J", *(["-S", "-"] if history else []))
        return text

    def wait_for(self, text, history=False):
        deadline = time.time() + 20
        while time.time() < deadline:
            screen = self.screen(history)
            if text in screen:
                return screen
            time.sleep(0.05)
        self.fail(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def type(self, line):
        """Types `line` once a new prompt is on the screen: lines typed ahead while the session
        is not reading (a pager runs) may be lost when line editing takes the terminal back."""
        deadline = time.time() + 20
        while self.screen(history=True).count(PROMPT.strip()) <= self.prompts:
            self.assertLess(time.time(), deadline, self.screen())
            time.sleep(0.05)
        self.prompts = self.screen(history=True).count(PROMPT.strip())
        self.tmux("send-keys", "-l", line)
        self.tmux("send-keys", "Enter")

    def test_drill_down_fits_the_terminal(self):
        paged = os.path.join(self.home, "paged")
        self.start({"MORGUE_PAGER": f"cat > {shlex.quote(paged)}"})
        self.type("CECOT")
        screen = self.wait_for("query: CECOT", history=True)
        places = [(int(n), v, int(c)) for n, f, v, c in FACET.findall(screen) if f == "place"]
        number, place, count = next(p for p in places if p[2] < 5)
        self.type(f"f{number}")
        query = f'query: (CECOT) AND place:="{place}"'
        screen = self.wait_for(query)
        self.assertIn(f"{count} matching articles, showing 1-{count}", screen)
        self.assertIn(f"] place: {place} ({count})", screen)
        for line in self.screen(history=True).splitlines():
            self.assertLessEqual(display_columns(line), 80, line)
        # An article through the pager, then the end of the session.
        self.type("1")
        deadline = time.time() + 20
        while not (os.path.exists(paged) and os.path.getsize(paged)) and time.time() < deadline:
            time.sleep(0.05)
        with open(paged, encoding="utf-8") as f:
            self.assertIn("places: ", f.read())
        self.type(":q")
        deadline = time.time() + 20
        while not (os.path.exists(self.status_file) and os.path.getsize(self.status_file)):
            self.assertLess(time.time(), deadline, self.screen())
            time.sleep(0.05)
        with open(self.status_file, encoding="utf-8") as f:
            self.assertEqual(f.read().strip(), "0")
        with open(os.path.join(self.home, "state", "morgue", "history"), encoding="utf-8") as f:
            history = f.read()
        self.assertIn("CECOT", history)
        self.assertIn(f"f{number}", history)

    def test_a_history_that_cannot_be_written_is_a_warning(self):
        blocker = os.path.join(self.home, "not-a-folder")
        with open(blocker, "w"):
            pass
        self.env["XDG_STATE_HOME"] = blocker
        self.start()
        self.type("CECOT")
        screen = self.wait_for("query: CECOT", history=True)
        self.assertIn("morgue-search: warning: cannot keep the history", screen)
        self.type("* -CECOT")
        self.wait_for("0 matching articles")
