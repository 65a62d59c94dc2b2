//===- AttentionCost.h - Cost formulas of attention blocks ------*- C++ -*-===//
//
// The closed-form cache sizes and FLOP counts behind `attnc --report`, as
// plain integer functions so that they can be checked against hand counts and
// brute force (unittests/Analysis). Conventions (docs/Tools.md):
//
// * one sequence (batch 1), one layer;
// * prefill of `n` tokens with an empty cache: `n` queries over the same `n`
//   keys, so top-left and bottom-right alignment coincide;
// * a multiply-add counts 2 FLOPs, a multiply 1; softmax, scaling, softcap and
//   masks are not counted (they are O(pairs), not O(pairs * head_dim)).
//
// Every function returns std::nullopt when the result does not fit in int64_t
// (only reachable with absurd sizes), so callers never see a wrapped value.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_ANALYSIS_ATTENTIONCOST_H
#define ATTNC_ANALYSIS_ATTENTIONCOST_H

#include <cstdint>
#include <optional>

namespace attnc::cost {

/// Number of (query, key) pairs a prefill of `n` tokens scores. Query `i` sees
/// key `j` when `0 <= j < n`, `j <= i` if `causal`, `j >= i - windowLeft` and
/// `j <= i + windowRight` when those are set (the `attn.attention` rules). A
/// causal window of `W` keys (`windowLeft = W - 1`) gives `~ n * min(n, W)`.
std::optional<int64_t> visiblePairs(int64_t n, bool causal,
                                    std::optional<int64_t> windowLeft,
                                    std::optional<int64_t> windowRight);

/// FLOPs of QK^T and PV over `pairs` scored pairs (techniques.md 1.2):
/// `2 * queryHeads * (headDim + valueHeadDim) * pairs`.
std::optional<int64_t> denseAttentionFlops(int64_t queryHeads, int64_t headDim,
                                           int64_t valueHeadDim, int64_t pairs);

/// Bytes one token adds to a cache of `heads` heads of `dim` elements of
/// `elementBytes` bytes each (call once for K and once for V).
std::optional<int64_t> cacheBytesPerToken(int64_t heads, int64_t dim,
                                          int64_t elementBytes);

/// Tokens a cache holds at context `n`: all of them for a global layer,
/// the last `window` for a window layer (a ring buffer).
int64_t cachedTokens(int64_t n, std::optional<int64_t> window);

/// Number of (query, compressed entry) pairs a prefill of `n` tokens scores
/// in DeepSeek V4 compressed attention: entry `i` pools tokens
/// `[i * ratio, (i + 1) * ratio)` and is visible to query `t` once its block
/// is complete, `(i + 1) * ratio - 1 <= t`, so query `t` sees
/// `floor((t + 1) / ratio)` entries, at most `cap` of them when the layer
/// picks a top-k (CSA) and all of them otherwise (HCA).
std::optional<int64_t> compressedEntryPairs(int64_t n, int64_t ratio,
                                            std::optional<int64_t> cap);

/// How `attn.mla` is evaluated; see `MLAForm` in AttnEnums.td.
enum class MLAEvaluation { Expanded, Absorbed };

/// Sizes of one `attn.mla` block.
struct MLASizes {
  int64_t heads;     ///< H
  int64_t nopeDim;   ///< Dn, the per-head non-rotary query/key width
  int64_t ropeDim;   ///< Dr, the decoupled RoPE width (one key shared by heads)
  int64_t latentDim; ///< Dc, the cached latent width
  int64_t valueDim;  ///< Dv
};

/// Bytes one token adds to an MLA cache: the latent and the RoPE key,
/// `(Dc + Dr) * elementBytes` (techniques.md 9).
std::optional<int64_t> mlaBytesPerToken(const MLASizes &sizes,
                                        int64_t elementBytes);

/// Prefill FLOPs of MLA over `pairs` scored pairs of `n` tokens
/// (techniques.md 9):
/// * expanded: expand K and V, `2 * n * Dc * H * (Dn + Dv)`, then MHA with
///   `D = Dn + Dr`: `2 * H * (Dn + Dr + Dv) * pairs`;
/// * absorbed: fold the query, `2 * n * H * Dn * Dc`, MQA over the latent,
///   `2 * H * ((Dc + Dr) + Dc) * pairs`, expand the output,
///   `2 * n * H * Dc * Dv`.
std::optional<int64_t> mlaFlops(const MLASizes &sizes, MLAEvaluation form,
                                int64_t n, int64_t pairs);

/// The update rules of `attn.linear_attention`.
enum class LinearUpdateRule { Linear, Gated, Delta, GatedDelta };

/// FLOPs of `n` tokens of linear attention in the recurrent form, per token:
/// for each KV head a state update of `Dk x Dv` (rank-1 update 2, decay 1,
/// the delta rule's `S^T k` 2: linear 2, gated 3, delta 4, gated delta 5
/// FLOPs per state element), and for each query head the read-out `S^T q`
/// (2 per state element).
std::optional<int64_t> linearAttentionFlops(LinearUpdateRule rule,
                                            int64_t queryHeads, int64_t kvHeads,
                                            int64_t keyDim, int64_t valueDim,
                                            int64_t n);

/// Bytes of a linear-attention state of one sequence:
/// `kvHeads * keyDim * valueDim * elementBytes`; constant in the context.
std::optional<int64_t> linearStateBytes(int64_t kvHeads, int64_t keyDim,
                                        int64_t valueDim, int64_t elementBytes);

} // namespace attnc::cost

#endif // ATTNC_ANALYSIS_ATTENTIONCOST_H
