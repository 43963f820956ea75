// The tokenizer: characters, words, sentence ends and the line rules that decide them.
#include "extract/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_set>

#include "common/ascii.h"
#include "common/text.h"
#include "extract/word_set.h"

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

bool is_alnum(UChar32 c) { return c < 0x80 ? ascii::is_alnum(c) : u_isalnum(c) != 0; }
bool is_alpha(UChar32 c) { return c < 0x80 ? ascii::is_alpha(c) : u_isalpha(c) != 0; }
bool is_digit(UChar32 c) { return ascii::is_digit(c); }
bool is_upper(UChar32 c) { return c < 0x80 ? ascii::is_upper(c) : u_isupper(c) != 0; }
bool is_lower(UChar32 c) { return c < 0x80 ? ascii::is_lower(c) : u_islower(c) != 0; }
bool is_space(UChar32 c) { return c < 0x80 ? ascii::is_space(c) : u_isUWhiteSpace(c) != 0; }
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

// Words whose trailing period belongs to them, as CoNLL-2003 tokenizes them.
const WordSet& abbreviations() {
  static const WordSet words = {
      "mr",   "mrs",  "ms",   "dr",   "prof", "sr",   "jr",  "st",   "sen",  "rep",   "gov",
      "gen",  "lt",   "col",  "capt", "sgt",  "maj",  "adm", "cmdr", "sec",  "supt",  "insp",
      "rev",  "hon",  "pres", "atty", "inc",  "corp", "co",  "ltd",  "plc",  "bros",  "dept",
      "univ", "assn", "no",   "vs",   "jan",  "feb",  "mar", "apr",  "jun",  "jul",   "aug",
      "sep",  "sept", "oct",  "nov",  "dec",  "mt",   "ft",  "ave",  "blvd", "calif", "fla",
      "ill",  "mass", "mich", "minn", "penn", "tenn", "tex", "wash", "wis",  "ariz",  "colo",
      "conn", "ga",   "ky",   "la",   "md",   "mo",   "nev", "okla", "ore",  "pa",    "va"};
  return words;
}

// Typographic quotes and dashes as the ASCII the training text uses, so "Noem’s" and "Noem's"
// have the same features.
std::string plain_punctuation(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const Char ch = char_at(text, i);
    switch (ch.c) {
      case 0x2018:
      case 0x2019:
        out += '\'';
        break;
      case 0x201C:
      case 0x201D:
        out += '"';
        break;
      case 0x2013:
      case 0x2014:
        out += '-';
        break;
      default:
        out.append(text.substr(i, ch.size));
    }
    i += ch.size;
  }
  return out;
}

std::string lower_of(std::string_view text) {
  bool plain = true;
  for (unsigned char c : text) plain = plain && c < 0x80;
  if (!plain) return fold(plain_punctuation(text));
  std::string out(text);
  for (char& c : out) c = ascii::lower(c);
  return out;
}

// Whether the run of characters from `start` to the next space is a web or mail address, whose
// dots join its words: two dots or an "@" ("Halo.Bungie.Org"), or a domain's ending after the
// dot at `dot` ("Amazon.Com", "Bungie.Net").
bool address(std::string_view s, std::size_t start, std::size_t dot) {
  const std::size_t space = s.find_first_of(" \t\n", start);
  const std::string_view run =
      s.substr(start, space == std::string_view::npos ? s.npos : space - start);
  if (run.find('@') != std::string_view::npos ||
      std::count(run.begin(), run.end(), '.') >= 2 + (run.back() == '.'))
    return true;
  static const WordSet endings = {"com", "net", "org",  "co",  "gov", "edu",
                                  "tv",  "uk",  "info", "biz", "fm",  "io"};
  std::size_t end = dot + 1;
  while (end < s.size() && ascii::is_alpha(s[end])) ++end;
  return endings.count(lower_of(s.substr(dot + 1, end - dot - 1))) > 0;
}

