// The indexer's stem cache and the stopword list for search-box queries.
#include "common/analysis.h"

namespace morgue {

std::string StemCache::operator()(const std::string& word) {
  if (word.size() > kMaxWordBytes) return stem_(word);
  if (auto it = stems_.find(word); it != stems_.end()) return it->second;
  if (stems_.size() >= kMaxWords) stems_.clear();
  return stems_.emplace(word, stem_(word)).first->second;
}

const Xapian::Stopper& english_stopper() {
  static const Xapian::SimpleStopper* stopper = [] {
    static const char* const kWords[] = {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
        "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
        "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves"};
    auto* s = new Xapian::SimpleStopper;  // lives as long as the program; Stoppers cannot be copied
    for (const char* w : kWords) s->add(w);
    return s;
  }();
  return *stopper;
}

}  // namespace morgue
