// onnx-merge-identical-constants: a constant with the same type and element
// values as an earlier one of its block is replaced by it, whether the two
// are dense attributes or dense_resource blobs (which CSE never merges: each
// blob has its own handle).
// RUN: attnc-opt %s -split-input-file --onnx-merge-identical-constants | FileCheck %s
// RUN: attnc-opt %s -split-input-file --cse | FileCheck %s --check-prefix=CSE

// Two initializers with identical bytes (an exporter's duplicated weight):
// the second and its readers use the first; CSE alone keeps both.
// CHECK-LABEL: func.func @identical_resources
// CHECK: %[[W:.+]] = onnx.Constant dense_resource<weight> : tensor<2x2xf32>
// CHECK-NOT: onnx.Constant
// CHECK: %[[A:.+]] = onnx.MatMul %{{.+}}, %[[W]]
// CHECK: %[[B:.+]] = onnx.MatMul %{{.+}}, %[[W]]
// CHECK: return %[[A]], %[[B]]
// CSE-LABEL: func.func @identical_resources
// CSE: onnx.Constant dense_resource<weight>
// CSE: onnx.Constant dense_resource<weight_copy>
func.func @identical_resources(%x: tensor<3x2xf32>) -> (tensor<3x2xf32>, tensor<3x2xf32>) {
  %w = onnx.Constant dense_resource<weight> : tensor<2x2xf32>
  %a = onnx.MatMul %x, %w : (tensor<3x2xf32>, tensor<2x2xf32>) -> tensor<3x2xf32>
  %w_copy = onnx.Constant dense_resource<weight_copy> : tensor<2x2xf32>
  %b = onnx.MatMul %x, %w_copy : (tensor<3x2xf32>, tensor<2x2xf32>) -> tensor<3x2xf32>
  return %a, %b : tensor<3x2xf32>, tensor<3x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      weight: "0x040000000000803F000000400000404000008040",
      weight_copy: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// Identical dense attributes (the same uniqued attribute) merge too.
// CHECK-LABEL: func.func @identical_dense
// CHECK: %[[C:.+]] = onnx.Constant dense<[1, 16, 4]> : tensor<3xi64>
// CHECK-NOT: onnx.Constant
// CHECK: return %[[C]], %[[C]]
func.func @identical_dense() -> (tensor<3xi64>, tensor<3xi64>) {
  %a = onnx.Constant dense<[1, 16, 4]> : tensor<3xi64>
  %b = onnx.Constant dense<[1, 16, 4]> : tensor<3xi64>
  return %a, %b : tensor<3xi64>, tensor<3xi64>
}

// -----

// A dense attribute and a blob with the same elements merge (the earlier
// one is kept).
// CHECK-LABEL: func.func @dense_and_resource
// CHECK: %[[C:.+]] = onnx.Constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NOT: onnx.Constant
// CHECK: return %[[C]], %[[C]]
func.func @dense_and_resource() -> (tensor<2xf32>, tensor<2xf32>) {
  %a = onnx.Constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = onnx.Constant dense_resource<one_two> : tensor<2xf32>
  return %a, %b : tensor<2xf32>, tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      one_two: "0x040000000000803F00000040"
    }
  }
#-}

// -----

// The same bytes as another element type or another shape are another
// constant.
// CHECK-LABEL: func.func @same_bytes_other_type
// CHECK: %[[F:.+]] = onnx.Constant dense_resource<as_f32> : tensor<4xf32>
// CHECK: %[[I:.+]] = onnx.Constant dense_resource<as_i32> : tensor<4xi32>
// CHECK: %[[M:.+]] = onnx.Constant dense_resource<as_matrix> : tensor<2x2xf32>
// CHECK: return %[[F]], %[[I]], %[[M]]
func.func @same_bytes_other_type() -> (tensor<4xf32>, tensor<4xi32>, tensor<2x2xf32>) {
  %f = onnx.Constant dense_resource<as_f32> : tensor<4xf32>
  %i = onnx.Constant dense_resource<as_i32> : tensor<4xi32>
  %m = onnx.Constant dense_resource<as_matrix> : tensor<2x2xf32>
  return %f, %i, %m : tensor<4xf32>, tensor<4xi32>, tensor<2x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      as_f32: "0x040000000000803F000000400000404000008040",
      as_i32: "0x040000000000803F000000400000404000008040",
      as_matrix: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// Blobs that differ in one element (the last: a prefix hash would not see
// it) stay apart.
// CHECK-LABEL: func.func @different_bytes
// CHECK: %[[A:.+]] = onnx.Constant dense_resource<first> : tensor<4xf32>
// CHECK: %[[B:.+]] = onnx.Constant dense_resource<second> : tensor<4xf32>
// CHECK: return %[[A]], %[[B]]
func.func @different_bytes() -> (tensor<4xf32>, tensor<4xf32>) {
  %a = onnx.Constant dense_resource<first> : tensor<4xf32>
  %b = onnx.Constant dense_resource<second> : tensor<4xf32>
  return %a, %b : tensor<4xf32>, tensor<4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      first: "0x040000000000803F000000400000404000008040",
      second: "0x040000000000803F000000400000404000000041"
    }
  }
