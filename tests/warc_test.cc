// Unit tests for the WARC reader. Every archive is written here, record by record, and what the
// reader must find in it (ids, urls, dates, counts, the offsets of damage) is worked out from what
// was written, not from an earlier run of the reader.
#include "read/warc.h"

#include <zlib.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/error.h"
#include "zlib_compress.h"

namespace {

using morgue::Article;
using morgue::WarcCounts;
using Fields = std::vector<std::pair<std::string, std::string>>;
using Strings = std::vector<std::string>;

struct Collect : morgue::ArticleSink {
  std::vector<Article> articles;
  Strings skips, warnings;
  std::size_t stop_after = SIZE_MAX;  // articles
  void article(Article&& a) override { articles.push_back(std::move(a)); }
  void skipped(const morgue::InputError& e) override { skips.push_back(e.what()); }
  void warning(const std::string& m) override { warnings.push_back(m); }
  bool stopped() const override { return articles.size() >= stop_after; }

  Strings ids() const {
    Strings out;
    for (const Article& a : articles) out.push_back(a.id);
    return out;
  }
};

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(MORGUE_FIXTURES) + "/" + name, std::ios::binary);
  BOOST_REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A page with a title and one paragraph; no date, no url of its own unless `head` gives them.
std::string page(const std::string& title, const std::string& text, const std::string& head = "") {
  return "<!DOCTYPE html><html><head><title>" + title + "</title>" + head +
         "</head><body><article><p>" + text + "</p></article></body></html>";
}

// One WARC record: the first line, WARC-Type (unless empty), `fields`, Content-Length (unless
// `length` is given: then that field is written as it is, or left out when it is "-"), the
// block and the record terminator, every line ending in `eol`.
std::string record(const std::string& type, const Fields& fields, const std::string& block,
                   const std::string& eol = "\r\n", const std::string& length = "",
                   const std::string& version = "WARC/1.1") {
  std::string out = version + eol;
  if (!type.empty()) out += "WARC-Type: " + type + eol;
  for (const auto& [name, value] : fields) out += name + ": " + value + eol;
  if (length.empty()) {
    out += "Content-Length: " + std::to_string(block.size()) + eol;
  } else if (length != "-") {
    out += "Content-Length: " + length + eol;
  }
  return out + eol + block + eol + eol;
}

// An HTTP response: status line, header lines (each with its line end) and body.
std::string http(int status, const std::string& headers, const std::string& body,
                 const std::string& eol = "\r\n") {
  return "HTTP/1.1 " + std::to_string(status) + " Status" + eol + headers + eol + body;
}

const std::string kHtml = "Content-Type: text/html; charset=utf-8\r\n";

// A response record for a page at `uri`, with id <`id`> (none when empty), captured on `date`.
std::string response(const std::string& id, const std::string& uri, const std::string& date,
                     const std::string& http_block) {
  Fields f;
  if (!id.empty()) f.emplace_back("WARC-Record-ID", "<" + id + ">");
  f.emplace_back("WARC-Target-URI", uri);
  f.emplace_back("WARC-Date", date);
  f.emplace_back("Content-Type", "application/http; msgtype=response");
  return record("response", f, http_block);
}

std::string html_response(const std::string& id, const std::string& uri, const std::string& date,
                          const std::string& html) {
  return response(id, uri, date, http(200, kHtml, html));
}

// `bytes` compressed by zlib: gzip with window_bits 31, zlib 15, raw deflate -15.
std::string compress(const std::string& bytes, int window_bits) {
  return morgue::testing::zlib_compress(bytes, window_bits);
}

// `body` in chunks of `size` bytes, the first chunk with an extension.
std::string chunked(const std::string& body, std::size_t size, const std::string& eol = "\r\n") {
  std::string out;
  char hex[32];
  for (std::size_t i = 0; i < body.size(); i += size) {
    const std::string part = body.substr(i, size);
    std::snprintf(hex, sizeof hex, "%zx", part.size());
    out += hex + std::string(i == 0 ? ";name=value" : "") + eol + part + eol;
  }
  return out + "0" + eol + "Trailer: x" + eol + eol;
}

WarcCounts read(const std::string& bytes, Collect& sink,
                const morgue::ReadOptions& options = morgue::ReadOptions{},
                const std::string& id_base = "crawl/a.warc") {
  std::istringstream in(bytes);
  return morgue::read_warc(in, "a.warc", id_base, "/abs/a.warc", options, sink);
}

