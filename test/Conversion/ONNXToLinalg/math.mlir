// Contractions, reductions and normalisations lower to linalg; f16
// accumulates in f32. Numerics: math-run.mlir.
// RUN: attnc-opt %s --convert-onnx-to-linalg --split-input-file -verify-diagnostics | FileCheck %s

// Matrices use linalg.matmul, accumulating f16 in a zeroed f32 tensor that is
// rounded once.
// CHECK-LABEL: func.func @matmul_2d_f16
// CHECK-SAME: (%[[A:.+]]: tensor<3x4xf16>, %[[B:.+]]: tensor<4x5xf16>)
// CHECK: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.+}} : tensor<3x5xf32>)
// CHECK: %[[MM:.+]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<3x4xf16>, tensor<4x5xf16>) outs(%[[ACC]] : tensor<3x5xf32>)
// CHECK: %[[R:.+]] = linalg.generic {{.*}} ins(%[[MM]] : tensor<3x5xf32>) outs(%{{.+}} : tensor<3x5xf16>)
// CHECK: arith.truncf %{{.+}} : f32 to f16
// CHECK: return %[[R]]
func.func @matmul_2d_f16(%a: tensor<3x4xf16>, %b: tensor<4x5xf16>) -> tensor<3x5xf16> {
  %0 = onnx.MatMul %a, %b : (tensor<3x4xf16>, tensor<4x5xf16>) -> tensor<3x5xf16>
  return %0 : tensor<3x5xf16>
}

// -----

// Unbroadcast batches use linalg.batch_matmul, dynamic sizes from the operands.
// CHECK-LABEL: func.func @matmul_batch_dynamic
// CHECK-SAME: (%[[A:.+]]: tensor<?x3x4xf32>, %[[B:.+]]: tensor<?x4x2xf32>)
// CHECK: %[[N:.+]] = tensor.dim %[[A]], %{{.+}} : tensor<?x3x4xf32>
// CHECK: %[[INIT:.+]] = tensor.empty(%[[N]]) : tensor<?x3x2xf32>
// CHECK: %[[ACC:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%[[INIT]] : tensor<?x3x2xf32>)
// CHECK: %[[R:.+]] = linalg.batch_matmul ins(%[[A]], %[[B]] : tensor<?x3x4xf32>, tensor<?x4x2xf32>) outs(%[[ACC]] : tensor<?x3x2xf32>)
// CHECK: return %[[R]]
func.func @matmul_batch_dynamic(%a: tensor<?x3x4xf32>, %b: tensor<?x4x2xf32>) -> tensor<?x3x2xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<?x3x4xf32>, tensor<?x4x2xf32>) -> tensor<?x3x2xf32>
  return %0 : tensor<?x3x2xf32>
}

// -----

// Broadcast batches: one generic over (batch..., m, n, k); a size-1 batch dim
// is read at 0.
// CHECK-DAG: #[[LHS:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d4)>
// CHECK-DAG: #[[RHS:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG: #[[OUT:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @matmul_broadcast
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK: ^bb0(%[[X:.+]]: f32, %[[Y:.+]]: f32, %[[ACC:.+]]: f32):
// CHECK-NEXT: %[[P:.+]] = arith.mulf %[[X]], %[[Y]] : f32
// CHECK-NEXT: %[[S:.+]] = arith.addf %[[ACC]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[S]]
func.func @matmul_broadcast(%a: tensor<3x1x2x4xf32>, %b: tensor<5x4x3xf32>) -> tensor<3x5x2x3xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<3x1x2x4xf32>, tensor<5x4x3xf32>) -> tensor<3x5x2x3xf32>
  return %0 : tensor<3x5x2x3xf32>
}

// -----

