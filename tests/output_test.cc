// Unit tests for the result writers.
#include "common/output.h"

#include <boost/test/unit_test.hpp>
#include <sstream>

namespace {

std::string render(morgue::OutputFormat format) {
  std::ostringstream out;
  auto w = morgue::make_result_writer(format, out, morgue::TextStyle{false});
  w->begin({"noem", 1, 0, nlohmann::ordered_json::object()});
  morgue::Hit h;
  h.rank = 1;
  h.score = 1.5;
  h.record = {{"id", "a,1"}, {"title", "Say \"hi\"\tnow"}, {"date", "2025-03-26"},
              {"people", {"Kristi Noem", "Donald Trump"}}, {"source", "/x"}};
  h.snippet = "line\nbreak";
  w->hit(h);
  w->end();
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
  BOOST_TEST(std::count(row.begin(), row.end(), '\t') == std::count(header.begin(), header.end(), '\t'));
}

BOOST_AUTO_TEST_CASE(json_has_the_spec_keys) {
  auto j = nlohmann::json::parse(render(morgue::OutputFormat::kJson));
  BOOST_TEST(j["format_version"] == 1);
  BOOST_TEST(j["total"] == 1);
  const auto& hit = j["hits"][0];
  for (const char* key : {"rank", "id", "score", "title", "date", "outlet", "people", "places", "snippet", "source"})
    BOOST_TEST(hit.contains(key), key);
  BOOST_TEST(hit["outlet"].is_null());
}

BOOST_AUTO_TEST_CASE(text_without_colour_has_no_escapes) {
  std::string text = render(morgue::OutputFormat::kText);
  BOOST_TEST(text.find('\x1b') == std::string::npos);
  BOOST_TEST(text.find("1 matching article") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
