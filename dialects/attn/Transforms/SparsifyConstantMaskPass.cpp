//===- SparsifyConstantMaskPass.cpp - attn-sparsify-constant-mask ---------===//

#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_SPARSIFYCONSTANTMASKPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct SparsifyConstantMaskPass
    : attn::impl::SparsifyConstantMaskPassBase<SparsifyConstantMaskPass> {
  using Base::Base;

  void runOnOperation() override {
    if (maxVisiblePercent <= 0 || maxVisiblePercent > 100) {
      getOperation().emitError("max-visible-percent must be in (0, 100], got ")
          << maxVisiblePercent;
      return signalPassFailure();
    }
    RewritePatternSet patterns(&getContext());
    attn::populateSparsifyConstantMaskPatterns(patterns, maxVisiblePercent);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
