//===- AttentionOps.cpp - Fused attention ONNX ops ------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::onnx;

namespace {

constexpr int64_t kDynamic = ShapedType::kDynamic;

int64_t addDims(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) ? kDynamic
                                                               : a + b;
}

int64_t mulDims(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) ? kDynamic
                                                               : a * b;
}

/// Splits a packed width `heads * dim` into `dim`; fails if not divisible.
FailureOr<int64_t> headDim(std::optional<Location> loc, int64_t width,
                           int64_t heads, StringRef what) {
  if (heads <= 0)
    return emitOptionalError(loc, "expects a positive number of ", what,
                             " heads, but got ", heads);
  if (ShapedType::isDynamic(width))
    return kDynamic;
  if (width % heads != 0)
    return emitOptionalError(loc, "expects the ", what, " hidden size ", width,
                             " to be a multiple of its ", heads, " heads");
  return width / heads;
}

/// The BHSD view of an attention operand: 4-D as is, 3-D (B, S, H*D) split
/// with `heads`.
struct HeadsView {
  int64_t batch, heads, seq, dim;
};

FailureOr<HeadsView> viewHeads(std::optional<Location> loc, Type type,
                               std::optional<int64_t> heads, StringRef what) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || (tensor.getRank() != 3 && tensor.getRank() != 4))
    return emitOptionalError(loc, "expects ", what,
                             " of rank 3 (B, S, H*D) or 4 (B, H, S, D), "
                             "but got ",
                             type);
  ArrayRef<int64_t> s = tensor.getShape();
  if (tensor.getRank() == 4)
    return HeadsView{s[0], s[1], s[2], s[3]};
  if (!heads)
    return emitOptionalError(loc, "expects a number of heads for the 3-D ",
                             what);
  FailureOr<int64_t> dim = headDim(loc, s[2], *heads, what);
  if (failed(dim))
    return failure();
  return HeadsView{s[0], *heads, s[1], *dim};
}

Type elementTypeOf(Value value) {
  return cast<ShapedType>(value.getType()).getElementType();
}

/// The query, key and value of the fused ops that take them flattened as
/// (B, S, H*D): 3-D ranked tensors, or an error naming `layout`.
FailureOr<std::array<RankedTensorType, 3>>
getFlatQKV(std::optional<Location> loc, Value query, Value key, Value value,
           StringRef layout) {
  std::array<RankedTensorType, 3> types;
  std::array<Value, 3> operands = {query, key, value};
  for (auto [type, operand] : llvm::zip_equal(types, operands)) {
    type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type || type.getRank() != 3)
      return emitOptionalError(loc, "expects 3-D query, key and value ",
                               layout);
  }
  return types;
}

} // namespace

//===----------------------------------------------------------------------===//
// AttentionOp
//===----------------------------------------------------------------------===//

LogicalResult AttentionOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  auto qHeads = adaptor.getQNumHeads();
  auto kvHeads = adaptor.getKvNumHeads();
  std::optional<int64_t> q = qHeads ? std::optional<int64_t>(*qHeads)
                                    : std::nullopt;
  std::optional<int64_t> kv = kvHeads ? std::optional<int64_t>(*kvHeads)
                                      : std::nullopt;
  FailureOr<HeadsView> query = viewHeads(loc, adaptor.getQ().getType(), q, "Q");
  FailureOr<HeadsView> key = viewHeads(loc, adaptor.getK().getType(), kv, "K");
  FailureOr<HeadsView> value =
      viewHeads(loc, adaptor.getV().getType(), kv, "V");
  if (failed(query) || failed(key) || failed(value))
    return failure();
  Type element = elementTypeOf(adaptor.getQ());
  if (elementTypeOf(adaptor.getK()) != element ||
      elementTypeOf(adaptor.getV()) != element)
    return emitOptionalError(loc, "expects Q, K and V of one element type");
  if (!ShapedType::isDynamic(query->heads) &&
      !ShapedType::isDynamic(key->heads) &&
      (key->heads == 0 || query->heads % key->heads != 0))
    return emitOptionalError(loc, "expects the query heads (", query->heads,
                             ") to be a multiple of the key/value heads (",
                             key->heads, ")");
  int64_t past = 0;
  if (auto pastKey = dyn_cast<RankedTensorType>(adaptor.getPastKey().getType())) {
    if (pastKey.getRank() != 4)
      return emitOptionalError(loc, "expects past_key of rank 4, but got ",
                               pastKey);
    past = pastKey.getDimSize(2);
  }
  int64_t total = addDims(past, key->seq);
  bool packed = cast<RankedTensorType>(adaptor.getQ().getType()).getRank() == 3;
  if (packed)
    inferred.push_back(RankedTensorType::get(
        {query->batch, query->seq, mulDims(query->heads, value->dim)},
        element));
  else
    inferred.push_back(RankedTensorType::get(
        {query->batch, query->heads, query->seq, value->dim}, element));
  inferred.push_back(RankedTensorType::get(
      {key->batch, key->heads, total, key->dim}, element));
  inferred.push_back(RankedTensorType::get(
      {value->batch, value->heads, total, value->dim}, element));
  inferred.push_back(RankedTensorType::get(
      {query->batch, query->heads, query->seq, total}, element));
  return success();
}


