#!/usr/bin/env python3
"""Differential test of the query language: random queries answered by brute force here, from
docs/query-language.md, and by `morgue-search --batch`; every total must agree.

Usage: python3 tests/differential.py [--cases N] [--seed S] [--reuters-cases N] [--report N] [--keep]
Environment: MORGUE_BIN (folder of the binaries, default build/bin), MORGUE_SHARED (the shared
folder; the Reuters-21578 part is skipped when its corpus is absent). Exit status: 0 every total
agrees, 1 a disagreement (or an error), 77 the binaries are missing.

Queries are expression trees (the classes below) that render themselves as query text and
evaluate themselves as sets of articles (Python ints as bit sets, bit i = article i); the text is
never parsed back. Every query that ever disagreed belongs in NAMED_CASES (a failure prints the
line to paste), so that it runs first, every time.
"""
import argparse
import calendar
import collections
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

SOURCE = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BIN = os.environ.get("MORGUE_BIN") or os.path.join(SOURCE, "build", "bin")
SHARED = os.environ.get("MORGUE_SHARED") or os.path.join(SOURCE, "..", "shared")
REUTERS = os.path.join(SHARED, "corpora", "reuters21578", "docs.jsonl.gz")
ENV = dict(os.environ, NO_COLOR="1")
ENV.pop("MORGUE_DB", None)

# Query field -> record key of the name fields (outlet is a single name).
NAME_FIELDS = {"person": "people", "place": "places", "org": "organizations",
               "author": "authors", "outlet": "outlet"}

# ---- Named cases: every query that ever disagreed runs first, every time ----------------------
# (name, tree builder[, "--any"]) over the fixture (make_fixture, FIXED); REUTERS_NAMED_CASES over
# Reuters-21578. The first ones are the regressions of issue 13.

NAMED_CASES = [
    ("star minus place", lambda: Seq(All(), Minus(Name("place", "xandria")))),
    ("minus place alone", lambda: Seq(Minus(Name("place", "xandria")))),
    ("star minus word", lambda: Seq(All(), Minus(Word("harbour")))),
    ("group or minus date",
     lambda: Chain(Group(Name("place", "velmar")), ("OR", Seq(Minus(Date("2025-04")))))),
    ("minus date minus org", lambda: Seq(Minus(Date("2024-10")), Minus(Name("org", "dockers")))),
    ("star and not group", lambda: Chain(All(), ("AND NOT", Group(Chain(
        Name("place", "xandria"), ("OR", Name("person", "smith"))))))),
    ("star and word", lambda: Chain(All(), ("AND", Word("harbour")))),
    ("word or star", lambda: Chain(Word("harbour"), ("OR", All()))),
    ("phrase within one name", lambda: Name("person", "john smith", "phrase")),
    ("phrase of two people", lambda: Name("person", "michael blair", "phrase")),
    ("phrase across two names", lambda: Name("person", "blair michael", "phrase")),
    ("word of a hyphenated code", lambda: Name("person", "baker")),
    ("exact place, not Northern X", lambda: Name("place", "Xandria", "exact")),
    ("hyphenated value is a phrase", lambda: Name("person", "john-smith")),
    ("exact hyphenated name", lambda: Name("person", "john-smith", "exact")),
    ("exact name, case and accents", lambda: Name("person", "HÉCTOR ruiz", "exact")),
    ("accented word", lambda: Name("person", "HECTOR")),
    ("apostrophe inside a name", lambda: Name("person", "oneil")),
    ("full stops inside a name", lambda: Name("org", "z.k. brandt", "phrase")),
    ("possessive", lambda: Name("org", "kovar")),
    ("stopword inside a name", lambda: Name("org", "bank of quorvia", "phrase")),
    ("digits in a name", lambda: Name("org", "42")),
    ("filter twice means both", lambda: Seq(Name("place", "xandria"), Name("place", "velmar"))),
    ("date none", lambda: Date("none")),
    ("star minus date none", lambda: Seq(All(), Minus(Date("none")))),
    ("leading NOT", lambda: Not(Seq(Name("place", "xandria")))),
    ("NOT binds the side by side group", lambda: Not(Seq(Word("cocoa"), Word("zinc")))),
    ("side by side tighter than OR",
     lambda: Chain(Seq(Word("cocoa"), Word("zinc")), ("OR", Word("ferry")))),
    ("NOT takes the side by side group",
     lambda: Chain(Word("cocoa"), ("NOT", Seq(Word("zinc"), Word("ferry"))))),
    ("minus then word", lambda: Seq(Minus(Word("cocoa")), Word("zinc"))),
    ("NOT then AND, left to right",
     lambda: Chain(Word("cocoa"), ("NOT", Word("zinc")), ("AND", Word("ferry")))),
    ("month dated within a day range", lambda: Date("2025-03-01..2025-03-01")),
    ("date exact month", lambda: Date("=2025-03")),
    ("date exact year", lambda: Date("=2025")),
    ("open ranges", lambda: Seq(Date("2024-06.."), Date("..2025-02"))),
    ("XOR", lambda: Chain(Name("place", "xandria"), ("XOR", Name("person", "smith")))),
    ("wildcard: a word, not its stem, starts with the prefix", lambda: Word("ferry", "wild")),
    ("wildcard: whole word, capitals", lambda: Plus(Word("MARBLE", "wild"))),
    ("any: a filter stays required", lambda: Seq(All(), Word("ferry", "exact")), "--any"),
    ("any: bare words optional, minus excludes", lambda: Seq(
        Word("bishop", "exact"), Word("dolphin"), Minus(Word("cocoa")), Name("place", "velmar")), "--any"),
    ("any: plus is required", lambda: Seq(Plus(Word("bishop", "exact")), Word("dolphin")), "--any"),
]

