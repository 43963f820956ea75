// The facet and histogram spies.
#include "searcher/facets.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

#include "common/schema.h"
#include "common/text.h"

namespace morgue {
namespace {

// Results travel between shards as lines of tab-separated fields; values never hold tabs or
// newlines (names are whitespace-collapsed), so no escaping is needed.
std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

Xapian::doccount to_count(const std::string& s) {
  return static_cast<Xapian::doccount>(std::stoul(s));
}

// The days since the epoch of a date slot value, if its precision is at least `needed`.
std::optional<long> dated_days(const std::string& key, const std::string& precision_value,
                               Period period) {
  if (key.size() != 8) return std::nullopt;
  auto precision = precision_from_string(precision_value).value_or(Precision::kDay);
  bool precise =
      precision == Precision::kDay ||
      (precision == Precision::kMonth && (period == Period::kMonth || period == Period::kYear)) ||
      (precision == Precision::kYear && period == Period::kYear);
  if (!precise) return std::nullopt;
  auto d = from_sort_key(key, Precision::kDay);
  if (!d) return std::nullopt;
  return days_from_civil(d->year, d->month, d->day);
}

}  // namespace

void ValueNames::add(const std::string& display, const std::string& key, Xapian::doccount n) {
  forms_[key][display] += n;
}

std::string ValueNames::display(const std::string& key) const {
  auto it = forms_.find(key);
  if (it == forms_.end()) return key;
  const std::string* best = nullptr;
  Xapian::doccount best_count = 0;
  for (const auto& [form, n] : it->second) {
    if (n > best_count) best = &form, best_count = n;  // map order breaks ties
  }
  return best ? *best : key;
}

void ValueNames::merge(const ValueNames& other) {
  for (const auto& [key, forms] : other.forms_) {
    for (const auto& [form, n] : forms) forms_[key][form] += n;
  }
}

std::string ValueNames::serialise() const {
  std::string out;
  for (const auto& [key, forms] : forms_) {
    for (const auto& [form, n] : forms) out += key + '\t' + form + '\t' + std::to_string(n) + '\n';
  }
  return out;
}

void ValueNames::unserialise(const std::string& data) {
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line)) {
    auto f = split(line, '\t');
    if (f.size() == 3) forms_[f[0]][f[1]] += to_count(f[2]);
  }
}

FacetColumn::FacetColumn(const Xapian::Database& db, Xapian::valueno slot)
    : ids_(db.get_lastdocid() + 1, kNone) {
  // The distinct values are found by a table of their indexes, open-addressed, rather than a map
  // of strings: that held each value twice, and the column's cost was its fresh memory
  // (docs/performance.md).
  const std::hash<std::string_view> hash;
  std::vector<std::uint32_t> table(1024, kNone);  // a power of two, at most half full
  auto slot_of = [&](std::string_view value) {
    std::size_t i = hash(value) & (table.size() - 1);
    while (table[i] != kNone && values_[table[i]] != value) i = (i + 1) & (table.size() - 1);
    return i;
  };
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    std::string value = *v;
    const std::size_t i = slot_of(value);
    std::uint32_t id = table[i];
    if (id == kNone) {
      id = table[i] = static_cast<std::uint32_t>(values_.size());
      values_.push_back(std::move(value));
      if (values_.size() * 2 > table.size()) {
        table.assign(table.size() * 2, kNone);
        for (std::uint32_t j = 0; j < values_.size(); ++j) table[slot_of(values_[j])] = j;
      }
    }
    ids_[v.get_docid()] = id;
  }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (column_) {
    const Xapian::docid did = doc.get_docid();
    if (column_->covers(did)) {
      if (const std::uint32_t id = column_->at(did); id != FacetColumn::kNone) ++by_column_[id];
      return;
    }
  }
  add(doc.get_value(slot_), is_date_ ? doc.get_value(kPrecisionSlot) : std::string(), 1);
}

void FacetSpy::add(const std::string& value, const std::string& precision, Xapian::doccount n) {
  if (value.empty() || n == 0) return;
  raw_[is_date_ ? value + '\t' + precision : value] += n;
}

void FacetSpy::set_column(const FacetColumn* column) {
  fold_column();
  column_ = column;
  by_column_.assign(column->values().size(), 0);
}

void FacetSpy::fold_column() const {
  for (std::size_t id = 0; id < by_column_.size(); ++id) {
    if (by_column_[id]) raw_[column_->values()[id]] += by_column_[id];
  }
  by_column_.assign(by_column_.size(), 0);
}

