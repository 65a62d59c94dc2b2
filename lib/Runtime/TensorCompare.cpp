//===- TensorCompare.cpp - A result against an expected tensor ------------===//

#include "attnc/Runtime/TensorCompare.h"

#include "attnc/Runtime/FloatConversion.h"

#include <cmath>
#include <limits>

using namespace llvm;

namespace attnc::runtime {

Tolerance getDefaultTolerance(ElementType type) {
  if (type == ElementType::F16 || type == ElementType::BF16)
    return {/*rtol=*/1e-2, /*atol=*/1e-3};
  return {/*rtol=*/1e-3, /*atol=*/1e-5};
}

namespace {

/// Accumulates the per-element verdicts of one comparison.
class Comparator {
public:
  explicit Comparator(Tolerance tolerance) : tolerance(tolerance) {}

  /// Floating-point elements, widened to double (exact for every type here).
  void addFloat(int64_t index, double actual, double expected) {
    double absError;
    bool pass;
    if (std::isnan(actual) || std::isnan(expected)) {
      pass = std::isnan(actual) && std::isnan(expected);
      absError = pass ? 0 : kInfinity;
    } else if (std::isinf(actual) || std::isinf(expected)) {
      pass = actual == expected;
      absError = pass ? 0 : kInfinity;
    } else {
      absError = std::fabs(actual - expected);
      pass = absError <= tolerance.atol + tolerance.rtol * std::fabs(expected);
      if (expected != 0)
        result.maxRelError =
            std::max(result.maxRelError, absError / std::fabs(expected));
    }
    record(index, actual, expected, absError, pass);
  }

  /// Integer and bool elements: exact.
  void addInteger(int64_t index, int64_t actual, int64_t expected) {
    // The difference of two int64 may overflow; in double it cannot.
    double absError =
        std::fabs(static_cast<double>(actual) - static_cast<double>(expected));
    if (expected != 0)
      result.maxRelError =
          std::max(result.maxRelError,
                   absError / std::fabs(static_cast<double>(expected)));
    record(index, actual, expected, absError, actual == expected);
  }

  ComparisonResult take() { return result; }

private:
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();

  void record(int64_t index, double actual, double expected, double absError,
              bool pass) {
    result.maxAbsError = std::max(result.maxAbsError, absError);
    if (pass)
      return;
    if (result.numMismatches++ == 0) {
      result.firstMismatchIndex = index;
      result.firstMismatchActual = actual;
      result.firstMismatchExpected = expected;
    }
  }

  Tolerance tolerance;
  ComparisonResult result;
};

template <typename T, typename AddFn>
void compareElements(const Tensor &actual, const Tensor &expected, AddFn add) {
  ArrayRef<T> a = actual.getElements<T>();
  ArrayRef<T> b = expected.getElements<T>();
  for (size_t i = 0, e = a.size(); i < e; ++i)
    add(static_cast<int64_t>(i), a[i], b[i]);
}

} // namespace

Expected<ComparisonResult> compareTensors(const Tensor &actual,
                                          const Tensor &expected,
                                          Tolerance tolerance) {
  if (actual.getElementType() != expected.getElementType() ||
      actual.getShape() != expected.getShape())
    return createStringError("expected " + expected.getTypeString() +
                             ", but got " + actual.getTypeString());

  Comparator comparator(tolerance);
  auto addFloat = [&](int64_t i, double a, double b) {
    comparator.addFloat(i, a, b);
  };
  auto addInteger = [&](int64_t i, int64_t a, int64_t b) {
    comparator.addInteger(i, a, b);
  };
  auto addHalf = [&](int64_t i, uint16_t a, uint16_t b) {
    comparator.addFloat(i, halfToFloat(a), halfToFloat(b));
  };
  auto addBFloat16 = [&](int64_t i, uint16_t a, uint16_t b) {
    comparator.addFloat(i, bfloat16ToFloat(a), bfloat16ToFloat(b));
  };
  switch (actual.getElementType()) {
  case ElementType::F32:
    compareElements<float>(actual, expected, addFloat);
    break;
  case ElementType::F64:
    compareElements<double>(actual, expected, addFloat);
    break;
  case ElementType::F16:
    compareElements<uint16_t>(actual, expected, addHalf);
    break;
  case ElementType::BF16:
    compareElements<uint16_t>(actual, expected, addBFloat16);
    break;
  case ElementType::I64:
    compareElements<int64_t>(actual, expected, addInteger);
    break;
  case ElementType::I32:
    compareElements<int32_t>(actual, expected, addInteger);
    break;
  case ElementType::I8:
    compareElements<int8_t>(actual, expected, addInteger);
    break;
  case ElementType::U8:
  case ElementType::Bool:
    compareElements<uint8_t>(actual, expected, addInteger);
    break;
  }
  return comparator.take();
}

} // namespace attnc::runtime
