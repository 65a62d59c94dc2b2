//===- AttentionMatch.cpp - Decomposed attention in the onnx dialect ------===//
//
// The matcher walks up from the MatMul with V, in the reverse of the order
// attn.attention applies things (scale, softcap, mask, softmax), so a graph
// that applies them in another order (a scale after the mask, a softcap
// before the scale) does not match: those are not the same function.
//
//===----------------------------------------------------------------------===//

#include "AttentionMatch.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// The value of `value` when it is one float in every element: a splat
/// constant, or Sqrt / Reciprocal / Mul / Div / Cast of such (exporters
/// spell 1/sqrt(D) that way and those ops have no folders).
std::optional<double> getSplatFloat(Value value, int depth = 0) {
  DenseElementsAttr attr;
  if (matchPattern(value, m_Constant(&attr)))
    return attr.isSplat() && isa<FloatType>(attr.getElementType())
               ? std::optional(attr.getSplatValue<APFloat>().convertToDouble())
               : std::nullopt;
  Operation *def = value.getDefiningOp();
  if (!def || depth > 8 || !isa<FloatType>(getElementTypeOrSelf(value)))
    return std::nullopt;
  auto operand = [&](unsigned i) {
    return getSplatFloat(def->getOperand(i), depth + 1);
  };
  if (isa<onnx::SqrtOp, onnx::ReciprocalOp, onnx::CastOp, onnx::CastLikeOp>(
          def)) {
    std::optional<double> x = operand(0);
    if (!x)
      return std::nullopt;
    if (isa<onnx::SqrtOp>(def))
      return std::sqrt(*x);
    if (isa<onnx::ReciprocalOp>(def))
      return 1.0 / *x;
    return x;
  }
  if (isa<onnx::MulOp, onnx::DivOp>(def)) {
    std::optional<double> a = operand(0), b = operand(1);
    if (!a || !b)
      return std::nullopt;
    return isa<onnx::MulOp>(def) ? *a * *b : *a / *b;
  }
  return std::nullopt;
}

/// For `op` = Mul/Div(`operand`, constant): the constant when it is a splat
/// that does not widen `operand` by broadcasting (the op's result has the
/// operand's type), nullopt otherwise.
std::optional<double> getScalarFactor(Operation *op, Value operand,
                                      Value constant) {
  if (op->getResult(0).getType() != operand.getType())
    return std::nullopt;
  return getSplatFloat(constant);
}

/// Peels Mul and Div by scalar constants off `value`, multiplying their
/// factors into `scale`; the peeled ops go to `peeled` when given.
Value peelScale(Value value, double &scale,
                SmallVectorImpl<Operation *> *peeled = nullptr) {
  while (Operation *def = value.getDefiningOp()) {
    std::optional<double> factor;
    Value rest;
    if (auto mul = dyn_cast<onnx::MulOp>(def)) {
      if ((factor = getScalarFactor(mul, mul.getA(), mul.getB())))
        rest = mul.getA();
      else if ((factor = getScalarFactor(mul, mul.getB(), mul.getA())))
        rest = mul.getB();
    } else if (auto div = dyn_cast<onnx::DivOp>(def)) {
      if ((factor = getScalarFactor(div, div.getA(), div.getB())) &&
          *factor != 0.0) {
        factor = 1.0 / *factor;
        rest = div.getA();
      }
    }
    if (!rest)
      break;
    scale *= *factor;
    if (peeled)
      peeled->push_back(def);
    value = rest;
  }
  return value;
}

/// The scores before the mask: scale * Q K^T, optionally softcapped.
struct Scores {
  Value query, transposedKey;
  double scale = 1.0;
  std::optional<double> softcap;
  /// The ops between the QK^T MatMul and the scores, which the attention op
  /// replaces: each must feed only the next.
  SmallVector<Operation *> ops;
};

