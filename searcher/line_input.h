// Where an interactive session reads its lines: a terminal, with line editing and a history kept
// in a file (libedit), or any stream, plainly (scripts and tests).
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace morgue {

class LineInput {
 public:
  virtual ~LineInput() = default;
  // The next line without its line break, after showing `prompt`; nullopt at the end of input.
  virtual std::optional<std::string> read(const std::string& prompt) = 0;
  // Keeps `line` in the history, where there is one.
  virtual void remember(const std::string& line) = 0;
};

// Lines of a stream; the prompt is written to `out` as it is, and no history is kept.
class StreamInput : public LineInput {
 public:
  StreamInput(std::istream& in, std::ostream& out) : in_(in), out_(out) {}
  std::optional<std::string> read(const std::string& prompt) override;
  void remember(const std::string&) override {}

 private:
  std::istream& in_;
  std::ostream& out_;
};

// Lines of the terminal on standard input and output, edited with libedit (emacs keys, ~/.editrc),
// the history loaded from `history_file` and saved there after every line (the folder created
// when missing). A history that cannot be saved is one warning on `err`, and the session goes on.
class TerminalInput : public LineInput {
 public:
  TerminalInput(const std::string& program, std::string history_file, std::ostream& err);
  ~TerminalInput() override;
  std::optional<std::string> read(const std::string& prompt) override;
  void remember(const std::string& line) override;

  struct State;  // libedit's (line_input.cc)

 private:
  std::unique_ptr<State> state_;
};

// The history file of morgue-search: $XDG_STATE_HOME/morgue/history (when that is an absolute
// path, as the XDG base directory specification asks), else $HOME/.local/state/morgue/history;
// empty when neither is set. The arguments are the variables' values (null when unset).
std::string history_path(const char* xdg_state_home, const char* home);

}  // namespace morgue
