// Extraction: tokens, canonical names, dates and outlets from text, and the whole extractor on
// bad input.
#include "extract/extract.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cstdio>
#include <random>
#include <string>

#include "common/text.h"
#include "extract/entity_rules.h"
#include "extract/names.h"
#include "extract/ner.h"
#include "extract/outlets.h"
#include "extract/publication_date.h"

using namespace morgue;

namespace {
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& s : ner::tokenize(text)) {
    for (const auto& t : s.tokens) out.emplace_back(t.text);
  }
  return out;
}
const Extractor& extractor() {
  static const auto e = make_default_extractor(default_extraction_data());
  return *e;
}
Article extracted(const std::string& text) {
  Article a;
  a.text = text;
  extractor().complete(a);
  return a;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(extract)

BOOST_AUTO_TEST_CASE(tokens_as_conll_has_them) {
  const std::vector<std::string> want = {"Noem", "\xE2\x80\x99s", "visit", "to",      "the",
                                         "U.S.", "with",          "Mr.",   "O'Brien", "cost",
                                         "$",    "1,000",         "."};
  BOOST_TEST(words("Noem\xE2\x80\x99s visit to the U.S. with Mr. O'Brien cost $1,000.") == want,
             boost::test_tools::per_element());
  // Capitals joined by "&" are one name's token, as CoNLL-2003 has "S&P"; a common noun's
  // abbreviation ("R&B") and a spaced "&" stay apart.
  const std::vector<std::string> ampersands = {"AT&T", "and", "M&S",   "sell", "R",      "&",
                                               "B",    "and", "Marks", "&",    "Spencer"};
  BOOST_TEST(words("AT&T and M&S sell R&B and Marks & Spencer") == ampersands,
             boost::test_tools::per_element());
  // A line break ends a sentence, except inside hard-wrapped wire copy.
  BOOST_TEST(ner::tokenize("Why It Matters\nNoem visited.").size() == 2u);
  BOOST_TEST(
      ner::tokenize("Standard Oil Co and BP North America said on\nThursday they would merge.")
          .size() == 1u);
  // An abbreviation's period before a sentence's first word ends the sentence; an acronym's is
  // the stop ("SEC"), an abbreviation keeps it ("Ore."); before a name it stays inside.
  const std::vector<std::string> sec = {"the", "SEC", ".", "The", "company"};
  BOOST_TEST(words("the SEC. The company") == sec, boost::test_tools::per_element());
  BOOST_TEST(ner::tokenize("review by the SEC. The company said no.").size() == 2u);
  BOOST_TEST(ner::tokenize("It is in Portland, Ore. The plant closed.").size() == 2u);
  BOOST_TEST(ner::tokenize("It is in Portland, Ore. The plant closed.")[0].tokens.back().text ==
             "Ore.");
  BOOST_TEST(ner::tokenize("Sen. Smith and Mr. Jones met at the U.S. Capitol.").size() == 1u);
  // Not after "vs.", nor in a line of capitals.
  BOOST_TEST(ner::tokenize("He cited Brown vs. The Board of Education today.").size() == 1u);
  BOOST_TEST(ner::tokenize("ACME INC. THE COMPANY SAID").size() == 1u);
  // A space lost after a stop: "Center.President" is two sentences; an address is one word.
  const std::vector<std::string> glued = {"the", "Center", ".", "President", "Trump"};
  BOOST_TEST(words("the Center.President Trump") == glued, boost::test_tools::per_element());
  const std::vector<std::string> site = {"fansite", "Halo.Bungie.Org", "said"};
  BOOST_TEST(words("fansite Halo.Bungie.Org said") == site, boost::test_tools::per_element());
  const std::vector<std::string> shop = {"Amazon.Com", "Inc", "said"};
  BOOST_TEST(words("Amazon.Com Inc said") == shop, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(people_are_canonical_within_an_article) {
  BOOST_TEST(strip_person_name("Homeland Security Secretary Kristi Noem\xE2\x80\x99s") ==
             "Kristi Noem");
  BOOST_TEST(strip_person_name("Salvadoran President Nayib Bukele") == "Nayib Bukele");
  BOOST_TEST(strip_person_name("Sec. Noem") == "Noem");
  BOOST_TEST(strip_person_name("Salvadoran Minister") == "");
  // Titles that are also surnames end a name of two words or more.
  BOOST_TEST(strip_person_name("Prime Minister John Major") == "John Major");
  BOOST_TEST(strip_person_name("Martin Luther King Jr.") == "Martin Luther King Jr.");
  BOOST_TEST(strip_person_name("King Hussein") == "Hussein");
  BOOST_TEST(strip_person_name("Billie Jean King") == "Billie Jean King");
  BOOST_TEST(strip_person_name("Lieutenant-Colonel Max Marriner") == "Max Marriner");
  const auto people = canonical_people({"Noem", "Kristi Noem", "Gustavo Villatoro",
                                        "H\xC3\xA9"
                                        "ctor Gustavo Villatoro",
                                        "Trump", "noem"});
  const std::vector<std::string> want = {"Kristi Noem",
                                         "H\xC3\xA9"
                                         "ctor Gustavo Villatoro",
                                         "Trump"};
  BOOST_TEST(people == want, boost::test_tools::per_element());
  // An initial and a surname (a team sheet's) are the one longer name that fits (BBC News
  // sport/377); not two, nor none.
  const auto sheet = canonical_people({"G Murphy", "Geordan Murphy", "S Easterby", "G Easterby",
                                       "J Thomas", "Jonathan Thomas", "Jamie Thomas", "K. Morgan"});
  const std::vector<std::string> sheet_want = {"Geordan Murphy", "S Easterby",      "G Easterby",
                                               "J Thomas",       "Jonathan Thomas", "Jamie Thomas",
                                               "K. Morgan"};
  BOOST_TEST(sheet == sheet_want, boost::test_tools::per_element());
  BOOST_TEST(
      canonical_people({"K. Morgan", "Kevin Morgan"}) == std::vector<std::string>{"Kevin Morgan"},
      boost::test_tools::per_element());
  BOOST_TEST(strip_article("The Daily Wire") == "Daily Wire");
  BOOST_TEST(strip_article("The Guardian") == "The Guardian");
}

BOOST_AUTO_TEST_CASE(dates_from_lines_with_a_role) {
  auto d = find_publication_date(
      "Noem visited on Wednesday.\n\xE2\x80\x94 Secretary Kristi Noem (@Sec_Noem) March 26, "
      "2025\nMore.");
  BOOST_REQUIRE(d);
  BOOST_TEST(to_string(d->date) == "2025-03-26");
  BOOST_TEST(d->basis == "embedded post");
  // An update line on a Tuesday cannot date an article about a visit "on Wednesday".
  BOOST_TEST(
      !find_publication_date("She visited on Wednesday.\nUpdate: 3/25/25, 7:50 p.m. ET: updated."));
  BOOST_TEST(to_string(find_publication_date("Published March 3, 2024\nText.")->date) ==
             "2024-03-03");
  // Two equally good lines that disagree give no date.
  BOOST_TEST(!find_publication_date("Published March 3, 2024\nPublished March 5, 2024\nText."));
  // A weekday written with the date must be the date's.
  BOOST_TEST(dates_in_line("Wednesday, March 26, 2025").size() == 1u);
  BOOST_TEST(dates_in_line("Monday, March 26, 2025").empty());
  BOOST_TEST(dates_in_line("February 30, 2025").empty());
  // Month names as date.h reads them, abbreviated or whole, with or without a period.
  const std::vector<Date> months = dates_in_line("Sept. 3, 2024; 4 june 2024; Jan 5, 2024");
  BOOST_REQUIRE(months.size() == 3u);
  BOOST_TEST(to_string(months[0]) == "2024-09-03");
  BOOST_TEST(to_string(months[1]) == "2024-06-04");
  BOOST_TEST(to_string(months[2]) == "2024-01-05");
  BOOST_TEST(dates_in_line("Marc 3, 2024").empty());
  // Prose dates are not publication dates.
  BOOST_TEST(!find_publication_date(
      "Intro line.\nSecond.\nThird.\nFourth.\nThe law of March 3, 1999 was cited in a long "
      "sentence about it.\nFifth.\nSixth.\nSeventh.\nEighth."));
}

BOOST_AUTO_TEST_CASE(the_publisher_only_when_the_text_names_it_as_such) {
  auto o = find_outlets("Text.\nThe post Photos Show It appeared first on Newsweek.");
  BOOST_TEST(o.own == "Newsweek");
  BOOST_TEST(find_outlets("WASHINGTON (AP) \xE2\x80\x94 The Senate voted.").own ==
             "Associated Press");
  BOOST_TEST(find_outlets("Body.\n\xC2\xA9 2025 Example Media. All rights reserved.").own ==
             "Example Media");
  // A website's name that opens the text before a dash, or in a dateline's brackets; not an
  // address, "dot.com", nor a site named later.
  o = find_outlets("washingtonpost.com - Oracle is one step closer to taking over PeopleSoft.");
  BOOST_TEST(o.own == "washingtonpost.com");
  BOOST_TEST(o.basis == "site line");
  BOOST_TEST(find_outlets("p2pnet.net News:- Defects in Siemens phones.").own == "p2pnet.net");
  BOOST_TEST(find_outlets("FT.com \xE2\x80\x94 Shares in Sohu.com rose.").own == "FT.com");
  o = find_outlets("NEW YORK, September 22 (newratings.com) - A witness said.");
  BOOST_TEST(o.own == "newratings.com");
  BOOST_TEST(o.basis == "site dateline");
  for (const char* none : {"www.dec.org - Give now.", "dot.com - a boom.",
                           "Shares in Sohu.com - a Chinese portal - rose.",
                           "Amazon.com said sales rose - by 10%.", "(Amazon.com) said it would."})
    BOOST_TEST(find_outlets(none).own == "", none);
  // The source a title ends with in brackets, where the text opens with it before a dash (an
  // agency by its full name); a dateline's bracket that reads as an outlet.
  o = find_outlets("AP - Stanford offensive coordinator Bill Cubit was hired Tuesday.",
                   "Stanford's Cubit Hired As W. Mich. Coach (AP)");
  BOOST_TEST(o.own == "Associated Press");
  BOOST_TEST(o.basis == "source line");
  BOOST_TEST(find_outlets("InfoWorld - Microsoft and Sun publish a specification.",
                          "Microsoft, Sun push IT management (InfoWorld)")
                 .own == "InfoWorld");
  BOOST_TEST(find_outlets("PROVO, Utah (Sports Network) - Gary Crowton has resigned.").own ==
             "Sports Network");
  BOOST_TEST(find_outlets("AP - Stanford hired Bill Cubit.").own == "");
  BOOST_TEST(
      find_outlets("Stanford hired Cubit, AP - the agency - said.", "Cubit Hired (AP)").own == "");
  BOOST_TEST(find_outlets("APPLE - Shares rose.", "Apple Shares Rise (AP)").own == "");
  BOOST_TEST(find_outlets("MADRID (Champions League) - Real won.").own == "");
  // (a bracket in a dateline only, with an outlet's name; a sentence after the dash)
  for (const char* none : {"Senator Jim Jeffords (Independent) - Vermont, said he would stay.",
                           "Results: John Smith (Daily Mail) - best columnist.",
                           "LONDON (Standard & Poor's) - The agency cut the rating.",
                           "Amazon.com - the online retailer - said sales rose."})
    BOOST_TEST(find_outlets(none).own == "", none);
  BOOST_TEST(find_outlets("AP - the agency said.", "Cubit Hired (AP)").own == "");
  BOOST_TEST(find_outlets("TORONTO (CP) - The Maple Leafs won.").own == "Canadian Press");
  BOOST_TEST(find_outlets("SAN FRANCISCO (CBS.MW) - Stocks fell.").own == "CBS MarketWatch");
  o = find_outlets(
      "Crowded cells, the New York Post reported.\nFrom The New York Post:\nIt holds 40,000, Fox "
      "News "
      "reported, according to The Guardian. Smith reported nothing.");
  BOOST_TEST(o.own == "");
  const std::vector<std::string> want = {"New York Post", "Fox News", "The Guardian"};
  BOOST_TEST(o.cited == want, boost::test_tools::per_element());
  // A possessive ends the outlet's name: the programme after it is the outlet's own.
  o = find_outlets(
      "He told BBC Radio Scotland's Good Morning Scotland programme: \"Yes.\" She told BBC "
      "Two\xE2\x80\x99s Newsnight so. He told BBC Radio 4, twice.");
  const std::vector<std::string> stations = {"BBC Radio Scotland", "BBC Two", "BBC Radio 4"};
  BOOST_TEST(o.cited == stations, boost::test_tools::per_element());
  BOOST_TEST(looks_like_outlet("CNN"));
  BOOST_TEST(!looks_like_outlet("John Smith"));
}

BOOST_AUTO_TEST_CASE(entities_and_canonical_places) {
  const Article a = extracted(
      "Homeland Security Secretary Kristi Noem visited El Salvador on Wednesday. Noem met "
      "President Nayib "
      "Bukele in San Salvador and returned to the U.S. on Thursday.");
  const std::vector<std::string> people = {"Kristi Noem", "Nayib Bukele"};
  BOOST_TEST(a.people == people, boost::test_tools::per_element());
  const std::vector<std::string> places = {"El Salvador", "San Salvador", "United States"};
  BOOST_TEST(a.places == places, boost::test_tools::per_element());
  // A title inside an organization's name is followed by a person's.
  const Article b = extracted(
      "In an interview on Friday, Federal Reserve Governor Lawrence Lindsey said there were "
      "mixed signals about the economy. Lindsey said rates would stay.");
  BOOST_TEST(b.people == std::vector<std::string>{"Lawrence Lindsey"},
             boost::test_tools::per_element());
}

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

BOOST_AUTO_TEST_CASE(companies_that_do_things_are_not_people) {
  // A lone unknown name with no title, no fuller form and no list around it (BBC tech/247).
  const Article a = extracted(
      "Nintendo said the media adapter will be available in Japan. Nintendo said it had no plans "
      "to sell it "
      "in Europe, said Satoru Iwata.");
  BOOST_TEST(!has(a.people, "Nintendo"));
  BOOST_TEST(has(a.people, "Satoru Iwata"));
  // ... but a title, a role or a list of people makes it a person's.
  const Article b = extracted("The deal was approved, Mr Irish said. Coach Zidane agreed.");
  BOOST_TEST(has(b.people, "Irish"));
  BOOST_TEST(has(b.people, "Zidane"));
  const Article c = extracted("The team was Given, Breen, Staunton, Irwin and Houghton.");
  BOOST_TEST(has(c.people, "Staunton"));
  BOOST_TEST(has(c.people, "Irwin"));
}

BOOST_AUTO_TEST_CASE(headline_names_need_the_text) {
  // A Title Case headline names nobody the text does not ("Tariff Tensions").
  const Article a = extracted(
      "Read More: Albanese Plans Talks with Trump as Tariff Tensions Heat Up\n"
      "President Donald Trump spoke on Wednesday.");
  BOOST_TEST(!has(a.people, "Tariff Tensions"));
  BOOST_TEST(has(a.people, "Donald Trump"));
  // A line of names is no headline: "Scorers: ..." keeps its people.
  const Article b =
      extracted("The match ended 2-0.\nScorers: Bruce Dyer (39th minute), Darren Eadie (53rd)\n");
  BOOST_TEST(has(b.people, "Bruce Dyer"));
  BOOST_TEST(has(b.people, "Darren Eadie"));
}

// AG News test-7036 and 36 more items (rules-135): the article's own title in Title Case is a
// headline even where few of its words are common ones, and a name in it is a person's only where
// the text gives that person; a word of the name the text writes alone, unsupported but by the
// title, is none.
BOOST_AUTO_TEST_CASE(a_title_names_a_person_only_the_text_names) {
  auto titled = [](const std::string& title, const std::string& text) {
    Article a;
    a.title = title;
    a.text = text;
    extractor().complete(a);
    return a;
  };
  const Article a = titled("Fake Lycos Screensaver Hides a Keylogger",
                           "Lycos made headlines during the past several days by distributing a "
                           "screensaver designed to swamp the sites of spammers.");
  BOOST_TEST(a.people.empty(), a.people.size());
  const Article b = titled("Del Monte Needs 9Lives",
                           "The leading private and branded food and pet products marketer is "
                           "spending to revamp its image.");
  BOOST_TEST(b.people.empty(), b.people.size());
  // (a surname the text writes alone is the title's person: "Tony Blair" above "Blair said")
  const Article c = titled("Tony Blair Defends Iraq Record",
                           "Blair said on Monday that he had been right to go to war.");
  BOOST_TEST(has(c.people, "Tony Blair"));
}

BOOST_AUTO_TEST_CASE(demonyms_are_neither_people_nor_places) {
  const Article a = extracted(
      "A video released by Salvadoran authorities showed the men. Central and South American "
      "migrants waited. "
      "Venezuelan officials said nothing.");
  BOOST_TEST(!has(a.people, "Salvadoran"));
  BOOST_TEST(!has(a.places, "South American"));
  BOOST_TEST(!has(a.people, "Venezuelan"));
}

// demonym() keeps its answers for the gazetteer's places as they are: a place added after one
// question changes the answer to the next (Gazetteer::places_version); another gazetteer has
// answers of its own.
BOOST_AUTO_TEST_CASE(demonym_answers_follow_the_gazetteer) {
  const std::vector<ner::Token> tokens = ner::tokenize("Iraqi officials met.").at(0).tokens;
  const ner::Span iraqi{ner::Type::kMisc, 0, 0, 0};
  ner::Gazetteer g;
  g.add("Spain", ner::Gazetteer::kCountry);
  BOOST_TEST(!rules::demonym(g, tokens, iraqi));
  g.add_country("Iraq");
  BOOST_TEST(rules::demonym(g, tokens, iraqi));
  ner::Gazetteer other;
  other.add("Spain", ner::Gazetteer::kCountry);
  BOOST_TEST(!rules::demonym(other, tokens, iraqi));
  BOOST_TEST(rules::demonym(g, tokens, iraqi));
}

BOOST_AUTO_TEST_CASE(glued_surnames_are_the_surname) {
  // "Bukelehas": a space lost in copying (corpus 004).
  const Article a = extracted(
      "El Salvador President Nayib Bukele met Noem. He [El Salvador President Nayib Bukelehas] "
      "offered his jails.");
  BOOST_TEST(has(a.people, "Nayib Bukele"));
  BOOST_TEST(!has(a.people, "Nayib Bukelehas"));
  // Found by fuzz_extract (2026-12-06): "Noemäs" folds to "noemas", but its display form ends in
  // no "as"; cutting two bytes off it left half a character ("Noem\xC3").
  const Article b = extracted(
      "Secretary Kristi Noem toured the prison on Monday. Rather predictably, Sec. "
      "Noem\xC3\xA4s video went viral.");
  for (const std::string& name : b.people) BOOST_TEST(is_valid_utf8(name), name);
  BOOST_TEST(has(b.people, "Kristi Noem"));
}

// Issue 14: 200,000 names in one article took 70 s: canonical_people compared every pair of
// names, unglue_names every name with every surname. Both are linear now; the timeout fails the
// old code by far (40,000 names: 4.1 s there, 0.6 s now; 200,000 in the first case: minutes).
BOOST_AUTO_TEST_CASE(many_names_in_one_article_are_linear, *boost::unit_test::timeout(60)) {
  std::vector<std::string> mentions;
  for (int i = 0; i < 200000; ++i) {
    mentions.push_back("Anna Kowalczyk" + std::to_string(i));
    if (i % 2) mentions.push_back("Kowalczyk" + std::to_string(i));
  }
  const auto people = canonical_people(mentions);
  BOOST_TEST(people.size() == 200000u);  // each surname alone is its full name
  BOOST_TEST(people[1] == "Anna Kowalczyk1");
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    const std::string n = std::to_string(i);
    text += "Minister Anna Kowalczyk" + n + " said prices rose. Kowalczyk" + n + "has added more. ";
  }
  const Article a = extracted(text);
  BOOST_TEST(a.people.size() > 10000u);
  BOOST_TEST(has(a.people, "Anna Kowalczyk7"));
  BOOST_TEST(!has(a.people, "Kowalczyk7has"));
}

BOOST_AUTO_TEST_CASE(organizations_around_names_and_places) {
  const Article a = extracted(
      "Manuel Flores, secretary general of the Farabundo Mart\xC3\xAD National Liberation Front, "
      "spoke. "
      "Members of Tren de Aragua were sent to El Salvador. Michael Ancell, an analyst at Edward D. "
      "Jones & Co., "
      "agreed. The aircraft carrier Carl Vinson sailed, a report in Der Spiegel said.");
  BOOST_TEST(has(a.people, "Manuel Flores"));
  BOOST_TEST(!has(a.people, "Farabundo Mart\xC3\xAD"));
  BOOST_TEST(!has(a.places, "Aragua"));
  BOOST_TEST(!has(a.people, "Edward D. Jones"));
  BOOST_TEST(!has(a.people, "Der Spiegel"));
  BOOST_TEST(has(a.places, "El Salvador"));
}

BOOST_AUTO_TEST_CASE(an_organization_of_an_organization_is_one) {
  const Article a = extracted(
      "Official data comes from the Office for National Statistics (ONS). Later the Department "
      "for Constitutional Affairs said the Bank of Japan had agreed.");
  BOOST_TEST(has(a.organizations, "Office for National Statistics"));
  BOOST_TEST(!has(a.organizations, "National Statistics"));
  BOOST_TEST(has(a.organizations, "Department for Constitutional Affairs"));
  BOOST_TEST(!has(a.organizations, "Constitutional Affairs"));
}

BOOST_AUTO_TEST_CASE(a_country_is_a_place_whatever_the_tagger_says) {
  const Article a =
      extracted("Officials of the Russian Federation said on Monday that talks would go on.");
  BOOST_TEST(!has(a.organizations, "Russian Federation"));
  BOOST_TEST(has(a.places, "Russia"));
}

BOOST_AUTO_TEST_CASE(words_around_a_name_say_it_is_an_organization) {
  const Article a = extracted(
      "Shares rose after the carmaker Nissan said profits had doubled. Nissan chairman Carlos "
      "Ghosn spoke in Tokyo. Music players come from companies such as Creative, Sony and "
      "Philips. The Conservatives say the plan fails, and it was debated in the Commons. Tech "
      "stocks rallied and drug giant Merck staged a rebound; his rival Agassi won in four sets. "
      "The figures were made public by admissions service Ucas, and the think-tank Demos and "
      "the pressure group OutRage spoke.");
  for (const char* name : {"Nissan", "Creative", "Sony", "Philips", "Conservatives", "Commons",
                           "Merck", "Ucas", "Demos", "OutRage"})
    BOOST_TEST(has(a.organizations, name), name);
  BOOST_TEST(has(a.people, "Carlos Ghosn"));
  BOOST_TEST(!has(a.organizations, "Carlos Ghosn"));
  BOOST_TEST(!has(a.organizations, "Agassi"));
  // AG News test-7411: what the article says a name is ("Google is the most dangerous media
  // company"), not a company's post ("the company's chairman") nor a giant ("Vioxx was a giant").
  const Article b = extracted(
      "While rivals scramble to catch up on the desktop, Google plans to digitize famous "
      "libraries. Its official. Google is the most dangerous media company on the planet.");
  BOOST_TEST(has(b.organizations, "Google"));
  const Article c = extracted(
      "The group is run by two brothers. Mukesh is the company's chairman and Anil its deputy. "
      "Drug makers rise and fall on a handful of drugs; Vioxx was a giant.");
  BOOST_TEST(!has(c.organizations, "Mukesh"));
  BOOST_TEST(!has(c.organizations, "Vioxx"));
  // (review) nor the object of a preposition: a post at a firm.
  const Article d = extracted(
      "Adams was a partner at the firm. Clarke was an analyst at the bank. Beckham was a star at "
      "the club.");
  for (const char* name : {"Adams", "Clarke", "Beckham"})
    BOOST_TEST(!has(d.organizations, name), name);
}

BOOST_AUTO_TEST_CASE(a_title_case_headline_names_an_organization_the_text_names) {
  Article a;
  a.title = "Intel Shrinks Transistor Size By Half";
  a.text = "The chipmaker said on Monday that its new process would ship next year.";
  extractor().complete(a);
  BOOST_TEST(a.organizations.empty());
  Article b;
  b.title = "Intel Shrinks Transistor Size By Half";
  b.text = "Intel said on Monday that its new process would ship next year.";
  extractor().complete(b);
  BOOST_TEST(b.organizations == std::vector<std::string>{"Intel"});
}

// CoNLL-2003 testa-019: in a headline every word is capitalized, and a name runs on into an
// organization's word only through words that are no other name and no small word.
BOOST_AUTO_TEST_CASE(a_headline_runs_no_name_on_past_another) {
  const Article a = extracted(
      "ATHLETICS - MITCHELL DEFEATS BAILEY IN FRONT OF FORMER CHAMPIONS.\n\n"
      "BERLIN 1996-08-30\n\nAmerican Dennis Mitchell outclassed Olympic 100 metres champion "
      "Donovan Bailey for the third time at a major meeting on Friday. Mitchell made a brilliant "
      "start and held off Bailey's strong finish.");
  BOOST_TEST(a.organizations.empty());
  BOOST_TEST(has(a.people, "Dennis Mitchell"));
  BOOST_TEST(has(a.people, "Donovan Bailey"));
  const Article b = extracted(
      "FRANKLIN CALIFORNIA TAX-FREE INCOME FUND SETS DIVIDEND\n\nThe fund said its monthly "
      "dividend would be paid on May 1.");
  BOOST_TEST(b.places.empty());
}

// corpus/: a prison is a building, no organization, however its name ends ("Center").
BOOST_AUTO_TEST_CASE(a_prison_is_no_organization) {
  const Article a = extracted(
      "Kristi Noem toured El Salvador's notorious Terrorism Confinement Center on Wednesday. "
      "He was held in Belmarsh Prison for a year, and later at Campsfield Detention Centre. "
      "A report by the Pew Research Center followed.");
  BOOST_TEST(!has(a.organizations, "Terrorism Confinement Center"));
  BOOST_TEST(!has(a.organizations, "Belmarsh Prison"));
  BOOST_TEST(!has(a.organizations, "Campsfield Detention Centre"));
  BOOST_TEST(has(a.organizations, "Pew Research Center"));
  BOOST_TEST(!has(a.people, "Terrorism Confinement"));
}

// corpus/000: a government office's name the tagger missed ("Department of Homeland Security
// Secretary Kristi Noem"), up to a post.
BOOST_AUTO_TEST_CASE(a_government_office_of_a_subject_is_one_organization) {
  const Article a = extracted(
      "Department of Homeland Security Secretary Kristi Noem toured the prison on Wednesday. "
      "The Office of Management and Budget disagreed, as did Agriculture Department officials.");
  BOOST_TEST(has(a.organizations, "Department of Homeland Security"));
  BOOST_TEST(has(a.organizations, "Office of Management and Budget"));
  BOOST_TEST(has(a.people, "Kristi Noem"));
  for (const auto& o : a.organizations) BOOST_TEST(o.find("Secretary") == std::string::npos, o);
}

// BBC politics/167, tech/199: a committee's or a council's name runs on into a person's, who is
// named after it with letters or a professor's title.
BOOST_AUTO_TEST_CASE(an_organizations_name_ends_before_its_members) {
  const Article a = extracted(
      "The chairman of the Environmental Audit Committee Peter Ainsworth MP, said the policy "
      "failed. Ruth Kelly is reported to be \"pro-life\" and has opposed embryo research. "
      "Medical Research Council Professor Nancy Rothwell said Ms Kelly's views mattered.");
  BOOST_TEST(has(a.organizations, "Environmental Audit Committee"));
  BOOST_TEST(has(a.people, "Peter Ainsworth"));
  BOOST_TEST(has(a.organizations, "Medical Research Council"));
  BOOST_TEST(has(a.people, "Nancy Rothwell"));
  for (const auto& o : a.organizations) BOOST_TEST(o.find("Ainsworth") == std::string::npos, o);
}

// BBC politics/127, sport/327: a policy and a ground are no organizations; a club named like a
// ground is.
BOOST_AUTO_TEST_CASE(a_policy_or_a_ground_is_no_organization) {
  const Article a = extracted(
      "The European Union's Common Agricultural Policy was debated by the National Commission "
      "on Dairy Policy. France lost at the Stade de France, and Stade Francais won in Paris.");
  BOOST_TEST(!has(a.organizations, "Common Agricultural Policy"));
  BOOST_TEST(has(a.organizations, "National Commission on Dairy Policy"));
  BOOST_TEST(!has(a.organizations, "Stade de France"));
  BOOST_TEST(!has(a.places, "Stade de France"));
  BOOST_TEST(has(a.organizations, "Stade Francais"));
}

// BBC tech/087, CoNLL testa-076: a members' body named by a plural and its apostrophe is one
// organization; a body of an organization named in the possessive is not part of its name.
BOOST_AUTO_TEST_CASE(a_plurals_apostrophe_and_a_body_are_one_organization) {
  const Article a = extracted(
      "At the debate, organised by the Internet Service Providers' Association (ISPA), Lord "
      "Currie spoke. The figures contradict a survey from the British Bankers' Association, "
      "which said approvals were at a low.");
  BOOST_TEST(has(a.organizations, "Internet Service Providers' Association"));
  BOOST_TEST(!has(a.organizations, "Internet Service Providers"));
  BOOST_TEST(has(a.organizations, "British Bankers' Association"));
}

// BBC sport: a town a side beat is its club; a country the national side beat stays the place.
BOOST_AUTO_TEST_CASE(a_town_a_side_beat_is_its_club) {
  const Article a = extracted(
      "Ferguson did not play in the FA Cup win over Colchester on Saturday despite recovering. "
      "Arsenal had some hairy moments in last week's win over Birmingham. England's victory "
      "over France followed.");
  BOOST_TEST(has(a.organizations, "Colchester"));
  BOOST_TEST(!has(a.places, "Colchester"));
  BOOST_TEST(has(a.organizations, "Birmingham"));
  BOOST_TEST(has(a.places, "France"));
  BOOST_TEST(!has(a.organizations, "France"));
}

// Reuters: "West German" (a place in 112 stories, an organization in 69) is a people's name; a
// region of the world is a place, however the tagger read it; "London-based" and the words
// before it are no part of a company's name.
BOOST_AUTO_TEST_CASE(where_things_are_is_no_organization) {
  const Article a = extracted(
      "West German banks would like Brazil to work more closely with the IMF. Demand from "
      "Western Europe fell, said Tokyo-based Nippon Oil Co Ltd and Hong Kong-based Techtronic "
      "Industries Co.");
  for (const auto& o : a.organizations) {
    BOOST_TEST(o.find("German") == std::string::npos, o);
    BOOST_TEST(o.find("-based") == std::string::npos, o);
  }
  for (const auto& p : a.places) BOOST_TEST(p.find("German") == std::string::npos, p);
  BOOST_TEST(has(a.places, "Western Europe"));
  BOOST_TEST(has(a.organizations, "Nippon Oil Co Ltd"));
  BOOST_TEST(has(a.organizations, "Techtronic Industries Co."));
  BOOST_TEST(has(a.places, "Tokyo"));
}

// BBC sport/125: a title's word that begins an organization's name makes no person of the rest
// ("Premier" of "the Premier League" was a title, and "League" an organization of its own in 30
// BBC and AG News articles).
BOOST_AUTO_TEST_CASE(a_title_that_begins_an_organizations_name_makes_no_person) {
  const Article a = extracted(
      "The Premier League is attempting to find a date to investigate allegations Chelsea made an "
      "illegal approach for Ashley Cole. Labour's National Executive Committee met. The talks "
      "went well, Chinese Premier Wen Jiabao told reporters in Beijing.");
  BOOST_TEST(has(a.organizations, "Premier League"));
  BOOST_TEST(!has(a.organizations, "League"));
  BOOST_TEST(!has(a.people, "League"));
  BOOST_TEST(has(a.organizations, "National Executive Committee"));
  BOOST_TEST(has(a.people, "Wen Jiabao"));
}

// BBC politics/196, tech/087, business/290 and 84 other BBC articles: the tagger ran a name on
// into words in lower case ("BBC should", "Internet service", "Bank is", "BBC offer TV"); a name
// holds such words only as small words between its capitalized ones, or to say what kind of
// place it is.
BOOST_AUTO_TEST_CASE(a_word_in_lower_case_ends_a_name) {
  const Article a = extracted(
      "What I understand less is why the BBC should be joining with the Tories in attacking him. "
      "Internet service providers have long claimed no responsibility. Huge changes are afoot, as "
      "companies such as the BBC offer TV content over the net. The Bank is expected to hold "
      "rates, and the Bank of England said so. The Palestinian self-rule Authority met.");
  for (const auto* names : {&a.people, &a.places, &a.organizations})
    for (const std::string& n : *names) {
      BOOST_TEST(n.find(" should") == std::string::npos, n);
      BOOST_TEST(n.find(" service") == std::string::npos, n);
      BOOST_TEST(n.find(" offer") == std::string::npos, n);
      BOOST_TEST(n.find(" is") == std::string::npos, n);
    }
  BOOST_TEST(has(a.organizations, "BBC"));
  BOOST_TEST(has(a.organizations, "Bank of England"));
  BOOST_TEST(has(a.organizations, "Palestinian self-rule Authority"));

  // (CoNLL eng.testa 179, AG News test-517)
  const Article zaire = extracted(
      "Zairean Prime Minister Kengo wa Dondo said at the end of a visit to Rwanda last week that "
      "the Zairean and Rwandan governments agreed on a repatriation of the refugees in Zaire.");
  BOOST_TEST(has(zaire.people, "Kengo wa Dondo"));
  const Article sudan = extracted(
      "AP - British Foreign Secretary Jack Straw, touring a sprawling desert camp housing 40,000 "
      "displaced people from the troubled western Darfur region, urged the Sudanese government to "
      "do more.");
  BOOST_TEST(has(sudan.places, "Darfur"));
}

// BBC business/393, business/287, politics/393, entertainment/016 and AG News test-3241: a
// preposition, a conjunction or an adverb that opens a sentence is no name of one word; inside
// a longer name it stays.
BOOST_AUTO_TEST_CASE(a_closed_class_word_opening_a_sentence_is_no_name) {
  const Article a = extracted(
      "Update 1: Hollinger to Take $27M Charge for Suits\n\n"
      "The bank's shares rose on the London Stock Exchange. Since 2002, Ms Tan has been managing "
      "director. Come 2020, Japan could be more dependent on a shrinking workforce. Until 1857, "
      "the only way in England to get a divorce was an act of parliament. Born in Luton, "
      "Bedfordshire, on 5 April 1920, Hailey left school at 14. The All Blacks won. Georgetown "
      "coach John Thompson III said the team would play in World Group II.");
  for (const char* word : {"Update", "Since", "Come", "Until", "Born"}) {
    BOOST_TEST(!has(a.organizations, word), word);
    BOOST_TEST(!has(a.places, word), word);
    BOOST_TEST(!has(a.people, word), word);
  }
  BOOST_TEST(has(a.places, "Luton"));
  // (CoNLL eng.testa 146, AG News test-6471: a Roman number alone)
  BOOST_TEST(!has(a.organizations, "II"));
  BOOST_TEST(!has(a.organizations, "III"));
}

// BBC politics/111, 157, 281, 292, 293: "Mr" was an organization where the tagger read it as a
// name of its own ("Mr/U-PER Kilroy-Silk/U-LOC"), and "Kilroy-Silk" alone a place, where the
// article names "Robert Kilroy-Silk"; a company's name alone stays ("MG Rover ... Rover").
BOOST_AUTO_TEST_CASE(an_honorific_and_a_surname_alone_are_the_persons) {
  const Article a = extracted(
      "Ex-BBC chat show host and East Midlands MEP Robert Kilroy-Silk has said he wants to "
      "\"change the face of British politics\" as he launched his new party. Mr Kilroy-Silk, who "
      "recently quit the UK Independence Party,said \"our country\" was being \"stolen from us\" "
      "by mass immigration. He told a London news conference that Veritas - Latin for \"truth\" - "
      "would avoid the old parties' \"lies and spin\". UKIP leader Roger Knapman says he was glad "
      "to see the back of Mr Kilroy-Silk. Mr Kilroy-Silk promised a \"firm but fair\" policy on "
      "immigration.");
  BOOST_TEST(!has(a.organizations, "Mr"));
  BOOST_TEST(has(a.people, "Robert Kilroy-Silk"));
  // (AG News test-7468)
  Article b;
  b.title = "Daily Mail hits back at Blunkett";
  b.text =
      "The Daily Mail today dismissed David Blunkett's claim that the media played a role in his "
      "downfall, saying he only had himself to blame.";
  extractor().complete(b);
  BOOST_TEST(!has(b.places, "Blunkett"));
  BOOST_TEST(has(b.people, "David Blunkett"));
  const Article c = extracted(
      "MG Rover plans to shift production to China. Rover told BBC News that the reports were "
      "wrong.");
  BOOST_TEST(!has(c.people, "Rover"));
}

// BBC entertainment/133, sport/311 and 8 other team sheets: a name between people's names in a
// list of them, or written as an initial and a surname next to one written so, is a person's.
BOOST_AUTO_TEST_CASE(a_name_in_a_list_of_people_is_a_persons) {
  const Article a = extracted(
      "Michael Jackson, Aerosmith, Diana Ross, Gloria Estefan and Phil Collins are among the stars "
      "who have performed at the event.");
  BOOST_TEST(has(a.people, "Gloria Estefan"));
  BOOST_TEST(!has(a.organizations, "Gloria Estefan"));
  const Article b = extracted(
      "Ireland: G Murphy; S Horgan, B O'Driscoll (capt), K Maggs, T Bowe; R O'Gara, P Stringer; "
      "R Corrigan, S Byrne, J Hayes; M O'Kelly, P O'Connell, S Easterby, J O'Connor, A Foley.\n\n"
      "F Sheahan, M Horan, D O'Callaghan, E Miller, G Easterby, D Humphreys, G Duffy.\n");
  BOOST_TEST(has(b.people, "F Sheahan"));
  BOOST_TEST(b.organizations.empty());
  // (a review's case: a club between two players)
  const Article c = extracted("Roy Keane, Real Madrid and David Beckham were in the news.");
  BOOST_TEST(!has(c.people, "Real Madrid"));
}

// BBC entertainment/247, politics/059, tech/049: a place's name the tagger cut from the
// organization right after it is the organization's first words; two names stay two ("Russia
// WTO"), and a dateline's town is no part of a company ("NEW YORK Johnson & Johnson").
BOOST_AUTO_TEST_CASE(a_place_before_an_organizations_name_is_part_of_it) {
  const Article a = extracted(
      "Seven Lonely Days said it had incurred costs in a claim filed at New York State Supreme "
      "Court. The talks on the Northern Ireland Assembly went on. Russia WTO talks ended.");
  BOOST_TEST(has(a.organizations, "New York State Supreme Court"));
  BOOST_TEST(!has(a.organizations, "Supreme Court"));
  BOOST_TEST(!has(a.organizations, "Russia WTO"));
  const Article b = extracted(
      "NEW YORK Johnson & Johnson is in advanced talks to buy Guidant for more than $24 billion.");
  BOOST_TEST(!has(b.organizations, "NEW YORK Johnson & Johnson"));
}

// BBC tech/287, tech/088 and entertainment/047: a disaster is no organization ("the Asian
// Tsunami fund"); a name the word list has only as a proper name, before a Census surname, is a
// person's ("a feature by Raoul Peck").
BOOST_AUTO_TEST_CASE(a_disaster_is_no_organization_and_a_director_is_a_person) {
  const Article a = extracted(
      "Mobile owners have also given the chance to donate to the Disasters Emergency Committee's "
      "(DEC) Asian Tsunami fund by texting \"Donate\" to a simple short code number.");
  BOOST_TEST(!has(a.organizations, "Asian Tsunami"));
  BOOST_TEST(has(a.organizations, "Disasters Emergency Committee"));
  const Article b = extracted(
      "Hotel Rwanda is one of two films addressing the genocide at the 55th Berlin Film Festival. "
      "Sometimes in April is a feature by Raoul Peck competing for the festival's coveted Golden "
      "and Silver Bear awards.");
  BOOST_TEST(has(b.people, "Raoul Peck"));
  BOOST_TEST(!has(b.organizations, "Raoul Peck"));
}

// AG News test-1459, test-4690 and 143 other items: a headline's name that runs on past a name
// the text gives is that name, of the text's kind; a club's whole name on a line of fixtures
// stays (BBC sport/184).
BOOST_AUTO_TEST_CASE(a_headlines_name_ends_where_the_texts_does) {
  Article a;
  a.title = "Bud Selig Has Skin Cancer Surgery";
  a.text =
      "NEW YORK -- Baseball commissioner Bud Selig had surgery Monday to remove a cancerous lesion "
      "from his forehead. The lesion was detected last month during Selig's annual physical.";
  extractor().complete(a);
  BOOST_TEST(has(a.people, "Bud Selig"));
  BOOST_TEST(a.people.size() == 1u);
  Article b;
  b.title = "Yahoo Debuts Mobile Search";
  b.text =
      "SAN FRANCISCO -- Yahoo (Quote, Chart) expanded its search empire to the mobile arena with "
      "the launch of some additional services.";
  extractor().complete(b);
  for (const auto* names : {&b.people, &b.places, &b.organizations})
    for (const std::string& n : *names) BOOST_TEST(n.find("Debuts") == std::string::npos, n);
  const Article c = extracted(
      "Charlton will play Leicester and Bolton will face Derby.\n\n"
      "Charlton Athletic v Leicester City\n\nBolton v Derby\n");
  BOOST_TEST(has(c.organizations, "Charlton Athletic"));
  // (a review's cases: the rest of a name that is no common word, or an organization's name
  // before a place's the text gives, stays whole)
  Article d;
  d.title = "New York Times Buys About.com";
  d.text = "The New York Times Co. said it would buy About.com, a site based in New York.";
  extractor().complete(d);
  BOOST_TEST(!has(d.organizations, "New York"));
}

// BBC politics/209, politics/335, tech/132 and AG News test-1322: a post inside an
// organization's name, with its office after "of", an attorney general's or a member's letters,
// names the person after it.
BOOST_AUTO_TEST_CASE(a_post_inside_an_organizations_name_names_the_person_after_it) {
  const Article a = extracted(
      "US Secretary of State Condoleezza Rice said the plan was not credible. Lib Dem MP Parmjit "
      "Singh Gill said the report was damning. Virginia State Attorney General Jerry Kilgore "
      "said the law worked.");
  BOOST_TEST(has(a.people, "Condoleezza Rice"));
  BOOST_TEST(has(a.people, "Parmjit Singh Gill"));
  BOOST_TEST(has(a.people, "Jerry Kilgore"));
  for (const std::string& o : a.organizations) {
    BOOST_TEST(o.find("Rice") == std::string::npos, o);
    BOOST_TEST(o.find("Gill") == std::string::npos, o);
    BOOST_TEST(o.find("Kilgore") == std::string::npos, o);
    BOOST_TEST(o.find("Attorney") == std::string::npos, o);
  }
  BOOST_TEST(has(a.organizations, "Lib Dem"));
}

// AG News test-5867, test-5653 and BBC tech/281: a company's whole name in the hardware makers'
// registries that no list knows as a place, word or name is the company where the tagger said
// place; a place or a first name the registries also hold stays ("Korea", "Sam").
BOOST_AUTO_TEST_CASE(a_registered_company_is_no_place) {
  Article a;
  a.title = "Motorola buy adds heat to mesh networking";
  a.text =
      "A Motorola acquisition and an expected deal from Nortel show the market for mobile ad hoc "
      "network equipment is hot.";
  extractor().complete(a);
  BOOST_TEST(!has(a.places, "Nortel"));
  BOOST_TEST(has(a.organizations, "Nortel"));
  const Article b = extracted("Exports to Korea rose by 5% in the year, the ministry said.");
  BOOST_TEST(!has(b.organizations, "Korea"));
}

// BBC sport/402, entertainment/259 and CoNLL eng.testa 196 and 198: a role's word that the
// tagger read as the first of an organization's name, first in its sentence, names the person
// after it; a country's part named by its direction is a place; a people's plural of a land
// named "-istan" is no organization.
BOOST_AUTO_TEST_CASE(roles_directions_and_peoples) {
  const Article a = extracted(
      "England will play Italy and Scotland. Coach Clive Woodward's Lions squad will tour New "
      "Zealand in the summer.");
  BOOST_TEST(has(a.people, "Clive Woodward"));
  BOOST_TEST(!has(a.organizations, "Coach Clive Woodward"));
  const Article b = extracted(
      "Northern Iraq has been under Iraqi Kurdish control since the 1991 Gulf War. The Kurdistan "
      "Democratic Party (KDP) said that it was being backed by Iraqi heavy armour in a battle with "
      "rival Kurds for the city of Arbil.");
  BOOST_TEST(!has(b.organizations, "Northern Iraq"));
  BOOST_TEST(!has(b.organizations, "Kurds"));
  BOOST_TEST(has(b.organizations, "Kurdistan Democratic Party"));
}

// BBC tech/247 and the BBC and AG News archives ("Xbox" an organization in 37 articles, "Linux"
// in 20, "Halo" in 26): a product, a platform or a game is no organization; its maker's name
// before it is.
BOOST_AUTO_TEST_CASE(a_product_is_no_organization_its_maker_is) {
  const Article a = extracted(
      "The handheld is seen as a response to the unveiling of the Sony PSP. Sales of the Xbox "
      "and of Halo 2 rose, and Linux gained. Microsoft Windows users were warned, OK?");
  for (const char* name : {"Xbox", "Halo 2", "Linux", "Sony PSP", "Microsoft Windows", "OK"}) {
    BOOST_TEST(!has(a.organizations, name), name);
    BOOST_TEST(!has(a.people, name), name);
    BOOST_TEST(!has(a.places, name), name);
  }
  BOOST_TEST(has(a.organizations, "Sony"));
  BOOST_TEST(has(a.organizations, "Microsoft"));
}

// BBC sport/327 and the archives ("Six Nations" an organization in 12 BBC articles, "US TV" in
// 10, "Super Bowl" in 12 of AG News): a championship, a match or a race, and a country's
// television, are no organizations; the oil company Marathon is.
BOOST_AUTO_TEST_CASE(an_event_or_a_countrys_television_is_no_organization) {
  const Article a = extracted(
      "Vickery is out of the Six Nations, and Paul McCartney will play at the Super Bowl. She won "
      "the London Marathon and the Norwich Union Grand Prix, US TV networks said. Marathon Oil "
      "rose; Marathon said profits doubled.");
  for (const char* name :
       {"Six Nations", "Super Bowl", "London Marathon", "Norwich Union Grand Prix", "US TV"}) {
    BOOST_TEST(!has(a.organizations, name), name);
    BOOST_TEST(!has(a.places, name), name);
  }
  BOOST_TEST(has(a.organizations, "Marathon Oil"));
}

// The archives: a law or a treaty is no organization ("Freedom of Information Act" in 6 BBC and
// AG News articles, "Kyoto Protocol" in 6), nor a drug or a format ("Celebrex", "JPEG"); a
// plural's apostrophe is no part of a name ("Liberal Democrats'" in 5 BBC articles).
BOOST_AUTO_TEST_CASE(a_law_a_treaty_or_a_drug_is_no_organization) {
  const Article a = extracted(
      "Requests under the Freedom of Information Act rose, and Russia signed the Kyoto Protocol. "
      "Sales of Celebrex fell. The pictures were saved as JPEG files. The Liberal "
      "Democrats' plans were published on Monday.");
  for (const char* name :
       {"Freedom of Information Act", "Kyoto Protocol", "Celebrex", "JPEG", "Liberal Democrats'"})
    BOOST_TEST(!has(a.organizations, name), name);
  BOOST_TEST(has(a.organizations, "Liberal Democrats"));
}

// corpus/002: a campaigning body named by what it does ("Committee to Defend ...") is one
// organization, whatever the tagger made of the words after "to".
BOOST_AUTO_TEST_CASE(a_body_named_by_its_aim_is_one_organization) {
  const Article a = extracted(
      "\"It is fear,\" Ivania Cruz, of El Salvador's Committee to Defend Human and Community "
      "Rights, said in a statement. The Committee to Protect Bloggers agreed.");
  BOOST_TEST(has(a.organizations, "Committee to Defend Human and Community Rights"));
  BOOST_TEST(has(a.organizations, "Committee to Protect Bloggers"));
  BOOST_TEST(has(a.people, "Ivania Cruz"));
  BOOST_TEST(has(a.places, "El Salvador"));
}

// The review of the eleventh session's rules: a win outside a match's report makes no club; a
// party named "Accord" stays an organization; an honorific before a surname that is an
// organization's word names a person, but a company's designation after it a company; a place of
// two words before "-based" is that place, not its last word.
BOOST_AUTO_TEST_CASE(the_eleventh_sessions_rules_fire_no_wider_than_they_say) {
  const Article a = extracted(
      "Tony Blair claimed a victory over Brussels on the rebate. Officials in Brussels disagreed. "
      "Officials of the Iraqi National Accord met in Baghdad. Dr Power told the inquiry he had "
      "left. Shares of Mrs Fields Inc rose. The New York-based bank said so.");
  BOOST_TEST(has(a.places, "Brussels"));
  BOOST_TEST(!has(a.organizations, "Brussels"));
  BOOST_TEST(has(a.organizations, "Iraqi National Accord"));
  BOOST_TEST(!has(a.organizations, "Dr Power"));
  BOOST_TEST(has(a.organizations, "Mrs Fields Inc"));
  BOOST_TEST(has(a.places, "New York"));
  BOOST_TEST(!has(a.places, "York"));
}

BOOST_AUTO_TEST_CASE(a_peoples_name_is_no_organization) {
  const Article a = extracted(
      "El Salvadorian officials said the prisoners would stay. The El Salvadorian government "
      "agreed.");
  BOOST_TEST(!has(a.organizations, "El Salvadorian"));
  BOOST_TEST(!has(a.places, "El Salvadorian"));
}

BOOST_AUTO_TEST_CASE(datelines_and_unknown_places) {
  const Article a = extracted(
      "TORONTO (Reuters) - David Ortiz hit two home runs on Wednesday.\n"
      "WEST POINT, NY - Army will meet Navy on Friday in Tecoluca.");
  BOOST_TEST(has(a.places, "Toronto"));
  BOOST_TEST(has(a.places, "Tecoluca"));
  BOOST_TEST(has(a.people, "David Ortiz"));
  // Unknown one-word "places" that do things are not places; "Hebei Province" is Hebei.
  const Article b = extracted(
      "Sterling fell against the dollar. Thirteen people died in an explosion in north China's "
      "Hebei Province.");
  BOOST_TEST(!has(b.places, "Sterling"));
  BOOST_TEST(has(b.places, "Hebei"));
  // "Gibraltar-based" names a place; a company after a town in a list is no place's state.
  const Article c = extracted("Group Menatep, the Gibraltar-based holding company, agreed.");
  BOOST_TEST(has(c.places, "Gibraltar"));
}

BOOST_AUTO_TEST_CASE(a_county_read_as_its_government_is_the_place) {
  // The tagger reads "Sumner County" as an organization's name: a county is a place, as a country
  // that acts is.
  const Article a = extracted(
      "A new federal law will end check floating. However, some Sumner County bankers say it "
      "depends on where you bank.");
  BOOST_TEST(has(a.places, "Sumner County"));
  BOOST_TEST(!has(a.organizations, "Sumner County"));
  // Not a football club named so, a rugby club beside its score, nor a name that runs on into a
  // bank's.
  BOOST_TEST(!has(extracted("Notts County manager Gary Mills was sacked on Monday after a run of "
                            "defeats.")
                      .places,
                  "Notts County"));
  BOOST_TEST(!has(extracted("Scottish league results: Melrose 107 Stirling County 10.").places,
                  "Stirling County"));
  BOOST_TEST(
      !has(extracted("The deposits were assumed by Hale County State Bank, Plainview, Tex.").places,
           "Hale County"));
}

BOOST_AUTO_TEST_CASE(a_building_s_name_is_no_place) {
  // A name the gazetteer does not know, before the noun of a building or a compound, is that
  // building's: no place (tests/extraction/HELD_OUT_LABELS.md). The places around it stay.
  const Article a = extracted(
      "The move follows a Law Lords judgement that the detention of 12 men at Belmarsh prison, "
      "London, and Woodhill, Milton Keynes, was unlawful.");
  BOOST_TEST(!has(a.places, "Belmarsh"));
  BOOST_TEST(has(a.places, "London"));
  BOOST_TEST(has(a.places, "Milton Keynes"));
  Article b;
  b.title = "Al-Aqsa mosque restriction lifted";
  b.text =
      "Israel says it will not restrict access to the al-Aqsa mosque compound in Jerusalem during "
      "the Muslim holy month of Ramadan, that begins on Friday.";
  extractor().complete(b);
  BOOST_TEST(!has(b.places, "Al-Aqsa"));
  BOOST_TEST(has(b.places, "Jerusalem"));
  // A ground named a park is no place; a town named so is.
  BOOST_TEST(!has(extracted("Everton were held to a draw by Bolton at Goodison Park on Saturday, "
                            "and David Moyes said he was disappointed.")
                      .places,
                  "Goodison Park"));
  BOOST_TEST(
      has(extracted("The company, based in Overland Park, Kansas, said profits rose.").places,
          "Overland Park"));
  // Read as an organization, the ground is none either (BBC sport/197); the club Queen's Park is
  // one (CoNLL testa-119).
  const Article park = extracted(
      "Lampard's spot-kick was saved to the delight of the Hammers' fans, who have still not "
      "forgiven him for leaving Upton Park. Queen's Park 2 Stirling 1.");
  BOOST_TEST(!has(park.organizations, "Upton Park"));
  BOOST_TEST(!has(park.places, "Upton Park"));
  BOOST_TEST(has(park.organizations, "Queen's Park"));
}

BOOST_AUTO_TEST_CASE(a_town_before_a_player_s_role_is_the_club) {
  // "the Leicester lock": the club, in the rest of the article too; "the England captain" is the
  // national side, filed under the country.
  const Article a = extracted(
      "The 34-year-old Leicester lock's final match will be his testimonial in May. Johnson also "
      "had huge success as captain of Leicester, guiding the Tigers to two Heineken Cup victories. "
      "The England captain said he was proud.");
  BOOST_TEST(has(a.organizations, "Leicester"));
  BOOST_TEST(!has(a.places, "Leicester"));
  BOOST_TEST(has(a.places, "England"));
  // A role that is an everyday noun makes a club only before a player's name or a possessive.
  const Article b = extracted(
      "Militants of the Gaza wing of Hamas fired rockets. A London coach crashed on the M1 on "
      "Monday.");
  BOOST_TEST(has(b.places, "Gaza"));
  BOOST_TEST(has(b.places, "London"));
  BOOST_TEST(has(extracted("Leicester wing Austin Healey hopes to use Sunday's match to impress.")
                     .organizations,
                 "Leicester"));
}

BOOST_AUTO_TEST_CASE(a_work_s_title_names_no_entity) {
  // The title after a work's noun, and the same name elsewhere in the article, is no place and no
  // person; a person named inside a longer title still is, where the article names her.
  const Article a = extracted(
      "Novelist Andrea Levy is favourite to win the main Whitbread Prize, after winning novel of "
      "the year with her book Small Island. Small Island, Levy's fourth novel, is set in post-war "
      "London.");
  BOOST_TEST(!has(a.places, "Small Island"));
  BOOST_TEST(has(a.places, "London"));
  BOOST_TEST(has(a.people, "Andrea Levy"));
  const Article b = extracted(
      "Imelda Staunton won best actress for the abortion drama Vera Drake. Vera Drake has scooped "
      "seven nominations. The singer released the album The Diary of Alicia Keys last year, and "
      "Alicia Keys said she was thrilled.");
  BOOST_TEST(!has(b.people, "Vera Drake"));
  BOOST_TEST(has(b.people, "Alicia Keys"));
  // Small words between a title's capitalized words; a second name after a whole one is no
  // part of the title.
  const Article c = extracted(
      "Islanders were depicted as cannibals in the sequel to hit film Pirates of the Caribbean. In "
      "the film Ray Jamie Foxx plays the singer, and Jamie Foxx won the Oscar.");
  BOOST_TEST(!has(c.places, "Caribbean"));
  BOOST_TEST(has(c.people, "Jamie Foxx"));
  // "Fuji Photo Film USA": a work's noun in capitals is part of a name, no title's start.
  BOOST_TEST(
      has(extracted("Sprint and Fuji Photo Film USA recently introduced a new service.").places,
          "United States"));
}

BOOST_AUTO_TEST_CASE(a_lake_or_a_mountain_the_tagger_left_is_a_place) {
  BOOST_TEST(has(extracted("The June gig will act as a warm-up for an open air concert on the "
                           "banks of Loch Lomond, four days later.")
                     .places,
                 "Loch Lomond"));
}

BOOST_AUTO_TEST_CASE(census_first_names_begin_names_the_tagger_missed) {
  // The tagger leaves "Harold Smith" untagged at the start of this sentence.
  BOOST_TEST(has(extracted("Harold Smith took over the company.").people, "Harold Smith"));
  // Not where the first name is a common word ("Will"), nor for a longer run of capitals.
  BOOST_TEST(!has(extracted("Will Power Systems fell.").people, "Will Power"));
}

BOOST_AUTO_TEST_CASE(words_in_lower_case_after_of_end_an_organizations_name) {
  // AG News test-6211, CoNLL testa-089: the tagger runs the names on through "of".
  const Article a = extracted(
      "The deal secured for the Paris Club of creditor nations ends a row. The talks were held "
      "beside the broad-based Minsk Group of countries led by Russia. The Bank of Italy said "
      "nothing.");
  BOOST_TEST(has(a.organizations, "Paris Club"));
  BOOST_TEST(!has(a.organizations, "Paris Club of creditor"));
  BOOST_TEST(has(a.organizations, "Minsk Group"));
  BOOST_TEST(!has(a.organizations, "Minsk Group of countries"));
  BOOST_TEST(has(a.organizations, "Bank of Italy"));
}

BOOST_AUTO_TEST_CASE(a_bodys_name_runs_on_through_on_and_its_subject) {
  // AG News test-2311, CoNLL testa-068, Reuters: "on" and capitalized words after a deliberating
  // body's name are the name's; a date after "on" is not.
  const Article a = extracted(
      "Investment grew, the United Nations Conference on Trade and Development said. The "
      "Commission "
      "on Presidential Debates met. In testimony before the Senate Committee on Governmental "
      "Affairs, Baker spoke. The European Commission on Thursday fined Microsoft.");
  for (const char* name :
       {"United Nations Conference on Trade and Development", "Commission on Presidential Debates",
        "Senate Committee on Governmental Affairs", "European Commission"})
    BOOST_TEST(has(a.organizations, name), name);
  BOOST_TEST(!has(a.organizations, "European Commission on Thursday"));
  // (review) nor a place after "on": the body's action on a country.
  const Article b = extracted("Pressure from the European Commission on France grew.");
  BOOST_TEST(has(b.places, "France"));
  BOOST_TEST(!has(b.organizations, "European Commission on France"));
}

BOOST_AUTO_TEST_CASE(what_the_tagger_takes_in_at_a_names_ends_is_no_part_of_it) {
  // BBC business/064 and business/012: a full stop, and an acronym's possessive; Moody's keeps
  // its own.
  const Article a = extracted(
      "\"We are doing research into the possibilities we have,\" Michael Lamberty, a Lufthansa "
      "spokesman told the BBC. The BBC's correspondent in Jakarta, Rachel Harvey, told World "
      "Business Report that there was likely to be a strong reaction. Moody's Investors Service "
      "cut its rating.");
  BOOST_TEST(has(a.organizations, "BBC"));
  BOOST_TEST(!has(a.organizations, "BBC."));
  BOOST_TEST(!has(a.organizations, "BBC's"));
  // BBC politics/040: a title the tagger read as a name's first word is left to no name.
  const Article b = extracted(
      "But Liberal Democrat peer Lord Carlile, the government's independent reviewer of "
      "anti-terrorism laws, said it was possible some of the detainees could now be released.");
  BOOST_TEST(!has(b.organizations, "Lord"));
  BOOST_TEST(!has(b.places, "Lord"));
  // Abbreviations of things: "ID cards", "VHS tapes", "a PR firm", "R&B".
  const Article c = extracted(
      "The government's plans for ID cards were attacked. Sales of VHS tapes fell, a PR firm "
      "said, and R&B singles led the charts.");
  for (const char* thing : {"ID", "VHS", "PR", "R&B"})
    BOOST_TEST(!has(c.organizations, thing), thing);
  // Holidays: no person, place or organization.
  const Article d = extracted(
      "UK retail sales were better than expected in November as Christmas shoppers began their "
      "seasonal flock to the High Street, figures show. Many had expected sales to fall slightly "
      "in November as shoppers put off buying Christmas presents until December. On Christmas "
      "Day the shops shut, and Boxing Day sales began.");
  for (const char* day : {"Christmas", "Christmas Day", "Boxing Day"}) {
    BOOST_TEST(!has(d.people, day), day);
    BOOST_TEST(!has(d.places, day), day);
    BOOST_TEST(!has(d.organizations, day), day);
  }
}

BOOST_AUTO_TEST_CASE(words_that_end_companies_names) {
  // BBC News: "Research", "Arts", "Utd" end companies' and clubs' names the tagger read as
  // people's.
  const Article a = extracted(
      "Some 4 million homes will have it by 2009, according to Jupiter Research. Electronic Arts "
      "said it would buy the studio.");
  for (const char* name : {"Jupiter Research", "Electronic Arts"}) {
    BOOST_TEST(has(a.organizations, name), name);
    BOOST_TEST(!has(a.people, name), name);
  }
  // AG News: "Electronics", "Networks", "Wireless" too; an event's name after "the" is no
  // organization's ("the Consumer Electronics Show").
  const Article b = extracted(
      "Samsung Electronics said profits rose, and Verizon Wireless added customers. Gadgets "
      "filled the Consumer Electronics Show in Las Vegas.");
  BOOST_TEST(!has(b.organizations, "Consumer Electronics"));
  for (const char* name : {"Samsung Electronics", "Verizon Wireless"}) {
    BOOST_TEST(has(b.organizations, name), name);
    BOOST_TEST(!has(b.people, name), name);
  }
}

BOOST_AUTO_TEST_CASE(an_irish_surname_is_a_persons) {
  // BBC sport/007: "Sonia/LOC O'Sullivan/MISC" from the tagger.
  const Article a = extracted(
      "O'Sullivan commits to Dublin race\n\nSonia O'Sullivan will seek to regain her title at "
      "the Bupa Great Ireland Run on 9 April in Dublin.");
  BOOST_TEST(has(a.people, "Sonia O'Sullivan"));
  BOOST_TEST(!has(a.organizations, "Sonia"));
  BOOST_TEST(!has(a.places, "Sonia"));
}

BOOST_AUTO_TEST_CASE(a_peoples_adjective_and_an_organizations_word_are_one_name) {
  // AG News test-811, BBC sport/047: the tagger reads the adjectives as names of their own kind
  // and leaves the organization's word.
  const Article a = extracted(
      "UN says some rights improve\n\nCanadian Press - AL-FASHER, Sudan (AP) - Security has "
      "improved inside camps in Darfur, a United Nations team said Saturday. But Kenteris has "
      "continually protested his innocence - and on Sunday blamed Greek Olympic Committee "
      "officials for failing to inform him of the test.");
  BOOST_TEST(has(a.organizations, "Canadian Press"));
  BOOST_TEST(has(a.organizations, "Greek Olympic Committee"));
  BOOST_TEST(!has(a.organizations, "Olympic Committee"));
}

BOOST_AUTO_TEST_CASE(a_name_the_article_writes_as_a_website_is_the_companys) {
  // BBC tech/010: "Amazon" beside "Amazon.com" is the company, not the river.
  const Article a = extracted(
      "The AutoLink feature comes with Google's latest toolbar and provides links in a webpage to "
      "Amazon.com if it finds a book's ISBN number on the site. But some users are concerned that "
      "Google's dominant position in the search engine market place could mean it would be "
      "giving a competitive edge to firms like Amazon.");
  BOOST_TEST(!has(a.places, "Amazon"));
  BOOST_TEST(has(a.organizations, "Amazon"));
  // (review) not the end of a longer address, nor a town the gazetteer knows.
  const Article b = extracted(
      "Supporters flocked to GeorgeWBush.com on Monday. Bush told reporters he was confident. "
      "Readers of Boston.com were surprised. The mayor of Boston said no.");
  BOOST_TEST(!has(b.organizations, "Bush"));
  BOOST_TEST(has(b.places, "Boston"));
}

BOOST_AUTO_TEST_CASE(a_datelines_agency_is_no_stock_code) {
  // AG News test-665: "(CBS.MW)" looks like a Reuters code ("STZ.N"), which makes the name before
  // it a company's; before a dateline's dash it is the agency.
  const Article a = extracted(
      "TiVo loss widens\n\nSAN FRANCISCO (CBS.MW) - TiVo said its second-quarter loss widened "
      "from a year earlier. Broadcom Corp. <BRCM.O> rose.");
  BOOST_TEST(has(a.places, "San Francisco"));
  BOOST_TEST(!has(a.organizations, "SAN FRANCISCO"));
  BOOST_TEST(has(a.organizations, "Broadcom Corp."));
  // (review) a code before a dash inside a sentence is a code.
  const Article b =
      extracted("Shares of Krispy Kreme (KKD.N) - the doughnut chain - fell 5 percent.");
  BOOST_TEST(has(b.organizations, "Krispy Kreme"));
}

BOOST_AUTO_TEST_CASE(letters_after_a_name_are_no_organization) {
  // BBC politics/327: "QC" after a name is an honour, not an organization the name runs on into.
  const Article a = extracted(
      "The claims were made in a book published this week by Philippe Sands QC, a member of "
      "Cherie Blair's Matrix Chambers. He said two officials and a QC had helped.");
  BOOST_TEST(has(a.people, "Philippe Sands"));
  BOOST_TEST(!has(a.organizations, "Philippe Sands"));
  BOOST_TEST(!has(a.organizations, "QC"));
}

BOOST_AUTO_TEST_CASE(census_names_the_tagger_read_as_an_organization_are_a_persons) {
  // BBC politics/207: the tagger reads "Harold Wilson" as an organization.
  const Article a = extracted(
      "A British general election was last held in February in 1974.\n"
      "In that election, Edward Heath lost and failed to build a coalition with the Liberals. "
      "Harold Wilson took over and increased his majority later in the year in a second "
      "election.");
  BOOST_TEST(has(a.people, "Harold Wilson"));
  BOOST_TEST(!has(a.organizations, "Harold Wilson"));
  // Not a company the model learned ("Merrill Lynch"), one owned by another ("Altria's Philip
  // Morris", BBC business/104), nor words in capitals.
  BOOST_TEST(has(extracted("Merrill Lynch said on Tuesday it would cut 500 jobs.").organizations,
                 "Merrill Lynch"));
  const Article b = extracted(
      "Altria's Philip Morris now accepts that nicotine is harmful, and the company's main "
      "lawyer William Ohlemeyer told the BBC last year that earlier statements may have been "
      "wrong.");
  BOOST_TEST(!has(b.people, "Philip Morris"));
}

BOOST_AUTO_TEST_CASE(a_name_ending_in_a_persons_surname_is_that_persons) {
  // BBC business/287: the tagger reads "Torao Toshitsune" as an organization.
  const Article a = extracted(
      "And the 101-year-old Torao Toshitsune has eaten raw fish pretty much every day. Mr "
      "Toshitsune keeps a "
      "regular routine.");
  BOOST_TEST(a.people == std::vector<std::string>{"Torao Toshitsune"},
             boost::test_tools::per_element());
}

namespace {
// Where an extracted article files `name`: "person", "place", "org", "" for nowhere; the fields
// joined by "+" when several hold it.
std::string filed_as(const Article& a, const std::string& name) {
  std::string out;
  for (const auto& [field, names] :
       {std::pair<const char*, const std::vector<std::string>*>{"person", &a.people},
        {"place", &a.places},
        {"org", &a.organizations}}) {
    if (has(*names, name)) out += (out.empty() ? "" : "+") + std::string(field);
  }
  return out;
}
}  // namespace

// Each name of a text filed under one field, or none; each row was read otherwise before the rule
// its comment names (the tagger's spans alone).
BOOST_AUTO_TEST_CASE(rules_file_each_name_under_its_field) {
  using Filed = std::vector<std::pair<const char*, const char*>>;  // name, field ("": none)
  struct Case {
    const char* title;
    const char* text;
    Filed names;
  };
  const std::vector<Case> cases = {
      // A first name, a particle and a surname (the tagger saw "Ferran" alone).
      {"",
       "9. Mauricio Gugelmin (Brazil), Reynard Ford Cosworth, 54.762\n"
       "10. Gil de Ferran (Brazil), Reynard Honda, 54.774",
       {{"Gil de Ferran", "person"}, {"Ferran", ""}}},
      // A river's bank; a country's other name.
      {"",
       "Israel announced the expansion of settlements in the West Bank on Monday.",
       {{"West Bank", "place"}}},
      {"",
       "The Republic of Ireland beat Liechtenstein 5-0 on Saturday.",
       {{"Ireland", "place"}, {"Republic of Ireland", ""}}},
      // A party's member before a name.
      {"",
       "Ronald Reagan won in 1984, while Democrat Walter Mondale, who promised higher taxes, lost.",
       {{"Walter Mondale", "person"}}},
      // "the X case" names X; "the Carl Vinson" (a ship) names no one.
      {"",
       "Police would not say whether it suspected a link with the Marc Dutroux case.",
       {{"Marc Dutroux", "person"}}},
      {"", "Sailors boarded the Carl Vinson in San Diego.", {{"Carl Vinson", ""}}},
      // Two words ending in a country's name: a company's, unless a first name begins them.
      {"",
       "Brokers said blue chips like IDLC, Bangladesh Lamps, Chittagong Cement and Atlas "
       "Bangladesh were expected to rise. Michael Jordan scored 40 points for Chicago.",
       {{"Atlas Bangladesh", "org"}, {"Michael Jordan", "person"}}},
      // "King" is no title before "County".
      {"",
       "AP - Republicans prepared a lawsuit Thursday to try to prevent King County from including "
       "573 newly discovered ballots.",
       {{"King County", "place"}, {"County", ""}}},
      // A role word before a name the tagger read as an organization's, with a first name.
      {"",
       "The last novel by the author Iris Murdoch reveals the first signs of Alzheimer's disease, "
       "experts say.",
       {{"Iris Murdoch", "person"}}},
      // A college is an organization; its town a place.
      {"",
       "The professor studied at Clare College, Cambridge, before the war.",
       {{"Clare College", "org"}, {"Cambridge", "place"}}},
      // A headline's one word that is the surname of a person the text names is no town.
      {"Hassan: Abhorrent act says Blair",
       "Western political leaders have united to condemn the kidnappers of charity worker Margaret "
       "Hassan after a video surfaced.",
       {{"Margaret Hassan", "person"}, {"Hassan", ""}}},
      // Organizations read whole, no piece of them apart.
      {"",
       "Banks buying in Missouri are Minneapolis-based First Bank System Inc. and Norwest Corp.",
       {{"First Bank System Inc.", "org"}, {"Bank System Inc.", ""}}},
      {"",
       "Sophia Woodman, executive director of the group Human Rights in China, said the arrest "
       "was wrong.",
       {{"Human Rights in China", "org"}, {"China", ""}}},
      {"", "He said the Labour Party would win.", {{"Labour Party", "org"}, {"Labour", ""}}},
      {"",
       "A study by the Pew Internet and American Life Project found that many people use the net.",
       {{"Pew Internet and American Life Project", "org"}, {"Pew Internet", ""}}},
      // A list of places: the towns the tagger read as clubs are places too.
      {"",
       "He visits Manchester, Liverpool, Leicester, Somerset, Basingstoke and Bristol this week.",
       {{"Liverpool", "place"}, {"Basingstoke", "place"}, {"Bristol", "place"}}},
      // "a city like X" is a place; "director at X", X no place the gazetteer knows, an employer.
      {"",
       "About 150,000 people settle in the UK every year - the size of a city like Peterborough.",
       {{"Peterborough", "place"}}},
      {"",
       "Richard Ayers, portal director at Tiscali, said there was little point. We work with our "
       "colleagues at Defra to create cleaner streets.",
       {{"Tiscali", "org"}, {"Defra", "org"}}},
      // A post in a company and "of", "at", "for" or "in", and capitalized words the tagger left:
      // the company's name, whole; not a name that runs on, nor a people's adjective alone.
      {"",
       "Mr Ghosn will take over at the head of Renault later this year, said Adrian Palmer, "
       "managing director of Ontrack Data Recovery. Shares in Solidere fell.",
       {{"Renault", "org"}, {"Ontrack Data Recovery", "org"}, {"Solidere", "org"}}},
      {"",
       "The cut was welcome, said Kurt Karl, economist at Swiss Re in New York. Rabbi Marvin Hier, "
       "founder of Jewish human rights group the Wiesenthal Center, spoke.",
       {{"Swiss", ""}, {"Jewish", ""}}},
      // "GB" is Great Britain, and a nation's team is its country; not gigabytes, nor games
      // behind in a table's heads.
      {"GB quartet get cross country call",
       "Hayley Yelling and Jo Pavey will represent Team GB at the event in France.",
       {{"United Kingdom", "place"}, {"Team GB", ""}, {"GB", ""}}},
      {"", "The laptop has a 40 GB hard drive and sells in Britain.", {{"GB", ""}}},
      {"",
       "Standings after games played on Thursday (tabulate under won, lost, winning percentage, "
       "games behind first place)\nW L PCT GB\nNEW YORK 74 58 .561 -",
       {{"United Kingdom", ""}}},
      // Capitalized words the tagger left inside a sentence, ending in an organization's word;
      // not the end of a longer name, a building's nor a product's.
      {"",
       "A survey carried out in 2000 by Forrester Research found that battery life was the most "
       "complained about feature of laptops.",
       {{"Forrester Research", "org"}}},
      {"",
       "He was approved by the Food and Drug Administration, worked near the World Trade Center "
       "and wrote using Windows Media Center.",
       {{"Drug Administration", ""}, {"World Trade Center", ""}, {"Windows Media Center", ""}}},
      {"",
       "The judge told the hearing at the Birmingham and Midlands Institute the case could have "
       "serious consequences. A team from Ontario has delayed the launch of its private rocket. "
       "The da Vinci Project had planned to use a gigantic balloon.",
       {{"Midlands Institute", ""}, {"Vinci Project", ""}}},
      // A place before a title the tagger read into one name with the person is where the office
      // is; a single letter after a company's descriptor is no company.
      {"",
       "Chicago Cardinal Joseph Bernardin, head of the archdiocese, said on Friday he was ill.",
       {{"Chicago", "place"}, {"Joseph Bernardin", "person"}}},
      {"", "Shrs offered by company N / A\nLead Underwriter Smith Barney", {{"N", ""}}},
      // A headline in capitals writes the surname of a person the text names in full so too.
      {"",
       "SOCCER - SILVA 'S `LOST PASSPORT' EXCUSE NOT ENOUGH FOR FIFA.\nMADRID 1996-08-30\nSpanish "
       "champions "
       "Deportivo Coruna will be without key midfielder Mauro Silva for Saturday's game with Real "
       "Madrid.",
       {{"Mauro Silva", "person"}, {"SILVA", ""}}},
      // "SpA", "Oyj" and "Bhd" are designations too: the name before is the company's, whole.
      {"",
       "\" This is really positive news, \" said Pirelli SpA chairman Marco Tonchetti Provera on "
       "Friday.",
       {{"Pirelli SpA", "org"}, {"SpA", ""}}},
      // A designation inside a name the tagger read as something else's ends a company's name.
      {"",
       "The Dow Chemical Co of the United States will invest $4 billion to build an ethylene "
       "plant in Tianjin city in northern China, the China Daily said on Saturday.",
       {{"Dow Chemical Co", "org"}}},
      // A company's designation ends its name before "of" and where it is; a club's name in a
      // line of results runs on to the score.
      {"",
       "Indonesia imported cars from Kia Motor Corp of South Korea through Jakarta's port.",
       {{"Kia Motor Corp", "org"}, {"South Korea", "place"}}},
      {"",
       "RUGBY LEAGUE - ENGLISH SUPER LEAGUE RESULTS.\nLONDON 1996-08-31\nResults of English "
       "rugby league matches on Saturday:\nWigan 42 Bradford Bulls 36",
       {{"Bradford Bulls", "org"}}},
      // A paper's name and a congress's end in an organization's word.
      {"",
       "The Sunday Telegraph quoted an astrologer. The party's rival, the African National "
       "Congress, won the vote in Pretoria.",
       {{"Sunday Telegraph", "org"}, {"African National Congress", "org"}}},
      // A weekday after an organization's name is the sentence's (but a club's); a holiday after a
      // country's name is no organization; "St." alone is no organization.
      {"",
       "He told the cable television network CNBC Friday that Sheffield Wednesday had won. Traders "
       "left early ahead of the U.S. Labor Day weekend.",
       {{"CNBC", "org"},
        {"CNBC Friday", ""},
        {"Sheffield Wednesday", "org"},
        {"U.S. Labor Day", ""}}},
      {"",
       "A late rally gave the San Diego Padres a rare win over the St. Louis Cardinals, as San "
       "Diego posted a 7-3 victory over St.",
       {{"St.", ""}}},
      // A ship's name after its kind is no entity; an airline after "carrier" is.
      {"",
       "The aircraft carrier Enterprise was in the eastern Mediterranean, and the firm lifted the "
       "sunken Russian submarine Kursk. Passengers flew with the Australian carrier Qantas.",
       {{"Enterprise", ""}, {"Kursk", ""}, {"Qantas", "org"}}},
      // A word, "van" and a surname the tagger left.
      {"",
       "We found it wise to take some time, \" EOE spokesman Lex van Drooge told Reuters.",
       {{"Lex van Drooge", "person"}, {"Lex", ""}}},
      // A first name in brackets and the surname after them.
      {"",
       "What we like would be Seles, (Olympic champion Lindsay) Davenport and Mary Joe Fernandez.",
       {{"Lindsay", "person"}, {"Davenport", "person"}}},
      // A club's designation after a town's name ends the club's name.
      {"",
       "Bob Murray, chairman of Sunderland FC, has launched a bid for the club.",
       {{"Sunderland FC", "org"}}},
      // A stock index's name is no organization's; an exchange's, before its index, is.
      {"",
       "Beirut's benchmark BLOM stock index closed down 7.9%. The American Stock Exchange index "
       "was down 1.66 points.",
       {{"BLOM", ""}, {"American Stock Exchange", "org"}}},
      // A name, a comma, an article and a company's descriptor ending the phrase.
      {"",
       "Analysts were cautious. Solidere, the Lebanese company founded by Rafik Hariri, fell "
       "sharply on Monday. Ostrander, the company's chairman, said little.",
       {{"Solidere", "org"}, {"Ostrander", ""}}},
      // A street after "in".
      {"",
       "Mr Blair told his monthly news conference in Downing Street on Tuesday.",
       {{"Downing Street", "place"}}},
      // A company's name before its designation, and the name again without it: in the headline
      // before the text names it, and where the tagger read a person ("Dell", "Jones").
      {"Dell, AOL team up in schools initiative",
       "ROUND ROCK, Texas -- Dell Inc. and America Online Inc. announced a partnership Monday.",
       {{"Dell", "org"}, {"Dell Inc.", "org"}, {"America Online Inc.", "org"}}},
      {"",
       "Jones Medical Industries Inc said Friday it completed the acquisition of Daniels "
       "Pharmaceuticals Inc of St. Petersburg, Fla.",
       {{"Jones Medical Industries Inc", "org"}, {"Jones", ""}, {"Industries Inc", ""}}},
      {"",
       "Shares in Tesco plc rose. Tesco said sales grew, and Tesco Tuesday Club members agreed.",
       {{"Tesco plc", "org"}, {"Tesco", "org"}}},
      // Not a company: a designation after no name; a name the article writes in lower case.
      {"", "Reid and Apple met the AG on Monday. An apple fell.", {{"AG", ""}, {"Apple", ""}}},
      // An organization's name ends before a joining word or mark, and before a possessive that
      // a name of its own follows; the right half found late joins its left.
      {"",
       "It was part of the Butler inquiry, he told the BBC: \"That is right.\" She told the "
       "BBC's Breakfast with Frost. Moody's Investors Service and Lloyd's of London agreed.",
       {{"BBC", "org"},
        {"BBC:", ""},
        {"BBC's Breakfast", ""},
        {"Moody's Investors Service", "org"},
        {"Lloyd's of London", "org"}}},
      {"",
       "Quotas were filled, she warned. Commission for Racial Equality chairman Trevor Phillips "
       "said asylum was a matter for the courts.",
       {{"Commission for Racial Equality", "org"}, {"Racial Equality", ""}}},
      // A one-word name before "told" is a person's (companies say; people tell).
      {"",
       "Turkish officials were doing what was necessary in regard to the return of Metin Kaplan, "
       "Erdogan told reporters.",
       {{"Erdogan", "person"}, {"Metin Kaplan", "person"}}},
      // The one word a quote's "says" ends with names who said it: a person where the article
      // gives a full name ending in it, or the model learned the word as a person's; a company
      // the model knows as one stays a company.
      {"Ryder-You can bank on Tiger, says Sutton",
       "US Ryder Cup captain Hal Sutton says reports of his demise will prove exaggerated.",
       {{"Hal Sutton", "person"}, {"Sutton", ""}}},
      {"", "'Abhorrent act' says Blair.", {{"Blair", "person"}}},
      {"", "Hackers are getting smarter, says Microsoft.", {{"Microsoft", "org"}}},
      // Every name in a list of companies is a company's, whatever the tagger read.
      {"",
       "More than 120 experts heard pledges of support from companies such as Nokia, Intel, "
       "Philips, Alcatel, France Telecom, Thomson and Telefonica.",
       {{"Nokia", "org"},
        {"Intel", "org"},
        {"Philips", "org"},
        {"Alcatel", "org"},
        {"France Telecom", "org"},
        {"Thomson", "org"},
        {"Telefonica", "org"}}},
      // A city the tagger leaves after "in" because its name is a common word; not where the word
      // begins a longer name or owns something.
      {"",
       "In Nice last week, the European Commission announced its initiative. More than 120 "
       "experts were in Nice to share the vision.",
       {{"Nice", "place"}, {"European Commission", "org"}}},
      {"", "He spent two years in Reading Gaol.", {{"Reading", ""}}},
      // ... or read as an organization's beside its club.
      {"",
       "Chelsea made inquiries about Inter Milan's star. Mourinho had claimed that he was in "
       "Milan talking to Adriano. Rusedski withdrew from the Open 13 in Marseille on Thursday.",
       {{"Inter Milan", "org"}, {"Milan", "place"}, {"Marseille", "place"}}},
      // A name first in its sentence, before a comma, is a dateline's place only where a place
      // follows the comma (and NDS, a registered company, is the company).
      {"",
       "NDS, STMicroelectronics and Thomson said Friday that they will develop new encryption "
       "technology.\n\nMILWAUKEE, Wisconsin 1996-08-31\nJesper Parnevik of Sweden fired a 63.",
       {{"NDS", "org"}, {"Nds", ""}, {"Milwaukee", "place"}, {"Wisconsin", "place"}}},
      // American states as papers abbreviate them.
      {"",
       "The company, based in Tacoma, Wash., said it lost money. Voters in Boulder, Colo. were "
       "happy.",
       {{"Tacoma", "place"}, {"Boulder", "place"}, {"Colorado", "place"}}},
      // Capitalized words the tagger left after "the", up to an organization's word, and "of"
      // and the words after it; not a law, a venue or a competition.
      {"",
       "Industry is strong, according to a survey by the Engineering Employers Federation. The "
       "Police Federation of England and Wales said the Terrorism Act was used at the Millennium "
       "Stadium before the Champions League match.",
       {{"Engineering Employers Federation", "org"},
        {"Police Federation of England and Wales", "org"},
        {"Terrorism Act", ""},
        {"Millennium Stadium", ""},
        {"Champions League", ""}}},
      // A broadcaster's channel by its number, a group of nations by its count; not Apple's G5.
      {"",
       "He said on BBC Radio 4 that the G8 summit would help. The show moved from BBC1 to ITV1, "
       "and Channel 4 showed it. The new Power Mac G5 is fast.",
       {{"BBC Radio 4", "org"},
        {"G8", "org"},
        {"BBC1", "org"},
        {"ITV1", "org"},
        {"Channel 4", "org"},
        {"G5", ""}}},
      // A list of companies ends with its item after "and", and holds no name that owns what
      // follows it; a name found after "the" stops at a title.
      {"",
       "Music players come from companies such as Creative, Sony and Philips, Steve Jobs said. "
       "Shoppers like firms such as Tesco, Britain's biggest retailer. The Police Federation of "
       "England and Wales Chairman Jan Berry said so.",
       {{"Philips", "org"},
        {"Steve Jobs", "person"},
        {"Tesco", "org"},
        {"United Kingdom", "place"},
        {"Police Federation of England and Wales", "org"},
        {"Jan Berry", "person"}}},
      // Things' abbreviations, events and prizes are no organizations.
      {"",
       "Sales of the PSP and the DS beat the PC, said the chief of Sony, before the Athens "
       "Games and the Brit Awards. GPRS phones use Internet Explorer.",
       {{"PSP", ""},
        {"DS", ""},
        {"PC", ""},
        {"Athens Games", ""},
        {"Brit Awards", ""},
        {"GPRS", ""},
        {"Internet Explorer", ""}}},
      // Nor tournaments named for their sponsors.
      {"",
       "Phil Mickelson won the Chrysler Classic of Greensboro on Sunday, a week before the BCA "
       "Invitational.",
       {{"Chrysler Classic", ""}, {"BCA Invitational", ""}, {"Phil Mickelson", "person"}}},
      // Nor grounds.
      {"",
       "The Jets beat the Giants at Shea Stadium on Sunday, and Jeff Gordon won at Texas Motor "
       "Speedway.",
       {{"Shea Stadium", ""}, {"Texas Motor Speedway", ""}, {"Jeff Gordon", "person"}}},
      {"",
       "Andre Agassi lost in the first round at the National Tennis Centre on Monday, the Pew "
       "Research Center said.",
       {{"National Tennis Centre", ""},
        {"Andre Agassi", "person"},
        {"Pew Research Center", "org"}}},
      // A country's name without its plural "s" is a people's adjective.
      {"Update 1: Philippine Shares End Up 0.7 Percent",
       "Philippine shares finished higher for the seventh straight session Thursday on "
       "follow-through buying anchored by improved investor sentiment, traders said.",
       {{"Philippine", ""}}},
      // A dateline after a credit.
      {"",
       "Canadian Press - AL-FASHER, Sudan (AP) - Security has improved inside camps in Sudan's "
       "Darfur region.",
       {{"Al-Fasher", "place"}, {"Sudan", "place"}}},
      // A country's possessive that lost its apostrophe is the country, and ends a name.
      {"",
       "NTL, the UKs largest cable company, sold its business to a fund managed by Australias "
       "Macquarie Bank. A charge from Spains Guillermo Garcia-Lopez.",
       {{"United Kingdom", "place"},
        {"Australia", "place"},
        {"Macquarie Bank", "org"},
        {"Australias Macquarie Bank", ""},
        {"Spain", "place"},
        {"Spains", ""}}},
      // A place's name that runs on into a venue's is the venue's: neither place nor
      // organization.
      {"",
       "Kurt Busch was hit by engine failure at Atlanta Motor Speedway and finished 42nd.",
       {{"Atlanta", ""}, {"Atlanta Motor Speedway", ""}, {"Kurt Busch", "person"}}},
      // A team sheet: the names in brackets after its players are clubs, but for a country.
      {"",
       "Forwards: Julien Bonnaire (Bourgoin), Yann Delaigue (Castres), Dimitri Yachvili "
       "(Biarritz), Serge Betsen (Biarritz), Sebastien Bruno (Sale), Nicolas Mas (Perpignan), "
       "Jerome Thion (Ireland).",
       {{"Bourgoin", "org"}, {"Sale", "org"}, {"Perpignan", "org"}, {"Ireland", "place"}}},
      // A company's one-word name in the registries of hardware makers (Debian's ieee-data,
      // usb.ids, pci.ids); not a plural of capitals, a word after "on", nor a person's surname.
      {"",
       "Alcatel reported a loss, and Sony sold more PCs on Broadway. Roy Thomson spoke; Thomson "
       "would not comment.",
       {{"Alcatel", "org"},
        {"Sony", "org"},
        {"PCs", ""},
        {"Broadway", ""},
        {"Thomson", ""},
        {"Roy Thomson", "person"}}},
      // A registered name the tagger read as a one-word name of another kind (BBC News tech/097,
      // tech/116): a person's that is a word of the word list too, proper and common, nowhere in
      // lower case and never after an honorific ("Google"), and a miscellaneous name
      // ("Hewlett-Packard", "Symbian").
      {"",
       "On its famously sparse homepage Google has placed a link that leads users to a list of "
       "sites where donations can be made.",
       {{"Google", "org"}}},
      {"",
       "Hewlett-Packard has signed a deal to sell network adapters from start-up S2io. Symbian "
       "said that the spread of the Skulls program was likely to be limited.",
       {{"Hewlett-Packard", "org"}, {"Symbian", "org"}}},
      // Not after an honorific ("President Trump"), nor beside a capitalized word the tagger
      // left ("the Caspian Sea"), nor a word before a noun after a determiner ("his Malibu
      // home").
      {"",
       "President Trump visited the prison, and Trump praised the guards. It may bid for projects "
       "in eastern Siberia and the Caspian Sea. The singer was at his Malibu home. The EgyptAir "
       "Boeing 707 overshot the runway.",
       {{"Trump", "person"}, {"Caspian", ""}, {"Malibu", ""}, {"Boeing", ""}}},
      // A first name the tagger read as a name of its own before a person's (BBC News
      // sport/302): one name; not a people's name before it ("German").
      {"",
       "Two moments of magic from Brian O'Driscoll guided Ireland to a workmanlike victory "
       "against Italy. Ireland captain O'Driscoll scored twice. An injury-time dropped goal by "
       "Ronan O'Gara stole victory for Ireland. Miguel Angel Jimenez completed a 2&1 victory "
       "over German Bernhard Langer at Wentworth.",
       {{"Brian O'Driscoll", "person"},
        {"O'Driscoll", ""},
        {"Ronan O'Gara", "person"},
        {"Bernhard Langer", "person"},
        {"German Bernhard Langer", ""}}},
      // A byline names the writer (AG News test-1036, test-6836, test-3985), before a dateline
      // too; not a date nor an outlet after "By".
      {"Europeans Eat Less of Dangerous Fatty Foods",
       "By PAUL GEITNER    BRUSSELS, Belgium (AP) -- Europeans eat less of the most dangerous "
       "fats. Task forces have been monitoring activists. By Ryan Singel. By June the figures "
       "were out. By Kari Lynn Dean. By Bloomberg News.",
       {{"PAUL GEITNER", "person"},
        {"Brussels", "place"},
        {"Ryan Singel", "person"},
        {"June", ""},
        {"Kari Lynn Dean", "person"},
        {"Bloomberg", ""}}},
      // After a post in a company or its shares, a word the tagger read as a miscellaneous name
      // alone is the company's where no list knows it (AG News test-6436); not a people's
      // adjective.
      {"",
       "Shareholders in Yukos are considering liquidation. He is the head of Jewish groups in "
       "the city. Raphael Lapke, publication director of Ivorian newspaper Le Populaire, was "
       "taken in for questioning.",
       {{"Yukos", "org"}, {"Jewish", ""}, {"Ivorian", ""}}},
      // A common word that opens a sentence or a dateline's text before a person's name, read
      // with it as an organization's, describes the person (AG News test-3936); not a compass
      // word.
      {"Drug report",
       "SAN FRANCISCO -- Slugger Barry Bonds took an undetectable performance-enhancing drug "
       "during the 2003 season, his weight trainer said. Northern Irish Protestant leaders met "
       "on Monday.",
       {{"Barry Bonds", "person"}, {"Slugger Barry Bonds", ""}, {"Irish Protestant", ""}}},
      // Names of one word each side of "&" are one organization's (BBC News business/177); an
      // organization's word the tagger read alone after capitalized words it left, and "The"
      // before them, ends an organization's name (politics/137).
      {"Hunts",
       "The Countryside Alliance said the meets would go ahead. Shares fell, according to "
       "mortgage lender Bradford & Bingley and housebuilder George Wimpey.",
       {{"Countryside Alliance", "org"},
        {"Alliance", ""},
        {"Bradford & Bingley", "org"},
        {"Bradford", ""},
        {"Bingley", ""}}},
      // A county read as an organization's name after "of" or after a place and a comma is the
      // county (BBC News politics/137).
      {"Hunts",
       "Police were out to monitor the four hunts operating in that part of Leicestershire. He "
       "was with the Beaufort Hunt in Badminton, Gloucestershire, on Saturday.",
       {{"Leicestershire", "place"}, {"Gloucestershire", "place"}, {"Beaufort Hunt", "org"}}},
      // A dateline without its dash: a major city in capitals that opens the text before a word
      // that is not in capitals (AG News test-5736, test-1027, test-1204); what the tagger ran
      // on past it is a name of its own. Not a country's code before a name ("US Airways").
      {"",
       "TAIPEI Acer, the Taiwan computer company, named Gianfranco Lanci of Italy as its head.",
       {{"Taipei", "place"}, {"Acer", "org"}, {"TAIPEI Acer", ""}}},
      {"",
       "HOUSTON Mike Lamb went four-for-five with a homer.",
       {{"Houston", "place"}, {"Mike Lamb", "person"}, {"HOUSTON Mike Lamb", ""}}},
      {"",
       "JERUSALEM Israel said on Monday it would pull out.",
       {{"Jerusalem", "place"}, {"Israel", "place"}}},
      {"",
       "US Airways said it would cut 1,000 jobs.",
       {{"US Airways", "org"}, {"United States", ""}}},
      {"", "MON Gencor YR EPS 93.12 92.0-94.5 73.8", {{"MON", ""}, {"Mon", ""}}},
      // Two people's names about an initial without its stop are one person's (BBC News
      // business/217); "Constable" is a title, and a county before a chief constable the
      // office's place (politics/137); the first name that ends a longer name before a
      // person's begins the person's (entertainment/187).
      {"",
       "He went to Brussels to meet with US President George W Bush and other leaders. Suffolk "
       "Chief Constable Alastair McWhirter said the hunts were lawful. The new album from DJ Lisa "
       "I'Anson is out.",
       {{"George W Bush", "person"},
        {"Alastair McWhirter", "person"},
        {"Suffolk", "place"},
        {"Lisa I'Anson", "person"}}},
      {"Nominees",
       "Antonio Tabucchi (Italy) John Updike (US) Abraham B Yehoshua (Israel)",
       {{"Abraham B Yehoshua", "person"}, {"Abraham", ""}}},
      // What owns, backs or funds ("Viacom-owned", AG News test-3336) is an organization, or a
      // country or a big city ("US-backed"); not a people's name, nor a common word.
      {"Radio",
       "The Viacom-owned radio giant started out small. A US-backed plan and Russian-owned "
       "firms, an Arab-backed bid and State-owned banks. A European Union-funded project began. "
       "Twenty CBS-owned TV stations were fined. A shaky United Nations-sponsored ceasefire "
       "held.",
       {{"Viacom", "org"},
        {"United States", "place"},
        {"Russian", ""},
        {"Arab", ""},
        {"State", ""},
        {"European Union", "org"},
        {"CBS", "org"},
        {"Twenty CBS", ""},
        {"Nations", ""}}},
      {"",
       "A New York-owned firm and a South Africa-backed plan were announced.",
       {{"New York", "place"}, {"York", ""}, {"South Africa", "place"}, {"Africa", ""}}},
      // "Motorsports" ends an organization's name (AG News test-4536).
      {"NASCAR mourns plane crash victims",
       "Crews recovered the bodies of all 10 people killed in the crash of a Hendrick "
       "Motorsports plane that was carrying family and friends.",
       {{"Hendrick Motorsports", "org"}}},
      // A lead that sets a person's name in capitals (AG News test-6536).
      {"Taxes",
       "GORDON BROWN faces a new warning today that he will have to raise taxes.",
       {{"GORDON BROWN", "person"}}},
      // AG News test-3611: a registered name that is a common word or a Census name too is the
      // company's where the text writes it twice inside sentences, between words in lower case,
      // and never in lower case; once is not enough.
      {"",
       "About 4.4 million adapters sold with Dell notebooks were recalled, according to Dell.",
       {{"Dell", "org"}}},
      {"",
       "About 4.4 million adapters sold with Dell notebooks were recalled on Friday.",
       {{"Dell", ""}}},
      // The examples of issue 17 (business/001.txt of BBC News): films joined by "and" are no
      // person, nor a function word after an acronym's stop; a company's name ending in "Bros",
      // and one a descriptor compound names ("search-engine Google"), are no places.
      {"Ad sales boost Time Warner profit",
       "The firm, which is now one of the biggest investors in Google, benefited from sales. "
       "Its profits were buoyed by one-off gains which offset a profit dip at Warner Bros, and "
       "less users for AOL. Time Warner said on Friday that it now owns 8% of search-engine "
       "Google. Its film division saw profits slump, helped by box-office flops Alexander and "
       "Catwoman. It has offered to pay $300m in a deal that is under review by the SEC. The "
       "company said it was unable to estimate the amount.",
       {{"Alexander and Catwoman", ""},
        {"The", ""},
        {"Google", "org"},
        {"Warner Bros", "org"},
        {"SEC", "org"},
        {"SEC.", ""}}},
      // The corpus's examples: an organization's name that runs on into a person's full name
      // ends before it, and is none without an organization's word; a surname of the article
      // read as an organization's is the person's; a person's name that runs on into an
      // organization's begins it.
      {"",
       "Department of Homeland Security Kristi Noem toured the prison. Noem, 53, arrived at the "
       "center. Secretary Kristi Noem said it worked. The post Photos Show Kristi Noem's Visit "
       "appeared first on Newsweek. Manuel "
       "Flores, secretary general of the leftist opposition party Farabundo Martí National "
       "Liberation Front, has criticized the plan.",
       {{"Department of Homeland Security", "org"},
        {"Department of Homeland Security Kristi Noem", ""},
        {"Photos Show Kristi Noem", ""},
        {"Photos Show", ""},
        {"Kristi Noem", "person"},
        {"Noem", ""},
        {"Farabundo Martí National Liberation Front", "org"},
        {"Farabundo Martí", ""},
        {"Liberation Front", ""}}},
      // A nation's body by its acronym: "the Spanish FA", "Egypt FA spokesman", and "the FA"
      // beside it is that one; "Turkish EU membership" names the EU.
      {"",
       "Real Madrid were fined by the Spanish FA on Monday. After talking with the FA, Real "
       "accepted. Turkish EU membership talks go on.",
       {{"Spanish FA", "org"},
        {"FA", ""},
        {"Real Madrid", "org"},
        {"Real", ""},
        {"EU", "org"},
        {"Turkish EU", ""}}},
      // "The FA" named before "the Spanish FA" is another (the home one); "the Kurdish PKK" is
      // no nation's body.
      {"",
       "On Monday the FA wrote to the Spanish FA about the match. Officials said the Kurdish PKK "
       "attacked a post.",
       {{"FA", "org"}, {"Spanish FA", "org"}, {"PKK", "org"}, {"Kurdish PKK", ""}}},
      // (two nations' bodies: "the FA" is neither for sure)
      {"",
       "On Monday the Spanish FA fined them. Egypt FA spokesman Methat Shalaby said the FA would "
       "not.",
       {{"Spanish FA", "org"}, {"Egypt FA", "org"}, {"FA", "org"}}},
      // A club named by its city, by its short name beside its full one; not where another name
      // begins alike ("Real Betis"), nor a city after a broadcaster's name ("BBC Liverpool").
      {"",
       "AC Milan beat Lazio. Milan now lead the league. Real Madrid drew with Real Betis, and "
       "Real fell to third. Steven Gerrard told the BBC Liverpool were unlikely to win. Liverpool "
       "manager Rafael Benitez agreed.",
       {{"AC Milan", "org"},
        {"Milan", ""},
        {"Real", "org"},
        {"Real Betis", "org"},
        {"Liverpool", "org"}}},
      // Not a headline's verbs between a person's name and an organization's, nor a weekday.
      {"",
       "In the end, Tony Blair Monday Labour Party members met again. Later, Warren Buffett "
       "praised Goldman Sachs.",
       {{"Tony Blair", "person"}, {"Warren Buffett", "person"}, {"Goldman Sachs", "org"}}},
      // An acronym written with stops is an organization's; not a place's, nor a thing's
      // ("L.C.D." is "LCD").
      {"",
       "Inside I.B.M., the issue has been debated. The N.F.L. said no. Visitors to the U.S.A. "
       "bought L.C.D. screens.",
       {{"I.B.M.", "org"}, {"N.F.L.", "org"}, {"United States", "place"}, {"L.C.D.", ""}}},
      // A surname that begins an organization's name of the article stays the company's.
      {"",
       "Bill Ford spoke on Monday. Ford Motor cut jobs, and Ford said more would go.",
       {{"Bill Ford", "person"}, {"Ford Motor", "org"}}},
      // A stock's code after a name: the name a company's, the code no name; "(U.S.)" no code.
      {"",
       "S&P may cut the rating for Constellation Brands (STZ.N: Quote, Profile, Research). Home "
       "Depot (NYSE: HD) fell; STMicroelectronics &lt;STM.PA&gt; rose. Woods (U.S.) 67.",
       {{"Constellation Brands", "org"},
        {"Home Depot", "org"},
        {"STMicroelectronics", "org"},
        {"STZ.N", ""},
        {"HD", ""},
        {"STM.PA", ""},
        {"United States", "place"}}},
      // A team sheet's run of initials and surnames is a run of people's names, the notes in
      // brackets none of them; a place in brackets is none of theirs.
      {"",
       "South Africa: P Montgomery; B Paulse, M Joubert, De Wet Barry, A Willemse, J van der "
       "Westhuyzen; J Smit (captain), E Andrews, B Botha.\n\nH Shimange, CJ van der Linde, G "
       "Britz, G du Toit/J Fourie.\n\nLeaders: E Els (South Africa) 67, V Singh (Fiji) 68.",
       {{"P Montgomery", "person"},
        {"B Paulse", "person"},
        {"A Willemse", "person"},
        {"J Smit", "person"},
        {"B Botha", "person"},
        {"H Shimange", "person"},
        {"CJ van der Linde", "person"},
        {"G du Toit", "person"},
        {"J Fourie", "person"},
        {"Fiji", "place"}}},
      // A Roman number or "Jr." after a person's name is part of it; not after a war's.
      {"",
       "Pope John Paul II met Martin Luther King Jr. in a play about Henry VIII. World War II "
       "ended. Pope Benedict XVI spoke. The Hartz IV reform and the fund Steel Partners II "
       "were news.",
       {{"John Paul II", "person"},
        {"Martin Luther King Jr.", "person"},
        {"Henry VIII", "person"},
        {"John Paul", ""},
        {"War II", ""},
        {"Benedict XVI", "person"},
        {"Hartz IV", "org"},
        {"Steel Partners II", "org"}}},
      // In a list of names, most of them organizations', a word alone the tagger left is one
      // too; not a common word ("Islands"), a word beside another name's ("Garments"), nor a
      // country.
      {"",
       "Among those already targeted are Bank of America, UBS, Credit Suisse First Boston, "
       "Deutsche Bank and Citigroup. Researchers from the University of the Highlands and "
       "Islands and Southampton spoke. The factories were Leisure Garments, Modern Garments and "
       "Six Garments. Talks with the EU, Nato and France went on. Nice parted with coach Albert "
       "Emon. A former player for Marseille and Monaco, Emon, 43, has coached Nice since 1992.",
       {{"Citigroup", "org"},
        {"Islands", ""},
        {"Garments", ""},
        {"France", "place"},
        {"Emon", ""},
        {"Albert Emon", "person"}}},
      // An organization's name ends before "in" or "on" and a day, a person's surname, or a
      // city; it runs on over "in" and a country, and where no such word follows.
      {"Mandelson warns BBC on Campbell",
       "Peter Mandelson said Alastair Campbell was right. Mr Mates, who was part of the Butler "
       "inquiry, told the BBC on Friday: \"That is right.\" Assad Omar spoke to the United "
       "Nations in Geneva. The State Farm Classic in Illinois ended, and the Commission on "
       "Social Justice met.",
       {{"BBC on Campbell", ""},
        {"Campbell", ""},
        {"BBC on Friday", ""},
        {"BBC", "org"},
        {"United Nations in Geneva", ""},
        {"United Nations", "org"},
        {"Geneva", "place"},
        {"Illinois", "place"},
        {"Commission on Social Justice", "org"}}},
      // A verb that opens a question is no part of the name after it.
      {"Can Yahoo dominate next decade?",
       "Yahoo has reached the grand old age of 10 and, in internet years, that is a long time. "
       "For many, Yahoo remains synonymous with the internet.",
       {{"Can Yahoo", ""}}},
      // A big town's name and the plural of a common word name a team; not a first name that
      // is a town's too, nor a surname of the article's.
      {"",
       "Curt Schilling pitched 6 2/3 innings and Manny Ramirez hit a three-run homer to lead the "
       "Boston Red Sox to a 9-3 win over the host Anaheim Angels. Barry Bonds watched. Alicia "
       "Keys sang.",
       {{"Anaheim Angels", "org"}, {"Barry Bonds", "person"}, {"Alicia Keys", "person"}}},
      // A place the gazetteer knows, a comma and a country or a region is a place wherever the
      // sentence names it; not in a headline's list.
      {"For Bush, Kerry, Iraq Is More Than a War",
       "President Bush and Sen. John Kerry are using Iraq. Hewlett-Packard Co. has bought IT "
       "services company Synstar plc, of Bracknell, England for about $293.3 million.",
       {{"Bracknell", "place"}, {"Kerry", ""}}},
      // A common word that opens a sentence before a person's name the tags split describes
      // the person.
      {"",
       "Dallas was shown in 140 countries at its height. Model Anna Nicole Smith's reality show "
       "and The Dukes of Hazzard were on the list.",
       {{"Anna Nicole Smith", "person"}, {"Model Anna Nicole Smith", ""}}},
      // A name right before a word that says where something is, which begins the place, is
      // none of its own.
      {"",
       "Palo Alto-based Hewlett-Packard Co. has bought Synstar. Little Rock-based Alltel will "
       "expand its network.",
       {{"Palo", ""}, {"Palo Alto", "place"}, {"Little", ""}, {"Little Rock", "place"}}},
      // An organization's name, "and" and capitalized words the tagger left that end in an
      // organization's word are one name; not before a number.
      {"",
       "The DC Sports and Entertainment Commission outlined its plans Tuesday night. The BBC "
       "wants its digital channels such as BBC Three and News 24 to be seen.",
       {{"DC Sports and Entertainment Commission", "org"},
        {"DC Sports", ""},
        {"BBC Three and News", ""}}},
      // A review's cases: companies of two capitals are no team sheet; a name the tagger began
      // before a sheet's first initial ends there; a first name that is a verb opens no question
      // ("Do Kwon"); a town that is a first name, after a role, is a person's ("teenager Madison
      // Keys"); a word the tagger read as a person's says a list is of people too.
      {"",
       "The companies include BT Cellnet, BT Openworld and BT Wholesale, the company said.\n\n"
       "Newport Gwent Dragons J Bryant, K Morgan, H Luscombe.\n\nDo Kwon had fought the move. "
       "Can Dundar, the former editor of Cumhuriyet, said so. The American teenager Madison "
       "Keys beat Venus Williams. Ferrari, McLaren and Schumacher dominated the season.",
       {{"BT Cellnet", "org"},
        {"BT Wholesale", "org"},
        {"J Bryant", "person"},
        {"Newport Gwent Dragons", "org"},
        {"Do Kwon", "person"},
        {"Can Dundar", "person"},
        {"Madison Keys", "person"},
        {"Schumacher", "person"}}},
      // A name the gazetteer knows before a word for land or water is a place's.
      {"",
       "Migrant smugglers are skirting security by using small boats to shuttle people from the "
       "under-supervised Baja coast into Southern California marinas.",
       {{"Baja", ""}}},
      // A government office's name runs on over "and" and the capitalized words it joins; not
      // where they end in an organization's word.
      {"",
       "Figures from the Department for Education and Skills show it. A study by the Department "
       "of Trade and Industry agreed, and so did the Department of the Environment, Food and "
       "Rural Affairs. Talks between the Department of Health and Oxford University went on.",
       {{"Department for Education and Skills", "org"},
        {"Department of Trade and Industry", "org"},
        {"Department of the Environment, Food and Rural Affairs", "org"},
        {"Department of Health and Oxford", ""}}},
      // A public body's word, "of" and capitalized words no entity holds, the same way.
      {"",
       "Last week, figures from the Council of Mortgage Lenders (CML) indicated that prices fell.",
       {{"Council of Mortgage Lenders", "org"}}},
      // A name ending in "-i" is no people's of a town ("Ferrari" of Ferrara, "Suzuki" of
      // Suzuka), but is of a country or a region ("Iraqi").
      {"",
       "Michael Schumacher drove for Ferrari and Jenson Button for BAR. Ferrari said it would "
       "appeal. Hyundai, Toyota, Suzuki and Ford already build cars there. Iraqi officials said "
       "so.",
       {{"Ferrari", "org"}, {"Suzuki", "org"}, {"Iraqi", ""}}},
      // A registered company's name that the word list knows as a proper name, read as a place,
      // is the company's where it names no place another way ("Korea", "Malibu, California").
      {"",
       "In the late 1980s the firm was a great rival to Atari, which produced its own range of "
       "home computers. Sales rose in Korea. He died at his home in Malibu, California.",
       {{"Atari", "org"}, {"Korea", "place"}, {"Malibu", "place"}}},
      // A craft's name is a thing's, in the whole article; not a place's or an owner's before it.
      {"",
       "NASA's Cassini spacecraft has spied two new little moons around Saturn. Since then "
       "Cassini has sent back images. The destruction of the Columbia space shuttle was "
       "recalled. The NASA space capsule crashed.",
       {{"Cassini", ""}, {"NASA", "org"}}},
      // Lists after the plural of a trade, "like" or ", including"; a place the gazetteer does
      // not know after a trade; a trade's compound and a name run over "and" are cut apart.
      {"",
       "Research by technology firms Earthlink and Webroot revealed it. Several carmakers, "
       "including Hyundai, Toyota, Suzuki and Ford, build cars in India. It is a market "
       "dominated by manufacturers like Dell. Online retailer Amazon has put a message on its "
       "page. Technology firms Sony, Philips, Matsushita and Samsung are developing it. A "
       "consortium, including Linux-distributor Mandrakesoft, has won a contract.",
       {{"Earthlink", "org"},
        {"Webroot", "org"},
        {"Suzuki", "org"},
        {"Dell", "org"},
        {"Amazon", "org"},
        {"Matsushita", "org"},
        {"Samsung", "org"},
        {"Mandrakesoft", "org"}}},
      // Not people the tagger read after a trade that names people as often.
      {"",
       "Veteran broadcasters David Dimbleby and Jeremy Paxman were there. Drug firms Merck and "
       "Pfizer fell.",
       {{"David Dimbleby", "person"},
        {"Jeremy Paxman", "person"},
        {"Merck", "org"},
        {"Pfizer", "org"}}},
      // A craft's owner before its noun is no craft.
      {"",
       "Nasa said the Cassini spacecraft was healthy. A Boeing space capsule will follow. Boeing "
       "built it, and Lockheed Martin spacecraft are planned.",
       {{"Cassini", ""}, {"Boeing", "org"}}},
      // A person's name in a headline in Title Case ends before a word the text writes in lower
      // case, a small word or a role; what is left is a person's only where the text names one.
      {"Schilling, Ramirez Lead Red Sox to Easy Opening Win",
       "Curt Schilling pitched 6 innings and Manny Ramirez hit a three-run homer to lead the "
       "Boston Red Sox to a 9-3 win over the Anaheim Angels.",
       {{"Ramirez Lead Red Sox", ""}, {"Manny Ramirez", "person"}}},
      // A name that owns what only a company has is a company's, there and where the article
      // names it again; not a country's, nor the end of a name "&" joins.
      {"",
       "A New South Wales inquiry criticised Hardie over the fund. Australia's securities "
       "watchdog is investigating Hardie's former chief executive. AT&T's shareholders agreed. "
       "Britain's board of trade met.",
       {{"Hardie", "org"}, {"T", ""}, {"United Kingdom", "place"}}},
      // Not a person's name that begins with a Census first name, one word a fuller name of the
      // article ends in, a name after an honorific, a town's club, nor a board of advisers (cases
      // of a review).
      {"",
       "Israeli troops surrounded Yasser Arafat's headquarters in Ramallah. Michael Dell said "
       "sales were strong, and Dell's profits rose. Mr Branson's profits fell, Richard Branson "
       "said. Liverpool's chairman David Moores was at the game in Liverpool. Sony Ericsson's "
       "profits rose. Lazard's board was meeting in Paris. Tory chairman Liam Fox spoke. Fox's "
       "board of advisers met.",
       {{"Yasser Arafat", "person"},
        {"Michael Dell", "person"},
        {"Richard Branson", "person"},
        {"Liverpool", "place+org"},
        {"Sony Ericsson", "org"},
        {"Lazard", "org"},
        {"Liam Fox", "person"}}},
      // A word of capitals joined by "&" is a company's, with the capitalized words after it
      // that no entity holds (not in the first line, a headline: "AT&T Posts $7.1 Billion Loss").
      {"Cingular closes deal",
       "It arose from the closing of Cingular Wireless' acquisition of AT&T Wireless. Just as the "
       "AT&T buy helped Cingular move ahead, its owner, P&O Cruises, said so.",
       {{"AT&T Wireless", "org"}, {"AT&T", "org"}, {"P&O Cruises", "org"}}},
      // Not a common noun's abbreviation; nor one name over "and" with another.
      {"",
       "We stayed at a B&B and drank a G&T with the A&R man. M&S and AT&T Wireless also reported "
       "results.",
       {{"B&B", ""}, {"G&T", ""}, {"A&R", ""}, {"M&S", "org"}, {"AT&T Wireless", "org"}}},
      // A compass word and a region of the world the tagger read as an organization's are a
      // place.
      {"",
       "Cold weather on both sides of the North Atlantic pushed prices up.\n\nReuters - "
       "Southern Africa faces major challenges to feed its swelling population.",
       {{"North Atlantic", "place"}, {"Southern Africa", "place"}}},
      {"Gordon Brown Unveils Budget",
       "The chancellor handed out brown envelopes. Mr Brown said growth would be strong.",
       {{"Gordon Brown", "person"}}},
      {"Angels' Glaus Activated From DL",
       "Troy Glaus was activated from the 60-day disabled list Sunday by the Anaheim Angels.",
       {{"Glaus Activated From", ""}, {"Troy Glaus", "person"}}},
      // A list after the plural of a kind of body and "such as" (rules-130).
      {"",
       "High-profile web portals such as Google, Yahoo, Ebay and Amazon are gathering links. "
       "It was taken from blacklists generated by organisations such as Spamcop.",
       {{"Yahoo", "org"}, {"Ebay", "org"}, {"Spamcop", "org"}}},
      // After a study's noun and "by", names with no Census name (rules-131); not a surname.
      {"",
       "A recent survey by Earthlink and Webroot found that 90% of PCs are infested. A survey by "
       "Hostway suggests that men shop online. A study by Smith found nothing.",
       {{"Earthlink", "org"}, {"Webroot", "org"}, {"Hostway", "org"}, {"Smith", "person"}}},
      // A title after a work's noun, a soap's or a sequel's too (rules-132).
      {"",
       "Film sequel Shrek 2 took three prizes. The show went up against popular ITV soap "
       "Coronation Street. Soap operas Knots Landing made the list.",
       {{"Shrek", ""}, {"Coronation Street", ""}, {"Knots Landing", ""}, {"ITV", "org"}}},
      // Analysts' firms after "analysts" (rules-133); not an analyst's name.
      {"",
       "Sales passed 167 million, according to a recent report from analysts Gartner. Sales will "
       "grow, say analysts Screen Digest. Analysts John Smith and Mary Jones disagreed.",
       {{"Gartner", "org"}, {"Screen Digest", "org"}, {"John Smith", "person"}}},
      // A name the gazetteer knows before a farm or a town is a place's (rules-134).
      {"Glastonbury fans to get ID cards",
       "More than 153,000 people are expected to travel to Mr Eavis' Somerset farm from 24-26 "
       "June.",
       {{"Somerset", "place"}}},
      // The last of a list of people, joined by ", and", is a person, whatever the tagger read
      // (rules-136; AG News test-4136); not an item of a list of people and a club.
      {"Logjam at the point",
       "He does not want a rotation of Marcus Banks, Jiri Welsch, and Delonte West picking up "
       "the minutes Gary Payton leaves behind.",
       {{"Delonte West", "person"}, {"Marcus Banks", "person"}}},
      {"",
       "Roy Keane, Real Madrid and David Beckham were named in the report.",
       {{"Real Madrid", "org"}}},
      {"",
       "A local house bought over 600 contracts of July soymeal,\n"
       "with C and D Commodities, Dean Witter, E.F. Hutton and Merrill\n"
       "Lynch buying small amounts of nearbys, pit brokers said.",
       {{"Merrill Lynch", "org"}}},
      // A title's person ends after a word the text gives a person, before a word it does not
      // (rules-136; AG News test-3527 and 80 more items), and the words cut from it run no name
      // on into an organization's ("Sharon| Rejects Army Bid"); not in a line of wire copy that
      // reads as a headline (Reuters-21578 311: "Pramual" alone is how Thai names are used).
      {"Rebel Attacks Hit Baghdad as Rumsfeld Visits Iraq",
       "A rocket attack and suicide car bombing killed at least four people in Baghdad Sunday as "
       "Defense Secretary Donald Rumsfeld began an unannounced visit to Iraq.",
       {{"Donald Rumsfeld", "person"}, {"Rumsfeld Visits Iraq", ""}, {"Iraq", "place"}}},
      {"Sharon Rejects Army Bid to Wind Down Gaza Offensive",
       "Israel's Ariel Sharon has rejected his army's request to scale back its Gaza offensive.",
       {{"Ariel Sharon", "person"}, {"Sharon", ""}}},
      // "General" before a common word begins a company's name (rules-138; 153 Reuters-21578
      // stories, 16 BBC and AG News items); not a title's, nor inside a longer name.
      {"",
       "Shares of General Motors rose 2 percent. General Electric Co., a maker of jet engines, "
       "said Friday that its board raised the dividend.",
       {{"General Motors", "org"}, {"General Electric Co.", "org"}, {"Electric Co.", ""}}},
      {"",
       "Attorney General John Ashcroft met leaders of the Transport and General Workers Union "
       "and Data General Corp in the General Election campaign.",
       {{"John Ashcroft", "person"}, {"General Workers Union", ""}, {"General Election", ""}}},
      {"ATPC MEMBERS FIND WAYS TO CURB TIN EXPORTS",
       "In Bangkok, Thai Industry Minister Pramual Sabhavasu said\n"
       "Thailand would keep to its 19,000 tonne quota.\n"
       "    Thailand exported 18,367 tonnes in 1986, up from 17,359 in\n"
       "1985, Pramual said.",
       {{"Pramual Sabhavasu", "person"}}},
      // The capitalized words before a paper's noun are the paper's name (rules-139); not a
      // people's word, a person's name or an adverb's "daily".
      {"",
       "Mr Houston was quoted in the Herald newspaper saying he felt betrayed. The show came "
       "last in the Broadcast magazine survey. The Sunday Mail newspaper attacked the budget. "
       "The claims were made by Sunday Telegraph journalist Robert Peston, our Washington "
       "correspondent Jon Sopel said. Police were alerted, said Home Affairs correspondent Danny "
       "Shaw. It was in the French Le Monde newspaper. Thousands visit the Louvre daily.",
       {{"Herald", "org"},
        {"Broadcast", "org"},
        {"Sunday Mail", "org"},
        {"Sunday Telegraph", "org"},
        {"Washington", "place"},
        {"Home Affairs", ""},
        {"Le Monde", "org"},
        {"French Le Monde", ""},
        {"Louvre", ""}}},
      {"",
       "Mr Brown spoke. A German magazine said the Tony Blair website was blocked. Tony Blair "
       "was angry. British Airways said it will continue to leave Heathrow daily.",
       {{"Tony Blair", "person"}, {"German", ""}, {"Heathrow", "place"}}},
      // A trade's plural ends a company's name as "Corp" does (rules-143); not a stock's.
      {"",
       "Howard Stern will leave a very different company than the Infinity Broadcasting he first "
       "joined in 1985. Tulip Computers and Harmony Gold Mining reported losses. Oil was bought "
       "for the Strategic Petroleum Reserve.",
       {{"Infinity Broadcasting", "org"},
        {"Tulip Computers", "org"},
        {"Harmony Gold Mining", "org"},
        {"Strategic Petroleum", ""}}},
      // "makers" is a trade's plural before its companies (rules-144).
      {"",
       "Drug makers Pfizer Inc. and Sanofi-Aventis on Tuesday posted positive results from "
       "trials of an inhaled insulin. The prize went to film makers Ken Loach and Mike Leigh. Fed "
       "policy makers Bernanke and Kohn said rates would rise.",
       {{"Sanofi-Aventis", "org"},
        {"Ken Loach", "person"},
        {"Mike Leigh", "person"},
        {"Kohn", ""}}},
      // More organizations' words (rules-147): a guild, an academy, a consortium, a corps; a
      // place's name begins one after "the" where a word of its own comes between; a name
      // joined by "and" stops where another runs on past its organization's word.
      {"",
       "Martin Scorsese is among the nominees at the Directors Guild of Great Britain awards. "
       "The British Retail Consortium said sales fell. He joined the Peace Corps in 1987. A "
       "ruling by the New Mexico Public Service Commission was cited. Exports were approved by "
       "the New Zealand Wheat Board. Foxx won prizes at the Golden Globes, Baftas and Screen "
       "Actors Guild Awards.",
       {{"Directors Guild of Great Britain", "org"},
        {"Great Britain", ""},
        {"British Retail Consortium", "org"},
        {"Peace Corps", "org"},
        {"New Mexico Public Service Commission", "org"},
        {"New Zealand Wheat Board", "org"},
        {"New Zealand", ""},
        {"Baftas and Screen Actors Guild", ""}}},
      // A football or rugby ground known by a name with no ground's word in it is a venue
      // (rules-148); a ground that is also a district's name stays a place.
      {"",
       "Liverpool beat Chelsea 2-0 at Anfield on Saturday. Ireland beat Scotland at Lansdowne "
       "Road, and Gloucester lost at Kingsholm. England play at Twickenham.",
       {{"Anfield", ""}, {"Lansdowne Road", ""}, {"Kingsholm", ""}, {"Twickenham", "place"}}},
      // A Census first name that is a common word too, before a surname no list knows, begins
      // a person's name (rules-149); not a registered company's, a contraction, nor a name in
      // another case.
      {"",
       "Curt Schilling pitched 6 2/3 innings and Manny Ramirez hit a three-run homer. Sales of "
       "Dell Optiplex computers rose. So I'm told, he said. It was May SMR prices that fell.",
       {{"Curt Schilling", "person"}, {"Dell Optiplex", ""}, {"So I'm", ""}, {"May SMR", ""}}},
      // A band's name before a member's role, where a name follows the role (rules-150); not a
      // genre's or a people's word, nor in a line with no stop at its end.
      {"",
       "U2 frontman Bono said in French that he was happy. Blur guitarist Graham Coxon played. "
       "Nineteen-year-old Blazin' Squad singer Kenzie is second. Soul singer Ray Charles died. "
       "Welsh singer Tom Jones sang. Joy Division made two albums, and Joy Division singer Ian "
       "Curtis wrote them.\nHillbillies singer Scoggins dies",
       {{"U2", "org"},
        {"Bono", "person"},
        {"Blur", "org"},
        {"Blazin' Squad", "org"},
        {"Soul", ""},
        {"Welsh", ""},
        {"Joy Division", "org"},
        {"Hillbillies", ""}}},
      // A trade's noun that opens a sentence is no part of the name after it (rules-151); not
      // where the name runs on, nor a company's name that begins with the noun.
      {"",
       "Telco BT stepped in to take over the payments. Chipmaker Intel said profits rose. "
       "Telco Systems Inc said it would merge. Insurer Aachener und Muenchener Beteiligungs-AG "
       "bought it.",
       {{"Telco BT", ""},
        {"BT", "org"},
        {"Chipmaker Intel", ""},
        {"Intel", "org"},
        {"Telco Systems Inc", "org"},
        {"Aachener", ""}}},
      // A place's name written onto a dollar's sign names the currency (rules-152).
      {"",
       "BT Group Plc plans to buy Infonet Services Corp. for US$965mil to add a network. It paid "
       "HK$3 billion. A court in Canada heard the case.",
       {{"US", ""}, {"HK", ""}, {"Canada", "place"}}},
      // An acronym in capitals in a title in Title Case is an organization's though the text
      // does not name it (rules-153); not a word of a title in capitals.
      {"Prying Into FBI Activities",
       "The ACLU files Freedom of Information Act requests to find out why task forces have been "
       "monitoring activists.",
       {{"FBI", "org"}}},
      {"UNION CARBIDE SAYS 1986 LONG-TERM DEBT WAS 3.06 BILLION DLRS VS 1.71 BILLION in 1985",
       "",
       {{"UNION", ""}}},
      // The region that subdivisions split by the compass are named after is a place (rules-154),
      // in Sudan; not Britain's counties.
      {"",
       "As the deadline nears for Sudan to disarm the militias in Darfur, the United Nations is in "
       "a dilemma. Fighting spread to Kordofan.",
       {{"Darfur", "place"}, {"Kordofan", "place"}}},
  };
  for (const Case& c : cases) {
    Article a;
    a.title = c.title;
    a.text = c.text;
    extractor().complete(a);
    for (const auto& [name, field] : c.names) BOOST_TEST(filed_as(a, name) == field, name);
  }
}

// Every form of a date the date forms read is found in a line of other words, whatever its case
// and punctuation: seeded random lines, each built from a known date (the check that the
// look before the regular expressions, publication_date.cc's may_match, never skips a date).
BOOST_AUTO_TEST_CASE(every_written_form_of_a_date_is_found) {
  static const char* const kMonths[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
  static const char* const kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
  static const char* const kNoise[] = {"Markets in decline,",
                                       "the mayor said",
                                       "Sept",
                                       "(Reuters) -",
                                       "Updated:",
                                       "Jun-3",
                                       "on 12/",
                                       "Mar.",
                                       ""};
  std::mt19937 random(17);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  auto cased = [&](std::string w) {
    switch (pick(3)) {
      case 0:
        for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        break;
      case 1:
        w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        break;
    }
    return w;
  };
  for (int n = 0; n < 3000; ++n) {
    const int year = 1990 + static_cast<int>(pick(40)), month = 1 + static_cast<int>(pick(12));
    const int day =
        1 + static_cast<int>(pick(static_cast<std::size_t>(days_in_month(year, month))));
    const Date date{year, month, day, Precision::kDay};
    std::string name = kMonths[month - 1];
    switch (pick(3)) {  // the name whole, its first three letters, or "Sept"
      case 1:
        name = name.substr(0, 3);
        break;
      case 2:
        if (month == 9) name = "sept";
        break;
    }
    name = cased(name) + (pick(2) ? "." : "");
    const std::string weekday =
        pick(2) ? cased(kWeekdays[iso_weekday(days_from_civil(year, month, day)) - 1]) +
                      (pick(2) ? ", " : " ")
                : "";
    const std::string d = std::to_string(day), y = std::to_string(year);
    std::string written;
    switch (pick(4)) {
      case 0:
        written = weekday + name + " " + d + (pick(2) ? "th" : "") + (pick(2) ? ", " : " ") + y;
        break;
      case 1:
        written = weekday + d + " " + name + (pick(2) ? ", " : " ") + y;
        break;
      case 2: {
        char iso[40];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
        written = iso;
        break;
      }
      default:
        written = std::to_string(month) + "/" + d + "/" + (pick(2) ? y : y.substr(2));
        break;
    }
    const std::string line = std::string(kNoise[pick(9)]) + " " + written + " " + kNoise[pick(9)];
    const std::vector<Date> found = dates_in_line(line);
    BOOST_TEST((std::find(found.begin(), found.end(), date) != found.end()), line);
  }
}

BOOST_AUTO_TEST_CASE(source_metadata_wins) {
  Article a;
  a.text = "Kristi Noem visited El Salvador.\nThe post X appeared first on Newsweek.";
  a.people = {"Someone Else"};
  a.outlet = "The Source";
  extractor().complete(a);
  BOOST_TEST(a.people == std::vector<std::string>{"Someone Else"},
             boost::test_tools::per_element());
  BOOST_TEST(a.outlet == "The Source");
  BOOST_TEST(a.places == std::vector<std::string>{"El Salvador"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_input_extracts_nothing_or_something_sensible) {
  for (const std::string& text :
       {std::string(), std::string("!!! ... ??? --- ((( )))"), std::string(5000, '.'),
        std::string("\xE2\x80\x94\n\n\n\xE2\x80\x94"), std::string("(AP)"),
        std::string("\xC2\xA9")}) {
    const Article a = extracted(text);
    BOOST_TEST(a.people.empty());
    BOOST_TEST(a.places.empty());
    BOOST_TEST(!a.date);
  }
  // Mixed scripts: the Latin names are found, the rest does no harm.
  const Article mixed = extracted(
      "Angela Merkel met \xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 in "
      "\xE6\x9D\xB1\xE4\xBA\xAC and Paris.");
  BOOST_TEST((std::find(mixed.places.begin(), mixed.places.end(), "Paris") != mixed.places.end()));
  // A 50 MB single line: extraction reads its first mebibyte and returns.
  std::string huge;
  huge.reserve(50u << 20);
  while (huge.size() < (50u << 20))
    huge += "Kristi Noem visited El Salvador and met officials there ";
  const Article big = extracted(huge);
  BOOST_TEST(big.people.size() <= 1u);
  for (const std::string& p : big.people) BOOST_TEST(p == "Kristi Noem");
}

BOOST_AUTO_TEST_SUITE_END()
