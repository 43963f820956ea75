// What a run tells: the counts of the summary line, and messages and the progress line on
// standard error, from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
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
  Report(std::ostream& err, bool progress) : err_(err), progress_(progress) {}

  void message(const std::string& line);
  // One more article done (added, updated or unchanged): the progress line, at most 4 a second.
  void done();

 private:
  // What to write before a line of text: erases the progress line if there is one.
  std::string clear() const { return progress_ && shown_ ? "\r\x1b[K" : ""; }

  std::mutex mutex_;
  std::ostream& err_;
  const bool progress_;
  bool shown_ = false;
  std::atomic<std::size_t> done_{0};
  std::chrono::steady_clock::time_point last_;
};

}  // namespace morgue
