// Language codes, CLD2's detection and the Snowball stemmer of each language.
#include "common/language.h"

// clang-format off
#include <cstdio>  // before CLD2's header, which uses FILE without including it
#include <cld2/public/compact_lang_det.h>
// clang-format on

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "common/ascii.h"

namespace morgue {

namespace {

// Languages by ISO 639-1 code, with their ISO 639-2 codes (bibliographic and terminology) and
// their names in English and in the language itself, lower case.
struct Known {
  const char* code;
  std::vector<const char*> names;
};

const std::vector<Known>& known_languages() {
  static const std::vector<Known> table = {
      {"ar", {"ara", "arabic", "العربية"}},
      {"bg", {"bul", "bulgarian", "български"}},
      {"ca", {"cat", "catalan", "català"}},
      {"cs", {"ces", "cze", "czech", "čeština"}},
      {"da", {"dan", "danish", "dansk"}},
      {"de", {"deu", "ger", "german", "deutsch"}},
      {"el", {"ell", "gre", "greek", "ελληνικά"}},
      {"en", {"eng", "english"}},
      {"es", {"spa", "spanish", "español", "castellano"}},
      {"et", {"est", "estonian", "eesti"}},
      {"eu", {"eus", "baq", "basque", "euskara"}},
      {"fa", {"fas", "per", "persian", "farsi", "فارسی"}},
      {"fi", {"fin", "finnish", "suomi"}},
      {"fr", {"fra", "fre", "french", "français"}},
      {"ga", {"gle", "irish", "gaeilge"}},
      {"he", {"heb", "hebrew", "עברית", "iw"}},
      {"hi", {"hin", "hindi", "हिन्दी"}},
      {"hr", {"hrv", "croatian", "hrvatski"}},
      {"hu", {"hun", "hungarian", "magyar"}},
      {"hy", {"hye", "arm", "armenian", "հայերեն"}},
      {"id", {"ind", "indonesian", "bahasa indonesia", "in"}},
      {"it", {"ita", "italian", "italiano"}},
      {"ja", {"jpn", "japanese", "日本語"}},
      {"ko", {"kor", "korean", "한국어"}},
      {"lt", {"lit", "lithuanian", "lietuvių"}},
      {"lv", {"lav", "latvian", "latviešu"}},
      {"ms", {"msa", "may", "malay", "bahasa melayu"}},
      {"ne", {"nep", "nepali", "नेपाली"}},
      {"nl", {"nld", "dut", "dutch", "nederlands", "flemish"}},
      {"no", {"nor", "nob", "nno", "nb", "nn", "norwegian", "norsk", "bokmål", "nynorsk"}},
      {"pl", {"pol", "polish", "polski"}},
      {"pt", {"por", "portuguese", "português"}},
      {"ro", {"ron", "rum", "romanian", "română", "mo"}},
      {"ru", {"rus", "russian", "русский"}},
      {"sk", {"slk", "slo", "slovak", "slovenčina"}},
      {"sl", {"slv", "slovenian", "slovene", "slovenščina"}},
      {"sr", {"srp", "serbian", "српски", "srpski"}},
      {"sv", {"swe", "swedish", "svenska"}},
      {"ta", {"tam", "tamil", "தமிழ்"}},
      {"th", {"tha", "thai", "ไทย"}},
      {"tr", {"tur", "turkish", "türkçe"}},
      {"uk", {"ukr", "ukrainian", "українська"}},
      {"vi", {"vie", "vietnamese", "tiếng việt"}},
      {"zh", {"zho", "chi", "chinese", "中文", "汉语", "漢語"}},
  };
  return table;
}

const std::map<std::string, std::string, std::less<>>& language_names() {
  static const auto* names = [] {
    auto* m = new std::map<std::string, std::string, std::less<>>;
    for (const Known& k : known_languages()) {
      (*m)[k.code] = k.code;
      for (const char* n : k.names) (*m)[n] = k.code;
    }
    return m;
  }();
  return *names;
}

// Whether every byte of `s` is a lower-case ASCII letter.
bool lower_ascii_letters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// CLD2's code of a language as ISO 639-1 ("iw" -> "he", "zh-Hant" -> "zh"); "" for none.
std::string from_cld2(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(language);
  code = code.substr(0, code.find('-'));
  if (code == "un" || code.empty()) return "";
  const auto it = language_names().find(code);
  return it != language_names().end() ? it->second : code;
}

}  // namespace

std::string language_code(std::string_view declared) {
  std::string s = Xapian::Unicode::tolower(std::string(declared));
  const auto space = [](unsigned char c) { return ascii::is_space(c); };
  while (!s.empty() && space(s.back())) s.pop_back();
  s.erase(0, std::find_if_not(s.begin(), s.end(), space) - s.begin());
  if (const auto it = language_names().find(s); it != language_names().end()) return it->second;
  // A code with a region or an encoding: "de-AT", "pt_BR", "en_US.UTF-8".
  const std::string base = s.substr(0, s.find_first_of("-_."));
  if (base != s) {
    if (const auto it = language_names().find(base); it != language_names().end())
      return it->second;
  }
  // A two-letter code the table leaves out, if CLD2 knows it ("sw", "cy").
  if (base.size() == 2 && lower_ascii_letters(base)) {
    return from_cld2(CLD2::GetLanguageFromName(base.c_str()));
  }
  return "";
}

bool plainly_english(std::string_view text) {
  // Words no other language CLD2 knows writes often; "for", "at", "by", "was", "will", "is",
  // "of", "in", "to", "a" and "i" are left out (Danish, German, Dutch, Polish, Italian words).
  static constexpr std::string_view kWords[] = {"the",   "and",  "that", "with",  "from",  "have",
                                                "has",   "are",  "been", "were",  "which", "would",
                                                "their", "they", "said", "there", "this",  "what"};
  const auto letter = [](unsigned char c) { return static_cast<unsigned>((c | 0x20) - 'a') < 26; };
  std::size_t words = 0, english = 0, i = 0;
  char word[8];
  while (i < text.size() && words < kEnglishSampleWords) {
    while (i < text.size() && !letter(static_cast<unsigned char>(text[i]))) {
      if (static_cast<unsigned char>(text[i]) >= 0x80) return false;  // not ASCII: ask CLD2
      ++i;
    }
    std::size_t length = 0;
    for (; i < text.size() && letter(static_cast<unsigned char>(text[i])); ++i, ++length)
      if (length < sizeof word) word[length] = static_cast<char>(text[i] | 0x20);
    if (length == 0) break;
    ++words;
    if (length >= 3 && length <= 5)  // the lengths of kWords
      english += std::find(std::begin(kWords), std::end(kWords), std::string_view(word, length)) !=
                 std::end(kWords);
  }
  return words >= kEnglishSampleWords && english * 100 >= words * kEnglishSharePercent;
}

std::string without_tables(std::string_view text) {
  // A line of names and numbers, with no word in lower case: "PSV Eindhoven 1 1 0 0 4 1 3",
  // "Graafschap Doetinchem 3 RKC Waalwijk 2".
  auto table_line = [](std::string_view line) {
    bool number = false;
    for (std::size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i == line.size()) break;
      const unsigned char c = static_cast<unsigned char>(line[i]);
      if (ascii::is_lower(c)) return false;
      if (ascii::is_digit(c)) number = true;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    }
    return number;
  };
  std::string prose;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (!table_line(line)) prose.append(text.substr(start, end + 1 - start));  // (its newline too)
    start = end + 1;
  }
  return prose;
}

