//===- RotaryToAttn.cpp - RotaryEmbedding (ONNX and ORT) to attn.rope -----===//
//
// Both ops rotate the first R channels of each head (R = rotary_embedding_dim,
// or the head size) with cos/sin tables of R/2 entries per position. They
// differ in what they accept:
//
//   * ONNX (opset 23): X is (B, H, S, D) or (B, S, H * D) with num_heads;
//     tables (P, R/2) gathered by position_ids (B, S), or already gathered
//     (B, S, R/2) without position_ids.
//   * onnxruntime: input (B, H, S, D) or (B, S, H * D), where num_heads may
//     be omitted (the head size is then twice the table width);
//     position_ids (B, S) or a single start offset (token s of every batch
//     at position start + s); tables (P, R/2).
//
//===----------------------------------------------------------------------===//

#include "ConversionPatterns.h"
#include "HeadLayout.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace attnc::onnx_to_attn {

namespace {

/// The parts both RotaryEmbedding spellings share.
struct RotaryForm {
  Value input, cos, sin, positions; // positions may be null (ONNX only)
  int64_t numHeads;                 // 0 when not given
  int64_t rotaryDim;                // 0 = the head size
  bool interleaved;
  bool onnxruntime;
};

RotaryForm getForm(Operation *op) {
  if (auto onnxOp = dyn_cast<onnx::RotaryEmbeddingOp>(op)) {
    Value positions = onnxOp.getPositionIds();
    return RotaryForm{onnxOp.getX(),
                      onnxOp.getCosCache(),
                      onnxOp.getSinCache(),
                      isa<NoneType>(positions.getType()) ? Value() : positions,
                      onnxOp.getNumHeads().value_or(0),
                      onnxOp.getRotaryEmbeddingDim(),
                      onnxOp.getInterleaved() != 0,
                      /*onnxruntime=*/false};
  }
  auto msOp = cast<onnx::MSRotaryEmbeddingOp>(op);
  return RotaryForm{msOp.getInput(),        msOp.getCosCache(),
                    msOp.getSinCache(),     msOp.getPositionIds(),
                    msOp.getNumHeads(),     msOp.getRotaryEmbeddingDim(),
                    msOp.getInterleaved() != 0,
                    /*onnxruntime=*/true};
}

/// What the conversion builds from a supported op.
struct RotaryPlan {
  RotaryForm form;
  /// Heads to split a 3-D input into; 0 for a 4-D input.
  int64_t splitHeads = 0;
  int64_t rotaryDim = 0;
  /// onnxruntime's single start offset instead of per-token ids.
  bool offsetPositions = false;
};

bool hasOneElement(RankedTensorType type) {
  return type.getRank() <= 1 && type.hasStaticShape() &&
         type.getNumElements() == 1;
}

FailureOr<RotaryPlan> planRotary(Operation *op, std::string &reason) {
  auto fail = [&](const Twine &message) {
    reason = message.str();
    return failure();
  };
  RotaryPlan plan{getForm(op)};
  const RotaryForm &form = plan.form;
  auto input = cast<RankedTensorType>(form.input.getType());
  auto cos = cast<RankedTensorType>(form.cos.getType());
  if (auto msOp = dyn_cast<onnx::MSRotaryEmbeddingOp>(op)) {
    if (msOp.getIsPackedBatching() != 0)
      return fail("is_packed_batching is not supported");
    if (msOp.getScale().convertToDouble() != 1.0)
      return fail("scale other than 1 is not supported");
  }
  if (cos != form.sin.getType())
    return fail("cos_cache and sin_cache must have the same type");
  if (cos.getElementType() != input.getElementType())
    return fail("cos/sin tables of another element type are not supported");
  if (cos.getRank() == 0 || cos.isDynamicDim(cos.getRank() - 1))
    return fail("the cos/sin tables need a static last dim");
  int64_t halfWidth = cos.getShape().back();

  // The head size: the input's last dim, or the hidden size split into
  // heads (onnxruntime derives the head count from the table width).
  int64_t headDim;
  if (input.getRank() == 4) {
    headDim = input.getDimSize(3);
  } else if (input.getRank() == 3) {
    int64_t hidden = input.getDimSize(2);
    int64_t heads = form.numHeads;
    if (heads <= 0 && form.onnxruntime && form.rotaryDim == 0 &&
        halfWidth > 0 && !ShapedType::isDynamic(hidden))
      heads = hidden / (2 * halfWidth);
    if (heads <= 0)
      return fail(form.onnxruntime && form.rotaryDim > 0
                      ? "rotary_embedding_dim needs num_heads"
                      : "a 3-D input needs num_heads");
    if (ShapedType::isDynamic(hidden) || hidden % heads != 0)
      return fail("the hidden size must be a static multiple of num_heads");
    headDim = hidden / heads;
    plan.splitHeads = heads;
  } else {
    return fail("the input must be 3-D or 4-D");
  }
  if (ShapedType::isDynamic(headDim))
    return fail("the head size must be static");

  plan.rotaryDim = form.rotaryDim > 0 ? form.rotaryDim : headDim;
  if (plan.rotaryDim % 2 != 0 || plan.rotaryDim > headDim)
    return fail("the rotary dim " + Twine(plan.rotaryDim) +
                " must be even and at most the head size " + Twine(headDim));
  // onnxruntime indexes the tables with a stride of R/2 whatever their
  // width, so only R/2-wide tables mean what the op documents.
  if (halfWidth * 2 != plan.rotaryDim)
    return fail("the cos/sin tables are " + Twine(halfWidth) +
                " wide, but the rotary dim " + Twine(plan.rotaryDim) +
                " needs " + Twine(plan.rotaryDim / 2));

  // attn.rope wants per-token operands of exactly (B, S).
  int64_t batch = input.getDimSize(0);
  int64_t sequence = input.getDimSize(input.getRank() == 4 ? 2 : 1);
  auto isBatchBySequence = [&](ArrayRef<int64_t> dims) {
    auto compatible = [](int64_t a, int64_t b) {
      return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
    };
    return dims.size() >= 2 && compatible(dims[0], batch) &&
           compatible(dims[1], sequence);
  };
  if (!form.positions) {
    if (cos.getRank() != 3 || !isBatchBySequence(cos.getShape()))
      return fail("without position_ids the cos/sin tables must be "
                  "(B, S, R/2)");
    return plan;
  }
  if (cos.getRank() != 2)
    return fail("with position_ids the cos/sin tables must be (P, R/2)");
  auto positions = cast<RankedTensorType>(form.positions.getType());
  if (form.onnxruntime && hasOneElement(positions))
    plan.offsetPositions = true;
  else if (positions.getRank() != 2 ||
           !isBatchBySequence(positions.getShape()))
    return fail("position_ids must be (B, S)");
  return plan;
}

/// onnxruntime's offset form as (B, S) ids: `start + s` for token s.
Value buildOffsetPositions(OpBuilder &builder, Location loc, Value start,
                           Value perHead) {
  auto startType = cast<RankedTensorType>(start.getType());
  auto perHeadType = cast<RankedTensorType>(perHead.getType());
  SmallVector<int64_t, 2> shape = {perHeadType.getDimSize(0),
                                   perHeadType.getDimSize(2)};
  SmallVector<Value> dynamic;
  for (auto [dim, from] : llvm::zip_equal(shape, ArrayRef<int64_t>{0, 2}))
    if (ShapedType::isDynamic(dim))
      dynamic.push_back(tensor::DimOp::create(builder, loc, perHead, from));
  Type element = startType.getElementType();
  Value init =
      tensor::EmptyOp::create(builder, loc, shape, element, dynamic);
  MLIRContext *ctx = builder.getContext();
  SmallVector<AffineExpr> startIndex;
  if (startType.getRank() == 1)
    startIndex.push_back(getAffineConstantExpr(0, ctx));
  SmallVector<AffineMap> maps = {AffineMap::get(2, 0, startIndex, ctx),
                                 AffineMap::getMultiDimIdentityMap(2, ctx)};
  SmallVector<utils::IteratorType> iterators(2,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             builder, loc, init.getType(), ValueRange{start}, ValueRange{init},
             maps, iterators,
             [&](OpBuilder &b, Location nested, ValueRange args) {
               Value token = linalg::IndexOp::create(b, nested, 1);
               Value offset =
                   arith::IndexCastOp::create(b, nested, element, token);
               Value id = arith::AddIOp::create(b, nested, args[0], offset);
               linalg::YieldOp::create(b, nested, id);
             })
      ->getResult(0);
}

} // namespace

LogicalResult checkRotarySupported(Operation *op, std::string &reason) {
  return planRotary(op, reason);
}

namespace {

template <typename OpTy>
struct RotaryToAttn : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    FailureOr<RotaryPlan> plan = planRotary(op, reason);
    if (failed(plan))
      return rewriter.notifyMatchFailure(op, reason);
    const RotaryForm &form = plan->form;
    Location loc = op.getLoc();
    Value input =
        plan->splitHeads
            ? splitHeads(rewriter, loc, form.input, plan->splitHeads)
            : form.input;
    Value positions =
        plan->offsetPositions
            ? buildOffsetPositions(rewriter, loc, form.positions, input)
            : form.positions;
    auto rope = attn::RopeOp::create(rewriter, loc, input.getType(), input,
                                     form.cos, form.sin, positions);
    rope.setLayout(form.interleaved ? attn::RopeLayout::Interleaved
                                    : attn::RopeLayout::HalfSplit);
    rope.setRotaryDim(plan->rotaryDim);
    Value result = rope.getResult();
    if (plan->splitHeads)
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
