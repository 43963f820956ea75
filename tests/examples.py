"""Every example of the README and the man pages, run as written (issue 19).

The README's shell blocks (all but the set-up commands at its top and the install block, which
needs root) and the lines of the man pages' EXAMPLES sections are run in order with bash, in a
folder that holds what they name: corpus/, and small archives written here (wire copy in feeds/,
a BBC-like folder with a manifest, Reuters-like JSON Lines with topics). Each must exit 0 and
print something (or write the file it redirects to); a few key numbers are checked against
counts made here from the files written.

Run by ctest as cli.Examples (python3 examples.py).
"""
import csv
import gzip
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

from cli_test import BIN, ENV, FIXTURE, SOURCE

README = os.path.join(SOURCE, "README.md")
MAN_PAGES = [os.path.join(SOURCE, "docs", name) for name in ("morgue-index.1", "morgue-search.1")]


def readme_examples():
    """The README's runnable shell lines, in order: (block's first line number, line)."""
    lines = open(README, encoding="utf-8").read().split("\n")
    out, block, start = [], None, 0
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            if block is None and line.strip() == "```sh":
                block, start = [], number
            elif block is not None:
                if not any("scripts/quickstart" in l or "sudo " in l for l in block):
                    out.extend((start, l) for l in block)
                block = None
            continue
        if block is not None and line.strip() and not line.lstrip().startswith("#"):
            block.append(line)
    return out


def man_examples(path):
    """The lines between .nf and .fi of a man page's EXAMPLES section, as a shell reads them."""
    text = open(path, encoding="utf-8").read()
    section = re.search(r"^\.SH EXAMPLES\n(.*?)^\.SH ", text, re.M | re.S).group(1)
    out = []
    for block in re.findall(r"^\.nf\n(.*?)^\.fi", section, re.M | re.S):
        for line in block.splitlines():
            line = line.replace("\\(aq", "'").replace("\\-", "-").replace("\\\\", "\\")
            if line.strip():
                out.append(line)
    return out


def reuters_like(rng, n=60):
    """Stories shaped like Reuters-21578's JSON Lines: 1987 dates, codes for people, topics."""
    people = ["reagan", "volcker", "james-baker", "thatcher"]
    places = ["usa", "uk", "japan", "west-germany"]
    topics = ["grain", "crude", "interest", "money-fx", "trade"]
    words = ["oil", "price", "interest", "rates", "wheat", "grain", "exports", "dollar", "talks"]
    stories = []
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(40))
        if i % 5 == 0:
            text += " The interest rates rose."
        if i % 4 == 0:
            text += " The oil price fell."
        stories.append({"id": f"r{i}", "date": f"1987-03-{1 + i % 28:02d}",
                        "title": f"Story {i}", "text": text,
                        "places": rng.sample(places, rng.randint(1, 2)),
                        "people": rng.sample(people, rng.randint(0, 2)),
                        "topics": rng.sample(topics, rng.randint(1, 2))})
    return stories


