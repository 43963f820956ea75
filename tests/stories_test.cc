// Unit tests for stories: which words of an article are its story terms and which of them are
// names; and stories over seeded random archives of events (each told in their own words by
// several outlets, some texts run again as copies, on nearby days), checked against the events:
// no story holds two events, every event told on nearby days is one story, every copy group lies
// in one story, no story runs longer than its span, a second pass changes nothing, and a run that
// adds articles never moves those filed before it.
#include "indexer/stories.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <set>

#include "common/article.h"
#include "common/date.h"
#include "common/document.h"
#include "common/schema.h"
#include "indexer/copies.h"

namespace {

using morgue::kStoryName;
using morgue::kStoryTitle;
using morgue::story_term;

std::set<std::uint32_t> terms_of(const morgue::Article& a) {
  const auto v = morgue::decode_u32s(morgue::story_terms(a));
  return {v.begin(), v.end()};
}

bool has(const std::set<std::uint32_t>& terms, std::string_view word, std::uint32_t flags) {
  return terms.count(story_term(word, flags)) > 0;
}

bool has_any(const std::set<std::uint32_t>& terms, std::string_view word) {
  for (std::uint32_t flags = 0; flags < 4; ++flags) {
    if (has(terms, word, flags)) return true;
  }
  return false;
}

std::string letters(std::size_t n) {
  std::string w;
  do w += static_cast<char>('a' + n % 26);
  while (n /= 26);
  return w;
}

// A seeded archive of events and single articles in an in-memory database.
struct Archive {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::vector<int> event;  // by docid - 1: the event told, -1 for a single article
  std::vector<long> day;   // by docid - 1
  std::mt19937_64 rng;
  std::vector<std::string> vocabulary;

  explicit Archive(unsigned seed) : rng(seed) {
    for (std::size_t i = 0; i < 5000; ++i) vocabulary.push_back("w" + letters(i + 26 * 26));
  }

  std::string pick(const std::vector<std::string>& from) { return from[rng() % from.size()]; }

  // A text of an event: its names once each in the first words, then its words and names among
  // others.
  std::string telling(const std::vector<std::string>& lexicon,
                      const std::vector<std::string>& names) {
    std::string out = "the";
    for (std::size_t k = 1; k < 150; ++k) {
      const auto r = rng() % 100;
      std::string w;
      if (k % 4 == 2 && k / 4 < names.size()) {
        w = names[k / 4];
      } else if (k < 80 && r < 20) {
        w = pick(names);
      } else if (k < 80 && r < 90) {
        w = pick(lexicon);
      } else {
        w = pick(vocabulary);
      }
      out += " " + w;
    }
    return out + ".";
  }

  Xapian::docid add(const std::string& title, const std::string& text, long d, int e) {
    morgue::Article a;
    a.id = "a" + std::to_string(event.size() + 1);
    a.title = title;
    a.text = text;
    const morgue::Date date = morgue::civil_from_days(d);
    a.date = date;
    morgue::DocumentBuilder builder;
    Xapian::Document doc = builder.build(a);
    morgue::add_copy_values(&doc, text);
    morgue::add_story_values(&doc, a);
    event.push_back(e);
    day.push_back(d);
    return db.add_document(doc);
  }

  // Events told by 2-4 outlets on nearby days, some of their texts run again as copies, and
  // single articles, in a random order. Names are the event's own ("Q..." words).
  void fill(int events, int singles, long first_day) {
    struct Row {
      std::string title, text;
      long day;
      int event;
    };
    std::vector<Row> rows;
    for (int e = 0; e < events; ++e) {
      std::vector<std::string> lexicon, names;
      for (int i = 0; i < 25; ++i) lexicon.push_back(pick(vocabulary));
      for (int i = 0; i < 3; ++i) names.push_back("Q" + letters(rng() % 400000) + "x");
      const long d = first_day + static_cast<long>(rng() % 60);
      const int told = 2 + static_cast<int>(rng() % 3);
      for (int t = 0; t < told; ++t) {
        const std::string text = telling(lexicon, names);
        const std::string title = pick(lexicon) + " " + pick(lexicon) + " " + pick(vocabulary);
        rows.push_back({title, text, d + static_cast<long>(rng() % 3), e + event_base});
        if (rng() % 3 == 0)
          rows.push_back({title, text, d + static_cast<long>(rng() % 3), e + event_base});
      }
    }
    for (int s = 0; s < singles; ++s) {
      std::vector<std::string> lexicon, names;
      for (int i = 0; i < 25; ++i) lexicon.push_back(pick(vocabulary));
      for (int i = 0; i < 3; ++i) names.push_back("Q" + letters(rng() % 400000) + "x");
      rows.push_back({pick(vocabulary) + " " + pick(vocabulary), telling(lexicon, names),
                      first_day + static_cast<long>(rng() % 60), -1});
    }
    std::shuffle(rows.begin(), rows.end(), rng);
    for (const Row& r : rows) add(r.title, r.text, r.day, r.event);
    event_base += events;
  }

