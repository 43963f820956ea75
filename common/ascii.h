// ASCII character classes, inline: what <cctype> answers in the "C" locale, without a call into
// the C library for every byte. Bytes of UTF-8 sequences (0x80 and above, negative as a signed
// char) are in no class, as in the "C" locale; a code point of any width may be asked too.
#pragma once

namespace morgue::ascii {

constexpr bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(int c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// Space, tab, line feed, vertical tab, form feed, carriage return.
constexpr bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// Printable, neither a letter, a digit nor a space: ! to /, : to @, [ to `, { to ~.
constexpr bool is_punct(int c) { return c > ' ' && c < 0x7f && !is_alnum(c); }
constexpr char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace morgue::ascii
