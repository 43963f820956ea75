// Places named in other languages than English: gettext catalogs read byte by byte, and the
// installed translations (ICU, iso-codes, libgeonames) found in running text of each language,
// inflected, with the words that only look like a place's name left alone.
#include "extract/native_places.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "temp_dir.h"

using morgue::ner::Gazetteer;
using morgue::ner::NativePlaces;
using Strings = std::vector<std::string>;

namespace {

void put_u32(std::string* out, std::uint32_t v, bool big_endian) {
  for (int i = 0; i < 4; ++i) {
    const int shift = big_endian ? 24 - 8 * i : 8 * i;
    out->push_back(static_cast<char>((v >> shift) & 0xFF));
  }
}

// A catalog as msgfmt writes one: magic, revision, count, the offsets of the two tables (of
// length and offset pairs), an empty hash table, then the strings, each followed by a NUL.
std::string catalog(const std::vector<std::pair<std::string, std::string>>& messages,
                    bool big_endian) {
  const auto n = static_cast<std::uint32_t>(messages.size());
  const std::uint32_t ids = 28, translations = ids + 8 * n;
  std::string head, strings;
  put_u32(&head, 0x950412de, big_endian);
  for (std::uint32_t v : {0u, n, ids, translations, 0u, translations + 8 * n})
    put_u32(&head, v, big_endian);
  std::string tables;
  const std::uint32_t base = translations + 8 * n;
  for (int side = 0; side < 2; ++side) {
    for (const auto& [id, text] : messages) {
      const std::string& s = side == 0 ? id : text;
      put_u32(&tables, static_cast<std::uint32_t>(s.size()), big_endian);
      put_u32(&tables, static_cast<std::uint32_t>(base + strings.size()), big_endian);
      strings += s;
      strings += '\0';
    }
  }
  return head + tables + strings;
}

// The installed data, as the extractor loads it (one gazetteer for the suite: it is big).
struct Installed {
  morgue::ExtractionData data = morgue::default_extraction_data();
  Gazetteer gazetteer = Gazetteer::load(data.iso_codes_folder, data.word_list, data.census_names);
  NativePlaces places{data.locale_folder, data.iso_codes_folder, gazetteer};
};
const Installed& installed() {
  static const Installed data;
  return data;
}

Strings find(const std::string& text, const std::string& lang) {
  return installed().places.find(text, lang);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(native_places)

BOOST_AUTO_TEST_CASE(catalogs_are_read_in_either_byte_order) {
  morgue::testing::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> messages = {
      {"", "Content-Type: text/plain; charset=UTF-8\n"},  // the header: left out
      {"Germany", "Deutschland"},
      {"524901", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},        // Москва
      {std::string("file\0files", 10), std::string("Datei\0Dateien", 13)}};  // a plural
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Germany", "Deutschland"},
      {"524901", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
      {"file", "Datei"}};
  for (bool big_endian : {false, true}) {
    const std::string path = dir.write("test.mo", catalog(messages, big_endian));
    BOOST_TEST((morgue::ner::read_catalog(path) == expected), "big endian: " << big_endian);
  }
}

BOOST_AUTO_TEST_CASE(a_damaged_or_missing_catalog_gives_nothing) {
  morgue::testing::TempDir dir;
  const std::string whole = catalog({{"Germany", "Deutschland"}}, false);
  BOOST_TEST(morgue::ner::read_catalog(dir.write("cut.mo", whole.substr(0, whole.size() - 8)))
                 .empty());  // its strings run past the end
  BOOST_TEST(
      morgue::ner::read_catalog(dir.write("text.mo", "msgid \"a\"\nmsgstr \"b\"\n")).empty());
  BOOST_TEST(morgue::ner::read_catalog((dir / "missing.mo").string()).empty());
}

BOOST_AUTO_TEST_CASE(places_in_running_text_of_each_language) {
  // German: a genitive, a city by its German name, and the country in a compound's stem.
  BOOST_TEST(find("Die Regierung in Berlin hat Vertreter aus Frankreich empfangen. Deutschlands "
                  "Exporte nach China stiegen; das n\xC3\xA4"
                  "chste Treffen ist in M\xC3\xBCnchen.",
                  "de") == (Strings{"Berlin", "France", "Germany", "China", "Munich"}));
  // Russian: locative and genitive endings ("в Москве", "Германии").
  BOOST_TEST(
      find("\xD0\x92\xD0\xBE \xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA "
           "\xD0\xB2 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5 "
           "\xD0\xBF\xD1\x80\xD0\xBE\xD1\x88\xD0\xBB\xD0\xB8 "
           "\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80\xD1\x8B "
           "\xD1\x81 \xD0\x93\xD0\xB5\xD1\x80\xD0\xBC\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB5\xD0\xB9.",
           "ru") == (Strings{"Moscow", "Germany"}));
  // French and Spanish: names of several words, each under its English name.
  BOOST_TEST(find("Les ministres se sont r\xC3\xA9unis \xC3\xA0 Londres avec des repr\xC3\xA9"
                  "sentants des \xC3\x89tats-Unis.",
                  "fr") == (Strings{"London", "United States"}));
  BOOST_TEST(find("La pr\xC3\xB3xima reuni\xC3\xB3n ser\xC3\xA1 en Nueva York.", "es") ==
             (Strings{"New York"}));
  // Arabic, without capitals: Cairo and Egypt ("في القاهرة", "مصر").
  BOOST_TEST(
      find("\xD8\xB9\xD9\x82\xD8\xAF \xD9\x88\xD8\xB2\xD8\xB1\xD8\xA7\xD8\xA1 \xD9\x85\xD9\x86 "
           "\xD9\x85\xD8\xB5\xD8\xB1 \xD9\x85\xD8\xAD\xD8\xA7\xD8\xAF\xD8\xAB\xD8\xA7\xD8\xAA "
           "\xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9.",
           "ar") == (Strings{"Egypt", "Cairo"}));
  // Chinese, without spaces: the longest name at each place ("刚果民主共和国", not "刚果").
  BOOST_TEST(
      find("\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x92\x8C\xE5\xBE\xB7\xE5\x9B\xBD\xE7\x9A\x84\xE4\xBB"
           "\xA3\xE8\xA1\xA8\xE5\x9C\xA8\xE5\x8C\x97\xE4\xBA\xAC\xE4\xB8\xBE\xE8\xA1\x8C\xE4"
           "\xBC\x9A\xE8\xB0\x88\xE3\x80\x82\xE5\x88\x9A\xE6\x9E\x9C\xE6\xB0\x91\xE4\xB8\xBB"
           "\xE5\x85\xB1\xE5\x92\x8C\xE5\x9B\xBD\xE4\xB9\x9F\xE6\x9D\xA5\xE4\xBA\x86\xE3\x80\x82",
           "zh") == (Strings{"China", "Germany", "Beijing", "Democratic Republic of the Congo"}));
}

BOOST_AUTO_TEST_CASE(words_that_only_look_like_places_are_left_alone) {
  // German nouns have capitals: a city's name after an article is a noun ("das Essen").
  BOOST_TEST(find("Nach der Sitzung war das Essen kalt.", "de").empty());
  BOOST_TEST(find("Die Messe findet in Essen statt.", "de") == (Strings{"Essen"}));
  // A short stem is compared as written: Danish "Brug" (use) is not Brugge, Russian "Данные"
  // (data) is not "Дания" (Denmark), Turkish "Bu" (this) is not Bhutan.
  BOOST_TEST(find("Filen bruges ikke. Brug kommandoerne i filen.", "da").empty());
  BOOST_TEST(
      find("\xD0\x94\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB5 \xD1\x81\xD0\xBE\xD1\x85\xD1\x80"
           "\xD0\xB0\xD0\xBD\xD0\xB5\xD0\xBD\xD1\x8B.",
           "ru")
          .empty());
  BOOST_TEST(find("Bu se\xC3\xA7"
                  "enekler kapat\xC4\xB1l\xC4\xB1r.",
                  "tr")
                 .empty());
  // Capitals of a code or an acronym are no inflected name ("NAME" is not Namen, Namur).
  BOOST_TEST(find("De variabele NAME_REGEX toetst de namen. De NAME variabele.", "nl").empty());
  BOOST_TEST(find("Il server ascolta sulla PORTA indicata.", "it").empty());  // not Porto
  BOOST_TEST(find("La nave arriva a Porto domani.", "it") == (Strings{"Porto"}));
  // A function word of the language is no place ("Como").
  BOOST_TEST(find("Como dijo el ministro, no hay acuerdo.", "es").empty());
  // Katakana names are whole words: "タイ" (Thailand) in "タイプ" (type) is not.
  BOOST_TEST(find("\xE3\x82\xBF\xE3\x82\xA4\xE3\x83\x97\xE3\x82\x92\xE6\x8C\x87\xE5\xAE\x9A", "ja")
                 .empty());
  BOOST_TEST(find("\xE3\x82\xBF\xE3\x82\xA4\xE3\x81\xAE\xE9\xA6\x96\xE7\x9B\xB8", "ja") ==
             (Strings{"Thailand"}));
}

BOOST_AUTO_TEST_CASE(arabic_words_are_read_without_what_is_written_onto_them) {
  const std::string the_new =
                        "\xD8\xA7\xD9\x84\xD8\xAC\xD8\xAF\xD9\x8A\xD8\xAF\xD8\xA9",  // الجديدة
      schools = "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD8\xA7\xD8\xB1\xD8\xB3",  // المدارس
      in = "\xD9\x81\xD9\x8A",                                               // في
      and_france = "\xD9\x88\xD9\x81\xD8\xB1\xD9\x86\xD8\xB3\xD8\xA7",       // وفرنسا
      in_cairo = "\xD8\xA8\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9";  // بالقاهرة
  // "The new schools": El Jadida ("the new") is a city only where a preposition puts something in
  // it.
  BOOST_TEST(find(schools + " " + the_new + ".", "ar").empty());
  BOOST_TEST(find(in + " " + the_new + ".", "ar") == (Strings{"El Jadida"}));
  // "And France", "in Cairo": the conjunction and the preposition are read apart.
  BOOST_TEST(find(and_france + " " + in_cairo, "ar") == (Strings{"France", "Cairo"}));
}

BOOST_AUTO_TEST_CASE(a_city_opening_a_sentence_needs_another_mention) {
  // Where every word has a capital, a city named by one word there may be any word; a country is
  // named often enough that way to count.
  BOOST_TEST(find("Essen gibt es dort.", "de").empty());
  BOOST_TEST(find("Essen hat gew\xC3\xA4hlt. Die Wahl in Essen war knapp.", "de") ==
             (Strings{"Essen"}));
  BOOST_TEST(find("Frankreich hat gew\xC3\xA4hlt.", "de") == (Strings{"France"}));
}

BOOST_AUTO_TEST_CASE(every_language_with_a_stemmer_has_a_table) {
  // ICU names the countries in each; the catalogs add the cities where they have translations.
  for (const char* lang : {"da", "de", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "ru",
                           "sv", "tr", "ar", "el", "zh", "ja"}) {
    BOOST_TEST(installed().places.names(lang) > 150u, lang);
  }
}

BOOST_AUTO_TEST_SUITE_END()
