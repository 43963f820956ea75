// The reader for saved web pages (.html/.htm): one article per page, with the page's metadata.
#pragma once

#include <string>
#include <string_view>

#include "common/article.h"

namespace morgue {

// Reads a saved article page. `bytes` is the raw file content; `file` is only used in error
// messages. Fills title, text, url, outlet, date, authors (never id or source: the caller sets them).
// Throws InputError(file, 0, reason) when the page has no article text at all.
//
// Decoding: bytes that are valid UTF-8 are taken as UTF-8 whatever the page declares; otherwise
// the charset of a <meta> (or XML declaration) in the first 16 KB, else Windows-1252.
// Metadata: JSON-LD (the first *Article or *BlogPosting object) first, then <meta> tags, then
// <title>, <link rel="canonical"> and <time datetime>. Text: the visible text of the largest
// <article>, else of <main>, else of <body>, without scripts and page chrome (nav, header,
// footer, aside, forms...); one line per block, a blank line between paragraphs.
// The parse runs in a child process, so a page that crashes the parser is an InputError.
Article read_html(std::string_view bytes, const std::string& file);

}  // namespace morgue
