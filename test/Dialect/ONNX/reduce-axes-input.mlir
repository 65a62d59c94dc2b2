// Result types of reductions whose axes are not constants: their static
// length fixes how many dims are reduced (and the result rank without
// keepdims), not which. A declared type that contradicts the inferred one is
// rejected with the inferred type in the message, which pins it exactly.
// RUN: attnc-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// Kept dim j is one of data dims j..j+count: 3x2x2 over one axis keeps
// [3 or 2, 2] (axis 0 keeps 2x2; axis 1 or 2 keeps 3x2).
// CHECK-LABEL: func.func @one_axis_no_keepdims
func.func @one_axis_no_keepdims(%x: tensor<3x2x2xf32>, %axes: tensor<1xi64>) {
  // CHECK: onnx.ReduceMean {{.*}} -> tensor<3x2xf32>
  %0 = onnx.ReduceMean %x, %axes {keepdims = 0 : si64} : (tensor<3x2x2xf32>, tensor<1xi64>) -> tensor<3x2xf32>
  // CHECK: onnx.ReduceMean {{.*}} -> tensor<2x2xf32>
  %1 = onnx.ReduceMean %x, %axes {keepdims = 0 : si64} : (tensor<3x2x2xf32>, tensor<1xi64>) -> tensor<2x2xf32>
  return
}

// -----

func.func @one_axis_no_keepdims_inferred(%x: tensor<3x2x2xf32>, %axes: tensor<1xi64>) {
  // expected-error @+2 {{'onnx.ReduceMean' op inferred type(s) 'tensor<?x2xf32>' are incompatible with return type(s) of operation 'tensor<3x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceMean %x, %axes {keepdims = 0 : si64} : (tensor<3x2x2xf32>, tensor<1xi64>) -> tensor<3x3xf32>
  return
}

// -----

// Equal dims stay static whichever two axes are reduced.
func.func @two_axes_equal_dims_inferred(%x: tensor<5x5x5xf32>, %axes: tensor<2xi64>) {
  // expected-error @+2 {{'onnx.ReduceSum' op inferred type(s) 'tensor<5xf32>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceSum %x, %axes {keepdims = 0 : si64} : (tensor<5x5x5xf32>, tensor<2xi64>) -> tensor<4xf32>
  return
}

// -----

// Dynamic data dims make the candidates disagree.
func.func @dynamic_data_inferred(%x: tensor<?x4x4xf32>, %axes: tensor<1xi64>) {
  // expected-error @+2 {{'onnx.ReduceMax' op inferred type(s) 'tensor<?x4xf32>' are incompatible with return type(s) of operation 'tensor<4x4x4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceMax %x, %axes {keepdims = 0 : si64} : (tensor<?x4x4xf32>, tensor<1xi64>) -> tensor<4x4x4xf32>
  return
}

// -----

// With keepdims, size-1 dims stay 1 and the others are dynamic...
func.func @keepdims_inferred(%x: tensor<1x4x3xf32>, %axes: tensor<1xi64>) {
  // expected-error @+2 {{'onnx.ReduceMin' op inferred type(s) 'tensor<1x?x?xf32>' are incompatible with return type(s) of operation 'tensor<2x1x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceMin %x, %axes : (tensor<1x4x3xf32>, tensor<1xi64>) -> tensor<2x1x3xf32>
  return
}

// -----

// ... unless there are as many axes as dims: then every dim is reduced.
func.func @keepdims_every_dim_inferred(%x: tensor<2x3xf32>, %axes: tensor<2xi64>) {
  // expected-error @+2 {{'onnx.ReduceMean' op inferred type(s) 'tensor<1x1xf32>' are incompatible with return type(s) of operation 'tensor<2x1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = onnx.ReduceMean %x, %axes : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x1xf32>
  return
}

// -----

// With keepdims the number of axes may be dynamic too.
// CHECK-LABEL: func.func @keepdims_dynamic_count
func.func @keepdims_dynamic_count(%x: tensor<2x3xf32>, %axes: tensor<?xi64>) {
  // CHECK: onnx.ReduceSum {{.*}} -> tensor<2x1xf32>
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<2x1xf32>
  return
}

// -----

// Run-time axes of static length 0 are no axes: every dim, or none with
// noop_with_empty_axes.
// CHECK-LABEL: func.func @empty_axes_input
func.func @empty_axes_input(%x: tensor<2x3xf32>, %axes: tensor<0xi64>) {
  // CHECK: onnx.ReduceSum {{.*}} -> tensor<f32>
  %0 = onnx.ReduceSum %x, %axes {keepdims = 0 : si64} : (tensor<2x3xf32>, tensor<0xi64>) -> tensor<f32>
  // CHECK: onnx.ReduceSum {{.*}} -> tensor<2x3xf32>
  %1 = onnx.ReduceSum %x, %axes {keepdims = 0 : si64, noop_with_empty_axes = 1 : si64} : (tensor<2x3xf32>, tensor<0xi64>) -> tensor<2x3xf32>
  return
}
