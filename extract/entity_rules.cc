// Rules over a tagged document, applied after the tagger and before names are read off it:
// titles and honorifics before names, datelines, names around particles, and a person's name
// made consistent across the article; and the word lists those rules and the extractor share.
#include "extract/entity_rules.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/ascii.h"
#include "common/date.h"
#include "common/text.h"
#include "extract/outlets.h"
#include "extract/word_set.h"

namespace morgue::rules {

using namespace std::string_view_literals;

// Words that end an organization's name, never a person's or a place's ("Pew Research Center",
// "Latin America Working Group"); "Act" ends a law's ("Alien Enemies Act"), which the extractor
// then files under no field.
bool organization_word(const std::string& folded) {
  static const WordSet words = {"congress",
                                "telegraph",
                                "center",
                                "centre",
                                "act",
                                "front",
                                "group",
                                "party",
                                "council",
                                "committee",
                                "department",
                                "agency",
                                "administration",
                                "ministry",
                                "university",
                                "institute",
                                "association",
                                "union",
                                "bank",
                                "company",
                                "court",
                                "commission",
                                "foundation",
                                "army",
                                "police",
                                "force",
                                "forces",
                                "office",
                                "board",
                                "service",
                                "corporation",
                                "inc.",
                                "corp.",
                                "ltd",
                                "co.",
                                "club",
                                "league",
                                "federation",
                                "organization",
                                "organisation",
                                "network",
                                "cartel",
                                "church",
                                "school",
                                "college",
                                "hospital",
                                "prison",
                                "caucus",
                                "coalition",
                                "authority",
                                "bureau",
                                "fund",
                                "museum",
                                "services",
                                "systems",
                                "industries",
                                "holdings",
                                "airlines",
                                "airways",
                                "motors",
                                "electric",
                                "power",
                                "energy",
                                "international",
                                "securities",
                                "communications",
                                "technologies",
                                "pharmaceuticals",
                                "medical",
                                "partners",
                                "cables",
                                "community",
                                "action",
                                "alliance",
                                "airport",
                                "stadium",
                                "foods",
                                "media",
                                "press",
                                "times",
                                "post",
                                "news",
                                "software",
                                "chambers",
                                "capital",
                                "studios",
                                "records",
                                "pictures",
                                "bros",
                                "brothers",
                                "entertainment",
                                "labs",
                                "technology",
                                "trust",
                                "society",
                                "institution",
                                "project",
                                "fc",
                                "plc",
                                "inc",
                                "corp",
                                "llc",
                                "gmbh",
                                "ag",
                                "sa",
                                "research",
                                "utd",
                                "arts",
                                "associates",
                                "motorsports",
                                "motorsport",
                                "laboratories",
                                "insurance",
                                "ventures",
                                "consulting",
                                "electronics",
                                "networks",
                                "wireless",
                                "semiconductor",
                                "semiconductors",
                                "microsystems",
                                "telecom",
                                "telecommunications",
                                "broadcasting",
                                "publishing",
                                "petroleum",
                                "chemicals",
                                "mining",
                                "investments",
                                "bancorp",
                                "railways",
                                "shipping",
                                "logistics",
                                "computers",
                                "guild",
                                "academy",
                                "confederation",
                                "consortium",
                                "syndicate",
                                "cooperative",
                                "corps",
                                "brigade",
                                "regiment",
                                "orchestra",
                                "choir",
                                "secretariat",
                                "directorate",
                                "tribunal"};
  return words.count(folded) > 0;
}

// Words that end the name of an event, an award, a work or a product, never a person's or a
// place's ("Grammy Award", "Ryder Cup", "Internet Explorer", "the Asian Tsunami"), and verbs that
// end the false names of Title Case headlines ("Howard Wins", "Google Plans").
bool thing_word(const std::string& folded) {
  static const WordSet words = {
      "award",        "awards",        "prize",        "cup",      "trophy",     "open",
      "championship", "championships", "games",        "olympics", "festival",   "tour",
      "series",       "show",          "review",       "inquiry",  "report",     "agenda",
      "explorer",     "player",        "robot",        "wins",     "says",       "plans",
      "spending",     "classic",       "invitational", "tsunami",  "earthquake", "quake",
      "hurricane",    "typhoon",       "cyclone",      "famine",   "disaster"};
  return words.count(folded) > 0;
}

// Words that end the name of a place people go to, never a person's ("Green Square", "Ellis Park").
bool facility_word(const std::string& folded) {
  static const WordSet words = {"square",    "park",    "street",  "avenue",   "road",
                                "boulevard", "island",  "islands", "river",    "lake",
                                "bay",       "valley",  "county",  "province", "region",
                                "beach",     "heights", "hills",   "mountains"};
  return words.count(folded) > 0;
}

// Words after a place's name, in lower case, that say what kind of area it is ("the Darfur
// region", "the Palestinian territories", "Jebaliya refugee camp").
bool area_word(const std::string& folded) {
  static const WordSet words = {"area",     "city",  "camp",  "territory", "territories",
                                "district", "state", "strip", "coast"};
  return words.count(folded) > 0;
}

// Abbreviations of things, written in capitals like organizations' ("PC", "GPRS", "IPO", "LCD").
bool thing_abbreviation(std::string_view name) {
  static const WordSet names = {
      "PC",  "PCs", "TV",   "DVD", "DVDs", "CD",   "CDs",  "MP3",  "GPRS", "GSM", "3G",     "LCD",
      "CRM", "ERP", "SMS",  "PDA", "PDAs", "GPS",  "USB",  "HDTV", "VoIP", "DSL", "IPO",    "IPOs",
      "GDP", "CEO", "CFO",  "IT",  "AC",   "RFID", "VAT",  "HIV",  "AIDS", "DNA", "IVF",    "MRI",
      "PIN", "ATM", "ATMs", "URL", "HTML", "PSP",  "DS",   "IE",   "ID",   "IDs", "VHS",    "PR",
      "DJ",  "DJs", "R&B",  "SUV", "SUVs", "CCTV", "ISP",  "ISPs", "OK",   "FDI", "RSS",    "MMS",
      "P2P", "CES", "PS2",  "PS3", "WiFi", "IP",   "JPEG", "ADSL", "PVR",  "UMD", "HD-DVD", "FM"};
  if (names.count(name)) return true;
  // ("L.C.D.", "T.V.": written with stops)
  const std::string letters = dotted_letters(name);
  return letters.size() >= 2 && names.count(letters) > 0;
}

bool product_name(const std::string& folded) {
  static const WordSet names = {"xbox",
                                "xbox 360",
                                "playstation",
                                "playstation 2",
                                "gameboy",
                                "game boy",
                                "gamecube",
                                "n-gage",
                                "halo",
                                "halo 2",
                                "half-life",
                                "half-life 2",
                                "doom",
                                "doom 3",
                                "linux",
                                "unix",
                                "windows",
                                "windows xp",
                                "mac",
                                "macs",
                                "imac",
                                "mac os",
                                "mac os x",
                                "firefox",
                                "ipod",
                                "ipods",
                                "walkman",
                                "blackberry",
                                "wi-fi",
                                "mac mini",
                                "playstation portable",
                                "super mario",
                                "mydoom",
                                "celebrex",
                                "bextra",
                                "vioxx",
                                "viagra",
                                "prozac"};
  return names.count(folded) > 0;
}

std::string dotted_letters(std::string_view word) {
  std::string letters;
  if (word.size() % 2 != 0) return letters;
  for (std::size_t k = 0; k < word.size(); k += 2) {
    if (!ascii::is_upper(word[k]) || word[k + 1] != '.') return "";
    letters += word[k];
  }
  return letters;
}

// Words that end a venue's name ("Atlanta Motor Speedway", "Kodak Theatre").
bool venue_word(const std::string& folded) {
  static const WordSet words = {"stadium",  "speedway",  "raceway",   "arena",
                                "theatre",  "theater",   "velodrome", "racecourse",
                                "coliseum", "colosseum", "ballpark"};
  return words.count(folded) > 0;
}

namespace {

// The words before a person's name, each once with its kinds: one look-up answers person_title,
// honorific and person_role, which the passes ask of nearly every token.
enum PersonWord : std::uint8_t { kTitle = 1, kHonorific = 2, kRole = 4 };

std::uint8_t person_word(const std::string& folded) {
  static const absl::flat_hash_map<std::string, std::uint8_t> words = [] {
    absl::flat_hash_map<std::string, std::uint8_t> m;
    // Titles before a name that make the name a person's ("President", "Sec.", "Mr.").
    for (const char* w : {"president",
                          "sec.",
                          "secretary",
                          "minister",
                          "gov.",
                          "governor",
                          "sen.",
                          "senator",
                          "rep.",
                          "mr.",
                          "mrs.",
                          "ms.",
                          "dr.",
                          "chancellor",
                          "premier",
                          "mayor",
                          "judge",
                          "pope",
                          "cardinal",
                          "archbishop",
                          "ambassador",
                          "chairman",
                          "chairwoman",
                          "commissioner",
                          "lieutenant-colonel",
                          "lieutenant-general",
                          "major-general",
                          "brigadier-general",
                          "secretary-general",
                          "director",
                          "king",
                          "queen",
                          "prince",
                          "princess",
                          "sheikh",
                          "speaker",
                          "executive",
                          "constable"})  // ("Suffolk Chief Constable Alastair McWhirter")
      m[w] |= kTitle;
    // Titles, and honorifics written without a period as British papers write them ("Mr Allan",
    // "Sir Clive Woodward", "MP Richard Allan"): a capitalized run after one is a person's name,
    // whatever the tagger made of it.
    for (const char* w : {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "baroness", "mp",
                          "mep", "msp", "cllr"})
      m[w] |= kHonorific;
    // Words before a name, besides the titles and honorifics, that say a person follows: roles
    // ("striker Zidane", "publicist Wendy Day").
    for (const char* w :
         {"coach",      "manager",   "publicist", "striker",     "midfielder", "defender",
          "goalkeeper", "captain",   "skipper",   "actor",       "actress",    "singer",
          "rapper",     "novelist",  "author",    "chief",       "spokesman",  "spokeswoman",
          "analyst",    "economist", "professor", "prof.",       "frontman",   "frontwoman",
          "guitarist",  "drummer",   "bassist",   "keyboardist", "vocalist"})
      m[w] |= kRole;
    // ("Medical Research Council Professor Nancy Rothwell": a professor's title, like a
    // director's)
    for (const char* w : {"professor", "prof."}) m[w] |= kTitle;
    return m;
  }();
  // (most words of running text are none: answered without hashing)
  static const WordSet known = [] {
    std::vector<std::string_view> keys;
    for (const auto& [w, kinds] : words) keys.push_back(w);
    return WordSet(keys.begin(), keys.end());
  }();
  if (!known.contains(folded)) return 0;
  const auto it = words.find(folded);
  return it == words.end() ? 0 : it->second;
}

// A company's legal designation after its name ("Dell Inc.", "Tesco plc", "Siemens AG"):
// capitalized, but "plc" and "ltd" as British papers write them, and "AG" and "NV" in capitals
// only ("Ag" is silver).
bool designation(const ner::Token& t) {
  const std::string_view w = t.text, l = t.lower;
  if (w.size() < 2 || w.size() > 5) return false;
  if (!capitalized_word(w)) return l == "plc" || l == "ltd" || l == "ltd.";
  if (l == "ag" || l == "nv") return all_capitals(w);
  if (l == "spa") return w == "SpA";  // an Italian company's ("Pirelli SpA"), not a spa town
  static constexpr std::string_view kWords[] = {"inc",  "inc.", "corp", "corp.", "co",
                                                "co.",  "ltd",  "ltd.", "plc",   "llc",
                                                "gmbh", "oyj",  "bhd"};
  return std::find(std::begin(kWords), std::end(kWords), l) != std::end(kWords);
}

}  // namespace

// Words before a name that make it a person's: "President Trump" names a person even where the
// tagger missed it.
bool person_title(const std::string& folded) { return (person_word(folded) & kTitle) != 0; }

bool honorific(const std::string& folded) {
  return (person_word(folded) & (kTitle | kHonorific)) != 0;
}

bool person_role(const std::string& folded) { return person_word(folded) != 0; }

bool world_region(const std::string& folded) {
  static const WordSet names = {
      "europe",        "asia",          "africa",      "americas",       "oceania",
      "antarctica",    "arctic",        "balkans",     "caribbean",      "scandinavia",
      "midwest",       "siberia",       "kashmir",     "tibet",          "crimea",
      "gaza",          "kurdistan",     "sahara",      "sahel",          "maghreb",
      "patagonia",     "mediterranean", "pacific",     "atlantic",       "west bank",
      "gaza strip",    "middle east",   "far east",    "latin america",  "central america",
      "south america", "north america", "east africa", "west africa",    "southeast asia",
      "south asia",    "central asia",  "east asia",   "eastern europe", "western europe",
      "persian gulf",  "horn of africa"};
  return names.count(folded) > 0;
}

namespace {

// demonym() for the words of a name, folded and joined by spaces (the gazetteer's look-ups fold
// case and diacritics, so the folded words answer as the written ones do).
bool demonym_words(const ner::Gazetteer& gazetteer, const std::string& w) {
  if (gazetteer.known(w)) return false;  // a place's own name
  // ("Philippine shares": a country's name without its plural "s")
  if (!gazetteer.country_name(w + "s").empty()) return true;
  // ("Kurds", "Uzbeks": a people's plural of a land named "-istan")
  auto land = [&gazetteer](const std::string& name) {
    return gazetteer.known(name) || world_region(name);  // (Kurdistan is no country)
  };
  if (w.size() > 4 && w.back() == 's' && land(w.substr(0, w.size() - 1) + "istan")) return true;
  for (const char* ending : {"ian", "ean", "an", "n", "ese", "i", "ish"}) {
    const std::size_t n = std::strlen(ending);
    if (w.size() < n + 4 || w.compare(w.size() - n, n, ending) != 0) continue;
    const std::string stem = w.substr(0, w.size() - n);
    // ("West German": "Germany")
    for (const char* tail : {"", "a", "o", "y", "e", "ia", "any", "istan"}) {
      const std::string name = stem + tail;
      if (!land(name)) continue;
      // ("Iraqi", "Punjabi": "-i" names the people of a country or a region; of a town it is
      // as often a surname or a firm's, "Ferrari" is no people of Ferrara, "Suzuki" of Suzuka)
      if (std::string_view(ending) == "i"sv && gazetteer.city(name) &&
          gazetteer.country_name(name).empty())
        continue;
      return true;
    }
  }
  return false;
}

}  // namespace

bool demonym(const ner::Gazetteer& gazetteer, const std::vector<ner::Token>& tokens,
             const ner::Span& span) {
  std::size_t first = span.first;
  if (span.last == first + 1 && (direction_word(tokens[first].lower) ||
                                 tokens[first].lower == "an"sv || tokens[first].lower == "the"sv)) {
    ++first;
  }
  // "El Salvadorian": a place of two or three words and an ending.
  if (span.last > first + 2) return false;
  std::string w;
  for (std::size_t k = first; k <= span.last; ++k) w += (k > first ? " " : "") + tokens[k].lower;
  // (each answer kept, per thread, for the gazetteer's places as they are: the look-ups of the
  // endings, up to sixty for a name, were 2% of the extraction's instructions, for names that
  // come again and again)
  thread_local std::uint64_t cached_for = 0;
  thread_local absl::flat_hash_map<std::string, bool> answers;
  if (cached_for != gazetteer.places_version() || answers.size() > 100000) {
    answers.clear();
    cached_for = gazetteer.places_version();
  }
  const auto it = answers.find(w);
  if (it != answers.end()) return it->second;
  const bool answer = demonym_words(gazetteer, w);
  answers.emplace(std::move(w), answer);
  return answer;
}

bool post_nominal(const std::string& folded) {
  static const WordSet words = {"qc",   "mp",  "mps", "mep", "meps", "msp",
                                "msps", "obe", "mbe", "cbe", "kbe"};
  return words.count(folded) > 0;
}

bool direction_word(const std::string& folded) {
  static const WordSet words = {"north",    "south",    "east",    "west",   "central",
                                "northern", "southern", "eastern", "western"};
  return words.count(folded) > 0;
}

bool capitalized_word(std::string_view w) { return !w.empty() && ascii::is_upper(w[0]); }

// A long line of capitalized words is no headline: a list of names, as in a team's line-up.
bool headline(const ner::Document& doc, std::size_t s, const ner::Gazetteer* words) {
  if (doc.all_caps(s)) return true;
  const auto& tokens = doc.sentences()[s].tokens;
  if (!doc.title_case(s) || tokens.size() > 20) return false;
  if (!words) return true;
  std::size_t capitalized = 0, common = 0;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (!capitalized_word(tokens[i].text) || !ascii::is_alpha(tokens[i].text[0])) {
      continue;
    }
    ++capitalized;
    if (words->lexicon(tokens[i].lower) == ner::Gazetteer::kCommon) ++common;
  }
  return common >= 2 && common * 3 >= capitalized;
}

bool shouted(const ner::Document& doc, std::size_t s) {
  const auto& tokens = doc.sentences()[s].tokens;
  return std::none_of(tokens.begin(), tokens.end(), [](const ner::Token& t) {
    return std::any_of(t.text.begin(), t.text.end(), [](char c) { return ascii::is_lower(c); });
  });
}

// "why the BBC should be joining", "Internet service providers", "the BBC offer TV content": the
// tagger runs a name on into words in lower case, which a name holds only as small words between
// capitalized ones ("Bank of England", "Santiago de Cuba", "Committee to Protect Journalists").
// Any other word in lower case ("should", "service") ends the name, and so does a small word
// with no capitalized word after it; the capitalized words after it are a name of the same kind
// ("BBC| offer |TV"). Small words include those of other languages' names ("Kengo wa Dondo",
// "Sarah binti Pengiran"). A word with a capital inside ("eBay", "al-Qaeda") is no word in lower
// case.
void lower_case_breaks(ner::Document& doc) {
  static const WordSet small = {
      "of",  "the",   "and",   "for",   "to",   "on",  "upon", "in",   "at",   "a",      "an",
      "am",  "de",    "du",    "des",   "del",  "da",  "do",   "dos",  "das",  "di",     "la",
      "le",  "les",   "von",   "van",   "der",  "den", "ter",  "ten",  "zu",   "y",      "e",
      "et",  "bin",   "ibn",   "binti", "bint", "wa",  "al",   "el",   "&",    "sans",   "los",
      "las", "della", "degli", "dei",   "vom",  "zur", "ben",  "ould", "with", "without"};
  auto lower = [](std::string_view w) {
    return !w.empty() && ascii::is_lower(w[0]) &&
           std::none_of(w.begin(), w.end(), [](char c) { return ascii::is_upper(c); });
  };
  // (lower case, or no letter nor digit: '"')
  auto filler = [&lower](std::string_view w) {
    return lower(w) || std::none_of(w.begin(), w.end(),
                                    [](char c) { return ascii::is_alnum(c) || (c & 0x80); });
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      // (a place holds its kind in lower case, whatever the tags say: "the Palestinian
      // territories", "the Darfur region", "Jebaliya refugee camp")
      if (span.type == ner::Type::kPlace) continue;
      bool breaks = false, area = false;
      for (std::size_t k = span.first; k <= span.last; ++k) {
        if (!lower(tokens[k].text) || small.count(tokens[k].lower)) continue;
        breaks = true;
        area = area || facility_word(tokens[k].lower) || area_word(tokens[k].lower);
      }
      // (nor a name all in lower case: "bmi", "lastminute.com"; nor an organization's name that
      // ends in its own word: "the Palestinian self-rule Authority")
      const bool capital = std::any_of(tokens.begin() + static_cast<long>(span.first),
                                       tokens.begin() + static_cast<long>(span.last + 1),
                                       [&lower](const ner::Token& t) { return !lower(t.text); });
      if (area || !capital || (!breaks && !small.count(tokens[span.last].lower)) ||
          (capitalized_word(tokens[span.last].text) && organization_word(tokens[span.last].lower)))
        continue;
      for (std::size_t k = span.first; k <= span.last; ++k) tags[k] = 0;
      // each run between breaks, less the small words at its ends, is a name
      for (std::size_t k = span.first; k <= span.last;) {
        while (k <= span.last && filler(tokens[k].text)) ++k;
        std::size_t end = k;
        while (end <= span.last && !(lower(tokens[end].text) && !small.count(tokens[end].lower)))
          ++end;
        std::size_t last = end;
        while (last > k && filler(tokens[last - 1].text)) --last;
        // (not a day alone: "the BBC reported| Saturday")
        if (last > k && !(last == k + 1 && calendar_word(tokens[k].lower)))
          retag(tags, k, last, span.type);
        k = end;
      }
    }
  }
}

namespace {

// The first and the last token of the entity that holds token `at` (tagged).
std::size_t span_begin(const std::vector<int>& tags, std::size_t at) {
  while (at > 0 && ner::position_of(tags[at]) != ner::kBegin &&
         ner::position_of(tags[at]) != ner::kUnit)
    --at;
  return at;
}
std::size_t span_end(const std::vector<int>& tags, std::size_t at) {
  while (at + 1 < tags.size() && ner::position_of(tags[at]) != ner::kLast &&
         ner::position_of(tags[at]) != ner::kUnit)
    ++at;
  return at;
}

// "Jr", "Jr.", "Sr.": the words that end a name after its surname.
bool junior(std::string_view w) { return w == "Jr"sv || w == "Jr."sv || w == "Sr."sv; }

// The value of a Roman number of two letters or more up to 39 written with I, V and X ("II",
// "XIV", "XXXIX"), or 0: "I" is a pronoun, and "V", "X" are letters and initials as often.
int roman_number(std::string_view w) {
  if (w.size() < 2) return 0;
  std::size_t tens = 0;
  while (tens < w.size() && tens < 3 && w[tens] == 'X') ++tens;
  static const std::array<std::string_view, 10> units = {"",  "I",  "II",  "III",  "IV",
                                                         "V", "VI", "VII", "VIII", "IX"};
  const std::string_view rest = w.substr(tens);
  for (std::size_t unit = 0; unit < units.size(); ++unit)
    if (rest == units[unit]) return static_cast<int>(tens * 10 + unit);
  return 0;
}

// Whether a word (folded) begins a government office's or a public body's name before "of" or
// "for" ("the Department of Trade and Industry", "the Office of Fair Trading", "the Commission
// for Racial Equality", "the Council of Mortgage Lenders").
bool government_office(std::string_view folded) {
  return folded == "department"sv || folded == "ministry"sv || folded == "office"sv ||
         folded == "bureau"sv || folded == "commission"sv || folded == "council"sv;
}

// Whether a word (folded) is a particle of a name in lower case, between a first name and a
// surname or inside a name ("Gil de Ferran", "CJ van der Linde", "the da Vinci Project", "Osama
// bin Laden").
bool name_particle(std::string_view folded) {
  static const WordSet particles = {"de", "del", "da",  "do",  "dos", "das", "di", "du", "la",
                                    "le", "van", "von", "den", "der", "ter", "al", "bin"};
  return particles.count(folded) > 0;
}

// The sentence's first word: its first token that begins with a letter or a digit (a byte of a
// letter beyond ASCII too: "Ángel").
std::size_t opening_word(const std::vector<ner::Token>& tokens) {
  std::size_t at = 0;
  while (at < tokens.size() && !tokens[at].text.empty() && !ascii::is_alnum(tokens[at].text[0]) &&
         !(static_cast<unsigned char>(tokens[at].text[0]) >= 0x80))
    ++at;
  return at;
}

// Whether token `at` continues an entity that begins before it (an inside or a last word).
bool continues_entity(const std::vector<int>& tags, std::size_t at) {
  return at < tags.size() && tags[at] != 0 &&
         (ner::position_of(tags[at]) == ner::kInside || ner::position_of(tags[at]) == ner::kLast);
}

// Untags the rest of an entity cut before token `at`, from `at` to the entity's end.
void clear_rest(std::vector<int>& tags, std::size_t at) {
  if (!continues_entity(tags, at)) return;
  const std::size_t end = span_end(tags, at);
  for (std::size_t k = at; k <= end; ++k) tags[k] = 0;
}

// The last words (folded) of the article's people's names of two words or more: their surnames.
std::unordered_set<std::string> people_surnames(const ner::Document& doc) {
  std::unordered_set<std::string> surnames;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s)
    for (const ner::Span& span : ner::spans_of(doc.tags()[s], s))
      if (span.type == ner::Type::kPerson && span.last > span.first)
        surnames.insert(doc.sentences()[s].tokens[span.last].lower);
  return surnames;
}

