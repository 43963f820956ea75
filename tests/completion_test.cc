// Unit tests for the completion scripts written from an option table.
#include "common/completion.h"

#include <boost/program_options.hpp>
#include <boost/test/unit_test.hpp>

namespace po = boost::program_options;

namespace {

po::options_description table() {
  po::options_description t("Options");
  t.add_options()("help,h", "show this help and exit")("format,f", po::value<std::string>(),
                                                       "text or json [the default: text]")(
      "tag", po::value<std::vector<std::string>>()->composing(), "a tag's name; repeatable")(
      "quiet", po::bool_switch(), "say nothing");
  po::options_description group("More");
  group.add_options()("db", po::value<std::string>(), "the database");
  t.add(group);
  return t;
}

morgue::CompletionSpec spec() {
  morgue::CompletionSpec s;
  s.program = "tool-x";
  s.options = morgue::completion_options(table(),
                                         {{"format", {morgue::ValueKind::kWords, {"text", "json"}}},
                                          {"db", {morgue::ValueKind::kPath, {}}}});
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(completion)

BOOST_AUTO_TEST_CASE(shells_by_name) {
  BOOST_TEST((morgue::shell_from("bash") == morgue::Shell::kBash));
  BOOST_TEST((morgue::shell_from("zsh") == morgue::Shell::kZsh));
  BOOST_TEST((morgue::shell_from("fish") == morgue::Shell::kFish));
  BOOST_TEST(!morgue::shell_from("csh").has_value());
}

BOOST_AUTO_TEST_CASE(options_come_from_the_table_with_their_groups) {
  const auto options = spec().options;
  BOOST_TEST_REQUIRE(options.size() == 5u);
  BOOST_TEST(options[0].name == "help");
  BOOST_TEST(options[0].short_name == "h");
  BOOST_TEST(!options[0].takes_value);
  BOOST_TEST(options[1].name == "format");
  BOOST_TEST(options[1].short_name == "f");
  BOOST_TEST(options[1].takes_value);
  BOOST_TEST((options[1].value.kind == morgue::ValueKind::kWords));
  BOOST_TEST(options[2].repeatable);
  BOOST_TEST(options[2].short_name.empty());
  BOOST_TEST(!options[3].takes_value);  // a bool_switch takes no word
  BOOST_TEST(options[4].name == "db");  // from the group added to the table
  BOOST_TEST((options[4].value.kind == morgue::ValueKind::kPath));
  BOOST_TEST((options[3].value.kind == morgue::ValueKind::kAny));
}

BOOST_AUTO_TEST_CASE(bash_lists_every_option_and_the_values_of_each) {
  const std::string s = morgue::completion_script(spec(), morgue::Shell::kBash);
  BOOST_TEST(s.find("'--help -h --format -f --tag --quiet --db'") != std::string::npos);
  BOOST_TEST(s.find("      --format|-f)\n        __morgue_words \"\" 'text json' \"$cur\"") !=
             std::string::npos);
  BOOST_TEST(s.find("      --db)\n        __morgue_files \"\" \"$cur\"") != std::string::npos);
  BOOST_TEST(s.find("complete -F _tool_x tool-x\n") != std::string::npos);
  BOOST_TEST(s.find("--complete-values") == std::string::npos);  // operands are files here
}

BOOST_AUTO_TEST_CASE(zsh_descriptions_are_escaped_and_cut_short) {
  const std::string s = morgue::completion_script(spec(), morgue::Shell::kZsh);
  BOOST_TEST(s.rfind("#compdef tool-x\n", 0) == 0);
  // Brackets escaped inside the description; the words as the value's action.
  BOOST_TEST(
      s.find("'(-f --format)'{-f+,--format=}'[text or json \\[the default\\: text\\]]:format:"
             "(text json)'") != std::string::npos);
  // Repeatable, and the help up to its first "; ", with its quote closed and reopened.
  BOOST_TEST(s.find("'*--tag=[a tag'\\''s name]:tag: '") != std::string::npos);
  BOOST_TEST(s.find("'*:input:_files'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(fish_quotes_with_backslashes) {
  const std::string s = morgue::completion_script(spec(), morgue::Shell::kFish);
  BOOST_TEST(s.find("complete -c tool-x -l tag -x -d 'a tag\\'s name'\n") != std::string::npos);
  BOOST_TEST(s.find("complete -c tool-x -s f -l format -x -a 'text json' -d") != std::string::npos);
  BOOST_TEST(s.find("complete -c tool-x -l db -r -F -d 'the database'\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(query_operands_ask_the_program_for_values) {
  morgue::CompletionSpec s = spec();
  s.query_operands = true;
  s.query_fields = {"title", "place"};
  s.valueless_fields = {"title"};
  for (auto shell : {morgue::Shell::kBash, morgue::Shell::kZsh, morgue::Shell::kFish}) {
    const std::string script = morgue::completion_script(s, shell);
    BOOST_TEST(script.find("--complete-values") != std::string::npos);
    BOOST_TEST(script.find("title") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
