// Extraction and document building, with the check that skips unchanged input.
#include "indexer/prepare.h"

#include <algorithm>

#include "common/language.h"
#include "common/schema.h"
#include "indexer/copies.h"
#include "indexer/stories.h"

namespace morgue {

std::optional<std::string> path_folder(std::string_view path, int depth) {
  std::size_t start = 0;
  for (int i = 1; i < depth; ++i) {
    const std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) return std::nullopt;
    start = slash + 1;
  }
  const std::size_t slash = path.find('/', start);
  if (slash == std::string_view::npos) return std::nullopt;  // the file's own name: no folder
  return std::string(path.substr(start, slash - start));
}

bool settle_language(Article& a, const std::string& fallback) {
  if (!a.lang.empty()) {
    const std::string code = language_code(a.lang);
    if (!code.empty()) {
      const bool changed = code != a.lang || a.lang_origin != "source";
      a.lang = code;
      a.lang_origin = "source";
      return changed;
    }
  }
  if (!fallback.empty()) {
    a.lang = fallback;
    a.lang_origin = "option";
  } else {
    std::string text = a.title;
    text += '\n';
    text.append(a.text, 0, std::min(a.text.size(), kMaxDetectBytes));
    a.lang = detect_language(text);
    a.lang_origin = a.lang.empty() ? "" : "detected";
  }
  return true;
}

Preparer::Preparer(const IndexOptions& options, const Extractor* extractor,
                   Xapian::Database* lookup)
    : options_(options),
      extractor_(extractor),
      lookup_(lookup),
      version_((extractor ? extractor->version() : std::string("no extraction")) + "; places " +
               options.places.version() + (options.exact_forms ? "; exact forms" : "") +
               "; languages " + (options.lang.empty() ? "detected" : "default " + options.lang)),
      builder_(&options.places, &options.names) {
  builder_.keep_exact_forms(options.exact_forms);
}

Prepared Preparer::prepare(Article&& a) {
  Prepared p;
  p.term = id_term(a.id);
  p.id_from_path = !a.path.empty() && (a.id == a.path || a.id.rfind(a.path + '#', 0) == 0);
  // What the run adds to the source: the manifest's fields, then the folders' (path fields).
  if (options_.sidecar) options_.sidecar->apply(a);
  for (const auto& [name, depth] : options_.path_fields) {
    if (auto folder = path_folder(a.path, depth)) a.extra[name] = *folder;
  }
  // The article as read is its document data before extraction (the record as JSON without
  // its text, NUL, the text): without extraction, that is the data stored. The input hash also
  // covers its path, which gives it path: terms and path fields.
  std::string data = document_data(to_record(a));
  std::string input = content_hash(version_ + '\n' + a.path + '\n', data);
  if (lookup_ && stored_input(p.term) == input) {
    p.unchanged = true;
    return p;
  }
  if (settle_language(a, options_.lang)) data.clear();
  if (extractor_) {
    extractor_->complete(a);
    data.clear();
  }
  if (options_.extract_only) {
    nlohmann::json r = to_record(a);
    r.erase(kRecordText);
    options_.names.apply_to_record(&r, options_.places);  // the names as the codebook files them
    if (extractor_ && !reads_names(a.lang))
      r["note"] =
          "people and organizations not extracted: the extractor reads English, this "
          "article is in " +
          language_name(a.lang) + " (places by their names in it)";
    p.line = r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return p;
  }
  if (data.empty()) data = document_data(to_record(a));
  p.doc = builder_.build(a, std::move(data), &p.spelling);
  p.doc.add_value(kInputSlot, input);
  if (options_.copies) {
    add_copy_values(&p.doc, a.text);
    add_story_values(&p.doc, a);
  }
  return p;
}

// The input hash stored for `term`, or "" when it cannot be told: the look-up only spares work,
// and the writer compares the built record anyway. The writer's commits move the database under
// this reader, which then sees a revision discarded (DatabaseModifiedError) or, reading a block
// the writer has just reused, one that looks corrupt (DatabaseCorruptError): both mean "read
// again", and neither may fail the run.
std::string Preparer::stored_input(const std::string& term) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      if (attempt) lookup_->reopen();
      Xapian::PostingIterator p = lookup_->postlist_begin(term);
      if (p == lookup_->postlist_end(term)) return "";
      return lookup_->get_document(*p).get_value(kInputSlot);
    } catch (const Xapian::DatabaseModifiedError&) {
    } catch (const Xapian::DatabaseCorruptError&) {
    }
  }
  return "";
}

}  // namespace morgue
