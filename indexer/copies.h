// Copies: articles whose text is the same story as written by the same hand (wire copy run by
// several outlets, a page saved twice, a story with a new headline, a trimmed ending, added
// boilerplate or reflowed lines), found at index time and filed as copy groups.
//
// An article's text is cut into shingles (runs of kShingleWords words, lower case, punctuation
// and line breaks ignored; the title is left out, so a changed headline changes nothing). Two
// texts are copies when the Jaccard similarity of their shingle sets is at least kCopyThreshold
// and their numbers and names agree (marks_agree).
// Each article stores a MinHash signature of its shingles (kSignatureSlot); a run compares the
// articles it wrote only with those sharing one of the signature's kBands bands (locality
// sensitive hashing), never with the whole archive.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

inline constexpr std::size_t kShingleWords = 5;
inline constexpr std::size_t kMinHashes = 64;              // 32 bits each: 256 bytes a signature
inline constexpr std::size_t kRows = 3;                    // minima in a band
inline constexpr std::size_t kBands = kMinHashes / kRows;  // 21 (the last minimum in none)
inline constexpr double kCopyThreshold = 0.5;

// The shingles of `text` as sorted, distinct 64-bit hashes. A text shorter than kShingleWords
// words is one shingle; a text without words has none.
std::vector<std::uint64_t> shingles(std::string_view text);

// The Jaccard similarity of two sorted shingle sets (0 when both are empty).
double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

// The MinHash signature of a shingle set: kMinHashes 32-bit minima, little-endian; "" for none.
std::string signature(const std::vector<std::uint64_t>& shingles);

// An article's own group, which it is in until it is found to be a copy of another: 16 hex
// digits of a hash of its signature's minima. Texts with the same shingles (copies as they are,
// or only re-flowed) have the same signature, so that they are one group from the start.
std::string own_group(std::string_view signature);

// Adds the values an article's document holds for copies: its signature (kSignatureSlot) and its
// own group (kCopySlot); none for a text without words.
void add_copy_values(Xapian::Document* doc, std::string_view text);

// What an article stores (kSignatureSlot): the signature of its text's shingles, then its marks:
// the figures and names that stand inside its sentences, each as a 32-bit hash of the two words
// around it and one of itself (the first 64); "" for a text without words.
std::string copy_signature(std::string_view text);

// Whether two stored signatures' texts agree on their marks: wherever both have a figure or a
// name between the same two words (or at the start), the one with fewer there has only runs the
// other has there.
// Texts made from one template (a market report every half hour, a daily central bank operation
// with its amount, one dividend notice for two companies) differ in the figures, times, dates or
// names inside their sentences, and are different reports however alike their words; a copy
// differs from its original at its ends (trimmed, boilerplate added: figures and names with
// places the other text does not have) and in words (a corrected spelling). A story reissued
// with a corrected figure is therefore no copy of the first issue.
bool marks_agree(std::string_view a, std::string_view b);

// The share of equal minima of two signatures: an estimate of their sets' Jaccard similarity
// (standard error sqrt(J(1-J)/kMinHashes), 0.06 at J = 0.5).
double estimated_jaccard(std::string_view a, std::string_view b);

// The key of band `band` of a signature: articles that share a band's key are compared.
std::uint64_t band_key(std::string_view signature, std::size_t band);

// What a pass of assign_copies did.
struct CopyCounts {
  std::size_t compared = 0;  // candidate pairs looked at
  std::size_t joined = 0;    // articles filed in another article's group
};

// Files the articles `written` (docids; all articles when `all`) in copy groups (kCopySlot): in
// docid order, each joins the group of its most similar earlier article that is a copy of it
// (one written earlier in the same order, or one the run did not write), else stays in its own
// group (own_group). A group's id is that of its first article, and stays while any member does.
// Groups are never merged: an article joins the group of its nearest copy, so that a chain of
// small edits never joins two different stories. Only the articles whose group changes are
// written again.
CopyCounts assign_copies(Xapian::WritableDatabase& db, std::vector<Xapian::docid> written,
                         bool all);

// assign_copies, then assign_stories (indexer/stories.h), for the articles `written` and those
// the database lists as unfiled (kUnfiledKey, left by a run that ended first), which are then no
// longer listed.
CopyCounts file_copies(Xapian::WritableDatabase& db, std::vector<Xapian::docid> written);

// Sets the value in `slot` of each article of `changes` (docid, value; docids distinct) and keeps
// every other value it has: the grouping passes' writes. The articles' other values are read a
// slot at a time, a batch of articles in docid order from each slot's value stream, and the
// document given to Xapian holds them all: given a document it read, whose one value changed,
// Xapian reads every slot of it apart to rewrite them (140-180 µs an article of 10x Reuters, this
// way about half; docs/performance.md#group-counts). The slots read are those of morgue's schema
// (below 256, and the declared fields'): a value another program put beyond them is not kept.
void set_slot(Xapian::WritableDatabase& db, Xapian::valueno slot,
              std::vector<std::pair<Xapian::docid, std::string>> changes);

// 32-bit numbers as stored lists hold them (docids in kUnfiledKey, story terms), 4 bytes each,
// little-endian, and back (a list of another length than 4 bytes each is read as far as it goes).
static_assert(sizeof(Xapian::docid) == sizeof(std::uint32_t));
std::string encode_u32s(const std::uint32_t* values, std::size_t n);
std::vector<std::uint32_t> decode_u32s(std::string_view list);

}  // namespace morgue
