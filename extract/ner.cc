// The features and the greedy BILOU decoder of the entity tagger.
#include "extract/ner.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <unordered_set>

#include "common/ascii.h"
#include "extract/word_set.h"

namespace morgue::ner {
namespace {

// ---- Features ----

enum Template : std::uint64_t {
  kBias = 1,
  kWord,
  kShape,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrevWord,
  kNextWord,
  kPrev2Word,
  kNext2Word,
  kPrevShape,
  kNextShape,
  kPrevBigram,
  kNextBigram,
  kShapeWindow,
  kFirstShape,
  kCapsSentenceWord,
  kGazetteer,
  kPrevGazetteer,
  kNextGazetteer,
  kExactWord,
  kSeenLower,
  kPrevTag,
  kPrevTags,
  kPrevTagWord,
  kHistory,
  kHistoryShape,
  kSentenceLength,
  kTitleCaseWord
};

std::uint64_t hash(Template t, std::string_view s) {
  return XXH3_64bits_withSeed(s.data(), s.size(), t);
}
std::uint64_t hash(Template t, std::uint64_t a, std::uint64_t b = 0) {
  const std::uint64_t v[2] = {a, b};
  return XXH3_64bits_withSeed(v, sizeof v, t);
}

// The word as written, but without diacritics ("Héctor" reads as "Hector", which the training
// text may have); a word in capitals stays in capitals.
std::string exact_form(const Token& t) {
  if (std::all_of(t.text.begin(), t.text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(t.text);
  }
  std::string out = t.lower;
  const bool all_upper = shape_of(t.text) == "X";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if ((i == 0 && capitalized(t.text)) || all_upper) out[i] = ascii::upper(out[i]);
  }
  return out;
}

const std::string kStart = "<s>", kEnd = "</s>";

}  // namespace

// ---- Title Case and spans ----

std::string title_cased(std::string_view word, bool first) {
  static const WordSet small = {"a",  "an", "the", "and", "but", "or", "of",
                                "to", "in", "on",  "at",  "for", "by", "with"};
  std::string out(word);
  if (out.empty() || !ascii::is_lower(out[0])) return out;
  if (!first && small.count(out)) return out;
  out[0] = ascii::upper(out[0]);
  return out;
}

std::vector<Span> spans_of(const std::vector<int>& tags, std::size_t sentence) {
  std::vector<Span> spans;
  std::size_t i = 0;
  while (i < tags.size() && tags[i] == 0) ++i;
  if (i == tags.size()) return spans;
  spans.reserve(tags.size() - i);  // (one allocation, for as many spans as there can be)
  for (; i < tags.size(); ++i) {
    if (tags[i] == 0) continue;
    const Position p = position_of(tags[i]);
    if (p == kUnit) {
      spans.push_back({type_of(tags[i]), sentence, i, i});
    } else if (p == kBegin) {
      std::size_t j = i;
      while (j + 1 < tags.size() && tags[j + 1] != 0 && position_of(tags[j + 1]) != kBegin &&
             position_of(tags[j + 1]) != kUnit && type_of(tags[j + 1]) == type_of(tags[i])) {
        ++j;
        if (position_of(tags[j]) == kLast) break;
      }
      spans.push_back({type_of(tags[i]), sentence, i, j});
      i = j;
    }
  }
  return spans;
}

// ---- Weights ----

Weights::Weights() : table_(1024) {}

const float* Weights::find(std::uint64_t feature) const {
  const std::uint64_t key = key_of(feature);
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (table_[i].key == key) return &scores_[std::size_t{table_[i].row} * kTags];
    if (table_[i].key == 0) return nullptr;
  }
}

std::size_t Weights::slot(std::uint64_t feature) {
  const std::uint64_t key = key_of(feature);
  if (2 * (size() + 1) > table_.size()) grow();
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (table_[i].key == key) return table_[i].row;
    if (table_[i].key == 0) {
      const std::size_t row = size();
      table_[i] = {key, static_cast<std::uint32_t>(row)};
      scores_.resize(scores_.size() + kTags, 0.f);
      return row;
    }
  }
}

void Weights::grow() {
  // (the slots are put back in the order of the old table's positions, as they always were: a
  // model saved after training comes out the same)
  std::vector<Slot> old(table_.size() * 2);
  old.swap(table_);
  const std::size_t mask = table_.size() - 1;
  for (const Slot& o : old) {
    if (o.key == 0) continue;
    std::size_t i = o.key & mask;
    while (table_[i].key != 0) i = (i + 1) & mask;
    table_[i] = o;
  }
}

namespace {
constexpr char kMagic[8] = {'M', 'O', 'R', 'G', 'N', 'E', 'R', '1'};
}

