//===- Tensor.h - A dense host tensor for running models --------*- C++ -*-===//
//
// The value that the runtime passes to and gets from a compiled model: an
// element type (the ONNX TensorProto.DataType codes of ModelABI.h), a static
// shape, an optional name and a dense, row-major, little-endian byte buffer.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_RUNTIME_TENSOR_H
#define ATTNC_RUNTIME_TENSOR_H

#include "attnc/Runtime/ModelABI.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

namespace attnc::runtime {

/// The element types a model can exchange; values are the ONNX codes.
enum class ElementType : int32_t {
  F32 = ATTNC_ELEM_F32,
  U8 = ATTNC_ELEM_U8,
  I8 = ATTNC_ELEM_I8,
  I32 = ATTNC_ELEM_I32,
  I64 = ATTNC_ELEM_I64,
  Bool = ATTNC_ELEM_BOOL,
  F16 = ATTNC_ELEM_F16,
  F64 = ATTNC_ELEM_F64,
  BF16 = ATTNC_ELEM_BF16,
};

/// The ElementType of an ONNX/ABI code, or nullopt for codes attnc does not
/// exchange (strings, complex, 16-bit and unsigned wide integers, fp8, ...).
std::optional<ElementType> getElementTypeFromCode(int32_t code);

/// Size of one element in bytes (bool is one byte, 0 or 1).
size_t getElementByteWidth(ElementType type);

/// Short lowercase name: f32, u8, i8, i32, i64, bool, f16, f64, bf16.
llvm::StringRef getElementTypeName(ElementType type);

/// f32, f64, f16, bf16.
bool isFloatingPoint(ElementType type);

/// Formats a shape and type the way messages print it: "2x3xf32", "f32" for
/// a scalar, "?" for a dynamic (-1) dim.
std::string formatTensorType(llvm::ArrayRef<int64_t> shape, ElementType type);

/// Number of elements of a static shape, or an error if a dim is negative or
/// the count overflows (so that a malformed file cannot ask for a huge or
/// wrapped-around allocation).
llvm::Expected<int64_t> getNumElements(llvm::ArrayRef<int64_t> shape);

/// A dense tensor that owns its bytes. The buffer is 64-byte aligned so that
/// compiled models may use aligned vector loads on it.
class Tensor {
public:
  /// Alignment of the data buffer, in bytes.
  static constexpr size_t kAlignment = 64;

  /// A zero-element f32 tensor of shape [0]; a placeholder to assign to.
  Tensor();

  /// A zero-filled tensor; fails if the shape has a negative dim or its size
  /// overflows.
  static llvm::Expected<Tensor> create(ElementType type,
                                       llvm::ArrayRef<int64_t> shape,
                                       llvm::StringRef name = "");

  Tensor(const Tensor &other);
  Tensor &operator=(const Tensor &other);
  Tensor(Tensor &&other) = default;
  Tensor &operator=(Tensor &&other) = default;

  ElementType getElementType() const { return type; }
  llvm::ArrayRef<int64_t> getShape() const { return shape; }
  int64_t getRank() const { return shape.size(); }
  int64_t getNumElements() const { return numElements; }
  size_t getByteSize() const {
    return static_cast<size_t>(numElements) * getElementByteWidth(type);
  }

  /// The graph input/output name it belongs to ("" when unknown).
  llvm::StringRef getName() const { return name; }
  void setName(llvm::StringRef newName) { name = newName.str(); }

  uint8_t *data() { return bytes.get(); }
  const uint8_t *data() const { return bytes.get(); }
  llvm::MutableArrayRef<uint8_t> getBytes() { return {data(), getByteSize()}; }
  llvm::ArrayRef<uint8_t> getBytes() const { return {data(), getByteSize()}; }

  /// Typed views; T must have the element's width (e.g. uint16_t for f16).
  template <typename T> llvm::MutableArrayRef<T> getElements() {
    assert(sizeof(T) == getElementByteWidth(type) && "wrong element width");
    return {reinterpret_cast<T *>(data()), static_cast<size_t>(numElements)};
  }
  template <typename T> llvm::ArrayRef<T> getElements() const {
    assert(sizeof(T) == getElementByteWidth(type) && "wrong element width");
    return {reinterpret_cast<const T *>(data()),
            static_cast<size_t>(numElements)};
  }

  /// "2x3xf32".
  std::string getTypeString() const { return formatTensorType(shape, type); }

private:
  struct FreeDeleter {
    void operator()(uint8_t *p) const { std::free(p); }
  };

  Tensor(ElementType type, llvm::ArrayRef<int64_t> shape, int64_t numElements,
         llvm::StringRef name);

  ElementType type = ElementType::F32;
  llvm::SmallVector<int64_t, 4> shape;
  int64_t numElements = 0;
  std::string name;
  std::unique_ptr<uint8_t[], FreeDeleter> bytes;
};

} // namespace attnc::runtime

#endif // ATTNC_RUNTIME_TENSOR_H
