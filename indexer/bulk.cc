// The bulk first build: parts on threads, shards, compaction, install.
#include "indexer/bulk.h"

#include <sys/statvfs.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "common/document.h"
#include "common/error.h"
#include "common/schema.h"
#include "indexer/copies.h"
#include "indexer/feed.h"
#include "indexer/prepare.h"
#include "indexer/stories.h"
#include "indexer/writer.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

// What a first build is making (its work area and the database it builds), for
// remove_unfinished_build().
std::mutex g_unfinished_mutex;
std::vector<fs::path> g_unfinished;

// Registers `paths` as unfinished for the life of the object.
class Unfinished {
 public:
  explicit Unfinished(std::vector<fs::path> paths) {
    std::lock_guard<std::mutex> lock(g_unfinished_mutex);
    g_unfinished = std::move(paths);
  }
  ~Unfinished() {
    std::lock_guard<std::mutex> lock(g_unfinished_mutex);
    g_unfinished.clear();
  }
};

// A file, or the part of a JSON Lines file, that one part reads.
struct WorkItem {
  const InputFile* file;
  ByteRange range;
};

// Cuts the files into `jobs` parts of about equal size, in order; JSON Lines files may be cut
// anywhere (the reader moves each cut to a line boundary), other files are read whole.
std::vector<std::vector<WorkItem>> partition(const std::vector<InputFile>& files, unsigned jobs) {
  std::uint64_t total = 0;
  for (const InputFile& f : files) total += f.size;
  std::vector<std::vector<WorkItem>> parts(jobs);
  const std::uint64_t share = std::max<std::uint64_t>(1, (total + jobs - 1) / jobs);
  std::size_t part = 0;
  std::uint64_t filled = 0;  // bytes given to the current part
  for (const InputFile& f : files) {
    const bool split = splittable(f.path);
    std::uint64_t at = 0;
    do {
      if (filled >= share && part + 1 < jobs) ++part, filled = 0;
      std::uint64_t take = f.size - at;
      if (split && part + 1 < jobs) take = std::min(take, share - filled);
      ByteRange range;
      if (split) range = ByteRange{at, at + take == f.size ? UINT64_MAX : at + take};
      parts[part].push_back({&f, range});
      at += take;
      filled += take;
    } while (at < f.size);
  }
  return parts;
}

// Articles per shard: small shards keep adding cheap, and compaction merges them in one pass;
// articles between flushes of a shard (its commits need not be durable): Xapian's in-memory
// changes cost more per article as they grow. Both measured on Reuters: docs/performance.md.
constexpr std::size_t kShardArticles = 25000;
constexpr std::size_t kShardFlush = 250;

}  // namespace

std::string remove_unfinished_build() {
  std::lock_guard<std::mutex> lock(g_unfinished_mutex);
  std::string why;
  struct statvfs disk;
  if (!g_unfinished.empty() && ::statvfs(g_unfinished.front().parent_path().c_str(), &disk) == 0 &&
      disk.f_bavail * disk.f_frsize < (std::uint64_t{1} << 20))
    why = "No space left on device";
  std::error_code ec;
  // Other threads may still be writing there: what they add while it goes is removed again.
  for (const fs::path& p : g_unfinished) {
    for (int attempt = 0; attempt < 10 && fs::exists(p, ec); ++attempt) fs::remove_all(p, ec);
  }
  return why;
}

struct BulkBuild::Part {
  std::vector<WorkItem> items;
  fs::path dir;  // its shards: dir/0, dir/1, ... in input order
  std::vector<fs::path> shards;
  Counts counts;
  std::vector<std::string> messages;
  std::exception_ptr error;
};

