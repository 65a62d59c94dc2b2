//===- AttentionCost.cpp - Cost formulas of attention blocks --------------===//

#include "attnc/Analysis/AttentionCost.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <algorithm>

using namespace attnc;
using Int = std::optional<int64_t>;

namespace {

// Overflow-propagating arithmetic: an empty operand or an overflow gives an
// empty result, so each formula reads like its equation.
Int mul(Int a, Int b) {
  if (!a || !b)
    return std::nullopt;
  return llvm::checkedMul(*a, *b);
}
Int add(Int a, Int b) {
  if (!a || !b)
    return std::nullopt;
  return llvm::checkedAdd(*a, *b);
}
Int sub(Int a, Int b) {
  if (!a || !b)
    return std::nullopt;
  return llvm::checkedSub(*a, *b);
}

/// 0 + 1 + ... + (k - 1) for k >= 0.
Int triangle(int64_t k) {
  // k(k-1)/2 without overflowing in the product when it is avoidable.
  return k % 2 == 0 ? mul(k / 2, k - 1) : mul(k, (k - 1) / 2);
}

} // namespace

Int cost::visiblePairs(int64_t n, bool causal, Int windowLeft,
                       Int windowRight) {
  if (n <= 0)
    return 0;
  // A bound at or beyond the sequence is the same as none; a negative bound
  // is rejected by the op verifier and read as 0 here.
  auto clampBound = [n](Int bound) {
    return bound ? std::clamp<int64_t>(*bound, 0, n) : n;
  };
  int64_t left = clampBound(windowLeft);
  // A causal op has no positive window_right (verifier); causality wins.
  int64_t right = causal ? 0 : clampBound(windowRight);

  // Row i sees keys [max(0, i - left), min(n - 1, i + right)], so
  //   pairs = sum_i min(n - 1, i + right) - sum_i max(0, i - left) + n.
  // The first m = n - right rows have i + right <= n - 1:
  //   sum_i min(n - 1, i + right) = m * right + m(m-1)/2 + (n - m)(n - 1).
  // Rows i > left start at i - left: sum_i max(0, i - left) = t(t+1)/2 with
  // t = max(0, n - 1 - left).
  int64_t m = n - right;
  Int upper = add(add(mul(m, right), triangle(m)), mul(n - m, n - 1));
  int64_t t = std::max<int64_t>(0, n - 1 - left);
  Int lower = triangle(t + 1);
  return add(sub(upper, lower), n);
}

Int cost::compressedEntryPairs(int64_t n, int64_t ratio, Int cap) {
  if (n <= 0 || ratio <= 0 || (cap && *cap <= 0))
    return 0;
  // F(x) = sum_{u=1..x} floor(u / m): the values u in [j m, j m + m) give j,
  // so with x = q m + r the complete groups j < q give m q (q - 1) / 2 and
  // the last one (r + 1) q. Query t contributes floor((t + 1) / m), i.e.
  // u = t + 1 runs over 1..n.
  auto sumOfQuotients = [ratio](int64_t x) -> Int {
    int64_t q = x / ratio, r = x % ratio;
    return add(mul(ratio, triangle(q)), mul(q, r + 1));
  };
  if (!cap)
    return sumOfQuotients(n);
  // floor(u / m) reaches the cap k from u = k m on.
  Int capStart = mul(*cap, ratio);
  if (!capStart)
    return sumOfQuotients(n);
  int64_t below = std::min(n, *capStart - 1);
  return add(sumOfQuotients(below), mul(*cap, n - below));
}

Int cost::denseAttentionFlops(int64_t queryHeads, int64_t headDim,
                              int64_t valueHeadDim, int64_t pairs) {
  return mul(mul(mul(2, queryHeads), add(headDim, valueHeadDim)), pairs);
}

Int cost::cacheBytesPerToken(int64_t heads, int64_t dim, int64_t elementBytes) {
  return mul(mul(heads, dim), elementBytes);
}

int64_t cost::cachedTokens(int64_t n, Int window) {
  return window ? std::min(n, *window) : n;
}

Int cost::mlaBytesPerToken(const MLASizes &sizes, int64_t elementBytes) {
  return mul(add(sizes.latentDim, sizes.ropeDim), elementBytes);
}

Int cost::mlaFlops(const MLASizes &s, MLAEvaluation form, int64_t n,
                   int64_t pairs) {
  Int twoH = mul(2, s.heads);
  if (form == MLAEvaluation::Expanded) {
    Int expand =
        mul(mul(mul(twoH, n), s.latentDim), add(s.nopeDim, s.valueDim));
    Int core =
        mul(mul(twoH, add(add(s.nopeDim, s.ropeDim), s.valueDim)), pairs);
    return add(expand, core);
  }
  Int foldQuery = mul(mul(mul(twoH, n), s.nopeDim), s.latentDim);
  Int keyWidth = add(s.latentDim, s.ropeDim);
  Int core = mul(mul(twoH, add(keyWidth, s.latentDim)), pairs);
  Int expandOutput = mul(mul(mul(twoH, n), s.latentDim), s.valueDim);
  return add(add(foldQuery, core), expandOutput);
}

Int cost::linearAttentionFlops(LinearUpdateRule rule, int64_t queryHeads,
                               int64_t kvHeads, int64_t keyDim,
                               int64_t valueDim, int64_t n) {
  int64_t updatePerElement = 0;
  switch (rule) {
  case LinearUpdateRule::Linear:
    updatePerElement = 2; // S += k v^T
    break;
  case LinearUpdateRule::Gated:
    updatePerElement = 3; // S *= exp(g); S += k v^T
    break;
  case LinearUpdateRule::Delta:
    updatePerElement = 4; // S^T k; S += k (beta (v - S^T k))^T
    break;
  case LinearUpdateRule::GatedDelta:
    updatePerElement = 5; // decay, then the delta rule
    break;
  }
  Int stateElements = mul(keyDim, valueDim);
  Int perToken = add(mul(mul(updatePerElement, kvHeads), stateElements),
                     mul(mul(2, queryHeads), stateElements));
  return mul(perToken, n);
}

Int cost::linearStateBytes(int64_t kvHeads, int64_t keyDim, int64_t valueDim,
                           int64_t elementBytes) {
  return mul(mul(mul(kvHeads, keyDim), valueDim), elementBytes);
}
