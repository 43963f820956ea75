// morgue-search: parses options into SearchOptions and calls run_search; maps errors to exit 2.
#include <sys/ioctl.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "common/checked_output.h"
#include "common/completion.h"
#include "common/config.h"
#include "common/error.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/complete.h"
#include "searcher/line_input.h"
#include "searcher/pager.h"
#include "searcher/search.h"
#include "version.h"

namespace po = boost::program_options;

namespace {

// The columns text output is laid out in: $COLUMNS when it is a number, else the terminal's
// width when standard output is one, else 80.
std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    const unsigned long n = std::strtoul(columns, &end, 10);
    if (*end == '\0' && n > 0 && n < 10000) return n;
  }
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 80;
}

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> out;
  std::string item;
  for (char c : list + ",") {
    if (c != ',') {
      if (c != ' ') item += c;
    } else if (!item.empty()) {
      out.push_back(item);
      item.clear();
    }
  }
  return out;
}

// A whole number for --NAME between `min` and `max`; anything else (a sign, a fraction, a number
// beyond the range) is a usage error that names the option and the range.
std::size_t whole_number(const char* name, const std::string& text, std::size_t min,
                         std::size_t max) {
  const std::string range =
      " takes a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  bool digits = !text.empty() && text.size() <= 19;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  const std::size_t n = digits ? std::stoull(text) : 0;
  if (!digits || n < min || n > max)
    throw po::error(std::string("--") + name + range + ", not '" + text + "'");
  return n;
}

// The values of the options that take one of a few words, as completions offer them (the checks
// in main accept each: cli.Install tries them).
const std::vector<std::string> kSorts = {"relevance", "date", "-date"};
const std::vector<std::string> kFormats = {"text", "json", "jsonl", "csv", "tsv"};
const std::vector<std::string> kColours = {"auto", "always", "never"};
const std::vector<std::string> kPeriods = {"day", "week", "month", "year"};

