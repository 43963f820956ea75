// --plot: a histogram answer (answer.h) drawn as an SVG or PNG chart by gnuplot, which reads a
// script with the counts inline on its standard input and writes the image to its standard output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "searcher/answer.h"
#include "searcher/facets.h"

namespace morgue {

enum class PlotFormat { kSvg, kPng };

// The image format a --plot file name asks for by its extension (.svg or .png, any case);
// nullopt for anything else.
std::optional<PlotFormat> plot_format_for(std::string_view path);

// What the chart says besides the counts: the query (in the title) and what was counted.
struct PlotLabels {
  std::string query;
  Period period = Period::kMonth;
  std::optional<std::string> by;  // --by: one series per group
  bool normalize = false;         // y is the share of all articles of the period (and group), in %
};

// Text as a gnuplot string literal: double-quoted, every ASCII character but letters, digits and
// spaces as an octal escape of four digits (\0047 for a quote). gnuplot expands `backquotes` and
// @macros in the lines it reads before it reads their strings, and its reader tells quotes apart
// badly (in a single-quoted string, two doubled quotes in a row end it), so no quote, backquote, @
// or backslash may appear as itself. Control characters (a line break would end the command) become
// spaces; UTF-8 stays as it is.
std::string gnuplot_string(std::string_view text);

// The gnuplot script that draws `h`'s dated rows (not the undated: they are in no period): the
// counts (or shares in per cent, NaN where the period has no articles at all) in a datablock
// $data, one line per period in order, zeros included, one column per group in the order of the
// rows; the periods as x tic labels, at most kMaxPlotLabels of them (every n-th); the terminal for
// `format`. The image goes to standard output. Data and labels reach gnuplot only as numbers and
// as gnuplot_string literals, so no query or group name can run a command.
std::string gnuplot_script(const HistogramCounts& h, const PlotLabels& labels, PlotFormat format);
inline constexpr std::size_t kMaxPlotLabels = 24;

// Runs `program` (a name looked up on PATH, or a path; no shell) with `script` on its standard
// input and returns what it wrote to standard output. Throws Error when it cannot be started
// (naming the package to install), when it fails (with the first line of its error output) or
// when it writes nothing.
std::string run_gnuplot(const std::string& program, const std::string& script);

// Draws `h` into the file `path` (its extension picks the format; nothing is written when gnuplot
// fails). Throws Error.
void draw_plot(const HistogramCounts& h, const PlotLabels& labels, const std::string& path,
               const std::string& program);

}  // namespace morgue
