// Unit tests for the merges --names suggests: acronyms the texts define, forms of one
// organization's name, and one-word names of people, each with the cases that keep names apart.
#include "searcher/names.h"

#include <algorithm>
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
                                   const morgue::Evidence& evidence = {},
                                   std::function<bool(const std::string&)> open = nullptr) {
  if (!open) open = [](const std::string&) { return true; };
  std::vector<std::string> out;
  for (const auto& [key, p] : morgue::propose_merges(field, names, evidence, open))
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
  // A long form in lower case defines it too (so that "producer price index (PPI)" counts against
  // the Pensions Policy Institute); a possessive is no part of the name.
  BOOST_TEST(morgue::defined_acronyms("the producer price index (PPI) rose") ==
             (Defined{{"PPI", "producer price index"}}));
  BOOST_TEST(
      morgue::defined_acronyms("donate to the Disasters Emergency Committee's (DEC) appeal") ==
      (Defined{{"DEC", "Disasters Emergency Committee"}}));
  // Initials that do not spell it, a comma between, too long: none.
  BOOST_TEST(morgue::defined_acronyms("the European Union (UN)").empty());
  BOOST_TEST(morgue::defined_acronyms("Europe, Union (EU)").empty());
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
  // Places get no organization's merges.
  BOOST_TEST(suggested("place", names_of({{"Liberal Democrats", 66}, {"Lib Dems", 52}})).empty());
}

