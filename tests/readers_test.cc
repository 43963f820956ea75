// Unit tests for the text and JSON readers.
#include "read/readers.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

struct Collect : morgue::ArticleSink {
  std::vector<morgue::Article> articles;
  std::vector<std::string> skips, warnings;
  void article(morgue::Article&& a) override { articles.push_back(std::move(a)); }
  void skipped(const morgue::InputError& e) override { skips.push_back(e.what()); }
  void warning(const std::string& m) override { warnings.push_back(m); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(readers)

BOOST_AUTO_TEST_CASE(text_headline_only_when_short_and_no_sentence) {
  auto a = morgue::read_text("Noem warns aliens during CECOT tour\nThe body starts here.\nMore.");
  BOOST_TEST(a.title == "Noem warns aliens during CECOT tour");
  BOOST_TEST(a.text == "The body starts here.\nMore.");
  auto b = morgue::read_text("Noem toured the prison this week amid talks.\nSecond paragraph.");
  BOOST_TEST(b.title == "");
  BOOST_TEST(b.text.rfind("Noem toured", 0) == 0u);
  auto c = morgue::read_text("\nHeadline-like first line\nBody.");
  BOOST_TEST(c.title == "");  // a file that starts with a blank line has no headline
  auto d = morgue::read_text("Just one line");
  BOOST_TEST(d.title == "");
  BOOST_TEST(d.text == "Just one line");
  auto e = morgue::read_text("Windows headline\r\nBody\r\n");
  BOOST_TEST(e.title == "Windows headline");
  BOOST_TEST(e.text == "Body");
}

BOOST_AUTO_TEST_CASE(json_fields_and_aliases) {
  Collect sink;
  auto o =
      nlohmann::json::parse(R"({"id": 7, "headline": "H", "body": "B", "publisher": {"name": "AP"},
      "date": "2025-03-26T10:00:00Z", "authors": "Jane Roe", "orgs": ["UN", "UN"], "topics": ["x"]})");
  auto a = morgue::article_from_json(o, "f.jsonl", 3, "f.jsonl#3", sink);
  BOOST_TEST(a.id == "7");
  BOOST_TEST(a.title == "H");
  BOOST_TEST(a.text == "B");
  BOOST_TEST(a.outlet == "AP");
  BOOST_TEST(morgue::to_string(a.date.value()) == "2025-03-26");
  BOOST_TEST(a.authors == std::vector<std::string>{"Jane Roe"});
  BOOST_TEST(a.organizations == std::vector<std::string>{"UN"});
  BOOST_TEST(a.extra["topics"][0] == "x");
  BOOST_TEST(sink.warnings.empty());
}

BOOST_AUTO_TEST_CASE(json_wrong_types_warn_and_keep_the_article) {
  Collect sink;
  auto o =
      nlohmann::json::parse(R"({"id": "c", "date": 5, "people": "x", "places": [1], "text": "t"})");
  auto a = morgue::article_from_json(o, "f.jsonl", 4, "", sink);
  BOOST_TEST(!a.date.has_value());
  BOOST_TEST(a.people == std::vector<std::string>{"x"});
  BOOST_TEST(a.places.empty());
  BOOST_REQUIRE(sink.warnings.size() == 2u);
  BOOST_TEST(sink.warnings[0].find("f.jsonl:4: field \"date\"") == 0u);
  auto bad_date = nlohmann::json::parse(R"({"text": "t", "date": "2025-02-30"})");
  morgue::article_from_json(bad_date, "g.json", 0, "g.json", sink);
  BOOST_TEST(sink.warnings.back().find("not a valid date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_lines_go_on_after_bad_lines) {
  Collect sink;
  std::istringstream in(
      "{\"id\": \"a\", \"text\": \"fine\"}\n"
      "{\"id\": \"b\", \"text\": \n"
      "\n"
      "[1, 2]\n"
      "{\"text\": \"caf\xe9\"}\n"
      "{\"id\": 9}\n"
      "{\"x\": 1}\n");
  morgue::read_json_lines(in, "in.jsonl", "in.jsonl", "/abs/in.jsonl", morgue::ReadOptions{}, sink);
  BOOST_REQUIRE(sink.articles.size() == 3u);
  BOOST_TEST(sink.articles[1].id == "in.jsonl#5");  // no id: the line number
  BOOST_TEST(sink.articles[1].text == "café");
  BOOST_TEST(sink.articles[0].source == "/abs/in.jsonl");
  BOOST_REQUIRE(sink.skips.size() == 3u);
  BOOST_TEST(sink.skips[0].rfind("in.jsonl:2: invalid JSON", 0) == 0u);
  BOOST_TEST(sink.skips[1].rfind("in.jsonl:4: expected a JSON object", 0) == 0u);
  BOOST_TEST(sink.skips[2].rfind("in.jsonl:7: article has no text, no title and no id", 0) == 0u);
  BOOST_TEST(sink.articles[2].id == "9");  // metadata only, kept with a warning
  BOOST_REQUIRE(sink.warnings.size() == 1u);
  BOOST_TEST(sink.warnings[0].rfind("in.jsonl:6: article 9 has no text", 0) == 0u);
}

// `levels` arrays nested around 1, as the value of a field of an article (one more level).
std::string nested_article(std::size_t levels) {
  return "{\"text\": \"t\", \"deep\": " + std::string(levels, '[') + "1" +
         std::string(levels, ']') + "}";
}

BOOST_AUTO_TEST_CASE(json_nested_deeper_than_the_limit_is_skipped) {
  // Issue 14: 100,000 levels on one line crashed the indexer (SIGSEGV in the recursive dump),
  // and every re-run crashed again. The limit is a document's depth, the article object included.
  Collect sink;
  std::istringstream in(nested_article(morgue::kMaxJsonDepth - 1) + "\n" +
                        nested_article(morgue::kMaxJsonDepth) + "\n" + nested_article(100000) +
                        "\n" + "{\"text\": \"brackets in strings do not count: [[[{{{\\\"]]]\"}\n");
  morgue::read_json_lines(in, "deep.jsonl", "deep.jsonl", "-", morgue::ReadOptions{}, sink);
  BOOST_REQUIRE(sink.articles.size() == 2u);
  BOOST_TEST(sink.articles[0].id == "deep.jsonl#1");
  BOOST_TEST(sink.articles[1].id == "deep.jsonl#4");
  BOOST_REQUIRE(sink.skips.size() == 2u);
  BOOST_TEST(sink.skips[0] == "deep.jsonl:2: JSON nested deeper than the limit of 100 levels");
  BOOST_TEST(sink.skips[1] == "deep.jsonl:3: JSON nested deeper than the limit of 100 levels");

  // A value parsed elsewhere is refused by article_from_json itself.
  auto deep = nlohmann::json::parse(nested_article(100000));
  BOOST_CHECK_THROW(morgue::article_from_json(deep, "f.json", 0, "f.json", sink),
                    morgue::InputError);
  auto ok = nlohmann::json::parse(nested_article(morgue::kMaxJsonDepth - 1));
  BOOST_TEST(morgue::article_from_json(ok, "f.json", 0, "f.json", sink).text == "t");
}

BOOST_AUTO_TEST_CASE(json_array_element_nested_too_deep_is_skipped_alone) {
  const auto path = std::filesystem::temp_directory_path() / "morgue-readers-deep.json";
  {
    std::ofstream out(path);
    // elements sit one level down: the limit leaves them 99 levels
    out << "[\n"
        << nested_article(1) << ",\n"
        << nested_article(morgue::kMaxJsonDepth - 1) << ",\n"
        << nested_article(morgue::kMaxJsonDepth - 2) << "]\n";
  }
  Collect sink;
  morgue::read_file(path, "deep.json", path.string(), morgue::ReadOptions{}, sink);
  BOOST_REQUIRE(sink.articles.size() == 2u);
  BOOST_TEST(sink.articles[0].id == "deep.json#1");
  BOOST_TEST(sink.articles[1].id == "deep.json#3");  // the ids of later elements stay
  BOOST_REQUIRE(sink.skips.size() == 1u);
  BOOST_TEST(sink.skips[0] ==
             path.string() + ":3: element 2: JSON nested deeper than the limit of 100 levels");

  {
    std::ofstream out(path);
    out << nested_article(100000);
  }
  BOOST_CHECK_EXCEPTION(
      morgue::read_file(path, "deep.json", path.string(), morgue::ReadOptions{}, sink),
      morgue::InputError, [](const morgue::InputError& e) {
        return e.reason() == "JSON nested deeper than the limit of 100 levels";
      });
  std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(json_numeric_ids_keep_their_decimal_text) {
  // Issue 14: numeric ids above 2^64 were read as doubles, and neighbours merged.
  Collect sink;
  std::istringstream in(
      "{\"id\": 18446744073709551617, \"text\": \"a\"}\n"
      "{\"id\": 18446744073709551618, \"text\": \"b\"}\n"
      "{\"id\": -99999999999999999999, \"text\": \"c\"}\n"
      "{\"id\": 1.50, \"text\": \"d\"}\n"
      "{\"id\": 7, \"text\": \"e\", \"views\": 1.50, \"ids\": [1.5]}\n");
  morgue::read_json_lines(in, "n.jsonl", "n.jsonl", "-", morgue::ReadOptions{}, sink);
  BOOST_REQUIRE(sink.articles.size() == 5u);
  BOOST_TEST(sink.articles[0].id == "18446744073709551617");
  BOOST_TEST(sink.articles[1].id == "18446744073709551618");
  BOOST_TEST(sink.articles[2].id == "-99999999999999999999");
  BOOST_TEST(sink.articles[3].id == "1.50");
  BOOST_TEST(sink.articles[4].id == "7");
  BOOST_TEST(sink.articles[4].extra["views"].is_number_float());  // only ids are kept as text
  BOOST_TEST(sink.articles[4].extra["ids"][0].is_number_float());
}

BOOST_AUTO_TEST_CASE(an_empty_id_is_said_to_be_empty) {
  // Issue 14: "id": "" was said to be "a string or a number, not string".
  Collect sink;
  std::istringstream in("{\"id\": \"\", \"text\": \"t\"}\n{\"id\": [], \"text\": \"u\"}\n");
  morgue::read_json_lines(in, "e.jsonl", "e.jsonl", "-", morgue::ReadOptions{}, sink);
  BOOST_REQUIRE(sink.articles.size() == 2u);
  BOOST_TEST(sink.articles[0].id == "e.jsonl#1");
  BOOST_REQUIRE(sink.warnings.size() == 2u);
  BOOST_TEST(sink.warnings[0] == "e.jsonl:1: field \"id\" is empty; ignored");
  BOOST_TEST(sink.warnings[1] ==
             "e.jsonl:2: field \"id\" should be a string or a number, not array; ignored");
}

// `text` (ASCII and Latin-1 letters only) in UTF-16, little- or big-endian, with or without a BOM.
std::string utf16(const std::string& utf8, bool little, bool bom) {
  std::string out = bom ? (little ? "\xFF\xFE" : "\xFE\xFF") : "";
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0xC0) c = ((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
    const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    out += little ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

BOOST_AUTO_TEST_CASE(utf16_files_with_a_byte_order_mark_are_read) {
  // Issue 14: UTF-16 files (with a BOM) were "binary".
  const auto dir = std::filesystem::temp_directory_path() / "morgue-readers-utf16";
  std::filesystem::create_directories(dir);
  const struct {
    const char* name;
    std::string utf8;
  } files[] = {
      {"le.txt", "Café owners protest\nThe café owners of Lisbon said rents doubled.\n"},
      {"be.jsonl",
       "{\"id\": \"j1\", \"text\": \"Café one\"}\n{\"id\": \"j2\", \"text\": \"Café two\"}\n"},
      {"le.json", "[{\"id\": \"a1\", \"text\": \"Café array\"}]"},
      {"le.html",
       "<html><head><meta charset=\"utf-16\"><title>Café page</title></head><body><p>Café "
       "body.</p></body></html>"},
  };
  Collect sink;
  for (const auto& f : files) {
    const auto path = dir / f.name;
    std::ofstream(path, std::ios::binary) << utf16(f.utf8, f.name[0] == 'l', true);
    morgue::read_file(path, f.name, path.string(), morgue::ReadOptions{}, sink);
  }
  BOOST_TEST(sink.skips.empty());
  BOOST_REQUIRE(sink.articles.size() == 5u);
  BOOST_TEST(sink.articles[0].title == "Café owners protest");
  BOOST_TEST(sink.articles[1].text == "Café one");
  BOOST_TEST(sink.articles[2].id == "j2");
  BOOST_TEST(sink.articles[3].text == "Café array");
  BOOST_TEST(sink.articles[4].text == "Café body.");
  // Without a byte-order mark the encoding cannot be told for sure: the message says what to do.
  const auto bare = dir / "bare.txt";
  std::ofstream(bare, std::ios::binary) << utf16(files[0].utf8, true, false);
  BOOST_CHECK_EXCEPTION(
      morgue::read_file(bare, "bare.txt", bare.string(), morgue::ReadOptions{}, sink),
      morgue::InputError, [](const morgue::InputError& e) {
        return e.reason() ==
               "UTF-16 text without a byte-order mark: save it as UTF-8, or as UTF-16 with one";
      });
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_list_of_200000_names_is_read_in_linear_time,
                     *boost::unit_test::timeout(30)) {
  // Issue 14: each name was looked for in the list so far: 60 s for 200,000 names.
  nlohmann::json people = nlohmann::json::array();
  for (int i = 0; i < 200000; ++i) people.push_back("Anna Name" + std::to_string(i % 150000));
  nlohmann::json o = {{"id", "p"}, {"text", "t"}, {"people", people}};
  Collect sink;
  const morgue::Article a = morgue::article_from_json(o, "p.jsonl", 1, "", sink);
  BOOST_TEST(a.people.size() == 150000u);  // each once, in order
  BOOST_TEST(a.people[149999] == "Anna Name149999");
}

BOOST_AUTO_TEST_CASE(article_size_limit) {
  Collect sink;
  std::istringstream in("{\"text\": \"" + std::string(100, 'x') + "\"}\n");
  morgue::ReadOptions small;
  small.max_article_bytes = 50;
  morgue::read_json_lines(in, "big.jsonl", "big.jsonl", "-", small, sink);
  BOOST_TEST(sink.articles.empty());
  BOOST_REQUIRE(sink.skips.size() == 1u);
  BOOST_TEST(sink.skips[0].find("exceeds the maximum article size") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(formats_by_extension) {
  BOOST_TEST((morgue::format_for("a/B.TXT") == morgue::Format::kText));
  BOOST_TEST((morgue::format_for("x.ndjson") == morgue::Format::kJsonLines));
  BOOST_TEST((morgue::format_for("x.htm") == morgue::Format::kHtml));
  BOOST_TEST(!morgue::format_for("x.pdf"));
  BOOST_TEST(!morgue::format_for("README"));
}

BOOST_AUTO_TEST_SUITE_END()
