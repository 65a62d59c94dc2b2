//===- RaiseSparseAttention.cpp - DSA mask form to attn.sparse_attention --===//
//
// DeepSeek sparse attention has no ONNX op; exporters spell it in the "mask
// form" (docs/AttentionRaising.md, DSA):
//
//   I  = ReduceSum(Mul(Relu(MatMul(qI, kI^T)), w), axes = [1], keepdims = 0)
//   Ic = Add(I, C)                         C: a constant causal mask
//   _, idx = TopK(Ic, K, axis = -1)        largest
//   M  = Unsqueeze(ScatterElements(-inf, idx, 0, axis = -1), axes = [1])
//   attention(q, k, v, mask = Add(M, C'))  C': a constant causal mask
//
// with qI : B x HI x S x DI, kI^T : B x 1 x DI x T and w : B x HI x S x 1.
// After attn-raise-attention the last line is an attn.attention whose mask
// operand is `Add(M, C')`. The pattern replaces it by
// attn.lightning_indexer {causal} -> attn.topk -> attn.sparse_attention.
//
// Why this is exact: TopK of ONNX returns K keys even when a row has fewer
// than K visible ones, filling up with masked keys; the main attention's
// causal mask C' hides those again. attn.topk instead skips non-finite
// scores (-1 entries), so both sides attend to the same set: the finite
// top-K keys of the causal indexer row (ties to the lowest index in both).
// That needs C and C' to be the same plain causal mask; a finite "lowest"
// fill in C is fine since C' hides what it lets TopK pick. Only that needs
// the masks' values, so a mask above the evaluator's bound (S > 1024) is
// compared with the causal pattern block of rows by block of rows.
//
// The indexer, TopK and scatter are matched by SparseSelection.cpp, shared
// with the DeepSeek V4 CSA form (RaiseCompressedSparseAttention.cpp), whose
// pattern this file's populate function also adds.
//
//===----------------------------------------------------------------------===//

#include "ConstantEvaluation.h"
#include "ConstantMask.h"
#include "RaiseCompressedSparseAttention.h"
#include "SparseSelection.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// checkCausal for a mask above the evaluator's bound, read row block by row
/// block: planes of `queries x keys` (any leading dims) each equal to the
/// bottom-right causal mask, with one fill (-inf or the lowest finite value)
/// above the diagonal.
LogicalResult checkLargeCausal(Value mask, int64_t queries, int64_t keys,
                               std::string &reason) {
  auto type = cast<RankedTensorType>(mask.getType());
  auto element = dyn_cast<FloatType>(type.getElementType());
  if (!element)
    return reason = "is not a float tensor", failure();
  if (type.getRank() < 2 || type.getDimSize(type.getRank() - 2) != queries ||
      type.getDimSize(type.getRank() - 1) != keys)
    return reason = "is too large to read and not a queries x keys mask",
           failure();
  // Bottom-right causal rows are never fully hidden when queries <= keys;
  // with more queries than keys the graph's hidden rows are NaN.
  if (queries > keys)
    return reason = "has more queries than keys", failure();
  double lowest =
      APFloat::getLargest(element.getFloatSemantics(), /*Negative=*/true)
          .convertToDouble();
  std::optional<double> fill;
  std::string evaluationReason;
  LogicalResult read = forEachConstantBlock(
      mask,
      [&](int64_t firstRow, ArrayRef<double> values) {
        for (int64_t n = 0, e = values.size(); n < e; ++n) {
          int64_t row = (firstRow + n / keys) % queries, key = n % keys;
          double value = values[n];
          if (key <= row + (keys - queries)) {
            if (value != 0.0)
              return failure();
            continue;
          }
          if (!fill) {
            if (!(std::isinf(value) && value < 0) && value != lowest)
              return failure();
            fill = value;
          }
          if (value != *fill)
            return failure();
        }
        return success();
      },
      evaluationReason);
  if (succeeded(read))
    return success();
  reason = evaluationReason.empty() ? "is not a plain causal mask"
                                    : evaluationReason;
  return failure();
}

/// Whether `mask`, added to scores of `queries x keys`, is a plain causal
/// mask that attn.lightning_indexer {causal} (bottom-right) reproduces.
LogicalResult checkCausal(Value mask, int64_t queries, int64_t keys,
                          std::string &reason) {
  // The causal mask of a long sequence (S x S above the evaluator's bound)
  // is only compared with the causal pattern, never needed whole.
  auto type = dyn_cast<RankedTensorType>(mask.getType());
  if (type && type.hasStaticShape() &&
      type.getNumElements() > kMaxEvaluatedElements)
    return checkLargeCausal(mask, queries, keys, reason);
  FailureOr<ConstantTensor> constant = evaluateConstantTensor(mask, reason);
  if (failed(constant))
    return failure();
  FailureOr<MaskAttributes> attributes =
      recognizeConstantMask(*constant, queries, keys, reason);
  if (failed(attributes))
    return failure();
  if (!attributes->causal || attributes->windowLeft) {
    reason = "is not a plain causal mask";
    return failure();
  }
  if (attributes->alignment != Alignment::BottomRight && queries != keys) {
    reason = "is causal with top-left alignment";
    return failure();
  }
  return success();
}

