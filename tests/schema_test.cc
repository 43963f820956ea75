// Unit tests for the schema table and its encodings.
#include "common/schema.h"

#include <xxhash.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <set>

#include "common/error.h"

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

BOOST_AUTO_TEST_CASE(declared_fields_are_checked_numbered_and_round_trip) {
  using morgue::FieldKind;
  const auto topics = morgue::parse_declared_field("topics:keyword");
  BOOST_TEST(topics.name == "topics");
  BOOST_TEST((topics.kind == FieldKind::kName));
  BOOST_TEST((morgue::parse_declared_field("summary_2:text").kind == FieldKind::kText));
  for (const char* bad : {"topics", "topics:", "topics:number", "Topics:keyword", "2x:text",
                          ":keyword", "to-pics:keyword", "place:keyword", "text:text", "id:keyword",
                          "extra:text", "path:keyword", "source:text"})
    BOOST_CHECK_THROW(morgue::parse_declared_field(bad), morgue::Error);
  const std::vector<morgue::DeclaredField> list = {
      topics, {"summary", FieldKind::kText}, {"desk", FieldKind::kName}};
  BOOST_TEST(morgue::encode_declared_fields(list) ==
             "topics:keyword\nsummary:text\ndesk:keyword\n");
  BOOST_TEST((morgue::decode_declared_fields(morgue::encode_declared_fields(list)) == list));
  const std::size_t builtin = morgue::fields().size();
  morgue::set_declared_fields(list);
  BOOST_TEST(morgue::fields().size() == builtin + 3);
  BOOST_TEST(morgue::fields().back().name == "date");  // listed last, as before
  const morgue::Field* t = morgue::find_field("topics");
  BOOST_TEST_REQUIRE(t);
  BOOST_TEST(t->declared);
  BOOST_TEST(t->prefix == "XK0:");
  BOOST_TEST(t->whole_prefix == "XKN0:");
  BOOST_TEST(*t->slot == morgue::kFirstDeclaredSlot + 0u);
  const morgue::Field* d = morgue::find_field("desk");
  BOOST_TEST(*d->slot == morgue::kFirstDeclaredSlot + 2u);
  BOOST_TEST(d->prefix == "XK2:");
  const morgue::Field* sm = morgue::find_field("summary");
  BOOST_TEST(!sm->slot);
  BOOST_TEST(sm->prefix == "XT1:");
  // No declared prefix is the start of another's, or of a built-in one's terms.
  std::set<std::string> prefixes;
  for (const morgue::Field& f : morgue::fields())
    for (std::string_view p : {f.prefix, f.whole_prefix})
      if (!p.empty()) BOOST_TEST(prefixes.insert(std::string(p)).second);
  morgue::set_declared_fields({});
  BOOST_TEST(morgue::fields().size() == builtin);
  BOOST_TEST(!morgue::find_field("topics"));
}

BOOST_AUTO_TEST_CASE(recorded_lines_and_path_fields_round_trip) {
  BOOST_TEST((morgue::split_lines("a\n\nb c\n") == std::vector<std::string>{"a", "b c"}));
  BOOST_TEST(morgue::split_lines("").empty());
  const std::vector<std::string> files{"/m/a.csv", "/m/b c.jsonl"};
  BOOST_TEST(morgue::split_lines(morgue::join_lines(files)) == files);
  const std::vector<morgue::PathField> paths{{"section", 1}, {"year", 2}};
  BOOST_TEST(morgue::encode_path_fields(paths) == "section=1\nyear=2\n");
  BOOST_TEST((morgue::decode_path_fields(morgue::encode_path_fields(paths)) == paths));
  BOOST_TEST(morgue::decode_path_fields("").empty());
}

BOOST_AUTO_TEST_CASE(lists_round_trip) {
  std::vector<std::string> v{"El Salvador", "United States"};
  BOOST_TEST(morgue::split_list(morgue::join_list(v)) == v);
  BOOST_TEST(morgue::split_list("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
