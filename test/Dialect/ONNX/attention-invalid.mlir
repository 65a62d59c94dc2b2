// RUN: attnc-opt %s -split-input-file -verify-diagnostics
// Result-type inference of the fused attention ops (ai.onnx Attention,
// RotaryEmbedding, LinearAttention; com.microsoft GroupQueryAttention,
// MultiHeadAttention, RotaryEmbedding) rejects shapes the ops do not define.

func.func @attention_rank(%q: tensor<2x8xf32>, %k: tensor<1x2x5x8xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects Q of rank 3 (B, S, H*D) or 4 (B, H, S, D), but got 'tensor<2x8xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %k, %none, %none, %none, %none)
      : (tensor<2x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>, none, none, none, none)
      -> (tensor<1x2x3x8xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>)
  return
}

// -----

func.func @attention_3d_without_heads(%q: tensor<1x3x16xf32>, %k: tensor<1x2x5x8xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects a number of heads for the 3-D Q}}
  // expected-error @+1 {{failed to infer returned types}}
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %k, %none, %none, %none, %none)
      : (tensor<1x3x16xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>, none, none, none, none)
      -> (tensor<1x3x16xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>)
  return
}

// -----

func.func @attention_hidden_not_multiple(%q: tensor<1x3x10xf32>, %k: tensor<1x2x5x8xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects the Q hidden size 10 to be a multiple of its 4 heads}}
  // expected-error @+1 {{failed to infer returned types}}
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %k, %none, %none, %none, %none)
      {q_num_heads = 4 : si64, kv_num_heads = 2 : si64}
      : (tensor<1x3x10xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>, none, none, none, none)
      -> (tensor<1x3x10xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>)
  return
}

// -----

func.func @attention_element_types(%q: tensor<1x2x3x8xf32>, %k: tensor<1x2x5x8xf16>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects Q, K and V of one element type}}
  // expected-error @+1 {{failed to infer returned types}}
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %k, %none, %none, %none, %none)
      : (tensor<1x2x3x8xf32>, tensor<1x2x5x8xf16>, tensor<1x2x5x8xf16>, none, none, none, none)
      -> (tensor<1x2x3x8xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>)
  return
}

// -----

func.func @attention_heads_not_grouped(%q: tensor<1x3x3x8xf32>, %k: tensor<1x2x5x8xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects the query heads (3) to be a multiple of the key/value heads (2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %k, %none, %none, %none, %none)
      : (tensor<1x3x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>, none, none, none, none)
      -> (tensor<1x3x3x8xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>)
  return
}

// -----

func.func @rotary_rank(%x: tensor<3x8xf32>, %cos: tensor<16x4xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects X of rank 3 or 4, but got 'tensor<3x8xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = "onnx.RotaryEmbedding"(%x, %cos, %cos, %none)
      : (tensor<3x8xf32>, tensor<16x4xf32>, tensor<16x4xf32>, none) -> tensor<3x8xf32>
  return
}

// -----

func.func @rotary_3d_without_heads(%x: tensor<1x3x8xf32>, %cos: tensor<16x4xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects num_heads for a 3-D input}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = "onnx.RotaryEmbedding"(%x, %cos, %cos, %none)
      : (tensor<1x3x8xf32>, tensor<16x4xf32>, tensor<16x4xf32>, none) -> tensor<1x3x8xf32>
  return
}

// -----

func.func @ms_rotary_rank(%x: tensor<3x8xf32>, %pos: tensor<1x3xi64>, %cos: tensor<16x4xf32>) {
  // expected-error @+2 {{expects input of rank 3 or 4, but got 'tensor<3x8xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = "onnx.ms.RotaryEmbedding"(%x, %pos, %cos, %cos)
      : (tensor<3x8xf32>, tensor<1x3xi64>, tensor<16x4xf32>, tensor<16x4xf32>) -> tensor<3x8xf32>
  return
}

// -----

