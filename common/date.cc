// Date parsing and encoding; the only place that knows the calendar.
#include "common/date.h"

#include <array>
#include <cstdio>

#include "common/ascii.h"
#include "common/schema.h"
#include "common/text.h"

namespace morgue {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!ascii::is_digit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

std::optional<Date> make(int y, int m, int d, Precision p) {
  if (y < kMinYear || y > kMaxYear) return std::nullopt;
  if (p != Precision::kYear && (m < 1 || m > 12)) return std::nullopt;
  if (p == Precision::kDay && (d < 1 || d > days_in_month(y, m))) return std::nullopt;
  return Date{y, p == Precision::kYear ? 0 : m, p == Precision::kDay ? d : 0, p};
}

bool is_number(std::string_view w, int* out) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
  // ordinals: 26th, 1st
  if (w.size() > 2) {
    std::string_view tail = w.substr(w.size() - 2);
    if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") w.remove_suffix(2);
  }
  if (w.empty() || w.size() > 4) return false;
  return digits(w, 0, w.size(), out);
}

}  // namespace

const std::array<std::string_view, 12>& month_names() {
  static const std::array<std::string_view, 12> names = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  return names;
}

const std::array<std::string_view, 7>& weekday_names() {
  static const std::array<std::string_view, 7> names = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return names;
}

int month_number(std::string_view word) {
  std::string w = fold(word);
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  if (w.size() < 3) return 0;
  const auto& names = month_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = names[i];
    if (w == name || w == name.substr(0, 3) || (i == 8 && w == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return days[month - 1];
}

std::optional<Date> parse_iso_date(std::string_view text) {
  std::string_view s = trim(text);
  int y, m, d;
  if (!digits(s, 0, 4, &y)) return std::nullopt;
  if (s.size() == 4) return make(y, 0, 0, Precision::kYear);
  if (s[4] != '-' || !digits(s, 5, 2, &m)) return std::nullopt;
  if (s.size() == 7) return make(y, m, 0, Precision::kMonth);
  if (s[7] != '-' || !digits(s, 8, 2, &d)) return std::nullopt;
  if (s.size() == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't')
    return make(y, m, d, Precision::kDay);
  return std::nullopt;
}

std::optional<Date> parse_date(std::string_view text) {
  if (auto iso = parse_iso_date(text)) return iso;
  // Split into words; look for (day) month (day,) year patterns.
  std::vector<std::string_view> words;
  std::string_view s = trim(text);
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  for (std::size_t k = 0; k < words.size(); ++k) {
    int month = month_number(words[k]);
    if (!month) continue;
    int a = 0, b = 0;
    // "March 26, 2025"
    if (k + 2 < words.size() && is_number(words[k + 1], &a) && a <= 31 &&
        is_number(words[k + 2], &b) && b >= 1000)
      return make(b, month, a, Precision::kDay);
    // "26 March 2025" / "Wed, 26 Mar 2025"
    if (k >= 1 && k + 1 < words.size() && is_number(words[k - 1], &a) && a <= 31 &&
        is_number(words[k + 1], &b) && b >= 1000)
      return make(b, month, a, Precision::kDay);
    // "March 2025"
    if (k + 1 < words.size() && is_number(words[k + 1], &b) && b >= 1000)
      return make(b, month, 0, Precision::kMonth);
  }
  return std::nullopt;
}

std::string to_string(const Date& date) {
  char buf[16];
  switch (date.precision) {
    case Precision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", date.year);
      break;
    case Precision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
      break;
    case Precision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
      break;
  }
  return buf;
}

const char* to_string(Precision precision) {
  switch (precision) {
    case Precision::kYear:
      return "year";
    case Precision::kMonth:
      return "month";
    case Precision::kDay:
      break;
  }
  return "day";
}

std::optional<Precision> precision_from_string(std::string_view s) {
  if (s == "day") return Precision::kDay;
  if (s == "month") return Precision::kMonth;
  if (s == "year") return Precision::kYear;
  return std::nullopt;
}

std::string sort_key(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, date.month ? date.month : 1,
                date.day ? date.day : 1);
  return buf;
}

std::string sort_key_end(const Date& date) {
  int month = date.precision == Precision::kYear ? 12 : date.month;
  int day = date.precision == Precision::kDay ? date.day : days_in_month(date.year, month);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, month, day);
  return buf;
}

std::optional<Date> from_sort_key(std::string_view key, Precision precision) {
  int y, m, d;
  if (key.size() != 8 || !digits(key, 0, 4, &y) || !digits(key, 4, 2, &m) || !digits(key, 6, 2, &d))
    return std::nullopt;
  return make(y, m, d, precision);
}

std::vector<std::string> date_terms(std::string_view key) {
  if (!from_sort_key(key, Precision::kDay)) return {};
  return {kYearPrefix + std::string(key.substr(0, 4)), kMonthPrefix + std::string(key.substr(0, 6)),
          kDayPrefix + std::string(key)};
}

std::vector<std::string> range_terms(std::string_view first, std::string_view last) {
  auto a = from_sort_key(first, Precision::kDay), b = from_sort_key(last, Precision::kDay);
  std::vector<std::string> terms;
  if (!a || !b || first > last) return terms;
  const long end = days_from_civil(b->year, b->month, b->day);
  char buf[16];
  for (long day = days_from_civil(a->year, a->month, a->day); day <= end;) {
    Date d = civil_from_days(day);
    long year_end = days_from_civil(d.year, 12, 31),
         month_end = days_from_civil(d.year, d.month, days_in_month(d.year, d.month));
    if (d.month == 1 && d.day == 1 && year_end <= end) {
      std::snprintf(buf, sizeof buf, "%s%04d", kYearPrefix, d.year);
      day = year_end + 1;
    } else if (d.day == 1 && month_end <= end) {
      std::snprintf(buf, sizeof buf, "%s%04d%02d", kMonthPrefix, d.year, d.month);
      day = month_end + 1;
    } else {
      std::snprintf(buf, sizeof buf, "%s%04d%02d%02d", kDayPrefix, d.year, d.month, d.day);
      ++day;
    }
    terms.emplace_back(buf);
  }
  return terms;
}

}  // namespace morgue

namespace morgue {

// Civil-date arithmetic after the well-known era-based algorithm: 400-year eras of 146097 days.
long days_from_civil(int year, int month, int day) {
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day, Precision::kDay};
}

int iso_weekday(long days) {
  long w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::string iso_week_label(long days) {
  long thursday = days - iso_weekday(days) + 4;  // the week belongs to the year of its Thursday
  Date t = civil_from_days(thursday);
  long week = (thursday - days_from_civil(t.year, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", t.year, static_cast<int>(week));
  return buf;
}

}  // namespace morgue
