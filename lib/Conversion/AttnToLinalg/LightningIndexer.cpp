//===- LightningIndexer.cpp - Lowering of attn.lightning_indexer ----------===//
//
// One query row at a time, over only the keys that row can see, in f32 (the
// result type):
//
//   keyT[b,d,s] = key[b,s,d]                              (once, O(T * D))
//   for b, t:
//     n          = causal ? clamp(t + (T - S) + 1, 0, T) : T
//     dots[j,s]  = sum_d query[b,t,j,d] * keyT[b,d,s]     (s < n)
//     row[s]     = sum_j weights[b,t,j] * relu(dots[j,s])
//     I[b,t,0:n] = scale * row      (I starts as -inf when causal)
//
// Why this shape: the ReLU sits between the two reductions, so they cannot
// fuse into one contraction, and materialising dots for every query
// (B x S x H_I x T) streams hundreds of MiB through memory. Per row, dots is
// H_I x n floats and stays in cache. Both generics have the key axis s as
// their only output axis that ends a row of an input (keyT and dots are
// s-contiguous), so interchange-reduction-loops moves the reductions outside
// s and LLVM vectorises the s loop; the transposed key copy is what makes
// the channel reduction stream. Each step of the channel loop takes up to 8
// channels (getChannelStep), so dots[j,s] is loaded and stored once per 8
// multiply-adds rather than once per multiply-add. Keys beyond the causal
// limit are never scored: bottom-right causal masking halves the work in
// prefill.
//
// The sums run over d, then j, one term at a time in increasing order as
// before, so the scores are bit-identical to the computed-then-masked form
// (attn.topk compares them; a reordered sum could flip near-ties).
//
//===----------------------------------------------------------------------===//

#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// The slice of `source` at `offsets` with `sizes`, unit strides, with the
/// leading unit dims dropped down to `rank` dims.
Value extractSlice(OpBuilder &b, Location loc, Value source, unsigned rank,
                   ArrayRef<OpFoldResult> offsets,
                   ArrayRef<OpFoldResult> sizes) {
  auto type = tensor::ExtractSliceOp::inferCanonicalRankReducedResultType(
      rank, cast<RankedTensorType>(source.getType()), sizes);
  SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(b, loc, type, source, offsets, sizes,
                                        strides);
}

/// keyT[b,d,s] = f32(key[b,s,d]): the channel reduction then streams along
/// the key axis, and f16/bf16 keys widen once instead of once per query.
Value transposeKeys(OpBuilder &b, Location loc, Value key) {
  MLIRContext *ctx = b.getContext();
  auto f32 = b.getF32Type();
  AffineExpr batch, chan, col;
  bindDims(ctx, batch, chan, col);
  return createGeneric(b, loc, {key},
                       {createEmpty(b, loc,
                                    {getDimSize(b, loc, key, 0),
                                     getDimSize(b, loc, key, 2),
                                     getDimSize(b, loc, key, 1)},
                                    f32)},
                       {AffineMap::get(3, 0, {batch, col, chan}, ctx),
                        AffineMap::getMultiDimIdentityMap(3, ctx)},
                       getIterators(3),
                       [&](OpBuilder &nb, Location nl, ValueRange args) {
                         return SmallVector<Value>{
                             castFloat(nb, nl, args[0], f32)};
                       })
      ->getResult(0);
}

/// How many channels one step of the channel reduction takes: 8 (or the
/// largest of 4, 2 that divides D; 1 when D is dynamic). The running dot then
/// stays in a register for that many multiply-adds, where one channel per
/// step loads and stores dots[j,s] around each one (8 per step measured 20-25%
/// faster at D = 32 than 1).
int64_t getChannelStep(int64_t channels) {
  if (ShapedType::isDynamic(channels))
    return 1;
  for (int64_t step : {8, 4, 2})
    if (channels % step == 0)
      return step;
  return 1;
}

/// dots[j,s] = sum_d query[j,d] * keys[d,s] (keys D x n, channel-major), the
/// channels summed one by one in increasing order, `step` of them per
/// iteration of the reduction loop c: loops (j, s, c), c reduced. The query
/// row is viewed as [H, D/step, step] so that c is a loop dim of an operand.
Value channelDots(OpBuilder &b, Location loc, Value query, Value keys) {
  MLIRContext *ctx = b.getContext();
  auto f32 = b.getF32Type();
  auto queryType = cast<RankedTensorType>(query.getType());
  int64_t step = getChannelStep(queryType.getDimSize(1));
  AffineExpr head, col, chunk;
  bindDims(ctx, head, col, chunk);
  Value queryChunks = query;
  if (step > 1)
    queryChunks = tensor::ExpandShapeOp::create(
        b, loc,
        RankedTensorType::get(
            {queryType.getDimSize(0), queryType.getDimSize(1) / step, step},
            queryType.getElementType()),
        query, ArrayRef<ReassociationIndices>{{0}, {1, 2}});
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (int64_t u = 0; u < step; ++u) {
    SmallVector<AffineExpr> channel = {head, chunk};
    if (step > 1)
      channel.push_back(getAffineConstantExpr(u, ctx));
    inputs.push_back(queryChunks);
    maps.push_back(AffineMap::get(3, 0, channel, ctx));
  }
  for (int64_t u = 0; u < step; ++u) {
    inputs.push_back(keys);
    maps.push_back(AffineMap::get(3, 0, {chunk * step + u, col}, ctx));
  }
  maps.push_back(AffineMap::get(3, 0, {head, col}, ctx));
  Value zero = createFloat(b, loc, f32, 0.0);
  return createGeneric(b, loc, inputs,
                       {createFilled(b, loc,
                                     {getDimSize(b, loc, query, 0),
                                      getDimSize(b, loc, keys, 1)},
                                     zero)},
                       maps, getIterators(2, 1),
                       [&](OpBuilder &nb, Location nl, ValueRange args) {
                         Value sum = args[2 * step];
                         for (int64_t u = 0; u < step; ++u) {
                           Value product = arith::MulFOp::create(
                               nb, nl, castFloat(nb, nl, args[u], f32),
                               args[step + u]);
                           sum = arith::AddFOp::create(nb, nl, sum, product);
                         }
                         return SmallVector<Value>{sum};
                       })
      ->getResult(0);
}

