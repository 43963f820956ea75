// Shingles, MinHash signatures, their bands, and the pass that files articles in copy groups.
#include "indexer/copies.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/document.h"
#include "common/schema.h"
#include "indexer/stories.h"
#include "indexer/tokens.h"

namespace morgue {

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The multipliers and addends of the kMinHashes hash functions (h(x) = top 32 bits of a*x + b,
// a odd), fixed: signatures are stored, so they must never change.
struct HashFunctions {
  std::array<std::uint64_t, kMinHashes> a, b;
  HashFunctions() {
    std::uint64_t s = 0x6d6f726775652d63ULL;  // "morgue-c"
    for (std::size_t i = 0; i < kMinHashes; ++i) {
      a[i] = mix(s += 0x9e3779b97f4a7c15ULL) | 1;
      b[i] = mix(s += 0x9e3779b97f4a7c15ULL);
    }
  }
};

const HashFunctions& hash_functions() {
  static const HashFunctions h;
  return h;
}

std::vector<std::uint64_t> word_hashes(std::string_view text) {
  std::vector<std::uint64_t> words;
  each_token(text,
             [&](const Token& t) { words.push_back(XXH3_64bits(t.word.data(), t.word.size())); });
  return words;
}

// The figures and names of a text in their places (copies.h: marks_agree): each run of words
// that hold a digit, are numbers written out ("seven") or are written with a capital (not all
// capitals: "REUTER", "COMEX" are words), figures joined across their punctuation ("6-3/16"), as
// a pair of 32-bit hashes: of the two words around it (its place; punctuation ignored) and of the
// run. The first kMarks of them.
constexpr std::size_t kMarks = 64;
using Mark = std::pair<std::uint32_t, std::uint32_t>;

std::uint32_t hash32(const std::string& s) {
  return static_cast<std::uint32_t>(XXH3_64bits(s.data(), s.size()));
}

std::vector<Mark> text_marks(std::string_view text) {
  auto is_mark = [](const Token& t) {
    return t.digit || (t.capital && !t.upper) || number_words().count(t.word);
  };
  std::vector<Mark> marks;
  // The run being read, the word before it ("^": none, the run starts the text) and the word
  // before the token being read.
  bool in_run = false, last_digit = false;
  std::string run, before, previous = "^";
  auto close = [&](const std::string& after) {
    marks.emplace_back(hash32(before == "^" ? before : before + ' ' + after), hash32(run));
    in_run = false;
  };
  each_token(text, [&](const Token& t) {
    if (in_run) {
      if (is_mark(t) && (t.spaced || (last_digit && t.digit))) {
        run += ' ' + t.word;
        last_digit = t.digit;
        previous = t.word;
        return true;
      }
      close(t.word);
      if (marks.size() == kMarks) return false;
    }
    if (is_mark(t)) {
      in_run = true;
      run = t.word;
      last_digit = t.digit;
      before = previous;
    }
    previous = t.word;
    return true;
  });
  if (in_run) close("$");
  return marks;
}

// The i-th 32-bit number of a stored list (encode_u32s): a signature's minima, its marks.
std::uint32_t u32_at(std::string_view signature, std::size_t i) {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(signature[i * 4 + k])) << (8 * k);
  return v;
}

}  // namespace

std::vector<std::uint64_t> shingles(std::string_view text) {
  const std::vector<std::uint64_t> words = word_hashes(text);
  std::vector<std::uint64_t> out;
  if (words.empty()) return out;
  const std::size_t n = words.size() < kShingleWords ? 1 : words.size() - kShingleWords + 1;
  const std::size_t width = std::min(words.size(), kShingleWords);
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < width; ++k) h = mix(h ^ words[i + k]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::string signature(const std::vector<std::uint64_t>& shingles) {
  if (shingles.empty()) return "";
  const HashFunctions& f = hash_functions();
  std::array<std::uint32_t, kMinHashes> minima;
  minima.fill(UINT32_MAX);
  for (const std::uint64_t x : shingles) {
    for (std::size_t i = 0; i < kMinHashes; ++i)
      minima[i] = std::min(minima[i], static_cast<std::uint32_t>((f.a[i] * x + f.b[i]) >> 32));
  }
  std::string out(kMinHashes * 4, '\0');
  for (std::size_t i = 0; i < kMinHashes; ++i) {
    for (std::size_t k = 0; k < 4; ++k) out[i * 4 + k] = static_cast<char>(minima[i] >> (8 * k));
  }
  return out;
}

std::string own_group(std::string_view signature) {
  if (signature.size() < kMinHashes * 4) return "";
  char id[17];
  std::snprintf(id, sizeof id, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(signature.data(), kMinHashes * 4)));
  return id;
}

