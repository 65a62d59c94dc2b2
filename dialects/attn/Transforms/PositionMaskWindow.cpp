//===- PositionMaskWindow.cpp - The window of a position-dependent mask ---===//

#include "PositionMaskWindow.h"

#include "ConstantEvaluation.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/IRMapping.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <vector>

using namespace mlir;

namespace {

/// A mask element at or below this is a hidden key: -inf, or the lowest
/// finite value of f32/f16/bf16 that exporters fill masks with.
constexpr double kHiddenBelow = -1e4;

/// Evaluates `mask` with `positions` replaced by constants: clones the ops
/// between them (in order) after a constant, evaluates the clone, erases
/// what it created.
class MaskProbe {
public:
  MaskProbe(Value mask, Value positions) : mask(mask), positions(positions) {}

  /// Collects the ops of the mask's backward slice that read `positions`.
  /// False when there is none: the mask does not depend on the positions.
  bool dependsOnPositions() {
    BackwardSliceOptions options;
    options.inclusive = true;
    options.omitBlockArguments = true;
    SetVector<Operation *> slice;
    if (mask.getDefiningOp() && failed(getBackwardSlice(mask, &slice, options)))
      return false;
    SmallPtrSet<Operation *, 16> dependent;
    for (Operation *op : slice) {
      bool reads = llvm::any_of(op->getOperands(), [&](Value operand) {
        Operation *def = operand.getDefiningOp();
        return operand == positions || (def && dependent.contains(def));
      });
      if (reads) {
        dependent.insert(op);
        ops.push_back(op);
      }
    }
    return !ops.empty();
  }

  /// Visibility of the `S x K` mask elements (row-major) when every batch's
  /// positions are `rowPositions` (`S` values).
  FailureOr<std::vector<bool>> visibleAt(ArrayRef<int64_t> rowPositions,
                                         std::string &reason) {
    auto type = cast<RankedTensorType>(positions.getType());
    auto elementType = cast<IntegerType>(type.getElementType());
    SmallVector<APInt> values;
    for (int64_t b = 0; b < type.getDimSize(0); ++b)
      for (int64_t p : rowPositions)
        values.push_back(APInt(elementType.getWidth(), p, /*isSigned=*/true));

    OpBuilder builder(ops.back());
    Location loc = ops.back()->getLoc();
    SmallVector<Operation *> created;
    auto constant = onnx::ConstantOp::create(
        builder, loc, DenseElementsAttr::get(type, values));
    created.push_back(constant);
    IRMapping mapping;
    mapping.map(positions, constant.getResult());
    for (Operation *op : ops)
      created.push_back(builder.clone(*op, mapping));
    FailureOr<attn::ConstantTensor> evaluated =
        attn::evaluateConstantTensor(mapping.lookup(mask), reason);
    for (Operation *op : llvm::reverse(created))
      op->erase();
    if (failed(evaluated))
      return failure();

    std::vector<bool> visible;
    visible.reserve(evaluated->values.size());
    bool isBool = evaluated->elementType.isInteger(1);
    for (double v : evaluated->values) {
      if (isBool) {
        visible.push_back(v != 0);
      } else if (v == 0) {
        visible.push_back(true);
      } else if (v <= kHiddenBelow) {
        visible.push_back(false);
      } else {
        reason = "the mask holds a value other than 0 and -inf (or the "
                 "lowest float): it weighs keys, not only hides them";
        return failure();
      }
    }
    return visible;
  }

private:
  Value mask, positions;
  SmallVector<Operation *> ops;
};

} // namespace

FailureOr<std::optional<int64_t>>
attn::readPositionMaskWindow(Value mask, Value positions, int64_t numKeys,
                             std::string &reason) {
  auto maskType = dyn_cast<RankedTensorType>(mask.getType());
  auto positionsType = dyn_cast<RankedTensorType>(positions.getType());
  if (!maskType || !positionsType || !maskType.hasStaticShape() ||
      !positionsType.hasStaticShape() || positionsType.getRank() != 2 ||
      !isa<IntegerType>(positionsType.getElementType())) {
    reason = "the mask or the positions have no static shape";
    return failure();
  }
  int64_t numQueries = positionsType.getDimSize(1);
  if (maskType.getRank() < 2 || maskType.getShape().back() != numKeys ||
      maskType.getNumElements() != numQueries * numKeys) {
    reason = "the mask is not one S x K matrix shared by batches and heads";
    return failure();
  }
  MaskProbe probe(mask, positions);
  if (!probe.dependsOnPositions())
    return std::optional<int64_t>();

  // Is the newest key (K-1) visible to queries at K-1+t?
  auto newestVisible = [&](int64_t t) -> FailureOr<bool> {
    SmallVector<int64_t> rows(numQueries, numKeys - 1 + t);
    FailureOr<std::vector<bool>> visible = probe.visibleAt(rows, reason);
    if (failed(visible))
      return failure();
    return static_cast<bool>((*visible)[numKeys - 1]);
  };
  FailureOr<bool> ownVisible = newestVisible(0);
  if (failed(ownVisible))
    return failure();
  if (!*ownVisible) {
    reason = "the mask hides a key from a query at the key's own position";
    return failure();
  }
  // Visible for t < W, hidden from W on: double, then bisect.
  int64_t lo = 0, hi = 1;
  while (true) {
    FailureOr<bool> visible = newestVisible(hi);
    if (failed(visible))
      return failure();
    if (!*visible)
      break;
    lo = hi;
    if (hi >= kMaxProbedWindow)
      return std::optional<int64_t>();
    hi *= 2;
  }
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    FailureOr<bool> visible = newestVisible(mid);
    if (failed(visible))
      return failure();
    (*visible ? lo : hi) = mid;
  }
  int64_t window = hi;

  // At the exporter's positions P .. P+S-1 the mask must be that window.
  int64_t past = numKeys - numQueries;
  SmallVector<int64_t> rows;
  for (int64_t i = 0; i < numQueries; ++i)
    rows.push_back(past + i);
  FailureOr<std::vector<bool>> visible = probe.visibleAt(rows, reason);
  if (failed(visible))
    return failure();
  for (int64_t i = 0; i < numQueries; ++i) {
    for (int64_t j = 0; j < numKeys; ++j) {
      bool expected = j <= past + i && past + i - j < window;
      if ((*visible)[i * numKeys + j] != expected) {
        reason = "at positions P .. P+S-1 the mask is not a causal window of " +
                 std::to_string(window) + " keys";
        return failure();
      }
    }
  }
  return std::optional<int64_t>(window);
}