// --completion SHELL: the script that completes this program's options (the table `visible`),
// their values, field names and, through --complete-values, the database's values of a field.
std::string completion(const po::options_description& visible, morgue::Shell shell) {
  using morgue::ValueKind;
  std::vector<std::string> facet_fields, by_fields;
  morgue::CompletionSpec spec;
  for (const morgue::Field& f : morgue::fields()) {
    spec.query_fields.emplace_back(f.name);
    if (f.kind != morgue::FieldKind::kName) spec.valueless_fields.emplace_back(f.name);
    if (f.slot) facet_fields.emplace_back(f.name);
    if (f.slot && f.kind == morgue::FieldKind::kName) by_fields.emplace_back(f.name);
  }
  spec.program = "morgue-search";
  spec.query_operands = true;
  spec.options = morgue::completion_options(
      visible, {{"db", {ValueKind::kPath, {}}},
                {"sort", {ValueKind::kWords, kSorts}},
                {"format", {ValueKind::kWords, kFormats}},
                {"color", {ValueKind::kWords, kColours}},
                {"facets", {ValueKind::kWordList, facet_fields}},
                {"histogram", {ValueKind::kWords, kPeriods}},
                {"by", {ValueKind::kWords, by_fields}},
                {"unit", {ValueKind::kWords, {"articles", "copies", "stories"}}},
                {"collapse", {ValueKind::kWords, {"copies", "stories"}}},
                {"batch", {ValueKind::kFile, {}}},
                {"plot", {ValueKind::kFile, {}}},
                {"kwic", {ValueKind::kAttached, {}}},
                {"names", {ValueKind::kAttached, {}}},
                {"story", {ValueKind::kAny, {}}},
                {"like", {ValueKind::kAny, {}}}});
  return morgue::completion_script(spec, shell);
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  morgue::SearchOptions options;
  std::string sort = "relevance", format = "text", colour = "auto";
  bool no_pager = false;
  std::string facets, histogram, from, to, fields, bm25, langs,
      limit = "10", offset = "0", facet_limit = "10", kwic, unit, collapse, story, names;
  std::vector<std::string> words;
  po::options_description visible(
      "Usage: morgue-search [--db PATH] [options] QUERY...\n"
      "       morgue-search -i [--db PATH] [options] [QUERY...]\n"
      "Search a morgue database. The words are joined into one query: words (all must\n"
      "match), \"phrases\", AND OR NOT NEAR, wildcard*, +must -mustnot, * for every\n"
      "article, and the fields title: outlet: person: place: org: author: cited: url:\n"
      "id: path: copy: story: and date:2025, date:2025-03, date:2025-03-26,\n"
      "date:2025-03-01..2025-03-31, date:..2025-03, date:2025-03..\n"
      "Counts, facets, histograms and batch tables count articles; --unit copies counts\n"
      "each text once however often it ran, --unit stories each event once however many\n"
      "wrote it: morgue-search --unit stories --facets outlet strike\n"
      "Defaults may be set in $XDG_CONFIG_HOME/morgue/config (see man morgue-search).\n\nOptions");
  visible.add_options()("help,h", "show this help and exit")("version",
                                                             "show the version and exit")(
      "interactive,i", po::bool_switch(&options.interactive),
      "a session: type queries, page through hits (n, p), open one (3), drill down by a facet "
      "value (f3), go back (b); :help in the session lists the commands")(
      "db",
      po::value<std::string>(&options.db)
          ->default_value(morgue::default_db(std::getenv("MORGUE_DB")),
                          "$MORGUE_DB, the config's db or ./morgue.db"),
      "database directory, or a Xapian stub file listing shards")(
      "any", po::bool_switch(&options.any),
      "bare words are optional (OR), ranked like a search box")(
      "lang", po::value<std::string>(&langs),
      "CODE[,CODE]: stem the query's words in these languages only (ISO 639-1 codes or names), "
      "not in every language of the database; filter with lang: too to keep their articles only")(
      "bm25", po::value<std::string>(&bm25), "BM25 parameters K1,B (default 1.2,0.75)")(
      "sort", po::value<std::string>(&sort)->default_value("relevance"),
      "relevance, date or -date (newest first)")(
      "limit,n", po::value<std::string>(&limit)->default_value("10"),
      "show at most N hits (0 to 100000)")(
      "offset", po::value<std::string>(&offset)->default_value("0"), "skip the first N hits")(
      "format,f", po::value<std::string>(&format)->default_value("text"),
      "text, json, jsonl, csv or tsv")(
      "color", po::value<std::string>(&colour)->default_value("auto"),
      "auto (on a terminal, unless NO_COLOR is set), always or never")(
      "no-pager", po::bool_switch(&no_pager),
      "write to the terminal directly, not through $MORGUE_PAGER, $PAGER or less")(
      "raw-csv", po::bool_switch(&options.raw_csv),
      "write CSV and TSV cells as they are (by default a cell starting with = + - @ gets a ' in "
      "front, so a spreadsheet shows it instead of running it)")(
      "allow-remote-programs", po::bool_switch(&options.allow_remote_programs),
      "let a stub file start \"remote :PROGRAM\" shards (off: a database path must not run code)");
  po::options_description research("Research (exact counts over every match)");
  research.add_options()("count", po::bool_switch(&options.count),
                         "print only the exact number of matching articles (or --unit)")(
      "unit", po::value<std::string>(&unit)->default_value("articles"),
      "what counts, facets, histograms and batch tables count: articles, copies (a group of "
      "copies of one text counts once) or stories (the articles about one event count once)")(
      "collapse", po::value<std::string>(&collapse),
      "copies or stories: show one hit per copy group or story, with the number of its other "
      "matching articles; the total counts groups")(
      "facets", po::value<std::string>(&facets),
      "count values of these fields, comma-separated: outlet, person, place, org, author, cited, "
      "date")("facet-limit", po::value<std::string>(&facet_limit)->default_value("10"),
              "show the N most frequent values (0: all); also the groups of --by")(
      "histogram", po::value<std::string>(&histogram),
      "count matches per day, week (ISO), month or year, every period shown")(
      "by", po::value<std::string>(),
      "split each histogram period by this field (outlet, person, place, ...)")(
      "normalize", po::bool_switch(&options.normalize),
      "add each count's share of all articles of its period (and group)")(
      "plot", po::value<std::string>()->value_name("FILE"),
      "draw the histogram with gnuplot into FILE.svg or FILE.png (the counts still go to "
      "standard output)")(
      "from", po::value<std::string>(&from),
      "histogram start (YYYY, YYYY-MM or YYYY-MM-DD; default: the first match)")(
      "to", po::value<std::string>(&to), "histogram end (default: the last match)")(
      "batch", po::value<std::string>(),
      "answer every query of FILE (- for standard input), one a line or NAME<TAB>QUERY")(
      "timings", po::bool_switch(&options.timings),
      "with --batch in JSON: the milliseconds each query took (elapsed_ms)")(
      "export", po::bool_switch(&options.export_all),
      "stream every matching article (no cap) as csv, tsv or jsonl")(
      "coverage", po::bool_switch(&options.coverage),
      "the stories of the matching articles (most matches first, --limit of them), each with every "
      "one of its articles by date, its outlet, and whether it ran its own text or a copy")(
      "story", po::value<std::string>(&story)->value_name("ID"),
      "the coverage of story ID (--coverage for the query story:ID)")(
      "like", po::value<std::string>()->value_name("ID"),
      "the articles most like article ID, by the words that tell it best from the others (within "
      "QUERY, if given)")(
      "list-fields", po::bool_switch(&options.list_fields),
      "list the fields queries and facets can name in this database (morgue's own and those "
      "declared with morgue-index --field), with how many articles have each")(
      "names", po::value<std::string>(&names)->value_name("[=FIELDS]"),
      "list the names of the archive (or of the articles QUERY matches) as the index files them: "
      "each entity with the variants it is written as and their articles, and the merges the "
      "archive's evidence suggests (not made): a codebook to edit for morgue-index --names "
      "(FIELDS: comma-separated; --names alone: person,place,org)")(
      "fields", po::value<std::string>(&fields),
      "export columns, comma-separated (default: "
      "id, date, outlet, title, url, people, places, organizations, authors)")(
      "kwic", po::value<std::string>(&kwic)->value_name("[=WIDTH]"),
      "every occurrence of the query's words and phrases in context, WIDTH characters each side (1 "
      "to 1000; --kwic alone: 40)");
  visible.add(research);
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::vector<std::string>>(&words))(
      "completion", po::value<std::string>(), "print the completion script for bash, zsh or fish")(
      "complete-values", po::value<std::vector<std::string>>()->multitoken(),
      "FIELD PREFIX: print the field's values that start with PREFIX, for completion (FIELD ':': "
      "the names of the fields the database declares)");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  // "--kwic" alone takes its default width; without this, Boost would read the next word (the
  // query) as the width.
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::string& a : args) {
    if (a == "--kwic") a = "--kwic=40";
    if (a == "--names") a = "--names=person,place,org";
  }
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << visible << "\nExit status: 0 at least one hit, 1 no hits, 2 error.\n";
      return morgue::finish_standard_output("morgue-search");
    }
    if (vm.count("version")) {
      std::cout << "morgue-search " << morgue::kVersion << " (Xapian " << Xapian::version_string()
                << ")\n";
      return morgue::finish_standard_output("morgue-search");
    }
    if (vm.count("completion")) {
      const std::string name = vm["completion"].as<std::string>();
      const std::optional<morgue::Shell> shell = morgue::shell_from(name);
      if (!shell) throw po::error("--completion must be bash, zsh or fish, not '" + name + "'");
      std::cout << completion(visible, *shell);
      return morgue::finish_standard_output("morgue-search");
    }
    morgue::store_config_from_environment("morgue-search", visible, vm);
    if (vm.count("complete-values")) {
      // Run by the completion scripts as the user types: a failure prints nothing.
      auto field_and_prefix = vm["complete-values"].as<std::vector<std::string>>();
      field_and_prefix.resize(std::max<std::size_t>(field_and_prefix.size(), 2));
      try {
        const std::string& db = vm["db"].as<std::string>();
        const std::size_t written =
            field_and_prefix[0] == ":"  // field names, not values
                ? morgue::complete_field_names(db, field_and_prefix[1], std::cout)
                : morgue::complete_values(db, field_and_prefix[0], field_and_prefix[1], std::cout);
        if (!morgue::flush_standard_output()) return morgue::kSearchError;  // silently too
        return written > 0 ? morgue::kSearchHits : morgue::kSearchNoHits;
      } catch (...) {
        return morgue::kSearchError;
      }
    }
    po::notify(vm);
    options.query = joined(words);
    if (vm.count("like")) options.like = vm["like"].as<std::string>();
    if (!story.empty()) {
      if (!options.query.empty())
        throw po::error("--story ID lists that story: give no QUERY (or use --coverage QUERY)");
      if (story.find_first_of(" \t\"") != std::string::npos)
        throw po::error("--story: '" + story + "' is no story id");
      options.query = "story:" + story;
      options.coverage = true;
    }
    options.limit = whole_number("limit", limit, 0, morgue::kMaxLimit);
    options.offset = whole_number("offset", offset, 0, morgue::kMaxOffset);
    options.facet_limit = whole_number("facet-limit", facet_limit, 0, morgue::kMaxFacetLimit);
    options.limit_given = !vm["limit"].defaulted();
    options.facet_limit_given = !vm["facet-limit"].defaulted();
    options.sort_given = !vm["sort"].defaulted();
    if (vm.count("by")) options.by = vm["by"].as<std::string>();
    if (vm.count("plot")) options.plot = vm["plot"].as<std::string>();
    if (const char* gnuplot = std::getenv("MORGUE_GNUPLOT"); gnuplot && *gnuplot)
      options.gnuplot = gnuplot;
    if (vm.count("batch")) options.batch = vm["batch"].as<std::string>();
    if (vm.count("names")) {
      options.names = split_commas(names);
      if (options.names->empty()) throw po::error("--names: no field given");
    }
    if (vm.count("kwic")) options.kwic = whole_number("kwic", kwic, 1, morgue::kMaxKwicWidth);
    if (!bm25.empty()) {
      auto parts = split_commas(bm25);
      try {
        if (parts.size() != 2) throw std::invalid_argument("two numbers");
        options.bm25_k1 = std::stod(parts[0]);
        options.bm25_b = std::stod(parts[1]);
      } catch (const std::exception&) {
        throw po::error("--bm25 takes K1,B, for example 1.2,0.75");
      }
      if (options.bm25_k1 < 0 || options.bm25_b < 0 || options.bm25_b > 1)
        throw po::error("--bm25: K1 must be at least 0 and B between 0 and 1");
    }
    for (const std::string& name : split_commas(langs)) {
      const std::string code = morgue::language_code(name);
      if (code.empty())
        throw po::error("--lang " + name + ": not a language code (ISO 639-1, such as de) or name");
      if (std::find(options.langs.begin(), options.langs.end(), code) == options.langs.end())
        options.langs.push_back(code);
    }
    options.facets = split_commas(facets);
    options.fields = split_commas(fields);
    if (!histogram.empty()) {
      options.histogram = morgue::period_from_string(histogram);
      if (!options.histogram)
        throw po::error("--histogram must be day, week, month or year, not '" + histogram + "'");
    }
    if (!from.empty() && !(options.from = morgue::parse_iso_date(from)))
      throw po::error("--from: invalid date '" + from + "'");
    if (!to.empty() && !(options.to = morgue::parse_iso_date(to)))
      throw po::error("--to: invalid date '" + to + "'");
    if (auto u = morgue::unit_from_string(unit))
      options.unit = *u;
    else
      throw po::error("--unit must be articles, copies or stories, not '" + unit + "'");
    if (!collapse.empty()) {
      const auto c = morgue::unit_from_string(collapse);
      if (!c || *c == morgue::Unit::kArticles)
        throw po::error("--collapse must be copies or stories, not '" + collapse + "'");
      options.collapse = *c;
    }
    if (sort == "relevance")
      options.sort = morgue::SortOrder::kRelevance;
    else if (sort == "date")
      options.sort = morgue::SortOrder::kDateAscending;
    else if (sort == "-date")
      options.sort = morgue::SortOrder::kDateDescending;
    else
      throw po::error("--sort must be relevance, date or -date, not '" + sort + "'");
    auto f = morgue::output_format_from(format);
    if (!f) throw po::error("--format must be text, json, jsonl, csv or tsv, not '" + format + "'");
    options.format = *f;
    const char* no_colour = std::getenv("NO_COLOR");
    if (colour == "always")
      options.colour = true;
    else if (colour == "never")
      options.colour = false;
    else if (colour == "auto")
      options.colour = isatty(STDOUT_FILENO) && !(no_colour && *no_colour);
    else
      throw po::error("--color must be auto, always or never, not '" + colour + "'");
    if (no_colour && *no_colour) options.colour = false;
    options.width = terminal_width();
    if (options.interactive) {
      options.terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
      if (options.terminal)
        options.history_file =
            morgue::history_path(std::getenv("XDG_STATE_HOME"), std::getenv("HOME"));
      if (isatty(STDOUT_FILENO))
        options.pager = morgue::pager_command(std::getenv("MORGUE_PAGER"), std::getenv("PAGER"),
                                              std::getenv("PATH"))
                            .value_or("");
    }
  } catch (const po::error& e) {
    // --complete-values runs as the user types: a failure prints nothing.
    if (std::find(args.begin(), args.end(), "--complete-values") != args.end())
      return morgue::kSearchError;
    std::cerr << "morgue-search: error: " << morgue::terminal_safe(e.what()) << " (see --help)\n";
    return morgue::kSearchError;
  }
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error, told apart below
  std::optional<morgue::Pager> pager;
  std::string pager_command;
  if (!no_pager && !options.interactive && isatty(STDOUT_FILENO)) {  // a session pages itself
    pager_command = morgue::pager_command(std::getenv("MORGUE_PAGER"), std::getenv("PAGER"),
                                          std::getenv("PATH"))
                        .value_or("");
    if (!pager_command.empty()) pager = morgue::Pager::start(pager_command);
  }
  int status = morgue::kSearchError;
  {
    morgue::CheckedOutput stdout_buffer(STDOUT_FILENO, "the results");
    std::ostream out(&stdout_buffer);
    out.exceptions(
        std::ios::badbit);  // results reach the disk or the pipe in full, or the run says so
    try {
      const int answered = morgue::run_search(options, std::cin, out, std::cerr);
      out.flush();  // may throw: the status is the answer's only once the output is out
      status = answered;
    } catch (const morgue::OutputError& e) {
      // A closed pipe (| head, or the pager quit): the reader has what it wanted.
      if (e.broken_pipe())
        status = morgue::kSearchHits;
      else
        std::cerr << "morgue-search: error: " << morgue::terminal_safe(e.what()) << '\n';
    } catch (const morgue::Error& e) {
      std::cerr << "morgue-search: error: " << morgue::terminal_safe(e.what()) << '\n';
    } catch (const Xapian::Error& e) {
      std::cerr << "morgue-search: error: " << morgue::terminal_safe(e.get_description()) << '\n';
    } catch (const std::exception& e) {
      std::cerr << "morgue-search: error: " << morgue::terminal_safe(e.what()) << '\n';
    }
  }
  if (pager && !pager->finish()) {
    std::cerr << "morgue-search: error: the pager '" << pager_command
              << "' could not be run (--no-pager, or set MORGUE_PAGER)\n";
    status = morgue::kSearchError;
  }
  return status;
}
