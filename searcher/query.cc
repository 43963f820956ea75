// Query parsing: a lexer and a recursive-descent parser for the boolean structure of
// docs/query-language.md; field values by the schema; words and phrases by Xapian's QueryParser.
#include "searcher/query.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "common/analysis.h"
#include "common/ascii.h"
#include "common/codebook.h"
#include "common/date.h"
#include "common/error.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/units.h"

namespace morgue {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Ends a word: a space, a parenthesis or a quote.
bool ends_word(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

// The 1-based character position of byte `at` in `text`.
std::size_t char_position(const std::string& text, std::size_t at) {
  return utf8_characters(std::string_view(text).substr(0, at)) + 1;
}

enum class Tok {
  kWord,
  kPhrase,
  kField,
  kForm,
  kStar,
  kOpen,
  kClose,
  kAnd,
  kOr,
  kXor,
  kNot,
  kNear,
  kPlus,
  kMinus,
  kEnd
};

struct Token {
  Tok kind;
  std::size_t at;    // byte offset in the query
  std::string text;  // a word as written, a phrase's words, a field's value, "NEAR/3"
  const Field* field = nullptr;
  bool exact = false;  // field:=value
};

// Thrown while parsing, at a byte offset; parse() turns it into a QueryError at a character.
struct SyntaxError {
  std::size_t at;
  std::string message;
};

// A quoted string from `at` (the opening quote); "" inside stands for one quote. Returns the
// offset after the closing quote.
std::size_t read_quoted(const std::string& q, std::size_t at, std::string* out, bool lenient) {
  for (std::size_t i = at + 1; i < q.size(); ++i) {
    if (q[i] != '"') {
      *out += q[i];
      continue;
    }
    if (i + 1 < q.size() && q[i + 1] == '"') {
      *out += '"';
      ++i;
      continue;
    }
    return i + 1;
  }
  if (lenient) return q.size();  // a search box: the phrase runs to the end
  throw SyntaxError{at, "'\"' is never closed"};
}

// `lenient` (--any): what would be an error is read as words instead (an unknown field, a field
// without a value, an unclosed quote).
std::vector<Token> lex(const std::string& q, bool lenient) {
  std::vector<Token> out;
  std::size_t i = 0;
  const std::size_t n = q.size();
  while (i < n) {
    const char c = q[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Tok::kOpen : Tok::kClose, i, std::string(1, c)});
      ++i;
      continue;
    }
    if (c == '"') {
      Token t{Tok::kPhrase, i, ""};
      i = read_quoted(q, i, &t.text, lenient);
      out.push_back(std::move(t));
      continue;
    }
    // + and - are operators at the start of an item ("e-mail" is a word), right before it.
    const bool item_start = i == 0 || is_space(q[i - 1]) || q[i - 1] == '(';
    if ((c == '+' || c == '-') && item_start && i + 1 < n && !is_space(q[i + 1]) &&
        q[i + 1] != ')') {
      out.push_back({c == '+' ? Tok::kPlus : Tok::kMinus, i, std::string(1, c)});
      ++i;
      continue;
    }
    // field:value, where the field is a name of letters, digits and underscores.
    if (ascii::is_alpha(c) || c == '_') {
      std::size_t j = i;
      while (j < n && (ascii::is_alnum(q[j]) || q[j] == '_')) ++j;
      if (j < n && q[j] == ':') {
        const std::string name = q.substr(i, j - i);
        const Field* field = find_field(name);
        std::size_t v = j + 1;
        if (field) {
          Token t{Tok::kField, i, "", field};
          if (v < n && q[v] == '=') {
            t.exact = true;
            ++v;
          }
          if (v == n || ends_word(q[v])) {
            if (v < n && q[v] == '"') {
              v = read_quoted(q, v, &t.text, lenient);
            } else if (lenient) {
              out.push_back({Tok::kWord, i, name});
              i = j + 1;
              continue;
            } else {
              throw SyntaxError{
                  i, name + ": needs a value right after the colon (" +
                         (name == "date" ? std::string("date:1987, date:1987-03, "
                                                       "date:1987-03..1987-06")
                                         : name + ":word or " + name + ":\"some words\"") +
                         ")"};
            }
          } else {
            std::size_t e = v;
            while (e < n && !ends_word(q[e])) ++e;
            t.text = q.substr(v, e - v);
            v = e;
          }
          out.push_back(std::move(t));
          i = v;
          continue;
        }
        // "word:" followed by more than a space or "//" (a URL) names a field that does not
        // exist; Xapian would search the words, silently.
        if (v < n && !ends_word(q[v]) && q[v] != '/' && !lenient) {
          std::string known;
          for (const Field& f : fields())
            known += (known.empty() ? "" : ", ") + std::string(f.name);
          throw SyntaxError{i, "unknown field '" + name + "' (fields: " + known + ")"};
        }
      }
    }
    if (c == '=' && i + 1 < n && !ends_word(q[i + 1])) {
      std::size_t e = i + 1;
      while (e < n && !ends_word(q[e])) ++e;
      out.push_back({Tok::kForm, i, q.substr(i + 1, e - i - 1)});
      i = e;
      continue;
    }
    if (c == '=' && i + 1 < n && q[i + 1] == '"' && !lenient)
      throw SyntaxError{i, "= takes one word (=word), not a phrase"};
    std::size_t e = i;
    while (e < n && !ends_word(q[e])) ++e;
    std::string w = q.substr(i, e - i);
    Tok kind = Tok::kWord;
    auto near = [&](const char* op) {
      const std::size_t len = std::char_traits<char>::length(op);
      if (w.compare(0, len, op) != 0) return false;
      if (w.size() == len) return true;
      if (w[len] != '/' || w.size() == len + 1 || w.size() > len + 4) return false;
      return std::all_of(w.begin() + static_cast<std::ptrdiff_t>(len) + 1, w.end(),
                         [](char d) { return ascii::is_digit(d); });
    };
    if (w == "AND")
      kind = Tok::kAnd;
    else if (w == "OR")
      kind = Tok::kOr;
    else if (w == "XOR")
      kind = Tok::kXor;
    else if (w == "NOT")
      kind = Tok::kNot;
    else if (near("NEAR") || near("ADJ"))
      kind = Tok::kNear;
    else if (w == "*")
      kind = Tok::kStar;
    out.push_back({kind, i, std::move(w)});
    i = e;
  }
  out.push_back({Tok::kEnd, n, ""});
  return out;
}

