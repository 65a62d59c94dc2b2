// Each elementwise onnx op becomes one linalg.generic over the broadcast
// result; f16 is computed in f32. Numerics: elementwise-run.mlir.
// RUN: attnc-opt %s --convert-onnx-to-linalg --split-input-file | FileCheck %s

// CHECK-DAG: #[[ID3:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[LAST:.+]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-LABEL: func.func @add_broadcast
// CHECK-SAME: (%[[A:.+]]: tensor<3x4x5xf32>, %[[B:.+]]: tensor<5xf32>)
// CHECK: %[[INIT:.+]] = tensor.empty() : tensor<3x4x5xf32>
// CHECK: %[[R:.+]] = linalg.generic {indexing_maps = [#[[ID3]], #[[LAST]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<3x4x5xf32>, tensor<5xf32>) outs(%[[INIT]] : tensor<3x4x5xf32>)
// CHECK: ^bb0(%[[X:.+]]: f32, %[[Y:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[S:.+]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
// CHECK: return %[[R]]
// CHECK-NOT: onnx.
func.func @add_broadcast(%a: tensor<3x4x5xf32>, %b: tensor<5xf32>) -> tensor<3x4x5xf32> {
  %0 = onnx.Add %a, %b : (tensor<3x4x5xf32>, tensor<5xf32>) -> tensor<3x4x5xf32>
  return %0 : tensor<3x4x5xf32>
}

// -----

// A static size-1 dim broadcasts (read at index 0); dynamic sizes come from
// the operands. f16 is extended to f32 and the quotient rounded once.
// CHECK-DAG: #[[COL:.+]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[ROW:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @div_f16_dynamic
// CHECK-SAME: (%[[A:.+]]: tensor<?x1xf16>, %[[B:.+]]: tensor<?xf16>)
// CHECK-DAG: %[[D0:.+]] = tensor.dim %[[A]], %{{.+}} : tensor<?x1xf16>
// CHECK-DAG: %[[D1:.+]] = tensor.dim %[[B]], %{{.+}} : tensor<?xf16>
// CHECK: %[[INIT:.+]] = tensor.empty(%[[D0]], %[[D1]]) : tensor<?x?xf16>
// CHECK: linalg.generic {indexing_maps = [#[[COL]], #[[ROW]], #{{.+}}]
// CHECK: ^bb0(%[[X:.+]]: f16, %[[Y:.+]]: f16, %{{.+}}: f16):
// CHECK-NEXT: %[[XE:.+]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: %[[YE:.+]] = arith.extf %[[Y]] : f16 to f32
// CHECK-NEXT: %[[Q:.+]] = arith.divf %[[XE]], %[[YE]] : f32
// CHECK-NEXT: %[[T:.+]] = arith.truncf %[[Q]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[T]] : f16
func.func @div_f16_dynamic(%a: tensor<?x1xf16>, %b: tensor<?xf16>) -> tensor<?x?xf16> {
  %0 = onnx.Div %a, %b : (tensor<?x1xf16>, tensor<?xf16>) -> tensor<?x?xf16>
  return %0 : tensor<?x?xf16>
}

// -----

