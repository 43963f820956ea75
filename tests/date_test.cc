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
  BOOST_TEST(morgue::parse_iso_date("1987-02-26T15:01:01.79").value() ==
             (Date{1987, 2, 26, Precision::kDay}));
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
  BOOST_TEST(morgue::parse_date("Wed, 26 Mar 2025 10:00:00 +0000").value() ==
             (Date{2025, 3, 26, Precision::kDay}));
  BOOST_TEST(morgue::parse_date("Sept. 2024").value() == (Date{2024, 9, 0, Precision::kMonth}));
  BOOST_TEST(!morgue::parse_date("sometime in spring"));
  BOOST_TEST(!morgue::parse_date("February 30, 2025"));
}

BOOST_AUTO_TEST_CASE(month_names_and_their_abbreviations) {
  BOOST_TEST(morgue::month_names().front() == "january");
  BOOST_TEST(morgue::month_number("MARCH,") == 3);
  BOOST_TEST(morgue::month_number("Sept.") == 9);
  BOOST_TEST(morgue::month_number("sep") == 9);
  BOOST_TEST(morgue::month_number("Dec") == 12);
  // Only the name, its first three letters and "Sept": not "Marc", "Ma", "Septem" or "Mayday".
  for (const char* word : {"Marc", "Ma", "Septem", "Mayday", ""}) {
    BOOST_TEST(morgue::month_number(word) == 0, word);
  }
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

BOOST_AUTO_TEST_CASE(date_terms_of_a_key) {
  BOOST_TEST(morgue::date_terms("19870326") ==
             (std::vector<std::string>{"Y1987", "M198703", "D19870326"}));
  BOOST_TEST(morgue::date_terms("1987-03").empty());
  BOOST_TEST(morgue::range_terms("19870101", "19871231") == std::vector<std::string>{"Y1987"});
  BOOST_TEST(morgue::range_terms("19870301", "19870331") == std::vector<std::string>{"M198703"});
  BOOST_TEST(morgue::range_terms("19870331", "19870401") ==
             (std::vector<std::string>{"D19870331", "D19870401"}));
  BOOST_TEST(morgue::range_terms("19870402", "19870401").empty());
}

// Every day of a range is covered by exactly one of its terms and no day outside it is, checked
// day by day against the terms' meaning (a Y term covers its year, M its month, D its day).
BOOST_AUTO_TEST_CASE(range_terms_cover_each_day_once) {
  const long lo = morgue::days_from_civil(1999, 11, 1), hi = morgue::days_from_civil(2002, 3, 5);
  unsigned seed = 7;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % static_cast<unsigned>(hi - lo + 1);
  };
  auto key = [](long day) { return morgue::sort_key(morgue::civil_from_days(day)); };
  for (int trial = 0; trial < 300; ++trial) {
    long a = lo + next(), b = lo + next();
    if (trial % 10 == 0) b = a;
    if (a > b) std::swap(a, b);
    std::vector<std::string> terms = morgue::range_terms(key(a), key(b));
    for (long day = lo - 40; day <= hi + 40; ++day) {
      std::string k = key(day);
      int covering = 0;
      for (const std::string& t : terms) {
        std::string_view v = std::string_view(t).substr(1);
        covering += k.compare(0, v.size(), v) == 0;
      }
      BOOST_TEST(covering == (a <= day && day <= b ? 1 : 0), key(a)
                                                                 << ".." << key(b) << " at " << k);
      if (covering != (a <= day && day <= b ? 1 : 0)) return;
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
