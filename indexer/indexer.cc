// The indexing run. Per-article errors are caught here (reported with the file and line, counted,
// and the run goes on); everything else propagates to main().
#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "common/database.h"
#include "common/document.h"
#include "common/error.h"
#include "common/extract.h"
#include "common/schema.h"

namespace morgue {
namespace fs = std::filesystem;

std::atomic<bool> g_index_interrupted{false};

namespace {

struct Counts {
  std::size_t added = 0, updated = 0, unchanged = 0, skipped = 0, ignored = 0, warnings = 0;
};

// One input file to read: where it is, the id its articles get, and whether the user named it.
struct InputFile {
  fs::path path;
  std::string id_base;
  bool named;  // given on the command line (an unknown type is then an error, not ignored)
};

class Run : public ArticleSink {
 public:
  Run(const IndexOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err), start_(std::chrono::steady_clock::now()) {
    if (options.extract) extractor_ = make_default_extractor();
    if (!options.extract_only) db_ = open_for_writing(options.db, options.wait);
  }

  int go(std::istream& in) {
    for (const std::string& input : options_.inputs) {
      if (g_index_interrupted) break;
      if (input == "-") {
        read_stdin(in);
        continue;
      }
      std::vector<InputFile> files;
      collect(input, &files);
      for (const InputFile& f : files) {
        if (g_index_interrupted) break;
        read_one(f);
      }
    }
    if (!options_.extract_only) {
      if (options_.prune && !g_index_interrupted) prune();
      db_.commit();
    }
    summary();
    if (g_index_interrupted) return kIndexInterrupted;
    return counts_.skipped ? kIndexSkipped : kIndexOk;
  }

  void article(Article&& a) override {
    if (g_index_interrupted) return;
    if (extractor_) extractor_->complete(a);
    if (options_.extract_only) {
      nlohmann::json r = to_record(a);
      r.erase("text");
      out_ << r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      ++counts_.added;
      return;
    }
    Xapian::Document doc = builder_.build(a);
    const std::string term = id_term(a.id);
    seen_.insert(term);
    Xapian::PostingIterator p = db_.postlist_begin(term);
    if (p != db_.postlist_end(term)) {
      if (db_.get_document(*p).get_value(kHashSlot) == doc.get_value(kHashSlot)) {
        ++counts_.unchanged;
        progress();
        return;
      }
      ++counts_.updated;
    } else {
      ++counts_.added;
    }
    db_.replace_document(term, doc);
    if (++pending_ >= options_.commit_every) {
      db_.commit();
      pending_ = 0;
    }
    progress();
  }

  void skipped(const InputError& e) override {
    ++counts_.skipped;
    err_ << clear_line() << "morgue-index: skipped " << e.what() << '\n';
  }

  bool stopped() const override { return g_index_interrupted; }

  void warning(const std::string& message) override {
    ++counts_.warnings;
    err_ << clear_line() << "morgue-index: warning: " << message << '\n';
  }

 private:
  void read_stdin(std::istream& in) {
    try {
      read_json_lines(in, "-", "stdin", "-", options_.read, *this);
      read_ok_.insert("-");
    } catch (const InputError& e) {
      skipped(e);
    }
  }

  void read_one(const InputFile& f) {
    if (!format_for(f.path)) {
      if (f.named) {
        skipped(InputError(f.path.string(), 0, "unknown file type '" + f.path.extension().string() +
                                                   "' (expected .txt, .json, .jsonl, .ndjson, .html, .htm)"));
      } else {
        ++counts_.ignored;
      }
      return;
    }
    std::string source = fs::absolute(f.path).lexically_normal().string();
    try {
      read_file(f.path, f.id_base, source, options_.read, *this);
      read_ok_.insert(source);
    } catch (const InputError& e) {
      skipped(e);
    } catch (const std::ios_base::failure& e) {
      skipped(InputError(f.path.string(), 0, std::string("read error: ") + e.what()));
    }
  }

