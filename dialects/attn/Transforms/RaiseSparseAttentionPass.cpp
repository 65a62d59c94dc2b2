//===- RaiseSparseAttentionPass.cpp - The attn-raise-sparse-attention pass ===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_RAISESPARSEATTENTIONPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct RaiseSparseAttentionPass
    : attn::impl::RaiseSparseAttentionPassBase<RaiseSparseAttentionPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attn::populateSparseAttentionRaisingPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    if (!remarks)
      return;
    // Near-misses: an attention left with a mask built by a TopK.
    getOperation()->walk([](attn::AttentionOp attention) {
      Value mask = attention.getMask();
      if (!mask)
        return;
      bool fromTopK = false;
      SmallVector<Value> worklist{mask};
      for (int steps = 0; !worklist.empty() && steps < 16 && !fromTopK;
           ++steps) {
        Operation *def = worklist.pop_back_val().getDefiningOp();
        if (!def)
          continue;
        fromTopK = isa<onnx::TopKOp>(def);
        llvm::append_range(worklist, def->getOperands());
      }
      if (!fromTopK)
        return;
      if (std::optional<std::string> reason =
              attn::explainUnraisedSparseAttention(attention))
        attention.emitRemark()
            << "not raised to attn.sparse_attention: " << *reason;
    });
  }
};

} // namespace