// Every sound record is an article or a reason counted, and the reasons reported add up.
void check_sums(const WarcCounts& counts, const Collect& sink) {
  std::size_t sum = counts.articles;
  for (const auto& [reason, n] : counts.skipped) sum += n;
  BOOST_TEST(sum == counts.records);
  BOOST_TEST(counts.articles == sink.articles.size());
}

std::string at(std::size_t offset, const std::string& reason) {
  return "a.warc: WARC record at byte " + std::to_string(offset) + ": " + reason;
}

std::string day(const Article& a) { return a.date ? morgue::to_string(*a.date) : "none"; }

// The response for good page `n` of an archive: id urn:n, url https://news.example/n, captured on
// 2024-05-n, a title and text of its own.
std::string good_page(int n) {
  const std::string s = std::to_string(n);
  return html_response("urn:" + s, "https://news.example/" + s,
                       "2024-05-" + std::string(n < 10 ? "0" : "") + s + "T12:00:00Z",
                       page("Story " + s, "The text of story " + s + " about the harbour."));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(warc)

BOOST_AUTO_TEST_CASE(pages_among_warcinfo_requests_and_metadata) {
  const std::string fixture_page = fixture("page.html");
  struct Written {
    std::string html, uri, captured, id;
  };
  const std::vector<Written> pages = {
      {fixture_page, "https://coast.example/sines", "2025-04-01T10:00:00Z", "urn:uuid:0001"},
      {page("Canonical story", "Boats came home early.",
            "<link rel=\"canonical\" href=\"https://news.example/canonical\">"),
       "https://news.example/canonical?utm=x", "2024-12-31T23:59:59.123456Z", "urn:uuid:0002"},
      {page("Undated story", "Nets were mended on the quay."), "https://news.example/undated",
       "2023-07-04T00:00:00Z", "urn:uuid:0003"},
  };
  std::string archive = record("warcinfo",
                               {{"WARC-Record-ID", "<urn:uuid:info>"},
                                {"WARC-Date", "2025-04-01T09:00:00Z"},
                                {"Content-Type", "application/warc-fields"}},
                               "software: morgue tests\r\nformat: WARC File Format 1.1\r\n");
  for (const Written& p : pages) {
    archive += record("request",
                      {{"WARC-Record-ID", "<" + p.id + "-request>"},
                       {"WARC-Target-URI", p.uri},
                       {"Content-Type", "application/http; msgtype=request"}},
                      "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n");
    archive += html_response(p.id, p.uri, p.captured, p.html);
    archive += record("metadata",
                      {{"WARC-Record-ID", "<" + p.id + "-metadata>"},
                       {"WARC-Concurrent-To", "<" + p.id + ">"},
                       {"Content-Type", "application/warc-fields"}},
                      "outlink: https://news.example/other\r\n");
  }
  Collect sink;
  const WarcCounts counts = read(archive, sink);
  BOOST_TEST(sink.skips == Strings{});
  BOOST_TEST(sink.ids() == (Strings{"urn:uuid:0001", "urn:uuid:0002", "urn:uuid:0003"}));
  BOOST_REQUIRE(sink.articles.size() == 3u);
  // page.html has no url of its own, a JSON-LD date, and a headline.
  BOOST_TEST(sink.articles[0].url == pages[0].uri);
  BOOST_TEST(day(sink.articles[0]) == "2025-03-21");
  BOOST_TEST(sink.articles[0].title == "Lighthouse keepers return to Sines");
  BOOST_TEST(sink.articles[0].text.find("has keepers again") != std::string::npos);
  BOOST_TEST(sink.articles[0].outlet == "Coast Herald");
  // The page's canonical url wins over the target; a page without a date has the capture's day.
  BOOST_TEST(sink.articles[1].url == "https://news.example/canonical");
  BOOST_TEST(day(sink.articles[1]) == "2024-12-31");
  BOOST_TEST(sink.articles[2].url == pages[2].uri);
  BOOST_TEST(day(sink.articles[2]) == "2023-07-04");
  BOOST_TEST(sink.articles[2].title == "Undated story");
  for (const Article& a : sink.articles) BOOST_TEST(a.source == "/abs/a.warc");
  BOOST_TEST(counts.records == 10u);
  BOOST_TEST(counts.articles == 3u);
  BOOST_TEST((counts.skipped == std::map<std::string, std::size_t>{{"warcinfo records", 1},
                                                                   {"request records", 3},
                                                                   {"metadata records", 3}}));
  check_sums(counts, sink);
}

BOOST_AUTO_TEST_CASE(resource_records_and_ids_without_a_record_id) {
  std::string archive = record("resource",
                               {{"WARC-Record-ID", "<urn:resource>"},
                                {"WARC-Target-URI", "file:///saved/story.html"},
                                {"WARC-Date", "2022-02-02T02:02:02Z"},
                                {"Content-Type", "text/html"}},
                               page("A saved story", "Kept as a resource."));
  archive += record("resource", {{"Content-Type", "image/jpeg"}}, std::string(100, '\xff'));
  const std::size_t anonymous = archive.size();
  archive += response("", "https://news.example/anonymous", "2022-02-03T00:00:00Z",
                      http(200, kHtml, page("No record id", "Named by its offset.")));
  Collect sink;
  const WarcCounts counts = read(archive, sink);
  BOOST_TEST(sink.skips == Strings{});
  BOOST_TEST(sink.ids() == (Strings{"urn:resource", "crawl/a.warc#" + std::to_string(anonymous)}));
  BOOST_REQUIRE(sink.articles.size() == 2u);
  BOOST_TEST(sink.articles[0].url == "file:///saved/story.html");
  BOOST_TEST(day(sink.articles[0]) == "2022-02-02");
  BOOST_TEST(sink.articles[1].url == "https://news.example/anonymous");
  BOOST_TEST(counts.skipped == (std::map<std::string, std::size_t>{{"non-HTML resources", 1}}));
  check_sums(counts, sink);

  // Outside the archive root there is nothing to name the record by.
  Collect outside;
  const WarcCounts c = read(archive, outside, morgue::ReadOptions{}, "");
  BOOST_TEST(outside.ids() == Strings{"urn:resource"});
  BOOST_TEST(outside.skips ==
             Strings{at(anonymous,
                        "no WARC-Record-ID, and the file lies outside the archive root (ids are "
                        "paths relative to it)")});
  BOOST_TEST(c.skipped.at("records with an error") == 1u);
  check_sums(c, outside);
}

BOOST_AUTO_TEST_CASE(chunked_and_compressed_payloads_are_decoded) {
  const std::string html = page("Decoded story", "Chunks and gzip make no difference.");
  struct Case {
    std::string headers, body;
  };
  std::string twice = compress(html.substr(0, 40), 31) + compress(html.substr(40), 31);
  const std::vector<Case> cases = {
      {kHtml + "Transfer-Encoding: chunked\r\n", chunked(html, 7)},
      {kHtml + "Transfer-Encoding: chunked\r\n", chunked(html, 1000, "\n")},
      {kHtml + "Content-Encoding: gzip\r\n", compress(html, 31)},
      {kHtml + "Content-Encoding: x-gzip\r\n", twice},  // two gzip members
      {kHtml + "Content-Encoding: deflate\r\n", compress(html, 15)},
      {kHtml + "Content-Encoding: deflate\r\n", compress(html, -15)},  // raw, as some servers
      {kHtml + "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
       chunked(compress(html, 31), 10)},
      {kHtml + "Content-Encoding: identity, gzip\r\n", compress(html, 31)},
      {kHtml + "content-encoding: GZIP, deflate\r\n", compress(compress(html, 31), 15)},
  };
  std::string archive;
  Strings want;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string id = "urn:decoded-" + std::to_string(i);
    archive += response(id, "https://news.example/d", "2024-01-01T00:00:00Z",
                        http(200, cases[i].headers, cases[i].body));
    want.push_back(id);
  }
  Collect sink;
  const WarcCounts counts = read(archive, sink);
  BOOST_TEST(sink.skips == Strings{});
  BOOST_TEST(sink.ids() == want);
  for (const Article& a : sink.articles) {
    BOOST_TEST(a.title == "Decoded story");
    BOOST_TEST(a.text == "Chunks and gzip make no difference.");
  }
  check_sums(counts, sink);
}

