//===- LoweringUtils.h - Helpers shared by the onnx lowerings ---*- C++ -*-===//
//
// Private to lib/Conversion/ONNXToLinalg.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ONNXTOLINALG_LOWERINGUTILS_H
#define ATTNC_LIB_CONVERSION_ONNXTOLINALG_LOWERINGUTILS_H

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/ValueRange.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace attnc::lowering {

/// The indexing map that reads an operand of `operandType` inside a loop nest
/// over `resultType` under numpy broadcasting: dims aligned on the right, and
/// size-1 operand dims read at index 0 when the result dim is not 1.
mlir::AffineMap broadcastIndexingMap(mlir::RankedTensorType operandType,
                                     mlir::RankedTensorType resultType);

/// A tensor.empty of `type`, taking dynamic sizes from `like` (same rank) or
/// failing if a dynamic size cannot be derived.
mlir::Value createEmptyLike(mlir::OpBuilder &builder, mlir::Location loc,
                            mlir::RankedTensorType type, mlir::Value like);

/// The dynamic sizes of a result of `resultType` that broadcasts `operands`
/// numpy-style, for tensor.empty: per dynamic result dim, the static size of an
/// operand that does not broadcast there, else tensor.dim of one whose size is
/// dynamic there, else 1 (every operand broadcasts a size-1 dim).
llvm::SmallVector<mlir::Value>
getBroadcastDynamicSizes(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::RankedTensorType resultType,
                         mlir::ValueRange operands);

/// One linalg.generic with parallel loops over `resultType` that reads
/// `inputs` under numpy broadcasting (broadcastIndexingMap) and yields
/// `body(scalars)`, a value of resultType's element type.
mlir::Value buildBroadcastGeneric(
    mlir::OpBuilder &builder, mlir::Location loc,
    mlir::RankedTensorType resultType, mlir::ValueRange inputs,
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                   mlir::ValueRange)>
        body);

/// The type attnc computes an element type in: f32 for f16 and bf16 (which
/// are rounded once, at the end of an op), the type itself otherwise.
mlir::Type getComputeType(mlir::Type elementType);

/// Converts a float scalar to the float type `to` (arith.extf / arith.truncf);
/// other values are returned unchanged.
mlir::Value convertFloat(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::Value value, mlir::Type to);

/// `value` as `type`: a tensor.cast when the two differ only in how static
/// their dims are.
mlir::Value castToType(mlir::OpBuilder &builder, mlir::Location loc,
                       mlir::Value value, mlir::Type type);

} // namespace attnc::lowering

#endif // ATTNC_LIB_CONVERSION_ONNXTOLINALG_LOWERINGUTILS_H
