// Readers for every input format of SPEC.md (.txt, .json, .jsonl/.ndjson, .html/.htm), turning
// files into Articles. Problems with one article are reported to the sink and reading goes on;
// a file that cannot be read at all throws InputError.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/error.h"

namespace morgue {

enum class Format { kText, kJson, kJsonLines, kHtml, kWarc };

// The format of a file from its extension (case-insensitive), or nullopt for an unknown one. A
// compressed file (.gz, .xz, .zst) has the format of its name without that extension
// (docs.jsonl.gz is JSON Lines); its content is decompressed whatever its name (read/decompress.h).
std::optional<Format> format_for(const std::filesystem::path& path);

// The type a file's name gives, for messages: ".jsonl", ".jsonl.gz", "" for none.
std::string type_of(const std::filesystem::path& path);

// Whether readers may read parts of the file side by side (ByteRange): uncompressed JSON Lines
// without a UTF-16/32 byte-order mark.
bool splittable(const std::filesystem::path& path);

struct ReadOptions {
  std::size_t max_article_bytes = std::size_t{64} << 20;  // larger articles are skipped
  // When set and true, a page being parsed is abandoned (Interrupted): the run stops at once.
  const std::atomic<bool>* interrupted = nullptr;
};

class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  // A complete article: id and source set.
  virtual void article(Article&& article) = 0;
  // One article (a JSON Lines line, an array element) could not be read and is skipped.
  virtual void skipped(const InputError& error) = 0;
  // Something in an article was ignored (a field of the wrong type); the article is kept.
  virtual void warning(const std::string& message) = 0;
  // True when reading should stop early (the run was interrupted).
  virtual bool stopped() const { return false; }
  // Something worth a line that is no fault (what a web archive held besides its pages).
  virtual void note(const std::string&) {}
  // How far into the file (its bytes, decompressed) reading has come: for a progress line.
  virtual void position(std::uint64_t) {}
};

// Reads one file. `id_base` is the file's path relative to the archive root: the id of a text or
// HTML article, and of JSON articles that carry no id (id_base#N, N the line or the 1-based array
// position); empty when the file lies outside the root, and then a JSON article without an id is
// skipped. `source` is what the articles record as their source.
void read_file(const std::filesystem::path& path, const std::string& id_base,
               const std::string& source, const ReadOptions& options, ArticleSink& sink);

// Part of a file, for readers working side by side: a JSON Lines file is read from the first line
// that starts at or after `begin` up to the last line that starts before `end`, numbered as in the
// whole file. Other formats cannot be split and are read whole by the part with begin 0.
struct ByteRange {
  std::uint64_t begin = 0, end = UINT64_MAX;
};
void read_file(const std::filesystem::path& path, const std::string& id_base,
               const std::string& source, const ReadOptions& options, ArticleSink& sink,
               const ByteRange& range);

// Reads a stream of articles (standard input, named "-"): JSON Lines or a WARC file (told by its
// first byte, a "W"), gzip, xz or zstd compressed or not (told by the first bytes).
void read_stream(std::istream& in, const std::string& name, const std::string& id_base,
                 const std::string& source, const ReadOptions& options, ArticleSink& sink);

// Reads JSON Lines from a stream (a .jsonl file, or standard input named "-").
void read_json_lines(std::istream& in, const std::string& name, const std::string& id_base,
                     const std::string& source, const ReadOptions& options, ArticleSink& sink);

// A plain-text article: a short first line that does not end a sentence is the headline.
Article read_text(std::string_view bytes);

// The deepest nesting of arrays and objects a JSON document (a .json file, a line of JSON Lines,
// a JSON-LD script in a page) may have. Deeper documents are refused before they are parsed:
// copying and printing JSON recurse once per level, and 100,000 levels overflow the stack.
inline constexpr std::size_t kMaxJsonDepth = 100;

// Parses one JSON document (with `comments`, /* */ and // comments are allowed, as in JSON-LD
// scripts). Throws InputError(file, line, reason) when it nests deeper than kMaxJsonDepth or is
// not JSON.
nlohmann::json parse_json(std::string_view text, const std::string& file, std::size_t line,
                          bool comments = false);

// The fields of a JSON object (SPEC.md's names and their aliases; other fields go to `extra`),
// warning through `sink` (messages start with `where`) for fields of the wrong type. Whatever the
// object lacks stays empty: no field is required.
Article article_fields(const nlohmann::json& object, const std::string& where, ArticleSink& sink);

// One JSON object as an article (SPEC.md's field names and their aliases). `where` names the file
// and line for messages; `fallback_id` is used when the object has no id (none when empty). Throws
// InputError when the object is no article (not an object; no text, title or id; nested deeper than
// kMaxJsonDepth); warns for ignored fields.
Article article_from_json(const nlohmann::json& object, const std::string& file, std::size_t line,
                          const std::string& fallback_id, ArticleSink& sink);

}  // namespace morgue
