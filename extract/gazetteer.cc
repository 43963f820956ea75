// Loading the gazetteer from iso-codes and libgeonames, and matching it against token sequences.
#include "extract/gazetteer.h"

#include <geonames.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "common/ascii.h"
#include "common/places.h"
#include "common/text.h"
#include "extract/tokens.h"
#include "extract/word_set.h"

namespace morgue::ner {

Gazetteer Gazetteer::load(const std::string& iso_codes_folder, const std::string& word_list,
                          const std::string& census_names) {
  Gazetteer g;
  g.load_iso_codes(iso_codes_folder);
  g.load_geonames();
  g.load_words(word_list);
  g.load_census_names(census_names);
  return g;
}

std::string Gazetteer::key(std::string_view name) {
  // A word of ASCII letters is its own token: lower case is its key, without the tokenizer (most
  // look-ups are such words: docs/extraction.md, Speed).
  if (!name.empty() &&
      std::all_of(name.begin(), name.end(), [](char c) { return ascii::is_alpha(c); })) {
    std::string k(name);
    for (char& c : k) c = ascii::lower(c);
    return k;
  }
  std::string k;
  for (const Sentence& s : tokenize(name)) {
    for (const Token& t : s.tokens) {
      if (!k.empty()) k += ' ';
      k += t.lower;
    }
  }
  return k;
}

namespace {

// A fresh number for a gazetteer's places each time they change (Gazetteer::places_version).
std::uint64_t next_places_version() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

}  // namespace

int Gazetteer::add_country(const std::string& canonical) {
  places_version_ = next_places_version();
  auto [it, fresh] = country_index_.emplace(canonical, static_cast<int>(countries_.size()));
  if (fresh) countries_.push_back(canonical);
  add(canonical, kCountry, it->second);
  return it->second;
}

void Gazetteer::add(std::string_view name, Kind kind, int country) {
  places_version_ = next_places_version();
  const std::string k = key(name);
  if (k.empty()) return;
  Entry& e = entries_[k];
  e.kinds |= static_cast<std::uint8_t>(1u << kind);
  if (kind == kCountry && country >= 0) {
    e.country = country;
    e.located_in = country;
    e.population = ~0u;
  }
  for (std::size_t space = k.find(' '); space != std::string::npos; space = k.find(' ', space + 1))
    entries_[k.substr(0, space)].continues = true;
}

void Gazetteer::load_iso_codes(const std::string& folder) {
  places_version_ = next_places_version();
  // The countries under the names places.h gives them (the indexer files places under those).
  std::unordered_map<std::string, int> by_code;
  for (const Country& c : load_countries(folder)) {
    const int index = add_country(c.canonical);
    if (!c.alpha_2.empty()) by_code[c.alpha_2] = index;
    for (const std::string& name : c.names) add(name, kCountry, index);
  }
  std::ifstream sub(folder + "/iso_3166-2.json");
  const nlohmann::json subdivisions = nlohmann::json::parse(sub, nullptr, false);
  if (subdivisions.is_discarded() || !subdivisions.contains("3166-2")) return;
  // The regions that subdivisions split by the compass are named after ("North Darfur", "South
  // Kordofan", "Western Equatoria": Darfur, Kordofan, Equatoria), as the news names them; not
  // Britain's and America's, whose counties and states are their own names ("Yorkshire" is a
  // county cricket club as often, "Carolina" a team), nor a common noun ("Western Cape",
  // "Central Region"), nor the Nile ("Upper Nile"), a river of ten countries.
  static const std::unordered_set<std::string_view> kCompass = {
      "North",   "South",   "East",    "West",  "Northern", "Southern",
      "Eastern", "Western", "Central", "Upper", "Lower"};
  static const std::unordered_set<std::string_view> kGeneric = {
      "Territory", "River", "Bank", "Province", "Region", "Highlands", "Cape", "Area", "Nile"};
  std::vector<std::pair<std::string, int>> regions;
  for (const auto& s : subdivisions["3166-2"]) {
    std::string name = s.value("name", "");
    name = name.substr(0, name.find(" ["));  // "Isle of Anglesey [Sir Ynys Môn GB-YNM]"
    const std::string code = s.value("code", "");
    auto country = by_code.find(code.substr(0, 2));
    add(name, kSubdivision);
    Entry& e = entries_[key(name)];
    if (e.located_in < 0 && country != by_code.end()) e.located_in = country->second;
    const std::size_t space = name.find(' ');
    if (space != std::string::npos && kCompass.count(std::string_view(name).substr(0, space)) &&
        country != by_code.end() && code.compare(0, 3, "GB-") != 0 &&
        code.compare(0, 3, "US-") != 0) {
      const std::string region = name.substr(space + 1);
      if (region.find_first_of(" ,(") == std::string::npos && !kGeneric.count(region))
        regions.emplace_back(region, country->second);
    }
    // ("US-NY": the postal code; not "LA", which names Los Angeles far more often, nor "GA":
    // "Georgia" is filed as the country)
    if (code.size() == 5 && code.compare(0, 3, "US-") == 0 && code != "US-LA" && code != "US-GA" &&
        s.value("type", "") == "State")
      postal_states_[fold(code.substr(3))] = name;
  }
  for (const auto& [region, country] : regions) {
    if (entries_.count(key(region))) continue;  // a subdivision or a country of that name
    add(region, kSubdivision);
    entries_[key(region)].located_in = country;
  }
  // The states as American papers abbreviate them after a town ("Tacoma, Wash."; AP style): the
  // ISO list has only their names and two-letter codes. Not "Del." and "Ind.", which are a
  // delegate's and an independent's.
  auto us = country_index_.find("United States");
  static const std::pair<const char*, const char*> states[] = {
      {"Ala.", "Alabama"},        {"Ariz.", "Arizona"},
      {"Ark.", "Arkansas"},       {"Calif.", "California"},
      {"Colo.", "Colorado"},      {"Conn.", "Connecticut"},
      {"Fla.", "Florida"},        {"Ga.", ""},
      {"Ill.", "Illinois"},       {"Kan.", "Kansas"},
      {"Ky.", "Kentucky"},        {"La.", "Louisiana"},
      {"Md.", "Maryland"},        {"Mass.", "Massachusetts"},
      {"Mich.", "Michigan"},      {"Minn.", "Minnesota"},
      {"Miss.", "Mississippi"},   {"Mo.", "Missouri"},
      {"Mont.", "Montana"},       {"Neb.", "Nebraska"},
      {"Nev.", "Nevada"},         {"N.H.", "New Hampshire"},
      {"N.J.", "New Jersey"},     {"N.M.", "New Mexico"},
      {"N.Y.", "New York"},       {"N.C.", "North Carolina"},
      {"N.D.", "North Dakota"},   {"Okla.", "Oklahoma"},
      {"Ore.", "Oregon"},         {"Pa.", "Pennsylvania"},
      {"R.I.", "Rhode Island"},   {"S.C.", "South Carolina"},
      {"S.D.", "South Dakota"},   {"Tenn.", "Tennessee"},
      {"Tex.", "Texas"},          {"Vt.", "Vermont"},
      {"Va.", "Virginia"},        {"Wash.", "Washington"},
      {"W.Va.", "West Virginia"}, {"Wis.", "Wisconsin"},
      {"Wyo.", "Wyoming"}};
  for (const auto& [state, name] : states) {
    add(state, kSubdivision);
    Entry& e = entries_[key(state)];
    if (e.located_in < 0 && us != country_index_.end()) e.located_in = us->second;
    // ("Ga.": "Georgia" is filed as the country)
    const std::string_view abbreviation(state);
    if (*name) ap_states_[fold(abbreviation.substr(0, abbreviation.size() - 1))] = name;
  }
}

void Gazetteer::add_word(std::string_view word) {
  if (word.empty() || word.find('\'') != std::string_view::npos)
    return;  // "Blair's": the list's possessives
  const bool proper = ascii::is_upper(word[0]);
  words_[fold(word)] |= proper ? kProper : kCommon;
}

void Gazetteer::load_words(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) add_word(line);
}

