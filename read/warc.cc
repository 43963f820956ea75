// WARC records into articles: a buffered input that knows the offset of every byte, the framing
// of records and the resynchronisation after damage, then the HTTP response inside a record with
// its transfer and content encodings.
#include "read/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "common/date.h"
#include "common/error.h"
#include "common/text.h"
#include "read/html_reader.h"

namespace morgue {
namespace {

// A WARC header section, or an HTTP one, may hold at most this many bytes: garbage that looks
// like a header cannot make memory grow.
constexpr std::size_t kMaxHeader = std::size_t{64} << 10;
// The first line of a record, which resynchronisation looks for.
constexpr std::string_view kRecordStart = "WARC/1.";
// The longest first line of a record read whole ("WARC/1.0" and some spaces).
constexpr std::size_t kMaxFirstLine = 256;

// The reasons WarcCounts::skipped uses for records reported to the sink.
constexpr const char* kTooLarge = "pages over the size limit";
constexpr const char* kFaulty = "records with an error";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// At most `max` bytes of `s` for a message: anything but printable ASCII as '?', so that damaged
// input cannot put control characters on a terminal.
std::string printable(std::string_view s, std::size_t max = 40) {
  std::string out;
  for (char c : s.substr(0, max)) out += c >= 0x20 && c < 0x7f ? c : '?';
  if (s.size() > max) out += "...";
  return out;
}

std::string size_limit_reason(std::uint64_t size, std::size_t limit) {
  return "page of " + std::to_string(size) + " bytes exceeds the maximum article size of " +
         std::to_string(limit) + " bytes";
}

// Decoding stops at the limit, so the whole size is not known.
std::string decoded_too_large(std::size_t limit) {
  return "the decoded page exceeds the maximum article size of " + std::to_string(limit) + " bytes";
}

// Something that stops the framing of a record: the reader reports it and resynchronises.
struct Broken {
  std::string reason;
};

// `in`, read through a buffer that keeps the offset of every byte and can look ahead.
class Input {
 public:
  enum class Line { kLine, kLong, kEnd };

  Input(std::istream& in, const std::string& file) : in_(in), file_(file), buffer_(1 << 16) {}

  std::uint64_t offset() const { return base_ + pos_; }

  // Up to `n` bytes from the current position, fewer only at the end of the stream (n is small).
  std::string_view look(std::size_t n) {
    while (end_ - pos_ < n && fill()) {
    }
    return std::string_view(buffer_.data() + pos_, std::min(n, end_ - pos_));
  }

  // The next line into `out`, without its LF or CRLF: kLine (a last line without LF too); kLong
  // when `max` bytes went by without a LF (those are consumed, the rest of the line is not);
  // kEnd at the end of the stream.
  Line line(std::string& out, std::size_t max) {
    out.clear();
    bool any = false;
    for (;;) {
      if (pos_ == end_ && !fill()) return any ? Line::kLine : Line::kEnd;
      any = true;
      const std::size_t take = std::min(end_ - pos_, max - out.size());
      const char* from = buffer_.data() + pos_;
      if (const void* lf = std::memchr(from, '\n', take)) {
        const std::size_t n = static_cast<std::size_t>(static_cast<const char*>(lf) - from);
        out.append(from, n);
        pos_ += n + 1;
        if (!out.empty() && out.back() == '\r') out.pop_back();
        return Line::kLine;
      }
      out.append(from, take);
      pos_ += take;
      if (out.size() == max) return Line::kLong;
    }
  }

  // Moves past the rest of the current line, its LF included.
  void skip_line() {
    for (;;) {
      if (pos_ == end_ && !fill()) return;
      const char* from = buffer_.data() + pos_;
      if (const void* lf = std::memchr(from, '\n', end_ - pos_)) {
        pos_ += static_cast<std::size_t>(static_cast<const char*>(lf) - from) + 1;
        return;
      }
      pos_ = end_;
    }
  }

  // Reads `n` bytes, appended to `out` (or passed over when `out` is null); returns how many
  // there were before the end of the stream.
  std::uint64_t read(std::uint64_t n, std::string* out) {
    std::uint64_t done = 0;
    while (done < n) {
      if (pos_ == end_ && !fill()) break;
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(end_ - pos_, n - done));
      if (out) out->append(buffer_.data() + pos_, take);
      pos_ += take;
      done += take;
    }
    return done;
  }