# Queries whose count by copies or stories ever disagreed (both units run them).
UNIT_NAMED_CASES = [
]

REUTERS_NAMED_CASES = [
    ("star minus place", lambda: Seq(All(), Minus(Name("place", "usa", "exact")))),
    ("minus place alone", lambda: Seq(Minus(Name("place", "usa", "exact")))),
    ("group or minus date",
     lambda: Chain(Group(Name("place", "uk", "exact")), ("OR", Seq(Minus(Date("1987-04")))))),
    ("minus date minus org", lambda: Seq(Minus(Date("1987-10")), Minus(Name("org", "coffee")))),
    ("star and not group", lambda: Chain(All(), ("AND NOT", Group(Chain(
        Name("place", "usa", "exact"), ("OR", Name("person", "reagan"))))))),
    ("person baker", lambda: Name("person", "baker")),
    ("org adb asia", lambda: Name("org", "adb asia", "phrase")),
    ("exact source code", lambda: Name("person", "james-baker", "exact")),
    ("place west-germany", lambda: Name("place", "west-germany")),
]

# ---- Words, names and dates as docs/query-language.md defines them ----------------------------


def fold(s):
    """Case and diacritics aside: NFD, combining marks dropped, case folded."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").casefold()


_POSSESSIVE = re.compile(r"(?<=[^\W_])['\u2019]s(?![^\W_])")
_INNER = re.compile(r"(?<=[^\W_])['\u2019.](?=[^\W_])")


def name_words(name):
    """Runs of letters and digits, folded: "O'Neil" is oneil, "U.S." us, "Kovar's" kovar."""
    return re.findall(r"[^\W_]+", _INNER.sub("", _POSSESSIVE.sub("", fold(name))))


def name_key(name):
    """What := compares: the whole name, case, diacritics and spacing aside."""
    return " ".join(fold(name).split())


def text_words(s):
    """The words of the fixture's plain ASCII text, as written (lower case)."""
    return re.findall(r"[a-z0-9]+", s.lower())


def holds_run(words, run):
    n = len(run)
    return n > 0 and any(words[i:i + n] == run for i in range(len(words) - n + 1))


def parse_date(value):
    """A record's or a query's date -> (value at its precision, precision, first day, last day)."""
    y, mo, d = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value.strip()).groups()
    if d:
        return f"{y}-{mo}-{d}", "day", f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"
    if mo:
        last = calendar.monthrange(int(y), int(mo))[1]
        return f"{y}-{mo}", "month", f"{y}-{mo}-01", f"{y}-{mo}-{last:02d}"
    return y, "year", f"{y}-01-01", f"{y}-12-31"


def _or(masks):
    out = 0
    for m in masks:
        out |= m
    return out


class Archive:
    """The records and, for speed, each distinct value with the bit set of its articles."""

    def __init__(self, records):
        self.records, self.ids = records, [r["id"] for r in records]
        self.all = (1 << len(records)) - 1
        self.names = {f: {} for f in NAME_FIELDS}
        self.words, self.title_words, self.dates, self.keys = {}, {}, {}, {"id": {}, "url": {}}
        self.texts = [(text_words(r.get("title", "")), text_words(r.get("text", ""))) for r in records]
        self.undated, self.word_cache, self.leaf_cache = 0, {}, {}

        def add(table, key, bit):
            table[key] = table.get(key, 0) | bit

        for i, r in enumerate(records):
            bit = 1 << i
            for field, key in NAME_FIELDS.items():
                values = r.get(key) or []
                for name in [values] if isinstance(values, str) else values:
                    add(self.names[field], name, bit)
            for w in self.texts[i][0]:
                add(self.title_words, w, bit)
            for w in self.texts[i][0] + self.texts[i][1]:
                add(self.words, w, bit)
            for field, table in self.keys.items():
                if r.get(field):
                    add(table, r[field], bit)
            if r.get("date"):
                add(self.dates, parse_date(r["date"])[:3], bit)
            else:
                self.undated |= bit

    def words_of(self, name):
        if name not in self.word_cache:
            self.word_cache[name] = name_words(name)
        return self.word_cache[name]

    def ids_of(self, mask):
        return {self.ids[i] for i in range(len(self.ids)) if mask >> i & 1}


# ---- Query trees: text() renders, value(archive, any_mode) evaluates --------------------------

class Node:
    def __init__(self, *args):
        self.args = args

    def __repr__(self):  # the Python that builds the same tree, for NAMED_CASES
        return f"{type(self).__name__}({', '.join(map(repr, self.args))})"

    def holds_bare(self):
        """Whether this is or holds a bare word (optional side by side under --any)."""
        return any(isinstance(x, Node) and x.holds_bare() for x in self.args)


class Leaf(Node):
    def value(self, a, any_mode=False):
        key = self.text()
        if key not in a.leaf_cache:
            a.leaf_cache[key] = self.compute(a)
        return a.leaf_cache[key]


