//===- HeadRepetition.cpp - K/V heads repeated for GQA -------------------===//
//
// With the repetition written as a rank-5 intermediate, the axis the copies
// are made on decides the head order after the final Reshape to Hkv*G heads:
//
//   B x Hkv x G x A x C   (copies on axis 2)  ->  head h = source head h / G
//   B x G x Hkv x A x C   (copies on axis 1)  ->  head h = source head h % Hkv
//
// and likewise one axis later with the heads on dim 2 (B x A x Hkv x G x C,
// HF's repeat_interleave before the transpose to B x H x A x C).
//
// The copies are an Expand or a Concat of the Unsqueeze, a Tile of it that
// repeats only the inserted size-1 axis, or a Mul of it by ones that
// broadcasts only that axis (x * 1 is x exactly, -0, infinities and NaN
// included, so the Mul is an Expand; torch_lib's SDPA and some tracers
// write it). A Concat of copies or a Tile directly on the head axis of
// B x Hkv x A x C tiles the whole set (h % Hkv). With one KV head (MQA) or
// one copy both orders agree.
//
// Every condition is on static shapes and constants: the Reshape's result
// type fixes what it does (row-major order), however its shape operand is
// spelled (0, -1).
//
//===----------------------------------------------------------------------===//

#include "HeadRepetition.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Matchers.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::attn;

namespace {

RankedTensorType getStaticType(Value value, int64_t rank) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && type.hasStaticShape() && type.getRank() == rank
             ? type
             : RankedTensorType();
}

/// `AxBxC`, for remarks.
std::string formatShape(Value value) {
  std::string text;
  for (int64_t dim : cast<ShapedType>(value.getType()).getShape())
    text += (text.empty() ? "" : "x") +
            (ShapedType::isDynamic(dim) ? std::string("?")
                                        : std::to_string(dim));
  return text;
}

/// The single constant axis of an Unsqueeze, normalised against its rank-5
/// result; nullopt otherwise.
std::optional<int64_t> getUnsqueezeAxis(onnx::UnsqueezeOp unsqueeze) {
  DenseIntElementsAttr axes;
  if (!matchPattern(unsqueeze.getAxes(), m_Constant(&axes)) ||
      axes.getNumElements() != 1)
    return std::nullopt;
  int64_t axis = (*axes.begin()).getSExtValue();
  return axis < 0 ? axis + 5 : axis;
}

/// Whether `tile` has constant repeats that are 1 on every dim but `axis`.
bool tilesOnlyAxis(onnx::TileOp tile, int64_t axis) {
  std::optional<SmallVector<int64_t>> repeats =
      onnx::getConstantIntValues(tile.getRepeats());
  if (!repeats)
    return false;
  for (auto [d, repeat] : llvm::enumerate(*repeats))
    if (static_cast<int64_t>(d) != axis && repeat != 1)
      return false;
  return true;
}

/// Whether every element of `factor` is known to be 1.0: a float constant
/// of ones (splat or not), or a ConstantOfShape of 1.0 (left unfolded when
/// large).
bool isAllOnes(Value factor) {
  auto isOne = [](const APFloat &x) { return x.isExactlyValue(1.0); };
  DenseElementsAttr attr;
  if (matchPattern(factor, m_Constant(&attr)))
    return isa<FloatType>(attr.getElementType()) &&
           llvm::all_of(attr.getValues<APFloat>(), isOne);
  auto fill = factor.getDefiningOp<onnx::ConstantOfShapeOp>();
  auto value = fill ? dyn_cast_or_null<DenseElementsAttr>(fill.getValueAttr())
                    : DenseElementsAttr();
  return value && isa<FloatType>(value.getElementType()) &&
         value.getNumElements() == 1 &&
         isOne(*value.getValues<APFloat>().begin());
}

/// `x` of rank 5 is the Unsqueeze of a rank-4 tensor next to its head axis
/// (before or after it), copied along that axis by an Expand, a Mul by ones,
/// a Concat of copies or a Tile (or not at all); returns the source, the
/// axis and the spelling.
struct Copies {
  Value source;
  int64_t axis;
  std::string spelling;
};

/// The Unsqueeze that copies are made of. Sets `why` when `v` is an
/// Unsqueeze that cannot be one.
std::optional<Copies> matchUnsqueeze(Value v, int64_t headAxis,
                                     std::string &why) {
  auto unsqueeze = v.getDefiningOp<onnx::UnsqueezeOp>();
  if (!unsqueeze || !getStaticType(unsqueeze.getData(), 4))
    return std::nullopt;
  std::optional<int64_t> axis = getUnsqueezeAxis(unsqueeze);
  if (!axis || (*axis != headAxis && *axis != headAxis + 1)) {
    why = "the Unsqueeze before the copies does not insert axis " +
          std::to_string(headAxis) + " or " + std::to_string(headAxis + 1) +
          " (next to the head axis)";
    return std::nullopt;
  }
  return Copies{unsqueeze.getData(), *axis, "Unsqueeze"};
}

