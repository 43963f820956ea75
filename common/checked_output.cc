// A file descriptor as a std::streambuf that throws on write errors.
#include "common/checked_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace morgue {

OutputError::OutputError(const std::string& what, int error)
    : Error("cannot write " + what + ": " + std::strerror(error)), error_(error) {}

bool OutputError::broken_pipe() const { return error_ == EPIPE; }

CheckedOutput::CheckedOutput(int fd, std::string what)
    : fd_(fd), what_(std::move(what)), buffer_(1 << 16) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

CheckedOutput::~CheckedOutput() {
  try {
    if (!error_) drain();
  } catch (const OutputError&) {
  }
}

CheckedOutput::int_type CheckedOutput::overflow(int_type c) {
  drain();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize CheckedOutput::xsputn(const char* s, std::streamsize n) {
  const auto size = static_cast<std::size_t>(n);
  if (size <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(n));
    return n;
  }
  drain();
  if (size < buffer_.size()) return xsputn(s, n);
  write_all(s, size);  // larger than the buffer: straight through
  return n;
}

int CheckedOutput::sync() {
  drain();
  return 0;
}

void CheckedOutput::drain() {
  const std::size_t size = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  write_all(buffer_.data(), size);
}

void CheckedOutput::write_all(const char* data, std::size_t size) {
  if (error_) throw OutputError(what_, error_);
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO;
      throw OutputError(what_, error_);
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

bool flush_standard_output() {
  std::cout.flush();
  return std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout);
}

int finish_standard_output(const char* program) {
  if (flush_standard_output()) return 0;
  const int error = errno ? errno : EIO;  // the failed write's
  std::cerr << program << ": error: " << OutputError("standard output", error).what() << '\n';
  return 2;
}

}  // namespace morgue
