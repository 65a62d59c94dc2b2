//===- Passes.h - attnc code-generation transforms --------------*- C++ -*-===//
//
// Transforms of the code-generation pipelines that belong to no dialect of
// attnc: they work on upstream IR (func, scf, memref).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_TRANSFORMS_PASSES_H
#define ATTNC_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace attnc {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "attnc/Transforms/Passes.h.inc"

} // namespace attnc

#endif // ATTNC_TRANSFORMS_PASSES_H
