// The ids of the articles a query matches in a small test database: for the suites that check
// queries by the sets of articles they select.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

#include "common/document.h"
#include "searcher/query.h"

namespace morgue::testing {

inline std::set<std::string> matching_ids(const Xapian::Database& db, const std::string& query,
                                          bool any = false) {
  QueryBuilder qb(db, QueryOptions{any, {}});
  Xapian::Enquire e(db);
  e.set_query(qb.parse(query).query);
  std::set<std::string> out;
  const Xapian::MSet m = e.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it)
    out.insert(read_record(it.get_document().get_data(), false)["id"].get<std::string>());
  return out;
}

}  // namespace morgue::testing
