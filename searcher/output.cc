// Rendering answers: the JSON objects of SPEC.md, the tidy long table, the text views.
#include "searcher/output.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "common/date.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/text.h"
#include "version.h"

namespace morgue {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;  // results keep the order the spec gives their keys

std::string dump(const ordered& j) {
  return j.dump(-1, ' ', false, ordered::error_handler_t::replace);
}

std::string str(const json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json list(const json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_array() ? *it : json::array();
}

// A record's field as one cell: lists joined with "; ", other values as JSON.
std::string cell_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_array()) return v.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += "; ";
    out += cell_text(x);
  }
  return out;
}

// A record's field (export columns): a stored field, else a source extra.
json field_value(const json& r, const std::string& name) {
  if (auto it = r.find(name); it != r.end()) return *it;
  if (auto extra = r.find(kRecordExtra); extra != r.end() && extra->is_object()) {
    if (auto it = extra->find(name); it != extra->end()) return *it;
  }
  return nullptr;
}

std::string number(double x, int precision) {
  std::ostringstream s;
  s << std::setprecision(precision) << x;
  return s.str();
}

const char* sort_name(SortOrder s) {
  switch (s) {
    case SortOrder::kDateAscending:
      return "date";
    case SortOrder::kDateDescending:
      return "-date";
    case SortOrder::kRelevance:
      break;
  }
  return "relevance";
}

std::optional<double> share(const HistogramRow& r) {
  if (!r.all || *r.all == 0) return std::nullopt;
  return static_cast<double>(r.count) / *r.all;
}

ordered row_json(const HistogramRow& r) {
  ordered o = {{"period", r.period}};
  if (r.group) o["group"] = *r.group;
  o["count"] = r.count;
  if (r.all) {
    o["all"] = *r.all;
    const auto s = share(r);
    o["share"] = s ? ordered(*s) : ordered(nullptr);
  }
  return o;
}

// A facet value as text shows it: with its canonical name when it has another ("usa (United
// States)").
std::string shown_value(const FacetEntry& e) {
  return e.canonical.empty() ? e.value : e.value + " (" + e.canonical + ")";
}

ordered facets_json(const Answer& a) {
  ordered facets = ordered::object();
  for (const FacetCounts& f : a.facets) {
    ordered values = ordered::array();
    for (const FacetEntry& e : f.entries) {
      values.push_back({{"value", e.value}, {"count", e.count}, {"filter", e.filter}});
      if (!e.canonical.empty()) values.back()["canonical"] = e.canonical;
    }
    facets[f.field] = values;
  }
  return facets;
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t indent) {
  if (width == 0 || display_width(text) <= width) return {std::string(text)};
  if (indent >= width / 2) indent = 0;  // a narrow terminal: lines as wide as it lets them be
  const std::size_t lead = std::min(text.find_first_not_of(' '), text.size());
  const std::size_t first = std::min(lead, width - 1);
  std::vector<std::string> lines = wrap_words(text.substr(lead), width - std::max(first, indent));
  if (lines.empty()) lines.emplace_back();
  for (std::size_t i = 0; i < lines.size(); ++i)
    lines[i] = std::string(i ? indent : first, ' ') + lines[i];
  return lines;
}

std::optional<OutputFormat> output_format_from(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl" || name == "ndjson") return OutputFormat::kJsonLines;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  return std::nullopt;
}

