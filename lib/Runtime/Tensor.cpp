//===- Tensor.cpp - A dense host tensor for running models ----------------===//

#include "attnc/Runtime/Tensor.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <limits>

using namespace llvm;

namespace attnc::runtime {

std::optional<ElementType> getElementTypeFromCode(int32_t code) {
  switch (code) {
  case ATTNC_ELEM_F32:
  case ATTNC_ELEM_U8:
  case ATTNC_ELEM_I8:
  case ATTNC_ELEM_I32:
  case ATTNC_ELEM_I64:
  case ATTNC_ELEM_BOOL:
  case ATTNC_ELEM_F16:
  case ATTNC_ELEM_F64:
  case ATTNC_ELEM_BF16:
    return static_cast<ElementType>(code);
  default:
    return std::nullopt;
  }
}

size_t getElementByteWidth(ElementType type) {
  switch (type) {
  case ElementType::U8:
  case ElementType::I8:
  case ElementType::Bool:
    return 1;
  case ElementType::F16:
  case ElementType::BF16:
    return 2;
  case ElementType::F32:
  case ElementType::I32:
    return 4;
  case ElementType::I64:
  case ElementType::F64:
    return 8;
  }
  llvm_unreachable("covered switch");
}

StringRef getElementTypeName(ElementType type) {
  switch (type) {
  case ElementType::F32:
    return "f32";
  case ElementType::U8:
    return "u8";
  case ElementType::I8:
    return "i8";
  case ElementType::I32:
    return "i32";
  case ElementType::I64:
    return "i64";
  case ElementType::Bool:
    return "bool";
  case ElementType::F16:
    return "f16";
  case ElementType::F64:
    return "f64";
  case ElementType::BF16:
    return "bf16";
  }
  llvm_unreachable("covered switch");
}

bool isFloatingPoint(ElementType type) {
  return type == ElementType::F32 || type == ElementType::F64 ||
         type == ElementType::F16 || type == ElementType::BF16;
}

std::string formatTensorType(ArrayRef<int64_t> shape, ElementType type) {
  std::string result;
  raw_string_ostream os(result);
  for (int64_t dim : shape) {
    if (dim < 0)
      os << '?';
    else
      os << dim;
    os << 'x';
  }
  os << getElementTypeName(type);
  return result;
}

Expected<int64_t> getNumElements(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim < 0)
      return createStringError("expects non-negative dims, but got " +
                               std::to_string(dim));
    if (MulOverflow(count, dim, count))
      return createStringError("the element count of the shape overflows");
  }
  return count;
}

//===----------------------------------------------------------------------===//
// Tensor
//===----------------------------------------------------------------------===//

/// Allocates at least one alignment unit, so that even a zero-element tensor
/// hands the model a valid, non-null pointer.
static uint8_t *allocateZeroed(size_t byteSize) {
  size_t rounded = alignTo(std::max<size_t>(byteSize, 1), Tensor::kAlignment);
  auto *bytes =
      static_cast<uint8_t *>(std::aligned_alloc(Tensor::kAlignment, rounded));
  if (bytes)
    std::memset(bytes, 0, rounded);
  return bytes;
}

Tensor::Tensor() : shape({0}) {}

Tensor::Tensor(ElementType type, ArrayRef<int64_t> shape, int64_t numElements,
               StringRef name)
    : type(type), shape(shape), numElements(numElements), name(name.str()) {}

Expected<Tensor> Tensor::create(ElementType type, ArrayRef<int64_t> shape,
                                StringRef name) {
  Expected<int64_t> numElements = runtime::getNumElements(shape);
  if (!numElements)
    return numElements.takeError();
  size_t width = getElementByteWidth(type);
  // Keep the byte size representable (and below what any allocator takes).
  if (*numElements >
      std::numeric_limits<int64_t>::max() / 2 / static_cast<int64_t>(width))
    return createStringError("a " + formatTensorType(shape, type) +
                             " tensor is too large to allocate");
  Tensor tensor(type, shape, *numElements, name);
  tensor.bytes.reset(allocateZeroed(tensor.getByteSize()));
  if (!tensor.bytes)
    return createStringError("out of memory allocating a " +
                             formatTensorType(shape, type) + " tensor");
  return tensor;
}

Tensor::Tensor(const Tensor &other)
    : type(other.type), shape(other.shape), numElements(other.numElements),
      name(other.name) {
  if (!other.bytes)
    return;
  // Copies are made of tensors that exist, so memory for one more is
  // expected; running out here is fatal like any other failed allocation.
  bytes.reset(allocateZeroed(getByteSize()));
  if (!bytes)
    report_bad_alloc_error("copying a tensor");
  std::memcpy(bytes.get(), other.bytes.get(), getByteSize());
}

Tensor &Tensor::operator=(const Tensor &other) {
  if (this != &other)
    *this = Tensor(other);
  return *this;
}

} // namespace attnc::runtime
