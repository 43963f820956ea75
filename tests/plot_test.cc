// Unit tests for --plot: the datablock holds the histogram's counts (zeros, shares, groups), text
// reaches gnuplot only as literals it cannot run, and gnuplot is run through pipes without a shell.
#include "searcher/plot.h"

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"

using morgue::HistogramCounts;
using morgue::HistogramRow;
using morgue::Period;
using morgue::PlotFormat;
using morgue::PlotLabels;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The lines between "$data << EOD" and "EOD".
std::vector<std::string> datablock(const std::string& script) {
  std::vector<std::string> rows;
  bool in = false;
  for (const std::string& line : lines_of(script)) {
    if (line == "$data << EOD") {
      in = true;
    } else if (line == "EOD") {
      in = false;
    } else if (in) {
      rows.push_back(line);
    }
  }
  return rows;
}

// The text of the gnuplot double-quoted literal that starts at `at` in `line`, read as gnuplot
// reads it (\0ooo, or \ooo not starting with 0, is a character), and where it ends. Only letters,
// digits, spaces, UTF-8 and octal escapes may stand in it: nothing gnuplot expands before it reads
// strings.
std::string read_literal(const std::string& line, std::size_t at, std::size_t* end) {
  BOOST_TEST_REQUIRE(line.at(at) == '"');
  std::string out;
  for (std::size_t i = at + 1; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      *end = i + 1;
      return out;
    }
    if (c == '\\') {
      const std::size_t digits = line.at(i + 1) == '0' ? 4 : 3;
      BOOST_TEST_REQUIRE(i + digits < line.size());
      out += static_cast<char>(std::stoi(line.substr(i + 1, digits), nullptr, 8) & 0xff);
      i += digits;
    } else {
      BOOST_TEST((std::isalnum(static_cast<unsigned char>(c)) || c == ' ' ||
                  static_cast<unsigned char>(c) >= 0x80),
                 line);
      out += c;
    }
  }
  BOOST_FAIL("unterminated literal: " + line);
  return out;
}

// The literals that follow `marker` in the script, decoded.
std::vector<std::string> literals_after(const std::string& script, const std::string& marker) {
  std::vector<std::string> out;
  for (const std::string& line : lines_of(script)) {
    for (std::size_t at = line.find(marker); at != std::string::npos;
         at = line.find(marker, at + 1)) {
      std::size_t end = 0;
      out.push_back(read_literal(line, at + marker.size(), &end));
    }
  }
  return out;
}

std::string title_of(const std::string& script) {
  const auto titles = literals_after(script, "set title ");
  BOOST_TEST_REQUIRE(titles.size() == 1u);
  return titles.front();
}

HistogramRow row(const char* period, Xapian::doccount count) {
  return HistogramRow{period, std::nullopt, count, std::nullopt};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plot)

