// Finding the publication date in plain text: line roles, date forms, weekday agreement.
#include "extract/publication_date.h"

#include <algorithm>
#include <array>
#include <regex>
#include <vector>

#include "common/ascii.h"

namespace morgue {
namespace {

// Lines longer than this are prose, not datelines or signatures; they are not searched for dates.
constexpr std::size_t kLongestDateLine = 300;

int weekday_number(std::string name) {  // 1 (Monday) .. 7, 0 when not a weekday
  for (char& c : name) c = ascii::lower(c);
  const auto& days = weekday_names();
  for (std::size_t d = 0; d < days.size(); ++d) {
    if (name.size() >= 3 && days[d].compare(0, name.size(), name) == 0)
      return static_cast<int>(d) + 1;
  }
  return 0;
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < 100) year += year < 70 ? 2000 : 1900;
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day, Precision::kDay};
}

int weekday_of(const Date& d) { return iso_weekday(days_from_civil(d.year, d.month, d.day)); }

// A month as the date forms match it, from date.h's one table: every form month_number
// reads, each name's shorter forms nested ("jan(?:uary)?", "june?", "sep(?:t(?:ember)?)?"), and
// a period after it ("Sept.").
std::string month_pattern() {
  std::string pattern = "(";
  const auto& names = month_names();
  for (std::size_t month = 1; month <= names.size(); ++month) {
    const std::string_view name = names[month - 1];
    std::vector<std::size_t> lengths;  // of the name's prefixes that name the month
    for (std::size_t n = 3; n <= name.size(); ++n) {
      if (month_number(name.substr(0, n)) == static_cast<int>(month)) lengths.push_back(n);
    }
    if (pattern.size() > 1) pattern += '|';
    pattern += name.substr(0, lengths[0]);
    std::string tail;
    for (std::size_t k = lengths.size() - 1; k > 0; --k) {
      const std::string_view more = name.substr(lengths[k - 1], lengths[k] - lengths[k - 1]);
      tail = more.size() == 1 && tail.empty() ? std::string(more) + "?"
                                              : "(?:" + std::string(more) + tail + ")?";
    }
    pattern += tail;
  }
  return pattern + ")\\.?";
}

const std::string kWeekday = "(?:(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";

// What a line must hold for a form to match in it, checked before the (slow) regular expression
// runs: a month's name as a word, a hyphen, a slash.
enum class Needs { kMonthName, kHyphen, kSlash };

struct Form {
  std::regex pattern;
  int year, month, day;  // group numbers; month group may be a name
  int weekday;           // group of a weekday written before the date
  Needs needs;
};

// Whether a form may match in the line: a necessary condition, never a sufficient one.
bool may_match(const Form& f, std::string_view line) {
  switch (f.needs) {
    case Needs::kHyphen:
      return line.find('-') != std::string_view::npos;
    case Needs::kSlash:
      return line.find('/') != std::string_view::npos;
    case Needs::kMonthName:
      break;
  }
  // A month the forms read is a whole run of letters that month_number reads (month_pattern is
  // made of such names), then perhaps a full stop and a comma, then a space.
  for (std::size_t i = 0; i < line.size();) {
    if (!ascii::is_alpha(line[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < line.size() && ascii::is_alpha(line[end])) ++end;
    std::size_t k = end;
    if (k < line.size() && line[k] == '.') ++k;
    if (k < line.size() && line[k] == ',') ++k;
    if (k < line.size() && ascii::is_space(line[k]) && month_number(line.substr(i, end - i)) != 0)
      return true;
    i = end;
  }
  return false;
}

const std::vector<Form>& forms() {
  static const auto flags = std::regex::icase | std::regex::optimize;
  static const std::string kMonth = month_pattern();
  static const std::vector<Form> all = {
      {std::regex("\\b" + kWeekday + kMonth + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
                  flags),
       4, 2, 3, 1, Needs::kMonthName},
      {std::regex("\\b" + kWeekday + "(\\d{1,2})\\s+" + kMonth + ",?\\s+(\\d{4})\\b", flags), 4, 3,
       2, 1, Needs::kMonthName},
      {std::regex("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", flags), 1, 2, 3, 0, Needs::kHyphen},
      {std::regex("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b", flags), 3, 1, 2, 0, Needs::kSlash},
  };
  return all;
}

struct Candidate {
  Date date;
  int weight;
  const char* basis;
};

bool starts_with_word(std::string_view line, std::initializer_list<const char*> words) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  for (const char* w : words) {
    const std::size_t n = std::char_traits<char>::length(w);
    if (line.size() - i < n) continue;
    bool same = true;
    for (std::size_t k = 0; k < n && same; ++k) {
      same = ascii::lower(line[i + k]) == w[k];
    }
    if (same && (i + n == line.size() || !ascii::is_alpha(line[i + n]))) return true;
  }
  return false;
}

bool starts_with_dash(std::string_view line) {
  for (std::string_view d : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "- "}) {  // em dash, en dash
    if (line.substr(0, d.size()) == d) return true;
  }
  return false;
}

