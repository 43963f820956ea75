// The tokenizer, the features and the greedy BILOU decoder of the entity tagger.
#include "extract/ner.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unordered_set>

#include "common/text.h"

namespace morgue::ner {
namespace {

// ---- Characters ----

struct Char {
  UChar32 c;
  std::size_t size;  // bytes
};

Char char_at(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, static_cast<int32_t>(s.size()), c);
  if (c < 0) c = 0xFFFD;
  return {c, static_cast<std::size_t>(j) - i};
}

bool is_alnum(UChar32 c) { return c < 0x80 ? std::isalnum(static_cast<int>(c)) != 0 : u_isalnum(c) != 0; }
bool is_alpha(UChar32 c) { return c < 0x80 ? std::isalpha(static_cast<int>(c)) != 0 : u_isalpha(c) != 0; }
bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }
bool is_upper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) != 0; }
bool is_lower(UChar32 c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c) != 0; }
bool is_space(UChar32 c) { return c < 0x80 ? std::isspace(static_cast<int>(c)) != 0 : u_isUWhiteSpace(c) != 0; }
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

// Words whose trailing period belongs to them, as CoNLL-2003 tokenizes them.
const std::unordered_set<std::string>& abbreviations() {
  static const std::unordered_set<std::string> words = {
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "sen", "rep", "gov", "gen", "lt", "col",
      "capt", "sgt", "maj", "adm", "cmdr", "sec", "supt", "insp", "rev", "hon", "pres", "atty",
      "inc", "corp", "co", "ltd", "plc", "bros", "dept", "univ", "assn", "no", "vs", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave",
      "blvd", "calif", "fla", "ill", "mass", "mich", "minn", "penn", "tenn", "tex", "wash", "wis",
      "ariz", "colo", "conn", "ga", "ky", "la", "md", "mo", "nev", "okla", "ore", "pa", "va"};
  return words;
}

// Typographic quotes and dashes as the ASCII the training text uses, so "Noem’s" and "Noem's"
// have the same features.
std::string plain_punctuation(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const Char ch = char_at(text, i);
    switch (ch.c) {
      case 0x2018: case 0x2019: out += '\''; break;
      case 0x201C: case 0x201D: out += '"'; break;
      case 0x2013: case 0x2014: out += '-'; break;
      default: out.append(text.substr(i, ch.size));
    }
    i += ch.size;
  }
  return out;
}

std::string lower_of(std::string_view text) {
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c < 0x80;
  if (!ascii) return fold(plain_punctuation(text));
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The end of the word that starts at i: letters and digits, with the inner dots of "U.S" and
// "3.5", the inner hyphens of "MS-13", the inner commas, colons and slashes of numbers, and the
// inner apostrophes of "O'Brien" (not the possessive "'s", which CoNLL keeps apart).
std::size_t word_end(std::string_view s, std::size_t i) {
  UChar32 prev = 0;
  while (i < s.size()) {
    const Char ch = char_at(s, i);
    if (is_alnum(ch.c)) {
      prev = ch.c;
      i += ch.size;
      continue;
    }
    if (i + ch.size >= s.size()) break;
    const Char next = char_at(s, i + ch.size);
    const bool joins =
        (ch.c == '-' && is_alnum(next.c)) || (ch.c == '.' && is_alnum(next.c) && is_alnum(prev)) ||
        ((ch.c == ',' || ch.c == ':' || ch.c == '/') && is_digit(prev) && is_digit(next.c)) ||
        (is_apostrophe(ch.c) && is_alpha(prev) && is_alpha(next.c) &&
         !((next.c == 's' || next.c == 'S') &&
           (i + ch.size + 1 >= s.size() || !is_alnum(char_at(s, i + ch.size + 1).c))));
    if (!joins) break;
    prev = ch.c;
    i += ch.size;
  }
  return i;
}

bool keeps_period(std::string_view word) {
  if (word.find('.') != std::string_view::npos) return true;  // "U.S" -> "U.S."
  if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) return true;  // "J."
  return abbreviations().count(lower_of(word)) > 0;
}