bool starts_item(Tok t) {
  return t == Tok::kWord || t == Tok::kPhrase || t == Tok::kField || t == Tok::kForm ||
         t == Tok::kStar || t == Tok::kOpen || t == Tok::kPlus || t == Tok::kMinus;
}
bool ends_item(Tok t) {
  return t == Tok::kWord || t == Tok::kPhrase || t == Tok::kField || t == Tok::kForm ||
         t == Tok::kStar || t == Tok::kClose;
}

// --any: the tokens as a search box reads them: unbalanced parentheses balanced, empty ones and
// operators without their operands dropped (as words they would be function words anyway).
std::vector<Token> repair(std::vector<Token> tokens) {
  std::vector<Token> out;
  std::size_t open = 0;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {  // the last token is kEnd
    Token& t = tokens[i];
    if (t.kind == Tok::kClose) {
      if (open == 0) continue;
      if (!out.empty() && out.back().kind == Tok::kOpen) {
        out.pop_back();
        --open;
        continue;
      }
      --open;
    }
    if (t.kind == Tok::kOpen) ++open;
    out.push_back(std::move(t));
  }
  for (; open > 0; --open) out.push_back({Tok::kClose, tokens.back().at, ")"});
  // Operators: binary ones between the end of an item and the start of one (AND also before
  // NOT), NOT before an item, NEAR between two words; signs before an item.
  bool changed = true;
  while (changed) {
    changed = false;
    std::vector<Token> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const Tok before = kept.empty() ? Tok::kEnd : kept.back().kind;
      const Tok after = i + 1 < out.size() ? out[i + 1].kind : Tok::kEnd;
      bool ok = true;
      switch (out[i].kind) {
        case Tok::kAnd:
        case Tok::kOr:
        case Tok::kXor:
          ok = ends_item(before) && (starts_item(after) || after == Tok::kNot);
          break;
        case Tok::kNot:
          ok = starts_item(after);
          break;
        case Tok::kNear:
          ok = before == Tok::kWord && after == Tok::kWord;
          break;
        case Tok::kPlus:
        case Tok::kMinus:
          ok = starts_item(after) && after != Tok::kPlus && after != Tok::kMinus;
          break;
        default:
          break;
      }
      if (ok)
        kept.push_back(std::move(out[i]));
      else
        changed = true;
    }
    out = std::move(kept);
  }
  out.push_back(std::move(tokens.back()));
  return out;
}

const char* describe(Tok t) {
  switch (t) {
    case Tok::kAnd:
      return "AND";
    case Tok::kOr:
      return "OR";
    case Tok::kXor:
      return "XOR";
    case Tok::kNot:
      return "NOT";
    case Tok::kNear:
      return "NEAR";
    case Tok::kClose:
      return "')'";
    case Tok::kEnd:
      return "the end of the query";
    default:
      return "this";
  }
}

// Matches nothing by weight: filters and * must not change a ranking.
Xapian::Query unweighted(const Xapian::Query& q) { return Xapian::Query(0.0, q); }

Xapian::Query all_articles() { return unweighted(Xapian::Query::MatchAll); }

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  if (qs.size() == 1) return qs[0];
  return Xapian::Query(op, qs.begin(), qs.end());
}

}  // namespace

