//===- attnc.cpp - The attnc compiler driver ------------------------------===//
//
// Maps command-line flags onto attnc::CompileOptions; the work happens in the
// Compiler library.
//
//===----------------------------------------------------------------------===//

#include "attnc/Compiler/Compiler.h"
#include "attnc/Compiler/DiagnosticPrinter.h"
#include "attnc/InitAllDialects.h"
#include "attnc/InitAllPasses.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

// Only these appear in --help; LLVM's and MLIR's own flags (e.g.
// --mlir-timing, --mlir-print-ir-after-all) still work and are listed by
// --help-hidden.
static cl::OptionCategory compilerCategory("attnc options");

static cl::opt<std::string> inputPath(cl::Positional, cl::desc("<model.onnx>"),
                                      cl::Required, cl::cat(compilerCategory));
static cl::opt<std::string> outputPath("o", cl::desc("Output file"),
                                       cl::value_desc("path"),
                                       cl::cat(compilerCategory));
static cl::opt<attnc::EmitStage> emit(
    "emit", cl::desc("What to write"), cl::init(attnc::EmitStage::Library),
    cl::values(clEnumValN(attnc::EmitStage::ONNX, "onnx",
                          "the onnx dialect as imported"),
               clEnumValN(attnc::EmitStage::Attn, "attn",
                          "after attention raising"),
               clEnumValN(attnc::EmitStage::Linalg, "linalg",
                          "after lowering to linalg on tensors"),
               clEnumValN(attnc::EmitStage::LLVM, "llvm", "the LLVM dialect"),
               clEnumValN(attnc::EmitStage::LLVMIR, "llvm-ir", "LLVM IR"),
               clEnumValN(attnc::EmitStage::Object, "obj", "an object file"),
               clEnumValN(attnc::EmitStage::Library, "lib",
                          "a shared library with the model ABI (default)")),
    cl::cat(compilerCategory));
static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Pin a graph input's shape, e.g. --input-shape input_ids=1x128"),
    cl::value_desc("name=DxD..."), cl::cat(compilerCategory));
static cl::opt<unsigned> optLevel("O", cl::desc("LLVM optimisation level"),
                                  cl::init(2), cl::Prefix,
                                  cl::cat(compilerCategory));
static cl::opt<bool>
    report("report",
           cl::desc("Instead of compiling, print each attention block (after "
                    "raising) with its KV cache bytes and prefill FLOPs"),
           cl::cat(compilerCategory));
static cl::opt<int64_t> seqLen(
    "seq-len",
    cl::desc("Context length N of --report: FLOPs of a prefill of N tokens, "
             "KV bytes of N cached tokens (default 4096)"),
    cl::init(attnc::kDefaultReportSeqLen), cl::cat(compilerCategory));
static cl::opt<attnc::AttentionReportFormat>
    reportFormat("report-format", cl::desc("Format of --report"),
                 cl::init(attnc::AttentionReportFormat::Text),
                 cl::values(clEnumValN(attnc::AttentionReportFormat::Text,
                                       "text", "an aligned table (default)"),
                            clEnumValN(attnc::AttentionReportFormat::JSON,
                                       "json", "one JSON object")),
                 cl::cat(compilerCategory));
static cl::opt<bool> ringWindowCaches(
    "ring-window-caches",
    cl::desc("Give each sliding-window layer's growing (Concat) KV cache a "
             "ring buffer of its window W: its past_* inputs and present_* "
             "outputs become W slots (changes the model's signature)"),
    cl::cat(compilerCategory));
static cl::opt<std::string>
    linker("linker-driver", cl::desc("C compiler driver that links libraries"),
           cl::init(""), cl::cat(compilerCategory));

/// Parses "name=1x128" into the import options.
static LogicalResult parseInputShape(llvm::StringRef spec,
                                     attnc::ONNXImportOptions &options) {
  auto [name, dims] = spec.rsplit('=');
  if (name.empty() || dims.empty()) {
    llvm::errs() << "error: --input-shape expects name=DxD..., got '" << spec
                 << "'\n";
    return failure();
  }
  llvm::SmallVector<int64_t> shape;
  llvm::SmallVector<llvm::StringRef> parts;
  dims.split(parts, 'x');
  for (llvm::StringRef part : parts) {
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0) {
      llvm::errs() << "error: --input-shape '" << spec << "': '" << part
                   << "' is not a non-negative integer\n";
      return failure();
    }
    shape.push_back(dim);
  }
  options.inputShapes[name] = std::move(shape);
  return success();
}

/// Maps --report, --seq-len and --report-format onto the options; they make
/// sense only together and not with --emit.
static LogicalResult applyReportFlags(attnc::CompileOptions &options) {
  if (!report) {
    if (seqLen.getNumOccurrences() || reportFormat.getNumOccurrences()) {
      llvm::errs() << "error: --seq-len and --report-format need --report\n";
      return failure();
    }
    return success();
  }
  if (emit.getNumOccurrences()) {
    llvm::errs() << "error: --report and --emit cannot be combined\n";
    return failure();
  }
  if (seqLen <= 0) {
    llvm::errs() << "error: --seq-len expects a positive integer, got "
                 << seqLen << "\n";
    return failure();
  }
  options.emit = attnc::EmitStage::AttentionReport;
  options.report.seqLen = seqLen;
  options.report.format = reportFormat;
  return success();
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerPassManagerCLOptions();
  registerMLIRContextCLOptions();
  registerAsmPrinterCLOptions();
  registerDefaultTimingManagerCLOptions();
  cl::HideUnrelatedOptions(compilerCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "attnc: ONNX to native code\n\n"
      "  attnc MODEL.onnx -o MODEL.so [-O N] [--input-shape name=DxD...]\n"
      "  attnc MODEL.onnx --emit=onnx|attn|linalg|llvm|llvm-ir [-o FILE]\n"
      "  attnc MODEL.onnx --report [--seq-len N] [--report-format=json]\n\n"
      "MLIR's debugging flags (--mlir-timing, --mlir-print-ir-after-all, ...)\n"
      "are listed by --help-hidden.\n");

  attnc::CompileOptions options;
  options.emit = emit;
  options.optLevel = optLevel;
  options.linkerDriver = linker;
  options.ringWindowCaches = ringWindowCaches;
  if (failed(applyReportFlags(options)))
    return 1;
  for (const std::string &spec : inputShapes)
    if (failed(parseInputShape(spec, options.import)))
      return 1;
  options.configurePassManager = [](PassManager &pm) {
    applyDefaultTimingPassManagerCLOptions(pm);
    return applyPassManagerCLOptions(pm);
  };

  std::string output = outputPath;
  if (output.empty()) {
    bool binary = options.emit == attnc::EmitStage::Object ||
                  options.emit == attnc::EmitStage::Library;
    if (binary) {
      llvm::errs() << "error: -o is required for --emit=obj and --emit=lib\n";
      return 1;
    }
    output = "-";
  }

  DialectRegistry registry;
  attnc::registerAllDialects(registry);
  attnc::registerAllPasses();
  MLIRContext context(registry);
  attnc::DiagnosticPrinter diagnostics(&context);
  return asMainReturnCode(
      attnc::compileONNXFile(context, inputPath, options, output));
}
