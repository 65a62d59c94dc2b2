//===- LinearAttention.cpp - Lowering of attn.linear_attention ------------===//
//
// The recurrent form: an scf.for over the tokens carries the state
// S [B, Hv, Dk, Dv] as an iter_arg in the compute type (f32 for f16/bf16).
// Each step reads the token's slices and runs, with h a state head, kh(h)
// its key head and sh(o), qh(o) the state and query heads of output head o
// (LinearAttentionHeads.h),
//
//   retrieval (delta rules):  u[b,h,j]   = sum_i a[b,h,(i)] S[b,h,i,j]
//                                                   * k[b,kh(h),i]
//   update:                   S[b,h,i,j] = a S[b,h,i,j] + k[b,kh(h),i] w[b,h,j]
//                             w = beta (v - u)   (delta rules)   or   v
//   readout:                  o[b,o,t,j] = sum_i q[b,qh(o),i] S[b,sh(o),i,j]
//
// with a = exp(decay) for the gated rules (else 1), which is exactly the
// op's "decay, then delta-update, then read" order. The update writes the
// state in place (destination = the iter_arg) and the retrieval and readout
// accumulate into iter_args too, so a step allocates nothing. The scale is
// applied once, after the loop, together with the cast to the element type.
//
// This is the decode form (and the fallback for dynamic shapes); prefill
// (more than one token with a chunk_size, or 64 tokens and more without)
// takes the chunked form of LinearAttentionChunked.cpp, which computes the
// same result.
//
//===----------------------------------------------------------------------===//

#include "AttentionCommon.h"
#include "AttnLoweringUtils.h"
#include "LinearAttentionChunked.h"
#include "LinearAttentionHeads.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

constexpr int64_t kTimeDim = 2;

/// The sizes of `value`, with dim `drop` removed when it is not -1.
SmallVector<OpFoldResult> sizesOf(OpBuilder &b, Location loc, Value value,
                                  int64_t drop = -1) {
  SmallVector<OpFoldResult> sizes;
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  for (int64_t dim = 0; dim < rank; ++dim)
    if (dim != drop)
      sizes.push_back(getDimSize(b, loc, value, dim));
  return sizes;
}

/// Offsets, sizes and strides of token `t` of a (B, H, T, ...) tensor.
struct TokenSlice {
  SmallVector<OpFoldResult> offsets, sizes, strides;
  RankedTensorType type; ///< The rank-reduced slice, without the time dim.
};

TokenSlice getTokenSlice(OpBuilder &b, Location loc, Value tensor, Value t) {
  auto type = cast<RankedTensorType>(tensor.getType());
  TokenSlice slice;
  SmallVector<int64_t> shape;
  for (int64_t dim = 0; dim < type.getRank(); ++dim) {
    bool time = dim == kTimeDim;
    slice.offsets.push_back(time ? OpFoldResult(t) : b.getIndexAttr(0));
    slice.sizes.push_back(time ? b.getIndexAttr(1)
                               : getDimSize(b, loc, tensor, dim));
    slice.strides.push_back(b.getIndexAttr(1));
    if (!time)
      shape.push_back(type.getDimSize(dim));
  }
  slice.type = RankedTensorType::get(shape, type.getElementType());
  return slice;
}

/// Token `t` of a (B, H, T, ...) tensor, without the time dim.
Value extractToken(OpBuilder &b, Location loc, Value tensor, Value t) {
  TokenSlice slice = getTokenSlice(b, loc, tensor, t);
  return tensor::ExtractSliceOp::create(b, loc, slice.type, tensor,
                                        slice.offsets, slice.sizes,
                                        slice.strides);
}

/// The operands of one step, each without the time dim.
struct Step {
  Value query, key, value; ///< [B,Hq,Dk], [B,Hk,Dk], [B,Hv,Dv]
  Value alpha;             ///< exp(decay): [B,Hv] or [B,Hv,Dk]; or null
  Value beta;              ///< [B,Hv]; or null
};

/// The static description of the recurrence.
struct Recurrence {
  FloatType computeType;
  LinearHeads heads;
  MLIRContext *ctx;

  /// Map of the decay factor over loops whose first three are (b, h, i).
  AffineMap alphaMap(Value alpha, unsigned numLoops, AffineExpr b, AffineExpr h,
                     AffineExpr i) const {
    if (cast<RankedTensorType>(alpha.getType()).getRank() == 2)
      return AffineMap::get(numLoops, 0, {b, h}, ctx);
    return AffineMap::get(numLoops, 0, {b, h, i}, ctx);
  }

  Value toCompute(OpBuilder &b, Location loc, Value value) const {
    return castFloat(b, loc, value, computeType);
  }

