//===- Rope.cpp - Lowering of attn.rope -----------------------------------===//
//
// One elementwise linalg.generic over the input. Each channel in the rotated
// range reads its pair partner and its cos/sin entry through computed indices
// (tensor.extract); the pair index is not affine in the channel for
// half_split. Indices are clamped into range for the pass-through channels
// so that every read is in bounds; a select keeps those channels unchanged.
//
//===----------------------------------------------------------------------===//

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

/// Where channel `chan` of a head sits in its rotated pair.
struct PairSlot {
  /// The channel is inside [offset, offset + R).
  Value rotated;
  /// The channel is the first member `a` of its pair (else the second, `b`).
  Value first;
  /// The pair index m, in [0, R/2).
  Value pair;
  /// The other member's channel.
  Value partner;
};

PairSlot buildPairSlot(OpBuilder &b, Location loc, attn::RopeOp op,
                       Value chan) {
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v).getResult();
  };
  auto cmp = [&](arith::CmpIPredicate predicate, Value lhs, Value rhs) {
    return arith::CmpIOp::create(b, loc, predicate, lhs, rhs).getResult();
  };
  int64_t rotary = op.getEffectiveRotaryDim();
  Value offset = cst(op.getOffset()), width = cst(rotary);
  Value zero = cst(0), one = cst(1), two = cst(2), half = cst(rotary / 2);

  Value rel = arith::SubIOp::create(b, loc, chan, offset);
  Value rotated =
      arith::AndIOp::create(b, loc, cmp(arith::CmpIPredicate::sge, rel, zero),
                            cmp(arith::CmpIPredicate::slt, rel, width));
  // Pass-through channels compute as channel `offset`; their result is
  // discarded, the clamp only keeps the reads in bounds.
  rel = arith::SelectOp::create(b, loc, rotated, rel, zero);

  Value first, pair, partnerRel;
  if (op.getLayout() == attn::RopeLayout::HalfSplit) {
    // Pairs (m, m + R/2).
    first = cmp(arith::CmpIPredicate::slt, rel, half);
    Value up = arith::AddIOp::create(b, loc, rel, half);
    Value down = arith::SubIOp::create(b, loc, rel, half);
    pair = arith::SelectOp::create(b, loc, first, rel, down);
    partnerRel = arith::SelectOp::create(b, loc, first, up, down);
  } else {
    // Pairs (2m, 2m + 1).
    Value parity = arith::RemUIOp::create(b, loc, rel, two);
    first = cmp(arith::CmpIPredicate::eq, parity, zero);
    pair = arith::DivUIOp::create(b, loc, rel, two);
    Value up = arith::AddIOp::create(b, loc, rel, one);
    Value down = arith::SubIOp::create(b, loc, rel, one);
    partnerRel = arith::SelectOp::create(b, loc, first, up, down);
  }
  Value partner = arith::AddIOp::create(b, loc, partnerRel, offset);
  return {rotated, first, pair, partner};
}

struct RopeLowering : OpConversionPattern<attn::RopeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::RopeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (ShapedType::isDynamic(op.getEffectiveRotaryDim()))
      return rewriter.notifyMatchFailure(op, "expects a static rotary_dim");
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value input = adaptor.getInput(), cos = adaptor.getCos(),
          sin = adaptor.getSin(), positions = adaptor.getPositionIds();
    Type element = op.getType().getElementType();
    FloatType computeType = getComputeType(element);

    AffineExpr batch, head, token, chan;
    bindDims(ctx, batch, head, token, chan);
    AffineMap identity = AffineMap::getMultiDimIdentityMap(4, ctx);
    SmallVector<Value> inputs = {input};
    SmallVector<AffineMap> maps = {identity};
    if (positions) {
      inputs.push_back(positions);
      maps.push_back(AffineMap::get(4, 0, {batch, token}, ctx));
    }
    maps.push_back(identity);
    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < 4; ++dim)
      sizes.push_back(getDimSize(rewriter, loc, input, dim));
    bool inverse = op.getInverse();

    Value result =
        createGeneric(
            rewriter, loc, inputs, {createEmpty(rewriter, loc, sizes, element)},
            maps, getIterators(4),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              SmallVector<Value> idx;
              for (int64_t dim = 0; dim < 4; ++dim)
                idx.push_back(linalg::IndexOp::create(b, nl, dim));
              PairSlot slot = buildPairSlot(b, nl, op, idx[3]);

              // The table row: the token's position id, or the token itself
              // for per-token tables.
              SmallVector<Value> tableIdx;
              if (positions)
                tableIdx = {castToIndex(b, nl, args[1]), slot.pair};
              else
                tableIdx = {idx[0], idx[2], slot.pair};
              Value c = castFloat(
                  b, nl, tensor::ExtractOp::create(b, nl, cos, tableIdx),
                  computeType);
              Value s = castFloat(
                  b, nl, tensor::ExtractOp::create(b, nl, sin, tableIdx),
                  computeType);

              Value self = castFloat(b, nl, args[0], computeType);
              Value other = castFloat(
                  b, nl,
                  tensor::ExtractOp::create(
                      b, nl, input,
                      ValueRange{idx[0], idx[1], idx[2], slot.partner}),
                  computeType);
              // a' = a cos - b sin, b' = b cos + a sin; inverse negates sin.
              Value selfCos = arith::MulFOp::create(b, nl, self, c);
              Value otherSin = arith::MulFOp::create(b, nl, other, s);
              Value minus = arith::SubFOp::create(b, nl, selfCos, otherSin);
              Value plus = arith::AddFOp::create(b, nl, selfCos, otherSin);
              Value rotated =
                  inverse ? arith::SelectOp::create(b, nl, slot.first, plus, minus)
                          : arith::SelectOp::create(b, nl, slot.first, minus, plus);
              Value out =
                  arith::SelectOp::create(b, nl, slot.rotated, rotated, self);
              return SmallVector<Value>{castFloat(b, nl, out, element)};
            })
            ->getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateRopePatterns(RewritePatternSet &patterns) {
  patterns.add<RopeLowering>(patterns.getContext());
}
