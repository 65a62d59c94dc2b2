//===- AttnOps.cpp - Verifiers and helpers of the attn ops ----------------===//
//
// Every diagnostic here has a failing example in test/Dialect/Attn/invalid.mlir.
// Dynamic dims are accepted wherever a static one would be.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "ShapeChecks.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::detail;

namespace {

/// Shape of a ranked tensor value.
ArrayRef<int64_t> shapeOf(Value value) {
  return llvm::cast<RankedTensorType>(value.getType()).getShape();
}

Type elementTypeOf(Value value) {
  return llvm::cast<ShapedType>(value.getType()).getElementType();
}

/// All `values` share one element type.
LogicalResult checkSameElementType(Operation *op, StringRef names,
                                   ArrayRef<Value> values) {
  Type first = elementTypeOf(values.front());
  for (Value value : values.drop_front()) {
    if (elementTypeOf(value) != first)
      return op->emitOpError()
             << "expects " << names << " to have the same element type, but got "
             << first << " and " << elementTypeOf(value);
  }
  return success();
}

/// 1/sqrt(dim), or the attribute's value.
double scaleOrDefault(std::optional<APFloat> scale, int64_t dim) {
  if (scale)
    return scale->convertToDouble();
  return 1.0 / std::sqrt(static_cast<double>(dim));
}

/// The Q/K/V/result rules shared by dense and sparse attention: one element
/// type, one batch, whole GQA groups, matching K/V and Q/K head dims, and the
/// result shape B x Hq x Sq x Dv.
LogicalResult verifyQKV(Operation *op, Value query, Value key, Value value,
                        Value result) {
  if (failed(checkSameElementType(op, "query, key, value and result",
                                  {query, key, value, result})))
    return failure();
  ArrayRef<int64_t> q = shapeOf(query), k = shapeOf(key), v = shapeOf(value);
  if (failed(checkSameDim(op, "query and key batch sizes", q[0], k[0])) ||
      failed(checkSameDim(op, "key and value batch sizes", k[0], v[0])) ||
      failed(checkSameDim(op, "key and value head counts", k[1], v[1])) ||
      failed(checkSameDim(op, "key and value sequence lengths", k[2], v[2])) ||
      failed(checkSameDim(op, "query and key head dims", q[3], k[3])) ||
      failed(checkHeadGroups(op, q[1], k[1])))
    return failure();
  return checkShape(op, "result", result.getType(), {q[0], q[1], q[2], v[3]},
                    "B, Hq, Sq, Dv");
}

/// Optional per-query-head sink logits: a vector of Hq.
LogicalResult verifySinks(Operation *op, Value sinks, int64_t queryHeads) {
  if (!sinks)
    return success();
  return checkShape(op, "sinks", sinks.getType(), {queryHeads}, "Hq");
}

} // namespace

//===----------------------------------------------------------------------===//
// AttentionOp
//===----------------------------------------------------------------------===//

double AttentionOp::getEffectiveScale() {
  return scaleOrDefault(getScale(), getQuery().getType().getDimSize(3));
}

FloatType AttentionOp::getEffectiveSoftmaxType() {
  if (auto type = getSoftmaxPrecision())
    return llvm::cast<FloatType>(*type);
  auto element = llvm::cast<FloatType>(getQuery().getType().getElementType());
  if (element.getWidth() >= 32)
    return element;
  return Float32Type::get(getContext());
}

