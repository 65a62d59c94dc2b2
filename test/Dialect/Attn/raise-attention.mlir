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

// Near-miss: the scores are also a result of the function.
// CHECK-LABEL: func.func @scores_used_elsewhere
// CHECK-NOT: attn.attention
// CHECK: onnx.Softmax
func.func @scores_used_elsewhere(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> (tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>) {
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x8xf32>) -> tensor<1x2x8x4xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x4x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x4x4xf32>
  // expected-remark @+1 {{not raised to attn.attention: the result of onnx.MatMul inside the attention block has other uses}}
  %p = onnx.Softmax %qk {axis = -1 : si64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return %o, %qk : tensor<1x2x4x8xf32>, tensor<1x2x4x4xf32>
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