void Gazetteer::add_person_name(std::string_view name, PersonName kind) {
  names_[fold(name)] |= kind;
}

// The module keeps the Census lists as here-documents, one name a line in capitals followed by its
// frequencies: "JAMES          3.318  3.318      1".
void Gazetteer::load_census_names(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  int kind = 0;
  while (std::getline(in, line)) {
    if (line.rfind("$COMMON_MALE_FIRSTNAMES", 0) == 0 ||
        line.rfind("$COMMON_FEMALE_FIRSTNAMES", 0) == 0) {
      kind = kFirstName;
    } else if (line.rfind("$COMMON_SURNAMES", 0) == 0) {
      kind = kSurname;
    } else if (line.rfind("ENDNAMES", 0) == 0) {
      kind = 0;
    } else if (kind != 0 && !line.empty() && ascii::is_upper(line[0])) {
      add_person_name(line.substr(0, line.find(' ')), static_cast<PersonName>(kind));
    }
  }
}

std::string Gazetteer::place_name(std::string_view place) const {
  std::string name(place);
  const std::size_t space = name.rfind(' ');
  if (space != std::string::npos) {
    const std::string tail = fold(std::string_view(name).substr(space + 1));
    if (tail == "province" || tail == "region" || tail == "area" ||
        (tail == "city" && !known(name) && city(std::string_view(name).substr(0, space))))
      name.erase(space);
    // ("Jebaliya refugee camp" is filed under the place it is named after)
    const std::size_t before = space == 0 ? std::string::npos : name.rfind(' ', space - 1);
    if (tail == "camp" && before != std::string::npos &&
        fold(std::string_view(name).substr(before + 1, space - before - 1)) == "refugee")
      name.erase(before);
  }
  // "Fla.", "N.Y." (and "Fla", "Ala" where a sentence's end took the period, but not "La", a
  // word of Spanish names, nor "Ga", "Mo" and the like, nor "LA."): the state; "NY", "TX": as
  // the post writes the state
  {
    const bool period = !name.empty() && name.back() == '.';
    const std::string bare = fold(std::string_view(name).substr(0, name.size() - period));
    const auto ap = ap_states_.find(bare);
    const bool capitals =
        std::none_of(name.begin(), name.end(), [](char c) { return ascii::is_lower(c); });
    if (ap != ap_states_.end() && (!capitals || bare.find('.') != std::string::npos) &&
        (period || (bare.size() >= 3 && bare.find('.') == std::string::npos)))
      return ap->second;
    if (name.size() == 2 && ascii::is_upper(name[0]) && ascii::is_upper(name[1])) {
      const auto postal = postal_states_.find(bare);
      if (postal != postal_states_.end()) return postal->second;
    }
  }
  const std::string folded = fold(name);
  if (folded == "washington, d.c." || folded == "washington d.c." || folded == "washington, dc" ||
      folded == "washington dc" || folded == "d.c.")
    return "Washington D.C.";
  std::string country = country_name(name);
  if (country.empty()) country = possessive_country(name);
  return country.empty() ? name : country;
}

