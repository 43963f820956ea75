// Writing prepared articles into one database, in the order given: added, replaced or counted
// unchanged by their content hash, committed every --commit-every articles; the spelling data
// follows (a replaced article's words out, the new ones in).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/document.h"
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
  // new, and the database keeps spelling data from now on (kSpellingKey); a database that has
  // articles keeps it if it always has. Without a database (--extract-only), articles are
  // printed to `out`.
  Writer(Xapian::WritableDatabase* db, const IndexOptions& options, bool fresh, std::ostream& out,
         Report& report);

  // Hands the spelling changes not yet committed to the database (whose destructor commits what
  // it holds, after an error too), so that they stay with their documents.
  ~Writer();

  void apply(Prepared&& p);
  void commit();
  // The articles written so far are filed in their copy groups (file_copies, which takes them
  // off the database's list of unfiled articles).
  void filed();

  // After a commit that leaves `every` or more articles added to the database, write on into
  // the database `next` gives (a bulk build keeps its shards small: adding to a large one costs
  // more per article).
  void rollover(std::size_t every, std::function<Xapian::WritableDatabase*()> next);
  void commit_every(std::size_t n) { commit_every_ = n; }

  Counts counts;
  std::unordered_set<std::string> seen;  // id terms of this run
  // Id terms this run added to a database that had articles, of ids made from file paths: where
  // a moved file shows up (a source's own ids do not change when its file moves).
  std::vector<std::string> added;
  // Docids of the documents this run added or rebuilt (of one database: not with rollover), which
  // find their copies when the run ends (copies.h).
  std::vector<Xapian::docid> written;

 private:
  void due();
  void note_unfiled();
  void change_spelling(const SpellingWords& words, std::int64_t sign);
  void write_spelling();

  Xapian::WritableDatabase* db_;
  const IndexOptions& options_;
  const bool fresh_;
  bool spelling_ = false;
  DocumentBuilder stored_;  // reads the spelling words of a replaced document
  // Spelling changes since the last commit, by word (added occurrences less removed ones):
  // Xapian looks a word up in its table at each add_spelling, so a word is written once per
  // commit, not once per article (docs/performance.md).
  std::unordered_map<std::string, std::int64_t> spelling_changes_;
  std::ostream& out_;
  Report& report_;
  std::size_t pending_ = 0;
  std::size_t commit_every_;
  std::size_t in_db_ = 0, rollover_ = 0;
  std::size_t noted_ = 0;  // of `written`, listed in the database as unfiled
  std::function<Xapian::WritableDatabase*()> next_;
};

}  // namespace morgue
