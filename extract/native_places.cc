// Native names of places: the tables of each language, loaded as first asked, and the look-up.
#include "extract/native_places.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_set>

#include "common/analysis.h"
#include "common/ascii.h"
#include "common/language.h"
#include "common/places.h"
#include "common/text.h"
#include "extract/tokens.h"
#include "extract/word_set.h"

namespace morgue::ner {

namespace {

// Languages written without spaces between words: their names are found as written.
bool unspaced(const std::string& lang) {
  static const WordSet languages = {"zh", "ja", "th", "lo", "km", "my", "bo"};
  return languages.count(lang) > 0;
}

std::uint32_t u32(const std::string& bytes, std::size_t at, bool swap) {
  if (at + 4 > bytes.size()) return 0;
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const auto b =
        static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(swap ? i : 3 - i)]);
    v = (v << 8) | b;
  }
  return v;
}

// Reads the string of the table entry at `entry` (its length, then its offset) into out, up to its
// first NUL (a plural's other forms follow it); false when the entry or its string lies outside
// the file.
bool string_at(const std::string& bytes, std::size_t entry, bool swap, std::string* out) {
  const std::uint32_t length = u32(bytes, entry, swap), offset = u32(bytes, entry + 4, swap);
  if (entry + 8 > bytes.size() || offset > bytes.size() || length > bytes.size() - offset)
    return false;
  out->assign(bytes, offset, length);
  out->resize(std::min(out->size(), out->find('\0')));
  return true;
}

// The names ICU gives the countries in a locale, by ISO 3166 alpha-2 code.
std::vector<std::pair<std::string, std::string>> icu_country_names(const std::string& locale) {
  std::vector<std::pair<std::string, std::string>> names;
  const icu::Locale in(locale.c_str());
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    icu::UnicodeString name;
    icu::Locale("", *code).getDisplayCountry(in, name);
    std::string utf8;
    name.toUTF8String(utf8);
    if (utf8 != *code) names.emplace_back(*code, std::move(utf8));
  }
  return names;
}

