// Unit tests for UTF-8 decoding, folding and name words.
#include "common/text.h"

#include <boost/test/unit_test.hpp>

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
  BOOST_TEST(morgue::trim(" \t x y \n") == "x y");
}

BOOST_AUTO_TEST_CASE(ascii_lower_leaves_everything_but_ascii_letters) {
  BOOST_TEST(morgue::ascii_lower("README.TXT") == "readme.txt");
  BOOST_TEST(morgue::ascii_lower("Text/HTML; Charset=ISO-8859-2") ==
             "text/html; charset=iso-8859-2");
  BOOST_TEST(morgue::ascii_lower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");  // ÉTÉ: bytes kept
}

BOOST_AUTO_TEST_SUITE_END()