// Whether the "&" at s[at] in the word from `start` joins the capitals of a common noun's
// abbreviation ("R&B", "R&D", "Q&A"), which stays three tokens as before; a name's ("AT&T", "S&P",
// "M&S") is one token, as CoNLL-2003 has them.
bool common_ampersand(std::string_view s, std::size_t start, std::size_t at) {
  static const WordSet nouns = {"R&B", "R&D", "Q&A", "M&A", "E&P", "B&W", "P&L",
                                "A&E", "F&B", "B&B", "G&T", "A&R", "C&W", "S&L",
                                "R&R", "S&T", "T&C", "O&M", "D&T", "H&S"};
  std::size_t end = at + 1;
  while (end < s.size() && ascii::is_alpha(s[end])) ++end;
  return nouns.count(s.substr(start, end - start)) > 0;
}

// The end of the word that starts at i: letters and digits, with the inner dots of "U.S" and
// "3.5", the inner hyphens of "MS-13", the inner commas, colons and slashes of numbers, the "&"
// between capitals of "AT&T", and the inner apostrophes of "O'Brien" (not the possessive "'s",
// which CoNLL keeps apart).
std::size_t word_end(std::string_view s, std::size_t i) {
  const std::size_t start = i;
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
        (ch.c == '&' && is_upper(prev) && is_upper(next.c) && !common_ampersand(s, start, i)) ||
        (is_apostrophe(ch.c) && is_alpha(prev) && is_alpha(next.c) &&
         !((next.c == 's' || next.c == 'S') &&
           (i + ch.size + 1 >= s.size() || !is_alnum(char_at(s, i + ch.size + 1).c))));
    if (!joins) break;
    // "Center.President Trump": a space lost after a sentence's stop, between a word in lower
    // case and a capitalized one ("U.S", "St.Louis" are no such words).
    if (ch.c == '.' && is_lower(prev) && is_upper(next.c) && i - start >= 4 &&
        i + ch.size + next.size < s.size() && is_lower(char_at(s, i + ch.size + next.size).c) &&
        abbreviations().count(lower_of(s.substr(start, i - start))) == 0 && !address(s, start, i))
      break;
    prev = ch.c;
    i += ch.size;
  }
  return i;
}

// Whether the word at text[i] (after spaces) is one that opens sentences, capitalized (not in
// capitals: "ACME INC. THE COMPANY" is a line of capitals): after "SEC." or "U.S." it says the
// period ended one ("... review by the SEC. The company said").
bool sentence_opens_at(std::string_view text, std::size_t i) {
  static const WordSet openers = {"the", "it",  "its",   "he",      "she",      "they",  "we",
                                  "i",   "but", "this",  "that",    "these",    "those", "there",
                                  "his", "her", "their", "however", "meanwhile"};
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || !is_upper(char_at(text, i).c)) return false;
  const std::size_t end = word_end(text, i);
  const std::size_t second = i + char_at(text, i).size;
  if (end > second && is_upper(char_at(text, second).c)) return false;
  return end > i && openers.count(lower_of(text.substr(i, end - i))) > 0;
}

bool keeps_period(std::string_view word) {
  if (word.find('.') != std::string_view::npos) return true;      // "U.S" -> "U.S."
  if (word.size() == 1 && ascii::is_alpha(word[0])) return true;  // "J."
  return abbreviations().count(lower_of(word)) > 0;
}

// ---- Lines ----

// Title Case: capitals say little in such a line ("What Happens Next"), unlike in running text.
bool mostly_capitalized(std::size_t words, std::size_t capitals) {
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
  return mostly_capitalized(words, capitals);
}

