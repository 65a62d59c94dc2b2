//===- TensorCompare.h - A result against an expected tensor ----*- C++ -*-===//
//
// The acceptance rule attnc-run applies to every model output.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_RUNTIME_TENSORCOMPARE_H
#define ATTNC_RUNTIME_TENSORCOMPARE_H

#include "attnc/Runtime/Tensor.h"

#include "llvm/Support/Error.h"

#include <cstdint>

namespace attnc::runtime {

/// Element `actual` passes against `expected` when
///   |actual - expected| <= atol + rtol * |expected|.
struct Tolerance {
  double rtol = 1e-3;
  double atol = 1e-5;
};

/// The default for an element type: rtol 1e-3, atol 1e-5 for f32 and f64;
/// rtol 1e-2, atol 1e-3 for f16 and bf16 (a few ulp of their 8 or 11 bit
/// mantissas). Integers and bool are always compared exactly.
Tolerance getDefaultTolerance(ElementType type);

struct ComparisonResult {
  /// max |actual - expected| over all elements (+inf where exactly one side is
  /// NaN or the infinities differ).
  double maxAbsError = 0;
  /// max |actual - expected| / |expected| over the elements whose expected
  /// value is a non-zero finite number (an expected 0 makes this ratio
  /// meaningless; maxAbsError covers it).
  double maxRelError = 0;
  /// Elements that fail the rule.
  int64_t numMismatches = 0;
  /// Row-major index of the first failing element (-1 when none), with its
  /// two values widened to double.
  int64_t firstMismatchIndex = -1;
  double firstMismatchActual = 0;
  double firstMismatchExpected = 0;

  bool passed() const { return numMismatches == 0; }
};

/// Compares elementwise. Floating-point types (f16 and bf16 widened to f32)
/// use `tolerance`; NaN equals NaN only when both are NaN, and an infinity
/// must be matched by the same infinity. Integer and bool elements must be
/// equal (an index off by one is wrong, whatever the tolerance). Fails, without
/// comparing, if the element types or shapes differ.
llvm::Expected<ComparisonResult> compareTensors(const Tensor &actual,
                                                const Tensor &expected,
                                                Tolerance tolerance);

} // namespace attnc::runtime

#endif // ATTNC_RUNTIME_TENSORCOMPARE_H
