//===- InterchangeReductionLoops.h - Reductions outside the last dim -*- C++ -*-===//

#ifndef ATTNC_TRANSFORMS_INTERCHANGEREDUCTIONLOOPS_H
#define ATTNC_TRANSFORMS_INTERCHANGEREDUCTIONLOOPS_H

#include "mlir/IR/PatternMatch.h"

namespace attnc {

/// Linalg ops whose output's innermost dim is followed by reduction dims get
/// those reductions moved outward when an input streams along that dim (see
/// the `interchange-reduction-loops` pass). Results are bit-identical.
void populateInterchangeReductionLoopsPatterns(
    mlir::RewritePatternSet &patterns);

} // namespace attnc

#endif // ATTNC_TRANSFORMS_INTERCHANGEREDUCTIONLOOPS_H
