//===- RopeTables.cpp - The cos/sin operands of a raised RoPE -------------===//
//
// attn.rope stores one cos and one sin per pair, while the rotate forms of
// the graph multiply each channel by its own copy. Raising is only sound
// when the copies of a pair are equal, so nothing here assumes it: constant
// tables are compared bit for bit, and computed ones must be built by an op
// that makes the copies equal (Concat(c, c), ...) followed only by ops that
// keep them equal.
//
//===----------------------------------------------------------------------===//

#include "RopeTables.h"

#include "attnc/Dialect/ONNX/IR/ConstantData.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

#include <cstring>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Ops between the value that makes pairs equal and the factor are few;
/// the bound only stops pathological chains.
constexpr int kMaxDepth = 16;

RankedTensorType getStaticType(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && type.hasStaticShape() ? type : RankedTensorType();
}

/// The last dim of a ranked tensor, or nullopt (rank 0 or dynamic).
std::optional<int64_t> getLastDim(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || type.getRank() == 0 || type.isDynamicDim(type.getRank() - 1))
    return std::nullopt;
  return type.getShape().back();
}

/// The channel partner of entry m (0 <= m < width / 2) of a row.
std::pair<int64_t, int64_t> getPair(int64_t m, int64_t width,
                                    RopeLayout layout) {
  if (layout == RopeLayout::HalfSplit)
    return {m, m + width / 2};
  return {2 * m, 2 * m + 1};
}

/// Compares the two entries of every pair of a float constant bit for bit
/// (dense or dense_resource storage).
bool constantHasPairedEntries(ElementsAttr attr, RopeLayout layout) {
  auto type = cast<ShapedType>(attr.getType());
  if (!isa<FloatType>(type.getElementType()) || type.getRank() == 0)
    return false;
  int64_t width = type.getShape().back();
  unsigned bits = type.getElementTypeBitWidth();
  if (width % 2 != 0 || bits % 8 != 0)
    return false;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr); dense && dense.isSplat())
    return true;
  std::optional<ArrayRef<char>> data = onnx::getRawConstantData(attr);
  if (!data)
    return false;
  ArrayRef<char> raw = *data;
  size_t bytes = bits / 8;
  int64_t count = type.getNumElements();
  for (int64_t row = 0; row < count; row += width) {
    for (int64_t m = 0; m < width / 2; ++m) {
      auto [a, b] = getPair(m, width, layout);
      if (std::memcmp(raw.data() + (row + a) * bytes,
                      raw.data() + (row + b) * bytes, bytes) != 0)
        return false;
    }
  }
  return true;
}

/// One value for every channel of a row: rank 0, a last dim of 1, or a
/// splat constant.
bool isChannelUniform(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return false;
  if (type.getRank() == 0 || type.getShape().back() == 1)
    return true;
  DenseElementsAttr attr;
  return matchPattern(value, m_Constant(&attr)) && attr.isSplat();
}

/// Whether `axes` of a Slice (or its default, the first `count` axes) leave
/// the last axis of a rank-`rank` tensor alone.
bool slicesOffLastAxis(onnx::SliceOp slice, int64_t rank) {
  if (isa<NoneType>(slice.getAxes().getType())) {
    std::optional<SmallVector<int64_t>> starts =
        onnx::getConstantIntValues(slice.getStarts());
    return starts && static_cast<int64_t>(starts->size()) < rank;
  }
  std::optional<SmallVector<int64_t>> axes =
      onnx::getConstantIntValues(slice.getAxes());
  return axes && llvm::none_of(*axes, [&](int64_t axis) {
           return axis == -1 || axis == rank - 1;
         });
}

bool prove(Value value, RopeLayout layout, int depth);

/// `Reshape(Concat(u, u))` or `Reshape(Expand(u))` of a [..., R/2, 1] `u`
/// to [..., R]: each entry repeated for both members of its pair.
bool isRepeatInterleave(Value value) {
  auto reshape = value.getDefiningOp<onnx::ReshapeOp>();
  RankedTensorType type = getStaticType(value);
  if (!reshape || !type)
    return false;
  RankedTensorType pairs = getStaticType(reshape.getData());
  if (!pairs || pairs.getRank() != type.getRank() + 1 ||
      pairs.getShape().back() != 2 ||
      pairs.getShape().drop_back(2) != type.getShape().drop_back() ||
      2 * pairs.getShape()[pairs.getRank() - 2] != type.getShape().back())
    return false;
  Value repeated = reshape.getData();
  if (auto concat = repeated.getDefiningOp<onnx::ConcatOp>()) {
    int64_t axis = concat.getAxis();
    return concat.getInputs().size() == 2 &&
           concat.getInputs()[0] == concat.getInputs()[1] &&
           (axis == -1 || axis == pairs.getRank() - 1);
  }
  if (auto expand = repeated.getDefiningOp<onnx::ExpandOp>())
    return getLastDim(expand.getInput()) == 1;
  return false;
}

