//===- RopeSpelling.cpp - Decomposed RoPE in the onnx dialect -------------===//
//
// Everything here works on channel ranges of one source tensor, so that the
// halves and pair members a spelling rotates can be compared with the
// channels it multiplies by cos however the exporter cut them (Slice of the
// whole head, Slice of a sliced prefix, Split).
//
//===----------------------------------------------------------------------===//

#include "RopeSpelling.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::attn;

namespace {

RankedTensorType getStaticType(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && type.hasStaticShape() ? type : RankedTensorType();
}

bool isLastAxis(int64_t axis, int64_t rank) {
  return axis == -1 || axis == rank - 1;
}

/// A Slice of one axis, the last: its first index, element count and step.
struct LastAxisSlice {
  int64_t first, count, step;
};

std::optional<LastAxisSlice> getLastAxisSlice(onnx::SliceOp slice) {
  auto type = dyn_cast<RankedTensorType>(slice.getData().getType());
  if (!type || type.getRank() == 0 || type.isDynamicDim(type.getRank() - 1))
    return std::nullopt;
  std::optional<SmallVector<int64_t>> starts =
      onnx::getConstantIntValues(slice.getStarts());
  std::optional<SmallVector<int64_t>> ends =
      onnx::getConstantIntValues(slice.getEnds());
  if (!starts || !ends || starts->size() != 1 || ends->size() != 1)
    return std::nullopt;
  // Without axes the one entry slices axis 0.
  int64_t axis = 0, step = 1;
  if (!isa<NoneType>(slice.getAxes().getType())) {
    std::optional<SmallVector<int64_t>> axes =
        onnx::getConstantIntValues(slice.getAxes());
    if (!axes || axes->size() != 1)
      return std::nullopt;
    axis = axes->front();
  }
  if (!isa<NoneType>(slice.getSteps().getType())) {
    std::optional<SmallVector<int64_t>> steps =
        onnx::getConstantIntValues(slice.getSteps());
    if (!steps || steps->size() != 1)
      return std::nullopt;
    step = steps->front();
  }
  if (!isLastAxis(axis, type.getRank()) || step <= 0)
    return std::nullopt;
  auto [first, count] = onnx::SliceOp::normalizeRange(
      type.getShape().back(), starts->front(), ends->front(), step);
  return LastAxisSlice{first, count, step};
}

/// `value` without a Neg on it; `negated` says whether there was one.
Value stripNeg(Value value, bool &negated) {
  auto neg = value.getDefiningOp<onnx::NegOp>();
  negated = static_cast<bool>(neg);
  return neg ? neg.getX() : value;
}

/// A Concat of two tensors on the last axis, or null.
onnx::ConcatOp getLastAxisPair(Value value) {
  auto concat = value.getDefiningOp<onnx::ConcatOp>();
  if (!concat || concat.getInputs().size() != 2)
    return {};
  int64_t rank = cast<RankedTensorType>(concat.getType()).getRank();
  return isLastAxis(concat.getAxis(), rank) ? concat : onnx::ConcatOp();
}

//===----------------------------------------------------------------------===//
// Pair members
//===----------------------------------------------------------------------===//

/// The first (`index` 0) or second member of every pair of the R channels
/// `pairs`, as a [..., R/2] tensor or, with `pairAxis`, a [..., R/2, 1] one.
struct PairMember {
  ChannelRange pairs;
  /// The R-wide value of `pairs`, or null when the spelling has none.
  Value pairsValue;
  int64_t index;
  bool pairAxis;
};

/// The R-wide value `view` is a [..., R/2, 2] Reshape of, or null.
Value getPairViewSource(Value view) {
  auto reshape = view.getDefiningOp<onnx::ReshapeOp>();
  RankedTensorType viewType = getStaticType(view);
  if (!reshape || !viewType || viewType.getRank() < 2)
    return {};
  RankedTensorType sourceType = getStaticType(reshape.getData());
  ArrayRef<int64_t> pairs = viewType.getShape();
  if (!sourceType || sourceType.getRank() + 1 != viewType.getRank() ||
      pairs.back() != 2 ||
      sourceType.getShape().back() != 2 * pairs[pairs.size() - 2] ||
      sourceType.getShape().drop_back() != pairs.drop_back(2))
    return {};
  return reshape.getData();
}

/// `x[..., parity::2]` of an even-width `x`: x, or null.
Value getStridedSource(Value value, int64_t &parity) {
  auto slice = value.getDefiningOp<onnx::SliceOp>();
  if (!slice)
    return {};
  std::optional<LastAxisSlice> cut = getLastAxisSlice(slice);
  int64_t width =
      cast<RankedTensorType>(slice.getData().getType()).getShape().back();
  if (!cut || cut->step != 2 || cut->first > 1 || width % 2 != 0 ||
      cut->count != width / 2)
    return {};
  parity = cut->first;
  return slice.getData();
}

/// Matches `member` (possibly negated: `negated` says so) as an interleaved
/// pair member: a size-1 Slice or Split of the pair view on its last axis,
/// a strided Slice, or an Unsqueeze of a strided Slice.
std::optional<PairMember> getPairMember(Value member, bool &negated) {
  member = stripNeg(member, negated);
  RankedTensorType type = getStaticType(member);
  if (!type || type.getRank() < 2)
    return std::nullopt;
  Value pairsValue;
  int64_t index = -1;
  bool pairAxis = type.getShape().back() == 1;
  if (auto slice = member.getDefiningOp<onnx::SliceOp>()) {
    std::optional<LastAxisSlice> cut = getLastAxisSlice(slice);
    if (cut && cut->step == 1 && cut->count == 1 && pairAxis) {
      pairsValue = getPairViewSource(slice.getData());
      index = cut->first;
    }
    if (!pairsValue) {
      pairsValue = getStridedSource(member, index);
      pairAxis = false;
    }
  } else if (auto split = member.getDefiningOp<onnx::SplitOp>()) {
    int64_t rank = cast<RankedTensorType>(split.getInput().getType()).getRank();
    if (isLastAxis(split.getAxis(), rank) && split.getNumResults() == 2 &&
        pairAxis) {
      pairsValue = getPairViewSource(split.getInput());
      index = cast<OpResult>(member).getResultNumber();
    }
  } else if (auto unsqueeze = member.getDefiningOp<onnx::UnsqueezeOp>()) {
    // Inserting a unit dim keeps the element order: the shapes say where.
    bool inner;
    Value strided = stripNeg(unsqueeze.getData(), inner);
    RankedTensorType stridedType = getStaticType(strided);
    if (pairAxis && stridedType &&
        stridedType.getShape() == type.getShape().drop_back()) {
      pairsValue = getStridedSource(strided, index);
      negated ^= inner;
    }
  }
  if (!pairsValue || index < 0 || index > 1)
    return std::nullopt;
  std::optional<ChannelRange> pairs = getChannelRange(pairsValue);
  int64_t half = type.getShape()[type.getRank() - (pairAxis ? 2 : 1)];
  if (!pairs || pairs->size() != 2 * half)
    return std::nullopt;
  return PairMember{*pairs, pairsValue, index, pairAxis};
}

/// The value both `a` and `b` were cut from by a Slice or one Split, if
/// its channels are `pairs`.
Value getCommonSource(Value a, Value b, const ChannelRange &pairs) {
  auto source = [](Value piece) -> Value {
    if (auto slice = piece.getDefiningOp<onnx::SliceOp>())
      return slice.getData();
    if (auto split = piece.getDefiningOp<onnx::SplitOp>())
      return split.getInput();
    return {};
  };
  Value common = source(a);
  if (!common || common != source(b))
    return {};
  std::optional<ChannelRange> range = getChannelRange(common);
  return range && *range == pairs ? common : Value();
}

/// Matches `a` and `b` as the first and second members of the same pairs:
/// the lower and upper halves of R channels (half_split), or pair members
/// (interleaved). Neither may be negated.
std::optional<std::pair<PairMember, RopeLayout>> matchMembers(Value a,
                                                              Value b) {
  if (a.getType() != b.getType() || a.getDefiningOp<onnx::NegOp>() ||
      b.getDefiningOp<onnx::NegOp>())
    return std::nullopt;
  bool negA, negB;
  std::optional<PairMember> first = getPairMember(a, negA);
  std::optional<PairMember> second = getPairMember(b, negB);
  if (first && second && !negA && !negB && first->index == 0 &&
      second->index == 1 && first->pairs == second->pairs)
    return std::pair(*first, RopeLayout::Interleaved);
  std::optional<ChannelRange> lower = getChannelRange(a);
  std::optional<ChannelRange> upper = getChannelRange(b);
  if (!lower || !upper || lower->source != upper->source ||
      lower->end != upper->begin || lower->size() != upper->size() ||
      lower->size() == 0)
    return std::nullopt;
  ChannelRange pairs{lower->source, lower->begin, upper->end};
  return std::pair(PairMember{pairs, getCommonSource(a, b, pairs), 0,
                              /*pairAxis=*/false},
                   RopeLayout::HalfSplit);
}

//===----------------------------------------------------------------------===//
// Rotate forms: x * cos + rotate(x) * sin
//===----------------------------------------------------------------------===//

/// What a rotate_half (or its interleaved equivalent) rotates.
struct Rotation {
  ChannelRange rotated;
  RopeLayout layout;
  bool inverse;
};

/// Half-split: `Concat(Neg(x2), x1)`, or `Concat(x2, Neg(x1))` for the
/// inverse, where x1 and x2 are the lower and upper halves of R channels.
FailureOr<Rotation> matchHalfSplitRotation(onnx::ConcatOp concat,
                                           std::string &reason) {
  bool neg0, neg1;
  Value first = stripNeg(concat.getInputs()[0], neg0);
  Value second = stripNeg(concat.getInputs()[1], neg1);
  if (neg0 == neg1)
    return reason = "the rotate_half negates " +
                    std::string(neg0 ? "both halves" : "neither half") +
                    " (expected Concat(Neg(x2), x1))",
           failure();
  std::optional<ChannelRange> upper = getChannelRange(first);
  std::optional<ChannelRange> lower = getChannelRange(second);
  if (!upper || !lower || upper->source != lower->source ||
      lower->end != upper->begin || lower->size() != upper->size() ||
      lower->size() == 0)
    return reason = "the rotate_half is not Concat(Neg(x2), x1) of the upper "
                    "and lower halves x2, x1 of one channel range",
           failure();
  return Rotation{{lower->source, lower->begin, upper->end},
                  RopeLayout::HalfSplit,
                  /*inverse=*/neg1};
}

/// Interleaved: `Reshape(Concat(Neg(b), a), [..., R])` of the pair members
/// (`Concat(b, Neg(a))` for the inverse).
FailureOr<Rotation> matchInterleavedRotation(onnx::ReshapeOp reshape,
                                             std::string &reason) {
  onnx::ConcatOp concat = getLastAxisPair(reshape.getData());
  if (!concat)
    return reason = "the rotation is not a Concat of the pair members "
                    "reshaped back",
           failure();
  bool neg0, neg1;
  std::optional<PairMember> second =
      getPairMember(concat.getInputs()[0], neg0);
  std::optional<PairMember> first = getPairMember(concat.getInputs()[1], neg1);
  if (!first || !second || !first->pairAxis || !second->pairAxis ||
      second->index != 1 || first->index != 0 || first->pairs != second->pairs)
    return reason = "the interleaved rotation is not Concat(Neg(b), a) of "
                    "the second and first members b, a of the same pairs",
           failure();
  if (neg0 == neg1)
    return reason = "the interleaved rotation negates " +
                    std::string(neg0 ? "both members" : "neither member") +
                    " of the pairs (expected Concat(Neg(b), a))",
           failure();
  auto type = cast<RankedTensorType>(reshape.getType());
  if (type.getShape().back() != first->pairs.size() ||
      type.getShape().drop_back() !=
          cast<RankedTensorType>(concat.getType()).getShape().drop_back(2))
    return reason = "the interleaved rotation is not reshaped back to the "
                    "rotated channels",
           failure();
  return Rotation{first->pairs, RopeLayout::Interleaved, /*inverse=*/neg1};
}

FailureOr<Rotation> matchRotation(Value rotation, std::string &reason) {
  if (onnx::ConcatOp concat = getLastAxisPair(rotation))
    return matchHalfSplitRotation(concat, reason);
  if (auto reshape = rotation.getDefiningOp<onnx::ReshapeOp>())
    return matchInterleavedRotation(reshape, reason);
  return reason = "neither product is a rotate_half (a Concat on the last "
                  "axis, or a Reshape of the pair view for interleaved pairs)",
         failure();
}

/// The two operand orders of a commutative binary op.
template <typename OpTy>
std::array<std::pair<Value, Value>, 2> orders(OpTy op) {
  return {std::pair(op.getA(), op.getB()), std::pair(op.getB(), op.getA())};
}

FailureOr<RopeSpelling> matchRotateForm(onnx::AddOp add,
                                        std::string &reason) {
  reason = "the Add is not x * cos + rotate(x) * sin";
  for (auto [cosTerm, sinTerm] : orders(add)) {
    auto cosMul = cosTerm.getDefiningOp<onnx::MulOp>();
    auto sinMul = sinTerm.getDefiningOp<onnx::MulOp>();
    if (!cosMul || !sinMul)
      continue;
    for (auto [rotated, sin] : orders(sinMul)) {
      std::string rotationReason;
      FailureOr<Rotation> rotation = matchRotation(rotated, rotationReason);
      if (failed(rotation)) {
        // Prefer the reason of an operand that looked like a rotation.
        bool negated = false;
        if (onnx::ConcatOp concat = getLastAxisPair(rotated))
          for (Value input : concat.getInputs())
            negated |= static_cast<bool>(input.getDefiningOp<onnx::NegOp>());
        if (negated || rotated.getDefiningOp<onnx::ReshapeOp>())
          reason = rotationReason;
        continue;
      }
      for (auto [input, cos] : orders(cosMul)) {
        std::optional<ChannelRange> range = getChannelRange(input);
        if (!range || *range != rotation->rotated) {
          reason = "the value multiplied by cos is not the channels the "
                   "rotation rotates";
          continue;
        }
        // Neither product may broadcast the rotated channels to more
        // elements, or the Add would not be a rotation of them.
        Type type = input.getType();
        if (rotated.getType() != type || cosMul.getType() != type ||
            sinMul.getType() != type || add.getType() != type)
          return reason = "cos or sin broadcasts the rotated channels to a "
                          "larger shape",
                 failure();
        return RopeSpelling{rotation->rotated, input, rotation->layout,
                            rotation->inverse, cos, sin,
                            /*perPairTables=*/false, /*pairAxis=*/false};
      }
    }
  }
  return failure();
}

//===----------------------------------------------------------------------===//
// Complex-product forms: (a + ib)(c + is)
//===----------------------------------------------------------------------===//

/// The operands of `product` (a Mul) in both orders, when it does not
/// broadcast its first operand.
SmallVector<std::pair<Value, Value>, 2> getFactorings(Value product) {
  SmallVector<std::pair<Value, Value>, 2> result;
  if (auto mul = product.getDefiningOp<onnx::MulOp>())
    for (auto [member, factor] : orders(mul))
      if (mul.getType() == member.getType())
        result.push_back({member, factor});
  return result;
}

/// The real and imaginary parts of the product, before they are put back
/// together.
FailureOr<RopeSpelling> matchComplexProduct(Value realValue, Value imagValue,
                                            std::string &reason) {
  reason = "the rotated channels are not Concat(a * c - b * s, a * s + b * c) "
           "of the first and second members a, b of the pairs";
  auto real = realValue.getDefiningOp<onnx::SubOp>();
  auto imag = imagValue.getDefiningOp<onnx::AddOp>();
  if (!real || !imag)
    return failure();
  for (std::pair<Value, Value> first : getFactorings(real.getA())) {
    for (std::pair<Value, Value> second : getFactorings(real.getB())) {
      Value a = first.first, cos = first.second;
      Value b = second.first, sin = second.second;
      std::optional<std::pair<PairMember, RopeLayout>> members =
          matchMembers(a, b);
      if (!members)
        continue;
      // The imaginary part reuses the same four values.
      bool imagMatches = llvm::any_of(orders(imag), [&](auto terms) {
        auto uses = [](Value product, Value x, Value y) {
          auto mul = product.getDefiningOp<onnx::MulOp>();
          return mul && ((mul.getA() == x && mul.getB() == y) ||
                         (mul.getA() == y && mul.getB() == x));
        };
        return uses(terms.first, a, sin) && uses(terms.second, b, cos);
      });
      if (!imagMatches) {
        reason = "the second member is not a * s + b * c with the cos and "
                 "sin of the first";
        continue;
      }
      if (real.getType() != a.getType() || imag.getType() != a.getType())
        return reason = "cos or sin broadcasts the pair members to a larger "
                        "shape",
               failure();
      auto [member, layout] = *members;
      return RopeSpelling{member.pairs, member.pairsValue, layout,
                          /*inverse=*/false, cos, sin,
                          /*perPairTables=*/true, member.pairAxis};
    }
  }
  return failure();
}

/// `value` or, when `unitTail` is its type with a trailing unit dim and
/// `value` is an Unsqueeze adding it, the Unsqueeze's input.
Value stripTrailingUnsqueeze(Value value) {
  auto unsqueeze = value.getDefiningOp<onnx::UnsqueezeOp>();
  RankedTensorType type = getStaticType(value);
  if (!unsqueeze || !type || type.getShape().back() != 1)
    return value;
  RankedTensorType inner = getStaticType(unsqueeze.getData());
  return inner && inner.getShape() == type.getShape().drop_back()
             ? unsqueeze.getData()
             : value;
}

/// Half-split: the Concat of the real and imaginary halves.
FailureOr<RopeSpelling> matchHalfSplitProduct(onnx::ConcatOp concat,
                                              std::string &reason) {
  FailureOr<RopeSpelling> spelling = matchComplexProduct(
      concat.getInputs()[0], concat.getInputs()[1], reason);
  if (failed(spelling))
    return failure();
  if (spelling->layout != RopeLayout::HalfSplit)
    return reason = "the products of pair members are concatenated without "
                    "reshaping them back",
           failure();
  return spelling;
}

/// Interleaved: the Reshape back of the Concat of both parts on a pair axis.
FailureOr<RopeSpelling> matchInterleavedProduct(onnx::ReshapeOp reshape,
                                                std::string &reason) {
  onnx::ConcatOp concat = getLastAxisPair(reshape.getData());
  if (!concat)
    return reason = "the Reshape is not of the real and imaginary parts "
                    "concatenated on a pair axis",
           failure();
  auto concatType = cast<RankedTensorType>(concat.getType());
  auto type = cast<RankedTensorType>(reshape.getType());
  if (concatType.getRank() < 2 || concatType.getShape().back() != 2 ||
      type.getShape().drop_back() != concatType.getShape().drop_back(2) ||
      type.getShape().back() != 2 * concatType.getShape().drop_back().back())
    return reason = "the Reshape does not merge a pair axis of 2 into the "
                    "last dim",
           failure();
  // Parts of strided members get the pair axis by an Unsqueeze.
  Value real = concat.getInputs()[0], imag = concat.getInputs()[1];
  if (getStaticType(real).getShape().back() == 1 &&
      !getStaticType(real).getShape().drop_back().empty()) {
    Value innerReal = stripTrailingUnsqueeze(real);
    Value innerImag = stripTrailingUnsqueeze(imag);
    if (innerReal != real && innerImag != imag) {
      real = innerReal;
      imag = innerImag;
    }
  }
  FailureOr<RopeSpelling> spelling = matchComplexProduct(real, imag, reason);
  if (failed(spelling))
    return failure();
  if (spelling->layout != RopeLayout::Interleaved)
    return reason = "the products of the halves are concatenated on a pair "
                    "axis",
           failure();
  if (spelling->rotated.size() != type.getShape().back())
    return reason = "the complex product is not reshaped back to the rotated "
                    "channels",
           failure();
  return spelling;
}

} // namespace

