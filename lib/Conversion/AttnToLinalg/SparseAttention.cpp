//===- SparseAttention.cpp - Lowering of attn.sparse_attention ------------===//
//
// Attention over the k selected keys of each query row, at O(S * k) cost:
// scores [B,Hq,S,k] and the weighted sum read K and V through the indices
// (tensor.extract at a computed row), an index < 0 scores -inf, and the
// masked softmax and normalisation are those of dense attention (a row with
// no selected key produces zeros).
//
//===----------------------------------------------------------------------===//

#include "AttentionCommon.h"
#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// Whether an entry of `indices` selects a key (entries < 0 are skipped).
Value isSelected(OpBuilder &b, Location loc, Value index) {
  Value zero = arith::ConstantOp::create(
      b, loc, index.getType(), b.getIntegerAttr(index.getType(), 0));
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, index, zero);
}

/// The key row an entry selects, clamped to 0 when it selects none so that
/// the read stays in bounds (its contribution is discarded).
Value selectedRow(OpBuilder &b, Location loc, Value index, Value selected) {
  Value row = castToIndex(b, loc, index);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  return arith::SelectOp::create(b, loc, selected, row, zero);
}

struct SparseAttentionLowering : OpConversionPattern<attn::SparseAttentionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::SparseAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<KVHeadMapping> heads =
        getKVHeadMapping(op.getQuery().getType().getDimSize(1),
                         op.getKey().getType().getDimSize(1));
    if (failed(heads))
      return rewriter.notifyMatchFailure(
          op, "expects static head counts (or a single KV head) to map query "
              "heads to KV heads");
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value query = adaptor.getQuery(), key = adaptor.getKey(),
          value = adaptor.getValue(), indices = adaptor.getIndices();
    FloatType computeType = getComputeType(op.getType().getElementType());
    Value zero = createFloat(rewriter, loc, computeType, 0.0);
    Value negInf = createNegInf(rewriter, loc, computeType);

    // scores: loops (b, h, i, n, d), d reduced; key row indices[b, i, n].
    AffineExpr batch, head, row, pick, chan;
    bindDims(ctx, batch, head, row, pick, chan);
    SmallVector<OpFoldResult> scoreSizes = {
        getDimSize(rewriter, loc, query, 0), getDimSize(rewriter, loc, query, 1),
        getDimSize(rewriter, loc, query, 2),
        getDimSize(rewriter, loc, indices, 2)};
    Value scores =
        createGeneric(
            rewriter, loc, {query, indices},
            {createFilled(rewriter, loc, scoreSizes, zero)},
            {AffineMap::get(5, 0, {batch, head, row, chan}, ctx),
             AffineMap::get(5, 0, {batch, row, pick}, ctx),
             AffineMap::get(5, 0, {batch, head, row, pick}, ctx)},
            getIterators(4, 1),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value keyRow =
                  selectedRow(b, nl, args[1], isSelected(b, nl, args[1]));
              Value kvHead =
                  heads->getIndex(b, nl, linalg::IndexOp::create(b, nl, 1));
              Value k = tensor::ExtractOp::create(
                  b, nl, key,
                  ValueRange{linalg::IndexOp::create(b, nl, 0), kvHead, keyRow,
                             linalg::IndexOp::create(b, nl, 4)});
              Value product = arith::MulFOp::create(
                  b, nl, castFloat(b, nl, args[0], computeType),
                  castFloat(b, nl, k, computeType));
              return SmallVector<Value>{
                  arith::AddFOp::create(b, nl, args[2], product)};
            })
            ->getResult(0);

    // Scale, softcap, then -inf for the unselected entries.
    Value scale = createFloat(rewriter, loc, computeType, op.getEffectiveScale());
    Value softcap;
    if (std::optional<APFloat> cap = op.getSoftcap())
      softcap = createFloat(rewriter, loc, computeType, cap->convertToDouble());
    AffineExpr b4, h4, i4, n4;
    bindDims(ctx, b4, h4, i4, n4);
    scores =
        createGeneric(
            rewriter, loc, {indices}, {scores},
            {AffineMap::get(4, 0, {b4, i4, n4}, ctx),
             AffineMap::getMultiDimIdentityMap(4, ctx)},
            getIterators(4),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value s = arith::MulFOp::create(b, nl, args[1], scale);
              if (softcap) {
                Value ratio = arith::DivFOp::create(b, nl, s, softcap);
                s = arith::MulFOp::create(b, nl, softcap,
                                          math::TanhOp::create(b, nl, ratio));
              }
              Value selected = isSelected(b, nl, args[0]);
              return SmallVector<Value>{
                  arith::SelectOp::create(b, nl, selected, s, negInf)};
            })
            ->getResult(0);

    SoftmaxRows rows =
        buildMaskedSoftmax(rewriter, loc, scores, adaptor.getSinks());

    // weighted: loops (b, h, i, e, n), n reduced; value row indices[b, i, n].
    AffineExpr e5;
    bindDims(ctx, batch, head, row, e5, pick);
    SmallVector<OpFoldResult> outSizes = {scoreSizes[0], scoreSizes[1],
                                          scoreSizes[2],
                                          getDimSize(rewriter, loc, value, 3)};
    Value weighted =
        createGeneric(
            rewriter, loc, {rows.weights, indices},
            {createFilled(rewriter, loc, outSizes, zero)},
            {AffineMap::get(5, 0, {batch, head, row, pick}, ctx),
             AffineMap::get(5, 0, {batch, row, pick}, ctx),
             AffineMap::get(5, 0, {batch, head, row, e5}, ctx)},
            getIterators(4, 1),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value selected = isSelected(b, nl, args[1]);
              Value valueRow = selectedRow(b, nl, args[1], selected);
              Value kvHead =
                  heads->getIndex(b, nl, linalg::IndexOp::create(b, nl, 1));
              Value v = tensor::ExtractOp::create(
                  b, nl, value,
                  ValueRange{linalg::IndexOp::create(b, nl, 0), kvHead,
                             valueRow, linalg::IndexOp::create(b, nl, 3)});
              Value product = arith::MulFOp::create(
                  b, nl, args[0], castFloat(b, nl, v, computeType));
              // An unselected entry adds nothing, even if row 0 holds inf.
              Value term = arith::SelectOp::create(b, nl, selected, product, zero);
              return SmallVector<Value>{
                  arith::AddFOp::create(b, nl, args[2], term)};
            })
            ->getResult(0);

    Value result =
        buildNormalisedRows(rewriter, loc, weighted, rows, Value(), AffineMap(),
                            op.getType().getElementType());
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateSparseAttentionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<SparseAttentionLowering>(patterns.getContext());
}