void add_copy_values(Xapian::Document* doc, std::string_view text) {
  std::string sig = copy_signature(text);
  if (sig.empty()) return;
  doc->add_value(kCopySlot, own_group(sig));
  doc->add_value(kSignatureSlot, std::move(sig));
}

std::string copy_signature(std::string_view text) {
  std::string out = signature(shingles(text));
  if (out.empty()) return out;
  for (const auto& [place, run] : text_marks(text)) {
    for (const std::uint32_t h : {place, run}) {
      for (std::size_t k = 0; k < 4; ++k) out += static_cast<char>(h >> (8 * k));
    }
  }
  return out;
}

namespace {

// The marks stored after a signature's minima, sorted.
std::vector<Mark> stored_marks(std::string_view sig) {
  std::vector<Mark> marks;
  for (std::size_t i = kMinHashes; (i + 2) * 4 <= sig.size(); i += 2)
    marks.emplace_back(u32_at(sig, i), u32_at(sig, i + 1));
  std::sort(marks.begin(), marks.end());
  return marks;
}

}  // namespace

bool marks_agree(std::string_view a, std::string_view b) {
  const std::vector<Mark> x = stored_marks(a), y = stored_marks(b);
  // For each place both texts have, some run they share there.
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    const std::uint32_t place = x[i].first;
    if (place < y[j].first) {
      ++i;
      continue;
    }
    if (y[j].first < place) {
      ++j;
      continue;
    }
    std::size_t i_end = i, j_end = j;
    while (i_end < x.size() && x[i_end].first == place) ++i_end;
    while (j_end < y.size() && y[j_end].first == place) ++j_end;
    // The runs of the text with fewer there are all the other's (a trimmed copy has fewer).
    const bool x_fewer = i_end - i <= j_end - j;
    const std::size_t from = x_fewer ? i : j, to = x_fewer ? i_end : j_end;
    const std::vector<Mark>& fewer = x_fewer ? x : y;
    const std::vector<Mark>& more = x_fewer ? y : x;
    const std::size_t more_from = x_fewer ? j : i, more_to = x_fewer ? j_end : i_end;
    for (std::size_t k = from; k < to; ++k) {
      if (!std::binary_search(more.begin() + more_from, more.begin() + more_to, fewer[k]))
        return false;
    }
    i = i_end, j = j_end;
  }
  return true;
}

double estimated_jaccard(std::string_view a, std::string_view b) {
  if (a.size() < kMinHashes * 4 || b.size() < kMinHashes * 4) return 0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < kMinHashes; ++i) equal += u32_at(a, i) == u32_at(b, i);
  return static_cast<double>(equal) / kMinHashes;
}

std::uint64_t band_key(std::string_view signature, std::size_t band) {
  return XXH3_64bits_withSeed(signature.data() + band * kRows * 4, kRows * 4, band);
}

namespace {

// Estimates this far from the threshold decide alone (2.5 standard errors and more); nearer ones
// are decided by the exact similarity of the two stored texts.
constexpr double kSure = 0.16;
// An article is compared with at most this many articles of one band's bucket on each side (the
// nearest in docid order), and with at most kCandidates articles in all, those sharing the most
// bands first: a large bucket is one text many times over (a standard notice), of which the
// nearest copies are enough to find the group.
constexpr std::size_t kBucketCandidates = 8;
constexpr std::size_t kCandidates = 24;

class CopyPass {
 public:
  CopyPass(Xapian::WritableDatabase& db, std::vector<Xapian::docid> written, bool all)
      : db_(db), written_(std::move(written)), all_(all) {
    std::sort(written_.begin(), written_.end());
    written_.erase(std::unique(written_.begin(), written_.end()), written_.end());
  }

