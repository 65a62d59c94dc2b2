//===- InitAllDialects.cpp - Register every attnc dialect -----------------===//

#include "attnc/InitAllDialects.h"

#include "attnc/Dialect/Attn/IR/AttnDialect.h"
#include "attnc/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

void attnc::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<mlir::attn::AttnDialect, mlir::onnx::ONNXDialect>();
  // attnc lowers through linalg, vector, scf, gpu and llvm, and users run
  // upstream pipelines (e.g. gpu-module-to-binary) on its output: register
  // everything upstream has, with the extensions and the LLVM IR translations
  // those pipelines need.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
}