/// An Expand of the Unsqueeze, or a Mul of it by ones: both broadcast it to
/// their result, which may only grow the inserted axis.
std::optional<Copies> matchBroadcastCopies(Value x, int64_t headAxis,
                                           std::string &why) {
  Operation *def = x.getDefiningOp();
  Value data;
  StringRef op, spelling;
  if (auto expand = dyn_cast_or_null<onnx::ExpandOp>(def)) {
    data = expand.getInput();
    op = "Expand";
    spelling = "Unsqueeze + Expand";
  } else if (auto mul = dyn_cast_or_null<onnx::MulOp>(def)) {
    // The Unsqueeze is the data, the other operand the factor.
    bool dataFirst =
        isa_and_nonnull<onnx::UnsqueezeOp>(mul.getA().getDefiningOp());
    data = dataFirst ? mul.getA() : mul.getB();
    Value factor = dataFirst ? mul.getB() : mul.getA();
    if (!data.getDefiningOp<onnx::UnsqueezeOp>())
      return std::nullopt;
    if (!isAllOnes(factor)) {
      why = "the Mul that broadcasts the Unsqueeze multiplies by a value that "
            "is not known to be all ones (only a Mul by ones is an Expand)";
      return std::nullopt;
    }
    op = "Mul by ones";
    spelling = "Unsqueeze + Mul by ones";
  } else {
    return std::nullopt;
  }
  std::optional<Copies> copies = matchUnsqueeze(data, headAxis, why);
  if (!copies)
    return std::nullopt;
  ArrayRef<int64_t> in = cast<RankedTensorType>(data.getType()).getShape();
  ArrayRef<int64_t> out = cast<RankedTensorType>(x.getType()).getShape();
  for (int64_t d = 0; d < 5; ++d) {
    if (d != copies->axis && in[d] != out[d]) {
      why = ("the " + op + " of the " + formatShape(data) +
             " Unsqueeze to " + formatShape(x) +
             " grows other dims than the inserted axis " +
             Twine(copies->axis))
                .str();
      return std::nullopt;
    }
  }
  copies->spelling = spelling.str();
  return copies;
}

std::optional<Copies> matchCopies(Value x, int64_t headAxis,
                                  std::string &why) {
  if (isa_and_nonnull<onnx::ExpandOp, onnx::MulOp>(x.getDefiningOp()))
    return matchBroadcastCopies(x, headAxis, why);

  // Tiling the inserted size-1 axis G times is an Expand to G.
  if (auto tile = x.getDefiningOp<onnx::TileOp>()) {
    std::optional<Copies> copies =
        matchUnsqueeze(tile.getInput(), headAxis, why);
    if (!copies)
      return std::nullopt;
    if (!tilesOnlyAxis(tile, copies->axis)) {
      why = "the Tile of the Unsqueeze does not repeat only the inserted "
            "axis " +
            std::to_string(copies->axis);
      return std::nullopt;
    }
    copies->spelling = "Unsqueeze + Tile";
    return copies;
  }

  if (auto concat = x.getDefiningOp<onnx::ConcatOp>()) {
    // Every input is the same Unsqueeze (or an identical one of the same
    // tensor), concatenated on the inserted axis.
    std::optional<Copies> first;
    for (Value input : concat.getInputs()) {
      std::optional<Copies> copies = matchUnsqueeze(input, headAxis, why);
      if (!copies)
        return std::nullopt;
      if (first && (copies->source != first->source ||
                    copies->axis != first->axis)) {
        why = "the Concat joins Unsqueezes of different tensors or axes";
        return std::nullopt;
      }
      first = copies;
    }
    int64_t axis =
        concat.getAxis() < 0 ? concat.getAxis() + 5 : concat.getAxis();
    if (!first)
      return std::nullopt;
    if (axis != first->axis) {
      why = "the Concat of copies is on axis " + std::to_string(axis) +
            ", not the inserted axis " + std::to_string(first->axis);
      return std::nullopt;
    }
    first->spelling = "Unsqueeze + Concat of copies";
    return first;
  }

  return matchUnsqueeze(x, headAxis, why);
}

