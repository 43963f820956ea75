// Exact facet counts and date histograms over every matching article, as Xapian match spies.
// Multi-valued fields (people, places, ...) count once per article for each distinct value;
// spellings that differ only in case or diacritics are one value, shown in their most frequent
// form. The spies serialise themselves and their results so that they also work over several
// shards; a stock Xapian server (xapian-tcpsrv) knows none of them, so over remote shards
// count_on_servers counts what they need there with Xapian's own ValueCountMatchSpy.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/date.h"

namespace morgue {

// Key (schema.h's name_key, or a place's canonical key) -> how often each display form was seen;
// a value is shown in its most frequent form ("usa" on Reuters, "United States" on BBC).
class ValueNames {
 public:
  // Records `display` as a form of `key`, seen `n` times.
  void add(const std::string& display, const std::string& key, Xapian::doccount n = 1);
  std::string display(const std::string& key) const;
  void merge(const ValueNames& other);
  std::string serialise() const;
  void unserialise(const std::string& data);

 private:
  std::map<std::string, std::map<std::string, Xapian::doccount>> forms_;
};

struct FacetCount {
  std::string key;    // the value's key (schema.h's name_key, or a place's canonical key)
  std::string value;  // its most frequent form
  Xapian::doccount count;
};

// The raw values of one slot for every article of one local database, read in one walk through
// the slot's value stream. A process that counts the slot for many queries (--batch) then finds
// a match's value by its docid in an array, where otherwise each query walks the value stream
// again. Memory: 4 bytes per docid, plus each distinct raw value once.
class FacetColumn {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  FacetColumn(const Xapian::Database& db, Xapian::valueno slot);
  // The index in values() of the raw value of `did`: kNone when it has none, or is not known
  // (a docid beyond the column).
  std::uint32_t at(Xapian::docid did) const { return did < ids_.size() ? ids_[did] : kNone; }
  // Whether the column knows `did`'s value; never for docid 0, a document made in memory (a
  // group's, units.h), whose values are its own.
  bool covers(Xapian::docid did) const { return did != 0 && did < ids_.size(); }
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::vector<std::uint32_t> ids_;  // by docid
  std::vector<std::string> values_;
};

// Counts the values of one slot (kListSeparator-joined lists) over every matching document.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(Xapian::valueno slot, bool is_date = false) : slot_(slot), is_date_(is_date) {}
  // With the slot's column: the spy must then see the documents of the database the column was
  // read from (a spy over several shards sees each shard's own docids, so these are counted in a
  // pass per shard, with set_column between them).
  FacetSpy(Xapian::valueno slot, const FacetColumn* column)
      : slot_(slot), is_date_(false), column_(column), by_column_(column->values().size()) {}
  // Keeps what was counted so far and looks values up in `column` from here on (a spy made with a
  // column only).
  void set_column(const FacetColumn* column);
  void operator()(const Xapian::Document& doc, double weight) override;
  // Counts `n` matches whose slot holds `value` (and, for the date, whose precision slot holds
  // `precision`) as if each had been shown to the spy.
  void add(const std::string& value, const std::string& precision, Xapian::doccount n);
  Xapian::valueno slot() const { return slot_; }
  bool is_date() const { return is_date_; }
  Xapian::MatchSpy* clone() const override { return new FacetSpy(slot_, is_date_); }
  std::string name() const override { return "morgue.FacetSpy"; }
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& data, const Xapian::Registry&) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& data) override;
  std::string get_description() const override {
    return "morgue.FacetSpy(" + std::to_string(slot_) + ")";
  }

  // Most frequent first (ties by value), at most `limit` (0 for all).
  std::vector<FacetCount> top(std::size_t limit) const;

 private:
  // Matches only count their slot's raw value (many articles share one: "usa"); the values are
  // split, folded and added up once each, when the counts are read.
  void resolve() const;
  // The counts by column index added to those by raw value.
  void fold_column() const;

  Xapian::valueno slot_;
  bool is_date_;
  const FacetColumn* column_ = nullptr;
  mutable std::vector<Xapian::doccount> by_column_;  // index in column_->values() -> articles
  mutable std::unordered_map<std::string, Xapian::doccount>
      raw_;                                                 // slot value (+ precision) -> articles
  mutable std::map<std::string, Xapian::doccount> counts_;  // folded key -> articles
  mutable ValueNames names_;
};

