// Publication dates with their precision: parsing the forms sources use, validating them, and the
// encodings the schema stores (kDateSlot) and queries compare with.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

enum class Precision { kYear, kMonth, kDay };

struct Date {
  int year = 0;
  int month = 0;  // 1-12, 0 when precision is kYear
  int day = 0;    // 1-31, 0 unless precision is kDay
  Precision precision = Precision::kDay;

  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day && precision == o.precision;
  }
};

// Years outside this range are taken as errors, not dates.
inline constexpr int kMinYear = 1600;
inline constexpr int kMaxYear = 2200;

int days_in_month(int year, int month);

// Parses "2025", "2025-03", "2025-03-26" and ISO 8601 date-times ("2025-03-26T10:00:00Z",
// "1987-02-26T15:01:01.79"); the calendar date as written, no time-zone shift. Returns nullopt
// for anything else, including dates that do not exist (2025-02-30).
std::optional<Date> parse_iso_date(std::string_view text);

// parse_iso_date, then common written forms: "March 26, 2025", "26 March 2025", "Mar 2025",
// RFC 2822 "Wed, 26 Mar 2025 10:00:00 +0000".
std::optional<Date> parse_date(std::string_view text);

// The English month names in lower case, January first: the one table of them, for every reader
// of written dates (parse_date here, the publication date extraction finds in a text).
// "monday" .. "sunday" (ISO order: Monday is 1), lower case: the one weekday table.
const std::array<std::string_view, 7>& weekday_names();
const std::array<std::string_view, 12>& month_names();
// 1-12 for an English month name or its three-letter abbreviation ("Sept" too), in any case and
// with a trailing '.' or ',' ("Mar.", "March,"), else 0.
int month_number(std::string_view word);

// "2025-03-26", "2025-03" or "2025", as precise as the date is.
std::string to_string(const Date& date);
const char* to_string(Precision precision);
std::optional<Precision> precision_from_string(std::string_view s);

// The kDateSlot encoding: "YYYYMMDD" of the first day of the date's period.
std::string sort_key(const Date& date);
// The last day of the date's period, in the same encoding (for range ends).
std::string sort_key_end(const Date& date);
// Back from the slot encoding and precision.
std::optional<Date> from_sort_key(std::string_view key, Precision precision);

// Date terms (schema): every dated article has the boolean terms Y+YYYY, M+YYYYMM and
// D+YYYYMMDD of its sort key, so a date filter is a disjunction of a few terms, answered from
// posting lists, instead of a scan of the value slot. (A month- or year-precision date has the
// terms of its first day, as its sort key does: filters match exactly what a range of sort keys
// would.) `key` is a sort key; anything else gives no terms.
std::vector<std::string> date_terms(std::string_view key);

// The fewest date terms whose articles are exactly those with first <= sort key <= last (both
// sort keys, first <= last): whole years as Y terms, whole months as M terms, the rest as D
// terms. Empty when the keys are not sort keys or first > last.
std::vector<std::string> range_terms(std::string_view first, std::string_view last);

}  // namespace morgue

namespace morgue {

// Days since 1970-01-01 of a calendar day, and back (proleptic Gregorian).
long days_from_civil(int year, int month, int day);
Date civil_from_days(long days);

// 1 (Monday) to 7 (Sunday).
int iso_weekday(long days);

// The ISO 8601 week of a day: "2025-W13" (the year is the ISO week-numbering year).
std::string iso_week_label(long days);

}  // namespace morgue
