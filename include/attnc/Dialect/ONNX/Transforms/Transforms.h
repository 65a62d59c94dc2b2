//===- Transforms.h - onnx dialect transformations --------------*- C++ -*-===//

#ifndef ATTNC_DIALECT_ONNX_TRANSFORMS_TRANSFORMS_H
#define ATTNC_DIALECT_ONNX_TRANSFORMS_TRANSFORMS_H

#include <cstdint>

namespace mlir {
class Operation;
} // namespace mlir

namespace mlir::onnx {

/// In every block nested under `root`, replaces each onnx.Constant by the
/// first earlier onnx.Constant of the block with the same type and the same
/// element values (dense and dense_resource compared by bytes, anything else
/// by attribute identity), and erases it. Returns how many were erased.
int64_t mergeIdenticalConstants(Operation *root);

} // namespace mlir::onnx

#endif // ATTNC_DIALECT_ONNX_TRANSFORMS_TRANSFORMS_H