struct QueryBuilder::State {
  State(const Xapian::Database& database, const QueryOptions& o)
      : db(database), any(o.any), langs(o.langs) {
    words.set_database(db);
    words.set_stemmer(make_stemmer());
    words.set_stemming_strategy(kQueryStemming);
    words.set_default_op(Xapian::Query::OP_AND);
    words.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    for (const Field& f : fields())  // title, and the database's declared text fields
      if (f.kind == FieldKind::kText) words.add_prefix(std::string(f.name), std::string(f.prefix));
    forms.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    forms.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);  // as the indexer (document.cc)
  }

  // Whether the database keeps words as written (E terms: =word, wildcards over words).
  bool exact_forms() {
    if (!exact_forms_known) {
      exact_forms_kept = db.get_metadata(kExactFormsKey) == "1";
      exact_forms_known = true;
    }
    return exact_forms_kept;
  }

  // The languages of the database's articles (lang: terms), each with its stemmer, English
  // always among them: a word is searched as its stem in each (docs/languages.md). With --lang,
  // those languages only.
  const std::vector<StemLanguage>& languages() {
    if (!languages_known && !langs.empty()) {
      stem_languages_ = stem_languages(langs, false);
      for (const std::string& code : langs)
        if (const Xapian::Stopper* stop = stopper_for(code)) stoppers_.push_back(stop);
      languages_known = true;
    }
    if (!languages_known) {
      const std::string prefix(find_field("lang")->whole_prefix);
      std::vector<std::string> codes;
      const double articles = db.get_doccount();
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        codes.push_back((*t).substr(prefix.size()));
        // A language of a tenth of the articles or more has its function words dropped by
        // --any too; a stray article in another language does not make its words (German "die",
        // "will") function words of an English archive.
        if (const Xapian::Stopper* stop = stopper_for(codes.back());
            stop && t.get_termfreq() >= 0.1 * articles)
          stoppers_.push_back(stop);
      }
      stem_languages_ = stem_languages(codes);
      languages_known = true;
    }
    return stem_languages_;
  }

  // What was read from the database's revision before a reopen: read again when next asked
  // (an indexer may have added a language, changed the place table or the exact forms).
  void forget() {
    languages_known = places_loaded = codebook_loaded = exact_forms_known = false;
    stem_languages_.clear();
    stoppers_.clear();
  }

  const PlaceTable& places() {
    if (!places_loaded) {
      place_table = PlaceTable::unserialise(db.get_metadata(kPlacesKey));
      places_loaded = true;
    }
    return place_table;
  }

  // The codebook the articles are filed by (codebook.h), so that a filter on any variant of a
  // name finds the entity.
  const Codebook& codebook() {
    if (!codebook_loaded) {
      names = Codebook::parse(db.get_metadata(kNamesKey), "the database's codebook");
      codebook_loaded = true;
    }
    return names;
  }

  Xapian::Database db;
  bool any;
  std::vector<std::string> langs;  // --lang
  Xapian::QueryParser words;
  Xapian::TermGenerator forms;
  PlaceTable place_table;
  bool places_loaded = false;
  Codebook names;
  bool codebook_loaded = false;
  // Whether --any drops `word` (folded) as a function word: English's, or a language's that a
  // tenth of the articles or more are in.
  bool function_word(const std::string& word) {
    languages();
    return english_stopper()(word) ||
           std::any_of(stoppers_.begin(), stoppers_.end(),
                       [&](const Xapian::Stopper* stop) { return (*stop)(word); });
  }

  std::vector<StemLanguage> stem_languages_;
  std::vector<const Xapian::Stopper*> stoppers_;
  bool languages_known = false;
  bool exact_forms_known = false, exact_forms_kept = false;
};

namespace {

// One parsed piece of a query.
struct Sub {
  Xapian::Query query;
  bool words = false;  // holds bare words (optional side by side with --any)
  bool stop = false;   // a single function word (dropped side by side with --any)
};

class Parser {
 public:
  // `lenient`: read text that is not well formed as a search box does (--any).
  Parser(QueryBuilder::State& s, const std::string& text, ParsedQuery* out, bool lenient)
      : s_(s),
        tokens_(broken_apart(lenient ? repair(lex(text, true)) : lex(text, false))),
        out_(out),
        narrowed_(stem_languages(filtered_languages(tokens_), false)) {}

