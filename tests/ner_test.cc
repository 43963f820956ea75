// The entity tagger: tokens as CoNLL-2003 has them, BILOU spans, the model file, and the real
// model on a small text.
#include "extract/ner.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "extract/tokens.h"
#include "temp_dir.h"

using namespace morgue::ner;

namespace {

// Each sentence's tokens as written.
std::vector<std::vector<std::string>> sentences(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  for (const Sentence& s : tokenize(text)) {
    out.emplace_back();
    for (const Token& t : s.tokens) out.back().emplace_back(t.text);
  }
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& s : sentences(text)) out.insert(out.end(), s.begin(), s.end());
  return out;
}

constexpr int O = 0;
constexpr int tag(Type type, Position p) { return tag_of(type, p); }

bool same(const Span& a, const Span& b) {
  return a.type == b.type && a.sentence == b.sentence && a.first == b.first && a.last == b.last;
}

// The text of each span of the tagged document, with its type.
std::vector<std::pair<Type, std::string>> entities(const Document& doc) {
  std::vector<std::pair<Type, std::string>> out;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    for (const Span& span : spans_of(doc.tags()[s], s)) {
      std::string name;
      for (std::size_t i = span.first; i <= span.last; ++i) {
        name += (i > span.first ? " " : "") + std::string(tokens[i].text);
      }
      out.emplace_back(span.type, name);
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ner)

BOOST_AUTO_TEST_CASE(possessives_apart_inner_apostrophes_kept) {
  const std::vector<std::string> want = {"JONES", "'S", "firm",    "and", "Jones", "\xE2\x80\x99",
                                         "dogs",  ";",  "O'Brien", "'s",  "rock"};
  BOOST_TEST(words("JONES'S firm and Jones\xE2\x80\x99 dogs; O'Brien's rock") == want,
             boost::test_tools::per_element());
}

// corpus/004: "ICE‘s", an opening quote typed for the apostrophe after a word's letter, is a
// possessive too; before a word it opens a quote.
BOOST_AUTO_TEST_CASE(an_opening_quote_after_a_letter_is_an_apostrophe) {
  const std::vector<std::string> want = {"in",           "ICE",   "\xE2\x80\x98s", "system", "and",
                                         "\xE2\x80\x98", "sorry", "\xE2\x80\x99",  "."};
  BOOST_TEST(words("in ICE\xE2\x80\x98s system and \xE2\x80\x98sorry\xE2\x80\x99.") == want,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(abbreviations_keep_their_period) {
  const std::vector<std::string> want = {"Gov.",  "Smith", "of",  "Calif.", "met", "J.",
                                         "Smith", "at",    "the", "end",    "."};
  BOOST_TEST(words("Gov. Smith of Calif. met J. Smith at the end.") == want,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(numbers_and_codes_are_one_token) {
  const std::vector<std::string> want = {"U.S.", "-",  "based",    "MS-13", "rose", "3.5",
                                         "%",    "to", "1,000.50", "at",    "3:30", "on",
                                         "1/2",  "--", "wait",     "...",   "what", "?"};
  BOOST_TEST(
      words("U.S.-based MS-13 rose 3.5% to 1,000.50 at 3:30 on 1/2 -- wait... what?") == want,
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(typographic_punctuation_reads_as_ascii) {
  const std::vector<Sentence> s = tokenize(
      "H\xC3\xA9"
      "ctor M\xC3\xBCller\xE2\x80\x99s caf\xC3\xA9\xE2\x80\x94"
      "closed");
  BOOST_REQUIRE(s.size() == 1u);
  const auto& t = s[0].tokens;
  BOOST_REQUIRE(t.size() == 6u);
  BOOST_TEST(t[0].lower == "hector");  // folded: no diacritics
  BOOST_TEST(t[2].text == "\xE2\x80\x99s");
  BOOST_TEST(t[2].lower == "'s");
  BOOST_TEST(t[4].lower == "-");  // an em dash
  BOOST_TEST(t[1].begin == 8u);   // byte offsets into the text
  BOOST_TEST(t[5].begin == 28u);
}

BOOST_AUTO_TEST_CASE(sentences_end_at_stops_and_quotes_stay) {
  const std::vector<std::vector<std::string>> want = {
      {"\xE2\x80\x9C", "Go", ".", "\xE2\x80\x9D"},
      {"He", "left", ".", "then", "she", "stayed", "."},  // lower case after the stop: one sentence
      {"Done"}};
  BOOST_TEST((sentences("\xE2\x80\x9CGo.\xE2\x80\x9D He left. then she stayed. Done") == want));
}

BOOST_AUTO_TEST_CASE(line_breaks_end_sentences_unless_they_wrap_running_text) {
  const std::string running = "The minister said the talks with the unions would resume on";
  BOOST_TEST(sentences(running + "\nThursday in the capital.").size() == 1u);
  // Not when the next line is indented or blank, the line is short or in capitals, or it is a
  // headline in Title Case that ends in a word.
  BOOST_TEST(sentences(running + "\n  Thursday in the capital.").size() == 2u);
  BOOST_TEST(sentences(running + "\n\nThursday.").size() == 2u);
  BOOST_TEST(sentences("A short line\ngoes on.").size() == 2u);
  BOOST_TEST(
      sentences("THE MINISTER SAID THE TALKS WITH THE UNIONS WOULD RESUME ON\nThursday.").size() ==
      2u);
  BOOST_TEST(
      sentences("Albanese Plans Talks with Trump as Tariff Tensions Heat Up Again\nThe talks.")
          .size() == 2u);
}

BOOST_AUTO_TEST_CASE(title_case_and_shapes) {
  BOOST_TEST(title_case(tokenize("What Happens Next")[0].tokens));
  BOOST_TEST(title_case(tokenize("Howard Wins the Race")[0].tokens));  // three in four
  BOOST_TEST(!title_case(tokenize("Howard wins the race")[0].tokens));
  BOOST_TEST(!title_case(tokenize("Howard")[0].tokens));  // one word says nothing
  BOOST_TEST(shape_of("Noem") == "Xx");
  BOOST_TEST(shape_of("U.S.") == "X.X.");
  BOOST_TEST(shape_of("1,000") == "d,d");
  BOOST_TEST(shape_of("\xC3\x89lise") == "Xx");  // letters of any script
  BOOST_TEST(capitalized("\xC3\x89lise"));
  BOOST_TEST(capitalized("1996"));
  BOOST_TEST(!capitalized("said"));
  BOOST_TEST(starts_lower("\xC3\xA9t\xC3\xA9"));
  BOOST_TEST(!starts_lower(""));
}

BOOST_AUTO_TEST_CASE(spans_of_bilou_sequences) {
  using T = Type;
  // "John Major flew to Paris , Texas with Acme Widget Co"
  const std::vector<int> tags = {tag(T::kPerson, kBegin),
                                 tag(T::kPerson, kLast),
                                 O,
                                 O,
                                 tag(T::kPlace, kUnit),
                                 O,
                                 tag(T::kPlace, kUnit),
                                 O,
                                 tag(T::kOrganization, kBegin),
                                 tag(T::kOrganization, kInside),
                                 tag(T::kOrganization, kLast)};
  const std::vector<Span> got = spans_of(tags, 3);
  const std::vector<Span> want = {{T::kPerson, 3, 0, 1},
                                  {T::kPlace, 3, 4, 4},
                                  {T::kPlace, 3, 6, 6},
                                  {T::kOrganization, 3, 8, 10}};
  BOOST_REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) BOOST_TEST(same(got[i], want[i]), "span " << i);
  // Two units side by side are two names; so are a name that ends and one that begins.
  const std::vector<Span> units =
      spans_of({tag(T::kPerson, kUnit), tag(T::kPerson, kUnit), tag(T::kPlace, kBegin),
                tag(T::kPlace, kLast), tag(T::kPlace, kBegin), tag(T::kPlace, kLast)},
               0);
  BOOST_REQUIRE(units.size() == 4u);
  BOOST_TEST(same(units[2], Span{T::kPlace, 0, 2, 3}));
  BOOST_TEST(same(units[3], Span{T::kPlace, 0, 4, 5}));
  BOOST_TEST(spans_of({O, O, O}, 0).empty());
}

BOOST_AUTO_TEST_CASE(decoding_keeps_bilou_well_formed) {
  const int begin = tag(Type::kPerson, kBegin);
  BOOST_TEST(allowed(O, begin));
  BOOST_TEST(!allowed(begin, O));  // an open name must go on
  BOOST_TEST(!allowed(begin, tag(Type::kPlace, kLast)));
  BOOST_TEST(allowed(begin, tag(Type::kPerson, kLast)));
  BOOST_TEST(!allowed(O, tag(Type::kPerson, kInside)));
  // The best score wins only where allowed; the last token must close its name.
  float scores[kTags] = {};
  scores[tag(Type::kPlace, kLast)] = 5;
  scores[tag(Type::kPerson, kInside)] = 3;
  scores[tag(Type::kPerson, kLast)] = 1;
  BOOST_TEST(best_tag(scores, begin, false) == tag(Type::kPerson, kInside));
  BOOST_TEST(best_tag(scores, begin, true) == tag(Type::kPerson, kLast));
}

BOOST_AUTO_TEST_CASE(weights_survive_save_and_load) {
  Weights w;
  float* row = w.scores(w.slot(42));
  row[0] = 1.0f;
  row[3] = -0.5f;
  row[kTags - 1] = 0.25f;
  w.slot(7);  // all zero: not written
  const std::size_t row42 = w.slot(42);
  for (std::uint64_t f = 1000; f < 3000; ++f) {  // past the first table size: it grows
    w.scores(w.slot(f))[f % kTags] = static_cast<float>(f) / 3000.f;
  }
  BOOST_TEST(w.slot(42) == row42);  // a row keeps its number as the table grows
  BOOST_TEST(w.scores(row42)[3] == -0.5f);
  morgue::testing::TempDir dir;
  const std::string path = (dir / "ner.model").string();
  w.save(path);
  const Weights back = Weights::load(path);
  BOOST_TEST(back.size() == 2001u);
  BOOST_TEST(back.find(7) == nullptr);
  BOOST_TEST(back.find(5) == nullptr);
  const float step = 1.0f / 32767;  // quantized to 16 bits of the largest weight
  const float* got = back.find(42);
  BOOST_REQUIRE(got);
  BOOST_TEST(std::abs(got[0] - 1.0f) <= step);
  BOOST_TEST(std::abs(got[3] + 0.5f) <= step);
  BOOST_TEST(std::abs(got[kTags - 1] - 0.25f) <= step);
  BOOST_TEST(got[1] == 0.0f);
  for (std::uint64_t f = 1000; f < 3000; ++f) {
    const float* r = back.find(f);
    BOOST_REQUIRE(r);
    BOOST_TEST(std::abs(r[f % kTags] - static_cast<float>(f) / 3000.f) <= step, "feature " << f);
  }
}

BOOST_AUTO_TEST_CASE(a_bad_model_file_is_named) {
  morgue::testing::TempDir dir;
  BOOST_CHECK_THROW(Weights::load(dir.write("text", "not a model")), std::runtime_error);
  BOOST_CHECK_THROW(Weights::load((dir / "missing").string()), std::runtime_error);
  Weights w;
  w.scores(w.slot(42))[1] = 1.0f;
  const std::string path = (dir / "cut.model").string();
  w.save(path);
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 1);
  BOOST_CHECK_THROW(Weights::load(path), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(the_model_tags_a_person_and_a_place) {
  const morgue::ExtractionData data = morgue::default_extraction_data();
  const Weights weights = Weights::load(data.model);
  const Gazetteer gazetteer =
      Gazetteer::load(data.iso_codes_folder, data.word_list, data.census_names);
  Document doc(tokenize("Prime Minister John Major flew to Paris on Tuesday for talks."),
               gazetteer);
  tag_document(weights, doc);
  const auto found = entities(doc);
  const std::pair<Type, std::string> person{Type::kPerson, "John Major"};
  const std::pair<Type, std::string> place{Type::kPlace, "Paris"};
  BOOST_TEST((std::find(found.begin(), found.end(), person) != found.end()));
  BOOST_TEST((std::find(found.begin(), found.end(), place) != found.end()));
  // What the model learned of a word alone, and nothing of a word it never saw capitalized.
  BOOST_TEST(word_tag(weights, "germany").value_or(-1) == tag_of(Type::kPlace, kUnit));
  BOOST_TEST(word_tag(weights, "john").value_or(-1) == tag_of(Type::kPerson, kBegin));
  BOOST_TEST(!word_tag(weights, "tecoluca").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
