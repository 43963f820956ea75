// Fuzz target: bytes as a saved HTML page, through the same entry point the indexer uses.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/error.h"
#include "common/text.h"
#include "read/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    morgue::Article a = morgue::read_html(bytes, "fuzz.html");
    if (!morgue::is_valid_utf8(a.title) || !morgue::is_valid_utf8(a.text)) __builtin_trap();
  } catch (const morgue::InputError&) {
  }
  return 0;
}
