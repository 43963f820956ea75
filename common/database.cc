// Database opening: stubs resolved and checked by morgue itself, the schema version check, and
// the indexer's locked, atomically installed database folder.
#include "common/database.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

constexpr const char* kLockName = ".morgue-lock";  // the indexer's lock
constexpr const char* kWorkName = ".morgue-bulk";  // temporary work of a first build
constexpr std::size_t kMaxStubBytes = std::size_t{1} << 20;
constexpr int kOpenAttempts = 5;  // a reader racing an install (open_for_reading)

void check_schema(const Xapian::Database& db, const std::string& path) {
  std::string version = db.get_metadata(kSchemaKey);
  if (version.empty()) {
    if (db.get_doccount() == 0) return;  // a new, empty database
    throw Error("database " + path +
                " is not a morgue database (no schema version): index into a new one");
  }
  if (version != std::to_string(kSchemaVersion))
    throw Error("database " + path + " has schema version " + version +
                " but this morgue reads version " + std::to_string(kSchemaVersion) +
                ": re-index it with morgue-index into a new database");
}

std::string errno_text(int error) { return std::strerror(error); }

bool present(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

// A file descriptor closed when it goes out of scope (unless released).
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(o.release()) {}
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Up to `limit` bytes from the start of an open file; `truncated` says whether there was more.
std::string read_fd(int fd, std::size_t limit, bool* truncated) {
  std::string out;
  char buffer[8192];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > limit) break;
  }
  *truncated = out.size() > limit;
  if (*truncated) out.resize(limit);
  return out;
}

// One database named by a path or a stub, as checked.
struct Shard {
  enum class Kind { kGlass, kChert, kSingleFile, kTcp, kProgram } kind;
  std::string path;  // the folder (glass, chert) or the file (single-file); what a message names
  std::shared_ptr<Fd> file;  // kSingleFile: the file as it was checked, opened once
  std::string host;
  unsigned port = 0;
  std::string program, args;
};

// Follows a database path through its stubs, reading each once, without opening any database.
class Resolver {
 public:
  // `refusal` ends the message that refuses a program shard.
  Resolver(bool allow_programs, std::string refusal)
      : allow_programs_(allow_programs), refusal_(std::move(refusal)) {}

  std::vector<Shard> resolve(const std::string& path) {
    follow(fs::path(path), 0, "");
    return std::move(shards_);
  }

