//===- ConstantEvaluation.h - Compile-time values of masks -*- C++ -*-===//
//
// Exporters build attention masks and sink columns from constants with
// ConstantOfShape, Range, comparisons, Trilu, Where, Unsqueeze, Expand and
// Slice. The onnx folders stop at 1024 elements for tensor ops (a 33 x 33 mask
// is already larger) and Trilu has none, so such a subgraph survives import.
// Raising only needs to read its values once: this evaluator computes them
// without changing the IR.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTEVALUATION_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTEVALUATION_H

#include "mlir/IR/Value.h"

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

/// Evaluates `value` when it is computed from constants by the ops listed in
/// ConstantEvaluation.cpp, within a bounded number of elements. Fails,
/// setting `reason`, otherwise.
FailureOr<ConstantTensor> evaluateConstantTensor(Value value,
                                                 std::string &reason);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTEVALUATION_H