  Xapian::Query parse() {
    if (peek().kind == Tok::kEnd)
      throw SyntaxError{0, "empty query (use * to match every article)"};
    Sub sub = expression(false);
    if (peek().kind == Tok::kClose) throw SyntaxError{peek().at, "')' closes nothing"};
    return sub.query;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& take() { return tokens_[pos_++]; }
  bool ends_group(Tok t) const {
    return t == Tok::kAnd || t == Tok::kOr || t == Tok::kXor || t == Tok::kNot ||
           t == Tok::kClose || t == Tok::kEnd;
  }

  // The right-hand side of a binary operator at `op`.
  void need_right(const Token& op) const {
    if (ends_group(peek().kind))
      throw SyntaxError{op.at, std::string(describe(op.kind)) +
                                   " needs something on its right, not " + describe(peek().kind)};
  }

  Sub expression(bool negated) {
    Sub a = exclusive(negated);
    while (peek().kind == Tok::kOr) {
      const Token& op = take();
      need_right(op);
      Sub b = exclusive(negated);
      a = Sub{Xapian::Query(Xapian::Query::OP_OR, a.query, b.query), a.words || b.words};
    }
    return a;
  }

  Sub exclusive(bool negated) {
    Sub a = conjunction(negated);
    while (peek().kind == Tok::kXor) {
      const Token& op = take();
      need_right(op);
      Sub b = conjunction(negated);
      a = Sub{Xapian::Query(Xapian::Query::OP_XOR, a.query, b.query), a.words || b.words};
    }
    return a;
  }

  // [NOT] group ((AND | AND NOT | NOT) group)*
  Sub conjunction(bool negated) {
    const Token& first = peek();
    if (first.kind == Tok::kAnd || first.kind == Tok::kOr || first.kind == Tok::kXor)
      throw SyntaxError{first.at,
                        std::string(describe(first.kind)) + " needs something on its left"};
    if (first.kind == Tok::kClose) throw SyntaxError{first.at, "')' closes nothing here"};
    Sub a;
    if (first.kind == Tok::kNot) {
      const Token& op = take();
      need_right(op);
      Sub b = group(!negated);
      a = Sub{Xapian::Query(Xapian::Query::OP_AND_NOT, all_articles(), b.query), false};
    } else {
      a = group(negated);
    }
    for (;;) {
      const Tok t = peek().kind;
      if (t != Tok::kAnd && t != Tok::kNot) break;
      const Token& op = take();
      bool exclude = op.kind == Tok::kNot;
      if (op.kind == Tok::kAnd && peek().kind == Tok::kNot) {
        const Token& not_op = take();
        need_right(not_op);
        exclude = true;
      } else {
        need_right(op);
      }
      Sub b = group(exclude ? !negated : negated);
      if (exclude) {
        a = Sub{Xapian::Query(Xapian::Query::OP_AND_NOT, a.query, b.query), a.words};
      } else {
        a = Sub{Xapian::Query(Xapian::Query::OP_AND, a.query, b.query), a.words || b.words};
      }
    }
    return a;
  }

  // Items side by side: all required (with --any, bare words optional), '-' items excluded.
  Sub group(bool negated) {
    const std::size_t start = peek().at;
    std::vector<Sub> required, optional;
    std::vector<Xapian::Query> excluded;
    bool any_item = false;
    while (!ends_group(peek().kind)) {
      any_item = true;
      Tok sign = Tok::kWord;
      if (peek().kind == Tok::kPlus || peek().kind == Tok::kMinus) sign = take().kind;
      if (ends_group(peek().kind))
        throw SyntaxError{tokens_[pos_ - 1].at,
                          "'" + tokens_[pos_ - 1].text + "' needs an item right after it"};
      std::optional<Sub> item = primary(sign == Tok::kMinus ? !negated : negated);
      if (!item) continue;  // punctuation alone: no words, no constraint
      if (sign == Tok::kMinus)
        excluded.push_back(item->query);
      else if (s_.any && sign != Tok::kPlus && item->words)
        optional.push_back(std::move(*item));
      else
        required.push_back(std::move(*item));
    }
    if (!any_item) throw SyntaxError{start, "nothing to search for here"};
    if (required.empty() && optional.empty() && excluded.empty())
      throw SyntaxError{start, "nothing to search for here: no words, only punctuation"};
    // Function words go from the optional words, unless nothing else is left.
    if (std::any_of(optional.begin(), optional.end(), [](const Sub& x) { return !x.stop; })) {
      optional.erase(
          std::remove_if(optional.begin(), optional.end(), [](const Sub& x) { return x.stop; }),
          optional.end());
    }
    auto queries = [](const std::vector<Sub>& subs) {
      std::vector<Xapian::Query> qs;
      for (const Sub& x : subs) qs.push_back(x.query);
      return qs;
    };
    Sub out;
    out.words = !optional.empty() ||
                std::any_of(required.begin(), required.end(), [](const Sub& x) { return x.words; });
    if (required.size() + optional.size() + excluded.size() == 1 && !required.empty())
      return required[0];
    if (required.size() + optional.size() + excluded.size() == 1 && !optional.empty())
      return optional[0];
    if (!required.empty() && !optional.empty()) {
      std::vector<Xapian::Query> all = queries(required);
      all.push_back(combine(Xapian::Query::OP_OR, queries(optional)));  // at least one word
      out.query = combine(Xapian::Query::OP_AND, all);
    } else if (!required.empty()) {
      out.query = combine(Xapian::Query::OP_AND, queries(required));
    } else if (!optional.empty()) {
      out.query = combine(Xapian::Query::OP_OR, queries(optional));
    } else {
      out.query = all_articles();
    }
    if (!excluded.empty())
      out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query,
                                combine(Xapian::Query::OP_OR, excluded));
    return out;
  }

