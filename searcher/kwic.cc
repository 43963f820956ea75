// Finding query words in article text for --kwic.
#include "searcher/kwic.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/analysis.h"
#include "common/ascii.h"
#include "common/schema.h"
#include "common/text.h"

namespace morgue {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// A byte that can be part of a word: ASCII letters and digits, and non-ASCII characters other
// than the General Punctuation block (U+2000-U+206F: typographic quotes, dashes).
std::size_t word_char_length(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return ascii::is_alnum(c) ? 1 : 0;
  std::size_t n = 1;
  while (i + n < s.size() && continuation(static_cast<unsigned char>(s[i + n]))) ++n;
  if (c == 0xE2 && n == 3 &&
      (static_cast<unsigned char>(s[i + 1]) == 0x80 ||
       static_cast<unsigned char>(s[i + 1]) == 0x81))
    return 0;
  if (c == 0xC2) return 0;  // Latin-1 punctuation: « » ° ...
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

KwicMatcher::KwicMatcher(std::vector<ContextPattern> patterns, const Xapian::Stem& stemmer,
                         const Xapian::Database* db, const Xapian::MSet* mset)
    : stemmers_(stemmer, false) {
  const double n = db ? db->get_doccount() : 0;
  auto idf = [&](const std::string& term) {
    if (!db || n <= 0) return 1.0;
    const Xapian::doccount df = mset ? mset->get_termfreq(term) : db->get_termfreq(term);
    return std::max(std::log((n + 1) / (df + 0.5)), 0.05);
  };
  for (ContextPattern& p : patterns) {
    if (p.empty() || std::find(patterns_.begin(), patterns_.end(), p) != patterns_.end()) continue;
    double weight = 0;
    for (const ContextWord& w : p) {
      if (w.text.empty()) continue;
      switch (w.kind) {
        case ContextWord::Kind::kStem:
          weight += idf(w.text);
          if (static_cast<unsigned char>(w.text[0]) >= 0x80)
            any_initial_ = true;
          else if (initials_.find(w.text[0]) == std::string::npos)
            initials_ += w.text[0];
          break;
        case ContextWord::Kind::kForm:
          weight += idf(std::string(kExactFormPrefix) + w.text);
          any_initial_ = true;
          break;
        case ContextWord::Kind::kPrefix:
          weight += 1;
          any_initial_ = true;
          break;
      }
    }
    patterns_.push_back(std::move(p));
    weights_.push_back(weight);
  }
}

// Calls on_match(begin, end, pattern) for each run of words of `text` that a pattern matches.
// Words are compared as the indexer made its terms: lower case, then stemmed. Only words that
// begin as a query stem does are stemmed: a stem keeps the first letter of its word.
template <class OnMatch>
void KwicMatcher::each_match(std::string_view text, const std::string& lang,
                             OnMatch on_match) const {
  const Xapian::Stem& stemmer = stemmers_(lang);
  struct Word {
    std::size_t begin, end;
    std::string lower, stem;
    bool stemmed = false;
  };
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = word_char_length(text, i);
    if (!n) {
      ++i;
      while (i < text.size() && continuation(static_cast<unsigned char>(text[i]))) ++i;
      continue;
    }
    const std::size_t start = i;
    // Chinese, Japanese and Korean characters are words one by one, as the index's n-grams
    // hold them with positions (a query word of several is a phrase of them: add_patterns).
    const auto cjk = [&](std::size_t at, std::size_t bytes) {
      return bytes >= 3 && is_cjk(code_point(text, at, bytes));
    };
    if (cjk(i, n)) {
      i += n;
      words.push_back({start, i, std::string(text.substr(start, n)), "", false});
      continue;
    }
    // Thai and Lao: the words ICU's dictionary finds in the run, as the indexer breaks it.
    if (dictionary_char_at(text, i)) {
      while (i < text.size() && dictionary_char_at(text, i)) i += 3;
      std::size_t from = start;
      for (std::size_t end : dictionary_word_ends(text.substr(start, i - start))) {
        words.push_back(
            {from, start + end, std::string(text.substr(from, start + end - from)), "", false});
        from = start + end;
      }
      continue;
    }
    for (;;) {
      while (i < text.size() && (n = word_char_length(text, i)) && !cjk(i, n)) i += n;
      // An apostrophe between letters stays in the word, as in the index ("don't").
      if (i + 1 < text.size() && text[i] == '\'' && word_char_length(text, i + 1)) {
        ++i;
        continue;
      }
      break;
    }
    words.push_back({start, i, Xapian::Unicode::tolower(std::string(text.substr(start, i - start))),
                     "", false});
  }
  auto matches = [&](Word& w, const ContextWord& c) {
    switch (c.kind) {
      case ContextWord::Kind::kForm:
        return w.lower == c.text;
      case ContextWord::Kind::kPrefix:
        return w.lower.compare(0, c.text.size(), c.text) == 0;
      case ContextWord::Kind::kStem:
        break;
    }
    if (w.lower == c.text) return true;
    const auto first = static_cast<unsigned char>(w.lower[0]);
    if (first < 0x80 && !any_initial_ &&
        initials_.find(static_cast<char>(first)) == std::string::npos)
      return false;
    if (!w.stemmed) {
      w.stem = stemmer(w.lower);
      w.stemmed = true;
    }
    return w.stem == c.text;
  };
  for (std::size_t at = 0; at < words.size(); ++at) {
    for (std::size_t p = 0; p < patterns_.size(); ++p) {
      const ContextPattern& pattern = patterns_[p];
      if (at + pattern.size() > words.size()) continue;
      bool all = true;
      for (std::size_t k = 0; all && k < pattern.size(); ++k)
        all = matches(words[at + k], pattern[k]);
      if (all) on_match(words[at].begin, words[at + pattern.size() - 1].end, p);
    }
  }
}

std::vector<KwicLine> KwicMatcher::lines(std::string_view text, std::size_t width,
                                         const std::string& lang) const {
  std::vector<KwicLine> out;
  each_match(text, lang, [&](std::size_t begin, std::size_t end, std::size_t) {
    // One line for a run that several patterns match (a word's readings in two languages).
    if (!out.empty() && out.back().offset == begin && out.back().match.size() == end - begin)
      return;
    out.push_back({begin, left_of(text, begin, width), std::string(text.substr(begin, end - begin)),
                   right_of(text, end, width)});
  });
  return out;
}

std::string KwicMatcher::snippet(std::string_view text, std::size_t length, const std::string& open,
                                 const std::string& close, const std::string& omit,
                                 const std::string& lang) const {
  constexpr std::size_t kMaxMatches = 2000;  // enough to choose a window in any article
  std::vector<Match> matches;
  if (!patterns_.empty()) {
    each_match(text, lang, [&](std::size_t begin, std::size_t end, std::size_t pattern) {
      // Overlapping matches (a word of a phrase that is a query word too): the first stays.
      if (!matches.empty() && begin < matches.back().end) return;
      if (matches.size() < kMaxMatches) matches.push_back({begin, end, pattern});
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
      std::map<std::size_t, int> seen;
      double score = 0;
      std::size_t j = i;
      for (; j < matches.size() && matches[j].end - matches[i].begin <= length; ++j) {
        double w = weights_[matches[j].pattern];
        score += seen[matches[j].pattern]++ ? w / 10 : w;
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
  std::size_t n = utf8_characters(s);
  return n >= width ? s : std::string(width - n, ' ') + s;
}

}  // namespace morgue
