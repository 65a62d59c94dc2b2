// RUN: attnc-opt %s -split-input-file --convert-onnx-to-attn | FileCheck %s

// gated_delta (the default rule) with GQA, a past state, per-channel decay and
// per-head beta: heads split to (B, H, T, D), decay split like the keys, beta
// (B, T, Hkv) transposed to (B, Hkv, T), the output merged back.
// CHECK-LABEL: func.func @gated_delta_gqa
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<2x3x32xf32>, %[[K:[^:]+]]: tensor<2x3x16xf32>, %[[V:[^:]+]]: tensor<2x3x8xf32>, %[[S:[^:]+]]: tensor<2x2x8x4xf32>, %[[G:[^:]+]]: tensor<2x3x16xf32>, %[[B:[^:]+]]: tensor<2x3x2xf32>)
// CHECK-DAG: %[[QE:.+]] = tensor.expand_shape %[[Q]] {{\[\[}}0], [1], [2, 3]] output_shape [2, 3, 4, 8]
// CHECK-DAG: %[[QH:.+]] = linalg.transpose ins(%[[QE]] : tensor<2x3x4x8xf32>) {{.*}} permutation = [0, 2, 1, 3]
// CHECK-DAG: %[[GE:.+]] = tensor.expand_shape %[[G]] {{\[\[}}0], [1], [2, 3]] output_shape [2, 3, 2, 8]
// CHECK-DAG: %[[GH:.+]] = linalg.transpose ins(%[[GE]] : tensor<2x3x2x8xf32>)
// CHECK-DAG: %[[BE:.+]] = tensor.expand_shape %[[B]] {{\[\[}}0], [1], [2, 3]] output_shape [2, 3, 2, 1]
// CHECK-DAG: %[[BT:.+]] = linalg.transpose ins(%[[BE]] : tensor<2x3x2x1xf32>)
// CHECK-DAG: %[[BH:.+]] = tensor.collapse_shape %[[BT]] {{\[\[}}0], [1], [2, 3]] : tensor<2x2x3x1xf32> into tensor<2x2x3xf32>
// CHECK: %[[O:.+]], %[[PRESENT:.+]] = attn.linear_attention %[[QH]], %{{.+}}, %{{.+}} state(%[[S]] : tensor<2x2x8x4xf32>) decay(%[[GH]] : tensor<2x2x3x8xf32>) beta(%[[BH]] : tensor<2x2x3xf32>) {chunk_size = 64 : i64} : tensor<2x4x3x8xf32>, tensor<2x2x3x8xf32>, tensor<2x2x3x4xf32> -> tensor<2x4x3x4xf32>, tensor<2x2x8x4xf32>
// CHECK: %[[OT:.+]] = linalg.transpose ins(%[[O]] : tensor<2x4x3x4xf32>)
// CHECK: %[[OUT:.+]] = tensor.collapse_shape %[[OT]] {{\[\[}}0], [1], [2, 3]] : tensor<2x3x4x4xf32> into tensor<2x3x16xf32>
// CHECK: return %[[OUT]], %[[PRESENT]]
func.func @gated_delta_gqa(%q: tensor<2x3x32xf32>, %k: tensor<2x3x16xf32>, %v: tensor<2x3x8xf32>, %s: tensor<2x2x8x4xf32>,
                           %g: tensor<2x3x16xf32>, %b: tensor<2x3x2xf32>) -> (tensor<2x3x16xf32>, tensor<2x2x8x4xf32>) {
  %o, %p = "onnx.LinearAttention"(%q, %k, %v, %s, %g, %b) {q_num_heads = 4 : si64, kv_num_heads = 2 : si64}
      : (tensor<2x3x32xf32>, tensor<2x3x16xf32>, tensor<2x3x8xf32>, tensor<2x2x8x4xf32>, tensor<2x3x16xf32>, tensor<2x3x2xf32>)
      -> (tensor<2x3x16xf32>, tensor<2x2x8x4xf32>)
  return %o, %p : tensor<2x3x16xf32>, tensor<2x2x8x4xf32>
}

// -----

