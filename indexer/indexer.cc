// The indexing run. Per-article errors are caught here (reported with the file and line, counted,
// and the run goes on); everything else propagates to main().
//
// Three ways to run, one result (the same documents in the same order):
//  - one thread (--jobs 1): read, extract, build and write each article in turn;
//  - a pipeline (--jobs N into a database that already has articles, or from standard input):
//    this thread reads, N worker threads extract and build documents, and one writer thread
//    applies them in input order, committing every --commit-every articles;
//  - a bulk first build (--jobs N into a new or empty database, from files): the input is cut
//    into N parts of about equal size, in input order (JSON Lines files at line boundaries); each
//    part is read, extracted and written by its own thread into its own shard, without fsync; the
//    shards are then compacted, in part order, into a new database beside the empty one, which
//    LockedDatabase::install() puts in its place. The database appears whole or not at all, and a
//    failure (a full disk) leaves it empty, without shards (docs/performance.md).
#include "indexer/indexer.h"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "common/database.h"
#include "common/document.h"
#include "common/error.h"
#include "extract/extract.h"
#include "common/schema.h"

namespace morgue {
namespace fs = std::filesystem;

std::atomic<bool> g_index_interrupted{false};

namespace {

// What a first build is making (its work area and the database it builds), for
// remove_unfinished_build().
std::mutex g_unfinished_mutex;
std::vector<fs::path> g_unfinished;

// Registers `paths` as unfinished for the life of the object.
class Unfinished {
 public:
  explicit Unfinished(std::vector<fs::path> paths) {
    std::lock_guard<std::mutex> lock(g_unfinished_mutex);
    g_unfinished = std::move(paths);
  }
  ~Unfinished() {
    std::lock_guard<std::mutex> lock(g_unfinished_mutex);
    g_unfinished.clear();
  }
};

}  // namespace

std::string remove_unfinished_build() {
  std::lock_guard<std::mutex> lock(g_unfinished_mutex);
  std::string why;
  struct statvfs disk;
  if (!g_unfinished.empty() && ::statvfs(g_unfinished.front().parent_path().c_str(), &disk) == 0 &&
      disk.f_bavail * disk.f_frsize < (std::uint64_t{1} << 20))
    why = "No space left on device";
  std::error_code ec;
  // Other threads may still be writing there: what they add while it goes is removed again.
  for (const fs::path& p : g_unfinished) {
    for (int attempt = 0; attempt < 10 && fs::exists(p, ec); ++attempt) fs::remove_all(p, ec);
  }
  return why;
}

namespace {

struct Counts {
  std::size_t added = 0, updated = 0, unchanged = 0, skipped = 0, ignored = 0, warnings = 0;
  Counts& operator+=(const Counts& o) {
    added += o.added, updated += o.updated, unchanged += o.unchanged;
    skipped += o.skipped, ignored += o.ignored, warnings += o.warnings;
    return *this;
  }
};

// One input file to read: where it is, the id its articles get, and whether the user named it.
struct InputFile {
  fs::path path;
  std::string id_base;
  bool named;  // given on the command line (an unknown type is then an error, not ignored)
  std::uint64_t size = 0;
};

// A file, or the part of a JSON Lines file, that one bulk part reads.
struct WorkItem {
  const InputFile* file;
  ByteRange range;
};

// Messages and the progress line on standard error, from any thread.
class Report {
 public:
  Report(std::ostream& err, bool progress) : err_(err), progress_(progress) {}

  void message(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    err_ << clear() << line << '\n';
  }

  // One more article done (added, updated or unchanged).
  void done() {
    std::size_t n = ++done_;
    if (!progress_) return;
    std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
    if (!lock) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    err_ << "\r\x1b[K" << n << " articles..." << std::flush;
  }

  // What to write before a line of text: erases the progress line if there is one.
  std::string clear() const { return progress_ && shown_ ? "\r\x1b[K" : ""; }
  std::ostream& err() { return err_; }

 private:
  std::mutex mutex_;
  std::ostream& err_;
  const bool progress_;
  bool shown_ = false;
  std::atomic<std::size_t> done_{0};
  std::chrono::steady_clock::time_point last_;
};

// What a worker makes of one article.
struct Prepared {
  std::string term;        // the id term
  bool unchanged = false;  // the same input as the database holds, extracted by the same version
  Xapian::Document doc;
  std::string line;        // --extract-only: the JSON line to print
};

// Completes and builds articles; one per thread. With a database to look in, an article whose
// input and extractor version are those stored is neither extracted nor built again.
class Preparer {
 public:
  Preparer(const IndexOptions& options, const Extractor* extractor, const Xapian::Database* lookup)
      : options_(options), extractor_(extractor), lookup_(lookup),
        version_((extractor ? extractor->version() : std::string("no extraction")) + "; places " +
                 options.places.version()),
        builder_(&options.places) {}

