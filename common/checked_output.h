// Output that reports its write errors: a full disk or /dev/full is an error, not a file cut short
// in silence, and a closed pipe (| head) is told apart so that the program can stop quietly.
#pragma once

#include <cstddef>
#include <streambuf>
#include <string>
#include <vector>

#include "common/error.h"

namespace morgue {

// A failed write of `what` (e.g. "standard output"); errno tells why.
class OutputError : public Error {
 public:
  OutputError(const std::string& what, int error);
  bool broken_pipe() const;  // the reader went away (EPIPE): not worth a message
  int error() const { return error_; }

 private:
  int error_;
};

// A buffered std::streambuf over a file descriptor that writes with write(2) and throws
// OutputError when a write fails. Give its std::ostream exceptions(std::ios::badbit), so that the
// error reaches the caller rather than a bad bit nobody reads; flush() before the end (the
// destructor flushes too, but cannot report).
class CheckedOutput : public std::streambuf {
 public:
  CheckedOutput(int fd, std::string what);
  ~CheckedOutput() override;
  CheckedOutput(const CheckedOutput&) = delete;
  CheckedOutput& operator=(const CheckedOutput&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void drain();  // writes what is buffered; throws OutputError
  void write_all(const char* data, std::size_t size);

  int fd_;
  std::string what_;
  std::vector<char> buffer_;
  int error_ = 0;  // after a failed write nothing more is written: each write throws this again
};

// After text a program writes to std::cout directly (--help, --version, a completion script):
// flushes it and gives 0, or, when it could not be written (a full disk, /dev/full), says so in
// one line on std::cerr and gives 2.
int finish_standard_output(const char* program);
// Flushes std::cout: whether everything written to it so far was written.
bool flush_standard_output();

}  // namespace morgue
