// Unit tests for the document built from an article: the index check of terms and values.
#include "common/document.h"

#include <zlib.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "common/analysis.h"
#include "common/language.h"
#include "read/readers.h"

namespace {

std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out.insert(*t);
  return out;
}

morgue::Article sample() {
  morgue::Article a;
  a.id = "seed-1";
  a.title = "Noem tours prison";
  a.text = "Kristi Noem visited the prison in El Salvador on Wednesday.";
  a.outlet = "The Daily Example";
  a.people = {"Kristi Noem", "Héctor Villatoro"};
  a.places = {"El Salvador"};
  a.date = morgue::Date{2025, 3, 26, morgue::Precision::kDay};
  a.source = "/archive/a.txt";
  return a;
}

// Every term of a document with its wdf and positions.
std::map<std::string, std::pair<Xapian::termcount, std::vector<Xapian::termpos>>> postings(
    const Xapian::Document& doc) {
  std::map<std::string, std::pair<Xapian::termcount, std::vector<Xapian::termpos>>> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    out[*t] = {t.get_wdf(),
               std::vector<Xapian::termpos>(t.positionlist_begin(), t.positionlist_end())};
  return out;
}

// The word terms of an article as Xapian's TermGenerator makes them in its own passes: the title
// as S terms and kTitleWeight times unprefixed, the text after a gap, stems only (STEM_ALL); the
// exact forms (STEM_NONE, E) without positions. Thai and Lao runs are broken into words first,
// as the indexer does (language.h: break_words).
Xapian::Document reference_words(morgue::Article a) {
  std::string broken;
  if (morgue::break_words(a.title, &broken)) a.title = broken;
  if (morgue::break_words(a.text, &broken)) a.text = broken;
  Xapian::Document doc;
  Xapian::TermGenerator stems;
  stems.set_stemmer(morgue::make_stemmer());
  stems.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  stems.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  stems.set_document(doc);
  stems.index_text(a.title, 1, "S");
  stems.increase_termpos(100);
  stems.index_text(a.title, morgue::kTitleWeight);
  stems.increase_termpos(100);
  stems.index_text(a.text);
  Xapian::TermGenerator forms;
  forms.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  forms.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  forms.set_document(doc);
  forms.index_text_without_positions(a.title, morgue::kTitleWeight + 1, morgue::kExactFormPrefix);
  forms.index_text_without_positions(a.text, 1, morgue::kExactFormPrefix);
  return doc;
}

// The postings of the word terms (stems, S and E) of a document.
auto word_postings(const Xapian::Document& doc) {
  auto all = postings(doc);
  for (auto it = all.begin(); it != all.end();) {
    const char c = it->first[0];
    const bool word = !(c >= 'A' && c <= 'Z') ||
                      ((c == 'S' || c == 'E') &&
                       !(it->first.size() > 1 && it->first[1] >= 'A' && it->first[1] <= 'Z'));
    it = word ? std::next(it) : all.erase(it);
  }
  return all;
}

// The documents the indexer builds (one tokenization per part, stems through its cache) are
// those that Xapian's own TermGenerator passes and stemmer give: terms, wdf, positions, values and
// data, and the document length. Returns how many articles were compared.
std::size_t expect_same_as_plain_stemmer(const std::vector<morgue::Article>& articles) {
  morgue::DocumentBuilder cached, plain(morgue::make_stemmer()), stems_only;
  cached.keep_exact_forms(true);
  plain.keep_exact_forms(true);
  for (const morgue::Article& a : articles) {
    Xapian::Document c = cached.build(a), p = plain.build(a);
    const auto reference = word_postings(reference_words(a));
    BOOST_TEST_REQUIRE((word_postings(c) == reference), a.id);
    // Without exact forms: the same stems, positions and wdf, and no E term.
    auto stems = reference;
    for (auto it = stems.begin(); it != stems.end();)
      it = it->first[0] == 'E' ? stems.erase(it) : std::next(it);
    BOOST_TEST_REQUIRE((word_postings(stems_only.build(a)) == stems), a.id);
    BOOST_TEST_REQUIRE((postings(c) == postings(p)), a.id);
    BOOST_TEST_REQUIRE(c.get_data() == p.get_data(), a.id);
    for (Xapian::valueno slot = 0; slot <= morgue::kDateOrderSlot; ++slot)
      BOOST_TEST_REQUIRE(c.get_value(slot) == p.get_value(slot), a.id);
  }
  return articles.size();
}

