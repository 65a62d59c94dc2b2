//===- Passes.td - attn dialect transformations ----------------*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_PASSES_TD
#define ATTNC_DIALECT_ATTN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def RaiseAttentionPass : Pass<"attn-raise-attention", "::mlir::func::FuncOp"> {
  let summary = "Raise decomposed attention in the onnx dialect to attn.attention";
  let description = [{
    Recognises `MatMul(Softmax(mask(softcap(scale * MatMul(Q, K^T)))), V)`
    chains as exporters write them and replaces each by one `attn.attention`,
    computing the same values up to float rounding:

    * K^T as a Transpose (of B x H x S x D, or straight from B x S x H x D),
      or as a value (a transpose is then inserted); Q and K of rank 4;
    * scale as Div or Mul by scalar constants after QK^T, on Q, or on Q and
      K^T (sqrt(scale) on both); the op's scale is their product;
    * softcap as `Mul(Tanh(Div(s, c)), c)`;
    * a mask `Add(s, M)` or `Where(hidden, fill, s)` (masked_fill): an M
      computed from constants (Trilu, Range and comparisons, Where, ...,
      evaluated at compile time) that is provably a (sliding-window) causal
      mask with -inf or the dtype's lowest finite value becomes `causal` /
      `window_left`; any other additive M broadcastable to the scores is
      kept as the op's mask operand;
    * sinks as a per-head column concatenated to the scores and sliced off
      the probabilities (gpt-oss), becoming the `sinks` operand;
    * a Softmax over the last axis, optionally after a max-shift and between
      Casts to f32 and back;
    * K/V heads repeated for GQA/MQA by Unsqueeze + Expand, Concat of
      copies or Tile of the new axis + Reshape (on K, K^T or V), or by
      MatMul's broadcasting of a single KV head, are read unrepeated; heads
      tiled in the h % Hkv order (a Concat or Tile on the head axis) stay
      repeated (multi-head attention), with a remark.

    Only the final MatMul is replaced. Every intermediate from the QK^T
    product up to the probabilities (scaled, softcapped, masked scores, the
    Softmax and the Casts, Where or Slice after it) may also be read outside
    the block, e.g. as ONNX Attention's `qk_matmul_output`: the ops computing
    it stay for those readers and the attention op no longer depends on
    them (with `remarks=true`, a remark names the shared op).

    Anything else is left alone; with `remarks=true` every Softmax left in
    the function that a MatMul reads gets a remark naming the condition that
    failed. docs/AttentionRaising.md lists the spellings.
  }];
  let options = [
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Explain with a remark why a Softmax was not raised">
  ];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
}