  void count_item(const Token& t) {
    if (++items_ > kMaxQueryItems)
      throw SyntaxError{t.at,
                        "more than " + std::to_string(kMaxQueryItems) + " items in one query"};
  }

  void count_wildcard(const Token& t) {
    if (++wildcards_ > kMaxQueryWildcards)
      throw SyntaxError{t.at, "more than " + std::to_string(kMaxQueryWildcards) +
                                  " wildcards in one query (each reads up to " +
                                  std::to_string(kMaxWildcardTerms) + " words)"};
  }

  std::optional<Sub> primary(bool negated) {
    const Token& t = take();
    count_item(t);
    switch (t.kind) {
      case Tok::kOpen: {
        if (++depth_ > kMaxQueryDepth)
          throw SyntaxError{
              t.at, "parentheses nested more than " + std::to_string(kMaxQueryDepth) + " deep"};
        if (peek().kind == Tok::kClose) throw SyntaxError{t.at, "() holds nothing"};
        if (peek().kind == Tok::kEnd) throw SyntaxError{t.at, "'(' is never closed"};
        Sub inner = expression(negated);
        if (peek().kind != Tok::kClose) throw SyntaxError{t.at, "'(' is never closed"};
        take();
        --depth_;
        return inner;
      }
      case Tok::kStar:
        return Sub{all_articles(), false};
      case Tok::kField:
        return field(t);
      case Tok::kForm:
        return form(t, negated);
      case Tok::kPhrase:
        return text(t, "\"" + t.text + "\"", !negated, false);
      case Tok::kWord: {
        if (peek().kind != Tok::kNear) return text(t, t.text, !negated, t.text.back() == '*');
        std::string near = t.text;  // a NEAR b NEAR/3 c: words only
        while (peek().kind == Tok::kNear) {
          const Token& op = take();
          if (peek().kind != Tok::kWord) throw SyntaxError{op.at, op.text + " joins two words"};
          near += " " + op.text + " " + take().text;
          count_item(tokens_[pos_ - 1]);
        }
        return text(t, near, !negated, false, true);
      }
      case Tok::kNear:
        throw SyntaxError{t.at, t.text + " joins two words"};
      case Tok::kPlus:
      case Tok::kMinus:
        throw SyntaxError{t.at, "'" + t.text + "' twice"};
      default:
        throw SyntaxError{t.at, std::string("unexpected ") + describe(t.kind)};
    }
  }

