//===- LinearAttentionToAttn.cpp - ONNX LinearAttention to attn -----------===//
//
// ONNX LinearAttention (opset 27) packs heads into the last dim of every
// per-token input, (B, T, H * D); attn.linear_attention takes them per head,
// (B, H, T[, D]). Besides splitting heads this pattern
//  - turns a per-head decay or beta (B, T, Hkv) into (B, Hkv, T),
//  - broadcasts a beta shared by all heads, (B, T, 1), to (B, Hkv, T),
//  - drops a decay or beta the update rule does not read (ONNX ignores it),
//  - maps scale 0 to "no scale" (attn's default 1/sqrt(Dk)).
//
//===----------------------------------------------------------------------===//

#include "ConversionPatterns.h"
#include "HeadLayout.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;

namespace attnc::onnx_to_attn {

namespace {

bool isAbsent(Value value) { return isa<NoneType>(value.getType()); }

/// The last dim of a per-token (B, T, N) input.
int64_t widthOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(2);
}

/// (B, T, Hkv) -> (B, Hkv, T): split into one-channel heads, drop the channel.
Value perHeadScalars(OpBuilder &builder, Location loc, Value packed,
                     int64_t heads) {
  Value split = splitHeads(builder, loc, packed, heads);
  return tensor::CollapseShapeOp::create(builder, loc, split,
                                         {{0}, {1}, {2, 3}});
}

/// (B, T, 1) -> (B, Hkv, T): one value per token shared by every head.
Value broadcastOverHeads(OpBuilder &builder, Location loc, Value shared,
                         int64_t heads) {
  auto type = cast<RankedTensorType>(shared.getType());
  Value tokens = tensor::CollapseShapeOp::create(builder, loc, shared,
                                                 {{0}, {1, 2}});
  SmallVector<OpFoldResult> sizes = {
      tensor::getMixedSize(builder, loc, shared, 0),
      builder.getIndexAttr(heads),
      tensor::getMixedSize(builder, loc, shared, 1)};
  Value init =
      tensor::EmptyOp::create(builder, loc, sizes, type.getElementType());
  return linalg::BroadcastOp::create(builder, loc, tokens, init,
                                     ArrayRef<int64_t>{1})
      ->getResult(0);
}

} // namespace

LogicalResult
checkLinearAttentionSupported(onnx::LinearAttentionOp op, std::string &reason) {
  if (!attn::symbolizeUpdateRule(op.getUpdateRule()))
    return reason = "unknown update_rule '" + op.getUpdateRule().str() + "'",
           failure();
  // Splitting heads needs the packed widths; the width of decay and beta
  // also tells their layout apart.
  for (Value input : std::initializer_list<Value>{op.getQuery(), op.getKey(),
                                                  op.getValue(), op.getDecay(),
                                                  op.getBeta()})
    if (!isAbsent(input) && ShapedType::isDynamic(widthOf(input)))
      return reason = "query, key, value, decay and beta need a static last "
                      "dim",
             failure();
  return success();
}

namespace {

struct LinearAttentionToAttn : OpRewritePattern<onnx::LinearAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::LinearAttentionOp op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    if (failed(checkLinearAttentionSupported(op, reason)))
      return rewriter.notifyMatchFailure(op, reason);
    Location loc = op.getLoc();
    attn::UpdateRule rule = *attn::symbolizeUpdateRule(op.getUpdateRule());
    bool gated =
        rule == attn::UpdateRule::Gated || rule == attn::UpdateRule::GatedDelta;
    bool delta =
        rule == attn::UpdateRule::Delta || rule == attn::UpdateRule::GatedDelta;
    int64_t qHeads = op.getQNumHeads(), kvHeads = op.getKvNumHeads();

    Value query = splitHeads(rewriter, loc, op.getQuery(), qHeads);
    Value key = splitHeads(rewriter, loc, op.getKey(), kvHeads);
    Value value = splitHeads(rewriter, loc, op.getValue(), kvHeads);
    Value past = isAbsent(op.getPastState()) ? Value() : op.getPastState();

    Value decay;
    if (gated) {
      // A width of Hkv is one decay per head, else one per key channel
      // (Hkv * Dk; the two agree when Dk = 1).
      decay = widthOf(op.getDecay()) == kvHeads
                  ? perHeadScalars(rewriter, loc, op.getDecay(), kvHeads)
                  : splitHeads(rewriter, loc, op.getDecay(), kvHeads);
    }
    Value beta;
    if (delta) {
      beta = widthOf(op.getBeta()) == kvHeads
                 ? perHeadScalars(rewriter, loc, op.getBeta(), kvHeads)
                 : broadcastOverHeads(rewriter, loc, op.getBeta(), kvHeads);
    }

    auto queryType = cast<RankedTensorType>(query.getType());
    auto keyType = cast<RankedTensorType>(key.getType());
    auto valueType = cast<RankedTensorType>(value.getType());
    Type element = queryType.getElementType();
    auto outputType = RankedTensorType::get(
        {queryType.getDimSize(0), qHeads, queryType.getDimSize(2),
         valueType.getDimSize(3)},
        element);
    auto stateType = RankedTensorType::get(
        {keyType.getDimSize(0), kvHeads, keyType.getDimSize(3),
         valueType.getDimSize(3)},
        element);

    double scale = op.getScale().convertToDouble();
    FloatAttr scaleAttr =
        scale != 0.0 ? rewriter.getF64FloatAttr(scale) : FloatAttr();
    auto linear = attn::LinearAttentionOp::create(
        rewriter, loc, outputType, stateType, query, key, value, past, decay,
        beta, rule, scaleAttr, rewriter.getI64IntegerAttr(op.getChunkSize()));

    Value output = mergeHeads(rewriter, loc, linear.getOutput());
    rewriter.replaceOp(op, {output, linear.getPresentState()});
    return success();
  }
};

} // namespace

void populateLinearAttentionToAttnPatterns(RewritePatternSet &patterns) {
  patterns.add<LinearAttentionToAttn>(patterns.getContext());
}

} // namespace attnc::onnx_to_attn
