//===- AttentionMatch.h - Decomposed attention in the onnx dialect -*- C++
//-*-===//
//
// The analysis half of attention raising: finds the pieces of
// `MatMul(Softmax(sinks(mask(softcap(scale * MatMul(Q, K^T))))), V)` as
// exporters write it, without changing the IR, so that the rewrite pattern
// and the near-miss remarks share one matcher.
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
  /// Per-query-head sink logits (a column joined to the scores and sliced
  /// off the probabilities): Hq constants, or a tensor of Hq elements that
  /// the rewrite reshapes to Hq. Both null without sinks.
  DenseElementsAttr sinkValues;
  Value sinkSource;
  /// Set when K/V keep heads the graph repeated: in an order attn's GQA does
  /// not read (h % Hkv), in a way not proven to be a repetition, or on one
  /// of them only. The block is raised as multi-head attention over the
  /// repeated heads (exact), and this says why, for remarks.
  std::string keptRepetition;
  /// The op of the block nearest the MatMul with V whose result is also read
  /// outside the block (e.g. the scores as a graph output): it and the ops
  /// it reads stay for those readers. Null when nothing outside reads them.
  Operation *sharedOp = nullptr;
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
