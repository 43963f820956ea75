// The readers: byte checks shared by all formats, then one function per format.
#include "read/readers.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "common/language.h"
#include "common/schema.h"
#include "common/text.h"
#include "read/decompress.h"
#include "read/html_reader.h"
#include "read/warc.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

std::string read_bytes(const fs::path& path, const std::string& file, const ReadOptions& options) {
  InputStream in(path);
  const std::string limit =
      "the maximum article size of " + std::to_string(options.max_article_bytes) + " bytes";
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  // A single-article file over the limit is refused before it is loaded (a compressed one as soon
  // as its decompressed bytes pass the limit).
  if (in.compression() == Compression::kNone && !ec && size > options.max_article_bytes)
    throw InputError(file, 0, "file of " + std::to_string(size) + " bytes exceeds " + limit);
  return read_all(in, file, options.max_article_bytes, limit);
}

// Text in UTF-16 or UTF-32 with a byte-order mark (as Windows tools save it), as UTF-8; nullopt
// for bytes without such a mark.
std::optional<std::string> from_unicode_with_bom(std::string_view bytes) {
  static const struct {
    std::string_view bom;
    const char* charset;
  } kMarks[] = {{std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},
                {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
                {"\xFF\xFE", "UTF-16LE"},
                {"\xFE\xFF", "UTF-16BE"}};
  for (const auto& m : kMarks) {
    if (bytes.substr(0, m.bom.size()) != m.bom) continue;
    const std::string_view body = bytes.substr(m.bom.size());
    icu::UnicodeString text(body.data(),
                            static_cast<int32_t>(std::min<std::size_t>(body.size(), INT32_MAX)),
                            m.charset);
    std::string out;
    return text.toUTF8String(out);
  }
  return std::nullopt;
}

// Whether NUL bytes look like those of UTF-16 text without a byte-order mark: Latin letters with
// a NUL byte beside each.
bool looks_like_utf16(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  return n >= 8 && std::max(even, odd) * 10 >= n / 2 * 9 && std::min(even, odd) * 10 <= n / 2;
}

// Rejects what is no text at all.
void check_not_binary(std::string_view bytes, const std::string& file) {
  if (trim(bytes).empty()) throw InputError(file, 0, "empty file");
  if (bytes.find('\0') != std::string_view::npos) {
    if (looks_like_utf16(bytes))
      throw InputError(
          file, 0,
          "UTF-16 text without a byte-order mark: save it as UTF-8, or as UTF-16 with one");
    throw InputError(file, 0, "binary file (contains NUL bytes)");
  }
}

// The bytes of a file, UTF-16 and UTF-32 with a byte-order mark turned into UTF-8.
std::string read_text_bytes(const fs::path& path, const std::string& file,
                            const ReadOptions& options) {
  std::string bytes = read_bytes(path, file, options);
  if (auto utf8 = from_unicode_with_bom(bytes)) return std::move(*utf8);
  return bytes;
}

// Whether a file starts with a UTF-16 or UTF-32 byte-order mark (it is then read whole, as UTF-8).
bool starts_with_unicode_bom(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4] = {1, 1, 1, 1};
  in.read(head, sizeof head);
  return from_unicode_with_bom(std::string_view(head, static_cast<std::size_t>(in.gcount())))
      .has_value();
}

// The bytes as UTF-8 without a byte-order mark, once they are known to be text.
std::string checked_text(std::string_view bytes, const std::string& file) {
  check_not_binary(bytes, file);
  std::string text = to_utf8(bytes);
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return text;
}

std::string json_error(const nlohmann::json::exception& e) {
  // "[json.exception.parse_error.101] parse error at ..." -> "parse error at ..."
  std::string what = e.what();
  auto close = what.find("] ");
  return close == std::string::npos ? what : what.substr(close + 2);
}

std::string too_deep_reason() {
  return "JSON nested deeper than the limit of " + std::to_string(kMaxJsonDepth) + " levels";
}

