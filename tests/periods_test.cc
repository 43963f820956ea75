// Unit tests for the histogram's periods: keys, labels and the walk from one period to the next.
#include <boost/test/unit_test.hpp>
#include <string>

#include "common/date.h"
#include "searcher/facets.h"

using morgue::Period;

BOOST_AUTO_TEST_SUITE(periods)

// Issue 14: a weekly histogram over 1600-01-01 never ended (the week begins in 1599, which
// next_period_key could not read) and grew to gigabytes. Every period is walked from the first
// day of kMinYear to the last of kMaxYear: each step moves on by one period, and the walk ends.
BOOST_AUTO_TEST_CASE(walks_end_at_both_ends_of_the_year_range) {
  const long first = morgue::days_from_civil(morgue::kMinYear, 1, 1);
  const long last = morgue::days_from_civil(morgue::kMaxYear, 12, 31);
  const long years = morgue::kMaxYear - morgue::kMinYear + 1;
  // 1600-01-01 is a Saturday: its ISO week begins on Monday 1599-12-27; 2200-12-31 is a Wednesday.
  const long weeks = ((last - 2) - (first - 5)) / 7 + 1;  // 31,360
  const struct {
    Period period;
    long periods;
    const char *first_key, *first_label, *last_label;
  } cases[] = {
      {Period::kDay, last - first + 1, "16000101", "1600-01-01", "2200-12-31"},
      {Period::kWeek, weeks, "15991227", "1599-W52", "2201-W01"},
      {Period::kMonth, years * 12, "16000101", "1600-01", "2200-12"},
      {Period::kYear, years, "16000101", "1600", "2200"},
  };
  for (const auto& c : cases) {
    const std::string end = morgue::period_key(last, c.period);
    std::string key = morgue::period_key(first, c.period);
    BOOST_TEST(key == c.first_key);
    BOOST_TEST(morgue::period_label(key, c.period) == c.first_label);
    long n = 1;
    for (; key < end && n <= c.periods; ++n) {
      std::string next = morgue::next_period_key(key, c.period);
      BOOST_TEST_REQUIRE((next > key));
      key = next;
    }
    BOOST_TEST(key == end);
    BOOST_TEST(n == c.periods);
    BOOST_TEST(morgue::period_label(key, c.period) == c.last_label);
    BOOST_TEST((morgue::next_period_key(key, c.period) > end));  // the walk past the end stops
  }
}

BOOST_AUTO_TEST_CASE(a_key_that_is_no_date_ends_the_walk) {
  const std::string after_all = "99991231";
  BOOST_TEST((morgue::next_period_key("", Period::kWeek) > after_all));
  BOOST_TEST((morgue::next_period_key("2025-03-01", Period::kDay) > after_all));
  BOOST_TEST((morgue::next_period_key("20250230", Period::kMonth) > after_all));
}

BOOST_AUTO_TEST_SUITE_END()
