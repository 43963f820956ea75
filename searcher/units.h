// Counting units other than articles (--unit copies, --unit stories): a copy group
// (indexer/copies.h) or a story (indexer/stories.h) counts once, as an article alone in its group
// does. Counts, facets and histograms stay those of the article
// spies (facets.h): a spy is shown, for each group, documents made of the group's matching
// members, one per value the spy counts apart (a facet's whole list of values, a date facet's
// date, a histogram's period), holding the union of the members' values there. So a group counts
// once per value, per date and per period, however many of its members have it.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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
  explicit UnitCounter(CopyGroups groups = {});
  void operator()(const Xapian::Document& doc, double weight) override;
  // Matching articles without a group, plus the groups with a matching member.
  Xapian::doccount units() const;
  // The matching members of group `id` (0 for one without any).
  Xapian::doccount members(const std::string& id) const;

 private:
  void fold() const;  // the counts by column index into those by group

  CopyGroups groups_of_;
  // By column index: a group of more than one article (with groups.shared only).
  std::vector<bool> shared_index_;
  // The matches by column index: a map, as a query matches few of the archive's groups (a vector
  // of every group, zeroed for each query, cost more than the count).
  mutable std::unordered_map<std::uint32_t, Xapian::doccount> by_column_;
  Xapian::doccount singles_ = 0;
  mutable std::unordered_map<std::string, Xapian::doccount> groups_;
};

// Shows `inner` each matching article without a group as it is, and each group's members as
// the documents described above (once finish() is called).
class UnitSpy : public Xapian::MatchSpy {
 public:
  // `bucket`: the value a member is counted apart by ("" for one document a group); `lists`:
  // slots of kListSeparator-joined values, joined over the bucket's members; `copied`: slots
  // taken from the bucket's first member.
  UnitSpy(Xapian::MatchSpy* inner, std::function<std::string(const Xapian::Document&)> bucket,
          std::vector<Xapian::valueno> lists, std::vector<Xapian::valueno> copied);
  // A spy for the facet counts of `spy` on `field_slot` (`is_date`: the date facet).
  static std::unique_ptr<UnitSpy> for_facet(FacetSpy* spy, Xapian::valueno field_slot,
                                            bool is_date);
  // A spy for the histogram `spy` of `period` (grouped by `group_slot`).
  static std::unique_ptr<UnitSpy> for_histogram(HistogramSpy* spy, Period period,
                                                std::optional<Xapian::valueno> group_slot);

  void operator()(const Xapian::Document& doc, double weight) override;
  // Shows `inner` the groups' documents; once.
  void finish();
  // Finds the matches' groups there (see copy_group).
  void set_groups(CopyGroups groups) { where_ = groups; }

 private:
  struct Made {
    std::map<Xapian::valueno, std::string> copied;
    std::map<Xapian::valueno, std::vector<std::string>> lists;
  };
  Xapian::MatchSpy* inner_;
  CopyGroups where_;
  std::function<std::string(const Xapian::Document&)> bucket_;
  std::vector<Xapian::valueno> lists_, copied_;
  std::map<std::string, std::map<std::string, Made>> groups_;  // group -> bucket -> document
};

}  // namespace morgue
