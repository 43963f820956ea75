// Language codes, detection, and stemming by each article's own language (issue 21).
#include "common/language.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/analysis.h"
#include "common/document.h"
#include "indexer/prepare.h"

using namespace morgue;

namespace {

// The fixture articles of tests/fixtures/languages.jsonl, their language the id's first part.
std::vector<Article> fixture_articles() {
  std::ifstream in(std::string(MORGUE_FIXTURES) + "/languages.jsonl");
  std::vector<Article> out;
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json r = nlohmann::json::parse(line);
    Article a;
    a.id = r["id"];
    a.title = r["title"];
    a.text = r["text"];
    out.push_back(a);
  }
  return out;
}

std::string language_of(const Article& a) { return a.id.substr(0, a.id.find('-')); }

// The words of a text as the indexer splits them (lower case, CJK characters one by one and in
// pairs), by Xapian's own TermGenerator.
std::set<std::string> words_of(const std::string& text) {
  Xapian::TermGenerator g;
  g.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  Xapian::Document d;
  g.set_document(d);
  g.index_text(text);
  std::set<std::string> out;
  for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) out.insert(*t);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(language)

BOOST_AUTO_TEST_CASE(codes_names_and_regions) {
  const std::map<std::string, std::string> cases = {{"de", "de"},
                                                    {"DE", "de"},
                                                    {"de-AT", "de"},
                                                    {"pt_BR", "pt"},
                                                    {"en_US.UTF-8", "en"},
                                                    {"German", "de"},
                                                    {"Deutsch", "de"},
                                                    {"ger", "de"},
                                                    {"deu", "de"},
                                                    {"iw", "he"},
                                                    {"nb", "no"},
                                                    {"zh-Hant", "zh"},
                                                    {" fr ", "fr"},
                                                    {"Español", "es"},
                                                    {"español", "es"},
                                                    {"sw", "sw"},
                                                    {"xx", ""},
                                                    {"klingonese", ""},
                                                    {"", ""},
                                                    {"русский", "ru"}};
  for (const auto& [given, want] : cases) BOOST_TEST(language_code(given) == want, given);
}

BOOST_AUTO_TEST_CASE(detects_each_fixture_language) {
  for (const Article& a : fixture_articles())
    BOOST_TEST(detect_language(a.title + "\n" + a.text) == language_of(a), a.id);
}

BOOST_AUTO_TEST_CASE(short_text_and_english_with_foreign_names) {
  BOOST_TEST(detect_language("Die Regierung hat entschieden.") == "");  // under kMinDetectBytes
  // CLD2's own answer (DetectLanguage) is German for this English sentence: it prefers any
  // other language to English; the summary's top language is English.
  BOOST_TEST(detect_language("Landesbank Hessen-Thueringen Girozentrale said it will issue a 200 "
                             "mln Swiss franc bond through Schweizerische Kreditanstalt und "
                             "Bayerische Vereinsbank, with a coupon of five pct and a term of "
                             "ten years, the bank said on Tuesday.") == "en");
}

BOOST_AUTO_TEST_CASE(an_english_story_of_foreign_clubs_scores_is_english) {
  // Mostly Dutch clubs' names in lines of results and standings: CLD2 reads the whole as Dutch.
  const std::string story =
      "SOCCER - DUTCH FIRST DIVISION RESULTS / STANDINGS.\nAMSTERDAM 1996-08-24\n"
      "Result of Dutch first division\nsoccer match played on Saturday:\n"
      "Graafschap Doetinchem 3 RKC Waalwijk 2\nWillem II Tilburg 0 Fortuna Sittard 1\n"
      "NAC Breda 1 Sparta Rotterdam 0\nHeerenveen 2 Ajax Amsterdam 0\n"
      "Standings (tabulated under played, won, drawn, lost, goals\nfor, against, points):\n"
      "Graafschap Doetinchem 2 1 1 0 4 3 4\nFortuna Sittard 2 1 1 0 1 0 4\n"
      "PSV Eindhoven 1 1 0 0 4 1 3\nTwente Enschede 1 1 0 0 3 1 3\n"
      "Vitesse Arnhem 1 1 0 0 2 0 3\nHeerenveen 2 1 0 1 3 3 3\nNAC Breda 2 1 0 1 1 1 3\n"
      "Ajax Amsterdam 2 1 0 1 1 2 3\nUtrecht 1 0 1 0 2 2 1\nFeyenoord Rotterdam 1 0 1 0 1 1 1\n"
      "Roda JC Kerkrade 1 0 1 0 1 1 1\nVolendam 1 0 1 0 1 1 1\nGroningen 1 0 1 0 0 0 1\n"
      "RKC Waalwijk 2 0 1 1 4 5 1\nSparta Rotterdam 2 0 1 1 0 1 1\n"
      "Willem II Tilburg 2 0 1 1 0 1 1\nAZ Alkmaar 1 0 0 1 0 2 0\nNEC Nijmegen 1 0 0 1 1 4 0\n";
  BOOST_TEST(detect_language(story) == "en");
  BOOST_TEST(without_tables("PSV Eindhoven 1 1 0 0 4 1 3\nResult of the match:\n") ==
             "Result of the match:\n");
  BOOST_TEST(without_tables("No numbers HERE\n") == "No numbers HERE\n");
  BOOST_TEST(without_tables("Results:\nAjax 2 PSV 1") == "Results:\n");
  BOOST_TEST(without_tables("Results:\nno table") == "Results:\nno table");  // as it was
  // A German story with a table stays German: its sentences are German too.
  std::string german;
  for (const Article& a : fixture_articles())
    if (language_of(a) == "de") german = a.title + "\n" + a.text;
  BOOST_REQUIRE(!german.empty());
  BOOST_TEST(detect_language(
                 german + "\nBayern Muenchen 2 1 1 0 4 3 4\nHertha BSC 2 1 0 1 3 3 3\n") == "de");
}