namespace {

std::string detect_once(std::string_view text) {
  if (plainly_english(text)) return kDefaultLanguage;
  std::size_t n = std::min(text.size(), kMaxDetectBytes);
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  CLD2::Language top[3];
  int percent[3], text_bytes = 0;
  bool reliable = false;
  // The top language of the summary, not DetectLanguage's answer, which prefers any other
  // language to English (an English story on a Swiss bond issue is "de" to it).
  CLD2::DetectLanguageSummary(text.data(), static_cast<int>(n), true, top, percent, &text_bytes,
                              &reliable);
  if (text_bytes < kMinDetectBytes || percent[0] < 50) return "";
  return from_cld2(top[0]);
}

}  // namespace

std::string detect_language(std::string_view text) {
  const std::string found = detect_once(text);
  if (found.empty() || found == kDefaultLanguage) return found;
  // An English story of a foreign league's results and standings is mostly its clubs' names:
  // its sentences, read without the tables, say English.
  std::size_t n = std::min(text.size(), kMaxDetectBytes);  // (on a character's boundary)
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  const std::string_view head = text.substr(0, n);
  const std::string prose = without_tables(head);
  if (prose.size() < head.size() && detect_once(prose) == kDefaultLanguage) return kDefaultLanguage;
  return found;
}

std::string stemmer_name(std::string_view code) {
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> names;
  const std::string key = code.empty() ? std::string(kDefaultLanguage) : std::string(code);
  std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = names.find(key); it != names.end()) return it->second;
  std::string name = "none";
  try {
    // Xapian knows its Snowball languages by their ISO 639-1 codes too ("de": german).
    const std::string description = Xapian::Stem(key).get_description();  // "Xapian::Stem(german)"
    const std::size_t open = description.find('('), close = description.rfind(')');
    if (open != std::string::npos && close > open)
      name = description.substr(open + 1, close - open - 1);
  } catch (const Xapian::InvalidArgumentError&) {
  }
  names.emplace(key, name);
  return name;
}

