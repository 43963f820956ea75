// Unit tests for keywords in context and snippets: matches found by stem, windows that keep the
// best matches whole, cuts at spaces and whole characters.
#include "searcher/kwic.h"

#include <boost/test/unit_test.hpp>

#include "common/analysis.h"

namespace {

// One pattern per stem.
std::vector<morgue::ContextPattern> words(std::initializer_list<const char*> stems) {
  std::vector<morgue::ContextPattern> out;
  for (const char* s : stems) out.push_back({{morgue::ContextWord::Kind::kStem, s}});
  return out;
}

bool is_utf8_boundary(const std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC0 && (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80) return false;
  }
  return s.empty() || static_cast<unsigned char>(s.back()) < 0xC0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kwic)

BOOST_AUTO_TEST_CASE(lines_match_every_form_of_a_stem) {
  morgue::KwicMatcher m(words({"visit"}), morgue::make_stemmer());
  auto lines = m.lines("Noem visited; the visit and VISITS went on. Noem.", 8);
  BOOST_TEST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(lines[0].match == "visited");
  BOOST_TEST(lines[1].match == "visit");
  BOOST_TEST(lines[2].match == "VISITS");
  BOOST_TEST(lines[0].left == "Noem ");
}

BOOST_AUTO_TEST_CASE(snippet_holds_the_match_and_marks_it) {
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "lorem ipsum ";
  std::string text = filler + "the prison in Tecoluca was visited " + filler;
  morgue::KwicMatcher m(words({"tecoluca", "visit"}), morgue::make_stemmer());
  std::string s = m.snippet(text, 100, "[", "]", "…");
  BOOST_TEST(s.find("[Tecoluca]") != std::string::npos, s);
  BOOST_TEST(s.find("[visited]") != std::string::npos, s);
  BOOST_TEST(s.rfind("…", 0) == 0u);  // cut at both ends
  BOOST_TEST(s.size() >= 3u + 3u + 60u);
  // never more than the length asked for, plus marks and ellipses
  BOOST_TEST(s.size() <= 100u + 4u + 6u);
  // whole words: the text without its marks is a run of the original that starts and ends at spaces
  std::string plain = s.substr(3, s.size() - 6);
  for (const char* mark : {"[", "]"}) {
    for (std::size_t at; (at = plain.find(mark)) != std::string::npos;) plain.erase(at, 1);
  }
  std::size_t at = text.find(plain);
  BOOST_TEST_REQUIRE(at != std::string::npos, plain);
  BOOST_TEST(text[at - 1] == ' ');
  BOOST_TEST(text[at + plain.size()] == ' ');
}

BOOST_AUTO_TEST_CASE(snippet_prefers_rare_words_together) {
  // "market" everywhere, "strike" once next to "market": the window with both wins
  std::string text;
  for (int i = 0; i < 40; ++i) text += "market news of the day. ";
  text += "a dock strike hit the market. ";
  for (int i = 0; i < 40; ++i) text += "market news of the day. ";
  morgue::KwicMatcher m(words({"market", "strike"}), morgue::make_stemmer());
  BOOST_TEST(m.snippet(text, 80, "<", ">", "...").find("<strike>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(snippet_without_a_match_is_the_beginning) {
  morgue::KwicMatcher m(words({"absent"}), morgue::make_stemmer());
  std::string text =
      "Première ligne du texte, avec des accents é à ü, et encore des mots ici et là.";
  std::string s = m.snippet(text, 30, "<", ">", "…");
  BOOST_TEST(s.rfind("Première", 0) == 0u, s);
  BOOST_TEST(s.size() >= 3u);
  BOOST_TEST(s.substr(s.size() - 3) == "…");
  BOOST_TEST(is_utf8_boundary(s.substr(0, s.size() - 3)));
  BOOST_TEST(m.snippet("short text", 30, "<", ">", "…") == "short text");
  BOOST_TEST(m.snippet("", 30, "<", ">", "…") == "");
}

BOOST_AUTO_TEST_CASE(snippet_of_unbroken_text_cuts_whole_characters) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "é";  // one 400-byte "word", no spaces
  morgue::KwicMatcher m(words({"zz"}), morgue::make_stemmer());
  std::string s = m.snippet(text, 51, "<", ">", "");
  BOOST_TEST(is_utf8_boundary(s));
  BOOST_TEST(s.size() <= 51u);
}

BOOST_AUTO_TEST_SUITE_END()
