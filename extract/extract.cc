// The default extractor: entities from the tagger, canonical names, the publication date and the
// outlets, each only where the source gave none.
#include "extract/extract.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "common/ascii.h"
#include "common/document.h"
#include "common/text.h"
#include "extract/entity_rules.h"
#include "extract/gazetteer.h"
#include "extract/names.h"
#include "extract/native_places.h"
#include "extract/ner.h"
#include "extract/outlets.h"
#include "extract/publication_date.h"
#include "extract/word_set.h"

namespace morgue {

using namespace std::string_view_literals;
namespace {

using namespace rules;

// Extraction reads at most this much of an article: names and dates are in its first pages, and
// the tagger's memory grows with the text.
constexpr std::size_t kExtractBytes = 1 << 20;

std::string_view bounded(std::string_view text) {
  if (text.size() <= kExtractBytes) return text;
  std::size_t cut = kExtractBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // whole characters
  return text.substr(0, cut);
}

std::string last_word(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  return fold(space == std::string::npos ? name : name.substr(space + 1));
}

// Whether the extractor may fill a list: the source neither gave nor declared it.
bool open_list(const std::vector<std::string>& list, bool declared) {
  return list.empty() && !declared;
}

void add_unique(std::vector<std::string>* list, std::unordered_set<std::string>* seen,
                std::string name) {
  if (name.empty()) return;
  if (seen->insert(fold(name)).second) list->push_back(std::move(name));
}

// Nouns of buildings and compounds, after their names ("the al-Aqsa mosque", "Belmarsh prison").
bool facility_noun(const std::string& folded) {
  // (not "airport": "Stansted airport" names the place it serves, as CoNLL-2003 has it)
  static const WordSet nouns = {"mosque",   "church", "cathedral", "temple",  "shrine", "synagogue",
                                "prison",   "jail",   "stadium",   "palace",  "castle", "hotel",
                                "hospital", "camp",   "compound",  "complex", "mall"};
  return nouns.count(folded) > 0;
}

// Nouns of works before their titles ("the film Vera Drake", "film sequel Shrek 2", "soap operas
// Knots Landing"); not those that are verbs or adjectives as often ("show", "play", "single",
// "books").
bool work_noun(const std::string& folded) {
  static const WordSet nouns = {
      "film",   "movie",  "novel",  "book",        "album",  "song",     "musical",
      "series", "sitcom", "drama",  "documentary", "opera",  "thriller", "biopic",
      "comedy", "ballad", "sequel", "soap",        "soaps",  "operas",   "films",
      "movies", "novels", "albums", "sitcoms",     "dramas", "musicals", "documentaries"};
  return nouns.count(folded) > 0;
}

// Words that end the names of sports grounds and arenas: a venue's word but a theatre's ("the
// National Theatre" is a company as often as a building), or a golf course's; and of prisons
// ("Belmarsh Prison": a building, as CoNLL-2003 has "Changi prison", no organization).
bool ground_word(const std::string& folded) {
  return (venue_word(folded) && folded != "theatre"sv && folded != "theater"sv) ||
         folded == "course"sv || folded == "prison"sv || folded == "jail"sv || folded == "gaol"sv ||
         folded == "penitentiary"sv;
}

// Football and rugby grounds known by a name with no ground's word in it ("Anfield", "Lansdowne
// Road", "Nou Camp"): venues, as the labels have them. Not the grounds that are also the names of
// towns or districts in common use (Twickenham, Old Trafford, Wembley, Headingley), nor the
// cricket grounds, which CoNLL-2003 labels as places ("Trent Bridge", "The Oval").
bool named_ground(const std::string& folded) {
  static const WordSet grounds = {
      "anfield",        "stamford bridge", "highbury",    "lansdowne road",    "murrayfield",
      "kingsholm",      "ibrox",           "parkhead",    "celtic park",       "hampden park",
      "villa park",     "goodison park",   "ewood park",  "upton park",        "selhurst park",
      "fratton park",   "white hart lane", "elland road", "loftus road",       "carrow road",
      "portman road",   "vicarage road",   "easter road", "welford road",      "bramall lane",
      "craven cottage", "molineux",        "pittodrie",   "tynecastle",        "pride park",
      "nou camp",       "camp nou",        "san siro",    "bernabeu",          "stradey park",
      "thomond park",   "ravenhill",       "sixways",     "franklin's gardens"};
  return grounds.count(folded) > 0;
}

// Words before "Centre" in the names of venues ("National Tennis Centre") and of places of
// custody ("the Terrorism Confinement Center", a prison; "Campsfield Detention Centre").
bool venue_centre(const std::string& folded) {
  static const WordSet words = {"tennis",  "sports",      "leisure",    "aquatic",    "aquatics",
                                "olympic", "exhibition",  "conference", "convention", "shopping",
                                "expo",    "civic",       "detention",  "removal",    "confinement",
                                "remand",  "correctional"};
  return words.count(folded) > 0;
}

// Small words inside a work's title ("Pirates of the Caribbean", "Georgia On My Mind").
bool title_word(const std::string& folded) {
  // (not "and": "the biopic Ray and Mike Leigh's Vera Drake")
  static const WordSet words = {"of", "the", "on", "in", "a", "my", "to", "for"};
  return words.count(folded) > 0;
}

// The nations of the United Kingdom named by one word, which field sides of their own ("England
// captain").
bool home_nation(const std::string& folded) {
  return folded == "england"sv || folded == "scotland"sv || folded == "wales"sv;
}

// A player's or a manager's role in a side, after the side's name ("Leicester lock").
bool side_role(const std::string& folded) {
  static const WordSet roles = {"striker", "midfielder", "defender",   "winger",    "goalkeeper",
                                "manager", "boss",       "captain",    "skipper",   "hooker",
                                "flanker", "fly-half",   "scrum-half", "full-back", "centre-back"};
  return roles.count(folded) > 0;
}

// Roles in a side that are everyday nouns as often ("a London coach", "Hamas's Gaza wing").
bool everyday_role(const std::string& folded) {
  static const WordSet roles = {"coach", "keeper", "lock", "prop", "wing"};
  return roles.count(folded) > 0;
}

// The extractor's version: this code's (bump kRulesVersion when a rule changes) and the model's.
constexpr const char* kRulesVersion = "rules-154";

std::string model_version(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::string(kRulesVersion) + " model-" + content_hash(bytes);
}

ner::Gazetteer load_gazetteer(const ExtractionData& data) {
  ner::Gazetteer g = ner::Gazetteer::load(data.iso_codes_folder, data.word_list, data.census_names);
  for (const std::string& path : data.company_registries) g.load_company_registry(path);
  return g;
}

class Default : public Extractor {
 public:
  explicit Default(const ExtractionData& data)
      : weights_(ner::Weights::load(data.model)),
        gazetteer_(load_gazetteer(data)),
        native_places_(data.locale_folder, data.iso_codes_folder, gazetteer_),
        version_(model_version(data.model) + "; names in English, places in any language; " +
                 std::to_string(gazetteer_.companies()) + " companies") {}

  std::string version() const override { return version_; }

  void complete(Article& a) const override {
    const std::string_view text = bounded(a.text);
    // The rules and the model read English: in another language they find only noise, so an
    // article there keeps its declared names and gets the places it names as the gazetteer's
    // translations have them (native_places.h) and a date, nothing more (reads_names).
    const bool english = reads_names(a.lang);
    OutletsFound outlets = english ? find_outlets(text, a.title) : OutletsFound{};
    const bool people = open_list(a.people, a.declared.people),
               places = open_list(a.places, a.declared.places),
               organizations = open_list(a.organizations, a.declared.organizations);
    if (english && (people || places || organizations)) {
      Entities e = entities(a.title, text);
      drop_outlets(&e.places, outlets);
      drop_outlets(&e.organizations, outlets);
      if (people) a.people = std::move(e.people);
      if (places) a.places = std::move(e.places);
      if (organizations) a.organizations = std::move(e.organizations);
    } else if (!english && places) {
      a.places = native_places_.find(with_title(a.title, text), a.lang);
    }
    if (!a.date) {
      if (auto found = find_publication_date(text)) {
        a.date = found->date;
        a.date_origin = Origin::kExtracted;
        a.date_basis = found->basis;
      }
    }
    if (a.outlet.empty() && !outlets.own.empty()) {
      a.outlet = outlets.own;
      a.outlet_basis = outlets.basis;
    }
    if (open_list(a.cited, a.declared.cited)) a.cited = std::move(outlets.cited);
  }

 private:
  // "Conservative leader", "a Republican senator": a party named by its adjective is the party.
  static std::string party_name(std::string name) {
    if (name == "Conservative" || name == "Republican" || name == "Democrat") name += 's';
    return name;
  }

  // An outlet the text names is an outlet, not a place ("appeared first on Newsweek").
  static void drop_outlets(std::vector<std::string>* names, const OutletsFound& outlets) {
    std::unordered_set<std::string> outlet_names = {fold(strip_article(outlets.own))};
    for (const std::string& c : outlets.cited) outlet_names.insert(fold(c));
    names->erase(std::remove_if(names->begin(), names->end(),
                                [&](const std::string& n) {
                                  return outlet_names.count(fold(strip_article(n))) > 0;
                                }),
                 names->end());
  }

  // The headline is read with the body (its names count), unless the body repeats it.
  static std::string with_title(const std::string& title, std::string_view text) {
    std::string doc;
    if (!title.empty() && text.substr(0, title.size()) != title)
      doc = title + "\n\n";  // never wrapped into the text
    doc += text;
    return doc;
  }

