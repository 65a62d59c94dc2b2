// What --convert-attn-to-linalg refuses: the attn dialect is illegal, so an
// op no pattern can lower is an error naming it, never a silent leftover.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file -verify-diagnostics

// The GQA head map needs the group size statically (or a single KV head).
func.func @attention_dynamic_head_counts(%q: tensor<1x?x3x4xf32>, %k: tensor<1x?x5x4xf32>) -> tensor<1x?x3x4xf32> {
  // expected-error @+1 {{failed to legalize operation 'attn.attention' that was explicitly marked illegal}}
  %o = attn.attention %q, %k, %k : tensor<1x?x3x4xf32>, tensor<1x?x5x4xf32>, tensor<1x?x5x4xf32> -> tensor<1x?x3x4xf32>
  return %o : tensor<1x?x3x4xf32>
}

// -----

func.func @sparse_attention_dynamic_head_counts(%q: tensor<1x?x3x4xf32>, %k: tensor<1x?x5x4xf32>, %idx: tensor<1x3x2xi64>) -> tensor<1x?x3x4xf32> {
  // expected-error @+1 {{failed to legalize operation 'attn.sparse_attention' that was explicitly marked illegal}}
  %o = attn.sparse_attention %q, %k, %k, %idx : tensor<1x?x3x4xf32>, tensor<1x?x5x4xf32>, tensor<1x?x5x4xf32>, tensor<1x3x2xi64> -> tensor<1x?x3x4xf32>
  return %o : tensor<1x?x3x4xf32>
}