/// Matches softcap `Mul(Tanh(Div(s, c)), c)` (or with `Mul(s, 1/c)` inside)
/// on `value`; returns s and records c, or returns `value` unchanged.
Value peelSoftcap(Value value, Scores &scores) {
  auto mul = value.getDefiningOp<onnx::MulOp>();
  if (!mul)
    return value;
  for (auto [tanhSide, capSide] :
       {std::pair(mul.getA(), mul.getB()), std::pair(mul.getB(), mul.getA())}) {
    auto tanh = tanhSide.getDefiningOp<onnx::TanhOp>();
    std::optional<double> cap = getScalarFactor(mul, tanhSide, capSide);
    if (!tanh || !cap || !(*cap > 0.0))
      continue;
    // Exactly one scalar step inside the tanh is the 1/cap; the scale below
    // it is the attention scale.
    Operation *inner = tanh.getX().getDefiningOp();
    if (!inner || !isa<onnx::MulOp, onnx::DivOp>(inner))
      continue;
    Value lhs = inner->getOperand(0), rhs = inner->getOperand(1);
    std::optional<double> factor = getScalarFactor(inner, lhs, rhs);
    Value capped = lhs;
    if (!factor && isa<onnx::MulOp>(inner)) {
      factor = getScalarFactor(inner, rhs, lhs);
      capped = rhs;
    }
    if (!factor)
      continue;
    double product = isa<onnx::DivOp>(inner) ? *cap / *factor : *cap * *factor;
    // Both constants are rounded to the tensor type: compare to its
    // precision, not exactly.
    if (std::fabs(product - 1.0) > 1e-3)
      continue;
    scores.softcap = *cap;
    scores.ops.append({mul, tanh, inner});
    return capped;
  }
  return value;
}

FailureOr<Scores> matchScores(Value value, std::string &reason) {
  Scores scores;
  value = peelSoftcap(value, scores);
  value = peelScale(value, scores.scale, &scores.ops);
  auto qk = value.getDefiningOp<onnx::MatMulOp>();
  if (!qk)
    return reason = "the Softmax input is not Q K^T (a MatMul, optionally "
                    "scaled by constants, softcapped and masked by one Add)",
           failure();
  scores.ops.push_back(qk);
  scores.query = peelScale(qk.getA(), scores.scale);
  scores.transposedKey = peelScale(qk.getB(), scores.scale);
  return scores;
}

RankedTensorType getStaticType(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && type.hasStaticShape() ? type : RankedTensorType();
}

/// For K or V with repeated heads, the tensor before the repetition:
/// `Reshape(Expand(Unsqueeze(x, [2]), [B, Hkv, G, S, D]), [B, Hkv*G, S, D])`
/// (torch repeat_interleave / HF repeat_kv: head h reads head h / G, attn's
/// GQA mapping) or `Expand(x, [B, H, S, D])` of a single head (MQA).
/// Returns null when `value` is neither.
Value peelHeadRepetition(Value value) {
  RankedTensorType repeated = getStaticType(value);
  if (!repeated || repeated.getRank() != 4)
    return {};
  ArrayRef<int64_t> out = repeated.getShape();

  if (auto expand = value.getDefiningOp<onnx::ExpandOp>()) {
    RankedTensorType source = getStaticType(expand.getInput());
    if (source && source.getRank() == 4 && source.getDimSize(1) == 1 &&
        source.getDimSize(0) == out[0] && source.getDimSize(2) == out[2] &&
        source.getDimSize(3) == out[3])
      return expand.getInput();
    return {};
  }

  // The Expand is absent when G = 1 (ONNX's Attention function body).
  auto reshape = value.getDefiningOp<onnx::ReshapeOp>();
  if (!reshape)
    return {};
  Value expanded = reshape.getData();
  Value unsqueezed = expanded;
  if (auto expand = expanded.getDefiningOp<onnx::ExpandOp>())
    unsqueezed = expand.getInput();
  auto unsqueeze = unsqueezed.getDefiningOp<onnx::UnsqueezeOp>();
  if (!unsqueeze)
    return {};
  DenseIntElementsAttr axes;
  if (!matchPattern(unsqueeze.getAxes(), m_Constant(&axes)) ||
      axes.getNumElements() != 1)
    return {};
  int64_t axis = (*axes.begin()).getSExtValue();
  RankedTensorType source = getStaticType(unsqueeze.getData());
  RankedTensorType expandedType = getStaticType(expanded);
  if ((axis != 2 && axis != -3) || !source || source.getRank() != 4 ||
      !expandedType || expandedType.getRank() != 5)
    return {};
  ArrayRef<int64_t> in = source.getShape(), mid = expandedType.getShape();
  bool repeatsHeads = mid[0] == in[0] && mid[1] == in[1] && mid[3] == in[2] &&
                      mid[4] == in[3] && out[0] == in[0] &&
                      out[1] == in[1] * mid[2] && out[2] == in[2] &&
                      out[3] == in[3];
  return repeatsHeads ? unsqueeze.getData() : Value();
}

