// Unit tests for the place table: one canonical name per country whatever name or code an archive
// writes, two-letter codes only where they name nothing else, and a stored form that reads back
// as the same table.
#include "common/places.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>

namespace {

const char* kIsoCodes = "/usr/share/iso-codes/json";  // Debian's iso-codes (install-deps)

std::string canonical_or_none(const morgue::PlaceTable& t, const std::string& name) {
  const std::string* c = t.canonical(name);
  return c ? *c : "(none)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(places)

BOOST_AUTO_TEST_CASE(names_news_writes_are_one_place) {
  const morgue::PlaceTable t(morgue::load_countries("/nonexistent"));  // the built-in list
  for (const char* name : {"US", "u.s.", "USA", "America", "United States of America", "the U.S."})
    BOOST_TEST(canonical_or_none(t, name) == "United States", name);
  for (const char* name : {"UK", "Britain", "great britain"})
    BOOST_TEST(canonical_or_none(t, name) == "United Kingdom", name);
  BOOST_TEST(canonical_or_none(t, "USSR") == "Soviet Union");
  BOOST_TEST(canonical_or_none(t, "West Germany") == "West Germany");
  BOOST_TEST(canonical_or_none(t, "west-germany") == "West Germany");  // Reuters' code
  BOOST_TEST(canonical_or_none(t, "Lisbon") == "(none)");              // a city is its own name
  BOOST_TEST(morgue::PlaceTable().canonical("USA") == nullptr);        // the empty table knows none
}

BOOST_AUTO_TEST_CASE(iso_names_and_codes) {
  // iso-codes is a dependency (scripts/install-deps, the package's Depends): absent is a failure.
  BOOST_TEST_REQUIRE(std::filesystem::exists(std::string(kIsoCodes) + "/iso_3166-1.json"));
  const morgue::PlaceTable t(morgue::load_countries(kIsoCodes));
  BOOST_TEST(canonical_or_none(t, "FRA") == "France");
  BOOST_TEST(canonical_or_none(t, "fr") == "France");
  BOOST_TEST(canonical_or_none(t, "GB") == "United Kingdom");
  BOOST_TEST(canonical_or_none(t, "GBR") == "United Kingdom");
  BOOST_TEST(canonical_or_none(t, "jp") == "Japan");
  BOOST_TEST(canonical_or_none(t, "Korea, Republic of") == "South Korea");
  BOOST_TEST(canonical_or_none(t, "Viet Nam") == "Vietnam");
  // Two-letter codes that are also US states, provinces or words stay words.
  for (const char* code : {"DE", "IN", "CA", "IT", "IS", "NO", "ME", "AI", "TV", "LA", "PA"})
    BOOST_TEST(canonical_or_none(t, code) == "(none)", code);
  // A code never takes a name's place: Andorra's code "AND" is no country called "and".
  BOOST_TEST(canonical_or_none(t, "Andorra") == "Andorra");
}

BOOST_AUTO_TEST_CASE(stored_table_reads_back_the_same) {
  const morgue::PlaceTable t(morgue::load_countries(kIsoCodes));
  const morgue::PlaceTable back = morgue::PlaceTable::unserialise(t.serialise());
  BOOST_TEST(back.serialise() == t.serialise());
  BOOST_TEST(back.version() == t.version());
  BOOST_TEST(canonical_or_none(back, "U.S.") == "United States");
  BOOST_TEST(morgue::PlaceTable::unserialise("garbage without tabs").empty());
}

BOOST_AUTO_TEST_SUITE_END()
