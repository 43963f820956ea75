// The seam where metadata extraction plugs in: the indexer hands every article to an Extractor,
// which fills in what the source did not give (date, outlet, people, places, organizations) and
// never overwrites what it did.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/language.h"

namespace morgue {

class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual void complete(Article& article) const = 0;
  // Names what complete() does (the code and model): the indexer extracts an article whose input
  // has not changed again only when this differs from the version that extracted it.
  virtual std::string version() const = 0;
};

// Whether extraction finds names (people, places, organizations, outlets) in an article in
// language `lang` (ISO 639-1; "" not known): the rules and the tagger read English only.
inline bool reads_names(const std::string& lang) {
  return lang.empty() || lang == kDefaultLanguage;
}

// The files extraction reads: given to it, never looked up by it (the indexer's main reads the
// environment, MORGUE_DATA and MORGUE_ISO_CODES, into these).
struct ExtractionData {
  std::string model;             // the tagger's weights (data/ner.model)
  std::string iso_codes_folder;  // iso-codes' JSON files: countries and their subdivisions
  std::string word_list;         // English words, one a line, proper names capitalized
  std::string census_names;      // the Census first names and surnames of Perl's Text::Names
  std::string locale_folder;     // gettext catalogs: iso-codes' and libgeonames' translations
  // Registries of companies' names: IEEE's oui.csv, usb.ids, pci.ids (gazetteer.h: company)
  std::vector<std::string> company_registries;
};

// The model's file name in a data folder.
inline constexpr const char* kModelFile = "ner.model";

// The built-in places: the model in the data folder of the source tree the binaries were built
// from when it is there, else in the installed one; Debian's paths for the rest (iso-codes,
// wamerican, libtext-names-perl).
ExtractionData default_extraction_data();

// The extractor the indexer uses unless told otherwise (--no-extract gives none); it loads the
// model and the gazetteer once. Throws std::runtime_error when the model cannot be read.
std::unique_ptr<Extractor> make_default_extractor(const ExtractionData& data);

}  // namespace morgue
