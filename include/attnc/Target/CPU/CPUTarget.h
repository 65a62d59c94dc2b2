//===- CPUTarget.h - LLVM IR, objects and shared libraries ------*- C++ -*-===//
//
// The host-CPU back end: the LLVM dialect to LLVM IR with the compiled-model
// ABI (attnc/Runtime/ModelABI.h) added, optimised, emitted as an object, and
// linked into a shared library.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_TARGET_CPU_CPUTARGET_H
#define ATTNC_TARGET_CPU_CPUTARGET_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
class raw_pwrite_stream;
} // namespace llvm

namespace mlir::func {
class FuncOp;
} // namespace mlir::func

namespace attnc {

/// The inputs and outputs a compiled model describes through its ABI.
struct ModelSignature {
  struct Tensor {
    std::string name;
    int32_t elementType; ///< ONNX TensorProto.DataType code
    llvm::SmallVector<int64_t> shape;
  };
  llvm::SmallVector<Tensor> inputs, outputs;
};

/// Reads the signature of the model function (tensor types, before
/// bufferization; names from the importer's attnc.input_names /
/// attnc.output_names). Fails with an error for dynamic dims or element types
/// the ABI cannot describe.
mlir::FailureOr<ModelSignature> getModelSignature(mlir::func::FuncOp func);

/// Translates an LLVM-dialect module to LLVM IR and adds the ABI functions,
/// which call `entryName` (the lowered model function: the expanded memref
/// descriptors of the inputs, then of the outputs). Fails with an error naming
/// the first op that code generation left outside the LLVM dialect.
std::unique_ptr<llvm::Module>
translateToLLVMWithModelABI(mlir::ModuleOp module, llvm::LLVMContext &context,
                            const ModelSignature &signature,
                            llvm::StringRef entryName);

/// Optimises `module` at `optLevel` for the host CPU and writes an object file.
mlir::LogicalResult emitHostObject(llvm::Module &module, unsigned optLevel,
                                   llvm::raw_pwrite_stream &os,
                                   mlir::Location loc);

/// Optimises `module` for the host CPU without emitting code (for
/// `--emit=llvm-ir`).
mlir::LogicalResult optimizeForHost(llvm::Module &module, unsigned optLevel,
                                    mlir::Location loc);

/// Links an object into a shared library with a C compiler driver (by default
/// the one attnc was built with), adding libm.
mlir::LogicalResult linkSharedLibrary(llvm::StringRef objectPath,
                                      llvm::StringRef outputPath,
                                      mlir::Location loc,
                                      llvm::StringRef driver = "");

} // namespace attnc

#endif // ATTNC_TARGET_CPU_CPUTARGET_H