bool prove(Value value, RopeLayout layout, int depth) {
  std::optional<int64_t> width = getLastDim(value);
  if (!width || *width % 2 != 0)
    return false;
  ElementsAttr constant;
  if (matchPattern(value, m_Constant(&constant)))
    return constantHasPairedEntries(constant, layout);
  Operation *def = value.getDefiningOp();
  if (!def || depth > kMaxDepth)
    return false;
  auto keeps = [&](Value operand) {
    return getLastDim(operand) == width && prove(operand, layout, depth + 1);
  };

  // Ops that make the two entries of every pair equal.
  if (auto concat = dyn_cast<onnx::ConcatOp>(def)) {
    int64_t rank = cast<RankedTensorType>(concat.getType()).getRank();
    bool lastAxis = concat.getAxis() == -1 || concat.getAxis() == rank - 1;
    if (lastAxis)
      return layout == RopeLayout::HalfSplit &&
             concat.getInputs().size() == 2 &&
             concat.getInputs()[0] == concat.getInputs()[1];
    return llvm::all_of(concat.getInputs(), keeps);
  }
  if (layout == RopeLayout::Interleaved && isRepeatInterleave(value))
    return true;

  // Elementwise ops keep it: unary ones, and binary ones whose operands
  // each have it or are the same for every channel.
  if (isa<onnx::CosOp, onnx::SinOp, onnx::NegOp, onnx::CastOp,
          onnx::IdentityOp, onnx::SqrtOp, onnx::ReciprocalOp, onnx::ExpOp>(
          def))
    return keeps(def->getOperand(0));
  if (isa<onnx::CastLikeOp>(def))
    return keeps(def->getOperand(0));
  if (isa<onnx::MulOp, onnx::DivOp, onnx::AddOp, onnx::SubOp, onnx::PowOp>(
          def))
    return llvm::all_of(def->getOperands(), [&](Value operand) {
      return isChannelUniform(operand) || keeps(operand);
    });

  // So do ops that move whole rows: the last axis stays whole and last.
  if (auto gather = dyn_cast<onnx::GatherOp>(def)) {
    int64_t rank = cast<RankedTensorType>(gather.getData().getType()).getRank();
    int64_t axis = gather.getAxis() < 0 ? gather.getAxis() + rank
                                        : gather.getAxis();
    return axis != rank - 1 && keeps(gather.getData());
  }
  if (auto expand = dyn_cast<onnx::ExpandOp>(def))
    return getLastDim(expand.getInput()) == 1 || keeps(expand.getInput());
  if (auto transpose = dyn_cast<onnx::TransposeOp>(def)) {
    std::optional<ArrayRef<int64_t>> perm = transpose.getPerm();
    int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
    return perm && !perm->empty() && perm->back() == rank - 1 &&
           keeps(transpose.getData());
  }
  if (auto slice = dyn_cast<onnx::SliceOp>(def)) {
    int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
    return slicesOffLastAxis(slice, rank) && keeps(slice.getData());
  }
  // A reshape that keeps the last dim keeps every row intact (row-major).
  if (isa<onnx::ReshapeOp, onnx::UnsqueezeOp, onnx::SqueezeOp>(def))
    return keeps(def->getOperand(0));
  return false;
}

/// The dims of `type` other than 1, in order.
SmallVector<int64_t> getNonUnitDims(RankedTensorType type) {
  SmallVector<int64_t> dims;
  llvm::copy_if(type.getShape(), std::back_inserter(dims),
                [](int64_t dim) { return dim != 1; });
  return dims;
}

/// Whether `slice` takes all of its input (same shape, unit steps).
bool isIdentitySlice(onnx::SliceOp slice) {
  if (slice.getData().getType() != slice.getType())
    return false;
  if (isa<NoneType>(slice.getSteps().getType()))
    return true;
  std::optional<SmallVector<int64_t>> steps =
      onnx::getConstantIntValues(slice.getSteps());
  return steps && llvm::all_of(*steps, [](int64_t step) { return step == 1; });
}

/// Strips Unsqueeze/Squeeze/Reshape that only add or remove unit dims (and
/// so keep the element order) and Slices that take everything (ONNX's
/// RotaryEmbedding function body slices the gathered tables to R/2).
Value peelUnitDims(Value value) {
  while (Operation *def = value.getDefiningOp()) {
    if (auto slice = dyn_cast<onnx::SliceOp>(def)) {
      if (!isIdentitySlice(slice))
        break;
      value = slice.getData();
      continue;
    }
    if (!isa<onnx::UnsqueezeOp, onnx::SqueezeOp, onnx::ReshapeOp>(def))
      break;
    Value input = def->getOperand(0);
    RankedTensorType in = getStaticType(input), out = getStaticType(value);
    if (!in || !out || getNonUnitDims(in) != getNonUnitDims(out))
      break;
    value = input;
  }
  return value;
}