// A page in ISO-8859-2 that says so only in HTTP's Content-Type: "Łódź" (A3 F3 64 BC), which as
// Windows-1252 (what a page declaring nothing is read as) is "£ód¼".
BOOST_AUTO_TEST_CASE(the_charset_a_page_was_sent_with_decodes_it) {
  const std::string latin2 =
      page("\xA3\xF3\x64\xBC news", "Reporters in \xA3\xF3\x64\xBC wrote this.");
  Collect sink;
  read(response("urn:uuid:l2", "https://example.pl/1", "2024-05-01T00:00:00Z",
                http(200, "Content-Type: text/html; charset=\"ISO-8859-2\"\r\n", latin2)) +
           response("urn:uuid:none", "https://example.pl/2", "2024-05-01T00:00:00Z",
                    http(200, "Content-Type: text/html\r\n", latin2)) +
           record("resource",
                  {{"WARC-Record-ID", "<urn:uuid:res>"},
                   {"Content-Type", "text/html;charset=iso-8859-2"}},
                  latin2),
       sink);
  BOOST_TEST_REQUIRE(sink.articles.size() == 3u);
  BOOST_TEST(sink.articles[0].title == "\xC5\x81\xC3\xB3\x64\xC5\xBA news");  // Łódź
  BOOST_TEST(sink.articles[1].title == "\xC2\xA3\xC3\xB3\x64\xC2\xBC news");  // £ód¼
  BOOST_TEST(sink.articles[2].title == sink.articles[0].title);
}

