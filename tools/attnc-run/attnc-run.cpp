//===- attnc-run.cpp - Run a compiled model and check its outputs ---------===//
//
// Runs an attnc model, either a library exporting ModelABI.h or an .onnx
// model compiled on the fly, on inputs from a test-data folder, a folder of
// inputs or a deterministic random generator; compares its outputs with the
// expected ones, saves them, or times the model. Everything but the command
// line lives in the AttncRuntime library.
//
//===----------------------------------------------------------------------===//

#include "attnc/Runtime/ModelLoader.h"
#include "attnc/Runtime/RandomTensor.h"
#include "attnc/Runtime/TensorCompare.h"
#include "attnc/Runtime/TensorIO.h"
#include "attnc/Runtime/TestDataDir.h"

#ifdef ATTNC_RUN_HAS_COMPILER
#include "attnc/Compiler/Compiler.h"
#include "attnc/InitAllDialects.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/SourceMgr.h"
#endif

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <optional>

using namespace llvm;
using namespace attnc::runtime;

//===----------------------------------------------------------------------===//
// Command line
//===----------------------------------------------------------------------===//

static cl::OptionCategory runCategory("attnc-run options");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.onnx | model.so>"),
                                      cl::cat(runCategory));

static cl::opt<std::string>
    testDataDir("test-data",
                cl::desc("Run on DIR/input_K.pb and compare every output with "
                         "DIR/output_K.pb (the ONNX backend-test layout)"),
                cl::value_desc("dir"), cl::cat(runCategory));

static cl::opt<std::string>
    inputsDir("inputs", cl::desc("Run on DIR/input_K.pb, compare nothing"),
              cl::value_desc("dir"), cl::cat(runCategory));

static cl::opt<bool> randomInputs(
    "random-inputs",
    cl::desc("Run on deterministic pseudo-random inputs: floats uniform in "
             "[-1, 1), integers in [0, 10), bools 0 or 1 (see --seed)"),
    cl::cat(runCategory));

static cl::opt<uint64_t>
    randomSeed("seed",
               cl::desc("Seed of --random-inputs (std::mt19937_64); inputs "
                        "are drawn in graph order from one sequence"),
               cl::init(0), cl::cat(runCategory));

static cl::opt<std::string>
    saveOutputsDir("save-outputs",
                   cl::desc("Write every output to DIR/output_K.pb"),
                   cl::value_desc("dir"), cl::cat(runCategory));

static cl::opt<double> rtolOption(
    "rtol",
    cl::desc("Relative tolerance (default 1e-3; 1e-2 for f16 and bf16)"),
    cl::cat(runCategory));

static cl::opt<double> atolOption(
    "atol",
    cl::desc("Absolute tolerance (default 1e-5; 1e-3 for f16 and bf16)"),
    cl::cat(runCategory));

static cl::opt<unsigned> iterations(
    "iterations",
    cl::desc("After one warm-up run, time N runs and print their median, "
             "min and mean in milliseconds"),
    cl::init(0), cl::cat(runCategory));

static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Pin a graph input's shape when compiling an .onnx model, e.g. "
             "ids=1x128 (repeatable); symbolic dims are otherwise taken from "
             "the named tensors of --test-data or --inputs"),
    cl::value_desc("name=DxD..."), cl::cat(runCategory));

static cl::opt<std::string> keepLibrary(
    "keep-library",
    cl::desc("Write the library compiled from an .onnx model to PATH instead "
             "of a temporary file"),
    cl::value_desc("path"), cl::cat(runCategory));

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static Error makeError(const Twine &message) {
  return createStringError(message);
}

static std::string describe(StringRef kind, size_t index,
                            const TensorDesc &desc) {
  return (kind + " " + Twine(index) + " '" + desc.name + "'").str();
}

