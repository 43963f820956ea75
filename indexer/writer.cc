// Applying prepared articles to a database.
#include "indexer/writer.h"

#include "common/schema.h"
#include "indexer/copies.h"

namespace morgue {

Writer::Writer(Xapian::WritableDatabase* db, const IndexOptions& options, bool fresh,
               std::ostream& out, Report& report)
    : db_(db),
      options_(options),
      fresh_(fresh),
      out_(out),
      report_(report),
      commit_every_(options.commit_every) {
  if (options.extract_only) return;
  record_choices(*db_, options);
  spelling_ = fresh || keeps_spelling(*db_);
  if (spelling_) db_->set_metadata(kSpellingKey, "1");
  if (fresh) {  // (an emptied database is made again: its earlier choice goes)
    db_->set_metadata(kCopiesKey, options.copies ? "1" : "");
    db_->set_metadata(kStoriesKey, options.copies ? "1" : "");
  }
}

void record_choices(Xapian::WritableDatabase& db, const IndexOptions& options) {
  db.set_metadata(kPlacesKey, options.places.serialise());
  db.set_metadata(kExactFormsKey, options.exact_forms ? "1" : "0");
  db.set_metadata(kFieldsKey, encode_declared_fields(options.declared));
  db.set_metadata(kPathFieldsKey, encode_path_fields(options.path_fields));
  db.set_metadata(kManifestsKey, join_lines(options.metadata));
}

void Writer::apply(Prepared&& p) {
  if (options_.extract_only) {
    out_ << p.line << '\n';
    ++counts.added;
    report_.done();
    return;
  }
  const bool first_time = seen.insert(p.term).second;
  if (p.unchanged) {
    ++counts.unchanged;
    report_.done();
    return;
  }
  if (fresh_ && first_time) {
    written.push_back(db_->add_document(p.doc));
    change_spelling(p.spelling, 1);
    ++counts.added;
    ++in_db_;
  } else {
    Xapian::PostingIterator it = db_->postlist_begin(p.term);
    if (it != db_->postlist_end(p.term)) {
      Xapian::Document old = db_->get_document(*it);
      if (old.get_value(kHashSlot) == p.doc.get_value(kHashSlot)) {
        ++counts.unchanged;
        report_.done();
        if (old.get_value(kInputSlot) == p.doc.get_value(kInputSlot)) return;
        // The same record from another extractor version: noted, in the same copy group and
        // story.
        for (const Xapian::valueno slot : {kCopySlot, kStorySlot}) {
          if (const std::string group = old.get_value(slot); !group.empty())
            p.doc.add_value(slot, group);
        }
        db_->replace_document(*it, p.doc);
        due();
        return;
      }
      ++counts.updated;
      if (spelling_) change_spelling(stored_.spelling_words(old), -1);
    } else {
      ++counts.added;
      ++in_db_;
      if (p.id_from_path) added.push_back(p.term);
    }
    // A new article is added (over shards, Xapian 1.4's replace_document by a term that no
    // document has returns the docid within the shard it is added to, not the whole's).
    written.push_back(it == db_->postlist_end(p.term) ? db_->add_document(p.doc)
                                                      : db_->replace_document(p.term, p.doc));
    change_spelling(p.spelling, 1);
  }
  report_.done();
  due();
}

void Writer::change_spelling(const SpellingWords& words, std::int64_t sign) {
  if (!spelling_) return;
  for (const auto& [word, count] : words) spelling_changes_[word] += sign * count;
}

Writer::~Writer() {
  try {
    write_spelling();
  } catch (const Xapian::Error&) {
    // the database failed already: its changes are lost with these
  }
}

void Writer::write_spelling() {
  for (const auto& [word, change] : spelling_changes_) {
    if (change > 0) db_->add_spelling(word, static_cast<Xapian::termcount>(change));
    if (change < 0) db_->remove_spelling(word, static_cast<Xapian::termcount>(-change));
  }
  spelling_changes_.clear();
}

void Writer::commit() {
  // A bulk build's shard takes its spelling once, before it is left (its commits need not be
  // durable): each commit rewrites every spelling fragment a new word touches, which cost more
  // than all the rest of the build when done every kShardFlush articles (docs/performance.md).
  if (!next_ || in_db_ >= rollover_) write_spelling();
  if (!options_.extract_only) {
    note_unfiled();
    db_->commit();
  }
  pending_ = 0;
  if (next_ && in_db_ >= rollover_) {
    db_ = next_();
    in_db_ = 0;
  }
}

// The articles written and not yet filed in copy groups, in the database with them: a run that
// ends before filing them (interrupted, or killed) leaves them to the next. A first build's are
// all its articles; a bulk build's shards have none (the build files them once merged).
void Writer::note_unfiled() {
  if (next_ || written.size() == noted_ || !options_.copies) return;
  if (fresh_) {
    if (!noted_) db_->set_metadata(kUnfiledKey, "all");
  } else {
    std::string list = db_->get_metadata(kUnfiledKey);
    if (list != "all") list += encode_u32s(written.data() + noted_, written.size() - noted_);
    db_->set_metadata(kUnfiledKey, list);
  }
  noted_ = written.size();
}

void Writer::filed() {
  written.clear();
  noted_ = 0;
}

void Writer::rollover(std::size_t every, std::function<Xapian::WritableDatabase*()> next) {
  rollover_ = every;
  next_ = std::move(next);
}

void Writer::due() {
  if (++pending_ >= commit_every_) commit();
}

}  // namespace morgue