// ---- Features ----

enum Template : std::uint64_t {
  kBias = 1, kWord, kShape, kPrefix1, kPrefix2, kPrefix3, kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrevShape, kNextShape, kPrevBigram, kNextBigram,
  kShapeWindow, kFirstShape, kCapsSentenceWord, kGazetteer, kPrevGazetteer, kNextGazetteer,
  kExactWord, kSeenLower, kPrevTag, kPrevTags, kPrevTagWord, kHistory, kHistoryShape,
  kSentenceLength, kTitleCaseWord
};

std::uint64_t hash(Template t, std::string_view s) { return XXH3_64bits_withSeed(s.data(), s.size(), t); }
std::uint64_t hash(Template t, std::uint64_t a, std::uint64_t b = 0) {
  const std::uint64_t v[2] = {a, b};
  return XXH3_64bits_withSeed(v, sizeof v, t);
}

std::string shape_of(std::string_view text) {
  std::string shape;
  for (std::size_t i = 0; i < text.size();) {
    const Char ch = char_at(text, i);
    i += ch.size;
    char k = is_upper(ch.c) ? 'X' : is_lower(ch.c) || is_alpha(ch.c) ? 'x' : is_digit(ch.c) ? 'd'
             : ch.c < 0x80 ? static_cast<char>(ch.c) : '*';
    if (shape.empty() || shape.back() != k) shape += k;
  }
  return shape;
}

bool capitalized(std::string_view text);

// The word as written, but without diacritics ("Héctor" reads as "Hector", which the training
// text may have); a word in capitals stays in capitals.
std::string exact_form(const Token& t) {
  if (std::all_of(t.text.begin(), t.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(t.text);
  }
  std::string out = t.lower;
  const bool all_upper = shape_of(t.text) == "X";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if ((i == 0 && capitalized(t.text)) || all_upper) out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
  }
  return out;
}

bool capitalized(std::string_view text) {
  if (text.empty()) return false;
  const UChar32 c = char_at(text, 0).c;
  return is_upper(c) || is_digit(c);
}

const std::string kStart = "<s>", kEnd = "</s>";

// A headline in Title Case ("What Happens Next"): most words capitalized, so capitals say little.
bool title_case(const std::vector<Token>& tokens) {
  std::size_t words = 0, capitals = 0;
  for (const Token& t : tokens) {
    if (!is_alpha(char_at(t.text, 0).c)) continue;
    ++words;
    if (is_upper(char_at(t.text, 0).c)) ++capitals;
  }
  return words >= 2 && capitals * 4 >= words * 3;
}

// title_case() for a raw line: words split at spaces.
bool title_case_line(std::string_view line) {
  std::size_t words = 0, capitals = 0;
  for (std::size_t i = 0; i < line.size();) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    const Char ch = char_at(line, i);
    if (is_alpha(ch.c)) {
      ++words;
      if (is_upper(ch.c)) ++capitals;
    }
    while (i < line.size() && line[i] != ' ') ++i;
  }
  return words >= 2 && capitals * 4 >= words * 3;
}

// Whether the line break at text[eol] only wraps a sentence: the line is long, has lower-case
// letters (a headline in capitals stands alone), does not end a sentence, and the next line
// neither is blank nor indented, as in hard-wrapped wire copy.
bool wrapped_line(std::string_view text, std::size_t eol) {
  const std::size_t start = eol == 0 ? 0 : text.rfind('\n', eol - 1);
  const std::string_view line = text.substr(start == std::string_view::npos ? 0 : start + 1,
                                            eol - (start == std::string_view::npos ? 0 : start + 1));
  if (line.size() < 40 || eol + 1 >= text.size()) return false;
  const char next = text[eol + 1];
  if (next == '\n' || next == ' ' || next == '\t' || next == '\r') return false;
  if (std::none_of(line.begin(), line.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); })) {
    return false;
  }
  std::size_t end = line.size();
  while (end > 0 && std::isspace(static_cast<unsigned char>(line[end - 1]))) --end;
  if (end == 0) return false;
  const char last = line[end - 1];
  // A line in Title Case that ends in a word is a headline ("... as Tariff Tensions Heat Up"),
  // not the first part of a wrapped sentence.
  if (std::isalnum(static_cast<unsigned char>(last)) && title_case_line(line.substr(0, end))) return false;
  return std::string_view(".!?:;\"").find(last) == std::string_view::npos &&
         line.substr(0, end).substr(end >= 3 ? end - 3 : 0) != "\xE2\x80\x9D";
}

}  // namespace