void FacetSpy::resolve() const {
  fold_column();
  for (const auto& [encoded, n] : raw_) {
    if (is_date_) {
      const std::size_t tab = encoded.find('\t');
      auto precision = precision_from_string(encoded.substr(tab + 1)).value_or(Precision::kDay);
      if (auto d = from_sort_key(encoded.substr(0, tab), precision)) counts_[to_string(*d)] += n;
      continue;
    }
    std::set<std::string> seen;  // once per article, whatever the spelling
    for (const NameEntry& e : decode_names(encoded)) {
      names_.add(e.name, e.key, n);
      if (seen.insert(e.key).second) counts_[e.key] += n;
    }
  }
  raw_.clear();
}

std::string FacetSpy::serialise() const { return std::to_string(slot_) + (is_date_ ? "d" : ""); }

Xapian::MatchSpy* FacetSpy::unserialise(const std::string& data, const Xapian::Registry&) const {
  bool date = !data.empty() && data.back() == 'd';
  return new FacetSpy(static_cast<Xapian::valueno>(std::stoul(data)), date);
}

std::string FacetSpy::serialise_results() const {
  resolve();
  std::string out;
  for (const auto& [key, n] : counts_) out += key + '\t' + std::to_string(n) + '\n';
  return out + '\x1e' + names_.serialise();
}

void FacetSpy::merge_results(const std::string& data) {
  auto sep = data.find('\x1e');
  std::istringstream in(data.substr(0, sep));
  std::string line;
  while (std::getline(in, line)) {
    auto f = split(line, '\t');
    if (f.size() == 2) counts_[f[0]] += to_count(f[1]);
  }
  if (sep != std::string::npos) {
    ValueNames other;
    other.unserialise(data.substr(sep + 1));
    names_.merge(other);
  }
}