  // Moves to the start of the next line that begins with `prefix`, the current position counting
  // as the start of a line; false at the end of the stream.
  bool find_line(std::string_view prefix) {
    for (;;) {
      const std::string_view head = look(prefix.size());
      if (head.empty()) return false;
      if (head == prefix) return true;
      skip_line();
    }
  }

 private:
  // Reads more of the stream after end_; false when it has ended.
  bool fill() {
    if (pos_ == end_) {
      base_ += pos_;
      pos_ = end_ = 0;
    } else if (end_ == buffer_.size()) {
      std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
      base_ += pos_;
      end_ -= pos_;
      pos_ = 0;
    }
    if (ended_) return false;
    in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) throw InputError(file_, 0, "read error");
    if (got == 0) ended_ = true;
    end_ += got;
    return got > 0;
  }

  std::istream& in_;
  const std::string& file_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;  // the bytes buffered and not yet read: [pos_, end_)
  std::uint64_t base_ = 0;         // the offset of buffer_[0]
  bool ended_ = false;
};

// Named fields, as a WARC or an HTTP header section holds them; names in lower case.
struct Fields {
  std::vector<std::pair<std::string, std::string>> list;

  const std::string* get(std::string_view name) const {
    for (const auto& [n, v] : list)
      if (n == name) return &v;
    return nullptr;
  }
  std::string value(std::string_view name) const {
    const std::string* v = get(name);
    return v ? *v : std::string();
  }

