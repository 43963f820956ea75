// The interactive session: the current query and page, a stack of earlier queries, commands.
#include "searcher/interactive.h"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include "common/checked_output.h"
#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/line_input.h"
#include "searcher/output.h"
#include "searcher/pager.h"
#include "searcher/search.h"

namespace morgue {

const char* const kInteractiveHelp =
    "A line that is no command is a query (the query language of morgue-search).\n"
    "  n, :next         the next page of hits\n"
    "  p, :prev         the previous page\n"
    "  3, :open 3       hit 3 in full (through $MORGUE_PAGER or $PAGER on a terminal)\n"
    "  f3, :drill 3     only the articles of facet value f3: its filter ANDed to the query\n"
    "  b, :back         back to the query before (drill-downs and queries are a stack)\n"
    "  :s QUERY         search for QUERY even where it looks like a command (:s 1987)\n"
    "  ?, :help         this help\n"
    "  :q, :quit        end the session (so does Ctrl-D)\n";

namespace {

// A whole number of at most nine digits, or nullopt.
std::optional<std::size_t> whole_number(std::string_view s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  return static_cast<std::size_t>(std::stoul(std::string(s)));
}

Command command(Command::Kind kind, std::size_t number = 0) {
  Command c;
  c.kind = kind;
  c.number = number;
  return c;
}

}  // namespace

Command parse_command(std::string_view line) {
  using Kind = Command::Kind;
  const std::string_view t = trim(line);
  if (t.empty()) return command(Kind::kNothing);
  if (t == "n") return command(Kind::kNext);
  if (t == "p") return command(Kind::kPrevious);
  if (t == "b") return command(Kind::kBack);
  if (t == "?") return command(Kind::kHelp);
  if (auto n = whole_number(t)) return command(Kind::kOpen, *n);
  if (t.size() > 1 && t[0] == 'f') {
    if (auto n = whole_number(t.substr(1))) return command(Kind::kDrill, *n);
  }
  if (t[0] != ':') {
    Command c = command(Kind::kQuery);
    c.text = std::string(t);
    return c;
  }
  // :NAME [ARGUMENT]
  const std::size_t space = t.find(' ');
  const std::string_view name = t.substr(1, space == std::string_view::npos ? t.npos : space - 1);
  const std::string_view argument =
      space == std::string_view::npos ? std::string_view() : trim(t.substr(space));
  if (argument.empty()) {
    if (name == "q" || name == "quit" || name == "exit") return command(Kind::kQuit);
    if (name == "help" || name == "h") return command(Kind::kHelp);
    if (name == "next" || name == "n") return command(Kind::kNext);
    if (name == "prev" || name == "previous" || name == "p") return command(Kind::kPrevious);
    if (name == "back" || name == "b") return command(Kind::kBack);
    if (name.size() > 1 && name[0] == 'f') {
      if (auto n = whole_number(name.substr(1))) return command(Kind::kDrill, *n);
    }
    if (auto n = whole_number(name)) return command(Kind::kOpen, *n);
  } else {
    if (name == "s" || name == "search") {
      Command c = command(Kind::kQuery);
      c.text = std::string(argument);
      return c;
    }
    if (name == "open" || name == "o") {
      if (auto n = whole_number(argument)) return command(Kind::kOpen, *n);
    }
    if (name == "drill" || name == "d") {
      std::string_view number = argument;
      if (number.size() > 1 && number[0] == 'f') number.remove_prefix(1);
      if (auto n = whole_number(number)) return command(Kind::kDrill, *n);
    }
  }
  Command c = command(Kind::kUnknown);
  c.text = std::string(t);
  return c;
}

std::string drill_down(std::string_view query, std::string_view filter) {
  const std::string_view q = trim(query);
  if (q.empty() || q == "*") return std::string(filter);
  // AND rather than side by side: with --any, words side by side are optional, a filter is not;
  // AND keeps both required whatever the query holds.
  return "(" + std::string(q) + ") AND " + std::string(filter);
}

namespace {

constexpr const char* kPrompt = "morgue> ";

// What the session shows by default: the fields a reader drills down by, a few values each.
const std::vector<std::string> kDefaultFacets = {"outlet", "person", "place"};
constexpr std::size_t kDefaultFacetLimit = 5;

SearchOptions session_options(SearchOptions o) {
  if (o.facets.empty()) o.facets = kDefaultFacets;
  if (!o.facet_limit_given) o.facet_limit = kDefaultFacetLimit;
  return o;
}

class Session {
 public:
  Session(const SearchOptions& options, std::ostream& out, std::ostream& err)
      : o_(session_options(options)),
        out_(out),
        err_(err),
        search_(o_, out, err),
        output_(o_, out) {}

  int run(LineInput& input) {
    if (!o_.query.empty()) guarded([&] { show({o_.query, o_.offset}); });
    while (std::optional<std::string> line = input.read(kPrompt)) {
      const Command c = parse_command(*line);
      if (c.kind == Command::Kind::kNothing) continue;
      input.remember(*line);
      if (c.kind == Command::Kind::kQuit) return kSearchHits;
      guarded([&] { handle(c, input); });
      out_.flush();
    }
    out_ << '\n';  // after the last prompt
    return kSearchHits;
  }

 private:
  struct View {
    std::string query;
    std::size_t offset = 0;
  };

