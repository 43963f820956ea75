// Keywords in context: every occurrence of a query's words in a text, with the characters around
// it, for concordance-style reading (--kwic).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis.h"
#include "searcher/query.h"

namespace morgue {

struct KwicLine {
  std::size_t offset;              // byte offset of the match in the text
  std::string left, match, right;  // contexts of at most `width` characters, line breaks as spaces
};

class KwicMatcher {
 public:
  // Finds the query's words and phrases (ParsedQuery::patterns) in text: a stem matches every
  // word of that stem, as the index holds them (so "visits" shows "visited"), a phrase its words
  // in a row, =word that form, a wildcard every word it starts. With a database, rarer words
  // weigh more in snippets (inverse document frequency), their frequencies read from `mset` when
  // given (the match's own statistics, which cost a remote shard no round trip) and from `db`
  // otherwise. `stemmer` stems text in English and in no known language; a text in another
  // language (`lang`, language.h) is stemmed by its own.
  KwicMatcher(std::vector<ContextPattern> patterns, const Xapian::Stem& stemmer,
              const Xapian::Database* db = nullptr, const Xapian::MSet* mset = nullptr);
  std::vector<KwicLine> lines(std::string_view text, std::size_t width,
                              const std::string& lang = "") const;
  bool empty() const { return patterns_.empty(); }

  // About `length` bytes of `text` that best show why it matched: the window holding the most
  // weight of distinct query words, the matches in it wrapped in `open` and `close`, cut at
  // spaces, `omit` where text was cut. Without a match in the text, its beginning.
  std::string snippet(std::string_view text, std::size_t length, const std::string& open,
                      const std::string& close, const std::string& omit,
                      const std::string& lang = "") const;

 private:
  struct Match {
    std::size_t begin, end;
    std::size_t pattern;
  };
  template <class OnMatch>
  void each_match(std::string_view text, const std::string& lang, OnMatch on_match) const;

  mutable LanguageStemmers stemmers_;
  std::vector<ContextPattern> patterns_;
  std::vector<double> weights_;  // per pattern
  std::string initials_;      // first bytes of the stems: words starting otherwise are not stemmed
  bool any_initial_ = false;  // a pattern (form, prefix, non-ASCII stem) that needs every word
};

// `s` right-aligned in `width` characters (UTF-8 aware).
std::string pad_left(const std::string& s, std::size_t width);

}  // namespace morgue
