// Unit tests for opening databases: stubs checked before anything is opened, and the indexer's
// locked database with its atomic install.
#include "common/database.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/schema.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

namespace {

using morgue::testing::TempDir;

void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

// A glass database at `dir` of `n` documents, with the schema version.
void make_database(const fs::path& dir, int n) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  db.set_metadata(morgue::kSchemaKey, std::to_string(morgue::kSchemaVersion));
  for (int i = 0; i < n; ++i) {
    Xapian::Document d;
    d.add_boolean_term("Q" + std::to_string(i));
    db.add_document(d);
  }
  db.commit();
}

// The message of the Error that f throws ("" if none).
template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const morgue::Error& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database)

// Issue 14: a stub directory (dir/XAPIANDB holding "remote :prog") ran the program, from both
// binaries, also through an "auto" line.
BOOST_AUTO_TEST_CASE(a_stub_directory_that_would_run_a_program_is_refused) {
  TempDir t;
  fs::create_directory(t / "evil");
  write(t / "evil" / "XAPIANDB", "remote :touch " + (t / "pwned").string() + "\n");
  write(t / "auto.stub", "auto " + (t / "evil").string() + "\n");
  for (const fs::path& p : {t / "evil", t / "auto.stub"}) {
    std::string e = error_of([&] { morgue::open_for_reading(p.string()); });
    BOOST_TEST(contains(e, "runs a program"), e);
    BOOST_TEST(contains(e, "--allow-remote-programs"), e);
    e = error_of([&] { morgue::LockedDatabase(p.string(), false); });
    BOOST_TEST((contains(e, "never starts programs") || contains(e, "is a file")), e);
    BOOST_TEST(!morgue::single_local_database(p.string()));
  }
  BOOST_TEST(!fs::exists(t / "pwned"));
}

BOOST_AUTO_TEST_CASE(stubs_that_include_themselves_or_list_a_database_twice_are_refused) {
  TempDir t;
  make_database(t / "db", 3);
  write(t / "self.stub", "auto self.stub\n");
  write(t / "a.stub", "auto b.stub\n");
  write(t / "b.stub", "auto a.stub\n");
  write(t / "twice.stub", "auto db\n# a comment\nglass " + (t / "db").string() + "\n");
  fs::create_directory(t / "dir");
  write(t / "dir" / "XAPIANDB", "auto ../dir\n");
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "self.stub").string()); }),
                      "includes itself"));
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "a.stub").string()); }),
                      "includes itself"));
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "dir").string()); }),
                      "includes itself"));
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "twice.stub").string()); }),
                      ":3: lists " + (t / "db").string() + " a second time"));
  write(t / "bad.stub", "auto db\nflint db\n");
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "bad.stub").string()); }),
                      "bad.stub:2: not a stub line"));
  write(t / "port.stub", "remote localhost:99999\n");
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "port.stub").string()); }),
                      ":1: not a stub line"));
}

BOOST_AUTO_TEST_CASE(stubs_nest_at_most_eight_deep) {
  TempDir t;
  make_database(t / "db", 2);
  // s1 names the database; s<k> names s<k-1>: opening s<k> reads k stubs.
  write(t / "s1", "auto db\n");
  for (int k = 2; k <= morgue::kMaxStubDepth + 1; ++k)
    write(t / ("s" + std::to_string(k)), "auto s" + std::to_string(k - 1) + "\n");
  const std::string deepest = (t / ("s" + std::to_string(morgue::kMaxStubDepth))).string();
  BOOST_TEST(morgue::open_for_reading(deepest).get_doccount() == 2u);
  BOOST_TEST(morgue::single_local_database(deepest));
  const std::string too_deep = (t / ("s" + std::to_string(morgue::kMaxStubDepth + 1))).string();
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading(too_deep); }),
                      "nested more than 8 stubs deep"));
}

BOOST_AUTO_TEST_CASE(stubs_of_several_databases_open_each_once) {
  TempDir t;
  make_database(t / "one", 2);
  make_database(t / "two", 3);
  write(t / "both.stub", "auto one\n\n# shards\r\nglass two\r\n");
  Xapian::Database db = morgue::open_for_reading((t / "both.stub").string());
  BOOST_TEST(db.size() == 2u);
  BOOST_TEST(db.get_doccount() == 5u);
  BOOST_TEST(!morgue::single_local_database((t / "both.stub").string()));
  BOOST_TEST(morgue::single_local_database((t / "one").string()));
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "none").string()); }),
                      "no database at"));
  fs::create_directory(t / "empty");
  BOOST_TEST(contains(error_of([&] { morgue::open_for_reading((t / "empty").string()); }),
                      "a folder with no database"));
}

// The searcher counts facets shard by shard (each shard has its own docids) while its hits come
// from the whole: the shards kept apart must be the whole's own, reopened with it.
BOOST_AUTO_TEST_CASE(local_shards_are_the_wholes_own_and_reopen_with_it) {
  TempDir t;
  make_database(t / "one", 2);
  make_database(t / "two", 3);
  write(t / "both.stub", "auto one\nglass two\n");
  std::vector<morgue::OpenedShard> shards;
  Xapian::Database db = morgue::open_for_reading((t / "both.stub").string(), {}, &shards);
  BOOST_TEST(shards.size() == 2u);
  BOOST_TEST(morgue::all_local(shards));
  BOOST_TEST(shards[0].db.get_doccount() == 2u);
  BOOST_TEST(shards[1].db.get_doccount() == 3u);
  {
    Xapian::WritableDatabase two((t / "two").string(), Xapian::DB_OPEN);
    two.add_document(Xapian::Document());
    two.commit();
  }
  BOOST_TEST(shards[1].db.get_doccount() == 3u);  // the revision the whole reads
  db.reopen();
  BOOST_TEST(db.get_doccount() == 6u);
  BOOST_TEST(shards[1].db.get_doccount() == 4u);
  morgue::open_for_reading((t / "one").string(), {}, &shards);
  BOOST_TEST(shards.size() == 1u);
}

