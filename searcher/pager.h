// A pager for long output on a terminal, as git has: standard output goes through it.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace morgue {

// The pager command for these environment values (null when unset): $MORGUE_PAGER, else $PAGER,
// else "less" when it is on `path`; nullopt for none (an empty value or "cat" asks for none).
std::optional<std::string> pager_command(const char* morgue_pager, const char* pager,
                                         const char* path);

// Shows `text` through `command` (run by `sh -c`, $LESS and $LV as Pager::start sets them) and
// waits for it to end. False when the pager could not be started (sh's exit status 127).
bool show_in_pager(const std::string& command, std::string_view text);

class Pager {
 public:
  // Starts `command` with `sh -c` and makes standard output the pipe to it. $LESS defaults to
  // FRX (quit when the output fits one screen, let colours through, leave the screen as it was)
  // and $LV to -c, as git sets them. Until finish(), SIGINT, SIGQUIT, SIGTERM and SIGHUP wait for
  // the pager to end before they end this process. Returns nullopt when the pager cannot be
  // started: output then goes to the terminal.
  static std::optional<Pager> start(const std::string& command);
  // Closes standard output and waits for the pager to end (the user reads on until then). False
  // when the command could not be run (sh's exit status 126 or 127): the output was lost.
  bool finish();

 private:
  explicit Pager(pid_t pid) : pid_(pid) {}
  pid_t pid_;
};

}  // namespace morgue
