// The result writers, one class per format.
#include "common/output.h"

#include <cstdio>
#include <vector>

namespace morgue {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;  // results keep the order the spec gives their keys

std::string str(const json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json list(const json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_array() ? *it : json::array();
}

std::string joined(const json& r, const char* key) {
  std::string out;
  for (const auto& v : list(r, key)) {
    if (!out.empty()) out += "; ";
    out += v.get<std::string>();
  }
  return out;
}

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", score);
  return buf;
}

}  // namespace

ordered hit_json(const Hit& h) {
  const json& r = h.record;
  ordered o = {{"rank", h.rank},
            {"id", str(r, "id")},
            {"score", h.score},
            {"title", str(r, "title")},
            {"date", r.contains("date") ? r["date"] : json(nullptr)},
            {"outlet", r.contains("outlet") ? r["outlet"] : json(nullptr)},
            {"people", list(r, "people")},
            {"places", list(r, "places")},
            {"organizations", list(r, "organizations")},
            {"authors", list(r, "authors")},
            {"snippet", h.snippet},
            {"source", str(r, "source")}};
  if (r.contains("url")) o["url"] = r["url"];
  if (r.contains("date_precision")) o["date_precision"] = r["date_precision"];
  if (r.contains("cited")) o["cited"] = r["cited"];
  if (r.contains("extra")) o["extra"] = r["extra"];
  return o;
}

ordered result_json(const ResultHeader& h) {
  return {{"format_version", 1}, {"query", h.query}, {"total", h.total}, {"offset", h.offset},
          {"hits", ordered::array()}, {"facets", ordered::object()}, {"manifest", h.manifest}};
}

namespace {

std::string dump(const ordered& j) { return j.dump(-1, ' ', false, ordered::error_handler_t::replace); }

class JsonWriter : public ResultWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void begin(const ResultHeader& h) override { result_ = result_json(h); }
  void hit(const Hit& h) override { result_["hits"].push_back(hit_json(h)); }
  void end() override { out_ << dump(result_) << '\n'; }

 private:
  std::ostream& out_;
  ordered result_;
};

class JsonLinesWriter : public ResultWriter {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}
  void begin(const ResultHeader&) override {}
  void hit(const Hit& h) override { out_ << dump(hit_json(h)) << '\n'; }
  void end() override {}

 private:
  std::ostream& out_;
};

// CSV and TSV: one header row, then one row a hit; lists joined with "; ".
class TableWriter : public ResultWriter {
 public:
  TableWriter(std::ostream& out, bool csv) : out_(out), csv_(csv) {}
  void begin(const ResultHeader&) override {
    row({"rank", "id", "score", "date", "outlet", "title", "people", "places", "organizations",
         "url", "source", "snippet"});
  }
  void hit(const Hit& h) override {
    const json& r = h.record;
    row({std::to_string(h.rank), str(r, "id"), score_text(h.score), str(r, "date"), str(r, "outlet"),
         str(r, "title"), joined(r, "people"), joined(r, "places"), joined(r, "organizations"),
         str(r, "url"), str(r, "source"), h.snippet});
  }
  void end() override {}

 private:
  void row(const std::vector<std::string>& cells) {
    write_row(out_, csv_ ? OutputFormat::kCsv : OutputFormat::kTsv, cells);
  }
  std::ostream& out_;
  bool csv_;
};

class TextWriter : public ResultWriter {
 public:
  TextWriter(std::ostream& out, const TextStyle& style) : out_(out), style_(style) {}
  void begin(const ResultHeader& h) override {
    header_ = h;
  }
  void hit(const Hit& h) override {
    const json& r = h.record;
    std::string title = str(r, "title");
    if (title.empty()) title = "(untitled)";
    out_ << h.rank << ". " << on("\x1b[1m") << title << off() << '\n';
    std::string meta;
    for (const std::string& part : {str(r, "date"), str(r, "outlet"), str(r, "id")}) {
      if (part.empty()) continue;
      if (!meta.empty()) meta += " · ";
      meta += part;
    }
    out_ << "   " << on("\x1b[2m") << meta << off() << '\n';
    if (!h.snippet.empty()) out_ << "   " << h.snippet << '\n';
    out_ << '\n';
    ++shown_;
  }
  void end() override {
    out_ << header_.total << (header_.total == 1 ? " matching article" : " matching articles");
    if (shown_) out_ << ", showing " << header_.offset + 1 << "-" << header_.offset + shown_;
    out_ << '\n';
  }

 private:
  std::string on(const char* code) const { return style_.colour ? code : ""; }
  std::string off() const { return style_.colour ? "\x1b[0m" : ""; }
  std::ostream& out_;
  TextStyle style_;
  ResultHeader header_;
  std::size_t shown_ = 0;
};

}  // namespace

std::optional<OutputFormat> output_format_from(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl" || name == "ndjson") return OutputFormat::kJsonLines;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  return std::nullopt;
}

std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, std::ostream& out,
                                                 const TextStyle& style) {
  switch (format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonWriter>(out);
    case OutputFormat::kJsonLines:
      return std::make_unique<JsonLinesWriter>(out);
    case OutputFormat::kCsv:
      return std::make_unique<TableWriter>(out, true);
    case OutputFormat::kTsv:
      return std::make_unique<TableWriter>(out, false);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextWriter>(out, style);
}

void write_row(std::ostream& out, OutputFormat format, const std::vector<std::string>& cells) {
  const bool csv = format == OutputFormat::kCsv;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out << (csv ? ',' : '\t');
    out << (csv ? csv_field(cells[i]) : tsv_field(cells[i]));
  }
  out << (csv ? "\r\n" : "\n");
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

}  // namespace morgue
