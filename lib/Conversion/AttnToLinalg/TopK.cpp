//===- TopK.cpp - Lowering of attn.topk -----------------------------------===//
//
// Selection by rank, in two linalg reductions and without sorting:
//
//   rank[b,s,t]   = #{u finite : scores[u] > scores[t]
//                                or (scores[u] == scores[t] and u < t)}
//   indices[b,s,n] = the finite t with rank[b,s,t] == n, or -1
//
// Ranks of the finite keys are a permutation of [0, F): "descending score,
// lowest index first on ties" made exact. Non-finite keys (-inf, NaN, +inf)
// neither get selected nor push other keys down, so the entries past the F
// finite keys stay -1. Cost O(T^2) per query: a reference, not a kernel.
//
//===----------------------------------------------------------------------===//

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

/// |x| < inf: false for NaN and both infinities.
Value isFinite(OpBuilder &b, Location loc, Value x) {
  auto type = llvm::cast<FloatType>(x.getType());
  Value inf = arith::ConstantOp::create(
      b, loc, type,
      FloatAttr::get(type, APFloat::getInf(type.getFloatSemantics())));
  Value magnitude = math::AbsFOp::create(b, loc, x);
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, magnitude,
                               inf);
}

struct TopKLowering : OpConversionPattern<attn::TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value scores = adaptor.getScores();
    Type indexType = op.getType().getElementType();
    SmallVector<OpFoldResult> scoreSizes;
    for (int64_t dim = 0; dim < 3; ++dim)
      scoreSizes.push_back(getDimSize(rewriter, loc, scores, dim));

    // rank: loops (b, s, t, u), u reduced.
    AffineExpr batch, query, key, other;
    bindDims(ctx, batch, query, key, other);
    Value zero = arith::ConstantOp::create(rewriter, loc, indexType,
                                           rewriter.getIntegerAttr(indexType, 0));
    Value rank =
        createGeneric(
            rewriter, loc, {scores, scores},
            {createFilled(rewriter, loc, scoreSizes, zero)},
            {AffineMap::get(4, 0, {batch, query, key}, ctx),
             AffineMap::get(4, 0, {batch, query, other}, ctx),
             AffineMap::get(4, 0, {batch, query, key}, ctx)},
            getIterators(3, 1),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value self = args[0], rival = args[1];
              Value t = linalg::IndexOp::create(b, nl, 2);
              Value u = linalg::IndexOp::create(b, nl, 3);
              Value greater = arith::CmpFOp::create(
                  b, nl, arith::CmpFPredicate::OGT, rival, self);
              Value tie = arith::AndIOp::create(
                  b, nl,
                  arith::CmpFOp::create(b, nl, arith::CmpFPredicate::OEQ,
                                        rival, self),
                  arith::CmpIOp::create(b, nl, arith::CmpIPredicate::ult, u,
                                        t));
              Value ahead = arith::AndIOp::create(
                  b, nl, isFinite(b, nl, rival),
                  arith::OrIOp::create(b, nl, greater, tie));
              Value one = arith::ExtUIOp::create(b, nl, indexType, ahead);
              return SmallVector<Value>{
                  arith::AddIOp::create(b, nl, args[2], one)};
            })
            ->getResult(0);

    // indices: loops (b, s, n, t), t reduced; at most one t matches each n.
    AffineExpr slot;
    bindDims(ctx, batch, query, slot, key);
    SmallVector<OpFoldResult> resultSizes = {scoreSizes[0], scoreSizes[1],
                                             rewriter.getIndexAttr(op.getK())};
    Value none = arith::ConstantOp::create(
        rewriter, loc, indexType, rewriter.getIntegerAttr(indexType, -1));
    Value indices =
        createGeneric(
            rewriter, loc, {scores, rank},
            {createFilled(rewriter, loc, resultSizes, none)},
            {AffineMap::get(4, 0, {batch, query, key}, ctx),
             AffineMap::get(4, 0, {batch, query, key}, ctx),
             AffineMap::get(4, 0, {batch, query, slot}, ctx)},
            getIterators(3, 1),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value n = arith::IndexCastOp::create(
                  b, nl, indexType, linalg::IndexOp::create(b, nl, 2));
              Value t = arith::IndexCastOp::create(
                  b, nl, indexType, linalg::IndexOp::create(b, nl, 3));
              Value hit = arith::AndIOp::create(
                  b, nl, isFinite(b, nl, args[0]),
                  arith::CmpIOp::create(b, nl, arith::CmpIPredicate::eq,
                                        args[1], n));
              return SmallVector<Value>{
                  arith::SelectOp::create(b, nl, hit, t, args[2])};
            })
            ->getResult(0);
    rewriter.replaceOp(op, indices);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateTopKPatterns(RewritePatternSet &patterns) {
  patterns.add<TopKLowering>(patterns.getContext());
}
