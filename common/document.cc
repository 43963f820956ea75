// Building documents from articles: their terms, values and data, as schema.h lays them out.
#include "common/document.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "common/analysis.h"
#include "common/codebook.h"
#include "common/language.h"
#include "common/text.h"

namespace morgue {

std::vector<std::string> field_values(const Article& a, const Field& field) {
  const std::string_view name = field.name;
  if (name == "outlet")
    return a.outlet.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.outlet};
  if (name == "person") return a.people;
  if (name == "place") return a.places;
  if (name == "org") return a.organizations;
  if (name == "author") return a.authors;
  if (name == "cited") return a.cited;
  if (name == "lang")
    return a.lang.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.lang};
  if (name == "url")
    return a.url.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.url};
  if (name == "id") return {a.id};
  if (name == "path") return path_prefixes(a.path);
  if (field.declared && field.kind == FieldKind::kName) return declared_values(a, field.name);
  return {};
}

std::vector<std::string> path_prefixes(std::string_view path) {
  std::vector<std::string> out;
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1))
    if (slash > 0) out.emplace_back(path.substr(0, slash));
  if (!path.empty()) out.emplace_back(path);
  return out;
}

std::vector<std::string> declared_values(const Article& a, std::string_view name) {
  std::vector<std::string> out;
  const auto v = a.extra.find(std::string(name));
  if (v == a.extra.end()) return out;
  auto add = [&](const nlohmann::json& item) {
    std::string s;
    if (item.is_string())
      s = item.get<std::string>();
    else if (item.is_number() || item.is_boolean())
      s = item.dump();
    s = clean_name(s);
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  if (v->is_array()) {
    for (const auto& item : *v) add(item);
  } else {
    add(*v);
  }
  return out;
}

std::string content_hash(const std::string& record) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(record.data(), record.size())));
  return hex;
}

std::string content_hash(std::string_view prefix, std::string_view rest) {
  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state(XXH3_createState(),
                                                                        XXH3_freeState);
  XXH3_64bits_reset(state.get());
  XXH3_64bits_update(state.get(), prefix.data(), prefix.size());
  XXH3_64bits_update(state.get(), rest.data(), rest.size());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits_digest(state.get())));
  return hex;
}

