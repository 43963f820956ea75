// The pager: posix_spawn of `sh -c COMMAND` reading a pipe that becomes standard output.
#include "searcher/pager.h"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

extern char** environ;

namespace morgue {

namespace {

bool on_path(const char* program, const char* path) {
  if (!path) return false;
  std::string_view rest(path);
  while (true) {
    const std::size_t colon = rest.find(':');
    const std::string folder(rest.substr(0, colon));
    const std::string file = (folder.empty() ? std::string(".") : folder) + "/" + program;
    struct stat st {};
    if (stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(file.c_str(), X_OK) == 0)
      return true;
    if (colon == std::string_view::npos) return false;
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

std::optional<std::string> pager_command(const char* morgue_pager, const char* pager,
                                         const char* path) {
  const char* chosen = morgue_pager ? morgue_pager : pager;
  if (chosen) {
    const std::string command(chosen);
    if (command.find_first_not_of(" \t") == std::string::npos || command == "cat")
      return std::nullopt;
    return command;
  }
  if (on_path("less", path)) return std::string("less");
  return std::nullopt;
}

namespace {

// Starts `sh -c command` reading the pipe whose writing end it returns (-1 when it cannot be
// started); `pid` is the pager's.
int spawn_pager(const std::string& command, pid_t* pid) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  std::vector<std::string> environment;
  for (char** e = environ; *e; ++e) environment.emplace_back(*e);
  if (!std::getenv("LESS")) environment.emplace_back("LESS=FRX");
  if (!std::getenv("LV")) environment.emplace_back("LV=-c");
  std::vector<char*> envp;
  for (std::string& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  std::string sh = "sh", dash_c = "-c", text = command;
  char* argv[] = {sh.data(), dash_c.data(), text.data(), nullptr};
  // The pager and what it runs get the default actions for the signals this process ignores
  // (SIGPIPE).
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  const int failed = posix_spawn(pid, "/bin/sh", &actions, &attributes, argv, envp.data());
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (failed) {
    close(fds[1]);
    return -1;
  }
  return fds[1];
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

bool show_in_pager(const std::string& command, std::string_view text) {
  pid_t pid = 0;
  const int fd = spawn_pager(command, &pid);
  if (fd < 0) return false;
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the pager quit before the end: it has what it wanted
    done += static_cast<std::size_t>(n);
  }
  close(fd);
  const int status = wait_for(pid);
  return !(WIFEXITED(status) && WEXITSTATUS(status) == 127);
}

namespace {

volatile sig_atomic_t pager_pid = 0;  // the pager standard output goes to, for the handler

// As git does: a signal that would end this process while the pager shows its output lets the
// pager finish first (the user may still be reading; Ctrl-C in less reaches both), then ends it.
extern "C" void end_after_pager(int signal) {
  close(STDOUT_FILENO);
  if (pager_pid > 0) {
    int status = 0;
    while (waitpid(static_cast<pid_t>(pager_pid), &status, 0) < 0 && errno == EINTR) {
    }
  }
  std::signal(signal, SIG_DFL);
  raise(signal);
}

}  // namespace

std::optional<Pager> Pager::start(const std::string& command) {
  pid_t pid = 0;
  const int fd = spawn_pager(command, &pid);
  if (fd < 0) return std::nullopt;
  if (dup2(fd, STDOUT_FILENO) < 0) {
    close(fd);
    wait_for(pid);
    return std::nullopt;
  }
  close(fd);
  pager_pid = pid;
  for (int signal : {SIGINT, SIGQUIT, SIGTERM, SIGHUP}) std::signal(signal, end_after_pager);
  return Pager(pid);
}

bool Pager::finish() {
  close(STDOUT_FILENO);
  const int status = wait_for(pid_);
  pager_pid = 0;
  return !(WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127));
}

}  // namespace morgue
