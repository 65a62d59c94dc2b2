//===- TensorImport.cpp - ONNX tensors and types to MLIR ------------------===//
//
// Everything here reads untrusted bytes: every size is checked before use and
// every failure is a diagnostic naming the tensor, never an assert.
//
//===----------------------------------------------------------------------===//

#include "TensorImport.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cstring>

using namespace mlir;
namespace proto = ::onnx;

namespace attnc::onnx_import {

Type convertElementType(MLIRContext &context, int32_t dataType, Location loc) {
  // Unsigned ONNX types map to signless integers of the same width: arith
  // ops are signless, and the graphs attnc targets use them only as data.
  switch (dataType) {
  case proto::TensorProto::FLOAT:
    return Float32Type::get(&context);
  case proto::TensorProto::FLOAT16:
    return Float16Type::get(&context);
  case proto::TensorProto::BFLOAT16:
    return BFloat16Type::get(&context);
  case proto::TensorProto::DOUBLE:
    return Float64Type::get(&context);
  case proto::TensorProto::BOOL:
    return IntegerType::get(&context, 1);
  case proto::TensorProto::INT8:
  case proto::TensorProto::UINT8:
    return IntegerType::get(&context, 8);
  case proto::TensorProto::INT16:
  case proto::TensorProto::UINT16:
    return IntegerType::get(&context, 16);
  case proto::TensorProto::INT32:
  case proto::TensorProto::UINT32:
    return IntegerType::get(&context, 32);
  case proto::TensorProto::INT64:
  case proto::TensorProto::UINT64:
    return IntegerType::get(&context, 64);
  default:
    emitError(loc) << "unsupported ONNX element type " << dataType
                   << (proto::TensorProto_DataType_IsValid(dataType)
                           ? " (" +
                                 proto::TensorProto_DataType_Name(
                                     static_cast<proto::TensorProto_DataType>(
                                         dataType)) +
                                 ")"
                           : std::string(" (not a valid data type)"));
    return nullptr;
  }
}

FailureOr<RankedTensorType>
convertValueType(MLIRContext &context, const proto::ValueInfoProto &info,
                 Location loc) {
  if (!info.has_type() || !info.type().has_tensor_type())
    return emitError(loc) << "value '" << info.name()
                          << "' is not a tensor (sequences, maps and optionals "
                             "are not supported)";
  const proto::TypeProto_Tensor &tensor = info.type().tensor_type();
  Type element = convertElementType(context, tensor.elem_type(), loc);
  if (!element)
    return failure();
  if (!tensor.has_shape())
    return emitError(loc) << "value '" << info.name()
                          << "' has no shape (unknown rank is not supported)";
  SmallVector<int64_t> shape;
  for (const proto::TensorShapeProto_Dimension &dim : tensor.shape().dim()) {
    if (dim.has_dim_value()) {
      if (dim.dim_value() < 0)
        return emitError(loc) << "value '" << info.name()
                              << "' has a negative dim " << dim.dim_value();
      shape.push_back(dim.dim_value());
    } else {
      shape.push_back(ShapedType::kDynamic);
    }
  }
  return RankedTensorType::get(shape, element);
}

namespace {

/// Bytes per element in raw_data (bool: one byte per element).
size_t rawElementBytes(Type element) {
  if (element.isInteger(1))
    return 1;
  return element.getIntOrFloatBitWidth() / 8;
}

/// Reads `length` bytes at `offset` of the external data file `location`,
/// which must resolve inside the model's folder.
FailureOr<std::string> readExternalData(const proto::TensorProto &tensor,
                                        const ExternalDataRoot &root,
                                        Location loc) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const proto::StringStringEntryProto &entry : tensor.external_data()) {
    auto parseNumber = [&](uint64_t &out) -> LogicalResult {
      if (llvm::StringRef(entry.value()).getAsInteger(10, out))
        return emitError(loc) << "tensor '" << tensor.name()
                              << "': external data " << entry.key()
                              << " is not a number: '" << entry.value() << "'";
      return success();
    };
    if (entry.key() == "location") {
      location = entry.value();
    } else if (entry.key() == "offset") {
      if (failed(parseNumber(offset)))
        return failure();
    } else if (entry.key() == "length") {
      uint64_t value;
      if (failed(parseNumber(value)))
        return failure();
      length = value;
    }
  }
  if (root.directory.empty())
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' uses external data, but the model was not "
                             "loaded from a file";
  if (location.empty())
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' uses external data without a location";
  if (llvm::sys::path::is_absolute(location))
    return emitError(loc) << "tensor '" << tensor.name()
                          << "': external data path '" << location
                          << "' is absolute; it must be relative to the "
                             "model's folder";

  // The file must stay inside the model's folder: checked on the path as
  // written ('..' components) and again once symlinks are resolved.
  auto isInside = [&](llvm::StringRef path) {
    return path.starts_with(root.directory) &&
           path.size() > root.directory.size() &&
           llvm::sys::path::is_separator(path[root.directory.size()]);
  };
  auto escapes = [&] {
    return emitError(loc) << "tensor '" << tensor.name()
                          << "': external data path '" << location
                          << "' leaves the model's folder";
  };
  SmallString<256> joined(root.directory);
  llvm::sys::path::append(joined, location);
  llvm::sys::path::remove_dots(joined, /*remove_dot_dot=*/true);
  if (!isInside(joined))
    return escapes();
  SmallString<256> real;
  if (llvm::sys::fs::real_path(joined, real))
    return emitError(loc) << "tensor '" << tensor.name()
                          << "': external data file '" << location
                          << "' does not exist";
  if (!isInside(real))
    return escapes();

