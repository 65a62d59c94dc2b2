//===- RuntimeAxes.h - Reductions over axes known at run time ---*- C++ -*-===//
//
// Private to lib/Conversion/ONNXToLinalg. An ONNX reduction takes its axes as
// a tensor; when that tensor is not a constant (a graph input, say), which
// dims are reduced is known only at run time, while a linalg reduction needs
// them statically. The number of axes is static, though (the tensor's
// length), so the sets of dims it can name are few: the lowering builds one
// static reduction per set and dispatches with scf.index_switch.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ONNXTOLINALG_RUNTIMEAXES_H
#define ATTNC_LIB_CONVERSION_ONNXTOLINALG_RUNTIMEAXES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Value.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace attnc::lowering {

/// Builds the reduction over the dims marked in `reduced` (one flag per data
/// dim), as a value of the op's result type.
using StaticReductionFn = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, llvm::ArrayRef<bool> reduced)>;

/// Lowers reduction `op` of a `dataType` tensor over `axes`, a 1-D i64 tensor
/// whose values are known only at run time, to a value of `resultType`.
///
/// The candidate sets of reduced dims are those of `axes`' length (of any
/// size when the length is dynamic; an empty set then means every dim, or
/// none with `noopWithEmptyAxes`), kept only when their reduction's type
/// (`keepdims` or not) is compatible with `resultType`: a result type refined
/// from the model's declared output rules out the others. A single candidate
/// is built unconditionally; otherwise the run-time axes, negative ones
/// normalised, become a bitmask of dims that an scf.index_switch matches
/// against each candidate's.
///
/// Repeated or out-of-range run-time axes are undefined behaviour, as they
/// are invalid ONNX. This lowering sends them (and any set the result type
/// rules out) to the switch's default, whose result has unspecified contents;
/// with a single candidate, the axes are not read at all.
///
/// Fails through `rewriter.notifyMatchFailure`, before building anything, when
/// no candidate fits `resultType` or there are too many to build.
mlir::FailureOr<mlir::Value>
buildRuntimeAxesReduction(mlir::RewriterBase &rewriter, mlir::Operation *op,
                          mlir::Value axes, mlir::RankedTensorType dataType,
                          mlir::RankedTensorType resultType, bool keepdims,
                          bool noopWithEmptyAxes, StaticReductionFn reduce);

} // namespace attnc::lowering

#endif // ATTNC_LIB_CONVERSION_ONNXTOLINALG_RUNTIMEAXES_H
