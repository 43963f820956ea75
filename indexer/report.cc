// Counts and messages of a run.
#include "indexer/report.h"

namespace morgue {

Counts& Counts::operator+=(const Counts& o) {
  added += o.added, updated += o.updated, unchanged += o.unchanged;
  skipped += o.skipped, ignored += o.ignored, warnings += o.warnings, excluded += o.excluded;
  return *this;
}

void Report::message(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  err_ << clear() << line << '\n';
}

void Report::done() {
  const std::size_t n = ++done_;
  if (!progress_) return;
  std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
  if (!lock) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  shown_ = true;
  err_ << "\r\x1b[K" << n << " articles..." << std::flush;
}

}  // namespace morgue
