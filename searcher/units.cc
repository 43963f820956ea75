// Copy groups and stories counted once: the unit counter and the spy that shows a group as one
// article.
#include "searcher/units.h"

#include <algorithm>
#include <utility>

#include "common/schema.h"

namespace morgue {

std::optional<Unit> unit_from_string(const std::string& name) {
  if (name == "articles") return Unit::kArticles;
  if (name == "copies") return Unit::kCopies;
  if (name == "stories") return Unit::kStories;
  return std::nullopt;
}

const char* to_string(Unit unit) {
  switch (unit) {
    case Unit::kCopies:
      return "copies";
    case Unit::kStories:
      return "stories";
    case Unit::kArticles:
      break;
  }
  return "articles";
}

Xapian::valueno unit_slot(Unit unit) { return unit == Unit::kStories ? kStorySlot : kCopySlot; }

Unit unit_of_field(std::string_view name) {
  if (name == kCopyColumn) return Unit::kCopies;
  if (name == kStoryColumn) return Unit::kStories;
  return Unit::kArticles;
}

const char* groups_missing(const Xapian::Database& db, Unit unit) {
  if (unit == Unit::kArticles) return nullptr;
  const bool stories = unit == Unit::kStories;
  if (db.get_metadata(stories ? kStoriesKey : kCopiesKey) == "1") return nullptr;
  return stories ? "stories" : "copy detection";
}

std::unordered_set<std::string> shared_groups(const Xapian::Database& db, Xapian::valueno slot) {
  std::unordered_set<std::string> seen, shared;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    if (!seen.insert(*v).second) shared.insert(*v);
  }
  return shared;
}

std::string copy_group(const Xapian::Document& doc, const CopyGroups& groups) {
  std::string group;
  if (groups.column && groups.column->covers(doc.get_docid())) {
    const std::uint32_t id = groups.column->at(doc.get_docid());
    if (id != FacetColumn::kNone) group = groups.column->values()[id];
  } else {
    group = doc.get_value(groups.slot);
  }
  if (groups.shared && !groups.shared->count(group)) group.clear();
  return group;
}

UnitCounter::UnitCounter(CopyGroups groups) : groups_of_(groups) {
  if (!groups.column || !groups.shared) return;
  for (const std::string& g : groups.column->values())
    shared_index_.push_back(groups.shared->count(g));
}

void UnitCounter::operator()(const Xapian::Document& doc, double) {
  const FacetColumn* column = groups_of_.column;
  if (column && column->covers(doc.get_docid())) {
    const std::uint32_t id = column->at(doc.get_docid());
    if (id == FacetColumn::kNone || (groups_of_.shared && !shared_index_[id])) {
      ++singles_;
    } else {
      ++by_column_[id];
    }
    return;
  }
  const std::string group = copy_group(doc, groups_of_);
  if (group.empty()) {
    ++singles_;
  } else {
    ++groups_[group];
  }
}

void UnitCounter::fold() const {
  for (const auto& [id, n] : by_column_) groups_[groups_of_.column->values()[id]] += n;
  by_column_.clear();
}

Xapian::doccount UnitCounter::units() const {
  fold();
  return singles_ + static_cast<Xapian::doccount>(groups_.size());
}

Xapian::doccount UnitCounter::members(const std::string& id) const {
  fold();
  auto it = groups_.find(id);
  return it == groups_.end() ? 0 : it->second;
}

UnitSpy::UnitSpy(Xapian::MatchSpy* inner,
                 std::function<std::string(const Xapian::Document&)> bucket,
                 std::vector<Xapian::valueno> lists, std::vector<Xapian::valueno> copied)
    : inner_(inner),
      bucket_(std::move(bucket)),
      lists_(std::move(lists)),
      copied_(std::move(copied)) {}

std::unique_ptr<UnitSpy> UnitSpy::for_facet(FacetSpy* spy, Xapian::valueno field_slot,
                                            bool is_date) {
  if (is_date) {
    return std::make_unique<UnitSpy>(
        spy,
        [](const Xapian::Document& d) {
          return d.get_value(kDateSlot) + '\t' + d.get_value(kPrecisionSlot);
        },
        std::vector<Xapian::valueno>{}, std::vector<Xapian::valueno>{kDateSlot, kPrecisionSlot});
  }
  return std::make_unique<UnitSpy>(
      spy, [](const Xapian::Document&) { return std::string(); },
      std::vector<Xapian::valueno>{field_slot}, std::vector<Xapian::valueno>{});
}

std::unique_ptr<UnitSpy> UnitSpy::for_histogram(HistogramSpy* spy, Period period,
                                                std::optional<Xapian::valueno> group_slot) {
  std::vector<Xapian::valueno> lists;
  if (group_slot) lists.push_back(*group_slot);
  return std::make_unique<UnitSpy>(
      spy, [period](const Xapian::Document& d) { return period_of(d, period).value_or("undated"); },
      lists, std::vector<Xapian::valueno>{kDateSlot, kPrecisionSlot});
}

void UnitSpy::operator()(const Xapian::Document& doc, double weight) {
  const std::string group = copy_group(doc, where_);
  if (group.empty()) return (*inner_)(doc, weight);
  auto [it, first] = groups_[group].try_emplace(bucket_(doc));
  Made& made = it->second;
  if (first) {
    for (const Xapian::valueno slot : copied_) made.copied[slot] = doc.get_value(slot);
  }
  for (const Xapian::valueno slot : lists_) {
    const std::string value = doc.get_value(slot);
    std::vector<std::string>& values = made.lists[slot];
    for (std::size_t start = 0; start <= value.size() && !value.empty();) {
      std::size_t end = value.find(kListSeparator, start);
      if (end == std::string::npos) end = value.size();
      std::string entry = value.substr(start, end - start);
      if (std::find(values.begin(), values.end(), entry) == values.end())
        values.push_back(std::move(entry));
      start = end + 1;
    }
  }
}

void UnitSpy::finish() {
  for (const auto& [group, buckets] : groups_) {
    for (const auto& [bucket, made] : buckets) {
      Xapian::Document doc;
      for (const auto& [slot, value] : made.copied) doc.add_value(slot, value);
      for (const auto& [slot, values] : made.lists) {
        std::string joined;
        for (const std::string& v : values) {
          if (!joined.empty()) joined += kListSeparator;
          joined += v;
        }
        doc.add_value(slot, joined);
      }
      (*inner_)(doc, 0);
    }
  }
  groups_.clear();
}

}  // namespace morgue
