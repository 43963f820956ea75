// The default extractor: entities from the tagger, canonical names, the publication date and the
// outlets, each only where the source gave none.
#include "common/extract.h"

#include <unordered_set>

#include "common/gazetteer.h"
#include "common/names.h"
#include "common/ner.h"
#include "common/outlets.h"
#include "common/text.h"
#include "common/text_date.h"

namespace morgue {
namespace {

// Extraction reads at most this much of an article: names and dates are in its first pages, and
// the tagger's memory grows with the text.
constexpr std::size_t kExtractBytes = 1 << 20;

std::string_view bounded(std::string_view text) {
  if (text.size() <= kExtractBytes) return text;
  std::size_t cut = kExtractBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return text.substr(0, cut);
}

void add_unique(std::vector<std::string>* list, std::unordered_set<std::string>* seen, std::string name) {
  if (name.empty()) return;
  if (seen->insert(fold(name)).second) list->push_back(std::move(name));
}

class Default : public Extractor {
 public:
  Default()
      : weights_(ner::Weights::load(ner::data_path("ner.model"))), gazetteer_(ner::Gazetteer::system()) {}

  void complete(Article& a) const override {
    const std::string_view text = bounded(a.text);
    if (a.people.empty() || a.places.empty() || a.organizations.empty()) {
      Entities e = entities(a.title, text);
      if (a.people.empty()) a.people = std::move(e.people);
      if (a.places.empty()) a.places = std::move(e.places);
      if (a.organizations.empty()) a.organizations = std::move(e.organizations);
    }
    if (!a.date) {
      if (auto found = find_publication_date(text)) {
        a.date = found->date;
        a.date_origin = Origin::kExtracted;
        a.date_basis = found->basis;
      }
    }
    OutletsFound outlets = find_outlets(text);
    if (a.outlet.empty() && !outlets.own.empty()) {
      a.outlet = outlets.own;
      a.outlet_basis = outlets.basis;
    }
    if (a.cited.empty()) a.cited = std::move(outlets.cited);
  }

 private:
  struct Entities {
    std::vector<std::string> people, places, organizations;
  };

  Entities entities(const std::string& title, std::string_view text) const {
    // The headline is tagged with the body (its names count), unless the body repeats it.
    std::string doc;
    if (!title.empty() && text.substr(0, title.size()) != title) doc = title + "\n";
    doc += text;
    ner::Document tagged(ner::tokenize(doc), gazetteer_);
    ner::tag_document(weights_, tagged);
    Entities e;
    std::vector<std::string> person_mentions;
    std::unordered_set<std::string> places_seen, orgs_seen;
    for (std::size_t s = 0; s < tagged.sentences().size(); ++s) {
      const auto& tokens = tagged.sentences()[s].tokens;
      for (const ner::Span& span : ner::spans_of(tagged.tags()[s], s)) {
        const std::size_t begin = tokens[span.first].begin;
        const std::size_t end = tokens[span.last].begin + tokens[span.last].text.size();
        const std::string mention = clean_name(std::string_view(doc).substr(begin, end - begin));
        switch (span.type) {
          case ner::Type::kPerson:
            person_mentions.push_back(strip_person_name(mention));
            break;
          case ner::Type::kPlace:
            add_unique(&e.places, &places_seen, canonical_place(mention));
            break;
          case ner::Type::kOrganization:
            add_unique(&e.organizations, &orgs_seen, strip_article(mention));
            break;
          case ner::Type::kMisc:
            break;
        }
      }
    }
    e.people = canonical_people(person_mentions);
    return e;
  }

  std::string canonical_place(const std::string& mention) const {
    std::string name = strip_article(mention);
    const std::string folded = fold(name);
    if (folded == "washington, d.c." || folded == "washington d.c." || folded == "washington, dc" ||
        folded == "washington dc" || folded == "d.c.") {
      return "Washington D.C.";
    }
    std::string country = gazetteer_.country_name(name);
    return country.empty() ? name : country;
  }

  ner::Weights weights_;
  const ner::Gazetteer& gazetteer_;
};

}  // namespace

std::unique_ptr<Extractor> make_default_extractor() { return std::make_unique<Default>(); }

}  // namespace morgue
