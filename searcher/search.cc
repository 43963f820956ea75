// The search run. One database and one query parser serve every query of a run; facets and
// histograms come from match spies over every match, so their counts are exact.
#include "searcher/search.h"

#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <type_traits>
#include <unordered_set>

#include "common/analysis.h"
#include "common/article.h"
#include "common/codebook.h"
#include "common/database.h"
#include "common/document.h"
#include "common/error.h"
#include "common/group_counts.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/answer.h"
#include "searcher/interactive.h"
#include "searcher/kwic.h"
#include "searcher/names.h"
#include "searcher/output.h"
#include "searcher/plot.h"
#include "searcher/query.h"
#include "searcher/spelling.h"

namespace morgue {
namespace {

// The documents of the hits of `mset`, a match over `shards` (those open_for_reading gives),
// in its order. Xapian 1.4 fetches a remote document in a round trip of its own, one after
// another: here each shard's hits are fetched by a thread of their own, so that a page costs the
// round trips of the shard with the most hits rather than of all. A shard's Database is used by
// one thread only, and the whole's not at all meanwhile.
std::vector<Xapian::Document> fetch_in_parallel(const Xapian::MSet& mset,
                                                const std::vector<OpenedShard>& shards) {
  const std::size_t n = shards.size();
  std::vector<std::vector<std::pair<std::size_t, Xapian::docid>>> wanted(n);  // (hit, shard docid)
  std::size_t hit = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it, ++hit) {
    // the whole's docids interleave its shards' (Xapian's multiple databases)
    const Xapian::docid did = *it - 1;
    wanted[did % n].emplace_back(hit, did / n + 1);
  }
  std::vector<Xapian::Document> docs(mset.size());
  std::vector<std::exception_ptr> errors(n);
  auto fetch = [&](std::size_t shard) {
    try {
      for (const auto& [i, did] : wanted[shard]) docs[i] = shards[shard].db.get_document(did);
    } catch (...) {
      errors[shard] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(n);
  std::size_t own = n;  // the shard this thread fetches itself
  for (std::size_t shard = 0; shard < n; ++shard) {
    if (wanted[shard].empty()) continue;
    if (own == n) {
      own = shard;
      continue;
    }
    try {
      threads.emplace_back(fetch, shard);
    } catch (...) {
      fetch(shard);  // no thread to be had (a limit of the system's): this one reads it
    }
  }
  if (own < n) fetch(own);
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return docs;
}

constexpr Xapian::termcount kLikeTerms = 25;  // the words --like looks for

// The one term whose articles `q` matches: a term, or a term under a weight (a field filter's
// weight of 0); none for any other query.
std::optional<std::string> single_term(Xapian::Query q) {
  if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT && q.get_num_subqueries() == 1)
    q = q.get_subquery(0);
  if (q.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
  return *q.get_terms_begin();
}

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
  std::vector<std::string> terms;
  for (const Xapian::Query& leaf : leaves) {
    if (leaf.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    const std::string term = *leaf.get_terms_begin();
    const bool date = (term.size() == 5 && term.compare(0, 1, kYearPrefix) == 0) ||
                      (term.size() == 7 && term.compare(0, 1, kMonthPrefix) == 0) ||
                      (term.size() == 9 && term.compare(0, 1, kDayPrefix) == 0);
    if (!date || term.find_first_not_of("0123456789", 1) != std::string::npos) return std::nullopt;
    terms.push_back(term);
  }
  std::vector<std::string> digits;
  for (const std::string& t : terms) digits.push_back(t.substr(1));
  std::sort(digits.begin(), digits.end());  // a term covering another sorts right before it
  for (std::size_t i = 1; i < digits.size(); ++i) {
    if (digits[i].compare(0, digits[i - 1].size(), digits[i - 1]) == 0) return std::nullopt;
  }
  Xapian::doccount total = 0;
  for (const std::string& t : terms) total += db.get_termfreq(t);
  return total;
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

// Whether an error reading the database may be the work of an indexer committing meanwhile (see
// Searcher::retrying), so that reading the new revision may succeed.
bool retry_after(const Xapian::DatabaseError& e) {
  const std::string_view type = e.get_type();
  return type == "DatabaseModifiedError" || type == "DatabaseCorruptError";
}

// The database, once fields() knows the fields it declares (before any query is parsed).
Xapian::Database with_declared_fields(Xapian::Database db) {
  set_declared_fields(decode_declared_fields(db.get_metadata(kFieldsKey)));
  return db;
}

}  // namespace

class Searcher {
 public:
  Searcher(const SearchOptions& o, std::ostream& out, std::ostream& err)
      : o_(o),
        err_(err),
        output_(o, out),
        db_(with_declared_fields(
            open_for_reading(o.db, OpenOptions{o.allow_remote_programs}, &shards_))),
        all_local_(all_local(shards_)),
        parser_(db_, QueryOptions{o.any, o.langs}),
        stemmer_(make_stemmer()) {
    for (const std::string& f : o.facets) facet_field(f);
    if (o.by) facet_field(*o.by);
    // Groups are counted, listed and shown from what the database holds: one built without
    // them says so, rather than answer as if no article had any.
    std::vector<std::pair<std::string, Unit>> asked = {
        {"--unit " + std::string(to_string(o.unit)), o.unit},
        {"--collapse " + std::string(to_string(o.collapse)), o.collapse}};
    if (o.coverage) asked.emplace_back("--coverage", Unit::kStories);
    std::vector<std::string> named = o.facets;
    if (o.by) named.push_back(*o.by);
    if (o.export_all) named.insert(named.end(), o.fields.begin(), o.fields.end());
    for (const std::string& f : named) asked.emplace_back(f, unit_of_field(f));
    for (const auto& [what, unit] : asked) {
      if (const char* missing = groups_missing(db_, unit))
        throw Error(what + ": database " + o.db + " was " + built_without(missing));
    }
  }

  int run(std::istream& in) {
    if (o_.batch) return run_batch(in);
    ParsedQuery query =
        o_.like ? retrying([&] { return like(*o_.like); }) : parse_retrying(o_.query);
    if (o_.export_all) return export_matches(query);
    if (o_.kwic) return kwic(query);
    if (o_.coverage) return coverage(query);
    // A histogram answers a question about counts: its hits are shown when asked for (--limit).
    Answer a = answer(o_.query, o_.query, query, o_.offset,
                      o_.histogram && !o_.limit_given ? 0 : o_.limit);
    if (!o_.like) a.suggestion = suggestion(o_.query);
    if (o_.plot) plot(a);
    output_.answer(a, manifest());
    if (a.suggestion && !output_.carries_suggestion(false))
      err_ << "morgue-search: did you mean: " << terminal_safe(*a.suggestion) << '\n';
    if (a.undated_last && *a.undated_last && !output_.carries_undated_last())
      err_ << "morgue-search: note: sorted by date, " << *a.undated_last
           << " of the matches have no date and come last\n";
    return a.total ? kSearchHits : kSearchNoHits;
  }

  Answer answer(const std::string& name, const std::string& text, const ParsedQuery& parsed,
                std::size_t offset, std::size_t limit) {
    return retrying([&] { return answer_once(name, text, parsed, offset, limit); });
  }

  ParsedQuery parse_retrying(const std::string& text) {
    return retrying([&] { return parser_.parse(text); });  // wildcards read the vocabulary
  }

  std::string reading(const std::string& text) const { return parser_.reading(text); }

  // The record of the article `id`, with its text; nullopt when the database has no such article.
  std::optional<nlohmann::json> article(const std::string& id) {
    return retrying([&]() -> std::optional<nlohmann::json> {
      const std::string term = id_term(id);
      Xapian::PostingIterator it = db_.postlist_begin(term);
      if (it == db_.postlist_end(term)) return std::nullopt;
      nlohmann::json record = read_record(db_.get_document(*it).get_data(), true);
      parser_.codebook().apply_to_record(&record, parser_.places());
      return std::optional<nlohmann::json>(std::move(record));
    });
  }

 private:
  // Reads the database's latest revision, forgetting all that was read from the one left behind.
  void reopen() {
    db_.reopen();
    parser_.reopened();
    columns_.clear();
    codebook_read_ = false;
    all_.reset();
    shared_groups_.clear();
    group_counts_read_ = false;
    group_counts_from_.reset();
  }

  // The FROM of the database's stored counts of groups when they are those of the revision read
  // (of one local database only: the searches that read them count with one column of groups).
  const std::optional<Xapian::doccount>& group_counts_from() {
    if (!group_counts_read_ && all_local_ && shards_.size() == 1)
      group_counts_from_ = current_group_counts(db_);
    group_counts_read_ = true;
    return group_counts_from_;
  }

  // An indexer committing meanwhile can invalidate what this reader holds: reopen and retry,
  // so a search never sees half of a commit.
  template <typename F>
  std::invoke_result_t<F&> retrying(F&& f) {
    for (int attempt = 0;; ++attempt) {
      try {
        return f();
      } catch (const Xapian::DatabaseError& e) {
        // An indexer's commit moved the revision being read (DatabaseModifiedError), or reused a
        // block of it, which then looks corrupt (DatabaseCorruptError): read the new revision. A
        // database that is really corrupt fails every attempt.
        if (!retry_after(e) || attempt == 4) throw;
        reopen();
      }
    }
  }

  // The query with its unknown words corrected, if it finds articles (none otherwise).
  std::optional<std::string> suggestion(const std::string& text) {
    // A remote shard keeps its spelling data to itself: over remote shards alone, no suggestion,
    // nor the round trips of looking up the query's words (the local shards of a stub that mixes
    // them suggest from theirs).
    if (std::all_of(shards_.begin(), shards_.end(), [](const OpenedShard& s) { return s.remote; }))
      return std::nullopt;
    return retrying([&]() -> std::optional<std::string> {
      std::optional<std::string> corrected = corrected_query(text, db_, stemmer_, o_.any);
      if (!corrected) return std::nullopt;
      Xapian::Enquire enquire(db_);
      try {
        enquire.set_query(parser_.parse(*corrected).query);
      } catch (const QueryError&) {
        return std::nullopt;
      }
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      if (enquire.get_mset(0, 1).empty()) return std::nullopt;
      return corrected;
    });
  }

  Manifest manifest() const {
    Manifest m;
    m.database_uuid = db_.get_uuid();
    try {
      if (db_.size() == 1) m.revision = db_.get_revision();
    } catch (const Xapian::UnimplementedError&) {
      // a remote database has none to give
    }
    m.articles = db_.get_doccount();
    // Read once per revision (retrying() forgets it): a remote shard's metadata is a round trip.
    if (!codebook_read_) {
      const std::string codebook = db_.get_metadata(kNamesKey);
      codebook_sha256_ = codebook.empty() ? std::string() : sha256_hex(codebook);
      codebook_file_ = codebook.empty() ? std::string() : db_.get_metadata(kNamesFileKey);
      codebook_read_ = true;
    }
    m.codebook_sha256 = codebook_sha256_;
    m.codebook_file = codebook_file_;
    return m;
  }

  void set_sort(Xapian::Enquire* enquire) const {
    // Articles without a date last either way (schema.h: kDateOrderSlot); by value, which remote
    // shards support, where a KeyMaker is not.
    if (o_.sort == SortOrder::kDateAscending)
      enquire->set_sort_by_value_then_relevance(kDateOrderSlot, false);
    if (o_.sort == SortOrder::kDateDescending)
      enquire->set_sort_by_value_then_relevance(kDateSlot, true);
  }

  Answer answer_once(const std::string& name, const std::string& text, const ParsedQuery& parsed,
                     std::size_t offset, std::size_t limit) {
    const Xapian::Query& query = parsed.query;
    Answer a;
    a.name = name;
    a.query = text;
    a.parsed = query.get_description();
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    set_sort(&enquire);
    if (limit == 0)
      enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting only
    else
      enquire.set_weighting_scheme(Xapian::BM25Weight(o_.bm25_k1, 0, 1, o_.bm25_b, 0.5));
    std::vector<std::pair<std::string, std::unique_ptr<FacetSpy>>> facet_spies;
    std::vector<const std::vector<FacetColumn>*> held;  // per facet: its columns, or none
    std::vector<Xapian::MatchSpy*> spies;
    // --unit copies|stories: the spies see each copy group or story as one article (units.h).
    const bool by_group = o_.unit != Unit::kArticles;
    const bool collapse = o_.collapse != Unit::kArticles;
    // A collapsed query without --unit counts what it shows: one hit per group.
    const Unit counted = by_group ? o_.unit : o_.collapse;
    std::vector<std::unique_ptr<UnitSpy>> unit_spies;
    // The groups from a column read once (a batch over one local database), as facets are. A
    // count of groups takes an article alone as a group of one; the spies that gather a group's
    // values take only the groups of more than one article apart.
    std::map<Xapian::valueno, const std::vector<FacetColumn>*> asked;  // columns(), once a slot
    auto columns_of = [&](Xapian::valueno slot) {
      auto it = asked.find(slot);
      if (it == asked.end()) it = asked.emplace(slot, columns(slot)).first;
      return it->second;
    };
    // The column of a slot over one local database (the unit spies see the whole's docids).
    auto one_column = [&](Xapian::valueno slot) -> const FacetColumn* {
      const std::vector<FacetColumn>* c =
          all_local_ && shards_.size() == 1 ? columns_of(slot) : nullptr;
      return c ? &c->front() : nullptr;
    };
    auto groups_of = [&](Unit unit) {
      CopyGroups groups;
      groups.slot = unit_slot(unit);
      groups.column = one_column(groups.slot);
      return groups;
    };
    // A count of one term's groups that the database stores (group_counts.h), read instead of
    // counted; one of a term too rare to be stored, counted from its few articles' documents,
    // without reading a column of every article's group.
    std::optional<Xapian::doccount> stored;
    bool rare = false;
    const std::optional<std::string> one = single_term(query);
    if (by_group && !collapse && o_.facets.empty() && !o_.histogram && one && group_counts_from()) {
      const std::string& term = *one;
      if (const std::optional<GroupCount> c = stored_group_count(db_, *group_counts_from(), term))
        stored = o_.unit == Unit::kStories ? c->stories : c->copies;
      else
        rare = db_.get_termfreq(term) < *group_counts_from();
    }
    CopyGroups groups;
    if (counted != Unit::kArticles && !stored) {
      groups.slot = unit_slot(counted);
      if (!rare) groups = groups_of(counted);
    }
    CopyGroups gathered = groups;
    if (by_group && (!o_.facets.empty() || o_.histogram)) gathered.shared = &shared(o_.unit);
    auto spy_on = [&](Xapian::MatchSpy* spy, std::unique_ptr<UnitSpy> unit) {
      if (!by_group) return spies.push_back(spy);
      unit->set_groups(gathered);
      for (const Xapian::valueno slot : unit->slots()) unit->set_column(slot, one_column(slot));
      unit_spies.push_back(std::move(unit));
      spies.push_back(unit_spies.back().get());
    };
    for (const std::string& f : o_.facets) {
      const Field& field = facet_field(f);
      const bool is_date = field.kind == FieldKind::kDate;
      const std::vector<FacetColumn>* c = is_date ? nullptr : columns_of(*field.slot);
      facet_spies.emplace_back(f, c ? std::make_unique<FacetSpy>(*field.slot, &c->front())
                                    : std::make_unique<FacetSpy>(*field.slot, is_date));
      held.push_back(c);
      FacetSpy* spy = facet_spies.back().second.get();
      spy_on(spy, by_group ? UnitSpy::for_facet(spy, *field.slot, is_date) : nullptr);
    }
    std::unique_ptr<HistogramSpy> histogram;
    if (o_.histogram) {
      histogram = std::make_unique<HistogramSpy>(*o_.histogram, group_slot());
      spy_on(histogram.get(),
             by_group ? UnitSpy::for_histogram(histogram.get(), *o_.histogram, group_slot())
                      : nullptr);
    }
    std::unique_ptr<UnitCounter> units, collapsed;  // the units counted; the groups shown
    if (counted != Unit::kArticles && !stored) {
      units = std::make_unique<UnitCounter>(groups, &unit_scratch_[groups.slot]);
      spies.push_back(units.get());
    }
    if (collapse) {
      enquire.set_collapse_key(unit_slot(o_.collapse));
      if (o_.collapse != counted) {
        const CopyGroups shown = groups_of(o_.collapse);  // (another slot than the units')
        collapsed = std::make_unique<UnitCounter>(shown, &unit_scratch_[shown.slot]);
        spies.push_back(collapsed.get());
      }
    }
    const UnitCounter* shown_groups = collapsed ? collapsed.get() : units.get();
    // The total must be exact. Spies see every match in a pass of their own, unweighted, which
    // counts the matches exactly; the hits then come from a ranked pass that stops weighing a
    // candidate as soon as it cannot enter the page (docs/performance.md). Without spies, Xapian
    // often knows the exact count from its statistics alone (lower bound = upper bound, as for a
    // single term), and only otherwise is the whole match run.
    const auto first = static_cast<Xapian::doccount>(offset);
    const auto size = static_cast<Xapian::doccount>(limit);
    std::optional<Xapian::doccount> total = stored;  // (then no spy is asked for)
    if (std::any_of(held.begin(), held.end(), [](auto* c) { return c != nullptr; })) {
      total = feed_each_shard(query, spies, [&](std::size_t shard) {
        for (std::size_t i = 0; shard > 0 && i < held.size(); ++i) {
          if (held[i]) facet_spies[i].second->set_column(&(*held[i])[shard]);
        }
      });
    } else if (units && spies.size() == 1 && (groups.column || rare) && one) {
      // A count of the groups of one term's articles (the commonest count): from its posting
      // list, without the matcher (and a rare term's groups from its documents).
      total = units->count_postings(db_, *one);
    } else if (!spies.empty()) {
      total = feed_each_match(query, spies);
    }
    for (const auto& u : unit_spies) u->finish();
    if (units) total = units->units();
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
      FacetCounts counts{f, {}};
      const PlaceTable* places = place_table(f);
      for (const FacetCount& c : spy->top(o_.facet_limit)) {
        const std::string* canonical = places ? places->canonical(c.key) : nullptr;
        counts.entries.push_back(
            {c.value, c.count, drilldown_filter(f, c.value),
             canonical && name_key(*canonical) != name_key(c.value) ? *canonical : ""});
      }
      a.facets.push_back(std::move(counts));
    }
    if (histogram) a.histogram = histogram_counts(*histogram);
    if (o_.sort != SortOrder::kRelevance && a.total && limit > 0)
      a.undated_last = undated_matches(query);
    const bool highlight = o_.colour && o_.format == OutputFormat::kText;
    const bool terminal = o_.format == OutputFormat::kText;
    if (mset.empty()) return a;
    const KwicMatcher snippets(parsed.patterns, stemmer_, &db_, &mset);
    // Each read of a remote shard's document is a round trip: each document is read once, and
    // the shards' at once.
    const std::vector<Xapian::Document> served =
        !all_local_ && shards_.size() > 1 && shards_.size() == db_.size() && mset.size() > 1
            ? fetch_in_parallel(mset, shards_)
            : std::vector<Xapian::Document>();
    std::size_t rank = offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      const Xapian::Document doc = served.empty() ? it.get_document() : served[rank - offset - 1];
      const std::string data = doc.get_data();
      hit.record = read_record(data, false);
      parser_.codebook().apply_to_record(&hit.record, parser_.places());
      hit.copy = doc.get_value(kCopySlot);
      hit.story = doc.get_value(kStorySlot);
      if (collapse) {
        const std::string& group = o_.collapse == Unit::kStories ? hit.story : hit.copy;
        const Xapian::doccount members = group.empty() ? 0 : shown_groups->members(group);
        hit.other_versions = members ? members - 1 : 0;
      }
      std::string body(stored_text(data));
      if (!body.empty()) {
        if (terminal) body = terminal_safe(body, true);  // before the highlight marks go in
        hit.snippet = snippets.snippet(body, o_.snippet_length, highlight ? kHighlightStart : "",
                                       highlight ? kHighlightEnd : "", "…",
                                       hit.record.value(kRecordLang, ""));
        std::replace_if(
            hit.snippet.begin(), hit.snippet.end(),
            [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
      }
      a.hits.push_back(std::move(hit));
    }
    return a;
  }

  // The place table that names a facet's values canonically: the place field's only (a person
  // called Jordan is no country).
  const PlaceTable* place_table(const std::string& facet) const {
    return facet_field(facet).slot == kPlacesSlot ? &parser_.places() : nullptr;
  }

  // How many matches have no date (listed last when sorting by date).
  Xapian::doccount undated_matches(const Xapian::Query& query) {
    Xapian::Enquire e(db_);
    e.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query(Xapian::Query::OP_WILDCARD, kYearPrefix)));
    e.set_weighting_scheme(Xapian::BoolWeight());
    return e.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
  }