BOOST_AUTO_TEST_CASE(broken_encodings_are_reported_and_unsupported_ones_counted) {
  const std::string html = page("Encoded", "Some text.");
  const std::string gz = compress(html, 31);
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {kHtml + "Content-Encoding: gzip\r\n", gz.substr(0, gz.size() / 2)},
      {kHtml + "Content-Encoding: gzip\r\n", "not gzip at all"},
      {kHtml + "Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n"},
      {kHtml + "Transfer-Encoding: chunked\r\n", "ff\r\nabc\r\n0\r\n\r\n"},
      {kHtml + "Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n"},
      {kHtml + "Content-Encoding: br\r\n", "\x1b\x03"},
      {kHtml + "Transfer-Encoding: gzip, chunked\r\n", chunked(gz, 100)},
  };
  std::string archive;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    offsets.push_back(archive.size());
    archive += response("urn:e" + std::to_string(i), "https://news.example/e",
                        "2024-01-01T00:00:00Z", http(200, bodies[i].first, bodies[i].second));
  }
  Collect sink;
  const WarcCounts counts = read(archive, sink);
  BOOST_TEST(sink.articles.empty());
  BOOST_TEST(sink.skips == (Strings{at(offsets[0], "gzip: compressed body ends early"),
                                    at(offsets[1],
                                       "gzip: compressed body is damaged (incorrect "
                                       "header check)"),
                                    at(offsets[2], "bad chunk size line \"zz\""),
                                    at(offsets[3], "chunk of 255 bytes ends early"),
                                    at(offsets[4], "chunked body ends before its last chunk")}));
  BOOST_TEST((counts.skipped == std::map<std::string, std::size_t>{
                                    {"records with an error", 5},
                                    {"responses with an unsupported Content-Encoding", 1},
                                    {"responses with an unsupported Transfer-Encoding", 1}}));
  check_sums(counts, sink);
}

BOOST_AUTO_TEST_CASE(responses_that_are_no_html_page_are_counted) {
  const std::string html = page("Sniffed", "A page served without a Content-Type.");
  std::string archive;
  archive += response("urn:png", "https://news.example/a.png", "2024-01-01T00:00:00Z",
                      http(200, "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n"));
  archive += response("urn:404", "https://news.example/gone", "2024-01-01T00:00:00Z",
                      http(404, kHtml, page("Not found", "This page is gone.")));
  archive += response("urn:301", "https://news.example/moved", "2024-01-01T00:00:00Z",
                      http(301, "Location: https://news.example/new\r\n", ""));
  archive += response("urn:sniffed", "https://news.example/sniffed", "2024-01-01T00:00:00Z",
                      http(200, "Server: old\r\n", "\r\n  " + html));
  archive += response("urn:json", "https://news.example/api", "2024-01-01T00:00:00Z",
                      http(200, "", "{\"not\": \"a page\"}"));
  archive +=
      record("revisit",
             {{"WARC-Record-ID", "<urn:revisit>"},
              {"WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"},
              {"WARC-Refers-To", "<urn:sniffed>"},
              {"Content-Type", "application/http; msgtype=response"}},
             http(200, kHtml, ""));
  archive += record("response", {{"Content-Type", "text/dns"}}, "20240101000000\nexample. A 1\n");
  archive +=
      record("response", {{"WARC-Segment-Number", "1"}, {"Content-Type", "application/http"}},
             http(200, kHtml, html.substr(0, 30)));
  archive += record("continuation", {{"WARC-Segment-Number", "2"}}, html.substr(30));
  archive += record("conversion", {{"Content-Type", "text/plain"}}, "Sniffed\n");
  archive += record("strange", {}, "x");
  archive += record("", {{"Content-Type", "text/html"}}, html);
  Collect sink;
  const WarcCounts counts = read(archive, sink);
  BOOST_TEST(sink.skips == Strings{});
  BOOST_TEST(sink.ids() == Strings{"urn:sniffed"});
  BOOST_TEST(
      (counts.skipped == std::map<std::string, std::size_t>{{"non-HTML responses", 2},
                                                            {"non-200 responses", 2},
                                                            {"revisit records", 1},
                                                            {"non-HTTP responses", 1},
                                                            {"segmented records", 1},
                                                            {"continuation records", 1},
                                                            {"conversion records", 1},
                                                            {"records of an unknown type", 1},
                                                            {"records without a WARC-Type", 1}}));
  BOOST_TEST(counts.records == 12u);
  check_sums(counts, sink);
}

