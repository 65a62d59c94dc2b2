//===- SinkColumn.h - Attention sinks as an extra score column --*- C++ -*-===//
//
// gpt-oss (and HF's eager gpt-oss) write attention sinks as one more column
// of the scores: `Concat(scores, sinks[h] broadcast to B x Hq x Sq x 1)` on
// the key axis, a Softmax over Skv + 1 keys, and a Slice that drops the
// column from the probabilities. That is exactly attn.attention's `sinks`:
// exp(sinks[h]) joins each row's denominator and weighs no value.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_SINKCOLUMN_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_SINKCOLUMN_H

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <optional>
#include <string>

namespace mlir::attn {

/// Which end of the key axis holds the sink column.
enum class ColumnSide { First, Last };

/// The side of the one column that `slice` removes from the last axis (all
/// other dims kept, step 1); nullopt for any other Slice.
std::optional<ColumnSide> matchDroppedColumn(onnx::SliceOp slice);

/// The sink logits, one per query head, of a column `B x Hq x Sq x 1`.
struct SinkLogits {
  /// Hq constants, when the column is a compile-time constant (the usual
  /// case: the sinks are an initializer).
  DenseElementsAttr values;
  /// Otherwise a tensor of Hq elements, broadcast to the column by Expands.
  Value source;
};

/// Reads the column; fails, setting `reason`, when it differs along the
/// batch or row dims or is not one logit per head.
FailureOr<SinkLogits> readSinkColumn(Value column, std::string &reason);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_SINKCOLUMN_H
