//===- RaiseKVCache.cpp - Past/present Concat to attn.kv_cache_append -----===//
//
// Exporters grow the KV cache with `Concat(past_key, key, axis=2)`, whose
// result is both the `present_key` output and the keys attention reads.
// The condition is kept structural and local: a two-input Concat on the
// sequence axis of rank-4 float tensors, one of whose uses starts the K or
// V side of an attention block. Another Concat on axis 2 (of activations,
// say) has no such use and stays an onnx.Concat.
//
// Exporters with a fixed-size cache (a static cache of the maximum context,
// or a window layer's ring buffer) write it with ONNX TensorScatter instead:
// on the sequence axis of the same rank-4 caches, with write indices, it is
// attn.kv_cache_update (`linear`, or `ring` for TensorScatter's `circular`).
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Whether `use` is the start of the K or V side of attention: K^T (a
/// Transpose swapping the last two dims), the GQA/MQA head repeat
/// (Unsqueeze at axis 2, Expand, or a Concat of copies on the head axis),
/// V (the right operand of a MatMul), or the key or value of an already
/// raised attn.attention.
bool startsKeyOrValue(OpOperand &use) {
  Operation *user = use.getOwner();
  if (auto concat = dyn_cast<onnx::ConcatOp>(user))
    return (concat.getAxis() == 1 || concat.getAxis() == -3) &&
           llvm::all_equal(concat.getInputs());
  if (auto transpose = dyn_cast<onnx::TransposeOp>(user)) {
    std::optional<ArrayRef<int64_t>> perm = transpose.getPerm();
    return perm && *perm == ArrayRef<int64_t>{0, 1, 3, 2};
  }
  if (auto unsqueeze = dyn_cast<onnx::UnsqueezeOp>(user)) {
    std::optional<SmallVector<int64_t>> axes =
        onnx::getConstantIntValues(unsqueeze.getAxes());
    return axes && axes->size() == 1 &&
           (axes->front() == 2 || axes->front() == -3);
  }
  if (isa<onnx::ExpandOp>(user))
    return true;
  if (isa<onnx::MatMulOp>(user))
    return use.getOperandNumber() == 1;
  if (auto attention = dyn_cast<AttentionOp>(user))
    return use.get() == attention.getKey() ||
           use.get() == attention.getValue();
  return false;
}

bool isCacheTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || tensor.getRank() != 4)
    return false;
  Type element = tensor.getElementType();
  return element.isF16() || element.isBF16() || element.isF32();
}

struct RaiseKVCacheConcat : OpRewritePattern<onnx::ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::ConcatOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getInputs().size() != 2)
      return rewriter.notifyMatchFailure(op, "not a Concat of past and new");
    if (op.getAxis() != 2 && op.getAxis() != -2)
      return rewriter.notifyMatchFailure(op, "not on the sequence axis 2");
    if (!llvm::all_of(op->getOperandTypes(), isCacheTensor) ||
        !isCacheTensor(op.getType()))
      return rewriter.notifyMatchFailure(op, "not rank-4 float tensors");
    if (llvm::none_of(op->getUses(), startsKeyOrValue))
      return rewriter.notifyMatchFailure(
          op, "no use starts the K or V side of attention");
    rewriter.replaceOpWithNewOp<KVCacheAppendOp>(
        op, op.getType(), op.getInputs()[0], op.getInputs()[1]);
    return success();
  }
};

struct RaiseKVCacheScatter : OpRewritePattern<onnx::TensorScatterOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::TensorScatterOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getAxis() != 2 && op.getAxis() != -2)
      return rewriter.notifyMatchFailure(op, "not on the sequence axis 2");
    if (!isCacheTensor(op.getPastCache().getType()) ||
        !isCacheTensor(op.getUpdate().getType()))
      return rewriter.notifyMatchFailure(op, "not rank-4 float tensors");
    // Absent write indices (all zeros) are rare in exporters; keep them as
    // they are rather than invent a constant.
    if (isa<NoneType>(op.getWriteIndices().getType()))
      return rewriter.notifyMatchFailure(op, "no write_indices");
    if (llvm::none_of(op->getUses(), startsKeyOrValue))
      return rewriter.notifyMatchFailure(
          op, "no use starts the K or V side of attention");
    rewriter.replaceOpWithNewOp<KVCacheUpdateOp>(
        op, op.getType(), op.getPastCache(), op.getUpdate(),
        op.getWriteIndices(),
        op.getMode() == "circular" ? CacheMode::Ring : CacheMode::Linear);
    return success();
  }
};

} // namespace

void mlir::attn::populateRaiseKVCachePatterns(RewritePatternSet &patterns) {
  patterns.add<RaiseKVCacheConcat, RaiseKVCacheScatter>(patterns.getContext());
}
