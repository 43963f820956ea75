// Fuzz target: bytes as an uncompressed WARC file, through read_warc as the indexer will call it,
// with small article sizes so that the size limit is reached too. Traps when the counts do not
// add up or an article has no id.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "common/document.h"
#include "common/text.h"
#include "read/warc.h"

namespace {

struct Sink : morgue::ArticleSink {
  morgue::DocumentBuilder builder;
  std::size_t articles = 0;
  void article(morgue::Article&& a) override {
    if (a.id.empty() || a.source != "-" || !morgue::is_valid_utf8(a.text)) __builtin_trap();
    builder.build(a);
    ++articles;
  }
  void skipped(const morgue::InputError&) override {}
  void warning(const std::string&) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  // Inputs take turns by their length: pages up to 8 KiB, with an archive root or without one
  // (records without an id are skipped then), or up to 64 bytes, which passes most pages over
  // unparsed and so runs faster (each parse forks).
  const std::size_t mode = size % 4;
  morgue::ReadOptions options;
  options.max_article_bytes = mode < 2 ? 8192 : 64;
  Sink sink;
  try {
    const morgue::WarcCounts counts =
        morgue::read_warc(in, "fuzz.warc", mode == 1 ? "" : "fuzz.warc", "-", options, sink);
    std::size_t sum = counts.articles;
    for (const auto& [reason, n] : counts.skipped) sum += n;
    if (sum != counts.records || counts.articles != sink.articles) __builtin_trap();
  } catch (const morgue::InputError&) {
  }
  return 0;
}
