//===- RaiseAttention.cpp - Decomposed attention to attn.attention --------===//

#include "AttentionMatch.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Replaces the MatMul with V that ends a decomposed attention block by one
/// attn.attention; the rest of the block dies with it, except the ops whose
/// results are also read outside the block (they stay for those readers).
struct RaiseDecomposedAttention : OpRewritePattern<onnx::MatMulOp> {
  RaiseDecomposedAttention(MLIRContext *context, bool remarks)
      : OpRewritePattern(context), remarks(remarks) {}

  LogicalResult matchAndRewrite(onnx::MatMulOp op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    FailureOr<AttentionMatch> match = matchDecomposedAttention(op, reason);
    if (failed(match))
      return rewriter.notifyMatchFailure(op, reason);
    Location loc = op.getLoc();

    Value key = match->keySource;
    if (!match->keyPermutation.empty()) {
      auto sourceType = cast<RankedTensorType>(key.getType());
      SmallVector<int64_t, 4> shape;
      for (int64_t from : match->keyPermutation)
        shape.push_back(sourceType.getDimSize(from));
      key = onnx::TransposeOp::create(
          rewriter, loc, sourceType.clone(shape), key,
          rewriter.getDenseI64ArrayAttr(match->keyPermutation));
    }

    // Sinks: the constants, or the per-head tensor flattened to Hq.
    Value sinks;
    int64_t heads = op.getType().getDimSize(1);
    if (match->sinkValues) {
      sinks = onnx::ConstantOp::create(rewriter, loc, match->sinkValues);
    } else if (match->sinkSource) {
      auto sourceType = cast<RankedTensorType>(match->sinkSource.getType());
      Value shape = onnx::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(
              RankedTensorType::get({1}, rewriter.getI64Type()), heads));
      sinks = onnx::ReshapeOp::create(
          rewriter, loc, sourceType.clone(ArrayRef<int64_t>{heads}),
          match->sinkSource, shape, /*allowzero=*/nullptr);
    }

    if (remarks && !match->keptRepetition.empty())
      op.emitRemark() << match->keptRepetition;
    if (remarks && match->sharedOp)
      op.emitRemark() << "the " << match->sharedOp->getName()
                      << " result inside the attention block is also read "
                         "outside it: the ops computing it stay for those "
                         "readers";
    auto attention =
        AttentionOp::create(rewriter, loc, op.getType(), match->query, key,
                            match->value, match->mask, sinks);
    // Always explicit: the graph's constants, not attn's 1/sqrt(D) default.
    attention.setScaleAttr(rewriter.getF64FloatAttr(match->scale));
    if (match->softcap)
      attention.setSoftcapAttr(rewriter.getF64FloatAttr(*match->softcap));
    const MaskAttributes &mask = match->maskAttributes;
    if (mask.causal) {
      attention.setCausal(true);
      attention.setAlignment(mask.alignment);
      if (mask.windowLeft)
        attention.setWindowLeftAttr(
            rewriter.getI64IntegerAttr(*mask.windowLeft));
      attention.setMaskedRows(mask.maskedRows);
    }
    if (match->softmaxPrecision)
      attention.setSoftmaxPrecision(match->softmaxPrecision);
    rewriter.replaceOp(op, attention.getResult());
    return success();
  }

  /// Whether to say why a block was raised with its repeated K/V heads or
  /// left ops for readers outside it.
  bool remarks;
};

} // namespace

void mlir::attn::populateAttentionRaisingPatterns(RewritePatternSet &patterns,
                                                  bool remarks) {
  patterns.add<RaiseDecomposedAttention>(patterns.getContext(), remarks);
}

std::optional<std::string>
mlir::attn::explainUnraisedAttention(Operation *softmax) {
  // Find the MatMul with V, through the optional Cast back from f32, the
  // Where that zeroes fully masked rows and the Slice that drops a sink
  // column.
  auto isReadByMatMul = [](Operation *op) {
    return llvm::any_of(op->getUsers(), llvm::IsaPred<onnx::MatMulOp>);
  };
  Operation *user = softmax;
  bool readByMatMul = isReadByMatMul(user);
  for (int step = 0; step < 3; ++step) {
    auto next = llvm::find_if(user->getUsers(), [](Operation *op) {
      return isa<onnx::CastOp, onnx::WhereOp, onnx::SliceOp>(op);
    });
    if (next == user->getUsers().end())
      break;
    user = *next;
    readByMatMul |= isReadByMatMul(user);
  }
  // No MatMul reads it: not an attention block (a classifier's Softmax, or
  // one that a raised block left for readers outside it).
  if (!readByMatMul)
    return std::nullopt;
  onnx::MatMulOp output;
  for (OpOperand &use : user->getResult(0).getUses())
    if (auto matmul = dyn_cast<onnx::MatMulOp>(use.getOwner()))
      if (use.getOperandNumber() == 0)
        output = matmul;
  if (!output)
    return std::string("the Softmax result is not the left operand of a "
                       "MatMul with V");
  std::string reason;
  if (succeeded(matchDecomposedAttention(output, reason)))
    return std::nullopt;
  return reason;
}
