//===- AttributeImport.cpp - ONNX node attributes to MLIR -----------------===//

#include "AttributeImport.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
namespace proto = ::onnx;

FailureOr<Attribute> attnc::onnx_import::convertAttribute(
    MLIRContext &context, const proto::AttributeProto &attribute,
    const ExternalDataRoot &root, Location loc) {
  Builder builder(&context);
  auto si64 = IntegerType::get(&context, 64, IntegerType::Signed);
  switch (attribute.type()) {
  case proto::AttributeProto::INT:
    return Attribute(IntegerAttr::get(si64, attribute.i()));
  case proto::AttributeProto::FLOAT:
    return Attribute(builder.getF32FloatAttr(attribute.f()));
  case proto::AttributeProto::STRING:
    return Attribute(builder.getStringAttr(attribute.s()));
  case proto::AttributeProto::INTS: {
    SmallVector<int64_t> values(attribute.ints().begin(),
                                attribute.ints().end());
    return Attribute(builder.getDenseI64ArrayAttr(values));
  }
  case proto::AttributeProto::FLOATS: {
    SmallVector<float> values(attribute.floats().begin(),
                              attribute.floats().end());
    return Attribute(builder.getDenseF32ArrayAttr(values));
  }
  case proto::AttributeProto::STRINGS: {
    SmallVector<Attribute> values;
    for (const std::string &value : attribute.strings())
      values.push_back(builder.getStringAttr(value));
    return Attribute(builder.getArrayAttr(values));
  }
  case proto::AttributeProto::TENSOR: {
    FailureOr<ElementsAttr> value =
        convertTensor(context, attribute.t(), root, loc);
    if (failed(value))
      return failure();
    return Attribute(*value);
  }
  default:
    return emitError(loc) << "attribute '" << attribute.name() << "' of kind "
                          << proto::AttributeProto_AttributeType_Name(
                                 attribute.type())
                          << " is not supported";
  }
}
