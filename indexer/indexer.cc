// The indexing run: the inputs in order, each article read, prepared and written in one of three
// ways with one result (the same documents in the same order), then --prune and the summary.
// Per-article errors are caught where articles are read (reported with the file and line, counted,
// and the run goes on); everything else propagates to main().
//  - one thread (--jobs 1): read, extract, build and write each article in turn (InOrderFeed);
//  - a pipeline (--jobs N into a database that already has articles, or from standard input):
//    this thread reads, N worker threads extract and build documents, and one writer thread
//    applies them in input order, committing every --commit-every articles (PipelineFeed);
//  - a bulk first build (--jobs N into a new or empty database, from files): bulk.h.
// An archive of shards (store.h) is written as one database, by one thread or the pipeline.
#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "common/database.h"
#include "common/document.h"
#include "common/error.h"
#include "common/schema.h"
#include "extract/extract.h"
#include "indexer/bulk.h"
#include "indexer/copies.h"
#include "indexer/feed.h"
#include "indexer/inputs.h"
#include "indexer/prepare.h"
#include "indexer/refile.h"
#include "indexer/report.h"
#include "indexer/store.h"
#include "indexer/writer.h"

namespace morgue {
namespace fs = std::filesystem;

std::atomic<bool> g_index_interrupted{false};

namespace {

// Whether `source` is `folder` or lies under it (both absolute, lexically normal).
bool under(const std::string& source, const std::string& folder) {
  return source == folder || (source.compare(0, folder.size(), folder) == 0 &&
                              (source[folder.size()] == '/' || folder.back() == '/'));
}

class Run {
 public:
  Run(const IndexOptions& options, std::ostream& out, std::ostream& err)
      : options_(options),
        out_(out),
        report_(err, options.progress, options.quiet),
        inputs_(options_, report_),
        start_(std::chrono::steady_clock::now()) {
    if (options.extract) extractor_ = make_default_extractor(options.extraction);
    if (!options.extract_only) {
      store_.emplace(options.db, options.wait, options.shards);
      fresh_ = db().get_doccount() == 0;
    }
    try {
      if (store_) choose_exact_forms();
      if (store_) choose_copies();
      choose_fields();
      choose_codebook();
      if (!options_.metadata.empty()) {
        sidecar_ = std::make_unique<Sidecar>(options_.metadata, messages_);
        options_.sidecar = sidecar_.get();
      }
    } catch (...) {
      if (store_) store_->remove_if_created_empty();  // a run that cannot start makes nothing
      throw;
    }
  }

  int go(std::istream& in) {
    const std::string recorded = store_ ? db().get_metadata(kRootKey) : std::string();
    const std::string root = inputs_.choose_root(recorded);
    if (store_ && !root.empty() && root != recorded)
      db().set_metadata(kRootKey, root);  // with the first commit
    const bool from_stdin =
        std::find(options_.inputs.begin(), options_.inputs.end(), "-") != options_.inputs.end();
    const unsigned jobs = std::max(1u, options_.jobs);
    if (jobs > 1 && fresh_ && !from_stdin && !options_.extract_only && store_->can_install()) {
      std::vector<InputFile> files;
      for (const std::string& input : options_.inputs) inputs_.collect(input, &files, &counts_);
      for (const InputFile& f : files) report_.add_total(f.size);
      BulkBuild(options_, extractor_.get(), root, *store_->single(), out_, report_)
          .run(files, jobs, &counts_);
    } else {
      Writer writer(options_.extract_only ? nullptr : &db(), options_, fresh_, out_, report_);
      if (jobs > 1) {
        const std::string lookup = fresh_ || !store_ ? std::string() : store_->reading_path();
        PipelineFeed feed(jobs, options_, extractor_.get(), lookup, writer, report_);
        read_inputs(in, feed);
        feed.finish();
      } else {
        Preparer preparer(options_, extractor_.get(), fresh_ || !store_ ? nullptr : &db());
        InOrderFeed feed(preparer, writer, [this](const std::string& m) { report_.message(m); });
        read_inputs(in, feed);
      }
      counts_ += writer.counts;
      if (!options_.extract_only) {
        if (!g_index_interrupted) moved(writer);
        if (options_.prune && !g_index_interrupted) prune(writer.seen);
        store_->spread_metadata();
        writer.commit();
        if (!g_index_interrupted) {
          if (options_.copies) file_copies(db(), std::move(writer.written));
          writer.filed();
          db().commit();
        }
      }
    }
    if (store_ && !g_index_interrupted) apply_codebook();
    // A first build of an archive of shards leaves their tables partly filled: they are
    // compacted, as a first build of one database is (store.h).
    if (store_ && fresh_ && store_->shards() > 1 && !g_index_interrupted && db().get_doccount())
      store_->compact(jobs);
    // The counts of groups that `--count --unit` of one term reads (group_counts.h): of one
    // database only, whose searches count with one column of groups.
    if (store_ && store_->single() && options_.copies && !g_index_interrupted &&
        db().get_doccount())
      store_group_counts(db(), store_->single()->current().string(), options_.group_counts_from,
                         std::max(1u, options_.jobs));
    if (sidecar_ && !g_index_interrupted) sidecar_->report_unused(messages_);
    if (options_.extract_only) out_.flush();  // a write error comes before the summary
    // A database this run would leave empty is not made: nothing in it could be searched, and a
    // later run with good input should start it as new.
    const bool discarded = store_ && store_->remove_if_created_empty();
    summary(discarded);
    if (g_index_interrupted) return kIndexInterrupted;
    if (discarded) return kIndexFatal;
    return counts_.skipped ? kIndexSkipped : kIndexOk;
  }