void Weights::save(const std::string& path) const {
  float largest = 0;
  for (float w : scores_) largest = std::max(largest, std::abs(w));
  const float scale = largest > 0 ? largest / 32767.f : 1.f;
  std::ofstream out(path, std::ios::binary);
  out.write(kMagic, sizeof kMagic);
  out.write(reinterpret_cast<const char*>(&scale), sizeof scale);
  for (const Slot& slot : table_) {
    if (slot.key == 0) continue;
    std::uint32_t present = 0;
    std::int16_t q[kTags];
    int n = 0;
    for (int t = 0; t < kTags; ++t) {
      const auto v = static_cast<std::int16_t>(
          std::lround(scores_[std::size_t{slot.row} * kTags + t] / scale));
      if (v != 0) {
        present |= 1u << t;
        q[n++] = v;
      }
    }
    if (!present) continue;
    out.write(reinterpret_cast<const char*>(&slot.key), sizeof slot.key);
    out.write(reinterpret_cast<const char*>(&present), sizeof present);
    out.write(reinterpret_cast<const char*>(q), n * sizeof q[0]);
  }
  if (!out) throw std::runtime_error(path + ": cannot write the model");
}

Weights Weights::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[sizeof kMagic];
  float scale = 0;
  if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0 ||
      !in.read(reinterpret_cast<char*>(&scale), sizeof scale)) {
    throw std::runtime_error(path + ": not a morgue entity model (run scripts/train-ner)");
  }
  Weights w;
  std::uint64_t key;
  std::uint32_t present;
  while (in.read(reinterpret_cast<char*>(&key), sizeof key)) {
    if (!in.read(reinterpret_cast<char*>(&present), sizeof present)) break;
    float* row = w.scores(w.slot(key));
    for (int t = 0; t < kTags; ++t) {
      if (!(present & (1u << t))) continue;
      std::int16_t q;
      if (!in.read(reinterpret_cast<char*>(&q), sizeof q)) {
        throw std::runtime_error(path + ": the entity model is truncated");
      }
      row[t] = q * scale;
    }
  }
  return w;
}

// ---- Documents and features ----

Document::Document(std::vector<Sentence> sentences, const Gazetteer& gazetteer)
    : sentences_(std::move(sentences)) {
  tags_.resize(sentences_.size());
  gazetteer_.reserve(sentences_.size());
  all_caps_.reserve(sentences_.size());
  for (std::size_t s = 0; s < sentences_.size(); ++s) {
    const auto& tokens = sentences_[s].tokens;
    tags_[s].assign(tokens.size(), 0);
    gazetteer_.push_back(gazetteer.match(tokens));
    bool lower_seen = false, letters = false;
    for (const Token& t : tokens) {
      for (char c : t.text) {
        if (ascii::is_lower(c)) lower_seen = true;
        if (ascii::is_alpha(c)) letters = true;
      }
      if (starts_lower(t.text)) lowered_.insert(t.lower);
    }
    all_caps_.push_back(letters && !lower_seen);
    title_case_.push_back(!all_caps_.back() && ner::title_case(tokens));
  }
}

bool Document::candidate(std::size_t s, std::size_t i) const {
  return capitalized(sentences_[s].tokens[i].text);
}

void Document::static_features(std::size_t s, std::size_t i,
                               std::vector<std::uint64_t>* out) const {
  const auto& tokens = sentences_[s].tokens;
  const Token& t = tokens[i];
  auto word = [&](long j) -> const std::string& {
    if (j < 0) return kStart;
    if (j >= static_cast<long>(tokens.size())) return kEnd;
    return tokens[j].lower;
  };
  auto shape = [&](long j) {
    if (j < 0) return kStart;
    if (j >= static_cast<long>(tokens.size())) return kEnd;
    return shape_of(tokens[j].text);
  };
  const long k = static_cast<long>(i);
  const std::string& w = t.lower;
  const std::string sh = shape_of(t.text);
  const std::uint64_t hw = hash(kWord, w), hsh = hash(kShape, sh);
  out->push_back(hash(kBias, std::string_view()));
  out->push_back(hw);
  out->push_back(hsh);
  out->push_back(hash(kExactWord, exact_form(t)));
  const Template prefixes[] = {kPrefix1, kPrefix2, kPrefix3};
  const Template suffixes[] = {kSuffix1, kSuffix2, kSuffix3, kSuffix4};
  for (std::size_t n = 1; n <= 3 && n < w.size(); ++n)
    out->push_back(hash(prefixes[n - 1], std::string_view(w).substr(0, n)));
  for (std::size_t n = 1; n <= 4 && n < w.size(); ++n)
    out->push_back(hash(suffixes[n - 1], std::string_view(w).substr(w.size() - n)));
  const std::uint64_t hp = hash(kPrevWord, word(k - 1)), hn = hash(kNextWord, word(k + 1));
  out->push_back(hp);
  out->push_back(hn);
  out->push_back(hash(kPrev2Word, word(k - 2)));
  out->push_back(hash(kNext2Word, word(k + 2)));
  const std::string ps = shape(k - 1), ns = shape(k + 1);
  out->push_back(hash(kPrevShape, ps));
  out->push_back(hash(kNextShape, ns));
  out->push_back(hash(kPrevBigram, hp, hw));
  out->push_back(hash(kNextBigram, hw, hn));
  out->push_back(hash(kShapeWindow, hash(kShapeWindow, ps), hash(kShapeWindow, sh + "|" + ns)));
  if (i == 0) out->push_back(hash(kFirstShape, sh));
  if (all_caps_[s]) out->push_back(hash(kCapsSentenceWord, w));
  if (title_case_[s]) out->push_back(hash(kTitleCaseWord, w));
  if (capitalized(t.text) && lowered_.count(w)) out->push_back(hash(kSeenLower, hsh));
  const auto& gaz = gazetteer_[s];
  for (int b = 0; b < 16; ++b) {
    if (gaz[i] & (1u << b)) out->push_back(hash(kGazetteer, b));
  }
  // The word before is in a gazetteer name: one of several words (a B, I or L bit) or one alone.
  if (i > 0 && gaz[i - 1])
    out->push_back(hash(kPrevGazetteer, (gaz[i - 1] & 0x7777) ? 1 : 0, gaz[i - 1] != 0));
  if (i + 1 < gaz.size() && gaz[i + 1]) out->push_back(hash(kNextGazetteer, 1));
  out->push_back(hash(kSentenceLength, std::min<std::size_t>(tokens.size(), 6)));
}

