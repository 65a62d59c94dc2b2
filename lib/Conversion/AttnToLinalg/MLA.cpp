//===- MLA.cpp - Lowering of attn.mla -------------------------------------===//
//
// Both evaluation orders of the op's description, picked by its `form`:
//
//   expanded: k_nope = c_kv w_uk[h], v = c_kv w_uv[h] per head ([B,H,T,*]),
//             then dense attention over [k_nope ; k_rope] and v;
//   absorbed: q~ = w_uk[h] q_nope ([B,H,S,Dc]), attention over the shared
//             [c_kv ; k_rope] with c_kv as the values, then the latent
//             output o~ is projected by w_uv[h].
//
// The two score parts (nope or latent, and rope) accumulate into one
// [B,H,S,T] tensor; scale and the causal rule follow in one elementwise
// generic; the masked softmax, the weighted sum and the normalisation are the
// shared attention pieces. Everything between the loads and the final store,
// the expanded keys and values or the absorbed query and latent output
// included, stays in the compute type (f32 for f16/bf16), so both forms
// round once.
//
//===----------------------------------------------------------------------===//

#include "AttentionCommon.h"
#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// out[d0,d1,d2,d3] = sum_r lhs[lhsMap] * rhs[rhsMap] over the loops
/// (d0, d1, d2, d3, r), accumulated in `computeType`.
Value buildProjection(OpBuilder &b, Location loc, Value lhs, AffineMap lhsMap,
                      Value rhs, AffineMap rhsMap, ArrayRef<OpFoldResult> sizes,
                      FloatType computeType) {
  MLIRContext *ctx = b.getContext();
  Value init =
      createFilled(b, loc, sizes, createFloat(b, loc, computeType, 0.0));
  AffineExpr d0, d1, d2, d3;
  bindDims(ctx, d0, d1, d2, d3);
  AffineMap outMap = AffineMap::get(5, 0, {d0, d1, d2, d3}, ctx);
  return createGeneric(b, loc, {lhs, rhs}, {init}, {lhsMap, rhsMap, outMap},
                       getIterators(4, 1),
                       [&](OpBuilder &nb, Location nl, ValueRange args) {
                         Value product = arith::MulFOp::create(
                             nb, nl, castFloat(nb, nl, args[0], computeType),
                             castFloat(nb, nl, args[1], computeType));
                         return SmallVector<Value>{
                             arith::AddFOp::create(nb, nl, args[2], product)};
                       })
      ->getResult(0);
}

/// The expanded form's per-head keys or values, [B,H,T,Y]:
/// out[b,h,j,y] = sum_c c_kv[b,j,c] * w[h,c,y] (w = w_uk or w_uv).
Value expandLatent(OpBuilder &b, Location loc, Value cKV, Value w,
                   FloatType computeType) {
  MLIRContext *ctx = b.getContext();
  AffineExpr batch, head, key, chan, latent;
  bindDims(ctx, batch, head, key, chan, latent);
  return buildProjection(b, loc, cKV,
                         AffineMap::get(5, 0, {batch, key, latent}, ctx), w,
                         AffineMap::get(5, 0, {head, latent, chan}, ctx),
                         {getDimSize(b, loc, cKV, 0), getDimSize(b, loc, w, 0),
                          getDimSize(b, loc, cKV, 1), getDimSize(b, loc, w, 2)},
                         computeType);
}

/// The absorbed query, [B,H,S,Dc]: q~[b,h,i,c] = sum_n q_nope[b,h,i,n] *
/// w_uk[h,c,n].
Value absorbIntoQuery(OpBuilder &b, Location loc, Value qNope, Value wUK,
                      FloatType computeType) {
  MLIRContext *ctx = b.getContext();
  AffineExpr batch, head, row, latent, nope;
  bindDims(ctx, batch, head, row, latent, nope);
  return buildProjection(
      b, loc, qNope, AffineMap::get(5, 0, {batch, head, row, nope}, ctx), wUK,
      AffineMap::get(5, 0, {head, latent, nope}, ctx),
      {getDimSize(b, loc, qNope, 0), getDimSize(b, loc, qNope, 1),
       getDimSize(b, loc, qNope, 2), getDimSize(b, loc, wUK, 1)},
      computeType);
}

/// The absorbed form's output, [B,H,S,Dv]: out[b,h,i,e] = sum_c
/// latent[b,h,i,c] * w_uv[h,c,e].
Value projectLatentOutput(OpBuilder &b, Location loc, Value latent, Value wUV,
                          FloatType computeType) {
  MLIRContext *ctx = b.getContext();
  AffineExpr batch, head, row, chan, lat;
  bindDims(ctx, batch, head, row, chan, lat);
  return buildProjection(
      b, loc, latent, AffineMap::get(5, 0, {batch, head, row, lat}, ctx), wUV,
      AffineMap::get(5, 0, {head, lat, chan}, ctx),
      {getDimSize(b, loc, latent, 0), getDimSize(b, loc, latent, 1),
       getDimSize(b, loc, latent, 2), getDimSize(b, loc, wUV, 2)},
      computeType);
}

