"""End-to-end tests of what is installed (issue 19): `cmake --install` into a temporary prefix and
the Debian package cpack makes hold the binaries, man pages, model and shell completions, and the
binaries work from there; the generated completions offer every option of --help, values the
binaries accept, and the database's values after a field name in a query.

Run by ctest as cli.Install (python3 install_test.py) with MORGUE_BUILD (the build folder),
MORGUE_SOURCE, MORGUE_CMAKE and MORGUE_CPACK; exits 77 when every test skipped.
"""
import collections
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("MORGUE_SOURCE", os.path.dirname(HERE))
BUILD = os.environ.get("MORGUE_BUILD", os.path.join(SOURCE, "build"))
CMAKE = os.environ.get("MORGUE_CMAKE") or shutil.which("cmake")
CPACK = os.environ.get("MORGUE_CPACK") or shutil.which("cpack")
CORPUS = os.path.join(SOURCE, "corpus")
FIXTURE = os.path.join(HERE, "fixtures", "articles.jsonl")
PROGRAMS = ("morgue-index", "morgue-search")

# Where each file lands, relative to the prefix.
INSTALLED = [
    "bin/morgue-index",
    "bin/morgue-search",
    "share/man/man1/morgue-index.1",
    "share/man/man1/morgue-search.1",
    "share/morgue/ner.model",
] + [f"share/bash-completion/completions/{p}" for p in PROGRAMS] + [
    f"share/zsh/vendor-completions/_{p}" for p in PROGRAMS
] + [f"share/fish/vendor_completions.d/{p}.fish" for p in PROGRAMS]


