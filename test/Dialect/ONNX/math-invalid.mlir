// Every shape rule and verifier of the math onnx ops, one failing case each.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics

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

func.func @matmul_result_refines_dynamic(%a: tensor<?x8xf32>, %b: tensor<8x4xf32>) {
  // A declared result may be more static than the inferred one, never different.
  // expected-error @+2 {{'onnx.MatMul' op inferred type(s) 'tensor<?x4xf32>' are incompatible with return type(s) of operation 'tensor<2x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.MatMul %a, %b : (tensor<?x8xf32>, tensor<8x4xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gemm_rank(%a: tensor<2x4x8xf32>, %b: tensor<8x4xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects A and B of rank 2, but got 3 and 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gemm %a, %b, %none : (tensor<2x4x8xf32>, tensor<8x4xf32>, none) -> tensor<4x4xf32>
  return
}

// -----

func.func @gemm_transposed_contraction(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{contraction dims differ: 4 and 8}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gemm %a, %b, %none {transA = 1 : si64} : (tensor<4x8xf32>, tensor<8x4xf32>, none) -> tensor<8x4xf32>
  return
}

// -----

func.func @gemm_bias_shape(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %c: tensor<3xf32>) {
  // expected-error @+2 {{expects C of shape [3] to broadcast to [4, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gemm %a, %b, %c : (tensor<4x8xf32>, tensor<8x4xf32>, tensor<3xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @gemm_bias_type(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %c: tensor<4xf16>) {
  // expected-error @+2 {{expects C of element type 'f32', but got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gemm %a, %b, %c : (tensor<4x8xf32>, tensor<8x4xf32>, tensor<4xf16>) -> tensor<4x4xf32>
  return
}

// -----

func.func @einsum_term_count(%a: tensor<4x8xf32>) {
  // expected-error @+2 {{expects 1 input terms in equation 'ij,jk->ik', but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a {equation = "ij,jk->ik"} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @einsum_term_rank(%a: tensor<4x8xf32>) {
  // expected-error @+2 {{expects term 'ijk' to match input 0 of rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a {equation = "ijk->i"} : (tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @einsum_character(%a: tensor<4x8xf32>) {
  // expected-error @+2 {{expects letters or '...' in einsum terms, but got '1'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a {equation = "i1->i"} : (tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @einsum_two_ellipses(%a: tensor<4x8xf32>) {
  // expected-error @+2 {{expects at most one '...' per term}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a {equation = "......"} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @einsum_unknown_output(%a: tensor<4x8xf32>) {
  // expected-error @+2 {{expects output label 'k' to occur in an input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a {equation = "ij->k"} : (tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @einsum_repeated_output(%a: tensor<4x8xf32>) {
  // expected-error @+2 {{expects output label 'i' once}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a {equation = "ij->ii"} : (tensor<4x8xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @einsum_output_ellipsis(%a: tensor<2x4x8xf32>) {
  // expected-error @+2 {{expects '...' in the output of '...ij->ij' since inputs have dims under '...'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a {equation = "...ij->ij"} : (tensor<2x4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @einsum_label_sizes(%a: tensor<4x8xf32>, %b: tensor<7x2xf32>) {
  // expected-error @+2 {{expects label 'j' to have one size, but got 8 and 7}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a, %b {equation = "ij,jk->ik"} : (tensor<4x8xf32>, tensor<7x2xf32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @einsum_element_types(%a: tensor<4x8xf32>, %b: tensor<8x2xf16>) {
  // expected-error @+2 {{expects every input of element type 'f32', but got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Einsum %a, %b {equation = "ij,jk->ik"} : (tensor<4x8xf32>, tensor<8x2xf16>) -> tensor<4x2xf32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{expects axis in [-2, 2), but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Softmax %x {axis = 2 : si64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @reduce_axes_range(%x: tensor<2x8xf32>) {
  %axes = onnx.Constant dense<[2]> : tensor<1xi64>
  // expected-error @+2 {{expects axes in [-2, 2), but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x8xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_axes_repeated(%x: tensor<2x8xf32>) {
  %axes = onnx.Constant dense<[1, -1]> : tensor<2xi64>
  // expected-error @+2 {{expects distinct axes, but got -1 twice}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceMax %x, %axes : (tensor<2x8xf32>, tensor<2xi64>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_axes_rank(%x: tensor<2x8xf32>, %axes: tensor<1x1xi64>) {
  // expected-error @+2 {{expects axes of rank 1, but got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceMean %x, %axes : (tensor<2x8xf32>, tensor<1x1xi64>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_dynamic_axes(%x: tensor<2x8xf32>, %axes: tensor<?xi64>) {
  // expected-error @+2 {{expects constant axes or axes of a static length when keepdims = 0, because the result rank is the data rank minus their number, but got axes of type 'tensor<?xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceMean %x, %axes {keepdims = 0 : si64} : (tensor<2x8xf32>, tensor<?xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @reduce_more_axes_than_dims(%x: tensor<2x3xf32>, %axes: tensor<3xi64>) {
  // expected-error @+2 {{expects at most 2 distinct axes, but got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<1x1xf32>
  return
}

