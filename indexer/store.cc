// The database a run writes: one database, or an archive of shards.
#include "indexer/store.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <set>
#include <thread>

#include "common/error.h"
#include "common/schema.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

std::string shard_name(std::size_t k) { return "shard" + std::to_string(k); }

// What a shard's kShardKey holds.
std::string shard_mark(std::size_t k, std::size_t n) {
  return std::to_string(k) + " " + std::to_string(n);
}

std::string archive_stub(std::size_t n) {
  std::string text = "# A morgue archive of " + std::to_string(n) +
                     " shards (morgue-index --shards): each article is in one of them\n";
  for (std::size_t k = 0; k < n; ++k) text += "auto " + shard_name(k) + "\n";
  return text;
}

// Whether `dir` holds only what a creation of an archive of `n` shards that was cut short
// leaves: shard folders (still empty: articles are written once the stub is in place), a shard's
// staging folder (a kill before the first shard was in place leaves only that) and the stub
// being written.
bool unfinished_archive(const fs::path& dir, std::size_t n) {
  std::error_code ec;
  std::set<std::string> shards;
  for (std::size_t k = 0; k < n; ++k) shards.insert(shard_name(k));
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (!shards.count(name) && name != std::string(kStubName) + ".new" &&
        name.rfind(".shard", 0) != 0)
      return false;
  }
  return !ec;
}

}  // namespace

std::vector<fs::path> archive_shards(const fs::path& path) {
  std::error_code ec;
  const fs::path stub = path / kStubName;
  if (!fs::is_regular_file(stub, ec) || fs::file_size(stub, ec) > (1u << 16)) return {};
  std::ifstream in(stub);
  std::vector<fs::path> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (line != "auto " + shard_name(out.size())) return {};
    out.push_back(path / shard_name(out.size()));
  }
  return out.size() <= kMaxShards ? out : std::vector<fs::path>();
}

Store::Store(const std::string& path, bool wait, std::size_t shards)
    : path_(fs::absolute(path).lexically_normal()) {
  if (shards > kMaxShards) throw Error("--shards must be at most " + std::to_string(kMaxShards));
  if (const std::vector<fs::path> existing = archive_shards(path_); !existing.empty()) {
    if (shards && shards != existing.size())
      throw Error("database " + path + " is an archive of " + std::to_string(existing.size()) +
                  " shards, not " + std::to_string(shards) +
                  ": the number of shards is a new database's choice");
    open_archive(existing, wait);
    return;
  }
  std::error_code ec;
  const bool found = fs::exists(path_, ec);
  if (shards > 1) {
    const bool empty_folder = found && fs::is_directory(path_, ec) && fs::is_empty(path_, ec);
    if (found && !empty_folder && !unfinished_archive(path_, shards))
      throw Error("--shards " + std::to_string(shards) + ": " + path +
                  " exists and is not an archive of " + std::to_string(shards) +
                  " shards: the number of shards is a new database's choice (give a new or "
                  "empty folder as --db)");
    was_empty_folder_ = empty_folder;
    create_archive(shards, wait);
    return;
  }
  parts_.push_back(std::make_unique<LockedDatabase>(path, wait));
  const std::string mark = parts_.front()->db().get_metadata(kShardKey);
  if (!mark.empty()) {
    const std::size_t space = mark.find(' ');
    const std::string k = mark.substr(0, space), n = mark.substr(space + 1);
    throw Error("database " + path + " is shard " + k + " of the archive of " + n + " shards " +
                path_.parent_path().string() + ": index into the archive (--db " +
                path_.parent_path().string() + "), which deals each article to its shard");
  }
}

Store::~Store() {
  parts_.clear();  // each shard closed before its lock goes
}

