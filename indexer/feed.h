// Where the readers' articles go in each mode (read/ calls an ArticleSink): an ArticleFeed counts
// and reports what could not be read, and its subclass prepares and writes the articles, in
// turn (InOrderFeed) or on worker threads (PipelineFeed).
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract.h"
#include "indexer/indexer.h"
#include "indexer/inputs.h"
#include "indexer/prepare.h"
#include "indexer/report.h"
#include "indexer/writer.h"
#include "read/readers.h"

namespace morgue {

class ArticleFeed : public ArticleSink {
 public:
  // Messages go to `emit`; `failed`, when set and true, stops the reading (another thread failed).
  ArticleFeed(Counts* counts, std::function<void(const std::string&)> emit,
              const std::atomic<bool>* failed)
      : counts_(counts), emit_(std::move(emit)), failed_(failed) {}

  // An article of the file being read: it gets that file's path (relative to the archive root)
  // and goes on to accept().
  void article(Article&& a) final {
    a.path = path_;
    accept(std::move(a));
  }
  void skipped(const InputError& e) override;
  void warning(const std::string& message) override;
  void note(const std::string& message) override { emit_("morgue-index: note: " + message); }
  void position(std::uint64_t at) override;
  // Where the bytes read go (the progress line's Report::add_read).
  void count_bytes(std::function<void(std::uint64_t)> read) { read_bytes_ = std::move(read); }
  bool stopped() const override { return g_index_interrupted || (failed_ && *failed_); }

  // Reads one file (or part of one); file-level problems are reported and counted here.
  // Returns true when the file was read without a file-level error.
  bool read(const InputFile& f, const ReadOptions& options, const ByteRange& range = {});
  // Reads standard input (its articles have no path).
  bool read_standard_input(std::istream& in, const ReadOptions& options);

 protected:
  virtual void accept(Article&& a) = 0;

  Counts* counts_;
  std::function<void(const std::string&)> emit_;
  const std::atomic<bool>* failed_;
  std::string path_;  // of the file being read
  std::function<void(std::uint64_t)> read_bytes_;
  std::uint64_t at_ = 0;  // how far into the file being read the bytes are counted
};

// --jobs 1, and each part of a bulk build: every article is prepared and written at once.
class InOrderFeed : public ArticleFeed {
 public:
  InOrderFeed(Preparer& preparer, Writer& writer, std::function<void(const std::string&)> emit,
              const std::atomic<bool>* failed = nullptr)
      : ArticleFeed(&writer.counts, std::move(emit), failed),
        preparer_(preparer),
        writer_(writer) {}

 private:
  void accept(Article&& a) override {
    if (stopped()) return;
    writer_.apply(preparer_.prepare(std::move(a)));
  }

  Preparer& preparer_;
  Writer& writer_;
};

// --jobs N: this thread reads into batches, N workers prepare them, one writer thread applies
// them in the order read. At most 2N+2 batches are in flight, which bounds the memory.
class PipelineFeed : public ArticleFeed {
 public:
  // Workers look unchanged articles up in the database at `lookup_path` ("" for none).
  PipelineFeed(unsigned jobs, const IndexOptions& options, const Extractor* extractor,
               const std::string& lookup_path, Writer& writer, Report& report);
  ~PipelineFeed() override;

  // Waits until everything read has been written; rethrows the first error of any thread.
  void finish();

 private:
  static constexpr std::size_t kBatch = 64;

  struct Batch {
    std::size_t number;
    std::vector<Article> articles;
    std::vector<Prepared> prepared;
  };

  void accept(Article&& a) override;
  template <class F>
  void guard(F f);
  void submit();
  void work(const IndexOptions& options, const Extractor* extractor,
            const std::string& lookup_path);
  void write();

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

}  // namespace morgue
