//===- AttentionMatch.h - Decomposed attention in the onnx dialect -*- C++
//-*-===//
//
// The analysis half of attention raising: finds the pieces of
// `MatMul(Softmax(mask(softcap(scale * MatMul(Q, K^T)))), V)` as exporters
// write it, without changing the IR, so that the rewrite pattern and the
// near-miss remarks share one matcher.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_ATTENTIONMATCH_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_ATTENTIONMATCH_H

#include "ConstantMask.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include <string>

namespace mlir::attn {

/// Everything needed to build the attn.attention that replaces a block.
struct AttentionMatch {
  /// B x Hq x Sq x D.
  Value query;
  /// The key, B x Hkv x Skv x D, once transposed by `keyPermutation` when
  /// that is set (the graph only had a transposed or permuted key).
  Value keySource;
  SmallVector<int64_t, 4> keyPermutation;
  /// B x Hkv x Skv x Dv.
  Value value;
  /// The product of every scaling constant.
  double scale = 1.0;
  std::optional<double> softcap;
  /// An additive mask kept as a tensor, or null.
  Value mask;
  /// What a recognised constant mask turned into.
  MaskAttributes maskAttributes;
  /// The f32 type when the graph casts f16/bf16 scores to f32 for the
  /// Softmax; null otherwise.
  FloatType softmaxPrecision;
};

/// Whether `value` has exactly one use that reads its elements.
bool hasSingleDataUse(Value value);

/// Matches the attention block whose last op is `output` (the MatMul of the
/// probabilities with V). Fails with a `reason` naming the condition that
/// does not hold.
FailureOr<AttentionMatch> matchDecomposedAttention(onnx::MatMulOp output,
                                                   std::string &reason);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_ATTENTIONMATCH_H