class All(Leaf):
    def text(self):
        return "*"

    def compute(self, a):
        return a.all


class Word(Leaf):
    """Free text, in the headline or the text (title=True: the headline only). how: "stem"
    (word: by its stem; each fixture word is the only form of its stem), "exact" (=word),
    "phrase" ("a b": in a row in the headline, or in the text) or "wild" (prefix*)."""

    FORMS = {"stem": "{}", "exact": "={}", "phrase": '"{}"', "wild": "{}*"}

    def __init__(self, word, how="stem", title=False):
        super().__init__(word, *([how] if how != "stem" or title else []), *([title] if title else []))
        self.word, self.how, self.title = word, how, title

    def text(self):
        return ("title:" if self.title else "") + self.FORMS[self.how].format(self.word)

    def holds_bare(self):
        return not self.title

    def compute(self, a, joined=False):
        words = a.title_words if self.title else a.words
        if self.how == "wild":
            return _or(m for w, m in words.items() if w.startswith(self.word.lower()))
        if self.how != "phrase":
            return words.get(self.word.lower(), 0)
        run = text_words(self.word)
        return _or(1 << i for i, (head, body) in enumerate(a.texts) if holds_run(head, run)
                   or not self.title and holds_run(head + body if joined else body, run))


class Name(Leaf):
    """A name filter. how: "word" (field:v), "phrase" (field:"v"), "exact" (field:="v") or
    "exactbare" (field:=v). Not exact: one name holds the value's words in a row."""

    FORMS = {"word": "{}:{}", "phrase": '{}:"{}"', "exact": '{}:="{}"', "exactbare": "{}:={}"}

    def __init__(self, field, name, how="word"):
        super().__init__(field, name, *([how] if how != "word" else []))
        self.field, self.name, self.how = field, name, how

    def text(self):
        return self.FORMS[self.how].format(self.field, self.name)

    def compute(self, a):
        names = a.names[self.field]
        if self.how.startswith("exact"):
            key = name_key(self.name)
            return _or(m for n, m in names.items() if name_key(n) == key)
        run = name_words(self.name)
        return _or(m for n, m in names.items() if holds_run(a.words_of(n), run))


class Key(Leaf):
    """id:ID or url:URL, exactly."""

    def text(self):
        return f"{self.args[0]}:{self.args[1]}"

    def compute(self, a):
        return a.keys[self.args[0]].get(self.args[1], 0)


class Date(Leaf):
    """The argument is what follows `date:`: 2025, 2025-03, 2025-03-05, A..B, ..B, A.., =X, none."""

    def text(self):
        return f"date:{self.args[0]}"

    def compute(self, a):
        s = self.args[0]
        if s == "none":
            return a.undated
        if s.startswith("="):  # value and precision
            want = parse_date(s[1:])[:2]
            return _or(m for d, m in a.dates.items() if d[:2] == want)
        lo, _, hi = s.partition("..") if ".." in s else (s, "", s)
        lo = parse_date(lo)[2] if lo else "0000-00-00"
        hi = parse_date(hi)[3] if hi else "9999-99-99"
        return _or(m for d, m in a.dates.items() if lo <= d[2] <= hi)  # by the first day


class Plus(Node):
    """+A: required, also under --any."""
    FORM = "+{}"

    def text(self):
        return self.FORM.format(self.args[0].text())

    def value(self, a, any_mode=False):
        return self.args[0].value(a, any_mode)


class Minus(Plus):
    """-A: side by side, excludes A (Seq does the excluding)."""
    FORM = "-{}"


class Group(Plus):
    FORM = "({})"


class Not(Plus):
    """NOT at the start: every article except the side-by-side group that follows."""
    FORM = "NOT {}"

    def value(self, a, any_mode=False):
        return a.all & ~self.args[0].value(a, any_mode)


class Seq(Node):
    """Items side by side: all of them, -items excluded. Under --any, bare words (and groups that
    hold one) not marked + are optional: at least one of them must match."""

    def text(self):
        return " ".join(i.text() for i in self.args)

    def value(self, a, any_mode=False):
        required, optional = a.all, None
        for item in self.args:
            v = item.value(a, any_mode)
            if isinstance(item, Minus):
                required &= a.all & ~v
            elif any_mode and type(item) is not Plus and item.holds_bare():
                optional = (optional or 0) | v
            else:
                required &= v
        return required if optional is None else required & optional


class Chain(Node):
    """first (OP x)...: operators of one level (OR; XOR; or AND, NOT, AND NOT), left to right."""

    def text(self):
        return " ".join([self.args[0].text()] + [f"{op} {n.text()}" for op, n in self.args[1:]])

    def holds_bare(self):
        return self.args[0].holds_bare() or any(n.holds_bare() for _, n in self.args[1:])

    def value(self, a, any_mode=False):
        acc = self.args[0].value(a, any_mode)
        for op, n in self.args[1:]:
            v = n.value(a, any_mode)
            acc = {"OR": acc | v, "XOR": acc ^ v, "AND": acc & v}.get(op, acc & (a.all & ~v))
        return acc


# ---- The fixture: a small archive of invented names, generated from the seed ------------------

VOCABULARY = ("harbour cocoa zinc tariff barley copper ferry glacier lantern meadow orchard quarry "
              "saffron tundra walnut yacht basalt cobalt dolphin falcon granite hazel indigo jasmine "
              "kettle lemon marble nectar oyster pepper quartz raven tobacco velvet willow bishop").split()
