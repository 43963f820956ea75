// Unit tests for the stored counts of groups (group_counts.h): every count stored is the number
// of distinct copy groups and stories among a term's articles, counted here from the test's own
// record of what it wrote; counts of an older state, or of another database, are never read.
#include "common/group_counts.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/schema.h"
#include "temp_dir.h"

namespace {

using morgue::testing::TempDir;

// What the test wrote: each live article's terms and groups ("" for none).
struct Article {
  std::set<std::string> terms;
  std::string copy, story;
};
using Model = std::map<Xapian::docid, Article>;

// The brute-force count: articles, distinct copy groups and distinct stories of `term` (an
// article without a group counts as one of its own).
struct Expected {
  Xapian::doccount articles = 0, copies = 0, stories = 0;
};
Expected expected(const Model& model, const std::string& term) {
  Expected e;
  std::set<std::string> copies, stories;
  for (const auto& [did, a] : model) {
    if (!a.terms.count(term)) continue;
    ++e.articles;
    if (a.copy.empty()) ++e.copies;
    if (a.story.empty()) ++e.stories;
    if (!a.copy.empty()) copies.insert(a.copy);
    if (!a.story.empty()) stories.insert(a.story);
  }
  e.copies += static_cast<Xapian::doccount>(copies.size());
  e.stories += static_cast<Xapian::doccount>(stories.size());
  return e;
}

// A random article: terms drawn unevenly from `vocabulary` words (the first ones often), groups
// from a few, sometimes none.
Article random_article(std::mt19937& rng, int vocabulary) {
  Article a;
  std::geometric_distribution<int> word(0.15);
  const int n = std::uniform_int_distribution<int>(1, 8)(rng);
  for (int i = 0; i < n; ++i) a.terms.insert("w" + std::to_string(word(rng) % vocabulary));
  // A term too long to have a metadata key of its own: never stored, always counted.
  if (rng() % 4 == 0) a.terms.insert("w" + std::to_string(vocabulary) + std::string(236, 'x'));
  const int groups = std::uniform_int_distribution<int>(1, 12)(rng);
  if (rng() % 5) a.copy = "c" + std::to_string(rng() % groups);
  if (rng() % 6) a.story = "s" + std::to_string(rng() % (groups / 2 + 1));
  return a;
}

void write(Xapian::WritableDatabase& db, Xapian::docid did, const Article& a) {
  Xapian::Document doc;
  for (const std::string& t : a.terms) doc.add_term(t);
  if (!a.copy.empty()) doc.add_value(morgue::kCopySlot, a.copy);
  if (!a.story.empty()) doc.add_value(morgue::kStorySlot, a.story);
  db.replace_document(did, doc);
}

// Checks every term of the vocabulary (and one never written) against the model.
void check_counts(const std::string& path, const Model& model, int vocabulary,
                  Xapian::doccount from) {
  const Xapian::Database db(path);
  BOOST_TEST_REQUIRE(morgue::current_group_counts(db).has_value());
  BOOST_TEST(*morgue::current_group_counts(db) == from);
  for (int w = 0; w <= vocabulary + 1; ++w) {
    const std::string term =
        "w" + std::to_string(w) + (w == vocabulary ? std::string(236, 'x') : "");
    const Expected e = expected(model, term);
    BOOST_TEST_CONTEXT("term " << term << ", " << e.articles << " articles, from " << from) {
      BOOST_TEST(db.get_termfreq(term) == e.articles);
      const std::optional<morgue::GroupCount> stored = morgue::stored_group_count(db, from, term);
      const bool too_long = term.size() > 200;
      BOOST_TEST(stored.has_value() == (e.articles >= from && e.articles > 0 && !too_long));
      if (stored) {
        BOOST_TEST(stored->copies == e.copies);
        BOOST_TEST(stored->stories == e.stories);
      }
      // No count is left of a term below `from`, from an earlier state.
      if (!stored) BOOST_TEST(db.get_metadata(morgue::kGroupCountPrefix + term).empty());
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(group_counts)

// Seeded random databases, with articles changed and deleted between two counts: each stored
// count against the brute-force count of the model.
BOOST_AUTO_TEST_CASE(every_stored_count_is_the_number_of_distinct_groups_among_its_articles) {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      std::mt19937 rng(seed);
      TempDir t;
      const std::string path = (t / "db").string();
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
      const int vocabulary = std::uniform_int_distribution<int>(5, 40)(rng);
      Model model;
      const int n = std::uniform_int_distribution<int>(1, 300)(rng);
      for (Xapian::docid did = 1; did <= static_cast<Xapian::docid>(n); ++did) {
        model[did] = random_article(rng, vocabulary);
        write(db, did, model[did]);
      }
      db.commit();
      const Xapian::doccount from = std::uniform_int_distribution<Xapian::doccount>(1, 12)(rng);
      const unsigned threads = 1 + seed % 3;
      std::size_t frequent = 0;
      for (int w = 0; w < vocabulary; ++w)
        frequent += expected(model, "w" + std::to_string(w)).articles >= from;
      BOOST_TEST(morgue::store_group_counts(db, path, from, threads) == frequent);
      check_counts(path, model, vocabulary, from);
      // Articles changed, added and deleted: the counts are of the older state until counted
      // again, then of the new one.
      for (int k = 0; k < n / 3 + 1; ++k) {
        const auto did = static_cast<Xapian::docid>(1 + rng() % (n + 20));
        if (rng() % 3 == 0 && model.count(did)) {
          db.delete_document(did);
          model.erase(did);
        } else {
          model[did] = random_article(rng, vocabulary);
          write(db, did, model[did]);
        }
      }
      if (seed % 2) {
        db.commit();
        BOOST_TEST(!morgue::current_group_counts(Xapian::Database(path)));
      }  // else the changes are still held when the counts are stored: they are counted too
      const Xapian::doccount later = std::uniform_int_distribution<Xapian::doccount>(1, 12)(rng);
      morgue::store_group_counts(db, path, later, threads);
      check_counts(path, model, vocabulary, later);
    }
  }
}

BOOST_AUTO_TEST_CASE(counts_of_an_older_state_or_another_database_are_never_read) {
  TempDir t;
  const std::string path = (t / "db").string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  Model model;
  std::mt19937 rng(7);
  for (Xapian::docid did = 1; did <= 50; ++did) write(db, did, model[did] = random_article(rng, 5));
  db.commit();
  BOOST_TEST(morgue::store_group_counts(db, path, 1, 2) > 0);
  BOOST_TEST(morgue::current_group_counts(Xapian::Database(path)).has_value());
  // Counted again only when stale: nothing is written, the revision stays.
  const Xapian::rev revision = db.get_revision();
  BOOST_TEST(morgue::store_group_counts(db, path, 1, 2) == 0u);
  BOOST_TEST(db.get_revision() == revision);
  // A reader opened before a later commit still reads the counts of what it reads.
  const Xapian::Database before(path);
  // Any commit, even one that changes only metadata, makes them stale.
  db.set_metadata("another", "writer");
  db.commit();
  BOOST_TEST(!morgue::current_group_counts(Xapian::Database(path)));
  BOOST_TEST(morgue::current_group_counts(before).has_value());
  // A compacted copy is another database, whose counts are not known to be its own.
  db.close();
  Xapian::Database(path).compact((t / "copy").string());
  BOOST_TEST(!morgue::current_group_counts(Xapian::Database((t / "copy").string())));
  // Nor is a database of two shards one state.
  Xapian::Database two(path);
  two.add_database(Xapian::Database((t / "copy").string()));
  BOOST_TEST(!morgue::current_group_counts(two));
}

BOOST_AUTO_TEST_SUITE_END()
