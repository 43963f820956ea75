// Unit tests for the interactive session's pure logic: reading a line as a command or a query,
// the query of a drill-down (checked against the sets it must intersect), the history's path.
#include "searcher/interactive.h"

#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <set>

#include "common/document.h"
#include "common/schema.h"
#include "matching_ids.h"
#include "searcher/line_input.h"
#include "searcher/query.h"

namespace {

using Kind = morgue::Command::Kind;

struct Archive {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Archive() {
    morgue::DocumentBuilder b;
    auto add = [&](std::string id, std::string text, std::vector<std::string> people,
                   std::vector<std::string> orgs) {
      morgue::Article a;
      a.id = id;
      a.text = text;
      a.people = people;
      a.organizations = orgs;
      db.replace_document(morgue::id_term(id), b.build(a));
    };
    add("a", "The prison tour.", {"Kristi Noem"}, {"The \"Times\""});
    add("b", "A storm and a prison.", {"Kristi Noem", "Nayib Bukele"}, {"Reuters"});
    add("c", "Budget talks (again).", {"Kristi Smith"}, {"The \"Times\""});
    add("d", "Storm warning.", {"Noem Kristi"}, {});
    db.commit();
  }
  std::set<std::string> ids(const std::string& q, bool any = false) {
    return morgue::testing::matching_ids(db, q, any);
  }
  std::set<std::string> both(const std::string& q, const std::string& filter, bool any = false) {
    std::set<std::string> out;
    for (const std::string& id : ids(q, any)) {
      if (ids(filter).count(id)) out.insert(id);
    }
    return out;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(interactive)

BOOST_AUTO_TEST_CASE(short_commands) {
  BOOST_TEST((morgue::parse_command("n").kind == Kind::kNext));
  BOOST_TEST((morgue::parse_command("  p ").kind == Kind::kPrevious));
  BOOST_TEST((morgue::parse_command("b").kind == Kind::kBack));
  BOOST_TEST((morgue::parse_command("?").kind == Kind::kHelp));
  BOOST_TEST((morgue::parse_command("").kind == Kind::kNothing));
  BOOST_TEST((morgue::parse_command(" \t").kind == Kind::kNothing));
  const morgue::Command open = morgue::parse_command("12");
  BOOST_TEST((open.kind == Kind::kOpen));
  BOOST_TEST(open.number == 12u);
  const morgue::Command drill = morgue::parse_command("f3");
  BOOST_TEST((drill.kind == Kind::kDrill));
  BOOST_TEST(drill.number == 3u);
}

BOOST_AUTO_TEST_CASE(colon_commands) {
  for (const char* quit : {":q", ":quit", " :exit "})
    BOOST_TEST((morgue::parse_command(quit).kind == Kind::kQuit));
  BOOST_TEST((morgue::parse_command(":help").kind == Kind::kHelp));
  BOOST_TEST((morgue::parse_command(":next").kind == Kind::kNext));
  BOOST_TEST((morgue::parse_command(":prev").kind == Kind::kPrevious));
  BOOST_TEST((morgue::parse_command(":back").kind == Kind::kBack));
  BOOST_TEST(morgue::parse_command(":open 4").number == 4u);
  BOOST_TEST((morgue::parse_command(":drill f7").kind == Kind::kDrill));
  BOOST_TEST(morgue::parse_command(":drill 7").number == 7u);
  BOOST_TEST(morgue::parse_command(":f2").number == 2u);
  const morgue::Command s = morgue::parse_command(":s 1987");
  BOOST_TEST((s.kind == Kind::kQuery));
  BOOST_TEST(s.text == "1987");
  BOOST_TEST(morgue::parse_command(":search  n ").text == "n");
}

BOOST_AUTO_TEST_CASE(everything_else_is_a_query) {
  for (const char* q : {"prison", "n p", "f", "fx", "f3 prison", "nn", "3 prison",
                        "place:\"El "
                        "Salvador\"",
                        "-b", "f1234567890"}) {
    const morgue::Command c = morgue::parse_command(q);
    BOOST_TEST((c.kind == Kind::kQuery), q);
    BOOST_TEST(c.text == q);
  }
  BOOST_TEST(morgue::parse_command("  prison  ").text == "prison");
}

BOOST_AUTO_TEST_CASE(unknown_colon_commands_are_not_queries) {
  for (const char* line : {":", ":frobnicate", ":open x", ":q now", ":s", ":drill fx"})
    BOOST_TEST((morgue::parse_command(line).kind == Kind::kUnknown), line);
}

BOOST_AUTO_TEST_CASE(drill_down_text) {
  BOOST_TEST(morgue::drill_down("*", "place:=\"El Salvador\"") == "place:=\"El Salvador\"");
  BOOST_TEST(morgue::drill_down(" ", "date:=2025-03") == "date:=2025-03");
  BOOST_TEST(morgue::drill_down("a OR b", "person:=\"Kristi Noem\"") ==
             "(a OR b) AND person:=\"Kristi Noem\"");
  // A drill-down of a drill-down nests.
  BOOST_TEST(morgue::drill_down("(a) AND org:=\"X\"", "date:=2025") ==
             "((a) AND org:=\"X\") AND date:=2025");
}

BOOST_FIXTURE_TEST_CASE(drill_down_is_the_intersection, Archive) {
  using morgue::drill_down;
  using morgue::drilldown_filter;
  const std::string noem = drilldown_filter("person", "Kristi Noem");
  const std::string times = drilldown_filter("org", "The \"Times\"");  // quotes doubled
  BOOST_TEST(times == "org:=\"The \"\"Times\"\"\"");
  for (const std::string q : {"prison", "prison OR storm", "NOT storm", "-storm", "*",
                              "prison storm", "\"the prison\"", "person:kristi", "(again)"}) {
    for (const std::string& f : {noem, times}) {
      BOOST_TEST(ids(drill_down(q, f)) == both(q, f), q + " / " + f);
      // With --any the words of the query are optional, the filter is not.
      BOOST_TEST(ids(drill_down(q, f), true) == both(q, f, true), q + " / " + f + " (any)");
    }
  }
  BOOST_TEST(ids(drill_down("prison", noem)) == (std::set<std::string>{"a", "b"}));
  BOOST_TEST(ids(drill_down(drill_down("*", times), noem)) == (std::set<std::string>{"a"}));
}

BOOST_FIXTURE_TEST_CASE(drill_down_of_a_search_box_query_that_does_not_parse, Archive) {
  // With --any, text that is not well formed is built on as its words, so that the parentheses
  // and the filter put around it are read as written.
  const morgue::QueryBuilder any(db, morgue::QueryOptions{true, {}});
  const std::string noem = morgue::drilldown_filter("person", "Kristi Noem");
  for (const std::string q : {"prison (", "storm AND", "talks) \"again"}) {
    BOOST_TEST(any.reading(q) != q);
    BOOST_TEST(ids(morgue::drill_down(any.reading(q), noem), true) == both(q, noem, true), q);
  }
  BOOST_TEST(any.reading("prison storm") == "prison storm");
  BOOST_TEST(morgue::QueryBuilder(db, {}).reading("prison (") == "prison (");
}

BOOST_AUTO_TEST_CASE(history_file) {
  BOOST_TEST(morgue::history_path("/state", "/home/u") == "/state/morgue/history");
  BOOST_TEST(morgue::history_path(nullptr, "/home/u") == "/home/u/.local/state/morgue/history");
  BOOST_TEST(morgue::history_path("", "/home/u") == "/home/u/.local/state/morgue/history");
  // A relative XDG_STATE_HOME is invalid (XDG base directory specification): ignored.
  BOOST_TEST(morgue::history_path("state", "/home/u") == "/home/u/.local/state/morgue/history");
  BOOST_TEST(morgue::history_path(nullptr, nullptr) == "");
}

BOOST_AUTO_TEST_SUITE_END()
