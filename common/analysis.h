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

// Every word is indexed as its stem only, with positions; queries, phrases included, are stemmed
// the same way. Against STEM_SOME (stems beside the words as written) this halves the terms an
// article adds, which nearly halves indexing time and shrinks the database by a fifth, with the
// ranking measures unchanged or better (docs/performance.md). What is lost: a phrase or word
// cannot ask for one exact form ("rates" also matches "rate"; "interest rates" also matches
// "interesting rate"). Unprefixed stems, not STEM_ALL_Z: Xapian 1.4 expands wildcards over
// unprefixed terms only. Snippets are ours (searcher/kwic.cc): Xapian's look for Z-prefixed stems.
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemming = Xapian::TermGenerator::STEM_ALL;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemming = Xapian::QueryParser::STEM_ALL;

}  // namespace morgue