// Whether token `at` ends, or begins, an entity of `type`.
bool ends_entity(const std::vector<int>& tags, std::size_t at, ner::Type type) {
  return tags[at] != 0 && ner::type_of(tags[at]) == type &&
         (ner::position_of(tags[at]) == ner::kLast || ner::position_of(tags[at]) == ner::kUnit);
}
bool begins_entity(const std::vector<int>& tags, std::size_t at, ner::Type type) {
  return tags[at] != 0 && ner::type_of(tags[at]) == type &&
         (ner::position_of(tags[at]) == ner::kBegin || ner::position_of(tags[at]) == ner::kUnit);
}

// Whether token `at` is an organization's capitalized word that no entity holds: after an
// organization's name, its last word ("the Labour Party").
bool free_organization_word(const std::vector<ner::Token>& tokens, const std::vector<int>& tags,
                            std::size_t at) {
  return at < tokens.size() && tags[at] == 0 && capitalized_word(tokens[at].text) &&
         organization_word(tokens[at].lower);
}

}  // namespace

// "Since 2002, Ms Tan has been managing director", "Until 1857, the only way", "Come 2020, Japan
// could be", "Born in Luton", "Update 1: Hollinger to Take $27M Charge": a preposition, a
// conjunction or an adverb (or a wire's "Update") is capitalized where it opens a sentence or a
// headline, and the tagger takes it for a name. Alone it is never one; inside a longer name it
// may be ("All Blacks", "Before Sunset"), which stays. Nor is a Roman number alone ("II"), nor a
// verb that opens a question ("Can| Yahoo dominate?").
void closed_class_words(ner::Document& doc) {
  // ("World Group II", "Charles VI": a Roman number alone, roman_number; not "I", a pronoun,
  // nor "X", "V", "C", "D", "L" and "M", which are letters and initials as often)
  static const WordSet words = {
      "since",        "until",       "till",      "unlike",  "like",       "barely",
      "herewith",     "all",         "come",      "after",   "before",     "during",
      "despite",      "although",    "though",    "while",   "whilst",     "whereas",
      "unless",       "once",        "meanwhile", "however", "moreover",   "furthermore",
      "nevertheless", "nonetheless", "instead",   "overall", "currently",  "recently",
      "previously",   "eventually",  "finally",   "already", "also",       "only",
      "even",         "yet",         "both",      "each",    "every",      "either",
      "neither",      "many",        "most",      "several", "few",        "such",
      "among",        "amid",        "amongst",   "between", "within",     "without",
      "across",       "against",     "along",     "around",  "behind",     "beyond",
      "except",       "throughout",  "toward",    "towards", "upon",       "nearly",
      "almost",       "perhaps",     "maybe",     "indeed",  "thus",       "hence",
      "therefore",    "besides",     "otherwise", "anyway",  "regardless", "including",
      "following",    "according",   "born",      "update",  "updated"};
  // ("Can Yahoo dominate next decade?", "Have Radio 2 listeners ...": a question's verb that
  // opens it is no part of the name after it)
  static const WordSet asking = {"can",  "could", "should", "would", "does", "did",  "do",
                                 "is",   "are",   "was",    "were",  "has",  "have", "had",
                                 "must", "why",   "how",    "shall", "might"};
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    const std::size_t opening = opening_word(tokens);
    // (a question: its last token "?"; "Do Kwon had fought", "Can Dundar said" are names)
    const bool question = !tokens.empty() && tokens.back().text == "?"sv;
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.first == span.last &&
          (words.count(tokens[span.first].lower) || roman_number(tokens[span.first].text) != 0))
        tags[span.first] = 0;
      if (span.first == opening && span.last > span.first && question &&
          asking.count(tokens[span.first].lower)) {
        tags[span.first] = 0;
        retag(tags, span.first + 1, span.last + 1, span.type);
      }
    }
  }
}

// "Bud Selig Has Skin Cancer", "Putin Visits Chechnya Ahead", "Yahoo Launching Music Download
// Service This": in a headline, where every word is capitalized, the tagger runs a name on into
// the words after it. Where the text below names the headline's first words (the longest run of
// them it tags as a name), the headline's name is that one, of the kind the text gives it, and
// the rest of the run holds only the names the text gives ("Chechnya"). A run the text names
// whole stays ("Jack in the Box").
void headline_names(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  std::unordered_map<std::string, ner::Type> named;  // the text's names (folded words) -> kind
  std::size_t longest = 0;                           // words of the longest
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (headline(doc, s)) continue;
    const auto& tokens = doc.sentences()[s].tokens;
    for (const ner::Span& span : ner::spans_of(doc.tags()[s], s)) {
      std::string name;
      for (std::size_t k = span.first; k <= span.last; ++k)
        name += (k > span.first ? " " : "") + tokens[k].lower;
      named.emplace(std::move(name), span.type);
      longest = std::max(longest, span.last - span.first + 1);
    }
  }
  if (named.empty()) return;
  // (the longest run of tokens [at, end) the text names, as its length and kind; 0 for none)
  auto known = [&](const std::vector<ner::Token>& tokens, std::size_t at, std::size_t end,
                   ner::Type* type) {
    for (std::size_t n = std::min(end - at, longest); n > 0; --n) {
      std::string name;
      for (std::size_t k = at; k < at + n; ++k) name += (k > at ? " " : "") + tokens[k].lower;
      const auto it = named.find(name);
      if (it != named.end()) {
        *type = it->second;
        return n;
      }
    }
    return std::size_t{0};
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (!headline(doc, s)) continue;
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      const std::size_t end = span.last + 1;
      ner::Type type = span.type;
      const std::size_t head = known(tokens, span.first, end, &type);
      if (head == 0 || head == end - span.first) continue;
      // (the rest of a company's, a club's or a channel's name: "Warner Bros", "Nova
      // Chemicals", "Charlton Athletic v Leicester City" on a line of fixtures where the text
      // says "Charlton", "BBC Two", a wire's "Bucharest Newsroom")
      static const WordSet ends = {
          "city",   "athletic", "united",    "town",     "rovers",  "county",   "wanderers",
          "albion", "rangers",  "one",       "two",      "three",   "four",     "bros",
          "bros.",  "studios",  "chemicals", "pictures", "records", "airlines", "newsroom"};
      if (span.first + head + 1 == end &&
          (ends.count(tokens[span.last].lower) || organization_word(tokens[span.last].lower) ||
           designation(tokens[span.last])))
        continue;
      // (nor a club's letter in brackets: "Buducnost (V)"; the rest must begin with a common
      // word, a verb or a noun: "Sony| Ericsson", "America| Online" stay whole; and an
      // organization's name stays whole before a name of another kind: "New York| Times")
      const ner::Token& rest = tokens[span.first + head];
      if (!ascii::is_alnum(rest.text[0]) ||
          !(gazetteer.lexicon(rest.lower) & ner::Gazetteer::kCommon) ||
          (span.type != ner::Type::kPerson && type != span.type))
        continue;
      for (std::size_t k = span.first; k < end; ++k) tags[k] = 0;
      retag(tags, span.first, span.first + head, type);
      for (std::size_t k = span.first + head; k < end;) {
        const std::size_t n = known(tokens, k, end, &type);
        if (n == 0) {
          ++k;
          continue;
        }
        retag(tags, k, k + n, type);
        k += n;
      }
    }
  }
}

// Rules on top of the tagger: a capitalized run after a person's title that the tagger left
// untagged is that person.
void mark_titled_people(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (headline(doc, s))
      continue;  // "PRINCE NASEEM RETAINS WBO TITLE": no telling where a name ends
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (!person_role(tokens[i].lower) ||
          (tags[i + 1] != 0 && ner::type_of(tags[i + 1]) == ner::Type::kPerson))
        continue;
      // "Larry King", a name; but not an honorific the tagger read as a name of its own before
      // a name it read as another kind ("Mr/U-PER Kilroy-Silk/U-LOC")
      if (tags[i] != 0 && ner::type_of(tags[i]) == ner::Type::kPerson &&
          !(ner::position_of(tags[i]) == ner::kUnit && honorific(tokens[i].lower) &&
            tags[i + 1] != 0))
        continue;
      if (i > 0 && tags[i - 1] != 0 && ner::type_of(tags[i - 1]) != ner::Type::kPerson &&
          (ner::position_of(tags[i - 1]) == ner::kBegin ||
           ner::position_of(tags[i - 1]) == ner::kInside)) {
        continue;  // the title is inside another entity's name
      }
      std::size_t end = i + 1;
      while (end < tokens.size() && end - i <= 3 && capitalized_word(tokens[end].text) &&
             ascii::is_alpha(tokens[end].text[0]) && !person_role(tokens[end].lower) &&
             tokens[end].lower != "of"sv && !junior(tokens[end].text)) {
        ++end;
      }
      // (a name's "Jr." after the title says the title is the name's last word: "Martin Luther
      // King Jr.")
      if (end == i + 1 && end < tokens.size() && junior(tokens[end].text)) continue;
      const std::size_t n = end - (i + 1);
      if (n == 0) continue;
      // "King County", "Prince Edward Island", "Queen Street": a place's name.
      if (facility_word(tokens[end - 1].lower)) continue;
      // "the Premier League", "King Fahd University": an organization's name, the title's word
      // its first (where no entity of the tagger's is cut).
      // (not after an honorific, "Dr Power told the inquiry" names a person, but before a
      // company's designation: "Mrs Fields Inc", "Mr. Steak Inc")
      std::string bare = tokens[i].lower;
      if (bare.size() > 1 && bare.back() == '.') bare.pop_back();
      if (organization_word(tokens[end - 1].lower) && capitalized_word(tokens[i].text) &&
          (!(person_word(bare) & kHonorific) || designation(tokens[end - 1]))) {
        const bool cut = (tags[i] != 0 && ner::position_of(tags[i]) != ner::kBegin &&
                          ner::position_of(tags[i]) != ner::kUnit) ||
                         continues_entity(tags, end);
        if (!cut) retag(tags, i, end, ner::Type::kOrganization);
        i = end - 1;
        continue;
      }
      // A role word ("striker") only names untagged words: "captain England" is a place; or
      // words the tagger read as an organization's that begin with a first name of the Census
      // lists ("the author Iris Murdoch").
      const bool first_named =
          n >= 2 && (gazetteer.person_name(tokens[i + 1].lower) & ner::Gazetteer::kFirstName) &&
          std::all_of(
              tags.begin() + static_cast<long>(i + 1), tags.begin() + static_cast<long>(end),
              [](int t) { return t == 0 || ner::type_of(t) == ner::Type::kOrganization; }) &&
          std::none_of(tokens.begin() + static_cast<long>(i + 1),
                       tokens.begin() + static_cast<long>(end),
                       [](const ner::Token& t) { return organization_word(t.lower); });
      // or a name the tagger read whole, the role's word first, as another kind's ("Broker
      // Khurshid Alam said", first in its sentence)
      const bool opening =
          std::none_of(tokens.begin(), tokens.begin() + static_cast<long>(i),
                       [](const ner::Token& t) { return ascii::is_alnum(t.text[0]); });
      const bool role_first =
          opening && tags[i] != 0 && ner::position_of(tags[i]) == ner::kBegin && n >= 2 &&
          ner::position_of(tags[end - 1]) == ner::kLast &&
          ner::type_of(tags[end - 1]) == ner::type_of(tags[i]) &&
          std::none_of(tokens.begin() + static_cast<long>(i + 1),
                       tokens.begin() + static_cast<long>(end),
                       [](const ner::Token& t) { return organization_word(t.lower); });
      if (!honorific(tokens[i].lower) && !first_named && !role_first &&
          std::any_of(tags.begin() + static_cast<long>(i + 1),
                      tags.begin() + static_cast<long>(end),
                      [](int t) { return t != 0 && ner::type_of(t) != ner::Type::kPerson; })) {
        continue;
      }
      // Whatever entity the run began or ended inside loses those tokens: close it cleanly.
      if (continues_entity(tags, end)) {
        continue;
      }
      for (std::size_t k = i + 1; k < end; ++k) {
        const ner::Position p = n == 1         ? ner::kUnit
                                : k == i + 1   ? ner::kBegin
                                : k + 1 == end ? ner::kLast
                                               : ner::kInside;
        tags[k] = ner::tag_of(ner::Type::kPerson, p);
      }
      // ("Lord/B-LOC Carlile/L-LOC": the title the tagger read as the first word of a name
      // belongs to no name now, not the first word of one left open)
      if (tags[i] != 0) tags[i] = 0;
      i = end - 1;
    }
  }
}

void retag(std::vector<int>& tags, std::size_t first, std::size_t end, ner::Type type) {
  for (std::size_t k = first; k < end; ++k) {
    const ner::Position p = end - first == 1 ? ner::kUnit
                            : k == first     ? ner::kBegin
                            : k + 1 == end   ? ner::kLast
                                             : ner::kInside;
    tags[k] = ner::tag_of(type, p);
  }
}

std::string joined_words(const std::vector<ner::Token>& tokens, std::size_t first,
                         std::size_t end) {
  std::string out;
  for (std::size_t k = first; k < end; ++k) {
    if (k > first) out += ' ';
    out += tokens[k].text;
  }
  return out;
}

bool all_capitals(std::string_view w) {
  std::size_t letters = 0;
  for (char c : w) {
    if (ascii::is_lower(c)) return false;
    if (ascii::is_alpha(c)) ++letters;
  }
  return letters >= 2;
}

// "Santiago de Cuba", "Casa de Nariño": places on both sides of a particle are one place;
// "Tren de Aragua", "Cartel de Sinaloa": a place after a particle and another name is part of
// that name, an organization's. "Gil de Ferran", "Luiz da Silva": a person's surname after a
// particle and a first name of the Census lists (or a person's name) before it are one person's.
void join_particle_names(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  static const WordSet particles = {"de", "del", "da", "do", "dos", "das", "di", "la"};
  static const WordSet people_particles = {"van", "von", "den", "der", "ter", "du"};
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      if (tokens[i].lower.size() > 3) continue;  // (every particle is of two or three letters)
      const bool particle = particles.count(tokens[i].lower) > 0;
      if ((!particle && !people_particles.count(tokens[i].lower)) || tags[i] != 0) continue;
      // "EOE spokesman Lex van Drooge": one word, "van" or "von", and a capitalized word the
      // tagger left, the name's last, are a person's name, whatever the tagger read the first.
      if ((tokens[i].lower == "van"sv || tokens[i].lower == "von"sv) && tags[i + 1] == 0 &&
          plain_word(tokens[i + 1]) && !all_capitals(tokens[i + 1].text) &&
          (i + 2 == tokens.size() || !capitalized_word(tokens[i + 2].text)) &&
          plain_word(tokens[i - 1]) && !all_capitals(tokens[i - 1].text) &&
          (tags[i - 1] == 0 || ner::position_of(tags[i - 1]) == ner::kUnit) &&
          (i < 2 || !capitalized_word(tokens[i - 2].text) || tags[i - 2] != 0)) {
        retag(tags, i - 1, i + 2, ner::Type::kPerson);
        ++i;
        continue;
      }
      const int right = tags[i + 1];
      if (right == 0 ||
          (ner::position_of(right) != ner::kBegin && ner::position_of(right) != ner::kUnit)) {
        continue;
      }
      if (!capitalized_word(tokens[i - 1].text)) continue;
      if (ner::type_of(right) == ner::Type::kPerson && ner::position_of(right) == ner::kUnit) {
        const int left_tag = tags[i - 1];
        const bool first_name =
            left_tag == 0
                ? (gazetteer.person_name(tokens[i - 1].lower) & ner::Gazetteer::kFirstName)
                : ner::type_of(left_tag) == ner::Type::kPerson &&
                      ner::position_of(left_tag) == ner::kUnit;
        if (first_name) retag(tags, i - 1, i + 2, ner::Type::kPerson);
        continue;
      }
      if (!particle || ner::type_of(right) != ner::Type::kPlace) continue;
      const std::size_t right_end = span_end(tags, i + 1);
      std::size_t left = i - 1;
      const int left_tag = tags[left];
      if (left_tag != 0 && ner::position_of(left_tag) != ner::kLast &&
          ner::position_of(left_tag) != ner::kUnit)
        continue;
      if (left_tag != 0) left = span_begin(tags, left);
      const bool place = left_tag != 0 && ner::type_of(left_tag) == ner::Type::kPlace;
      retag(tags, left, right_end + 1, place ? ner::Type::kPlace : ner::Type::kOrganization);
      i = right_end;
    }
  }
}

namespace {

// "Office for National Statistics": an organization's word, "of" or "for", and an organization
// are one organization.
void join_of(const std::vector<ner::Token>& tokens, std::vector<int>& tags) {
  for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
    if ((tokens[i].lower != "of"sv && tokens[i].lower != "for"sv) || tags[i] != 0) continue;
    if (!capitalized_word(tokens[i - 1].text) || !organization_word(tokens[i - 1].lower)) continue;
    if (!begins_entity(tags, i + 1, ner::Type::kOrganization)) continue;
    const std::size_t right_end = span_end(tags, i + 1);
    std::size_t left = i - 1;
    const int left_tag = tags[left];
    if (left_tag != 0) {
      if (ner::position_of(left_tag) != ner::kLast && ner::position_of(left_tag) != ner::kUnit)
        continue;
      left = span_begin(tags, left);
    }
    retag(tags, left, right_end + 1, ner::Type::kOrganization);
    i = right_end;
  }
}

}  // namespace

// "a claim filed at New York State Supreme Court", "the Northern Ireland Assembly": a place's name
// the tagger cut from the organization right after it (nothing between them, or the place's
// "State", "City" or "County") is the organization's first words, as the labels have it. Not in
// a headline, where names run together ("Iraq Oil Ministry Bombed"), nor a people's adjective.
void placed_organizations(ner::Document& doc) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (headline(doc, s)) continue;
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    std::vector<ner::Span> spans = ner::spans_of(tags, s);
    auto dateline = [&tokens](const ner::Span& span) {
      const std::string name = joined_words(tokens, span.first, span.last + 1);
      return all_capitals(name) && std::count_if(name.begin(), name.end(),
                                                 [](char c) { return ascii::is_alpha(c); }) >= 3;
    };
    // "chairman of Sunderland FC": a club's designation the tagger left after a town's name (or
    // a name of any kind) ends the club's name.
    bool clubs = false;
    for (const ner::Span& span : spans) {
      const std::size_t next = span.last + 1;
      if (span.type != ner::Type::kPerson && next < tokens.size() && tags[next] == 0 &&
          (tokens[next].text == "FC"sv || tokens[next].text == "AFC"sv ||
           tokens[next].text == "RFC"sv)) {
        retag(tags, span.first, next + 1, ner::Type::kOrganization);
        clubs = true;
      }
    }
    if (clubs) spans = ner::spans_of(tags, s);
    for (std::size_t k = 0; k + 1 < spans.size(); ++k) {
      const ner::Span& place = spans[k];
      const ner::Span& body = spans[k + 1];
      // (an organization of more than one word, or one that says it is one: "Russia| WTO",
      // "Las Vegas| Microsoft" are two names)
      if (place.type != ner::Type::kPlace || body.type != ner::Type::kOrganization ||
          (body.first == body.last && !organization_word(tokens[body.first].lower)) ||
          all_capitals(tokens[body.first].text) || dateline(place))
        continue;  // (nor a dateline's town: "NEW YORK Johnson & Johnson", "ROME Fiat"; but
                   // "U.S. Air Force", "UK Film Council")
      const std::size_t gap = body.first - place.last - 1;
      if (gap > 1 ||
          (gap == 1 && tokens[place.last + 1].text != "State"sv &&
           tokens[place.last + 1].text != "City"sv && tokens[place.last + 1].text != "County"sv))
        continue;
      retag(tags, place.first, body.last + 1, ner::Type::kOrganization);
      ++k;
    }
  }
}

