// RUN: attnc-opt %s -split-input-file --attn-raise-kv-cache | FileCheck %s
// RUN: attnc-opt %s -split-input-file --attn-raise-kv-cache --attn-raise-attention | FileCheck %s --check-prefix=ATTN

// The exporter's decode step: present_key = Concat(past_key, key) is a graph
// output and, repeated for GQA, the keys of the attention; likewise values.
// CHECK-LABEL: func.func @gqa_past_present
// CHECK-SAME: (%{{[^:]+}}: tensor<1x4x1x8xf32>, %[[K:[^:]+]]: tensor<1x2x1x8xf32>, %[[V:[^:]+]]: tensor<1x2x1x8xf32>, %[[PK:[^:]+]]: tensor<1x2x5x8xf32>, %[[PV:[^:]+]]: tensor<1x2x5x8xf32>)
// CHECK-DAG: %[[PRESENT_K:.+]] = attn.kv_cache_append %[[PK]], %[[K]] : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
// CHECK-DAG: %[[PRESENT_V:.+]] = attn.kv_cache_append %[[PV]], %[[V]] : tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32> -> tensor<1x2x6x8xf32>
// CHECK-DAG: onnx.Unsqueeze %[[PRESENT_K]]
// CHECK-DAG: onnx.Unsqueeze %[[PRESENT_V]]
// CHECK-NOT: onnx.Concat
// CHECK: return %{{.+}}, %[[PRESENT_K]], %[[PRESENT_V]]
// The attention then reads the appended caches unrepeated.
// ATTN-LABEL: func.func @gqa_past_present
// ATTN-SAME: (%[[Q:[^:]+]]: tensor<1x4x1x8xf32>, %[[K:[^:]+]]: tensor<1x2x1x8xf32>, %[[V:[^:]+]]: tensor<1x2x1x8xf32>, %[[PK:[^:]+]]: tensor<1x2x5x8xf32>, %[[PV:[^:]+]]: tensor<1x2x5x8xf32>)
// ATTN-DAG: %[[PRESENT_K:.+]] = attn.kv_cache_append %[[PK]], %[[K]]
// ATTN-DAG: %[[PRESENT_V:.+]] = attn.kv_cache_append %[[PV]], %[[V]]
// ATTN: %[[O:.+]] = attn.attention %[[Q]], %[[PRESENT_K]], %[[PRESENT_V]]
// ATTN: return %[[O]], %[[PRESENT_K]], %[[PRESENT_V]]
func.func @gqa_past_present(%q: tensor<1x4x1x8xf32>, %k: tensor<1x2x1x8xf32>, %v: tensor<1x2x1x8xf32>,
                            %past_k: tensor<1x2x5x8xf32>, %past_v: tensor<1x2x5x8xf32>)
    -> (tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>) {
  %present_k = onnx.Concat %past_k, %k {axis = 2 : si64} : (tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32>) -> tensor<1x2x6x8xf32>
  %present_v = onnx.Concat %past_v, %v {axis = 2 : si64} : (tensor<1x2x5x8xf32>, tensor<1x2x1x8xf32>) -> tensor<1x2x6x8xf32>
  %axis = onnx.Constant dense<2> : tensor<1xi64>
  %to = onnx.Constant dense<[1, 2, 2, 6, 8]> : tensor<5xi64>
  %heads = onnx.Constant dense<[1, 4, 6, 8]> : tensor<4xi64>
  %ku = onnx.Unsqueeze %present_k, %axis : (tensor<1x2x6x8xf32>, tensor<1xi64>) -> tensor<1x2x1x6x8xf32>
  %ke = onnx.Expand %ku, %to : (tensor<1x2x1x6x8xf32>, tensor<5xi64>) -> tensor<1x2x2x6x8xf32>
  %kr = onnx.Reshape %ke, %heads : (tensor<1x2x2x6x8xf32>, tensor<4xi64>) -> tensor<1x4x6x8xf32>
  %vu = onnx.Unsqueeze %present_v, %axis : (tensor<1x2x6x8xf32>, tensor<1xi64>) -> tensor<1x2x1x6x8xf32>
  %ve = onnx.Expand %vu, %to : (tensor<1x2x1x6x8xf32>, tensor<5xi64>) -> tensor<1x2x2x6x8xf32>
  %vr = onnx.Reshape %ve, %heads : (tensor<1x2x2x6x8xf32>, tensor<4xi64>) -> tensor<1x4x6x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x6x8xf32>) -> tensor<1x4x8x6xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x1x8xf32>, tensor<1x4x8x6xf32>) -> tensor<1x4x1x6xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x1x6xf32>) -> tensor<1x4x1x6xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x1x6xf32>, tensor<1x4x6x8xf32>) -> tensor<1x4x1x8xf32>
  return %o, %present_k, %present_v : tensor<1x4x1x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>
}

