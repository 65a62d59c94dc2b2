//===- GraphImporter.cpp - One ONNX graph to one func.func ----------------===//
//
// Mechanical import: one onnx op per node, in topological order, each built
// generically by name with inferred result types, verified, and folded when
// its inputs are constants (so shape subgraphs become constants here).
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "AttributeImport.h"
#include "OpsetNormalization.h"

#include "attnc/Dialect/ONNX/IR/ONNXDialect.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "llvm/ADT/StringSet.h"

#include <functional>
#include <queue>

using namespace mlir;
namespace proto = ::onnx;

namespace attnc::onnx_import {
namespace {

bool isDefaultDomain(llvm::StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

/// The onnx-dialect op name of a node, or "" for domains attnc does not know.
std::string opNameFor(const proto::NodeProto &node) {
  // onnxruntime registers its SimplifiedLayerNormalization contrib op in the
  // default domain; it is not an ONNX operator.
  if (isDefaultDomain(node.domain()) &&
      node.op_type() == "SimplifiedLayerNormalization")
    return "onnx.ms.SimplifiedLayerNormalization";
  if (isDefaultDomain(node.domain()))
    return "onnx." + node.op_type();
  if (node.domain() == "com.microsoft")
    return "onnx.ms." + node.op_type();
  return "";
}

int64_t opsetFor(const OpsetMap &opsets, llvm::StringRef domain) {
  auto it = opsets.find(isDefaultDomain(domain) ? "" : domain.str());
  return it == opsets.end() ? 0 : it->second;
}

OpsetMap readOpsets(
    const google::protobuf::RepeatedPtrField<proto::OperatorSetIdProto> &ids) {
  OpsetMap opsets;
  for (const proto::OperatorSetIdProto &id : ids)
    opsets[isDefaultDomain(id.domain()) ? "" : id.domain()] = id.version();
  return opsets;
}

/// The fixed operand count of a registered op (our onnx ops have one operand
/// per ONNX input, omitted ones included), or nullopt for variadic ops.
template <unsigned N = 2>
std::optional<unsigned> fixedOperandCount(RegisteredOperationName name) {
  if constexpr (N == 2) {
    if (name.hasTrait<OpTrait::ZeroOperands>())
      return 0u;
    if (name.hasTrait<OpTrait::OneOperand>())
      return 1u;
  }
  if constexpr (N > 16) {
    return std::nullopt;
  } else {
    if (name.hasTrait<OpTrait::NOperands<N>::template Impl>())
      return N;
    return fixedOperandCount<N + 1>(name);
  }
}

/// The fixed result count of a registered op, or nullopt for variadic ones.
template <unsigned N = 2>
std::optional<unsigned> fixedResultCount(RegisteredOperationName name) {
  if constexpr (N == 2) {
    if (name.hasTrait<OpTrait::ZeroResults>())
      return 0u;
    if (name.hasTrait<OpTrait::OneResult>())
      return 1u;
  }
  if constexpr (N > 16) {
    return std::nullopt;
  } else {
    if (name.hasTrait<OpTrait::NResults<N>::template Impl>())
      return N;
    return fixedResultCount<N + 1>(name);
  }
}

/// Checks a node's attributes and operands against the op's ODS constraints
/// before type inference reads them (inference trusts them: a missing
/// required attribute or one of the wrong kind must be an error, not a
/// crash). The op is built with placeholder result types, so only a failure
/// about a result is expected here; any other is the node's fault.
LogicalResult verifyAttributesAndOperands(OpBuilder &builder,
                                          RegisteredOperationName name,
                                          Location loc,
                                          ArrayRef<Value> operands,
                                          const NamedAttrList &attributes,
                                          unsigned numResults) {
  OperationState state(loc, name);
  state.addOperands(operands);
  state.addAttributes(attributes);
  state.addTypes(SmallVector<Type>(numResults, builder.getNoneType()));
  Operation *probe = Operation::create(state);
  std::string firstError;
  LogicalResult verified = success();
  {
    ScopedDiagnosticHandler capture(
        builder.getContext(), [&](Diagnostic &diag) {
          if (firstError.empty())
            firstError = diag.str();
          return success();
        });
    verified = name.verifyInvariants(probe);
  }
  probe->destroy();
  if (succeeded(verified) || llvm::StringRef(firstError).contains("result #"))
    return success();
  return emitError(loc) << firstError;
}

} // namespace

GraphImporter::GraphImporter(MLIRContext &context,
                             const proto::ModelProto &model,
                             ExternalDataRoot root, llvm::StringRef sourceName,
                             const ONNXImportOptions &options)
    : context(context), model(model), root(std::move(root)),
      sourceName(sourceName.str()), options(options), builder(&context),
      modelOpsets(readOpsets(model.opset_import())) {}

Location GraphImporter::nodeLocation(const proto::NodeProto &node,
                                     const FunctionContext &function,
                                     size_t index) {
  std::string name = node.name().empty()
                         ? node.op_type() + "#" + std::to_string(index)
                         : node.name();
  return NameLoc::get(StringAttr::get(&context, function.prefix + name),
                      FileLineColLoc::get(&context, sourceName, 0, 0));
}

const proto::FunctionProto *
GraphImporter::findFunction(const proto::NodeProto &node) {
  for (const proto::FunctionProto &function : model.functions())
    if (function.name() == node.op_type() &&
        function.domain() == node.domain())
      return &function;
  return nullptr;
}

/// Lists every node (in the graph and in local functions) whose op attnc does
/// not have, all in one error.
LogicalResult GraphImporter::checkSupported() {
  // In first-seen order, each once.
  std::vector<std::string> unsupported;
  llvm::StringSet<> seen;
  auto check = [&](const proto::NodeProto &node, const OpsetMap &opsets) {
    if (findFunction(node))
      return;
    std::string name = opNameFor(node);
    if (!name.empty() && RegisteredOperationName::lookup(name, &context))
      return;
    std::string domain = node.domain().empty() ? "ai.onnx" : node.domain();
    std::string entry = node.op_type() + " (domain '" + domain + "', opset " +
                        std::to_string(opsetFor(opsets, node.domain())) + ")";
    if (seen.insert(entry).second)
      unsupported.push_back(std::move(entry));
  };
  // The nodes of subgraphs (Loop and Scan bodies) count too. Protobuf's
  // nesting limit bounds the recursion.
  std::function<void(const proto::NodeProto &, const OpsetMap &)>
      checkWithSubgraphs = [&](const proto::NodeProto &node,
                               const OpsetMap &opsets) {
        check(node, opsets);
        for (const proto::AttributeProto &attribute : node.attribute()) {
          for (const proto::NodeProto &inner : attribute.g().node())
            checkWithSubgraphs(inner, opsets);
          for (const proto::GraphProto &graph : attribute.graphs())
            for (const proto::NodeProto &inner : graph.node())
              checkWithSubgraphs(inner, opsets);
        }
      };
  for (const proto::NodeProto &node : model.graph().node())
    checkWithSubgraphs(node, modelOpsets);
  for (const proto::FunctionProto &function : model.functions()) {
    OpsetMap opsets = readOpsets(function.opset_import());
    for (const proto::NodeProto &node : function.node())
      checkWithSubgraphs(node, opsets.empty() ? modelOpsets : opsets);
  }
  if (unsupported.empty())
    return success();
  auto diag = emitError(FileLineColLoc::get(&context, sourceName, 0, 0))
              << "the model uses " << unsupported.size()
              << " unsupported ONNX operator"
              << (unsupported.size() == 1 ? "" : "s") << ": ";
  llvm::interleaveComma(unsupported, diag);
  return diag;
}

LogicalResult GraphImporter::importNodes(
    const google::protobuf::RepeatedPtrField<proto::NodeProto> &nodes,
    const OpsetMap &opsets, Scope &scope, const FunctionContext &function,
    unsigned depth) {
  // Topological order: ONNX requires sorted graphs, but exporters and hand-
  // edited models do not always comply, and a cycle must be an error, not a
  // hang.
  int n = nodes.size();
  llvm::StringMap<int> producer;
  for (int i = 0; i < n; ++i)
    for (const std::string &output : nodes[i].output()) {
      if (output.empty())
        continue;
      if (!producer.try_emplace(output, i).second ||
          scope.definesLocally(output))
        return emitError(nodeLocation(nodes[i], function, i))
               << "value '" << output << "' is defined more than once";
    }
  std::vector<int> pending(n, 0);
  std::vector<std::vector<int>> users(n);
  for (int i = 0; i < n; ++i) {
    // A subgraph's references to this graph's values order the node too.
    llvm::StringSet<> captured;
    collectCapturedNames(nodes[i], captured);
    auto dependsOn = [&](llvm::StringRef input,
                         bool inSubgraph) -> LogicalResult {
      auto it = producer.find(input);
      if (it != producer.end()) {
        ++pending[i];
        users[it->second].push_back(i);
        return success();
      }
      if (scope.contains(input))
        return success();
      return emitError(nodeLocation(nodes[i], function, i))
             << "node uses undefined value '" << input << "'"
             << (inSubgraph ? " in its subgraph" : "");
    };
    for (const std::string &input : nodes[i].input())
      if (!input.empty() && failed(dependsOn(input, /*inSubgraph=*/false)))
        return failure();
    for (const auto &input : captured)
      if (failed(dependsOn(input.getKey(), /*inSubgraph=*/true)))
        return failure();
  }
  std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
  for (int i = 0; i < n; ++i)
    if (pending[i] == 0)
      ready.push(i);
  int imported = 0;
  while (!ready.empty()) {
    int i = ready.top();
    ready.pop();
    if (failed(importNode(nodes[i], i, opsets, scope, function, depth)))
      return failure();
    ++imported;
    for (int user : users[i])
      if (--pending[user] == 0)
        ready.push(user);
  }
  if (imported != n) {
    for (int i = 0; i < n; ++i)
      if (pending[i] > 0)
        return emitError(nodeLocation(nodes[i], function, i))
               << "the graph has a cycle through this node";
  }
  return success();
}

LogicalResult GraphImporter::importNode(const proto::NodeProto &node,
                                        size_t index, const OpsetMap &opsets,
                                        Scope &scope,
                                        const FunctionContext &function,
                                        unsigned depth) {
  Location loc = nodeLocation(node, function, index);

  // Loop and Scan keep their `body` subgraph aside: it becomes a region.
  bool hasBody = isControlFlowNode(node);
  const proto::GraphProto *body = nullptr;
  NamedAttrList attributes;
  for (const proto::AttributeProto &attribute : node.attribute()) {
    if (hasBody && attribute.name() == "body" &&
        attribute.ref_attr_name().empty()) {
      if (attribute.type() != proto::AttributeProto::GRAPH)
        return emitError(loc) << "attribute 'body' of " << node.op_type()
                              << " must be a graph";
      body = &attribute.g();
      continue;
    }
    if (!attribute.ref_attr_name().empty()) {
      // Inside a function body: take the caller's value, or leave the
      // attribute out (its default applies) when the caller gave none.
      if (function.callerAttributes)
        if (Attribute value =
                function.callerAttributes->get(attribute.ref_attr_name()))
          attributes.set(attribute.name(), value);
      continue;
    }
    FailureOr<Attribute> value =
        convertAttribute(context, attribute, root, loc);
    if (failed(value))
      return failure();
    attributes.set(attribute.name(), *value);
  }

  if (const proto::FunctionProto *callee = findFunction(node))
    return inlineFunction(node, loc, *callee, attributes, scope, function,
                          depth);
  if (hasBody)
    return importControlFlowNode(node, loc, body, attributes, opsets, scope,
                                 function, depth);

  NodeForm form;
  form.opName = opNameFor(node);
  form.attributes = std::move(attributes);
  for (const std::string &input : node.input())
    form.operands.push_back(input.empty()
                                ? Value(mlir::onnx::NoValueOp::create(builder, loc))
                                : scope.lookup(input));
  if (failed(normalizeToNewestOpset(builder, loc, node.domain(),
                                    opsetFor(opsets, node.domain()), form)))
    return failure();

  std::optional<RegisteredOperationName> name =
      RegisteredOperationName::lookup(form.opName, &context);
  if (!name)
    return emitError(loc) << "unsupported ONNX operator " << node.op_type();
  if (std::optional<unsigned> expected = fixedOperandCount(*name)) {
    if (form.operands.size() > *expected)
      return emitError(loc) << node.op_type() << " takes at most " << *expected
                            << " inputs, but the node has "
                            << form.operands.size();
    while (form.operands.size() < *expected)
      form.operands.push_back(mlir::onnx::NoValueOp::create(builder, loc));
  }

  // Split without sizes splits evenly into as many outputs as the node names
  // (opset 18 spells that as num_outputs).
  if (form.opName == "onnx.Split" && !form.attributes.get("num_outputs") &&
      (form.operands.size() < 2 || isa<NoneType>(form.operands[1].getType())))
    form.attributes.set("num_outputs",
                        IntegerAttr::get(IntegerType::get(&context, 64,
                                                          IntegerType::Signed),
                                         node.output_size()));

  // ONNX leaves defaulted attributes out; the op's accessors (and so its type
  // inference) expect them present.
  name->populateDefaultAttrs(form.attributes);

  unsigned numResults =
      fixedResultCount(*name).value_or(static_cast<unsigned>(node.output_size()));
  if (failed(verifyAttributesAndOperands(builder, *name, loc, form.operands,
                                         form.attributes, numResults)))
    return failure();

  auto inference = name->getInterface<InferTypeOpInterface>();
  if (!inference)
    return emitError(loc) << "internal error: " << form.opName
                          << " has no result type inference";
  SmallVector<Type> resultTypes;
  DictionaryAttr attrDict = form.attributes.getDictionary(&context);
  if (failed(inference->inferReturnTypes(&context, loc, form.operands,
                                         attrDict, OpaqueProperties(nullptr),
                                         RegionRange(), resultTypes)))
    return emitError(loc) << "cannot infer the result types of "
                          << node.op_type();

  refineWithDeclaredTypes(node, resultTypes);

  OperationState state(loc, *name);
  state.addOperands(form.operands);
  state.addAttributes(form.attributes);
  state.addTypes(resultTypes);
  return finishNodeOp(node, builder.create(state), scope);
}

void GraphImporter::refineWithDeclaredTypes(const proto::NodeProto &node,
                                            MutableArrayRef<Type> resultTypes) {
  // Graphs may declare shapes that inference cannot derive (a Reshape whose
  // shape is a graph input): a compatible declaration refines the result.
  for (auto [output, type] : llvm::zip(node.output(), resultTypes)) {
    auto declared = declaredTypes.find(output);
    auto inferredType = dyn_cast<RankedTensorType>(type);
    if (declared == declaredTypes.end() || !inferredType ||
        declared->second.getElementType() != inferredType.getElementType() ||
        failed(verifyCompatibleShape(declared->second, inferredType)))
      continue;
    SmallVector<int64_t> shape(inferredType.getShape());
    for (auto [dim, known] : llvm::zip(shape, declared->second.getShape()))
      if (ShapedType::isDynamic(dim))
        dim = known;
    type = RankedTensorType::get(shape, inferredType.getElementType());
  }
}

LogicalResult GraphImporter::finishNodeOp(const proto::NodeProto &node,
                                          Operation *op, Scope &scope) {
  Location loc = op->getLoc();
  if (failed(verify(op)))
    return failure();

  SmallVector<Value> results;
  if (succeeded(builder.tryFold(op, results)) && !results.empty()) {
    if (op->use_empty())
      op->erase();
  } else {
    results.assign(op->result_begin(), op->result_end());
  }

  if (node.output_size() > static_cast<int>(results.size()))
    return emitError(loc) << node.op_type() << " has " << results.size()
                          << " outputs, but the node names "
                          << node.output_size();
  for (auto [output, value] : llvm::zip(node.output(), results))
    if (!output.empty())
      scope.define(output, value);
  return success();
}

LogicalResult GraphImporter::inlineFunction(const proto::NodeProto &node,
                                            Location loc,
                                            const proto::FunctionProto &callee,
                                            NamedAttrList &attributes,
                                            Scope &scope,
                                            const FunctionContext &function,
                                            unsigned depth) {
  if (depth >= kMaxNestingDepth)
    return emitError(loc) << "function '" << callee.name()
                          << "' is nested more than " << kMaxNestingDepth
                          << " levels deep (recursive functions are invalid)";
  if (node.input_size() > callee.input_size() ||
      node.output_size() > callee.output_size())
    return emitError(loc) << "call of function '" << callee.name()
                          << "' passes " << node.input_size() << " inputs and "
                          << node.output_size() << " outputs, but it takes "
                          << callee.input_size() << " and "
                          << callee.output_size();
  Scope inner;
  for (int i = 0; i < callee.input_size(); ++i) {
    Value value;
    if (i < node.input_size() && !node.input(i).empty())
      value = scope.lookup(node.input(i));
    else
      value = mlir::onnx::NoValueOp::create(builder, loc);
    inner.define(callee.input(i), value);
  }
  OpsetMap opsets = readOpsets(callee.opset_import());
  FunctionContext nested{&attributes,
                         function.prefix + (node.name().empty()
                                                ? callee.name()
                                                : node.name()) +
                             "/"};
  if (failed(importNodes(callee.node(), opsets.empty() ? modelOpsets : opsets,
                         inner, nested, depth + 1)))
    return failure();
  for (int i = 0; i < node.output_size(); ++i) {
    if (node.output(i).empty())
      continue;
    Value value = inner.lookup(callee.output(i));
    if (!value)
      return emitError(loc) << "function '" << callee.name()
                            << "' never defines its output '"
                            << callee.output(i) << "'";
    scope.define(node.output(i), value);
  }
  return success();
}

void GraphImporter::collectDeclaredTypes(const proto::GraphProto &graph) {
  // Declared types of intermediate values and outputs (see
  // refineWithDeclaredTypes). A malformed declaration is ignored here: it only
  // ever adds information.
  Location fileLoc = FileLineColLoc::get(&context, sourceName, 0, 0);
  for (const auto *infos : {&graph.value_info(), &graph.output()})
    for (const proto::ValueInfoProto &info : *infos) {
      if (!info.has_type() || !info.type().has_tensor_type() ||
          !info.type().tensor_type().has_shape() ||
          declaredTypes.count(info.name()))
        continue;
      ScopedDiagnosticHandler quiet(&context,
                                    [](Diagnostic &) { return success(); });
      FailureOr<RankedTensorType> type =
          convertValueType(context, info, fileLoc);
      if (succeeded(type))
        declaredTypes[info.name()] = *type;
    }
}

OwningOpRef<ModuleOp> GraphImporter::importModel() {
  Location fileLoc = FileLineColLoc::get(&context, sourceName, 0, 0);
  const proto::GraphProto &graph = model.graph();
  if (failed(checkSupported()))
    return nullptr;

  llvm::StringSet<> initializerNames;
  for (const proto::TensorProto &tensor : graph.initializer())
    initializerNames.insert(tensor.name());

  // Graph inputs that are not initializers become the function's arguments.
  SmallVector<const proto::ValueInfoProto *> inputs;
  SmallVector<Type> inputTypes;
  llvm::StringSet<> seenOverrides;
  for (const proto::ValueInfoProto &input : graph.input()) {
    if (initializerNames.contains(input.name()))
      continue;
    Location loc = NameLoc::get(StringAttr::get(&context, input.name()),
                                fileLoc);
    FailureOr<RankedTensorType> type = convertValueType(context, input, loc);
    if (failed(type))
      return nullptr;
    auto pinned = options.inputShapes.find(input.name());
    if (pinned != options.inputShapes.end()) {
      seenOverrides.insert(input.name());
      ArrayRef<int64_t> shape = pinned->second;
      if (static_cast<int64_t>(shape.size()) != type->getRank() ||
          failed(verifyCompatibleShape(shape, type->getShape()))) {
        emitError(loc) << "--input-shape for '" << input.name()
                       << "' does not match its declared shape";
        return nullptr;
      }
      type = RankedTensorType::get(shape, type->getElementType());
    } else if (auto hint = options.inputShapeHints.find(input.name());
               hint != options.inputShapeHints.end() &&
               !type->hasStaticShape() &&
               static_cast<int64_t>(hint->second.size()) == type->getRank() &&
               succeeded(verifyCompatibleShape(hint->second, type->getShape()))) {
      type = RankedTensorType::get(hint->second, type->getElementType());
    }
    inputs.push_back(&input);
    inputTypes.push_back(*type);
  }
  for (const auto &entry : options.inputShapes)
    if (!seenOverrides.contains(entry.getKey())) {
      emitError(fileLoc) << "--input-shape names '" << entry.getKey()
                         << "', which is not a graph input";
      return nullptr;
    }

  collectDeclaredTypes(graph);

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(builder, fileLoc, "main",
                                   builder.getFunctionType(inputTypes, {}));
  Block *body = func.addEntryBlock();
  builder.setInsertionPointToStart(body);

  Scope scope;
  for (auto [input, argument] : llvm::zip(inputs, body->getArguments()))
    scope.define(input->name(), argument);
  for (const proto::TensorProto &tensor : graph.initializer()) {
    Location loc = NameLoc::get(StringAttr::get(&context, tensor.name()),
                                fileLoc);
    FailureOr<ElementsAttr> value = convertTensor(context, tensor, root, loc);
    if (failed(value))
      return nullptr;
    scope.define(tensor.name(),
                 mlir::onnx::ConstantOp::create(builder, loc, *value));
  }

  if (failed(importNodes(graph.node(), modelOpsets, scope, FunctionContext(),
                         0)))
    return nullptr;

  SmallVector<Value> results;
  for (const proto::ValueInfoProto &output : graph.output()) {
    Value value = scope.lookup(output.name());
    if (!value) {
      emitError(fileLoc) << "graph output '" << output.name()
                         << "' is never defined";
      return nullptr;
    }
    results.push_back(value);
  }
  func::ReturnOp::create(builder, fileLoc, results);
  func.setFunctionType(builder.getFunctionType(
      inputTypes, ValueRange(results).getTypes()));

  // Names for the runtime ABI and for attnc-run's .pb matching.
  SmallVector<Attribute> inputNames, outputNames;
  for (const proto::ValueInfoProto *input : inputs)
    inputNames.push_back(builder.getStringAttr(input->name()));
  for (const proto::ValueInfoProto &output : graph.output())
    outputNames.push_back(builder.getStringAttr(output.name()));
  func->setAttr("attnc.input_names", builder.getArrayAttr(inputNames));
  func->setAttr("attnc.output_names", builder.getArrayAttr(outputNames));
  return module;
}

} // namespace attnc::onnx_import