/// ONNX Attention's function body zeroes the rows whose mask is all -inf:
/// `Where(Equal(ReduceMax(M, [-1]), -inf), 0, P)`, which is what attn's
/// masked_rows = zero does. Returns M, or null when `where` is not that.
Value matchZeroedRows(onnx::WhereOp where) {
  std::optional<double> zero = getSplatFloat(where.getX());
  auto equal = where.getCondition().getDefiningOp<onnx::EqualOp>();
  if (!zero || *zero != 0.0 || !equal)
    return {};
  for (auto [maxSide, infSide] : {std::pair(equal.getA(), equal.getB()),
                                  std::pair(equal.getB(), equal.getA())}) {
    auto max = maxSide.getDefiningOp<onnx::ReduceMaxOp>();
    std::optional<double> inf = getSplatFloat(infSide);
    DenseIntElementsAttr axes;
    if (!max || !inf || !std::isinf(*inf) || *inf > 0 ||
        max.getKeepdims() != 1 ||
        !matchPattern(max.getAxes(), m_Constant(&axes)) ||
        axes.getNumElements() != 1)
      continue;
    int64_t axis = (*axes.begin()).getSExtValue();
    int64_t rank = cast<RankedTensorType>(max.getData().getType()).getRank();
    if (axis == -1 || axis == rank - 1)
      return max.getData();
  }
  return {};
}

} // namespace

bool mlir::attn::hasSingleDataUse(Value value) {
  // CastLike reads only the type of its second operand.
  return llvm::count_if(value.getUses(), [](OpOperand &use) {
           return !(isa<onnx::CastLikeOp>(use.getOwner()) &&
                    use.getOperandNumber() == 1);
         }) == 1;
}

namespace {

bool isSupportedElementType(Type type) {
  return type.isF16() || type.isBF16() || type.isF32();
}

} // namespace

