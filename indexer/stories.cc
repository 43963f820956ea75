// Story terms and the pass that files copy groups in stories.
#include "indexer/stories.h"

#include <xxhash.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "common/analysis.h"
#include "common/article.h"
#include "common/date.h"
#include "common/schema.h"
#include "indexer/copies.h"
#include "indexer/tokens.h"

namespace morgue {

namespace {

constexpr std::size_t kNames = 16;      // names among an article's story terms, at most
constexpr double kSmallArchive = 2000;  // an archive of fewer groups weighs terms as one of so many
constexpr std::size_t kCandidates = 32;  // groups whose similarity is computed, at most, a group
constexpr long kUndated = LONG_MIN;      // the day of an article without a date (day_of)
constexpr std::size_t kMinShared = 5;    // terms two groups of one story share, at least
// Two groups that share kManyKeys rare key terms are one story from this cosine on.
constexpr std::size_t kManyKeys = 4;
constexpr double kNamedThreshold = 0.25;

bool weekday(std::string_view w) {
  const auto& days = weekday_names();
  return std::find(days.begin(), days.end(), w) != days.end();
}
// A group joins a story only if it is also this alike to the story's first group: a chain of
// reports each like the one before (a market's table every hour) is not one story.
constexpr double kFounderThreshold = kStoryThreshold / 2;

// A term: a hash of its word or name (the bits but the lowest two), and where the article has it:
// as a name (its people, organizations and places, or a word with a capital inside the first
// sentences of its lead: kName) or in its title (kTitle). Articles about one event share a rare
// name, or a word of both titles that is rarer still (a company's name or ticker in headlines in
// capitals); reports made from one template (dividends, earnings, bond issues, market tables)
// differ in theirs.
constexpr std::uint32_t kName = kStoryName, kTitle = kStoryTitle;
std::uint32_t base(std::uint32_t term) { return term & ~3u; }

// A word as stories compare it: plural and possessive endings dropped ("banks", "bank's").
std::string_view folded(std::string_view w) {
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
  return w;
}

}  // namespace

std::uint32_t story_term(std::string_view word, std::uint32_t flags) {
  word = folded(word);
  const auto h = static_cast<std::uint32_t>(XXH3_64bits(word.data(), word.size()));
  return (h & ~3u) | flags;
}

std::string story_terms(const Article& article) {
  std::vector<std::uint32_t> terms;
  auto add = [&](std::uint32_t h) {
    for (std::uint32_t& t : terms) {
      if (base(t) == base(h)) return void(t |= h & 3);
    }
    if (terms.size() < kStoryTerms) terms.push_back(h);
  };
  std::size_t names = 0;
  for (const auto* list : {&article.people, &article.organizations, &article.places}) {
    for (const std::string& name : *list) {
      if (names++ < kNames) add(story_term(name_key(name), kName));
    }
  }
  const Xapian::Stopper& stop = english_stopper();
  auto wanted_word = [&](const std::string& w) { return w.size() >= 3 && !stop(w); };
  auto wanted = [&](const Token& t) { return !t.digit && wanted_word(t.word); };
  each_token(article.title, [&](const Token& t) {
    if (wanted(t)) add(story_term(t.word, kTitle));
  });
  // A name in the lead: a word with a capital, neither a month nor a number ("in May", "Pay May
  // Seven"), after a word in small letters (not a sentence's first word, nor a table row's
  // label) or before or after another such word ("Chevron Corp said"), with only white space
  // between on one line.
  std::size_t words = 0;
  bool after_word = false;
  std::string capital;  // the word before, if it had a capital
  each_token(article.text, [&](const Token& t) {
    if (++words > kLeadWords) return false;
    const bool joined = t.spaced && !t.line;
    const bool cap = words <= kKeyWords && t.capital && !t.upper && !month_number(t.word) &&
                     !number_words().count(t.word) && !weekday(t.word);
    bool name = cap && joined && after_word;
    if (cap && joined && !capital.empty()) {
      name = true;
      if (wanted_word(capital)) add(story_term(capital, kName));
    }
    after_word = !t.digit && !t.upper;
    if (cap) {
      capital = t.word;  // keeps its buffer
    } else {
      capital.clear();
    }
    if (wanted(t)) add(story_term(t.word, name ? kName : 0));
    return true;
  });
  std::sort(terms.begin(), terms.end());
  return encode_u32s(terms.data(), terms.size());
}

void add_story_values(Xapian::Document* doc, const Article& article) {
  const std::string group = doc->get_value(kCopySlot);
  if (group.empty()) return;  // no text: no story
  doc->add_value(kStorySlot, group);
  doc->add_value(kStoryTermsSlot, story_terms(article));
}

namespace {

// When an article happened, as stories compare it: a day number for a date to the day; a month's
// or a year's own key (kMonths, kYears on) for a date to the month or year, compared only with
// the same month or year; kUndated for none, compared only with other undated articles.
constexpr long kMonths = 100000000, kYears = 200000000;

long day_of(const std::string& date, const std::string& precision) {
  if (date.size() != 8) return kUndated;
  const int year = std::stoi(date.substr(0, 4)), month = std::stoi(date.substr(4, 2));
  if (precision == "day") return days_from_civil(year, month, std::stoi(date.substr(6, 2)));
  if (precision == "month") return kMonths + year * 12L + month - 1;
  if (precision == "year") return kYears + year;
  return kUndated;
}

bool to_the_day(long day) { return day != kUndated && day < kMonths; }

class StoryPass {
 public:
  StoryPass(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& written, bool all)
      : db_(db), all_(all), written_(written) {
    std::sort(written_.begin(), written_.end());
  }