  Prepared prepare(Article&& a) {
    Prepared p;
    p.term = id_term(a.id);
    // The article as read is its document data before extraction (the record as JSON without
    // its text, NUL, the text): without extraction, that is the data stored.
    std::string data = document_data(to_record(a));
    std::string input = content_hash(version_ + '\n', data);
    if (lookup_ && stored_input(p.term) == input) {
      p.unchanged = true;
      return p;
    }
    if (extractor_) {
      extractor_->complete(a);
      data.clear();
    }
    if (options_.extract_only) {
      nlohmann::json r = to_record(a);
      r.erase("text");
      p.line = dump(r);
      return p;
    }
    p.doc = data.empty() ? builder_.build(a) : builder_.build(a, std::move(data));
    p.doc.add_value(kInputSlot, input);
    return p;
  }

 private:
  static std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  // The input hash stored for `term`, or "" (also when another thread's commits keep moving the
  // database under this reader: the writer then compares the built record instead).
  std::string stored_input(const std::string& term) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        Xapian::PostingIterator p = lookup_->postlist_begin(term);
        if (p == lookup_->postlist_end(term)) return "";
        return lookup_->get_document(*p).get_value(kInputSlot);
      } catch (const Xapian::DatabaseModifiedError&) {
        const_cast<Xapian::Database*>(lookup_)->reopen();
      }
    }
    return "";
  }

  const IndexOptions& options_;
  const Extractor* extractor_;
  const Xapian::Database* lookup_;
  const std::string version_;
  DocumentBuilder builder_;
};

// Applies prepared articles to one database, in the order given, and counts them.
class Writer {
 public:
  // `fresh`: the database had no articles when the run began, so an id not seen in this run is new.
  Writer(Xapian::WritableDatabase* db, const IndexOptions& options, bool fresh, std::ostream& out, Report& report)
      : db_(db), options_(options), fresh_(fresh), out_(out), report_(report), commit_every_(options.commit_every) {
    // The place table the names are filed by, committed with them (the searcher reads it).
    if (!options.extract_only) db_->set_metadata(kPlacesKey, options.places.serialise());
  }

  void apply(Prepared&& p) {
    if (options_.extract_only) {
      out_ << p.line << '\n';
      ++counts.added;
      report_.done();
      return;
    }
    const bool first_time = seen.insert(p.term).second;
    if (p.unchanged) {
      ++counts.unchanged;
      report_.done();
      return;
    }
    if (fresh_ && first_time) {
      db_->add_document(p.doc);
      ++counts.added;
      ++in_db_;
    } else {
      Xapian::PostingIterator it = db_->postlist_begin(p.term);
      if (it != db_->postlist_end(p.term)) {
        Xapian::Document old = db_->get_document(*it);
        if (old.get_value(kHashSlot) == p.doc.get_value(kHashSlot)) {
          ++counts.unchanged;
          report_.done();
          if (old.get_value(kInputSlot) == p.doc.get_value(kInputSlot)) return;
          db_->replace_document(*it, p.doc);  // same record from another extractor version: note it
          due();
          return;
        }
        ++counts.updated;
      } else {
        ++counts.added;
        ++in_db_;
      }
      db_->replace_document(p.term, p.doc);
    }
    report_.done();
    due();
  }

  void commit() {
    if (!options_.extract_only) db_->commit();
    pending_ = 0;
    if (next_ && in_db_ >= rollover_) {
      db_ = next_();
      in_db_ = 0;
    }
  }

  // After a commit that leaves `every` or more articles added to the database, write on into
  // the database `next` gives (a bulk build keeps its shards small: adding to a large one costs
  // more per article).
  void rollover(std::size_t every, std::function<Xapian::WritableDatabase*()> next) {
    rollover_ = every;
    next_ = std::move(next);
  }

  void commit_every(std::size_t n) { commit_every_ = n; }

  Counts counts;
  std::unordered_set<std::string> seen;  // id terms of this run