BOOST_AUTO_TEST_CASE(plainly_english_is_a_shortcut_for_english_prose_only) {
  std::string english, german;
  for (const Article& a : fixture_articles()) {
    if (language_of(a) == "en") english = a.text + " " + a.text;  // 60 words and more
    if (language_of(a) == "de") german = a.text + " " + a.text;
  }
  BOOST_TEST(plainly_english(english));
  BOOST_TEST(detect_language(english) == "en");
  BOOST_TEST(!plainly_english(german));                       // not ASCII
  BOOST_TEST(!plainly_english("The harbour and the port."));  // too few words
  // Danish in ASCII, with words English shares ("for", "at", "i", "in"): not the shortcut's.
  std::string danish;
  for (int i = 0; i < 8; ++i)
    danish +=
        "Regeringen har i dag fremlagt en plan for at styrke havnene og give flere penge til "
        "de mindre byer i landet. ";
  BOOST_TEST(!plainly_english(danish));
}

BOOST_AUTO_TEST_CASE(stemmers) {
  BOOST_TEST(stemmer_name("") == "english");
  BOOST_TEST(stemmer_name("en") == "english");
  BOOST_TEST(stemmer_name("de") == "german");
  BOOST_TEST(stemmer_name("ar") == "arabic");
  BOOST_TEST(stemmer_name("zh") == "none");
  BOOST_TEST(stemmer_name("el") == "none");
  const std::vector<StemLanguage> l = stem_languages({"ru", "de", "ru"});
  BOOST_TEST_REQUIRE(l.size() == 3u);  // English always among them, each once, in code order
  BOOST_TEST(l[0].code == "de");
  BOOST_TEST(l[1].code == "en");
  BOOST_TEST(l[2].code == "ru");
}

// Every word of every fixture article is indexed as its stem by its own language's Snowball
// stemmer (computed here with Xapian::Stem), never by English rules where they differ.
BOOST_AUTO_TEST_CASE(each_article_is_stemmed_by_its_own_language) {
  DocumentBuilder builder;
  const Xapian::Stem english("english");
  std::size_t checked = 0, differing = 0;
  for (Article a : fixture_articles()) {
    BOOST_TEST(settle_language(a, ""));
    BOOST_TEST_REQUIRE(a.lang == language_of(a));
    BOOST_TEST(a.lang_origin == "detected");
    const Xapian::Document doc = builder.build(a);
    std::set<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) terms.insert(*t);
    const Xapian::Stem own(stemmer_name(a.lang));
    std::set<std::string> own_stems;
    for (const std::string& w : words_of(a.title + "\n" + a.text)) own_stems.insert(own(w));
    for (const std::string& w : words_of(a.title + "\n" + a.text)) {
      BOOST_TEST(terms.count(own(w)) == 1u, a.id << ": " << w);
      ++checked;
      if (english(w) != own(w) && !own_stems.count(english(w))) {
        BOOST_TEST(terms.count(english(w)) == 0u, a.id << ": English stem of " << w);
        ++differing;
      }
    }
    BOOST_TEST(terms.count("XIN" + a.lang) == 1u);
    BOOST_TEST(doc.get_value(kLangSlot) == a.lang);
  }
  BOOST_TEST(checked > 200u);
  BOOST_TEST(differing > 30u);  // the check above is not empty
}

