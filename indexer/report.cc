// Counts and messages of a run.
#include "indexer/report.h"

#include <algorithm>
#include <cstdio>

#include "common/text.h"

namespace morgue {

Counts& Counts::operator+=(const Counts& o) {
  added += o.added, updated += o.updated, unchanged += o.unchanged;
  skipped += o.skipped, ignored += o.ignored, warnings += o.warnings, excluded += o.excluded;
  return *this;
}

void Report::message(const std::string& line) {
  if (quiet_ && line.rfind("morgue-index: note: ", 0) == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  err_ << clear() << terminal_safe(line) << '\n';  // file names and values come from the data
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
  err_ << "\r\x1b[K"
       << progress_line(n, std::chrono::duration<double>(now - start_).count(), read_, total_)
       << std::flush;
}

namespace {

// 1234567 -> "1,234,567"
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string duration(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string Report::progress_line(std::size_t articles, double seconds, std::uint64_t read,
                                  std::uint64_t total) {
  std::string line = grouped(articles) + " articles";
  if (seconds >= 1) line += ", " + grouped(static_cast<std::uint64_t>(articles / seconds)) + "/s";
  if (total > 0) {
    read = std::min(read, total);
    char share[64];
    std::snprintf(share, sizeof share, ", %.0f%% of %.0f MB",
                  100.0 * static_cast<double>(read) / static_cast<double>(total),
                  static_cast<double>(total) / 1e6);
    line += share;
    // The time left once enough is read to tell (half a percent), from the rate so far.
    if (read * 200 >= total && seconds >= 1 && read < total)
      line += ", about " +
              duration(seconds * static_cast<double>(total - read) / static_cast<double>(read)) +
              " left";
  }
  return line;
}

}  // namespace morgue
