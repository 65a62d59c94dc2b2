//===- RaiseMLA.cpp - Latent attention (DeepSeek MLA) to attn.mla ---------===//
//
// Exporters write multi-head latent attention in its expanded form (the
// Hugging Face DeepseekV3 attention, docs/AttentionRaising.md, MLA). After
// attn-raise-attention its core is an attn.attention over
//
//   key   = Concat(k_nope, Expand(k_pe, [B, H, T, Dr]), axis -1)
//   value = v
//   k_nope, v = Split(Transpose(Reshape(MatMul(c_kv, W), [B, T, H, C]),
//                               [0, 2, 1, 3]), axis -1)
//
// with c_kv : B x T x Dc the latent (the only cache besides k_pe),
// k_pe : B x 1 x T x Dr one RoPE key shared by all heads, and W : Dc x H*C
// the constant kv_b_proj. The pattern proves that shape of K and V and
// replaces the attention by attn.mla, whose w_uk : H x Dc x Dn and
// w_uv : H x Dc x Dv are the columns of W that feed k_nope and v, head by
// head (new constants). The query needs no proof: the scores are a sum
// over the key's channels, so cutting the query at the same channel Dn
// splits them exactly into the nope and rope parts (the query's own Concat
// is read when it cuts there, a Slice is inserted otherwise).
//
// The form is a cost choice: `absorbed` for a single query row (decode: the
// cache is never expanded), `expanded` otherwise (prefill: expanding T
// latents once is cheaper than absorbing into S x H queries and projecting
// S x H outputs when S is large).
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ConstantData.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::attn;

