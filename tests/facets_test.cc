// Unit tests for the facet and histogram spies: counts per value and per period, one value per
// name key (case, diacritics, a place's names), its most frequent form, and results that survive
// serialisation across shards, and the same counts from the servers' own spies (count_on_servers).
#include "searcher/facets.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "common/document.h"
#include "common/schema.h"

namespace {

struct Archive {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  morgue::PlaceTable places{morgue::load_countries("/nonexistent")};  // the built-in names alone

  void add(const std::string& id, std::vector<std::string> people, std::vector<std::string> where,
           std::optional<morgue::Date> date) {
    morgue::DocumentBuilder builder(&places);
    morgue::Article a;
    a.id = id;
    a.text = "text";
    a.people = std::move(people);
    a.places = std::move(where);
    a.date = date;
    db.replace_document(morgue::id_term(id), builder.build(a));
  }

  // Shows every document to the spy, as a match would.
  void feed(Xapian::MatchSpy& spy) {
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query::MatchAll);
    e.add_matchspy(&spy);
    e.get_mset(0, 0, db.get_doccount());
  }
};

morgue::Date day(int y, int m, int d) { return morgue::Date{y, m, d, morgue::Precision::kDay}; }

std::map<std::string, Xapian::doccount> as_map(const std::vector<morgue::FacetCount>& counts) {
  std::map<std::string, Xapian::doccount> out;
  for (const auto& c : counts) out[c.value] = c.count;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(facets)

BOOST_AUTO_TEST_CASE(one_count_per_article_and_name_key_in_its_most_frequent_form) {
  Archive a;
  a.add("1", {"Héctor Ruiz", "hector ruiz"}, {}, std::nullopt);  // one article, one value
  a.add("2", {"Hector Ruiz"}, {}, std::nullopt);
  a.add("3", {"Hector Ruiz", "Ana Costa"}, {}, std::nullopt);
  morgue::FacetSpy spy(morgue::kPeopleSlot);
  a.feed(spy);
  const auto counts = spy.top(0);
  BOOST_TEST_REQUIRE(counts.size() == 2u);
  BOOST_TEST(counts[0].value == "Hector Ruiz");  // seen twice, against once for the others
  BOOST_TEST(counts[0].count == 3u);
  BOOST_TEST(counts[1].value == "Ana Costa");
  BOOST_TEST(spy.top(1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(names_of_one_place_are_one_value) {
  Archive a;
  a.add("1", {}, {"usa"}, std::nullopt);
  a.add("2", {}, {"usa", "United States"}, std::nullopt);  // one place, counted once
  a.add("3", {}, {"U.S."}, std::nullopt);
  a.add("4", {}, {"US Virgin Islands"}, std::nullopt);
  morgue::FacetSpy spy(morgue::kPlacesSlot);
  a.feed(spy);
  const auto counts = as_map(spy.top(0));
  BOOST_TEST(counts.size() == 2u);
  BOOST_TEST(counts.at("usa") == 3u);  // the archive's most frequent form of the United States
  BOOST_TEST(counts.at("US Virgin Islands") == 1u);
}

BOOST_AUTO_TEST_CASE(date_facets_keep_their_precision) {
  Archive a;
  a.add("1", {}, {}, day(2025, 3, 26));
  a.add("2", {}, {}, morgue::Date{2025, 3, 0, morgue::Precision::kMonth});
  a.add("3", {}, {}, day(2025, 3, 26));
  a.add("4", {}, {}, std::nullopt);
  morgue::FacetSpy spy(morgue::kDateSlot, true);
  a.feed(spy);
  const auto counts = spy.top(0);  // every date: in calendar order
  BOOST_TEST_REQUIRE(counts.size() == 2u);
  BOOST_TEST(counts[0].value == "2025-03");
  BOOST_TEST(counts[0].count == 1u);
  BOOST_TEST(counts[1].value == "2025-03-26");
  BOOST_TEST(counts[1].count == 2u);
}

BOOST_AUTO_TEST_CASE(counts_from_a_column_equal_counts_from_the_values) {
  Archive a;
  for (int i = 0; i < 50; ++i)
    a.add(std::to_string(i), {i % 3 ? "Ana Costa" : "Rui Mota", "Rui Mota"}, {}, std::nullopt);
  morgue::FacetSpy plain(morgue::kPeopleSlot);
  a.feed(plain);
  morgue::FacetColumn column(a.db, morgue::kPeopleSlot);
  morgue::FacetSpy held(morgue::kPeopleSlot, &column);
  a.feed(held);
  BOOST_TEST((as_map(plain.top(0)) == as_map(held.top(0))));
  BOOST_TEST(as_map(held.top(0)).at("Rui Mota") == 50u);
}

// The column's own table of distinct values (it grows as they come) against a map: each docid's
// value, every value once in the order first met, none for a document without one or deleted.
BOOST_AUTO_TEST_CASE(a_column_holds_each_documents_value_as_a_map_of_them_would) {
  for (const unsigned seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // 846, 3,849 and 3,987 kinds for these seeds: the table (1,024 at first, doubled when half
    // full) grows two or three times
    const unsigned kinds = 1 + rng() % 5000;
    for (int i = 0; i < 6000; ++i) {
      Xapian::Document doc;
      if (rng() % 7) doc.add_value(morgue::kCopySlot, "v" + std::to_string(rng() % kinds));
      db.add_document(doc);
    }
    for (int i = 0; i < 300; ++i) {
      const Xapian::docid did = 1 + rng() % 6000;
      try {
        db.delete_document(did);
      } catch (const Xapian::DocNotFoundError&) {  // (deleted already)
      }
    }
    db.add_document(Xapian::Document());  // the last docid, without a value
    const morgue::FacetColumn column(db, morgue::kCopySlot);
    std::map<std::string, std::uint32_t> first_met;
    std::vector<std::string> order;
    for (Xapian::docid did = 1; did <= db.get_lastdocid() + 1; ++did) {
      std::string value;
      try {
        value = db.get_document(did).get_value(morgue::kCopySlot);
      } catch (const Xapian::DocNotFoundError&) {
      }
      if (value.empty()) {
        BOOST_TEST(column.at(did) == morgue::FacetColumn::kNone);
        continue;
      }
      if (first_met.emplace(value, static_cast<std::uint32_t>(order.size())).second)
        order.push_back(value);
      BOOST_TEST_REQUIRE(column.covers(did));
      BOOST_TEST(column.at(did) == first_met.at(value));
    }
    BOOST_TEST(column.values() == order, boost::test_tools::per_element());
  }
}

// Issue 20: shards each have their own docids (1, 2, ... in each), so one spy counts them in a
// pass per shard, each with the shard's own column.
BOOST_AUTO_TEST_CASE(one_spy_counts_shards_with_a_column_each) {
  Archive whole, one, two;
  for (int i = 0; i < 30; ++i) {
    Archive& shard = i % 3 ? two : one;
    const std::vector<std::string> people = {i % 2 ? "Ana Costa" : "Rui Mota",
                                             i % 5 ? "ana costa" : "Eva Lima"};
    const std::vector<std::string> places = {i % 4 ? "usa" : "United States"};
    whole.add(std::to_string(i), people, places, std::nullopt);
    shard.add(std::to_string(i), people, places, std::nullopt);
  }
  for (const Xapian::valueno slot : {morgue::kPeopleSlot, morgue::kPlacesSlot}) {
    morgue::FacetSpy plain(slot);
    whole.feed(plain);
    morgue::FacetColumn first(one.db, slot), second(two.db, slot);
    morgue::FacetSpy held(slot, &first);
    one.feed(held);
    held.set_column(&second);
    two.feed(held);
    const auto want = plain.top(0), got = held.top(0);
    BOOST_TEST_REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      BOOST_TEST(got[i].key == want[i].key);
      BOOST_TEST(got[i].value == want[i].value);
      BOOST_TEST(got[i].count == want[i].count);
    }
  }
}

BOOST_AUTO_TEST_CASE(results_merge_across_shards) {
  Archive one, two;
  one.add("1", {"Ana Costa"}, {}, day(2025, 1, 2));
  two.add("2", {"ana costa", "Rui Mota"}, {}, day(2025, 2, 3));
  two.add("3", {"Ana Costa"}, {}, std::nullopt);
  morgue::FacetSpy a(morgue::kPeopleSlot), b(morgue::kPeopleSlot), merged(morgue::kPeopleSlot);
  one.feed(a);
  two.feed(b);
  merged.merge_results(a.serialise_results());
  merged.merge_results(b.serialise_results());
  const auto counts = merged.top(0);
  BOOST_TEST_REQUIRE(counts.size() == 2u);
  BOOST_TEST(counts[0].value == "Ana Costa");
  BOOST_TEST(counts[0].count == 3u);
  morgue::HistogramSpy h1(morgue::Period::kMonth, morgue::kPeopleSlot),
      h2(morgue::Period::kMonth, morgue::kPeopleSlot);
  morgue::HistogramSpy hm(morgue::Period::kMonth, morgue::kPeopleSlot);
  one.feed(h1);
  two.feed(h2);
  hm.merge_results(h1.serialise_results());
  hm.merge_results(h2.serialise_results());
  BOOST_TEST(hm.counts().size() == 2u);
  BOOST_TEST(hm.undated() == 1u);
  BOOST_TEST(hm.undated_groups().at("ana costa") == 1u);
  BOOST_TEST(hm.counts().at("20250201").at("rui mota") == 1u);
}

BOOST_AUTO_TEST_CASE(histograms_count_articles_precise_enough_for_the_period) {
  Archive a;
  a.add("1", {}, {}, day(2025, 3, 26));
  a.add("2", {}, {}, morgue::Date{2025, 3, 0, morgue::Precision::kMonth});
  a.add("3", {}, {}, morgue::Date{2025, 0, 0, morgue::Precision::kYear});
  a.add("4", {}, {}, std::nullopt);
  morgue::HistogramSpy months(morgue::Period::kMonth, std::nullopt);
  a.feed(months);
  BOOST_TEST(months.counts().at("20250301").at("") == 2u);
  BOOST_TEST(months.undated() == 2u);  // the year-only date and the undated article
  morgue::HistogramSpy years(morgue::Period::kYear, std::nullopt);
  a.feed(years);
  BOOST_TEST(years.counts().at("20250101").at("") == 3u);
  BOOST_TEST(years.undated() == 1u);
}

// Issue 20: a stock xapian-tcpsrv counts values with Xapian's own spy only; the counts made of
// those must be the spies' own. Dates of each precision share values (2025-03 as a month is
// "20250301", as 2025-03-01 is), lists repeat a name, and some articles have no date.
BOOST_AUTO_TEST_CASE(counts_on_servers_equal_the_spies_own) {
  Archive a;
  using morgue::Date;
  using morgue::Precision;
  a.add("1", {"Ana Costa", "ana costa", "Rui Mota"}, {"usa"}, day(2025, 3, 1));
  a.add("2", {"Ana Costa"}, {"usa", "United States"}, Date{2025, 3, 0, Precision::kMonth});
  a.add("3", {"Rui Mota"}, {"Lisbon"}, Date{2025, 0, 0, Precision::kYear});
  a.add("4", {"Ana Costa"}, {}, std::nullopt);
  a.add("5", {}, {"U.S."}, day(2025, 1, 1));
  a.add("6", {"Héctor Ruiz"}, {"Lisbon"}, day(2025, 3, 1));
  a.add("7", {"Hector Ruiz", "Ana Costa"}, {}, Date{2025, 0, 0, Precision::kYear});
  const std::vector<std::optional<Xapian::valueno>> groups{std::nullopt, morgue::kPeopleSlot,
                                                           morgue::kPlacesSlot};
  for (const morgue::Period period : {morgue::Period::kDay, morgue::Period::kWeek,
                                      morgue::Period::kMonth, morgue::Period::kYear}) {
    // a histogram by a field from the matches' (date, group) pairs, and from a pass per key
    for (const Xapian::doccount matches_per_pass : {morgue::kMatchesPerPass, 0u}) {
      for (const auto& group : groups) {
        morgue::FacetSpy people(morgue::kPeopleSlot), places(morgue::kPlacesSlot),
            dates(morgue::kDateSlot, true);
        morgue::HistogramSpy histogram(period, group);
        a.feed(people);
        a.feed(places);
        a.feed(dates);
        a.feed(histogram);
        morgue::FacetSpy people2(morgue::kPeopleSlot), places2(morgue::kPlacesSlot),
            dates2(morgue::kDateSlot, true);
        morgue::HistogramSpy histogram2(period, group);
        const auto total =
            morgue::count_on_servers(a.db, Xapian::Query::MatchAll,
                                     {&people2, &places2, &dates2, &histogram2}, matches_per_pass);
        BOOST_TEST_REQUIRE(total.has_value());
        BOOST_TEST(*total == 7u);
        for (auto [one, two] : {std::pair{&people, &people2}, std::pair{&places, &places2},
                                std::pair{&dates, &dates2}}) {
          const auto want = one->top(0), got = two->top(0);
          BOOST_TEST_REQUIRE(got.size() == want.size());
          for (std::size_t i = 0; i < want.size(); ++i) {
            BOOST_TEST(got[i].value == want[i].value);
            BOOST_TEST(got[i].count == want[i].count);
          }
        }
        BOOST_TEST(dates2.top(0).size() == 4u);  // 2025, 2025-01-01, 2025-03, 2025-03-01
        BOOST_TEST((histogram2.counts() == histogram.counts()));
        BOOST_TEST(histogram2.undated() == histogram.undated());
        BOOST_TEST((histogram2.undated_groups() == histogram.undated_groups()));
        for (const char* key : {"ana costa", "hector ruiz", "united states"})
          BOOST_TEST(histogram2.names().display(key) == histogram.names().display(key));
      }
    }
  }
  // A spy of another kind must see the documents.
  struct Other : Xapian::MatchSpy {
    void operator()(const Xapian::Document&, double) override {}
  } other;
  morgue::FacetSpy people(morgue::kPeopleSlot);
  BOOST_TEST(!morgue::count_on_servers(a.db, Xapian::Query::MatchAll, {&people, &other}));
  BOOST_TEST(people.top(0).empty());
}

BOOST_AUTO_TEST_SUITE_END()
