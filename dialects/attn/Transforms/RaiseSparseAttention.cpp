//===- RaiseSparseAttention.cpp - DSA mask form to attn.sparse_attention --===//
//
// DeepSeek sparse attention has no ONNX op; exporters spell it in the "mask
// form" (docs/AttentionRaising.md, DSA):
//
//   I  = ReduceSum(Mul(Relu(MatMul(qI, kI^T)), w), axes = [1], keepdims = 0)
//   Ic = Add(I, C)                         C: a constant causal mask
//   _, idx = TopK(Ic, K, axis = -1)        largest
//   M  = Unsqueeze(ScatterElements(-inf, idx, 0, axis = -1), axes = [1])
//   attention(q, k, v, mask = Add(M, C'))  C': a constant causal mask
//
// with qI : B x HI x S x DI, kI^T : B x 1 x DI x T and w : B x HI x S x 1.
// After attn-raise-attention the last line is an attn.attention whose mask
// operand is `Add(M, C')`. The pattern replaces it by
// attn.lightning_indexer {causal} -> attn.topk -> attn.sparse_attention.
//
// Why this is exact: TopK of ONNX returns K keys even when a row has fewer
// than K visible ones, filling up with masked keys; the main attention's
// causal mask C' hides those again. attn.topk instead skips non-finite
// scores (-1 entries), so both sides attend to the same set: the finite
// top-K keys of the causal indexer row (ties to the lowest index in both).
// That needs C and C' to be the same plain causal mask; a finite "lowest"
// fill in C is fine since C' hides what it lets TopK pick. Only that needs
// the masks' values, so a mask above the evaluator's bound (S > 1024) is
// compared with the causal pattern block of rows by block of rows.
//
//===----------------------------------------------------------------------===//

#include "ConstantEvaluation.h"
#include "ConstantMask.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// The pieces of a matched mask form.
struct SparseMaskForm {
  Value indexerQuery;   // B x HI x S x DI
  Value indexerKeyT;    // B x 1 x DI x T
  Value indexerWeights; // B x HI x S x 1
  int64_t k = 0;
  Value indices; // TopK's Indices result, B x S x K
};

bool isLastAxis(int64_t axis, int64_t rank) {
  return axis == -1 || axis == rank - 1;
}

bool hasAxes(Value axes, ArrayRef<int64_t> expected, int64_t rank) {
  std::optional<SmallVector<int64_t>> values = onnx::getConstantIntValues(axes);
  if (!values || values->size() != expected.size())
    return false;
  for (auto [value, want] : llvm::zip(*values, expected))
    if (value != want && value + rank != want)
      return false;
  return true;
}

/// Whether every element of `value`, known at compile time, equals `want`.
/// Splat constants and ConstantOfShape are read directly; anything else goes
/// to the evaluator, in blocks.
bool isUniformConstant(Value value, double want) {
  auto equals = [&](double x) {
    return x == want || (std::isinf(want) && std::isinf(x) &&
                         std::signbit(x) == std::signbit(want));
  };
  DenseElementsAttr dense;
  if (matchPattern(value, m_Constant(&dense)) && dense.isSplat() &&
      isa<FloatType>(dense.getElementType()))
    return equals(dense.getSplatValue<APFloat>().convertToDouble());
  if (auto fill = value.getDefiningOp<onnx::ConstantOfShapeOp>()) {
    auto attr = dyn_cast_or_null<DenseElementsAttr>(
        fill.getValueAttr() ? Attribute(*fill.getValue()) : Attribute());
    if (!attr || !isa<FloatType>(attr.getElementType()))
      return false;
    return equals(attr.getSplatValue<APFloat>().convertToDouble());
  }
  // Block by block, so that a -inf fill of any size is read.
  std::string reason;
  return succeeded(forEachConstantBlock(
      value,
      [&](int64_t, ArrayRef<double> values) {
        return success(llvm::all_of(values, equals));
      },
      reason));
}

