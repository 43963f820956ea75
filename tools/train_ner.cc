// Trains the entity tagger's averaged perceptron on CoNLL-2003 (scripts/train-ner runs it):
//   morgue-train-ner TRAIN DEV OUT [--iterations N] [--seed S] [--title-case SHARE] [--word-dropout
//   P]
// Each pass tags the training documents greedily with the current weights (so document-history
// and previous-tag features are the tagger's own, as when it runs for real) and corrects the
// weights wherever the tag is wrong. After each pass the averaged weights are scored on DEV
// (entity-level F1 per type); the best pass is written to OUT.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "extract/ner.h"

namespace morgue::ner {
namespace {

struct Example {
  std::vector<Sentence> sentences;
  std::vector<std::vector<int>> gold;
};

int type_index(const std::string& label) {
  if (label == "PER") return 0;
  if (label == "LOC") return 1;
  if (label == "ORG") return 2;
  return 3;
}

// IOB1 (I-X, B-X only between touching entities) to BILOU.
std::vector<int> bilou(const std::vector<std::string>& iob) {
  std::vector<int> tags(iob.size(), 0);
  for (std::size_t i = 0; i < iob.size();) {
    if (iob[i] == "O") {
      ++i;
      continue;
    }
    const std::string type = iob[i].substr(2);
    std::size_t j = i + 1;
    while (j < iob.size() && iob[j] == "I-" + type) ++j;
    const Type t = static_cast<Type>(type_index(type));
    if (j - i == 1) {
      tags[i] = tag_of(t, kUnit);
    } else {
      tags[i] = tag_of(t, kBegin);
      for (std::size_t k = i + 1; k + 1 < j; ++k) tags[k] = tag_of(t, kInside);
      tags[j - 1] = tag_of(t, kLast);
    }
    i = j;
  }
  return tags;
}

// The documents of a CoNLL file; token texts are views into *storage.
std::vector<Example> read_conll(const std::string& path, std::string* storage) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  *storage = buffer.str();
  std::vector<Example> docs;
  std::vector<Token> tokens;
  std::vector<std::string> labels;
  auto end_sentence = [&] {
    if (tokens.empty()) return;
    if (docs.empty()) docs.emplace_back();
    docs.back().sentences.push_back(Sentence{std::move(tokens)});
    docs.back().gold.push_back(bilou(labels));
    tokens.clear();
    labels.clear();
  };
  std::size_t pos = 0;
  const std::string& text = *storage;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    const std::size_t begin = pos;
    pos = eol + 1;
    if (line.empty()) {
      end_sentence();
      continue;
    }
    const std::size_t space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    if (word == "-DOCSTART-") {
      end_sentence();
      docs.emplace_back();
      continue;
    }
    tokens.push_back(make_token(word, begin));
    labels.push_back(std::string(line.substr(line.rfind(' ') + 1)));
  }
  end_sentence();
  docs.erase(std::remove_if(docs.begin(), docs.end(),
                            [](const Example& e) { return e.sentences.empty(); }),
             docs.end());
  return docs;
}

// Modern news has Title Case headlines ("What Happens Next") that CoNLL-2003 lacks: a share of the
// training sentences is added again in Title Case, labels unchanged, as documents of their own, so
// the tagger learns that capitals in such lines say little.
std::vector<Example> title_case_copies(const std::vector<Example>& docs, double share,
                                       std::mt19937& rng, std::deque<std::string>* storage) {
  std::vector<Example> copies;
  std::bernoulli_distribution pick(share);
  for (const Example& doc : docs) {
    Example copy;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const auto& tokens = doc.sentences[s].tokens;
      if (tokens.size() < 3 || !pick(rng)) continue;
      Sentence titled;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        storage->push_back(title_cased(tokens[i].text, i == 0));
        titled.tokens.push_back(make_token(storage->back(), 0));
      }
      copy.sentences.push_back(std::move(titled));
      copy.gold.push_back(doc.gold[s]);
    }
    if (!copy.sentences.empty()) copies.push_back(std::move(copy));
  }
  return copies;
}

// Perceptron weights with the bookkeeping for averaging: totals and the step of the last change.
class Trainer {
 public:
  void update(const std::vector<std::uint64_t>& features, int gold, int guess) {
    ++step_;
    for (std::uint64_t f : features) {
      const std::size_t i = index(f);
      change(i, gold, 1.f);
      change(i, guess, -1.f);
    }
  }
  void tick() { ++step_; }
  const Weights& current() const { return current_; }