PEOPLE = ["John Smith", "Adam Smith", "Smith John", "john-smith", "John Smithers", "Adam John Smith",
          "John Varga", "Héctor Ruiz", "HECTOR RUIZ", "hector ruíz", "Héctor Villatoro", "Michael Dorn",
          "Cherie Blair", "Tony Blair", "James Baker", "james-baker", "Howard Baker", "Dara O'Neil",
          "Dara Oneil", "Zoë Kovač", "Zoe Kovac", "Ngozi Adéwálé", "Jean-Luc Marchetti",
          "Marchetti Jean", "Li Wen", "Wen Li", "Ana Costa", "Costa Ana Maria", "Renée Dubois"]
# Invented, so that the place table renames none; no word of two or three letters (ISO codes).
PLACES = ["Xandria", "Northern Xandria", "Xandria Heights", "Port Velmar", "Velmar", "port-velmar",
          "Upper Quorvia", "Quorvia", "Éstorvia", "ESTORVIA", "estorvia", "Zembrook Falls",
          "Falls Zembrook", "Kelvadoor", "Marrowind Bay", "Bay of Marrowind", "Saint-Quorvin"]
ORGS = ["Dockers Union", "Union Dockers", "Velmar Dockers Union", "Kovar's Fund", "Kovar Fund",
        "Z.K. Brandt Holdings", "ZK Brandt", "Bank of Quorvia", "Brigade 42", "Orvell Trust",
        "orvell-trust", "ORVELL TRUST", "Grüner Kreis"]
AUTHORS = ["Rui Mota", "Ana Mota", "Mota Rui", "rui-mota", "Inês Prado", "Ines Prado", "Tomás Reyes"]
OUTLETS = ["Wire Daily", "Daily Wire", "The Quill", "Quill Evening", "Velmar Post", "velmar-post",
           "Éclair Hebdo", "ECLAIR HEBDO"]
# Hand-made articles the named cases rely on; the rest are random.
FIXED = [
    {"people": ["Adam Smith", "John Varga"]}, {"people": ["John Smith"]},
    {"people": ["Michael Dorn", "Tony Blair"]}, {"people": ["Cherie Blair", "Michael Dorn"]},
    {"people": ["james-baker"]}, {"places": ["Northern Xandria"]}, {"places": ["Xandria"]},
    {"places": ["Xandria", "Velmar"]}, {"people": ["Dara O'Neil"], "organizations": ["Kovar's Fund"]},
]


def _pick(rng, pool, most):
    """0..most distinct values of pool, the first ones more often (a Zipf-like spread)."""
    weights = [1 / (i + 1) for i in range(len(pool))]
    return list(dict.fromkeys(rng.choices(pool, weights, k=rng.randint(0, most))))


def _sentence(rng, n):
    words = rng.choices(VOCABULARY, [1 / (i + 1) ** 0.8 for i in range(len(VOCABULARY))], k=n)
    return " ".join([words[0].capitalize()] + words[1:])


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return path


def make_fixture(seed, n=450):
    """The records of the fixture (declared metadata only), the same for the same seed."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        r = {"id": rng.choice([f"fx-{i:04d}", f"fx-{i:04d}", f"fx{i:04d}.txt", f"FX_{i:04d}"]),
             "url": rng.choice([f"https://example.org/{i % 7}/a{i}", f"https://example.org/a?p={i}", ""]),
             "title": _sentence(rng, rng.randint(2, 6)) if rng.random() > 0.05 else "",
             "text": ". ".join(_sentence(rng, rng.randint(3, 10)) for _ in range(rng.randint(1, 4))) + "."
             if rng.random() > 0.05 else ""}
        y, m, d = rng.choice([2023, 2024, 2024, 2025, 2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
        date = rng.choices([f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}-{d:02d}T{d % 24:02d}:30:00",
                            f"{y}-{m:02d}", f"{y}", None], [62, 5, 13, 10, 10])[0]
        if date:
            r["date"] = date
        if rng.random() < 0.85:
            r["outlet"] = rng.choice(OUTLETS)
        for key, pool, most in (("people", PEOPLE, 3), ("places", PLACES, 3),
                                ("organizations", ORGS, 2), ("authors", AUTHORS, 2)):
            r[key] = _pick(rng, pool, most)
        r.update(FIXED[i] if i < len(FIXED) else {})
        records.append(r)
    return records


def with_copies(records, seed):
    """The fixture and copies of about a fifth of its articles with text, as syndication makes
    them (another id and outlet, the same text; some with another headline, some a day later), so
    that copy groups and stories hold several articles."""
    rng = random.Random(seed)
    out = list(records)
    for r in records:
        if len(r.get("text", "").split()) < 12 or rng.random() > 0.2:
            continue
        for _ in range(rng.randint(1, 3)):
            c = dict(r, id=f"cp-{len(out):04d}", outlet=rng.choice(OUTLETS))
            if rng.random() < 0.3:
                c["title"] = _sentence(rng, rng.randint(2, 6))
            if rng.random() < 0.3 and re.fullmatch(r"\d{4}-\d\d-\d\d", r.get("date", "")):
                c["date"] = r["date"][:8] + f"{min(28, int(r['date'][8:]) + 1):02d}"
            out.append(c)
    return out


def group_assignment(db, ids, field):
    """Each article's group (field: copy or story), by its index in `ids`, as morgue filed it."""
    _, out, _ = run("morgue-search", "--db", db, "--export", "--format", "jsonl", "--fields",
                    "id," + field, "--", "*")
    filed = {o["id"]: o.get(field) or "" for o in map(json.loads, out.splitlines())}
    return [filed[i] for i in ids]


