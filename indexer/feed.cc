// Reading files into the run, and the threads of the pipeline.
#include "indexer/feed.h"

#include <algorithm>
#include <optional>

#include "common/database.h"

namespace morgue {

void ArticleFeed::skipped(const InputError& e) {
  ++counts_->skipped;
  emit_("morgue-index: skipped " + std::string(e.what()));
}

void ArticleFeed::warning(const std::string& message) {
  ++counts_->warnings;
  emit_("morgue-index: warning: " + message);
}

bool ArticleFeed::read(const InputFile& f, const ReadOptions& options, const ByteRange& range) {
  const auto format = format_for(f.path);
  if (f.id_base.empty() && (format == Format::kText || format == Format::kHtml)) {
    if (range.begin == 0)
      skipped(InputError(f.path.string(), 0, "lies outside the archive root (see above)"));
    return false;
  }
  if (!format) {
    if (f.named) {
      skipped(InputError(f.path.string(), 0,
                         "unknown file type '" + type_of(f.path) +
                             "' (expected .txt, .json, .jsonl, .ndjson, .html, .htm, .warc, or "
                             "one of them compressed: .gz, .xz, .zst)"));
    } else if (range.begin == 0) {
      ++counts_->ignored;
    }
    return false;
  }
  at_ = range.begin;
  bool ok = false;
  try {
    path_ = f.id_base;
    read_file(f.path, f.id_base, source_of(f.path), options, *this, range);
    ok = true;
  } catch (const InputError& e) {
    skipped(e);
  } catch (const Interrupted&) {  // the run stops: nothing to report about the file
  } catch (const std::ios_base::failure& e) {
    skipped(InputError(f.path.string(), 0, std::string("read error: ") + e.what()));
  }
  position(std::min(range.end, f.size));  // the part is done, whatever became of it
  return ok;
}

void ArticleFeed::position(std::uint64_t at) {
  if (at <= at_) return;
  if (read_bytes_) read_bytes_(at - at_);
  at_ = at;
}

bool ArticleFeed::read_standard_input(std::istream& in, const ReadOptions& options) {
  try {
    path_.clear();
    read_stream(in, "-", "stdin", "-", options, *this);
    return true;
  } catch (const InputError& e) {
    skipped(e);
  }
  return false;
}

PipelineFeed::PipelineFeed(unsigned jobs, const IndexOptions& options, const Extractor* extractor,
                           const std::string& lookup_path, Writer& writer, Report& report)
    : ArticleFeed(
          &writer.counts, [&report](const std::string& m) { report.message(m); }, &failed_),
      writer_(writer),
      max_in_flight_(2 * jobs + 2) {
  for (unsigned i = 0; i < jobs; ++i) {
    workers_.emplace_back([this, &options, extractor, lookup_path] {
      guard([&] { work(options, extractor, lookup_path); });
    });
  }
  writer_thread_ = std::thread([this] { guard([&] { write(); }); });
}

PipelineFeed::~PipelineFeed() {
  try {
    finish();  // joins the threads; an error was already rethrown by an explicit finish()
  } catch (...) {
  }
}

void PipelineFeed::accept(Article&& a) {
  if (stopped()) return;
  batch_.push_back(std::move(a));
  if (batch_.size() >= kBatch) submit();
}

void PipelineFeed::finish() {
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

template <class F>
void PipelineFeed::guard(F f) {
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

void PipelineFeed::submit() {
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

void PipelineFeed::work(const IndexOptions& options, const Extractor* extractor,
                        const std::string& lookup_path) {
  std::optional<Xapian::Database> lookup;
  if (!lookup_path.empty()) lookup.emplace(open_for_reading(lookup_path));  // one, or shards
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
    if (lookup) {
      try {
        lookup->reopen();
      } catch (const Xapian::DatabaseError&) {
        // the writer is moving it: Preparer::stored_input reads again
      }
    }
    for (Article& a : batch.articles) batch.prepared.push_back(preparer.prepare(std::move(a)));
    batch.articles.clear();
    std::lock_guard<std::mutex> lock(mutex_);
    built_batches_.emplace(batch.number, std::move(batch));
    built_.notify_all();
  }
}

void PipelineFeed::write() {
  for (std::size_t next = 0;; ++next) {
    Batch batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      built_.wait(lock, [&] {
        return built_batches_.count(next) || failed_ || (closing_ && next >= submitted_);
      });
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

}  // namespace morgue
