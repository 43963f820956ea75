// The database schema: THE one table of fields, term prefixes and value slots. The indexer builds
// documents from it and the query parser is configured from it; no prefix literal lives elsewhere.
//
// A morgue database holds one Xapian document per article:
//   terms   unprefixed       title (weighted kTitleWeight) and body words as their stems only
//                            (Snowball English, Xapian's STEM_ALL), with positions
//           S                title words, for title:
//           Q                the article id (unique term; an id over kMaxIdTermBytes bytes is its
//                            first kMaxIdTermBytes bytes and a 128-bit hash: see id_term)
//           XO XP XL XG XA XC  outlet, person, place, org, author, cited: one boolean term per
//                            word of each folded name ("Kristi Noem" -> XPkristi, XPnoem)
//           XU               the url, exact
//           Y M D            the date: year, month and day of the sort key (date_terms, date.h)
//   values  see Slot below
//   data    the article record as JSON (see article.h), text included, for display and snippets
//   metadata "morgue.schema" = kSchemaVersion, checked when a database is opened
//            "morgue.root" = the archive root: the real path of the folder that file ids are
//            relative to (recorded by the first run that indexes files; --root moves it)
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// Bump when the meaning of a term, value or the data changes: old databases must be re-indexed.
// 2: stems only (STEM_ALL), date terms; 3: long ids as prefix + 128-bit hash, file ids relative
// to the archive root
inline constexpr int kSchemaVersion = 3;
inline constexpr const char* kSchemaKey = "morgue.schema";
inline constexpr const char* kRootKey = "morgue.root";

// Value slots. Their encodings are part of the schema.
enum Slot : Xapian::valueno {
  kDateSlot = 0,       // "YYYYMMDD", the first day of the period for month/year precision: sorts
                       // and range-filters as a string
  kPrecisionSlot = 1,  // "day", "month" or "year"
  kHashSlot = 2,       // 16 hex digits: hash of the stored record, for incremental re-runs
  kOutletSlot = 3,     // display form of the outlet
  kPeopleSlot = 4,     // display forms, joined by kListSeparator
  kPlacesSlot = 5,
  kOrgsSlot = 6,
  kAuthorsSlot = 7,
  kCitedSlot = 8,
  kSourceSlot = 9,     // absolute path of the source file ("-" for standard input), for --prune
  kInputSlot = 10,     // 16 hex digits: hash of the article as read plus the extractor's version;
                       // an unchanged input is not extracted again
};
inline constexpr char kListSeparator = '\x1f';

enum class FieldKind {
  kText,     // free text: stemmed words with positions, ranked
  kName,     // boolean filter on folded words of names; display forms in a value slot
  kExact,    // boolean filter on the exact value
  kDate,     // date terms (Y, M, D) covering the range; kDateSlot sorts
};

struct Field {
  std::string_view name;    // as written in queries: person:noem
  std::string_view prefix;  // term prefix ("" for none)
  FieldKind kind;
  std::optional<Xapian::valueno> slot;  // where display values live, if anywhere
  bool multi_valued;        // an article can have several (filters on it combine with AND)
};

// Every field a query can name, in the order help texts list them.
const std::vector<Field>& fields();
// The field called `name`, or nullptr.
const Field* find_field(std::string_view name);

inline constexpr Xapian::termcount kTitleWeight = 3;
inline constexpr std::size_t kMaxIdTermBytes = 200;
inline constexpr const char* kStemLanguage = "english";

// The unique term of the article `id`: distinct ids never share one (short of a 128-bit hash
// collision between two ids longer than kMaxIdTermBytes with the same first kMaxIdTermBytes).
std::string id_term(std::string_view id);

// Terms for one name of a kName field: the field prefix + each folded word.
std::vector<std::string> name_terms(const Field& field, std::string_view name);

// Joins and splits the multi-valued slot encoding.
std::string join_list(const std::vector<std::string>& values);
std::vector<std::string> split_list(std::string_view encoded);

}  // namespace morgue
