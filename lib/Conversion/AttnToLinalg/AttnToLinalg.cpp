//===- AttnToLinalg.cpp - The ConvertAttnToLinalgPass ---------------------===//
//
// Target setup only: the patterns live in one file per op family. The whole
// attn dialect is illegal, so an op the patterns cannot lower (a dynamic
// shape they do not support) is an error that names it.
//
//===----------------------------------------------------------------------===//

#include "attnc/Conversion/Passes.h"

#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

namespace attnc {
#define GEN_PASS_DEF_CONVERTATTNTOLINALGPASS
#include "attnc/Conversion/Passes.h.inc"
} // namespace attnc

using namespace mlir;

void attnc::populateAttnToLinalgPatterns(RewritePatternSet &patterns) {
  attn_lowering::populateAttentionPatterns(patterns);
  attn_lowering::populateKVCacheAppendPatterns(patterns);
  attn_lowering::populateKVCachePatterns(patterns);
  attn_lowering::populateKVCompressPatterns(patterns);
  attn_lowering::populateLightningIndexerPatterns(patterns);
  attn_lowering::populateLinearAttentionPatterns(patterns);
  attn_lowering::populateMLAPatterns(patterns);
  attn_lowering::populateRopePatterns(patterns);
  attn_lowering::populateSparseAttentionPatterns(patterns);
  attn_lowering::populateTopKPatterns(patterns);
}

namespace {

struct ConvertAttnToLinalgPass
    : attnc::impl::ConvertAttnToLinalgPassBase<ConvertAttnToLinalgPass> {
  void runOnOperation() override {
    MLIRContext &context = getContext();
    RewritePatternSet patterns(&context);
    attnc::populateAttnToLinalgPatterns(patterns);
    ConversionTarget target(context);
    target.addIllegalDialect<attn::AttnDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
