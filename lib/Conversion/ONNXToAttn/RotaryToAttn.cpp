//===- RotaryToAttn.cpp - RotaryEmbedding (ONNX and ORT) to attn.rope -----===//

#include "ConversionPatterns.h"
#include "HeadLayout.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

using namespace mlir;

namespace attnc::onnx_to_attn {

namespace {

/// The parts both RotaryEmbedding spellings share.
struct RotaryForm {
  Value input, cos, sin, positions; // positions may be null
  int64_t numHeads;                 // for 3-D inputs
  int64_t rotaryDim;                // 0 = derive from the tables
  bool interleaved;
};

FailureOr<RotaryForm> getForm(Operation *op) {
  if (auto onnxOp = dyn_cast<onnx::RotaryEmbeddingOp>(op)) {
    Value positions = onnxOp.getPositionIds();
    return RotaryForm{onnxOp.getX(), onnxOp.getCosCache(),
                      onnxOp.getSinCache(),
                      isa<NoneType>(positions.getType()) ? Value() : positions,
                      onnxOp.getNumHeads().value_or(0),
                      onnxOp.getRotaryEmbeddingDim(),
                      onnxOp.getInterleaved() != 0};
  }
  auto msOp = cast<onnx::MSRotaryEmbeddingOp>(op);
  return RotaryForm{msOp.getInput(), msOp.getCosCache(), msOp.getSinCache(),
                    msOp.getPositionIds(), msOp.getNumHeads(),
                    msOp.getRotaryEmbeddingDim(), msOp.getInterleaved() != 0};
}

} // namespace

LogicalResult checkRotarySupported(Operation *op, std::string &reason) {
  RotaryForm form = *getForm(op);
  auto input = cast<RankedTensorType>(form.input.getType());
  auto cos = cast<RankedTensorType>(form.cos.getType());
  if (auto msOp = dyn_cast<onnx::MSRotaryEmbeddingOp>(op)) {
    if (msOp.getIsPackedBatching() != 0)
      return reason = "is_packed_batching is not supported", failure();
    if (msOp.getScale().convertToDouble() != 1.0)
      return reason = "scale other than 1 is not supported", failure();
    if (cast<RankedTensorType>(form.positions.getType()).getRank() != 2)
      return reason = "position_ids must be (B, S)", failure();
  }
  if (input.getRank() == 3) {
    if (form.numHeads <= 0)
      return reason = "a 3-D input needs num_heads", failure();
    if (ShapedType::isDynamic(input.getDimSize(2)) ||
        input.getDimSize(2) % form.numHeads != 0)
      return reason = "the hidden size must be a static multiple of num_heads",
             failure();
  }
  if (ShapedType::isDynamic(cos.getShape().back()))
    return reason = "the cos/sin tables need a static last dim", failure();
  if (cos.getElementType() != input.getElementType())
    return reason = "cos/sin tables of another element type are not supported",
           failure();
  return success();
}

namespace {

template <typename OpTy>
struct RotaryToAttn : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    if (failed(checkRotarySupported(op, reason)))
      return rewriter.notifyMatchFailure(op, reason);
    RotaryForm form = *getForm(op);
    Location loc = op.getLoc();
    bool packed = cast<RankedTensorType>(form.input.getType()).getRank() == 3;
    Value input =
        packed ? splitHeads(rewriter, loc, form.input, form.numHeads)
               : form.input;
    int64_t halfDim =
        cast<RankedTensorType>(form.cos.getType()).getShape().back();
    auto rope = attn::RopeOp::create(rewriter, loc, input.getType(), input,
                                     form.cos, form.sin, form.positions);
    rope.setLayout(form.interleaved ? attn::RopeLayout::Interleaved
                                    : attn::RopeLayout::HalfSplit);
    int64_t rotaryDim = form.rotaryDim > 0 ? form.rotaryDim : 2 * halfDim;
    rope.setRotaryDim(rotaryDim);
    Value result = rope.getResult();
    if (packed)
      result = mergeHeads(rewriter, loc, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateRotaryToAttnPatterns(RewritePatternSet &patterns) {
  patterns.add<RotaryToAttn<onnx::RotaryEmbeddingOp>,
               RotaryToAttn<onnx::MSRotaryEmbeddingOp>>(patterns.getContext());
}

} // namespace attnc::onnx_to_attn
