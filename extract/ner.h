// Named-entity recognition: a greedy averaged-perceptron tagger over BILOU tags (the recipe of
// Ratinov & Roth 2009, without word clusters). Over the tokens and sentences of tokens.h, every
// token gets word, shape, affix, context, gazetteer and document-history features, and the tagger
// walks the document left to right taking the best tag that keeps the BILOU sequence well formed.
//
// The weights are trained by tools/train_ner.cc (scripts/train-ner) on CoNLL-2003 eng.train and
// stored in data/ner.model; training and tagging share every function here, so the features the
// model was trained on are exactly the features it sees.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/tokens.h"

namespace morgue::ner {

enum class Type : std::uint8_t { kPerson, kPlace, kOrganization, kMisc };
constexpr int kTypes = 4;
// Tag 0 is O; tag 1 + type * 4 + position (tokens.h), positions B, I, L, U.
constexpr int kTags = 1 + kTypes * 4;
constexpr int tag_of(Type t, Position p) { return 1 + static_cast<int>(t) * 4 + p; }
constexpr Type type_of(int tag) { return static_cast<Type>((tag - 1) / 4); }
constexpr Position position_of(int tag) { return static_cast<Position>((tag - 1) % 4); }

struct Span {
  Type type;
  std::size_t sentence, first, last;  // tokens [first, last] of one sentence
};

// The spans of a well-formed BILOU tag sequence of one sentence.
std::vector<Span> spans_of(const std::vector<int>& tags, std::size_t sentence);

// Weights: for each feature (a 64-bit hash) one score per tag. The features are an
// open-addressing table of 16-byte slots that points into rows of scores kept dense, one per
// feature in the order they came: the table stays small enough to cache well, and a row's number
// never changes.
class Weights {
 public:
  Weights();
  // The scores of a feature, or nullptr when the model has never seen it.
  const float* find(std::uint64_t feature) const;
  // Asks the memory for a feature's slot ahead of find() (the table is far bigger than the cache,
  // so every look-up would otherwise wait for its own miss).
  void prefetch(std::uint64_t feature) const {
    __builtin_prefetch(&table_[key_of(feature) & (table_.size() - 1)]);
  }
  // Asks for a row of scores ahead of reading it.
  static void prefetch_row(const float* row) {
    __builtin_prefetch(row);
    __builtin_prefetch(reinterpret_cast<const char*>(row) + 64);
  }
  // The row of a feature's scores, added (all zero) when new.
  std::size_t slot(std::uint64_t feature);
  float* scores(std::size_t row) { return &scores_[row * kTags]; }
  std::size_t size() const { return scores_.size() / kTags; }
  // The table's positions, and the feature at one (0 when it is empty).
  std::size_t capacity() const { return table_.size(); }
  std::uint64_t key(std::size_t position) const { return table_[position].key; }

  // A compact file: weights quantized to 16 bits, zero rows dropped.
  void save(const std::string& path) const;
  static Weights load(const std::string& path);  // throws std::runtime_error naming the file

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0 marks an empty slot
    std::uint32_t row = 0;
  };
  // A feature's key in the table: itself, but 1 for 0 (which marks an empty slot).
  static std::uint64_t key_of(std::uint64_t feature) { return feature == 0 ? 1 : feature; }
  void grow();
  std::vector<Slot> table_;
  std::vector<float> scores_;  // row r at r * kTags
};

// Where Document::static_features puts the folded word and the word as written (the trainer's
// word dropout leaves them out).
constexpr std::size_t kWordFeature = 1, kExactWordFeature = 3;

// The features of one token that do not depend on earlier tags, computed once per token.
struct TokenFeatures {
  std::vector<std::uint64_t> hashes;
};

// "What happens next" -> "What Happens Next" (short function words stay lower case): headlines as
// modern news writes them, which the trainer adds to the CoNLL sentences it learns from.
std::string title_cased(std::string_view word, bool first);

// Everything the tagger knows about a document while it tags it: sentences, gazetteer matches,
// and the tags given so far to each word (the document-history features).
class Document {
 public:
  Document(std::vector<Sentence> sentences, const Gazetteer& gazetteer);
  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::vector<std::vector<int>>& tags() { return tags_; }
  const std::vector<std::vector<int>>& tags() const { return tags_; }

  // Whether the token needs scoring at all: a token that is not capitalized (or a digit) can only
  // be O unless an entity is open; training and tagging skip the same tokens.
  bool candidate(std::size_t s, std::size_t i) const;
  // The static features of token i of sentence s.
  void static_features(std::size_t s, std::size_t i, std::vector<std::uint64_t>* out) const;
  // Features that depend on the tags already given (previous tags, document history).
  void dynamic_features(std::size_t s, std::size_t i, std::vector<std::uint64_t>* out) const;
  // Whether sentence s is in capitals, or else in Title Case (tokens.h): where capitals say
  // little. Whether it is a headline is rules::headline's to say.
  bool all_caps(std::size_t s) const { return all_caps_[s]; }
  bool title_case(std::size_t s) const { return title_case_[s]; }
  // Whether the document writes the word (folded) in lower case somewhere.
  bool seen_lower(const std::string& folded) const { return lowered_.count(folded) > 0; }
  // Records tag for token i of sentence s (for later document-history features).
  void remember(std::size_t s, std::size_t i, int tag);

 private:
  std::vector<Sentence> sentences_;
  std::vector<std::vector<int>> tags_;
  std::vector<std::vector<std::uint16_t>> gazetteer_;  // per token: Gazetteer match bits
  std::vector<bool> all_caps_;                         // per sentence: a headline in capitals
  std::vector<bool> title_case_;                       // per sentence: a headline in Title Case
  std::unordered_set<std::string> lowered_;            // words written in lower case somewhere
  std::unordered_map<std::string, int> history_;       // word -> last entity type given + 1
};

// The tags allowed after prev (keeps BILOU sequences well formed).
bool allowed(int prev, int tag);
// The best allowed tag given the scores; the last token of a sentence must close its entity.
int best_tag(const float* scores, int prev, bool last);
// Whether token i needs scoring after prev (else it is O): see Document::candidate.
bool must_score(const Document& doc, std::size_t s, std::size_t i, int prev);
// Adds the scores of features to sum (kTags floats).
void add_scores(const Weights& w, const std::vector<std::uint64_t>& features, float* sum);

// What the model learned from a word alone (folded): the tag it weighs most, or nullopt when the
// training text never had the word capitalized (as for most foreign first names).
std::optional<int> word_tag(const Weights& w, const std::string& folded);

// Tags every token of the document in place (Document::tags) with the model.
void tag_document(const Weights& weights, Document& doc);

}  // namespace morgue::ner