# ---- The random query grammar -----------------------------------------------------------------

def vary(rng, s, accents=True):
    """The same value as a user might type it: case changed, diacritics dropped or added."""
    if accents and rng.random() < 0.3:
        s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    elif accents and rng.random() < 0.1:
        s = s.replace("e", "é", 1)
    return rng.choice([s, s, s.lower(), s.lower(), s.upper(), s.title()])


def _tokens(name):
    return [t for t in re.split(r"[\s-]+", name) if t]


def _sign(rng, atom, weights):
    return rng.choices([atom, Minus(atom), Plus(atom)], weights)[0]


class Grammar:
    """Random trees: or-chains of xor-chains of and-chains of side-by-side items, nested groups."""

    def __init__(self, rng, archive, words=True, exact_places=(), safe_places=None, years=(2022, 2027)):
        self.rng, self.a, self.use_words, self.years = rng, archive, words, years
        self.exact_places = exact_places  # Reuters: the codes place:= may name
        self.safe_places = safe_places    # Reuters: the codes word and phrase filters may name
        self.dated = [d[0] for d in archive.dates]
        self.fields = {f: sorted(v) for f, v in archive.names.items() if v}
        self.holders = {f: [r[k] for r in archive.records if isinstance(r.get(k), list) and len(r[k]) > 1]
                        for f, k in NAME_FIELDS.items()}
        # Words of safe codes that no other code holds (Reuters "germany" is not one).
        others = {w for c in archive.names["place"] if c not in (safe_places or ()) for w in name_words(c)}
        self.safe_words = {w for c in safe_places or () for w in name_words(c)} - others

    def leaf(self, bare_words=True):
        kinds = {"all": 4, "key": 6, "date": 22, "name": 40}
        if self.use_words:
            kinds.update({"title": 4, "phrase": 4}, **({"word": 20, "wild": 3} if bare_words else {}))
        kind = self.rng.choices(list(kinds), list(kinds.values()))[0]
        word = vary(self.rng, self.rng.choice(VOCABULARY), accents=False)
        if kind == "word":
            return Word(word, self.rng.choice(["stem", "exact", "exact"]))
        if kind == "title":
            return Word(word, "stem", title=True)
        if kind == "wild":
            return Word(word[:self.rng.randint(2, len(word))], "wild")
        if kind == "phrase":
            return self.phrase_leaf(title=not bare_words or self.rng.random() < 0.2)
        return {"all": All, "key": self.key_leaf, "date": self.date_leaf, "name": self.name_leaf}[kind]()

    def key_leaf(self):
        field = self.rng.choice(["id", "id", "url"] if self.a.keys["url"] else ["id"])
        value = self.rng.choice(list(self.a.keys[field])) if self.rng.random() < 0.85 else None
        return Key(field, value or f"nx-{self.rng.randint(0, 99)}")

    def phrase_leaf(self, title):
        """Two or three words in a row somewhere (or reversed); never where it would matter whether
        a phrase runs on from the headline into the text, which the page leaves open."""
        while True:
            head, body = self.rng.choice(self.a.texts)
            words = (head if title else self.rng.choice([head, body])) or ["harbour", "cocoa"]
            k = min(len(words), self.rng.choice([2, 2, 3]))
            start = self.rng.randrange(len(words) - k + 1)
            run = words[start:start + k] if self.rng.random() < 0.8 else words[start:start + k][::-1]
            leaf = Word(" ".join(vary(self.rng, w, accents=False) for w in run), "phrase", title)
            if title or leaf.compute(self.a) == leaf.compute(self.a, joined=True):
                return leaf

    def date_leaf(self):
        rng = self.rng

        def value():
            if self.dated and rng.random() < 0.7:
                v = rng.choice(self.dated)
            else:
                v = f"{rng.randint(*self.years)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            return v[:rng.choice([4, 7, 10, 10])]

        form = rng.choices(["none", "=", "..B", "A..", "A..B", "A"], [5, 15, 10, 10, 25, 35])[0]
        if form == "A..B":
            return Date("{}..{}".format(*sorted([value(), value()], key=lambda v: parse_date(v)[2])))
        return Date({"none": "none", "=": "=" + value(), "..B": ".." + value(), "A..": value() + "..",
                     "A": value()}[form])

    def name_leaf(self):
        rng = self.rng
        field = rng.choice([f for f in ("person", "person", "place", "place", "org", "author", "outlet")
                            if f in self.fields])
        names, codes = self.fields[field], field == "place" and self.safe_places is not None
        if field == "place" and self.exact_places:
            if not codes or rng.random() < 0.5:
                return Name(field, vary(rng, rng.choice(self.exact_places)), "exact")
            names = self.safe_places
        name = rng.choice(names)
        tokens, r = _tokens(name), rng.random()
        if r < 0.25:  # the whole name, or (a near miss) its last words
            if rng.random() < 0.2 and not codes:
                name = " ".join(tokens[rng.randrange(len(tokens)):])
            bare = re.fullmatch(r"[^\W_]+", name) and rng.random() < 0.5
            return Name(field, vary(rng, name), "exactbare" if bare else "exact")
        if r < 0.33:  # words of two names of one article, or a name's words reversed
            holders = self.holders[field]
            if holders and not codes and rng.random() < 0.6:
                pair = rng.sample(rng.choice(holders), 2)
                tokens = _tokens(pair[0])[-1:] + _tokens(pair[1])[:1]
            else:
                tokens = tokens[::-1]
        else:
            k = rng.choice([1, 1, 1, 2, 2, 3])
            start = rng.randrange(max(1, len(tokens) - k + 1))
            tokens = tokens[start:start + k]
        if codes and len(tokens) == 1 and tokens[0].lower() not in self.safe_words:
            tokens = _tokens(name)  # a word another code (or its country) may hold: the whole code
        tokens = [vary(rng, t) for t in tokens]
        plain = all(re.fullmatch(r"[^\W_]+", t) for t in tokens)
        if len(tokens) == 1 and plain:
            return Name(field, tokens[0])
        if plain and rng.random() < 0.4:
            return Name(field, "-".join(tokens))
        return Name(field, " ".join(tokens), "phrase")

    def query(self):
        return self.or_expr(0, lead_not=True)

    def or_expr(self, depth, lead_not):
        n = self.rng.choices([1, 2, 3], [70, 22, 8])[0]
        parts = [self.xor_expr(depth, lead_not and i == 0) for i in range(n)]
        return parts[0] if n == 1 else Chain(parts[0], *[("OR", p) for p in parts[1:]])

    def xor_expr(self, depth, lead_not):
        n = self.rng.choices([1, 2], [88, 12])[0]
        parts = [self.and_expr(depth, lead_not and i == 0) for i in range(n)]
        return parts[0] if n == 1 else Chain(parts[0], *[("XOR", p) for p in parts[1:]])

    def and_expr(self, depth, lead_not):
        first = self.seq(depth)
        if lead_not and self.rng.random() < 0.12:  # at the start of the query or of a group
            first = Not(first)
        k = self.rng.choices([0, 1, 2], [55, 30, 15])[0]
        rest = [(self.rng.choices(["AND", "NOT", "AND NOT"], [50, 20, 30])[0], self.seq(depth))
                for _ in range(k)]
        return Chain(first, *rest) if rest else first

    def seq(self, depth):
        items = [_sign(self.rng, self.atom(depth), [70, 20, 10])
                 for _ in range(self.rng.choices([1, 2, 3], [55, 30, 15])[0])]
        return items[0] if len(items) == 1 and not isinstance(items[0], Minus) else Seq(*items)

    def atom(self, depth):
        if depth < 3 and self.rng.random() < 0.16 / (depth + 1):
            return Group(self.or_expr(depth + 1, lead_not=True))
        return self.leaf()

    def any_query(self):
        """For --any: side by side bare words, filters, signs and groups of filters only."""
        items = []
        for _ in range(self.rng.randint(1, 5)):
            r = self.rng.random()
            if r < 0.5 and self.use_words:
                atom = self.leaf()
                while not atom.holds_bare():
                    atom = self.leaf()
            elif r < 0.6:  # one operator a group: a Chain is of one precedence level
                op = self.rng.choice(["OR", "AND", "NOT"])
                rest = [(op, self.leaf(False)) for _ in range(self.rng.randint(1, 2))]
                atom = Group(Chain(self.leaf(False), *rest))
            else:
                atom = self.leaf(bare_words=False)
            items.append(_sign(self.rng, atom, [65, 20, 15]))
        return Seq(*items)