ordered hit_json(const Hit& h) {
  const json& r = h.record;
  ordered o = {{"rank", h.rank},
               {"id", str(r, kRecordId)},
               {"score", h.score},
               {"title", str(r, kRecordTitle)},
               {"date", r.contains(kRecordDate) ? r[kRecordDate] : json(nullptr)},
               {"outlet", r.contains(kRecordOutlet) ? r[kRecordOutlet] : json(nullptr)},
               {"people", list(r, kRecordPeople)},
               {"places", list(r, kRecordPlaces)},
               {"organizations", list(r, kRecordOrganizations)},
               {"authors", list(r, kRecordAuthors)},
               {"snippet", h.snippet},
               {"source", str(r, kRecordSource)}};
  if (r.contains(kRecordUrl)) o["url"] = r[kRecordUrl];
  if (r.contains(kRecordLang)) o["lang"] = r[kRecordLang];
  if (r.contains(kRecordLangOrigin)) o["lang_origin"] = r[kRecordLangOrigin];
  if (r.contains(kRecordDatePrecision)) o["date_precision"] = r[kRecordDatePrecision];
  if (r.contains(kRecordCited)) o["cited"] = r[kRecordCited];
  if (r.contains(kRecordExtra)) o["extra"] = r[kRecordExtra];
  if (!h.copy.empty()) o["copy"] = h.copy;
  if (!h.story.empty()) o["story"] = h.story;
  if (h.other_versions) o["other_versions"] = *h.other_versions;
  return o;
}

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string tsv_field(std::string_view v) {
  std::string out(v);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string guard_formula(std::string_view v) {
  if (!v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    return "'" + std::string(v);
  return std::string(v);
}

// --- JSON ---------------------------------------------------------------------------------------

ordered Output::manifest_json(const Manifest& m, const std::string& parsed) const {
  ordered o = {{"morgue_version", kVersion},
               {"schema_version", kSchemaVersion},
               {"xapian_version", Xapian::version_string()},
               {"database_uuid", m.database_uuid},
               {"database_revision", m.revision ? ordered(*m.revision) : ordered(nullptr)},
               {"articles", m.articles},
               {"codebook", m.codebook_sha256.empty() ? ordered(nullptr)
                                                      : ordered{{"file", m.codebook_file},
                                                                {"sha256", m.codebook_sha256}}},
               {"options",
                {{"any", o_.any},
                 {"bm25", {o_.bm25_k1, o_.bm25_b}},
                 {"sort", sort_name(o_.sort)},
                 {"limit", o_.limit},
                 {"offset", o_.offset},
                 {"facets", o_.facets},
                 {"facet_limit", o_.facet_limit},
                 {"histogram", o_.histogram ? ordered(to_string(*o_.histogram)) : ordered(nullptr)},
                 {"by", o_.by ? ordered(*o_.by) : ordered(nullptr)},
                 {"normalize", o_.normalize},
                 {"from", o_.from ? ordered(to_string(*o_.from)) : ordered(nullptr)},
                 {"to", o_.to ? ordered(to_string(*o_.to)) : ordered(nullptr)},
                 {"unit", to_string(o_.unit)},
                 {"collapse", o_.collapse != Unit::kArticles ? ordered(to_string(o_.collapse))
                                                             : ordered(nullptr)}}}};
  if (!o_.langs.empty()) o["options"]["lang"] = o_.langs;
  if (!parsed.empty()) o["parsed_query"] = parsed;
  return o;
}

ordered Output::result_object(const Answer& a, bool with_hits) const {
  if (a.error) return {{"name", a.name}, {"query", a.query}, {"error", *a.error}};
  ordered o = {
      {"name", a.name}, {"query", a.query}, {"parsed_query", a.parsed}, {"total", a.total}};
  if (a.suggestion) o["suggestion"] = *a.suggestion;
  if (!o_.facets.empty()) o["facets"] = facets_json(a);
  if (a.histogram) {
    o["histogram"] = ordered::array();
    for (const HistogramRow& r : a.histogram->rows) o["histogram"].push_back(row_json(r));
    o["undated"] = a.histogram->undated_total;
    o["undated_rows"] = ordered::array();
    for (const HistogramRow& r : a.histogram->undated) o["undated_rows"].push_back(row_json(r));
  }
  if (a.undated_last) o["undated_last"] = *a.undated_last;
  if (with_hits) {
    o["hits"] = ordered::array();
    for (const Hit& h : a.hits) o["hits"].push_back(hit_json(h));
  }
  if (a.elapsed_ms) o["elapsed_ms"] = *a.elapsed_ms;
  return o;
}

// --- one query ----------------------------------------------------------------------------------

bool Output::carries_suggestion(bool batch) const {
  const bool research = o_.count || !o_.facets.empty() || o_.histogram;
  return o_.format == OutputFormat::kJson ||
         (o_.format == OutputFormat::kJsonLines && (batch || research));
}

bool Output::carries_undated_last() const {
  return o_.format == OutputFormat::kText || carries_suggestion(false);
}

void Output::answer(const Answer& a, const Manifest& m) {
  const bool research = o_.count || !o_.facets.empty() || o_.histogram;
  switch (o_.format) {
    case OutputFormat::kJson: {
      ordered result = {
          {"format_version", 1}, {"query", a.query}, {"total", a.total}, {"offset", o_.offset}};
      if (a.suggestion) result["suggestion"] = *a.suggestion;
      if (!o_.count) {
        result["hits"] = ordered::array();
        for (const Hit& h : a.hits) result["hits"].push_back(hit_json(h));
      }
      result["facets"] = facets_json(a);
      const ordered more = result_object(a, false);
      for (const char* key : {"histogram", "undated", "undated_rows", "undated_last"}) {
        if (more.contains(key)) result[key] = more[key];
      }
      result["manifest"] = manifest_json(m, a.parsed);
      out_ << dump(result) << '\n';
      return;
    }
    case OutputFormat::kJsonLines:
      if (research) {
        ordered o = result_object(a, false);
        o["manifest"] = manifest_json(m, "");
        out_ << dump(o) << '\n';
      } else {
        for (const Hit& h : a.hits) out_ << dump(hit_json(h)) << '\n';
      }
      return;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      if (research) {
        table_header();
        table_rows(a);
        return;
      }
      row({"rank", "id", "score", "date", "outlet", "title", "people", "places", "organizations",
           "url", "source", "snippet"});
      for (const Hit& h : a.hits) {
        const json& r = h.record;
        char score[32];
        std::snprintf(score, sizeof score, "%.4f", h.score);
        row({std::to_string(h.rank), str(r, kRecordId), score, str(r, kRecordDate),
             str(r, kRecordOutlet), str(r, kRecordTitle), cell_text(list(r, kRecordPeople)),
             cell_text(list(r, kRecordPlaces)), cell_text(list(r, kRecordOrganizations)),
             str(r, kRecordUrl), str(r, kRecordSource), h.snippet});
      }
      return;
    case OutputFormat::kText:
      if (o_.count) {
        out_ << a.total << '\n';
        return;
      }
      hits_text(a);
      research_text(a);
      return;
  }
}

namespace {

// `text` wrapped to `width` columns after a first-line prefix of `prefix` and with the following
// lines indented as wide as the prefix; a line for an empty text too.
void wrapped(std::ostream& out, const std::string& prefix, const std::string& text,
             std::size_t width, const char* on = "", const char* off = "") {
  const std::size_t indent = display_width(prefix);
  const std::vector<std::string> lines =
      wrap_words(text, width > indent + 10 ? width - indent : 10);
  if (lines.empty()) {
    out << prefix << '\n';
    return;
  }
  for (std::size_t i = 0; i < lines.size(); ++i)
    out << (i ? std::string(indent, ' ') : prefix) << on << lines[i] << off << '\n';
}

// `text` padded with spaces to `width` columns, or cut with an ellipsis to fit in them.
std::string fitted(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  if (w <= width) return text + std::string(width - w, ' ');
  std::vector<std::string> pieces = wrap_words(text, width > 1 ? width - 1 : 1);
  std::string cut = pieces.empty() ? std::string() : pieces.front();
  if (display_width(cut) > width - 1) cut.clear();
  cut += "\u2026";
  return cut + std::string(width - display_width(cut), ' ');
}

std::string right_aligned(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  return w >= width ? text : std::string(width - w, ' ') + text;
}

}  // namespace

void Output::line(const std::string& text, std::size_t indent) {
  for (const std::string& l : wrap(text, text_width(), indent)) out_ << l << '\n';
}

// Date, outlet and id, as one line shows them, and the language of an article not in English
// (as the filter that finds its language's articles: "lang:de").
std::string Output::meta(const json& r) const {
  std::string meta;
  const std::string lang = str(r, kRecordLang);
  const std::string shown_lang = lang.empty() || lang == kDefaultLanguage ? "" : "lang:" + lang;
  for (const std::string& part :
       {str(r, kRecordDate), str(r, kRecordOutlet), str(r, kRecordId), shown_lang}) {
    if (part.empty()) continue;
    if (!meta.empty()) meta += " · ";
    meta += terminal_safe(part);
  }
  return meta;
}

void Output::hits_text(const Answer& a) {
  const bool c = o_.colour;
  for (const Hit& h : a.hits) {
    const json& r = h.record;
    std::string title = terminal_safe(str(r, kRecordTitle));
    if (title.empty()) title = "(untitled)";
    const std::string prefix = std::to_string(h.rank) + ". ";
    const std::string indent(display_width(prefix), ' ');
    const std::size_t width = text_width();
    wrapped(out_, prefix, title, width, c ? "\x1b[1m" : "", c ? "\x1b[0m" : "");
    std::string m = meta(r);
    if (h.other_versions && *h.other_versions) {
      const bool copies = o_.collapse == Unit::kCopies;
      m += " · " + std::to_string(*h.other_versions) +
           (copies ? (*h.other_versions == 1 ? " other version" : " other versions")
                   : (*h.other_versions == 1 ? " other article" : " other articles")) +
           (copies ? " (copy:" + h.copy : " (story:" + h.story) + ")";
    }
    wrapped(out_, indent, m, width, c ? "\x1b[2m" : "", c ? "\x1b[0m" : "");
    // The snippet was made from text already safe for a terminal; its marks are ours.
    if (!h.snippet.empty()) wrapped(out_, indent, h.snippet, width);
    out_ << '\n';
  }
  std::string total =
      std::to_string(a.total) + (a.total == 1 ? " matching article" : " matching articles");
  const Unit counted = o_.unit != Unit::kArticles ? o_.unit : o_.collapse;
  if (counted == Unit::kCopies)
    total = std::to_string(a.total) + (a.total == 1 ? " matching text" : " matching texts") +
            " (copies counted once)";
  else if (counted == Unit::kStories)
    total = std::to_string(a.total) + (a.total == 1 ? " matching story" : " matching stories");
  if (!a.hits.empty())
    total += ", showing " + std::to_string(a.hits.front().rank) + "-" +
             std::to_string(a.hits.back().rank);
  line(total, 0);
  if (a.undated_last && *a.undated_last)
    line("(sorted by date: " + std::to_string(*a.undated_last) +
             " of them have no date and come last)",
         1);
}

void Output::page(const Answer& a) {
  hits_text(a);
  line("query: " + terminal_safe(a.query), 7);
  std::size_t number = 0;
  for (const FacetCounts& f : a.facets) {
    if (f.entries.empty()) continue;
    out_ << '\n';
    for (const FacetEntry& e : f.entries)
      line("[f" + std::to_string(++number) + "] " + f.field + ": " + terminal_safe(shown_value(e)) +
               " (" + std::to_string(e.count) + ")",
           5);
  }
}

void Output::article(const json& r) {
  const bool c = o_.colour;
  std::string title = terminal_safe(str(r, kRecordTitle));
  if (title.empty()) title = "(untitled)";
  line((c ? "\x1b[1m" : "") + title + (c ? "\x1b[0m" : ""), 0);
  line((c ? "\x1b[2m" : "") + meta(r) + (c ? "\x1b[0m" : ""), 0);
  if (const std::string url = str(r, kRecordUrl); !url.empty()) line(terminal_safe(url), 0);
  for (const auto& [name, key] : {std::pair{"people", kRecordPeople},
                                  {"places", kRecordPlaces},
                                  {"organizations", kRecordOrganizations},
                                  {"authors", kRecordAuthors}}) {
    if (const json values = list(r, key); !values.empty())
      line(std::string(name) + ": " + terminal_safe(cell_text(values)), 2);
  }
  out_ << '\n';
  std::string text = terminal_safe(str(r, kRecordText), true);
  std::replace(text.begin(), text.end(), '\t', ' ');
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start || end < text.size()) line(text.substr(start, end - start), 0);
    start = end + 1;
  }
}

