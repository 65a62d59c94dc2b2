//===- ShapeInference.h - Shape helpers for ONNX ops ------------*- C++ -*-===//
//
// Shared by the ONNX ops' inferReturnTypes and by the lowerings. Dynamic dims
// (ShapedType::kDynamic) are accepted wherever a static dim would be.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_SHAPEINFERENCE_H
#define ATTNC_DIALECT_ONNX_IR_SHAPEINFERENCE_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/TypeRange.h"
#include "mlir/Support/LLVM.h"

#include <optional>

namespace mlir::onnx {

/// Inferred and declared result types agree when their element types are equal
/// and their shapes can be equal at run time.
bool areCompatibleReturnTypes(TypeRange inferred, TypeRange declared);

/// Numpy (multidirectional) broadcast of two shapes; emits an error at `loc`
/// and fails when two static dims differ and neither is 1.
LogicalResult broadcastShapes(std::optional<Location> loc, ArrayRef<int64_t> a,
                              ArrayRef<int64_t> b,
                              SmallVectorImpl<int64_t> &result);

/// Normalises an ONNX axis (negative counts from the end) into [0, rank);
/// fails with an error naming `what` when out of range.
FailureOr<int64_t> normalizeAxis(std::optional<Location> loc, int64_t axis,
                                 int64_t rank, StringRef what = "axis");

/// Reads a constant integer tensor (e.g. a shape or axes input) if `value` is
/// produced by a constant; element values are sign-extended to int64.
std::optional<SmallVector<int64_t>> getConstantIntValues(Value value);

} // namespace mlir::onnx

#endif // ATTNC_DIALECT_ONNX_IR_SHAPEINFERENCE_H
