//===- ElementwiseOps.cpp - Elementwise ONNX ops --------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::onnx;

namespace {

LogicalResult inferBroadcastBinary(std::optional<Location> loc, Value lhs,
                                   Value rhs, SmallVectorImpl<Type> &inferred) {
  auto a = cast<RankedTensorType>(lhs.getType());
  auto b = cast<RankedTensorType>(rhs.getType());
  if (a.getElementType() != b.getElementType())
    return emitOptionalError(loc, "operands have different element types ",
                             a.getElementType(), " and ", b.getElementType());
  SmallVector<int64_t> shape;
  if (failed(broadcastShapes(loc, a.getShape(), b.getShape(), shape)))
    return failure();
  inferred.push_back(RankedTensorType::get(shape, a.getElementType()));
  return success();
}

} // namespace

#define ATTNC_BROADCAST_BINARY(OP)                                             \
  LogicalResult OP::inferReturnTypes(MLIRContext *,                            \
                                     std::optional<Location> loc,              \
                                     Adaptor adaptor,                          \
                                     SmallVectorImpl<Type> &inferred) {        \
    return inferBroadcastBinary(loc, adaptor.getA(), adaptor.getB(),           \
                                inferred);                                     \
  }                                                                            \
  bool OP::isCompatibleReturnTypes(TypeRange inferred, TypeRange declared) {   \
    return areCompatibleReturnTypes(inferred, declared);                       \
  }

ATTNC_BROADCAST_BINARY(AddOp)
ATTNC_BROADCAST_BINARY(SubOp)
ATTNC_BROADCAST_BINARY(MulOp)
ATTNC_BROADCAST_BINARY(DivOp)
#undef ATTNC_BROADCAST_BINARY
