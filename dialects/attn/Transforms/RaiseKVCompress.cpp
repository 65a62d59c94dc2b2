//===- RaiseKVCompress.cpp - V4 compressor to attn.kv_compress ------------===//
//
// DeepSeek V4's heavily compressed attention (HCA) pools every block of m
// tokens into one KV entry with a learned, per-channel softmax gate. Exported,
// the compressor reads (techniques.md 11.5):
//
//   G = Reshape(gate,    [B, N, m, C])       gate, content : B x T x C, T = N*m
//   X = Reshape(content, [B, N, m, C])
//   P = Softmax(Add(G, position_bias), axis = 2)   position_bias : m x C
//   entries = ReduceSum(Mul(P, X), axes = [2], keepdims = 0)      B x N x C
//
// which is attn.kv_compress {ratio = m} exactly (its non-overlapping form).
// When T is not a multiple of m the exporter first slices the first N*m
// tokens; kv_compress drops the incomplete block itself, so the Slice is
// looked through.
//
// The overlapping CSA form (channels [0, C) of block i - 1 and [C, 2C) of
// block i pooled together; gate and content B x T x 2C, bias m x 2C) is
// spelled on the same block views Gb = Add(Reshape(gate), bias) and
// Xb = Reshape(content) as
//
//   Z = Concat(Concat(-inf [B,1,m,C], Gb[:, 0:N-1, :, 0:C], axis 1),
//              Gb[:, :, :, C:2C], axis 2)                       B x N x 2m x C
//   X = Concat(Concat(0 [B,1,m,C],    Xb[:, 0:N-1, :, 0:C], axis 1),
//              Xb[:, :, :, C:2C], axis 2)
//   entries = ReduceSum(Mul(Softmax(Z, axis 2), X), axes [2])
//
// (the two Slices of each piece in either order): attn.kv_compress
// {ratio = m, overlap}. Block -1 has -inf gates, so its zero content is
// never read.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <limits>

using namespace mlir;

