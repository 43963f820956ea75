// Article <-> Xapian document, following the schema table: the terms, values and data of one
// article, and the content hash that makes re-runs incremental.
#pragma once

#include <xapian.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analysis.h"
#include "common/article.h"
#include "common/codebook.h"
#include "common/places.h"
#include "common/schema.h"

namespace morgue {

// The values an article has for a kName or kExact field of the schema.
std::vector<std::string> field_values(const Article& article, const Field& field);

// path: terms of a file path relative to the archive root: each folder it lies in, and itself
// ("a/b/c.txt" -> "a", "a/b", "a/b/c.txt"); none for "".
std::vector<std::string> path_prefixes(std::string_view path);

// The values of a declared keyword field: the source's field `name` as a string, number or list
// of them (cleaned, each once, in order); objects and nulls have none (the reader warned).
std::vector<std::string> declared_values(const Article& article, std::string_view name);

// The names of a kName field as the index files them (codebook.h: resolve_name): each name with
// its key and the name whose words are indexed; a name the codebook names is shown by its
// canonical name, a place the gazetteer knows by its own (under the canonical name's key); names
// the codebook drops are left out. A name the codebook files under another has the words it was
// written with indexed too (`variant`), so that a filter on them finds the article still.
struct FiledName {
  std::string name, key, indexed;
  std::string variant;  // the name as written, when the codebook gives it another
};
std::vector<FiledName> filed_names(const Article& article, const Field& field,
                                   const PlaceTable& places, const Codebook& codebook);
// Adds the terms and the slot value of a kName field's filed names to `doc` (schema.h), and
// removes them all (the codebook files an archive again: indexer/refile.h).
void add_names(Xapian::Document* doc, const Field& field, const std::vector<FiledName>& names);
// The slot value add_names gives them (schema.h: encode_names).
std::string names_value(const std::vector<FiledName>& names);
void remove_names(Xapian::Document* doc, const Field& field);

// The words an article gives the database's spelling data (Xapian's spelling table, whose
// suggestions the searcher offers for words the database does not know): the words of its title,
// text and declared text fields as written (lower case), each with its number of occurrences;
// words with a digit (numbers, codes) are left out. Sorted by word.
using SpellingWords = std::vector<std::pair<std::string, Xapian::termcount>>;

// Adds or removes (counts and all) the words of an article in a database that keeps spelling
// data (kSpellingKey): the indexer adds a new article's words and removes a replaced or deleted
// one's, so that each word's count is its occurrences in the articles the database holds.
void add_spelling(Xapian::WritableDatabase& db, const SpellingWords& words);
void remove_spelling(Xapian::WritableDatabase& db, const SpellingWords& words);
// Whether `db` keeps spelling data: built by a morgue that does, from its first article.
bool keeps_spelling(const Xapian::Database& db);

class DocumentBuilder {
 public:
  // `stemmer`: the analysis.h stemmer of English (and of articles whose language is not known),
  // through a cache of this builder's own by default; other languages get theirs (language.h).
  // `places`: the table places are filed by, `codebook` the researcher's codebook of names (none
  // by default); they must outlive the builder.
  explicit DocumentBuilder(const PlaceTable* places = nullptr, const Codebook* codebook = nullptr);
  DocumentBuilder(const Xapian::Stem& stemmer, const PlaceTable* places = nullptr,
                  const Codebook* codebook = nullptr);
  // Whether documents keep their words as written (E terms, for =word and wildcards over words as
  // written): a database's choice (kExactFormsKey), off by default (docs/performance.md: cost).
  void keep_exact_forms(bool on) { exact_forms_ = on; }
  // The document for `article`, its record as data and the record's hash in kHashSlot.
  Xapian::Document build(const Article& article);
  // The same, given document_data(to_record(article)) (the indexer has it already); with
  // `spelling`, the article's spelling words there too (from the same tokenization).
  Xapian::Document build(const Article& article, std::string data,
                         SpellingWords* spelling = nullptr);
  // The spelling words of a document this builder's kind built (from its stored record), to
  // remove them when the document is replaced or deleted.
  SpellingWords spelling_words(const Xapian::Document& stored);

 private:
  // Where a part's word stems go: prefix, position offset, wdf per occurrence.
  struct Placement {
    std::string prefix;
    Xapian::termpos offset;
    Xapian::termcount wdf;
  };
  static constexpr Xapian::termpos kTitleGap = 100;  // between the title's two copies
  static constexpr Xapian::termpos kBodyGap = 100;   // between the title and the text

  // The words of `text` as Xapian's tokenizer gives them (lower case, positions from 1); their
  // number in *count.
  Xapian::Document words(const std::string& text, Xapian::termpos* count);
  void add_words(Xapian::Document* doc, const Xapian::Document& words,
                 std::initializer_list<Placement> placements, Xapian::termcount form_wdf,
                 const Xapian::Stem& stemmer);
  static void add_spelling_words(const Xapian::Document& words, SpellingWords* spelling);

  Xapian::TermGenerator words_;  // STEM_NONE: words as written
  bool exact_forms_ = false;
  LanguageStemmers stemmers_;
  const PlaceTable* places_;
  const Codebook* codebook_;
};

// The hash stored in kHashSlot for a record: 16 hex digits.
std::string content_hash(const std::string& record);
// The hash of `prefix` followed by `rest`, without joining them.
std::string content_hash(std::string_view prefix, std::string_view rest);

// Document data (schema): the article's record as JSON without its "text", a NUL byte, then the
// text as is, so that a hit's metadata is read without parsing its text as JSON.
std::string document_data(nlohmann::json record);
// The record back from document data, with "text" when `with_text` (and the article has text);
// an empty object for data that is no record.
nlohmann::json read_record(const std::string& data, bool with_text);
// The text part of document data.
std::string_view stored_text(const std::string& data);

}  // namespace morgue
