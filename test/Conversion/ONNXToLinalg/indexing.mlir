// The structure of the indexing lowerings: TopK as one scan per slice into a
// sorted K-buffer (scf loops over tensors), GatherElements as a generic that
// reads data at the normalised index, ScatterElements as a gather over the
// written-to positions. Numerics: indexing-run.mlir; refusals:
// indexing-unsupported.mlir.
// RUN: attnc-opt %s --convert-onnx-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @topk_last_axis
// CHECK-SAME: (%[[X:.+]]: tensor<3x4xf32>)
// The value buffer starts zeroed; the index buffer is written before read.
// CHECK: %[[VINIT:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<3x2xf32>)
// CHECK: %[[IINIT:.+]] = tensor.empty() : tensor<3x2xi64>
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG: %[[ONE:.+]] = arith.constant 1 : index
// CHECK-DAG: %[[K:.+]] = arith.constant 2 : index
// CHECK-DAG: %[[LAST:.+]] = arith.constant 1 : index
// CHECK-DAG: %[[ROWS:.+]] = arith.constant 3 : index
// CHECK-DAG: %[[DIM:.+]] = arith.constant 4 : index
// One loop over the rows, then one scan of the axis with a count.
// CHECK: %[[NEST:.+]]:2 = scf.for %[[R:[^ ]+]] = %[[C0]] to %[[ROWS]] step %[[ONE]] iter_args(%[[VR:[^ ]+]] = %[[VINIT]], %[[IR:[^ ]+]] = %[[IINIT]])
// CHECK: %[[SCAN:.+]]:3 = scf.for %[[T:[^ ]+]] = %[[C0]] to %[[DIM]] step %[[ONE]] iter_args(%[[VB:[^ ]+]] = %[[VR]], %[[IB:[^ ]+]] = %[[IR]], %[[COUNT:[^ ]+]] = %[[C0]])
// CHECK: %[[XT:.+]] = tensor.extract %[[X]][%[[R]], %[[T]]] : tensor<3x4xf32>
// CHECK: %[[KTH:.+]] = tensor.extract %[[VB]][%[[R]], %[[LAST]]] : tensor<3x2xf32>
// Enters while fewer than K are kept, or when it beats the K-th (NaN first).
// CHECK: %[[NOTFULL:.+]] = arith.cmpi slt, %[[COUNT]], %[[K]] : index
// CHECK: %[[XNAN:.+]] = arith.cmpf uno, %[[XT]], %[[XT]] : f32
// CHECK: %[[KNAN:.+]] = arith.cmpf uno, %[[KTH]], %[[KTH]] : f32
// CHECK: %[[GT:.+]] = arith.cmpf ogt, %[[XT]], %[[KTH]] : f32
// CHECK: %[[ENTERS:.+]] = arith.ori %[[NOTFULL]], %{{.+}} : i1
// CHECK: %[[UPDATE:.+]]:3 = scf.if %[[ENTERS]]
// Insertion: from slot min(count, K-1) up, move every slot x strictly beats.
// CHECK: %[[START:.+]] = arith.minsi %[[COUNT]], %[[LAST]] : index
// CHECK: %[[SHIFT:.+]]:3 = scf.while (%[[J:[^ ]+]] = %[[START]], %{{.+}} = %[[VB]], %{{.+}} = %[[IB]])
// CHECK: arith.cmpf ogt, %[[XT]], %{{.+}} : f32
// CHECK: scf.condition
// CHECK: } do {
// CHECK: tensor.insert %{{.+}} into %{{.+}}[%[[R]], %{{.+}}] : tensor<3x2xf32>
// CHECK: tensor.insert %{{.+}} into %{{.+}}[%[[R]], %{{.+}}] : tensor<3x2xi64>
// CHECK: scf.yield
// CHECK: }
// CHECK: %[[POS:.+]] = arith.index_cast %[[T]] : index to i64
// CHECK: %[[NEWV:.+]] = tensor.insert %[[XT]] into %[[SHIFT]]#1[%[[R]], %[[SHIFT]]#0] : tensor<3x2xf32>
// CHECK: %[[NEWI:.+]] = tensor.insert %[[POS]] into %[[SHIFT]]#2[%[[R]], %[[SHIFT]]#0] : tensor<3x2xi64>
// CHECK: %[[INC:.+]] = arith.addi %[[COUNT]], %[[ONE]] : index
// CHECK: %[[NEWCOUNT:.+]] = arith.minsi %[[INC]], %[[K]] : index
// CHECK: scf.yield %[[NEWV]], %[[NEWI]], %[[NEWCOUNT]]
// CHECK: } else {
// CHECK: scf.yield %[[VB]], %[[IB]], %[[COUNT]]
// CHECK: return %[[NEST]]#0, %[[NEST]]#1 : tensor<3x2xf32>, tensor<3x2xi64>
func.func @topk_last_axis(%x: tensor<3x4xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>) {
  %k = onnx.Constant dense<2> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k {axis = -1 : si64} : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return %v, %i : tensor<3x2xf32>, tensor<3x2xi64>
}

// -----

