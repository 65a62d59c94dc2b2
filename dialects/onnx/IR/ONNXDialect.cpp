//===- ONNXDialect.cpp - The onnx import dialect --------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXDialect.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace mlir::onnx;

#include "attnc/Dialect/ONNX/IR/ONNXDialect.cpp.inc"

void ONNXDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "attnc/Dialect/ONNX/IR/ONNXOps.cpp.inc"
      >();
}

Operation *ONNXDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  if (isa<NoneType>(type))
    return NoValueOp::create(builder, loc);
  if (auto elements = dyn_cast<ElementsAttr>(value))
    if (elements.getType() == type)
      return ConstantOp::create(builder, loc, type, elements);
  return nullptr;
}

//===----------------------------------------------------------------------===//
// ConstantOp / NoValueOp
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

LogicalResult ConstantOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &inferred) {
  inferred.push_back(adaptor.getValue().getType());
  return success();
}

bool ConstantOp::isCompatibleReturnTypes(TypeRange inferred,
                                         TypeRange declared) {
  // A constant's type is its value's type, exactly.
  return inferred == declared;
}

// A ConstantLike op must always fold: matchers such as m_Constant fold it to
// read its value. The op is also built generically by name, without `value`.
OpFoldResult NoValueOp::fold(FoldAdaptor) {
  return UnitAttr::get(getContext());
}

// The op classes are defined once, here; each family's .cpp defines its ops'
// methods.
#define GET_OP_CLASSES
#include "attnc/Dialect/ONNX/IR/ONNXOps.cpp.inc"
