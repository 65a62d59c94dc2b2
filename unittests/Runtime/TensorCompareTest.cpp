//===- TensorCompareTest.cpp - The acceptance rule of attnc-run -----------===//

#include "RuntimeTestUtils.h"

#include "attnc/Runtime/FloatConversion.h"
#include "attnc/Runtime/TensorCompare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace attnc::runtime;
using namespace attnc::runtime::testing;

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

template <typename T>
Tensor makeTensor(ElementType type, const std::vector<T> &values) {
  Tensor tensor =
      takeValue(Tensor::create(type, {static_cast<int64_t>(values.size())}));
  std::copy(values.begin(), values.end(), tensor.getElements<T>().begin());
  return tensor;
}

Tensor makeF32(const std::vector<float> &values) {
  return makeTensor(ElementType::F32, values);
}

ComparisonResult compare(const Tensor &actual, const Tensor &expected,
                         Tolerance tolerance = {}) {
  return takeValue(compareTensors(actual, expected, tolerance));
}

TEST(TensorCompareTest, IdenticalTensorsPass) {
  ComparisonResult result = compare(makeF32({1, -2, 0}), makeF32({1, -2, 0}));
  EXPECT_TRUE(result.passed());
  EXPECT_EQ(result.maxAbsError, 0);
  EXPECT_EQ(result.maxRelError, 0);
  EXPECT_EQ(result.firstMismatchIndex, -1);
}

TEST(TensorCompareTest, ToleranceIsAtolPlusRtolTimesExpected) {
  Tolerance tolerance{/*rtol=*/0.1, /*atol=*/0.5};
  // Allowed error at expected 10 is 0.5 + 0.1 * 10 = 1.5.
  EXPECT_TRUE(compare(makeF32({11.5f}), makeF32({10}), tolerance).passed());
  EXPECT_FALSE(compare(makeF32({11.6f}), makeF32({10}), tolerance).passed());
  // The bound scales with |expected|, not |actual|.
  EXPECT_TRUE(compare(makeF32({-8.5f}), makeF32({-10}), tolerance).passed());
  EXPECT_FALSE(compare(makeF32({1.6f}), makeF32({0}), tolerance).passed());
}

TEST(TensorCompareTest, ReportsMaxErrorsAndFirstMismatch) {
  ComparisonResult result =
      compare(makeF32({1, 2.5f, 4, 0, 10}), makeF32({1, 2, 2, 0.5f, 10}));
  EXPECT_FALSE(result.passed());
  EXPECT_EQ(result.numMismatches, 3);
  EXPECT_DOUBLE_EQ(result.maxAbsError, 2.0);
  // Elements 2 (2/2) and 3 (0.5/0.5) both have relative error 1.
  EXPECT_DOUBLE_EQ(result.maxRelError, 1.0);
  EXPECT_EQ(result.firstMismatchIndex, 1);
  EXPECT_EQ(result.firstMismatchActual, 2.5);
  EXPECT_EQ(result.firstMismatchExpected, 2);
}

TEST(TensorCompareTest, RelativeErrorSkipsExpectedZeros) {
  ComparisonResult result =
      compare(makeF32({1e-6f, 2}), makeF32({0, 2}), {1e-3, 1e-5});
  EXPECT_TRUE(result.passed());
  EXPECT_EQ(result.maxRelError, 0);
  EXPECT_FLOAT_EQ(result.maxAbsError, 1e-6f);
}

TEST(TensorCompareTest, NaNEqualsOnlyNaN) {
  EXPECT_TRUE(compare(makeF32({kNaN}), makeF32({kNaN})).passed());
  ComparisonResult oneSided = compare(makeF32({kNaN, 1}), makeF32({1, kNaN}));
  EXPECT_EQ(oneSided.numMismatches, 2);
  EXPECT_TRUE(std::isinf(oneSided.maxAbsError));
  // A huge tolerance does not make a NaN pass.
  EXPECT_FALSE(compare(makeF32({kNaN}), makeF32({0}), {1e9, 1e9}).passed());
}

TEST(TensorCompareTest, InfinitiesMustMatchExactly) {
  EXPECT_TRUE(compare(makeF32({kInf, -kInf}), makeF32({kInf, -kInf})).passed());
  EXPECT_FALSE(compare(makeF32({kInf}), makeF32({-kInf})).passed());
  EXPECT_FALSE(compare(makeF32({3e38f}), makeF32({kInf}), {1, 1}).passed());
  EXPECT_FALSE(compare(makeF32({kInf}), makeF32({3e38f}), {1, 1}).passed());
}

