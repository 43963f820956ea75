// The field table and the term and value encodings that depend on it.
#include "common/schema.h"

#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <deque>

#include "common/article.h"
#include "common/error.h"
#include "common/text.h"

namespace morgue {

namespace {

const std::vector<Field>& builtin_fields() {
  static const std::vector<Field> table = {
      {"title", "S", "", FieldKind::kText, std::nullopt, false},
      {"outlet", "XO", "XON", FieldKind::kName, kOutletSlot, false},
      {"person", "XP", "XPN", FieldKind::kName, kPeopleSlot, true},
      {"place", "XL", "XLN", FieldKind::kName, kPlacesSlot, true},
      {"org", "XG", "XGN", FieldKind::kName, kOrgsSlot, true},
      {"author", "XA", "XAN", FieldKind::kName, kAuthorsSlot, true},
      {"cited", "XC", "XCN", FieldKind::kName, kCitedSlot, true},
      {"lang", "XI", "XIN", FieldKind::kName, kLangSlot, false},
      {"url", "XU", "", FieldKind::kExact, std::nullopt, false},
      {"id", "Q", "", FieldKind::kExact, std::nullopt, false},
      {"path", "XR", "", FieldKind::kExact, std::nullopt, true},
      {"copy", "", "", FieldKind::kExact, kCopySlot, false},
      {"story", "", "", FieldKind::kExact, kStorySlot, false},
      {"date", "", "XD", FieldKind::kDate, kDateSlot, false},
  };
  return table;
}

struct Declared {
  std::vector<DeclaredField> list;
  std::deque<std::string> strings;  // what the declared Fields' string_views point into
  std::vector<Field> table = builtin_fields();
};

Declared& declared() {
  static Declared d;
  return d;
}

}  // namespace

const std::vector<Field>& fields() { return declared().table; }

const Field* find_field(std::string_view name) {
  for (const Field& f : fields()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

DeclaredField parse_declared_field(std::string_view spec) {
  const std::size_t colon = spec.rfind(':');
  const std::string name(spec.substr(0, colon));
  const std::string kind(colon == std::string_view::npos ? "" : spec.substr(colon + 1));
  const std::string what = "--field " + std::string(spec) + ": ";
  if (colon == std::string_view::npos || (kind != "keyword" && kind != "text"))
    throw Error(what + "give NAME:keyword or NAME:text");
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z') ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
    throw Error(what + "a field name is a lower-case letter, then letters, digits or _");
  for (const Field& f : builtin_fields())
    if (f.name == name) throw Error(what + name + " is one of morgue's own fields");
  for (const std::string& key : record_keys())
    if (name == key) throw Error(what + name + " is one of morgue's own fields");
  return {name, kind == "keyword" ? FieldKind::kName : FieldKind::kText};
}

std::string to_string(const DeclaredField& f) {
  return f.name + (f.kind == FieldKind::kName ? ":keyword" : ":text");
}

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += item + "\n";
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end != 0) out.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

std::string encode_declared_fields(const std::vector<DeclaredField>& declared) {
  std::vector<std::string> lines;
  for (const DeclaredField& f : declared) lines.push_back(to_string(f));
  return join_lines(lines);
}

std::vector<DeclaredField> decode_declared_fields(std::string_view encoded) {
  std::vector<DeclaredField> out;
  for (const std::string& line : split_lines(encoded)) out.push_back(parse_declared_field(line));
  return out;
}

std::string encode_path_fields(const std::vector<PathField>& fields) {
  std::vector<std::string> lines;
  for (const auto& [name, depth] : fields) lines.push_back(name + "=" + std::to_string(depth));
  return join_lines(lines);
}

std::vector<PathField> decode_path_fields(std::string_view encoded) {
  std::vector<PathField> out;
  for (const std::string& line : split_lines(encoded)) {
    const std::size_t eq = line.find('=');
    if (eq != std::string::npos)
      out.emplace_back(line.substr(0, eq), std::atoi(line.c_str() + eq + 1));
  }
  return out;
}

void set_declared_fields(const std::vector<DeclaredField>& list) {
  Declared& d = declared();
  d.list = list;
  d.strings.clear();
  d.table = builtin_fields();
  for (std::size_t n = 0; n < list.size(); ++n) {
    const DeclaredField& f = list[n];
    const std::string& name = d.strings.emplace_back(f.name);
    const bool keyword = f.kind == FieldKind::kName;
    const std::string& prefix =
        d.strings.emplace_back((keyword ? "XK" : "XT") + std::to_string(n) + ":");
    const std::string& whole =
        d.strings.emplace_back(keyword ? "XKN" + std::to_string(n) + ":" : std::string());
    Field field{name, prefix, whole, f.kind, std::nullopt, true, true};
    if (keyword) field.slot = static_cast<Xapian::valueno>(kFirstDeclaredSlot + n);
    d.table.insert(d.table.end() - 1, field);  // before date, which help texts list last
  }
}

const std::vector<DeclaredField>& declared_fields() { return declared().list; }

std::string id_term(std::string_view id) {
  // Xapian terms hold at most 245 bytes. An id of up to kMaxIdTermBytes is the term; a longer one
  // is its first kMaxIdTermBytes bytes and the 128-bit XXH3 hash of the whole, in hex: a term of
  // 1 + 200 + 32 bytes, longer than any plain one, so no id can pose as another's hashed form,
  // and two long ids share a term only if both their first 200 bytes and their hashes agree.
  if (id.size() <= kMaxIdTermBytes) return "Q" + std::string(id);
  const XXH128_hash_t h = XXH3_128bits(id.data(), id.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return "Q" + std::string(id.substr(0, kMaxIdTermBytes)) + hex;
}

std::vector<std::string> name_terms(const Field& field, std::string_view name) {
  std::vector<std::string> terms;
  for (const std::string& word : name_words(name)) {
    std::string term = std::string(field.prefix) + word;
    if (term.size() <= 240) terms.push_back(std::move(term));
  }
  return terms;
}

std::string name_key(std::string_view name) { return fold(clean_name(name)); }

std::string whole_name_term(const Field& field, std::string_view key) {
  // Word terms are the prefix and lower-case letters, so "XPN..." never meets "XP" + a word.
  constexpr std::size_t kMaxKeyBytes = 200;
  if (key.size() <= kMaxKeyBytes) return std::string(field.whole_prefix) + std::string(key);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH64(key.data(), key.size(), 0)));
  return std::string(field.whole_prefix) + std::string(key.substr(0, 64)) + "\x1f" + hex;
}

std::string encode_names(const std::vector<NameEntry>& entries) {
  std::string out;
  for (const NameEntry& e : entries) {
    if (!out.empty()) out += kListSeparator;
    out += e.name;
    if (!e.key.empty() && e.key != name_key(e.name)) out += kKeySeparator + e.key;
  }
  return out;
}

std::vector<NameEntry> decode_names(std::string_view encoded) {
  std::vector<NameEntry> out;
  for (std::string& item : split_list(encoded)) {
    const std::size_t sep = item.find(kKeySeparator);
    if (sep == std::string::npos) {
      std::string key = name_key(item);
      out.push_back({std::move(item), std::move(key)});
    } else {
      out.push_back({item.substr(0, sep), item.substr(sep + 1)});
    }
  }
  return out;
}

std::string join_list(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += kListSeparator;
    out += v;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view encoded) {
  std::vector<std::string> out;
  if (encoded.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = encoded.find(kListSeparator, start);
    out.emplace_back(encoded.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace morgue