  CopyCounts run() {
    read_signatures();
    if (entries_.empty()) return counts_;
    read_groups();
    const std::vector<std::pair<Xapian::docid, std::uint32_t>> mine = written_entries();
    std::vector<std::pair<Xapian::docid, std::uint32_t>> candidates;  // docid, bands shared
    // An article's buckets lie anywhere in entries_: those of the next articles are fetched into
    // the cache while one is filed (a miss per bucket was half the pass's time).
    std::size_t fetched = 0;
    for (std::size_t i = 0; i < mine.size();) {
      for (; fetched < std::min(mine.size(), i + 2 * kBands); ++fetched) {
        const Entry* e = entries_.data() + mine[fetched].second;
        __builtin_prefetch(e);
        __builtin_prefetch(e + 1);
      }
      const Xapian::docid x = mine[i].first;
      candidates.clear();
      for (; i < mine.size() && mine[i].first == x; ++i)
        add_candidates(mine[i].second, &candidates);
      if (!candidates.empty()) file(x, &candidates);
    }
    write();
    return counts_;
  }

 private:
  struct Entry {
    std::uint64_t key;
    Xapian::docid did;
    bool operator<(const Entry& o) const { return key != o.key ? key < o.key : did < o.did; }
  };

  bool is_written(Xapian::docid did) const {
    return all_ || std::binary_search(written_.begin(), written_.end(), did);
  }

  // The written articles' places in the buckets, (docid, entry) in docid order and, for one
  // article, in bucket order. When every article was written (a bulk build: millions of entries)
  // they are placed by counting the entries of each docid, which costs a fifth of sorting them.
  std::vector<std::pair<Xapian::docid, std::uint32_t>> written_entries() const {
    std::vector<std::pair<Xapian::docid, std::uint32_t>> mine;
    if (!all_) {
      for (std::uint32_t e = 0; e < entries_.size(); ++e) {
        if (is_written(entries_[e].did)) mine.emplace_back(entries_[e].did, e);
      }
      std::sort(mine.begin(), mine.end());
      return mine;
    }
    Xapian::docid last = 0;
    for (const Entry& x : entries_) last = std::max(last, x.did);
    std::vector<std::uint32_t> next(std::size_t{last} + 2, 0);  // by docid: where its first goes
    for (const Entry& x : entries_) ++next[x.did + 1];
    for (std::size_t d = 1; d < next.size(); ++d) next[d] += next[d - 1];
    mine.resize(entries_.size());
    for (std::uint32_t e = 0; e < entries_.size(); ++e)
      mine[next[entries_[e].did]++] = {entries_[e].did, e};
    return mine;
  }

  // The band entries and signatures of the articles that can take part: all of them when the
  // run wrote many; otherwise those sharing a band with an article the run wrote (so that a small
  // update holds a few buckets, not the whole archive's).
  void read_signatures() {
    std::unordered_set<std::uint64_t> wanted;
    const bool few = !all_ && written_.size() * 4 < db_.get_doccount();
    if (few) {
      for (const Xapian::docid did : written_) {
        std::string sig;
        try {
          sig = db_.get_document(did).get_value(kSignatureSlot);
        } catch (const Xapian::DocNotFoundError&) {
          continue;  // removed since (a listed article pruned by a later run)
        }
        if (sig.size() < kMinHashes * 4) continue;
        for (std::size_t band = 0; band < kBands; ++band) wanted.insert(band_key(sig, band));
      }
      if (wanted.empty()) return;
    } else {
      entries_.reserve(std::size_t{db_.get_value_freq(kSignatureSlot)} * kBands);
    }
    for (auto v = db_.valuestream_begin(kSignatureSlot); v != db_.valuestream_end(kSignatureSlot);
         ++v) {
      const std::string sig = *v;
      if (sig.size() < kMinHashes * 4) continue;
      bool kept = false;
      for (std::size_t band = 0; band < kBands; ++band) {
        const std::uint64_t key = band_key(sig, band);
        if (few && !wanted.count(key)) continue;
        entries_.push_back({key, v.get_docid()});
        kept = true;
      }
      if (kept) {
        at_[v.get_docid()] = static_cast<std::uint32_t>(signatures_.size());
        signatures_.push_back(sig);
      }
    }
    std::sort(entries_.begin(), entries_.end());
  }

