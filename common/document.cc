// Building documents from articles; the only code that writes terms and values.
#include "common/document.h"

#include <xxhash.h>

#include <cstdio>
#include <memory>

#include "common/analysis.h"

namespace morgue {

std::vector<std::string> field_values(const Article& a, const Field& field) {
  const std::string_view name = field.name;
  if (name == "outlet") return a.outlet.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.outlet};
  if (name == "person") return a.people;
  if (name == "place") return a.places;
  if (name == "org") return a.organizations;
  if (name == "author") return a.authors;
  if (name == "cited") return a.cited;
  if (name == "url") return a.url.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.url};
  if (name == "id") return {a.id};
  return {};
}

std::string content_hash(const std::string& record) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(record.data(), record.size())));
  return hex;
}

std::string content_hash(std::string_view prefix, std::string_view rest) {
  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state(XXH3_createState(), XXH3_freeState);
  XXH3_64bits_reset(state.get());
  XXH3_64bits_update(state.get(), prefix.data(), prefix.size());
  XXH3_64bits_update(state.get(), rest.data(), rest.size());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits_digest(state.get())));
  return hex;
}

std::string document_data(nlohmann::json record) {
  std::string text;
  if (auto t = record.find("text"); t != record.end()) {
    if (t->is_string()) text = t->get<std::string>();
    record.erase(t);
  }
  std::string data = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  data += '\0';  // never in JSON text: control characters in strings are escaped
  data += text;
  return data;
}

nlohmann::json read_record(const std::string& data, bool with_text) {
  const std::size_t end = data.find('\0');
  nlohmann::json r = nlohmann::json::parse(data.begin(), end == std::string::npos ? data.end() : data.begin() + static_cast<std::ptrdiff_t>(end),
                                           nullptr, false);
  if (!r.is_object()) return nlohmann::json::object();
  if (with_text && end != std::string::npos && end + 1 < data.size()) r["text"] = data.substr(end + 1);
  return r;
}

std::string_view stored_text(const std::string& data) {
  const std::size_t end = data.find('\0');
  return end == std::string::npos ? std::string_view() : std::string_view(data).substr(end + 1);
}

DocumentBuilder::DocumentBuilder() : DocumentBuilder(make_indexing_stemmer()) {}

DocumentBuilder::DocumentBuilder(const Xapian::Stem& stemmer) {
  terms_.set_stemmer(stemmer);
  terms_.set_stemming_strategy(kIndexStemming);
}

Xapian::Document DocumentBuilder::build(const Article& a) { return build(a, document_data(to_record(a))); }

Xapian::Document DocumentBuilder::build(const Article& a, std::string data) {
  Xapian::Document doc;
  terms_.set_document(doc);
  const Field& title = *find_field("title");
  terms_.index_text(a.title, 1, std::string(title.prefix));
  terms_.increase_termpos();
  terms_.index_text(a.title, kTitleWeight);
  terms_.increase_termpos(100);  // no phrase spans title and body
  terms_.index_text(a.text);

  for (const Field& field : fields()) {
    switch (field.kind) {
      case FieldKind::kText:
      case FieldKind::kDate:
        break;
      case FieldKind::kExact:
        if (field.name == "id") {
          doc.add_boolean_term(id_term(a.id));
        } else {
          for (const std::string& v : field_values(a, field)) {
            std::string term = std::string(field.prefix) + v;
            if (term.size() <= 240) doc.add_boolean_term(term);
          }
        }
        break;
      case FieldKind::kName: {
        std::vector<std::string> values = field_values(a, field);
        for (const std::string& v : values) {
          for (const std::string& term : name_terms(field, v)) doc.add_boolean_term(term);
        }
        if (field.slot && !values.empty()) doc.add_value(*field.slot, join_list(values));
        break;
      }
    }
  }
  if (a.date) {
    const std::string key = sort_key(*a.date);
    doc.add_value(kDateSlot, key);
    for (const std::string& term : date_terms(key)) doc.add_boolean_term(term);
    doc.add_value(kPrecisionSlot, to_string(a.date->precision));
  }
  doc.add_value(kSourceSlot, a.source);
  doc.add_value(kHashSlot, content_hash(data));
  doc.set_data(data);
  return doc;
}

}  // namespace morgue
