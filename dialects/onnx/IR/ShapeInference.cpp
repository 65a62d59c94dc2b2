//===- ShapeInference.cpp - Shape helpers for ONNX ops --------------------===//

#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

bool onnx::areCompatibleReturnTypes(TypeRange inferred, TypeRange declared) {
  if (inferred.size() != declared.size())
    return false;
  for (auto [a, b] : llvm::zip_equal(inferred, declared)) {
    if (getElementTypeOrSelf(a) != getElementTypeOrSelf(b))
      return false;
    if (isa<ShapedType>(a) != isa<ShapedType>(b))
      return false;
    if (isa<ShapedType>(a) && failed(verifyCompatibleShape(a, b)))
      return false;
  }
  return true;
}

LogicalResult onnx::broadcastShapes(std::optional<Location> loc,
                                    ArrayRef<int64_t> a, ArrayRef<int64_t> b,
                                    SmallVectorImpl<int64_t> &result) {
  if (OpTrait::util::getBroadcastedShape(a, b, result))
    return success();
  return emitOptionalError(loc, "operands of shapes [", a, "] and [", b,
                           "] do not broadcast");
}

FailureOr<int64_t> onnx::normalizeAxis(std::optional<Location> loc,
                                       int64_t axis, int64_t rank,
                                       StringRef what) {
  if (axis < -rank || axis >= rank)
    return emitOptionalError(loc, "expects ", what, " in [", -rank, ", ", rank,
                             "), but got ", axis);
  return axis < 0 ? axis + rank : axis;
}

std::optional<SmallVector<int64_t>> onnx::getConstantIntValues(Value value) {
  DenseIntElementsAttr attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const APInt &element : attr.getValues<APInt>())
    values.push_back(element.getSExtValue());
  return values;
}
