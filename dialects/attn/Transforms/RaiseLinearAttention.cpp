//===- RaiseLinearAttention.cpp - Recurrent Scan to attn.linear_attention -===//
//
// ONNX LinearAttention's function body (and exporters that follow it) spell
// the recurrence as an onnx.Scan over tokens: one carried state S
// (B x Hkv x Dk x Dv, f32), scan inputs sliced per token (T x B x H x D ->
// B x H x D), and a body
//
//   D    = S                                   linear, delta
//        | S * Unsqueeze(Exp(decay_t), -1)     gated, gated_delta
//   w    = v_t                                 linear, gated
//        | beta_t * (v_t - Squeeze(D^T @ Unsqueeze(k_t, -1), -1))
//                                              delta, gated_delta
//   S'   = D + Unsqueeze(k_t, -1) @ Unsqueeze(w, -2)
//   o_t  = Cast(scale * Squeeze(Unsqueeze(q_t, -2) @ R, -2))
//   R    = S' | repeat_kv(S')                  (GQA: head h reads h / G)
//
// with exact widening Casts (f16/bf16 -> f32) on the slices. Each piece is
// checked against attn.linear_attention's definition, including the order
// (decay, then retrieve from the decayed state, then update, then read the
// updated state); anything else is left alone with a reason, which the pass
// turns into a remark.
//
// The rewrite feeds the op the scan inputs in head-major order (a Transpose
// composed with the exporter's own) and gives the Scan's users the op's
// results in token-major order.
//
// Inverse GQA (Qwen3-Next: Hk key heads, Hv = G Hk value heads) has no
// LinearAttention form, so exporters repeat k, and q with it, to the Hv
// heads before the Scan (HF's repeat_interleave: head h reads head h / G).
// The rewrite reads k, or q and k, unrepeated when the repetition is exact
// and grouped: the op then maps state head h to key head h / G itself
// (q keeps its repetition unless it is repeated exactly like k).
//
//===----------------------------------------------------------------------===//

#include "HeadRepetition.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

