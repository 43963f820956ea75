// Unit tests for date parsing, validation and the slot encoding.
#include "common/date.h"

#include <boost/test/unit_test.hpp>
#include <ostream>

namespace morgue {
// How Boost.Test prints a date when an assertion fails.
std::ostream& operator<<(std::ostream& out, const Date& d) {
  return out << to_string(d) << " (" << to_string(d.precision) << ")";
}
}  // namespace morgue

using morgue::Date;
using morgue::Precision;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(iso_forms_keep_their_precision) {
  BOOST_TEST(morgue::parse_iso_date("2025-03-26").value() == (Date{2025, 3, 26, Precision::kDay}));
  BOOST_TEST(morgue::parse_iso_date("2025-03").value() == (Date{2025, 3, 0, Precision::kMonth}));
  BOOST_TEST(morgue::parse_iso_date("2025").value() == (Date{2025, 0, 0, Precision::kYear}));
  BOOST_TEST(morgue::parse_iso_date("1987-02-26T15:01:01.79").value() == (Date{1987, 2, 26, Precision::kDay}));
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_rejected) {
  BOOST_TEST(!morgue::parse_iso_date("2025-02-30"));
  BOOST_TEST(!morgue::parse_iso_date("2025-99-99"));
  BOOST_TEST(!morgue::parse_iso_date("2025-13"));
  BOOST_TEST(!morgue::parse_iso_date("0099-01-01"));  // far outside any plausible range
  BOOST_TEST(!morgue::parse_iso_date("20250326"));
  BOOST_TEST(morgue::parse_iso_date("2024-02-29").has_value());  // leap year
  BOOST_TEST(!morgue::parse_iso_date("2100-02-29"));             // not a leap year
}

BOOST_AUTO_TEST_CASE(written_forms) {
  BOOST_TEST(morgue::parse_date("March 26, 2025").value() == (Date{2025, 3, 26, Precision::kDay}));
  BOOST_TEST(morgue::parse_date("26 March 2025").value() == (Date{2025, 3, 26, Precision::kDay}));
  BOOST_TEST(morgue::parse_date("Wed, 26 Mar 2025 10:00:00 +0000").value() == (Date{2025, 3, 26, Precision::kDay}));
  BOOST_TEST(morgue::parse_date("Sept. 2024").value() == (Date{2024, 9, 0, Precision::kMonth}));
  BOOST_TEST(!morgue::parse_date("sometime in spring"));
  BOOST_TEST(!morgue::parse_date("February 30, 2025"));
}

BOOST_AUTO_TEST_CASE(sort_keys_cover_the_period) {
  Date month{2024, 2, 0, Precision::kMonth};
  BOOST_TEST(morgue::sort_key(month) == "20240201");
  BOOST_TEST(morgue::sort_key_end(month) == "20240229");
  Date year{1987, 0, 0, Precision::kYear};
  BOOST_TEST(morgue::sort_key(year) == "19870101");
  BOOST_TEST(morgue::sort_key_end(year) == "19871231");
  BOOST_TEST(morgue::to_string(month) == "2024-02");
  BOOST_TEST(morgue::from_sort_key("20240201", Precision::kMonth).value() == month);
}

BOOST_AUTO_TEST_SUITE_END()