// A 1-D operand has no row (or column) loop.
// CHECK-DAG: #[[VEC:.+]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-DAG: #[[MAT:.+]] = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
// CHECK-DAG: #[[OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul_vector
// CHECK: linalg.generic {indexing_maps = [#[[VEC]], #[[MAT]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
func.func @matmul_vector(%a: tensor<4xf32>, %b: tensor<2x4x3xf32>) -> tensor<2x3xf32> {
  %0 = onnx.MatMul %a, %b : (tensor<4xf32>, tensor<2x4x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Transposes change how A and B are read; alpha and C apply afterwards.
// CHECK-DAG: #[[AT:.+]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG: #[[BT:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MN:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[CBIAS:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @gemm_transposed
// CHECK-SAME: (%[[A:.+]]: tensor<4x3xf32>, %[[B:.+]]: tensor<5x4xf32>, %[[C:.+]]: tensor<5xf32>)
// CHECK: %[[ACC:.+]] = linalg.generic {indexing_maps = [#[[AT]], #[[BT]], #[[MN]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[A]], %[[B]] :
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[CBIAS]], #{{.+}}], {{.*}} ins(%[[ACC]], %[[C]] : tensor<3x5xf32>, tensor<5xf32>)
// CHECK: ^bb0(%[[X:.+]]: f32, %[[Y:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[ALPHA:.+]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[SCALED:.+]] = arith.mulf %[[ALPHA]], %[[X]] : f32
// CHECK-NEXT: %[[SUM:.+]] = arith.addf %[[SCALED]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]]
func.func @gemm_transposed(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>) -> tensor<3x5xf32> {
  %0 = onnx.Gemm %a, %b, %c {alpha = 0.5 : f32, transA = 1 : si64, transB = 1 : si64} : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// A repeated label reads the diagonal; labels not in the output are reduced.
// CHECK-DAG: #[[DIAG:.+]] = affine_map<(d0, d1) -> (d0, d1, d1)>
// CHECK-DAG: #[[LHS:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[RHS:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-LABEL: func.func @einsum
// CHECK: linalg.generic {indexing_maps = [#[[DIAG]], #{{.+}}], iterator_types = ["parallel", "parallel"]}
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #{{.+}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
func.func @einsum(%d: tensor<3x5x5xf64>, %x: tensor<5x2x3xf64>, %y: tensor<5x3x4xf64>) -> (tensor<3x5xf64>, tensor<5x2x4xf64>) {
  %0 = onnx.Einsum %d {equation = "...ii->...i"} : (tensor<3x5x5xf64>) -> tensor<3x5xf64>
  %1 = onnx.Einsum %x, %y {equation = "bij,bjk->bik"} : (tensor<5x2x3xf64>, tensor<5x3x4xf64>) -> tensor<5x2x4xf64>
  return %0, %1 : tensor<3x5xf64>, tensor<5x2x4xf64>
}

// -----

// Max, then the sum of exp(x - max), then the quotient (exp recomputed).
// CHECK-DAG: #[[ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.+]]: tensor<2x?xf16>)
// CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[MAXINIT:.+]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.+}} : tensor<?xf32>)
// CHECK: %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["reduction", "parallel"]} ins(%[[X]] : tensor<2x?xf16>) outs(%[[MAXINIT]] : tensor<?xf32>)
// CHECK: arith.maximumf
// CHECK: %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]], iterator_types = ["reduction", "parallel"]} ins(%[[X]], %[[MAX]] :
// CHECK: math.exp
// CHECK: %[[R:.+]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[MAX]], %[[SUM]] :
// CHECK: arith.divf
// CHECK: arith.truncf %{{.+}} : f32 to f16
// CHECK: return %[[R]]
func.func @softmax(%x: tensor<2x?xf16>) -> tensor<2x?xf16> {
  %0 = onnx.Softmax %x {axis = 0 : si64} : (tensor<2x?xf16>) -> tensor<2x?xf16>
  return %0 : tensor<2x?xf16>
}

// -----

// keepdims reinserts the reduced dims with tensor.expand_shape; the mean
// divides by the reduced count and rounds in one pass.
// CHECK-DAG: #[[ALL:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[KEPT:.+]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @reduce_mean_f16
// CHECK: %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[ALL]], #[[KEPT]]], iterator_types = ["reduction", "parallel", "reduction"]}
// CHECK: arith.extf
// CHECK: %[[COUNT:.+]] = arith.constant 1.200000e+01 : f32
// CHECK: %[[MEAN:.+]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2xf32>) outs(%{{.+}} : tensor<2xf16>)
// CHECK: arith.divf %{{.+}}, %[[COUNT]] : f32
// CHECK: arith.truncf
// CHECK: %[[R:.+]] = tensor.expand_shape %[[MEAN]] {{\[}}[0, 1, 2]] output_shape [1, 2, 1] : tensor<2xf16> into tensor<1x2x1xf16>
// CHECK: return %[[R]]
func.func @reduce_mean_f16(%x: tensor<3x2x4xf16>) -> tensor<1x2x1xf16> {
  %axes = onnx.Constant dense<[0, -1]> : tensor<2xi64>
  %0 = onnx.ReduceMean %x, %axes : (tensor<3x2x4xf16>, tensor<2xi64>) -> tensor<1x2x1xf16>
  return %0 : tensor<1x2x1xf16>
}

// -----

// CHECK-LABEL: func.func @reduce_max_all_int
// CHECK: %[[MIN:.+]] = arith.constant -9223372036854775808 : i64
// CHECK: linalg.fill ins(%[[MIN]] : i64) outs(%{{.+}} : tensor<i64>)
// CHECK: iterator_types = ["reduction", "reduction"]
// CHECK: arith.maxsi
// CHECK-NOT: tensor.expand_shape
func.func @reduce_max_all_int(%x: tensor<3x4xi64>) -> tensor<i64> {
  %none = onnx.NoValue
  %0 = onnx.ReduceMax %x, %none {keepdims = 0 : si64} : (tensor<3x4xi64>, none) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// CHECK-LABEL: func.func @reduce_noop
// CHECK-SAME: (%[[X:.+]]: tensor<3x4xf32>)
// CHECK-NOT: linalg.generic
// CHECK: return %[[X]]
func.func @reduce_noop(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %none = onnx.NoValue
  %0 = onnx.ReduceSum %x, %none {noop_with_empty_axes = 1 : si64} : (tensor<3x4xf32>, none) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Axes given at run time: with keepdims the static result type says which
// dims are reduced (the other cases: reduce-axes-input.mlir).
// CHECK-DAG: #[[KEPT:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @reduce_axes_input
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[KEPT]]], iterator_types = ["parallel", "reduction", "parallel"]}
func.func @reduce_axes_input(%x: tensor<3x2x4xf32>, %axes: tensor<1xi64>) -> tensor<3x1x4xf32> {
  %0 = onnx.ReduceSum %x, %axes : (tensor<3x2x4xf32>, tensor<1xi64>) -> tensor<3x1x4xf32>
  return %0 : tensor<3x1x4xf32>
}

// -----

// Mean, then the squared deviations from it (two passes), then the
// normalised output; Mean and InvStdDev get their unit dims back.
// CHECK-LABEL: func.func @layer_normalization
// CHECK-SAME: (%[[X:.+]]: tensor<2x8xf16>, %[[W:.+]]: tensor<8xf16>, %[[B:.+]]: tensor<8xf16>)
// CHECK: %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x8xf16>)
// CHECK: %[[MEAN:.+]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2xf32>)
// CHECK: %[[SQDEV:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[X]], %[[MEAN]] : tensor<2x8xf16>, tensor<2xf32>)
// CHECK: %[[INV:.+]] = linalg.generic {{.*}} ins(%[[SQDEV]] : tensor<2xf32>)
// CHECK: arith.divf
// CHECK: arith.addf
// CHECK: math.rsqrt
// CHECK: %[[Y:.+]] = linalg.generic {{.*}} ins(%[[X]], %[[INV]], %[[W]], %[[B]], %[[MEAN]] : tensor<2x8xf16>, tensor<2xf32>, tensor<8xf16>, tensor<8xf16>, tensor<2xf32>) outs(%{{.+}} : tensor<2x8xf16>)
// CHECK: %[[M:.+]] = tensor.expand_shape %[[MEAN]] {{\[}}[0, 1]] output_shape [2, 1]
// CHECK: %[[I:.+]] = tensor.expand_shape %[[INV]] {{\[}}[0, 1]] output_shape [2, 1]
// CHECK: return %[[Y]], %[[M]], %[[I]]
func.func @layer_normalization(%x: tensor<2x8xf16>, %w: tensor<8xf16>, %b: tensor<8xf16>) -> (tensor<2x8xf16>, tensor<2x1xf32>, tensor<2x1xf32>) {
  %0:3 = onnx.LayerNormalization %x, %w, %b : (tensor<2x8xf16>, tensor<8xf16>, tensor<8xf16>) -> (tensor<2x8xf16>, tensor<2x1xf32>, tensor<2x1xf32>)
  return %0#0, %0#1, %0#2 : tensor<2x8xf16>, tensor<2x1xf32>, tensor<2x1xf32>
}

// -----

// CHECK-LABEL: func.func @rms_normalization
// CHECK-SAME: (%[[X:.+]]: tensor<2x3x4xf32>, %[[W:.+]]: tensor<3x4xf32>)
// CHECK: %[[SUMSQ:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<2x3x4xf32>)
// CHECK: arith.mulf
// CHECK: %[[INV:.+]] = linalg.generic {{.*}} ins(%[[SUMSQ]] : tensor<2xf32>)
// CHECK: math.rsqrt
// CHECK: %[[Y:.+]] = linalg.generic {{.*}} ins(%[[X]], %[[INV]], %[[W]] : tensor<2x3x4xf32>, tensor<2xf32>, tensor<3x4xf32>)
// CHECK: return %[[Y]]
func.func @rms_normalization(%x: tensor<2x3x4xf32>, %w: tensor<3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = onnx.RMSNormalization %x, %w {axis = 1 : si64} : (tensor<2x3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @skip_simplified_layer_normalization
// CHECK-SAME: (%[[IN:.+]]: tensor<2x3x8xf16>, %[[SKIP:.+]]: tensor<3x8xf16>, %[[G:.+]]: tensor<8xf16>, %[[BIAS:.+]]: tensor<8xf16>)
// CHECK: %[[S:.+]] = linalg.generic {{.*}} ins(%[[IN]], %[[SKIP]], %[[BIAS]] : tensor<2x3x8xf16>, tensor<3x8xf16>, tensor<8xf16>) outs(%{{.+}} : tensor<2x3x8xf32>)
// CHECK: math.rsqrt
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%[[S]], %{{.+}}, %[[G]] :
// CHECK: %[[SUM16:.+]] = linalg.generic {{.*}} ins(%[[S]] : tensor<2x3x8xf32>) outs(%{{.+}} : tensor<2x3x8xf16>)
// CHECK: return %[[OUT]], %{{.+}}, %{{.+}}, %[[SUM16]] : tensor<2x3x8xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x8xf16>
func.func @skip_simplified_layer_normalization(%x: tensor<2x3x8xf16>, %s: tensor<3x8xf16>, %g: tensor<8xf16>, %b: tensor<8xf16>) -> (tensor<2x3x8xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x8xf16>) {
  %0:4 = onnx.ms.SkipSimplifiedLayerNormalization %x, %s, %g, %b {epsilon = 1.0e-6 : f32} : (tensor<2x3x8xf16>, tensor<3x8xf16>, tensor<8xf16>, tensor<8xf16>) -> (tensor<2x3x8xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x8xf16>)
  return %0#0, %0#1, %0#2, %0#3 : tensor<2x3x8xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x8xf16>
}

// -----

// CHECK-LABEL: func.func @gelu
// CHECK: ^bb0(%[[X:.+]]: f32, %{{.+}}: f32):
// CHECK: %[[RSQRT2:.+]] = arith.constant 0.707106769 : f32
// CHECK: %[[SCALED:.+]] = arith.mulf %[[X]], %[[RSQRT2]] : f32
// CHECK: math.erf %[[SCALED]]
// CHECK: math.tanh
func.func @gelu(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = onnx.Gelu %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = onnx.Gelu %x {approximate = "tanh"} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
