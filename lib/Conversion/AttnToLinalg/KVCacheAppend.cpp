//===- KVCacheAppend.cpp - Lowering of attn.kv_cache_append ---------------===//
//
// The result is the past followed by the update on the sequence axis, which
// is exactly tensor.concat on dim 2; bufferization turns it into two copies
// into one buffer.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;

namespace {

struct KVCacheAppendLowering : OpConversionPattern<attn::KVCacheAppendOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::KVCacheAppendOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<tensor::ConcatOp>(
        op, op.getType(), /*dim=*/2,
        ValueRange{adaptor.getPast(), adaptor.getUpdate()});
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateKVCacheAppendPatterns(
    RewritePatternSet &patterns) {
  patterns.add<KVCacheAppendLowering>(patterns.getContext());
}
