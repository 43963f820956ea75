// Applying prepared articles to a database.
#include "indexer/writer.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "common/schema.h"
#include "indexer/copies.h"

namespace morgue {

// A thread per shard of an archive of shards, each writing the documents it is given into its
// shard, at the docid given, and committing it when asked: Xapian's sharded database writes its
// shards one after another, in the one writer thread, which a first build of 10x Reuters kept
// busy while the workers waited. A Xapian database and document are used by one thread at a
// time: a document is handed over whole (moved, under the lane's lock), and the writer touches
// the database only once every lane has settled.
class ShardLanes {
 public:
  explicit ShardLanes(std::vector<Xapian::WritableDatabase> shards) {
    for (Xapian::WritableDatabase& shard : shards)
      lanes_.push_back(std::make_unique<Lane>(std::move(shard)));
    for (auto& lane : lanes_) lane->thread = std::thread([l = lane.get()] { l->run(); });
  }
  ~ShardLanes() {
    for (auto& lane : lanes_) {
      {
        std::lock_guard<std::mutex> lock(lane->mutex);
        lane->closing = true;
      }
      lane->work.notify_one();
    }
    for (auto& lane : lanes_) lane->thread.join();
  }
  ShardLanes(const ShardLanes&) = delete;
  ShardLanes& operator=(const ShardLanes&) = delete;

  // Document `did` of the whole: document (did - 1) / N + 1 of shard (did - 1) mod N.
  void add(Xapian::docid did, Xapian::Document&& doc) {
    const std::size_t n = lanes_.size();
    lanes_[(did - 1) % n]->give(static_cast<Xapian::docid>((did - 1) / n + 1), std::move(doc));
  }
  // Commits every shard, each on its thread; returns when all are committed.
  void commit() {
    for (auto& lane : lanes_) lane->give(0, Xapian::Document());
    settle();
  }
  // Waits until every lane has written what it was given; rethrows the first error of one.
  void settle() {
    std::exception_ptr error;
    for (auto& lane : lanes_) {
      std::unique_lock<std::mutex> lock(lane->mutex);
      lane->idle.wait(lock, [&] { return lane->todo.empty() && !lane->busy; });
      if (!error) error = lane->error;
    }
    if (error) std::rethrow_exception(error);
  }

 private:
  static constexpr std::size_t kQueued = 256;  // documents waiting in a lane, at most

  struct Lane {
    explicit Lane(Xapian::WritableDatabase shard) : db(std::move(shard)) {}
    Xapian::WritableDatabase db;
    std::mutex mutex;
    std::condition_variable work, idle;
    std::deque<std::pair<Xapian::docid, Xapian::Document>> todo;  // docid 0: commit
    bool busy = false, closing = false;
    std::exception_ptr error;  // the first; later documents are dropped
    std::thread thread;

    void give(Xapian::docid did, Xapian::Document&& doc) {
      std::unique_lock<std::mutex> lock(mutex);
      idle.wait(lock, [&] { return todo.size() < kQueued || error; });
      todo.emplace_back(did, std::move(doc));
      work.notify_one();
    }

    void run() {
      for (;;) {
        std::pair<Xapian::docid, Xapian::Document> item;
        {
          std::unique_lock<std::mutex> lock(mutex);
          work.wait(lock, [&] { return !todo.empty() || closing; });
          if (todo.empty()) return;
          item = std::move(todo.front());
          todo.pop_front();
          busy = true;
        }
        std::exception_ptr failed;
        try {
          if (!error) {
            if (item.first)
              db.replace_document(item.first, item.second);
            else
              db.commit();
          }
        } catch (...) {
          failed = std::current_exception();
        }
        item.second = Xapian::Document();  // released by the thread that used it
        {
          std::lock_guard<std::mutex> lock(mutex);
          if (failed && !error) error = failed;
          busy = false;
        }
        idle.notify_all();
      }
    }
  };
  std::vector<std::unique_ptr<Lane>> lanes_;
};

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
  if (fresh_ && first_time && lanes_) {
    written.push_back(++last_docid_);
    lanes_->add(last_docid_, std::move(p.doc));
    change_spelling(p.spelling, 1);
    ++counts.added;
    ++in_db_;
  } else if (fresh_ && first_time) {
    written.push_back(db_->add_document(p.doc));
    change_spelling(p.spelling, 1);
    ++counts.added;
    ++in_db_;
  } else {
    settle();  // (an id repeated: its first article may still be on its way)
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
    if (lanes_) last_docid_ = db_->get_lastdocid();
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
    settle();
    write_spelling();
  } catch (...) {
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
  settle();
  if (!next_ || in_db_ >= rollover_) write_spelling();
  if (!options_.extract_only) {
    note_unfiled();
    if (lanes_)
      lanes_->commit();
    else
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

void Writer::deal_to(std::vector<Xapian::WritableDatabase> shards) {
  last_docid_ = db_->get_lastdocid();
  lanes_ = std::make_unique<ShardLanes>(std::move(shards));
}

void Writer::settle() {
  if (lanes_) lanes_->settle();
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
