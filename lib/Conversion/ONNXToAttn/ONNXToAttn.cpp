//===- ONNXToAttn.cpp - The convert-onnx-to-attn pass ---------------------===//

#include "attnc/Conversion/Passes.h"

#include "ConversionPatterns.h"

#include "attnc/Dialect/Attn/IR/AttnDialect.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

namespace attnc {
#define GEN_PASS_DEF_CONVERTONNXTOATTNPASS
#include "attnc/Conversion/Passes.h.inc"
} // namespace attnc

using namespace mlir;
using namespace attnc::onnx_to_attn;

void attnc::populateONNXToAttnPatterns(RewritePatternSet &patterns) {
  populateAttentionToAttnPatterns(patterns);
  populateRotaryToAttnPatterns(patterns);
  populateContribAttentionToAttnPatterns(patterns);
  populateLinearAttentionToAttnPatterns(patterns);
}

namespace {

/// The reason an op the patterns left behind could not be converted.
std::optional<std::string> unconvertedReason(Operation *op) {
  std::string reason;
  LogicalResult supported =
      llvm::TypeSwitch<Operation *, LogicalResult>(op)
          .Case([&](onnx::AttentionOp op) {
            return checkAttentionSupported(op, reason);
          })
          .Case([&](onnx::MSGroupQueryAttentionOp op) {
            return checkGroupQueryAttentionSupported(op, reason);
          })
          .Case([&](onnx::MSMultiHeadAttentionOp op) {
            return checkMultiHeadAttentionSupported(op, reason);
          })
          .Case([&](onnx::LinearAttentionOp op) {
            return checkLinearAttentionSupported(op, reason);
          })
          .Case<onnx::RotaryEmbeddingOp, onnx::MSRotaryEmbeddingOp>(
              [&](Operation *op) { return checkRotarySupported(op, reason); })
          .Default([](Operation *) { return success(); });
  if (succeeded(supported))
    return std::nullopt;
  return reason;
}

struct ConvertONNXToAttnPass
    : attnc::impl::ConvertONNXToAttnPassBase<ConvertONNXToAttnPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attnc::populateONNXToAttnPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    // The fused ops have no other lowering: one left behind is an error that
    // says why.
    WalkResult result = getOperation()->walk([](Operation *op) {
      if (std::optional<std::string> reason = unconvertedReason(op)) {
        op->emitError() << "cannot compile " << op->getName() << ": "
                        << *reason;
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
