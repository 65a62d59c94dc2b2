//===- ModelLoaderTest.cpp - Descriptions and library loading errors ------===//
//
// Running real model libraries needs a C compiler at test time; that is
// covered by the attnc-run lit tests (test/Tools/attnc-run).
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtils.h"

#include "attnc/Runtime/ModelLoader.h"

#include <gtest/gtest.h>

using namespace attnc::runtime;
using namespace attnc::runtime::testing;

namespace {

TEST(ModelLoaderTest, ChecksTensorsAgainstDescriptions) {
  TensorDesc desc{"x", ElementType::F32, {2, 3}};
  EXPECT_TRUE(desc.hasStaticShape());
  Tensor match = takeValue(Tensor::create(ElementType::F32, {2, 3}));
  Tensor transposed = takeValue(Tensor::create(ElementType::F32, {3, 2}));
  Tensor half = takeValue(Tensor::create(ElementType::F16, {2, 3}));
  EXPECT_EQ(takeErrorMessage(checkTensorMatches(desc, match)), "");
  EXPECT_EQ(takeErrorMessage(checkTensorMatches(desc, transposed)),
            "expected 2x3xf32, but got 3x2xf32");
  EXPECT_EQ(takeErrorMessage(checkTensorMatches(desc, half)),
            "expected 2x3xf32, but got 2x3xf16");
}

TEST(ModelLoaderTest, DynamicDescriptionsMatchNothing) {
  TensorDesc desc{"x", ElementType::F32, {-1, 3}};
  EXPECT_FALSE(desc.hasStaticShape());
  EXPECT_EQ(desc.getTypeString(), "?x3xf32");
  Tensor tensor = takeValue(Tensor::create(ElementType::F32, {2, 3}));
  EXPECT_EQ(takeErrorMessage(checkTensorMatches(desc, tensor)),
            "the model expects ?x3xf32, whose dynamic dims model ABI version "
            "1 cannot pass (pin them when compiling, with --input-shape)");
}

TEST(ModelLoaderTest, ReportsUnloadableLibraries) {
  std::string message =
      takeErrorMessage(LoadedModel::load("/nonexistent/attnc-model.so"));
  EXPECT_NE(message.find("'/nonexistent/attnc-model.so': cannot load the "
                         "model library: "),
            std::string::npos)
      << message;
}

} // namespace
