// RUN: attnc-opt %s -split-input-file --attn-raise-attention | FileCheck %s
// RUN: attnc-opt %s -split-input-file --attn-raise-attention="remarks=true" -verify-diagnostics >/dev/null

// GQA as the PyTorch exporter's torch_lib SDPA writes it (the
// decomposed-sdpa/torchlib_sdpa_gqa_causal conformance case after
// canonicalization): K and V repeated by Unsqueeze(2) + Expand + Reshape,
// K^T through a rank-3 view (Reshape to B*H x S x D, Transpose [0, 2, 1],
// Reshape back), sqrt(1/sqrt(D)) on Q and on K^T with D an int64 cast to
// float. The op reads the 2 KV heads directly, scale 1/sqrt(8).
// CHECK-LABEL: func.func @torchlib_gqa_causal
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] {causal, scale = 0.353553{{[0-9]+}} : f64} : tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x4x4x8xf32>
// CHECK-NOT: onnx.
// CHECK: return %[[O]]
func.func @torchlib_gqa_causal(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %flat = onnx.Constant dense<[-1, 4, 8]> : tensor<3xi64>
  %ktshape = onnx.Constant dense<[1, 4, 8, 4]> : tensor<4xi64>
  %shape5 = onnx.Constant dense<[1, 2, 2, 4, 8]> : tensor<5xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %axis = onnx.Constant dense<2> : tensor<1xi64>
  %one = onnx.Constant dense<1.000000e+00> : tensor<f32>
  %d = onnx.Constant dense<8> : tensor<1xi64>
  %m = onnx.Constant dense<[[0.0, -3.40282347E+38, -3.40282347E+38, -3.40282347E+38], [0.0, 0.0, -3.40282347E+38, -3.40282347E+38], [0.0, 0.0, 0.0, -3.40282347E+38], [0.0, 0.0, 0.0, 0.0]]> : tensor<4x4xf32>
  %df = onnx.CastLike %d, %q : (tensor<1xi64>, tensor<1x4x4x8xf32>) -> tensor<1xf32>
  %onef = onnx.CastLike %one, %q : (tensor<f32>, tensor<1x4x4x8xf32>) -> tensor<f32>
  %sqrtd = onnx.Sqrt %df : (tensor<1xf32>) -> tensor<1xf32>
  %scale = onnx.Div %onef, %sqrtd : (tensor<f32>, tensor<1xf32>) -> tensor<1xf32>
  %ku = onnx.Unsqueeze %k, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %ke = onnx.Expand %ku, %shape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %ve = onnx.Expand %vu, %shape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %ke, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Reshape %ve, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kf = onnx.Reshape %kr, %flat : (tensor<1x4x4x8xf32>, tensor<3xi64>) -> tensor<4x4x8xf32>
  %kft = onnx.Transpose %kf {perm = array<i64: 0, 2, 1>} : (tensor<4x4x8xf32>) -> tensor<4x8x4xf32>
  %kt = onnx.Reshape %kft, %ktshape : (tensor<4x8x4xf32>, tensor<4xi64>) -> tensor<1x4x8x4xf32>
  %root = onnx.Sqrt %scale : (tensor<1xf32>) -> tensor<1xf32>
  %qs = onnx.Mul %q, %root : (tensor<1x4x4x8xf32>, tensor<1xf32>) -> tensor<1x4x4x8xf32>
  %rootk = onnx.CastLike %root, %kt : (tensor<1xf32>, tensor<1x4x8x4xf32>) -> tensor<1xf32>
  %kts = onnx.Mul %kt, %rootk : (tensor<1x4x8x4xf32>, tensor<1xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %qs, %kts : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x4x4x4xf32>, tensor<4x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// The copies as a Mul of the Unsqueeze by ones (an Expand in disguise: x * 1
// is x), by a constant on K and by a ConstantOfShape of 1.0 on V; K^T
// through the rank-3 view. Query head h reads KV head h / 2: folded.
// CHECK-LABEL: func.func @gqa_mul_by_ones
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x4x4x8xf32>
// CHECK-NOT: onnx.
// CHECK: return %[[O]]
func.func @gqa_mul_by_ones(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %flat = onnx.Constant dense<[-1, 4, 8]> : tensor<3xi64>
  %ktshape = onnx.Constant dense<[1, 4, 8, 4]> : tensor<4xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %axis = onnx.Constant dense<2> : tensor<1xi64>
  %ones = onnx.Constant dense<1.000000e+00> : tensor<1x1x2x1x1xf32>
  %shape5 = onnx.Constant dense<[1, 2, 2, 4, 8]> : tensor<5xi64>
  %ones5 = onnx.ConstantOfShape %shape5 {value = dense<1.000000e+00> : tensor<1xf32>} : (tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %ku = onnx.Unsqueeze %k, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %ke = onnx.Mul %ku, %ones : (tensor<1x2x1x4x8xf32>, tensor<1x1x2x1x1xf32>) -> tensor<1x2x2x4x8xf32>
  %ve = onnx.Mul %ones5, %vu : (tensor<1x2x2x4x8xf32>, tensor<1x2x1x4x8xf32>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %ke, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Reshape %ve, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kf = onnx.Reshape %kr, %flat : (tensor<1x4x4x8xf32>, tensor<3xi64>) -> tensor<4x4x8xf32>
  %kft = onnx.Transpose %kf {perm = array<i64: 0, 2, 1>} : (tensor<4x4x8xf32>) -> tensor<4x8x4xf32>
  %kt = onnx.Reshape %kft, %ktshape : (tensor<4x8x4xf32>, tensor<4xi64>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// MQA: the single KV head broadcast to 4 heads by a Mul by ones.
// CHECK-LABEL: func.func @mqa_mul_by_ones
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x1x4x8xf32>, %[[V:.+]]: tensor<1x1x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32> -> tensor<1x4x4x8xf32>
// CHECK-NOT: onnx.Mul
func.func @mqa_mul_by_ones(%q: tensor<1x4x4x8xf32>, %k: tensor<1x1x4x8xf32>, %v: tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %ones = onnx.Constant dense<1.000000e+00> : tensor<1x4x1x1xf32>
  %kr = onnx.Mul %k, %ones : (tensor<1x1x4x8xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Mul %ones, %v : (tensor<1x4x1x1xf32>, tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near-miss, wrong repeat order: the copies are made on axis 1 (B x G x Hkv
// x S x D, tile style), so after the Reshape query head h reads KV head
// h % 2, not h / 2. Raised as multi-head attention over the repeated K and
// V (K read through the rank-3 view), with a remark.
// CHECK-LABEL: func.func @near_miss_tile_order
// CHECK-DAG: %[[KR:.+]] = onnx.Reshape %{{.+}} -> tensor<1x4x4x8xf32>
// CHECK-DAG: %[[VR:.+]] = onnx.Reshape %{{.+}} -> tensor<1x4x4x8xf32>
// CHECK: attn.attention %{{.+}}, %[[KR]], %[[VR]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @near_miss_tile_order(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %flat = onnx.Constant dense<[-1, 4, 8]> : tensor<3xi64>
  %ktshape = onnx.Constant dense<[1, 4, 8, 4]> : tensor<4xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %axis = onnx.Constant dense<1> : tensor<1xi64>
  %ones = onnx.Constant dense<1.000000e+00> : tensor<1x2x1x1x1xf32>
  %ku = onnx.Unsqueeze %k, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x1x2x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x1x2x4x8xf32>
  %ke = onnx.Mul %ku, %ones : (tensor<1x1x2x4x8xf32>, tensor<1x2x1x1x1xf32>) -> tensor<1x2x2x4x8xf32>
  %ve = onnx.Mul %vu, %ones : (tensor<1x1x2x4x8xf32>, tensor<1x2x1x1x1xf32>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %ke, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Reshape %ve, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kf = onnx.Reshape %kr, %flat : (tensor<1x4x4x8xf32>, tensor<3xi64>) -> tensor<4x4x8xf32>
  %kft = onnx.Transpose %kf {perm = array<i64: 0, 2, 1>} : (tensor<4x4x8xf32>) -> tensor<4x8x4xf32>
  %kt = onnx.Reshape %kft, %ktshape : (tensor<4x8x4xf32>, tensor<4xi64>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  // expected-remark @+1 {{K/V heads are repeated by Unsqueeze + Mul by ones on axis 1 + Reshape, which gives query head h the KV head h % Hkv, not attn's h / G: kept as multi-head attention over the repeated heads}}
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near-miss: the Mul that broadcasts K's Unsqueeze is by 2, not by ones, so
// the "copies" are not K's heads. K and V stay repeated (the Mul stays).
// CHECK-LABEL: func.func @near_miss_mul_not_ones
// CHECK: onnx.Mul %{{.+}} : (tensor<1x2x1x4x8xf32>, tensor<1x1x2x1x1xf32>) -> tensor<1x2x2x4x8xf32>
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @near_miss_mul_not_ones(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %flat = onnx.Constant dense<[-1, 4, 8]> : tensor<3xi64>
  %ktshape = onnx.Constant dense<[1, 4, 8, 4]> : tensor<4xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %shape5 = onnx.Constant dense<[1, 2, 2, 4, 8]> : tensor<5xi64>
  %axis = onnx.Constant dense<2> : tensor<1xi64>
  %twos = onnx.Constant dense<2.000000e+00> : tensor<1x1x2x1x1xf32>
  %ku = onnx.Unsqueeze %k, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %ke = onnx.Mul %ku, %twos : (tensor<1x2x1x4x8xf32>, tensor<1x1x2x1x1xf32>) -> tensor<1x2x2x4x8xf32>
  %ve = onnx.Expand %vu, %shape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %ke, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Reshape %ve, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kf = onnx.Reshape %kr, %flat : (tensor<1x4x4x8xf32>, tensor<3xi64>) -> tensor<4x4x8xf32>
  %kft = onnx.Transpose %kf {perm = array<i64: 0, 2, 1>} : (tensor<4x4x8xf32>) -> tensor<4x8x4xf32>
  %kt = onnx.Reshape %kft, %ktshape : (tensor<4x8x4xf32>, tensor<4xi64>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  // expected-remark @+1 {{K heads look repeated, but the Mul that broadcasts the Unsqueeze multiplies by a value that is not known to be all ones (only a Mul by ones is an Expand): kept as multi-head attention over the repeated heads}}
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near-miss: the Reshape after K's copies (1x2x2x4x8) gives 1x4x8x4: the
// element count matches but it splits S x D differently, so its heads are
// not copies of K's. Raised over the reshaped tensors, with a remark.
// CHECK-LABEL: func.func @near_miss_mismatched_reshape
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {scale = 1.000000e+00 : f64} : tensor<1x4x4x4xf32>, tensor<1x4x8x4xf32>, tensor<1x4x8x8xf32> -> tensor<1x4x4x8xf32>
func.func @near_miss_mismatched_reshape(%q: tensor<1x4x4x4xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x8x8xf32>) -> tensor<1x4x4x8xf32> {
  %axis = onnx.Constant dense<2> : tensor<1xi64>
  %kshape5 = onnx.Constant dense<[1, 2, 2, 4, 8]> : tensor<5xi64>
  %vshape5 = onnx.Constant dense<[1, 2, 2, 8, 8]> : tensor<5xi64>
  %kshape4 = onnx.Constant dense<[1, 4, 8, 4]> : tensor<4xi64>
  %vshape4 = onnx.Constant dense<[1, 4, 8, 8]> : tensor<4xi64>
  %ku = onnx.Unsqueeze %k, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axis : (tensor<1x2x8x8xf32>, tensor<1xi64>) -> tensor<1x2x1x8x8xf32>
  %ke = onnx.Expand %ku, %kshape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %ve = onnx.Expand %vu, %vshape5 : (tensor<1x2x1x8x8xf32>, tensor<5xi64>) -> tensor<1x2x2x8x8xf32>
  %kr = onnx.Reshape %ke, %kshape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x8x4xf32>
  %vr = onnx.Reshape %ve, %vshape4 : (tensor<1x2x2x8x8xf32>, tensor<4xi64>) -> tensor<1x4x8x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x8x4xf32>) -> tensor<1x4x4x8xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  // expected-remark @+1 {{K heads look repeated, but the Reshape of the Unsqueeze + Expand copies from 1x2x2x4x8 to 1x4x8x4 does not merge just the head and copy axes: kept as multi-head attention over the repeated heads}}
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near-miss in the rank-3 view: the first Reshape flattens K to 4 x 8 x 4
// (S and D regrouped), so Reshape(Transpose(Reshape(K))) is not K^T. It is
// kept as an opaque K^T (transposed back), the repetition under it is not
// read through, and only V's repetition is left: raised as multi-head
// attention, with a remark.
// CHECK-LABEL: func.func @near_miss_view_not_transpose
// CHECK: %[[KT:.+]] = onnx.Reshape %{{.+}} -> tensor<1x4x8x4xf32>
// CHECK: %[[K:.+]] = onnx.Transpose %[[KT]] {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x8x4xf32>) -> tensor<1x4x4x8xf32>
// CHECK: attn.attention %{{.+}}, %[[K]], %{{.+}} {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @near_miss_view_not_transpose(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %flat = onnx.Constant dense<[-1, 8, 4]> : tensor<3xi64>
  %ktshape = onnx.Constant dense<[1, 4, 8, 4]> : tensor<4xi64>
  %shape5 = onnx.Constant dense<[1, 2, 2, 4, 8]> : tensor<5xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %axis = onnx.Constant dense<2> : tensor<1xi64>
  %ku = onnx.Unsqueeze %k, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axis : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %ke = onnx.Expand %ku, %shape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %ve = onnx.Expand %vu, %shape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %ke, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Reshape %ve, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kf = onnx.Reshape %kr, %flat : (tensor<1x4x4x8xf32>, tensor<3xi64>) -> tensor<4x8x4xf32>
  %kft = onnx.Transpose %kf {perm = array<i64: 0, 2, 1>} : (tensor<4x8x4xf32>) -> tensor<4x4x8xf32>
  %kt = onnx.Reshape %kft, %ktshape : (tensor<4x4x8xf32>, tensor<4xi64>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  // expected-remark @+1 {{only the V heads are repeated (by Unsqueeze + Expand on axis 2 + Reshape): kept as multi-head attention over the repeated heads}}
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}
