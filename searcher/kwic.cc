// Finding query words in article text for --kwic.
#include "searcher/kwic.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace morgue {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// A byte that can be part of a word: ASCII letters and digits, and non-ASCII characters other
// than the General Punctuation block (U+2000-U+206F: typographic quotes, dashes).
std::size_t word_char_length(std::string_view s, std::size_t i) {
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

std::string flat(std::string_view view) {
  std::string s(view);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// At most `width` characters of text before `end`.
std::string left_of(std::string_view text, std::size_t end, std::size_t width) {
  std::size_t start = end, chars = 0;
  while (start > 0 && chars < width) {
    --start;
    if (!continuation(static_cast<unsigned char>(text[start]))) ++chars;
  }
  return flat(text.substr(start, end - start));
}

std::string right_of(std::string_view text, std::size_t begin, std::size_t width) {
  std::size_t end = begin, chars = 0;
  while (end < text.size() && chars < width) {
    ++end;
    while (end < text.size() && continuation(static_cast<unsigned char>(text[end]))) ++end;
    ++chars;
  }
  return flat(text.substr(begin, end - begin));
}

}  // namespace

KwicMatcher::KwicMatcher(const Xapian::Query& query, const Xapian::Stem& stemmer, const Xapian::Database* db)
    : stemmer_(stemmer) {
  const double n = db ? db->get_doccount() : 0;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty()) continue;
    unsigned char first = static_cast<unsigned char>(term[0]);
    // Free-text terms are stems (STEM_ALL); prefixed terms (fields) are not shown in context.
    if (first >= 'A' && first <= 'Z') continue;
    double weight = 1;
    if (db && n > 0) weight = std::log((n + 1) / (db->get_termfreq(term) + 0.5));
    stems_[term] = std::max(weight, 0.05);
    if (initials_.find(term[0]) == std::string::npos) initials_ += term[0];
  }
}

// Calls on_match(begin, end, stem) for each word of `text` whose stem is a query stem. Only
// words that begin as a query stem does are stemmed: a stem keeps the first letter of its word.
template <class OnMatch>
void KwicMatcher::each_match(std::string_view text, OnMatch on_match) const {
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
    unsigned char c = static_cast<unsigned char>(text[start]);
    if (c < 0x80 && initials_.find(static_cast<char>(std::tolower(c))) == std::string::npos) continue;
    std::string word = fold(text.substr(start, i - start));
    auto hit = stems_.find(word);
    if (hit == stems_.end()) hit = stems_.find(stemmer_(word));
    if (hit != stems_.end()) on_match(start, i, hit->first);
  }
}

std::vector<KwicLine> KwicMatcher::lines(std::string_view text, std::size_t width) const {
  std::vector<KwicLine> out;
  each_match(text, [&](std::size_t begin, std::size_t end, const std::string&) {
    out.push_back({begin, left_of(text, begin, width), std::string(text.substr(begin, end - begin)), right_of(text, end, width)});
  });
  return out;
}

std::string KwicMatcher::snippet(std::string_view text, std::size_t length, const std::string& open,
                                 const std::string& close, const std::string& omit) const {
  constexpr std::size_t kMaxMatches = 2000;  // enough to choose a window in any article
  std::vector<Match> matches;
  if (!stems_.empty()) {
    each_match(text, [&](std::size_t begin, std::size_t end, const std::string& stem) {
      if (matches.size() < kMaxMatches) matches.push_back({begin, end, &stem});
    });
  }
  // The best window: from each match, as many following matches as fit in `length` bytes;
  // distinct stems count their weight, repeats a tenth of it.
  std::size_t from = 0, to = std::min(text.size(), length);
  std::size_t first = to, last = 0;  // the matches shown must stay whole
  if (!matches.empty()) {
    double best = -1;
    std::size_t best_i = 0, best_j = 0;
    for (std::size_t i = 0; i < matches.size(); ++i) {
      std::map<const std::string*, int> seen;
      double score = 0;
      std::size_t j = i;
      for (; j < matches.size() && matches[j].end - matches[i].begin <= length; ++j) {
        double w = stems_.at(*matches[j].stem);
        score += seen[matches[j].stem]++ ? w / 10 : w;
      }
      if (j == i) j = i + 1;  // one word longer than the snippet
      if (score > best) best = score, best_i = i, best_j = j - 1;
    }
    first = matches[best_i].begin;
    last = matches[best_j].end;
    std::size_t slack = length > last - first ? length - (last - first) : 0;
    from = first > slack / 2 ? first - slack / 2 : 0;
    to = std::min(text.size(), std::max(from + length, last));
    if (to - from < length) from = std::min(first, to > length ? to - length : 0);
  }
  // Cut at spaces, never inside a word or a character.
  auto space = [&](std::size_t i) { return text[i] == ' ' || text[i] == '\n' || text[i] == '\t'; };
  if (from > 0 && !space(from - 1)) {
    std::size_t s = text.find_first_of(" \n\t", from);
    if (s != std::string::npos && s < first) from = s + 1;
    while (from < text.size() && continuation(static_cast<unsigned char>(text[from]))) ++from;
  }
  if (to < text.size() && !space(to)) {
    std::size_t s = text.find_last_of(" \n\t", to);
    if (s != std::string::npos && s >= last && s > from) to = s;
    while (to > from && continuation(static_cast<unsigned char>(text[to]))) --to;
  }
  std::string out = from > 0 ? omit : "";
  std::size_t at = from;
  for (const Match& m : matches) {
    if (m.begin < from || m.end > to) continue;
    out.append(text, at, m.begin - at);
    out += open;
    out.append(text, m.begin, m.end - m.begin);
    out += close;
    at = m.end;
  }
  out.append(text, at, to - at);
  if (to < text.size()) out += omit;
  return out;
}

std::string pad_left(const std::string& s, std::size_t width) {
  std::size_t n = utf8_length(s);
  return n >= width ? s : std::string(width - n, ' ') + s;
}

}  // namespace morgue
