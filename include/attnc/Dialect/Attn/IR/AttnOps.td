//===- AttnOps.td - Operations of the attn dialect -------------*- tablegen -*-===//
//
// Each op's description is its specification: the equations are what the
// reference lowering computes and what the tests check. Verifier messages are
// tagged with the rule they enforce (see docs/Dialects/Attn.md).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_IR_ATTNOPS_TD
#define ATTNC_DIALECT_ATTN_IR_ATTNOPS_TD

include "attnc/Dialect/Attn/IR/AttnDialect.td"
include "attnc/Dialect/Attn/IR/AttnEnums.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"

// Floating-point tensors the attention kernels support (f16/bf16 storage with
// f32 accumulation, or f32).
def Attn_FloatTensor : RankedTensorOf<[F16, BF16, F32]>;
def Attn_Float4DTensor : 4DTensorOf<[F16, BF16, F32]>;
def Attn_Float3DTensor : 3DTensorOf<[F16, BF16, F32]>;
def Attn_IndexTensor : RankedTensorOf<[I32, I64]>;
def Attn_MaskTensor : RankedTensorOf<[I1, F16, BF16, F32]>;

//===----------------------------------------------------------------------===//
// attn.attention
//===----------------------------------------------------------------------===//

def Attn_AttentionOp : Attn_Op<"attention", [Pure, AttrSizedOperandSegments]> {
  let summary = "scaled dot-product attention (MHA, GQA, MQA) with masks, softcap and sinks";
  let description = [{
    Dense attention of `Sq` query rows over `Skv` keys. Shapes:
    `query : B x Hq x Sq x D`, `key : B x Hkv x Skv x D`, `value : B x Hkv x Skv x Dv`,
    result `B x Hq x Sq x Dv`. `Hq` must be a multiple of `Hkv`: `Hkv == Hq` is MHA,
    `Hkv == 1` MQA, anything between GQA with groups of `G = Hq / Hkv` heads.
    `Dv` may differ from `D` (latent attention in absorbed form).

    For batch `b`, query head `h` (KV head `g = h / G`), row `i` and key `j`:

    ```
    s[j]  = scale * dot(query[b,h,i,:], key[b,g,j,:])       scale defaults to 1/sqrt(D)
    s[j]  = softcap * tanh(s[j] / softcap)                   if softcap is set (before any mask)
    s[j] += mask[b,h,i,j]                                    float mask: additive
    s[j]  = -inf unless mask[b,h,i,j]                        i1 mask: true means attend
    s[j]  = -inf unless visible(i, j)                        causal / window / kv_lengths
    a     = exp(s - m) / (sum_j exp(s[j] - m) + exp(sinks[h] - m))   m = max(max_j s[j], sinks[h])
    result[b,h,i,:] = sum_j a[j] * value[b,g,j,:]
    ```

    Positions: with `L = kv_lengths[b]` when given and `L = Skv` otherwise, row `i`
    sits at `p = i + (L - Sq)` under `bottom_right` alignment (the default; decode and
    chunked prefill) and at `p = i` under `top_left`. Key `j` is visible when
    `j < L`, `j <= p` if `causal`, `j >= p - window_left` and `j <= p + window_right`
    when those are set (`window_left = W - 1` for an HF-style window of `W` keys).

    The optional `mask` is broadcast (numpy rules, right-aligned) to
    `B x Hq x Sq x Skv`. The optional `sinks` (`Hq` logits, one per query head) add
    `exp(sinks[h])` to each row's softmax denominator (gpt-oss, DeepSeek V4).

    A row whose every key is masked produces zeros (`masked_rows = zero`, ONNX
    Attention) or the uniform average of all `Skv` values
    (`masked_rows = uniform`, the behaviour of a mask filled with the dtype's lowest
    finite value, as the PyTorch exporter writes). With sinks such a row is zero.
    The softmax and both reductions run in `softmax_precision` (default `f32`).

    Example (GQA, 8 query heads over 2 KV heads, causal, window of 16 keys):

    ```mlir
    %o = attn.attention %q, %k, %v {causal, window_left = 15 : i64}
        : tensor<1x8x128x64xf16>, tensor<1x2x128x64xf16>, tensor<1x2x128x64xf16>
        -> tensor<1x8x128x64xf16>
    ```
  }];

  let arguments = (ins
    Attn_Float4DTensor:$query,
    Attn_Float4DTensor:$key,
    Attn_Float4DTensor:$value,
    Optional<Attn_MaskTensor>:$mask,
    Optional<Attn_FloatTensor>:$sinks,
    Optional<Attn_IndexTensor>:$kv_lengths,
    OptionalAttr<F64Attr>:$scale,
    UnitAttr:$causal,
    DefaultValuedAttr<Attn_AlignmentAttr, "::mlir::attn::Alignment::BottomRight">:$alignment,
    OptionalAttr<Attn_I64Attr>:$window_left,
    OptionalAttr<Attn_I64Attr>:$window_right,
    OptionalAttr<F64Attr>:$softcap,
    DefaultValuedAttr<Attn_MaskedRowPolicyAttr, "::mlir::attn::MaskedRowPolicy::Zero">:$masked_rows,
    OptionalAttr<TypeAttrOf<AnyFloat>>:$softmax_precision
  );
  let results = (outs Attn_Float4DTensor:$result);

  let builders = [
    // Attributes start at their defaults; set them with the setters.
    OpBuilder<(ins "::mlir::Type":$result, "::mlir::Value":$query,
                   "::mlir::Value":$key, "::mlir::Value":$value,
                   CArg<"::mlir::Value", "{}">:$mask,
                   CArg<"::mlir::Value", "{}">:$sinks,
                   CArg<"::mlir::Value", "{}">:$kv_lengths), [{
      build($_builder, $_state, result, query, key, value, mask, sinks,
            kv_lengths, /*scale=*/nullptr, /*causal=*/false,
            ::mlir::attn::Alignment::BottomRight, /*window_left=*/nullptr,
            /*window_right=*/nullptr, /*softcap=*/nullptr,
            ::mlir::attn::MaskedRowPolicy::Zero,
            /*softmax_precision=*/nullptr);
    }]>
  ];

  let assemblyFormat = [{
    $query `,` $key `,` $value
    (`mask` `(` $mask^ `:` type($mask) `)`)?
    (`sinks` `(` $sinks^ `:` type($sinks) `)`)?
    (`kv_lengths` `(` $kv_lengths^ `:` type($kv_lengths) `)`)?
    attr-dict `:` type($query) `,` type($key) `,` type($value) `->` type($result)
  }];
  let hasVerifier = 1;

  let extraClassDeclaration = [{
    /// The scale applied to QK^T: the attribute, or 1/sqrt(D).
    double getEffectiveScale();
    /// The type the softmax and the reductions run in.
    ::mlir::FloatType getEffectiveSoftmaxType();
    int64_t getNumQueryHeads() { return getQuery().getType().getDimSize(1); }
    int64_t getNumKVHeads() { return getKey().getType().getDimSize(1); }
  }];
}

