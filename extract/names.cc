// Canonical person names within one article.
#include "extract/names.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/ascii.h"
#include "common/text.h"
#include "extract/word_set.h"

namespace morgue {
namespace {

// Words that come before a name without being part of it ("Secretary Kristi Noem").
const WordSet& titles() {
  static const WordSet words = {"president",
                                "vice",
                                "secretary",
                                "sec",
                                "minister",
                                "prime",
                                "premier",
                                "chancellor",
                                "mr",
                                "mrs",
                                "ms",
                                "miss",
                                "dr",
                                "prof",
                                "professor",
                                "sir",
                                "dame",
                                "lord",
                                "lady",
                                "gov",
                                "governor",
                                "sen",
                                "senator",
                                "rep",
                                "representative",
                                "congressman",
                                "congresswoman",
                                "mayor",
                                "judge",
                                "justice",
                                "attorney",
                                "general",
                                "gen",
                                "lt",
                                "col",
                                "colonel",
                                "capt",
                                "captain",
                                "sgt",
                                "sergeant",
                                "adm",
                                "admiral",
                                "commander",
                                "maj",
                                "major",
                                "officer",
                                "chief",
                                "deputy",
                                "speaker",
                                "king",
                                "queen",
                                "prince",
                                "princess",
                                "pope",
                                "rev",
                                "reverend",
                                "father",
                                "sheikh",
                                "ambassador",
                                "director",
                                "chairman",
                                "chairwoman",
                                "ceo",
                                "coach",
                                "state",
                                "homeland",
                                "security",
                                "defense",
                                "foreign",
                                "interior",
                                "dhs",
                                "former",
                                "acting",
                                "late",
                                "u.s.",
                                "us",
                                "then",
                                "cardinal",
                                "bishop",
                                "archbishop",
                                "lieutenant",
                                "spokesman",
                                "spokeswoman",
                                "lieutenant-colonel",
                                "executive",
                                "leader",
                                "lieutenant-general",
                                "major-general",
                                "brigadier",
                                "brigadier-general",
                                "baroness",
                                "baron",
                                "supt",
                                "mp",
                                "imam",
                                "ayatollah"};
  return words;
}

// Titles that are also common surnames: "John Major", "Billie Jean King" end with one.
bool surname_title(const std::string& folded) {
  return folded == "major" || folded == "king" || folded == "judge" || folded == "speaker" ||
         folded == "bishop" || folded == "chancellor";
}

struct Words {
  std::string display;
  std::vector<std::string> folded;
};

Words split(std::string_view name) {
  Words w{std::string(name), {}};
  std::size_t at = 0;
  while (at < name.size()) {
    std::size_t end = name.find(' ', at);
    if (end == std::string_view::npos) end = name.size();
    if (end > at) w.folded.push_back(fold(name.substr(at, end - at)));
    at = end + 1;
  }
  return w;
}

bool subset_of(const std::vector<std::string>& small, const std::vector<std::string>& big) {
  return std::all_of(small.begin(), small.end(), [&](const std::string& x) {
    return std::find(big.begin(), big.end(), x) != big.end();
  });
}

std::string without_dot(std::string w) {
  if (!w.empty() && w.back() == '.') w.pop_back();
  return w;
}

}  // namespace

std::string strip_person_name(std::string_view mention) {
  std::string name = clean_name(mention);
  for (std::string_view tail : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (name.size() > tail.size() &&
        name.compare(name.size() - tail.size(), tail.size(), tail) == 0) {
      name.erase(name.size() - tail.size());
      break;
    }
  }
  // Leading titles go; a name is never only titles, so the last word always stays.
  std::size_t at = 0;
  while (true) {
    const std::size_t space = name.find(' ', at);
    if (space == std::string::npos) break;
    if (!titles().count(without_dot(fold(name.substr(at, space - at))))) break;
    at = space + 1;
  }
  name.erase(0, at);
  // "Salvadoran President Nayib Bukele": everything up to the last title goes too.
  // (but a surname that is a title's word, before "Jr.", stays: "Martin Luther King Jr.")
  std::size_t cut = std::string::npos;
  for (std::size_t from = 0, space; (space = name.find(' ', from)) != std::string::npos;
       from = space + 1) {
    const std::string word = without_dot(fold(name.substr(from, space - from)));
    if (word == "state" || word == "security" || word == "us" || !titles().count(word)) continue;
    const std::string after = without_dot(fold(name.substr(space + 1)));
    if (after != "jr" && after != "sr") cut = space + 1;
  }
  if (cut != std::string::npos) name.erase(0, cut);
  const std::string last = without_dot(fold(name.substr(name.rfind(' ') + 1)));
  if (titles().count(without_dot(fold(name))) ||
      (titles().count(last) && !(surname_title(last) && name.find(' ') != std::string::npos))) {
    return "";  // a name never ends with a title: "Salvadoran Minister" names nobody
  }
  return name;
}

std::vector<std::string> canonical_people(const std::vector<std::string>& mentions) {
  std::vector<Words> names;
  std::unordered_map<std::string, std::size_t> index;  // folded form -> names
  std::vector<int> count;
  for (const std::string& m : mentions) {
    Words w = split(m);
    if (w.folded.empty()) continue;
    std::string key;
    for (const auto& f : w.folded) key += f + ' ';
    auto [it, fresh] = index.emplace(key, names.size());
    if (fresh) {
      names.push_back(std::move(w));
      count.push_back(0);
    }
    ++count[it->second];
  }
  // Each name goes to the most mentioned strictly longer name that contains all its words. Such a
  // name holds the rarest of them, so only the names holding that word are compared (comparing
  // every pair made 200,000 names quadratic); they are met in the same order as all names are.
  std::unordered_map<std::string, std::vector<std::size_t>> having;  // folded word -> names
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (const std::string& w : names[i].folded) {
      std::vector<std::size_t>& list = having[w];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  std::vector<std::size_t> target(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    target[i] = i;
    const std::vector<std::size_t>* rarest = nullptr;
    for (const std::string& w : names[i].folded) {
      const std::vector<std::size_t>& list = having[w];
      if (!rarest || list.size() < rarest->size()) rarest = &list;
    }
    for (std::size_t j : *rarest) {
      if (names[j].folded.size() <= names[i].folded.size() ||
          !subset_of(names[i].folded, names[j].folded))
        continue;
      const std::size_t t = target[i];
      if (t == i || names[j].folded.size() > names[t].folded.size() ||
          (names[j].folded.size() == names[t].folded.size() && count[j] > count[t])) {
        target[i] = j;
      }
    }
  }
  // "G Murphy" beside "Geordan Murphy" (a team sheet and the report): an initial and a surname
  // are the one longer name of that surname whose first name begins with the initial; not where
  // two do, nor where none does ("S Easterby", "G Easterby").
  auto initial = [](const std::string& w) {
    return (w.size() == 1 || (w.size() == 2 && w[1] == '.')) && ascii::is_alpha(w[0]);
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::vector<std::string>& f = names[i].folded;
    if (target[i] != i || f.size() != 2 || !initial(f[0])) continue;
    std::size_t found = i, matches = 0;
    for (std::size_t j : having[f[1]]) {
      const std::vector<std::string>& g = names[j].folded;
      if (j == i || g.size() < 2 || g.back() != f[1] || initial(g[0]) || g[0][0] != f[0][0])
        continue;
      std::size_t t = j;
      while (target[t] != t) t = target[t];
      if (t != found) ++matches;
      found = t;
    }
    if (matches == 1) target[i] = found;
  }
  std::vector<std::string> people;
  std::unordered_set<std::size_t> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t t = i;
    while (target[t] != t) t = target[t];
    if (seen.insert(t).second) people.push_back(names[t].display);
  }
  return people;
}

std::string strip_article(std::string_view name) {
  std::string n = clean_name(name);
  for (std::string_view article : {"The ", "the "}) {
    if (n.compare(0, article.size(), article) == 0 &&
        n.find(' ', article.size()) != std::string::npos) {
      return n.substr(article.size());
    }
  }
  return n;
}

}  // namespace morgue