namespace {

//===----------------------------------------------------------------------===//
// Small matchers
//===----------------------------------------------------------------------===//

/// Whether `value` is a tensor of f32.
bool isF32Tensor(Value value) {
  return getElementTypeOrSelf(value.getType()).isF32();
}

/// Peels Casts that convert f16, bf16 or f32 to f32 (exact, so the op, which
/// computes in f32, reads the same numbers from the narrower source).
Value stripWideningCasts(Value value) {
  while (Operation *def = value.getDefiningOp()) {
    if (!isa<onnx::CastOp, onnx::CastLikeOp>(def) || !isF32Tensor(value))
      break;
    Type source = getElementTypeOrSelf(def->getOperand(0).getType());
    if (!source.isF32() && !source.isF16() && !source.isBF16())
      break;
    value = def->getOperand(0);
  }
  return value;
}

/// The single constant axis of `axes`, normalised against `rank`.
std::optional<int64_t> getSingleAxis(Value axes, int64_t rank) {
  std::optional<SmallVector<int64_t>> values = onnx::getConstantIntValues(axes);
  if (!values || values->size() != 1)
    return std::nullopt;
  int64_t axis = (*values)[0];
  return axis < 0 ? axis + rank : axis;
}

/// The rank of `value`, or -1 when it is not a ranked tensor.
int64_t rankOf(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type ? type.getRank() : -1;
}

/// `value` = Unsqueeze(x) inserting the dim `fromEnd` places from the end of
/// the result (1: last, 2: second to last): x, or null.
Value matchUnsqueeze(Value value, int64_t fromEnd) {
  auto unsqueeze = value.getDefiningOp<onnx::UnsqueezeOp>();
  if (!unsqueeze)
    return Value();
  int64_t rank = rankOf(value);
  std::optional<int64_t> axis = getSingleAxis(unsqueeze.getAxes(), rank);
  return rank > 0 && axis && *axis == rank - fromEnd ? unsqueeze.getData()
                                                     : Value();
}

/// `value` = Squeeze(x) removing the dim `fromEnd` places from the end of x:
/// x, or null.
Value matchSqueeze(Value value, int64_t fromEnd) {
  auto squeeze = value.getDefiningOp<onnx::SqueezeOp>();
  if (!squeeze || isa<NoneType>(squeeze.getAxes().getType()))
    return Value();
  int64_t rank = rankOf(squeeze.getData());
  std::optional<int64_t> axis = getSingleAxis(squeeze.getAxes(), rank);
  return rank > 0 && axis && *axis == rank - fromEnd ? squeeze.getData()
                                                     : Value();
}

/// `x` rounded to the float type `type`.
double roundTo(double x, Type type) {
  APFloat value(x);
  bool losesInfo = false;
  value.convert(cast<FloatType>(type).getFloatSemantics(),
                APFloat::rmNearestTiesToEven, &losesInfo);
  return value.convertToDouble();
}

/// The value of a float splat computed from constants by Sqrt, Reciprocal,
/// Mul, Div and Casts (ONNX's body spells 1/sqrt(Dk) that way), each result
/// rounded to its element type as the graph would compute it. Sqrt and
/// division rounded from double are correctly rounded in f32.
std::optional<double> evaluateSplat(Value value, int depth = 0) {
  Type element = getElementTypeOrSelf(value.getType());
  if (!isa<FloatType>(element) || depth > 8)
    return std::nullopt;
  DenseElementsAttr attr;
  if (matchPattern(value, m_Constant(&attr)))
    return attr.isSplat()
               ? std::optional(attr.getSplatValue<APFloat>().convertToDouble())
               : std::nullopt;
  Operation *def = value.getDefiningOp();
  if (!def)
    return std::nullopt;
  auto operand = [&](unsigned i) {
    return evaluateSplat(def->getOperand(i), depth + 1);
  };
  std::optional<double> a = operand(0);
  if (!a)
    return std::nullopt;
  if (isa<onnx::CastOp, onnx::CastLikeOp>(def))
    return roundTo(*a, element);
  if (isa<onnx::SqrtOp>(def))
    return roundTo(std::sqrt(*a), element);
  if (isa<onnx::ReciprocalOp>(def))
    return roundTo(1.0 / *a, element);
  if (isa<onnx::MulOp, onnx::DivOp>(def)) {
    std::optional<double> b = operand(1);
    if (!b)
      return std::nullopt;
    return roundTo(isa<onnx::MulOp>(def) ? *a * *b : *a / *b, element);
  }
  return std::nullopt;
}

/// Whether `value` is a constant tensor of zeros (a dense splat or a
/// ConstantOfShape of zero, whose default value is 0).
bool isZeros(Value value) {
  DenseFPElementsAttr attr;
  if (matchPattern(value, m_Constant(&attr)))
    return attr.isSplat() && attr.getSplatValue<APFloat>().isZero();
  auto fill = value.getDefiningOp<onnx::ConstantOfShapeOp>();
  if (!fill)
    return false;
  std::optional<ElementsAttr> fillValue = fill.getValue();
  if (!fillValue)
    return true;
  auto dense = dyn_cast<DenseFPElementsAttr>(*fillValue);
  return dense && dense.getNumElements() == 1 &&
         (*dense.value_begin<APFloat>()).isZero();
}

//===----------------------------------------------------------------------===//
// The Scan matcher
//===----------------------------------------------------------------------===//

/// Everything needed to build the attn.linear_attention that replaces a Scan.
struct LinearAttentionMatch {
  UpdateRule rule = UpdateRule::Linear;
  /// Indices into the Scan's scan inputs.
  unsigned query = 0, key = 0, value = 0;
  std::optional<unsigned> decay, beta;
  /// The initial state before exact widening Casts, or null for zeros.
  Value pastState;
  double scale = 1.0;
  /// The op's element type: the element type of the Scan's output.
  Type elementType;
};

class ScanMatcher {
public:
  explicit ScanMatcher(onnx::ScanOp scan) : scan(scan) {}

  FailureOr<LinearAttentionMatch> match(std::string &reason);

private:
  LogicalResult fail(const Twine &why) {
    *reason = why.str();
    return failure();
  }

  /// The scan input that `value` (after widening Casts) is the per-token
  /// slice of.
  std::optional<unsigned> getSlot(Value value) const;
  bool hasSliceShape(unsigned slot, ArrayRef<int64_t> shape) const;
  /// Whether slice `slot` broadcasts per (batch, head) against B x H with a
  /// last dim of `last`: (B|1) x (H|1) x last.
  bool isPerHeadSlice(unsigned slot, int64_t heads, int64_t last) const;

  LogicalResult matchSignature();
  LogicalResult matchDecay(Value decayed);
  LogicalResult matchOuterProduct(Value outer);
  LogicalResult matchDelta(Value written);
  LogicalResult matchUpdate();
  LogicalResult matchReadout();
  LogicalResult matchInitialAndFinalState();

