// Fuzz target: bytes as a .txt file (decoding, headline detection).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text.h"
#include "read/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  morgue::Article a = morgue::read_text(morgue::to_utf8(bytes));
  if (!morgue::is_valid_utf8(a.title) || !morgue::is_valid_utf8(a.text)) __builtin_trap();
  morgue::name_words(a.title);
  return 0;
}
