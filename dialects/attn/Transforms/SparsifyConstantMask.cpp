//===- SparsifyConstantMask.cpp - Constant masks as per-row key lists ------===//
//
// Some attentions see only a few of their keys through a constant mask that
// no attribute can state: DeepSeek V4's compressed layers attend to a window
// of raw keys plus the compressed entries whose block is complete, which
// exporters spell as one 0 / -inf mask over Concat(raw keys, entries). Dense,
// such an attention scores every key of every row and masks most of them.
//
// When the mask is a compile-time constant, the keys row i can see are known:
// the pattern lists them (ascending, -1 padded to the longest row) as a
// constant index tensor and replaces the attention by attn.sparse_attention
// over the same keys and values. The work then follows the visible pairs,
// S x k instead of S x T. It is exact: a hidden key contributes exp(-inf) = 0
// to its row, a row that sees no key is zero in both ops (masked_rows = zero),
// and the visible keys are visited in the same ascending order.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ConstantData.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <cmath>
#include <limits>

using namespace mlir;

namespace {

/// Which keys each (batch, row) of an attention can see, from its constant
/// mask and its visibility attributes.
struct VisibleKeys {
  int64_t batches = 0, rows = 0, keys = 0;
  // visible[(b * rows + i) * keys + j]
  std::vector<bool> visible;
  int64_t longestRow = 0;
};

/// Reads a constant mask broadcast to [maskBatches x 1 x rows x keys]: every
/// float element must be 0 (attend) or -inf (hide); i1 true means attend.
/// Fails for finite non-zero values (a bias, not a visibility) and for a mask
/// that differs between heads (sparse_attention's index lists are shared by
/// all heads).
LogicalResult readMask(ElementsAttr mask, int64_t rows, int64_t keys,
                       int64_t &maskBatches, std::vector<bool> &visible,
                       std::string &why) {
  auto type = cast<ShapedType>(mask.getType());
  ArrayRef<int64_t> shape = type.getShape();
  if (shape.size() > 4) {
    why = "the mask has more than 4 dims";
    return failure();
  }
  // Right-aligned numpy broadcast to B x H x rows x keys.
  SmallVector<int64_t, 4> full(4 - shape.size(), 1);
  full.append(shape.begin(), shape.end());
  if (full[1] != 1) {
    why = "the mask differs between heads";
    return failure();
  }
  if ((full[2] != 1 && full[2] != rows) || (full[3] != 1 && full[3] != keys)) {
    why = "the mask does not broadcast to the scores";
    return failure();
  }
  std::optional<std::vector<double>> elements =
      onnx::readConstantAsDoubles(mask);
  if (!elements) {
    why = "the mask's data is not available";
    return failure();
  }
  bool boolean = type.getElementType().isInteger(1);
  for (double value : *elements) {
    bool hidden = std::isinf(value) && value < 0;
    if (!boolean && !hidden && value != 0.0) {
      why = "the mask has values other than 0 and -inf";
      return failure();
    }
  }
  maskBatches = full[0];
  visible.assign(maskBatches * rows * keys, false);
  for (int64_t b = 0; b < maskBatches; ++b)
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < keys; ++j) {
        double value = (*elements)[(b * full[2] + (full[2] == 1 ? 0 : i)) *
                                       full[3] +
                                   (full[3] == 1 ? 0 : j)];
        visible[(b * rows + i) * keys + j] = boolean ? value != 0.0 : value == 0.0;
      }
  return success();
}

