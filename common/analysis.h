// Text analysis settings that indexer and searcher must share, or queries stop matching documents.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "common/language.h"
#include "common/schema.h"

namespace morgue {

// The Snowball stemmer of a language (language.h: English for "", none for a language Snowball
// does not have).
inline Xapian::Stem make_stemmer(std::string_view lang = "") {
  return Xapian::Stem(stemmer_name(lang));
}

// The same Snowball stemmer, remembering its most recent answers (news repeats its words): a
// fixed table of kSlots short words, one per slot by hash, small enough for the processor's cache,
// where a map of every word cost more than stemming (figures: docs/performance.md). The stems are
// the stemmer's (unit.document checks). Not thread-safe: one per thread.
class StemCache : public Xapian::StemImplementation {
 public:
  static constexpr std::size_t kSlots = 8192;  // a power of two
  static constexpr std::size_t kMaxWordBytes = 22,
                               kMaxStemBytes = 24;  // longer: stemmed every time

  explicit StemCache(std::string_view lang = "") : stem_(make_stemmer(lang)), slots_(kSlots) {}
  std::string operator()(const std::string& word) override;
  std::string get_description() const override {
    return "morgue.StemCache(" + stem_.get_description() + ")";
  }

 private:
  struct Slot {
    unsigned char word_bytes = 0, stem_bytes = 0;  // 0: empty
    char word[kMaxWordBytes];
    char stem[kMaxStemBytes];
  };
  Xapian::Stem stem_;
  std::vector<Slot> slots_;
};

// A stemmer for the indexer: make_stemmer(lang)'s, through a StemCache of its own.
inline Xapian::Stem make_indexing_stemmer(std::string_view lang = "") {
  return Xapian::Stem(new StemCache(lang));
}

// One stemmer per language, each made on its first use: `english` for English and for an
// article whose language is not known (""), make(lang) for the others. The indexer's builder
// makes them through a StemCache, the searcher's context matcher plainly.
class LanguageStemmers {
 public:
  LanguageStemmers(Xapian::Stem english, bool cached) : english_(english), cached_(cached) {}
  const Xapian::Stem& operator()(const std::string& lang) {
    if (lang.empty() || lang == kDefaultLanguage) return english_;
    auto it = others_.find(lang);
    if (it == others_.end())
      it = others_.emplace(lang, cached_ ? make_indexing_stemmer(lang) : make_stemmer(lang)).first;
    return it->second;
  }

 private:
  Xapian::Stem english_;
  bool cached_;
  std::map<std::string, Xapian::Stem> others_;
};

// English function words, dropped from search-box (--any) queries: in a natural-language question
// they only add noise to the ranking. Phrases keep them.
const Xapian::Stopper& english_stopper();
// The function words of another language, as the Snowball project lists them (Debian's
// liblingua-stopwords-perl: Danish, Dutch, Finnish, French, German, Hungarian, Indonesian,
// Italian, Norwegian, Portuguese, Romanian, Russian, Spanish, Swedish), each also without its
// diacritics (fold: queries are folded before the look-up); nullptr for English (whose list is
// english_stopper's) and for a language without a list.
const Xapian::Stopper* stopper_for(std::string_view lang);

// BM25 as Lucene sets it (k1 1.2, b 0.75); measured on CISI, MED and CACM by
// scripts/eval-ranking (docs/ranking.md).
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

// Words are indexed as their stems, with positions (phrases match stems: "interest rates" finds
// "interest rate"), and as written without positions (=word; schema.h), rather than STEM_SOME's
// stems beside unprefixed words (docs/performance.md). Unprefixed stems, not STEM_ALL_Z: Xapian
// 1.4 expands wildcards over unprefixed terms only, and Xapian's snippets look for Z stems, so
// snippets are morgue's own (searcher/kwic.cc).
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemming =
    Xapian::TermGenerator::STEM_ALL;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemming = Xapian::QueryParser::STEM_ALL;

}  // namespace morgue