// The locale folders of a language: its own and its regions' and scripts' ("zh", "zh_CN",
// "sr@latin"), the base first.
std::vector<std::string> locale_folders(const std::string& folder, const std::string& lang) {
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    for (const std::string& base : lang == "no" ? std::vector<std::string>{"no", "nb", "nn"}
                                                : std::vector<std::string>{lang}) {
      if (name == base || name.rfind(base + "_", 0) == 0 || name.rfind(base + "@", 0) == 0)
        found.push_back(name);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// A word's key in the names compared by stem: its stem, or the word itself ("=word") when the
// stem is shorter than four letters: short stems are shared by too many words ("дан", stem of
// "Дания", Denmark, and of "данные", data).
std::string word_key(const Xapian::Stem& stem, const std::string& lower) {
  std::string key = stem(lower);
  if (utf8_characters(key) < 4) key = "=" + lower;
  return key;
}

// Whether a word is two or more ASCII capitals and digits ("NAME", "ROM", "MP3").
bool ascii_capitals(std::string_view word) {
  std::size_t capitals = 0;
  for (char c : word) {
    if (ascii::is_upper(c))
      ++capitals;
    else if (!ascii::is_digit(c))
      return false;
  }
  return capitals >= 2;
}

// Katakana (U+30A0 to U+30FF, the long vowel mark among them) and its halfwidth forms.
bool katakana(char32_t c) { return (c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F); }

bool katakana_only(std::string_view s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (!katakana(static_cast<char32_t>(c))) return false;
  }
  return !s.empty();
}

bool katakana_before(std::string_view s, std::size_t at) {
  if (at == 0) return false;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c >= 0 && katakana(static_cast<char32_t>(c));
}

bool katakana_after(std::string_view s, std::size_t at) {
  if (at >= s.size()) return false;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && katakana(static_cast<char32_t>(c));
}

// German writes its nouns with a capital: a city's name after an article is a noun ("das Essen").
bool german_article(const std::string& lower) {
  static const WordSet articles = {"der", "die",  "das",   "dem",   "den",   "des",
                                   "ein", "eine", "einem", "einen", "einer", "eines"};
  return articles.count(lower) > 0;
}

// Prepositions of place in the languages whose script has no capitals (folded as tokens are).
const std::unordered_set<std::string>& locatives(const std::string& lang) {
  static const std::unordered_map<std::string, std::unordered_set<std::string>> words = [] {
    std::unordered_map<std::string, std::unordered_set<std::string>> w;
    // Arabic: in, from, to, near, between, of, at; Persian: in, from, to, near.
    for (const char* word :
         {"\u0641\u064a", "\u0645\u0646", "\u0625\u0644\u0649", "\u0642\u0631\u0628",
          "\u0628\u064a\u0646", "\u0639\u0646", "\u0639\u0646\u062f", "\u0644\u062f\u0649"})
      w["ar"].insert(fold(word));
    for (const char* word :
         {"\u062f\u0631", "\u0627\u0632", "\u0628\u0647", "\u0646\u0632\u062f\u06cc\u06a9"})
      w["fa"].insert(fold(word));
    return w;
  }();
  static const std::unordered_set<std::string> none;
  const auto it = words.find(lang);
  return it == words.end() ? none : it->second;
}

// An Arabic word without the conjunction and the preposition written onto it: "وفرنسا" (and
// France) is "فرنسا", "بالقاهرة" (in Cairo) "القاهرة", with `locative` set for the
// preposition; the word itself when nothing is written onto it.
std::string arabic_stem_word(const std::string& lower, bool* locative) {
  static const std::string waw = "\u0648", bi = "\u0628", li = "\u0644", al = "\u0627\u0644";
  std::string w = lower;
  auto starts = [&](const std::string& p, std::size_t rest) {
    return w.compare(0, p.size(), p) == 0 && utf8_characters(w) >= utf8_characters(p) + rest;
  };
  if (starts(waw, 3)) w.erase(0, 2);  // not "ف" (then), which begins too many names ("فرنسا")
  *locative = false;
  if ((starts(bi, 3) || starts(li, 3)) && w.compare(2, al.size(), al) == 0) {
    w.erase(0, 2);
    *locative = true;
  }
  return w;
}

// Whether a token is a word (letters or digits), not punctuation.
bool word(const Token& token) {
  return std::any_of(token.lower.begin(), token.lower.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || ascii::is_alnum(c);
  });
}

}  // namespace

std::vector<std::pair<std::string, std::string>> read_catalog(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::pair<std::string, std::string>> messages;
  const std::uint32_t magic = u32(bytes, 0, false);
  if (magic != 0x950412de && magic != 0xde120495) return messages;
  const bool swap = magic == 0xde120495;
  const std::uint32_t n = u32(bytes, 8, swap), ids = u32(bytes, 12, swap),
                      translations = u32(bytes, 16, swap);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string id, translation;
    if (!string_at(bytes, ids + 8ull * i, swap, &id) ||
        !string_at(bytes, translations + 8ull * i, swap, &translation))
      return {};  // a damaged catalog: none of it
    if (!id.empty() && !translation.empty())
      messages.emplace_back(std::move(id), std::move(translation));
  }
  return messages;
}

NativePlaces::NativePlaces(std::string locale_folder, std::string iso_codes_folder,
                           const Gazetteer& gazetteer)
    : locale_folder_(std::move(locale_folder)),
      iso_codes_folder_(std::move(iso_codes_folder)),
      gazetteer_(gazetteer) {}

