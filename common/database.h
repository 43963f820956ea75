// Opening morgue databases: the schema version check, stub files of several shards, and the errors
// a user can act on (no database, locked, wrong schema, a stub that would run a program).
#pragma once

#include <xapian.h>

#include <string>

namespace morgue {

struct OpenOptions {
  // Stub files may name "remote :PROGRAM" shards, which run a program when the database opens.
  // A database path handed over by someone else must not run code, so they are refused unless
  // the user asks for them.
  bool allow_remote_programs = false;
};

// Opens PATH (a database directory, or a stub file listing shards) for searching. Throws Error
// when it does not exist, cannot be opened, or has another schema version.
Xapian::Database open_for_reading(const std::string& path, const OpenOptions& options = {});

// Opens or creates the database directory PATH for indexing and records the schema version.
// Throws Error when another indexer holds the lock (unless `wait`: then it waits for the lock),
// when PATH is a file, or on a schema mismatch.
Xapian::WritableDatabase open_for_writing(const std::string& path, bool wait = false);

// Refuses stub files (followed recursively) that would start a program. Throws Error.
void check_stub(const std::string& path, const OpenOptions& options);

}  // namespace morgue
