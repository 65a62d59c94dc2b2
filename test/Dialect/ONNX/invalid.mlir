// Every shape rule and verifier of the onnx ops, one failing case each.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics
// The elementwise and math ops are in elementwise-invalid.mlir and
// math-invalid.mlir.

func.func @transpose_perm_size(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{expects perm of size 2, but got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Transpose %x {perm = array<i64: 0, 1, 2>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @transpose_not_a_permutation(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{expects perm to be a permutation of [0, 2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Transpose %x {perm = array<i64: 1, 1>} : (tensor<2x8xf32>) -> tensor<8x2xf32>
  return
}

