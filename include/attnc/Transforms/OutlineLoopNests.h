//===- OutlineLoopNests.h - One function per top-level loop nest -*- C++ -*-===//

#ifndef ATTNC_TRANSFORMS_OUTLINELOOPNESTS_H
#define ATTNC_TRANSFORMS_OUTLINELOOPNESTS_H

#include "mlir/IR/BuiltinOps.h"

namespace attnc {

struct OutlineLoopNestsResult {
  unsigned loops = 0;     ///< Loop nests moved out of their function.
  unsigned functions = 0; ///< Functions created for them (equal nests share).
};

/// Moves every scf.for, scf.while and scf.parallel directly in the body of a
/// function of `module` into a private, non-inlinable function and calls it;
/// structurally equal nests (e.g. the same layer with other weights) call one
/// function. See the `outline-loop-nests` pass.
OutlineLoopNestsResult outlineLoopNests(mlir::ModuleOp module);

} // namespace attnc

#endif // ATTNC_TRANSFORMS_OUTLINELOOPNESTS_H
