// Preparing an article: its metadata completed by the extractor and its document built, unless
// the database already holds the same input extracted by the same version.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/document.h"
#include "extract/extract.h"
#include "indexer/indexer.h"

namespace morgue {

// The folder at `depth` (1: the first) of a file path relative to the archive root ("a/b/c.txt":
// 1 -> "a", 2 -> "b", 3 -> none: c.txt is the file), for --path-field.
std::optional<std::string> path_folder(std::string_view path, int depth);

// Settles an article's language (language.h): the one its source declares, as an ISO 639-1
// code, else `fallback` (--lang) if given, else the one detected in its title and text, else
// none. A declared value that names no language is dropped. Whether the article changed.
bool settle_language(Article& a, const std::string& fallback);

// What a worker makes of one article.
struct Prepared {
  std::string term;        // the id term
  bool unchanged = false;  // the same input as the database holds, extracted by the same version
  // The id is the file's path (or "path#N"), not the source's own: the article can move with it.
  bool id_from_path = false;
  Xapian::Document doc;
  SpellingWords spelling;  // the document's words for the spelling data
  std::string line;        // --extract-only: the JSON line to print
};

// One per thread. With a database to look in (`lookup`), an article whose input and extractor
// version are those stored is neither extracted nor built again.
class Preparer {
 public:
  Preparer(const IndexOptions& options, const Extractor* extractor, Xapian::Database* lookup);
  Prepared prepare(Article&& a);

 private:
  std::string stored_input(const std::string& term);

  const IndexOptions& options_;
  const Extractor* extractor_;
  Xapian::Database* lookup_;
  const std::string version_;
  DocumentBuilder builder_;
};

}  // namespace morgue
