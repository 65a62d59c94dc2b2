//===- AttentionCostTest.cpp - The formulas behind the attention report ---===//
//
// Oracles: brute-force counts of the masking rules, hand counts on small
// sizes, and published numbers (techniques.md 2, 4.3, 9, 13.3: the rasbt
// estimator's GQA and sliding-window cache sizes, DeepSeek-V3 MLA, Qwen3-Next
// state size).
//
//===----------------------------------------------------------------------===//

#include "attnc/Analysis/AttentionCost.h"

#include <gtest/gtest.h>

#include <limits>

using namespace attnc;

namespace {

/// Counts the pairs the attn.attention visibility rules allow, one by one.
int64_t bruteForcePairs(int64_t n, bool causal, std::optional<int64_t> left,
                        std::optional<int64_t> right) {
  int64_t pairs = 0;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < n; ++j) {
      bool visible = (!causal || j <= i) && (!left || j >= i - *left) &&
                     (!right || j <= i + *right);
      pairs += visible;
    }
  return pairs;
}

TEST(AttentionCostTest, VisiblePairsMatchesBruteForce) {
  std::vector<std::optional<int64_t>> bounds = {std::nullopt};
  for (int64_t b = 0; b <= 13; ++b)
    bounds.push_back(b);
  for (int64_t n = 0; n <= 12; ++n)
    for (bool causal : {false, true})
      for (std::optional<int64_t> left : bounds)
        for (std::optional<int64_t> right : bounds) {
          // The verifier rejects a positive window_right on a causal op.
          if (causal && right && *right > 0)
            continue;
          EXPECT_EQ(cost::visiblePairs(n, causal, left, right),
                    bruteForcePairs(n, causal, left, right))
              << "n=" << n << " causal=" << causal
              << " left=" << (left ? *left : -1)
              << " right=" << (right ? *right : -1);
        }
}

TEST(AttentionCostTest, VisiblePairsClosedForms) {
  // Causal: n(n+1)/2. Full: n^2.
  EXPECT_EQ(cost::visiblePairs(4096, true, std::nullopt, std::nullopt),
            4096 * 4097 / 2);
  EXPECT_EQ(cost::visiblePairs(4096, false, std::nullopt, std::nullopt),
            4096 * 4096);
  // Causal window of W = 1024 keys: the first W rows form a triangle, the
  // other n - W rows see W keys each.
  EXPECT_EQ(cost::visiblePairs(4096, true, 1023, std::nullopt),
            1024 * 1025 / 2 + (4096 - 1024) * 1024);
  // A window at least as long as the sequence is no window.
  EXPECT_EQ(cost::visiblePairs(100, true, 100, std::nullopt),
            cost::visiblePairs(100, true, std::nullopt, std::nullopt));
  EXPECT_EQ(cost::visiblePairs(0, true, std::nullopt, std::nullopt), 0);
}

/// Counts the compressed entries each query of a prefill sees, entry by
/// entry: entry i pools tokens [i m, (i + 1) m) and is visible from position
/// (i + 1) m - 1 on; a top-k layer reads at most `cap` of them.
int64_t bruteForceEntryPairs(int64_t n, int64_t m, std::optional<int64_t> cap) {
  int64_t pairs = 0;
  for (int64_t t = 0; t < n; ++t) {
    int64_t visible = 0;
    for (int64_t i = 0; (i + 1) * m <= n; ++i)
      visible += (i + 1) * m - 1 <= t;
    pairs += cap ? std::min(visible, *cap) : visible;
  }
  return pairs;
}

TEST(AttentionCostTest, CompressedEntryPairsMatchBruteForce) {
  for (int64_t n = 0; n <= 40; ++n)
    for (int64_t m : {1, 2, 3, 4, 16})
      for (std::optional<int64_t> cap :
           {std::optional<int64_t>(), std::optional<int64_t>(1),
            std::optional<int64_t>(3), std::optional<int64_t>(100)})
        EXPECT_EQ(cost::compressedEntryPairs(n, m, cap),
                  bruteForceEntryPairs(n, m, cap))
            << "n=" << n << " m=" << m << " cap=" << (cap ? *cap : -1);
  // V4-Flash-like CSA at 1M tokens: past the first 4 * 512 queries every
  // query reads its 512 picked entries.
  int64_t n = 1 << 20;
  EXPECT_EQ(cost::compressedEntryPairs(n, 4, 512),
            bruteForceEntryPairs(4 * 512, 4, 512) + 512 * (n - 4 * 512));
  EXPECT_EQ(cost::compressedEntryPairs(10, 0, std::nullopt), 0);
}

TEST(AttentionCostTest, DenseFlopsFollowTheCostModel) {
  // techniques.md 1.2: 2 * Hq * (D + Dv) * S(S+1)/2 for causal prefill.
  int64_t pairs = *cost::visiblePairs(16, true, std::nullopt, std::nullopt);
  EXPECT_EQ(pairs, 136);
  EXPECT_EQ(cost::denseAttentionFlops(4, 16, 16, pairs), 2 * 4 * 32 * 136);
  // Query heads count, KV heads do not (GQA saves no core FLOPs).
  EXPECT_EQ(cost::denseAttentionFlops(32, 64, 64, 1), 8192);
}

