// Unit tests for the stored record of an article.
#include "common/article.h"

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(article)

BOOST_AUTO_TEST_CASE(record_round_trips) {
  morgue::Article a;
  a.id = "x1";
  a.title = "Title";
  a.text = "Body";
  a.outlet = "Reuters";
  a.date = morgue::Date{2025, 3, 0, morgue::Precision::kMonth};
  a.people = {"Kristi Noem"};
  a.places = {"El Salvador"};
  a.extra["topics"] = {"cocoa"};
  a.source = "/tmp/x.jsonl";
  nlohmann::json r = morgue::to_record(a);
  BOOST_TEST(r["date"] == "2025-03");
  BOOST_TEST(r["date_precision"] == "month");
  morgue::Article b = morgue::article_from_record(r);
  BOOST_TEST(b.id == a.id);
  BOOST_TEST(b.title == a.title);
  BOOST_TEST(b.text == a.text);
  BOOST_TEST((b.date.value() == a.date.value()));
  BOOST_TEST(b.people == a.people);
  BOOST_TEST(b.places == a.places);
  BOOST_TEST(b.extra == a.extra);
  BOOST_TEST(b.source == a.source);
}

BOOST_AUTO_TEST_SUITE_END()
