//===- RaiseLinearAttentionPass.cpp - attn-raise-linear-attention ---------===//

#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_RAISELINEARATTENTIONPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct RaiseLinearAttentionPass
    : attn::impl::RaiseLinearAttentionPassBase<RaiseLinearAttentionPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attn::populateLinearAttentionRaisingPatterns(patterns, remarks);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    if (!remarks)
      return;
    // Every Scan still here that carries a rank-4 state did not match.
    getOperation()->walk([](onnx::ScanOp scan) {
      if (std::optional<std::string> reason =
              attn::explainUnraisedLinearAttention(scan))
        scan.emitRemark() << "not raised to attn.linear_attention: " << *reason;
    });
  }
};

} // namespace
