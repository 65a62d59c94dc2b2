//===- BlockCausalAttention.cpp - Visit only a causal block's keys --------===//
//
// A causal attention of Sq rows over Skv keys becomes a loop over blocks of
// query rows; each block attends, with the same op, to the keys its rows can
// see: up to the block's last position, and from the first key its window
// reaches. Everything after that key range is masked for every row of the
// block, everything before it too when there is a window, so the block's
// attention is exactly the rows of the original one. The cost then follows
// the visible pairs: about half of Sq * Skv for a causal mask, Sq * (W + block)
// for a window of W keys, instead of Sq * Skv; the score tensor of a block is
// block x keys instead of Sq x Skv.
//
// Results are bit-identical to the unblocked op's: a masked key contributes
// exp(-inf) = 0 to a row's sum and nothing to its maximum, so every row
// combines the same terms in the same order.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;

namespace {

constexpr int64_t kSeqDim = 2;

struct BlockCausalAttention : OpRewritePattern<attn::AttentionOp> {
  BlockCausalAttention(MLIRContext *context, int64_t blockSize)
      : OpRewritePattern(context), blockSize(blockSize) {}

  LogicalResult matchAndRewrite(attn::AttentionOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.getCausal())
      return rewriter.notifyMatchFailure(op, "not causal");
    // A mask or kv_lengths could hide keys inside the range a block visits
    // (still exact) but also depend on absolute indices: keep it simple.
    if (op.getMask() || op.getKvLengths() || op.getWindowRight())
      return rewriter.notifyMatchFailure(
          op, "has a mask, kv_lengths or a right window");
    auto queryType = op.getQuery().getType();
    auto keyType = op.getKey().getType();
    auto valueType = op.getValue().getType();
    auto resultType = cast<RankedTensorType>(op.getResult().getType());
    if (!queryType.hasStaticShape() || !keyType.hasStaticShape() ||
        !valueType.hasStaticShape() || !resultType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    int64_t rows = queryType.getDimSize(kSeqDim);
    int64_t keys = keyType.getDimSize(kSeqDim);
    if (rows <= blockSize)
      return rewriter.notifyMatchFailure(op, "a single block");
    // Row i sits at position i + offset among the keys.
    int64_t offset =
        op.getAlignment() == attn::Alignment::BottomRight ? keys - rows : 0;
    if (offset < 0 || rows + offset > keys)
      return rewriter.notifyMatchFailure(
          op, "some rows see no key (policy of masked rows applies)");
    std::optional<int64_t> left = op.getWindowLeft();
    if (left && *left < 0)
      return rewriter.notifyMatchFailure(op, "negative window");

    Location loc = op.getLoc();
    // The loop's constants, made once before it.
    llvm::SmallDenseMap<int64_t, Value> constants;
    auto index = [&](int64_t value) -> Value {
      auto [it, inserted] = constants.try_emplace(value);
      if (inserted)
        it->second = arith::ConstantIndexOp::create(rewriter, loc, value);
      return it->second;
    };
    Value zero = index(0), rowCount = index(rows), step = index(blockSize);
    Value offsetValue = index(offset);
    Value leftValue = left ? index(*left) : Value();
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    auto loop = scf::ForOp::create(rewriter, loc, zero, rowCount, step,
                                   ValueRange{init});
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointToStart(loop.getBody());
    Value first = loop.getInductionVar();
    Value acc = loop.getRegionIterArgs().front();

    // The block's rows [first, first + count) see keys [lo, hi).
    bool even = rows % blockSize == 0;
    OpFoldResult count = rewriter.getIndexAttr(blockSize);
    Value countValue = step;
    if (!even) {
      Value rest = arith::SubIOp::create(rewriter, loc, rowCount, first);
      countValue = arith::MinSIOp::create(rewriter, loc, rest, step);
      count = countValue;
    }
    Value end = arith::AddIOp::create(rewriter, loc, first, countValue);
    Value hi = offset ? arith::AddIOp::create(rewriter, loc, end, offsetValue)
                            .getResult()
                      : end;
    Value lo = zero;
    if (left) {
      Value position =
          offset ? arith::AddIOp::create(rewriter, loc, first, offsetValue)
                       .getResult()
                 : first;
      Value reach = arith::SubIOp::create(rewriter, loc, position, leftValue);
      lo = arith::MaxSIOp::create(rewriter, loc, reach, zero);
    }
    Value span = arith::SubIOp::create(rewriter, loc, hi, lo);

    auto slice = [&](Value source, OpFoldResult start, OpFoldResult size) {
      auto type = cast<RankedTensorType>(source.getType());
      SmallVector<OpFoldResult> offsets(4, rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> sizes;
      for (int64_t dim = 0; dim < 4; ++dim)
        sizes.push_back(rewriter.getIndexAttr(type.getDimSize(dim)));
      offsets[kSeqDim] = start;
      sizes[kSeqDim] = size;
      SmallVector<OpFoldResult> strides(4, rewriter.getIndexAttr(1));
      return tensor::ExtractSliceOp::create(rewriter, loc, source, offsets,
                                            sizes, strides)
          .getResult();
    };
    Value query = slice(op.getQuery(), first, count);
    Value key = slice(op.getKey(), lo, span);
    Value value = slice(op.getValue(), lo, span);

    SmallVector<int64_t> blockShape(resultType.getShape());
    blockShape[kSeqDim] = even ? blockSize : ShapedType::kDynamic;
    auto blockType =
        RankedTensorType::get(blockShape, resultType.getElementType());
    auto block = attn::AttentionOp::create(rewriter, loc, blockType, query,
                                           key, value, /*mask=*/Value(),
                                           op.getSinks(), /*kv_lengths=*/Value());
    // The block's last row sits on its last key.
    block.setAlignment(attn::Alignment::BottomRight);
    block.setCausal(true);
    if (op.getScaleAttr())
      block.setScaleAttr(op.getScaleAttr());
    if (op.getWindowLeftAttr())
      block.setWindowLeftAttr(op.getWindowLeftAttr());
    if (op.getSoftcapAttr())
      block.setSoftcapAttr(op.getSoftcapAttr());
    block.setMaskedRows(op.getMaskedRows());
    if (op.getSoftmaxPrecisionAttr())
      block.setSoftmaxPrecisionAttr(op.getSoftmaxPrecisionAttr());

    SmallVector<OpFoldResult> offsets(4, rewriter.getIndexAttr(0));
    offsets[kSeqDim] = first;
    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < 4; ++dim)
      sizes.push_back(rewriter.getIndexAttr(resultType.getDimSize(dim)));
    sizes[kSeqDim] = count;
    SmallVector<OpFoldResult> strides(4, rewriter.getIndexAttr(1));
    Value updated = tensor::InsertSliceOp::create(
        rewriter, loc, block.getResult(), acc, offsets, sizes, strides);
    scf::YieldOp::create(rewriter, loc, updated);

    rewriter.replaceOp(op, loop.getResults());
    return success();
  }

  int64_t blockSize;
};

} // namespace

void mlir::attn::populateBlockCausalAttentionPatterns(
    RewritePatternSet &patterns, int64_t blockSize) {
  patterns.add<BlockCausalAttention>(patterns.getContext(), blockSize);
}
