// Every shape rule and verifier of the onnx ops, one failing case each.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics

func.func @add_element_types(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+2 {{operands have different element types 'f32' and 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Add %a, %b : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

func.func @add_no_broadcast(%a: tensor<3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{operands of shapes [3] and [4] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Mul %a, %b : (tensor<3xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @add_wrong_result(%a: tensor<3x1xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{'onnx.Add' op inferred type(s) 'tensor<3x4xf32>' are incompatible with return type(s) of operation 'tensor<4x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Add %a, %b : (tensor<3x1xf32>, tensor<4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @matmul_element_types(%a: tensor<4x8xf32>, %b: tensor<8x4xf16>) {
  // expected-error @+2 {{operands have different element types 'f32' and 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.MatMul %a, %b : (tensor<4x8xf32>, tensor<8x4xf16>) -> tensor<4x4xf32>
  return
}

// -----

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<8x4xf32>) {
  // expected-error @+2 {{expects operands of rank at least 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.MatMul %a, %b : (tensor<f32>, tensor<8x4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @matmul_contraction(%a: tensor<4x8xf32>, %b: tensor<6x4xf32>) {
  // expected-error @+2 {{contraction dims differ: 8 and 6}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.MatMul %a, %b : (tensor<4x8xf32>, tensor<6x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x4x8xf32>, %b: tensor<3x8x4xf32>) {
  // expected-error @+2 {{operands of shapes [2] and [3] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.MatMul %a, %b : (tensor<2x4x8xf32>, tensor<3x8x4xf32>) -> tensor<2x4x4xf32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{expects axis in [-2, 2), but got 2}}
  %0 = onnx.Softmax %x {axis = 2 : si64} : tensor<2x8xf32>
  return
}

// -----

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

// -----

func.func @matmul_result_refines_dynamic(%a: tensor<?x8xf32>, %b: tensor<8x4xf32>) {
  // A declared result may be more static than the inferred one, never different.
  // expected-error @+2 {{'onnx.MatMul' op inferred type(s) 'tensor<?x4xf32>' are incompatible with return type(s) of operation 'tensor<2x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.MatMul %a, %b : (tensor<?x8xf32>, tensor<8x4xf32>) -> tensor<2x5xf32>
  return
}
