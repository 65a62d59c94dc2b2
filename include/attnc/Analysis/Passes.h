//===- Passes.h - attnc analyses as passes ----------------------*- C++ -*-===//

#ifndef ATTNC_ANALYSIS_PASSES_H
#define ATTNC_ANALYSIS_PASSES_H

#include "attnc/Analysis/AttentionReport.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace attnc {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "attnc/Analysis/Passes.h.inc"

} // namespace attnc

#endif // ATTNC_ANALYSIS_PASSES_H
