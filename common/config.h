// The config file both binaries read for their defaults: where it is, and its options.
//
//   # ~/.config/morgue/config
//   db = ~/archives/morgue.db        # for both binaries
//   [morgue-search]
//   limit = 20
//   facets = outlet,place
//   [morgue-index]
//   exclude = *.bak
//   exclude = drafts/*
//
// Keys are the long option names without "--"; an option given more than once (--exclude) is
// repeated; a switch (--any) takes true or false. Before any section only `db` may appear; a
// section's `db` replaces it. A '#' after a space starts a comment, one inside a value is an
// error (Boost would cut the value there), as are an empty value and the options that ask for
// another job or could not be turned off again (prune, count, export...). The command line wins
// over $MORGUE_DB, which wins over the file (its `db` is then passed over), which wins over the
// built-in defaults. Read by Boost.Program_options' config-file parser.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>

namespace morgue {

// The database when neither the command line nor the config file names one: $MORGUE_DB (its
// value given, null when unset), else ./morgue.db.
inline bool db_in_environment(const char* morgue_db) { return morgue_db && *morgue_db; }
inline std::string default_db(const char* morgue_db) {
  return db_in_environment(morgue_db) ? morgue_db : "./morgue.db";
}

// The config file's path, from the environment's values (null when unset): $MORGUE_CONFIG when
// set (empty: no config file at all), else $XDG_CONFIG_HOME/morgue/config, else
// $HOME/.config/morgue/config. nullopt when there is none to read; a $MORGUE_CONFIG that does not
// exist is returned all the same, so that reading it names the mistake.
std::optional<std::string> config_file(const char* morgue_config, const char* xdg_config_home,
                                       const char* home);

// Stores into `vm` the options that the file at `path` gives `tool` ("morgue-search" or
// "morgue-index"): its own section and `db`, unless `db_from_environment`. Call after storing the
// command line, which so keeps its values. A `db` of "~/..." or a relative one is taken from
// `home` (as notmuch does). Throws boost::program_options::error naming the file, and the line
// where one is known: an unknown section or key, a line without "=", a bad value.
void store_config(const std::string& path, const std::string& tool,
                  const boost::program_options::options_description& options, const char* home,
                  bool db_from_environment, boost::program_options::variables_map& vm);

// store_config() with the file and values that the environment names ($MORGUE_CONFIG,
// $XDG_CONFIG_HOME, $HOME, $MORGUE_DB); nothing when there is no config file.
void store_config_from_environment(const std::string& tool,
                                   const boost::program_options::options_description& options,
                                   boost::program_options::variables_map& vm);

}  // namespace morgue
