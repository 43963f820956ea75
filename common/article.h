// One article as every reader produces it and every later stage consumes it, and its record: the
// JSON object stored as the Xapian document data and shown by the searcher.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace morgue {

// Where a piece of metadata came from.
enum class Origin { kSource, kExtracted };

struct Article {
  std::string id;     // stable: the source's id, else the path relative to the archive root
  std::string title;  // may be empty
  std::string text;   // the body, UTF-8
  std::string url;
  std::string outlet;
  std::optional<Date> date;
  Origin date_origin = Origin::kSource;
  std::string date_basis;    // for an extracted date: the kind of line it came from
  std::string outlet_basis;  // for an extracted outlet: the phrase that named it
  // The language, ISO 639-1 ("de"; language.h), and where it came from: "source" (the source
  // declared it), "option" (morgue-index --lang) or "detected" (CLD2, from the text); "" when
  // not known (too little text): such an article is indexed as English.
  std::string lang, lang_origin;
  std::vector<std::string> authors, people, places, organizations, cited;
  // Which lists the source declared, even empty: a declared list is the source's word, and the
  // extractor leaves it alone ("places": [] in a JSON source means no places, not unknown).
  struct Declared {
    bool people = false, places = false, organizations = false, cited = false;
  } declared;
  nlohmann::json extra = nlohmann::json::object();  // source fields morgue does not interpret
  std::string source;                               // absolute path of the file, or "-"
  // The path of the file relative to the archive root ("" outside it, or from standard input):
  // the indexer's path: terms. Not part of the record.
  std::string path;
};

// The stored record (document data). Round-trips through article_from_record.
nlohmann::json to_record(const Article& article);
// Every key to_record may write (the source's own fields are under "extra").
const std::vector<std::string>& record_keys();
Article article_from_record(const nlohmann::json& record);

}  // namespace morgue