  StoryCounts run() {
    read_groups();
    if (!any_written_) return counts_;
    weigh();
    index();
    for (std::uint32_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].touched) file(g);
    }
    write();
    return counts_;
  }

 private:
  struct Group {
    std::string id;           // its copy group's
    Xapian::docid first = 0;  // its first article
    long day = kUndated;      // the first article's
    std::vector<std::uint32_t> terms;
    double norm = 0;
    std::string story;     // stored with the first article; then as filed
    bool touched = false;  // its first article was written: it is filed again
    bool grown = false;    // another article of it was written
    bool filed = false;
  };

  void read_groups() {
    std::unordered_map<std::string, std::uint32_t> index;
    for (auto v = db_.valuestream_begin(kCopySlot); v != db_.valuestream_end(kCopySlot); ++v) {
      auto [it, fresh] = index.try_emplace(*v, static_cast<std::uint32_t>(groups_.size()));
      if (fresh) {  // docids come in order: the first seen is the group's first article
        groups_.emplace_back();
        groups_.back().id = *v;
        groups_.back().first = v.get_docid();
      }
      member_.emplace_back(v.get_docid(), it->second);
      if (all_ || std::binary_search(written_.begin(), written_.end(), v.get_docid())) {
        // A group is filed again when its first article was written; one that only gained
        // articles (a new copy of an old text) keeps its story, which they are written in.
        (fresh ? groups_[it->second].touched : groups_[it->second].grown) = true;
        any_written_ = true;
      }
    }
    if (!any_written_) return;
    for (auto v = db_.valuestream_begin(kStorySlot); v != db_.valuestream_end(kStorySlot); ++v)
      stored_.emplace_back(v.get_docid(), *v);
    // The first articles' terms, stories and dates (member_ and the streams are in docid order).
    auto m = member_.begin();
    auto s = stored_.begin();
    auto date = db_.valuestream_begin(kDateSlot);
    auto precision = db_.valuestream_begin(kPrecisionSlot);
    const auto end = db_.valuestream_end(kDateSlot);
    for (auto v = db_.valuestream_begin(kStoryTermsSlot); v != db_.valuestream_end(kStoryTermsSlot);
         ++v) {
      while (m != member_.end() && m->first < v.get_docid()) ++m;
      if (m == member_.end()) break;
      if (m->first != v.get_docid() || groups_[m->second].first != m->first) continue;
      Group& g = groups_[m->second];
      g.terms = decode_u32s(*v);
      while (s != stored_.end() && s->first < g.first) ++s;
      if (s != stored_.end() && s->first == g.first) g.story = s->second;
      if (date != end) date.skip_to(g.first);
      if (precision != end) precision.skip_to(g.first);
      if (date != end && date.get_docid() == g.first && precision != end &&
          precision.get_docid() == g.first)
        g.day = day_of(*date, *precision);
    }
    for (Group& g : groups_) {
      if (g.story.empty()) g.story = g.id;
      if (!g.touched) note_day(g.story, g.day);
    }
    // A story's first group: the one named so, else the first untouched one in it.
    for (std::uint32_t g = 0; g < groups_.size(); ++g) {
      if (!groups_[g].touched && groups_[g].story == groups_[g].id) founder_[groups_[g].id] = g;
    }
    for (std::uint32_t g = 0; g < groups_.size(); ++g) {
      if (!groups_[g].touched) founder_.try_emplace(groups_[g].story, g);
    }
  }

