// The reader for saved web pages (.html/.htm): one article per page, with the page's metadata.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "common/article.h"

namespace morgue {

// Reads a saved article page. `bytes` is the raw file content; `file` is only used in error
// messages. Fills title, text, url, outlet, date, authors (never id or source: the caller sets
// them). Throws InputError(file, 0, reason) when the page has no article text at all.
//
// Decoding: bytes that are valid UTF-8 are taken as UTF-8 whatever the page declares; otherwise
// the charset of a <meta> (or XML declaration) in the first 16 KB, else Windows-1252.
// Metadata: JSON-LD (the first *Article or *BlogPosting object) first, then <meta> tags, then
// <title>, <link rel="canonical"> and <time datetime>. Text: the visible text of the largest
// <article>, else of <main>, else of <body>, without scripts and page chrome (nav, header,
// footer, aside, forms...); one line per block, a blank line between paragraphs.
// The parse runs in a child process, so a page that crashes the parser is an InputError. A page
// whose elements nest deeper than kMaxHtmlDepth is refused before it is parsed (an InputError):
// the parser's time grows with the depth for every tag; one that takes longer than
// html_parse_limit() is an InputError too. When `interrupted` becomes true while the
// page is parsed, the parse is abandoned and Interrupted thrown.
inline constexpr std::size_t kMaxHtmlDepth = 1000;
// The time the parse of a page of `size` bytes is given before its child is killed: 20 s, and
// 5 s more per MB: a 7.3 MB page was read and indexed in 1.3 s, 2.6 s under AddressSanitizer
// (2026-12-03). A page whose child runs out of time or crashes is tried once more, then is an
// InputError.
inline std::chrono::milliseconds html_parse_limit(std::size_t size) {
  return std::chrono::milliseconds(20000 + size / 200);
}
// `charset`: the charset the page was sent with (a web archive's HTTP Content-Type), used before
// the page's own declaration when the bytes are not UTF-8; empty when not known.
Article read_html(std::string_view bytes, const std::string& file,
                  const std::atomic<bool>* interrupted = nullptr, std::string_view charset = {});

// Whether the elements of a page nest deeper than `limit`, by a scan of its tags in one pass
// (estimated: elements whose end tag may be left out, like <p> and <li>, are not counted).
bool html_nests_deeper_than(std::string_view bytes, std::size_t limit);

}  // namespace morgue
