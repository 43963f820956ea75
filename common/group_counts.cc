#include "common/group_counts.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <exception>
#include <limits>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/schema.h"

namespace morgue {
namespace {

// At most this many threads count (each holds a mark for every group of each unit).
constexpr unsigned kMaxCountingThreads = 8;

// Xapian refuses longer metadata keys (its terms are at most 245 bytes): such a term is walked.
constexpr std::size_t kMaxKey = 240;

std::string count_key(const std::string& term) {
  const std::string key = kGroupCountPrefix + term;
  return key.size() <= kMaxKey ? key : std::string();
}

// "UUID REVISION": the state of `db` (which must be one local database) a stamp names.
std::string state_of(const Xapian::Database& db, Xapian::rev revision) {
  return db.get_uuid() + " " + std::to_string(revision);
}

std::optional<Xapian::doccount> number(std::string_view* text) {
  Xapian::doccount n = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, n);
  if (ec != std::errc() || ptr == text->data()) return std::nullopt;
  text->remove_prefix(static_cast<std::size_t>(ptr - text->data()));
  return n;
}

// Each docid's group in `slot` as a number (kNone without one), and how many groups there are.
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
struct Groups {
  std::vector<std::uint32_t> of;  // by docid
  std::uint32_t count = 0;
};
Groups read_groups(const Xapian::Database& db, Xapian::valueno slot) {
  Groups g;
  g.of.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, kNone);
  std::unordered_map<std::string, std::uint32_t> ids;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    g.of[v.get_docid()] = ids.emplace(*v, static_cast<std::uint32_t>(ids.size())).first->second;
  }
  g.count = static_cast<std::uint32_t>(ids.size());
  return g;
}

// Counts the distinct groups of the articles of one term after another: a group is met in this
// term when its mark is the term's number.
class DistinctCounter {
 public:
  explicit DistinctCounter(const Groups& groups) : groups_(groups), mark_(groups.count, 0) {}
  void next_term() { ++term_; }
  void add(Xapian::docid did) {
    // (A docid beyond the column would be of another state than the column's: same_state.)
    const std::uint32_t g = did < groups_.of.size() ? groups_.of[did] : kNone;
    if (g == kNone) {
      ++count_;
    } else if (mark_[g] != term_) {
      mark_[g] = term_;
      ++count_;
    }
  }
  Xapian::doccount take() { return std::exchange(count_, 0); }

 private:
  const Groups& groups_;
  std::vector<std::uint32_t> mark_;  // by group: the last term it was met in (terms count from 1)
  std::uint32_t term_ = 0;
  Xapian::doccount count_ = 0;
};

}  // namespace

std::optional<Xapian::doccount> current_group_counts(const Xapian::Database& db) {
  const std::string stamp = db.get_metadata(kGroupCountsKey);
  if (stamp.empty() || db.size() != 1) return std::nullopt;
  std::string state;
  try {
    state = state_of(db, db.get_revision());
  } catch (const Xapian::InvalidOperationError&) {
    return std::nullopt;  // a remote database, or a backend without revisions
  } catch (const Xapian::UnimplementedError&) {
    return std::nullopt;
  }
  if (stamp.size() <= state.size() + 1 || stamp.compare(0, state.size(), state) != 0 ||
      stamp[state.size()] != ' ')
    return std::nullopt;
  std::string_view from(stamp);
  from.remove_prefix(state.size() + 1);
  const std::optional<Xapian::doccount> n = number(&from);
  return n && from.empty() ? n : std::nullopt;
}

std::optional<GroupCount> stored_group_count(const Xapian::Database& db, Xapian::doccount from,
                                             const std::string& term) {
  const std::string key = count_key(term);
  if (key.empty() || db.get_termfreq(term) < from) return std::nullopt;
  const std::string value = db.get_metadata(key);
  std::string_view text(value);
  const std::optional<Xapian::doccount> copies = number(&text);
  if (!copies || text.empty() || text.front() != ' ') return std::nullopt;
  text.remove_prefix(1);
  const std::optional<Xapian::doccount> stories = number(&text);
  if (!stories || !text.empty()) return std::nullopt;
  return GroupCount{*copies, *stories};
}

std::size_t store_group_counts(Xapian::WritableDatabase& db, const std::string& path,
                               Xapian::doccount from, unsigned threads) {
  // What is counted is what is committed: changes still held are committed first (a count of
  // the state on disk stamped with a later commit that changes documents would be wrong).
  db.commit();
  if (current_group_counts(db)) return 0;
  // Read where db committed, which is faster than through the writer (and may be read by
  // several threads): `path` must hold db's state, or nothing is stored.
  const std::string state = state_of(db, db.get_revision());
  auto same_state = [&](const Xapian::Database& read) {
    return read.size() == 1 && state_of(read, read.get_revision()) == state;
  };
  const Xapian::Database committed(path, Xapian::DB_BACKEND_GLASS);
  if (!same_state(committed)) return 0;
  std::vector<std::string> terms;
  for (auto t = committed.allterms_begin(); t != committed.allterms_end(); ++t) {
    if (t.get_termfreq() >= from && !count_key(*t).empty()) terms.push_back(*t);
  }
  const Groups copy_groups = read_groups(committed, kCopySlot);
  const Groups story_groups = read_groups(committed, kStorySlot);
  std::vector<GroupCount> counts(terms.size());
  std::atomic<bool> other_state{false};
  auto count_some = [&](std::size_t first, std::size_t step) {
    const Xapian::Database own(path, Xapian::DB_BACKEND_GLASS);
    if (!same_state(own)) {
      other_state = true;
      return;
    }
    DistinctCounter copies(copy_groups), stories(story_groups);
    for (std::size_t i = first; i < terms.size(); i += step) {
      copies.next_term();
      stories.next_term();
      for (auto p = own.postlist_begin(terms[i]); p != own.postlist_end(terms[i]); ++p) {
        copies.add(*p);
        stories.add(*p);
      }
      counts[i] = {copies.take(), stories.take()};
    }
  };
  // Each share of the terms is counted by a thread of its own, or (when one cannot be started)
  // by this one; a share's error is thrown from here, once every thread is joined.
  threads = std::clamp(threads, 1u, kMaxCountingThreads);
  std::vector<std::exception_ptr> failed(threads);
  auto count_share = [&](unsigned k) {
    try {
      count_some(k, threads);
    } catch (...) {
      failed[k] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  std::vector<unsigned> here = {0};
  for (unsigned k = 1; k < threads; ++k) {
    try {
      helpers.emplace_back(count_share, k);
    } catch (const std::system_error&) {
      here.push_back(k);
    }
  }
  for (const unsigned k : here) count_share(k);
  for (std::thread& h : helpers) h.join();
  for (const std::exception_ptr& e : failed) {
    if (e) std::rethrow_exception(e);
  }
  if (other_state) return 0;
  const std::vector<std::string> old(db.metadata_keys_begin(kGroupCountPrefix),
                                     db.metadata_keys_end(kGroupCountPrefix));
  for (const std::string& key : old) db.set_metadata(key, "");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    db.set_metadata(count_key(terms[i]),
                    std::to_string(counts[i].copies) + " " + std::to_string(counts[i].stories));
  }
  // Glass gives a commit the next revision; should a backend not, the stamp is taken back and the
  // counts are left unused.
  const Xapian::rev next = db.get_revision() + 1;
  db.set_metadata(kGroupCountsKey, state_of(db, next) + " " + std::to_string(from));
  db.commit();
  if (db.get_revision() != next) {
    db.set_metadata(kGroupCountsKey, "");
    db.commit();
  }
  return terms.size();
}

}  // namespace morgue
