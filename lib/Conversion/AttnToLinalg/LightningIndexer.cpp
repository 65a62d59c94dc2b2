//===- LightningIndexer.cpp - Lowering of attn.lightning_indexer ----------===//
//
// Three generics in f32 (the result type):
//
//   dots[b,t,j,s] = sum_d query[b,t,j,d] * key[b,s,d]
//   I[b,t,s]      = sum_j weights[b,t,j] * relu(dots[b,t,j,s])
//   I[b,t,s]      = causal and s > t + (T - S) ? -inf : scale * I[b,t,s]
//
// The ReLU sits between the two reductions, so they cannot fuse into one
// contraction.
//
//===----------------------------------------------------------------------===//

#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

struct LightningIndexerLowering
    : OpConversionPattern<attn::LightningIndexerOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::LightningIndexerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value query = adaptor.getQuery(), key = adaptor.getKey(),
          weights = adaptor.getWeights();
    auto f32 = rewriter.getF32Type();
    Value zero = createFloat(rewriter, loc, f32, 0.0);

    OpFoldResult batchSize = getDimSize(rewriter, loc, query, 0);
    OpFoldResult queries = getDimSize(rewriter, loc, query, 1);
    OpFoldResult heads = getDimSize(rewriter, loc, query, 2);
    OpFoldResult keys = getDimSize(rewriter, loc, key, 1);

    // dots: loops (b, t, j, s, d), d reduced.
    AffineExpr batch, row, head, col, chan;
    bindDims(ctx, batch, row, head, col, chan);
    Value dots =
        createGeneric(
            rewriter, loc, {query, key},
            {createFilled(rewriter, loc, {batchSize, queries, heads, keys},
                          zero)},
            {AffineMap::get(5, 0, {batch, row, head, chan}, ctx),
             AffineMap::get(5, 0, {batch, col, chan}, ctx),
             AffineMap::get(5, 0, {batch, row, head, col}, ctx)},
            getIterators(4, 1),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value product =
                  arith::MulFOp::create(b, nl, castFloat(b, nl, args[0], f32),
                                        castFloat(b, nl, args[1], f32));
              return SmallVector<Value>{
                  arith::AddFOp::create(b, nl, args[2], product)};
            })
            ->getResult(0);

    // index: loops (b, t, s, j), j reduced.
    bindDims(ctx, batch, row, col, head);
    Value index =
        createGeneric(
            rewriter, loc, {dots, weights},
            {createFilled(rewriter, loc, {batchSize, queries, keys}, zero)},
            {AffineMap::get(4, 0, {batch, row, head, col}, ctx),
             AffineMap::get(4, 0, {batch, row, head}, ctx),
             AffineMap::get(4, 0, {batch, row, col}, ctx)},
            getIterators(3, 1),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value relu = arith::MaximumFOp::create(b, nl, args[0], zero);
              Value weighted = arith::MulFOp::create(
                  b, nl, castFloat(b, nl, args[1], f32), relu);
              return SmallVector<Value>{
                  arith::AddFOp::create(b, nl, args[2], weighted)};
            })
            ->getResult(0);

    double scaleValue = 1.0;
    if (std::optional<APFloat> scale = op.getScale())
      scaleValue = scale->convertToDouble();
    Value scale = createFloat(rewriter, loc, f32, scaleValue);
    bool causal = op.getCausal();
    Value offset;
    if (causal)
      offset = arith::SubIOp::create(rewriter, loc,
                                     getDimIndex(rewriter, loc, key, 1),
                                     getDimIndex(rewriter, loc, query, 1));
    Value negInf = createNegInf(rewriter, loc, f32);
    Value result =
        createGeneric(
            rewriter, loc, {}, {index},
            {AffineMap::getMultiDimIdentityMap(3, ctx)}, getIterators(3),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value scaled = arith::MulFOp::create(b, nl, args[0], scale);
              if (!causal)
                return SmallVector<Value>{scaled};
              // Bottom-right: query t sees keys s <= t + (T - S).
              Value t = linalg::IndexOp::create(b, nl, 1);
              Value s = linalg::IndexOp::create(b, nl, 2);
              Value last = arith::AddIOp::create(b, nl, t, offset);
              Value future = arith::CmpIOp::create(
                  b, nl, arith::CmpIPredicate::sgt, s, last);
              return SmallVector<Value>{
                  arith::SelectOp::create(b, nl, future, negInf, scaled)};
            })
            ->getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateLightningIndexerPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LightningIndexerLowering>(patterns.getContext());
}
