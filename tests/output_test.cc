// Unit tests for the output module: every format's view of a typed answer, CSV and TSV cells,
// the formula guard and text safe for a terminal.
#include "searcher/output.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "common/text.h"

namespace {

morgue::Answer sample() {
  morgue::Answer a;
  a.name = a.query = "noem";
  a.parsed = "Query(XPnoem)";
  a.total = 1;
  morgue::Hit h;
  h.rank = 1;
  h.score = 1.5;
  h.record = {{"id", "a,1"},
              {"title", "Say \"hi\"\tnow\x1b]0;owned\x07"},
              {"date", "2025-03-26"},
              {"people", {"Kristi Noem", "Donald Trump"}},
              {"source", "/x"}};
  h.snippet = "line\nbreak";
  a.hits.push_back(h);
  return a;
}

std::string render(morgue::OutputFormat format, const morgue::Answer& a = sample(),
                   morgue::SearchOptions o = {}) {
  std::ostringstream out;
  o.format = format;
  morgue::Output(o, out).answer(a, morgue::Manifest{"uuid", 1, 5, "", ""});
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output)

BOOST_AUTO_TEST_CASE(csv_quotes_only_when_needed) {
  BOOST_TEST(morgue::csv_field("plain") == "plain");
  BOOST_TEST(morgue::csv_field("a,b") == "\"a,b\"");
  BOOST_TEST(morgue::csv_field("say \"x\"") == "\"say \"\"x\"\"\"");
  BOOST_TEST(morgue::tsv_field("a\tb\nc") == "a b c");
}

BOOST_AUTO_TEST_CASE(csv_has_a_header_row) {
  std::string csv = render(morgue::OutputFormat::kCsv);
  BOOST_TEST(csv.rfind("rank,id,score,date,outlet,title,", 0) == 0u);
  BOOST_TEST(csv.find("\"a,1\"") != std::string::npos);
  BOOST_TEST(csv.find("Kristi Noem; Donald Trump") != std::string::npos);
  BOOST_TEST(csv.find("\"line\nbreak\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tsv_rows_are_one_line) {
  std::string tsv = render(morgue::OutputFormat::kTsv);
  std::istringstream in(tsv);
  std::string header, row, extra;
  std::getline(in, header);
  std::getline(in, row);
  BOOST_TEST(!std::getline(in, extra));
  BOOST_TEST(std::count(row.begin(), row.end(), '\t') ==
             std::count(header.begin(), header.end(), '\t'));
}

BOOST_AUTO_TEST_CASE(json_has_the_spec_keys) {
  auto j = nlohmann::json::parse(render(morgue::OutputFormat::kJson));
  BOOST_TEST(j["format_version"] == 1);
  BOOST_TEST(j["total"] == 1);
  const auto& hit = j["hits"][0];
  for (const char* key :
       {"rank", "id", "score", "title", "date", "outlet", "people", "places", "snippet", "source"})
    BOOST_TEST(hit.contains(key), key);
  BOOST_TEST(hit["outlet"].is_null());
  BOOST_TEST(j["manifest"]["parsed_query"] == "Query(XPnoem)");
}

BOOST_AUTO_TEST_CASE(text_without_colour_has_no_escapes) {
  std::string text = render(morgue::OutputFormat::kText);
  BOOST_TEST(text.find('\x1b') ==
             std::string::npos);  // issue 14: the title's OSC sequence is defused
  BOOST_TEST(text.find('\x07') == std::string::npos);
  BOOST_TEST(text.find("1 matching article") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(terminal_safe_replaces_controls_and_bidi_overrides) {
  BOOST_TEST(morgue::terminal_safe("a\x1b[2Jb") == "a\xEF\xBF\xBD[2Jb");
  BOOST_TEST(morgue::terminal_safe("x\r\ny") == "x\xEF\xBF\xBD\xEF\xBF\xBDy");
  BOOST_TEST(morgue::terminal_safe("x\ny\tz", true) == "x\ny\tz");
  BOOST_TEST(morgue::terminal_safe("\xC2\x9B"
                                   "31m") ==
             "\xEF\xBF\xBD"
             "31m");  // C1 CSI
  BOOST_TEST(morgue::terminal_safe("ab\xE2\x80\xAE"
                                   "cd") ==
             "ab\xEF\xBF\xBD"
             "cd");  // U+202E
  BOOST_TEST(morgue::terminal_safe("Héctor — «ok»") == "Héctor — «ok»");
}

BOOST_AUTO_TEST_CASE(csv_cells_that_would_be_formulas_are_guarded) {
  BOOST_TEST(morgue::guard_formula("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")");
  BOOST_TEST(morgue::guard_formula("@SUM(A1)") == "'@SUM(A1)");
  BOOST_TEST(morgue::guard_formula("-2+3") == "'-2+3");
  BOOST_TEST(morgue::guard_formula("plain") == "plain");
  morgue::Answer a = sample();
  a.hits[0].record["title"] = "=1+1";
  BOOST_TEST(render(morgue::OutputFormat::kCsv, a).find(",'=1+1,") != std::string::npos);
  morgue::SearchOptions raw;
  raw.raw_csv = true;
  BOOST_TEST(render(morgue::OutputFormat::kCsv, a, raw).find(",=1+1,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(research_table_has_facets_undated_rows_and_denominators) {
  morgue::Answer a = sample();
  a.facets.push_back({"place", {{"Ireland", 3, "place:=\"Ireland\"", ""}}});
  a.histogram = morgue::HistogramCounts{};
  a.histogram->rows.push_back({"2025", std::nullopt, 1, 4});
  a.histogram->undated.push_back({"undated", std::nullopt, 2, 8});
  a.histogram->undated_total = 2;
  morgue::SearchOptions o;
  o.count = true;
  o.facets = {"place"};
  o.histogram = morgue::Period::kYear;
  o.normalize = true;
  std::istringstream csv(render(morgue::OutputFormat::kCsv, a, o));
  std::vector<std::string> lines;
  for (std::string line; std::getline(csv, line);)
    lines.push_back(line.substr(0, line.size() - 1));  // CRLF
  BOOST_TEST_REQUIRE(lines.size() == 4u);
  BOOST_TEST(lines[0] == "name,query,field,value,filter,period,group,count,total,all,share");
  BOOST_TEST(lines[1] == "noem,noem,place,Ireland,\"place:=\"\"Ireland\"\"\",,,3,1,,");
  BOOST_TEST(lines[2] == "noem,noem,,,,2025,,1,1,4,0.25");
  BOOST_TEST(lines[3] == "noem,noem,,,,undated,,2,1,8,0.25");
  auto j = nlohmann::json::parse(render(morgue::OutputFormat::kJson, a, o));
  BOOST_TEST(j["undated"] == 2);
  BOOST_TEST(j["undated_rows"][0]["all"] == 8);
  BOOST_TEST(j["facets"]["place"][0]["filter"] == "place:=\"Ireland\"");
  const std::string text = render(morgue::OutputFormat::kText, a, [] {
    morgue::SearchOptions t;
    t.histogram = morgue::Period::kYear;
    return t;
  }());
  BOOST_TEST(text.find("undated") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(columns_skip_escapes_and_count_wide_characters) {
  BOOST_TEST(morgue::display_width("abc") == 3u);
  BOOST_TEST(morgue::display_width("caf\u00e9 \u00b7") == 6u);
  BOOST_TEST(morgue::display_width("cafe\u0301") == 4u);    // a combining accent
  BOOST_TEST(morgue::display_width("\u65b0\u805e") == 4u);  // two wide characters
  BOOST_TEST(morgue::display_width(std::string(morgue::kHighlightStart) + "hi" +
                                   morgue::kHighlightEnd) == 2u);
}

BOOST_AUTO_TEST_CASE(wrap_breaks_at_spaces_within_the_width) {
  using V = std::vector<std::string>;
  BOOST_TEST(morgue::wrap("short line", 0, 2) == V{"short line"});
  BOOST_TEST(morgue::wrap("short line", 10, 2) == V{"short line"});
  BOOST_TEST(morgue::wrap("   one two three four", 12, 3) ==
             (V{"   one two", "   three", "   four"}));
  BOOST_TEST(morgue::wrap("1. abcdefghijkl", 8, 3) == (V{"1.", "   abcde", "   fghij", "   kl"}));
  // Escapes take no room, and stay with their words.
  const std::string red = std::string(morgue::kHighlightStart) + "red" + morgue::kHighlightEnd;
  BOOST_TEST(morgue::wrap("aaa " + red + " bbb", 7, 0) == (V{"aaa " + red, "bbb"}));
  for (std::size_t width : {1u, 2u, 5u, 9u, 40u}) {
    for (const std::string& l :
         morgue::wrap("\u00c9mile Zola's J'accuse\u2026 \u65b0\u805e x", width, 4))
      BOOST_TEST(morgue::display_width(l) <= std::max<std::size_t>(width, 2), l);
  }
}

BOOST_AUTO_TEST_CASE(interactive_page_numbers_the_facet_values) {
  morgue::Answer a = sample();
  a.facets = {{"outlet", {{"BBC", 1, "outlet:=\"BBC\"", ""}}},
              {"person", {}},
              {"place", {{"El Salvador", 1, "", ""}, {"New York", 1, "", ""}}}};
  morgue::SearchOptions o;
  o.facets = {"outlet", "person", "place"};
  std::ostringstream out;
  morgue::Output output(o, out);
  output.set_width(30);
  output.page(a);
  const std::string text = out.str();
  BOOST_TEST(text.find("1 matching article, showing\n1-1\nquery: noem\n") != std::string::npos,
             text);
  BOOST_TEST(text.find("[f1] outlet: BBC (1)\n") != std::string::npos, text);
  BOOST_TEST(
      text.find("[f2] place: El Salvador (1)\n[f3] place: New York (1)") != std::string::npos,
      text);
  std::istringstream lines(text);
  for (std::string l; std::getline(lines, l);) BOOST_TEST(morgue::display_width(l) <= 30u, l);
}

BOOST_AUTO_TEST_CASE(interactive_article_in_full) {
  morgue::SearchOptions o;
  std::ostringstream out;
  morgue::Output(o, out).article({{"id", "x.txt"},
                                  {"title", "A title"},
                                  {"date", "2025-03-26"},
                                  {"places", {"El Salvador", "USA"}},
                                  {"text", "First.\n\nSecond\x1b[2J paragraph."}});
  BOOST_TEST(
      out.str() ==
      "A title\n2025-03-26 \u00b7 x.txt\nplaces: El Salvador; USA\n\nFirst.\n\nSecond\ufffd[2J "
      "paragraph.\n");
}

BOOST_AUTO_TEST_SUITE_END()
