// Fuzz target: bytes as an uncompressed WARC file, through read_warc as the indexer calls it, with
// a small article size so that the size limit is reached too. Traps when the counts do not add up.
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
  morgue::ReadOptions options;
  options.max_article_bytes = 8192;
  Sink sink;
  try {
    // Without an archive root for inputs of odd length: records without an id are skipped then.
    const morgue::WarcCounts counts =
        morgue::read_warc(in, "fuzz.warc", size % 2 ? "" : "fuzz.warc", "-", options, sink);
    std::size_t sum = counts.articles;
    for (const auto& [reason, n] : counts.skipped) sum += n;
    if (sum != counts.records || counts.articles != sink.articles) __builtin_trap();
  } catch (const morgue::InputError&) {
  }
  return 0;
}