void Output::research_text(const Answer& a) {
  const std::size_t width = text_width();
  for (const FacetCounts& f : a.facets) {
    out_ << '\n' << f.field << ":\n";
    std::size_t count_width = 8;
    for (const FacetEntry& e : f.entries)
      count_width = std::max(count_width, std::to_string(e.count).size());
    for (const FacetEntry& e : f.entries)
      wrapped(out_, "  " + right_aligned(std::to_string(e.count), count_width) + "  ",
              terminal_safe(shown_value(e)), width);
  }
  if (!a.histogram) return;
  const HistogramCounts& h = *a.histogram;
  if (!h.rows.empty()) out_ << '\n';
  // Columns: period, group (with --by), count, the bar, the share (with --normalize). The bar is
  // as long as the count is to the largest, or with --normalize the share to the largest share.
  std::size_t period_width = 0, group_width = 0, count_width = 5, share_width = 0;
  double peak = 0;
  auto bar_measure = [&](const HistogramRow& r) -> double {
    if (!o_.normalize) return r.count;
    const auto s = share(r);
    return s ? *s : 0.0;
  };
  auto share_text = [&](const HistogramRow& r) -> std::string {
    if (!r.all) return {};
    std::ostringstream text;
    if (const auto s = share(r))
      text << std::fixed << std::setprecision(1) << 100.0 * *s << "% of " << *r.all;
    else
      text << "(none of " << *r.all << ")";
    return text.str();
  };
  for (const auto* rows : {&h.rows, &h.undated}) {
    for (const HistogramRow& r : *rows) {
      period_width = std::max(period_width, display_width(r.period));
      if (r.group) group_width = std::max(group_width, display_width(terminal_safe(*r.group)));
      count_width = std::max(count_width, std::to_string(r.count).size());
      share_width = std::max(share_width, share_text(r).size());
    }
  }
  for (const HistogramRow& r : h.rows) peak = std::max(peak, bar_measure(r));
  // The group column gives way first, down to 12 columns, so that a bar of 10 fits.
  const std::size_t fixed =
      period_width + 2 + count_width + 1 + (share_width ? share_width + 1 : 0);
  if (group_width) {
    const std::size_t room = width > fixed + 2 + 10 ? width - fixed - 2 - 10 : 0;
    group_width = std::min(group_width, std::max<std::size_t>(room, 12));
  }
  const std::size_t used = fixed + (group_width ? group_width + 2 : 0);
  const std::size_t bar_width = std::clamp<std::size_t>(width > used ? width - used : 0, 10, 50);
  auto line = [&](const HistogramRow& r, bool bar) {
    out_ << fitted(r.period, period_width);
    if (group_width) out_ << "  " << fitted(terminal_safe(r.group.value_or("")), group_width);
    out_ << "  " << right_aligned(std::to_string(r.count), count_width);
    std::size_t n = 0;
    if (bar && peak > 0) n = static_cast<std::size_t>(bar_width * bar_measure(r) / peak + 0.5);
    if (n || share_width) out_ << ' ';
    for (std::size_t i = 0; i < n; ++i) out_ << "\u2588";
    if (share_width) out_ << std::string(bar_width - n, ' ') << ' ' << share_text(r);
    out_ << '\n';
  };
  for (const HistogramRow& r : h.rows) line(r, true);
  if (h.undated_total) {
    out_ << '\n';
    for (const HistogramRow& r : h.undated) line(r, false);
    out_ << "(" << h.undated_total
         << (h.undated_total == 1 ? " matching article has" : " matching articles have")
         << " no date as precise as a " << to_string(*o_.histogram)
         << "; date:none finds the undated)\n";
  }
}

