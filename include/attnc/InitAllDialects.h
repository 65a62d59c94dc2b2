//===- InitAllDialects.h - Register every attnc dialect ---------*- C++ -*-===//
//
// For tools and embedders: adds attnc's dialects (attn, onnx) and the upstream
// dialects its pipelines produce to a registry.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_INITALLDIALECTS_H
#define ATTNC_INITALLDIALECTS_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace attnc {

/// Registers the attn and onnx dialects and the upstream dialects, interfaces
/// and LLVM IR translations that attnc's pipelines use.
void registerAllDialects(mlir::DialectRegistry &registry);

} // namespace attnc

#endif // ATTNC_INITALLDIALECTS_H
