// Loops the lowering refuses: they stay onnx ops and the pass fails.
// RUN: attnc-opt %s --convert-onnx-to-linalg -split-input-file -verify-diagnostics

// No M and a condition the body never changes: the loop would not end.
func.func @endless(%x: tensor<f32>) -> tensor<f32> {
  %none = onnx.NoValue
  // expected-error @+1 {{failed to legalize operation 'onnx.Loop' that was explicitly marked illegal}}
  %0 = onnx.Loop %none, %none, %x : (none, none, tensor<f32>) -> tensor<f32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    onnx.Yield %c, %v : tensor<i1>, tensor<f32>
  }
  return %0 : tensor<f32>
}

// -----

// Scan outputs are preallocated: their slices need a static shape.
func.func @dynamic_slice(%init: tensor<?xf32>, %xs: tensor<4x2xf32>) -> tensor<4x?xf32> {
  // expected-error @+1 {{failed to legalize operation 'onnx.Scan' that was explicitly marked illegal}}
  %0:2 = onnx.Scan %init, %xs {num_scan_inputs = 1 : si64} : (tensor<?xf32>, tensor<4x2xf32>) -> (tensor<?xf32>, tensor<4x?xf32>) {
  ^bb0(%s: tensor<?xf32>, %x: tensor<2xf32>):
    onnx.Yield %s, %s : tensor<?xf32>, tensor<?xf32>
  }
  return %0#1 : tensor<4x?xf32>
}

// -----

// Without M, a Loop's scan outputs have no bound to allocate.
func.func @unbounded_scan_output(%cond: tensor<i1>, %x: tensor<f32>, %limit: tensor<f32>) -> tensor<?xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{failed to legalize operation 'onnx.Loop' that was explicitly marked illegal}}
  %0:2 = onnx.Loop %none, %cond, %x : (none, tensor<i1>, tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    %go = onnx.Less %v, %limit : (tensor<f32>, tensor<f32>) -> tensor<i1>
    onnx.Yield %go, %v, %v : tensor<i1>, tensor<f32>, tensor<f32>
  }
  return %0#1 : tensor<?xf32>
}

// -----

// A loop-carried value that grows each iteration.
func.func @growing(%m: tensor<i64>, %seed: tensor<2xf32>) -> tensor<?xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{failed to legalize operation 'onnx.Loop' that was explicitly marked illegal}}
  %0 = onnx.Loop %m, %none, %seed : (tensor<i64>, none, tensor<2xf32>) -> tensor<?xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %acc: tensor<?xf32>):
    %one = onnx.Constant dense<1.0> : tensor<1xf32>
    %next = onnx.Concat %acc, %one {axis = 0 : si64} : (tensor<?xf32>, tensor<1xf32>) -> tensor<?xf32>
    onnx.Yield %c, %next : tensor<i1>, tensor<?xf32>
  }
  return %0 : tensor<?xf32>
}
