// Runs lowered onnx.Loop and onnx.Scan on inputs that reach them through
// @opaque (so nothing folds) and checks the numbers, which were computed with
// numpy from the ONNX definitions (see each comment).
// RUN: attnc-opt %s --convert-onnx-to-linalg --canonicalize \
// RUN:   --one-shot-bufferize="bufferize-function-boundaries" \
// RUN:   --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata \
// RUN:   --lower-affine \
// RUN:   --finalize-memref-to-llvm --convert-math-to-llvm \
// RUN:   --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_dir/../../libmlir_runner_utils.so,%mlir_dir/../../libmlir_c_runner_utils.so \
// RUN: | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @opaque_f32(%t: tensor<*xf32>) -> tensor<*xf32> {
  return %t : tensor<*xf32>
}

func.func @print(%t: tensor<*xf32>) {
  %m = bufferization.to_buffer %t : tensor<*xf32> to memref<*xf32>
  call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}

// ONNX's Range as a Loop: v_0 = start, v_{i+1} = v_i + delta, scanning v_i;
// run-time M and cond (cond false runs no iteration).
func.func @range(%m: tensor<i64>, %cond: tensor<i1>, %start: tensor<f32>, %delta: tensor<f32>) {
  %last, %all = onnx.Loop %m, %cond, %start : (tensor<i64>, tensor<i1>, tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %prev: tensor<f32>):
    %next = onnx.Add %prev, %delta : (tensor<f32>, tensor<f32>) -> tensor<f32>
    onnx.Yield %c, %next, %prev : tensor<i1>, tensor<f32>, tensor<f32>
  }
  %l = tensor.cast %last : tensor<f32> to tensor<*xf32>
  call @print(%l) : (tensor<*xf32>) -> ()
  %a = tensor.cast %all : tensor<?xf32> to tensor<*xf32>
  call @print(%a) : (tensor<*xf32>) -> ()
  return
}

// while (i < M && v < limit) { scan v; v += 1.5 }.
func.func @while(%m: tensor<i64>, %v0: tensor<f32>, %limit: tensor<f32>) {
  %none = onnx.NoValue
  %last, %all = onnx.Loop %m, %none, %v0 : (tensor<i64>, none, tensor<f32>) -> (tensor<f32>, tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    %step = onnx.Constant dense<1.5> : tensor<f32>
    %next = onnx.Add %v, %step : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %go = onnx.Less %next, %limit : (tensor<f32>, tensor<f32>) -> tensor<i1>
    onnx.Yield %go, %next, %v : tensor<i1>, tensor<f32>, tensor<f32>
  }
  %l = tensor.cast %last : tensor<f32> to tensor<*xf32>
  call @print(%l) : (tensor<*xf32>) -> ()
  %a = tensor.cast %all : tensor<?xf32> to tensor<*xf32>
  call @print(%a) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  %start = arith.constant dense<1.0> : tensor<f32>
  %delta = arith.constant dense<0.5> : tensor<f32>
  %su = tensor.cast %start : tensor<f32> to tensor<*xf32>
  %so = call @opaque_f32(%su) : (tensor<*xf32>) -> tensor<*xf32>
  %s = tensor.cast %so : tensor<*xf32> to tensor<f32>
  %m4 = arith.constant dense<4> : tensor<i64>
  %true = arith.constant dense<true> : tensor<i1>
  %false = arith.constant dense<false> : tensor<i1>

  // start 1, delta 0.5, M 4: last 3, all [1, 1.5, 2, 2.5].
  // CHECK: sizes = []
  // CHECK-NEXT: [3]
  // CHECK: sizes = [4]
  // CHECK-NEXT: [1, 1.5, 2, 2.5]
  call @range(%m4, %true, %s, %delta) : (tensor<i64>, tensor<i1>, tensor<f32>, tensor<f32>) -> ()
  // cond false: no iteration, last = start, nothing scanned.
  // CHECK: sizes = []
  // CHECK-NEXT: [1]
  // CHECK: sizes = [0]
  call @range(%m4, %false, %s, %delta) : (tensor<i64>, tensor<i1>, tensor<f32>, tensor<f32>) -> ()

  // v0 0, limit 5: the condition ends it after 4 iterations (v = 6).
  // CHECK: sizes = []
  // CHECK-NEXT: [6]
  // CHECK: sizes = [4]
  // CHECK-NEXT: [0, 1.5, 3, 4.5]
  %zero = arith.constant dense<0.0> : tensor<f32>
  %limit = arith.constant dense<5.0> : tensor<f32>
  %m10 = arith.constant dense<10> : tensor<i64>
  call @while(%m10, %zero, %limit) : (tensor<i64>, tensor<f32>, tensor<f32>) -> ()
  // M 2 ends it first.
  // CHECK: sizes = []
  // CHECK-NEXT: [3]
  // CHECK: sizes = [2]
  // CHECK-NEXT: [0, 1.5]
  %m2 = arith.constant dense<2> : tensor<i64>
  call @while(%m2, %zero, %limit) : (tensor<i64>, tensor<f32>, tensor<f32>) -> ()

  // Scan over xs = arange(12).reshape(2, 3, 2) along axis 1, backwards:
  // s += xs[:, 2 - t, :], scanning 2 * s along the last axis, backwards.
  // CHECK: sizes = [2, 2]
  // CHECK-NEXT: {{\[}}[6, 9],
  // CHECK-NEXT: [24, 27]]
  // CHECK: sizes = [2, 2, 3]
  // CHECK-NEXT: {{\[}}{{\[}}[12, 12, 8],
  // CHECK-NEXT: [18, 16, 10]],
  // CHECK-NEXT: {{\[}}[48, 36, 20],
  // CHECK-NEXT: [54, 40, 22]]]
  %xs = arith.constant dense<[[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [[6.0, 7.0], [8.0, 9.0], [10.0, 11.0]]]> : tensor<2x3x2xf32>
  %xu = tensor.cast %xs : tensor<2x3x2xf32> to tensor<*xf32>
  %xo = call @opaque_f32(%xu) : (tensor<*xf32>) -> tensor<*xf32>
  %x = tensor.cast %xo : tensor<*xf32> to tensor<2x3x2xf32>
  %init = arith.constant dense<0.0> : tensor<2x2xf32>
  %two = arith.constant dense<2.0> : tensor<f32>
  %sum, %doubled = onnx.Scan %init, %x {num_scan_inputs = 1 : si64, scan_input_axes = array<i64: 1>, scan_input_directions = array<i64: 1>, scan_output_axes = array<i64: -1>, scan_output_directions = array<i64: 1>} : (tensor<2x2xf32>, tensor<2x3x2xf32>) -> (tensor<2x2xf32>, tensor<2x2x3xf32>) {
  ^bb0(%acc: tensor<2x2xf32>, %row: tensor<2x2xf32>):
    %next = onnx.Add %acc, %row : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
    %out = onnx.Mul %next, %two : (tensor<2x2xf32>, tensor<f32>) -> tensor<2x2xf32>
    onnx.Yield %next, %out : tensor<2x2xf32>, tensor<2x2xf32>
  }
  %su2 = tensor.cast %sum : tensor<2x2xf32> to tensor<*xf32>
  call @print(%su2) : (tensor<*xf32>) -> ()
  %du = tensor.cast %doubled : tensor<2x2x3xf32> to tensor<*xf32>
  call @print(%du) : (tensor<*xf32>) -> ()
  return
}