/// The Gather form: both factors gather rows of a P x `width` table with
/// the same position ids laid out as [`batch`, `tokens`] (or [`tokens`]).
bool matchGatheredTables(const RopeSpelling &spelling, int64_t width,
                         RopeTables &tables) {
  auto cos = peelUnitDims(spelling.cos).getDefiningOp<onnx::GatherOp>();
  auto sin = peelUnitDims(spelling.sin).getDefiningOp<onnx::GatherOp>();
  if (!cos || !sin || cos.getIndices() != sin.getIndices())
    return false;
  RankedTensorType ids = getStaticType(cos.getIndices());
  if (!ids)
    return false;
  bool idsMatch =
      (ids.getRank() == 1 && tables.batch == 1 &&
       ids.getDimSize(0) == tables.tokens) ||
      (ids.getRank() == 2 && ids.getDimSize(0) == tables.batch &&
       ids.getDimSize(1) == tables.tokens);
  for (onnx::GatherOp gather : {cos, sin}) {
    RankedTensorType table = getStaticType(gather.getData());
    if (!table || table.getRank() != 2 || table.getDimSize(1) != width ||
        (gather.getAxis() != 0 && gather.getAxis() != -2))
      return false;
  }
  if (!idsMatch)
    return false;
  tables.cosTable = cos.getData();
  tables.sinTable = sin.getData();
  tables.positionIds = cos.getIndices();
  return true;
}

} // namespace

bool mlir::attn::provePairedEntries(Value value, RopeLayout layout) {
  return prove(value, layout, /*depth=*/0);
}

FailureOr<RopeTables>
mlir::attn::analyzeRopeTables(const RopeSpelling &spelling,
                              RankedTensorType input, std::string &reason) {
  auto fail = [&](const Twine &message) {
    reason = message.str();
    return failure();
  };
  int64_t rotary = spelling.rotated.size();
  int64_t width = spelling.perPairTables ? rotary / 2 : rotary;
  RankedTensorType type = getStaticType(spelling.cos);
  if (!type || type != getStaticType(spelling.sin))
    return fail("cos and sin do not have one static type");
  SmallVector<int64_t> shape(type.getShape());
  // Factors of pair-view members have its trailing unit dim.
  if (spelling.pairAxis) {
    if (shape.empty() || shape.back() != 1)
      return fail("cos and sin do not broadcast over the pair view "
                  "[..., R/2, 1]");
    shape.pop_back();
  }
  if (shape.empty() || shape.back() != width)
    return fail("cos and sin are not " + Twine(width) + " wide, one entry per "
                + (spelling.perPairTables ? "pair" : "rotated channel"));
  shape.pop_back();
  if (shape.size() > 3)
    return fail("cos and sin have more dims than the rotated tensor");
  shape.insert(shape.begin(), 3 - shape.size(), 1);

  // Along which of the middle dims the factors vary decides the layout.
  if (shape[1] != 1 && shape[2] != 1)
    return fail("cos and sin vary along both dims 1 and 2, not per token");
  RopeTables tables;
  tables.sequenceFirst = shape[1] != 1;
  tables.batch = shape[0];
  tables.tokens = tables.sequenceFirst ? shape[1] : shape[2];
  ArrayRef<int64_t> x = input.getShape();
  int64_t sequence = tables.sequenceFirst ? x[1] : x[2];
  if ((tables.batch != 1 && tables.batch != x[0]) ||
      (tables.tokens != 1 && tables.tokens != sequence))
    return fail("cos and sin do not broadcast per token");

  matchGatheredTables(spelling, width, tables);
  if (!spelling.perPairTables) {
    for (auto [name, value] :
         {std::pair("cos", tables.cosTable ? tables.cosTable : spelling.cos),
          std::pair("sin", tables.sinTable ? tables.sinTable : spelling.sin)}) {
      if (provePairedEntries(value, spelling.layout))
        continue;
      return fail(
          Twine("cannot prove that the ") + name + " values " +
          (spelling.layout == RopeLayout::HalfSplit
               ? "are two copies of one half (c[m] == c[m + R/2])"
               : "repeat each entry for both pair members (c[2m] == "
                 "c[2m + 1])"));
    }
  }
  if (!tables.cosTable) {
    tables.cos = spelling.cos;
    tables.sin = spelling.sin;
  }
  return tables;
}