  // Adds one line of a header section: "Name: value", or the continuation of the last value when
  // it starts with a space or a tab. False for a line that is neither.
  bool add(std::string_view line) {
    if (line[0] == ' ' || line[0] == '\t') {
      if (list.empty()) return false;
      std::string& v = list.back().second;
      const std::string_view more = trim(line);
      if (!more.empty()) v += (v.empty() ? "" : " ") + std::string(more);
      return true;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    std::string name = ascii_lower(trim(line.substr(0, colon)));
    if (name.empty()) return false;
    list.emplace_back(std::move(name), std::string(trim(line.substr(colon + 1))));
    return true;
  }
};

// The media type of a Content-Type value, in lower case, without its parameters.
std::string media_type(std::string_view content_type) {
  return ascii_lower(trim(content_type.substr(0, content_type.find(';'))));
}

bool is_html_type(const std::string& media) {
  return media == "text/html" || media == "application/xhtml+xml";
}

// Whether a payload without a Content-Type starts like a page.
bool looks_like_html(std::string_view payload) {
  const std::string head = ascii_lower(payload.substr(0, 1024));
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos;
}

// The comma-separated tokens of a field value, in lower case.
std::vector<std::string> tokens(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    const std::string token = ascii_lower(trim(value.substr(0, comma)));
    if (!token.empty()) out.push_back(token);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

// "<urn:uuid:...>" -> "urn:uuid:..."; WARC 1.0 writes some URIs in angle brackets.
std::string without_brackets(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = trim(s.substr(1, s.size() - 2));
  return std::string(s);
}

// A Content-Length: decimal digits only, below 2^63.
std::optional<std::uint64_t> parse_length(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

// The HTTP response at the start of a response record's block.
struct HttpHead {
  int status = 0;
  std::size_t size = 0;  // of the status line and header section, the empty line included
  Fields fields;
};

// Parses the status line and header section at the start of `block`; `whole` says whether
// `block` is the whole block. The status is known even when the header section does not end.
// Returns why the block is no HTTP response, or an empty string.
std::string parse_http(std::string_view block, bool whole, HttpHead* head) {
  std::size_t pos = 0;
  bool first = true;
  for (;;) {
    const std::size_t lf = block.find('\n', pos);
    if (lf == std::string_view::npos) {
      if (first) return "no HTTP status line";
      return whole ? "the HTTP header section has no end"
                   : "the HTTP header section is over " + std::to_string(kMaxHeader >> 10) + " KiB";
    }
    std::string_view line = block.substr(pos, lf - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = lf + 1;
    if (first) {
      // "HTTP/1.1 200 OK": a version, a space, three digits.
      first = false;
      const std::size_t space = line.find(' ');
      if (!starts_with(line, "HTTP/") || space == std::string_view::npos)
        return "no HTTP status line";
      const std::string_view code = line.substr(space + 1, 4);
      if (code.size() < 3 || (code.size() == 4 && code[3] != ' ') ||
          !std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }))
        return "no HTTP status line";
      head->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
      continue;
    }
    if (line.empty()) break;
    head->fields.add(line);  // a malformed line is ignored, as browsers do
  }
  head->size = pos;
  return {};
}

// The body of a chunked transfer: the chunks' data, at most `limit` bytes. Returns why it cannot
// be read, or an empty string.
std::string dechunk(std::string_view in, std::size_t limit, std::string* out) {
  std::size_t pos = 0;
  for (;;) {
    const std::size_t lf = in.find('\n', pos);
    if (lf == std::string_view::npos) return "chunked body ends before its last chunk";
    std::string_view line = in.substr(pos, lf - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::uint64_t size = 0;
    std::size_t digits = 0;
    for (char c : line) {
      int v = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (v < 0) break;
      if (++digits > 15) return "chunk size out of range";
      size = size * 16 + static_cast<std::uint64_t>(v);
    }
    const std::string_view rest = trim(line.substr(digits));
    if (digits == 0 || (!rest.empty() && rest[0] != ';'))
      return "bad chunk size line \"" + printable(line) + "\"";
    pos = lf + 1;
    if (size == 0) return {};  // the last chunk; trailer fields are of no interest
    if (size > in.size() - pos) return "chunk of " + std::to_string(size) + " bytes ends early";
    if (size > limit - out->size()) return decoded_too_large(limit);
    out->append(in.substr(pos, static_cast<std::size_t>(size)));
    pos += static_cast<std::size_t>(size);
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos >= in.size() || in[pos] != '\n') return "chunk not followed by a line end";
    ++pos;
  }
}

// Inflates a gzip (a series of members) or deflate body into at most `limit` bytes. `window_bits`
// as zlib takes them. Returns why it cannot, or an empty string.
std::string inflate_body(std::string_view in, int window_bits, std::size_t limit,
                         std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return "zlib cannot start";
  std::string why;
  std::vector<unsigned char> chunk(1 << 16);
  std::size_t pos = 0;
  bool ended = false;
  for (;;) {
    if (z.avail_in == 0 && pos < in.size()) {
      const std::size_t n = std::min<std::size_t>(in.size() - pos, 1u << 30);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + pos));
      z.avail_in = static_cast<uInt>(n);
      pos += n;
    }
    z.next_out = chunk.data();
    z.avail_out = static_cast<uInt>(chunk.size());
    const int status = inflate(&z, Z_NO_FLUSH);
    const std::size_t got = chunk.size() - z.avail_out;
    if (got > limit - out->size()) {
      why = decoded_too_large(limit);
      break;
    }
    out->append(reinterpret_cast<const char*>(chunk.data()), got);
    if (status == Z_STREAM_END) {
      // Another gzip member may follow; anything else after the end is ignored.
      const std::size_t left = z.avail_in + (in.size() - pos);
      const std::size_t at = in.size() - left;
      if (window_bits > MAX_WBITS && left >= 2 && static_cast<unsigned char>(in[at]) == 0x1f &&
          static_cast<unsigned char>(in[at + 1]) == 0x8b) {
        inflateReset(&z);
        continue;
      }
      ended = true;
      break;
    }
    if (status == Z_BUF_ERROR && z.avail_in == 0 && pos == in.size()) {
      why = "compressed body ends early";
      break;
    }
    if (status != Z_OK && status != Z_BUF_ERROR) {
      why = std::string("compressed body is damaged (") + (z.msg ? z.msg : "zlib error") + ")";
      break;
    }
  }
  inflateEnd(&z);
  if (why.empty() && !ended) why = "compressed body ends early";
  return why;
}

// A deflate body: zlib-wrapped as the standard says, or raw as some servers send it.
std::string inflate_deflate(std::string_view in, std::size_t limit, std::string* out) {
  std::string why = inflate_body(in, MAX_WBITS, limit, out);
  if (!why.empty() && out->empty()) why = inflate_body(in, -MAX_WBITS, limit, out);
  return why;
}

