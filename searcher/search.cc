// The search run. One database and one query parser serve every query of a run; facets and
// histograms come from match spies over every match, so their counts are exact.
#include "searcher/search.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <optional>
#include <sstream>

#include "common/analysis.h"
#include "common/database.h"
#include "common/document.h"
#include "common/error.h"
#include "common/query.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/kwic.h"
#include "version.h"

namespace morgue {
namespace {

// The exact number of articles a date filter alone matches, without visiting them: each article
// has one date term of each kind (Y, M, D), so when the query is a disjunction of date terms none
// of which covers another (range_terms gives such), their frequencies add up to the count.
std::optional<Xapian::doccount> date_filter_total(Xapian::Query q, const Xapian::Database& db) {
  if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT) q = q.get_subquery(0);
  std::vector<Xapian::Query> leaves;
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    leaves.push_back(q);
  } else if (q.get_type() == Xapian::Query::OP_OR) {
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) leaves.push_back(q.get_subquery(i));
  } else {
    return std::nullopt;
  }
  std::vector<std::string> digits;
  for (const Xapian::Query& leaf : leaves) {
    if (leaf.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    const std::string term = *leaf.get_terms_begin();
    const std::size_t want = term.empty() ? 0 : term[0] == 'Y' ? 5 : term[0] == 'M' ? 7 : term[0] == 'D' ? 9 : 0;
    if (!want || term.size() != want || term.find_first_not_of("0123456789", 1) != std::string::npos) return std::nullopt;
    digits.push_back(term.substr(1));
  }
  std::sort(digits.begin(), digits.end());  // a term covering another sorts right before it
  for (std::size_t i = 1; i < digits.size(); ++i) {
    if (digits[i].compare(0, digits[i - 1].size(), digits[i - 1]) == 0) return std::nullopt;
  }
  Xapian::doccount total = 0;
  for (const std::string& d : digits) total += db.get_termfreq((d.size() == 4 ? "Y" : d.size() == 6 ? "M" : "D") + d);
  return total;
}

using ordered = nlohmann::ordered_json;

const char* sort_name(SortOrder s) {
  switch (s) {
    case SortOrder::kDateAscending:
      return "date";
    case SortOrder::kDateDescending:
      return "-date";
    case SortOrder::kRelevance:
      break;
  }
  return "relevance";
}

// A field that facets and --by can use: a name field with a value slot, or the date.
const Field& facet_field(const std::string& name) {
  const Field* f = find_field(name);
  if (!f || !f->slot) {
    std::string known;
    for (const Field& g : fields()) {
      if (g.slot) known += (known.empty() ? "" : ", ") + std::string(g.name);
    }
    throw Error("'" + name + "' cannot be counted (facet fields: " + known + ")");
  }
  return *f;
}

std::string dump(const ordered& j) { return j.dump(-1, ' ', false, ordered::error_handler_t::replace); }

// One query's answer.
struct Answer {
  std::string name, text, parsed;
  Xapian::doccount total = 0;
  std::vector<Hit> hits;
  ordered facets = ordered::object();
  ordered histogram = ordered::array();  // rows: period, [group], count, [all, share]
  Xapian::doccount undated = 0;
};

class Searcher {
 public:
  Searcher(const SearchOptions& o, std::ostream& out, std::ostream& err)
      : o_(o),
        out_(out),
        err_(err),
        db_(open_for_reading(o.db, OpenOptions{o.allow_remote_programs})),
        parser_(db_, QueryOptions{o.any}),
        stemmer_(make_stemmer()),
        columns_local_(db_.size() == 1 && single_local_database(o.db)) {}

  int run(std::istream& in) {
    if (o_.batch) return run_batch(in);
    Xapian::Query query = parse_retrying(o_.query);
    if (o_.export_all) return export_matches(query);
    if (o_.kwic) return kwic(query);
    Answer a = answer(o_.query, o_.query, query, o_.limit);
    write_single(a);
    return a.total ? kSearchHits : kSearchNoHits;
  }

