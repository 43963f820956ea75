// Unit tests for the config file: where it is, what each tool takes from it, what wins, errors.
#include "common/config.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace {

namespace po = boost::program_options;
using morgue::config_file;
using morgue::store_config;

// A stand-in for a tool's options: one of each kind the binaries have.
struct Tool {
  Tool() {
    options.add_options()("db", po::value<std::string>(&db)->default_value("./morgue.db"), "")(
        "limit", po::value<std::string>(&limit)->default_value("10"), "")(
        "any", po::bool_switch(&any), "")("exclude", po::value<std::vector<std::string>>(&exclude),
                                          "");
  }
  // The command line, then the config file, as main() stores them.
  void run(const std::vector<std::string>& args, const std::string& config,
           const std::string& tool = "morgue-search", bool db_from_environment = false) {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).run(), vm);
    store_config(config, tool, options, "/home/ann", db_from_environment, vm);
    po::notify(vm);
  }
  po::options_description options;
  std::string db, limit;
  bool any = false;
  std::vector<std::string> exclude;
};

std::string error_of(const std::string& text) {
  morgue::testing::TempDir dir;
  const std::string path = dir.write("config", text);
  try {
    Tool().run({}, path);
  } catch (const po::error& e) {
    const std::string what = e.what();
    return what.substr(0, path.size()) == path ? what.substr(path.size()) : "?" + what;
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(the_file_is_found_in_the_documented_order) {
  morgue::testing::TempDir dir;
  const std::string xdg = dir.path.string();
  BOOST_TEST(!config_file(nullptr, xdg.c_str(), "/nowhere").has_value());  // none there yet
  std::filesystem::create_directories(dir.path / "morgue");
  dir.write("morgue/config", "db = x\n");
  BOOST_TEST(*config_file(nullptr, xdg.c_str(), "/nowhere") == xdg + "/morgue/config");
  BOOST_TEST(*config_file("/etc/other", xdg.c_str(), "/nowhere") == "/etc/other");
  BOOST_TEST(!config_file("", xdg.c_str(), "/nowhere").has_value());  // empty: no config at all
  // $HOME/.config when $XDG_CONFIG_HOME is unset or relative (the XDG spec ignores a relative one)
  std::filesystem::create_directories(dir.path / ".config" / "morgue");
  dir.write(".config/morgue/config", "db = y\n");
  BOOST_TEST(*config_file(nullptr, nullptr, xdg.c_str()) == xdg + "/.config/morgue/config");
  BOOST_TEST(*config_file(nullptr, "relative", xdg.c_str()) == xdg + "/.config/morgue/config");
  BOOST_TEST(!config_file(nullptr, nullptr, nullptr).has_value());
}

BOOST_AUTO_TEST_CASE(each_tool_takes_its_section_and_the_db) {
  morgue::testing::TempDir dir;
  const std::string path = dir.write("config",
                                     "# defaults\n"
                                     "db = ~/news/morgue.db   # in my home\n"
                                     "\n"
                                     "[morgue-search]\n"
                                     "limit = 25\n"
                                     "any = true\n"
                                     "[morgue-index]\n"
                                     "limit = 99\n"
                                     "exclude = *.bak\n"
                                     "exclude = drafts/*\n");
  Tool search;
  search.run({}, path);
  BOOST_TEST(search.db == "/home/ann/news/morgue.db");
  BOOST_TEST(search.limit == "25");
  BOOST_TEST(search.any);
  BOOST_TEST(search.exclude.empty());
  Tool index;
  index.run({}, path, "morgue-index");
  BOOST_TEST(index.limit == "99");
  BOOST_TEST(!index.any);
  BOOST_TEST(index.exclude == (std::vector<std::string>{"*.bak", "drafts/*"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_command_line_and_the_environment_win) {
  morgue::testing::TempDir dir;
  const std::string path =
      dir.write("config", "db = archive.db\n[morgue-search]\nlimit = 25\nexclude = a\n");
  Tool given;
  given.run({"--limit", "3", "--db", "here.db", "--exclude", "b"}, path);
  BOOST_TEST(given.limit == "3");
  BOOST_TEST(given.db == "here.db");
  BOOST_TEST(given.exclude == (std::vector<std::string>{"b"}), boost::test_tools::per_element());
  Tool relative;
  relative.run({}, path);
  BOOST_TEST(relative.db == "/home/ann/archive.db");  // a relative db is from the home folder
  // A section's db replaces the one before the sections.
  const std::string both = dir.write("both", "db = /all.db\n[morgue-index]\ndb = /index.db\n");
  Tool search, index;
  search.run({}, both);
  index.run({}, both, "morgue-index");
  BOOST_TEST(search.db == "/all.db");
  BOOST_TEST(index.db == "/index.db");
  Tool environment;  // $MORGUE_DB set: the file's db is passed over, the default stays for main
  environment.run({}, path, "morgue-search", true);
  BOOST_TEST(environment.db == "./morgue.db");
  BOOST_TEST(environment.limit == "25");
}

BOOST_AUTO_TEST_CASE(mistakes_are_named_with_their_line) {
  BOOST_TEST(error_of("[morgue-search]\nlimit = 2\nfoo = 1\n") == ":3: unrecognised option 'foo'");
  BOOST_TEST(error_of("limit = 2\n") ==
             ":1: 'limit' belongs in a [morgue-search] or [morgue-index] section (only db may "
             "come before them)");
  BOOST_TEST(error_of("[morgue]\n") ==
             ":1: unknown section [morgue]; the sections are [morgue-search] and [morgue-index]");
  BOOST_TEST(error_of("[morgue-search\n") == ":1: a section is written [NAME]");
  BOOST_TEST(error_of("\n[morgue-search]\nany\n") == ":3: expected KEY = VALUE, not 'any'");
  BOOST_TEST(error_of("[morgue-search]\nlimit = 1\n\nlimit = 2\n") ==
             ":4: option 'limit' cannot be specified more than once");  // the repeat is named
  // A '#' inside a value would cut it short (Boost reads a comment there); after a space it is one.
  BOOST_TEST(error_of("db = ~/news#2/db\n") ==
             ":1: a '#' inside a value (it starts a comment; a comment follows a space)");
  BOOST_TEST(error_of("[morgue-search]\nlimit = 3 # three\n") == "no error");
  // An empty value would turn a switch on; a switch that cannot be undone stays on the command
  // line.
  BOOST_TEST(error_of("[morgue-search]\nany =\n") == ":2: 'any' has no value");
  BOOST_TEST(error_of("[morgue-index]\n[morgue-search]\ncount = true\n") ==
             ":3: 'count' belongs on the command line: set in the config file, it could not be "
             "turned off again");
  BOOST_TEST(error_of("\xEF\xBB\xBF"
                      "db = x\n") == "no error");  // a byte-order mark
  {
    morgue::testing::TempDir dir;
    BOOST_CHECK_THROW(Tool().run({}, dir.path.string()), po::error);  // a directory
  }
  BOOST_TEST(error_of("[morgue-search]\nany = perhaps\n").substr(0, 3) == ":2:");
  // Another tool's section is that tool's to check.
  BOOST_TEST(error_of("[morgue-index]\nwhatever = 1\n") == "no error");
  BOOST_TEST(error_of("; a comment\n# another\n") == "no error");
}

BOOST_AUTO_TEST_CASE(a_missing_file_named_by_morgue_config_is_an_error) {
  Tool tool;
  BOOST_CHECK_THROW(tool.run({}, "/nonexistent/morgue/config"), po::error);
}

BOOST_AUTO_TEST_SUITE_END()
