//===- Transforms.h - attn dialect rewrite patterns -------------*- C++ -*-===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H

#include "mlir/Support/LogicalResult.h"

#include <optional>
#include <string>

namespace mlir {
class Operation;
class RewritePatternSet;
namespace func {
class FuncOp;
} // namespace func
} // namespace mlir

namespace mlir::attn {

/// Patterns that replace decomposed attention in the onnx dialect
/// (MatMul, scale, softcap, mask, sinks, Softmax, MatMul) by one
/// attn.attention. With `remarks`, a block raised as multi-head attention
/// although the graph repeats its K/V heads, or raised while an intermediate
/// (scores, probabilities) keeps other users, gets a remark saying why.
void populateAttentionRaisingPatterns(RewritePatternSet &patterns,
                                      bool remarks = false);

/// Why the decomposed attention around `softmax` (an onnx.Softmax) cannot be
/// raised, or nullopt when it can or when no MatMul reads the Softmax (then it
/// is not attention). For diagnostics of near-misses.
std::optional<std::string> explainUnraisedAttention(Operation *softmax);

/// Patterns that replace decomposed rotary position embeddings in the onnx
/// dialect (half-split, interleaved, partial; cos/sin gathered by position
/// or given per token) by one attn.rope.
void populateRaiseRopePatterns(RewritePatternSet &patterns);

/// Why the rotate_half `rotation` (an onnx.Concat on the last axis with an
/// onnx.Neg operand) is not part of a RoPE that can be raised, or nullopt
/// when it is. For diagnostics of near-misses.
std::optional<std::string> explainUnraisedRope(Operation *rotation);

/// Patterns that replace `Concat(past, new)` on the sequence axis of keys or
/// values read by attention by one attn.kv_cache_append.
void populateRaiseKVCachePatterns(RewritePatternSet &patterns);

/// Patterns that replace DeepSeek V4's non-overlapping block compressor
/// (gated softmax pooling of m tokens per entry, as exported) by one
/// attn.kv_compress.
void populateRaiseKVCompressPatterns(RewritePatternSet &patterns);

/// Patterns that replace an attn.attention masked by the DeepSeek sparse
/// attention mask form (indexer -> TopK -> ScatterElements into -inf) by
/// attn.lightning_indexer -> attn.topk -> attn.sparse_attention: V3.2's DSA
/// over every key, and V4's CSA over compressed entries next to a window of
/// raw keys.
void populateSparseAttentionRaisingPatterns(RewritePatternSet &patterns);

/// Why `attention` (an attn.attention) is not a sparse attention in mask
/// form that can be raised, or nullopt when it is. For diagnostics.
std::optional<std::string> explainUnraisedSparseAttention(Operation *attention);

/// Patterns that replace the recurrent spelling of linear attention, an
/// onnx.Scan over tokens carrying the state (ONNX LinearAttention's function
/// body: linear, gated, delta and gated delta rules, per-head or per-channel
/// decay, GQA/MQA state repetition), by one attn.linear_attention; a grouped
/// repetition of k (and of q with it) before the Scan is absorbed (inverse
/// GQA). With `remarks`, says why a repetition of q or k is kept.
void populateLinearAttentionRaisingPatterns(RewritePatternSet &patterns,
                                            bool remarks = false);

/// Why `scan` (an onnx.Scan carrying one rank-4 state) does not compute
/// attn.linear_attention's recurrence, or nullopt when it does or when it is
/// not such a Scan. For diagnostics of near-misses.
std::optional<std::string> explainUnraisedLinearAttention(Operation *scan);

/// Patterns that replace an attn.attention over the expanded keys and values
/// of multi-head latent attention (DeepSeek MLA: K = [c_kv W_uk,h ; shared
/// k_pe], V = c_kv W_uv,h with a constant kv_b_proj) by one attn.mla.
void populateRaiseMLAPatterns(RewritePatternSet &patterns);

/// Patterns that split a causal attn.attention with more than `blockSize`
/// query rows into a loop over row blocks, each attending only to the keys
/// its rows can see (see the attn-block-causal-attention pass).
void populateBlockCausalAttentionPatterns(RewritePatternSet &patterns,
                                          int64_t blockSize);

/// Patterns that replace an attn.attention whose constant 0/-inf mask leaves
/// each row at most `maxVisiblePercent` percent of the keys by an
/// attn.sparse_attention over constant per-row key lists (see the
/// attn-sparsify-constant-mask pass).
void populateSparsifyConstantMaskPatterns(RewritePatternSet &patterns,
                                          int64_t maxVisiblePercent);

/// Why `attention` (an attn.attention) is not expanded latent attention that
/// can be raised to attn.mla, or nullopt when it is. For diagnostics.
std::optional<std::string> explainUnraisedMLA(Operation *attention);

/// Gives every sliding-window layer of `func` whose keys and values are
/// `attn.kv_cache_append` of model inputs a ring cache of its window `W`:
/// the past inputs become `B x H x W x D`, the presents the ring updated by
/// `attn.kv_cache_update` (ring mode) at the new tokens' first position, and
/// the attention reads the ring with an i1 mask of the tokens its slots hold
/// (see the attn-ring-window-caches pass). Changes `func`'s signature. Emits
/// an error naming the layer, and changes nothing, when a window layer
/// cannot take a ring (past with other uses, S > W, no positions, ...).
LogicalResult ringWindowCaches(func::FuncOp func);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H
