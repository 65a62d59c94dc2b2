//===- Attention.cpp - Lowering of attn.attention -------------------------===//
//
// The straightforward form of the op's equations: a [B,Hq,Sq,Skv] score
// tensor (contraction, then scale, softcap, masks and visibility in one
// elementwise generic), a masked softmax, the weighted sum of values and the
// masked-row policy. Everything after the loads runs in the effective softmax
// type; the result is cast back once.
//
//===----------------------------------------------------------------------===//

#include "AttentionCommon.h"
#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// The scale on QK^T: a constant, or 1/sqrt(D) at run time when D is dynamic.
Value buildScale(OpBuilder &b, Location loc, attn::AttentionOp op, Value query,
                 FloatType computeType) {
  if (op.getScale() || !ShapedType::isDynamic(op.getQuery().getType().getDimSize(3)))
    return createFloat(b, loc, computeType, op.getEffectiveScale());
  Value dim = sizeToFloat(b, loc, getDimSize(b, loc, query, 3), computeType);
  return math::RsqrtOp::create(b, loc, dim);
}

/// Whether key `col` is visible to query row `row` by the causal, window and
/// kv_lengths rules of the op (an i1), built inside a generic body.
Value buildVisibility(OpBuilder &b, Location loc, attn::AttentionOp op,
                      Value row, Value col, Value validKeys, Value queryLen) {
  // The row's position among the keys: bottom-right alignment puts the last
  // query row on the last valid key.
  Value pos = row;
  if (op.getAlignment() == attn::Alignment::BottomRight) {
    Value offset = arith::SubIOp::create(b, loc, validKeys, queryLen);
    pos = arith::AddIOp::create(b, loc, row, offset);
  }
  Value visible;
  auto both = [&](Value condition) {
    visible = visible ? arith::AndIOp::create(b, loc, visible, condition)
                            .getResult()
                      : condition;
  };
  auto cmp = [&](arith::CmpIPredicate predicate, Value lhs, Value rhs) {
    return arith::CmpIOp::create(b, loc, predicate, lhs, rhs).getResult();
  };
  if (op.getKvLengths())
    both(cmp(arith::CmpIPredicate::slt, col, validKeys));
  if (op.getCausal())
    both(cmp(arith::CmpIPredicate::sle, col, pos));
  if (std::optional<int64_t> left = op.getWindowLeft()) {
    Value width = arith::ConstantIndexOp::create(b, loc, *left);
    both(cmp(arith::CmpIPredicate::sge, col,
             arith::SubIOp::create(b, loc, pos, width)));
  }
  if (std::optional<int64_t> right = op.getWindowRight()) {
    Value width = arith::ConstantIndexOp::create(b, loc, *right);
    both(cmp(arith::CmpIPredicate::sle, col,
             arith::AddIOp::create(b, loc, pos, width)));
  }
  return visible;
}

