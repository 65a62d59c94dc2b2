// Lowering of the shape and data-movement onnx ops to tensor, linalg and
// arith. Numerics are checked by tensor-exec.mlir.
// RUN: attnc-opt %s --convert-onnx-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @constant
func.func @constant() -> tensor<2xi64> {
  // CHECK: %[[C:.+]] = arith.constant dense<[1, 2]> : tensor<2xi64>
  // CHECK: return %[[C]]
  %c = onnx.Constant dense<[1, 2]> : tensor<2xi64>
  return %c : tensor<2xi64>
}

// -----

// Reshapes regroup dims where they can and go through 1-D otherwise.
// CHECK-LABEL: func.func @reshape_static
// CHECK-SAME: (%[[X:.+]]: tensor<2x3x4xf32>)
func.func @reshape_static(%x: tensor<2x3x4xf32>) -> (tensor<6x4xf32>, tensor<2x3x2x2xf32>, tensor<4x6xf32>) {
  // CHECK: %[[A:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  // CHECK: %[[B:.+]] = tensor.expand_shape %[[X]] {{\[}}[0], [1], [2, 3]] output_shape [2, 3, 2, 2]
  // CHECK: %[[FLAT:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  // CHECK: %[[C:.+]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [4, 6]
  // CHECK: return %[[A]], %[[B]], %[[C]]
  %a = onnx.Constant dense<[6, 4]> : tensor<2xi64>
  %0 = onnx.Reshape %x, %a : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  %b = onnx.Constant dense<[0, 0, 2, -1]> : tensor<4xi64>
  %1 = onnx.Reshape %x, %b : (tensor<2x3x4xf32>, tensor<4xi64>) -> tensor<2x3x2x2xf32>
  %c = onnx.Constant dense<[4, 6]> : tensor<2xi64>
  %2 = onnx.Reshape %x, %c : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  return %0, %1, %2 : tensor<6x4xf32>, tensor<2x3x2x2xf32>, tensor<4x6xf32>
}

// -----

// A dynamic dim inside an expanded group is the source dim over the group's
// static dims.
// CHECK-LABEL: func.func @reshape_expand_dynamic
// CHECK-SAME: (%[[X:.+]]: tensor<?x12xf32>)
func.func @reshape_expand_dynamic(%x: tensor<?x12xf32>) -> tensor<?x3x4xf32> {
  // CHECK: %[[D:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x12xf32>
  // CHECK: tensor.expand_shape %[[X]] {{\[}}[0], [1, 2]] output_shape [%[[D]], 3, 4]
  %s = onnx.Constant dense<[-1, 3, 4]> : tensor<3xi64>
  %0 = onnx.Reshape %x, %s : (tensor<?x12xf32>, tensor<3xi64>) -> tensor<?x3x4xf32>
  return %0 : tensor<?x3x4xf32>
}

// -----