/// checkCausal for a mask above the evaluator's bound, read row block by row
/// block: planes of `queries x keys` (any leading dims) each equal to the
/// bottom-right causal mask, with one fill (-inf or the lowest finite value)
/// above the diagonal.
LogicalResult checkLargeCausal(Value mask, int64_t queries, int64_t keys,
                               std::string &reason) {
  auto type = cast<RankedTensorType>(mask.getType());
  auto element = dyn_cast<FloatType>(type.getElementType());
  if (!element)
    return reason = "is not a float tensor", failure();
  if (type.getRank() < 2 || type.getDimSize(type.getRank() - 2) != queries ||
      type.getDimSize(type.getRank() - 1) != keys)
    return reason = "is too large to read and not a queries x keys mask",
           failure();
  // Bottom-right causal rows are never fully hidden when queries <= keys;
  // with more queries than keys the graph's hidden rows are NaN.
  if (queries > keys)
    return reason = "has more queries than keys", failure();
  double lowest =
      APFloat::getLargest(element.getFloatSemantics(), /*Negative=*/true)
          .convertToDouble();
  std::optional<double> fill;
  std::string evaluationReason;
  LogicalResult read = forEachConstantBlock(
      mask,
      [&](int64_t firstRow, ArrayRef<double> values) {
        for (int64_t n = 0, e = values.size(); n < e; ++n) {
          int64_t row = (firstRow + n / keys) % queries, key = n % keys;
          double value = values[n];
          if (key <= row + (keys - queries)) {
            if (value != 0.0)
              return failure();
            continue;
          }
          if (!fill) {
            if (!(std::isinf(value) && value < 0) && value != lowest)
              return failure();
            fill = value;
          }
          if (value != *fill)
            return failure();
        }
        return success();
      },
      evaluationReason);
  if (succeeded(read))
    return success();
  reason = evaluationReason.empty() ? "is not a plain causal mask"
                                    : evaluationReason;
  return failure();
}

/// Whether `mask`, added to scores of `queries x keys`, is a plain causal
/// mask that attn.lightning_indexer {causal} (bottom-right) reproduces.
LogicalResult checkCausal(Value mask, int64_t queries, int64_t keys,
                          std::string &reason) {
  // The causal mask of a long sequence (S x S above the evaluator's bound)
  // is only compared with the causal pattern, never needed whole.
  auto type = dyn_cast<RankedTensorType>(mask.getType());
  if (type && type.hasStaticShape() &&
      type.getNumElements() > kMaxEvaluatedElements)
    return checkLargeCausal(mask, queries, keys, reason);
  FailureOr<ConstantTensor> constant = evaluateConstantTensor(mask, reason);
  if (failed(constant))
    return failure();
  FailureOr<MaskAttributes> attributes =
      recognizeConstantMask(*constant, queries, keys, reason);
  if (failed(attributes))
    return failure();
  if (!attributes->causal || attributes->windowLeft) {
    reason = "is not a plain causal mask";
    return failure();
  }
  if (attributes->alignment != Alignment::BottomRight && queries != keys) {
    reason = "is causal with top-left alignment";
    return failure();
  }
  return success();
}

