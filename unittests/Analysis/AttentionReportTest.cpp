//===- AttentionReportTest.cpp - The report through its C++ API -----------===//
//
// What C++ users of buildAttentionReport rely on: names, KV-source indices and
// the totals' cache spans (shared caches, window readers).
//
//===----------------------------------------------------------------------===//

#include "attnc/Analysis/AttentionReport.h"

#include "attnc/Dialect/Attn/IR/AttnDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

using namespace mlir;

namespace {

class AttentionReportTest : public ::testing::Test {
protected:
  AttentionReportTest() {
    context.loadDialect<attn::AttnDialect, func::FuncDialect>();
    // The diagnostics of the failure cases are expected; keep them quiet.
    context.getDiagEngine().registerHandler([](Diagnostic &) {});
  }

  /// Three blocks over the same f16 K/V (2 KV heads of 64): the first owns
  /// the cache, the other two read it with the given attributes.
  attnc::AttentionReport report(StringRef secondAttrs, StringRef thirdAttrs,
                                int64_t seqLen) {
    std::string source = (R"mlir(
      func.func @f(%q: tensor<1x8x16x64xf16>, %k: tensor<1x2x16x64xf16>,
                   %v: tensor<1x2x16x64xf16>) {
        %0 = attn.attention %q, %k, %v {causal, window_left = 3 : i64}
            : tensor<1x8x16x64xf16>, tensor<1x2x16x64xf16>,
              tensor<1x2x16x64xf16> -> tensor<1x8x16x64xf16> loc("owner")
        %1 = attn.attention %q, %k, %v )mlir" +
                          secondAttrs + R"mlir(
            : tensor<1x8x16x64xf16>, tensor<1x2x16x64xf16>,
              tensor<1x2x16x64xf16> -> tensor<1x8x16x64xf16> loc("reader")
        %2 = attn.attention %q, %k, %v )mlir" +
                          thirdAttrs + R"mlir(
            : tensor<1x8x16x64xf16>, tensor<1x2x16x64xf16>,
              tensor<1x2x16x64xf16> -> tensor<1x8x16x64xf16>
        return
      })mlir")
                             .str();
    module = parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module);
    FailureOr<attnc::AttentionReport> result =
        attnc::buildAttentionReport(*module, seqLen);
    EXPECT_TRUE(succeeded(result));
    return succeeded(result) ? *result : attnc::AttentionReport();
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(AttentionReportTest, SharedCacheIsCountedOnce) {
  attnc::AttentionReport r = report("{causal, window_left = 7 : i64}",
                                    "{causal, window_left = 1 : i64}",
                                    /*seqLen=*/100);
  ASSERT_EQ(r.blocks.size(), 3u);
  EXPECT_EQ(r.blocks[0].name, "owner");
  EXPECT_EQ(r.blocks[1].name, "reader");
  // No NameLoc: the op name and the block's index.
  EXPECT_EQ(r.blocks[2].name, "attention#2");
  EXPECT_EQ(r.blocks[0].kind, attnc::AttentionKind::GQA);
  for (const attnc::AttentionBlockInfo &block : r.blocks) {
    EXPECT_EQ(block.kvSourceIndex, 0u);
    // 2 KV heads * (64 + 64) * 2 bytes.
    EXPECT_EQ(block.kvBytesPerToken, 512);
  }
  EXPECT_FALSE(r.blocks[0].sharesKV());
  EXPECT_TRUE(r.blocks[2].sharesKV());
  EXPECT_EQ(r.totals.blocks, 3);
  EXPECT_EQ(r.totals.kvBytesPerToken, 512);
  EXPECT_EQ(r.totals.kvBytesSavedPerToken, 1024);
  // The shared cache must serve the widest reader: windows 4, 8, 2 -> 8.
  EXPECT_EQ(r.totals.kvBytesAtSeqLen, 512 * 8);
  EXPECT_EQ(r.totals.kvBytesAllGlobalAtSeqLen, 512 * 100);
}

TEST_F(AttentionReportTest, AGlobalReaderMakesTheSharedCacheGlobal) {
  attnc::AttentionReport r =
      report("{causal}", "{causal, window_left = 1 : i64}",
             /*seqLen=*/100);
  EXPECT_EQ(r.totals.kvBytesAtSeqLen, 512 * 100);
  // FLOPs stay per block: 2 * 8 heads * 128 * pairs.
  EXPECT_EQ(r.blocks[0].flops, 2 * 8 * 128 * (4 * 5 / 2 + 96 * 4));
  EXPECT_EQ(r.blocks[1].flops, 2 * 8 * 128 * (100 * 101 / 2));
  EXPECT_EQ(r.totals.flops,
            *r.blocks[0].flops + *r.blocks[1].flops + *r.blocks[2].flops);
}

TEST_F(AttentionReportTest, RejectsANonPositiveSequenceLength) {
  module = parseSourceString<ModuleOp>("module {}", &context);
  ASSERT_TRUE(module);
  EXPECT_TRUE(failed(attnc::buildAttentionReport(*module, 0)));
  FailureOr<attnc::AttentionReport> empty =
      attnc::buildAttentionReport(*module, 1);
  ASSERT_TRUE(succeeded(empty));
  EXPECT_TRUE(empty->blocks.empty());
  EXPECT_EQ(empty->totals.kvBytesAtSeqLen, 0);
}

} // namespace