/// scores = visible ? mask(softcap(scale * scores)) : -inf, in place. The
/// visibility rules read linalg.index, so no mask tensor is materialised for
/// them; the optional mask operand broadcasts through its indexing map.
Value buildScoreEpilogue(OpBuilder &b, Location loc, attn::AttentionOp op,
                         Value query, Value scores, Value mask, Value kvLengths,
                         Value scale, FloatType computeType) {
  MLIRContext *ctx = b.getContext();
  auto scoresType = llvm::cast<RankedTensorType>(scores.getType());
  AffineExpr batch;
  bindDims(ctx, batch);
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  if (mask) {
    inputs.push_back(mask);
    maps.push_back(getBroadcastMap(
        llvm::cast<RankedTensorType>(mask.getType()).getShape(),
        scoresType.getShape(), 4, ctx));
  }
  if (kvLengths) {
    inputs.push_back(kvLengths);
    maps.push_back(AffineMap::get(4, 0, {batch}, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(4, ctx));

  bool needsVisibility = op.getCausal() || op.getWindowLeft() ||
                         op.getWindowRight() || kvLengths;
  Value queryLen, keyLen;
  if (needsVisibility) {
    queryLen = getDimIndex(b, loc, query, 2);
    keyLen = getDimIndex(b, loc, scores, 3);
  }
  Value negInf = createNegInf(b, loc, computeType);
  Value softcap;
  if (std::optional<APFloat> cap = op.getSoftcap())
    softcap = createFloat(b, loc, computeType, cap->convertToDouble());

  return createGeneric(
             b, loc, inputs, {scores}, maps, getIterators(4),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value s = arith::MulFOp::create(nb, nl, args.back(), scale);
               // Softcap comes before any mask: capping a -inf would let a
               // masked key back in at -softcap.
               if (softcap) {
                 Value ratio = arith::DivFOp::create(nb, nl, s, softcap);
                 Value tanh = math::TanhOp::create(nb, nl, ratio);
                 s = arith::MulFOp::create(nb, nl, softcap, tanh);
               }
               unsigned next = 0;
               if (mask) {
                 Value m = args[next++];
                 if (m.getType().isInteger(1))
                   s = arith::SelectOp::create(nb, nl, m, s, negInf);
                 else
                   s = arith::AddFOp::create(nb, nl, s,
                                             castFloat(nb, nl, m, computeType));
               }
               if (needsVisibility) {
                 Value validKeys = kvLengths
                                       ? castToIndex(nb, nl, args[next++])
                                       : keyLen;
                 Value row = linalg::IndexOp::create(nb, nl, 2);
                 Value col = linalg::IndexOp::create(nb, nl, 3);
                 Value visible = buildVisibility(nb, nl, op, row, col,
                                                 validKeys, queryLen);
                 s = arith::SelectOp::create(nb, nl, visible, s, negInf);
               }
               return SmallVector<Value>{s};
             })
      ->getResult(0);
}

/// mean[b,g,e] = sum_j value[b,g,j,e] / Skv: what a row whose every key is
/// masked produces under masked_rows = uniform.
Value buildValueMean(OpBuilder &b, Location loc, Value value,
                     FloatType computeType) {
  MLIRContext *ctx = b.getContext();
  SmallVector<OpFoldResult> sizes = {getDimSize(b, loc, value, 0),
                                     getDimSize(b, loc, value, 1),
                                     getDimSize(b, loc, value, 3)};
  Value zero = createFloat(b, loc, computeType, 0.0);
  AffineExpr batch, head, chan, col;
  bindDims(ctx, batch, head, chan, col);
  Value sum =
      createGeneric(b, loc, {value}, {createFilled(b, loc, sizes, zero)},
                    {AffineMap::get(4, 0, {batch, head, col, chan}, ctx),
                     AffineMap::get(4, 0, {batch, head, chan}, ctx)},
                    getIterators(3, 1),
                    [&](OpBuilder &nb, Location nl, ValueRange args) {
                      Value v = castFloat(nb, nl, args[0], computeType);
                      return SmallVector<Value>{
                          arith::AddFOp::create(nb, nl, args[1], v)};
                    })
          ->getResult(0);
  Value count = sizeToFloat(b, loc, getDimSize(b, loc, value, 2), computeType);
  AffineMap identity = AffineMap::getMultiDimIdentityMap(3, ctx);
  return createGeneric(b, loc, {}, {sum}, {identity}, getIterators(3),
                       [&](OpBuilder &nb, Location nl, ValueRange args) {
                         return SmallVector<Value>{
                             arith::DivFOp::create(nb, nl, args[0], count)};
                       })
      ->getResult(0);
}

struct AttentionLowering : OpConversionPattern<attn::AttentionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::AttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<KVHeadMapping> heads =
        getKVHeadMapping(op.getNumQueryHeads(), op.getNumKVHeads());
    if (failed(heads))
      return rewriter.notifyMatchFailure(
          op, "expects static head counts (or a single KV head) to map query "
              "heads to KV heads");
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value query = adaptor.getQuery(), key = adaptor.getKey(),
          value = adaptor.getValue();
    FloatType computeType = op.getEffectiveSoftmaxType();

    AffineExpr batch, head, row, col, chan;
    bindDims(ctx, batch, head, row, col, chan);
    AffineExpr kvHead = heads->getExpr(head);
    Value scores = buildScoreContraction(
        rewriter, loc, query, key,
        AffineMap::get(5, 0, {batch, kvHead, col, chan}, ctx),
        getDimSize(rewriter, loc, key, 2), computeType);
    Value scale = buildScale(rewriter, loc, op, query, computeType);
    scores = buildScoreEpilogue(rewriter, loc, op, query, scores,
                                adaptor.getMask(),
                                adaptor.getKvLengths(), scale, computeType);

    SoftmaxRows rows =
        buildMaskedSoftmax(rewriter, loc, scores, adaptor.getSinks());
    // The weighted sum iterates (b, h, i, e, j): `chan` is e, `col` is j.
    AffineExpr vChan, vCol;
    bindDims(ctx, batch, head, row, vChan, vCol);
    Value weighted = buildWeightedValues(
        rewriter, loc, rows.weights, value,
        AffineMap::get(5, 0, {batch, kvHead, vCol, vChan}, ctx),
        getDimSize(rewriter, loc, value, 3), computeType);

    Value fallback;
    AffineMap fallbackMap;
    if (op.getMaskedRows() == attn::MaskedRowPolicy::Uniform) {
      fallback = buildValueMean(rewriter, loc, value, computeType);
      AffineExpr e;
      bindDims(ctx, batch, head, row, e);
      fallbackMap = AffineMap::get(4, 0, {batch, kvHead, e}, ctx);
    }
    Value result = buildNormalisedRows(rewriter, loc, weighted, rows, fallback,
                                       fallbackMap,
                                       op.getType().getElementType());
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateAttentionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<AttentionLowering>(patterns.getContext());
}
