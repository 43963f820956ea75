// The listing of --names: one pass over the stored records (the names as written, resolved by
// the codebook and the gazetteer, and the acronyms the texts define), the archive's suggestions,
// then the entities with their variants.
#include "searcher/names.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>
#include <set>

#include "common/article.h"
#include "common/ascii.h"
#include "common/codebook.h"
#include "common/document.h"
#include "common/error.h"
#include "common/places.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/query.h"

namespace morgue {

namespace {

constexpr double kAcronymShare = 0.8;  // of an acronym's definitions, for its long form
constexpr double kSurnameShare = 0.9;  // of the full names ending in a one-word name
// The longest word a shortened form abbreviates, and words that are not abbreviations.
constexpr std::size_t kShortWord = 4;
const std::set<std::string> kNotShort = {"news", "new", "east", "west", "north", "south"};
// A one-word name that begins full names in this share of the articles of those it ends is a
// first name too, and not merged.
constexpr double kFirstNameShare = 0.1;
// A full name named in fewer articles is too little evidence for a one-word name (on BBC News,
// 4 of the 16 suggestions it would add are wrong: "Rodgers" is no Paul Rodgers there).
constexpr Xapian::doccount kMinFullNameArticles = 3;
// An article goes to a full name by the names around it when they share this many names, that
// score this much (the sum of log(articles / articles naming it) over the names shared: three
// names in a thirtieth of the articles each), and this many times the next full name's (on BBC
// News, "S Jones" of an athletics team beside Bath and Cardiff scores 9.1 for the rugby player
// Stephen Jones).
constexpr std::size_t kContextNames = 3;
constexpr double kContextScore = 10.0;
constexpr double kContextMargin = 2.0;

bool ends_with(const std::string& s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Small words a long form may hold that its acronym leaves out.
bool small_word(std::string_view w) {
  static const std::set<std::string_view> kSmall = {"of", "the", "and", "for", "de", "du", "des",
                                                    "la", "le",  "on",  "in",  "&",  "to", "at"};
  return kSmall.count(w) > 0;
}

// The words a name's forms are compared by: its spelling split at spaces and hyphens, without
// possessives and punctuation around them, folded (name_key); with `singular` (an organization's
// forms), a word of a name of two or more words loses a plural s ("Democrats", "PDAs"; not
// "HBOS", "Congress", "News"), "for" reads "of" ("Office for", "Office of"), and small words left
// at the end go ("Office of National Statistics and").
std::vector<std::string> form_words(std::string_view spelling, bool singular) {
  static const std::set<std::string> kNotPlural = {"news",     "series",    "species", "times",
                                                   "politics", "economics", "physics", "means"};
  std::vector<std::string> tokens;
  std::string token;
  for (char c : std::string(spelling) + ' ') {
    if (c == ' ' || c == '-') {
      if (!token.empty()) tokens.push_back(std::move(token));
      token.clear();
    } else {
      token += c;
    }
  }
  std::vector<std::string> out;
  for (std::string& t : tokens) {
    if (ends_with(t, "'s")) t.resize(t.size() - 2);
    if (ends_with(t, "\u2019s")) t.resize(t.size() - 4);
    // Punctuation around a word goes, but "&", which joins initials ("R&D", "S&P", "M&S").
    auto loose = [](char c) { return c != '&' && ascii::is_punct(c); };
    while (!t.empty() && loose(t.back())) t.pop_back();
    while (!t.empty() && loose(t.front())) t.erase(0, 1);
    if (t.empty()) continue;
    const bool plural = singular && tokens.size() >= 2 && t.size() > 3 && t.back() == 's' &&
                        ascii::is_lower(t[t.size() - 2]);
    std::string word = name_key(t);
    if (plural && !kNotPlural.count(word) && !ends_with(word, "ss") && !ends_with(word, "us") &&
        !ends_with(word, "is"))
      word.pop_back();
    if (singular && word == "for") word = "of";
    out.push_back(std::move(word));
  }
  // Words the extractor left hanging at the end ("Office of National Statistics and").
  while (singular && out.size() >= 2 && small_word(out.back())) out.pop_back();
  return out;
}

// The edits between two words, up to `limit` (more is limit + 1): a letter changed, added or
// left out, or two next to each other swapped ("Mathew" and "Matthew", "Mihkail" and "Mikhail":
// one; "Khordokovsky" and "Khodorkovsky": two).
std::size_t edits(const std::string& a, const std::string& b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the table of optimal string alignment distances.
  std::vector<std::size_t> before(m + 1), last(m + 1), row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) last[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    row[0] = i;
    std::size_t least = row[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
      least = std::min(least, row[j]);
    }
    if (least > limit) return limit + 1;
    std::swap(before, last);
    std::swap(last, row);
  }
  return std::min(last[m], limit + 1);
}

bool is_acronym(std::string_view s) {
  return s.size() >= 2 && s.size() <= 6 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The initials an acronym of a name spells: each word's first letter, a word in capitals of up
// to four letters whole ("UK Independence Party": UKIP), small words aside; "" when a word
// begins with neither a capital nor a small word ("Bank of England's report": none).
std::string initials(std::string_view name) {
  std::string out;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
    std::size_t end = i;
    while (end < name.size() && name[end] != ' ' && name[end] != '-') ++end;
    if (end == i) break;
    const std::string_view word = name.substr(i, end - i);
    i = end;
    if (small_word(word)) continue;
    if (word[0] < 'A' || word[0] > 'Z') return {};
    if (word.size() <= 4 && is_acronym(word)) {
      out += word;
    } else {
      out += word[0];
    }
    ++words;
  }
  return words >= 2 ? out : std::string();
}

// Titles written before a person's name. Those that any person may have say nothing of which
// person is meant; any other the archive's articles give one person and not another.
const std::set<std::string_view> kTitles = {
    "Mr",         "Mrs",      "Ms",       "Miss",       "Dr",        "Sir",        "Lord",
    "Lady",       "Baroness", "Baron",    "Dame",       "President", "Chancellor", "Minister",
    "Secretary",  "Senator",  "Governor", "General",    "Judge",     "Justice",    "Professor",
    "Prof",       "King",     "Queen",    "Prince",     "Princess",  "Pope",       "Archbishop",
    "Bishop",     "Rev",      "Reverend", "Father",     "Captain",   "Chairman",   "Commissioner",
    "Ambassador", "Mayor",    "Sheikh",   "Premier",    "Speaker",   "Inspector",  "Detective",
    "Sergeant",   "Colonel",  "Major",    "Lieutenant", "Admiral",   "Cardinal",   "Rabbi",
    "Imam"};
const std::set<std::string> kAnyonesTitles = {"Mr", "Mrs", "Ms", "Miss", "Dr"};

bool is_word_byte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return ascii::is_alnum(u) || u >= 0x80 || c == '\'' || c == '-';
}

std::string articles_text(Xapian::doccount n) {
  return std::to_string(n) + (n == 1 ? " article" : " articles");
}

}  // namespace

