// Unit tests for WordSet (extract/word_set.h): its answers against a plain set's, over seeded
// random words and lists, with the words whose shapes collide with a member's.
#include "extract/word_set.h"

#include <boost/test/unit_test.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(word_set)

BOOST_AUTO_TEST_CASE(examples) {
  const morgue::WordSet words = {"of", "chairman", "stadium", "of", "lieutenant-colonel"};
  BOOST_TEST(words.size() == 4u);
  BOOST_TEST(words.contains("of"));
  BOOST_TEST(words.contains("lieutenant-colonel"));
  BOOST_TEST(!words.contains("on"));   // a word of the same first byte and length
  BOOST_TEST(!words.contains("oaf"));  // of the same first and last bytes
  BOOST_TEST(!words.contains("Of"));
  BOOST_TEST(!words.contains(""));
  BOOST_TEST(words.count("stadium") == 1u);
  const morgue::WordSet with_empty = {"", "x"};
  BOOST_TEST(with_empty.contains(""));
  BOOST_TEST(!with_empty.contains("y"));
  const std::vector<std::string> owned = {"r\xc3\xa9gion", std::string(300, 'a')};
  const morgue::WordSet from_strings(owned.begin(), owned.end());
  BOOST_TEST(from_strings.contains("r\xc3\xa9gion"));
  BOOST_TEST(from_strings.contains(std::string(300, 'a')));
  BOOST_TEST(!from_strings.contains(std::string(299, 'a')));
  BOOST_TEST(!from_strings.contains(std::string(301, 'a')));  // (lengths past 255 share a shape)
}

// Thousands of seeded lists and questions, over a small alphabet (so that shapes collide often)
// and any byte, against std::set.
BOOST_AUTO_TEST_CASE(answers_as_a_set_does) {
  std::mt19937 rng(20261207);
  auto word = [&](int alphabet) {
    std::uniform_int_distribution<int> length(0, 12), byte(0, alphabet - 1);
    std::string w(static_cast<std::size_t>(length(rng)), ' ');
    for (char& c : w) c = static_cast<char>(alphabet == 256 ? byte(rng) : 'a' + byte(rng));
    return w;
  };
  std::size_t asked = 0, held = 0;
  for (int round = 0; round < 2000; ++round) {
    const int alphabet = round % 2 ? 3 : 256;
    std::vector<std::string> members(static_cast<std::size_t>(rng() % 60));
    for (std::string& m : members) m = word(alphabet);
    const std::set<std::string> model(members.begin(), members.end());
    const morgue::WordSet set(members.begin(), members.end());
    BOOST_TEST_REQUIRE(set.size() == model.size());
    for (int q = 0; q < 50; ++q) {
      const std::string w =
          q % 5 == 0 && !members.empty() ? members[rng() % members.size()] : word(alphabet);
      ++asked;
      held += model.count(w);
      BOOST_TEST_REQUIRE(set.contains(w) == (model.count(w) > 0),
                         "round " << round << " word " << w);
    }
  }
  BOOST_TEST(held > asked / 10);  // (members were asked about, not only strangers)
}

BOOST_AUTO_TEST_SUITE_END()
