// Place names from data that Debian installs: countries and their subdivisions from iso-codes
// (iso_3166-1.json, iso_3166-2.json), cities of 15,000 people or more from libgeonames (GeoNames
// data). The tagger uses them as features, never as labels: "Marco", "Flores" and "March" are
// places in some gazetteer, and only context decides. The extractor also uses them to give places
// their canonical names ("U.S." and "America" are "United States") and their country. Beside the
// places, an English word list (Debian's wamerican) tells common words ("plans", "heat") from
// proper names ("Blair", "Nokia"), which says much in Title Case lines, and the 1990 US Census's
// common first names and surnames (in Debian's libtext-names-perl) are features of the tagger for
// names it never saw. Where the files are is the caller's to say (extract.h: ExtractionData).
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/tokens.h"

namespace morgue::ner {

class Gazetteer {
 public:
  enum Kind { kCountry, kSubdivision, kCity, kBigCity };  // big: a million people or more
  static constexpr int kKinds = 4;

  // Everything: the folder of iso-codes' JSON files, libgeonames' cities, the word list and the
  // Census names. A missing source leaves its part empty (the tagger still works).
  static Gazetteer load(const std::string& iso_codes_folder, const std::string& word_list,
                        const std::string& census_names);
  // An empty gazetteer, plus the entries given or loaded (for tests): name -> kind.
  Gazetteer() = default;
  void add(std::string_view name, Kind kind, int country = -1);
  int add_country(const std::string& canonical);

  // Bits per token: bit kind * 4 + BILOU position of every longest gazetteer match covering it.
  std::vector<std::uint16_t> match(const std::vector<Token>& tokens) const;

  // For a place name (any case, any diacritics): the canonical country name when the name is a
  // country or one of its usual names, else empty.
  std::string country_name(std::string_view place) const;
  // The name the extractor files a place under: a country's canonical name; "Hebei" for "Hebei
  // Province", "Darfur" for "Darfur region" and "Jebaliya" for "Jebaliya refugee camp"; "New York"
  // for "New York City" (a city the gazetteer knows by the name without "City" and not by the
  // whole, as it knows "Kansas City"); "Washington D.C." for its other spellings; a country's for
  // its possessive without the apostrophe ("UKs", possessive_country); a state of the United
  // States for its abbreviation ("Fla.", "Fla", "N.Y.", "NY"); else the name as given.
  std::string place_name(std::string_view place) const;
  // "UKs", "Australias" (text that lost its apostrophes: "the UKs largest cable company"): the
  // canonical name of the country a word of one name is with an "s" added, when the gazetteer,
  // the word list and the Census lists know no such word ("Frances" is a name); else empty.
  std::string possessive_country(std::string_view word) const;
  // The country a place lies in (itself for a country; the country of the most populous place of
  // that name otherwise), or empty when the gazetteer does not know the name.
  std::string country_of(std::string_view place) const;
  // Whether the gazetteer knows the name (any case, any diacritics) as a place of any kind.
  bool known(std::string_view place) const { return find(place) != nullptr; }
  // Whether the name is a country's, a subdivision's or a city's of a million people or more, or
  // a city of 100,000 or more: a place a story may name without saying it is one.
  bool major(std::string_view place) const {
    const Entry* e = find(place);
    return e && ((e->kinds & ~(1u << kCity)) != 0 || e->population >= 100000);
  }
  // Whether the name is a city's (of 15,000 people or more), whatever else it names.
  bool city(std::string_view place) const {
    const Entry* e = find(place);
    return e && (e->kinds & (1u << kCity | 1u << kBigCity)) != 0;
  }
  // Whether the name is a city's of a million people or more (or a country's).
  bool big(std::string_view place) const {
    const Entry* e = find(place);
    return e && (e->kinds & (1u << kBigCity | 1u << kCountry)) != 0;
  }
  bool empty() const { return entries_.empty(); }
  // A number no other gazetteer's places, nor these places before a change, ever had: a cache of
  // answers about places keeps it to know when they no longer hold (rules' demonym()).
  std::uint64_t places_version() const { return places_version_; }

