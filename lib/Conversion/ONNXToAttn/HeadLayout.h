//===- HeadLayout.h - Moving between packed and per-head layouts -*- C++ -*-===//
//
// Private to lib/Conversion/ONNXToAttn. ONNX and onnxruntime pass attention
// operands either per head (B, H, S, D) or packed (B, S, H * D); the attn
// dialect always takes the former.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ONNXTOATTN_HEADLAYOUT_H
#define ATTNC_LIB_CONVERSION_ONNXTOATTN_HEADLAYOUT_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace attnc::onnx_to_attn {

/// (B, S, H * D) -> (B, H, S, D). The head dim must be static.
mlir::Value splitHeads(mlir::OpBuilder &builder, mlir::Location loc,
                       mlir::Value packed, int64_t heads);

/// (B, H, S, D) -> (B, S, H * D).
mlir::Value mergeHeads(mlir::OpBuilder &builder, mlir::Location loc,
                       mlir::Value perHead);

/// Appends new keys (or values) to a past along the sequence (dim 2): one
/// attn.kv_cache_append. Both are B x H x T x D.
mlir::Value concatSequence(mlir::OpBuilder &builder, mlir::Location loc,
                           mlir::Value past, mlir::Value current);

/// A value for a result nobody reads (ONNX optional outputs).
mlir::Value unusedResult(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::Type type);

/// The float type of an ONNX TensorProto.DataType code, or null.
mlir::FloatType floatTypeOfONNXCode(mlir::MLIRContext *context, int64_t code);

} // namespace attnc::onnx_to_attn

#endif // ATTNC_LIB_CONVERSION_ONNXTOATTN_HEADLAYOUT_H