  onnx::ScanOp scan;
  std::string *reason = nullptr;
  LinearAttentionMatch result;
  Block *body = nullptr;
  BlockArgument state;
  /// Dims of the state: B, Hkv, Dk, Dv.
  int64_t batch = 0, kvHeads = 0, keyDim = 0, valueDim = 0;
  /// The state after this token's update (the yielded state) and before.
  Value next, decayed;
};

std::optional<unsigned> ScanMatcher::getSlot(Value value) const {
  auto argument = dyn_cast<BlockArgument>(stripWideningCasts(value));
  if (!argument || argument.getOwner() != body || argument.getArgNumber() < 1)
    return std::nullopt;
  return argument.getArgNumber() - 1;
}

bool ScanMatcher::hasSliceShape(unsigned slot, ArrayRef<int64_t> shape) const {
  auto type = cast<RankedTensorType>(body->getArgument(slot + 1).getType());
  return type.getShape() == shape;
}

bool ScanMatcher::isPerHeadSlice(unsigned slot, int64_t heads,
                                 int64_t last) const {
  auto type = cast<RankedTensorType>(body->getArgument(slot + 1).getType());
  if (type.getRank() != 3)
    return false;
  ArrayRef<int64_t> shape = type.getShape();
  return (shape[0] == batch || shape[0] == 1) &&
         (shape[1] == heads || shape[1] == 1) && shape[2] == last;
}

LogicalResult ScanMatcher::matchSignature() {
  if (scan.getNumStates() != 1 || scan->getNumResults() != 2)
    return fail("it does not carry one state and produce one scan output");
  auto allZero = [](std::optional<ArrayRef<int64_t>> values) {
    return !values || llvm::all_of(*values, [](int64_t v) { return v == 0; });
  };
  if (!allZero(scan.getScanInputAxes()) || !allZero(scan.getScanOutputAxes()))
    return fail("it scans along an axis other than 0");
  if (!allZero(scan.getScanInputDirections()) ||
      !allZero(scan.getScanOutputDirections()))
    return fail("it scans in reverse");
  body = &scan.getBody().front();
  state = body->getArgument(0);
  auto stateType = dyn_cast<RankedTensorType>(state.getType());
  if (!stateType || stateType.getRank() != 4 || !stateType.hasStaticShape() ||
      !stateType.getElementType().isF32())
    return fail("its state is not a static B x Hkv x Dk x Dv tensor of f32");
  if (llvm::is_contained(stateType.getShape(), 0))
    return fail("its state is empty");
  batch = stateType.getDimSize(0);
  kvHeads = stateType.getDimSize(1);
  keyDim = stateType.getDimSize(2);
  valueDim = stateType.getDimSize(3);
  if (scan->getOperand(0).getType() != stateType ||
      scan->getResult(0).getType() != stateType)
    return fail("its initial and final states do not have the body's state "
                "type");
  for (BlockArgument slice : body->getArguments().drop_front()) {
    auto sliceType = dyn_cast<RankedTensorType>(slice.getType());
    if (!sliceType || !sliceType.hasStaticShape())
      return fail("a per-token slice has a dynamic shape");
  }
  onnx::YieldOp yield = scan.getYield();
  next = yield.getOperand(0);
  return success();
}

/// decayed = state, or state * Unsqueeze(Exp(decay_t), -1) in either order,
/// with decay_t one value per head or per key channel.
LogicalResult ScanMatcher::matchDecay(Value decayedState) {
  decayed = decayedState;
  if (decayed == state)
    return success();
  auto mul = decayed.getDefiningOp<onnx::MulOp>();
  if (!mul || mul.getType() != state.getType())
    return fail("the state is updated from a value that is neither the state "
                "nor the state times exp(decay)");
  Value factor = mul->getOperand(0) == state   ? mul->getOperand(1)
                 : mul->getOperand(1) == state ? mul->getOperand(0)
                                               : Value();
  if (!factor)
    return fail("the decay multiplies something other than the carried "
                "state");
  // Unsqueeze(Exp(d), -1) or Exp(Unsqueeze(d, -1)), with exact Casts.
  bool exponentiated = false;
  Value column = stripWideningCasts(factor);
  // The op takes exp in f32: an Exp in a narrower type rounds differently.
  auto isF32Exp = [](onnx::ExpOp exp) { return exp && isF32Tensor(exp); };
  if (auto exp = column.getDefiningOp<onnx::ExpOp>()) {
    if (!isF32Exp(exp))
      return fail("the decay is exponentiated in a type narrower than f32");
    exponentiated = true;
    column = stripWideningCasts(exp->getOperand(0));
  }
  Value perRow = matchUnsqueeze(column, 1);
  if (!perRow)
    return fail("the decay factor is not a column (Unsqueeze on the last "
                "axis) scaling each key row of the state");
  perRow = stripWideningCasts(perRow);
  if (auto exp = perRow.getDefiningOp<onnx::ExpOp>()) {
    if (exponentiated)
      return fail("the decay factor is exp(exp(decay))");
    if (!isF32Exp(exp))
      return fail("the decay is exponentiated in a type narrower than f32");
    exponentiated = true;
    perRow = exp->getOperand(0);
  }
  std::optional<unsigned> slot = getSlot(perRow);
  if (!slot)
    return fail("the decay factor is not computed from a per-token scan "
                "input");
  if (!exponentiated)
    return fail("the state is multiplied by the decay itself, but "
                "attn.linear_attention's decay is log-space (the state "
                "must be scaled by exp(decay))");
  if (!isPerHeadSlice(*slot, kvHeads, keyDim) &&
      !isPerHeadSlice(*slot, kvHeads, 1))
    return fail("the decay is neither one value per KV head nor one per key "
                "channel");
  result.decay = slot;
  return success();
}

/// outer = Unsqueeze(k_t, -1) @ Unsqueeze(w, -2); sets the key slot and
/// matches w (the value, or the delta rule's correction).
LogicalResult ScanMatcher::matchOuterProduct(Value outer) {
  auto matmul = outer.getDefiningOp<onnx::MatMulOp>();
  if (!matmul || matmul.getType() != state.getType())
    return fail("the state update is not an outer product k v^T of the "
                "state's shape");
  Value keyColumn = matchUnsqueeze(matmul->getOperand(0), 1);
  Value written = matchUnsqueeze(matmul->getOperand(1), 2);
  if (!keyColumn || !written)
    return fail("the state update is not Unsqueeze(k, -1) @ Unsqueeze(w, -2)");
  std::optional<unsigned> key = getSlot(keyColumn);
  if (!key || !hasSliceShape(*key, {batch, kvHeads, keyDim}))
    return fail("the outer product's key is not a B x Hkv x Dk per-token "
                "slice");
  result.key = *key;
  if (std::optional<unsigned> value = getSlot(written)) {
    if (!hasSliceShape(*value, {batch, kvHeads, valueDim}))
      return fail("the written value is not a B x Hkv x Dv per-token slice");
    result.value = *value;
    return success();
  }
  return matchDelta(stripWideningCasts(written));
}

/// w = beta_t * (v_t - Squeeze(Transpose(D) @ Unsqueeze(k_t, -1), -1)) (or
/// the retrieval as Squeeze(Unsqueeze(k_t, -2) @ D, -2)), D the decayed
/// state.
LogicalResult ScanMatcher::matchDelta(Value written) {
  auto mul = written.getDefiningOp<onnx::MulOp>();
  if (!mul)
    return fail("the written value is neither v_t nor beta_t * (v_t - S^T "
                "k_t)");
  auto sub = mul->getOperand(1).getDefiningOp<onnx::SubOp>();
  Value betaValue = mul->getOperand(0);
  if (!sub) {
    sub = mul->getOperand(0).getDefiningOp<onnx::SubOp>();
    betaValue = mul->getOperand(1);
  }
  if (!sub || sub.getType() != written.getType())
    return fail("the written value is not beta_t * (v_t - S^T k_t)");
  std::optional<unsigned> beta = getSlot(betaValue);
  if (!beta)
    return fail("beta is not a per-token scan input");
  if (!isPerHeadSlice(*beta, kvHeads, 1))
    return fail("beta is not one value per KV head and token");

  std::optional<unsigned> value = getSlot(sub->getOperand(0));
  Value retrieval = sub->getOperand(1);
  if (!value) {
    if (getSlot(sub->getOperand(1)))
      return fail("the delta is S^T k_t - v_t, not v_t - S^T k_t");
    return fail("the delta does not subtract from a per-token value slice");
  }
  if (!hasSliceShape(*value, {batch, kvHeads, valueDim}))
    return fail("the delta's value is not a B x Hkv x Dv per-token slice");

  // S^T k as Squeeze(Transpose(S) @ Unsqueeze(k, -1), -1) or as
  // Squeeze(Unsqueeze(k, -2) @ S, -2).
  Value read, keyOperand;
  if (Value product = matchSqueeze(retrieval, 1)) {
    auto matmul = product.getDefiningOp<onnx::MatMulOp>();
    auto transpose =
        matmul ? matmul->getOperand(0).getDefiningOp<onnx::TransposeOp>()
               : onnx::TransposeOp();
    if (transpose && transpose.getPerm() &&
        llvm::equal(*transpose.getPerm(), ArrayRef<int64_t>{0, 1, 3, 2})) {
      read = transpose.getData();
      keyOperand = matchUnsqueeze(matmul->getOperand(1), 1);
    }
  } else if (Value product = matchSqueeze(retrieval, 2)) {
    if (auto matmul = product.getDefiningOp<onnx::MatMulOp>()) {
      read = matmul->getOperand(1);
      keyOperand = matchUnsqueeze(matmul->getOperand(0), 2);
    }
  }
  if (!read || !keyOperand)
    return fail("the delta's retrieval is not S^T k_t");
  std::optional<unsigned> key = getSlot(keyOperand);
  if (!key || *key != result.key)
    return fail("the delta's retrieval reads another key than the update");
  if (read != decayed)
    return fail(read == state
                    ? "the delta's retrieval reads the state before the "
                      "decay, but attn.linear_attention decays first"
                    : "the delta's retrieval does not read the decayed state");
  result.value = *value;
  result.beta = beta;
  return success();
}

/// next = Add(D, outer) in either order.
LogicalResult ScanMatcher::matchUpdate() {
  auto add = next.getDefiningOp<onnx::AddOp>();
  if (!add || add.getType() != state.getType())
    return fail("the next state is not an Add of the state and an outer "
                "product");
  for (unsigned outerIndex : {1u, 0u}) {
    Value outer = add->getOperand(outerIndex);
    if (!outer.getDefiningOp<onnx::MatMulOp>())
      continue;
    if (failed(matchDecay(add->getOperand(1 - outerIndex))) ||
        failed(matchOuterProduct(outer)))
      return failure();
    bool gated = result.decay.has_value(), delta = result.beta.has_value();
    result.rule = gated ? (delta ? UpdateRule::GatedDelta : UpdateRule::Gated)
                        : (delta ? UpdateRule::Delta : UpdateRule::Linear);
    return success();
  }
  return fail("the next state adds no outer product k v^T");
}

/// o_t = Cast(scale * Squeeze(Unsqueeze(q_t, -2) @ R, -2)), the scale on the
/// read-out or on q_t, R the updated state or its GQA repetition.
LogicalResult ScanMatcher::matchReadout() {
  Value output = scan.getYield().getOperand(1);
  result.elementType = getElementTypeOrSelf(output.getType());
  if (!isa<Float32Type, Float16Type, BFloat16Type>(result.elementType))
    return fail("the output is not f32, f16 or bf16");
  // One rounding Cast from the f32 read-out to the output's type.
  if (Operation *def = output.getDefiningOp())
    if (isa<onnx::CastOp, onnx::CastLikeOp>(def) &&
        isF32Tensor(def->getOperand(0)))
      output = def->getOperand(0);
  if (!isF32Tensor(output))
    return fail("the output is not read out in f32");

  // A Mul by a float splat that does not widen the other operand, in f32
  // like the op's scaling.
  auto peelScale = [&](Value value) {
    auto mul = value.getDefiningOp<onnx::MulOp>();
    if (!mul || !isF32Tensor(mul))
      return value;
    for (unsigned i : {0u, 1u}) {
      Value other = mul->getOperand(1 - i);
      if (other.getType() != mul.getType())
        continue;
      if (std::optional<double> factor = evaluateSplat(mul->getOperand(i))) {
        result.scale *= *factor;
        return other;
      }
    }
    return value;
  };
  Value product = matchSqueeze(peelScale(output), 2);
  auto matmul =
      product ? product.getDefiningOp<onnx::MatMulOp>() : onnx::MatMulOp();
  Value queryRow = matmul ? matchUnsqueeze(matmul->getOperand(0), 2) : Value();
  if (!queryRow)
    return fail("the output is not Squeeze(Unsqueeze(q_t, -2) @ S, -2)");
  std::optional<unsigned> query =
      getSlot(peelScale(stripWideningCasts(queryRow)));
  if (!query)
    return fail("the output does not read a per-token query slice");
  auto queryType =
      cast<RankedTensorType>(body->getArgument(*query + 1).getType());
  int64_t queryHeads = queryType.getRank() == 3 ? queryType.getDimSize(1) : 0;
  if (!hasSliceShape(*query, {batch, queryHeads, keyDim}) ||
      queryHeads % kvHeads != 0)
    return fail("the query slice is not B x Hq x Dk with Hq a multiple of "
                "Hkv");
  if (!(result.scale > 0.0))
    return fail("the output scale is not positive");
  result.query = *query;
  auto queryInput = cast<RankedTensorType>(
      scan->getOperand(scan.getNumStates() + *query).getType());
  auto expectedOutput = RankedTensorType::get(
      {queryInput.getDimSize(0), batch, queryHeads, valueDim},
      result.elementType);
  if (scan->getResult(1).getType() != expectedOutput)
    return fail("the scan output is not T x B x Hq x Dv");

  // The state read: the updated state itself (same heads, or one KV head
  // that MatMul broadcasts to all query heads), or its grouped repetition.
  Value read = matmul->getOperand(1);
  if (read == next)
    return queryHeads == kvHeads || kvHeads == 1
               ? success()
               : fail("the query and state head counts do not broadcast");
  if (read == state || read == decayed)
    return fail("the output reads the state before this token's update, but "
                "attn.linear_attention reads the updated state");
  std::string nearMiss;
  std::optional<HeadRepetition> repetition =
      matchHeadRepetition(read, &nearMiss);
  if (!repetition && !nearMiss.empty())
    return fail("the output reads the state through a head repetition that "
                "is not exact: " +
                nearMiss);
  if (!repetition || repetition->source != next)
    return fail("the output does not read the updated state");
  if (!repetition->grouped)
    return fail("the output reads the state heads tiled (" +
                repetition->spelling +
                "): query head h reads state head h % Hkv, but "
                "attn.linear_attention maps it to h / (Hq / Hkv)");
  if (cast<RankedTensorType>(read.getType()).getDimSize(1) != queryHeads)
    return fail("the repeated state does not have one head per query head");
  return success();
}

/// The initial state is zeros or the past state widened exactly; the final
/// state is read in f32 only when the op computes in f32, otherwise only
/// through Casts to the op's element type (which present_state has).
LogicalResult ScanMatcher::matchInitialAndFinalState() {
  Value initial = scan->getOperand(0);
  if (!isZeros(initial))
    result.pastState = stripWideningCasts(initial);
  if (result.elementType.isF32())
    return success();
  Type presentType =
      cast<RankedTensorType>(state.getType()).clone(result.elementType);
  for (Operation *user : scan->getResult(0).getUsers())
    if (!isa<onnx::CastOp, onnx::CastLikeOp>(user) ||
        user->getResult(0).getType() != presentType)
      return fail("the final f32 state is read other than through a Cast to "
                  "the output's element type");
  return success();
}

FailureOr<LinearAttentionMatch> ScanMatcher::match(std::string &why) {
  reason = &why;
  if (failed(matchSignature()) || failed(matchUpdate()) ||
      failed(matchReadout()) || failed(matchInitialAndFinalState()))
    return failure();
  // q, k and v must reach the op in its element type: exact widening to an
  // f32 op is inserted, rounding to a narrower one is not the graph's math.
  for (unsigned slot : {result.query, result.key, result.value}) {
    Type source = getElementTypeOrSelf(body->getArgument(slot + 1).getType());
    if (source != result.elementType && !result.elementType.isF32()) {
      (void)fail("q, k and v are not in the output's element type");
      return failure();
    }
  }
  return result;
}

//===----------------------------------------------------------------------===//
// The rewrite
//===----------------------------------------------------------------------===//

/// Transpose(x, perm), composed with x's own Transpose when it has one, and
/// x itself when the permutation is the identity.
Value buildTranspose(PatternRewriter &rewriter, Location loc, Value x,
                     ArrayRef<int64_t> perm) {
  SmallVector<int64_t> composed(perm);
  if (auto inner = x.getDefiningOp<onnx::TransposeOp>()) {
    if (std::optional<ArrayRef<int64_t>> innerPerm = inner.getPerm()) {
      for (auto [i, p] : llvm::enumerate(perm))
        composed[i] = (*innerPerm)[p];
      x = inner.getData();
    }
  }
  if (llvm::equal(composed, llvm::seq<int64_t>(0, composed.size())))
    return x;
  return onnx::TransposeOp::create(rewriter, loc, x,
                                   rewriter.getDenseI64ArrayAttr(composed));
}

Value buildI64Constant(PatternRewriter &rewriter, Location loc,
                       ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    rewriter.getI64Type());
  return onnx::ConstantOp::create(rewriter, loc,
                                  DenseElementsAttr::get(type, values));
}

