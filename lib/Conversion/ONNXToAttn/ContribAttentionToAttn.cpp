//===- ContribAttentionToAttn.cpp - ORT attention ops to attn -------------===//
//
// com.microsoft GroupQueryAttention and MultiHeadAttention, as onnxruntime
// 1.30's CPU kernels compute them.
//
//===----------------------------------------------------------------------===//

#include "ConversionPatterns.h"
#include "HeadLayout.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace attnc::onnx_to_attn {

namespace {

bool isAbsent(Value value) { return isa<NoneType>(value.getType()); }

/// out[b] = in[b] + delta, widened to i64.
Value addToLengths(OpBuilder &builder, Location loc, Value lengths,
                   int64_t delta) {
  auto type = cast<RankedTensorType>(lengths.getType());
  auto resultType =
      RankedTensorType::get(type.getShape(), builder.getI64Type());
  Value init = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                       builder.getI64Type());
  AffineMap identity = builder.getMultiDimIdentityMap(1);
  return linalg::GenericOp::create(
             builder, loc, resultType, lengths, init,
             ArrayRef<AffineMap>{identity, identity},
             ArrayRef<utils::IteratorType>{utils::IteratorType::parallel},
             [&](OpBuilder &b, Location l, ValueRange args) {
               Value wide = args[0];
               if (!wide.getType().isInteger(64))
                 wide = arith::ExtSIOp::create(b, l, b.getI64Type(), wide);
               Value sum = arith::AddIOp::create(
                   b, l, wide, arith::ConstantIntOp::create(b, l, delta, 64));
               linalg::YieldOp::create(b, l, sum);
             })
      .getResult(0);
}

/// positions[b, s] = totalLength[b] - S + s: the absolute position of each
/// new token when batch b holds totalLength[b] tokens after this step.
Value newTokenPositions(OpBuilder &builder, Location loc, Value totalLengths,
                        int64_t batch, int64_t seq) {
  auto type = RankedTensorType::get({batch, seq}, builder.getI64Type());
  Value init = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                       builder.getI64Type());
  MLIRContext *ctx = builder.getContext();
  AffineMap byBatch = AffineMap::get(2, 0, {getAffineDimExpr(0, ctx)}, ctx);
  AffineMap identity = builder.getMultiDimIdentityMap(2);
  return linalg::GenericOp::create(
             builder, loc, type, totalLengths, init,
             ArrayRef<AffineMap>{byBatch, identity},
             ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                           utils::IteratorType::parallel},
             [&](OpBuilder &b, Location l, ValueRange args) {
               Value s = arith::IndexCastOp::create(
                   b, l, b.getI64Type(), linalg::IndexOp::create(b, l, 1));
               Value start = arith::SubIOp::create(
                   b, l, args[0], arith::ConstantIntOp::create(b, l, seq, 64));
               linalg::YieldOp::create(b, l,
                                       Value(arith::AddIOp::create(b, l, start, s)));
             })
      .getResult(0);
}

RankedTensorType attentionResultType(Value query, Value value) {
  auto q = cast<RankedTensorType>(query.getType());
  auto v = cast<RankedTensorType>(value.getType());
  return RankedTensorType::get({q.getDimSize(0), q.getDimSize(1),
                                q.getDimSize(2), v.getDimSize(3)},
                               q.getElementType());
}

} // namespace

//===----------------------------------------------------------------------===//
// GroupQueryAttention
//===----------------------------------------------------------------------===//

LogicalResult
checkGroupQueryAttentionSupported(onnx::MSGroupQueryAttentionOp op,
                                  std::string &reason) {
  if (isAbsent(op.getKey()) || isAbsent(op.getValue()))
    return reason = "packed QKV (no key/value inputs) is not supported",
           failure();
  if (!isAbsent(op.getPositionIds()))
    return reason = "position_ids are not supported", failure();
  auto query = cast<RankedTensorType>(op.getQuery().getType());
  if (!query.hasStaticShape())
    return reason = "dynamic shapes are not supported", failure();
  if (op.getDoRotary() != 0 &&
      (isAbsent(op.getCosCache()) || isAbsent(op.getSinCache())))
    return reason = "do_rotary needs cos_cache and sin_cache", failure();
  return success();
}

