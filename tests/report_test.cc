// Unit tests for the indexer's progress line and messages.
#include "indexer/report.h"

#include <boost/test/unit_test.hpp>
#include <sstream>

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(progress_line_counts_rate_share_and_time_left) {
  using morgue::Report;
  BOOST_TEST(Report::progress_line(12, 0.5, 0, 0) == "12 articles");
  BOOST_TEST(Report::progress_line(1234567, 10, 0, 0) == "1,234,567 articles, 123,456/s");
  // A quarter read in 30 s: 90 s left.
  BOOST_TEST(Report::progress_line(5000, 30, 25000000, 100000000) ==
             "5,000 articles, 166/s, 25% of 100 MB, about 1:30 left");
  BOOST_TEST(Report::progress_line(5000, 3600, 1, 10000000000) ==
             "5,000 articles, 1/s, 0% of 10000 MB");  // too little read to tell the time left
  BOOST_TEST(Report::progress_line(5000, 3600, 500000000, 10000000000) ==
             "5,000 articles, 1/s, 5% of 10000 MB, about 19:00:00 left");
  // Read counts past the estimate (compressed input) show as all of it, without a time left.
  BOOST_TEST(Report::progress_line(10, 2, 150, 100) == "10 articles, 5/s, 100% of 0 MB");
}

BOOST_AUTO_TEST_CASE(quiet_leaves_out_notes_only) {
  std::ostringstream err;
  morgue::Report quiet(err, true, true);
  quiet.message("morgue-index: note: a.warc: 3 WARC records, 1 pages read");
  quiet.message("morgue-index: skipped a.json: invalid JSON");
  quiet.done();  // no progress line either
  BOOST_TEST(err.str() == "morgue-index: skipped a.json: invalid JSON\n");
}

BOOST_AUTO_TEST_SUITE_END()