class Examples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="morgue-examples-")
        d = cls.dir
        os.makedirs(os.path.join(d, "build"))
        os.symlink(os.path.abspath(BIN), os.path.join(d, "build", "bin"))
        shutil.copytree(os.path.join(SOURCE, "corpus"), os.path.join(d, "corpus"))
        os.makedirs(os.path.join(d, "feeds"))
        shutil.copy(FIXTURE, os.path.join(d, "feeds", "wire.jsonl"))
        extra = [{"id": "extra-1", "title": "Strike spreads to Porto", "date": "2025-03-20",
                  "outlet": "Wire Daily", "places": ["Porto"],
                  "text": "The harbour strike spread to Porto on Thursday."},
                 {"id": "extra-2", "title": "Ferries run again", "date": "2025-03-22",
                  "outlet": "Coast Herald", "places": ["Lisbon"],
                  "text": "Ferries crossed the river again after the strike."}]
        with open(os.path.join(d, "extra.jsonl"), "w") as f:
            f.writelines(json.dumps(a) + "\n" for a in extra)
        with gzip.open(os.path.join(d, "dump.jsonl.gz"), "wt") as f:
            f.write(json.dumps({"id": "dump-1", "title": "Dock talks resume", "date": "2025-03-25",
                                "text": "Talks between the dockers and the port resumed."}) + "\n")
        rng = random.Random(19)
        rows = [("path", "date", "outlet")]
        for section, n in (("politics", 6), ("business", 4)):
            os.makedirs(os.path.join(d, "bbc", section))
            for i in range(n):
                name = f"{section}/{i:03d}.txt"
                with open(os.path.join(d, "bbc", name), "w") as f:
                    f.write(f"Story {i}\n\n{'Blair' if section == 'politics' else 'Markets'} "
                            f"said on Monday that the {section} news was good.\n")
                rows.append((name, f"2005-{rng.randint(1, 12):02d}-10", "BBC"))
        with open(os.path.join(d, "bbc", "dates.csv"), "w", newline="") as f:
            csv.writer(f).writerows(rows)
        cls.reuters = reuters_like(rng)
        os.makedirs(os.path.join(d, "reuters"))
        with gzip.open(os.path.join(d, "reuters", "docs.jsonl.gz"), "wt") as f:
            f.writelines(json.dumps(s) + "\n" for s in cls.reuters)
        with open(os.path.join(d, "queries.tsv"), "w") as f:
            f.write("strikes\tstrike\nlisbon\tplace:lisbon\nports\tport OR harbour\n")
        cls.env = dict(ENV, PATH=os.path.abspath(BIN) + os.pathsep + ENV.get("PATH", ""))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def run_line(self, line, where):
        p = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=self.dir, env=self.env,
                           capture_output=True, timeout=600)
        out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 0, f"{where}: {line}\n{err}")
        redirect = re.search(r">\s*(\S+)\s*$", line.split(" #")[0])
        if redirect:
            target = os.path.join(self.dir, redirect.group(1))
            self.assertGreater(os.path.getsize(target), 0, f"{where}: {line} wrote nothing")
        elif " morgue-index " not in f" {line} " and "bin/morgue-index" not in line:
            self.assertTrue(out.strip(), f"{where}: {line} printed nothing")
        return out

    def test_readme_then_man_pages(self):
        # One test, in order: the man pages' examples search the databases the README builds.
        readme = readme_examples()
        self.assertGreater(len(readme), 15)
        outputs = {}
        for start, line in readme:
            outputs[line] = self.run_line(line, f"README.md (block at line {start})")
        for page in MAN_PAGES:
            lines = man_examples(page)
            self.assertGreaterEqual(len(lines), 5, page)
            for line in lines:
                outputs[line] = self.run_line(line, os.path.basename(page))
        # Key numbers, counted here.
        got = {line: out for line, out in outputs.items()}
        reagan = sum(1 for s in self.reuters if "reagan" in s["people"])
        line = next(l for l in got if "--count 'person:reagan'" in l)
        self.assertEqual(got[line].strip(), str(reagan))
        line = next(l for l in got if "CECOT" in l and "--limit" not in l)
        self.assertIn("5 matching articles", got[line])
        line = next(l for l in got if "'topics:grain'" in l)
        grain = sum(1 for s in self.reuters if "grain" in s["topics"])
        self.assertIn(f"{grain} matching articles", got[line])
        line = next(l for l in got if "--list-fields" in l)
        self.assertRegex(got[line], r"(?m)^topics\b")
        with open(os.path.join(self.dir, "hits.csv"), newline="") as f:
            lisbon = list(csv.DictReader(f))
        fixture = [json.loads(l) for l in open(FIXTURE)]
        want = {a["id"] for a in fixture if "Lisbon" in a.get("places", [])} | {"extra-2"}
        self.assertEqual({r["id"] for r in lisbon}, want)


if __name__ == "__main__":
    result = unittest.TextTestRunner(verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(Examples))
    sys.exit(0 if result.wasSuccessful() else 1)
