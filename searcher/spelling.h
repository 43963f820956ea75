// "Did you mean": a query whose words the database does not know, with each such word replaced
// by the spelling data's nearest word (Xapian's spelling suggestion over every shard).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace morgue {

// The query `text` with each of its plain words (query.h: plain_words) that no article holds
// (its stem is no term of `db`) replaced by Xapian's suggestion for it (lower case, within two
// edits), the rest of the text as written; nullopt when no word is unknown or none has a
// suggestion (a database without spelling data has none). `lenient`: the query is read as --any
// reads it. Whether the corrected query finds anything is the caller's to check.
std::optional<std::string> corrected_query(const std::string& text, const Xapian::Database& db,
                                           const Xapian::Stem& stemmer, bool lenient);

}  // namespace morgue
