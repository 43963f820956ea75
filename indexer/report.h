// What a run tells: the counts of the summary line, and messages and the progress line on
// standard error, from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace morgue {

struct Counts {
  std::size_t added = 0, updated = 0, unchanged = 0, skipped = 0, ignored = 0, warnings = 0,
              excluded = 0;
  Counts& operator+=(const Counts& o);
};

class Report {
 public:
  // `quiet`: no notes (lines starting "morgue-index: note: "); the caller leaves out its summary.
  Report(std::ostream& err, bool progress, bool quiet = false)
      : err_(err), progress_(progress && !quiet), quiet_(quiet) {}

  void message(const std::string& line);
  // One more article done (added, updated or unchanged): the progress line, at most 4 a second.
  void done();
  // Input bytes to read (as files are found), and read so far: the progress line's share and
  // time left, when the input's size is known (not from standard input).
  void add_total(std::uint64_t bytes) { total_ += bytes; }
  void add_read(std::uint64_t bytes) { read_ += bytes; }
  // The progress line, as done() shows it (for the tests): `articles` done in `seconds`.
  static std::string progress_line(std::size_t articles, double seconds, std::uint64_t read,
                                   std::uint64_t total);

 private:
  // What to write before a line of text: erases the progress line if there is one.
  std::string clear() const { return progress_ && shown_ ? "\r\x1b[K" : ""; }

  std::mutex mutex_;
  std::ostream& err_;
  const bool progress_, quiet_;
  bool shown_ = false;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::uint64_t> total_{0}, read_{0};
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_;
};

}  // namespace morgue