  std::string value(Xapian::docid did, Xapian::valueno slot) {
    return db.get_document(did).get_value(slot);
  }
  std::vector<std::string> all(Xapian::valueno slot) {
    std::vector<std::string> out;
    for (Xapian::docid did = 1; did <= event.size(); ++did) out.push_back(value(did, slot));
    return out;
  }
  std::vector<Xapian::docid> docids(Xapian::docid from, Xapian::docid to) {
    std::vector<Xapian::docid> out;
    for (Xapian::docid did = from; did <= to; ++did) out.push_back(did);
    return out;
  }

  int event_base = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(stories)

BOOST_AUTO_TEST_CASE(story_terms_are_names_and_the_words_of_title_and_lead) {
  morgue::Article a;
  a.title = "Harbour strike spreads";
  a.text =
      "Dock workers in the port of Velmar walked out on Monday as the union of Arno Kessel said "
      "its 4,000 members would stay out in May.\n"
      "Shipping lines said the strike would cost 12 mln dlrs a day.";
  a.people = {"Arno Kessel"};
  const auto t = terms_of(a);
  BOOST_TEST(has(t, "harbour", kStoryTitle));
  BOOST_TEST(has(t, "strike", kStoryTitle));  // also in the lead, in small letters
  BOOST_TEST(has(t, "velmar", kStoryName));   // a capital inside a sentence
  BOOST_TEST(has(t, "kessel", kStoryName));
  BOOST_TEST(has(t, "arno", kStoryName));         // before another name: "Arno Kessel"
  BOOST_TEST(has(t, "arno kessel", kStoryName));  // the source's name
  BOOST_TEST(has(t, "worker", 0));                // folded: "workers"
  BOOST_TEST(has(t, "dock", 0));                  // a sentence's first word is no name
  BOOST_TEST(has(t, "monday", 0));                // days and months are no names
  BOOST_TEST(has(t, "may", 0));
  BOOST_TEST(has(t, "shipping", 0));  // a line's first word after a full stop
  BOOST_TEST(!has_any(t, "the"));     // stop words, figures and short words are none
  BOOST_TEST(!has_any(t, "4"));
  BOOST_TEST(!has_any(t, "000"));
  BOOST_TEST(!has_any(t, "in"));
  // A table in capitals and figures has no names; its row labels are words.
  morgue::Article table;
  table.text =
      "COMEX GOLD OPG TRENDS\n APR7 4205 4185\n Net 155.0 mln vs 77.4 mln\n Loans 36 billion";
  const auto tt = terms_of(table);
  BOOST_TEST(has(tt, "comex", 0));
  BOOST_TEST(has(tt, "loan", 0));
  BOOST_TEST(has(tt, "net", 0));
  // At most kStoryTerms, sorted and distinct.
  morgue::Article longer;
  for (std::size_t i = 0; i < 200; ++i) longer.text += "word" + letters(i) + " ";
  const std::string stored = morgue::story_terms(longer);
  const auto v = morgue::decode_u32s(stored);
  BOOST_TEST(v.size() == morgue::kStoryTerms);
  BOOST_TEST(std::is_sorted(v.begin(), v.end()));
  BOOST_TEST((std::adjacent_find(v.begin(), v.end()) == v.end()));
  BOOST_TEST(stored.size() == 4 * v.size());
  BOOST_TEST(morgue::story_terms(morgue::Article{}).empty());
}

BOOST_AUTO_TEST_CASE(stories_are_the_events_over_seeded_archives) {
  for (unsigned seed = 1; seed <= 8; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Archive archive(seed);
      archive.fill(40, 40, morgue::days_from_civil(2025, 1, 1));
      const auto counts = morgue::assign_stories(archive.db, {}, true);
      BOOST_TEST(counts.groups > 0u);
      const auto stories = archive.all(morgue::kStorySlot);
      const auto copies = archive.all(morgue::kCopySlot);
      std::map<std::string, std::set<int>> events_of;
      std::map<int, std::set<std::string>> stories_of;
      std::map<std::string, std::set<std::string>> stories_of_copy;
      std::map<std::string, std::pair<long, long>> span;
      for (std::size_t i = 0; i < stories.size(); ++i) {
        BOOST_TEST(stories[i].size() == 16u);
        events_of[stories[i]].insert(archive.event[i] < 0 ? -1000 - static_cast<int>(i)
                                                          : archive.event[i]);
        if (archive.event[i] >= 0) stories_of[archive.event[i]].insert(stories[i]);
        stories_of_copy[copies[i]].insert(stories[i]);
        auto [it, fresh] = span.try_emplace(stories[i], archive.day[i], archive.day[i]);
        it->second.first = std::min(it->second.first, archive.day[i]);
        it->second.second = std::max(it->second.second, archive.day[i]);
      }
      for (const auto& [story, events] : events_of) BOOST_TEST(events.size() == 1u, story);
      for (const auto& [event, s] : stories_of) BOOST_TEST(s.size() == 1u, "event " << event);
      for (const auto& [copy, s] : stories_of_copy) BOOST_TEST(s.size() == 1u, copy);
      for (const auto& [story, days] : span)
        BOOST_TEST(days.second - days.first <= 2 * morgue::kStorySpan, story);
      // A second pass changes nothing.
      morgue::assign_stories(archive.db, {}, true);
      BOOST_TEST(archive.all(morgue::kStorySlot) == stories);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_later_run_files_its_articles_without_moving_the_others) {
  for (unsigned seed = 11; seed <= 14; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Archive archive(seed);
      const long start = morgue::days_from_civil(2025, 1, 1);
      archive.fill(30, 20, start);
      morgue::assign_copies(archive.db, {}, true);
      morgue::assign_stories(archive.db, {}, true);
      const auto before = archive.all(morgue::kStorySlot);
      const auto n = static_cast<Xapian::docid>(before.size());
      // More tellings of the same events and new ones: each joins its event's story.
      Archive more(seed + 100);
      const Xapian::docid first_new = n + 1;
      for (Xapian::docid did = 1; did <= n; did += 7) {  // another outlet runs one again
        const Xapian::Document doc = archive.db.get_document(did);
        archive.add("again", std::string(morgue::stored_text(doc.get_data())), archive.day[did - 1],
                    archive.event[did - 1]);
      }
      const auto written =
          archive.docids(first_new, static_cast<Xapian::docid>(archive.event.size()));
      morgue::assign_copies(archive.db, written, false);
      morgue::assign_stories(archive.db, written, false);
      const auto after = archive.all(morgue::kStorySlot);
      for (Xapian::docid did = 1; did <= n; ++did) BOOST_TEST(after[did - 1] == before[did - 1]);
      for (Xapian::docid did = first_new; did <= archive.event.size(); ++did) {
        const Xapian::docid original = 1 + 7 * (did - first_new);
        BOOST_TEST(after[did - 1] == before[original - 1], "docid " << did);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_new_copy_of_an_old_text_joins_its_story_as_it_is) {
  // The story an old group was filed in stays, whatever filing it again would decide now (the
  // archive's weights change as it grows): a new copy is written in it, and nothing else moves.
  Archive archive(21);
  archive.fill(10, 10, morgue::days_from_civil(2025, 1, 1));
  morgue::assign_stories(archive.db, {}, true);
  const Xapian::docid old = 3;
  const std::string decided = "feedfacefeedface";  // as an earlier run (or design) decided
  std::vector<Xapian::docid> members;
  const std::string group = archive.value(old, morgue::kCopySlot);
  for (Xapian::docid did = 1; did <= archive.event.size(); ++did) {
    if (archive.value(did, morgue::kCopySlot) != group) continue;
    Xapian::Document doc = archive.db.get_document(did);
    doc.add_value(morgue::kStorySlot, decided);
    archive.db.replace_document(did, doc);
    members.push_back(did);
  }
  const auto before = archive.all(morgue::kStorySlot);
  const Xapian::Document doc = archive.db.get_document(members.front());
  const Xapian::docid copy = archive.add("again", std::string(morgue::stored_text(doc.get_data())),
                                         archive.day[members.front() - 1], -1);
  morgue::assign_copies(archive.db, {copy}, false);
  BOOST_TEST(archive.value(copy, morgue::kCopySlot) == group);
  morgue::assign_stories(archive.db, {copy}, false);
  BOOST_TEST(archive.value(copy, morgue::kStorySlot) == decided);
  const auto after = archive.all(morgue::kStorySlot);
  for (std::size_t i = 0; i < before.size(); ++i)
    BOOST_TEST(after[i] == before[i], "docid " << i + 1);
}

BOOST_AUTO_TEST_CASE(dates_to_the_month_or_year_are_compared_within_their_month_or_year) {
  Archive archive(7);
  std::vector<std::string> lexicon, names = {"Qvelmarx", "Qkesselx", "Qarnox"};
  for (int i = 0; i < 25; ++i) lexicon.push_back(archive.pick(archive.vocabulary));
  auto add = [&](morgue::Date date) {
    morgue::Article a;
    a.id = "m" + std::to_string(archive.event.size() + 1);
    a.title = "strike";
    a.text = archive.telling(lexicon, names);
    a.date = date;
    morgue::DocumentBuilder builder;
    Xapian::Document doc = builder.build(a);
    morgue::add_copy_values(&doc, a.text);
    morgue::add_story_values(&doc, a);
    archive.event.push_back(0);
    archive.day.push_back(0);
    archive.db.add_document(doc);
  };
  add({2025, 3, 0, morgue::Precision::kMonth});
  add({2025, 3, 0, morgue::Precision::kMonth});
  add({2025, 5, 0, morgue::Precision::kMonth});
  add({2024, 0, 0, morgue::Precision::kYear});
  add({2024, 0, 0, morgue::Precision::kYear});
  add({2021, 0, 0, morgue::Precision::kYear});
  add({2025, 3, 2, morgue::Precision::kDay});
  morgue::assign_stories(archive.db, {}, true);
  const auto s = archive.all(morgue::kStorySlot);
  BOOST_TEST(s[0] == s[1]);  // the same month
  BOOST_TEST(s[2] != s[0]);  // another month
  BOOST_TEST(s[3] == s[4]);  // the same year
  BOOST_TEST(s[5] != s[3]);  // another year
  BOOST_TEST(s[6] != s[0]);  // a day is compared with days
  BOOST_TEST(std::set<std::string>(s.begin(), s.end()).size() == 5u);
}

BOOST_AUTO_TEST_CASE(the_same_names_far_apart_are_two_stories) {
  Archive archive(5);
  std::vector<std::string> lexicon, names = {"Qvelmarx", "Qkesselx", "Qarnox"};
  for (int i = 0; i < 25; ++i) lexicon.push_back(archive.pick(archive.vocabulary));
  const long d = morgue::days_from_civil(2025, 3, 1);
  archive.add("strike", archive.telling(lexicon, names), d, 0);
  archive.add("strike", archive.telling(lexicon, names), d + 2, 0);
  archive.add("strike", archive.telling(lexicon, names), d + 30, 1);
  archive.add("strike", archive.telling(lexicon, names), d + 31, 1);
  morgue::assign_stories(archive.db, {}, true);
  const auto s = archive.all(morgue::kStorySlot);
  BOOST_TEST(s[0] == s[1]);
  BOOST_TEST(s[2] == s[3]);
  BOOST_TEST(s[0] != s[2]);
  // Without a shared rare name, alike words make no story: a template's reports.
  Archive templates(6);
  for (int i = 0; i < 4; ++i)
    templates.add("dividend", templates.telling(lexicon, {"Q" + letters(i + 1000) + "x"}), d, i);
  morgue::assign_stories(templates.db, {}, true);
  const auto t = templates.all(morgue::kStorySlot);
  BOOST_TEST(std::set<std::string>(t.begin(), t.end()).size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