/// Matches `Unsqueeze(ScatterElements(-inf, TopK(Ic).Indices, 0), [1])` and
/// the indexer below it; `queries x keys` are the attention's.
FailureOr<SparseMaskForm> matchSparseMask(Value mask, int64_t queries,
                                          int64_t keys, std::string &reason) {
  auto fail = [&](const char *why) {
    reason = why;
    return failure();
  };
  auto unsqueeze = mask.getDefiningOp<onnx::UnsqueezeOp>();
  if (!unsqueeze || !hasAxes(unsqueeze.getAxes(), {1}, 4))
    return fail("the mask is not an Unsqueeze at the head axis");
  auto scatter = unsqueeze.getData().getDefiningOp<onnx::ScatterElementsOp>();
  if (!scatter || scatter.getReduction() != "none" ||
      !isLastAxis(scatter.getAxis(), 3))
    return fail("the head-less mask is not a ScatterElements on the last axis");
  if (!isUniformConstant(scatter.getData(),
                         -std::numeric_limits<double>::infinity()))
    return fail("the scattered-into tensor is not a constant -inf");
  if (!isUniformConstant(scatter.getUpdates(), 0.0))
    return fail("the scattered updates are not constant zeros");
  auto topk = scatter.getIndices().getDefiningOp<onnx::TopKOp>();
  if (!topk || topk.getLargest() != 1 || !isLastAxis(topk.getAxis(), 3) ||
      scatter.getIndices() != topk.getIndices())
    return fail("the scattered indices are not those of a TopK of the "
                "largest on the last axis");
  if (!topk.getValues().use_empty())
    return fail("the TopK values are used");
  std::optional<SmallVector<int64_t>> k =
      onnx::getConstantIntValues(topk.getK());
  if (!k || k->size() != 1 || k->front() < 1)
    return fail("the TopK K is not a positive constant");

  // Ic = Add(I, C), either side.
  auto causalAdd = topk.getX().getDefiningOp<onnx::AddOp>();
  if (!causalAdd)
    return fail("the TopK input is not Add(index scores, causal mask)");
  auto reduce = causalAdd.getA().getDefiningOp<onnx::ReduceSumOp>();
  Value indexerMask = causalAdd.getB();
  if (!reduce) {
    reduce = causalAdd.getB().getDefiningOp<onnx::ReduceSumOp>();
    indexerMask = causalAdd.getA();
  }
  if (!reduce || reduce.getKeepdims() != 0 ||
      !hasAxes(reduce.getAxes(), {1}, 4))
    return fail("the index scores are not a ReduceSum over axis 1 without "
                "keepdims");
  std::string causalReason;
  if (failed(checkCausal(indexerMask, queries, keys, causalReason))) {
    reason = "the indexer's mask " + causalReason;
    return failure();
  }

  // Mul(Relu(MatMul(qI, kI^T)), w), either side.
  auto mul = reduce.getData().getDefiningOp<onnx::MulOp>();
  if (!mul)
    return fail("the reduced scores are not Mul(Relu(qI kI^T), w)");
  auto relu = mul.getA().getDefiningOp<onnx::ReluOp>();
  Value weights = mul.getB();
  if (!relu) {
    relu = mul.getB().getDefiningOp<onnx::ReluOp>();
    weights = mul.getA();
  }
  auto matmul = relu ? relu.getX().getDefiningOp<onnx::MatMulOp>() : nullptr;
  if (!matmul)
    return fail("the reduced scores are not Mul(Relu(qI kI^T), w)");

  auto query = cast<RankedTensorType>(matmul.getA().getType());
  auto keyT = cast<RankedTensorType>(matmul.getB().getType());
  auto weightsType = cast<RankedTensorType>(weights.getType());
  if (!query.hasStaticShape() || !keyT.hasStaticShape() ||
      !weightsType.hasStaticShape() || query.getRank() != 4 ||
      keyT.getRank() != 4 || weightsType.getRank() != 4)
    return fail("the indexer operands are not static rank-4 tensors");
  int64_t batch = query.getDimSize(0), heads = query.getDimSize(1);
  if (keyT.getShape() !=
          ArrayRef<int64_t>{batch, 1, query.getDimSize(3), keys} ||
      query.getDimSize(2) != queries ||
      weightsType.getShape() != ArrayRef<int64_t>{batch, heads, queries, 1})
    return fail("the indexer shapes are not qI B x HI x S x DI, kI^T "
                "B x 1 x DI x T and w B x HI x S x 1");
  return SparseMaskForm{matmul.getA(), matmul.getB(), weights, k->front(),
                        topk.getIndices()};
}

/// Why `attention` (whose mask should be `Add(M, C')`) is not a DSA block.
FailureOr<std::pair<SparseMaskForm, Value>>
matchSparseAttention(AttentionOp attention, std::string &reason) {
  auto fail = [&](const char *why) {
    reason = why;
    return failure();
  };
  if (!attention.getMask())
    return fail("has no mask");
  if (attention.getKvLengths() || attention.getWindowLeft() ||
      attention.getWindowRight())
    return fail("has kv_lengths or a window");
  if (attention.getSoftmaxPrecision() &&
      !attention.getEffectiveSoftmaxType().isF32())
    return fail("has a softmax precision other than f32");
  int64_t queries = attention.getQuery().getType().getDimSize(2);
  int64_t keys = attention.getKey().getType().getDimSize(2);
  if (ShapedType::isDynamic(queries) || ShapedType::isDynamic(keys))
    return fail("has dynamic sequence lengths");

  // The sparse mask, causal either as the attribute or as Add(M, C').
  Value sparseMask = attention.getMask();
  if (!attention.getCausal()) {
    auto add = sparseMask.getDefiningOp<onnx::AddOp>();
    if (!add)
      return fail("is not causal and its mask is not Add(sparse mask, causal "
                  "mask)");
    std::string causalReason;
    sparseMask = add.getA();
    if (failed(checkCausal(add.getB(), queries, keys, causalReason))) {
      sparseMask = add.getB();
      if (failed(checkCausal(add.getA(), queries, keys, causalReason))) {
        reason = "its mask is Add of two non-causal masks: " + causalReason;
        return failure();
      }
    }
  } else if (attention.getAlignment() != Alignment::BottomRight &&
             queries != keys) {
    return fail("is causal with top-left alignment");
  }
  FailureOr<SparseMaskForm> form =
      matchSparseMask(sparseMask, queries, keys, reason);
  if (failed(form))
    return failure();
  if (cast<RankedTensorType>(form->indices.getType()).getDimSize(0) !=
      attention.getQuery().getType().getDimSize(0))
    return fail("the sparse mask has another batch size");
  return std::make_pair(*form, sparseMask);
}

