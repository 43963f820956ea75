// Database opening and the schema version check.
#include "common/database.h"

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

void check_schema(const Xapian::Database& db, const std::string& path) {
  std::string version = db.get_metadata(kSchemaKey);
  if (version.empty()) {
    if (db.get_doccount() == 0) return;  // a new, empty database
    throw Error("database " + path + " is not a morgue database (no schema version): index into a new one");
  }
  if (version != std::to_string(kSchemaVersion))
    throw Error("database " + path + " has schema version " + version + " but this morgue reads version " +
                std::to_string(kSchemaVersion) + ": re-index it with morgue-index into a new database");
}

}  // namespace

void check_stub(const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  std::vector<std::pair<fs::path, int>> pending{{fs::path(path), 0}};
  while (!pending.empty()) {
    auto [stub, depth] = pending.back();
    pending.pop_back();
    if (!fs::is_regular_file(stub, ec) || depth > 8) continue;
    std::ifstream in(stub);
    std::string line;
    while (std::getline(in, line)) {
      std::string_view l = trim(line);
      if (l.empty() || l.front() == '#') continue;
      auto space = l.find(' ');
      std::string_view kind = l.substr(0, space);
      std::string_view arg = space == std::string_view::npos ? std::string_view() : trim(l.substr(space + 1));
      bool runs_program = kind == "prog" || (kind == "remote" && !arg.empty() && arg.front() == ':');
      if (runs_program && !options.allow_remote_programs)
        throw Error("stub file " + stub.string() + " names a shard that runs a program (\"" +
                    std::string(l) + "\"); refused unless --allow-remote-programs is given");
      if (kind == "auto" || kind == "stub") {
        fs::path next = fs::path(std::string(arg));
        if (next.is_relative()) next = stub.parent_path() / next;
        pending.emplace_back(next, depth + 1);
      }
    }
  }
}

Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw Error("no database at " + path + " (index one with morgue-index, or give --db)");
  check_stub(path, options);
  Xapian::Database db;
  try {
    db = Xapian::Database(path);
  } catch (const Xapian::DatabaseVersionError& e) {
    throw Error("database " + path + " was written by another Xapian version: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw Error("cannot open database " + path + ": " + e.get_msg());
  }
  check_schema(db, path);
  return db;
}

Xapian::WritableDatabase open_for_writing(const std::string& path, bool wait) {
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_directory(path, ec))
    throw Error("database path " + path + " is a file, not a database directory");
  Xapian::WritableDatabase db;
  try {
    db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | (wait ? Xapian::DB_RETRY_LOCK : 0));
  } catch (const Xapian::DatabaseLockError&) {
    throw Error("database " + path + " is locked by another indexer (--wait waits for it)");
  } catch (const Xapian::Error& e) {
    throw Error("cannot open database " + path + " for writing: " + e.get_msg());
  }
  check_schema(db, path);
  if (db.get_metadata(kSchemaKey).empty()) {
    db.set_metadata(kSchemaKey, std::to_string(kSchemaVersion));
    db.commit();
  }
  return db;
}

}  // namespace morgue
