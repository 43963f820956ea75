// Decompression through libarchive: the raw format (one unnamed entry, the stream itself) with the
// gzip, xz and zstd filters, fed from a std::istream by a read callback.
#include "read/decompress.h"

#include <archive_entry.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "common/error.h"
#include "common/text.h"

namespace morgue {
namespace {

constexpr std::size_t kBlock = 1 << 16;

}  // namespace

Compression compression_of(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return Compression::kGzip;
  if (head.substr(0, 6) == std::string_view("\xFD"
                                            "7zXZ\0",
                                            6))
    return Compression::kXz;
  if (head.substr(0, 4) == std::string_view("\x28\xB5\x2F\xFD", 4)) return Compression::kZstd;
  return Compression::kNone;
}

Compression compression_for(const std::filesystem::path& path) {
  const std::string ext = ascii_lower(path.extension().string());
  if (ext == ".gz") return Compression::kGzip;
  if (ext == ".xz") return Compression::kXz;
  if (ext == ".zst") return Compression::kZstd;
  return Compression::kNone;
}

std::uint64_t estimated_content_size(const std::filesystem::path& path, std::uint64_t file_size) {
  std::ifstream in(path, std::ios::binary);
  char head[6] = {};
  in.read(head, sizeof head);
  const Compression c =
      compression_of(std::string_view(head, static_cast<std::size_t>(in.gcount())));
  if (c == Compression::kNone) return file_size;
  if (c == Compression::kGzip && file_size >= 18) {
    // ISIZE: the last member's size modulo 2^32, little-endian in the last four bytes.
    unsigned char tail[4] = {};
    in.clear();
    in.seekg(static_cast<std::streamoff>(file_size - 4));
    in.read(reinterpret_cast<char*>(tail), 4);
    const std::uint64_t isize =
        tail[0] | tail[1] << 8 | tail[2] << 16 | std::uint64_t{tail[3]} << 24;
    // (deflate expands at most 1032-fold)
    if (in && isize >= file_size && isize <= file_size * 1032) return isize;
  }
  return file_size * 4;
}

const char* compression_name(Compression c) {
  switch (c) {
    case Compression::kGzip:
      return "gzip";
    case Compression::kXz:
      return "xz";
    case Compression::kZstd:
      return "zstd";
    case Compression::kNone:
      break;
  }
  return "none";
}

DecompressingBuffer::DecompressingBuffer(std::istream& compressed)
    : in_(compressed), in_buffer_(kBlock), out_buffer_(kBlock) {
  archive_ = archive_read_new();
  if (!archive_) {
    fail("out of memory");
    return;
  }
  archive_read_support_filter_gzip(archive_);
  archive_read_support_filter_xz(archive_);
  archive_read_support_filter_zstd(archive_);
  archive_read_support_format_raw(archive_);
  archive_read_support_format_empty(archive_);  // nothing compressed: no entry at all
  struct archive_entry* entry = nullptr;
  int status =
      archive_read_open(archive_, this, nullptr, &DecompressingBuffer::read_callback, nullptr);
  if (status == ARCHIVE_OK) status = archive_read_next_header(archive_, &entry);
  if (status == ARCHIVE_EOF && archive_filter_count(archive_) >= 2) {
    done_ = true;  // a whole stream of no bytes
  } else if (status != ARCHIVE_OK) {
    fail(archive_error_string(archive_) ? archive_error_string(archive_) : "unreadable");
  } else if (archive_filter_count(archive_) < 2) {
    // Only the "none" filter: the magic number was there, but no filter could read what follows.
    fail("not a valid stream of its kind");
  }
  setg(out_buffer_.data(), out_buffer_.data(), out_buffer_.data());
}

DecompressingBuffer::~DecompressingBuffer() {
  if (archive_) archive_read_free(archive_);
}

void DecompressingBuffer::fail(const std::string& why) {
  if (error_.empty()) error_ = why;
  done_ = true;
}

la_ssize_t DecompressingBuffer::read_callback(struct archive*, void* self, const void** buffer) {
  auto* me = static_cast<DecompressingBuffer*>(self);
  me->in_.read(me->in_buffer_.data(), static_cast<std::streamsize>(me->in_buffer_.size()));
  *buffer = me->in_buffer_.data();
  if (me->in_.bad()) return -1;
  return static_cast<la_ssize_t>(me->in_.gcount());
}

DecompressingBuffer::int_type DecompressingBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  while (!done_) {
    const la_ssize_t n = archive_read_data(archive_, out_buffer_.data(), out_buffer_.size());
    if (n > 0) {
      delivered_ += static_cast<std::size_t>(n);
      setg(out_buffer_.data(), out_buffer_.data(), out_buffer_.data() + n);
      return traits_type::to_int_type(*gptr());
    }
    if (n == 0) {
      done_ = true;
      break;
    }
    if (n == ARCHIVE_RETRY) continue;
    const char* why = archive_error_string(archive_);
    fail(why ? why : "corrupt data");
  }
  return traits_type::eof();
}