// A run-time shape: 0 copies data's dim, -1 takes the rest.
// CHECK-LABEL: func.func @reshape_runtime_shape
// CHECK-SAME: (%[[X:.+]]: tensor<?x3x4xf32>, %[[S:.+]]: tensor<2xi64>)
func.func @reshape_runtime_shape(%x: tensor<?x3x4xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  // CHECK-DAG: tensor.extract %[[S]][%{{.+}}] : tensor<2xi64>
  // CHECK-DAG: %[[D0:.+]] = tensor.dim %[[X]]
  // CHECK: arith.divsi
  // CHECK: %[[SHAPE:.+]] = tensor.from_elements %{{.+}}, %{{.+}} : tensor<2xindex>
  // CHECK: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<?x3x4xf32>, tensor<2xindex>) -> tensor<?x?xf32>
  %0 = onnx.Reshape %x, %s : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @flatten_squeeze_unsqueeze
// CHECK-SAME: (%[[X:.+]]: tensor<1x?x1x5xf32>)
func.func @flatten_squeeze_unsqueeze(%x: tensor<1x?x1x5xf32>) -> (tensor<?x5xf32>, tensor<?x5xf32>, tensor<1x?x1x1x5xf32>) {
  // Unit dims may join either neighbour.
  // CHECK: %[[F:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2, 3]] : tensor<1x?x1x5xf32> into tensor<?x5xf32>
  %0 = onnx.Flatten %x {axis = 3 : si64} : (tensor<1x?x1x5xf32>) -> tensor<?x5xf32>
  // CHECK: %[[S:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2, 3]] : tensor<1x?x1x5xf32> into tensor<?x5xf32>
  %a = onnx.Constant dense<[0, 2]> : tensor<2xi64>
  %1 = onnx.Squeeze %x, %a : (tensor<1x?x1x5xf32>, tensor<2xi64>) -> tensor<?x5xf32>
  // CHECK: %[[D:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<1x?x1x5xf32>
  // CHECK: %[[U:.+]] = tensor.expand_shape %[[X]] {{\[}}[0], [1], [2], [3, 4]] output_shape [1, %[[D]], 1, 1, 5]
  %b = onnx.Constant dense<[3]> : tensor<1xi64>
  %2 = onnx.Unsqueeze %x, %b : (tensor<1x?x1x5xf32>, tensor<1xi64>) -> tensor<1x?x1x1x5xf32>
  // CHECK: return %[[F]], %[[S]], %[[U]]
  return %0, %1, %2 : tensor<?x5xf32>, tensor<?x5xf32>, tensor<1x?x1x1x5xf32>
}

// -----

// Axes known only at run time give the dims through tensor.reshape.
// CHECK-LABEL: func.func @unsqueeze_runtime_axes
// CHECK-SAME: (%[[X:.+]]: tensor<3x4xf32>, %[[A:.+]]: tensor<1xi64>)
func.func @unsqueeze_runtime_axes(%x: tensor<3x4xf32>, %a: tensor<1xi64>) -> tensor<?x?x?xf32> {
  // CHECK: tensor.extract %[[A]]
  // CHECK: %[[SHAPE:.+]] = tensor.from_elements {{.*}} : tensor<3xindex>
  // CHECK: tensor.reshape %[[X]](%[[SHAPE]])
  %0 = onnx.Unsqueeze %x, %a : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.+]]: tensor<?x3x4xf32>)
