// Finding query words in article text for --kwic.
#include "searcher/kwic.h"

#include "common/text.h"

namespace morgue {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// A byte that can be part of a word: ASCII letters and digits, and non-ASCII characters other
// than the General Punctuation block (U+2000-U+206F: typographic quotes, dashes).
std::size_t word_char_length(const std::string& s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return std::isalnum(c) ? 1 : 0;
  std::size_t n = 1;
  while (i + n < s.size() && continuation(static_cast<unsigned char>(s[i + n]))) ++n;
  if (c == 0xE2 && n == 3 && (static_cast<unsigned char>(s[i + 1]) == 0x80 || static_cast<unsigned char>(s[i + 1]) == 0x81))
    return 0;
  if (c == 0xC2) return 0;  // Latin-1 punctuation: « » ° ...
  return n;
}

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += !continuation(c);
  return n;
}

std::string flat(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// At most `width` characters of text before `end`.
std::string left_of(const std::string& text, std::size_t end, std::size_t width) {
  std::size_t start = end, chars = 0;
  while (start > 0 && chars < width) {
    --start;
    if (!continuation(static_cast<unsigned char>(text[start]))) ++chars;
  }
  return flat(text.substr(start, end - start));
}

std::string right_of(const std::string& text, std::size_t begin, std::size_t width) {
  std::size_t end = begin, chars = 0;
  while (end < text.size() && chars < width) {
    ++end;
    while (end < text.size() && continuation(static_cast<unsigned char>(text[end]))) ++end;
    ++chars;
  }
  return flat(text.substr(begin, end - begin));
}

}  // namespace

KwicMatcher::KwicMatcher(const Xapian::Query& query, const Xapian::Stem& stemmer) : stemmer_(stemmer) {
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty()) continue;
    unsigned char first = static_cast<unsigned char>(term[0]);
    if (term[0] == 'Z' && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z')) stems_.insert(term.substr(1));
    else if (!(first >= 'A' && first <= 'Z')) words_.insert(term);
  }
}

std::vector<KwicLine> KwicMatcher::lines(const std::string& text, std::size_t width) const {
  std::vector<KwicLine> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = word_char_length(text, i);
    if (!n) {
      ++i;
      while (i < text.size() && continuation(static_cast<unsigned char>(text[i]))) ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && (n = word_char_length(text, i))) i += n;
    std::string word = fold(text.substr(start, i - start));
    if (words_.count(word) || stems_.count(stemmer_(word)))
      out.push_back({start, left_of(text, start, width), text.substr(start, i - start), right_of(text, i, width)});
  }
  return out;
}

std::string pad_left(const std::string& s, std::size_t width) {
  std::size_t n = utf8_length(s);
  return n >= width ? s : std::string(width - n, ' ') + s;
}

}  // namespace morgue
