// Folders of the shape and data-movement onnx ops: shape subgraphs become
// constants, reinterpretations of constants reuse the attribute, and no
// folder computes more than 1024 elements.
// RUN: attnc-opt %s -canonicalize -split-input-file | FileCheck %s

// The importer's typical shape chain: Shape -> Gather -> Concat -> Reshape.
// CHECK-LABEL: func.func @shape_chain
// CHECK-SAME: (%[[X:.+]]: tensor<2x?x8xf32>)
func.func @shape_chain(%x: tensor<2x?x8xf32>) -> tensor<2xi64> {
  // CHECK: %[[C:.+]] = onnx.Constant dense<[8, 2]> : tensor<2xi64>
  // CHECK-NOT: onnx.Shape
  // CHECK-NOT: onnx.Gather
  // CHECK-NOT: onnx.Concat
  // CHECK: return %[[C]]
  %s = onnx.Shape %x : (tensor<2x?x8xf32>) -> tensor<3xi64>
  %i = onnx.Constant dense<[-1]> : tensor<1xi64>
  %last = onnx.Gather %s, %i : (tensor<3xi64>, tensor<1xi64>) -> tensor<1xi64>
  %z = onnx.Constant dense<0> : tensor<i64>
  %first = onnx.Gather %s, %z : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %u = onnx.Constant dense<[0]> : tensor<1xi64>
  %first1 = onnx.Unsqueeze %first, %u : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %c = onnx.Concat %last, %first1 {axis = 0 : si64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  return %c : tensor<2xi64>
}

// -----

// A dynamic dim stops Shape from folding, but a range of static dims folds.
// CHECK-LABEL: func.func @shape_ranges
func.func @shape_ranges(%x: tensor<2x?x8xf32>) -> (tensor<3xi64>, tensor<1xi64>, tensor<i64>) {
  // CHECK-DAG: %[[TAIL:.+]] = onnx.Constant dense<8> : tensor<1xi64>
  // CHECK-DAG: %[[ALL:.+]] = onnx.Shape %{{.+}} : (tensor<2x?x8xf32>) -> tensor<3xi64>
  // CHECK-DAG: %[[SIZE:.+]] = onnx.Size
  // CHECK: return %[[ALL]], %[[TAIL]], %[[SIZE]]
  %0 = onnx.Shape %x : (tensor<2x?x8xf32>) -> tensor<3xi64>
  %1 = onnx.Shape %x {start = -1 : si64} : (tensor<2x?x8xf32>) -> tensor<1xi64>
  %2 = onnx.Size %x : (tensor<2x?x8xf32>) -> tensor<i64>
  return %0, %1, %2 : tensor<3xi64>, tensor<1xi64>, tensor<i64>
}

// -----

// CHECK-LABEL: func.func @size_and_identity
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @size_and_identity(%x: tensor<2x3xf32>) -> (tensor<i64>, tensor<2x3xf32>) {
  // CHECK: %[[N:.+]] = onnx.Constant dense<6> : tensor<i64>
  // CHECK: return %[[N]], %[[X]]
  %0 = onnx.Size %x : (tensor<2x3xf32>) -> tensor<i64>
  %1 = onnx.Identity %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<i64>, tensor<2x3xf32>
}

// -----

// Reinterpretations of a constant reshape the attribute.
// CHECK-LABEL: func.func @reinterpret_constants
func.func @reinterpret_constants() -> (tensor<3x2xi64>, tensor<1x6xi64>, tensor<6xi64>, tensor<1x6x1xi64>) {
  // CHECK-DAG: %[[R:.+]] = onnx.Constant dense<{{\[}}[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi64>
  // CHECK-DAG: %[[F:.+]] = onnx.Constant dense<{{\[}}[1, 2, 3, 4, 5, 6]]> : tensor<1x6xi64>
  // CHECK-DAG: %[[S:.+]] = onnx.Constant dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi64>
  // CHECK-DAG: %[[U:.+]] = onnx.Constant dense<{{\[}}{{\[}}[1], [2], [3], [4], [5], [6]]]> : tensor<1x6x1xi64>
  // CHECK: return %[[R]], %[[F]], %[[S]], %[[U]]
  %c = onnx.Constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %shape = onnx.Constant dense<[-1, 2]> : tensor<2xi64>
  %0 = onnx.Reshape %c, %shape : (tensor<2x3xi64>, tensor<2xi64>) -> tensor<3x2xi64>
  %1 = onnx.Flatten %c {axis = 0 : si64} : (tensor<2x3xi64>) -> tensor<1x6xi64>
  %a = onnx.Constant dense<[0]> : tensor<1xi64>
  %2 = onnx.Squeeze %1, %a : (tensor<1x6xi64>, tensor<1xi64>) -> tensor<6xi64>
  %b = onnx.Constant dense<[0, 2]> : tensor<2xi64>
  %3 = onnx.Unsqueeze %2, %b : (tensor<6xi64>, tensor<2xi64>) -> tensor<1x6x1xi64>
  return %0, %1, %2, %3 : tensor<3x2xi64>, tensor<1x6xi64>, tensor<6xi64>, tensor<1x6x1xi64>
}

// -----

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @transpose(%x: tensor<2x3xf32>) -> (tensor<3x2xi32>, tensor<2x3xf32>) {
  // CHECK: %[[T:.+]] = onnx.Constant dense<{{\[}}[1, 4], [2, 5], [3, 6]]> : tensor<3x2xi32>
  // CHECK: return %[[T]], %[[X]]
  %c = onnx.Constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %0 = onnx.Transpose %c : (tensor<2x3xi32>) -> tensor<3x2xi32>
  // The identity permutation is a no-op.
  %1 = onnx.Transpose %x {perm = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<3x2xi32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @concat_constants
func.func @concat_constants() -> tensor<2x3xi64> {
  // CHECK: %[[C:.+]] = onnx.Constant dense<{{\[}}[1, 2, 7], [3, 4, 7]]> : tensor<2x3xi64>
  // CHECK: return %[[C]]
  %a = onnx.Constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>
  %b = onnx.Constant dense<7> : tensor<2x1xi64>
  %0 = onnx.Concat %a, %b {axis = 1 : si64} : (tensor<2x2xi64>, tensor<2x1xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

// CHECK-LABEL: func.func @slice_constants
func.func @slice_constants() -> (tensor<2x2xi64>, tensor<2xi64>) {
  // Rows from the end backwards by 2 (3, 1), columns 1..2.
  // CHECK-DAG: %[[S:.+]] = onnx.Constant dense<{{\[}}[10, 11], [4, 5]]> : tensor<2x2xi64>
  // Omitted axes and steps: the first axis with step 1; INT64_MAX clamps.
  // CHECK-DAG: %[[T:.+]] = onnx.Constant dense<[1, 2]> : tensor<2xi64>
  // CHECK: return %[[S]], %[[T]]
  %c = onnx.Constant dense<[[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]> : tensor<4x3xi64>
  %starts = onnx.Constant dense<[-1, 1]> : tensor<2xi64>
  %ends = onnx.Constant dense<[-9223372036854775808, 3]> : tensor<2xi64>
  %axes = onnx.Constant dense<[0, 1]> : tensor<2xi64>
  %steps = onnx.Constant dense<[-2, 1]> : tensor<2xi64>
  %0 = onnx.Slice %c, %starts, %ends, %axes, %steps : (tensor<4x3xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  %v = onnx.Constant dense<[0, 1, 2]> : tensor<3xi64>
  %one = onnx.Constant dense<[1]> : tensor<1xi64>
  %max = onnx.Constant dense<[9223372036854775807]> : tensor<1xi64>
  %none = onnx.NoValue
  %1 = onnx.Slice %v, %one, %max, %none, %none : (tensor<3xi64>, tensor<1xi64>, tensor<1xi64>, none, none) -> tensor<2xi64>
  return %0, %1 : tensor<2x2xi64>, tensor<2xi64>
}

// -----

// CHECK-LABEL: func.func @gather_constants
func.func @gather_constants() -> tensor<3x2x1xf32> {
  // Negative indices count from the end of the axis.
  // CHECK: %[[G:.+]] = onnx.Constant dense<{{\[}}{{\[}}[2.000000e+00], [3.000000e+00]], {{\[}}[1.000000e+00], [2.000000e+00]], {{\[}}[3.000000e+00], [1.000000e+00]]]> : tensor<3x2x1xf32>
  // CHECK: return %[[G]]
  %c = onnx.Constant dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>
  %i = onnx.Constant dense<[[1, -1], [0, 1], [2, -3]]> : tensor<3x2xi32>
  %0 = onnx.Gather %c, %i {axis = 1 : si64} : (tensor<1x3xf32>, tensor<3x2xi32>) -> tensor<1x3x2xf32>
  %perm = onnx.Transpose %0 {perm = array<i64: 1, 2, 0>} : (tensor<1x3x2xf32>) -> tensor<3x2x1xf32>
  return %perm : tensor<3x2x1xf32>
}

// -----

// CHECK-LABEL: func.func @cast_constants
func.func @cast_constants() -> (tensor<4xi64>, tensor<4xi1>, tensor<2xf16>, tensor<2xf32>) {
  // Floats to integers truncate toward zero; anything to bool is != 0.
  // CHECK-DAG: onnx.Constant dense<[-1, 0, 2, 3]> : tensor<4xi64>
  // CHECK-DAG: onnx.Constant dense<[true, false, true, true]> : tensor<4xi1>
  // CHECK-DAG: onnx.Constant dense<[-3.000000e+00, 6.550400e+04]> : tensor<2xf16>
  // Bool to numbers is 0 or 1.
  // CHECK-DAG: onnx.Constant dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>
  // CHECK-NOT: onnx.Cast
  %f = onnx.Constant dense<[-1.7, 0.0, 2.5, 3.9]> : tensor<4xf32>
  %0 = onnx.Cast %f {to = 7 : si64} : (tensor<4xf32>) -> tensor<4xi64>
  %1 = onnx.Cast %f {to = 9 : si64} : (tensor<4xf32>) -> tensor<4xi1>
  %i = onnx.Constant dense<[-3, 65504]> : tensor<2xi64>
  %2 = onnx.Cast %i {to = 10 : si64} : (tensor<2xi64>) -> tensor<2xf16>
  %b = onnx.Constant dense<[true, false]> : tensor<2xi1>
  %3 = onnx.Cast %b {to = 1 : si64} : (tensor<2xi1>) -> tensor<2xf32>
  return %0, %1, %2, %3 : tensor<4xi64>, tensor<4xi1>, tensor<2xf16>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @generators
func.func @generators() -> (tensor<4xi64>, tensor<3xf32>, tensor<2x2xi32>, tensor<2xf32>) {
  // CHECK-DAG: onnx.Constant dense<[10, 8, 6, 4]> : tensor<4xi64>
  // CHECK-DAG: onnx.Constant dense<[1.000000e+00, 2.500000e+00, 4.000000e+00]> : tensor<3xf32>
  // CHECK-DAG: onnx.Constant dense<7> : tensor<2x2xi32>
  // CHECK-DAG: onnx.Constant dense<0.000000e+00> : tensor<2xf32>
  // CHECK-NOT: onnx.Range
  // CHECK-NOT: onnx.ConstantOfShape
  %s = onnx.Constant dense<10> : tensor<i64>
  %l = onnx.Constant dense<2> : tensor<i64>
  %d = onnx.Constant dense<-2> : tensor<i64>
  %0 = onnx.Range %s, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<4xi64>
  %fs = onnx.Constant dense<1.0> : tensor<f32>
  %fl = onnx.Constant dense<5.0> : tensor<f32>
  %fd = onnx.Constant dense<1.5> : tensor<f32>
  %1 = onnx.Range %fs, %fl, %fd : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<3xf32>
  %shape = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %2 = onnx.ConstantOfShape %shape {value = dense<7> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<2x2xi32>
  %n = onnx.Constant dense<[2]> : tensor<1xi64>
  %3 = onnx.ConstantOfShape %n : (tensor<1xi64>) -> tensor<2xf32>
  return %0, %1, %2, %3 : tensor<4xi64>, tensor<3xf32>, tensor<2x2xi32>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @expand_and_where
// CHECK-SAME: (%[[X:.+]]: tensor<2xf32>, %[[Y:.+]]: tensor<2xf32>)
func.func @expand_and_where(%x: tensor<2xf32>, %y: tensor<2xf32>) -> (tensor<2x3xi64>, tensor<2x2xi64>, tensor<2xf32>) {
  // CHECK-DAG: %[[E:.+]] = onnx.Constant dense<{{\[}}[1, 1, 1], [2, 2, 2]]> : tensor<2x3xi64>
  // CHECK-DAG: %[[W:.+]] = onnx.Constant dense<{{\[}}[1, 9], [1, 9]]> : tensor<2x2xi64>
  // A uniform condition picks one operand.
  // CHECK: return %[[E]], %[[W]], %[[Y]]
  %c = onnx.Constant dense<[[1], [2]]> : tensor<2x1xi64>
  %shape = onnx.Constant dense<[1, 3]> : tensor<2xi64>
  %0 = onnx.Expand %c, %shape : (tensor<2x1xi64>, tensor<2xi64>) -> tensor<2x3xi64>
  %cond = onnx.Constant dense<[true, false]> : tensor<2xi1>
  %nine = onnx.Constant dense<9> : tensor<i64>
  %ones = onnx.Constant dense<1> : tensor<2x1xi64>
  %1 = onnx.Where %cond, %ones, %nine : (tensor<2xi1>, tensor<2x1xi64>, tensor<i64>) -> tensor<2x2xi64>
  %f = onnx.Constant dense<false> : tensor<i1>
  %2 = onnx.Where %f, %x, %y : (tensor<i1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1, %2 : tensor<2x3xi64>, tensor<2x2xi64>, tensor<2xf32>
}

// -----

// Element-computing folders stop at 1024 elements.
// CHECK-LABEL: func.func @fold_limit
func.func @fold_limit() -> (tensor<2048xf32>, tensor<2048xi64>) {
  // CHECK: onnx.ConstantOfShape
  // CHECK: onnx.Range
  %n = onnx.Constant dense<[2048]> : tensor<1xi64>
  %0 = onnx.ConstantOfShape %n : (tensor<1xi64>) -> tensor<2048xf32>
  %s = onnx.Constant dense<0> : tensor<i64>
  %l = onnx.Constant dense<2048> : tensor<i64>
  %d = onnx.Constant dense<1> : tensor<i64>
  %1 = onnx.Range %s, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<2048xi64>
  return %0, %1 : tensor<2048xf32>, tensor<2048xi64>
}

// -----

// Tile and Trilu of constants fold (numpy.tile, numpy.tril / triu); a Tile
// by ones is its input; a 33 x 33 Trilu is above the limit.
// CHECK-LABEL: func.func @tile_and_trilu
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @tile_and_trilu(%x: tensor<2x3xf32>) -> (tensor<4x6xi64>, tensor<2x3xf32>, tensor<3x3xi64>, tensor<3x3xi1>, tensor<33x33xf32>) {
  // CHECK-DAG: %[[T:.+]] = onnx.Constant dense<{{\[}}[1, 2, 1, 2, 1, 2], [3, 4, 3, 4, 3, 4], [1, 2, 1, 2, 1, 2], [3, 4, 3, 4, 3, 4]]> : tensor<4x6xi64>
  // CHECK-DAG: %[[L:.+]] = onnx.Constant dense<{{\[}}[0, 0, 0], [4, 0, 0], [7, 8, 0]]> : tensor<3x3xi64>
  // CHECK-DAG: %[[U:.+]] = onnx.Constant dense<{{\[}}[false, true, true], [false, false, true], [false, false, false]]> : tensor<3x3xi1>
  // CHECK-DAG: %[[BIG:.+]] = onnx.Trilu
  // CHECK: return %[[T]], %[[X]], %[[L]], %[[U]], %[[BIG]]
  %c = onnx.Constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>
  %r = onnx.Constant dense<[2, 3]> : tensor<2xi64>
  %0 = onnx.Tile %c, %r : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<4x6xi64>
  %ones = onnx.Constant dense<1> : tensor<2xi64>
  %1 = onnx.Tile %x, %ones : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %a = onnx.Constant dense<[[1, 2, 3], [4, 5, 6], [7, 8, 9]]> : tensor<3x3xi64>
  %minus1 = onnx.Constant dense<-1> : tensor<i64>
  %2 = onnx.Trilu %a, %minus1 {upper = 0 : si64} : (tensor<3x3xi64>, tensor<i64>) -> tensor<3x3xi64>
  %b = onnx.Constant dense<true> : tensor<3x3xi1>
  %plus1 = onnx.Constant dense<1> : tensor<i64>
  %3 = onnx.Trilu %b, %plus1 : (tensor<3x3xi1>, tensor<i64>) -> tensor<3x3xi1>
  %f = onnx.Constant dense<1.0> : tensor<33x33xf32>
  %none = onnx.NoValue
  %4 = onnx.Trilu %f, %none : (tensor<33x33xf32>, none) -> tensor<33x33xf32>
  return %0, %1, %2, %3, %4 : tensor<4x6xi64>, tensor<2x3xf32>, tensor<3x3xi64>, tensor<3x3xi1>, tensor<33x33xf32>
}
