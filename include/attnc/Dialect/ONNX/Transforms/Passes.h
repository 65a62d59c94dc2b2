//===- Passes.h - onnx dialect transformations ------------------*- C++ -*-===//

#ifndef ATTNC_DIALECT_ONNX_TRANSFORMS_PASSES_H
#define ATTNC_DIALECT_ONNX_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir::onnx {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "attnc/Dialect/ONNX/Transforms/Passes.h.inc"

} // namespace mlir::onnx

#endif // ATTNC_DIALECT_ONNX_TRANSFORMS_PASSES_H