class Collect : public morgue::ArticleSink {
 public:
  void article(morgue::Article&& a) override { articles.push_back(std::move(a)); }
  void skipped(const morgue::InputError&) override {}
  void warning(const std::string&) override {}
  std::vector<morgue::Article> articles;
};

// Reuters-21578 as shared/corpora holds it (MORGUE_SHARED), or a path that does not exist.
std::filesystem::path reuters_stories() {
  const char* shared = std::getenv("MORGUE_SHARED");
  if (!shared) return "(MORGUE_SHARED unset)/corpora/reuters21578/docs.jsonl.gz";
  return std::filesystem::path(shared) / "corpora" / "reuters21578" / "docs.jsonl.gz";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document)

BOOST_AUTO_TEST_CASE(stem_cache_gives_the_stemmers_terms_and_positions_on_tricky_text) {
  const std::string long_word(300, 'a');
  const std::string long_stem_word = std::string(70, 'x') + "ing";
  std::vector<morgue::Article> articles;
  for (const char* text :
       {"O'Neill's rock 'n' roll; don\u2019t can't shouldn't ’tis the Smiths' houses",
        "state-owned e-mail re-election -- half- -hearted well\u2010known a-b-c-d",
        // Chinese, Japanese and Korean characters are left out: the indexer's pairs of them have
        // no positions, where a STEM_ALL pass puts them between the single characters, which
        // would break phrases of them (unit.language checks them).
        "Ελληνικά κείμενα ภาษาไทย русский текст עברית العربية Englishв",
        "1,000.50 3.5% 1987-03-15 B-52 F16 4x4 2nd 10,000-ton 0.25pct 1987/88 $1.5 mln",
        "Héctor Villatoro naïve café São Paulo Zürich Ærø ŁÓDŹ İstanbul straße ﬁnance",
        "C++ AT&T U.S. U.K. e.g. j.r.r. tolkien foo@example.com http://example.com/a?b=c #tag "
        "@user",
        "running runs ran runner RUNNING Running connection connections connective generously"}) {
    morgue::Article a;
    a.id = "tricky-" + std::to_string(articles.size());
    a.title = std::string(text).substr(0, 40);
    a.text = std::string(text) + " " + text + " " + long_word + " " + long_stem_word + " " +
             long_stem_word;
    articles.push_back(a);
  }
  BOOST_TEST(expect_same_as_plain_stemmer(articles) == articles.size());
  // cache hits: the same articles again through the same builders
  morgue::StemCache cache;
  Xapian::Stem plain = morgue::make_stemmer();
  const std::string longest(morgue::StemCache::kMaxWordBytes, 'z'),
      too_long(morgue::StemCache::kMaxWordBytes + 1, 'z');
  for (int round = 0; round < 2; ++round) {
    for (const std::string& w :
         {std::string("running"), std::string("runs"), std::string("connections"),
          std::string("naïve"), std::string("héctor"), std::string("b-52"), std::string(""),
          std::string("'"), std::string("東京都"), longest + "ing", longest, too_long,
          std::string("generously")})
      BOOST_TEST(cache(w) == plain(w), w);
    BOOST_TEST(cache(long_stem_word) == plain(long_stem_word));
  }
}

BOOST_AUTO_TEST_CASE(stem_cache_words_that_share_a_slot) {
  morgue::StemCache cache;
  Xapian::Stem plain = morgue::make_stemmer();
  for (std::size_t i = 0; i < 8 * morgue::StemCache::kSlots; ++i) {
    const std::string w = "word" + std::to_string(i) + (i % 2 ? "ing" : "s");
    if (cache(w) != plain(w)) BOOST_FAIL(w);
  }
  BOOST_TEST(cache("words") == plain("words"));
}

