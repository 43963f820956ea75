// The default extractor. Extraction from raw text is not built yet (issue 3): until it is, the
// default extractor leaves articles as their sources gave them.
#include "common/extract.h"

namespace morgue {
namespace {

class SourceOnly : public Extractor {
 public:
  void complete(Article&) const override {}
};

}  // namespace

std::unique_ptr<Extractor> make_default_extractor() { return std::make_unique<SourceOnly>(); }

}  // namespace morgue
