// The number of copy groups and of stories among the articles of each frequent term, stored in the
// database at the end of an indexing run, so that `--count --unit copies|stories` of one term
// reads two numbers instead of walking the term's whole posting list (docs/performance.md#units-
// floor: the walk alone costs more than the count by articles).
//
// A stored count is exact or unused. The counts carry a stamp, the database's UUID and the
// revision of the commit that wrote them; any later commit (by morgue or any other writer) gives
// the database another revision, and a copy made by xapian-compact or copydatabase another UUID,
// so counts of an older state are never read: the search walks the posting list as before. Each
// run of morgue-index that leaves them stale counts them again (all of them, never patched).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>

namespace morgue {

// The stamp: "UUID REVISION FROM" (FROM: the fewest articles of a term counted).
inline constexpr const char* kGroupCountsKey = "morgue.group_counts";
// Followed by a term: "COPIES STORIES".
inline constexpr const char* kGroupCountPrefix = "morgue.group_count:";
// The default FROM: a term of fewer articles is counted from their documents, some microseconds
// each (docs/performance.md#group-counts).
inline constexpr Xapian::doccount kGroupCountsFrom = 20;

struct GroupCount {
  Xapian::doccount copies = 0, stories = 0;
};

// The FROM of the counts `db` (exactly one local database) holds, when they are those of the
// state it was opened at; else none, as for a database of several shards or a remote one, whose
// revision is not one number.
std::optional<Xapian::doccount> current_group_counts(const Xapian::Database& db);

// The stored counts of `term` when it has at least `from` articles (current_group_counts(db));
// else none (walk its posting list).
std::optional<GroupCount> stored_group_count(const Xapian::Database& db, Xapian::doccount from,
                                             const std::string& term);

// Counts the copy groups and stories (kCopySlot, kStorySlot: an article without a value counts as
// one of its own) of every term of at least `from` articles, removes the counts stored before, and
// commits them with their stamp. `db`'s changes are committed first: the terms are counted where
// it commits them, the glass database `path` (nothing is stored when `path` is not db's state),
// by `threads` threads (at most 8). Does nothing more when the stored counts are current. Returns
// the number of terms whose counts it stored (0 also when it did nothing).
std::size_t store_group_counts(Xapian::WritableDatabase& db, const std::string& path,
                               Xapian::doccount from, unsigned threads);

}  // namespace morgue
