// The indexer's stem cache and the stopword list for search-box queries.
#include "common/analysis.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <sstream>

#include "common/text.h"

namespace morgue {

std::string StemCache::operator()(const std::string& word) {
  if (word.empty() || word.size() > kMaxWordBytes) return stem_(word);
  Slot& slot = slots_[XXH3_64bits(word.data(), word.size()) & (kSlots - 1)];
  if (slot.word_bytes == word.size() && std::memcmp(slot.word, word.data(), word.size()) == 0)
    return std::string(slot.stem, slot.stem_bytes);
  std::string stem = stem_(word);
  if (stem.size() <= kMaxStemBytes) {
    slot.word_bytes = static_cast<unsigned char>(word.size());
    std::memcpy(slot.word, word.data(), word.size());
    slot.stem_bytes = static_cast<unsigned char>(stem.size());
    std::memcpy(slot.stem, stem.data(), stem.size());
  }
  return stem;
}

const Xapian::Stopper& english_stopper() {
  static const Xapian::SimpleStopper* stopper = [] {
    static const char* const kWords[] = {
        "a",       "about",  "above",  "after", "again",  "against",  "all",        "also",
        "am",      "an",     "and",    "any",   "are",    "as",       "at",         "be",
        "because", "been",   "before", "being", "below",  "between",  "both",       "but",
        "by",      "can",    "could",  "did",   "do",     "does",     "doing",      "down",
        "during",  "each",   "few",    "for",   "from",   "further",  "had",        "has",
        "have",    "having", "he",     "her",   "here",   "hers",     "herself",    "him",
        "himself", "his",    "how",    "i",     "if",     "in",       "into",       "is",
        "it",      "its",    "itself", "just",  "me",     "more",     "most",       "my",
        "myself",  "no",     "nor",    "not",   "now",    "of",       "off",        "on",
        "once",    "only",   "or",     "other", "our",    "ours",     "ourselves",  "out",
        "over",    "own",    "same",   "she",   "should", "so",       "some",       "such",
        "than",    "that",   "the",    "their", "theirs", "them",     "themselves", "then",
        "there",   "these",  "they",   "this",  "those",  "through",  "to",         "too",
        "under",   "until",  "up",     "very",  "was",    "we",       "were",       "what",
        "when",    "where",  "which",  "while", "who",    "whom",     "why",        "will",
        "with",    "would",  "you",    "your",  "yours",  "yourself", "yourselves"};
    auto* s = new Xapian::SimpleStopper;  // lives as long as the program; Stoppers cannot be copied
    for (const char* w : kWords) s->add(w);
    return s;
  }();
  return *stopper;
}

const Xapian::Stopper* stopper_for(std::string_view lang) {
  struct List {
    const char* code;
    const char* words;
  };
  static const List kLists[] = {
#include "stopwords.inc"
  };
  if (lang == kDefaultLanguage) return nullptr;
  // Each list is made when first asked for: folding a word outside ASCII starts ICU's
  // transliterator, some 10 ms that an English archive's searches need not spend.
  static std::mutex mutex;
  // Never destroyed, like the lists it holds: a stopper given out stays valid to the end.
  static auto* made = new std::map<std::string, Xapian::SimpleStopper*, std::less<>>;
  std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = made->find(lang); it != made->end()) return it->second;
  Xapian::SimpleStopper* stopper = nullptr;
  for (const List& list : kLists) {
    if (lang != list.code) continue;
    stopper = new Xapian::SimpleStopper;  // lives as long as the program, as english_stopper's
    std::istringstream words(list.words);
    for (std::string w; words >> w;) {
      stopper->add(w);
      if (std::any_of(w.begin(), w.end(), [](char c) { return c & 0x80; })) stopper->add(fold(w));
    }
  }
  made->emplace(std::string(lang), stopper);
  return stopper;
}

}  // namespace morgue
