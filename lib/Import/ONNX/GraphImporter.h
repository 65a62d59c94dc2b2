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
#include "llvm/ADT/StringSet.h"

#include <map>

namespace attnc::onnx_import {

/// Opset version per domain ("" is the default domain).
using OpsetMap = std::map<std::string, int64_t>;

/// How deep functions and subgraphs may nest (each call or body is a level):
/// deeper models are refused, not a stack overflow.
inline constexpr unsigned kMaxNestingDepth = 32;

/// How many times a model's bodies may be imported again to widen their
/// loop-carried types.
inline constexpr unsigned kMaxSubgraphReimports = 1024;

/// Whether the node is a Loop or Scan, whose `body` subgraph becomes a region.
bool isControlFlowNode(const ::onnx::NodeProto &node);

/// Adds to `names` the outer-scope names that the node's subgraphs (at any
/// depth) use: those no subgraph on the way defines.
void collectCapturedNames(const ::onnx::NodeProto &node,
                          llvm::StringSet<> &names);

/// Imports the main graph of a ModelProto, inlining model-local functions.
class GraphImporter {
public:
  GraphImporter(mlir::MLIRContext &context, const ::onnx::ModelProto &model,
                ExternalDataRoot root, llvm::StringRef sourceName,
                const ONNXImportOptions &options);

  /// Builds the module; null after diagnostics on failure.
  mlir::OwningOpRef<mlir::ModuleOp> importModel();

private:
  /// Values visible to the nodes being imported, by ONNX name. A subgraph's
  /// scope sees its own names first, then those of the graphs around it
  /// (ONNX's outer-scope references); a function body's scope has no parent.
  class Scope {
  public:
    explicit Scope(const Scope *parent = nullptr) : parent(parent) {}
    /// The value named `name` here or in an enclosing scope; null if none.
    mlir::Value lookup(llvm::StringRef name) const {
      for (const Scope *scope = this; scope; scope = scope->parent)
        if (mlir::Value value = scope->values.lookup(name))
          return value;
      return nullptr;
    }
    bool contains(llvm::StringRef name) const {
      return static_cast<bool>(lookup(name));
    }
    /// Whether this scope itself (not an enclosing one) defines `name`.
    bool definesLocally(llvm::StringRef name) const {
      return values.count(name) != 0;
    }
    void define(llvm::StringRef name, mlir::Value value) {
      values[name] = value;
    }

  private:
    llvm::StringMap<mlir::Value> values;
    const Scope *parent;
  };

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
  /// Loop and Scan (SubgraphImport.cpp): the `body` subgraph becomes the
  /// op's region, imported in a scope nested in `scope`.
  mlir::LogicalResult importControlFlowNode(
      const ::onnx::NodeProto &node, mlir::Location loc,
      const ::onnx::GraphProto *body, mlir::NamedAttrList &attributes,
      const OpsetMap &opsets, Scope &scope, const FunctionContext &function,
      unsigned depth);
  /// Imports `graph` into `region` (replacing what it held) as one block
  /// whose arguments have `argumentTypes` and whose onnx.Yield returns the
  /// graph's outputs.
  mlir::LogicalResult importSubgraph(const ::onnx::GraphProto &graph,
                                     mlir::Location loc,
                                     mlir::TypeRange argumentTypes,
                                     const OpsetMap &opsets,
                                     const Scope &scope,
                                     const FunctionContext &function,
                                     unsigned depth, mlir::Region &region);
  /// Records the types `graph` declares for its values (value_info, outputs)
  /// in `declaredTypes`, keeping earlier entries.
  void collectDeclaredTypes(const ::onnx::GraphProto &graph);
  /// Replaces dynamic dims of `resultTypes` by the static dims the graph
  /// declares for the node's outputs, where the two are compatible.
  void refineWithDeclaredTypes(const ::onnx::NodeProto &node,
                               llvm::MutableArrayRef<mlir::Type> resultTypes);
  /// Verifies and folds `op`, the node's new op, and names its results in
  /// `scope` after the node's outputs.
  mlir::LogicalResult finishNodeOp(const ::onnx::NodeProto &node,
                                   mlir::Operation *op, Scope &scope);

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
  /// Bodies imported again so far because their loop-carried shapes widened
  /// (nested bodies multiply these, so the total is bounded).
  unsigned subgraphReimports = 0;
};

} // namespace attnc::onnx_import

#endif // ATTNC_LIB_IMPORT_ONNX_GRAPHIMPORTER_H
