// The elementwise onnx ops round-trip, their result types follow ONNX shape
// inference, and they fold on constants.
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --canonicalize | FileCheck %s --check-prefix=FOLD

// CHECK-LABEL: func.func @unary
func.func @unary(%x: tensor<2x3xf32>, %i: tensor<4xi64>, %h: tensor<?x3xf16>, %p: tensor<4xi1>) {
  // CHECK: onnx.Neg %{{.+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = onnx.Neg %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Neg %{{.+}} : (tensor<4xi64>) -> tensor<4xi64>
  %1 = onnx.Neg %i : (tensor<4xi64>) -> tensor<4xi64>
  // CHECK: onnx.Abs
  %2 = onnx.Abs %i : (tensor<4xi64>) -> tensor<4xi64>
  // A declared result may be more static than the operand.
  // CHECK: onnx.Sqrt %{{.+}} : (tensor<?x3xf16>) -> tensor<5x3xf16>
  %3 = onnx.Sqrt %h : (tensor<?x3xf16>) -> tensor<5x3xf16>
  // CHECK: onnx.Reciprocal
  %4 = onnx.Reciprocal %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Exp
  %5 = onnx.Exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Log
  %6 = onnx.Log %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Erf
  %7 = onnx.Erf %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Tanh
  %8 = onnx.Tanh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Sigmoid
  %9 = onnx.Sigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Relu
  %10 = onnx.Relu %i : (tensor<4xi64>) -> tensor<4xi64>
  // CHECK: onnx.Sin
  %11 = onnx.Sin %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Cos
  %12 = onnx.Cos %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Ceil
  %13 = onnx.Ceil %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Floor
  %14 = onnx.Floor %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Not %{{.+}} : (tensor<4xi1>) -> tensor<4xi1>
  %15 = onnx.Not %p : (tensor<4xi1>) -> tensor<4xi1>
  // CHECK: onnx.IsNaN %{{.+}} : (tensor<?x3xf16>) -> tensor<?x3xi1>
  %16 = onnx.IsNaN %h : (tensor<?x3xf16>) -> tensor<?x3xi1>
  return
}

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

