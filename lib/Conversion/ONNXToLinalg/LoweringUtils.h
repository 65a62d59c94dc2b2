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

} // namespace attnc::lowering

#endif // ATTNC_LIB_CONVERSION_ONNXTOLINALG_LOWERINGUTILS_H
