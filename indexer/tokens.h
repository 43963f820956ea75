// The words of a text as copies and stories read them (indexer/copies.h, indexer/stories.h):
// runs of letters and digits, ASCII lower-cased, with what was around them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

namespace morgue {

// UTF-8 punctuation that separates words like ASCII punctuation does: the general punctuation
// block (U+2000..U+206F: dashes, curly quotes, ellipsis) and Latin-1's (U+00A0..U+00BF).
inline std::size_t punctuation_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == 0xc2 && i + 1 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d >= 0xa0 && d <= 0xbf) return 2;
  }
  if (c == 0xe2 && i + 2 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0x80 || d == 0x81) return 3;
  }
  return 0;
}

// A word of a text: a run of ASCII letters and digits (lower-cased) and of other characters
// outside ASCII, but for the punctuation above.
struct Token {
  std::string word;
  bool capital = false;  // began with a capital letter
  bool upper = true;     // had no small letter
  bool digit = false;    // held a digit
  bool spaced = true;    // only white space since the word before (or the start)
  bool line = false;     // a line break since the word before
};

// Numbers written as words, which are figures as much as digits are ("seven ships").
inline const std::unordered_set<std::string>& number_words() {
  static const std::unordered_set<std::string> words = {
      "zero",     "one",      "two",     "three",     "four",     "five",     "six",
      "seven",    "eight",    "nine",    "ten",       "eleven",   "twelve",   "thirteen",
      "fourteen", "fifteen",  "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
      "thirty",   "forty",    "fifty",   "sixty",     "seventy",  "eighty",   "ninety",
      "hundred",  "thousand", "million", "billion",   "trillion", "half",     "quarter"};
  return words;
}

// Calls f with each word of `text` in turn; an f that returns a bool stops the walk by returning
// false.
template <typename F>
void each_token(std::string_view text, F f) {
  Token t;
  bool gap_clean = true;  // only white space since the last word
  bool gap_line = false;  // a line break since the last word
  bool go = true;
  auto flush = [&] {
    if (!t.word.empty()) {
      t.spaced = gap_clean;
      t.line = gap_line;
      if constexpr (std::is_same_v<std::invoke_result_t<F&, const Token&>, bool>) {
        go = f(t);
      } else {
        f(t);
      }
      gap_clean = true;
      gap_line = false;
    }
    t.word.clear();  // keeps its buffer
    t.capital = t.digit = false;
    t.upper = true;
  };
  for (std::size_t i = 0; i < text.size() && go;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      if (const std::size_t n = punctuation_length(text, i)) {
        flush();
        gap_clean = false;
        i += n;
        continue;
      }
      t.word += static_cast<char>(c);
    } else if (c >= 'a' && c <= 'z') {
      t.upper = false;
      t.word += static_cast<char>(c);
    } else if (c >= '0' && c <= '9') {
      t.digit = true;
      t.word += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      if (t.word.empty()) t.capital = true;
      t.word += static_cast<char>(c - 'A' + 'a');
    } else {
      flush();
      if (c == '\n') gap_line = true;
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') gap_clean = false;
    }
    ++i;
  }
  flush();
}

}  // namespace morgue
