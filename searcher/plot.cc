// --plot: the gnuplot script of a histogram, and gnuplot run on it without a shell or temp files.
#include "searcher/plot.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>
#include <vector>

#include "common/error.h"
#include "common/text.h"

extern char** environ;

namespace morgue {

std::optional<PlotFormat> plot_format_for(std::string_view path) {
  const std::string name = ascii_lower(path);
  auto ends_with = [&](std::string_view ext) {
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends_with(".svg")) return PlotFormat::kSvg;
  if (ends_with(".png")) return PlotFormat::kPng;
  return std::nullopt;
}

std::string gnuplot_string(std::string_view text) {
  static const char kOctal[] = "01234567";
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out += ' ';
    } else if (u >= 0x80 || c == ' ' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z')) {
      out += c;
    } else {
      // Four digits: gnuplot reads four after \0 (\0557 is an o), so \055 before a 7 would not do.
      out += {'\\', '0', kOctal[u >> 6], kOctal[(u >> 3) & 7], kOctal[u & 7]};
    }
  }
  return out + "\"";
}

std::string gnuplot_script(const HistogramCounts& h, const PlotLabels& labels, PlotFormat format) {
  // The table: periods down, groups across, in the order the rows come.
  std::vector<std::string> periods, groups;
  std::map<std::pair<std::string, std::string>, const HistogramRow*> cells;
  for (const HistogramRow& r : h.rows) {
    const std::string group = r.group.value_or("");
    if (periods.empty() || periods.back() != r.period) periods.push_back(r.period);
    if (std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
    cells[{r.period, group}] = &r;
  }
  if (groups.empty()) groups.push_back("");
  double peak = 0;
  std::ostringstream data;
  data << std::setprecision(10);
  for (const std::string& p : periods) {
    data << p;
    for (const std::string& g : groups) {
      auto it = cells.find({p, g});
      const HistogramRow* r = it == cells.end() ? nullptr : it->second;
      double y = r ? r->count : 0;
      if (labels.normalize) y = r && r->all && *r->all ? 100.0 * r->count / *r->all : NAN;
      if (!std::isnan(y)) peak = std::max(peak, y);
      data << ' ';
      if (std::isnan(y))
        data << "NaN";
      else
        data << y;
    }
    data << '\n';
  }

  const std::string period = to_string(labels.period);
  const std::string unit = labels.normalize ? "share of articles" : "articles";
  std::string title = labels.query + " (" + unit + " per " + period;
  if (labels.by) title += " by " + *labels.by;
  title += labels.normalize ? ", %)" : ")";
  const std::size_t step = std::max<std::size_t>(
      1, (periods.size() + kMaxPlotLabels - 1) / kMaxPlotLabels);  // every step-th period labelled

  std::ostringstream s;
  s << "# morgue-search --plot: " << periods.size() << " periods, " << groups.size() << " series\n";
  s << "set encoding utf8\n";
  if (format == PlotFormat::kSvg) {
    s << "set terminal svg size 960,540 dynamic noenhanced font 'sans,11'\n";
  } else {
    // gnuplot-nox has pngcairo (antialiased); a gnuplot built without cairo has only png.
    s << "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
         "  set terminal pngcairo size 960,540 noenhanced font 'sans,10'\n"
         "} else {\n"
         "  set terminal png size 960,540 noenhanced\n"
         "}\n";
  }
  s << "set title " << gnuplot_string(title) << '\n';
  s << "set xlabel " << gnuplot_string(period) << '\n';
  s << "set ylabel " << gnuplot_string(labels.normalize ? "share of articles (%)" : "articles")
    << '\n';
  s << "set xrange [-0.5:" << periods.size() << "-0.5]\n";
  s << "set yrange [0:*]\n";
  if (!labels.normalize && peak < 10) s << "set ytics 1\n";  // whole articles
  s << "set xtics rotate by -45 nomirror\n";
  s << "set grid ytics\n";
  s << "set key outside right top\n";
  s << "set boxwidth 0.8 relative\n";
  s << "set style fill solid 0.6 noborder\n";
  s << "$data << EOD\n" << data.str() << "EOD\n";
  s << "plot ";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    s << (i ? ", \\\n     '' " : "$data ") << "using 0:" << i + 2;
    if (i == 0) s << ":xtic(int($0) % " << step << " == 0 ? strcol(1) : '')";
    if (groups.size() == 1)
      s << " with boxes";
    else
      s << " with linespoints pointtype 7 pointsize 0.6";
    if (labels.by)
      s << " title " << gnuplot_string(groups[i]);
    else
      s << " notitle";
  }
  s << "\nunset output\n";
  return s.str();
}

