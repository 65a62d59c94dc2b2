// The onnx ops round-trip, and their result types follow ONNX shape inference.
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s

// The elementwise and math ops are in elementwise-ops.mlir and math-ops.mlir.

// CHECK-LABEL: func.func @transpose
func.func @transpose(%d: tensor<1x16x4x8xf16>) -> (tensor<1x4x16x8xf16>, tensor<8x4x16x1xf16>) {
  // CHECK: onnx.Transpose %{{.+}} {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x16x4x8xf16>) -> tensor<1x4x16x8xf16>
  %t = onnx.Transpose %d {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x16x4x8xf16>) -> tensor<1x4x16x8xf16>
  // Without perm the dims are reversed.
  // CHECK: onnx.Transpose %{{.+}} : (tensor<1x16x4x8xf16>) -> tensor<8x4x16x1xf16>
  %r = onnx.Transpose %d : (tensor<1x16x4x8xf16>) -> tensor<8x4x16x1xf16>
  return %t, %r : tensor<1x4x16x8xf16>, tensor<8x4x16x1xf16>
}
