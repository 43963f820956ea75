// Compressed input: gzip, xz and Zstandard streams, told by their first bytes and decompressed by
// libarchive's raw read filters as they are read (nothing is decompressed ahead into memory or a
// temporary file).
#pragma once

#include <archive.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

enum class Compression { kNone, kGzip, kXz, kZstd };

// The compression whose magic number `head` starts with (kNone when none of the three).
Compression compression_of(std::string_view head);

// The compression a file's name says (.gz, .xz, .zst; case-insensitive), kNone for others.
Compression compression_for(const std::filesystem::path& path);

// About how many bytes a file holds once decompressed (its size when it is not compressed), for
// sharing work between threads: gzip's trailer when it is plausible, else four times the size.
std::uint64_t estimated_content_size(const std::filesystem::path& path, std::uint64_t file_size);

// "gzip", "xz", "zstd".
const char* compression_name(Compression c);

// The decompressed bytes of `compressed` (gzip with any number of members, xz, zstd) as a stream
// buffer. When the data is corrupt or ends early, reading stops as at the end and error() says
// why; the bytes before the fault have been delivered. `compressed` must outlive the buffer.
class DecompressingBuffer : public std::streambuf {
 public:
  explicit DecompressingBuffer(std::istream& compressed);
  ~DecompressingBuffer() override;
  DecompressingBuffer(const DecompressingBuffer&) = delete;
  DecompressingBuffer& operator=(const DecompressingBuffer&) = delete;

  // Why decompression stopped before the end ("" when it did not).
  const std::string& error() const { return error_; }
  // How many decompressed bytes have been delivered.
  std::size_t delivered() const { return delivered_; }

 protected:
  int_type underflow() override;

 private:
  static la_ssize_t read_callback(struct archive* a, void* self, const void** buffer);
  void fail(const std::string& why);

  std::istream& in_;
  struct archive* archive_ = nullptr;
  std::vector<char> in_buffer_, out_buffer_;
  std::string error_;
  std::size_t delivered_ = 0;
  bool done_ = false;
};

// A file or stream opened for reading with its compression undone: `stream()` gives the bytes as
// written before compression. Compression is told by the first bytes (whatever the name says).
class InputStream {
 public:
  // Opens a file; throws InputError(file, 0, ...) when it cannot be opened.
  explicit InputStream(const std::filesystem::path& path);
  // Reads `in` (standard input, for one); `in` must outlive this.
  InputStream(std::istream& in, std::string name);
  ~InputStream();

  std::istream& stream() { return *stream_; }
  Compression compression() const { return compression_; }
  // Throws InputError(name, line, why) when decompression failed: the data was corrupt or cut
  // short (after the lines up to `line` were read). Nothing for uncompressed input.
  void check(std::size_t line = 0) const;
  // Whether the input is known to have failed (decompression or a read error).
  bool failed() const;

 private:
  void open(std::istream& raw);

  std::string name_;
  std::unique_ptr<std::istream> file_;
  std::unique_ptr<std::streambuf> prefix_;  // standard input: the bytes read to tell compression
  std::unique_ptr<std::istream> prefixed_;
  std::unique_ptr<DecompressingBuffer> buffer_;
  std::unique_ptr<std::istream> decompressed_;
  std::istream* stream_ = nullptr;
  Compression compression_ = Compression::kNone;
};

// Reads the whole of `in` into a string; throws InputError(name, 0, ...) when it holds more than
// `limit` bytes (`what` names the limit in the message) or cannot be read to its end.
std::string read_all(InputStream& in, const std::string& name, std::size_t limit,
                     const std::string& what);

}  // namespace morgue
