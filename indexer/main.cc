// morgue-index: parses options into IndexOptions and calls run_index; maps errors to exit 2.
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "common/checked_output.h"
#include "common/completion.h"
#include "common/config.h"
#include "common/error.h"
#include "common/language.h"
#include "common/text.h"
#include "indexer/indexer.h"
#include "indexer/store.h"
#include "version.h"

namespace po = boost::program_options;

namespace {

void on_interrupt(int) { morgue::g_index_interrupted = true; }

// The last resort: an exception where none may pass (Xapian 1.4 throws one through a noexcept
// frame when a disk fills up during a first build) is one line and exit 2, not an abort, and what
// the first build was making is removed.
[[noreturn]] void on_terminate() {
  static std::mutex once;  // a second thread that gets here waits for the first to end the process
  once.lock();
  // (Xapian 1.4 can also rethrow where no exception is active, on a failed commit.)
  std::string what = "writing the database failed, and Xapian did not say why (is the disk full?)";
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const Xapian::Error& x) {
      what = x.get_description();
    } catch (const std::exception& x) {
      what = x.what();
    } catch (...) {
    }
  }
  const std::string disk = morgue::remove_unfinished_build();
  if (!disk.empty() && what.find(disk) == std::string::npos) what += " (" + disk + ")";
  const std::string line = "morgue-index: error: " + what + "\n";
  (void)!::write(STDERR_FILENO, line.data(), line.size());
  ::_exit(morgue::kIndexFatal);
}

// The data folder installed with this binary (MORGUE_DATA_FROM_BIN: share/morgue relative to
// bin/), wherever the installation was put (cmake --install --prefix, a .deb), or "" when this
// binary is not installed beside one.
std::filesystem::path installed_data() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const std::filesystem::path data = self.parent_path() / MORGUE_DATA_FROM_BIN;
  return std::filesystem::exists(data / morgue::kModelFile, error) ? data : std::filesystem::path();
}

// What extraction and the place table read: the built-in places unless MORGUE_DATA (the folder of
// the model) or MORGUE_ISO_CODES (iso-codes' JSON files) say otherwise. The model is the one
// installed with the binary, else the source tree's or the configured prefix's
// (default_extraction_data).
morgue::ExtractionData extraction_data() {
  morgue::ExtractionData data = morgue::default_extraction_data();
  if (const std::filesystem::path installed = installed_data(); !installed.empty())
    data.model = (installed / morgue::kModelFile).string();
  if (const char* env = std::getenv("MORGUE_DATA"); env && *env)
    data.model = (std::filesystem::path(env) / morgue::kModelFile).string();
  if (const char* env = std::getenv("MORGUE_ISO_CODES"); env && *env) data.iso_codes_folder = env;
  return data;
}

// The numeric options, each with the range it accepts: one table drives --help and the checks.
// Numbers are read as text, so that "-1" is refused rather than wrapped to 4294967295.
struct NumberOption {
  const char* name;
  const char* short_name;  // "" for none
  std::size_t low, high, fallback;
  const char* help;
};

constexpr std::size_t kMaxJobs = 256;             // threads (and bulk shards); far beyond the cores
constexpr std::size_t kMaxCommitEvery = 1000000;  // articles held in memory between commits
constexpr std::size_t kMaxArticleMiB = 1024;
constexpr std::size_t kMaxGroupCountsFrom = 1000000000;

std::vector<NumberOption> number_options() {
  const std::size_t cores =
      std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxJobs);
  return {
      {"jobs", "j", 1, kMaxJobs, cores,
       "threads that read, extract and build documents (default: the number of cores); a first "
       "build into a new database writes one shard per thread and compacts them"},
      {"commit-every", "", 1, kMaxCommitEvery, 2000,
       "commit after this many added or changed articles"},
      {"max-article-size", "", 1, kMaxArticleMiB, 64, "skip articles larger than this many MiB"},
      {"group-counts-from", "", 1, kMaxGroupCountsFrom, morgue::kGroupCountsFrom,
       "store how many copy groups and stories hold each word of at least this many articles, "
       "which --count --unit copies|stories of one word reads; a word of fewer is counted "
       "through its articles"},
  };
}

// `text` as a whole number within the option's range, or a one-line usage error.
std::size_t parse_number(const NumberOption& o, const std::string& text) {
  const bool digits =
      !text.empty() && text.size() <= 18 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const std::size_t value = digits ? std::stoull(text) : 0;
  if (!digits || value < o.low || value > o.high)
    throw po::error("--" + std::string(o.name) + " must be a whole number from " +
                    std::to_string(o.low) + " to " + std::to_string(o.high) + ", not '" + text +
                    "'");
  return value;
}

}  // namespace