func.func @gqa_query_rank(%q: tensor<3x64xf32>, %k: tensor<1x3x16xf32>, %lens: tensor<1xi32>, %total: tensor<i32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects a 3-D query (B, S, H*D)}}
  // expected-error @+1 {{failed to infer returned types}}
  %out, %pk, %pv = "onnx.ms.GroupQueryAttention"(%q, %k, %k, %none, %none, %lens, %total, %none, %none, %none, %none, %none)
      {num_heads = 8 : si64, kv_num_heads = 2 : si64}
      : (tensor<3x64xf32>, tensor<1x3x16xf32>, tensor<1x3x16xf32>, none, none, tensor<1xi32>, tensor<i32>, none, none, none, none, none)
      -> (tensor<1x3x64xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>)
  return
}

// -----

func.func @gqa_heads_not_grouped(%q: tensor<1x3x64xf32>, %k: tensor<1x3x24xf32>, %lens: tensor<1xi32>, %total: tensor<i32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects num_heads (8) to be a multiple of kv_num_heads (3)}}
  // expected-error @+1 {{failed to infer returned types}}
  %out, %pk, %pv = "onnx.ms.GroupQueryAttention"(%q, %k, %k, %none, %none, %lens, %total, %none, %none, %none, %none, %none)
      {num_heads = 8 : si64, kv_num_heads = 3 : si64}
      : (tensor<1x3x64xf32>, tensor<1x3x24xf32>, tensor<1x3x24xf32>, none, none, tensor<1xi32>, tensor<i32>, none, none, none, none, none)
      -> (tensor<1x3x64xf32>, tensor<1x3x3x8xf32>, tensor<1x3x3x8xf32>)
  return
}

// -----

func.func @mha_packed(%q: tensor<2x3x2x8xf32>, %k: tensor<2x5x16xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects 3-D query, key and value (B, S, H*D); packed forms are not supported}}
  // expected-error @+1 {{failed to infer returned types}}
  %out, %pk, %pv = "onnx.ms.MultiHeadAttention"(%q, %k, %k, %none, %none, %none, %none, %none) {num_heads = 2 : si64}
      : (tensor<2x3x2x8xf32>, tensor<2x5x16xf32>, tensor<2x5x16xf32>, none, none, none, none, none)
      -> (tensor<2x3x16xf32>, tensor<2x2x5x8xf32>, tensor<2x2x5x8xf32>)
  return
}

// -----

func.func @linear_attention_rank(%q: tensor<3x16xf32>, %k: tensor<1x3x16xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects 3-D query, key and value (B, T, H * D)}}
  // expected-error @+1 {{failed to infer returned types}}
  %o, %p = "onnx.LinearAttention"(%q, %k, %k, %none, %none, %none)
      {q_num_heads = 2 : si64, kv_num_heads = 2 : si64, update_rule = "linear"}
      : (tensor<3x16xf32>, tensor<1x3x16xf32>, tensor<1x3x16xf32>, none, none, none)
      -> (tensor<1x3x16xf32>, tensor<1x2x8x8xf32>)
  return
}

// -----

func.func @linear_attention_rule(%q: tensor<1x3x16xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects update_rule 'linear', 'gated', 'delta' or 'gated_delta', but got 'mamba'}}
  // expected-error @+1 {{failed to infer returned types}}
  %o, %p = "onnx.LinearAttention"(%q, %q, %q, %none, %none, %none)
      {q_num_heads = 2 : si64, kv_num_heads = 2 : si64, update_rule = "mamba"}
      : (tensor<1x3x16xf32>, tensor<1x3x16xf32>, tensor<1x3x16xf32>, none, none, none)
      -> (tensor<1x3x16xf32>, tensor<1x2x8x8xf32>)
  return
}

// -----

func.func @linear_attention_missing_decay(%q: tensor<1x3x16xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects a decay input for the 'gated' rule}}
  // expected-error @+1 {{failed to infer returned types}}
  %o, %p = "onnx.LinearAttention"(%q, %q, %q, %none, %none, %none)
      {q_num_heads = 2 : si64, kv_num_heads = 2 : si64, update_rule = "gated"}
      : (tensor<1x3x16xf32>, tensor<1x3x16xf32>, tensor<1x3x16xf32>, none, none, none)
      -> (tensor<1x3x16xf32>, tensor<1x2x8x8xf32>)
  return
}
