// morgue-search --names: an archive's names as the index files them, entity by entity with the
// variants it is written as, and the merges the archive itself suggests, with their evidence: a
// codebook for the researcher to read, correct and give to morgue-index --names
// (docs/names.md). Suggestions change nothing until the researcher adopts them.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <set>
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

// What the listing knows of the archive besides each name's count, for the suggestions.
struct Evidence {
  AcronymCounts acronyms;  // org
  // Each name's articles (by key): indexes into the articles listed, ascending. Two names named
  // in one article are named side by side (together()).
  std::map<std::string, std::vector<std::uint32_t>> articles;
  // person: each name's titles (by key), one set for each of its articles: the words of
  // kTitles written right before the name, or before its last word ("President Bush",
  // "Mr Brown", "Baroness Kennedy").
  std::map<std::string, std::vector<std::set<std::string>>> titles;
  // The country the gazetteer knows a name as (its canonical name), or nullptr; none when unset.
  std::function<const std::string*(const std::string&)> country;
  // org: the places the articles name (by key), all of them and each article's.
  std::set<std::string> named_places;
  std::vector<std::set<std::string>> places_of;
  // person: each article's names of every kind (people, places, organizations, as written) by
  // number, ascending; and the numbers of this field's names (by key). What an article is about,
  // read against other articles: "Thatcher" named beside the Conservatives and Tony Blair is
  // Margaret Thatcher, not the footballer Ben Thatcher. Empty: no such evidence.
  std::vector<std::vector<std::uint32_t>> context;
  std::map<std::string, std::uint32_t> context_ids;

  // The articles naming both names (keys).
  Xapian::doccount together(const std::string& a, const std::string& b) const;
};

// What the archive suggests for the names of `field` (by name_key: the names as filed), for the
// keys that `open` accepts (those the researcher's codebook does not name):
//  - org: an acronym the articles define ("European Union (EU)") when one long form, itself an
//    organization of the archive, has at least 80% of its definitions; an acronym no article
//    defines, when it spells the initials of one organization it is named beside in two of its
//    articles or more, and a quarter of them ("FA", "Football Association");
//  - org: forms of one name: singular and plural ("Liberal Democrat", "Liberal Democrats") under
//    the most frequent, and a shortened form whose every word (three letters or more) begins the
//    word of one other name ("Lib Dems" -> "Liberal Democrats"; a shortened word has at most four
//    letters) when exactly one name fits; a chamber's short name ("Lords", "House of Lords")
//    named beside it in an article; and a name with a designation ("Labour
//    Party", "Leeds United", "Lenovo Group") and without, when the name has no other designation
//    and the two are named side by side in an article, or the designation is a club's and the
//    name a place the articles name or the gazetteer knows (a club named for its town), under
//    the more frequent; not a club's town that two or more other bodies of the archive begin
//    with ("Leeds Rhinos", "Leeds Tykes": "Leeds United" stays apart from "Leeds");
//  - org: a party's other name ("Tory Party", "Tories": the Conservatives; "GOP"); the Games
//    and the Olympics of one place ("Athens Games", "Athens Olympics"); a name of two words or
//    more with a sponsor's acronym before it ("RBS Six Nations"), when the acronym is an
//    organization of the archive and the two are named side by side in two articles or more;
//    and a company in full ("Walt Disney Company") under the word before its designation
//    ("Disney") when that has three times its articles and is named beside it;
//  - person: other spellings of one full name; a first name written otherwise ("Steve" and
//    "Steven"); a middle name left out ("George Bush", "George W Bush") and a long surname
//    misspelt ("Khordokovsky", "Khodorkovsky") when one full name fits and has three times the
//    articles;
//  - person: a name of an initial and a surname ("J Noon") when one full name of the archive fits
//    it ("Jamie Noon"; "M Williams" fits Matt and Martyn Williams: none), or by the names around
//    it (below);
//  - person: a one-word name that ends full names of the archive, when one of them has 90% or
//    more of their articles, at least three, and twice the one-word name's, and it does not begin
//    full names as well ("Blair" -> "Tony Blair"; two Smiths of like weight stay apart, and so
//    does Charles beside Charles Kennedy); or when 90% of its articles give it a title that of
//    the full names only that one's articles give ("President Bush"). Never when one of its
//    articles gives it a title the full name's articles never give ("Baroness Kennedy" is no
//    Charles Kennedy, who is "Mr Kennedy");
//  - person: a one-word name, or an initial's, that those rules leave between full names of three
//    articles or more, by the names around it (Evidence::context): each of its articles goes to
//    the full name whose articles name what it names, rare names weighing more (three names, a
//    score of 10 at least and twice the next one's); it joins a full name that has 90% of its
//    articles and the others none ("S Taylor" in a Scottish rugby team: Simon Taylor);
//  - place: a name the gazetteer does not know, of eight letters or more, one letter from one
//    other place with three times its articles ("Landsdowne Road", "Lansdowne Road"); the
//    gazetteer files the rest.
std::map<std::string, Proposal> propose_merges(std::string_view field,
                                               const std::map<std::string, NameCount>& names,
                                               const Evidence& evidence,
                                               const std::function<bool(const std::string&)>& open);

// The titles written before people's names in a text ("Mr", "President", "Baroness"; "Prime
// Minister" gives "Minister"; "Mr." counts as "Mr"), found in one pass over it: a name's are
// then looked up among them, not by reading the text again for each name.
class TitledText {
 public:
  explicit TitledText(std::string_view text);
  // The titles written right before `name`; with `last_too`, before its last word alone as well.
  std::set<std::string> before(std::string_view name, bool last_too) const;

 private:
  std::string_view text_;
  std::vector<std::pair<std::string_view, std::size_t>> titles_;  // title, where its name begins
};

// TitledText(text).before(name, last_too).
std::set<std::string> titles_before(std::string_view text, std::string_view name, bool last_too);

// The acronyms `text` defines, as (acronym, long form): an acronym of 2 to 6 capital letters in
// parentheses right after the words whose initials it spells, small words such as "of" and "and"
// aside ("Organisation for Economic Co-operation and Development (OECD)").
std::vector<std::pair<std::string, std::string>> defined_acronyms(std::string_view text);

// Writes the listing of --names (o.names: the fields; o.query: the articles, all when empty).
void list_names(const Xapian::Database& db, const SearchOptions& o, std::ostream& out);

}  // namespace morgue
