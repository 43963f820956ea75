// The search run.
#include "searcher/search.h"

#include <xapian.h>

#include "common/analysis.h"
#include "common/database.h"
#include "common/error.h"
#include "common/query.h"
#include "common/schema.h"
#include "version.h"

namespace morgue {
namespace {

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

nlohmann::ordered_json manifest(const Xapian::Database& db, const Xapian::Query& query, const SearchOptions& o) {
  return {{"morgue_version", kVersion},
          {"schema_version", kSchemaVersion},
          {"xapian_version", Xapian::version_string()},
          {"database_uuid", db.get_uuid()},
          {"database_revision", db.size() == 1 ? nlohmann::ordered_json(db.get_revision()) : nlohmann::ordered_json(nullptr)},
          {"articles", db.get_doccount()},
          {"parsed_query", query.get_description()},
          {"options", {{"any", o.any}, {"sort", sort_name(o.sort)}, {"limit", o.limit}, {"offset", o.offset}}}};
}

int search_once(const Xapian::Database& db, const SearchOptions& o, std::ostream& out) {
  QueryBuilder builder(db, QueryOptions{o.any});
  Xapian::Query query = builder.parse(o.query);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  switch (o.sort) {
    case SortOrder::kDateAscending:
      enquire.set_sort_by_value_then_relevance(kDateSlot, false);
      break;
    case SortOrder::kDateDescending:
      enquire.set_sort_by_value_then_relevance(kDateSlot, true);
      break;
    case SortOrder::kRelevance:
      break;
  }
  // check_at_least = every article: the total is exact, not an estimate.
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(o.offset),
                                       static_cast<Xapian::doccount>(o.limit), db.get_doccount());
  ResultHeader header{o.query, mset.get_matches_estimated(), o.offset, manifest(db, query, o)};
  auto writer = make_result_writer(o.format, out, TextStyle{o.colour});
  writer->begin(header);
  const bool highlight = o.colour && o.format == OutputFormat::kText;
  const Xapian::Stem stemmer = make_stemmer();
  std::size_t rank = o.offset;
  for (auto it = mset.begin(); it != mset.end() && out; ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.record = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (hit.record.is_discarded()) hit.record = nlohmann::json::object();
    auto text = hit.record.find("text");
    if (text != hit.record.end() && text->is_string()) {
      hit.snippet = mset.snippet(text->get<std::string>(), o.snippet_length, stemmer,
                                 Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 highlight ? kHighlightStart : "", highlight ? kHighlightEnd : "", "…");
      for (char& c : hit.snippet) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
    }
    writer->hit(hit);
  }
  writer->end();
  return header.total ? kSearchHits : kSearchNoHits;
}

}  // namespace

int run_search(const SearchOptions& o, std::ostream& out) {
  Xapian::Database db = open_for_reading(o.db, OpenOptions{o.allow_remote_programs});
  // An indexer committing meanwhile can invalidate what this reader holds: reopen and retry.
  for (int attempt = 0;; ++attempt) {
    try {
      return search_once(db, o, out);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 4) throw;
      db.reopen();
    }
  }
}

}  // namespace morgue
