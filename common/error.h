// Exceptions thrown inside common/. The binaries catch them in exactly two places: per article in
// the indexer loop, and in main(), which maps them to a one-line message and an exit status.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace morgue {

// Something the user asked for cannot work: bad option, bad query, missing database. Exit 2.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A query that cannot be parsed; `position` is the 1-based character offset where it goes wrong
// (0 when unknown).
class QueryError : public Error {
 public:
  QueryError(const std::string& message, std::size_t position)
      : Error(position ? "query position " + std::to_string(position) + ": " + message
                       : "query: " + message),
        position_(position) {}
  std::size_t position() const { return position_; }

 private:
  std::size_t position_;
};

// Reading stopped because the run was interrupted (SIGINT, SIGTERM): no fault of the input.
class Interrupted : public Error {
 public:
  using Error::Error;
};

// One input (a file, or one line of a JSON Lines file) that cannot be indexed. The message names
// the file and, where there is one, the line; the indexer reports it, counts it and goes on.
class InputError : public Error {
 public:
  InputError(const std::string& file, std::size_t line, const std::string& reason)
      : Error(file + (line ? ":" + std::to_string(line) : std::string()) + ": " + reason),
        reason_(reason) {}
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

}  // namespace morgue
