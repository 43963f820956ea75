// Finding the publisher and the cited outlets by the phrases that introduce them.
#include "extract/outlets.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/ascii.h"
#include "common/text.h"
#include "extract/names.h"
#include "extract/word_set.h"

namespace morgue {
namespace {

// Words that make a capitalized name an outlet's: the usual words of newspaper, agency and
// broadcaster names, and well-known outlets that have none of them.
const WordSet& outlet_words() {
  static const WordSet words = {
      "news",      "post",       "times",     "journal",     "wire",      "press",     "tribune",
      "herald",    "guardian",   "telegraph", "independent", "gazette",   "daily",     "magazine",
      "radio",     "television", "tv",        "network",     "chronicle", "observer",  "examiner",
      "dispatch",  "mail",       "express",   "mirror",      "standard",  "bulletin",  "globe",
      "inquirer",  "courier",    "monitor",   "insider",     "beast",     "hill",      "atlantic",
      "economist", "newsweek",   "politico",  "axios",       "reuters",   "bloomberg", "cnn",
      "bbc",       "nbc",        "abc",       "cbs",         "npr",       "pbs",       "msnbc",
      "cnbc",      "ap",         "afp",       "upi",         "fox",       "breitbart", "vox",
      "slate",     "salon",      "semafor",   "intercept",   "jazeera",   "xinhua",    "tass",
      "kyodo",     "yonhap",     "spiegel",   "nikkei",      "haaretz",   "forbes",    "vice",
      "huffpost",  "newsmax",    "telemundo", "univision",   "sputnik",   "rt",        "politifact",
      "propublica"};
  return words;
}

// Agencies' short names in datelines.
const std::unordered_map<std::string, std::string>& agencies() {
  static const std::unordered_map<std::string, std::string> names = {
      {"AP", "Associated Press"},
      {"Reuters", "Reuters"},
      {"AFP", "Agence France-Presse"},
      {"UPI", "United Press International"},
      {"CNN", "CNN"},
      {"Bloomberg", "Bloomberg"},
      {"dpa", "Deutsche Presse-Agentur"},
      {"Xinhua", "Xinhua"},
      {"Xinhuanet", "Xinhua"},
      {"AP Photo", "Associated Press"},
      {"REUTERS", "Reuters"},
      {"CP", "Canadian Press"},
      {"CBS.MW", "CBS MarketWatch"},
      {"Dow Jones", "Dow Jones"},
      {"AFX", "AFX News"},
      {"PTI", "Press Trust of India"},
      {"IRNA", "Islamic Republic News Agency"},
      {"Itar-Tass", "ITAR-TASS"},
      {"Interfax", "Interfax"},
      {"KRT", "Knight Ridder Tribune"}};
  return names;
}

bool upper_start(std::string_view w) {
  return !w.empty() && (ascii::is_upper(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80);
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < s.size()) {
    while (at < s.size() && s[at] == ' ') ++at;
    std::size_t end = at;
    while (end < s.size() && s[end] != ' ') ++end;
    if (end > at) words.push_back(s.substr(at, end - at));
    at = end;
  }
  return words;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// The capitalized name that ends right before text[at] ("... the New York Post| reported").
std::string name_before(std::string_view text, std::size_t at) {
  const std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
  from = std::max(from, at > 80 ? at - 80 : 0);
  while (from < at && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80)
    ++from;  // whole characters
  const auto words = words_of(text.substr(from, at - from));
  std::size_t first = words.size();
  while (first > 0 && words.size() - first < 6) {
    const std::string_view w = words[first - 1];
    if (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':') break;
    if (upper_start(w)) {
      --first;
    } else {
      if (w == "the" && first < words.size()) --first;
      break;
    }
  }
  return first < words.size() ? join(words, first, words.size()) : std::string();
}

// The capitalized name that starts at text[at] ("according to |The Guardian.").
std::string name_after(std::string_view text, std::size_t at) {
  std::size_t end = std::min(text.size(), at + 80);
  const std::size_t eol = text.find('\n', at);
  if (eol != std::string_view::npos) end = std::min(end, eol);
  while (end < text.size() && end > at && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  const auto words = words_of(text.substr(at, end - at));
  std::vector<std::string_view> name;
  for (std::string_view w : words) {
    const bool joiner = (w == "the" && name.empty()) || ((w == "of" || w == "&") && !name.empty());
    std::string_view bare = w;
    while (!bare.empty() &&
           std::string_view(",.;:)\"").find(bare.back()) != std::string_view::npos) {
      bare.remove_suffix(1);
    }
    // ("told BBC Radio 4 that": a channel's number is its name's)
    if (!name.empty() && (name.back() == "Radio" || name.back() == "Channel") && bare.size() <= 2 &&
        all_digits(bare)) {
      name.push_back(bare);
      break;
    }
    if (!upper_start(w) && !joiner) break;
    // ("told BBC Radio Scotland's Good Morning Scotland programme": a possessive ends the name)
    const std::string_view own = without_possessive(bare);
    name.push_back(own);
    // (punctuation ends the name)
    if (own.size() != w.size() || name.size() == 6) break;
  }
  while (!name.empty() && (name.back() == "of" || name.back() == "&" || name.back() == "the"))
    name.pop_back();
  return join(name, 0, name.size());
}

std::string trim_punct(std::string s) {
  while (!s.empty() && std::string_view(" .,;:|").find(s.back()) != std::string_view::npos)
    s.pop_back();
  return std::string(trim(s));
}

void add_cited(std::vector<std::string>* cited, const std::string& name) {
  if (name.empty() || !looks_like_outlet(name)) return;
  const std::string canonical = strip_article(name);
  const std::string key = fold(canonical);
  for (const std::string& c : *cited) {
    if (fold(c) == key) return;
  }
  cited->push_back(canonical);
}

// A website's name as a site names itself: letters, digits and hyphens in dotted parts, the last
// a usual top-level domain ("washingtonpost.com", "FT.com", "p2pnet.net", "SPACE.com"); not an
// address ("www.dec.org"), nor "dot.com".
bool site_name(std::string_view name) {
  static constexpr std::string_view kEndings[] = {".com", ".net", ".org", ".co.uk"};
  std::size_t ending = 0;
  for (std::string_view e : kEndings)
    if (name.size() > e.size() + 1 && name.substr(name.size() - e.size()) == e) ending = e.size();
  if (ending == 0) return false;
  const std::string_view own = name.substr(0, name.size() - ending);
  if (!ascii::is_alnum(own.front()) || !ascii::is_alnum(own.back()) || fold(own) == "dot" ||
      fold(own.substr(0, 4)) == "www.")
    return false;
  return std::all_of(own.begin(), own.end(),
                     [](char c) { return ascii::is_alnum(c) || c == '-' || c == '.'; });
}

// The bytes of the dash `s` begins with: 1 for "-", 3 for an em or an en dash in UTF-8, else 0.
std::size_t dash_length(std::string_view s) {
  if (s.substr(0, 1) == "-") return 1;
  return s.substr(0, 3) == "\xE2\x80\x94" || s.substr(0, 3) == "\xE2\x80\x93" ? 3 : 0;
}

// Whether `rest` begins with a dash, after spaces: " - ", " -- ", an en or an em dash.
bool dash_after(std::string_view rest) {
  while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  return dash_length(rest) > 0;
}

// A word folded, without the punctuation after it ("News:" is "news").
std::string bare_word(std::string_view word) {
  std::string f = fold(word);
  while (!f.empty() && !ascii::is_alnum(f.back())) f.pop_back();
  return f;
}

// A dateline before text[open]: in the text's first line, nothing, a word in capitals first
// ("NEW YORK (", "PROVO, Utah (") or a place and its state ("Houston, TX ("); not "Senator Jim
// Jeffords (".
bool dateline(std::string_view text, std::size_t open) {
  const std::string_view before = trim(text.substr(0, open));
  if (before.find('\n') != std::string_view::npos) return false;
  std::size_t end = 0;
  while (end < before.size() && ascii::is_alpha(before[end])) ++end;
  const bool capitals =
      end >= 2 && std::all_of(before.begin(), before.begin() + static_cast<long>(end),
                              [](char c) { return ascii::is_upper(c); });
  return before.empty() || capitals || before.find(',') != std::string_view::npos;
}

// A name that ends with an outlet's word or holds "News": "Sports Network", "IDG NEWS SERVICE";
// not "Standard & Poor's".
bool outlet_name(std::string_view name) {
  const auto words = words_of(name);
  return !words.empty() && (outlet_words().count(bare_word(words.back())) > 0 ||
                            std::any_of(words.begin(), words.end(),
                                        [](std::string_view w) { return bare_word(w) == "news"; }));
}

// Whether a sentence opens after the dash `rest` begins with: "- Oracle is", "- 2004 was"; not
// "- the online retailer -".
bool sentence_after_dash(std::string_view rest) {
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == '-')) rest.remove_prefix(1);
  rest.remove_prefix(dash_length(rest));
  while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  return !rest.empty() &&
         (upper_start(rest) || ascii::is_digit(rest[0]) || rest[0] == '"' || rest[0] == '(');
}

std::string_view line_at(std::string_view text, std::size_t at) {
  const std::size_t start = at == 0 ? 0 : text.rfind('\n', at - 1);
  const std::size_t from = start == std::string_view::npos || at == 0 ? 0 : start + 1;
  std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(from, end - from);
}

}  // namespace

bool looks_like_outlet(std::string_view name) {
  for (std::string_view w : words_of(name))
    if (outlet_words().count(bare_word(w))) return true;
  return false;
}

OutletsFound find_outlets(std::string_view text, std::string_view title) {
  OutletsFound found;
  // "The post <title> appeared first on <Outlet>."
  const std::string_view first_on = "appeared first on ";
  for (std::size_t at = text.find(first_on); at != std::string_view::npos;
       at = text.find(first_on, at + 1)) {
    const std::string_view line = line_at(text, at);
    if (line.substr(0, 9) != "The post " && line.substr(0, 9) != "The Post ") continue;
    std::size_t from = at + first_on.size(), end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    found.own = trim_punct(std::string(text.substr(from, end - from)));
    found.basis = "appeared first on";
  }
  // A wire dateline in the first line of the body: "WASHINGTON (AP) — ...".
  if (found.own.empty()) {
    const std::size_t open = text.find('(');
    const std::size_t close = open == std::string_view::npos ? open : text.find(')', open);
    if (close != std::string_view::npos && close < 200 && close - open < 20) {
      const bool dash = dash_after(text.substr(close + 1, 6));
      const std::string_view inside = text.substr(open + 1, close - open - 1);
      auto agency = agencies().find(std::string(inside));
      if (dash && agency != agencies().end()) {
        found.own = agency->second;
        found.basis = "wire dateline";
      } else if (dash && site_name(inside)) {
        // "NEW YORK, September 22 (newratings.com) - ", "Vatican, Sep. 13 (CWNews.com) - "
        found.own = std::string(inside);
        found.basis = "site dateline";
      } else if (dash && upper_start(inside) && outlet_name(inside) && dateline(text, open)) {
        // "PROVO, Utah (Sports Network) - " (in a dateline, a name that ends as an outlet's does
        // or holds "News"; not "Senator Jim Jeffords (Independent) - ", "LONDON (Standard &
        // Poor's) - ")
        found.own = std::string(inside);
        found.basis = "wire dateline";
      }
    }
  }
  // A website's name that opens the text before a dash: "washingtonpost.com - Oracle is one
  // step closer", "FT.com - Shares in Sohu.com", "p2pnet.net News:- Defects in".
  const std::string_view body = trim(text.substr(0, std::min<std::size_t>(text.size(), 120)));
  if (found.own.empty()) {
    std::size_t end = 0;
    while (end < body.size() && body[end] != ' ' && body[end] != ':') ++end;
    std::string_view rest = body.substr(end);
    if (rest.substr(0, 5) == " News") rest.remove_prefix(5);
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    if (site_name(body.substr(0, end)) && dash_after(rest) && sentence_after_dash(rest)) {
      found.own = std::string(body.substr(0, end));
      found.basis = "site line";
    }
  }
  // The source a title ends with in brackets, which the text opens with before a dash: "Stanford's
  // Cubit Hired As W. Mich. Coach (AP)" over "AP - Stanford offensive coordinator", "...
  // (InfoWorld)" over "InfoWorld - Microsoft and Sun". (An agency by its full name.)
  const std::string_view heading = trim(title);
  if (found.own.empty() && heading.size() > 3 && heading.back() == ')') {
    const std::size_t open = heading.rfind('(');
    const std::string_view source =
        open == std::string_view::npos ? std::string_view() : heading.substr(open + 1);
    const std::string_view name = trim(source.substr(0, source.size() - 1));
    if (!name.empty() && name.size() <= 40 && upper_start(name) &&
        body.substr(0, name.size()) == name && body.size() > name.size() &&
        body[name.size()] == ' ' && dash_after(body.substr(name.size())) &&
        sentence_after_dash(body.substr(name.size()))) {
      const auto agency = agencies().find(std::string(name));
      found.own = agency != agencies().end() ? agency->second : std::string(name);
      found.basis = "source line";
    }
  }
  // "© 2025 Example Media. All rights reserved." / "Copyright 2025 Example Media".
  if (found.own.empty()) {
    for (std::string_view mark : {"\xC2\xA9", "Copyright", "(c)"}) {
      for (std::size_t at = text.find(mark); at != std::string_view::npos;
           at = text.find(mark, at + 1)) {
        const std::string_view line = line_at(text, at);
        if (line.size() > 200) continue;
        std::string rest(text.substr(at + mark.size(),
                                     line.data() + line.size() - (text.data() + at + mark.size())));
        for (const char* cut : {"All rights", "all rights", ". ", " | "}) {
          const std::size_t c = rest.find(cut);
          if (c != std::string::npos) rest.erase(c);
        }
        std::string_view r = trim(rest);
        if (r.substr(0, 2) == "\xC2\xA9") r = trim(r.substr(2));
        std::size_t digits = 0;
        while (digits < r.size() && (ascii::is_digit(r[digits]) || r[digits] == '-')) ++digits;
        if (digits < 4) continue;  // a year must come first
        const std::string name = trim_punct(std::string(trim(r.substr(digits))));
        if (!name.empty() && upper_start(name)) {
          found.own = name;
          found.basis = "copyright line";
        }
      }
    }
  }
  // Cited outlets.
  for (std::string_view verb : {" reported", " reports", " first reported"}) {
    for (std::size_t at = text.find(verb); at != std::string_view::npos;
         at = text.find(verb, at + 1)) {
      add_cited(&found.cited, name_before(text, at));
    }
  }
  for (std::string_view lead :
       {"according to ", "told ", "Reporting by ", "reporting by ", "interview with "}) {
    for (std::size_t at = text.find(lead); at != std::string_view::npos;
         at = text.find(lead, at + 1)) {
      add_cited(&found.cited, name_after(text, at + lead.size()));
    }
  }
  for (std::size_t at = text.find("From "); at != std::string_view::npos;
       at = text.find("From ", at + 1)) {
    const std::string_view line = line_at(text, at);
    if (line.data() != text.data() + at || line.size() > 80 || trim(line).back() != ':') continue;
    add_cited(&found.cited, trim_punct(std::string(line.substr(5))));
  }
  if (!found.own.empty()) {
    const std::string own = fold(strip_article(found.own));
    found.cited.erase(std::remove_if(found.cited.begin(), found.cited.end(),
                                     [&](const std::string& c) { return fold(c) == own; }),
                      found.cited.end());
  }
  return found;
}

}  // namespace morgue