namespace {

struct GroupQueryAttentionToAttn
    : OpRewritePattern<onnx::MSGroupQueryAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::MSGroupQueryAttentionOp op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    if (failed(checkGroupQueryAttentionSupported(op, reason)))
      return rewriter.notifyMatchFailure(op, reason);
    Location loc = op.getLoc();
    auto queryType = cast<RankedTensorType>(op.getQuery().getType());
    int64_t batch = queryType.getDimSize(0), seq = queryType.getDimSize(1);
    Value query = splitHeads(rewriter, loc, op.getQuery(), op.getNumHeads());
    Value key = splitHeads(rewriter, loc, op.getKey(), op.getKvNumHeads());
    Value value = splitHeads(rewriter, loc, op.getValue(), op.getKvNumHeads());

    // seqlens_k holds each batch's total length minus one.
    Value totalLengths = addToLengths(rewriter, loc, op.getSeqlensK(), 1);
    if (op.getDoRotary() != 0) {
      Value positions =
          newTokenPositions(rewriter, loc, totalLengths, batch, seq);
      auto layout = op.getRotaryInterleaved() != 0
                        ? attn::RopeLayout::Interleaved
                        : attn::RopeLayout::HalfSplit;
      int64_t rotaryDim =
          2 * cast<RankedTensorType>(op.getCosCache().getType()).getShape().back();
      auto rotate = [&](Value x) {
        auto rope = attn::RopeOp::create(rewriter, loc, x.getType(), x,
                                         op.getCosCache(), op.getSinCache(),
                                         positions);
        rope.setLayout(layout);
        rope.setRotaryDim(rotaryDim);
        return rope.getResult();
      };
      query = rotate(query);
      key = rotate(key);
    }
    if (!isAbsent(op.getPastKey())) {
      key = concatSequence(rewriter, loc, op.getPastKey(), key);
      value = concatSequence(rewriter, loc, op.getPastValue(), value);
    }