  Weights averaged() const {
    Weights out;
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      float* row = out.scores(out.slot(keys_[k]));
      for (int t = 0; t < kTags; ++t) {
        const std::size_t j = k * kTags + t;
        const double total = totals_[j] + (step_ - stamps_[j]) * double(weight(k, t));
        row[t] = static_cast<float>(total / std::max<long>(step_, 1));
      }
    }
    return out;
  }

 private:
  std::size_t index(std::uint64_t f) {
    const std::size_t slot = current_.slot(f);
    (void)slot;
    auto [it, fresh] = index_.emplace(f, keys_.size());
    if (fresh) {
      keys_.push_back(f);
      totals_.resize(keys_.size() * kTags, 0.0);
      stamps_.resize(keys_.size() * kTags, 0);
    }
    return it->second;
  }
  float weight(std::size_t k, int t) const {
    const float* row = current_.find(keys_[k]);
    return row ? row[t] : 0.f;
  }
  void change(std::size_t k, int t, float by) {
    const std::size_t j = k * kTags + t;
    totals_[j] += (step_ - stamps_[j]) * double(weight(k, t));
    stamps_[j] = step_;
    current_.scores(current_.slot(keys_[k]))[t] += by;
  }

  Weights current_;
  std::unordered_map<std::uint64_t, std::size_t> index_;
  std::vector<std::uint64_t> keys_;
  std::vector<double> totals_;
  std::vector<long> stamps_;
  long step_ = 0;
};

// Word dropout: the word's own identity features (folded and as written) are left out of a share
// of the training tokens, so the weights of context, shape and affixes learn to find the names the
// word alone would have given away, as for names the training text never had.
void train_pass(Trainer& trainer, std::vector<Example>& docs, const Gazetteer& gazetteer,
                double dropout, std::mt19937& rng) {
  std::bernoulli_distribution drop(dropout);
  std::vector<std::uint64_t> features;
  for (Example& ex : docs) {
    Document doc(ex.sentences, gazetteer);
    for (std::size_t s = 0; s < doc.sentences().size(); ++s) {
      const std::size_t n = doc.sentences()[s].tokens.size();
      int prev = 0;
      for (std::size_t i = 0; i < n; ++i) {
        int guess = 0;
        if (must_score(doc, s, i, prev)) {
          features.clear();
          doc.static_features(s, i, &features);
          doc.dynamic_features(s, i, &features);
          if (dropout > 0 && drop(rng)) {
            features.erase(features.begin() + kExactWordFeature);
            features.erase(features.begin() + kWordFeature);
          }
          float sum[kTags] = {};
          add_scores(trainer.current(), features, sum);
          guess = best_tag(sum, prev, i + 1 == n);
          const int gold = ex.gold[s][i];
          if (guess != gold && allowed(prev, gold)) {
            trainer.update(features, gold, guess);
          } else {
            trainer.tick();
          }
        }
        doc.remember(s, i, guess);
        prev = guess;
      }
    }
  }
}

struct Score {
  long tp[kTypes] = {}, fp[kTypes] = {}, fn[kTypes] = {};
  double f1(int t) const {
    const double p = tp[t] + fp[t] ? double(tp[t]) / (tp[t] + fp[t]) : 0;
    const double r = tp[t] + fn[t] ? double(tp[t]) / (tp[t] + fn[t]) : 0;
    return p + r ? 2 * p * r / (p + r) : 0;
  }
  double overall() const {
    long a = 0, b = 0, c = 0;
    for (int t = 0; t < kTypes; ++t) a += tp[t], b += fp[t], c += fn[t];
    const double p = a + b ? double(a) / (a + b) : 0, r = a + c ? double(a) / (a + c) : 0;
    return p + r ? 2 * p * r / (p + r) : 0;
  }
};

Score evaluate(const Weights& w, const std::vector<Example>& docs, const Gazetteer& gazetteer) {
  Score score;
  for (const Example& ex : docs) {
    Document doc(ex.sentences, gazetteer);
    tag_document(w, doc);
    for (std::size_t s = 0; s < ex.sentences.size(); ++s) {
      auto gold = spans_of(ex.gold[s], s), got = spans_of(doc.tags()[s], s);
      auto same = [](const Span& a, const Span& b) {
        return a.type == b.type && a.first == b.first && a.last == b.last;
      };
      for (const Span& g : gold) {
        const bool found =
            std::any_of(got.begin(), got.end(), [&](const Span& x) { return same(x, g); });
        (found ? score.tp : score.fn)[static_cast<int>(g.type)]++;
      }
      for (const Span& x : got) {
        const bool right =
            std::any_of(gold.begin(), gold.end(), [&](const Span& g) { return same(x, g); });
        if (!right) score.fp[static_cast<int>(x.type)]++;
      }
    }
  }
  return score;
}

