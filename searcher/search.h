// One search run: open the database once, answer one query or a batch of them (ranked hits,
// exact counts, facets, histograms, a full export or keywords in context), and write the results
// in the format asked for.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common/analysis.h"
#include "common/date.h"
#include "common/facets.h"
#include "common/output.h"

namespace morgue {

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

struct SearchOptions {
  std::string db;
  std::string query;
  bool any = false;
  SortOrder sort = SortOrder::kRelevance;
  std::size_t limit = 10;
  bool limit_given = false;  // batches show hits only when asked
  std::size_t offset = 0;
  OutputFormat format = OutputFormat::kText;
  bool colour = false;
  bool allow_remote_programs = false;
  std::size_t snippet_length = 200;
  double bm25_k1 = kBm25K1;         // BM25 term-frequency saturation
  double bm25_b = kBm25B;           // BM25 length normalisation
  // research
  std::vector<std::string> facets;  // field names: outlet, person, place, org, author, cited, date
  std::size_t facet_limit = 10;     // 0: every value
  bool count = false;
  std::optional<Period> histogram;
  std::optional<std::string> by;    // split histogram periods by this field
  bool normalize = false;
  std::optional<Date> from, to;     // histogram range (default: the range of the matches)
  std::optional<std::string> batch;  // file of queries, "-" for standard input
  bool timings = false;              // batch results carry the time each query took
  bool export_all = false;
  std::vector<std::string> fields;   // export columns
  std::optional<std::size_t> kwic;   // context width in characters
};

// Exit statuses of morgue-search (SPEC.md).
enum SearchExit { kSearchHits = 0, kSearchNoHits = 1, kSearchError = 2 };

// Checks options that only make sense together; throws Error.
void validate(const SearchOptions& options);

// Runs the search; results to out, per-query errors of a batch to err. Returns the exit status;
// throws Error for anything that stops the whole run.
int run_search(const SearchOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace morgue
