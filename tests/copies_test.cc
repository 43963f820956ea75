// Unit tests for copies: shingles that ignore case, punctuation and line breaks; Jaccard against a
// brute-force set count; MinHash estimates within their error; LSH bands that find copies; and
// copy groups over seeded random archives of families of edited texts, checked against the
// families (no group across two) and against exact similarities (every clear copy grouped), the
// same when built in one run or in two, and unchanged by a second pass.
#include "indexer/copies.h"

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/document.h"
#include "common/schema.h"
#include "temp_dir.h"

namespace {

using morgue::estimated_jaccard;
using morgue::jaccard;
using morgue::shingles;
using morgue::signature;

// A word of letters for a number (words without digits: marks_agree has none to compare).
std::string letters(std::size_t n) {
  std::string w = "w";
  do w += static_cast<char>('a' + n % 26);
  while (n /= 26);
  return w;
}

std::string random_text(std::mt19937_64& rng, std::size_t words, std::size_t vocabulary) {
  std::uniform_int_distribution<std::size_t> pick(0, vocabulary - 1);
  std::string out;
  for (std::size_t i = 0; i < words; ++i) out += (i ? " " : "") + letters(pick(rng));
  return out;
}

// The words of an ASCII text: letters and digits, lower case; anything else separates them.
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

std::string join_words(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (i > from ? " " : "") + words[i];
  return out;
}

// The Jaccard similarity of the two texts' word 5-grams, counted on sets of strings.
double brute_jaccard(const std::string& a, const std::string& b) {
  auto grams = [](const std::string& t) {
    const std::vector<std::string> w = split_words(t);
    std::set<std::string> out;
    if (w.size() < morgue::kShingleWords) {
      if (!w.empty()) out.insert(join_words(w, 0, w.size()));
      return out;
    }
    for (std::size_t i = 0; i + morgue::kShingleWords <= w.size(); ++i)
      out.insert(join_words(w, i, i + morgue::kShingleWords));
    return out;
  };
  const std::set<std::string> x = grams(a), y = grams(b);
  std::size_t common = 0;
  for (const std::string& g : x) common += y.count(g);
  return x.empty() && y.empty() ? 0 : double(common) / double(x.size() + y.size() - common);
}

bool share_band(const std::string& a, const std::string& b) {
  for (std::size_t band = 0; band < morgue::kBands; ++band)
    if (morgue::band_key(a, band) == morgue::band_key(b, band)) return true;
  return false;
}

// A variant of `text` as syndication makes them: trimmed, with boilerplate, with a few words
// changed, or as it is (reflowed: other line breaks, case and punctuation).
std::string variant(std::mt19937_64& rng, const std::string& text) {
  std::vector<std::string> w = split_words(text);
  switch (rng() % 4) {
    case 0:  // trimmed by up to a fifth
      w.resize(w.size() - rng() % (w.size() / 5 + 1));
      return join_words(w, 0, w.size());
    case 1:  // boilerplate after it
      return text + " Copyright the outlet. All rights reserved. Subscribe to our newsletter.";
    case 2:  // a word in thirty changed
      for (std::size_t i = 0; i < w.size(); i += 30) w[i] = "edit" + letters(rng() % 1000);
      return join_words(w, 0, w.size());
    default: {
      std::string out;
      for (std::size_t i = 0; i < w.size(); ++i)
        out += (i == 0 ? "" : (i % 11 == 0 ? ",\n" : " ")) +
               (i % 7 == 0 ? "W" + w[i].substr(1) : w[i]);
      return out;
    }
  }
}

struct Archive {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::vector<std::string> texts;  // by docid - 1

  Xapian::docid add(const std::string& text) {
    morgue::Article a;
    a.id = "a" + std::to_string(texts.size() + 1);
    a.title = "headline " + std::to_string(texts.size());
    a.text = text;
    morgue::DocumentBuilder builder;
    Xapian::Document doc = builder.build(a);
    morgue::add_copy_values(&doc, text);
    texts.push_back(text);
    return db.add_document(doc);
  }

