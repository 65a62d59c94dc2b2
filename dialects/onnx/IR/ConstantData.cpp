//===- ConstantData.cpp - Reading the elements of constants ---------------===//

#include "attnc/Dialect/ONNX/IR/ConstantData.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cstring>

using namespace mlir;

std::optional<ArrayRef<char>> onnx::getRawConstantData(ElementsAttr attr) {
  auto type = cast<ShapedType>(attr.getType());
  unsigned bits = type.getElementTypeBitWidth();
  if (bits % 8 != 0)
    return std::nullopt;
  std::optional<ArrayRef<char>> raw;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (!dense.isSplat())
      raw = dense.getRawData();
  } else if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      raw = blob->getData();
  }
  if (!raw || raw->size() != size_t(type.getNumElements()) * (bits / 8))
    return std::nullopt;
  return raw;
}

std::optional<std::vector<double>>
onnx::readConstantAsDoubles(ElementsAttr attr) {
  auto type = cast<ShapedType>(attr.getType());
  Type elementType = type.getElementType();
  auto floatType = dyn_cast<FloatType>(elementType);
  auto intType = dyn_cast<IntegerType>(elementType);
  if (!floatType && !intType)
    return std::nullopt;
  std::vector<double> values;
  values.reserve(type.getNumElements());

  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (floatType) {
      for (APFloat value : dense.getValues<APFloat>())
        values.push_back(value.convertToDouble());
    } else if (intType.getWidth() == 1) {
      for (bool value : dense.getValues<bool>())
        values.push_back(value ? 1.0 : 0.0);
    } else {
      for (APInt value : dense.getValues<APInt>())
        values.push_back(static_cast<double>(value.getSExtValue()));
    }
    return values;
  }

  // A blob holds the little-endian elements; the importer stores ONNX's
  // bool tensors one byte per element.
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  AsmResourceBlob *blob = resource ? resource.getRawHandle().getBlob() : nullptr;
  if (!blob)
    return std::nullopt;
  ArrayRef<char> data = blob->getData();
  unsigned width = std::max(1u, type.getElementTypeBitWidth() / 8);
  if (width > 8 || data.size() != size_t(type.getNumElements()) * width)
    return std::nullopt;
  for (size_t offset = 0; offset < data.size(); offset += width) {
    uint64_t raw = 0;
    std::memcpy(&raw, data.data() + offset, width);
    if (floatType) {
      values.push_back(APFloat(floatType.getFloatSemantics(),
                               APInt(floatType.getWidth(), raw))
                           .convertToDouble());
    } else if (intType.getWidth() == 1) {
      values.push_back(raw ? 1.0 : 0.0);
    } else {
      values.push_back(static_cast<double>(
          APInt(intType.getWidth(), raw).getSExtValue()));
    }
  }
  return values;
}