std::string Gazetteer::possessive_country(std::string_view word) const {
  if (word.size() < 3 || word.back() != 's' || word.find(' ') != std::string_view::npos ||
      !ascii::is_upper(word[0]))
    return {};
  std::string country = country_name(word.substr(0, word.size() - 1));
  if (country.empty() || known(word)) return {};
  const std::string folded = fold(word);
  if (lexicon(folded) != kUnlisted || person_name(folded) != 0) return {};  // "Frances"
  return country;
}

void Gazetteer::add_company(std::string_view registered) {
  // The words of the name, up to a comma or a bracket; then without the words that say what
  // kind of company it is or what it makes, which leave its own name.
  static const WordSet generic = {"inc",
                                  "corp",
                                  "corporation",
                                  "co",
                                  "company",
                                  "ltd",
                                  "limited",
                                  "llc",
                                  "gmbh",
                                  "ag",
                                  "sa",
                                  "bv",
                                  "nv",
                                  "plc",
                                  "srl",
                                  "spa",
                                  "kg",
                                  "oy",
                                  "ab",
                                  "as",
                                  "asa",
                                  "pty",
                                  "pte",
                                  "kk",
                                  "group",
                                  "holdings",
                                  "international",
                                  "technology",
                                  "technologies",
                                  "electronics",
                                  "systems",
                                  "semiconductor",
                                  "semiconductors",
                                  "communications",
                                  "networks",
                                  "labs",
                                  "industries",
                                  "products",
                                  "enterprises",
                                  "computer",
                                  "computers",
                                  "the"};
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char c : registered) {
    if (c == ',' || c == '(' || c == '/') break;
    if (c == ' ' || c == '\t') {
      flush();
    } else if (c != '.') {
      word += ascii::lower(c);
    }
  }
  flush();
  while (!words.empty() && generic.count(words.back())) words.pop_back();
  if (words.size() != 1 || words[0].size() < 3 || generic.count(words[0]) ||
      !std::all_of(words[0].begin(), words[0].end(),
                   [](char c) { return ascii::is_alpha(c) || c == '-'; }))
    return;
  companies_.insert(words[0]);
}

