//===- SparseSelection.h - The indexer top-k of DSA and CSA -----*- C++ -*-===//
//
// DeepSeek's sparse attentions (V3.2 DSA, V4 CSA) export the same selection:
// a lightning indexer scores the keys, TopK picks k of them, and a
// ScatterElements of zeros into -inf turns the picks into an additive mask.
// The two raisings differ only in what the indexer's mask is (causal over the
// tokens for DSA, block completion over the compressed entries for CSA) and
// in how the scattered mask reaches the attention, so the selection is
// matched and rebuilt here, once.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_SPARSESELECTION_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_SPARSESELECTION_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Value.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>

namespace mlir::attn {

/// `ScatterElements(-inf, TopK(Add(I, mask), k).Indices, 0, axis = -1)` with
/// `I = ReduceSum(Mul(Relu(MatMul(qI, kI^T)), w), axes = [1], keepdims = 0)`.
struct IndexerSelection {
  Value indexerQuery;   // B x HI x S x DI
  Value indexerKeyT;    // B x 1 x DI x T
  Value indexerWeights; // B x HI x S x 1
  Value indexerMask;    // the constant added to I before TopK
  int64_t k = 0;
  Value indices; // TopK's Indices result, B x S x k
};

/// Whether every element of `value`, known at compile time, equals `want`
/// (-inf matches -inf only).
bool isUniformConstant(Value value, double want);

/// Whether the constant int64 `axes` are `expected`, negative axes counted
/// from `rank`.
bool hasAxes(Value axes, ArrayRef<int64_t> expected, int64_t rank);

/// Matches the selection above from its ScatterElements, the indexer scoring
/// `queries x keys`. `checkIndexerMask` judges the mask added before TopK
/// (it runs right after the ReduceSum is matched, so that its reason comes
/// before those of the indexer's inner ops). Fails, setting `reason`.
FailureOr<IndexerSelection> matchIndexerSelection(
    Value scattered, int64_t queries, int64_t keys,
    function_ref<LogicalResult(Value mask, std::string &reason)>
        checkIndexerMask,
    std::string &reason);

/// attn.lightning_indexer over the matched operands, brought to its
/// B x S x HI x DI, B x T x DI and B x S x HI layouts: f32 scores B x S x T.
Value createLightningIndexer(PatternRewriter &rewriter, Location loc,
                             const IndexerSelection &selection, bool causal);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_SPARSESELECTION_H
