//===- RaiseKVCachePass.cpp - The attn-raise-kv-cache pass ----------------===//

#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_RAISEKVCACHEPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct RaiseKVCachePass
    : attn::impl::RaiseKVCachePassBase<RaiseKVCachePass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attn::populateRaiseKVCachePatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