  /// u[b,h,j] = sum_i a S[b,h,i,j] k[b,kh(h),i], into `init` (overwritten).
  Value buildRetrieval(OpBuilder &builder, Location loc, const Step &step,
                       Value state, Value init) const {
    AffineExpr b, h, j, i;
    bindDims(ctx, b, h, j, i);
    Value zero = createFloat(builder, loc, computeType, 0.0);
    Value acc =
        linalg::FillOp::create(builder, loc, ValueRange{zero}, ValueRange{init})
            .getResult(0);
    SmallVector<Value> inputs = {state, step.key};
    SmallVector<AffineMap> maps = {
        AffineMap::get(4, 0, {b, h, i, j}, ctx),
        AffineMap::get(4, 0, {b, heads.keyOfState.getExpr(h), i}, ctx)};
    if (step.alpha) {
      inputs.push_back(step.alpha);
      maps.push_back(alphaMap(step.alpha, 4, b, h, i));
    }
    maps.push_back(AffineMap::get(4, 0, {b, h, j}, ctx));
    return createGeneric(
               builder, loc, inputs, {acc}, maps, getIterators(3, 1),
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value s = args[0];
                 if (step.alpha)
                   s = arith::MulFOp::create(nb, nl, s, args[2]);
                 Value k = toCompute(nb, nl, args[1]);
                 Value product = arith::MulFOp::create(nb, nl, s, k);
                 Value sum =
                     arith::AddFOp::create(nb, nl, args.back(), product);
                 return SmallVector<Value>{sum};
               })
        ->getResult(0);
  }

  /// S[b,h,i,j] = a S[b,h,i,j] + k[b,kh(h),i] w[b,h,j], in place on `state`.
  Value buildUpdate(OpBuilder &builder, Location loc, const Step &step,
                    Value state, Value retrieved) const {
    AffineExpr b, h, i, j;
    bindDims(ctx, b, h, i, j);
    SmallVector<Value> inputs = {step.key, step.value};
    SmallVector<AffineMap> maps = {
        AffineMap::get(4, 0, {b, heads.keyOfState.getExpr(h), i}, ctx),
        AffineMap::get(4, 0, {b, h, j}, ctx)};
    int64_t alphaArg = -1, betaArg = -1;
    if (step.alpha) {
      alphaArg = inputs.size();
      inputs.push_back(step.alpha);
      maps.push_back(alphaMap(step.alpha, 4, b, h, i));
    }
    if (step.beta) {
      betaArg = inputs.size();
      inputs.push_back(step.beta);
      maps.push_back(AffineMap::get(4, 0, {b, h}, ctx));
      inputs.push_back(retrieved);
      maps.push_back(AffineMap::get(4, 0, {b, h, j}, ctx));
    }
    maps.push_back(AffineMap::getMultiDimIdentityMap(4, ctx));
    return createGeneric(
               builder, loc, inputs, {state}, maps, getIterators(4),
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value s = args.back();
                 if (alphaArg >= 0)
                   s = arith::MulFOp::create(nb, nl, s, args[alphaArg]);
                 Value k = toCompute(nb, nl, args[0]);
                 Value w = toCompute(nb, nl, args[1]);
                 if (betaArg >= 0) {
                   Value beta = toCompute(nb, nl, args[betaArg]);
                   Value error =
                       arith::SubFOp::create(nb, nl, w, args[betaArg + 1]);
                   w = arith::MulFOp::create(nb, nl, beta, error);
                 }
                 Value outer = arith::MulFOp::create(nb, nl, k, w);
                 return SmallVector<Value>{
                     arith::AddFOp::create(nb, nl, s, outer)};
               })
        ->getResult(0);
  }

  /// acc[b,o,t,j] = sum_i q[b,qh(o),i] S[b,sh(o),i,j] (unscaled).
  Value buildReadout(OpBuilder &builder, Location loc, const Step &step,
                     Value state, Value acc, Value t) const {
    AffineExpr b, o, j, i;
    bindDims(ctx, b, o, j, i);
    TokenSlice slice = getTokenSlice(builder, loc, acc, t);
    Value row = tensor::ExtractSliceOp::create(builder, loc, slice.type, acc,
                                               slice.offsets, slice.sizes,
                                               slice.strides);
    Value zero = createFloat(builder, loc, computeType, 0.0);
    row = linalg::FillOp::create(builder, loc, ValueRange{zero}, ValueRange{row})
              .getResult(0);
    SmallVector<AffineMap> maps = {
        AffineMap::get(4, 0, {b, heads.queryOfOutput.getExpr(o), i}, ctx),
        AffineMap::get(4, 0, {b, heads.stateOfOutput.getExpr(o), i, j}, ctx),
        AffineMap::get(4, 0, {b, o, j}, ctx)};
    row = createGeneric(builder, loc, {step.query, state}, {row}, maps,
                        getIterators(3, 1),
                        [&](OpBuilder &nb, Location nl, ValueRange args) {
                          Value qi = toCompute(nb, nl, args[0]);
                          Value product =
                              arith::MulFOp::create(nb, nl, qi, args[1]);
                          return SmallVector<Value>{
                              arith::AddFOp::create(nb, nl, args[2], product)};
                        })
              ->getResult(0);
    return tensor::InsertSliceOp::create(builder, loc, row, acc, slice.offsets,
                                         slice.sizes, slice.strides);
  }
};