namespace {

/// The pieces of a proven latent attention.
struct LatentAttention {
  Value latent;                        // c_kv, B x T x Dc
  Value sharedRope;                    // k_pe before the Expand, B x 1 x T x Dr
  ElementsAttr upProjection;           // W, Dc x H*C
  int64_t heads = 0, channels = 0;     // H, C
  int64_t keyOffset = 0, keyWidth = 0; // k_nope: channels [off, off + Dn)
  int64_t valueOffset = 0, valueWidth = 0; // v: channels [off, off + Dv)
};

bool isLastAxis(int64_t axis, int64_t rank) {
  return axis == -1 || axis == rank - 1;
}

/// The Split result `value` is, with its channel offset along the split axis.
std::optional<std::pair<onnx::SplitOp, int64_t>> asSplitPiece(Value value) {
  auto split = value.getDefiningOp<onnx::SplitOp>();
  if (!split)
    return std::nullopt;
  int64_t offset = 0;
  for (Value piece : split.getOutputs()) {
    if (piece == value)
      return std::make_pair(split, offset);
    auto type = cast<RankedTensorType>(piece.getType());
    offset += type.getShape().back();
  }
  return std::nullopt;
}

/// Proves the key/value structure of the file comment for the query, key and
/// value of an attention (attn.attention or attn.sparse_attention).
FailureOr<LatentAttention> matchLatentKeysAndValues(Value queryValue,
                                                    Value keyValue,
                                                    Value valueValue,
                                                    std::string &reason) {
  auto fail = [&](const char *why) {
    reason = why;
    return failure();
  };
  auto query = cast<RankedTensorType>(queryValue.getType());
  auto key = cast<RankedTensorType>(keyValue.getType());
  if (!query.hasStaticShape() || !key.hasStaticShape())
    return fail("has dynamic shapes");
  int64_t batch = query.getDimSize(0), heads = query.getDimSize(1);
  int64_t keys = key.getDimSize(2);
  if (key.getDimSize(1) != heads)
    return fail("has fewer KV heads than query heads");

  // key = Concat(k_nope, Expand(k_pe)) on the channel axis.
  auto concat = keyValue.getDefiningOp<onnx::ConcatOp>();
  if (!concat || concat.getInputs().size() != 2 ||
      !isLastAxis(concat.getAxis(), 4))
    return fail("the key is not Concat(k_nope, k_pe) on the channel axis");
  Value keyNope = concat.getInputs()[0];
  auto expand = concat.getInputs()[1].getDefiningOp<onnx::ExpandOp>();
  auto shared = expand ? dyn_cast<RankedTensorType>(expand.getInput().getType())
                       : RankedTensorType();
  if (!shared || !shared.hasStaticShape() || shared.getRank() != 4 ||
      shared.getDimSize(0) != batch || shared.getDimSize(1) != 1 ||
      shared.getDimSize(2) != keys)
    return fail("the key's RoPE part is not one B x 1 x T x Dr head expanded "
                "to all heads (k_pe not shared across heads)");

  // k_nope and v: two pieces of one channel Split of the expanded latent.
  auto keyPiece = asSplitPiece(keyNope);
  auto valuePiece = asSplitPiece(valueValue);
  if (!keyPiece || !valuePiece || keyPiece->first != valuePiece->first)
    return fail("k_nope and v are not pieces of one Split (K and V from "
                "different latents)");
  onnx::SplitOp split = keyPiece->first;
  if (!isLastAxis(split.getAxis(), 4))
    return fail("the Split of k_nope and v is not on the channel axis");
  auto transpose = split.getInput().getDefiningOp<onnx::TransposeOp>();
  if (!transpose || !transpose.getPerm() ||
      *transpose.getPerm() != ArrayRef<int64_t>{0, 2, 1, 3})
    return fail("the split keys and values are not a [0, 2, 1, 3] Transpose "
                "of the per-head view B x T x H x C");
  auto reshape = transpose.getData().getDefiningOp<onnx::ReshapeOp>();
  auto matmul =
      reshape ? reshape.getData().getDefiningOp<onnx::MatMulOp>() : nullptr;
  if (!matmul)
    return fail("the per-head view is not Reshape(MatMul(latent, kv_b_proj))");
  auto view = cast<RankedTensorType>(reshape.getType());
  auto flat = cast<RankedTensorType>(matmul.getType());
  auto latent = dyn_cast<RankedTensorType>(matmul.getA().getType());
  int64_t channels = view.getDimSize(3);
  if (!latent || latent.getRank() != 3 || !latent.hasStaticShape() ||
      latent.getDimSize(0) != batch || latent.getDimSize(1) != keys ||
      flat.getShape() != ArrayRef<int64_t>{batch, keys, heads * channels} ||
      view.getShape() != ArrayRef<int64_t>{batch, keys, heads, channels})
    return fail("the expansion is not a B x T x Dc latent times Dc x H*C, "
                "viewed as B x T x H x C");
  auto constant = matmul.getB().getDefiningOp<onnx::ConstantOp>();
  if (!constant)
    return fail("kv_b_proj is not a constant");
  if (cast<ShapedType>(constant.getValue().getType()).getShape() !=
      ArrayRef<int64_t>{latent.getDimSize(2), heads * channels})
    return fail("kv_b_proj is not one Dc x H*C matrix");
  if (constant.getValue().getElementType() != query.getElementType() ||
      latent.getElementType() != query.getElementType())
    return fail("the latent, kv_b_proj and the query differ in element type");
  auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
  if (!(dense && dense.isSplat()) && !onnx::getRawConstantData(constant.getValue()))
    return fail("kv_b_proj's data is not available");

  LatentAttention form;
  form.latent = matmul.getA();
  form.sharedRope = expand.getInput();
  form.upProjection = constant.getValue();
  form.heads = heads;
  form.channels = channels;
  form.keyOffset = keyPiece->second;
  form.keyWidth = cast<RankedTensorType>(keyNope.getType()).getDimSize(3);
  form.valueOffset = valuePiece->second;
  form.valueWidth = cast<RankedTensorType>(valueValue.getType()).getDimSize(3);
  return form;
}

/// matchLatentKeysAndValues for an attn.attention attn.mla can express.
FailureOr<LatentAttention> matchLatentAttention(AttentionOp attention,
                                                std::string &reason) {
  auto fail = [&](const char *why) {
    reason = why;
    return failure();
  };
  if (attention.getMask() || attention.getSinks() || attention.getKvLengths() ||
      attention.getSoftcap() || attention.getWindowLeft() ||
      attention.getWindowRight())
    return fail("has a mask, sinks, kv_lengths, a softcap or a window, which "
                "attn.mla does not express");
  if (!attention.getEffectiveSoftmaxType().isF32())
    return fail("has a softmax precision other than f32");
  RankedTensorType query = attention.getQuery().getType();
  RankedTensorType key = attention.getKey().getType();
  if (attention.getCausal() && query.hasStaticShape() &&
      key.hasStaticShape()) {
    int64_t rows = query.getDimSize(2), keys = key.getDimSize(2);
    if (attention.getAlignment() != Alignment::BottomRight && rows != keys)
      return fail("is causal with top-left alignment");
    if (rows > keys && attention.getMaskedRows() != MaskedRowPolicy::Zero)
      return fail("has fully masked rows that are not zero");
  }
  return matchLatentKeysAndValues(attention.getQuery(), attention.getKey(),
                                  attention.getValue(), reason);
}

/// The H x Dc x width constant w[h, c, n] = W[c, h * C + offset + n]
/// (matchLatentAttention checked that W's data is readable).
Value sliceUpProjection(PatternRewriter &rewriter, Location loc,
                        const LatentAttention &form, int64_t offset,
                        int64_t width, StringRef name) {
  ElementsAttr attr = form.upProjection;
  auto source = cast<ShapedType>(attr.getType());
  int64_t latent = source.getDimSize(0);
  auto type = RankedTensorType::get({form.heads, latent, width},
                                    source.getElementType());
  if (auto dense = dyn_cast<DenseElementsAttr>(attr); dense && dense.isSplat())
    return onnx::ConstantOp::create(rewriter, loc, type,
                                    dense.resizeSplat(type));
  ArrayRef<char> raw = *onnx::getRawConstantData(attr);
  size_t bytes = source.getElementTypeBitWidth() / 8;
  size_t row = size_t(form.heads * form.channels) * bytes;
  std::vector<char> sliced;
  sliced.reserve(size_t(type.getNumElements()) * bytes);
  for (int64_t h = 0; h < form.heads; ++h)
    for (int64_t c = 0; c < latent; ++c) {
      const char *from =
          raw.data() + c * row + (h * form.channels + offset) * bytes;
      sliced.insert(sliced.end(), from, from + width * bytes);
    }
  // Like the importer: large weights as a blob, stored once, never hashed.
  ElementsAttr value;
  if (sliced.size() > 4096)
    value = DenseResourceElementsAttr::get(
        type, name,
        HeapAsmResourceBlob::allocateAndCopyWithAlign(sliced,
                                                      alignof(uint64_t)));
  else
    value =
        cast<ElementsAttr>(DenseElementsAttr::getFromRawBuffer(type, sliced));
  return onnx::ConstantOp::create(rewriter, loc, type, value);
}

Value createI64Constant(PatternRewriter &rewriter, Location loc,
                        ArrayRef<int64_t> values) {
  auto type =
      RankedTensorType::get({int64_t(values.size())}, rewriter.getI64Type());
  return onnx::ConstantOp::create(rewriter, loc, type,
                                  DenseElementsAttr::get(type, values));
}

/// Channels [begin, end) of the B x H x S x D `query`.
Value sliceChannels(PatternRewriter &rewriter, Location loc, Value query,
                    int64_t begin, int64_t end) {
  auto type = cast<RankedTensorType>(query.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape.back() = end - begin;
  return onnx::SliceOp::create(rewriter, loc, type.clone(shape), query,
                               createI64Constant(rewriter, loc, begin),
                               createI64Constant(rewriter, loc, end),
                               createI64Constant(rewriter, loc, -1),
                               createI64Constant(rewriter, loc, 1));
}

/// The query cut at channel `nope`: its Concat's operands when it is one
/// that cuts there, Slices otherwise.
std::pair<Value, Value> splitQuery(PatternRewriter &rewriter, Location loc,
                                   Value query, int64_t nope) {
  auto type = cast<RankedTensorType>(query.getType());
  if (auto concat = query.getDefiningOp<onnx::ConcatOp>())
    if (concat.getInputs().size() == 2 && isLastAxis(concat.getAxis(), 4) &&
        cast<RankedTensorType>(concat.getInputs()[0].getType()).getDimSize(3) ==
            nope)
      return {concat.getInputs()[0], concat.getInputs()[1]};
  return {sliceChannels(rewriter, loc, query, 0, nope),
          sliceChannels(rewriter, loc, query, nope, type.getDimSize(3))};
}

/// k_pe as B x T x Dr: the value the graph viewed as one head when there is
/// one (DeepSeek's cache layout), else a Reshape.
Value getSharedRope(PatternRewriter &rewriter, Location loc,
                    const LatentAttention &form) {
  auto shared = cast<RankedTensorType>(form.sharedRope.getType());
  SmallVector<int64_t> ropeShape = {
      shared.getDimSize(0), shared.getDimSize(2), shared.getDimSize(3)};
  Value kRope = form.sharedRope;
  auto view = kRope.getDefiningOp<onnx::ReshapeOp>();
  auto viewed =
      view ? dyn_cast<RankedTensorType>(view.getData().getType()) : nullptr;
  if (viewed && viewed.getShape() == ArrayRef<int64_t>(ropeShape))
    return view.getData();
  return onnx::ReshapeOp::create(rewriter, loc, shared.clone(ropeShape), kRope,
                                 createI64Constant(rewriter, loc, ropeShape));
}

struct RaiseMLA : OpRewritePattern<AttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AttentionOp attention,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    FailureOr<LatentAttention> form = matchLatentAttention(attention, reason);
    if (failed(form))
      return rewriter.notifyMatchFailure(attention, reason);
    Location loc = attention.getLoc();
    Value wUK = sliceUpProjection(rewriter, loc, *form, form->keyOffset,
                                  form->keyWidth, "mla_w_uk");
    Value wUV = sliceUpProjection(rewriter, loc, *form, form->valueOffset,
                                  form->valueWidth, "mla_w_uv");

    auto [qNope, qRope] =
        splitQuery(rewriter, loc, attention.getQuery(), form->keyWidth);
    Value kRope = getSharedRope(rewriter, loc, *form);

    int64_t rows = attention.getQuery().getType().getDimSize(2);
    MLAForm evaluation = rows == 1 ? MLAForm::Absorbed : MLAForm::Expanded;
    auto mla = MLAOp::create(
        rewriter, loc, attention.getType(), qNope, qRope, form->latent, kRope,
        wUK, wUV, rewriter.getF64FloatAttr(attention.getEffectiveScale()),
        attention.getCausal() ? rewriter.getUnitAttr() : UnitAttr(),
        MLAFormAttr::get(rewriter.getContext(), evaluation));
    rewriter.replaceOp(attention, mla.getResult());
    return success();
  }
};