// ---- Tokens and spans ----

Token make_token(std::string_view text, std::size_t begin) { return Token{text, begin, lower_of(text)}; }

std::string title_cased(std::string_view word, bool first) {
  static const std::unordered_set<std::string> small = {"a", "an", "the", "and", "but", "or", "of",
                                                        "to", "in", "on", "at", "for", "by", "with"};
  std::string out(word);
  if (out.empty() || !std::islower(static_cast<unsigned char>(out[0]))) return out;
  if (!first && small.count(out)) return out;
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::vector<Sentence> tokenize(std::string_view text) {
  std::vector<Sentence> sentences(1);
  auto end_sentence = [&] {
    if (!sentences.back().tokens.empty()) sentences.emplace_back();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const Char ch = char_at(text, i);
    if (ch.c == '\n') {
      if (!wrapped_line(text, i)) end_sentence();
      i += ch.size;
      continue;
    }
    if (is_space(ch.c)) {
      i += ch.size;
      continue;
    }
    auto& tokens = sentences.back().tokens;
    if (is_alnum(ch.c)) {
      std::size_t end = word_end(text, i);
      if (end < text.size() && text[end] == '.' && keeps_period(text.substr(i, end - i))) ++end;
      tokens.push_back(make_token(text.substr(i, end - i), i));
      i = end;
      continue;
    }
    // "'s" apart from its word, as CoNLL has it.
    if (is_apostrophe(ch.c) && i + ch.size < text.size() &&
        (text[i + ch.size] == 's' || text[i + ch.size] == 'S') &&
        (i + ch.size + 1 >= text.size() || !is_alnum(char_at(text, i + ch.size + 1).c))) {
      tokens.push_back(make_token(text.substr(i, ch.size + 1), i));
      i += ch.size + 1;
      continue;
    }
    // Other characters stand alone; runs of one ("--", "...") make one token.
    std::size_t end = i + ch.size;
    while (end < text.size() && text.compare(end, ch.size, text, i, ch.size) == 0) end += ch.size;
    tokens.push_back(make_token(text.substr(i, end - i), i));
    i = end;
    if (ch.c == '.' || ch.c == '!' || ch.c == '?') {
      // A closing quote right after the stop belongs to this sentence.
      while (i < text.size()) {
        const Char q = char_at(text, i);
        if (q.c != '"' && q.c != 0x201D && q.c != 0x2019 && q.c != ')') break;
        tokens.push_back(make_token(text.substr(i, q.size), i));
        i += q.size;
      }
      std::size_t j = i;
      while (j < text.size() && text[j] == ' ') ++j;
      if (j >= text.size() || !is_lower(char_at(text, j).c)) end_sentence();
    }
  }
  if (sentences.back().tokens.empty()) sentences.pop_back();
  return sentences;
}

std::vector<Span> spans_of(const std::vector<int>& tags, std::size_t sentence) {
  std::vector<Span> spans;
  for (std::size_t i = 0; i < tags.size(); ++i) {
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

Weights::Weights() : keys_(1024, 0), scores_(1024 * kTags, 0.f) {}

const float* Weights::find(std::uint64_t feature) const {
  if (feature == 0) feature = 1;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = feature & mask;; i = (i + 1) & mask) {
    if (keys_[i] == feature) return &scores_[i * kTags];
    if (keys_[i] == 0) return nullptr;
  }
}

std::size_t Weights::slot(std::uint64_t feature) {
  if (feature == 0) feature = 1;
  if (2 * (used_ + 1) > keys_.size()) grow();
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = feature & mask;; i = (i + 1) & mask) {
    if (keys_[i] == feature) return i;
    if (keys_[i] == 0) {
      keys_[i] = feature;
      ++used_;
      return i;
    }
  }
}

void Weights::grow() {
  std::vector<std::uint64_t> old_keys(keys_.size() * 2, 0);
  std::vector<float> old_scores(old_keys.size() * kTags, 0.f);
  old_keys.swap(keys_);
  old_scores.swap(scores_);
  used_ = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    std::copy_n(&old_scores[i * kTags], kTags, scores(slot(old_keys[i])));
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
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    std::uint32_t present = 0;
    std::int16_t q[kTags];
    int n = 0;
    for (int t = 0; t < kTags; ++t) {
      const auto v = static_cast<std::int16_t>(std::lround(scores_[i * kTags + t] / scale));
      if (v != 0) {
        present |= 1u << t;
        q[n++] = v;
      }
    }
    if (!present) continue;
    out.write(reinterpret_cast<const char*>(&keys_[i]), sizeof keys_[i]);
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
        if (std::islower(static_cast<unsigned char>(c))) lower_seen = true;
        if (std::isalpha(static_cast<unsigned char>(c))) letters = true;
      }
      if (!t.text.empty() && is_lower(char_at(t.text, 0).c)) lowered_.insert(t.lower);
    }
    all_caps_.push_back(letters && !lower_seen);
    title_case_.push_back(!all_caps_.back() && title_case(tokens));
  }
}

