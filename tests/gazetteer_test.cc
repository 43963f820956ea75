// The gazetteer: names matched over tokens with their BILOU positions, countries by their usual
// names, the country a place lies in, and the word list and Census names, from small files.
#include "extract/gazetteer.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/tokens.h"
#include "temp_dir.h"

using morgue::ner::Gazetteer;
using morgue::ner::Position;

namespace {

constexpr std::uint16_t bit(Gazetteer::Kind kind, Position position) {
  return static_cast<std::uint16_t>(1u << (kind * 4 + position));
}

std::vector<std::uint16_t> match(const Gazetteer& g, const std::string& text) {
  return g.match(morgue::ner::tokenize(text).at(0).tokens);
}

// iso-codes' two files, cut down to three countries and two subdivisions.
void write_iso_codes(const morgue::testing::TempDir& dir) {
  dir.write("iso_3166-1.json", R"({"3166-1": [
      {"alpha_2": "SV", "alpha_3": "SLV", "name": "El Salvador",
       "official_name": "Republic of El Salvador"},
      {"alpha_2": "GB", "alpha_3": "GBR", "name": "United Kingdom",
       "official_name": "United Kingdom of Great Britain and Northern Ireland"},
      {"alpha_2": "US", "alpha_3": "USA", "name": "United States",
       "official_name": "United States of America"}]})");
  dir.write("iso_3166-2.json", R"({"3166-2": [
      {"code": "SV-SS", "name": "San Salvador", "type": "Department"},
      {"code": "GB-YNM", "name": "Isle of Anglesey [Sir Ynys M\u00f4n GB-YNM]",
       "type": "Unitary authority"}]})");
}

// The gazetteer from the data the machine has installed, loaded once for the tests that read it.
const Gazetteer& installed_gazetteer() {
  static const Gazetteer g = [] {
    const morgue::ExtractionData data = morgue::default_extraction_data();
    return Gazetteer::load(data.iso_codes_folder, data.word_list, data.census_names);
  }();
  return g;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gazetteer)

BOOST_AUTO_TEST_CASE(names_of_several_words_match_with_their_positions) {
  using morgue::ner::kBegin, morgue::ner::kInside, morgue::ner::kLast, morgue::ner::kUnit;
  Gazetteer g;
  g.add("New York", Gazetteer::kCity);
  g.add("York", Gazetteer::kCity);
  g.add("Rio de Janeiro", Gazetteer::kBigCity);
  g.add("S\xC3\xA3o Paulo", Gazetteer::kBigCity);
  g.add_country("El Salvador");
  // 0 From 1 New 2 York 3 to 4 Rio 5 de 6 Janeiro 7 , 8 El 9 Salvador 10 , 11 SAO 12 PAULO
  // 13 and 14 York 15 , 16 not 17 new 18 york
  const auto bits = match(g,
                          "From New York to Rio de Janeiro, El Salvador, SAO PAULO and York, "
                          "not new york");
  BOOST_REQUIRE(bits.size() == 19u);
  BOOST_TEST(bits[0] == 0);
  BOOST_TEST(bits[1] == bit(Gazetteer::kCity, kBegin));
  // The longest match from each word: "York" ends "New York" and is a name of its own.
  BOOST_TEST(bits[2] == (bit(Gazetteer::kCity, kLast) | bit(Gazetteer::kCity, kUnit)));
  BOOST_TEST(bits[4] == bit(Gazetteer::kBigCity, kBegin));
  BOOST_TEST(bits[5] == bit(Gazetteer::kBigCity, kInside));  // "de" inside the name
  BOOST_TEST(bits[6] == bit(Gazetteer::kBigCity, kLast));
  BOOST_TEST(bits[8] == bit(Gazetteer::kCountry, kBegin));
  BOOST_TEST(bits[9] == bit(Gazetteer::kCountry, kLast));
  // Case and diacritics aside.
  BOOST_TEST(bits[11] == bit(Gazetteer::kBigCity, kBegin));
  BOOST_TEST(bits[12] == bit(Gazetteer::kBigCity, kLast));
  BOOST_TEST(bits[14] == bit(Gazetteer::kCity, kUnit));
  // A name written in lower case is no place's.
  BOOST_TEST(bits[17] == 0);
  BOOST_TEST(bits[18] == 0);
  BOOST_TEST(g.known("new york"));
  BOOST_TEST(!g.known("New"));
}