LogicalResult AttentionOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyQKV(op, getQuery(), getKey(), getValue(), getResult())))
    return failure();
  ArrayRef<int64_t> q = getQuery().getType().getShape();
  ArrayRef<int64_t> k = getKey().getType().getShape();

  // The mask broadcasts, numpy style, to B x Hq x Sq x Skv.
  if (Value mask = getMask()) {
    ArrayRef<int64_t> m = shapeOf(mask);
    SmallVector<int64_t> target = {q[0], q[1], q[2], k[2]};
    if (m.size() > target.size())
      return emitOpError() << "expects a mask of rank at most 4, but got rank "
                           << m.size();
    for (size_t i = 0; i < m.size(); ++i) {
      int64_t dim = m[m.size() - 1 - i];
      int64_t want = target[target.size() - 1 - i];
      if (dim != 1 && !dimsCompatible(dim, want))
        return emitOpError() << "expects the mask " << formatShape(m)
                             << " to broadcast to [B, Hq, Sq, Skv] = "
                             << formatShape(target);
    }
  }
  if (failed(verifySinks(op, getSinks(), q[1])))
    return failure();
  if (Value lengths = getKvLengths())
    if (failed(checkShape(op, "kv_lengths", lengths.getType(), {q[0]}, "B")))
      return failure();

  if (failed(checkPositive(op, "scale", getScale())) ||
      failed(checkPositive(op, "softcap", getSoftcap())))
    return failure();
  if (getWindowLeft() && *getWindowLeft() < 0)
    return emitOpError() << "expects window_left to be non-negative (leave it "
                            "out for an unbounded window), but got "
                         << *getWindowLeft();
  if (getWindowRight() && *getWindowRight() < 0)
    return emitOpError() << "expects window_right to be non-negative (leave it "
                            "out for an unbounded window), but got "
                         << *getWindowRight();
  if (getCausal() && getWindowRight() && *getWindowRight() > 0)
    return emitOpError() << "expects no positive window_right on causal "
                            "attention, but got "
                         << *getWindowRight();
  if (getSinks() && getMaskedRows() == MaskedRowPolicy::Uniform)
    return emitOpError() << "expects masked_rows = zero with sinks: a row "
                            "whose keys are all masked attends to its sink";

  auto element = llvm::cast<FloatType>(getQuery().getType().getElementType());
  if (auto precision = getSoftmaxPrecision()) {
    auto type = llvm::cast<FloatType>(*precision);
    if (type.getWidth() < element.getWidth() ||
        type.getFPMantissaWidth() < element.getFPMantissaWidth())
      return emitOpError() << "expects softmax_precision to be at least as "
                              "precise as the element type, but got "
                           << type << " for " << element;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// RopeOp
//===----------------------------------------------------------------------===//

int64_t RopeOp::getEffectiveRotaryDim() {
  if (auto dim = getRotaryDim())
    return *dim;
  int64_t headDim = getInput().getType().getDimSize(3);
  if (ShapedType::isDynamic(headDim))
    return ShapedType::kDynamic;
  return headDim - getOffset();
}

LogicalResult RopeOp::verify() {
  ArrayRef<int64_t> x = getInput().getType().getShape();
  if (getOffset() < 0)
    return emitOpError() << "expects a non-negative offset, but got "
                         << getOffset();
  if (!getRotaryDim() && ShapedType::isDynamic(x[3]))
    return emitOpError() << "expects rotary_dim when the head dim is dynamic";
  int64_t rotary = getEffectiveRotaryDim();
  if (rotary <= 0 || rotary % 2 != 0)
    return emitOpError() << "expects rotary_dim to be a positive even number, "
                            "but got "
                         << rotary;
  if (!ShapedType::isDynamic(x[3]) && getOffset() + rotary > x[3])
    return emitOpError() << "expects offset + rotary_dim to fit the head dim ("
                         << x[3] << "), but got " << getOffset() << " + "
                         << rotary;
  if (getCos().getType() != getSin().getType())
    return emitOpError() << "expects cos and sin to have the same type, but got "
                         << getCos().getType() << " and " << getSin().getType();
  if (elementTypeOf(getCos()) != getInput().getType().getElementType())
    return emitOpError() << "expects cos and sin to have the input's element "
                            "type, but got "
                         << elementTypeOf(getCos());

  int64_t half = rotary / 2;
  if (Value positions = getPositionIds()) {
    if (failed(checkShape(*this, "position_ids", positions.getType(),
                          {x[0], x[2]}, "B, S")))
      return failure();
    return checkShape(*this, "cos and sin tables", getCos().getType(),
                      {ShapedType::kDynamic, half}, "P, rotary_dim/2");
  }
  return checkShape(*this, "per-token cos and sin", getCos().getType(),
                    {x[0], x[2], half}, "B, S, rotary_dim/2");
}

//===----------------------------------------------------------------------===//
// KVCacheUpdateOp
//===----------------------------------------------------------------------===//

LogicalResult KVCacheUpdateOp::verify() {
  if (failed(checkSameElementType(*this, "cache and update",
                                  {getCache(), getUpdate()})))
    return failure();
  ArrayRef<int64_t> c = getCache().getType().getShape();
  if (failed(checkShape(*this, "update", getUpdate().getType(),
                        {c[0], c[1], ShapedType::kDynamic, c[3]},
                        "B, H, S, D")))
    return failure();
  if (failed(checkShape(*this, "positions", getPositions().getType(), {c[0]},
                        "B")))
    return failure();
  int64_t newTokens = getUpdate().getType().getDimSize(2);
  if (!ShapedType::isDynamic(newTokens) && !ShapedType::isDynamic(c[2]) &&
      newTokens > c[2])
    return emitOpError() << "expects the update (" << newTokens
                         << " tokens) to fit the cache (" << c[2] << " slots)";
  return success();
}

//===----------------------------------------------------------------------===//
// KVCacheAppendOp
//===----------------------------------------------------------------------===//

LogicalResult KVCacheAppendOp::verify() {
  if (failed(checkSameElementType(*this, "past, update and result",
                                  {getPast(), getUpdate(), getResult()})))
    return failure();
  ArrayRef<int64_t> p = shapeOf(getPast()), u = shapeOf(getUpdate());
  if (failed(checkShape(*this, "update", getUpdate().getType(),
                        {p[0], p[1], ShapedType::kDynamic, p[3]},
                        "B, H, S, D")))
    return failure();
  // Each of B, H and D from whichever operand knows it.
  auto known = [](int64_t a, int64_t b) {
    return ShapedType::isDynamic(a) ? b : a;
  };
  int64_t total = ShapedType::isDynamic(p[2]) || ShapedType::isDynamic(u[2])
                      ? ShapedType::kDynamic
                      : p[2] + u[2];
  return checkShape(*this, "result", getResult().getType(),
                    {known(p[0], u[0]), known(p[1], u[1]), total,
                     known(p[3], u[3])},
                    "B, H, P + S, D");
}

//===----------------------------------------------------------------------===//
// LightningIndexerOp
//===----------------------------------------------------------------------===//

LogicalResult LightningIndexerOp::verify() {
  if (failed(checkSameElementType(*this, "query, key and weights",
                                  {getQuery(), getKey(), getWeights()})))
    return failure();
  ArrayRef<int64_t> q = shapeOf(getQuery()), k = shapeOf(getKey());
  if (failed(checkSameDim(*this, "query and key batch sizes", q[0], k[0])) ||
      failed(checkSameDim(*this, "query and key index dims", q[3], k[2])) ||
      failed(checkShape(*this, "weights", getWeights().getType(),
                        {q[0], q[1], q[2]}, "B, S, HI")) ||
      failed(checkShape(*this, "result", getResult().getType(),
                        {q[0], q[1], k[1]}, "B, S, T")))
    return failure();
  if (!getResult().getType().getElementType().isF32())
    return emitOpError() << "expects an f32 result, but got "
                         << getResult().getType().getElementType();
  return checkPositive(*this, "scale", getScale());
}

//===----------------------------------------------------------------------===//
// TopKOp
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::verify() {
  if (getK() <= 0)
    return emitOpError() << "expects a positive k, but got " << getK();
  ArrayRef<int64_t> s = shapeOf(getScores());
  return checkShape(*this, "indices", getIndices().getType(),
                    {s[0], s[1], getK()}, "B, S, k");
}

//===----------------------------------------------------------------------===//
// SparseAttentionOp
//===----------------------------------------------------------------------===//

double SparseAttentionOp::getEffectiveScale() {
  return scaleOrDefault(getScale(), getQuery().getType().getDimSize(3));
}

LogicalResult SparseAttentionOp::verify() {
  if (failed(verifyQKV(*this, getQuery(), getKey(), getValue(), getResult())))
    return failure();
  ArrayRef<int64_t> q = getQuery().getType().getShape();
  if (failed(checkShape(*this, "indices", getIndices().getType(),
                        {q[0], q[2], ShapedType::kDynamic}, "B, S, k")) ||
      failed(verifySinks(*this, getSinks(), q[1])))
    return failure();
  if (failed(checkPositive(*this, "scale", getScale())))
    return failure();
  return checkPositive(*this, "softcap", getSoftcap());
}

//===----------------------------------------------------------------------===//
// KVCompressOp
//===----------------------------------------------------------------------===//

LogicalResult KVCompressOp::verify() {
  if (failed(checkSameElementType(
          *this, "content, gate, position_bias and result",
          {getContent(), getGate(), getPositionBias(), getResult()})))
    return failure();
  int64_t ratio = getRatio();
  if (ratio <= 0)
    return emitOpError() << "expects a positive ratio, but got " << ratio;
  ArrayRef<int64_t> c = shapeOf(getContent());
  if (failed(checkShape(*this, "gate", getGate().getType(), c, "B, T, C'")) ||
      failed(checkShape(*this, "position_bias", getPositionBias().getType(),
                        {ratio, c[2]}, "ratio, C'")))
    return failure();
  int64_t channels = c[2];
  if (getOverlap() && !ShapedType::isDynamic(channels)) {
    if (channels % 2 != 0)
      return emitOpError() << "expects an even channel count with overlap "
                              "(two halves per entry), but got "
                           << channels;
    channels /= 2;
  } else if (getOverlap()) {
    channels = ShapedType::kDynamic;
  }
  int64_t entries =
      ShapedType::isDynamic(c[1]) ? ShapedType::kDynamic : c[1] / ratio;
  return checkShape(*this, "result", getResult().getType(),
                    {c[0], entries, channels}, "B, T / ratio, C");
}

//===----------------------------------------------------------------------===//
// MLAOp
//===----------------------------------------------------------------------===//

LogicalResult MLAOp::verify() {
  if (failed(checkSameElementType(
          *this, "all operands and the result",
          {getQNope(), getQRope(), getCKv(), getKRope(), getWUk(), getWUv(),
           getResult()})))
    return failure();
  ArrayRef<int64_t> qn = shapeOf(getQNope()), ckv = shapeOf(getCKv());
  int64_t dr = getQRope().getType().getDimSize(3);
  int64_t dv = getWUv().getType().getDimSize(2);
  if (failed(checkShape(*this, "q_rope", getQRope().getType(),
                        {qn[0], qn[1], qn[2], ShapedType::kDynamic},
                        "B, H, S, Dr")) ||
      failed(checkSameDim(*this, "query and latent batch sizes", qn[0],
                          ckv[0])) ||
      failed(checkShape(*this, "k_rope", getKRope().getType(),
                        {ckv[0], ckv[1], dr}, "B, T, Dr")) ||
      failed(checkShape(*this, "w_uk", getWUk().getType(),
                        {qn[1], ckv[2], qn[3]}, "H, Dc, Dn")) ||
      failed(checkShape(*this, "w_uv", getWUv().getType(),
                        {qn[1], ckv[2], ShapedType::kDynamic}, "H, Dc, Dv")) ||
      failed(checkShape(*this, "result", getResult().getType(),
                        {qn[0], qn[1], qn[2], dv}, "B, H, S, Dv")))
    return failure();
  return checkPositive(*this, "scale", getScale());
}

//===----------------------------------------------------------------------===//
// LinearAttentionOp
//===----------------------------------------------------------------------===//

double LinearAttentionOp::getEffectiveScale() {
  return scaleOrDefault(getScale(), getQuery().getType().getDimSize(3));
}

int64_t LinearAttentionOp::getOutputHeads(int64_t queryHeads, int64_t keyHeads,
                                          int64_t valueHeads) {
  if (valueHeads == 1)
    return queryHeads;
  if (ShapedType::isDynamic(queryHeads) || ShapedType::isDynamic(valueHeads))
    return ShapedType::kDynamic;
  if (valueHeads > 0 && queryHeads % valueHeads == 0)
    return queryHeads;
  if (queryHeads == keyHeads && keyHeads > 0 && valueHeads % keyHeads == 0)
    return valueHeads;
  return ShapedType::kDynamic;
}

namespace {

/// The head rules of linear attention (see the op's description): Hv a
/// multiple of Hk, and Hq either a multiple of Hv or equal to Hk.
LogicalResult verifyLinearHeads(Operation *op, int64_t queryHeads,
                                int64_t keyHeads, int64_t valueHeads) {
  if (ShapedType::isDynamic(keyHeads) || ShapedType::isDynamic(valueHeads))
    return success();
  if (keyHeads == 0 || valueHeads % keyHeads != 0)
    return op->emitOpError()
           << "expects the number of value heads (" << valueHeads
           << ") to be a multiple of the number of key heads (" << keyHeads
           << ")";
  if (ShapedType::isDynamic(queryHeads) ||
      (valueHeads > 0 && queryHeads % valueHeads == 0) ||
      queryHeads == keyHeads)
    return success();
  return op->emitOpError()
         << "expects the number of query heads (" << queryHeads
         << ") to be a multiple of the number of value heads (" << valueHeads
         << ") or equal to the number of key heads (" << keyHeads << ")";
}

} // namespace

LogicalResult LinearAttentionOp::verify() {
  if (failed(checkSameElementType(
          *this, "query, key, value and output",
          {getQuery(), getKey(), getValue(), getOutput()})))
    return failure();
  ArrayRef<int64_t> q = getQuery().getType().getShape();
  ArrayRef<int64_t> k = getKey().getType().getShape();
  ArrayRef<int64_t> v = getValue().getType().getShape();
  if (failed(checkSameDim(*this, "query and key batch sizes", q[0], k[0])) ||
      failed(checkSameDim(*this, "key and value batch sizes", k[0], v[0])) ||
      failed(checkSameDim(*this, "query and key sequence lengths", q[2],
                          k[2])) ||
      failed(checkSameDim(*this, "key and value sequence lengths", k[2],
                          v[2])) ||
      failed(checkSameDim(*this, "query and key head dims", q[3], k[3])) ||
      failed(verifyLinearHeads(*this, q[1], k[1], v[1])))
    return failure();
  if (failed(checkShape(*this, "output", getOutput().getType(),
                        {q[0], getOutputHeads(q[1], k[1], v[1]), q[2], v[3]},
                        "B, Ho, T, Dv")))
    return failure();
  SmallVector<int64_t> stateShape = {k[0], v[1], k[3], v[3]};
  if (failed(checkShape(*this, "present_state", getPresentState().getType(),
                        stateShape, "B, Hv, Dk, Dv")))
    return failure();
  if (Value past = getPastState())
    if (failed(checkShape(*this, "past_state", past.getType(), stateShape,
                          "B, Hv, Dk, Dv")))
      return failure();

  UpdateRule rule = getRule();
  bool gated = rule == UpdateRule::Gated || rule == UpdateRule::GatedDelta;
  bool delta = rule == UpdateRule::Delta || rule == UpdateRule::GatedDelta;
  StringRef ruleName = stringifyUpdateRule(rule);
  if (gated != static_cast<bool>(getDecay()))
    return emitOpError() << "expects " << (gated ? "a" : "no")
                         << " decay operand for the '" << ruleName << "' rule";
  if (delta != static_cast<bool>(getBeta()))
    return emitOpError() << "expects " << (delta ? "a" : "no")
                         << " beta operand for the '" << ruleName << "' rule";
  if (Value decay = getDecay()) {
    auto type = llvm::cast<RankedTensorType>(decay.getType());
    if (type.getRank() == 3) {
      if (failed(checkShape(*this, "per-head decay", type, {k[0], v[1], k[2]},
                            "B, Hv, T")))
        return failure();
    } else if (failed(checkShape(*this, "per-channel decay", type,
                                 {k[0], v[1], k[2], k[3]},
                                 "B, Hv, T, Dk"))) {
      return failure();
    }
  }
  if (Value beta = getBeta())
    if (failed(checkShape(*this, "beta", beta.getType(), {k[0], v[1], k[2]},
                          "B, Hv, T")))
      return failure();
  if (getChunkSize() && *getChunkSize() <= 0)
    return emitOpError() << "expects a positive chunk_size, but got "
                         << *getChunkSize();
  return checkPositive(*this, "scale", getScale());
}

#define GET_OP_CLASSES
#include "attnc/Dialect/Attn/IR/AttnOps.cpp.inc"
