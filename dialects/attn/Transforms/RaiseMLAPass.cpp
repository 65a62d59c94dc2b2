//===- RaiseMLAPass.cpp - The attn-raise-mla pass -------------------------===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_RAISEMLAPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct RaiseMLAPass : attn::impl::RaiseMLAPassBase<RaiseMLAPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attn::populateRaiseMLAPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    if (!remarks)
      return;
    // Near-misses: an attention left whose key is a channel Concat, the
    // decoupled-RoPE key of latent attention.
    getOperation()->walk([](attn::AttentionOp attention) {
      if (!attention.getKey().getDefiningOp<onnx::ConcatOp>())
        return;
      if (std::optional<std::string> reason =
              attn::explainUnraisedMLA(attention))
        attention.emitRemark() << "not raised to attn.mla: " << *reason;
    });
  }
};

} // namespace
