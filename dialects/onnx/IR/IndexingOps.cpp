//===- IndexingOps.cpp - Data-dependent indexing ONNX ops -----------------===//
//
// Result type inference of the ops in ONNXIndexingOps.td. The verification
// lives here too: inferReturnTypes rejects inconsistent shapes with a message
// that names the operand at fault.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::onnx;

namespace {

RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Two dims that may be equal at run time.
bool mayBeEqual(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

/// Checks that `indices` has `data`'s rank, as GatherElements and
/// ScatterElements require, and returns the normalised axis.
FailureOr<int64_t> verifyElementwiseIndexing(std::optional<Location> loc,
                                             RankedTensorType data,
                                             RankedTensorType indices,
                                             int64_t axis) {
  if (data.getRank() < 1)
    return emitOptionalError(loc, "expects data of rank at least 1");
  if (indices.getRank() != data.getRank())
    return emitOptionalError(loc, "expects indices of data's rank ",
                             data.getRank(), ", but got ", indices);
  FailureOr<int64_t> normalized = normalizeAxis(loc, axis, data.getRank());
  if (failed(normalized))
    return failure();
  // Off the axis, indices' coordinates address data directly.
  for (int64_t d = 0; d < data.getRank(); ++d)
    if (d != *normalized && !data.isDynamicDim(d) && !indices.isDynamicDim(d) &&
        indices.getDimSize(d) > data.getDimSize(d))
      return emitOptionalError(loc,
                               "expects indices no larger than data off "
                               "the axis, but got ",
                               indices, " for ", data, " at dim ", d);
  return normalized;
}

} // namespace

//===----------------------------------------------------------------------===//
// TopKOp
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = getTensorType(adaptor.getX());
  RankedTensorType kType = getTensorType(adaptor.getK());
  if (input.getRank() < 1)
    return emitOptionalError(loc, "expects X of rank at least 1");
  if (kType.getRank() != 1 || !mayBeEqual(kType.getDimSize(0), 1))
    return emitOptionalError(loc, "expects K of shape [1], but got ", kType);
  if (adaptor.getLargest() != 0 && adaptor.getLargest() != 1)
    return emitOptionalError(loc, "expects largest 0 or 1, but got ",
                             adaptor.getLargest());
  FailureOr<int64_t> axis =
      normalizeAxis(loc, adaptor.getAxis(), input.getRank());
  if (failed(axis))
    return failure();

  int64_t k = ShapedType::kDynamic;
  if (std::optional<SmallVector<int64_t>> values =
          getConstantIntValues(adaptor.getK())) {
    if (values->size() != 1)
      return emitOptionalError(loc, "expects K of one element");
    k = values->front();
    int64_t available = input.getDimSize(*axis);
    if (ShapedType::isDynamic(available) && k < 0)
      return emitOptionalError(loc, "expects K >= 0, but got ", k);
    if (!ShapedType::isDynamic(available) && (k < 0 || k > available))
      return emitOptionalError(loc, "expects K in [0, ", available,
                               "] (the dim at axis), but got ", k);
  }
  SmallVector<int64_t> dims(input.getShape());
  dims[*axis] = k;
  inferred.push_back(RankedTensorType::get(dims, input.getElementType()));
  inferred.push_back(
      RankedTensorType::get(dims, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// GatherElementsOp
//===----------------------------------------------------------------------===//

LogicalResult
GatherElementsOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                   Adaptor adaptor,
                                   SmallVectorImpl<Type> &inferred) {
  RankedTensorType data = getTensorType(adaptor.getData());
  RankedTensorType indices = getTensorType(adaptor.getIndices());
  if (failed(verifyElementwiseIndexing(loc, data, indices, adaptor.getAxis())))
    return failure();
  inferred.push_back(
      RankedTensorType::get(indices.getShape(), data.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// ScatterElementsOp
//===----------------------------------------------------------------------===//

LogicalResult
ScatterElementsOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                    Adaptor adaptor,
                                    SmallVectorImpl<Type> &inferred) {
  RankedTensorType data = getTensorType(adaptor.getData());
  RankedTensorType indices = getTensorType(adaptor.getIndices());
  RankedTensorType updates = getTensorType(adaptor.getUpdates());
  if (failed(verifyElementwiseIndexing(loc, data, indices, adaptor.getAxis())))
    return failure();
  if (updates.getElementType() != data.getElementType())
    return emitOptionalError(loc, "expects updates of data's element type ",
                             data.getElementType(), ", but got ", updates);
  if (updates.getRank() != indices.getRank())
    return emitOptionalError(loc, "expects updates of indices' shape, but got ",
                             updates, " and ", indices);
  for (int64_t d = 0; d < indices.getRank(); ++d)
    if (!mayBeEqual(updates.getDimSize(d), indices.getDimSize(d)))
      return emitOptionalError(loc,
                               "expects updates of indices' shape, but got ",
                               updates, " and ", indices);
  StringRef reduction = adaptor.getReduction();
  if (reduction != "none" && reduction != "add" && reduction != "mul" &&
      reduction != "max" && reduction != "min")
    return emitOptionalError(loc,
                             "expects reduction none, add, mul, max or min, "
                             "but got \"",
                             reduction, "\"");
  inferred.push_back(data);
  return success();
}