// Where a JSON text nests arrays and objects deeper than `limit`, found by a scan that follows
// strings as the JSON grammar does, so that it agrees with the parser on any text the parser
// accepts. In a top-level array, the elements that are too deep are told apart (the others can
// still be read).
struct Nesting {
  struct Element {
    std::size_t index, begin, end;  // 1-based position in the array; its bytes
  };
  bool too_deep = false;
  bool in_elements = false;  // every place too deep lies inside an element of a top-level array
  std::vector<Element> deep_elements;
};

Nesting scan_nesting(std::string_view text, std::size_t limit, bool comments = false) {
  Nesting n;
  std::size_t depth = 0, index = 0, begin = 0;
  bool top_array = false, in_element = false, element_deep = false, in_string = false,
       seen_value = false;
  auto close_element = [&](std::size_t end) {
    if (element_deep) n.deep_elements.push_back({index, begin, end});
    in_element = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (comments && c == '/' && i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '*')) {
      const std::size_t end = text[i + 1] == '/' ? text.find('\n', i + 2) : text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + (text[i + 1] == '/' ? 0 : 1);
      continue;
    }
    if (depth == 1 && top_array && !in_element && c != ',' && c != ']') {
      in_element = true;
      element_deep = false;
      begin = i;
      ++index;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (depth == 0 && !seen_value) top_array = c == '[';
      seen_value = true;
      if (++depth > limit) {
        n.too_deep = true;
        if (!in_element) return n;  // the document as a whole
        element_deep = true;
      }
    } else if (c == ']' || c == '}') {
      if (depth == 1 && in_element) close_element(i);
      if (depth > 0) --depth;
    } else if (c == ',' && depth == 1 && in_element) {
      close_element(i);
    }
  }
  n.in_elements = n.too_deep;
  return n;
}

// The nesting depth of a parsed value, counted without recursion.
std::size_t json_depth(const nlohmann::json& root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const nlohmann::json*, std::size_t>> stack{{&root, 1}};
  while (!stack.empty()) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (!v->is_structured()) continue;
    deepest = std::max(deepest, depth);
    if (depth > kMaxJsonDepth) break;
    for (const auto& child : *v) stack.emplace_back(&child, depth + 1);
  }
  return deepest;
}

const char* type_name(const nlohmann::json& v) { return v.type_name(); }

std::string json_scalar_string(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) return v.dump();
  return {};
}

void check_size(const Article& a, const std::string& file, std::size_t line, const ReadOptions& o) {
  if (a.text.size() + a.title.size() > o.max_article_bytes)
    throw InputError(file, line,
                     "article of " + std::to_string(a.text.size() + a.title.size()) +
                         " bytes exceeds the maximum article size of " +
                         std::to_string(o.max_article_bytes) + " bytes");
}

}  // namespace

namespace {

// nlohmann's own DOM builder, except that a number that is the value of an "id" key and is no
// 64-bit integer (18446744073709551617, 1.50) is kept as the text it was written as: as a
// double, ids above 2^53 would merge and 1.50 would become 1.5.
class JsonBuilder : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
  using Base = nlohmann::detail::json_sax_dom_parser<nlohmann::json>;

 public:
  using Base::Base;
  bool key(std::string& k) {
    after_id_ = k == "id";
    return Base::key(k);
  }
  bool number_float(double value, const std::string& text) {
    if (!std::exchange(after_id_, false)) return Base::number_float(value, text);
    std::string exact = text;
    return Base::string(exact);
  }
  // Any other value ends the "id" key's turn.
  bool null() { return after_id_ = false, Base::null(); }
  bool boolean(bool v) { return after_id_ = false, Base::boolean(v); }
  bool number_integer(std::int64_t v) { return after_id_ = false, Base::number_integer(v); }
  bool number_unsigned(std::uint64_t v) { return after_id_ = false, Base::number_unsigned(v); }
  bool string(std::string& v) { return after_id_ = false, Base::string(v); }
  bool start_object(std::size_t n) { return after_id_ = false, Base::start_object(n); }
  bool start_array(std::size_t n) { return after_id_ = false, Base::start_array(n); }

