// The shape and data-movement onnx ops round-trip, with result types that
// follow ONNX shape inference (exact inferred types are checked through the
// diagnostics in tensor-invalid.mlir).
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s

// CHECK-LABEL: func.func @identity
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: onnx.Identity %{{.+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = onnx.Identity %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @reshape
func.func @reshape(%x: tensor<2x3x4xf32>, %s: tensor<3xi64>, %e: tensor<0x3xf32>) -> (tensor<2x3x1x4xf32>, tensor<?x?x?xf32>, tensor<3x0xf32>) {
  // 0 copies data's dim, -1 takes the rest.
  // CHECK: %[[SHAPE:.+]] = onnx.Constant dense<[0, 0, -1, 4]> : tensor<4xi64>
  %c = onnx.Constant dense<[0, 0, -1, 4]> : tensor<4xi64>
  // CHECK: onnx.Reshape %{{.+}}, %[[SHAPE]] : (tensor<2x3x4xf32>, tensor<4xi64>) -> tensor<2x3x1x4xf32>
  %0 = onnx.Reshape %x, %c : (tensor<2x3x4xf32>, tensor<4xi64>) -> tensor<2x3x1x4xf32>
  // A run-time shape gives its length as the rank.
  // CHECK: onnx.Reshape {{.*}} -> tensor<?x?x?xf32>
  %1 = onnx.Reshape %x, %s : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  // allowzero = 1: a 0 is a zero-sized dim.
  %z = onnx.Constant dense<[3, 0]> : tensor<2xi64>
  // CHECK: onnx.Reshape {{.*}} {allowzero = 1 : si64} : (tensor<0x3xf32>, tensor<2xi64>) -> tensor<3x0xf32>
  %2 = onnx.Reshape %e, %z {allowzero = 1 : si64} : (tensor<0x3xf32>, tensor<2xi64>) -> tensor<3x0xf32>
  return %0, %1, %2 : tensor<2x3x1x4xf32>, tensor<?x?x?xf32>, tensor<3x0xf32>
}

// CHECK-LABEL: func.func @flatten
func.func @flatten(%x: tensor<2x3x4x5xf32>, %d: tensor<?x3x4xf32>) -> (tensor<6x20xf32>, tensor<1x120xf32>, tensor<?x4xf32>) {
  // CHECK: onnx.Flatten %{{.+}} {axis = 2 : si64} : (tensor<2x3x4x5xf32>) -> tensor<6x20xf32>
  %0 = onnx.Flatten %x {axis = 2 : si64} : (tensor<2x3x4x5xf32>) -> tensor<6x20xf32>
  // CHECK: onnx.Flatten %{{.+}} {axis = 0 : si64} : (tensor<2x3x4x5xf32>) -> tensor<1x120xf32>
  %1 = onnx.Flatten %x {axis = 0 : si64} : (tensor<2x3x4x5xf32>) -> tensor<1x120xf32>
  // CHECK: onnx.Flatten %{{.+}} {axis = -1 : si64} : (tensor<?x3x4xf32>) -> tensor<?x4xf32>
  %2 = onnx.Flatten %d {axis = -1 : si64} : (tensor<?x3x4xf32>) -> tensor<?x4xf32>
  return %0, %1, %2 : tensor<6x20xf32>, tensor<1x120xf32>, tensor<?x4xf32>
}

// CHECK-LABEL: func.func @squeeze_unsqueeze
func.func @squeeze_unsqueeze(%x: tensor<1x3x1x5xf32>, %y: tensor<3x4x5xf32>) -> (tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x4x1x5x1x1xf32>) {
  %none = onnx.NoValue
  // CHECK: %[[AXES:.+]] = onnx.Constant dense<[0, -2]>
  %a = onnx.Constant dense<[0, -2]> : tensor<2xi64>
  // CHECK: onnx.Squeeze %{{.+}}, %[[AXES]] : (tensor<1x3x1x5xf32>, tensor<2xi64>) -> tensor<3x5xf32>
  %0 = onnx.Squeeze %x, %a : (tensor<1x3x1x5xf32>, tensor<2xi64>) -> tensor<3x5xf32>
  // Without axes every size-1 dim goes.
  // CHECK: onnx.Squeeze %{{.+}}, %{{.+}} : (tensor<1x3x1x5xf32>, none) -> tensor<3x5xf32>
  %1 = onnx.Squeeze %x, %none : (tensor<1x3x1x5xf32>, none) -> tensor<3x5xf32>
  // Unsorted axes in the output's numbering.
  %u = onnx.Constant dense<[5, 4, 2]> : tensor<3xi64>
  // CHECK: onnx.Unsqueeze {{.*}} : (tensor<3x4x5xf32>, tensor<3xi64>) -> tensor<3x4x1x5x1x1xf32>
  %2 = onnx.Unsqueeze %y, %u : (tensor<3x4x5xf32>, tensor<3xi64>) -> tensor<3x4x1x5x1x1xf32>
  return %0, %1, %2 : tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x4x1x5x1x1xf32>
}

// CHECK-LABEL: func.func @shape_and_size
func.func @shape_and_size(%x: tensor<2x?x8xf32>) -> (tensor<3xi64>, tensor<1xi64>, tensor<0xi64>, tensor<i64>) {
  // CHECK: onnx.Shape %{{.+}} : (tensor<2x?x8xf32>) -> tensor<3xi64>
  %0 = onnx.Shape %x : (tensor<2x?x8xf32>) -> tensor<3xi64>
  // CHECK: onnx.Shape %{{.+}} {end = -1 : si64, start = 1 : si64} : (tensor<2x?x8xf32>) -> tensor<1xi64>
  %1 = onnx.Shape %x {start = 1 : si64, end = -1 : si64} : (tensor<2x?x8xf32>) -> tensor<1xi64>
  // An empty range after clamping.
  // CHECK: onnx.Shape {{.*}} -> tensor<0xi64>
  %2 = onnx.Shape %x {start = 2 : si64, end = 1 : si64} : (tensor<2x?x8xf32>) -> tensor<0xi64>
  // CHECK: onnx.Size %{{.+}} : (tensor<2x?x8xf32>) -> tensor<i64>
  %3 = onnx.Size %x : (tensor<2x?x8xf32>) -> tensor<i64>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<1xi64>, tensor<0xi64>, tensor<i64>
}

// CHECK-LABEL: func.func @generators
func.func @generators(%s: tensor<2xi64>, %a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>) -> (tensor<?x?xf32>, tensor<2x3xi32>, tensor<?xf32>, tensor<4xi64>) {
  // CHECK: onnx.ConstantOfShape %{{.+}} : (tensor<2xi64>) -> tensor<?x?xf32>
  %0 = onnx.ConstantOfShape %s : (tensor<2xi64>) -> tensor<?x?xf32>
  %k = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  // CHECK: onnx.ConstantOfShape %{{.+}} {value = dense<7> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<2x3xi32>
  %1 = onnx.ConstantOfShape %k {value = dense<7> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<2x3xi32>
  // CHECK: onnx.Range %{{.+}}, %{{.+}}, %{{.+}} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %2 = onnx.Range %a, %b, %c : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %start = onnx.Constant dense<10> : tensor<i64>
  %limit = onnx.Constant dense<2> : tensor<i64>
  %delta = onnx.Constant dense<-2> : tensor<i64>
  // ceil((2 - 10) / -2) = 4 elements.
  // CHECK: onnx.Range {{.*}} -> tensor<4xi64>
  %3 = onnx.Range %start, %limit, %delta : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<4xi64>
  return %0, %1, %2, %3 : tensor<?x?xf32>, tensor<2x3xi32>, tensor<?xf32>, tensor<4xi64>
}

// CHECK-LABEL: func.func @concat_split
func.func @concat_split(%a: tensor<2x3xf32>, %b: tensor<2x?xf32>, %x: tensor<2x7xf32>, %s: tensor<2xi64>) -> (tensor<2x?xf32>, tensor<2x4xf32>, tensor<2x3xf32>, tensor<2x?xf32>, tensor<2x?xf32>) {
  // CHECK: onnx.Concat %{{.+}}, %{{.+}} {axis = -1 : si64} : (tensor<2x3xf32>, tensor<2x?xf32>) -> tensor<2x?xf32>
  %0 = onnx.Concat %a, %b {axis = -1 : si64} : (tensor<2x3xf32>, tensor<2x?xf32>) -> tensor<2x?xf32>
  %none = onnx.NoValue
  // 7 into 2 pieces: ceil(7 / 2) = 4, then the remaining 3.
  // CHECK: onnx.Split {{.*}} {axis = 1 : si64, num_outputs = 2 : si64} : (tensor<2x7xf32>, none) -> (tensor<2x4xf32>, tensor<2x3xf32>)
  %1:2 = onnx.Split %x, %none {axis = 1 : si64, num_outputs = 2 : si64} : (tensor<2x7xf32>, none) -> (tensor<2x4xf32>, tensor<2x3xf32>)
  // CHECK: onnx.Split {{.*}} : (tensor<2x7xf32>, tensor<2xi64>) -> (tensor<2x?xf32>, tensor<2x?xf32>)
  %2:2 = onnx.Split %x, %s {axis = 1 : si64} : (tensor<2x7xf32>, tensor<2xi64>) -> (tensor<2x?xf32>, tensor<2x?xf32>)
  return %0, %1#0, %1#1, %2#0, %2#1 : tensor<2x?xf32>, tensor<2x4xf32>, tensor<2x3xf32>, tensor<2x?xf32>, tensor<2x?xf32>
}

// CHECK-LABEL: func.func @slice_gather_expand
func.func @slice_gather_expand(%x: tensor<20x10x5xf32>, %i: tensor<2x3xi32>, %d: tensor<3x1xf32>) -> (tensor<1x1x5xf32>, tensor<20x2x3x5xf32>, tensor<2x3x6xf32>) {
  %starts = onnx.Constant dense<[0, -1]> : tensor<2xi64>
  %ends = onnx.Constant dense<[-9223372036854775808, 1000]> : tensor<2xi64>
  %axes = onnx.Constant dense<[1, 0]> : tensor<2xi64>
  %steps = onnx.Constant dense<[-1, 1]> : tensor<2xi64>
  // Axis 1 backwards from 0 past the front: 1 element; axis 0 from 19 to
  // the clamped end 20: 1 element.
  // CHECK: onnx.Slice {{.*}} -> tensor<1x1x5xf32>
  %0 = onnx.Slice %x, %starts, %ends, %axes, %steps : (tensor<20x10x5xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<1x1x5xf32>
  // CHECK: onnx.Gather {{.*}} {axis = 1 : si64} : (tensor<20x10x5xf32>, tensor<2x3xi32>) -> tensor<20x2x3x5xf32>
  %1 = onnx.Gather %x, %i {axis = 1 : si64} : (tensor<20x10x5xf32>, tensor<2x3xi32>) -> tensor<20x2x3x5xf32>
  %shape = onnx.Constant dense<[2, 1, 6]> : tensor<3xi64>
  // CHECK: onnx.Expand {{.*}} : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x6xf32>
  %2 = onnx.Expand %d, %shape : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x6xf32>
  return %0, %1, %2 : tensor<1x1x5xf32>, tensor<20x2x3x5xf32>, tensor<2x3x6xf32>
}

// CHECK-LABEL: func.func @select_and_convert
func.func @select_and_convert(%c: tensor<2x1xi1>, %x: tensor<2x3xf32>, %y: tensor<f32>, %t: tensor<4x5xi64>, %k: tensor<i64>) -> (tensor<2x3xf32>, tensor<4x5xi64>, tensor<2x3xf16>, tensor<2x3xi1>) {
  // CHECK: onnx.Where {{.*}} : (tensor<2x1xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %0 = onnx.Where %c, %x, %y : (tensor<2x1xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK: onnx.Trilu {{.*}} {upper = 0 : si64} : (tensor<4x5xi64>, tensor<i64>) -> tensor<4x5xi64>
  %1 = onnx.Trilu %t, %k {upper = 0 : si64} : (tensor<4x5xi64>, tensor<i64>) -> tensor<4x5xi64>
  // CHECK: onnx.Cast %{{.+}} {to = 10 : si64} : (tensor<2x3xf32>) -> tensor<2x3xf16>
  %2 = onnx.Cast %0 {to = 10 : si64} : (tensor<2x3xf32>) -> tensor<2x3xf16>
  // CHECK: onnx.CastLike {{.*}} : (tensor<2x3xf16>, tensor<2x1xi1>) -> tensor<2x3xi1>
  %3 = onnx.CastLike %2, %c : (tensor<2x3xf16>, tensor<2x1xi1>) -> tensor<2x3xi1>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<4x5xi64>, tensor<2x3xf16>, tensor<2x3xi1>
}

// CHECK-LABEL: func.func @tensor_scatter
func.func @tensor_scatter(%past: tensor<2x1x4x5xf32>, %update: tensor<2x1x1x5xf32>, %w: tensor<2xi64>) -> (tensor<2x1x4x5xf32>, tensor<2x1x4x5xf32>) {
  %none = onnx.NoValue
  // CHECK: onnx.TensorScatter {{.*}} : (tensor<2x1x4x5xf32>, tensor<2x1x1x5xf32>, tensor<2xi64>) -> tensor<2x1x4x5xf32>
  %0 = onnx.TensorScatter %past, %update, %w : (tensor<2x1x4x5xf32>, tensor<2x1x1x5xf32>, tensor<2xi64>) -> tensor<2x1x4x5xf32>
  // CHECK: onnx.TensorScatter {{.*}} {axis = 2 : si64, mode = "circular"} : (tensor<2x1x4x5xf32>, tensor<2x1x1x5xf32>, none) -> tensor<2x1x4x5xf32>
  %1 = onnx.TensorScatter %past, %update, %none {axis = 2 : si64, mode = "circular"} : (tensor<2x1x4x5xf32>, tensor<2x1x1x5xf32>, none) -> tensor<2x1x4x5xf32>
  return %0, %1 : tensor<2x1x4x5xf32>, tensor<2x1x4x5xf32>
}

// CHECK-LABEL: func.func @tile
func.func @tile(%x: tensor<3x4xf32>, %r: tensor<2xi64>) -> (tensor<6x4xf32>, tensor<?x?xf32>) {
  %repeats = onnx.Constant dense<[2, 1]> : tensor<2xi64>
  // CHECK: onnx.Tile {{.*}} : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  %0 = onnx.Tile %x, %repeats : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  // CHECK: onnx.Tile {{.*}} : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %1 = onnx.Tile %x, %r : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0, %1 : tensor<6x4xf32>, tensor<?x?xf32>
}
