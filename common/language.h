// Languages: an article's as its source declares it or as CLD2 finds it in its text, and the
// Snowball stemmer its words are indexed and searched with (docs/languages.md).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// The ISO 639-1 code of a language as a source or a user names it: a code in any case with or
// without a region ("de", "DE", "de-AT", "de_DE.UTF-8"), an ISO 639-2 code ("deu", "ger"), or its
// English or native name ("German", "Deutsch"); "" for what is none of these.
std::string language_code(std::string_view declared);

// The language CLD2 finds in `text` (UTF-8 words, not markup), or "" when it cannot tell:
// fewer than kMinDetectBytes bytes of letters, or no language with half of them. Reads the first
// kMaxDetectBytes bytes only (a news article's language does not change half-way).
// A text CLD2 reads as another language than English is read again without its lines of names
// and numbers (tables and results, without_tables): when the rest is English, so is the text.
std::string detect_language(std::string_view text);
// `text` without its lines of names and numbers, no word in lower case ("PSV Eindhoven 1 1 0 0 4
// 1 3", "Graafschap Doetinchem 3 RKC Waalwijk 2"); the text itself when it has none.
std::string without_tables(std::string_view text);
inline constexpr int kMinDetectBytes = 100;
inline constexpr std::size_t kMaxDetectBytes = 8192;

// Whether a text's first kEnglishSampleWords words, all ASCII, are kEnglishSharePercent% or
// more words only English writes often ("the", "and", "which"): detect_language calls such a
// text English without asking CLD2, which is most of the time an English archive's indexing
// spent on languages (docs/languages.md, scripts/eval-languages checks the shortcut too).
bool plainly_english(std::string_view text);
inline constexpr std::size_t kEnglishSampleWords = 60;
inline constexpr std::size_t kEnglishSharePercent = 8;

// The name of the Snowball stemmer Xapian has for a language ("german"), or "none" when it has
// none ("zh", "el"): such words are indexed as written. "" (a language not known) is English,
// the stemmer of every database built before languages were told apart.
std::string stemmer_name(std::string_view code);
inline constexpr const char* kDefaultLanguage = "en";

// The languages a query's words are stemmed in, each with its stemmer, in code order, each
// once; with `with_default`, the language of articles whose language is not known (English)
// among them.
struct StemLanguage {
  std::string code;
  Xapian::Stem stemmer;
};
std::vector<StemLanguage> stem_languages(const std::vector<std::string>& codes,
                                         bool with_default = true);

// Whether a character is one of those Chinese, Japanese and Korean write without spaces between
// words (Han, kana, Hangul, their punctuation blocks aside): the index holds such text as
// n-grams (Xapian's FLAG_CJK_NGRAM), single characters with positions and pairs without.
bool is_cjk(char32_t c);
// The code point of the UTF-8 character at s[i], of n bytes (n from 1 to 4, well formed).
char32_t code_point(std::string_view s, std::size_t i, std::size_t n);

// Whether a character is of a script written without spaces between words whose words ICU's
// dictionaries find: Thai, Lao, Khmer and Myanmar (ICU 72 as Debian has it breaks Thai and Lao;
// Khmer and Myanmar runs stay whole).
bool breaks_by_dictionary(char32_t c);
// Whether s[i] starts a well-formed UTF-8 character (of three bytes) that breaks_by_dictionary
// takes.
bool dictionary_char_at(std::string_view s, std::size_t i);
// The byte offsets, within `run` (UTF-8 of such a script only), where its words end, by ICU's
// word breaker; the last is run.size().
std::vector<std::size_t> dictionary_word_ends(std::string_view run);
// `text` with a space around each word of its runs of those scripts ("รัฐบาลประกาศ" ->
// " รัฐบาล ประกาศ "), so that Xapian's tokenizer, which takes such a run for one word, indexes
// and parses their words; false, and `out` untouched, when the text has no such run (the
// common case, checked without ICU).
bool break_words(std::string_view text, std::string* out);

// The English name of a language for messages ("German"), or the code itself.
std::string language_name(std::string_view code);

}  // namespace morgue
