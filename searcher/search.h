// One search run: open the database once, answer one query or a batch of them (ranked hits,
// exact counts, facets, histograms, a full export or keywords in context) as typed answers
// (answer.h), and have output.h write them in the format asked for.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "searcher/answer.h"
#include "searcher/options.h"

namespace morgue {

// Exit statuses of morgue-search (SPEC.md).
enum SearchExit { kSearchHits = 0, kSearchNoHits = 1, kSearchError = 2 };

// Checks options that only make sense together; throws Error.
void validate(const SearchOptions& options);

// One open database answering many queries in turn: the session of --interactive
// (interactive.h). The options (facets, sort, ranking) are read at every answer and must outlive
// the session.
class Searcher;
class SearchSession {
 public:
  SearchSession(const SearchOptions& options, std::ostream& out, std::ostream& err);
  ~SearchSession();
  // Hits offset+1 to offset+limit of `query`, its exact total and the facets the options ask
  // for. Throws QueryError where the query does not parse.
  Answer answer(const std::string& query, std::size_t offset, std::size_t limit);
  // The query text an answer reads for `query` (QueryBuilder::reading).
  std::string reading(const std::string& query) const;
  // The stored record of the article `id`, with its "text"; nullopt when there is none.
  std::optional<nlohmann::json> article(const std::string& id);

 private:
  std::unique_ptr<Searcher> searcher_;
};

// Runs the search; results to out, per-query errors of a batch to err. Returns the exit status;
// throws Error for anything that stops the whole run.
int run_search(const SearchOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

}  // namespace morgue
