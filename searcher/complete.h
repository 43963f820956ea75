// The values of a field for shell completion (morgue-search --complete-values FIELD PREFIX).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace morgue {

inline constexpr std::size_t kMaxCompletedValues = 100;

// Writes, one a line, up to kMaxCompletedValues whole values of the name or keyword field `field`
// (person, place, a declared keyword field...) of the database `db` that start with `prefix`
// without regard to case or diacritics, most frequent first, each in its most frequent form as a
// query writes it (quoted when it is more than a word: "El Salvador"). Returns how many it wrote.
// Throws Error (no database, no such field, a field without whole values) and Xapian::Error.
std::size_t complete_values(const std::string& db, const std::string& field,
                            const std::string& prefix, std::ostream& out);

// Writes, one a line with its colon ("topics:"), the names of the fields the database `db`
// declares (morgue-index --field, --path-field) that start with `prefix`; for `--complete-values
// : PREFIX`. Returns how many it wrote. Throws as complete_values does.
std::size_t complete_field_names(const std::string& db, const std::string& prefix,
                                 std::ostream& out);

}  // namespace morgue
