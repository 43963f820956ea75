// Lines for the interactive session: libedit on a terminal, std::getline elsewhere.
#include "searcher/line_input.h"

#include <histedit.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace morgue {

std::optional<std::string> StreamInput::read(const std::string& prompt) {
  out_ << prompt;
  out_.flush();
  std::string line;
  if (!std::getline(in_, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

struct TerminalInput::State {
  ::EditLine* editor = nullptr;
  ::History* history = nullptr;
  HistEvent event{};
  std::string prompt;
  std::string file;
  std::ostream* err = nullptr;
  bool warned = false;  // a history that cannot be saved is said once

  void warn(const std::string& why) {
    if (warned) return;
    warned = true;
    *err << "morgue-search: warning: cannot keep the history in " << file << ": " << why
         << " (the session goes on)\n";
  }
};

namespace {

char* prompt_of(::EditLine* editor) {
  void* data = nullptr;
  el_get(editor, EL_CLIENTDATA, &data);
  return const_cast<char*>(static_cast<TerminalInput::State*>(data)->prompt.c_str());
}

}  // namespace

TerminalInput::TerminalInput(const std::string& program, std::string history_file,
                             std::ostream& err)
    : state_(std::make_unique<State>()) {
  // libedit reads and shows characters beyond ASCII only under the user's locale's encoding;
  // LC_CTYPE alone, so that numbers and messages stay as everywhere else.
  std::setlocale(LC_CTYPE, "");
  State& s = *state_;
  s.file = std::move(history_file);
  s.err = &err;
  s.history = history_init();
  history(s.history, &s.event, H_SETSIZE, 1000);
  history(s.history, &s.event, H_SETUNIQUE, 1);
  if (!s.file.empty()) history(s.history, &s.event, H_LOAD, s.file.c_str());  // none yet: fine
  s.editor = el_init(program.c_str(), stdin, stdout, stderr);
  el_set(s.editor, EL_CLIENTDATA, &s);
  el_set(s.editor, EL_PROMPT, prompt_of);
  el_set(s.editor, EL_EDITOR, "emacs");
  el_set(s.editor, EL_SIGNAL, 1);  // the terminal is restored when a signal ends the session
  el_set(s.editor, EL_HIST, history, s.history);
  el_source(s.editor, nullptr);  // ~/.editrc
}

TerminalInput::~TerminalInput() {
  el_end(state_->editor);
  history_end(state_->history);
}

std::optional<std::string> TerminalInput::read(const std::string& prompt) {
  state_->prompt = prompt;
  for (;;) {
    int count = 0;
    const char* line = el_gets(state_->editor, &count);
    if (!line && count == -1 && errno == EINTR) continue;  // a resized window
    if (!line || count <= 0) return std::nullopt;
    std::string text(line, static_cast<std::size_t>(count));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
  }
}

void TerminalInput::remember(const std::string& line) {
  State& s = *state_;
  history(s.history, &s.event, H_ENTER, line.c_str());
  if (s.file.empty() || s.warned) return;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(s.file).parent_path(), ec);
  if (ec) return s.warn(ec.message());
  errno = 0;
  if (history(s.history, &s.event, H_SAVE, s.file.c_str()) == -1)
    s.warn(errno ? std::strerror(errno) : "libedit could not write it");
}

std::string history_path(const char* xdg_state_home, const char* home) {
  std::filesystem::path base;
  if (xdg_state_home && *xdg_state_home && std::filesystem::path(xdg_state_home).is_absolute())
    base = xdg_state_home;
  else if (home && *home)
    base = std::filesystem::path(home) / ".local" / "state";
  else
    return "";
  return (base / "morgue" / "history").string();
}

}  // namespace morgue
