// The researcher's codebook of names: a plain tab-separated file that says which names of the
// archive are one entity, under which canonical name, and which are no entity at all. The indexer
// files every name by it (and files the archive again when it changes, from the stored records:
// nothing is extracted again); the database keeps it, so that the searcher resolves a filter on
// any variant, and every JSON manifest carries its SHA-256.
//
// Format (docs/names.md): a line is FIELD <tab> NAME <tab> CANONICAL, and anything after a third
// tab is ignored (the counts morgue-search --names prints); empty lines and lines starting with #
// are skipped.
//   FIELD      a name field: person, place, org, outlet, author, cited, or a declared keyword field
//   NAME       a name as articles write it; case, diacritics and spacing aside (name_key)
//   CANONICAL  the name it is filed under; "-" drops it (a false entity); NAME itself keeps it
//              apart from what would merge it (a place the gazetteer files under another name)
// A canonical name that is itself a NAME of the field is followed to its own canonical name.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/places.h"
#include "common/schema.h"

namespace morgue {

// The fields a codebook names: every name field with a value slot but lang (person, place, org,
// outlet, author, cited and declared keyword fields).
bool names_entities(const Field& field);
// The field of that name, or throws Error "'NAME' is no name field (...)".
const Field& entity_field(const std::string& name);

class Codebook {
 public:
  // What the codebook says of one name.
  struct Mapping {
    std::string canonical;  // as the codebook writes it; empty when dropped
    bool drop = false;
  };

  Codebook() = default;  // says nothing: every name is filed as before
  // Parses a codebook's text; `source` names it in errors. Throws Error "SOURCE:LINE: what is
  // wrong" for a line without three columns, an unknown field, an empty name, a name given twice,
  // or canonical names that lead round in a circle. Fields are the schema's (fields()): declared
  // fields must be set first.
  static Codebook parse(std::string_view text, const std::string& source);

  // The mapping of the name whose name_key is `key` in `field`, or nullptr.
  const Mapping* find(const Field& field, std::string_view key) const;
  // `names` of `field` with the codebook's canonical names for those it maps (a place also by
  // its gazetteer name in `places`, as resolve_name does), those it drops left out, the others as
  // written, and each name once (the first of a canonical name's variants keeps its place).
  std::vector<std::string> apply(const Field& field, const std::vector<std::string>& names,
                                 const PlaceTable& places) const;
  // The name lists of a stored record (people, places, organizations, authors, cited) and its
  // outlet, as apply() gives them: what --extract-only prints and hits and exports show.
  void apply_to_record(nlohmann::json* record, const PlaceTable& places) const;
  bool empty() const { return mappings_.empty(); }
  std::size_t size() const { return mappings_.size(); }
  const std::string& text() const { return text_; }  // as parsed: the database stores it
  // The SHA-256 of the text, 64 hex digits ("" for an empty codebook).
  std::string sha256() const;

 private:
  std::string text_;
  std::map<std::pair<std::string, std::string>, Mapping, std::less<>> mappings_;  // field, key
};

// How the index files one name of a field: under the codebook's canonical name when it has one
// for the name (or, for a place, for the gazetteer's canonical name of it), else under the
// gazetteer's (places only), else as written. nullopt: the codebook drops it.
struct Resolved {
  std::string indexed;  // the name whose words and key are indexed
  bool from_codebook = false;
};
std::optional<Resolved> resolve_name(const Field& field, std::string_view name,
                                     const PlaceTable& places, const Codebook& codebook);

// The SHA-256 of `bytes` as 64 hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace morgue
