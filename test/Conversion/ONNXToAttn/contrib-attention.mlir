// RUN: attnc-opt %s -split-input-file --convert-onnx-to-attn | FileCheck %s

// GQA decode with a past: causal, kv_lengths = seqlens_k + 1, window, softcap.
// CHECK-LABEL: func.func @gqa_decode
func.func @gqa_decode(%q: tensor<2x1x128xf32>, %k: tensor<2x1x32xf32>, %v: tensor<2x1x32xf32>,
                      %pk: tensor<2x2x6x16xf32>, %pv: tensor<2x2x6x16xf32>, %seqlens: tensor<2xi32>, %total: tensor<1xi32>)
    -> (tensor<2x1x128xf32>, tensor<2x2x7x16xf32>) {
  %none = onnx.NoValue
  // CHECK: %[[LENS:.+]] = linalg.generic
  // CHECK: arith.extsi
  // CHECK: arith.addi
  // CHECK: %[[KC:.+]] = attn.kv_cache_append %{{.+}}, %{{.+}} : tensor<2x2x6x16xf32>, tensor<2x2x1x16xf32> -> tensor<2x2x7x16xf32>
  // CHECK: attn.attention %{{.+}}, %[[KC]], %{{.+}} kv_lengths(%[[LENS]] : tensor<2xi64>) {causal, softcap = 3.000000e+01 : f64, window_left = 3 : i64}
  %out, %pko, %pvo = "onnx.ms.GroupQueryAttention"(%q, %k, %v, %pk, %pv, %seqlens, %total, %none, %none, %none, %none, %none)
      {num_heads = 8 : si64, kv_num_heads = 2 : si64, local_window_size = 3 : si64, softcap = 30.0 : f32}
      : (tensor<2x1x128xf32>, tensor<2x1x32xf32>, tensor<2x1x32xf32>, tensor<2x2x6x16xf32>, tensor<2x2x6x16xf32>,
         tensor<2xi32>, tensor<1xi32>, none, none, none, none, none)
      -> (tensor<2x1x128xf32>, tensor<2x2x7x16xf32>, tensor<2x2x7x16xf32>)
  return %out, %pko : tensor<2x1x128xf32>, tensor<2x2x7x16xf32>
}

// -----

// smooth_softmax is a sink of logit zero per head.
// CHECK-LABEL: func.func @gqa_smooth_softmax
func.func @gqa_smooth_softmax(%q: tensor<1x3x32xf32>, %k: tensor<1x3x16xf32>, %seqlens: tensor<1xi32>, %total: tensor<1xi32>) -> tensor<1x3x32xf32> {
  %none = onnx.NoValue
  // CHECK: %[[SINKS:.+]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
  // CHECK: attn.attention {{.*}} sinks(%[[SINKS]] : tensor<4xf32>)
  %out, %pko, %pvo = "onnx.ms.GroupQueryAttention"(%q, %k, %k, %none, %none, %seqlens, %total, %none, %none, %none, %none, %none)
      {num_heads = 4 : si64, kv_num_heads = 2 : si64, smooth_softmax = 1 : si64}
      : (tensor<1x3x32xf32>, tensor<1x3x16xf32>, tensor<1x3x16xf32>, none, none, tensor<1xi32>, tensor<1xi32>, none, none, none, none, none)
      -> (tensor<1x3x32xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>)
  return %out : tensor<1x3x32xf32>
}

// -----

// MHA's key padding mask becomes an additive mask with the finite filter value
// onnxruntime adds (so fully padded rows average, as its kernel does).
// CHECK-LABEL: func.func @mha_key_padding
func.func @mha_key_padding(%q: tensor<2x3x16xf32>, %k: tensor<2x5x16xf32>, %keep: tensor<2x5xi32>) -> tensor<2x3x16xf32> {
  %none = onnx.NoValue
  // CHECK-DAG: %[[FILTER:.+]] = arith.constant -1.000000e+04 : f32
  // CHECK: %[[MASK:.+]] = linalg.generic
  // CHECK: arith.select %{{.+}}, %{{.+}}, %[[FILTER]]
  // CHECK: attn.attention {{.*}} mask(%[[MASK]] : tensor<2x1x1x5xf32>)
  %out, %pk, %pv = "onnx.ms.MultiHeadAttention"(%q, %k, %k, %none, %keep, %none, %none, %none) {num_heads = 2 : si64}
      : (tensor<2x3x16xf32>, tensor<2x5x16xf32>, tensor<2x5x16xf32>, none, tensor<2x5xi32>, none, none, none)
      -> (tensor<2x3x16xf32>, tensor<2x2x5x8xf32>, tensor<2x2x5x8xf32>)
  return %out : tensor<2x3x16xf32>
}
