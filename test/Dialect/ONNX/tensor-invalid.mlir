// Every shape rule of the shape and data-movement onnx ops, one failing case
// each. The "incompatible" cases at the end also pin the exact inferred type,
// which the diagnostic prints.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics

func.func @reshape_two_minus_one(%x: tensor<2x3x4xf32>) {
  %s = onnx.Constant dense<[-1, -1]> : tensor<2xi64>
  // expected-error @+2 {{expects at most one -1 in shape}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return
}

// -----

func.func @reshape_zero_out_of_rank(%x: tensor<6xf32>) {
  %s = onnx.Constant dense<[6, 0]> : tensor<2xi64>
  // expected-error @+2 {{expects a 0 in shape only within data's rank 1, but got one at position 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s : (tensor<6xf32>, tensor<2xi64>) -> tensor<6x1xf32>
  return
}

// -----

func.func @reshape_negative_entry(%x: tensor<6xf32>) {
  %s = onnx.Constant dense<[-2, 3]> : tensor<2xi64>
  // expected-error @+2 {{expects shape entries >= -1, but got -2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s : (tensor<6xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reshape_allowzero_with_minus_one(%x: tensor<0x3xf32>) {
  %s = onnx.Constant dense<[0, -1]> : tensor<2xi64>
  // expected-error @+2 {{expects no -1 together with a 0 in shape when allowzero = 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s {allowzero = 1 : si64} : (tensor<0x3xf32>, tensor<2xi64>) -> tensor<0x?xf32>
  return
}

// -----

func.func @reshape_indivisible(%x: tensor<2x3xf32>) {
  %s = onnx.Constant dense<[4, -1]> : tensor<2xi64>
  // expected-error @+2 {{cannot infer the -1 in shape: 6 elements do not divide into blocks of 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x?xf32>
  return
}

// -----

func.func @reshape_element_count(%x: tensor<2x3xf32>) {
  %s = onnx.Constant dense<[4, 2]> : tensor<2xi64>
  // expected-error @+2 {{expects shape to have 6 elements like data, but got 8}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x2xf32>
  return
}

// -----

func.func @reshape_dynamic_length(%x: tensor<2x3xf32>, %s: tensor<?xi64>) {
  // expected-error @+2 {{expects shape to be 1-D of static length, but got 'tensor<?xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<6xf32>
  return
}

// -----

func.func @flatten_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{expects axis in [-2, 2], but got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Flatten %x {axis = 3 : si64} : (tensor<2x3xf32>) -> tensor<6x1xf32>
  return
}

// -----

func.func @squeeze_not_one(%x: tensor<1x3xf32>) {
  %a = onnx.Constant dense<[1]> : tensor<1xi64>
  // expected-error @+2 {{expects squeezed dim 1 to have size 1, but got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Squeeze %x, %a : (tensor<1x3xf32>, tensor<1xi64>) -> tensor<1xf32>
  return
}

// -----

func.func @squeeze_axis_range(%x: tensor<1x3xf32>) {
  %a = onnx.Constant dense<[2]> : tensor<1xi64>
  // expected-error @+2 {{expects axes entries in [-2, 2), but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Squeeze %x, %a : (tensor<1x3xf32>, tensor<1xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @squeeze_all_dynamic(%x: tensor<?x3xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects static dims when axes is omitted, but got 'tensor<?x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Squeeze %x, %none : (tensor<?x3xf32>, none) -> tensor<3xf32>
  return
}

// -----

func.func @squeeze_too_many(%x: tensor<1xf32>, %a: tensor<2xi64>) {
  // expected-error @+2 {{expects at most 1 axes, but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Squeeze %x, %a : (tensor<1xf32>, tensor<2xi64>) -> tensor<f32>
  return
}

// -----

func.func @unsqueeze_repeated(%x: tensor<3xf32>) {
  %a = onnx.Constant dense<[0, -3]> : tensor<2xi64>
  // expected-error @+2 {{expects distinct axes, but got 0 twice}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Unsqueeze %x, %a : (tensor<3xf32>, tensor<2xi64>) -> tensor<1x1x3xf32>
  return
}

// -----

func.func @constant_of_shape_value(%s: tensor<2xi64>) {
  // expected-error @+2 {{expects value with one element, but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ConstantOfShape %s {value = dense<[1.0, 2.0]> : tensor<2xf32>} : (tensor<2xi64>) -> tensor<?x?xf32>
  return
}