// CHECK-LABEL: func.func @mixed_binary
func.func @mixed_binary(%x: tensor<2x3xf32>, %e: tensor<i64>, %i: tensor<3xi32>, %p: tensor<2x1xi1>, %q: tensor<3xi1>) {
  // The exponent's element type may differ from the base's.
  // CHECK: onnx.Pow %{{.+}}, %{{.+}} : (tensor<2x3xf32>, tensor<i64>) -> tensor<2x3xf32>
  %0 = onnx.Pow %x, %e : (tensor<2x3xf32>, tensor<i64>) -> tensor<2x3xf32>
  // CHECK: onnx.Mod %{{.+}}, %{{.+}} {fmod = 1 : si64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = onnx.Mod %x, %x {fmod = 1 : si64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: onnx.Mod %{{.+}}, %{{.+}} : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %2 = onnx.Mod %i, %i : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  // CHECK: onnx.And %{{.+}}, %{{.+}} : (tensor<2x1xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  %3 = onnx.And %p, %q : (tensor<2x1xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  // CHECK: onnx.Or
  %4 = onnx.Or %p, %q : (tensor<2x1xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  // CHECK: onnx.Xor
  %5 = onnx.Xor %p, %q : (tensor<2x1xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @comparisons
func.func @comparisons(%a: tensor<2x3xi64>, %b: tensor<3xi64>, %x: tensor<?x3xf16>, %p: tensor<3xi1>) {
  // CHECK: onnx.Equal %{{.+}}, %{{.+}} : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  %0 = onnx.Equal %a, %b : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  // CHECK: onnx.Equal %{{.+}}, %{{.+}} : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %1 = onnx.Equal %p, %p : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  // CHECK: onnx.Less %{{.+}}, %{{.+}} : (tensor<?x3xf16>, tensor<?x3xf16>) -> tensor<?x3xi1>
  %2 = onnx.Less %x, %x : (tensor<?x3xf16>, tensor<?x3xf16>) -> tensor<?x3xi1>
  // CHECK: onnx.LessOrEqual
  %3 = onnx.LessOrEqual %a, %b : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  // CHECK: onnx.Greater
  %4 = onnx.Greater %a, %b : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  // CHECK: onnx.GreaterOrEqual
  %5 = onnx.GreaterOrEqual %a, %b : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @variadic
func.func @variadic(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<f32>) {
  // CHECK: onnx.Sum %{{.+}}, %{{.+}}, %{{.+}} : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %0 = onnx.Sum %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK: onnx.Max %{{.+}} : (tensor<3xf32>) -> tensor<3xf32>
  %1 = onnx.Max %b : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: onnx.Min %{{.+}}, %{{.+}} : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %2 = onnx.Min %b, %c : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  return
}

// The shape subgraph of LayerNormalization's ONNX function: Rank - Axis.
// FOLD-LABEL: func.func @fold_int_broadcast
func.func @fold_int_broadcast() -> tensor<1xi64> {
  // FOLD: %[[C:.+]] = onnx.Constant dense<3> : tensor<1xi64>
  // FOLD-NEXT: return %[[C]]
  %rank = onnx.Constant dense<4> : tensor<i64>
  %axis = onnx.Constant dense<1> : tensor<1xi64>
  %0 = onnx.Sub %rank, %axis : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  return %0 : tensor<1xi64>
}

// FOLD-LABEL: func.func @fold_int_arith
func.func @fold_int_arith() -> (tensor<2x2xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>) {
  // FOLD-DAG: onnx.Constant dense<{{\[}}[11, 21], [12, 22]]> : tensor<2x2xi64>
  // Integer Div truncates toward zero.
  // FOLD-DAG: onnx.Constant dense<[-3, -3, 3, 3]> : tensor<4xi64>
  // Mod with fmod = 0 takes the divisor's sign, fmod = 1 the dividend's.
  // FOLD-DAG: onnx.Constant dense<[2, -2, 2, -2]> : tensor<4xi64>
  // FOLD-DAG: onnx.Constant dense<[-1, 1, -1, 1]> : tensor<4xi64>
  // FOLD-DAG: onnx.Constant dense<[-2, -2, 0, 0]> : tensor<4xi64>
  // FOLD-NOT: onnx.Add
  // FOLD-NOT: onnx.Div
  // FOLD-NOT: onnx.Mod
  // FOLD-NOT: onnx.Neg
  %col = onnx.Constant dense<[[1], [2]]> : tensor<2x1xi64>
  %row = onnx.Constant dense<[10, 20]> : tensor<2xi64>
  %0 = onnx.Add %col, %row : (tensor<2x1xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  %n = onnx.Constant dense<[-7, 7, -7, 7]> : tensor<4xi64>
  %d = onnx.Constant dense<[2, -2, -2, 2]> : tensor<4xi64>
  %1 = onnx.Div %n, %d : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %m = onnx.Constant dense<[3, -3, 3, -3]> : tensor<4xi64>
  %2 = onnx.Mod %n, %m : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %3 = onnx.Mod %n, %m {fmod = 1 : si64} : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %z = onnx.Constant dense<[2, 2, 0, 0]> : tensor<4xi64>
  %4 = onnx.Neg %z : (tensor<4xi64>) -> tensor<4xi64>
  return %0, %1, %2, %3, %4 : tensor<2x2xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>
}

// FOLD-LABEL: func.func @fold_float
func.func @fold_float() -> (tensor<2xf32>, tensor<2xf16>) {
  // FOLD-DAG: onnx.Constant dense<[1.500000e+00, -2.500000e-01]> : tensor<2xf32>
  // FOLD-DAG: onnx.Constant dense<[3.000000e+00, 5.000000e-01]> : tensor<2xf16>
  // FOLD-NOT: onnx.Mul
  %a = onnx.Constant dense<[3.0, -0.5]> : tensor<2xf32>
  %half = onnx.Constant dense<0.5> : tensor<f32>
  %0 = onnx.Mul %a, %half : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  %h = onnx.Constant dense<[1.5, 0.25]> : tensor<2xf16>
  %two = onnx.Constant dense<2.0> : tensor<f16>
  %1 = onnx.Mul %h, %two : (tensor<2xf16>, tensor<f16>) -> tensor<2xf16>
  return %0, %1 : tensor<2xf32>, tensor<2xf16>
}

// FOLD-LABEL: func.func @fold_compare_and_logic
func.func @fold_compare_and_logic() -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  // FOLD-DAG: onnx.Constant dense<[false, true, false]> : tensor<3xi1>
  // FOLD-DAG: onnx.Constant dense<[true, false, false]> : tensor<3xi1>
  // FOLD-DAG: onnx.Constant dense<[true, false, true]> : tensor<3xi1>
  // FOLD-NOT: onnx.Equal
  // FOLD-NOT: onnx.Less
  // FOLD-NOT: onnx.Not
  %a = onnx.Constant dense<[1, 2, 3]> : tensor<3xi64>
  %b = onnx.Constant dense<2> : tensor<i64>
  %0 = onnx.Equal %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %1 = onnx.Less %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %2 = onnx.Not %0 : (tensor<3xi1>) -> tensor<3xi1>
  return %0, %1, %2 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// Division by zero is left to run time.
// FOLD-LABEL: func.func @no_fold_division_by_zero
func.func @no_fold_division_by_zero() -> tensor<2xi64> {
  // FOLD: onnx.Div
  %a = onnx.Constant dense<[1, 2]> : tensor<2xi64>
  %z = onnx.Constant dense<[1, 0]> : tensor<2xi64>
  %0 = onnx.Div %a, %z : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// FOLD-LABEL: func.func @no_fold_non_constant
func.func @no_fold_non_constant(%x: tensor<2xi64>) -> tensor<2xi64> {
  // FOLD: onnx.Add
  %a = onnx.Constant dense<[1, 2]> : tensor<2xi64>
  %0 = onnx.Add %a, %x : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}
