// Unit tests for the database a run writes (indexer/store.h): an archive of shards numbers its
// articles as one database does, through first builds and updates; each article is in the shard
// its docid says; the shards hold the archive's choices; what cannot be done is refused; and a
// first build in bulk leaves no article to file again.
#include "indexer/store.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <sstream>

#include "common/error.h"
#include "common/schema.h"
#include "indexer/indexer.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;

// A word of letters (the spelling data takes no word with a digit).
std::string word(std::size_t n) {
  std::string w = "w";
  for (; n; n /= 26) w += static_cast<char>('a' + n % 26);
  return w;
}

// A JSON Lines file of `n` articles from `first` on, ids a<first>..., texts from a seeded
// vocabulary, some of them copies of the one before (filed by the copy pass: their signatures
// differ), dates over a month.
std::string articles(std::size_t first, std::size_t n, unsigned seed,
                     const std::string& extra = "") {
  std::mt19937 rng(seed);
  std::ostringstream out;
  std::string last;
  for (std::size_t i = first; i < first + n; ++i) {
    std::string text;
    if (!last.empty() && rng() % 4 == 0) {
      text = last + word(rng() % 300) + " ";  // a copy of the one before, a word longer
    } else {
      for (int w = 0; w < 40; ++w) text += word(rng() % 300) + " ";
      text += extra;
    }
    last = text;
    out << R"({"id":"a)" << i << R"(","title":"t)" << rng() % 50 << R"(","date":"2025-03-)"
        << 10 + rng() % 18 << R"(","text":")" << text << "\"}\n";
  }
  return out.str();
}

int index(const std::string& db, const std::vector<std::string>& inputs, unsigned jobs,
          std::size_t shards, bool prune = false, std::string* messages = nullptr) {
  morgue::IndexOptions o;
  o.db = db;
  o.inputs = inputs;
  o.extract = false;
  o.quiet = true;
  o.jobs = jobs;
  o.shards = shards;
  o.prune = prune;
  std::istringstream in;
  std::ostringstream out, err;
  const int status = morgue::run_index(o, in, out, err);
  if (messages) *messages = err.str();
  return status;
}

// Each docid of the whole, with its id and its copy group and story.
std::map<Xapian::docid, std::string> numbering(const Xapian::Database& db) {
  std::map<Xapian::docid, std::string> out;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    const Xapian::Document doc = db.get_document(*p);
    std::string id;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind("Q", 0) == 0) id = *t;
    }
    out[*p] = id + " " + doc.get_value(morgue::kCopySlot) + " " + doc.get_value(morgue::kStorySlot);
  }
  return out;
}

Xapian::Database open(const fs::path& path) { return Xapian::Database(path.string()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(shards_number_articles_as_one_database_does_through_updates) {
  morgue::testing::TempDir dir;
  const std::string one = (dir / "one.db").string(), sharded = (dir / "sharded.db").string();
  // An id given twice: the later article replaces the earlier.
  const std::string first = dir.write(
      "first.jsonl", articles(0, 300, 1) + R"({"id":"a7","title":"again","text":"w w w"})" + "\n");
  BOOST_TEST(index(one, {first}, 1, 0) == 0);
  BOOST_TEST(index(sharded, {first}, 2, 3) == 0);
  BOOST_TEST(morgue::archive_shards(sharded).size() == 3u);
  BOOST_TEST(morgue::archive_shards(one).empty());
  BOOST_TEST(numbering(open(sharded)) == numbering(open(one)));
  // An update: new articles (Xapian 1.4 gives the docid within its shard for one added by a
  // term no document has: the run must file the whole's), changed ones, removed ones.
  std::string changed = articles(0, 300, 1);  // (a7 as first written)
  std::istringstream lines(changed);
  std::string kept;
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    if (n % 25 == 3) continue;  // pruned
    if (n % 11 == 0) line.insert(line.size() - 2, " amended");
    kept += line + "\n";
  }
  dir.write("first.jsonl", kept);
  const std::string more = dir.write("more.jsonl", articles(300, 80, 2));
  BOOST_TEST(index(one, {first, more}, 2, 0, true) == 0);
  BOOST_TEST(index(sharded, {first, more}, 2, 0, true) == 0);
  const auto whole = numbering(open(sharded));
  BOOST_TEST(whole == numbering(open(one)));
  BOOST_TEST(whole.size() == 300u - 12u + 80u);
  // Article d of the whole is article (d - 1) / 3 + 1 of shard (d - 1) mod 3.
  for (std::size_t k = 0; k < 3; ++k) {
    const auto shard = numbering(open(fs::path(sharded) / ("shard" + std::to_string(k))));
    for (const auto& [did, what] : shard) BOOST_TEST(whole.at((did - 1) * 3 + k + 1) == what);
  }
}

BOOST_AUTO_TEST_CASE(every_shard_holds_the_archives_choices) {
  morgue::testing::TempDir dir;
  const std::string db = (dir / "db").string();
  BOOST_TEST(index(db, {dir.write("a.jsonl", articles(0, 20, 3))}, 1, 4) == 0);
  const std::vector<fs::path> shards = morgue::archive_shards(db);
  BOOST_TEST_REQUIRE(shards.size() == 4u);
  const Xapian::Database first = open(shards[0]);
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const Xapian::Database shard = open(shards[k]);
    BOOST_TEST(shard.get_metadata(morgue::kShardKey) == std::to_string(k) + " 4");
    for (const char* key : {morgue::kSchemaKey, morgue::kPlacesKey, morgue::kCopiesKey,
                            morgue::kStoriesKey, morgue::kRootKey, morgue::kFieldsKey}) {
      BOOST_TEST(shard.get_metadata(key) == first.get_metadata(key), key);
    }
    BOOST_TEST(shard.get_doccount() == 5u);
    // compacted after the first build, and installed as a first build of one database is
    BOOST_TEST(fs::exists(shards[k] / "db-2"));
    BOOST_TEST(!fs::exists(shards[k] / "db-1"));
  }
  BOOST_TEST(!first.get_metadata(morgue::kRootKey).empty());
  // The spelling data is in shard 0, where Xapian writes a sharded database's.
  BOOST_TEST((first.spellings_begin() != first.spellings_end()));
}