void Document::dynamic_features(std::size_t s, std::size_t i,
                                std::vector<std::uint64_t>* out) const {
  const auto& tags = tags_[s];
  // 100: no tag, before the sentence's start.
  const std::uint64_t p1 = i > 0 ? tags[i - 1] : 100, p2 = i > 1 ? tags[i - 2] : 100;
  const std::string& w = sentences_[s].tokens[i].lower;
  out->push_back(hash(kPrevTag, p1));
  out->push_back(hash(kPrevTags, p1, p2));
  out->push_back(hash(kPrevTagWord, p1, hash(kWord, w)));
  auto it = history_.find(w);
  if (it != history_.end()) {
    out->push_back(hash(kHistory, it->second));
    out->push_back(
        hash(kHistoryShape, it->second, hash(kShape, shape_of(sentences_[s].tokens[i].text))));
  }
}

void Document::remember(std::size_t s, std::size_t i, int tag) {
  tags_[s][i] = tag;
  if (tag != 0) history_[sentences_[s].tokens[i].lower] = static_cast<int>(type_of(tag)) + 1;
}

bool allowed(int prev, int tag) {
  const bool open = prev != 0 && (position_of(prev) == kBegin || position_of(prev) == kInside);
  if (open) {
    return tag != 0 && type_of(tag) == type_of(prev) &&
           (position_of(tag) == kInside || position_of(tag) == kLast);
  }
  return tag == 0 || position_of(tag) == kBegin || position_of(tag) == kUnit;
}

int best_tag(const float* scores, int prev, bool last) {
  int best = -1;
  for (int t = 0; t < kTags; ++t) {
    if (!allowed(prev, t)) continue;
    if (last && t != 0 && (position_of(t) == kBegin || position_of(t) == kInside)) continue;
    if (best < 0 || scores[t] > scores[best]) best = t;
  }
  return best;
}

void add_scores(const Weights& w, const std::vector<std::uint64_t>& features, float* sum) {
  // Three passes, so that the cache misses of a token's features overlap: every key asked for,
  // then every row found and asked for, then the rows added (the same sums in the same order).
  for (std::uint64_t f : features) w.prefetch(f);
  constexpr std::size_t kBatch = 64;
  const float* rows[kBatch];
  for (std::size_t start = 0; start < features.size(); start += kBatch) {
    const std::size_t n = std::min(kBatch, features.size() - start);
    for (std::size_t k = 0; k < n; ++k) {
      rows[k] = w.find(features[start + k]);
      if (rows[k]) Weights::prefetch_row(rows[k]);
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (!rows[k]) continue;
      for (int t = 0; t < kTags; ++t) sum[t] += rows[k][t];
    }
  }
}

bool must_score(const Document& doc, std::size_t s, std::size_t i, int prev) {
  const bool open = prev != 0 && (position_of(prev) == kBegin || position_of(prev) == kInside);
  return open || doc.candidate(s, i);
}

std::optional<int> word_tag(const Weights& w, const std::string& folded) {
  const float* row = w.find(hash(kWord, folded));
  if (!row) return std::nullopt;
  return static_cast<int>(std::max_element(row, row + kTags) - row);
}

void tag_document(const Weights& weights, Document& doc) {
  std::vector<std::uint64_t> features;
  for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
    const std::size_t n = doc.sentences()[s].tokens.size();
    int prev = 0;
    for (std::size_t i = 0; i < n; ++i) {
      int tag = 0;
      if (must_score(doc, s, i, prev)) {
        features.clear();
        doc.static_features(s, i, &features);
        doc.dynamic_features(s, i, &features);
        float sum[kTags] = {};
        add_scores(weights, features, sum);
        tag = best_tag(sum, prev, i + 1 == n);
      }
      doc.remember(s, i, tag);
      prev = tag;
    }
  }
}

}  // namespace morgue::ner
