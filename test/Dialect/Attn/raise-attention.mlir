// RUN: attnc-opt %s -split-input-file --attn-raise-attention | FileCheck %s
// RUN: attnc-opt %s -split-input-file --attn-raise-attention="remarks=true" -verify-diagnostics >/dev/null

// Scale as Div after QK^T, K^T as a Transpose: the PyTorch/HF eager spelling.
// CHECK-LABEL: func.func @div_scale
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] {scale = 2.500000e-01 : f64}
// CHECK-NOT: onnx.
// CHECK: return %[[O]]
func.func @div_scale(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<4.0> : tensor<f32>
  %s = onnx.Div %qk, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// No scale at all is scale 1, not attn's default 1/sqrt(D).
// CHECK-LABEL: func.func @no_scale
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {scale = 1.000000e+00 : f64}
func.func @no_scale(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %qk {axis = 3 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Scale as Mul on Q before the MatMul (constant on the left).
// CHECK-LABEL: func.func @mul_scale_on_query
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.250000e-01 : f64}
func.func @mul_scale_on_query(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %c = onnx.Constant dense<0.125> : tensor<1xf32>
  %qs = onnx.Mul %c, %q : (tensor<1xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %qs, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// sqrt(scale) on both Q and K^T (the torch_lib SDPA spelling): the op's scale
// is the product.
// CHECK-LABEL: func.func @sqrt_scale_on_both
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 2.500000e-01 : f64}
func.func @sqrt_scale_on_both(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %c = onnx.Constant dense<0.5> : tensor<f32>
  %qs = onnx.Mul %q, %c : (tensor<1x2x4x8xf32>, tensor<f32>) -> tensor<1x2x4x8xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %kts = onnx.Mul %kt, %c : (tensor<1x2x8x4xf32>, tensor<f32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %qs, %kts : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// K^T given as a value: the key is transposed back for the op.
// CHECK-LABEL: func.func @pretransposed_key
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[KT:.+]]: tensor<1x2x8x4xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[K:.+]] = onnx.Transpose %[[KT]] {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x8x4xf32>) -> tensor<1x2x4x8xf32>
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64}
func.func @pretransposed_key(%q: tensor<1x2x4x8xf32>, %kt: tensor<1x2x8x4xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// K in B x S x H x D permuted straight to B x H x D x S: one Transpose with
// the composed permutation gives B x H x S x D.
// CHECK-LABEL: func.func @permuted_key
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[KBSHD:.+]]: tensor<1x4x2x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[K:.+]] = onnx.Transpose %[[KBSHD]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x8xf32>) -> tensor<1x2x4x8xf32>
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]]
func.func @permuted_key(%q: tensor<1x2x4x8xf32>, %k: tensor<1x4x2x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Softcap (Gemma 2) between the scale and the mask.
// CHECK-LABEL: func.func @softcap
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 2.500000e-01 : f64, softcap = 3.000000e+01 : f64}
func.func @softcap(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<0.25> : tensor<f32>
  %s = onnx.Mul %qk, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %cap = onnx.Constant dense<30.0> : tensor<f32>
  %d = onnx.Div %s, %cap : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %t = onnx.Tanh %d : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %sc = onnx.Mul %t, %cap : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %sc {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// A constant -inf causal mask becomes the causal attribute.
// CHECK-LABEL: func.func @causal_neg_inf
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {causal, scale = 1.000000e+00 : f64}
// CHECK-NOT: onnx.
func.func @causal_neg_inf(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %m = onnx.Constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [0.0, 0.0, 0xFF800000, 0xFF800000], [0.0, 0.0, 0.0, 0xFF800000], [0.0, 0.0, 0.0, 0.0]]> : tensor<4x4xf32>
  %s = onnx.Add %m, %qk : (tensor<4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// The lowest finite value (PyTorch's finfo.min) masks exactly like -inf when
// no row is fully masked: masked_rows stays zero.
// CHECK-LABEL: func.func @causal_lowest_finite
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64}
func.func @causal_lowest_finite(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %m = onnx.Constant dense<[[[[0.0, -3.40282347E+38, -3.40282347E+38, -3.40282347E+38], [0.0, 0.0, -3.40282347E+38, -3.40282347E+38], [0.0, 0.0, 0.0, -3.40282347E+38], [0.0, 0.0, 0.0, 0.0]]]]> : tensor<1x1x4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Two new queries over four keys, causal aligned bottom-right (decode /
// chunked prefill): the default alignment.
// CHECK-LABEL: func.func @causal_bottom_right
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64}
func.func @causal_bottom_right(%q: tensor<1x2x2x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x2x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x2x4xf32>
  %m = onnx.Constant dense<[[0.0, 0.0, 0.0, 0xFF800000], [0.0, 0.0, 0.0, 0.0]]> : tensor<2x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x2x4xf32>, tensor<2x4xf32>) -> tensor<1x2x2x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x2x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32>
  return %o : tensor<1x2x2x8xf32>
}

// -----

// The same shapes with a top-left triangle.
// CHECK-LABEL: func.func @causal_top_left
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {alignment = #attn.alignment<top_left>, causal, scale = 1.000000e+00 : f64}
func.func @causal_top_left(%q: tensor<1x2x2x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x2x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x2x4xf32>
  %m = onnx.Constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [0.0, 0.0, 0xFF800000, 0xFF800000]]> : tensor<2x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x2x4xf32>, tensor<2x4xf32>) -> tensor<1x2x2x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x2x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32>
  return %o : tensor<1x2x2x8xf32>
}

// -----

// A sliding window of 2 keys: window_left = W - 1.
// CHECK-LABEL: func.func @sliding_window
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64, window_left = 1 : i64}
func.func @sliding_window(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %m = onnx.Constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [0.0, 0.0, 0xFF800000, 0xFF800000], [0xFF800000, 0.0, 0.0, 0xFF800000], [0xFF800000, 0xFF800000, 0.0, 0.0]]> : tensor<4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// More queries than keys, bottom-right: the first two rows see no key. With
// the lowest finite value the graph averages V uniformly there.
// CHECK-LABEL: func.func @lowest_finite_fully_masked_rows
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, masked_rows = #attn.masked_rows<uniform>, scale = 1.000000e+00 : f64}
func.func @lowest_finite_fully_masked_rows(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x2x8xf32>, %v: tensor<1x2x2x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x2x8xf32>) -> tensor<1x2x8x2xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x2xf32>) -> tensor<1x2x4x2xf32>
  %m = onnx.Constant dense<[[-3.40282347E+38, -3.40282347E+38], [-3.40282347E+38, -3.40282347E+38], [0.0, -3.40282347E+38], [0.0, 0.0]]> : tensor<4x2xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x2xf32>, tensor<4x2xf32>) -> tensor<1x2x4x2xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x2xf32>, tensor<1x2x2x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// With -inf the graph gives NaN on those rows; no policy reproduces NaN, so