// --- the tidy long table (CSV/TSV) -------------------------------------------------------------

// name, query, [field, value, filter,] period, group, count, total, [all,] share: one row per
// query (a count), facet value or histogram period (and group), undated rows included.
void Output::table_header() {
  if (header_done_) return;
  header_done_ = true;
  std::vector<std::string> h = {"name", "query"};
  if (!o_.facets.empty()) h.insert(h.end(), {"field", "value", "filter"});
  h.insert(h.end(), {"period", "group", "count", "total"});
  if (o_.normalize) h.push_back("all");
  h.push_back("share");
  row(h);
}

void Output::table_rows(const Answer& a) {
  const std::string total = std::to_string(a.total);
  const bool facets = !o_.facets.empty();
  auto emit = [&](std::vector<std::string> facet, const std::string& period,
                  const std::string& group, Xapian::doccount count, const HistogramRow* r) {
    std::vector<std::string> cells = {a.name, a.query};
    if (facets) cells.insert(cells.end(), facet.begin(), facet.end());
    cells.insert(cells.end(), {period, group, std::to_string(count), total});
    if (o_.normalize) cells.push_back(r && r->all ? std::to_string(*r->all) : "");
    const auto s = r ? share(*r) : std::nullopt;
    cells.push_back(s ? number(*s, 6) : "");
    row(cells);
  };
  if (!a.histogram && a.facets.empty()) emit({"", "", ""}, "", "", a.total, nullptr);
  for (const FacetCounts& f : a.facets) {
    for (const FacetEntry& e : f.entries)
      emit({f.field, e.value, e.filter}, "", "", e.count, nullptr);
  }
  if (!a.histogram) return;
  for (const auto* rows : {&a.histogram->rows, &a.histogram->undated}) {
    for (const HistogramRow& r : *rows)
      emit({"", "", ""}, r.period, r.group.value_or(""), r.count, &r);
  }
}