std::string document_data(nlohmann::json record) {
  std::string text;
  if (auto t = record.find(kRecordText); t != record.end()) {
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
  nlohmann::json r = nlohmann::json::parse(
      data.begin(),
      end == std::string::npos ? data.end() : data.begin() + static_cast<std::ptrdiff_t>(end),
      nullptr, false);
  if (!r.is_object()) return nlohmann::json::object();
  if (with_text && end != std::string::npos && end + 1 < data.size())
    r[kRecordText] = data.substr(end + 1);
  return r;
}

std::string_view stored_text(const std::string& data) {
  const std::size_t end = data.find('\0');
  return end == std::string::npos ? std::string_view() : std::string_view(data).substr(end + 1);
}

std::vector<FiledName> filed_names(const Article& a, const Field& field, const PlaceTable& places,
                                   const Codebook& codebook) {
  std::vector<FiledName> out;
  for (std::string v : field_values(a, field)) {
    v = clean_name(v);  // a name is one name: no control character splits it in its slot
    if (v.empty()) continue;
    std::optional<Resolved> r = resolve_name(field, v, places, codebook);
    if (!r) continue;  // the codebook drops it
    std::string key = name_key(r->indexed);
    // A name the codebook files is shown by its canonical name (facets show the most frequent
    // form of a key); a place the gazetteer files keeps its own (facets name the canonical one).
    if (r->from_codebook) {
      std::string variant = name_key(v) == key ? std::string() : std::move(v);
      out.push_back({r->indexed, std::move(key), r->indexed, std::move(variant)});
    } else {
      out.push_back({std::move(v), std::move(key), std::move(r->indexed), ""});
    }
  }
  return out;
}

std::string names_value(const std::vector<FiledName>& names) {
  std::vector<NameEntry> entries;
  for (const FiledName& n : names) entries.push_back({n.name, n.key});
  return encode_names(entries);
}

void add_names(Xapian::Document* doc, const Field& field, const std::vector<FiledName>& names) {
  Xapian::termpos pos = 0;
  for (const FiledName& n : names) {
    // Word terms with positions (wdf 0: names add nothing to the length BM25 sees), names
    // kNameGap apart, so that a phrase matches within one name only.
    for (const std::string& term : name_terms(field, n.indexed)) doc->add_posting(term, ++pos, 0);
    pos += kNameGap;
    if (!n.variant.empty()) {
      for (const std::string& term : name_terms(field, n.variant)) doc->add_posting(term, ++pos, 0);
      pos += kNameGap;
    }
    if (!n.key.empty()) doc->add_boolean_term(whole_name_term(field, n.key));
  }
  if (field.slot && !names.empty()) doc->add_value(*field.slot, names_value(names));
}

void remove_names(Xapian::Document* doc, const Field& field) {
  // The field's word terms are its prefix and a word (never an upper-case letter after the
  // prefix: schema.h), its whole names the whole prefix and a key.
  std::vector<std::string> doomed;
  auto collect = [&](const std::string& prefix, bool words) {
    auto t = doc->termlist_begin();
    for (t.skip_to(prefix); t != doc->termlist_end(); ++t) {
      const std::string term = *t;
      if (term.compare(0, prefix.size(), prefix) != 0) break;
      const char next = term.size() > prefix.size() ? term[prefix.size()] : 'A';
      if (!words || !(next >= 'A' && next <= 'Z')) doomed.push_back(term);
    }
  };
  collect(std::string(field.prefix), true);
  if (!field.whole_prefix.empty()) collect(std::string(field.whole_prefix), false);
  for (const std::string& term : doomed) doc->remove_term(term);
  if (field.slot && !doc->get_value(*field.slot).empty()) doc->remove_value(*field.slot);
}

void add_spelling(Xapian::WritableDatabase& db, const SpellingWords& words) {
  for (const auto& [word, count] : words) db.add_spelling(word, count);
}

void remove_spelling(Xapian::WritableDatabase& db, const SpellingWords& words) {
  for (const auto& [word, count] : words) db.remove_spelling(word, count);
}

bool keeps_spelling(const Xapian::Database& db) { return db.get_metadata(kSpellingKey) == "1"; }

DocumentBuilder::DocumentBuilder(const PlaceTable* places, const Codebook* codebook)
    : DocumentBuilder(make_indexing_stemmer(), places, codebook) {}

DocumentBuilder::DocumentBuilder(const Xapian::Stem& stemmer, const PlaceTable* places,
                                 const Codebook* codebook)
    : stemmers_(stemmer, true), places_(places), codebook_(codebook) {
  words_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  words_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);  // language.h: is_cjk
}

Xapian::Document DocumentBuilder::build(const Article& a) {
  return build(a, document_data(to_record(a)));
}

Xapian::Document DocumentBuilder::words(const std::string& text, Xapian::termpos* count) {
  Xapian::Document words;
  words_.set_document(words);
  words_.set_termpos(0);
  std::string broken;  // Thai and Lao words apart (language.h: break_words)
  words_.index_text(break_words(text, &broken) ? broken : text);
  *count = words_.get_termpos();
  return words;
}

void DocumentBuilder::add_words(Xapian::Document* doc, const Xapian::Document& words,
                                std::initializer_list<Placement> placements,
                                Xapian::termcount form_wdf, const Xapian::Stem& stemmer) {
  const std::string form_prefix = kExactFormPrefix;
  for (auto t = words.termlist_begin(); t != words.termlist_end(); ++t) {
    const std::string word = *t;
    const std::string stem = stemmer(word);
    // None for a pair of CJK characters (language.h: is_cjk, U+1100 and above: a lead byte of
    // 0xE1 or more); other words have them, and need not be asked.
    const bool positions = static_cast<unsigned char>(word[0]) < 0xE1 || t.positionlist_count() > 0;
    for (const Placement& at : placements) {
      const std::string term = at.prefix + stem;
      if (!positions) doc->add_term(term, t.get_wdf() * at.wdf);
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
        doc->add_posting(term, *p + at.offset, at.wdf);
    }
    if (exact_forms_) doc->add_term(form_prefix + word, t.get_wdf() * form_wdf);
  }
}

