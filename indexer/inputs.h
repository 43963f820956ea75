// The files a run reads: folders walked in a stable order, each file's id (its path relative to
// the archive root the database records), and what could not be read (its articles are never
// pruned).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "indexer/indexer.h"
#include "indexer/report.h"

namespace morgue {

struct InputFile {
  std::filesystem::path path;
  std::string
      id_base;  // the id of its articles ("" outside the archive root: text and pages skipped)
  bool named;   // given on the command line (an unknown type is then an error, not ignored)
  std::uint64_t size = 0;
};

// What an article records as its source: the absolute path of its file through the real path of
// the folder (the same however the file was reached), which --prune compares with inputs.
std::string source_of(const std::filesystem::path& path);

class Inputs {
 public:
  Inputs(const IndexOptions& options, Report& report) : options_(options), report_(report) {}

  // File ids are paths relative to the archive root, so that a file has one id however it is
  // reached. The root is --root, else the one the database records (`recorded`), else the
  // deepest folder holding every input (a file input: its folder). Returns it ("" if none).
  const std::string& choose_root(const std::string& recorded);

  // Appends the files of `input` in a stable order: folders are recursed depth-first in name
  // order, following symbolic links but never into a folder twice. What cannot be read is said
  // and counted as skipped in `counts`. A folder walk leaves out what excluded() says (a file
  // named as an input is always read), counted in `counts`.
  void collect(const std::string& input, std::vector<InputFile>* files, Counts* counts);

  // Sources (folders, files) that could not be read: source -> as named; inputs that do not exist.
  const std::map<std::string, std::string>& unreadable() const { return unreadable_; }
  const std::set<std::string>& missing() const { return missing_; }
  // Sources (files, folders) a folder walk left out (--prune removes their articles).
  const std::set<std::string>& left_out() const { return left_out_; }

  // Whether a folder walk leaves out the entry at `relative` (its path below the input folder
  // walked): a name beginning with "." and, unless --no-default-excludes, a README-like file
  // (kDefaultExcludes, any case, with or without an extension); an --exclude GLOB without "/"
  // matching its name, or one with "/" matching `relative` (shell globbing: * and ? never match
  // "/"; a pattern ending in "/" matches folders only); the files given to --metadata.
  bool excluded(const std::filesystem::path& relative, bool folder) const;

 private:
  std::optional<std::string> relative_to_root(const std::string& input, const std::string& folder);

  const IndexOptions& options_;
  Report& report_;
  std::string root_;
  std::map<std::string, std::string> unreadable_;
  std::set<std::string> missing_;
  std::set<std::string> left_out_;
  std::filesystem::path walked_;          // the input folder being walked
  std::set<std::string> metadata_files_;  // sources of the --metadata files
};

// File names a folder walk leaves out unless --no-default-excludes: the files that describe an
// archive rather than hold its articles (README.TXT, LICENSE, ...), matched without their case
// and extension.
inline constexpr const char* kDefaultExcludes[] = {"readme",    "license", "licence",
                                                   "copying",   "notice",  "authors",
                                                   "changelog", "changes", "contributing"};

}  // namespace morgue
