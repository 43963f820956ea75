// Text analysis settings that indexer and searcher must share, or queries stop matching documents.
#pragma once

#include <xapian.h>

#include "common/schema.h"

namespace morgue {

inline Xapian::Stem make_stemmer() { return Xapian::Stem(kStemLanguage); }

// Stems go in Z-prefixed terms next to the unstemmed words, which keep the positions: phrases
// match the words as written, bare words match every form.
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemming = Xapian::TermGenerator::STEM_SOME;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemming = Xapian::QueryParser::STEM_SOME;

}  // namespace morgue
