// Unicode handling shared by readers, documents and queries: decoding input bytes to UTF-8,
// folding case and diacritics, and splitting names into the words that filter terms are made of.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

bool is_valid_utf8(std::string_view bytes);

// The bytes as UTF-8: unchanged when they already are valid UTF-8, else decoded as Windows-1252
// (the superset of Latin-1 that real "Latin-1" files are written in).
std::string to_utf8(std::string_view bytes);

// Lower case without diacritics ("Héctor" -> "hector"), NFC, for matching regardless of either.
std::string fold(std::string_view utf8);

// The display form of a name: whitespace and control characters collapsed to single spaces
// (a name never holds the separators of its slot), trimmed.
std::string clean_name(std::string_view utf8);

// The folded words of a name, as filter terms use them: runs of letters, marks and digits, joined
// across apostrophes and full stops, which are dropped ("O'Neil" -> oneil, "U.S." -> us), without
// a possessive 's; every other character separates words. "Héctor G. Villatoro's" -> {"hector",
// "g", "villatoro"}; "james-baker" -> {"james", "baker"}.
std::vector<std::string> name_words(std::string_view utf8);

std::string_view trim(std::string_view s);
// The name without the possessive at its end ("BBC Radio Scotland's" and "BBC Radio Scotland’s"
// are "BBC Radio Scotland"); a name without one as given.
std::string_view without_possessive(std::string_view name);
// Whether s is one or more ASCII digits ("4", "1987").
bool all_digits(std::string_view s);

// How many characters `utf8` holds: its bytes that are not continuation bytes.
std::size_t utf8_characters(std::string_view utf8);

// The columns `utf8` takes on a terminal: two for an East Asian wide or fullwidth character, none
// for a combining mark, a format character or an ANSI escape sequence (ESC [ ... final letter),
// one for any other character.
std::size_t display_width(std::string_view utf8);

// `utf8` broken at spaces into lines of at most `width` columns (display_width), each line's
// spaces at the break dropped; a word wider than a line is cut where the line is full (a
// character wider than the line has one of its own). No line for text of spaces only.
std::vector<std::string> wrap_words(std::string_view utf8, std::size_t width);

// ASCII letters in lower case, every other byte as it is: for names that are ASCII by their
// grammar (file extensions, header fields, charsets, media types), never for text.
std::string ascii_lower(std::string_view s);

// Text a terminal shows as text: control characters (C0 but tab and line feed when
// `keep_lines`, DEL, C1) and bidirectional overrides each become U+FFFD, so that data cannot move
// the cursor, recolour or retitle the terminal.
std::string terminal_safe(std::string_view text, bool keep_lines = false);

}  // namespace morgue
