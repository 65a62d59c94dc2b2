//===- RaiseCompressedSparseAttention.cpp - CSA to attn.sparse_attention --===//
//
// A DeepSeek V4 CSA layer attends to its S raw keys through a causal sliding
// window of W and to the top-k of its Nc compressed entries that a lightning
// indexer picks among the visible ones. Exporters spell it (docs/
// AttentionRaising.md, CSA) over keys = Concat(raw kv, entries) as
//
//   I   = ReduceSum(Mul(Relu(MatMul(qI, kI^T)), w), axes = [1], keepdims = 0)
//   _, idx = TopK(Add(I, V), k, axis = -1)      V: constant entry visibility
//   sel = ScatterElements(-inf, idx, 0, axis = -1)
//   attention(q, keys, keys, mask = Unsqueeze(Concat(R, Add(sel, V), -1), [1]))
//
// with R a constant causal sliding-window mask over the raw keys. The pattern
// replaces the attn.attention that attn-raise-attention made of it by
//
//   attn.lightning_indexer (no causal) -> onnx.Add V -> attn.topk
//   -> attn.sparse_attention over the same keys with, per query t, indices
//      [t-W+1 .. t (-1 where < 0) ; top-k entry indices + S (-1 stays -1)]
//
// Why this is exact: the mask's column c is key c, so a key is visible to a
// query iff its column holds 0. R's zeros are the window, listed as
// constant indices. An entry column is 0 iff TopK picked the entry and V is
// 0 there: ONNX TopK picks k entries even when fewer are visible, and V
// hides those again; attn.topk never picks a -inf score, so it returns
// exactly the picked visible entries (the top-k finite scores of I + V,
// ties to the lowest index in both) and -1 for the rest. That needs V to be
// one 0 / -inf constant in both places (a finite fill would be picked by
// attn.topk and not hidden) and the index scores to be f32, in which
// attn.lightning_indexer ranks them.
//
// The indices are built with onnx ops (Constant, Less, Add, Where, Concat),
// which the onnx-to-linalg lowering already handles for i64, rather than with
// a new attribute on attn.topk or attn.sparse_attention: the window is a
// compile-time constant and the offset one elementwise select, so the ops'
// semantics, verifiers and kernels stay as they are.
//
//===----------------------------------------------------------------------===//

#include "RaiseCompressedSparseAttention.h"

#include "ConstantEvaluation.h"
#include "ConstantMask.h"
#include "SparseSelection.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// The raw keys a query sees through R, as the constant indices of
/// attn.sparse_attention.
struct RawKeyWindow {
  int64_t rawKeys = 0;
  int64_t width = 0;
  /// queries x width, row-major; -1 before the first raw key.
  SmallVector<int64_t> indices;
};

struct CompressedSparseForm {
  IndexerSelection selection;
  int64_t entries = 0;
  RawKeyWindow window;
};

/// The `rows x cols` values a constant adds to scores of `rows x cols` in
/// their last two dims (numpy broadcasting); every leading plane must hold
/// the same values, so that one plane says what each query sees.
FailureOr<std::vector<double>> readMaskPlane(const ConstantTensor &mask,
                                             int64_t rows, int64_t cols,
                                             std::string &reason) {
  ArrayRef<int64_t> shape = mask.shape;
  int64_t maskCols = shape.empty() ? 1 : shape.back();
  int64_t maskRows = shape.size() < 2 ? 1 : shape[shape.size() - 2];
  if ((maskRows != 1 && maskRows != rows) ||
      (maskCols != 1 && maskCols != cols))
    return reason = "does not broadcast to queries x entries", failure();
  int64_t planeSize = maskRows * maskCols;
  for (int64_t n = planeSize, e = mask.getNumElements(); n < e; ++n)
    if (mask.values[n] != mask.values[n % planeSize])
      return reason = "differs between batches", failure();
  std::vector<double> plane(rows * cols);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      plane[i * cols + j] = mask.values[(maskRows == 1 ? 0 : i) * maskCols +
                                        (maskCols == 1 ? 0 : j)];
  return plane;
}

/// Whether `visibility` (added to the scattered top-k before attention) and
/// `indexerMask` (added to the index scores before TopK) are the same
/// constant of 0 and -inf over `queries x entries`.
LogicalResult checkVisibility(Value visibility, Value indexerMask,
                              int64_t queries, int64_t entries,
                              std::string &reason) {
  auto read = [&](Value value,
                  const char *what) -> FailureOr<std::vector<double>> {
    std::string why;
    FailureOr<ConstantTensor> constant = evaluateConstantTensor(value, why);
    FailureOr<std::vector<double>> plane =
        succeeded(constant) ? readMaskPlane(*constant, queries, entries, why)
                            : FailureOr<std::vector<double>>(failure());
    if (failed(plane))
      reason = std::string(what) + " " + why;
    return plane;
  };
  FailureOr<std::vector<double>> attended =
      read(visibility, "the entry visibility");
  if (failed(attended))
    return failure();
  FailureOr<std::vector<double>> indexed =
      read(indexerMask, "the indexer's entry visibility");
  if (failed(indexed))
    return failure();
  for (double value : *attended)
    if (value != 0.0 && !(std::isinf(value) && value < 0))
      return reason = "the entry visibility holds values other than 0 and "
                      "-inf",
             failure();
  if (*attended != *indexed)
    return reason = "the indexer's entry visibility differs from the "
                    "attention's",
           failure();
  return success();
}

