// Unit tests for UTF-8 decoding, folding and name words.
#include "common/text.h"

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <clocale>
#include <random>
#include <string>
#include <vector>

#include "common/ascii.h"

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(latin1_is_decoded_not_dropped) {
  BOOST_TEST(morgue::to_utf8("caf\xe9") == "café");
  BOOST_TEST(morgue::to_utf8("\x93quoted\x94") == "\u201cquoted\u201d");  // Windows-1252 quotes
  BOOST_TEST(morgue::to_utf8("café") == "café");                          // already UTF-8
  BOOST_TEST(!morgue::is_valid_utf8("caf\xe9"));
  BOOST_TEST(!morgue::is_valid_utf8("\xed\xa0\x80"));  // a surrogate
  BOOST_TEST(morgue::is_valid_utf8("El Salvador’s"));
}

BOOST_AUTO_TEST_CASE(fold_removes_case_and_diacritics) {
  BOOST_TEST(morgue::fold("Héctor GUSTAVO") == "hector gustavo");
  BOOST_TEST(morgue::fold("São Paulo") == "sao paulo");
  BOOST_TEST(morgue::fold("ASCII Only") == "ascii only");
}

BOOST_AUTO_TEST_CASE(name_words) {
  using V = std::vector<std::string>;
  BOOST_TEST(morgue::name_words("Kristi Noem") == (V{"kristi", "noem"}));
  BOOST_TEST(morgue::name_words("Héctor G. Villatoro's") == (V{"hector", "g", "villatoro"}));
  BOOST_TEST(morgue::name_words("Noem’s") == (V{"noem"}));
  BOOST_TEST(morgue::name_words("U.S.") == (V{"us"}));
  BOOST_TEST(morgue::name_words("el-salvador") == (V{"el", "salvador"}));
  BOOST_TEST(morgue::name_words("james-baker") == (V{"james", "baker"}));  // issue 13
  BOOST_TEST(morgue::name_words("O'Neil, J.R.") == (V{"oneil", "jr"}));
  BOOST_TEST(morgue::name_words("Jean–Paul Sartre") ==
             (V{"jean", "paul", "sartre"}));  // an en dash
  BOOST_TEST(morgue::name_words("Łódź 2") == (V{"łodz", "2"}));
  BOOST_TEST(morgue::name_words("  ,  ").empty());
}

BOOST_AUTO_TEST_CASE(clean_name_collapses_whitespace) {
  BOOST_TEST(morgue::clean_name("  Kristi \n  Noem ") == "Kristi Noem");
  // Control characters too: \x1f and \x1d separate the names of a slot (schema.h).
  BOOST_TEST(morgue::clean_name("Alice\x1f"
                                "Bob\x1d\x7f") == "Alice Bob");
  BOOST_TEST(morgue::trim(" \t x y \n") == "x y");
}