//===----------------------------------------------------------------------===//
// RotaryEmbeddingOp / MSRotaryEmbeddingOp
//===----------------------------------------------------------------------===//

LogicalResult RotaryEmbeddingOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getX().getType());
  if (input.getRank() != 3 && input.getRank() != 4)
    return emitOptionalError(loc, "expects X of rank 3 or 4, but got ", input);
  if (input.getRank() == 3 && !adaptor.getNumHeads())
    return emitOptionalError(loc, "expects num_heads for a 3-D input");
  inferred.push_back(input);
  return success();
}


LogicalResult MSRotaryEmbeddingOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  if (input.getRank() != 3 && input.getRank() != 4)
    return emitOptionalError(loc, "expects input of rank 3 or 4, but got ",
                             input);
  inferred.push_back(input);
  return success();
}


//===----------------------------------------------------------------------===//
// MSGroupQueryAttentionOp
//===----------------------------------------------------------------------===//

LogicalResult MSGroupQueryAttentionOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto query = dyn_cast<RankedTensorType>(adaptor.getQuery().getType());
  if (!query || query.getRank() != 3)
    return emitOptionalError(loc, "expects a 3-D query (B, S, H*D)");
  int64_t heads = adaptor.getNumHeads(), kvHeads = adaptor.getKvNumHeads();
  if (kvHeads <= 0 || heads % kvHeads != 0)
    return emitOptionalError(loc, "expects num_heads (", heads,
                             ") to be a multiple of kv_num_heads (", kvHeads,
                             ")");
  // Without key/value the query packs Q, K and V: (B, S, (Hq + 2 Hkv) * D).
  bool packed = isa<NoneType>(adaptor.getKey().getType());
  FailureOr<int64_t> dim = headDim(loc, query.getDimSize(2),
                                   packed ? heads + 2 * kvHeads : heads,
                                   "query");
  if (failed(dim))
    return failure();
  int64_t batch = query.getDimSize(0), seq = query.getDimSize(1);
  int64_t total = seq;
  if (auto past = dyn_cast<RankedTensorType>(adaptor.getPastKey().getType()))
    total = addDims(past.getDimSize(2), seq);
  Type element = query.getElementType();
  inferred.push_back(
      RankedTensorType::get({batch, seq, mulDims(heads, *dim)}, element));
  auto present = RankedTensorType::get({batch, kvHeads, total, *dim}, element);
  inferred.push_back(present);
  inferred.push_back(present);
  return success();
}


//===----------------------------------------------------------------------===//
// MSMultiHeadAttentionOp
//===----------------------------------------------------------------------===//

LogicalResult MSMultiHeadAttentionOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  FailureOr<std::array<RankedTensorType, 3>> qkv =
      getFlatQKV(loc, adaptor.getQuery(), adaptor.getKey(), adaptor.getValue(),
                 "(B, S, H*D); packed forms are not supported");
  if (failed(qkv))
    return failure();
  auto [query, key, value] = *qkv;
  int64_t heads = adaptor.getNumHeads();
  FailureOr<int64_t> dim = headDim(loc, key.getDimSize(2), heads, "key");
  FailureOr<int64_t> vdim = headDim(loc, value.getDimSize(2), heads, "value");
  if (failed(dim) || failed(vdim))
    return failure();
  int64_t batch = query.getDimSize(0);
  int64_t total = key.getDimSize(1);
  if (auto past = dyn_cast<RankedTensorType>(adaptor.getPastKey().getType()))
    total = addDims(past.getDimSize(2), total);
  Type element = query.getElementType();
  inferred.push_back(RankedTensorType::get(
      {batch, query.getDimSize(1), mulDims(heads, *vdim)}, element));
  inferred.push_back(
      RankedTensorType::get({batch, heads, total, *dim}, element));
  inferred.push_back(
      RankedTensorType::get({batch, heads, total, *vdim}, element));
  return success();
}


