// The contraction, reduction and normalisation onnx ops round-trip, and their
// result types follow ONNX shape inference.
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s

// CHECK-LABEL: func.func @matmul_shapes
func.func @matmul_shapes(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>, %v: tensor<8xf32>, %c: tensor<3x1x4x8xf16>, %d: tensor<5x8x2xf16>) {
  // CHECK: onnx.MatMul {{.*}} -> tensor<2x4x16xf32>
  %0 = onnx.MatMul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
  // A 1-D right operand drops the column dim.
  // CHECK: onnx.MatMul {{.*}} -> tensor<2x4xf32>
  %1 = onnx.MatMul %a, %v : (tensor<2x4x8xf32>, tensor<8xf32>) -> tensor<2x4xf32>
  // A 1-D left operand drops the row dim.
  // CHECK: onnx.MatMul {{.*}} -> tensor<16xf32>
  %2 = onnx.MatMul %v, %b : (tensor<8xf32>, tensor<8x16xf32>) -> tensor<16xf32>
  // Batch dims broadcast.
  // CHECK: onnx.MatMul {{.*}} -> tensor<3x5x4x2xf16>
  %3 = onnx.MatMul %c, %d : (tensor<3x1x4x8xf16>, tensor<5x8x2xf16>) -> tensor<3x5x4x2xf16>
  // CHECK: onnx.MatMul {{.*}} -> tensor<f32>
  %4 = onnx.MatMul %v, %v : (tensor<8xf32>, tensor<8xf32>) -> tensor<f32>
  return
}

// CHECK-LABEL: func.func @gemm_shapes
func.func @gemm_shapes(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<1x5xf32>, %s: tensor<f32>) {
  // CHECK: onnx.Gemm %{{.+}}, %{{.+}}, %{{.+}} {alpha = 2.500000e-01 : f32, beta = 3.500000e-01 : f32, transA = 1 : si64, transB = 1 : si64} : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<1x5xf32>) -> tensor<3x5xf32>
  %0 = onnx.Gemm %a, %b, %c {alpha = 0.25 : f32, beta = 0.35 : f32, transA = 1 : si64, transB = 1 : si64} : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<1x5xf32>) -> tensor<3x5xf32>
  // Without C.
  // CHECK: onnx.Gemm %{{.+}}, %{{.+}}, %{{.+}} : (tensor<4x3xf32>, tensor<3x4xf32>, none) -> tensor<4x4xf32>
  %none = onnx.NoValue
  %t = onnx.Transpose %a : (tensor<4x3xf32>) -> tensor<3x4xf32>
  %1 = onnx.Gemm %a, %t, %none : (tensor<4x3xf32>, tensor<3x4xf32>, none) -> tensor<4x4xf32>
  // A scalar C.
  // CHECK: onnx.Gemm {{.*}} -> tensor<4x4xf32>
  %2 = onnx.Gemm %a, %t, %s : (tensor<4x3xf32>, tensor<3x4xf32>, tensor<f32>) -> tensor<4x4xf32>
  return
}

// CHECK-LABEL: func.func @einsum_shapes
func.func @einsum_shapes(%x: tensor<5x2x3xf64>, %y: tensor<5x3x4xf64>, %d: tensor<3x5x5xf64>, %v: tensor<5xf64>, %s: tensor<f64>, %e: tensor<2x1x3x4xf32>, %f: tensor<7x4x6xf32>) {
  // CHECK: onnx.Einsum %{{.+}}, %{{.+}} {equation = "bij, bjk -> bik"} : (tensor<5x2x3xf64>, tensor<5x3x4xf64>) -> tensor<5x2x4xf64>
  %0 = onnx.Einsum %x, %y {equation = "bij, bjk -> bik"} : (tensor<5x2x3xf64>, tensor<5x3x4xf64>) -> tensor<5x2x4xf64>
  // A repeated label takes the diagonal.
  // CHECK: onnx.Einsum {{.*}} -> tensor<3x5xf64>
  %1 = onnx.Einsum %d {equation = "...ii ->...i"} : (tensor<3x5x5xf64>) -> tensor<3x5xf64>
  // Implicit output: the labels used once, sorted; here none.
  // CHECK: onnx.Einsum {{.*}} -> tensor<f64>
  %2 = onnx.Einsum %v, %v {equation = "i,i"} : (tensor<5xf64>, tensor<5xf64>) -> tensor<f64>
  // CHECK: onnx.Einsum {{.*}} -> tensor<f64>
  %3 = onnx.Einsum %s {equation = "->"} : (tensor<f64>) -> tensor<f64>
  // CHECK: onnx.Einsum {{.*}} -> tensor<2x3xf64>
  %4 = onnx.Einsum %x {equation = "ij...->j..."} : (tensor<5x2x3xf64>) -> tensor<2x3xf64>
  // Implicit output with ellipsis dims first; they broadcast across inputs.
  // CHECK: onnx.Einsum {{.*}} -> tensor<2x7x3x6xf32>
  %5 = onnx.Einsum %e, %f {equation = "...ij,...jk"} : (tensor<2x1x3x4xf32>, tensor<7x4x6xf32>) -> tensor<2x7x3x6xf32>
  return
}

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: tensor<1x16x4x8xf16>) {
  // CHECK: onnx.Softmax %{{.+}} {axis = 1 : si64} : (tensor<1x16x4x8xf16>) -> tensor<1x16x4x8xf16>
  %0 = onnx.Softmax %x {axis = 1 : si64} : (tensor<1x16x4x8xf16>) -> tensor<1x16x4x8xf16>
  // CHECK: onnx.Softmax %{{.+}} : (tensor<1x16x4x8xf16>) -> tensor<1x16x4x8xf16>
  %1 = onnx.Softmax %x : (tensor<1x16x4x8xf16>) -> tensor<1x16x4x8xf16>
  return
}

