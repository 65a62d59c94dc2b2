//===- AttnLoweringUtils.h - Builders shared by the attn lowerings -*- C++ -*-===//
//
// Private to lib/Conversion/AttnToLinalg: small builders for the tensors,
// scalars and linalg.generic skeletons every attn lowering needs.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ATTNTOLINALG_ATTNLOWERINGUTILS_H
#define ATTNC_LIB_CONVERSION_ATTNTOLINALG_ATTNLOWERINGUTILS_H

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"

namespace attnc::attn_lowering {

/// The body of a linalg.generic: (builder, loc, block arguments) -> yielded values.
using GenericBody = llvm::function_ref<llvm::SmallVector<mlir::Value>(
    mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>;

/// Size `dim` of the ranked tensor `value`: an attribute when static, a
/// tensor.dim otherwise.
mlir::OpFoldResult getDimSize(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value value, int64_t dim);

/// Like getDimSize, materialised as an index value.
mlir::Value getDimIndex(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value value, int64_t dim);

/// The body of buildBatchRowLoop: (builder, loc, batch, row, accumulator) ->
/// the updated accumulator.
using BatchRowBody = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, mlir::Value, mlir::Value, mlir::Value)>;

/// `for batch in [0, dim 0 of rows), for row in [0, dim rowDim of rows)`
/// carrying `init` through `body`; returns the final accumulator. For the
/// lowerings that work one query row at a time (lightning indexer, sparse
/// attention).
mlir::Value buildBatchRowLoop(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value rows, int64_t rowDim,
                              mlir::Value init, BatchRowBody body);

/// A tensor.empty of the given sizes.
mlir::Value createEmpty(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::ArrayRef<mlir::OpFoldResult> sizes,
                        mlir::Type elementType);

/// A tensor of the given sizes filled with `value` (linalg.fill).
mlir::Value createFilled(mlir::OpBuilder &b, mlir::Location loc,
                         llvm::ArrayRef<mlir::OpFoldResult> sizes,
                         mlir::Value value);

/// A float constant of `type`.
mlir::Value createFloat(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::FloatType type, double value);

/// -inf of `type`: the score of a key that must not be attended.
mlir::Value createNegInf(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::FloatType type);

/// `value` converted to the float type `to` (extf, truncf or nothing).
mlir::Value castFloat(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                      mlir::Type to);

/// An integer scalar (i32/i64/index) as an index value.
mlir::Value castToIndex(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value value);

/// A size as a float of `type`: a constant when static.
mlir::Value sizeToFloat(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::OpFoldResult size, mlir::FloatType type);

/// The type a lowering computes in for storage type `element`: f16 and bf16
/// widen to f32, wider types compute as themselves.
mlir::FloatType getComputeType(mlir::Type element);

/// `numParallel` parallel iterators followed by `numReduction` reductions.
llvm::SmallVector<mlir::utils::IteratorType>
getIterators(unsigned numParallel, unsigned numReduction = 0);

/// The map that reads an operand of `shape` under numpy broadcasting inside a
/// loop nest whose first `targetShape.size()` loops (of `numLoops`) span
/// `targetShape`: dims align on the right and size-1 operand dims read index 0.
/// A dynamic operand dim is taken to equal the target dim.
mlir::AffineMap getBroadcastMap(llvm::ArrayRef<int64_t> shape,
                                llvm::ArrayRef<int64_t> targetShape,
                                unsigned numLoops, mlir::MLIRContext *context);

/// A linalg.generic with one result per output, whose body `body` builds.
mlir::Operation *createGeneric(mlir::OpBuilder &b, mlir::Location loc,
                               mlir::ValueRange inputs, mlir::ValueRange outputs,
                               llvm::ArrayRef<mlir::AffineMap> maps,
                               llvm::ArrayRef<mlir::utils::IteratorType> iterators,
                               GenericBody body);

/// `scale * value` (scale may be null) converted elementwise to `element`;
/// `value` itself when there is nothing to do.
mlir::Value scaleAndCast(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value value, mlir::Value scale,
                         mlir::Type element);

} // namespace attnc::attn_lowering

#endif // ATTNC_LIB_CONVERSION_ATTNTOLINALG_ATTNLOWERINGUTILS_H
