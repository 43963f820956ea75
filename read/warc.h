// The reader for web archives (WARC 1.0 and 1.1, ISO 28500): each HTML page an archive captured
// becomes an article; every other record is counted and passed over.
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <string>

#include "read/readers.h"

namespace morgue {

struct WarcCounts {
  std::size_t records = 0;   // records whose framing was sound, of any type
  std::size_t articles = 0;  // records given to the sink as articles
  // Why the other sound records are no articles, and how many of each ("request records",
  // "non-HTML responses", ...): records == articles + the sum. A sound record reported to
  // sink.skipped() is counted as "pages over the size limit" or "records with an error"; a
  // record that could not be framed is reported only.
  std::map<std::string, std::size_t> skipped;
};

// Reads the WARC records of `in`, an uncompressed stream (a .warc.gz is decompressed by the
// caller), one at a time: memory is bounded by one record, never by the file.
//
// Articles: a `response` record whose block is an HTTP response (Content-Type application/http)
// with status 200 and an HTML payload (HTTP Content-Type text/html or application/xhtml+xml, or
// none and a payload that starts like HTML), and a `resource` record whose Content-Type is HTML.
// The payload may be sent chunked, and gzip- or deflate-encoded. The page is read by read_html;
// then url is the WARC-Target-URI when the page names none, date the day of the WARC-Date (the
// capture) when the page gives none, id the WARC-Record-ID without its angle brackets (else
// `id_base#<offset of the record>`; without either the record is skipped), source `source`.
//
// A record of any other type, or a response that is no HTML page of status 200 in an encoding
// above, is counted in `skipped` and its block passed over unread. So is an HTML payload larger
// than options.max_article_bytes (as sent, and decoded), reported to the sink as well.
//
// Damage: a record that cannot be framed (no or a bad Content-Length, a first line that is not
// WARC/1.x, a header section over 64 KiB, a truncated block, no CRLF CRLF after the block) is
// reported as sink.skipped(InputError(file, 0, "WARC record at byte N: <reason>")), N its offset
// in `in`; reading goes on from the next line that begins with "WARC/1.". A framed record that is
// no article for a fault of its own (a broken chunked or gzip body, a page without text) is
// reported in the same form. Throws InputError(file, 0, "not a WARC file: ...") when `in` holds no
// line beginning with "WARC/1." at all (an empty stream too); then nothing was reported.
//
// Stops between records when sink.stopped() or *options.interrupted is true; read_html throws
// Interrupted when the run is interrupted while it parses a page.
WarcCounts read_warc(std::istream& in, const std::string& file, const std::string& id_base,
                     const std::string& source, const ReadOptions& options, ArticleSink& sink);

}  // namespace morgue