// "Office for National Statistics", "Department for Constitutional Affairs": a capitalized word
// that ends organizations' names, "of" or "for", and the organization tagged after them are one
// organization ("National Statistics" alone is none). A place after them stays a place as well
// ("Bank of Japan").
void join_organizations_of(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    join_of(tokens, tags);
    // "Department of Homeland Security Secretary Kristi Noem", "the Office of Fair Trading": a
    // government office's word, "of", and capitalized words no entity holds (two "and"s or "the"s
    // at most between them; up to a person's title) are one organization, where the tagger read
    // none there.
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
      if (tags[i] != 0 || tokens[i + 1].lower != "of"sv || !capitalized_word(tokens[i].text) ||
          !government_office(tokens[i].lower) || all_capitals(tokens[i].text) || tags[i + 1] != 0)
        continue;
      // (nor a post, "Agriculture Undersecretary", nor a paper: "a Department of Transport
      // Document")
      static const WordSet papers = {"document", "decision", "statement", "study",   "data",
                                     "paper",    "figures",  "survey",    "website", "guidelines"};
      auto free = [&](std::size_t k) {
        if (k >= tokens.size()) return false;
        const std::string& w = tokens[k].lower;
        return tags[k] == 0 && plain_word(tokens[k]) && !all_capitals(tokens[k].text) &&
               !calendar_word(w) && !person_role(w) && !organization_role(w) && !thing_word(w) &&
               !papers.count(w) && !(w.size() >= 9 && w.compare(w.size() - 9, 9, "secretary") == 0);
      };
      std::size_t end = i + 2, words = 0, joins = 0;
      while (free(end) && words < 5) {
        ++end, ++words;
        if (end + 1 < tokens.size() && joins < 2 &&
            (tokens[end].lower == "and"sv || tokens[end].lower == "the"sv) && tags[end] == 0 &&
            free(end + 1))
          ++end, ++joins;
      }
      if (words == 0) continue;
      retag(tags, i, end, ner::Type::kOrganization);
      i = end - 1;
    }
    // "the Commission on Presidential Debates", "United Nations Conference on Trade and
    // Development": a deliberating body's name, "on" and the capitalized words after it (joined
    // by "and"; five at most; not a date, "on Thursday", nor words in capitals), that no entity
    // but a people's holds, are one organization (not a place's: "pressure from the European
    // Commission on France").
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      static const WordSet bodies = {"commission", "committee", "subcommittee", "conference",
                                     "council",    "panel",     "forum"};
      if (tokens[i].lower != "on"sv || tags[i] != 0 || !capitalized_word(tokens[i - 1].text) ||
          !bodies.count(tokens[i - 1].lower) ||
          (tags[i - 1] != 0 && !ends_entity(tags, i - 1, ner::Type::kOrganization)))
        continue;
      auto free = [&](std::size_t k) {
        return k < tokens.size() && plain_word(tokens[k]) && !all_capitals(tokens[k].text) &&
               !calendar_word(tokens[k].lower) &&
               (tags[k] == 0 || ner::type_of(tags[k]) == ner::Type::kMisc);
      };
      std::size_t end = i + 1, words = 0;
      while (free(end) && words < 5) {
        ++end, ++words;
        if (end + 1 < tokens.size() && tokens[end].lower == "and"sv && free(end + 1)) ++end;
      }
      if (words == 0) continue;
      // (an entity cut in two by the end is left as it was)
      if (end < tokens.size() && tags[end] != 0 &&
          !begins_entity(tags, end, ner::type_of(tags[end])))
        continue;
      if (tags[end - 1] != 0 && !ends_entity(tags, end - 1, ner::type_of(tags[end - 1]))) continue;
      // (the body's word begins the name, or ends one the tagger read: "the Senate| Committee")
      std::size_t left = tags[i - 1] != 0 ? span_begin(tags, i - 1) : i - 1;
      if (tags[i - 1] == 0 && i >= 2 && ends_entity(tags, i - 2, ner::Type::kOrganization))
        left = span_begin(tags, i - 2);
      retag(tags, left, end, ner::Type::kOrganization);
      i = end - 1;
    }
    // "The DC Sports| and Entertainment Commission outlined": an organization's name, "and" and
    // capitalized words the tagger left (three at most), the last an organization's word and
    // none after it, are one organization.
    for (std::size_t i = 1; i + 2 < tokens.size(); ++i) {
      if (tokens[i].text != "and"sv || tags[i] != 0 ||
          !ends_entity(tags, i - 1, ner::Type::kOrganization))
        continue;
      std::size_t end = i + 1;
      while (end < tokens.size() && end - i <= 3 && tags[end] == 0 && plain_word(tokens[end]) &&
             !all_capitals(tokens[end].text))
        ++end;
      // (nor a number after them: "BBC Three and News 24", two channels)
      if (end == i + 1 || !organization_word(tokens[end - 1].lower) ||
          (end < tokens.size() &&
           (capitalized_word(tokens[end].text) || ascii::is_digit(tokens[end].text[0]))))
        continue;
      retag(tags, span_begin(tags, i - 1), end, ner::Type::kOrganization);
      i = end - 1;
    }
    // "the Department for Education| and Skills", "the Department for Culture|, Media and Sport":
    // a government office's name the tagger cut before "and" or a comma runs on over the
    // capitalized words it joins (one or two after "and"; none an organization's or a
    // facility's word, nor a name after them: not "the Department of Health and State
    // University").
    for (std::size_t i = 2; i + 1 < tokens.size(); ++i) {
      if ((tokens[i].text != "and"sv && tokens[i].text != ","sv) || tags[i] != 0 ||
          !ends_entity(tags, i - 1, ner::Type::kOrganization))
        continue;
      const std::size_t first = span_begin(tags, i - 1);
      if (!government_office(tokens[first].lower) || first + 2 > i - 1 ||
          (tokens[first + 1].lower != "for"sv && tokens[first + 1].lower != "of"sv))
        continue;
      // (a word no entity holds, or one the tagger read alone as an organization's or a
      // miscellaneous name: "Department for Education| and |Skills")
      auto free = [&](std::size_t k) {
        return k < tokens.size() &&
               (tags[k] == 0 || tags[k] == ner::tag_of(ner::Type::kOrganization, ner::kUnit) ||
                tags[k] == ner::tag_of(ner::Type::kMisc, ner::kUnit)) &&
               plain_word(tokens[k]) && !all_capitals(tokens[k].text) &&
               !organization_word(tokens[k].lower) && !facility_word(tokens[k].lower) &&
               !calendar_word(tokens[k].lower);
      };
      std::size_t k = i;
      while (k + 1 < tokens.size() && tokens[k].text == ","sv && free(k + 1)) k += 2;
      if (k >= tokens.size() || tokens[k].text != "and"sv || tags[k] != 0 || !free(k + 1)) continue;
      std::size_t end = k + 2;
      if (free(end)) ++end;
      if (end < tokens.size() && capitalized_word(tokens[end].text)) continue;
      retag(tags, first, end, ner::Type::kOrganization);
      i = end - 1;
    }
    // "Human Rights in China": an organization named by common words only, "in" and a country
    // are one organization.
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      if (tokens[i].text != "in"sv || tags[i] != 0 ||
          !ends_entity(tags, i - 1, ner::Type::kOrganization) ||
          !begins_entity(tags, i + 1, ner::Type::kPlace))
        continue;
      const std::size_t left = span_begin(tags, i - 1);
      bool common = true;
      for (std::size_t k = left; common && k < i; ++k)
        common = gazetteer.lexicon(tokens[k].lower) == ner::Gazetteer::kCommon &&
                 !organization_word(tokens[k].lower);
      const std::size_t end = span_end(tags, i + 1);
      // (a country's: "the United Nations in Geneva", "the Metropolitan Opera Ballet in New
      // York" are two names)
      if (!common || gazetteer.country_name(joined_words(tokens, i + 1, end + 1)).empty()) continue;
      retag(tags, left, end + 1, ner::Type::kOrganization);
      i = end;
    }
    // "the Committee to Defend Human and Community Rights", "the Committee to Protect
    // Journalists", "the Campaign to Protect Rural England": a campaigning body's word, "to" and a
    // capitalized verb, and the capitalized words after it (joined by "and", "of" or "the"; six at
    // most) that no person's name holds, are one organization.
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
      static const WordSet bodies = {"committee", "campaign", "coalition", "alliance",
                                     "movement",  "league",   "society"};
      if (tokens[i + 1].lower != "to"sv || !capitalized_word(tokens[i].text) ||
          !bodies.count(tokens[i].lower) || all_capitals(tokens[i].text) || tags[i + 1] != 0 ||
          (tags[i] != 0 && !ends_entity(tags, i, ner::Type::kOrganization) &&
           tags[i] != ner::tag_of(ner::Type::kOrganization, ner::kUnit)))
        continue;
      auto free = [&](std::size_t k) {
        return k < tokens.size() && capitalized_word(tokens[k].text) &&
               ascii::is_alpha(tokens[k].text[0]) && !all_capitals(tokens[k].text) &&
               !calendar_word(tokens[k].lower) &&
               (tags[k] == 0 || ner::type_of(tags[k]) != ner::Type::kPerson);
      };
      if (!free(i + 2) || tags[i + 2] != 0) continue;  // (the verb: no name of the tagger's)
      std::size_t end = i + 2, words = 0;
      while (free(end) && words < 6) {
        ++end, ++words;
        if (end + 1 < tokens.size() && tags[end] == 0 &&
            (tokens[end].lower == "and"sv || tokens[end].lower == "of"sv ||
             tokens[end].lower == "the"sv) &&
            free(end + 1))
          ++end;
      }
      // (an entity cut in two by the end is left as it was)
      if (end < tokens.size() && tags[end] != 0 &&
          !begins_entity(tags, end, ner::type_of(tags[end])))
        continue;
      if (tags[end - 1] != 0 && !ends_entity(tags, end - 1, ner::type_of(tags[end - 1]))) continue;
      const std::size_t left = tags[i] != 0 ? span_begin(tags, i) : i;
      retag(tags, left, end, ner::Type::kOrganization);
      i = end - 1;
    }
    // "the Internet Service Providers' Association", "Toronto Bond Traders' Association": an
    // organization's name ending in a plural, its apostrophe, and a members' body's word are one
    // organization (not "the United Nations' Economic Commission": a body of the first).
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      static const WordSet bodies = {"association", "federation", "council", "union",
                                     "club",        "fund",       "society", "guild"};
      if (tokens[i].lower != "'"sv || tags[i] != 0 ||
          !ends_entity(tags, i - 1, ner::Type::kOrganization) || tokens[i - 1].lower.size() < 3 ||
          tokens[i - 1].lower.back() != 's' ||
          tokens[i - 1].begin + tokens[i - 1].text.size() != tokens[i].begin ||
          !capitalized_word(tokens[i + 1].text) || !bodies.count(tokens[i + 1].lower) ||
          (tags[i + 1] != 0 && tags[i + 1] != ner::tag_of(ner::Type::kOrganization, ner::kUnit)))
        continue;
      retag(tags, span_begin(tags, i - 1), i + 2, ner::Type::kOrganization);
      i = i + 1;
    }
    // "Pew Internet and American Life Project": an organization's name that no organization's
    // word ends, "and", and capitalized words no entity holds (or a people's name) up to one that
    // ends organizations' names, are one organization.
    for (std::size_t i = 1; i + 2 < tokens.size(); ++i) {
      if (tokens[i].text != "and"sv || tags[i] != 0 ||
          !ends_entity(tags, i - 1, ner::Type::kOrganization) ||
          organization_word(tokens[i - 1].lower))
        continue;
      std::size_t end = i + 1;
      while (end < tokens.size() && end - i <= 4 && capitalized_word(tokens[end].text) &&
             ascii::is_alpha(tokens[end].text[0]) &&
             (tags[end] == 0 || ner::type_of(tags[end]) == ner::Type::kMisc) &&
             !organization_word(tokens[end].lower) &&
             tokens[end].text.find('&') == std::string_view::npos)  // ("M&S and AT&T Wireless")
        ++end;
      // (nor where a name runs on past that word: "Baftas and Screen Actors Guild Awards")
      if (end == i + 1 || end >= tokens.size() || end - i > 4 || tags[end] != 0 ||
          !capitalized_word(tokens[end].text) || !organization_word(tokens[end].lower) ||
          (end + 1 < tokens.size() && capitalized_word(tokens[end + 1].text) &&
           ascii::is_alpha(tokens[end + 1].text[0]) && !all_capitals(tokens[end + 1].text)))
        continue;
      const std::size_t left = span_begin(tags, i - 1);
      retag(tags, left, end + 1, ner::Type::kOrganization);
      i = end;
    }
    // "the Labour Party": an organization's capitalized word that no entity holds right after an
    // organization's name ends it.
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      if (!free_organization_word(tokens, tags, i) ||
          !ends_entity(tags, i - 1, ner::Type::kOrganization))
        continue;
      const std::size_t left = span_begin(tags, i - 1);
      retag(tags, left, i + 1, ner::Type::kOrganization);
    }
    // "First Albany Corp.", "First Bank System Inc.": "First" inside a sentence, before an
    // organization's name the tagger began after it, is the name's first word.
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      if (tokens[i].text != "First"sv || tags[i] != 0 ||
          !begins_entity(tags, i + 1, ner::Type::kOrganization))
        continue;
      const std::size_t end = span_end(tags, i + 1);
      retag(tags, i, end + 1, ner::Type::kOrganization);
      i = end;
    }
  }
}

void bylines(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // "MICHAEL Kasprowicz has put", "TONY Blair was": a lead whose first word a paper sets in
    // capitals, a Census first name (no major place: "PARIS The open-source"), before a
    // capitalized word that is not in capitals, names a person.
    // ("GORDON BROWN faces": both words in capitals, the second a Census surname, before a word
    // in lower case)
    const bool both = tokens.size() >= 3 && all_capitals(tokens[1].text) &&
                      (gazetteer.person_name(tokens[1].lower) & ner::Gazetteer::kSurname) &&
                      ner::starts_lower(tokens[2].text);
    if (tokens.size() >= 3 && all_capitals(tokens[0].text) && tokens[0].text.size() >= 3 &&
        plain_word(tokens[0]) && plain_word(tokens[1]) && (!all_capitals(tokens[1].text) || both) &&
        !doc.all_caps(s) && (gazetteer.person_name(tokens[0].lower) & ner::Gazetteer::kFirstName) &&
        !gazetteer.major(tokens[0].text) && !calendar_word(tokens[0].lower) &&
        !(gazetteer.lexicon(tokens[1].lower) == ner::Gazetteer::kCommon)) {
      clear_rest(tags, 2);
      retag(tags, 0, 2, ner::Type::kPerson);
      continue;
    }
    if (tokens.size() < 3 || tokens[0].text != "By"sv) continue;
    const ner::Token& first = tokens[1];
    std::size_t last = 2;  // (a middle initial: "By John Q. Public")
    if (tokens.size() > 3 && tokens[2].text.size() == 2 && tokens[2].text[1] == '.' &&
        ascii::is_upper(tokens[2].text[0]))
      last = 3;
    const ner::Token& surname = tokens[last];
    if (!plain_word(first) || !plain_word(surname) ||
        all_capitals(first.text) != all_capitals(surname.text) ||
        !(gazetteer.person_name(first.lower) & ner::Gazetteer::kFirstName) ||
        calendar_word(first.lower))
      continue;
    // ("By Kari Lynn Dean": a third word of the name the tagger read, not in capitals; in
    // capitals, a third word is the dateline's)
    if (!all_capitals(surname.text) && last == 2 && tokens.size() > 3 && plain_word(tokens[3]) &&
        !all_capitals(tokens[3].text) && continues_entity(tags, 3))
      last = 3;
    // (the rest the tagger ran on past the byline, "PAUL GEITNER| BRUSSELS", is no name here: a
    // dateline's place, "WASHINGTON (AP)", which mark_datelines reads)
    clear_rest(tags, last + 1);
    tags[0] = 0;  // ("By" is no part of the name, whatever the tagger read)
    retag(tags, 1, last + 1, ner::Type::kPerson);
  }
}

// A wire dateline opens a story with its place in capitals: "TORONTO (Reuters) - ...",
// "LOS ANGELES - ...", "WEST POINT, NY - ...". The place words are a place (and the state after
// the comma another), whatever the tagger made of them.
void mark_datelines(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (doc.all_caps(s)) continue;
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // ("Canadian Press - AL-FASHER, Sudan (AP) -": after a credit of capitalized words and a dash)
    std::size_t start = 0;
    while (start < tokens.size() && start < 3 && capitalized_word(tokens[start].text) &&
           !all_capitals(tokens[start].text))
      ++start;
    if (start == 0 || start >= tokens.size() || tokens[start].text != "-"sv)
      start = 0;
    else
      ++start;
    std::size_t end = start;
    while (end < tokens.size() && end - start < 4 && all_capitals(tokens[end].text) &&
           ascii::is_alpha(tokens[end].text[0])) {
      ++end;
    }
    if (end == start || end == tokens.size()) continue;
    // "INDIANAPOLIS Peyton Manning completed", "NEW YORK The rivalry": a dateline without its
    // dash, a city the gazetteer knows as a major place (no country: "US Airways") in capitals that
    // opens the sentence before a capitalized word that is not; the name the tagger ran on past it
    // is a name of its own.
    // (not a weekday's "MON" nor another word of three letters, in a table's rows)
    if (start == 0 && end - start <= 3 && (end > start + 1 || tokens[start].text.size() >= 4) &&
        !calendar_word(tokens[start].lower) && capitalized_word(tokens[end].text) &&
        !all_capitals(tokens[end].text) && gazetteer.major(joined_words(tokens, start, end)) &&
        gazetteer.city(joined_words(tokens, start, end))) {
      if (continues_entity(tags, end)) {
        // (the rest: a place the gazetteer knows, "JERUSALEM Israel"; a person's name that
        // begins with a Census first name, "HOUSTON Mike Lamb"; a common word alone, "LONDON
        // With", no name; else a name of the kind the tagger gave it)
        const std::size_t last = span_end(tags, end);
        const std::string rest = joined_words(tokens, end, last + 1);
        ner::Type type = ner::type_of(tags[end]);
        if (gazetteer.known(rest))
          type = ner::Type::kPlace;
        else if (last > end && last - end <= 2 &&
                 (gazetteer.person_name(tokens[end].lower) & ner::Gazetteer::kFirstName) &&
                 std::none_of(tokens.begin() + end, tokens.begin() + last + 1,
                              [](const ner::Token& t) { return organization_word(t.lower); }))
          type = ner::Type::kPerson;
        if (last == end && gazetteer.lexicon(tokens[end].lower) & ner::Gazetteer::kCommon) {
          tags[end] = 0;
        } else {
          retag(tags, end, last + 1, type);
        }
      }
      retag(tags, start, end, ner::Type::kPlace);
      continue;
    }
    std::size_t state_begin = end, state_end = end;
    if (tokens[end].text == ","sv && end + 1 < tokens.size() &&
        capitalized_word(tokens[end + 1].text)) {
      state_begin = end + 1;
      state_end = end + 2;
      if (state_end < tokens.size() && capitalized_word(tokens[state_end].text) &&
          tokens[state_end].text != "-"sv)
        ++state_end;
    }
    std::size_t k = state_end;
    const bool agency =
        k + 2 < tokens.size() && tokens[k].text == "("sv && tokens[k + 2].text == ")"sv;
    if (agency) k += 3;
    if (k >= tokens.size() || (tokens[k].text != "-"sv && tokens[k].text != "--"sv)) continue;
    // "PRESS DIGEST - ...", "NOTE - ...": a place only when the gazetteer knows it, an agency
    // follows or a state does.
    if (!agency && state_end == end && !gazetteer.known(joined_words(tokens, start, end))) continue;
    if (k + 1 >= tokens.size()) continue;  // the story must go on after the dash
    if (continues_entity(tags, end) ||
        (state_end > state_begin && continues_entity(tags, state_end)))
      continue;  // not a dateline
    retag(tags, start, end, ner::Type::kPlace);
    if (state_end > state_begin) retag(tags, state_begin, state_end, ner::Type::kPlace);
  }
}

// "Federal Reserve Governor Lawrence Lindsey", "Security Council President Tono Eitel of Germany":
// an organization's or place's name that runs on through a person's title into capitalized
// words names that person after the title (and the organization before it).
void split_titled_spans(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type == ner::Type::kPerson || span.last == span.first) continue;
      // "Democrat Walter Mondale", "Republican Bob Dole": a party's member, then a name that
      // begins with a first name of the Census lists and holds no organization's word.
      static const WordSet members = {"democrat", "republican", "tory", "socialist", "communist"};
      if (members.count(tokens[span.first].lower) && span.last - span.first <= 3 &&
          (gazetteer.person_name(tokens[span.first + 1].lower) & ner::Gazetteer::kFirstName) &&
          std::none_of(tokens.begin() + span.first + 1, tokens.begin() + span.last + 1,
                       [](const ner::Token& t) { return organization_word(t.lower); })) {
        tags[span.first] = 0;
        retag(tags, span.first + 1, span.last + 1, ner::Type::kPerson);
        continue;
      }
      // "SAN FRANCISCO -- Slugger Barry Bonds took": a common word (no proper name: "Slugger",
      // not "General") that opens a sentence or a dateline's text, then a name that begins with a
      // first name of the Census lists, two words or three and no organization's word: the word
      // describes the person.
      const bool opens = span.first == 0 || tokens[span.first - 1].text == "-"sv ||
                         tokens[span.first - 1].text == "--"sv;
      if (opens && span.last - span.first >= 2 && span.last - span.first <= 3 &&
          gazetteer.lexicon(tokens[span.first].lower) == ner::Gazetteer::kCommon &&
          plain_word(tokens[span.first]) && !all_capitals(tokens[span.first].text) &&
          !direction_word(tokens[span.first].lower) &&  // ("Northern Irish Protestant")
          (gazetteer.person_name(tokens[span.first + 1].lower) & ner::Gazetteer::kFirstName) &&
          std::all_of(tokens.begin() + span.first + 1, tokens.begin() + span.last + 1,
                      [](const ner::Token& t) {
                        return plain_word(t) && !all_capitals(t.text) &&
                               !organization_word(t.lower);
                      })) {
        tags[span.first] = 0;
        retag(tags, span.first + 1, span.last + 1, ner::Type::kPerson);
        continue;
      }
      // "the Environmental Audit Committee Peter Ainsworth MP": an organization's name, then a
      // first name of the Census lists, a surname and letters after a name: the organization,
      // then the person.
      if (span.type == ner::Type::kOrganization && span.last >= span.first + 4 &&
          post_nominal(tokens[span.last].lower) && organization_word(tokens[span.last - 3].lower) &&
          (gazetteer.person_name(tokens[span.last - 2].lower) & ner::Gazetteer::kFirstName) &&
          plain_word(tokens[span.last - 1]) && !organization_word(tokens[span.last - 1].lower)) {
        for (std::size_t k = span.first; k <= span.last; ++k) tags[k] = 0;
        retag(tags, span.first, span.last - 2, ner::Type::kOrganization);
        retag(tags, span.last - 2, span.last, ner::Type::kPerson);
        continue;
      }
      // (a member's letters before the name too: "Lib Dem MP Parmjit Singh Gill")
      auto titular = [](const std::string& folded) {
        return person_title(folded) || folded == "mp"sv || folded == "mep"sv || folded == "msp"sv ||
               folded == "cllr"sv || folded == "councillor"sv || folded == "representative"sv ||
               folded == "congressman"sv || folded == "attorney"sv || folded == "congresswoman"sv ||
               folded == "undersecretary"sv;
      };
      std::size_t title = span.last;
      for (std::size_t k = span.first; k < span.last; ++k) {
        if (titular(tokens[k].lower)) title = k;
      }
      if (title == span.last) continue;
      // "Virginia State Attorney General Jerry Kilgore": the title's second word
      const std::size_t title_word = title;
      if (title + 1 < span.last && tokens[title + 1].text == "General"sv) ++title;
      // "US Secretary of State Condoleezza Rice", "Secretary of Energy Spencer Abraham": the
      // office after "of", up to a first name of the Census lists with a surname after it
      std::size_t start = title + 1;
      if (tokens[start].lower == "of"sv) {
        std::size_t p = start + 1;
        while (p < span.last && p - start <= 4 && plain_word(tokens[p]) &&
               !(gazetteer.person_name(tokens[p].lower) & ner::Gazetteer::kFirstName))
          ++p;
        if (p > start + 1 && p < span.last && plain_word(tokens[p]) &&
            (gazetteer.person_name(tokens[p].lower) & ner::Gazetteer::kFirstName))
          start = p;
        else if (span.last == start + 3 && plain_word(tokens[start + 1]))
          start += 2;  // (an office of one word, then a name of two: "Condoleezza Rice")
      }
      std::size_t end = start;
      while (end <= span.last && end - start < 3 && capitalized_word(tokens[end].text) &&
             ascii::is_alpha(tokens[end].text[0]) && !titular(tokens[end].lower)) {
        ++end;
      }
      if (end == start || (end <= span.last && tokens[end].lower != "of"sv)) continue;
      // (not where the name runs on into the next entity's: "Euro MP Robert| Kilroy-Silk")
      if (end == span.last + 1 && end < tokens.size() && tags[end] != 0 &&
          ner::type_of(tags[end]) != ner::Type::kPerson)
        continue;
      // ("the Premier League": an organization's word ends no person's name)
      if (organization_word(tokens[end - 1].lower)) continue;
      const ner::Type type = span.type;
      for (std::size_t k = span.first; k <= span.last; ++k) tags[k] = 0;
      // "Refugee Council Chief Executive Maeve Sherlock": the organization ends before the title's
      // first word.
      std::size_t title_begin = title_word;
      while (title_begin > span.first && (person_role(tokens[title_begin - 1].lower) ||
                                          tokens[title_begin - 1].lower == "vice"sv ||
                                          tokens[title_begin - 1].lower == "deputy"sv)) {
        --title_begin;
      }
      // ("Chicago Cardinal Joseph Bernardin", "Ohio Governor Bob Taft": a place the gazetteer
      // knows right before a title is where the office is; before a role it may be a club:
      // "Leeds chairman Peter Ridsdale")
      // ("Suffolk Chief Constable Alastair McWhirter": a title's own first words too)
      const bool plain_title = std::all_of(
          tokens.begin() + title_begin, tokens.begin() + title_word, [](const ner::Token& t) {
            return t.lower == "chief"sv || t.lower == "vice"sv || t.lower == "deputy"sv;
          });
      const bool office_place = title_begin > span.first && plain_title &&
                                person_title(tokens[title_word].lower) &&
                                gazetteer.known(joined_words(tokens, span.first, title_begin)) &&
                                !organization_word(tokens[title_begin - 1].lower);
      if (title_begin > span.first)
        retag(tags, span.first, title_begin, office_place ? ner::Type::kPlace : type);
      retag(tags, start, end, ner::Type::kPerson);
      if (end + 1 <= span.last) {  // "of Germany"
        const std::string rest = joined_words(tokens, end + 1, span.last + 1);
        retag(tags, end + 1, span.last + 1,
              gazetteer.country_of(rest).empty() ? type : ner::Type::kPlace);
      }
    }
  }
}

bool calendar_word(const std::string& folded) {
  static const WordSet words = [] {
    std::vector<std::string_view> w = {"today", "yesterday", "tomorrow"};
    w.insert(w.end(), weekday_names().begin(), weekday_names().end());
    for (std::string_view month : month_names()) {
      if (month != "may") w.push_back(month);  // a name too: Theresa May
    }
    return WordSet(w.begin(), w.end());
  }();
  return words.count(folded) > 0;
}

// A capitalized word of letters ("O'Brien", "Young-hoon"; not "Center.President", "1:7").
bool plain_word(const ner::Token& t) {
  return capitalized_word(t.text) && std::all_of(t.text.begin(), t.text.end(), [](char c) {
           return ascii::is_alpha(c) || c == '-' || c == '\'' ||
                  static_cast<unsigned char>(c) >= 0x80;
         });
}

namespace {

// Whether a word can be part of a person's name at all: it starts with a letter ("al-Abidine").
bool name_word(const ner::Token& t) {
  const auto c = static_cast<unsigned char>(t.text[0]);
  return (ascii::is_alpha(c) || c >= 0x80) && !calendar_word(t.lower);
}

}  // namespace

namespace {

// Words and marks that join the words of a name or follow it, and never end one ("Procter and",
// "Bank of", "the BBC: ...").
bool joining_word(std::string_view folded) {
  return folded == "and" || folded == "&" || folded == "of" || folded == "for" || folded == "the" ||
         folded == "," || folded == "-" || folded == "in" || folded == "on" || folded == ":" ||
         folded == ";";
}

}  // namespace