 private:
  Xapian::WritableDatabase& db() { return store_->db(); }

  // The declared fields and path fields: those given, on a database without articles (path
  // fields are keyword fields too); afterwards those the database recorded, which a run may repeat
  // but not change: every article of a database is indexed alike.
  void choose_fields() {
    std::vector<DeclaredField> given = options_.declared;
    for (const auto& [name, depth] : options_.path_fields) {
      const DeclaredField f{name, FieldKind::kName};
      if (std::find(given.begin(), given.end(), f) == given.end()) given.push_back(f);
    }
    for (std::size_t i = 0; i < given.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (given[i].name == given[j].name)
          throw Error("--field " + to_string(given[i]) + " conflicts with " + to_string(given[j]));
    if (store_ && !fresh_) {
      const std::vector<DeclaredField> recorded =
          decode_declared_fields(db().get_metadata(kFieldsKey));
      const std::string recorded_paths = db().get_metadata(kPathFieldsKey);
      for (const DeclaredField& f : given) {
        auto r = std::find_if(recorded.begin(), recorded.end(),
                              [&](const DeclaredField& d) { return d.name == f.name; });
        if (r == recorded.end())
          throw Error("database " + options_.db + " was built without --field " + to_string(f) +
                      ": fields are declared when a database is created (index into a new "
                      "database with it, so that every article has it)");
        if (!(*r == f))
          throw Error("--field " + to_string(f) + " conflicts with the database's " +
                      to_string(*r) + " (index into a new database to change it)");
      }
      const std::vector<PathField> paths = decode_path_fields(recorded_paths);
      if (!options_.path_fields.empty() && options_.path_fields != paths) {
        std::string recorded_list;
        for (const std::string& line : split_lines(recorded_paths))
          recorded_list += (recorded_list.empty() ? "" : ", ") + line;
        throw Error("--path-field differs from the database's (" +
                    (recorded_list.empty() ? std::string("none") : recorded_list) +
                    "): path fields are chosen when a database is created");
      }
      options_.declared = recorded;
      options_.path_fields = paths;
      // The manifests too: a run that names none reads those the database records, so that an
      // update does not take their fields away from the articles it rebuilds.
      if (options_.metadata.empty()) {
        for (const std::string& file : split_lines(db().get_metadata(kManifestsKey))) {
          std::error_code ec;
          if (!fs::is_regular_file(file, ec))
            throw Error("the manifest " + file + " that database " + options_.db +
                        " records is gone: give --metadata with its new place");
          options_.metadata.push_back(file);
        }
        std::string names;
        for (const std::string& m : options_.metadata) names += (names.empty() ? "" : ", ") + m;
        if (!names.empty())
          report_.message("morgue-index: note: reading the manifests the database records: " +
                          names);
      }
    } else {
      options_.declared = given;
    }
    set_declared_fields(options_.declared);
    for (std::string& m : options_.metadata) m = fs::absolute(m).lexically_normal().string();
  }

  // The codebook of names: --names FILE; else the file the database records, read again (a
  // researcher edits it and re-runs); else, that file gone, the copy the database keeps.
  void choose_codebook() {
    const bool recorded = store_ && !fresh_;
    const std::string kept = recorded ? db().get_metadata(kNamesKey) : std::string();
    std::string file = options_.names_file;
    std::string text;
    if (file.empty() && recorded) {
      file = db().get_metadata(kNamesFileKey);
      std::error_code ec;
      if (!file.empty() && !fs::is_regular_file(file, ec)) {
        report_.message("morgue-index: note: the codebook " + file + " that database " +
                        options_.db + " records is gone: the copy it keeps stays in force");
        options_.names_file = file;
        options_.names = Codebook::parse(kept, file);
        return;
      }
    }
    if (!file.empty()) {
      std::ifstream in(file, std::ios::binary);
      std::error_code ec;
      if (!in || fs::is_directory(file, ec))
        throw Error("cannot read the codebook " + file + ": " +
                    (in ? std::string("a folder") : std::string(std::strerror(errno))));
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      if (in.bad()) throw Error("cannot read the codebook " + file + ": " + std::strerror(errno));
      file = fs::absolute(file).lexically_normal().string();
    }
    options_.names_file = file;
    options_.names = Codebook::parse(text, file);
  }

  // Records the run's codebook in the database; when it is not the one the database's articles
  // were filed by, files them again first (refile.h). A first build's articles were built by it.
  void apply_codebook() {
    Xapian::WritableDatabase& d = db();
    if (d.get_metadata(kNamesKey) == options_.names.text() &&
        d.get_metadata(kNamesFileKey) == options_.names_file)
      return;
    if (!fresh_ && d.get_metadata(kNamesKey) != options_.names.text()) {
      const Refiled r = refile_names(d, options_.places, options_.names, options_.commit_every,
                                     g_index_interrupted, nullptr);
      if (g_index_interrupted) return;  // the next run files them again
      report_.message("morgue-index: note: codebook " +
                      (options_.names_file.empty() ? std::string("(none)") : options_.names_file) +
                      ": the names of " + std::to_string(r.rewritten) + " of " +
                      std::to_string(r.read) + " articles filed anew");
    }
    d.set_metadata(kNamesKey, options_.names.text());
    d.set_metadata(kNamesFileKey, options_.names_file);
    store_->spread_metadata();
    d.commit();
  }

  // Whether documents keep their words as written: --exact-forms on a database without articles;
  // afterwards what the database recorded, so that every article of it is alike.
  void choose_exact_forms() {
    const bool recorded = db().get_metadata(kExactFormsKey) == "1";
    if (fresh_) return;  // options_.exact_forms as given; the writer records it
    if (options_.exact_forms && !recorded)
      throw Error("database " + options_.db +
                  " keeps no words as written: --exact-forms is a new database's choice (index "
                  "into a new database with --exact-forms)");
    options_.exact_forms = recorded;
  }

  // Whether articles are filed in copy groups and stories: unless --no-copies on a database
  // without articles; afterwards what the database recorded (a database made before copies were
  // found, or with --no-copies, has none, and no run files some of its articles alone).
  void choose_copies() {
    const bool recorded = db().get_metadata(kCopiesKey) == "1";
    if (fresh_) return;  // options_.copies as given; the writer records it
    if (!options_.copies && recorded)
      throw Error("database " + options_.db +
                  " files copies and stories: --no-copies is a new database's choice (index into "
                  "a new database with --no-copies)");
    options_.copies = recorded;
  }

  // Reads every input in order into `feed` (files are collected one input at a time, so an
  // early input's articles are indexed before a later folder is walked).
  void read_inputs(std::istream& in, ArticleFeed& feed) {
    feed.count_bytes([this](std::uint64_t n) { report_.add_read(n); });
    for (const std::string& input : options_.inputs) {
      if (feed.stopped()) break;
      if (input == "-") {
        if (feed.read_standard_input(in, options_.read)) read_ok_.insert("-");
        continue;
      }
      std::vector<InputFile> files;
      inputs_.collect(input, &files, &counts_);
      for (const InputFile& f : files) report_.add_total(f.size);
      for (const InputFile& f : files) {
        if (feed.stopped()) break;
        if (feed.read(f, options_.read)) read_ok_.insert(source_of(f.path));
      }
    }
  }

  // Deletes articles whose source file is gone, or was read in full this run without them.
  // Sources that could not be read this run keep their articles, and so does everything under a
  // folder that could not be read or an input that does not exist (an unmounted share).
  void prune(const std::unordered_set<std::string>& seen) {
    std::vector<std::string> roots, kept;
    for (const auto& [folder, shown] : inputs_.unreadable()) {
      kept.push_back(folder);
      report_.message("morgue-index: note: " + shown +
                      " could not be read: its articles are not pruned");
    }
    for (const std::string& input : options_.inputs) {
      if (input == "-") continue;
      const std::string root = source_of(input);
      if (inputs_.missing().count(root)) {
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
    const std::vector<std::string> left_out(inputs_.left_out().begin(), inputs_.left_out().end());
    const std::string ids(find_field("id")->prefix);
    std::vector<std::string> doomed;
    Xapian::WritableDatabase& d = db();
    for (auto t = d.allterms_begin(ids); t != d.allterms_end(ids); ++t) {
      if (seen.count(*t)) continue;
      auto p = d.postlist_begin(*t);
      if (p == d.postlist_end(*t)) continue;
      std::string source = d.get_document(*p).get_value(kSourceSlot);
      if (!any_under(source, roots) || any_under(source, kept)) continue;
      // Gone is what the system says is not there; a file it cannot look at (no permission on a
      // folder above it) is kept.
      std::error_code ec;
      const bool gone = fs::status(source, ec).type() == fs::file_type::not_found;
      if (gone || read_ok_.count(source) || any_under(source, left_out)) doomed.push_back(*t);
    }
    remove(doomed);
    pruned_ = doomed.size();
  }

  // Articles that moved: an article this run added whose text is that of an article whose file
  // is gone (a folder renamed or files reorganised under the archive root, so that the id, the
  // path from the root, changed) replaces it; the old id is removed and the move told, where it
  // would otherwise be counted twice until a --prune. Only files the system says are not there
  // count as gone (an unreadable folder or an unmounted share is not), and a gone file's article
  // whose text no added article has stays (--prune decides about it).
  void moved(const Writer& writer) {
    static constexpr std::size_t kMovesTold = 10;  // moves told one by one; the rest counted
    if (writer.added.empty()) return;
    Xapian::WritableDatabase& d = db();
    auto text_hash = [&](Xapian::docid did) {
      const std::string data = d.get_document(did).get_data();
      const std::string_view text = stored_text(data);
      return text.empty() ? std::string() : content_hash("", text);
    };
    // Text hash -> the id terms added with it (archives hold identical files: each is one move).
    std::unordered_map<std::string, std::vector<std::string>> added;
    for (const std::string& term : writer.added) {
      auto p = d.postlist_begin(term);
      if (p == d.postlist_end(term)) continue;
      const std::string h = text_hash(*p);
      if (!h.empty()) added[h].push_back(term);
    }
    if (added.empty()) return;
    // Sources looked at once each: one JSON Lines file holds many articles.
    std::unordered_map<std::string, bool> gone;
    std::vector<std::pair<Xapian::docid, std::string>> candidates;  // docid, source
    for (auto v = d.valuestream_begin(kSourceSlot); v != d.valuestream_end(kSourceSlot); ++v) {
      const std::string source = *v;
      if (source.empty() || source == "-") continue;
      auto [it, first] = gone.emplace(source, false);
      if (first) {
        std::error_code ec;
        it->second = fs::status(source, ec).type() == fs::file_type::not_found;
      }
      if (it->second) candidates.emplace_back(v.get_docid(), source);
    }
    std::vector<std::string> doomed;
    const std::string ids(find_field("id")->prefix);
    for (const auto& [did, source] : candidates) {
      Xapian::Document doc = d.get_document(did);
      std::string old_term;
      auto t = doc.termlist_begin();
      t.skip_to(ids);
      if (t != doc.termlist_end() && (*t).compare(0, ids.size(), ids) == 0) old_term = *t;
      if (old_term.empty() || writer.seen.count(old_term)) continue;
      auto match = added.find(text_hash(did));
      if (match == added.end()) continue;
      // Of identical new articles, the one of the same file name, else the first.
      std::vector<std::string>& terms = match->second;
      auto name = [](const std::string& term) { return term.substr(term.rfind('/') + 1); };
      auto to = std::find_if(terms.begin(), terms.end(),
                             [&](const std::string& term) { return name(term) == name(old_term); });
      if (to == terms.end()) to = terms.begin();
      if (doomed.size() < kMovesTold)
        report_.message("morgue-index: note: " + old_term.substr(ids.size()) + " moved to " +
                        to->substr(ids.size()) + " (its file " + source +
                        " is gone): the old id is removed");
      doomed.push_back(old_term);
      terms.erase(to);  // one old article per new one
      if (terms.empty()) added.erase(match);
    }
    if (doomed.size() > kMovesTold)
      report_.message("morgue-index: note: " + std::to_string(doomed.size() - kMovesTold) +
                      " more articles moved");
    remove(doomed);
    moved_ = doomed.size();
  }

  // Deletes the articles of these id terms; their words leave the spelling data.
  void remove(const std::vector<std::string>& terms) {
    Xapian::WritableDatabase& d = db();
    DocumentBuilder stored;
    const bool spelling = keeps_spelling(d);
    for (const std::string& term : terms) {
      if (spelling) {
        for (auto p = d.postlist_begin(term); p != d.postlist_end(term); ++p)
          remove_spelling(d, stored.spelling_words(d.get_document(*p)));
      }
      d.delete_document(term);
    }
  }

  void summary(bool discarded) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string line = "morgue-index: ";
    if (g_index_interrupted) line += "interrupted; committed what was done: ";
    if (options_.extract_only) {
      line += std::to_string(counts_.added) + " articles read";
    } else {
      line += std::to_string(counts_.added - moved_) + " added, " +
              (moved_ ? std::to_string(moved_) + " moved, " : std::string()) +
              std::to_string(counts_.updated) + " updated, " + std::to_string(counts_.unchanged) +
              " unchanged";
      if (options_.prune) line += ", " + std::to_string(pruned_) + " pruned";
    }
    line += ", " + std::to_string(counts_.skipped) + " skipped";
    if (counts_.ignored)
      line += ", " + std::to_string(counts_.ignored) + " files of unknown type ignored";
    if (counts_.excluded)
      line += ", " + std::to_string(counts_.excluded) +
              (counts_.excluded == 1 ? " file excluded" : " files excluded");
    if (counts_.warnings) line += ", " + std::to_string(counts_.warnings) + " warnings";
    if (discarded)
      line += "; nothing was indexed, so no database was created at " + options_.db;
    else if (!options_.extract_only)
      line += "; " + std::to_string(db().get_doccount()) + " articles in " + options_.db;
    char secs[32];
    std::snprintf(secs, sizeof secs, " (%.1f s)", seconds);
    if (!options_.quiet || discarded) report_.message(line + secs);  // (exit 2 says why)
  }

  IndexOptions options_;  // as given, with the database's choice of exact forms
  std::ostream& out_;
  Report report_;
  Inputs inputs_;
  std::chrono::steady_clock::time_point start_;
  std::unique_ptr<Extractor> extractor_;
  std::optional<Store> store_;  // not with --extract-only
  bool fresh_ = true;
  Counts counts_;
  std::size_t pruned_ = 0, moved_ = 0;
  std::unordered_set<std::string> read_ok_;  // sources read without a file-level error
  // Warnings about the --metadata manifests, counted and told like the readers'.
  class Messages : public ArticleSink {
   public:
    explicit Messages(Run& run) : run_(run) {}
    void article(Article&&) override {}
    void skipped(const InputError& e) override {
      ++run_.counts_.skipped;
      run_.report_.message("morgue-index: skipped " + std::string(e.what()));
    }
    void warning(const std::string& message) override {
      ++run_.counts_.warnings;
      run_.report_.message("morgue-index: warning: " + message);
    }

   private:
    Run& run_;
  } messages_{*this};
  std::unique_ptr<Sidecar> sidecar_;
};

}  // namespace

int run_index(const IndexOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  Run run(options, out, err);
  return run.go(in);
}

}  // namespace morgue
