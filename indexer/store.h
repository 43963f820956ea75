// The database a run writes: one morgue database folder (LockedDatabase), or an archive of N
// shards (morgue-index --shards N), written as one database.
//
// An archive of shards is a folder holding the stub XAPIANDB, which lists `auto shard0`, `auto
// shard1`, ... in order, and the shards: each a morgue database folder of its own (its own lock
// and install layout), marked in its metadata as shard K of N (kShardKey) so that no run writes
// one apart from the others. A run opens every shard under its lock and writes them through one
// Xapian::WritableDatabase: article d of the whole (its docid) is in shard (d - 1) mod N, so that
// new articles are dealt to the shards in turn, an update goes to the shard that holds the
// article, and the whole numbers its articles in input order as one database would. Searching the
// folder (or serving its shards, scripts/serve-shards) gives one database's answers: copies and
// stories are filed over every shard by the run's passes. The spelling data is kept in shard 0,
// and so is the metadata the run writes; spread_metadata() copies it to the others.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/database.h"

namespace morgue {

inline constexpr std::size_t kMaxShards = 256;

// The shard folders of the archive of shards at `path`, in order, or none when `path` is not one
// (does not exist, is one database, a stub of the user's).
std::vector<std::filesystem::path> archive_shards(const std::filesystem::path& path);

class Store {
 public:
  // Opens the database at `path` as LockedDatabase does, or the archive of shards it is.
  // `shards`: 0 takes the database as it is (made as one database when it is new); N makes a new
  // database an archive of N shards (1: one database), and must match an existing one. Throws
  // Error when N does not match the database, and when `path` is a shard of an archive.
  Store(const std::string& path, bool wait, std::size_t shards);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The whole database: one, or every shard in order.
  Xapian::WritableDatabase& db();
  // The number of shards (1 for one database).
  std::size_t shards() const { return parts_.size(); }
  // The one database, for a first build installed whole (BulkBuild); null for shards.
  LockedDatabase* single() { return sharded_ ? nullptr : parts_.front().get(); }
  // Whether a first build may build the database apart and install it: one database of morgue's
  // folder layout (an archive of shards is written in place, through db()).
  bool can_install() const { return !sharded_ && parts_.front()->can_install(); }
  // What readers open to see this database (the run's own lookups): a glass folder, or the
  // archive's folder.
  std::string reading_path() const;

  // Copies the metadata the run wrote (to shard 0, as Xapian writes a sharded database's) to the
  // other shards, so that each holds its archive's choices; committed with the next commit.
  void spread_metadata();

  // Compacts every shard on up to `threads` threads, each installed whole as a first build of
  // one database is (LockedDatabase::install): a first build into an archive leaves its shards'
  // tables partly filled, 1.7 times the size of one compacted database on 10x Reuters, and
  // slower to search (docs/performance.md). Needs every change committed.
  void compact(unsigned threads);

  // Takes back the database this run created, when it holds no article (LockedDatabase's, for
  // every shard and the archive's folder). Returns whether it did.
  bool remove_if_created_empty();

 private:
  void create_archive(std::size_t shards, bool wait);
  void open_archive(const std::vector<std::filesystem::path>& shards, bool wait);

  std::filesystem::path path_;
  bool sharded_ = false;
  bool created_ = false;           // the archive's folder or stub, by this run
  bool was_empty_folder_ = false;  // the path was an empty folder before this run
  std::vector<std::unique_ptr<LockedDatabase>> parts_;
  Xapian::WritableDatabase db_;
};

}  // namespace morgue