/// T x B' x H' x C (B', H' possibly 1) -> B x H x T x C, or B x H x T when
/// `dropLast` (C = 1).
Value buildHeadMajor(PatternRewriter &rewriter, Location loc, Value scanInput,
                     int64_t batch, int64_t heads, bool dropLast) {
  Value x = buildTranspose(rewriter, loc, scanInput, {1, 2, 0, 3});
  if (dropLast)
    x = onnx::SqueezeOp::create(rewriter, loc, x,
                                buildI64Constant(rewriter, loc, {3}));
  auto type = cast<RankedTensorType>(x.getType());
  if (type.getDimSize(0) == batch && type.getDimSize(1) == heads)
    return x;
  SmallVector<int64_t> shape = {batch, heads, 1};
  if (!dropLast)
    shape.push_back(type.getDimSize(3));
  return onnx::ExpandOp::create(rewriter, loc, x,
                                buildI64Constant(rewriter, loc, shape));
}

/// A q or k scan input (T x B x H x D) that is `Transpose(repeated, perm)`
/// (or `repeated` itself), with `repeated` a head repetition.
struct RepeatedScanInput {
  HeadRepetition repetition;
  SmallVector<int64_t> perm;
  int64_t sourceHeads = 0;
};

/// The repetition behind `scanInput`, seen through the exporter's
/// Transpose; `nearMiss` receives why a repetition-like spelling is not one.
std::optional<RepeatedScanInput> matchRepeatedScanInput(Value scanInput,
                                                        std::string &nearMiss) {
  RepeatedScanInput result;
  result.perm = {0, 1, 2, 3};
  Value repeated = scanInput;
  if (auto transpose = scanInput.getDefiningOp<onnx::TransposeOp>()) {
    if (!transpose.getPerm())
      return std::nullopt;
    result.perm.assign(transpose.getPerm()->begin(),
                       transpose.getPerm()->end());
    repeated = transpose.getData();
  }
  // The scan input's head dim (2) is dim perm[2] of the repetition.
  std::optional<HeadRepetition> repetition =
      matchHeadRepetition(repeated, &nearMiss, result.perm[2]);
  if (!repetition)
    return std::nullopt;
  result.repetition = *repetition;
  result.sourceHeads = cast<RankedTensorType>(repetition->source.getType())
                           .getDimSize(result.perm[2]);
  return result;
}

