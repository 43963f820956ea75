// The query language of docs/query-language.md: boolean logic over sets of articles, parsed here
// (operators, nesting, fields, dates, names, exact forms) into a Xapian::Query; Xapian's
// QueryParser reads only the text of each word and phrase, so they are split and stemmed exactly
// as the indexer's TermGenerator splits and stems the articles.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/codebook.h"
#include "common/places.h"

namespace morgue {

struct QueryOptions {
  bool any = false;  // bare words optional (OR) instead of all required (AND)
  // --lang: the languages (ISO 639-1) words are stemmed in, instead of every language of the
  // database and English (docs/languages.md)
  std::vector<std::string> langs;
};

// Wildcards expand to at most this many terms (the most frequent ones).
inline constexpr Xapian::termcount kMaxWildcardTerms = 1000;
// Items (words, phrases, filters) one query may hold, and how deep parentheses may nest.
inline constexpr std::size_t kMaxQueryItems = 1000;
inline constexpr std::size_t kMaxQueryDepth = 100;
// Wildcards one query may hold: each reads up to kMaxWildcardTerms words' postings, and matching
// costs their sum (50 of "a*" over Reuters-21578: docs/performance.md).
inline constexpr std::size_t kMaxQueryWildcards = 50;

// A word of the query as text shows it: by its stem (as indexed), as written (=word, lower
// case), or as the start of a word (wildcard, folded).
struct ContextWord {
  enum class Kind { kStem, kForm, kPrefix };
  Kind kind;
  std::string text;
  bool operator==(const ContextWord& o) const { return kind == o.kind && text == o.text; }
};
// One word, or the words of a phrase in order.
using ContextPattern = std::vector<ContextWord>;

struct ParsedQuery {
  Xapian::Query query;
  // The words and phrases a matching article shows in its text (snippets, --kwic): those of
  // bare words and phrases that are not excluded; not filters or headline-only words.
  std::vector<ContextPattern> patterns;
};

class QueryBuilder {
 public:
  // The place table comes from the database (places.h), so place:usa means what it meant when
  // the articles were indexed.
  QueryBuilder(const Xapian::Database& db, const QueryOptions& options);
  ~QueryBuilder();
  // Throws QueryError with the (1-based, in characters) position where `text` goes wrong. With
  // `any`, text that does not parse is searched for its words instead (a search box never fails
  // on punctuation).
  ParsedQuery parse(const std::string& text) const;
  // The query text to build on (a drill-down puts it in parentheses): `text` itself, or with
  // `any`, where it is not well formed (and would be repaired, or read as its words), its
  // search_box_words, so that text put around it cannot change how it is read.
  std::string reading(const std::string& text) const;
  // The database's place table (empty for a database that has none).
  const PlaceTable& places() const;
  // The database's codebook of names (empty for a database that has none).
  const Codebook& codebook() const;
  // After the database was reopened: what the builder read from it is read again when needed.
  void reopened();

  struct State;  // the parsers and the place table (query.cc)

 private:
  ParsedQuery strict(const std::string& text) const;

  std::unique_ptr<State> state_;
};

// A word of a query that spelling may correct (spelling.h): a bare word of letters only, not an
// operator, a field's value, a word of a phrase, an =form, a wildcard or a word excluded by - or
// NOT; `at` is its byte offset in the query text. None for text that does not parse.
struct QueryWord {
  std::size_t at;
  std::string text;  // as written
};
std::vector<QueryWord> plain_words(const std::string& text, bool lenient);
// What --any searches for in text that does not parse: its words, folded, without operators.
std::string search_box_words(const std::string& text);

// The filter that selects the articles a facet entry counts: field:="value" (doubled quotes
// inside), or date:=VALUE for the date.
std::string drilldown_filter(const std::string& field, const std::string& value);

}  // namespace morgue
