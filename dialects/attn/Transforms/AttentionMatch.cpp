//===- AttentionMatch.cpp - Decomposed attention in the onnx dialect ------===//
//
// The matcher walks up from the MatMul with V, in the reverse of the order
// attn.attention applies things (scale, softcap, mask, sinks, softmax), so a
// graph that applies them in another order (a scale after the mask, a
// softcap before the scale) does not match: those are not the same function.
// Masks and sink columns are read through ConstantEvaluation, K/V head
// repetitions through HeadRepetition, sink columns through SinkColumn.
//
//===----------------------------------------------------------------------===//

#include "AttentionMatch.h"

#include "ConstantEvaluation.h"
#include "HeadRepetition.h"
#include "SinkColumn.h"

#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Whether `value` has more elements than the evaluator holds at once: such
/// masks are recognised block by block (recognizeLargeConstantMask).
bool isLargeConstant(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && type.hasStaticShape() &&
         type.getNumElements() > kMaxEvaluatedElements;
}

} // namespace

namespace {

/// The value of `value` when it is one float in every element: a splat
/// constant, or Sqrt / Reciprocal / Mul / Div / Cast of such (exporters
/// spell 1/sqrt(D) that way and those ops have no folders), including a
/// Cast of an integer splat (torch_lib's SDPA casts the head dim, an int64
/// shape element, before its Sqrt).
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
  DenseIntElementsAttr ints;
  if (isa<onnx::CastOp, onnx::CastLikeOp>(def) &&
      matchPattern(def->getOperand(0), m_Constant(&ints)) && ints.isSplat()) {
    APInt x = ints.getSplatValue<APInt>();
    // i1 true is 1.0, not the sign-extended -1.
    bool isUnsigned = ints.getElementType().isUnsignedInteger() ||
                      ints.getElementType().isInteger(1);
    return isUnsigned ? static_cast<double>(x.getZExtValue())
                      : static_cast<double>(x.getSExtValue());
  }
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
  /// The ops from the scores up to the QK^T MatMul, part of the block.
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
                    "scaled by constants, softcapped and masked)",
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

/// `Sub(x, ReduceMax(x, [-1], keepdims = 1))`, the max-shift HF writes before
/// a Softmax (which shifts by the max itself): returns x, or null.
Value peelRowMaxShift(Value value, onnx::ReduceMaxOp &max) {
  auto sub = value.getDefiningOp<onnx::SubOp>();
  if (!sub || sub.getType() != sub.getA().getType())
    return {};
  max = sub.getB().getDefiningOp<onnx::ReduceMaxOp>();
  if (!max || max.getData() != sub.getA() || max.getKeepdims() != 1)
    return {};
  std::optional<SmallVector<int64_t>> axes =
      onnx::getConstantIntValues(max.getAxes());
  int64_t rank = cast<RankedTensorType>(sub.getType()).getRank();
  if (!axes || axes->size() != 1 ||
      ((*axes)[0] != -1 && (*axes)[0] != rank - 1))
    return {};
  return sub.getA();
}

/// torch_lib's SDPA transposes K through a rank-3 view:
/// `Reshape(Transpose(Reshape(k, [B*H, S, D]), [0, 2, 1]), [B, H, D, S])`.
/// Reshapes are row-major, so when the first merges exactly B and H and the
/// second splits them back into B and H, this is Transpose(k, [0, 1, 3, 2]).
/// Returns k, or null when `value` is not that.
Value matchBatchedTranspose(Value value) {
  auto split = value.getDefiningOp<onnx::ReshapeOp>();
  auto transpose =
      split ? split.getData().getDefiningOp<onnx::TransposeOp>() : nullptr;
  auto merge = transpose
                   ? transpose.getData().getDefiningOp<onnx::ReshapeOp>()
                   : nullptr;
  if (!merge || !transpose.getPerm() ||
      !llvm::equal(*transpose.getPerm(), ArrayRef<int64_t>{0, 2, 1}))
    return {};
  RankedTensorType key = getStaticType(merge.getData());
  RankedTensorType flat = getStaticType(merge.getReshaped());
  RankedTensorType out = getStaticType(value);
  if (!key || !flat || !out || key.getRank() != 4)
    return {};
  ArrayRef<int64_t> k = key.getShape();
  if (!llvm::equal(flat.getShape(),
                   ArrayRef<int64_t>{k[0] * k[1], k[2], k[3]}) ||
      !llvm::equal(out.getShape(), ArrayRef<int64_t>{k[0], k[1], k[3], k[2]}))
    return {};
  return merge.getData();
}

/// The key as attn.attention reads it, from the right operand of Q K^T.
struct KeyOperand {
  /// B x Hkv x Skv x D once permuted by `permutation` (when set).
  Value source;
  SmallVector<int64_t, 4> permutation;
  /// Scale constants found between the Transpose and the key.
  double scale = 1.0;
  /// The head repetition read through, when asked to.
  std::optional<HeadRepetition> repetition;
};

/// K^T is a Transpose (its permutation composed with the swap of the last
/// two dims), the same through a rank-3 view, or any other value
/// (transposed back). With `peelRepetition`, repeated heads are read
/// through, on K^T (an exporter that permutes K straight to B x H x D x S
/// before repeating) or on K; `nearMiss` receives why a value spelled like
/// a repetition is not one.
KeyOperand resolveKey(Value transposedKey, bool peelRepetition,
                      std::string *nearMiss = nullptr) {
  KeyOperand key;
  if (peelRepetition)
    if ((key.repetition = matchHeadRepetition(transposedKey, nearMiss)))
      transposedKey = key.repetition->source;
  // permutation[i] is the dim of `source` that becomes dim i of K; nested
  // Transposes (one around an attn.rope of a B x S x H x D key) compose.
  SmallVector<int64_t, 4> permutation = {0, 1, 3, 2};
  key.source = transposedKey;
  while (true) {
    SmallVector<int64_t, 4> perm = {3, 2, 1, 0};
    Value data;
    if (auto transpose = key.source.getDefiningOp<onnx::TransposeOp>()) {
      if (std::optional<ArrayRef<int64_t>> attr = transpose.getPerm())
        perm.assign(attr->begin(), attr->end());
      data = transpose.getData();
    } else if ((data = matchBatchedTranspose(key.source))) {
      perm = {0, 1, 3, 2};
    }
    if (!data || perm.size() != 4)
      break;
    for (int64_t &from : permutation)
      from = perm[from];
    key.source = peelScale(data, key.scale);
  }
  bool identity = llvm::equal(permutation, ArrayRef<int64_t>{0, 1, 2, 3});
  if (peelRepetition && !key.repetition && identity)
    if ((key.repetition = matchHeadRepetition(key.source, nearMiss)))
      key.source = key.repetition->source;
  if (!identity)
    key.permutation = permutation;
  return key;
}

/// Why K and V keep the heads the graph repeated (the block is raised as
/// multi-head attention over them), for remarks; empty when neither looks
/// repeated.
std::string explainKeptRepetition(const std::optional<HeadRepetition> &key,
                                  StringRef keyNearMiss,
                                  const std::optional<HeadRepetition> &value,
                                  StringRef valueNearMiss) {
  const char *kept = ": kept as multi-head attention over the repeated heads";
  for (const std::optional<HeadRepetition> &repetition : {key, value})
    if (repetition && !repetition->grouped)
      return "K/V heads are repeated by " + repetition->spelling +
             ", which gives query head h the KV head h % Hkv, not attn's "
             "h / G" +
             kept;
  for (auto [name, nearMiss] : {std::pair("K", keyNearMiss),
                                std::pair("V", valueNearMiss)})
    if (!nearMiss.empty())
      return (Twine(name) + " heads look repeated, but " + nearMiss + kept)
          .str();
  if (key && value)
    return std::string("K and V heads are repeated from different head "
                       "counts") +
           kept;
  if (key || value)
    return std::string("only the ") + (key ? "K" : "V") +
           " heads are repeated (by " + (key ? key : value)->spelling + ")" +
           kept;
  return "";
}

/// The KV head count of `key` (dim 1 after its permutation).
int64_t getKeyHeads(const KeyOperand &key) {
  auto type = cast<RankedTensorType>(key.source.getType());
  return type.getDimSize(key.permutation.empty() ? 1 : key.permutation[1]);
}

/// A mask written as `Where(hidden, fill, scores)` (torch masked_fill) or
/// `Where(visible, scores, fill)`.
struct FillMask {
  Value condition;
  bool selectsScores = false;
  double fill = 0.0;
};

bool isSupportedElementType(Type type) {
  return type.isF16() || type.isBF16() || type.isF32();
}

/// Whether `use` reads the elements of its value (CastLike reads only the
/// type of its second operand).
bool readsElements(OpOperand &use) {
  return !(isa<onnx::CastLikeOp>(use.getOwner()) &&
           use.getOperandNumber() == 1);
}

/// The ops of the block between Q K^T and the MatMul with V, in the order
/// the matcher meets them (from the MatMul up). Only the MatMul is replaced,
/// so any of their results may also be read outside the block (ONNX
/// Attention's qk_matmul_output, a probabilities output): the ops computing
/// it then stay for those readers, and the rest die with the MatMul.
class BlockOps {
public:
  explicit BlockOps(Operation *output) { members.insert(output); }