  // How the English word list knows a word (folded): as a common word, as a proper name (it is
  // listed capitalized), both ("Bush", "bush"), or not at all.
  enum Lexicon : std::uint8_t { kUnlisted = 0, kCommon = 1, kProper = 2, kBoth = 3 };
  Lexicon lexicon(const std::string& folded) const {
    const auto it = words_.find(folded);
    return it == words_.end() ? kUnlisted : static_cast<Lexicon>(it->second);
  }
  void add_word(std::string_view word);  // as the list writes it: capitalized for a proper name

  // Whether a word (folded) is among the 1990 US Census's common first names or surnames (the
  // lists Debian's libtext-names-perl carries): a feature of the tagger, never a label.
  enum PersonName : std::uint8_t { kFirstName = 1, kSurname = 2 };
  std::uint8_t person_name(const std::string& folded) const {
    const auto it = names_.find(folded);
    return it == names_.end() ? 0 : it->second;
  }
  void add_person_name(std::string_view name, PersonName kind);

  // Whether a word (folded) is a company's whole name in the registries of hardware makers
  // (IEEE's assignments of MAC address blocks, the USB and PCI vendor lists): "Sony Corporation",
  // "Nokia Corp." and "Philips Semiconductors" give "sony", "nokia" and "philips". Names of more
  // than one word beside their legal form or trade ("Texas Instruments") give none.
  bool company(const std::string& folded) const { return companies_.count(folded) > 0; }
  std::size_t companies() const { return companies_.size(); }
  // A registry's name for a company, as the registry writes it ("SAMSUNG ELECTRONICS CO.,LTD").
  void add_company(std::string_view registered);
  // IEEE's oui.csv (Registry,Assignment,Organization Name,...) or a usb.ids / pci.ids file
  // (vendor lines: four hex digits, two spaces, the name), told apart by the first line.
  void load_company_registry(const std::string& path);

  // The parts load() reads; a file or folder that cannot be read adds nothing.
  void load_iso_codes(const std::string& folder);  // countries under places.h's canonical names
  void load_geonames();
  void load_words(const std::string& path);  // one word a line, proper names capitalized
  // Perl's Text::Names module (Names.pm), which keeps the Census lists as here-documents.
  void load_census_names(const std::string& path);

 private:
  struct Entry {
    std::uint8_t kinds = 0;
    int country = -1;         // index into countries_ when the name is a country
    int located_in = -1;      // the country of the place named
    unsigned population = 0;  // of the most populous place of that name
    // The words are the first of a longer name's ("new" of "new york"): match() reads on. An
    // entry with no kinds is only that, and find() does not see it.
    bool continues = false;
  };
  static std::string key(std::string_view name);
  const Entry* find(std::string_view place) const;

  // The four big tables (hundreds of thousands of names) are Abseil's flat tables: a look-up
  // reads one group of slots where std::unordered_map chases a bucket and a node
  // (docs/extraction.md, Speed: issue 17's).
  absl::flat_hash_map<std::string, Entry> entries_;     // key: folded words joined by single spaces
  std::unordered_map<std::string, int> country_index_;  // canonical name -> index
  // The states of the United States by their abbreviations (folded, without a final period):
  // AP style's ("fla", "n.y") and the two-letter postal codes ("ny"), apart
  std::unordered_map<std::string, std::string> ap_states_, postal_states_;
  std::vector<std::string> countries_;
  absl::flat_hash_map<std::string, std::uint8_t> words_;  // folded word -> Lexicon bits
  absl::flat_hash_map<std::string, std::uint8_t> names_;  // folded name -> PersonName bits
  absl::flat_hash_set<std::string> companies_;            // folded one-word company names
  std::uint64_t places_version_ = 0;  // new with each change to the places (entries_, countries_)
};

}  // namespace morgue::ner
