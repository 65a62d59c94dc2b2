// Every shape rule and verifier of the elementwise onnx ops, one failing case each.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics

func.func @add_element_types(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+2 {{operands have different element types 'f32' and 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Add %a, %b : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

func.func @mul_no_broadcast(%a: tensor<3xf32>, %b: tensor<4xf32>) {
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

func.func @sqrt_integer(%x: tensor<4xi64>) {
  // expected-error @+1 {{'onnx.Sqrt' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values}}
  %0 = onnx.Sqrt %x : (tensor<4xi64>) -> tensor<4xi64>
  return
}

// -----

func.func @and_not_bool(%a: tensor<4xi64>) {
  // expected-error @+1 {{'onnx.And' op operand #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = onnx.And %a, %a : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return
}

// -----

func.func @mod_float_without_fmod(%a: tensor<4xf32>) {
  // expected-error @+1 {{'onnx.Mod' op expects fmod = 1 for float operands, but got 0}}
  %0 = onnx.Mod %a, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @mod_fmod_value(%a: tensor<4xi32>) {
  // expected-error @+1 {{'onnx.Mod' op expects fmod to be 0 or 1, but got 2}}
  %0 = onnx.Mod %a, %a {fmod = 2 : si64} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @pow_integer_base(%a: tensor<4xi32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'onnx.Pow' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values}}
  %0 = onnx.Pow %a, %b : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xi32>
  return
}

// -----

func.func @equal_result_not_bool(%a: tensor<4xi64>) {
  // expected-error @+1 {{'onnx.Equal' op result #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = onnx.Equal %a, %a : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return
}

// -----

func.func @less_element_types(%a: tensor<4xi64>, %b: tensor<4xi32>) {
  // expected-error @+2 {{operands have different element types 'i64' and 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Less %a, %b : (tensor<4xi64>, tensor<4xi32>) -> tensor<4xi1>
  return
}

// -----

func.func @sum_no_inputs() {
  // expected-error @+2 {{expects at least one input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Sum : () -> tensor<4xf32>
  return
}

// -----

func.func @max_no_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{operands of shapes [2, 3] and [2] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Max %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @neg_wrong_result(%a: tensor<4xf32>) {
  // expected-error @+2 {{'onnx.Neg' op inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Neg %a : (tensor<4xf32>) -> tensor<5xf32>
  return
}
