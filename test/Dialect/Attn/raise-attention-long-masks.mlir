// RUN: attnc-opt %s -split-input-file --attn-raise-attention | FileCheck %s

// Masks of long prompts (2048 x 2048: 4M elements, above the 2^20 elements
// the constant evaluator holds at once) are still recognised: they are read
// block by block of rows, twice (fill and window, then the candidates).

// A causal mask as torch's `full(min).triu(1)` (Trilu of a lowest-finite fill).
// CHECK-LABEL: func.func @causal_trilu_2048
// CHECK:       attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.250000e-01 : f64} : tensor<1x2x2048x8xf32>
// CHECK-NOT:   onnx.Softmax
func.func @causal_trilu_2048(%q: tensor<1x2x2048x8xf32>, %k: tensor<1x2x2048x8xf32>, %v: tensor<1x2x2048x8xf32>) -> tensor<1x2x2048x8xf32> {
  %shape = onnx.Constant dense<[2048, 2048]> : tensor<2xi64>
  %lowest = onnx.ConstantOfShape %shape {value = dense<0xFF7FFFFF> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<2048x2048xf32>
  %one = onnx.Constant dense<1> : tensor<i64>
  %mask = onnx.Trilu %lowest, %one {upper = 1 : si64} : (tensor<2048x2048xf32>, tensor<i64>) -> tensor<2048x2048xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x2048x8xf32>) -> tensor<1x2x8x2048xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x2048x8xf32>, tensor<1x2x8x2048xf32>) -> tensor<1x2x2048x2048xf32>
  %scale = onnx.Constant dense<0.125> : tensor<f32>
  %scaled = onnx.Mul %qk, %scale : (tensor<1x2x2048x2048xf32>, tensor<f32>) -> tensor<1x2x2048x2048xf32>
  %masked = onnx.Add %scaled, %mask : (tensor<1x2x2048x2048xf32>, tensor<2048x2048xf32>) -> tensor<1x2x2048x2048xf32>
  %p = onnx.Softmax %masked {axis = -1 : si64} : (tensor<1x2x2048x2048xf32>) -> tensor<1x2x2048x2048xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x2048x2048xf32>, tensor<1x2x2048x8xf32>) -> tensor<1x2x2048x8xf32>
  return %o : tensor<1x2x2048x8xf32>
}

// -----

// A sliding window of 128 keys by masked_fill over Range comparisons
// (hidden = j > i or i - j >= 128), -inf fill.
// CHECK-LABEL: func.func @window_masked_fill_2048
// CHECK:       attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.250000e-01 : f64, window_left = 127 : i64} : tensor<1x2x2048x8xf32>
// CHECK-NOT:   onnx.Where
func.func @window_masked_fill_2048(%q: tensor<1x2x2048x8xf32>, %k: tensor<1x2x2048x8xf32>, %v: tensor<1x2x2048x8xf32>) -> tensor<1x2x2048x8xf32> {
  %zero = onnx.Constant dense<0> : tensor<i64>
  %n = onnx.Constant dense<2048> : tensor<i64>
  %one = onnx.Constant dense<1> : tensor<i64>
  %r = onnx.Range %zero, %n, %one : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<2048xi64>
  %ax1 = onnx.Constant dense<[1]> : tensor<1xi64>
  %ax0 = onnx.Constant dense<[0]> : tensor<1xi64>
  %rows = onnx.Unsqueeze %r, %ax1 : (tensor<2048xi64>, tensor<1xi64>) -> tensor<2048x1xi64>
  %cols = onnx.Unsqueeze %r, %ax0 : (tensor<2048xi64>, tensor<1xi64>) -> tensor<1x2048xi64>
  %future = onnx.Less %rows, %cols : (tensor<2048x1xi64>, tensor<1x2048xi64>) -> tensor<2048x2048xi1>
  %dist = onnx.Sub %rows, %cols : (tensor<2048x1xi64>, tensor<1x2048xi64>) -> tensor<2048x2048xi64>
  %w = onnx.Constant dense<128> : tensor<i64>
  %far = onnx.GreaterOrEqual %dist, %w : (tensor<2048x2048xi64>, tensor<i64>) -> tensor<2048x2048xi1>
  %hidden = onnx.Or %future, %far : (tensor<2048x2048xi1>, tensor<2048x2048xi1>) -> tensor<2048x2048xi1>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x2048x8xf32>) -> tensor<1x2x8x2048xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x2048x8xf32>, tensor<1x2x8x2048xf32>) -> tensor<1x2x2048x2048xf32>
  %scale = onnx.Constant dense<0.125> : tensor<f32>
  %scaled = onnx.Mul %qk, %scale : (tensor<1x2x2048x2048xf32>, tensor<f32>) -> tensor<1x2x2048x2048xf32>
  %fill = onnx.Constant dense<0xFF800000> : tensor<f32>
  %masked = onnx.Where %hidden, %fill, %scaled : (tensor<2048x2048xi1>, tensor<f32>, tensor<1x2x2048x2048xf32>) -> tensor<1x2x2048x2048xf32>
  %p = onnx.Softmax %masked {axis = -1 : si64} : (tensor<1x2x2048x2048xf32>) -> tensor<1x2x2048x2048xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x2048x2048xf32>, tensor<1x2x2048x8xf32>) -> tensor<1x2x2048x8xf32>
  return %o : tensor<1x2x2048x8xf32>
}

// -----

// Near-miss: the diagonal is hidden too (Trilu k = 0): not causal, so the
// large mask stays the op's mask operand.
// CHECK-LABEL: func.func @not_causal_2048
// CHECK:       attn.attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}} : tensor<2048x2048xf32>) {scale = 1.250000e-01 : f64}
func.func @not_causal_2048(%q: tensor<1x1x2048x8xf32>, %k: tensor<1x1x2048x8xf32>, %v: tensor<1x1x2048x8xf32>) -> tensor<1x1x2048x8xf32> {
  %shape = onnx.Constant dense<[2048, 2048]> : tensor<2xi64>
  %neginf = onnx.ConstantOfShape %shape {value = dense<0xFF800000> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<2048x2048xf32>
  %zero = onnx.Constant dense<0> : tensor<i64>
  %mask = onnx.Trilu %neginf, %zero {upper = 1 : si64} : (tensor<2048x2048xf32>, tensor<i64>) -> tensor<2048x2048xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x1x2048x8xf32>) -> tensor<1x1x8x2048xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x1x2048x8xf32>, tensor<1x1x8x2048xf32>) -> tensor<1x1x2048x2048xf32>
  %scale = onnx.Constant dense<0.125> : tensor<f32>
  %scaled = onnx.Mul %qk, %scale : (tensor<1x1x2048x2048xf32>, tensor<f32>) -> tensor<1x1x2048x2048xf32>
  %masked = onnx.Add %scaled, %mask : (tensor<1x1x2048x2048xf32>, tensor<2048x2048xf32>) -> tensor<1x1x2048x2048xf32>
  %p = onnx.Softmax %masked {axis = -1 : si64} : (tensor<1x1x2048x2048xf32>) -> tensor<1x1x2048x2048xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x1x2048x2048xf32>, tensor<1x1x2048x8xf32>) -> tensor<1x1x2048x8xf32>
  return %o : tensor<1x1x2048x8xf32>
}