func.func @transpose(%x: tensor<?x3x4xf32>) -> tensor<4x?x3xf32> {
  // CHECK: %[[D:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x3x4xf32>
  // CHECK: %[[INIT:.+]] = tensor.empty(%[[D]]) : tensor<4x?x3xf32>
  // CHECK: %[[T:.+]] = linalg.transpose ins(%[[X]] : tensor<?x3x4xf32>) outs(%[[INIT]] : tensor<4x?x3xf32>) permutation = [2, 0, 1]
  // CHECK: return %[[T]]
  %0 = onnx.Transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<?x3x4xf32>) -> tensor<4x?x3xf32>
  return %0 : tensor<4x?x3xf32>
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.+]]: tensor<2x3xf32>, %[[B:.+]]: tensor<2x?xf32>)
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x?xf32>) -> tensor<2x?xf32> {
  // CHECK: %[[D:.+]] = tensor.dim %[[B]], %{{.+}} : tensor<2x?xf32>
  // CHECK: %[[N:.+]] = arith.addi %{{.+}}, %[[D]] : index
  // CHECK: %[[INIT:.+]] = tensor.empty(%[[N]]) : tensor<2x?xf32>
  // CHECK: %[[FIRST:.+]] = tensor.insert_slice %[[A]] into %[[INIT]][0, 0] [2, 3] [1, 1]
  // CHECK: %[[BOTH:.+]] = tensor.insert_slice %[[B]] into %[[FIRST]][0, 3] [2, %{{.+}}] [1, 1]
  // CHECK: return %[[BOTH]]
  %0 = onnx.Concat %a, %b {axis = -1 : si64} : (tensor<2x3xf32>, tensor<2x?xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// CHECK-LABEL: func.func @split
// CHECK-SAME: (%[[X:.+]]: tensor<2x7xf32>)
func.func @split(%x: tensor<2x7xf32>) -> (tensor<2x4xf32>, tensor<2x3xf32>) {
  // CHECK: %[[A:.+]] = tensor.extract_slice %[[X]][0, 0] [2, 4] [1, 1] : tensor<2x7xf32> to tensor<2x4xf32>
  // CHECK: %[[B:.+]] = tensor.extract_slice %[[X]][0, 4] [2, 3] [1, 1] : tensor<2x7xf32> to tensor<2x3xf32>
  // CHECK: return %[[A]], %[[B]]
  %none = onnx.NoValue
  %0:2 = onnx.Split %x, %none {axis = 1 : si64, num_outputs = 2 : si64} : (tensor<2x7xf32>, none) -> (tensor<2x4xf32>, tensor<2x3xf32>)
  return %0#0, %0#1 : tensor<2x4xf32>, tensor<2x3xf32>
}

// -----

// Positive constant steps slice in place; negative steps read element by
// element.
// CHECK-LABEL: func.func @slice_constant
// CHECK-SAME: (%[[X:.+]]: tensor<20x10x5xf32>)
func.func @slice_constant(%x: tensor<20x10x5xf32>) -> (tensor<20x3x5xf32>, tensor<20x3x1xf32>) {
  // CHECK: %[[FWD:.+]] = tensor.extract_slice %[[X]][0, 1, 0] [20, 3, 5] [1, 3, 1] : tensor<20x10x5xf32> to tensor<20x3x5xf32>
  %s = onnx.Constant dense<[1]> : tensor<1xi64>
  %e = onnx.Constant dense<[9223372036854775807]> : tensor<1xi64>
  %a = onnx.Constant dense<[-2]> : tensor<1xi64>
  %st = onnx.Constant dense<[3]> : tensor<1xi64>
  %0 = onnx.Slice %x, %s, %e, %a, %st : (tensor<20x10x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<20x3x5xf32>
  // CHECK: %[[INIT:.+]] = tensor.empty() : tensor<20x3x1xf32>
  // CHECK: %[[BWD:.+]] = linalg.generic {{.*}} outs(%[[INIT]] : tensor<20x3x1xf32>)
  // CHECK-DAG: %[[I:.+]] = linalg.index 1 : index
  // CHECK-DAG: %[[MINUS3:.+]] = arith.constant -3 : index
  // CHECK: %[[SCALED:.+]] = arith.muli %[[I]], %[[MINUS3]] : index
  // CHECK: %[[ROW:.+]] = arith.addi %{{.+}}, %[[SCALED]] : index
  // CHECK: tensor.extract %[[X]][%{{.+}}, %[[ROW]], %{{.+}}] : tensor<20x10x5xf32>
  %s2 = onnx.Constant dense<[8, -1]> : tensor<2xi64>
  %e2 = onnx.Constant dense<[-100, 2]> : tensor<2xi64>
  %a2 = onnx.Constant dense<[1, 2]> : tensor<2xi64>
  %st2 = onnx.Constant dense<[-3, -2]> : tensor<2xi64>
  %1 = onnx.Slice %x, %s2, %e2, %a2, %st2 : (tensor<20x10x5xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<20x3x1xf32>
  // CHECK: return %[[FWD]], %[[BWD]]
  return %0, %1 : tensor<20x3x5xf32>, tensor<20x3x1xf32>
}

// -----

// Run-time starts and ends are normalised and clamped with arith.
// CHECK-LABEL: func.func @slice_runtime_bounds
// CHECK-SAME: (%[[X:.+]]: tensor<20x10xf32>, %[[S:.+]]: tensor<1xi64>, %[[E:.+]]: tensor<1xi64>)
func.func @slice_runtime_bounds(%x: tensor<20x10xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>) -> tensor<20x?xf32> {
  // CHECK-DAG: tensor.extract %[[S]]
  // CHECK-DAG: tensor.extract %[[E]]
  // CHECK: arith.maxsi
  // CHECK: arith.minsi
  // CHECK: %[[R:.+]] = tensor.extract_slice %[[X]][0, %{{.+}}] [20, %{{.+}}] [1, 1] : tensor<20x10xf32> to tensor<20x?xf32>
  // CHECK: return %[[R]]
  %a = onnx.Constant dense<[1]> : tensor<1xi64>
  %none = onnx.NoValue
  %0 = onnx.Slice %x, %s, %e, %a, %none : (tensor<20x10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<20x?xf32>
  return %0 : tensor<20x?xf32>
}

// -----

// CHECK-DAG: #[[$IDX:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[X:.+]]: tensor<5x4xf32>, %[[I:.+]]: tensor<2x3xi32>)
func.func @gather(%x: tensor<5x4xf32>, %i: tensor<2x3xi32>) -> tensor<5x2x3xf32> {
  // CHECK: %[[INIT:.+]] = tensor.empty() : tensor<5x2x3xf32>
  // CHECK: linalg.generic {indexing_maps = [#[[$IDX]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[I]] : tensor<2x3xi32>) outs(%[[INIT]] : tensor<5x2x3xf32>)
  // CHECK: ^bb0(%[[IN:.+]]: i32, %{{.+}}: f32):
  // CHECK: %[[INDEX:.+]] = arith.index_cast %[[IN]] : i32 to index
  // CHECK: %[[NEG:.+]] = arith.cmpi slt, %[[INDEX]]
  // CHECK: %[[WRAPPED:.+]] = arith.select %[[NEG]]
  // CHECK: %[[LOW:.+]] = arith.maxsi %[[WRAPPED]]
  // CHECK: %[[CLAMPED:.+]] = arith.minsi %[[LOW]]
  // CHECK: %[[ROW:.+]] = linalg.index 0 : index
  // CHECK: tensor.extract %[[X]][%[[ROW]], %[[CLAMPED]]] : tensor<5x4xf32>
  %0 = onnx.Gather %x, %i {axis = 1 : si64} : (tensor<5x4xf32>, tensor<2x3xi32>) -> tensor<5x2x3xf32>
  return %0 : tensor<5x2x3xf32>
}

// -----

// A size-1 input dim is read at index 0.
// CHECK: #[[$IN:.+]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-LABEL: func.func @expand
// CHECK-SAME: (%[[X:.+]]: tensor<3x1xf32>, %[[S:.+]]: tensor<3xi64>)
func.func @expand(%x: tensor<3x1xf32>, %s: tensor<3xi64>) -> tensor<?x3x?xf32> {
  // CHECK: %[[D0:.+]] = arith.index_cast %{{.+}} : i64 to index
  // CHECK: %[[S2:.+]] = arith.index_cast %{{.+}} : i64 to index
  // CHECK: %[[D2:.+]] = arith.maxsi %[[S2]], %{{.+}} : index
  // CHECK: %[[INIT:.+]] = tensor.empty(%[[D0]], %[[D2]]) : tensor<?x3x?xf32>
  // CHECK: linalg.generic {indexing_maps = [#[[$IN]], #{{.+}}]{{.*}} ins(%[[X]] : tensor<3x1xf32>) outs(%[[INIT]] : tensor<?x3x?xf32>)
  %0 = onnx.Expand %x, %s : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<?x3x?xf32>
  return %0 : tensor<?x3x?xf32>
}

// -----

// CHECK-LABEL: func.func @shape_and_size
// CHECK-SAME: (%[[X:.+]]: tensor<2x?xf32>)
func.func @shape_and_size(%x: tensor<2x?xf32>) -> (tensor<2xi64>, tensor<i64>) {
  // CHECK-DAG: %[[TWO:.+]] = arith.constant 2 : i64
  // CHECK-DAG: %[[D:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<2x?xf32>
  // CHECK: %[[D64:.+]] = arith.index_cast %[[D]] : index to i64
  // CHECK: %[[SHAPE:.+]] = tensor.from_elements %[[TWO]], %[[D64]] : tensor<2xi64>
  %0 = onnx.Shape %x : (tensor<2x?xf32>) -> tensor<2xi64>
  // CHECK: arith.muli
  // CHECK: %[[SIZE:.+]] = tensor.from_elements %{{.+}} : tensor<i64>
  %1 = onnx.Size %x : (tensor<2x?xf32>) -> tensor<i64>
  // CHECK: return %[[SHAPE]], %[[SIZE]]
  return %0, %1 : tensor<2xi64>, tensor<i64>
}

// -----

// CHECK-LABEL: func.func @constant_of_shape
// CHECK-SAME: (%[[S:.+]]: tensor<2xi64>)
func.func @constant_of_shape(%s: tensor<2xi64>) -> tensor<?x?xi32> {
  // CHECK: %[[INIT:.+]] = tensor.empty(%{{.+}}, %{{.+}}) : tensor<?x?xi32>
  // CHECK: %[[SEVEN:.+]] = arith.constant 7 : i32
  // CHECK: %[[FILL:.+]] = linalg.fill ins(%[[SEVEN]] : i32) outs(%[[INIT]] : tensor<?x?xi32>)
  // CHECK: return %[[FILL]]
  %0 = onnx.ConstantOfShape %s {value = dense<7> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<?x?xi32>
  return %0 : tensor<?x?xi32>
}

// -----

// f16 ranges compute in f32 and round once.
// CHECK-LABEL: func.func @range
func.func @range(%s: tensor<f16>, %l: tensor<f16>, %d: tensor<f16>) -> tensor<?xf16> {
  // CHECK: math.ceil
  // CHECK: %[[N:.+]] = arith.maxsi
  // CHECK: %[[INIT:.+]] = tensor.empty(%[[N]]) : tensor<?xf16>
  // CHECK: linalg.generic {{.*}} outs(%[[INIT]] : tensor<?xf16>)
  // CHECK: %[[I:.+]] = arith.sitofp %{{.+}} : i64 to f32
  // CHECK: %[[STEP:.+]] = arith.mulf %[[I]], %{{.+}} : f32
  // CHECK: %[[V:.+]] = arith.addf %{{.+}}, %[[STEP]] : f32
  // CHECK: arith.truncf %[[V]] : f32 to f16
  %0 = onnx.Range %s, %l, %d : (tensor<f16>, tensor<f16>, tensor<f16>) -> tensor<?xf16>
  return %0 : tensor<?xf16>
}

// -----

// CHECK-LABEL: func.func @trilu
// CHECK-SAME: (%[[X:.+]]: tensor<?x4x5xf32>, %[[K:.+]]: tensor<i64>)
func.func @trilu(%x: tensor<?x4x5xf32>, %k: tensor<i64>) -> tensor<?x4x5xf32> {
  // CHECK: %[[KV:.+]] = tensor.extract %[[K]][] : tensor<i64>
  // CHECK: %[[KI:.+]] = arith.index_cast %[[KV]] : i64 to index
  // CHECK: linalg.generic
  // CHECK: ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
  // CHECK: %[[ROW:.+]] = linalg.index 1 : index
  // CHECK: %[[COL:.+]] = linalg.index 2 : index
  // CHECK: %[[DIAG:.+]] = arith.subi %[[COL]], %[[ROW]] : index
  // CHECK: %[[KEEP:.+]] = arith.cmpi sle, %[[DIAG]], %[[KI]] : index
  // CHECK: arith.select %[[KEEP]], %[[IN]], %{{.+}} : f32
  %0 = onnx.Trilu %x, %k {upper = 0 : si64} : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  return %0 : tensor<?x4x5xf32>
}

// -----

// CHECK-LABEL: func.func @where
// CHECK-SAME: (%[[C:.+]]: tensor<2x1xi1>, %[[X:.+]]: tensor<2x3xf32>, %[[Y:.+]]: tensor<f32>)
func.func @where(%c: tensor<2x1xi1>, %x: tensor<2x3xf32>, %y: tensor<f32>) -> tensor<2x3xf32> {
  // CHECK: linalg.generic {{.*}} ins(%[[C]], %[[X]], %[[Y]] : tensor<2x1xi1>, tensor<2x3xf32>, tensor<f32>)
  // CHECK: ^bb0(%[[CV:.+]]: i1, %[[XV:.+]]: f32, %[[YV:.+]]: f32, %{{.+}}: f32):
  // CHECK: arith.select %[[CV]], %[[XV]], %[[YV]] : f32
  %0 = onnx.Where %c, %x, %y : (tensor<2x1xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @cast
func.func @cast(%x: tensor<4xf32>, %b: tensor<4xi1>, %h: tensor<4xf16>, %i: tensor<4xi64>) -> (tensor<4xi32>, tensor<4xf32>, tensor<4xbf16>, tensor<4xi1>, tensor<4xi8>) {
  // CHECK: arith.fptosi %{{.+}} : f32 to i32
  %0 = onnx.Cast %x {to = 6 : si64} : (tensor<4xf32>) -> tensor<4xi32>
  // CHECK: arith.uitofp %{{.+}} : i1 to f32
  %1 = onnx.Cast %b {to = 1 : si64} : (tensor<4xi1>) -> tensor<4xf32>
  // f16 and bf16 have one width: through f32.
  // CHECK: %[[WIDE:.+]] = arith.extf %{{.+}} : f16 to f32
  // CHECK: arith.truncf %[[WIDE]] : f32 to bf16
  %2 = onnx.Cast %h {to = 16 : si64} : (tensor<4xf16>) -> tensor<4xbf16>
  // CHECK: arith.cmpf une, %{{.+}}, %{{.+}} : f32
  %3 = onnx.CastLike %x, %b : (tensor<4xf32>, tensor<4xi1>) -> tensor<4xi1>
  // CHECK: arith.trunci %{{.+}} : i64 to i8
  %4 = onnx.Cast %i {to = 3 : si64} : (tensor<4xi64>) -> tensor<4xi8>
  return %0, %1, %2, %3, %4 : tensor<4xi32>, tensor<4xf32>, tensor<4xbf16>, tensor<4xi1>, tensor<4xi8>
}

// -----

// One pass over the output; the update is read only where it lands.
// CHECK-LABEL: func.func @tensor_scatter
// CHECK-SAME: (%[[P:.+]]: tensor<2x8x16xf32>, %[[U:.+]]: tensor<2x1x16xf32>, %[[W:.+]]: tensor<2xi64>)
func.func @tensor_scatter(%p: tensor<2x8x16xf32>, %u: tensor<2x1x16xf32>, %w: tensor<2xi64>) -> tensor<2x8x16xf32> {
  // CHECK: linalg.generic {{.*}} ins(%[[P]] : tensor<2x8x16xf32>)
  // CHECK: ^bb0(%[[OLD:.+]]: f32, %{{.+}}: f32):
  // CHECK: %[[B:.+]] = linalg.index 0 : index
  // CHECK: %[[POS:.+]] = linalg.index 1 : index
  // CHECK: %[[COL:.+]] = linalg.index 2 : index
  // CHECK: %[[START:.+]] = tensor.extract %[[W]][%[[B]]] : tensor<2xi64>
  // CHECK: %[[REM:.+]] = arith.remsi
  // CHECK: %[[OFF:.+]] = arith.select
  // CHECK: %[[IN:.+]] = arith.andi
  // CHECK: %[[V:.+]] = scf.if %[[IN]] -> (f32) {
  // CHECK:   %[[NEW:.+]] = tensor.extract %[[U]][%[[B]], %[[OFF]], %[[COL]]] : tensor<2x1x16xf32>
  // CHECK:   scf.yield %[[NEW]] : f32
  // CHECK: } else {
  // CHECK:   scf.yield %[[OLD]] : f32
  // CHECK: linalg.yield %[[V]] : f32
  %0 = onnx.TensorScatter %p, %u, %w {axis = 1 : si64, mode = "circular"} : (tensor<2x8x16xf32>, tensor<2x1x16xf32>, tensor<2xi64>) -> tensor<2x8x16xf32>
  return %0 : tensor<2x8x16xf32>
}

// -----

// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NEXT: return %[[X]]
  %0 = onnx.Identity %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tile as a broadcast to r_0 x n_0 x r_1 x n_1 (the copies on new outer
// dims) and a collapse of each pair.
// CHECK-LABEL: func.func @tile
// CHECK-SAME: (%[[X:.+]]: tensor<2x3xf32>)
// CHECK: %[[INIT:.+]] = tensor.empty() : tensor<2x2x1x3xf32>
// CHECK: %[[COPIES:.+]] = linalg.broadcast ins(%[[X]] : tensor<2x3xf32>) outs(%[[INIT]] : tensor<2x2x1x3xf32>) dimensions = [0, 2]
// CHECK: %[[T:.+]] = tensor.collapse_shape %[[COPIES]] {{\[}}[0, 1], [2, 3]] : tensor<2x2x1x3xf32> into tensor<4x3xf32>
// CHECK: return %[[T]]
func.func @tile(%x: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %r = onnx.Constant dense<[2, 1]> : tensor<2xi64>
  %0 = onnx.Tile %x, %r : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Repeats read at run time and a dynamic input dim size the copies.
// CHECK-LABEL: func.func @tile_runtime_repeats
// CHECK-SAME: (%[[X:.+]]: tensor<?x3xf32>, %[[R:.+]]: tensor<2xi64>)
// CHECK: %[[R0:.+]] = arith.index_cast %{{.+}} : i64 to index
// CHECK: %[[N0:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x3xf32>
// CHECK: %[[R1:.+]] = arith.index_cast %{{.+}} : i64 to index
// CHECK: %[[INIT:.+]] = tensor.empty(%[[R0]], %[[N0]], %[[R1]]) : tensor<?x?x?x3xf32>
// CHECK: %[[COPIES:.+]] = linalg.broadcast ins(%[[X]] : tensor<?x3xf32>) outs(%[[INIT]] : tensor<?x?x?x3xf32>) dimensions = [0, 2]
// CHECK: %[[T:.+]] = tensor.collapse_shape %[[COPIES]] {{\[}}[0, 1], [2, 3]] : tensor<?x?x?x3xf32> into tensor<?x?xf32>
// CHECK: return %[[T]]
func.func @tile_runtime_repeats(%x: tensor<?x3xf32>, %r: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = onnx.Tile %x, %r : (tensor<?x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