// the op keeps masked_rows = zero.
// CHECK-LABEL: func.func @neg_inf_fully_masked_rows
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64}
func.func @neg_inf_fully_masked_rows(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x2x8xf32>, %v: tensor<1x2x2x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x2x8xf32>) -> tensor<1x2x8x2xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x2xf32>) -> tensor<1x2x4x2xf32>
  %m = onnx.Constant dense<[[0xFF800000, 0xFF800000], [0xFF800000, 0xFF800000], [0.0, 0xFF800000], [0.0, 0.0]]> : tensor<4x2xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x2xf32>, tensor<4x2xf32>) -> tensor<1x2x4x2xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x2xf32>, tensor<1x2x2x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// A mask that is a graph input stays an additive mask operand.
// CHECK-LABEL: func.func @input_mask
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>, %[[M:.+]]: tensor<1x1x4x4xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] mask(%[[M]] : tensor<1x1x4x4xf32>) {scale = 1.000000e+00 : f64}
func.func @input_mask(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %m: tensor<1x1x4x4xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// A constant mask that is not causal (key 2 hidden from every query) is kept.
// CHECK-LABEL: func.func @constant_non_causal_mask
// CHECK: %[[M:.+]] = onnx.Constant
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} mask(%[[M]] : tensor<4x4xf32>) {scale = 1.000000e+00 : f64}
func.func @constant_non_causal_mask(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %m = onnx.Constant dense<[[0.0, 0.0, 0xFF800000, 0.0], [0.0, 0.0, 0xFF800000, 0.0], [0.0, 0.0, 0xFF800000, 0.0], [0.0, 0.0, 0xFF800000, 0.0]]> : tensor<4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// GQA as HF repeat_kv writes it: K and V of 2 heads repeated for 4 query
// heads by Unsqueeze + Expand + Reshape; the op reads the 2 heads directly.
// CHECK-LABEL: func.func @gqa_repeat_kv
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x4x4x8xf32>
// CHECK-NOT: onnx.Expand
func.func @gqa_repeat_kv(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  %shape5 = onnx.Constant dense<[1, 2, 2, 4, 8]> : tensor<5xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %ku = onnx.Unsqueeze %k, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %ke = onnx.Expand %ku, %shape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %ke, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %ve = onnx.Expand %vu, %shape5 : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %vr = onnx.Reshape %ve, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// MQA through MatMul's batch broadcasting of a single KV head.
// CHECK-LABEL: func.func @mqa_broadcast
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x1x4x8xf32>, %[[V:.+]]: tensor<1x1x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @mqa_broadcast(%q: tensor<1x4x4x8xf32>, %k: tensor<1x1x4x8xf32>, %v: tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x1x4x8xf32>) -> tensor<1x1x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x1x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x4x4x4xf32>, tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// f16 attention whose Softmax runs in f32 between Casts.
// CHECK-LABEL: func.func @f16_softmax_in_f32
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {scale = 1.000000e+00 : f64, softmax_precision = f32}
// CHECK-NOT: onnx.Cast
func.func @f16_softmax_in_f32(%q: tensor<1x2x4x8xf16>, %k: tensor<1x2x4x8xf16>, %v: tensor<1x2x4x8xf16>) -> tensor<1x2x4x8xf16> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf16>) -> tensor<1x2x8x4xf16>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf16>, tensor<1x2x8x4xf16>) -> tensor<1x2x4x4xf16>
  %w = onnx.Cast %qk {to = 1 : si64} : (tensor<1x2x4x4xf16>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %w {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %n = onnx.Cast %p {to = 10 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf16>
  %o = onnx.MatMul %n, %v : (tensor<1x2x4x4xf16>, tensor<1x2x4x8xf16>) -> tensor<1x2x4x8xf16>
  return %o : tensor<1x2x4x8xf16>
}

// -----

// Near-miss: a Softmax over the query axis is not attention.
// CHECK-LABEL: func.func @softmax_not_over_keys
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @softmax_not_over_keys(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax is over axis 2, not the last (key) axis}}
  %p = onnx.Softmax %qk {axis = 2 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: a scale applied after the mask also scales the mask.
// CHECK-LABEL: func.func @scale_after_mask
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @scale_after_mask(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %m: tensor<4x4xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %a = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<4.0> : tensor<f32>
  %s = onnx.Div %a, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax input is not Q K^T}}
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: the probabilities are the right operand of the last MatMul.
// CHECK-LABEL: func.func @probabilities_on_the_right
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @probabilities_on_the_right(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x8x4xf32>) -> tensor<1x2x8x4xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax result is not the left operand of a MatMul with V}}
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %v, %p : (tensor<1x2x8x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x8x4xf32>
  return %o : tensor<1x2x8x4xf32>
}

// -----

// Q K^T is also a result of the function (ONNX Attention's qk_matmul_output
// in mode 0): its MatMul stays for that result, the Softmax dies with the
// block.
// CHECK-LABEL: func.func @scores_used_elsewhere
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[KT:.+]] = onnx.Transpose %[[K]]
// CHECK: %[[QK:.+]] = onnx.MatMul %[[Q]], %[[KT]]
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64}
// CHECK-NOT: onnx.Softmax
// CHECK: return %[[O]], %[[QK]]
func.func @scores_used_elsewhere(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> (tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>) {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{the onnx.MatMul result inside the attention block is also read outside it: the ops computing it stay for those readers}}
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o, %qk : tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>
}

// -----

// The softcapped scores are also a result (qk_matmul_output mode 2): the
// ops up to the softcap stay, the mask Add and the Softmax die.
// CHECK-LABEL: func.func @softcapped_scores_used_elsewhere
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>, %[[M:.+]]: tensor<4x4xf32>)
// CHECK: %[[TANH:.+]] = onnx.Tanh
// CHECK: %[[CAPPED:.+]] = onnx.Mul %[[TANH]]
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] mask(%[[M]] : tensor<4x4xf32>) {scale = 2.500000e-01 : f64, softcap = 3.000000e+01 : f64}
// CHECK-NOT: onnx.Add
// CHECK-NOT: onnx.Softmax
// CHECK: return %[[O]], %[[CAPPED]]
func.func @softcapped_scores_used_elsewhere(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %m: tensor<4x4xf32>) -> (tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>) {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<0.25> : tensor<f32>
  %s = onnx.Mul %qk, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %cap = onnx.Constant dense<30.0> : tensor<f32>
  %d = onnx.Div %s, %cap : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %t = onnx.Tanh %d : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %sc = onnx.Mul %t, %cap : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %sm = onnx.Add %sc, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %sm {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{the onnx.Mul result inside the attention block is also read outside it}}
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o, %sc : tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>
}

