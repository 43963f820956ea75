// Outlets named in plain text. The article's own publisher only from a line in which the article
// names it as such: "The post ... appeared first on Newsweek.", a wire dateline "(AP) —",
// "© 2025 Example Media". Outlets it merely cites ("Fox News reported", "according to The
// Guardian", a line "From The New York Post:") are cited, never the publisher.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct OutletsFound {
  std::string own;    // empty when the text does not name its publisher
  std::string basis;  // "appeared first on", "wire dateline", "copyright line"
  std::vector<std::string> cited;
};

// `title`, where the article has one apart from its text, may name the source the text opens
// with ("... (AP)" over "AP - ").
OutletsFound find_outlets(std::string_view text, std::string_view title = {});

// Whether a name reads as a news outlet's ("Fox News", "The Daily Wire", "CNN").
bool looks_like_outlet(std::string_view name);

}  // namespace morgue
