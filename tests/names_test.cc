// Unit tests for the merges --names suggests: acronyms the texts define, forms of one
// organization's name, and one-word names of people, each with the cases that keep names apart.
#include "searcher/names.h"

#include <boost/test/unit_test.hpp>

#include "common/schema.h"

namespace {

using Defined = std::vector<std::pair<std::string, std::string>>;

// Names as the listing counts them: spelling -> articles, by key.
std::map<std::string, morgue::NameCount> names_of(
    std::initializer_list<std::pair<const char*, Xapian::doccount>> list) {
  std::map<std::string, morgue::NameCount> out;
  for (const auto& [name, n] : list) out[morgue::name_key(name)] = {name, n};
  return out;
}

// What each key is suggested to become, "key -> canonical" lines in key order.
std::vector<std::string> suggested(const char* field,
                                   const std::map<std::string, morgue::NameCount>& names,
                                   const morgue::AcronymCounts& acronyms = {},
                                   std::function<bool(const std::string&)> open = nullptr) {
  if (!open) open = [](const std::string&) { return true; };
  std::vector<std::string> out;
  for (const auto& [key, p] : morgue::propose_merges(field, names, acronyms, open))
    out.push_back(key + " -> " + p.canonical);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(names)

BOOST_AUTO_TEST_CASE(acronyms_are_defined_by_the_initials_before_them) {
  BOOST_TEST(morgue::defined_acronyms("leaders of the European Union (EU) met") ==
             (Defined{{"EU", "European Union"}}));
  BOOST_TEST(morgue::defined_acronyms(
                 "the Organisation for Economic Co-operation and Development (OECD) said") ==
             (Defined{{"OECD", "Organisation for Economic Co-operation and Development"}}));
  BOOST_TEST(morgue::defined_acronyms("Securities and Exchange Commission (SEC).") ==
             (Defined{{"SEC", "Securities and Exchange Commission"}}));
  // Initials that do not spell it, a comma between, lower case, too long: none.
  BOOST_TEST(morgue::defined_acronyms("the European Union (UN)").empty());
  BOOST_TEST(morgue::defined_acronyms("Europe, Union (EU)").empty());
  BOOST_TEST(morgue::defined_acronyms("the european union (EU)").empty());
  BOOST_TEST(morgue::defined_acronyms("A Bb Cc Dd Ee Ff Gg (ABCDEFG)").empty());
  BOOST_TEST(morgue::defined_acronyms("(EU) at the start, and (x) and (").empty());
}

BOOST_AUTO_TEST_CASE(organizations_merge_by_their_forms) {
  const auto names = names_of({{"Liberal Democrats", 66},
                               {"Liberal Democrat", 50},
                               {"Lib Dems", 52},
                               {"Lib Dem", 41},
                               {"Liberal Democrats'", 5},
                               {"BBC News", 19},
                               {"BBC's Newsnight", 3},
                               {"HBOS", 4},
                               {"HBO", 2},
                               {"Greens", 3},
                               {"Green", 2},
                               {"Manchester United", 48},
                               {"Manchester United-Arsenal", 1}});
  BOOST_TEST(
      suggested("org", names) ==
      (std::vector<std::string>{"lib dem -> Liberal Democrats", "lib dems -> Liberal Democrats",
                                "liberal democrat -> Liberal Democrats",
                                "liberal democrats' -> Liberal Democrats"}));
  // The codebook's names get none.
  BOOST_TEST(suggested("org", names, {}, [](const std::string& k) { return k != "lib dems"; }) ==
             (std::vector<std::string>{"lib dem -> Liberal Democrats",
                                       "liberal democrat -> Liberal Democrats",
                                       "liberal democrats' -> Liberal Democrats"}));
  // People and places get no organization's merges.
  BOOST_TEST(suggested("place", names).empty());
}

BOOST_AUTO_TEST_CASE(an_acronym_needs_most_of_its_definitions) {
  const auto names = names_of({{"EU", 70},
                               {"European Union", 47},
                               {"PA", 3},
                               {"UN", 5},
                               {"United Nations", 9},
                               {"Press Association", 2},
                               {"Palestinian Authority", 1}});
  const morgue::AcronymCounts acronyms = {
      {"eu", {{"european union", 4}, {"europe unite", 1}}},              // 80% of the definitions
      {"pa", {{"press association", 1}, {"palestinian authority", 1}}},  // half each
      {"un", {{"united nations", 3}, {"union nationale", 1}}}};          // 75%
  BOOST_TEST(suggested("org", names, acronyms) ==
             (std::vector<std::string>{"eu -> European Union"}));
}

BOOST_AUTO_TEST_CASE(a_surname_joins_the_one_full_name_that_has_nearly_all_its_articles) {
  BOOST_TEST(suggested("person", names_of({{"Tony Blair", 147},
                                           {"Cherie Blair", 7},
                                           {"Blair", 12},
                                           {"Blair Babes", 1}})) ==
             (std::vector<std::string>{"blair -> Tony Blair"}));
  // Two Smiths of like weight; a full name with fewer than twice the articles; a first name.
  BOOST_TEST(
      suggested("person", names_of({{"Alex Smith", 5}, {"Jo Smith", 4}, {"Smith", 3}})).empty());
  BOOST_TEST(suggested("person", names_of({{"Cristiano Ronaldo", 6}, {"Ronaldo", 7}})).empty());
  BOOST_TEST(
      suggested("person", names_of({{"Ray Charles", 18}, {"Charles Kennedy", 47}, {"Charles", 4}}))
          .empty());
  BOOST_TEST(
      suggested("person", names_of({{"Matsushita and Samsung", 9}, {"Samsung", 2}})).empty());
}

BOOST_AUTO_TEST_CASE(an_initial_joins_the_one_full_name_it_fits) {
  BOOST_TEST(
      suggested("person", names_of({{"Jamie Noon", 11},
                                    {"J Noon", 5},
                                    {"Noon", 1},
                                    {"Matt Williams", 13},
                                    {"Martyn Williams", 8},
                                    {"M Williams", 5},
                                    {"M. Lewis-Francis", 1},
                                    {"Mark Lewis-Francis", 14}})) ==
      (std::vector<std::string>{"j noon -> Jamie Noon", "m. lewis-francis -> Mark Lewis-Francis",
                                "noon -> Jamie Noon"}));
  // The initial's articles count for the full name: 3 + 2, twice the 2 of "Lewsey".
  BOOST_TEST(suggested("person", names_of({{"Josh Lewsey", 3}, {"J Lewsey", 2}, {"Lewsey", 2}})) ==
             (std::vector<std::string>{"j lewsey -> Josh Lewsey", "lewsey -> Josh Lewsey"}));
}

BOOST_AUTO_TEST_CASE(spellings_and_first_names_written_otherwise_join_the_frequent_one) {
  BOOST_TEST(suggested("person", names_of({{"Robert Kilroy-Silk", 11},
                                           {"Robert Kilroy Silk", 3},
                                           {"Steven Gerrard", 15},
                                           {"Steve Gerrard", 1},
                                           {"Mathew Tait", 12},
                                           {"Matthew Tait", 1},
                                           {"Mark Robinson", 5},
                                           {"Mary Robinson", 1},
                                           {"Alan Johnson", 5},
                                           {"Alana Johnson", 2},
                                           {"Jamie Roberts", 4},
                                           {"James Roberts", 2}})) ==
             (std::vector<std::string>{"matthew tait -> Mathew Tait",
                                       "robert kilroy silk -> Robert Kilroy-Silk",
                                       "steve gerrard -> Steven Gerrard"}));
  // An initial that two full names fit goes under one with 90% of their articles, else none.
  BOOST_TEST(suggested("person", names_of({{"Matt Dawson", 10},
                                           {"Michael Dawson", 1},
                                           {"M Dawson", 5},
                                           {"Matt Owen", 3},
                                           {"Mike Owen", 2},
                                           {"M Owen", 4}})) ==
             (std::vector<std::string>{"m dawson -> Matt Dawson"}));
}

BOOST_AUTO_TEST_SUITE_END()