 private:
  // `where`: the stub line that names `path` ("" for the path given).
  void follow(const fs::path& path, int depth, const std::string& where) {
    const std::string prefix = where.empty() ? "" : where + ": ";
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      if (where.empty())
        throw Error("no database at " + path.string() +
                    " (index one with morgue-index, or give --db)");
      throw Error(prefix + "no database at " + path.string());
    }
    if (S_ISDIR(st.st_mode)) {
      if (present(path / "iamglass")) return local(Shard::Kind::kGlass, path, prefix);
      if (present(path / "iamchert")) return local(Shard::Kind::kChert, path, prefix);
      if (present(path / kStubName))
        return stub(path / kStubName, Fd(::open((path / kStubName).c_str(), O_RDONLY | O_CLOEXEC)),
                    depth);
      throw Error(prefix + "no database at " + path.string() +
                  " (a folder with no database in it)");
    }
    if (!S_ISREG(st.st_mode))
      throw Error(prefix + path.string() + " is neither a database folder nor a stub file");
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
      throw Error(prefix + "cannot read " + path.string() + ": " + errno_text(errno));
    // A single-file database starts with the glass magic (as Xapian tells them apart).
    char magic[14];
    if (::pread(fd.get(), magic, sizeof magic, 0) == sizeof magic &&
        std::memcmp(magic, "\x0f\x0dXapian Glass", 14) == 0) {
      Shard s{Shard::Kind::kSingleFile,
              path.string(),
              std::make_shared<Fd>(std::move(fd)),
              "",
              0,
              "",
              ""};
      return add_unique(std::move(s), key_of(path), prefix);
    }
    stub(path, std::move(fd), depth);
  }

  void local(Shard::Kind kind, const fs::path& dir, const std::string& prefix) {
    add_unique(Shard{kind, dir.string(), nullptr, "", 0, "", ""}, key_of(dir), prefix);
  }

  void add_unique(Shard s, const std::string& key, const std::string& prefix) {
    if (!seen_.insert(key).second)
      throw Error(prefix + "lists " + s.path + " a second time (its articles would count twice)");
    shards_.push_back(std::move(s));
  }

  static std::string key_of(const fs::path& p) {
    std::error_code ec;
    fs::path canonical = fs::canonical(p, ec);
    return (ec ? fs::absolute(p).lexically_normal() : canonical).string();
  }

  void stub(const fs::path& file, Fd fd, int depth) {
    if (fd.get() < 0)
      throw Error("cannot read stub file " + file.string() + ": " + errno_text(errno));
    const std::string key = key_of(file);
    for (const std::string& outer : chain_) {
      if (outer == key) throw Error("stub file " + file.string() + " includes itself");
    }
    if (depth >= kMaxStubDepth)
      throw Error("stub file " + file.string() + " is nested more than " +
                  std::to_string(kMaxStubDepth) + " stubs deep");
    if (!seen_.insert(key).second) throw Error("stub file " + file.string() + " is listed twice");
    bool truncated = false;
    const std::string text = read_fd(fd.get(), kMaxStubBytes, &truncated);
    if (truncated)
      throw Error(file.string() + " is larger than 1 MiB: no database and no stub file");
    chain_.push_back(key);
    std::size_t number = 0, start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      line(file, ++number, trim(std::string_view(text).substr(start, end - start)), depth);
      start = end + 1;
    }
    chain_.pop_back();
  }

  void line(const fs::path& file, std::size_t number, std::string_view l, int depth) {
    if (l.empty() || l.front() == '#') return;
    const std::string where = "stub file " + file.string() + ":" + std::to_string(number);
    std::size_t space = l.find_first_of(" \t");
    const std::string_view type = l.substr(0, space);
    const std::string rest(space == std::string_view::npos ? std::string_view()
                                                           : trim(l.substr(space + 1)));
    auto relative = [&](const std::string& p) {
      return fs::path(p).is_relative() ? file.parent_path() / p : fs::path(p);
    };
    if ((type == "auto" || type == "glass" || type == "chert") && !rest.empty()) {
      if (type == "auto") return follow(relative(rest), depth + 1, where);
      const fs::path dir = relative(rest);
      if (!present(dir)) throw Error(where + ": no database at " + dir.string());
      return local(type == "glass" ? Shard::Kind::kGlass : Shard::Kind::kChert, dir, where + ": ");
    }
    if (type == "remote" && !rest.empty() && rest.front() == ':') {
      if (!allow_programs_)
        throw Error("stub file " + file.string() + " names a shard that runs a program (\"" +
                    std::string(l) + "\"); " + refusal_);
      const std::size_t gap = rest.find(' ');
      Shard s{Shard::Kind::kProgram,
              std::string(l),
              nullptr,
              "",
              0,
              rest.substr(1, gap == std::string::npos ? gap : gap - 1),
              gap == std::string::npos ? std::string() : rest.substr(gap + 1)};
      shards_.push_back(std::move(s));
      return;
    }
    if (type == "remote") {
      const std::size_t colon = rest.rfind(':');
      const std::string port = colon == std::string::npos ? "" : rest.substr(colon + 1);
      const bool digits = !port.empty() && port.size() <= 5 &&
                          port.find_first_not_of("0123456789") == std::string::npos;
      if (colon != 0 && digits && std::stoul(port) >= 1 && std::stoul(port) <= 65535) {
        Shard s{Shard::Kind::kTcp,
                rest,
                nullptr,
                rest.substr(0, colon),
                static_cast<unsigned>(std::stoul(port)),
                "",
                ""};
        return add_unique(std::move(s), "remote " + rest, where + ": ");
      }
    }
    // Like Xapian, the line itself is not shown: the file might be one that is no stub at all.
    throw Error(
        where +
        ": not a stub line (expected auto PATH, glass PATH, chert PATH, remote HOST:PORT or "
        "remote :PROGRAM ARGS)");
  }

  const bool allow_programs_;
  const std::string refusal_;
  std::vector<Shard> shards_;
  std::set<std::string> seen_;      // databases and stubs met (canonical paths), remote addresses
  std::vector<std::string> chain_;  // the stubs being read, outermost first
};

Xapian::Database open_shard(const Shard& s) {
  switch (s.kind) {
    case Shard::Kind::kGlass:
      return Xapian::Database(s.path, Xapian::DB_BACKEND_GLASS);
    case Shard::Kind::kChert:
      return Xapian::Database(s.path, Xapian::DB_BACKEND_CHERT);
    case Shard::Kind::kSingleFile:
      ::lseek(s.file->get(), 0, SEEK_SET);
      return Xapian::Database(s.file->release());  // Xapian owns the descriptor from here
    case Shard::Kind::kTcp:
      return Xapian::Remote::open(s.host, s.port);
    case Shard::Kind::kProgram:
      break;
  }
  return Xapian::Remote::open(s.program, s.args);
}