namespace {

constexpr int64_t kBlockDim = 2;

bool hasConstantInts(Value value, ArrayRef<int64_t> expected) {
  std::optional<SmallVector<int64_t>> values =
      onnx::getConstantIntValues(value);
  return values && ArrayRef<int64_t>(*values) == expected;
}

/// `token` [B, T, C] when `blocks` [B, N, m, C] is its Reshape into blocks of
/// m tokens (T = N*m), or the source of a Slice of the first N*m tokens of
/// [B, T', C] with floor(T' / m) = N.
Value matchBlockView(Value blocks, int64_t ratio) {
  auto reshape = blocks.getDefiningOp<onnx::ReshapeOp>();
  if (!reshape)
    return Value();
  auto view = cast<RankedTensorType>(blocks.getType());
  auto tokens = dyn_cast<RankedTensorType>(reshape.getData().getType());
  if (!tokens || tokens.getRank() != 3 || !tokens.hasStaticShape() ||
      tokens.getDimSize(0) != view.getDimSize(0) ||
      tokens.getDimSize(1) != view.getDimSize(1) * ratio ||
      tokens.getDimSize(2) != view.getDimSize(3))
    return Value();
  Value source = reshape.getData();
  // The exporter's Slice of the complete blocks.
  if (auto slice = source.getDefiningOp<onnx::SliceOp>()) {
    auto whole = cast<RankedTensorType>(slice.getData().getType());
    int64_t complete = tokens.getDimSize(1);
    bool firstTokens =
        whole.hasStaticShape() && whole.getRank() == 3 &&
        hasConstantInts(slice.getStarts(), {0}) &&
        hasConstantInts(slice.getEnds(), {complete}) &&
        (hasConstantInts(slice.getAxes(), {1}) ||
         hasConstantInts(slice.getAxes(), {-2})) &&
        (isa<NoneType>(slice.getSteps().getType()) ||
         hasConstantInts(slice.getSteps(), {1}));
    if (firstTokens && whole.getDimSize(1) / ratio * ratio == complete)
      return slice.getData();
  }
  return source;
}

/// `value` when it is `Slice(source, [start], [end], [axis])` (step 1), the
/// source; else null.
Value peelSlice(Value value, int64_t axis, int64_t start, int64_t end) {
  auto slice = value.getDefiningOp<onnx::SliceOp>();
  if (!slice)
    return Value();
  int64_t rank = cast<RankedTensorType>(slice.getData().getType()).getRank();
  if (!hasConstantInts(slice.getStarts(), {start}) ||
      !hasConstantInts(slice.getEnds(), {end}) ||
      !(hasConstantInts(slice.getAxes(), {axis}) ||
        hasConstantInts(slice.getAxes(), {axis - rank})) ||
      !(isa<NoneType>(slice.getSteps().getType()) ||
        hasConstantInts(slice.getSteps(), {1})))
    return Value();
  return slice.getData();
}

/// The source of two Slices, {axis, start, end} each, applied in either order.
Value peelTwoSlices(Value value, std::array<int64_t, 3> first,
                    std::array<int64_t, 3> second) {
  for (auto [outer, inner] : {std::pair(first, second), std::pair(second, first)})
    if (Value middle = peelSlice(value, outer[0], outer[1], outer[2]))
      if (Value source = peelSlice(middle, inner[0], inner[1], inner[2]))
        return source;
  return Value();
}

bool isUniform(Value value, double want) {
  DenseElementsAttr dense;
  if (matchPattern(value, m_Constant(&dense)) && dense.isSplat() &&
      isa<FloatType>(dense.getElementType()))
    return dense.getSplatValue<APFloat>().convertToDouble() == want;
  if (auto fill = value.getDefiningOp<onnx::ConstantOfShapeOp>()) {
    auto attr = dyn_cast_or_null<DenseElementsAttr>(
        fill.getValueAttr() ? Attribute(*fill.getValue()) : Attribute());
    return attr && isa<FloatType>(attr.getElementType()) &&
           attr.getSplatValue<APFloat>().convertToDouble() == want;
  }
  return false;
}

/// The block view (B x N x m x 2C) that `pooled` (B x N x 2m x C) overlaps:
/// `Concat(Concat(fill, view[:, :N-1, :, :C], 1), view[:, :, :, C:], 2)`.
Value matchOverlap(Value pooled, double fill) {
  auto concat = pooled.getDefiningOp<onnx::ConcatOp>();
  if (!concat || concat.getInputs().size() != 2 ||
      (concat.getAxis() != kBlockDim && concat.getAxis() != -2))
    return Value();
  auto type = cast<RankedTensorType>(pooled.getType());
  int64_t blocks = type.getDimSize(1), ratio = type.getDimSize(kBlockDim) / 2,
          channels = type.getDimSize(3);
  Value previous = concat.getInputs()[0], current = concat.getInputs()[1];
  Value view = peelSlice(current, 3, channels, 2 * channels);
  auto shifted = previous.getDefiningOp<onnx::ConcatOp>();
  if (!view || !shifted || shifted.getInputs().size() != 2 ||
      (shifted.getAxis() != 1 && shifted.getAxis() != -3) ||
      !isUniform(shifted.getInputs()[0], fill) ||
      cast<RankedTensorType>(shifted.getInputs()[0].getType()).getDimSize(1) !=
          1)
    return Value();
  Value earlier = peelTwoSlices(shifted.getInputs()[1], {1, 0, blocks - 1},
                                {3, 0, channels});
  auto viewType = cast<RankedTensorType>(view.getType());
  if (earlier != view || viewType.getDimSize(kBlockDim) != ratio)
    return Value();
  return view;
}

/// The static B x N x m x C blocks a compressor's final ReduceSum pools, when
/// it sums them over the block axis without keeping it; null otherwise.
RankedTensorType getPooledBlocksType(onnx::ReduceSumOp op) {
  auto type = dyn_cast<RankedTensorType>(op.getData().getType());
  if (!type || type.getRank() != 4 || !type.hasStaticShape() ||
      op.getKeepdims() != 0 ||
      !(hasConstantInts(op.getAxes(), {kBlockDim}) ||
        hasConstantInts(op.getAxes(), {-2})))
    return {};
  return type;
}

struct RaiseOverlappingCompressor : OpRewritePattern<onnx::ReduceSumOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::ReduceSumOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType pooledType = getPooledBlocksType(op);
    if (!pooledType || pooledType.getDimSize(1) < 2 ||
        pooledType.getDimSize(kBlockDim) % 2)
      return rewriter.notifyMatchFailure(op, "not a sum over 2m pooled rows");
    auto product = op.getData().getDefiningOp<onnx::MulOp>();
    if (!product)
      return rewriter.notifyMatchFailure(op, "not a sum of a product");
    int64_t ratio = pooledType.getDimSize(kBlockDim) / 2;
    for (auto [weights, values] : {std::pair(product.getA(), product.getB()),
                                   std::pair(product.getB(), product.getA())}) {
      auto softmax = weights.getDefiningOp<onnx::SoftmaxOp>();
      if (!softmax ||
          (softmax.getAxis() != kBlockDim && softmax.getAxis() != -2))
        continue;
      Value gateView = matchOverlap(softmax.getInput(),
                                    -std::numeric_limits<double>::infinity());
      Value contentView = matchOverlap(values, 0.0);
      if (!gateView || !contentView)
        continue;
      auto biased = gateView.getDefiningOp<onnx::AddOp>();
      if (!biased)
        continue;
      Value gateTokens, bias;
      for (auto [side, other] : {std::pair(biased.getA(), biased.getB()),
                                 std::pair(biased.getB(), biased.getA())})
        if (Value tokens = matchBlockView(side, ratio)) {
          gateTokens = tokens;
          bias = other;
          break;
        }
      Value contentTokens = matchBlockView(contentView, ratio);
      auto biasType = dyn_cast<RankedTensorType>(bias ? bias.getType() : Type());
      int64_t wide = cast<RankedTensorType>(gateView.getType()).getDimSize(3);
      if (!gateTokens || !contentTokens ||
          gateTokens.getType() != contentTokens.getType() || !biasType ||
          biasType.getShape() != ArrayRef<int64_t>{ratio, wide} ||
          biasType.getElementType() != pooledType.getElementType())
        continue;
      auto compress = attn::KVCompressOp::create(
          rewriter, op.getLoc(), op.getType(), contentTokens, gateTokens, bias,
          ratio, /*overlap=*/true);
      rewriter.replaceOp(op, compress.getResult());
      return success();
    }
    return rewriter.notifyMatchFailure(
        op, "not the overlapping compressor of two blocks per entry");
  }
};