def RaiseKVCachePass : Pass<"attn-raise-kv-cache", "::mlir::func::FuncOp"> {
  let summary = "Raise past/present KV concatenation in the onnx dialect to "
                "attn.kv_cache_append";
  let description = [{
    Replaces `Concat(past, new)` by `attn.kv_cache_append past, new` when

    * it has exactly two operands, both rank 4 (B x H x T x D) floats;
    * its axis is the sequence axis, 2 or -2;
    * at least one use of its result starts the K or V side of an attention
      block: a Transpose that swaps the last two dims (K^T), an Unsqueeze at
      axis 2, an Expand or a Concat of copies on the head axis (the GQA/MQA
      head repeat), the right operand of a MatMul (V), or the key or value
      of an `attn.attention`.

    Its other uses (typically the graph's `present` output) read the new op's
    result, which is the same tensor. Run before `attn-raise-attention`.
  }];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
}

def RaiseRopePass : Pass<"attn-raise-rope", "::mlir::func::FuncOp"> {
  let summary = "Raise decomposed rotary position embeddings in the onnx "
                "dialect to attn.rope";
  let description = [{
    Recognises the RoPE spellings of exported graphs (see
    `populateRaiseRopePatterns`) on rank-4 tensors, B x H x S x D or
    B x S x H x D, and replaces each by one `attn.rope` computing the same
    values up to float rounding:

    * half-split: `x * cos + rotate_half(x) * sin`, `rotate_half(x) =
      Concat(Neg(x2), x1)` with the halves taken by Slice or Split, any
      operand order of the Add and the Muls; `Concat(x2, Neg(x1))` is the
      inverse rotation; or the complex product `Concat(x1 * c - x2 * s,
      x1 * s + x2 * c)` of ONNX RotaryEmbedding's function body;
    * interleaved (GPT-J): the same on the pair members a, b (a Reshape of
      x to [..., R/2, 2] cut by Slice or Split, or the strided slices
      x[..., 0::2], x[..., 1::2]): `Reshape(Concat(Neg(b), a))` as the
      rotation, or `Reshape(Concat(a * c - b * s, a * s + b * c))`;
    * partial: only channels [offset, offset + R) rotate and the others are
      concatenated back unchanged;
    * cos/sin as `Gather(table, position_ids)` (raised with the op's
      `position_ids` and the first half of the table) or any value that
      broadcasts per token (raised as per-token tables).

    The cos/sin values of the rotate forms multiply both members of a pair,
    so they must be two copies of one half (half-split) or have equal even and
    odd channels (interleaved); the pattern proves that from constants, from
    `Concat(c, c)` and from ops that keep it, and refuses otherwise. With
    `remarks=true` every rotate_half left in the function (a Concat on the
    last axis with a Neg operand) gets a remark naming the condition that
    failed.
  }];
  let options = [
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Explain with a remark why a rotate_half was not raised">
  ];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
}

def RaiseSparseAttentionPass
    : Pass<"attn-raise-sparse-attention", "::mlir::func::FuncOp"> {
  let summary = "Raise DeepSeek sparse attention in mask form to "
                "attn.lightning_indexer, attn.topk and attn.sparse_attention";
  let description = [{
    Runs after `attn-raise-attention`. Replaces an `attn.attention` whose
    mask is `Add(Unsqueeze(ScatterElements(-inf, TopK(Add(I, C)).Indices,
    0), [1]), C')` (or that is `causal` with the Unsqueeze as its mask),
    with `I = ReduceSum(Mul(Relu(MatMul(qI, kI^T)), w), [1])` and C, C'
    constant causal masks, by `attn.lightning_indexer {causal}`,
    `attn.topk` and `attn.sparse_attention` (docs/AttentionRaising.md, DSA).
    DeepSeek V4's CSA form too: the attention over `Concat(raw keys,
    compressed entries)` whose mask is `Unsqueeze(Concat(R, Add(sel, V)))`
    (R a constant causal window over the raw keys, sel the top-k scatter of
    the indexer over the entries, V a constant entry visibility) becomes
    `attn.lightning_indexer` -> add V -> `attn.topk` ->
    `attn.sparse_attention` over the window's and the picked entries' keys
    (docs/AttentionRaising.md, CSA).
    With `remarks=true` every attention left with a mask computed from a
    TopK gets a remark naming the condition that failed.
  }];
  let options = [
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Explain with a remark why a top-k masked attention was not raised">
  ];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
}

def RaiseLinearAttentionPass
    : Pass<"attn-raise-linear-attention", "::mlir::func::FuncOp"> {
  let summary = "Raise the recurrent spelling of linear attention (an onnx.Scan "
                "over tokens) to attn.linear_attention";
  let description = [{
    Replaces an `onnx.Scan` that carries one f32 state S (B x Hkv x Dk x Dv)
    over per-token slices (scan axis 0, forward) and whose body computes
    attn.linear_attention's step exactly, as ONNX LinearAttention's function
    body spells it:

    * decay: `S * Unsqueeze(Exp(decay_t), -1)` (per KV head or per key
      channel, log-space), or no decay;
    * delta: `beta_t * (v_t - S^T k_t)` with the retrieval reading the
      decayed state, or `v_t`;
    * update `S + Unsqueeze(k_t, -1) @ Unsqueeze(w, -2)`;
    * read-out `scale * Squeeze(Unsqueeze(q_t, -2) @ S', -2)` of the updated
      state S', with S' repeated per query head group (h reads h / G) for
      GQA/MQA, or broadcast from one KV head;
    * Casts f16/bf16 -> f32 on the slices and one Cast of the read-out back;
      an initial state of zeros (no past) or the past state.

    The op reads the scan inputs head-major (Transposes composed with the
    exporter's) and the Scan's results are rebuilt from the op's. With
    `remarks=true` every Scan left that carries one rank-4 state gets a
    remark naming the condition that failed (e.g. a decay not exponentiated,
    a retrieval before the decay, heads tiled h % Hkv).
  }];
  let options = [
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Explain with a remark why a Scan was not raised">
  ];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
}

def RaiseMLAPass : Pass<"attn-raise-mla", "::mlir::func::FuncOp"> {
  let summary = "Raise expanded multi-head latent attention (DeepSeek MLA) to "
                "attn.mla";
  let description = [{
    Runs after `attn-raise-attention` and `attn-raise-sparse-attention`.
    Replaces an `attn.attention` (no mask, sinks, softcap, window or
    kv_lengths; causal or not) whose operands are the expanded form of
    latent attention, as the Hugging Face DeepseekV3 export writes it:

    * key = `Concat(k_nope, Expand(k_pe))` on the channel axis, with k_pe
      B x 1 x T x Dr (one RoPE key shared by all heads);
    * k_nope and the value are two pieces of one channel Split of
      `Transpose(Reshape(MatMul(c_kv, W), [B, T, H, C]), [0, 2, 1, 3])`,
      with c_kv B x T x Dc and W a constant Dc x H*C (kv_b_proj);

    by `attn.mla` over c_kv and k_pe (B x T x Dr), with w_uk (H x Dc x Dn)
    and w_uv (H x Dc x Dv) new constants sliced from W per head, the query
    cut at channel Dn (its Concat when it cuts there, else Slices), and the
    attention's scale and causal flag. `form` is `absorbed` when the query
    has one row (decode: the latent cache is never expanded) and `expanded`
    otherwise (prefill). With `remarks=true` every attention left whose key
    is a Concat gets a remark naming the condition that failed.

    Run after `attn-raise-sparse-attention`: an `attn.sparse_attention` over
    the same expanded keys and values (DeepSeek V3.2: DSA on MLA) is
    absorbed instead, as multi-query sparse attention over the latent cache
    `[c_kv ; k_pe]` with the query `[q_nope W_uk^T ; q_rope]` and the output
    projected by `W_uv`.
  }];
  let options = [
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Explain with a remark why an attention was not raised to attn.mla">
  ];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
}

def BlockCausalAttentionPass
    : Pass<"attn-block-causal-attention", "::mlir::func::FuncOp"> {
  let summary = "Split a causal attention into blocks of query rows that "
                "visit only the keys they can see";
  let description = [{
    An `attn.attention` with `causal` (optionally `window_left`, sinks,
    softcap; no mask, kv_lengths or right window), static shapes and more
    than `block-size` query rows becomes an `scf.for` over blocks of
    `block-size` rows. Block rows `[i0, i1)` (positions `[i0 + o, i1 + o)`
    with `o = Skv - Sq` under bottom-right alignment, 0 under top-left)
    attend, by the same op with bottom-right alignment, to keys
    `[max(0, i0 + o - window_left), i1 + o)`: exactly the keys any of its
    rows can see. The work and the score tensor then scale with the visible
    pairs (half of a causal square, `Sq x (W + block)` with a window of `W`
    keys) instead of `Sq x Skv`, and results are bit-identical (a masked key
    adds exp(-inf) = 0 to its row's sum). Part of the lowering pipeline, run
    before `convert-attn-to-linalg`.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"64",
           "Query rows per block">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def SparsifyConstantMaskPass
    : Pass<"attn-sparsify-constant-mask", "::mlir::func::FuncOp"> {
  let summary = "Turn an attention whose constant mask hides most keys into "
                "attn.sparse_attention over the visible ones";
  let description = [{
    An `attn.attention` with static shapes, a compile-time constant mask whose
    elements are `0` / `-inf` (or `i1`) and the same for every head, no
    kv_lengths, `masked_rows = zero` and an f32 softmax becomes
    `attn.sparse_attention` over the same keys and values with a constant
    `B x Sq x k` i32 index tensor: row `i` lists, ascending, the keys that the
    mask and the `causal` / window attributes leave visible, padded with `-1`
    to the longest row's count `k`. It applies when `k` is at most
    `max-visible-percent` percent of the keys, so the work follows the
    visible pairs (`Sq x k` instead of `Sq x Skv`). DeepSeek V4's compressed
    layers are the case: a window of raw keys plus the complete blocks'
    entries, one constant mask over both. Exact: a hidden key adds exp(-inf)
    = 0, and an empty row is zero in both ops. Part of the lowering pipeline,
    run before `convert-attn-to-linalg`.
  }];
  let options = [
    Option<"maxVisiblePercent", "max-visible-percent", "int64_t",
           /*default=*/"50",
           "Sparsify only when the longest row sees at most this percentage "
           "of the keys">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def RaiseKVCompressPass
    : Pass<"attn-raise-kv-compress", "::mlir::func::FuncOp"> {
  let summary = "Raise DeepSeek V4's block compressor to attn.kv_compress";
  let description = [{
    The heavily compressed attention (HCA) compressor as exporters write it,
    `ReduceSum(Mul(Softmax(Add(Reshape(gate), bias), axis 2),
    Reshape(content)), axes [2])` over `B x N x m x C` block views of
    `B x T x C` gate and content (optionally after a Slice of the first N*m
    tokens), with an `m x C` position bias, becomes `attn.kv_compress
    {ratio = m}` (no overlap); the overlapping CSA form (block i - 1 through
    the low half of 2C channels, block i through the high half, block -1 as
    a -inf gate) becomes `attn.kv_compress {ratio = m, overlap}`.
  }];
  let dependentDialects = ["::mlir::attn::AttnDialect",
                           "::mlir::tensor::TensorDialect"];
}

def RingWindowCachesPass
    : Pass<"attn-ring-window-caches", "::mlir::func::FuncOp"> {
  let summary = "Give each sliding-window layer's growing KV cache a ring "
                "buffer of its window (changes the model's signature)";
  let description = [{
    Opt-in (`attnc --ring-window-caches`). For every `attn.attention` with a
    causal window of `W` keys whose key and value are
    `attn.kv_cache_append(past, new)` of function arguments (the ONNX
    `Concat(past_key, new) -> present_key` cache), the layer's cache becomes
    a ring of `W` slots, token `t` in slot `t mod W`:

    * the past argument's type becomes `B x H x W x D`;
    * the present is `attn.kv_cache_update past, new at first {mode = ring}`
      (`B x H x W x D`), `first[b]` the position of batch `b`'s first new token;
    * the attention reads the updated ring when `S = 1`, else the past ring
      followed by the `S` new keys (a chunk overwrites slots that its earlier
      queries still see), with an `i1` mask: a key holding token `t` is
      visible to the query at position `q` iff `0 <= t <= q` and `q - t < W`.

    The window is the op's `causal` + `window_left = W - 1`, or, for a mask
    computed from the positions (an exported sliding-window mask over the
    cache), read by evaluating the mask at the positions `P .. P+S-1` and at
    probe positions. Positions come from the `attn.rope` on the new keys or a
    `position_ids` input (`B x S`). Global layers are left. A window layer
    whose past has other uses, whose present has users other than `return`
    and its attention, with `S > W`, dynamic shapes or no positions is an
    error naming the layer.
  }];
  let dependentDialects = ["::mlir::attn::AttnDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_PASSES_TD