 private:
  bool after_id_ = false;
};

}  // namespace

nlohmann::json parse_json(std::string_view text, const std::string& file, std::size_t line,
                          bool comments) {
  if (scan_nesting(text, kMaxJsonDepth, comments).too_deep)
    throw InputError(file, line, too_deep_reason());
  try {
    nlohmann::json value;
    JsonBuilder builder(value);
    nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json, true, comments);
    return value;
  } catch (const nlohmann::json::exception& e) {
    throw InputError(file, line, "invalid JSON: " + json_error(e));
  }
}

std::optional<Format> format_for(const fs::path& path) {
  // A compressed file is of the format its name has without the compression's extension.
  const fs::path name = compression_for(path) == Compression::kNone ? path : path.stem();
  std::string ext = ascii_lower(name.extension().string());
  if (ext == ".txt" || ext == ".text") return Format::kText;
  if (ext == ".json") return Format::kJson;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".warc") return Format::kWarc;
  return std::nullopt;
}

std::string type_of(const fs::path& path) {
  if (compression_for(path) == Compression::kNone) return path.extension().string();
  return path.stem().extension().string() + path.extension().string();
}

bool splittable(const fs::path& path) {
  if (format_for(path) != Format::kJsonLines) return false;
  std::ifstream in(path, std::ios::binary);
  char head[6] = {};
  in.read(head, sizeof head);
  return !from_unicode_with_bom(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

Article read_text(std::string_view bytes) {
  std::string text(bytes);
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  std::size_t start = 0;
  while (start < text.size() &&
         (text[start] == '\n' || text[start] == ' ' || text[start] == '\t')) {
    // A leading blank line means the file has no headline.
    if (text[start] == '\n') {
      Article a;
      a.text = std::string(trim(text));
      return a;
    }
    ++start;
  }
  Article a;
  std::size_t eol = text.find('\n', start);
  std::string_view first = trim(std::string_view(text).substr(
      start, eol == std::string::npos ? std::string::npos : eol - start));
  std::string_view rest =
      eol == std::string::npos ? std::string_view() : trim(std::string_view(text).substr(eol + 1));
  std::size_t words = static_cast<std::size_t>(std::count(first.begin(), first.end(), ' ')) + 1;
  char last = first.empty() ? '.' : first.back();
  bool headline = !rest.empty() && first.size() <= 200 && words <= 30 && last != '.' &&
                  last != ',' && last != ';' && last != ':';
  if (headline) {
    a.title = clean_name(first);
    a.text = std::string(rest);
  } else {
    a.text = std::string(trim(text));
  }
  return a;
}

namespace {

// Warns when a declared field (schema.h) holds what it cannot index: a keyword field takes
// strings, numbers or a list of them; a text field a string. The field is kept as the source has
// it, and indexed as far as it can be.
void check_declared(const std::string& key, const nlohmann::json& v, const std::string& where,
                    ArticleSink& sink) {
  for (const DeclaredField& d : declared_fields()) {
    if (d.name != key || v.is_null()) continue;
    const bool keyword = d.kind == FieldKind::kName;
    auto scalar = [](const nlohmann::json& x) {
      return x.is_string() || x.is_number() || x.is_boolean();
    };
    bool ok = keyword ? scalar(v) || (v.is_array() && std::all_of(v.begin(), v.end(), scalar))
                      : v.is_string();
    if (!ok)
      sink.warning(
          where + ": field \"" + key + "\" is declared " + to_string(d).substr(key.size() + 1) +
          " and should be " + (keyword ? "a string or a list of strings" : "a string") + ", not " +
          (keyword && v.is_array() ? std::string("a list holding ") +
                                         (std::find_if_not(v.begin(), v.end(), scalar))->type_name()
                                   : std::string(v.type_name())) +
          (keyword ? "; those values are not indexed" : "; not indexed"));
  }
}

}  // namespace

Article article_fields(const nlohmann::json& o, const std::string& where, ArticleSink& sink) {
  auto warn_type = [&](const std::string& key, const nlohmann::json& v, const char* want) {
    sink.warning(where + ": field \"" + key + "\" should be " + want + ", not " + type_name(v) +
                 "; ignored");
  };
  Article a;
  auto string_field = [&](const std::string& key, const nlohmann::json& v, std::string* out) {
    if (v.is_string()) {
      *out = v.get<std::string>();
    } else if (v.is_object() && v.contains("name") && v["name"].is_string()) {
      *out = v["name"].get<std::string>();  // {"publisher": {"name": "..."}}
    } else if (!v.is_null()) {
      warn_type(key, v, "a string");
    }
  };
  auto list_field = [&](const std::string& key, const nlohmann::json& v,
                        std::vector<std::string>* out) {
    // Each name once, in order; the names met are looked up in a set (a scan of the list for each
    // name made 200,000 names quadratic).
    std::unordered_set<std::string> met(out->begin(), out->end());
    auto add = [&](const nlohmann::json& item) {
      std::string s;
      if (item.is_string())
        s = item.get<std::string>();
      else if (item.is_object() && item.contains("name") && item["name"].is_string())
        s = item["name"].get<std::string>();
      else
        return false;
      s = clean_name(s);
      if (!s.empty() && met.insert(s).second) out->push_back(std::move(s));
      return true;
    };
    if (v.is_array()) {
      for (const auto& item : v) {
        if (!add(item)) {
          warn_type(key, item, "a list of strings");
          break;
        }
      }
    } else if (!v.is_null() && !add(v)) {
      warn_type(key, v, "a list of strings");
    }
  };
  bool have_text = false, have_outlet = false;
  for (const auto& [key, v] : o.items()) {
    if (key == "id") {
      a.id = json_scalar_string(v);
      if (v.is_string() && a.id.empty()) {
        sink.warning(where + ": field \"id\" is empty; ignored");
      } else if (a.id.empty() && !v.is_null()) {
        warn_type(key, v, "a string or a number");
      }
    } else if (key == "title" || key == "headline") {
      string_field(key, v, &a.title);
    } else if (key == "text" || key == "body" || key == "content") {
      if (!have_text) string_field(key, v, &a.text);
      have_text = have_text || v.is_string();
    } else if (key == "outlet" || key == "source" || key == "publisher") {
      if (!have_outlet || key == "outlet") string_field(key, v, &a.outlet);
      have_outlet = true;
    } else if (key == "url") {
      string_field(key, v, &a.url);
    } else if (key == "lang" || key == "language" || key == "inLanguage") {
      string_field(key, v, &a.lang);
      if (!a.lang.empty() && language_code(a.lang).empty()) {
        sink.warning(where + ": field \"" + key + "\": \"" + a.lang.substr(0, 40) +
                     "\" is not a language code or name; the language is detected instead");
        a.lang.clear();
      }
    } else if (key == "date" || key == "published" || key == "datePublished") {
      if (!v.is_string()) {
        if (!v.is_null()) warn_type(key, v, "a date string");
      } else if (auto d = parse_date(v.get<std::string>())) {
        a.date = d;
      } else {
        sink.warning(where + ": field \"" + key + "\": \"" + v.get<std::string>().substr(0, 40) +
                     "\" is not a valid date; ignored");
      }
    } else if (key == "authors" || key == "author") {
      list_field(key, v, &a.authors);
    } else if (key == "people" || key == "persons") {
      list_field(key, v, &a.people);
      a.declared.people = true;
    } else if (key == "places" || key == "locations") {
      list_field(key, v, &a.places);
      a.declared.places = true;
    } else if (key == "organizations" || key == "organisations" || key == "orgs") {
      list_field(key, v, &a.organizations);
      a.declared.organizations = true;
    } else if (key == "cited") {
      list_field(key, v, &a.cited);
      a.declared.cited = true;
    } else {
      check_declared(key, v, where, sink);
      a.extra[key] = v;
    }
  }
  a.title = clean_name(a.title);
  a.outlet = clean_name(a.outlet);
  return a;
}

Article article_from_json(const nlohmann::json& o, const std::string& file, std::size_t line,
                          const std::string& fallback_id, ArticleSink& sink) {
  if (!o.is_object())
    throw InputError(file, line, std::string("expected a JSON object, got ") + type_name(o));
  if (json_depth(o) > kMaxJsonDepth) throw InputError(file, line, too_deep_reason());
  const std::string where = file + (line ? ":" + std::to_string(line) : std::string());
  Article a = article_fields(o, where, sink);
  if (a.text.empty() && a.title.empty()) {
    // An article of metadata only (wire services file such stubs) is kept when it names itself.
    if (a.id.empty()) throw InputError(file, line, "article has no text, no title and no id");
    sink.warning(where + ": article " + a.id +
                 " has no text and no title; indexed by its metadata");
  }
  if (a.id.empty()) {
    if (fallback_id.empty())
      throw InputError(
          file, line,
          "no \"id\", and the file lies outside the archive root (ids are paths relative to it)");
    a.id = fallback_id;
  }
  return a;
}

namespace {

// Reads one line of `in` (up to '\n', which is taken and not kept) into `line`, keeping at most
// `keep` bytes of it, and gives its whole length; nothing at the end of the stream. A line longer
// than memory should hold (/dev/zero on standard input) is read in chunks and dropped, asking
// `stop` between chunks, so that an interrupt ends it.
std::optional<std::uint64_t> bounded_line(std::istream& in, std::string* line, std::size_t keep,
                                          const ArticleSink& stop) {
  line->clear();
  std::uint64_t length = 0;
  bool any = false;
  char chunk[1 << 16];
  for (;;) {
    in.getline(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in.gcount());
    const bool more = in.fail() && !in.eof() && got == sizeof chunk - 1;  // no '\n' in it yet
    if (got == 0 && in.fail()) {  // the end, before any byte
      if (any) in.clear(in.rdstate() & ~std::ios::failbit);
      return any ? std::optional<std::uint64_t>(length) : std::nullopt;
    }
    any = true;
    const std::size_t bytes = more || in.eof() ? got : got - 1;  // less the '\n' taken
    if (line->size() < keep) line->append(chunk, std::min(bytes, keep - line->size()));
    length += bytes;
    if (!more) return length;
    in.clear();
    if (stop.stopped()) return length;
  }
}

// Lines of `in` from line number `number` + 1, while they start before `end` bytes into the file
// (`at` being where `in` is now).
// `cut_short` (when given) says whether the stream ended because its compressed data did: the
// last line, cut in the middle, is then no error of its own (the caller reports the truncation).
void read_lines(std::istream& in, const std::string& name, const std::string& id_base,
                const std::string& source, const ReadOptions& options, ArticleSink& sink,
                std::size_t number, std::uint64_t at, std::uint64_t end,
                const InputStream* cut_short = nullptr) {
  const std::size_t first = number;
  std::string line;
  while (at < end && !sink.stopped()) {
    const std::optional<std::uint64_t> length =
        bounded_line(in, &line, options.max_article_bytes, sink);
    if (!length || sink.stopped()) break;  // the end, or an interrupt inside a line
    ++number;
    at += *length + 1;
    if (number % 64 == 0) sink.position(at);
    if (*length <= line.size() && trim(line).empty()) continue;
    try {
      if (*length > options.max_article_bytes)
        throw InputError(name, number,
                         "line of " + std::to_string(*length) +
                             " bytes exceeds the maximum article size of " +
                             std::to_string(options.max_article_bytes) + " bytes");
      if (line.find('\0') != std::string::npos)
        throw InputError(name, number, "binary data (NUL bytes)");
      nlohmann::json o = parse_json(is_valid_utf8(line) ? line : to_utf8(line), name, number);
      Article a = article_from_json(
          o, name, number, id_base.empty() ? "" : id_base + "#" + std::to_string(number), sink);
      check_size(a, name, number, options);
      a.source = source;
      sink.article(std::move(a));
    } catch (const InputError& e) {
      if (in.eof() && cut_short && cut_short->failed()) break;
      sink.skipped(e);
    }
  }
  if (cut_short) cut_short->check(number);
  if (in.bad()) throw InputError(name, number, "read error");
  if (number == 0 && first == 0 && !sink.stopped()) throw InputError(name, 0, "empty file");
}

}  // namespace

void read_json_lines(std::istream& in, const std::string& name, const std::string& id_base,
                     const std::string& source, const ReadOptions& options, ArticleSink& sink) {
  read_lines(in, name, id_base, source, options, sink, 0, 0, UINT64_MAX);
}

namespace {

// One line on what a web archive held: its records, the pages read, what was passed over.
void tell_warc(const std::string& file, const WarcCounts& c, ArticleSink& sink) {
  std::string line = file + ": " + std::to_string(c.records) + " WARC records, " +
                     std::to_string(c.articles) + " pages read";
  std::string over;
  for (const auto& [why, n] : c.skipped)
    over += (over.empty() ? "" : ", ") + std::to_string(n) + " " + why;
  if (!over.empty()) line += "; passed over: " + over;
  sink.note(line);
}

void read_warc_stream(InputStream& in, const std::string& file, const std::string& id_base,
                      const std::string& source, const ReadOptions& options, ArticleSink& sink) {
  const WarcCounts counts = read_warc(in.stream(), file, id_base, source, options, sink);
  in.check();
  tell_warc(file, counts, sink);
}

}  // namespace

void read_stream(std::istream& raw, const std::string& name, const std::string& id_base,
                 const std::string& source, const ReadOptions& options, ArticleSink& sink) {
  InputStream in(raw, name);
  if (in.stream().peek() == 'W') return read_warc_stream(in, name, id_base, source, options, sink);
  read_lines(in.stream(), name, id_base, source, options, sink, 0, 0, UINT64_MAX, &in);
}

void read_file(const fs::path& path, const std::string& id_base, const std::string& source,
               const ReadOptions& options, ArticleSink& sink, const ByteRange& range) {
  if (range.begin == 0 && range.end == UINT64_MAX)
    return read_file(path, id_base, source, options, sink);
  const std::string file = path.string();
  if (!splittable(path)) {
    if (range.begin == 0) read_file(path, id_base, source, options, sink);
    return;
  }
  // A compressed file is decompressed from its start by every part, which count the bytes and
  // lines of the decompressed stream: decompressing is cheap beside indexing.
  InputStream input(path);
  std::istream& in = input.stream();
  // Count the lines before the part (to number them as in the whole file) and find where the
  // part's first line starts.
  std::size_t number = 0;
  std::uint64_t at = 0;
  std::vector<char> buffer(1 << 16);
  bool at_line_start = true;
  while (at < range.begin && in) {
    in.read(buffer.data(),
            static_cast<std::streamsize>(std::min<std::uint64_t>(buffer.size(), range.begin - at)));
    std::streamsize got = in.gcount();
    for (std::streamsize i = 0; i < got; ++i) number += buffer[i] == '\n';
    if (got > 0) at_line_start = buffer[got - 1] == '\n';
    at += static_cast<std::uint64_t>(got);
  }
  if (at < range.begin) return;  // the file ends before the part (the part before says why)
  if (!at_line_start) {
    std::string rest;
    const std::optional<std::uint64_t> length = bounded_line(in, &rest, 0, sink);
    if (!length) return;
    at += *length + 1;
    ++number;
  }
  read_lines(in, file, id_base, source, options, sink, number, at, range.end, &input);
}

void read_file(const fs::path& path, const std::string& id_base, const std::string& source,
               const ReadOptions& options, ArticleSink& sink) {
  const std::string file = path.string();
  auto format = format_for(path);
  if (!format) throw InputError(file, 0, "unknown file type '" + type_of(path) + "'");
  if (*format == Format::kJsonLines) {
    if (starts_with_unicode_bom(path)) {  // read whole, as UTF-8
      ReadOptions whole = options;
      whole.max_article_bytes =
          std::max<std::size_t>(options.max_article_bytes, std::size_t{1} << 30);
      std::istringstream in(read_text_bytes(path, file, whole));
      read_json_lines(in, file, id_base, source, options, sink);
      return;
    }
    InputStream in(path);
    read_lines(in.stream(), file, id_base, source, options, sink, 0, 0, UINT64_MAX, &in);
    return;
  }
  if (*format == Format::kWarc) {
    InputStream in(path);
    read_warc_stream(in, file, id_base, source, options, sink);
    return;
  }
  if (*format == Format::kJson) {
    // A JSON file holds one article, or several in an array: no per-article size limit applies
    // to the file as a whole, which is bounded by what fits in memory.
    ReadOptions whole = options;
    whole.max_article_bytes =
        std::max<std::size_t>(options.max_article_bytes, std::size_t{1} << 30);
    std::string text = checked_text(read_text_bytes(path, file, whole), file);
    // An element of a top-level array nested too deep is read as null and skipped on its own.
    const Nesting nesting = scan_nesting(text, kMaxJsonDepth);
    if (nesting.too_deep && !nesting.in_elements) throw InputError(file, 0, too_deep_reason());
    std::map<std::size_t, std::size_t> deep;  // element -> its line
    for (auto e = nesting.deep_elements.rbegin(); e != nesting.deep_elements.rend(); ++e) {
      deep[e->index] =
          1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + e->begin, '\n'));
      text.replace(e->begin, e->end - e->begin, "null");
    }
    nlohmann::json doc = parse_json(text, file, 0);
    auto one = [&](const nlohmann::json& o, std::size_t index, const std::string& fallback) {
      try {
        Article a = article_from_json(o, file, 0, fallback, sink);
        check_size(a, file, 0, options);
        a.source = source;
        sink.article(std::move(a));
      } catch (const InputError& e) {
        if (index == 0) throw;  // a single-object file that is no article
        sink.skipped(InputError(file, 0, "element " + std::to_string(index) + ": " + e.reason()));
      }
    };
    if (doc.is_array()) {
      if (doc.empty()) throw InputError(file, 0, "empty JSON array");
      std::size_t i = 0;
      for (const auto& o : doc) {
        if (sink.stopped()) break;
        ++i;
        if (auto d = deep.find(i); d != deep.end()) {
          sink.skipped(InputError(file, d->second,
                                  "element " + std::to_string(i) + ": " + too_deep_reason()));
          continue;
        }
        one(o, i, id_base.empty() ? "" : id_base + "#" + std::to_string(i));
      }
    } else {
      one(doc, 0, id_base);
    }
    return;
  }
  std::string bytes = read_text_bytes(path, file, options);
  Article a;
  if (*format == Format::kHtml) {
    check_not_binary(bytes, file);
    a = read_html(bytes, file,
                  options.interrupted);  // decodes by itself: it knows the declared charset
  } else {
    a = read_text(checked_text(bytes, file));
  }
  if (a.text.empty()) throw InputError(file, 0, "no article text");
  a.id = id_base;
  a.source = source;
  sink.article(std::move(a));
}

}  // namespace morgue