InputStream::InputStream(const std::filesystem::path& path) : name_(path.string()) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) throw InputError(name_, 0, "cannot read file");
  file_ = std::move(file);
  open(*file_);
}

InputStream::InputStream(std::istream& in, std::string name) : name_(std::move(name)) { open(in); }

// A stream's first bytes, taken to tell its compression, then the rest of it.
class PrefixedBuffer : public std::streambuf {
 public:
  PrefixedBuffer(std::string prefix, std::istream& rest)
      : prefix_(std::move(prefix)), rest_(rest), block_(kBlock) {
    setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    rest_.read(block_.data(), static_cast<std::streamsize>(block_.size()));
    const auto got = rest_.gcount();
    if (got <= 0) return traits_type::eof();
    setg(block_.data(), block_.data(), block_.data() + got);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string prefix_;
  std::istream& rest_;
  std::vector<char> block_;
};

void InputStream::open(std::istream& raw) {
  char head[6] = {};
  raw.read(head, sizeof head);
  const auto got = static_cast<std::size_t>(raw.gcount());
  compression_ = compression_of(std::string_view(head, got));
  std::istream* source = &raw;
  if (file_) {  // a file: back to its start
    raw.clear();
    raw.seekg(0);
  } else {  // a pipe cannot go back: the bytes taken are served first
    prefix_ = std::make_unique<PrefixedBuffer>(std::string(head, got), raw);
    prefixed_ = std::make_unique<std::istream>(prefix_.get());
    source = prefixed_.get();
  }
  if (compression_ == Compression::kNone) {
    stream_ = source;
    return;
  }
  buffer_ = std::make_unique<DecompressingBuffer>(*source);
  decompressed_ = std::make_unique<std::istream>(buffer_.get());
  stream_ = decompressed_.get();
}

InputStream::~InputStream() = default;

void InputStream::check(std::size_t line) const {
  if (buffer_ && !buffer_->error().empty())
    throw InputError(name_, line,
                     std::string(compression_name(compression_)) +
                         " data is corrupt or cut short after " +
                         std::to_string(buffer_->delivered()) + " decompressed bytes (" +
                         buffer_->error() + ")" + (line ? "; the lines before it were read" : ""));
  if (file_ && file_->bad()) throw InputError(name_, line, "read error");
}

bool InputStream::failed() const {
  return (buffer_ && !buffer_->error().empty()) || (file_ && file_->bad());
}

std::string read_all(InputStream& in, const std::string& name, std::size_t limit,
                     const std::string& what) {
  std::string bytes;
  std::vector<char> block(kBlock);
  std::istream& s = in.stream();
  while (s) {
    s.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(s.gcount());
    if (bytes.size() + got > limit)
      throw InputError(
          name, 0,
          (in.compression() == Compression::kNone ? "file of more than "
                                                  : "decompressed data of more than ") +
              std::to_string(limit) + " bytes exceeds " + what);
    bytes.append(block.data(), got);
  }
  if (s.bad()) throw InputError(name, 0, "read error");
  in.check();
  return bytes;
}

}  // namespace morgue