  // The earliest day of a story's groups so far.
  void note_day(const std::string& story, long day) {
    auto [it, fresh] = first_day_.try_emplace(story, day);  // (a story's days are of one kind)
    if (!fresh && day < it->second) it->second = day;
  }

  void weigh() {
    for (const Group& g : groups_) {
      for (const std::uint32_t t : g.terms) ++df_[base(t)];
    }
    const double n = std::max<double>(kSmallArchive, static_cast<double>(groups_.size())) + 1;
    rare_ = (n - 1) / 100;
    for (auto& [term, df] : df_) weight_[term] = std::log(n / df);
    for (Group& g : groups_) {
      double sum = 0;
      for (const std::uint32_t t : g.terms) sum += weight_[base(t)] * weight_[base(t)];
      g.norm = std::sqrt(sum);
    }
  }

  // The groups of each rare term (in at most one group of a hundred, or of the small archive's
  // kSmallArchive), by day.
  void index() {
    for (std::uint32_t g = 0; g < groups_.size(); ++g) {
      for (const std::uint32_t term : groups_[g].terms) {
        const std::uint32_t t = base(term);
        if (df_[t] > 1 && df_[t] <= rare_) postings_[t].emplace_back(groups_[g].day, g);
      }
    }
    for (auto& [term, list] : postings_) std::sort(list.begin(), list.end());
    partial_.assign(groups_.size(), 0);
  }

  // The cosine of two groups' weighted terms (at least kStoryThreshold when they share kManyKeys
  // rare key terms and kNamedThreshold); 0 when they share fewer than kMinShared terms or no rare
  // key term.
  double similarity(const Group& a, const Group& b) const {
    if (a.norm == 0 || b.norm == 0) return 0;
    double dot = 0;
    std::size_t shared = 0;
    std::size_t keys = 0;
    auto i = a.terms.begin(), j = b.terms.begin();
    while (i != a.terms.end() && j != b.terms.end()) {
      if (base(*i) < base(*j)) {
        ++i;
      } else if (base(*j) < base(*i)) {
        ++j;
      } else {
        const double w = weight_.at(base(*i));
        dot += w * w;
        ++shared;
        const std::uint32_t df = df_.at(base(*i));
        if ((*i & *j & kName && df <= rare_) || (*i & *j & kTitle && df <= rare_ / 10)) ++keys;
        ++i, ++j;
      }
    }
    if (shared < kMinShared || keys == 0) return 0;
    const double cosine = dot / (a.norm * b.norm);
    // Texts that share many rare names tell one event in other words (two outlets' own reports).
    if (keys >= kManyKeys && cosine >= kNamedThreshold) return std::max(cosine, kStoryThreshold);
    return cosine;
  }

  // Whether group c comes before g in the pass: filed already, or not touched by the run.
  bool before(std::uint32_t c, std::uint32_t g) const {
    return c != g && (!groups_[c].touched || groups_[c].filed);
  }

  bool in_span(const Group& g, const std::string& story) const {
    auto it = first_day_.find(story);
    if (it == first_day_.end()) return true;
    if (!to_the_day(g.day) || !to_the_day(it->second)) return g.day == it->second;
    return g.day - it->second <= kStorySpan && it->second - g.day <= kStorySpan;
  }

