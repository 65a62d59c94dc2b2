//===- HeadRepetition.cpp - K/V heads repeated for GQA -------------------===//
//
// With the repetition written as a rank-5 intermediate, the axis the copies
// are made on decides the head order after the final Reshape to Hkv*G heads:
//
//   B x Hkv x G x A x C   (copies on axis 2)  ->  head h = source head h / G
//   B x G x Hkv x A x C   (copies on axis 1)  ->  head h = source head h % Hkv
//
// The copies are an Expand or a Concat of the Unsqueeze, or a Tile of it
// that repeats only the inserted size-1 axis. A Concat of copies or a Tile
// directly on the head axis of B x Hkv x A x C tiles the whole set
// (h % Hkv). With one KV head (MQA) or one copy both orders agree.
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

/// `x` of rank 5 is the Unsqueeze of a rank-4 tensor on axis 1 or 2, copied
/// along that axis by an Expand, a Concat of copies or a Tile (or not at
/// all); returns the source, the axis and the spelling.
struct Copies {
  Value source;
  int64_t axis;
  std::string spelling;
};

std::optional<Copies> matchCopies(Value x) {
  auto unsqueezeOf = [](Value v) -> std::optional<Copies> {
    auto unsqueeze = v.getDefiningOp<onnx::UnsqueezeOp>();
    if (!unsqueeze || !getStaticType(unsqueeze.getData(), 4))
      return std::nullopt;
    std::optional<int64_t> axis = getUnsqueezeAxis(unsqueeze);
    if (!axis || (*axis != 1 && *axis != 2))
      return std::nullopt;
    return Copies{unsqueeze.getData(), *axis, "Unsqueeze"};
  };

  if (auto expand = x.getDefiningOp<onnx::ExpandOp>()) {
    std::optional<Copies> copies = unsqueezeOf(expand.getInput());
    if (!copies)
      return std::nullopt;
    // Only the inserted axis may grow.
    auto in = cast<RankedTensorType>(expand.getInput().getType()).getShape();
    auto out = cast<RankedTensorType>(x.getType()).getShape();
    for (int64_t d = 0; d < 5; ++d)
      if (d != copies->axis && in[d] != out[d])
        return std::nullopt;
    copies->spelling = "Unsqueeze + Expand";
    return copies;
  }

  // Tiling the inserted size-1 axis G times is an Expand to G.
  if (auto tile = x.getDefiningOp<onnx::TileOp>()) {
    std::optional<Copies> copies = unsqueezeOf(tile.getInput());
    if (!copies || !tilesOnlyAxis(tile, copies->axis))
      return std::nullopt;
    copies->spelling = "Unsqueeze + Tile";
    return copies;
  }

  if (auto concat = x.getDefiningOp<onnx::ConcatOp>()) {
    // Every input is the same Unsqueeze (or an identical one of the same
    // tensor), concatenated on the inserted axis.
    std::optional<Copies> first;
    for (Value input : concat.getInputs()) {
      std::optional<Copies> copies = unsqueezeOf(input);
      if (!copies || (first && (copies->source != first->source ||
                                copies->axis != first->axis)))
        return std::nullopt;
      first = copies;
    }
    int64_t axis =
        concat.getAxis() < 0 ? concat.getAxis() + 5 : concat.getAxis();
    if (!first || axis != first->axis)
      return std::nullopt;
    first->spelling = "Unsqueeze + Concat of copies";
    return first;
  }

  return unsqueezeOf(x);
}

} // namespace

std::optional<HeadRepetition> mlir::attn::matchHeadRepetition(Value repeated) {
  RankedTensorType outType = getStaticType(repeated, 4);
  if (!outType)
    return std::nullopt;
  ArrayRef<int64_t> out = outType.getShape();

  // MQA: one head broadcast by an Expand.
  if (auto expand = repeated.getDefiningOp<onnx::ExpandOp>()) {
    RankedTensorType in = getStaticType(expand.getInput(), 4);
    if (in && in.getDimSize(1) == 1 && in.getDimSize(0) == out[0] &&
        in.getDimSize(2) == out[2] && in.getDimSize(3) == out[3])
      return HeadRepetition{expand.getInput(), true, "Expand of one head"};
    return std::nullopt;
  }

  // Copies of the whole set on the head axis.
  if (auto concat = repeated.getDefiningOp<onnx::ConcatOp>()) {
    ValueRange inputs = concat.getInputs();
    int64_t axis =
        concat.getAxis() < 0 ? concat.getAxis() + 4 : concat.getAxis();
    if (axis != 1 || inputs.empty() ||
        !llvm::all_equal(llvm::to_vector(inputs)))
      return std::nullopt;
    RankedTensorType in = getStaticType(inputs.front(), 4);
    bool oneHead = in && in.getDimSize(1) == 1;
    return HeadRepetition{inputs.front(), oneHead,
                          "Concat of copies on the head axis"};
  }
  if (auto tile = repeated.getDefiningOp<onnx::TileOp>()) {
    RankedTensorType in = getStaticType(tile.getInput(), 4);
    if (!in || !tilesOnlyAxis(tile, 1))
      return std::nullopt;
    bool oneHead = in.getDimSize(1) == 1 || out[1] == in.getDimSize(1);
    return HeadRepetition{tile.getInput(), oneHead, "Tile on the head axis"};
  }

  // Rank-5 copies flattened back to B x Hkv*G x A x C.
  auto reshape = repeated.getDefiningOp<onnx::ReshapeOp>();
  RankedTensorType midType =
      reshape ? getStaticType(reshape.getData(), 5) : RankedTensorType();
  if (!midType)
    return std::nullopt;
  std::optional<Copies> copies = matchCopies(reshape.getData());
  if (!copies)
    return std::nullopt;
  ArrayRef<int64_t> in =
      cast<RankedTensorType>(copies->source.getType()).getShape();
  ArrayRef<int64_t> mid = midType.getShape();
  int64_t groups = mid[copies->axis];
  bool repeatsHeads = mid[0] == in[0] && mid[3] == in[2] && mid[4] == in[3] &&
                      mid[3 - copies->axis] == in[1] && out[0] == in[0] &&
                      out[1] == in[1] * groups && out[2] == in[2] &&
                      out[3] == in[3];
  if (!repeatsHeads)
    return std::nullopt;
  bool grouped = copies->axis == 2 || in[1] == 1 || groups == 1;
  return HeadRepetition{copies->source, grouped,
                        copies->spelling + " on axis " +
                            std::to_string(copies->axis) + " + Reshape"};
}