/// One head (B x 1 x A x C, the 1 on `headAxis`) broadcast to all heads by
/// an Expand or a Mul by ones (MQA).
std::optional<HeadRepetition> matchBroadcastHead(Value repeated,
                                                 int64_t headAxis,
                                                 std::string &why) {
  Operation *def = repeated.getDefiningOp();
  Value data;
  std::string spelling;
  if (auto expand = dyn_cast_or_null<onnx::ExpandOp>(def)) {
    data = expand.getInput();
    spelling = "Expand of one head";
  } else if (auto mul = dyn_cast_or_null<onnx::MulOp>(def)) {
    // Which operand is the head is only clear once the other one is ones.
    if (isAllOnes(mul.getB()))
      data = mul.getA();
    else if (isAllOnes(mul.getA()))
      data = mul.getB();
    else
      return std::nullopt;
    spelling = "Mul of one head by ones";
  } else {
    return std::nullopt;
  }
  RankedTensorType in = getStaticType(data, 4);
  if (!in || in.getDimSize(headAxis) != 1)
    return std::nullopt;
  ArrayRef<int64_t> out = cast<RankedTensorType>(repeated.getType()).getShape();
  bool growsOtherDims = llvm::any_of(llvm::seq<int64_t>(0, 4), [&](int64_t d) {
    return d != headAxis && in.getDimSize(d) != out[d];
  });
  if (growsOtherDims) {
    why = "the " + spelling + " (" + formatShape(data) + " to " +
          formatShape(repeated) + ") grows other dims than the head axis";
    return std::nullopt;
  }
  return HeadRepetition{data, true, spelling};
}

} // namespace

std::optional<HeadRepetition>
mlir::attn::matchHeadRepetition(Value repeated, std::string *nearMiss,
                                int64_t headAxis) {
  RankedTensorType outType = getStaticType(repeated, 4);
  if (!outType || (headAxis != 1 && headAxis != 2))
    return std::nullopt;
  ArrayRef<int64_t> out = outType.getShape();
  std::string why;
  auto fail = [&]() -> std::optional<HeadRepetition> {
    if (nearMiss && !why.empty())
      *nearMiss = why;
    return std::nullopt;
  };

  // MQA: one head broadcast.
  if (isa_and_nonnull<onnx::ExpandOp, onnx::MulOp>(repeated.getDefiningOp())) {
    if (std::optional<HeadRepetition> head =
            matchBroadcastHead(repeated, headAxis, why))
      return head;
    return fail();
  }

  // Copies of the whole set on the head axis.
  if (auto concat = repeated.getDefiningOp<onnx::ConcatOp>()) {
    ValueRange inputs = concat.getInputs();
    int64_t axis =
        concat.getAxis() < 0 ? concat.getAxis() + 4 : concat.getAxis();
    if (axis != headAxis || inputs.empty() ||
        !llvm::all_equal(llvm::to_vector(inputs)))
      return std::nullopt;
    RankedTensorType in = getStaticType(inputs.front(), 4);
    bool oneHead = in && in.getDimSize(headAxis) == 1;
    return HeadRepetition{inputs.front(), oneHead,
                          "Concat of copies on the head axis"};
  }
  if (auto tile = repeated.getDefiningOp<onnx::TileOp>()) {
    RankedTensorType in = getStaticType(tile.getInput(), 4);
    if (!in || !tilesOnlyAxis(tile, headAxis))
      return std::nullopt;
    bool oneHead = in.getDimSize(headAxis) == 1 ||
                   out[headAxis] == in.getDimSize(headAxis);
    return HeadRepetition{tile.getInput(), oneHead, "Tile on the head axis"};
  }

  // Rank-5 copies flattened back to B x Hkv*G x A x C.
  auto reshape = repeated.getDefiningOp<onnx::ReshapeOp>();
  RankedTensorType midType =
      reshape ? getStaticType(reshape.getData(), 5) : RankedTensorType();
  if (!midType)
    return std::nullopt;
  std::optional<Copies> copies =
      matchCopies(reshape.getData(), headAxis, why);
  if (!copies)
    return fail();
  ArrayRef<int64_t> in =
      cast<RankedTensorType>(copies->source.getType()).getShape();
  ArrayRef<int64_t> mid = midType.getShape();
  // mid is the source with the copy axis inserted; the Reshape merges the
  // copy axis into the head axis next to it.
  int64_t groups = mid[copies->axis];
  bool repeatsHeads = true;
  for (int64_t d = 0; d < 4; ++d) {
    int64_t midDim = d < copies->axis ? d : d + 1;
    repeatsHeads &= mid[midDim] == in[d] &&
                    out[d] == (d == headAxis ? in[d] * groups : in[d]);
  }
  if (!repeatsHeads) {
    why = "the Reshape of the " + copies->spelling + " copies from " +
          formatShape(reshape.getData()) + " to " + formatShape(repeated) +
          " does not merge just the head and copy axes";
    return fail();
  }
  bool grouped =
      copies->axis == headAxis + 1 || in[headAxis] == 1 || groups == 1;
  return HeadRepetition{copies->source, grouped,
                        copies->spelling + " on axis " +
                            std::to_string(copies->axis) + " + Reshape"};
}