TEST(AttentionCostTest, KVCacheBytesReproduceTheGQAEstimate) {
  // rasbt's estimator (techniques.md 2): d 4096, 32 heads of 128, 32 layers,
  // 32k context, bf16: MHA 17.18 GB, GQA with 8 KV heads 4.29 GB.
  int64_t context = 32768, layers = 32;
  int64_t mha = 2 * *cost::cacheBytesPerToken(32, 128, 2);
  int64_t gqa = 2 * *cost::cacheBytesPerToken(8, 128, 2);
  EXPECT_EQ(mha, 16384);
  EXPECT_EQ(gqa, 4096);
  EXPECT_NEAR(double(mha * layers * context) / 1e9, 17.18, 0.005);
  EXPECT_NEAR(double(gqa * layers * context) / 1e9, 4.29, 0.005);
}

TEST(AttentionCostTest, WindowCachesReproduceTheSlidingWindowEstimate) {
  // techniques.md 4.3: the same GQA-8 model with 5 global and 27 window
  // layers of W = 1024 holds 0.78 GB at 32k instead of 4.29 GB.
  int64_t context = 32768, perToken = 4096;
  EXPECT_EQ(cost::cachedTokens(context, 1024), 1024);
  EXPECT_EQ(cost::cachedTokens(context, std::nullopt), context);
  EXPECT_EQ(cost::cachedTokens(100, 1024), 100);
  int64_t bytes = 27 * perToken * cost::cachedTokens(context, 1024) +
                  5 * perToken * cost::cachedTokens(context, std::nullopt);
  EXPECT_NEAR(double(bytes) / 1e9, 0.78, 0.005);
}

TEST(AttentionCostTest, MLACacheIsTheLatentAndTheRopeKey) {
  // DeepSeek-V3 (techniques.md 9): 576 elements per token against 32768 for
  // MHA with 128 heads of 128, 56.9x smaller.
  cost::MLASizes v3{/*heads=*/128, /*nopeDim=*/128, /*ropeDim=*/64,
                    /*latentDim=*/512, /*valueDim=*/128};
  EXPECT_EQ(cost::mlaBytesPerToken(v3, 1), 576);
  EXPECT_EQ(cost::mlaBytesPerToken(v3, 2), 1152);
  EXPECT_NEAR(32768.0 / 576, 56.9, 0.05);
}

TEST(AttentionCostTest, MLAFlopsByForm) {
  // H 2, Dn 3, Dr 1, Dc 5, Dv 4, n 2 tokens, 3 causal pairs.
  cost::MLASizes s{2, 3, 1, 5, 4};
  // Expanded: expand 2*2*2*5*(3+4) = 280; core 2*2*(3+1+4)*3 = 96.
  EXPECT_EQ(cost::mlaFlops(s, cost::MLAEvaluation::Expanded, 2, 3), 376);
  // Absorbed: fold q 2*2*2*3*5 = 120; core 2*2*((5+1)+5)*3 = 132;
  // expand o 2*2*2*5*4 = 160.
  EXPECT_EQ(cost::mlaFlops(s, cost::MLAEvaluation::Absorbed, 2, 3), 412);
}

TEST(AttentionCostTest, LinearAttentionStateAndFlops) {
  // Qwen3-Next (techniques.md 13.3): 32 heads of 128 x 128 in f32, 2 MiB.
  EXPECT_EQ(cost::linearStateBytes(32, 128, 128, 4), 2 * 1024 * 1024);
  // Per token and state element: update (linear 2, gated 3, delta 4, gated
  // delta 5) per KV head plus the read-out 2 per query head.
  // Hq 4, Hkv 2, Dk 3, Dv 5, n 7: 7 * (u * 2 * 15 + 2 * 4 * 15).
  EXPECT_EQ(
      cost::linearAttentionFlops(cost::LinearUpdateRule::Linear, 4, 2, 3, 5, 7),
      7 * (2 * 30 + 120));
  EXPECT_EQ(
      cost::linearAttentionFlops(cost::LinearUpdateRule::Gated, 4, 2, 3, 5, 7),
      7 * (3 * 30 + 120));
  EXPECT_EQ(
      cost::linearAttentionFlops(cost::LinearUpdateRule::Delta, 4, 2, 3, 5, 7),
      7 * (4 * 30 + 120));
  EXPECT_EQ(cost::linearAttentionFlops(cost::LinearUpdateRule::GatedDelta, 4, 2,
                                       3, 5, 7),
            7 * (5 * 30 + 120));
}

TEST(AttentionCostTest, OverflowIsUnknownNotWrapped) {
  constexpr int64_t big = std::numeric_limits<int64_t>::max() / 2;
  EXPECT_EQ(cost::visiblePairs(big, false, std::nullopt, std::nullopt),
            std::nullopt);
  EXPECT_EQ(cost::denseAttentionFlops(big, 64, 64, 2), std::nullopt);
  EXPECT_EQ(cost::cacheBytesPerToken(big, 4, 4), std::nullopt);
  // Large but representable: 2^31 tokens, causal.
  int64_t n = int64_t(1) << 31;
  EXPECT_EQ(cost::visiblePairs(n, true, std::nullopt, std::nullopt),
            n / 2 * (n + 1));
}

} // namespace
