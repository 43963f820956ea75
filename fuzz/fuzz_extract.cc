// Fuzz target: bytes as an article's text through the whole extractor (tokenizer, tagger, names,
// dates, outlets). Whatever it extracts must be valid UTF-8 and a valid date.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "common/text.h"
#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<morgue::Extractor> extractor =
      morgue::make_default_extractor(morgue::default_extraction_data());
  morgue::Article a;
  a.text = morgue::to_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  extractor->complete(a);
  for (const auto* list : {&a.people, &a.places, &a.organizations, &a.cited}) {
    for (const std::string& name : *list) {
      if (name.empty() || !morgue::is_valid_utf8(name)) __builtin_trap();
    }
  }
  if (!morgue::is_valid_utf8(a.outlet)) __builtin_trap();
  if (a.date && (a.date->month < 1 || a.date->month > 12 || a.date->day < 1 || a.date->day > 31))
    __builtin_trap();
  return 0;
}