 private:
  // An indexer committing meanwhile can invalidate what this reader holds: reopen and retry,
  // so a search never sees half of a commit.
  template <typename F>
  auto retrying(F&& f) {
    for (int attempt = 0;; ++attempt) {
      try {
        return f();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 4) throw;
        db_.reopen();
        columns_.clear();  // read from the revision left behind
      }
    }
  }

  Xapian::Query parse_retrying(const std::string& text) {
    return retrying([&] { return parser_.parse(text); });  // wildcards read the vocabulary
  }

  ordered manifest() const {
    return {{"morgue_version", kVersion},
            {"schema_version", kSchemaVersion},
            {"xapian_version", Xapian::version_string()},
            {"database_uuid", db_.get_uuid()},
            {"database_revision", db_.size() == 1 ? ordered(db_.get_revision()) : ordered(nullptr)},
            {"articles", db_.get_doccount()},
            {"options",
             {{"any", o_.any}, {"bm25", {o_.bm25_k1, o_.bm25_b}}, {"sort", sort_name(o_.sort)}, {"limit", o_.limit}, {"offset", o_.offset},
              {"facets", o_.facets}, {"facet_limit", o_.facet_limit},
              {"histogram", o_.histogram ? ordered(to_string(*o_.histogram)) : ordered(nullptr)},
              {"by", o_.by ? ordered(*o_.by) : ordered(nullptr)}, {"normalize", o_.normalize},
              {"from", o_.from ? ordered(to_string(*o_.from)) : ordered(nullptr)},
              {"to", o_.to ? ordered(to_string(*o_.to)) : ordered(nullptr)}}}};
  }

  Answer answer(const std::string& name, const std::string& text, const Xapian::Query& query,
                std::size_t limit) {
    return retrying([&] { return answer_once(name, text, query, limit); });
  }

  Answer answer_once(const std::string& name, const std::string& text, const Xapian::Query& query,
                     std::size_t limit) {
    Answer a;
    a.name = name;
    a.text = text;
    a.parsed = query.get_description();
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    switch (o_.sort) {
      case SortOrder::kDateAscending:
        enquire.set_sort_by_value_then_relevance(kDateSlot, false);
        break;
      case SortOrder::kDateDescending:
        enquire.set_sort_by_value_then_relevance(kDateSlot, true);
        break;
      case SortOrder::kRelevance:
        break;
    }
    if (limit == 0) enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting only
    else enquire.set_weighting_scheme(Xapian::BM25Weight(o_.bm25_k1, 0, 1, o_.bm25_b, 0.5));
    std::vector<std::pair<std::string, std::unique_ptr<FacetSpy>>> facet_spies;
    std::vector<Xapian::MatchSpy*> spies;
    for (const std::string& f : o_.facets) {
      const Field& field = facet_field(f);
      const FacetColumn* c = field.kind == FieldKind::kDate ? nullptr : column(*field.slot);
      facet_spies.emplace_back(f, c ? std::make_unique<FacetSpy>(*field.slot, c)
                                    : std::make_unique<FacetSpy>(*field.slot, field.kind == FieldKind::kDate));
      spies.push_back(facet_spies.back().second.get());
    }
    std::unique_ptr<HistogramSpy> histogram;
    if (o_.histogram) {
      histogram = std::make_unique<HistogramSpy>(*o_.histogram, group_slot());
      spies.push_back(histogram.get());
    }
    // The total must be exact. Spies see every match in a pass of their own, unweighted, which
    // counts the matches exactly; the hits then come from a ranked pass that stops weighing a
    // candidate as soon as it cannot enter the page. One pass for both would rank every match:
    // each weight needs the article's length, and each match goes through the heap of the page
    // (10x Reuters, places and people of 'oil': 5.4 -> 4.5 ms; docs/performance.md). Without spies,
    // Xapian often knows the exact count from its statistics alone (lower bound = upper bound,
    // as for a single term), and only otherwise is the whole match run.
    const auto first = static_cast<Xapian::doccount>(o_.offset);
    const auto size = static_cast<Xapian::doccount>(limit);
    std::optional<Xapian::doccount> total;
    if (!spies.empty()) total = feed_each_match(query, spies);
    Xapian::MSet mset;
    if (size > 0 || !total) {
      mset = enquire.get_mset(first, size, first + size);
      if (!total && mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) {
        total = date_filter_total(query, db_);
        if (!total) mset = enquire.get_mset(first, size, db_.get_doccount());
      }
    }
    a.total = total ? *total : mset.get_matches_estimated();
    for (auto& [f, spy] : facet_spies) {
      ordered values = ordered::array();
      for (const FacetCount& c : spy->top(o_.facet_limit)) values.push_back({{"value", c.value}, {"count", c.count}});
      a.facets[f] = values;
    }
    if (histogram) histogram_rows(*histogram, &a);
    const bool highlight = o_.colour && o_.format == OutputFormat::kText;
    const KwicMatcher snippets(query, stemmer_, &db_);
    std::size_t rank = o_.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      const std::string data = it.get_document().get_data();
      hit.record = read_record(data, false);
      const std::string_view body = stored_text(data);
      if (!body.empty()) {
        hit.snippet = snippets.snippet(body, o_.snippet_length, highlight ? kHighlightStart : "",
                                       highlight ? kHighlightEnd : "", "…");
        std::replace_if(hit.snippet.begin(), hit.snippet.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
      }
      a.hits.push_back(std::move(hit));
    }
    return a;
  }

  // The column of a facet slot, read when this process counts the slot for its second query (for
  // one query, walking the value stream reads less), for one local glass database (spies see
  // the docids of a shard, not of a stub's whole) of at most kMaxColumnDocs docids (4 bytes each).
  const FacetColumn* column(Xapian::valueno slot) {
    static constexpr Xapian::docid kMaxColumnDocs = 16u << 20;
    if (!columns_local_) return nullptr;
    Column& c = columns_[slot];
    if (!c.values && ++c.asked >= 2 && db_.get_lastdocid() <= kMaxColumnDocs)
      c.values = std::make_unique<FacetColumn>(db_, slot);
    return c.values.get();
  }

  std::optional<Xapian::valueno> group_slot() const {
    if (!o_.by) return std::nullopt;
    return *facet_field(*o_.by).slot;
  }

  // The denominators of --normalize: every article, per period and group, counted once a run.
  const HistogramSpy& all_articles() {
    if (!all_) {
      all_ = std::make_unique<HistogramSpy>(*o_.histogram, group_slot());
      feed_each_match(Xapian::Query::MatchAll, {all_.get()});
    }
    return *all_;
  }

  void histogram_rows(const HistogramSpy& spy, Answer* a) {
    a->undated = spy.undated();
    const auto& counts = spy.counts();
    std::string first, last;
    if (o_.from) first = period_key(days_from_civil(o_.from->year, std::max(o_.from->month, 1), std::max(o_.from->day, 1)), *o_.histogram);
    else if (!counts.empty()) first = counts.begin()->first;
    if (o_.to) last = period_key(days_from_civil(o_.to->year, o_.to->precision == Precision::kYear ? 12 : o_.to->month,
                                                 o_.to->precision == Precision::kDay ? o_.to->day : 1), *o_.histogram);
    else if (!counts.empty()) last = counts.rbegin()->first;
    if (first.empty() || last.empty() || first > last) return;
    // Groups: the facet_limit most frequent over the whole range (all when facet_limit is 0).
    std::vector<std::string> groups{""};
    if (o_.by) {
      std::map<std::string, Xapian::doccount> totals;
      for (const auto& [period, g] : counts) {
        if (period < first || period > last) continue;
        for (const auto& [key, n] : g) totals[key] += n;
      }
      std::vector<std::pair<std::string, Xapian::doccount>> ranked(totals.begin(), totals.end());
      std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
      if (o_.facet_limit && ranked.size() > o_.facet_limit) ranked.resize(o_.facet_limit);
      groups.clear();
      for (const auto& r : ranked) groups.push_back(r.first);
    }
    const HistogramSpy* all = o_.normalize ? &all_articles() : nullptr;
    auto count_in = [](const HistogramSpy& s, const std::string& period, const std::string& group) -> Xapian::doccount {
      auto p = s.counts().find(period);
      if (p == s.counts().end()) return 0;
      auto g = p->second.find(group);
      return g == p->second.end() ? 0 : g->second;
    };
    for (std::string period = first; period <= last; period = next_period_key(period, *o_.histogram)) {
      for (const std::string& group : groups) {
        ordered row = {{"period", period_label(period, *o_.histogram)}};
        if (o_.by) row["group"] = spy.names().display(group);
        Xapian::doccount n = count_in(spy, period, group);
        row["count"] = n;
        if (all) {
          Xapian::doccount d = count_in(*all, period, group);
          row["all"] = d;
          row["share"] = d ? ordered(static_cast<double>(n) / d) : ordered(nullptr);
        }
        a->histogram.push_back(row);
      }
    }
  }

  // --- one query ---------------------------------------------------------------------------

  ordered result_object(const Answer& a, bool with_hits) const {
    ordered o = {{"name", a.name}, {"query", a.text}, {"parsed_query", a.parsed}, {"total", a.total}};
    if (!o_.facets.empty()) o["facets"] = a.facets;
    if (o_.histogram) {
      o["histogram"] = a.histogram;
      o["undated"] = a.undated;
    }
    if (with_hits) {
      o["hits"] = ordered::array();
      for (const Hit& h : a.hits) o["hits"].push_back(hit_json(h));
    }
    return o;
  }

  bool research() const { return o_.count || !o_.facets.empty() || o_.histogram; }

  void write_single(const Answer& a) {
    switch (o_.format) {
      case OutputFormat::kJson: {
        ordered result = result_json({a.text, a.total, o_.offset, manifest()});
        for (const Hit& h : a.hits) result["hits"].push_back(hit_json(h));
        result["manifest"]["parsed_query"] = a.parsed;
        if (o_.count) result.erase("hits");
        result["facets"] = a.facets;
        if (o_.histogram) {
          result["histogram"] = a.histogram;
          result["undated"] = a.undated;
        }
        out_ << dump(result) << '\n';
        return;
      }
      case OutputFormat::kJsonLines:
        if (research()) {
          ordered o = result_object(a, false);
          o["manifest"] = manifest();
          out_ << dump(o) << '\n';
          return;
        }
        break;
      case OutputFormat::kCsv:
      case OutputFormat::kTsv:
        if (research()) {
          table_header();
          table_rows(a);
          return;
        }
        break;
      case OutputFormat::kText:
        if (o_.count) {
          out_ << a.total << '\n';
          return;
        }
        break;
    }
    auto w = make_result_writer(o_.format, out_, TextStyle{o_.colour});
    w->begin({a.text, a.total, o_.offset, manifest()});
    for (const Hit& h : a.hits) {
      if (!out_) break;
      w->hit(h);
    }
    w->end();
    if (o_.format == OutputFormat::kText) text_research(a);
  }

  void text_research(const Answer& a) {
    for (const auto& [field, values] : a.facets.items()) {
      out_ << '\n' << field << ":\n";
      std::size_t width = 0;
      for (const auto& v : values) width = std::max(width, v["value"].get<std::string>().size());
      for (const auto& v : values)
        out_ << "  " << std::setw(8) << v["count"].get<Xapian::doccount>() << "  " << v["value"].get<std::string>() << '\n';
    }
    if (!o_.histogram || a.histogram.empty()) return;
    out_ << '\n';
    Xapian::doccount peak = 1;
    for (const auto& row : a.histogram) peak = std::max(peak, row["count"].get<Xapian::doccount>());
    for (const auto& row : a.histogram) {
      Xapian::doccount n = row["count"].get<Xapian::doccount>();
      std::size_t bar = static_cast<std::size_t>((50.0 * n) / peak + 0.5);
      out_ << row["period"].get<std::string>();
      if (row.contains("group")) out_ << "  " << row["group"].get<std::string>();
      out_ << "  " << std::setw(7) << n << " ";
      for (std::size_t i = 0; i < bar; ++i) out_ << "\u2588";
      if (row.contains("share") && !row["share"].is_null())
        out_ << " " << std::fixed << std::setprecision(1) << 100.0 * row["share"].get<double>() << "% of "
             << row["all"].get<Xapian::doccount>() << std::defaultfloat;
      out_ << '\n';
    }
    if (a.undated) out_ << "(" << a.undated << " matching articles have no date precise enough)\n";
  }

  // --- tidy long table (CSV/TSV): query,period,group,count,total,share -----------------------

  void table_header() {
    if (header_done_) return;
    header_done_ = true;
    table_row({"name", "query", "period", "group", "count", "total", "share"});
  }

  void table_row(const std::vector<std::string>& cells) { write_row(out_, o_.format, cells); }

  void table_rows(const Answer& a) {
    const std::string total = std::to_string(a.total);
    if (!o_.histogram) {
      table_row({a.name, a.text, "", "", total, total, ""});
      return;
    }
    for (const auto& row : a.histogram) {
      std::string share;
      if (row.contains("share") && !row["share"].is_null()) {
        std::ostringstream s;
        s << std::setprecision(6) << row["share"].get<double>();
        share = s.str();
      }
      table_row({a.name, a.text, row["period"].get<std::string>(),
                 row.contains("group") ? row["group"].get<std::string>() : "",
                 std::to_string(row["count"].get<Xapian::doccount>()), total, share});
    }
  }

  // --- batch ---------------------------------------------------------------------------------

  int run_batch(std::istream& stdin_stream) {
    std::ifstream file;
    std::istream* in = &stdin_stream;
    if (*o_.batch != "-") {
      file.open(*o_.batch);
      if (!file) throw Error("cannot read batch file " + *o_.batch);
      in = &file;
    }
    const std::string where = *o_.batch == "-" ? "standard input" : *o_.batch;
    const std::size_t limit = o_.limit_given && !o_.count ? o_.limit : 0;
    std::string line;
    std::size_t number = 0;
    bool failed = false, any_hits = false;
    ordered results = ordered::array();
    if (o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv) table_header();
    while (std::getline(*in, line) && out_) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (trim(line).empty() || trim(line)[0] == '#') continue;
      std::string name = line, text = line;
      if (auto tab = line.find('\t'); tab != std::string::npos) {
        name = std::string(trim(line.substr(0, tab)));
        text = line.substr(tab + 1);
      }
      Answer a;
      const auto started = std::chrono::steady_clock::now();
      try {
        a = answer(name, text, parse_retrying(text), limit);
      } catch (const QueryError& e) {
        err_ << "morgue-search: error: " << where << ":" << number << ": " << e.what() << '\n';
        failed = true;
        if (o_.format == OutputFormat::kJsonLines || o_.format == OutputFormat::kJson) {
          ordered o = {{"name", name}, {"query", text}, {"error", e.what()}};
          if (o_.format == OutputFormat::kJson) results.push_back(o);
          else out_ << dump(o) << '\n';
        }
        continue;
      }
      any_hits = any_hits || a.total;
      ordered object;
      if (o_.format == OutputFormat::kJsonLines || o_.format == OutputFormat::kJson) {
        object = result_object(a, limit > 0);
        if (o_.timings)
          object["elapsed_ms"] =
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      }
      switch (o_.format) {
        case OutputFormat::kJsonLines:
          out_ << dump(object) << '\n';
          break;
        case OutputFormat::kJson:
          results.push_back(object);
          break;
        case OutputFormat::kCsv:
        case OutputFormat::kTsv:
          table_rows(a);
          break;
        case OutputFormat::kText:
          out_ << (number > 1 ? "\n" : "") << "== " << a.name << ": " << a.total << '\n';
          text_research(a);
          break;
      }
    }
    if (o_.format == OutputFormat::kJson)
      out_ << dump({{"format_version", 1}, {"results", results}, {"manifest", manifest()}}) << '\n';
    if (failed) return kSearchError;
    return any_hits ? kSearchHits : kSearchNoHits;
  }

  // --- export and keywords in context: every match, streamed by a spy in one pass --------------

  class EachMatch : public Xapian::MatchSpy {
   public:
    explicit EachMatch(std::function<void(const Xapian::Document&)> f) : f_(std::move(f)) {}
    void operator()(const Xapian::Document& doc, double) override { f_(doc); }

   private:
    std::function<void(const Xapian::Document&)> f_;
  };

  Xapian::doccount each_match(const Xapian::Query& query, const std::function<void(const Xapian::Document&)>& f) {
    EachMatch spy(f);
    return feed_each_match(query, {&spy});
  }

  // Xapian's remote servers (xapian-tcpsrv) only know Xapian's own match spies.
  static bool spies_unknown_remotely(const Xapian::InvalidArgumentError& e) {
    return e.get_msg().find("not registered") != std::string::npos;
  }

  // Shows every match of `query` to `spies`, in one matcher pass where the database allows
  // (local shards); with remote shards, by reading the matching documents in batches.
  // Returns the number of matches.
  Xapian::doccount feed_each_match(const Xapian::Query& query, const std::vector<Xapian::MatchSpy*>& spies) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (spies_work_) {
      for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
      try {
        return enquire.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
      } catch (const Xapian::InvalidArgumentError& e) {
        if (!spies_unknown_remotely(e)) throw;
      } catch (const Xapian::UnimplementedError&) {
        // a spy without serialisation (EachMatch) meets a remote shard
      }
      enquire.clear_matchspies();
      spies_work_ = false;
    }
    constexpr Xapian::doccount kBatch = 10000;
    Xapian::doccount total = 0;
    for (Xapian::doccount first = 0;; first += kBatch) {
      Xapian::MSet batch = enquire.get_mset(first, kBatch, db_.get_doccount());
      total = batch.get_matches_estimated();
      for (auto it = batch.begin(); it != batch.end(); ++it) {
        Xapian::Document doc = it.get_document();
        for (Xapian::MatchSpy* spy : spies) (*spy)(doc, 0);
      }
      if (batch.size() < kBatch) break;
    }
    return total;
  }

  int export_matches(const Xapian::Query& query) {
    std::vector<std::string> columns = o_.fields;
    if (columns.empty()) columns = {"id", "date", "outlet", "title", "url", "people", "places", "organizations", "authors"};
    const bool table = o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv;
    const bool with_text = std::find(columns.begin(), columns.end(), "text") != columns.end();
    if (table) table_row(columns);
    Xapian::doccount total = each_match(query, [&](const Xapian::Document& doc) {
      if (!out_) return;
      nlohmann::json r = read_record(doc.get_data(), with_text);
      if (!table) {
        ordered o = ordered::object();
        for (const std::string& c : columns) o[c] = field_value(r, c);
        out_ << dump(o) << '\n';
        return;
      }
      std::vector<std::string> cells;
      for (const std::string& c : columns) {
        nlohmann::json v = field_value(r, c);
        std::string cell;
        if (v.is_string()) cell = v.get<std::string>();
        else if (v.is_array()) {
          for (const auto& x : v) cell += (cell.empty() ? "" : "; ") + (x.is_string() ? x.get<std::string>() : x.dump());
        } else if (!v.is_null()) cell = v.dump();
        cells.push_back(cell);
      }
      table_row(cells);
    });
    return total ? kSearchHits : kSearchNoHits;
  }

  static nlohmann::json field_value(const nlohmann::json& r, const std::string& name) {
    if (auto it = r.find(name); it != r.end()) return *it;
    if (auto extra = r.find("extra"); extra != r.end() && extra->is_object()) {
      if (auto it = extra->find(name); it != extra->end()) return *it;
    }
    return nullptr;
  }

  int kwic(const Xapian::Query& query) {
    KwicMatcher matcher(query, stemmer_);
    if (matcher.empty()) throw Error("--kwic shows the query's words in context, and this query has none (only filters)");
    const std::size_t width = *o_.kwic;
    if (o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv)
      table_row({"id", "offset", "left", "match", "right"});
    Xapian::doccount total = each_match(query, [&](const Xapian::Document& doc) {
      if (!out_) return;
      const std::string data = doc.get_data();
      const std::string_view text = stored_text(data);
      if (text.empty()) return;
      const std::string id = read_record(data, false).value("id", "");
      for (const KwicLine& k : matcher.lines(text, width)) {
        switch (o_.format) {
          case OutputFormat::kJson:
          case OutputFormat::kJsonLines:
            out_ << dump({{"id", id}, {"offset", k.offset}, {"left", k.left}, {"match", k.match}, {"right", k.right}}) << '\n';
            break;
          case OutputFormat::kCsv:
          case OutputFormat::kTsv:
            table_row({id, std::to_string(k.offset), k.left, k.match, k.right});
            break;
          case OutputFormat::kText: {
            bool c = o_.colour;
            out_ << pad_left(k.left, width) << ' ' << (c ? kHighlightStart : "") << k.match << (c ? kHighlightEnd : "")
                 << ' ' << k.right << "  " << (c ? "\x1b[2m" : "") << id << (c ? "\x1b[0m" : "") << '\n';
            break;
          }
        }
      }
    });
    return total ? kSearchHits : kSearchNoHits;
  }

  const SearchOptions& o_;
  std::ostream& out_;
  std::ostream& err_;
  Xapian::Database db_;
  QueryBuilder parser_;
  Xapian::Stem stemmer_;
  std::unique_ptr<HistogramSpy> all_;
  bool header_done_ = false;
  bool spies_work_ = true;  // false once a remote shard has refused morgue's spies
  struct Column {
    int asked = 0;
    std::unique_ptr<FacetColumn> values;
  };
  const bool columns_local_;
  std::map<Xapian::valueno, Column> columns_;
};

}  // namespace