// "East Midlands MEP Robert Kilroy-Silk has said ... Kilroy-Silk said": the tagger reads a
// surname it does not know, alone, as a place's or an organization's name where the article
// names the person in full elsewhere. Not a word the model learned as another kind's
// ("Washington", "Jordan"), a company's ("Dell") or the gazetteer's place, nor a word the
// article writes in lower case.
void surnames_alone(ner::Document& doc, const ner::Gazetteer& gazetteer,
                    const ner::Weights& weights) {
  // (a full name that begins with a first name, of the Census lists or learned as a person's:
  // not "MG Rover", "Skype Voip")
  auto learned_person = [&weights](const std::string& folded) {
    const auto t = ner::word_tag(weights, folded);
    return t && *t != 0 && ner::type_of(*t) == ner::Type::kPerson;
  };
  std::unordered_set<std::string> surnames;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    for (const ner::Span& span : ner::spans_of(doc.tags()[s], s)) {
      const ner::Token& first = tokens[span.first];
      if (span.type == ner::Type::kPerson && span.last > span.first && plain_word(first) &&
          !all_capitals(first.text) &&
          ((gazetteer.person_name(first.lower) & ner::Gazetteer::kFirstName) ||
           learned_person(first.lower)))
        surnames.insert(tokens[span.last].lower);
    }
  }
  if (surnames.empty()) return;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // (a headline in capitals, as wires write them, writes a surname so too: "SILVA")
    const bool capitals = headline(doc, s) && shouted(doc, s);
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      const std::string& word = tokens[span.first].lower;
      if (span.first != span.last || span.type == ner::Type::kPerson ||
          span.type == ner::Type::kMisc || !surnames.count(word) ||
          !plain_word(tokens[span.first]) || (all_capitals(tokens[span.first].text) && !capitals) ||
          doc.seen_lower(word) || gazetteer.company(word) || gazetteer.known(word))
        continue;
      const auto learned = ner::word_tag(weights, word);
      if (learned && *learned != 0 && ner::type_of(*learned) != ner::Type::kPerson) continue;
      tags[span.first] = ner::tag_of(ner::Type::kPerson, ner::kUnit);
    }
  }
}

namespace {

// A name's initials: one or two capitals, with or without points ("G", "CJ", "J.").
bool initials(const ner::Token& t) {
  if (t.text.size() > 4 || !ascii::is_upper(t.text[0])) return false;
  std::size_t letters = 0;
  for (char c : t.text) {
    if (ascii::is_upper(c))
      ++letters;
    else if (c != '.')
      return false;
  }
  return letters >= 1 && letters <= 2;
}

// "G Dempsey; G Murphy, B O'Driscoll (capt), S Horgan, ... G du Toit/J Fourie.": a team sheet's
// run of three names or more, each its initials and a surname of one or two capitalized words
// (particles before it: "CJ van der Linde"), a note in brackets after it ("(capt)"), and one
// separator between two names, is a run of people's names, however the tagger read them ("B|
// Paulse", "A Foley" untagged, "P Montgomery" an organization), where half the initials or more
// are one letter.
void team_sheet_people(const std::vector<ner::Token>& tokens, std::vector<int>& tags) {
  auto separator = [&tokens](std::size_t at) {
    const std::string_view w = tokens[at].text;
    return w == ","sv || w == ";"sv || w == "/"sv || tokens[at].lower == "and"sv;
  };
  // The end of the name that begins at `i` (0 where none does) and, in `next`, where the words
  // after it and its note begin.
  auto name_at = [&](std::size_t i, std::size_t& next) -> std::size_t {
    if (!initials(tokens[i])) return 0;
    std::size_t j = i + 1;
    while (j < tokens.size() && name_particle(tokens[j].text)) ++j;
    std::size_t words = 0;
    while (j < tokens.size() && words < 2 && plain_word(tokens[j]) &&
           !all_capitals(tokens[j].text)) {
      ++j;
      ++words;
    }
    if (words == 0) return 0;
    const std::size_t end = j;
    if (j + 2 < tokens.size() && tokens[j].text == "("sv && ner::starts_lower(tokens[j + 1].text) &&
        tokens[j + 2].text == ")"sv)
      j += 3;
    next = j;
    return end;
  };
  struct Name {
    std::size_t first, end, next;
  };
  if (std::none_of(tokens.begin(), tokens.end(), initials)) return;  // (most sentences)
  std::vector<Name> run;
  auto close_run = [&]() {
    // (a sheet's initials are mostly one letter: not "BT Cellnet, BT Openworld and BT
    // Wholesale", "BP Amoco")
    const auto single = std::count_if(run.begin(), run.end(), [&](const Name& name) {
      return tokens[name.first].text.size() == 1 ||
             (tokens[name.first].text.size() == 2 && tokens[name.first].text[1] == '.');
    });
    if (run.size() >= 3 && static_cast<std::size_t>(single) * 2 >= run.size())
      for (const Name& name : run) {
        // (a name the tagger began before the initials ends before them: "Newport Gwent
        // Dragons| J Bryant")
        if (continues_entity(tags, name.first)) {
          const std::size_t begin = span_begin(tags, name.first - 1);
          retag(tags, begin, name.first, ner::type_of(tags[begin]));
        }
        retag(tags, name.first, name.end, ner::Type::kPerson);
        // (the note in brackets and the separator belong to no name, nor does the rest of a
        // name the tagger ran on past them)
        for (std::size_t k = name.end; k <= name.next && k < tags.size(); ++k) tags[k] = 0;
        clear_rest(tags, name.next + 1);
      }
    run.clear();
  };
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t next = 0;
    const std::size_t end = name_at(i, next);
    const bool last = end != 0 && (next == tokens.size() ||
                                   (tokens[next].text == "."sv && next + 1 == tokens.size()));
    if (end == 0 || (!last && !separator(next))) {
      close_run();
      ++i;
      continue;
    }
    run.push_back({i, end, next});
    if (last) break;
    i = next + 1;
  }
  close_run();
}

}  // namespace

namespace {

// "a rotation of Marcus Banks, Jiri Welsch, and Delonte West": whether the name spans[k] is an
// item of a list of names, joined by commas and one "and" (", and"), whose other items, two or
// more, are all people's full names.
bool among_people(const std::vector<ner::Token>& tokens, const std::vector<ner::Span>& spans,
                  std::size_t k) {
  // (the tokens between two items: ",", "and" or ", and")
  auto joined = [&](std::size_t a, std::size_t b) {
    const std::size_t gap = spans[b].first - spans[a].last - 1;
    const std::size_t at = spans[a].last + 1;
    return (gap == 1 && (tokens[at].text == ","sv || tokens[at].lower == "and"sv)) ||
           (gap == 2 && tokens[at].text == ","sv && tokens[at + 1].lower == "and"sv);
  };
  std::size_t first = k, last = k;
  while (first > 0 && joined(first - 1, first)) --first;
  while (last + 1 < spans.size() && joined(last, last + 1)) ++last;
  if (last - first < 2) return false;
  // (people named in full, first name and surname, none by initials: not "Dean Witter, E.F.
  // Hutton and Merrill Lynch", nor "Morgan Olmstead, Kennedy and Gardner", firms of a wire)
  for (std::size_t j = first; j <= last; ++j)
    if (j != k && (spans[j].type != ner::Type::kPerson || spans[j].last == spans[j].first ||
                   tokens[spans[j].first].text.find('.') != std::string_view::npos))
      return false;
  // (one "and", before the last item: a list, not two clauses)
  std::size_t ands = 0;
  for (std::size_t i = spans[first].last; i < spans[last].first; ++i)
    if (tokens[i].lower == "and"sv) ++ands;
  return ands == 1 && tokens[spans[last].first - 1].lower == "and"sv;
}

}  // namespace

// "Raul Rodrigo Lara, Cuauhtemoc Blanco, Alberto Garcia Aspe": a name of two or three plain
// words between two people's names in a list is a person's too; "A Foley. F Sheahan, M Horan",
// "M Barbini, KP Robertson.": on a team sheet, a name written as an initial and a surname, next to
// one written so that is a person's, is a person's. Not a name that ends in an organization's
// or a place's word ("Stirling County"), nor a company's name or a place the gazetteer knows.
void listed_people(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  auto separator = [](const ner::Token& t) {
    return t.text == ","sv || t.text == ";"sv || t.lower == "and"sv;
  };
  auto initial = initials;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    team_sheet_people(tokens, tags);
    const std::vector<ner::Span> spans = ner::spans_of(tags, s);
    for (std::size_t k = 0; k < spans.size(); ++k) {
      const ner::Span& span = spans[k];
      if (span.type == ner::Type::kPerson || span.type == ner::Type::kMisc ||
          span.last == span.first || span.last > span.first + 2)
        continue;
      bool plain = true;
      for (std::size_t j = span.first; j <= span.last && plain; ++j) {
        const ner::Token& t = tokens[j];
        plain = (plain_word(t) && !all_capitals(t.text) && !organization_word(t.lower) &&
                 !facility_word(t.lower) && !gazetteer.company(t.lower)) ||
                (j == span.first && initial(t));
      }
      if (!plain || gazetteer.known(joined_words(tokens, span.first, span.last + 1))) continue;
      // (a person's name right before or after, one separator between)
      auto person = [&](std::size_t at) {
        return at < spans.size() && spans[at].type == ner::Type::kPerson;
      };
      const bool before = k > 0 && person(k - 1) && spans[k - 1].last + 2 == span.first &&
                          separator(tokens[span.first - 1]);
      const bool after =
          person(k + 1) && span.last + 2 == spans[k + 1].first && separator(tokens[span.last + 1]);
      const bool sheet =
          initial(tokens[span.first]) && ((before && initial(tokens[spans[k - 1].first])) ||
                                          (after && initial(tokens[spans[k + 1].first])));
      // (between two people, a name that begins with a first name of the Census lists: not
      // "Roy Keane, Real Madrid and David Beckham")
      const bool first_name =
          (gazetteer.person_name(tokens[span.first].lower) & ner::Gazetteer::kFirstName) != 0;
      // (in a longer list of people, a first name or a surname of the Census lists: not "Roy
      // Keane, Real Madrid and David Beckham")
      const bool census_name = first_name || (gazetteer.person_name(tokens[span.last].lower) &
                                              ner::Gazetteer::kSurname) != 0;
      if ((before && after && first_name && !initial(tokens[span.first])) || sheet ||
          (census_name && among_people(tokens, spans, k)))
        retag(tags, span.first, span.last + 1, ner::Type::kPerson);
    }
    // "James Leander (Leo) Nichols", "Seaver and (Jerry) Koosman", "(Olympic champion Lindsay)
    // Davenport": a first name of the Census lists that ends words in brackets, and the one
    // capitalized word after them, not read as a place's, are a person's names, which the
    // brackets cut.
    for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
      if (tokens[i].text != "("sv) continue;
      std::size_t close = i + 2;
      while (close < tokens.size() && close <= i + 4 && tokens[close].text != ")"sv) ++close;
      if (close + 1 >= tokens.size() || tokens[close].text != ")"sv) continue;
      const ner::Token& first = tokens[close - 1];
      const ner::Token& surname = tokens[close + 1];
      const bool after_name = close + 2 < tokens.size() && capitalized_word(tokens[close + 2].text);
      if (!plain_word(first) || all_capitals(first.text) ||
          !(gazetteer.person_name(first.lower) & ner::Gazetteer::kFirstName) ||
          !plain_word(surname) || all_capitals(surname.text) || after_name ||
          (tags[close + 1] != 0 && ner::type_of(tags[close + 1]) == ner::Type::kPlace) ||
          (tags[close - 1] != 0 &&
           !begins_entity(tags, close - 1, ner::type_of(tags[close - 1]))) ||
          (tags[close + 1] != 0 && ner::position_of(tags[close + 1]) != ner::kUnit))
        continue;
      tags[close - 1] = ner::tag_of(ner::Type::kPerson, ner::kUnit);
      tags[close + 1] = ner::tag_of(ner::Type::kPerson, ner::kUnit);
    }
  }
}

// Every name the article gives a person is a person's throughout it: an untagged run of
// capitalized words that ends in a word the article tags as a person's name elsewhere is that
// person ("20-year-old Tiger Woods" where "Woods" is a person later), and an untagged capitalized
// word right before a person's name inside a sentence is its first name ("(Herfried) Sabitzer").
// Headlines, where every word is capitalized, and words the article also writes in lower case
// are left alone. Numbers and weekdays at either end of a person's name are not part of it
// ("Ekimov 1:7", "Jose Miguel Insulza Monday").
void consistent_people(ner::Document& doc, const ner::Weights& weights) {
  std::unordered_set<std::string> surnames;       // the last words of the article's person names
  std::unordered_set<std::string> full_names;     // its people's names of two or three words
  std::unordered_set<std::string> full_surnames;  // and their last words
  std::unordered_set<std::string> org_heads;      // the first words of its organizations' names
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type == ner::Type::kOrganization && span.last > span.first)
        org_heads.insert(tokens[span.first].lower);
      if (span.type != ner::Type::kPerson) continue;
      std::size_t first = span.first, last = span.last;
      while (last > first && !name_word(tokens[last])) --last;
      while (first < last && !name_word(tokens[first])) ++first;
      if (first != span.first || last != span.last) {
        for (std::size_t k = span.first; k <= span.last; ++k) tags[k] = 0;
        if (!name_word(tokens[first])) continue;
        retag(tags, first, last + 1, ner::Type::kPerson);
      }
      if (!headline(doc, s) && !doc.seen_lower(tokens[last].lower) &&
          tokens[last].lower.size() > 1) {
        surnames.insert(tokens[last].lower);
        bool plain = last > first && last - first <= 2;
        for (std::size_t k = first; plain && k <= last; ++k)
          plain = plain_word(tokens[k]) && !organization_word(tokens[k].lower);
        if (plain) {
          full_names.insert(joined_words(tokens, first, last + 1));
          full_surnames.insert(tokens[last].lower);
        }
      }
    }
  }
  // "Department of Homeland Security Kristi Noem toured", "Photos Show Kristi Noem's Visit": an
  // organization's name that runs on into a person's full name of the article ends before it;
  // what is left is an organization's only if an organization's word is in it. And "Noem, 53,
  // arrived" read as an organization's: one word that ends a full name of the article's people,
  // that the model never learned as an organization's and that begins no organization's name of the
  // article ("Ford" beside "Ford Motor"), and that no organization's role follows ("Dyson
  // shares"), is that person.
  for (std::size_t s = 0; s < doc.sentences().size() && !full_names.empty(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type != ner::Type::kOrganization) continue;
      if (span.first == span.last) {
        const std::size_t k = span.first;
        const auto t = ner::word_tag(weights, tokens[k].lower);
        if (full_surnames.count(tokens[k].lower) && plain_word(tokens[k]) &&
            !all_capitals(tokens[k].text) && !org_heads.count(tokens[k].lower) &&
            !(t && *t != 0 && ner::type_of(*t) == ner::Type::kOrganization) &&
            !(k + 1 < tokens.size() && organization_role(tokens[k + 1].lower)))
          retag(tags, k, k + 1, ner::Type::kPerson);
        continue;
      }
      for (std::size_t n = 3; n >= 2; --n) {  // (the longest name first)
        if (span.first + n > span.last) continue;
        const std::size_t person = span.last + 1 - n;
        if (!full_names.count(joined_words(tokens, person, span.last + 1))) continue;
        std::size_t end = person;  // the organization's words before the person's
        while (end > span.first && joining_word(tokens[end - 1].lower)) --end;
        bool organization = false;
        for (std::size_t k = span.first; k < end; ++k)
          organization = organization || organization_word(tokens[k].lower);
        // ("Sylvia Farina Elia" beside "Farina Elia": one plain word more is her first name, if
        // the model never saw it or saw it begin people's names; not "Polo Ralph Lauren")
        const auto t = ner::word_tag(weights, tokens[span.first].lower);
        if (!organization && end == span.first + 1 && person == end &&
            plain_word(tokens[span.first]) && !doc.seen_lower(tokens[span.first].lower) &&
            (!t || *t == ner::tag_of(ner::Type::kPerson, ner::kBegin))) {
          retag(tags, span.first, span.last + 1, ner::Type::kPerson);
          break;
        }
        for (std::size_t k = span.first; k < person; ++k) tags[k] = 0;
        if (organization) retag(tags, span.first, end, ner::Type::kOrganization);
        retag(tags, person, span.last + 1, ner::Type::kPerson);
        break;
      }
    }
  }
  auto free_word = [&](const std::vector<ner::Token>& tokens, const std::vector<int>& tags,
                       std::size_t k) {
    return tags[k] == 0 && plain_word(tokens[k]) && !doc.seen_lower(tokens[k].lower) &&
           !person_title(tokens[k].lower) && !calendar_word(tokens[k].lower) &&
           tokens[k].lower.size() > 1;
  };
  // A first name: a word in lower case after its capital that the model either never saw or saw
  // begin people's names more than not ("Nate", "Tolunay"; not "Tory", "When", "Celebrity", "MP").
  auto first_name = [&](const std::vector<ner::Token>& tokens, const std::vector<int>& tags,
                        std::size_t k) {
    if (!free_word(tokens, tags, k) || tokens[k].text.size() < 2 ||
        !ascii::is_lower(tokens[k].text[1])) {
      return false;
    }
    const auto t = ner::word_tag(weights, tokens[k].lower);
    return !t || *t == ner::tag_of(ner::Type::kPerson, ner::kBegin);
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // "'Abhorrent act' says Blair", "Ryder-You can bank on Tiger, says Sutton" beside "Hal
    // Sutton": a word of one name that a quote's "says" ends with names who said it; read as an
    // organization's, it is a person's where the article gives a person a full name ending in it,
    // or the model learned the word as a person's (companies that say things are mostly words it
    // learned as organizations': "says Microsoft").
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      const std::size_t k = span.first;
      if (span.type != ner::Type::kOrganization || span.last != k || k == 0 ||
          (tokens[k - 1].lower != "says"sv && tokens[k - 1].lower != "said"sv &&
           tokens[k - 1].lower != "say"sv) ||
          !plain_word(tokens[k]) || all_capitals(tokens[k].text)) {
        continue;
      }
      const std::string_view next = k + 1 < tokens.size() ? tokens[k + 1].text : "."sv;
      if (next != "."sv && next != ","sv && next != "("sv && next != ";"sv) continue;
      const auto t = ner::word_tag(weights, tokens[k].lower);
      if (surnames.count(tokens[k].lower) ||
          (t && *t != 0 && ner::type_of(*t) == ner::Type::kPerson))
        retag(tags, k, k + 1, ner::Type::kPerson);
    }
    if (headline(doc, s)) continue;
    // "the 101-year-old Torao Toshitsune" tagged as an organization where the article also says
    // "Mr Toshitsune": a name of two or three plain words ending in the person's surname, with no
    // organization word in it, is that person's.
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type == ner::Type::kPerson || span.type == ner::Type::kPlace ||
          span.last == span.first || span.last - span.first > 2 ||
          !surnames.count(tokens[span.last].lower)) {
        continue;
      }
      bool plain = true;
      for (std::size_t k = span.first; plain && k <= span.last; ++k) {
        plain = plain_word(tokens[k]) && !organization_word(tokens[k].lower) &&
                !doc.seen_lower(tokens[k].lower);
      }
      if (plain) retag(tags, span.first, span.last + 1, ner::Type::kPerson);
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (free_word(tokens, tags, i) && surnames.count(tokens[i].lower) &&
          (i + 1 == tokens.size() || !plain_word(tokens[i + 1]))) {
        std::size_t first = i;
        if (first > 1 && first_name(tokens, tags, first - 1)) --first;
        retag(tags, first, i + 1, ner::Type::kPerson);
      }
    }
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type != ner::Type::kPerson || span.first < 2 || span.last != span.first) continue;
      const std::size_t k = span.first - 1;
      if (!first_name(tokens, tags, k)) continue;
      retag(tags, k, span.last + 1, ner::Type::kPerson);
    }
  }
}

void first_names_before_people(ner::Document& doc, const ner::Gazetteer& gazetteer,
                               const ner::Weights& weights) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // "George| W |Bush", "Abraham| B |Yehoshua": two people's names about an initial the tagger
    // left (a capital letter, with a stop or none) are one person's.
    // (the spans again after each merge: "A| x |B| y |C" is one name, well tagged; the last
    // pass merges nothing, so its spans are the sentence's for the rule after)
    std::vector<ner::Span> spans;
    for (bool merged = true; merged;) {
      merged = false;
      spans = ner::spans_of(tags, s);
      const std::vector<ner::Span>& people = spans;
      for (std::size_t k = 0; k + 1 < people.size() && !merged; ++k) {
        const ner::Span& a = people[k];
        const ner::Span& b = people[k + 1];
        // (the first read as another kind's name of one word, a Census first name: "Abraham| B
        // |Yehoshua")
        const bool first_name =
            a.type == ner::Type::kPerson ||
            (a.first == a.last && plain_word(tokens[a.first]) &&
             (gazetteer.person_name(tokens[a.first].lower) & ner::Gazetteer::kFirstName) &&
             !gazetteer.major(tokens[a.first].text));
        if (!first_name || b.type != ner::Type::kPerson || b.first != a.last + 2) continue;
        const std::string_view middle = tokens[a.last + 1].text;
        if (tags[a.last + 1] != 0 || middle.empty() || !ascii::is_upper(middle[0]) ||
            !(middle.size() == 1 || (middle.size() == 2 && middle[1] == '.')))
          continue;
        retag(tags, a.first, b.last + 1, ner::Type::kPerson);
        merged = true;
      }
    }
    for (std::size_t k = 0; k + 1 < spans.size(); ++k) {
      const ner::Span& word = spans[k];
      const ner::Span& person = spans[k + 1];
      if (word.type == ner::Type::kPerson || person.type != ner::Type::kPerson ||
          person.first != word.last + 1)
        continue;
      const ner::Token& t = tokens[word.last];
      // ("Suffolk Chief Constable Alastair| McWhirter": the last word of a longer name, a first
      // name of the Census lists and no organization's word, begins the person's; no initial)
      if (word.first != word.last &&
          (!(gazetteer.person_name(t.lower) & ner::Gazetteer::kFirstName) ||
           organization_word(t.lower) || !plain_word(t) || all_capitals(t.text) ||
           t.text.size() < 3 || !ascii::is_lower(t.text[1])))
        continue;
      const std::string_view surname = tokens[person.first].text;
      const bool irish = surname.size() > 2 && (surname[0] == 'O' || surname[0] == 'D') &&
                         surname[1] == '\'' && ascii::is_upper(surname[2]);
      const bool initial = t.text.size() == 1 && ascii::is_upper(t.text[0]);
      if ((!plain_word(t) || all_capitals(t.text)) && !(irish && initial)) continue;
      if (!(gazetteer.person_name(t.lower) & ner::Gazetteer::kFirstName) && !irish) continue;
      // (a word the model learned as another kind's: "German", "Sydney")
      const auto learned = ner::word_tag(weights, t.lower);
      if (gazetteer.major(t.text) ||
          (learned && *learned != ner::tag_of(ner::Type::kPerson, ner::kBegin)))
        continue;
      if (word.first != word.last) retag(tags, word.first, word.last, word.type);
      retag(tags, word.last, person.last + 1, ner::Type::kPerson);
    }
  }
}

// "Harold Smith took over": a common first name (1990 US Census) that is no common English word,
// then a capitalized word that is no common word either (or is a Census surname: "Smith") and
// that the article never writes in lower case, both untagged inside a sentence of running text,
// are a person's name that the tagger missed.
void census_people(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (headline(doc, s) || doc.title_case(s)) continue;  // a long line-up too: no running text
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    auto free = [&](std::size_t k) {
      return k < tokens.size() && tags[k] == 0 && plain_word(tokens[k]) &&
             !doc.seen_lower(tokens[k].lower) && !person_role(tokens[k].lower) &&
             !calendar_word(tokens[k].lower) && tokens[k].lower.size() > 1;
    };
    auto surname = [&](std::size_t k) {
      if (!free(k) || organization_word(tokens[k].lower) || facility_word(tokens[k].lower) ||
          thing_word(tokens[k].lower)) {
        return false;
      }
      const auto lex = gazetteer.lexicon(tokens[k].lower);
      return !(lex & ner::Gazetteer::kCommon) ||
             (gazetteer.person_name(tokens[k].lower) & ner::Gazetteer::kSurname);
    };
    // (a first name that is a common word too, "Curt", "Will", only before a surname no list
    // knows at all: "Curt Schilling pitched")
    // (and not a registered company's, "Dell Optiplex"; in the first name's case, "May SMR"; nor
    // a contraction or a small word, "So I'm", "In OOOs")
    auto unknown = [&](std::size_t k) {
      return gazetteer.lexicon(tokens[k].lower) == ner::Gazetteer::kUnlisted &&
             !gazetteer.person_name(tokens[k].lower) && !gazetteer.known(tokens[k].text) &&
             !gazetteer.company(tokens[k - 1].lower) &&
             all_capitals(tokens[k].text) == all_capitals(tokens[k - 1].text) &&
             tokens[k - 1].lower.size() > 2 &&
             tokens[k].text.find('\'', 2) == std::string_view::npos;
    };
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (!free(i) || !(gazetteer.person_name(tokens[i].lower) & ner::Gazetteer::kFirstName) ||
          !surname(i + 1)) {
        continue;
      }
      const auto lex = gazetteer.lexicon(tokens[i].lower);
      if ((lex & ner::Gazetteer::kCommon) && (lex != ner::Gazetteer::kBoth || !unknown(i + 1)))
        continue;
      if (i + 2 < tokens.size() && capitalized_word(tokens[i + 2].text) &&
          ascii::is_alpha(tokens[i + 2].text[0])) {
        continue;  // a longer run of capitals: a name the tagger had reason to leave
      }
      retag(tags, i, i + 2, ner::Type::kPerson);
      ++i;
    }
  }
}