  std::string group(Xapian::docid did) { return db.get_document(did).get_value(morgue::kCopySlot); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(copies)

BOOST_AUTO_TEST_CASE(shingles_ignore_case_punctuation_and_line_breaks) {
  const auto a = shingles("The minister said on Tuesday that the plan would go ahead.");
  BOOST_TEST(a.size() == 7u);  // 11 words
  BOOST_TEST((a == shingles("the MINISTER said,\non Tuesday - that the plan\n\nwould go ahead")));
  BOOST_TEST((a == shingles("The minister said \xe2\x80\x9con Tuesday\xe2\x80\x9d that the plan "
                            "would go ahead\xe2\x80\xa6")));
  BOOST_TEST(a != shingles("The minister said on Wednesday that the plan would go ahead."));
  BOOST_TEST(shingles("three short words").size() == 1u);
  BOOST_TEST(shingles(" ,.; ").empty());
  BOOST_TEST(signature({}).empty());
}

BOOST_AUTO_TEST_CASE(texts_of_one_template_with_other_figures_or_names_are_no_copies) {
  const std::string fed =
      "The Federal Reserve entered the U.S. Government securities market to arrange 1.5 billion "
      "dlrs of customer repurchase agreements, a Fed spokesman said. Dealers said Federal funds "
      "were trading at 6-3/16 pct when the Fed began its temporary and indirect supply of "
      "reserves to the banking system.";
  std::string next_day = fed;
  next_day.replace(next_day.find("6-3/16"), 6, "6-1/4");
  const std::string a = morgue::copy_signature(fed), b = morgue::copy_signature(next_day);
  BOOST_TEST(estimated_jaccard(a, b) >= morgue::kCopyThreshold);  // alike in words
  BOOST_TEST(!morgue::marks_agree(a, b));
  // A copy trimmed after its first figure, or with a figure more in its boilerplate, agrees.
  const std::string trimmed = fed.substr(0, fed.find("Dealers"));
  BOOST_TEST(morgue::marks_agree(a, morgue::copy_signature(trimmed)));
  BOOST_TEST(morgue::marks_agree(a, morgue::copy_signature(fed + " Copyright 2026 Reuters.")));
  // One notice for two companies: the same figures, other names.
  const std::string chemical =
      "Chemical Bank said it is raising its prime lending rate to 8-1/4 pct from eight pct, "
      "effective immediately, following moves by other major banks.";
  std::string marine = chemical;
  marine.replace(0, 8, "Marine Midland");
  BOOST_TEST(
      !morgue::marks_agree(morgue::copy_signature(chemical), morgue::copy_signature(marine)));
  BOOST_TEST(morgue::marks_agree(morgue::copy_signature(chemical),
                                 morgue::copy_signature(chemical + " Reuter")));
  BOOST_TEST(morgue::marks_agree(morgue::copy_signature("no figures at all in this one"),
                                 morgue::copy_signature("nor in this one")));
}

BOOST_AUTO_TEST_CASE(jaccard_is_the_brute_force_count) {
  std::mt19937_64 rng(16);
  for (int i = 0; i < 500; ++i) {
    const std::string a = random_text(rng, 1 + rng() % 60, 8);
    const std::string b = rng() % 2 ? variant(rng, a) : random_text(rng, 1 + rng() % 60, 8);
    BOOST_TEST(std::abs(jaccard(shingles(a), shingles(b)) - brute_jaccard(a, b)) < 1e-12,
               "'" << a << "' vs '" << b << "'");
  }
}

BOOST_AUTO_TEST_CASE(estimates_stay_within_their_error_and_bands_find_copies) {
  std::mt19937_64 rng(1987);
  int outside = 0, clear_copies = 0, clear_found = 0, far = 0, far_found = 0;
  const int pairs = 3000;
  for (int i = 0; i < pairs; ++i) {
    const std::string a = random_text(rng, 50 + rng() % 300, 5000);
    std::vector<std::string> w = split_words(a);
    // b shares a random share of a's text (a prefix), then goes its own way.
    const std::size_t kept = w.size() * (rng() % 101) / 100;
    const std::string b =
        join_words(w, 0, kept) + " " + random_text(rng, w.size() - kept + rng() % 20, 5000);
    const auto sa = shingles(a), sb = shingles(b);
    const double j = jaccard(sa, sb);
    const std::string ga = signature(sa), gb = signature(sb);
    const double sigma = std::sqrt(std::max(j * (1 - j), 0.01) / morgue::kMinHashes);
    if (std::abs(estimated_jaccard(ga, gb) - j) > 4 * sigma) ++outside;
    if (j >= 0.7) ++clear_copies, clear_found += share_band(ga, gb);
    if (j <= 0.2) ++far, far_found += share_band(ga, gb);
  }
  BOOST_TEST_MESSAGE(outside << " beyond 4 sigma; " << clear_found << "/" << clear_copies
                             << " at J >= 0.7 share a band; " << far_found << "/" << far
                             << " at J <= 0.2");
  BOOST_TEST(outside <= pairs / 200);
  BOOST_TEST(clear_copies > 300);
  BOOST_TEST(clear_found >= clear_copies * 99 / 100);
  BOOST_TEST(far_found <= far / 10);
}

BOOST_AUTO_TEST_CASE(groups_hold_families_and_every_clear_copy) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    Archive archive;
    std::vector<int> family;  // by docid - 1
    std::vector<std::string> originals;
    for (int i = 0; i < 400; ++i) {
      if (originals.empty() || rng() % 3 == 0) {
        originals.push_back(random_text(rng, 40 + rng() % 400, 20000));
        family.push_back(static_cast<int>(originals.size()) - 1);
        archive.add(originals.back());
      } else {
        const std::size_t f = rng() % originals.size();
        family.push_back(static_cast<int>(f));
        archive.add(variant(rng, originals[f]));
      }
    }
    const std::size_t n = archive.texts.size();
    morgue::assign_copies(archive.db, {}, true);
    std::map<std::string, std::set<int>> families_of_group;
    for (Xapian::docid d = 1; d <= n; ++d) {
      const std::string g = archive.group(d);
      BOOST_TEST(g.size() == 16u);
      families_of_group[g].insert(family[d - 1]);
    }
    for (const auto& [g, f] : families_of_group)
      BOOST_TEST(f.size() == 1u, "group " << g << " holds " << f.size() << " families");
    // Every article with a clear copy before it (J >= 0.75) is in a group, with that copy.
    std::vector<std::vector<std::uint64_t>> sets;
    for (const std::string& t : archive.texts) sets.push_back(shingles(t));
    for (Xapian::docid x = 1; x <= n; ++x) {
      for (Xapian::docid c = 1; c < x; ++c) {
        if (jaccard(sets[x - 1], sets[c - 1]) < 0.75) continue;
        BOOST_TEST(archive.group(x) == archive.group(c), "seed " << seed << ": " << x << ", " << c);
        break;
      }
    }
    // A second pass over everything changes nothing.
    std::vector<std::string> before;
    for (Xapian::docid d = 1; d <= n; ++d) before.push_back(archive.group(d));
    morgue::assign_copies(archive.db, {}, true);
    for (Xapian::docid d = 1; d <= n; ++d) BOOST_TEST(archive.group(d) == before[d - 1]);

    // Built in two runs (the second writing only its own articles), the same groups.
    Archive twice;
    for (std::size_t i = 0; i < n / 2; ++i) twice.add(archive.texts[i]);
    morgue::assign_copies(twice.db, {}, true);
    std::vector<Xapian::docid> written;
    for (std::size_t i = n / 2; i < n; ++i) written.push_back(twice.add(archive.texts[i]));
    morgue::file_copies(twice.db, written);
    for (Xapian::docid d = 1; d <= n; ++d) BOOST_TEST(twice.group(d) == before[d - 1]);
  }
}

BOOST_AUTO_TEST_CASE(unfiled_articles_wait_for_the_next_run) {
  Archive archive;
  const std::string text =
      "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima";
  const Xapian::docid a = archive.add(text), b = archive.add(text);
  const std::string c_text = text + " mike";
  const Xapian::docid c = archive.add(c_text);       // a copy with another signature
  BOOST_TEST(archive.group(a) == archive.group(b));  // one signature: one group from the start
  BOOST_TEST(archive.group(c) != archive.group(a));
  archive.db.set_metadata(morgue::kUnfiledKey, morgue::encode_u32s(&c, 1));
  const morgue::CopyCounts counts = morgue::file_copies(archive.db, {});
  BOOST_TEST(counts.joined == 1u);
  BOOST_TEST(archive.group(c) == archive.group(a));
  BOOST_TEST(archive.db.get_metadata(morgue::kUnfiledKey).empty());
  const std::vector<Xapian::docid> ids{7, 1u << 31, 0xdeadbeef};
  BOOST_TEST(morgue::decode_u32s(morgue::encode_u32s(ids.data(), ids.size())) == ids);
}

// The passes' writes (set_slot) change one slot and keep everything else: over seeded random
// databases (values in the schema's slots and in declared fields', past slot 256 in one; some
// written since the last commit; more articles than one batch; Xapian committing on its own
// meanwhile; a database of two shards), every value, term and record against the test's own
// record of what it wrote.
BOOST_AUTO_TEST_CASE(setting_one_slot_keeps_every_other_value_term_and_record) {
  for (unsigned seed = 1; seed <= 8; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      std::mt19937 rng(seed);
      morgue::testing::TempDir t;
      // Seed 5: Xapian commits every 700 changes of its own accord, also within set_slot.
      if (seed == 5) ::setenv("XAPIAN_FLUSH_THRESHOLD", "700", 1);
      Xapian::WritableDatabase db;
      for (int shard = 0; shard < (seed == 7 ? 2 : 1); ++shard) {
        db.add_database(Xapian::WritableDatabase((t / std::to_string(shard)).string(),
                                                 Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS));
      }
      ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
      const int declared = seed == 4 ? 240 : static_cast<int>(rng() % 4);
      std::vector<morgue::DeclaredField> fields;
      for (int k = 0; k < declared; ++k)
        fields.push_back({"f" + std::to_string(k), morgue::FieldKind::kName});
      db.set_metadata(morgue::kFieldsKey, morgue::encode_declared_fields(fields));
      std::vector<Xapian::valueno> slots;
      for (Xapian::valueno s = 0; s <= morgue::kLangSlot; ++s) slots.push_back(s);
      for (int k = 0; k < declared; ++k) slots.push_back(morgue::kFirstDeclaredSlot + k);
      std::map<Xapian::docid, std::map<Xapian::valueno, std::string>> values;
      const Xapian::docid n = seed % 2 ? 5000 : 300;  // more than a batch of 4096, or less
      auto write = [&](Xapian::docid did) {
        Xapian::Document doc;
        doc.set_data("record " + std::to_string(did));
        doc.add_term("t" + std::to_string(did % 7));
        doc.add_boolean_term("Q" + std::to_string(did));
        values[did].clear();
        for (const Xapian::valueno s : slots) {
          if (rng() % 3 == 0) continue;  // no value there
          std::string v(1 + rng() % (s == morgue::kSignatureSlot ? 300 : 20), 'a');
          for (char& c : v) c = static_cast<char>(rng());
          doc.add_value(s, v);
          values[did][s] = v;
        }
        db.replace_document(did, doc);
      };
      for (Xapian::docid did = 1; did <= n; ++did) write(did);
      db.commit();
      for (Xapian::docid did = 1; did <= n; did += 1 + rng() % 5) write(did);  // not committed
      const Xapian::valueno slot = rng() % 2 ? morgue::kCopySlot : morgue::kStorySlot;
      std::vector<std::pair<Xapian::docid, std::string>> changes;
      for (Xapian::docid did = n; did >= 1; --did) {  // out of order
        if (rng() % 3 == 0) changes.emplace_back(did, "g" + std::to_string(rng() % 50));
      }
      for (const auto& [did, v] : changes) values[did][slot] = v;
      morgue::set_slot(db, slot, changes);
      db.commit();
      for (Xapian::docid did = 1; did <= n; ++did) {
        const Xapian::Document doc = db.get_document(did);
        std::map<Xapian::valueno, std::string> got;
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) got[v.get_valueno()] = *v;
        BOOST_TEST_CONTEXT("article " << did) {
          BOOST_TEST((got == values[did]));
          BOOST_TEST(doc.get_data() == "record " + std::to_string(did));
          BOOST_TEST(doc.termlist_count() == 2u);
          BOOST_TEST(db.term_exists("Q" + std::to_string(did)));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
