// Running a piece of work in a child process, with a time limit: what a crash or a hang in a
// library costs is that one piece of work, never the run.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace morgue {

struct Isolated {
  enum class Outcome {
    kDone,         // the work returned; `message` is what it returned
    kCrashed,      // the child ended by a signal (`signal`) or exited without an answer
    kTimedOut,     // the child had not answered within the limit and was killed
    kInterrupted,  // `interrupted` became true; the child was killed
  };
  Outcome outcome = Outcome::kCrashed;
  std::string message;
  int signal = 0;
};

// Runs `work` in a forked child and returns what it returned. The child resets the crash signals
// to their default actions, so a crash ends it whatever handlers the parent installed. The parent
// waits in tenths of a second, so that an interrupted run stops at once, and kills the child when
// `limit` has passed without an answer.
//
// A child forked from a process with other threads can hang on a lock one of them held at the
// fork (GCC 12's AddressSanitizer allocator is not fork-safe, for one), or crash on what such a
// lock guarded, so a child that runs out of time or crashes is followed by a new one, up to
// `attempts` children in all; the outcome is the last child's. The child keeps no file
// descriptor but the standard ones and its answer's pipe.
Isolated run_isolated(const std::function<std::string()>& work, std::chrono::milliseconds limit,
                      const std::atomic<bool>* interrupted = nullptr, int attempts = 2);

}  // namespace morgue