//===----------------------------------------------------------------------===//
// attn.rope
//===----------------------------------------------------------------------===//

def Attn_RopeOp : Attn_Op<"rope", [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "rotary position embedding of a channel range of each head";
  let description = [{
    Rotates channels `[offset, offset + rotary_dim)` of every head of
    `input : B x H x S x D`; the other channels pass through unchanged. The rotation
    of pair `m` (`0 <= m < R/2`, `R = rotary_dim`, default `D - offset`) at angle
    `phi` is

    ```
    a' = a * cos(phi) - b * sin(phi)          (b' with sin negated when inverse)
    b' = a * sin(phi) + b * cos(phi)
    ```

    where `(a, b)` are channels `(offset + m, offset + m + R/2)` for `half_split`
    (GPT-NeoX, Llama, Qwen, Gemma) and `(offset + 2m, offset + 2m + 1)` for
    `interleaved` (GPT-J, DeepSeek MLA). `cos(phi)` and `sin(phi)` come from tables:

    * with `position_ids : B x S` (integers), `cos, sin : P x R/2` and the row of
      token `(b, s)` is `position_ids[b, s]`;
    * without, `cos, sin : B x S x R/2` are already gathered per token.

    `inverse` negates `sin`, undoing the rotation (DeepSeek V4 de-rotates the
    attention output). Position ids outside `[0, P)` are undefined behaviour.

    ```mlir
    %r = attn.rope %x, %cos, %sin positions(%pos : tensor<1x16xi64>)
        {rotary_dim = 32 : i64}
        : tensor<1x4x16x64xf32>, tensor<128x16xf32>, tensor<128x16xf32>
    ```
  }];

  let arguments = (ins
    Attn_Float4DTensor:$input,
    Attn_FloatTensor:$cos,
    Attn_FloatTensor:$sin,
    Optional<Attn_IndexTensor>:$position_ids,
    DefaultValuedAttr<Attn_RopeLayoutAttr, "::mlir::attn::RopeLayout::HalfSplit">:$layout,
    OptionalAttr<Attn_I64Attr>:$rotary_dim,
    DefaultValuedAttr<Attn_I64Attr, "0">:$offset,
    UnitAttr:$inverse
  );
  let results = (outs Attn_Float4DTensor:$result);

  let builders = [
    // Attributes start at their defaults; set them with the setters.
    OpBuilder<(ins "::mlir::Type":$result, "::mlir::Value":$input,
                   "::mlir::Value":$cos, "::mlir::Value":$sin,
                   CArg<"::mlir::Value", "{}">:$position_ids), [{
      build($_builder, $_state, result, input, cos, sin, position_ids,
            ::mlir::attn::RopeLayout::HalfSplit, /*rotary_dim=*/nullptr,
            /*offset=*/0, /*inverse=*/false);
    }]>
  ];

  let assemblyFormat = [{
    $input `,` $cos `,` $sin
    (`positions` `(` $position_ids^ `:` type($position_ids) `)`)?
    attr-dict `:` type($input) `,` type($cos) `,` type($sin)
  }];
  let hasVerifier = 1;

  let extraClassDeclaration = [{
    /// The number of rotated channels: the attribute, or D - offset.
    int64_t getEffectiveRotaryDim();
  }];
}

