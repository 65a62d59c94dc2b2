// Runs the lowered indexing ops (TopK, GatherElements, ScatterElements) and
// checks the numbers against values worked out by hand from the ONNX
// definitions (each case says how). Inputs arrive as function arguments, so
// nothing folds. TopK cases cover ties (lower index first, for largest and
// smallest), NaN (above every number), negative axes, a middle axis of a
// rank-3 tensor, K = dim, integer input in ascending order (every element
// enters the K-buffer and shifts it: the insertion's worst case) and a
// dynamic dim.
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

func.func @print_f32(%t: tensor<*xf32>) {
  %m = bufferization.to_buffer %t : tensor<*xf32> to memref<*xf32>
  call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}

func.func @print_i64(%t: tensor<*xi64>) {
  %m = bufferization.to_buffer %t : tensor<*xi64> to memref<*xi64>
  call @printMemrefI64(%m) : (memref<*xi64>) -> ()
  return
}

// x = [[1, 3, 3, 2, 3], [5, -1, nan, 5, 0], [1, 3, -2, 2, 0]].
func.func @topk_rows(%x: tensor<3x5xf32>) {
  %k = onnx.Constant dense<3> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k {axis = -1 : si64} : (tensor<3x5xf32>, tensor<1xi64>) -> (tensor<3x3xf32>, tensor<3x3xi64>)
  %vu = tensor.cast %v : tensor<3x3xf32> to tensor<*xf32>
  %iu = tensor.cast %i : tensor<3x3xi64> to tensor<*xi64>
  call @print_f32(%vu) : (tensor<*xf32>) -> ()
  call @print_i64(%iu) : (tensor<*xi64>) -> ()
  return
}

func.func @topk_columns_smallest(%x: tensor<3x5xf32>) {
  %k = onnx.Constant dense<2> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k {axis = -2 : si64, largest = 0 : si64} : (tensor<3x5xf32>, tensor<1xi64>) -> (tensor<2x5xf32>, tensor<2x5xi64>)
  %vu = tensor.cast %v : tensor<2x5xf32> to tensor<*xf32>
  %iu = tensor.cast %i : tensor<2x5xi64> to tensor<*xi64>
  call @print_f32(%vu) : (tensor<*xf32>) -> ()
  call @print_i64(%iu) : (tensor<*xi64>) -> ()
  return
}

func.func @topk_middle_axis(%x: tensor<2x4x2xf32>) {
  %k = onnx.Constant dense<2> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k {axis = 1 : si64} : (tensor<2x4x2xf32>, tensor<1xi64>) -> (tensor<2x2x2xf32>, tensor<2x2x2xi64>)
  %vu = tensor.cast %v : tensor<2x2x2xf32> to tensor<*xf32>
  %iu = tensor.cast %i : tensor<2x2x2xi64> to tensor<*xi64>
  call @print_f32(%vu) : (tensor<*xf32>) -> ()
  call @print_i64(%iu) : (tensor<*xi64>) -> ()
  return
}

func.func @topk_full_sort(%x: tensor<4xf32>) {
  %k = onnx.Constant dense<4> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k : (tensor<4xf32>, tensor<1xi64>) -> (tensor<4xf32>, tensor<4xi64>)
  %vu = tensor.cast %v : tensor<4xf32> to tensor<*xf32>
  %iu = tensor.cast %i : tensor<4xi64> to tensor<*xi64>
  call @print_f32(%vu) : (tensor<*xf32>) -> ()
  call @print_i64(%iu) : (tensor<*xi64>) -> ()
  return
}

func.func @topk_integers(%x: tensor<2x10xi64>) {
  %k = onnx.Constant dense<4> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k : (tensor<2x10xi64>, tensor<1xi64>) -> (tensor<2x4xi64>, tensor<2x4xi64>)
  %vu = tensor.cast %v : tensor<2x4xi64> to tensor<*xi64>
  %iu = tensor.cast %i : tensor<2x4xi64> to tensor<*xi64>
  call @print_i64(%vu) : (tensor<*xi64>) -> ()
  call @print_i64(%iu) : (tensor<*xi64>) -> ()
  return
}

