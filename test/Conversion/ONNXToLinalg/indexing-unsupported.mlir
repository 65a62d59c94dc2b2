// Indexing ops the lowering refuses: they stay onnx ops and the pass fails.
// RUN: attnc-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

// The K-buffer's size must be known: a run-time K is refused.
func.func @topk_runtime_k(%x: tensor<3x4xf32>, %k: tensor<1xi64>) -> tensor<3x?xi64> {
  // expected-error @+1 {{failed to legalize operation 'onnx.TopK' that was explicitly marked illegal}}
  %v, %i = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return %i : tensor<3x?xi64>
}

// -----

// ScatterElements reads indices at data's coordinates off the axis, so
// indices must span data there (ONNX allows fewer rows).
func.func @scatter_fewer_rows(%d: tensor<3x5xf32>, %i: tensor<2x2xi64>, %u: tensor<2x2xf32>) -> tensor<3x5xf32> {
  // expected-error @+1 {{failed to legalize operation 'onnx.ScatterElements' that was explicitly marked illegal}}
  %s = onnx.ScatterElements %d, %i, %u {axis = 1 : si64} : (tensor<3x5xf32>, tensor<2x2xi64>, tensor<2x2xf32>) -> tensor<3x5xf32>
  return %s : tensor<3x5xf32>
}