Xapian::doccount Evidence::together(const std::string& a, const std::string& b) const {
  const auto x = articles.find(a), y = articles.find(b);
  if (x == articles.end() || y == articles.end()) return 0;
  Xapian::doccount n = 0;
  auto i = x->second.begin(), j = y->second.begin();
  while (i != x->second.end() && j != y->second.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

TitledText::TitledText(std::string_view text) : text_(text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!ascii::is_upper(text[i]) || (i > 0 && ascii::is_alpha(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && ascii::is_alpha(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    i = end;
    if (!kTitles.count(word)) continue;
    // Perhaps a full stop ("Mr."), then spaces, then the name.
    std::size_t after = end;
    if (after < text.size() && text[after] == '.') ++after;
    const std::size_t spaces = after;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\n')) ++after;
    if (after > spaces) titles_.emplace_back(word, after);
  }
}

std::set<std::string> TitledText::before(std::string_view name, bool last_too) const {
  std::set<std::string> out;
  auto scan = [&](std::string_view what) {
    if (what.empty()) return;
    for (const auto& [title, at] : titles_) {
      const std::size_t end = at + what.size();
      // (a word may follow with an apostrophe: "Bush's")
      if (text_.compare(at, what.size(), what) != 0 ||
          (end < text_.size() && is_word_byte(text_[end]) && text_[end] != '\''))
        continue;
      out.emplace(title);
    }
  };
  scan(name);
  const std::size_t space = name.rfind(' ');
  if (last_too && space != std::string_view::npos) scan(name.substr(space + 1));
  return out;
}

std::set<std::string> titles_before(std::string_view text, std::string_view name, bool last_too) {
  return TitledText(text).before(name, last_too);
}

std::vector<std::pair<std::string, std::string>> defined_acronyms(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const std::size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view acronym = text.substr(open + 1, close - open - 1);
    if (!is_acronym(acronym)) continue;
    // The words before the parenthesis, last first, while they are words (letters, hyphens,
    // apostrophes) separated by single spaces; a comma or full stop ends the long form.
    std::size_t end = open;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t pos = end;
    std::size_t need = acronym.size();
    std::size_t start = std::string_view::npos;
    while (need > 0 && pos > 0) {
      std::size_t word_end = pos;
      std::size_t word_start = word_end;
      while (word_start > 0) {
        const unsigned char c = static_cast<unsigned char>(text[word_start - 1]);
        if (ascii::is_alpha(c) || c == '-' || c == '\'' || c >= 0x80) {
          --word_start;
        } else {
          break;
        }
      }
      if (word_start == word_end) break;
      const std::string_view word = text.substr(word_start, word_end - word_start);
      const char initial = word[0];
      // (a long form in lower case counts too: "producer price index (PPI)" is no institute)
      const bool lower_letter = initial >= 'a' && initial <= 'z' &&
                                initial == ascii::lower(acronym[need - 1]) && !small_word(word);
      if ((initial >= 'A' && initial <= 'Z') || lower_letter) {
        if (ascii::upper(initial) != acronym[need - 1]) break;
        --need;
        start = word_start;
      } else if (!small_word(word) || start == std::string_view::npos) {
        break;
      }
      if (need == 0) break;
      if (word_start == 0 || text[word_start - 1] != ' ') break;
      pos = word_start - 1;
    }
    if (need == 0 && start != std::string_view::npos) {
      // ("the Disasters Emergency Committee's (DEC)": the name without its possessive)
      out.emplace_back(std::string(acronym),
                       std::string(without_possessive(text.substr(start, end - start))));
    }
  }
  return out;
}

namespace {

// What by_context reads once for all the names it is asked about: each name's weight (by
// number) and each full name's names around it (the names of its articles, ascending).
struct ContextCache {
  std::vector<double> weight;
  std::map<std::string, std::vector<std::uint32_t>> around;
};

// The full name of `candidates` (keys) that the names around `key` in its articles point to: each
// of its articles scored against the names of each candidate's articles (a shared name weighs
// log(N / its articles); the names themselves weigh nothing); the one that takes 90% of its
// articles while the others take none, and has kMinFullNameArticles by `count` (the articles of
// the names moved under it too); nullptr for none.
const std::string* by_context(const Evidence& evidence, const std::string& key,
                              const std::vector<const std::string*>& candidates,
                              const std::function<Xapian::doccount(const std::string&)>& count,
                              ContextCache& cache) {
  auto mine = evidence.articles.find(key);
  if (evidence.context.empty() || mine == evidence.articles.end() || candidates.size() < 2)
    return nullptr;
  if (cache.weight.empty()) {
    std::map<std::uint32_t, Xapian::doccount> df;
    for (const std::vector<std::uint32_t>& names : evidence.context)
      for (std::uint32_t id : names) ++df[id];
    const auto n = static_cast<double>(evidence.context.size());
    cache.weight.assign(df.empty() ? 0 : df.rbegin()->first + 1, 0.0);
    for (const auto& [id, articles] : df) cache.weight[id] = std::log(n / articles);
  }
  std::set<std::uint32_t> left_out;
  for (const std::string* k : candidates) {
    auto id = evidence.context_ids.find(*k);
    if (id != evidence.context_ids.end()) left_out.insert(id->second);
  }
  if (auto id = evidence.context_ids.find(key); id != evidence.context_ids.end())
    left_out.insert(id->second);
  std::vector<const std::vector<std::uint32_t>*> around;
  for (const std::string* k : candidates) {
    auto [at, added] = cache.around.try_emplace(*k);
    if (added) {
      auto theirs = evidence.articles.find(*k);
      if (theirs != evidence.articles.end())
        for (std::uint32_t a : theirs->second)
          if (a < evidence.context.size())
            at->second.insert(at->second.end(), evidence.context[a].begin(),
                              evidence.context[a].end());
      std::sort(at->second.begin(), at->second.end());
      at->second.erase(std::unique(at->second.begin(), at->second.end()), at->second.end());
    }
    around.push_back(&at->second);
  }
  const std::vector<std::uint32_t>& own = mine->second;
  std::vector<std::size_t> taken(candidates.size());
  for (std::uint32_t a : own) {
    if (a >= evidence.context.size()) continue;
    double best = 0, second = 0;
    std::size_t at = 0, shared_best = 0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      double score = 0;
      std::size_t shared = 0;
      for (std::uint32_t id : evidence.context[a]) {
        if (left_out.count(id) || !std::binary_search(around[c]->begin(), around[c]->end(), id))
          continue;
        if (id < cache.weight.size()) score += cache.weight[id];
        ++shared;
      }
      if (score > best) {
        second = best, best = score, at = c, shared_best = shared;
      } else if (score > second) {
        second = score;
      }
    }
    if (shared_best >= kContextNames && best >= kContextScore && best >= kContextMargin * second)
      ++taken[at];
  }
  const auto most = std::max_element(taken.begin(), taken.end());
  const auto winner = static_cast<std::size_t>(most - taken.begin());
  const std::size_t elsewhere = std::accumulate(taken.begin(), taken.end(), std::size_t{0}) - *most;
  if (*most == 0 || elsewhere > 0 || *most < kSurnameShare * own.size() ||
      count(*candidates[winner]) < kMinFullNameArticles)
    return nullptr;
  return candidates[winner];
}

}  // namespace

std::map<std::string, Proposal> propose_merges(
    std::string_view field, const std::map<std::string, NameCount>& names, const Evidence& evidence,
    const std::function<bool(const std::string&)>& open) {
  std::map<std::string, Proposal> out;
  ContextCache context_cache;
  auto top = [&](const std::vector<const std::string*>& keys) {
    const std::string* best = nullptr;
    for (const std::string* k : keys)
      if (!best || names.at(*k).articles > names.at(*best).articles) best = k;
    return best;
  };
  if (field == "org") {
    // Forms of one name: the same words but for plural s.
    std::map<std::vector<std::string>, std::vector<const std::string*>> groups;
    for (const auto& [key, n] : names) {
      // (a name of single letters, "S." or "S", says too little to be merged)
      std::vector<std::string> words = form_words(n.name, true);
      if (std::any_of(words.begin(), words.end(),
                      [](const std::string& w) { return w.size() > 1; }))
        groups[std::move(words)].push_back(&key);
    }
    for (const auto& [words, keys] : groups) {
      const std::string* best = top(keys);
      for (const std::string* k : keys)
        if (k != best && open(*k))
          out[*k] = {names.at(*best).name, "another form of " + names.at(*best).name};
    }
    // Shortened forms: every word (three letters or more) begins the word of one other name,
    // those it shortens of at most four letters.
    std::map<std::pair<std::size_t, char>, std::vector<const std::vector<std::string>*>> buckets;
    for (const auto& [words, keys] : groups)
      if (words.size() >= 2) buckets[{words.size(), words[0][0]}].push_back(&words);
    for (const auto& [words, keys] : groups) {
      if (words.size() < 2 || std::any_of(words.begin(), words.end(),
                                          [](const std::string& w) { return w.size() < 3; }))
        continue;
      const std::vector<std::string>* longer = nullptr;
      std::size_t fits = 0;
      for (const std::vector<std::string>* other : buckets[{words.size(), words[0][0]}]) {
        bool begins = true, shorter = false;
        for (std::size_t i = 0; i < words.size() && begins; ++i) {
          begins = (*other)[i].compare(0, words[i].size(), words[i]) == 0;
          if (begins && words[i].size() < (*other)[i].size()) {
            // A shortened word: at most four letters ("Lib", "Dem", "Corp"), and no word of
            // its own that begins a longer one ("News", "Newsnight").
            begins = words[i].size() <= kShortWord && !kNotShort.count(words[i]);
            shorter = true;
          }
        }
        if (begins && shorter) longer = other, ++fits;
      }
      if (fits != 1) continue;
      const std::string& target = names.at(*top(groups.at(*longer))).name;
      for (const std::string* k : keys)
        if (open(*k)) out[*k] = {target, "shortened form of " + target};
    }
    // Acronyms the articles define.
    for (const auto& [key, n] : names) {
      if (!is_acronym(n.name) || !open(key)) continue;
      auto defs = evidence.acronyms.find(key);
      if (defs == evidence.acronyms.end()) continue;
      Xapian::doccount total = 0;
      const std::pair<const std::string, Xapian::doccount>* best = nullptr;
      for (const auto& def : defs->second) {
        total += def.second;
        if (names.count(def.first) && (!best || def.second > best->second)) best = &def;
      }
      if (!best || best->second < kAcronymShare * total) continue;
      const std::string& target = names.at(best->first).name;
      out[key] = {target, "acronym defined as " + target + " in " + articles_text(best->second)};
    }
    // Acronyms no article defines: the initials of one organization named beside them, in two of
    // their articles or more and a quarter of them ("FA" beside "Football Association"; "WTO"
    // beside "World Tourism Organisation" once in 8 articles: no).
    std::map<std::string, std::vector<const std::string*>> by_initials;
    for (const auto& [key, n] : names) {
      std::string spelt = initials(n.name);
      if (!spelt.empty()) by_initials[std::move(spelt)].push_back(&key);
    }
    for (const auto& [key, n] : names) {
      if (!is_acronym(n.name) || !open(key) || out.count(key)) continue;
      auto fits = by_initials.find(n.name);
      if (fits == by_initials.end()) continue;
      const std::string* best = nullptr;
      Xapian::doccount most = 0, total = 0;
      for (const std::string* k : fits->second) {
        const Xapian::doccount both = evidence.together(key, *k);
        total += both;
        if (both > most) best = k, most = both;
      }
      if (!best || most < 2 || 4 * most < n.articles || most < kAcronymShare * total) continue;
      // (nor where an article defines it at all: defined as this name often enough, the rule
      // above took it; otherwise articles define it as something else, "Building Society
      // Association (BSA)" beside the Business Software Alliance's "BSA")
      auto defs = evidence.acronyms.find(key);
      if (defs != evidence.acronyms.end() && !defs->second.empty()) continue;
      const std::string& target = names.at(*best).name;
      out[key] = {target, "initials of " + target + ", named beside it in " + std::to_string(most) +
                              " of its " + articles_text(n.articles)};
    }
    // A chamber's short name named beside the whole in an article ("Lords", "House of Lords").
    for (const auto& [key, n] : names) {
      if (!open(key) || out.count(key)) continue;
      auto house = names.find(name_key("House of " + n.name));
      if (house == names.end()) continue;
      const Xapian::doccount both = evidence.together(key, house->first);
      if (both == 0) continue;
      out[key] = {house->second.name, "short for " + house->second.name + ", named beside it in " +
                                          std::to_string(both) + " of its " +
                                          articles_text(n.articles)};
    }
    // A name with a designation and without ("Labour Party" and "Labour", "Leeds United" and
    // "Leeds"), when the name has no other designation ("Manchester" has United and City: none),
    // and the two are named side by side in an article, or the designation is a club's and the name
    // a place the articles name or the gazetteer knows (a club named for its town, "Newcastle
    // United" under "Newcastle"): the less frequent under the other.
    // Designations: a club's, a company's, and "party".
    static const std::set<std::string> kClubs = {"united", "city",     "town", "county",
                                                 "rovers", "athletic", "fc"};
    static const std::set<std::string> kCompanies = {
        "group",       "holdings", "inc", "incorporated", "plc",     "corp",
        "corporation", "company",  "co",  "ltd",          "limited", "llc"};
    auto designation = [](const std::string& w) {
      return w == "party" || kClubs.count(w) > 0 || kCompanies.count(w) > 0;
    };
    std::map<std::vector<std::string>, std::vector<const std::string*>> by_words, designated;
    for (const auto& [key, n] : names) {
      std::vector<std::string> words = form_words(n.name, false);
      if (words.size() >= 2 && designation(words.back())) {
        designated[std::vector<std::string>(words.begin(), words.end() - 1)].push_back(&key);
      }
      if (!words.empty()) by_words[std::move(words)].push_back(&key);
    }
    for (const auto& [base, keys] : designated) {
      auto plain = by_words.find(base);
      if (plain == by_words.end()) {  // "Conservative Party" and "Conservatives"
        std::vector<std::string> plural = base;
        plural.back() += 's';
        plain = by_words.find(plural);
      }
      if (plain == by_words.end()) continue;
      // (one designation: its spellings, "Labour Party" and "Labour party", are one name)
      std::set<std::string> kinds;
      for (const std::string* k : keys) kinds.insert(form_words(names.at(*k).name, false).back());
      if (kinds.size() != 1) continue;
      // (a town's name that two or more other bodies of the archive begin with is not taken for
      // its club: "Leeds" beside "Leeds Rhinos", "Leeds Tykes" and "Leeds University")
      if (kClubs.count(*kinds.begin())) {
        std::size_t others = 0;
        for (auto it = by_words.upper_bound(base);
             it != by_words.end() && it->first.size() > base.size() &&
             std::equal(base.begin(), base.end(), it->first.begin());
             ++it)
          others += it->first.size() != base.size() + 1 || it->first.back() != *kinds.begin();
        if (others >= 2) continue;
      }
      const std::string* bare = top(plain->second);
      const std::string* full = top(keys);
      const Xapian::doccount both = evidence.together(*bare, *full);
      const bool to_bare = names.at(*bare).articles >= names.at(*full).articles;
      const std::string& bare_name = names.at(*bare).name;
      const bool town =
          to_bare && kClubs.count(*kinds.begin()) && !is_acronym(bare_name) &&
          ((evidence.country && evidence.country(bare_name)) || evidence.named_places.count(*bare));
      if (both == 0 && !town) continue;
      const std::string& target = names.at(to_bare ? *bare : *full).name;
      const std::string because = both > 0 ? ", named side by side in " + articles_text(both)
                                           : ", the name of a place, as a club's is";
      for (const std::string* k : to_bare ? keys : plain->second) {
        if (!open(*k) || out.count(*k)) continue;
        out[*k] = {target, (to_bare ? "designated form of " : "short form of ") + target + because};
      }
    }
    // A name with its country before it ("US Federal Reserve") and without, when the articles of
    // the name without name that country, three or more and 80% of them ("US Treasury" beside
    // "Treasury", whose articles are about the United Kingdom: none).
    for (const auto& [key, n] : names) {
      const std::size_t space = n.name.find(' ');
      if (!open(key) || out.count(key) || !evidence.country || space == std::string::npos) continue;
      const std::string* country = evidence.country(n.name.substr(0, space));
      auto bare = by_words.find(form_words(n.name.substr(space + 1), false));
      if (!country || bare == by_words.end()) continue;
      const std::string* target = top(bare->second);
      auto seen = evidence.articles.find(*target);
      if (seen == evidence.articles.end() || seen->second.size() < 3) continue;
      const std::string where = name_key(*country);
      const auto there = static_cast<Xapian::doccount>(
          std::count_if(seen->second.begin(), seen->second.end(), [&](std::uint32_t a) {
            return a < evidence.places_of.size() && evidence.places_of[a].count(where) > 0;
          }));
      if (10 * there < 8 * seen->second.size()) continue;
      const std::string& name = names.at(*target).name;
      out[key] = {name, name + " with its country (" + *country + ", named in " +
                            std::to_string(there) + " of the " +
                            articles_text(static_cast<Xapian::doccount>(seen->second.size())) +
                            " of " + name + ")"};
    }
    // A company of three words or more with its designation ("Walt Disney Company", "US Disney
    // Corporation") under the word before the designation, when that is an organization of the
    // archive named beside it in an article, with three times its articles ("Disney").
    for (const auto& [words, keys] : by_words) {
      if (words.size() < 3 || !kCompanies.count(words.back())) continue;
      auto maker = by_words.find({words[words.size() - 2]});
      if (maker == by_words.end()) continue;
      const std::string* target = top(maker->second);
      for (const std::string* k : keys) {
        const Xapian::doccount both = evidence.together(*k, *target);
        if (!open(*k) || out.count(*k) || both == 0 ||
            names.at(*target).articles < 3 * names.at(*k).articles)
          continue;
        const std::string& name = names.at(*target).name;
        out[*k] = {name,
                   "the company " + name + " in full, named beside it in " + articles_text(both)};
      }
    }
    // The names the press gives a party besides its own ("Tory Party", "Tories": the
    // Conservatives; "GOP"), when the name they stand for is an organization of the archive.
    static const std::map<std::string, std::string> kNicknames = {
        {"tory", "Conservative"}, {"tories", "Conservatives"}, {"gop", "Republican Party"}};
    for (const auto& [key, n] : names) {
      if (!open(key) || out.count(key)) continue;
      std::string spelt;
      bool renamed = false;
      for (const std::string& w : form_words(n.name, false)) {
        auto nick = kNicknames.find(w);
        renamed |= nick != kNicknames.end();
        spelt += (spelt.empty() ? "" : " ") + (nick == kNicknames.end() ? w : nick->second);
      }
      auto named = groups.find(form_words(spelt, true));
      if (!renamed || named == groups.end()) continue;
      const std::string& target = names.at(*top(named->second)).name;
      out[key] = {target, "another name for " + target};
    }
    // The Games and the Olympics of one place and year ("Athens Games", "Athens Olympics"): the
    // less frequent under the other.
    for (const auto& [words, keys] : by_words) {
      if (words.size() < 2 || words.back() != "games") continue;
      std::vector<std::string> olympics = words;
      olympics.back() = "olympics";
      auto other = by_words.find(olympics);
      if (other == by_words.end()) continue;
      const std::string* games = top(keys);
      const std::string* olympic = top(other->second);
      const bool to_olympics = names.at(*olympic).articles >= names.at(*games).articles;
      const std::string& target = names.at(to_olympics ? *olympic : *games).name;
      for (const std::string* k : to_olympics ? keys : other->second)
        if (open(*k) && !out.count(*k)) out[*k] = {target, "the same Games as " + target};
    }
    // A name of two words or more with a sponsor's or an owner's before it ("RBS Six Nations",
    // "BBC Radio 4"), when that is an organization of the archive written as an acronym: the
    // less frequent under the other, when the two are named side by side in two articles or
    // more ("RBS Six Nations" under "Six Nations"); or, for the name without it, when it is the
    // only owner's name the archive writes before it ("Radio 4" under "BBC Radio 4": an
    // article's own names give "Radio 4" the long name where it has both, so they are never
    // side by side).
    std::map<std::vector<std::string>, std::size_t> owners_of;
    for (const auto& [key, n] : names) {
      const std::size_t space = n.name.find(' ');
      if (space != std::string::npos && is_acronym(n.name.substr(0, space)))
        ++owners_of[form_words(n.name.substr(space + 1), false)];
    }
    for (const auto& [key, n] : names) {
      const std::size_t space = n.name.find(' ');
      if (space == std::string::npos) continue;
      const std::string owner = n.name.substr(0, space);
      auto bare = by_words.find(form_words(n.name.substr(space + 1), false));
      if (!is_acronym(owner) || !names.count(name_key(owner)) || bare == by_words.end() ||
          bare->first.size() < 2)
        continue;
      const std::string* target = top(bare->second);
      const Xapian::doccount both = evidence.together(key, *target);
      const std::string& name = names.at(*target).name;
      if (names.at(*target).articles >= n.articles) {
        if (!open(key) || out.count(key) || both < 2) continue;
        out[key] = {name, name + " with " + owner + "'s name before it, named side by side in " +
                              articles_text(both)};
      } else if ((both >= 2 || owners_of[bare->first] == 1) && !out.count(key)) {
        // (not under a name that goes under another itself)
        for (const std::string* k : bare->second)
          if (open(*k) && !out.count(*k))
            out[*k] = {n.name, n.name + " without " + owner + "'s name before it" +
                                   (both >= 2 ? ", named side by side in " + articles_text(both)
                                              : ", the only owner's name written before it")};
      }
    }
  }
  if (field == "person") {
    // Full names by their last word, and the articles of full names by their first word; a name
    // whose first word is an initial ("J Noon") is no full name.
    std::map<std::string, std::vector<std::string>> words_of;
    std::map<std::string, std::vector<const std::string*>> by_last;
    std::map<std::string, Xapian::doccount> first_words;
    for (const auto& [key, n] : names) {
      const std::vector<std::string>& words = words_of[key] = form_words(n.name, false);
      if (words.size() < 2 || words[0].size() < 2 ||
          std::find(words.begin(), words.end(), "and") != words.end())  // "Matsushita and Samsung"
        continue;
      by_last[words.back()].push_back(&key);
      first_words[words.front()] += n.articles;
    }
    // Moves a name under another, counting its articles for that one (the rules below run in
    // this order, each on what the ones before it left).
    std::map<std::string, Xapian::doccount> joined;
    auto articles = [&](const std::string& key) {
      auto extra = joined.find(key);
      return names.at(key).articles + (extra == joined.end() ? 0 : extra->second);
    };
    // The titles each name's articles give it, with those of the names moved under it.
    std::map<std::string, std::set<std::string>> profiles;
    for (const auto& [key, per_article] : evidence.titles)
      for (const std::set<std::string>& titles : per_article)
        profiles[key].insert(titles.begin(), titles.end());
    auto join = [&](const std::string& key, const std::string& target, std::string reason) {
      joined[target] += articles(key);
      profiles[target].insert(profiles[key].begin(), profiles[key].end());
      out[key] = {names.at(target).name, std::move(reason)};
    };
    // Other spellings of one full name: the same words ("Robert Kilroy Silk", "George W. Bush").
    std::map<std::vector<std::string>, std::vector<const std::string*>> spellings;
    for (const auto& [last, keys] : by_last)
      for (const std::string* k : keys) spellings[words_of[*k]].push_back(k);
    for (const auto& [words, keys] : spellings) {
      const std::string* best = top(keys);
      for (const std::string* k : keys)
        if (k != best && open(*k)) join(*k, *best, "another spelling of " + names.at(*best).name);
    }
    auto standing = [&](const std::string* k) { return !out.count(*k); };
    // A first name written otherwise: the same other words, and a first name that begins the
    // other's ("Steve" and "Steven", "Rafa" and "Rafael") or, of six letters or more, is one edit
    // from it ("Mathew" and "Matthew"); the name with a third of the other's articles or fewer
    // goes under it, when it fits no other.
    for (const auto& [last, keys] : by_last) {
      for (const std::string* k : keys) {
        if (!standing(k) || !open(*k)) continue;
        const std::vector<std::string>& w = words_of[*k];
        const std::string* only = nullptr;
        std::size_t fits = 0;
        for (const std::string* other : keys) {
          const std::vector<std::string>& o = words_of[*other];
          if (other == k || !standing(other) || o.size() != w.size() ||
              !std::equal(w.begin() + 1, w.end(), o.begin() + 1))
            continue;
          const bool begins = w[0].size() >= 3 && o[0].size() > w[0].size() &&
                              o[0].compare(0, w[0].size(), w[0]) == 0;
          const bool typo = w[0].size() >= 6 && o[0].size() >= 6 && edits(w[0], o[0], 1) == 1;
          if ((begins || typo) && 3 * articles(*k) <= articles(*other)) only = other, ++fits;
        }
        if (fits == 1)
          join(*k, *only, "first name of " + names.at(*only).name + " written otherwise");
      }
    }
    // A middle name left out ("George Bush", "George W Bush"), and a long surname misspelt
    // ("Mikhail Khordokovsky", "Mikhail Khodorkovsky": two edits in ten letters or more, one in
    // eight or nine): the one full name that fits, with three times the articles.
    std::map<std::string, std::vector<const std::string*>> by_first;
    for (const auto& [last, keys] : by_last)
      for (const std::string* k : keys) by_first[words_of[*k].front()].push_back(k);
    for (const auto& [first, keys] : by_first) {
      for (const std::string* k : keys) {
        if (!standing(k) || !open(*k)) continue;
        const std::vector<std::string>& w = words_of[*k];
        const std::string* only = nullptr;
        std::size_t fits = 0;
        bool middle = false;
        for (const std::string* other : keys) {
          const std::vector<std::string>& o = words_of[*other];
          if (other == k || !standing(other) || 3 * articles(*k) > articles(*other)) continue;
          // (the two named side by side in an article are two people: "Presidents George W Bush,
          // Bill Clinton, George Bush")
          const bool left_out = w.size() == 2 && o.size() > 2 && o.back() == w.back() &&
                                evidence.together(*k, *other) == 0;
          const std::size_t letters = std::min(w.back().size(), o.back().size());
          const bool misspelt = o.size() == w.size() && letters >= 8 &&
                                std::equal(w.begin(), w.end() - 1, o.begin()) &&
                                edits(w.back(), o.back(), 2) <= (letters >= 10 ? 2u : 1u);
          if (left_out || misspelt) only = other, ++fits, middle = left_out;
        }
        if (fits == 1)
          join(*k, *only,
               (middle ? "middle name of " : "surname of ") + names.at(*only).name +
                   (middle ? " left out" : " misspelt"));
      }
    }
    // Initials: "J Noon" (team sheets write them) is the full name of the archive with the same
    // other words whose first name begins with J, when it is the only one or has 90% of their
    // articles.
    for (const auto& [key, n] : names) {
      const std::vector<std::string>& words = words_of[key];
      if (words.size() < 2 || words[0].size() != 1 || !open(key)) continue;
      auto full = by_last.find(words.back());
      if (full == by_last.end()) continue;
      const std::string* best = nullptr;
      Xapian::doccount total = 0;
      std::size_t fits = 0;
      for (const std::string* k : full->second) {
        const std::vector<std::string>& w = words_of[*k];
        if (!standing(k) || w.size() != words.size() || w[0][0] != words[0][0] ||
            !std::equal(words.begin() + 1, words.end(), w.begin() + 1))
          continue;
        ++fits;
        total += articles(*k);
        if (!best || articles(*k) > articles(*best)) best = k;
      }
      if (best && articles(*best) < kSurnameShare * total) {
        std::vector<const std::string*> fitting;
        for (const std::string* k : full->second) {
          const std::vector<std::string>& w = words_of[*k];
          if (standing(k) && w.size() == words.size() && w[0][0] == words[0][0] &&
              std::equal(words.begin() + 1, words.end(), w.begin() + 1))
            fitting.push_back(k);
        }
        if (const std::string* meant = by_context(evidence, key, fitting, articles, context_cache))
          join(key, *meant, "initial of " + names.at(*meant).name + ", by the names around it");
        continue;
      }
      if (!best) continue;
      join(key, *best,
           fits == 1
               ? "initial of " + names.at(*best).name + ", the one full name it fits"
               : "initial of " + names.at(*best).name + " (" + std::to_string(articles(*best)) +
                     " of " + articles_text(total) + " naming a full name it fits)");
    }
    for (const auto& [key, n] : names) {
      const std::vector<std::string>& words = words_of[key];
      if (words.size() != 1 || !open(key)) continue;
      auto full = by_last.find(words[0]);
      if (full == by_last.end()) continue;
      Xapian::doccount total = 0;
      const std::string* best = nullptr;
      for (const std::string* k : full->second) {
        if (!standing(k)) continue;
        total += articles(*k);
        if (!best || articles(*k) > articles(*best)) best = k;
      }
      if (!best) continue;
      const Xapian::doccount most = articles(*best);
      // The titles its articles give it, article by article, against those the full names'
      // articles give them: one the full name's never carry keeps it apart ("Baroness Kennedy"
      // beside "Mr Kennedy"); where they give it none, so does a title anyone may have ("Mrs
      // Wilkinson" beside the never titled Jonny Wilkinson), and an office is left to the names
      // around it ("Prime Minister Thatcher", Margaret Thatcher); one of the full name's own,
      // that no other full name of the word carries, is evidence ("President Bush").
      const std::set<std::string>& theirs = profiles[*best];
      auto only_theirs = [&](const std::string& title) {
        if (kAnyonesTitles.count(title) || !theirs.count(title)) return false;
        return std::none_of(full->second.begin(), full->second.end(), [&](const std::string* k) {
          return k != best && standing(k) && profiles[*k].count(title);
        });
      };
      Xapian::doccount titled = 0;
      std::string title, stranger;
      bool office = false;  // an office beside a full name never titled: the names around decide
      auto mine = evidence.titles.find(key);
      if (mine != evidence.titles.end()) {
        for (const std::set<std::string>& titles : mine->second) {
          if (titles.empty()) continue;
          office |= theirs.empty();
          if (theirs.empty()
                  ? std::any_of(titles.begin(), titles.end(),
                                [](const std::string& t) { return kAnyonesTitles.count(t) > 0; })
                  : std::none_of(titles.begin(), titles.end(),
                                 [&](const std::string& t) { return theirs.count(t) > 0; })) {
            stranger = *titles.begin();
            break;
          }
          auto own = std::find_if(titles.begin(), titles.end(), only_theirs);
          if (own != titles.end()) ++titled, title = *own;
        }
      }
      if (!stranger.empty()) continue;
      // One full name with nearly all the articles, and at least twice the one-word name's; and
      // the word is no first name as well (Charles Kennedy beside Ray Charles).
      auto first = first_words.find(words[0]);
      if (most < kMinFullNameArticles ||
          (first != first_words.end() && first->second >= kFirstNameShare * total))
        continue;
      const std::string& name = names.at(*best).name;
      if (!office && most >= kSurnameShare * total && most >= 2 * n.articles) {
        out[key] = {name, "surname of " + name + " (" + std::to_string(most) + " of " +
                              articles_text(total) + " naming a full name ending in it)"};
      } else if (titled >= kSurnameShare * n.articles) {  // (never with `office`: none titled)
        out[key] = {name, "surname of " + name + " (" + title + " in " + std::to_string(titled) +
                              " of its " + articles_text(n.articles) + ", as in " + name +
                              "'s and no other's)"};
      } else {
        std::vector<const std::string*> standing_names;
        for (const std::string* k : full->second)
          if (standing(k)) standing_names.push_back(k);
        if (const std::string* meant =
                by_context(evidence, key, standing_names, articles, context_cache))
          out[key] = {names.at(*meant).name,
                      "surname of " + names.at(*meant).name + ", by the names around it"};
      }
    }
  }
  if (field == "place") {
    // A place the gazetteer does not know, one letter from one other with three times its
    // articles ("Landsdowne Road", "Lansdowne Road"), but for a letter at the end ("Austrian" is
    // no misspelt "Austria"): names of eight letters or more, compared with those of about their
    // length and their first letter.
    std::map<std::pair<std::size_t, char>, std::vector<const std::string*>> buckets;
    for (const auto& [key, n] : names)
      if (!key.empty()) buckets[{key.size(), key[0]}].push_back(&key);
    for (const auto& [key, n] : names) {
      if (key.size() < 8 || !open(key) || (evidence.country && evidence.country(n.name))) continue;
      const std::string* only = nullptr;
      std::size_t fits = 0;
      for (std::size_t size = key.size() - 1; size <= key.size() + 1; ++size) {
        auto bucket = buckets.find({size, key[0]});
        if (bucket == buckets.end()) continue;
        for (const std::string* other : bucket->second)
          if (*other != key && 3 * n.articles <= names.at(*other).articles &&
              edits(key, *other, 1) == 1 && key.compare(0, other->size(), *other) != 0 &&
              other->compare(0, key.size(), key) != 0)
            only = other, ++fits;
      }
      if (fits == 1) out[key] = {names.at(*only).name, "one letter from " + names.at(*only).name};
    }
  }
  return out;
}

void list_names(const Xapian::Database& db, const SearchOptions& o, std::ostream& out) {
  if (o.format != OutputFormat::kText && o.format != OutputFormat::kTsv)
    throw Error("--names prints a codebook, tab-separated: give no --format, or --format tsv");
  const PlaceTable places = PlaceTable::unserialise(db.get_metadata(kPlacesKey));
  const Codebook codebook = Codebook::parse(db.get_metadata(kNamesKey), "the database's codebook");
  std::vector<const Field*> named;
  for (const std::string& name : *o.names) {
    const Field* f = nullptr;
    try {
      f = &entity_field(name);
    } catch (const Error& e) {
      throw Error(std::string("--names: ") + e.what());
    }
    if (std::find(named.begin(), named.end(), f) == named.end()) named.push_back(f);
  }
  const bool orgs =
      std::any_of(named.begin(), named.end(), [](const Field* f) { return f->name == "org"; });
  // For the people's evidence of context: every name of every kind, numbered.
  std::map<std::string, std::uint32_t> context_ids;
  auto context_id = [&](const std::string& field, const std::string& key) {
    return context_ids.emplace(field + '\t' + key, static_cast<std::uint32_t>(context_ids.size()))
        .first->second;
  };
  const std::vector<const Field*> context_fields = {&entity_field("person"), &entity_field("place"),
                                                    &entity_field("org")};

  // Pass 1: each article's names as written and as filed ("" when the codebook drops it).
  struct Mention {
    std::string written, filed;
  };
  std::vector<std::vector<std::vector<Mention>>> mentions;  // article, field
  std::vector<std::map<std::string, std::map<std::string, Xapian::doccount>>> filed(named.size());
  std::vector<std::map<std::string, NameCount>> counts(named.size());
  std::vector<Evidence> evidence(named.size());
  const Field& place_field = entity_field("place");
  for (Evidence& e : evidence)
    e.country = [&places](const std::string& name) { return places.canonical(name); };
  auto read = [&](Xapian::docid did) {
    const std::string data = db.get_document(did).get_data();
    const Article a = article_from_record(read_record(data, false));
    const auto article = static_cast<std::uint32_t>(mentions.size());
    std::optional<TitledText> titled;  // the text's titles, read when a person needs them
    std::set<std::string> where;       // the places it names, as the gazetteer files them
    for (const std::string& v : field_values(a, place_field)) {
      const std::string* country = places.canonical(v);
      where.insert(name_key(country ? *country : v));
    }
    for (std::size_t i = 0; i < named.size(); ++i) {
      if (named[i]->name != "org") continue;
      evidence[i].named_places.insert(where.begin(), where.end());
      evidence[i].places_of.push_back(where);
    }
    std::vector<std::vector<Mention>>& m = mentions.emplace_back(named.size());
    for (std::size_t i = 0; i < named.size(); ++i) {
      const bool people = named[i]->name == "person";
      std::map<std::string, std::set<std::string>> titles;  // of each name filed, by key
      for (std::string v : field_values(a, *named[i])) {
        v = clean_name(v);
        if (v.empty()) continue;
        const std::optional<Resolved> r = resolve_name(*named[i], v, places, codebook);
        const std::string key = r ? name_key(r->indexed) : std::string();
        if (r) {
          auto [at, first] = titles.try_emplace(key);
          if (first) {
            ++filed[i][key][r->indexed];
            ++counts[i][key].articles;
            evidence[i].articles[key].push_back(article);
          }
          if (people) {
            if (!titled) titled.emplace(stored_text(data));
            std::set<std::string> more = titled->before(v, true);
            at->second.insert(more.begin(), more.end());
          }
        }
        m[i].push_back({std::move(v), key});
      }
      if (people) {
        // (this field's names as filed, the others' as written)
        std::vector<std::uint32_t> around;
        for (const auto& [key, t] : titles) {
          const std::uint32_t id = context_id(std::string("person"), key);
          evidence[i].context_ids.emplace(key, id);
          around.push_back(id);
        }
        for (const Field* f : context_fields) {
          if (f->name == "person") continue;
          for (const std::string& v : field_values(a, *f)) {
            const std::string key = name_key(clean_name(v));
            if (!key.empty()) around.push_back(context_id(std::string(f->name), key));
          }
        }
        std::sort(around.begin(), around.end());
        around.erase(std::unique(around.begin(), around.end()), around.end());
        evidence[i].context.push_back(std::move(around));
        for (auto& [key, t] : titles) evidence[i].titles[key].push_back(std::move(t));
      }
    }
    if (orgs) {
      std::set<std::pair<std::string, std::string>> defined;
      for (const auto& [acronym, long_form] : defined_acronyms(stored_text(data)))
        defined.emplace(name_key(acronym), name_key(long_form));
      for (std::size_t i = 0; i < named.size(); ++i)
        if (named[i]->name == "org")
          for (const auto& [acronym, long_form] : defined)
            ++evidence[i].acronyms[acronym][long_form];
    }
  };
  if (o.query.empty()) {
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) read(*p);
  } else {
    Xapian::Enquire enquire(db);
    enquire.set_query(QueryBuilder(db, QueryOptions{o.any, o.langs}).parse(o.query).query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
    for (auto m = matches.begin(); m != matches.end(); ++m) read(*m);
  }
  auto most = [](const std::map<std::string, Xapian::doccount>& spellings) {
    const std::string* best = nullptr;
    Xapian::doccount n = 0;
    for (const auto& [s, c] : spellings)
      if (c > n) best = &s, n = c;
    return best ? *best : std::string();
  };
  // The archive's suggestions, for the names the codebook does not name, followed to their end.
  std::vector<std::map<std::string, Proposal>> proposals(named.size());
  for (std::size_t i = 0; i < named.size(); ++i) {
    for (auto& [key, n] : counts[i]) n.name = most(filed[i][key]);
    proposals[i] = propose_merges(
        named[i]->name, counts[i], evidence[i],
        [&](const std::string& k) { return codebook.find(*named[i], k) == nullptr; });
  }
  auto final_key = [&](std::size_t i, const std::string& key) {
    std::string k = key;
    std::set<std::string> visited{k};
    for (auto p = proposals[i].find(k); p != proposals[i].end(); p = proposals[i].find(k)) {
      const std::string next = name_key(p->second.canonical);
      if (!visited.insert(next).second) break;
      k = next;
    }
    return k;
  };

  // Pass 2: entities (by their final key) and their variants (by the key as written).
  struct Variant {
    std::map<std::string, Xapian::doccount> spellings;
    Xapian::doccount articles = 0;
    std::string reason;  // the suggestion that moved it, if one did
  };
  struct Entity {
    Xapian::doccount articles = 0;
    std::map<std::string, Variant> variants;
  };
  std::vector<std::map<std::string, Entity>> entities(named.size());
  for (const auto& article : mentions) {
    for (std::size_t i = 0; i < named.size(); ++i) {
      std::set<std::string> seen_entities, seen_variants;
      for (const Mention& m : article[i]) {
        const std::string entity = m.filed.empty() ? std::string() : final_key(i, m.filed);
        Entity& e = entities[i][entity];
        if (seen_entities.insert(entity).second) ++e.articles;
        const std::string variant = name_key(m.written);
        Variant& v = e.variants[variant];
        if (seen_variants.insert(entity + '\t' + variant).second) {
          ++v.articles;
          ++v.spellings[m.written];
          if (entity != m.filed) v.reason = proposals[i].at(m.filed).reason;
        }
      }
    }
  }
  auto cell = [](std::string s) {  // a name holds no tab or line break (clean_name); be sure
    std::replace_if(
        s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n'; }, ' ');
    return s;
  };
  out << "# The names of " << (o.query.empty() ? "the archive" : "the articles matching the query")
      << ", as filed: FIELD, NAME as written, CANONICAL (\"-\": dropped), ARTICLES,\n"
         "# and the merges the archive suggests (\"suggested: ...\"), not yet made: to make them,\n"
         "# or to correct them, edit this into a codebook and index with morgue-index --names "
         "FILE\n"
         "# (lines starting with # and columns after the third are left alone).\n";
  for (std::size_t i = 0; i < named.size(); ++i) {
    std::vector<std::pair<const std::string*, const Entity*>> order;
    for (const auto& [key, e] : entities[i])
      if (!key.empty()) order.emplace_back(&key, &e);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      return a.second->articles != b.second->articles ? a.second->articles > b.second->articles
                                                      : *a.first < *b.first;
    });
    auto dropped = entities[i].find("");
    if (dropped != entities[i].end()) order.emplace_back(&dropped->first, &dropped->second);
    const std::string field(named[i]->name);
    for (const auto& [key, e] : order) {
      const std::string canonical = key->empty() ? std::string("-") : counts[i].at(*key).name;
      out << "# " << field << ' ' << cell(key->empty() ? "(dropped)" : canonical) << ": "
          << articles_text(e->articles) << ", " << e->variants.size()
          << (e->variants.size() == 1 ? " variant\n" : " variants\n");
      struct Row {
        std::string name;
        Xapian::doccount articles;
        const std::string* reason;
      };
      std::vector<Row> rows;
      for (const auto& [vkey, v] : e->variants)
        rows.push_back({most(v.spellings), v.articles, &v.reason});
      std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.articles != b.articles ? a.articles > b.articles : a.name < b.name;
      });
      for (const Row& r : rows) {
        out << field << '\t' << cell(r.name) << '\t' << cell(canonical) << '\t' << r.articles;
        if (!r.reason->empty()) out << "\tsuggested: " << cell(*r.reason);
        out << '\n';
      }
    }
  }
}

}  // namespace morgue
