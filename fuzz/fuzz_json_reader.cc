// Fuzz target: bytes as a JSON Lines file, and as one JSON document (wrong types, deep nesting).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "common/document.h"
#include "read/readers.h"

namespace {

struct Sink : morgue::ArticleSink {
  morgue::DocumentBuilder builder;
  void article(morgue::Article&& a) override { builder.build(a); }
  void skipped(const morgue::InputError&) override {}
  void warning(const std::string&) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Sink sink;
  std::istringstream in(bytes);
  try {
    morgue::read_json_lines(in, "fuzz.jsonl", "fuzz.jsonl", "-", morgue::ReadOptions{}, sink);
  } catch (const morgue::InputError&) {
  }
  try {
    auto doc = morgue::parse_json(bytes, "fuzz.json", 0);
    sink.article(morgue::article_from_json(doc, "fuzz.json", 0, "fuzz.json", sink));
  } catch (const morgue::InputError&) {
  }
  // A value parsed by anyone else: article_from_json refuses it when it is nested too deep.
  auto doc = nlohmann::json::parse(bytes, nullptr, false);
  if (!doc.is_discarded()) {
    try {
      sink.article(morgue::article_from_json(doc, "fuzz.json", 0, "fuzz.json", sink));
    } catch (const morgue::InputError&) {
    }
  }
  return 0;
}