std::string Output::cell(std::string_view value) const {
  std::string safe = terminal_safe(value, true);
  if (!o_.raw_csv) safe = guard_formula(safe);
  return o_.format == OutputFormat::kCsv ? csv_field(safe) : tsv_field(safe);
}

void Output::row(const std::vector<std::string>& cells) {
  const bool csv = o_.format == OutputFormat::kCsv;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out_ << (csv ? ',' : '\t');
    out_ << cell(cells[i]);
  }
  out_ << (csv ? "\r\n" : "\n");
}

// --- batch --------------------------------------------------------------------------------------

void Output::batch_answer(const Answer& a) {
  const std::size_t number = batch_count_++;
  const bool with_hits = o_.limit_given && !o_.count;
  switch (o_.format) {
    case OutputFormat::kJsonLines:
      out_ << dump(result_object(a, with_hits)) << '\n';
      return;
    case OutputFormat::kJson:  // streamed: a batch of any length in constant memory
      out_ << (number ? "," : "{\"format_version\":1,\"results\":[")
           << dump(result_object(a, with_hits));
      return;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      table_header();
      if (!a.error) table_rows(a);
      return;
    case OutputFormat::kText:
      if (a.error) return;  // said on standard error
      out_ << (number ? "\n" : "") << "== " << terminal_safe(a.name) << ": " << a.total << '\n';
      if (with_hits) hits_text(a);
      research_text(a);
      return;
  }
}

