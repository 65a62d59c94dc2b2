// Reductions over axes known only at run time: one static reduction per set
// of dims the axes can name (and that fits the result type), chosen by an
// scf.index_switch on the bitmask of the normalised axes. Numerics:
// test/Integration/reduce-axes-input.test.
// RUN: attnc-opt %s --convert-onnx-to-linalg --split-input-file -verify-diagnostics | FileCheck %s

// One axis of 3x2x2 without keepdims, declared 3x2: axis 0 (2x2) cannot give
// that type, so axes 1 and 2 (masks 2 and 4) are the cases. The mask adds the
// rank to negative axes and sends axes still out of range to bit 3, which no
// case has.
// CHECK-DAG: #[[KEEP02:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[KEEP01:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @reduce_mean_one_axis
// CHECK-SAME: (%[[X:.+]]: tensor<3x2x2xf32>, %[[AXES:.+]]: tensor<1xi64>)
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : i64
// CHECK-DAG: %[[ONE:.+]] = arith.constant 1 : i64
// CHECK-DAG: %[[RANK:.+]] = arith.constant 3 : i64
// CHECK: %[[MASK:.+]] = scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[ACC:.+]] = %[[ZERO]]) -> (i64) {
// CHECK:   %[[AXIS:.+]] = tensor.extract %[[AXES]][%[[I]]] : tensor<1xi64>
// CHECK:   %[[NEG:.+]] = arith.cmpi slt, %[[AXIS]], %[[ZERO]] : i64
// CHECK:   %[[WRAPPED:.+]] = arith.addi %[[AXIS]], %[[RANK]] : i64
// CHECK:   %[[NORM:.+]] = arith.select %[[NEG]], %[[WRAPPED]], %[[AXIS]] : i64
// CHECK:   %[[VALID:.+]] = arith.cmpi ult, %[[NORM]], %[[RANK]] : i64
// CHECK:   %[[BITPOS:.+]] = arith.select %[[VALID]], %[[NORM]], %[[RANK]] : i64
// CHECK:   %[[BIT:.+]] = arith.shli %[[ONE]], %[[BITPOS]] : i64
// CHECK:   %[[NEXT:.+]] = arith.ori %[[ACC]], %[[BIT]] : i64
// CHECK:   scf.yield %[[NEXT]] : i64
// CHECK: %[[SELECTOR:.+]] = arith.index_cast %[[MASK]] : i64 to index
// CHECK: %[[RESULT:.+]] = scf.index_switch %[[SELECTOR]] -> tensor<3x2xf32>
// CHECK: case 2 {
// CHECK:   linalg.generic {indexing_maps = [#{{.+}}, #[[KEEP02]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[X]] : tensor<3x2x2xf32>)
// CHECK:   arith.divf
// CHECK:   scf.yield %{{.+}} : tensor<3x2xf32>
// CHECK: case 4 {
// CHECK:   linalg.generic {indexing_maps = [#{{.+}}, #[[KEEP01]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]] : tensor<3x2x2xf32>)
// CHECK:   arith.divf
// CHECK:   scf.yield %{{.+}} : tensor<3x2xf32>
// CHECK: default {
// CHECK:   %[[UNSPECIFIED:.+]] = tensor.empty() : tensor<3x2xf32>
// CHECK:   scf.yield %[[UNSPECIFIED]] : tensor<3x2xf32>
// CHECK: return %[[RESULT]]
func.func @reduce_mean_one_axis(%x: tensor<3x2x2xf32>, %axes: tensor<1xi64>) -> tensor<3x2xf32> {
  %0 = onnx.ReduceMean %x, %axes {keepdims = 0 : si64} : (tensor<3x2x2xf32>, tensor<1xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Two axes of a rank-3 tensor: the three pairs (masks 3, 5, 6), each cast
// to the dynamic result type; the default has dynamic size 0.
// CHECK-LABEL: func.func @reduce_max_two_axes_dynamic_result
// CHECK: %[[RESULT:.+]] = scf.index_switch %{{.+}} -> tensor<?xi64>
// CHECK: case 3 {
// CHECK:   %[[R3:.+]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction", "parallel"]
// CHECK:   arith.maxsi
// CHECK:   %[[C3:.+]] = tensor.cast %[[R3]] : tensor<4xi64> to tensor<?xi64>
// CHECK:   scf.yield %[[C3]]
// CHECK: case 5 {
// CHECK:   %[[R5:.+]] = linalg.generic {{.*}} iterator_types = ["reduction", "parallel", "reduction"]
// CHECK:   %[[C5:.+]] = tensor.cast %[[R5]] : tensor<3xi64> to tensor<?xi64>
// CHECK: case 6 {
// CHECK:   %[[R6:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "reduction"]
// CHECK:   %[[C6:.+]] = tensor.cast %[[R6]] : tensor<2xi64> to tensor<?xi64>
// CHECK: default {
// CHECK:   %[[SIZE:.+]] = arith.constant 0 : index
// CHECK:   tensor.empty(%[[SIZE]]) : tensor<?xi64>
// CHECK: return %[[RESULT]]
func.func @reduce_max_two_axes_dynamic_result(%x: tensor<2x3x4xi64>, %axes: tensor<2xi64>) -> tensor<?xi64> {
  %0 = onnx.ReduceMax %x, %axes {keepdims = 0 : si64} : (tensor<2x3x4xi64>, tensor<2xi64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}

// -----

// With keepdims only axis 1 gives 3x1x4: no switch, and the axes are not
// read.
// CHECK-LABEL: func.func @reduce_sum_keepdims_single_candidate
// CHECK-NOT: scf.index_switch
// CHECK-NOT: tensor.extract
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: tensor.expand_shape
// CHECK-NOT: scf.index_switch
func.func @reduce_sum_keepdims_single_candidate(%x: tensor<3x2x4xf32>, %axes: tensor<1xi64>) -> tensor<3x1x4xf32> {
  %0 = onnx.ReduceSum %x, %axes : (tensor<3x2x4xf32>, tensor<1xi64>) -> tensor<3x1x4xf32>
  return %0 : tensor<3x1x4xf32>
}

// -----

// Axes of dynamic length (keepdims only): any subset, the loop running to
// their run-time length. The empty one (mask 0) reduces every dim...
// CHECK-LABEL: func.func @reduce_min_dynamic_count
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>, %[[AXES:.+]]: tensor<?xi64>)
// CHECK: %[[LENGTH:.+]] = tensor.dim %[[AXES]], %{{.+}} : tensor<?xi64>
// CHECK: scf.for %{{.+}} = %{{.+}} to %[[LENGTH]] step
// CHECK: scf.index_switch %{{.+}} -> tensor<?x?xf32>
// CHECK: case 0 {
// CHECK:   linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK: case 1 {
// CHECK:   linalg.generic {{.*}} iterator_types = ["reduction", "parallel"]
// CHECK: case 2 {
// CHECK:   linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: case 3 {
// CHECK:   linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK: default {
func.func @reduce_min_dynamic_count(%x: tensor<2x3xf32>, %axes: tensor<?xi64>) -> tensor<?x?xf32> {
  %0 = onnx.ReduceMin %x, %axes : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// ... or, with noop_with_empty_axes, none: the data itself.
// CHECK-LABEL: func.func @reduce_sum_dynamic_count_noop
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>, %[[AXES:.+]]: tensor<?xi64>)
// CHECK: scf.index_switch %{{.+}} -> tensor<?x?xf32>
// CHECK: case 0 {
// CHECK-NEXT: %[[SAME:.+]] = tensor.cast %[[X]] : tensor<2x3xf32> to tensor<?x?xf32>
// CHECK-NEXT: scf.yield %[[SAME]]
// CHECK: case 1 {
func.func @reduce_sum_dynamic_count_noop(%x: tensor<2x3xf32>, %axes: tensor<?xi64>) -> tensor<?x?xf32> {
  %0 = onnx.ReduceSum %x, %axes {noop_with_empty_axes = 1 : si64} : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// Run-time axes of static length 0 are no axes: the identity with
// noop_with_empty_axes, every dim without; no switch either way.
// CHECK-LABEL: func.func @reduce_sum_empty_axes_input
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>, %[[AXES:.+]]: tensor<0xi64>)
// CHECK-NOT: scf.index_switch
// CHECK: %[[ALL:.+]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK: return %[[X]], %[[ALL]]
func.func @reduce_sum_empty_axes_input(%x: tensor<2x3xf32>, %axes: tensor<0xi64>) -> (tensor<2x3xf32>, tensor<f32>) {
  %0 = onnx.ReduceSum %x, %axes {noop_with_empty_axes = 1 : si64} : (tensor<2x3xf32>, tensor<0xi64>) -> tensor<2x3xf32>
  %1 = onnx.ReduceSum %x, %axes {keepdims = 0 : si64} : (tensor<2x3xf32>, tensor<0xi64>) -> tensor<f32>
  return %0, %1 : tensor<2x3xf32>, tensor<f32>
}

// -----

// No set of dims gives 5x5 (the inferred type, ?x?, allows it).
func.func @reduce_no_candidate(%x: tensor<3x2x4xf32>, %axes: tensor<1xi64>) -> tensor<5x5xf32> {
  // expected-error @+1 {{failed to legalize operation 'onnx.ReduceSum' that was explicitly marked illegal}}
  %0 = onnx.ReduceSum %x, %axes {keepdims = 0 : si64} : (tensor<3x2x4xf32>, tensor<1xi64>) -> tensor<5x5xf32>
  return %0 : tensor<5x5xf32>
}

// -----

// Axes of dynamic length over a rank-8 tensor could name 256 sets of dims,
// more than the lowering builds.
func.func @reduce_too_many_candidates(%x: tensor<2x2x2x2x2x2x2x2xf32>, %axes: tensor<?xi64>) -> tensor<?x?x?x?x?x?x?x?xf32> {
  // expected-error @+1 {{failed to legalize operation 'onnx.ReduceSum' that was explicitly marked illegal}}
  %0 = onnx.ReduceSum %x, %axes : (tensor<2x2x2x2x2x2x2x2xf32>, tensor<?xi64>) -> tensor<?x?x?x?x?x?x?x?xf32>
  return %0 : tensor<?x?x?x?x?x?x?x?xf32>
}
