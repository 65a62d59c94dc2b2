// Runs lowered shape and data-movement ops on inputs that reach them through
// @opaque (so nothing folds) and checks the numbers, which were computed with
// numpy from the ONNX definitions (see each comment).
// RUN: attnc-opt %s --convert-onnx-to-linalg --canonicalize \
// RUN:   --one-shot-bufferize="bufferize-function-boundaries" \
// RUN:   --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata \
// RUN:   --lower-affine --finalize-memref-to-llvm --convert-math-to-llvm \
// RUN:   --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_dir/../../libmlir_runner_utils.so,%mlir_dir/../../libmlir_c_runner_utils.so \
// RUN: | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @opaque_f32(%t: tensor<*xf32>) -> tensor<*xf32> {
  return %t : tensor<*xf32>
}
func.func @opaque_i64(%t: tensor<*xi64>) -> tensor<*xi64> {
  return %t : tensor<*xi64>
}

func.func @print(%t: tensor<*xf32>) {
  %m = bufferization.to_buffer %t : tensor<*xf32> to memref<*xf32>
  call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}

func.func @main() {
  // x[-1::-2, 1:4:2] with x = arange(20).reshape(4, 5): negative steps,
  // INT64_MIN as "past the front".
  // CHECK: sizes = [2, 2]
  // CHECK-NEXT: {{\[}}[16, 18],
  // CHECK-NEXT: [6, 8]]
  %x = arith.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0], [15.0, 16.0, 17.0, 18.0, 19.0]]> : tensor<4x5xf32>
  %xu = tensor.cast %x : tensor<4x5xf32> to tensor<*xf32>
  %xo = call @opaque_f32(%xu) : (tensor<*xf32>) -> tensor<*xf32>
  %xr = tensor.cast %xo : tensor<*xf32> to tensor<4x5xf32>
  %starts = onnx.Constant dense<[-1, 1]> : tensor<2xi64>
  %ends = onnx.Constant dense<[-9223372036854775808, 4]> : tensor<2xi64>
  %steps = onnx.Constant dense<[-2, 2]> : tensor<2xi64>
  %none = onnx.NoValue
  %slice = onnx.Slice %xr, %starts, %ends, %none, %steps : (tensor<4x5xf32>, tensor<2xi64>, tensor<2xi64>, none, tensor<2xi64>) -> tensor<2x2xf32>
  %s0 = tensor.cast %slice : tensor<2x2xf32> to tensor<*xf32>
  call @print(%s0) : (tensor<*xf32>) -> ()

  // arange(10)[[0, -9, -3]]: negative indices count from the end.
  // CHECK: sizes = [3]
  // CHECK-NEXT: [0, 1, 7]
  %d = arith.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]> : tensor<10xf32>
  %du = tensor.cast %d : tensor<10xf32> to tensor<*xf32>
  %do = call @opaque_f32(%du) : (tensor<*xf32>) -> tensor<*xf32>
  %dr = tensor.cast %do : tensor<*xf32> to tensor<10xf32>
  %idx = onnx.Constant dense<[0, -9, -3]> : tensor<3xi64>
  %gather = onnx.Gather %dr, %idx : (tensor<10xf32>, tensor<3xi64>) -> tensor<3xf32>
  %g0 = tensor.cast %gather : tensor<3xf32> to tensor<*xf32>
  call @print(%g0) : (tensor<*xf32>) -> ()

  // Circular TensorScatter of update = arange(1, 9).reshape(2, 2, 2) into
  // zeros(2, 4, 2) at write_indices [3, 1]: batch 0 wraps to rows 3 and 0.
  // CHECK: sizes = [2, 4, 2]
  // CHECK-NEXT: {{\[}}{{\[}}[3, 4],
  // CHECK-NEXT: [0, 0],
  // CHECK-NEXT: [0, 0],
  // CHECK-NEXT: [1, 2]],
  // CHECK-NEXT: {{\[}}[0, 0],
  // CHECK-NEXT: [5, 6],
  // CHECK-NEXT: [7, 8],
  // CHECK-NEXT: [0, 0]]]
  %past = arith.constant dense<0.0> : tensor<2x4x2xf32>
  %upd = arith.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]> : tensor<2x2x2xf32>
  %uu = tensor.cast %upd : tensor<2x2x2xf32> to tensor<*xf32>
  %uo = call @opaque_f32(%uu) : (tensor<*xf32>) -> tensor<*xf32>
  %ur = tensor.cast %uo : tensor<*xf32> to tensor<2x2x2xf32>
  %w = arith.constant dense<[3, 1]> : tensor<2xi64>
  %wu = tensor.cast %w : tensor<2xi64> to tensor<*xi64>
  %wo = call @opaque_i64(%wu) : (tensor<*xi64>) -> tensor<*xi64>
  %wr = tensor.cast %wo : tensor<*xi64> to tensor<2xi64>
  %scatter = onnx.TensorScatter %past, %ur, %wr {mode = "circular"} : (tensor<2x4x2xf32>, tensor<2x2x2xf32>, tensor<2xi64>) -> tensor<2x4x2xf32>
  %t0 = tensor.cast %scatter : tensor<2x4x2xf32> to tensor<*xf32>
  call @print(%t0) : (tensor<*xf32>) -> ()

  // Reshape of arange(12).reshape(2, 3, 2) to a run-time shape [0, -1].
  // CHECK: sizes = [2, 6]
  // CHECK-NEXT: {{\[}}[0, 1, 2, 3, 4, 5],
  // CHECK-NEXT: [6, 7, 8, 9, 10, 11]]
  %r = arith.constant dense<[[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [[6.0, 7.0], [8.0, 9.0], [10.0, 11.0]]]> : tensor<2x3x2xf32>
  %shape = arith.constant dense<[0, -1]> : tensor<2xi64>
  %su = tensor.cast %shape : tensor<2xi64> to tensor<*xi64>
  %so = call @opaque_i64(%su) : (tensor<*xi64>) -> tensor<*xi64>
  %sr = tensor.cast %so : tensor<*xi64> to tensor<2xi64>
  %reshaped = onnx.Reshape %r, %sr : (tensor<2x3x2xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %r0 = tensor.cast %reshaped : tensor<?x?xf32> to tensor<*xf32>
  call @print(%r0) : (tensor<*xf32>) -> ()

  // triu(ones(3, 4), k = 1)
  // CHECK: sizes = [3, 4]
  // CHECK-NEXT: {{\[}}[0, 1, 1, 1],
  // CHECK-NEXT: [0, 0, 1, 1],
  // CHECK-NEXT: [0, 0, 0, 1]]
  %ones = arith.constant dense<1.0> : tensor<3x4xf32>
  %ou = tensor.cast %ones : tensor<3x4xf32> to tensor<*xf32>
  %oo = call @opaque_f32(%ou) : (tensor<*xf32>) -> tensor<*xf32>
  %or = tensor.cast %oo : tensor<*xf32> to tensor<3x4xf32>
  %k = onnx.Constant dense<1> : tensor<i64>
  %triu = onnx.Trilu %or, %k : (tensor<3x4xf32>, tensor<i64>) -> tensor<3x4xf32>
  %u0 = tensor.cast %triu : tensor<3x4xf32> to tensor<*xf32>
  call @print(%u0) : (tensor<*xf32>) -> ()

  // arange(10, 2, -3) with run-time bounds: ceil((2 - 10) / -3) = 3 elements.
  // CHECK: sizes = [3]
  // CHECK-NEXT: [10, 7, 4]
  %bounds = arith.constant dense<[10, 2, -3]> : tensor<3xi64>
  %bu = tensor.cast %bounds : tensor<3xi64> to tensor<*xi64>
  %bo = call @opaque_i64(%bu) : (tensor<*xi64>) -> tensor<*xi64>
  %br = tensor.cast %bo : tensor<*xi64> to tensor<3xi64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %b0 = tensor.extract %br[%c0] : tensor<3xi64>
  %b1 = tensor.extract %br[%c1] : tensor<3xi64>
  %b2 = tensor.extract %br[%c2] : tensor<3xi64>
  %start = tensor.from_elements %b0 : tensor<i64>
  %limit = tensor.from_elements %b1 : tensor<i64>
  %delta = tensor.from_elements %b2 : tensor<i64>
  %range = onnx.Range %start, %limit, %delta : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %ra = bufferization.to_buffer %range : tensor<?xi64> to memref<?xi64>
  %rb = memref.cast %ra : memref<?xi64> to memref<*xi64>
  call @printMemrefI64(%rb) : (memref<*xi64>) -> ()

  // np.tile(arange(6).reshape(2, 3), (2, 3)) with run-time repeats.
  // CHECK: sizes = [4, 9]
  // CHECK-NEXT: {{\[}}[0, 1, 2, 0, 1, 2, 0, 1, 2],
  // CHECK-NEXT: [3, 4, 5, 3, 4, 5, 3, 4, 5],
  // CHECK-NEXT: [0, 1, 2, 0, 1, 2, 0, 1, 2],
  // CHECK-NEXT: [3, 4, 5, 3, 4, 5, 3, 4, 5]]
  %tx = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]> : tensor<2x3xf32>
  %txu = tensor.cast %tx : tensor<2x3xf32> to tensor<*xf32>
  %txo = call @opaque_f32(%txu) : (tensor<*xf32>) -> tensor<*xf32>
  %txr = tensor.cast %txo : tensor<*xf32> to tensor<2x3xf32>
  %repeats = arith.constant dense<[2, 3]> : tensor<2xi64>
  %rpu = tensor.cast %repeats : tensor<2xi64> to tensor<*xi64>
  %rpo = call @opaque_i64(%rpu) : (tensor<*xi64>) -> tensor<*xi64>
  %rpr = tensor.cast %rpo : tensor<*xi64> to tensor<2xi64>
  %tile = onnx.Tile %txr, %rpr : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %ti0 = tensor.cast %tile : tensor<?x?xf32> to tensor<*xf32>
  call @print(%ti0) : (tensor<*xf32>) -> ()
  return
}
