//===- MathOps.cpp - Contractions, reductions, normalisations -------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::onnx;

//===----------------------------------------------------------------------===//
// MatMulOp
//===----------------------------------------------------------------------===//

LogicalResult MatMulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  auto a = cast<RankedTensorType>(adaptor.getA().getType());
  auto b = cast<RankedTensorType>(adaptor.getB().getType());
  if (a.getElementType() != b.getElementType())
    return emitOptionalError(loc, "operands have different element types ",
                             a.getElementType(), " and ", b.getElementType());
  if (a.getRank() == 0 || b.getRank() == 0)
    return emitOptionalError(loc, "expects operands of rank at least 1");
  // Promote 1-D operands to matrices; the added dims are dropped again below.
  SmallVector<int64_t> aShape(a.getShape()), bShape(b.getShape());
  bool aVector = aShape.size() == 1, bVector = bShape.size() == 1;
  if (aVector)
    aShape.insert(aShape.begin(), 1);
  if (bVector)
    bShape.push_back(1);
  int64_t k1 = aShape.back(), k2 = bShape[bShape.size() - 2];
  if (!ShapedType::isDynamic(k1) && !ShapedType::isDynamic(k2) && k1 != k2)
    return emitOptionalError(loc, "contraction dims differ: ", k1, " and ", k2);
  SmallVector<int64_t> shape;
  if (failed(broadcastShapes(loc, ArrayRef(aShape).drop_back(2),
                             ArrayRef(bShape).drop_back(2), shape)))
    return failure();
  if (!aVector)
    shape.push_back(aShape[aShape.size() - 2]);
  if (!bVector)
    shape.push_back(bShape.back());
  inferred.push_back(RankedTensorType::get(shape, a.getElementType()));
  return success();
}

bool MatMulOp::isCompatibleReturnTypes(TypeRange inferred, TypeRange declared) {
  return areCompatibleReturnTypes(inferred, declared);
}

//===----------------------------------------------------------------------===//
// SoftmaxOp
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::verify() {
  int64_t rank = getInput().getType().getRank();
  return normalizeAxis(getLoc(), getAxis(), rank);
}