void validate(const SearchOptions& o) {
  for (const std::string& f : o.facets) facet_field(f);
  if (o.by) {
    if (!o.histogram) throw Error("--by needs --histogram");
    if (facet_field(*o.by).kind == FieldKind::kDate) throw Error("--by date: the histogram is already by date");
  }
  if (o.normalize && !o.histogram) throw Error("--normalize needs --histogram");
  if ((o.from || o.to) && !o.histogram) throw Error("--from and --to need --histogram");
  if (o.from && o.to && sort_key(*o.from) > sort_key_end(*o.to)) throw Error("--from is after --to");
  int modes = (o.export_all ? 1 : 0) + (o.kwic ? 1 : 0) + (o.batch ? 1 : 0);
  if (modes > 1) throw Error("--export, --kwic and --batch cannot be combined");
  if (o.export_all && o.format == OutputFormat::kText) throw Error("--export writes csv, tsv or jsonl: give --format");
  if (!o.fields.empty() && !o.export_all) throw Error("--fields needs --export");
  if (o.timings && !o.batch) throw Error("--timings needs --batch");
  if (o.batch && !o.query.empty()) throw Error("--batch reads its queries from the file: give no QUERY");
  if (!o.batch && o.query.empty()) throw Error("no QUERY given (use * to match every article)");
}

int run_search(const SearchOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  validate(options);
  Searcher searcher(options, out, err);
  return searcher.run(in);
}

}  // namespace morgue
