// One name per place: the countries of iso-codes (Debian's /usr/share/iso-codes/json) under
// their canonical names, with the other names news and archives give them ("US", "USA", "U.S.",
// "America", "United States of America"; Reuters' "west-germany"; ISO 3166 alpha-3 codes, and
// alpha-2 codes that are not also a US state, a province or a word: "FR", not "DE" or "IN"). The
// indexer files every place under its canonical name and stores the table in the database, so
// that the searcher resolves place:usa exactly as the articles were indexed.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace morgue {

struct Country {
  std::string canonical;           // "United States"
  std::vector<std::string> names;  // its other names, as written ("U.S.", "America", ...)
  std::vector<std::string> codes;  // ISO 3166 alpha-3 ("USA"): for declared places, not text
  std::string alpha_2;             // "US" (iso-codes' key for subdivisions), "" for former states
};

// The countries of iso_3166-1.json in `iso_folder`, merged with morgue's list of the names news
// writes (where a country appears in both, the list's canonical name wins: "South Korea", not
// "Korea, Republic of"). A missing or unreadable folder gives the list alone.
std::vector<Country> load_countries(const std::string& iso_folder);

class PlaceTable {
 public:
  PlaceTable() = default;  // knows no place: every name is its own
  explicit PlaceTable(const std::vector<Country>& countries);

  // The canonical name of a place the table knows by any of its names or codes (case,
  // diacritics and punctuation aside: the name's words decide), or nullptr.
  const std::string* canonical(std::string_view name) const;
  bool empty() const { return canonical_.empty(); }

  // The table as a string (stored as database metadata), and back; an empty or unreadable string
  // gives the empty table. The version is a hash of the table: articles indexed with another
  // table are indexed again.
  std::string serialise() const;
  static PlaceTable unserialise(std::string_view data);
  std::string version() const;

 private:
  void add(std::string_view name, const std::string& canonical);
  std::unordered_map<std::string, std::string> canonical_;  // name words joined by spaces -> name
};

// The key the table looks names up by: the name's words (name_words) joined by single spaces.
std::string place_lookup_key(std::string_view name);

}  // namespace morgue