std::vector<StemLanguage> stem_languages(const std::vector<std::string>& codes, bool with_default) {
  std::vector<std::string> all = codes;
  if (with_default) all.emplace_back(kDefaultLanguage);
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::vector<StemLanguage> out;
  for (const std::string& code : all) {
    if (code.empty()) continue;
    out.push_back({code, Xapian::Stem(stemmer_name(code))});
  }
  return out;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||  // CJK radicals, Kangxi radicals
         (c >= 0x3040 && c <= 0x31FF) ||  // Hiragana, Katakana, Bopomofo, Hangul Jamo, ...
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK Unified Ideographs Extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK Unified Ideographs
         (c >= 0xA960 && c <= 0xA97F) ||  // Hangul Jamo Extended-A
         (c >= 0xAC00 && c <= 0xD7FF) ||  // Hangul syllables, Jamo Extended-B
         (c >= 0xF900 && c <= 0xFAFF) ||  // CJK Compatibility Ideographs
         (c >= 0xFF66 && c <= 0xFFDC) ||  // half-width Katakana and Hangul
         (c >= 0x20000 && c <= 0x2FA1F);  // Extensions B to F, Compatibility Supplement
}

char32_t code_point(std::string_view s, std::size_t i, std::size_t n) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  switch (n) {
    case 1:
      return byte(0);
    case 2:
      return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    case 3:
      return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    default:
      return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) |
             (byte(3) & 0x3Fu);
  }
}

bool breaks_by_dictionary(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) ||  // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
         (c >= 0x19E0 && c <= 0x19FF) ||  // Khmer symbols
         (c >= 0xAA60 && c <= 0xAA7F);    // Myanmar Extended-A
}

namespace {

// The length of the UTF-8 character that starts with `lead` (1 for a stray byte).
std::size_t utf8_size(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

}  // namespace

bool dictionary_char_at(std::string_view s, std::size_t i) {
  if (i + 3 > s.size()) return false;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  return (byte(0) == 0xE0 || byte(0) == 0xE1 || byte(0) == 0xEA) && (byte(1) & 0xC0) == 0x80 &&
         (byte(2) & 0xC0) == 0x80 && breaks_by_dictionary(code_point(s, i, 3));
}

std::vector<std::size_t> dictionary_word_ends(std::string_view run) {
  // A breaker for each thread, cloned from one made once: making one reads ICU's rules.
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(b) : nullptr;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> breaker(prototype ? prototype->clone()
                                                                     : nullptr);
  std::vector<std::size_t> ends;
  if (!breaker) {
    ends.push_back(run.size());
    return ends;
  }
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  breaker->setText(u);
  // UTF-16 offsets to bytes: every character of these scripts is one UTF-16 unit and 3 bytes.
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; end = breaker->next())
    ends.push_back(std::min(run.size(), static_cast<std::size_t>(end) * 3));
  if (ends.empty() || ends.back() != run.size()) ends.push_back(run.size());
  return ends;
}

bool break_words(std::string_view text, std::string* out) {
  // Byte by byte to the first lead byte of those scripts' characters (a lead byte is never
  // inside another character): most texts have none.
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c == 0xE0 || c == 0xE1 || c == 0xEA) && dictionary_char_at(text, i)) break;
  }
  if (i >= text.size()) return false;
  std::string broken(text.substr(0, i));
  while (i < text.size()) {
    if (!dictionary_char_at(text, i)) {
      const std::size_t n =
          std::min(utf8_size(static_cast<unsigned char>(text[i])), text.size() - i);
      broken.append(text, i, n);
      i += n;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && dictionary_char_at(text, end)) end += 3;
    const std::string_view run = text.substr(i, end - i);
    std::size_t from = 0;
    for (std::size_t to : dictionary_word_ends(run)) {
      broken += ' ';
      broken.append(run.substr(from, to - from));
      from = to;
    }
    broken += ' ';
    i = end;
  }
  *out = std::move(broken);
  return true;
}

std::string language_name(std::string_view code) {
  for (const Known& k : known_languages()) {
    if (code == k.code) {
      for (const char* n : k.names) {
        std::string name = n;
        if (name.size() > 3 && lower_ascii_letters(name)) {
          name[0] = ascii::upper(name[0]);
          return name;
        }
      }
    }
  }
  return std::string(code);
}

}  // namespace morgue
