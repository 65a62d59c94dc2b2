// The onnx ops round-trip, and their result types follow ONNX shape inference.
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s

// CHECK-LABEL: func.func @broadcast_binary
func.func @broadcast_binary(%a: tensor<2x1x8xf32>, %b: tensor<4x1xf32>, %c: tensor<?x8xf32>) -> tensor<2x4x8xf32> {
  // CHECK: onnx.Add %{{.+}}, %{{.+}} : (tensor<2x1x8xf32>, tensor<4x1xf32>) -> tensor<2x4x8xf32>
  %0 = onnx.Add %a, %b : (tensor<2x1x8xf32>, tensor<4x1xf32>) -> tensor<2x4x8xf32>
  // CHECK: onnx.Sub
  %1 = onnx.Sub %0, %a : (tensor<2x4x8xf32>, tensor<2x1x8xf32>) -> tensor<2x4x8xf32>
  // CHECK: onnx.Mul {{.*}} -> tensor<2x4x8xf32>
  %2 = onnx.Mul %1, %c : (tensor<2x4x8xf32>, tensor<?x8xf32>) -> tensor<2x4x8xf32>
  // CHECK: onnx.Div
  %3 = onnx.Div %2, %b : (tensor<2x4x8xf32>, tensor<4x1xf32>) -> tensor<2x4x8xf32>
  return %3 : tensor<2x4x8xf32>
}

// CHECK-LABEL: func.func @matmul_shapes
func.func @matmul_shapes(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>, %v: tensor<8xf32>) -> (tensor<2x4x16xf32>, tensor<2x4xf32>, tensor<16xf32>) {
  // CHECK: onnx.MatMul {{.*}} -> tensor<2x4x16xf32>
  %0 = onnx.MatMul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
  // A 1-D right operand drops the column dim.
  // CHECK: onnx.MatMul {{.*}} -> tensor<2x4xf32>
  %1 = onnx.MatMul %a, %v : (tensor<2x4x8xf32>, tensor<8xf32>) -> tensor<2x4xf32>
  // A 1-D left operand drops the row dim.
  // CHECK: onnx.MatMul {{.*}} -> tensor<16xf32>
  %2 = onnx.MatMul %v, %b : (tensor<8xf32>, tensor<8x16xf32>) -> tensor<16xf32>
  return %0, %1, %2 : tensor<2x4x16xf32>, tensor<2x4xf32>, tensor<16xf32>
}

// CHECK-LABEL: func.func @softmax_and_transpose
func.func @softmax_and_transpose(%x: tensor<1x16x4x8xf16>) -> (tensor<1x4x16x8xf16>, tensor<8x4x16x1xf16>) {
  // CHECK: onnx.Softmax %{{.+}} {axis = 1 : si64} : tensor<1x16x4x8xf16>
  %s = onnx.Softmax %x {axis = 1 : si64} : tensor<1x16x4x8xf16>
  // CHECK: onnx.Softmax %{{.+}} : tensor<1x16x4x8xf16>
  %d = onnx.Softmax %s : tensor<1x16x4x8xf16>
  // CHECK: onnx.Transpose %{{.+}} {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x16x4x8xf16>) -> tensor<1x4x16x8xf16>
  %t = onnx.Transpose %d {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x16x4x8xf16>) -> tensor<1x4x16x8xf16>
  // Without perm the dims are reversed.
  // CHECK: onnx.Transpose %{{.+}} : (tensor<1x16x4x8xf16>) -> tensor<8x4x16x1xf16>
  %r = onnx.Transpose %d : (tensor<1x16x4x8xf16>) -> tensor<8x4x16x1xf16>
  return %t, %r : tensor<1x4x16x8xf16>, tensor<8x4x16x1xf16>
}
