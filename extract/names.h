// Names as the extractor stores them: titles and possessives stripped, and within one article
// every shorter form of a person's name folded into the fullest one ("Noem" and "Secretary Noem"
// are "Kristi Noem"; "Gustavo Villatoro" is "Héctor Gustavo Villatoro").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// "Homeland Security Secretary Kristi Noem's" -> "Kristi Noem"; "" when nothing but titles.
std::string strip_person_name(std::string_view mention);

// The people of one article from its person mentions in text order: each distinct person once,
// under the fullest form the article gives (its first spelling), in order of first mention. An
// initial and a surname are the one longer name of that surname and initial ("G Murphy" is
// "Geordan Murphy").
std::vector<std::string> canonical_people(const std::vector<std::string>& mentions);

// "The Daily Wire" -> "Daily Wire", "the Pentagon" -> "Pentagon", "The Guardian" stays: a leading
// article goes when two or more words remain.
std::string strip_article(std::string_view name);

}  // namespace morgue
