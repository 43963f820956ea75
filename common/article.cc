// The record encoding of an article: what the document data holds and the searcher prints.
#include "common/article.h"

#include "common/schema.h"

namespace morgue {

nlohmann::json to_record(const Article& a) {
  nlohmann::json r = nlohmann::json::object();
  r[kRecordId] = a.id;
  r[kRecordTitle] = a.title;
  if (a.date) {
    r[kRecordDate] = to_string(*a.date);
    r[kRecordDatePrecision] = to_string(a.date->precision);
    r[kRecordDateOrigin] = a.date_origin == Origin::kSource ? "source" : "extracted";
    if (!a.date_basis.empty()) r[kRecordDateBasis] = a.date_basis;
  }
  if (!a.url.empty()) r[kRecordUrl] = a.url;
  if (!a.outlet.empty()) r[kRecordOutlet] = a.outlet;
  if (!a.outlet_basis.empty()) r[kRecordOutletBasis] = a.outlet_basis;
  if (!a.lang.empty()) {
    r[kRecordLang] = a.lang;
    if (!a.lang_origin.empty()) r[kRecordLangOrigin] = a.lang_origin;
  }
  r[kRecordAuthors] = a.authors;
  r[kRecordPeople] = a.people;
  r[kRecordPlaces] = a.places;
  r[kRecordOrganizations] = a.organizations;
  if (!a.cited.empty()) r[kRecordCited] = a.cited;
  if (!a.extra.empty()) r[kRecordExtra] = a.extra;
  r[kRecordSource] = a.source;
  r[kRecordText] = a.text;
  return r;
}

const std::vector<std::string>& record_keys() {
  static const std::vector<std::string> keys = {
      kRecordId,         kRecordTitle,   kRecordDate,   kRecordDatePrecision, kRecordDateOrigin,
      kRecordDateBasis,  kRecordUrl,     kRecordOutlet, kRecordOutletBasis,   kRecordLang,
      kRecordLangOrigin, kRecordAuthors, kRecordPeople, kRecordPlaces,        kRecordOrganizations,
      kRecordCited,      kRecordExtra,   kRecordSource, kRecordText};
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
  a.id = string_or_empty(r, kRecordId);
  a.title = string_or_empty(r, kRecordTitle);
  a.text = string_or_empty(r, kRecordText);
  a.url = string_or_empty(r, kRecordUrl);
  a.outlet = string_or_empty(r, kRecordOutlet);
  a.outlet_basis = string_or_empty(r, kRecordOutletBasis);
  a.lang = string_or_empty(r, kRecordLang);
  a.lang_origin = string_or_empty(r, kRecordLangOrigin);
  a.source = string_or_empty(r, kRecordSource);
  if (auto d = parse_iso_date(string_or_empty(r, kRecordDate))) {
    a.date = d;
    a.date_origin =
        string_or_empty(r, kRecordDateOrigin) == "extracted" ? Origin::kExtracted : Origin::kSource;
    a.date_basis = string_or_empty(r, kRecordDateBasis);
  }
  a.authors = strings(r, kRecordAuthors);
  a.people = strings(r, kRecordPeople);
  a.places = strings(r, kRecordPlaces);
  a.organizations = strings(r, kRecordOrganizations);
  a.cited = strings(r, kRecordCited);
  if (auto it = r.find(kRecordExtra); it != r.end() && it->is_object()) a.extra = *it;
  return a;
}

}  // namespace morgue
