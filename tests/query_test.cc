// Unit tests for query parsing: fields, dates, names and the errors for bad queries.
#include "searcher/query.h"

#include <boost/test/unit_test.hpp>

#include "common/document.h"
#include "common/error.h"
#include "matching_ids.h"

namespace {

struct Fixture {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Fixture() {
    morgue::DocumentBuilder b;
    auto add = [&](std::string id, std::string title, std::string text,
                   std::optional<morgue::Date> date, std::vector<std::string> people,
                   std::string outlet) {
      morgue::Article a;
      a.id = id;
      a.title = title;
      a.text = text;
      a.date = date;
      a.people = people;
      a.outlet = outlet;
      db.replace_document(morgue::id_term(id), b.build(a));
    };
    using D = morgue::Date;
    add("a", "Noem tours prison", "Kristi Noem visited the prison.",
        D{2025, 3, 26, morgue::Precision::kDay}, {"Kristi Noem"}, "Newsweek");
    add("b", "Storm hits coast", "A storm hit the coast on Monday.",
        D{2025, 4, 2, morgue::Precision::kDay}, {"Héctor Villatoro"}, "Reuters");
    add("c", "Budget talks", "Budget talks stalled in the prison committee.",
        D{2024, 0, 0, morgue::Precision::kYear}, {}, "Reuters");
    db.commit();
  }
  std::set<std::string> ids(const std::string& q, bool any = false) {
    return morgue::testing::matching_ids(db, q, any);
  }
};

using S = std::set<std::string>;

std::size_t error_position(Fixture& f, const std::string& q) {
  try {
    f.ids(q);
  } catch (const morgue::QueryError& e) {
    return e.position() + 1000;  // offset so that position 0 still counts as "threw"
  }
  return 0;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(query, Fixture)

BOOST_AUTO_TEST_CASE(words_all_match_by_default) {
  BOOST_TEST(ids("prison") == (S{"a", "c"}));
  BOOST_TEST(ids("prison noem") == (S{"a"}));
  BOOST_TEST(ids("prison storm", true) == (S{"a", "b", "c"}));
  BOOST_TEST(ids("prison OR storm") == (S{"a", "b", "c"}));
  BOOST_TEST(ids("prison NOT budget") == (S{"a"}));
  BOOST_TEST(ids("visits") == (S{"a"}));  // stemming
  BOOST_TEST(ids("\"the prison committee\"") == (S{"c"}));
  BOOST_TEST(ids("stor*") == (S{"b"}));
  BOOST_TEST(ids("*") == (S{"a", "b", "c"}));
}

BOOST_AUTO_TEST_CASE(title_field) { BOOST_TEST(ids("title:prison") == (S{"a"})); }

BOOST_AUTO_TEST_CASE(names_match_without_case_or_diacritics) {
  BOOST_TEST(ids("person:noem") == (S{"a"}));
  BOOST_TEST(ids("person:\"kristi noem\"") == (S{"a"}));
  BOOST_TEST(ids("person:hector") == (S{"b"}));
  BOOST_TEST(ids("person:\"Héctor Villatoro\"") == (S{"b"}));
  BOOST_TEST(ids("outlet:REUTERS") == (S{"b", "c"}));
  BOOST_TEST(ids("outlet:reuters storm") == (S{"b"}));
  BOOST_TEST(ids("id:c") == (S{"c"}));
}

BOOST_AUTO_TEST_CASE(dates_exact_partial_and_ranges) {
  BOOST_TEST(ids("date:2025-03-26") == (S{"a"}));
  BOOST_TEST(ids("date:2025-03") == (S{"a"}));
  BOOST_TEST(ids("date:2025") == (S{"a", "b"}));
  BOOST_TEST(ids("date:2025-03-01..2025-04-30") == (S{"a", "b"}));
  BOOST_TEST(ids("date:..2025-03") == (S{"a", "c"}));
  BOOST_TEST(ids("date:2025-04..") == (S{"b"}));
  BOOST_TEST(ids("date:2024-06") == S{});  // a year-precision date does not match a month inside it
  BOOST_TEST(ids("date:2024") == (S{"c"}));
}

BOOST_AUTO_TEST_CASE(bad_queries_say_where) {
  BOOST_TEST(error_position(*this, "storm date:2025-99-99") == 1000u + 7);
  BOOST_TEST(error_position(*this, "date:2025-02-30") == 1000u + 1);
  BOOST_TEST(error_position(*this, "date:2025-04..2025-03") == 1000u + 1);
  BOOST_TEST(error_position(*this, "prison nosuchfield:x") == 1000u + 8);
  BOOST_TEST(error_position(*this, "   ") != 0u);
  BOOST_TEST(error_position(*this, "date:..") != 0u);
  BOOST_TEST(error_position(*this, "NOT") == 1000u + 1);
  BOOST_TEST(error_position(*this, "prison AND") == 1000u + 8);
  BOOST_TEST(error_position(*this, "AND prison") == 1000u + 1);
}

BOOST_AUTO_TEST_CASE(search_box_mode_takes_any_text) {
  BOOST_TEST(ids("what about the prison committee?", true) == (S{"a", "c"}));
  BOOST_TEST(ids("prison AND", true) == (S{"a", "c"}));             // dangling operator
  BOOST_TEST(ids("storm: nosuchfield:x coast", true) == (S{"b"}));  // no field, just words
  BOOST_TEST(ids("\"budget talks", true) == (S{"c"}));
  BOOST_TEST(error_position(*this, "prison AND") != 0u);  // the default mode still says where
}

BOOST_AUTO_TEST_CASE(a_reopened_database_is_read_again) {
  // The builder reads the database's languages once; after a reopen (an indexer committed), a
  // language the new revision holds is among them.
  morgue::QueryBuilder builder(db, morgue::QueryOptions{false, {}});
  const auto reading = [&] { return builder.parse("mieten").query.get_description(); };
  BOOST_TEST(reading().find("SYNONYM") == std::string::npos);  // English alone
  morgue::Article german;
  german.id = "d";
  german.text = "Die Mieten steigen in den Städten langsamer als erwartet.";
  german.lang = "de";
  db.replace_document(morgue::id_term(german.id), morgue::DocumentBuilder().build(german));
  db.commit();
  BOOST_TEST(reading().find("SYNONYM") == std::string::npos);  // as read before
  builder.reopened();
  BOOST_TEST(reading().find("SYNONYM") != std::string::npos);  // "mieten" and German "miet"
  BOOST_TEST(ids("mieten") == (S{"d"}));
}

BOOST_AUTO_TEST_SUITE_END()