namespace {

// A pipe whose ends close with it.
struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (pipe2(fd, O_CLOEXEC) != 0)
      throw Error(std::string("cannot make a pipe: ") + strerror(errno));
  }
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
  void close_end(int i) {
    if (fd[i] >= 0) close(fd[i]);
    fd[i] = -1;
  }
};

// While it lives, SIGPIPE is held back from this thread, and one raised meanwhile is taken away
// at the end: writing to a gnuplot that has quit then fails with EPIPE instead of ending the
// program (the unit tests do not ignore SIGPIPE as morgue-search does).
class HeldSigpipe {
 public:
  HeldSigpipe() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
  }
  ~HeldSigpipe() {
    if (!was_pending_) {
      const timespec now{0, 0};
      while (sigtimedwait(&pipe_, nullptr, &now) == SIGPIPE) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  HeldSigpipe(const HeldSigpipe&) = delete;
  HeldSigpipe& operator=(const HeldSigpipe&) = delete;

 private:
  sigset_t pipe_, old_;
  bool was_pending_ = false;
};

// The line of gnuplot's error output that says what went wrong: gnuplot echoes the failing
// command and a caret first, then '"-" line N: message'; another program's first line.
std::string error_line(const std::string& err) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    const auto start = line.find_first_not_of(" \t\r");
    if (start != std::string::npos) lines.push_back(line.substr(start));
  }
  for (const std::string& l : lines) {
    if (l.find("line ") != std::string::npos && l.find(": ") != std::string::npos) return l;
  }
  return lines.empty() ? "no error message" : lines.front();
}

}  // namespace

std::string run_gnuplot(const std::string& program, const std::string& script) {
  Pipe in, out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], STDERR_FILENO);
  // morgue-search ignores SIGPIPE; gnuplot gets the default back.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned == ENOENT)
    throw Error("--plot needs gnuplot, and " + program +
                " was not found: install the gnuplot-nox package");
  if (spawned != 0) throw Error("cannot run " + program + ": " + std::string(strerror(spawned)));
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);

  // Write the script while reading both outputs, so that neither side waits on a full pipe.
  fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  const HeldSigpipe held;
  std::string image, messages;
  std::size_t written = 0;
  if (script.empty()) in.close_end(1);
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    std::vector<pollfd> fds;
    if (in.fd[1] >= 0) fds.push_back({in.fd[1], POLLOUT, 0});
    if (out.fd[0] >= 0) fds.push_back({out.fd[0], POLLIN, 0});
    if (err.fd[0] >= 0) fds.push_back({err.fd[0], POLLIN, 0});
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (const pollfd& p : fds) {
      if (!p.revents) continue;
      if (p.fd == in.fd[1]) {
        const ssize_t n = write(p.fd, script.data() + written, script.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        // EPIPE: gnuplot stopped reading (it failed); its error output tells why.
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == script.size())
          in.close_end(1);
        continue;
      }
      char buffer[65536];
      const ssize_t n = read(p.fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0) {
        (p.fd == out.fd[0] ? out : err).close_end(0);
        continue;
      }
      (p.fd == out.fd[0] ? image : messages).append(buffer, static_cast<std::size_t>(n));
    }
  }
  in.close_end(1);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status))
    throw Error(program + " was killed by signal " + std::to_string(WTERMSIG(status)));
  if (WEXITSTATUS(status) != 0) throw Error("gnuplot failed: " + error_line(messages));
  if (image.empty()) throw Error("gnuplot wrote no image: " + error_line(messages));
  return image;
}

void draw_plot(const HistogramCounts& h, const PlotLabels& labels, const std::string& path,
               const std::string& program) {
  const std::optional<PlotFormat> format = plot_format_for(path);
  if (!format) throw Error("--plot " + path + ": the file name must end in .svg or .png");
  const std::string image = run_gnuplot(program, gnuplot_script(h, labels, *format));
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (file) file.write(image.data(), static_cast<std::streamsize>(image.size()));
  if (file) file.close();
  if (!file) throw Error("cannot write the plot to " + path + ": " + std::string(strerror(errno)));
}

}  // namespace morgue
