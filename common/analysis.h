// Text analysis settings that indexer and searcher must share, or queries stop matching documents.
#pragma once

#include <xapian.h>

#include "common/schema.h"

namespace morgue {

inline Xapian::Stem make_stemmer() { return Xapian::Stem(kStemLanguage); }

// English function words, dropped from search-box (--any) queries: in a natural-language question
// they only add noise to the ranking. Phrases keep them.
const Xapian::Stopper& english_stopper();

// BM25 as Lucene sets it (k1 1.2, b 0.75); measured on CISI, MED and CACM by
// scripts/eval-ranking (docs/ranking.md).
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

// Stems go in Z-prefixed terms next to the unstemmed words, which keep the positions: phrases
// match the words as written, bare words match every form.
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemming = Xapian::TermGenerator::STEM_SOME;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemming = Xapian::QueryParser::STEM_SOME;

}  // namespace morgue
