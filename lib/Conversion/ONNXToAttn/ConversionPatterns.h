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
void populateLinearAttentionToAttnPatterns(mlir::RewritePatternSet &patterns);

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
mlir::LogicalResult
checkLinearAttentionSupported(mlir::onnx::LinearAttentionOp op,
                              std::string &reason);

/// What ONNX Attention's qk_matmul_output is computed from, in the per-head
/// layout of attn.attention (past keys already concatenated).
struct QKMatmulOutputSpec {
  mlir::Value query;     ///< B x Hq x Sq x D
  mlir::Value key;       ///< B x Hkv x T x D, Hq a multiple of Hkv
  mlir::Value mask;      ///< Optional; i1 or additive float, T keys wide.
  mlir::Value kvLengths; ///< Optional (B) nonpad_kv_seqlen.
  double scale = 1.0;
  double softcap = 0.0; ///< 0 means no softcap.
  /// Causal: query row i sits at key position i + kvLengths[b] - Sq with
  /// kvLengths, i + P with a past of P keys, i otherwise (ONNX's rule).
  bool causal = false;
  mlir::Value pastKey; ///< Optional B x Hkv x P x D.
  int64_t mode = 0;         ///< ONNX qk_matmul_output_mode, 0 to 3.
};

/// Builds qk_matmul_output (B x Hq x Sq x T of `element` type) with linalg;
/// fails when the head counts are dynamic or not multiples, or the mode is
/// unknown (checkAttentionSupported rejects those first).
mlir::FailureOr<mlir::Value>
buildQKMatmulOutput(mlir::OpBuilder &builder, mlir::Location loc,
                    const QKMatmulOutputSpec &spec, mlir::Type element);

} // namespace attnc::onnx_to_attn

#endif // ATTNC_LIB_CONVERSION_ONNXTOATTN_CONVERSIONPATTERNS_H
