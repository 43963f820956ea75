// ICU does the Unicode work; this file only chooses the operations.
#include "common/text.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "common/ascii.h"

namespace morgue {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

icu::Transliterator& folder() {
  // Creating a transliterator costs far more than using it: one per thread, made once.
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status))
      throw std::runtime_error("ICU: cannot create the folding transliterator");
    return made;
  }();
  return *t;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  if (bytes.size() > INT32_MAX) return false;
  int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string to_utf8(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1252");
  std::string out;
  decoded.toUTF8String(out);
  return out;
}

std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  folder().transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && is_space(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string_view without_possessive(std::string_view name) {
  for (std::string_view mark : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (name.size() > mark.size() && name.substr(name.size() - mark.size()) == mark)
      return name.substr(0, name.size() - mark.size());
  }
  return name;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t utf8_characters(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::string clean_name(std::string_view utf8) {
  std::string out;
  bool space = false;
  for (char c : trim(utf8)) {
    const auto u = static_cast<unsigned char>(c);
    if (is_space(u) || u < 0x20 || u == 0x7f) {  // control characters too: \x1f separates names
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> name_words(std::string_view utf8) {
  const std::string folded = fold(utf8);
  std::vector<std::string> words;
  std::string word;  // letters, marks and digits so far; apostrophes and full stops join them
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(folded.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == '\'' || c == 0x2019 || c == 0x2018) {  // "O'Neil" -> oneil; "Villatoro's" -> villatoro
      if (i < length && s[i] == 's' && (i + 1 == length || !u_isalnum(s[i + 1]))) {
        ++i;  // a possessive 's: the word ends here
        flush();
        continue;
      }
      continue;
    }
    if (c == '.') continue;  // "U.S." -> us
    if (c >= 0 && (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0)) {
      word.append(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
      continue;
    }
    flush();
  }
  flush();
  return words;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

// The width of one code point (display_width).
std::size_t code_point_width(UChar32 c) {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 0;
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
    return 0;
  const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

// Calls `each(start, length, width)` for every character of `s` (an escape sequence being one of
// width 0, a byte that is not UTF-8 one of width 1), in order, until it returns false.
template <typename Each>
void for_each_character(std::string_view s, Each each) {
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    std::size_t width = 0;
    if (s[static_cast<std::size_t>(i)] == '\x1b' && i + 1 < n &&
        s[static_cast<std::size_t>(i) + 1] == '[') {
      i += 2;
      while (i < n && !ascii::is_alpha(s[static_cast<std::size_t>(i)])) ++i;
      if (i < n) ++i;
    } else {
      UChar32 c = 0;
      U8_NEXT(s.data(), i, n, c);
      width = c < 0 ? 1 : code_point_width(c);
    }
    if (!each(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start), width)) return;
  }
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t total = 0;
  for_each_character(utf8, [&](std::size_t, std::size_t, std::size_t width) {
    total += width;
    return true;
  });
  return total;
}

std::vector<std::string> wrap_words(std::string_view utf8, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  auto end_line = [&] {
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    line_width = 0;
  };
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (utf8[i] == ' ') {
      ++i;
      continue;
    }
    const std::size_t end = std::min(utf8.find(' ', i), utf8.size());
    const std::string_view word = utf8.substr(i, end - i);
    i = end;
    const std::size_t word_width = display_width(word);
    if (line_width && line_width + 1 + word_width <= width) {
      line += ' ';
      line += word;
      line_width += 1 + word_width;
      continue;
    }
    end_line();
    if (word_width <= width) {
      line = word;
      line_width = word_width;
      continue;
    }
    for_each_character(word, [&](std::size_t start, std::size_t length, std::size_t w) {
      if (line_width + w > width) end_line();
      line += word.substr(start, length);
      line_width += w;
      return true;
    });
  }
  end_line();
  return lines;
}

std::string terminal_safe(std::string_view text, bool keep_lines) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const bool control = c < 0 || (c < 0x20 && !(keep_lines && (c == '\n' || c == '\t'))) ||
                         (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
                         (c >= 0x2066 && c <= 0x2069);
    if (control)
      out += "\xEF\xBF\xBD";
    else
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

}  // namespace morgue
