// The field table and the term and value encodings that depend on it.
#include "common/schema.h"

#include <xxhash.h>

#include <cstdio>

#include "common/text.h"

namespace morgue {

const std::vector<Field>& fields() {
  static const std::vector<Field> table = {
      {"title", "S", "", FieldKind::kText, std::nullopt, false},
      {"outlet", "XO", "XON", FieldKind::kName, kOutletSlot, false},
      {"person", "XP", "XPN", FieldKind::kName, kPeopleSlot, true},
      {"place", "XL", "XLN", FieldKind::kName, kPlacesSlot, true},
      {"org", "XG", "XGN", FieldKind::kName, kOrgsSlot, true},
      {"author", "XA", "XAN", FieldKind::kName, kAuthorsSlot, true},
      {"cited", "XC", "XCN", FieldKind::kName, kCitedSlot, true},
      {"url", "XU", "", FieldKind::kExact, std::nullopt, false},
      {"id", "Q", "", FieldKind::kExact, std::nullopt, false},
      {"date", "", "XD", FieldKind::kDate, kDateSlot, false},
  };
  return table;
}

const Field* find_field(std::string_view name) {
  for (const Field& f : fields()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

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
