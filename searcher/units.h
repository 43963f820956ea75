// Counting units other than articles (--unit copies, --unit stories): a copy group
// (indexer/copies.h) or a story (indexer/stories.h) counts once, as an article alone in its group
// does. Counts, facets and histograms stay those of the article
// spies (facets.h): a spy is shown, for each group, documents made of the group's matching
// members, one per value the spy counts apart (a facet's whole list of values, a date facet's
// date, a histogram's period), holding the union of the members' values there. So a group counts
// once per value, per date and per period, however many of its members have it.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/schema.h"
#include "searcher/facets.h"

namespace morgue {

enum class Unit { kArticles, kCopies, kStories };
std::optional<Unit> unit_from_string(const std::string& name);
const char* to_string(Unit unit);
// The slot of a unit's groups (kCopySlot, kStorySlot); not for kArticles.
Xapian::valueno unit_slot(Unit unit);
// The unit whose groups a field or export column names: copies for "copy", stories for "story",
// articles for any other.
Unit unit_of_field(std::string_view name);
// What `db` was built without when it has no groups of `unit` ("copy detection", "stories": its
// metadata does not say it has them); nullptr when it has them, and for kArticles.
const char* groups_missing(const Xapian::Database& db, Unit unit);
// What a database without groups was built without, why, and what to do: "built without
// `missing` (with morgue-index --no-copies, ...): index the archive into a new database ...".
std::string built_without(const char* missing);

// Where the groups of matching articles are found: the slot that holds them, the database's groups
// of more than one article (`shared`; every other article is a group of its own, and is counted
// as an article alone is), and the column of the slot where one is held (a batch over one
// database reads it once: facets.h), else the documents.
struct CopyGroups {
  Xapian::valueno slot = 0;
  const std::unordered_set<std::string>* shared = nullptr;  // none: every group may be shared
  const FacetColumn* column = nullptr;
};
// The groups of more than one article in `db` (one walk through the slot's values).
std::unordered_set<std::string> shared_groups(const Xapian::Database& db, Xapian::valueno slot);

// The group of a matching article, "" for one alone in its group.
std::string copy_group(const Xapian::Document& doc, const CopyGroups& groups);

// Counts the matching units, and the matching members of each group.
class UnitCounter : public Xapian::MatchSpy {
 public:
  // `scratch`: where the counts by the column's index are kept (all zero, and no other counter's
  // meanwhile), for the next counter of a batch to use again: this one zeroes what it counted
  // when it is destroyed. Without it, the counter keeps its own.
  explicit UnitCounter(CopyGroups groups = {}, std::vector<Xapian::doccount>* scratch = nullptr);
  ~UnitCounter() override;
  UnitCounter(const UnitCounter&) = delete;
  UnitCounter& operator=(const UnitCounter&) = delete;
  void operator()(const Xapian::Document& doc, double weight) override;
  // Counts the articles of `db` (the database of the groups' column) that index `term`, as if
  // each had been shown to the counter: one pass through the term's posting list, reading the
  // groups from the column (a document only beyond it). Returns the number of articles.
  Xapian::doccount count_postings(const Xapian::Database& db, const std::string& term);
  // Matching articles without a group, plus the groups with a matching member.
  Xapian::doccount units() const;
  // The matching members of group `id` (0 for one without any).
  Xapian::doccount members(const std::string& id) const;

 private:
  void fold() const;                // the counts by column index into those by group
  void count(std::uint32_t index);  // a match whose group has this column index