TEST(TensorCompareTest, HalfIsComparedAsFloat) {
  Tensor actual = makeTensor<uint16_t>(ElementType::F16, {floatToHalf(1.0f)});
  Tensor expected =
      makeTensor<uint16_t>(ElementType::F16, {floatToHalf(1.0078125f)});
  ComparisonResult result =
      compare(actual, expected, getDefaultTolerance(ElementType::F16));
  EXPECT_TRUE(result.passed());
  EXPECT_DOUBLE_EQ(result.maxAbsError, 0.0078125);

  Tensor far = makeTensor<uint16_t>(ElementType::F16, {floatToHalf(1.5f)});
  EXPECT_FALSE(
      compare(far, expected, getDefaultTolerance(ElementType::F16)).passed());
}

TEST(TensorCompareTest, BFloat16IsComparedAsFloat) {
  Tensor actual =
      makeTensor<uint16_t>(ElementType::BF16, {floatToBFloat16(-2.0f)});
  Tensor expected =
      makeTensor<uint16_t>(ElementType::BF16, {floatToBFloat16(-2.0f)});
  EXPECT_TRUE(compare(actual, expected).passed());
  Tensor other =
      makeTensor<uint16_t>(ElementType::BF16, {floatToBFloat16(2.0f)});
  ComparisonResult result = compare(other, expected);
  EXPECT_FALSE(result.passed());
  EXPECT_DOUBLE_EQ(result.maxAbsError, 4.0);
  EXPECT_EQ(result.firstMismatchActual, 2.0);
}

TEST(TensorCompareTest, IntegersCompareExactly) {
  // With a tolerance a float comparison would accept 1001 for 1000.
  Tolerance loose{/*rtol=*/0.1, /*atol=*/10};
  ComparisonResult result =
      compare(makeTensor<int64_t>(ElementType::I64, {1001, 7}),
              makeTensor<int64_t>(ElementType::I64, {1000, 7}), loose);
  EXPECT_FALSE(result.passed());
  EXPECT_EQ(result.maxAbsError, 1);
  EXPECT_EQ(result.firstMismatchIndex, 0);

  EXPECT_TRUE(compare(makeTensor<uint8_t>(ElementType::Bool, {0, 1}),
                      makeTensor<uint8_t>(ElementType::Bool, {0, 1}))
                  .passed());
  EXPECT_FALSE(compare(makeTensor<int8_t>(ElementType::I8, {-1}),
                       makeTensor<int8_t>(ElementType::I8, {1}))
                   .passed());
}

TEST(TensorCompareTest, ExtremeIntegersDoNotOverflow) {
  ComparisonResult result =
      compare(makeTensor<int64_t>(ElementType::I64,
                                  {std::numeric_limits<int64_t>::max()}),
              makeTensor<int64_t>(ElementType::I64,
                                  {std::numeric_limits<int64_t>::min()}));
  EXPECT_FALSE(result.passed());
  EXPECT_GT(result.maxAbsError, 1.8e19);
}

TEST(TensorCompareTest, ShapeOrTypeMismatchIsAnError) {
  Tensor a = takeValue(Tensor::create(ElementType::F32, {2, 3}));
  Tensor b = takeValue(Tensor::create(ElementType::F32, {3, 2}));
  Tensor c = takeValue(Tensor::create(ElementType::F16, {2, 3}));
  EXPECT_EQ(takeErrorMessage(compareTensors(a, b, {})),
            "expected 3x2xf32, but got 2x3xf32");
  EXPECT_EQ(takeErrorMessage(compareTensors(a, c, {})),
            "expected 2x3xf16, but got 2x3xf32");
}

TEST(TensorCompareTest, DefaultTolerances) {
  EXPECT_EQ(getDefaultTolerance(ElementType::F32).rtol, 1e-3);
  EXPECT_EQ(getDefaultTolerance(ElementType::F32).atol, 1e-5);
  EXPECT_EQ(getDefaultTolerance(ElementType::F16).rtol, 1e-2);
  EXPECT_EQ(getDefaultTolerance(ElementType::BF16).atol, 1e-3);
}

} // namespace