// -----

func.func @layernorm_axis(%x: tensor<2x8xf32>, %w: tensor<8xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects axis in [-2, 2), but got -3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = onnx.LayerNormalization %x, %w, %none {axis = -3 : si64} : (tensor<2x8xf32>, tensor<8xf32>, none) -> (tensor<2x8xf32>, tensor<1x1xf32>, tensor<1x1xf32>)
  return
}

// -----

func.func @layernorm_scale_shape(%x: tensor<2x8xf32>, %w: tensor<4xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects Scale of shape [4] to broadcast to [2, 8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = onnx.LayerNormalization %x, %w, %none : (tensor<2x8xf32>, tensor<4xf32>, none) -> (tensor<2x8xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @layernorm_bias_type(%x: tensor<2x8xf32>, %w: tensor<8xf32>, %b: tensor<8xf16>) {
  // expected-error @+2 {{expects B of element type 'f32', but got 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = onnx.LayerNormalization %x, %w, %b : (tensor<2x8xf32>, tensor<8xf32>, tensor<8xf16>) -> (tensor<2x8xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @layernorm_stash_type(%x: tensor<2x8xf32>, %w: tensor<8xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects stash_type 1 (float), but got 11}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:3 = onnx.LayerNormalization %x, %w, %none {stash_type = 11 : si64} : (tensor<2x8xf32>, tensor<8xf32>, none) -> (tensor<2x8xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @rmsnorm_scale_shape(%x: tensor<2x8xf32>, %w: tensor<2xf32>) {
  // expected-error @+2 {{expects scale of shape [2] to broadcast to [2, 8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.RMSNormalization %x, %w : (tensor<2x8xf32>, tensor<2xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @gelu_approximate(%x: tensor<8xf32>) {
  // expected-error @+2 {{expects approximate "none" or "tanh", but got "fast"}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gelu %x {approximate = "fast"} : (tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @skip_norm_gamma(%x: tensor<2x3x16xf32>, %g: tensor<8xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects gamma of shape [8] to broadcast to [16]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:4 = onnx.ms.SkipSimplifiedLayerNormalization %x, %x, %g, %none : (tensor<2x3x16xf32>, tensor<2x3x16xf32>, tensor<8xf32>, none) -> (tensor<2x3x16xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x16xf32>)
  return
}

// -----

func.func @skip_norm_skip_shape(%x: tensor<2x3x16xf32>, %s: tensor<4x16xf32>, %g: tensor<16xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects skip of shape [4, 16] to broadcast to [2, 3, 16]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:4 = onnx.ms.SkipSimplifiedLayerNormalization %x, %s, %g, %none : (tensor<2x3x16xf32>, tensor<4x16xf32>, tensor<16xf32>, none) -> (tensor<2x3x16xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x16xf32>)
  return
}
