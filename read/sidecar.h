// Sidecar metadata (morgue-index --metadata FILE): a CSV or JSON Lines manifest whose rows give
// fields (date, outlet, url, authors, people, any other) to the articles of one file, or to the
// article of one id. For archives of plain text and pages, whose files carry no metadata.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/article.h"
#include "read/readers.h"

namespace morgue {

// Reads CSV (RFC 4180: fields separated by commas, quoted with "..." where they hold commas,
// quotes (doubled) or line breaks; CRLF or LF; a UTF-8 byte-order mark is skipped), calling
// `row` with the cells of each record and the line it starts on. Throws InputError(file, line,
// ...) for a quoted field that never ends.
void read_csv(std::istream& in, const std::string& file,
              const std::function<void(std::vector<std::string>&&, std::size_t)>& row);

class Sidecar {
 public:
  // Reads the manifests (.csv, else JSON Lines; compressed or not). Each row names its article by
  // a "path" (or "file") column, relative to the manifest's folder or absolute, or by an "id"
  // column; its other columns are fields as in a JSON article (SPEC.md's names and aliases), and
  // in CSV, list fields (authors, people, places, organizations, cited, declared keyword fields)
  // are separated by ";". Rows that cannot be used (no key, a path naming no file, a line that
  // is not JSON) are reported through `sink` as warnings and left out. Throws InputError when a
  // manifest cannot be read at all.
  Sidecar(const std::vector<std::string>& files, ArticleSink& sink);
  bool empty() const { return rows_.empty(); }

  // Gives `a` the fields of the row for its file (its source) or, failing that, its id: the
  // row's fields replace the article's own. Thread-safe.
  void apply(Article& a) const;

  // Warns, through `sink`, about each row that no article of this run had (in manifest order).
  void report_unused(ArticleSink& sink) const;

 private:
  struct Row {
    std::string where;  // file:line
    std::string key;    // as written
    std::string found;  // its key in by_source_ (the file) or by_id_
    bool by_id;
    Article fields;
  };
  void add(nlohmann::json&& object, const std::string& folder, const std::string& where,
           ArticleSink& sink);

  std::vector<Row> rows_;
  std::unordered_map<std::string, std::size_t> by_source_, by_id_;
  std::unique_ptr<std::atomic<bool>[]> used_;
};

}  // namespace morgue