  // The columns of a facet slot, one per local shard (spies see a shard's own docids, not the
  // whole's), read when this process counts the slot for its second query (for one query,
  // walking the value stream reads less); for local databases only, of at most kMaxColumnDocs
  // docids in all (4 bytes each).
  const std::vector<FacetColumn>* columns(Xapian::valueno slot) {
    static constexpr Xapian::docid kMaxColumnDocs = 16u << 20;
    if (!all_local_) return nullptr;
    Column& c = columns_[slot];
    if (c.shards.empty() && ++c.asked >= 2) {
      Xapian::docid docids = 0;
      for (const OpenedShard& shard : shards_) docids += shard.db.get_lastdocid();
      if (docids > kMaxColumnDocs) return nullptr;
      for (const OpenedShard& shard : shards_) c.shards.emplace_back(shard.db, slot);
    }
    return c.shards.empty() ? nullptr : &c.shards;
  }

  std::optional<Xapian::valueno> group_slot() const {
    if (!o_.by) return std::nullopt;
    return *facet_field(*o_.by).slot;
  }

  // The denominators of --normalize: every article, per period and group, counted once a run.
  const HistogramSpy& all_articles() {
    if (!all_) {
      all_ = std::make_unique<HistogramSpy>(*o_.histogram, group_slot());
      if (o_.unit != Unit::kArticles) {
        auto unit = UnitSpy::for_histogram(all_.get(), *o_.histogram, group_slot());
        unit->set_groups(CopyGroups{unit_slot(o_.unit), &shared(o_.unit), nullptr});
        feed_each_match(Xapian::Query::MatchAll, {unit.get()});
        unit->finish();
      } else {
        feed_each_match(Xapian::Query::MatchAll, {all_.get()});
      }
    }
    return *all_;
  }

