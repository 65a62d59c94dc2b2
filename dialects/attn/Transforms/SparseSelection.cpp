//===- SparseSelection.cpp - The indexer top-k of DSA and CSA -------------===//

#include "SparseSelection.h"

#include "ConstantEvaluation.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Matchers.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::attn;

namespace {

bool isLastAxis(int64_t axis, int64_t rank) {
  return axis == -1 || axis == rank - 1;
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

} // namespace

bool mlir::attn::hasAxes(Value axes, ArrayRef<int64_t> expected, int64_t rank) {
  std::optional<SmallVector<int64_t>> values = onnx::getConstantIntValues(axes);
  if (!values || values->size() != expected.size())
    return false;
  for (auto [value, want] : llvm::zip(*values, expected))
    if (value != want && value + rank != want)
      return false;
  return true;
}

/// Splat constants and ConstantOfShape are read directly; anything else goes
/// to the evaluator, in blocks.
bool mlir::attn::isUniformConstant(Value value, double want) {
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

FailureOr<IndexerSelection> mlir::attn::matchIndexerSelection(
    Value scattered, int64_t queries, int64_t keys,
    function_ref<LogicalResult(Value mask, std::string &reason)>
        checkIndexerMask,
    std::string &reason) {
  auto fail = [&](const char *why) {
    reason = why;
    return failure();
  };
  auto scatter = scattered.getDefiningOp<onnx::ScatterElementsOp>();
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

  // TopK(Add(I, mask)), either side.
  auto maskAdd = topk.getX().getDefiningOp<onnx::AddOp>();
  if (!maskAdd)
    return fail("the TopK input is not Add(index scores, a mask)");
  auto reduce = maskAdd.getA().getDefiningOp<onnx::ReduceSumOp>();
  Value indexerMask = maskAdd.getB();
  if (!reduce) {
    reduce = maskAdd.getB().getDefiningOp<onnx::ReduceSumOp>();
    indexerMask = maskAdd.getA();
  }
  if (!reduce || reduce.getKeepdims() != 0 ||
      !hasAxes(reduce.getAxes(), {1}, 4))
    return fail("the index scores are not a ReduceSum over axis 1 without "
                "keepdims");
  if (failed(checkIndexerMask(indexerMask, reason)))
    return failure();

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
  IndexerSelection selection;
  selection.indexerQuery = matmul.getA();
  selection.indexerKeyT = matmul.getB();
  selection.indexerWeights = weights;
  selection.indexerMask = indexerMask;
  selection.k = k->front();
  selection.indices = topk.getIndices();
  return selection;
}

Value mlir::attn::createLightningIndexer(PatternRewriter &rewriter,
                                         Location loc,
                                         const IndexerSelection &selection,
                                         bool causal) {
  auto query = cast<RankedTensorType>(selection.indexerQuery.getType());
  int64_t batch = query.getDimSize(0), heads = query.getDimSize(1),
          queries = query.getDimSize(2), channels = query.getDimSize(3);
  int64_t keys =
      cast<RankedTensorType>(selection.indexerKeyT.getType()).getDimSize(3);
  Value indexerQuery =
      reshapeAndTranspose(rewriter, loc, selection.indexerQuery,
                          {batch, heads, queries, channels}, {0, 2, 1, 3});
  Value indexerKey = reshapeAndTranspose(rewriter, loc, selection.indexerKeyT,
                                         {batch, channels, keys}, {0, 2, 1});
  Value indexerWeights =
      reshapeAndTranspose(rewriter, loc, selection.indexerWeights,
                          {batch, heads, queries}, {0, 2, 1});
  auto scoresType =
      RankedTensorType::get({batch, queries, keys}, rewriter.getF32Type());
  return LightningIndexerOp::create(
      rewriter, loc, scoresType, indexerQuery, indexerKey, indexerWeights,
      /*scale=*/nullptr, causal ? rewriter.getUnitAttr() : nullptr);
}