/// The scores of one query row against `keys` (D x n, channel-major):
/// scale * sum_j weights[j] * relu(query[j,:] . keys[:,s]) for s < n.
Value scoreRow(OpBuilder &b, Location loc, Value query, Value keys,
               Value weights, std::optional<double> scale) {
  MLIRContext *ctx = b.getContext();
  auto f32 = b.getF32Type();
  Value zero = createFloat(b, loc, f32, 0.0);
  OpFoldResult visible = getDimSize(b, loc, keys, 1);
  Value dots = channelDots(b, loc, query, keys);

  // row: loops (s, j), j reduced.
  AffineExpr col, head;
  bindDims(ctx, col, head);
  Value row =
      createGeneric(
          b, loc, {dots, weights}, {createFilled(b, loc, {visible}, zero)},
          {AffineMap::get(2, 0, {head, col}, ctx),
           AffineMap::get(2, 0, {head}, ctx), AffineMap::get(2, 0, {col}, ctx)},
          getIterators(1, 1),
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value relu = arith::MaximumFOp::create(nb, nl, args[0], zero);
            Value weighted = arith::MulFOp::create(
                nb, nl, castFloat(nb, nl, args[1], f32), relu);
            return SmallVector<Value>{
                arith::AddFOp::create(nb, nl, args[2], weighted)};
          })
          ->getResult(0);
  if (!scale)
    return row;
  Value factor = createFloat(b, loc, f32, *scale);
  return scaleAndCast(b, loc, row, factor, f32);
}

/// The number of keys query row `t` sees: clamp(t + (T - S) + 1, 0, T) under
/// bottom-right causal masking, all T otherwise.
OpFoldResult visibleKeys(OpBuilder &b, Location loc, Value t, Value query,
                         Value key, bool causal) {
  if (!causal)
    return getDimSize(b, loc, key, 1);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value keys = getDimIndex(b, loc, key, 1);
  Value offset =
      arith::SubIOp::create(b, loc, keys, getDimIndex(b, loc, query, 1));
  Value last = arith::AddIOp::create(b, loc, t, offset);
  Value count = arith::AddIOp::create(b, loc, last, one);
  return arith::MinSIOp::create(
             b, loc, arith::MaxSIOp::create(b, loc, count, zero), keys)
      .getResult();
}

struct LightningIndexerLowering
    : OpConversionPattern<attn::LightningIndexerOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::LightningIndexerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value query = adaptor.getQuery(), key = adaptor.getKey(),
          weights = adaptor.getWeights();
    auto f32 = rewriter.getF32Type();
    bool causal = op.getCausal();
    std::optional<double> scale;
    if (std::optional<APFloat> value = op.getScale())
      scale = value->convertToDouble();

    OpFoldResult batchSize = getDimSize(rewriter, loc, query, 0);
    OpFoldResult queries = getDimSize(rewriter, loc, query, 1);
    OpFoldResult heads = getDimSize(rewriter, loc, query, 2);
    OpFoldResult channels = getDimSize(rewriter, loc, query, 3);
    OpFoldResult keys = getDimSize(rewriter, loc, key, 1);
    SmallVector<OpFoldResult> resultSizes = {batchSize, queries, keys};
    // Keys a row does not see keep -inf; without a mask every score is
    // written.
    Value init = causal ? createFilled(rewriter, loc, resultSizes,
                                       createNegInf(rewriter, loc, f32))
                        : createEmpty(rewriter, loc, resultSizes, f32);
    Value keyT = transposeKeys(rewriter, loc, key);

    OpFoldResult zeroAttr = rewriter.getIndexAttr(0),
                 oneAttr = rewriter.getIndexAttr(1);
    Value result = buildBatchRowLoop(
        rewriter, loc, query, /*rowDim=*/1, init,
        [&](OpBuilder &b, Location nl, Value batch, Value t, Value acc) {
          OpFoldResult visible = visibleKeys(b, nl, t, query, key, causal);
          Value queryRow =
              extractSlice(b, nl, query, 2, {batch, t, zeroAttr, zeroAttr},
                           {oneAttr, oneAttr, heads, channels});
          Value keyCols =
              extractSlice(b, nl, keyT, 2, {batch, zeroAttr, zeroAttr},
                           {oneAttr, channels, visible});
          Value weightRow =
              extractSlice(b, nl, weights, 1, {batch, t, zeroAttr},
                           {oneAttr, oneAttr, heads});
          Value row = scoreRow(b, nl, queryRow, keyCols, weightRow, scale);
          SmallVector<OpFoldResult> strides(3, oneAttr);
          return tensor::InsertSliceOp::create(b, nl, row, acc,
                                               {batch, t, zeroAttr},
                                               {oneAttr, oneAttr, visible},
                                               strides)
              .getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateLightningIndexerPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LightningIndexerLowering>(patterns.getContext());
}