  HistogramCounts histogram_counts(const HistogramSpy& spy) {
    HistogramCounts h;
    const Period period = *o_.histogram;
    const auto& counts = spy.counts();
    std::string first, last;
    if (o_.from)
      first = period_key(
          days_from_civil(o_.from->year, std::max(o_.from->month, 1), std::max(o_.from->day, 1)),
          period);
    else if (!counts.empty())
      first = counts.begin()->first;
    if (o_.to)
      last = period_key(
          days_from_civil(o_.to->year, o_.to->precision == Precision::kYear ? 12 : o_.to->month,
                          o_.to->precision == Precision::kDay ? o_.to->day : 1),
          period);
    else if (!counts.empty())
      last = counts.rbegin()->first;
    // Groups: the facet_limit most frequent over the whole range (all when facet_limit is 0).
    std::vector<std::string> groups{""};
    std::map<std::string, Xapian::doccount> totals;  // --by: matches in the range, per value
    if (o_.by) {
      for (const auto& [p, g] : counts) {
        if (p < first || p > last) continue;
        for (const auto& [key, n] : g) totals[key] += n;
      }
      std::vector<std::pair<std::string, Xapian::doccount>> ranked(totals.begin(), totals.end());
      std::stable_sort(ranked.begin(), ranked.end(),
                       [](const auto& x, const auto& y) { return x.second > y.second; });
      if (o_.facet_limit && ranked.size() > o_.facet_limit) ranked.resize(o_.facet_limit);
      groups.clear();
      for (const auto& r : ranked) groups.push_back(r.first);
    }
    const HistogramSpy* all = o_.normalize ? &all_articles() : nullptr;
    auto find = [](const std::map<std::string, Xapian::doccount>& m,
                   const std::string& key) -> Xapian::doccount {
      auto it = m.find(key);
      return it == m.end() ? 0 : it->second;
    };
    auto in_period = [&](const HistogramSpy& s, const std::string& p,
                         const std::string& group) -> Xapian::doccount {
      auto it = s.counts().find(p);
      return it == s.counts().end() ? 0 : find(it->second, group);
    };
    auto row = [&](std::string label, const std::string& group, Xapian::doccount n,
                   std::optional<Xapian::doccount> d) {
      HistogramRow r{std::move(label), std::nullopt, n, d};
      if (o_.by) r.group = spy.names().display(group);
      return r;
    };
    if (!first.empty() && !last.empty() && first <= last) {
      for (std::string p = first; p <= last; p = next_period_key(p, period)) {
        for (const std::string& group : groups) {
          std::optional<Xapian::doccount> d;
          if (all) d = in_period(*all, p, group);
          h.rows.push_back(row(period_label(p, period), group, in_period(spy, p, group), d));
        }
      }
    }
    h.undated_total = spy.undated();
    if (h.undated_total) {
      // A value whose matches are all undated has its undated row too (the --facet-limit most
      // frequent of those).
      if (o_.by) {
        std::vector<std::pair<std::string, Xapian::doccount>> more;
        for (const auto& [key, n] : spy.undated_groups()) {
          if (!totals.count(key)) more.emplace_back(key, n);
        }
        std::stable_sort(more.begin(), more.end(),
                         [](const auto& x, const auto& y) { return x.second > y.second; });
        if (o_.facet_limit && more.size() > o_.facet_limit) more.resize(o_.facet_limit);
        for (const auto& m : more) groups.push_back(m.first);
      }
      for (const std::string& group : groups) {
        const Xapian::doccount n = o_.by ? find(spy.undated_groups(), group) : spy.undated();
        std::optional<Xapian::doccount> d;
        if (all) d = o_.by ? find(all->undated_groups(), group) : all->undated();
        h.undated.push_back(row("undated", group, n, d));
      }
    }
    return h;
  }

