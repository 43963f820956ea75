// One search run: open the database once, answer one query or a batch of them (ranked hits,
// exact counts, facets, histograms, a full export or keywords in context) as typed answers
// (answer.h), and have output.h write them in the format asked for.
#pragma once

#include <istream>
#include <ostream>

#include "searcher/options.h"

namespace morgue {

// Exit statuses of morgue-search (SPEC.md).
enum SearchExit { kSearchHits = 0, kSearchNoHits = 1, kSearchError = 2 };

// Checks options that only make sense together; throws Error.
void validate(const SearchOptions& options);

// Runs the search; results to out, per-query errors of a batch to err. Returns the exit status;
// throws Error for anything that stops the whole run.
int run_search(const SearchOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

}  // namespace morgue
