// Stories: articles about the same event (one announcement, deal, decision, strike, a market's
// day), however many hands wrote them; looser than copies (indexer/copies.h), which are one
// text written by one hand. Every copy of a text is in its story.
//
// An article is told by its story terms: the names it holds (people, places, organizations) and
// the words of its title and lead (the first kLeadWords words of its text, where news puts the
// event), stop words and figures left out. Two copy groups are alike when the first article of
// each (in docid order) has its date within kStoryDays of the other's and their story terms
// agree: they share a rare name (or a rarer word of both titles) and five terms, and the cosine
// of the sets, each term weighted by its rarity among the archive's copy groups (its inverse
// document frequency), is at least kStoryThreshold (less for groups that share many rare names:
// stories.cc). A run compares the groups it touched with those sharing a rare term in the date
// window, found in an inverted index of the archive's story terms built in memory for the run.
// docs/stories.md tells the rules and what they were measured to get right and wrong.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

inline constexpr std::size_t kStoryTerms = 48;  // the most an article stores
inline constexpr std::size_t kLeadWords = 80;
inline constexpr int kStoryDays = 3;  // the farthest apart two articles of one story are compared
inline constexpr int kStorySpan = 7;  // the longest a story runs from its first article's date
inline constexpr double kStoryThreshold = 0.4;

struct Article;

// An article's story terms: sorted, distinct 32-bit hashes as encode_u32s stores them ("" for
// none). A term
// is a hash of its word (folded: "banks" and "bank's" are "bank") or name (name_key), but for its
// lowest two bits, which say where the article has it: as a name (kStoryName: one of its people,
// organizations and places, or a word with a capital inside the first kKeyWords words of its
// lead) or in its title (kStoryTitle).
std::string story_terms(const Article& article);
inline constexpr std::uint32_t kStoryName = 1, kStoryTitle = 2;
inline constexpr std::size_t kKeyWords = 40;
// The term of a word as stories compare it, with `flags`.
std::uint32_t story_term(std::string_view word, std::uint32_t flags);

// Adds the values an article's document holds for stories: its story terms (kStoryTermsSlot),
// and its story (kStorySlot) as its copy group's own id (kCopySlot, already set), which it
// keeps until it is found to tell another's story.
void add_story_values(Xapian::Document* doc, const Article& article);

// What a pass of assign_stories did.
struct StoryCounts {
  std::size_t groups = 0;    // copy groups filed
  std::size_t compared = 0;  // candidate pairs whose similarity was computed
  std::size_t joined = 0;    // groups filed in another group's story
};

// Files in stories (kStorySlot) the copy groups whose first article is among `written` (all
// groups when `all`): in the order of their first articles' docids, each joins the story of its
// most alike earlier group (one filed earlier in the pass, or one the run did not touch) when
// that story began at most kStorySpan days before or after it, else it is a story of its own,
// named as its copy group is. A group that only gained written articles keeps its story. Every
// member of a group is written in the group's story; only the articles whose story changes are
// written again.
StoryCounts assign_stories(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& written,
                           bool all);

}  // namespace morgue
