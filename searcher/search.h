// One search run: open the database, parse the query, rank or sort, and write the results in the
// format asked for.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "common/output.h"

namespace morgue {

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

struct SearchOptions {
  std::string db;
  std::string query;
  bool any = false;
  SortOrder sort = SortOrder::kRelevance;
  std::size_t limit = 10;
  std::size_t offset = 0;
  OutputFormat format = OutputFormat::kText;
  bool colour = false;
  bool allow_remote_programs = false;
  std::size_t snippet_length = 200;
};

// Exit statuses of morgue-search (SPEC.md).
enum SearchExit { kSearchHits = 0, kSearchNoHits = 1, kSearchError = 2 };

// Runs one search; results to out. Returns kSearchHits or kSearchNoHits; throws Error.
int run_search(const SearchOptions& options, std::ostream& out);

}  // namespace morgue
