//===- GraphImporter.h - One ONNX graph to one func.func --------*- C++ -*-===//
//
// Private to the ONNX importer.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_IMPORT_ONNX_GRAPHIMPORTER_H
#define ATTNC_LIB_IMPORT_ONNX_GRAPHIMPORTER_H

#include "TensorImport.h"

#include "attnc/Import/ONNXImporter.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"

#include <map>

namespace attnc::onnx_import {

/// Opset version per domain ("" is the default domain).
using OpsetMap = std::map<std::string, int64_t>;

/// Imports the main graph of a ModelProto, inlining model-local functions.
class GraphImporter {
public:
  GraphImporter(mlir::MLIRContext &context, const ::onnx::ModelProto &model,
                ExternalDataRoot root, llvm::StringRef sourceName,
                const ONNXImportOptions &options);

  /// Builds the module; null after diagnostics on failure.
  mlir::OwningOpRef<mlir::ModuleOp> importModel();

private:
  /// Values visible to the nodes being imported, by ONNX name.
  using Scope = llvm::StringMap<mlir::Value>;

  /// A call of a model-local function: its scope's attributes (for
  /// `ref_attr_name`) and the name prefix of its nodes.
  struct FunctionContext {
    const mlir::NamedAttrList *callerAttributes = nullptr;
    std::string prefix;
  };

  mlir::LogicalResult checkSupported();
  mlir::LogicalResult importNodes(
      const google::protobuf::RepeatedPtrField<::onnx::NodeProto> &nodes,
      const OpsetMap &opsets, Scope &scope, const FunctionContext &function,
      unsigned depth);
  mlir::LogicalResult importNode(const ::onnx::NodeProto &node, size_t index,
                                 const OpsetMap &opsets, Scope &scope,
                                 const FunctionContext &function,
                                 unsigned depth);
  mlir::LogicalResult inlineFunction(const ::onnx::NodeProto &node,
                                     mlir::Location loc,
                                     const ::onnx::FunctionProto &callee,
                                     mlir::NamedAttrList &attributes,
                                     Scope &scope,
                                     const FunctionContext &function,
                                     unsigned depth);
  /// The node's name (or "<op_type>#<index>" when unnamed) in the model file.
  mlir::Location nodeLocation(const ::onnx::NodeProto &node,
                              const FunctionContext &function, size_t index);
  const ::onnx::FunctionProto *findFunction(const ::onnx::NodeProto &node);

  mlir::MLIRContext &context;
  const ::onnx::ModelProto &model;
  ExternalDataRoot root;
  std::string sourceName;
  const ONNXImportOptions &options;
  mlir::OpBuilder builder;
  OpsetMap modelOpsets;
  /// Types the graph declares for values (outputs and value_info).
  llvm::StringMap<mlir::RankedTensorType> declaredTypes;
};

} // namespace attnc::onnx_import

#endif // ATTNC_LIB_IMPORT_ONNX_GRAPHIMPORTER_H
