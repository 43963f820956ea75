// morgue-search --interactive: a session that runs queries, pages through their hits, drills down
// by a facet value, goes back, and opens articles, one line at a time, from a terminal (line
// editing and history) or from any input (scripts and tests).
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "searcher/options.h"

namespace morgue {

// One line of the session. A line is a command when it starts with a colon or is one of the
// short forms (n, p, b, a number, f3, ?); any other line is a query.
struct Command {
  enum class Kind {
    kNothing,   // a blank line
    kQuery,     // text: the query
    kNext,      // n, :next: the next page of hits
    kPrevious,  // p, :prev
    kBack,      // b, :back: the query before this one
    kOpen,      // 3, :open 3: the article of this hit, in full
    kDrill,     // f3, :drill 3: this facet value's filter ANDed to the query
    kHelp,      // ?, :help
    kQuit,      // :q, :quit (and the end of input)
    kUnknown,   // text: a line that starts with a colon and is no command
  };
  Kind kind = Kind::kNothing;
  std::string text;
  std::size_t number = 0;  // kOpen: the hit's rank; kDrill: the facet value's number
};

Command parse_command(std::string_view line);

// `query` narrowed to the articles of `filter` (a facet entry's drilldown_filter): both, as query
// text the user can read, edit and run again.
std::string drill_down(std::string_view query, std::string_view filter);

// What :help shows.
extern const char* const kInteractiveHelp;

// The session, reading lines from the terminal when options.terminal, else from `in`; pages and
// articles to `out`, errors (a query that does not parse: the session goes on) to `err`. Returns
// the exit status: 0 when the session ends (:q or the end of input).
int run_interactive(const SearchOptions& options, std::istream& in, std::ostream& out,
                    std::ostream& err);

}  // namespace morgue
