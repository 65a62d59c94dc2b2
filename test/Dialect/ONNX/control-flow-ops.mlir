// onnx.Loop and onnx.Scan round-trip, with bodies that capture values from
// above; the result types are the inferred ones (scan outputs stack along a
// new dim whose size is the trip count or the scan length).
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s

// CHECK-LABEL: func.func @loop_range
// CHECK-SAME: (%[[M:.+]]: tensor<i64>, %[[COND:.+]]: tensor<i1>, %[[START:.+]]: tensor<f32>, %[[DELTA:.+]]: tensor<f32>)
func.func @loop_range(%m: tensor<i64>, %cond: tensor<i1>, %start: tensor<f32>, %delta: tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  // CHECK: %[[R:.+]]:2 = onnx.Loop %[[M]], %[[COND]], %[[START]] : (tensor<i64>, tensor<i1>, tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  // CHECK: ^bb0(%{{.+}}: tensor<i64>, %[[C:.+]]: tensor<i1>, %[[PREV:.+]]: tensor<f32>):
  // CHECK:   %[[NEXT:.+]] = onnx.Add %[[PREV]], %[[DELTA]]
  // CHECK:   onnx.Yield %[[C]], %[[NEXT]], %[[PREV]] : tensor<i1>, tensor<f32>, tensor<f32>
  // CHECK: }
  %last, %all = onnx.Loop %m, %cond, %start : (tensor<i64>, tensor<i1>, tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %prev: tensor<f32>):
    %next = onnx.Add %prev, %delta : (tensor<f32>, tensor<f32>) -> tensor<f32>
    onnx.Yield %c, %next, %prev : tensor<i1>, tensor<f32>, tensor<f32>
  }
  return %last, %all : tensor<f32>, tensor<?xf32>
}

// A constant trip count, no condition and a body that yields its condition
// argument: the scan output's leading dim is static.
// CHECK-LABEL: func.func @loop_constant_trip_count
func.func @loop_constant_trip_count(%x: tensor<2x3xf32>) -> tensor<4x2x3xf32> {
  %m = onnx.Constant dense<4> : tensor<i64>
  %none = onnx.NoValue
  // CHECK: onnx.Loop %{{.+}}, %{{.+}} : (tensor<i64>, none) -> tensor<4x2x3xf32>
  %all = onnx.Loop %m, %none : (tensor<i64>, none) -> tensor<4x2x3xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    onnx.Yield %c, %x : tensor<i1>, tensor<2x3xf32>
  }
  return %all : tensor<4x2x3xf32>
}

// A declared type may be more static than the inferred one.
// CHECK-LABEL: func.func @loop_declared_more_static
func.func @loop_declared_more_static(%m: tensor<i64>, %x: tensor<3xf32>) -> tensor<5x3xf32> {
  %none = onnx.NoValue
  // CHECK: onnx.Loop {{.*}} -> tensor<5x3xf32>
  %all = onnx.Loop %m, %none : (tensor<i64>, none) -> tensor<5x3xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    onnx.Yield %c, %x : tensor<i1>, tensor<3xf32>
  }
  return %all : tensor<5x3xf32>
}

// CHECK-LABEL: func.func @scan_prefix_sum
// CHECK-SAME: (%[[INIT:.+]]: tensor<3xf32>, %[[XS:.+]]: tensor<5x3xf32>)
func.func @scan_prefix_sum(%init: tensor<3xf32>, %xs: tensor<5x3xf32>) -> (tensor<3xf32>, tensor<5x3xf32>) {
  // CHECK: onnx.Scan %[[INIT]], %[[XS]] {num_scan_inputs = 1 : si64} : (tensor<3xf32>, tensor<5x3xf32>) -> (tensor<3xf32>, tensor<5x3xf32>) {
  // CHECK: ^bb0(%[[ACC:.+]]: tensor<3xf32>, %[[X:.+]]: tensor<3xf32>):
  // CHECK:   %[[NEXT:.+]] = onnx.Add %[[ACC]], %[[X]]
  // CHECK:   onnx.Yield %[[NEXT]], %[[NEXT]] : tensor<3xf32>, tensor<3xf32>
  %sum, %prefix = onnx.Scan %init, %xs {num_scan_inputs = 1 : si64} : (tensor<3xf32>, tensor<5x3xf32>) -> (tensor<3xf32>, tensor<5x3xf32>) {
  ^bb0(%acc: tensor<3xf32>, %x: tensor<3xf32>):
    %next = onnx.Add %acc, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
    onnx.Yield %next, %next : tensor<3xf32>, tensor<3xf32>
  }
  return %sum, %prefix : tensor<3xf32>, tensor<5x3xf32>
}

// Scan axes and directions: the input is scanned along dim 1 backwards, the
// output stacks along its last dim.
// CHECK-LABEL: func.func @scan_axes_and_directions
func.func @scan_axes_and_directions(%xs: tensor<2x7x4xf32>, %scale: tensor<4xf32>) -> tensor<2x4x7xf32> {
  // CHECK: onnx.Scan %{{.+}} {num_scan_inputs = 1 : si64, scan_input_axes = array<i64: 1>, scan_input_directions = array<i64: 1>, scan_output_axes = array<i64: -1>} : (tensor<2x7x4xf32>) -> tensor<2x4x7xf32>
  // CHECK: ^bb0(%{{.+}}: tensor<2x4xf32>):
  %ys = onnx.Scan %xs {num_scan_inputs = 1 : si64, scan_input_axes = array<i64: 1>, scan_input_directions = array<i64: 1>, scan_output_axes = array<i64: -1>} : (tensor<2x7x4xf32>) -> tensor<2x4x7xf32> {
  ^bb0(%x: tensor<2x4xf32>):
    %y = onnx.Mul %x, %scale : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
    onnx.Yield %y : tensor<2x4xf32>
  }
  return %ys : tensor<2x4x7xf32>
}

// A dynamic scan length stays dynamic.
// CHECK-LABEL: func.func @scan_dynamic_length
func.func @scan_dynamic_length(%init: tensor<f32>, %xs: tensor<?xf32>) -> (tensor<f32>, tensor<?xf32>) {
  // CHECK: onnx.Scan {{.*}} : (tensor<f32>, tensor<?xf32>) -> (tensor<f32>, tensor<?xf32>)
  %sum, %prefix = onnx.Scan %init, %xs {num_scan_inputs = 1 : si64} : (tensor<f32>, tensor<?xf32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%acc: tensor<f32>, %x: tensor<f32>):
    %next = onnx.Add %acc, %x : (tensor<f32>, tensor<f32>) -> tensor<f32>
    onnx.Yield %next, %next : tensor<f32>, tensor<f32>
  }
  return %sum, %prefix : tensor<f32>, tensor<?xf32>
}
