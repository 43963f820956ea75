// The config file: the sections of one tool picked out, then Boost's config-file parser.
#include "common/config.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

namespace po = boost::program_options;

namespace morgue {

namespace {

const char* const kTools[] = {"morgue-search", "morgue-index"};

// Options that ask for a different job or cannot be undone from the command line (a switch has
// no --no- form): a config file that held them would change every run.
const std::set<std::string> kCommandLineOnly = {
    "help",        "version",     "prune", "extract-only", "count",      "export",         "kwic",
    "list-fields", "interactive", "batch", "plot",         "completion", "complete-values"};

std::string trimmed(const std::string& s) {
  const std::size_t start = s.find_first_not_of(" \t\r");
  if (start == std::string::npos) return {};
  return s.substr(start, s.find_last_not_of(" \t\r") - start + 1);
}

// "~/x" and "x" from the home folder; "/x" as it is.
std::string from_home(const std::string& path, const char* home) {
  if (path.empty() || path[0] == '/' || !home || !*home) return path;
  if (path == "~") return home;
  if (path.compare(0, 2, "~/") == 0) return std::string(home) + path.substr(1);
  return std::string(home) + "/" + path;
}

[[noreturn]] void fail(const std::string& path, std::size_t line, const std::string& what) {
  throw po::error(path + (line ? ":" + std::to_string(line) : std::string()) + ": " + what);
}

}  // namespace

std::optional<std::string> config_file(const char* morgue_config, const char* xdg_config_home,
                                       const char* home) {
  if (morgue_config) {
    if (!*morgue_config) return std::nullopt;
    return std::string(morgue_config);
  }
  std::string path;
  if (xdg_config_home && *xdg_config_home == '/')  // a relative one is to be ignored (XDG spec)
    path = std::string(xdg_config_home) + "/morgue/config";
  else if (home && *home)
    path = std::string(home) + "/.config/morgue/config";
  else
    return std::nullopt;
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return std::nullopt;  // there, but unreadable: said when read
  return path;
}

void store_config(const std::string& path, const std::string& tool,
                  const po::options_description& options, const char* home,
                  bool db_from_environment, po::variables_map& vm) {
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    fail(path, 0, "the config file is a directory");
  std::ifstream in(path);
  if (!in) fail(path, 0, std::string("cannot read the config file: ") + std::strerror(errno));
  // The lines for this tool, as Boost is to read them, and where each key was last.
  struct Entry {
    std::string key, value;
    bool in_section;
  };
  std::vector<Entry> kept;
  std::map<std::string, std::size_t> line_of;
  std::string section;  // "" before the first section
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // a BOM
    // Boost's parser ends a line at any '#': one inside a value would cut it short unnoticed.
    const std::size_t hash = line.find('#');
    if (hash != std::string::npos && hash > 0 && line[hash - 1] != ' ' && line[hash - 1] != '\t')
      fail(path, number, "a '#' inside a value (it starts a comment; a comment follows a space)");
    const std::string text = trimmed(line.substr(0, hash));
    if (text.empty() || text[0] == ';') continue;
    if (text.front() == '[') {
      if (text.back() != ']') fail(path, number, "a section is written [NAME]");
      section = trimmed(text.substr(1, text.size() - 2));
      bool known = false;
      for (const char* t : kTools) known = known || section == t;
      if (!known)
        fail(path, number,
             "unknown section [" + section +
                 "]; the sections are [morgue-search] and "
                 "[morgue-index]");
      continue;
    }
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos) fail(path, number, "expected KEY = VALUE, not '" + text + "'");
    const std::string key = trimmed(text.substr(0, equals));
    std::string value = trimmed(text.substr(equals + 1));
    if (section.empty() && key != "db")
      fail(path, number,
           "'" + key +
               "' belongs in a [morgue-search] or [morgue-index] section (only db may "
               "come before them)");
    if (!section.empty() && section != tool) continue;
    if (value.empty()) fail(path, number, "'" + key + "' has no value");
    if (kCommandLineOnly.count(key))
      fail(path, number,
           "'" + key +
               "' belongs on the command line: set in the config file, it could not be "
               "turned off again");
    if (key == "db") {
      if (db_from_environment) continue;
      value = from_home(value, home);
      // A section's db replaces the one before the sections (which come first in the file).
      if (!section.empty())
        kept.erase(std::remove_if(kept.begin(), kept.end(),
                                  [](const Entry& e) { return e.key == "db" && !e.in_section; }),
                   kept.end());
    }
    line_of[key] = number;
    kept.push_back({key, value, !section.empty()});
  }
  std::ostringstream lines;
  for (const Entry& e : kept) lines << e.key << " = " << e.value << '\n';
  std::istringstream text(lines.str());
  try {
    po::store(po::parse_config_file(text, options, false), vm);
  } catch (const po::error_with_option_name& e) {
    std::string name = e.get_option_name();
    while (!name.empty() && name[0] == '-') name.erase(0, 1);
    auto it = line_of.find(name);
    fail(path, it == line_of.end() ? 0 : it->second, e.what());
  } catch (const po::error& e) {
    fail(path, 0, e.what());
  }
}

void store_config_from_environment(const std::string& tool, const po::options_description& options,
                                   po::variables_map& vm) {
  const char* home = std::getenv("HOME");
  if (const auto path =
          config_file(std::getenv("MORGUE_CONFIG"), std::getenv("XDG_CONFIG_HOME"), home))
    store_config(*path, tool, options, home, db_in_environment(std::getenv("MORGUE_DB")), vm);
}

}  // namespace morgue
