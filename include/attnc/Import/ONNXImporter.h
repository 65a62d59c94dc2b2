//===- ONNXImporter.h - ONNX protobuf to the onnx dialect -------*- C++ -*-===//

#ifndef ATTNC_IMPORT_ONNXIMPORTER_H
#define ATTNC_IMPORT_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace attnc {

struct ONNXImportOptions {
  /// Pins graph inputs' shapes (`--input-shape name=1x128`): every dim, static.
  llvm::StringMap<llvm::SmallVector<int64_t>> inputShapes;
  /// Shapes for graph inputs with symbolic dims, used only where they fit
  /// the declared shape (same rank, equal static dims) and `inputShapes` has
  /// none; names that are no input, or shapes that do not fit, are ignored.
  /// attnc-run takes them from the input files it runs on.
  llvm::StringMap<llvm::SmallVector<int64_t>> inputShapeHints;
};

/// Imports the ONNX model at `path` (external data resolved relative to its
/// folder) as a module with one function, `@main`, whose arguments are the
/// graph inputs and whose results are the graph outputs, one onnx op per node.
/// On failure, emits diagnostics (naming the node, tensor or file) and returns
/// null.
mlir::OwningOpRef<mlir::ModuleOp>
importONNXModelFromFile(mlir::MLIRContext &context, llvm::StringRef path,
                        const ONNXImportOptions &options = {});

/// The same for a serialized ModelProto held in memory (no external data).
mlir::OwningOpRef<mlir::ModuleOp>
importONNXModelFromBuffer(mlir::MLIRContext &context, llvm::StringRef bytes,
                          llvm::StringRef bufferName,
                          const ONNXImportOptions &options = {});

} // namespace attnc

#endif // ATTNC_IMPORT_ONNXIMPORTER_H