BOOST_AUTO_TEST_CASE(what_cannot_be_done_is_refused) {
  morgue::testing::TempDir dir;
  const std::string input = dir.write("a.jsonl", articles(0, 10, 4));
  const std::string sharded = (dir / "sharded").string(), one = (dir / "one").string();
  BOOST_TEST(index(sharded, {input}, 1, 2) == 0);
  BOOST_TEST(index(one, {input}, 1, 0) == 0);
  auto refused = [&](const std::string& db, std::size_t shards, const std::string& said) {
    try {
      index(db, {input}, 1, shards);
      BOOST_ERROR("no error for " + db);
    } catch (const morgue::Error& e) {
      BOOST_TEST(std::string(e.what()).find(said) != std::string::npos, e.what());
    }
  };
  refused((dir / "sharded" / "shard1").string(), 0, "is shard 1 of the archive of 2 shards");
  refused(sharded, 3, "is an archive of 2 shards, not 3");
  refused(one, 2, "exists and is not an archive of 2 shards");
  // The same number, or none, is taken; a shard replaced by another database is found out.
  BOOST_TEST(index(sharded, {input}, 1, 2) == 0);
  BOOST_TEST(index(sharded, {input}, 1, 0) == 0);
  fs::remove_all(dir / "sharded" / "shard1");
  fs::rename(dir / "one", dir / "sharded" / "shard1");
  refused(sharded, 0, "is not shard 1 of its 2 shards");
}

BOOST_AUTO_TEST_CASE(a_creation_cut_short_is_taken_up_again) {
  // Killed before its first shard was in place, a creation leaves only that shard's staging
  // folder (a case cli.Reliability's kills met): the next run with --shards makes the archive.
  morgue::testing::TempDir dir;
  const fs::path db = dir / "db";
  fs::create_directories(db / ".shard0.morgue-new-12345" / "db-1");
  BOOST_TEST(index(db.string(), {dir.write("a.jsonl", articles(0, 10, 6))}, 1, 3) == 0);
  BOOST_TEST(morgue::archive_shards(db).size() == 3u);
  BOOST_TEST(open(db).get_doccount() == 10u);
}

BOOST_AUTO_TEST_CASE(an_archive_that_would_be_empty_is_not_made) {
  morgue::testing::TempDir dir;
  const std::string input = dir.write("empty.jsonl", "");
  const fs::path db = dir / "db", folder = dir / "folder";
  BOOST_TEST(index(db.string(), {input}, 1, 3) == morgue::kIndexFatal);
  BOOST_TEST(!fs::exists(db));
  fs::create_directory(folder);  // an empty folder the user made stays, empty
  BOOST_TEST(index(folder.string(), {input}, 1, 3) == morgue::kIndexFatal);
  BOOST_TEST(fs::is_directory(folder));
  BOOST_TEST(fs::is_empty(folder));
}

BOOST_AUTO_TEST_CASE(a_bulk_build_leaves_no_article_unfiled) {
  // The last part of a first build in bulk listed all its articles as unfiled, so that the next
  // update filed the whole archive again, into other groups than an update files them.
  morgue::testing::TempDir dir;
  const std::string bulk = (dir / "bulk").string(), one = (dir / "one").string();
  const std::string input = dir.write("a.jsonl", articles(0, 400, 5));
  BOOST_TEST(index(bulk, {input}, 2, 0) == 0);
  BOOST_TEST(index(one, {input}, 1, 0) == 0);
  BOOST_TEST(open(bulk).get_metadata(morgue::kUnfiledKey).empty());
  BOOST_TEST(numbering(open(bulk)) == numbering(open(one)));
}

BOOST_AUTO_TEST_SUITE_END()