// A beta of width 1 is shared by all heads: broadcast over a new head dim.
// Per-head decay (width Hkv) becomes (B, Hkv, T). No past: no state operand.
// A non-zero scale is kept.
// CHECK-LABEL: func.func @shared_beta_head_decay
// CHECK-SAME: %[[G:[^:]+]]: tensor<1x5x3xf32>, %[[B:[^:]+]]: tensor<1x5x1xf32>)
// CHECK-DAG: %[[GE:.+]] = tensor.expand_shape %[[G]] {{\[\[}}0], [1], [2, 3]] output_shape [1, 5, 3, 1]
// CHECK-DAG: %[[GT:.+]] = linalg.transpose ins(%[[GE]] : tensor<1x5x3x1xf32>)
// CHECK-DAG: %[[GH:.+]] = tensor.collapse_shape %[[GT]] {{\[\[}}0], [1], [2, 3]] : tensor<1x3x5x1xf32> into tensor<1x3x5xf32>
// CHECK-DAG: %[[BC:.+]] = tensor.collapse_shape %[[B]] {{\[\[}}0], [1, 2]] : tensor<1x5x1xf32> into tensor<1x5xf32>
// CHECK-DAG: %[[BH:.+]] = linalg.broadcast ins(%[[BC]] : tensor<1x5xf32>) outs(%{{.+}} : tensor<1x3x5xf32>) dimensions = [1]
// CHECK: attn.linear_attention %{{.+}}, %{{.+}}, %{{.+}} decay(%[[GH]] : tensor<1x3x5xf32>) beta(%[[BH]] : tensor<1x3x5xf32>) {chunk_size = 16 : i64, scale = 2.500000e-01 : f64}
// CHECK-SAME: -> tensor<1x3x5x2xf32>, tensor<1x3x4x2xf32>
func.func @shared_beta_head_decay(%q: tensor<1x5x12xf32>, %k: tensor<1x5x12xf32>, %v: tensor<1x5x6xf32>,
                                  %g: tensor<1x5x3xf32>, %b: tensor<1x5x1xf32>) -> (tensor<1x5x6xf32>, tensor<1x3x4x2xf32>) {
  %none = onnx.NoValue
  %o, %p = "onnx.LinearAttention"(%q, %k, %v, %none, %g, %b)
      {q_num_heads = 3 : si64, kv_num_heads = 3 : si64, scale = 0.25 : f32, chunk_size = 16 : si64}
      : (tensor<1x5x12xf32>, tensor<1x5x12xf32>, tensor<1x5x6xf32>, none, tensor<1x5x3xf32>, tensor<1x5x1xf32>)
      -> (tensor<1x5x6xf32>, tensor<1x3x4x2xf32>)
  return %o, %p : tensor<1x5x6xf32>, tensor<1x3x4x2xf32>
}

// -----

// The linear rule reads neither decay nor beta: given ones are dropped (attn
// forbids them for this rule), and the default scale 0 leaves no scale.
// CHECK-LABEL: func.func @linear_ignores_decay_and_beta
// CHECK: attn.linear_attention %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {chunk_size = 64 : i64, rule = #attn.update_rule<linear>} : tensor<1x2x2x4xf16>
// CHECK-NOT: scale
func.func @linear_ignores_decay_and_beta(%q: tensor<1x2x8xf16>, %g: tensor<1x2x2xf16>, %b: tensor<1x2x2xf16>)
    -> (tensor<1x2x8xf16>, tensor<1x2x4x4xf16>) {
  %none = onnx.NoValue
  %o, %p = "onnx.LinearAttention"(%q, %q, %q, %none, %g, %b) {q_num_heads = 2 : si64, kv_num_heads = 2 : si64, update_rule = "linear"}
      : (tensor<1x2x8xf16>, tensor<1x2x8xf16>, tensor<1x2x8xf16>, none, tensor<1x2x2xf16>, tensor<1x2x2xf16>)
      -> (tensor<1x2x8xf16>, tensor<1x2x4x4xf16>)
  return %o, %p : tensor<1x2x8xf16>, tensor<1x2x4x4xf16>
}
