// The query language of SPEC.md on top of Xapian's QueryParser, configured from the schema table:
// field prefixes, date: ranges, name fields matched regardless of case and diacritics.
#pragma once

#include <xapian.h>

#include <string>

namespace morgue {

struct QueryOptions {
  bool any = false;  // bare words optional (OR) instead of all required (AND)
};

// Wildcards expand to at most this many terms (the most frequent ones).
inline constexpr Xapian::termcount kMaxWildcardTerms = 1000;

class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, const QueryOptions& options);
  // Throws QueryError with the position where `text` goes wrong.
  Xapian::Query parse(const std::string& text);
  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  Xapian::QueryParser parser_;
  Xapian::Stem stemmer_;
};

}  // namespace morgue
