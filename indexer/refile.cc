// The pass that files an archive's names again: docid order, one document at a time.
#include "indexer/refile.h"

#include <vector>

#include "common/article.h"
#include "common/document.h"
#include "common/schema.h"

namespace morgue {

Refiled refile_names(Xapian::WritableDatabase& db, const PlaceTable& places,
                     const Codebook& codebook, std::size_t commit_every,
                     const std::atomic<bool>& interrupted, const std::function<void()>& progress) {
  std::vector<const Field*> named;
  for (const Field& f : fields())
    if (names_entities(f)) named.push_back(&f);
  Refiled r;
  std::size_t since_commit = 0;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    if (interrupted) break;
    const Xapian::docid did = *p;
    Xapian::Document doc = db.get_document(did);
    const Article a = article_from_record(read_record(doc.get_data(), false));
    bool changed = false;
    for (const Field* f : named) {
      const std::vector<FiledName> names = filed_names(a, *f, places, codebook);
      if (names_value(names) == doc.get_value(*f->slot)) continue;
      remove_names(&doc, *f);
      add_names(&doc, *f, names);
      changed = true;
    }
    ++r.read;
    if (changed) {
      db.replace_document(did, doc);
      ++r.rewritten;
      if (commit_every && ++since_commit >= commit_every) {
        db.commit();
        since_commit = 0;
      }
    }
    if (progress) progress();
  }
  return r;
}

}  // namespace morgue