BOOST_AUTO_TEST_CASE(terms_follow_the_schema) {
  morgue::DocumentBuilder builder;
  Xapian::Document doc = builder.build(sample());
  std::set<std::string> t = terms_of(doc);
  for (const char* want : {"Qseed-1", "XPkristi", "XPnoem", "XPhector", "XPvillatoro", "XLel",
                           "XLsalvador", "XOdaily", "Snoem", "Sprison", "visit", "prison"})
    BOOST_TEST(t.count(want) == 1u, want);
  // stems only (STEM_ALL): neither the word as written nor Z-prefixed stems
  BOOST_TEST(t.count("visited") == 0u);
  BOOST_TEST(t.count("Zvisit") == 0u);
  BOOST_TEST(t.count("XPHéctor") == 0u);
  // the date as year, month and day terms (2025-03-26)
  for (const char* want : {"Y2025", "M202503", "D20250326"}) BOOST_TEST(t.count(want) == 1u, want);
}

BOOST_AUTO_TEST_CASE(path_terms_and_declared_fields) {
  BOOST_TEST(
      (morgue::path_prefixes("a/b/c.txt") == std::vector<std::string>{"a", "a/b", "a/b/c.txt"}));
  BOOST_TEST((morgue::path_prefixes("c.txt") == std::vector<std::string>{"c.txt"}));
  BOOST_TEST(morgue::path_prefixes("").empty());
  morgue::set_declared_fields(
      {{"topics", morgue::FieldKind::kName}, {"summary", morgue::FieldKind::kText}});
  morgue::Article a = sample();
  a.path = "politics/2005/a.txt";
  a.extra["topics"] =
      nlohmann::json::array({"Oil Prices", "trade", 7, "trade", nlohmann::json::object()});
  a.extra["summary"] = "Ministers discussed tariffs";
  BOOST_TEST((morgue::declared_values(a, "topics") ==
              std::vector<std::string>{"Oil Prices", "trade", "7"}));
  const std::set<std::string> t = terms_of(morgue::DocumentBuilder().build(a));
  for (const char* want : {"XRpolitics", "XRpolitics/2005", "XRpolitics/2005/a.txt", "XK0:oil",
                           "XK0:prices", "XK0:trade", "XK0:7", "XKN0:oil prices", "XKN0:trade",
                           "XT1:minist", "XT1:tariff", "minist", "tariff"})
    BOOST_TEST(t.count(want) == 1u, want);
  const Xapian::Document doc = morgue::DocumentBuilder().build(a);
  BOOST_TEST(doc.get_value(morgue::kFirstDeclaredSlot) == std::string("Oil Prices") +
                                                              morgue::kListSeparator + "trade" +
                                                              morgue::kListSeparator + "7");
  morgue::set_declared_fields({});
}

BOOST_AUTO_TEST_CASE(values_and_data) {
  morgue::DocumentBuilder builder;
  Xapian::Document doc = builder.build(sample());
  BOOST_TEST(doc.get_value(morgue::kDateSlot) == "20250326");
  BOOST_TEST(doc.get_value(morgue::kPrecisionSlot) == "day");
  BOOST_TEST(doc.get_value(morgue::kOutletSlot) == "The Daily Example");
  BOOST_TEST(morgue::split_list(doc.get_value(morgue::kPeopleSlot)) ==
             (std::vector<std::string>{"Kristi Noem", "Héctor Villatoro"}));
  BOOST_TEST(doc.get_value(morgue::kSourceSlot) == "/archive/a.txt");
  BOOST_TEST(doc.get_value(morgue::kHashSlot).size() == 16u);
  auto record = morgue::read_record(doc.get_data(), true);
  BOOST_TEST(record["id"] == "seed-1");
  BOOST_TEST(record["text"] == sample().text);
  BOOST_TEST(morgue::stored_text(doc.get_data()) == sample().text);
  BOOST_TEST(!morgue::read_record(doc.get_data(), false).contains("text"));
}