  bool like_founder(const Group& g, const std::string& story) const {
    auto it = founder_.find(story);
    return it == founder_.end() || &groups_[it->second] == &g ||
           similarity(g, groups_[it->second]) >= kFounderThreshold;
  }

  void file(std::uint32_t g) {
    Group& me = groups_[g];
    ++counts_.groups;
    // Partial dot products over the rare terms, with the groups of the date window.
    std::vector<std::pair<double, std::uint32_t>> found;
    for (const std::uint32_t term : me.terms) {
      const std::uint32_t t = base(term);
      auto p = postings_.find(t);
      if (p == postings_.end()) continue;
      const auto& list = p->second;
      const long lo = to_the_day(me.day) ? me.day - kStoryDays : me.day;
      const long hi = to_the_day(me.day) ? me.day + kStoryDays : me.day;
      auto it = std::lower_bound(list.begin(), list.end(), std::make_pair(lo, std::uint32_t(0)));
      const double w = weight_.at(t);
      for (; it != list.end() && it->first <= hi; ++it) {
        const std::uint32_t c = it->second;
        if (!before(c, g)) continue;
        if (partial_[c] == 0) seen_.push_back(c);
        partial_[c] += w * w;
      }
    }
    for (const std::uint32_t c : seen_) found.emplace_back(partial_[c], c), partial_[c] = 0;
    seen_.clear();
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (found.size() > kCandidates) found.resize(kCandidates);
    std::uint32_t best = g;
    double best_sim = kStoryThreshold;
    for (const auto& candidate : found) {
      const std::uint32_t c = candidate.second;
      ++counts_.compared;
      const double sim = similarity(me, groups_[c]);
      if (sim >= best_sim && (best == g || sim > best_sim) && in_span(me, groups_[c].story) &&
          like_founder(me, groups_[c].story))
        best = c, best_sim = sim;
    }
    me.story = best == g ? me.id : groups_[best].story;
    if (best != g) ++counts_.joined;
    me.filed = true;
    note_day(me.story, me.day);
    founder_.try_emplace(me.story, g);
  }

  void write() {
    std::unordered_map<Xapian::docid, const std::string*> stored;
    for (const auto& [did, story] : stored_) stored[did] = &story;
    std::vector<std::pair<Xapian::docid, std::string>> changes;
    for (const auto& [did, g] : member_) {
      if (!groups_[g].touched && !groups_[g].grown) continue;
      auto it = stored.find(did);
      if (it != stored.end() && *it->second == groups_[g].story) continue;
      changes.emplace_back(did, groups_[g].story);
    }
    set_slot(db_, kStorySlot, std::move(changes));
  }

  Xapian::WritableDatabase& db_;
  const bool all_;
  std::vector<Xapian::docid> written_;
  bool any_written_ = false;
  std::vector<Group> groups_;                                    // in order of their first articles
  std::vector<std::pair<Xapian::docid, std::uint32_t>> member_;  // docid -> its group
  std::vector<std::pair<Xapian::docid, std::string>> stored_;    // docid -> its stored story
  std::unordered_map<std::uint32_t, std::uint32_t> df_;          // groups with a term
  double rare_ =
      0;  // the most groups a rare term is in: one in a hundred (of kSmallArchive at least)
  std::unordered_map<std::uint32_t, double> weight_;
  std::unordered_map<std::uint32_t, std::vector<std::pair<long, std::uint32_t>>> postings_;
  std::unordered_map<std::string, long> first_day_;  // story -> the earliest day of its groups
  std::unordered_map<std::string, std::uint32_t> founder_;  // story -> its first group
  std::vector<double> partial_;  // by group: the dot product over rare terms so far
  std::vector<std::uint32_t> seen_;
  StoryCounts counts_;
};

}  // namespace

StoryCounts assign_stories(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& written,
                           bool all) {
  if (!all && written.empty()) return {};
  return StoryPass(db, written, all).run();
}

}  // namespace morgue
