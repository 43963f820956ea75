// Bytes compressed by zlib, for the suites that check decompression against an independent
// implementation (decompress, warc).
#pragma once

#include <zlib.h>

#include <boost/test/unit_test.hpp>
#include <string>

namespace morgue::testing {

// `bytes` compressed by zlib: gzip with window_bits 31, zlib 15, raw deflate -15.
inline std::string zlib_compress(const std::string& bytes, int window_bits) {
  z_stream z{};
  BOOST_REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, bytes.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  BOOST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace morgue::testing
