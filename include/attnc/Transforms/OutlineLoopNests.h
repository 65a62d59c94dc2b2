//===- OutlineLoopNests.h - One function per top-level loop nest -*- C++ -*-===//

#ifndef ATTNC_TRANSFORMS_OUTLINELOOPNESTS_H
#define ATTNC_TRANSFORMS_OUTLINELOOPNESTS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/SymbolTable.h"

namespace attnc {

/// Moves every scf.for, scf.while and scf.parallel directly in `func`'s body
/// into a new private, non-inlinable function of `symbols`' module and calls
/// it (see the `outline-loop-nests` pass). Returns how many loops moved.
unsigned outlineTopLevelLoopNests(mlir::func::FuncOp func,
                                  mlir::SymbolTable &symbols);

} // namespace attnc

#endif // ATTNC_TRANSFORMS_OUTLINELOOPNESTS_H