void DocumentBuilder::add_spelling_words(const Xapian::Document& words, SpellingWords* spelling) {
  if (!spelling) return;
  for (auto t = words.termlist_begin(); t != words.termlist_end(); ++t) {
    const std::string word = *t;
    if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    spelling->emplace_back(word, t.get_wdf());
  }
}

SpellingWords DocumentBuilder::spelling_words(const Xapian::Document& stored) {
  SpellingWords out;
  build(article_from_record(read_record(stored.get_data(), true)), stored.get_data(), &out);
  return out;
}

Xapian::Document DocumentBuilder::build(const Article& a, std::string data,
                                        SpellingWords* spelling) {
  if (spelling) spelling->clear();
  Xapian::Document doc;
  // Xapian's tokenizer runs once over the title and once over the text, giving the words as
  // written (lower case) with their positions; the stems and exact forms are made from those,
  // as TermGenerator's STEM_ALL and STEM_NONE passes would make them (unit.document compares
  // the two on every Reuters story), where those passes took three tokenizations of the title
  // and two of the text. The title's stems go in as title: terms (S) and, kTitleWeight times,
  // as text; the text's stems after a gap, so that no phrase spans title and text. Exact forms
  // (E) get the wdf that makes the document's length (the sum of wdf) exactly twice its stemmed
  // length: BM25's length normalisation, and so every ranking, stays as without them.
  const Xapian::Stem& stemmer = stemmers_(a.lang);
  Xapian::termpos title_words = 0, body_words = 0;
  const Xapian::Document title = words(a.title, &title_words);
  add_spelling_words(title, spelling);
  add_words(&doc, title,
            {{std::string(find_field("title")->prefix), 0, 1},
             {"", title_words + kTitleGap, kTitleWeight}},
            kTitleWeight + 1, stemmer);
  const Xapian::Document body = words(a.text, &body_words);
  add_spelling_words(body, spelling);
  add_words(&doc, body, {{"", 2 * title_words + kTitleGap + kBodyGap, 1}}, 1, stemmer);
  // Declared text fields follow the body, each after a gap, searched as text and by their prefix.
  Xapian::termpos end = 2 * title_words + kTitleGap + kBodyGap + body_words;
  for (const Field& field : fields()) {
    switch (field.kind) {
      case FieldKind::kText: {
        if (!field.declared) break;
        const auto v = a.extra.find(std::string(field.name));
        if (v == a.extra.end() || !v->is_string()) break;
        Xapian::termpos count = 0;
        const Xapian::Document text = words(v->get<std::string>(), &count);
        add_spelling_words(text, spelling);
        add_words(&doc, text, {{std::string(field.prefix), 0, 1}, {"", end + kBodyGap, 1}}, 2,
                  stemmer);
        end += kBodyGap + count;
        break;
      }
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
        static const PlaceTable kNoPlaces;
        static const Codebook kNoCodebook;
        add_names(&doc, field,
                  filed_names(a, field, places_ ? *places_ : kNoPlaces,
                              codebook_ ? *codebook_ : kNoCodebook));
        break;
      }
    }
  }
  if (a.date) {
    const std::string key = sort_key(*a.date);
    doc.add_value(kDateSlot, key);
    for (const std::string& term : date_terms(key)) doc.add_boolean_term(term);
    doc.add_boolean_term(std::string(find_field("date")->whole_prefix) + to_string(*a.date));
    doc.add_value(kPrecisionSlot, to_string(a.date->precision));
  }
  doc.add_value(kDateOrderSlot, a.date ? sort_key(*a.date) : std::string("~"));
  for (const auto& [key, value] : a.extra.items()) {
    if (key.size() < 200) doc.add_boolean_term(kExtraFieldPrefix + key);
  }
  doc.add_value(kSourceSlot, a.source);
  doc.add_value(kHashSlot, content_hash(data));
  doc.set_data(data);
  if (spelling) {  // one entry per word: the title's, text's and fields' counts added up
    std::sort(spelling->begin(), spelling->end());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < spelling->size(); ++i) {
      if (kept && (*spelling)[kept - 1].first == (*spelling)[i].first)
        (*spelling)[kept - 1].second += (*spelling)[i].second;
      else if (kept++ != i)
        (*spelling)[kept - 1] = std::move((*spelling)[i]);
    }
    spelling->resize(kept);
  }
  return doc;
}

}  // namespace morgue
