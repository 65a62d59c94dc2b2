// The compile-time mask evaluator reads each operand only on the window of
// elements the result needs, so a small mask cut from a huge constant
// buffer (PyTorch models register a max_positions x max_positions causal
// buffer and slice it) is read without building the buffer; a window that
// needs the whole buffer (a transposed read) still stops at the 2^20
// elements the evaluator holds.
// RUN: attnc-opt %s -split-input-file --attn-raise-attention | FileCheck %s

// Rows [0, 64) and keys [0, 64) of a 4096 x 4096 causal buffer (16M
// elements): the Slice reads rows 0..63 of the Trilu, which reads the same
// rows of the fill.
// CHECK-LABEL: func.func @slice_of_huge_causal_buffer
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.250000e-01 : f64}
// CHECK-NOT: onnx.
func.func @slice_of_huge_causal_buffer(%q: tensor<1x2x64x8xf32>, %k: tensor<1x2x64x8xf32>, %v: tensor<1x2x64x8xf32>) -> tensor<1x2x64x8xf32> {
  %shape = onnx.Constant dense<[4096, 4096]> : tensor<2xi64>
  %neginf = onnx.ConstantOfShape %shape {value = dense<0xFF800000> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<4096x4096xf32>
  %one = onnx.Constant dense<1> : tensor<i64>
  %buffer = onnx.Trilu %neginf, %one {upper = 1 : si64} : (tensor<4096x4096xf32>, tensor<i64>) -> tensor<4096x4096xf32>
  %starts = onnx.Constant dense<[0, 0]> : tensor<2xi64>
  %ends = onnx.Constant dense<[64, 64]> : tensor<2xi64>
  %none = onnx.NoValue
  %mask = onnx.Slice %buffer, %starts, %ends, %none, %none : (tensor<4096x4096xf32>, tensor<2xi64>, tensor<2xi64>, none, none) -> tensor<64x64xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x64x8xf32>) -> tensor<1x2x8x64xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x64x8xf32>, tensor<1x2x8x64xf32>) -> tensor<1x2x64x64xf32>
  %c = onnx.Constant dense<0.125> : tensor<f32>
  %s = onnx.Mul %qk, %c : (tensor<1x2x64x64xf32>, tensor<f32>) -> tensor<1x2x64x64xf32>
  %m = onnx.Add %s, %mask : (tensor<1x2x64x64xf32>, tensor<64x64xf32>) -> tensor<1x2x64x64xf32>
  %p = onnx.Softmax %m {axis = -1 : si64} : (tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x64x64xf32>, tensor<1x2x64x8xf32>) -> tensor<1x2x64x8xf32>
  return %o : tensor<1x2x64x8xf32>
}

// -----

// The same window cut from a sliding-window buffer (Trilu lower at -8 hides
// the keys more than 7 behind, upper at 1 the future): read as a window.
// CHECK-LABEL: func.func @slice_of_huge_window_buffer
// CHECK: attn.attention {{.*}} {causal, scale = 1.250000e-01 : f64, window_left = 7 : i64}
func.func @slice_of_huge_window_buffer(%q: tensor<1x2x64x8xf32>, %k: tensor<1x2x64x8xf32>, %v: tensor<1x2x64x8xf32>) -> tensor<1x2x64x8xf32> {
  %shape = onnx.Constant dense<[4096, 4096]> : tensor<2xi64>
  %neginf = onnx.ConstantOfShape %shape {value = dense<0xFF800000> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<4096x4096xf32>
  %one = onnx.Constant dense<1> : tensor<i64>
  %future = onnx.Trilu %neginf, %one {upper = 1 : si64} : (tensor<4096x4096xf32>, tensor<i64>) -> tensor<4096x4096xf32>
  %minus8 = onnx.Constant dense<-8> : tensor<i64>
  %past = onnx.Trilu %neginf, %minus8 {upper = 0 : si64} : (tensor<4096x4096xf32>, tensor<i64>) -> tensor<4096x4096xf32>
  %buffer = onnx.Add %future, %past : (tensor<4096x4096xf32>, tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %starts = onnx.Constant dense<[0, 0]> : tensor<2xi64>
  %ends = onnx.Constant dense<[64, 64]> : tensor<2xi64>
  %none = onnx.NoValue
  %mask = onnx.Slice %buffer, %starts, %ends, %none, %none : (tensor<4096x4096xf32>, tensor<2xi64>, tensor<2xi64>, none, none) -> tensor<64x64xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x64x8xf32>) -> tensor<1x2x8x64xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x64x8xf32>, tensor<1x2x8x64xf32>) -> tensor<1x2x64x64xf32>
  %c = onnx.Constant dense<0.125> : tensor<f32>
  %s = onnx.Mul %qk, %c : (tensor<1x2x64x64xf32>, tensor<f32>) -> tensor<1x2x64x64xf32>
  %m = onnx.Add %s, %mask : (tensor<1x2x64x64xf32>, tensor<64x64xf32>) -> tensor<1x2x64x64xf32>
  %p = onnx.Softmax %m {axis = -1 : si64} : (tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x64x64xf32>, tensor<1x2x64x8xf32>) -> tensor<1x2x64x8xf32>
  return %o : tensor<1x2x64x8xf32>
}

// -----

// Through a Transpose, the first 64 rows read the first 64 columns of every
// row of the buffer: the window spans the whole 16M buffer, the evaluator
// gives up, and the mask stays an operand.
// CHECK-LABEL: func.func @transposed_huge_buffer
// CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}} : tensor<64x64xf32>)
func.func @transposed_huge_buffer(%q: tensor<1x2x64x8xf32>, %k: tensor<1x2x64x8xf32>, %v: tensor<1x2x64x8xf32>) -> tensor<1x2x64x8xf32> {
  %shape = onnx.Constant dense<[4096, 4096]> : tensor<2xi64>
  %neginf = onnx.ConstantOfShape %shape {value = dense<0xFF800000> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<4096x4096xf32>
  %minus1 = onnx.Constant dense<-1> : tensor<i64>
  %lower = onnx.Trilu %neginf, %minus1 {upper = 0 : si64} : (tensor<4096x4096xf32>, tensor<i64>) -> tensor<4096x4096xf32>
  %buffer = onnx.Transpose %lower {perm = array<i64: 1, 0>} : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %starts = onnx.Constant dense<[0, 0]> : tensor<2xi64>
  %ends = onnx.Constant dense<[64, 64]> : tensor<2xi64>
  %none = onnx.NoValue
  %mask = onnx.Slice %buffer, %starts, %ends, %none, %none : (tensor<4096x4096xf32>, tensor<2xi64>, tensor<2xi64>, none, none) -> tensor<64x64xf32>
  %kt = onnx.Transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x64x8xf32>) -> tensor<1x2x8x64xf32>
  %qk = onnx.MatMul %q, %kt : (tensor<1x2x64x8xf32>, tensor<1x2x8x64xf32>) -> tensor<1x2x64x64xf32>
  %c = onnx.Constant dense<0.125> : tensor<f32>
  %s = onnx.Mul %qk, %c : (tensor<1x2x64x64xf32>, tensor<f32>) -> tensor<1x2x64x64xf32>
  %m = onnx.Add %s, %mask : (tensor<1x2x64x64xf32>, tensor<64x64xf32>) -> tensor<1x2x64x64xf32>
  %p = onnx.Softmax %m {axis = -1 : si64} : (tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32>
  %o = onnx.MatMul %p, %v : (tensor<1x2x64x64xf32>, tensor<1x2x64x8xf32>) -> tensor<1x2x64x8xf32>
  return %o : tensor<1x2x64x8xf32>
}