// One model: the averaged weights of the pass with the best entity F1 on dev.
Weights train_model(const std::vector<Example>& base, const std::vector<Example>& dev,
                    const Gazetteer& gazetteer, int iterations, unsigned seed, double title_share,
                    double dropout, double* best) {
  std::mt19937 rng(seed);
  std::deque<std::string> titled_words;
  std::vector<Example> train = base;
  std::vector<Example> titled = title_case_copies(train, title_share, rng, &titled_words);
  train.insert(train.end(), std::make_move_iterator(titled.begin()),
               std::make_move_iterator(titled.end()));
  std::cerr << train.size() << " training documents, " << dev.size()
            << " development documents, seed " << seed << "\n";
  Trainer trainer;
  Weights kept;
  *best = -1;
  for (int it = 1; it <= iterations; ++it) {
    std::shuffle(train.begin(), train.end(), rng);
    train_pass(trainer, train, gazetteer, dropout, rng);
    Weights avg = trainer.averaged();
    const Score s = evaluate(avg, dev, gazetteer);
    std::fprintf(stderr, "pass %2d: dev F1 %.4f (PER %.4f LOC %.4f ORG %.4f MISC %.4f)\n", it,
                 s.overall(), s.f1(0), s.f1(1), s.f1(2), s.f1(3));
    if (s.overall() > *best) {
      *best = s.overall();
      kept = std::move(avg);
    }
  }
  return kept;
}

int run(int argc, char** argv) {
  if (argc < 4) {
    std::cerr
        << "usage: morgue-train-ner TRAIN DEV OUT [--iterations N] [--seed S] [--title-case SHARE] "
           "[--word-dropout P] [--models K]\n";
    return 2;
  }
  int iterations = 12, models = 1;
  unsigned seed = 1;
  double title_share = 0.1, dropout = 0;
  for (int i = 4; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--iterations") iterations = std::stoi(argv[i + 1]);
    if (flag == "--seed") seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
    if (flag == "--title-case") title_share = std::stod(argv[i + 1]);
    if (flag == "--word-dropout") dropout = std::stod(argv[i + 1]);
    if (flag == "--models") models = std::max(1, std::stoi(argv[i + 1]));
  }
  std::string train_text, dev_text;
  const std::vector<Example> train = read_conll(argv[1], &train_text);
  const std::vector<Example> dev = read_conll(argv[2], &dev_text);
  const ExtractionData data = default_extraction_data();  // the gazetteer the extractor loads
  const Gazetteer gazetteer =
      Gazetteer::load(data.iso_codes_folder, data.word_list, data.census_names);
  // K models trained on different orders of the documents (seeds S, S+1, ...) and averaged: the
  // result depends less on the order any one of them saw.
  Weights sum;
  double best = 0;
  for (int k = 0; k < models; ++k) {
    const Weights w = train_model(train, dev, gazetteer, iterations,
                                  seed + static_cast<unsigned>(k), title_share, dropout, &best);
    if (models == 1) {
      w.save(argv[3]);
      std::fprintf(stderr, "best dev F1 %.4f, model in %s\n", best, argv[3]);
      return 0;
    }
    for (std::size_t i = 0; i < w.capacity(); ++i) {
      if (w.key(i) == 0) continue;
      const float* row = w.find(w.key(i));
      float* out = sum.scores(sum.slot(w.key(i)));
      for (int t = 0; t < kTags; ++t) out[t] += row[t] / static_cast<float>(models);
    }
  }
  const Score s = evaluate(sum, dev, gazetteer);
  std::fprintf(
      stderr,
      "%d models averaged: dev F1 %.4f (PER %.4f LOC %.4f ORG %.4f MISC %.4f), model in %s\n",
      models, s.overall(), s.f1(0), s.f1(1), s.f1(2), s.f1(3), argv[3]);
  sum.save(argv[3]);
  return 0;
}

}  // namespace
}  // namespace morgue::ner

int main(int argc, char** argv) {
  try {
    return morgue::ner::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "morgue-train-ner: " << e.what() << '\n';
    return 2;
  }
}
