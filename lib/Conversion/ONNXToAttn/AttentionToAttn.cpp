//===- AttentionToAttn.cpp - ONNX Attention (23/24) to attn.attention -----===//
//
// The ONNX errata semantics map one to one onto attn.attention attributes:
// softcap before the mask, bottom-right causal alignment when a past or
// nonpad_kv_seqlen is given (top-left otherwise), zero for fully masked rows.
//
//===----------------------------------------------------------------------===//

#include "ConversionPatterns.h"
#include "HeadLayout.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Utils/Utils.h"
#include "mlir/IR/PatternMatch.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;

namespace attnc::onnx_to_attn {

LogicalResult checkAttentionSupported(onnx::AttentionOp op,
                                      std::string &reason) {
  auto q = cast<RankedTensorType>(op.getQ().getType());
  if (q.getRank() == 3 &&
      ShapedType::isDynamic(q.getDimSize(2)))
    return reason = "a 3-D Q needs a static hidden size", failure();
  auto k = cast<RankedTensorType>(op.getK().getType());
  if (k.getRank() != q.getRank())
    return reason = "Q and K must both be 3-D or both 4-D", failure();
  if (!op.getQkMatmulOutput().use_empty()) {
    int64_t mode = op.getQkMatmulOutputMode();
    if (mode < 0 || mode > 3)
      return reason = "unknown qk_matmul_output_mode " + std::to_string(mode),
             failure();
    // The 4-D forms carry the head counts in the shapes; the GQA head
    // mapping of the recomputed scores needs them.
    if (q.getRank() == 4 && (ShapedType::isDynamic(q.getDimSize(1)) ||
                             ShapedType::isDynamic(k.getDimSize(1))))
      return reason = "qk_matmul_output needs static head counts", failure();
    if (!op.getScale() && q.getRank() == 4 &&
        ShapedType::isDynamic(q.getDimSize(3)))
      return reason = "qk_matmul_output without a scale needs a static head "
                      "size",
             failure();
  }
  return success();
}

namespace {

/// Pads an attention mask whose key dim is shorter than the total key length
/// (allowed since opset 24): the missing keys are masked.
FailureOr<Value> padMaskKeys(PatternRewriter &rewriter, Location loc,
                             Value mask, int64_t totalKeys) {
  auto type = cast<RankedTensorType>(mask.getType());
  int64_t keys = type.getShape().back();
  if (ShapedType::isDynamic(keys) || ShapedType::isDynamic(totalKeys) ||
      keys == totalKeys || keys == 1)
    return mask;
  if (keys > totalKeys)
    return failure();
  SmallVector<int64_t> shape(type.getShape());
  shape.back() = totalKeys;
  Type element = type.getElementType();
  TypedAttr fill =
      element.isInteger(1)
          ? TypedAttr(rewriter.getBoolAttr(false))
          : TypedAttr(rewriter.getFloatAttr(
                element, -std::numeric_limits<double>::infinity()));
  Value padding = arith::ConstantOp::create(rewriter, loc, fill);
  return tensor::createPadHighOp(RankedTensorType::get(shape, element), mask,
                                 padding, /*nofold=*/false, loc, rewriter)
      .getResult();
}

/// The inputs of qk_matmul_output: the operands given to attn.attention and
/// the op's attributes (the scale as attn.attention defaults it).
QKMatmulOutputSpec qkMatmulOutputSpec(onnx::AttentionOp op, Value query,
                                      Value key, Value mask, Value lengths) {
  QKMatmulOutputSpec spec;
  spec.query = query;
  spec.key = key;
  spec.mask = mask;
  spec.kvLengths = lengths;
  int64_t headSize = cast<RankedTensorType>(query.getType()).getDimSize(3);
  spec.scale = op.getScale() ? op.getScale()->convertToDouble()
                             : 1.0 / std::sqrt(double(headSize));
  spec.softcap = std::max(op.getSoftcap().convertToDouble(), 0.0);
  spec.causal = op.getIsCausal() != 0;
  if (!isa<NoneType>(op.getPastKey().getType()))
    spec.pastKey = op.getPastKey();
  spec.mode = op.getQkMatmulOutputMode();
  return spec;
}

/// The past length P when the causal position i + P differs from the
/// bottom-right one (static shapes only: new keys and queries of different
/// counts), or nothing.
std::optional<int64_t> causalPastWindow(onnx::AttentionOp op,
                                        RankedTensorType perHeadQuery) {
  auto past = cast<RankedTensorType>(op.getPastKey().getType());
  auto keys = cast<RankedTensorType>(op.getK().getType());
  int64_t newKeys = keys.getDimSize(keys.getRank() == 4 ? 2 : 1);
  int64_t queries = perHeadQuery.getDimSize(2);
  int64_t pastKeys = past.getDimSize(2);
  if (ShapedType::isDynamic(newKeys) || ShapedType::isDynamic(queries) ||
      ShapedType::isDynamic(pastKeys) || newKeys == queries)
    return std::nullopt;
  return pastKeys;
}

struct AttentionToAttn : OpRewritePattern<onnx::AttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::AttentionOp op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    if (failed(checkAttentionSupported(op, reason)))
      return rewriter.notifyMatchFailure(op, reason);
    Location loc = op.getLoc();
    bool packed = cast<RankedTensorType>(op.getQ().getType()).getRank() == 3;

