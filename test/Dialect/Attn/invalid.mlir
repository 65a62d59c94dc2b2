// Every verifier rule of the attn ops, one failing case each.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics

func.func @attention_element_types(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf16>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects query, key, value and result to have the same element type, but got 'f32' and 'f16'}}
  %o = attn.attention %q, %k, %v : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf16>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_batch(%q: tensor<2x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects query and key batch sizes to match, but got 2 and 1}}
  %o = attn.attention %q, %k, %v : tensor<2x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<2x4x8x16xf32>
  return
}

// -----

func.func @attention_kv_batch(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<3x4x8x16xf32>) {
  // expected-error @+1 {{expects key and value batch sizes to match, but got 1 and 3}}
  %o = attn.attention %q, %k, %v : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<3x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_kv_heads(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x2x8x16xf32>) {
  // expected-error @+1 {{expects key and value head counts to match, but got 4 and 2}}
  %o = attn.attention %q, %k, %v : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x2x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_kv_length(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x9x16xf32>) {
  // expected-error @+1 {{expects key and value sequence lengths to match, but got 8 and 9}}
  %o = attn.attention %q, %k, %v : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x9x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_head_dim(%q: tensor<1x4x8x64xf32>, %k: tensor<1x4x8x32xf32>, %v: tensor<1x4x8x32xf32>) {
  // expected-error @+1 {{expects query and key head dims to match, but got 64 and 32}}
  %o = attn.attention %q, %k, %v : tensor<1x4x8x64xf32>, tensor<1x4x8x32xf32>, tensor<1x4x8x32xf32> -> tensor<1x4x8x32xf32>
  return
}

// -----

func.func @attention_groups(%q: tensor<1x8x8x16xf32>, %k: tensor<1x3x8x16xf32>, %v: tensor<1x3x8x16xf32>) {
  // expected-error @+1 {{expects the number of query heads (8) to be a multiple of the number of key/value heads (3)}}
  %o = attn.attention %q, %k, %v : tensor<1x8x8x16xf32>, tensor<1x3x8x16xf32>, tensor<1x3x8x16xf32> -> tensor<1x8x8x16xf32>
  return
}

// -----

func.func @attention_result_shape(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x8x16xf32>, %v: tensor<1x2x8x24xf32>) {
  // expected-error @+1 {{expects result of shape [B, Hq, Sq, Dv] = [1, 4, 8, 24], but got [1, 4, 8, 16]}}
  %o = attn.attention %q, %k, %v : tensor<1x4x8x16xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x24xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_mask_rank(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>, %m: tensor<1x1x4x8x8xf32>) {
  // expected-error @+1 {{expects a mask of rank at most 4, but got rank 5}}
  %o = attn.attention %q, %k, %v mask(%m : tensor<1x1x4x8x8xf32>) : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_mask_broadcast(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>, %m: tensor<3x8xi1>) {
  // expected-error @+1 {{expects the mask [3, 8] to broadcast to [B, Hq, Sq, Skv] = [1, 4, 8, 8]}}
  %o = attn.attention %q, %k, %v mask(%m : tensor<3x8xi1>) : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_sinks(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>, %s: tensor<2xf32>) {
  // expected-error @+1 {{expects sinks of shape [Hq] = [4], but got [2]}}
  %o = attn.attention %q, %k, %v sinks(%s : tensor<2xf32>) : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_kv_lengths(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>, %l: tensor<1x1xi64>) {
  // expected-error @+1 {{expects kv_lengths of shape [B] = [1], but got [1, 1]}}
  %o = attn.attention %q, %k, %v kv_lengths(%l : tensor<1x1xi64>) : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_scale(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects scale to be positive and finite, but got -1}}
  %o = attn.attention %q, %k, %v {scale = -1.0 : f64} : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_softcap(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects softcap to be positive and finite, but got 0}}
  %o = attn.attention %q, %k, %v {softcap = 0.0 : f64} : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_window_left(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects window_left to be non-negative (leave it out for an unbounded window), but got -1}}
  %o = attn.attention %q, %k, %v {window_left = -1 : i64} : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_window_right(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects window_right to be non-negative (leave it out for an unbounded window), but got -3}}
  %o = attn.attention %q, %k, %v {window_right = -3 : i64} : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_causal_lookahead(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects no positive window_right on causal attention, but got 2}}
  %o = attn.attention %q, %k, %v {causal, window_right = 2 : i64} : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_uniform_with_sinks(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{expects masked_rows = zero with sinks: a row whose keys are all masked attends to its sink}}
  %o = attn.attention %q, %k, %v sinks(%s : tensor<4xf32>) {masked_rows = #attn.masked_rows<uniform>} : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_softmax_precision(%q: tensor<1x4x8x16xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{expects softmax_precision to be at least as precise as the element type, but got 'bf16' for 'f32'}}
  %o = attn.attention %q, %k, %v {softmax_precision = bf16} : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @attention_rank(%q: tensor<1x4x8xf32>, %k: tensor<1x4x8x16xf32>, %v: tensor<1x4x8x16xf32>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of 16-bit float or bfloat16 type or 32-bit float values}}
  %o = attn.attention %q, %k, %v : tensor<1x4x8xf32>, tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @rope_offset(%x: tensor<1x4x16x64xf32>, %c: tensor<1x16x32xf32>, %s: tensor<1x16x32xf32>) {
  // expected-error @+1 {{expects a non-negative offset, but got -2}}
  %r = attn.rope %x, %c, %s {offset = -2 : i64} : tensor<1x4x16x64xf32>, tensor<1x16x32xf32>, tensor<1x16x32xf32>
  return
}

// -----

func.func @rope_dynamic_head_dim(%x: tensor<1x4x16x?xf32>, %c: tensor<1x16x32xf32>, %s: tensor<1x16x32xf32>) {
  // expected-error @+1 {{expects rotary_dim when the head dim is dynamic}}
  %r = attn.rope %x, %c, %s : tensor<1x4x16x?xf32>, tensor<1x16x32xf32>, tensor<1x16x32xf32>
  return
}

// -----

func.func @rope_odd_rotary_dim(%x: tensor<1x4x16x64xf32>, %c: tensor<1x16x32xf32>, %s: tensor<1x16x32xf32>) {
  // expected-error @+1 {{expects rotary_dim to be a positive even number, but got 5}}
  %r = attn.rope %x, %c, %s {rotary_dim = 5 : i64} : tensor<1x4x16x64xf32>, tensor<1x16x32xf32>, tensor<1x16x32xf32>
  return
}

// -----

func.func @rope_too_wide(%x: tensor<1x4x16x64xf32>, %c: tensor<1x16x32xf32>, %s: tensor<1x16x32xf32>) {
  // expected-error @+1 {{expects offset + rotary_dim to fit the head dim (64), but got 48 + 32}}
  %r = attn.rope %x, %c, %s {offset = 48 : i64, rotary_dim = 32 : i64} : tensor<1x4x16x64xf32>, tensor<1x16x32xf32>, tensor<1x16x32xf32>
  return
}

// -----

func.func @rope_cos_sin_types(%x: tensor<1x4x16x64xf32>, %c: tensor<1x16x32xf32>, %s: tensor<1x16x16xf32>) {
  // expected-error @+1 {{expects cos and sin to have the same type, but got 'tensor<1x16x32xf32>' and 'tensor<1x16x16xf32>'}}
  %r = attn.rope %x, %c, %s : tensor<1x4x16x64xf32>, tensor<1x16x32xf32>, tensor<1x16x16xf32>
  return
}

// -----

func.func @rope_table_element_type(%x: tensor<1x4x16x64xf32>, %c: tensor<1x16x32xf16>, %s: tensor<1x16x32xf16>) {
  // expected-error @+1 {{expects cos and sin to have the input's element type, but got 'f16'}}
  %r = attn.rope %x, %c, %s : tensor<1x4x16x64xf32>, tensor<1x16x32xf16>, tensor<1x16x32xf16>
  return
}

// -----

func.func @rope_position_ids(%x: tensor<1x4x16x64xf32>, %c: tensor<128x32xf32>, %s: tensor<128x32xf32>, %p: tensor<16xi64>) {
  // expected-error @+1 {{expects position_ids of shape [B, S] = [1, 16], but got [16]}}
  %r = attn.rope %x, %c, %s positions(%p : tensor<16xi64>) : tensor<1x4x16x64xf32>, tensor<128x32xf32>, tensor<128x32xf32>
  return
}

// -----

func.func @rope_tables_with_positions(%x: tensor<1x4x16x64xf32>, %c: tensor<128x16xf32>, %s: tensor<128x16xf32>, %p: tensor<1x16xi64>) {
  // expected-error @+1 {{expects cos and sin tables of shape [P, rotary_dim/2] = [?, 32], but got [128, 16]}}
  %r = attn.rope %x, %c, %s positions(%p : tensor<1x16xi64>) : tensor<1x4x16x64xf32>, tensor<128x16xf32>, tensor<128x16xf32>
  return
}

// -----

func.func @rope_per_token_tables(%x: tensor<1x4x16x64xf32>, %c: tensor<1x16x16xf32>, %s: tensor<1x16x16xf32>) {
  // expected-error @+1 {{expects per-token cos and sin of shape [B, S, rotary_dim/2] = [1, 16, 32], but got [1, 16, 16]}}
  %r = attn.rope %x, %c, %s : tensor<1x4x16x64xf32>, tensor<1x16x16xf32>, tensor<1x16x16xf32>
  return
}

// -----

func.func @kv_cache_element_type(%c: tensor<1x2x16x32xf32>, %u: tensor<1x2x1x32xf16>, %p: tensor<1xi64>) {
  // expected-error @+1 {{expects cache and update to have the same element type, but got 'f32' and 'f16'}}
  %r = attn.kv_cache_update %c, %u at %p : tensor<1x2x16x32xf32>, tensor<1x2x1x32xf16>, tensor<1xi64>
  return
}

// -----

func.func @kv_cache_update_shape(%c: tensor<1x2x16x32xf32>, %u: tensor<1x4x1x32xf32>, %p: tensor<1xi64>) {
  // expected-error @+1 {{expects update of shape [B, H, S, D] = [1, 2, ?, 32], but got [1, 4, 1, 32]}}
  %r = attn.kv_cache_update %c, %u at %p : tensor<1x2x16x32xf32>, tensor<1x4x1x32xf32>, tensor<1xi64>
  return
}

// -----

func.func @kv_cache_positions(%c: tensor<2x2x16x32xf32>, %u: tensor<2x2x1x32xf32>, %p: tensor<1xi64>) {
  // expected-error @+1 {{expects positions of shape [B] = [2], but got [1]}}
  %r = attn.kv_cache_update %c, %u at %p : tensor<2x2x16x32xf32>, tensor<2x2x1x32xf32>, tensor<1xi64>
  return
}

// -----

func.func @kv_cache_overflow(%c: tensor<1x2x16x32xf32>, %u: tensor<1x2x20x32xf32>, %p: tensor<1xi64>) {
  // expected-error @+1 {{expects the update (20 tokens) to fit the cache (16 slots)}}
  %r = attn.kv_cache_update %c, %u at %p : tensor<1x2x16x32xf32>, tensor<1x2x20x32xf32>, tensor<1xi64>
  return
}

// -----

func.func @indexer_element_types(%q: tensor<1x8x4x32xf16>, %k: tensor<1x8x32xf32>, %w: tensor<1x8x4xf32>) {
  // expected-error @+1 {{expects query, key and weights to have the same element type, but got 'f16' and 'f32'}}
  %r = attn.lightning_indexer %q, %k, %w : tensor<1x8x4x32xf16>, tensor<1x8x32xf32>, tensor<1x8x4xf32> -> tensor<1x8x8xf32>
  return
}

// -----

func.func @indexer_batch(%q: tensor<2x8x4x32xf32>, %k: tensor<1x8x32xf32>, %w: tensor<2x8x4xf32>) {
  // expected-error @+1 {{expects query and key batch sizes to match, but got 2 and 1}}
  %r = attn.lightning_indexer %q, %k, %w : tensor<2x8x4x32xf32>, tensor<1x8x32xf32>, tensor<2x8x4xf32> -> tensor<2x8x8xf32>
  return
}

// -----

func.func @indexer_index_dim(%q: tensor<1x8x4x32xf32>, %k: tensor<1x8x16xf32>, %w: tensor<1x8x4xf32>) {
  // expected-error @+1 {{expects query and key index dims to match, but got 32 and 16}}
  %r = attn.lightning_indexer %q, %k, %w : tensor<1x8x4x32xf32>, tensor<1x8x16xf32>, tensor<1x8x4xf32> -> tensor<1x8x8xf32>
  return
}

// -----

func.func @indexer_weights(%q: tensor<1x8x4x32xf32>, %k: tensor<1x8x32xf32>, %w: tensor<1x8x2xf32>) {
  // expected-error @+1 {{expects weights of shape [B, S, HI] = [1, 8, 4], but got [1, 8, 2]}}
  %r = attn.lightning_indexer %q, %k, %w : tensor<1x8x4x32xf32>, tensor<1x8x32xf32>, tensor<1x8x2xf32> -> tensor<1x8x8xf32>
  return
}

// -----

func.func @indexer_result_shape(%q: tensor<1x8x4x32xf32>, %k: tensor<1x12x32xf32>, %w: tensor<1x8x4xf32>) {
  // expected-error @+1 {{expects result of shape [B, S, T] = [1, 8, 12], but got [1, 8, 8]}}
  %r = attn.lightning_indexer %q, %k, %w : tensor<1x8x4x32xf32>, tensor<1x12x32xf32>, tensor<1x8x4xf32> -> tensor<1x8x8xf32>
  return
}

// -----

func.func @indexer_result_type(%q: tensor<1x8x4x32xf16>, %k: tensor<1x8x32xf16>, %w: tensor<1x8x4xf16>) {
  // expected-error @+1 {{expects an f32 result, but got 'f16'}}
  %r = attn.lightning_indexer %q, %k, %w : tensor<1x8x4x32xf16>, tensor<1x8x32xf16>, tensor<1x8x4xf16> -> tensor<1x8x8xf16>
  return
}

// -----

func.func @indexer_scale(%q: tensor<1x8x4x32xf32>, %k: tensor<1x8x32xf32>, %w: tensor<1x8x4xf32>) {
  // expected-error @+1 {{expects scale to be positive and finite, but got 0}}
  %r = attn.lightning_indexer %q, %k, %w {scale = 0.0 : f64} : tensor<1x8x4x32xf32>, tensor<1x8x32xf32>, tensor<1x8x4xf32> -> tensor<1x8x8xf32>
  return
}

// -----

func.func @topk_k(%s: tensor<1x8x8xf32>) {
  // expected-error @+1 {{expects a positive k, but got 0}}
  %i = attn.topk %s {k = 0 : i64} : tensor<1x8x8xf32> -> tensor<1x8x0xi64>
  return
}

// -----

func.func @topk_shape(%s: tensor<1x8x8xf32>) {
  // expected-error @+1 {{expects indices of shape [B, S, k] = [1, 8, 4], but got [1, 8, 8]}}
  %i = attn.topk %s {k = 4 : i64} : tensor<1x8x8xf32> -> tensor<1x8x8xi64>
  return
}

// -----

func.func @sparse_qkv(%q: tensor<1x4x8x16xf32>, %k: tensor<1x3x32x16xf32>, %i: tensor<1x8x4xi64>) {
  // expected-error @+1 {{expects the number of query heads (4) to be a multiple of the number of key/value heads (3)}}
  %o = attn.sparse_attention %q, %k, %k, %i : tensor<1x4x8x16xf32>, tensor<1x3x32x16xf32>, tensor<1x3x32x16xf32>, tensor<1x8x4xi64> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @sparse_indices(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x32x16xf32>, %i: tensor<1x6x4xi64>) {
  // expected-error @+1 {{expects indices of shape [B, S, k] = [1, 8, ?], but got [1, 6, 4]}}
  %o = attn.sparse_attention %q, %k, %k, %i : tensor<1x4x8x16xf32>, tensor<1x2x32x16xf32>, tensor<1x2x32x16xf32>, tensor<1x6x4xi64> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @sparse_sinks(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x32x16xf32>, %i: tensor<1x8x4xi64>, %s: tensor<8xf32>) {
  // expected-error @+1 {{expects sinks of shape [Hq] = [4], but got [8]}}
  %o = attn.sparse_attention %q, %k, %k, %i sinks(%s : tensor<8xf32>) : tensor<1x4x8x16xf32>, tensor<1x2x32x16xf32>, tensor<1x2x32x16xf32>, tensor<1x8x4xi64> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @sparse_scale(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x32x16xf32>, %i: tensor<1x8x4xi64>) {
  // expected-error @+1 {{expects scale to be positive and finite, but got -2}}
  %o = attn.sparse_attention %q, %k, %k, %i {scale = -2.0 : f64} : tensor<1x4x8x16xf32>, tensor<1x2x32x16xf32>, tensor<1x2x32x16xf32>, tensor<1x8x4xi64> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @sparse_softcap(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x32x16xf32>, %i: tensor<1x8x4xi64>) {
  // expected-error @+1 {{expects softcap to be positive and finite, but got -5}}
  %o = attn.sparse_attention %q, %k, %k, %i {softcap = -5.0 : f64} : tensor<1x4x8x16xf32>, tensor<1x2x32x16xf32>, tensor<1x2x32x16xf32>, tensor<1x8x4xi64> -> tensor<1x4x8x16xf32>
  return
}

// -----

func.func @compress_element_types(%x: tensor<1x16x32xf32>, %g: tensor<1x16x32xf32>, %b: tensor<4x32xf16>) {
  // expected-error @+1 {{expects content, gate, position_bias and result to have the same element type, but got 'f32' and 'f16'}}
  %r = attn.kv_compress %x, %g, %b {ratio = 4 : i64} : tensor<1x16x32xf32>, tensor<1x16x32xf32>, tensor<4x32xf16> -> tensor<1x4x32xf32>
  return
}

// -----

func.func @compress_ratio(%x: tensor<1x16x32xf32>, %g: tensor<1x16x32xf32>, %b: tensor<4x32xf32>) {
  // expected-error @+1 {{expects a positive ratio, but got 0}}
  %r = attn.kv_compress %x, %g, %b {ratio = 0 : i64} : tensor<1x16x32xf32>, tensor<1x16x32xf32>, tensor<4x32xf32> -> tensor<1x4x32xf32>
  return
}

// -----

func.func @compress_gate(%x: tensor<1x16x32xf32>, %g: tensor<1x16x16xf32>, %b: tensor<4x32xf32>) {
  // expected-error @+1 {{expects gate of shape [B, T, C'] = [1, 16, 32], but got [1, 16, 16]}}
  %r = attn.kv_compress %x, %g, %b {ratio = 4 : i64} : tensor<1x16x32xf32>, tensor<1x16x16xf32>, tensor<4x32xf32> -> tensor<1x4x32xf32>
  return
}

// -----

func.func @compress_bias(%x: tensor<1x16x32xf32>, %g: tensor<1x16x32xf32>, %b: tensor<8x32xf32>) {
  // expected-error @+1 {{expects position_bias of shape [ratio, C'] = [4, 32], but got [8, 32]}}
  %r = attn.kv_compress %x, %g, %b {ratio = 4 : i64} : tensor<1x16x32xf32>, tensor<1x16x32xf32>, tensor<8x32xf32> -> tensor<1x4x32xf32>
  return
}

// -----

func.func @compress_overlap_odd(%x: tensor<1x16x33xf32>, %g: tensor<1x16x33xf32>, %b: tensor<4x33xf32>) {
  // expected-error @+1 {{expects an even channel count with overlap (two halves per entry), but got 33}}
  %r = attn.kv_compress %x, %g, %b {ratio = 4 : i64, overlap} : tensor<1x16x33xf32>, tensor<1x16x33xf32>, tensor<4x33xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @compress_result(%x: tensor<1x18x32xf32>, %g: tensor<1x18x32xf32>, %b: tensor<4x32xf32>) {
  // expected-error @+1 {{expects result of shape [B, T / ratio, C] = [1, 4, 32], but got [1, 5, 32]}}
  %r = attn.kv_compress %x, %g, %b {ratio = 4 : i64} : tensor<1x18x32xf32>, tensor<1x18x32xf32>, tensor<4x32xf32> -> tensor<1x5x32xf32>
  return
}

// -----

func.func @mla_element_types(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>, %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x24xf16>) {
  // expected-error @+1 {{expects all operands and the result to have the same element type, but got 'f32' and 'f16'}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64} : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf16> -> tensor<1x8x16x24xf32>
  return
}

// -----

func.func @mla_q_rope(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x4x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>, %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x24xf32>) {
  // expected-error @+1 {{expects q_rope of shape [B, H, S, Dr] = [1, 8, 16, ?], but got [1, 4, 16, 16]}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64} : tensor<1x8x16x32xf32>, tensor<1x4x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x24xf32>
  return
}

// -----

func.func @mla_batch(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<2x16x64xf32>, %kr: tensor<2x16x16xf32>, %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x24xf32>) {
  // expected-error @+1 {{expects query and latent batch sizes to match, but got 1 and 2}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64} : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<2x16x64xf32>, tensor<2x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x24xf32>
  return
}

// -----

func.func @mla_k_rope(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x8xf32>, %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x24xf32>) {
  // expected-error @+1 {{expects k_rope of shape [B, T, Dr] = [1, 16, 16], but got [1, 16, 8]}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64} : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x8xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x24xf32>
  return
}

// -----

func.func @mla_w_uk(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>, %wuk: tensor<8x32x32xf32>, %wuv: tensor<8x64x24xf32>) {
  // expected-error @+1 {{expects w_uk of shape [H, Dc, Dn] = [8, 64, 32], but got [8, 32, 32]}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64} : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x32x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x24xf32>
  return
}

// -----

func.func @mla_w_uv(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>, %wuk: tensor<8x64x32xf32>, %wuv: tensor<4x64x24xf32>) {
  // expected-error @+1 {{expects w_uv of shape [H, Dc, Dv] = [8, 64, ?], but got [4, 64, 24]}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64} : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<4x64x24xf32> -> tensor<1x8x16x24xf32>
  return
}

// -----

func.func @mla_result(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>, %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x24xf32>) {
  // expected-error @+1 {{expects result of shape [B, H, S, Dv] = [1, 8, 16, 24], but got [1, 8, 16, 32]}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64} : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x32xf32>
  return
}

// -----

func.func @mla_scale(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>, %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x24xf32>) {
  // expected-error @+1 {{expects scale to be positive and finite, but got INF}}
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0x7FF0000000000000 : f64} : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x24xf32>
  return
}

// -----

func.func @linear_sequence(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x12x32xf32>, %v: tensor<1x2x12x8xf32>) {
  // expected-error @+1 {{expects query and key sequence lengths to match, but got 16 and 12}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x4x16x32xf32>, tensor<1x2x12x32xf32>, tensor<1x2x12x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_present_state(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>) {
  // expected-error @+1 {{expects present_state of shape [B, Hv, Dk, Dv] = [1, 2, 32, 8], but got [1, 2, 8, 32]}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x8x32xf32>
  return
}

// -----

func.func @linear_past_state(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>, %p: tensor<1x4x32x8xf32>) {
  // expected-error @+1 {{expects past_state of shape [B, Hv, Dk, Dv] = [1, 2, 32, 8], but got [1, 4, 32, 8]}}
  %o, %s = attn.linear_attention %q, %k, %v state(%p : tensor<1x4x32x8xf32>) {rule = #attn.update_rule<linear>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_needs_decay(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>) {
  // expected-error @+1 {{expects a decay operand for the 'gated' rule}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<gated>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_rejects_decay(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>, %g: tensor<1x2x16xf32>) {
  // expected-error @+1 {{expects no decay operand for the 'linear' rule}}
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x16xf32>) {rule = #attn.update_rule<linear>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_needs_beta(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>) {
  // expected-error @+1 {{expects a beta operand for the 'delta' rule}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<delta>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_rejects_beta(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>, %g: tensor<1x2x16xf32>, %b: tensor<1x2x16xf32>) {
  // expected-error @+1 {{expects no beta operand for the 'gated' rule}}
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x16xf32>) beta(%b : tensor<1x2x16xf32>) {rule = #attn.update_rule<gated>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_head_decay(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>, %g: tensor<1x4x16xf32>) {
  // expected-error @+1 {{expects per-head decay of shape [B, Hv, T] = [1, 2, 16], but got [1, 4, 16]}}
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x4x16xf32>) {rule = #attn.update_rule<gated>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_channel_decay(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>, %g: tensor<1x2x16x8xf32>) {
  // expected-error @+1 {{expects per-channel decay of shape [B, Hv, T, Dk] = [1, 2, 16, 32], but got [1, 2, 16, 8]}}
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x16x8xf32>) {rule = #attn.update_rule<gated>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_beta(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>, %b: tensor<1x2x1xf32>) {
  // expected-error @+1 {{expects beta of shape [B, Hv, T] = [1, 2, 16], but got [1, 2, 1]}}
  %o, %s = attn.linear_attention %q, %k, %v beta(%b : tensor<1x2x1xf32>) {rule = #attn.update_rule<delta>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_chunk_size(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>) {
  // expected-error @+1 {{expects a positive chunk_size, but got 0}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>, chunk_size = 0 : i64} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_scale(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>) {
  // expected-error @+1 {{expects scale to be positive and finite, but got -1}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>, scale = -1.0 : f64} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_value_heads(%q: tensor<1x3x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x3x16x8xf32>) {
  // expected-error @+1 {{expects the number of value heads (3) to be a multiple of the number of key heads (2)}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x3x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x3x16x8xf32> -> tensor<1x3x16x8xf32>, tensor<1x3x32x8xf32>
  return
}

// -----

func.func @linear_no_key_heads(%q: tensor<1x4x16x32xf32>, %k: tensor<1x0x16x32xf32>, %v: tensor<1x4x16x8xf32>) {
  // expected-error @+1 {{expects the number of value heads (4) to be a multiple of the number of key heads (0)}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x4x16x32xf32>, tensor<1x0x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_query_heads(%q: tensor<1x3x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf32>) {
  // expected-error @+1 {{expects the number of query heads (3) to be a multiple of the number of value heads (4) or equal to the number of key heads (2)}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x3x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_query_heads_between(%q: tensor<1x2x16x32xf32>, %k: tensor<1x1x16x32xf32>, %v: tensor<1x4x16x8xf32>) {
  // expected-error @+1 {{expects the number of query heads (2) to be a multiple of the number of value heads (4) or equal to the number of key heads (1)}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x2x16x32xf32>, tensor<1x1x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_inverse_output(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf32>) {
  // expected-error @+1 {{expects output of shape [B, Ho, T, Dv] = [1, 4, 16, 8], but got [1, 2, 16, 8]}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x2x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_inverse_state(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf32>) {
  // expected-error @+1 {{expects present_state of shape [B, Hv, Dk, Dv] = [1, 4, 32, 8], but got [1, 2, 32, 8]}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// -----

func.func @linear_inverse_decay(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf32>, %g: tensor<1x2x16xf32>) {
  // expected-error @+1 {{expects per-head decay of shape [B, Hv, T] = [1, 4, 16], but got [1, 2, 16]}}
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x16xf32>) {rule = #attn.update_rule<gated>} : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_inverse_beta(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf32>, %b: tensor<1x2x16xf32>) {
  // expected-error @+1 {{expects beta of shape [B, Hv, T] = [1, 4, 16], but got [1, 2, 16]}}
  %o, %s = attn.linear_attention %q, %k, %v beta(%b : tensor<1x2x16xf32>) {rule = #attn.update_rule<delta>} : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_gqa_output(%q: tensor<1x8x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf32>) {
  // expected-error @+1 {{expects output of shape [B, Ho, T, Dv] = [1, 8, 16, 8], but got [1, 4, 16, 8]}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x8x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_value_sequence(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x12x8xf32>) {
  // expected-error @+1 {{expects key and value sequence lengths to match, but got 16 and 12}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x12x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @linear_value_batch(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<2x4x16x8xf32>) {
  // expected-error @+1 {{expects key and value batch sizes to match, but got 1 and 2}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<2x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<2x4x32x8xf32>
  return
}

// -----

func.func @linear_element_type(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf16>) {
  // expected-error @+1 {{expects query, key, value and output to have the same element type, but got 'f32' and 'f16'}}
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf16> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  return
}

// -----

func.func @kv_cache_append_element_type(%past: tensor<1x2x7x16xf32>, %new: tensor<1x2x1x16xf16>) {
  // expected-error @+1 {{expects past, update and result to have the same element type, but got 'f32' and 'f16'}}
  %r = attn.kv_cache_append %past, %new : tensor<1x2x7x16xf32>, tensor<1x2x1x16xf16> -> tensor<1x2x8x16xf32>
  return
}

// -----

func.func @kv_cache_append_heads(%past: tensor<1x2x7x16xf32>, %new: tensor<1x4x1x16xf32>) {
  // expected-error @+1 {{expects update of shape [B, H, S, D] = [1, 2, ?, 16], but got [1, 4, 1, 16]}}
  %r = attn.kv_cache_append %past, %new : tensor<1x2x7x16xf32>, tensor<1x4x1x16xf32> -> tensor<1x2x8x16xf32>
  return
}

// -----

func.func @kv_cache_append_length(%past: tensor<1x2x7x16xf32>, %new: tensor<1x2x3x16xf32>) {
  // expected-error @+1 {{expects result of shape [B, H, P + S, D] = [1, 2, 10, 16], but got [1, 2, 8, 16]}}
  %r = attn.kv_cache_append %past, %new : tensor<1x2x7x16xf32>, tensor<1x2x3x16xf32> -> tensor<1x2x8x16xf32>
  return
}

// -----

func.func @kv_cache_append_dynamic_past(%past: tensor<?x2x?x16xf32>, %new: tensor<3x2x1x16xf32>) {
  // expected-error @+1 {{expects result of shape [B, H, P + S, D] = [3, 2, ?, 16], but got [4, 2, 8, 16]}}
  %r = attn.kv_cache_append %past, %new : tensor<?x2x?x16xf32>, tensor<3x2x1x16xf32> -> tensor<4x2x8x16xf32>
  return
}