// -----

// MHA: K^T is a Transpose of the appended keys, V the right operand of the
// MatMul; axis -2 is the sequence axis too.
// CHECK-LABEL: func.func @mha_transpose_and_matmul
// CHECK-SAME: (%{{[^:]+}}: tensor<2x3x4x8xf16>, %[[K:[^:]+]]: tensor<2x3x4x8xf16>, %[[V:[^:]+]]: tensor<2x3x4x8xf16>, %[[PK:[^:]+]]: tensor<2x3x2x8xf16>, %[[PV:[^:]+]]: tensor<2x3x2x8xf16>)
// CHECK: %[[PRESENT_K:.+]] = attn.kv_cache_append %[[PK]], %[[K]] : tensor<2x3x2x8xf16>, tensor<2x3x4x8xf16> -> tensor<2x3x6x8xf16>
// CHECK: %[[PRESENT_V:.+]] = attn.kv_cache_append %[[PV]], %[[V]] : tensor<2x3x2x8xf16>, tensor<2x3x4x8xf16> -> tensor<2x3x6x8xf16>
// CHECK: onnx.Transpose %[[PRESENT_K]]
// CHECK: onnx.MatMul %{{.+}}, %[[PRESENT_V]]
// ATTN-LABEL: func.func @mha_transpose_and_matmul
// ATTN: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {scale = 1.000000e+00 : f64}
func.func @mha_transpose_and_matmul(%q: tensor<2x3x4x8xf16>, %k: tensor<2x3x4x8xf16>, %v: tensor<2x3x4x8xf16>,
                                    %past_k: tensor<2x3x2x8xf16>, %past_v: tensor<2x3x2x8xf16>) -> tensor<2x3x4x8xf16> {
  %present_k = onnx.Concat %past_k, %k {axis = -2 : si64} : (tensor<2x3x2x8xf16>, tensor<2x3x4x8xf16>) -> tensor<2x3x6x8xf16>
  %present_v = onnx.Concat %past_v, %v {axis = 2 : si64} : (tensor<2x3x2x8xf16>, tensor<2x3x4x8xf16>) -> tensor<2x3x6x8xf16>
  %kt = onnx.Transpose %present_k {perm = array<i64: 0, 1, 3, 2>} : (tensor<2x3x6x8xf16>) -> tensor<2x3x8x6xf16>
  %qk = onnx.MatMul %q, %kt : (tensor<2x3x4x8xf16>, tensor<2x3x8x6xf16>) -> tensor<2x3x4x6xf16>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<2x3x4x6xf16>) -> tensor<2x3x4x6xf16>
  %o = onnx.MatMul %p, %present_v : (tensor<2x3x4x6xf16>, tensor<2x3x6x8xf16>) -> tensor<2x3x4x8xf16>
  return %o : tensor<2x3x4x8xf16>
}

// -----