  struct Entities {
    std::vector<std::string> people, places, organizations;
  };

  Entities entities(const std::string& title, std::string_view text) const {
    const std::string doc = with_title(title, text);
    // (whether the article writes a website's address at all: most do not, and then no name
    // needs looking for as one)
    const bool sites =
        doc.find(".com") != std::string::npos || doc.find(".co.uk") != std::string::npos;
    ner::Document tagged(ner::tokenize(doc), gazetteer_);
    ner::tag_document(weights_, tagged);
    // A headline: a line the rules read as one, or the article's own title in Title Case, whose
    // capitals say nothing however few of its words are common ones ("Fake Lycos Screensaver
    // Hides a Keylogger"). (People only: an organization a short item names in its title alone
    // is most often one, "Sauber", "Hendrick Motorsports".)
    auto in_title = [&](std::size_t s) {
      const auto& tokens = tagged.sentences()[s].tokens;
      return !title.empty() && !tokens.empty() && tokens.front().begin < title.size();
    };
    auto headline_at = [&](std::size_t s) {
      return headline(tagged, s, &gazetteer_) || (in_title(s) && tagged.title_case(s));
    };
    // (whether the article reports a match: it gives a score, "3-0", "25-23", or speaks of a
    // game, a season, a coach, a goal ...; asked only where a win's words come before a place)
    auto reports_match = [&tagged] {
      return std::any_of(
          tagged.sentences().begin(), tagged.sentences().end(), [](const ner::Sentence& sentence) {
            static const WordSet sport = {
                "match",      "game",    "season",   "cup",        "league",      "coach",
                "goal",       "goals",   "scored",   "touchdown",  "quarterback", "inning",
                "innings",    "playoff", "playoffs", "tournament", "striker",     "midfielder",
                "semi-final", "final",   "try",      "tries",      "wicket",      "fixture"};
            return std::any_of(
                sentence.tokens.begin(), sentence.tokens.end(), [](const ner::Token& t) {
                  if (sport.count(t.lower)) return true;
                  const std::size_t dash = t.text.find('-');
                  return dash != std::string_view::npos && dash > 0 && dash < 3 &&
                         all_digits(t.text.substr(0, dash)) &&
                         all_digits(t.text.substr(dash + 1)) && t.text.size() - dash - 1 <= 2;
                });
          });
    };
    int scored_match = -1;  // unknown until asked
    // (the words of the people's names the article gives outside its headlines, folded;
    // gathered from the tags when first asked, after the rules below)
    std::unordered_set<std::string> people_words;
    bool people_words_read = false;
    auto person_words = [&]() -> const std::unordered_set<std::string>& {
      if (people_words_read) return people_words;
      people_words_read = true;
      for (std::size_t t = 0; t < tagged.sentences().size(); ++t) {
        if (headline_at(t)) continue;
        for (const ner::Span& span : ner::spans_of(tagged.tags()[t], t))
          if (span.type == ner::Type::kPerson)
            for (std::size_t j = span.first; j <= span.last; ++j)
              people_words.insert(tagged.sentences()[t].tokens[j].lower);
      }
      return people_words;
    };
    lower_case_breaks(tagged);
    closed_class_words(tagged);
    headline_names(tagged, gazetteer_);
    mark_titled_people(tagged, gazetteer_);
    split_titled_spans(tagged, gazetteer_);
    bylines(tagged, gazetteer_);
    mark_datelines(tagged, gazetteer_);
    join_particle_names(tagged, gazetteer_);
    join_organizations_of(tagged, gazetteer_);
    placed_organizations(tagged);
    consistent_people(tagged, weights_);
    surnames_alone(tagged, gazetteer_, weights_);
    listed_people(tagged, gazetteer_);
    census_people(tagged, gazetteer_);
    census_organizations(tagged, gazetteer_, weights_);
    irish_surnames(tagged, gazetteer_);
    first_names_before_people(tagged, gazetteer_, weights_);
    name_suffixes(tagged);
    teams_by_towns(tagged, gazetteer_);
    areas_and_streets(tagged);
    places_by_context(tagged, gazetteer_);
    lost_apostrophes(tagged, gazetteer_);
    described_organizations(tagged, gazetteer_);
    registered_companies(tagged, gazetteer_);
    listed_organizations(tagged, gazetteer_);
    placed_after_organizations(tagged, gazetteer_);
    general_companies(tagged, gazetteer_);
    publications_by_noun(tagged, gazetteer_);
    bands_by_role(tagged, gazetteer_);
    consistent_organizations(tagged, gazetteer_);
    Entities e;
    std::vector<PersonMention> person_mentions;
    std::vector<PlaceMention> place_mentions;
    std::unordered_set<std::string> org_heads;  // first words of organizations' names
    std::unordered_set<std::string> places_seen, orgs_seen;
    std::unordered_set<std::string> org_words;        // organizations of one word, not in capitals
    std::unordered_set<std::string> national_bodies;  // "the Spanish FA" (folded)
    std::unordered_set<std::string> clubs;            // towns' names read as their clubs' (folded)
    std::unordered_set<std::string> works;            // titles of films, books, songs (folded)
    // "Intel Shrinks Transistor Size By", "Spam Stopper Detects Sender Patterns": in a headline in
    // Title Case an organization's name has no end; it counts where the text names it.
    std::vector<std::string> headline_orgs;
    std::size_t body = 0;  // where the text after the headlines begins
    while (body < tagged.sentences().size() && headline(tagged, body, &gazetteer_)) ++body;
    const std::size_t body_offset =
        body < tagged.sentences().size() && !tagged.sentences()[body].tokens.empty()
            ? tagged.sentences()[body].tokens.front().begin
            : doc.size();
    for (std::size_t s = 0; s < tagged.sentences().size(); ++s) {
      const auto& tokens = tagged.sentences()[s].tokens;
      std::vector<ner::Span> spans = ner::spans_of(tagged.tags()[s], s);
      // "her book Small Island", "the drama Maria Full of Grace", "ballad Georgia On My Mind":
      // the capitalized words right after a work's noun in lower case (and the small words
      // between them) are the work's title, whatever the tags hold; where the title ends.
      // For each token of a title, its first token plus one (empty where the sentence has none).
      std::vector<std::size_t> title_start;
      for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (!capitalized_word(tokens[i].text) || capitalized_word(tokens[i - 1].text) ||
            !work_noun(tokens[i - 1].lower))
          continue;
        // (small words, up to three, only before a capitalized word: "Pirates of the
        // Caribbean"; and no second name after a whole one: "the film Ray| Jamie Foxx", "the film
        // Babel| in Cannes")
        const auto& tags = tagged.tags()[s];
        std::size_t end = i;
        bool named = false;  // a name of the tags ended inside the title
        while (end < tokens.size() && end - i < 8) {
          std::size_t word = end;
          while (word > i && word < tokens.size() && word - end < 3 &&
                 title_word(tokens[word].lower))
            ++word;
          if (word >= tokens.size() || !plain_word(tokens[word])) break;
          const int position = tags[word] != 0 ? ner::position_of(tags[word]) : -1;
          if (named && (position == ner::kBegin || position == ner::kUnit)) break;
          if (position == ner::kLast || position == ner::kUnit) named = true;
          end = word + 1;
        }
        if (end == i) continue;
        const std::size_t stop = tokens[end - 1].begin + tokens[end - 1].text.size();
        works.insert(fold(std::string_view(doc).substr(tokens[i].begin, stop - tokens[i].begin)));
        title_start.resize(tokens.size(), 0);
        for (std::size_t k = i; k < end; ++k) title_start[k] = i + 1;
        i = end;
      }
      // "Lieutenant-Colonel Max| Marriner": a person's name that the tags split in two is one name.
      // ("Model Anna| Nicole Smith's reality show": a common word that opens the sentence, before
      // a Census first name, describes the person)
      for (std::size_t k = 1; k < spans.size(); ++k) {
        if (spans[k].type == ner::Type::kPerson && spans[k - 1].type == ner::Type::kPerson &&
            spans[k].first == spans[k - 1].last + 1) {
          const std::size_t first = spans[k - 1].first;
          if (first == 0 && spans[k - 1].last > first &&
              gazetteer_.lexicon(tokens[first].lower) == ner::Gazetteer::kCommon &&
              !person_role(tokens[first].lower) &&
              (gazetteer_.person_name(tokens[first + 1].lower) & ner::Gazetteer::kFirstName))
            ++spans[k - 1].first;
          spans[k - 1].last = spans[k].last;
          spans.erase(spans.begin() + static_cast<long>(k--));
        }
      }
      // "Hong Kong-based Techtronic Industries", "New York-born Aguilera": a word that says
      // where something is (its place is read below) and the words before it are no part of a
      // name; a name that ends in one is none ("Jiangsu province-based").
      // ("Palo| Alto-based Hewlett-Packard": a name right before such a word, which begins the
      // place with the word's stem, is none either)
      for (std::size_t k = 0; k < spans.size(); ++k) {
        const std::size_t after = spans[k].last + 1;
        if (after < tokens.size() && located_word(tokens[after].lower) &&
            capitalized_word(tokens[after].text)) {
          const std::string_view stem = tokens[after].text.substr(
              0, tokens[after].text.size() - located_suffix(tokens[after].lower));
          if (gazetteer_.known(joined_words(tokens, spans[k].first, after) + " " +
                               std::string(stem))) {
            spans.erase(spans.begin() + static_cast<long>(k--));
            continue;
          }
        }
        std::size_t located = spans[k].last + 1;
        for (std::size_t j = spans[k].first; j <= spans[k].last; ++j)
          if (located_word(tokens[j].lower)) located = j;
        if (located > spans[k].last) continue;
        // (nor a common word left alone: "a California-based Institute", "Itanium-based Servers")
        if (located == spans[k].last ||
            (located + 1 == spans[k].last &&
             (organization_word(tokens[spans[k].last].lower) ||
              gazetteer_.lexicon(tokens[spans[k].last].lower) == ner::Gazetteer::kCommon)))
          spans.erase(spans.begin() + static_cast<long>(k--));
        else
          spans[k].first = located + 1;
      }
      // "the Sony PSP", "Microsoft Windows": a maker's registered name before a product's is the
      // maker, an organization.
      for (ner::Span& span : spans) {
        // (a proper name, not a common word only: "Virtual PC", "Human DNA")
        if (span.last == span.first + 1 && gazetteer_.company(tokens[span.first].lower) &&
            gazetteer_.lexicon(tokens[span.first].lower) != ner::Gazetteer::kCommon &&
            (thing_abbreviation(tokens[span.last].text) || product_name(tokens[span.last].lower))) {
          span.last = span.first;
          span.type = ner::Type::kOrganization;
        }
        // "Team GB", "Team USA": a nation's side, which is its country, as the labels have it
        // (below).
        if (span.last > span.first && tokens[span.first].text == "Team"sv &&
            !gazetteer_.country_name(joined_words(tokens, span.first + 1, span.last + 1)).empty())
          ++span.first;
      }
      const bool titular = headline(tagged, s, &gazetteer_);
      const bool title_line = in_title(s);
      // (for people, the title in Title Case too: a person it names is one the text names)
      const bool titular_for_people = titular || (title_line && tagged.title_case(s));
      // (a headline in capitals, as wires write them, is the model's own training: it knows them)
      const bool shouted = titular && rules::shouted(tagged, s);
      for (std::size_t k = 0; k < spans.size(); ++k) {
        bool cut_short = false;  // a person's name a headline's words were cut from
        // "Ramirez Lead Red Sox to Easy Opening Win", "Saddam Aide Held", "Sanford As Head
        // Coach": in a headline in Title Case the tagger runs a person's name on into the
        // headline's words; the name ends before a word the article writes in lower case, a
        // small word or a role. What is left is a person's where the text names people with all
        // its words ("Manny Ramirez"), else no name at all ("Movie| Studios to Sue", "Party|
        // Says").
        if (titular_for_people && !shouted && spans[k].type == ner::Type::kPerson) {
          std::size_t cut = spans[k].first + 1;
          // (not at a word the text writes in lower case that it also gives a person: "Gordon
          // Brown Unveils Budget" beside "brown envelopes" and "Mr Brown"; and in the article's
          // title, after a word the text gives a person, before one it does not, and no
          // organization's word: "Hewitt| Advances at Japan Open" beside "Lleyton Hewitt"; not
          // "Warner Bros", nor a line of wire copy, "Thai Industry Minister Pramual Sabhavasu
          // said", which reads as a headline)
          while (
              cut <= spans[k].last &&
              !(tagged.seen_lower(tokens[cut].lower) && !person_words().count(tokens[cut].lower)) &&
              !headline_break(tokens[cut].lower) && !person_role(tokens[cut].lower) &&
              !(title_line && person_words().count(tokens[cut - 1].lower) &&
                !person_words().count(tokens[cut].lower) && !organization_word(tokens[cut].lower)))
            ++cut;
          if (cut <= spans[k].last) {
            auto& tags = tagged.tags()[s];
            bool named = true;
            for (std::size_t j = spans[k].first; j < cut && named; ++j)
              named = person_words().count(tokens[j].lower) > 0;
            // (the tags' own names under the span, whole: the span may have been merged from two
            // or trimmed above, "Model Anna| Nicole Smith")
            std::size_t from = spans[k].first, to = spans[k].last;
            auto inside = [&tags](std::size_t t) {
              return tags[t] != 0 && (ner::position_of(tags[t]) == ner::kInside ||
                                      ner::position_of(tags[t]) == ner::kLast);
            };
            while (from > 0 && inside(from)) --from;
            while (to + 1 < tags.size() && inside(to + 1)) ++to;
            for (std::size_t j = from; j <= to; ++j) tags[j] = 0;
            if (!named) {
              spans.erase(spans.begin() + static_cast<long>(k--));
              continue;
            }
            retag(tags, spans[k].first, cut, ner::Type::kPerson);
            spans[k].last = cut - 1;
            cut_short = true;
          }
        }
        const ner::Span& span = spans[k];
        const std::size_t begin = tokens[span.first].begin;
        const std::size_t end = tokens[span.last].begin + tokens[span.last].text.size();
        const std::string mention = clean_name(std::string_view(doc).substr(begin, end - begin));
        // "political thriller Hotel Rwanda", "drama Vera Drake": a name in a work's title is no
        // entity of its own.
        // (the noun in lower case: "Fuji Photo Film USA", "Series A." are no such nouns)
        // (a name the title begins with is the title's everywhere, "Vera Drake", "Maria Full| of
        // Grace"; one inside it only there: "The Diary of Alicia Keys")
        if (!title_start.empty() && title_start[span.first] != 0) {
          if (title_start[span.first] == span.first + 1) works.insert(fold(mention));
          continue;
        }
        ner::Type type = span.type;
        // "Christmas", "Christmas Day", "Boxing Day": a feast or a holiday is no person, place or
        // organization (no label of any set holds one; "Christmas" was an organization in 19
        // BBC articles).
        // (after a country's name too: "ahead of the U.S. Labor Day weekend")
        if (type != ner::Type::kMisc &&
            (holiday(fold(mention)) ||
             (span.last > span.first && !gazetteer_.country_name(tokens[span.first].text).empty() &&
              holiday(fold(joined_words(tokens, span.first + 1, span.last + 1))))))
          continue;
        // ("Lord", "Mr": an honorific alone is no organization either)
        // (nor "St.", a saint's, as a dateline in capitals cuts it from "ST. PETERSBURG")
        if (type == ner::Type::kOrganization && span.first == span.last &&
            (post_nominal(tokens[span.first].lower) || honorific(tokens[span.first].lower) ||
             tokens[span.first].lower == "st"sv || tokens[span.first].lower == "st."sv))
          continue;
        // "the aircraft carrier Enterprise", "the carriers Vinson and Enterprise", "the submarine
        // Kursk": a ship's name is none of a person's, a place's or an organization's (but
        // "carrier Qantas" is an airline).
        {
          std::size_t at = span.first;
          while (at >= 3 && (tokens[at - 1].lower == "and"sv || tokens[at - 1].text == ","sv) &&
                 capitalized_word(tokens[at - 2].text))
            at -= 2;
          const std::string_view noun = at > 0 ? std::string_view(tokens[at - 1].lower) : ""sv;
          static const WordSet ships = {"warship", "submarine",  "destroyer",
                                        "frigate", "battleship", "cruiser"};
          if (ships.count(noun) || ((noun == "carrier"sv || noun == "carriers"sv) && at >= 2 &&
                                    tokens[at - 2].lower == "aircraft"sv))
            continue;
        }
        // "the Cassini spacecraft", "the Cassini space probe": a craft's name is a thing's, here
        // and in the rest of the article ("Cassini took this photograph"), as a work's title is.
        // (one word; not its owner's, "a NASA space capsule", "a Nasa spacecraft", "a Boeing space
        // capsule", "Lockheed Martin spacecraft", "the US space shuttle": no acronym, no word of
        // four letters or fewer, no registered company, no place the gazetteer knows)
        if (span.last + 1 < tokens.size()) {
          const std::string& noun = tokens[span.last + 1].lower;
          static const WordSet crafts = {"spacecraft", "orbiter", "lander"};
          static const WordSet space_crafts = {"probe", "telescope", "station", "shuttle",
                                               "capsule"};
          if ((crafts.count(noun) || (noun == "space"sv && span.last + 2 < tokens.size() &&
                                      space_crafts.count(tokens[span.last + 2].lower))) &&
              span.first == span.last && !all_capitals(mention) && mention.size() > 4 &&
              !gazetteer_.company(fold(mention)) && !gazetteer_.known(mention) &&
              gazetteer_.country_name(mention).empty()) {
            works.insert(fold(mention));
            continue;
          }
        }
        // ("a 40 GB hard drive": a unit of storage after a number is no Great Britain, nor are
        // the games behind in a table's heads, "W L PCT GB", after a short word in capitals)
        if (span.first == span.last && tokens[span.first].text == "GB"sv && span.first > 0 &&
            !tokens[span.first - 1].text.empty() &&
            (ascii::is_digit(tokens[span.first - 1].text.back()) ||
             (all_capitals(tokens[span.first - 1].text) &&
              tokens[span.first - 1].text.size() <= 3)))
          continue;
        // "Beirut's benchmark BLOM stock index", "the Nikkei index", "the Dow Jones index": a name
        // right before "index" (or "stock", "share" or "composite" and "index") names the index,
        // a thing, as the labels have it; not an exchange's or a body's name that ends in its word
        // ("the American Stock Exchange index").
        if (type == ner::Type::kOrganization && !organization_word(tokens[span.last].lower) &&
            tokens[span.last].lower != "exchange"sv) {
          std::size_t after = span.last + 1;
          if (after < tokens.size() &&
              (tokens[after].lower == "stock"sv || tokens[after].lower == "share"sv ||
               tokens[after].lower == "composite"sv))
            ++after;
          if (after < tokens.size() && tokens[after].text == "index"sv) continue;
        }
        const bool more = span.last + 1 < tokens.size();
        const std::string& next = more ? tokens[span.last + 1].lower : std::string();
        if (type == ner::Type::kPerson || type == ner::Type::kPlace) {
          // "Pew Research| Center", "Farabundo Martí| National Liberation Front": a name that
          // runs on into an organization's words is that organization's.
          // (not through a weekday: "Tony Blair Monday Labour Party members")
          // (not a byline's, which a dateline may follow: "By PAUL GEITNER BRUSSELS, Belgium";
          // nor a dateline's place in capitals without its dash: "TAIPEI Acer, the Taiwan
          // computer company")
          const bool byline = (span.first == 1 && tokens[0].text == "By"sv) ||
                              (type == ner::Type::kPlace && span.first == 0 && more &&
                               all_capitals(mention) && !all_capitals(tokens[span.last + 1].text));
          // (nor the headline's words cut from a person's name: "Sharon| Rejects Army Bid")
          bool runs_on = more && !byline && !cut_short &&
                         capitalized_word(tokens[span.last + 1].text) && !calendar_word(next) &&
                         !post_nominal(next) &&
                         (organization_word(next) || tagged.tags()[s][span.last + 1] != 0);
          // (in a headline, where every word is capitalized, not past another name or a small
          // word: "MITCHELL DEFEATS BAILEY IN FRONT OF FORMER CHAMPIONS" names two people, no
          // front; "FRANKLIN CALIFORNIA TAX-FREE INCOME FUND" names a fund)
          for (std::size_t j = span.last + 1;
               !runs_on && !byline && !cut_short && j < tokens.size() && j <= span.last + 4; ++j) {
            if (!capitalized_word(tokens[j].text) || calendar_word(tokens[j].lower) ||
                !ascii::is_alpha(tokens[j].text[0]))
              break;
            if (titular && (tagged.tags()[s][j] != 0 || function_word(tokens[j].lower))) break;
            runs_on = organization_word(tokens[j].lower);
          }
          // ("West Bank", "Left Bank": a bank of a river, no bank's)
          const bool river_bank =
              span.last == span.first + 1 && tokens[span.last].lower == "bank"sv &&
              (direction_word(tokens[span.first].lower) || tokens[span.first].lower == "left"sv ||
               tokens[span.first].lower == "right"sv);
          // ("Spains Guillermo Garcia-Lopez": a possessive whose apostrophe was lost ends its name)
          const bool possessive = !gazetteer_.possessive_country(mention).empty();
          if (!river_bank && !possessive &&
              (organization_word(last_word(mention)) || runs_on || of_a_place(mention))) {
            type = ner::Type::kOrganization;
          } else if (type == ner::Type::kPerson && span.last > span.first &&
                     facility_word(last_word(mention))) {
            type = ner::Type::kPlace;
          }
        }
        // "Hebei Province", "Sumner County bankers": an administrative area, whatever the tagger
        // said; a county by its name and the word alone, read as its government, is the place
        // too, as the labels read a country that acts. Not the football clubs named so ("Notts
        // County"), nor "County Natwest".
        if (type == ner::Type::kOrganization && span.last > span.first) {
          const std::string tail = last_word(mention);
          if (tail == "province" || tail == "region") type = ner::Type::kPlace;
          static const WordSet county_clubs = {"derby", "notts", "stockport", "newport", "ross"};
          // (the name ends there: "Hale County State Bank" is a bank's; no score beside it:
          // "Melrose 107 Stirling County 10" names a rugby club)
          if (tail == "county" && span.last <= span.first + 2 &&
              !county_clubs.count(tokens[span.first].lower) &&
              !(more && (capitalized_word(tokens[span.last + 1].text) ||
                         all_digits(tokens[span.last + 1].text))) &&
              !(span.first > 0 && all_digits(tokens[span.first - 1].text)) &&
              std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(span.first),
                          tokens.begin() + static_cast<std::ptrdiff_t>(span.last),
                          [](const ner::Token& t) { return plain_word(t); }))
            type = ner::Type::kPlace;
        }
        // "Russian Federation", "Soviet Union": a country's name is a place's, however the tagger
        // read it (a national side is its country, by metonymy, as the labels have it); so is a
        // region of the world's ("Western Europe", "North America").
        // So is a country's part named by its direction, or a province so named ("Northern
        // Iraq", "Northern Cape"; not a town's club: "West Bromwich"), or a region of the world
        // so named ("Southern Africa").
        if (type == ner::Type::kOrganization &&
            (!gazetteer_.country_name(mention).empty() || world_region(fold(mention)) ||
             (span.last > span.first && direction_word(tokens[span.first].lower) &&
              (!gazetteer_.country_name(joined_words(tokens, span.first + 1, span.last + 1))
                    .empty() ||
               world_region(fold(joined_words(tokens, span.first + 1, span.last + 1))) ||
               (gazetteer_.known(mention) && !gazetteer_.city(mention))))))
          type = ner::Type::kPlace;
        // "Atlas Bangladesh": a name of two words ending in a country's name ("Michael Jordan")
        // is a person's only after a first name of the Census lists; else an organization's.
        if (type == ner::Type::kPerson && span.last == span.first + 1 &&
            !gazetteer_.country_name(tokens[span.last].text).empty() &&
            !(gazetteer_.person_name(tokens[span.first].lower) & ner::Gazetteer::kFirstName))
          type = ner::Type::kOrganization;
        // "such as Amazon" beside "Amazon.com": a one-word name the article also writes as a
        // website's is the company's, not a place's or a person's.
        // (the website's name whole, "JohnKerry.com" says nothing of "Kerry"; not a town the
        // gazetteer knows, "Boston.com")
        if ((type == ner::Type::kPlace || type == ner::Type::kPerson) && span.first == span.last &&
            sites && !gazetteer_.city(mention) && gazetteer_.country_name(mention).empty() &&
            (website(doc, mention + ".com") || website(doc, mention + ".co.uk")))
          type = ner::Type::kOrganization;
        // "Salvadoran President Nayib Bukele": a word before a title is an adjective, not a person.
        if (type == ner::Type::kPerson && more && person_title(next)) continue;
        if (type == ner::Type::kPlace && direction_word(fold(mention)))
          continue;  // "Central and South America"
        // "the al-Aqsa mosque", "Belmarsh prison", "the Jallozai camp": a name the gazetteer does
        // not know, before a building's or a compound's noun, is that building's name, no place's
        // ("a Baghdad hotel" names the city).
        if (type == ner::Type::kPlace && more && facility_noun(next) &&
            !capitalized_word(tokens[span.last + 1].text) && !gazetteer_.known(mention))
          continue;
        // "Goodison Park", "Bellahouston Park": a park the gazetteer does not know as a town
        // ("Menlo Park", "Overland Park") is a ground or a venue, no place; a national park is.
        // Nor an organization where the tagger read one ("Fenway Park", "Balloch Castle Country
        // Park"; not "First National Bank of Schiller Park", nor the club Queen's Park).
        if ((type == ner::Type::kPlace ||
             (type == ner::Type::kOrganization && mention.find(" of ") == std::string::npos &&
              mention.find('\'') == std::string::npos)) &&
            span.last > span.first && tokens[span.last].lower == "park"sv &&
            tokens[span.last - 1].lower != "national"sv && !gazetteer_.known(mention))
          continue;
        // "Lord Falconer": a name after a title or honorific is a person's.
        if (type == ner::Type::kPlace && span.last > span.first &&
            person_role(tokens[span.first].lower) && !facility_word(tokens[span.last].lower)) {
          type = ner::Type::kPerson;
        }
        if (type == ner::Type::kPerson && span.first == span.last &&
            calendar_word(tokens[span.first].lower))
          continue;
        // "Grammy Award", "Internet Explorer", "the Athens Games", "Barker Review": an event's, a
        // work's or a product's name; "PC", "GPRS", "IPO": a thing's abbreviation.
        if (type != ner::Type::kMisc &&
            (thing_word(last_word(mention)) || thing_abbreviation(mention) ||
             product_name(fold(mention))))
          continue;
        // "the Six Nations", "the Tri Nations": a championship; "US TV", "British TV": a country's
        // television; neither is an organization.
        if (type != ner::Type::kMisc && span.last > span.first) {
          const std::string& before = tokens[span.last - 1].lower;
          // ("the Super Bowl", "the British Grand Prix", "the London Marathon": events, but
          // "Marathon" alone is as often the oil company)
          const std::string& tail = tokens[span.last].lower;
          if ((tail == "nations"sv &&
               (before == "six"sv || before == "tri"sv || before == "five"sv)) ||
              tail == "bowl"sv || tail == "prix"sv || tail == "marathon"sv ||
              (span.last == span.first + 1 && tokens[span.last].text == "TV"sv &&
               (!gazetteer_.country_name(tokens[span.first].text).empty() ||
                peoples_adjective(tokens[span.first]))))
            continue;
        }
        // "the Freedom of Information Act", "the Kyoto Protocol": a law or a treaty, no
        // organization.
        // (an accord only after a place: "the Paris Accord", "the Oslo Accords"; the party Iraqi
        // National Accord is none)
        if (type == ner::Type::kOrganization && span.last > span.first &&
            (tokens[span.last].lower == "act"sv || tokens[span.last].lower == "protocol"sv ||
             tokens[span.last].lower == "treaty"sv ||
             ((tokens[span.last].lower == "accord"sv || tokens[span.last].lower == "accords"sv) &&
              gazetteer_.known(tokens[span.first].text))))
          continue;
        // "the Common Agricultural Policy": a policy is no organization, unless a body's word
        // names its makers ("the National Commission on Dairy Policy", "Bureau of Competition
        // Policy").
        if (type == ner::Type::kOrganization && span.last > span.first &&
            (tokens[span.last].lower == "policy"sv || tokens[span.last].lower == "policies"sv) &&
            std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(span.first),
                         tokens.begin() + static_cast<std::ptrdiff_t>(span.last),
                         [](const ner::Token& t) { return organization_word(t.lower); }))
          continue;
        // "Shea Stadium", "Texas Motor Speedway", "Big Horn Golf Course": a ground is a venue,
        // no person, place or organization, as the labels have it.
        // ("the National Tennis Centre", "Philadelphia Convention Center": a centre of a sport or
        // of shows; not "Pew Research Center")
        // ("Stade de France", "Estadio Olimpico": a ground named in French, Spanish or Italian;
        // not the clubs Stade Francais and Stade Toulousain)
        const std::string& head = tokens[span.first].lower;
        if (type != ner::Type::kMisc && named_ground(fold(mention))) continue;
        if (type != ner::Type::kMisc && span.last > span.first &&
            (ground_word(last_word(mention)) ||
             (head == "stade"sv &&
              (tokens[span.first + 1].lower == "de"sv || tokens[span.first + 1].lower == "du"sv)) ||
             head == "estadio"sv || head == "stadio"sv ||
             ((tokens[span.last].lower == "centre"sv || tokens[span.last].lower == "center"sv) &&
              venue_centre(tokens[span.last - 1].lower))))
          continue;
        // "the Spanish FA", "the Scottish FA's decision": a people's name before a sports body's
        // acronym the tagger read as an organization's names that people's body (after "the",
        // where the clause ends with it or before an organization's role).
        // ("Egypt FA spokesman": a country's name before one, before an organization's role)
        const bool country = type == ner::Type::kPlace && span.first == span.last &&
                             !gazetteer_.country_name(mention).empty();
        if ((country || (type == ner::Type::kMisc && span.first == span.last &&
                         peoples_adjective(tokens[span.first]))) &&
            k + 1 < spans.size() && spans[k + 1].type == ner::Type::kOrganization &&
            spans[k + 1].first == span.last + 1 && spans[k + 1].last == spans[k + 1].first &&
            sports_body(tokens[spans[k + 1].first].text)) {
          const std::size_t acronym = spans[k + 1].first;
          const bool after_the = span.first > 0 && tokens[span.first - 1].lower == "the"sv;
          const bool clause_end = acronym + 1 >= tokens.size() ||
                                  tokens[acronym + 1].lower == "'s"sv ||
                                  !ascii::is_alnum(tokens[acronym + 1].text[0]);
          const bool role =
              acronym + 1 < tokens.size() && organization_role(tokens[acronym + 1].lower);
          if ((country ? role : after_the || clause_end || role) && !(titular && !shouted)) {
            const std::size_t stop = tokens[acronym].begin + tokens[acronym].text.size();
            const std::string named = clean_name(std::string_view(doc).substr(begin, stop - begin));
            national_bodies.insert(fold(named));
            add_unique(&e.organizations, &orgs_seen, named);
            ++k;
            continue;
          }
        }
        // "Salvadoran", "South American", "El Salvadorian": a people's name, not a person, a place
        // or an organization.
        if (type != ner::Type::kMisc && demonym(gazetteer_, tokens, span)) continue;
        // "Cisco", "Toshiba", "Symantec": a word the registries know as a company's whole name,
        // and the gazetteer as no place and the word list and the Census lists as no common word
        // or name ("Pacific", "Sam"), is the company where the tagger said place.
        // A proper name of the word list ("Atari", "Sega", "Boeing") only where it names no place
        // another way: no half of a country ("Korea"), no region ("Sahara"), no town before its
        // state ("Malibu, California"); nor a person of the article ("John McCain").
        if (type == ner::Type::kPlace && span.first == span.last) {
          const std::string& word = tokens[span.first].lower;
          const std::string word_text(tokens[span.first].text);
          const auto lexicon = gazetteer_.lexicon(word);
          if (gazetteer_.company(word) && !gazetteer_.known(word_text) &&
              gazetteer_.country_name(word_text).empty() && !(lexicon & ner::Gazetteer::kCommon) &&
              gazetteer_.person_name(word) == 0 &&
              (lexicon == ner::Gazetteer::kUnlisted ||
               (!world_region(word) && gazetteer_.country_name("South " + word_text).empty() &&
                gazetteer_.country_name("North " + word_text).empty() &&
                !(next == "," && span.last + 2 < tokens.size() &&
                  tagged.tags()[s][span.last + 2] != 0 &&
                  ner::type_of(tagged.tags()[s][span.last + 2]) == ner::Type::kPlace) &&
                !person_words().count(word))))
            type = ner::Type::kOrganization;
        }
        // "the Leicester lock", "Portsmouth boss Harry Redknapp": a town's name of one word
        // before a player's or a manager's role is its club's, here and in the rest of the
        // article ("captain of Leicester"); a country's is its national side, which the labels
        // file under the country.
        // (a role that is an everyday noun as often, "wing", "coach", "lock", only before a
        // player's name or a possessive, or after "as" or "former": "Sale wing Mark Cueto", "the
        // Leicester lock's final match", "sacked as Valencia coach"; not "Hamas's Gaza wing",
        // "a London coach crashed")
        auto player_after = [&] {
          return (span.last + 2 < tokens.size() &&
                  (plain_word(tokens[span.last + 2]) || tokens[span.last + 2].lower == "'s"sv)) ||
                 (span.first > 0 && (tokens[span.first - 1].lower == "as"sv ||
                                     tokens[span.first - 1].lower == "former"sv));
        };
        // "25-23 winners over Orrell", "a 1-0 victory over Leicester", "beat Wigan": a town's
        // name a side beat is its club's too (a country's, the national side, stays the place);
        // only in a match's report, which gives a score or a sport's words ("a victory over
        // Brussels on the rebate", "the hurricane thrashed Florida" are no matches).
        auto beaten = [&] {
          static const WordSet beat = {"beat",     "beating",  "defeated", "defeating",
                                       "thrashed", "overcame", "edged"};
          static const WordSet wins = {"victory", "victories", "win",    "wins",
                                       "winners", "triumph",   "success"};
          if (span.first == 0) return false;
          const std::string& before = tokens[span.first - 1].lower;
          if (!(beat.count(before) > 0 || (before == "over"sv && span.first >= 2 &&
                                           wins.count(tokens[span.first - 2].lower))))
            return false;
          if (scored_match < 0) scored_match = reports_match() ? 1 : 0;
          return scored_match == 1;
        };
        if (type == ner::Type::kPlace && span.first == span.last &&
            ((more && (side_role(next) || (everyday_role(next) && player_after()))) || beaten()) &&
            gazetteer_.country_name(mention).empty() && !home_nation(fold(mention))) {
          clubs.insert(fold(mention));
          type = ner::Type::kOrganization;
        }
        switch (type) {
          case ner::Type::kPerson: {
            // (or one who "told" someone: "Erdogan told reporters"; companies say, people tell)
            const bool titled = (span.first > 0 && person_role(tokens[span.first - 1].lower)) ||
                                person_role(tokens[span.first].lower) || (more && next == "told"sv);
            // "Given, Breen, Staunton": one of a list of people; "Shearer 2", "Woods (U.S.) 67": a
            // line of results.
            auto joins = [&](std::size_t at) {
              return at < tokens.size() && list_word(tokens[at].lower);
            };
            const bool listed = (k > 0 && spans[k - 1].type == ner::Type::kPerson &&
                                 spans[k - 1].last + 2 == span.first && joins(span.first - 1)) ||
                                (k + 1 < spans.size() && spans[k + 1].type == ner::Type::kPerson &&
                                 span.last + 2 == spans[k + 1].first && joins(span.last + 1));
            const bool scored = more && (ascii::is_digit(tokens[span.last + 1].text[0]) ||
                                         tokens[span.last + 1].text == "("sv);
            // "Edward D. Jones & Co.": a company; "the Carl Vinson": a ship, a prize, a building;
            // "Der Spiegel", "El Pais": a paper.
            if (more && next == "&") break;
            // ("the Marc Dutroux case", "the Clinton administration": the person's own)
            static const WordSet owned = {"case",       "affair",  "trial",   "scandal",
                                          "murder",     "murders", "killing", "administration",
                                          "government", "era",     "family",  "camp"};
            if (span.first > 0 && tokens[span.first - 1].lower == "the"sv &&
                !person_role(tokens[span.first].lower) && !(more && owned.count(next)))
              break;
            if (span.last > span.first && foreign_article(tokens[span.first].lower)) break;
            // "box-office flops Alexander and Catwoman": two names joined are no one person's;
            // "the SEC. The company": a function word alone is no name.
            bool joined = false;
            for (std::size_t j = span.first; j <= span.last && !joined; ++j) {
              joined = tokens[j].text == "and"sv || tokens[j].text == "or"sv ||
                       tokens[j].text == "&"sv ||
                       (span.first == span.last && function_word(tokens[j].lower));
            }
            if (joined) break;
            // "Little did I know", "Green flags": a common word opening a sentence.
            std::size_t opening = 0;
            while (opening < span.first && !ascii::is_alnum(tokens[opening].text[0])) ++opening;
            const bool sentence_start =
                span.first == opening && span.first == span.last &&
                gazetteer_.lexicon(tokens[span.first].lower) & ner::Gazetteer::kCommon;
            person_mentions.push_back({strip_person_name(mention), titular_for_people,
                                       titular_for_people && title_line, titled || listed || scored,
                                       sentence_start});
            break;
          }
          case ner::Type::kPlace: {
            // "in Tecoluca"; "NOUAKCHOTT 1996-08-30", "TORONTO (Reuters) -", "MILWAUKEE,
            // Wisconsin": a dateline (but "NDS, STMicroelectronics and Thomson said": a comma
            // after the first name of a sentence makes a dateline only before a place).
            const auto& tags = tagged.tags()[s];
            const bool state_after = span.last + 2 < tokens.size() && tags[span.last + 2] != 0 &&
                                     ner::type_of(tags[span.last + 2]) == ner::Type::kPlace;
            // (after a credit: "Canadian Press - AL-FASHER, Sudan (AP) -")
            const bool opening =
                span.first == 0 || (span.first <= 4 && tokens[span.first - 1].text == "-"sv);
            // ("Synstar plc, of Bracknell, England", "the Paris Observatory (Meudon, France)": a
            // place, a comma and a country or a region that is no city)
            std::size_t after = span.last + 2;
            while (state_after && after + 1 < tokens.size() && tags[after + 1] != 0 &&
                   ner::type_of(tags[after + 1]) == ner::Type::kPlace &&
                   ner::position_of(tags[after]) != ner::kUnit &&
                   ner::position_of(tags[after]) != ner::kLast)
              ++after;
            const std::string region =
                state_after ? joined_words(tokens, span.last + 2, after + 1) : "";
            // (a place the gazetteer knows; not "X, Britain's biggest bank")
            const bool country_after =
                state_after && next == "," && !titular && gazetteer_.known(mention) &&
                !(after + 1 < tokens.size() && (tokens[after + 1].text == "'s"sv ||
                                                tokens[after + 1].text == "\xE2\x80\x99s"sv)) &&
                (!gazetteer_.country_name(region).empty() ||
                 (gazetteer_.major(region) && !gazetteer_.city(region)));
            const bool located = country_after ||
                                 (span.first > 0 && locative_word(tokens[span.first - 1].lower)) ||
                                 (opening && more &&
                                  (ascii::is_digit(next[0]) || next == "(" || next == "-" ||
                                   next == "--" || (next == "," && state_after)));
            // "Community Rights" (of a committee's name): a name of common words only is no place
            // the gazetteer does not know.
            bool common_words = span.last > span.first;
            for (std::size_t j = span.first; common_words && j <= span.last; ++j) {
              common_words = gazetteer_.lexicon(tokens[j].lower) == ner::Gazetteer::kCommon;
            }
            // "Tacoma, Wash.", "Jebaliya, Gaza Strip": a place's state or country.
            // Only a state's abbreviation ("Wash.", "NY") or after a well-known place: in a list
            // ("Nokia, Intel") the comma says nothing.
            const std::string_view word = tokens[span.first].text;
            const bool abbreviation =
                span.first == span.last && (all_capitals(word) || word.back() == '.');
            const bool after_place =
                span.first >= 2 && tokens[span.first - 1].text == ","sv &&
                tags[span.first - 2] != 0 &&
                ner::type_of(tags[span.first - 2]) == ner::Type::kPlace &&
                (abbreviation || gazetteer_.major(tokens[span.first - 2].text));
            place_mentions.push_back(
                {canonical_place(mention),
                 located || after_place || (span.last > span.first && !common_words)});
            break;
          }
          case ner::Type::kOrganization:
            // (but an acronym in capitals in a headline in Title Case, which the headline's words
            // cannot run on into: "Prying Into FBI Activities")
            if (titular && !shouted &&
                !(tagged.title_case(s) && span.first == span.last && mention.size() >= 2 &&
                  mention.size() <= 5 && all_capitals(mention) &&
                  mention.find('.') == std::string::npos && few_capitals(tokens))) {
              headline_orgs.push_back(party_name(strip_article(mention)));
              break;
            }
            add_unique(&e.organizations, &orgs_seen, party_name(strip_article(mention)));
            if (span.last > span.first)
              org_heads.insert(fold(tokens[span.first].text));
            else if (!all_capitals(mention))
              org_words.insert(fold(mention));
            break;
          case ner::Type::kMisc:
            break;
        }
      }
    }
    // ("New York-based", "South Africa-backed": the place a word's stem ends, the capitalized
    // words before the word (two at most) its first; the longest name the gazetteer knows, or a
    // region of the world. With `alone`, the stem alone may be it.)
    auto place_ending = [&](const std::vector<ner::Token>& tokens, std::size_t at, std::string name,
                            bool alone) {
      std::string place;
      for (std::size_t back = 0; back <= 2; ++back) {
        if (back > 0) {
          if (at < back || !capitalized_word(tokens[at - back].text)) break;
          name = std::string(tokens[at - back].text) + " " + name;
        } else if (!alone) {
          continue;
        }
        if (gazetteer_.known(name) || world_region(fold(name))) place = name;
      }
      return place;
    };
    // "Gibraltar-based", "London-born": a place the tagger does not see inside the word.
    for (const auto& sentence : tagged.sentences()) {
      for (const ner::Token& t : sentence.tokens) {
        const std::size_t at = static_cast<std::size_t>(&t - sentence.tokens.data());
        const std::size_t suffix = located_suffix(t.lower);
        if (suffix != 0 && capitalized_word(t.text)) {
          const std::string place = place_ending(
              sentence.tokens, at, std::string(t.text.substr(0, t.text.size() - suffix)), true);
          if (!place.empty()) place_mentions.push_back({canonical_place(place), true});
        }
        // "the Viacom-owned radio giant", "NEC-backed", "a DTI-funded project": what owns,
        // backs or funds is a country or a big city ("US-backed", "Moscow-backed"), or else an
        // organization: an acronym, a proper name the gazetteer and the Census lists do not know,
        // or a registered company's name; not a people's name ("Russian-owned", "British-backed")
        // nor a common word ("State-owned").
        const std::size_t owner = owner_suffix(t.lower);
        if (owner == 0 || !capitalized_word(t.text)) continue;
        std::string name(t.text.substr(0, t.text.size() - owner));
        // ("New York-owned"; the stem alone is a place only where it is a country or a big city)
        const std::string place = place_ending(sentence.tokens, at, name, false);
        if (!place.empty()) {
          place_mentions.push_back({canonical_place(place), true});
          continue;
        }
        // ("a European Union-funded project": capitalized words before the stem begin the name,
        // which then ends in an organization's word, or is none)
        std::size_t first = at;
        while (first > 0 && at - first < 3 && plain_word(sentence.tokens[first - 1]) &&
               !sentence_opener(sentence.tokens[first - 1].lower) &&
               !(gazetteer_.lexicon(sentence.tokens[first - 1].lower) &
                 ner::Gazetteer::kCommon))  // ("Twenty CBS-owned TV stations")
          --first;
        if (first < at) {
          if (!organization_word(fold(name))) continue;
          name = joined_words(sentence.tokens, first, at) + " " + name;
          add_unique(&e.organizations, &orgs_seen, name);
          continue;
        }
        const std::string folded = fold(name);
        // (a country or a city of 100,000 people or more: not the town Nokia, nor "UN")
        if (!gazetteer_.country_name(name).empty() || world_region(folded) ||
            (gazetteer_.city(name) && gazetteer_.major(name))) {
          place_mentions.push_back({canonical_place(name), true});
          continue;
        }
        if (name.size() < 2 || name.find('-') != std::string::npos ||
            name.find('.') != std::string::npos)
          continue;
        const bool acronym = all_capitals(name) && name.size() <= 5;
        // (a proper name of the word list too: "Viacom", "Disney"; not a common word)
        const bool unknown = !(gazetteer_.lexicon(folded) & ner::Gazetteer::kCommon) &&
                             gazetteer_.person_name(folded) == 0;
        const ner::Span alone{ner::Type::kMisc, 0, 0, 0};
        const std::vector<ner::Sentence> read = ner::tokenize(name);
        // (a registered name that is a common word too is none: "United Nations-sponsored")
        const bool registered =
            gazetteer_.company(folded) && !(gazetteer_.lexicon(folded) & ner::Gazetteer::kCommon);
        if (!(acronym || unknown || registered) || read.size() != 1 || read[0].tokens.size() != 1 ||
            demonym(gazetteer_, read[0].tokens, alone) || peoples_adjective(read[0].tokens[0]))
          continue;
        // (nor a word the model learned alone as a miscellaneous name of one word, as peoples'
        // names are: "Arab-backed")
        const auto learned = ner::word_tag(weights_, folded);
        if (learned && *learned == ner::tag_of(ner::Type::kMisc, ner::kUnit)) continue;
        add_unique(&e.organizations, &orgs_seen, name);
      }
    }
    // A place of one word that the gazetteer does not know is a place only where the article
    // puts something in it or near it ("in Tecoluca"): unknown capitalized words that do things
    // ("Nokia", "Sterling", "the Kremlin said") are not.
    // ("Hassan: 'Abhorrent act'" over a text naming Margaret Hassan: her surname, not a town; a
    // city of a million stays, "Volgograd" beside the club "Rotor Volgograd" read as a person)
    std::unordered_set<std::string> surnames;
    for (const PersonMention& m : person_mentions) {
      const std::size_t space = m.name.rfind(' ');
      if (space != std::string::npos && !m.headline)
        surnames.insert(fold(m.name.substr(space + 1)));
    }
    std::unordered_set<std::string> located;
    for (const PlaceMention& p : place_mentions) {
      if (!p.located && !gazetteer_.big(p.name) && surnames.count(fold(p.name))) continue;
      if (p.located || gazetteer_.major(p.name) || world_region(fold(p.name))) {
        located.insert(fold(p.name));
        continue;
      }
      const auto tag = ner::word_tag(weights_, fold(p.name));  // a place the training text named
      if (tag && *tag != 0 && ner::type_of(*tag) == ner::Type::kPlace) located.insert(fold(p.name));
    }
    // ("investors in Google" beside "search-engine Google": a word the gazetteer does not know
    // that the article reads as an organization's elsewhere is that organization)
    for (const PlaceMention& p : place_mentions) {
      const std::string folded = fold(p.name);
      if (located.count(folded) && !(org_words.count(folded) && !gazetteer_.known(p.name)) &&
          !clubs.count(folded))
        add_unique(&e.places, &places_seen, p.name);
    }
    std::string rest;  // the text after the headlines, folded when first needed
    for (const std::string& name : headline_orgs) {
      const std::string folded = fold(name);
      if (orgs_seen.count(folded)) continue;
      if (rest.empty()) rest = fold(std::string_view(doc).substr(body_offset));
      if (rest.find(folded) != std::string::npos) add_unique(&e.organizations, &orgs_seen, name);
    }
    std::vector<std::string> names = supported_people(person_mentions);
    unglue_names(&names);
    drop_company_words(&names, org_heads);
    // (and a person's surname that ends a title: "Poppins" where "Mary Poppins" is a film's)
    std::unordered_set<std::string> title_ends;
    for (const std::string& work : works) {
      const std::size_t space = work.rfind(' ');
      if (space != std::string::npos) title_ends.insert(work.substr(space + 1));
    }
    auto titled = [&](const std::string& name) { return works.count(fold(name)) > 0; };
    auto titled_person = [&](const std::string& name) {
      return titled(name) || title_ends.count(fold(name)) > 0;
    };
    names.erase(std::remove_if(names.begin(), names.end(), titled_person), names.end());
    for (std::vector<std::string>* list : {&e.places, &e.organizations})
      list->erase(std::remove_if(list->begin(), list->end(), titled), list->end());
    e.people = canonical_people(names);
    canonical_organizations(&e.organizations, national_bodies);
    return e;
  }

  // Whether a line is written in small letters mostly, with two words in capitals at most (and
  // more words than those), so that a word in capitals in it stands out as an acronym.
  static bool few_capitals(const std::vector<ner::Token>& tokens) {
    std::size_t capitals = 0, small = 0;
    for (const ner::Token& t : tokens) {
      if (t.text.size() >= 2 && ascii::is_alpha(t.text[0]) && all_capitals(t.text)) ++capitals;
      if (std::any_of(t.text.begin(), t.text.end(), [](char c) { return ascii::is_lower(c); }))
        ++small;
    }
    return capitals <= 2 && small > capitals;
  }

  // "FA", "SFA", "RFEF", "RFU": an acronym of up to five capitals for a football (or rugby)
  // association, federation or union, which nations have each of their own ("the Kurdish PKK",
  // "the American CIA" are no such bodies).
  static bool sports_body(std::string_view acronym) {
    if (acronym.size() < 2 || acronym.size() > 5 || !all_capitals(acronym) ||
        acronym.find('.') != std::string_view::npos || acronym.find('F') == std::string_view::npos)
      return false;
    const char last = acronym.back();
    return last == 'A' || last == 'F' || last == 'U';
  }

  // An organization of one word that the article also names in full is that organization there:
  // "the FA" after "the Spanish FA" (a people's body, and no other's "... FA" in the article);
  // "Real" and "Madrid" beside "Real Madrid", "Milan" beside "AC Milan": a club named by its city
  // (a city of 100,000 or more, no country: "AOL Europe" says nothing of "AOL"), where no other
  // name of the article begins or ends alike ("Real Betis", "Inter Milan"), and no owner's
  // acronym begins it ("EA Mobile").
  void canonical_organizations(std::vector<std::string>* orgs,
                               const std::unordered_set<std::string>& national_bodies) const {
    std::unordered_map<std::string, std::string> full;  // one word (folded) -> its full name
    std::unordered_set<std::string> ambiguous;
    auto fits = [&](const std::string& word, const std::string& name) {
      auto [it, first] = full.emplace(word, name);
      if (!first && it->second != name) ambiguous.insert(word);
    };
    // Whether `name` is named before `word` (the list is in the order of first mentions).
    auto named_before = [&](const std::string& name, const std::string& word) {
      for (const std::string& n : *orgs) {
        if (n == name) return true;
        if (fold(n) == fold(word)) return false;
      }
      return false;
    };
    std::unordered_map<std::string, std::size_t> heads, tails;  // names of more words by word
    for (const std::string& name : *orgs) {
      const std::size_t space = name.find(' ');
      if (space == std::string::npos) continue;
      ++heads[fold(name.substr(0, space))];
      ++tails[fold(name.substr(name.rfind(' ') + 1))];
    }
    for (const std::string& name : *orgs) {
      const std::size_t space = name.rfind(' ');
      if (space == std::string::npos || name.find(' ') != space) continue;  // two words
      const std::string first = name.substr(0, space), last = name.substr(space + 1);
      // (a prefix in capitals is a club's designation: "AC Milan", not "BBC Liverpool", "JM
      // Barrie"; an initial is none: "C Paterson")
      static const WordSet clubs = {"ac", "fc", "as", "ss", "cf", "sc",
                                    "cd", "rc", "sv", "fk", "nk", "sk"};
      const bool city = gazetteer_.city(last) && gazetteer_.major(last) &&
                        gazetteer_.country_name(last).empty() && first.size() >= 2 &&
                        (!all_capitals(first) || clubs.count(fold(first)));
      // (a nation's body only for an acronym named after it: "The FA has written to the Spanish
      // FA" names two)
      const bool body = national_bodies.count(fold(name)) && named_before(name, last);
      if ((body || city) && tails[fold(last)] == 1) fits(fold(last), name);
      if (city && !all_capitals(first) && heads[fold(first)] == 1) fits(fold(first), name);
    }
    if (full.empty()) return;
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const std::string& name : *orgs) {
      const std::string folded = fold(name);
      auto it = full.find(folded);
      const std::string& filed =
          name.find(' ') == std::string::npos && it != full.end() && !ambiguous.count(folded)
              ? it->second
              : name;
      if (seen.insert(fold(filed)).second) out.push_back(filed);
    }
    *orgs = std::move(out);
  }

  struct PlaceMention {
    std::string name;  // canonical
    bool located;      // after "in", "at", "near" ..., or of more than one word
  };

  // A word that says what owns, backs or funds something ("Viacom-owned"): the length of that
  // ending ("-owned"), 0 for any other word.
  static std::size_t owner_suffix(std::string_view folded) {
    return ending_of(folded, {"-owned", "-backed", "-funded", "-controlled", "-sponsored"});
  }
  // A word that says where something is or comes from ("London-based"): the length of that
  // ending ("-based"), 0 for any other word.
  static std::size_t located_suffix(std::string_view folded) {
    return ending_of(folded, {"-based", "-born", "-headquartered"});
  }
  // The length of the first of `endings` that a word ends in, after two characters or more of
  // its own; 0 for none.
  static std::size_t ending_of(std::string_view folded,
                               std::initializer_list<std::string_view> endings) {
    for (std::string_view ending : endings)
      if (folded.size() > ending.size() + 1 &&
          folded.compare(folded.size() - ending.size(), ending.size(), ending) == 0)
        return ending.size();
    return 0;
  }
  static bool located_word(const std::string& folded) { return located_suffix(folded) != 0; }

  static bool locative_word(const std::string& folded) {
    static const WordSet words = {"in",         "at",      "near",    "outside", "from",
                                  "to",         "into",    "across",  "around",  "toward",
                                  "towards",    "between", "through", "via",     "inside",
                                  "throughout", "visit",   "visited", "visiting"};
    return words.count(folded) > 0;
  }

  struct PersonMention {
    std::string name;
    bool headline;  // in a headline, where every word is capitalized
    bool title;     // in the article's own title, a headline
    bool titled;    // after a title or role ("Mr Irish", "striker Zidane"), in a list of people or
                    // a line of results
    bool common_start;  // a word of one word opening a sentence, that is also a common word
  };

  static bool award(const std::string& folded) {
    static const WordSet words = {"oscar",    "oscars", "grammy", "grammys", "emmy",   "emmys",
                                  "bafta",    "baftas", "tony",   "tonys",   "golden", "booker",
                                  "pulitzer", "nobel",  "brit",   "brits",   "mobo",   "olivier"};
    return words.count(folded) > 0;
  }

  static bool foreign_article(const std::string& folded) {
    return folded == "der" || folded == "die" || folded == "das" || folded == "le" ||
           folded == "les" || folded == "el" || folded == "il" || folded == "los" ||
           folded == "las" || folded == "al";
  }

  static bool holiday(const std::string& folded) {
    static const WordSet names = {"christmas",
                                  "christmas day",
                                  "christmas eve",
                                  "boxing day",
                                  "easter",
                                  "easter sunday",
                                  "good friday",
                                  "new year",
                                  "new year's day",
                                  "new year's eve",
                                  "thanksgiving",
                                  "halloween",
                                  "ramadan",
                                  "hanukkah",
                                  "diwali",
                                  "valentine's day",
                                  "labor day",
                                  "labour day",
                                  "memorial day",
                                  "independence day",
                                  "passover",
                                  "thanksgiving day",
                                  "eid"};
    return names.count(folded) > 0;
  }

  // Whether the text writes `address` as a word of its own (not the end of a longer one).
  static bool website(std::string_view text, const std::string& address) {
    for (std::size_t at = text.find(address); at != std::string_view::npos;
         at = text.find(address, at + 1)) {
      if (at == 0 || !ascii::is_alnum(text[at - 1])) return true;
    }
    return false;
  }

  static bool function_word(const std::string& folded) {
    static const WordSet words = {"the",   "a",     "an",    "and",   "or",  "but",  "of",
                                  "in",    "on",    "at",    "to",    "it",  "its",  "he",
                                  "she",   "we",    "they",  "his",   "her", "this", "that",
                                  "these", "those", "there", "their", "i",   "you"};
    return words.count(folded) > 0;
  }

  // The small words of a headline that no person's name holds ("Sanford As Head Coach", "Glaus
  // Activated From DL", "Davis Both Sitting Out").
  static bool headline_break(const std::string& folded) {
    static const WordSet words = {
        "as",  "for", "from", "after", "among", "both", "with", "by",   "over", "into", "is",
        "are", "was", "were", "be",    "will",  "may",  "can",  "to",   "in",   "on",   "at",
        "the", "a",   "an",   "and",   "or",    "of",   "off",  "out",  "up",   "down", "not",
        "no",  "new", "says", "said",  "gets",  "wins", "has",  "have", "again"};
    return words.count(folded) > 0;
  }

  static bool list_word(const std::string& folded) {
    return folded == "," || folded == "and" || folded == "&" || folded == ";" || folded == "/";
  }

  // The mentions that name a person, by evidence from the whole article:
  // - a name in a headline is a person's only when the article's text names that person too
  //   ("Howard Wins Again", "Hebei Thirteen");
  // - a name of one word is a person's when the article also gives the person a fuller name, puts
  //   a title or role before it, or the model learned the word as a person's name; otherwise it is
  //   most often a company, a band or a product that does things ("Nintendo said", "Google plans").
  std::vector<std::string> supported_people(const std::vector<PersonMention>& mentions) const {
    // A one-word name outside the headlines is a person's where the text gives that person a
    // fuller name, a title or a role, where the model learnt the word as a person's, or where
    // it ends a fuller name the title gives ("Tony Blair" above "Blair said").
    std::unordered_set<std::string> body_full_words, title_surnames, titled;
    for (const PersonMention& m : mentions) {
      if (m.name.empty()) continue;
      const std::vector<std::string> words = folded_words(m.name);
      if (words.size() > 1 && !m.title) body_full_words.insert(words.begin(), words.end());
      if (words.size() > 1 && m.title) title_surnames.insert(words.back());
      if (m.titled && words.size() == 1) titled.insert(words[0]);
    }
    auto learnt = [&](const PersonMention& m, const std::string& word) {
      const auto tag = ner::word_tag(weights_, word);
      return !m.common_start && tag && *tag != 0 && ner::type_of(*tag) == ner::Type::kPerson;
    };
    // The words of the names the text outside the headlines gives people: a headline's name is a
    // person's only where one of its words is among them. For the title's, a word whose only
    // support is the title's own name is none ("Fake Lycos Screensaver Hides a Keylogger" over
    // "Lycos made headlines": "Lycos" begins that name; a surname would end it). (A line of wire
    // copy that reads as a headline, "Thai Industry Minister Pramual Sabhavasu said", keeps the
    // support of any: "Pramual said", as Thai names are used.)
    std::unordered_set<std::string> body_words, supported_words;
    for (const PersonMention& m : mentions) {
      if (m.name.empty() || m.headline) continue;
      const std::vector<std::string> words = folded_words(m.name);
      body_words.insert(words.begin(), words.end());
      if (words.size() > 1 || body_full_words.count(words[0]) || titled.count(words[0]) ||
          title_surnames.count(words[0]) || learnt(m, words[0]))
        supported_words.insert(words.begin(), words.end());
    }
    auto in_body = [&](const PersonMention& m, const std::vector<std::string>& words) {
      const auto& support = m.title ? supported_words : body_words;
      return std::any_of(words.begin(), words.end(),
                         [&](const std::string& w) { return support.count(w) > 0; });
    };
    // The fuller names: the text's, and the title's the text supports.
    std::unordered_set<std::string> full_name_words = body_full_words;
    for (const PersonMention& m : mentions) {
      if (m.name.empty() || !m.title) continue;
      const std::vector<std::string> words = folded_words(m.name);
      if (words.size() > 1 && in_body(m, words)) full_name_words.insert(words.begin(), words.end());
    }
    std::vector<std::string> out;
    for (const PersonMention& m : mentions) {
      if (m.name.empty()) continue;
      const std::vector<std::string> words = folded_words(m.name);
      if (m.headline && !in_body(m, words)) continue;
      if (words.size() == 1 && award(words[0])) continue;  // "won an Oscar"
      if (words.size() == 1 && !full_name_words.count(words[0]) && !titled.count(words[0]) &&
          !learnt(m, words[0]))
        continue;
      out.push_back(m.name);
    }
    return out;
  }

  // "Nayib Bukelehas" beside "Nayib Bukele": a surname glued to the word after it (a space lost
  // in copying) is that surname.
  // Each name's last word is split at each glue word it may end with (shortest first: the longest
  // surname) and the rest looked up among the surnames: linear in the names (comparing each name
  // with every surname made 200,000 names quadratic).
  static void unglue_names(std::vector<std::string>* names) {
    static const std::vector<std::string> glue = {
        "as",  "at",  "in",  "is",   "of",   "on",   "to",   "and",  "did",  "for",  "had",  "has",
        "the", "was", "who", "also", "does", "have", "said", "says", "will", "with", "would"};
    std::unordered_set<std::string> surnames;
    for (const std::string& n : *names) surnames.insert(last_word(n));
    for (std::string& n : *names) {
      const std::string last = last_word(n);
      for (const std::string& word : glue) {
        if (last.size() < word.size() + 3 ||
            last.compare(last.size() - word.size(), word.size(), word) != 0)
          continue;
        if (!surnames.count(last.substr(0, last.size() - word.size()))) continue;
        // Cut the display form as many bytes shorter as the folded one is, where it ends in the
        // glue word as written (in ASCII: "Noemás" folds to "noemas" but ends in no "as").
        if (n.size() <= word.size() ||
            fold(std::string_view(n).substr(n.size() - word.size())) != word ||
            (static_cast<unsigned char>(n[n.size() - word.size()]) & 0xC0) == 0x80)
          continue;
        n.erase(n.size() - word.size());
        break;
      }
    }
  }

  static std::vector<std::string> folded_words(const std::string& name) {
    std::vector<std::string> words;
    for (std::size_t at = 0, end; at < name.size(); at = end + 1) {
      end = name.find(' ', at);
      if (end == std::string::npos) end = name.size();
      if (end > at) words.push_back(fold(name.substr(at, end - at)));
    }
    return words;
  }

  // "Pirelli" where the article names "Pirelli Cables", "Jones" beside "Jones Medical Industries":
  // a lone word that begins an organization's name is that organization, unless the article also
  // gives a person a fuller name with it ("Trump" beside "Donald Trump" and "Trump Organization").
  static void drop_company_words(std::vector<std::string>* mentions,
                                 const std::unordered_set<std::string>& org_heads) {
    std::unordered_set<std::string> in_full_names;
    for (const std::string& m : *mentions) {
      if (m.find(' ') == std::string::npos) continue;
      for (std::string& w : folded_words(m)) in_full_names.insert(std::move(w));
    }
    mentions->erase(std::remove_if(mentions->begin(), mentions->end(),
                                   [&](const std::string& m) {
                                     const std::string f = fold(m);
                                     return m.find(' ') == std::string::npos &&
                                            org_heads.count(f) && !in_full_names.count(f);
                                   }),
                    mentions->end());
  }

  // "Tren de Aragua", "Bank of America": "X de/of <place>" names an organization, not a person.
  bool of_a_place(const std::string& mention) const {
    for (const char* particle : {" de ", " of ", " del "}) {
      const std::size_t at = mention.find(particle);
      if (at != std::string::npos &&
          !gazetteer_.country_of(mention.substr(at + std::strlen(particle))).empty())
        return true;
    }
    return false;
  }

  std::string canonical_place(const std::string& mention) const {
    std::string name = strip_article(mention);
    // "TORONTO", "WEST POINT" (a dateline): as a name is written; but "NY", "HK": abbreviations.
    if (all_capitals(name) && name.find('.') == std::string::npos && name.size() > 2) {
      bool start = true;
      for (char& c : name) {
        if (ascii::is_alpha(c)) {
          if (!start) c = ascii::lower(c);
          start = false;
        } else {
          start = c == ' ' || c == '-';
        }
      }
    }
    return gazetteer_.place_name(name);
  }

  ner::Weights weights_;
  const ner::Gazetteer gazetteer_;
  const ner::NativePlaces native_places_;
  const std::string version_;
};

}  // namespace

ExtractionData default_extraction_data() {
  namespace fs = std::filesystem;
  fs::path model = fs::path(MORGUE_SOURCE_DATA_DIR) / kModelFile;
  if (!fs::exists(model)) model = fs::path(MORGUE_INSTALLED_DATA_DIR) / kModelFile;
  return {model.string(),
          "/usr/share/iso-codes/json",
          "/usr/share/dict/american-english",
          "/usr/share/perl5/Text/Names.pm",
          "/usr/share/locale",
          {"/usr/share/ieee-data/oui.csv", "/usr/share/misc/usb.ids", "/usr/share/misc/pci.ids"}};
}

std::unique_ptr<Extractor> make_default_extractor(const ExtractionData& data) {
  return std::make_unique<Default>(data);
}

}  // namespace morgue
