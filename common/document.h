// Article <-> Xapian document, following the schema table: the terms, values and data of one
// article, and the content hash that makes re-runs incremental.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/schema.h"

namespace morgue {

// The values an article has for a kName or kExact field of the schema.
std::vector<std::string> field_values(const Article& article, const Field& field);

class DocumentBuilder {
 public:
  // `stemmer`: the analysis.h stemmer, through a cache of this builder's own by default.
  DocumentBuilder();
  explicit DocumentBuilder(const Xapian::Stem& stemmer);
  // The document for `article`, its record as data and the record's hash in kHashSlot.
  Xapian::Document build(const Article& article);
  // The same, given document_data(to_record(article)) (the indexer has it already).
  Xapian::Document build(const Article& article, std::string data);

 private:
  Xapian::TermGenerator terms_;
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