// --field NAME:KIND, as a usage error when it is wrong.
morgue::DeclaredField parse_field(const std::string& spec) {
  try {
    return morgue::parse_declared_field(spec);
  } catch (const morgue::Error& e) {
    throw po::error(e.what());
  }
}

// --path-field NAME=DEPTH.
std::pair<std::string, int> parse_path_field(const std::string& spec) {
  const std::size_t eq = spec.find('=');
  const std::string depth = eq == std::string::npos ? "" : spec.substr(eq + 1);
  if (depth.empty() || depth.size() > 3 ||
      depth.find_first_not_of("0123456789") != std::string::npos || std::stoi(depth) < 1)
    throw po::error("--path-field " + spec + ": give NAME=DEPTH, DEPTH a folder level from 1");
  parse_field(spec.substr(0, eq) + ":keyword");  // the name's rules
  return {spec.substr(0, eq), std::stoi(depth)};
}

int main(int argc, char** argv) {
  morgue::IndexOptions options;
  const std::vector<NumberOption> numbers = number_options();
  std::vector<std::string> number_texts(numbers.size());
  std::vector<std::string> declared, path_fields;
  std::string lang, shards_text;
  po::options_description visible(
      "Usage: morgue-index [--db PATH] [options] INPUT...\n"
      "Index news articles (.txt, .json, .jsonl/.ndjson, .html/.htm, .warc files, each\n"
      "also gzip, xz or zstd compressed; directories are recursed; - reads JSON Lines\n"
      "or WARC from standard input) into a morgue database. Defaults may be set in\n"
      "$XDG_CONFIG_HOME/morgue/config (see man morgue-index).\n\nOptions");
  // clang-format off
  visible.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("db", po::value<std::string>(&options.db)->default_value(morgue::default_db(std::getenv("MORGUE_DB")), "$MORGUE_DB, the config's db or ./morgue.db"),
       "database directory to create or update")
      ("wait", po::bool_switch(&options.wait), "if another indexer holds the database, wait for it instead of failing")
      ("prune", po::bool_switch(&options.prune), "remove articles whose source file is gone (or no longer holds them)")
      ("exact-forms", po::bool_switch(&options.exact_forms),
       "keep every word as written too, for =word searches and wildcards over words as written (a new database's choice; indexing takes about 45% more time and 18% more disk)")
      ("shards", po::value<std::string>(&shards_text),
       "N: make the new database an archive of N shards (1 to 256), written as one: articles dealt "
       "to them in turn, each update to its article's shard; search it as it is, or serve each "
       "shard with xapian-tcpsrv (scripts/serve-shards). A new database's choice")
      ("no-copies", "find no copies or stories: --unit, --collapse, copy: and story: then have "
       "none to count (a new database's choice; spares the time and memory that grouping takes, "
       "see man morgue-index)")
      ("lang", po::value<std::string>(&lang),
       "the language of articles whose source declares none (a code such as de, or a name), "
       "instead of detecting it from their text: for an archive known to be in one language")
      ("extract-only", po::bool_switch(&options.extract_only),
       "write no database: print one JSON line per article with what would be indexed")
      ("no-extract", "do not extract missing metadata from the text")
      ("quiet,q", po::bool_switch(&options.quiet),
       "no progress line, notes or summary (skipped inputs and warnings are still said)")
      ("exclude", po::value<std::vector<std::string>>(&options.exclude)->composing(),
       "leave out what a folder walk finds whose name matches GLOB (or whose path below the input "
       "folder does, for a GLOB with a /; a GLOB ending in / matches folders); repeatable")
      ("no-default-excludes", "also read README, LICENSE and similar files in folders (hidden "
       "files and folders are always left out)")
      ("metadata", po::value<std::vector<std::string>>(&options.metadata)->composing(),
       "a CSV or JSON Lines manifest of fields for the articles of files (a \"path\" column, "
       "relative to the manifest) or ids (an \"id\" column); repeatable")
      ("path-field", po::value<std::vector<std::string>>(&path_fields)->composing(),
       "NAME=DEPTH: a keyword field NAME holding the folder at DEPTH below the archive root "
       "(1: the first), e.g. section=1; a new database's choice; repeatable")
      ("field", po::value<std::vector<std::string>>(&declared)->composing(),
       "NAME:keyword or NAME:text: index the source's field NAME as a keyword (filters, facets) "
       "or as text (searched); a new database's choice, recorded in it; repeatable")
      ("names", po::value<std::string>(&options.names_file)->value_name("FILE"),
       "the codebook of names: FIELD<tab>NAME<tab>CANONICAL lines that file a name under "
       "another (\"-\": drop it); the database records it, and files its articles again when it "
       "changes, without extracting them (see man morgue-index); INPUT may then be left out")
      ("root", po::value<std::string>(&options.root),
       "the archive root that file ids are relative to (recorded by the first run; give it to "
       "choose one, or to re-root a moved archive)");
  // clang-format on
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const NumberOption& o = numbers[i];
    const std::string help =
        std::string(o.help) + " (" + std::to_string(o.low) + " to " + std::to_string(o.high) + ")";
    const std::string names =
        std::string(o.name) + (*o.short_name ? "," + std::string(o.short_name) : "");
    visible.add_options()(
        names.c_str(),
        po::value<std::string>(&number_texts[i])->default_value(std::to_string(o.fallback)),
        help.c_str());
  }
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(&options.inputs))(
      "completion", po::value<std::string>(), "print the completion script for bash, zsh or fish");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << visible
                << "\nExit status: 0 all indexed, 1 some inputs skipped, 2 usage or fatal error,\n"
                   "130 interrupted (what was done is committed).\n";
      return morgue::finish_standard_output("morgue-index");
    }
    if (vm.count("version")) {
      std::cout << "morgue-index " << morgue::kVersion << " (Xapian " << Xapian::version_string()
                << ")\n";
      return morgue::finish_standard_output("morgue-index");
    }
    if (vm.count("completion")) {
      const std::string name = vm["completion"].as<std::string>();
      const std::optional<morgue::Shell> shell = morgue::shell_from(name);
      if (!shell) throw po::error("--completion must be bash, zsh or fish, not '" + name + "'");
      morgue::CompletionSpec spec;
      spec.program = "morgue-index";
      spec.options =
          morgue::completion_options(visible, {{"db", {morgue::ValueKind::kPath, {}}},
                                               {"metadata", {morgue::ValueKind::kFile, {}}},
                                               {"names", {morgue::ValueKind::kFile, {}}},
                                               {"root", {morgue::ValueKind::kDirectory, {}}}});
      std::cout << morgue::completion_script(spec, *shell);
      return morgue::finish_standard_output("morgue-index");
    }
    morgue::store_config_from_environment("morgue-index", visible, vm);
    po::notify(vm);
    options.extract = !vm.count("no-extract");
    options.copies = !vm.count("no-copies");
    options.default_excludes = !vm.count("no-default-excludes");
    if (!lang.empty()) {
      options.lang = morgue::language_code(lang);
      if (options.lang.empty())
        throw po::error("--lang " + lang + ": not a language code (ISO 639-1, such as de) or name");
    }
    for (const std::string& spec : declared) options.declared.push_back(parse_field(spec));
    for (const std::string& spec : path_fields)
      options.path_fields.push_back(parse_path_field(spec));
    if (options.inputs.empty() && options.names_file.empty())
      throw po::error("no INPUT given (a file, a directory or -)");
    options.jobs = static_cast<unsigned>(parse_number(numbers[0], number_texts[0]));
    options.commit_every = parse_number(numbers[1], number_texts[1]);
    options.read.max_article_bytes = parse_number(numbers[2], number_texts[2]) << 20;
    options.group_counts_from =
        static_cast<Xapian::doccount>(parse_number(numbers[3], number_texts[3]));
    if (vm.count("shards"))
      options.shards = parse_number({"shards", "", 1, morgue::kMaxShards, 1, ""}, shards_text);
    options.read.interrupted = &morgue::g_index_interrupted;
  } catch (const po::error& e) {
    std::cerr << "morgue-index: error: " << morgue::terminal_safe(e.what()) << " (see --help)\n";
    return morgue::kIndexFatal;
  }
  options.progress = isatty(STDERR_FILENO);
  options.extraction = extraction_data();
  options.places = morgue::PlaceTable(morgue::load_countries(options.extraction.iso_codes_folder));
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error, told apart below
  std::set_terminate(on_terminate);
  morgue::CheckedOutput stdout_buffer(STDOUT_FILENO, "standard output");
  std::ostream out(&stdout_buffer);
  out.exceptions(std::ios::badbit);
  try {
    const int status = morgue::run_index(options, std::cin, out, std::cerr);
    out.flush();
    return status;
  } catch (const morgue::OutputError& e) {
    if (e.broken_pipe()) return morgue::kIndexOk;  // the reader has what it wanted (| head)
    std::cerr << "morgue-index: error: " << morgue::terminal_safe(e.what()) << '\n';
  } catch (const morgue::Error& e) {
    std::cerr << "morgue-index: error: " << morgue::terminal_safe(e.what()) << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "morgue-index: error: " << morgue::terminal_safe(e.get_description()) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "morgue-index: error: " << morgue::terminal_safe(e.what()) << '\n';
  }
  return morgue::kIndexFatal;
}
