// Unit tests for the HTML reader.
#include "read/html_reader.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "common/error.h"

namespace {

using morgue::Article;
using morgue::Date;
using morgue::Precision;
using morgue::read_html;
using Strings = std::vector<std::string>;

// A page with `head` in <head> and `body` as the body's content.
std::string page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

std::string ld_json(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

bool no_article_text(const morgue::InputError& e) {
  return e.reason() == "HTML page has no article text" &&
         std::string(e.what()).find("page.html") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_reader)

BOOST_AUTO_TEST_CASE(title_prefers_json_ld_then_og_then_title_element) {
  const std::string title = "<title>From Title | Planet</title>";
  const std::string og = "<meta property=\"og:title\" content=\"From  OG\">";
  const std::string ld = ld_json(R"({"@type": "NewsArticle", "headline": " From LD "})");
  const std::string body = "<p>Text.</p>";

  BOOST_TEST(read_html(page(title + og + ld, body), "page.html").title == "From LD");
  BOOST_TEST(read_html(page(title + og, body), "page.html").title == "From OG");
  BOOST_TEST(read_html(page(title, body), "page.html").title == "From Title | Planet");
  BOOST_TEST(read_html(page("", body), "page.html").title == "");
}

BOOST_AUTO_TEST_CASE(title_loses_site_suffix_only_when_it_names_the_site) {
  const std::string body = "<p>Text.</p>";
  const std::string site = "<meta property=\"og:site_name\" content=\"The Daily Planet\">";
  BOOST_TEST(
      read_html(page("<title>\n  Big   News | The Daily Planet </title>" + site, body), "page.html")
          .title == "Big News");
  BOOST_TEST(read_html(page("<title>Big News - the daily planet</title>" + site, body), "page.html")
                 .title == "Big News");
  // Not the site's name: a dash inside the headline stays.
  BOOST_TEST(read_html(page("<title>Left - Right</title>" + site, body), "page.html").title ==
             "Left - Right");
  // Without a site name nothing is known to be a suffix.
  BOOST_TEST(
      read_html(page("<title>Big News | The Daily Planet</title>", body), "page.html").title ==
      "Big News | The Daily Planet");
  // The JSON-LD publisher names the site too.
  const std::string ld = ld_json(R"({"@type": "Article", "publisher": "Planet Online"})");
  BOOST_TEST(
      read_html(page("<title>Big News - Planet Online</title>" + ld, body), "page.html").title ==
      "Big News");
}

BOOST_AUTO_TEST_CASE(json_ld_news_article_in_graph) {
  const std::string ld = ld_json(R"({
    "@context": "https://schema.org",
    "@graph": [
      {"@type": "WebPage", "@id": "https://planet.example/story#webpage", "name": "Not this"},
      {"@type": ["NewsArticle"], "headline": "Mayor resigns",
       "datePublished": "2025-03-26T10:00:00+01:00",
       "publisher": {"@type": "Organization", "name": "The Daily Planet"},
       "author": [{"@type": "Person", "name": "Lois  Lane"}, "Clark Kent",
                  {"@type": "Person", "name": "lois lane"}],
       "mainEntityOfPage": {"@id": "https://planet.example/story#webpage"}}
    ]})");
  const std::string broken = ld_json(R"({"@type": "NewsArticle", "headline": "Broken",)");
  const std::string other =
      "<meta property=\"og:title\" content=\"OG title\">"
      "<meta property=\"og:site_name\" content=\"OG site\">"
      "<meta property=\"article:published_time\" content=\"2020-01-01\">"
      "<meta name=\"author\" content=\"Meta Author\">";
  Article a = read_html(page(broken + ld + other, "<p>The mayor resigned.</p>"), "page.html");
  BOOST_TEST(a.title == "Mayor resigns");
  BOOST_REQUIRE(a.date.has_value());
  BOOST_TEST((*a.date == Date{2025, 3, 26, Precision::kDay}));
  BOOST_TEST(a.outlet == "The Daily Planet");
  BOOST_TEST(a.authors == (Strings{"Lois Lane", "Clark Kent"}), boost::test_tools::per_element());
  BOOST_TEST(a.url == "https://planet.example/story");
  BOOST_TEST(a.text == "The mayor resigned.");
  BOOST_TEST(a.id == "");
  BOOST_TEST(a.source == "");
}

BOOST_AUTO_TEST_CASE(json_ld_references_by_id_and_plain_types) {
  // Yoast style: author and publisher are {"@id"} references to other nodes of the graph.
  const std::string ld = ld_json(R"({"@graph": [
      {"@type": "Organization", "@id": "https://x.example/#org", "name": "X Times"},
      {"@type": "Person", "@id": "https://x.example/#jane", "name": "Jane Roe"},
      {"@type": "http://schema.org/ReportageNewsArticle", "headline": "Floods",
       "author": {"@id": "https://x.example/#jane"}, "publisher": {"@id": "https://x.example/#org"},
       "url": "https://x.example/floods", "datePublished": "2024-07-02"}]})");
  Article a = read_html(page(ld, "<p>Water.</p>"), "page.html");
  BOOST_TEST(a.title == "Floods");
  BOOST_TEST(a.authors == (Strings{"Jane Roe"}), boost::test_tools::per_element());
  BOOST_TEST(a.outlet == "X Times");
  BOOST_TEST(a.url == "https://x.example/floods");
  BOOST_REQUIRE(a.date.has_value());
  BOOST_TEST((*a.date == Date{2024, 7, 2, Precision::kDay}));
}

