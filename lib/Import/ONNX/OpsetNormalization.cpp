//===- OpsetNormalization.cpp - Older ONNX op forms to the newest ---------===//

#include "OpsetNormalization.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;

namespace attnc::onnx_import {
namespace {

/// The opset from which op `name` (default domain) takes its axes-like
/// attribute `attr` as input number `inputIndex` instead.
struct AttributeToInput {
  llvm::StringRef op;
  llvm::StringRef attr;
  unsigned inputIndex;
  int64_t sinceOpset;
};

constexpr AttributeToInput kAttributesThatBecameInputs[] = {
    {"ReduceMean", "axes", 1, 18},      {"ReduceMax", "axes", 1, 18},
    {"ReduceMin", "axes", 1, 18},       {"ReduceProd", "axes", 1, 18},
    {"ReduceL1", "axes", 1, 18},        {"ReduceL2", "axes", 1, 18},
    {"ReduceLogSum", "axes", 1, 18},    {"ReduceLogSumExp", "axes", 1, 18},
    {"ReduceSumSquare", "axes", 1, 18}, {"ReduceSum", "axes", 1, 13},
    {"Squeeze", "axes", 1, 13},         {"Unsqueeze", "axes", 1, 13},
    {"Split", "split", 1, 13},
};

/// An i64 vector constant.
Value createI64Constant(OpBuilder &builder, Location loc,
                        llvm::ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    builder.getI64Type());
  return onnx::ConstantOp::create(builder, loc,
                                  DenseIntElementsAttr::get(type, values));
}

/// ONNX Constant's value_* attributes all become `value`.
LogicalResult normalizeConstant(OpBuilder &builder, Location loc,
                                NodeForm &form) {
  if (form.attributes.get("value"))
    return success();
  auto scalar = [&](Type type, Attribute value) {
    return DenseElementsAttr::get(RankedTensorType::get({}, type), value);
  };
  DenseElementsAttr value;
  if (auto attr = form.attributes.get("value_float")) {
    value = scalar(builder.getF32Type(), attr);
  } else if (auto attr = form.attributes.get("value_int")) {
    value = scalar(builder.getI64Type(),
                   builder.getI64IntegerAttr(cast<IntegerAttr>(attr).getInt()));
  } else if (auto attr = form.attributes.get("value_floats")) {
    auto values = cast<DenseF32ArrayAttr>(attr).asArrayRef();
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              builder.getF32Type()),
        values);
  } else if (auto attr = form.attributes.get("value_ints")) {
    auto values = cast<DenseI64ArrayAttr>(attr).asArrayRef();
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              builder.getI64Type()),
        values);
  } else {
    return emitError(loc) << "Constant node has no supported value attribute "
                             "(value, value_float(s), value_int(s)); "
                             "sparse_value and strings are not supported";
  }
  form.attributes = NamedAttrList();
  form.attributes.set("value", value);
  return success();
}

} // namespace

LogicalResult normalizeToNewestOpset(OpBuilder &builder, Location loc,
                                     llvm::StringRef domain, int64_t opset,
                                     NodeForm &form) {
  if (!domain.empty() && domain != "ai.onnx")
    return success();
  llvm::StringRef op = llvm::StringRef(form.opName).drop_front(5); // "onnx."
  if (op == "Constant")
    return normalizeConstant(builder, loc, form);

  for (const AttributeToInput &rule : kAttributesThatBecameInputs) {
    if (op != rule.op || opset >= rule.sinceOpset)
      continue;
    Attribute attr = form.attributes.erase(rule.attr);
    if (!attr)
      return success(); // Absent attribute: the input stays omitted too.
    auto values = dyn_cast<DenseI64ArrayAttr>(attr);
    if (!values)
      return emitError(loc) << op << " attribute '" << rule.attr
                            << "' must be a list of integers";
    Value input = createI64Constant(builder, loc, values.asArrayRef());
    while (form.operands.size() < rule.inputIndex)
      form.operands.push_back(onnx::NoValueOp::create(builder, loc));
    form.operands.insert(form.operands.begin() + rule.inputIndex, input);
    return success();
  }
  return success();
}

} // namespace attnc::onnx_import
