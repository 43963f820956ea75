// The seam where metadata extraction plugs in: the indexer hands every article to an Extractor,
// which fills in what the source did not give (date, outlet, people, places, organizations) and
// never overwrites what it did.
#pragma once

#include <memory>
#include <string>

#include "common/article.h"

namespace morgue {

class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual void complete(Article& article) const = 0;
  // Names what complete() does (the code and model): the indexer extracts an article whose input
  // has not changed again only when this differs from the version that extracted it.
  virtual std::string version() const = 0;
};

// The extractor the indexer uses unless told otherwise (--no-extract gives none).
std::unique_ptr<Extractor> make_default_extractor();

}  // namespace morgue
