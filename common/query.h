// The query language of SPEC.md on top of Xapian's QueryParser, configured from the schema table:
// field prefixes, date: ranges, name fields matched regardless of case and diacritics.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
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
  // Throws QueryError with the position where `text` goes wrong. With `any`, text that does
  // not parse is searched for its words instead (a search box never fails on punctuation).
  Xapian::Query parse(const std::string& text);
  const Xapian::Stem& stemmer() const { return stemmer_; }

  // A field value that cannot be used (an invalid date...). Field processors record the first
  // one and return an empty query: an exception thrown through Xapian's parser leaks its state.
  struct FieldProblem {
    std::string field, value, message;
  };

 private:
  Xapian::Query parse_strict(const std::string& text);

  bool any_ = false;
  std::shared_ptr<std::optional<FieldProblem>> problem_ = std::make_shared<std::optional<FieldProblem>>();
  Xapian::QueryParser parser_;
  Xapian::Stem stemmer_;
};

}  // namespace morgue