void sync_path(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw Error("cannot sync " + p.string() + ": " + errno_text(errno));
  const bool ok = ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!ok) throw Error("cannot sync " + p.string() + ": " + errno_text(error));
}

}  // namespace

void sync_directory(const fs::path& dir) { sync_path(dir, O_RDONLY | O_DIRECTORY); }

namespace {

// Every file of a database folder, then the folder: its content is on disk before it is named.
void sync_folder(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) sync_path(e.path(), O_RDONLY);
  }
  sync_directory(dir);
}

}  // namespace

void write_synced(const fs::path& file, const std::string& text) {
  Fd fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw Error("cannot write " + file.string() + ": " + errno_text(errno));
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd.get(), p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw Error("cannot write " + file.string() + ": " + errno_text(n < 0 ? errno : EIO));
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0)
    throw Error("cannot write " + file.string() + ": " + errno_text(errno));
}

namespace {

// The stub naming `name`, a folder beside it.
std::string stub_text(const std::string& name) {
  return "# A morgue database: the glass database in " + name +
         " (morgue-index replaces this file to install a new one)\nglass " + name + "\n";
}

// A new glass database at `dir` holding only the schema version; `shown` is the database path that
// messages name.
void create_glass(const fs::path& dir, const fs::path& shown) {
  try {
    Xapian::WritableDatabase db(dir.string(),
                                Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(kSchemaKey, std::to_string(kSchemaVersion));
    db.commit();
    db.close();
  } catch (const Xapian::Error& e) {
    throw Error("cannot create database " + shown.string() + ": " + xapian_message(e));
  }
}

// "db-N" -> N, else 0.
int generation_of(const std::string& name) {
  if (name.size() < 4 || name.compare(0, 3, "db-") != 0 ||
      name.find_first_not_of("0123456789", 3) != std::string::npos || name.size() > 12)
    return 0;
  return std::stoi(name.substr(3));
}

}  // namespace

std::string xapian_message(const Xapian::Error& e) {
  const char* why = e.get_error_string();
  return e.get_msg() + (why && *why ? std::string(" (") + why + ")" : std::string());
}

Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options) {
  return open_for_reading(path, options, nullptr);
}