BOOST_AUTO_TEST_CASE(function_words_of_each_language) {
  const Xapian::Stopper* german = stopper_for("de");
  BOOST_TEST_REQUIRE(german != nullptr);
  BOOST_TEST((*german)("und"));
  BOOST_TEST((*german)("für"));
  BOOST_TEST((*german)("fur"));  // folded, as queries are
  BOOST_TEST(!(*german)("regierung"));
  const Xapian::Stopper* russian = stopper_for("ru");
  BOOST_TEST_REQUIRE(russian != nullptr);
  BOOST_TEST((*russian)("и"));
  BOOST_TEST(stopper_for("en") == nullptr);  // english_stopper's own list
  BOOST_TEST(stopper_for("zh") == nullptr);
  BOOST_TEST(stopper_for("") == nullptr);
}

BOOST_AUTO_TEST_CASE(cjk_pairs_have_no_positions_and_count) {
  Article a;
  a.id = "zh";
  a.lang = "zh";
  a.text = "扩建地铁网络";
  DocumentBuilder builder;
  const Xapian::Document doc = builder.build(a);
  std::map<std::string, std::size_t> positions;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    positions[*t] = t.positionlist_count();
  BOOST_TEST(positions.at("地") == 1u);
  BOOST_TEST(positions.at("地铁") == 0u);
  BOOST_TEST(positions.count("扩建地铁网络") == 0u);
}

BOOST_AUTO_TEST_CASE(thai_and_lao_words_are_broken_apart_by_icu) {
  // "The government announced new measures" (รัฐบาล ประกาศ มาตรการ ใหม่), and Lao "Lao language".
  const std::string thai =
      "\u0e23\u0e31\u0e10\u0e1a\u0e32\u0e25\u0e1b\u0e23\u0e30\u0e01"
      "\u0e32\u0e28\u0e21\u0e32\u0e15\u0e23\u0e01\u0e32\u0e23\u0e43"
      "\u0e2b\u0e21\u0e48";
  const std::string government = thai.substr(0, 18), announced = thai.substr(18, 18),
                    measures = thai.substr(36, 21), new_ = thai.substr(57);
  BOOST_TEST(dictionary_word_ends(thai) == (std::vector<std::size_t>{18, 36, 57, thai.size()}));
  std::string broken;
  BOOST_TEST(break_words("Bangkok: " + thai + ".", &broken));
  BOOST_TEST(broken ==
             "Bangkok:  " + government + " " + announced + " " + measures + " " + new_ + " .");
  BOOST_TEST(break_words("\u0e9e\u0eb2\u0eaa\u0eb2\u0ea5\u0eb2\u0ea7", &broken));  // Lao
  BOOST_TEST(broken == " \u0e9e\u0eb2\u0eaa\u0eb2 \u0ea5\u0eb2\u0ea7 ");
  // Text without those scripts is left as it is, and so is the output string.
  broken = "unchanged";
  for (const char* text :
       {"", "plain English", "caf\u00e9 \u5730\u94c1 \u041c\u043e\u0441\u043a\u0432\u0430"})
    BOOST_TEST(!break_words(text, &broken));
  BOOST_TEST(broken == "unchanged");
  // The index holds the words: each one, in its place.
  Article a;
  a.id = "th";
  a.lang = "th";
  a.text = thai;
  const Xapian::Document doc = DocumentBuilder().build(a);
  std::map<std::string, Xapian::termpos> first;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if (t.positionlist_count()) first[*t] = *t.positionlist_begin();
  BOOST_TEST(first.count(thai) == 0u);
  BOOST_TEST(first.at(government) + 1 == first.at(announced));
  BOOST_TEST(first.at(measures) + 1 == first.at(new_));
}

BOOST_AUTO_TEST_CASE(declared_language_and_fallback) {
  Article a;
  a.text = "whatever";
  a.lang = "de-CH";
  BOOST_TEST(settle_language(a, "fr"));
  BOOST_TEST(a.lang == "de");
  BOOST_TEST(a.lang_origin == "source");
  BOOST_TEST(!settle_language(a, "fr"));  // settled: unchanged
  Article b;
  b.lang = "nonsense";
  settle_language(b, "fr");
  BOOST_TEST(b.lang == "fr");
  BOOST_TEST(b.lang_origin == "option");
  Article c;
  c.text = "too short";
  settle_language(c, "");
  BOOST_TEST(c.lang == "");
  BOOST_TEST(c.lang_origin == "");
}

BOOST_AUTO_TEST_SUITE_END()
