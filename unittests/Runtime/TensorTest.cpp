//===- TensorTest.cpp - The Tensor value type -----------------------------===//

#include "RuntimeTestUtils.h"

#include "attnc/Runtime/Tensor.h"

#include <gtest/gtest.h>

#include <cstdint>

using namespace attnc::runtime;
using namespace attnc::runtime::testing;

namespace {

TEST(TensorTest, CreatesZeroedAlignedBuffers) {
  Tensor tensor = takeValue(Tensor::create(ElementType::F64, {3, 5}, "w"));
  EXPECT_EQ(tensor.getName(), "w");
  EXPECT_EQ(tensor.getNumElements(), 15);
  EXPECT_EQ(tensor.getByteSize(), 120u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(tensor.data()) % Tensor::kAlignment,
            0u);
  for (double v : tensor.getElements<double>())
    EXPECT_EQ(v, 0.0);
}

TEST(TensorTest, ScalarsHaveOneElementAndEmptyTensorsNone) {
  Tensor scalar = takeValue(Tensor::create(ElementType::I32, {}));
  EXPECT_EQ(scalar.getRank(), 0);
  EXPECT_EQ(scalar.getNumElements(), 1);
  Tensor empty = takeValue(Tensor::create(ElementType::I32, {4, 0}));
  EXPECT_EQ(empty.getNumElements(), 0);
  EXPECT_NE(empty.data(), nullptr);
}

TEST(TensorTest, CopiesAreDeep) {
  Tensor original = takeValue(Tensor::create(ElementType::I64, {2}, "n"));
  original.getElements<int64_t>()[1] = 42;
  Tensor copy = original;
  copy.getElements<int64_t>()[1] = 7;
  EXPECT_EQ(original.getElements<int64_t>()[1], 42);
  EXPECT_EQ(copy.getName(), "n");
  Tensor assigned;
  assigned = original;
  EXPECT_EQ(assigned.getElements<int64_t>()[1], 42);
  EXPECT_NE(assigned.data(), original.data());
}

TEST(TensorTest, RejectsBadShapes) {
  EXPECT_EQ(takeErrorMessage(Tensor::create(ElementType::F32, {2, -3})),
            "expects non-negative dims, but got -3");
  EXPECT_EQ(
      takeErrorMessage(Tensor::create(ElementType::F32, {int64_t(1) << 62, 4})),
      "the element count of the shape overflows");
  EXPECT_EQ(
      takeErrorMessage(Tensor::create(ElementType::F64, {int64_t(1) << 61})),
      "a 2305843009213693952xf64 tensor is too large to allocate");
}

TEST(TensorTest, FormatsTypes) {
  EXPECT_EQ(formatTensorType({2, 3}, ElementType::BF16), "2x3xbf16");
  EXPECT_EQ(formatTensorType({}, ElementType::Bool), "bool");
  EXPECT_EQ(formatTensorType({-1, 8}, ElementType::U8), "?x8xu8");
}

TEST(TensorTest, MapsONNXCodes) {
  EXPECT_EQ(getElementTypeFromCode(ATTNC_ELEM_BF16), ElementType::BF16);
  EXPECT_EQ(getElementTypeFromCode(8), std::nullopt); // STRING
  EXPECT_EQ(getElementTypeFromCode(0), std::nullopt);
  EXPECT_EQ(getElementByteWidth(ElementType::Bool), 1u);
  EXPECT_TRUE(isFloatingPoint(ElementType::F16));
  EXPECT_FALSE(isFloatingPoint(ElementType::I8));
}

} // namespace