  // Words, phrases, wildcards and NEAR groups, by Xapian's QueryParser; empty for punctuation.
  // `shown`: its words are shown in context (not excluded, not a headline-only field).
  std::optional<Sub> text(const Token& t, const std::string& words, bool shown, bool wildcard,
                          bool near = false) {
    unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_CJK_NGRAM;
    if (wildcard) {
      count_wildcard(t);
      flags |= Xapian::QueryParser::FLAG_WILDCARD;
    }
    if (near) flags |= Xapian::QueryParser::FLAG_BOOLEAN;
    Xapian::Query q;
    if (wildcard && t.kind == Tok::kWord && s_.exact_forms()) {
      // A word as written starting so (exact forms, E), not a stem: ferry* finds "ferrying",
      // whose stem "ferri" does not start with "ferry". Without them, stems starting so.
      const std::string prefix = Xapian::Unicode::tolower(words.substr(0, words.size() - 1));
      q = Xapian::Query(Xapian::Query::OP_WILDCARD, kExactFormPrefix + prefix, kMaxWildcardTerms,
                        Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    } else {
      try {
        q = parse_words(words, flags);
      } catch (const Xapian::QueryParserError& e) {
        throw SyntaxError{t.at, e.get_msg()};
      }
    }
    if (q.empty()) return std::nullopt;
    if (shown) add_patterns(q, wildcard ? words.substr(0, words.size() - 1) : std::string());
    Sub sub{q, true};
    if (t.kind == Tok::kWord && !near && !wildcard) {
      std::string word = fold(t.text);  // "it." and "(the" are function words too
      const auto alnum = [](char c) { return ascii::is_alnum(c) || (c & 0x80); };
      while (!word.empty() && !alnum(word.back())) word.pop_back();
      word.erase(0, std::find_if(word.begin(), word.end(), alnum) - word.begin());
      sub.stop = s_.function_word(word);
    }
    return sub;
  }

  // Words as Xapian's QueryParser reads them, stemmed in each language of the database: one
  // query where the stems agree (always, in an English archive), else the languages' readings
  // side by side: a word's stems as one term for the ranking (OP_SYNONYM: its frequency is that
  // of any of them, so no language's articles rank higher for its rarer stem), phrases as
  // alternatives (an article is in one language: its phrase is stemmed by one stemmer).
  Xapian::Query parse_words(const std::string& words, unsigned flags) {
    const std::vector<StemLanguage>& languages = narrowed_.empty() ? s_.languages() : narrowed_;
    if (languages.size() == 1) {
      s_.words.set_stemmer(languages[0].stemmer);
      return s_.words.parse_query(words, flags);
    }
    std::vector<Xapian::Query> readings;
    std::vector<std::string> seen;
    for (const StemLanguage& language : languages) {
      s_.words.set_stemmer(language.stemmer);
      Xapian::Query q = s_.words.parse_query(words, flags);
      if (q.empty()) continue;
      std::string key = q.serialise();
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(std::move(key));
      readings.push_back(std::move(q));
    }
    if (readings.size() <= 1) return readings.empty() ? Xapian::Query() : readings[0];
    const bool terms = std::all_of(readings.begin(), readings.end(), [](const Xapian::Query& q) {
      return q.get_type() == Xapian::Query::LEAF_TERM;
    });
    return Xapian::Query(terms ? Xapian::Query::OP_SYNONYM : Xapian::Query::OP_OR, readings.begin(),
                         readings.end());
  }

  void add_patterns(const Xapian::Query& q, const std::string& wildcard) {
    using Kind = ContextWord::Kind;
    if (!wildcard.empty()) {
      out_->patterns.push_back({{Kind::kPrefix, Xapian::Unicode::tolower(wildcard)}});
      return;
    }
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
      out_->patterns.push_back({{Kind::kStem, *q.get_terms_begin()}});
      return;
    }
    if (const std::optional<ContextPattern> run = cjk_run(q)) {
      out_->patterns.push_back(*run);
      return;
    }
    if (q.get_type() == Xapian::Query::OP_SYNONYM || q.get_type() == Xapian::Query::OP_OR) {
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) add_patterns(q.get_subquery(i), {});
      return;  // a word's or phrase's readings in several languages (parse_words)
    }
    if (q.get_type() == Xapian::Query::OP_PHRASE) {
      ContextPattern phrase;
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) return add_each_term(q);
        phrase.push_back({Kind::kStem, *sub.get_terms_begin()});
      }
      out_->patterns.push_back(std::move(phrase));
      return;
    }
    add_each_term(q);
  }

  // A word of Chinese, Japanese or Korean characters as the QueryParser reads it (FLAG_CJK_NGRAM:
  // its characters and their pairs, all required), as the phrase of its characters that the
  // text shows; none for any other query.
  static std::optional<ContextPattern> cjk_run(const Xapian::Query& q) {
    if (q.get_type() != Xapian::Query::OP_AND) return std::nullopt;
    ContextPattern run;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
      const Xapian::Query sub = q.get_subquery(i);
      if (sub.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
      const std::string term = *sub.get_terms_begin();
      if (term.size() < 3 || !is_cjk(code_point(term, 0, 3))) return std::nullopt;
      if (term.size() == 3) run.push_back({ContextWord::Kind::kStem, term});
    }
    if (run.empty()) return std::nullopt;
    return run;
  }

  void add_each_term(const Xapian::Query& q) {
    for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) {
      const std::string& term = *it;
      if (!term.empty() && !ascii::is_upper(term[0]))
        out_->patterns.push_back({{ContextWord::Kind::kStem, term}});
    }
  }

  // =word: the word as written (lower case), split as the indexer splits text.
  std::optional<Sub> form(const Token& t, bool negated) {
    if (!s_.exact_forms())
      throw SyntaxError{
          t.at,
          "=word needs words as written, which this database does not keep (index it into a "
          "new database with morgue-index --exact-forms)"};
    Xapian::Document doc;
    s_.forms.set_document(doc);
    s_.forms.index_text_without_positions(t.text, 1, kExactFormPrefix);
    std::vector<Xapian::Query> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
      terms.emplace_back(*it);
      if (!negated)
        out_->patterns.push_back(
            {{ContextWord::Kind::kForm, (*it).substr(std::strlen(kExactFormPrefix))}});
    }
    if (terms.empty()) throw SyntaxError{t.at, "= needs a word right after it"};
    return Sub{combine(Xapian::Query::OP_AND, terms), true};
  }

  Sub field(const Token& t) {
    const Field& f = *t.field;
    const std::string name(f.name);
    auto fail = [&](const std::string& message) {
      return SyntaxError{t.at, name + ": " + message};
    };
    if (trim(t.text).empty()) throw fail("empty value");
    switch (f.kind) {
      case FieldKind::kText: {
        if (t.exact)
          throw fail(name + ":= is not supported (use " + name + ":word or " + name +
                     ":\"a phrase\")");
        const bool wildcard = t.text.back() == '*' && t.text.find(' ') == std::string::npos;
        const std::string value =
            t.text.find(' ') == std::string::npos ? t.text : "\"" + t.text + "\"";
        std::optional<Sub> sub = text(t, name + ":" + value, false, wildcard);
        if (!sub) throw fail("no words in '" + t.text + "'");
        sub->words = false;
        sub->stop = false;
        return *sub;
      }
      case FieldKind::kExact:
        if (t.exact) throw fail("the value is matched exactly already: " + name + ":VALUE");
        if (name == "id") return Sub{unweighted(Xapian::Query(id_term(t.text))), false};
        if (const Unit unit = unit_of_field(name); unit != Unit::kArticles) {
          if (const char* missing = groups_missing(s_.db, unit))
            throw fail("this database was " + built_without(missing));
          return Sub{
              unweighted(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, *f.slot,
                                       ascii_lower(trim(t.text)), ascii_lower(trim(t.text)))),
              false};
        }
        if (name == "path") {  // a folder may be written with its final slash
          std::string path = t.text;
          while (path.size() > 1 && path.back() == '/') path.pop_back();
          return Sub{unweighted(Xapian::Query(std::string(f.prefix) + path)), false};
        }
        return Sub{unweighted(Xapian::Query(std::string(f.prefix) + t.text)), false};
      case FieldKind::kName:
        return Sub{unweighted(names(f, t, fail)), false};
      case FieldKind::kDate:
        return Sub{unweighted(dates(t, fail)), false};
    }
    throw fail("cannot be searched");
  }

  template <typename Fail>
  Xapian::Query names(const Field& f, const Token& t, Fail fail) {
    std::string value = t.text;
    // The name as the index files it (a place's canonical name, the codebook's): a name the
    // codebook files under another is searched for as either.
    std::optional<Xapian::Query> canonical;
    if (std::optional<Resolved> r = resolve_name(f, value, s_.places(), s_.codebook())) {
      if (!r->from_codebook) {
        value = r->indexed;
      } else if (name_key(r->indexed) != name_key(value)) {
        if (t.exact) return Xapian::Query(whole_name_term(f, name_key(r->indexed)));
        canonical = name_phrase(f, r->indexed);
      }
    }
    if (t.exact) return Xapian::Query(whole_name_term(f, name_key(value)));
    if (value.back() == '*' && value.find_first_of(" -") == std::string::npos) {
      std::vector<std::string> words = name_words(value.substr(0, value.size() - 1));
      if (words.size() != 1)
        throw fail("a wildcard goes at the end of one word (" + std::string(f.name) + ":smi*)");
      count_wildcard(t);
      return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(f.prefix) + words[0]);
    }
    std::optional<Xapian::Query> written = name_phrase(f, value);
    if (!written) throw fail("no words in '" + t.text + "'");
    if (!canonical) return *written;
    return Xapian::Query(Xapian::Query::OP_OR, *written, *canonical);
  }

  // The words of `name` next to each other, in order, within one name of `f` (names are kNameGap
  // apart); nullopt for a name without words.
  static std::optional<Xapian::Query> name_phrase(const Field& f, const std::string& name) {
    std::vector<std::string> terms = name_terms(f, name);
    if (terms.empty()) return std::nullopt;
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
  }

  // date:2025-03-26, date:2025-03, date:2025, date:A..B, date:..B, date:A.., date:=P, date:none:
  // a disjunction of the date terms covering the range (range_terms).
  template <typename Fail>
  Xapian::Query dates(const Token& t, Fail fail) {
    const std::string& value = t.text;
    auto parse = [&](const std::string& part) {
      auto d = parse_iso_date(part);
      if (!d)
        throw fail("invalid date '" + part +
                   "' (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)");
      return *d;
    };
    if (t.exact)
      return Xapian::Query(std::string(find_field("date")->whole_prefix) + to_string(parse(value)));
    if (value == "none") {
      return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                           Xapian::Query(Xapian::Query::OP_WILDCARD, kYearPrefix));
    }
    std::string first, last;
    const auto dots = value.find("..");
    if (dots == std::string::npos) {
      const Date d = parse(value);
      first = sort_key(d);
      last = sort_key_end(d);
    } else {
      const std::string from = value.substr(0, dots), to = value.substr(dots + 2);
      if (from.empty() && to.empty()) throw fail("a range needs at least one end");
      if (!from.empty()) first = sort_key(parse(from));
      if (!to.empty()) last = sort_key_end(parse(to));
      if (!first.empty() && !last.empty() && first > last)
        throw fail("the range ends before it starts");
      if (first.empty()) first = s_.db.get_value_lower_bound(kDateSlot);
      if (last.empty()) last = s_.db.get_value_upper_bound(kDateSlot);
    }
    std::vector<std::string> terms = range_terms(first, last);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  // Words of Thai or Lao, which a text writes without spaces, as the indexer breaks them
  // (language.h: break_words): a word that holds several is the phrase of them.
  static std::vector<Token> broken_apart(std::vector<Token> tokens) {
    for (Token& t : tokens) {
      if (t.kind != Tok::kWord && t.kind != Tok::kPhrase) continue;
      if (t.kind == Tok::kWord && t.text.back() == '*') continue;  // a wildcard: as written
      std::string broken;
      if (!break_words(t.text, &broken)) continue;
      std::string words(trim(broken));
      if (words.find(' ') != std::string::npos) t.kind = Tok::kPhrase;
      t.text = std::move(words);
    }
    return tokens;
  }

  // The languages of the lang: filters every match must pass, or none: filters outside
  // parentheses, in a query without OR or XOR outside them, before any NOT there and without
  // '-' ("Mieten lang:de", not "Mieten OR lang:de", "Mieten -lang:de" or "a NOT b lang:de").
  // A query's words are then stemmed in those languages only: a match is in one of them, and
  // another language's stem of a word could only find some other word of it.
  static std::vector<std::string> filtered_languages(const std::vector<Token>& tokens) {
    std::vector<std::string> codes;
    std::size_t depth = 0;
    bool negated_after = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.kind == Tok::kOpen) ++depth;
      if (t.kind == Tok::kClose && depth > 0) --depth;
      if (depth > 0) continue;
      if (t.kind == Tok::kOr || t.kind == Tok::kXor) return {};
      if (t.kind == Tok::kNot) negated_after = true;
      if (t.kind != Tok::kField || negated_after || t.field->name != "lang") continue;
      if (i > 0 && tokens[i - 1].kind == Tok::kMinus) continue;
      const std::string code = language_code(t.text);
      if (code.empty()) return {};  // a value that is no language: every language, as without
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    return codes;
  }

  QueryBuilder::State& s_;
  std::vector<Token> tokens_;
  ParsedQuery* out_;
  std::vector<StemLanguage> narrowed_;  // filtered_languages' stemmers (none: the State's)
  std::size_t pos_ = 0, depth_ = 0, items_ = 0, wildcards_ = 0;
};

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const QueryOptions& options)
    : state_(std::make_unique<State>(db, options)) {}

