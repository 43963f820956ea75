// morgue-search --names: an archive's names as the index files them, entity by entity with the
// variants it is written as, and the merges the archive itself suggests, with their evidence: a
// codebook for the researcher to read, correct and give to morgue-index --names
// (docs/names.md). Suggestions change nothing until the researcher adopts them.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "searcher/options.h"

namespace morgue {

// One name of a field across an archive: its most frequent spelling and its number of articles.
struct NameCount {
  std::string name;
  Xapian::doccount articles = 0;
};

// A merge the archive suggests: file the name under `canonical`, for `reason`.
struct Proposal {
  std::string canonical;
  std::string reason;
};

// Acronyms the articles define: acronym key -> long form key -> articles that define it so.
using AcronymCounts = std::map<std::string, std::map<std::string, Xapian::doccount>>;

// What the archive suggests for the names of `field` (by name_key: the names as filed), for the
// keys that `open` accepts (those the researcher's codebook does not name):
//  - org: an acronym the articles define ("European Union (EU)") when one long form, itself an
//    organization of the archive, has at least 80% of its definitions;
//  - org: forms of one name: singular and plural ("Liberal Democrat", "Liberal Democrats") under
//    the most frequent, and a shortened form whose every word (three letters or more) begins the
//    word of one other name ("Lib Dems" -> "Liberal Democrats"; a shortened word has at most four
//    letters) when exactly one name fits;
//  - person: a name of an initial and a surname ("J Noon") when one full name of the archive fits
//    it ("Jamie Noon"; "M Williams" fits Matt and Martyn Williams: none);
//  - person: a one-word name that ends full names of the archive, when one of them has 90% or
//    more of their articles, at least three, and twice the one-word name's, and it does not begin
//    full names as well ("Blair" -> "Tony Blair"; two Smiths of like weight stay apart, and so
//    does Charles beside Charles Kennedy).
// Places get none: the gazetteer files them.
std::map<std::string, Proposal> propose_merges(std::string_view field,
                                               const std::map<std::string, NameCount>& names,
                                               const AcronymCounts& acronyms,
                                               const std::function<bool(const std::string&)>& open);

// The acronyms `text` defines, as (acronym, long form): an acronym of 2 to 6 capital letters in
// parentheses right after the words whose initials it spells, small words such as "of" and "and"
// aside ("Organisation for Economic Co-operation and Development (OECD)").
std::vector<std::pair<std::string, std::string>> defined_acronyms(std::string_view text);

// Writes the listing of --names (o.names: the fields; o.query: the articles, all when empty).
void list_names(const Xapian::Database& db, const SearchOptions& o, std::ostream& out);

}  // namespace morgue
