//===- BlockCausalAttentionPass.cpp - The attn-block-causal-attention pass -===//

#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_BLOCKCAUSALATTENTIONPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct BlockCausalAttentionPass
    : attn::impl::BlockCausalAttentionPassBase<BlockCausalAttentionPass> {
  using Base::Base;

  void runOnOperation() override {
    if (blockSize <= 0) {
      getOperation().emitError("block-size must be positive, got ")
          << blockSize;
      return signalPassFailure();
    }
    RewritePatternSet patterns(&getContext());
    attn::populateBlockCausalAttentionPatterns(patterns, blockSize);
    // The blocks' ops are small enough not to match again; one walk suffices.
    GreedyRewriteConfig config;
    config.setMaxIterations(1);
    (void)applyPatternsGreedily(getOperation(), std::move(patterns), config);
  }
};

} // namespace
