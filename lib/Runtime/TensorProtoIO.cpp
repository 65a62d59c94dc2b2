//===- TensorProtoIO.cpp - Tensors from and to onnx.TensorProto -----------===//
//
// ONNX stores tensor data either as little-endian raw_data or in one typed
// repeated field chosen by the element type; int32_data also carries the
// 8- and 16-bit types (f16 and bf16 as their bit patterns, bool as 0/1).
//
//===----------------------------------------------------------------------===//

#include "attnc/Runtime/TensorIO.h"

#include "llvm/Support/SwapByteOrder.h" // sys::IsBigEndianHost

#include <onnx/onnx_pb.h>

#include <climits>
#include <cstring>

using namespace llvm;

namespace attnc::runtime {

namespace {
using TensorProto = ::onnx::TensorProto;

/// Which repeated field the ONNX spec puts `type`'s values in.
enum class TypedField { Float, Int32, Int64, Double };

TypedField getTypedField(ElementType type) {
  switch (type) {
  case ElementType::F32:
    return TypedField::Float;
  case ElementType::I64:
    return TypedField::Int64;
  case ElementType::F64:
    return TypedField::Double;
  case ElementType::I32:
  case ElementType::I8:
  case ElementType::U8:
  case ElementType::Bool:
  case ElementType::F16:
  case ElementType::BF16:
    return TypedField::Int32;
  }
  llvm_unreachable("covered switch");
}

StringRef getTypedFieldName(TypedField field) {
  switch (field) {
  case TypedField::Float:
    return "float_data";
  case TypedField::Int32:
    return "int32_data";
  case TypedField::Int64:
    return "int64_data";
  case TypedField::Double:
    return "double_data";
  }
  llvm_unreachable("covered switch");
}

int64_t getTypedFieldSize(const TensorProto &proto, TypedField field) {
  switch (field) {
  case TypedField::Float:
    return proto.float_data_size();
  case TypedField::Int32:
    return proto.int32_data_size();
  case TypedField::Int64:
    return proto.int64_data_size();
  case TypedField::Double:
    return proto.double_data_size();
  }
  llvm_unreachable("covered switch");
}

/// The inclusive range an int32_data entry may hold for `type`.
std::pair<int64_t, int64_t> getInt32DataRange(ElementType type) {
  switch (type) {
  case ElementType::I8:
    return {INT8_MIN, INT8_MAX};
  case ElementType::U8:
    return {0, UINT8_MAX};
  case ElementType::Bool:
    return {0, 1};
  case ElementType::F16:
  case ElementType::BF16:
    return {0, UINT16_MAX};
  default:
    return {INT32_MIN, INT32_MAX};
  }
}

/// Copies int32_data into the tensor, narrowing each entry to the element.
Error copyInt32Data(const TensorProto &proto, Tensor &tensor) {
  auto [low, high] = getInt32DataRange(tensor.getElementType());
  size_t width = getElementByteWidth(tensor.getElementType());
  uint8_t *out = tensor.data();
  for (int i = 0, e = proto.int32_data_size(); i < e; ++i) {
    int32_t value = proto.int32_data(i);
    if (value < low || value > high)
      return createStringError("int32_data[" + Twine(i) +
                               "] = " + Twine(value) + " is out of range for " +
                               getElementTypeName(tensor.getElementType()));
    // On a little-endian host the low `width` bytes are the value itself
    // for the integer types and the bit pattern for f16 and bf16.
    uint32_t bits = static_cast<uint32_t>(value);
    std::memcpy(out + i * width, &bits, width);
  }
  return Error::success();
}

template <typename T>
void copyRepeated(const google::protobuf::RepeatedField<T> &field,
                  Tensor &tensor) {
  if (!field.empty())
    std::memcpy(tensor.data(), field.data(), field.size() * sizeof(T));
}

Error decodeTensorProto(const TensorProto &proto, Tensor &result) {
  if (sys::IsBigEndianHost)
    return createStringError("reading tensors needs a little-endian host");
  if (proto.data_location() == TensorProto::EXTERNAL ||
      proto.external_data_size() > 0)
    return createStringError(
        "tensor '" + proto.name() +
        "' uses external data, which a .pb test file cannot");
  if (proto.has_segment())
    return createStringError("tensor '" + proto.name() +
                             "' is a segment, which is not supported");

  std::optional<ElementType> type = getElementTypeFromCode(proto.data_type());
  if (!type) {
    const std::string &typeName = TensorProto::DataType_Name(proto.data_type());
    return createStringError("tensor '" + proto.name() +
                             "' has unsupported element type " +
                             (typeName.empty() ? "" : typeName + " ") +
                             "(data_type " + Twine(proto.data_type()) + ")");
  }
  SmallVector<int64_t> shape(proto.dims().begin(), proto.dims().end());
  Expected<int64_t> numElements = getNumElements(shape);
  if (!numElements)
    return createStringError("tensor '" + proto.name() +
                             "' has invalid dims: " +
                             toString(numElements.takeError()));
  std::string typeString = formatTensorType(shape, *type);

  // Find where the data is, and check its size before allocating anything:
  // the dims of a malformed file may ask for far more than the file holds.
  TypedField expectedField = getTypedField(*type);
  for (TypedField field : {TypedField::Float, TypedField::Int32,
                           TypedField::Int64, TypedField::Double}) {
    if (getTypedFieldSize(proto, field) == 0)
      continue;
    if (field != expectedField)
      return createStringError("tensor '" + proto.name() + "' of type " +
                               typeString + " has data in " +
                               getTypedFieldName(field) + ", expected " +
                               getTypedFieldName(expectedField));
    if (proto.has_raw_data())
      return createStringError("tensor '" + proto.name() +
                               "' has data in both raw_data and " +
                               getTypedFieldName(field));
  }
  size_t width = getElementByteWidth(*type);
  if (proto.has_raw_data()) {
    if (proto.raw_data().size() / width != static_cast<size_t>(*numElements) ||
        proto.raw_data().size() % width != 0)
      return createStringError("tensor '" + proto.name() + "' has " +
                               Twine(proto.raw_data().size()) +
                               " bytes of raw_data, but a " + typeString +
                               " tensor needs " + Twine(*numElements * width));
  } else {
    int64_t count = getTypedFieldSize(proto, expectedField);
    if (count != *numElements)
      return createStringError(
          "tensor '" + proto.name() + "' has " + Twine(count) + " values in " +
          getTypedFieldName(expectedField) + ", but a " + typeString +
          " tensor needs " + Twine(*numElements));
  }

  Expected<Tensor> tensor = Tensor::create(*type, shape, proto.name());
  if (!tensor)
    return tensor.takeError();
  if (proto.has_raw_data()) {
    if (!proto.raw_data().empty())
      std::memcpy(tensor->data(), proto.raw_data().data(),
                  proto.raw_data().size());
  } else {
    switch (expectedField) {
    case TypedField::Float:
      copyRepeated(proto.float_data(), *tensor);
      break;
    case TypedField::Int64:
      copyRepeated(proto.int64_data(), *tensor);
      break;
    case TypedField::Double:
      copyRepeated(proto.double_data(), *tensor);
      break;
    case TypedField::Int32:
      if (Error error = copyInt32Data(proto, *tensor))
        return error;
      break;
    }
  }
  result = std::move(*tensor);
  return Error::success();
}
} // namespace

Expected<Tensor> parseTensorProto(StringRef bytes, StringRef bufferName) {
  if (bytes.size() > static_cast<size_t>(INT_MAX))
    return createFileError(bufferName,
                           createStringError("larger than the 2 GiB that a "
                                             "TensorProto can hold"));
  TensorProto proto;
  if (!proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return createFileError(
        bufferName, createStringError("is not a serialized onnx.TensorProto"));
  Tensor tensor;
  if (Error error = decodeTensorProto(proto, tensor))
    return createFileError(bufferName, std::move(error));
  return tensor;
}

Expected<std::string> serializeTensorProto(const Tensor &tensor) {
  if (sys::IsBigEndianHost)
    return createStringError("writing tensors needs a little-endian host");
  // Leave room for the name and dims under protobuf's 2 GiB limit.
  if (tensor.getByteSize() > static_cast<size_t>(INT_MAX) - (1 << 20))
    return createStringError("a " + tensor.getTypeString() +
                             " tensor is too large for a TensorProto");
  TensorProto proto;
  proto.set_name(tensor.getName().str());
  proto.set_data_type(static_cast<int32_t>(tensor.getElementType()));
  for (int64_t dim : tensor.getShape())
    proto.add_dims(dim);
  proto.set_raw_data(tensor.data(), tensor.getByteSize());
  std::string bytes;
  if (!proto.SerializeToString(&bytes))
    return createStringError("cannot serialize tensor '" + tensor.getName() +
                             "'");
  return bytes;
}

} // namespace attnc::runtime