QueryBuilder::~QueryBuilder() = default;

void QueryBuilder::reopened() { state_->forget(); }

ParsedQuery QueryBuilder::strict(const std::string& text) const {
  ParsedQuery out;
  try {
    out.query = Parser(*state_, text, &out, state_->any).parse();
  } catch (const SyntaxError& e) {
    throw QueryError(e.message, char_position(text, e.at));
  }
  return out;
}

ParsedQuery QueryBuilder::parse(const std::string& text) const {
  if (!state_->any) return strict(text);
  try {
    return strict(text);
  } catch (const QueryError&) {
    const std::string words = search_box_words(text);
    if (trim(words).empty()) throw;
    try {
      return strict(words);
    } catch (const QueryError&) {
    }
    throw;
  }
}

std::vector<QueryWord> plain_words(const std::string& text, bool lenient) {
  std::vector<Token> tokens;
  try {
    tokens = lex(text, lenient);
  } catch (const SyntaxError&) {
    return {};
  }
  auto letters = [](const std::string& w) {
    for (Xapian::Utf8Iterator c(w); c != Xapian::Utf8Iterator(); ++c) {
      switch (Xapian::Unicode::get_category(*c)) {
        case Xapian::Unicode::UPPERCASE_LETTER:
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
        case Xapian::Unicode::NON_SPACING_MARK:
          break;
        default:
          return false;
      }
    }
    return !w.empty();
  };
  std::vector<QueryWord> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Tok::kWord || !letters(t.text)) continue;
    // An excluded word excludes nothing when misspelt; "corrected", it would exclude something.
    if (i > 0 && (tokens[i - 1].kind == Tok::kMinus || tokens[i - 1].kind == Tok::kNot)) continue;
    out.push_back({t.at, t.text});
  }
  return out;
}

