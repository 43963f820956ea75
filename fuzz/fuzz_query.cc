// Fuzz target: bytes as a query against a small in-memory database, and as an article's text.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/document.h"
#include "common/error.h"
#include "common/schema.h"
#include "searcher/query.h"

namespace {

Xapian::WritableDatabase& database() {
  static Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase d(std::string(), Xapian::DB_BACKEND_INMEMORY);
    morgue::DocumentBuilder builder;
    morgue::Article a;
    a.id = "a";
    a.title = "Noem tours prison";
    a.text = "Kristi Noem visited the prison in El Salvador on Wednesday.";
    a.people = {"Kristi Noem"};
    a.places = {"El Salvador"};
    a.date = morgue::Date{2025, 3, 26, morgue::Precision::kDay};
    d.replace_document(morgue::id_term(a.id), builder.build(a));
    return d;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  {
    // The same bytes as an article's text: the words the index makes of them (Thai and Lao
    // broken apart by ICU, CJK as n-grams), whatever the bytes.
    static morgue::DocumentBuilder builder;
    morgue::Article a;
    a.id = "fuzz";
    a.text = text;
    builder.build(a);
  }
  for (bool any : {false, true}) {
    morgue::QueryBuilder builder(database(), morgue::QueryOptions{any});
    try {
      Xapian::Enquire enquire(database());
      enquire.set_query(builder.parse(text).query);
      enquire.get_mset(0, 10);
    } catch (const morgue::QueryError&) {
    } catch (const Xapian::Error&) {
      // Xapian's own limits (a term too long for the backend): reported as errors, not crashes
    }
  }
  return 0;
}