BOOST_AUTO_TEST_CASE(the_datablock_holds_every_period_zeros_included) {
  HistogramCounts h;
  h.rows = {row("2025-01", 3), row("2025-02", 0), row("2025-03", 0), row("2025-04", 12)};
  h.undated = {row("undated", 5)};
  h.undated_total = 5;
  const std::string script =
      morgue::gnuplot_script(h, PlotLabels{"harbour", Period::kMonth, {}, false}, PlotFormat::kSvg);
  const std::vector<std::string> want = {"2025-01 3", "2025-02 0", "2025-03 0", "2025-04 12"};
  BOOST_TEST(datablock(script) == want, boost::test_tools::per_element());
  BOOST_TEST(script.find("undated") == std::string::npos);  // in no period: not drawn
  BOOST_TEST(title_of(script) == "harbour (articles per month)");
  BOOST_TEST(script.find("set terminal svg ") != std::string::npos);
  BOOST_TEST(script.find(" with boxes notitle") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_column_per_group_in_the_order_of_the_rows) {
  HistogramCounts h;
  for (const char* p : {"2025-W01", "2025-W02"}) {
    h.rows.push_back(HistogramRow{p, "Reuters", p[7] == '1' ? 4u : 0u, std::nullopt});
    h.rows.push_back(HistogramRow{p, "O'Brien Daily", p[7] == '1' ? 1u : 7u, std::nullopt});
  }
  const std::string script =
      morgue::gnuplot_script(h, PlotLabels{"*", Period::kWeek, "outlet", false}, PlotFormat::kPng);
  const std::vector<std::string> want = {"2025-W01 4 1", "2025-W02 0 7"};
  BOOST_TEST(datablock(script) == want, boost::test_tools::per_element());
  BOOST_TEST(script.find("using 0:2:xtic(") != std::string::npos);
  BOOST_TEST(script.find("'' using 0:3 with linespoints") != std::string::npos);
  const std::vector<std::string> keys = {"Reuters", "O'Brien Daily"};
  BOOST_TEST(literals_after(script, "pointsize 0.6 title ") == keys,
             boost::test_tools::per_element());
  BOOST_TEST(title_of(script) == "* (articles per week by outlet)");
  BOOST_TEST(script.find("set terminal pngcairo ") != std::string::npos);
  BOOST_TEST(script.find("set terminal png ") != std::string::npos);  // without cairo
}

BOOST_AUTO_TEST_CASE(normalized_shares_are_per_cent_and_empty_periods_no_number) {
  HistogramCounts h;
  h.rows = {HistogramRow{"2024", std::nullopt, 1, 4}, HistogramRow{"2025", std::nullopt, 0, 0},
            HistogramRow{"2026", std::nullopt, 0, 9}};
  const std::string script =
      morgue::gnuplot_script(h, PlotLabels{"oil", Period::kYear, {}, true}, PlotFormat::kSvg);
  const std::vector<std::string> want = {"2024 25", "2025 NaN", "2026 0"};
  BOOST_TEST(datablock(script) == want, boost::test_tools::per_element());
  BOOST_TEST(title_of(script) == "oil (share of articles per year, %)");
  BOOST_TEST(literals_after(script, "set ylabel ").at(0) == "share of articles (%)");
}

// A title is one literal on one line, whatever the query holds: quotes (two doubled quotes in a
// row end a single-quoted string in gnuplot 5.4), line breaks, `backquotes` (command substitution,
// even inside double quotes), @macros, a datablock's end marker, enhanced-text markup.
BOOST_AUTO_TEST_CASE(a_query_cannot_inject_commands) {
  const std::string query =
      "a' \nsystem 'touch /tmp/morgue-pwned'\n`touch /tmp/morgue-pwned` @x 'it''''s' {b}^2_3 "
      "\\\" -7 \r\nEOD\n# \xc3\xa9";
  HistogramCounts h;
  h.rows = {HistogramRow{"2025", std::string("x'\nEOD\nsystem 'id'"), 1, std::nullopt}};
  const std::string script = morgue::gnuplot_script(
      h, PlotLabels{query, Period::kYear, "outlet", false}, PlotFormat::kSvg);
  std::string flat = query;
  for (char& c : flat) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  for (const std::string& line : lines_of(script)) {
    BOOST_TEST(line.rfind("system", 0) != 0);
    if (line.rfind("set title ", 0) == 0) {
      std::size_t end = 0;
      BOOST_TEST(read_literal(line, 10, &end) == flat + " (articles per year by outlet)");
      BOOST_TEST(end == line.size());  // nothing after the literal
    }
  }
  BOOST_TEST(title_of(script) == flat + " (articles per year by outlet)");
  BOOST_TEST(script.find('`') == std::string::npos);
  BOOST_TEST(script.find('@') == std::string::npos);
  BOOST_TEST(datablock(script).size() == 1u);  // the group name is not in the datablock
  BOOST_TEST(literals_after(script, "with boxes title ").at(0) == "x' EOD system 'id'");
  BOOST_TEST(script.find("noenhanced") != std::string::npos);  // ^ _ { } & drawn as they are
  BOOST_TEST(morgue::gnuplot_string("it's\ta\\b \xc3\xa9") == "\"it\\0047s a\\0134b \xc3\xa9\"");
  // An escape before a digit: gnuplot reads \0557 as one character ('o'), \00557 as "-7".
  BOOST_TEST(morgue::gnuplot_string("/tmp-7/@1") == "\"\\0057tmp\\00557\\0057\\01001\"");
}

BOOST_AUTO_TEST_CASE(many_periods_label_every_nth) {
  HistogramCounts h;
  for (int day = 1; day <= 100; ++day)
    h.rows.push_back(HistogramRow{"day " + std::to_string(day), std::nullopt, 1, std::nullopt});
  auto script =
      morgue::gnuplot_script(h, PlotLabels{"q", Period::kDay, {}, false}, PlotFormat::kSvg);
  BOOST_TEST(script.find("xtic(int($0) % 5 == 0 ? strcol(1) : '')") != std::string::npos);
  h.rows.resize(morgue::kMaxPlotLabels);
  script = morgue::gnuplot_script(h, PlotLabels{"q", Period::kDay, {}, false}, PlotFormat::kSvg);
  BOOST_TEST(script.find("xtic(int($0) % 1 == 0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_extension_picks_the_format) {
  BOOST_TEST((morgue::plot_format_for("out/chart.svg") == PlotFormat::kSvg));
  BOOST_TEST((morgue::plot_format_for("CHART.PNG") == PlotFormat::kPng));
  for (const char* bad : {"chart.pdf", "chart", ".svg", "svg", "chart.svg.gz", ""})
    BOOST_TEST(!morgue::plot_format_for(bad), bad);
}

// The script goes in and the image comes out through pipes read and written together: `cat`
// echoes a script far larger than a pipe holds without either side waiting forever.
BOOST_AUTO_TEST_CASE(gnuplot_runs_through_pipes) {
  std::string big;
  while (big.size() < 1000000) big += "set title 'x' # " + std::to_string(big.size()) + "\n";
  BOOST_TEST(morgue::run_gnuplot("cat", big) == big);
  try {
    morgue::run_gnuplot("/nonexistent/gnuplot", "plot x\n");
    BOOST_FAIL("no error");
  } catch (const morgue::Error& e) {
    BOOST_TEST(std::string(e.what()).find("install the gnuplot-nox package") != std::string::npos);
  }
  try {
    morgue::run_gnuplot("false", "plot x\n");
    BOOST_FAIL("no error");
  } catch (const morgue::Error& e) {
    BOOST_TEST(std::string(e.what()).rfind("gnuplot failed: ", 0) == 0);
  }
  try {
    // exits 0 having read and written nothing: the script meets a closed pipe (EPIPE, not SIGPIPE)
    morgue::run_gnuplot("true", big);
    BOOST_FAIL("no error");
  } catch (const morgue::Error& e) {
    BOOST_TEST(std::string(e.what()).rfind("gnuplot wrote no image", 0) == 0);
  }
}

BOOST_AUTO_TEST_CASE(gnuplot_errors_name_what_went_wrong) {
  try {
    morgue::run_gnuplot("gnuplot", "set terminal svg\nplot $nodata using 1:2\n");
    BOOST_FAIL("no error");
  } catch (const morgue::Error& e) {
    const std::string what = e.what();
    if (what.find("gnuplot-nox") != std::string::npos) return;  // not installed here
    BOOST_TEST(what.rfind("gnuplot failed: ", 0) == 0, what);
    BOOST_TEST(what.find("no datablock named $nodata") != std::string::npos, what);
  }
}

BOOST_AUTO_TEST_SUITE_END()