/// DeepSeek sparse attention on MLA (V3.2): an attn.sparse_attention over the
/// expanded keys and values becomes, exactly (up to rounding), the absorbed
/// form as multi-query sparse attention over the latent cache:
///
///   q~  = [q_nope W_uk^T ; q_rope]      B x H x S x (Dc + Dr)  (per head h)
///   o~  = sparse_attention(q~, [c_kv ; k_pe], c_kv, indices)   one KV head
///   out = o~ W_uv                        B x H x S x Dv
///
/// so the selected keys are read from the latent, never expanded per head.
struct AbsorbSparseMLA : OpRewritePattern<SparseAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SparseAttentionOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getSinks() || op.getSoftcap())
      return rewriter.notifyMatchFailure(op, "has sinks or a softcap");
    std::string reason;
    FailureOr<LatentAttention> form = matchLatentKeysAndValues(
        op.getQuery(), op.getKey(), op.getValue(), reason);
    if (failed(form))
      return rewriter.notifyMatchFailure(op, reason);
    Location loc = op.getLoc();
    auto queryType = cast<RankedTensorType>(op.getQuery().getType());
    Type element = queryType.getElementType();
    int64_t batch = queryType.getDimSize(0), heads = queryType.getDimSize(1);
    int64_t rows = queryType.getDimSize(2);
    auto latentType = cast<RankedTensorType>(form->latent.getType());
    int64_t keys = latentType.getDimSize(1), latent = latentType.getDimSize(2);
    Value kRope = getSharedRope(rewriter, loc, *form);
    int64_t rope = cast<RankedTensorType>(kRope.getType()).getDimSize(2);

    Value wUK = sliceUpProjection(rewriter, loc, *form, form->keyOffset,
                                  form->keyWidth, "mla_w_uk");
    Value wUV = sliceUpProjection(rewriter, loc, *form, form->valueOffset,
                                  form->valueWidth, "mla_w_uv");
    auto [qNope, qRope] =
        splitQuery(rewriter, loc, op.getQuery(), form->keyWidth);
    // q~ = q_nope W_uk^T per head: [B,H,S,Dn] x [H,Dn,Dc].
    Value wUKT = onnx::TransposeOp::create(
        rewriter, loc,
        RankedTensorType::get({heads, form->keyWidth, latent}, element), wUK,
        rewriter.getDenseI64ArrayAttr({0, 2, 1}));
    Value qLatent = onnx::MatMulOp::create(
        rewriter, loc, RankedTensorType::get({batch, heads, rows, latent}, element),
        qNope, wUKT);
    Value query = onnx::ConcatOp::create(
        rewriter, loc,
        RankedTensorType::get({batch, heads, rows, latent + rope}, element),
        ValueRange{qLatent, qRope}, rewriter.getIntegerAttr(rewriter.getIntegerType(64, /*isSigned=*/true), 3));
    Value axis1 = createI64Constant(rewriter, loc, {1});
    Value cache = onnx::ConcatOp::create(
        rewriter, loc, RankedTensorType::get({batch, keys, latent + rope}, element),
        ValueRange{form->latent, kRope}, rewriter.getIntegerAttr(rewriter.getIntegerType(64, /*isSigned=*/true), 2));
    Value key = onnx::UnsqueezeOp::create(
        rewriter, loc,
        RankedTensorType::get({batch, 1, keys, latent + rope}, element), cache,
        axis1);
    Value value = onnx::UnsqueezeOp::create(
        rewriter, loc, RankedTensorType::get({batch, 1, keys, latent}, element),
        form->latent, axis1);
    auto sparse = SparseAttentionOp::create(
        rewriter, loc,
        RankedTensorType::get({batch, heads, rows, latent}, element), query,
        key, value, op.getIndices(), /*sinks=*/Value(),
        rewriter.getF64FloatAttr(op.getEffectiveScale()), /*softcap=*/nullptr);
    rewriter.replaceOpWithNewOp<onnx::MatMulOp>(op, op.getType(),
                                                sparse.getResult(), wUV);
    return success();
  }
};

} // namespace

void mlir::attn::populateRaiseMLAPatterns(RewritePatternSet &patterns) {
  patterns.add<RaiseMLA, AbsorbSparseMLA>(patterns.getContext());
}

std::optional<std::string> mlir::attn::explainUnraisedMLA(Operation *op) {
  auto attention = dyn_cast<AttentionOp>(op);
  if (!attention)
    return std::string("not an attn.attention");
  std::string reason;
  if (failed(matchLatentAttention(attention, reason)))
    return reason;
  return std::nullopt;
}