// Smallest on the first axis of an integer tensor with a dynamic dim: the
// loops run over dim 1 (tensor.dim) and scan dim 0; slot coordinates put the
// slot first.
// CHECK-LABEL: func.func @topk_smallest_first_axis
// CHECK-SAME: (%[[X:.+]]: tensor<5x?xi32>)
// CHECK: %[[D1:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<5x?xi32>
// CHECK: linalg.fill ins(%{{.+}} : i32) outs(%{{.+}} : tensor<3x?xi32>)
// CHECK: scf.for %[[C:[^ ]+]] = %{{.+}} to %[[D1]]
// CHECK: scf.for %[[T:[^ ]+]] = %{{.+}} to %{{.+}}
// CHECK: %[[XT:.+]] = tensor.extract %[[X]][%[[T]], %[[C]]] : tensor<5x?xi32>
// CHECK: %[[KTH:.+]] = tensor.extract %{{.+}}[%{{.+}}, %[[C]]] : tensor<3x?xi32>
// CHECK: arith.cmpi slt, %[[XT]], %[[KTH]] : i32
// CHECK: scf.while
// CHECK: arith.cmpi slt, %[[XT]], %{{.+}} : i32
// CHECK: tensor.insert %[[XT]] into %{{.+}}[%{{.+}}, %[[C]]] : tensor<3x?xi32>
func.func @topk_smallest_first_axis(%x: tensor<5x?xi32>) -> (tensor<3x?xi32>, tensor<3x?xi64>) {
  %k = onnx.Constant dense<3> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k {axis = 0 : si64, largest = 0 : si64} : (tensor<5x?xi32>, tensor<1xi64>) -> (tensor<3x?xi32>, tensor<3x?xi64>)
  return %v, %i : tensor<3x?xi32>, tensor<3x?xi64>
}

// -----

// K = 0: empty results, no loop.
// CHECK-LABEL: func.func @topk_zero
// CHECK-NOT: scf.for
// CHECK: return
func.func @topk_zero(%x: tensor<3x4xf32>) -> (tensor<3x0xf32>, tensor<3x0xi64>) {
  %k = onnx.Constant dense<0> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x0xf32>, tensor<3x0xi64>)
  return %v, %i : tensor<3x0xf32>, tensor<3x0xi64>
}

// -----

// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @gather_elements
// CHECK-SAME: (%[[D:.+]]: tensor<2x5xf32>, %[[I:.+]]: tensor<2x3xi64>)
// CHECK: %[[DIM:.+]] = arith.constant 5 : index
// CHECK: %[[INIT:.+]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[G:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[I]] : tensor<2x3xi64>) outs(%[[INIT]] : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[IDX:.+]]: i64, %{{.+}}: f32):
// A negative index counts from the end, then the index is clamped.
// CHECK: %[[CAST:.+]] = arith.index_cast %[[IDX]] : i64 to index
// CHECK: %[[NEG:.+]] = arith.cmpi slt, %[[CAST]], %{{.+}} : index
// CHECK: %[[WRAP:.+]] = arith.addi %[[CAST]], %[[DIM]] : index
// CHECK: %[[N:.+]] = arith.select %[[NEG]], %[[WRAP]], %[[CAST]] : index
// CHECK: %[[LO:.+]] = arith.maxsi %[[N]], %{{.+}} : index
// CHECK: %[[CLAMPED:.+]] = arith.minsi %[[LO]], %{{.+}} : index
// CHECK: %[[ROW:.+]] = linalg.index 0 : index
// CHECK: %[[READ:.+]] = tensor.extract %[[D]][%[[ROW]], %[[CLAMPED]]] : tensor<2x5xf32>
// CHECK: linalg.yield %[[READ]] : f32
// CHECK: return %[[G]]
func.func @gather_elements(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>) -> tensor<2x3xf32> {
  %g = onnx.GatherElements %d, %i {axis = -1 : si64} : (tensor<2x5xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  return %g : tensor<2x3xf32>
}

// -----

// CHECK-DAG: #[[$SRC:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @scatter_elements
// CHECK-SAME: (%[[D:.+]]: tensor<2x5xf32>, %[[I:.+]]: tensor<2x3xi64>, %[[U:.+]]: tensor<2x3xf32>)
// Every output position folds, in order, the updates aimed at it.
// CHECK: %[[S:.+]] = linalg.generic {indexing_maps = [#[[$SRC]], #[[$SRC]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[I]], %[[U]] : tensor<2x3xi64>, tensor<2x3xf32>) outs(%[[D]] : tensor<2x5xf32>)
// CHECK-NEXT: ^bb0(%[[IDX:.+]]: i64, %[[UPD:.+]]: f32, %[[ACC:.+]]: f32):
// CHECK: %[[TARGET:.+]] = arith.select
// CHECK: %[[COL:.+]] = linalg.index 1 : index
// CHECK: %[[HIT:.+]] = arith.cmpi eq, %[[TARGET]], %[[COL]] : index
// CHECK: %[[SUM:.+]] = arith.addf %[[ACC]], %[[UPD]] : f32
// CHECK: %[[NEXT:.+]] = arith.select %[[HIT]], %[[SUM]], %[[ACC]] : f32
// CHECK: linalg.yield %[[NEXT]] : f32
// CHECK: return %[[S]]
func.func @scatter_elements(%d: tensor<2x5xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf32>) -> tensor<2x5xf32> {
  %s = onnx.ScatterElements %d, %i, %u {axis = 1 : si64, reduction = "add"} : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<2x5xf32>
  return %s : tensor<2x5xf32>
}
