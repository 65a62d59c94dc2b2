//===- RaiseAttentionPass.cpp - The attn-raise-attention pass -------------===//

#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_RAISEATTENTIONPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct RaiseAttentionPass
    : attn::impl::RaiseAttentionPassBase<RaiseAttentionPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attn::populateAttentionRaisingPatterns(patterns, remarks);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    if (!remarks)
      return;
    // Every Softmax still here belongs to a block that did not match.
    getOperation()->walk([](onnx::SoftmaxOp softmax) {
      if (std::optional<std::string> reason =
              attn::explainUnraisedAttention(softmax))
        softmax.emitRemark() << "not raised to attn.attention: " << *reason;
    });
  }
};

} // namespace
