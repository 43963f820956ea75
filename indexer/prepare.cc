// Extraction and document building, with the check that skips unchanged input.
#include "indexer/prepare.h"

#include "common/schema.h"

namespace morgue {

Preparer::Preparer(const IndexOptions& options, const Extractor* extractor, const Xapian::Database* lookup)
    : options_(options), extractor_(extractor), lookup_(lookup),
      version_((extractor ? extractor->version() : std::string("no extraction")) + "; places " +
               options.places.version()),
      builder_(&options.places) {}

Prepared Preparer::prepare(Article&& a) {
  Prepared p;
  p.term = id_term(a.id);
  // The article as read is its document data before extraction (the record as JSON without
  // its text, NUL, the text): without extraction, that is the data stored.
  std::string data = document_data(to_record(a));
  std::string input = content_hash(version_ + '\n', data);
  if (lookup_ && stored_input(p.term) == input) {
    p.unchanged = true;
    return p;
  }
  if (extractor_) {
    extractor_->complete(a);
    data.clear();
  }
  if (options_.extract_only) {
    nlohmann::json r = to_record(a);
    r.erase(kRecordText);
    p.line = r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return p;
  }
  p.doc = data.empty() ? builder_.build(a) : builder_.build(a, std::move(data));
  p.doc.add_value(kInputSlot, input);
  return p;
}

// The input hash stored for `term`, or "" (also when another thread's commits keep moving the
// database under this reader: the writer then compares the built record instead).
std::string Preparer::stored_input(const std::string& term) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      Xapian::PostingIterator p = lookup_->postlist_begin(term);
      if (p == lookup_->postlist_end(term)) return "";
      return lookup_->get_document(*p).get_value(kInputSlot);
    } catch (const Xapian::DatabaseModifiedError&) {
      const_cast<Xapian::Database*>(lookup_)->reopen();
    }
  }
  return "";
}

}  // namespace morgue