 private:
  void due() {
    if (++pending_ >= commit_every_) commit();
  }

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

// The reading side of every mode: counts skipped articles and warnings and reports them through
// `emit`; what to do with each article is the subclass's.
class Reader : public ArticleSink {
 public:
  Reader(Counts* counts, std::function<void(const std::string&)> emit, const std::atomic<bool>* failed)
      : counts_(counts), emit_(std::move(emit)), failed_(failed) {}

  void skipped(const InputError& e) override {
    ++counts_->skipped;
    emit_("morgue-index: skipped " + std::string(e.what()));
  }
  void warning(const std::string& message) override {
    ++counts_->warnings;
    emit_("morgue-index: warning: " + message);
  }
  bool stopped() const override { return g_index_interrupted || (failed_ && *failed_); }

  // Reads one file (or part of one); file-level problems are reported and counted here.
  // Returns true when the file was read without a file-level error.
  bool read(const InputFile& f, const ReadOptions& options, const ByteRange& range = {}) {
    const auto format = format_for(f.path);
    if (f.id_base.empty() && (format == Format::kText || format == Format::kHtml)) {
      if (range.begin == 0)
        skipped(InputError(f.path.string(), 0, "lies outside the archive root (see above)"));
      return false;
    }
    if (!format) {
      if (f.named) {
        skipped(InputError(f.path.string(), 0, "unknown file type '" + f.path.extension().string() +
                                                   "' (expected .txt, .json, .jsonl, .ndjson, .html, .htm)"));
      } else if (range.begin == 0) {
        ++counts_->ignored;
      }
      return false;
    }
    try {
      read_file(f.path, f.id_base, source_of(f.path), options, *this, range);
      return true;
    } catch (const InputError& e) {
      skipped(e);
    } catch (const std::ios_base::failure& e) {
      skipped(InputError(f.path.string(), 0, std::string("read error: ") + e.what()));
    }
    return false;
  }

  // What an article records as its source: the absolute path of its file through the real path of
  // the folder (the same however the file was reached), which --prune compares with inputs.
  static std::string source_of(const fs::path& path) {
    fs::path p = fs::absolute(path).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    std::error_code ec;
    const fs::path folder = fs::canonical(p.parent_path(), ec);
    return ec ? p.string() : (folder / p.filename()).string();
  }

 protected:
  Counts* counts_;
  std::function<void(const std::string&)> emit_;
  const std::atomic<bool>* failed_;
};

// --jobs 1, and each part of a bulk build: every article is prepared and written at once.
class DirectReader : public Reader {
 public:
  DirectReader(Preparer& preparer, Writer& writer, std::function<void(const std::string&)> emit,
               const std::atomic<bool>* failed = nullptr)
      : Reader(&writer.counts, std::move(emit), failed), preparer_(preparer), writer_(writer) {}

  void article(Article&& a) override {
    if (stopped()) return;
    writer_.apply(preparer_.prepare(std::move(a)));
  }

 private:
  Preparer& preparer_;
  Writer& writer_;
};

// --jobs N: this thread reads into batches, N workers prepare them, one writer thread applies
// them in the order read. At most 2N+2 batches are in flight, which bounds the memory.
class PipelineReader : public Reader {
 public:
  PipelineReader(unsigned jobs, const IndexOptions& options, const Extractor* extractor,
                 const std::string& lookup_path, Writer& writer, Report& report)
      : Reader(&writer.counts, [&report](const std::string& m) { report.message(m); }, &failed_),
        writer_(writer), max_in_flight_(2 * jobs + 2) {
    for (unsigned i = 0; i < jobs; ++i) {
      workers_.emplace_back([this, &options, extractor, lookup_path] {
        guard([&] { work(options, extractor, lookup_path); });
      });
    }
    writer_thread_ = std::thread([this] { guard([&] { write(); }); });
  }

  ~PipelineReader() override {
    try {
      finish();  // joins the threads; an error was already rethrown by an explicit finish()
    } catch (...) {
    }
  }

  void article(Article&& a) override {
    if (stopped()) return;
    batch_.push_back(std::move(a));
    if (batch_.size() >= kBatch) submit();
  }

  // Waits until everything read has been written; rethrows the first error of any thread.
  void finish() {
    if (finished_) return;
    finished_ = true;
    submit();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    built_.notify_all();
    writer_thread_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  static constexpr std::size_t kBatch = 64;

  struct Batch {
    std::size_t number;
    std::vector<Article> articles;
    std::vector<Prepared> prepared;
  };

  template <class F>
  void guard(F f) {
    try {
      f();
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!error_) error_ = std::current_exception();
      failed_ = true;
      ready_.notify_all();
      built_.notify_all();
      room_.notify_all();
    }
  }

