// Unit tests for sidecar manifests: the CSV reader against a model writer over seeded random
// tables, and rows given to the articles they name.
#include "read/sidecar.h"

#include <boost/test/unit_test.hpp>
#include <random>
#include <sstream>

#include "common/error.h"
#include "temp_dir.h"

namespace {

struct Collect : morgue::ArticleSink {
  std::vector<std::string> warnings;
  void article(morgue::Article&&) override {}
  void skipped(const morgue::InputError& e) override { warnings.push_back(e.what()); }
  void warning(const std::string& m) override { warnings.push_back(m); }
};

using Table = std::vector<std::vector<std::string>>;

Table parse(const std::string& text, std::vector<std::size_t>* lines = nullptr) {
  std::istringstream in(text);
  Table rows;
  morgue::read_csv(in, "t.csv", [&](std::vector<std::string>&& cells, std::size_t line) {
    rows.push_back(std::move(cells));
    if (lines) lines->push_back(line);
  });
  return rows;
}

// The model: RFC 4180 as a spreadsheet writes it, quoting a cell when it must.
std::string write_csv(const Table& rows, const char* eol) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string& c = row[i];
      if (i) out += ',';
      if (c.find_first_of(",\"\r\n") != std::string::npos || c.empty()) {
        out += '"';
        for (char ch : c) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        out += '"';
      } else {
        out += c;
      }
    }
    out += eol;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sidecar)

BOOST_AUTO_TEST_CASE(csv_quotes_line_breaks_and_marks) {
  std::vector<std::size_t> lines;
  const Table t = parse(
      "\xEF\xBB\xBFpath,note\r\na.txt,\"one, two\"\r\nb.txt,\"say \"\"hi\"\"\nthen "
      "go\"\nc.txt,\n,x",
      &lines);
  BOOST_TEST(t.size() == 5u);
  BOOST_TEST(t[0][0] == "path");  // the byte-order mark is not part of the first name
  BOOST_TEST(t[1][1] == "one, two");
  BOOST_TEST(t[2][1] == "say \"hi\"\nthen go");
  BOOST_TEST(t[3].size() == 2u);
  BOOST_TEST(t[3][1] == "");
  BOOST_TEST(t[4][0] == "");
  BOOST_TEST(t[4][1] == "x");  // the last record needs no line end
  BOOST_TEST((lines == std::vector<std::size_t>{1, 2, 3, 5, 6}));
  BOOST_CHECK_THROW(parse("a,b\n1,\"never ends\n"), morgue::InputError);
  try {
    parse("a,b\n1,2\n3,\"open\n");
  } catch (const morgue::InputError& e) {
    BOOST_TEST(std::string(e.what()) == "t.csv:3: a quoted CSV field never ends");
  }
}

BOOST_AUTO_TEST_CASE(random_tables_read_as_written) {
  std::mt19937 rng(4180);
  const std::string alphabet = "ab ,\"\n\r;x\xC3\xA9";
  for (int i = 0; i < 2000; ++i) {
    Table t(1 + rng() % 6, std::vector<std::string>(1 + rng() % 5));
    for (auto& row : t)
      for (auto& c : row) {
        const std::size_t n = rng() % 8;
        for (std::size_t k = 0; k < n; ++k) c += alphabet[rng() % alphabet.size()];
      }
    const char* eol = i % 2 ? "\r\n" : "\n";
    BOOST_TEST(parse(write_csv(t, eol)) == t, "case " << i);
  }
}

BOOST_AUTO_TEST_CASE(rows_name_files_or_ids_and_replace_fields) {
  morgue::testing::TempDir dir;
  dir.write("a.txt", "A\n\ntext\n");
  const std::string csv = dir.write("m.csv",
                                    "path,id,date,outlet,people,topic\n"
                                    "a.txt,,2005-03-14,BBC,Tony Blair; Gordon Brown,politics\n"
                                    ",w-1,2005-04,,,sport\n"
                                    "gone.txt,,2005-01-01,,,\n"
                                    ",,2005-01-01,,,\n");
  Collect sink;
  morgue::Sidecar sidecar({csv}, sink);
  BOOST_TEST(sink.warnings.size() == 2u);
  BOOST_TEST(sink.warnings.at(0) == csv + ":4: path \"gone.txt\" names no file; row ignored");
  BOOST_TEST(sink.warnings.at(1) ==
             csv + ":5: the row names no article (a \"path\" or \"id\" column); ignored");
  morgue::Article a;
  a.id = "a.txt";
  a.source = (dir.path / "a.txt").string();
  a.outlet = "Its own";
  sidecar.apply(a);
  BOOST_TEST(a.outlet == "BBC");
  BOOST_TEST(morgue::to_string(*a.date) == "2005-03-14");
  BOOST_TEST((a.people == std::vector<std::string>{"Tony Blair", "Gordon Brown"}));
  BOOST_TEST(a.declared.people);
  BOOST_TEST(a.extra["topic"] == "politics");
  morgue::Article w;
  w.id = "w-1";
  w.source = "/elsewhere/feed.jsonl";
  sidecar.apply(w);
  BOOST_TEST(morgue::to_string(*w.date) == "2005-04");
  BOOST_TEST(w.outlet == "");
  morgue::Article other;
  other.id = "nobody";
  sidecar.apply(other);
  BOOST_TEST(!other.date);
  Collect unused;
  sidecar.report_unused(unused);
  BOOST_TEST(unused.warnings.empty());
  morgue::Sidecar again({csv}, sink);
  sidecar.report_unused(unused);
  again.report_unused(unused);
  BOOST_TEST(unused.warnings.size() == 2u);  // neither row was used by an article of `again`
}

BOOST_AUTO_TEST_CASE(a_later_row_for_the_same_article_replaces_the_earlier_and_says_so) {
  morgue::testing::TempDir dir;
  dir.write("a.txt", "A\n\ntext\n");
  const std::string csv = dir.write("m.csv",
                                    "path,id,outlet\n"
                                    "a.txt,,First\n"
                                    "./a.txt,,Second\n"
                                    ",x,One\n"
                                    ",x,Two\n");
  Collect sink;
  morgue::Sidecar sidecar({csv}, sink);
  BOOST_TEST_REQUIRE(sink.warnings.size() == 2u);
  BOOST_TEST(sink.warnings[0] == csv + ":3: path \"./a.txt\" was given by " + csv +
                                     ":2 too; this row replaces that one");
  BOOST_TEST(sink.warnings[1] ==
             csv + ":5: id \"x\" was given by " + csv + ":4 too; this row replaces that one");
  morgue::Article a;
  a.id = "a.txt";
  a.source = (dir.path / "a.txt").string();
  sidecar.apply(a);
  BOOST_TEST(a.outlet == "Second");
  Collect unused;
  sidecar.report_unused(unused);  // the replaced rows are not said again; x was not read
  BOOST_TEST_REQUIRE(unused.warnings.size() == 1u);
  BOOST_TEST(unused.warnings[0] == csv + ":5: no article with id \"x\" was read in this run");
}

BOOST_AUTO_TEST_SUITE_END()
