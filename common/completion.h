// Shell completion scripts (bash, zsh, fish) generated from a binary's own option table, so that
// the completions offer exactly the options --help lists, and never drift from them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boost::program_options {
class options_description;
}

namespace morgue {

enum class Shell { kBash, kZsh, kFish };
std::optional<Shell> shell_from(std::string_view name);  // "bash", "zsh", "fish"

// What an option's value completes to.
enum class ValueKind {
  kAny,        // anything: nothing is offered
  kWords,      // one of the hint's words
  kFile,       // a file name
  kDirectory,  // a directory name
  kPath,       // a file or a directory
  kWordList,   // the hint's words, comma-separated (--facets place,person)
  kAttached,   // given only as --NAME=VALUE (anything): the next word is not the option's
};

struct ValueHint {
  ValueKind kind = ValueKind::kAny;
  std::vector<std::string> words;
};

struct CompletionOption {
  std::string name;        // the long name, without "--"
  std::string short_name;  // the letter, or ""
  bool takes_value = false;
  bool repeatable = false;  // may be given more than once
  std::string help;
  ValueHint value;
};

// The options of `table` (groups included), in order; each option's hint from `hints`, by long
// name (an option without one takes any value, or none).
std::vector<CompletionOption> completion_options(
    const boost::program_options::options_description& table,
    const std::map<std::string, ValueHint>& hints);

struct CompletionSpec {
  std::string program;  // "morgue-search"
  std::vector<CompletionOption> options;
  // Operands are files and directories, or (query_operands) query words: a word completes to a
  // field name and a colon (`query_fields`, and the lines the program prints for `PROGRAM [--db
  // DB] --complete-values : TEXT`: the fields a database declares), and a word NAME:TEXT to the
  // values the program prints for `PROGRAM [--db DB] --complete-values NAME TEXT` (one a line, as
  // written in a query), for any NAME but those in `valueless_fields` (so that fields a database
  // declares complete too).
  bool query_operands = false;
  std::vector<std::string> query_fields;
  std::vector<std::string> valueless_fields;
};

// The completion script for `shell`: bash (a function and `complete -F`), zsh (an autoloadable
// #compdef file) or fish (`complete` lines).
std::string completion_script(const CompletionSpec& spec, Shell shell);

}  // namespace morgue