BOOST_AUTO_TEST_CASE(json_ld_without_article_type_is_not_used) {
  const std::string ld = ld_json(R"([{"@type": "WebSite", "name": "Site", "headline": "No"},
                                     {"@type": "BreadcrumbList", "headline": "No either"}])");
  Article a = read_html(page("<title>Real</title>" + ld, "<p>x</p>"), "page.html");
  BOOST_TEST(a.title == "Real");
  BOOST_TEST(a.outlet == "");
}

BOOST_AUTO_TEST_CASE(open_graph_and_article_meta_tags) {
  const std::string head =
      "<title>Element title</title>"
      "<meta property=\"og:title\" content=\"OG headline\">"
      "<meta property=\"og:site_name\" content=\"Planet\">"
      "<meta property=\"og:url\" content=\"https://planet.example/og\">"
      "<meta property=\"article:published_time\" content=\"2023-11-05T08:00:00Z\">"
      "<meta property=\"article:author\" content=\"https://facebook.com/someone\">"
      "<meta property=\"article:author\" content=\"Perry White\">"
      "<meta property=\"article:author\" content=\"By Jimmy Olsen\">";
  Article a = read_html(page(head, "<p>Body.</p>"), "page.html");
  BOOST_TEST(a.title == "OG headline");
  BOOST_TEST(a.outlet == "Planet");
  BOOST_TEST(a.url == "https://planet.example/og");
  BOOST_REQUIRE(a.date.has_value());
  BOOST_TEST((*a.date == Date{2023, 11, 5, Precision::kDay}));
  BOOST_TEST(a.authors == (Strings{"Perry White", "Jimmy Olsen"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(meta_names_are_case_insensitive_and_canonical_gives_the_url) {
  const std::string head =
      "<META NAME=\"Author\" CONTENT=\"Cat Grant\">"
      "<meta name=\"DATE\" content=\"March 4, 2022\">"
      "<link rel=\"Canonical\" href=\"https://planet.example/canonical\">"
      "<meta property=\"og:url\" content=\"https://planet.example/og\">";
  Article a = read_html(page(head, "<p>Body.</p>"), "page.html");
  BOOST_TEST(a.authors == (Strings{"Cat Grant"}), boost::test_tools::per_element());
  BOOST_REQUIRE(a.date.has_value());
  BOOST_TEST((*a.date == Date{2022, 3, 4, Precision::kDay}));
  BOOST_TEST(a.url == "https://planet.example/canonical");

  // A relative canonical link loses to an absolute og:url.
  Article b = read_html(page("<link rel=canonical href=\"/relative\">"
                             "<meta property=\"og:url\" content=\"https://planet.example/og\">",
                             "<p>Body.</p>"),
                        "page.html");
  BOOST_TEST(b.url == "https://planet.example/og");
}

BOOST_AUTO_TEST_CASE(date_falls_back_to_itemprop_then_time_in_article) {
  // Microdata outside the article beats a <time> inside it.
  Article a =
      read_html(page("",
                     "<span itemprop=\"datePublished\" content=\"2021-06-07\"></span>"
                     "<article><p>Text <time datetime=\"2000-01-01\">then</time></p></article>"),
                "page.html");
  BOOST_REQUIRE(a.date.has_value());
  BOOST_TEST((*a.date == Date{2021, 6, 7, Precision::kDay}));

  Article b =
      read_html(page("",
                     "<time datetime=\"1999-01-01\">outside</time>"
                     "<article><header><time datetime=\"2019-05-01T12:00\">May 1</time></header>"
                     "<p>Text.</p></article>"),
                "page.html");
  BOOST_REQUIRE(b.date.has_value());
  BOOST_TEST((*b.date == Date{2019, 5, 1, Precision::kDay}));

  Article c = read_html(page("", "<article><p>No date here.</p></article>"), "page.html");
  BOOST_TEST(!c.date.has_value());
}

BOOST_AUTO_TEST_CASE(scripts_styles_and_page_chrome_are_not_text) {
  const std::string body =
      "<header>Site header</header>"
      "<nav><a href=\"/\">Home</a></nav>"
      "<script>var x = 'script text';</script>"
      "<style>p { color: red }</style>"
      "<noscript>Enable JavaScript</noscript>"
      "<template><p>Template</p></template>"
      "<p>First <b>paragraph</b>.</p>"
      "<aside>Related stories</aside>"
      "<form><label>Sign up</label><input name=q><button>Search</button></form>"
      "<svg><text>Logo</text></svg>"
      "<p hidden>Hidden</p>"
      "<iframe src=\"ad.html\">Ad</iframe>"
      "<p>Second paragraph.</p>"
      "<footer>Copyright</footer>";
  Article a = read_html(page("<style>body {}</style><script>head()</script>", body), "page.html");
  BOOST_TEST(a.text == "First paragraph.\n\nSecond paragraph.");
}

BOOST_AUTO_TEST_CASE(blocks_become_lines_and_paragraphs) {
  const std::string body =
      "<h1>Headline</h1>"
      "<p>  One   line\n with\tspaces&nbsp;and&amp;entities </p>"
      "<p>Line<br>break</p><p>Two<br><br>breaks</p>"
      "<ul><li>first</li><li>second</li></ul>"
      "<div>div one</div><div>div two</div>"
      "<p></p><p></p><p>After empty paragraphs</p>"
      "<pre>code  one\ncode two</pre>"
      "<table><tr><td>cell</td><td>cell 2</td></tr></table>"
      "<p>a<span>b</span> <em>c</em></p>";
  Article a = read_html(page("", body), "page.html");
  BOOST_TEST(a.text ==
             "Headline\n\n"
             "One line with spaces and&entities\n\n"
             "Line\nbreak\n\nTwo\n\nbreaks\n\n"
             "first\nsecond\n\n"
             "div one\ndiv two\n\n"
             "After empty paragraphs\n\n"
             "code one\ncode two\n\n"
             "cell\ncell 2\n\n"
             "ab c");
}

BOOST_AUTO_TEST_CASE(article_element_is_preferred_over_body) {
  Article a = read_html(page("",
                             "<div>Menu</div>"
                             "<article><p>Teaser</p></article>"
                             "<article><h1>Story</h1><p>The long story itself.</p></article>"
                             "<div>Sidebar</div>"),
                        "page.html");
  BOOST_TEST(a.text == "Story\n\nThe long story itself.");

  Article b = read_html(page("", "<div>Menu</div><main><p>Main text</p></main><div>More</div>"),
                        "page.html");
  BOOST_TEST(b.text == "Main text");

  // An <article> in page chrome (a "related" box) is not the article.
  Article c = read_html(page("",
                             "<aside><article><p>Related story with a long text</p></article>"
                             "</aside><p>Body text</p>"),
                        "page.html");
  BOOST_TEST(c.text == "Body text");

  // ASP.NET wraps whole pages in a <form>; that form is content, not a widget.
  Article d =
      read_html(page("", "<form id=\"aspnetForm\"><h1>Title</h1><p>Story</p></form>"), "page.html");
  BOOST_TEST(d.text == "Title\n\nStory");
}

BOOST_AUTO_TEST_CASE(latin1_page_is_decoded_by_its_meta_charset) {
  Article a = read_html(
      page("<meta charset=\"iso-8859-1\"><title>Caf\xe9</title>", "<p>caf\xe9 \x93quoted\x94</p>"),
      "page.html");
  BOOST_TEST(a.title == "Café");
  // Latin-1 labels mean Windows-1252, as in browsers: 0x93/0x94 are curly quotes.
  BOOST_TEST(a.text == "café \u201cquoted\u201d");

  // The http-equiv form, with a charset only ICU knows (Windows-1251 Cyrillic).
  Article b = read_html(page("<meta http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=windows-1251\">",
                             "<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>"),
                        "page.html");
  BOOST_TEST(b.text == "Привет");

  // A charset nobody knows: Windows-1252, like undeclared pages.
  Article c =
      read_html(page("<meta charset=\"x-no-such-charset\">", "<p>caf\xe9</p>"), "page.html");
  BOOST_TEST(c.text == "café");
  Article d = read_html(page("", "<p>caf\xe9</p>"), "page.html");
  BOOST_TEST(d.text == "café");
}

BOOST_AUTO_TEST_CASE(valid_utf8_wins_over_a_lying_meta_charset) {
  Article a = read_html(page("<meta charset=\"iso-8859-1\">", "<p>café Привет</p>"), "page.html");
  BOOST_TEST(a.text == "café Привет");
  Article b = read_html("\xEF\xBB\xBF" + page("<meta charset=\"windows-1251\">", "<p>café</p>"),
                        "page.html");
  BOOST_TEST(b.text == "café");
}

BOOST_AUTO_TEST_CASE(page_without_article_text_is_an_input_error) {
  BOOST_CHECK_EXCEPTION(
      read_html("<html><head><title>Only a title</title></head></html>", "page.html"),
      morgue::InputError, no_article_text);
  BOOST_CHECK_EXCEPTION(read_html(page("<script>a()</script>",
                                       "<script>document.write('x')</script><style>p{}</style>"
                                       "<noscript></noscript>"),
                                  "page.html"),
                        morgue::InputError, no_article_text);
  BOOST_CHECK_EXCEPTION(read_html("", "page.html"), morgue::InputError, no_article_text);
  BOOST_CHECK_NO_THROW(read_html(page("", "x"), "page.html"));
}

BOOST_AUTO_TEST_CASE(deep_nesting_does_not_crash) {
  // Up to the limit the page is read (without recursion), beyond it refused before parsing.
  auto nested = [](int depth, const std::string& open, const std::string& close) {
    std::string html = "<html><body>";
    for (int i = 0; i < depth; ++i) html += open;
    html += "deep text";
    for (int i = 0; i < depth; ++i) html += close;
    return html + "<p>after</p></body></html>";
  };
  const int limit = static_cast<int>(morgue::kMaxHtmlDepth);
  BOOST_TEST(read_html(nested(limit, "<div>", "</div>"), "page.html").text == "deep text\n\nafter");
  BOOST_CHECK_EXCEPTION(read_html(nested(limit + 1, "<div>", "</div>"), "page.html"),
                        morgue::InputError, [](const morgue::InputError& e) {
                          return e.reason() == "HTML nested deeper than the limit of 1000 elements";
                        });
  // Unclosed, and in an <article>.
  std::string unclosed = "<article>";
  for (int i = 0; i < limit / 2 - 1; ++i) unclosed += "<section><span>";
  BOOST_TEST(read_html(unclosed + "bottom", "page.html").text == "bottom");
  BOOST_CHECK_THROW(read_html(unclosed + "<b><i>bottom", "page.html"), morgue::InputError);
}

// Issue 14: 200,000 nested <div>s took 476 s (the parser's time grows with the depth for every
// tag) and delayed SIGTERM by 175 s. The depth is estimated in one pass before parsing.
BOOST_AUTO_TEST_CASE(nesting_is_estimated_in_one_pass) {
  auto times = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  BOOST_TEST(morgue::html_nests_deeper_than(times("<div>", 200000), 1000));
  BOOST_TEST(morgue::html_nests_deeper_than(times("<DIV class=\"a>b\">", 1001), 1000));
  // stray end tags close nothing
  BOOST_TEST(morgue::html_nests_deeper_than(times("<div></span>", 1001), 1000));
  // siblings, void elements, elements whose end tag may be left out, comments and scripts
  BOOST_TEST(!morgue::html_nests_deeper_than(times("<div><br><img src=x></div>", 5000), 1000));
  BOOST_TEST(!morgue::html_nests_deeper_than(times("<p>para<li>item", 5000), 1000));
  BOOST_TEST(!morgue::html_nests_deeper_than("<!-- " + times("<div>", 2000) + " -->", 1000));
  BOOST_TEST(!morgue::html_nests_deeper_than(
      "<script>var s = '" + times("<div>", 2000) + "';</script>", 1000));
  BOOST_TEST(!morgue::html_nests_deeper_than(
      times("<div>", 1000) + times("</div>", 1000) + times("<div>", 1000), 1000));
  // an end tag closes what was opened inside its element
  BOOST_TEST(!morgue::html_nests_deeper_than(
      times("<section>" + times("<b>", 900) + "</section>", 3), 1000));
}

BOOST_AUTO_TEST_CASE(json_ld_nested_too_deep_is_ignored_and_the_page_read) {
  // Issue 14: the readers limit JSON nesting to kMaxJsonDepth, JSON-LD in a page included.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Article a =
      read_html(page(ld_json(R"({"@type": "NewsArticle", "headline": "Deep", "x": )" + deep + "}") +
                         "<title>Plain title</title>",
                     "<p>Body text.</p>"),
                "page.html");
  BOOST_TEST(a.title == "Plain title");
  BOOST_TEST(a.text == "Body text.");
  // The limit: the object and 99 arrays. A comment in JSON-LD is no nesting.
  const std::string at_limit = std::string(99, '[') + std::string(99, ']');
  Article b =
      read_html(page(ld_json(R"({"@type": "NewsArticle", "headline": "Deep", /* [[[ */ "x": )" +
                             at_limit + "}") +
                         "<title>Plain title</title>",
                     "<p>Body text.</p>"),
                "page.html");
  BOOST_TEST(b.title == "Deep");
  Article c = read_html(
      page(ld_json(R"({"@type": "NewsArticle", "headline": "Deep", "x": [)" + at_limit + "]}") +
               "<title>Plain title</title>",
           "<p>Body text.</p>"),
      "page.html");
  BOOST_TEST(c.title == "Plain title");
}

BOOST_AUTO_TEST_CASE(a_page_that_crashes_the_parser_is_an_input_error) {
  // Trips an assertion in Debian's gumbo 0.10.1: the page is lost, not the process.
  const std::string page = "<table><svg><select><title><select><td>text";
  try {
    morgue::Article a = morgue::read_html(page, "crash.html");
    BOOST_TEST(!a.text.empty());  // a gumbo without the bug parses it
  } catch (const morgue::InputError& e) {
    BOOST_TEST(std::string(e.what()).rfind("crash.html: the HTML parser crashed", 0) == 0u,
               e.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()