/// Which of q and k the op reads unrepeated.
struct AbsorbedRepetitions {
  std::optional<RepeatedScanInput> query, key;
  /// Why a repetition of q or k stays, for remarks; empty when none does.
  std::string kept;
};

/// Decides which repetitions of q and k the op absorbs: k's when it is
/// grouped (state head h reads key head h / G, the op's mapping), and q's
/// when it repeats q exactly like k (then Hq = Hk and output head h reads
/// query head h / G). A q repeated any other way keeps both.
AbsorbedRepetitions absorbRepetitions(Value queryInput, Value keyInput,
                                      int64_t stateHeads) {
  AbsorbedRepetitions result;
  std::string queryNearMiss, keyNearMiss;
  std::optional<RepeatedScanInput> query =
      matchRepeatedScanInput(queryInput, queryNearMiss);
  std::optional<RepeatedScanInput> key =
      matchRepeatedScanInput(keyInput, keyNearMiss);
  const char *kept = ": attn.linear_attention reads the repeated heads";
  if (!key) {
    if (!keyNearMiss.empty())
      result.kept = "k heads look repeated, but " + keyNearMiss + kept;
    else if (query)
      result.kept = "only q heads are repeated (by " +
                    query->repetition.spelling + "), not k's" + kept;
    return result;
  }
  if (!key->repetition.grouped) {
    result.kept = "k heads are repeated by " + key->repetition.spelling +
                  ", which gives state head h the key head h % Hk, not "
                  "attn.linear_attention's h / (Hv / Hk)" +
                  kept;
    return result;
  }
  if (!query) {
    if (!queryNearMiss.empty()) {
      result.kept = "q heads look repeated, but " + queryNearMiss + kept;
      return result;
    }
    result.key = key;
    return result;
  }
  int64_t queryHeads =
      cast<RankedTensorType>(queryInput.getType()).getDimSize(2);
  if (!query->repetition.grouped || queryHeads != stateHeads ||
      query->sourceHeads != key->sourceHeads) {
    result.kept = "q and k heads are repeated differently (q by " +
                  query->repetition.spelling + " from " +
                  std::to_string(query->sourceHeads) + " to " +
                  std::to_string(queryHeads) + " heads, k by " +
                  key->repetition.spelling + " from " +
                  std::to_string(key->sourceHeads) + " to " +
                  std::to_string(stateHeads) + ")" + kept;
    return result;
  }
  result.query = query;
  result.key = key;
  return result;
}

