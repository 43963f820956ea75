// A fixed set of words that answers most questions without hashing. The rules ask their small
// word lists ("of", "chairman", "stadium", ...) about nearly every token of every article, and
// nearly every token is in none of them: the set keeps a bit for each of its words' shapes (first
// byte, last byte and length), and looks up only a word whose shape some member has.
#pragma once

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>

namespace morgue {

class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    for (const std::string_view w : words) insert(w);
  }
  template <typename Iterator>
  WordSet(Iterator first, Iterator last) {
    for (; first != last; ++first) insert(*first);
  }
  // (the set holds views of its own words: moved, never copied)
  WordSet(const WordSet&) = delete;
  WordSet& operator=(const WordSet&) = delete;
  WordSet(WordSet&&) = default;
  WordSet& operator=(WordSet&&) = default;

  bool contains(std::string_view word) const { return shapes_[shape(word)] && holds(word); }
  std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }
  std::size_t size() const { return words_.size(); }

 private:
  static constexpr int kShapeBits = 12;
  // The word's shape, hashed to kShapeBits bits (Fibonacci hashing of first byte, last byte and
  // length, which differ between most words of text and a list's words).
  static std::size_t shape(std::string_view w) {
    if (w.empty()) return 0;
    const std::uint32_t key = std::uint32_t{static_cast<unsigned char>(w.front())} << 16 |
                              std::uint32_t{static_cast<unsigned char>(w.back())} << 8 |
                              static_cast<std::uint32_t>(std::min<std::size_t>(w.size(), 255));
    return (key * 0x9E3779B1u) >> (32 - kShapeBits);
  }
  [[gnu::noinline]] bool holds(std::string_view w) const { return words_.contains(w); }
  void insert(std::string_view w) {
    if (words_.contains(w)) return;
    words_.insert(storage_.emplace_back(w));
    shapes_.set(shape(w));
  }

  std::deque<std::string> storage_;  // (the words, where they never move)
  absl::flat_hash_set<std::string_view> words_;
  std::bitset<std::size_t{1} << kShapeBits> shapes_;
};

}  // namespace morgue
