//===- ONNXOps.cpp - Shape inference and verifiers of ONNX ops ------------===//
//
// Shape rules are written once, in inferReturnTypes; the InferTypeOpInterface
// verifier then checks every op's declared result type against them.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::onnx;

namespace {

RankedTensorType rankedType(Value value) {
  return llvm::cast<RankedTensorType>(value.getType());
}

/// Numpy broadcast of two shapes; fails on incompatible static dims.
LogicalResult broadcastShapes(std::optional<Location> loc, ArrayRef<int64_t> a,
                              ArrayRef<int64_t> b,
                              SmallVectorImpl<int64_t> &result) {
  if (OpTrait::util::getBroadcastedShape(a, b, result))
    return success();
  return emitOptionalError(loc, "operands of shapes [", a, "] and [", b,
                           "] do not broadcast");
}

LogicalResult inferBroadcastBinary(std::optional<Location> loc,
                                   ValueRange operands,
                                   SmallVectorImpl<Type> &inferred) {
  RankedTensorType a = rankedType(operands[0]), b = rankedType(operands[1]);
  if (a.getElementType() != b.getElementType())
    return emitOptionalError(loc, "operands have different element types ",
                             a.getElementType(), " and ", b.getElementType());
  SmallVector<int64_t> shape;
  if (failed(broadcastShapes(loc, a.getShape(), b.getShape(), shape)))
    return failure();
  inferred.push_back(RankedTensorType::get(shape, a.getElementType()));
  return success();
}

/// Inferred and declared types agree when their shapes can be equal at run
/// time: declared static dims may refine inferred dynamic ones.
bool compatibleTypes(TypeRange inferred, TypeRange declared) {
  if (inferred.size() != declared.size())
    return false;
  for (auto [a, b] : llvm::zip_equal(inferred, declared))
    if (failed(verifyCompatibleShape(a, b)) ||
        getElementTypeOrSelf(a) != getElementTypeOrSelf(b))
      return false;
  return true;
}

} // namespace

#define DEFINE_COMPATIBLE_RETURN_TYPES(OP)                                     \
  bool OP::isCompatibleReturnTypes(TypeRange inferred, TypeRange declared) {   \
    return compatibleTypes(inferred, declared);                                \
  }

#define DEFINE_BROADCAST_BINARY(OP)                                            \
  LogicalResult OP::inferReturnTypes(                                          \
      MLIRContext *, std::optional<Location> loc, ValueRange operands,         \
      DictionaryAttr, OpaqueProperties, RegionRange,                           \
      SmallVectorImpl<Type> &inferred) {                                       \
    return inferBroadcastBinary(loc, operands, inferred);                      \
  }                                                                            \
  DEFINE_COMPATIBLE_RETURN_TYPES(OP)

DEFINE_BROADCAST_BINARY(AddOp)
DEFINE_BROADCAST_BINARY(SubOp)
DEFINE_BROADCAST_BINARY(MulOp)
DEFINE_BROADCAST_BINARY(DivOp)
#undef DEFINE_BROADCAST_BINARY

//===----------------------------------------------------------------------===//
// MatMulOp
//===----------------------------------------------------------------------===//

DEFINE_COMPATIBLE_RETURN_TYPES(MatMulOp)
DEFINE_COMPATIBLE_RETURN_TYPES(TransposeOp)

LogicalResult MatMulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         ValueRange operands, DictionaryAttr,
                                         OpaqueProperties, RegionRange,
                                         SmallVectorImpl<Type> &inferred) {
  RankedTensorType a = rankedType(operands[0]), b = rankedType(operands[1]);
  if (a.getElementType() != b.getElementType())
    return emitOptionalError(loc, "operands have different element types ",
                             a.getElementType(), " and ", b.getElementType());
  if (a.getRank() == 0 || b.getRank() == 0)
    return emitOptionalError(loc, "expects operands of rank at least 1");
  // Promote 1-D operands to matrices, remember to drop the added dims.
  SmallVector<int64_t> aShape(a.getShape()), bShape(b.getShape());
  bool aVector = aShape.size() == 1, bVector = bShape.size() == 1;
  if (aVector)
    aShape.insert(aShape.begin(), 1);
  if (bVector)
    bShape.push_back(1);
  int64_t k1 = aShape.back(), k2 = bShape[bShape.size() - 2];
  if (!ShapedType::isDynamic(k1) && !ShapedType::isDynamic(k2) && k1 != k2)
    return emitOptionalError(loc, "contraction dims differ: ", k1, " and ", k2);
  SmallVector<int64_t> batch;
  if (failed(broadcastShapes(loc, ArrayRef(aShape).drop_back(2),
                             ArrayRef(bShape).drop_back(2), batch)))
    return failure();
  if (!aVector)
    batch.push_back(aShape[aShape.size() - 2]);
  if (!bVector)
    batch.push_back(bShape.back());
  inferred.push_back(RankedTensorType::get(batch, a.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// SoftmaxOp
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::verify() {
  int64_t rank = rankedType(getInput()).getRank();
  int64_t axis = getAxis();
  if (axis < -rank || axis >= rank)
    return emitOpError() << "expects axis in [" << -rank << ", " << rank
                         << "), but got " << axis;
  return success();
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, ValueRange operands,
    DictionaryAttr, OpaqueProperties properties, RegionRange,
    SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = rankedType(operands[0]);
  int64_t rank = input.getRank();
  auto *props = properties.as<Properties *>();
  SmallVector<int64_t> perm;
  if (props && props->perm)
    perm.assign(props->perm.asArrayRef().begin(), props->perm.asArrayRef().end());
  else
    for (int64_t i = rank - 1; i >= 0; --i)
      perm.push_back(i);
  if (static_cast<int64_t>(perm.size()) != rank)
    return emitOptionalError(loc, "expects perm of size ", rank, ", but got ",
                             perm.size());
  SmallVector<bool> seen(rank, false);
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return emitOptionalError(loc, "expects perm to be a permutation of [0, ",
                               rank, ")");
    seen[p] = true;
    shape.push_back(input.getDimSize(p));
  }
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

#define GET_OP_CLASSES
#include "attnc/Dialect/ONNX/IR/ONNXOps.cpp.inc"