// What becomes of a record once its block has been read (or passed over).
// The charset parameter of a Content-Type ("text/html; charset=ISO-8859-2" -> "ISO-8859-2"), or
// "" when it has none.
std::string charset_of(std::string_view type) {
  const std::size_t at = ascii_lower(type).find("charset=");
  if (at == std::string::npos) return "";
  std::string_view value = std::string_view(type).substr(at + 8);
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
  const std::size_t end = value.find_first_of("\"'; \t");
  value = value.substr(0, end);
  // Only a plain charset name is passed on (letters, digits, - _ . : as IANA names have).
  for (char c : value)
    if (!ascii::is_alnum(c) && c != '-' && c != '_' && c != '.' && c != ':') return "";
  return std::string(value);
}

struct Outcome {
  enum class Kind { kCount, kError, kPage } kind = Kind::kCount;
  std::string reason;                // kCount: the reason counted; kError: the message
  const char* counted_as = kFaulty;  // kError: the reason counted
  // kPage: the payload as sent, and how to decode it.
  std::string payload;
  bool chunked = false, sniff = false;
  std::vector<std::string> encodings;  // Content-Encoding, in the order applied
  std::string charset;                 // from the Content-Type the page was sent with

  static Outcome count(std::string reason) {
    Outcome o;
    o.reason = std::move(reason);
    return o;
  }
  static Outcome error(std::string message, const char* counted_as = kFaulty) {
    Outcome o;
    o.kind = Kind::kError;
    o.reason = std::move(message);
    o.counted_as = counted_as;
    return o;
  }
};

class WarcReader {
 public:
  WarcReader(std::istream& in, const std::string& file, const std::string& id_base,
             const std::string& source, const ReadOptions& options, ArticleSink& sink)
      : input_(in, file),
        file_(file),
        id_base_(id_base),
        source_(source),
        options_(options),
        sink_(sink) {}

  WarcCounts run() {
    std::string line;
    bool stopped = false, anything = false;
    for (;;) {
      if (sink_.stopped() || (options_.interrupted && *options_.interrupted)) {
        stopped = true;
        break;
      }
      const std::uint64_t at = input_.offset();
      const Input::Line got = input_.line(line, kMaxFirstLine);
      if (got == Input::Line::kEnd) break;
      if (got == Input::Line::kLine && trim(line).empty()) continue;  // between records
      anything = true;
      if (!starts_with(line, kRecordStart)) {
        report(at, "no record header (WARC/1.0 or WARC/1.1) where a record should start");
        if (got == Input::Line::kLong) input_.skip_line();
        input_.find_line(kRecordStart);
        continue;
      }
      if (!found_) {
        found_ = true;
        if (first_problem_) sink_.skipped(*first_problem_);
        first_problem_.reset();
      }
      try {
        const std::string_view minor = trim(line).substr(kRecordStart.size());
        if (got == Input::Line::kLong || minor.empty() ||
            !std::all_of(minor.begin(), minor.end(), [](char c) { return c >= '0' && c <= '9'; }))
          throw Broken{"unsupported version \"" + printable(trim(line)) + "\""};
        record(at);
      } catch (const Broken& b) {
        report(at, b.reason);
        input_.find_line(kRecordStart);
      }
    }
    if (!found_ && !stopped)
      throw InputError(file_, 0,
                       anything ? "not a WARC file: no line begins with WARC/1.0 or WARC/1.1"
                                : "not a WARC file: it is empty");
    return std::move(counts_);
  }

 private:
  // A damaged stretch of the stream. Before the first record is found it is kept back: a stream
  // without any record is no WARC file, and is refused as a whole.
  void report(std::uint64_t at, const std::string& reason) {
    InputError e(file_, 0, "WARC record at byte " + std::to_string(at) + ": " + reason);
    if (found_) {
      sink_.skipped(e);
    } else if (!first_problem_) {
      first_problem_ = e;
    }
  }

