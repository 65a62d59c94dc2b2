//===- ConstantEvaluation.h - Compile-time values of masks -*- C++ -*-===//
//
// Exporters build attention masks and sink columns from constants with
// ConstantOfShape, Range, comparisons, Trilu, Where, Unsqueeze, Expand and
// Slice. The onnx folders stop at 1024 elements for tensor ops (a 33 x 33 mask
// is already larger) and Trilu has none, so such a subgraph survives import.
// Raising only needs to read its values once: this evaluator computes them
// without changing the IR.
//
// Evaluation works on windows (ranges of a value's row-major elements) and
// asks each operand only for the range the window reads, so a mask far above
// the element bound can still be read block by block (forEachConstantBlock).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTEVALUATION_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTEVALUATION_H

#include "mlir/IR/Value.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace mlir::attn {

/// A tensor known at compile time. Values are kept as doubles, which hold
/// every value such subgraphs produce exactly: floats are rounded to
/// `elementType` after each op (so f32 overflow to -inf happens as in the
/// graph), integers stay below 2^53, i1 is 0 or 1.
struct ConstantTensor {
  SmallVector<int64_t> shape;
  Type elementType;
  /// Row-major.
  std::vector<double> values;

  int64_t getNumElements() const { return values.size(); }
};

/// The most elements evaluation holds for one value at a time: enough for a
/// 1024 x 1024 mask; bounds compile time and memory.
constexpr int64_t kMaxEvaluatedElements = int64_t(1) << 20;

/// Evaluates `value` when it is computed from constants by the ops listed in
/// ConstantEvaluation.cpp, within kMaxEvaluatedElements per value. Fails,
/// setting `reason`, otherwise.
FailureOr<ConstantTensor> evaluateConstantTensor(Value value,
                                                 std::string &reason);

/// Evaluates `value` (static shape, any size) in consecutive blocks of whole
/// rows (row: the elements of the last dim) of at most kMaxEvaluatedElements
/// each, calling `visit(firstRow, values)` with each block's row-major values
/// in order; stops at the first failure of `visit`. Memory stays bounded by
/// the block size, however large `value` is. Fails, setting `reason`, where
/// evaluateConstantTensor would, or when a block reads an operand range above
/// the bound (e.g. through a Transpose of the rows).
LogicalResult forEachConstantBlock(
    Value value,
    function_ref<LogicalResult(int64_t firstRow, ArrayRef<double> values)>
        visit,
    std::string &reason);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTEVALUATION_H