bool all_local(const std::vector<OpenedShard>& shards) {
  return std::none_of(shards.begin(), shards.end(), [](const OpenedShard& s) { return s.remote; });
}

Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options,
                                  std::vector<OpenedShard>* shards) {
  // An indexer installing a first build replaces the stub and then removes the database it named:
  // a reader that read the old stub can find that database gone, and follows the stub again.
  // Nothing is opened until every stub has been read, so a retry has no side effects.
  for (int attempt = 1;; ++attempt) {
    Xapian::Database db;
    std::vector<OpenedShard> opened;
    try {
      Resolver resolver(options.allow_remote_programs,
                        "refused unless --allow-remote-programs is given");
      for (const Shard& shard : resolver.resolve(path)) {
        // A Database made of others holds theirs, not copies: each shard kept apart is the one
        // the whole reads.
        opened.push_back({open_shard(shard),
                          shard.kind == Shard::Kind::kTcp || shard.kind == Shard::Kind::kProgram});
        db.add_database(opened.back().db);
      }
      check_schema(db, path);
    } catch (const Xapian::DatabaseVersionError& e) {
      throw Error("database " + path + " was written by another Xapian version: " + e.get_msg());
    } catch (const Xapian::DatabaseOpeningError& e) {
      if (attempt < kOpenAttempts) continue;
      throw Error("cannot open database " + path + ": " + e.get_msg());
    } catch (const Xapian::DatabaseModifiedError& e) {
      // An indexer committing while the revision was read: read the new one.
      if (attempt < kOpenAttempts) continue;
      throw Error("cannot open database " + path + ": " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
      // Or, read a block the indexer's commit had just reused (it looks corrupt: "Expected block
      // 3 to be level 1, not 0"): the revision is gone, the next one is whole. A database that is
      // really corrupt says so on every attempt.
      if (attempt < kOpenAttempts) continue;
      throw Error("cannot open database " + path + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw Error("cannot open database " + path + ": " + e.get_msg());
    } catch (const Error&) {
      if (attempt < kOpenAttempts) continue;
      throw;
    }
    if (shards) *shards = std::move(opened);
    return db;
  }
}

bool single_local_database(const std::string& path) {
  try {
    std::vector<Shard> shards = Resolver(true, "").resolve(path);
    return shards.size() == 1 && shards[0].kind != Shard::Kind::kTcp &&
           shards[0].kind != Shard::Kind::kProgram;
  } catch (const Error&) {
    return false;
  }
}

// ---- the indexer's database ----

LockedDatabase::LockedDatabase(const std::string& path, bool wait)
    : path_(fs::absolute(path).lexically_normal()) {
  struct stat st;
  const bool found = ::lstat(path_.c_str(), &st) == 0;
  if (found && ::stat(path_.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
    throw Error("database path " + path + " is a file, not a database directory");
  std::error_code ec;
  if (!found || (S_ISDIR(st.st_mode) && !fs::is_symlink(path_, ec) && fs::is_empty(path_, ec))) {
    was_empty_folder_ = found;
    create();
    if (lock_fd_ < 0 && !fs::is_directory(path_, ec) && !fs::create_directories(path_, ec) && ec)
      throw Error("cannot create database " + path_.string() + ": " + ec.message());
  }
  if (lock_fd_ < 0) lock(path_, wait);
  recover();
  open_current(wait);
}

LockedDatabase::~LockedDatabase() {
  try {
    db_.close();  // before the lock goes, so that the next indexer finds Xapian's lock free
  } catch (const Xapian::Error&) {
  }
  unlock();
}

void LockedDatabase::lock(const fs::path& dir, bool wait) {
  const fs::path file = dir / kLockName;
  lock_fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    const int error = errno;
    if (error == EROFS || error == EACCES || error == EPERM)
      throw Error("database " + path_.string() + " is read-only (" + errno_text(error) +
                  "): morgue-index must write to it; search it as it is, or index into a copy");
    throw Error("cannot open database " + path_.string() + " for writing: " + file.string() + ": " +
                errno_text(error));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno != EWOULDBLOCK || !wait) {
    const int error = errno;
    unlock();
    if (error == EWOULDBLOCK)
      throw Error("database " + path_.string() +
                  " is locked by another indexer (--wait waits for it)");
    throw Error("cannot lock database " + path_.string() + ": " + errno_text(error));
  }
  while (::flock(lock_fd_, LOCK_EX) != 0) {
    if (errno != EINTR)
      throw Error("cannot lock database " + path_.string() + ": " + errno_text(errno));
  }
}

// A new database folder appears whole: it is made beside PATH and renamed into place (over an
// empty folder, too). Where that cannot be done (the parent is not writable, PATH is a mount
// point), the folder is filled in place under its lock, the stub last (open_current).
void LockedDatabase::create() {
  const fs::path staging = path_.parent_path() / ("." + path_.filename().string() + ".morgue-new-" +
                                                  std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(staging, ec);
  if (!fs::create_directory(staging, ec)) return;
  try {
    lock(staging, false);
    create_glass(staging / "db-1", path_);
    write_synced(staging / kStubName, stub_text("db-1"));
    sync_directory(staging);
    if (::rename(staging.c_str(), path_.c_str()) == 0) {
      sync_directory(path_.parent_path());
      created_ = true;
      return;
    }
  } catch (...) {
    unlock();
    fs::remove_all(staging, ec);
    throw;
  }
  unlock();  // someone else made it first, or it cannot be renamed into place
  fs::remove_all(staging, ec);
}

bool LockedDatabase::remove_if_created_empty() {
  if (!created_ || db_.get_doccount() != 0) return false;
  try {
    db_.close();
  } catch (const Xapian::Error&) {
  }
  std::error_code ec;
  if (was_empty_folder_) {
    for (const auto& entry : fs::directory_iterator(path_, ec))
      if (entry.path().filename() != kLockName) fs::remove_all(entry.path(), ec);
    fs::remove(path_ / kLockName, ec);
  } else {
    // The stub goes first: a searcher that opens the path meanwhile finds no database, never a
    // broken one.
    fs::remove(path_ / kStubName, ec);
    fs::remove_all(path_, ec);
  }
  unlock();
  created_ = false;
  return true;
}

void LockedDatabase::unlock() {
  if (lock_fd_ >= 0) ::close(std::exchange(lock_fd_, -1));
}

// Leftovers of runs that were killed, removed under the lock.
void LockedDatabase::recover() {
  std::error_code ec;
  fs::remove_all(path_ / kWorkName, ec);
  fs::remove(path_ / (std::string(kStubName) + ".new"), ec);
  // Staging folders of creations that were killed (a live one is locked by its creator).
  const std::string staging = "." + path_.filename().string() + ".morgue-new-";
  for (const auto& e : fs::directory_iterator(path_.parent_path(), ec)) {
    if (e.path().filename().string().rfind(staging, 0) != 0) continue;
    Fd fd(::open((e.path() / kLockName).c_str(), O_RDWR | O_CLOEXEC));
    if (fd.get() >= 0 && ::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) fs::remove_all(e.path(), ec);
  }
  if (present(path_ / "iamglass")) return;  // a glass database in the folder itself (legacy)
  // Without a version file, glass tables in the folder are no database: what an install into a
  // legacy folder (or an earlier version's install) left when it was killed.
  for (const auto& e : fs::directory_iterator(path_, ec)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".glass" || name == "flintlock" || name == "iamglass.tmp")
      fs::remove(e.path(), ec);
  }
  // Databases the stub does not name: a build killed before it was installed, or one replaced.
  std::string named;
  try {
    std::vector<Shard> shards = Resolver(false, "").resolve(path_.string());
    if (shards.size() == 1 && shards[0].kind == Shard::Kind::kGlass)
      named = fs::path(shards[0].path).lexically_normal().string();
  } catch (const Error&) {
    return;
  }
  for (const auto& e : fs::directory_iterator(path_, ec)) {
    if (generation_of(e.path().filename().string()) &&
        e.path().lexically_normal().string() != named)
      fs::remove_all(e.path(), ec);
  }
}

void LockedDatabase::open_current(bool wait) {
  std::error_code ec;
  if (present(path_ / "iamglass")) {
    legacy_ = managed_ = true;
    current_ = path_;
  } else {
    if (!present(path_ / kStubName)) {
      // An empty folder (or one this run could not make beside it): the database is made here.
      for (const auto& e : fs::directory_iterator(path_)) {
        if (e.path().filename() != kLockName)
          throw Error(path_.string() +
                      " is a folder that holds no morgue database and is not empty: give a new or "
                      "empty folder as --db");
      }
      create_glass(path_ / "db-1", path_);
      write_synced(path_ / kStubName, stub_text("db-1"));
      sync_directory(path_);
    }
    std::vector<Shard> shards =
        Resolver(false, "morgue-index never starts programs").resolve(path_.string());
    if (shards.size() != 1 || shards[0].kind != Shard::Kind::kGlass)
      throw Error("database " + path_.string() + " is a stub of " +
                  (shards.size() == 1 ? "a remote or single-file database"
                                      : std::to_string(shards.size()) + " databases") +
                  ": morgue-index writes one local database folder");
    current_ = fs::path(shards[0].path).lexically_normal();
    generation_ = current_.parent_path() == path_ ? generation_of(current_.filename().string()) : 0;
    managed_ = generation_ > 0;
  }
  try {
    db_ = Xapian::WritableDatabase(current_.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS |
                                                          (wait ? Xapian::DB_RETRY_LOCK : 0));
  } catch (const Xapian::DatabaseLockError&) {
    throw Error("database " + path_.string() +
                " is locked by another indexer (--wait waits for it)");
  } catch (const Xapian::Error& e) {
    throw Error("cannot open database " + path_.string() + " for writing: " + xapian_message(e));
  }
  check_schema(db_, path_.string());
  if (db_.get_metadata(kSchemaKey).empty()) {
    db_.set_metadata(kSchemaKey, std::to_string(kSchemaVersion));
    db_.commit();
  }
}

fs::path LockedDatabase::work_area() {
  const fs::path dir = path_ / kWorkName;
  fs::remove_all(dir);
  fs::create_directory(dir);
  return dir;
}

fs::path LockedDatabase::next_path() const {
  return path_ / ("db-" + std::to_string(generation_ + 1));
}

void LockedDatabase::install() {
  const fs::path next = next_path();
  const std::string name = next.filename().string();
  sync_folder(next);
  db_.close();
  const fs::path stub = path_ / kStubName, fresh = path_ / (std::string(kStubName) + ".new");
  write_synced(fresh, stub_text(name));
  if (::rename(fresh.c_str(), stub.c_str()) != 0)
    throw Error("cannot install " + next.string() + ": " + errno_text(errno));
  sync_directory(path_);
  std::error_code ec;
  if (legacy_) {
    // The folder was itself a glass database, whose version file hides the stub: without it, the
    // stub is what a reader finds. The tables go with the next recover() if this one is cut short.
    if (::unlink((path_ / "iamglass").c_str()) != 0)
      throw Error("cannot install " + next.string() + ": " + errno_text(errno));
    sync_directory(path_);
    recover();
  } else {
    fs::remove_all(current_, ec);
  }
  legacy_ = false;
  current_ = next;
  generation_ += 1;
  db_ = Xapian::WritableDatabase(current_.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
}

}  // namespace morgue