void Output::batch_end(const Manifest& m) {
  if (o_.format == OutputFormat::kJson) {
    if (batch_count_ == 0) out_ << "{\"format_version\":1,\"results\":[";
    out_ << "],\"manifest\":" << dump(manifest_json(m, "")) << "}\n";
  }
  if ((o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv)) table_header();
}

// --- export and keywords in context -------------------------------------------------------------

void Output::export_begin(const std::vector<std::string>& columns) {
  export_columns_ = columns;
  if (o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv) row(columns);
}

void Output::export_row(const json& r) {
  if (o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv) {
    std::vector<std::string> cells;
    for (const std::string& c : export_columns_) cells.push_back(cell_text(field_value(r, c)));
    row(cells);
    return;
  }
  ordered o = ordered::object();
  for (const std::string& c : export_columns_) o[c] = field_value(r, c);
  out_ << dump(o) << '\n';
}

namespace {

ordered coverage_json(const StoryCoverage& s) {
  ordered list = ordered::array();
  for (const CoverageArticle& a : s.articles) {
    list.push_back({{"id", a.id},
                    {"date", a.date.empty() ? ordered(nullptr) : ordered(a.date)},
                    {"outlet", a.outlet},
                    {"title", a.title},
                    {"copy", a.copy},
                    {"text", a.copied ? "copy" : "own"}});
  }
  return {{"story", s.story},
          {"label", s.label},
          {"first_seen", s.first_seen.empty() ? ordered(nullptr) : ordered(s.first_seen)},
          {"last_seen", s.last_seen.empty() ? ordered(nullptr) : ordered(s.last_seen)},
          {"articles", s.articles.size()},
          {"matching", s.matching},
          {"outlets", s.outlets},
          {"copies", s.copies},
          {"list", std::move(list)}};
}

}  // namespace