void Gazetteer::load_company_registry(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return;
  if (line.rfind("Registry,Assignment,Organization Name", 0) == 0) {
    while (std::getline(in, line)) {
      // MA-L,002272,American Micro-Fuel Device Corp.,... (a name with a comma is quoted)
      const std::size_t a = line.find(',');
      const std::size_t b = a == std::string::npos ? a : line.find(',', a + 1);
      if (b == std::string::npos) continue;
      std::string_view name = std::string_view(line).substr(b + 1);
      if (!name.empty() && name.front() == '"') name.remove_prefix(1);
      add_company(name);
    }
    return;
  }
  do {
    // "054c  Sony Corp." (a device's line begins with a tab)
    if (line.size() > 6 && ascii::is_xdigit(line[0]) && line.compare(4, 2, "  ") == 0)
      add_company(std::string_view(line).substr(6));
  } while (std::getline(in, line));
}

void Gazetteer::load_geonames() {
  places_version_ = next_places_version();
  const int n = geonames_get_n_cities();
  // GeoNames names the American capital "Washington, D.C.", so the bare name would otherwise be
  // the English town of that name.
  add("Washington", kBigCity);
  add("Washington D.C.", kBigCity);
  for (const char* name : {"washington", "washington d.c."}) {
    Entry& e = entries_[name];
    e.located_in = country_index_.count("United States") ? country_index_["United States"] : -1;
    e.population = 10000000;
  }
  for (int i = 0; i < n; ++i) {
    GeonamesCity* city = geonames_get_city(i);
    if (!city) continue;
    const std::string name = geonames_city_get_name(city);
    const unsigned population = geonames_city_get_population(city);
    const std::string country = geonames_city_get_country(city);
    geonames_city_free(city);
    // (a state or a province keeps its country against a smaller town of its name abroad:
    // "Florida", "Colorado", "Maryland" are no towns of Cuba, Brazil and Liberia to a paper)
    auto add_city = [&](const std::string& written) {
      add(written, population >= 1000000 ? kBigCity : kCity);
      Entry& e = entries_[key(written)];
      const bool subdivision = (e.kinds & (1u << kSubdivision)) != 0 && e.located_in >= 0;
      if (population > e.population && !(subdivision && population < 1000000)) {
        e.population = population;
        const Entry* c = find(country);
        if (c && c->country >= 0) e.located_in = c->country;
      }
    };
    add_city(name);
    // ("Cap-Haitien" as papers write it too: "Cap Haitien")
    std::string spaced = name;
    std::replace(spaced.begin(), spaced.end(), '-', ' ');
    if (spaced != name) add_city(spaced);
  }
}

const Gazetteer::Entry* Gazetteer::find(std::string_view place) const {
  auto it = entries_.find(key(place));
  return it == entries_.end() || it->second.kinds == 0 ? nullptr : &it->second;
}

std::string Gazetteer::country_name(std::string_view place) const {
  const Entry* e = find(place);
  return e && e->country >= 0 ? countries_[e->country] : std::string();
}

std::string Gazetteer::country_of(std::string_view place) const {
  const Entry* e = find(place);
  return e && e->located_in >= 0 ? countries_[e->located_in] : std::string();
}

std::vector<std::uint16_t> Gazetteer::match(const std::vector<Token>& tokens) const {
  std::vector<std::uint16_t> bits(tokens.size(), 0);
  if (entries_.empty()) return bits;
  std::string phrase;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // Only words that start with an ASCII capital or outside ASCII are looked up: a place's name
    // starts with a capital.
    const unsigned char c = static_cast<unsigned char>(tokens[i].text[0]);
    if (c < 0x80 && !ascii::is_upper(c)) continue;
    phrase.clear();
    std::size_t best_len = 0;
    std::uint8_t best_kinds = 0;
    for (std::size_t len = 1; i + len <= tokens.size(); ++len) {
      if (len > 1) phrase += ' ';
      phrase += tokens[i + len - 1].lower;
      auto it = entries_.find(phrase);
      if (it == entries_.end()) break;
      if (it->second.kinds != 0) {
        best_len = len;
        best_kinds = it->second.kinds;
      }
      if (!it->second.continues) break;
    }
    for (int kind = 0; kind < kKinds; ++kind) {
      if (!(best_kinds & (1u << kind))) continue;
      for (std::size_t j = 0; j < best_len; ++j) {
        const int pos = best_len == 1       ? kUnit
                        : j == 0            ? kBegin
                        : j + 1 == best_len ? kLast
                                            : kInside;
        bits[i + j] |= static_cast<std::uint16_t>(1u << (kind * 4 + pos));
      }
    }
  }
  return bits;
}

}  // namespace morgue::ner
