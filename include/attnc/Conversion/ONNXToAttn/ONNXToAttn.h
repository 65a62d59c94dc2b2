//===- ONNXToAttn.h - Fused ONNX attention ops to attn ----------*- C++ -*-===//

#ifndef ATTNC_CONVERSION_ONNXTOATTN_ONNXTOATTN_H
#define ATTNC_CONVERSION_ONNXTOATTN_ONNXTOATTN_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace attnc {

/// ONNX Attention / RotaryEmbedding and the com.microsoft attention ops to
/// attn.attention / attn.rope plus tensor glue.
void populateONNXToAttnPatterns(mlir::RewritePatternSet &patterns);

} // namespace attnc

#endif // ATTNC_CONVERSION_ONNXTOATTN_ONNXTOATTN_H
