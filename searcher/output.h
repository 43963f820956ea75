// Every format's view of search answers (answer.h): one query's result, a batch, an export,
// keywords in context, as text, JSON, JSON Lines, CSV or TSV. Answers reach stdout through here
// alone, so JSON always parses (beside it, stdout carries only what is no answer: --help, the
// interactive session's prompts and pages, completions).
#pragma once

#include <algorithm>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/answer.h"
#include "searcher/kwic.h"
#include "searcher/options.h"

namespace morgue {

class Output {
 public:
  Output(const SearchOptions& options, std::ostream& out) : o_(options), out_(out) {}

  // One query, outside --batch.
  void answer(const Answer& a, const Manifest& m);
  // --batch: each line's answer (or error) as it comes, then the end.
  void batch_answer(const Answer& a);
  void batch_end(const Manifest& m);
  // --export: the header, then one row per article record.
  void export_begin(const std::vector<std::string>& columns);
  void export_row(const nlohmann::json& record);
  // --coverage: each story and its articles.
  void coverage(const Coverage& c, const Manifest& m);
  // --kwic: one line per occurrence.
  void kwic_begin();
  void kwic_line(const std::string& id, const KwicLine& k);

  // --list-fields: the fields a query can name, with their kind and how many articles have them
  // (nullopt when that is not counted).
  struct FieldRow {
    std::string name, kind;
    bool declared;
    std::optional<Xapian::doccount> articles;
  };
  void fields(const std::vector<FieldRow>& rows);

  // Whether an answer's output carries its suggestion (a JSON object for the query); when not,
  // the searcher says it on standard error.
  bool carries_suggestion(bool batch) const;
  // Whether the answer's format says how many undated matches --sort date listed last (text and
  // JSON do; a CSV or JSON Lines list of hits has no place for it, and the note goes to stderr).
  bool carries_undated_last() const;
  // --interactive: a page of hits with the total and the facets, each value numbered ([f3]) in
  // the order of the answer's facets and their entries; one article in full, from its record
  // with "text".
  void page(const Answer& a);
  void article(const nlohmann::json& record);
  // Text lines longer than `columns` are wrapped at spaces (0: the options' width, as in every
  // other mode).
  void set_width(std::size_t columns) { width_ = columns; }

  // Whether output can still be written (false once stdout is closed or full): long runs stop.
  bool ok() const { return static_cast<bool>(out_); }

 private:
  nlohmann::ordered_json manifest_json(const Manifest& m, const std::string& parsed) const;
  nlohmann::ordered_json result_object(const Answer& a, bool with_hits) const;
  void hits_text(const Answer& a);
  void research_text(const Answer& a);
  void table_header();
  void table_rows(const Answer& a);
  void row(const std::vector<std::string>& cells);
  std::string cell(std::string_view value) const;
  void line(const std::string& text, std::size_t indent);
  std::string meta(const nlohmann::json& record) const;
  // The columns text output is laid out in: set_width()'s, else the options' (at least kMinWidth).
  std::size_t text_width() const { return width_ ? width_ : std::max(o_.width, kMinWidth); }

  const SearchOptions& o_;
  std::ostream& out_;
  bool header_done_ = false;
  std::vector<std::string> export_columns_;
  std::size_t batch_count_ = 0;
  std::size_t width_ = 0;
};

// The JSON of one hit (json and jsonl).
nlohmann::ordered_json hit_json(const Hit& hit);

// A CSV field quoted as RFC 4180 asks (only when needed); a TSV field with tabs and line breaks
// as spaces.
std::string csv_field(std::string_view value);
std::string tsv_field(std::string_view value);
// A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
// with a ' in front, as OWASP advises; --raw-csv turns this off.
std::string guard_formula(std::string_view value);

// `text` (one line) in lines of at most `width` columns, broken at spaces, each after the first
// starting with `indent` spaces; a word longer than a line is cut. Leading spaces stay; runs of
// spaces where a line is broken go. Width 0: the line as it is.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t indent);

// ANSI markers the text format puts around matched words when colour is on.
inline constexpr const char* kHighlightStart = "\x1b[1;31m";
inline constexpr const char* kHighlightEnd = "\x1b[0m";

}  // namespace morgue