// match() reads on from a word only while the words so far begin some longer name (an entry
// with no kinds marks them); against a brute-force longest match over every length, on seeded
// random names and sentences of a small vocabulary, so that names share their first words.
BOOST_AUTO_TEST_CASE(longest_matches_agree_with_a_brute_force_search) {
  const std::vector<std::string> vocabulary = {"Alba", "Bree", "Cole", "Dun", "Eske", "Fort"};
  std::mt19937 rng(17);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  for (int round = 0; round < 300; ++round) {
    Gazetteer g;
    std::map<std::string, std::uint8_t> model;  // lower-case name -> kinds
    const std::size_t names = 1 + pick(12);
    for (std::size_t n = 0; n < names; ++n) {
      std::string name;
      for (std::size_t w = 0, words = 1 + pick(4); w < words; ++w)
        name += (w ? " " : "") + vocabulary[pick(vocabulary.size())];
      const auto kind = static_cast<Gazetteer::Kind>(pick(Gazetteer::kKinds));
      g.add(name, kind);
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      model[lower] |= static_cast<std::uint8_t>(1u << kind);
    }
    std::vector<std::string> words;
    std::string text;
    for (std::size_t w = 0, n = 1 + pick(14); w < n; ++w) {
      words.push_back(vocabulary[pick(vocabulary.size())]);
      text += (w ? " " : "") + words.back();
    }
    std::vector<std::uint16_t> expected(words.size(), 0);
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::size_t best = 0;
      std::uint8_t kinds = 0;
      std::string phrase;
      for (std::size_t len = 1; i + len <= words.size(); ++len) {
        std::string lower = words[i + len - 1];
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        phrase += (len > 1 ? " " : "") + lower;
        auto it = model.find(phrase);
        if (it != model.end()) best = len, kinds = it->second;
      }
      for (int kind = 0; kind < Gazetteer::kKinds; ++kind) {
        if (!(kinds & (1u << kind))) continue;
        for (std::size_t j = 0; j < best; ++j) {
          const Position pos = best == 1       ? morgue::ner::kUnit
                               : j == 0        ? morgue::ner::kBegin
                               : j + 1 == best ? morgue::ner::kLast
                                               : morgue::ner::kInside;
          expected[i + j] |= bit(static_cast<Gazetteer::Kind>(kind), pos);
        }
      }
    }
    BOOST_TEST_CONTEXT("round " << round << ": " << text) {
      BOOST_TEST(match(g, text) == expected, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(countries_by_their_usual_names) {
  morgue::testing::TempDir dir;
  write_iso_codes(dir);
  Gazetteer g;
  g.load_iso_codes(dir.path.string());
  BOOST_TEST(g.country_name("U.S.") == "United States");
  BOOST_TEST(g.country_name("america") == "United States");
  BOOST_TEST(g.country_name("Britain") == "United Kingdom");
  BOOST_TEST(g.country_name("UK") == "United Kingdom");
  BOOST_TEST(g.country_name("Republic of El Salvador") == "El Salvador");  // ISO's official name
  BOOST_TEST(g.country_name("San Salvador") == "");                        // a subdivision
  BOOST_TEST(g.country_name("Atlantis") == "");
}

BOOST_AUTO_TEST_CASE(the_country_a_place_lies_in) {
  morgue::testing::TempDir dir;
  write_iso_codes(dir);
  Gazetteer g;
  g.load_iso_codes(dir.path.string());
  BOOST_TEST(g.country_of("San Salvador") == "El Salvador");         // by its ISO code, SV-SS
  BOOST_TEST(g.country_of("Isle of Anglesey") == "United Kingdom");  // without "[Sir Ynys Môn]"
  BOOST_TEST(g.country_of("U.S.") == "United States");               // a country lies in itself
  BOOST_TEST(g.country_of("Atlantis") == "");
  g.add("Smallville", Gazetteer::kCity);
  BOOST_TEST(g.major("San Salvador"));
  BOOST_TEST(g.known("Smallville"));
  BOOST_TEST(!g.major("Smallville"));  // a city, and nobody said how big
}

BOOST_AUTO_TEST_CASE(the_installed_data_gives_cities_their_country) {
  const Gazetteer& g = installed_gazetteer();
  BOOST_TEST(g.country_of("Toronto") == "Canada");
  BOOST_TEST(g.major("Toronto"));
  // GeoNames writes "Washington, D.C.": the gazetteer adds the name as news writes it.
  BOOST_TEST(g.country_of("Washington D.C.") == "United States");
  BOOST_TEST(g.country_name("Holland") == "Netherlands");
  // A name with hyphens is known written with spaces too, as papers write it.
  BOOST_TEST(g.country_of("Cap-Haitien") == "Haiti");
  BOOST_TEST(g.country_of("Cap Haitien") == "Haiti");
}

// The regions that subdivisions split by the compass are named after ("North Darfur", "South
// Kordofan") are places of the subdivisions' country; not Britain's and America's ("North
// Yorkshire", "North Dakota"), nor a common noun ("Western Cape").
BOOST_AUTO_TEST_CASE(regions_named_by_their_compass_subdivisions) {
  const Gazetteer& g = installed_gazetteer();
  BOOST_TEST(g.country_of("Darfur") == "Sudan");
  BOOST_TEST(g.country_of("Kordofan") == "Sudan");
  BOOST_TEST(g.country_of("North Darfur") == "Sudan");
  BOOST_TEST(!g.known("Yorkshire"));
  BOOST_TEST(!g.known("Dakota"));
  BOOST_TEST(!g.known("Cape"));
}

// The names places are filed under: a city named with "City" that the gazetteer knows without it
// is that city; one it knows with it ("Kansas City", "Mexico City") keeps its name.
BOOST_AUTO_TEST_CASE(places_are_filed_under_the_gazetteer_s_names) {
  const Gazetteer& g = installed_gazetteer();
  const std::vector<std::pair<const char*, const char*>> names = {
      {"New York City", "New York"},
      {"Quebec City", "Quebec"},
      {"Kansas City", "Kansas City"},
      {"Mexico City", "Mexico City"},
      {"Wu'an City", "Wu'an City"},  // unknown without "City" too
      {"Hebei Province", "Hebei"},
      {"Darfur region", "Darfur"},
      {"Jebaliya refugee camp", "Jebaliya"},
      {"JEBALIYA REFUGEE CAMP", "JEBALIYA"},
      {"Refugee Camp", "Refugee Camp"},  // no place before it
      {"Washington, DC", "Washington D.C."},
      {"U.S.", "United States"},
      {"UKs", "United Kingdom"},  // a possessive that lost its apostrophe
      {"Tecoluca", "Tecoluca"}};
  for (const auto& [name, filed] : names) BOOST_TEST(g.place_name(name) == filed, name);
}

BOOST_AUTO_TEST_CASE(american_states_as_papers_abbreviate_them) {
  const Gazetteer& g = installed_gazetteer();
  const std::vector<std::pair<const char*, const char*>> states = {{"Wash.", "Washington"},
                                                                   {"Calif.", "California"},
                                                                   {"Colo.", "Colorado"},
                                                                   {"N.Y.", "New York"},
                                                                   {"W.Va.", "West Virginia"}};
  for (const auto& [state, name] : states) {
    BOOST_TEST(g.known(state), state);
    BOOST_TEST(g.country_of(state) == "United States", state);
    BOOST_TEST(g.place_name(state) == name, state);  // one place, however a paper writes it
    BOOST_TEST(g.country_of(name) == "United States", name);
  }
  // (as written where a sentence's end took the period, and the postal codes)
  BOOST_TEST(g.place_name("Fla") == "Florida");
  BOOST_TEST(g.place_name("NY") == "New York");
  BOOST_TEST(g.place_name("TX") == "Texas");
  // ("LA" is Los Angeles; "La" a word of Spanish names; "Ga." and "GA" would be the country)
  BOOST_TEST(g.place_name("LA") == "LA");
  BOOST_TEST(g.place_name("LA.") == "LA.");
  BOOST_TEST(g.place_name("La") == "La");
  BOOST_TEST(g.place_name("La.") == "Louisiana");
  BOOST_TEST(g.place_name("Ga.") == "Ga.");
  // (a state keeps its country against a smaller town abroad: Florida, Cuba)
  BOOST_TEST(g.country_of("Florida") == "United States");
  BOOST_TEST(!g.known("Del."));  // a delegate's
  BOOST_TEST(!g.known("Ind."));  // an independent's
}

BOOST_AUTO_TEST_CASE(a_country_s_possessive_without_its_apostrophe_is_the_country) {
  const Gazetteer& g = installed_gazetteer();
  BOOST_TEST(g.possessive_country("UKs") == "United Kingdom");
  BOOST_TEST(g.possessive_country("Australias") == "Australia");
  BOOST_TEST(g.possessive_country("Indias") == "India");
  BOOST_TEST(g.possessive_country("Frances") == "");   // a first name
  BOOST_TEST(g.possessive_country("Japans") == "");    // a common word ("japan", lacquer)
  BOOST_TEST(g.possessive_country("Americas") == "");  // a place the gazetteer knows
  BOOST_TEST(g.possessive_country("Spain") == "");     // no possessive
  BOOST_TEST(g.possessive_country("spains") == "");    // not capitalized
  BOOST_TEST(g.possessive_country("UKs Bank") == "");  // one word only
}

BOOST_AUTO_TEST_CASE(the_word_list_tells_common_words_from_names) {
  morgue::testing::TempDir dir;
  Gazetteer g;
  g.load_words(dir.write("words", "plans\nheat\nBlair\nBlair's\nbush\nBush\ncaf\xC3\xA9\n\n"));
  BOOST_TEST(g.lexicon("plans") == Gazetteer::kCommon);
  BOOST_TEST(g.lexicon("blair") == Gazetteer::kProper);
  BOOST_TEST(g.lexicon("bush") == Gazetteer::kBoth);
  BOOST_TEST(g.lexicon("cafe") == Gazetteer::kCommon);       // folded as the tokens are
  BOOST_TEST(g.lexicon("blair's") == Gazetteer::kUnlisted);  // the list's possessives are left out
  BOOST_TEST(g.lexicon("nokia") == Gazetteer::kUnlisted);
  g.load_words((dir / "missing").string());  // adds nothing, throws nothing
  BOOST_TEST(g.lexicon("plans") == Gazetteer::kCommon);
}

BOOST_AUTO_TEST_CASE(census_names_from_the_perl_module) {
  morgue::testing::TempDir dir;
  // As Text/Names.pm keeps them: here-documents of names in capitals and their frequencies.
  const std::string module =
      "my $COMMON_SURNAMES;\n"
      "$COMMON_MALE_FIRSTNAMES = <<ENDNAMES;\n"
      "JAMES          3.318  3.318      1\n"
      "HAROLD         0.371 52.479     48\n"
      "ENDNAMES\n"
      "OUTSIDE        1.000  1.000      1\n"
      "$COMMON_FEMALE_FIRSTNAMES = <<ENDNAMES;\n"
      "MARY           2.629  2.629      1\n"
      "ENDNAMES\n"
      "$COMMON_SURNAMES = <<ENDNAMES;\n"
      "SMITH          1.006  1.006      1\n"
      "JAMES          0.338  4.237      7\n"
      "ENDNAMES\n";
  Gazetteer g;
  g.load_census_names(dir.write("Names.pm", module));
  BOOST_TEST(g.person_name("harold") == Gazetteer::kFirstName);
  BOOST_TEST(g.person_name("mary") == Gazetteer::kFirstName);
  BOOST_TEST(g.person_name("smith") == Gazetteer::kSurname);
  BOOST_TEST(g.person_name("james") == (Gazetteer::kFirstName | Gazetteer::kSurname));
  BOOST_TEST(g.person_name("outside") == 0);  // not inside a list
  BOOST_TEST(g.person_name("nokia") == 0);
}

BOOST_AUTO_TEST_CASE(companies_from_the_registries_of_hardware_makers) {
  morgue::testing::TempDir dir;
  // IEEE's oui.csv: a name with a comma is quoted; the name's legal form and trade go.
  const std::string oui =
      "Registry,Assignment,Organization Name,Organization Address\n"
      "MA-L,002272,American Micro-Fuel Device Corp.,2181 Buchanan Loop Ferndale WA US 98248\n"
      "MA-L,080046,Sony Corporation,Gotenyama Tec Tokyo JP 141\n"
      "MA-L,0002EE,Nokia Danmark A/S,Frederikskaj Copenhagen DK 1790\n"
      "MA-L,00E0B1,\"Alcatel-Lucent, Enterprise Business Group\",26801 West Agoura Road US\n"
      "MA-L,001B63,\"Apple, Inc.\",1 Infinite Loop Cupertino CA US 95014\n"
      "MA-L,00000C,Cisco Systems, Inc,80 West Tasman Drive San Jose CA US 94568\n"
      "MA-L,0000AA,Xerox,Xerox Systems Institute\n"
      "MA-L,001E8F,CANON INC.,3-30-2 Shimomaruko Tokyo JP 146-8501\n"
      "MA-L,00D0EF,IGT,9295 PROTOTYPE DRIVE RENO NV US 89511\n";
  // usb.ids and pci.ids: vendor lines, then their devices' lines after a tab.
  const std::string usb =
      "# List of USB ID's\n"
      "#\n"
      "0421  Nokia Mobile Phones\n"
      "\t0001  E61i (PC Suite mode)\n"
      "8086  Intel Corp.\n"
      "0451  Texas Instruments, Inc.\n"
      "1234  Philips Semiconductors\n"
      "C 00  (Defined at Interface level)\n";
  Gazetteer g;
  g.load_company_registry(dir.write("oui.csv", oui));
  g.load_company_registry(dir.write("usb.ids", usb));
  g.load_company_registry(dir.write("missing/none.ids", ""));
  for (const char* name :
       {"sony", "alcatel-lucent", "apple", "cisco", "xerox", "canon", "igt", "intel", "philips"})
    BOOST_TEST(g.company(name), name);
  // Names of two words or more without their legal form, and a device's line, name no company.
  for (const char* name : {"american", "micro-fuel", "nokia", "texas", "e61i", "defined", "inc"})
    BOOST_TEST(!g.company(name), name);
  BOOST_TEST(g.companies() == 9u);
}

BOOST_AUTO_TEST_SUITE_END()