// "Sonia/LOC O'Sullivan/MISC will seek to regain her title": an Irish surname ("O'" and a
// capital) that the tagger read as a name of its own kind, or as a place's, alone, is a person's,
// with a first name of the Census lists before it.
void irish_surnames(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view w = tokens[i].text;
      if (w.size() < 4 || w[0] != 'O' || w[1] != '\'' || !ascii::is_upper(w[2]) ||
          !plain_word(tokens[i]) ||
          (tags[i] != ner::tag_of(ner::Type::kMisc, ner::kUnit) &&
           tags[i] != ner::tag_of(ner::Type::kPlace, ner::kUnit)))
        continue;
      std::size_t first = i;
      if (i > 0 && plain_word(tokens[i - 1]) &&
          (gazetteer.person_name(tokens[i - 1].lower) & ner::Gazetteer::kFirstName) &&
          (tags[i - 1] == 0 || ner::position_of(tags[i - 1]) == ner::kUnit))
        first = i - 1;
      retag(tags, first, i + 1, ner::Type::kPerson);
    }
  }
}

// "Harold Wilson took over", "a feature by Raoul Peck" read as an organization's name: two words,
// a Census first name that is no common word and no place the gazetteer knows, then a Census
// surname or a word no list knows; neither word learned by the model as a place's, an
// organization's or any other entity's but a person's ("Merrill Lynch", "Eli Lilly", "Houston
// Astros" stay), no organization's word or company, neither in capitals ("Mac OS", "PHILIP
// MORRIS" in a wire's headline), a first name of three letters or more ("Ok Tedi"), and
// no entity's possessive but a place's before them ("Altria's Philip Morris") and no ticker after
// them ("PHILIP MORRIS <MO>").
void census_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer,
                          const ner::Weights& weights) {
  auto personal = [&](const std::string& folded) {
    const auto t = ner::word_tag(weights, folded);
    return !t || *t == 0 || ner::type_of(*t) == ner::Type::kPerson;
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type != ner::Type::kOrganization || span.last != span.first + 1) continue;
      const ner::Token& first = tokens[span.first];
      const ner::Token& last = tokens[span.last];
      // (or a name the word list has only as a proper name, before a Census surname: "Raoul Peck")
      const bool first_name = (gazetteer.person_name(first.lower) & ner::Gazetteer::kFirstName) ||
                              (gazetteer.lexicon(first.lower) == ner::Gazetteer::kProper &&
                               (gazetteer.person_name(last.lower) & ner::Gazetteer::kSurname));
      if (!first_name || gazetteer.lexicon(first.lower) & ner::Gazetteer::kCommon ||
          !plain_word(first) || !plain_word(last) || doc.seen_lower(last.lower) ||
          organization_word(last.lower) || facility_word(last.lower) || thing_word(last.lower) ||
          gazetteer.company(last.lower) || gazetteer.company(first.lower) ||
          gazetteer.known(first.lower) || !personal(first.lower) || !personal(last.lower) ||
          all_capitals(last.text) || all_capitals(first.text) || first.lower.size() < 3)
        continue;
      // ("Altria's Philip Morris": a company's part; "PHILIP MORRIS <MO>": its ticker)
      if ((span.first >= 2 && tokens[span.first - 1].text == "'s"sv && tags[span.first - 2] != 0 &&
           ner::type_of(tags[span.first - 2]) != ner::Type::kPlace) ||
          (span.last + 1 < tokens.size() && tokens[span.last + 1].text == "<"sv))
        continue;
      const auto lex = gazetteer.lexicon(last.lower);
      if ((lex & ner::Gazetteer::kCommon) &&
          !(gazetteer.person_name(last.lower) & ner::Gazetteer::kSurname))
        continue;
      retag(tags, span.first, span.last + 1, ner::Type::kPerson);
    }
  }
}

// The plurals of trades ("firms", "carmakers", "banks"), before the names of their companies
// ("technology firms Earthlink and Webroot", "manufacturers like Dell").
namespace {
bool trades(const std::string& folded) {
  // (not "broadcasters" nor "publishers", who are people as often: "veteran broadcasters David
  // Dimbleby and Jeremy Paxman")
  static const WordSet words =
      {
          "firms",         "companies", "carmakers",    "automakers", "chipmakers",
          "banks",         "lenders",   "airlines",     "carriers",   "retailers",
          "insurers",      "operators", "brewers",      "studios",    "networks",
          "manufacturers", "telcos",    "supermarkets", "analysts"};  // ("a report from analysts
                                                                      // Gartner"; not "analysts
                                                                      // John Smith", a first name)
  return words.count(folded) > 0;
}
}  // namespace

// Common nouns that say what an organization is, right before its name ("carmaker Nissan", "the
// band Coldplay", "companies such as Creative, Sony and Philips"): the trades, and more.
bool organization_descriptor(const std::string& folded) {
  static const WordSet words = {
      "firm", "company", "carmaker", "automaker", "chipmaker", "giant", "giants", "bank", "lender",
      "airline", "carrier", "retailer", "supermarket", "broadcaster", "broadcasters", "operator",
      "maker", "makers", "manufacturer", "label", "insurer", "publisher", "publishers",
      "conglomerate", "developer", "developers", "brewer", "studio", "club", "clubs", "rival",
      "rivals", "band", "bands", "newspaper", "newspapers", "magazine", "charity", "regulator",
      "watchdog", "union", "provider", "providers", "distributor", "outfit", "network", "agency",
      "service", "group", "body", "organisation", "organization", "chain", "think-tank", "website",
      "consortium", "engine", "telco", "portal",
      // (plurals that list such bodies: "web portals such as Google, Yahoo, Ebay and Amazon",
      // "charities including Oxfam")
      "portals", "websites", "charities", "agencies", "organisations", "organizations"};
  auto noun = [](const std::string& w) { return words.count(w) > 0 || trades(w); };
  if (noun(folded)) return true;
  // ("search-engine Google", "drug-maker Merck": the noun a compound ends with)
  const std::size_t hyphen = folded.rfind('-');
  return hyphen != std::string::npos && noun(folded.substr(hyphen + 1));
}

// Words right after an organization's name that make it one ("Nissan chairman Carlos Ghosn", "a
// Jive spokeswoman", "Sony shares").
bool organization_role(const std::string& folded) {
  static const WordSet words = {"spokesman",  "spokeswoman", "spokesperson", "chairman",
                                "chairwoman", "shares",      "shareholders", "boss",
                                "bosses",     "subsidiary",  "headquarters"};
  return words.count(folded) > 0;
}

namespace {

// "Julien Bonnaire (Bourgoin), Yann Delaigue (Castres), Sebastien Bruno (Sale)": in a list of
// people, each with a name in brackets after it, where the tagger read most of those names as
// organizations', they are clubs, all but countries ("Tiger Woods (U.S.)" names a place).
void clubs_in_brackets(const std::vector<ner::Token>& tokens, std::vector<int>& tags,
                       const ner::Gazetteer& gazetteer) {
  struct Club {
    std::size_t first, end;
  };
  std::vector<Club> clubs;
  std::size_t orgs = 0;
  for (std::size_t i = 1; i + 2 < tokens.size(); ++i) {
    if (tokens[i].text != "("sv || !ends_entity(tags, i - 1, ner::Type::kPerson)) continue;
    std::size_t end = i + 1;
    while (end < tokens.size() && end - i <= 3 && capitalized_word(tokens[end].text) &&
           ascii::is_alpha(tokens[end].text[0]))
      ++end;
    if (end == i + 1 || end >= tokens.size() ||
        (tokens[end].text != ")"sv && tokens[end].text != ","sv))
      continue;
    // (the name whole: no entity runs out of it)
    if ((tags[i + 1] != 0 && !begins_entity(tags, i + 1, ner::type_of(tags[i + 1]))) ||
        (tags[end - 1] != 0 && !ends_entity(tags, end - 1, ner::type_of(tags[end - 1]))))
      continue;
    clubs.push_back({i + 1, end});
    if (tags[i + 1] != 0 && ner::type_of(tags[i + 1]) == ner::Type::kOrganization) ++orgs;
  }
  if (clubs.size() < 3 || 2 * orgs < clubs.size()) return;
  for (const Club& c : clubs) {
    if (!gazetteer.country_name(joined_words(tokens, c.first, c.end)).empty()) continue;
    retag(tags, c.first, c.end, ner::Type::kOrganization);
  }
}

}  // namespace

// Parties and institutions named by one capitalized word that the tagger reads as an adjective or
// a people's name, or not at all ("the Conservatives say", "Tory leader", "in the Commons").
bool institution_word(std::string_view word) {
  static const WordSet words = {"Conservative", "Conservatives", "Labour",  "Republican",
                                "Republicans",  "Democrats",     "Commons", "Lords",
                                "Parliament",   "Congress",      "Senate",  "Cabinet",
                                "Treasury",     "Bundestag",     "Duma",    "Knesset"};
  return words.count(word) > 0;
}

void name_suffixes(ner::Document& doc) {
  // (a Roman number of two letters or more, to "XX": not "I", nor "V" of "Vladimir V Putin")
  auto regnal = [](std::string_view w) {
    const int number = roman_number(w);
    return number != 0 && number <= 20;
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (!ends_entity(tags, i, ner::Type::kPerson)) continue;
      // (the surname before "Jr." may be one the tagger left: "Martin Luther| King Jr.")
      const std::size_t at = i + 2 < tokens.size() && tags[i + 1] == 0 &&
                                     plain_word(tokens[i + 1]) && junior(tokens[i + 2].text)
                                 ? i + 2
                                 : i + 1;
      const std::size_t first = span_begin(tags, i);
      // (a number after a name of two words, or of one after a title: "Pope Benedict XVI"; not
      // "Hartz IV", a law, nor "Steel Partners II", a fund)
      const bool numbered = regnal(tokens[at].text) &&
                            (first < i || (first > 0 && person_role(tokens[first - 1].lower)));
      if (!(numbered || junior(tokens[at].text)) ||
          (tags[at] != 0 && ner::position_of(tags[at]) != ner::kUnit) ||
          std::any_of(tokens.begin() + static_cast<long>(first),
                      tokens.begin() + static_cast<long>(at),
                      [](const ner::Token& t) { return organization_word(t.lower); }))
        continue;
      retag(tags, first, at + 1, ner::Type::kPerson);
      i = at;
    }
  }
}

void teams_by_towns(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  std::optional<std::unordered_set<std::string>> surnames;  // read when first asked: rarely
  auto surname = [&](const std::string& folded) {
    if (!surnames) surnames = people_surnames(doc);
    return surnames->count(folded) > 0;
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // (each person's name of two or three words, by its last word: a plural's "s")
    for (std::size_t at = 1; at < tokens.size(); ++at) {
      if (tags[at] != ner::tag_of(ner::Type::kPerson, ner::kLast) || tokens[at].lower.back() != 's')
        continue;
      const ner::Span span{ner::Type::kPerson, s, span_begin(tags, at), at};
      if (span.last > span.first + 2 || headline(doc, s))  // ("Kerry Widens Lead": a verb)
        continue;
      const ner::Token& last = tokens[span.last];
      if (last.lower.size() < 4 || last.lower.back() != 's' || !plain_word(last) ||
          all_capitals(last.text) || !(gazetteer.lexicon(last.lower) & ner::Gazetteer::kCommon) ||
          gazetteer.person_name(last.lower) != 0)
        continue;
      // (a town of 100,000 people or more, or a region, whose name is no surname, nor a Census
      // first name unless after "the" ("the Dallas Cowboys"), nor a surname of the article's:
      // not "Alicia| Keys", "Barry| Bonds", "teenager Madison Keys", "Paul Hamm ... Hamm
      // Pleads")
      const ner::Token& first = tokens[span.first];
      const bool the = span.first > 0 && tokens[span.first - 1].lower == "the"sv;
      if (!gazetteer.major(joined_words(tokens, span.first, span.last)) ||
          (gazetteer.person_name(first.lower) & ner::Gazetteer::kSurname) ||
          (gazetteer.person_name(first.lower) != 0 && !the) || surname(first.lower))
        continue;
      retag(tags, span.first, span.last + 1, ner::Type::kOrganization);
    }
  }
}

// "King County", "Sumner County", "Hebei Province": a capitalized word the tagger left, then
// "County" or "Province", is a place ("King" is no title there).
void areas_and_streets(ner::Document& doc) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (headline(doc, s)) continue;
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      const std::string& area = tokens[i + 1].lower;
      if ((area != "county"sv && area != "province"sv) || !capitalized_word(tokens[i + 1].text) ||
          !capitalized_word(tokens[i].text) || !ascii::is_alpha(tokens[i].text[0]) ||
          tags[i] != 0 || tags[i + 1] != 0)
        continue;
      retag(tags, i, i + 2, ner::Type::kPlace);
      ++i;
    }
    // "on the banks of Loch Lomond", "climbers on Mount Kilimanjaro": a lake's or a mountain's
    // word, then a capitalized word, both left by the tagger, are a place (where no name runs on
    // after it: "Mount Sinai Hospital").
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      const std::string& feature = tokens[i].lower;
      if ((feature != "loch"sv && feature != "lake"sv && feature != "mount"sv) ||
          !capitalized_word(tokens[i].text) || tags[i] != 0 || tags[i + 1] != 0 ||
          !plain_word(tokens[i + 1]) ||
          (i + 2 < tokens.size() && capitalized_word(tokens[i + 2].text)) ||
          (i > 0 && capitalized_word(tokens[i - 1].text) && tags[i - 1] != 0))
        continue;
      retag(tags, i, i + 2, ner::Type::kPlace);
      ++i;
    }
    // "at Atlanta Motor Speedway": a one-word place followed by capitalized words the tagger
    // left, up to a venue's word, is a venue's name, neither a place nor an organization.
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tags[i] != ner::tag_of(ner::Type::kPlace, ner::kUnit)) continue;
      std::size_t end = i + 1;
      while (end < tokens.size() && end - i <= 3 && tags[end] == 0 && plain_word(tokens[end]) &&
             !venue_word(tokens[end].lower))
        ++end;
      if (end >= tokens.size() || end - i > 3 || tags[end] != 0 || !plain_word(tokens[end]) ||
          !venue_word(tokens[end].lower))
        continue;
      retag(tags, i, end + 1, ner::Type::kMisc);
      i = end;
    }
    // "in Downing Street", "at Lansdowne Road": one or two capitalized words the tagger left,
    // then a street's word, after "in", "at" or "near" (the street as a location; "10 Downing
    // Street" is a building's address, "by Downing Street" an office).
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      const std::string& before = tokens[i - 1].lower;
      if (before != "in"sv && before != "at"sv && before != "near"sv) continue;
      std::size_t end = i;
      while (end < tokens.size() && end - i < 2 && tags[end] == 0 &&
             capitalized_word(tokens[end].text) && ascii::is_alpha(tokens[end].text[0]) &&
             !facility_word(tokens[end].lower) && tokens[end].lower != "lane"sv)
        ++end;
      if (end == i || end >= tokens.size() || tags[end] != 0 || !capitalized_word(tokens[end].text))
        continue;
      const std::string& street = tokens[end].lower;
      if (street != "street"sv && street != "road"sv && street != "square"sv &&
          street != "avenue"sv && street != "lane"sv)
        continue;
      retag(tags, i, end + 1, ner::Type::kPlace);
      i = end;
    }
  }
}

void lost_apostrophes(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // "the UKs largest cable company", "Australias Macquarie Bank": a country's possessive that
    // lost its apostrophe is the country, and a name the tagger began with it begins after it.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!plain_word(tokens[i]) || gazetteer.possessive_country(tokens[i].text).empty()) continue;
      if (tags[i] != 0 && ner::position_of(tags[i]) != ner::kUnit &&
          ner::position_of(tags[i]) != ner::kBegin)
        continue;
      if (tags[i] != 0 && ner::position_of(tags[i]) == ner::kBegin && i + 1 < tokens.size()) {
        const ner::Type type = ner::type_of(tags[i]);
        const bool last = ner::position_of(tags[i + 1]) == ner::kLast;
        tags[i + 1] = ner::tag_of(type, last ? ner::kUnit : ner::kBegin);
      }
      tags[i] = ner::tag_of(ner::Type::kPlace, ner::kUnit);
    }
  }
}

void places_by_context(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  auto text_of = [](const std::vector<ner::Token>& tokens, const ner::Span& span) {
    return joined_words(tokens, span.first, span.last + 1);
  };
  // "a city like Peterborough", "the town of Basingstoke": a name the gazetteer knows.
  auto settlement = [](const std::string& w) {
    return w == "city"sv || w == "town"sv || w == "village"sv || w == "capital"sv;
  };
  // "portal director at Tiscali", "our colleagues at Defra": where people work, a name the
  // gazetteer does not know is an organization's.
  static const WordSet workers = {"director",   "chief",     "executive",  "analyst",
                                  "colleagues", "staff",     "head",       "boss",
                                  "worker",     "workers",   "employees",  "economist",
                                  "manager",    "spokesman", "spokeswoman"};
  static const WordSet lands = {
      "coast",    "coastline", "border",  "borders",  "region",  "peninsula", "mountains",
      "valley",   "waters",    "marinas", "harbours", "harbors", "province",  "countryside",
      "villages", "coastal",   "shores",  "hills",    "desert",  "highlands", "lowlands",
      "farm",     "farms",     "town",    "towns",    "city"};  // ("Mr Eavis' Somerset farm")
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    if (headline(doc, s)) continue;
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // "for US$965mil", "HK$3 billion": a place's name written onto a dollar's sign names the
    // currency, no place.
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
      if (tags[i] != 0 && ends_entity(tags, i, ner::Type::kPlace) && tokens[i + 1].text == "$"sv &&
          tokens[i].begin + tokens[i].text.size() == tokens[i + 1].begin)
        retag(tags, span_begin(tags, i), i + 1, ner::Type::kMisc);
    const std::vector<ner::Span> spans = ner::spans_of(tags, s);
    // "visits Manchester, Liverpool, Leicester, Somerset": a list of three names or more, as many
    // places as organizations or more; its organizations whose names the gazetteer knows are
    // places too.
    auto separated = [&](const ner::Span& a, const ner::Span& b) {
      if (b.first != a.last + 2) return false;
      const std::string& sep = tokens[a.last + 1].lower;
      return sep == ","sv || sep == "and"sv || sep == "or"sv;
    };
    for (std::size_t k = 0; k < spans.size();) {
      std::size_t end = k + 1;
      while (end < spans.size() && separated(spans[end - 1], spans[end])) ++end;
      std::size_t places = 0, orgs = 0;
      for (std::size_t j = k; j < end; ++j) {
        places += spans[j].type == ner::Type::kPlace;
        orgs += spans[j].type == ner::Type::kOrganization;
      }
      if (end - k >= 3 && places >= orgs && places > 0) {
        for (std::size_t j = k; j < end; ++j)
          if (spans[j].type == ner::Type::kOrganization &&
              gazetteer.known(text_of(tokens, spans[j])))
            retag(tags, spans[j].first, spans[j].last + 1, ner::Type::kPlace);
      }
      k = end;
    }
    // "were in Nice to share", "In Nice last week", "he was in Milan talking to Adriano": a
    // capitalized word after "in" and ending the name, that the tagger left or read as a
    // one-word organization's, and that the gazetteer knows as a country, a region or a city of
    // 100,000 people or more, is the place (the model leaves common words, "nice", "reading",
    // and reads a town beside its club, "Inter Milan", as the club).
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      if ((tags[i] != 0 && tags[i] != ner::tag_of(ner::Type::kOrganization, ner::kUnit)) ||
          tokens[i - 1].lower != "in"sv || !plain_word(tokens[i]) || all_capitals(tokens[i].text) ||
          !gazetteer.major(tokens[i].text) ||
          (i + 1 < tokens.size() && (capitalized_word(tokens[i + 1].text) ||
                                     tokens[i + 1].lower == "'s"sv || tokens[i + 1].text == "-"sv)))
        continue;
      tags[i] = ner::tag_of(ner::Type::kPlace, ner::kUnit);
    }
    // "that part of Leicestershire", "Badminton, Gloucestershire": a one-word organization's
    // name that the gazetteer knows as a county or another subdivision, and no city (a club is
    // often called by its city: "captain of Leicester"), after "of", "from", "across" or
    // "throughout", or after a place and a comma, is the subdivision.
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      if (tags[i] != ner::tag_of(ner::Type::kOrganization, ner::kUnit) || !plain_word(tokens[i]) ||
          all_capitals(tokens[i].text) || !gazetteer.major(tokens[i].text) ||
          gazetteer.city(tokens[i].text) || !gazetteer.country_name(tokens[i].text).empty())
        continue;
      const std::string& before = tokens[i - 1].lower;
      const bool locative = before == "of"sv || before == "from"sv || before == "across"sv ||
                            before == "throughout"sv;
      const bool after_place =
          i >= 2 && before == ","sv && ends_entity(tags, i - 2, ner::Type::kPlace);
      if (locative || after_place) tags[i] = ner::tag_of(ner::Type::kPlace, ner::kUnit);
    }
    for (const ner::Span& span : spans) {
      const std::size_t f = span.first;
      const bool after_settlement =
          f >= 2 && (tokens[f - 1].lower == "of"sv || tokens[f - 1].lower == "like"sv) &&
          settlement(tokens[f - 2].lower);
      // ("the Baja coast", "into Southern California marinas": before a word for land or
      // water, a name the gazetteer knows)
      const bool land = span.last + 1 < tokens.size() && lands.count(tokens[span.last + 1].lower);
      if (span.type == ner::Type::kOrganization && (after_settlement || land) &&
          gazetteer.known(text_of(tokens, span)))
        retag(tags, span.first, span.last + 1, ner::Type::kPlace);
      if (span.type == ner::Type::kPlace && f >= 2 && tokens[f - 1].lower == "at"sv &&
          workers.count(tokens[f - 2].lower) && !gazetteer.known(text_of(tokens, span)))
        retag(tags, span.first, span.last + 1, ner::Type::kOrganization);
    }
  }
}