    Value query = op.getQ(), key = op.getK(), value = op.getV();
    if (packed) {
      if (!op.getQNumHeads() || !op.getKvNumHeads())
        return rewriter.notifyMatchFailure(op, "3-D inputs need head counts");
      query = splitHeads(rewriter, loc, query, *op.getQNumHeads());
      key = splitHeads(rewriter, loc, key, *op.getKvNumHeads());
      value = splitHeads(rewriter, loc, value, *op.getKvNumHeads());
    }
    bool hasPast = !isa<NoneType>(op.getPastKey().getType());
    if (hasPast) {
      key = concatSequence(rewriter, loc, op.getPastKey(), key);
      value = concatSequence(rewriter, loc, op.getPastValue(), value);
    }
    auto keyType = cast<RankedTensorType>(key.getType());

    Value mask;
    if (!isa<NoneType>(op.getAttnMask().getType())) {
      FailureOr<Value> padded =
          padMaskKeys(rewriter, loc, op.getAttnMask(), keyType.getDimSize(2));
      if (failed(padded))
        return rewriter.notifyMatchFailure(op, "mask longer than the keys");
      mask = *padded;
    }
    Value lengths;
    if (!isa<NoneType>(op.getNonpadKvSeqlen().getType()))
      lengths = op.getNonpadKvSeqlen();

    auto queryType = cast<RankedTensorType>(query.getType());
    auto valueType = cast<RankedTensorType>(value.getType());
    auto resultType = RankedTensorType::get(
        {queryType.getDimSize(0), queryType.getDimSize(1),
         queryType.getDimSize(2), valueType.getDimSize(3)},
        queryType.getElementType());
    // Built first: the only way left for the pattern to fail.
    FailureOr<Value> qkMatmulOutput = Value();
    if (!op.getQkMatmulOutput().use_empty()) {
      auto qkType = cast<RankedTensorType>(op.getQkMatmulOutput().getType());
      qkMatmulOutput = buildQKMatmulOutput(
          rewriter, loc, qkMatmulOutputSpec(op, query, key, mask, lengths),
          qkType.getElementType());
      if (failed(qkMatmulOutput))
        return rewriter.notifyMatchFailure(op, "cannot build qk_matmul_output");
      if (qkMatmulOutput->getType() != qkType)
        qkMatmulOutput = tensor::CastOp::create(rewriter, loc, qkType,
                                                *qkMatmulOutput)
                             .getResult();
    }
    auto attention = attn::AttentionOp::create(
        rewriter, loc, resultType, query, key, value, mask, /*sinks=*/Value(),
        lengths);
    // ONNX places query row i at key position i + P with a past of P keys
    // (i + nonpad_kv_seqlen - Sq with lengths, i otherwise). Bottom-right
    // alignment says i + T - Sq, the same when the new keys are as many as
    // the queries; otherwise "j <= i + P" is a top-left window.
    std::optional<int64_t> pastWindow =
        hasPast && !lengths ? causalPastWindow(op, queryType) : std::nullopt;
    if (op.getIsCausal() != 0 && pastWindow) {
      attention.setAlignment(attn::Alignment::TopLeft);
      attention.setWindowRightAttr(rewriter.getI64IntegerAttr(*pastWindow));
    } else {
      if (op.getIsCausal() != 0)
        attention.setCausal(true);
      attention.setAlignment(hasPast || lengths ? attn::Alignment::BottomRight
                                                : attn::Alignment::TopLeft);
    }
    if (auto scale = op.getScale())
      attention.setScaleAttr(rewriter.getF64FloatAttr(scale->convertToDouble()));
    if (op.getSoftcap().convertToDouble() > 0.0)
      attention.setSoftcapAttr(
          rewriter.getF64FloatAttr(op.getSoftcap().convertToDouble()));
    if (auto code = op.getSoftmaxPrecision()) {
      // Only ever widen: a narrower request cannot change ONNX's result.
      FloatType precision =
          floatTypeOfONNXCode(rewriter.getContext(), *code);
      if (precision && precision.getWidth() >
                           attention.getEffectiveSoftmaxType().getWidth())
        attention.setSoftmaxPrecision(precision);
    }

    Value output = attention.getResult();
    if (packed)
      output = mergeHeads(rewriter, loc, output);
    Value qk = *qkMatmulOutput;
    if (!qk)
      qk = unusedResult(rewriter, loc, op.getQkMatmulOutput().getType());
    rewriter.replaceOp(op, {output, key, value, qk});
    return success();
  }
};

} // namespace

void populateAttentionToAttnPatterns(RewritePatternSet &patterns) {
  patterns.add<AttentionToAttn>(patterns.getContext());
}

} // namespace attnc::onnx_to_attn
