//===- Compiler.cpp - The attnc compile driver as a library ---------------===//

#include "attnc/Compiler/Compiler.h"

#include "attnc/Pipelines/Pipelines.h"
#include "attnc/Target/CPU/CPUTarget.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;

namespace {

/// The model function after lowering: internal to the library, called only
/// by attnc_model_run.
constexpr llvm::StringLiteral kEntryName = "attnc_model_entry";

LogicalResult runPipeline(ModuleOp module,
                          const attnc::CompileOptions &options,
                          llvm::function_ref<void(OpPassManager &)> build) {
  PassManager pm(module.getContext());
  build(pm);
  if (options.configurePassManager &&
      failed(options.configurePassManager(pm)))
    return failure();
  return pm.run(module);
}

LogicalResult writeText(llvm::StringRef path, Location loc,
                        llvm::function_ref<void(llvm::raw_ostream &)> print) {
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
  if (!file)
    return emitError(loc) << "cannot write '" << path << "': " << error;
  print(file->os());
  file->keep();
  return success();
}

/// Writes the attention report of the raised module. CSE first: blocks that
/// compute the same K/V (e.g. the transposes raising inserts) then take the
/// same SSA values, which is how the report detects cross-layer KV sharing.
LogicalResult writeAttentionReport(ModuleOp module,
                                   const attnc::CompileOptions &options,
                                   llvm::StringRef outputPath) {
  auto addCSE = [](OpPassManager &pm) { pm.addPass(createCSEPass()); };
  if (failed(runPipeline(module, options, addCSE)))
    return failure();
  FailureOr<attnc::AttentionReport> report =
      attnc::buildAttentionReport(module, options.report.seqLen);
  if (failed(report))
    return failure();
  return writeText(outputPath, module.getLoc(), [&](llvm::raw_ostream &os) {
    attnc::printAttentionReport(*report, options.report.format, os);
  });
}

func::FuncOp findModelFunction(ModuleOp module) {
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isDeclaration())
      return func;
  return nullptr;
}

} // namespace

LogicalResult attnc::compileONNXFile(MLIRContext &context,
                                     llvm::StringRef modelPath,
                                     const CompileOptions &options,
                                     llvm::StringRef outputPath) {
  OwningOpRef<ModuleOp> module =
      importONNXModelFromFile(context, modelPath, options.import);
  if (!module)
    return failure();
  Location loc = module->getLoc();
  auto printModule = [&](llvm::raw_ostream &os) { module->print(os); };
  if (options.emit == EmitStage::ONNX)
    return writeText(outputPath, loc, printModule);

  AttnRaisingOptions raising;
  raising.ringWindowCaches = options.ringWindowCaches;
  if (failed(runPipeline(*module, options, [&](OpPassManager &pm) {
        buildAttnRaisingPipeline(pm, raising);
      })))
    return failure();
  if (options.emit == EmitStage::Attn)
    return writeText(outputPath, loc, printModule);
  if (options.emit == EmitStage::AttentionReport)
    return writeAttentionReport(*module, options, outputPath);

  if (failed(runPipeline(*module, options, buildLinalgLoweringPipeline)))
    return failure();
  if (options.emit == EmitStage::Linalg)
    return writeText(outputPath, loc, printModule);

  func::FuncOp model = findModelFunction(*module);
  if (!model)
    return emitError(loc) << "internal error: the module has no function";
  FailureOr<ModelSignature> signature = getModelSignature(model);
  if (failed(signature))
    return failure();
  model.setSymName(kEntryName);

  CPUPipelineOptions cpuOptions;
  if (failed(runPipeline(*module, options, [&](OpPassManager &pm) {
        buildCPUCodegenPipeline(pm, cpuOptions);
      })))
    return failure();
  if (options.emit == EmitStage::LLVM)
    return writeText(outputPath, loc, printModule);

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule = translateToLLVMWithModelABI(
      *module, llvmContext, *signature, kEntryName);
  if (!llvmModule)
    return failure();
  if (options.emit == EmitStage::LLVMIR) {
    if (failed(optimizeForHost(*llvmModule, options.optLevel, loc)))
      return failure();
    return writeText(outputPath, loc,
                     [&](llvm::raw_ostream &os) { llvmModule->print(os, nullptr); });
  }

  // Objects and libraries are binary: never to stdout.
  if (outputPath == "-")
    return emitError(loc) << "binary output (object or library) needs an "
                             "output file (-o)";
  std::string objectPath = outputPath.str();
  llvm::SmallString<128> tempObject;
  if (options.emit == EmitStage::Library) {
    if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
            "attnc-model", "o", tempObject))
      return emitError(loc) << "cannot create a temporary object file: "
                            << ec.message();
    objectPath = tempObject.str().str();
  }
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(objectPath, ec, llvm::sys::fs::OF_None);
    if (ec)
      return emitError(loc) << "cannot write '" << objectPath
                            << "': " << ec.message();
    if (failed(emitHostObject(*llvmModule, options.optLevel, os, loc)))
      return failure();
  }
  if (options.emit == EmitStage::Object)
    return success();
  LogicalResult linked =
      linkSharedLibrary(objectPath, outputPath, loc, options.linkerDriver);
  llvm::sys::fs::remove(objectPath);
  return linked;
}