void BulkBuild::run(const std::vector<InputFile>& files, unsigned jobs, Counts* counts) {
  const fs::path building = store_.work_area(), merged = store_.next_path();
  Unfinished unfinished({building, merged});
  std::string failure;
  try {
    build(files, jobs, building, merged, counts);
  } catch (const Xapian::Error& e) {
    failure = xapian_message(e);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  std::error_code ec;
  fs::remove_all(building, ec);
  if (failure.empty()) return;
  if (merged != store_.current())
    fs::remove_all(merged, ec);  // (unless installed before the failure)
  throw Error("cannot build the database in " + options_.db + ": " + failure);
}

void BulkBuild::build(const std::vector<InputFile>& files, unsigned jobs, const fs::path& building,
                      const fs::path& merged, Counts* counts) {
  std::vector<std::vector<WorkItem>> cut = partition(files, jobs);
  std::vector<Part> parts(cut.size());
  std::atomic<bool> failed{false};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    parts[i].items = std::move(cut[i]);
    parts[i].dir = building / ("part" + std::to_string(i));
    threads.emplace_back([this, &part = parts[i], &failed] {
      try {
        build_part(part, &failed);
      } catch (...) {
        part.error = std::current_exception();
        failed = true;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const Part& p : parts) {
    if (p.error) std::rethrow_exception(p.error);
  }
  for (const Part& p : parts) {
    for (const std::string& m : p.messages) report_.message(m);
    *counts += p.counts;
  }
  {
    Xapian::Database all;
    for (const Part& p : parts) {
      for (const fs::path& shard : p.shards)
        all.add_database(Xapian::Database(shard.string(), Xapian::DB_BACKEND_GLASS));
    }
    all.compact(merged.string());
  }
  for (const Part& p : parts) fs::remove_all(p.dir);
  drop_duplicates(merged, counts);
  if (options_.copies) {
    Xapian::WritableDatabase db(merged.string(), Xapian::DB_OPEN);
    assign_copies(db, {}, true);
    assign_stories(db, {}, true);
    db.commit();
  }
  store_.install();
}

void BulkBuild::build_part(Part& part, std::atomic<bool>* failed) {
  std::unique_ptr<Xapian::WritableDatabase> shard;
  auto next = [&]() {
    if (shard) shard->close();
    part.shards.push_back(part.dir / std::to_string(part.shards.size()));
    shard = std::make_unique<Xapian::WritableDatabase>(
        part.shards.back().string(),
        // Not DB_DANGEROUS: a shard that fails to write (a full disk) must be able to cancel its
        // changes and say why (docs/performance.md: no slower).
        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
    shard->set_metadata(kSchemaKey, std::to_string(kSchemaVersion));
    record_choices(*shard, options_);
    shard->set_metadata(kSpellingKey, "1");  // compaction adds up the shards' spelling tables
    if (options_.copies) {
      shard->set_metadata(kCopiesKey, "1");   // the build files copies and stories once the
      shard->set_metadata(kStoriesKey, "1");  // shards are merged
    }
    if (!root_.empty()) shard->set_metadata(kRootKey, root_);
    return shard.get();
  };
  fs::create_directories(part.dir);
  Preparer preparer(options_, extractor_, nullptr);
  Writer writer(next(), options_, true, out_, report_);
  writer.rollover(kShardArticles, next);
  writer.commit_every(kShardFlush);
  InOrderFeed feed(
      preparer, writer, [&part](const std::string& m) { part.messages.push_back(m); }, failed);
  feed.count_bytes([this](std::uint64_t n) { report_.add_read(n); });
  for (const WorkItem& item : part.items) {
    if (feed.stopped()) break;
    feed.read(*item.file, options_.read, item.range);
  }
  // The build files every article once the shards are merged: the last shard lists none as
  // unfiled (it listed "all", which made the first update after a bulk build file the whole
  // archive again, into other groups than an update files them).
  writer.filed();
  writer.rollover(0, nullptr);
  writer.commit();
  shard->close();
  part.counts = writer.counts;
}

// The same id in two shards (an article repeated in the input): as when one thread replaces
// the earlier article with the later, the first place keeps the last content.
void BulkBuild::drop_duplicates(const fs::path& merged, Counts* counts) {
  const std::string id_prefix(find_field("id")->prefix);
  bool repeated = false;
  {
    Xapian::Database db(merged.string());
    for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix) && !repeated; ++t)
      repeated = t.get_termfreq() > 1;
  }
  if (!repeated) return;
  Xapian::WritableDatabase db(merged.string(), Xapian::DB_OPEN);
  DocumentBuilder stored;
  std::vector<std::vector<Xapian::docid>> groups;
  for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
    if (t.get_termfreq() > 1) groups.emplace_back(db.postlist_begin(*t), db.postlist_end(*t));
  }
  for (const std::vector<Xapian::docid>& ids : groups) {
    Xapian::Document last = db.get_document(ids.back());
    // Each copy added its words: those of every copy but the last go (the first's content too,
    // which the last replaces).
    if (keeps_spelling(db)) {
      for (std::size_t k = 0; k + 1 < ids.size(); ++k)
        remove_spelling(db, stored.spelling_words(db.get_document(ids[k])));
    }
    for (std::size_t k = 1; k < ids.size(); ++k) {  // each counted as one thread counts it
      --counts->added;
      const bool same = db.get_document(ids[k]).get_value(kHashSlot) ==
                        db.get_document(ids[k - 1]).get_value(kHashSlot);
      ++(same ? counts->unchanged : counts->updated);
    }
    db.replace_document(ids.front(), last);
    for (std::size_t k = 1; k < ids.size(); ++k) db.delete_document(ids[k]);
  }
  db.commit();
}

}  // namespace morgue