BOOST_AUTO_TEST_CASE(data_keeps_any_text_whole) {
  nlohmann::json r = {{"id", "x\u0000y"}, {"title", "t"}, {"text", std::string("a\0b\n\"c\"", 7)}};
  std::string data = morgue::document_data(r);
  BOOST_TEST(morgue::read_record(data, true) == r);
  BOOST_TEST(morgue::stored_text(data) == std::string("a\0b\n\"c\"", 7));
  BOOST_TEST(morgue::read_record("not json", true) == nlohmann::json::object());
}

BOOST_AUTO_TEST_CASE(title_weighs_more_than_body) {
  morgue::DocumentBuilder builder;
  Xapian::Document doc = builder.build(sample());
  Xapian::termcount title_word = 0, body_word = 0;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if (*t == "tour") title_word = t.get_wdf();
    if (*t == "visit") body_word = t.get_wdf();
  }
  BOOST_TEST(title_word == morgue::kTitleWeight);
  BOOST_TEST(body_word == 1u);
}

BOOST_AUTO_TEST_CASE(hash_of_two_parts_is_the_hash_of_both) {
  BOOST_TEST(morgue::content_hash("no extraction\n", "{\"id\":\"a\"}") ==
             morgue::content_hash("no extraction\n{\"id\":\"a\"}"));
  BOOST_TEST(morgue::content_hash("", "") == morgue::content_hash(std::string()));
}

BOOST_AUTO_TEST_CASE(data_given_or_not_the_same_document) {
  morgue::DocumentBuilder builder;
  const morgue::Article a = sample();
  BOOST_TEST((postings(builder.build(a)) ==
              postings(builder.build(a, morgue::document_data(morgue::to_record(a))))));
  BOOST_TEST(
      builder.build(a).get_value(morgue::kHashSlot) ==
      builder.build(a, morgue::document_data(morgue::to_record(a))).get_value(morgue::kHashSlot));
}

BOOST_AUTO_TEST_CASE(hash_changes_with_content_only) {
  morgue::DocumentBuilder builder;
  morgue::Article a = sample();
  std::string h1 = builder.build(a).get_value(morgue::kHashSlot);
  BOOST_TEST(builder.build(a).get_value(morgue::kHashSlot) == h1);
  a.text += " More.";
  BOOST_TEST(builder.build(a).get_value(morgue::kHashSlot) != h1);
}

BOOST_AUTO_TEST_SUITE_END()

// Every Reuters-21578 story (when shared/corpora has it) indexed with the cache and without.
// A suite of its own, so that ctest reports it skipped (unit.document_reuters) where the corpus
// is absent, as a user's fresh clone has it.
BOOST_AUTO_TEST_SUITE(document_reuters)

BOOST_AUTO_TEST_CASE(stem_cache_gives_the_stemmers_terms_and_positions_on_reuters,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                       boost::test_tools::assertion_result present(
                           std::filesystem::exists(reuters_stories()));
                       present.message() << reuters_stories() << " is absent";
                       return present;
                     })) {
  const std::filesystem::path corpus = reuters_stories();
  gzFile gz = gzopen(corpus.c_str(), "rb");
  BOOST_TEST_REQUIRE(gz != nullptr);
  std::string bytes;
  char buffer[1 << 16];
  for (int n; (n = gzread(gz, buffer, sizeof buffer)) > 0;)
    bytes.append(buffer, static_cast<std::size_t>(n));
  gzclose(gz);
  std::istringstream in(bytes);
  Collect sink;
  morgue::read_json_lines(in, "reuters", "reuters", "reuters", {}, sink);
  BOOST_TEST(sink.articles.size() == 21578u);
  BOOST_TEST(expect_same_as_plain_stemmer(sink.articles) == sink.articles.size());
}

BOOST_AUTO_TEST_SUITE_END()