#-}

// -----

// A splat stores one element: it equals a blob that repeats that element
// everywhere, and not a blob that starts with it but differs later.
// CHECK-LABEL: func.func @splat_and_full
// CHECK: %[[ONES:.+]] = onnx.Constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[ALMOST:.+]] = onnx.Constant dense_resource<almost_ones> : tensor<4xf32>
// CHECK-NOT: onnx.Constant
// CHECK: return %[[ONES]], %[[ONES]], %[[ALMOST]]
func.func @splat_and_full() -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %splat = onnx.Constant dense<1.0> : tensor<4xf32>
  %ones = onnx.Constant dense_resource<ones> : tensor<4xf32>
  %almost = onnx.Constant dense_resource<almost_ones> : tensor<4xf32>
  return %splat, %ones, %almost : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      ones: "0x040000000000803F0000803F0000803F0000803F",
      almost_ones: "0x040000000000803F0000803F0000803F00000040"
    }
  }
#-}

// -----

// Constants merge within their block only: the first of a block dominates
// the rest of it, not the blocks of other regions.
// CHECK-LABEL: func.func @per_block
// CHECK: %[[OUTER:.+]] = onnx.Constant dense_resource<outer> : tensor<2xf32>
// CHECK: scf.execute_region
// CHECK-NEXT: %[[INNER:.+]] = onnx.Constant dense_resource<inner> : tensor<2xf32>
// CHECK-NOT: onnx.Constant
// CHECK: scf.yield %[[INNER]], %[[INNER]]
// CHECK: return %[[OUTER]]
func.func @per_block() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  %outer = onnx.Constant dense_resource<outer> : tensor<2xf32>
  %r:2 = scf.execute_region -> (tensor<2xf32>, tensor<2xf32>) {
    %inner = onnx.Constant dense_resource<inner> : tensor<2xf32>
    %inner_copy = onnx.Constant dense_resource<inner_copy> : tensor<2xf32>
    scf.yield %inner, %inner_copy : tensor<2xf32>, tensor<2xf32>
  }
  return %outer, %r#0, %r#1 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      outer: "0x040000000000803F00000040",
      inner: "0x040000000000803F00000040",
      inner_copy: "0x040000000000803F00000040"
    }
  }
#-}

// -----

// Booleans compare by attribute (their dense storage is not one byte per
// element) and zero-size constants by their (empty) bytes.
// CHECK-LABEL: func.func @bool_and_empty
// CHECK: %[[T:.+]] = onnx.Constant dense<[true, false]> : tensor<2xi1>
// CHECK: %[[F:.+]] = onnx.Constant dense<[false, true]> : tensor<2xi1>
// CHECK: %[[E:.+]] = onnx.Constant dense<> : tensor<0xf32>
// CHECK-NOT: onnx.Constant
// CHECK: return %[[T]], %[[T]], %[[F]], %[[E]], %[[E]]
func.func @bool_and_empty() -> (tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<0xf32>, tensor<0xf32>) {
  %t = onnx.Constant dense<[true, false]> : tensor<2xi1>
  %t2 = onnx.Constant dense<[true, false]> : tensor<2xi1>
  %f = onnx.Constant dense<[false, true]> : tensor<2xi1>
  %e = onnx.Constant dense<> : tensor<0xf32>
  %e2 = onnx.Constant dense<> : tensor<0xf32>
  return %t, %t2, %f, %e, %e2 : tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<0xf32>, tensor<0xf32>
}
