//===- attnc-import-fuzzer.cpp - libFuzzer target for the ONNX importer ---===//
//
// Feeds arbitrary bytes to the importer as a serialized ModelProto. Any
// outcome but a crash, a sanitizer report or a hang is fine: bad input must
// become diagnostics. Built with -DATTNC_ENABLE_FUZZERS=ON (clang only); run
// with scripts/fuzz-importer.sh.
//
//===----------------------------------------------------------------------===//

#include "attnc/Import/ONNXImporter.h"
#include "attnc/InitAllDialects.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static mlir::DialectRegistry *registry = [] {
    auto *r = new mlir::DialectRegistry();
    attnc::registerAllDialects(*r);
    return r;
  }();
  // One context per input: a failed import must not leak state into the next.
  mlir::MLIRContext context(*registry,
                            mlir::MLIRContext::Threading::DISABLED);
  mlir::ScopedDiagnosticHandler silence(
      &context, [](mlir::Diagnostic &) { return mlir::success(); });
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      attnc::importONNXModelFromBuffer(context, bytes, "fuzz-input.onnx");
  // What the importer accepts must be valid IR.
  if (module && mlir::failed(mlir::verify(*module)))
    __builtin_trap();
  return 0;
}