enum class Period { kDay, kWeek, kMonth, kYear };
std::optional<Period> period_from_string(const std::string& name);
const char* to_string(Period period);

// The period a day falls in, as a sortable key (its first day, "YYYYMMDD"), its label
// ("2025-03-26", "2025-W13", "2025-03", "2025") and the key of the next period.
std::string period_key(long days, Period period);
std::string period_label(const std::string& key, Period period);
std::string next_period_key(const std::string& key, Period period);
// The key of the period a date falls in (the values of an article's kDateSlot and kPrecisionSlot);
// none when it is missing or less precise than the period (HistogramSpy counts it as undated).
std::optional<std::string> period_of(const std::string& date, const std::string& precision,
                                     Period period);

// Counts matching documents per period (and per group value of an optional slot). Articles whose
// date is less precise than the period, or that have none, are counted apart.
class HistogramSpy : public Xapian::MatchSpy {
 public:
  HistogramSpy(Period period, std::optional<Xapian::valueno> group_slot)
      : period_(period), group_slot_(group_slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // Counts `n` matches with these values of the date, precision and group slots ("" for none) as
  // if each had been shown to the spy.
  void add(const std::string& date, const std::string& precision, const std::string& group,
           Xapian::doccount n);
  // add in parts, for counts made apart: `n` matches with this date (the period they fall in, or
  // the undated), `n` of them with the group key `key`, and the names of `n` matches' group.
  void add_dates(const std::string& date, const std::string& precision, Xapian::doccount n);
  void add_group(const std::string& date, const std::string& precision, const std::string& key,
                 Xapian::doccount n);
  void add_names(const std::string& group, Xapian::doccount n);
  const std::optional<Xapian::valueno>& group_slot() const { return group_slot_; }
  Xapian::MatchSpy* clone() const override { return new HistogramSpy(period_, group_slot_); }
  std::string name() const override { return "morgue.HistogramSpy"; }
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& data, const Xapian::Registry&) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& data) override;
  std::string get_description() const override { return "morgue.HistogramSpy"; }

  // period key -> group key ("" without groups) -> articles
  const std::map<std::string, std::map<std::string, Xapian::doccount>>& counts() const {
    return counts_;
  }
  // Articles without a date as precise as the period: all of them, and per group key.
  Xapian::doccount undated() const { return undated_; }
  const std::map<std::string, Xapian::doccount>& undated_groups() const { return undated_groups_; }
  const ValueNames& names() const { return names_; }

 private:
  Period period_;
  std::optional<Xapian::valueno> group_slot_;
  static constexpr const char* kUndated = "undated";  // in serialised results: never a period key
  std::map<std::string, std::map<std::string, Xapian::doccount>> counts_;
  Xapian::doccount undated_ = 0;
  std::map<std::string, Xapian::doccount> undated_groups_;
  ValueNames names_;
};

// Shows every match of `query` to `spies`, FacetSpy and HistogramSpy only, from counts that the
// servers of a database with remote shards make with Xapian's own ValueCountMatchSpy: per slot,
// the number of matches holding each distinct value (a whole list of names: one per article),
// which the spies split and add up as they do a document's. The (date, group) pairs of a
// histogram by a field come from a pass per key of the field (its whole-name term filtering the
// matches, their dates counted) when the keys are few for the matches, else from one unweighted
// pass that returns each match's date as its sort key and its group as its collapse key (never
// collapsing); dates of month or year precision, which share their date value with days, are
// counted in a pass of their own per precision. The counts are those of one database, exactly.
// Returns the number of matches, or nullopt (having shown nothing) when a spy is of another
// kind. A pass per key is taken when it makes at most one pass per `matches_per_pass` matches
// (0: whenever the field allows; for tests).
inline constexpr Xapian::doccount kMatchesPerPass = 256;
std::optional<Xapian::doccount> count_on_servers(
    const Xapian::Database& db, const Xapian::Query& query,
    const std::vector<Xapian::MatchSpy*>& spies,
    Xapian::doccount matches_per_pass = kMatchesPerPass);

}  // namespace morgue
