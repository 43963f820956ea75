// Query parsing: QueryParser set up from the schema, with field processors for dates, names and
// ids, and the checks that turn a malformed query into a message that says where it is wrong.
#include "common/query.h"

#include <cctype>

#include "common/analysis.h"
#include "common/date.h"
#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"

namespace morgue {
namespace {

using Problem = std::shared_ptr<std::optional<QueryBuilder::FieldProblem>>;

// Thrown inside a field processor and caught before it reaches Xapian's parser.
struct FieldValueError {
  std::string field, value, message;
};

// Runs a processor's body; a FieldValueError is recorded (the first one wins) and the field
// matches nothing, so the parser finishes cleanly and parse() reports the problem.
template <typename F>
Xapian::Query guarded(const Problem& problem, F&& f) {
  try {
    return f();
  } catch (const FieldValueError& e) {
    if (!*problem) *problem = QueryBuilder::FieldProblem{e.field, e.value, e.message};
    return Xapian::Query::MatchNothing;
  }
}

// person:, place:, ...: every folded word of the value must be a word of one of the names.
class NameProcessor : public Xapian::FieldProcessor {
 public:
  NameProcessor(const Field& field, Problem problem) : field_(field), problem_(std::move(problem)) {}
  Xapian::Query operator()(const std::string& value) override {
    return guarded(problem_, [&] {
      std::vector<std::string> terms = name_terms(field_, value);
      if (terms.empty()) throw FieldValueError{std::string(field_.name), value, "empty value"};
      return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    });
  }

 private:
  const Field& field_;
  Problem problem_;
};

class ExactProcessor : public Xapian::FieldProcessor {
 public:
  ExactProcessor(const Field& field, Problem problem) : field_(field), problem_(std::move(problem)) {}
  Xapian::Query operator()(const std::string& value) override {
    return guarded(problem_, [&] {
      if (value.empty()) throw FieldValueError{std::string(field_.name), value, "empty value"};
      if (field_.name == "id") return Xapian::Query(id_term(value));
      return Xapian::Query(std::string(field_.prefix) + value);
    });
  }

 private:
  const Field& field_;
  Problem problem_;
};

// date:2025-03-26, date:2025-03, date:2025, date:A..B, date:..B, date:A..: a disjunction of the
// date terms covering the range (an open end is the first or last date in the database).
class DateProcessor : public Xapian::FieldProcessor {
 public:
  DateProcessor(Problem problem, const Xapian::Database& db) : problem_(std::move(problem)), db_(db) {}
  Xapian::Query operator()(const std::string& value) override {
    return guarded(problem_, [&] { return range(value); });
  }

 private:
  Xapian::Query range(const std::string& value) const {
    auto dots = value.find("..");
    if (dots == std::string::npos) {
      Date d = parse(value, value);
      return terms(sort_key(d), sort_key_end(d));
    }
    std::string from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty()) throw FieldValueError{"date", value, "a range needs at least one end"};
    std::string first = from.empty() ? std::string() : sort_key(parse(from, value));
    std::string last = to.empty() ? std::string() : sort_key_end(parse(to, value));
    if (!first.empty() && !last.empty() && first > last)
      throw FieldValueError{"date", value, "the range ends before it starts"};
    if (first.empty()) first = db_.get_value_lower_bound(kDateSlot);
    if (last.empty()) last = db_.get_value_upper_bound(kDateSlot);
    return terms(first, last);
  }

  static Xapian::Query terms(const std::string& first, const std::string& last) {
    std::vector<std::string> t = range_terms(first, last);
    if (t.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, t.begin(), t.end());
  }

  static Date parse(const std::string& part, const std::string& value) {
    auto d = parse_iso_date(part);
    if (!d) throw FieldValueError{"date", value, "invalid date '" + part + "' (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)"};
    return *d;
  }

  Problem problem_;
  Xapian::Database db_;
};

// Finds "field:" words whose field is not in the schema; Xapian would silently search them as
// words. Returns the 1-based position of the first, or 0.
std::size_t unknown_field_position(const std::string& text, std::string* name) {
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted || !std::isalpha(static_cast<unsigned char>(c))) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_')) continue;
    std::size_t j = i;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
    if (j < text.size() && text[j] == ':' && j + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[j + 1])) &&
        text[j + 1] != '/' && !find_field(std::string_view(text).substr(i, j - i))) {
      *name = text.substr(i, j - i);
      return i + 1;
    }
    i = j;
  }
  return 0;
}