  // Files of `input` in a stable order; directories are recursed, following symbolic links
  // but never into a directory twice (symlink loops).
  void collect(const std::string& input, std::vector<InputFile>* files) {
    std::error_code ec;
    fs::path root(input);
    auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      skipped(InputError(input, 0, "no such file or directory"));
      return;
    }
    if (!fs::is_directory(status)) {
      files->push_back({root, root.filename().string(), true});
      return;
    }
    std::set<fs::path> visited;
    std::vector<fs::path> dirs{root};
    while (!dirs.empty()) {
      fs::path dir = dirs.back();
      dirs.pop_back();
      fs::path canonical = fs::canonical(dir, ec);
      if (ec || !visited.insert(canonical).second) {
        if (!ec) err_ << "morgue-index: note: " << dir.string() << ": directory already visited (symbolic link loop); not read again\n";
        continue;
      }
      std::vector<fs::path> entries;
      fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        skipped(InputError(dir.string(), 0, "cannot read directory: " + ec.message()));
        continue;
      }
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        entries.push_back(it->path());
      }
      std::sort(entries.begin(), entries.end());
      std::vector<fs::path> subdirs;
      for (const fs::path& p : entries) {
        std::string name = p.filename().string();
        if (!name.empty() && name[0] == '.') continue;  // hidden files and folders
        auto st = fs::status(p, ec);
        if (st.type() == fs::file_type::not_found) {
          skipped(InputError(p.string(), 0, "broken symbolic link"));
          continue;
        }
        if (ec) {
          skipped(InputError(p.string(), 0, "cannot follow: " + ec.message()));
          continue;
        }
        if (fs::is_directory(st)) {
          subdirs.push_back(p);
        } else if (fs::is_regular_file(st)) {
          files->push_back({p, p.lexically_relative(root).generic_string(), false});
        }
      }
      // depth-first, in name order
      for (auto s = subdirs.rbegin(); s != subdirs.rend(); ++s) dirs.push_back(*s);
    }
    std::stable_sort(files->begin(), files->end(),
                     [](const InputFile& a, const InputFile& b) { return a.id_base < b.id_base; });
  }

  // Deletes articles whose source file is gone, or was read in full this run without them.
  // Sources that could not be read this run keep their articles.
  void prune() {
    std::vector<std::string> roots;
    for (const std::string& input : options_.inputs) {
      if (input != "-") roots.push_back(fs::absolute(input).lexically_normal().string());
    }
    auto under_root = [&](const std::string& source) {
      for (const std::string& r : roots) {
        if (source == r || (source.compare(0, r.size(), r) == 0 &&
                            (source[r.size()] == '/' || r.back() == '/')))
          return true;
      }
      return false;
    };
    std::vector<std::string> doomed;
    for (auto t = db_.allterms_begin("Q"); t != db_.allterms_end("Q"); ++t) {
      if (seen_.count(*t)) continue;
      auto p = db_.postlist_begin(*t);
      if (p == db_.postlist_end(*t)) continue;
      std::string source = db_.get_document(*p).get_value(kSourceSlot);
      std::error_code ec;
      if (!under_root(source)) continue;
      if (!fs::exists(source, ec) || read_ok_.count(source)) doomed.push_back(*t);
    }
    for (const std::string& term : doomed) db_.delete_document(term);
    pruned_ = doomed.size();
  }

  std::string clear_line() const { return options_.progress && progress_shown_ ? "\r\x1b[K" : ""; }

  void progress() {
    if (!options_.progress) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(250)) return;
    last_progress_ = now;
    progress_shown_ = true;
    err_ << "\r\x1b[K" << counts_.added + counts_.updated + counts_.unchanged << " articles..." << std::flush;
  }

  void summary() {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    err_ << clear_line() << "morgue-index: ";
    if (g_index_interrupted) err_ << "interrupted; committed what was done: ";
    if (options_.extract_only) {
      err_ << counts_.added << " articles read";
    } else {
      err_ << counts_.added << " added, " << counts_.updated << " updated, " << counts_.unchanged
           << " unchanged";
      if (options_.prune) err_ << ", " << pruned_ << " pruned";
    }
    err_ << ", " << counts_.skipped << " skipped";
    if (counts_.ignored) err_ << ", " << counts_.ignored << " files of unknown type ignored";
    if (counts_.warnings) err_ << ", " << counts_.warnings << " warnings";
    if (!options_.extract_only) err_ << "; " << db_.get_doccount() << " articles in " << options_.db;
    char secs[32];
    std::snprintf(secs, sizeof secs, " (%.1f s)", seconds);
    err_ << secs << '\n';
  }

  const IndexOptions& options_;
  std::ostream& out_;
  std::ostream& err_;
  std::chrono::steady_clock::time_point start_, last_progress_;
  bool progress_shown_ = false;
  std::unique_ptr<Extractor> extractor_;
  Xapian::WritableDatabase db_;
  DocumentBuilder builder_;
  Counts counts_;
  std::size_t pending_ = 0, pruned_ = 0;
  std::unordered_set<std::string> seen_;     // id terms of this run
  std::unordered_set<std::string> read_ok_;  // sources read without a file-level error
};

}  // namespace

int run_index(const IndexOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  Run run(options, out, err);
  return run.go(in);
}

}  // namespace morgue