BOOST_AUTO_TEST_CASE(lf_line_ends_continuations_and_any_case_read_as_crlf) {
  // The same two pages written with CRLF, and with LF only everywhere (WARC and HTTP), with
  // field names in other cases, a folded field value and WARC/1.0 angle brackets.
  const std::string one = page("First", "One.");
  const std::string two = page("Second", "Two.");
  const std::string crlf =
      html_response("urn:1", "https://news.example/1", "2024-03-01T00:00:00Z", one) +
      html_response("urn:2", "https://news.example/2", "2024-03-02T00:00:00Z", two);
  std::string lf = "WARC/1.0\n";
  const std::string block1 = http(200, "content-type: text/html\n", one, "\n");
  lf +=
      "warc-type: response\nWARC-RECORD-ID:\n  <urn:1>\nwarc-target-uri: <https://news.example/1>\n"
      "Warc-Date: 2024-03-01T00:00:00Z\nCONTENT-TYPE: application/http;\n\tmsgtype=response\n"
      "content-length: " +
      std::to_string(block1.size()) + "\n\n" + block1 + "\n\n";
  lf += record("response",
               {{"WARC-Record-ID", "<urn:2>"},
                {"WARC-Target-URI", "https://news.example/2"},
                {"WARC-Date", "2024-03-02T00:00:00Z"},
                {"Content-Type", "application/http"}},
               http(200, "Content-Type: text/html\n", two, "\n"), "\n");
  for (const std::string& archive : {crlf, lf}) {
    Collect sink;
    const WarcCounts counts = read(archive, sink);
    BOOST_TEST(sink.skips == Strings{});
    BOOST_TEST(sink.ids() == (Strings{"urn:1", "urn:2"}));
    BOOST_REQUIRE(sink.articles.size() == 2u);
    BOOST_TEST(sink.articles[0].url == "https://news.example/1");
    BOOST_TEST(day(sink.articles[1]) == "2024-03-02");
    BOOST_TEST(sink.articles[1].title == "Second");
    BOOST_TEST(counts.records == 2u);
    check_sums(counts, sink);
  }
  // Blank lines between records are no damage.
  Collect sink;
  read("\r\n" + crlf.substr(0, crlf.find("WARC/1.1", 1)) + "\r\n\n" +
           crlf.substr(crlf.find("WARC/1.1", 1)),
       sink);
  BOOST_TEST(sink.skips == Strings{});
  BOOST_TEST(sink.ids() == (Strings{"urn:1", "urn:2"}));
}

