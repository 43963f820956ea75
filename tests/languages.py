"""Issue 21: archives in many languages. The fixture articles of tests/fixtures/languages.jsonl
(English, German, French, Spanish, Russian, Arabic, Chinese and Greek, written for these
tests) index
with the language detected from their text; an inflected word finds its article in each
language; lang: filters and facets count the languages; a declared language wins over detection
and --lang; a lang: filter narrows the stemming; a declared value that names no language is said with its file and line; an HTML
page's <html lang> is read; --extract-only says when names are not extracted; --kwic and
snippets find the words of each language and script.

Run by ctest as cli.Languages (python3 languages.py).
"""
import json
import os
import re
import shutil
import sys
import tempfile
import unittest

from cli_test import SOURCE, index, run, search, search_json

FIXTURE = os.path.join(SOURCE, "tests", "fixtures", "languages.jsonl")
ARTICLES = [json.loads(line) for line in open(FIXTURE, encoding="utf-8")]
LANGUAGE_OF = {a["id"]: a["id"].split("-")[0] for a in ARTICLES}

# A word of each article and another inflection of it that the text does not hold: the query
# finds the article only through its own language's stemmer (or, for Chinese, the n-grams).
INFLECTED = {
    "en-strike": ["shipment", "contract", "wage"],
    "de-wohnungsbau": ["Ministerium", "Verband", "Städte", "Miete"],
    "fr-elections": ["électeur", "votés", "publié"],
    "es-agricultores": ["agricultor", "protestar", "carretera"],
    "ru-nalogi": ["налог", "заводы", "министр"],
    "ar-madaris": ["المدرسة", "معلم", "حكومة"],
    "zh-ditie": ["地铁", "乘客", '"扩建城市地铁"'],
}
# Greek has no Snowball stemmer in Xapian 1.4: its words are found as written, case aside
# ("Αγρότες" is "αγρότες"), and another inflection is not.
AS_WRITTEN = {"el-plimmyres": (["πλημμύρες", "Αγρότες", "υπουργό"], ["πλημμύρα", "υπουργός"])}


def ids(db, *args):
    return [h["id"] for h in search_json(db, *args)["hits"]]


