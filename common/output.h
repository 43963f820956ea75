// Result formats of morgue-search (text, JSON, JSON Lines, CSV, TSV). Writers get a header, the
// hits one by one, then end(); stdout carries nothing else, so JSON always parses.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

enum class OutputFormat { kText, kJson, kJsonLines, kCsv, kTsv };
std::optional<OutputFormat> output_format_from(std::string_view name);

struct ResultHeader {
  std::string query;          // as the user wrote it
  std::size_t total = 0;      // exact number of matching articles
  std::size_t offset = 0;
  nlohmann::ordered_json manifest;  // what reproduces the result: versions, database, options
};

struct Hit {
  std::size_t rank = 0;       // 1-based, counting the offset
  double score = 0;
  nlohmann::json record;      // the stored article record (article.h)
  std::string snippet;        // highlighted as the writer's style asks
};

struct TextStyle {
  bool colour = false;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void begin(const ResultHeader& header) = 0;
  virtual void hit(const Hit& hit) = 0;
  virtual void end() = 0;
};

// The JSON of one hit, and the JSON result object of SPEC.md with no hits yet (both as the
// json and jsonl formats write them).
nlohmann::ordered_json hit_json(const Hit& hit);
nlohmann::ordered_json result_json(const ResultHeader& header);

std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, std::ostream& out,
                                                 const TextStyle& style);

// One row of a CSV (RFC 4180, CRLF) or TSV table.
void write_row(std::ostream& out, OutputFormat format, const std::vector<std::string>& cells);

// A CSV field quoted as RFC 4180 asks (only when needed).
std::string csv_field(std::string_view value);
// A TSV field: tabs and line breaks become spaces.
std::string tsv_field(std::string_view value);

// ANSI markers the text format puts around matched words when colour is on.
inline constexpr const char* kHighlightStart = "\x1b[1;31m";
inline constexpr const char* kHighlightEnd = "\x1b[0m";

}  // namespace morgue