    Value mask = isAbsent(op.getAttentionBias()) ? Value()
                                                 : op.getAttentionBias();
    Value sinks;
    if (!isAbsent(op.getHeadSink())) {
      sinks = op.getHeadSink();
    } else if (op.getSmoothSoftmax() != 0) {
      // smooth_softmax adds 1 = exp(0) to every denominator: a zero sink.
      auto type = RankedTensorType::get({op.getNumHeads()},
                                        queryType.getElementType());
      sinks = arith::ConstantOp::create(
          rewriter, loc, DenseElementsAttr::get(
                             type, rewriter.getZeroAttr(type.getElementType())));
    }
    auto attention = attn::AttentionOp::create(
        rewriter, loc, attentionResultType(query, value), query, key, value,
        mask, sinks, totalLengths);
    attention.setCausal(true);
    if (op.getLocalWindowSize() >= 0)
      attention.setWindowLeft(op.getLocalWindowSize());
    if (auto scale = op.getScale(); scale && scale->convertToDouble() != 0.0)
      attention.setScaleAttr(rewriter.getF64FloatAttr(scale->convertToDouble()));
    if (op.getSoftcap().convertToDouble() > 0.0)
      attention.setSoftcapAttr(
          rewriter.getF64FloatAttr(op.getSoftcap().convertToDouble()));
    Value output = mergeHeads(rewriter, loc, attention.getResult());
    rewriter.replaceOp(op, {output, key, value});
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// MultiHeadAttention
//===----------------------------------------------------------------------===//

LogicalResult
checkMultiHeadAttentionSupported(onnx::MSMultiHeadAttentionOp op,
                                 std::string &reason) {
  if (isAbsent(op.getKey()) || isAbsent(op.getValue()))
    return reason = "packed QKV (no key/value inputs) is not supported",
           failure();
  if (!isAbsent(op.getBias()))
    return reason = "the bias input is not supported", failure();
  bool padding = !isAbsent(op.getKeyPaddingMask());
  if (padding && !isAbsent(op.getAttentionBias()))
    return reason = "key_padding_mask together with attention_bias is not "
                    "supported",
           failure();
  if (padding &&
      cast<RankedTensorType>(op.getKeyPaddingMask().getType()).getRank() != 2)
    return reason = "only a 2-D (B, L) key_padding_mask is supported",
           failure();
  if (!cast<RankedTensorType>(op.getQuery().getType()).hasStaticShape())
    return reason = "dynamic shapes are not supported", failure();
  return success();
}

namespace {

/// mask[b, 0, 0, l] = keep[b, l] ? 0 : filter: onnxruntime adds a finite
/// filter value to padded keys (so a fully padded row averages, like the
/// kernel does).
Value paddingToAdditiveMask(OpBuilder &builder, Location loc, Value keep,
                            Type element, double filter) {
  auto keepType = cast<RankedTensorType>(keep.getType());
  int64_t batch = keepType.getDimSize(0), keys = keepType.getDimSize(1);
  auto type = RankedTensorType::get({batch, 1, 1, keys}, element);
  Value init = tensor::EmptyOp::create(builder, loc, type.getShape(), element);
  MLIRContext *ctx = builder.getContext();
  AffineMap read = AffineMap::get(
      4, 0, {getAffineDimExpr(0, ctx), getAffineDimExpr(3, ctx)}, ctx);
  AffineMap identity = builder.getMultiDimIdentityMap(4);
  auto parallel = utils::IteratorType::parallel;
  return linalg::GenericOp::create(
             builder, loc, type, keep, init,
             ArrayRef<AffineMap>{read, identity},
             ArrayRef<utils::IteratorType>{parallel, parallel, parallel,
                                           parallel},
             [&](OpBuilder &b, Location l, ValueRange args) {
               Value zero = arith::ConstantOp::create(
                   b, l, b.getZeroAttr(args[0].getType()));
               Value kept = arith::CmpIOp::create(
                   b, l, arith::CmpIPredicate::ne, args[0], zero);
               Value none =
                   arith::ConstantOp::create(b, l, b.getFloatAttr(element, 0.0));
               Value masked = arith::ConstantOp::create(
                   b, l, b.getFloatAttr(element, filter));
               linalg::YieldOp::create(
                   b, l,
                   Value(arith::SelectOp::create(b, l, kept, none, masked)));
             })
      .getResult(0);
}

struct MultiHeadAttentionToAttn
    : OpRewritePattern<onnx::MSMultiHeadAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::MSMultiHeadAttentionOp op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    if (failed(checkMultiHeadAttentionSupported(op, reason)))
      return rewriter.notifyMatchFailure(op, reason);
    Location loc = op.getLoc();
    int64_t heads = op.getNumHeads();
    Value query = splitHeads(rewriter, loc, op.getQuery(), heads);
    Value key = splitHeads(rewriter, loc, op.getKey(), heads);
    Value value = splitHeads(rewriter, loc, op.getValue(), heads);
    bool hasPast = !isAbsent(op.getPastKey());
    if (hasPast) {
      key = concatSequence(rewriter, loc, op.getPastKey(), key);
      value = concatSequence(rewriter, loc, op.getPastValue(), value);
    }
    Type element = cast<RankedTensorType>(op.getQuery().getType())
                       .getElementType();
    Value mask;
    if (!isAbsent(op.getKeyPaddingMask()))
      mask = paddingToAdditiveMask(rewriter, loc, op.getKeyPaddingMask(),
                                   element,
                                   op.getMaskFilterValue().convertToDouble());
    else if (!isAbsent(op.getAttentionBias()))
      mask = op.getAttentionBias();
    auto attention = attn::AttentionOp::create(
        rewriter, loc, attentionResultType(query, value), query, key, value,
        mask, /*sinks=*/Value(), /*kv_lengths=*/Value());
    if (op.getUnidirectional() != 0)
      attention.setCausal(true);
    if (auto scale = op.getScale(); scale && scale->convertToDouble() != 0.0)
      attention.setScaleAttr(rewriter.getF64FloatAttr(scale->convertToDouble()));
    Value output = mergeHeads(rewriter, loc, attention.getResult());
    rewriter.replaceOp(op, {output, key, value});
    return success();
  }
};

} // namespace

void populateContribAttentionToAttnPatterns(RewritePatternSet &patterns) {
  patterns.add<GroupQueryAttentionToAttn, MultiHeadAttentionToAttn>(
      patterns.getContext());
}

} // namespace attnc::onnx_to_attn
