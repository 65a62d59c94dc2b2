// Lowering of onnx.Loop and onnx.Scan to scf loops; the bodies' onnx ops are
// lowered in place. Numerics are checked by control-flow-run.mlir.
// RUN: attnc-opt %s --convert-onnx-to-linalg -split-input-file | FileCheck %s

// A condition the body passes through: scf.for over `cond ? M : 0`
// iterations. The carried value is copied into its iter_arg, the scan output
// slice inserted at the iteration number.
// CHECK-LABEL: func.func @loop_for
// CHECK-SAME: (%[[M:.+]]: tensor<i64>, %[[COND:.+]]: tensor<i1>, %[[START:.+]]: tensor<f32>, %[[DELTA:.+]]: tensor<f32>)
// CHECK: %[[MI:.+]] = tensor.extract %[[M]][] : tensor<i64>
// CHECK: %[[MIDX:.+]] = arith.index_cast %[[MI]] : i64 to index
// CHECK: %[[TRIPS:.+]] = arith.maxsi %[[MIDX]], %{{.+}} : index
// CHECK: %[[C:.+]] = tensor.extract %[[COND]][] : tensor<i1>
// CHECK: %[[UB:.+]] = arith.select %[[C]], %[[TRIPS]], %{{.+}} : index
// CHECK: %[[ACC:.+]] = tensor.empty(%[[UB]]) : tensor<?xf32>
// CHECK: %[[FOR:.+]]:2 = scf.for %[[IV:.+]] = %{{.+}} to %[[UB]] step %{{.+}} iter_args(%[[PREV:.+]] = %[[START]], %[[ALL:.+]] = %[[ACC]]) -> (tensor<f32>, tensor<?xf32>) {
// CHECK:   %[[NEXT:.+]] = linalg.generic {{.*}} ins(%[[PREV]], %[[DELTA]] : tensor<f32>, tensor<f32>)
// CHECK:     arith.addf
// CHECK:   %[[FILLED:.+]] = tensor.insert_slice %[[PREV]] into %[[ALL]][%[[IV]]] [1] [1] : tensor<f32> into tensor<?xf32>
// CHECK:   %[[COPY:.+]] = linalg.copy ins(%[[NEXT]] : tensor<f32>) outs(%[[PREV]] : tensor<f32>)
// CHECK:   scf.yield %[[COPY]], %[[FILLED]] : tensor<f32>, tensor<?xf32>
// CHECK: return %[[FOR]]#0, %[[FOR]]#1
// CHECK-NOT: onnx.
func.func @loop_for(%m: tensor<i64>, %cond: tensor<i1>, %start: tensor<f32>, %delta: tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  %last, %all = onnx.Loop %m, %cond, %start : (tensor<i64>, tensor<i1>, tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %prev: tensor<f32>):
    %next = onnx.Add %prev, %delta : (tensor<f32>, tensor<f32>) -> tensor<f32>
    onnx.Yield %c, %next, %prev : tensor<i1>, tensor<f32>, tensor<f32>
  }
  return %last, %all : tensor<f32>, tensor<?xf32>
}

// -----

// A constant trip count without a condition: a static scan output, and the
// iteration number is used by the body.
// CHECK-LABEL: func.func @loop_constant_trip_count
// CHECK-SAME: (%[[X:.+]]: tensor<3xi64>)
// CHECK-NOT: arith.select
// CHECK: %[[ACC:.+]] = tensor.empty() : tensor<4x3xi64>
// CHECK: %[[C4:.+]] = arith.constant 4 : index
// CHECK: %[[FOR:.+]] = scf.for %[[IV:.+]] = %{{.+}} to %[[C4]] step %{{.+}} iter_args(%[[ALL:.+]] = %[[ACC]]) -> (tensor<4x3xi64>) {
// CHECK:   %[[I64:.+]] = arith.index_cast %[[IV]] : index to i64
// CHECK:   %[[I:.+]] = tensor.from_elements %[[I64]] : tensor<i64>
// CHECK:   %[[Y:.+]] = linalg.generic {{.*}} ins(%[[X]], %[[I]] : tensor<3xi64>, tensor<i64>)
// CHECK:   %[[FILLED:.+]] = tensor.insert_slice %[[Y]] into %[[ALL]][%[[IV]], 0] [1, 3] [1, 1] : tensor<3xi64> into tensor<4x3xi64>
// CHECK:   scf.yield %[[FILLED]] : tensor<4x3xi64>
// CHECK: return %[[FOR]] : tensor<4x3xi64>
func.func @loop_constant_trip_count(%x: tensor<3xi64>) -> tensor<4x3xi64> {
  %m = onnx.Constant dense<4> : tensor<i64>
  %none = onnx.NoValue
  %all = onnx.Loop %m, %none : (tensor<i64>, none) -> tensor<4x3xi64> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    %y = onnx.Mul %x, %i : (tensor<3xi64>, tensor<i64>) -> tensor<3xi64>
    onnx.Yield %c, %y : tensor<i1>, tensor<3xi64>
  }
  return %all : tensor<4x3xi64>
}