// Issue 20: when any shard is remote the searcher reads a page's documents shard by shard, each
// shard's in a thread of its own: every database on its own, in the whole's order, and whether it
// is remote (a program's shard here, as a server's is).
BOOST_AUTO_TEST_CASE(shards_are_every_database_and_say_which_are_remote) {
  if (std::system("command -v xapian-progsrv > /dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("xapian-progsrv is not installed (Debian xapian-tools): skipped");
    return;
  }
  TempDir t;
  make_database(t / "one", 2);
  make_database(t / "two", 3);
  write(t / "mixed.stub", "auto one\nremote :xapian-progsrv " + (t / "two").string() + "\n");
  std::vector<morgue::OpenedShard> served;
  Xapian::Database db = morgue::open_for_reading((t / "mixed.stub").string(), {true}, &served);
  BOOST_TEST(!morgue::all_local(served));
  BOOST_REQUIRE(served.size() == 2u);
  BOOST_TEST(!served[0].remote);
  BOOST_TEST(served[1].remote);
  BOOST_TEST(served[0].db.get_doccount() == 2u);
  BOOST_TEST(served[1].db.get_doccount() == 3u);
  // Document d of the whole is document (d - 1) / 2 + 1 of shard (d - 1) mod 2.
  for (Xapian::docid d = 1; d <= 4; ++d) {
    const Xapian::Document whole = db.get_document(d);
    const Xapian::Document part = served[(d - 1) % 2].db.get_document((d - 1) / 2 + 1);
    BOOST_TEST(*whole.termlist_begin() == *part.termlist_begin());
  }
  morgue::open_for_reading((t / "one").string(), {}, &served);
  BOOST_REQUIRE(served.size() == 1u);
  BOOST_TEST(!served[0].remote);
}

// A new database appears whole (a stub naming db-1), a first build is installed by replacing the
// stub, and leftovers of killed runs go when the database is next opened.
BOOST_AUTO_TEST_CASE(the_indexers_database_is_created_whole_and_installed_atomically) {
  TempDir t;
  const std::string path = (t / "news.db").string();
  {
    morgue::LockedDatabase store(path, false);
    BOOST_TEST(store.can_install());
    BOOST_TEST(fs::exists(t / "news.db" / "XAPIANDB"));
    BOOST_TEST(store.current() == t / "news.db" / "db-1");
    BOOST_TEST(morgue::open_for_reading(path).get_doccount() == 0u);
    // a second indexer is refused while this one holds the database
    BOOST_TEST(contains(error_of([&] { morgue::LockedDatabase(path, false); }),
                        "is locked by another indexer"));
    make_database(store.next_path(), 4);
    BOOST_TEST(morgue::open_for_reading(path).get_doccount() == 0u);  // not installed yet
    store.install();
    BOOST_TEST(store.db().get_doccount() == 4u);
    BOOST_TEST(morgue::open_for_reading(path).get_doccount() == 4u);
    BOOST_TEST(!fs::exists(t / "news.db" / "db-1"));
  }
  // A build killed before its install, its work area and its half-written stub: all removed.
  make_database(t / "news.db" / "db-3", 7);
  fs::create_directories(t / "news.db" / ".morgue-bulk" / "part0");
  write(t / "news.db" / "XAPIANDB.new", "glass db-3\n");
  {
    morgue::LockedDatabase store(path, false);
    BOOST_TEST(store.db().get_doccount() == 4u);
    BOOST_TEST(store.current() == t / "news.db" / "db-2");
  }
  BOOST_TEST(!fs::exists(t / "news.db" / "db-3"));
  BOOST_TEST(!fs::exists(t / "news.db" / ".morgue-bulk"));
  BOOST_TEST(!fs::exists(t / "news.db" / "XAPIANDB.new"));
}

BOOST_AUTO_TEST_CASE(a_legacy_database_folder_is_kept_and_installed_into) {
  TempDir t;
  make_database(t / "old.db",
                0);  // a glass database in the folder itself, as earlier versions made
  const std::string path = (t / "old.db").string();
  {
    morgue::LockedDatabase store(path, false);
    BOOST_TEST(store.current() == t / "old.db");
    BOOST_TEST(store.can_install());
    make_database(store.next_path(), 2);
    store.install();
    BOOST_TEST(store.db().get_doccount() == 2u);
  }
  BOOST_TEST(!fs::exists(t / "old.db" / "iamglass"));
  BOOST_TEST(!fs::exists(t / "old.db" / "postlist.glass"));
  BOOST_TEST(morgue::open_for_reading(path).get_doccount() == 2u);
  // A folder with other things in it is no database to create.
  fs::create_directory(t / "papers");
  write(t / "papers" / "thesis.txt", "mine");
  BOOST_TEST(contains(error_of([&] { morgue::LockedDatabase((t / "papers").string(), false); }),
                      "holds no morgue database and is not empty"));
  BOOST_TEST(contains(
      error_of([&] { morgue::LockedDatabase((t / "papers" / "thesis.txt").string(), false); }),
      "is a file, not a database directory"));
}

BOOST_AUTO_TEST_SUITE_END()
