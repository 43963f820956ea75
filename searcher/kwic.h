// Keywords in context: every occurrence of a query's words in a text, with the characters around
// it, for concordance-style reading (--kwic).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace morgue {

struct KwicLine {
  std::size_t offset;  // byte offset of the match in the text
  std::string left, match, right;  // contexts of at most `width` characters, line breaks as spaces
};

class KwicMatcher {
 public:
  // Matches the query's free-text words: as written, or by their stem (so "visits" shows
  // "visited"). Filters (person:, date:, ...) and title-only words have no place in the body.
  KwicMatcher(const Xapian::Query& query, const Xapian::Stem& stemmer);
  std::vector<KwicLine> lines(const std::string& text, std::size_t width) const;
  bool empty() const { return words_.empty() && stems_.empty(); }

 private:
  Xapian::Stem stemmer_;
  std::set<std::string> words_, stems_;
};

// `s` right-aligned in `width` characters (UTF-8 aware).
std::string pad_left(const std::string& s, std::size_t width);

}  // namespace morgue