  void submit() {
    if (batch_.empty()) return;
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return in_flight_ < max_in_flight_ || failed_; });
    if (failed_) {
      batch_.clear();
      return;
    }
    ++in_flight_;
    todo_.push_back(Batch{submitted_++, std::move(batch_), {}});
    batch_.clear();
    ready_.notify_one();
  }

  void work(const IndexOptions& options, const Extractor* extractor, const std::string& lookup_path) {
    std::optional<Xapian::Database> lookup;
    if (!lookup_path.empty()) lookup.emplace(lookup_path, Xapian::DB_BACKEND_GLASS);
    Preparer preparer(options, extractor, lookup ? &*lookup : nullptr);
    for (;;) {
      Batch batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !todo_.empty() || closing_ || failed_; });
        if (failed_ || todo_.empty()) return;
        batch = std::move(todo_.front());
        todo_.pop_front();
      }
      if (lookup) lookup->reopen();
      for (Article& a : batch.articles) batch.prepared.push_back(preparer.prepare(std::move(a)));
      batch.articles.clear();
      std::lock_guard<std::mutex> lock(mutex_);
      built_batches_.emplace(batch.number, std::move(batch));
      built_.notify_all();
    }
  }

  void write() {
    for (std::size_t next = 0;; ++next) {
      Batch batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        built_.wait(lock, [&] { return built_batches_.count(next) || failed_ || (closing_ && next >= submitted_); });
        if (failed_ || !built_batches_.count(next)) return;
        batch = std::move(built_batches_.at(next));
        built_batches_.erase(next);
      }
      for (Prepared& p : batch.prepared) writer_.apply(std::move(p));
      std::lock_guard<std::mutex> lock(mutex_);
      --in_flight_;
      room_.notify_one();
    }
  }

  Writer& writer_;
  const std::size_t max_in_flight_;
  std::vector<Article> batch_;
  std::vector<std::thread> workers_;
  std::thread writer_thread_;
  std::mutex mutex_;
  std::condition_variable ready_, built_, room_;
  std::deque<Batch> todo_;
  std::map<std::size_t, Batch> built_batches_;
  std::size_t submitted_ = 0, in_flight_ = 0;
  bool closing_ = false, finished_ = false;
  std::atomic<bool> failed_{false};
  std::exception_ptr error_;
};

class Run {
 public:
  Run(const IndexOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), report_(err, options.progress), start_(std::chrono::steady_clock::now()) {
    if (options.extract) extractor_ = make_default_extractor(options.extraction);
    if (!options.extract_only) {
      store_.emplace(options.db, options.wait);
      fresh_ = db().get_doccount() == 0;
    }
  }

  int go(std::istream& in) {
    choose_root();
    std::vector<InputFile> files;
    bool from_stdin = false;
    for (const std::string& input : options_.inputs) {
      if (input == "-") from_stdin = true;
    }
    const unsigned jobs = std::max(1u, options_.jobs);
    if (jobs > 1 && fresh_ && !from_stdin && !options_.extract_only && store_->can_install()) {
      for (const std::string& input : options_.inputs) collect(input, &files);
      bulk(files, jobs);
    } else {
      Writer writer(options_.extract_only ? nullptr : &db(), options_, fresh_, out_, report_);
      if (jobs > 1) {
        const std::string lookup = fresh_ || !store_ ? std::string() : store_->current().string();
        PipelineReader reader(jobs, options_, extractor_.get(), lookup, writer, report_);
        read_inputs(in, reader);
        reader.finish();
      } else {
        Preparer preparer(options_, extractor_.get(), fresh_ || !store_ ? nullptr : &db());
        DirectReader reader(preparer, writer, [this](const std::string& m) { report_.message(m); });
        read_inputs(in, reader);
      }
      counts_ += writer.counts;
      if (!options_.extract_only) {
        if (options_.prune && !g_index_interrupted) prune(writer.seen);
        writer.commit();
      }
    }
    if (options_.extract_only) out_.flush();  // a write error comes before the summary
    summary();
    if (g_index_interrupted) return kIndexInterrupted;
    return counts_.skipped ? kIndexSkipped : kIndexOk;
  }