/// `value` (static shape) reshaped to `shape` and then transposed by `perm`.
Value reshapeAndTranspose(PatternRewriter &rewriter, Location loc, Value value,
                          ArrayRef<int64_t> shape, ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(value.getType());
  auto shapeType =
      RankedTensorType::get({int64_t(shape.size())}, rewriter.getI64Type());
  Value shapeValue = onnx::ConstantOp::create(
      rewriter, loc, shapeType, DenseElementsAttr::get(shapeType, shape));
  Value reshaped = onnx::ReshapeOp::create(
      rewriter, loc, RankedTensorType::get(shape, type.getElementType()), value,
      shapeValue);
  SmallVector<int64_t> transposed;
  for (int64_t d : perm)
    transposed.push_back(shape[d]);
  return onnx::TransposeOp::create(
      rewriter, loc, RankedTensorType::get(transposed, type.getElementType()),
      reshaped, rewriter.getDenseI64ArrayAttr(perm));
}

struct RaiseSparseAttention : OpRewritePattern<AttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AttentionOp attention,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    auto matched = matchSparseAttention(attention, reason);
    if (failed(matched))
      return rewriter.notifyMatchFailure(attention, reason);
    SparseMaskForm &form = matched->first;
    Location loc = attention.getLoc();
    auto query = cast<RankedTensorType>(form.indexerQuery.getType());
    int64_t batch = query.getDimSize(0), heads = query.getDimSize(1),
            queries = query.getDimSize(2), channels = query.getDimSize(3);
    int64_t keys = attention.getKey().getType().getDimSize(2);

    // attn.lightning_indexer's layouts:
    // B x S x HI x DI, B x T x DI and B x S x HI.
    Value indexerQuery =
        reshapeAndTranspose(rewriter, loc, form.indexerQuery,
                            {batch, heads, queries, channels}, {0, 2, 1, 3});
    Value indexerKey = reshapeAndTranspose(rewriter, loc, form.indexerKeyT,
                                           {batch, channels, keys}, {0, 2, 1});
    Value indexerWeights = reshapeAndTranspose(
        rewriter, loc, form.indexerWeights, {batch, heads, queries}, {0, 2, 1});
    auto scoresType =
        RankedTensorType::get({batch, queries, keys}, rewriter.getF32Type());
    auto indexer = LightningIndexerOp::create(
        rewriter, loc, scoresType, indexerQuery, indexerKey, indexerWeights,
        /*scale=*/nullptr, /*causal=*/rewriter.getUnitAttr());
    auto topk =
        TopKOp::create(rewriter, loc, form.indices.getType(),
                       indexer.getResult(), rewriter.getI64IntegerAttr(form.k));
    auto sparse = SparseAttentionOp::create(
        rewriter, loc, attention.getType(), attention.getQuery(),
        attention.getKey(), attention.getValue(), topk.getResult(),
        attention.getSinks(), attention.getScaleAttr(),
        attention.getSoftcapAttr());
    rewriter.replaceOp(attention, sparse.getResult());
    return success();
  }
};

} // namespace

void mlir::attn::populateSparseAttentionRaisingPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RaiseSparseAttention>(patterns.getContext());
}

std::optional<std::string>
mlir::attn::explainUnraisedSparseAttention(Operation *attention) {
  auto op = dyn_cast<AttentionOp>(attention);
  if (!op)
    return std::string("not an attn.attention");
  std::string reason;
  if (failed(matchSparseAttention(op, reason)))
    return reason;
  return std::nullopt;
}
