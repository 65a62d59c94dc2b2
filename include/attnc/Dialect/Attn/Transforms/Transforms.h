//===- Transforms.h - attn dialect rewrite patterns -------------*- C++ -*-===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H

#include <optional>
#include <string>

namespace mlir {
class Operation;
class RewritePatternSet;
} // namespace mlir

namespace mlir::attn {

/// Patterns that replace decomposed attention in the onnx dialect
/// (MatMul, scale, softcap, mask, Softmax, MatMul) by one attn.attention.
void populateAttentionRaisingPatterns(RewritePatternSet &patterns);

/// Why the decomposed attention around `softmax` (an onnx.Softmax) cannot be
/// raised, or nullopt when it can. For diagnostics of near-misses.
std::optional<std::string> explainUnraisedAttention(Operation *softmax);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H