/// Parses `name=1x128` into `shapes`; the dims part is split at the last '='
/// because ONNX names may contain one.
static Error parseInputShape(StringRef spec,
                             StringMap<SmallVector<int64_t>> &shapes) {
  auto [name, dims] = spec.rsplit('=');
  if (name.empty() || dims.empty())
    return makeError("--input-shape '" + spec + "': expects name=DxD...");
  SmallVector<int64_t> shape;
  SmallVector<StringRef> parts;
  dims.split(parts, 'x');
  for (StringRef part : parts) {
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return makeError("--input-shape '" + spec + "': '" + part +
                       "' is not a non-negative integer");
    shape.push_back(dim);
  }
  if (!shapes.try_emplace(name, std::move(shape)).second)
    return makeError("--input-shape: '" + name + "' is given twice");
  return Error::success();
}

/// Rejects the option combinations that cannot work.
static Error checkOptions() {
  int sources = !testDataDir.empty() + !inputsDir.empty() + randomInputs;
  if (sources != 1)
    return makeError("expects exactly one of --test-data, --inputs and "
                     "--random-inputs");
  if ((rtolOption.getNumOccurrences() && rtolOption < 0) ||
      (atolOption.getNumOccurrences() && atolOption < 0))
    return makeError("--rtol and --atol must be non-negative");
  bool isONNX = StringRef(modelPath).ends_with_insensitive(".onnx");
  if (!isONNX && (!inputShapes.empty() || !keepLibrary.empty()))
    return makeError("--input-shape and --keep-library apply only to .onnx "
                     "models; a library's shapes are fixed");
  return Error::success();
}

//===----------------------------------------------------------------------===//
// Loading: a library, or an .onnx model compiled to one
//===----------------------------------------------------------------------===//

/// The shapes of the named tensors among the input files the tool will run
/// on (--test-data or --inputs), so that a model with symbolic dims compiles
/// for them without --input-shape. Unreadable files are skipped here: reading
/// the inputs after loading reports them.
static StringMap<SmallVector<int64_t>> getInputFileShapes() {
  StringMap<SmallVector<int64_t>> shapes;
  StringRef dir = !testDataDir.empty() ? StringRef(testDataDir)
                                       : StringRef(inputsDir);
  if (dir.empty())
    return shapes;
  std::error_code ec;
  for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    StringRef file = sys::path::filename(it->path());
    if (!file.starts_with("input_"))
      continue;
    Expected<Tensor> tensor = readTensorFile(it->path());
    if (!tensor) {
      consumeError(tensor.takeError());
      continue;
    }
    if (!tensor->getName().empty())
      shapes[tensor->getName()] = SmallVector<int64_t>(tensor->getShape());
  }
  return shapes;
}

/// Compiles the .onnx model to `libraryPath`, printing the compile time.
static Error compileModel(StringRef libraryPath) {
  StringMap<SmallVector<int64_t>> shapes;
  for (const std::string &spec : inputShapes)
    if (Error error = parseInputShape(spec, shapes))
      return error;
#ifdef ATTNC_RUN_HAS_COMPILER
  attnc::CompileOptions options;
  options.emit = attnc::EmitStage::Library;
  options.import.inputShapes = std::move(shapes);
  options.import.inputShapeHints = getInputFileShapes();
  mlir::DialectRegistry registry;
  attnc::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  auto start = std::chrono::steady_clock::now();
  if (mlir::failed(
          attnc::compileONNXFile(context, modelPath, options, libraryPath)))
    return makeError("cannot compile '" + modelPath + "'");
  std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start;
  outs() << "compile_ms: " << format("%.1f", elapsed.count()) << "\n";
  return Error::success();
#else
  (void)libraryPath;
  return makeError("this build has no compiler: '" + modelPath +
                   "' must be a model library (.so) made by attnc");
#endif
}

