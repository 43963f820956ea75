// Places an article names in its own language, for the articles the English tagger does not read
// (extract.cc): countries by the names ICU's locale data gives them in that language ("Russland",
// "Россия") and by iso-codes' translations of their ISO names (iso_3166-1.mo: "Russische
// Föderation"), cities by libgeonames' translations (geonames.mo, keyed by GeoNames id, the
// English catalog naming each id). Every place is filed under the English name the gazetteer
// gives it, so that a facet counts Moscow once whatever language named it. Words are compared by
// their Snowball stems in the article's language ("в Москве" is Moscow); Chinese, Japanese, Thai
// and the other languages written without spaces between words are searched for the names as
// written. How well: docs/languages.md.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/gazetteer.h"

namespace morgue::ner {

// The messages of a gettext catalog (a .mo file): (id, translation) pairs, the header (the empty
// id) left out; empty when the file cannot be read or is no catalog.
std::vector<std::pair<std::string, std::string>> read_catalog(const std::string& path);

class NativePlaces {
 public:
  // `locale_folder` holds the catalogs (/usr/share/locale: LANG/LC_MESSAGES/NAME.mo); the
  // gazetteer gives countries their canonical names and tells major places from small towns.
  NativePlaces(std::string locale_folder, std::string iso_codes_folder, const Gazetteer& gazetteer);

  // The places `text` names in language `lang` (ISO 639-1), by their English names, each once, in
  // the order of their first mention. A city is a city of 100,000 people or more (Gazetteer::
  // major); one named by a single word only where a sentence opens is left out, unless the text
  // names it elsewhere too (a capital there says nothing), and so is a name that is one of the
  // language's function words (Spanish "Como"). Where a script has no capitals, a city of one
  // word is a place only after a preposition of place (Arabic, Persian) unless it has a million
  // people; Arabic's conjunctions and prepositions written onto a word are read apart
  // ("وفرنسا", and France; "بالقاهرة", in Cairo).
  std::vector<std::string> find(std::string_view text, const std::string& lang) const;

  // How many names the table of a language holds (loading it): for tests and docs.
  std::size_t names(const std::string& lang) const { return table(lang).as_written.size(); }

 private:
  struct Name {
    std::string place;  // the English name
    bool country = false;
    std::size_t letters = 0;  // of its folded words, a space between two counted as one
    // A city of one word in a script without capitals and of fewer than a million people: any
    // word may be its name ("الجديدة", El Jadida, is "the new"), so it needs a word before it
    // that says it is a place ("في", in).
    bool needs_locative = false;
  };
  struct Table {
    std::string stemmer;  // Xapian's name of the language's stemmer, "none" for none
    bool spaced = true;   // words apart: names are matched by tokens, else as substrings
    // Folded words joined by single spaces (a name as written where words are not apart).
    std::unordered_map<std::string, Name> as_written;
    // The words' keys (a stem, or the word where its stem is short) joined by single spaces.
    std::unordered_map<std::string, Name> by_stem;
    std::size_t longest = 1;  // in tokens
  };
  const Table& table(const std::string& lang) const;
  std::unique_ptr<Table> load(const std::string& lang) const;

  std::string locale_folder_, iso_codes_folder_;
  const Gazetteer& gazetteer_;
  mutable std::mutex mutex_;  // the preparing threads share the tables, loaded as first asked
  mutable std::unordered_map<std::string, std::string> country_by_code_;  // "RU" -> "Russia"
  mutable std::unordered_map<std::string, std::unique_ptr<Table>> tables_;
};

}  // namespace morgue::ner
