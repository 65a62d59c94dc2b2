//===- SubgraphImport.cpp - Loop and Scan bodies as regions ---------------===//
//
// A Loop or Scan node's `body` subgraph becomes the single-block region of its
// op. The subgraph's inputs are the block's arguments, typed from the node's
// operands (ONNX bodies often leave them untyped) and refined by what the
// subgraph declares; its nodes are imported like any graph's, in a scope
// nested in the node's, so the body may use outer values by name; its outputs
// are yielded.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

using namespace mlir;
namespace proto = ::onnx;

namespace attnc::onnx_import {

bool isControlFlowNode(const proto::NodeProto &node) {
  return (node.domain().empty() || node.domain() == "ai.onnx") &&
         (node.op_type() == "Loop" || node.op_type() == "Scan");
}

namespace {

/// Adds to `names` what `graph` (or a subgraph inside it) uses but does not
/// define.
void collectFreeNames(const proto::GraphProto &graph,
                      llvm::StringSet<> &names) {
  llvm::StringSet<> defined, used;
  for (const proto::ValueInfoProto &input : graph.input())
    defined.insert(input.name());
  for (const proto::TensorProto &tensor : graph.initializer())
    defined.insert(tensor.name());
  for (const proto::NodeProto &node : graph.node()) {
    for (const std::string &output : node.output())
      defined.insert(output);
    for (const std::string &input : node.input())
      if (!input.empty())
        used.insert(input);
    collectCapturedNames(node, used);
  }
  for (const auto &name : used)
    if (!defined.contains(name.getKey()))
      names.insert(name.getKey());
}

/// What a subgraph input declares about its type; either part may be absent.
struct DeclaredType {
  Type elementType;
  std::optional<SmallVector<int64_t>> shape;
};

FailureOr<DeclaredType> readDeclaredType(MLIRContext &context,
                                         const proto::ValueInfoProto &info,
                                         Location loc) {
  DeclaredType declared;
  if (!info.has_type())
    return declared;
  if (!info.type().has_tensor_type())
    return emitError(loc) << "body input '" << info.name()
                          << "' is not a tensor (sequences, maps and "
                             "optionals are not supported)";
  const proto::TypeProto_Tensor &tensor = info.type().tensor_type();
  if (tensor.elem_type() != proto::TensorProto::UNDEFINED) {
    declared.elementType = convertElementType(context, tensor.elem_type(), loc);
    if (!declared.elementType)
      return failure();
  }
  if (tensor.has_shape()) {
    declared.shape.emplace();
    for (const proto::TensorShapeProto_Dimension &dim : tensor.shape().dim()) {
      if (dim.has_dim_value() && dim.dim_value() < 0)
        return emitError(loc) << "body input '" << info.name()
                              << "' has a negative dim " << dim.dim_value();
      declared.shape->push_back(dim.has_dim_value() ? dim.dim_value()
                                                    : ShapedType::kDynamic);
    }
  }
  return declared;
}

/// The type of a body argument: what the node passes, with the dims the
/// body's declaration makes static. A declaration that contradicts the node
/// is an error.
FailureOr<Type> refineArgumentType(Type passed, const DeclaredType &declared,
                                   const proto::ValueInfoProto &info,
                                   bool elementTypeOnly, Location loc) {
  auto tensor = cast<RankedTensorType>(passed);
  if (declared.elementType && declared.elementType != tensor.getElementType())
    return emitError(loc) << "body input '" << info.name()
                          << "' is declared with element type "
                          << declared.elementType << ", but it receives "
                          << passed;
  if (elementTypeOnly || !declared.shape)
    return passed;
  if (failed(verifyCompatibleShape(*declared.shape, tensor.getShape())))
    return emitError(loc) << "body input '" << info.name()
                          << "' is declared as "
                          << RankedTensorType::get(*declared.shape,
                                                   tensor.getElementType())
                          << ", but it receives " << passed;
  SmallVector<int64_t> shape(tensor.getShape());
  for (auto [dim, known] : llvm::zip_equal(shape, *declared.shape))
    if (ShapedType::isDynamic(dim))
      dim = known;
  return Type(RankedTensorType::get(shape, tensor.getElementType()));
}

/// The most static type of which both `a` and `b` are instances (dims that
/// differ become dynamic), or null when the element types or ranks differ.
Type joinTypes(Type a, Type b) {
  auto ta = dyn_cast<RankedTensorType>(a);
  auto tb = dyn_cast<RankedTensorType>(b);
  if (!ta || !tb || ta.getElementType() != tb.getElementType() ||
      ta.getRank() != tb.getRank())
    return nullptr;
  SmallVector<int64_t> shape;
  for (auto [x, y] : llvm::zip_equal(ta.getShape(), tb.getShape()))
    shape.push_back(x == y ? x : ShapedType::kDynamic);
  return RankedTensorType::get(shape, ta.getElementType());
}

} // namespace

void collectCapturedNames(const proto::NodeProto &node,
                          llvm::StringSet<> &names) {
  for (const proto::AttributeProto &attribute : node.attribute()) {
    if (attribute.has_g())
      collectFreeNames(attribute.g(), names);
    for (const proto::GraphProto &graph : attribute.graphs())
      collectFreeNames(graph, names);
  }
}

LogicalResult GraphImporter::importSubgraph(
    const proto::GraphProto &graph, Location loc, TypeRange argumentTypes,
    const OpsetMap &opsets, const Scope &scope, const FunctionContext &function,
    unsigned depth, Region &region) {
  Location fileLoc = FileLineColLoc::get(&context, sourceName, 0, 0);
  region.getBlocks().clear();
  Block *block = new Block();
  region.push_back(block);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(block);

  Scope inner(&scope);
  auto defineOnce = [&](const std::string &name, Value value) -> LogicalResult {
    if (inner.definesLocally(name))
      return emitError(loc)
             << "value '" << name << "' is defined more than once in the body";
    inner.define(name, value);
    return success();
  };
  for (auto [input, type] : llvm::zip_equal(graph.input(), argumentTypes)) {
    Location inputLoc = NameLoc::get(
        StringAttr::get(&context, function.prefix + input.name()), fileLoc);
    Value argument = block->addArgument(type, inputLoc);
    if (!input.name().empty() && failed(defineOnce(input.name(), argument)))
      return failure();
  }
  for (const proto::TensorProto &tensor : graph.initializer()) {
    Location tensorLoc = NameLoc::get(
        StringAttr::get(&context, function.prefix + tensor.name()), fileLoc);
    FailureOr<ElementsAttr> value =
        convertTensor(context, tensor, root, tensorLoc);
    if (failed(value) ||
        failed(defineOnce(tensor.name(), mlir::onnx::ConstantOp::create(
                                             builder, tensorLoc, *value))))
      return failure();
  }

  if (failed(importNodes(graph.node(), opsets, inner, function, depth)))
    return failure();

  SmallVector<Value> outputs;
  for (const proto::ValueInfoProto &output : graph.output()) {
    Value value = inner.lookup(output.name());
    if (!value)
      return emitError(loc)
             << "body output '" << output.name() << "' is never defined";
    outputs.push_back(value);
  }
  mlir::onnx::YieldOp::create(builder, loc, outputs);
  return success();
}

LogicalResult GraphImporter::importControlFlowNode(
    const proto::NodeProto &node, Location loc, const proto::GraphProto *body,
    NamedAttrList &attributes, const OpsetMap &opsets, Scope &scope,
    const FunctionContext &function, unsigned depth) {
  const std::string &opType = node.op_type();
  bool isLoop = opType == "Loop";
  if (!body)
    return emitError(loc) << opType << " needs a 'body' graph attribute";
  if (depth >= kMaxNestingDepth)
    return emitError(loc) << "subgraphs and functions are nested more than "
                          << kMaxNestingDepth << " levels deep";
  auto opset = opsets.find("");
  if (!isLoop && opset != opsets.end() && opset->second < 9)
    return emitError(loc) << "Scan-8 (with a batch axis and sequence_lens) "
                             "is not supported; the model imports opset "
                          << opset->second;

  // Operands: Loop's M and cond may be omitted, nothing else may.
  if (isLoop && node.input_size() < 2)
    return emitError(loc) << "Loop takes M, cond and the loop-carried values, "
                             "but the node has "
                          << node.input_size() << " input"
                          << (node.input_size() == 1 ? "" : "s");
  SmallVector<Value> operands;
  for (auto [index, input] : llvm::enumerate(node.input())) {
    if (!input.empty())
      operands.push_back(scope.lookup(input));
    else if (isLoop && index < 2)
      operands.push_back(mlir::onnx::NoValueOp::create(builder, loc));
    else
      return emitError(loc) << opType << " input #" << index
                            << " is omitted; only M and cond of a Loop may be";
  }
  DictionaryAttr attributeDict = attributes.getDictionary(&context);

  // The body's arguments, and which of them are carried from one iteration
  // to the next (Loop: after the iteration number and the condition; Scan:
  // the states, first).
  SmallVector<Type> argumentTypes;
  size_t firstCarried, numCarried;
  if (isLoop) {
    // An omitted function input reaches here as onnx.NoValue.
    for (auto [index, value] : llvm::enumerate(ValueRange(operands)))
      if (index >= 2 && !isa<RankedTensorType>(value.getType()))
        return emitError(loc)
               << "Loop input #" << index << " must be a tensor, but it is "
               << value.getType();
    argumentTypes.push_back(RankedTensorType::get({}, builder.getI64Type()));
    argumentTypes.push_back(RankedTensorType::get({}, builder.getI1Type()));
    llvm::append_range(argumentTypes,
                       ValueRange(operands).drop_front(2).getTypes());
    firstCarried = 2;
    numCarried = operands.size() - 2;
  } else {
    FailureOr<SmallVector<Type>> types =
        mlir::onnx::ScanOp::inferBodyArgumentTypes(
            loc, ValueRange(operands).getTypes(), attributeDict);
    if (failed(types))
      return failure();
    argumentTypes = std::move(*types);
    firstCarried = 0;
    numCarried =
        operands.size() -
        cast<IntegerAttr>(attributeDict.get("num_scan_inputs")).getInt();
  }
  if (static_cast<size_t>(body->input_size()) != argumentTypes.size())
    return emitError(loc) << "the body of " << opType << " takes "
                          << body->input_size()
                          << " inputs, but the node passes "
                          << argumentTypes.size() << " ("
                          << (isLoop ? "iteration number, condition and " : "")
                          << numCarried
                          << (isLoop ? " loop-carried values" : " states")
                          << (isLoop ? "" : " and the scan slices") << ")";
  for (auto [index, input] : llvm::enumerate(body->input())) {
    FailureOr<DeclaredType> declared = readDeclaredType(context, input, loc);
    if (failed(declared))
      return failure();
    // Loop's iteration number and condition are scalars however declared.
    FailureOr<Type> refined =
        refineArgumentType(argumentTypes[index], *declared, input,
                           /*elementTypeOnly=*/isLoop && index < 2, loc);
    if (failed(refined))
      return failure();
    argumentTypes[index] = *refined;
  }

  // The op is created first, with placeholder result types, so that its body
  // is imported in place: ops in the body (nested bodies in particular) are
  // verified within the function, where dominance is defined.
  if (isLoop && body->output_size() < 1)
    return emitError(loc) << "the body of Loop has no outputs; it must yield "
                             "at least its condition";
  size_t numResults = body->output_size() - (isLoop ? 1 : 0);
  if (node.output_size() > static_cast<int>(numResults))
    return emitError(loc) << opType << " produces " << numResults << " output"
                          << (numResults == 1 ? "" : "s")
                          << " (from its body), but the node names "
                          << node.output_size();
  OperationState state(loc, isLoop ? mlir::onnx::LoopOp::getOperationName()
                                   : mlir::onnx::ScanOp::getOperationName());
  state.addOperands(operands);
  state.addAttributes(attributes);
  state.addRegion();
  state.addTypes(SmallVector<Type>(numResults, builder.getNoneType()));
  Operation *op = builder.create(state);
  Region &region = op->getRegion(0);

  // A loop-carried value may change shape between iterations (a growing
  // concatenation): then its argument type must be the join of all
  // iterations'. Import, widen the carried types to what the body yields,
  // and import again until they are stable; each round makes at least one
  // more dim dynamic, so this ends.
  collectDeclaredTypes(*body);
  std::string prefix;
  if (auto name = dyn_cast<NameLoc>(loc))
    prefix = name.getName().str() + "/";
  FunctionContext nested{function.callerAttributes, prefix};
  size_t firstCarriedOutput = isLoop ? 1 : 0;
  for (bool stable = false; !stable;) {
    if (failed(importSubgraph(*body, loc, argumentTypes, opsets, scope, nested,
                              depth + 1, region)))
      return failure();
    Operation *yield = region.front().getTerminator();
    stable = true;
    for (size_t i = 0; i < numCarried; ++i) {
      if (firstCarriedOutput + i >= yield->getNumOperands())
        break; // The op's inference reports the arity.
      Type &carried = argumentTypes[firstCarried + i];
      Type next = yield->getOperand(firstCarriedOutput + i).getType();
      Type joined = joinTypes(carried, next);
      if (!joined)
        return emitError(loc)
               << "the body of " << opType << " turns loop-carried value '"
               << body->input(firstCarried + i).name() << "' of type "
               << carried << " into " << next;
      if (joined != carried) {
        carried = joined;
        stable = false;
      }
    }
    if (!stable && ++subgraphReimports > kMaxSubgraphReimports)
      return emitError(loc) << "subgraphs were imported again more than "
                            << kMaxSubgraphReimports
                            << " times to widen loop-carried values that "
                               "change shape";
  }

  SmallVector<Type> resultTypes;
  auto inference =
      op->getName().getRegisteredInfo()->getInterface<InferTypeOpInterface>();
  if (failed(inference->inferReturnTypes(&context, loc, operands, attributeDict,
                                         OpaqueProperties(nullptr),
                                         op->getRegions(), resultTypes)))
    return failure();
  if (resultTypes.size() != numResults)
    return emitError(loc) << "internal error: " << opType << " infers "
                          << resultTypes.size() << " results for " << numResults
                          << " body outputs";
  refineWithDeclaredTypes(node, resultTypes);
  for (auto [result, type] : llvm::zip_equal(op->getResults(), resultTypes))
    result.setType(type);
  return finishNodeOp(node, op, scope);
}

} // namespace attnc::onnx_import
