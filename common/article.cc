// The record encoding of an article: what the document data holds and the searcher prints.
#include "common/article.h"

namespace morgue {

nlohmann::json to_record(const Article& a) {
  nlohmann::json r = nlohmann::json::object();
  r["id"] = a.id;
  r["title"] = a.title;
  if (a.date) {
    r["date"] = to_string(*a.date);
    r["date_precision"] = to_string(a.date->precision);
    r["date_origin"] = a.date_origin == Origin::kSource ? "source" : "extracted";
    if (!a.date_basis.empty()) r["date_basis"] = a.date_basis;
  }
  if (!a.url.empty()) r["url"] = a.url;
  if (!a.outlet.empty()) r["outlet"] = a.outlet;
  if (!a.outlet_basis.empty()) r["outlet_basis"] = a.outlet_basis;
  r["authors"] = a.authors;
  r["people"] = a.people;
  r["places"] = a.places;
  r["organizations"] = a.organizations;
  if (!a.cited.empty()) r["cited"] = a.cited;
  if (!a.extra.empty()) r["extra"] = a.extra;
  r["source"] = a.source;
  r["text"] = a.text;
  return r;
}

const std::vector<std::string>& record_keys() {
  static const std::vector<std::string> keys = {
      "id", "title", "date", "date_precision", "date_origin", "date_basis", "url", "outlet", "outlet_basis",
      "authors", "people", "places", "organizations", "cited", "extra", "source", "text"};
  return keys;
}

namespace {
std::vector<std::string> strings(const nlohmann::json& r, const char* key) {
  std::vector<std::string> out;
  auto it = r.find(key);
  if (it != r.end() && it->is_array()) {
    for (const auto& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}
std::string string_or_empty(const nlohmann::json& r, const char* key) {
  auto it = r.find(key);
  return it != r.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

Article article_from_record(const nlohmann::json& r) {
  Article a;
  a.id = string_or_empty(r, "id");
  a.title = string_or_empty(r, "title");
  a.text = string_or_empty(r, "text");
  a.url = string_or_empty(r, "url");
  a.outlet = string_or_empty(r, "outlet");
  a.outlet_basis = string_or_empty(r, "outlet_basis");
  a.source = string_or_empty(r, "source");
  if (auto d = parse_iso_date(string_or_empty(r, "date"))) {
    a.date = d;
    a.date_origin = string_or_empty(r, "date_origin") == "extracted" ? Origin::kExtracted : Origin::kSource;
    a.date_basis = string_or_empty(r, "date_basis");
  }
  a.authors = strings(r, "authors");
  a.people = strings(r, "people");
  a.places = strings(r, "places");
  a.organizations = strings(r, "organizations");
  a.cited = strings(r, "cited");
  if (auto it = r.find("extra"); it != r.end() && it->is_object()) a.extra = *it;
  return a;
}

}  // namespace morgue