std::vector<FacetCount> FacetSpy::top(std::size_t limit) const {
  resolve();
  std::vector<FacetCount> out;
  out.reserve(counts_.size());
  for (const auto& [key, n] : counts_)
    out.push_back({key, is_date_ ? key : names_.display(key), n});
  std::stable_sort(out.begin(), out.end(), [&](const FacetCount& a, const FacetCount& b) {
    if (is_date_ && limit == 0) return a.value < b.value;  // every date: in calendar order
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (limit && out.size() > limit) out.resize(limit);
  return out;
}

std::optional<Period> period_from_string(const std::string& name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  if (name == "year") return Period::kYear;
  return std::nullopt;
}

const char* to_string(Period period) {
  switch (period) {
    case Period::kDay:
      return "day";
    case Period::kWeek:
      return "week";
    case Period::kMonth:
      return "month";
    case Period::kYear:
      break;
  }
  return "year";
}

std::string period_key(long days, Period period) {
  if (period == Period::kWeek) days -= iso_weekday(days) - 1;  // back to Monday
  Date d = civil_from_days(days);
  if (period == Period::kMonth || period == Period::kYear) d.day = 1;
  if (period == Period::kYear) d.month = 1;
  return sort_key(d);
}

namespace {

// The day of a period key. Keys are read without the range check of from_sort_key: a week that
// holds 1600-01-01 begins in 1599, and the period after the last of kMaxYear lies in 2201.
std::optional<long> key_days(const std::string& key) {
  if (key.size() != 8 ||
      !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const int year = std::stoi(key.substr(0, 4)), month = std::stoi(key.substr(4, 2)),
            day = std::stoi(key.substr(6, 2));
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return days_from_civil(year, month, day);
}

}  // namespace

std::string period_label(const std::string& key, Period period) {
  auto days = key_days(key);
  if (!days) return key;
  Date d = civil_from_days(*days);
  switch (period) {
    case Period::kDay:
      return to_string(d);
    case Period::kWeek:
      return iso_week_label(*days);
    case Period::kMonth:
      return to_string(Date{d.year, d.month, 0, Precision::kMonth});
    case Period::kYear:
      break;
  }
  return to_string(Date{d.year, 0, 0, Precision::kYear});
}

std::string next_period_key(const std::string& key, Period period) {
  // Not a key (from a remote shard, say): a key after every key, which ends any walk.
  auto days = key_days(key);
  if (!days) return "~";
  // From the first day of the period: a month is at most 31 days, a year at most 366.
  switch (period) {
    case Period::kDay:
      return period_key(*days + 1, period);
    case Period::kWeek:
      return period_key(*days + 7, period);
    case Period::kMonth:
      return period_key(*days + 31, period);
    case Period::kYear:
      break;
  }
  return period_key(*days + 366, period);
}

std::optional<std::string> period_of(const std::string& date, const std::string& precision,
                                     Period period) {
  const std::optional<long> days = dated_days(date, precision, period);
  if (!days) return std::nullopt;
  return period_key(*days, period);
}

void HistogramSpy::operator()(const Xapian::Document& doc, double) {
  add(doc.get_value(kDateSlot), doc.get_value(kPrecisionSlot),
      group_slot_ ? doc.get_value(*group_slot_) : std::string(), 1);
}

void HistogramSpy::add(const std::string& date, const std::string& precision,
                       const std::string& group, Xapian::doccount n) {
  if (n == 0) return;
  auto days = dated_days(date, precision, period_);
  if (!days) undated_ += n;
  auto& groups = days ? counts_[period_key(*days, period_)] : undated_groups_;
  if (!group_slot_) {
    groups[""] += n;
    return;
  }
  std::set<std::string> seen;
  for (const NameEntry& e : decode_names(group)) {
    names_.add(e.name, e.key, n);
    if (seen.insert(e.key).second) groups[e.key] += n;
  }
}

void HistogramSpy::add_dates(const std::string& date, const std::string& precision,
                             Xapian::doccount n) {
  if (n == 0) return;
  if (auto days = dated_days(date, precision, period_))
    counts_[period_key(*days, period_)];  // a period with matches, if none in a group
  else
    undated_ += n;
}

void HistogramSpy::add_group(const std::string& date, const std::string& precision,
                             const std::string& key, Xapian::doccount n) {
  if (n == 0) return;
  auto days = dated_days(date, precision, period_);
  (days ? counts_[period_key(*days, period_)] : undated_groups_)[key] += n;
}

void HistogramSpy::add_names(const std::string& group, Xapian::doccount n) {
  for (const NameEntry& e : decode_names(group)) names_.add(e.name, e.key, n);
}

std::string HistogramSpy::serialise() const {
  return std::string(to_string(period_)) + (group_slot_ ? " " + std::to_string(*group_slot_) : "");
}

Xapian::MatchSpy* HistogramSpy::unserialise(const std::string& data,
                                            const Xapian::Registry&) const {
  auto f = split(data, ' ');
  std::optional<Xapian::valueno> slot;
  if (f.size() > 1) slot = static_cast<Xapian::valueno>(std::stoul(f[1]));
  return new HistogramSpy(period_from_string(f[0]).value_or(Period::kMonth), slot);
}

std::string HistogramSpy::serialise_results() const {
  std::string out = std::to_string(undated_) + '\n';
  for (const auto& [period, groups] : counts_) {
    for (const auto& [group, n] : groups)
      out += period + '\t' + group + '\t' + std::to_string(n) + '\n';
  }
  for (const auto& [group, n] : undated_groups_)
    out += std::string(kUndated) + '\t' + group + '\t' + std::to_string(n) + '\n';
  return out + '\x1e' + names_.serialise();
}

void HistogramSpy::merge_results(const std::string& data) {
  auto sep = data.find('\x1e');
  std::istringstream in(data.substr(0, sep));
  std::string line;
  if (std::getline(in, line) && !line.empty()) undated_ += to_count(line);
  while (std::getline(in, line)) {
    auto f = split(line, '\t');
    if (f.size() == 3) (f[0] == kUndated ? undated_groups_ : counts_[f[0]])[f[1]] += to_count(f[2]);
  }
  if (sep != std::string::npos) {
    ValueNames other;
    other.unserialise(data.substr(sep + 1));
    names_.merge(other);
  }
}

namespace {

// Matches by value of a slot, or by pair of values of two.
using ValueCounts = std::map<std::string, Xapian::doccount>;
using PairCounts = std::map<std::pair<std::string, std::string>, Xapian::doccount>;

ValueCounts value_counts(const Xapian::ValueCountMatchSpy& spy) {
  ValueCounts out;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) out[*v] = v.get_termfreq();
  return out;
}

// The matches of `query` whose date has the precision `precision` (as the slot holds it).
Xapian::Query with_precision(const Xapian::Query& query, const std::string& precision) {
  return Xapian::Query(
      Xapian::Query::OP_FILTER, query,
      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kPrecisionSlot, precision, precision));
}

// Each match's (date, group) values: an unweighted pass sorted by date returns every match with
// its date as the sort key, and a collapse key no match can exceed the limit of brings its group
// along; no document is read.
PairCounts dated_groups(const Xapian::Database& db, const Xapian::Query& query,
                        Xapian::valueno group_slot) {
  const Xapian::doccount all = db.get_doccount();
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(kDateSlot, false);
  enquire.set_collapse_key(group_slot, std::max<Xapian::doccount>(all, 1));
  const Xapian::MSet mset = enquire.get_mset(0, all, all);
  PairCounts out;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    ++out[{it.get_sort_key(), it.get_collapse_key()}];
  return out;
}

// Splits `all`, counts keyed by a date (first), by the precision of the dates: a date slot holds
// the first day of a month or year of that precision, the same value as that day's. `coarse`
// counts the matches of a query with dates of one precision; the rest are days (or of no known
// precision, which counts as day). Returns (precision, counts) pairs, the days' with "".
template <typename Counts>
std::vector<std::pair<std::string, Counts>> by_precision(
    Counts all, const ValueCounts& precisions,
    const std::function<Counts(const std::string&)>& coarse) {
  std::vector<std::pair<std::string, Counts>> out;
  for (const auto& [precision, n] : precisions) {
    if (precision_from_string(precision).value_or(Precision::kDay) == Precision::kDay) continue;
    Counts counts = coarse(precision);
    for (const auto& [key, m] : counts) {
      if (auto it = all.find(key); it != all.end()) it->second -= std::min(it->second, m);
    }
    out.emplace_back(precision, std::move(counts));
  }
  out.emplace_back("", std::move(all));
  return out;
}

// Counts the matches of `query` with Xapian's own spies, in an unweighted pass over every match.
// Returns the number of matches.
Xapian::doccount count_values(const Xapian::Database& db, const Xapian::Query& query,
                              const std::vector<Xapian::ValueCountMatchSpy*>& spies) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (Xapian::ValueCountMatchSpy* spy : spies) enquire.add_matchspy(spy);
  // check_at_least: every match, so the spies see each one
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// The dates of the matches of `query` (`all`: counted by a spy on the date slot) by precision, as
// by_precision gives them.
std::vector<std::pair<std::string, ValueCounts>> dates_by_precision(const Xapian::Database& db,
                                                                    const Xapian::Query& query,
                                                                    ValueCounts all,
                                                                    const ValueCounts& precisions) {
  return by_precision<ValueCounts>(std::move(all), precisions, [&](const std::string& precision) {
    Xapian::ValueCountMatchSpy spy(kDateSlot);
    count_values(db, with_precision(query, precision), {&spy});
    return value_counts(spy);
  });
}

// The histogram `h` by a field, a pass per key of the field: the matches of `query` that hold the
// key (its whole-name term), their dates counted. `lists` are the field's distinct lists over the
// matches, `days` the matches' dates by precision. Returns false, having added nothing, when
// that would take more passes than the matches are worth, or when a key's term finds other
// matches than those whose lists hold the key (the pairs must then come from the matches).
bool histogram_by_key(const Xapian::Database& db, const Xapian::Query& query, HistogramSpy* h,
                      const ValueCounts& lists,
                      const std::vector<std::pair<std::string, ValueCounts>>& days,
                      const ValueCounts& precisions, Xapian::doccount total,
                      Xapian::doccount matches_per_pass) {
  const Field* field = nullptr;
  for (const Field& f : fields()) {
    if (f.kind == FieldKind::kName && f.slot == h->group_slot()) field = &f;
  }
  if (!field) return false;
  ValueCounts keys;  // key -> matches holding it
  for (const auto& [list, n] : lists) {
    std::set<std::string> seen;
    for (const NameEntry& e : decode_names(list)) {
      if (seen.insert(e.key).second) keys[e.key] += n;
    }
  }
  const std::size_t passes_per_key = days.size();  // one per precision of the dates
  // A pass costs a round trip to every server; a match in dated_groups a few bytes and its share
  // of a sort (10x Reuters over 4 servers on the loopback: about 2 ms a pass, 8 us a match).
  if (matches_per_pass && keys.size() * passes_per_key > total / matches_per_pass) return false;
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, ValueCounts>>>> by_key;
  for (const auto& [key, n] : keys) {
    const Xapian::Query with_key(Xapian::Query::OP_FILTER, query,
                                 Xapian::Query(whole_name_term(*field, key)));
    Xapian::ValueCountMatchSpy dates(kDateSlot);
    if (count_values(db, with_key, {&dates}) != n) return false;
    by_key.emplace_back(key, dates_by_precision(db, with_key, value_counts(dates), precisions));
  }
  Xapian::doccount dated = 0;
  for (const auto& [precision, counts] : days) {
    for (const auto& [date, n] : counts) {
      h->add_dates(date, precision, n);
      dated += n;
    }
  }
  h->add_dates("", "", total - std::min(total, dated));
  for (const auto& [list, n] : lists) h->add_names(list, n);
  for (const auto& [key, split] : by_key) {
    Xapian::doccount with_date = 0;
    for (const auto& [precision, counts] : split) {
      for (const auto& [date, n] : counts) {
        h->add_group(date, precision, key, n);
        with_date += n;
      }
    }
    h->add_group("", "", key, keys[key] - std::min(keys[key], with_date));
  }
  return true;
}

}  // namespace

std::optional<Xapian::doccount> count_on_servers(const Xapian::Database& db,
                                                 const Xapian::Query& query,
                                                 const std::vector<Xapian::MatchSpy*>& spies,
                                                 Xapian::doccount matches_per_pass) {
  std::vector<FacetSpy*> facets;
  std::vector<HistogramSpy*> histograms;
  for (Xapian::MatchSpy* spy : spies) {
    if (auto* f = dynamic_cast<FacetSpy*>(spy)) {
      facets.push_back(f);
    } else if (auto* h = dynamic_cast<HistogramSpy*>(spy)) {
      histograms.push_back(h);
    } else {
      return std::nullopt;
    }
  }
  // One pass counts every slot that a spy needs alone; a spy that needs dates also needs their
  // precisions.
  std::map<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>> counters;
  auto counter = [&](Xapian::valueno slot) {
    auto& c = counters[slot];
    if (!c) c = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
  };
  bool dates = false;
  for (const FacetSpy* f : facets) {
    if (f->is_date())
      dates = true;
    else
      counter(f->slot());
  }
  for (const HistogramSpy* h : histograms) {
    dates = true;
    if (h->group_slot()) counter(*h->group_slot());
  }
  if (dates) {
    counter(kDateSlot);
    counter(kPrecisionSlot);
  }
  std::vector<Xapian::ValueCountMatchSpy*> all;
  for (auto& [slot, c] : counters) all.push_back(c.get());
  const Xapian::doccount total = count_values(db, query, all);

  for (FacetSpy* f : facets) {
    if (f->is_date()) continue;
    for (const auto& [value, n] : value_counts(*counters[f->slot()])) f->add(value, "", n);
  }
  const ValueCounts precisions =
      counters.count(kPrecisionSlot) ? value_counts(*counters[kPrecisionSlot]) : ValueCounts();
  std::vector<std::pair<std::string, ValueCounts>> days;
  if (dates) {
    days = dates_by_precision(db, query, value_counts(*counters[kDateSlot]), precisions);
    Xapian::doccount dated = 0;
    for (const auto& [precision, counts] : days) {
      for (const auto& [date, n] : counts) {
        dated += n;
        for (FacetSpy* f : facets) {
          if (f->is_date()) f->add(date, precision, n);
        }
        for (HistogramSpy* h : histograms) {
          if (!h->group_slot()) h->add(date, precision, "", n);
        }
      }
    }
    for (HistogramSpy* h : histograms) {
      if (!h->group_slot()) h->add("", "", "", total - std::min(total, dated));
    }
  }
  for (HistogramSpy* h : histograms) {
    if (!h->group_slot()) continue;
    const Xapian::valueno group = *h->group_slot();
    if (histogram_by_key(db, query, h, value_counts(*counters[group]), days, precisions, total,
                         matches_per_pass))
      continue;
    auto pairs = by_precision<PairCounts>(
        dated_groups(db, query, group), precisions, [&](const std::string& precision) {
          return dated_groups(db, with_precision(query, precision), group);
        });
    for (const auto& [precision, counts] : pairs) {
      for (const auto& [key, n] : counts) h->add(key.first, precision, key.second, n);
    }
  }
  return total;
}

}  // namespace morgue