/// Reads R, the mask over the raw keys, as a causal sliding window (or plain
/// causal: a window of every raw key) of `queries x rawKeys`.
FailureOr<RawKeyWindow> readRawKeyWindow(Value mask, int64_t queries,
                                         std::string &reason) {
  auto type = cast<RankedTensorType>(mask.getType());
  auto element = dyn_cast<FloatType>(type.getElementType());
  if (!type.hasStaticShape() || !element)
    return reason = "the raw keys' mask is not a static float tensor",
           failure();
  int64_t rawKeys = type.getDimSize(type.getRank() - 1);
  // With at most as many queries as raw keys, every causal query sees its
  // own position among them: no row is fully hidden, so R's fill (-inf or
  // the lowest finite value) gives the hidden keys exactly zero weight, as
  // leaving them out does.
  if (queries > rawKeys)
    return reason = "there are more queries than raw keys", failure();
  std::string why;
  FailureOr<MaskAttributes> attributes = failure();
  if (type.getNumElements() > kMaxEvaluatedElements) {
    attributes = recognizeLargeConstantMask(
        mask, queries, rawKeys, element, [](double value) { return value; },
        why);
  } else if (FailureOr<ConstantTensor> constant =
                 evaluateConstantTensor(mask, why);
             succeeded(constant)) {
    attributes = recognizeConstantMask(*constant, queries, rawKeys, why);
  }
  if (failed(attributes))
    return reason = "the raw keys' mask: " + why, failure();
  if (!attributes->causal)
    return reason = "the raw keys' mask is not causal", failure();

  RawKeyWindow window;
  window.rawKeys = rawKeys;
  int64_t offset =
      attributes->alignment == Alignment::BottomRight ? rawKeys - queries : 0;
  // The last query sees the most raw keys.
  window.width = queries + offset;
  if (attributes->windowLeft)
    window.width = std::min(window.width, *attributes->windowLeft + 1);
  for (int64_t t = 0; t < queries; ++t)
    for (int64_t n = 0; n < window.width; ++n) {
      int64_t key = t + offset - window.width + 1 + n;
      window.indices.push_back(key < 0 ? -1 : key);
    }
  return window;
}

/// Matches the CSA form on `attention`; fails, setting `reason`.
FailureOr<CompressedSparseForm>
matchCompressedSparseAttention(AttentionOp attention, std::string &reason) {
  auto fail = [&](const char *why) {
    reason = why;
    return failure();
  };
  if (!attention.getMask())
    return fail("has no mask");
  if (attention.getKvLengths() || attention.getWindowLeft() ||
      attention.getWindowRight() || attention.getCausal())
    return fail("has kv_lengths, a window or causal besides its mask");
  if (attention.getSoftmaxPrecision() &&
      !attention.getEffectiveSoftmaxType().isF32())
    return fail("has a softmax precision other than f32");
  int64_t batch = attention.getQuery().getType().getDimSize(0);
  int64_t queries = attention.getQuery().getType().getDimSize(2);
  int64_t keys = attention.getKey().getType().getDimSize(2);
  if (ShapedType::isDynamic(batch) || ShapedType::isDynamic(queries) ||
      ShapedType::isDynamic(keys))
    return fail("has a dynamic batch or sequence length");

  // mask = Unsqueeze(Concat(R, A, axis = -1), [1]) : B x 1 x S x (S + Nc).
  auto unsqueeze = attention.getMask().getDefiningOp<onnx::UnsqueezeOp>();
  auto concat =
      unsqueeze ? unsqueeze.getData().getDefiningOp<onnx::ConcatOp>() : nullptr;
  if (!concat || !hasAxes(unsqueeze.getAxes(), {1}, 4) ||
      concat.getInputs().size() != 2 ||
      (concat.getAxis() != -1 && concat.getAxis() != 2))
    return fail("the mask is not Unsqueeze(Concat(raw keys' mask, entries' "
                "mask, axis -1), [1])");
  auto maskType = cast<RankedTensorType>(concat.getType());
  if (maskType.getShape() != ArrayRef<int64_t>{batch, queries, keys})
    return fail("the mask is not batch x queries x keys before its "
                "Unsqueeze");
  Value rawMask = concat.getInputs()[0], entryMask = concat.getInputs()[1];

  FailureOr<RawKeyWindow> window = readRawKeyWindow(rawMask, queries, reason);
  if (failed(window))
    return failure();
  int64_t entries = keys - window->rawKeys;

  // A = Add(sel, V), either side.
  auto add = entryMask.getDefiningOp<onnx::AddOp>();
  if (!add)
    return fail("the entries' mask is not Add(scattered top-k, visibility)");
  Value scattered = add.getA(), visibility = add.getB();
  if (!scattered.getDefiningOp<onnx::ScatterElementsOp>())
    std::swap(scattered, visibility);
  if (!scattered.getDefiningOp<onnx::ScatterElementsOp>() ||
      scattered.getType() != add.getType())
    return fail("the entries' mask is not Add(scattered top-k, visibility)");

  auto checkIndexerMask = [&](Value indexerMask, std::string &why) {
    return checkVisibility(visibility, indexerMask, queries, entries, why);
  };
  FailureOr<IndexerSelection> selection = matchIndexerSelection(
      scattered, queries, entries, checkIndexerMask, reason);
  if (failed(selection))
    return failure();
  auto topk = selection->indices.getDefiningOp<onnx::TopKOp>();
  auto scores = cast<RankedTensorType>(topk.getX().getType());
  if (scores.getShape() != ArrayRef<int64_t>{batch, queries, entries})
    return fail("the index scores are not batch x queries x entries");
  if (!scores.getElementType().isF32())
    return fail("the index scores are not f32 (attn.lightning_indexer ranks "
                "in f32)");
  // ONNX TopK's own verifier already bounds K by the scored axis; the
  // window and the entries' offsets below rely on it, so it is stated here.
  if (selection->k > entries)
    return fail("the TopK K exceeds the number of entries");
  return CompressedSparseForm{*selection, entries, std::move(*window)};
}