const PlaceTable& QueryBuilder::places() const { return state_->places(); }
const Codebook& QueryBuilder::codebook() const { return state_->codebook(); }

std::string QueryBuilder::reading(const std::string& text) const {
  if (!state_->any) return text;
  try {
    ParsedQuery unused;
    Parser(*state_, text, &unused, false).parse();  // well formed: it means what it says
    return text;
  } catch (const SyntaxError&) {
    // Repaired (an unclosed quote or parenthesis, a dangling operator) or not parsed at all:
    // text put around it would be repaired otherwise, so its words stand for it.
    const std::string words = search_box_words(text);
    return trim(words).empty() ? text : words;
  }
}

std::string search_box_words(const std::string& text) {
  // A search box takes text as typed: stray punctuation, a trailing "AND", a "word:" that is no
  // field. What is left: the words alone, lower case (no operators), as optional words.
  std::string words;
  for (unsigned char c : text)
    words += (ascii::is_alnum(c) || c >= 0x80 || c == '\'') ? static_cast<char>(c) : ' ';
  return fold(words);
}

std::string drilldown_filter(const std::string& field, const std::string& value) {
  if (field == "date") return "date:=" + value;
  std::string quoted;
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  // An exact field (copy:, story:) matches its value exactly already, and takes no "=".
  const Field* f = find_field(field);
  const bool exact = f && f->kind == FieldKind::kExact;
  return field + (exact ? ":\"" : ":=\"") + quoted + "\"";
}

}  // namespace morgue