// Letters in the line outside its dates: few means the line is a date and little else.
std::size_t letters_besides_dates(std::string_view line) {
  std::string rest(line);
  for (const Form& f : forms())
    if (may_match(f, rest)) rest = std::regex_replace(rest, f.pattern, "");
  return static_cast<std::size_t>(
      std::count_if(rest.begin(), rest.end(), [](unsigned char c) { return ascii::is_alpha(c); }));
}

// A run of four digits, or digits around a slash: a line without one holds no date we read.
bool has_year_like_number(std::string_view line) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (ascii::is_digit(line[i])) {
      if (++run >= 4) return true;
    } else {
      if (line[i] == '/' && run > 0) return true;
      run = 0;
    }
  }
  return false;
}

// The weekdays the article speaks of: "on Wednesday", "Wednesday's".
std::vector<bool> weekdays_mentioned(std::string_view text) {
  std::vector<bool> seen(8, false);
  for (int d = 0; d < 7; ++d) {
    std::string name(weekday_names()[static_cast<std::size_t>(d)]);
    name[0] = ascii::upper(name[0]);
    for (std::size_t at = text.find(name); at != std::string_view::npos;
         at = text.find(name, at + 1)) {
      const bool start = at == 0 || !ascii::is_alpha(text[at - 1]);
      const std::size_t end = at + name.size();
      const bool stop = end == text.size() || !ascii::is_alpha(text[end]);
      if (start && stop) seen[d + 1] = true;
    }
  }
  return seen;
}

}  // namespace

std::vector<Date> dates_in_line(std::string_view line) {
  std::vector<std::pair<std::size_t, Date>> found;
  const std::string s(line);
  for (const Form& f : forms()) {
    if (!may_match(f, s)) continue;
    for (std::sregex_iterator it(s.begin(), s.end(), f.pattern), end; it != end; ++it) {
      const std::smatch& m = *it;
      const std::string month = m[f.month].str();
      const int mo = ascii::is_digit(month[0]) ? std::stoi(month) : month_number(month);
      auto d = make_date(std::stoi(m[f.year].str()), mo, std::stoi(m[f.day].str()));
      if (!d) continue;
      if (f.weekday && m[f.weekday].matched && weekday_number(m[f.weekday].str()) != weekday_of(*d))
        continue;
      found.emplace_back(static_cast<std::size_t>(m.position(0)), *d);
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Date> dates;
  for (const auto& [at, d] : found) dates.push_back(d);
  return dates;
}

std::optional<FoundDate> find_publication_date(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(at, eol - at);
    while (!line.empty() && ascii::is_space(line.back())) line.remove_suffix(1);
    while (!line.empty() && ascii::is_space(line.front())) line.remove_prefix(1);
    if (!line.empty()) lines.push_back(line);
    at = eol + 1;
  }
  std::vector<Candidate> candidates;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    if (line.size() > kLongestDateLine || !has_year_like_number(line)) continue;
    const bool near_top = n < 4, near_end = n + 4 >= lines.size();
    // The role of the line first: the date forms are only tried on lines that can have one.
    int weight = 0;
    const char* basis = "";
    bool last_date = false;
    if (starts_with_word(line,
                         {"published", "posted", "first published", "originally published"})) {
      weight = 10, basis = "published line";
    } else if (starts_with_word(line, {"by"}) && near_top) {
      weight = 8, basis = "byline";
    } else if (starts_with_word(line, {"updated", "update", "last updated", "modified"})) {
      weight = 3, basis = "updated line", last_date = true;
    } else if (starts_with_dash(line) && (near_end || line.find("(@") != std::string_view::npos)) {
      weight = 4, basis = "embedded post", last_date = true;
    } else if (near_top || near_end) {
      weight = near_top ? 7 : 5, basis = "date line";
    }
    if (!weight) continue;
    const std::vector<Date> dates = dates_in_line(line);
    if (dates.empty()) continue;
    if (std::string_view(basis) == "date line" && letters_besides_dates(line) > 25) continue;
    candidates.push_back({last_date ? dates.back() : dates.front(), weight, basis});
  }
  const std::vector<bool> weekdays = weekdays_mentioned(text);
  const bool any_weekday = std::find(weekdays.begin(), weekdays.end(), true) != weekdays.end();
  auto agrees = [&](const Date& d) {
    if (!any_weekday) return true;
    const int w = weekday_of(d);
    return weekdays[w] || weekdays[w == 1 ? 7 : w - 1];  // that day, or written the day after
  };
  std::optional<Candidate> best;
  bool tie = false;
  for (const Candidate& c : candidates) {
    if (!agrees(c.date)) continue;
    if (!best || c.weight > best->weight) {
      best = c;
      tie = false;
    } else if (c.weight == best->weight && !(c.date == best->date)) {
      tie = true;
    }
  }
  if (!best || tie) return std::nullopt;
  return FoundDate{best->date, best->basis};
}

}  // namespace morgue