  // --plot: drawn before the counts are written, so that a failure leaves standard output empty.
  void plot(const Answer& a) {
    if (a.histogram->rows.empty()) {
      err_ << "morgue-search: no plot: no dated matches to draw\n";
      return;
    }
    draw_plot(*a.histogram, PlotLabels{o_.query, *o_.histogram, o_.by, o_.normalize}, *o_.plot,
              o_.gnuplot);
  }

  // --- batch ---------------------------------------------------------------------------------

  int run_batch(std::istream& stdin_stream) {
    std::ifstream file;
    std::istream* in = &stdin_stream;
    const std::string where = *o_.batch == "-" ? "standard input" : *o_.batch;
    if (*o_.batch != "-") {
      std::error_code ec;
      if (std::filesystem::is_directory(*o_.batch, ec))
        throw Error("--batch " + where + " is a folder, not a file of queries");
      file.open(*o_.batch, std::ios::binary);
      if (!file) throw Error("cannot read the batch file " + where);
      in = &file;
    }
    const std::size_t limit = o_.limit_given && !o_.count ? o_.limit : 0;
    std::string line;
    std::size_t number = 0;
    bool failed = false, any_hits = false;
    while (output_.ok() && read_line(*in, &line, where, number + 1)) {
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
        a = answer(name, text, parse_retrying(text), o_.offset, limit);
        a.suggestion = suggestion(text);
      } catch (const QueryError& e) {
        err_ << "morgue-search: error: " << where << ":" << number << ": " << e.what() << '\n';
        failed = true;
        a.name = name;
        a.query = text;
        a.error = e.what();
      }
      if (o_.timings && !a.error)
        a.elapsed_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
      any_hits = any_hits || a.total;
      output_.batch_answer(a);
      if (a.suggestion && !output_.carries_suggestion(true))
        err_ << "morgue-search: " << where << ":" << number
             << ": did you mean: " << terminal_safe(*a.suggestion) << '\n';
    }
    output_.batch_end(manifest());
    if (failed) return kSearchError;
    return any_hits ? kSearchHits : kSearchNoHits;
  }

