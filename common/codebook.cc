// The codebook: parsing its lines, following canonical names to the end, and resolving a name as
// the index files it.
#include "common/codebook.h"

#include <nettle/sha2.h>

#include <cstdio>
#include <set>

#include "common/error.h"
#include "common/text.h"

namespace morgue {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t tab = line.find('\t'); tab != std::string_view::npos;
       tab = line.find('\t', start)) {
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

bool names_entities(const Field& field) {
  return field.kind == FieldKind::kName && field.slot && field.name != "lang";
}

const Field& entity_field(const std::string& name) {
  const Field* f = find_field(name);
  if (!f || !names_entities(*f))
    throw Error("'" + name +
                "' is no name field (person, place, org, outlet, author, cited or a declared "
                "keyword field)");
  return *f;
}

Codebook Codebook::parse(std::string_view text, const std::string& source) {
  Codebook book;
  book.text_ = std::string(text);
  // field, key -> canonical (empty: drop) and the line that says so
  struct Line {
    std::string canonical;
    bool drop;
    std::size_t number;
  };
  std::map<std::pair<std::string, std::string>, Line> lines;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // a BOM
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (blank(line) || line.front() == '#') continue;
    auto fail = [&](const std::string& what) {
      return Error(source + ":" + std::to_string(number) + ": " + what);
    };
    const std::vector<std::string_view> cols = split_tabs(line);
    if (cols.size() < 3)
      throw fail("a line is FIELD<tab>NAME<tab>CANONICAL (\"-\" drops NAME), not '" +
                 clean_name(line.substr(0, 80)) + (line.size() > 80 ? "...'" : "'"));
    const std::string field_name = clean_name(cols[0]);
    const Field* field = nullptr;
    try {
      field = &entity_field(field_name);
    } catch (const Error& e) {
      throw fail(e.what());
    }
    const std::string key = name_key(cols[1]);
    if (key.empty()) throw fail("no name in the second column");
    const std::string canonical = clean_name(cols[2]);
    if (canonical.empty())
      throw fail("no canonical name in the third column (\"-\" drops the name)");
    const bool drop = canonical == "-";
    auto [it, added] =
        lines.emplace(std::pair{std::string(field->name), key}, Line{canonical, drop, number});
    if (!added) {
      if (it->second.drop == drop && name_key(it->second.canonical) == name_key(canonical))
        continue;  // said twice, alike
      throw fail(field_name + " '" + clean_name(cols[1]) + "' is given another name on line " +
                 std::to_string(it->second.number));
    }
  }
  // Follow each canonical name that is itself a name of the codebook to the end of its chain.
  for (const auto& [where, line] : lines) {
    const Line* end = &line;
    std::set<std::string> visited{where.second};
    while (!end->drop) {
      const std::string key = name_key(end->canonical);
      auto next = lines.find({where.first, key});
      if (next == lines.end()) break;  // a name no line maps
      if (!next->second.drop && name_key(next->second.canonical) == key) {
        end = &next->second;  // a name kept as itself: its own line's spelling
        break;
      }
      if (!visited.insert(key).second)
        throw Error(source + ":" + std::to_string(line.number) + ": " + where.first + " '" +
                    where.second + "' leads round in a circle of canonical names (line " +
                    std::to_string(next->second.number) + ")");
      end = &next->second;
    }
    book.mappings_.emplace(where, end->drop ? Mapping{"", true} : Mapping{end->canonical, false});
  }
  return book;
}

const Codebook::Mapping* Codebook::find(const Field& field, std::string_view key) const {
  if (mappings_.empty()) return nullptr;
  auto it = mappings_.find(std::pair{std::string(field.name), std::string(key)});
  return it == mappings_.end() ? nullptr : &it->second;
}

std::vector<std::string> Codebook::apply(const Field& field, const std::vector<std::string>& names,
                                         const PlaceTable& places) const {
  std::vector<std::string> out;
  std::set<std::string> keys;
  for (const std::string& name : names) {
    const std::optional<Resolved> r = resolve_name(field, name, places, *this);
    if (!r) continue;
    const std::string& shown = r->from_codebook ? r->indexed : name;
    if (keys.insert(name_key(shown)).second) out.push_back(shown);
  }
  return out;
}

void Codebook::apply_to_record(nlohmann::json* r, const PlaceTable& places) const {
  if (empty()) return;
  for (const auto& [field, key] : {std::pair{"person", kRecordPeople},
                                   {"place", kRecordPlaces},
                                   {"org", kRecordOrganizations},
                                   {"author", kRecordAuthors},
                                   {"cited", kRecordCited}}) {
    auto list = r->find(key);
    if (list == r->end() || !list->is_array()) continue;
    std::vector<std::string> names;
    for (const auto& item : *list)
      if (item.is_string()) names.push_back(item.get<std::string>());
    *list = apply(*find_field(field), names, places);
  }
  auto outlet = r->find(kRecordOutlet);
  if (outlet != r->end() && outlet->is_string() && !outlet->get<std::string>().empty()) {
    const std::vector<std::string> shown =
        apply(*find_field("outlet"), {outlet->get<std::string>()}, places);
    if (shown.empty())
      r->erase(outlet);
    else
      *outlet = shown.front();
  }
}

std::string Codebook::sha256() const { return text_.empty() ? std::string() : sha256_hex(text_); }

std::optional<Resolved> resolve_name(const Field& field, std::string_view name,
                                     const PlaceTable& places, const Codebook& codebook) {
  auto from = [](const Codebook::Mapping& m) -> std::optional<Resolved> {
    if (m.drop) return std::nullopt;
    return Resolved{m.canonical, true};
  };
  if (const Codebook::Mapping* m = codebook.find(field, name_key(name))) return from(*m);
  if (field.slot == kPlacesSlot) {
    if (const std::string* canonical = places.canonical(name)) {
      if (const Codebook::Mapping* m = codebook.find(field, name_key(*canonical))) return from(*m);
      return Resolved{*canonical, false};
    }
  }
  return Resolved{std::string(name), false};
}

std::string sha256_hex(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  std::string hex;
  char two[3];
  for (std::uint8_t b : digest) {
    std::snprintf(two, sizeof two, "%02x", b);
    hex += two;
  }
  return hex;
}

}  // namespace morgue
