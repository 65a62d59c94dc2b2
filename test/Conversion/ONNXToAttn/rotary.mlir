// RUN: attnc-opt %s -split-input-file --convert-onnx-to-attn | FileCheck %s

// CHECK-LABEL: func.func @rotary_4d_positions
// CHECK-SAME: (%[[X:.+]]: tensor<2x4x3x8xf32>, %[[COS:.+]]: tensor<50x2xf32>, %[[SIN:.+]]: tensor<50x2xf32>, %[[POS:.+]]: tensor<2x3xi64>)
func.func @rotary_4d_positions(%x: tensor<2x4x3x8xf32>, %cos: tensor<50x2xf32>, %sin: tensor<50x2xf32>, %pos: tensor<2x3xi64>) -> tensor<2x4x3x8xf32> {
  // CHECK: %[[R:.+]] = attn.rope %[[X]], %[[COS]], %[[SIN]] positions(%[[POS]] : tensor<2x3xi64>) {layout = #attn.rope_layout<interleaved>, rotary_dim = 4 : i64}
  // CHECK: return %[[R]]
  %y = "onnx.RotaryEmbedding"(%x, %cos, %sin, %pos) {interleaved = 1 : si64, rotary_embedding_dim = 4 : si64}
      : (tensor<2x4x3x8xf32>, tensor<50x2xf32>, tensor<50x2xf32>, tensor<2x3xi64>) -> tensor<2x4x3x8xf32>
  return %y : tensor<2x4x3x8xf32>
}

// -----

// onnxruntime's spelling: position ids come second, 3-D input with num_heads.
// CHECK-LABEL: func.func @ms_rotary_3d
func.func @ms_rotary_3d(%x: tensor<2x4x16xf32>, %pos: tensor<2x4xi64>, %cos: tensor<32x4xf32>, %sin: tensor<32x4xf32>) -> tensor<2x4x16xf32> {
  // CHECK: %[[SPLIT:.+]] = linalg.transpose
  // CHECK: %[[R:.+]] = attn.rope %[[SPLIT]], %{{.+}}, %{{.+}} positions(%{{.+}} : tensor<2x4xi64>) {rotary_dim = 8 : i64} : tensor<2x2x4x8xf32>
  // CHECK: tensor.collapse_shape
  %y = "onnx.ms.RotaryEmbedding"(%x, %pos, %cos, %sin) {num_heads = 2 : si64}
      : (tensor<2x4x16xf32>, tensor<2x4xi64>, tensor<32x4xf32>, tensor<32x4xf32>) -> tensor<2x4x16xf32>
  return %y : tensor<2x4x16xf32>
}