 private:
  // Reads every input in order into `reader` (files are collected one input at a time, so an
  // early input's articles are indexed before a later directory is walked).
  void read_inputs(std::istream& in, Reader& reader) {
    for (const std::string& input : options_.inputs) {
      if (reader.stopped()) break;
      if (input == "-") {
        try {
          read_json_lines(in, "-", "stdin", "-", options_.read, reader);
          read_ok_.insert("-");
        } catch (const InputError& e) {
          reader.skipped(e);
        }
        continue;
      }
      std::vector<InputFile> files;
      collect(input, &files);
      for (const InputFile& f : files) {
        if (reader.stopped()) break;
        if (reader.read(f, options_.read)) read_ok_.insert(Reader::source_of(f.path));
      }
    }
  }

  Xapian::WritableDatabase& db() { return store_->db(); }

  // ---- the archive root ----

  // The real path of the folder an input names (a file's own folder), or "" when it cannot be told.
  static std::string real_folder(const std::string& input) {
    std::error_code ec;
    const fs::path p(input);
    const bool folder = fs::is_directory(p, ec);
    fs::path real = fs::canonical(folder ? p : fs::absolute(p).parent_path(), ec);
    return ec ? std::string() : real.string();
  }

  // File ids are paths relative to the archive root, so that a file has one id however it is
  // reached. The root is --root, else the one the database records, else the deepest folder
  // holding every input (a file input: its folder); it is recorded with the first commit.
  void choose_root() {
    const std::string recorded = store_ ? db().get_metadata(kRootKey) : std::string();
    if (!options_.root.empty()) {
      std::error_code ec;
      if (!fs::is_directory(options_.root, ec))
        throw Error("--root " + options_.root + ": no such folder");
      root_ = fs::canonical(options_.root).string();
      if (!recorded.empty() && recorded != root_)
        report_.message("morgue-index: note: the archive root moves from " + recorded + " to " +
                        root_);
    } else if (!recorded.empty()) {
      root_ = recorded;
    } else {
      std::optional<fs::path> common;
      for (const std::string& input : options_.inputs) {
        const fs::path folder = input == "-" ? fs::path() : fs::path(real_folder(input));
        if (folder.empty()) continue;
        if (!common) {
          common = folder;
          continue;
        }
        fs::path shared;
        for (auto a = common->begin(), b = folder.begin();
             a != common->end() && b != folder.end() && *a == *b; ++a, ++b)
          shared /= *a;
        common = shared;
      }
      if (common) root_ = common->string();
    }
    if (store_ && !root_.empty() && root_ != recorded) db().set_metadata(kRootKey, root_);
  }

  // The path of `folder` (real) relative to the archive root ("" for the root itself), or nullopt
  // when it lies outside (said here, once per input).
  std::optional<std::string> relative_to_root(const std::string& input, const std::string& folder) {
    const fs::path rel = fs::path(folder).lexically_relative(root_);
    if (!folder.empty() && !rel.empty() && *rel.begin() != "..")
      return rel == "." ? std::string() : rel.generic_string();
    report_.message("morgue-index: note: " + input + " lies outside the archive root " + root_ +
                    " (ids are paths relative to it): only its JSON articles with an \"id\" are "
                    "indexed; index files "
                    "inside the root, or give --root DIR to re-root a moved archive");
    return std::nullopt;
  }

  // ---- bulk first build ----

  // Cuts the files into `jobs` parts of about equal size, in order; JSON Lines files may be cut
  // anywhere (the reader moves each cut to a line boundary), other files are read whole.
  static std::vector<std::vector<WorkItem>> partition(const std::vector<InputFile>& files, unsigned jobs) {
    std::uint64_t total = 0;
    for (const InputFile& f : files) total += f.size;
    std::vector<std::vector<WorkItem>> parts(jobs);
    const std::uint64_t share = std::max<std::uint64_t>(1, (total + jobs - 1) / jobs);
    std::size_t part = 0;
    std::uint64_t filled = 0;  // bytes given to the current part
    for (const InputFile& f : files) {
      const bool splittable = format_for(f.path) == Format::kJsonLines;
      std::uint64_t at = 0;
      do {
        if (filled >= share && part + 1 < jobs) ++part, filled = 0;
        std::uint64_t take = f.size - at;
        if (splittable && part + 1 < jobs) take = std::min(take, share - filled);
        ByteRange range;
        if (splittable) range = ByteRange{at, at + take == f.size ? UINT64_MAX : at + take};
        parts[part].push_back({&f, range});
        at += take;
        filled += take;
      } while (at < f.size);
    }
    return parts;
  }