// Whether the line break at text[eol] only wraps a sentence: the line is long, has lower-case
// letters (a headline in capitals stands alone), does not end a sentence, and the next line
// neither is blank nor indented, as in hard-wrapped wire copy.
bool wrapped_line(std::string_view text, std::size_t eol) {
  const std::size_t start = eol == 0 ? 0 : text.rfind('\n', eol - 1);
  const std::string_view line =
      text.substr(start == std::string_view::npos ? 0 : start + 1,
                  eol - (start == std::string_view::npos ? 0 : start + 1));
  if (line.size() < 40 || eol + 1 >= text.size()) return false;
  const char next = text[eol + 1];
  if (next == '\n' || next == ' ' || next == '\t' || next == '\r') return false;
  if (std::none_of(line.begin(), line.end(), [](char c) { return ascii::is_lower(c); })) {
    return false;
  }
  std::size_t end = line.size();
  while (end > 0 && ascii::is_space(line[end - 1])) --end;
  if (end == 0) return false;
  const char last = line[end - 1];
  // A line in Title Case that ends in a word is a headline ("... as Tariff Tensions Heat Up"),
  // not the first part of a wrapped sentence.
  if (ascii::is_alnum(last) && title_case_line(line.substr(0, end))) return false;
  // A line that ends a sentence, a clause or a quotation (a typographic one too) stands alone.
  return std::string_view(".!?:;\"").find(last) == std::string_view::npos &&
         line.substr(0, end).substr(end >= 3 ? end - 3 : 0) != "\xE2\x80\x9D";
}

}  // namespace

// ---- Tokens ----

Token make_token(std::string_view text, std::size_t begin) {
  return Token{text, begin, lower_of(text)};
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
    if (tokens.capacity() == 0) tokens.reserve(32);  // (most sentences fit: no moves as it grows)
    if (is_alnum(ch.c)) {
      std::size_t end = word_end(text, i);
      const std::string_view word = text.substr(i, end - i);
      if (end < text.size() && text[end] == '.' && keeps_period(word)) {
        // "by the SEC. The company", "Portland, Ore. The": an abbreviation's period that a
        // sentence's first word follows ends the sentence too; an acronym gives it up ("SEC").
        // (not "Brown vs. The Board of Education")
        if (sentence_opens_at(text, end + 1) && lower_of(word) != "vs") {
          if (word.size() > 1 &&
              std::all_of(word.begin(), word.end(), [](char c) { return ascii::is_upper(c); })) {
            tokens.push_back(make_token(word, i));
            i = end;
            continue;
          }
          tokens.push_back(make_token(text.substr(i, end + 1 - i), i));
          i = end + 1;
          end_sentence();
          continue;
        }
        ++end;
      }
      tokens.push_back(make_token(text.substr(i, end - i), i));
      i = end;
      continue;
    }
    // "'s" apart from its word, as CoNLL has it (and "ICE‘s", an opening quote typed for the
    // apostrophe right after a word's letter).
    const bool after_letter = i > 0 && ascii::is_alpha(text[i - 1]);
    if ((is_apostrophe(ch.c) || (ch.c == 0x2018 && after_letter)) && i + ch.size < text.size() &&
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

// ---- Words ----

std::string shape_of(std::string_view text) {
  std::string shape;
  for (std::size_t i = 0; i < text.size();) {
    const Char ch = char_at(text, i);
    i += ch.size;
    char k = is_upper(ch.c)                     ? 'X'
             : is_lower(ch.c) || is_alpha(ch.c) ? 'x'
             : is_digit(ch.c)                   ? 'd'
             : ch.c < 0x80                      ? static_cast<char>(ch.c)
                                                : '*';
    if (shape.empty() || shape.back() != k) shape += k;
  }
  return shape;
}

bool capitalized(std::string_view text) {
  if (text.empty()) return false;
  const UChar32 c = char_at(text, 0).c;
  return is_upper(c) || is_digit(c);
}

bool starts_lower(std::string_view word) { return !word.empty() && is_lower(char_at(word, 0).c); }

bool title_case(const std::vector<Token>& tokens) {
  std::size_t words = 0, capitals = 0;
  for (const Token& t : tokens) {
    if (!is_alpha(char_at(t.text, 0).c)) continue;
    ++words;
    if (is_upper(char_at(t.text, 0).c)) ++capitals;
  }
  return mostly_capitalized(words, capitals);
}

}  // namespace morgue::ner