# ---- Running morgue and comparing -------------------------------------------------------------

def run(tool, *args, stdin=None):
    try:
        p = subprocess.run([os.path.join(BIN, tool), *args], input=stdin, capture_output=True,
                           env=ENV, timeout=1800)
    except OSError as e:  # (a binary being rebuilt under us)
        sys.exit(f"cannot run {tool}: {e}")
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def index(db, *inputs, stdin=None, extract=False, ok=(0,), more=()):
    # --exact-forms: the grammar has =word and wildcards over words as written.
    rc, _, err = run("morgue-index", "--db", db, "--exact-forms", *(() if extract else ("--no-extract",)), *more,
                     *inputs, stdin=stdin)
    if rc not in ok:
        sys.exit(f"morgue-index exit {rc}: {err.strip()[-2000:]}")
    return err


def batch_totals(db, tmp, queries, any_mode=False, unit=None):
    """{name: total or 'error: ...'} for [(name, text)], from one morgue-search --batch run (with
    --unit `unit` if given)."""
    path = os.path.join(tmp, "batch.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(f"{name}\t{text}\n" for name, text in queries)
    rc, out, err = run("morgue-search", "--db", db, "--batch", path, "--format", "jsonl", "--count",
                       *(("--any",) if any_mode else ()), *(("--unit", unit) if unit else ()))
    totals = {}
    for line in out.splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            continue
        totals[o.get("name")] = o["total"] if "total" in o else "error: " + str(o.get("error"))
    if not totals:
        print(f"morgue-search --batch printed no results (exit {rc}): {err.strip()[:500]}")
    return totals


def morgue_ids(db, text, any_mode):
    _, out, _ = run("morgue-search", "--db", db, "--export", "--format", "jsonl", "--fields", "id",
                    *(("--any",) if any_mode else ()), "--", text)
    return {json.loads(line)["id"] for line in out.splitlines() if line.startswith("{")}


def compare(label, archive, db, tmp, named, trees, any_trees, report_max, unit=None, group_of=None):
    """Runs the named cases, the random trees and the --any ones; reports disagreements, the
    shortest first, and returns their number. With `unit` (copies, stories), the totals are
    counted by that unit, and the model counts the distinct groups of the matching articles
    (`group_of`: article index -> its group; "" for one alone, a unit of its own)."""
    def measure(mask):
        if not unit:
            return bin(mask).count("1")
        return len({group_of[i] or ("alone", i) for i in range(len(archive.ids)) if mask >> i & 1})

    runs, sizes = [], []
    for any_mode, cases in ((False, [(f"named:{n}", t()) for n, t, *o in named if not o] +
                             [(f"q{i:05d}", t) for i, t in enumerate(trees)]),
                            (True, [(f"named:{n}", t()) for n, t, *o in named if o] +
                             [(f"any{i:05d}", t) for i, t in enumerate(any_trees)])):
        if not cases:
            continue
        totals = batch_totals(db, tmp, [(n, t.text()) for n, t in cases], any_mode, unit)
        for name, tree in cases:
            want = tree.value(archive, any_mode)
            sizes.append(measure(want))
            got = totals.get(name, "missing from the batch output")
            if got != sizes[-1]:
                runs.append((name, tree, any_mode, want, got))
    print(f"{label}{' by ' + unit if unit else ''}: {len(archive.ids)} articles, {len(sizes)} queries "
          f"({len(named)} named, "
          f"{len(any_trees)} random ones with --any; {sizes.count(0)} match nothing, "
          f"{sizes.count(len(archive.ids))} everything): {len(runs)} disagreements")
    runs.sort(key=lambda r: (not r[0].startswith("named:"), len(r[1].text())))
    for k, (name, tree, any_mode, want, got) in enumerate(runs[:report_max]):
        print(f"  {name}{' --any' if any_mode else ''}: {tree.text()}")
        print(f"      brute force {measure(want)}, morgue {got}")
        if k < 10 and isinstance(got, int) and not unit:
            theirs, ours = morgue_ids(db, tree.text(), any_mode), archive.ids_of(want)
            if len(theirs) == got:  # (not when --export disagrees with --count)
                print(f"      only morgue: {sorted(theirs - ours)[:5]}  "
                      f"only brute force: {sorted(ours - theirs)[:5]}")
        if not name.startswith("named:"):
            mode = ', "--any"' if any_mode else ""
            if unit:
                print(f'      named case (UNIT_NAMED_CASES): ("...", lambda: {tree!r}),')
                continue
            print(f'      named case: ("...", lambda: {tree!r}{mode}),')
    if len(runs) > report_max:
        print(f"  ... and {len(runs) - report_max} more")
    return len(runs)


def compare_unit_facets(archive, db, tmp, trees, report_max, unit, group_of):
    """Facets by `unit` (outlet and place, every value) of the queries, against the model's: for
    each value (by name key, as facets merge names), the distinct groups of the matching articles
    holding it. Returns the number of queries that disagree."""
    fields = ("outlet", "place")
    path = os.path.join(tmp, "facets.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(f"f{i:05d}\t{t.text()}\n" for i, t in enumerate(trees))
    rc, out, err = run("morgue-search", "--db", db, "--batch", path, "--format", "jsonl", "--limit",
                       "0", "--unit", unit, "--facets", ",".join(fields), "--facet-limit", "0")
    got = {o.get("name"): o for o in map(json.loads, out.splitlines())}
    bad = []
    for i, tree in enumerate(trees):
        want = tree.value(archive)
        model = {f: collections.defaultdict(set) for f in fields}
        for a in range(len(archive.ids)):
            if want >> a & 1:
                record = archive.records[a]
                for f in fields:
                    values = record.get(NAME_FIELDS[f]) or []
                    for v in [values] if isinstance(values, str) else values:
                        model[f][name_key(v)].add(group_of[a] or ("alone", a))
        o = got.get(f"f{i:05d}", {})
        for f in fields:
            mine = {name_key(e["value"]): e["count"] for e in o.get("facets", {}).get(f, [])}
            theirs = {k: len(units) for k, units in model[f].items()}
            if mine != theirs:
                bad.append((tree, f, theirs, mine if "facets" in o else o.get("error", "no answer")))
                break
    print(f"fixture with copies, facets by {unit}: {len(trees)} queries: {len(bad)} disagreements"
          + ("" if got else f" (morgue-search exit {rc}: {err.strip()[:300]})"))
    for tree, f, theirs, mine in bad[:report_max]:
        print(f"  {tree.text()}\n      {f}: brute force {theirs}, morgue {mine}")
    return len(bad) if got else 1


def load_reuters():
    """The Reuters-21578 records (declared fields only) and the JSON Lines to index."""
    records, raw = [], []
    with gzip.open(REUTERS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            raw.append(line)
            records.append({"id": str(r["id"]), "date": r.get("date") or "", "outlet": r.get("outlet") or "",
                            "people": r.get("people") or [], "places": r.get("places") or [],
                            "organizations": r.get("orgs") or []})
    return records, "".join(raw).encode("utf-8")


# Reuters place codes whose words are certainly their country's canonical name's words; word and
# phrase filters use only these (and only words that no other code holds), place:= any code but
# the two Yemens (which the place table may merge).
REUTERS_SAFE_PLACES = ("japan france canada brazil china italy belgium mexico spain sweden norway "
                       "australia argentina india indonesia kenya egypt poland chile peru greece austria "
                       "denmark finland switzerland portugal nigeria pakistan malaysia singapore thailand "
                       "israel kuwait iraq iran ecuador colombia venezuela west-germany hong-kong "
                       "new-zealand saudi-arabia south-africa sri-lanka").split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=3000, help="random queries on the fixture")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--articles", type=int, default=450, help="articles in the fixture")
    ap.add_argument("--reuters-cases", type=int, default=1000)
    ap.add_argument("--unit-cases", type=int, default=1500, help="of the fixture's, counted by units")
    ap.add_argument("--report", type=int, default=25, help="disagreements shown (shortest first)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    for tool in ("morgue-index", "morgue-search"):
        if not os.access(os.path.join(BIN, tool), os.X_OK):
            print(f"skipped: no {tool} in {BIN} (set MORGUE_BIN)")
            return 77
    start = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="morgue-differential-")
    failures = 0
    try:
        records = make_fixture(args.seed, args.articles)
        index(os.path.join(tmp, "fixture.db"), write_jsonl(os.path.join(tmp, "fixture.jsonl"), records))
        archive = Archive(records)
        g = Grammar(random.Random(args.seed), archive)
        trees = [g.query() for _ in range(args.cases)]
        any_trees = [g.any_query() for _ in range(max(50, args.cases // 6))]
        failures += compare("fixture", archive, os.path.join(tmp, "fixture.db"), tmp, NAMED_CASES, trees,
                            any_trees, args.report)
        print(f"  ({time.monotonic() - start:.1f} s so far)")

        # Counts by copies and stories (issue 16): the same queries over the fixture with copies,
        # as many groups as the matching articles have (a batch counts a one-word query's groups
        # from its posting list and the groups' column, any other by the matcher's spies).
        records = with_copies(records, args.seed)
        db = os.path.join(tmp, "copies.db")
        index(db, write_jsonl(os.path.join(tmp, "copies.jsonl"), records))
        archive = Archive(records)
        for unit, field in (("copies", "copy"), ("stories", "story")):
            group_of = group_assignment(db, archive.ids, field)
            named = [g for g in group_of if g]
            grouped = len(named) - len(set(named))
            print(f"  {grouped} articles beyond the first of their {field} group")
            if grouped < len(records) // 10:
                print(f"FAILED: too few {unit} to test ({grouped})")
                failures += 1
            failures += compare("fixture with copies", archive, db, tmp, UNIT_NAMED_CASES,
                                trees[:args.unit_cases], [], args.report, unit, group_of)
            failures += compare_unit_facets(archive, db, tmp, trees[:args.unit_cases // 3],
                                            args.report, unit, group_of)
        # A count of one term's groups is read from the counts the build stored (group_counts.h;
        # terms of at least 20 articles by default), or counted from the few articles of a rarer
        # term: the one-leaf queries again with the counts made stale by a later commit (counted
        # through the column of groups), and with every term's counts stored.
        stale = os.path.join(tmp, "copies-stale.db")
        shutil.copytree(db, stale)
        for inner in os.listdir(stale):
            if os.path.isdir(os.path.join(stale, inner)):
                rc, _, err = run("set_metadata", os.path.join(stale, inner), "morgue.test", "a later commit")
                if rc != 0:
                    sys.exit(f"set_metadata exit {rc}: {err.strip()}")
        every = os.path.join(tmp, "copies-every.db")
        shutil.copytree(stale, every)
        index(every, os.path.join(tmp, "copies.jsonl"), more=("--group-counts-from", "1"))
        leaves = [t for t in trees if isinstance(t, Leaf)]
        for label, variant in (("stale counts", stale), ("every term's counts", every)):
            for unit, field in (("copies", "copy"), ("stories", "story")):
                group_of = group_assignment(variant, archive.ids, field)
                failures += compare(f"fixture with copies, {label}", archive, variant, tmp, [], leaves,
                                    [], args.report, unit, group_of)
        print(f"  ({time.monotonic() - start:.1f} s so far)")

        if not os.path.exists(REUTERS):
            print(f"Reuters-21578 part skipped: no {REUTERS} (set MORGUE_SHARED)")
        elif args.reuters_cases > 0:
            records, data = load_reuters()
            index(os.path.join(tmp, "reuters.db"), "-", stdin=data)
            archive = Archive(records)
            codes = archive.names["place"]
            g = Grammar(random.Random(args.seed + 1), archive, words=False,
                        exact_places=sorted(c for c in codes if not c.startswith("yemen")),
                        safe_places=[c for c in REUTERS_SAFE_PLACES if c in codes], years=(1986, 1988))
            trees = [g.query() for _ in range(args.reuters_cases)]
            failures += compare("Reuters-21578", archive, os.path.join(tmp, "reuters.db"), tmp,
                                REUTERS_NAMED_CASES, trees, [], args.report)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"{'FAILED' if failures else 'OK'}: {failures} disagreements, {time.monotonic() - start:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