void Output::coverage(const Coverage& c, const Manifest& m) {
  switch (o_.format) {
    case OutputFormat::kJson: {
      ordered result = {{"format_version", 1},
                        {"query", o_.query},
                        {"total_stories", c.total},
                        {"offset", c.offset},
                        {"stories", ordered::array()}};
      for (const StoryCoverage& s : c.stories) result["stories"].push_back(coverage_json(s));
      result["manifest"] = manifest_json(m, "");
      out_ << dump(result) << '\n';
      return;
    }
    case OutputFormat::kJsonLines:
      for (const StoryCoverage& s : c.stories) out_ << dump(coverage_json(s)) << '\n';
      return;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      row({"story", "label", "date", "outlet", "id", "title", "copy", "text"});
      for (const StoryCoverage& s : c.stories) {
        for (const CoverageArticle& a : s.articles)
          row({s.story, s.label, a.date, a.outlet, a.id, a.title, a.copy,
               a.copied ? "copy" : "own"});
      }
      return;
    case OutputFormat::kText:
      break;
  }
  const bool colour = o_.colour;
  for (const StoryCoverage& s : c.stories) {
    wrapped(out_, "",
            "story:" + s.story + "  " + terminal_safe(s.label.empty() ? "(untitled)" : s.label),
            text_width(), colour ? "\x1b[1m" : "", colour ? "\x1b[0m" : "");
    std::string summary = s.first_seen.empty()
                              ? std::string("undated")
                              : "first seen " + s.first_seen + ", last seen " + s.last_seen;
    summary += " · " + std::to_string(s.articles.size()) +
               (s.articles.size() == 1 ? " article" : " articles") + " (" +
               std::to_string(s.matching) + " matching) · " + std::to_string(s.outlets) +
               (s.outlets == 1 ? " outlet" : " outlets") + " · " + std::to_string(s.copies) +
               (s.copies == 1 ? " copy" : " copies") + " of an earlier text";
    wrapped(out_, "   ", summary, text_width(), colour ? "\x1b[2m" : "", colour ? "\x1b[0m" : "");
    for (const CoverageArticle& a : s.articles) {
      std::string what = (a.date.empty() ? std::string("undated   ") : a.date) + "  " +
                         (a.copied ? "copy" : "own ") + "  " +
                         terminal_safe(a.outlet.empty() ? "(no outlet)" : a.outlet) + " · " +
                         terminal_safe(a.title.empty() ? "(untitled)" : a.title) + " (" +
                         terminal_safe(a.id) + ")";
      wrapped(out_, "   ", what, text_width(), "", "");
    }
    out_ << '\n';
  }
  std::string total =
      std::to_string(c.total) + (c.total == 1 ? " matching story" : " matching stories");
  if (!c.stories.empty())
    total += ", showing " + std::to_string(c.offset + 1) + "-" +
             std::to_string(c.offset + c.stories.size());
  line(total, 0);
}

void Output::kwic_begin() {
  if (o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv)
    row({"id", "offset", "left", "match", "right"});
}

void Output::kwic_line(const std::string& id, const KwicLine& k) {
  switch (o_.format) {
    case OutputFormat::kJson:
    case OutputFormat::kJsonLines:
      out_ << dump({{"id", id},
                    {"offset", k.offset},
                    {"left", k.left},
                    {"match", k.match},
                    {"right", k.right}})
           << '\n';
      return;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      row({id, std::to_string(k.offset), k.left, k.match, k.right});
      return;
    case OutputFormat::kText: {
      const bool c = o_.colour;
      out_ << pad_left(terminal_safe(k.left), *o_.kwic) << ' ' << (c ? kHighlightStart : "")
           << terminal_safe(k.match) << (c ? kHighlightEnd : "") << ' ' << terminal_safe(k.right)
           << "  " << (c ? "\x1b[2m" : "") << terminal_safe(id) << (c ? "\x1b[0m" : "") << '\n';
      return;
    }
  }
}

void Output::fields(const std::vector<FieldRow>& rows) {
  if (o_.format == OutputFormat::kText) {
    out_ << "field      kind      articles  from\n";
    for (const FieldRow& r : rows) {
      char line[160];
      std::snprintf(line, sizeof line, "%-10s %-9s %8s  %s\n", r.name.c_str(), r.kind.c_str(),
                    r.articles ? std::to_string(*r.articles).c_str() : "-",
                    r.declared ? "declared" : "morgue");
      out_ << line;  // field names are [a-z][a-z0-9_]*
    }
    return;
  }
  if (o_.format == OutputFormat::kCsv || o_.format == OutputFormat::kTsv) {
    row({"field", "kind", "articles", "declared"});
    for (const FieldRow& r : rows)
      row({r.name, r.kind, r.articles ? std::to_string(*r.articles) : "",
           r.declared ? "true" : "false"});
    return;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const FieldRow& r : rows) {
    nlohmann::ordered_json o;
    o["field"] = r.name;
    o["kind"] = r.kind;
    o["articles"] = r.articles ? nlohmann::ordered_json(*r.articles) : nlohmann::ordered_json();
    o["declared"] = r.declared;
    if (o_.format == OutputFormat::kJsonLines)
      out_ << o.dump() << '\n';
    else
      list.push_back(std::move(o));
  }
  if (o_.format == OutputFormat::kJson)
    out_ << nlohmann::ordered_json{{"fields", list}}.dump() << '\n';
}

}  // namespace morgue