/// An int64 constant of `shape` holding `values`.
Value createIndexConstant(PatternRewriter &rewriter, Location loc,
                          ArrayRef<int64_t> shape, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get(shape, rewriter.getI64Type());
  return onnx::ConstantOp::create(rewriter, loc, type,
                                  DenseElementsAttr::get(type, values));
}

struct RaiseCompressedSparseAttention : OpRewritePattern<AttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AttentionOp attention,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    FailureOr<CompressedSparseForm> form =
        matchCompressedSparseAttention(attention, reason);
    if (failed(form))
      return rewriter.notifyMatchFailure(attention, reason);
    Location loc = attention.getLoc();
    int64_t batch = attention.getQuery().getType().getDimSize(0);
    int64_t queries = attention.getQuery().getType().getDimSize(2);
    int64_t k = form->selection.k;
    const RawKeyWindow &window = form->window;

    // The indexer's TopK input: the entry scores plus the same visibility.
    Value scores = createLightningIndexer(rewriter, loc, form->selection,
                                          /*causal=*/false);
    Value visibility = form->selection.indexerMask;
    Value visible = onnx::AddOp::create(rewriter, loc, scores.getType(), scores,
                                        visibility);
    auto entryIndicesType =
        RankedTensorType::get({batch, queries, k}, rewriter.getI64Type());
    Value picked = TopKOp::create(rewriter, loc, entryIndicesType, visible,
                                  rewriter.getI64IntegerAttr(k));

    // Entry i is key rawKeys + i; a missing pick (-1) stays -1.
    Value zero = createIndexConstant(rewriter, loc, {}, {0});
    Value offset = createIndexConstant(rewriter, loc, {}, {window.rawKeys});
    Value missing = onnx::LessOp::create(
        rewriter, loc,
        RankedTensorType::get({batch, queries, k}, rewriter.getI1Type()),
        picked, zero);
    Value shifted =
        onnx::AddOp::create(rewriter, loc, entryIndicesType, picked, offset);
    Value entryIndices = onnx::WhereOp::create(rewriter, loc, entryIndicesType,
                                               missing, picked, shifted);

    // The window's indices are the same for every batch.
    SmallVector<int64_t> windowValues;
    for (int64_t b = 0; b < batch; ++b)
      llvm::append_range(windowValues, window.indices);
    Value windowIndices = createIndexConstant(
        rewriter, loc, {batch, queries, window.width}, windowValues);
    Value indices = onnx::ConcatOp::create(
        rewriter, loc,
        RankedTensorType::get({batch, queries, window.width + k},
                              rewriter.getI64Type()),
        ValueRange{windowIndices, entryIndices},
        rewriter.getIntegerAttr(rewriter.getIntegerType(64, /*isSigned=*/true),
                                2));

    auto sparse = SparseAttentionOp::create(rewriter, loc, attention, indices);
    rewriter.replaceOp(attention, sparse.getResult());
    return success();
  }
};

} // namespace

void mlir::attn::populateCompressedSparseAttentionRaisingPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RaiseCompressedSparseAttention>(patterns.getContext());
}

bool mlir::attn::hasConcatenatedMask(AttentionOp attention) {
  Value mask = attention.getMask();
  auto unsqueeze = mask ? mask.getDefiningOp<onnx::UnsqueezeOp>() : nullptr;
  return unsqueeze && unsqueeze.getData().getDefiningOp<onnx::ConcatOp>();
}

std::optional<std::string>
mlir::attn::explainUnraisedCompressedSparseAttention(AttentionOp attention) {
  std::string reason;
  if (failed(matchCompressedSparseAttention(attention, reason)))
    return reason;
  return std::nullopt;
}