  // One line of a batch, at most kMaxBatchLineBytes; false at the end. A longer line, or a NUL
  // byte, means the file holds no queries (a binary file, /dev/zero): the run stops there.
  static bool read_line(std::istream& in, std::string* line, const std::string& where,
                        std::size_t number) {
    line->clear();
    int c;
    while ((c = in.get()) != EOF) {
      if (c == '\n') return true;
      if (c == '\0')
        throw Error(where + ":" + std::to_string(number) + ": a NUL byte: not a file of queries");
      if (line->size() == kMaxBatchLineBytes)
        throw Error(where + ":" + std::to_string(number) + ": a line longer than " +
                    std::to_string(kMaxBatchLineBytes) + " bytes: not a file of queries");
      *line += static_cast<char>(c);
    }
    return !line->empty();
  }

  // --- every match: export and keywords in context --------------------------------------------

  class EachMatch : public Xapian::MatchSpy {
   public:
    explicit EachMatch(std::function<void(const Xapian::Document&)> f) : f_(std::move(f)) {}
    void operator()(const Xapian::Document& doc, double) override { f_(doc); }

   private:
    std::function<void(const Xapian::Document&)> f_;
  };

  // Xapian's remote servers (xapian-tcpsrv) only know Xapian's own match spies.
  static bool spies_unknown_remotely(const Xapian::InvalidArgumentError& e) {
    return e.get_msg().find("not registered") != std::string::npos;
  }