// -----

// ONNX Attention's function body with the probabilities (after the zeroing
// of fully masked rows) also a result, qk_matmul_output mode 3; the masked
// scores are read by yet another user. Everything up to the probabilities
// stays for those readers; the attention no longer depends on it, and the
// Softmax left behind gets no "not raised" remark (no MatMul reads it).
// CHECK-LABEL: func.func @probabilities_used_elsewhere
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>, %[[M:.+]]: tensor<4x4xf32>)
// CHECK: %[[S:.+]] = onnx.Add
// CHECK: %[[P:.+]] = onnx.Softmax %[[S]]
// CHECK: %[[PZ:.+]] = onnx.Where %{{.+}}, %{{.+}}, %[[P]]
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] mask(%[[M]] : tensor<4x4xf32>) {scale = 2.500000e-01 : f64}
// CHECK: return %[[O]], %[[PZ]], %[[S]]
func.func @probabilities_used_elsewhere(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %m: tensor<4x4xf32>) -> (tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) {
  %c = onnx.Constant dense<0.5> : tensor<1xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qs = onnx.Mul %q, %c : (tensor<1x2x4x8xf32>, tensor<1xf32>) -> tensor<1x2x4x8xf32>
  %kts = onnx.Mul %kt, %c : (tensor<1x2x8x4xf32>, tensor<1xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %qs, %kts : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %max = onnx.ReduceMax %m, %last : (tensor<4x4xf32>, tensor<1xi64>) -> tensor<4x1xf32>
  %ninf = onnx.Constant dense<0xFF800000> : tensor<1xf32>
  %hidden = onnx.Equal %max, %ninf : (tensor<4x1xf32>, tensor<1xf32>) -> tensor<4x1xi1>
  %zero = onnx.Constant dense<0.0> : tensor<1xf32>
  %pz = onnx.Where %hidden, %zero, %p : (tensor<4x1xi1>, tensor<1xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{the onnx.Where result inside the attention block is also read outside it}}
  %o = onnx.MatMul %pz, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o, %pz, %s : tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>
}

// -----

// Near-miss: the Tanh's divisor and multiplier differ: not a softcap.
// CHECK-LABEL: func.func @softcap_mismatch
// CHECK-NOT: attn.attention
// CHECK: onnx.Tanh
func.func @softcap_mismatch(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c30 = onnx.Constant dense<30.0> : tensor<f32>
  %c20 = onnx.Constant dense<20.0> : tensor<f32>
  %d = onnx.Div %qk, %c30 : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %t = onnx.Tanh %d : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %sc = onnx.Mul %t, %c20 : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax input is not Q K^T}}
  %p = onnx.Softmax %sc {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: a per-key scale is not a scalar.
// CHECK-LABEL: func.func @per_key_scale
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @per_key_scale(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %s = onnx.Mul %qk, %c : (tensor<1x2x4x4xf32>, tensor<4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax input is not Q K^T}}
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: H x S x D attention (rank 3) is not raised.
// CHECK-LABEL: func.func @rank3
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @rank3(%q: tensor<2x4x8xf32>, %k: tensor<2x4x8xf32>, %v: tensor<2x4x8xf32>) -> tensor<2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 2, 1>} : (tensor<2x4x8xf32>) -> tensor<2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<2x4x8xf32>, tensor<2x8x4xf32>) -> tensor<2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: Q has rank 3; only B x H x S x D attention is raised}}
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  return %o : tensor<2x4x8xf32>
}

// -----

// Near-miss: a negative scale has no attn.attention equivalent.
// CHECK-LABEL: func.func @negative_scale
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @negative_scale(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<-4.0> : tensor<f32>
  %s = onnx.Div %qk, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the product of the scale constants is not positive and finite}}
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// ONNX Attention's function body: sqrt(1/sqrt(D)) computed by Sqrt/Div on
// Q and K^T, K/V through Unsqueeze + Reshape (one group), and the rows whose
// mask is all -inf zeroed by Where (what masked_rows = zero does).
// CHECK-LABEL: func.func @onnx_function_body
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>, %[[M:.+]]: tensor<4x4xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] mask(%[[M]] : tensor<4x4xf32>) {scale = 2.500000e-01 : f64}
// CHECK-NOT: onnx.Where
func.func @onnx_function_body(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %m: tensor<4x4xf32>) -> tensor<1x2x4x8xf32> {
  %one = onnx.Constant dense<1.0> : tensor<1xf32>
  %d = onnx.Constant dense<16.0> : tensor<1xf32>
  %sd = onnx.Sqrt %d : (tensor<1xf32>) -> tensor<1xf32>
  %inv = onnx.Div %one, %sd : (tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
  %c = onnx.Sqrt %inv : (tensor<1xf32>) -> tensor<1xf32>
  %axes = onnx.Constant dense<2> : tensor<1xi64>
  %shape = onnx.Constant dense<[1, 2, 4, 8]> : tensor<4xi64>
  %ku = onnx.Unsqueeze %k, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %kr = onnx.Reshape %ku, %shape : (tensor<1x2x1x4x8xf32>, tensor<4xi64>) -> tensor<1x2x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vr = onnx.Reshape %vu, %shape : (tensor<1x2x1x4x8xf32>, tensor<4xi64>) -> tensor<1x2x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qs = onnx.Mul %q, %c : (tensor<1x2x4x8xf32>, tensor<1xf32>) -> tensor<1x2x4x8xf32>
  %kts = onnx.Mul %kt, %c : (tensor<1x2x8x4xf32>, tensor<1xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %qs, %kts : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %max = onnx.ReduceMax %m, %last : (tensor<4x4xf32>, tensor<1xi64>) -> tensor<4x1xf32>
  %ninf = onnx.Constant dense<0xFF800000> : tensor<1xf32>
  %ninfl = onnx.CastLike %ninf, %m : (tensor<1xf32>, tensor<4x4xf32>) -> tensor<1xf32>
  %hidden = onnx.Equal %max, %ninfl : (tensor<4x1xf32>, tensor<1xf32>) -> tensor<4x1xi1>
  %zero = onnx.Constant dense<0.0> : tensor<1xf32>
  %zerol = onnx.CastLike %zero, %p : (tensor<1xf32>, tensor<1x2x4x4xf32>) -> tensor<1xf32>
  %pz = onnx.Where %hidden, %zerol, %p : (tensor<4x1xi1>, tensor<1xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %pz, %vr : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// HF's old causal mask, `full(S, S, -inf).triu(1)`: the 33 x 33 tensors
// are above the tensor folders' limit, so the mask is evaluated at compile
// time.
// CHECK-LABEL: func.func @causal_trilu_mask
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x33x4xf32>, %[[K:.+]]: tensor<1x2x33x4xf32>, %[[V:.+]]: tensor<1x2x33x4xf32>)
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] {causal, scale = 1.000000e+00 : f64}
// CHECK-NOT: onnx.Trilu
// CHECK: return %[[O]]
func.func @causal_trilu_mask(%q: tensor<1x2x33x4xf32>, %k: tensor<1x2x33x4xf32>, %v: tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x33x4xf32>) -> tensor<1x2x4x33xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x33x4xf32>, tensor<1x2x4x33xf32>) -> tensor<1x2x33x33xf32>
  %shape = onnx.Constant dense<33> : tensor<2xi64>
  %full = onnx.ConstantOfShape %shape {value = dense<0xFF800000> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<33x33xf32>
  %one = onnx.Constant dense<1> : tensor<i64>
  %m = onnx.Trilu %full, %one : (tensor<33x33xf32>, tensor<i64>) -> tensor<33x33xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x33x33xf32>, tensor<33x33xf32>) -> tensor<1x2x33x33xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x33x33xf32>, tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32>
  return %o : tensor<1x2x33x4xf32>
}