//===----------------------------------------------------------------------===//
// LinearAttentionOp
//===----------------------------------------------------------------------===//

namespace {

/// Checks that the optional per-token input `what` is a 3-D `(B, T, N)`
/// tensor whose last dim is one of `widths` (dynamic widths always match).
LogicalResult checkPerTokenInput(std::optional<Location> loc, Type type,
                                 ArrayRef<int64_t> widths, StringRef what,
                                 StringRef expected) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return success();
  if (tensor.getRank() != 3)
    return emitOptionalError(loc, "expects ", what, " of rank 3 (B, T, ",
                             expected, "), but got ", type);
  int64_t width = tensor.getDimSize(2);
  if (ShapedType::isDynamic(width) ||
      llvm::any_of(widths, [&](int64_t w) {
        return ShapedType::isDynamic(w) || w == width;
      }))
    return success();
  return emitOptionalError(loc, "expects the last dim of ", what, " to be ",
                           expected, ", but got ", width);
}

} // namespace

LogicalResult LinearAttentionOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  FailureOr<std::array<RankedTensorType, 3>> qkv =
      getFlatQKV(loc, adaptor.getQuery(), adaptor.getKey(), adaptor.getValue(),
                 "(B, T, H * D)");
  if (failed(qkv))
    return failure();
  auto [query, key, value] = *qkv;
  Type element = query.getElementType();
  if (key.getElementType() != element || value.getElementType() != element)
    return emitOptionalError(loc,
                             "expects query, key and value of one element type");
  int64_t qHeads = adaptor.getQNumHeads(), kvHeads = adaptor.getKvNumHeads();
  FailureOr<int64_t> qDim = headDim(loc, query.getDimSize(2), qHeads, "query");
  FailureOr<int64_t> kDim = headDim(loc, key.getDimSize(2), kvHeads, "key");
  FailureOr<int64_t> vDim =
      headDim(loc, value.getDimSize(2), kvHeads, "value");
  if (failed(qDim) || failed(kDim) || failed(vDim))
    return failure();
  if (qHeads % kvHeads != 0)
    return emitOptionalError(loc, "expects q_num_heads (", qHeads,
                             ") to be a multiple of kv_num_heads (", kvHeads,
                             ")");
  if (!ShapedType::isDynamic(*qDim) && !ShapedType::isDynamic(*kDim) &&
      *qDim != *kDim)
    return emitOptionalError(loc, "expects query and key heads of one size, "
                                  "but got ",
                             *qDim, " and ", *kDim);
  int64_t dk = ShapedType::isDynamic(*qDim) ? *kDim : *qDim;

  StringRef rule = adaptor.getUpdateRule();
  bool gated = rule == "gated" || rule == "gated_delta";
  bool delta = rule == "delta" || rule == "gated_delta";
  if (!gated && !delta && rule != "linear")
    return emitOptionalError(loc, "expects update_rule 'linear', 'gated', "
                                  "'delta' or 'gated_delta', but got '",
                             rule, "'");
  if (gated && isa<NoneType>(adaptor.getDecay().getType()))
    return emitOptionalError(loc, "expects a decay input for the '", rule,
                             "' rule");
  if (delta && isa<NoneType>(adaptor.getBeta().getType()))
    return emitOptionalError(loc, "expects a beta input for the '", rule,
                             "' rule");
  if (failed(checkPerTokenInput(loc, adaptor.getDecay().getType(),
                                {kvHeads, mulDims(kvHeads, dk)}, "decay",
                                "Hkv or Hkv * Dk")) ||
      failed(checkPerTokenInput(loc, adaptor.getBeta().getType(),
                                {kvHeads, 1}, "beta", "Hkv or 1")))
    return failure();

  int64_t batch = query.getDimSize(0), seq = query.getDimSize(1);
  inferred.push_back(
      RankedTensorType::get({batch, seq, mulDims(qHeads, *vDim)}, element));
  inferred.push_back(
      RankedTensorType::get({batch, kvHeads, dk, *vDim}, element));
  return success();
}