/// scores = scale * scores, and -inf for a key after the row's position
/// (bottom-right: row i sits at i + T - S) when causal, in place.
Value buildScaledCausalScores(OpBuilder &b, Location loc, attn::MLAOp op,
                              Value scores, Value qNope, Value cKV) {
  auto computeType = llvm::cast<FloatType>(
      llvm::cast<RankedTensorType>(scores.getType()).getElementType());
  Value scale =
      createFloat(b, loc, computeType, op.getScale().convertToDouble());
  Value offset, negInf;
  if (op.getCausal()) {
    offset = arith::SubIOp::create(b, loc, getDimIndex(b, loc, cKV, 1),
                                   getDimIndex(b, loc, qNope, 2));
    negInf = createNegInf(b, loc, computeType);
  }
  AffineMap identity = AffineMap::getMultiDimIdentityMap(4, b.getContext());
  return createGeneric(
             b, loc, {}, {scores}, {identity}, getIterators(4),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value s = arith::MulFOp::create(nb, nl, args[0], scale);
               if (offset) {
                 Value row = linalg::IndexOp::create(nb, nl, 2);
                 Value col = linalg::IndexOp::create(nb, nl, 3);
                 Value last = arith::AddIOp::create(nb, nl, row, offset);
                 Value visible = arith::CmpIOp::create(
                     nb, nl, arith::CmpIPredicate::sle, col, last);
                 s = arith::SelectOp::create(nb, nl, visible, s, negInf);
               }
               return SmallVector<Value>{s};
             })
      ->getResult(0);
}

struct MLALowering : OpConversionPattern<attn::MLAOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::MLAOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value qNope = adaptor.getQNope(), cKV = adaptor.getCKv();
    Type element = op.getType().getElementType();
    FloatType computeType = getComputeType(element);
    bool absorbed = op.getForm() == attn::MLAForm::Absorbed;
    OpFoldResult keys = getDimSize(rewriter, loc, cKV, 1);

    // Score loops (b, h, i, j, d), d reduced (see buildScoreContraction).
    AffineExpr batch, head, row, key, chan;
    bindDims(ctx, batch, head, row, key, chan);
    AffineMap sharedKey = AffineMap::get(5, 0, {batch, key, chan}, ctx);
    Value scores;
    if (absorbed) {
      Value query =
          absorbIntoQuery(rewriter, loc, qNope, adaptor.getWUk(), computeType);
      scores = buildScoreContraction(rewriter, loc, query, cKV, sharedKey, keys,
                                     computeType);
    } else {
      Value keyNope =
          expandLatent(rewriter, loc, cKV, adaptor.getWUk(), computeType);
      scores = buildScoreContraction(
          rewriter, loc, qNope, keyNope,
          AffineMap::get(5, 0, {batch, head, key, chan}, ctx), keys,
          computeType);
    }
    // The decoupled RoPE part adds into the same scores: one key per token,
    // shared by every head.
    scores = buildScoreContraction(rewriter, loc, adaptor.getQRope(),
                                   adaptor.getKRope(), sharedKey, keys,
                                   computeType, scores);
    scores = buildScaledCausalScores(rewriter, loc, op, scores, qNope, cKV);
    SoftmaxRows softmax =
        buildMaskedSoftmax(rewriter, loc, scores, /*sinks=*/Value());

    // Weighted-sum loops (b, h, i, e, j), j reduced.
    AffineExpr valueChan = getAffineDimExpr(3, ctx),
               valueKey = getAffineDimExpr(4, ctx);
    Value result;
    if (absorbed) {
      // The latent output is normalised in the compute type (a row with no
      // visible key gets zeros, which w_uv keeps zero), then projected.
      Value latentSum = buildWeightedValues(
          rewriter, loc, softmax.weights, cKV,
          AffineMap::get(5, 0, {batch, valueKey, valueChan}, ctx),
          getDimSize(rewriter, loc, cKV, 2), computeType);
      Value latent = buildNormalisedRows(rewriter, loc, latentSum, softmax,
                                         Value(), AffineMap(), computeType);
      result = scaleAndCast(rewriter, loc,
                            projectLatentOutput(rewriter, loc, latent,
                                                adaptor.getWUv(), computeType),
                            /*scale=*/Value(), element);
    } else {
      Value values =
          expandLatent(rewriter, loc, cKV, adaptor.getWUv(), computeType);
      Value weighted = buildWeightedValues(
          rewriter, loc, softmax.weights, values,
          AffineMap::get(5, 0, {batch, head, valueKey, valueChan}, ctx),
          getDimSize(rewriter, loc, values, 3), computeType);
      result = buildNormalisedRows(rewriter, loc, weighted, softmax, Value(),
                                   AffineMap(), element);
    }
    // The op's result type may know dims that the operands leave dynamic.
    if (result.getType() != op.getType())
      result = tensor::CastOp::create(rewriter, loc, op.getType(), result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateMLAPatterns(RewritePatternSet &patterns) {
  patterns.add<MLALowering>(patterns.getContext());
}