void described_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    clubs_in_brackets(tokens, tags, gazetteer);
    // "Wigan 42 Bradford Bulls 36": in a line of results, a club's name after a score that the
    // tagger cut before its last word, a capitalized word right before the next score, runs on
    // through it.
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      const std::size_t next = span.last + 1;
      if (span.type != ner::Type::kOrganization || next + 1 >= tokens.size() || tags[next] != 0 ||
          !plain_word(tokens[next]) || all_capitals(tokens[next].text) ||
          calendar_word(tokens[next].lower) || doc.seen_lower(tokens[next].lower) ||
          !all_digits(tokens[next + 1].text) || span.first == 0 ||
          !all_digits(tokens[span.first - 1].text))
        continue;
      retag(tags, span.first, next + 1, ner::Type::kOrganization);
    }
    // "AT&T", "P&O Cruises", "M&S": a word of capitals joined by "&" (tokens.cc keeps it whole
    // only for names) is a company's, alone or at the head of a name of another kind.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view w = tokens[i].text;
      const std::size_t amp = w.find('&');
      if (amp == std::string_view::npos || amp == 0 || w.size() < 3 || !all_capitals(w) ||
          !ascii::is_upper(w[0]))
        continue;
      if (tags[i] == 0) {
        // (with the capitalized words after it that no entity holds: "AT&T Wireless Services";
        // not in a headline or the article's first line, "AT&T Posts $7.1 Billion Loss")
        const bool titular = s == 0 || headline(doc, s) || doc.title_case(s);
        std::size_t end = i + 1;
        while (!titular && end < tokens.size() && end - i < 4 && tags[end] == 0 &&
               plain_word(tokens[end]) && !calendar_word(tokens[end].lower) &&
               !person_role(tokens[end].lower))
          ++end;
        retag(tags, i, end, ner::Type::kOrganization);
      } else if (ner::type_of(tags[i]) != ner::Type::kOrganization &&
                 begins_entity(tags, i, ner::type_of(tags[i]))) {
        retag(tags, i, span_end(tags, i) + 1, ner::Type::kOrganization);
      }
    }
    if (headline(doc, s) || doc.title_case(s)) continue;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const bool free = tags[i] == 0 || (ner::type_of(tags[i]) == ner::Type::kMisc &&
                                         ner::position_of(tags[i]) == ner::kUnit);
      if (free && capitalized_word(tokens[i].text) && institution_word(tokens[i].text)) {
        // ("the Labour Party", "the Treasury Committee": the organization's word after it too)
        const bool whole = free_organization_word(tokens, tags, i + 1);
        retag(tags, i, i + (whole ? 2 : 1), ner::Type::kOrganization);
      }
    }
    // A run of capitalized words from `i` that no entity holds, up to three; its end.
    // (`common` lets words after the first be words the article writes in lower case as well:
    // "Ontrack Data Recovery")
    auto run = [&](std::size_t i, std::size_t most = 3, bool common = false) {
      std::size_t end = i;
      while (end < tokens.size() && end - i < most && capitalized_word(tokens[end].text) &&
             ascii::is_alpha(tokens[end].text[0]) &&
             (tags[end] == 0 || ner::type_of(tags[end]) == ner::Type::kMisc) &&
             !person_role(tokens[end].lower) && !honorific(tokens[end].lower) &&
             !calendar_word(tokens[end].lower) &&
             ((common && end > i) || !doc.seen_lower(tokens[end].lower)))
        ++end;
      // (a run that ends inside a longer entity is none)
      if (continues_entity(tags, end)) return i;
      return end;
    };
    // A free run from `i` to `end` that may name a company: whole (no capitalized word, nor "and",
    // "of" or "&" and one, after it: "Swiss Re", "European Justice and Home Affairs"), no
    // people's adjective alone ("founder of Jewish human rights group"), no Census first name
    // opens it, and the gazetteer knows it as no place and as no common word (one word alone).
    // A word the tagger read as a miscellaneous name alone may, where no list knows it and it is
    // no demonym nor ends as one ("Shares in Yukos"; not "Jewish", "Anglo-Swedish", "director of
    // Ivorian newspaper Le Populaire").
    // Whether the gazetteer knows the words from `i` to `end` as a place, or one word alone as a
    // common word.
    auto place_or_word = [&](std::size_t i, std::size_t end) {
      return gazetteer.known(joined_words(tokens, i, end)) ||
             (end == i + 1 && (gazetteer.lexicon(tokens[i].lower) & ner::Gazetteer::kCommon));
    };
    auto company_like = [&](std::size_t i, std::size_t end) {
      auto name_at = [&](std::size_t k) {
        return k < tokens.size() && capitalized_word(tokens[k].text);
      };
      const bool joined = end < tokens.size() &&
                          (tokens[end].lower == "and"sv || tokens[end].lower == "of"sv ||
                           tokens[end].text == "&"sv) &&
                          name_at(end + 1);
      if (end == i || name_at(end) || joined ||
          (end == i + 1 && tags[i] != 0 &&
           (gazetteer.lexicon(tokens[i].lower) != ner::Gazetteer::kUnlisted ||
            tokens[i].text.find('-') != std::string_view::npos || peoples_adjective(tokens[i]) ||
            demonym(gazetteer, tokens, {ner::Type::kMisc, s, i, i}))) ||
          (gazetteer.person_name(tokens[i].lower) & ner::Gazetteer::kFirstName))
        return false;
      return !place_or_word(i, end);
    };
    // "managing director of Ontrack Data Recovery", "the head of Renault", "Shares in Solidere",
    // "a spokesman for Ryanair": capitalized words no entity holds right after a post in a
    // company, or its shares, and the word that ties them to it, are the company's name (where
    // the post is no part of a name itself: "the Director of Public Prosecutions").
    static const std::unordered_map<std::string_view, std::unordered_set<std::string_view>> posts =
        {{"of",
          {"chairman", "chairwoman", "director", "directors", "head", "boss", "founder",
           "shareholder", "shareholders", "executive"}},
         {"at",
          {"director", "chief", "executive", "analyst", "analysts", "economist", "manager",
           "employees", "workers", "spokesman", "spokeswoman"}},
         {"for", {"spokesman", "spokeswoman", "spokesperson"}},
         {"in", {"shares", "stake", "stakes", "shareholder", "shareholders"}}};
    for (std::size_t i = 2; i < tokens.size(); ++i) {
      // (the cheap tests first: this runs over every word)
      if (!capitalized_word(tokens[i].text) || tokens[i - 1].lower.size() > 3) continue;
      const auto tie = posts.find(tokens[i - 1].lower);
      if (tie == posts.end() || !tie->second.count(tokens[i - 2].lower) ||
          (i > 2 && capitalized_word(tokens[i - 2].text)))
        continue;
      const std::size_t end = run(i, 4, true);
      if (!company_like(i, end)) continue;
      retag(tags, i, end, ner::Type::kOrganization);
      i = end;
    }
    // "A recent survey by Earthlink and Webroot found", "a poll by Gallup": a free run after a
    // study's noun and "by" (or two, joined by "and"), whole, with no Census name in it (not "a
    // study by Smith"), that the gazetteer knows as no place and, one word, as no common word, is
    // an organization's.
    static const WordSet studies = {"survey",  "surveys", "study", "studies",  "report",
                                    "reports", "poll",    "polls", "research", "analysis"};
    auto studied = [&](std::size_t i) {
      const std::size_t end = run(i);
      if (end == i || (end < tokens.size() && capitalized_word(tokens[end].text))) return i;
      for (std::size_t k = i; k < end; ++k)
        if (gazetteer.person_name(tokens[k].lower) != 0) return i;
      return place_or_word(i, end) ? i : end;
    };
    for (std::size_t i = 2; i < tokens.size(); ++i) {
      if (tokens[i - 1].lower != "by"sv || !capitalized_word(tokens[i].text) ||
          !studies.contains(tokens[i - 2].lower))
        continue;
      const std::size_t end = studied(i);
      if (end == i) continue;
      std::size_t second = end, second_end = end;
      if (end + 1 < tokens.size() && tokens[end].lower == "and"sv &&
          capitalized_word(tokens[end + 1].text)) {
        second = end + 1;
        second_end = studied(second);
        if (second_end == second) continue;  // (both names, or neither)
      }
      retag(tags, i, end, ner::Type::kOrganization);
      if (second_end > second) retag(tags, second, second_end, ner::Type::kOrganization);
      i = second_end;
    }
    // "Solidere, the Lebanese company founded by Rafik Hariri": a free run that opens a sentence
    // or follows a word in lower case, then a comma, an article, up to three words in lower case
    // or a people's adjective, and a descriptor of companies that ends the phrase (not "the
    // company's", "a company director") is the company's name.
    for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
      if (!capitalized_word(tokens[i].text) ||
          (i > 0 && (capitalized_word(tokens[i - 1].text) || tags[i - 1] != 0)))
        continue;
      const std::size_t end = run(i);
      if (end + 2 >= tokens.size() || tokens[end].text != ","sv ||
          (tokens[end + 1].lower != "the"sv && tokens[end + 1].lower != "a"sv &&
           tokens[end + 1].lower != "an"sv) ||
          !company_like(i, end))
        continue;
      for (std::size_t k = end + 2; k < tokens.size() && k <= end + 5; ++k) {
        const std::string& w = tokens[k].lower;
        if (organization_descriptor(w)) {
          static const WordSet after = {"in",    "on",    "at",    "that",    "which", "with",
                                        "for",   "and",   "by",    "from",    "whose", "based",
                                        "since", "where", "known", "founded", "owned", "run"};
          if (k + 1 == tokens.size() ||
              (!ascii::is_alpha(tokens[k + 1].text[0]) && tokens[k + 1].lower != "'s"sv) ||
              after.count(tokens[k + 1].lower))
            retag(tags, i, end, ner::Type::kOrganization);
          break;
        }
        const bool adjective = tags[k] == ner::tag_of(ner::Type::kMisc, ner::kUnit);
        if (!adjective && (capitalized_word(tokens[k].text) || !ascii::is_alpha(w[0]))) break;
      }
    }
    // "A survey by Forrester Research found": capitalized words the tagger left inside a
    // sentence, after a word in lower case, the last an organization's word, are the
    // organization's name, whole. Not the end of a longer name, after "and" or "of" and a word
    // that is no person's ("Food and| Drug Administration", "the Birmingham and| Midlands
    // Institute"; but "Miller of Thames Valley Police"), nor after a name's particle ("The da
    // Vinci Project"); not a law's, a league's, a venue's or a building's ("the World Trade
    // Center"), a river's bank ("the South Bank"), nor a product's ("Windows Media Center").
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      if (!capitalized_word(tokens[i].text) || !ner::starts_lower(tokens[i - 1].text) ||
          name_particle(tokens[i - 1].lower) ||
          (i > 1 && joining_word(tokens[i - 1].lower) && capitalized_word(tokens[i - 2].text) &&
           (tags[i - 2] == 0 || ner::type_of(tags[i - 2]) != ner::Type::kPerson)))
        continue;
      const std::size_t end = run(i, 4, true);
      if (end < i + 2 || !company_like(i, end)) continue;
      const std::string& last = tokens[end - 1].lower;
      if (!organization_word(last) || last == "act"sv || last == "league"sv || venue_word(last) ||
          last == "center"sv || last == "centre"sv ||
          (last == "bank"sv && end == i + 2 && direction_word(tokens[i].lower)) ||
          std::any_of(tokens.begin() + static_cast<long>(i),
                      tokens.begin() + static_cast<long>(end), [](const ner::Token& t) {
                        return thing_word(t.lower) || product_name(t.lower) ||
                               thing_abbreviation(t.text);
                      }))
        continue;
      retag(tags, i, end, ner::Type::kOrganization);
      i = end;
    }
    // "a survey by the Engineering Employers Federation", "the Disasters Emergency Committee":
    // capitalized words the tagger left after "the", up to five, up to the last that is an
    // organization's word (but the first), are that organization's name.
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      if (tokens[i - 1].lower != "the"sv) continue;
      std::size_t end = i, last_word = i;
      // ("the California Culinary Academy", "the British Retail Consortium": a place's name or a
      // people's word may begin it, where a word of the organization's own comes between)
      if (tags[i] != 0 && !headline(doc, s) &&
          (begins_entity(tags, i, ner::Type::kPlace) ||
           (tags[i] == ner::tag_of(ner::Type::kMisc, ner::kUnit) &&
            peoples_adjective(tokens[i])))) {
        const std::size_t place_end = span_end(tags, i) + 1;
        if (place_end + 1 < tokens.size() && tags[place_end] == 0 &&
            plain_word(tokens[place_end]) && !all_capitals(tokens[place_end].text) &&
            !organization_word(tokens[place_end].lower))
          end = place_end;
      }
      while (end < tokens.size() && end - i < 5 && tags[end] == 0 && plain_word(tokens[end]) &&
             !all_capitals(tokens[end].text)) {
        // (not a law's name, "the Terrorism Act", a venue's, "the Millennium Stadium", nor a
        // competition's, "the Champions League")
        if (end > i && organization_word(tokens[end].lower) && tokens[end].lower != "act"sv &&
            tokens[end].lower != "league"sv && !venue_word(tokens[end].lower))
          last_word = end;
        ++end;
      }
      // ("The Countryside Alliance said", where the tagger read the last word alone as a name:
      // an organization's word it is, and the end of this one)
      if (end > i && end < tokens.size() && tags[end] != 0 &&
          ner::position_of(tags[end]) == ner::kUnit && plain_word(tokens[end]) &&
          !all_capitals(tokens[end].text) && organization_word(tokens[end].lower) &&
          tokens[end].lower != "act"sv && tokens[end].lower != "league"sv &&
          !venue_word(tokens[end].lower)) {
        tags[end] = 0;
        last_word = end++;
      }
      // (nor an event's or a work's name that runs on past it, "the Consumer Electronics Show",
      // nor a stock's, "the Strategic Petroleum Reserve")
      if (last_word == i ||
          std::any_of(tokens.begin() + static_cast<long>(last_word + 1),
                      tokens.begin() + static_cast<long>(end), [](const ner::Token& t) {
                        return thing_word(t.lower) || t.lower == "reserve"sv;
                      }))
        continue;
      // "the Police Federation of England and Wales", "the Guildhall School of Speech and Drama":
      // "of" and capitalized words, joined by "and", are the name's too.
      std::size_t stop = last_word + 1;
      if (stop + 1 < tokens.size() && tokens[stop].lower == "of"sv) {
        const std::size_t of = stop;
        std::size_t k = of + 1;
        // (five words at most, and no title: "the Council of Europe Human Rights Commissioner")
        while (k < tokens.size() && k - of <= 5 && plain_word(tokens[k]) &&
               !person_word(tokens[k].lower) &&
               (tags[k] == 0 || ner::type_of(tags[k]) == ner::Type::kPlace)) {
          stop = k + 1;
          if (k + 2 < tokens.size() && tokens[k + 1].lower == "and"sv && plain_word(tokens[k + 2]))
            k += 2;
          else
            ++k;
        }
        if (stop != last_word + 1 && stop < tokens.size() && tags[stop] != 0 &&
            ner::position_of(tags[stop]) != ner::kBegin &&
            ner::position_of(tags[stop]) != ner::kUnit)
          stop = last_word + 1;  // the last word is inside a longer name: stop before "of"
      }
      retag(tags, i, stop, ner::Type::kOrganization);
      i = stop - 1;
    }
    // "Inside I.B.M., the issue", "the S.E.C. said": an acronym of three letters or more written
    // with stops, as some papers write companies' and agencies' names, that the tagger left is an
    // organization's; not a place's ("U.S.A."), a thing's ("L.C.D."), nor "R.I.P.", "A.K.A.".
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view text = tokens[i].text;
      if (tags[i] != 0 || text.size() < 6 || text[1] != '.') continue;
      const std::string letters = dotted_letters(text);
      static const WordSet no_names = {"RIP", "AKA", "ETA", "RSVP", "ASAP", "PPS", "SPA"};
      if (letters.size() < 3 || no_names.count(letters) || thing_abbreviation(letters)) continue;
      // (nor part of a longer name: "Fiat S.P.A.", "R.J.R. Nabisco"; a common word before it
      // opens the sentence: "Inside I.B.M.")
      auto name_word_at = [&](std::size_t k) {
        return capitalized_word(tokens[k].text) && ascii::is_alpha(tokens[k].text[0]) &&
               gazetteer.lexicon(tokens[k].lower) != ner::Gazetteer::kCommon;
      };
      const bool inside =
          (i > 0 && name_word_at(i - 1)) || (i + 1 < tokens.size() && name_word_at(i + 1));
      if (inside || gazetteer.known(text) || gazetteer.known(letters)) continue;
      tags[i] = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
    }
    // "BBC Radio 4", "Channel 4", "BBC1", "ITV1", "G8": a broadcaster's channel by its number,
    // and a group of nations by its count (G6, G7, G8, G10, G20, G77), which the tagger leaves.
    auto small_number = [&](std::size_t k) {
      return k < tokens.size() && tokens[k].text.size() <= 2 && all_digits(tokens[k].text);
    };
    const int org_unit = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string& word = tokens[i].lower;
      if ((word == "radio"sv || word == "channel"sv) && capitalized_word(tokens[i].text) &&
          small_number(i + 1) && tags[i + 1] == 0) {
        if (i > 0 && tags[i] == 0 &&
            ends_entity(tags, i - 1,
                        ner::Type::kOrganization)) {  // "BBC| Radio 4": the owner the tagger read
                                                      // alone begins the name
          tags[i - 1] = ner::tag_of(ner::Type::kOrganization,
                                    tags[i - 1] == org_unit ? ner::kBegin : ner::kInside);
          tags[i] = ner::tag_of(ner::Type::kOrganization, ner::kInside);
          tags[i + 1] = ner::tag_of(ner::Type::kOrganization, ner::kLast);
        } else if (tags[i] == 0) {
          retag(tags, i, i + 2, ner::Type::kOrganization);
        } else if (ends_entity(tags, i, ner::Type::kOrganization)) {
          tags[i] = ner::tag_of(ner::Type::kOrganization,
                                tags[i] == org_unit ? ner::kBegin : ner::kInside);
          tags[i + 1] = ner::tag_of(ner::Type::kOrganization, ner::kLast);
        }
        ++i;
        continue;
      }
      const std::string_view text = tokens[i].text;
      std::size_t letters = 0;
      while (letters < text.size() && ascii::is_upper(text[letters])) ++letters;
      if (tags[i] != 0 || letters == 0 || text.size() - letters > 2 ||
          !all_digits(text.substr(letters)))
        continue;
      // (not "G4", "G5", Apple's processors as often as groups)
      const std::string_view head = text.substr(0, letters);
      static const WordSet groups = {"G6", "G7", "G8", "G10", "G20", "G77"};
      if (groups.count(text) || head == "BBC"sv || head == "ITV"sv) tags[i] = org_unit;
    }
    // "drug giant Merck", "carmaker Ford" where the tagger read a surname: one word read as a
    // person's right after a descriptor (but a rival, who may be one) is the organization's, unless
    // it is a first name as well.
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      if (tags[i] == ner::tag_of(ner::Type::kPerson, ner::kUnit) &&
          organization_descriptor(tokens[i - 1].lower) && !capitalized_word(tokens[i - 1].text) &&
          tokens[i - 1].lower != "rival"sv && tokens[i - 1].lower != "rivals"sv &&
          !(gazetteer.person_name(tokens[i].lower) & ner::Gazetteer::kFirstName))
        tags[i] = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
    }
    // "Telco BT stepped in", "Chipmaker Intel said", "Retailer Tesco said": a trade's noun that
    // opens the sentence, capitalized there, is no part of the name after it, which is an
    // organization's whatever the tagger read (a person's, or the noun and the name together).
    // Only nouns that no company's name begins with ("Bank Leumi", "Group Menatep", "Network
    // Rail", "Carrier Corp" stay), and not before a first name ("Retailer John Lewis" is a
    // person's name as often as a shop's) or a place's name.
    {
      static const WordSet openers = {
          "telco",        "chipmaker",    "carmaker",     "automaker",     "drugmaker", "retailer",
          "supermarket",  "broadcaster",  "airline",      "insurer",       "lender",    "brewer",
          "conglomerate", "manufacturer", "watchdog",     "regulator",     "charity",   "website",
          "distributor",  "publisher",    "handsetmaker", "software-maker"};
      const std::size_t k = opening_word(tokens);
      if (k + 1 < tokens.size() && capitalized_word(tokens[k].text) &&
          openers.count(tokens[k].lower) && capitalized_word(tokens[k + 1].text) &&
          ascii::is_alpha(tokens[k + 1].text[0]) && !calendar_word(tokens[k + 1].lower) &&
          !(gazetteer.person_name(tokens[k + 1].lower) & ner::Gazetteer::kFirstName) &&
          !(tags[k + 1] != 0 && ner::type_of(tags[k + 1]) == ner::Type::kPlace) &&
          !(tags[k] != 0 && !begins_entity(tags, k, ner::type_of(tags[k])))) {
        std::size_t end = k + 2;
        if (tags[k] != 0) {
          end = span_end(tags, k) + 1;  // the name the tagger ran on from the noun
        } else if (tags[k + 1] != 0) {
          end = begins_entity(tags, k + 1, ner::type_of(tags[k + 1])) ? span_end(tags, k + 1) + 1
                                                                      : k + 1;
        }
        // (a name whole: no organization's word in it, "Telco Systems Inc", nor a capitalized word
        // or a joined one after it, "Insurer Aachener und Muenchener Beteiligungs-AG"; one word,
        // no common word's plural, "Distributor Gases", "Airline Clerks", where a line's break cut
        // a name)
        auto part = [&](std::size_t at) {
          return at < tokens.size() &&
                 (capitalized_word(tokens[at].text) ||
                  ((tokens[at].lower == "and"sv || tokens[at].lower == "und"sv ||
                    tokens[at].text == "&"sv) &&
                   at + 1 < tokens.size() && capitalized_word(tokens[at + 1].text)));
        };
        bool whole = end > k + 1 && !part(end) &&
                     !(end == k + 2 && tokens[k + 1].lower.back() == 's' &&
                       (gazetteer.lexicon(tokens[k + 1].lower) & ner::Gazetteer::kCommon));
        for (std::size_t w = k + 1; whole && w < end; ++w)
          whole = !organization_word(tokens[w].lower) && !designation(tokens[w]);
        if (whole && !gazetteer.known(joined_words(tokens, k + 1, end))) {
          tags[k] = 0;
          retag(tags, k + 1, end, ner::Type::kOrganization);
        }
      }
    }
    // "Canadian Press - AL-FASHER, Sudan (AP) -", "British Airways": a people's adjective (or
    // another word the tagger read as a name of its own kind, "Olympic Committee") and an
    // organization's word it left, the name's last (no "of" and a name after it), are one
    // organization.
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tags[i] != ner::tag_of(ner::Type::kMisc, ner::kUnit) || !plain_word(tokens[i]) ||
          tags[i + 1] != 0 || !plain_word(tokens[i + 1]) ||
          !organization_word(tokens[i + 1].lower) ||
          (i + 2 < tokens.size() && capitalized_word(tokens[i + 2].text)))
        continue;
      // (not the start of a longer name: "the British Chambers of Commerce", "the American
      // Federation of Labor")
      if (i + 3 < tokens.size() && capitalized_word(tokens[i + 3].text) &&
          (tokens[i + 2].lower == "of"sv || tokens[i + 2].lower == "for"sv ||
           tokens[i + 2].lower == "and"sv || tokens[i + 2].text == "&"sv))
        continue;
      // (with the like words before it: "Greek Olympic Committee")
      std::size_t first = i;
      while (first > 0 && tags[first - 1] == ner::tag_of(ner::Type::kMisc, ner::kUnit) &&
             plain_word(tokens[first - 1]))
        --first;
      retag(tags, first, i + 2, ner::Type::kOrganization);
      ++i;
    }
    // "Google is the most dangerous media company on the planet": one word read as a person's, or
    // no entity's, said to be a descriptor's kind, after "is" or "was" and an article and up to
    // four words in lower case (no "of": "the head of the company"), the descriptor last (not
    // "a bank manager", "the firm's chief") and not a rival or a giant ("Vioxx was a giant"), is
    // the organization's.
    for (std::size_t i = 0; i + 4 < tokens.size(); ++i) {
      const bool person_unit = tags[i] == ner::tag_of(ner::Type::kPerson, ner::kUnit);
      if ((!person_unit && tags[i] != 0) || !plain_word(tokens[i]) ||
          all_capitals(tokens[i].text) || (i > 0 && capitalized_word(tokens[i - 1].text)) ||
          (tokens[i + 1].lower != "is"sv && tokens[i + 1].lower != "was"sv) ||
          (tokens[i + 2].lower != "a"sv && tokens[i + 2].lower != "an"sv &&
           tokens[i + 2].lower != "the"sv) ||
          (!person_unit && gazetteer.lexicon(tokens[i].lower) & ner::Gazetteer::kCommon) ||
          (gazetteer.person_name(tokens[i].lower) & ner::Gazetteer::kFirstName))
        continue;
      for (std::size_t k = i + 3; k < tokens.size() && k <= i + 7; ++k) {
        const std::string& w = tokens[k].lower;
        // (a preposition's object is no predicate's noun: "Adams was a partner at the firm")
        static const WordSet prepositions = {"of",   "at", "in", "with", "for",   "on",
                                             "from", "by", "to", "into", "behind"};
        if (capitalized_word(tokens[k].text) || prepositions.count(w) || !ascii::is_alpha(w[0]))
          break;
        if (!organization_descriptor(w) || w == "rival"sv || w == "rivals"sv || w == "giant"sv)
          continue;
        static const WordSet after = {
            "in", "on",   "at",    "to",   "that",   "which", "with",  "for",   "and",   "or",
            "by", "from", "whose", "than", "behind", "based", "since", "where", "known", "founded"};
        const bool last =
            k + 1 == tokens.size() ||
            (!ascii::is_alpha(tokens[k + 1].text[0]) && tokens[k + 1].lower != "'s"sv) ||
            after.count(tokens[k + 1].lower) > 0;
        if (last) tags[i] = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
        break;
      }
    }
    // An item of a list of companies: a free run, or a whole name of any kind ("companies such as
    // Nokia, Intel, Philips, Alcatel": the tagger read towns and people); its end, or `i`.
    // A name the tagger gave, but one that owns what follows it: "Tesco, Britain's biggest
    // retailer" holds no item "Britain".
    // (a name the tagger ran over a comma or "and" is two items, "Matsushita and Samsung", but
    // one word each side of "and" where the second is no registered company, "Marks and
    // Spencer"; one that a possessive ends, "Barclay's Capital", is none; after a trade's plural,
    // "like" or ", including" (`people` false) a person's name the tagger read that begins with
    // a Census first name is none, "publishers Conrad Black and Rupert Murdoch", but for one word
    // a registered company holds, "Dell")
    auto item = [&](std::size_t i, bool people) {
      if (i >= tokens.size() || tags[i] == 0 || ner::type_of(tags[i]) == ner::Type::kMisc ||
          !capitalized_word(tokens[i].text)) {
        const std::size_t end = run(i);
        return end < tokens.size() && tokens[end].lower == "'s"sv ? i : end;
      }
      if (!begins_entity(tags, i, ner::type_of(tags[i]))) return i;
      std::size_t end = span_end(tags, i) + 1;
      if (!people && ner::type_of(tags[i]) == ner::Type::kPerson &&
          (gazetteer.person_name(tokens[i].lower) & ner::Gazetteer::kFirstName) &&
          !(end == i + 1 && gazetteer.company(tokens[i].lower)))
        return i;
      for (std::size_t k = i + 1; k + 1 < end; ++k)
        if (tokens[k].text == ","sv || (tokens[k].lower == "and"sv &&
                                        (end != i + 3 || gazetteer.company(tokens[k + 1].lower))))
          end = k;
      return end < tokens.size() && tokens[end].lower == "'s"sv ? i : end;
    };
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      // "companies such as Creative, Sony and Philips", "firms including Nokia and Intel",
      // "carmakers, including Hyundai, Toyota, Suzuki and Ford", "manufacturers like Dell",
      // "technology firms Earthlink and Webroot" (the plural of a trade, no "film-makers")
      // (every reading below begins at a capitalized word)
      if (!capitalized_word(tokens[i].text)) continue;
      const std::string& before = tokens[i - 1].lower;
      const bool named_list =
          (i >= 3 && before == "as"sv && tokens[i - 2].lower == "such"sv &&
           organization_descriptor(tokens[i - 3].lower)) ||
          (i >= 2 && before == "including"sv && organization_descriptor(tokens[i - 2].lower));
      // ("makers" after a product, "drug makers Pfizer and Sanofi-Aventis", not after a policy's
      // or a film's: "policy makers Bernanke and Kohn")
      static const WordSet non_trades = {"policy", "film",    "decision",    "law",     "peace",
                                         "movie",  "music",   "programme",   "program", "trouble",
                                         "rule",   "opinion", "documentary", "news",    "match"};
      // (the trades' own: a trade's plural before ", including" (or a consortium's: not "the
      // group, including Bono"), "like" or the names)
      auto trade_at = [&](std::size_t k) {
        return trades(tokens[k].lower) ||
               (tokens[k].lower == "makers"sv && k > 0 && !non_trades.count(tokens[k - 1].lower));
      };
      const bool trade_list =
          !named_list && ((i >= 3 && before == "including"sv && tokens[i - 2].text == ","sv &&
                           (trade_at(i - 3) || tokens[i - 3].lower == "consortium"sv)) ||
                          (i >= 2 && before == "like"sv && trade_at(i - 2)) ||
                          (trade_at(i - 1) && !capitalized_word(tokens[i - 1].text)));
      const bool listed = named_list || trade_list;
      const bool after_descriptor =
          organization_descriptor(before) && !capitalized_word(tokens[i - 1].text);
      // ("including Linux-distributor Mandrakesoft": a trade's compound before the name)
      if (listed && i + 1 < tokens.size() && tokens[i].text.find('-') != std::string_view::npos &&
          organization_descriptor(tokens[i].lower))
        ++i;
      std::size_t end = listed ? item(i, named_list) : run(i);
      // ("online retailer Amazon", "the carrier Qantas": one word the tagger read as a place's
      // that the gazetteer does not know)
      if (end == i && after_descriptor && tags[i] == ner::tag_of(ner::Type::kPlace, ner::kUnit) &&
          plain_word(tokens[i]) && !gazetteer.known(tokens[i].text) &&
          gazetteer.country_name(tokens[i].text).empty() && !world_region(tokens[i].lower))
        end = i + 1;
      if (end == i) continue;
      const bool before_role =
          end < tokens.size() && organization_role(tokens[end].lower) &&
          !(gazetteer.person_name(tokens[i].lower) & ner::Gazetteer::kFirstName);
      if (!after_descriptor && !listed && !before_role) continue;
      if (end == i + 1 && tokens[i].text.size() == 1) continue;  // ("by company N / A")
      retag(tags, i, end, ner::Type::kOrganization);
      clear_rest(tags, end);  // (the tagger's name cut at "and", read again as the next item)
      // The rest of a list: "Creative, Sony and Philips", which the item after "and" or "or"
      // ends ("... and Philips, Steve Jobs said").
      while (listed && end + 1 < tokens.size() &&
             (tokens[end].text == ","sv || tokens[end].lower == "and"sv ||
              tokens[end].lower == "or"sv)) {
        std::size_t next = end + 1;
        if (tokens[end].text == ","sv && next < tokens.size() &&
            (tokens[next].lower == "and"sv || tokens[next].lower == "or"sv))
          ++next;
        const bool last_item =
            tokens[next - 1].lower == "and"sv || tokens[next - 1].lower == "or"sv;
        const std::size_t next_end = item(next, named_list);
        if (next_end == next) break;
        retag(tags, next, next_end, ner::Type::kOrganization);
        clear_rest(tags, next_end);
        end = next_end;
        if (last_item) break;
      }
      i = end;
    }
  }
}