BOOST_AUTO_TEST_CASE(broken_records_are_named_by_offset_and_the_rest_is_read) {
  std::string archive;
  Strings want_ids, want_skips;
  auto good = [&](int n) {
    archive += good_page(n);
    want_ids.push_back("urn:" + std::to_string(n));
  };
  auto bad = [&](const std::string& bytes, const std::string& reason) {
    want_skips.push_back(at(archive.size(), reason));
    archive += bytes;
  };
  const std::string html = http(200, kHtml, page("Damaged", "Damaged record."));
  const Fields fields = {{"WARC-Record-ID", "<urn:bad>"}, {"Content-Type", "application/http"}};
  good(1);
  bad(record("response", fields, html, "\r\n", "12x"), "invalid Content-Length \"12x\"");
  good(2);
  bad(record("response", fields, html, "\r\n", std::to_string(html.size() - 5)),
      "no CRLF CRLF after the block of " + std::to_string(html.size() - 5) +
          " bytes (a wrong Content-Length?)");
  good(3);
  bad("this is no record\r\nnor is this\r\n",
      "no record header (WARC/1.0 or WARC/1.1) where a record should start");
  good(4);
  bad(record("response", fields, html, "\r\n", "-"), "no Content-Length");
  good(5);
  bad(record("response", fields, html, "\r\n", "", "WARC/2.0"),
      "no record header (WARC/1.0 or WARC/1.1) where a record should start");
  good(6);
  bad(record("response", fields, html, "\r\n", "", "WARC/1.x"), "unsupported version \"WARC/1.x\"");
  good(7);
  bad("WARC/1.1\r\nWARC-Type: response\r\n", "the header section ends without an empty line");
  good(8);
  bad(record("response", fields, html, "\r\n", "1\r\n2"), "bad header line \"2\"");
  good(9);
  {  // The block ends without its terminator, right before the next record.
    std::string r = record("response", fields, html);
    bad(r.substr(0, r.size() - 4), "no CRLF CRLF after the block of " +
                                       std::to_string(html.size()) +
                                       " bytes (a wrong Content-Length?)");
  }
  good(10);
  // A Content-Length 10 bytes too long takes the next record's first line: that record is lost.
  bad(record("response", fields, html, "\r\n", std::to_string(html.size() + 10)),
      "no CRLF CRLF after the block of " + std::to_string(html.size() + 10) +
          " bytes (a wrong Content-Length?)");
  archive += good_page(11);
  good(12);
  bad(record("response", fields, html, "\r\n", "100000").substr(0, 300),
      "the stream ends in the block, after " +
          std::to_string(300 - record("response", fields, "", "\r\n", "100000").size() + 4) +
          " of its 100000 bytes");

  Collect sink;
  const WarcCounts counts = read(archive, sink);
  BOOST_TEST(sink.ids() == want_ids);
  BOOST_TEST(sink.skips == want_skips);
  BOOST_TEST(counts.records == 11u);
  BOOST_TEST(counts.articles == 11u);
  check_sums(counts, sink);
}

BOOST_AUTO_TEST_CASE(garbage_before_the_first_record_is_reported_once_records_are_found) {
  Collect sink;
  const std::string junk = std::string(100000, 'j') + "\nmore junk WARC/1.1\n";
  read(junk + good_page(1), sink);
  BOOST_TEST(sink.ids() == Strings{"urn:1"});
  BOOST_TEST(sink.skips ==
             Strings{at(0, "no record header (WARC/1.0 or WARC/1.1) where a record should start")});
}

BOOST_AUTO_TEST_CASE(empty_streams_and_other_files_are_no_warc_files) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "a.warc: not a WARC file: it is empty"},
      {"\r\n\n  \r\n", "a.warc: not a WARC file: it is empty"},
      {fixture("page.html"), "a.warc: not a WARC file: no line begins with WARC/1.0 or WARC/1.1"},
      {"{\"id\": 1, \"text\": \"t\"}\n",
       "a.warc: not a WARC file: no line begins with WARC/1.0 or WARC/1.1"},
      {"WARC/0.17\r\nWARC-Type: response\r\n\r\n",
       "a.warc: not a WARC file: no line begins with WARC/1.0 or WARC/1.1"},
      {std::string("\x1f\x8b\x08\0\0\0\0\0", 8),
       "a.warc: not a WARC file: no line begins with WARC/1.0 or WARC/1.1"},
  };
  for (const auto& [bytes, message] : cases) {
    Collect sink;
    try {
      read(bytes, sink);
      BOOST_ERROR("no error for " + message);
    } catch (const morgue::InputError& e) {
      BOOST_TEST(e.what() == message);
    }
    BOOST_TEST(sink.skips == Strings{});  // the file is refused as a whole, once
  }
  // A file of one broken record is a WARC file: the record is named.
  Collect sink;
  const WarcCounts counts = read("WARC/1.0\r\n\r\n", sink);
  BOOST_TEST(sink.skips == Strings{at(0, "no Content-Length")});
  BOOST_TEST(counts.records == 0u);
}