std::optional<ChannelRange> mlir::attn::getChannelRange(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || type.getRank() == 0 || type.isDynamicDim(type.getRank() - 1))
    return std::nullopt;
  int64_t width = type.getShape().back();
  if (auto slice = value.getDefiningOp<onnx::SliceOp>()) {
    std::optional<LastAxisSlice> cut = getLastAxisSlice(slice);
    if (cut && cut->step == 1) {
      if (std::optional<ChannelRange> inner =
              getChannelRange(slice.getData()))
        return ChannelRange{inner->source, inner->begin + cut->first,
                            inner->begin + cut->first + cut->count};
    }
  }
  if (auto split = value.getDefiningOp<onnx::SplitOp>()) {
    int64_t rank = type.getRank();
    if (isLastAxis(split.getAxis(), rank)) {
      // Each piece starts where the ones before it end.
      int64_t begin = 0;
      bool known = true;
      for (Value piece : split.getResults().take_front(
               cast<OpResult>(value).getResultNumber())) {
        auto pieceType = cast<RankedTensorType>(piece.getType());
        known &= !pieceType.isDynamicDim(rank - 1);
        begin += pieceType.getShape().back();
      }
      std::optional<ChannelRange> inner = getChannelRange(split.getInput());
      if (known && inner)
        return ChannelRange{inner->source, inner->begin + begin,
                            inner->begin + begin + width};
    }
  }
  return ChannelRange{value, 0, width};
}

FailureOr<RopeSpelling> mlir::attn::matchRopeSpelling(Operation *core,
                                                      std::string &reason) {
  if (auto add = dyn_cast<onnx::AddOp>(core))
    return matchRotateForm(add, reason);
  if (auto reshape = dyn_cast<onnx::ReshapeOp>(core))
    return matchInterleavedProduct(reshape, reason);
  if (auto concat = dyn_cast<onnx::ConcatOp>(core)) {
    if (!getLastAxisPair(concat))
      return reason = "not a Concat of two parts on the last axis", failure();
    return matchHalfSplitProduct(concat, reason);
  }
  return reason = "not an onnx.Add, onnx.Reshape or onnx.Concat", failure();
}