  std::string_view signature_of(Xapian::docid did) const {
    auto it = at_.find(did);
    if (it == at_.end()) return {};
    return signatures_[it->second];
  }

  // The articles of entry e's bucket that come before its article in the pass: earlier ones, and
  // later ones the run did not write; each counted once more for one more band shared.
  void add_candidates(std::uint32_t e,
                      std::vector<std::pair<Xapian::docid, std::uint32_t>>* out) const {
    const std::uint64_t key = entries_[e].key;
    const Xapian::docid x = entries_[e].did;
    auto add = [&](Xapian::docid c) {
      if (c == x) return;
      for (auto& [did, shared] : *out) {
        if (did == c) return void(++shared);
      }
      out->emplace_back(c, 1);
    };
    std::size_t taken = 0;
    for (std::uint32_t c = e; c-- > 0 && entries_[c].key == key && taken < kBucketCandidates;
         ++taken)
      add(entries_[c].did);
    taken = 0;
    for (std::uint32_t c = e + 1;
         c < entries_.size() && entries_[c].key == key && taken < kBucketCandidates; ++c) {
      if (is_written(entries_[c].did)) continue;
      add(entries_[c].did);
      ++taken;
    }
  }

  // Files x with the most similar of its candidates that is a copy of it, if any.
  void file(Xapian::docid x, std::vector<std::pair<Xapian::docid, std::uint32_t>>* candidates) {
    std::sort(candidates->begin(), candidates->end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (candidates->size() > kCandidates) candidates->resize(kCandidates);
    Xapian::docid best = 0;
    double best_j = -1;
    for (const auto& [c, shared] : *candidates) {
      ++counts_.compared;
      const double j = similarity(x, c);
      if (j >= kCopyThreshold && j > best_j) best = c, best_j = j;
      if (best_j >= 1) break;
    }
    if (best) {
      join(x, best);
    } else {
      assigned_[x] = own_group(signature_of(x));  // a group of its own, whatever it was filed in
    }
  }

  // The groups the database holds.
  void read_groups() {
    for (auto v = db_.valuestream_begin(kCopySlot); v != db_.valuestream_end(kCopySlot); ++v)
      stored_[v.get_docid()] = *v;
  }

  double similarity(Xapian::docid x, Xapian::docid c) {
    if (!marks_agree(signature_of(x), signature_of(c))) return 0;
    const double estimate = estimated_jaccard(signature_of(x), signature_of(c));
    if (estimate >= kCopyThreshold + kSure || estimate < kCopyThreshold - kSure) return estimate;
    return jaccard(text_shingles(x), text_shingles(c));
  }

  const std::vector<std::uint64_t>& text_shingles(Xapian::docid did) {
    auto it = shingles_.find(did);
    if (it != shingles_.end()) return it->second;
    if (shingles_.size() > 10000) shingles_.clear();
    const std::string data = db_.get_document(did).get_data();
    return shingles_[did] = shingles(stored_text(data));
  }

  std::string group_of(Xapian::docid did) const {
    auto it = assigned_.find(did);
    if (it != assigned_.end()) return it->second;
    auto s = stored_.find(did);
    return s == stored_.end() ? std::string() : s->second;
  }

  void join(Xapian::docid x, Xapian::docid c) {
    std::string group = group_of(c);
    if (group.empty()) assigned_[c] = group = own_group(signature_of(c));  // (indexed without one)
    assigned_[x] = group;
    ++counts_.joined;
  }

  void write() {
    std::vector<std::pair<Xapian::docid, std::string>> changes;
    for (const auto& [did, group] : assigned_) {
      auto s = stored_.find(did);
      if (s == stored_.end() || s->second != group) changes.emplace_back(did, group);
    }
    set_slot(db_, kCopySlot, std::move(changes));
  }

  Xapian::WritableDatabase& db_;
  std::vector<Xapian::docid> written_;
  const bool all_;
  std::vector<Entry> entries_;                           // (band key, docid), sorted: the buckets
  std::vector<std::string> signatures_;                  // of the articles with entries
  std::unordered_map<Xapian::docid, std::uint32_t> at_;  // docid -> its signature's place
  std::unordered_map<Xapian::docid, std::vector<std::uint64_t>> shingles_;  // a cache
  std::unordered_map<Xapian::docid, std::string> stored_, assigned_;
  CopyCounts counts_;
};

}  // namespace

CopyCounts assign_copies(Xapian::WritableDatabase& db, std::vector<Xapian::docid> written,
                         bool all) {
  if (!all && written.empty()) return {};
  return CopyPass(db, std::move(written), all).run();
}

CopyCounts file_copies(Xapian::WritableDatabase& db, std::vector<Xapian::docid> written) {
  const std::string unfiled = db.get_metadata(kUnfiledKey);
  const bool all = unfiled == "all";
  if (!all) {
    const std::vector<Xapian::docid> more = decode_u32s(unfiled);
    written.insert(written.end(), more.begin(), more.end());
  }
  CopyCounts counts = assign_copies(db, written, all);
  assign_stories(db, written, all);
  if (!unfiled.empty()) db.set_metadata(kUnfiledKey, "");
  return counts;
}

void set_slot(Xapian::WritableDatabase& db, Xapian::valueno slot,
              std::vector<std::pair<Xapian::docid, std::string>> changes) {
  if (changes.empty()) return;
  std::sort(changes.begin(), changes.end());
  // Every slot an article may have a value in: those of the schema, a margin, and the declared
  // fields' (schema.h).
  constexpr Xapian::valueno kScanned = 256;
  static_assert(kLangSlot < kScanned && kFirstDeclaredSlot < kScanned);
  const auto declared =
      static_cast<Xapian::valueno>(decode_declared_fields(db.get_metadata(kFieldsKey)).size());
  std::vector<Xapian::valueno> slots;
  for (Xapian::valueno s = 0; s < std::max(kScanned, kFirstDeclaredSlot + declared + 1); ++s) {
    if (s != slot && db.get_value_freq(s) > 0) slots.push_back(s);
  }
  constexpr std::size_t kBatch = 4096;  // articles whose values are held at once
  std::vector<std::vector<std::pair<Xapian::valueno, std::string>>> values;
  for (std::size_t first = 0; first < changes.size(); first += kBatch) {
    const std::size_t n = std::min(kBatch, changes.size() - first);
    values.assign(n, {});
    for (const Xapian::valueno s : slots) {
      const auto end = db.valuestream_end(s);
      auto v = db.valuestream_begin(s);
      for (std::size_t i = 0; i < n && v != end; ++i) {
        const Xapian::docid did = changes[first + i].first;
        v.skip_to(did);
        if (v != end && v.get_docid() == did) values[i].emplace_back(s, *v);
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      const auto& [did, value] = changes[first + i];
      Xapian::Document doc = db.get_document(did, Xapian::DOC_ASSUME_VALID);
      doc.clear_values();
      for (const auto& [s, v] : values[i]) doc.add_value(s, v);
      doc.add_value(slot, value);
      db.replace_document(did, doc);
    }
  }
}

std::string encode_u32s(const std::uint32_t* values, std::size_t n) {
  std::string out;
  out.reserve(n * 4);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < 4; ++k) out += static_cast<char>(values[i] >> (8 * k));
  }
  return out;
}

std::vector<std::uint32_t> decode_u32s(std::string_view list) {
  std::vector<std::uint32_t> out;
  out.reserve(list.size() / 4);
  for (std::size_t i = 0; i + 4 <= list.size(); i += 4) out.push_back(u32_at(list, i / 4));
  return out;
}

}  // namespace morgue