func.func @topk_dynamic(%x: tensor<?x5xf32>) {
  %k = onnx.Constant dense<1> : tensor<1xi64>
  %v, %i = onnx.TopK %x, %k {largest = 0 : si64} : (tensor<?x5xf32>, tensor<1xi64>) -> (tensor<?x1xf32>, tensor<?x1xi64>)
  %iu = tensor.cast %i : tensor<?x1xi64> to tensor<*xi64>
  call @print_i64(%iu) : (tensor<*xi64>) -> ()
  return
}

// d = [[1, 2, 3], [4, 5, 6], [7, 8, 9]].
func.func @gather_elements(%d: tensor<3x3xf32>, %rows: tensor<3x2xi64>, %cols: tensor<2x3xi32>) {
  %g1 = onnx.GatherElements %d, %rows {axis = 1 : si64} : (tensor<3x3xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %g0 = onnx.GatherElements %d, %cols {axis = -2 : si64} : (tensor<3x3xf32>, tensor<2x3xi32>) -> tensor<2x3xf32>
  %g1u = tensor.cast %g1 : tensor<3x2xf32> to tensor<*xf32>
  %g0u = tensor.cast %g0 : tensor<2x3xf32> to tensor<*xf32>
  call @print_f32(%g1u) : (tensor<*xf32>) -> ()
  call @print_f32(%g0u) : (tensor<*xf32>) -> ()
  return
}

func.func @scatter_elements(%zeros: tensor<3x3xf32>, %i0: tensor<2x3xi64>, %u0: tensor<2x3xf32>,
                            %row: tensor<1x5xf32>, %i1: tensor<1x3xi64>, %u1: tensor<1x3xf32>,
                            %neginf: tensor<2x5xf32>, %sel: tensor<2x2xi64>, %z: tensor<2x2xf32>) {
  %s0 = onnx.ScatterElements %zeros, %i0, %u0 : (tensor<3x3xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<3x3xf32>
  %none = onnx.ScatterElements %row, %i1, %u1 {axis = -1 : si64} : (tensor<1x5xf32>, tensor<1x3xi64>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %add = onnx.ScatterElements %row, %i1, %u1 {axis = 1 : si64, reduction = "add"} : (tensor<1x5xf32>, tensor<1x3xi64>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %mul = onnx.ScatterElements %row, %i1, %u1 {axis = 1 : si64, reduction = "mul"} : (tensor<1x5xf32>, tensor<1x3xi64>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %max = onnx.ScatterElements %row, %i1, %u1 {axis = 1 : si64, reduction = "max"} : (tensor<1x5xf32>, tensor<1x3xi64>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %min = onnx.ScatterElements %row, %i1, %u1 {axis = 1 : si64, reduction = "min"} : (tensor<1x5xf32>, tensor<1x3xi64>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %mask = onnx.ScatterElements %neginf, %sel, %z {axis = -1 : si64} : (tensor<2x5xf32>, tensor<2x2xi64>, tensor<2x2xf32>) -> tensor<2x5xf32>
  %s0u = tensor.cast %s0 : tensor<3x3xf32> to tensor<*xf32>
  call @print_f32(%s0u) : (tensor<*xf32>) -> ()
  %all = tensor.concat dim(0) %none, %add, %mul, %max, %min : (tensor<1x5xf32>, tensor<1x5xf32>, tensor<1x5xf32>, tensor<1x5xf32>, tensor<1x5xf32>) -> tensor<5x5xf32>
  %allu = tensor.cast %all : tensor<5x5xf32> to tensor<*xf32>
  call @print_f32(%allu) : (tensor<*xf32>) -> ()
  %masku = tensor.cast %mask : tensor<2x5xf32> to tensor<*xf32>
  call @print_f32(%masku) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  %nan = arith.constant 0x7FC00000 : f32
  %base = arith.constant dense<[[1.0, 3.0, 3.0, 2.0, 3.0], [5.0, -1.0, 0.0, 5.0, 0.0], [1.0, 3.0, -2.0, 2.0, 0.0]]> : tensor<3x5xf32>
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %x = tensor.insert %nan into %base[%c1, %c2] : tensor<3x5xf32>

  // Largest 3 of each row: row 0 ties three 3s (positions 1, 2, 4 in
  // order); row 1 puts NaN (position 2) above both 5s (0 before 3); row 2
  // is 3, 2, 1 at 1, 3, 0.
  // CHECK: sizes = [3, 3]
  // CHECK-NEXT: {{\[}}[3, 3, 3],
  // CHECK-NEXT: [nan, 5, 5],
  // CHECK-NEXT: [3, 2, 1]]
  // CHECK: sizes = [3, 3]
  // CHECK-NEXT: {{\[}}[1, 2, 4],
  // CHECK-NEXT: [2, 0, 3],
  // CHECK-NEXT: [1, 3, 0]]
  call @topk_rows(%x) : (tensor<3x5xf32>) -> ()

  // Smallest 2 of each column (axis -2): columns [1,5,1] -> 1@0, 1@2;
  // [3,-1,3] -> -1@1, 3@0; [3,nan,-2] -> -2@2, 3@0 (NaN is the largest);
  // [2,5,2] -> 2@0, 2@2; [3,0,0] -> 0@1, 0@2.
  // CHECK: sizes = [2, 5]
  // CHECK-NEXT: {{\[}}[1, -1, -2, 2, 0],
  // CHECK-NEXT: [1, 3, 3, 2, 0]]
  // CHECK: sizes = [2, 5]
  // CHECK-NEXT: {{\[}}[0, 1, 2, 0, 1],
  // CHECK-NEXT: [2, 0, 0, 2, 2]]
  call @topk_columns_smallest(%x) : (tensor<3x5xf32>) -> ()

  // Axis 1 of x[b, t, c]: b=0,c=0 [4,1,4,2] -> 4@0, 4@2; b=0,c=1
  // [0,7,3,7] -> 7@1, 7@3; b=1,c=0 [-1,-3,-2,-1] -> -1@0, -1@3;
  // b=1,c=1 [6,5,9,8] -> 9@2, 8@3.
  // CHECK: sizes = [2, 2, 2]
  // CHECK-NEXT: {{\[}}{{\[}}[4, 7],
  // CHECK-NEXT: [4, 7]],
  // CHECK-NEXT: {{\[}}[-1, 9],
  // CHECK-NEXT: [-1, 8]]]
  // CHECK: sizes = [2, 2, 2]
  // CHECK-NEXT: {{\[}}{{\[}}[0, 1],
  // CHECK-NEXT: [2, 3]],
  // CHECK-NEXT: {{\[}}[0, 2],
  // CHECK-NEXT: [3, 3]]]
  %m = arith.constant dense<[[[4.0, 0.0], [1.0, 7.0], [4.0, 3.0], [2.0, 7.0]], [[-1.0, 6.0], [-3.0, 5.0], [-2.0, 9.0], [-1.0, 8.0]]]> : tensor<2x4x2xf32>
  call @topk_middle_axis(%m) : (tensor<2x4x2xf32>) -> ()

  // K = dim sorts the whole axis: [2, 1, 2, 1] -> 2@0, 2@2, 1@1, 1@3.
  // CHECK: sizes = [4]
  // CHECK-NEXT: [2, 2, 1, 1]
  // CHECK: sizes = [4]
  // CHECK-NEXT: [0, 2, 1, 3]
  %f = arith.constant dense<[2.0, 1.0, 2.0, 1.0]> : tensor<4xf32>
  call @topk_full_sort(%f) : (tensor<4xf32>) -> ()

  // Ascending 0..9: each element enters and goes to the top -> 9, 8, 7, 6
  // at 9, 8, 7, 6. Ten 7s: the first four positions.
  // CHECK: sizes = [2, 4]
  // CHECK-NEXT: {{\[}}[9, 8, 7, 6],
  // CHECK-NEXT: [7, 7, 7, 7]]
  // CHECK: sizes = [2, 4]
  // CHECK-NEXT: {{\[}}[9, 8, 7, 6],
  // CHECK-NEXT: [0, 1, 2, 3]]
  %ints = arith.constant dense<[[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [7, 7, 7, 7, 7, 7, 7, 7, 7, 7]]> : tensor<2x10xi64>
  call @topk_integers(%ints) : (tensor<2x10xi64>) -> ()

  // Dynamic rows, smallest 1: positions of -1 (row 1) and -2 (row 2); row 0
  // has its 1 at 0.
  // CHECK: sizes = [3, 1]
  // CHECK-NEXT: {{\[}}[0],
  // CHECK-NEXT: [1],
  // CHECK-NEXT: [2]]
  %xd = tensor.cast %x : tensor<3x5xf32> to tensor<?x5xf32>
  call @topk_dynamic(%xd) : (tensor<?x5xf32>) -> ()

  // Axis 1, indices [[-1, 0], [2, -3], [1, 1]]: d[0][2], d[0][0]; d[1][2],
  // d[1][0]; d[2][1] twice. Axis -2, indices [[1, 2, 0], [-1, 0, 2]]:
  // d[1][0], d[2][1], d[0][2]; d[2][0], d[0][1], d[2][2].
  // CHECK: sizes = [3, 2]
  // CHECK-NEXT: {{\[}}[3, 1],
  // CHECK-NEXT: [6, 4],
  // CHECK-NEXT: [8, 8]]
  // CHECK: sizes = [2, 3]
  // CHECK-NEXT: {{\[}}[4, 8, 3],
  // CHECK-NEXT: [7, 2, 9]]
  %d = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]> : tensor<3x3xf32>
  %rows = arith.constant dense<[[-1, 0], [2, -3], [1, 1]]> : tensor<3x2xi64>
  %cols = arith.constant dense<[[1, 2, 0], [-1, 0, 2]]> : tensor<2x3xi32>
  call @gather_elements(%d, %rows, %cols) : (tensor<3x3xf32>, tensor<3x2xi64>, tensor<2x3xi32>) -> ()

  // ONNX's own axis-0 example: indices [[1, 0, 2], [0, 2, 1]], updates
  // [[1, 1.1, 1.2], [2, 2.1, 2.2]] into zeros.
  // CHECK: sizes = [3, 3]
  // CHECK-NEXT: {{\[}}[2, 1.1, 0],
  // CHECK-NEXT: [1, 0, 2.2],
  // CHECK-NEXT: [0, 2.1, 1.2]]
  // Row [1, 2, 3, 4, 5], indices [1, -4, -1] (1 twice, then 4), updates
  // [10, 20, 30]: none keeps the last write (20 at 1); add 2+10+20 and
  // 5+30; mul 2*10*20, 5*30; max and min of the writes and the old value.
  // CHECK: sizes = [5, 5]
  // CHECK-NEXT: {{\[}}[1, 20, 3, 4, 30],
  // CHECK-NEXT: [1, 32, 3, 4, 35],
  // CHECK-NEXT: [1, 400, 3, 4, 150],
  // CHECK-NEXT: [1, 20, 3, 4, 30],
  // CHECK-NEXT: [1, 2, 3, 4, 5]]
  // The DSA mask: zeros scattered into -inf at [3, 0] and [4, 1].
  // CHECK: sizes = [2, 5]
  // CHECK-NEXT: {{\[}}[0, -inf, -inf, 0, -inf],
  // CHECK-NEXT: [-inf, 0, -inf, -inf, 0]]
  %zeros = arith.constant dense<0.0> : tensor<3x3xf32>
  %i0 = arith.constant dense<[[1, 0, 2], [0, 2, 1]]> : tensor<2x3xi64>
  %u0 = arith.constant dense<[[1.0, 1.1, 1.2], [2.0, 2.1, 2.2]]> : tensor<2x3xf32>
  %row = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0]]> : tensor<1x5xf32>
  %i1 = arith.constant dense<[[1, -4, -1]]> : tensor<1x3xi64>
  %u1 = arith.constant dense<[[10.0, 20.0, 30.0]]> : tensor<1x3xf32>
  %neginf = arith.constant dense<0xFF800000> : tensor<2x5xf32>
  %sel = arith.constant dense<[[3, 0], [4, 1]]> : tensor<2x2xi64>
  %z = arith.constant dense<0.0> : tensor<2x2xf32>
  call @scatter_elements(%zeros, %i0, %u0, %row, %i1, %u1, %neginf, %sel, %z)
      : (tensor<3x3xf32>, tensor<2x3xi64>, tensor<2x3xf32>, tensor<1x5xf32>, tensor<1x3xi64>, tensor<1x3xf32>, tensor<2x5xf32>, tensor<2x2xi64>, tensor<2x2xf32>) -> ()
  return
}
