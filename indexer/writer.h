// Writing prepared articles into one database, in the order given: added, replaced or counted
// unchanged by their content hash, committed every --commit-every articles.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <unordered_set>

#include "indexer/indexer.h"
#include "indexer/prepare.h"
#include "indexer/report.h"

namespace morgue {

// Records in the database the choices its documents were built with (place table, exact forms,
// declared fields, path fields), which the searcher and later runs read.
void record_choices(Xapian::WritableDatabase& db, const IndexOptions& options);

class Writer {
 public:
  // `fresh`: the database had no articles when the run began, so an id not seen in this run is
  // new. Without a database (--extract-only), articles are printed to `out`.
  Writer(Xapian::WritableDatabase* db, const IndexOptions& options, bool fresh, std::ostream& out,
         Report& report);

  void apply(Prepared&& p);
  void commit();

  // After a commit that leaves `every` or more articles added to the database, write on into
  // the database `next` gives (a bulk build keeps its shards small: adding to a large one costs
  // more per article).
  void rollover(std::size_t every, std::function<Xapian::WritableDatabase*()> next);
  void commit_every(std::size_t n) { commit_every_ = n; }

  Counts counts;
  std::unordered_set<std::string> seen;  // id terms of this run

 private:
  void due();

  Xapian::WritableDatabase* db_;
  const IndexOptions& options_;
  const bool fresh_;
  std::ostream& out_;
  Report& report_;
  std::size_t pending_ = 0;
  std::size_t commit_every_;
  std::size_t in_db_ = 0, rollover_ = 0;
  std::function<Xapian::WritableDatabase*()> next_;
};

}  // namespace morgue
