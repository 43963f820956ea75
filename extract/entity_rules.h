// Rules on top of the entity tagger, over the tags of a whole document (ner::Document::tags),
// and the word lists they share with the extractor. Each pass rewrites tags in place and keeps
// every BILOU sequence it writes well formed; the extractor (extract/extract.cc) runs them in the
// order declared here, then reads names off the tags.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/ner.h"

namespace morgue::rules {

// ---- Word lists (words folded: lower case, no diacritics) ----

// Words that end an organization's name ("Center", "Act", "Front", "Services", "& Co").
bool organization_word(const std::string& folded);
// Words right after an organization's name that make it one ("spokesman", "shares").
bool organization_role(const std::string& folded);
// Words that end an event's, an award's, a work's or a product's name ("Award", "Cup").
bool thing_word(const std::string& folded);
// Words that end the name of a place people go to ("Square", "Park", "Island", "County").
bool facility_word(const std::string& folded);
// Words in lower case after a place's name that say what kind of area it is ("region", "camp").
bool area_word(const std::string& folded);
// Abbreviations of things, written in capitals like organizations' ("PC", "GPRS", "IPO"): never
// a name (the whole name as written).
// The letters of an acronym written with stops ("I.B.M." -> "IBM"); "" for any other word.
std::string dotted_letters(std::string_view word);
bool thing_abbreviation(std::string_view name);
// The names of well-known products, platforms and games (folded: "xbox", "linux", "half-life"),
// which the tagger reads as their makers' names: no organizations.
bool product_name(const std::string& folded);
// Words that end a venue's name ("Stadium", "Speedway", "Theatre").
bool venue_word(const std::string& folded);
// Titles before a name that make the name a person's ("President", "Sec.", "Mr.").
bool person_title(const std::string& folded);
// Titles and honorifics as British papers write them, without a period ("Mr", "Sir", "MP").
bool honorific(const std::string& folded);
// Letters written after a person's name for an office or an honour ("Philippe Sands QC", "a
// Labour MP", "Glenys Kinnock MEP"): no organization's name, alone or as the end of one.
bool post_nominal(const std::string& folded);
// Honorifics and roles before a name ("striker", "publicist", "coach").
bool person_role(const std::string& folded);
// Compass words ("North", "Central"): alone, never a place.
bool direction_word(const std::string& folded);
// Regions of the world that the gazetteer (countries, their subdivisions, cities) lacks
// ("europe", "middle east"; folded).
bool world_region(const std::string& folded);
// Whether the span is a people's name ("Salvadoran", "Venezuelan", "South American"): a word
// that is a place's name in the gazetteer with a demonym's ending added ("-an", "-ian", "-ese",
// "-i" of a country or a region only, not of a town: "Ferrari" is none; "Kurdish" of Kurdistan),
// or a country's without its plural "s" ("Philippine"), or a
// people's plural of a land named "-istan" ("Kurds"), perhaps after a compass word.
bool demonym(const ner::Gazetteer& gazetteer, const std::vector<ner::Token>& tokens,
             const ner::Span& span);
// Weekdays, months and "today": never part of a person's name.
bool calendar_word(const std::string& folded);
// Words that may open a sentence before a company's name and are no part of it ("the", "and").
bool sentence_opener(const std::string& folded);
// "the Spanish FA", "Jewish", "Iraqi", "Dutch": a capitalized word of four letters or more with a
// people's adjective's ending ("-ish", "-an", "-ese", "-ch", "-i").
bool peoples_adjective(const ner::Token& token);

// A word that starts with an ASCII capital letter (not a digit, unlike ner::capitalized).
bool capitalized_word(std::string_view word);
// A word with two letters or more and none in lower case ("TORONTO", "NY").
bool all_capitals(std::string_view word);
// A capitalized word of letters ("O'Brien", "Young-hoon"; not "1:7").
bool plain_word(const ner::Token& token);
// Whether sentence s is a headline, where capitals say nothing: a line in capitals, or a line of
// 20 tokens at most in Title Case. Given the word list, a Title Case line must also capitalize
// common words ("Howard Wins Again": two at least, and a third of the capitalized words after the
// first), unlike a line of names ("Larry Fine", "3. William Tanui (Kenya) 3:51.40").
// The passes here only skip headlines, names and all, so they go without the word list; the
// extractor, which doubts every name in a headline, asks with it to spare lines of names.
bool headline(const ner::Document& doc, std::size_t s, const ner::Gazetteer* words = nullptr);

// Whether sentence `s` has no letter in lower case (a headline in capitals, as wires write them).
bool shouted(const ner::Document& doc, std::size_t s);

// Tags tokens [first, end) as one entity of the type.
void retag(std::vector<int>& tags, std::size_t first, std::size_t end, ner::Type type);
// The words of tokens [first, end) as written, joined by single spaces ("Santiago de Cuba").
std::string joined_words(const std::vector<ner::Token>& tokens, std::size_t first, std::size_t end);

// ---- Passes, in the order the extractor runs them ----

// A word in lower case that is no small word of names ends a name ("why the BBC should| be").
void lower_case_breaks(ner::Document& doc);
// A preposition, a conjunction or an adverb is no name of one word ("Since 2002,", "Born in"), and
// a verb that opens a question no part of a name ("Can| Yahoo dominate next decade?").
void closed_class_words(ner::Document& doc);
// A headline's name that runs on past a name the text gives is that name ("Bud Selig| Has Skin
// Cancer").
void headline_names(ner::Document& doc, const ner::Gazetteer& gazetteer);

// A capitalized run after a person's title or honorific is that person ("President Trump").
void mark_titled_people(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Federal Reserve Governor Lawrence Lindsey": a title inside another entity's name starts a
// person's name.
void split_titled_spans(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "By PAUL GEITNER BRUSSELS, Belgium (AP)", "... activists. By Ryan Singel.": a sentence that
// begins with "By", a first name the Census lists and a surname (in capitals both, or neither),
// names the writer: a person. So does a lead that sets a Census first name in capitals ("GORDON
// BROWN faces", "MICHAEL Kasprowicz has").
void bylines(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "TORONTO (Reuters) -", "WEST POINT, NY -": the place of a wire dateline; and "INDIANAPOLIS
// Peyton Manning completed": a major city in capitals that opens a sentence before a word not in
// capitals, a dateline without its dash, where what the tagger ran on past it is a place's, a
// person's (a Census first name), no name (a common word alone) or the name it read.
void mark_datelines(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Santiago de Cuba" is one place, "Tren de Aragua" one organization, "Gil de Ferran" one person.
void join_particle_names(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Office for National Statistics" is one organization, "National Statistics" none; so are
// "Human Rights in China", "Pew Internet and American Life Project" and "First Bank System".
void join_organizations_of(ner::Document& doc, const ner::Gazetteer& gazetteer);
// A place's name right before an organization's is part of it ("New York State| Supreme Court").
void placed_organizations(ner::Document& doc);
// A person's name is a person's throughout the article (surnames alone, first names before them,
// names tagged as organizations that end in the person's surname).
void consistent_people(ner::Document& doc, const ner::Weights& weights);
// A person's surname alone, read as a place's or an organization's name, is the person's
// ("Robert Kilroy-Silk ... Kilroy-Silk/U-LOC said").
void surnames_alone(ner::Document& doc, const ner::Gazetteer& gazetteer,
                    const ner::Weights& weights);
// A name between people in a list of them is a person's ("Raul Rodrigo Lara, Cuauhtemoc
// Blanco, Alberto Garcia Aspe"; "F Sheahan, M Horan": a team sheet's).
void listed_people(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Brian O'Driscoll" read as a miscellaneous name and a person's, "Ronan O'Gara", "P O'Connell":
// a word of one name right before a person's name (or the last word of a longer name, "DJ Lisa|
// I'Anson") is its first name where the Census lists it as one or the surname begins with "O'"
// or "D'"; and two people's names about an initial are one ("George| W |Bush"). Not a major
// place ("Sydney"), a word the model
// learned alone as another kind's than a person's first name ("German"), nor a word in capitals
// ("LAURAN NEERGAARD", a byline).
void first_names_before_people(ner::Document& doc, const ner::Gazetteer& gazetteer,
                               const ner::Weights& weights);
// "Pope John Paul II", "Henry VIII", "Martin Luther King Jr.": a Roman number or "Jr." right after
// a person's name is part of it.
void name_suffixes(ner::Document& doc);
// "the host Anaheim Angels", "Sale Sharks", "Miami Dolphins" read as people's names: the name of a
// town of 100,000 people or more (or a region) and a plural of a common word that is no Census
// name are a team's (not "Indiana Jones", "Dallas Roberts"); not where the town's name is a
// Census surname or a surname of the article's, nor a Census first name unless after "the" ("the
// Dallas Cowboys", not "teenager Madison Keys"), nor in a headline, where the word may be a verb
// ("Kerry Widens Lead").
void teams_by_towns(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Harold Smith took over": a common Census first name before a capitalized word that is no
// common word, both untagged, is a person's name.
void census_people(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Sonia O'Sullivan" read as a place and a name of its own kind: an Irish surname alone is a
// person's, with a Census first name before it.
void irish_surnames(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Harold Wilson took over" read as an organization: a Census first name and a surname that the
// model learned as no other entity's are a person's name.
void census_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer,
                          const ner::Weights& weights);
// "King County", "in Downing Street": untagged capitalized words before "County" or "Province",
// or before a street's word after "in", "at" or "near", are a place's name.
void areas_and_streets(ner::Document& doc);
// "visits Manchester, Liverpool, Leicester", "a city like Peterborough": names the gazetteer knows
// that the words around them make places ("part of Leicestershire", "Badminton,
// Gloucestershire": a county); "director at Tiscali": one it does not know, where people work, an
// organization.
void places_by_context(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "the UKs largest cable company", "Australias Macquarie Bank": a country's possessive that lost
// its apostrophe (gazetteer.h: possessive_country) is the country, and a name the tagger began
// with it begins after it.
void lost_apostrophes(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "carmaker Nissan", "Nissan chairman", "companies such as Creative, Sony and Philips",
// "technology firms Earthlink and Webroot", "manufacturers like Dell", "online retailer Amazon"
// (a place the gazetteer does not know): names that words around them say are organizations'
// (a list's items cut where the tagger ran a name over "and"); and parties and institutions of one
// word the tagger leaves ("the Conservatives", "Tory leader", "the Commons"); capitalized words
// after "the" up to an organization's word ("The Countryside Alliance said"), that word read
// alone as a name or not.
void described_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Nokia", "Alcatel": a capitalized word of four letters or more (not in capitals: "EDT",
// "ISDN") that the company registries know as a company's whole name (gazetteer.h: company),
// untagged (but after "in", "on", "at" or "near") or read as a one-word person's or miscellaneous
// name ("Hewlett-Packard", "Symbian"), is the company. Not where the word is a common word as well
// (the word list: "Apple", "Sharp"), a place the gazetteer knows ("Kingston"), a Census name, the
// surname of a person the article names ("Thomson" beside "Roy Thomson"), a plural of capitals
// ("PCs"), a title, a role or a word that ends names ("Lord", "City"); nor, inside a sentence,
// where a capitalized word the tagger left is beside it ("Sony Ericsson", "the Caspian Sea"); nor
// a miscellaneous name between a determiner and a noun ("his Malibu home"), in quotes or before
// a model's number ("Boeing 707"). A person's name that
// the word list holds as both a proper and a common word ("Google") is the company's where the
// article never writes it in lower case nor after an honorific ("President Trump").
void registered_companies(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Deutsche Bank and Citigroup": in a list of three names or more, half of them or more
// organizations', a name of one word the tagger left alone inside the sentence (or read as a
// miscellaneous name, as a place that is a registered company, or as a person where it is a
// registered company, a proper name the Census does not list or a name with a capital inside) is
// an organization's; no change where another item is a country, a place that is no company, a
// Census first name, a common word, a sentence's opener or a surname of the article's people.
void listed_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "the United Nations in Geneva", "EA in Europe", "BBC on Friday", "Mandelson warns BBC on
// Campbell": an organization's name the tagger ran on over "in" or "on" ends there where the
// rest is a day, one of the article's people's surnames, or a place the gazetteer knows after an
// organization's word, an acronym or a name the article gives an organization alone; not "the
// Board of Control for Cricket in India", "Human Rights in China".
void placed_after_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "General Motors", "General Electric Co.", "General Dynamics": "General" before a common word,
// which the tagger reads as a general's title (it leaves "General Motors" untagged and reads
// "Electric Co." as a person), begins a company's name: with that word, the capitalized words
// after it and a legal designation. Not before a first name or, unless a designation follows, a
// surname of the Census lists ("General Grant", "General Franks"), nor a title's, an election's
// or a treaty's ("Attorney General", "the General Election", "General Agreement on Tariffs").
void general_companies(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "the Guardian newspaper", "Broadcast magazine", "the BBC News website": the capitalized words
// right before a paper's or a website's noun in lower case are the paper's name, an
// organization's; not a people's or a place's word ("a German magazine", "the London
// newspaper"), nor a name after "a" ("a PC magazine"), nor one the tagger read as a people's word
// whole ("a Tory newspaper").
void publications_by_noun(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "U2 frontman Bono", "Blur guitarist Graham Coxon": the capitalized words before a band member's
// role, where a name follows it, are the band's name, an organization's; not a genre's, a people's
// or a place's word ("Soul singer Ray Charles", "Welsh singer Tom Jones").
void bands_by_role(ner::Document& doc, const ner::Gazetteer& gazetteer);
// "Dell Inc.", "Tesco plc": capitalized words before a company's legal designation, untagged or
// holding only whole entities, are that company's name; so is a name before a stock's code
// ("Home Depot (NYSE: HD)"). And an organization's name is an organization's throughout the
// article: where its words stand again untagged ("Dell recalls" beside "Dell Inc."), and, for a
// designated company's name without its designation, where the tagger read the same words as
// another kind of name. Names of one word each side of "&", one read as an organization's, are
// one ("Bradford & Bingley").
void consistent_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer);

}  // namespace morgue::rules