  void push_back(Operation *op) {
    ops.push_back(op);
    members.insert(op);
  }
  void append(ArrayRef<Operation *> more) {
    for (Operation *op : more)
      push_back(op);
  }

  /// The op nearest the MatMul with V whose result is read outside the
  /// block, or null.
  Operation *findSharedOp() const {
    for (Operation *op : ops)
      for (OpOperand &use : op->getResult(0).getUses())
        if (!members.contains(use.getOwner()) && readsElements(use))
          return op;
    return nullptr;
  }

private:
  SmallVector<Operation *> ops;
  SmallPtrSet<Operation *, 16> members;
};

} // namespace

bool mlir::attn::hasSingleDataUse(Value value) {
  return llvm::count_if(value.getUses(), readsElements) == 1;
}

FailureOr<AttentionMatch>
mlir::attn::matchDecomposedAttention(onnx::MatMulOp output,
                                     std::string &reason) {
  auto fail = [&](const Twine &message) {
    reason = message.str();
    return failure();
  };
  AttentionMatch match;
  BlockOps block(output);

  // Above the Softmax, in any order, each at most once: the Where that
  // zeroes fully masked rows, the Cast back from f32, the Slice that drops
  // the sink column.
  Value probabilities = output.getA();
  Value zeroedRowsMask;
  onnx::CastOp castBack;
  std::optional<ColumnSide> sinkSide;
  for (bool peeled = true; peeled;) {
    peeled = false;
    Operation *def = probabilities.getDefiningOp();
    if (auto where = dyn_cast_or_null<onnx::WhereOp>(def)) {
      if (!zeroedRowsMask && (zeroedRowsMask = matchZeroedRows(where))) {
        block.push_back(where);
        probabilities = where.getY();
        peeled = true;
      }
    } else if (auto cast = dyn_cast_or_null<onnx::CastOp>(def)) {
      if (!castBack) {
        castBack = cast;
        block.push_back(cast);
        probabilities = cast.getInput();
        peeled = true;
      }
    } else if (auto slice = dyn_cast_or_null<onnx::SliceOp>(def)) {
      if (!sinkSide && (sinkSide = matchDroppedColumn(slice))) {
        block.push_back(slice);
        probabilities = slice.getData();
        peeled = true;
      }
    }
  }

  auto softmax = probabilities.getDefiningOp<onnx::SoftmaxOp>();
  if (!softmax)
    return fail("the left operand of the MatMul is not a Softmax");
  block.push_back(softmax);
  auto softmaxType = cast<RankedTensorType>(softmax.getType());
  int64_t axis = softmax.getAxis();
  if (axis != -1 && axis != softmaxType.getRank() - 1)
    return fail("the Softmax is over axis " + Twine(axis) +
                ", not the last (key) axis");

  // Below it: the Cast to f32 that pairs with the Cast back, and an optional
  // max-shift on either side of it (it changes nothing: Softmax shifts by
  // the row max itself).
  Value scoresValue = softmax.getInput();
  bool shifted = false;
  auto peelShift = [&] {
    onnx::ReduceMaxOp max;
    Value unshifted = shifted ? Value() : peelRowMaxShift(scoresValue, max);
    if (!unshifted)
      return;
    block.append({scoresValue.getDefiningOp(), max});
    scoresValue = unshifted;
    shifted = true;
  };
  peelShift();
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
    block.push_back(castIn);
    scoresValue = castIn.getInput();
    peelShift();
  }

  // The sink column joined to the scores on the key axis, on the side the
  // Slice drops.
  Value sinkColumn;
  if (sinkSide) {
    auto concat = scoresValue.getDefiningOp<onnx::ConcatOp>();
    int64_t rank = softmaxType.getRank();
    if (!concat || concat.getInputs().size() != 2 ||
        (concat.getAxis() != -1 && concat.getAxis() != rank - 1))
      return fail("the Softmax input whose last column is sliced off is not "
                  "a Concat of the scores and a sink column");
    bool last = *sinkSide == ColumnSide::Last;
    sinkColumn = concat.getInputs()[last ? 1 : 0];
    scoresValue = concat.getInputs()[last ? 0 : 1];
    block.push_back(concat);
  }

  // A mask: additive (`Add`, on either side) or selected (`Where`).
  FailureOr<Scores> scores = failure();
  Value mask;
  std::optional<FillMask> fillMask;
  Operation *maskOp = scoresValue.getDefiningOp();
  if (auto add = dyn_cast_or_null<onnx::AddOp>(maskOp)) {
    std::string otherReason;
    scores = matchScores(add.getA(), reason);
    mask = add.getB();
    if (failed(scores)) {
      scores = matchScores(add.getB(), otherReason);
      mask = add.getA();
    }
  } else if (auto where = dyn_cast_or_null<onnx::WhereOp>(maskOp)) {
    for (auto [fillSide, scoreSide, selectsScores] :
         {std::tuple(where.getX(), where.getY(), false),
          std::tuple(where.getY(), where.getX(), true)}) {
      std::optional<double> fill = getSplatFloat(fillSide);
      if (!fill || failed(scores = matchScores(scoreSide, reason)))
        continue;
      fillMask = FillMask{where.getCondition(), selectsScores, *fill};
      break;
    }
    // Not a masked_fill: say what the Softmax input lacks.
    if (!fillMask)
      scores = matchScores(scoresValue, reason);
  } else {
    scores = matchScores(scoresValue, reason);
  }
  if (failed(scores))
    return failure();
  if ((mask || fillMask) && maskOp->getResult(0).getType() !=
                                scores->ops.front()->getResult(0).getType())
    return fail("the mask broadcasts the scores to a larger shape");
  if (mask || fillMask)
    block.push_back(maskOp);
  block.append(scores->ops);
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

  // GQA/MQA: read K and V before their heads were repeated, when both were
  // repeated to the same count in attn's order.
  std::string keyNearMiss, valueNearMiss;
  KeyOperand key = resolveKey(scores->transposedKey, /*peelRepetition=*/true,
                              &keyNearMiss);
  std::optional<HeadRepetition> valueRepetition =
      matchHeadRepetition(output.getB(), &valueNearMiss);
  match.value = output.getB();
  if (key.repetition && valueRepetition && key.repetition->grouped &&
      valueRepetition->grouped &&
      getKeyHeads(key) ==
          cast<RankedTensorType>(valueRepetition->source.getType())
              .getDimSize(1)) {
    match.value = valueRepetition->source;
  } else {
    match.keptRepetition = explainKeptRepetition(
        key.repetition, keyNearMiss, valueRepetition, valueNearMiss);
    key = resolveKey(scores->transposedKey, /*peelRepetition=*/false);
  }
  match.keySource = key.source;
  match.keyPermutation = key.permutation;
  match.scale *= key.scale;

  RankedTensorType sourceType = getStaticType(match.keySource);
  RankedTensorType valueType = getStaticType(match.value);
  if (!sourceType || !valueType || sourceType.getRank() != 4 ||
      valueType.getRank() != 4)
    return fail("K or V is not a static B x H x S x D tensor");
  SmallVector<int64_t, 4> keyShape(sourceType.getShape());
  if (!match.keyPermutation.empty())
    for (auto [i, from] : llvm::enumerate(match.keyPermutation))
      keyShape[i] = sourceType.getDimSize(from);
  ArrayRef<int64_t> query = queryType.getShape(), value = valueType.getShape();
  if (keyShape[0] != query[0] || value[0] != query[0])
    return fail("Q, K and V have different batch sizes");
  if (keyShape[1] != value[1] || query[1] % keyShape[1] != 0)
    return fail("the head counts of Q, K and V are not a GQA grouping");
  if (keyShape[3] != query[3] || value[2] != keyShape[2])
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
    // A mask computed from constants (however it is built) that is causal
    // or a window becomes attributes. Anything else stays an additive mask
    // operand. Its fully masked rows follow attn's arithmetic: a
    // lowest-finite fill gives the uniform row the graph gives; a -inf fill
    // gives zeros where the graph's Softmax gives NaN (masked_rows = zero:
    // no policy reproduces NaN).
    std::string maskReason;
    FailureOr<MaskAttributes> attributes = failure();
    auto element = dyn_cast<FloatType>(
        cast<RankedTensorType>(mask.getType()).getElementType());
    if (isLargeConstant(mask) && element) {
      attributes = recognizeLargeConstantMask(
          mask, query[2], keyShape[2], element,
          [](double value) { return value; }, maskReason);
    } else {
      FailureOr<ConstantTensor> constant =
          evaluateConstantTensor(mask, maskReason);
      if (succeeded(constant))
        attributes = recognizeConstantMask(*constant, query[2], keyShape[2],
                                           maskReason);
    }
    if (succeeded(attributes))
      match.maskAttributes = *attributes;
    else
      match.mask = mask;
  }
  if (fillMask) {
    // Only attributes express a selected mask; its fill must hide keys.
    auto element = cast<FloatType>(queryType.getElementType());
    double lowest =
        APFloat::getLargest(element.getFloatSemantics(), /*Negative=*/true)
            .convertToDouble();
    if (!(std::isinf(fillMask->fill) && fillMask->fill < 0) &&
        fillMask->fill != lowest)
      return fail("the masked_fill value is neither -inf nor the lowest "
                  "finite value");
    std::string maskReason;
    FailureOr<MaskAttributes> attributes = failure();
    if (isLargeConstant(fillMask->condition)) {
      bool selectsScores = fillMask->selectsScores;
      double fill = fillMask->fill;
      attributes = recognizeLargeConstantMask(
          fillMask->condition, query[2], keyShape[2], element,
          [&](double c) { return (c != 0.0) != selectsScores ? fill : 0.0; },
          maskReason);
    } else {
      FailureOr<ConstantTensor> condition =
          evaluateConstantTensor(fillMask->condition, maskReason);
      if (failed(condition))
        return fail("the masked_fill condition is not known at compile time: " +
                    maskReason);
      attributes = recognizeConstantMask(
          getMaskOfCondition(*condition, fillMask->selectsScores,
                             fillMask->fill, element),
          query[2], keyShape[2], maskReason);
    }
    if (failed(attributes))
      return fail("the masked_fill condition is not a causal mask: " +
                  maskReason);
    match.maskAttributes = *attributes;
  }

  if (sinkColumn) {
    std::string sinkReason;
    FailureOr<SinkLogits> sinks = readSinkColumn(sinkColumn, sinkReason);
    if (failed(sinks))
      return fail(sinkReason);
    match.sinkValues = sinks->values;
    match.sinkSource = sinks->source;
    // A row whose keys are all hidden attends to its sink alone: its output
    // is zero, with a -inf or a lowest-finite fill alike.
    match.maskAttributes.maskedRows = MaskedRowPolicy::Zero;
  }

  match.sharedOp = block.findSharedOp();
  return match;
}