const NativePlaces::Table& NativePlaces::table(const std::string& lang) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (tables_.empty()) {  // the first language: an English archive never reads the countries
    for (const Country& c : load_countries(iso_codes_folder_))
      if (!c.alpha_2.empty()) country_by_code_[c.alpha_2] = c.canonical;
  }
  std::unique_ptr<Table>& t = tables_[lang];
  if (!t) t = load(lang);
  return *t;
}

std::unique_ptr<NativePlaces::Table> NativePlaces::load(const std::string& lang) const {
  auto t = std::make_unique<Table>();
  t->stemmer = stemmer_name(lang);
  t->spaced = !unspaced(lang);
  Xapian::Stem stem(t->stemmer);
  const Xapian::Stopper* stopper = stopper_for(lang);
  const bool arabic = lang == "ar";  // names are read as the words of a text are (find)
  // Countries come first: a name they hold stays theirs ("Luxemburg" the country).
  auto add = [&](const std::string& native, const std::string& place, bool country) {
    if (!t->spaced) {
      if (utf8_characters(native) >= 2)  // one character is a word of many
        t->as_written.emplace(native, Name{place, country, 0});
      return;
    }
    std::string written, stemmed;
    std::size_t words = 0;
    for (const Sentence& s : tokenize(native)) {
      for (const Token& token : s.tokens) {
        if (words++) written += ' ', stemmed += ' ';
        bool locative;
        const std::string w = arabic ? arabic_stem_word(token.lower, &locative) : token.lower;
        written += w;
        stemmed += word_key(stem, w);
      }
    }
    if (words == 0 || (words == 1 && stopper && (*stopper)(written)))
      return;  // "Como": a function word
    // A city of one word in a script without capitals is its word as written: any word may be
    // one, and stems of short words meet too often ("يوما", Yuma, stems as "يوم", day).
    const bool caseless_city =
        words == 1 && !country && !capitalized(native) && !starts_lower(native);
    const Name name{place, country, utf8_characters(written) - (words - 1),
                    caseless_city && !gazetteer_.big(place)};
    t->as_written.emplace(written, name);
    if (!caseless_city) t->by_stem.emplace(stemmed, name);
    t->longest = std::max(t->longest, words);
  };
  std::vector<std::string> locales = locale_folders(locale_folder_, lang);
  if (std::find(locales.begin(), locales.end(), lang) == locales.end())
    locales.insert(locales.begin(), lang);
  for (const std::string& locale : locales) {
    for (const auto& [code, native] : icu_country_names(locale)) {
      const auto canonical = country_by_code_.find(code);
      if (canonical != country_by_code_.end()) add(native, canonical->second, true);
    }
  }
  auto catalog = [&](const std::string& locale, const char* name) {
    return read_catalog(locale_folder_ + "/" + locale + "/LC_MESSAGES/" + name + ".mo");
  };
  for (const std::string& locale : locales) {
    for (const auto& [iso_name, native] : catalog(locale, "iso_3166-1")) {
      const std::string canonical = gazetteer_.country_name(iso_name);
      if (!canonical.empty()) add(native, canonical, true);
    }
  }
  std::unordered_map<std::string, std::string> english;  // GeoNames id -> English name
  for (auto& [id, name] : catalog("en", "geonames")) english.emplace(id, std::move(name));
  for (const std::string& locale : locales) {
    for (const auto& [id, native] : catalog(locale, "geonames")) {
      const auto name = english.find(id);
      if (name != english.end() && gazetteer_.major(name->second)) add(native, name->second, false);
    }
  }
  return t;
}

