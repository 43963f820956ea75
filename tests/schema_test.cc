// Unit tests for the schema table and its encodings.
#include "common/schema.h"

#include <xxhash.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <set>

BOOST_AUTO_TEST_SUITE(schema)

BOOST_AUTO_TEST_CASE(prefixes_and_slots_are_unique) {
  std::set<std::string_view> names, prefixes;
  std::set<Xapian::valueno> slots;
  for (const morgue::Field& f : morgue::fields()) {
    BOOST_TEST(names.insert(f.name).second, "field " << f.name << " twice");
    if (!f.prefix.empty())
      BOOST_TEST(prefixes.insert(f.prefix).second, "prefix " << f.prefix << " twice");
    if (f.slot && f.kind != morgue::FieldKind::kDate) BOOST_TEST(slots.insert(*f.slot).second);
  }
  BOOST_TEST(slots.count(morgue::kDateSlot) == 0u);
  BOOST_TEST(slots.count(morgue::kHashSlot) == 0u);
}

BOOST_AUTO_TEST_CASE(spec_fields_exist) {
  for (const char* name : {"title", "outlet", "person", "place", "org", "id", "date"})
    BOOST_TEST(morgue::find_field(name) != nullptr, name);
  BOOST_TEST(morgue::find_field("nosuchfield") == nullptr);
}

BOOST_AUTO_TEST_CASE(name_terms_are_folded_words) {
  const morgue::Field& person = *morgue::find_field("person");
  BOOST_TEST(morgue::name_terms(person, "Héctor Villatoro") ==
             (std::vector<std::string>{"XPhector", "XPvillatoro"}));
}

BOOST_AUTO_TEST_CASE(long_ids_are_hashed_stably) {
  std::string id(500, 'x');
  std::string t = morgue::id_term(id);
  BOOST_TEST(t.size() < 245u);
  BOOST_TEST(t == morgue::id_term(id));
  BOOST_TEST(t != morgue::id_term(id + "y"));
  BOOST_TEST(morgue::id_term("a.txt") == "Qa.txt");
}

BOOST_AUTO_TEST_CASE(crafted_ids_never_share_a_term) {
  // Issue 14: ids over 200 bytes were "Q#" + 64 bytes + "#" + xxh64, which a short id could
  // spell: "#" + those 64 bytes + "#" + the hash replaced the long id's article.
  const std::string long_id = "https://example.com/" + std::string(300, 'a');
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH64(long_id.data(), long_id.size(), 0)));
  const std::string crafted = "#" + long_id.substr(0, 64) + "#" + hex;
  BOOST_TEST(morgue::id_term(crafted) != morgue::id_term(long_id));
  BOOST_TEST(morgue::id_term(crafted) == "Q" + crafted);
  // Plain terms have at most 1 + 200 bytes, hashed ones exactly 1 + 200 + 32: never equal.
  std::set<std::string> terms;
  for (std::size_t n : {0, 1, 199, 200, 201, 232, 233, 245, 1000}) {
    const std::string id(n, 'x');
    const std::string t = morgue::id_term(id);
    BOOST_TEST(t.size() == (n <= morgue::kMaxIdTermBytes ? n + 1 : 233u));
    BOOST_TEST(t.size() <= 245u);
    terms.insert(t);
    terms.insert(morgue::id_term(id + "y"));
  }
  BOOST_TEST(terms.size() == 18u);
  // The same first 200 bytes, another end: another term.
  BOOST_TEST(morgue::id_term(std::string(200, 'x') + "1") !=
             morgue::id_term(std::string(200, 'x') + "2"));
}

BOOST_AUTO_TEST_CASE(lists_round_trip) {
  std::vector<std::string> v{"El Salvador", "United States"};
  BOOST_TEST(morgue::split_list(morgue::join_list(v)) == v);
  BOOST_TEST(morgue::split_list("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