  auto buffer = llvm::MemoryBuffer::getFile(real, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return emitError(loc) << "tensor '" << tensor.name()
                          << "': cannot read external data file '" << location
                          << "': " << buffer.getError().message();
  uint64_t fileSize = (*buffer)->getBufferSize();
  uint64_t size = length.value_or(fileSize >= offset ? fileSize - offset : 0);
  if (offset > fileSize || size > fileSize - offset)
    return emitError(loc) << "tensor '" << tensor.name() << "': external data "
                          << "range [" << offset << ", " << offset + size
                          << ") is outside file '" << location << "' of "
                          << fileSize << " bytes";
  return std::string((*buffer)->getBufferStart() + offset, size);
}

/// Copies a repeated typed field into little-endian bytes of `element`.
template <typename Field>
FailureOr<std::string> packTypedField(const Field &values, Type element,
                                      int64_t count, llvm::StringRef fieldName,
                                      const proto::TensorProto &tensor,
                                      Location loc) {
  if (static_cast<int64_t>(values.size()) != count)
    return emitError(loc) << "tensor '" << tensor.name() << "' has "
                          << values.size() << " values in " << fieldName
                          << ", but its shape holds " << count;
  size_t width = rawElementBytes(element);
  std::string bytes(count * width, '\0');
  for (int64_t i = 0; i < count; ++i) {
    if (element.isF32()) {
      float v = static_cast<float>(values[i]);
      std::memcpy(&bytes[i * width], &v, width);
    } else if (element.isF64()) {
      double v = static_cast<double>(values[i]);
      std::memcpy(&bytes[i * width], &v, width);
    } else {
      // Integers, bool, and f16/bf16 (whose bit patterns int32_data holds):
      // keep the low `width` bytes.
      uint64_t v = static_cast<uint64_t>(values[i]);
      std::memcpy(&bytes[i * width], &v, width);
    }
  }
  return bytes;
}

} // namespace

FailureOr<ElementsAttr> convertTensor(MLIRContext &context,
                                      const proto::TensorProto &tensor,
                                      const ExternalDataRoot &root,
                                      Location loc, size_t resourceThreshold) {
  Type element = convertElementType(context, tensor.data_type(), loc);
  if (!element)
    return failure();
  SmallVector<int64_t> shape;
  int64_t count = 1;
  for (int64_t dim : tensor.dims()) {
    if (dim < 0)
      return emitError(loc) << "tensor '" << tensor.name()
                            << "' has a negative dim " << dim;
    if (llvm::MulOverflow(count, dim, count) || count > (int64_t(1) << 40))
      return emitError(loc) << "tensor '" << tensor.name()
                            << "' has too many elements";
    shape.push_back(dim);
  }
  auto type = RankedTensorType::get(shape, element);
  size_t width = rawElementBytes(element);

  std::string bytes;
  if (tensor.data_location() == proto::TensorProto::EXTERNAL) {
    FailureOr<std::string> data = readExternalData(tensor, root, loc);
    if (failed(data))
      return failure();
    bytes = std::move(*data);
  } else if (tensor.has_raw_data()) {
    bytes = tensor.raw_data();
  } else {
    FailureOr<std::string> packed = failure();
    if (element.isF32())
      packed = packTypedField(tensor.float_data(), element, count, "float_data",
                              tensor, loc);
    else if (element.isF64())
      packed = packTypedField(tensor.double_data(), element, count,
                              "double_data", tensor, loc);
    else if (element.isInteger(64) &&
             tensor.data_type() == proto::TensorProto::UINT64)
      packed = packTypedField(tensor.uint64_data(), element, count,
                              "uint64_data", tensor, loc);
    else if (element.isInteger(64))
      packed = packTypedField(tensor.int64_data(), element, count, "int64_data",
                              tensor, loc);
    else if (tensor.data_type() == proto::TensorProto::UINT32)
      packed = packTypedField(tensor.uint64_data(), element, count,
                              "uint64_data", tensor, loc);
    else
      packed = packTypedField(tensor.int32_data(), element, count, "int32_data",
                              tensor, loc);
    if (failed(packed))
      return failure();
    bytes = std::move(*packed);
  }
  if (bytes.size() != static_cast<size_t>(count) * width)
    return emitError(loc) << "tensor '" << tensor.name() << "' has "
                          << bytes.size() << " bytes of data, but its shape "
                          << "and type need " << count * width;

  if (element.isInteger(1)) {
    SmallVector<bool> values(count);
    for (int64_t i = 0; i < count; ++i)
      values[i] = bytes[i] != 0;
    return cast<ElementsAttr>(DenseElementsAttr::get(type, values));
  }
  if (bytes.size() > resourceThreshold) {
    // Large weights: a resource blob is stored once and never hashed.
    AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
        llvm::ArrayRef<char>(bytes.data(), bytes.size()), alignof(uint64_t));
    std::string name = tensor.name().empty() ? "tensor" : tensor.name();
    return cast<ElementsAttr>(
        DenseResourceElementsAttr::get(type, name, std::move(blob)));
  }
  return cast<ElementsAttr>(DenseElementsAttr::getFromRawBuffer(
      type, llvm::ArrayRef<char>(bytes.data(), bytes.size())));
}

} // namespace attnc::onnx_import