  // The record whose first line started at `at` and has been read.
  void record(std::uint64_t at) {
    Fields warc = header();
    const std::string* length_field = warc.get("content-length");
    if (!length_field) throw Broken{"no Content-Length"};
    const std::optional<std::uint64_t> length = parse_length(*length_field);
    if (!length) throw Broken{"invalid Content-Length \"" + printable(*length_field) + "\""};
    for (const auto& [name, value] : warc.list)
      if (name == "content-length" && value != *length_field)
        throw Broken{"two different Content-Lengths"};

    block_length_ = *length;
    block_read_ = 0;
    const std::string type = ascii_lower(warc.value("warc-type"));
    Outcome outcome;
    if (type == "response") {
      outcome = response(warc, *length);
    } else if (type == "resource") {
      outcome = resource(warc, *length);
    } else {
      block(*length, nullptr);
      static const char* const kKnown[] = {"warcinfo", "request",    "metadata",
                                           "revisit",  "conversion", "continuation"};
      if (type.empty()) {
        outcome = Outcome::count("records without a WARC-Type");
      } else if (std::find(std::begin(kKnown), std::end(kKnown), type) != std::end(kKnown)) {
        outcome = Outcome::count(type + " records");
      } else {
        outcome = Outcome::count("records of an unknown type");
      }
    }
    end_of_record(*length);

    ++counts_.records;
    if (outcome.kind == Outcome::Kind::kPage) {
      outcome = read_page(at, warc, std::move(outcome.payload), outcome);
      if (outcome.kind == Outcome::Kind::kPage) return;  // an article
    }
    if (outcome.kind == Outcome::Kind::kError) {
      ++counts_.skipped[outcome.counted_as];
      sink_.skipped(InputError(
          file_, 0, "WARC record at byte " + std::to_string(at) + ": " + outcome.reason));
    } else {
      ++counts_.skipped[outcome.reason];
    }
  }

  // The header section after the first line, up to its empty line.
  Fields header() {
    Fields fields;
    std::string line;
    std::size_t size = 0;
    for (;;) {
      // A record cut short in its header, and the next record right after it: the next one is
      // left for resynchronisation to find.
      if (input_.look(kRecordStart.size()) == kRecordStart)
        throw Broken{"the header section ends without an empty line"};
      const Input::Line got = input_.line(line, kMaxHeader - size);
      if (got == Input::Line::kEnd) throw Broken{"the stream ends in the header section"};
      size += line.size() + 1;
      if (got == Input::Line::kLong || size > kMaxHeader)
        throw Broken{"the header section is over " + std::to_string(kMaxHeader >> 10) + " KiB"};
      if (line.empty()) return fields;
      if (!fields.add(line)) throw Broken{"bad header line \"" + printable(line) + "\""};
    }
  }

  // Reads the next `n` bytes of the block into `out` (passes over them when it is null).
  void block(std::uint64_t n, std::string* out) {
    const std::uint64_t got = input_.read(n, out);
    block_read_ += got;
    if (got < n)
      throw Broken{"the stream ends in the block, after " + std::to_string(block_read_) +
                   " of its " + std::to_string(block_length_) + " bytes"};
  }

  // The CRLF CRLF after a block of `length` bytes (LF LF is taken too). Only line ends are
  // consumed: a record that follows at once is left for resynchronisation to find.
  void end_of_record(std::uint64_t length) {
    for (int i = 0; i < 2; ++i) {
      std::string_view next = input_.look(2);
      if (starts_with(next, "\r\n")) {
        input_.read(2, nullptr);
      } else if (starts_with(next, "\n")) {
        input_.read(1, nullptr);
      } else {
        throw Broken{"no CRLF CRLF after the block of " + std::to_string(length) +
                     " bytes (a wrong Content-Length?)"};
      }
    }
  }