BOOST_AUTO_TEST_CASE(ascii_lower_leaves_everything_but_ascii_letters) {
  BOOST_TEST(morgue::ascii_lower("README.TXT") == "readme.txt");
  BOOST_TEST(morgue::ascii_lower("Text/HTML; Charset=ISO-8859-2") ==
             "text/html; charset=iso-8859-2");
  BOOST_TEST(morgue::ascii_lower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");  // ÉTÉ: bytes kept
}

BOOST_AUTO_TEST_CASE(display_width_counts_columns_not_bytes) {
  using morgue::display_width;
  BOOST_TEST(display_width("") == 0u);
  BOOST_TEST(display_width("Noem") == 4u);
  BOOST_TEST(display_width("H\xC3\xA9"
                           "ctor") == 6u);  // é, one code point
  BOOST_TEST(display_width("He\xCC\x81"
                           "ctor") == 6u);                      // e and a combining acute
  BOOST_TEST(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4u);  // 日本: two wide characters
  BOOST_TEST(display_width("\xEF\xBC\xA1") == 2u);              // a fullwidth A
  BOOST_TEST(display_width("\x1b[1;31mred\x1b[0m") == 3u);      // colour escapes take no room
  BOOST_TEST(display_width("\xE2\x80\xA6") == 1u);              // …
  BOOST_TEST(display_width("\xE2\x96\x88") == 1u);              // █, the histogram's bar
  BOOST_TEST(display_width("a\xFF"
                           "b") == 3u);  // a byte that is not UTF-8: one
  BOOST_TEST(display_width("a\xE2\x80\x8B"
                           "b") == 2u);  // a zero-width space
}

BOOST_AUTO_TEST_CASE(wrap_words_examples) {
  using V = std::vector<std::string>;
  BOOST_TEST(morgue::wrap_words("the cat sat on the mat", 7) == (V{"the cat", "sat on", "the mat"}),
             boost::test_tools::per_element());
  BOOST_TEST(morgue::wrap_words("  spaced   out  ", 80) == (V{"spaced out"}),
             boost::test_tools::per_element());
  BOOST_TEST(morgue::wrap_words("   ", 80).empty());
  BOOST_TEST(morgue::wrap_words("a https://example.com/long b", 8) ==
                 (V{"a", "https://", "example.", "com/long", "b"}),
             boost::test_tools::per_element());
  // Wide characters count twice: three of them do not fit in five columns.
  BOOST_TEST(morgue::wrap_words("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 5) ==
                 (V{"\xE6\x97\xA5\xE6\x9C\xAC", "\xE8\xAA\x9E"}),
             boost::test_tools::per_element());
  // A character wider than the line has one of its own.
  BOOST_TEST(morgue::wrap_words("a\xE6\x97\xA5", 1) == (V{"a", "\xE6\x97\xA5"}),
             boost::test_tools::per_element());
}

// Against a model: for thousands of random texts and widths, every line fits, the words come
// back in order, and no line could have taken the next line's first word (greedy filling).
BOOST_AUTO_TEST_CASE(wrap_words_against_the_definition) {
  std::mt19937 rng(19);
  const std::vector<std::string> pieces = {"a",
                                           "to",
                                           "the",
                                           "Noem",
                                           "prison",
                                           "\xC3\xA9t\xC3\xA9",
                                           "\xE6\x97\xA5\xE6\x9C\xAC",
                                           "El",
                                           "Salvador's",
                                           "\x1b[1mNoem\x1b[0m",
                                           "international"};
  for (int round = 0; round < 3000; ++round) {
    const std::size_t width = 2 + rng() % 30;  // (a wide character fits any line from 2 up)
    std::vector<std::string> words;
    std::string text;
    for (std::size_t i = 0, n = rng() % 25; i < n; ++i) {
      words.push_back(pieces[rng() % pieces.size()]);
      text += std::string((i ? 1 : 0) + rng() % 2, ' ') + words.back();
    }
    text += std::string(rng() % 2, ' ');
    const std::vector<std::string> lines = morgue::wrap_words(text, width);
    // Walk the words through the lines: each line's pieces are whole words, or parts of a word
    // wider than a line, in the text's order.
    std::size_t w = 0, used = 0;  // the word, and how much of it earlier pieces took
    for (std::size_t k = 0; k < lines.size(); ++k) {
      BOOST_TEST_REQUIRE(!lines[k].empty());
      BOOST_TEST_REQUIRE(morgue::display_width(lines[k]) <= width);
      if (k > 0 && used == 0) {  // a break between words: the word did not fit on the line before
        BOOST_TEST_REQUIRE(
            morgue::display_width(lines[k - 1]) + 1 + morgue::display_width(words[w]) > width);
      }
      std::size_t start = 0;
      while (start <= lines[k].size()) {
        const std::size_t end = std::min(lines[k].find(' ', start), lines[k].size());
        const std::string piece = lines[k].substr(start, end - start);
        start = end + 1;
        BOOST_TEST_REQUIRE(w < words.size());
        BOOST_TEST_REQUIRE(words[w].compare(used, piece.size(), piece) == 0);
        if (piece.size() < words[w].size())  // only a word wider than a line is cut
          BOOST_TEST_REQUIRE(morgue::display_width(words[w]) > width);
        used += piece.size();
        if (used == words[w].size()) {
          ++w;
          used = 0;
        }
      }
    }
    BOOST_TEST_REQUIRE(w == words.size());
  }
}

BOOST_AUTO_TEST_CASE(utf8_characters_counts_characters_not_bytes) {
  BOOST_TEST(morgue::utf8_characters("") == 0u);
  BOOST_TEST(morgue::utf8_characters("Noem") == 4u);
  BOOST_TEST(morgue::utf8_characters("H\xC3\xA9"
                                     "ctor") == 6u);                      // é: 2 bytes
  BOOST_TEST(morgue::utf8_characters("\xE5\x9C\xB0\xE9\x93\x81") == 2u);  // 地铁: 3 each
  BOOST_TEST(morgue::utf8_characters("\xF0\x9F\x93\xB0 news") == 6u);     // an emoji: 4
}

BOOST_AUTO_TEST_CASE(possessives_and_numbers) {
  BOOST_TEST(morgue::without_possessive("BBC Radio Scotland's") == "BBC Radio Scotland");
  BOOST_TEST(morgue::without_possessive("Deutsche Boerse\xE2\x80\x99s") == "Deutsche Boerse");
  BOOST_TEST(morgue::without_possessive("Reuters") == "Reuters");
  BOOST_TEST(morgue::without_possessive("'s") == "'s");  // nothing would be left
  BOOST_TEST(morgue::all_digits("4"));
  BOOST_TEST(morgue::all_digits("1987"));
  BOOST_TEST(!morgue::all_digits(""));
  BOOST_TEST(!morgue::all_digits("4a"));
  BOOST_TEST(!morgue::all_digits("\xD9\xA4"));  // an Arabic-Indic digit is no ASCII digit
}

// common/ascii.h answers as <cctype> does in the "C" locale, for every byte (as a char, negative
// above 0x7f, and as an unsigned char) and for code points beyond a byte, which are in no class.
BOOST_AUTO_TEST_CASE(ascii_classes_are_the_c_locales) {
  namespace ascii = morgue::ascii;
  BOOST_TEST_REQUIRE(std::string(std::setlocale(LC_CTYPE, nullptr)) == "C");
  for (int b = 0; b < 256; ++b) {
    const auto u = static_cast<unsigned char>(b);
    const auto c = static_cast<char>(b);
    BOOST_TEST_CONTEXT("byte " << b) {
      for (const int v : {static_cast<int>(u), static_cast<int>(c)}) {
        BOOST_TEST(ascii::is_upper(v) == (std::isupper(u) != 0));
        BOOST_TEST(ascii::is_lower(v) == (std::islower(u) != 0));
        BOOST_TEST(ascii::is_alpha(v) == (std::isalpha(u) != 0));
        BOOST_TEST(ascii::is_digit(v) == (std::isdigit(u) != 0));
        BOOST_TEST(ascii::is_alnum(v) == (std::isalnum(u) != 0));
        BOOST_TEST(ascii::is_xdigit(v) == (std::isxdigit(u) != 0));
        BOOST_TEST(ascii::is_space(v) == (std::isspace(u) != 0));
        BOOST_TEST(ascii::is_punct(v) == (std::ispunct(u) != 0));
      }
      BOOST_TEST(static_cast<unsigned char>(ascii::lower(c)) == std::tolower(u));
      BOOST_TEST(static_cast<unsigned char>(ascii::upper(c)) == std::toupper(u));
    }
  }
  for (const char32_t cp : {U'\u00c9', U'\u00e9', U'\u0100', U'\u2028', U'\U0001d400'}) {
    BOOST_TEST(!ascii::is_alnum(static_cast<int>(cp)));
    BOOST_TEST(!ascii::is_space(static_cast<int>(cp)));
    BOOST_TEST(!ascii::is_punct(static_cast<int>(cp)));
  }
}

BOOST_AUTO_TEST_SUITE_END()