  struct Part {
    std::vector<WorkItem> items;
    fs::path dir;                 // its shards: dir/0, dir/1, ... in input order
    std::vector<fs::path> shards;
    Counts counts;
    std::vector<std::string> messages;
    std::exception_ptr error;
  };

  // Articles per shard of a bulk build: small shards keep adding cheap (measured on Reuters,
  // docs/performance.md), and compaction merges them in one pass.
  static constexpr std::size_t kShardArticles = 25000;
  // Articles between flushes of a shard (its commits need not be durable). Xapian's in-memory
  // changes (maps of terms and of their postings and positions) cost more per article as they
  // grow, and a small batch stays in the processor's cache: user+system time on 10x Reuters, 250
  // against 1,000: 8% less (500: 5% less); on 1x, 125 was no better than 250 (docs/performance.md).
  static constexpr std::size_t kShardFlush = 250;

  // A failure leaves the database as it was (empty), without the parts built so far.
  void bulk(const std::vector<InputFile>& files, unsigned jobs) {
    const fs::path building = store_->work_area(), merged = store_->next_path();
    Unfinished unfinished({building, merged});
    std::string failure;
    try {
      build(files, jobs, building, merged);
    } catch (const Xapian::Error& e) {
      failure = xapian_message(e);
    } catch (const std::exception& e) {
      failure = e.what();
    }
    std::error_code ec;
    fs::remove_all(building, ec);
    if (failure.empty()) return;
    if (merged != store_->current())
      fs::remove_all(merged, ec);  // (unless installed before the failure)
    throw Error("cannot build the database in " + options_.db + ": " + failure);
  }