/// Matches `Unsqueeze(ScatterElements(-inf, TopK(Ic).Indices, 0), [1])` and
/// the indexer below it; `queries x keys` are the attention's.
FailureOr<IndexerSelection> matchSparseMask(Value mask, int64_t queries,
                                            int64_t keys, std::string &reason) {
  auto unsqueeze = mask.getDefiningOp<onnx::UnsqueezeOp>();
  if (!unsqueeze || !hasAxes(unsqueeze.getAxes(), {1}, 4)) {
    reason = "the mask is not an Unsqueeze at the head axis";
    return failure();
  }
  // Ic = Add(I, C) with C the plain causal mask.
  auto checkIndexerMask = [&](Value indexerMask, std::string &why) {
    std::string causalReason;
    if (succeeded(checkCausal(indexerMask, queries, keys, causalReason)))
      return success();
    why = "the indexer's mask " + causalReason;
    return failure();
  };
  return matchIndexerSelection(unsqueeze.getData(), queries, keys,
                               checkIndexerMask, reason);
}

/// Why `attention` (whose mask should be `Add(M, C')`) is not a DSA block.
FailureOr<std::pair<IndexerSelection, Value>>
matchSparseAttention(AttentionOp attention, std::string &reason) {
  auto fail = [&](const char *why) {
    reason = why;
    return failure();
  };
  if (!attention.getMask())
    return fail("has no mask");
  if (attention.getKvLengths() || attention.getWindowLeft() ||
      attention.getWindowRight())
    return fail("has kv_lengths or a window");
  if (attention.getSoftmaxPrecision() &&
      !attention.getEffectiveSoftmaxType().isF32())
    return fail("has a softmax precision other than f32");
  int64_t queries = attention.getQuery().getType().getDimSize(2);
  int64_t keys = attention.getKey().getType().getDimSize(2);
  if (ShapedType::isDynamic(queries) || ShapedType::isDynamic(keys))
    return fail("has dynamic sequence lengths");

  // The sparse mask, causal either as the attribute or as Add(M, C').
  Value sparseMask = attention.getMask();
  if (!attention.getCausal()) {
    auto add = sparseMask.getDefiningOp<onnx::AddOp>();
    if (!add)
      return fail("is not causal and its mask is not Add(sparse mask, causal "
                  "mask)");
    std::string causalReason;
    sparseMask = add.getA();
    if (failed(checkCausal(add.getB(), queries, keys, causalReason))) {
      sparseMask = add.getB();
      if (failed(checkCausal(add.getA(), queries, keys, causalReason))) {
        reason = "its mask is Add of two non-causal masks: " + causalReason;
        return failure();
      }
    }
  } else if (attention.getAlignment() != Alignment::BottomRight &&
             queries != keys) {
    return fail("is causal with top-left alignment");
  }
  FailureOr<IndexerSelection> form =
      matchSparseMask(sparseMask, queries, keys, reason);
  if (failed(form))
    return failure();
  if (cast<RankedTensorType>(form->indices.getType()).getDimSize(0) !=
      attention.getQuery().getType().getDimSize(0))
    return fail("the sparse mask has another batch size");
  return std::make_pair(*form, sparseMask);
}

struct RaiseSparseAttention : OpRewritePattern<AttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AttentionOp attention,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    auto matched = matchSparseAttention(attention, reason);
    if (failed(matched))
      return rewriter.notifyMatchFailure(attention, reason);
    IndexerSelection &form = matched->first;
    Location loc = attention.getLoc();
    Value scores = createLightningIndexer(rewriter, loc, form, /*causal=*/true);
    auto topk = TopKOp::create(rewriter, loc, form.indices.getType(), scores,
                               rewriter.getI64IntegerAttr(form.k));
    auto sparse =
        SparseAttentionOp::create(rewriter, loc, attention, topk.getResult());
    rewriter.replaceOp(attention, sparse.getResult());
    return success();
  }
};

} // namespace

void mlir::attn::populateSparseAttentionRaisingPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RaiseSparseAttention>(patterns.getContext());
  populateCompressedSparseAttentionRaisingPatterns(patterns);
}

std::optional<std::string>
mlir::attn::explainUnraisedSparseAttention(Operation *attention) {
  auto op = dyn_cast<AttentionOp>(attention);
  if (!op)
    return std::string("not an attn.attention");
  // The DSA form's mask is an Add (or an Unsqueeze of the scatter), CSA's an
  // Unsqueeze of the raw keys' and entries' masks concatenated.
  if (hasConcatenatedMask(op))
    return explainUnraisedCompressedSparseAttention(op);
  std::string reason;
  if (failed(matchSparseAttention(op, reason)))
    return reason;
  return std::nullopt;
}