// -----

// A body that computes its condition: scf.while on (i < M) && cond.
// CHECK-LABEL: func.func @loop_while
// CHECK-SAME: (%[[M:.+]]: tensor<i64>, %[[V0:.+]]: tensor<f32>, %[[LIMIT:.+]]: tensor<f32>)
// CHECK: %[[TRIPS:.+]] = arith.maxsi
// CHECK: %[[TRUE:.+]] = arith.constant true
// CHECK: %[[ACC:.+]] = tensor.empty(%[[TRIPS]]) : tensor<?xf32>
// CHECK: %[[ZERO:.+]] = arith.constant 0 : index
// CHECK: %[[WHILE:.+]]:4 = scf.while (%[[V:.+]] = %[[V0]], %[[ALL:.+]] = %[[ACC]], %[[I:.+]] = %[[ZERO]], %[[GO:.+]] = %[[TRUE]])
// CHECK:   %[[IN_RANGE:.+]] = arith.cmpi slt, %[[I]], %[[TRIPS]] : index
// CHECK:   %[[PROCEED:.+]] = arith.andi %[[GO]], %[[IN_RANGE]] : i1
// CHECK:   scf.condition(%[[PROCEED]]) %[[V]], %[[ALL]], %[[I]], %[[GO]]
// CHECK: } do {
// CHECK: ^bb0(%[[W:.+]]: tensor<f32>, %[[PART:.+]]: tensor<?xf32>, %[[J:.+]]: index, %{{.+}}: i1):
// CHECK:   %[[NEXT:.+]] = linalg.generic {{.*}} ins(%[[W]], %{{.+}} : tensor<f32>, tensor<f32>)
// CHECK:   %[[LESS:.+]] = linalg.generic {{.*}} ins(%[[NEXT]], %[[LIMIT]] : tensor<f32>, tensor<f32>)
// CHECK:     arith.cmpf olt
// CHECK:   %[[FILLED:.+]] = tensor.insert_slice %[[W]] into %[[PART]][%[[J]]] [1] [1]
// CHECK:   %[[COPY:.+]] = linalg.copy ins(%[[NEXT]] : tensor<f32>) outs(%[[W]] : tensor<f32>)
// CHECK:   %[[J1:.+]] = arith.addi %[[J]], %{{.+}} : index
// CHECK:   %[[GO_ON:.+]] = tensor.extract %[[LESS]][] : tensor<i1>
// CHECK:   scf.yield %[[COPY]], %[[FILLED]], %[[J1]], %[[GO_ON]]
// The iterations that ran are the first rows of the scan output.
// CHECK: %[[RAN:.+]] = tensor.extract_slice %[[WHILE]]#1[0] [%[[WHILE]]#2] [1] : tensor<?xf32> to tensor<?xf32>
// CHECK: return %[[WHILE]]#0, %[[RAN]]
func.func @loop_while(%m: tensor<i64>, %v0: tensor<f32>, %limit: tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  %none = onnx.NoValue
  %last, %all = onnx.Loop %m, %none, %v0 : (tensor<i64>, none, tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    %one = onnx.Constant dense<1.5> : tensor<f32>
    %next = onnx.Add %v, %one : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %go = onnx.Less %next, %limit : (tensor<f32>, tensor<f32>) -> tensor<i1>
    onnx.Yield %go, %next, %v : tensor<i1>, tensor<f32>, tensor<f32>
  }
  return %last, %all : tensor<f32>, tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @scan_forward
// CHECK-SAME: (%[[INIT:.+]]: tensor<3xf32>, %[[XS:.+]]: tensor<5x3xf32>)
// CHECK: %[[ACC:.+]] = tensor.empty() : tensor<5x3xf32>
// CHECK: %[[C5:.+]] = arith.constant 5 : index
// CHECK: %[[FOR:.+]]:2 = scf.for %[[IV:.+]] = %{{.+}} to %[[C5]] step %{{.+}} iter_args(%[[SUM:.+]] = %[[INIT]], %[[ALL:.+]] = %[[ACC]])
// CHECK:   %[[X:.+]] = tensor.extract_slice %[[XS]][%[[IV]], 0] [1, 3] [1, 1] : tensor<5x3xf32> to tensor<3xf32>
// CHECK:   %[[NEXT:.+]] = linalg.generic {{.*}} ins(%[[SUM]], %[[X]] : tensor<3xf32>, tensor<3xf32>)
// CHECK:   %[[FILLED:.+]] = tensor.insert_slice %[[NEXT]] into %[[ALL]][%[[IV]], 0] [1, 3] [1, 1] : tensor<3xf32> into tensor<5x3xf32>
// CHECK:   %[[COPY:.+]] = linalg.copy ins(%[[NEXT]] : tensor<3xf32>) outs(%[[SUM]] : tensor<3xf32>)
// CHECK:   scf.yield %[[COPY]], %[[FILLED]]
// CHECK: return %[[FOR]]#0, %[[FOR]]#1
func.func @scan_forward(%init: tensor<3xf32>, %xs: tensor<5x3xf32>) -> (tensor<3xf32>, tensor<5x3xf32>) {
  %sum, %prefix = onnx.Scan %init, %xs {num_scan_inputs = 1 : si64} : (tensor<3xf32>, tensor<5x3xf32>) -> (tensor<3xf32>, tensor<5x3xf32>) {
  ^bb0(%acc: tensor<3xf32>, %x: tensor<3xf32>):
    %next = onnx.Add %acc, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
    onnx.Yield %next, %next : tensor<3xf32>, tensor<3xf32>
  }
  return %sum, %prefix : tensor<3xf32>, tensor<5x3xf32>
}

// -----

// CHECK-LABEL: func.func @scan_axes_and_directions
// CHECK-SAME: (%[[XS:.+]]: tensor<2x7x4xf32>)
// CHECK: %[[ACC:.+]] = tensor.empty() : tensor<2x4x7xf32>
// CHECK: %[[C7:.+]] = arith.constant 7 : index
// CHECK: %[[LAST:.+]] = arith.subi %[[C7]], %{{.+}} : index
// CHECK: scf.for %[[IV:.+]] = %{{.+}} to %[[C7]] step %{{.+}} iter_args(%[[ALL:.+]] = %[[ACC]])
// CHECK:   %[[REV:.+]] = arith.subi %[[LAST]], %[[IV]] : index
// CHECK:   %[[X:.+]] = tensor.extract_slice %[[XS]][0, %[[REV]], 0] [2, 1, 4] [1, 1, 1] : tensor<2x7x4xf32> to tensor<2x4xf32>
// CHECK:   %[[Y:.+]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2x4xf32>)
// CHECK:   %[[FILLED:.+]] = tensor.insert_slice %[[Y]] into %[[ALL]][0, 0, %[[IV]]] [2, 4, 1] [1, 1, 1] : tensor<2x4xf32> into tensor<2x4x7xf32>
// CHECK:   scf.yield %[[FILLED]]
func.func @scan_axes_and_directions(%xs: tensor<2x7x4xf32>) -> tensor<2x4x7xf32> {
  %ys = onnx.Scan %xs {num_scan_inputs = 1 : si64, scan_input_axes = array<i64: 1>, scan_input_directions = array<i64: 1>, scan_output_axes = array<i64: -1>} : (tensor<2x7x4xf32>) -> tensor<2x4x7xf32> {
  ^bb0(%x: tensor<2x4xf32>):
    %y = onnx.Neg %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
    onnx.Yield %y : tensor<2x4xf32>
  }
  return %ys : tensor<2x4x7xf32>
}

// -----

// CHECK-LABEL: func.func @scan_dynamic_length
// CHECK-SAME: (%[[INIT:.+]]: tensor<f32>, %[[XS:.+]]: tensor<?xf32>)
// CHECK: %[[T:.+]] = tensor.dim %[[XS]], %{{.+}} : tensor<?xf32>
// CHECK: %[[ACC:.+]] = tensor.empty(%[[T]]) : tensor<?xf32>
// CHECK: scf.for %[[IV:.+]] = %{{.+}} to %[[T]] step %{{.+}} iter_args(%{{.+}} = %[[INIT]], %{{.+}} = %[[ACC]])
// CHECK:   tensor.extract_slice %[[XS]][%[[IV]]] [1] [1] : tensor<?xf32> to tensor<f32>
func.func @scan_dynamic_length(%init: tensor<f32>, %xs: tensor<?xf32>) -> (tensor<f32>, tensor<?xf32>) {
  %sum, %prefix = onnx.Scan %init, %xs {num_scan_inputs = 1 : si64} : (tensor<f32>, tensor<?xf32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%acc: tensor<f32>, %x: tensor<f32>):
    %next = onnx.Add %acc, %x : (tensor<f32>, tensor<f32>) -> tensor<f32>
    onnx.Yield %next, %next : tensor<f32>, tensor<f32>
  }
  return %sum, %prefix : tensor<f32>, tensor<?xf32>
}

// -----

// Nothing carried and nothing scanned: the loop keeps the (implicit)
// scf.yield it comes with.
// CHECK-LABEL: func.func @scan_without_results
// CHECK: scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK-NEXT: tensor.extract_slice
// CHECK-NEXT: }
func.func @scan_without_results(%xs: tensor<4xf32>) {
  onnx.Scan %xs {num_scan_inputs = 1 : si64} : (tensor<4xf32>) -> () {
  ^bb0(%x: tensor<f32>):
    onnx.Yield
  }
  return
}