// -----

// A window from Trilu booleans: visible = tril(ones) and not tril(ones, -4),
// filled with the lowest finite value: W = 4 keys, window_left = 3.
// CHECK-LABEL: func.func @window_trilu_bool
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64, window_left = 3 : i64}
// CHECK-NOT: onnx.Trilu
func.func @window_trilu_bool(%q: tensor<1x2x33x4xf32>, %k: tensor<1x2x33x4xf32>, %v: tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x33x4xf32>) -> tensor<1x2x4x33xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x33x4xf32>, tensor<1x2x4x33xf32>) -> tensor<1x2x33x33xf32>
  %shape = onnx.Constant dense<33> : tensor<2xi64>
  %ones = onnx.ConstantOfShape %shape {value = dense<true> : tensor<1xi1>} : (tensor<2xi64>) -> tensor<33x33xi1>
  %none = onnx.NoValue
  %tril = onnx.Trilu %ones, %none {upper = 0 : si64} : (tensor<33x33xi1>, none) -> tensor<33x33xi1>
  %minus4 = onnx.Constant dense<-4> : tensor<i64>
  %far = onnx.Trilu %ones, %minus4 {upper = 0 : si64} : (tensor<33x33xi1>, tensor<i64>) -> tensor<33x33xi1>
  %near = onnx.Not %far : (tensor<33x33xi1>) -> tensor<33x33xi1>
  %visible = onnx.And %tril, %near : (tensor<33x33xi1>, tensor<33x33xi1>) -> tensor<33x33xi1>
  %zero = onnx.Constant dense<0.0> : tensor<f32>
  %lowest = onnx.Constant dense<-3.40282347E+38> : tensor<f32>
  %m = onnx.Where %visible, %zero, %lowest : (tensor<33x33xi1>, tensor<f32>, tensor<f32>) -> tensor<33x33xf32>
  %axes = onnx.Constant dense<[0, 1]> : tensor<2xi64>
  %m4 = onnx.Unsqueeze %m, %axes : (tensor<33x33xf32>, tensor<2xi64>) -> tensor<1x1x33x33xf32>
  %s = onnx.Add %qk, %m4 : (tensor<1x2x33x33xf32>, tensor<1x1x33x33xf32>) -> tensor<1x2x33x33xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x33x33xf32>, tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32>
  return %o : tensor<1x2x33x4xf32>
}

// -----

// The sdpa-era spelling: positions from Range, future keys by Less, far keys
// by Sub + GreaterOrEqual, Or-ed and turned into -inf by Where.
// CHECK-LABEL: func.func @window_range_compare
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64, window_left = 7 : i64}
func.func @window_range_compare(%q: tensor<1x2x33x4xf32>, %k: tensor<1x2x33x4xf32>, %v: tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x33x4xf32>) -> tensor<1x2x4x33xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x33x4xf32>, tensor<1x2x4x33xf32>) -> tensor<1x2x33x33xf32>
  %c0 = onnx.Constant dense<0> : tensor<i64>
  %c1 = onnx.Constant dense<1> : tensor<i64>
  %c33 = onnx.Constant dense<33> : tensor<i64>
  %c8 = onnx.Constant dense<8> : tensor<i64>
  %pos = onnx.Range %c0, %c33, %c1 : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<33xi64>
  %a1 = onnx.Constant dense<1> : tensor<1xi64>
  %a0 = onnx.Constant dense<0> : tensor<1xi64>
  %rows = onnx.Unsqueeze %pos, %a1 : (tensor<33xi64>, tensor<1xi64>) -> tensor<33x1xi64>
  %cols = onnx.Unsqueeze %pos, %a0 : (tensor<33xi64>, tensor<1xi64>) -> tensor<1x33xi64>
  %future = onnx.Less %rows, %cols : (tensor<33x1xi64>, tensor<1x33xi64>) -> tensor<33x33xi1>
  %dist = onnx.Sub %rows, %cols : (tensor<33x1xi64>, tensor<1x33xi64>) -> tensor<33x33xi64>
  %far = onnx.GreaterOrEqual %dist, %c8 : (tensor<33x33xi64>, tensor<i64>) -> tensor<33x33xi1>
  %hidden = onnx.Or %future, %far : (tensor<33x33xi1>, tensor<33x33xi1>) -> tensor<33x33xi1>
  %ninf = onnx.Constant dense<0xFF800000> : tensor<f32>
  %zero = onnx.Constant dense<0.0> : tensor<f32>
  %m = onnx.Where %hidden, %ninf, %zero : (tensor<33x33xi1>, tensor<f32>, tensor<f32>) -> tensor<33x33xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x33x33xf32>, tensor<33x33xf32>) -> tensor<1x2x33x33xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x33x33xf32>, tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32>
  return %o : tensor<1x2x33x4xf32>
}

// -----