bool peoples_adjective(const ner::Token& t) {
  if (!capitalized_word(t.text) || t.lower.size() < 4) return false;
  for (std::string_view ending : {"ish", "ian", "an", "ese", "ch", "i"})
    if (t.lower.size() > ending.size() + 2 &&
        t.lower.compare(t.lower.size() - ending.size(), ending.size(), ending) == 0)
      return true;
  return false;
}

bool sentence_opener(const std::string& folded) {
  static const WordSet words = {"the", "a",   "an",  "and", "but", "or",
                                "so",  "yet", "now", "as",  "if",  "when"};
  return words.count(folded) > 0 || calendar_word(folded);
}

namespace {

// Where the stock's code of "(STZ.N: ...)", "(NYSE: HD)" or "<BRCM.O>" that opens at token
// `at` stands; 0 for none. A code is in capitals, with an exchange's suffix (Reuters' codes) or
// after an exchange's name; "(U.S.)" and "(AP)" are none.
std::size_t stock_code(const std::vector<ner::Token>& tokens, std::size_t at) {
  std::size_t k = at;
  if (tokens[k].text == "("sv || tokens[k].text == "<"sv) {
    ++k;
  } else if (tokens[k].text == "&"sv && k + 2 < tokens.size() && tokens[k + 1].text == "lt"sv &&
             tokens[k + 2].text == ";"sv) {
    k += 3;  // "&lt;" as text whose markup was escaped twice
  } else {
    return 0;
  }
  if (k >= tokens.size()) return 0;
  auto capitals = [](std::string_view w, std::size_t most) {
    return !w.empty() && w.size() <= most &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  static constexpr std::string_view kExchanges[] = {"NYSE", "Nasdaq", "NASDAQ", "AMEX",
                                                    "LSE",  "TSX",    "TSE",    "OTC"};
  if (k + 2 < tokens.size() &&
      std::find(std::begin(kExchanges), std::end(kExchanges), tokens[k].text) !=
          std::end(kExchanges) &&
      tokens[k + 1].text == ":"sv)
    return capitals(tokens[k + 2].text, 5) ? k + 2 : 0;
  const std::string_view w = tokens[k].text;
  const std::size_t dot = w.find('.');
  if (dot == std::string_view::npos || dot < 2 || !capitals(w.substr(0, dot), 6) ||
      !capitals(w.substr(dot + 1), 2))
    return 0;
  // (the code is followed by ")", ":", ">" or "&gt;")
  if (k + 1 >= tokens.size()) return 0;
  const std::string_view next = tokens[k + 1].text;
  return next == ")" || next == ":" || next == ">" || next == "&" ? k : 0;
}

}  // namespace

void registered_companies(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  if (gazetteer.companies() == 0) return;
  std::unordered_set<std::string> surnames;
  std::unordered_set<std::string> titled;  // names after a title or an honorific: "President Trump"
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    for (const ner::Span& span : ner::spans_of(doc.tags()[s], s))
      if (span.type == ner::Type::kPerson && span.last > span.first)
        surnames.insert(tokens[span.last].lower);
    for (std::size_t i = 1; i < tokens.size(); ++i)
      if (honorific(tokens[i - 1].lower)) titled.insert(tokens[i].lower);
  }
  // A plural of capitals ("PCs", "TVs") names things.
  auto plural = [](std::string_view w) {
    return w.back() == 's' &&
           std::count_if(w.begin(), w.end(), [](char c) { return ascii::is_upper(c); }) >= 2;
  };
  // A registered name that is a common word or a Census name as well ("Dell", "Apple"): the
  // places of its mentions the tagger left alone inside sentences, to count.
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> ambiguous;
  std::unordered_set<std::string> taken;  // words some mention of which the tagger read
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    const bool titular = headline(doc, s);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const ner::Token& t = tokens[i];
      // (a word in capitals may be any acronym: "EDT", "ISDN")
      // (nor a trade's noun, "Telco BT stepped in")
      if (t.text.size() < 4 || !capitalized_word(t.text) || all_capitals(t.text) ||
          !gazetteer.company(t.lower) || organization_descriptor(t.lower))
        continue;
      const bool free = tags[i] == 0;
      if (!free) taken.insert(t.lower);
      const bool person = tags[i] == ner::tag_of(ner::Type::kPerson, ner::kUnit);
      const bool misc = tags[i] == ner::tag_of(ner::Type::kMisc, ner::kUnit);
      if (!free && !person && !misc) continue;
      if (misc && demonym(gazetteer, tokens, {ner::Type::kMisc, s, i, i})) continue;  // "American"
      if (misc && i > 0 && i + 1 < tokens.size() && ner::starts_lower(tokens[i + 1].text)) {
        // (a word before a noun: "his Malibu home", "Russian and Caspian oil")
        const std::string& before = tokens[i - 1].lower;
        if (before == "the"sv || before == "his"sv || before == "her"sv || before == "its"sv ||
            before == "their"sv || before == "our"sv || before == "my"sv ||
            ((before == "and"sv || before == "or"sv) && i > 1 && tags[i - 2] != 0))
          continue;
      }
      // (nor a name in quotes, nor a maker's before a model's number: "Boeing 707")
      if (misc && i > 0 && (tokens[i - 1].text == "\""sv || tokens[i - 1].text == "'"sv)) continue;
      if (misc && i + 1 < tokens.size() && ascii::is_digit(tokens[i + 1].text[0])) continue;
      // (a word the tagger left after "in", "on", "at" or "near" is where something is: "on
      // Broadway", "in Crete", "at Sundance")
      if (free && i > 0 &&
          (tokens[i - 1].lower == "in"sv || tokens[i - 1].lower == "on"sv ||
           tokens[i - 1].lower == "near"sv || tokens[i - 1].lower == "at"sv))
        continue;
      if (gazetteer.known(t.text) || surnames.count(t.lower) || plural(t.text) ||
          person_role(t.lower) ||  // (a title and an honorific are roles too)
          organization_word(t.lower) || facility_word(t.lower) || thing_word(t.lower) ||
          calendar_word(t.lower))
        continue;
      auto loose = [&](std::size_t k) {
        return k < tokens.size() && tags[k] == 0 && capitalized_word(tokens[k].text) &&
               !sentence_opener(tokens[k].lower);
      };
      // (nor beside a capitalized word the tagger left: "Sony Ericsson", "Da Vinci", "Led
      // Zeppelin", "the Caspian Sea")
      if (!titular && ((i > 0 && loose(i - 1)) || loose(i + 1))) continue;
      if (person && gazetteer.lexicon(t.lower) == ner::Gazetteer::kBoth &&
          !doc.seen_lower(t.lower) && gazetteer.person_name(t.lower) == 0 &&
          !titled.count(t.lower)) {
        tags[i] = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
        continue;
      }
      if ((gazetteer.lexicon(t.lower) & ner::Gazetteer::kCommon) ||
          gazetteer.person_name(t.lower) != 0) {
        // (a proper name as well, not only a common word: "Game", "Light"; between words in
        // lower case, not after "and": "Phillips and Drew")
        const auto lower = [&](std::size_t k) {
          return k < tokens.size() && ner::starts_lower(tokens[k].text);
        };
        if (free && !titular && i > 0 && lower(i - 1) && tokens[i - 1].lower != "and"sv &&
            (i + 1 == tokens.size() || !ner::capitalized(tokens[i + 1].text)) &&
            ((gazetteer.lexicon(t.lower) & ner::Gazetteer::kProper) ||
             gazetteer.person_name(t.lower) != 0))
          ambiguous[t.lower].emplace_back(s, i);
        continue;
      }
      tags[i] = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
    }
  }
  // "sold with Dell notebooks ... according to Dell": such a name, written capitalized inside
  // sentences twice or more, never in lower case, and never read by the tagger as anything, is
  // the company's.
  for (const auto& [word, at] : ambiguous) {
    if (at.size() < 2 || doc.seen_lower(word) || taken.count(word)) continue;
    for (const auto& [s, i] : at)
      doc.tags()[s][i] = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
  }
}

void listed_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  struct Item {
    std::size_t first, last;
  };
  std::optional<std::unordered_set<std::string>> surnames;  // read when first asked: rarely
  auto surname = [&](const std::string& folded) {
    if (!surnames) surnames = people_surnames(doc);
    return surnames->count(folded) > 0;
  };
  // (a name's word: capitalized, or with a capital inside, "eBay"; letters only, not "BB-plus", a
  // rating)
  auto name_word = [](const ner::Token& t) {
    return std::all_of(t.text.begin(), t.text.end(),
                       [](char c) { return ascii::is_alpha(c) || (c & 0x80); }) &&
           std::any_of(t.text.begin(), t.text.end(), [](char c) { return ascii::is_upper(c); });
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // (a sentence with no organization has no such list)
    if (std::none_of(tags.begin(), tags.end(),
                     [](int t) { return t != 0 && ner::type_of(t) == ner::Type::kOrganization; }) ||
        headline(doc, s))
      continue;
    const std::size_t opening = opening_word(tokens);
    // The item that begins at `i`, if one does: a tagged name, whole, or a name's word the
    // tagger left inside the sentence.
    auto item_at = [&](std::size_t i, Item& item) {
      if (i >= tokens.size()) return false;
      if (tags[i] != 0) {
        if (!begins_entity(tags, i, ner::type_of(tags[i]))) return false;
        item = {i, span_end(tags, i)};
        return true;
      }
      // (alone: not "Modern| Garments", "Fromental| Halevy")
      auto capital = [&](std::size_t k) {
        return k < tokens.size() && capitalized_word(tokens[k].text);
      };
      const std::string_view w = tokens[i].text;
      if (!ascii::is_upper(w[0]) && !(w.size() > 1 && ascii::is_upper(w[1])))
        return false;  // (most words: quickly)
      if (i == opening || !name_word(tokens[i]) || capital(i - 1) || capital(i + 1)) return false;
      item = {i, i};
      return true;
    };
    std::vector<Item> list;
    auto settle = [&]() {
      if (list.size() < 3) return;
      std::size_t organizations = 0;
      for (const Item& item : list) {
        const int tag = tags[item.first];
        if (tag != 0 && ner::type_of(tag) == ner::Type::kOrganization) {
          ++organizations;
          continue;
        }
        // (every other item a single word, no place the gazetteer knows unless a registered
        // company's, "Amazon"; no Census first name, no surname of the article's people, "Albert
        // Emon ... for Marseille and Monaco, Emon, 43", no common word unless a registered
        // company's: "Highlands and| Islands")
        const ner::Token& t = tokens[item.first];
        // (a word the tagger read as a person's name says the list is of people too, "Ferrari,
        // McLaren and Schumacher", unless a registered company's, a proper name the word list
        // knows and the Census does not, "Netscape", or a name with a capital inside,
        // "DaimlerChrysler" but not "McLaren")
        auto camel = [](std::string_view w) {
          if (w.size() < 4 || w.substr(0, 2) == "Mc"sv || w.substr(0, 3) == "Mac"sv) return false;
          for (std::size_t k = 2; k < w.size(); ++k)
            if (ascii::is_upper(w[k]) && ascii::is_lower(w[k - 1])) return true;
          return false;
        };
        const bool person = tag != 0 && ner::type_of(tag) == ner::Type::kPerson &&
                            !gazetteer.company(t.lower) && !camel(t.text) &&
                            !(gazetteer.lexicon(t.lower) == ner::Gazetteer::kProper &&
                              gazetteer.person_name(t.lower) == 0);
        if (item.last != item.first || person || sentence_opener(t.lower) || surname(t.lower) ||
            gazetteer.person_name(t.lower) & ner::Gazetteer::kFirstName ||
            (gazetteer.known(t.text) && !gazetteer.company(t.lower)) ||
            !gazetteer.country_name(t.text).empty() ||
            (!gazetteer.company(t.lower) && gazetteer.lexicon(t.lower) & ner::Gazetteer::kCommon))
          return;
      }
      if (organizations * 2 < list.size()) return;
      for (const Item& item : list)
        if (item.first == item.last)
          tags[item.first] = ner::tag_of(ner::Type::kOrganization, ner::kUnit);
    };
    for (std::size_t i = 0; i < tokens.size();) {
      Item item{};
      if (!item_at(i, item)) {
        settle();
        list.clear();
        ++i;
        continue;
      }
      list.push_back(item);
      std::size_t next = item.last + 1;
      const bool comma = next < tokens.size() && tokens[next].text == ","sv;
      if (comma) ++next;
      const bool joined =
          next < tokens.size() && (tokens[next].lower == "and"sv || tokens[next].lower == "or"sv);
      if (joined) ++next;
      if (!comma && !joined) {
        settle();
        list.clear();
      }
      i = next;
    }
    settle();
  }
}

void placed_after_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  // (both read when first asked: an organization's name with "in" or "on" inside is rare)
  std::optional<std::unordered_set<std::string>> surnames;
  std::optional<std::unordered_set<std::string>> organizations;  // the names, as written
  auto surname = [&](const std::string& folded) {
    if (!surnames) surnames = people_surnames(doc);
    return surnames->count(folded) > 0;
  };
  auto organization = [&](const std::string& name) {
    if (!organizations) {
      organizations.emplace();
      for (std::size_t s = 0; s < doc.sentences().size(); ++s)
        for (const ner::Span& span : ner::spans_of(doc.tags()[s], s))
          if (span.type == ner::Type::kOrganization)
            organizations->insert(
                joined_words(doc.sentences()[s].tokens, span.first, span.last + 1));
    }
    return organizations->count(name) > 0;
  };
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // (each "in" or "on" inside an organization's name, the first of its name)
    for (std::size_t at = 1; at + 1 < tokens.size(); ++at) {
      if (tags[at] != ner::tag_of(ner::Type::kOrganization, ner::kInside) ||
          (tokens[at].lower != "in"sv && tokens[at].lower != "on"sv))
        continue;
      const ner::Span span{ner::Type::kOrganization, s, span_begin(tags, at), span_end(tags, at)};
      at = span.last;
      for (std::size_t k = span.first + 1; k + 1 <= span.last; ++k) {
        const std::string& small = tokens[k].lower;
        if (small != "in"sv && small != "on"sv) continue;
        const std::string head = joined_words(tokens, span.first, k);
        const std::string rest = joined_words(tokens, k + 1, span.last + 1);
        const ner::Token& before = tokens[k - 1];
        const bool single = k + 1 == span.last;
        std::optional<ner::Type> type;  // the rest's kind; none for a day
        if (single && calendar_word(tokens[span.last].lower)) {
        } else if (single && surname(tokens[span.last].lower)) {
          type = ner::Type::kPerson;
        } else if (gazetteer.known(rest) &&
                   (organization_word(before.lower) || thing_word(before.lower) ||
                    all_capitals(before.text) || organization(head))) {
          type = ner::Type::kPlace;
        } else {
          continue;
        }
        retag(tags, span.first, k, ner::Type::kOrganization);
        tags[k] = 0;
        if (type)
          retag(tags, k + 1, span.last + 1, *type);
        else
          for (std::size_t j = k + 1; j <= span.last; ++j) tags[j] = 0;
        break;
      }
    }
  }
}

namespace {

// Whether the words from `at` name what only a company has, after an owner's "'s": "(former)
// chief executive", "shareholders", "profits", "share price", "market value", "chairman", "board"
// (not "board of advisers"; nor headquarters, which a person or an army has: "Arafat's
// headquarters").
bool company_owned(const std::vector<ner::Token>& tokens, std::size_t at) {
  if (tokens[at].lower == "former"sv || tokens[at].lower == "new"sv) ++at;
  if (at >= tokens.size()) return false;
  const std::string& w = tokens[at].lower;
  const std::string_view next = at + 1 < tokens.size() ? tokens[at + 1].lower : std::string_view();
  static const WordSet owned = {"shareholders", "profits", "profit", "chairman", "chairwoman"};
  return owned.count(w) > 0 || (w == "board"sv && next != "of"sv) ||
         (w == "chief"sv && next == "executive"sv) || (w == "share"sv && next == "price"sv) ||
         (w == "market"sv && next == "value"sv);
}

}  // namespace

void general_companies(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  // (an election's, a treaty's or a meeting's word, and more that no company's name begins
  // with: "General Election", "General Agreement on Tariffs and Trade"; a post's word, "General
  // Manager", is a role's, asked below)
  static const WordSet not_companies = {"election",   "elections",  "managers",     "agreement",
                                        "agreements", "government", "has",          "felt",
                                        "strike",     "counsel",    "practitioner", "practitioners",
                                        "meeting",    "hospital",   "knowledge",    "staff"};
  // (a title that "General" ends: "Attorney General", "Inspector General")
  static const WordSet before_general = {"solicitor", "inspector",   "surgeon",      "postmaster",
                                         "auditor",   "advocate",    "brigadier",    "lieutenant",
                                         "consul",    "comptroller", "registrar",    "procurator",
                                         "adjutant",  "accountant",  "quartermaster"};
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i].lower != "general"sv || !capitalized_word(tokens[i].text)) continue;
      // (not inside a longer name: "Data General Corp", "UN General Assembly", "Daily Mail &
      // General Trust", "the Transport and General Workers Union")
      if (i > 0 &&
          (capitalized_word(tokens[i - 1].text) || tokens[i - 1].text == "&"sv ||
           person_title(tokens[i - 1].lower) || before_general.count(tokens[i - 1].lower) ||
           (i > 1 && tokens[i - 1].lower == "and"sv && capitalized_word(tokens[i - 2].text))))
        continue;
      if (tags[i] != 0 && !begins_entity(tags, i, ner::type_of(tags[i]))) continue;
      // (not in a wire's headline in capitals, where a name has no end: "GENERAL PARTNERS
      // WILLING TO PAY"; its text names the company again)
      const ner::Token& word = tokens[i + 1];
      if (!plain_word(word) || !capitalized_word(word.text) || all_capitals(word.text) ||
          designation(word) || !(gazetteer.lexicon(word.lower) & ner::Gazetteer::kCommon) ||
          not_companies.count(word.lower) || person_role(word.lower) ||
          (gazetteer.person_name(word.lower) & ner::Gazetteer::kFirstName))
        continue;
      // The name: the word, capitalized words after it (up to three more: no first name, no
      // country, no person's name the tagger read), a designation. A post among them makes a
      // title of it ("General Sales Manager Melvin Sims", "General Council Chairman Shintaro
      // Abe"); a venue's word a building's name ("General Motors Place").
      std::size_t end = i + 2;
      bool post = false, venue = venue_word(word.lower) || facility_word(word.lower);
      while (end < tokens.size() && end < i + 5 && plain_word(tokens[end]) &&
             capitalized_word(tokens[end].text) && !designation(tokens[end]) &&
             !calendar_word(tokens[end].lower) &&
             !(gazetteer.person_name(tokens[end].lower) & ner::Gazetteer::kFirstName) &&
             gazetteer.country_name(tokens[end].text).empty() &&
             !(tags[end] != 0 && ner::type_of(tags[end]) != ner::Type::kOrganization &&
               begins_entity(tags, end, ner::type_of(tags[end])))) {
        post = post || person_role(tokens[end].lower);
        venue = venue || venue_word(tokens[end].lower) || facility_word(tokens[end].lower);
        ++end;
      }
      if (post || venue) continue;
      const bool designated = end < tokens.size() && designation(tokens[end]);
      if (designated) ++end;
      if ((gazetteer.person_name(word.lower) & ner::Gazetteer::kSurname) && !designated) continue;
      // (a longer name the tagger read, begun inside this one, whole)
      while (end < tokens.size() && tags[end] != 0 &&
             !begins_entity(tags, end, ner::type_of(tags[end])))
        ++end;
      retag(tags, i, end, ner::Type::kOrganization);
      i = end - 1;
    }
  }
}

namespace {
bool journalist_word(const std::string& folded) {
  static const WordSet words = {"journalist", "journalists",    "columnist", "columnists",
                                "reporter",   "reporters",      "editor",    "correspondent",
                                "critic",     "correspondents", "writer"};
  return words.count(folded) > 0;
}
}  // namespace