  void build(const std::vector<InputFile>& files, unsigned jobs, const fs::path& building,
             const fs::path& merged) {
    std::vector<std::vector<WorkItem>> cut = partition(files, jobs);
    std::vector<Part> parts(cut.size());
    std::atomic<bool> failed{false};
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      parts[i].items = std::move(cut[i]);
      parts[i].dir = building / ("part" + std::to_string(i));
      threads.emplace_back([this, &part = parts[i], &failed] {
        try {
          build_part(part, &failed);
        } catch (...) {
          part.error = std::current_exception();
          failed = true;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (const Part& p : parts) {
      if (p.error) std::rethrow_exception(p.error);
    }
    for (const Part& p : parts) {
      for (const std::string& m : p.messages) report_.message(m);
      counts_ += p.counts;
    }
    {
      Xapian::Database all;
      for (const Part& p : parts) {
        for (const fs::path& shard : p.shards)
          all.add_database(Xapian::Database(shard.string(), Xapian::DB_BACKEND_GLASS));
      }
      all.compact(merged.string());
    }
    for (const Part& p : parts) fs::remove_all(p.dir);
    drop_duplicates(merged);
    store_->install();
  }

  void build_part(Part& part, std::atomic<bool>* failed) {
    std::unique_ptr<Xapian::WritableDatabase> shard;
    auto next = [&]() {
      if (shard) shard->close();
      part.shards.push_back(part.dir / std::to_string(part.shards.size()));
      shard = std::make_unique<Xapian::WritableDatabase>(
          part.shards.back().string(),
          // Not DB_DANGEROUS: a shard that fails to write (a full disk) must be able to cancel
          // its changes and say why; without it, 10x Reuters builds no slower
          // (docs/performance.md).
          Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
      shard->set_metadata(kSchemaKey, std::to_string(kSchemaVersion));
      shard->set_metadata(kPlacesKey, options_.places.serialise());  // as Writer does
      if (!root_.empty()) shard->set_metadata(kRootKey, root_);
      return shard.get();
    };
    fs::create_directories(part.dir);
    Preparer preparer(options_, extractor_.get(), nullptr);
    Writer writer(next(), options_, true, out_, report_);
    writer.rollover(kShardArticles, next);
    writer.commit_every(kShardFlush);
    DirectReader reader(preparer, writer, [&part](const std::string& m) { part.messages.push_back(m); }, failed);
    for (const WorkItem& item : part.items) {
      if (reader.stopped()) break;
      reader.read(*item.file, options_.read, item.range);
    }
    writer.rollover(0, nullptr);
    writer.commit();
    shard->close();
    part.counts = writer.counts;
  }

  // The same id in two shards (an article repeated in the input): as when one thread replaces
  // the earlier article with the later, the first place keeps the last content.
  void drop_duplicates(const fs::path& merged) {
    bool repeated = false;
    {
      Xapian::Database db(merged.string());
      for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q") && !repeated; ++t) repeated = t.get_termfreq() > 1;
    }
    if (!repeated) return;
    Xapian::WritableDatabase db(merged.string(), Xapian::DB_OPEN);
    std::vector<std::vector<Xapian::docid>> groups;
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
      if (t.get_termfreq() > 1) groups.emplace_back(db.postlist_begin(*t), db.postlist_end(*t));
    }
    for (const std::vector<Xapian::docid>& ids : groups) {
      Xapian::Document last = db.get_document(ids.back());
      for (std::size_t k = 1; k < ids.size(); ++k) {  // each counted as one thread counts it
        --counts_.added;
        const bool same = db.get_document(ids[k]).get_value(kHashSlot) == db.get_document(ids[k - 1]).get_value(kHashSlot);
        ++(same ? counts_.unchanged : counts_.updated);
      }
      db.replace_document(ids.front(), last);
      for (std::size_t k = 1; k < ids.size(); ++k) db.delete_document(ids[k]);
    }
    db.commit();
  }

  // ---- inputs ----

  // Files of `input` in a stable order; directories are recursed, following symbolic links
  // but never into a directory twice (symlink loops).
  void collect(const std::string& input, std::vector<InputFile>* files) {
    std::error_code ec;
    fs::path root(input);
    auto status = fs::status(root, ec);
    auto skip = [&](const std::string& where, const std::string& why) {
      ++counts_.skipped;
      report_.message("morgue-index: skipped " + std::string(InputError(where, 0, why).what()));
    };
    auto unreadable = [&](const fs::path& p, const std::string& why) {
      skip(p.string(), why);
      unreadable_.emplace(Reader::source_of(p), p.string());
    };
    auto sized = [&](InputFile f) {
      std::error_code size_ec;
      f.size = fs::file_size(f.path, size_ec);
      if (size_ec) f.size = 0;
      return f;
    };
    if (status.type() == fs::file_type::not_found) {
      skip(input, "no such file or directory");
      missing_.insert(Reader::source_of(root));
      return;
    }
    if (ec) {
      unreadable(root, "cannot read: " + ec.message());
      return;
    }
    const std::optional<std::string> base = relative_to_root(input, real_folder(input));
    auto id_of = [&](const fs::path& relative) {
      if (!base) return std::string();
      return base->empty() ? relative.generic_string() : *base + "/" + relative.generic_string();
    };
    if (!fs::is_directory(status)) {
      files->push_back(sized({root, id_of(root.filename()), true}));
      return;
    }
    std::set<fs::path> visited;
    std::vector<fs::path> dirs{root};
    std::vector<InputFile> found;
    while (!dirs.empty()) {
      fs::path dir = dirs.back();
      dirs.pop_back();
      fs::path canonical = fs::canonical(dir, ec);
      if (ec) {
        unreadable(dir, "cannot read folder: " + ec.message());
        continue;
      }
      if (!visited.insert(canonical).second) {
        report_.message("morgue-index: note: " + dir.string() +
                        ": directory already visited (symbolic link loop); not read again");
        continue;
      }
      // A folder that cannot be listed (in whole) is reported, counted as skipped, and its articles
      // are never pruned: they may all still be there.
      std::vector<fs::path> entries;
      fs::directory_iterator it(dir, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(it->path());
      if (ec) {
        unreadable(dir, "cannot read folder: " + ec.message());
        continue;
      }
      std::sort(entries.begin(), entries.end());
      std::vector<fs::path> subdirs;
      for (const fs::path& p : entries) {
        std::string name = p.filename().string();
        if (!name.empty() && name[0] == '.') continue;  // hidden files and folders
        auto st = fs::status(p, ec);
        if (st.type() == fs::file_type::not_found) {
          skip(p.string(), "broken symbolic link");
          continue;
        }
        if (ec) {
          unreadable(p, "cannot read: " + ec.message());
          continue;
        }
        if (fs::is_directory(st)) {
          subdirs.push_back(p);
        } else if (fs::is_regular_file(st)) {
          found.push_back(sized({p, id_of(p.lexically_relative(root)), false}));
        }
      }
      // depth-first, in name order
      for (auto s = subdirs.rbegin(); s != subdirs.rend(); ++s) dirs.push_back(*s);
    }
    // In the order of the paths within the input (not of ids, which are all "" outside the root).
    std::stable_sort(found.begin(), found.end(), [&](const InputFile& a, const InputFile& b) {
      return a.path.lexically_relative(root).generic_string() <
             b.path.lexically_relative(root).generic_string();
    });
    files->insert(files->end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }

  // Whether `source` is `folder` or lies under it (both absolute, lexically normal).
  static bool under(const std::string& source, const std::string& folder) {
    return source == folder || (source.compare(0, folder.size(), folder) == 0 &&
                                (source[folder.size()] == '/' || folder.back() == '/'));
  }

  // Deletes articles whose source file is gone, or was read in full this run without them.
  // Sources that could not be read this run keep their articles, and so does everything under a
  // folder that could not be read or an input that does not exist (an unmounted share).
  void prune(const std::unordered_set<std::string>& seen) {
    std::vector<std::string> roots, kept;
    for (const auto& [folder, shown] : unreadable_) {
      kept.push_back(folder);
      report_.message("morgue-index: note: " + shown +
                      " could not be read: its articles are not pruned");
    }
    for (const std::string& input : options_.inputs) {
      if (input == "-") continue;
      const std::string root = Reader::source_of(input);
      if (missing_.count(root)) {
        report_.message("morgue-index: note: " + input +
                        " does not exist (an unmounted share?): its articles are not pruned");
      } else {
        roots.push_back(root);
      }
    }
    auto any_under = [&](const std::string& source, const std::vector<std::string>& folders) {
      return std::any_of(folders.begin(), folders.end(),
                         [&](const std::string& f) { return under(source, f); });
    };
    std::vector<std::string> doomed;
    Xapian::WritableDatabase& db_ = db();
    for (auto t = db_.allterms_begin("Q"); t != db_.allterms_end("Q"); ++t) {
      if (seen.count(*t)) continue;
      auto p = db_.postlist_begin(*t);
      if (p == db_.postlist_end(*t)) continue;
      std::string source = db_.get_document(*p).get_value(kSourceSlot);
      if (!any_under(source, roots) || any_under(source, kept)) continue;
      // Gone is what the system says is not there; a file it cannot look at (no permission on a
      // folder above it) is kept.
      std::error_code ec;
      const bool gone = fs::status(source, ec).type() == fs::file_type::not_found;
      if (gone || read_ok_.count(source)) doomed.push_back(*t);
    }
    for (const std::string& term : doomed) db_.delete_document(term);
    pruned_ = doomed.size();
  }

  void summary() {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string line = "morgue-index: ";
    if (g_index_interrupted) line += "interrupted; committed what was done: ";
    if (options_.extract_only) {
      line += std::to_string(counts_.added) + " articles read";
    } else {
      line += std::to_string(counts_.added) + " added, " + std::to_string(counts_.updated) + " updated, " +
              std::to_string(counts_.unchanged) + " unchanged";
      if (options_.prune) line += ", " + std::to_string(pruned_) + " pruned";
    }
    line += ", " + std::to_string(counts_.skipped) + " skipped";
    if (counts_.ignored) line += ", " + std::to_string(counts_.ignored) + " files of unknown type ignored";
    if (counts_.warnings) line += ", " + std::to_string(counts_.warnings) + " warnings";
    if (!options_.extract_only) {
      line += "; " + std::to_string(db().get_doccount()) + " articles in " + options_.db;
    }
    char secs[32];
    std::snprintf(secs, sizeof secs, " (%.1f s)", seconds);
    report_.message(line + secs);
  }

  const IndexOptions& options_;
  std::ostream& out_;
  Report report_;
  std::chrono::steady_clock::time_point start_;
  std::unique_ptr<Extractor> extractor_;
  std::optional<LockedDatabase> store_;  // not with --extract-only
  bool fresh_ = true;
  Counts counts_;
  std::size_t pruned_ = 0;
  std::unordered_set<std::string> read_ok_;  // sources read without a file-level error
  std::map<std::string, std::string> unreadable_;  // not read (folders, files): source -> as named
  std::set<std::string> missing_;            // inputs that do not exist
  std::string root_;                         // the archive root (real path), "" if none yet
};

}  // namespace

int run_index(const IndexOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  Run run(options, out, err);
  return run.go(in);
}

}  // namespace morgue
