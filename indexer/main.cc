// morgue-index: parses options into IndexOptions and calls run_index; maps errors to exit 2.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <xapian.h>

#include "common/error.h"
#include "indexer/indexer.h"
#include "version.h"

namespace po = boost::program_options;

namespace {

void on_interrupt(int) { morgue::g_index_interrupted = true; }

// Where iso-codes keeps its JSON files (Debian's package), unless MORGUE_ISO_CODES says otherwise.
std::string iso_codes_folder() {
  const char* env = std::getenv("MORGUE_ISO_CODES");
  return env && *env ? env : "/usr/share/iso-codes/json";
}

std::string default_db() {
  const char* env = std::getenv("MORGUE_DB");
  return env && *env ? env : "./morgue.db";
}

}  // namespace

int main(int argc, char** argv) {
  morgue::IndexOptions options;
  std::size_t max_mib = 64;
  po::options_description visible(
      "Usage: morgue-index [--db PATH] [options] INPUT...\n"
      "Index news articles (.txt, .json, .jsonl/.ndjson, .html/.htm files; directories are\n"
      "recursed; - reads JSON Lines from standard input) into a morgue database.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("db", po::value<std::string>(&options.db)->default_value(default_db(), "$MORGUE_DB or ./morgue.db"),
       "database directory to create or update")
      ("wait", po::bool_switch(&options.wait), "if another indexer holds the database, wait for it instead of failing")
      ("prune", po::bool_switch(&options.prune), "remove articles whose source file is gone (or no longer holds them)")
      ("extract-only", po::bool_switch(&options.extract_only),
       "write no database: print one JSON line per article with what would be indexed")
      ("no-extract", "do not extract missing metadata from the text")
      ("jobs,j", po::value<unsigned>(&options.jobs)->default_value(std::max(1u, std::thread::hardware_concurrency())),
       "threads that read, extract and build documents (default: the number of cores); a first "
       "build into a new database writes one shard per thread and compacts them")
      ("commit-every", po::value<std::size_t>(&options.commit_every)->default_value(2000),
       "commit after this many added or changed articles")
      ("max-article-size", po::value<std::size_t>(&max_mib)->default_value(64),
       "skip articles larger than this many MiB");
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(&options.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << visible << "\nExit status: 0 all indexed, 1 some inputs skipped, 2 usage or fatal error,\n"
                              "130 interrupted (what was done is committed).\n";
      return 0;
    }
    if (vm.count("version")) {
      std::cout << "morgue-index " << morgue::kVersion << " (Xapian " << Xapian::version_string() << ")\n";
      return 0;
    }
    po::notify(vm);
    options.extract = !vm.count("no-extract");
    if (options.inputs.empty()) throw po::error("no INPUT given (a file, a directory or -)");
    if (options.commit_every == 0) throw po::error("--commit-every must be at least 1");
    if (options.jobs == 0) throw po::error("--jobs must be at least 1");
    if (max_mib == 0) throw po::error("--max-article-size must be at least 1");
    options.read.max_article_bytes = max_mib << 20;
  } catch (const po::error& e) {
    std::cerr << "morgue-index: error: " << e.what() << " (see --help)\n";
    return morgue::kIndexFatal;
  }
  options.progress = isatty(STDERR_FILENO);
  options.places = morgue::PlaceTable(morgue::load_countries(iso_codes_folder()));
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return morgue::run_index(options, std::cin, std::cout, std::cerr);
  } catch (const morgue::Error& e) {
    std::cerr << "morgue-index: error: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "morgue-index: error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "morgue-index: error: " << e.what() << '\n';
  }
  return morgue::kIndexFatal;
}