void publications_by_noun(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  // (what a paper is called, written after its name: "the Guardian newspaper", "Broadcast
  // magazine", "the BBC News website", "the Kommersant daily")
  static const WordSet nouns = {"newspaper", "magazine", "website", "tabloid", "daily", "weekly"};
  // (a determiner that makes the name an attribute, not a title: "a London newspaper", "a PC
  // magazine", "another Tory newspaper")
  static const WordSet attributive = {"a", "an", "another", "one", "every", "any", "each"};
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    if (headline(doc, s) || doc.title_case(s)) continue;
    for (std::size_t e = 1; e < tokens.size(); ++e) {
      // (a journalist's noun too, after a name that reads as a paper's: "Sunday Telegraph
      // journalist Robert Peston", "Financial Times columnist"; not "Washington correspondent")
      const bool staff = journalist_word(tokens[e].lower);
      if ((!nouns.count(tokens[e].lower) && !staff) || capitalized_word(tokens[e].text)) continue;
      // ("daily" and "weekly" are nouns only after "the" and before what a paper does: "the
      // Kommersant daily said"; not "leave Heathrow daily", "visit the Louvre daily.", "the INRO
      // daily market indicator")
      static const WordSet says = {"said",  "says",   "reported", "reports", "quoted",
                                   "wrote", "writes", "added",    "has",     "had"};
      const bool periodical = tokens[e].lower == "daily"sv || tokens[e].lower == "weekly"sv;
      if (periodical && (e + 1 == tokens.size() || !says.count(tokens[e + 1].lower))) continue;
      // The name: the capitalized words before the noun, back to a possessive ("Saturday's
      // Western Mail newspaper", "France's Le Figaro") or an article ("The Smoking Gun").
      std::size_t b = e;
      while (b > 0 && capitalized_word(tokens[b - 1].text) && b + 4 > e &&
             (plain_word(tokens[b - 1]) || tokens[b - 1].text.find('-') != std::string_view::npos))
        --b;
      // (from the words that open a sentence: "And Spanish daily", "Some BBC News website")
      // (not a day's name, "The Sunday Mail newspaper")
      static const WordSet openers = {
          "the",   "a",    "an",   "and",  "but",   "or",    "so",    "yet",     "now",   "as",
          "if",    "when", "some", "many", "most",  "all",   "other", "its",     "his",   "her",
          "their", "our",  "this", "that", "these", "those", "one",   "another", "every", "any"};
      while (b < e && openers.count(tokens[b].lower)) ++b;
      if (b == e) continue;
      if (b > 0 && attributive.count(tokens[b - 1].lower)) continue;
      // (a people's word before a longer name is no part of it: "the French Le Monde newspaper")
      // (but a paper of two words keeps it: "the Jewish Chronicle", "the Irish Independent")
      while (e > b + 2 && (tags[b] == ner::tag_of(ner::Type::kMisc, ner::kUnit) ||
                           demonym(gazetteer, tokens, {ner::Type::kMisc, s, b, b})))
        ++b;
      // (and "daily", "weekly" or one word in capitals, an abbreviation that may be a place's,
      // "HK newspaper editorials", only after "the")
      const bool the = b > 0 && tokens[b - 1].lower == "the"sv;
      if ((periodical || (e == b + 1 && all_capitals(tokens[b].text))) && !the) continue;
      // (not a name that begins before it, "the Financial Times", nor a name of another kind the
      // tagger ran on past it)
      if (tags[b] != 0 && !begins_entity(tags, b, ner::type_of(tags[b]))) continue;
      if (tags[e - 1] != 0 && !ends_entity(tags, e - 1, ner::type_of(tags[e - 1]))) continue;
      std::string name;
      for (std::size_t k = b; k < e; ++k) (name += k > b ? " " : "") += tokens[k].text;
      // Not a people's or a place's word ("German magazine", "US magazine", "London newspaper",
      // "Sunday newspaper"), nor the sentence's first word where it is a common one ("Fan
      // website"). A word the tagger read as a people's or a language's, alone, is one ("the
      // Basque newspaper", "English-language newspaper") unless it is a paper's usual word ("the
      // Times newspaper", "the Economist magazine").
      const bool peoples = demonym(gazetteer, tokens, {ner::Type::kMisc, s, b, e - 1}) ||
                           (e == b + 1 && tags[b] == ner::tag_of(ner::Type::kMisc, ner::kUnit));
      if ((peoples || staff) && !looks_like_outlet(name)) continue;
      if (gazetteer.known(name) || !gazetteer.country_name(name).empty() ||
          world_region(tokens[b].lower) || calendar_word(tokens[e - 1].lower) ||
          (b == opening_word(tokens) && e == b + 1 &&
           (gazetteer.lexicon(tokens[b].lower) & ner::Gazetteer::kCommon)))
        continue;
      // (nor a person's name, "the George W Bush website"; a day's is no first name, "The
      // Sunday Mail newspaper")
      if (e > b + 1 && (gazetteer.person_name(tokens[b].lower) & ner::Gazetteer::kFirstName) &&
          !calendar_word(tokens[b].lower))
        continue;
      retag(tags, b, e, ner::Type::kOrganization);
    }
  }
}

// "U2 frontman Bono", "Blur guitarist Graham Coxon", "The Who guitarist Pete Townshend",
// "Libertines singer Pete Doherty": the capitalized words before a band member's role, where a
// name follows the role, are the band's name, an organization (as the labels have bands), whatever
// the tagger read ("Joy Division", "Motley Crue" as people). Not a genre's, a people's or a
// place's word ("Soul singer Ray Charles", "Welsh singer Tom Jones", "Leicester drummer"), nor
// after "a".
void bands_by_role(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  static const WordSet roles = {"frontman", "frontwoman",  "guitarist", "drummer",
                                "bassist",  "keyboardist", "vocalist",  "singer"};
  // (the words that may open the phrase before the band's name: "Former Stone Roses singer", "The
  // Who guitarist", "Rock singer", "Session drummer")
  static const WordSet openers = {
      "the",  "a",      "an",     "and",   "but",     "former",  "ex",      "veteran", "legendary",
      "pop",  "rock",   "soul",   "jazz",  "folk",    "country", "opera",   "gospel",  "blues",
      "punk", "rap",    "reggae", "indie", "metal",   "dance",   "techno",  "disco",   "session",
      "band", "group",  "lead",   "bass",  "backing", "star",    "cabaret", "r&b",     "hip-hop",
      "glam", "grunge", "emo",    "club",  "wedding", "pub",     "his",     "her",     "their"};
  std::set<std::string> bands;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // (nor in a line with no stop at its end, a headline in sentence case, where the role may be
    // in a show's: "Hillbillies singer Scoggins dies")
    if (headline(doc, s) || doc.title_case(s) || tokens.empty() ||
        ascii::is_alnum(tokens.back().text.back()))
      continue;
    for (std::size_t r = 1; r + 1 < tokens.size(); ++r) {
      if (!roles.count(tokens[r].lower) || capitalized_word(tokens[r].text)) continue;
      // (a name after the role: "frontman Bono", "lead singer Chris Martin"; a person's, or a
      // word the tagger read alone as another kind's: "U2 frontman Bono/LOC")
      const std::size_t member = r + 1;
      if (!capitalized_word(tokens[member].text) || !ascii::is_alpha(tokens[member].text[0]) ||
          (tags[member] != 0 && ner::type_of(tags[member]) != ner::Type::kPerson &&
           ner::position_of(tags[member]) != ner::kUnit))
        continue;
      // ("U2 lead singer Bono")
      const std::size_t e = tokens[r - 1].lower == "lead"sv ? r - 1 : r;
      // (a band's words: letters, digits or "!", "U2", "E17", "Wham!"; an apostrophe that ends
      // one, "Blazin' Squad"; no adjective with a hyphen, "Grammy-winning")
      auto band_word = [&](std::size_t k) {
        const std::string_view w = tokens[k].text;
        return capitalized_word(w) && ascii::is_alpha(w[0]) &&
               std::all_of(w.begin(), w.end(), [](char c) {
                 return ascii::is_alnum(c) || c == '!' || c == '.' || c == '&';
               });
      };
      std::size_t b = e;
      while (b > 0 && b + 4 > e) {
        if (band_word(b - 1)) {
          --b;
        } else if (b >= 2 && tokens[b - 1].text == "'"sv && band_word(b - 2) &&
                   tokens[b - 2].begin + tokens[b - 2].text.size() == tokens[b - 1].begin) {
          b -= 2;
        } else {
          break;
        }
      }
      while (b < e && openers.count(tokens[b].lower)) ++b;
      while (b < e && (demonym(gazetteer, tokens, {ner::Type::kMisc, s, b, b}) ||
                       peoples_adjective(tokens[b]) || calendar_word(tokens[b].lower)))
        ++b;
      // (one word the tagger read alone as a miscellaneous name, that the word list has as a
      // proper name, is a people's: "Welsh singer", "French singer"; not "U2", "Blur")
      if (b == e || (b > 0 && (tokens[b - 1].lower == "a"sv || tokens[b - 1].lower == "an"sv)) ||
          (e == b + 1 && tags[b] == ner::tag_of(ner::Type::kMisc, ner::kUnit) &&
           (gazetteer.lexicon(tokens[b].lower) & ner::Gazetteer::kProper)))
        continue;
      // (not a name that begins before it, nor one the tagger ran on past it)
      if (tags[b] != 0 && !begins_entity(tags, b, ner::type_of(tags[b]))) continue;
      if (tags[e - 1] != 0 && !ends_entity(tags, e - 1, ner::type_of(tags[e - 1]))) continue;
      const std::string name = joined_words(tokens, b, e);
      bool place = false;
      for (std::size_t k = b; k < e; ++k)
        place = place || (tags[k] != 0 && ner::type_of(tags[k]) == ner::Type::kPlace);
      if (place || gazetteer.known(name) || !gazetteer.country_name(name).empty() ||
          world_region(tokens[b].lower))
        continue;
      retag(tags, b, e, ner::Type::kOrganization);
      bands.insert(joined_words(tokens, b, e));
      if (tags[member] != 0 && ner::type_of(tags[member]) != ner::Type::kPerson)
        tags[member] = ner::tag_of(ner::Type::kPerson, ner::kUnit);
    }
  }
  // The band's name is no person's elsewhere in the article ("Joy Division" read as a person's
  // in other sentences).
  if (bands.empty()) return;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    for (const ner::Span& span : ner::spans_of(tags, s))
      if (span.type == ner::Type::kPerson &&
          bands.count(joined_words(tokens, span.first, span.last + 1)))
        retag(tags, span.first, span.last + 1, ner::Type::kOrganization);
  }
}

void consistent_organizations(ner::Document& doc, const ner::Gazetteer& gazetteer) {
  // The article's organizations by their words as written; true for a designated company's name
  // without its designation.
  std::map<std::vector<std::string>, bool> names;
  std::optional<std::unordered_set<std::string>> surnames;  // people_surnames, when first asked
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    // "Bradford & Bingley", "Marks & Spencer": names of one word each side of "&", one of them
    // read as an organization's and the other as one too or as none, are one organization's.
    for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
      if (tokens[k].text != "&"sv || tags[k] != 0) continue;
      const std::size_t left = k - 1, right = k + 1;
      auto one_word = [&](std::size_t at) {
        return plain_word(tokens[at]) &&
               (tags[at] == 0 || tags[at] == ner::tag_of(ner::Type::kOrganization, ner::kUnit));
      };
      if (!one_word(left) || !one_word(right) || (tags[left] == 0 && tags[right] == 0)) continue;
      // (the words around are no part of the name: "shares in Bradford & Bingley fell")
      if ((left > 0 && capitalized_word(tokens[left - 1].text) &&
           !sentence_opener(tokens[left - 1].lower)) ||
          (right + 1 < tokens.size() && capitalized_word(tokens[right + 1].text)))
        continue;
      retag(tags, left, right + 1, ner::Type::kOrganization);
    }
    // "GW Pharma and", "STMicroelectronics &": a joining word at the end of an organization's
    // name is the tagger's, not the name's. "the BBC's Breakfast with Frost", "BBC Radio
    // Scotland's Good Morning Scotland": a possessive inside one ends it where what follows is a
    // name of its own, of two words or after an acronym; not in "Moody's Investors Service" (an
    // organization's word ends it), "Lloyd's of London" or "Queen's Park".
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type != ner::Type::kOrganization) continue;
      std::size_t last = span.last;
      for (std::size_t k = span.first + 1; k < span.last; ++k) {
        if (tokens[k].lower != "'s"sv) continue;  // (the tokens read "’s" as "'s")
        if (!organization_word(tokens[span.last].lower) && !joining_word(tokens[k + 1].lower) &&
            (span.last > k + 1 || all_capitals(tokens[k - 1].text)))
          last = k - 1;
        break;
      }
      // "Kia Motor Corp of South Korea", "Daniels Pharmaceuticals Inc of St. Petersburg": a
      // company's designation ends its name; the words after "of" are where it is. "The Paris
      // Club of creditor nations", "the Minsk Group of countries": words in lower case after "of"
      // are no part of the name.
      std::size_t where = span.last + 1;
      for (std::size_t k = span.first + 1; k < last; ++k) {
        if (tokens[k].lower != "of"sv) continue;
        if (designation(tokens[k - 1]) && capitalized_word(tokens[k + 1].text)) {
          where = k + 1;
          last = k - 1;
          break;
        }
        const bool lower = std::none_of(
            tokens.begin() + static_cast<long>(k + 1), tokens.begin() + static_cast<long>(last + 1),
            [](const ner::Token& t) { return capitalized_word(t.text); });
        if (lower) {
          last = k - 1;
          break;
        }
      }
      // ("told the BBC.", "the BBC's correspondent", "the Liberal Democrats' plans": a full stop,
      // a plural's apostrophe, or a possessive after an acronym, the tagger took in; not
      // "Moody's", "Lloyd's")
      while (last > span.first &&
             (tokens[last].text == "."sv || tokens[last].lower == "'"sv ||
              (tokens[last].text == "'s"sv && all_capitals(tokens[last - 1].text))))
        --last;
      while (last > span.first && joining_word(tokens[last].lower)) --last;
      // ("the cable television network CNBC Friday": a weekday or a month after the name is the
      // sentence's; not "The Mail on Sunday", nor the club "Sheffield Wednesday")
      while (last > span.first && calendar_word(tokens[last].lower) &&
             tokens[last - 1].lower != "on"sv &&
             !(tokens[last].lower == "wednesday"sv && tokens[last - 1].lower == "sheffield"sv))
        --last;
      if (last == span.last) continue;
      for (std::size_t k = last + 1; k <= span.last; ++k) tags[k] = 0;
      retag(tags, span.first, last + 1, ner::Type::kOrganization);
      if (where <= span.last) retag(tags, where, span.last + 1, ner::Type::kPlace);
    }
    // ("Commission for Racial Equality", where the passes after the first join found the right
    // half: "Racial Equality chairman")
    join_of(tokens, tags);
    // The first word of a company's name that ends before token `end`: back over capitalized
    // words and whole entities, five words at most ("Procter & Gamble Co.", "Texas Instruments
    // Inc." where the tagger read Texas), leaving out the words that open a sentence; `end` when
    // there is none.
    auto name_before = [&](std::size_t end) {
      auto joins = [&](std::size_t k) {
        const ner::Token& t = tokens[k];
        const bool word = capitalized_word(t.text) ||
                          (t.text == "&"sv && k > 0 && capitalized_word(tokens[k - 1].text));
        return word && (tags[k] == 0 || ner::position_of(tags[k]) == ner::kLast ||
                        ner::position_of(tags[k]) == ner::kUnit);
      };
      std::size_t first = end;
      while (first > 0 && end - first < 5 && joins(first - 1))
        first = tags[first - 1] != 0 ? span_begin(tags, first - 1) : first - 1;
      if (first > 0 && joins(first - 1)) return end;  // a longer run: a headline's, no name
      while (first < end && (sentence_opener(tokens[first].lower) || tokens[first].text == "&"sv))
        ++first;
      if (first < end && !ascii::is_alpha(tokens[first].text[0])) return end;
      return first;
    };
    auto add_name = [&](std::size_t first, std::size_t end) {
      std::vector<std::string> words;
      for (std::size_t k = first; k < end; ++k) words.emplace_back(tokens[k].text);
      while (!words.empty() && (words.back() == "&" || words.back() == ",")) words.pop_back();
      if (!words.empty()) names[words] = true;
    };
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      // "Hardie's former chief executive", "DaimlerChrysler's shareholders", "Fiat's profits":
      // a name that owns what only a company has is a company's as a designated one is: an
      // organization's or a place's whole name that the gazetteer does not know as a place (not
      // "Liverpool's chairman", the town's club, beside "in Liverpool"), a person's with no
      // honorific or role before ("Mr Branson's profits") that is of one word no fuller name of
      // the article ends in ("Dell's profits" beside "Michael Dell") or of more words, the first
      // no Census first name ("Sony Ericsson's profits"; not "Rupert Murdoch's"), or one word no
      // entity holds inside a sentence (not the end of a name "&" joins: "Bradford & Bingley's");
      // no country's.
      if (tokens[i].lower == "'s"sv && i + 1 < tokens.size() && company_owned(tokens, i + 1)) {
        const std::size_t last = i - 1;
        const bool entity = tags[last] != 0 && ner::type_of(tags[last]) != ner::Type::kMisc &&
                            (ner::position_of(tags[last]) == ner::kLast ||
                             ner::position_of(tags[last]) == ner::kUnit);
        const std::size_t first = entity ? span_begin(tags, last) : last;
        const std::string words = joined_words(tokens, first, i);
        const ner::Type type = entity ? ner::type_of(tags[last]) : ner::Type::kMisc;
        bool owner = false;
        if (!entity) {
          owner = tags[last] == 0 && last > 0 && plain_word(tokens[last]) &&
                  tokens[last].text.size() > 1 && tokens[last - 1].text != "&"sv &&
                  !doc.seen_lower(tokens[last].lower);
        } else if (type == ner::Type::kOrganization || type == ner::Type::kPlace) {
          owner = !gazetteer.known(words);
        } else if (!(first > 0 && person_role(tokens[first - 1].lower)) &&
                   !person_role(tokens[first].lower)) {
          if (first < last) {
            owner = !(gazetteer.person_name(tokens[first].lower) & ner::Gazetteer::kFirstName);
          } else {
            if (!surnames) surnames = people_surnames(doc);
            owner = !surnames->count(tokens[last].lower);
          }
        }
        if (owner && gazetteer.country_name(words).empty() && !world_region(fold(words))) {
          add_name(first, i);
          if (!entity) retag(tags, first, i, ner::Type::kOrganization);
        }
        continue;
      }
      if (designation(tokens[i])) {
        // (the tagger's own "America Online Inc." holds its designation; a designation it read
        // as an organization alone, "Jones Medical Industries Inc", is the end of one)
        // ("The Dow Chemical Co of the United States", read as something else's name: a
        // designation in it ends a company's name there, and the words after are no part of it)
        if (tags[i] != 0 && ner::type_of(tags[i]) == ner::Type::kMisc &&
            !begins_entity(tags, i, ner::Type::kMisc)) {
          const std::size_t first = span_begin(tags, i), last = span_end(tags, i);
          for (std::size_t k = i + 1; k <= last; ++k) tags[k] = 0;
          retag(tags, first, i + 1, ner::Type::kOrganization);
        }
        const bool alone = tags[i] == ner::tag_of(ner::Type::kOrganization, ner::kUnit);
        if (tags[i] != 0 && !alone && !ends_entity(tags, i, ner::Type::kOrganization)) continue;
        std::size_t first = tags[i] != 0 && !alone ? span_begin(tags, i) : name_before(i);
        if (first == i) continue;
        retag(tags, first, i + 1, ner::Type::kOrganization);
        add_name(first, i);
        continue;
      }
      // "Constellation Brands (STZ.N: Quote, Profile, Research)", "Home Depot (NYSE: HD)",
      // "Broadcom Corp. <BRCM.O>": a stock's code after a name makes it a company's, and is no
      // name itself.
      const std::size_t code = stock_code(tokens, i);
      if (code == 0) continue;
      // ("SAN FRANCISCO (CBS.MW) - TiVo said": a dateline's agency, no code)
      // (only where the bracket follows a dateline's place in capitals near the sentence's
      // start: "Shares of Krispy Kreme (KKD.N) - the doughnut chain - fell" keep the code)
      if (code + 2 < tokens.size() && tokens[code + 1].text == ")"sv &&
          (tokens[code + 2].text == "-"sv || tokens[code + 2].text == "--"sv) && i <= 6 &&
          all_capitals(tokens[i - 1].text))
        continue;
      tags[code] = 0;
      if (tags[i - 1] != 0 && ends_entity(tags, i - 1, ner::Type::kOrganization)) continue;
      const std::size_t first = name_before(i);
      if (first == i) continue;
      retag(tags, first, i, ner::Type::kOrganization);
      add_name(first, i);
    }
    // "Farabundo Martí National Liberation Front", "Bill Gates Foundation": a person's name of
    // two words or more that runs on, through up to two capitalized words no entity holds, into
    // an organization's name is the start of that organization's.
    // (Not in a headline or a line in Title Case, "Warren Buffett Says Goldman Sachs Is Cheap";
    // no weekday between, "Tony Blair Monday Labour Party"; and the organization's name ends in
    // an organization's word: not a title after the name, "Frank Field MP".)
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type != ner::Type::kPerson || span.last == span.first || headline(doc, s) ||
          doc.title_case(s))
        continue;
      std::size_t k = span.last + 1;
      while (k < tokens.size() && k <= span.last + 2 && tags[k] == 0 && plain_word(tokens[k]) &&
             !calendar_word(tokens[k].lower))
        ++k;
      if (k >= tokens.size() || !begins_entity(tags, k, ner::Type::kOrganization)) continue;
      const std::size_t end = span_end(tags, k);
      if (!organization_word(tokens[end].lower)) continue;
      retag(tags, span.first, end + 1, ner::Type::kOrganization);
    }
    for (const ner::Span& span : ner::spans_of(tags, s)) {
      if (span.type != ner::Type::kOrganization) continue;
      std::vector<std::string> words;
      for (std::size_t k = span.first; k <= span.last; ++k) words.emplace_back(tokens[k].text);
      names.emplace(std::move(words), false);
    }
  }
  if (names.empty()) return;
  std::vector<std::string_view> firsts;  // the names' first words, sorted
  for (const auto& [words, designated] : names)
    if (firsts.empty() || firsts.back() != words.front()) firsts.push_back(words.front());
  // The names' other places: words no entity holds, or, for a designated company's name, an
  // entity of exactly those words. A one-word name the article also writes in lower case ("Apple"
  // beside "apple") is left where it is untagged.
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const auto& tokens = doc.sentences()[s].tokens;
    auto& tags = doc.tags()[s];
    const bool titular = headline(doc, s);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!capitalized_word(tokens[i].text) ||
          !std::binary_search(firsts.begin(), firsts.end(), tokens[i].text))
        continue;
      // (the names that begin with the word)
      for (auto it = names.lower_bound(std::vector<std::string>{std::string(tokens[i].text)});
           it != names.end() && it->first.front() == tokens[i].text; ++it) {
        const auto& [words, designated] = *it;
        const std::size_t end = i + words.size();
        if (end > tokens.size() ||
            !std::equal(words.begin(), words.end(), tokens.begin() + static_cast<long>(i),
                        [](const std::string& w, const ner::Token& t) { return w == t.text; }))
          continue;
        const bool untagged =
            std::all_of(tags.begin() + static_cast<long>(i), tags.begin() + static_cast<long>(end),
                        [](int t) { return t == 0; });
        const bool whole = tags[i] != 0 && begins_entity(tags, i, ner::type_of(tags[i])) &&
                           ends_entity(tags, end - 1, ner::type_of(tags[i])) &&
                           ner::type_of(tags[i]) != ner::Type::kOrganization &&
                           span_end(tags, i) == end - 1;
        if (!(untagged || (designated && whole))) continue;
        if (untagged && words.size() == 1 && doc.seen_lower(tokens[i].lower)) continue;
        // Inside a sentence (not a headline) a name that runs on into other capitalized words is
        // part of a longer one ("Dell Computer Centre").
        if (!titular &&
            ((end < tokens.size() && tags[end] == 0 && capitalized_word(tokens[end].text)) ||
             (i > 0 && tags[i - 1] == 0 && capitalized_word(tokens[i - 1].text) &&
              !sentence_opener(tokens[i - 1].lower))))
          continue;
        retag(tags, i, end, ner::Type::kOrganization);
        i = end - 1;
        break;
      }
    }
  }
}

}  // namespace morgue::rules