BOOST_AUTO_TEST_CASE(pages_over_the_size_limit_are_passed_over) {
  morgue::ReadOptions options;
  options.max_article_bytes = 3000;
  const std::string big = page("Big", std::string(5000, 'x'));
  const std::string small = page("Small", "Small enough.");
  std::string archive;
  Strings want_skips;
  want_skips.push_back(at(archive.size(), "page of " + std::to_string(big.size()) +
                                              " bytes exceeds the maximum article size of 3000 "
                                              "bytes"));
  archive += html_response("urn:big", "https://news.example/big", "2024-01-01T00:00:00Z", big);
  want_skips.push_back(at(archive.size(), "page of " + std::to_string(big.size()) +
                                              " bytes exceeds the maximum article size of 3000 "
                                              "bytes"));
  archive += record("resource", {{"Content-Type", "text/html"}}, big);
  // Within the limit compressed, over it decoded.
  std::string bomb = page("Bomb", std::string(200000, ' ') + "x");
  want_skips.push_back(at(archive.size(),
                          "gzip: the decoded page exceeds the maximum article "
                          "size of 3000 bytes"));
  archive += response("urn:bomb", "https://news.example/bomb", "2024-01-01T00:00:00Z",
                      http(200, kHtml + "Content-Encoding: gzip\r\n", compress(bomb, 31)));
  // Large, and no page: counted as what it is.
  archive += response("urn:video", "https://news.example/v.mp4", "2024-01-01T00:00:00Z",
                      http(200, "Content-Type: video/mp4\r\n", std::string(100000, 'v')));
  archive +=
      html_response("urn:small", "https://news.example/small", "2024-01-01T00:00:00Z", small);
  // A Content-Length of a petabyte is passed over, not allocated, up to the end of the stream.
  const std::string header =
      "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
      "Content-Length: 1000000000000000\r\n\r\n";
  const std::string rest = http(200, kHtml, small);
  want_skips.push_back(at(archive.size(), "the stream ends in the block, after " +
                                              std::to_string(rest.size()) +
                                              " of its 1000000000000000 bytes"));
  archive += header + rest;
  Collect sink;
  const WarcCounts counts = read(archive, sink, options);
  BOOST_TEST(sink.ids() == Strings{"urn:small"});
  BOOST_TEST(sink.skips == want_skips);
  BOOST_TEST((counts.skipped == std::map<std::string, std::size_t>{{"pages over the size limit", 2},
                                                                   {"records with an error", 1},
                                                                   {"non-HTML responses", 1}}));
  check_sums(counts, sink);
}

BOOST_AUTO_TEST_CASE(header_sections_are_bounded) {
  std::string fields;
  while (fields.size() < 70000) fields += "X-Filler: " + std::string(90, 'f') + "\r\n";
  const std::string huge = "WARC/1.1\r\n" + fields + "Content-Length: 0\r\n\r\n\r\n\r\n";
  const std::string line = "WARC/1.1\r\nX-Long: " + std::string(70000, 'l') + "\r\n\r\n";
  Collect sink;
  read(huge + good_page(1) + line + good_page(2), sink);
  BOOST_TEST(sink.ids() == (Strings{"urn:1", "urn:2"}));
  BOOST_TEST(sink.skips ==
             (Strings{at(0, "the header section is over 64 KiB"),
                      at(huge.size() + good_page(1).size(), "the header section is over 64 KiB")}));
}

BOOST_AUTO_TEST_CASE(reading_stops_between_records_when_asked) {
  const std::string archive = good_page(1) + good_page(2) + good_page(3);
  Collect sink;
  sink.stop_after = 2;
  read(archive, sink);
  BOOST_TEST(sink.ids() == (Strings{"urn:1", "urn:2"}));

  std::atomic<bool> interrupted{true};
  morgue::ReadOptions options;
  options.interrupted = &interrupted;
  Collect none;
  const WarcCounts counts = read(archive, none, options);
  BOOST_TEST(none.articles.empty());
  BOOST_TEST(counts.records == 0u);
}

