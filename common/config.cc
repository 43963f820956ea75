// The config file: the sections of one tool picked out, then Boost's config-file parser.
#include "common/config.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace po = boost::program_options;

namespace morgue {

namespace {

const char* const kTools[] = {"morgue-search", "morgue-index"};

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
  std::ifstream probe(path);
  if (!probe) return std::nullopt;
  return path;
}

void store_config(const std::string& path, const std::string& tool,
                  const po::options_description& options, const char* home,
                  bool db_from_environment, po::variables_map& vm) {
  std::ifstream in(path);
  if (!in) fail(path, 0, std::string("cannot read the config file: ") + std::strerror(errno));
  // The lines for this tool, as Boost is to read them, and where each key was.
  std::ostringstream kept;
  std::map<std::string, std::size_t> line_of;
  std::string section;  // "" before the first section
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    const std::string text = trimmed(line.substr(0, line.find('#')));
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
    if (key == "db") {
      if (db_from_environment) continue;
      value = from_home(value, home);
    }
    if (!line_of.count(key)) line_of[key] = number;
    kept << key << " = " << value << '\n';
  }
  std::istringstream text(kept.str());
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