// A constant mask stored as a dense_resource blob (the importer's form for
// tensors above 4 KiB) is read from the blob.
// CHECK-LABEL: func.func @causal_resource_mask
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64}
func.func @causal_resource_mask(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %m = onnx.Constant dense_resource<causal_mask> : tensor<1x1x4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

{-#
  dialect_resources: {
    builtin: {
      causal_mask: "0x0400000000000000000080FF000080FF000080FF0000000000000000000080FF000080FF000000000000000000000000000080FF00000000000000000000000000000000"
    }
  }
#-}

// -----

// A mask the evaluator cannot read (Exp has no compile-time evaluation) stays
// an additive mask operand.
// CHECK-LABEL: func.func @mask_not_evaluated
// CHECK: %[[M:.+]] = onnx.Exp
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} mask(%[[M]] : tensor<4x4xf32>) {scale = 1.000000e+00 : f64}
func.func @mask_not_evaluated(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<[[0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0]]> : tensor<4x4xf32>
  %m = onnx.Exp %c : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// torch masked_fill: Where(hidden, -inf, scores) with the hidden keys from
// Trilu(ones, 1) (strictly above the diagonal).
// CHECK-LABEL: func.func @masked_fill_causal
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x33x4xf32>, %[[K:.+]]: tensor<1x2x33x4xf32>, %[[V:.+]]: tensor<1x2x33x4xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {causal, scale = 5.000000e-01 : f64}
// CHECK-NOT: onnx.Where
func.func @masked_fill_causal(%q: tensor<1x2x33x4xf32>, %k: tensor<1x2x33x4xf32>, %v: tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x33x4xf32>) -> tensor<1x2x4x33xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x33x4xf32>, tensor<1x2x4x33xf32>) -> tensor<1x2x33x33xf32>
  %half = onnx.Constant dense<0.5> : tensor<f32>
  %sc = onnx.Mul %qk, %half : (tensor<1x2x33x33xf32>, tensor<f32>) -> tensor<1x2x33x33xf32>
  %shape = onnx.Constant dense<33> : tensor<2xi64>
  %ones = onnx.ConstantOfShape %shape {value = dense<true> : tensor<1xi1>} : (tensor<2xi64>) -> tensor<33x33xi1>
  %one = onnx.Constant dense<1> : tensor<i64>
  %hidden = onnx.Trilu %ones, %one : (tensor<33x33xi1>, tensor<i64>) -> tensor<33x33xi1>
  %ninf = onnx.Constant dense<0xFF800000> : tensor<f32>
  %s = onnx.Where %hidden, %ninf, %sc : (tensor<33x33xi1>, tensor<f32>, tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x33x33xf32>, tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32>
  return %o : tensor<1x2x33x4xf32>
}

// -----

// The other Where order: keep the scores where visible, the lowest finite
// value elsewhere.
// CHECK-LABEL: func.func @masked_fill_selects_scores
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64}
func.func @masked_fill_selects_scores(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %visible = onnx.Constant dense<[[true, false, false, false], [true, true, false, false], [true, true, true, false], [true, true, true, true]]> : tensor<4x4xi1>
  %lowest = onnx.Constant dense<-3.40282347E+38> : tensor<f32>
  %s = onnx.Where %visible, %qk, %lowest : (tensor<4x4xi1>, tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: masked_fill with 0 sets hidden scores to 0, it hides nothing.
// CHECK-LABEL: func.func @masked_fill_zero
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @masked_fill_zero(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %hidden = onnx.Constant dense<[[false, true, true, true], [false, false, true, true], [false, false, false, true], [false, false, false, false]]> : tensor<4x4xi1>
  %zero = onnx.Constant dense<0.0> : tensor<f32>
  %s = onnx.Where %hidden, %zero, %qk : (tensor<4x4xi1>, tensor<f32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the masked_fill value is neither -inf nor the lowest finite value}}
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: a masked_fill condition known only at run time (a padding mask)
// has no attribute form.
// CHECK-LABEL: func.func @masked_fill_runtime_condition
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @masked_fill_runtime_condition(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %hidden: tensor<1x1x4x4xi1>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %ninf = onnx.Constant dense<0xFF800000> : tensor<f32>
  %s = onnx.Where %hidden, %ninf, %qk : (tensor<1x1x4x4xi1>, tensor<f32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the masked_fill condition is not known at compile time: it depends on a function argument}}
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: hiding the diagonal too (Trilu(ones, 0)) is not causal.
// CHECK-LABEL: func.func @masked_fill_not_causal
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @masked_fill_not_causal(%q: tensor<1x2x33x4xf32>, %k: tensor<1x2x33x4xf32>, %v: tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x33x4xf32>) -> tensor<1x2x4x33xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x33x4xf32>, tensor<1x2x4x33xf32>) -> tensor<1x2x33x33xf32>
  %shape = onnx.Constant dense<33> : tensor<2xi64>
  %ones = onnx.ConstantOfShape %shape {value = dense<true> : tensor<1xi1>} : (tensor<2xi64>) -> tensor<33x33xi1>
  %none = onnx.NoValue
  %hidden = onnx.Trilu %ones, %none : (tensor<33x33xi1>, none) -> tensor<33x33xi1>
  %ninf = onnx.Constant dense<0xFF800000> : tensor<f32>
  %s = onnx.Where %hidden, %ninf, %qk : (tensor<33x33xi1>, tensor<f32>, tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  // expected-remark @+1 {{not raised to attn.attention: the masked_fill condition is not a causal mask: the constant mask is not causal or a causal sliding window}}
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x33x33xf32>, tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32>
  return %o : tensor<1x2x33x4xf32>
}

// -----

// GQA by Unsqueeze + Concat of copies on the new axis + Reshape: head h
// reads KV head h / G, attn's mapping; the op reads the 2 heads.
// CHECK-LABEL: func.func @gqa_concat_copies
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x4x4x8xf32>
// CHECK-NOT: onnx.Concat
func.func @gqa_concat_copies(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %ku = onnx.Unsqueeze %k, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %kc = onnx.Concat %ku, %ku {axis = 2 : si64} : (tensor<1x2x1x4x8xf32>, tensor<1x2x1x4x8xf32>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %kc, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vc = onnx.Concat %vu, %vu {axis = -3 : si64} : (tensor<1x2x1x4x8xf32>, tensor<1x2x1x4x8xf32>) -> tensor<1x2x2x4x8xf32>
  %vr = onnx.Reshape %vc, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// K kept B x S x H x D, permuted straight to K^T (B x H x D x S) and then
// repeated: the op reads the 2 heads through one Transpose.
// CHECK-LABEL: func.func @gqa_repeat_transposed_key
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[KBSHD:.+]]: tensor<1x4x2x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[K:.+]] = onnx.Transpose %[[KBSHD]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x8xf32>) -> tensor<1x2x4x8xf32>
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @gqa_repeat_transposed_key(%q: tensor<1x4x4x8xf32>, %k: tensor<1x4x2x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  %groups = onnx.Constant dense<[1, 1, 2, 1, 1]> : tensor<5xi64>
  %kt2 = onnx.Transpose %k {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x8xf32>) -> tensor<1x2x8x4xf32>
  %ku = onnx.Unsqueeze %kt2, %axes : (tensor<1x2x8x4xf32>, tensor<1xi64>) -> tensor<1x2x1x8x4xf32>
  %ke = onnx.Expand %ku, %groups : (tensor<1x2x1x8x4xf32>, tensor<5xi64>) -> tensor<1x2x2x8x4xf32>
  %ktshape = onnx.Constant dense<[1, 4, 8, 4]> : tensor<4xi64>
  %kt = onnx.Reshape %ke, %ktshape : (tensor<1x2x2x8x4xf32>, tensor<4xi64>) -> tensor<1x4x8x4xf32>
  %vu = onnx.Unsqueeze %v, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %ve = onnx.Expand %vu, %groups : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %vshape = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %vr = onnx.Reshape %ve, %vshape : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// MQA by a Concat of copies of the single KV head on the head axis.
// CHECK-LABEL: func.func @mqa_concat_copies
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x1x4x8xf32>, %[[V:.+]]: tensor<1x1x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @mqa_concat_copies(%q: tensor<1x4x4x8xf32>, %k: tensor<1x1x4x8xf32>, %v: tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %kr = onnx.Concat %k, %k, %k, %k {axis = 1 : si64} : (tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Concat %v, %v, %v, %v {axis = 1 : si64} : (tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near-miss for GQA: Concat(k, k) on the head axis tiles the 2 heads, so
// query head h reads KV head h % 2, not h / 2. The block is raised as
// multi-head attention over the repeated tensors, with a remark.
// CHECK-LABEL: func.func @gqa_tiled_heads
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK-DAG: %[[KR:.+]] = onnx.Concat %[[K]], %[[K]]
// CHECK-DAG: %[[VR:.+]] = onnx.Concat %[[V]], %[[V]]
// CHECK: attn.attention %[[Q]], %[[KR]], %[[VR]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @gqa_tiled_heads(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %kr = onnx.Concat %k, %k {axis = 1 : si64} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Concat %v, %v {axis = 1 : si64} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  // expected-remark @+1 {{K/V heads are repeated by Concat of copies on the head axis, which gives query head h the KV head h % Hkv, not attn's h / G: kept as multi-head attention over the repeated heads}}
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// GQA by Unsqueeze + Tile of the new axis + Reshape (a Tile of a size-1 axis
// is an Expand): head h reads KV head h / G; the op reads the 2 heads.
// CHECK-LABEL: func.func @gqa_unsqueeze_tile
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x4x4x8xf32>
// CHECK-NOT: onnx.Tile
func.func @gqa_unsqueeze_tile(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %axes = onnx.Constant dense<[-3]> : tensor<1xi64>
  %repeats = onnx.Constant dense<[1, 1, 2, 1, 1]> : tensor<5xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %ku = onnx.Unsqueeze %k, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %kc = onnx.Tile %ku, %repeats : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %kc, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x2x1x4x8xf32>
  %vc = onnx.Tile %vu, %repeats : (tensor<1x2x1x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %vr = onnx.Reshape %vc, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// MQA by a Tile of the single KV head on the head axis.
// CHECK-LABEL: func.func @mqa_tile_heads
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x1x4x8xf32>, %[[V:.+]]: tensor<1x1x4x8xf32>)
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32> -> tensor<1x4x4x8xf32>
// CHECK-NOT: onnx.Tile
func.func @mqa_tile_heads(%q: tensor<1x4x4x8xf32>, %k: tensor<1x1x4x8xf32>, %v: tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %repeats = onnx.Constant dense<[1, 4, 1, 1]> : tensor<4xi64>
  %kr = onnx.Tile %k, %repeats : (tensor<1x1x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Tile %v, %repeats : (tensor<1x1x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near-miss for GQA: a Tile on the head axis of 2 KV heads repeats the whole
// set, so query head h reads KV head h % 2: raised as multi-head attention
// over the tiled tensors, with a remark.
// CHECK-LABEL: func.func @gqa_tile_heads
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK-DAG: %[[KR:.+]] = onnx.Tile %[[K]]
// CHECK-DAG: %[[VR:.+]] = onnx.Tile %[[V]]
// CHECK: attn.attention %[[Q]], %[[KR]], %[[VR]] {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @gqa_tile_heads(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %repeats = onnx.Constant dense<[1, 2, 1, 1]> : tensor<4xi64>
  %kr = onnx.Tile %k, %repeats : (tensor<1x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vr = onnx.Tile %v, %repeats : (tensor<1x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  // expected-remark @+1 {{K/V heads are repeated by Tile on the head axis, which gives query head h the KV head h % Hkv, not attn's h / G: kept as multi-head attention over the repeated heads}}
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// Near-miss for GQA: copies on axis 1 of B x 1 x Hkv x S x D (torch
// `k[:, None].expand(...)`, a tile) also read h % Hkv.
// CHECK-LABEL: func.func @gqa_copies_on_outer_axis
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {scale = 1.000000e+00 : f64} : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32> -> tensor<1x4x4x8xf32>
func.func @gqa_copies_on_outer_axis(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %axes = onnx.Constant dense<[1]> : tensor<1xi64>
  %groups = onnx.Constant dense<[1, 2, 1, 1, 1]> : tensor<5xi64>
  %shape4 = onnx.Constant dense<[1, 4, 4, 8]> : tensor<4xi64>
  %ku = onnx.Unsqueeze %k, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x1x2x4x8xf32>
  %ke = onnx.Expand %ku, %groups : (tensor<1x1x2x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %kr = onnx.Reshape %ke, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %vu = onnx.Unsqueeze %v, %axes : (tensor<1x2x4x8xf32>, tensor<1xi64>) -> tensor<1x1x2x4x8xf32>
  %ve = onnx.Expand %vu, %groups : (tensor<1x1x2x4x8xf32>, tensor<5xi64>) -> tensor<1x2x2x4x8xf32>
  %vr = onnx.Reshape %ve, %shape4 : (tensor<1x2x2x4x8xf32>, tensor<4xi64>) -> tensor<1x4x4x8xf32>
  %kt = onnx.Transpose %kr {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x4x4x8xf32>, tensor<1x4x8x4xf32>) -> tensor<1x4x4x4xf32>
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  // expected-remark @+1 {{K/V heads are repeated by Unsqueeze + Expand on axis 1 + Reshape, which gives query head h the KV head h % Hkv}}
  %o = onnx.MatMul %p, %vr : (tensor<1x4x4x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %o : tensor<1x4x4x8xf32>
}

// -----

// gpt-oss sinks: a per-head logit column joins the masked scores, the
// Softmax runs over Skv + 1 keys and a Slice drops the column.
// CHECK-LABEL: func.func @sinks_gpt_oss
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>)
// CHECK: %[[SINKS:.+]] = onnx.Constant dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>
// CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]] sinks(%[[SINKS]] : tensor<2xf32>) {causal, scale = 1.000000e+00 : f64}
// CHECK-NOT: onnx.Softmax
// CHECK: return %[[O]]
func.func @sinks_gpt_oss(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %m = onnx.Constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [0.0, 0.0, 0xFF800000, 0xFF800000], [0.0, 0.0, 0.0, 0xFF800000], [0.0, 0.0, 0.0, 0.0]]> : tensor<4x4xf32>
  %s = onnx.Add %qk, %m : (tensor<1x2x4x4xf32>, tensor<4x4xf32>) -> tensor<1x2x4x4xf32>
  %column = onnx.Constant dense<[[[[0.5], [0.5], [0.5], [0.5]], [[-1.0], [-1.0], [-1.0], [-1.0]]]]> : tensor<1x2x4x1xf32>
  %joined = onnx.Concat %s, %column {axis = -1 : si64} : (tensor<1x2x4x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x5xf32>
  %p = onnx.Softmax %joined {axis = -1 : si64} : (tensor<1x2x4x5xf32>) -> tensor<1x2x4x5xf32>
  %start = onnx.Constant dense<0> : tensor<1xi64>
  %end = onnx.Constant dense<-1> : tensor<1xi64>
  %axis = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %pk = onnx.Slice %p, %start, %end, %axis, %none : (tensor<1x2x4x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %pk, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// HF's eager gpt-oss: the sinks (here a function argument) reshaped and
// expanded into the column, and the row max subtracted before the Softmax.
// CHECK-LABEL: func.func @sinks_hf_runtime
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x4x8xf32>, %[[K:.+]]: tensor<1x2x4x8xf32>, %[[V:.+]]: tensor<1x2x4x8xf32>, %[[SK:.+]]: tensor<2xf32>)
// CHECK: %[[S4:.+]] = onnx.Reshape %[[SK]]
// CHECK: %[[S:.+]] = onnx.Reshape %[[S4]], %{{.+}} : (tensor<1x2x1x1xf32>, tensor<1xi64>) -> tensor<2xf32>
// CHECK: attn.attention %[[Q]], %[[K]], %[[V]] sinks(%[[S]] : tensor<2xf32>) {scale = 1.000000e+00 : f64}
// CHECK-NOT: onnx.ReduceMax
func.func @sinks_hf_runtime(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %sinks: tensor<2xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %shape = onnx.Constant dense<[1, 2, 1, 1]> : tensor<4xi64>
  %s4 = onnx.Reshape %sinks, %shape : (tensor<2xf32>, tensor<4xi64>) -> tensor<1x2x1x1xf32>
  %to = onnx.Constant dense<[1, 2, 4, 1]> : tensor<4xi64>
  %column = onnx.Expand %s4, %to : (tensor<1x2x1x1xf32>, tensor<4xi64>) -> tensor<1x2x4x1xf32>
  %joined = onnx.Concat %qk, %column {axis = 3 : si64} : (tensor<1x2x4x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x5xf32>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %max = onnx.ReduceMax %joined, %last : (tensor<1x2x4x5xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
  %shifted = onnx.Sub %joined, %max : (tensor<1x2x4x5xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x5xf32>
  %p = onnx.Softmax %shifted {axis = -1 : si64} : (tensor<1x2x4x5xf32>) -> tensor<1x2x4x5xf32>
  %start = onnx.Constant dense<0> : tensor<1xi64>
  %end = onnx.Constant dense<4> : tensor<1xi64>
  %axis = onnx.Constant dense<3> : tensor<1xi64>
  %step = onnx.Constant dense<1> : tensor<1xi64>
  %pk = onnx.Slice %p, %start, %end, %axis, %step : (tensor<1x2x4x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %pk, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// The sink column may come first, dropped by a Slice that starts at 1.
// CHECK-LABEL: func.func @sinks_first_column
// CHECK: %[[SINKS:.+]] = onnx.Constant dense<[2.500000e-01, 7.500000e-01]> : tensor<2xf32>
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} sinks(%[[SINKS]] : tensor<2xf32>) {scale = 1.000000e+00 : f64}
func.func @sinks_first_column(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %column = onnx.Constant dense<[[[[0.25], [0.25], [0.25], [0.25]], [[0.75], [0.75], [0.75], [0.75]]]]> : tensor<1x2x4x1xf32>
  %joined = onnx.Concat %column, %qk {axis = -1 : si64} : (tensor<1x2x4x1xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x5xf32>
  %p = onnx.Softmax %joined {axis = -1 : si64} : (tensor<1x2x4x5xf32>) -> tensor<1x2x4x5xf32>
  %start = onnx.Constant dense<1> : tensor<1xi64>
  %end = onnx.Constant dense<5> : tensor<1xi64>
  %axis = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %pk = onnx.Slice %p, %start, %end, %axis, %none : (tensor<1x2x4x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %pk, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// f16 attention with sinks whose Softmax runs in f32 between Casts, the
// column dropped after the Cast back.
// CHECK-LABEL: func.func @sinks_f16_softmax_in_f32
// CHECK: %[[SINKS:.+]] = onnx.Constant dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf16>
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} sinks(%[[SINKS]] : tensor<2xf16>) {scale = 1.000000e+00 : f64, softmax_precision = f32}
// CHECK-NOT: onnx.Cast
func.func @sinks_f16_softmax_in_f32(%q: tensor<1x2x4x8xf16>, %k: tensor<1x2x4x8xf16>, %v: tensor<1x2x4x8xf16>) -> tensor<1x2x4x8xf16> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf16>) -> tensor<1x2x8x4xf16>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf16>, tensor<1x2x8x4xf16>) -> tensor<1x2x4x4xf16>
  %column = onnx.Constant dense<[[[[0.5], [0.5], [0.5], [0.5]], [[-1.0], [-1.0], [-1.0], [-1.0]]]]> : tensor<1x2x4x1xf16>
  %joined = onnx.Concat %qk, %column {axis = -1 : si64} : (tensor<1x2x4x4xf16>, tensor<1x2x4x1xf16>) -> tensor<1x2x4x5xf16>
  %w = onnx.Cast %joined {to = 1 : si64} : (tensor<1x2x4x5xf16>) -> tensor<1x2x4x5xf32>
  %p = onnx.Softmax %w {axis = -1 : si64} : (tensor<1x2x4x5xf32>) -> tensor<1x2x4x5xf32>
  %n = onnx.Cast %p {to = 10 : si64} : (tensor<1x2x4x5xf32>) -> tensor<1x2x4x5xf16>
  %start = onnx.Constant dense<0> : tensor<1xi64>
  %end = onnx.Constant dense<-1> : tensor<1xi64>
  %axis = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %pk = onnx.Slice %n, %start, %end, %axis, %none : (tensor<1x2x4x5xf16>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x4xf16>
  %o = onnx.MatMul %pk, %v : (tensor<1x2x4x4xf16>, tensor<1x2x4x8xf16>) -> tensor<1x2x4x8xf16>
  return %o : tensor<1x2x4x8xf16>
}

// -----

// Near-miss: a column that is not one logit per head (it differs by row)
// is not a sink.
// CHECK-LABEL: func.func @sink_column_varies
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @sink_column_varies(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %column = onnx.Constant dense<[[[[0.5], [0.5], [0.5], [0.0]], [[-1.0], [-1.0], [-1.0], [-1.0]]]]> : tensor<1x2x4x1xf32>
  %joined = onnx.Concat %qk, %column {axis = -1 : si64} : (tensor<1x2x4x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x5xf32>
  // expected-remark @+1 {{not raised to attn.attention: the sink column differs between rows or batches}}
  %p = onnx.Softmax %joined {axis = -1 : si64} : (tensor<1x2x4x5xf32>) -> tensor<1x2x4x5xf32>
  %start = onnx.Constant dense<0> : tensor<1xi64>
  %end = onnx.Constant dense<-1> : tensor<1xi64>
  %axis = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %pk = onnx.Slice %p, %start, %end, %axis, %none : (tensor<1x2x4x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %pk, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: the Softmax runs over 5 real keys and the Slice drops one of
// them: there is no sink column, so this is not attention over 4 keys.
// CHECK-LABEL: func.func @slice_without_sink_column
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @slice_without_sink_column(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x5x8xf32>) -> tensor<1x2x8x5xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x5xf32>) -> tensor<1x2x4x5xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax input whose last column is sliced off is not a Concat of the scores and a sink column}}
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x5xf32>) -> tensor<1x2x4x5xf32>
  %start = onnx.Constant dense<0> : tensor<1xi64>
  %end = onnx.Constant dense<-1> : tensor<1xi64>
  %axis = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %pk = onnx.Slice %p, %start, %end, %axis, %none : (tensor<1x2x4x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %pk, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// The max-shift before a Softmax changes nothing and is dropped.
// CHECK-LABEL: func.func @row_max_shift
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {scale = 1.000000e+00 : f64}
// CHECK-NOT: onnx.ReduceMax
func.func @row_max_shift(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %last = onnx.Constant dense<3> : tensor<1xi64>
  %max = onnx.ReduceMax %qk, %last : (tensor<1x2x4x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
  %shifted = onnx.Sub %qk, %max : (tensor<1x2x4x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x4xf32>
  %p = onnx.Softmax %shifted {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// Near-miss: subtracting the max over the query axis is not a no-op shift.
// CHECK-LABEL: func.func @max_over_queries
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @max_over_queries(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %rows = onnx.Constant dense<2> : tensor<1xi64>
  %max = onnx.ReduceMax %qk, %rows : (tensor<1x2x4x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
  %shifted = onnx.Sub %qk, %max : (tensor<1x2x4x4xf32>, tensor<1x2x1x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax input is not Q K^T}}
  %p = onnx.Softmax %shifted {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// GPT-2 style: a causal buffer for 64 positions sliced to the 33 in use,
// inverted, cast to f32 and scaled by the lowest finite value
// ((1 - mask) * finfo.min), then expanded to B x 1 x S x S.
// CHECK-LABEL: func.func @causal_sliced_buffer_mask
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.000000e+00 : f64}
// CHECK-NOT: onnx.Slice
func.func @causal_sliced_buffer_mask(%q: tensor<1x2x33x4xf32>, %k: tensor<1x2x33x4xf32>, %v: tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x33x4xf32>) -> tensor<1x2x4x33xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x33x4xf32>, tensor<1x2x4x33xf32>) -> tensor<1x2x33x33xf32>
  %shape = onnx.Constant dense<64> : tensor<2xi64>
  %ones = onnx.ConstantOfShape %shape {value = dense<true> : tensor<1xi1>} : (tensor<2xi64>) -> tensor<64x64xi1>
  %none = onnx.NoValue
  %buffer = onnx.Trilu %ones, %none {upper = 0 : si64} : (tensor<64x64xi1>, none) -> tensor<64x64xi1>
  %starts = onnx.Constant dense<[0, 0]> : tensor<2xi64>
  %ends = onnx.Constant dense<[33, 33]> : tensor<2xi64>
  %visible = onnx.Slice %buffer, %starts, %ends, %none, %none : (tensor<64x64xi1>, tensor<2xi64>, tensor<2xi64>, none, none) -> tensor<33x33xi1>
  %hidden = onnx.Not %visible : (tensor<33x33xi1>) -> tensor<33x33xi1>
  %hf = onnx.Cast %hidden {to = 1 : si64} : (tensor<33x33xi1>) -> tensor<33x33xf32>
  %lowest = onnx.Constant dense<-3.40282347E+38> : tensor<f32>
  %m = onnx.Mul %hf, %lowest : (tensor<33x33xf32>, tensor<f32>) -> tensor<33x33xf32>
  %to = onnx.Constant dense<[1, 1, 33, 33]> : tensor<4xi64>
  %m4 = onnx.Expand %m, %to : (tensor<33x33xf32>, tensor<4xi64>) -> tensor<1x1x33x33xf32>
  %s = onnx.Add %qk, %m4 : (tensor<1x2x33x33xf32>, tensor<1x1x33x33xf32>) -> tensor<1x2x33x33xf32>
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x33x33xf32>) -> tensor<1x2x33x33xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x33x33xf32>, tensor<1x2x33x4xf32>) -> tensor<1x2x33x4xf32>
  return %o : tensor<1x2x33x4xf32>
}

// -----

// Near-miss: a Where choosing between two tensors is not a masked_fill.
// CHECK-LABEL: func.func @where_without_fill
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @where_without_fill(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>, %other: tensor<1x2x4x4xf32>) -> tensor<1x2x4x8xf32> {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  %c = onnx.Constant dense<[[true, false, false, false], [true, true, false, false], [true, true, true, false], [true, true, true, true]]> : tensor<4x4xi1>
  %s = onnx.Where %c, %qk, %other : (tensor<4x4xi1>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the Softmax input is not Q K^T}}
  %p = onnx.Softmax %s {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}