void Store::create_archive(std::size_t n, bool wait) {
  std::error_code ec;
  if (!fs::is_directory(path_, ec) && !fs::create_directories(path_, ec) && ec)
    throw Error("cannot create database " + path_.string() + ": " + ec.message());
  created_ = true;
  try {
    for (std::size_t k = 0; k < n; ++k) {
      auto part = std::make_unique<LockedDatabase>((path_ / shard_name(k)).string(), wait);
      if (part->db().get_doccount() != 0)
        throw Error("cannot create database " + path_.string() + ": " +
                    (path_ / shard_name(k)).string() + " holds articles");
      part->db().set_metadata(kShardKey, shard_mark(k, n));
      part->db().commit();
      parts_.push_back(std::move(part));
    }
    // The stub last: until it is there, searchers find no database, never part of one.
    const fs::path stub = path_ / kStubName, next = path_ / (std::string(kStubName) + ".new");
    write_synced(next, archive_stub(n));
    fs::rename(next, stub);
    sync_directory(path_);
  } catch (...) {
    parts_.clear();
    if (!was_empty_folder_) fs::remove_all(path_, ec);
    throw;
  }
  sharded_ = true;
  for (auto& part : parts_) db_.add_database(part->db());
}

void Store::open_archive(const std::vector<fs::path>& shards, bool wait) {
  for (std::size_t k = 0; k < shards.size(); ++k) {
    auto part = std::make_unique<LockedDatabase>(shards[k].string(), wait);
    if (part->db().get_metadata(kShardKey) != shard_mark(k, shards.size()))
      throw Error("database " + path_.string() + ": " + shards[k].string() + " is not shard " +
                  std::to_string(k) + " of its " + std::to_string(shards.size()) +
                  " shards (was a shard replaced by another database?)");
    parts_.push_back(std::move(part));
  }
  sharded_ = true;
  for (auto& part : parts_) db_.add_database(part->db());
}

Xapian::WritableDatabase& Store::db() { return sharded_ ? db_ : parts_.front()->db(); }

std::string Store::reading_path() const {
  return sharded_ ? path_.string() : parts_.front()->current().string();
}

void Store::spread_metadata() {
  if (!sharded_) return;
  Xapian::WritableDatabase& first = parts_.front()->db();
  auto local = [](const std::string& key) { return key == kShardKey || key == kUnfiledKey; };
  std::vector<std::string> keys;
  for (auto k = first.metadata_keys_begin(); k != first.metadata_keys_end(); ++k)
    if (!local(*k)) keys.push_back(*k);
  for (std::size_t i = 1; i < parts_.size(); ++i) {
    Xapian::WritableDatabase& shard = parts_[i]->db();
    std::vector<std::string> gone;
    for (auto k = shard.metadata_keys_begin(); k != shard.metadata_keys_end(); ++k)
      if (!local(*k) && first.get_metadata(*k).empty()) gone.push_back(*k);
    for (const std::string& key : gone) shard.set_metadata(key, "");
    for (const std::string& key : keys) {
      const std::string value = first.get_metadata(key);
      if (shard.get_metadata(key) != value) shard.set_metadata(key, value);
    }
  }
}

void Store::compact(unsigned threads) {
  if (!sharded_) return;
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(parts_.size());
  auto work = [&] {
    for (std::size_t k; (k = next++) < parts_.size();) {
      try {
        Xapian::Database(parts_[k]->current().string(), Xapian::DB_BACKEND_GLASS)
            .compact(parts_[k]->next_path().string());
      } catch (...) {
        errors[k] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::clamp<std::size_t>(threads, 1, parts_.size()); ++t)
    pool.emplace_back(work);
  for (std::thread& t : pool) t.join();
  for (std::size_t k = 0; k < parts_.size(); ++k) {
    std::error_code ec;
    if (errors[k]) {  // every compacted copy goes; the shards stay as they were, whole
      for (auto& part : parts_) fs::remove_all(part->next_path(), ec);
      std::rethrow_exception(errors[k]);
    }
  }
  db_ = Xapian::WritableDatabase();
  for (auto& part : parts_) part->install();
  for (auto& part : parts_) db_.add_database(part->db());
}

bool Store::remove_if_created_empty() {
  if (!sharded_) return parts_.front()->remove_if_created_empty();
  if (!created_ || db_.get_doccount() != 0) return false;
  db_ = Xapian::WritableDatabase();
  parts_.clear();
  std::error_code ec;
  // The stub first: a searcher that opens the path meanwhile finds no database.
  fs::remove(path_ / kStubName, ec);
  if (was_empty_folder_) {
    for (const auto& entry : fs::directory_iterator(path_, ec)) fs::remove_all(entry.path(), ec);
  } else {
    fs::remove_all(path_, ec);
  }
  created_ = false;
  return true;
}

}  // namespace morgue
