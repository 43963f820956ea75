// --complete-values: a field's whole values that start with what was typed, for the shells'
// completion scripts (common/completion.h).
#include "searcher/complete.h"

#include <xapian.h>

#include <algorithm>
#include <vector>

#include "common/database.h"
#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/facets.h"

namespace morgue {

namespace {

// What was typed as the start of a key: folded as name_key folds, whitespace collapsed, but a
// space at the end kept ("el " must not find "Elizabeth").
std::string key_prefix(const std::string& typed) {
  std::string out;
  for (char c : fold(typed)) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

// A value as a query names it: a plain word as it is, anything else as a phrase ("El Salvador",
// quotes inside doubled).
std::string query_form(const std::string& value) {
  const bool word = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') ||
           (u >= 'A' && u <= 'Z') || c == '-' || c == '.' || c == '\'';
  });
  if (word) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Articles read for the display forms of one value: enough to find its usual spelling.
constexpr Xapian::doccount kFormsSample = 32;

}  // namespace

std::size_t complete_values(const std::string& db_path, const std::string& field,
                            const std::string& prefix, std::ostream& out) {
  Xapian::Database db = open_for_reading(db_path);
  set_declared_fields(decode_declared_fields(db.get_metadata(kFieldsKey)));
  const Field* f = find_field(field);
  if (!f || f->kind != FieldKind::kName || f->whole_prefix.empty() || !f->slot)
    throw Error("'" + field + "' has no values to complete");
  const std::string whole(f->whole_prefix);
  struct Value {
    std::string key;
    Xapian::doccount articles;
  };
  std::vector<Value> values;
  const std::string start = whole + key_prefix(prefix);
  for (auto t = db.allterms_begin(start); t != db.allterms_end(start); ++t) {
    const std::string term = *t;
    const std::string key = term.substr(whole.size());
    if (whole_name_term(*f, key) != term) continue;  // a long key, hashed: not the value itself
    values.push_back({key, t.get_termfreq()});
  }
  std::sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
    return a.articles != b.articles ? a.articles > b.articles : a.key < b.key;
  });
  if (values.size() > kMaxCompletedValues) values.resize(kMaxCompletedValues);
  for (const Value& v : values) {
    ValueNames names;
    const std::string term = whole + v.key;
    Xapian::doccount read = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && read < kFormsSample;
         ++p, ++read) {
      const Xapian::Document doc = db.get_document(*p);
      for (const NameEntry& e : decode_names(doc.get_value(*f->slot))) {
        if (e.key == v.key) names.add(e.name, e.key);
      }
    }
    out << query_form(names.display(v.key)) << '\n';
  }
  return values.size();
}

std::size_t complete_field_names(const std::string& db_path, const std::string& prefix,
                                 std::ostream& out) {
  const Xapian::Database db = open_for_reading(db_path);
  set_declared_fields(decode_declared_fields(db.get_metadata(kFieldsKey)));
  std::size_t written = 0;
  for (const Field& f : fields()) {
    if (!f.declared || f.name.compare(0, prefix.size(), prefix) != 0) continue;
    out << f.name << ":\n";
    ++written;
  }
  return written;
}

}  // namespace morgue
