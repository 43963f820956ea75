// Unit tests for spelling: the words an article gives the spelling data, their counts as articles
// come and go, which words of a query may be corrected, and the corrected query.
#include "searcher/spelling.h"

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "common/analysis.h"
#include "common/document.h"
#include "indexer/indexer.h"
#include "searcher/query.h"
#include "temp_dir.h"

namespace {

using morgue::SpellingWords;

morgue::Article article(std::string id, std::string title, std::string text) {
  morgue::Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.text = std::move(text);
  return a;
}

// The spelling table of `db`: each word and its count.
SpellingWords table(const Xapian::Database& db) {
  SpellingWords out;
  for (auto t = db.spellings_begin(); t != db.spellings_end(); ++t)
    out.emplace_back(*t, t.get_termfreq());
  return out;
}

// A glass database of articles (id, title, text), spelling data kept as the indexer keeps it.
struct Archive {
  morgue::testing::TempDir dir;
  std::string path = (dir / "db").string();
  Xapian::WritableDatabase db{path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS};
  morgue::DocumentBuilder builder;

  explicit Archive(std::initializer_list<morgue::Article> articles) {
    db.set_metadata(morgue::kSpellingKey, "1");
    for (const morgue::Article& a : articles) add(a);
    db.commit();
  }
  void add(const morgue::Article& a) {
    SpellingWords words;
    db.replace_document(morgue::id_term(a.id),
                        builder.build(a, morgue::document_data(morgue::to_record(a)), &words));
    morgue::add_spelling(db, words);
  }
};

std::vector<std::pair<std::size_t, std::string>> plain(const std::string& q, bool any = false) {
  std::vector<std::pair<std::size_t, std::string>> out;
  for (const morgue::QueryWord& w : morgue::plain_words(q, any)) out.emplace_back(w.at, w.text);
  return out;
}

std::optional<std::string> corrected(const std::string& q, const Xapian::Database& db) {
  return morgue::corrected_query(q, db, morgue::make_stemmer(), false);
}

// The spelling table of a database morgue-index builds from `folder` into `db` (`jobs` threads;
// `prune`: articles of files gone leave).
SpellingWords indexed(const std::string& db, const std::string& folder, unsigned jobs = 1,
                      bool prune = false) {
  morgue::IndexOptions o;
  o.db = db;
  o.inputs = {folder};
  o.extract = false;
  o.quiet = true;
  o.jobs = jobs;
  o.prune = prune;
  std::istringstream in;
  std::ostringstream out, err;
  BOOST_TEST(morgue::run_index(o, in, out, err) == 0, err.str());
  return table(Xapian::Database(db));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spelling)

BOOST_AUTO_TEST_CASE(an_articles_words_as_written_with_their_counts) {
  morgue::DocumentBuilder b;
  SpellingWords words;
  const morgue::Article a =
      article("a", "Storm Warning", "The storm hit 3 towns in 1987; storms, Storm! Café B52");
  const Xapian::Document doc = b.build(a, morgue::document_data(morgue::to_record(a)), &words);
  // Lower case, unstemmed, title and text added up, nothing with a digit, sorted.
  const SpellingWords want = {{"café", 1},   {"hit", 1}, {"in", 1},    {"storm", 3},
                              {"storms", 1}, {"the", 1}, {"towns", 1}, {"warning", 1}};
  BOOST_TEST(words == want);
  // Read back from the stored document, as the indexer does before it replaces or deletes it.
  BOOST_TEST(b.spelling_words(doc) == want);
}

BOOST_AUTO_TEST_CASE(declared_text_fields_give_their_words) {
  morgue::set_declared_fields({{"summary", morgue::FieldKind::kText}});
  morgue::Article a = article("a", "", "storm");
  a.extra["summary"] = "Storm surge";
  morgue::DocumentBuilder b;
  SpellingWords words;
  b.build(a, morgue::document_data(morgue::to_record(a)), &words);
  morgue::set_declared_fields({});
  BOOST_TEST((words == SpellingWords{{"storm", 2}, {"surge", 1}}));
}

BOOST_AUTO_TEST_CASE(counts_follow_articles_replaced_and_removed) {
  Archive archive{article("a", "Storm", "storm coast"), article("b", "", "coast guard")};
  BOOST_TEST((table(archive.db) == SpellingWords{{"coast", 2}, {"guard", 1}, {"storm", 2}}));
  // Replaced: the old words leave first, as Writer::apply does.
  const Xapian::Document old =
      archive.db.get_document(*archive.db.postlist_begin(morgue::id_term("a")));
  morgue::remove_spelling(archive.db, archive.builder.spelling_words(old));
  archive.add(article("a", "", "flood"));
  archive.db.commit();
  BOOST_TEST((table(archive.db) == SpellingWords{{"coast", 1}, {"flood", 1}, {"guard", 1}}));
  // Removed: every word of the article goes, and a word no article holds is no more.
  morgue::remove_spelling(archive.db, archive.builder.spelling_words(archive.db.get_document(
                                          *archive.db.postlist_begin(morgue::id_term("b")))));
  archive.db.delete_document(morgue::id_term("b"));
  archive.db.commit();
  BOOST_TEST((table(archive.db) == SpellingWords{{"flood", 1}}));
  BOOST_TEST(archive.db.get_spelling_suggestion("flod") == "flood");
  BOOST_TEST(archive.db.get_spelling_suggestion("gard") == "");
}

BOOST_AUTO_TEST_CASE(the_indexer_keeps_counts_as_a_fresh_build_would) {
  morgue::testing::TempDir dir;
  std::filesystem::create_directories(dir / "in");
  dir.write("in/a.txt", "Storm warning\nThe storm reached the coast.\n");
  dir.write("in/b.txt", "Harbour news\nThe harbour stayed shut; the storm passed.\n");
  dir.write("in/c.txt", "Repeated\nThe coast guard.\n");
  const std::string db = (dir / "db").string(), in = (dir / "in").string();
  const SpellingWords first = indexed(db, in);
  BOOST_TEST((first.front() == std::pair<std::string, Xapian::termcount>{"coast", 2}));
  // A bulk build (shards compacted into one database) holds the same counts.
  BOOST_TEST(indexed((dir / "bulk").string(), in, 2) == first);
  // An article changed and one removed: the words of their old versions leave.
  dir.write("in/a.txt", "Flood warning\nThe flood reached the coast.\n");
  std::filesystem::remove(dir / "in/c.txt");
  const SpellingWords updated = indexed(db, in, 1, true);
  BOOST_TEST(updated == indexed((dir / "fresh").string(), in));
  BOOST_TEST((updated.front() == std::pair<std::string, Xapian::termcount>{"coast", 1}));
  const Xapian::Database after(db);
  BOOST_TEST(after.get_spelling_suggestion("gard") == "");  // "guard" was only in c.txt
  BOOST_TEST(after.get_spelling_suggestion("flod") == "flood");
}

BOOST_AUTO_TEST_CASE(an_id_repeated_across_a_bulk_builds_shards_counts_once) {
  morgue::testing::TempDir dir;
  std::filesystem::create_directories(dir / "in");
  dir.write("in/a.jsonl", R"({"id": "x", "text": "storm over the coast"})"
                          "\n");
  dir.write("in/b.jsonl", R"({"id": "x", "text": "flood over the coast"})"
                          "\n");
  const std::string in = (dir / "in").string();
  const SpellingWords one = indexed((dir / "one").string(), in);
  BOOST_TEST((one == SpellingWords{{"coast", 1}, {"flood", 1}, {"over", 1}, {"the", 1}}));
  BOOST_TEST(indexed((dir / "bulk").string(), in, 2) == one);
}

BOOST_AUTO_TEST_CASE(only_bare_words_of_letters_may_be_corrected) {
  using P = std::vector<std::pair<std::size_t, std::string>>;
  BOOST_TEST((plain("storm Coast") == P{{0, "storm"}, {6, "Coast"}}));
  // Not field values, phrases, operators, =forms, wildcards, numbers, or excluded words.
  BOOST_TEST((plain("place:salvadr title:\"strom\" \"big strom\" =strom strom* 1987 b52") == P{}));
  BOOST_TEST((plain("storm AND (coast OR guard) NOT flood -surge +tide") ==
              P{{0, "storm"}, {11, "coast"}, {20, "guard"}, {45, "tide"}}));
  BOOST_TEST((plain("Café") == P{{0, "Café"}}));
  BOOST_TEST(plain("\"never closed").empty());  // a query that does not parse has none
  BOOST_TEST((plain("\"never closed", true) == P{}));
}

BOOST_AUTO_TEST_CASE(unknown_words_are_replaced_in_the_query_as_written) {
  Archive archive{article("a", "Storm warning", "The storm hit the coast of El Salvador."),
                  article("b", "", "Coast guards rescued fishermen.")};
  BOOST_TEST(corrected("strom", archive.db).value_or("none") == "storm");
  // The rest of the text stays as typed: filters, operators, spacing, known words.
  BOOST_TEST(
      corrected("Strom  AND place:salvadr  (cosat OR guards)", archive.db).value_or("none") ==
      "storm  AND place:salvadr  (coast OR guards)");
  // Every word known (a stem of the database: "storms" is "storm"): no suggestion.
  BOOST_TEST(!corrected("storms coast", archive.db));
  // Nothing near enough (more than two edits away).
  BOOST_TEST(!corrected("xylophone", archive.db));
  // Field values are never corrected, even when unknown.
  BOOST_TEST(!corrected("place:salvadr", archive.db));
}

BOOST_AUTO_TEST_CASE(no_suggestion_without_spelling_data) {
  morgue::testing::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(),
                              Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  morgue::DocumentBuilder b;
  db.add_document(b.build(article("a", "", "storm coast")));  // an older morgue's database
  db.commit();
  BOOST_TEST(!morgue::keeps_spelling(db));
  BOOST_TEST(!corrected("strom", db));
}

BOOST_AUTO_TEST_CASE(suggestions_come_from_every_shard) {
  Archive first{article("a", "", "storm")}, second{article("b", "", "harbour")};
  Xapian::Database both(first.path);
  both.add_database(Xapian::Database(second.path));
  BOOST_TEST(corrected("harbor strom", both).value_or("none") == "harbour storm");
}

BOOST_AUTO_TEST_SUITE_END()