FailureOr<AttentionMatch>
mlir::attn::matchDecomposedAttention(onnx::MatMulOp output,
                                     std::string &reason) {
  auto fail = [&](const Twine &message) {
    reason = message.str();
    return failure();
  };
  AttentionMatch match;
  // Ops whose only use must be the next op of the chain.
  SmallVector<Operation *> chain;

  // Softmax over the keys, optionally between Casts to f32 and back, and
  // optionally with its fully masked rows zeroed (before or after the Cast).
  Value probabilities = output.getA();
  Value zeroedRowsMask;
  auto peelZeroedRows = [&] {
    auto where = probabilities.getDefiningOp<onnx::WhereOp>();
    if (!where || zeroedRowsMask || !(zeroedRowsMask = matchZeroedRows(where)))
      return;
    chain.push_back(where);
    probabilities = where.getY();
  };
  peelZeroedRows();
  auto castBack = probabilities.getDefiningOp<onnx::CastOp>();
  if (castBack) {
    chain.push_back(castBack);
    probabilities = castBack.getInput();
  }
  peelZeroedRows();
  auto softmax = probabilities.getDefiningOp<onnx::SoftmaxOp>();
  if (!softmax)
    return fail("the left operand of the MatMul is not a Softmax");
  chain.push_back(softmax);
  auto softmaxType = cast<RankedTensorType>(softmax.getType());
  int64_t axis = softmax.getAxis();
  if (axis != -1 && axis != softmaxType.getRank() - 1)
    return fail("the Softmax is over axis " + Twine(axis) +
                ", not the last (key) axis");
  Value scoresValue = softmax.getInput();
  if (castBack) {
    auto castIn = scoresValue.getDefiningOp<onnx::CastOp>();
    if (!castIn)
      return fail("the Softmax result is cast but its input is not");
    Type narrow = getElementTypeOrSelf(castIn.getInput().getType());
    Type wide = softmaxType.getElementType();
    if (getElementTypeOrSelf(castBack.getType()) != narrow || !wide.isF32())
      return fail("the Casts around the Softmax are not to f32 and back");
    if (wide != narrow)
      match.softmaxPrecision = cast<FloatType>(wide);
    chain.push_back(castIn);
    scoresValue = castIn.getInput();
  }

  // An additive mask on either side of an Add.
  FailureOr<Scores> scores = failure();
  Value mask;
  if (auto add = scoresValue.getDefiningOp<onnx::AddOp>()) {
    std::string otherReason;
    scores = matchScores(add.getA(), reason);
    mask = add.getB();
    if (failed(scores)) {
      scores = matchScores(add.getB(), otherReason);
      mask = add.getA();
    }
    if (failed(scores))
      return failure();
    if (add.getType() != scores->ops.front()->getResult(0).getType())
      return fail("the mask broadcasts the scores to a larger shape");
    chain.push_back(add);
  } else {
    scores = matchScores(scoresValue, reason);
    if (failed(scores))
      return failure();
  }
  chain.append(scores->ops);
  match.scale = scores->scale;
  match.softcap = scores->softcap;

  // Q, K and V.
  match.query = scores->query;
  RankedTensorType queryType = getStaticType(match.query);
  if (!queryType)
    return fail("Q does not have a static shape");
  if (queryType.getRank() != 4)
    return fail("Q has rank " + Twine(queryType.getRank()) +
                "; only B x H x S x D attention is raised");
  if (!isSupportedElementType(queryType.getElementType()))
    return fail("the element type is not f16, bf16 or f32");

  // K^T is a Transpose (fold its permutation with the swap of the last two
  // dims) or any other value (transpose it back).
  Value transposedKey = scores->transposedKey;
  SmallVector<int64_t, 4> permutation = {0, 1, 3, 2};
  match.keySource = transposedKey;
  if (auto transpose = transposedKey.getDefiningOp<onnx::TransposeOp>()) {
    SmallVector<int64_t, 4> perm = {3, 2, 1, 0};
    if (std::optional<ArrayRef<int64_t>> attr = transpose.getPerm())
      perm.assign(attr->begin(), attr->end());
    if (perm.size() == 4) {
      permutation = {perm[0], perm[1], perm[3], perm[2]};
      match.keySource = peelScale(transpose.getData(), match.scale);
    }
  }
  if (!llvm::equal(permutation, ArrayRef<int64_t>{0, 1, 2, 3}))
    match.keyPermutation = permutation;
  match.value = output.getB();

  // GQA/MQA: read K and V before their heads were repeated, when both were
  // repeated to the same count.
  Value keyHeads = match.keyPermutation.empty()
                       ? peelHeadRepetition(match.keySource)
                       : Value();
  Value valueHeads = peelHeadRepetition(match.value);
  if (keyHeads && valueHeads &&
      getStaticType(keyHeads).getDimSize(1) ==
          getStaticType(valueHeads).getDimSize(1)) {
    match.keySource = keyHeads;
    match.value = valueHeads;
  }

  RankedTensorType sourceType = getStaticType(match.keySource);
  RankedTensorType valueType = getStaticType(match.value);
  if (!sourceType || !valueType || sourceType.getRank() != 4 ||
      valueType.getRank() != 4)
    return fail("K or V is not a static B x H x S x D tensor");
  SmallVector<int64_t, 4> key(sourceType.getShape());
  if (!match.keyPermutation.empty())
    for (auto [i, from] : llvm::enumerate(match.keyPermutation))
      key[i] = sourceType.getDimSize(from);
  ArrayRef<int64_t> query = queryType.getShape(), value = valueType.getShape();
  if (key[0] != query[0] || value[0] != query[0])
    return fail("Q, K and V have different batch sizes");
  if (key[1] != value[1] || query[1] % key[1] != 0)
    return fail("the head counts of Q, K and V are not a GQA grouping");
  if (key[3] != query[3] || value[2] != key[2])
    return fail("Q K^T and the MatMul with V do not contract matching dims");
  auto resultType = RankedTensorType::get(
      {query[0], query[1], query[2], value[3]}, queryType.getElementType());
  if (output.getType() != resultType)
    return fail("the attention result type is not B x Hq x Sq x Dv");

  if (!(match.scale > 0.0) || !std::isfinite(match.scale))
    return fail("the product of the scale constants is not positive and "
                "finite");

  // The graph's own zeroing of fully masked rows agrees with masked_rows =
  // zero, and with uniform for a lowest-finite mask (whose max is not -inf).
  if (zeroedRowsMask && zeroedRowsMask != mask)
    return fail("the rows zeroed after the Softmax are not those the mask "
                "hides");

  if (mask) {
    DenseElementsAttr constant;
    std::string maskReason;
    FailureOr<MaskAttributes> attributes = failure();
    if (matchPattern(mask, m_Constant(&constant)))
      attributes =
          recognizeConstantMask(constant, query[2], key[2], maskReason);
    // Anything else stays an additive mask operand. Its fully masked rows
    // follow attn's arithmetic: a lowest-finite fill gives the uniform row
    // the graph gives; a -inf fill gives zeros where the graph's Softmax
    // gives NaN (masked_rows = zero: no policy reproduces NaN).
    if (succeeded(attributes))
      match.maskAttributes = *attributes;
    else
      match.mask = mask;
  }

  for (Operation *op : chain)
    if (!hasSingleDataUse(op->getResult(0)))
      return fail("the result of " + op->getName().getStringRef() +
                  " inside the attention block has other uses");
  return match;
}