// Xapian's syntax errors name the operator ("Syntax: <expression> AND <expression>") but not
// where it is: the last stand-alone occurrence of that operator is the one left dangling.
std::size_t syntax_error_position(const std::string& text, const std::string& message) {
  const std::string lead = "<expression> ";
  auto start = message.find(lead);
  if (start == std::string::npos) return 0;
  start += lead.size();
  auto end = message.find(' ', start);
  std::string op = message.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (op.empty()) return 0;
  for (std::size_t pos = text.rfind(op); pos != std::string::npos; pos = pos ? text.rfind(op, pos - 1) : std::string::npos) {
    bool before = pos == 0 || std::isspace(static_cast<unsigned char>(text[pos - 1])) || text[pos - 1] == '(';
    std::size_t after = pos + op.size();
    bool behind = after == text.size() || std::isspace(static_cast<unsigned char>(text[after])) || text[after] == ')';
    if (before && behind) return pos + 1;
    if (pos == 0) break;
  }
  return 0;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const QueryOptions& options)
    : stemmer_(make_stemmer()) {
  parser_.set_database(db);
  parser_.set_stemmer(stemmer_);
  parser_.set_stemming_strategy(kQueryStemming);
  parser_.set_default_op(options.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  if (options.any) {
    parser_.set_stopper(&english_stopper());
  }
  any_ = options.any;
  parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  static const std::string kEachFilterAlone;  // "" grouping: repeated filters combine with AND
  for (const Field& field : fields()) {
    const std::string name(field.name);
    const std::string* grouping = field.multi_valued ? &kEachFilterAlone : nullptr;
    switch (field.kind) {
      case FieldKind::kText:
        parser_.add_prefix(name, std::string(field.prefix));
        break;
      case FieldKind::kName:
        parser_.add_boolean_prefix(name, (new NameProcessor(field, problem_))->release(), grouping);
        break;
      case FieldKind::kExact:
        parser_.add_boolean_prefix(name, (new ExactProcessor(field, problem_))->release(), grouping);
        break;
      case FieldKind::kDate:
        parser_.add_boolean_prefix(name, (new DateProcessor(problem_, db))->release(), grouping);
        break;
    }
  }
}

Xapian::Query QueryBuilder::parse(const std::string& text) {
  if (!any_) return parse_strict(text);
  try {
    return parse_strict(text);
  } catch (const QueryError&) {
    // A search box takes text as typed: stray punctuation, a trailing "AND", a "word:" that
    // is no field. Retry with the words alone, as plain optional terms.
    std::string words;
    for (unsigned char c : text) words += (std::isalnum(c) || c >= 0x80 || c == '\'') ? static_cast<char>(c) : ' ';
    if (trim(words).empty()) throw;
    Xapian::Query query = parser_.parse_query(fold(words), 0);
    if (query.empty()) throw;
    return query;
  }
}

Xapian::Query QueryBuilder::parse_strict(const std::string& text) {
  std::string_view q = trim(text);
  if (q.empty()) throw QueryError("empty query (use * to match every article)", 0);
  if (q == "*") return Xapian::Query::MatchAll;
  std::string unknown;
  if (std::size_t pos = unknown_field_position(text, &unknown)) {
    std::string known;
    for (const Field& f : fields()) known += (known.empty() ? "" : ", ") + std::string(f.name);
    throw QueryError("unknown field '" + unknown + "' (fields: " + known + ")", pos);
  }
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
  Xapian::Query query;
  problem_->reset();
  try {
    query = parser_.parse_query(text, flags);
  } catch (const Xapian::QueryParserError& e) {
    throw QueryError(e.get_msg(), syntax_error_position(text, e.get_msg()));
  }
  if (*problem_) {
    const FieldProblem& p = **problem_;
    std::size_t pos = text.find(p.field + ":" + p.value);
    if (pos == std::string::npos) pos = text.find(p.field + ":");
    throw QueryError(p.field + ": " + p.message, pos == std::string::npos ? 0 : pos + 1);
  }
  if (query.empty()) throw QueryError("the query has no words to search for", 1);
  return query;
}

}  // namespace morgue
