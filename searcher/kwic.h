// Keywords in context: every occurrence of a query's words in a text, with the characters around
// it, for concordance-style reading (--kwic).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string_view>
#include <string>
#include <vector>

namespace morgue {

struct KwicLine {
  std::size_t offset;  // byte offset of the match in the text
  std::string left, match, right;  // contexts of at most `width` characters, line breaks as spaces
};

class KwicMatcher {
 public:
  // Matches the query's free-text words by their stem, as the index holds them (so "visits"
  // shows "visited"). Filters (person:, date:, ...) and title-only words have no place in the body.
  // With a database, rarer words weigh more in snippets (inverse document frequency).
  KwicMatcher(const Xapian::Query& query, const Xapian::Stem& stemmer, const Xapian::Database* db = nullptr);
  std::vector<KwicLine> lines(std::string_view text, std::size_t width) const;
  bool empty() const { return stems_.empty(); }

  // About `length` bytes of `text` that best show why it matched: the window holding the most
  // weight of distinct query words, the matches in it wrapped in `open` and `close`, cut at
  // spaces, `omit` where text was cut. Without a match in the text, its beginning.
  std::string snippet(std::string_view text, std::size_t length, const std::string& open,
                      const std::string& close, const std::string& omit) const;

 private:
  struct Match {
    std::size_t begin, end;
    const std::string* stem;
  };
  template <class OnMatch>
  void each_match(std::string_view text, OnMatch on_match) const;

  Xapian::Stem stemmer_;
  std::map<std::string, double> stems_;  // stem -> weight
  std::string initials_;                 // first bytes of the stems: words starting otherwise are not stemmed
};

// `s` right-aligned in `width` characters (UTF-8 aware).
std::string pad_left(const std::string& s, std::size_t width);

}  // namespace morgue
