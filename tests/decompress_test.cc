// Unit tests for compressed input: magic numbers, streams read whole or cut short, from files and
// from pipes, against bytes compressed here by zlib (an independent implementation).
#include "read/decompress.h"

#include <zlib.h>

#include <boost/test/unit_test.hpp>
#include <random>
#include <sstream>

#include "common/error.h"
#include "temp_dir.h"
#include "zlib_compress.h"

namespace {

// One gzip member of `data`, by zlib.
std::string gzip(const std::string& data) { return morgue::testing::zlib_compress(data, 15 + 16); }

// A stream buffer that hands out its bytes a few at a time and cannot seek, as a pipe.
class Pipe : public std::streambuf {
 public:
  explicit Pipe(std::string data) : data_(std::move(data)) {}

 protected:
  int_type underflow() override {
    if (at_ >= data_.size()) return traits_type::eof();
    const std::size_t n = std::min<std::size_t>(7, data_.size() - at_);
    setg(&data_[at_], &data_[at_], &data_[at_] + n);
    at_ += n;
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string data_;
  std::size_t at_ = 0;
};

std::string read_through(morgue::InputStream& in) {
  std::ostringstream out;
  out << in.stream().rdbuf();
  return out.str();
}

std::string random_bytes(std::mt19937& rng, std::size_t n, bool text) {
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(text ? "ab \n{}\"x"[rng() % 8] : rng() % 256);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(decompress)

BOOST_AUTO_TEST_CASE(magic_numbers_and_names) {
  using morgue::Compression;
  BOOST_TEST((morgue::compression_of("\x1f\x8b\x08") == Compression::kGzip));
  BOOST_TEST((morgue::compression_of(std::string("\xFD"
                                                 "7zXZ\0",
                                                 6)) == Compression::kXz));
  BOOST_TEST((morgue::compression_of("\x28\xB5\x2F\xFD") == Compression::kZstd));
  BOOST_TEST((morgue::compression_of("{\"id\"") == Compression::kNone));
  BOOST_TEST((morgue::compression_of("\x1f") == Compression::kNone));
  BOOST_TEST((morgue::compression_for("a/docs.JSONL.GZ") == Compression::kGzip));
  BOOST_TEST((morgue::compression_for("x.zst") == Compression::kZstd));
  BOOST_TEST((morgue::compression_for("x.txt") == Compression::kNone));
}

// Seeded random payloads (empty, shorter than a magic number, large; text and binary), gzipped by
// zlib as one member or several, read back through files and pipes: the same bytes every time.
BOOST_AUTO_TEST_CASE(random_payloads_read_back_exactly) {
  std::mt19937 rng(18);
  morgue::testing::TempDir dir;
  for (int i = 0; i < 300; ++i) {
    const std::size_t size = i < 8 ? static_cast<std::size_t>(i) : rng() % (i % 10 ? 5000 : 400000);
    const std::string data = random_bytes(rng, size, i % 2);
    const int members = 1 + static_cast<int>(rng() % 3);
    std::string packed;
    std::size_t at = 0;
    for (int m = 0; m < members; ++m) {
      const std::size_t take = m + 1 == members ? data.size() - at : rng() % (data.size() - at + 1);
      packed += gzip(data.substr(at, take));
      at += take;
    }
    const bool plain = i % 7 == 3;  // uncompressed input passes through untouched
    const std::string& bytes = plain ? data : packed;
    const std::string file = dir.write("f" + std::to_string(i), bytes);
    morgue::InputStream from_file{std::filesystem::path(file)};
    BOOST_TEST(read_through(from_file) == data, "case " << i);
    BOOST_TEST(!from_file.failed(), "case " << i << " size " << size << " members " << members);
    Pipe pipe(bytes);
    std::istream raw(&pipe);
    morgue::InputStream from_pipe(raw, "-");
    BOOST_TEST(read_through(from_pipe) == data, "case " << i);
    BOOST_TEST(!from_pipe.failed());
    BOOST_TEST((from_pipe.compression() ==
                (plain ? morgue::Compression::kNone : morgue::Compression::kGzip)));
  }
}

// A stream cut anywhere gives a prefix of the data and says so; it never gives bytes that were
// not there, and never passes for whole.
BOOST_AUTO_TEST_CASE(cut_streams_give_a_prefix_and_fail) {
  std::mt19937 rng(7);
  const std::string data = random_bytes(rng, 200000, true);
  const std::string packed = gzip(data);
  for (int i = 0; i < 200; ++i) {
    const std::size_t cut = 1 + rng() % (packed.size() - 1);
    std::istringstream raw(packed.substr(0, cut));
    morgue::InputStream in(raw, "cut.gz");
    const std::string got = read_through(in);
    BOOST_TEST(data.compare(0, got.size(), got) == 0, "cut at " << cut);
    BOOST_TEST(in.failed(), "cut at " << cut);
    BOOST_CHECK_THROW(in.check(3), morgue::InputError);
  }
  std::istringstream not_gzip(std::string("\x1f\x8b") + "plain words after a magic number");
  morgue::InputStream bad(not_gzip, "bad.gz");
  read_through(bad);
  BOOST_TEST(bad.failed());
  try {
    bad.check();
    BOOST_FAIL("no error");
  } catch (const morgue::InputError& e) {
    BOOST_TEST(std::string(e.what()).find("bad.gz: gzip data is corrupt or cut short") == 0u);
  }
}

BOOST_AUTO_TEST_CASE(read_all_refuses_more_than_its_limit) {
  morgue::testing::TempDir dir;
  const std::string file = dir.write("big.gz", gzip(std::string(100000, 'a')));
  morgue::InputStream in{std::filesystem::path(file)};
  BOOST_CHECK_THROW(morgue::read_all(in, file, 50000, "the limit"), morgue::InputError);
  morgue::InputStream again{std::filesystem::path(file)};
  BOOST_TEST(morgue::read_all(again, file, 100000, "the limit").size() == 100000u);
  BOOST_TEST(morgue::estimated_content_size(file, std::filesystem::file_size(file)) == 100000u);
}

BOOST_AUTO_TEST_SUITE_END()
