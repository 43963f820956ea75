// Unit tests for the document built from an article: the index check of terms and values.
#include "common/document.h"

#include <boost/test/unit_test.hpp>
#include <set>

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

}  // namespace

BOOST_AUTO_TEST_SUITE(document)

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

BOOST_AUTO_TEST_CASE(hash_changes_with_content_only) {
  morgue::DocumentBuilder builder;
  morgue::Article a = sample();
  std::string h1 = builder.build(a).get_value(morgue::kHashSlot);
  BOOST_TEST(builder.build(a).get_value(morgue::kHashSlot) == h1);
  a.text += " More.";
  BOOST_TEST(builder.build(a).get_value(morgue::kHashSlot) != h1);
}

BOOST_AUTO_TEST_SUITE_END()
