// The database schema: THE one table of fields, term prefixes and value slots. The indexer builds
// documents from it and the query parser is configured from it; no prefix literal lives elsewhere.
//
// A morgue database holds one Xapian document per article:
//   terms   unprefixed       title (weighted kTitleWeight) and body words as their stems only
//                            (Xapian's STEM_ALL), with positions, by the Snowball stemmer of
//                            the article's language (English when not known; words as written
//                            in a language Snowball has none for: language.h)
//           E                title and body words as written, lower case (exact forms, =word),
//                            no positions, in a database built with --exact-forms
//                            (kExactFormsKey); wdf kTitleWeight + 1 in the title, 1 in the body,
//                            so that every article's length is exactly twice its stemmed length
//                            and BM25 ranks as without them
//           S                title words, for title:
//           Q                the article id (unique term; an id over kMaxIdTermBytes bytes is its
//                            first kMaxIdTermBytes bytes and a 128-bit hash: see id_term)
//           XO XP XL XG XA XC  outlet, person, place, org, author, cited: each word of each name
//                            (name_words) with wdf 0 and positions, names kNameGap apart, so a
//                            phrase matches within one name ("Kristi Noem" -> XPkristi@1,
//                            XPnoem@2); a place the place table knows by its canonical name
//           XON XPN XLN ...  the same fields' whole names, by name_key (facets count these keys)
//           XI XIN           lang: the article's language (ISO 639-1, language.h), as a name
//           XU               the url, exact
//           Y M D            the date: year, month and day of the sort key (date_terms, date.h)
//           XD               the date as written at its precision ("XD1987-03"), for date:=
//           XF               the name of each field of the source that morgue keeps as an extra
//                            (so --fields knows an unknown column from a rare one)
//           XR               the path of the article's file relative to the archive root, and
//                            each folder it lies in ("XRpolitics", "XRpolitics/2005",
//                            "XRpolitics/2005/001.txt"), for path:
//           XK<n>: XKN<n>:   declared keyword field number n (--field NAME:keyword): as XP and
//                            XPN for people; its values in slot kFirstDeclaredSlot + n
//           XT<n>:           declared text field number n (--field NAME:text): its stems with
//                            positions (and as unprefixed text after the body)
//   values  see Slot below
//   data    the article record as JSON without its text, a NUL byte, the text (document.h)
//   spelling Xapian's spelling table, in a database with "morgue.spelling": the words of every
//            article's title, text and declared text fields as written (lower case, none with a
//            digit), each with its occurrences in the articles held (document.h: SpellingWords)
//   metadata "morgue.schema" = kSchemaVersion, checked when a database is opened;
//            "morgue.places" = the place table the names were indexed with (places.h);
//            "morgue.exact_forms" = "1" when documents keep their words as written (E);
//            "morgue.root" = the archive root: the real path of the folder that file ids are
//            relative to (recorded by the first run that indexes files; --root moves it);
//            "morgue.fields" = the declared fields, "name:kind" lines in number order;
//            "morgue.path_fields" = --path-field choices, "name=depth" lines (each name is also
//            a declared keyword field); "morgue.manifests" = the --metadata files of the
//            last run that named any (absolute paths, one a line), read again by runs naming none;
//            "morgue.spelling" = "1" when the spelling table holds every article's words (set by
//            the run that adds the first article; an older database has none and no suggestions);
//            "morgue.copies" = "1" when every article has its signature and copy group (set by
//            the run that adds the first article: copies are found in a database built with them);
//            "morgue.names" = the codebook of names the articles are filed by (codebook.h), as
//            read from "morgue.names_file", its absolute path;
//            "morgue.unfiled" = the articles written by a run that has not filed them in copy
//            groups yet: "all", or their docids (4 bytes each, little-endian), for the next run
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue {

// Keys of the stored record (the document data: article.h's to_record; read back by the searcher).
inline constexpr const char* kRecordId = "id";
inline constexpr const char* kRecordTitle = "title";
inline constexpr const char* kRecordText = "text";
inline constexpr const char* kRecordDate = "date";
inline constexpr const char* kRecordDatePrecision = "date_precision";
inline constexpr const char* kRecordDateOrigin = "date_origin";
inline constexpr const char* kRecordDateBasis = "date_basis";
inline constexpr const char* kRecordUrl = "url";
inline constexpr const char* kRecordOutlet = "outlet";
inline constexpr const char* kRecordOutletBasis = "outlet_basis";
inline constexpr const char* kRecordLang = "lang";
inline constexpr const char* kRecordLangOrigin = "lang_origin";
inline constexpr const char* kRecordAuthors = "authors";
inline constexpr const char* kRecordPeople = "people";
inline constexpr const char* kRecordPlaces = "places";
inline constexpr const char* kRecordOrganizations = "organizations";
inline constexpr const char* kRecordCited = "cited";
inline constexpr const char* kRecordExtra = "extra";
inline constexpr const char* kRecordSource = "source";
// Not stored in the record: an exported article's copy group (kCopySlot) and story (kStorySlot),
// as --fields names them.
inline constexpr const char* kCopyColumn = "copy";
inline constexpr const char* kStoryColumn = "story";

// Bump when the meaning of a term, value or the data changes: old databases must be re-indexed.
// 2: stems only (STEM_ALL), date terms; 3: exact forms, name positions and whole names, XD, XF,
// long ids as prefix + 128-bit hash, file ids relative to the archive root; 4: XR (path:),
// declared fields
inline constexpr int kSchemaVersion = 4;
inline constexpr const char* kSchemaKey = "morgue.schema";
inline constexpr const char* kPlacesKey = "morgue.places";
inline constexpr const char* kRootKey = "morgue.root";
inline constexpr const char* kExactFormsKey = "morgue.exact_forms";  // "1": E terms are kept
inline constexpr const char* kFieldsKey = "morgue.fields";
inline constexpr const char* kPathFieldsKey = "morgue.path_fields";
inline constexpr const char* kManifestsKey = "morgue.manifests";
inline constexpr const char* kSpellingKey = "morgue.spelling";  // "1": spelling data is kept
inline constexpr const char* kCopiesKey = "morgue.copies";  // "1": every article has its signature
inline constexpr const char* kUnfiledKey = "morgue.unfiled";  // articles not yet in copy groups
inline constexpr const char* kStoriesKey = "morgue.stories";  // "1": every article has its terms
// The codebook of names (codebook.h) the articles are filed by, as its file was read, and the
// absolute path of that file ("" for none), which a run without --names reads again
inline constexpr const char* kNamesKey = "morgue.names";
inline constexpr const char* kNamesFileKey = "morgue.names_file";
// "K N": the database is shard K (from 0) of an archive of N shards (indexer/store.h)
inline constexpr const char* kShardKey = "morgue.shard";

// Value slots. Their encodings are part of the schema.
enum Slot : Xapian::valueno {
  kDateSlot = 0,       // "YYYYMMDD", the first day of the period for month/year precision: sorts
                       // and range-filters as a string
  kPrecisionSlot = 1,  // "day", "month" or "year"
  kHashSlot = 2,       // 16 hex digits: hash of the stored record, for incremental re-runs
  kOutletSlot = 3,     // display form of the outlet
  kPeopleSlot = 4,     // names as the source or extractor wrote them, joined by kListSeparator;
                       // a name whose key is not name_key(name) is followed by kKeySeparator and
                       // its key (a place under its canonical name: "usa\x1dunited states")
  kPlacesSlot = 5,
  kOrgsSlot = 6,
  kAuthorsSlot = 7,
  kCitedSlot = 8,
  kSourceSlot = 9,       // absolute path of the source file ("-" for standard input), for --prune
  kInputSlot = 10,       // 16 hex digits: hash of the article as read plus the extractor's version;
                         // an unchanged input is not extracted again
  kDateOrderSlot = 11,   // kDateSlot's value, or "~" for an article without a date: --sort date
                         // lists those last (descending, kDateSlot's empty value does)
  kSignatureSlot = 12,   // the MinHash signature of the text's shingles (indexer/copies.h), binary;
                         // none for an article without text
  kCopySlot = 13,        // the article's copy group: 16 hex digits (its own group's, or that of the
                         // article it is a copy of); none for an article without text (Xapian's
                         // collapse key for --collapse copies; copy:ID)
  kStoryTermsSlot = 14,  // the words and names a story is told by (indexer/stories.h), binary;
                         // none for an article without words
  kStorySlot = 15,       // the article's story: 16 hex digits (its copy group's own id, or the
                         // story of the article it tells again); with kCopySlot (--collapse
                         // stories; story:ID)
  kLangSlot = 16,        // the article's language, ISO 639-1 ("de"); none when not known
  kFirstDeclaredSlot = 20,  // + n: declared keyword field n, encoded as kPeopleSlot
};
inline constexpr char kListSeparator = '\x1f';
inline constexpr char kKeySeparator = '\x1d';

enum class FieldKind {
  kText,   // free text: stemmed words with positions, ranked
  kName,   // boolean filter on folded words of names; display forms in a value slot
  kExact,  // boolean filter on the exact value
  kDate,   // date terms (Y, M, D) covering the range; kDateSlot sorts
};

struct Field {
  std::string_view name;    // as written in queries: person:noem
  std::string_view prefix;  // term prefix ("" for none); of each word of a kName field's names
  std::string_view whole_prefix;  // kName: of whole names (name_key); kDate: of exact dates
  FieldKind kind;
  std::optional<Xapian::valueno> slot;  // where display values live, if anywhere
  bool multi_valued;      // an article can have several (filters on it combine with AND)
  bool declared = false;  // declared by the database (--field), its values from the source's field
};

// Every field a query can name, in the order help texts list them: the built-in ones, then the
// fields declared with set_declared_fields.
const std::vector<Field>& fields();
// The field called `name`, or nullptr.
const Field* find_field(std::string_view name);

// A field the user declared (morgue-index --field NAME:KIND): the source's field NAME indexed as a
// keyword (kName: filters on its words and whole values, facets; values are strings or lists of
// strings) or as text (kText: searched, ranked, and filtered by NAME:word).
struct DeclaredField {
  std::string name;
  FieldKind kind;
  bool operator==(const DeclaredField& o) const { return name == o.name && kind == o.kind; }
};
// "topics:keyword" -> {topics, kName}; throws Error naming what is wrong (a name that is not
// [a-z][a-z0-9_]*, a built-in field or record key, an unknown kind).
DeclaredField parse_declared_field(std::string_view spec);
std::string to_string(const DeclaredField& f);  // "topics:keyword"
// The metadata value (kFieldsKey) of a list of declared fields, and back.
std::string encode_declared_fields(const std::vector<DeclaredField>& declared);
std::vector<DeclaredField> decode_declared_fields(std::string_view encoded);
// Path fields (--path-field NAME=DEPTH) as kPathFieldsKey records them: "name=depth" lines.
using PathField = std::pair<std::string, int>;
std::string encode_path_fields(const std::vector<PathField>& fields);
std::vector<PathField> decode_path_fields(std::string_view encoded);
// The metadata values that hold a list (declared fields, path fields, manifests): an item a line,
// and back (empty lines left out).
std::string join_lines(const std::vector<std::string>& items);
std::vector<std::string> split_lines(std::string_view text);
// Makes fields() the built-in fields and `declared` (numbered in order: slots and prefixes).
// Invalidates every Field pointer and reference: call it once, when a database is opened.
void set_declared_fields(const std::vector<DeclaredField>& declared);
const std::vector<DeclaredField>& declared_fields();

inline constexpr Xapian::termcount kTitleWeight = 3;
inline constexpr const char* kExactFormPrefix = "E";
inline constexpr const char* kExtraFieldPrefix = "XF";
inline constexpr const char* kYearPrefix = "Y";
inline constexpr const char* kMonthPrefix = "M";
inline constexpr const char* kDayPrefix = "D";
// Positions between two names of one field: more than one, so no phrase spans two names.
inline constexpr Xapian::termpos kNameGap = 2;
inline constexpr std::size_t kMaxIdTermBytes = 200;

// The unique term of the article `id`: distinct ids never share one (short of a 128-bit hash
// collision between two ids longer than kMaxIdTermBytes with the same first kMaxIdTermBytes).
std::string id_term(std::string_view id);

// The word terms of one name of a kName field: the field prefix + each of its name_words.
std::vector<std::string> name_terms(const Field& field, std::string_view name);

// What makes two names one value: case, diacritics and spacing aside ("Héctor  Villatoro" and
// "hector villatoro" are one). Facets count keys; whole-name terms hold them.
std::string name_key(std::string_view name);
// The whole-name term of a key (whole_prefix + key; a key too long for a term is hashed).
std::string whole_name_term(const Field& field, std::string_view key);

// One entry of a name slot: the name as written, and its key when that is not name_key(name).
struct NameEntry {
  std::string name, key;
};
std::string encode_names(const std::vector<NameEntry>& entries);
std::vector<NameEntry> decode_names(std::string_view encoded);  // keys filled in

// Joins and splits the multi-valued slot encoding.
std::string join_list(const std::vector<std::string>& values);
std::vector<std::string> split_list(std::string_view encoded);

}  // namespace morgue
