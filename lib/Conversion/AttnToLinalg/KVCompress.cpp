//===- KVCompress.cpp - Lowering of attn.kv_compress ----------------------===//
//
// Each entry i is a per-channel softmax over the gated tokens it pools. The
// tokens come in blocks of m, each read as (gate, content, bias) at token
// i*m + j, j in [0, m): one block without overlap, two with (block i - 1
// through the low channel half, block i through the high half). Three
// generics over [B, N, C] in the compute type:
//
//   zmax[b,i,c]   = max over blocks and j of gate + bias
//   den, num      = sums of e = exp(gate + bias - zmax) and of e * content
//   result[b,i,c] = num / den
//
// Block i - 1 does not exist for entry 0: the low half is padded in front
// with m tokens whose gate is -inf (weight 0) and whose content is 0, so block
// i - 1 is token i*m + j of the padded tensor and every read stays in bounds.
// Only tokens below N*m are read: a trailing incomplete block never is.
//
//===----------------------------------------------------------------------===//

#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// The m tokens of one block that an entry pools, as views read at token
/// i*m + j and channel c: gate and content [B, T', C], bias [m, C].
struct PooledBlock {
  Value gate;
  Value content;
  Value bias;
};

/// `size` divided by the constant `divisor`, rounded down: static when `size`
/// is a static dim. (A dynamic dim stays dynamic even when its value folds to
/// a constant, so the computed types follow the operand types.)
OpFoldResult divideSize(OpBuilder &b, Location loc, OpFoldResult size,
                        int64_t divisor) {
  if (auto attr = llvm::dyn_cast<Attribute>(size))
    return b.getIndexAttr(llvm::cast<IntegerAttr>(attr).getInt() / divisor);
  Value by = arith::ConstantIndexOp::create(b, loc, divisor);
  return arith::DivUIOp::create(b, loc, llvm::cast<Value>(size), by)
      .getResult();
}

/// Channels [offset, offset + size) of the last dim of a rank-2 or rank-3
/// tensor.
Value sliceChannels(OpBuilder &b, Location loc, Value source,
                    OpFoldResult offset, OpFoldResult size) {
  int64_t rank = llvm::cast<RankedTensorType>(source.getType()).getRank();
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes, strides(rank, b.getIndexAttr(1));
  for (int64_t dim = 0; dim < rank - 1; ++dim)
    sizes.push_back(getDimSize(b, loc, source, dim));
  offsets.back() = offset;
  sizes.push_back(size);
  return tensor::ExtractSliceOp::create(b, loc, source, offsets, sizes,
                                        strides);
}

/// `source` [B, T, C] with `count` tokens of `value` in front.
Value padTokensInFront(OpBuilder &b, Location loc, Value source, int64_t count,
                       Value value) {
  SmallVector<OpFoldResult> low = {b.getIndexAttr(0), b.getIndexAttr(count),
                                   b.getIndexAttr(0)};
  SmallVector<OpFoldResult> high(3, b.getIndexAttr(0));
  return tensor::PadOp::create(b, loc, /*resultType=*/Type(), source, low, high,
                               value);
}

/// The blocks entry i pools: block i alone, or (overlap) block i - 1 through
/// channels [0, C) and block i through channels [C, 2C).
SmallVector<PooledBlock> getPooledBlocks(OpBuilder &b, Location loc,
                                         attn::KVCompressOp op, Value content,
                                         Value gate, Value bias,
                                         OpFoldResult channels) {
  if (!op.getOverlap())
    return {{gate, content, bias}};
  auto element = llvm::cast<FloatType>(op.getType().getElementType());
  OpFoldResult zero = b.getIndexAttr(0);
  int64_t ratio = op.getRatio();
  Value noToken = createNegInf(b, loc, element);
  Value noContent = createFloat(b, loc, element, 0.0);
  PooledBlock previous = {
      padTokensInFront(b, loc, sliceChannels(b, loc, gate, zero, channels),
                       ratio, noToken),
      padTokensInFront(b, loc, sliceChannels(b, loc, content, zero, channels),
                       ratio, noContent),
      sliceChannels(b, loc, bias, zero, channels)};
  PooledBlock current = {sliceChannels(b, loc, gate, channels, channels),
                         sliceChannels(b, loc, content, channels, channels),
                         sliceChannels(b, loc, bias, channels, channels)};
  return {previous, current};
}