// Integer Div truncates toward zero; Mod (fmod = 0) moves a non-zero
// remainder to the divisor's sign.
// CHECK-LABEL: func.func @integer_div_mod
// CHECK: arith.divsi
// CHECK: ^bb0(%[[X:.+]]: i32, %[[Y:.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT: %[[REM:.+]] = arith.remsi %[[X]], %[[Y]] : i32
// CHECK: %[[FIX:.+]] = arith.addi %[[REM]], %[[Y]] : i32
// CHECK-NEXT: %[[R:.+]] = arith.select %{{.+}}, %[[FIX]], %[[REM]] : i32
// CHECK-NEXT: linalg.yield %[[R]] : i32
func.func @integer_div_mod(%a: tensor<4xi32>, %b: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>) {
  %0 = onnx.Div %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = onnx.Mod %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0, %1 : tensor<4xi32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mod_fmod
// CHECK: ^bb0(%[[X:.+]]: f32, %[[Y:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[R:.+]] = arith.remf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @mod_fmod(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = onnx.Mod %a, %b {fmod = 1 : si64} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// An integer exponent is converted to the base's type.
// CHECK-LABEL: func.func @pow_integer_exponent
// CHECK: ^bb0(%[[X:.+]]: f32, %[[E:.+]]: i64, %{{.+}}: f32):
// CHECK-NEXT: %[[EF:.+]] = arith.sitofp %[[E]] : i64 to f32
// CHECK-NEXT: %[[P:.+]] = math.powf %[[X]], %[[EF]] : f32
// CHECK-NEXT: linalg.yield %[[P]]
func.func @pow_integer_exponent(%x: tensor<3xf32>, %e: tensor<i64>) -> tensor<3xf32> {
  %0 = onnx.Pow %x, %e : (tensor<3xf32>, tensor<i64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @compare
// CHECK: tensor.empty() : tensor<2x3xi1>
// CHECK: ^bb0(%[[X:.+]]: i64, %[[Y:.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: %[[C:.+]] = arith.cmpi slt, %[[X]], %[[Y]] : i64
// CHECK-NEXT: linalg.yield %[[C]] : i1
// CHECK: arith.cmpf oeq
// CHECK: arith.cmpi eq, %{{.+}}, %{{.+}} : i1
func.func @compare(%a: tensor<2x3xi64>, %b: tensor<3xi64>, %x: tensor<4xf32>, %p: tensor<4xi1>) -> (tensor<2x3xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = onnx.Less %a, %b : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  %1 = onnx.Equal %x, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = onnx.Equal %p, %p : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0, %1, %2 : tensor<2x3xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @variadic
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<2x3xf32>, tensor<3xf32>, tensor<f32>)
// CHECK: ^bb0(%[[X:.+]]: f32, %[[Y:.+]]: f32, %[[Z:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[S0:.+]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: %[[S1:.+]] = arith.addf %[[S0]], %[[Z]] : f32
// CHECK-NEXT: linalg.yield %[[S1]]
// CHECK: arith.maximumf
// CHECK: arith.minimumf
func.func @variadic(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<f32>) -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0 = onnx.Sum %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = onnx.Max %b, %c : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %2 = onnx.Min %b, %c : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @unary
// CHECK: ^bb0(%[[X:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[NEG:.+]] = arith.negf %[[X]] : f32
// CHECK-NEXT: %[[EXP:.+]] = math.exp %[[NEG]] : f32
// CHECK-NEXT: %[[DEN:.+]] = arith.addf %[[ONE]], %[[EXP]] : f32
// CHECK-NEXT: %[[SIG:.+]] = arith.divf %[[ONE]], %[[DEN]] : f32
// CHECK-NEXT: linalg.yield %[[SIG]]
// CHECK: math.erf
// CHECK: math.tanh
// CHECK: math.sqrt
// CHECK: arith.maximumf
// CHECK: arith.maxsi
// CHECK: arith.cmpf uno
// CHECK: arith.xori
func.func @unary(%x: tensor<4xf32>, %i: tensor<4xi64>, %p: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xi64>, tensor<4xi1>, tensor<4xi1>) {
  %0 = onnx.Sigmoid %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = onnx.Erf %x : (tensor<4xf32>) -> tensor<4xf32>
  %2 = onnx.Tanh %x : (tensor<4xf32>) -> tensor<4xf32>
  %3 = onnx.Sqrt %x : (tensor<4xf32>) -> tensor<4xf32>
  %4 = onnx.Relu %x : (tensor<4xf32>) -> tensor<4xf32>
  %5 = onnx.Relu %i : (tensor<4xi64>) -> tensor<4xi64>
  %6 = onnx.IsNaN %x : (tensor<4xf32>) -> tensor<4xi1>
  %7 = onnx.Not %p : (tensor<4xi1>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xi64>, tensor<4xi1>, tensor<4xi1>
}
