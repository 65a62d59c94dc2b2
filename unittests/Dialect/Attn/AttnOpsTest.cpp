//===- AttnOpsTest.cpp - C++ helpers of the attn ops ----------------------===//
//
// The helpers that lowerings rely on (effective scale, softmax type, rotary
// dim) are C++ logic, not IR syntax, so they are tested here rather than in lit.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/Attn/IR/AttnDialect.h"
#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace mlir;

namespace {

class AttnOpsTest : public ::testing::Test {
protected:
  AttnOpsTest() {
    context.loadDialect<attn::AttnDialect>();
    context.allowUnregisteredDialects(false);
  }

  /// Parses `body` as the content of a function taking the given args and
  /// returns the first op of type OpTy.
  template <typename OpTy>
  OpTy parseFirst(StringRef source) {
    module = parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return nullptr;
    OpTy found;
    module->walk([&](OpTy op) {
      if (!found)
        found = op;
    });
    return found;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(AttnOpsTest, DefaultScaleIsInverseSqrtHeadDim) {
  auto op = parseFirst<attn::AttentionOp>(R"mlir(
    %q = "test.q"() : () -> tensor<1x4x8x64xf32>
  )mlir");
  // "test.q" is unregistered: parsing must fail cleanly, not crash.
  EXPECT_FALSE(op);

  context.allowUnregisteredDialects(true);
  op = parseFirst<attn::AttentionOp>(R"mlir(
    %q = "test.q"() : () -> tensor<1x4x8x64xf32>
    %k = "test.k"() : () -> tensor<1x2x8x64xf32>
    %o = attn.attention %q, %k, %k : tensor<1x4x8x64xf32>, tensor<1x2x8x64xf32>,
        tensor<1x2x8x64xf32> -> tensor<1x4x8x64xf32>
  )mlir");
  ASSERT_TRUE(op);
  EXPECT_DOUBLE_EQ(op.getEffectiveScale(), 0.125);
  EXPECT_EQ(op.getNumQueryHeads(), 4);
  EXPECT_EQ(op.getNumKVHeads(), 2);
  EXPECT_EQ(op.getAlignment(), attn::Alignment::BottomRight);
  EXPECT_EQ(op.getMaskedRows(), attn::MaskedRowPolicy::Zero);
}

TEST_F(AttnOpsTest, ExplicitScaleWins) {
  context.allowUnregisteredDialects(true);
  auto op = parseFirst<attn::AttentionOp>(R"mlir(
    %q = "test.q"() : () -> tensor<1x4x8x64xf16>
    %o = attn.attention %q, %q, %q {scale = 0.5 : f64}
        : tensor<1x4x8x64xf16>, tensor<1x4x8x64xf16>, tensor<1x4x8x64xf16>
        -> tensor<1x4x8x64xf16>
  )mlir");
  ASSERT_TRUE(op);
  EXPECT_DOUBLE_EQ(op.getEffectiveScale(), 0.5);
}

TEST_F(AttnOpsTest, SoftmaxRunsInF32ForHalfPrecision) {
  context.allowUnregisteredDialects(true);
  auto op = parseFirst<attn::AttentionOp>(R"mlir(
    %q = "test.q"() : () -> tensor<1x4x8x64xbf16>
    %o = attn.attention %q, %q, %q
        : tensor<1x4x8x64xbf16>, tensor<1x4x8x64xbf16>, tensor<1x4x8x64xbf16>
        -> tensor<1x4x8x64xbf16>
  )mlir");
  ASSERT_TRUE(op);
  EXPECT_TRUE(op.getEffectiveSoftmaxType().isF32());
}

TEST_F(AttnOpsTest, RotaryDimDefaultsToTheChannelsAfterTheOffset) {
  context.allowUnregisteredDialects(true);
  auto op = parseFirst<attn::RopeOp>(R"mlir(
    %x = "test.x"() : () -> tensor<1x4x16x96xf32>
    %c = "test.c"() : () -> tensor<1x16x32xf32>
    %r = attn.rope %x, %c, %c {offset = 32 : i64}
        : tensor<1x4x16x96xf32>, tensor<1x16x32xf32>, tensor<1x16x32xf32>
  )mlir");
  ASSERT_TRUE(op);
  EXPECT_EQ(op.getEffectiveRotaryDim(), 64);
}

TEST_F(AttnOpsTest, LinearAttentionScaleDefaultsToInverseSqrtKeyDim) {
  context.allowUnregisteredDialects(true);
  auto op = parseFirst<attn::LinearAttentionOp>(R"mlir(
    %q = "test.q"() : () -> tensor<1x2x8x16xf32>
    %o, %s = attn.linear_attention %q, %q, %q {rule = #attn.update_rule<linear>}
        : tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>
        -> tensor<1x2x8x16xf32>, tensor<1x2x16x16xf32>
  )mlir");
  ASSERT_TRUE(op);
  EXPECT_DOUBLE_EQ(op.getEffectiveScale(), 0.25);
}

} // namespace