  // Runs `f`; an error in what it does is said and the session goes on, but for output that can
  // no longer be written (a closed pipe, a full disk), which ends the session.
  template <typename F>
  void guarded(F&& f) {
    try {
      f();
    } catch (const OutputError&) {
      throw;
    } catch (const Error& e) {
      err_ << "morgue-search: error: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
      err_ << "morgue-search: error: " << e.get_description() << '\n';
    }
    out_.flush();
  }

  void say(const std::string& text) { out_ << text << '\n'; }

  void handle(const Command& c, LineInput& input) {
    using Kind = Command::Kind;
    switch (c.kind) {
      case Kind::kQuery:
        return run_query(c.text);
      case Kind::kHelp:
        out_ << kInteractiveHelp;
        return;
      case Kind::kUnknown:
        return say("unknown command " + terminal_safe(c.text) + " (:help lists the commands)");
      case Kind::kNothing:
      case Kind::kQuit:
        return;
      default:
        break;
    }
    if (!current_) return say("no query yet: type one (:help lists the commands)");
    switch (c.kind) {
      case Kind::kNext:
        if (o_.limit == 0 || current_->offset + o_.limit >= page_.total)
          return say("no next page: this is the last");
        return show({current_->query, current_->offset + o_.limit});
      case Kind::kPrevious:
        if (current_->offset == 0) return say("no previous page: this is the first");
        return show({current_->query, current_->offset - std::min(o_.limit, current_->offset)});
      case Kind::kBack:
        if (back_.empty()) return say("no query before this one");
        show(back_.back());
        back_.pop_back();
        return;
      case Kind::kOpen:
        return open(c.number);
      case Kind::kDrill: {
        const FacetEntry* e = facet(c.number);
        if (!e) return say("no facet value f" + std::to_string(c.number) + " on this page");
        // With --any, a query that is not well formed is built on as its words (reading()).
        const std::string query = drill_down(search_.reading(current_->query), e->filter);
        input.remember(query);  // to edit and run again
        return run_query(query);
      }
      default:
        return;
    }
  }

  // A new query: the current one goes on the stack once the new one has an answer.
  void run_query(const std::string& text) {
    std::optional<View> before = current_;
    show({text, 0});
    if (before) back_.push_back(*before);
  }

  void show(const View& v) {
    Answer a = search_.answer(v.query, v.offset, o_.limit);
    page_ = std::move(a);
    current_ = v;
    output_.set_width(width());
    output_.page(page_);
  }

  // The facet value numbered `number` on the page (Output::page numbers them in this order).
  const FacetEntry* facet(std::size_t number) const {
    for (const FacetCounts& f : page_.facets) {
      if (number >= 1 && number <= f.entries.size()) return &f.entries[number - 1];
      number -= std::min(number, f.entries.size());
    }
    return nullptr;
  }

  void open(std::size_t rank) {
    std::string id;
    for (const Hit& h : page_.hits) {
      if (h.rank == rank) id = h.record.value(kRecordId, "");
    }
    if (id.empty()) {
      if (rank == 0 || rank > page_.total)
        return say("no hit " + std::to_string(rank) + ": this query has " +
                   std::to_string(page_.total) + " (:s " + std::to_string(rank) +
                   " searches for the number)");
      const Answer one = search_.answer(current_->query, rank - 1, 1);
      if (one.hits.empty()) return say("hit " + std::to_string(rank) + " is gone");
      id = one.hits.front().record.value(kRecordId, "");
    }
    const std::optional<nlohmann::json> record = search_.article(id);
    if (!record) return say("the article " + terminal_safe(id) + " is no longer in the database");
    std::ostringstream text;
    Output view(o_, text);
    view.set_width(width());
    view.article(*record);
    if (!o_.pager.empty() && through_pager(text.str())) return;
    out_ << text.str();
  }

  // Shows `text` through the pager command (run by /bin/sh, as git and man do); false when it
  // cannot be started, so that the text is printed instead.
  bool through_pager(const std::string& text) {
    out_.flush();
    // Ctrl-C in the pager is the pager's: the session goes on.
    struct sigaction ignore {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ignore, &previous);
    const bool shown = show_in_pager(o_.pager, text);
    sigaction(SIGINT, &previous, nullptr);
    if (!shown) err_ << "morgue-search: warning: the pager '" << o_.pager << "' did not start\n";
    return shown;
  }

  // The terminal's width, read for each page (the window may have changed); 0 off a terminal.
  std::size_t width() const {
    if (!o_.terminal) return 0;  // the options' width: $COLUMNS, else 80
    winsize w{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) != 0 || w.ws_col == 0) return 0;
    return w.ws_col;
  }

  const SearchOptions o_;
  std::ostream& out_;
  std::ostream& err_;
  SearchSession search_;
  Output output_;
  std::optional<View> current_;
  Answer page_;
  std::vector<View> back_;
};

}  // namespace

int run_interactive(const SearchOptions& options, std::istream& in, std::ostream& out,
                    std::ostream& err) {
  Session session(options, out, err);
  std::unique_ptr<LineInput> input;
  if (options.terminal)
    input = std::make_unique<TerminalInput>("morgue-search", options.history_file, err);
  else
    input = std::make_unique<StreamInput>(in, out);
  return session.run(*input);
}

}  // namespace morgue