// -----

func.func @constant_of_shape_negative() {
  %s = onnx.Constant dense<[2, -1]> : tensor<2xi64>
  // expected-error @+2 {{expects dims >= 0 in input, but got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ConstantOfShape %s : (tensor<2xi64>) -> tensor<2x1xf32>
  return
}

// -----

func.func @range_not_scalar(%a: tensor<1xf32>, %b: tensor<f32>) {
  // expected-error @+2 {{expects start, limit and delta to be scalars, but got 'tensor<1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Range %a, %b, %b : (tensor<1xf32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  return
}

// -----

func.func @range_types(%a: tensor<f32>, %b: tensor<f16>) {
  // expected-error @+2 {{expects start, limit and delta of one element type, but got 'f32' and 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Range %a, %b, %a : (tensor<f32>, tensor<f16>, tensor<f32>) -> tensor<?xf32>
  return
}

// -----

func.func @range_zero_delta() {
  %a = onnx.Constant dense<0> : tensor<i64>
  // expected-error @+2 {{expects a nonzero delta}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Range %a, %a, %a : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  return
}

// -----

func.func @concat_ranks(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{expects inputs of one rank, but got 2 and 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Concat %a, %b {axis = 0 : si64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  return
}

// -----

func.func @concat_dims(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+2 {{expects inputs to agree on dim 1, but got 3 and 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Concat %a, %b {axis = 0 : si64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_element_types(%a: tensor<2xf32>, %b: tensor<2xf16>) {
  // expected-error @+2 {{expects inputs of one element type, but got 'f32' and 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Concat %a, %b {axis = 0 : si64} : (tensor<2xf32>, tensor<2xf16>) -> tensor<4xf32>
  return
}

// -----

func.func @concat_axis(%a: tensor<2xf32>) {
  // expected-error @+2 {{expects axis in [-1, 1), but got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Concat %a {axis = 1 : si64} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @split_sum(%x: tensor<2x6xf32>) {
  %s = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  // expected-error @+2 {{expects split sizes summing to 6, but got 5}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = onnx.Split %x, %s {axis = 1 : si64} : (tensor<2x6xf32>, tensor<2xi64>) -> (tensor<2x2xf32>, tensor<2x3xf32>)
  return
}

// -----

func.func @split_negative(%x: tensor<2x6xf32>) {
  %s = onnx.Constant dense<[7, -1]> : tensor<2xi64>
  // expected-error @+2 {{expects split sizes >= 0, but got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = onnx.Split %x, %s {axis = 1 : si64} : (tensor<2x6xf32>, tensor<2xi64>) -> (tensor<2x7xf32>, tensor<2x?xf32>)
  return
}

// -----

func.func @split_no_count(%x: tensor<2x6xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects either a split input or num_outputs}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = onnx.Split %x, %none : (tensor<2x6xf32>, none) -> (tensor<1x6xf32>, tensor<1x6xf32>)
  return
}

// -----

func.func @split_too_many_pieces(%x: tensor<2x6xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{cannot split a dim of 2 into 4 pieces}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:4 = onnx.Split %x, %none {num_outputs = 4 : si64} : (tensor<2x6xf32>, none) -> (tensor<1x6xf32>, tensor<1x6xf32>, tensor<0x6xf32>, tensor<0x6xf32>)
  return
}

// -----

func.func @split_num_outputs(%x: tensor<2x6xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects num_outputs >= 1, but got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Split %x, %none {num_outputs = 0 : si64} : (tensor<2x6xf32>, none) -> tensor<2x6xf32>
  return
}

// -----

func.func @slice_zero_step(%x: tensor<4xf32>) {
  %z = onnx.Constant dense<[0]> : tensor<1xi64>
  // expected-error @+2 {{expects nonzero steps}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Slice %x, %z, %z, %z, %z : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<0xf32>
  return
}

// -----

func.func @slice_lengths(%x: tensor<4x4xf32>, %a: tensor<1xi64>, %b: tensor<2xi64>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects starts, ends, axes and steps of one length, but got 1 and 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Slice %x, %a, %b, %none, %none : (tensor<4x4xf32>, tensor<1xi64>, tensor<2xi64>, none, none) -> tensor<?x?xf32>
  return
}

// -----

func.func @slice_rank(%x: tensor<4x4xf32>, %a: tensor<1x1xi64>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects 1-D starts, ends, axes and steps, but got 'tensor<1x1xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Slice %x, %a, %a, %none, %none : (tensor<4x4xf32>, tensor<1x1xi64>, tensor<1x1xi64>, none, none) -> tensor<?x?xf32>
  return
}

// -----

func.func @slice_too_many_axes(%x: tensor<4xf32>, %a: tensor<2xi64>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects at most 1 sliced axes, but got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Slice %x, %a, %a, %none, %none : (tensor<4xf32>, tensor<2xi64>, tensor<2xi64>, none, none) -> tensor<?xf32>
  return
}

// -----

func.func @slice_repeated_axes(%x: tensor<4x4xf32>, %a: tensor<2xi64>) {
  %axes = onnx.Constant dense<[1, -1]> : tensor<2xi64>
  %none = onnx.NoValue
  // expected-error @+2 {{expects distinct axes, but got 1 twice}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Slice %x, %a, %a, %axes, %none : (tensor<4x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, none) -> tensor<4x?xf32>
  return
}

// -----

func.func @gather_scalar(%x: tensor<f32>, %i: tensor<i64>) {
  // expected-error @+2 {{expects data of rank at least 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gather %x, %i : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return
}

// -----

func.func @gather_axis(%x: tensor<3x4xf32>, %i: tensor<i64>) {
  // expected-error @+2 {{expects axis in [-2, 2), but got -3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gather %x, %i {axis = -3 : si64} : (tensor<3x4xf32>, tensor<i64>) -> tensor<4xf32>
  return
}

// -----

func.func @expand_no_broadcast(%x: tensor<3x2xf32>) {
  %s = onnx.Constant dense<[3, 4]> : tensor<2xi64>
  // expected-error @+2 {{operands of shapes [3, 2] and [3, 4] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Expand %x, %s : (tensor<3x2xf32>, tensor<2xi64>) -> tensor<3x4xf32>
  return
}

// -----

func.func @expand_negative(%x: tensor<3x1xf32>) {
  %s = onnx.Constant dense<[3, -4]> : tensor<2xi64>
  // expected-error @+2 {{expects dims >= 0 in shape, but got -4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Expand %x, %s : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<3x4xf32>
  return
}

// -----

func.func @trilu_rank(%x: tensor<4xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects input of rank at least 2, but got 'tensor<4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Trilu %x, %none : (tensor<4xf32>, none) -> tensor<4xf32>
  return
}

// -----

func.func @trilu_k(%x: tensor<4x4xf32>, %k: tensor<2xi64>) {
  // expected-error @+2 {{expects a scalar k, but got 'tensor<2xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Trilu %x, %k : (tensor<4x4xf32>, tensor<2xi64>) -> tensor<4x4xf32>
  return
}

// -----

func.func @where_types(%c: tensor<2xi1>, %x: tensor<2xf32>, %y: tensor<2xi64>) {
  // expected-error @+2 {{operands have different element types 'f32' and 'i64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Where %c, %x, %y : (tensor<2xi1>, tensor<2xf32>, tensor<2xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @where_broadcast(%c: tensor<3xi1>, %x: tensor<2xf32>, %y: tensor<2xf32>) {
  // expected-error @+2 {{operands of shapes [3] and [2] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Where %c, %x, %y : (tensor<3xi1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @tensor_scatter_batch_axis(%p: tensor<2x4x5xf32>, %u: tensor<2x1x5xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects axis other than the batch dim 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.TensorScatter %p, %u, %none {axis = -3 : si64} : (tensor<2x4x5xf32>, tensor<2x1x5xf32>, none) -> tensor<2x4x5xf32>
  return
}

// -----

func.func @tensor_scatter_mode(%p: tensor<2x4x5xf32>, %u: tensor<2x1x5xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects mode "linear" or "circular", but got "ring"}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.TensorScatter %p, %u, %none {mode = "ring"} : (tensor<2x4x5xf32>, tensor<2x1x5xf32>, none) -> tensor<2x4x5xf32>
  return
}

// -----

func.func @tensor_scatter_long_update(%p: tensor<2x4x5xf32>, %u: tensor<2x6x5xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects update dim 1 at most 4, but got 6}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.TensorScatter %p, %u, %none : (tensor<2x4x5xf32>, tensor<2x6x5xf32>, none) -> tensor<2x4x5xf32>
  return
}

// -----

func.func @tensor_scatter_other_dim(%p: tensor<2x4x5xf32>, %u: tensor<2x1x6xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects update dim 2 equal to 5, but got 6}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.TensorScatter %p, %u, %none : (tensor<2x4x5xf32>, tensor<2x1x6xf32>, none) -> tensor<2x4x5xf32>
  return
}

// -----

func.func @tensor_scatter_update_type(%p: tensor<2x4x5xf32>, %u: tensor<2x1x5xf16>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects update of past_cache's rank and element type, but got 'tensor<2x1x5xf16>' and 'tensor<2x4x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.TensorScatter %p, %u, %none : (tensor<2x4x5xf32>, tensor<2x1x5xf16>, none) -> tensor<2x4x5xf32>
  return
}

// -----

func.func @tensor_scatter_indices(%p: tensor<2x4x5xf32>, %u: tensor<2x1x5xf32>, %w: tensor<3xi64>) {
  // expected-error @+2 {{expects write_indices of shape [2], but got 'tensor<3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.TensorScatter %p, %u, %w : (tensor<2x4x5xf32>, tensor<2x1x5xf32>, tensor<3xi64>) -> tensor<2x4x5xf32>
  return
}

// -----

func.func @tensor_scatter_rank(%p: tensor<4xf32>, %u: tensor<1xf32>) {
  %none = onnx.NoValue
  // expected-error @+2 {{expects past_cache of rank at least 2, but got 'tensor<4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.TensorScatter %p, %u, %none : (tensor<4xf32>, tensor<1xf32>, none) -> tensor<4xf32>
  return
}

// -----

func.func @cast_code(%x: tensor<2xf32>) {
  // expected-error @+2 {{expects a supported ONNX data type in to, but got 8}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Cast %x {to = 8 : si64} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Exact inferred types
//===----------------------------------------------------------------------===//

func.func @inferred_reshape(%x: tensor<2x3x4xf32>) {
  %s = onnx.Constant dense<[0, 0, -1, 4]> : tensor<4xi64>
  // expected-error @+2 {{inferred type(s) 'tensor<2x3x1x4xf32>' are incompatible with return type(s) of operation 'tensor<2x3x4x1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Reshape %x, %s : (tensor<2x3x4xf32>, tensor<4xi64>) -> tensor<2x3x4x1xf32>
  return
}

// -----

func.func @inferred_squeeze_runtime_axes(%x: tensor<1x3x4x5xf32>, %a: tensor<1xi64>) {
  // A single size-1 dim and one axis: the squeezed dim is known.
  // expected-error @+2 {{inferred type(s) 'tensor<3x4x5xf32>' are incompatible with return type(s) of operation 'tensor<1x4x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Squeeze %x, %a : (tensor<1x3x4x5xf32>, tensor<1xi64>) -> tensor<1x4x5xf32>
  return
}

// -----

func.func @inferred_unsqueeze(%x: tensor<3x4x5xf32>) {
  %a = onnx.Constant dense<[2, 4, 5]> : tensor<3xi64>
  // expected-error @+2 {{inferred type(s) 'tensor<3x4x1x5x1x1xf32>' are incompatible with return type(s) of operation 'tensor<3x4x5x1x1x1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Unsqueeze %x, %a : (tensor<3x4x5xf32>, tensor<3xi64>) -> tensor<3x4x5x1x1x1xf32>
  return
}

// -----

func.func @inferred_slice_negative_step(%x: tensor<20x10x5xf32>) {
  %s = onnx.Constant dense<[8, -1]> : tensor<2xi64>
  %e = onnx.Constant dense<[-100, 2]> : tensor<2xi64>
  %a = onnx.Constant dense<[1, 2]> : tensor<2xi64>
  %st = onnx.Constant dense<[-3, -2]> : tensor<2xi64>
  // Axis 1: 8, 5, 2 (end clamped to -1); axis 2: 4 (start -1 is 4, end 2 excluded).
  // expected-error @+2 {{inferred type(s) 'tensor<20x3x1xf32>' are incompatible with return type(s) of operation 'tensor<20x3x2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Slice %x, %s, %e, %a, %st : (tensor<20x10x5xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<20x3x2xf32>
  return
}

// -----

func.func @inferred_slice_runtime_bounds(%x: tensor<20x10x5xf32>, %s: tensor<1xi64>) {
  %a = onnx.Constant dense<[1]> : tensor<1xi64>
  %none = onnx.NoValue
  // Only the listed axis becomes dynamic.
  // expected-error @+2 {{inferred type(s) 'tensor<20x?x5xf32>' are incompatible with return type(s) of operation 'tensor<20x10x6xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Slice %x, %s, %s, %a, %none : (tensor<20x10x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<20x10x6xf32>
  return
}

// -----

func.func @inferred_expand_runtime_shape(%x: tensor<3x1xf32>, %s: tensor<3xi64>) {
  // A non-1 input dim survives an unknown shape.
  // expected-error @+2 {{inferred type(s) 'tensor<?x3x?xf32>' are incompatible with return type(s) of operation 'tensor<2x4x6xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Expand %x, %s : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x4x6xf32>
  return
}

// -----

func.func @inferred_shape(%x: tensor<3x4x5xf32>) {
  // end 10 clamps to the rank.
  // expected-error @+2 {{inferred type(s) 'tensor<3xi64>' are incompatible with return type(s) of operation 'tensor<10xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Shape %x {end = 10 : si64} : (tensor<3x4x5xf32>) -> tensor<10xi64>
  return
}

// -----

func.func @inferred_float_range() {
  %s = onnx.Constant dense<1.0> : tensor<f32>
  %l = onnx.Constant dense<5.0> : tensor<f32>
  %d = onnx.Constant dense<1.5> : tensor<f32>
  // ceil(4 / 1.5) = 3
  // expected-error @+2 {{inferred type(s) 'tensor<3xf32>' are incompatible with return type(s) of operation 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Range %s, %l, %d : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<2xf32>
  return
}

// -----

func.func @inferred_gather_scalar_index(%x: tensor<5x4x3xf32>, %i: tensor<i64>) {
  // expected-error @+2 {{inferred type(s) 'tensor<5x3xf32>' are incompatible with return type(s) of operation 'tensor<5x1x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Gather %x, %i {axis = 1 : si64} : (tensor<5x4x3xf32>, tensor<i64>) -> tensor<5x1x3xf32>
  return
}

// -----

func.func @inferred_cast_type(%x: tensor<2xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2xbf16>' are incompatible with return type(s) of operation 'tensor<2xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Cast %x {to = 16 : si64} : (tensor<2xf32>) -> tensor<2xf16>
  return
}

// -----

func.func @inferred_constant_of_shape_default(%s: tensor<2xi64>) {
  // expected-error @+2 {{inferred type(s) 'tensor<?x?xf32>' are incompatible with return type(s) of operation 'tensor<2x3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ConstantOfShape %s : (tensor<2xi64>) -> tensor<2x3xi64>
  return
}

// -----

func.func @tile_repeats_length(%x: tensor<3x4xf32>) {
  %r = onnx.Constant dense<[2, 1, 1]> : tensor<3xi64>
  // expected-error @+2 {{expects one repeat per dim of the rank-2 input, but got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Tile %x, %r : (tensor<3x4xf32>, tensor<3xi64>) -> tensor<6x4x1xf32>
  return
}

// -----

func.func @tile_repeats_rank(%x: tensor<3x4xf32>, %r: tensor<1x2xi64>) {
  // expected-error @+2 {{expects repeats to be 1-D of static length, but got 'tensor<1x2xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Tile %x, %r : (tensor<3x4xf32>, tensor<1x2xi64>) -> tensor<?x?xf32>
  return
}

// -----

func.func @tile_negative(%x: tensor<3x4xf32>) {
  %r = onnx.Constant dense<[2, -1]> : tensor<2xi64>
  // expected-error @+2 {{expects repeats >= 0, but got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Tile %x, %r : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  return
}

// -----

func.func @tile_overflow(%x: tensor<3x4xf32>) {
  %r = onnx.Constant dense<[4611686018427387904, 1]> : tensor<2xi64>
  // expected-error @+2 {{expects dims that fit in int64, but dim 0 is 3 x 4611686018427387904}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Tile %x, %r : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<?x4xf32>
  return
}

// -----

func.func @inferred_tile(%x: tensor<?x4xf32>) {
  %r = onnx.Constant dense<[0, 3]> : tensor<2xi64>
  // Zero copies of a dynamic dim are empty.
  // expected-error @+2 {{inferred type(s) 'tensor<0x12xf32>' are incompatible with return type(s) of operation 'tensor<2x12xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.Tile %x, %r : (tensor<?x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
  return
}
