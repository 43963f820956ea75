// What the gazetteer makes of place names, one a line on standard input: the canonical name the
// extractor stores and the country the place lies in, tab-separated (empty when unknown).
// scripts/eval-extraction maps gold labels through it, so both sides of a comparison use the
// same names ("U.S." and "usa" are "United States").
#include <iostream>
#include <string>

#include "extract/extract.h"
#include "extract/gazetteer.h"

int main() {
  const morgue::ExtractionData data = morgue::default_extraction_data();
  const morgue::ner::Gazetteer g =
      morgue::ner::Gazetteer::load(data.iso_codes_folder, data.word_list, data.census_names);
  std::string line;
  while (std::getline(std::cin, line)) {
    std::cout << g.place_name(line) << '\t' << g.country_of(line) << '\n';
  }
  return 0;
}
