//===- Compiler.h - The attnc compile driver as a library -------*- C++ -*-===//
//
// What `attnc` does, callable from C++: import, raise, lower, emit a stage.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_COMPILER_COMPILER_H
#define ATTNC_COMPILER_COMPILER_H

#include "attnc/Analysis/AttentionReport.h"
#include "attnc/Import/ONNXImporter.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <string>

namespace mlir {
class MLIRContext;
class PassManager;
} // namespace mlir

namespace attnc {

/// Where compilation stops and what it writes.
enum class EmitStage {
  ONNX,    ///< the onnx dialect as imported (MLIR text)
  Attn,    ///< after attention raising (MLIR text)
  /// After attention raising: the attention report of
  /// attnc/Analysis/AttentionReport.h, in `CompileOptions::report.format`.
  AttentionReport,
  Linalg,  ///< after lowering to linalg/tensor (MLIR text)
  LLVM,    ///< the LLVM dialect (MLIR text)
  LLVMIR,  ///< LLVM IR text
  Object,  ///< a relocatable object for the host
  Library, ///< a shared library exporting the ABI of attnc/Runtime/ModelABI.h
};

struct CompileOptions {
  ONNXImportOptions import;
  EmitStage emit = EmitStage::Library;
  /// Context length and format of EmitStage::AttentionReport.
  AttentionReportOptions report;
  /// Give each sliding-window layer's growing KV cache a ring buffer of its
  /// window (pass attn-ring-window-caches): the model's past/present
  /// signature changes for those layers.
  bool ringWindowCaches = false;
  /// LLVM optimisation level for the object code (0-3). O2, not O3: on the
  /// loop nests of the reference lowering O3 costs 6x the compile time (24 s
  /// vs 4 s for the tiny decoder) for no measurable speed-up.
  unsigned optLevel = 2;
  /// The C compiler driver that links shared libraries ("" = the one attnc
  /// was built with).
  std::string linkerDriver;
  /// Called on each pass manager before it runs (tools attach IR printing,
  /// timing and crash reproducers from their command line here).
  std::function<mlir::LogicalResult(mlir::PassManager &)> configurePassManager;
};

/// Compiles the ONNX model at `modelPath` and writes the requested stage to
/// `outputPath` ("-" for stdout, text stages only). Emits diagnostics and fails
/// on any error.
mlir::LogicalResult compileONNXFile(mlir::MLIRContext &context,
                                    llvm::StringRef modelPath,
                                    const CompileOptions &options,
                                    llvm::StringRef outputPath);

} // namespace attnc

#endif // ATTNC_COMPILER_COMPILER_H
