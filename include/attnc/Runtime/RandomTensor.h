//===- RandomTensor.h - Deterministic random model inputs -------*- C++ -*-===//
//
// Inputs for running or timing a model that has no test data. The values are
// a pure function of the seed, the order of the requests and their shapes, on
// every platform: the engine is std::mt19937_64, whose output sequence the C++
// standard fixes, and the mapping to values below is ours (the standard
// distributions differ between C++ libraries).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_RUNTIME_RANDOMTENSOR_H
#define ATTNC_RUNTIME_RANDOMTENSOR_H

#include "attnc/Runtime/Tensor.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <random>

namespace attnc::runtime {

/// Fills tensors in row-major order, one 64-bit draw `x` per element:
///  - f32, f64, f16, bf16: uniform in [-1, 1): -1 + 2 * (x >> 11) * 2^-53,
///    then rounded to nearest even to the element type;
///  - i64, i32, i8, u8: x % 10, i.e. in [0, 10) (small non-negative values,
///    valid as indices, positions or lengths in the models attnc targets);
///  - bool: x & 1.
class RandomTensorGenerator {
public:
  explicit RandomTensorGenerator(uint64_t seed) : engine(seed) {}

  /// A new tensor of the given type and (static) shape, continuing the
  /// sequence of draws from the previous call.
  llvm::Expected<Tensor> generate(ElementType type,
                                  llvm::ArrayRef<int64_t> shape,
                                  llvm::StringRef name = "");

private:
  std::mt19937_64 engine;
};

} // namespace attnc::runtime

#endif // ATTNC_RUNTIME_RANDOMTENSOR_H
