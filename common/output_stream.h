// Standard output that knows why it failed: a stream buffer over a file descriptor that keeps the
// error of the first write that failed, so that a full disk is reported (exit 2) while a closed
// pipe (`| head`) ends the output quietly. Both binaries write their results through one.
#pragma once

#include <streambuf>
#include <string>
#include <vector>

namespace morgue {

class FdOutput : public std::streambuf {
 public:
  explicit FdOutput(int fd, std::size_t buffer_bytes = 64 * 1024);
  ~FdOutput() override;
  FdOutput(const FdOutput&) = delete;
  FdOutput& operator=(const FdOutput&) = delete;

  // errno of the first write that failed (EPIPE: the reader went away), 0 while all went well.
  int error() const { return error_; }
  // After the last write (and a flush): "" when everything was written or the reader went away,
  // else what went wrong ("No space left on device").
  std::string problem() const;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool drain();

  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

}  // namespace morgue
