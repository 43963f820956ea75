// Building documents from articles; the only code that writes terms and values.
#include "common/document.h"

#include <xxhash.h>

#include <cstdio>

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

DocumentBuilder::DocumentBuilder() {
  terms_.set_stemmer(make_stemmer());
  terms_.set_stemming_strategy(kIndexStemming);
}

Xapian::Document DocumentBuilder::build(const Article& a) {
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
  std::string record = to_record(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  doc.add_value(kHashSlot, content_hash(record));
  doc.set_data(record);
  return doc;
}

}  // namespace morgue
