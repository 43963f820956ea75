// One indexing run: walk the inputs, read articles, complete their metadata, and add, replace or
// skip each in the database by its content hash; optionally prune articles whose source is gone.
#pragma once

#include <atomic>
#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "common/codebook.h"
#include "common/group_counts.h"
#include "common/places.h"
#include "common/schema.h"
#include "extract/extract.h"
#include "read/readers.h"
#include "read/sidecar.h"

namespace morgue {

struct IndexOptions {
  std::string db;
  std::vector<std::string> inputs;  // files, directories (recursed), "-" for JSON Lines on stdin
  bool prune = false;               // remove articles whose source is gone
  bool extract = true;              // complete missing metadata from the text
  bool extract_only = false;        // print what would be indexed, write no database
  bool progress = false;            // a progress line on err (main turns it on for a terminal)
  bool quiet = false;               // no progress line, notes or summary
  bool wait = false;                // wait for another indexer's lock instead of failing
  std::size_t commit_every = 2000;  // articles changed between commits
  unsigned jobs = 1;                // threads that read, extract and build (indexer.cc: the modes)
  std::string root;                 // --root: the archive root to record (default: see indexer.cc)
  // Files and folders a folder walk leaves out (inputs.h): --exclude GLOBs, and unless
  // default_excludes is off, hidden names and README-like files.
  std::vector<std::string> exclude;
  bool default_excludes = true;
  // Sidecar metadata: CSV or JSON Lines files of fields for the articles of named files (their
  // paths relative to the archive root) or ids (indexer/metadata.h).
  std::vector<std::string> metadata;
  // Fields from the folders a file lies in: name -> depth below the archive root (1: the first).
  std::vector<std::pair<std::string, int>> path_fields;
  // Declared fields (--field NAME:KIND), as given; the run adds what the database recorded.
  std::vector<DeclaredField> declared;
  const Sidecar* sidecar = nullptr;  // the --metadata rows, loaded by the run
  ReadOptions read;
  ExtractionData extraction = default_extraction_data();  // main: from the environment
  PlaceTable places;  // places are filed under their canonical names (places.h)
  // --names: the researcher's codebook of names (codebook.h), read by the run; without it, the
  // file the database records (or, when that file is gone, the copy the database keeps).
  std::string names_file;
  Codebook names;
  bool exact_forms = false;  // keep words as written (=word); a database's choice, made
                             // when it has no articles and kept by later runs
  std::string lang;          // --lang: the language of articles whose source declares none
                             // (ISO 639-1), instead of detecting it (language.h)
  bool copies = true;        // file articles in copy groups and stories (copies.h, stories.h);
                             // a database's choice, as exact_forms
  // The fewest articles of a term whose counts of copy groups and stories are stored for
  // `--count --unit` (group_counts.h).
  Xapian::doccount group_counts_from = kGroupCountsFrom;
  std::size_t shards = 0;  // --shards: a new database as an archive of this many shards
                           // (store.h); 0: as the database is (a new one: one database)
};

// Exit statuses of morgue-index (SPEC.md).
enum IndexExit { kIndexOk = 0, kIndexSkipped = 1, kIndexFatal = 2, kIndexInterrupted = 130 };

// Set from a signal handler: the run stops after the current article, commits and reports.
extern std::atomic<bool> g_index_interrupted;

// For a process that must end at once (main's terminate handler: Xapian 1.4 can throw where no
// exception may pass when a disk fills up): removes the shards and the database that a first build
// was making, so that the database is left as it was. Returns "No space left on device" when the
// disk they were on is full, else "". Safe to call from any thread.
std::string remove_unfinished_build();

// Runs the indexer; articles go to the database (or, with extract_only, as JSON lines to out),
// messages and the summary to err. Returns the exit status. Throws Error for fatal problems.
int run_index(const IndexOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace morgue
