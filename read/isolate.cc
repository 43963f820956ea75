// A child process per piece of work: fork, a pipe for the answer, a deadline and a kill.
#include "read/isolate.h"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <exception>

namespace morgue {

namespace {

// In the child: write all of `message` to `fd`; false when the pipe is gone.
bool write_all(int fd, const std::string& message) {
  const char* p = message.data();
  std::size_t left = message.size();
  while (left > 0) {
    const ssize_t n = write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

// One child.
Isolated run_once(const std::function<std::string()>& work, std::chrono::milliseconds limit,
                  const std::atomic<bool>* interrupted) {
  Isolated result;
  int fds[2];
  if (pipe(fds) != 0) {  // no child to be had: the work runs here
    result.outcome = Isolated::Outcome::kDone;
    result.message = work();
    return result;
  }
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    result.outcome = Isolated::Outcome::kDone;
    result.message = work();
    return result;
  }
  if (pid == 0) {
    // Only the answer's pipe stays open: a pipe of another thread's child, inherited here, would
    // keep that child's parent from seeing the end of its answer until this child ends.
    close_range(3, static_cast<unsigned>(fds[1]) - 1, 0);
    close_range(static_cast<unsigned>(fds[1]) + 1, ~0U, 0);
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    // The answer is framed by a leading '+', so that a child that dies before it has written
    // anything is told from one that answered with nothing.
    std::string message = "+";
    try {
      message += work();
    } catch (...) {
      _exit(2);  // `work` is to catch what it expects; anything else is a failure of the child
    }
    _exit(write_all(fds[1], message) ? 0 : 1);  // no destructors, no flushing of parent buffers
  }
  close(fds[1]);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::string answer;
  char buffer[65536];
  bool killed = false;
  for (;;) {
    pollfd ready{fds[0], POLLIN, 0};
    const int polled = poll(&ready, 1, 100);
    if (interrupted && *interrupted) {
      result.outcome = Isolated::Outcome::kInterrupted;
      killed = true;
    } else if (std::chrono::steady_clock::now() >= deadline) {
      result.outcome = Isolated::Outcome::kTimedOut;
      killed = true;
    }
    if (killed) {
      kill(pid, SIGKILL);
      break;
    }
    if (polled == 0 || (polled < 0 && errno == EINTR)) continue;
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (killed) return result;
  if (WIFSIGNALED(status)) {
    result.outcome = Isolated::Outcome::kCrashed;
    result.signal = WTERMSIG(status);
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !answer.empty() && answer[0] == '+') {
    result.outcome = Isolated::Outcome::kDone;
    result.message = answer.substr(1);
  } else {
    result.outcome = Isolated::Outcome::kCrashed;
  }
  return result;
}

}  // namespace

Isolated run_isolated(const std::function<std::string()>& work, std::chrono::milliseconds limit,
                      const std::atomic<bool>* interrupted, int attempts) {
  Isolated result;
  for (int attempt = 0; attempt < std::max(attempts, 1); ++attempt) {
    result = run_once(work, limit, interrupted);
    if (result.outcome == Isolated::Outcome::kDone ||
        result.outcome == Isolated::Outcome::kInterrupted)
      break;
  }
  return result;
}

}  // namespace morgue
