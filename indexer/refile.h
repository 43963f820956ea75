// Filing an archive's names again when its codebook changes (common/codebook.h): every article's
// names are resolved anew from its stored record, and the articles whose name terms change are
// rewritten in place. Nothing is read or extracted again, and nothing else of an article changes
// (its text, ranking, copy group and story stay as they are).
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <functional>

#include "common/codebook.h"
#include "common/places.h"

namespace morgue {

struct Refiled {
  std::size_t read = 0;       // articles looked at
  std::size_t rewritten = 0;  // of them, those whose names are filed otherwise now
};

// Files the names of every article of `db` by `places` and `codebook`, committing every
// `commit_every` rewritten articles; stops early (uncommitted work stays for the caller's
// commit) when `interrupted` is set. `progress` is called after each article.
Refiled refile_names(Xapian::WritableDatabase& db, const PlaceTable& places,
                     const Codebook& codebook, std::size_t commit_every,
                     const std::atomic<bool>& interrupted, const std::function<void()>& progress);

}  // namespace morgue
