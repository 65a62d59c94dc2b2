//===- attnc-opt.cpp - attnc's MLIR optimizer driver ----------------------===//
//
// A standard MlirOptMain tool with every attnc dialect and pass plus the
// upstream ones; lit tests are written against it. An `.onnx` input is imported
// first (as `attnc --emit=onnx` would), so a test can start from a model.
//
//===----------------------------------------------------------------------===//

#include "attnc/Compiler/DiagnosticPrinter.h"
#include "attnc/Import/ONNXImporter.h"
#include "attnc/InitAllDialects.h"
#include "attnc/InitAllPasses.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;

/// Imports `path` and runs the opt flow configured on the command line on it.
static LogicalResult runOnONNXModel(llvm::StringRef path,
                                    llvm::StringRef outputPath,
                                    DialectRegistry &registry) {
  std::string text;
  {
    MLIRContext context(registry);
    attnc::DiagnosticPrinter diagnostics(&context);
    OwningOpRef<ModuleOp> module =
        attnc::importONNXModelFromFile(context, path);
    if (!module)
      return failure();
    // Keep the node-name locations through the text round trip.
    llvm::raw_string_ostream os(text);
    module->print(os, OpPrintingFlags().enableDebugInfo());
  }
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputPath, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return failure();
  }
  if (failed(MlirOptMain(output->os(),
                         llvm::MemoryBuffer::getMemBufferCopy(text, path),
                         registry, MlirOptMainConfig::createFromCLOptions())))
    return failure();
  output->keep();
  return success();
}

int main(int argc, char **argv) {
  DialectRegistry registry;
  attnc::registerAllDialects(registry);
  attnc::registerAllPasses();
  auto [inputPath, outputPath] = registerAndParseCLIOptions(
      argc, argv, "attnc optimizer driver\n", registry);
  if (llvm::StringRef(inputPath).ends_with(".onnx"))
    return asMainReturnCode(runOnONNXModel(inputPath, outputPath, registry));
  return asMainReturnCode(
      MlirOptMain(argc, argv, inputPath, outputPath, registry));
}