// MQA: one KV head broadcast by Expand.
// CHECK-LABEL: func.func @mqa_expand
// CHECK: %[[PRESENT_K:.+]] = attn.kv_cache_append
// CHECK: onnx.Expand %[[PRESENT_K]]
func.func @mqa_expand(%past_k: tensor<1x1x3x8xf32>, %k: tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32> {
  %present_k = onnx.Concat %past_k, %k {axis = 2 : si64} : (tensor<1x1x3x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x1x4x8xf32>
  %to = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %e = onnx.Expand %present_k, %to : (tensor<1x1x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  return %e : tensor<1x4x4x8xf32>
}

// -----

// Heads repeated by a Concat of copies on the head axis.
// CHECK-LABEL: func.func @heads_concatenated
// CHECK: %[[PRESENT_V:.+]] = attn.kv_cache_append
// CHECK: onnx.Concat %[[PRESENT_V]], %[[PRESENT_V]] {axis = 1 : si64}
func.func @heads_concatenated(%past_v: tensor<1x2x3x8xf32>, %v: tensor<1x2x1x8xf32>) -> tensor<1x4x4x8xf32> {
  %present_v = onnx.Concat %past_v, %v {axis = 2 : si64} : (tensor<1x2x3x8xf32>, tensor<1x2x1x8xf32>) -> tensor<1x2x4x8xf32>
  %heads = onnx.Concat %present_v, %present_v {axis = 1 : si64} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %heads : tensor<1x4x4x8xf32>
}

// -----

// Concatenations on axis 2 that attention does not read stay.
// CHECK-LABEL: func.func @not_read_by_attention
// CHECK: onnx.Concat
// CHECK-NOT: attn.kv_cache_append
func.func @not_read_by_attention(%a: tensor<1x2x3x8xf32>, %b: tensor<1x2x1x8xf32>) -> tensor<1x2x4x8xf32> {
  %c = onnx.Concat %a, %b {axis = 2 : si64} : (tensor<1x2x3x8xf32>, tensor<1x2x1x8xf32>) -> tensor<1x2x4x8xf32>
  %d = onnx.Add %c, %c : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %d : tensor<1x2x4x8xf32>
}

// -----

// The left operand of a MatMul is not V.
// CHECK-LABEL: func.func @left_of_matmul
// CHECK: onnx.Concat
// CHECK-NOT: attn.kv_cache_append
func.func @left_of_matmul(%a: tensor<1x2x3x8xf32>, %b: tensor<1x2x1x8xf32>, %w: tensor<1x2x8x8xf32>) -> tensor<1x2x4x8xf32> {
  %c = onnx.Concat %a, %b {axis = 2 : si64} : (tensor<1x2x3x8xf32>, tensor<1x2x1x8xf32>) -> tensor<1x2x4x8xf32>
  %d = onnx.MatMul %c, %w : (tensor<1x2x4x8xf32>, tensor<1x2x8x8xf32>) -> tensor<1x2x4x8xf32>
  return %d : tensor<1x2x4x8xf32>
}

// -----

// Not the sequence axis.
// CHECK-LABEL: func.func @head_dim_axis
// CHECK: onnx.Concat
// CHECK-NOT: attn.kv_cache_append
func.func @head_dim_axis(%a: tensor<1x2x4x4xf32>, %b: tensor<1x2x4x4xf32>) -> tensor<1x2x8x4xf32> {
  %c = onnx.Concat %a, %b {axis = 3 : si64} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x8xf32>
  %kt = onnx.Transpose %c {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  return %kt : tensor<1x2x8x4xf32>
}

// -----

// Three pieces are not a past and a new part.
// CHECK-LABEL: func.func @three_pieces
// CHECK: onnx.Concat
// CHECK-NOT: attn.kv_cache_append
func.func @three_pieces(%a: tensor<1x2x3x8xf32>, %b: tensor<1x2x1x8xf32>) -> tensor<1x2x8x5xf32> {
  %c = onnx.Concat %a, %b, %b {axis = 2 : si64} : (tensor<1x2x3x8xf32>, tensor<1x2x1x8xf32>, tensor<1x2x1x8xf32>) -> tensor<1x2x5x8xf32>
  %kt = onnx.Transpose %c {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x5x8xf32>) -> tensor<1x2x8x5xf32>
  return %kt : tensor<1x2x8x5xf32>
}

// -----

// Rank 3 (B x T x H*D) is not a per-head cache.
// CHECK-LABEL: func.func @packed_heads
// CHECK: onnx.Concat
// CHECK-NOT: attn.kv_cache_append
func.func @packed_heads(%a: tensor<1x4x3xf32>, %b: tensor<1x4x1xf32>, %p: tensor<1x8x4xf32>) -> tensor<1x8x4xf32> {
  %c = onnx.Concat %a, %b {axis = 2 : si64} : (tensor<1x4x3xf32>, tensor<1x4x1xf32>) -> tensor<1x4x4xf32>
  %d = onnx.MatMul %p, %c : (tensor<1x8x4xf32>, tensor<1x4x4xf32>) -> tensor<1x8x4xf32>
  return %d : tensor<1x8x4xf32>
}

// -----

// A fixed-size cache written by TensorScatter on the sequence axis: circular
// (a window layer's ring buffer) becomes kv_cache_update in ring mode,
// linear (a static cache of the maximum context) in linear mode.
// CHECK-LABEL: func.func @scatter_caches(
// CHECK-SAME:      %[[RING:[^:]+]]: tensor<1x2x4x8xf32>, %[[STATIC:[^:]+]]: tensor<1x2x16x8xf32>, %[[NEW:[^:]+]]: tensor<1x2x1x8xf32>, %[[POS:[^:]+]]: tensor<1xi64>
// CHECK:         %[[K:.+]] = attn.kv_cache_update %[[RING]], %[[NEW]] at %[[POS]] {mode = #attn.cache_mode<ring>} : tensor<1x2x4x8xf32>, tensor<1x2x1x8xf32>, tensor<1xi64>
// CHECK:         onnx.Transpose %[[K]]
// CHECK:         %[[V:.+]] = attn.kv_cache_update %[[STATIC]], %[[NEW]] at %[[POS]] : tensor<1x2x16x8xf32>, tensor<1x2x1x8xf32>, tensor<1xi64>
// CHECK:         onnx.MatMul %{{.+}}, %[[V]]
// CHECK-NOT:     onnx.TensorScatter
func.func @scatter_caches(%ring: tensor<1x2x4x8xf32>, %static: tensor<1x2x16x8xf32>,
                          %new: tensor<1x2x1x8xf32>, %pos: tensor<1xi64>,
                          %p: tensor<1x2x1x16xf32>) -> (tensor<1x2x8x4xf32>, tensor<1x2x1x8xf32>) {
  %k = onnx.TensorScatter %ring, %new, %pos {axis = 2 : si64, mode = "circular"}
      : (tensor<1x2x4x8xf32>, tensor<1x2x1x8xf32>, tensor<1xi64>) -> tensor<1x2x4x8xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %v = onnx.TensorScatter %static, %new, %pos {axis = -2 : si64}
      : (tensor<1x2x16x8xf32>, tensor<1x2x1x8xf32>, tensor<1xi64>) -> tensor<1x2x16x8xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x1x16xf32>, tensor<1x2x16x8xf32>) -> tensor<1x2x1x8xf32>
  return %kt, %o : tensor<1x2x8x4xf32>, tensor<1x2x1x8xf32>
}

// -----

// Left alone: no write_indices, another axis, and a scatter attention does
// not read.
// CHECK-LABEL: func.func @scatter_not_caches
// CHECK-COUNT-3: onnx.TensorScatter
// CHECK-NOT:     attn.kv_cache_update
func.func @scatter_not_caches(%c: tensor<1x2x4x8xf32>, %new: tensor<1x2x1x8xf32>,
                              %wide: tensor<1x2x4x2xf32>, %pos: tensor<1xi64>)
    -> (tensor<1x2x8x4xf32>, tensor<1x2x8x4xf32>, tensor<1x2x4x8xf32>) {
  %none = onnx.NoValue
  %a = onnx.TensorScatter %c, %new, %none {axis = 2 : si64, mode = "circular"}
      : (tensor<1x2x4x8xf32>, tensor<1x2x1x8xf32>, none) -> tensor<1x2x4x8xf32>
  %at = onnx.Transpose %a {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %b = onnx.TensorScatter %c, %wide, %pos {axis = 3 : si64}
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x2xf32>, tensor<1xi64>) -> tensor<1x2x4x8xf32>
  %bt = onnx.Transpose %b {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %d = onnx.TensorScatter %c, %new, %pos {axis = 2 : si64}
      : (tensor<1x2x4x8xf32>, tensor<1x2x1x8xf32>, tensor<1xi64>) -> tensor<1x2x4x8xf32>
  return %at, %bt, %d : tensor<1x2x8x4xf32>, tensor<1x2x8x4xf32>, tensor<1x2x4x8xf32>
}