  CopyGroups groups_of_;
  // By column index: a group of more than one article (with groups.shared only).
  std::vector<bool> shared_index_;
  // The matches by column index, with the indexes met, so that only those are zeroed after a
  // query (a vector of every group zeroed for each query cost more than the count; a hash map, a
  // fifth of it).
  std::vector<Xapian::doccount> own_;
  std::vector<Xapian::doccount>* by_column_;  // &own_ or the scratch
  mutable std::vector<std::uint32_t> met_;
  Xapian::doccount singles_ = 0;
  mutable std::unordered_map<std::string, Xapian::doccount> groups_;
};

// Shows `inner` each matching article without a group as it is, and each group's members as
// the documents described above (once finish() is called). A match is reduced to numbers as it is
// seen (its group, its bucket, its list of values: the slots' columns where a batch has read them,
// else this spy's own numbering of the values), so a group of many matching members costs little
// more than one article until finish() builds its documents.
class UnitSpy : public Xapian::MatchSpy {
 public:
  // A spy for the facet counts of `spy` on `field_slot` (`is_date`: the date facet).
  static std::unique_ptr<UnitSpy> for_facet(FacetSpy* spy, Xapian::valueno field_slot,
                                            bool is_date);
  // A spy for the histogram `spy` of `period` (grouped by `group_slot`).
  static std::unique_ptr<UnitSpy> for_histogram(HistogramSpy* spy, Period period,
                                                std::optional<Xapian::valueno> group_slot);

  void operator()(const Xapian::Document& doc, double weight) override;
  // Shows `inner` the groups' documents, in the order of their group and bucket; once.
  void finish();
  // Finds the matches' groups there (see copy_group).
  void set_groups(CopyGroups groups);
  // The value slots this spy reads besides the groups'; set_column gives it the column of one (of
  // the database whose documents it is shown).
  std::vector<Xapian::valueno> slots() const;
  void set_column(Xapian::valueno slot, const FacetColumn* column);

 private:
  enum class Bucket { kOne, kDate, kPeriod };  // a group's one document; one per date; per period
  UnitSpy(Xapian::MatchSpy* inner, Bucket bucket, Period period,
          std::optional<Xapian::valueno> list_slot);

  // The values of one slot, numbered: by their index in the slot's column where it covers the
  // docid, else (documents beyond the column) by that index too if the column holds the value,
  // else after the column's, in the order this spy first meets them.
  class Values {
   public:
    explicit Values(Xapian::valueno slot) : slot_(slot) {}
    Xapian::valueno slot() const { return slot_; }
    void set_column(const FacetColumn* column);
    std::uint32_t id(const Xapian::Document& doc);
    const std::string& value(std::uint32_t id) const {
      return id < first_own_ ? column_->values()[id] : own_[id - first_own_];
    }

   private:
    std::uint32_t id(const std::string& value);
    Xapian::valueno slot_;
    const FacetColumn* column_ = nullptr;
    std::uint32_t first_own_ = 0;  // the column's size
    // Each value by its id: the column's (built when a document beyond it is met), and the rest.
    std::unordered_map<std::string, std::uint32_t> ids_;
    bool column_indexed_ = false;
    std::vector<std::string> own_;
  };
  // A group's members in one bucket: the date of the first, the distinct lists of all.
  struct Made {
    std::uint32_t date = 0, precision = 0;
    std::vector<std::uint32_t> lists;
  };
  std::uint32_t bucket_of(std::uint32_t date, std::uint32_t precision);
  std::string joined_lists(const std::vector<std::uint32_t>& lists) const;

  Xapian::MatchSpy* inner_;
  Bucket bucket_;
  Period period_;
  CopyGroups where_;
  Values groups_{0}, dates_{kDateSlot}, precisions_{kPrecisionSlot};
  std::optional<Values> lists_;
  std::vector<signed char> shared_;  // by group id: -1 not yet known, 0 alone, 1 shared
  std::unordered_map<std::uint64_t, std::uint32_t> buckets_;   // (date, precision) -> bucket
  std::unordered_map<std::string, std::uint32_t> bucket_ids_;  // by name (sort key)
  std::vector<std::string> bucket_names_;                      // by bucket: its name
  std::unordered_map<std::uint64_t, Made> made_;               // (group, bucket) -> members
};

}  // namespace morgue