//===----------------------------------------------------------------------===//
// attn.kv_cache_update
//===----------------------------------------------------------------------===//

def Attn_KVCacheUpdateOp : Attn_Op<"kv_cache_update",
    [Pure, AllTypesMatch<["cache", "result"]>]> {
  let summary = "write new keys or values into a cache at per-batch positions";
  let description = [{
    `cache : B x H x T x D`, `update : B x H x S x D`, `positions : B` (integers).
    The result is the cache with, for every batch `b` and new token `s`,

    ```
    result[b, :, slot(positions[b] + s), :] = update[b, :, s, :]
    slot(t) = t                  (linear: append; requires positions[b] + S <= T)
    slot(t) = t mod T            (ring: a window layer's cache of T = W slots)
    ```

    All other slots keep their values. This is ONNX `TensorScatter` (modes
    `linear` and `circular`) on the sequence axis. In `linear` mode a write past
    slot `T - 1` is undefined behaviour; in `ring` mode `S <= T` is required so
    that a write never overwrites itself.

    ```mlir
    %c = attn.kv_cache_update %cache, %new at %pos {mode = #attn.cache_mode<ring>}
        : tensor<1x2x16x32xf32>, tensor<1x2x1x32xf32>, tensor<1xi64>
    ```
  }];

  let arguments = (ins
    Attn_Float4DTensor:$cache,
    Attn_Float4DTensor:$update,
    Attn_IndexTensor:$positions,
    DefaultValuedAttr<Attn_CacheModeAttr, "::mlir::attn::CacheMode::Linear">:$mode
  );
  let results = (outs Attn_Float4DTensor:$result);

  let assemblyFormat = [{
    $cache `,` $update `at` $positions attr-dict
    `:` type($cache) `,` type($update) `,` type($positions)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// attn.kv_cache_append
//===----------------------------------------------------------------------===//

def Attn_KVCacheAppendOp : Attn_Op<"kv_cache_append", [Pure]> {
  let summary = "append new keys or values to a past on the sequence axis";
  let description = [{
    `past : B x H x P x D`, `update : B x H x S x D`; the result is the longer
    cache `B x H x (P + S) x D` holding the past followed by the update:

    ```
    result[b, h, t, d] = past[b, h, t, d]          for t < P
    result[b, h, t, d] = update[b, h, t - P, d]    for P <= t < P + S
    ```

    This is the growing cache of ONNX `Attention` and the onnxruntime attention
    ops with `past_key` / `present_key`, and the `Concat(past, new, axis=2)` of
    decomposed exports. `P` may be 0. Unlike `attn.kv_cache_update`, which
    writes into a cache of fixed size at given positions, the result is a new
    tensor with `S` more slots, and every token of the past keeps its slot.

    ```mlir
    %present = attn.kv_cache_append %past, %new
        : tensor<1x2x7x16xf32>, tensor<1x2x1x16xf32> -> tensor<1x2x8x16xf32>
    ```
  }];

  let arguments = (ins Attn_Float4DTensor:$past, Attn_Float4DTensor:$update);
  let results = (outs Attn_Float4DTensor:$result);

  let assemblyFormat = [{
    $past `,` $update attr-dict
    `:` type($past) `,` type($update) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Sparse family: attn.lightning_indexer, attn.topk, attn.sparse_attention
//===----------------------------------------------------------------------===//

def Attn_LightningIndexerOp : Attn_Op<"lightning_indexer", [Pure]> {
  let summary = "DeepSeek sparse-attention index scores (ReLU, weighted per head)";
  let description = [{
    Scores every key for every query with `HI` small indexer heads (DeepSeek
    V3.2 DSA, V4 CSA). `query : B x S x HI x DI`, `key : B x T x DI` (one indexer
    key per token, shared by all indexer heads), `weights : B x S x HI`; the
    result `B x S x T` is

    ```
    I[b,t,s] = scale * sum_j weights[b,t,j] * relu(dot(query[b,t,j,:], key[b,s,:]))
    I[b,t,s] = -inf   if causal and s > t + (T - S)      (bottom-right alignment)
    ```

    `scale` defaults to 1. The result is always `f32`: scores are only compared
    (by `attn.topk`), and f16 would turn near-ties into exact ties.

    ```mlir
    %i = attn.lightning_indexer %q, %k, %w {causal}
        : tensor<1x64x4x32xf32>, tensor<1x64x32xf32>, tensor<1x64x4xf32> -> tensor<1x64x64xf32>
    ```
  }];

  let arguments = (ins
    Attn_Float4DTensor:$query,
    Attn_Float3DTensor:$key,
    Attn_Float3DTensor:$weights,
    OptionalAttr<F64Attr>:$scale,
    UnitAttr:$causal
  );
  let results = (outs Attn_Float3DTensor:$result);

  let assemblyFormat = [{
    $query `,` $key `,` $weights attr-dict
    `:` type($query) `,` type($key) `,` type($weights) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Attn_TopKOp : Attn_Op<"topk", [Pure]> {
  let summary = "indices of the k best-scored keys per query";
  let description = [{
    `scores : B x S x T` to `indices : B x S x k`: for each query, the indices of
    its `k` largest scores in descending order of score; ties go to the lowest
    index first. Keys scored `-inf` are never selected: when fewer than `k` keys
    have finite scores (early queries under a causal mask, or `T < k`), the
    remaining entries are `-1`, which `attn.sparse_attention` skips.

    ```mlir
    %idx = attn.topk %scores {k = 8 : i64} : tensor<1x64x64xf32> -> tensor<1x64x8xi64>
    ```
  }];

  let arguments = (ins Attn_Float3DTensor:$scores, Attn_I64Attr:$k);
  let results = (outs 3DTensorOf<[I32, I64]>:$indices);

  let assemblyFormat = "$scores attr-dict `:` type($scores) `->` type($indices)";
  let hasVerifier = 1;
}

def Attn_SparseAttentionOp : Attn_Op<"sparse_attention", [Pure]> {
  let summary = "attention restricted to a given set of keys per query";
  let description = [{
    Like `attn.attention`, but query row `i` of batch `b` attends only to the keys
    `indices[b, i, 0..k)` (shared by all heads); entries `< 0` are skipped and an
    index may appear once. Shapes: `query : B x Hq x S x D`,
    `key : B x Hkv x T x D`, `value : B x Hkv x T x Dv`, `indices : B x S x k`,
    optional `sinks : Hq`; result `B x Hq x S x Dv`.

    ```
    s[n]  = scale * dot(query[b,h,i,:], key[b,g,indices[b,i,n],:])   (n with index >= 0)
    s[n]  = softcap * tanh(s[n] / softcap)                             if softcap is set
    a     = softmax over the selected n (plus exp(sinks[h]) in the denominator)
    result[b,h,i,:] = sum_n a[n] * value[b,g,indices[b,i,n],:]
    ```

    A row with no selected key produces zeros. The cost is `O(S * k)`, not
    `O(S * T)`. With `k >= T` and the causal top-k of `attn.topk` this equals
    causal `attn.attention`.

    ```mlir
    %o = attn.sparse_attention %q, %k, %v, %idx {scale = 0.125 : f64}
        : tensor<1x8x64x64xf32>, tensor<1x1x64x64xf32>, tensor<1x1x64x32xf32>,
          tensor<1x64x8xi64> -> tensor<1x8x64x32xf32>
    ```
  }];

  let arguments = (ins
    Attn_Float4DTensor:$query,
    Attn_Float4DTensor:$key,
    Attn_Float4DTensor:$value,
    3DTensorOf<[I32, I64]>:$indices,
    Optional<Attn_FloatTensor>:$sinks,
    OptionalAttr<F64Attr>:$scale,
    OptionalAttr<F64Attr>:$softcap
  );
  let results = (outs Attn_Float4DTensor:$result);

  let builders = [
    // The sparse form of a dense attention (raising a top-k mask, or a
    // constant mask made into key lists): its query, keys, values, sinks,
    // scale and softcap, reading only the keys `indices` lists per row.
    OpBuilder<(ins "::mlir::attn::AttentionOp":$dense,
                   "::mlir::Value":$indices), [{
      build($_builder, $_state, dense.getType(), dense.getQuery(),
            dense.getKey(), dense.getValue(), indices, dense.getSinks(),
            dense.getScaleAttr(), dense.getSoftcapAttr());
    }]>
  ];

  let assemblyFormat = [{
    $query `,` $key `,` $value `,` $indices
    (`sinks` `(` $sinks^ `:` type($sinks) `)`)?
    attr-dict `:` type($query) `,` type($key) `,` type($value) `,` type($indices)
    `->` type($result)
  }];
  let hasVerifier = 1;

  let extraClassDeclaration = [{
    double getEffectiveScale();
  }];
}

//===----------------------------------------------------------------------===//
// Compressed family: attn.kv_compress, attn.mla
//===----------------------------------------------------------------------===//

def Attn_KVCompressOp : Attn_Op<"kv_compress", [Pure]> {
  let summary = "gated block compression of per-token KV entries (DeepSeek V4 CSA/HCA)";
  let description = [{
    Pools each block of `m = ratio` consecutive tokens into one compressed entry
    with a learned, per-channel softmax gate: the compressor of DeepSeek V4,
    whose RMSNorm and compressed-branch RoPE follow as separate ops.
    `content, gate : B x T x C'`, `position_bias : m x C'`; the result
    `B x N x C` has `N = floor(T / m)` entries (a trailing incomplete block is
    not emitted: it is still being filled).

    Without `overlap` (HCA), `C = C'` and entry `i` pools block `i`
    (tokens `i*m .. i*m + m - 1`); for `j` in `[0, m)`:

    ```
    z[j, c]       = gate[b, i*m + j, c] + position_bias[j, c]
    x[j, c]       = content[b, i*m + j, c]
    result[b,i,c] = sum_j softmax_j(z[:, c])[j] * x[j, c]
    ```

    With `overlap` (CSA), `C' = 2C`: entry `i` pools the `2m` tokens of blocks
    `i - 1` and `i`, block `i - 1` through channels `[0, C)` and block `i`
    through channels `[C, 2C)`, each token biased by its row of
    `position_bias`; the softmax runs over those `2m` positions per channel,
    and block `-1` does not exist (its gates are `-inf`):

    ```
    z[j, c]       = gate[b, (i-1)*m + j, c] + position_bias[j, c]      (-inf when i = 0)
    x[j, c]       = content[b, (i-1)*m + j, c]                         (unused when i = 0)
    z[m + j, c]   = gate[b, i*m + j, C + c] + position_bias[j, C + c]
    x[m + j, c]   = content[b, i*m + j, C + c]
    result[b,i,c] = sum_n softmax_n(z[:, c])[n] * x[n, c]              n in [0, 2m)
    ```

    Causality: entry `i` depends on tokens up to `(i + 1) * m - 1` and never on
    a later one, so it is visible to a query at position `p` only when its
    whole block is at or before `p`: `(i + 1) * m - 1 <= p`. The op has no
    queries; the consumer enforces this rule (a mask over the compressed axis).
    The entries of a prefix of the tokens are a prefix of the entries.

    f16 and bf16 inputs are computed in f32 (gate softmax and sums); the result
    is rounded once.

    ```mlir
    %c = attn.kv_compress %content, %gate, %bias {ratio = 4 : i64}
        : tensor<1x64x32xf32>, tensor<1x64x32xf32>, tensor<4x32xf32> -> tensor<1x16x32xf32>
    ```
  }];

  let arguments = (ins
    Attn_Float3DTensor:$content,
    Attn_Float3DTensor:$gate,
    2DTensorOf<[F16, BF16, F32]>:$position_bias,
    Attn_I64Attr:$ratio,
    UnitAttr:$overlap
  );
  let results = (outs Attn_Float3DTensor:$result);

  let assemblyFormat = [{
    $content `,` $gate `,` $position_bias attr-dict
    `:` type($content) `,` type($gate) `,` type($position_bias) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Attn_MLAOp : Attn_Op<"mla", [Pure]> {
  let summary = "multi-head latent attention (DeepSeek V2/V3) over a compressed KV cache";
  let description = [{
    Attention whose keys and values are expanded per head from a shared latent
    `c_kv` (the only cache, with the decoupled RoPE key). Shapes:
    `q_nope : B x H x S x Dn`, `q_rope : B x H x S x Dr`, `c_kv : B x T x Dc`,
    `k_rope : B x T x Dr` (one RoPE key per token, shared by all heads, RoPE
    already applied), `w_uk : H x Dc x Dn`, `w_uv : H x Dc x Dv`; result
    `B x H x S x Dv`.

    ```
    k_nope[b,h,j,n] = sum_c c_kv[b,j,c] * w_uk[h,c,n]
    v[b,h,j,e]      = sum_c c_kv[b,j,c] * w_uv[h,c,e]
    s[j]  = scale * (dot(q_nope[b,h,i,:], k_nope[b,h,j,:]) + dot(q_rope[b,h,i,:], k_rope[b,j,:]))
    s[j]  = -inf if causal and j > i + (T - S)                (bottom-right alignment)
    result[b,h,i,:] = sum_j softmax(s)[j] * v[b,h,j,:]
    ```

    A row with no visible key (causal with `S > T`) produces zeros.

    `form` picks how a lowering evaluates it; both give the same result up to
    rounding. `expanded` materialises `k_nope` and `v` (cheap for prefill).
    `absorbed` folds `w_uk` into the query and `w_uv` into the output, so the
    attention runs as MQA over `[c_kv ; k_rope]` (width `Dc + Dr`) and never
    expands the cache (decode):

    ```
    q~[b,h,i,c]     = sum_n w_uk[h,c,n] * q_nope[b,h,i,n]
    s[j]            = scale * (dot(q~[b,h,i,:], c_kv[b,j,:]) + dot(q_rope[b,h,i,:], k_rope[b,j,:]))
    o~[b,h,i,c]     = sum_j softmax(s)[j] * c_kv[b,j,c]
    result[b,h,i,e] = sum_c o~[b,h,i,c] * w_uv[h,c,e]
    ```

    `scale` is explicit (DeepSeek multiplies `1/sqrt(Dn + Dr)` by a YaRN
    factor). f16 and bf16 operands are computed in f32, including the expanded
    keys and values or the absorbed query and latent output; the result is
    rounded once.

    ```mlir
    %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64, causal}
        : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>,
          tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x32xf32>
        -> tensor<1x8x16x32xf32>
    ```
  }];

  let arguments = (ins
    Attn_Float4DTensor:$q_nope,
    Attn_Float4DTensor:$q_rope,
    Attn_Float3DTensor:$c_kv,
    Attn_Float3DTensor:$k_rope,
    Attn_Float3DTensor:$w_uk,
    Attn_Float3DTensor:$w_uv,
    F64Attr:$scale,
    UnitAttr:$causal,
    DefaultValuedAttr<Attn_MLAFormAttr, "::mlir::attn::MLAForm::Expanded">:$form
  );
  let results = (outs Attn_Float4DTensor:$result);

  let assemblyFormat = [{
    $q_nope `,` $q_rope `,` $c_kv `,` $k_rope `,` $w_uk `,` $w_uv attr-dict
    `:` type($q_nope) `,` type($q_rope) `,` type($c_kv) `,` type($k_rope) `,`
        type($w_uk) `,` type($w_uv) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// attn.linear_attention
//===----------------------------------------------------------------------===//

def Attn_LinearAttentionOp : Attn_Op<"linear_attention",
    [Pure, AttrSizedOperandSegments]> {
  let summary = "linear attention with a recurrent state (linear, gated, delta, gated delta rules)";
  let description = [{
    The ONNX `LinearAttention` (opset 27) family, including Gated DeltaNet
    (Qwen3-Next, Qwen3.5). Shapes: `query : B x Hq x T x Dk`,
    `key : B x Hk x T x Dk`, `value : B x Hv x T x Dv`, optional
    `past_state : B x Hv x Dk x Dv` (zeros when absent), `decay` (log-space, `<= 0`):
    `B x Hv x T` (one per state head) or `B x Hv x T x Dk` (per key channel),
    `beta : B x Hv x T`. Results: `output : B x Ho x T x Dv` and
    `present_state : B x Hv x Dk x Dv`, in the element type of the query
    (the state is carried in `f32`).

    There is one state per value head, and `Hv` must be a multiple of `Hk`:
    state head `h` reads key head `h / (Hv / Hk)` (Qwen3-Next's inverse GQA:
    two value heads share each key head). The query heads take one of two
    layouts:

    * `Hq` a multiple of `Hv` (GQA, and `Hq = Hk = Hv`): `Ho = Hq`, and
      output head `o` reads query head `o` from state head `o / (Hq / Hv)`.
    * `Hq = Hk` (each query head belongs to its key head): `Ho = Hv`, and
      output head `o` reads query head `o / (Hv / Hk)` from state head `o`.

    For each state head `h`, with `S` its state, `k_t` and `v_t` the token's
    key (of key head `h / (Hv / Hk)`) and value, and `t = 0 .. T-1`:

    ```
    linear:       S = S + k_t v_t^T
    gated:        S = exp(decay_t) * S + k_t v_t^T
    delta:        S = S + beta_t * k_t (v_t - S^T k_t)^T
    gated_delta:  S = exp(decay_t) * S;  S = S + beta_t * k_t (v_t - S^T k_t)^T
    output_t = scale * S^T q_t            for each output head reading S
    ```

    A per-channel `decay` scales row `c` of `S` by `exp(decay_t[c])`. `scale`
    defaults to `1/sqrt(Dk)`. Keys are expected to be L2-normalised for the delta
    rules (the op does not normalise). `chunk_size` is a lowering hint for the
    chunked (WY) prefill form; it does not change the result.

    ```mlir
    %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x16xf32>)
        beta(%b : tensor<1x2x16xf32>) {rule = #attn.update_rule<gated_delta>}
        : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>
        -> tensor<1x4x16x32xf32>, tensor<1x2x32x32xf32>
    ```

    Qwen3-Next's layout, two query/key heads and four value heads:

    ```mlir
    %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x4x16xf32>)
        beta(%b : tensor<1x4x16xf32>) {rule = #attn.update_rule<gated_delta>}
        : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x32xf32>
        -> tensor<1x4x16x32xf32>, tensor<1x4x32x32xf32>
    ```
  }];

  let arguments = (ins
    Attn_Float4DTensor:$query,
    Attn_Float4DTensor:$key,
    Attn_Float4DTensor:$value,
    Optional<Attn_Float4DTensor>:$past_state,
    Optional<Attn_FloatTensor>:$decay,
    Optional<Attn_Float3DTensor>:$beta,
    DefaultValuedAttr<Attn_UpdateRuleAttr, "::mlir::attn::UpdateRule::GatedDelta">:$rule,
    OptionalAttr<F64Attr>:$scale,
    OptionalAttr<Attn_I64Attr>:$chunk_size
  );
  let results = (outs Attn_Float4DTensor:$output, Attn_Float4DTensor:$present_state);

  let assemblyFormat = [{
    $query `,` $key `,` $value
    (`state` `(` $past_state^ `:` type($past_state) `)`)?
    (`decay` `(` $decay^ `:` type($decay) `)`)?
    (`beta` `(` $beta^ `:` type($beta) `)`)?
    attr-dict `:` type($query) `,` type($key) `,` type($value)
    `->` type($output) `,` type($present_state)
  }];
  let hasVerifier = 1;

  let extraClassDeclaration = [{
    double getEffectiveScale();

    /// The output heads Ho of the description: Hq when Hq is a multiple of
    /// Hv, Hv when Hq = Hk and Hv is a multiple of Hk; dynamic when dynamic
    /// head counts leave it open or the counts fit neither layout.
    static int64_t getOutputHeads(int64_t queryHeads, int64_t keyHeads,
                                  int64_t valueHeads);
  }];
}

#endif // ATTNC_DIALECT_ATTN_IR_ATTNOPS_TD
