//===- ShapeChecks.h - Shape helpers shared by attn verifiers ---*- C++ -*-===//
//
// Private to the attn dialect library. Dynamic dims (`?`) are compatible with
// anything: the verifiers reject only what is wrong for every runtime shape.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECTS_ATTN_IR_SHAPECHECKS_H
#define ATTNC_DIALECTS_ATTN_IR_SHAPECHECKS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace mlir::attn::detail {

/// True when two dims can be equal at run time.
bool dimsCompatible(int64_t a, int64_t b);

/// Renders a shape as "[1, 8, ?, 64]".
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Checks that `type` has exactly `expected` (entries may be dynamic); on
/// mismatch emits "expects <what> of shape [<names>] = [expected], but got ...".
LogicalResult checkShape(Operation *op, llvm::StringRef what, Type type,
                         llvm::ArrayRef<int64_t> expected,
                         llvm::StringRef names);

/// Checks that two dims agree; emits "expects <what> to match, but got a and b".
LogicalResult checkSameDim(Operation *op, llvm::StringRef what, int64_t a,
                           int64_t b);

/// Checks that an optional F64 attribute is positive and finite.
LogicalResult checkPositive(Operation *op, llvm::StringRef name,
                            std::optional<llvm::APFloat> value);

/// Checks the GQA rule: the query heads split into whole groups.
LogicalResult checkHeadGroups(Operation *op, int64_t queryHeads,
                              int64_t kvHeads);

} // namespace mlir::attn::detail

#endif // ATTNC_DIALECTS_ATTN_IR_SHAPECHECKS_H
