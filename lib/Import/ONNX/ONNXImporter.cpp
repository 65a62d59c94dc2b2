//===- ONNXImporter.cpp - ONNX protobuf to the onnx dialect ---------------===//

#include "attnc/Import/ONNXImporter.h"

#include "GraphImporter.h"

#include "attnc/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <climits>

using namespace mlir;
namespace proto = ::onnx;

namespace {

OwningOpRef<ModuleOp>
importParsed(MLIRContext &context, llvm::StringRef bytes,
             llvm::StringRef sourceName,
             attnc::onnx_import::ExternalDataRoot root,
             const attnc::ONNXImportOptions &options) {
  context.loadDialect<mlir::onnx::ONNXDialect, func::FuncDialect>();
  Location loc = FileLineColLoc::get(&context, sourceName, 0, 0);
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    emitError(loc) << "the model file is larger than 2 GiB; keep large "
                      "weights in external data files";
    return nullptr;
  }
  proto::ModelProto model;
  if (!model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    emitError(loc) << "not a valid ONNX model: the protobuf is malformed or "
                      "truncated";
    return nullptr;
  }
  if (!model.has_graph()) {
    emitError(loc) << "not a valid ONNX model: it has no graph";
    return nullptr;
  }
  attnc::onnx_import::GraphImporter importer(context, model, std::move(root),
                                             sourceName, options);
  return importer.importModel();
}

} // namespace

OwningOpRef<ModuleOp>
attnc::importONNXModelFromFile(MLIRContext &context, llvm::StringRef path,
                               const ONNXImportOptions &options) {
  Location loc = FileLineColLoc::get(&context, path, 0, 0);
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer) {
    emitError(loc) << "cannot read '" << path
                   << "': " << buffer.getError().message();
    return nullptr;
  }
  // External data must stay inside the model's folder: resolve it once,
  // without symlinks, for prefix checks.
  llvm::SmallString<256> directory(path);
  llvm::sys::path::remove_filename(directory);
  if (directory.empty())
    directory = ".";
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(directory, real)) {
    emitError(loc) << "cannot resolve the folder of '" << path << "'";
    return nullptr;
  }
  onnx_import::ExternalDataRoot root{std::string(real)};
  return importParsed(context, (*buffer)->getBuffer(), path, std::move(root),
                      options);
}

OwningOpRef<ModuleOp>
attnc::importONNXModelFromBuffer(MLIRContext &context, llvm::StringRef bytes,
                                 llvm::StringRef bufferName,
                                 const ONNXImportOptions &options) {
  return importParsed(context, bytes, bufferName,
                      onnx_import::ExternalDataRoot{}, options);
}
