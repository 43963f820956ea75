// The country list: iso-codes' names merged with the names news and archives write.
#include "common/places.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/text.h"

namespace morgue {
namespace {

// Each row: the canonical name, then other names. A row that names an ISO country (by its ISO
// name, common name or official name) gives that country its canonical name.
const std::vector<std::vector<const char*>> kCountryNames = {
    {"United States", "U.S.", "US", "U.S.A.", "USA", "America", "the United States",
     "United States of America", "the U.S."},
    {"United Kingdom", "U.K.", "UK", "GB", "Britain", "Great Britain", "the United Kingdom"},
    {"Russia", "Russian Federation"},
    {"Netherlands", "Holland", "the Netherlands"},
    {"Ireland", "Republic of Ireland", "Irish Republic", "Eire"},
    {"Czech Republic", "Czechia"},
    {"Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"},
    {"Vatican", "Holy See (Vatican City State)", "Vatican City", "Holy See"},
    {"Democratic Republic of the Congo", "DR Congo", "DRC", "Congo, The Democratic Republic of the",
     "Congo-Kinshasa"},
    {"Palestine", "Palestine, State of", "Palestinian Territories"},
    {"Micronesia", "Micronesia, Federated States of"},
    {"Turkey", "Türkiye"},
    {"South Korea", "Korea, Republic of", "Republic of Korea", "S. Korea"},
    {"North Korea", "Korea, Democratic People's Republic of", "DPRK", "N. Korea"},
    {"United Arab Emirates", "UAE", "U.A.E."},
    {"Trinidad and Tobago", "Trinidad-Tobago", "Trinidad & Tobago"},
    {"US Virgin Islands", "U.S. Virgin Islands", "Virgin Islands, U.S.",
     "Virgin Islands of the United States", "United States Virgin Islands"},
    {"British Virgin Islands", "Virgin Islands, British"},
    {"Cambodia", "Kampuchea"},
    {"Eswatini", "Swaziland"},
    {"Cape Verde", "Cabo Verde"},
    {"Taiwan", "Taiwan, Province of China"},
    {"Vietnam", "Viet Nam"},
    {"Syria", "Syrian Arab Republic"},
    {"North Macedonia", "Macedonia"},
    {"East Timor", "Timor-Leste"},
    {"Brunei", "Brunei Darussalam"},
    {"Burma", "Myanmar"},
    // Former states, as archives of their time name them.
    {"Soviet Union", "USSR", "U.S.S.R."},
    {"West Germany"},
    {"East Germany"},
    {"Yugoslavia"},
    {"Czechoslovakia"},
    {"Zaire"},
};

// The name a country is best known by: its common name, else its ISO name unless that is an
// inverted one ("Korea, Republic of"), else its official name.
std::string usable_name(const nlohmann::json& c) {
  if (c.contains("common_name")) return c["common_name"].get<std::string>();
  const std::string name = c.value("name", "");
  if (name.find(',') == std::string::npos) return name;
  return c.value("official_name", name);
}

}  // namespace

std::string place_lookup_key(std::string_view name) {
  std::string key;
  for (const std::string& word : name_words(name)) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

std::vector<Country> load_countries(const std::string& iso_folder) {
  std::vector<Country> out;
  std::map<std::string, std::size_t> by_key;  // lookup key of every name -> index in out
  for (const auto& row : kCountryNames) {
    Country c;
    c.canonical = row[0];
    c.names.assign(row.begin() + 1, row.end());
    for (const char* name : row) by_key.emplace(place_lookup_key(name), out.size());
    out.push_back(std::move(c));
  }
  std::ifstream in(iso_folder + "/iso_3166-1.json");
  const nlohmann::json iso = in ? nlohmann::json::parse(in, nullptr, false) : nlohmann::json();
  if (!iso.is_object() || !iso.contains("3166-1") || !iso["3166-1"].is_array()) return out;
  for (const auto& entry : iso["3166-1"]) {
    if (!entry.is_object()) continue;
    std::vector<std::string> names;
    for (const char* field : {"common_name", "name", "official_name"}) {
      if (entry.contains(field) && entry[field].is_string())
        names.push_back(entry[field].get<std::string>());
    }
    if (names.empty()) continue;
    // A row of the list that names this country takes it in; otherwise it is a country of its own.
    std::size_t index = out.size();
    for (const std::string& name : names) {
      if (auto it = by_key.find(place_lookup_key(name)); it != by_key.end()) {
        index = it->second;
        break;
      }
    }
    if (index == out.size()) {
      out.push_back(Country{usable_name(entry), {}, {}, {}});
      by_key.emplace(place_lookup_key(out.back().canonical), index);
    }
    Country& c = out[index];
    for (const std::string& name : names) {
      if (name != c.canonical && std::find(c.names.begin(), c.names.end(), name) == c.names.end())
        c.names.push_back(name);
      by_key.emplace(place_lookup_key(name), index);
    }
    c.alpha_2 = entry.value("alpha_2", "");
    if (entry.contains("alpha_3") && entry["alpha_3"].is_string())
      c.codes.push_back(entry["alpha_3"].get<std::string>());
  }
  return out;
}

namespace {

// Two-letter codes that archives and news use for something else: US states and territories,
// Canadian provinces, English words and abbreviations ("DE" is Delaware, "IN" Indiana and a word,
// "AI" and "TV" are not Anguilla and Tuvalu). These stay words: place:de is no filter on Germany.
bool ambiguous_alpha_2(const std::string& code) {
  static const std::set<std::string> kOther = {
      // US states, the District of Columbia and territories
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
      "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
      "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
      "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI", "UM",
      // Canadian provinces and territories
      "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
      // words and abbreviations
      "AM", "AN", "AT", "BE", "BY", "DO", "GO", "HE", "IF", "IS", "IT", "MY", "NO", "SO", "TO",
      "UP", "WE", "AI", "TV", "PC", "PM", "CD", "ST", "FM", "BA", "SA", "AG", "CV", "IQ", "BT",
      "GM", "MC", "CF", "EH", "ER", "ET", "PS"};
  return kOther.count(code) > 0;  // iso-codes writes them in capitals
}

}  // namespace

PlaceTable::PlaceTable(const std::vector<Country>& countries) {
  // Names first, then codes: a code never takes the place of a country's name ("AND" is
  // Andorra's code; no country is called so, but the rule keeps it that way).
  for (const Country& c : countries) {
    add(c.canonical, c.canonical);
    for (const std::string& name : c.names) add(name, c.canonical);
  }
  for (const Country& c : countries) {
    for (const std::string& code : c.codes) add(code, c.canonical);
  }
  for (const Country& c : countries) {
    if (!c.alpha_2.empty() && !ambiguous_alpha_2(c.alpha_2)) add(c.alpha_2, c.canonical);
  }
}

void PlaceTable::add(std::string_view name, const std::string& canonical) {
  std::string key = place_lookup_key(name);
  if (!key.empty()) canonical_.emplace(std::move(key), canonical);  // the first name wins
}

const std::string* PlaceTable::canonical(std::string_view name) const {
  if (canonical_.empty()) return nullptr;
  auto it = canonical_.find(place_lookup_key(name));
  return it == canonical_.end() ? nullptr : &it->second;
}

std::string PlaceTable::serialise() const {
  // Sorted, so that the same table is the same string (and version) in every process.
  std::map<std::string, std::string> sorted(canonical_.begin(), canonical_.end());
  std::string out;
  for (const auto& [key, name] : sorted) out += key + '\t' + name + '\n';
  return out;
}

PlaceTable PlaceTable::unserialise(std::string_view data) {
  PlaceTable t;
  std::size_t start = 0;
  while (start < data.size()) {
    std::size_t end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    const std::string_view line = data.substr(start, end - start);
    const std::size_t tab = line.find('\t');
    if (tab != std::string_view::npos && tab > 0 && tab + 1 < line.size())
      t.canonical_.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    start = end + 1;
  }
  return t;
}

std::string PlaceTable::version() const {
  const std::string s = serialise();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(s.data(), s.size())));
  return hex;
}

}  // namespace morgue
