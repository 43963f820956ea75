// The publication date of a plain-text article, when the text states it. Candidate dates come from
// lines with a known role ("Published ...", a byline, a dateline, a date alone on a line near the
// top, the signature of an embedded post, "Updated ..."), each role with a weight; a candidate is
// dropped when its own weekday word disagrees with it, or when the article speaks of weekdays
// ("on Wednesday") and the candidate is neither that day nor the day after. The best-weighted
// survivor wins; a tie between different dates gives no date, since no date is better than a
// wrong one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace morgue {

struct FoundDate {
  Date date;
  std::string basis;  // the role of the line it came from: "published line", "byline", ...
};

std::optional<FoundDate> find_publication_date(std::string_view text);

// Every date written in one line, in order: "March 26, 2025", "26 March 2025", "2025-03-26",
// "3/25/25"; a weekday written just before a date must agree with it or the date is dropped.
std::vector<Date> dates_in_line(std::string_view line);

}  // namespace morgue