FailureOr<VisibleKeys> visibleKeys(attn::AttentionOp op, std::string &why) {
  Attribute constant;
  auto mask = op.getMask() && matchPattern(op.getMask(), m_Constant(&constant))
                  ? dyn_cast<ElementsAttr>(constant)
                  : ElementsAttr();
  if (!mask) {
    why = "no constant mask";
    return failure();
  }
  VisibleKeys result;
  result.rows = op.getQuery().getType().getDimSize(2);
  result.keys = op.getKey().getType().getDimSize(2);
  int64_t maskBatches = 0;
  if (failed(readMask(mask, result.rows, result.keys, maskBatches,
                      result.visible, why)))
    return failure();
  result.batches = maskBatches;

  // The attributes hide more keys; fold them into the lists.
  int64_t offset = op.getAlignment() == attn::Alignment::BottomRight
                       ? result.keys - result.rows
                       : 0;
  std::optional<int64_t> left = op.getWindowLeft(), right = op.getWindowRight();
  for (int64_t b = 0; b < result.batches; ++b) {
    for (int64_t i = 0; i < result.rows; ++i) {
      int64_t position = i + offset, count = 0;
      for (int64_t j = 0; j < result.keys; ++j) {
        auto bit = result.visible.begin() + (b * result.rows + i) * result.keys + j;
        if ((op.getCausal() && j > position) || (left && j < position - *left) ||
            (right && j > position + *right))
          *bit = false;
        count += *bit;
      }
      result.longestRow = std::max(result.longestRow, count);
    }
  }
  return result;
}

struct SparsifyConstantMask : OpRewritePattern<attn::AttentionOp> {
  SparsifyConstantMask(MLIRContext *context, int64_t maxVisiblePercent)
      : OpRewritePattern(context), maxVisiblePercent(maxVisiblePercent) {}

  LogicalResult matchAndRewrite(attn::AttentionOp op,
                                PatternRewriter &rewriter) const override {
    auto queryType = op.getQuery().getType();
    auto keyType = op.getKey().getType();
    if (!queryType.hasStaticShape() || !keyType.hasStaticShape() ||
        !op.getValue().getType().hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    if (op.getKvLengths())
      return rewriter.notifyMatchFailure(op, "kv_lengths vary at run time");
    if (keyType.getDimSize(2) > std::numeric_limits<int32_t>::max())
      return rewriter.notifyMatchFailure(op, "key indices exceed i32");
    // attn.sparse_attention computes its softmax in f32 and drops an empty row
    // to zero: other policies stay dense.
    if (op.getMaskedRows() != attn::MaskedRowPolicy::Zero)
      return rewriter.notifyMatchFailure(op, "masked rows are not zero");
    if (!op.getEffectiveSoftmaxType().isF32())
      return rewriter.notifyMatchFailure(op, "softmax precision is not f32");

    std::string why;
    FailureOr<VisibleKeys> visible = visibleKeys(op, why);
    if (failed(visible))
      return rewriter.notifyMatchFailure(op, why);
    int64_t k = std::max<int64_t>(visible->longestRow, 1);
    if (k * 100 > maxVisiblePercent * visible->keys)
      return rewriter.notifyMatchFailure(op, "too many visible keys per row");

    // indices[b, i, n]: the n-th visible key of row i, -1 past the last one.
    // A mask without batch dimension serves every batch.
    int64_t batches = queryType.getDimSize(0);
    SmallVector<int32_t> indices;
    indices.reserve(batches * visible->rows * k);
    for (int64_t b = 0; b < batches; ++b) {
      int64_t maskBatch = visible->batches == 1 ? 0 : b;
      for (int64_t i = 0; i < visible->rows; ++i) {
        int64_t row = (maskBatch * visible->rows + i) * visible->keys, count = 0;
        for (int64_t j = 0; j < visible->keys; ++j)
          if (visible->visible[row + j]) {
            indices.push_back(static_cast<int32_t>(j));
            ++count;
          }
        indices.append(k - count, -1);
      }
    }
    auto indexType = RankedTensorType::get({batches, visible->rows, k},
                                           rewriter.getI32Type());
    Value indexTensor = arith::ConstantOp::create(
        rewriter, op.getLoc(), DenseElementsAttr::get(indexType,
                                                      ArrayRef(indices)));
    auto sparse =
        attn::SparseAttentionOp::create(rewriter, op.getLoc(), op, indexTensor);
    rewriter.replaceOp(op, sparse.getResult());
    return success();
  }

  int64_t maxVisiblePercent;
};

} // namespace

void mlir::attn::populateSparsifyConstantMaskPatterns(
    RewritePatternSet &patterns, int64_t maxVisiblePercent) {
  patterns.add<SparsifyConstantMask>(patterns.getContext(), maxVisiblePercent);
}
