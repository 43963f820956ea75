// What morgue-search is asked to do: the options main() parses, every mode and format.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis.h"
#include "common/date.h"
#include "searcher/facets.h"
#include "searcher/units.h"

namespace morgue {

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };
enum class OutputFormat { kText, kJson, kJsonLines, kCsv, kTsv };
std::optional<OutputFormat> output_format_from(std::string_view name);

struct SearchOptions {
  std::string db;
  std::string query;
  bool any = false;
  std::vector<std::string> langs;  // --lang: stem query words in these languages only
  SortOrder sort = SortOrder::kRelevance;
  bool sort_given =
      false;  // --export and --kwic keep index order (streamed) unless --sort is given
  std::size_t limit = 10;
  bool limit_given = false;  // batches show hits only when asked
  std::size_t offset = 0;
  OutputFormat format = OutputFormat::kText;
  bool colour = false;
  std::size_t width = 80;  // columns of text output: the terminal's, $COLUMNS, else 80
  bool raw_csv = false;    // CSV/TSV cells as they are, without the formula guard (output.h)
  bool allow_remote_programs = false;
  std::size_t snippet_length = 200;
  double bm25_k1 = kBm25K1;  // BM25 term-frequency saturation
  double bm25_b = kBm25B;    // BM25 length normalisation
  // research
  std::vector<std::string> facets;  // field names: outlet, person, place, org, author, cited, date
  std::size_t facet_limit = 10;     // 0: every value
  bool facet_limit_given = false;   // --interactive shows fewer unless asked
  bool count = false;
  // What counts, facets, histograms and batch tables count: articles, copy groups or stories
  // (units.h).
  Unit unit = Unit::kArticles;
  // --collapse copies|stories: one hit per copy group or story, with its other articles
  // (kArticles: none).
  Unit collapse = Unit::kArticles;
  bool list_fields = false;  // print the database's fields instead of answering a query
  // --names[=FIELDS]: print the names of these fields as a codebook (common/codebook.h)
  std::optional<std::vector<std::string>> names;
  std::optional<Period> histogram;
  std::optional<std::string> by;  // split histogram periods by this field
  bool normalize = false;
  std::optional<std::string> plot;   // draw the histogram into this .svg or .png file
  std::string gnuplot = "gnuplot";   // the program that draws it ($MORGUE_GNUPLOT)
  std::optional<Date> from, to;      // histogram range (default: the range of the matches)
  std::optional<std::string> batch;  // file of queries, "-" for standard input
  bool timings = false;              // batch results carry the time each query took
  bool export_all = false;
  bool coverage = false;
  // --like ID: the articles most like article ID (within QUERY, if given).
  std::optional<std::string>
      like;  // --coverage (or --story ID): the matches' stories and their articles
  std::vector<std::string> fields;  // export columns
  std::optional<std::size_t> kwic;  // context width in characters
  // --interactive: a session of queries, pages, drill-downs and articles (interactive.h)
  bool interactive = false;
  bool terminal = false;     // standard input and output are a terminal: line editing, its width
  std::string pager;         // the command that shows an article (empty: printed)
  std::string history_file;  // where the terminal's lines are kept (empty: nowhere)
};

// Limits of the numeric options (main.cc checks them; docs/morgue-search.1 lists them).
inline constexpr std::size_t kMaxLimit = 100000;  // hits a page (--export has no cap)
inline constexpr std::size_t kMaxOffset = 1000000000;
inline constexpr std::size_t kMaxFacetLimit = 1000000;
inline constexpr std::size_t kMaxKwicWidth = 1000;  // characters each side
inline constexpr std::size_t kMinWidth = 40;  // text output narrower than this is laid out at 40
// A --batch line longer than this is no query: the batch stops there (a binary file, /dev/zero).
inline constexpr std::size_t kMaxBatchLineBytes = 64 * 1024;

}  // namespace morgue
