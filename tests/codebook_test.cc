// Unit tests for the codebook of names: its lines, the errors that name the file and line, chains
// of canonical names, and how a name is filed by the codebook and the gazetteer together.
#include "common/codebook.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "common/document.h"
#include "common/error.h"

namespace {

const morgue::Field& field(const char* name) { return *morgue::find_field(name); }

// What the codebook files `name` of `f` under: its canonical name, "-" when dropped, or "(none)"
// when the codebook says nothing of it.
std::string mapped(const morgue::Codebook& b, const char* f, const std::string& name) {
  const morgue::Codebook::Mapping* m = b.find(field(f), morgue::name_key(name));
  if (!m) return "(none)";
  return m->drop ? "-" : m->canonical;
}

std::string error_of(const std::string& text) {
  try {
    morgue::Codebook::parse(text, "names.tsv");
  } catch (const morgue::Error& e) {
    return e.what();
  }
  return "(parsed)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(codebook)

BOOST_AUTO_TEST_CASE(lines_map_keep_apart_and_drop_names) {
  morgue::set_declared_fields({});
  const morgue::Codebook b = morgue::Codebook::parse(
      "\xEF\xBB\xBF# field\tname\tcanonical\n"
      "org\tLib Dems\tLiberal Democrats\t52\r\n"
      "\n"
      "org\tPC\t-\n"
      "place\tGeorgia\tGeorgia\n"
      "person\tHÉCTOR  villatoro\tHéctor Gustavo Villatoro\n",
      "names.tsv");
  BOOST_TEST(b.size() == 4u);
  BOOST_TEST(mapped(b, "org", "lib dems") == "Liberal Democrats");  // case aside; counts ignored
  BOOST_TEST(mapped(b, "org", "PC") == "-");
  BOOST_TEST(mapped(b, "place", "Georgia") == "Georgia");
  BOOST_TEST(mapped(b, "person", "Hector Villatoro") == "Héctor Gustavo Villatoro");
  BOOST_TEST(mapped(b, "person", "Lib Dems") == "(none)");  // fields are apart
  BOOST_TEST(mapped(b, "org", "Liberal Democrats") == "(none)");
}

BOOST_AUTO_TEST_CASE(canonical_names_are_followed_to_the_end_of_their_chain) {
  const morgue::Codebook b = morgue::Codebook::parse(
      "org\tLib Dem\tLiberal Democrat\n"
      "org\tLiberal Democrat\tLib Dems\n"
      "org\tLib Dems\tLiberal Democrats\n"
      "org\tLiberal Democrats\tLIBERAL DEMOCRATS\n"  // kept as itself, in its own spelling
      "org\tAcme Ltd\tAcme\n"
      "org\tAcme\t-\n",
      "names.tsv");
  for (const char* variant : {"Lib Dem", "Liberal Democrat", "Lib Dems", "Liberal Democrats"})
    BOOST_TEST(mapped(b, "org", variant) == "LIBERAL DEMOCRATS", variant);
  BOOST_TEST(mapped(b, "org", "Acme Ltd") == "-");  // into a dropped name: dropped
}

BOOST_AUTO_TEST_CASE(errors_name_the_file_and_line) {
  BOOST_TEST(error_of("# c\nperson\tBlair\n").rfind("names.tsv:2: a line is FIELD", 0) == 0);
  BOOST_TEST(error_of("colour\tBlue\tRed\n").rfind("names.tsv:1: 'colour' is no name field", 0) ==
             0);
  BOOST_TEST(error_of("lang\ten\tde\n").rfind("names.tsv:1: 'lang' is no name field", 0) == 0);
  BOOST_TEST(error_of("person\t \tX\n") == "names.tsv:1: no name in the second column");
  BOOST_TEST(error_of("person\tX\t\n").rfind("names.tsv:1: no canonical name", 0) == 0);
  BOOST_TEST(error_of("person\tA\tB\n\nperson\ta\tC\n") ==
             "names.tsv:3: person 'a' is given another name on line 1");
  BOOST_TEST(error_of("person\tA\tB\nperson\ta\tb\n") == "(parsed)");  // said twice, alike
  BOOST_TEST(error_of("person\tA\tB\nperson\tB\tC\nperson\tC\tA\n").find("circle") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(names_resolve_through_codebook_then_gazetteer) {
  const morgue::PlaceTable places(morgue::load_countries("/nonexistent"));
  const morgue::Codebook b = morgue::Codebook::parse(
      "place\tUSA\tUSA\n"                   // kept apart from the gazetteer's United States
      "place\tUnited States\tThe States\n"  // the gazetteer's name renamed: its variants follow
      "place\tGoogle\t-\n",
      "names.tsv");
  auto filed = [&](const char* name) {
    const std::optional<morgue::Resolved> r = morgue::resolve_name(field("place"), name, places, b);
    return r ? r->indexed + (r->from_codebook ? " (codebook)" : "") : std::string("-");
  };
  BOOST_TEST(filed("USA") == "USA (codebook)");
  BOOST_TEST(filed("America") == "The States (codebook)");
  BOOST_TEST(filed("Google") == "-");
  BOOST_TEST(filed("France") == "France");
  BOOST_TEST(filed("Norland") == "Norland");
  // A person called Jordan is no country: the gazetteer files places only.
  const std::optional<morgue::Resolved> jordan =
      morgue::resolve_name(field("person"), "Jordan", places, b);
  BOOST_TEST(jordan->indexed == "Jordan");
}

BOOST_AUTO_TEST_CASE(filed_names_show_the_canonical_name_and_keep_the_written_words) {
  const morgue::Codebook b =
      morgue::Codebook::parse("org\tLib Dems\tLiberal Democrats\norg\tPC\t-\n", "names.tsv");
  morgue::Article a;
  a.organizations = {"Lib Dems", "PC", "Labour"};
  const std::vector<morgue::FiledName> names =
      morgue::filed_names(a, field("org"), morgue::PlaceTable(), b);
  BOOST_TEST_REQUIRE(names.size() == 2u);
  BOOST_TEST(names[0].name == "Liberal Democrats");
  BOOST_TEST(names[0].key == "liberal democrats");
  BOOST_TEST(names[0].variant == "Lib Dems");
  BOOST_TEST(names[1].name == "Labour");
  BOOST_TEST(names[1].variant == "");
  BOOST_TEST(b.apply(field("org"), a.organizations, morgue::PlaceTable()) ==
             (std::vector<std::string>{"Liberal Democrats", "Labour"}));
}

BOOST_AUTO_TEST_CASE(names_are_removed_and_added_again_alike) {
  morgue::DocumentBuilder builder;
  morgue::Article a;
  a.id = "x";
  a.text = "Some text.";
  a.people = {"Kristi Noem", "Trump"};
  a.organizations = {"Homeland Security"};
  const Xapian::Document built = builder.build(a);
  Xapian::Document doc = builder.build(a);
  morgue::remove_names(&doc, field("person"));
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    BOOST_TEST((*t).rfind("XP", 0) != 0, *t);
  BOOST_TEST(doc.get_value(morgue::kPeopleSlot).empty());
  BOOST_TEST(doc.get_value(morgue::kOrgsSlot) == built.get_value(morgue::kOrgsSlot));
  morgue::add_names(
      &doc, field("person"),
      morgue::filed_names(a, field("person"), morgue::PlaceTable(), morgue::Codebook()));
  std::vector<std::string> want, got;
  for (auto t = built.termlist_begin(); t != built.termlist_end(); ++t) want.push_back(*t);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) got.push_back(*t);
  BOOST_TEST(got == want);
  BOOST_TEST(doc.get_value(morgue::kPeopleSlot) == built.get_value(morgue::kPeopleSlot));
}

BOOST_AUTO_TEST_CASE(sha256_of_known_texts) {
  BOOST_TEST(morgue::sha256_hex("abc") ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(morgue::Codebook().sha256() == "");
}

BOOST_AUTO_TEST_SUITE_END()
