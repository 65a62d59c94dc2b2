//===- ONNXToLinalgPass.cpp - The convert-onnx-to-linalg pass -------------===//

#include "attnc/Conversion/Passes.h"

#include "attnc/Dialect/ONNX/IR/ONNXDialect.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

namespace attnc {
#define GEN_PASS_DEF_CONVERTONNXTOLINALGPASS
#include "attnc/Conversion/Passes.h.inc"
} // namespace attnc

using namespace mlir;

void attnc::populateONNXToLinalgPatterns(RewritePatternSet &patterns) {
  populateONNXElementwiseToLinalgPatterns(patterns);
  populateONNXMathToLinalgPatterns(patterns);
  populateONNXTensorToLinalgPatterns(patterns);
  populateONNXControlFlowToLinalgPatterns(patterns);
  populateONNXIndexingToLinalgPatterns(patterns);
}

namespace {

struct ConvertONNXToLinalgPass
    : attnc::impl::ConvertONNXToLinalgPassBase<ConvertONNXToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    ConversionTarget target(*context);
    target.addIllegalDialect<onnx::ONNXDialect>();
    // Omitted inputs die with their users; canonicalization removes them.
    target.addLegalOp<onnx::NoValueOp>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, scf::SCFDialect,
                           tensor::TensorDialect>();
    // attn ops and anything else outside onnx are left for later passes.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });

    RewritePatternSet patterns(context);
    attnc::populateONNXToLinalgPatterns(patterns);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
