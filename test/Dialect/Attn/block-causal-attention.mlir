// RUN: attnc-opt %s --attn-block-causal-attention=block-size=4 -split-input-file | FileCheck %s

// 10 rows in blocks of 4 (the last one of 2): rows [i0, i1) read keys
// [max(0, i0 - 3), i1) with a window of 4 keys; the blocks' ops keep the
// attributes and use bottom-right alignment.

// CHECK-LABEL: func.func @window(
// CHECK-SAME:      %[[Q:[^:]+]]: tensor<1x4x10x8xf32>, %[[K:[^:]+]]: tensor<1x2x10x8xf32>, %[[V:[^:]+]]: tensor<1x2x10x8xf32>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C3:.+]] = arith.constant 3 : index
// CHECK-DAG:     %[[C4:.+]] = arith.constant 4 : index
// CHECK-DAG:     %[[C10:.+]] = arith.constant 10 : index
// CHECK:         %[[INIT:.+]] = tensor.empty() : tensor<1x4x10x8xf32>
// CHECK:         %[[R:.+]] = scf.for %[[I0:.+]] = %[[C0]] to %[[C10]] step %[[C4]] iter_args(%[[ACC:.+]] = %[[INIT]])
// CHECK:           %[[REST:.+]] = arith.subi %[[C10]], %[[I0]]
// CHECK:           %[[N:.+]] = arith.minsi %[[REST]], %[[C4]]
// CHECK:           %[[HI:.+]] = arith.addi %[[I0]], %[[N]]
// CHECK:           %[[REACH:.+]] = arith.subi %[[I0]], %[[C3]]
// CHECK:           %[[LO:.+]] = arith.maxsi %[[REACH]], %[[C0]]
// CHECK:           %[[SPAN:.+]] = arith.subi %[[HI]], %[[LO]]
// CHECK:           %[[QB:.+]] = tensor.extract_slice %[[Q]][0, 0, %[[I0]], 0] [1, 4, %[[N]], 8]
// CHECK:           %[[KB:.+]] = tensor.extract_slice %[[K]][0, 0, %[[LO]], 0] [1, 2, %[[SPAN]], 8]
// CHECK:           %[[VB:.+]] = tensor.extract_slice %[[V]][0, 0, %[[LO]], 0] [1, 2, %[[SPAN]], 8]
// CHECK:           %[[O:.+]] = attn.attention %[[QB]], %[[KB]], %[[VB]] sinks(%{{.+}} : tensor<4xf32>) {causal, scale = 5.000000e-01 : f64, softcap = 3.000000e+01 : f64, window_left = 3 : i64} : tensor<1x4x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32> -> tensor<1x4x?x8xf32>
// CHECK:           %[[NEXT:.+]] = tensor.insert_slice %[[O]] into %[[ACC]][0, 0, %[[I0]], 0] [1, 4, %[[N]], 8]
// CHECK:           scf.yield %[[NEXT]]
// CHECK:         return %[[R]]
func.func @window(%q: tensor<1x4x10x8xf32>, %k: tensor<1x2x10x8xf32>, %v: tensor<1x2x10x8xf32>, %s: tensor<4xf32>) -> tensor<1x4x10x8xf32> {
  %o = attn.attention %q, %k, %v sinks(%s : tensor<4xf32>) {causal, scale = 0.5 : f64, softcap = 30.0 : f64, window_left = 3 : i64}
      : tensor<1x4x10x8xf32>, tensor<1x2x10x8xf32>, tensor<1x2x10x8xf32> -> tensor<1x4x10x8xf32>
  return %o : tensor<1x4x10x8xf32>
}

// -----

// 8 rows after 5 cached keys (bottom-right): blocks of exactly 4 rows have a
// static shape and read keys [0, i1 + 5).

// CHECK-LABEL: func.func @chunk_after_cache(
// CHECK-DAG:     %[[C5:.+]] = arith.constant 5 : index
// CHECK-DAG:     %[[C4:.+]] = arith.constant 4 : index
// CHECK:         scf.for %[[I0:.+]] = %{{.+}} to %{{.+}} step %[[C4]]
// CHECK:           %[[END:.+]] = arith.addi %[[I0]], %[[C4]]
// CHECK:           %[[HI:.+]] = arith.addi %[[END]], %[[C5]]
// CHECK:           %[[QB:.+]] = tensor.extract_slice %{{.+}}[0, 0, %[[I0]], 0] [1, 2, 4, 8]
// CHECK:           tensor.extract_slice %{{.+}}[0, 0, %{{.+}}, 0] [1, 2, %[[HI]], 8]
// CHECK:           attn.attention %[[QB]], {{.+}} {causal} : tensor<1x2x4x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32> -> tensor<1x2x4x8xf32>
func.func @chunk_after_cache(%q: tensor<1x2x8x8xf32>, %k: tensor<1x2x13x8xf32>, %v: tensor<1x2x13x8xf32>) -> tensor<1x2x8x8xf32> {
  %o = attn.attention %q, %k, %v {causal} : tensor<1x2x8x8xf32>, tensor<1x2x13x8xf32>, tensor<1x2x13x8xf32> -> tensor<1x2x8x8xf32>
  return %o : tensor<1x2x8x8xf32>
}

// -----

// Left whole: not causal, a mask, kv_lengths, a right window, one block,
// dynamic shapes, and bottom-right rows before the first key.

// CHECK-LABEL: func.func @left_whole(
// CHECK-NOT:     scf.for
// CHECK-COUNT-7: attn.attention
// CHECK-NOT:     scf.for
func.func @left_whole(%q: tensor<1x2x8x8xf32>, %k: tensor<1x2x8x8xf32>, %m: tensor<8x8xf32>,
                      %lens: tensor<1xi64>, %small: tensor<1x2x4x8xf32>,
                      %dq: tensor<1x2x?x8xf32>, %short: tensor<1x2x6x8xf32>)
    -> (tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>,
        tensor<1x2x4x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x8x8xf32>) {
  %0 = attn.attention %q, %k, %k : tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x2x8x8xf32>
  %1 = attn.attention %q, %k, %k mask(%m : tensor<8x8xf32>) {causal} : tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x2x8x8xf32>
  %2 = attn.attention %q, %k, %k kv_lengths(%lens : tensor<1xi64>) {causal} : tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x2x8x8xf32>
  %3 = attn.attention %q, %k, %k {causal, window_left = 2 : i64, window_right = 0 : i64} : tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x2x8x8xf32>
  %4 = attn.attention %small, %k, %k {causal} : tensor<1x2x4x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x2x4x8xf32>
  %5 = attn.attention %dq, %k, %k {causal} : tensor<1x2x?x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32> -> tensor<1x2x?x8xf32>
  %6 = attn.attention %q, %short, %short {causal} : tensor<1x2x8x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32> -> tensor<1x2x8x8xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>,
      tensor<1x2x4x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x8x8xf32>
}
