// Every shape rule of the indexing onnx ops (TopK, GatherElements,
// ScatterElements), one failing case each. The "inferred" cases at the end
// pin the exact inferred type, which the diagnostic prints.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics

func.func @topk_scalar(%x: tensor<f32>) {
  %k = onnx.Constant dense<1> : tensor<1xi64>
  // expected-error @+2 {{expects X of rank at least 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k : (tensor<f32>, tensor<1xi64>) -> (tensor<f32>, tensor<i64>)
  return
}

// -----

func.func @topk_k_two_elements(%x: tensor<3x4xf32>) {
  %k = onnx.Constant dense<[1, 2]> : tensor<2xi64>
  // expected-error @+2 {{expects K of shape [1], but got 'tensor<2xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<2xi64>) -> (tensor<3x1xf32>, tensor<3x1xi64>)
  return
}

// -----

func.func @topk_k_scalar(%x: tensor<3x4xf32>, %k: tensor<i64>) {
  // expected-error @+2 {{expects K of shape [1], but got 'tensor<i64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<i64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return
}

// -----

func.func @topk_largest_two(%x: tensor<3x4xf32>) {
  %k = onnx.Constant dense<1> : tensor<1xi64>
  // expected-error @+2 {{expects largest 0 or 1, but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k {largest = 2 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x1xf32>, tensor<3x1xi64>)
  return
}

// -----

func.func @topk_axis_out_of_range(%x: tensor<3x4xf32>) {
  %k = onnx.Constant dense<1> : tensor<1xi64>
  // expected-error @+2 {{expects axis in [-2, 2), but got -3}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k {axis = -3 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x1xf32>, tensor<3x1xi64>)
  return
}

// -----

func.func @topk_k_above_dim(%x: tensor<3x4xf32>) {
  %k = onnx.Constant dense<5> : tensor<1xi64>
  // expected-error @+2 {{expects K in [0, 4] (the dim at axis), but got 5}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x5xf32>, tensor<3x5xi64>)
  return
}

// -----

func.func @topk_k_negative(%x: tensor<3x?xf32>) {
  %k = onnx.Constant dense<-1> : tensor<1xi64>
  // expected-error @+2 {{expects K >= 0, but got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k : (tensor<3x?xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return
}

// -----

func.func @gather_elements_scalar(%d: tensor<f32>, %i: tensor<i64>) {
  // expected-error @+2 {{expects data of rank at least 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %g = onnx.GatherElements %d, %i : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return
}

// -----

func.func @gather_elements_rank(%d: tensor<2x5xf32>, %i: tensor<3xi64>) {
  // expected-error @+2 {{expects indices of data's rank 2, but got 'tensor<3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %g = onnx.GatherElements %d, %i : (tensor<2x5xf32>, tensor<3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @gather_elements_axis(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>) {
  // expected-error @+2 {{expects axis in [-2, 2), but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %g = onnx.GatherElements %d, %i {axis = 2 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  return
}

// -----

func.func @gather_elements_indices_too_large(%d: tensor<2x5xf32>, %i: tensor<3x3xi64>) {
  // Along axis 1 the indices pick the column; their rows are data's rows.
  // expected-error @+2 {{expects indices no larger than data off the axis, but got 'tensor<3x3xi64>' for 'tensor<2x5xf32>' at dim 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %g = onnx.GatherElements %d, %i {axis = -1 : si64} : (tensor<2x5xf32>, tensor<3x3xi64>) -> tensor<3x3xf32>
  return
}

// -----

func.func @gather_elements_float_indices(%d: tensor<2x5xf32>, %i: tensor<2x3xf32>) {
  // expected-error @+1 {{operand #1 must be}}
  %g = onnx.GatherElements %d, %i : (tensor<2x5xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @scatter_elements_rank(%d: tensor<2x5xf32>, %i: tensor<6xi64>, %u: tensor<6xf32>) {
  // expected-error @+2 {{expects indices of data's rank 2, but got 'tensor<6xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u : (tensor<2x5xf32>, tensor<6xi64>, tensor<6xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @scatter_elements_axis(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+2 {{expects axis in [-2, 2), but got -3}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u {axis = -3 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @scatter_elements_updates_type(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf16>) {
  // expected-error @+2 {{expects updates of data's element type 'f32', but got 'tensor<2x3xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u {axis = 1 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x3xf16>) -> tensor<2x5xf32>
  return
}

// -----

func.func @scatter_elements_updates_rank(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>, %u: tensor<6xf32>) {
  // expected-error @+2 {{expects updates of indices' shape, but got 'tensor<6xf32>' and 'tensor<2x3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u {axis = 1 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<6xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @scatter_elements_updates_shape(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>, %u: tensor<2x4xf32>) {
  // expected-error @+2 {{expects updates of indices' shape, but got 'tensor<2x4xf32>' and 'tensor<2x3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u {axis = 1 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x4xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @scatter_elements_indices_too_large(%d: tensor<2x5xf32>, %i: tensor<2x6xi64>, %u: tensor<2x6xf32>) {
  // Along axis 0, 6 index columns address data's 5 columns.
  // expected-error @+2 {{expects indices no larger than data off the axis, but got 'tensor<2x6xi64>' for 'tensor<2x5xf32>' at dim 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u : (tensor<2x5xf32>, tensor<2x6xi64>, tensor<2x6xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @scatter_elements_reduction(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+2 {{expects reduction none, add, mul, max or min, but got "sum"}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u {axis = 1 : si64, reduction = "sum"} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @inferred_topk_axis(%x: tensor<3x4xf32>) {
  %k = onnx.Constant dense<2> : tensor<1xi64>
  // K replaces the dim at the (negative) axis; Indices are always i64.
  // expected-error @+2 {{inferred type(s) 'tensor<2x4xf32>', 'tensor<2x4xi64>' are incompatible with return type(s) of operation 'tensor<3x2xf32>', 'tensor<3x2xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k {axis = -2 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return
}

// -----

func.func @inferred_topk_runtime_k(%x: tensor<3x4xf16>, %k: tensor<1xi64>) {
  // A static result dim is compatible with the dynamic one: a wrong rank
  // shows the inferred types.
  // expected-error @+2 {{inferred type(s) 'tensor<3x?xf16>', 'tensor<3x?xi64>' are incompatible with return type(s) of operation 'tensor<3xf16>', 'tensor<3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = onnx.TopK %x, %k : (tensor<3x4xf16>, tensor<1xi64>) -> (tensor<3xf16>, tensor<3xi64>)
  return
}

// -----

func.func @inferred_gather_elements(%d: tensor<2x5xbf16>, %i: tensor<2x3xi32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x3xbf16>' are incompatible with return type(s) of operation 'tensor<2x5xbf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %g = onnx.GatherElements %d, %i {axis = 1 : si64} : (tensor<2x5xbf16>, tensor<2x3xi32>) -> tensor<2x5xbf16>
  return
}

// -----

func.func @inferred_scatter_elements(%d: tensor<2x5xi64>, %i: tensor<2x3xi64>, %u: tensor<2x3xi64>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x5xi64>' are incompatible with return type(s) of operation 'tensor<2x3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %s = onnx.ScatterElements %d, %i, %u {axis = 1 : si64} : (tensor<2x5xi64>, tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return
}