  // Shows every match of `query` to `spies`, in one matcher pass where the database allows
  // (local shards); with remote shards, facets and histograms from counts the servers make
  // (count_on_servers), other spies by reading the matching documents in batches.
  // Returns the number of matches.
  Xapian::doccount feed_each_match(const Xapian::Query& query,
                                   const std::vector<Xapian::MatchSpy*>& spies) {
    return feed_each_match(db_, query, spies);
  }

  Xapian::doccount feed_each_match(const Xapian::Database& db, const Xapian::Query& query,
                                   const std::vector<Xapian::MatchSpy*>& spies) {
    if (!all_local_) {
      if (std::optional<Xapian::doccount> total = count_on_servers(db, query, spies)) return *total;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (spies_work_) {
      for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
      try {
        return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
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
      Xapian::MSet batch = enquire.get_mset(first, kBatch, db.get_doccount());
      total = batch.get_matches_estimated();
      for (auto it = batch.begin(); it != batch.end(); ++it) {
        Xapian::Document doc = it.get_document();
        for (Xapian::MatchSpy* spy : spies) (*spy)(doc, 0);
      }
      if (batch.size() < kBatch) break;
    }
    return total;
  }

  // Shows every match of `query` to `spies` as feed_each_match does, in one pass per local shard,
  // where a spy sees the shard's own docids (which its facet columns are indexed by): `before(i)`
  // readies the spies for shard i. Returns the number of matches.
  Xapian::doccount feed_each_shard(const Xapian::Query& query,
                                   const std::vector<Xapian::MatchSpy*>& spies,
                                   const std::function<void(std::size_t)>& before) {
    Xapian::doccount total = 0;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
      before(i);
      total += feed_each_match(shards_[i].db, query, spies);
    }
    return total;
  }

  // Calls `f` with the data and the record (without text) of each matching article, once each,
  // in index order (a stub's: its docid order, as one database built in that order lists them)
  // or, with an explicit --sort, in that order. An indexer may commit meanwhile: the run then
  // reopens the database and goes on with the articles it has not shown yet.
  using EachArticle = std::function<void(const std::string& data, const nlohmann::json& record)>;
  Xapian::doccount each_match(const Xapian::Query& query, bool sorted, const EachArticle& f) {
    // Articles shown, by a hash of their id (8 bytes and a set's overhead per match), and by
    // docid: a retry skips those without reading them again. Over one database a spy shows them
    // in docid order; over several, a spy would show one shard's after another's, with the
    // shard's own docids (so would Document::get_docid of the whole's document), so the whole's
    // docids are listed first.
    std::unordered_set<std::uint64_t> ids;
    std::unordered_set<Xapian::docid> docids;
    std::size_t shown = 0;
    // The groups, which the record does not hold, read only for the columns that show them.
    std::vector<std::pair<Xapian::valueno, const char*>> groups;
    for (const char* column : {kCopyColumn, kStoryColumn}) {
      if (std::find(o_.fields.begin(), o_.fields.end(), column) != o_.fields.end())
        groups.emplace_back(unit_slot(unit_of_field(column)), column);
    }
    auto once = [&](const Xapian::Document& doc, Xapian::docid did) {
      if (!output_.ok() || docids.count(did)) return;
      const std::string data = doc.get_data();
      nlohmann::json record = read_record(data, false);
      parser_.codebook().apply_to_record(&record, parser_.places());
      const std::string id = record.value(kRecordId, "");
      for (const auto& [slot, column] : groups) {
        if (std::string group = doc.get_value(slot); !group.empty())
          record[column] = std::move(group);
      }
      docids.insert(did);
      if (!ids.insert(XXH3_64bits(id.data(), id.size())).second) return;
      f(data, record);
      ++shown;
    };
    // Give up only when commits keep coming faster than one article can be read.
    for (std::size_t stalled = 0, before = 0;; before = shown) {
      try {
        if (!sorted && db_.size() == 1) {
          EachMatch spy([&](const Xapian::Document& doc) { once(doc, doc.get_docid()); });
          return feed_each_match(query, {&spy});
        }
        const std::vector<Xapian::docid> order = ranked(query, sorted);
        for (Xapian::docid did : order) {
          if (!output_.ok()) break;
          if (!docids.count(did)) once(db_.get_document(did), did);
        }
        return static_cast<Xapian::doccount>(order.size());
      } catch (const Xapian::DatabaseError& e) {
        if (!retry_after(e)) throw;
        stalled = shown == before ? stalled + 1 : 0;
        if (stalled == 20) throw;
        reopen();
      }
    }
  }

  // Every match's docid in the order of --sort, or in docid order when not `sorted`: 4 bytes per
  // match (and the ranking's own memory).
  std::vector<Xapian::docid> ranked(const Xapian::Query& query, bool sorted) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    if (sorted) {
      set_sort(&enquire);
      enquire.set_weighting_scheme(Xapian::BM25Weight(o_.bm25_k1, 0, 1, o_.bm25_b, 0.5));
    } else {
      enquire.set_weighting_scheme(Xapian::BoolWeight());  // equal weights: docid order
    }
    const Xapian::MSet all = enquire.get_mset(0, db_.get_doccount(), db_.get_doccount());
    std::vector<Xapian::docid> out;
    out.reserve(all.size());
    for (auto it = all.begin(); it != all.end(); ++it) out.push_back(*it);
    return out;
  }

