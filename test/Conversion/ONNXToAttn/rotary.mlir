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

// -----

// Without position ids, ONNX's tables are already gathered per token.
// CHECK-LABEL: func.func @rotary_per_token_tables
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x4x3x8xf32>, %[[COS:[^:]+]]: tensor<2x3x2xf32>, %[[SIN:[^:]+]]: tensor<2x3x2xf32>)
func.func @rotary_per_token_tables(%x: tensor<2x4x3x8xf32>, %cos: tensor<2x3x2xf32>, %sin: tensor<2x3x2xf32>) -> tensor<2x4x3x8xf32> {
  %none = onnx.NoValue
  // CHECK: %[[R:.+]] = attn.rope %[[X]], %[[COS]], %[[SIN]] {rotary_dim = 4 : i64} : tensor<2x4x3x8xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>
  // CHECK: return %[[R]]
  %y = "onnx.RotaryEmbedding"(%x, %cos, %sin, %none) {rotary_embedding_dim = 4 : si64}
      : (tensor<2x4x3x8xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>, none) -> tensor<2x4x3x8xf32>
  return %y : tensor<2x4x3x8xf32>
}

// -----

// onnxruntime's single start offset: token s of every batch sits at
// position start + s.
// CHECK-DAG: #[[$START:.+]] = affine_map<(d0, d1) -> (0)>
// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @ms_rotary_offset_positions
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x2x3x8xf32>, %[[START:[^:]+]]: tensor<1xi64>, %[[COS:[^:]+]]: tensor<16x4xf32>, %[[SIN:[^:]+]]: tensor<16x4xf32>)
func.func @ms_rotary_offset_positions(%x: tensor<2x2x3x8xf32>, %start: tensor<1xi64>, %cos: tensor<16x4xf32>, %sin: tensor<16x4xf32>) -> tensor<2x2x3x8xf32> {
  // CHECK: %[[IDS:.+]] = linalg.generic {indexing_maps = [#[[$START]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[START]] : tensor<1xi64>) outs(%{{.+}} : tensor<2x3xi64>)
  // CHECK-NEXT: ^bb0(%[[S0:.+]]: i64, %{{.+}}: i64):
  // CHECK-NEXT: %[[T:.+]] = linalg.index 1 : index
  // CHECK-NEXT: %[[TI:.+]] = arith.index_cast %[[T]] : index to i64
  // CHECK-NEXT: %[[P:.+]] = arith.addi %[[S0]], %[[TI]] : i64
  // CHECK-NEXT: linalg.yield %[[P]] : i64
  // CHECK: %[[R:.+]] = attn.rope %[[X]], %[[COS]], %[[SIN]] positions(%[[IDS]] : tensor<2x3xi64>) {rotary_dim = 8 : i64}
  // CHECK: return %[[R]]
  %y = "onnx.ms.RotaryEmbedding"(%x, %start, %cos, %sin) {}
      : (tensor<2x2x3x8xf32>, tensor<1xi64>, tensor<16x4xf32>, tensor<16x4xf32>) -> tensor<2x2x3x8xf32>
  return %y : tensor<2x2x3x8xf32>
}

// -----

// onnxruntime derives the head count from the table width when num_heads is
// omitted: 32 channels of heads of 2 * 4.
// CHECK-LABEL: func.func @ms_rotary_3d_heads_from_tables
func.func @ms_rotary_3d_heads_from_tables(%x: tensor<1x3x32xf32>, %pos: tensor<1x3xi64>, %cos: tensor<16x4xf32>, %sin: tensor<16x4xf32>) -> tensor<1x3x32xf32> {
  // CHECK: attn.rope %{{.+}}, %{{.+}}, %{{.+}} positions(%{{.+}} : tensor<1x3xi64>) {rotary_dim = 8 : i64} : tensor<1x4x3x8xf32>
  %y = "onnx.ms.RotaryEmbedding"(%x, %pos, %cos, %sin) {}
      : (tensor<1x3x32xf32>, tensor<1x3xi64>, tensor<16x4xf32>, tensor<16x4xf32>) -> tensor<1x3x32xf32>
  return %y : tensor<1x3x32xf32>
}