/// The permutation from the op's B x Hq x T x Dv output to the Scan's
/// T x B x Hq x Dv.
constexpr int64_t kTokenMajor[] = {2, 0, 1, 3};

struct RaiseLinearAttentionScan : OpRewritePattern<onnx::ScanOp> {
  RaiseLinearAttentionScan(MLIRContext *context, bool remarks)
      : OpRewritePattern(context), remarks(remarks) {}

  LogicalResult matchAndRewrite(onnx::ScanOp scan,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    ScanMatcher matcher(scan);
    FailureOr<LinearAttentionMatch> match = matcher.match(reason);
    if (failed(match))
      return rewriter.notifyMatchFailure(scan, reason);
    Location loc = scan.getLoc();
    auto stateType = cast<RankedTensorType>(scan->getOperand(0).getType());
    int64_t batch = stateType.getDimSize(0), kvHeads = stateType.getDimSize(1);
    ValueRange scanInputs = scan->getOperands().drop_front(scan.getNumStates());
    Block &body = scan.getBody().front();
    auto sliceType = [&](unsigned slot) {
      return cast<RankedTensorType>(body.getArgument(slot + 1).getType());
    };

    auto headMajor = [&](unsigned slot, int64_t heads, bool dropLast) {
      return buildHeadMajor(rewriter, loc, scanInputs[slot], batch, heads,
                            dropLast);
    };
    AbsorbedRepetitions absorbed = absorbRepetitions(
        scanInputs[match->query], scanInputs[match->key], kvHeads);
    if (remarks && !absorbed.kept.empty())
      scan.emitRemark() << absorbed.kept;
    // q, k, v in the op's type (only exact widening to f32 gets here); q
    // and k from before an absorbed repetition.
    auto operand = [&](unsigned slot,
                       const std::optional<RepeatedScanInput> &repeated) {
      Value x;
      if (repeated) {
        // The scan input's Transpose applied to the source, then to
        // head-major order.
        ArrayRef<int64_t> perm = repeated->perm;
        x = buildTranspose(rewriter, loc, repeated->repetition.source,
                           {perm[1], perm[2], perm[0], perm[3]});
      } else {
        x = headMajor(slot, sliceType(slot).getDimSize(1), false);
      }
      if (getElementTypeOrSelf(x.getType()) == match->elementType)
        return x;
      auto type = cast<RankedTensorType>(x.getType());
      return Value(onnx::CastOp::create(
          rewriter, loc, type.clone(match->elementType), x, /*to=f32*/ 1));
    };
    Value query = operand(match->query, absorbed.query);
    Value key = operand(match->key, absorbed.key);
    Value value = operand(match->value, std::nullopt);
    Value decay, beta;
    if (match->decay) {
      // One decay per key channel, or one per head (a last dim of 1).
      bool perHead = sliceType(*match->decay).getDimSize(2) == 1;
      decay = headMajor(*match->decay, kvHeads, perHead);
    }
    if (match->beta)
      beta = headMajor(*match->beta, kvHeads, /*dropLast=*/true);

    // The Scan's output heads (the op's, with or without the repetitions).
    auto queryType = sliceType(match->query);
    auto valueType = cast<RankedTensorType>(value.getType());
    auto outputType = RankedTensorType::get({batch, queryType.getDimSize(1),
                                             valueType.getDimSize(2),
                                             valueType.getDimSize(3)},
                                            match->elementType);
    auto presentType = stateType.clone(match->elementType);
    auto linear = LinearAttentionOp::create(
        rewriter, loc, outputType, presentType, query, key, value,
        match->pastState, decay, beta,
        UpdateRuleAttr::get(rewriter.getContext(), match->rule),
        rewriter.getF64FloatAttr(match->scale), IntegerAttr());

    // The final state: directly, or instead of its Casts to the op's type.
    Value finalState = scan->getResult(0);
    if (match->elementType.isF32()) {
      rewriter.replaceAllUsesWith(finalState, linear.getPresentState());
    } else {
      for (Operation *cast : llvm::to_vector(finalState.getUsers()))
        rewriter.replaceOp(cast, linear.getPresentState());
    }
    // The output, B x Hq x T x Dv, token-major for the Scan's users; a user
    // Transpose composes with that permutation.
    Value output = scan->getResult(1);
    for (Operation *user : llvm::to_vector(output.getUsers())) {
      auto transpose = dyn_cast<onnx::TransposeOp>(user);
      if (!transpose || !transpose.getPerm())
        continue;
      rewriter.setInsertionPoint(transpose);
      ArrayRef<int64_t> userPerm = *transpose.getPerm();
      SmallVector<int64_t> perm;
      for (int64_t p : userPerm)
        perm.push_back(kTokenMajor[p]);
      rewriter.replaceOp(
          transpose, buildTranspose(rewriter, loc, linear.getOutput(), perm));
    }
    if (!output.use_empty()) {
      rewriter.setInsertionPointAfter(linear);
      rewriter.replaceAllUsesWith(
          output,
          buildTranspose(rewriter, loc, linear.getOutput(), kTokenMajor));
    }
    rewriter.eraseOp(scan);
    return success();
  }

  /// Whether to say why q or k is read with the heads the graph repeated.
  bool remarks;
};

} // namespace

void mlir::attn::populateLinearAttentionRaisingPatterns(
    RewritePatternSet &patterns, bool remarks) {
  patterns.add<RaiseLinearAttentionScan>(patterns.getContext(), remarks);
}

std::optional<std::string>
mlir::attn::explainUnraisedLinearAttention(Operation *op) {
  auto scan = dyn_cast<onnx::ScanOp>(op);
  if (!scan || scan.getNumStates() != 1)
    return std::nullopt;
  auto stateType = dyn_cast<RankedTensorType>(scan->getOperand(0).getType());
  if (!stateType || stateType.getRank() != 4)
    return std::nullopt;
  std::string reason;
  if (succeeded(ScanMatcher(scan).match(reason)))
    return std::nullopt;
  return reason;
}