  int export_matches(const ParsedQuery& parsed) {
    std::vector<std::string> columns = o_.fields;
    if (columns.empty())
      columns = {kRecordId,     kRecordDate,   kRecordOutlet,        kRecordTitle,  kRecordUrl,
                 kRecordPeople, kRecordPlaces, kRecordOrganizations, kRecordAuthors};
    const auto& known = record_keys();
    for (const std::string& c : columns) {
      if (std::find(known.begin(), known.end(), c) == known.end() && c != kCopyColumn &&
          c != kStoryColumn && !db_.term_exists(kExtraFieldPrefix + c)) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        list += std::string(", ") + kCopyColumn + ", " + kStoryColumn;
        throw Error("--fields: no article has a field '" + c + "' (fields: " + list +
                    ", or a field of the source)");
      }
    }
    const bool with_text = std::find(columns.begin(), columns.end(), kRecordText) != columns.end();
    output_.export_begin(columns);
    const Xapian::doccount total = each_match(
        parsed.query, o_.sort_given, [&](const std::string& data, const nlohmann::json& record) {
          if (!with_text) return output_.export_row(record);
          nlohmann::json r = record;
          if (const std::string_view text = stored_text(data); !text.empty())
            r[kRecordText] = std::string(text);
          output_.export_row(r);
        });
    return total ? kSearchHits : kSearchNoHits;
  }

  int kwic(const ParsedQuery& parsed) {
    KwicMatcher matcher(parsed.patterns, stemmer_);
    if (matcher.empty())
      throw Error(
          "--kwic shows the query's words in context, and this query has none (only filters)");
    const std::size_t width = *o_.kwic;
    output_.kwic_begin();
    const Xapian::doccount total = each_match(
        parsed.query, o_.sort_given, [&](const std::string& data, const nlohmann::json& record) {
          const std::string_view text = stored_text(data);
          if (text.empty()) return;
          const std::string id = record.value(kRecordId, "");
          for (const KwicLine& k : matcher.lines(text, width, record.value(kRecordLang, ""))) {
            if (!output_.ok()) return;
            output_.kwic_line(id, k);
          }
        });
    return total ? kSearchHits : kSearchNoHits;
  }

  // --like ID: the articles most like article ID, by the kLikeTerms words that tell it best from
  // the others (Xapian's expand set of it as the one relevant article), within QUERY if given;
  // never ID itself.
  ParsedQuery like(const std::string& id) {
    const std::string term = id_term(id);
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) throw Error("--like: no article has the id '" + id + "'");
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(term));
    Xapian::RSet relevant;
    relevant.add_document(*it);
    struct Words : Xapian::ExpandDecider {  // words, not field terms, stop words or figures
      bool operator()(const std::string& t) const override {
        if (t.size() < 3 || english_stopper()(t)) return false;
        return std::all_of(t.begin(), t.end(), [](char c) {
          return !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != ':';
        });
      }
    } words;
    const Xapian::ESet eset = enquire.get_eset(kLikeTerms, relevant, &words);
    std::vector<Xapian::Query> subs;
    for (auto e = eset.begin(); e != eset.end(); ++e) subs.emplace_back(*e);
    if (subs.empty()) throw Error("--like: article '" + id + "' has no words to find others by");
    ParsedQuery out;
    out.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                              Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end()),
                              Xapian::Query(term));
    if (!o_.query.empty()) {
      ParsedQuery within = parser_.parse(o_.query);
      out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, within.query);
      out.patterns = std::move(within.patterns);
    }
    return out;
  }

  // --coverage: the stories of the matches, most matching articles first, each with every one of
  // its articles by date.
  int coverage(const ParsedQuery& parsed) {
    const Coverage c = retrying([&] {  // read again whole if an indexer commits meanwhile
      std::map<std::string, Xapian::doccount> matching;
      EachMatch spy([&](const Xapian::Document& doc) {
        if (std::string story = doc.get_value(kStorySlot); !story.empty()) ++matching[story];
      });
      feed_each_match(parsed.query, {&spy});
      std::vector<std::pair<Xapian::doccount, std::string>> order;
      for (auto& [story, n] : matching) order.emplace_back(n, story);
      std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      Coverage out;
      out.total = static_cast<Xapian::doccount>(order.size());
      out.offset = o_.offset;
      for (std::size_t i = o_.offset; i < order.size() && i < o_.offset + o_.limit; ++i)
        out.stories.push_back(story_coverage(order[i].second, order[i].first));
      return out;
    });
    output_.coverage(c, manifest());
    return c.total ? kSearchHits : kSearchNoHits;
  }

  StoryCoverage story_coverage(const std::string& story, Xapian::doccount matching) {
    StoryCoverage s;
    s.story = story;
    s.matching = matching;
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kStorySlot, story, story));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet all = enquire.get_mset(0, db_.get_doccount(), db_.get_doccount());
    for (auto it = all.begin(); it != all.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      nlohmann::json r = read_record(doc.get_data(), false);
      parser_.codebook().apply_to_record(&r, parser_.places());
      CoverageArticle a;
      a.id = r.value(kRecordId, "");
      a.date = r.value(kRecordDate, "");
      a.outlet = r.value(kRecordOutlet, "");
      a.title = r.value(kRecordTitle, "");
      a.copy = doc.get_value(kCopySlot);
      s.articles.push_back(std::move(a));
    }
    // By date (the undated last), then id; the first of a copy group in that order ran its own
    // text, the others copies of it.
    std::sort(s.articles.begin(), s.articles.end(), [](const auto& a, const auto& b) {
      if (a.date.empty() != b.date.empty()) return b.date.empty();
      return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    std::set<std::string> copies, outlets;
    std::map<std::string, std::size_t> titles;
    for (CoverageArticle& a : s.articles) {
      a.copied = !copies.insert(a.copy).second;
      s.copies += a.copied;
      if (!a.outlet.empty()) outlets.insert(a.outlet);
      if (!a.title.empty()) ++titles[a.title];
      if (!a.date.empty()) {
        if (s.first_seen.empty()) s.first_seen = a.date;
        s.last_seen = a.date;
      }
    }
    s.outlets = outlets.size();
    std::size_t most = 0;
    for (const CoverageArticle& a : s.articles) {  // in date order: the earliest of equals
      if (!a.title.empty() && titles[a.title] > most) most = titles[a.title], s.label = a.title;
    }
    return s;
  }

  const SearchOptions& o_;
  std::ostream& err_;
  Output output_;
  std::vector<OpenedShard> shards_;  // db_'s own, each on its own (open_for_reading)
  Xapian::Database db_;
  bool all_local_;                      // no shard is remote (spies and columns are read here)
  mutable bool codebook_read_ = false;  // manifest(): the codebook's hash and file, read once
  mutable std::string codebook_sha256_, codebook_file_;
  QueryBuilder parser_;
  Xapian::Stem stemmer_;
  std::unique_ptr<HistogramSpy> all_;
  // The groups of more than one article of each unit (units.h), read once.
  std::map<Unit, std::unordered_set<std::string>> shared_groups_;
  const std::unordered_set<std::string>& shared(Unit unit) {
    auto it = shared_groups_.find(unit);
    if (it == shared_groups_.end())
      it = shared_groups_.emplace(unit, shared_groups(db_, unit_slot(unit))).first;
    return it->second;
  }
  // By slot: the unit counters' counts by column index, all zero between queries (units.h).
  std::map<Xapian::valueno, std::vector<Xapian::doccount>> unit_scratch_;
  bool group_counts_read_ = false;  // group_counts_from_ read (once per revision)
  std::optional<Xapian::doccount> group_counts_from_;
  bool spies_work_ = true;  // false once a remote shard has refused morgue's spies
  struct Column {
    int asked = 0;
    std::vector<FacetColumn> shards;  // by shard of shards_, all local (none until read)
  };
  std::map<Xapian::valueno, Column> columns_;
};

