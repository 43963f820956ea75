// Opening morgue databases: stubs followed and checked before anything is opened, the schema
// version check, the indexer's lock and the layout that lets a first build appear whole, and the
// errors a user can act on (no database, locked, read-only, wrong schema, a stub that would run a
// program, a stub that includes itself).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace morgue {

struct OpenOptions {
  // Stubs may name "remote :PROGRAM" shards, which run a program when the database opens. A
  // database path handed over by someone else must not run code, so they are refused unless the
  // user asks for them.
  bool allow_remote_programs = false;
};

// Stubs may list stubs, at most this deep (the path given being the first).
inline constexpr int kMaxStubDepth = 8;
// The file that makes a folder a Xapian stub database (an archive of shards).
inline constexpr const char* kStubName = "XAPIANDB";

// Opens PATH for searching: a database directory, a directory holding a Xapian stub (XAPIANDB),
// a stub file, or a single-file database. Every stub is read once and checked, nested stubs
// followed (at most kMaxStubDepth deep), and each database it lists is opened as what was
// checked (a glass directory as glass, a remote server by its address), never by handing a path
// back to Xapian to guess: a stub swapped meanwhile cannot slip a program in. Throws Error when
// PATH does not exist or holds no database, when a stub has a bad line, includes itself, lists a
// database twice, nests too deep or names a program (without allow_remote_programs), and when a
// database has another schema version. A database being installed by a first build (see
// LockedDatabase) is opened as before or after, never failing in between.
Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options = {});

// Opens PATH as above, and gives `shards` every database it names on its own, in order, with
// whether it is remote (a server's or a program's): the same databases as the whole's, at the same
// revision (reopening the whole reopens them).
struct OpenedShard {
  Xapian::Database db;
  bool remote = false;
};
Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options,
                                  std::vector<OpenedShard>* shards);
// Whether every one of `shards` is local.
bool all_local(const std::vector<OpenedShard>& shards);

// A Xapian error in words: its message and, where it has one, the system's reason ("Error writing
// block 35 (No space left on device)").
std::string xapian_message(const Xapian::Error& e);

// Whether PATH (followed as open_for_reading does, opening nothing) is exactly one local database.
bool single_local_database(const std::string& path);

// Writes `text` to `file` and syncs it; syncs a folder (after a file in it is made or renamed).
// Throw Error when they fail.
void write_synced(const std::filesystem::path& file, const std::string& text);
void sync_directory(const std::filesystem::path& dir);

// A database directory opened for indexing, under its lock (the file .morgue-lock in it, held
// while the object lives).
//
// Layout: a directory this version creates holds the stub XAPIANDB ("glass db-N"), the glass
// database db-N it names and the lock. A new directory appears whole: it is made beside PATH and
// renamed into place. A first build is built apart in db-(N+1) and installed by renaming a new
// XAPIANDB over the old, after which db-N goes: a reader, or a kill at any moment, finds the old
// database or the new one whole. A directory that is itself a glass database (from earlier
// versions) is used as it is, and turned into the stub layout by its first install.
class LockedDatabase {
 public:
  // Opens PATH, creating it when it does not exist or is an empty folder; leftovers of a build
  // that was killed are removed. Throws Error when another indexer holds it (unless `wait`: then
  // waits), when it is read-only, a file, a folder holding something else, a stub naming anything
  // but one local database, or of another schema version.
  LockedDatabase(const std::string& path, bool wait);
  ~LockedDatabase();
  LockedDatabase(const LockedDatabase&) = delete;
  LockedDatabase& operator=(const LockedDatabase&) = delete;

  Xapian::WritableDatabase& db() { return db_; }
  // The glass database folder that db() writes.
  const std::filesystem::path& current() const { return current_; }

  // Whether install() may replace the database: the folder is morgue's (not a stub of the
  // user's naming a database elsewhere).
  bool can_install() const { return managed_; }
  // A new folder inside the database for temporary work (removed by the next open).
  std::filesystem::path work_area();
  // Where to build the database that install() puts in place (it does not exist yet).
  std::filesystem::path next_path() const;
  // Makes the complete database at next_path() the database, atomically: its files are synced,
  // XAPIANDB is replaced by rename, the old database removed; db() is then the new one.
  void install();

  // Whether this run created the database (the path did not exist, or was an empty folder).
  bool created() const { return created_; }
  // Takes back the database this run created, when it holds no article: closes it and removes it
  // (an empty folder the user made is left empty). Returns whether it did.
  bool remove_if_created_empty();

 private:
  void lock(const std::filesystem::path& dir, bool wait);
  void unlock();
  void create();
  void recover();
  void open_current(bool wait);

  std::filesystem::path path_;
  int lock_fd_ = -1;
  bool legacy_ = false;            // the folder is itself a glass database
  bool managed_ = false;           // the stub layout of this version, or legacy
  std::filesystem::path current_;  // the glass database written
  int generation_ = 0;             // N of db-N (0: legacy)
  bool created_ = false;           // by this run
  bool was_empty_folder_ = false;  // the path was an empty folder before this run
  Xapian::WritableDatabase db_;
};

}  // namespace morgue