// CHECK-LABEL: func.func @reductions
func.func @reductions(%x: tensor<3x2x4xf32>, %axes: tensor<2xi64>, %empty: tensor<0xi64>) {
  %none = onnx.NoValue
  %a = onnx.Constant dense<[-1, 0]> : tensor<2xi64>
  // CHECK: onnx.ReduceMean {{.*}} -> tensor<1x2x1xf32>
  %0 = onnx.ReduceMean %x, %a : (tensor<3x2x4xf32>, tensor<2xi64>) -> tensor<1x2x1xf32>
  // CHECK: onnx.ReduceSum %{{.+}}, %{{.+}} {keepdims = 0 : si64} : (tensor<3x2x4xf32>, tensor<2xi64>) -> tensor<2xf32>
  %1 = onnx.ReduceSum %x, %a {keepdims = 0 : si64} : (tensor<3x2x4xf32>, tensor<2xi64>) -> tensor<2xf32>
  // No axes reduce every dim...
  // CHECK: onnx.ReduceMax {{.*}} -> tensor<1x1x1xf32>
  %2 = onnx.ReduceMax %x, %none : (tensor<3x2x4xf32>, none) -> tensor<1x1x1xf32>
  // ... also when the axes input is empty without being a constant ...
  // CHECK: onnx.ReduceMin {{.*}} -> tensor<f32>
  %3 = onnx.ReduceMin %x, %empty {keepdims = 0 : si64} : (tensor<3x2x4xf32>, tensor<0xi64>) -> tensor<f32>
  // ... unless noop_with_empty_axes is set.
  // CHECK: onnx.ReduceSum {{.*}} -> tensor<3x2x4xf32>
  %4 = onnx.ReduceSum %x, %none {noop_with_empty_axes = 1 : si64} : (tensor<3x2x4xf32>, none) -> tensor<3x2x4xf32>
  // Axes that are not constants give dynamic dims.
  // CHECK: onnx.ReduceMean {{.*}} -> tensor<?x?x?xf32>
  %5 = onnx.ReduceMean %x, %axes : (tensor<3x2x4xf32>, tensor<2xi64>) -> tensor<?x?x?xf32>
  // CHECK: onnx.ReduceMean {{.*}} -> tensor<?xf32>
  %6 = onnx.ReduceMean %x, %axes {keepdims = 0 : si64} : (tensor<3x2x4xf32>, tensor<2xi64>) -> tensor<?xf32>
  return
}

// CHECK-LABEL: func.func @normalizations
func.func @normalizations(%x: tensor<2x3x16xf16>, %w: tensor<16xf16>, %w2: tensor<3x16xf16>, %f: tensor<2x3x16xf32>, %s: tensor<16xf32>) {
  %none = onnx.NoValue
  // CHECK: onnx.LayerNormalization %{{.+}}, %{{.+}}, %{{.+}} : (tensor<2x3x16xf16>, tensor<16xf16>, tensor<16xf16>) -> (tensor<2x3x16xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  %0:3 = onnx.LayerNormalization %x, %w, %w : (tensor<2x3x16xf16>, tensor<16xf16>, tensor<16xf16>) -> (tensor<2x3x16xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  // CHECK: onnx.LayerNormalization {{.*}} {axis = 1 : si64, epsilon = 1.000000e-01 : f32} : (tensor<2x3x16xf16>, tensor<3x16xf16>, none) -> (tensor<2x3x16xf16>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  %1:3 = onnx.LayerNormalization %x, %w2, %none {axis = 1 : si64, epsilon = 0.1 : f32} : (tensor<2x3x16xf16>, tensor<3x16xf16>, none) -> (tensor<2x3x16xf16>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  // Y takes the scale's element type.
  // CHECK: onnx.RMSNormalization {{.*}} : (tensor<2x3x16xf16>, tensor<16xf32>) -> tensor<2x3x16xf32>
  %2 = onnx.RMSNormalization %x, %s : (tensor<2x3x16xf16>, tensor<16xf32>) -> tensor<2x3x16xf32>
  // CHECK: onnx.Gelu %{{.+}} {approximate = "tanh"} : (tensor<2x3x16xf32>) -> tensor<2x3x16xf32>
  %3 = onnx.Gelu %f {approximate = "tanh"} : (tensor<2x3x16xf32>) -> tensor<2x3x16xf32>
  // CHECK: onnx.Gelu %{{.+}} : (tensor<2x3x16xf32>) -> tensor<2x3x16xf32>
  %4 = onnx.Gelu %f : (tensor<2x3x16xf32>) -> tensor<2x3x16xf32>
  // CHECK: onnx.ms.SimplifiedLayerNormalization {{.*}} : (tensor<2x3x16xf32>, tensor<16xf32>) -> (tensor<2x3x16xf32>, tensor<2x3x1xf32>)
  %5:2 = onnx.ms.SimplifiedLayerNormalization %f, %s {axis = -1 : si64, epsilon = 9.99999997E-7 : f32} : (tensor<2x3x16xf32>, tensor<16xf32>) -> (tensor<2x3x16xf32>, tensor<2x3x1xf32>)
  // CHECK: onnx.ms.SkipSimplifiedLayerNormalization {{.*}} : (tensor<2x3x16xf16>, tensor<2x3x16xf16>, tensor<16xf16>, none) -> (tensor<2x3x16xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x16xf16>)
  %6:4 = onnx.ms.SkipSimplifiedLayerNormalization %x, %x, %w, %none {epsilon = 9.99999997E-7 : f32} : (tensor<2x3x16xf16>, tensor<2x3x16xf16>, tensor<16xf16>, none) -> (tensor<2x3x16xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x16xf16>)
  return
}