def clean_env(**extra):
    """The environment without morgue's own variables (the installed defaults are under test)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MORGUE_")}
    env.update(extra)
    return env


def run(argv, env=None, cwd=None):
    p = subprocess.run(argv, capture_output=True, env=env or clean_env(), cwd=cwd)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def key(name):
    """Two spellings are one value when they differ only in case and diacritics (schema.h)."""
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fixture_values(field):
    """The values of a list field of the fixture articles: key -> (articles, display forms)."""
    counts, forms = collections.Counter(), collections.defaultdict(set)
    with open(FIXTURE, encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            for v in set(article.get(field, [])):
                counts[key(v)] += 1
                forms[key(v)].add(v)
    return counts, forms


def shell_word(query_value):
    """What the completion offers for a value: a word as it is, a phrase in quotes the shell keeps."""
    return query_value if re.fullmatch(r"[\w.'-]+", query_value) else shlex.quote('"' + query_value + '"')


def check_works(test, bin_dir, tmp, data_dir):
    """Indexes corpus/ with the binaries of bin_dir, from a folder that is not the source tree, and
    searches it: counts, JSON and exit codes; the model read is the one installed (when strace can
    tell)."""
    db = os.path.join(tmp, "corpus.db")
    texts = sorted(n for n in os.listdir(CORPUS) if n.endswith(".txt"))
    index = [os.path.join(bin_dir, "morgue-index"), "--db", db, CORPUS]
    strace = shutil.which("strace")
    trace = os.path.join(tmp, "trace")
    argv = [strace, "-f", "-e", "trace=openat", "-o", trace] + index if strace else index
    env = clean_env()
    if strace:  # LeakSanitizer cannot work under ptrace (the ASan build in scripts/test)
        env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
    rc, out, err = run(argv, env=env, cwd=tmp)
    test.assertEqual(rc, 0, err)
    test.assertIn(f"{len(texts)} added", err)
    if strace:
        with open(trace, encoding="utf-8", errors="replace") as f:
            opened = re.findall(r'openat\([^"]*"([^"]*ner\.model)"', f.read())
        test.assertTrue(opened, "the model was not read")
        for path in opened:
            test.assertEqual(os.path.realpath(path), os.path.realpath(os.path.join(data_dir, "ner.model")))
    search = os.path.join(bin_dir, "morgue-search")
    rc, out, err = run([search, "--db", db, "--count", "*"], cwd=tmp)
    test.assertEqual((rc, out.strip()), (0, str(len(texts))), err)
    rc, out, err = run([search, "--db", db, "--format", "json", "--limit", "100", "*"], cwd=tmp)
    test.assertEqual(rc, 0, err)
    test.assertEqual(sorted(h["id"] for h in json.loads(out)["hits"]), texts)
    rc, out, err = run([search, "--db", db, "--count", "zzyzxnotaword"], cwd=tmp)
    test.assertEqual((rc, out.strip()), (1, "0"), err)
    rc, out, err = run([search, "--db", db, "--sort", "sideways", "*"], cwd=tmp)
    test.assertEqual((rc, out), (2, ""))
    for p in PROGRAMS:
        rc, out, _ = run([os.path.join(bin_dir, p), "--version"], cwd=tmp)
        test.assertEqual(rc, 0)
        test.assertTrue(out.startswith(p + " "))


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="morgue-install-")
        cls.prefix = os.path.join(cls.tmp, "prefix")
        cls.installed = False
        if CMAKE and os.path.exists(os.path.join(BUILD, "cmake_install.cmake")):
            rc, out, err = run([CMAKE, "--install", BUILD, "--prefix", cls.prefix])
            if rc != 0:
                raise AssertionError(f"cmake --install failed: {out}{err}")
            cls.installed = True
            cls.bin = os.path.join(cls.prefix, "bin")
            cls.db = os.path.join(cls.tmp, "fixture.db")
            rc, _, err = run([os.path.join(cls.bin, "morgue-index"), "--db", cls.db, FIXTURE])
            if rc != 0:
                raise AssertionError(f"indexing the fixture failed: {err}")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        if not self.installed:
            self.skipTest("no cmake or no build folder (MORGUE_BUILD) to install from")

    def script(self, shell, program):
        folder = {"bash": "share/bash-completion/completions/{}",
                  "zsh": "share/zsh/vendor-completions/_{}",
                  "fish": "share/fish/vendor_completions.d/{}.fish"}[shell]
        return os.path.join(self.prefix, folder.format(program))

    def complete(self, program, *words, env=None):
        """The bash completion's replies for the command line `words` (the last being the word
        under the cursor), with COMP_WORDS split as bash splits them at ':' and '='."""
        split = []
        for w in words:
            split.extend(p for p in re.split(r"([:=])", w) if p != "")
        if words[-1] == "":
            split.append("")
        code = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); '
                f'_{program.replace("-", "_")}; printf "%s\\n" "${{COMPREPLY[@]}}"')
        environment = clean_env(PATH=self.bin + os.pathsep + os.environ.get("PATH", ""))
        environment.update(env or {})
        rc, out, err = run(["bash", "-c", code, "bash", self.script("bash", program), program] + split,
                           env=environment, cwd=self.tmp)
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        return [l for l in out.split("\n") if l]

    # --- what is installed, and that it works ---

    def test_install_puts_every_file_in_place(self):
        for f in INSTALLED:
            self.assertTrue(os.path.isfile(os.path.join(self.prefix, f)), f)
        for p in PROGRAMS:
            self.assertTrue(os.access(os.path.join(self.bin, p), os.X_OK))
            with open(os.path.join(self.prefix, "share/man/man1", p + ".1"), encoding="utf-8") as f:
                page = f.read()
            self.assertTrue(page.startswith(".TH") or "\n.TH " in page)
            self.assertIn("COMPLETION", page)
            self.assertIn("FILES", page)
        # The installed completions are what the binaries write.
        for shell in ("bash", "zsh", "fish"):
            for p in PROGRAMS:
                rc, out, _ = run([os.path.join(self.bin, p), "--completion", shell])
                self.assertEqual(rc, 0)
                with open(self.script(shell, p), encoding="utf-8") as f:
                    self.assertEqual(f.read(), out)

    def test_installed_binaries_index_and_search_with_the_installed_data(self):
        work = tempfile.mkdtemp(dir=self.tmp)
        check_works(self, self.bin, work, os.path.join(self.prefix, "share", "morgue"))

    def test_debian_package(self):
        tools = [CPACK, shutil.which("dpkg-deb"), shutil.which("dpkg-shlibdeps")]
        if not all(tools) or not os.path.exists(os.path.join(BUILD, "CPackConfig.cmake")):
            self.skipTest("cpack, dpkg-deb or dpkg-shlibdeps (dpkg-dev) missing")
        out_dir = os.path.join(self.tmp, "package")
        rc, out, err = run([CPACK, "--config", os.path.join(BUILD, "CPackConfig.cmake"), "-G", "DEB",
                            "-B", out_dir], cwd=self.tmp)
        self.assertEqual(rc, 0, out + err)
        debs = glob.glob(os.path.join(out_dir, "*.deb"))
        self.assertEqual(len(debs), 1, out)
        rc, info, err = run(["dpkg-deb", "-I", debs[0]])
        self.assertEqual(rc, 0, err)
        depends = re.search(r"^ Depends: (.*)$", info, re.M)
        self.assertTrue(depends, info)
        names = {d.split()[0] for d in depends.group(1).split(", ")}
        for package in ("libxapian30", "libboost-program-options1.74.0", "libgumbo1", "libarchive13",
                        "libgeonames0", "iso-codes", "wamerican", "libtext-names-perl", "ieee-data",
                        "usb.ids", "pci.ids"):
            self.assertTrue(any(n == package or n.startswith(package.rstrip("0123456789.")) for n in names),
                            f"{package} not in Depends: {depends.group(1)}")
        self.assertRegex(info, r"(?m)^ Recommends: .*\bgnuplot-nox\b")  # morgue-search --plot
        root = os.path.join(self.tmp, "root")
        rc, _, err = run(["dpkg-deb", "-x", debs[0], root])
        self.assertEqual(rc, 0, err)
        for f in INSTALLED:
            self.assertTrue(os.path.isfile(os.path.join(root, "usr", f)), f)
        work = tempfile.mkdtemp(dir=self.tmp)
        check_works(self, os.path.join(root, "usr", "bin"), work, os.path.join(root, "usr", "share", "morgue"))

    # --- the completions ---

    def test_every_option_of_help_is_completed_and_nothing_else(self):
        for p in PROGRAMS:
            rc, help_text, _ = run([os.path.join(self.bin, p), "--help"])
            self.assertEqual(rc, 0)
            listed = set()
            for m in re.finditer(r"^  (?:-(\w) \[ )?--([a-z0-9-]+)", help_text, re.M):
                listed.add("--" + m.group(2))
                if m.group(1):
                    listed.add("-" + m.group(1))
            self.assertGreater(len(listed), 10, help_text)
            offered = set(self.complete(p, "-"))
            self.assertEqual(offered, listed, p)
            for shell in ("zsh", "fish"):
                with open(self.script(shell, p), encoding="utf-8") as f:
                    text = f.read()
                for option in listed:
                    name = option.lstrip("-")
                    if shell == "fish":
                        flag = f" -l {name}" if option.startswith("--") else f" -s {name}"
                        self.assertIn(flag, text, f"{p} {option} ({shell})")
                    else:
                        self.assertRegex(text, rf"[{{,'*]{re.escape(option)}[=+,}}\[]", f"{p} {option} ({shell})")

    def test_options_and_their_values(self):
        self.assertIn("--format", self.complete("morgue-search", "--fo"))
        self.assertEqual(self.complete("morgue-search", "--format", ""), ["text", "json", "jsonl", "csv", "tsv"])
        self.assertEqual(self.complete("morgue-search", "-f", "js"), ["json", "jsonl"])
        self.assertEqual(self.complete("morgue-search", "--format=js"), ["json", "jsonl"])
        self.assertEqual(self.complete("morgue-search", "--sort", ""), ["relevance", "date", "-date"])
        self.assertEqual(self.complete("morgue-search", "--histogram", "m"), ["month"])
        self.assertEqual(self.complete("morgue-search", "--color", ""), ["auto", "always", "never"])
        facets = self.complete("morgue-search", "--facets", "")
        for field in ("outlet", "person", "place", "org", "author", "cited", "date"):
            self.assertIn(field, facets)
        self.assertEqual(self.complete("morgue-search", "--facets", "place,pe"), ["place,person"])
        self.assertIn("person", self.complete("morgue-search", "--by", ""))
        # Files and folders for --db and the indexer's inputs.
        os.makedirs(os.path.join(self.tmp, "completion-dir", "news.db"), exist_ok=True)
        self.assertEqual(self.complete("morgue-search", "--db", "completion-dir/ne"), ["completion-dir/news.db"])
        self.assertEqual(self.complete("morgue-index", "completion-dir/"), ["completion-dir/news.db"])
        # Query words: field names.
        self.assertEqual(self.complete("morgue-search", "pla"), ["place:"])
        self.assertIn("person:", self.complete("morgue-search", "--any", ""))

    def test_every_value_offered_is_accepted(self):
        search = os.path.join(self.bin, "morgue-search")
        for option in ("--format", "--sort", "--color", "--histogram", "--facets", "--by"):
            values = self.complete("morgue-search", option, "")
            self.assertTrue(values, option)
            for v in values:
                extra = ["--histogram", "year"] if option == "--by" else []
                rc, _, err = run([search, "--db", self.db, option, v] + extra + ["*"])
                self.assertEqual(rc, 0, f"{option} {v}: {err}")
            rc, _, _ = run([search, "--db", self.db, option, "nonsense", "*"])
            self.assertEqual(rc, 2, option)

    def test_field_values_come_from_the_database(self):
        counts, forms = fixture_values("places")
        # place: followed by nothing: every place of the fixture, most frequent first.
        replies = self.complete("morgue-search", "--db", self.db, "place:")
        values = [r[len(":"):] for r in replies]  # bash keeps "place" and replaces ":"
        expected = sorted(counts, key=lambda k: (-counts[k], k))
        self.assertEqual([key(v.strip("'\"")) for v in values], expected)
        # After a prefix, case aside; a value with a space quoted for the shell and for the query.
        replies = self.complete("morgue-search", "--db", self.db, "place:NEW")
        self.assertEqual(replies, [shell_word("New York")])
        self.assertEqual(self.complete("morgue-search", "--db", self.db, "place:lis"), ["Lisbon"])
        # The completed word, as the shell reads it, finds the articles.
        rc, out, err = run(["bash", "-c", f'exec "$1" --db "$2" --count place:{replies[0]}', "bash",
                            os.path.join(self.bin, "morgue-search"), self.db])
        self.assertEqual((rc, out.strip()), (0, str(counts["new york"])), err)
        # Spellings that differ in diacritics are one value; the word may carry a sign or =.
        people, _ = fixture_values("people")
        self.assertEqual(self.complete("morgue-search", "--db", self.db, "+person:eli"), ["'\"Elise Martin\"'"])
        self.assertEqual(self.complete("morgue-search", "--db", self.db, "-person:=jo"), ["'\"João Silva\"'"])
        self.assertEqual(people["elise martin"], 2)
        # The database from $MORGUE_DB, or ./morgue.db, when --db is not on the line.
        self.assertEqual(self.complete("morgue-search", "outlet:wire", env={"MORGUE_DB": self.db}),
                         [shell_word("Wire Daily")])
        here = tempfile.mkdtemp(dir=self.tmp)
        shutil.copytree(self.db, os.path.join(here, "morgue.db"), symlinks=True)
        rc, out, err = run([os.path.join(self.bin, "morgue-search"), "--complete-values", "outlet", "m"], cwd=here)
        self.assertEqual((rc, out, err), (0, '"Market Wire"\n', ""))
        # Fields without values, an unknown field, no database: nothing, quietly.
        self.assertEqual(self.complete("morgue-search", "--db", self.db, "title:lis"), [])
        self.assertEqual(self.complete("morgue-search", "--db", self.db, "nosuchfield:x"), [])
        self.assertEqual(self.complete("morgue-search", "--db", os.path.join(self.tmp, "none"), "place:l"), [])
        for args, db in ((["place", "l"], os.path.join(self.tmp, "none")), (["title", "l"], self.db),
                         (["nosuchfield", ""], self.db), (["place", "zzz"], self.db)):
            with self.subTest(args=args, db=db):
                rc, out, err = run([os.path.join(self.bin, "morgue-search"), "--db", db, "--complete-values"] + args)
                self.assertEqual(out + err, "")
                self.assertEqual(rc, 1 if args[1] == "zzz" else 2)

    def test_declared_keyword_fields_complete_too(self):
        db = os.path.join(self.tmp, "declared.db")
        source = os.path.join(self.tmp, "topics.jsonl")
        with open(source, "w", encoding="utf-8") as f:
            for i, topics in enumerate([["grain", "oil prices"], ["grain"], ["gold"]]):
                f.write(json.dumps({"id": f"t{i}", "title": f"Story {i}", "text": "Markets moved today.",
                                    "date": "2025-03-0" + str(i + 1), "topics": topics}) + "\n")
        rc, _, err = run([os.path.join(self.bin, "morgue-index"), "--db", db, "--no-extract",
                          "--field", "topics:keyword", source])
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.complete("morgue-search", "--db", db, "topics:g"), ["grain", "gold"])
        self.assertEqual(self.complete("morgue-search", "--db", db, "topics:o"), [shell_word("oil prices")])
        # Its name completes as a field's, with the built-in ones.
        self.assertEqual(self.complete("morgue-search", "--db", db, "top"), ["topics:"])
        self.assertEqual(sorted(self.complete("morgue-search", "--db", db, "t")), ["title:", "topics:"])
        self.assertEqual(self.complete("morgue-search", "--db", self.db, "top"), [])  # not declared there
        if shutil.which("zsh"):
            self.assertEqual(self.zsh_matches(f"morgue-search --db {db} top"), ["topics:"])
        if shutil.which("fish"):
            code = (f"source {shlex.quote(self.script('fish', 'morgue-search'))}; "
                    f"complete -C {shlex.quote(f'morgue-search --db {db} top')}")
            env = clean_env(PATH=self.bin + os.pathsep + os.environ.get("PATH", ""))
            rc, out, err = run(["fish", "--no-config", "-c", code], env=env, cwd=self.tmp)
            self.assertEqual([l.split("\t")[0] for l in out.splitlines()], ["topics:"], err)

    def test_zsh_and_fish_scripts_parse(self):
        shells = [s for s in ("zsh", "fish") if shutil.which(s)]
        if not shells:
            self.skipTest("neither zsh nor fish installed")
        for shell in shells:
            for p in PROGRAMS:
                rc, out, err = run([shell, "-n", self.script(shell, p)])
                self.assertEqual(rc, 0, f"{shell} -n {p}: {out}{err}")

    def zsh_matches(self, line):
        """The matches zsh's completion system offers for `line`, from the installed _morgue-search
        (in a pseudo-terminal: zsh completes only in an interactive line editor)."""
        folder = os.path.dirname(self.script("zsh", "morgue-search"))
        # Each call of compadd prints its matches between markers the echoed input does not hold.
        driver = r"""
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PROMPT=''; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'compadd () { local -a h; builtin compadd -O h "$@"; (( $#h )) && print -r -- "MA"TCHES:"${(pj:\t:)h}":EN"D"; builtin compadd "$@" }'
zpty -w z "$2"$'\t'
zpty -r z out '*MATCHES:*:END*'
print -r -- "${${out##*MATCHES:}%%:END*}"
zpty -d z
"""
        env = clean_env(PATH=self.bin + os.pathsep + os.environ.get("PATH", ""))
        try:
            p = subprocess.run(["zsh", "-c", driver, "zsh", folder, line], capture_output=True, env=env,
                               cwd=self.tmp, timeout=30)
        except subprocess.TimeoutExpired:
            self.fail(f"zsh offered nothing for {line!r}")
        return p.stdout.decode().strip("\r\n").split("\t")

    def test_zsh_completes_options_values_and_field_values(self):
        if not shutil.which("zsh"):
            self.skipTest("zsh not installed")
        self.assertEqual(self.zsh_matches("morgue-search --format "), ["text", "json", "jsonl", "csv", "tsv"])
        self.assertEqual(self.zsh_matches("morgue-search --fac"), ["--facets", "--facet-limit"])
        self.assertEqual(self.zsh_matches("morgue-search pla"), ["place:"])
        self.assertEqual(self.zsh_matches(f"morgue-search --db {self.db} place:ne"), ['"New York"'])
        self.assertEqual(self.zsh_matches(f"morgue-search --db={self.db} person:=j"), ['"João Silva"'])

    def test_fish_completes_options_values_and_field_values(self):
        if not shutil.which("fish"):
            self.skipTest("fish not installed")

        def matches(line):
            code = f"source {shlex.quote(self.script('fish', 'morgue-search'))}; complete -C {shlex.quote(line)}"
            env = clean_env(PATH=self.bin + os.pathsep + os.environ.get("PATH", ""))
            rc, out, err = run(["fish", "--no-config", "-c", code], env=env, cwd=self.tmp)
            self.assertEqual(rc, 0, err)
            return [l.split("\t")[0] for l in out.splitlines()]

        self.assertEqual(sorted(matches("morgue-search --format ")), ["csv", "json", "jsonl", "text", "tsv"])
        self.assertIn("--facet-limit", matches("morgue-search --fac"))
        self.assertEqual(matches("morgue-search pla"), ["place:"])
        self.assertEqual(matches(f"morgue-search --db {self.db} place:li"), ["place:Lisbon"])
        # fish keeps the completions that start with the word: a phrase once its quote is typed.
        self.assertEqual(matches(f"morgue-search --db {self.db} place:'\"ne"), ['place:"New York"'])

    def test_bash_script_parses(self):
        for p in PROGRAMS:
            rc, out, err = run(["bash", "-n", self.script("bash", p)])
            self.assertEqual(rc, 0, err)


if __name__ == "__main__":
    result = unittest.TextTestRunner(verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(Install))
    if not result.wasSuccessful():
        sys.exit(1)
    sys.exit(77 if result.skipped and len(result.skipped) >= result.testsRun else 0)
