// Text into tokens and sentences the way CoNLL-2003 has them: possessive "'s" apart, "U.S." and
// "Mr." whole, typographic quotes and dashes read as ASCII; and what the tagger and the gazetteer
// ask of a token's letters. Both look words up as this tokenizer cuts them, so a name in the
// gazetteer matches the tokens of the same name in a text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::ner {

struct Token {
  std::string_view text;  // a view into the document text
  std::size_t begin = 0;  // byte offset in the document text
  std::string lower;      // folded for features: lower case, diacritics kept out
};

struct Sentence {
  std::vector<Token> tokens;
};

// Splits text into sentences of tokens. A line break ends a sentence unless it only wraps a long
// line of running text (hard-wrapped wire copy); a sentence ends at . ! ? unless lower case
// follows.
std::vector<Sentence> tokenize(std::string_view text);

// The token of text (written at byte offset begin of its document), with its folded form.
Token make_token(std::string_view text, std::size_t begin);

// A token's place in a name of several tokens (BILOU: begin, inside, last, unit): the tagger's
// tags and the gazetteer's matches both say it.
enum Position { kBegin, kInside, kLast, kUnit };

// The word's shape, runs of one kind of character kept once: "Noem" -> "Xx", "U.S." -> "X.X.",
// "1,000" -> "d,d"; letters of any script are X or x, other characters outside ASCII '*'.
std::string shape_of(std::string_view word);
// Whether the word starts with a capital letter (of any script) or a digit.
bool capitalized(std::string_view word);
// Whether the word starts with a lower-case letter (of any script).
bool starts_lower(std::string_view word);
// A line in Title Case ("What Happens Next"): two words or more, three in four capitalized.
bool title_case(const std::vector<Token>& tokens);

}  // namespace morgue::ner
