//===- DiagnosticPrinter.h - Diagnostics for model files --------*- C++ -*-===//
//
// MLIR's source-manager handler assumes MLIR text with line numbers; attnc's
// errors point into ONNX files (binary) at nodes and tensors. This handler
// prints them as "model.onnx: node 'layer0/attn': error: ...".
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_COMPILER_DIAGNOSTICPRINTER_H
#define ATTNC_COMPILER_DIAGNOSTICPRINTER_H

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/raw_ostream.h"

namespace attnc {

/// Renders a location of an imported model: "file: node 'name'", or the
/// MLIR form for locations into MLIR text.
std::string describeLocation(mlir::Location loc);

/// Prints every diagnostic of a context (with its notes) to `os` while alive.
class DiagnosticPrinter : public mlir::ScopedDiagnosticHandler {
public:
  DiagnosticPrinter(mlir::MLIRContext *context,
                    llvm::raw_ostream &os = llvm::errs());
};

} // namespace attnc

#endif // ATTNC_COMPILER_DIAGNOSTICPRINTER_H
