// RUN: attnc-opt %s -split-input-file --convert-onnx-to-attn -verify-diagnostics | FileCheck %s

// 4-D inputs without a past: top-left causal alignment (ONNX errata).
// CHECK-LABEL: func.func @attention_4d_causal
// CHECK-SAME: (%[[Q:.+]]: tensor<2x8x4x16xf32>, %[[K:.+]]: tensor<2x2x6x16xf32>, %[[V:.+]]: tensor<2x2x6x8xf32>)
func.func @attention_4d_causal(%q: tensor<2x8x4x16xf32>, %k: tensor<2x2x6x16xf32>, %v: tensor<2x2x6x8xf32>) -> tensor<2x8x4x8xf32> {
  %none = onnx.NoValue
  // CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]]
  // CHECK-SAME: alignment = #attn.alignment<top_left>
  // CHECK-SAME: causal
  // CHECK-SAME: scale = 1.250000e-01 : f64
  // CHECK-SAME: softcap = 2.000000e+00 : f64
  // CHECK-SAME: -> tensor<2x8x4x8xf32>
  // CHECK-NOT: onnx.Attention
  // CHECK: return %[[O]]
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %v, %none, %none, %none, %none)
      {is_causal = 1 : si64, scale = 0.125 : f32, softcap = 2.0 : f32}
      : (tensor<2x8x4x16xf32>, tensor<2x2x6x16xf32>, tensor<2x2x6x8xf32>, none, none, none, none)
      -> (tensor<2x8x4x8xf32>, tensor<2x2x6x16xf32>, tensor<2x2x6x8xf32>, tensor<2x8x4x6xf32>)
  return %y : tensor<2x8x4x8xf32>
}

// -----

// 3-D inputs split into heads and merge back; a past is concatenated, which
// makes the causal alignment bottom-right (the default, so not printed).
// CHECK-LABEL: func.func @attention_3d_past
func.func @attention_3d_past(%q: tensor<1x4x24xf32>, %k: tensor<1x4x12xf32>, %v: tensor<1x4x12xf32>,
                             %pk: tensor<1x3x5x4xf32>, %pv: tensor<1x3x5x4xf32>, %mask: tensor<4x9xi1>)
    -> (tensor<1x4x24xf32>, tensor<1x3x9x4xf32>) {
  %none = onnx.NoValue
  // CHECK: %[[QE:.+]] = tensor.expand_shape %{{.+}} {{\[\[}}0], [1], [2, 3]] output_shape [1, 4, 6, 4]
  // CHECK: %[[QT:.+]] = linalg.transpose ins(%[[QE]] : tensor<1x4x6x4xf32>) outs(%{{.+}} : tensor<1x6x4x4xf32>) permutation = [0, 2, 1, 3]
  // CHECK: %[[KC:.+]] = tensor.concat dim(2) %{{.+}}, %{{.+}} : (tensor<1x3x5x4xf32>, tensor<1x3x4x4xf32>) -> tensor<1x3x9x4xf32>
  // CHECK: %[[VC:.+]] = tensor.concat dim(2)
  // CHECK: %[[O:.+]] = attn.attention %[[QT]], %[[KC]], %[[VC]] mask(%{{.+}} : tensor<4x9xi1>) {causal}
  // CHECK: %[[OT:.+]] = linalg.transpose ins(%[[O]] : tensor<1x6x4x4xf32>)
  // CHECK: %[[Y:.+]] = tensor.collapse_shape %[[OT]] {{\[\[}}0], [1], [2, 3]] : tensor<1x4x6x4xf32> into tensor<1x4x24xf32>
  // CHECK: return %[[Y]], %[[KC]]
  %y, %pko, %pvo, %qk = "onnx.Attention"(%q, %k, %v, %mask, %pk, %pv, %none)
      {is_causal = 1 : si64, q_num_heads = 6 : si64, kv_num_heads = 3 : si64}
      : (tensor<1x4x24xf32>, tensor<1x4x12xf32>, tensor<1x4x12xf32>, tensor<4x9xi1>, tensor<1x3x5x4xf32>, tensor<1x3x5x4xf32>, none)
      -> (tensor<1x4x24xf32>, tensor<1x3x9x4xf32>, tensor<1x3x9x4xf32>, tensor<1x6x4x9xf32>)
  return %y, %pko : tensor<1x4x24xf32>, tensor<1x3x9x4xf32>
}

// -----

// Opset 24: a mask shorter than the keys is padded with -inf; nonpad lengths
// become kv_lengths (and bottom-right alignment).
// CHECK-LABEL: func.func @attention_short_mask_and_lengths
func.func @attention_short_mask_and_lengths(%q: tensor<2x2x3x8xf32>, %k: tensor<2x2x7x8xf32>,
                                            %mask: tensor<2x1x3x5xf32>, %lens: tensor<2xi64>) -> tensor<2x2x3x8xf32> {
  %none = onnx.NoValue
  // CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
  // CHECK: %[[PADDED:.+]] = tensor.pad %{{.+}} low[0, 0, 0, 0] high[0, 0, 0, 2]
  // CHECK: tensor.yield %[[NEGINF]]
  // CHECK: attn.attention {{.*}} mask(%[[PADDED]] : tensor<2x1x3x7xf32>) kv_lengths(%{{.+}} : tensor<2xi64>)
  // CHECK-NOT: alignment
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %k, %mask, %none, %none, %lens)
      : (tensor<2x2x3x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>, tensor<2x1x3x5xf32>, none, none, tensor<2xi64>)
      -> (tensor<2x2x3x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x3x7xf32>)
  return %y : tensor<2x2x3x8xf32>
}

// -----

// The qk_matmul_output result has no attn form yet: a clear error, not a crash.
func.func @attention_qk_output(%q: tensor<1x2x3x8xf32>) -> tensor<1x2x3x3xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot compile onnx.Attention: qk_matmul_output is not supported}}
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %q, %q, %none, %none, %none, %none)
      : (tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, none, none, none, none)
      -> (tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x3xf32>)
  return %qk : tensor<1x2x3x3xf32>
}