/// Loads the model library, compiling it first for an .onnx model. The
/// temporary library is deleted by `remover` when the tool exits; the loaded
/// copy stays mapped until then.
static Expected<std::unique_ptr<LoadedModel>>
loadModel(std::optional<FileRemover> &remover) {
  if (!StringRef(modelPath).ends_with_insensitive(".onnx"))
    return LoadedModel::load(modelPath);
  SmallString<128> libraryPath(keepLibrary);
  if (libraryPath.empty()) {
    if (std::error_code ec =
            sys::fs::createTemporaryFile("attnc-run", "so", libraryPath))
      return makeError("cannot create a temporary library file: " +
                       ec.message());
    remover.emplace(libraryPath);
    // A crash in the compiler or the model skips the remover; LLVM's signal
    // handlers delete the file then.
    sys::RemoveFileOnSignal(libraryPath);
  }
  if (Error error = compileModel(libraryPath))
    return std::move(error);
  return LoadedModel::load(libraryPath);
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

static Expected<SmallVector<Tensor>> readInputs(const LoadedModel &model,
                                                StringRef dir) {
  auto files = loadTestDataTensors(dir, "input", model.getInputs());
  if (!files)
    return files.takeError();
  SmallVector<Tensor> inputs;
  for (auto [index, desc, file] : enumerate(model.getInputs(), *files)) {
    if (!file)
      return makeError("no data for " + describe("input", index, desc) +
                       ": expected '" + getTestDataPath(dir, "input", index) +
                       "'");
    if (Error error = checkTensorMatches(desc, file->tensor))
      return makeError(describe("input", index, desc) + " from '" + file->path +
                       "': " + toString(std::move(error)));
    inputs.push_back(std::move(file->tensor));
  }
  return inputs;
}

static Expected<SmallVector<Tensor>>
makeRandomInputs(const LoadedModel &model) {
  RandomTensorGenerator generator(randomSeed);
  SmallVector<Tensor> inputs;
  for (auto [index, desc] : enumerate(model.getInputs())) {
    if (!desc.hasStaticShape())
      return makeError(describe("input", index, desc) + " has type " +
                       desc.getTypeString() +
                       "; random inputs need a static shape");
    Expected<Tensor> tensor =
        generator.generate(desc.type, desc.shape, desc.name);
    if (!tensor)
      return tensor.takeError();
    inputs.push_back(std::move(*tensor));
  }
  return inputs;
}

//===----------------------------------------------------------------------===//
// Running and timing
//===----------------------------------------------------------------------===//

/// Runs once into `outputs`; with --iterations, then times that many more
/// runs (the first one being the warm-up) and prints their statistics.
static Error runModel(const LoadedModel &model, ArrayRef<Tensor> inputs,
                      MutableArrayRef<Tensor> outputs) {
  if (Error error = model.run(inputs, outputs))
    return error;
  if (iterations == 0)
    return Error::success();
  SmallVector<double> times;
  for (unsigned i = 0; i < iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    if (Error error = model.run(inputs, outputs))
      return error;
    std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    times.push_back(elapsed.count());
  }
  llvm::sort(times);
  size_t n = times.size();
  double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  double mean = std::accumulate(times.begin(), times.end(), 0.0) / n;
  outs() << "median_ms: " << format("%.4f", median) << "\n";
  outs() << "min_ms: " << format("%.4f", times.front())
         << " mean_ms: " << format("%.4f", mean) << " iterations: " << n
         << "\n";
  return Error::success();
}

static Error saveOutputs(const LoadedModel &model, ArrayRef<Tensor> outputs) {
  if (std::error_code ec = sys::fs::create_directories(saveOutputsDir))
    return createFileError(saveOutputsDir, errorCodeToError(ec));
  for (auto [index, tensor] : enumerate(outputs))
    if (Error error = writeTensorProtoFile(
            tensor, getTestDataPath(saveOutputsDir, "output", index)))
      return error;
  return Error::success();
}

//===----------------------------------------------------------------------===//
// Comparison
//===----------------------------------------------------------------------===//

/// "[0, 2]": the coordinates of row-major element `index` of `shape`.
static std::string formatCoordinates(ArrayRef<int64_t> shape, int64_t index) {
  SmallVector<int64_t> coordinates(shape.size());
  for (size_t dim = shape.size(); dim-- > 0;) {
    coordinates[dim] = index % shape[dim];
    index /= shape[dim];
  }
  std::string result;
  raw_string_ostream os(result);
  os << '[';
  interleaveComma(coordinates, os);
  os << ']';
  return result;
}

static Tolerance getTolerance(ElementType type) {
  Tolerance tolerance = getDefaultTolerance(type);
  if (rtolOption.getNumOccurrences())
    tolerance.rtol = rtolOption;
  if (atolOption.getNumOccurrences())
    tolerance.atol = atolOption;
  return tolerance;
}

/// Prints one line per output and returns whether all of them pass.
static bool compareOutputs(const LoadedModel &model, ArrayRef<Tensor> outputs,
                           ArrayRef<std::optional<TensorFromFile>> expected) {
  bool allPassed = true;
  for (auto [index, desc, actual, reference] :
       enumerate(model.getOutputs(), outputs, expected)) {
    outs() << describe("output", index, desc) << ": ";
    Tolerance tolerance = getTolerance(desc.type);
    Expected<ComparisonResult> result =
        compareTensors(actual, reference->tensor, tolerance);
    if (!result) {
      outs() << toString(result.takeError()) << " (in '" << reference->path
             << "') FAIL\n";
      allPassed = false;
      continue;
    }
    outs() << "max_abs_err=" << format("%.3g", result->maxAbsError)
           << " max_rel_err=" << format("%.3g", result->maxRelError) << ' '
           << (result->passed() ? "PASS" : "FAIL") << "\n";
    if (result->passed())
      continue;
    allPassed = false;
    // Integers compare exactly, so their tolerance would only mislead.
    outs() << "  " << result->numMismatches << " of " << actual.getNumElements()
           << " elements differ";
    if (isFloatingPoint(desc.type))
      outs() << " beyond rtol=" << format("%g", tolerance.rtol)
             << " atol=" << format("%g", tolerance.atol);
    outs() << "; first at "
           << formatCoordinates(actual.getShape(), result->firstMismatchIndex)
           << ": got " << format("%.9g", result->firstMismatchActual)
           << ", expected " << format("%.9g", result->firstMismatchExpected)
           << "\n";
  }
  outs() << (allPassed ? "PASS" : "FAIL") << "\n";
  return allPassed;
}

/// The expected outputs of --test-data, read before running so that a
/// missing file is reported without waiting for the model.
static Expected<SmallVector<std::optional<TensorFromFile>>>
readExpectedOutputs(const LoadedModel &model) {
  auto files = loadTestDataTensors(testDataDir, "output", model.getOutputs());
  if (!files)
    return files.takeError();
  for (auto [index, desc, file] : enumerate(model.getOutputs(), *files))
    if (!file)
      return makeError("no expected value for " +
                       describe("output", index, desc) + ": expected '" +
                       getTestDataPath(testDataDir, "output", index) + "'");
  return files;
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

/// Runs the tool; an Error is a usage or I/O problem, false a FAIL.
static Expected<bool> runTool() {
  if (Error error = checkOptions())
    return std::move(error);
  std::optional<FileRemover> libraryRemover;
  Expected<std::unique_ptr<LoadedModel>> model = loadModel(libraryRemover);
  if (!model)
    return model.takeError();

  SmallVector<std::optional<TensorFromFile>> expected;
  if (!testDataDir.empty()) {
    auto files = readExpectedOutputs(**model);
    if (!files)
      return files.takeError();
    expected = std::move(*files);
  }
  Expected<SmallVector<Tensor>> inputs =
      randomInputs
          ? makeRandomInputs(**model)
          : readInputs(**model, testDataDir.empty() ? inputsDir : testDataDir);
  if (!inputs)
    return inputs.takeError();
  Expected<SmallVector<Tensor>> outputs = (*model)->createOutputs();
  if (!outputs)
    return outputs.takeError();

  if (Error error = runModel(**model, *inputs, *outputs))
    return std::move(error);
  if (!saveOutputsDir.empty())
    if (Error error = saveOutputs(**model, *outputs))
      return std::move(error);
  if (testDataDir.empty())
    return true;
  return compareOutputs(**model, *outputs, expected);
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(runCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "attnc-run: run an attnc model and check its outputs\n\n"
      "  attnc-run MODEL.onnx|MODEL.so --test-data DIR [--rtol R] [--atol A]\n"
      "  attnc-run MODEL --inputs DIR | --random-inputs [--save-outputs DIR]\n"
      "            [--iterations N]\n\n"
      "Exits with 0 only when every output passes.\n");
  Expected<bool> passed = runTool();
  if (!passed) {
    WithColor::error(errs(), "attnc-run")
        << toString(passed.takeError()) << "\n";
    return 1;
  }
  return *passed ? 0 : 1;
}
