//===- RaiseRopePass.cpp - The attn-raise-rope pass -----------------------===//

#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_RAISEROPEPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

/// A rotate_half as every rotate spelling has one: a Concat on the last
/// axis with a negated operand.
bool isRotation(onnx::ConcatOp concat) {
  int64_t rank = cast<RankedTensorType>(concat.getType()).getRank();
  return (concat.getAxis() == -1 || concat.getAxis() == rank - 1) &&
         llvm::any_of(concat.getInputs(), [](Value input) {
           return input.getDefiningOp<onnx::NegOp>() != nullptr;
         });
}

struct RaiseRopePass : attn::impl::RaiseRopePassBase<RaiseRopePass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attn::populateRaiseRopePatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    if (!remarks)
      return;
    // Every rotation still here belongs to a RoPE that did not match.
    getOperation()->walk([](onnx::ConcatOp concat) {
      if (!isRotation(concat))
        return;
      if (std::optional<std::string> reason =
              attn::explainUnraisedRope(concat))
        concat.emitRemark() << "not raised to attn.rope: " << *reason;
    });
  }
};

} // namespace