std::vector<std::string> NativePlaces::find(std::string_view text, const std::string& lang) const {
  const Table& t = table(lang);
  struct Mention {
    std::size_t at, length;
    const Name* name;
    bool opening;  // one word where a sentence opens
  };
  std::vector<Mention> mentions;
  if (t.spaced) {
    Xapian::Stem stem(t.stemmer);  // one per call: the preparing threads share the table
    const bool german = lang == "de", arabic = lang == "ar";
    const std::unordered_set<std::string>& place_words = locatives(lang);
    std::vector<std::string> forms, keys;
    std::vector<char> located;  // a preposition of place is written onto the word
    for (const Sentence& s : tokenize(text)) {
      const std::vector<Token>& tokens = s.tokens;
      forms.clear(), keys.clear(), located.clear();
      for (const Token& token : tokens) {
        bool locative = false;
        forms.push_back(arabic ? arabic_stem_word(token.lower, &locative) : token.lower);
        keys.push_back(word_key(stem, forms.back()));
        located.push_back(locative);
      }
      std::size_t opening = 0;  // the sentence's first word, after its quotes and dashes
      while (opening < tokens.size() && !word(tokens[opening])) ++opening;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (starts_lower(tokens[i].text)) continue;  // a name starts with a capital (or no case)
        // "NAME", "ROM": capitals in a text that writes in lower case are mostly an acronym or
        // a code's name, which a stem would make a place of ("Namur").
        const bool acronym = ascii_capitals(tokens[i].text);
        std::string written, stemmed;
        std::size_t letters = 0;
        const Name* best = nullptr;
        std::size_t best_length = 0;
        for (std::size_t length = 1; length <= t.longest && i + length <= tokens.size(); ++length) {
          const Token& token = tokens[i + length - 1];
          if (length > 1) written += ' ', stemmed += ' ';
          written += forms[i + length - 1];
          stemmed += keys[i + length - 1];
          letters += utf8_characters(token.lower);
          if (const auto it = t.as_written.find(written); it != t.as_written.end()) {
            best = &it->second, best_length = length;
          } else if (const auto stem_it = acronym ? t.by_stem.end() : t.by_stem.find(stemmed);
                     stem_it != t.by_stem.end() && letters + length >= stem_it->second.letters) {
            // An inflection keeps the name's letters but its ending's ("Deutschlands",
            // "Москве"): a shorter word of the same stem is another word ("Brug", Brugge).
            best = &stem_it->second, best_length = length;
          }
        }
        if (!best) continue;
        if (german && best_length == 1 && !best->country && i > 0 &&
            german_article(tokens[i - 1].lower))
          continue;
        if (best->needs_locative && !located[i] &&
            !(i > 0 && place_words.count(tokens[i - 1].lower)))
          continue;
        const Token& last = tokens[i + best_length - 1];
        mentions.push_back({tokens[i].begin, last.begin + last.text.size() - tokens[i].begin, best,
                            i == opening && best_length == 1});
        i += best_length - 1;
      }
    }
  } else {
    for (const auto& [name, place] : t.as_written) {
      const bool kana = katakana_only(name);
      for (std::size_t at = text.find(name); at != std::string_view::npos;
           at = text.find(name, at + name.size())) {
        // A name in katakana is a whole word of katakana, not part of one ("タイ", Thailand, in
        // "タイプ", type).
        if (kana && (katakana_before(text, at) || katakana_after(text, at + name.size()))) continue;
        mentions.push_back({at, name.size(), &place, false});
      }
    }
    // The longest name at each place of the text, and no name inside another ("刚果" in
    // "刚果民主共和国").
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
      return a.at != b.at ? a.at < b.at : a.length > b.length;
    });
    std::vector<Mention> kept;
    for (const Mention& m : mentions)
      if (kept.empty() || m.at >= kept.back().at + kept.back().length) kept.push_back(m);
    mentions = std::move(kept);
  }
  std::unordered_set<std::string> named_within;  // places named away from a sentence's opening
  for (const Mention& m : mentions)
    if (!m.opening || m.name->country) named_within.insert(m.name->place);
  std::vector<std::string> places;
  std::unordered_set<std::string> seen;
  for (const Mention& m : mentions) {
    if (named_within.count(m.name->place) && seen.insert(m.name->place).second)
      places.push_back(m.name->place);
  }
  return places;
}

}  // namespace morgue::ner
