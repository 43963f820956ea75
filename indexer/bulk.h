// A first build with --jobs N into a new or empty database, from files: the input is cut into N
// parts of about equal size, in input order (JSON Lines files at line boundaries); each part is
// read, extracted and written by its own thread into its own shards, without fsync; the shards are
// then compacted, in part order, into a new database beside the empty one, which
// LockedDatabase::install() puts in its place. The database appears whole or not at all, and a
// failure (a full disk) leaves it as it was, without shards (docs/performance.md).
#pragma once

#include <atomic>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "common/database.h"
#include "extract/extract.h"
#include "indexer/indexer.h"
#include "indexer/inputs.h"
#include "indexer/report.h"

namespace morgue {

class BulkBuild {
 public:
  BulkBuild(const IndexOptions& options, const Extractor* extractor, const std::string& root,
            LockedDatabase& store, std::ostream& out, Report& report)
      : options_(options),
        extractor_(extractor),
        root_(root),
        store_(store),
        out_(out),
        report_(report) {}

  // Builds `files` on `jobs` threads and installs the database; adds what it did to `counts`.
  // Throws Error when it fails, leaving the database as it was.
  void run(const std::vector<InputFile>& files, unsigned jobs, Counts* counts);

 private:
  struct Part;
  void build(const std::vector<InputFile>& files, unsigned jobs,
             const std::filesystem::path& building, const std::filesystem::path& merged,
             Counts* counts);
  void build_part(Part& part, std::atomic<bool>* failed);
  void drop_duplicates(const std::filesystem::path& merged, Counts* counts);

  const IndexOptions& options_;
  const Extractor* extractor_;
  const std::string& root_;
  LockedDatabase& store_;
  std::ostream& out_;
  Report& report_;
};

}  // namespace morgue