struct RaiseBlockCompressor : OpRewritePattern<onnx::ReduceSumOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::ReduceSumOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType pooledType = getPooledBlocksType(op);
    if (!pooledType)
      return rewriter.notifyMatchFailure(
          op, "not a sum over the block axis 2 of B x N x m x C");
    auto product = op.getData().getDefiningOp<onnx::MulOp>();
    if (!product)
      return rewriter.notifyMatchFailure(op, "not a sum of a product");
    onnx::SoftmaxOp softmax;
    Value content;
    for (auto [gateSide, other] : {std::pair(product.getA(), product.getB()),
                                   std::pair(product.getB(), product.getA())})
      if (auto candidate = gateSide.getDefiningOp<onnx::SoftmaxOp>()) {
        softmax = candidate;
        content = other;
        break;
      }
    if (!softmax || (softmax.getAxis() != kBlockDim && softmax.getAxis() != -2))
      return rewriter.notifyMatchFailure(
          op, "the weights are not a softmax over the block axis");
    auto biased = softmax.getInput().getDefiningOp<onnx::AddOp>();
    if (!biased)
      return rewriter.notifyMatchFailure(op, "the gate has no position bias");

    int64_t ratio = pooledType.getDimSize(kBlockDim);
    int64_t channels = pooledType.getDimSize(3);
    Value contentTokens = matchBlockView(content, ratio);
    Value gateTokens, bias;
    for (auto [gateSide, biasSide] :
         {std::pair(biased.getA(), biased.getB()),
          std::pair(biased.getB(), biased.getA())})
      if (Value tokens = matchBlockView(gateSide, ratio)) {
        gateTokens = tokens;
        bias = biasSide;
        break;
      }
    if (!contentTokens || !gateTokens)
      return rewriter.notifyMatchFailure(
          op, "gate or content is not a B x T x C tensor viewed as blocks");
    if (gateTokens.getType() != contentTokens.getType() ||
        cast<RankedTensorType>(gateTokens.getType()).getDimSize(2) != channels)
      return rewriter.notifyMatchFailure(op, "gate and content differ");
    if (content.getType() != pooledType ||
        softmax.getType() != pooledType)
      return rewriter.notifyMatchFailure(op, "broadcasting product");

    // The bias: m x C, possibly with leading dims of 1.
    auto biasType = dyn_cast<RankedTensorType>(bias.getType());
    if (!biasType || !biasType.hasStaticShape() || biasType.getRank() < 2 ||
        biasType.getDimSize(biasType.getRank() - 2) != ratio ||
        biasType.getDimSize(biasType.getRank() - 1) != channels ||
        biasType.getNumElements() != ratio * channels ||
        biasType.getElementType() != pooledType.getElementType())
      return rewriter.notifyMatchFailure(
          op, "the position bias is not one m x C matrix");

    Location loc = op.getLoc();
    if (biasType.getRank() > 2) {
      SmallVector<ReassociationIndices> groups(2);
      for (int64_t dim = 0; dim < biasType.getRank() - 1; ++dim)
        groups[0].push_back(dim);
      groups[1].push_back(biasType.getRank() - 1);
      bias = tensor::CollapseShapeOp::create(rewriter, loc, bias, groups);
    }
    auto compress = attn::KVCompressOp::create(
        rewriter, loc, op.getType(), contentTokens, gateTokens, bias,
        ratio, /*overlap=*/false);
    rewriter.replaceOp(op, compress.getResult());
    return success();
  }
};

} // namespace

void mlir::attn::populateRaiseKVCompressPatterns(RewritePatternSet &patterns) {
  patterns.add<RaiseBlockCompressor, RaiseOverlappingCompressor>(
      patterns.getContext());
}