// Seeded random archives of good records and damaged ones, and a model of the reader that
// works out from what was written which records it reaches: a record whose first line a
// Content-Length too long has taken is lost; a record right after a good one is reached; one
// after damage is reached by resynchronisation when its first line begins with WARC/1. (where
// garbage does not), unless it is glued to the end of a block without its terminator, which is
// reached only when that record was. A good page reached is read; damage reached is reported at
// its offset, once; nothing else is read or reported.
BOOST_AUTO_TEST_CASE(random_archives_with_damage) {
  unsigned seed = 18;
  auto next = [&](unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  enum Kind {
    kPage,
    kRequest,
    kMetadata,
    // damage from here on
    kBadLength,
    kNoLength,
    kShort,
    kLong,
    kGarbage,
    kOldVersion,
    kBadVersion,
    kCutHeader,
    kNoTerminator,
    kBadTerminator,
    kKinds
  };
  std::size_t pages = 0, reports = 0, lost_pages = 0;
  for (int run = 0; run < 300; ++run) {
    std::string archive;
    Strings want_read;
    std::vector<std::size_t> want_reports;
    const std::string eol = next(2) ? "\r\n" : "\n";
    // How far the last Content-Length that was too long reaches.
    std::size_t reach = 0;
    bool previous_reached = true, previous_good = true, previous_glues = false;
    const unsigned items = 2 + next(10);
    for (unsigned i = 0; i < items; ++i) {
      const unsigned r = next(10);
      const Kind kind = i == 0  ? kPage
                        : r < 4 ? kPage
                        : r < 5 ? kRequest
                        : r < 6 ? kMetadata
                                : static_cast<Kind>(kBadLength + next(kKinds - kBadLength));
      const std::string id = "urn:" + std::to_string(run) + "-" + std::to_string(i);
      const std::string html = http(200, "Content-Type: text/html" + eol,
                                    page("Story " + id, "Text of " + id + "."), eol);
      const Fields fields = {{"WARC-Record-ID", "<" + id + ">"},
                             {"WARC-Target-URI", "https://news.example/" + id},
                             {"Content-Type", "application/http; msgtype=response"}};
      const std::size_t start = archive.size();
      const bool good = kind < kBadLength, starts_record = kind != kGarbage && kind != kOldVersion;
      bool reached;
      if (start < reach) {
        reached = false;
      } else if (previous_reached && previous_good) {
        reached = true;
      } else if (previous_glues) {
        reached = previous_reached && starts_record;
      } else {
        reached = starts_record;
      }
      if (kind == kPage) {
        if (reached) want_read.push_back(id);
        lost_pages += !reached;
      }
      if (!good && reached) want_reports.push_back(start);
      switch (kind) {
        case kPage:
          archive += record("response", fields, html, eol);
          break;
        case kRequest:
          archive += record("request", fields, "GET / HTTP/1.1" + eol + eol, eol);
          break;
        case kMetadata:
          archive += record("metadata", fields, "a: b" + eol, eol);
          break;
        case kBadLength:
          archive += record("response", fields, html, eol, std::to_string(html.size()) + "z");
          break;
        case kNoLength:
          archive += record("response", fields, html, eol, "-");
          break;
        case kShort:
          archive +=
              record("response", fields, html, eol, std::to_string(html.size() - 1 - next(20)));
          break;
        case kLong: {
          // At least 3 bytes too long: 1 or 2 take a CR or a CRLF of the terminator, and leave
          // line ends enough for a record that is sound.
          const std::size_t length = html.size() + 3 + next(25);
          archive += record("response", fields, html, eol, std::to_string(length));
          reach = archive.size() - 2 * eol.size() - html.size() + length;
          break;
        }
        case kGarbage:
          for (unsigned n = 1 + next(3); n > 0; --n)
            archive += "garbage " + std::string(next(50), 'g') + eol;
          break;
        case kOldVersion:
          archive += record("response", fields, html, eol, "", "WARC/0.9");
          break;
        case kBadVersion:
          archive += record("response", fields, html, eol, "", "WARC/1.1b");
          break;
        case kCutHeader:
          archive += "WARC/1.1" + eol + "WARC-Type: response" + eol;
          break;
        case kNoTerminator: {
          const std::string whole = record("response", fields, html, eol);
          archive += whole.substr(0, whole.size() - 2 * eol.size());
          break;
        }
        case kBadTerminator: {
          const std::string whole = record("response", fields, html, eol);
          archive += whole.substr(0, whole.size() - 2 * eol.size()) + "XX" + eol;
          break;
        }
        case kKinds:
          break;
      }
      previous_reached = reached;
      previous_good = good;
      previous_glues = kind == kNoTerminator;
    }
    Collect sink;
    const WarcCounts counts = read(archive, sink);
    BOOST_TEST_INFO("run " << run);
    BOOST_TEST(sink.ids() == want_read);
    std::vector<std::size_t> got_reports;
    for (const std::string& s : sink.skips) {
      const std::string prefix = "a.warc: WARC record at byte ";
      BOOST_REQUIRE(s.rfind(prefix, 0) == 0u);
      got_reports.push_back(std::stoul(s.substr(prefix.size())));
    }
    BOOST_TEST(got_reports == want_reports);
    check_sums(counts, sink);
    pages += want_read.size();
    reports += want_reports.size();
  }
  // The model is not vacuous: many pages read, many records reported, some pages lost.
  BOOST_TEST(pages > 500u);
  BOOST_TEST(reports > 300u);
  BOOST_TEST(lost_pages > 10u);
}

BOOST_AUTO_TEST_SUITE_END()
