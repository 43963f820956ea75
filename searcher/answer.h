// What a search answers, typed: the hits, exact counts, facet values and histogram rows of one
// query, and what reproduces them. search.cc computes answers; output.cc renders every format's
// view of them. Nothing here is formatted.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

struct Hit {
  std::size_t rank = 0;  // 1-based, counting the offset
  double score = 0;
  nlohmann::json record;  // the stored article record (article.h), without its text
  std::string snippet;    // highlighted as the output's style asks
  std::string copy;       // its copy group (indexer/copies.h), "" for an article without text
  std::string story;      // its story (indexer/stories.h), "" for an article without text
  // --collapse copies|stories: the group's other matching articles, collapsed into this hit.
  std::optional<Xapian::doccount> other_versions;
};

struct FacetEntry {
  std::string value;           // the most frequent form of the value among the matches
  Xapian::doccount count = 0;  // matching articles with this value
  std::string filter;          // a query filter selecting exactly those articles (drilldown_filter)
  // A place the place table knows under another name: that canonical name ("United States" for
  // Reuters' "usa"; the value stays the source's form, as the contract shows facet values).
  std::string canonical;
};

struct FacetCounts {
  std::string field;
  std::vector<FacetEntry> entries;  // most frequent first, at most --facet-limit
};

struct HistogramRow {
  std::string period;                // "2025-03-26", "2025-W13", "2025-03", "2025", or "undated"
  std::optional<std::string> group;  // with --by: the value (most frequent form)
  Xapian::doccount count = 0;
  std::optional<Xapian::doccount> all;  // with --normalize: every article of the period and group
};

struct HistogramCounts {
  std::vector<HistogramRow> rows;  // every period from the first to the last, zeros included
  // Matching articles without a date as precise as the period (per group with --by), as rows
  // whose period is "undated"; the total counts each article once.
  std::vector<HistogramRow> undated;
  Xapian::doccount undated_total = 0;
};

struct Answer {
  std::string name, query;     // as given (name = query outside --batch)
  std::string parsed;          // Xapian's description of the parsed query
  Xapian::doccount total = 0;  // exact
  std::vector<Hit> hits;
  std::vector<FacetCounts> facets;  // in the order asked
  std::optional<HistogramCounts> histogram;
  std::optional<Xapian::doccount> undated_last;  // --sort date: matches without a date, listed last
  std::optional<double> elapsed_ms;              // --timings
  std::optional<std::string> error;              // a batch line that could not be answered
  // "Did you mean": the query with its unknown words corrected (spelling.h), when that finds
  // articles.
  std::optional<std::string> suggestion;
};

// What reproduces an answer besides the options: the database as it was read.
// --coverage: a story's articles by date, and who ran copies of whose text.
struct CoverageArticle {
  std::string id, date, outlet, title;  // date "" when undated
  std::string copy;                     // its copy group
  bool copied = false;  // an earlier article of the story (by date) is of its copy group
};
struct StoryCoverage {
  std::string story;  // its id (story:ID)
  std::string
      label;  // its headline: the one its articles carry most often (the earliest of equals)
  std::string first_seen, last_seen;      // the dates of its first and last dated articles
  Xapian::doccount matching = 0;          // its articles that match the query
  std::size_t outlets = 0;                // distinct outlets among its articles
  std::size_t copies = 0;                 // its articles that are copies of an earlier one
  std::vector<CoverageArticle> articles;  // by date, the undated last
};
struct Coverage {
  Xapian::doccount total = 0;  // stories with a matching article (exact)
  std::size_t offset = 0;
  std::vector<StoryCoverage> stories;  // those asked for: most matching articles first
};

struct Manifest {
  std::string database_uuid;
  std::optional<Xapian::rev> revision;  // one database; none for a stub of shards
  Xapian::doccount articles = 0;
  // The codebook of names the articles are filed by (codebook.h): its file and the SHA-256 of
  // the text the database keeps; empty for none.
  std::string codebook_file, codebook_sha256;
};

}  // namespace morgue
