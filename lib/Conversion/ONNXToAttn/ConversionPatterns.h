//===- ConversionPatterns.h - Pattern groups of ONNXToAttn ------*- C++ -*-===//
//
// Private to lib/Conversion/ONNXToAttn: one populate function per source file,
// and the support checks the pass uses to explain ops it could not convert.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ONNXTOATTN_CONVERSIONPATTERNS_H
#define ATTNC_LIB_CONVERSION_ONNXTOATTN_CONVERSIONPATTERNS_H

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/PatternMatch.h"

#include <string>

namespace attnc::onnx_to_attn {

void populateAttentionToAttnPatterns(mlir::RewritePatternSet &patterns);
void populateRotaryToAttnPatterns(mlir::RewritePatternSet &patterns);
void populateContribAttentionToAttnPatterns(mlir::RewritePatternSet &patterns);

/// Why an op cannot be converted (sets `reason`), or success. The patterns
/// and the pass's final error share these checks.
mlir::LogicalResult checkAttentionSupported(mlir::onnx::AttentionOp op,
                                            std::string &reason);
mlir::LogicalResult
checkGroupQueryAttentionSupported(mlir::onnx::MSGroupQueryAttentionOp op,
                                  std::string &reason);
mlir::LogicalResult
checkMultiHeadAttentionSupported(mlir::onnx::MSMultiHeadAttentionOp op,
                                 std::string &reason);
mlir::LogicalResult checkRotarySupported(mlir::Operation *op,
                                         std::string &reason);

} // namespace attnc::onnx_to_attn

#endif // ATTNC_LIB_CONVERSION_ONNXTOATTN_CONVERSIONPATTERNS_H
