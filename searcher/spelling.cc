// Corrected queries from the database's spelling data.
#include "searcher/spelling.h"

#include "searcher/query.h"

namespace morgue {

std::optional<std::string> corrected_query(const std::string& text, const Xapian::Database& db,
                                           const Xapian::Stem& stemmer, bool lenient) {
  std::string out;
  std::size_t copied = 0;  // bytes of `text` in `out` so far
  bool changed = false;
  for (const QueryWord& w : plain_words(text, lenient)) {
    const std::string lower = Xapian::Unicode::tolower(w.text);
    if (db.term_exists(stemmer(lower))) continue;
    std::string suggestion;
    try {
      suggestion = db.get_spelling_suggestion(lower);
    } catch (const Xapian::UnimplementedError&) {
      return std::nullopt;  // a remote shard keeps its spelling data to itself
    }
    if (suggestion.empty() || suggestion == lower) continue;
    out.append(text, copied, w.at - copied);
    out += suggestion;
    copied = w.at + w.text.size();
    changed = true;
  }
  if (!changed) return std::nullopt;
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace morgue