/// exp(decay) in the compute type, for all tokens at once (outside the loop).
Value buildDecayFactors(OpBuilder &b, Location loc, Value decay,
                        FloatType computeType) {
  unsigned rank = cast<RankedTensorType>(decay.getType()).getRank();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, b.getContext());
  return createGeneric(
             b, loc, {decay},
             {createEmpty(b, loc, sizesOf(b, loc, decay), computeType)},
             {identity, identity}, getIterators(rank),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value g = castFloat(nb, nl, args[0], computeType);
               return SmallVector<Value>{math::ExpOp::create(nb, nl, g)};
             })
      ->getResult(0);
}


struct LinearAttentionLowering : OpConversionPattern<attn::LinearAttentionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::LinearAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value query = adaptor.getQuery(), key = adaptor.getKey(),
          value = adaptor.getValue();
    FailureOr<LinearHeads> heads = getLinearHeads(op);
    if (failed(heads))
      return rewriter.notifyMatchFailure(
          op, "expects static query, key and value head counts");
    if (!op.getScale() &&
        ShapedType::isDynamic(op.getQuery().getType().getDimSize(3)))
      return rewriter.notifyMatchFailure(
          op, "expects a static head size when no scale is given");
    Location loc = op.getLoc();
    Type element = op.getQuery().getType().getElementType();
    Recurrence rec{getComputeType(element), *heads, op.getContext()};

    SmallVector<OpFoldResult> stateSizes = {
        getDimSize(rewriter, loc, key, 0), getDimSize(rewriter, loc, value, 1),
        getDimSize(rewriter, loc, key, 3), getDimSize(rewriter, loc, value, 3)};
    Value state;
    if (Value past = adaptor.getPastState())
      state = scaleAndCast(rewriter, loc, past, Value(), rec.computeType);
    else
      state = createFilled(rewriter, loc, stateSizes,
                           createFloat(rewriter, loc, rec.computeType, 0.0));
    Value alpha;
    if (Value decay = adaptor.getDecay())
      alpha = buildDecayFactors(rewriter, loc, decay, rec.computeType);
    Value beta = adaptor.getBeta();

    // [B, Ho, T, Dv]: every row is filled by its step.
    SmallVector<OpFoldResult> outputSizes = {
        getDimSize(rewriter, loc, query, 0),
        heads->outputsFollowQuery ? getDimSize(rewriter, loc, query, 1)
                                  : getDimSize(rewriter, loc, value, 1),
        getDimSize(rewriter, loc, query, 2),
        getDimSize(rewriter, loc, value, 3)};
    SmallVector<Value> iterArgs = {
        state, createEmpty(rewriter, loc, outputSizes, rec.computeType)};
    // The retrieval's accumulator [B, Hv, Dv], reused by every step.
    if (beta)
      iterArgs.push_back(createEmpty(rewriter, loc, sizesOf(rewriter, loc, value,
                                                            kTimeDim),
                                     rec.computeType));

    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    Value tokens = getDimIndex(rewriter, loc, query, kTimeDim);
    auto loop = scf::ForOp::create(
        rewriter, loc, zero, tokens, one, iterArgs,
        [&](OpBuilder &b, Location nl, Value t, ValueRange args) {
          Step step;
          step.query = extractToken(b, nl, query, t);
          step.key = extractToken(b, nl, key, t);
          step.value = extractToken(b, nl, value, t);
          if (alpha)
            step.alpha = extractToken(b, nl, alpha, t);
          if (beta)
            step.beta = extractToken(b, nl, beta, t);
          // The retrieval reads the state before the update overwrites it.
          Value retrieved;
          if (beta)
            retrieved = rec.buildRetrieval(b, nl, step, args[0], args[2]);
          Value next = rec.buildUpdate(b, nl, step, args[0], retrieved);
          Value acc = rec.buildReadout(b, nl, step, next, args[1], t);
          SmallVector<Value> yielded = {next, acc};
          if (beta)
            yielded.push_back(retrieved);
          scf::YieldOp::create(b, nl, yielded);
        });

    Value scale = createFloat(rewriter, loc, rec.computeType,
                              op.getEffectiveScale());
    Value output =
        scaleAndCast(rewriter, loc, loop.getResult(1), scale, element);
    Value present =
        scaleAndCast(rewriter, loc, loop.getResult(0), Value(),
                        op.getPresentState().getType().getElementType());
    rewriter.replaceOp(op, {output, present});
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateLinearAttentionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LinearAttentionLowering>(patterns.getContext());
  populateLinearAttentionChunkedPatterns(patterns);
}
