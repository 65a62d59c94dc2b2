//===- RaiseAttention.cpp - Decomposed attention to attn.attention --------===//

#include "AttentionMatch.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Replaces the MatMul with V that ends a decomposed attention block by one
/// attn.attention; the rest of the block dies with it.
struct RaiseDecomposedAttention : OpRewritePattern<onnx::MatMulOp> {
  using OpRewritePattern::OpRewritePattern;

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

    auto attention =
        AttentionOp::create(rewriter, loc, op.getType(), match->query, key,
                            match->value, match->mask);
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
};

} // namespace

void mlir::attn::populateAttentionRaisingPatterns(RewritePatternSet &patterns) {
  patterns.add<RaiseDecomposedAttention>(patterns.getContext());
}

std::optional<std::string>
mlir::attn::explainUnraisedAttention(Operation *softmax) {
  // Find the MatMul with V, through the optional Cast back from f32 and the
  // Where that zeroes fully masked rows.
  Operation *user = softmax;
  for (int step = 0; step < 2; ++step) {
    auto next = llvm::find_if(user->getUsers(), [](Operation *op) {
      return isa<onnx::CastOp, onnx::WhereOp>(op);
    });
    if (next == user->getUsers().end())
      break;
    user = *next;
  }
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
