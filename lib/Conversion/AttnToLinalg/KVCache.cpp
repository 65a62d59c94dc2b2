//===- KVCache.cpp - Lowering of attn.kv_cache_update ---------------------===//
//
// A gather rather than a scatter: one linalg.generic over the result computes,
// for every slot t of batch b, which new token (if any) lands there,
//
//   linear: s = t - positions[b]
//   ring:   s = (t - positions[b]) mod T      (non-negative remainder)
//
// and reads update[b, h, s, d] when 0 <= s < S, the old cache value
// otherwise. Ring mode needs S <= T (verified), so each slot has at most one
// writer and the gather equals the scatter of the op's description.
//
//===----------------------------------------------------------------------===//

#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

struct KVCacheUpdateLowering : OpConversionPattern<attn::KVCacheUpdateOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::KVCacheUpdateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value cache = adaptor.getCache(), update = adaptor.getUpdate();
    bool ring = op.getMode() == attn::CacheMode::Ring;

    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < 4; ++dim)
      sizes.push_back(getDimSize(rewriter, loc, cache, dim));
    Value slots = getValueOrCreateConstantIndexOp(rewriter, loc, sizes[2]);
    Value newTokens = getDimIndex(rewriter, loc, update, 2);

    AffineExpr batch;
    bindDims(ctx, batch);
    AffineMap identity = AffineMap::getMultiDimIdentityMap(4, ctx);
    SmallVector<AffineMap> maps = {identity,
                                   AffineMap::get(4, 0, {batch}, ctx),
                                   identity};
    Type element = op.getType().getElementType();
    Value result =
        createGeneric(
            rewriter, loc, {cache, adaptor.getPositions()},
            {createEmpty(rewriter, loc, sizes, element)}, maps,
            getIterators(4),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              SmallVector<Value> idx;
              for (int64_t dim = 0; dim < 4; ++dim)
                idx.push_back(linalg::IndexOp::create(b, nl, dim));
              Value zero = arith::ConstantIndexOp::create(b, nl, 0);
              Value start = castToIndex(b, nl, args[1]);
              Value token = arith::SubIOp::create(b, nl, idx[2], start);
              if (ring) {
                // remsi keeps the dividend's sign; adding T and taking the
                // remainder again gives the slot's token in [0, T).
                Value rem = arith::RemSIOp::create(b, nl, token, slots);
                Value shifted = arith::AddIOp::create(b, nl, rem, slots);
                token = arith::RemSIOp::create(b, nl, shifted, slots);
              }
              Value written = arith::AndIOp::create(
                  b, nl,
                  arith::CmpIOp::create(b, nl, arith::CmpIPredicate::sge,
                                        token, zero),
                  arith::CmpIOp::create(b, nl, arith::CmpIPredicate::slt,
                                        token, newTokens));
              // Read the update only for a written slot: for the others the
              // token index is out of range.
              auto ifOp = scf::IfOp::create(
                  b, nl, written,
                  [&](OpBuilder &tb, Location tl) {
                    Value value = tensor::ExtractOp::create(
                        tb, tl, update,
                        ValueRange{idx[0], idx[1], token, idx[3]});
                    scf::YieldOp::create(tb, tl, value);
                  },
                  [&](OpBuilder &eb, Location el) {
                    scf::YieldOp::create(eb, el, args[0]);
                  });
              return SmallVector<Value>{ifOp.getResult(0)};
            })
            ->getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateKVCachePatterns(
    RewritePatternSet &patterns) {
  patterns.add<KVCacheUpdateLowering>(patterns.getContext());
}