BOOST_AUTO_TEST_CASE(an_acronym_needs_most_of_its_definitions) {
  const auto names = names_of({{"EU", 70},
                               {"European Union", 47},
                               {"PA", 3},
                               {"UN", 5},
                               {"United Nations", 9},
                               {"Press Association", 2},
                               {"Palestinian Authority", 1}});
  morgue::Evidence evidence;
  evidence.acronyms = {
      {"eu", {{"european union", 4}, {"europe unite", 1}}},              // 80% of the definitions
      {"pa", {{"press association", 1}, {"palestinian authority", 1}}},  // half each
      {"un", {{"united nations", 3}, {"union nationale", 1}}}};          // 75%
  BOOST_TEST(suggested("org", names, evidence) ==
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

namespace {

// Evidence of articles: each name (as written) and the indexes of its articles.
morgue::Evidence seen_in(
    std::initializer_list<std::pair<const char*, std::vector<std::uint32_t>>> list) {
  morgue::Evidence e;
  for (const auto& [name, articles] : list) e.articles[morgue::name_key(name)] = articles;
  return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(names_evidence)

BOOST_AUTO_TEST_CASE(an_acronym_no_article_defines_joins_the_name_beside_it) {
  const auto names = names_of({{"FA", 8},
                               {"Football Association", 5},
                               {"WTO", 8},
                               {"World Tourism Organisation", 1},
                               {"UKIP", 4},
                               {"UK Independence Party", 4},
                               {"EC", 4},
                               {"European Commission", 6},
                               {"European Council", 3}});
  const morgue::Evidence e = seen_in({{"FA", {1, 2, 3, 4, 5, 6, 7, 8}},
                                      {"Football Association", {1, 2, 20, 21, 22}},
                                      {"WTO", {30, 31, 32, 33, 34, 35, 36, 37}},
                                      {"World Tourism Organisation", {30}},
                                      {"UKIP", {40, 41, 42, 43}},
                                      {"UK Independence Party", {40, 41, 42, 44}},
                                      {"EC", {50, 51, 52, 53}},
                                      {"European Commission", {50, 51, 52}},
                                      {"European Council", {53}}});
  // FA: beside it in 2 of 8 (a quarter); WTO: in 1 only; EC: two names spell it, neither with
  // 80% of the articles it shares.
  BOOST_TEST(
      suggested("org", names, e) ==
      (std::vector<std::string>{"fa -> Football Association", "ukip -> UK Independence Party"}));
  const morgue::Evidence fewer =
      seen_in({{"FA", {1, 2, 3, 4, 5, 6, 7, 8}}, {"Football Association", {1, 20, 21, 22, 23}}});
  BOOST_TEST(suggested("org", names_of({{"FA", 8}, {"Football Association", 5}}), fewer).empty());
  // Where articles define it as the name beside it, the rule of definitions takes it; where they
  // define it as something else ("Building Society Association (BSA)" beside the Business
  // Software Alliance's "BSA"), neither rule does.
  const auto bsa = names_of({{"BSA", 3}, {"Business Software Alliance", 2}});
  morgue::Evidence defined = seen_in({{"BSA", {1, 2, 3}}, {"Business Software Alliance", {1, 2}}});
  defined.acronyms = {{"bsa", {{"business software alliance", 4}}}};
  BOOST_TEST(suggested("org", bsa, defined) ==
             (std::vector<std::string>{"bsa -> Business Software Alliance"}));
  defined.acronyms = {{"bsa", {{"building society association", 1}}}};
  BOOST_TEST(suggested("org", bsa, defined).empty());
}

BOOST_AUTO_TEST_CASE(chambers_designations_and_countries) {
  const auto names = names_of({{"House of Lords", 26},
                               {"Lords", 6},
                               {"House of Commons", 18},
                               {"Commons", 4},
                               {"Labour", 206},
                               {"Labour Party", 6},
                               {"Congress", 16},
                               {"Congress Party", 1},
                               {"Newcastle", 47},
                               {"Newcastle United", 1},
                               {"Manchester", 3},
                               {"Manchester United", 48},
                               {"Manchester City", 14},
                               {"Federal Reserve", 4},
                               {"US Federal Reserve", 2},
                               {"Treasury", 5},
                               {"US Treasury", 2}});
  morgue::Evidence e = seen_in({{"House of Lords", {1, 2, 3}},
                                {"Lords", {1, 2, 3, 4}},
                                {"House of Commons", {5}},
                                {"Commons", {6, 7, 8, 9}},
                                {"Labour", {10, 11}},
                                {"Labour Party", {11}},
                                {"Congress", {12}},
                                {"Congress Party", {13}},
                                {"Manchester", {14}},
                                {"Manchester United", {14}},
                                {"Manchester City", {14}},
                                {"Federal Reserve", {20, 21, 22, 23}},
                                {"US Federal Reserve", {20}},
                                {"Treasury", {30, 31, 32, 33, 34}},
                                {"US Treasury", {30}}});
  e.named_places = {"newcastle", "manchester"};
  e.country = [](const std::string& name) -> const std::string* {
    static const std::string us = "United States", uk = "United Kingdom";
    return name == "US" ? &us : name == "UK" ? &uk : nullptr;
  };
  e.places_of.resize(40);
  for (std::uint32_t a : {20, 21, 22, 23, 30}) e.places_of[a] = {"united states"};
  for (std::uint32_t a : {31, 32, 33, 34}) e.places_of[a] = {"united kingdom"};
  // Lords beside the House in 3 of its 4 articles; Commons in none. Labour Party beside Labour;
  // Congress Party never beside Congress, no place; Newcastle a place the articles name; Manchester
  // has two designations. The Federal Reserve's articles all name the United States; the Treasury's
  // one in five.
  BOOST_TEST(suggested("org", names, e) ==
             (std::vector<std::string>{"labour party -> Labour", "lords -> House of Lords",
                                       "newcastle united -> Newcastle",
                                       "us federal reserve -> Federal Reserve"}));
}

BOOST_AUTO_TEST_CASE(nicknames_games_sponsors_and_companies_in_full) {
  const auto names = names_of({{"Conservatives", 138},
                               {"Conservative Party", 11},
                               {"Tory Party", 4},
                               {"Tories", 2},
                               {"Tory Story", 1},
                               {"Leeds", 18},
                               {"Leeds United", 1},
                               {"Leeds Rhinos", 1},
                               {"Leeds Tykes", 1},
                               {"Athens Olympics", 13},
                               {"Athens Games", 8},
                               {"Commonwealth Games", 5},
                               {"RBS", 2},
                               {"Six Nations", 11},
                               {"RBS Six Nations", 8},
                               {"Treasury", 33},
                               {"HBOS", 3},
                               {"HBOS Treasury", 1},
                               {"BBC", 40},
                               {"BBC Sport", 3},
                               {"Sport", 2},
                               {"Disney", 12},
                               {"Walt Disney Company", 1},
                               {"Royal Shakespeare Company", 1},
                               {"Shakespeare", 2},
                               {"BBC Radio 4", 58},
                               {"Radio 4", 10},
                               {"BBC Radio Scotland", 5},
                               {"STV Radio Scotland", 2},
                               {"Radio Scotland", 3}});
  const morgue::Evidence e = seen_in({{"Conservatives", {1, 2}},
                                      {"Conservative Party", {1, 3}},
                                      {"Leeds", {10, 11}},
                                      {"Leeds United", {10}},
                                      {"Six Nations", {20, 21, 22, 23}},
                                      {"RBS Six Nations", {20, 21, 24}},
                                      {"Treasury", {30, 31}},
                                      {"HBOS Treasury", {30}},
                                      {"BBC Sport", {40, 41}},
                                      {"Sport", {40, 41}},
                                      {"Disney", {50, 51, 52}},
                                      {"Walt Disney Company", {50}},
                                      {"Royal Shakespeare Company", {60}},
                                      {"Shakespeare", {61}}});
  // Tory stands for Conservative where the archive names the Conservative Party or the
  // Conservatives ("Tory Story" is no party). "Leeds" begins two other bodies besides its club:
  // Leeds United stays apart, though named beside it. The Athens Games are the Athens Olympics;
  // the Commonwealth Games have no Olympics. RBS Six Nations is named beside Six Nations in two
  // articles; HBOS Treasury once, and "Sport" is one word. Disney is named beside the Walt Disney
  // Company and has three times its articles; Shakespeare is never named beside the company.
  // "Radio 4" is never named beside "BBC Radio 4" (an article's own names make it the long one),
  // but BBC is the only owner written before it; "Radio Scotland" has two.
  BOOST_TEST(
      suggested("org", names, e) ==
      (std::vector<std::string>{
          "athens games -> Athens Olympics", "conservative party -> Conservatives",
          "radio 4 -> BBC Radio 4", "rbs six nations -> Six Nations", "tories -> Conservatives",
          "tory party -> Conservative Party", "walt disney company -> Disney"}));
}

BOOST_AUTO_TEST_CASE(titles_link_a_surname_or_keep_it_apart) {
  const auto names = names_of({{"George W Bush", 20},
                               {"Kate Bush", 2},
                               {"Bush", 17},
                               {"Charles Kennedy", 47},
                               {"Kennedy", 3}});
  morgue::Evidence e;
  e.titles["george w bush"] = {{"President"}, {"Mr", "President"}};
  e.titles["kate bush"] = {{}, {}};
  e.titles["bush"] = std::vector<std::set<std::string>>(16, {"President"});
  e.titles["bush"].push_back({});
  e.titles["charles kennedy"] = {{"Mr"}, {}};
  e.titles["kennedy"] = {{"Baroness"}, {}, {}};
  // Bush: too many articles of its own for the share rule, but "President" in 16 of its 17, and
  // only George W Bush's articles give it. Kennedy: "Baroness" in one, never Charles Kennedy's.
  BOOST_TEST(suggested("person", names, e) == (std::vector<std::string>{"bush -> George W Bush"}));
  e.titles["kate bush"] = {{"President"}, {}};  // two full names with the title: no evidence
  BOOST_TEST(suggested("person", names, e).empty());
  e.titles.erase("kennedy");  // no titles: the share rule alone
  BOOST_TEST(suggested("person", names, e) ==
             (std::vector<std::string>{"kennedy -> Charles Kennedy"}));
}

BOOST_AUTO_TEST_CASE(the_names_around_a_surname_say_whose_it_is) {
  // Margaret Thatcher in articles 0-10, beside Tony Blair, the Conservatives and Labour; the
  // footballer Ben Thatcher in 11-13, beside Manchester City and Kevin Keegan; "Thatcher" alone
  // in 14. "S Jones" in 15-16, Stephen Jones in 17-27 and Simon Jones in 28-29, beside Wales,
  // Gareth Thomas and the Lions, or cricket. 370 articles more name none of them. Neither share
  // rule decides (11 of 14; 11 of 13).
  const auto names = names_of({{"Margaret Thatcher", 11},
                               {"Ben Thatcher", 3},
                               {"Thatcher", 1},
                               {"Stephen Jones", 11},
                               {"Simon Jones", 2},
                               {"S Jones", 2}});
  enum : std::uint32_t { kBlair = 100, kTories, kLabour, kCity, kKeegan, kWales, kThomas, kLions };
  auto evidence = [&](const std::vector<std::uint32_t>& around_thatcher) {
    morgue::Evidence e;
    e.context.resize(400);
    auto person = [&](const char* name, std::uint32_t id, std::uint32_t from, std::uint32_t to) {
      const std::string key = morgue::name_key(name);
      e.context_ids[key] = id;
      for (std::uint32_t a = from; a < to; ++a) {
        e.articles[key].push_back(a);
        e.context[a].push_back(id);
      }
    };
    auto around = [&](std::uint32_t id, std::uint32_t from, std::uint32_t to) {
      for (std::uint32_t a = from; a < to; ++a) e.context[a].push_back(id);
    };
    person("Margaret Thatcher", 0, 0, 11);
    person("Ben Thatcher", 1, 11, 14);
    person("Thatcher", 2, 14, 15);
    person("S Jones", 3, 15, 17);
    person("Stephen Jones", 4, 17, 28);
    person("Simon Jones", 5, 28, 30);
    around(kBlair, 0, 10);
    around(kTories, 0, 6);
    around(kLabour, 0, 9);
    around(kCity, 11, 14);
    around(kKeegan, 11, 14);
    around(kWales, 15, 28);
    around(kThomas, 15, 23);
    around(kLions, 15, 26);
    around(99, 28, 30);  // cricket
    for (std::uint32_t id : around_thatcher) e.context[14].push_back(id);
    for (auto& ids : e.context) std::sort(ids.begin(), ids.end());
    return e;
  };
  BOOST_TEST(
      suggested("person", names, evidence({kBlair, kTories, kLabour})) ==
      (std::vector<std::string>{"s jones -> Stephen Jones", "thatcher -> Margaret Thatcher"}));
  // Two names in common are too few; beside Manchester City and Keegan as well, the article
  // points to neither; no evidence, no merge.
  BOOST_TEST(suggested("person", names, evidence({kBlair, kTories})) ==
             (std::vector<std::string>{"s jones -> Stephen Jones"}));
  BOOST_TEST(suggested("person", names, evidence({kBlair, kTories, kLabour, kCity, kKeegan})) ==
             (std::vector<std::string>{"s jones -> Stephen Jones"}));
  BOOST_TEST(suggested("person", names).empty());
  // An article of "Thatcher" that points to Ben Thatcher keeps it apart: another full name takes
  // one of its articles.
  auto two = evidence({kBlair, kTories, kLabour});
  two.articles["thatcher"].push_back(30);
  two.context[30] = {2, kCity, kKeegan, 106};
  for (std::uint32_t a = 11; a < 14; ++a) {
    two.context[a].push_back(106);  // Maine Road
    std::sort(two.context[a].begin(), two.context[a].end());
  }
  BOOST_TEST(suggested("person", names, two) ==
             (std::vector<std::string>{"s jones -> Stephen Jones"}));
  // Titles: "Prime Minister Thatcher" where no article titles Margaret Thatcher at all leaves it
  // to the names around it; "Mrs Thatcher" beside a full name never titled keeps it apart (Mrs
  // Wilkinson of Billy Elliot, never Jonny Wilkinson); so does an office beside a full name the
  // archive titles otherwise ("Baroness Thatcher").
  auto titled = evidence({kBlair, kTories, kLabour});
  titled.titles["thatcher"] = {{"Minister"}};
  BOOST_TEST(
      suggested("person", names, titled) ==
      (std::vector<std::string>{"s jones -> Stephen Jones", "thatcher -> Margaret Thatcher"}));
  titled.titles["thatcher"] = {{"Mrs"}};
  BOOST_TEST(suggested("person", names, titled) ==
             (std::vector<std::string>{"s jones -> Stephen Jones"}));
  // With no names around it, an office keeps it apart even where the share rule would join it
  // (review: "General Jackson" is no Michael Jackson's by counts alone).
  const auto jacksons = names_of({{"Michael Jackson", 40}, {"Jackson", 3}});
  morgue::Evidence general;
  general.titles["jackson"] = {{"General"}, {"General"}, {"General"}};
  BOOST_TEST(suggested("person", jacksons, general).empty());
  general.titles.erase("jackson");
  BOOST_TEST(suggested("person", jacksons, general) ==
             (std::vector<std::string>{"jackson -> Michael Jackson"}));
  titled.titles["thatcher"] = {{"Minister"}};
  titled.titles["margaret thatcher"] = {{"Baroness"}, {}};
  BOOST_TEST(suggested("person", names, titled) ==
             (std::vector<std::string>{"s jones -> Stephen Jones"}));
}

BOOST_AUTO_TEST_CASE(middle_names_and_misspelt_surnames) {
  const auto names = names_of({{"George W Bush", 20},
                               {"George Bush", 5},
                               {"Mikhail Khodorkovsky", 19},
                               {"Mikhail Khordokovsky", 1},
                               {"Mark Thompson", 6},
                               {"Mark Thomson", 1},
                               {"Jose Antonio Reyes", 4},
                               {"Jose Reyes", 2}});
  // Thomson has seven letters, too short to be a misspelling; Jose Antonio Reyes has fewer than
  // three times the articles of Jose Reyes.
  BOOST_TEST(suggested("person", names) ==
             (std::vector<std::string>{"george bush -> George W Bush",
                                       "mikhail khordokovsky -> Mikhail Khodorkovsky"}));
  // Named side by side in an article, they are two people.
  const morgue::Evidence e = seen_in({{"George W Bush", {1, 2}}, {"George Bush", {2, 3}}});
  BOOST_TEST(suggested("person", names, e) ==
             (std::vector<std::string>{"mikhail khordokovsky -> Mikhail Khodorkovsky"}));
}

BOOST_AUTO_TEST_CASE(a_misspelt_place_the_gazetteer_does_not_know) {
  const auto names = names_of({{"Lansdowne Road", 16},
                               {"Landsdowne Road", 1},
                               {"Slovenia", 9},
                               {"Slovakia", 2},
                               {"Austria", 9},
                               {"Austrian", 1},
                               {"Colombia", 3},
                               {"Columbia", 2}});
  morgue::Evidence e;
  e.country = [](const std::string& name) -> const std::string* {
    static const std::string known = "known";
    return name == "Colombia" || name == "Columbia" ? &known : nullptr;
  };
  // Slovakia is two letters from Slovenia; Austrian is Austria and a letter, a word of its own;
  // Columbia the gazetteer knows.
  BOOST_TEST(suggested("place", names, e) ==
             (std::vector<std::string>{"landsdowne road -> Lansdowne Road"}));
}

BOOST_AUTO_TEST_CASE(the_titles_written_before_a_name) {
  const std::string text =
      "President George W Bush met Mr. Blair. Later, President Bush's aides and Baroness "
      "Kennedy spoke; the Prime Minister Blair and Bushes of Kent; Presidents Bush.";
  BOOST_TEST(morgue::titles_before(text, "George W Bush", true) ==
             (std::set<std::string>{"President"}));
  BOOST_TEST(morgue::titles_before(text, "Bush", false) == (std::set<std::string>{"President"}));
  BOOST_TEST(morgue::titles_before(text, "Tony Blair", true) ==
             (std::set<std::string>{"Minister", "Mr"}));
  BOOST_TEST(morgue::titles_before(text, "Kennedy", false) == (std::set<std::string>{"Baroness"}));
  BOOST_TEST(morgue::titles_before(text, "Smith", true).empty());
}

BOOST_AUTO_TEST_SUITE_END()