bool Document::candidate(std::size_t s, std::size_t i) const {
  return capitalized(sentences_[s].tokens[i].text);
}

void Document::static_features(std::size_t s, std::size_t i, std::vector<std::uint64_t>* out) const {
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
  for (std::size_t n = 1; n <= 3 && n < w.size(); ++n) out->push_back(hash(prefixes[n - 1], std::string_view(w).substr(0, n)));
  for (std::size_t n = 1; n <= 4 && n < w.size(); ++n) out->push_back(hash(suffixes[n - 1], std::string_view(w).substr(w.size() - n)));
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
  if (i > 0 && gaz[i - 1]) out->push_back(hash(kPrevGazetteer, gaz[i - 1] >> 0 & 0x7777 ? 1 : 0, gaz[i - 1] != 0));
  if (i + 1 < gaz.size() && gaz[i + 1]) out->push_back(hash(kNextGazetteer, 1));
  out->push_back(hash(kSentenceLength, std::min<std::size_t>(tokens.size(), 6)));
}

void Document::dynamic_features(std::size_t s, std::size_t i, std::vector<std::uint64_t>* out) const {
  const auto& tags = tags_[s];
  const std::uint64_t p1 = i > 0 ? tags[i - 1] : 100, p2 = i > 1 ? tags[i - 2] : 100;
  const std::string& w = sentences_[s].tokens[i].lower;
  out->push_back(hash(kPrevTag, p1));
  out->push_back(hash(kPrevTags, p1, p2));
  out->push_back(hash(kPrevTagWord, p1, hash(kWord, w)));
  auto it = history_.find(w);
  if (it != history_.end()) {
    out->push_back(hash(kHistory, it->second));
    out->push_back(hash(kHistoryShape, it->second, hash(kShape, shape_of(sentences_[s].tokens[i].text))));
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
  for (std::uint64_t f : features) {
    if (const float* row = w.find(f)) {
      for (int t = 0; t < kTags; ++t) sum[t] += row[t];
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

std::string data_path(const std::string& file) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("MORGUE_DATA")) return (fs::path(env) / file).string();
  for (const char* dir : {MORGUE_SOURCE_DATA_DIR, MORGUE_INSTALLED_DATA_DIR}) {
    const fs::path p = fs::path(dir) / file;
    if (fs::exists(p)) return p.string();
  }
  return (fs::path(MORGUE_INSTALLED_DATA_DIR) / file).string();
}

}  // namespace morgue::ner