struct KVCompressLowering : OpConversionPattern<attn::KVCompressOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::KVCompressOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Value content = adaptor.getContent();
    Type element = op.getType().getElementType();
    FloatType computeType = getComputeType(element);
    int64_t ratio = op.getRatio();

    OpFoldResult channels = getDimSize(rewriter, loc, content, 2);
    if (op.getOverlap())
      channels = divideSize(rewriter, loc, channels, 2);
    SmallVector<OpFoldResult> sizes = {
        getDimSize(rewriter, loc, content, 0),
        divideSize(rewriter, loc, getDimSize(rewriter, loc, content, 1), ratio),
        channels};
    SmallVector<PooledBlock> blocks =
        getPooledBlocks(rewriter, loc, op, content, adaptor.getGate(),
                        adaptor.getPositionBias(), channels);

    // Loops (b, i, c, j), j reduced: token i*m + j, bias row j.
    AffineExpr batch, entry, chan, pos;
    bindDims(ctx, batch, entry, chan, pos);
    AffineMap tokenMap =
        AffineMap::get(4, 0, {batch, entry * ratio + pos, chan}, ctx);
    AffineMap biasMap = AffineMap::get(4, 0, {pos, chan}, ctx);
    AffineMap entryMap = AffineMap::get(4, 0, {batch, entry, chan}, ctx);
    auto logit = [&](OpBuilder &b, Location l, Value gate, Value bias) {
      return arith::AddFOp::create(b, l, castFloat(b, l, gate, computeType),
                                   castFloat(b, l, bias, computeType))
          .getResult();
    };

    // zmax: the softmax shift, so that no exp overflows.
    SmallVector<Value> maxInputs;
    SmallVector<AffineMap> maxMaps;
    for (const PooledBlock &block : blocks) {
      maxInputs.append({block.gate, block.bias});
      maxMaps.append({tokenMap, biasMap});
    }
    maxMaps.push_back(entryMap);
    Value negInf = createNegInf(rewriter, loc, computeType);
    Value zmax =
        createGeneric(rewriter, loc, maxInputs,
                      {createFilled(rewriter, loc, sizes, negInf)}, maxMaps,
                      getIterators(3, 1),
                      [&](OpBuilder &b, Location l, ValueRange args) {
                        Value max = args.back();
                        for (size_t n = 0; n < blocks.size(); ++n)
                          max = arith::MaximumFOp::create(
                              b, l, max,
                              logit(b, l, args[2 * n], args[2 * n + 1]));
                        return SmallVector<Value>{max};
                      })
            ->getResult(0);

    // den and num in one pass over the tokens.
    SmallVector<Value> sumInputs;
    SmallVector<AffineMap> sumMaps;
    for (const PooledBlock &block : blocks) {
      sumInputs.append({block.gate, block.bias, block.content});
      sumMaps.append({tokenMap, biasMap, tokenMap});
    }
    sumInputs.push_back(zmax);
    sumMaps.append({entryMap, entryMap, entryMap});
    Value zero = createFloat(rewriter, loc, computeType, 0.0);
    Operation *sums = createGeneric(
        rewriter, loc, sumInputs,
        {createFilled(rewriter, loc, sizes, zero),
         createFilled(rewriter, loc, sizes, zero)},
        sumMaps, getIterators(3, 1),
        [&](OpBuilder &b, Location l, ValueRange args) {
          size_t shiftArg = 3 * blocks.size();
          Value shift = args[shiftArg];
          Value den = args[shiftArg + 1], num = args[shiftArg + 2];
          for (size_t n = 0; n < blocks.size(); ++n) {
            Value z = logit(b, l, args[3 * n], args[3 * n + 1]);
            Value weight = math::ExpOp::create(
                b, l, arith::SubFOp::create(b, l, z, shift));
            Value x = castFloat(b, l, args[3 * n + 2], computeType);
            den = arith::AddFOp::create(b, l, den, weight);
            num = arith::AddFOp::create(b, l, num,
                                        arith::MulFOp::create(b, l, weight, x));
          }
          return SmallVector<Value>{den, num};
        });

    AffineMap identity = AffineMap::getMultiDimIdentityMap(3, ctx);
    Value result =
        createGeneric(
            rewriter, loc, sums->getResults(),
            {createEmpty(rewriter, loc, sizes, element)},
            {identity, identity, identity}, getIterators(3),
            [&](OpBuilder &b, Location l, ValueRange args) {
              Value pooled = arith::DivFOp::create(b, l, args[1], args[0]);
              return SmallVector<Value>{castFloat(b, l, pooled, element)};
            })
            ->getResult(0);
    // The op's result type may know dims that the operands leave dynamic.
    if (result.getType() != op.getType())
      result = tensor::CastOp::create(rewriter, loc, op.getType(), result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateKVCompressPatterns(
    RewritePatternSet &patterns) {
  patterns.add<KVCompressLowering>(patterns.getContext());
}