  Outcome response(const Fields& warc, std::uint64_t length) {
    if (warc.get("warc-segment-number")) {
      block(length, nullptr);
      return Outcome::count("segmented records");
    }
    std::string bytes;
    block(std::min<std::uint64_t>(length, kMaxHeader), &bytes);
    const std::uint64_t left = length - bytes.size();
    const std::string media = media_type(warc.value("content-type"));
    if (media != "application/http" && !(media.empty() && starts_with(bytes, "HTTP/"))) {
      block(left, nullptr);
      return Outcome::count("non-HTTP responses");
    }
    HttpHead http;
    const std::string why = parse_http(bytes, left == 0, &http);
    auto pass = [&](Outcome o) {
      block(left, nullptr);
      return o;
    };
    if (http.status != 0 && http.status != 200) return pass(Outcome::count("non-200 responses"));
    if (!why.empty()) return pass(Outcome::error(why));
    Outcome page;
    page.kind = Outcome::Kind::kPage;
    if (const std::string* type = http.fields.get("content-type")) {
      if (!is_html_type(media_type(*type))) return pass(Outcome::count("non-HTML responses"));
      page.charset = charset_of(*type);
    } else {
      page.sniff = true;
    }
    for (const std::string& t : tokens(http.fields.value("transfer-encoding"))) {
      if (t == "chunked") {
        page.chunked = true;
      } else if (t != "identity") {
        return pass(Outcome::count("responses with an unsupported Transfer-Encoding"));
      }
    }
    for (std::string& e : tokens(http.fields.value("content-encoding"))) {
      if (e != "gzip" && e != "x-gzip" && e != "deflate" && e != "identity")
        return pass(Outcome::count("responses with an unsupported Content-Encoding"));
      if (e != "identity") page.encodings.push_back(std::move(e));
    }
    const std::uint64_t payload = length - http.size;
    if (payload > options_.max_article_bytes)
      return pass(
          Outcome::error(size_limit_reason(payload, options_.max_article_bytes), kTooLarge));
    block(left, &bytes);
    bytes.erase(0, http.size);
    page.payload = std::move(bytes);
    return page;
  }

  Outcome resource(const Fields& warc, std::uint64_t length) {
    if (!is_html_type(media_type(warc.value("content-type")))) {
      block(length, nullptr);
      return Outcome::count("non-HTML resources");
    }
    if (length > options_.max_article_bytes) {
      block(length, nullptr);
      return Outcome::error(size_limit_reason(length, options_.max_article_bytes), kTooLarge);
    }
    Outcome page;
    page.kind = Outcome::Kind::kPage;
    page.charset = charset_of(warc.value("content-type"));
    block(length, &page.payload);
    return page;
  }

  // The payload of a page, sent as `how` says, decoded and read into an article for the sink;
  // the outcome is kPage when it was given to the sink.
  Outcome read_page(std::uint64_t at, const Fields& warc, std::string payload, const Outcome& how) {
    std::string id = without_brackets(warc.value("warc-record-id"));
    if (id.empty()) {
      if (id_base_.empty())
        return Outcome::error(
            "no WARC-Record-ID, and the file lies outside the archive root (ids are paths "
            "relative to it)");
      id = id_base_ + "#" + std::to_string(at);
    }
    const std::size_t limit = options_.max_article_bytes;
    if (how.chunked) {
      std::string body;
      const std::string why = dechunk(payload, limit, &body);
      if (!why.empty()) return Outcome::error(why);
      payload = std::move(body);
    }
    for (auto e = how.encodings.rbegin(); e != how.encodings.rend(); ++e) {
      std::string body;
      const std::string why = *e == "deflate" ? inflate_deflate(payload, limit, &body)
                                              : inflate_body(payload, 16 + MAX_WBITS, limit, &body);
      if (!why.empty()) return Outcome::error(*e + ": " + why);
      payload = std::move(body);
    }
    if (how.sniff && !looks_like_html(payload)) return Outcome::count("non-HTML responses");
    Article a;
    try {
      a = read_html(payload, file_, options_.interrupted, how.charset);
    } catch (const InputError& e) {
      return Outcome::error(e.reason());
    }
    if (a.text.empty()) return Outcome::error("no article text");
    if (a.url.empty()) a.url = without_brackets(warc.value("warc-target-uri"));
    if (!a.date) {
      if (auto captured = parse_iso_date(warc.value("warc-date"))) {
        if (captured->precision == Precision::kDay) a.date = captured;
      }
    }
    a.id = std::move(id);
    a.source = source_;
    ++counts_.articles;
    sink_.article(std::move(a));
    Outcome done;
    done.kind = Outcome::Kind::kPage;
    return done;
  }

  Input input_;
  const std::string& file_;
  const std::string& id_base_;
  const std::string& source_;
  const ReadOptions& options_;
  ArticleSink& sink_;
  WarcCounts counts_;
  std::uint64_t block_length_ = 0, block_read_ = 0;  // of the record being read
  bool found_ = false;                               // a line beginning with WARC/1. was met
  std::optional<InputError> first_problem_;
};

}  // namespace

WarcCounts read_warc(std::istream& in, const std::string& file, const std::string& id_base,
                     const std::string& source, const ReadOptions& options, ArticleSink& sink) {
  return WarcReader(in, file, id_base, source, options, sink).run();
}

}  // namespace morgue
