//===- OpsetNormalization.h - Older ONNX op forms to the newest -*- C++ -*-===//
//
// Private to the ONNX importer. The onnx dialect has one form per op, the
// newest; ops imported at an older opset are rewritten into it here, before the
// op is built (e.g. ReduceMean-13's `axes` attribute becomes ReduceMean-18's
// `axes` input).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_IMPORT_ONNX_OPSETNORMALIZATION_H
#define ATTNC_LIB_IMPORT_ONNX_OPSETNORMALIZATION_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OperationSupport.h"

namespace attnc::onnx_import {

/// One node about to become an op: its name, operands and attributes.
struct NodeForm {
  std::string opName; ///< "onnx.X" or "onnx.ms.X"
  llvm::SmallVector<mlir::Value> operands;
  mlir::NamedAttrList attributes;
};

/// Rewrites `form` (a node of `domain` at `opset`) into the op's newest form,
/// creating constants with `builder` where attributes turn into inputs. Fails
/// with an error at `loc` for forms attnc cannot express.
mlir::LogicalResult normalizeToNewestOpset(mlir::OpBuilder &builder,
                                           mlir::Location loc,
                                           llvm::StringRef domain,
                                           int64_t opset, NodeForm &form);

} // namespace attnc::onnx_import

#endif // ATTNC_LIB_IMPORT_ONNX_OPSETNORMALIZATION_H
