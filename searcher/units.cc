// Copy groups and stories counted once: the unit counter and the spy that shows a group as one
// article.
#include "searcher/units.h"

#include <algorithm>
#include <string_view>
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

std::string built_without(const char* missing) {
  return std::string("built without ") + missing +
         " (with morgue-index --no-copies, or by an earlier morgue): index the archive into a new "
         "database without --no-copies";
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

UnitCounter::UnitCounter(CopyGroups groups, std::vector<Xapian::doccount>* scratch)
    : groups_of_(groups), by_column_(scratch ? scratch : &own_) {
  if (!groups.column) return;
  const std::size_t size = groups.column->values().size();
  if (by_column_->size() != size) by_column_->assign(size, 0);  // (all zero already otherwise)
  if (!groups.shared) return;
  for (const std::string& g : groups.column->values())
    shared_index_.push_back(groups.shared->count(g));
}

UnitCounter::~UnitCounter() {
  for (const std::uint32_t index : met_) (*by_column_)[index] = 0;
}

void UnitCounter::count(std::uint32_t index) {
  if (index == FacetColumn::kNone || (groups_of_.shared && !shared_index_[index])) {
    ++singles_;
  } else if ((*by_column_)[index]++ == 0) {
    met_.push_back(index);
  }
}

Xapian::doccount UnitCounter::count_postings(const Xapian::Database& db, const std::string& term) {
  const FacetColumn* column = groups_of_.column;
  Xapian::doccount n = 0;
  const auto end = db.postlist_end(term);
  for (auto p = db.postlist_begin(term); p != end; ++p, ++n) {
    const Xapian::docid did = *p;
    if (column && column->covers(did)) {
      count(column->at(did));
    } else {
      (*this)(db.get_document(did, Xapian::DOC_ASSUME_VALID), 0);
    }
  }
  return n;
}

void UnitCounter::operator()(const Xapian::Document& doc, double) {
  const FacetColumn* column = groups_of_.column;
  if (column && column->covers(doc.get_docid())) return count(column->at(doc.get_docid()));
  const std::string group = copy_group(doc, groups_of_);
  if (group.empty()) {
    ++singles_;
  } else {
    ++groups_[group];
  }
}

void UnitCounter::fold() const {
  for (const std::uint32_t id : met_) {
    groups_[groups_of_.column->values()[id]] += (*by_column_)[id];
    (*by_column_)[id] = 0;
  }
  met_.clear();
}

Xapian::doccount UnitCounter::units() const {
  // Groups met only in the column are its distinct indexes; a group met also beyond it (by name)
  // may be among them, so the two are merged by name.
  if (groups_.empty()) return singles_ + static_cast<Xapian::doccount>(met_.size());
  fold();
  return singles_ + static_cast<Xapian::doccount>(groups_.size());
}

Xapian::doccount UnitCounter::members(const std::string& id) const {
  fold();
  auto it = groups_.find(id);
  return it == groups_.end() ? 0 : it->second;
}

UnitSpy::UnitSpy(Xapian::MatchSpy* inner, Bucket bucket, Period period,
                 std::optional<Xapian::valueno> list_slot)
    : inner_(inner), bucket_(bucket), period_(period) {
  if (list_slot) lists_.emplace(*list_slot);
}

std::unique_ptr<UnitSpy> UnitSpy::for_facet(FacetSpy* spy, Xapian::valueno field_slot,
                                            bool is_date) {
  if (is_date)
    return std::unique_ptr<UnitSpy>(new UnitSpy(spy, Bucket::kDate, Period::kDay, std::nullopt));
  return std::unique_ptr<UnitSpy>(new UnitSpy(spy, Bucket::kOne, Period::kDay, field_slot));
}

std::unique_ptr<UnitSpy> UnitSpy::for_histogram(HistogramSpy* spy, Period period,
                                                std::optional<Xapian::valueno> group_slot) {
  return std::unique_ptr<UnitSpy>(new UnitSpy(spy, Bucket::kPeriod, period, group_slot));
}

void UnitSpy::set_groups(CopyGroups groups) {
  where_ = groups;
  groups_ = Values(groups.slot);
  groups_.set_column(groups.column);
  shared_.clear();
}

std::vector<Xapian::valueno> UnitSpy::slots() const {
  std::vector<Xapian::valueno> slots;
  if (bucket_ != Bucket::kOne) slots = {kDateSlot, kPrecisionSlot};
  if (lists_) slots.push_back(lists_->slot());
  return slots;
}

void UnitSpy::set_column(Xapian::valueno slot, const FacetColumn* column) {
  for (Values* values : {&dates_, &precisions_, lists_ ? &*lists_ : nullptr}) {
    if (values && values->slot() == slot) values->set_column(column);
  }
}

void UnitSpy::Values::set_column(const FacetColumn* column) {
  column_ = column;
  first_own_ = column ? static_cast<std::uint32_t>(column->values().size()) : 0;
  ids_.clear();
  column_indexed_ = false;
  own_.clear();
}

std::uint32_t UnitSpy::Values::id(const Xapian::Document& doc) {
  const Xapian::docid did = doc.get_docid();
  if (column_ && column_->covers(did)) {
    const std::uint32_t index = column_->at(did);
    if (index != FacetColumn::kNone) return index;
  }
  return id(doc.get_value(slot_));
}

std::uint32_t UnitSpy::Values::id(const std::string& value) {
  // (A column holds no empty value: a slot's value stream has none.)
  if (column_ && !column_indexed_ && !value.empty()) {
    for (std::uint32_t i = 0; i < first_own_; ++i) ids_.emplace(column_->values()[i], i);
    column_indexed_ = true;
  }
  auto [it, fresh] = ids_.emplace(value, first_own_ + static_cast<std::uint32_t>(own_.size()));
  if (fresh) own_.push_back(value);
  return it->second;
}

std::uint32_t UnitSpy::bucket_of(std::uint32_t date, std::uint32_t precision) {
  const std::uint64_t key = (std::uint64_t{date} << 32) | precision;
  auto [it, fresh] = buckets_.emplace(key, 0);
  if (!fresh) return it->second;
  const std::string& d = dates_.value(date);
  const std::string& p = precisions_.value(precision);
  std::string name;
  if (bucket_ == Bucket::kDate) {
    name = d + '\t' + p;
  } else {
    name = period_of(d, p, period_).value_or("undated");
  }
  // A bucket is numbered by its name: dates of one period share it.
  auto [named, unnamed] =
      bucket_ids_.emplace(name, static_cast<std::uint32_t>(bucket_names_.size()));
  if (unnamed) bucket_names_.push_back(std::move(name));
  return it->second = named->second;
}

void UnitSpy::operator()(const Xapian::Document& doc, double weight) {
  const std::uint32_t group = groups_.id(doc);
  if (group >= shared_.size()) shared_.resize(group + 1, -1);
  if (shared_[group] < 0) {
    const std::string& id = groups_.value(group);
    shared_[group] = !id.empty() && (!where_.shared || where_.shared->count(id));
  }
  if (!shared_[group]) return (*inner_)(doc, weight);
  std::uint32_t date = 0, precision = 0, bucket = 0;
  if (bucket_ != Bucket::kOne) {
    date = dates_.id(doc);
    precision = precisions_.id(doc);
    bucket = bucket_of(date, precision);
  }
  auto [it, first] = made_.try_emplace((std::uint64_t{group} << 32) | bucket);
  Made& made = it->second;
  if (first) {
    made.date = date;
    made.precision = precision;
  }
  if (lists_) {
    const std::uint32_t list = lists_->id(doc);
    if (std::find(made.lists.begin(), made.lists.end(), list) == made.lists.end())
      made.lists.push_back(list);
  }
}

void UnitSpy::finish() {
  std::vector<const std::pair<const std::uint64_t, Made>*> order;
  order.reserve(made_.size());
  for (const auto& entry : made_) order.push_back(&entry);
  auto group_of = [&](const auto* e) -> const std::string& {
    return groups_.value(e->first >> 32);
  };
  auto bucket_of = [&](const auto* e) -> const std::string& {
    static const std::string kNone;
    return bucket_ == Bucket::kOne ? kNone : bucket_names_[e->first & 0xffffffffu];
  };
  std::sort(order.begin(), order.end(), [&](const auto* a, const auto* b) {
    const int by_group = group_of(a).compare(group_of(b));
    return by_group != 0 ? by_group < 0 : bucket_of(a) < bucket_of(b);
  });
  for (const auto* entry : order) {
    const Made& made = entry->second;
    Xapian::Document doc;
    if (bucket_ != Bucket::kOne) {
      doc.add_value(kDateSlot, dates_.value(made.date));
      doc.add_value(kPrecisionSlot, precisions_.value(made.precision));
    }
    if (lists_) doc.add_value(lists_->slot(), joined_lists(made.lists));
    (*inner_)(doc, 0);
  }
  made_.clear();
}

// The union of the members' lists (lists_ ids), each value once, in the order first met.
std::string UnitSpy::joined_lists(const std::vector<std::uint32_t>& lists) const {
  if (lists.size() == 1) return lists_->value(lists.front());
  std::vector<std::string_view> values;
  for (const std::uint32_t list : lists) {
    const std::string& value = lists_->value(list);
    for (std::size_t start = 0; start <= value.size() && !value.empty();) {
      std::size_t end = value.find(kListSeparator, start);
      if (end == std::string::npos) end = value.size();
      const std::string_view entry(value.data() + start, end - start);
      if (std::find(values.begin(), values.end(), entry) == values.end()) values.push_back(entry);
      start = end + 1;
    }
  }
  std::string joined;
  for (const std::string_view v : values) {
    if (!joined.empty()) joined += kListSeparator;
    joined += v;
  }
  return joined;
}

}  // namespace morgue