void validate(const SearchOptions& o) {
  // (The names of --facets and --by are checked once the database is open: it may declare them.)
  if (o.by && !o.histogram) throw Error("--by needs --histogram");
  if (o.by && *o.by == "date") throw Error("--by date: the histogram is already by date");
  if (o.normalize && !o.histogram) throw Error("--normalize needs --histogram");
  if (o.plot && !o.histogram) throw Error("--plot needs --histogram");
  if (o.plot && o.batch)
    throw Error("--plot draws one query's histogram: run one morgue-search --plot per query");
  if (o.plot && (o.export_all || o.kwic))
    throw Error("--plot draws the histogram: not with --export or --kwic");
  if (o.plot && !plot_format_for(*o.plot))
    throw Error("--plot " + *o.plot + ": the file name must end in .svg or .png");
  if ((o.from || o.to) && !o.histogram) throw Error("--from and --to need --histogram");
  if (o.from && o.to && sort_key(*o.from) > sort_key_end(*o.to))
    throw Error("--from is after --to");
  int modes = (o.export_all ? 1 : 0) + (o.kwic ? 1 : 0) + (o.batch ? 1 : 0) + (o.coverage ? 1 : 0);
  if (modes > 1) throw Error("--export, --kwic, --coverage and --batch cannot be combined");
  if (o.coverage && (o.count || !o.facets.empty() || o.histogram || o.unit != Unit::kArticles ||
                     o.collapse != Unit::kArticles))
    throw Error(
        "--coverage lists stories and their articles: not with --count, --facets, "
        "--histogram, --unit or --collapse");
  if (o.export_all && o.format == OutputFormat::kText)
    throw Error("--export writes csv, tsv or jsonl: give --format");
  if (!o.fields.empty() && !o.export_all) throw Error("--fields needs --export");
  if (o.timings && !o.batch) throw Error("--timings needs --batch");
  if (o.like && (o.batch || o.interactive))
    throw Error("--like finds one article's likes: not with --batch or --interactive");
  if (o.batch && !o.query.empty())
    throw Error("--batch reads its queries from the file: give no QUERY");
  if (o.interactive) {
    if (modes || o.count || o.histogram)
      throw Error(
          "--interactive cannot be combined with --batch, --export, --kwic, --coverage, --count "
          "or --histogram");
    if (o.format != OutputFormat::kText) throw Error("--interactive shows text: give no --format");
    return;  // a QUERY is optional: the session asks for queries
  }
  if (!o.batch && !o.like && o.query.empty())
    throw Error("no QUERY given (use * to match every article)");
}

SearchSession::SearchSession(const SearchOptions& options, std::ostream& out, std::ostream& err)
    : searcher_(std::make_unique<Searcher>(options, out, err)) {}

SearchSession::~SearchSession() = default;

Answer SearchSession::answer(const std::string& query, std::size_t offset, std::size_t limit) {
  return searcher_->answer(query, query, searcher_->parse_retrying(query), offset, limit);
}

std::string SearchSession::reading(const std::string& query) const {
  return searcher_->reading(query);
}

std::optional<nlohmann::json> SearchSession::article(const std::string& id) {
  return searcher_->article(id);
}

namespace {

// --list-fields: what a query can name in this database, and how many articles have each field
// (counted where the database keeps the number: the value slots, the source's field names).
int list_fields(const SearchOptions& o, std::ostream& out) {
  const Xapian::Database db =
      with_declared_fields(open_for_reading(o.db, OpenOptions{o.allow_remote_programs}));
  std::vector<Output::FieldRow> rows;
  for (const Field& f : fields()) {
    Output::FieldRow r{std::string(f.name), "", f.declared, std::nullopt};
    switch (f.kind) {
      case FieldKind::kText:
        r.kind = "text";
        if (f.declared) r.articles = db.get_termfreq(kExtraFieldPrefix + r.name);
        break;
      case FieldKind::kName:
        r.kind = f.declared ? "keyword" : "name";
        r.articles = db.get_value_freq(*f.slot);
        break;
      case FieldKind::kExact:
        r.kind = "exact";
        if (f.name == "id") r.articles = db.get_doccount();
        if (f.slot) r.articles = db.get_value_freq(*f.slot);
        break;
      case FieldKind::kDate:
        r.kind = "date";
        r.articles = db.get_value_freq(*f.slot);
        break;
    }
    rows.push_back(std::move(r));
  }
  Output(o, out).fields(rows);
  return kSearchHits;
}

}  // namespace

int run_search(const SearchOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  if (options.list_fields) return list_fields(options, out);
  if (options.names) {
    list_names(with_declared_fields(
                   open_for_reading(options.db, OpenOptions{options.allow_remote_programs})),
               options, out);
    return kSearchHits;
  }
  validate(options);
  if (options.interactive) return run_interactive(options, in, out, err);
  Searcher searcher(options, out, err);
  return searcher.run(in);
}

}  // namespace morgue