class Languages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="morgue-languages-")
        cls.db = os.path.join(cls.tmp, "db")
        index(cls.db, FIXTURE)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_each_article_has_its_detected_language(self):
        for hit in search_json(self.db, "*")["hits"]:
            self.assertEqual(hit.get("lang"), LANGUAGE_OF[hit["id"]], hit["id"])
            self.assertEqual(hit.get("lang_origin"), "detected", hit["id"])

    def test_facets_and_filters_count_languages(self):
        facets = search_json(self.db, "--facets", "lang", "*")["facets"]["lang"]
        self.assertEqual({f["value"]: f["count"] for f in facets},
                         {lang: 1 for lang in LANGUAGE_OF.values()})
        for article, lang in LANGUAGE_OF.items():
            self.assertEqual(ids(self.db, f"lang:{lang}"), [article])

    def test_an_inflected_word_finds_its_article_in_each_language(self):
        for article, words in INFLECTED.items():
            article_words = set(re.findall(r"\w+", next(a["title"] + " " + a["text"]
                                                         for a in ARTICLES if a["id"] == article)))
            for word in words:
                if LANGUAGE_OF[article] != "zh":  # Chinese is not inflected: its words as written
                    self.assertNotIn(word, article_words)
                self.assertEqual(ids(self.db, word), [article], word)

    def test_a_language_without_a_stemmer_is_found_as_written(self):
        for article, (found, not_found) in AS_WRITTEN.items():
            for word in found:
                self.assertEqual(ids(self.db, word), [article], word)
            for word in not_found:
                self.assertEqual(ids(self.db, word), [], word)

    def test_exact_forms_in_other_scripts(self):
        db = os.path.join(tempfile.mkdtemp(dir=self.tmp), "db")
        index(db, FIXTURE, extra=("--exact-forms",))
        self.assertEqual(ids(db, "=налогах"), ["ru-nalogi"])
        self.assertEqual(ids(db, "=налог"), [])
        self.assertEqual(ids(db, "налог"), ["ru-nalogi"])
        self.assertEqual(ids(db, "=المدارس"), ["ar-madaris"])
        self.assertEqual(ids(db, "=地铁"), ["zh-ditie"])
        rc, out, err = search(db, "--kwic=10", "=налогах", expect=0)
        self.assertIn(" налогах ", out)

    def test_lang_option_stems_in_the_languages_given_only(self):
        self.assertEqual(ids(self.db, "--lang", "de", "Regierung"), ["de-wohnungsbau"])
        self.assertEqual(ids(self.db, "--lang", "German,ru", "Regierung"), ["de-wohnungsbau"])
        self.assertEqual(ids(self.db, "--lang", "en", "Regierung"), [])  # English stem "regierung"
        self.assertEqual(ids(self.db, "--lang", "en", "harbours"), ["en-strike"])
        result = search_json(self.db, "--lang", "de", "Städte")
        self.assertEqual(result["manifest"]["options"]["lang"], ["de"])
        self.assertNotIn("lang", search_json(self.db, "Städte")["manifest"]["options"])
        rc, out, err = search(self.db, "--lang", "xx", "Regierung", expect=2)
        self.assertIn("--lang xx", err)

    def test_kwic_shows_each_occurrence_once(self):
        rc, out, err = search(self.db, "--kwic=20", "Regierung", expect=0)
        lines = out.splitlines()
        self.assertEqual(len(lines), 2, out)  # "Regierung" and "Regierungen", once each
        rc, out, err = search(self.db, "--kwic=10", "地铁", expect=0)
        self.assertEqual(len(out.splitlines()), 1, out)
        self.assertIn(" 地铁 ", out)
        rc, out, err = search(self.db, "--kwic=10", "заводы", expect=0)
        self.assertIn(" заводам ", out)
        rc, out, err = search(self.db, "--kwic=10", "المدرسة", expect=0)  # Arabic: prefixes stemmed
        self.assertEqual(len(out.splitlines()), 1, out)  # "مدرسة" (the plural is another stem)
        self.assertIn(" مدرسة ", out)

    def test_text_output_names_a_language_other_than_english(self):
        rc, out, err = search(self.db, "--limit", "10", "*", expect=0)
        for article, lang in LANGUAGE_OF.items():
            line = next(l for l in out.splitlines() if f" {article}" in l)
            if lang == "en":
                self.assertNotIn("lang:", line)
            else:
                self.assertTrue(line.endswith(f"{article} · lang:{lang}"), line)

    def test_thai_words_are_found_inside_unspaced_text(self):
        # Thai writes no spaces between words: ICU's dictionary breaks them at indexing, in the
        # query and in --kwic alike. (Written for this test: "The government announced new
        # measures to help farmers hit by the floods in the north ...")
        tmp = tempfile.mkdtemp(dir=self.tmp)
        source = os.path.join(tmp, "thai.jsonl")
        text = ("รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือ "
                "รัฐมนตรีกล่าวว่าเงินช่วยเหลือจะถูกจ่ายภายในสองเดือน และเกษตรกรจำนวนมากยังรอ"
                "ความช่วยเหลือเพิ่มเติมสำหรับการฟื้นฟูพื้นที่เพาะปลูก")
        with open(source, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "th-kaset", "title": "รัฐบาลช่วยเหลือเกษตรกร", "text": text},
                               ensure_ascii=False) + "\n")
            f.write(json.dumps({"id": "en-floods", "text": "Farmers in the north wait for help "
                                "after the floods, the minister said on Tuesday."}) + "\n")
        db = os.path.join(tmp, "db")
        index(db, source)
        self.assertEqual(ids(db, "lang:th"), ["th-kaset"])
        for word in ("เกษตรกร", "น้ำท่วม", "รัฐมนตรี", '"ช่วยเหลือเกษตรกร"', "เกษตร*"):
            self.assertEqual(ids(db, word), ["th-kaset"], word)
        self.assertEqual(ids(db, "ภาษาไทย"), [])  # "Thai language": not in the text
        rc, out, err = search(db, "--kwic=10", "เกษตรกร", expect=0)
        self.assertEqual(len(out.splitlines()), 2, out)  # twice in the text (the title aside)
        self.assertIn(" เกษตรกร ", out)

    def test_snippet_shows_the_match(self):
        hit = search_json(self.db, "налог")["hits"][0]
        self.assertIn("налогах", hit["snippet"])

    def test_declared_language_wins_and_names_are_not_extracted_from_other_languages(self):
        tmp = tempfile.mkdtemp(dir=self.tmp)
        source = os.path.join(tmp, "declared.jsonl")
        german = next(a for a in ARTICLES if a["id"] == "de-wohnungsbau")
        with open(source, "w", encoding="utf-8") as f:
            # Declared as French (a wrong declaration is still the source's word), by name.
            f.write(json.dumps(dict(german, id="declared", language="French")) + "\n")
            f.write(json.dumps(dict(german, id="bad", lang="klingonese")) + "\n")
            f.write(json.dumps(dict(german, id="plain")) + "\n")
        db = os.path.join(tmp, "db")
        err = index(db, source, extra=("--lang", "Spanish"))
        self.assertIn(f"{source}:2", err)
        self.assertIn("klingonese", err)
        hits = {h["id"]: h for h in search_json(db, "*")["hits"]}
        self.assertEqual((hits["declared"]["lang"], hits["declared"]["lang_origin"]),
                         ("fr", "source"))
        self.assertEqual((hits["bad"]["lang"], hits["bad"]["lang_origin"]), ("es", "option"))
        self.assertEqual((hits["plain"]["lang"], hits["plain"]["lang_origin"]), ("es", "option"))
        rc, out, err = run("morgue-index", "--db", db, "--lang", "xx-nonsense", source)
        self.assertEqual(rc, 2)
        self.assertIn("--lang xx-nonsense", err)
        # --extract-only: the German article gets no people or organizations and says why.
        rc, out, err = run("morgue-index", "--extract-only", FIXTURE)
        self.assertEqual(rc, 0, err)
        lines = {r["id"]: r for r in map(json.loads, out.splitlines())}
        for article, lang in LANGUAGE_OF.items():
            r = lines[article]
            if lang == "en":
                self.assertNotIn("note", r)
            else:
                self.assertIn("the extractor reads English", r["note"])
                self.assertEqual((r["people"], r["places"], r["organizations"]), ([], [], []),
                                 article)

    def test_a_lang_filter_narrows_the_languages_a_word_is_stemmed_in(self):
        def parsed(query):
            result = search_json(self.db, query)
            return result.get("parsed_query") or result["manifest"]["parsed_query"]
        # Every match must be German: "mieten" is read by the German stemmer alone.
        self.assertIn("miet@1", parsed("mieten lang:de"))
        self.assertNotIn("SYNONYM", parsed("mieten lang:de"))
        self.assertNotIn("SYNONYM", parsed("mieten AND lang:de"))
        self.assertEqual(ids(self.db, "mieten lang:de"),
                         [i for i in ids(self.db, "mieten") if LANGUAGE_OF[i] == "de"])
        # Every match is French: the words it excludes are French words too.
        self.assertNotIn("SYNONYM", parsed("lang:fr NOT mieten"))
        # Where a match need not be German, every language's reading stays.
        for query in ("mieten OR lang:de", "mieten -lang:de", "mieten NOT lang:de",
                      "lang:fr OR mieten lang:de", "(mieten lang:de) OR mieten"):
            self.assertIn("SYNONYM", parsed(query), query)

    def test_places_by_their_names_in_each_language(self):
        # Places named in the article's language are filed under their English names: a facet
        # counts Moscow once whichever language named it, and place: finds each article.
        tmp = tempfile.mkdtemp(dir=self.tmp)
        source = os.path.join(tmp, "places.jsonl")
        articles = {
            "en": ("Talks in Moscow", "Ministers from France met in Moscow on Tuesday."),
            "de": ("Gespräche in Moskau", "Die Minister aus Frankreich trafen sich am Dienstag "
                   "in Moskau. Das nächste Treffen findet in München statt. Das Essen war gut."),
            "ru": ("Переговоры в Москве", "Во вторник в Москве прошли переговоры министров "
                   "Франции и Германии."),
            "ar": ("محادثات في القاهرة", "عقد وزراء من مصر وفرنسا محادثات في القاهرة يوم "
                   "الثلاثاء."),
            "zh": ("北京举行会谈", "周二，来自法国和德国的代表在北京举行会谈。"),
        }
        expected = {"en": ["Moscow", "France"], "de": ["Moscow", "France", "Munich"],
                    "ru": ["Moscow", "France", "Germany"], "ar": ["Cairo", "Egypt", "France"],
                    "zh": ["Beijing", "France", "Germany"]}
        with open(source, "w", encoding="utf-8") as f:
            for lang, (title, text) in articles.items():
                f.write(json.dumps({"id": lang, "lang": lang, "title": title, "text": text},
                                   ensure_ascii=False) + "\n")
        db = os.path.join(tmp, "db")
        index(db, source)
        hits = {h["id"]: h for h in search_json(db, "*")["hits"]}
        for lang, places in expected.items():
            self.assertEqual(sorted(hits[lang]["places"]), sorted(places), lang)
        facets = search_json(db, "--facets", "place", "*")["facets"]["place"]
        counted = {f["value"]: f["count"] for f in facets}
        for place in {p for places in expected.values() for p in places}:
            self.assertEqual(counted[place],
                             sum(place in places for places in expected.values()), place)
            self.assertEqual(sorted(ids(db, f'place:"{place}"')),
                             sorted(lang for lang, places in expected.items() if place in places))
        self.assertNotIn("Essen", counted)  # "das Essen", the meal

    def test_html_lang(self):
        tmp = tempfile.mkdtemp(dir=self.tmp)
        french = next(a for a in ARTICLES if a["id"] == "fr-elections")
        page = os.path.join(tmp, "page.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(f'<!doctype html><html lang="fr-CA"><head><title>{french["title"]}</title>'
                    f'</head><body><article><p>{french["text"]}</p></article></body></html>')
        db = os.path.join(tmp, "db")
        index(db, page)
        hit = search_json(db, "électeur")["hits"][0]
        self.assertEqual((hit["lang"], hit["lang_origin"]), ("fr", "source"))

    def test_any_drops_the_function_words_of_the_archives_languages(self):
        # "de" is a Spanish and French function word: in this archive (each language a seventh)
        # --any drops it beside a content word, which alone decides the matches.
        self.assertEqual(ids(self.db, "--any", "de carretera"), ["es-agricultores"])
        self.assertEqual(sorted(ids(self.db, "--any", "de")), ["es-agricultores", "fr-elections"])
        # One Spanish article among twenty English ones: "de" is a word like any other.
        tmp = tempfile.mkdtemp(dir=self.tmp)
        source = os.path.join(tmp, "mostly-english.jsonl")
        english = next(a for a in ARTICLES if a["id"] == "en-strike")
        spanish = next(a for a in ARTICLES if a["id"] == "es-agricultores")
        with open(source, "w", encoding="utf-8") as f:
            for n in range(20):
                f.write(json.dumps(dict(english, id=f"en-{n}")) + "\n")
            f.write(json.dumps(spanish) + "\n")
        db = os.path.join(tmp, "db")
        index(db, source)
        self.assertEqual(ids(db, "--any", "de harbour")[0], "es-agricultores")
        self.assertEqual(len(ids(db, "--any", "de harbour")), 21)

    def test_short_text_has_no_language_and_is_english(self):
        tmp = tempfile.mkdtemp(dir=self.tmp)
        source = os.path.join(tmp, "short.jsonl")
        with open(source, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "short", "title": "Ports", "text": "Strikes close ports."}) + "\n")
        db = os.path.join(tmp, "db")
        index(db, source)
        hit = search_json(db, "striking")["hits"][0]
        self.assertNotIn("lang", hit)


if __name__ == "__main__":
    result = unittest.TextTestRunner(verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromTestCase(Languages))
    sys.exit(0 if result.wasSuccessful() else 1)
