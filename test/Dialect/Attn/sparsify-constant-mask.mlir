// RUN: attnc-opt %s --attn-sparsify-constant-mask -split-input-file | FileCheck %s
// RUN: attnc-opt %s --attn-sparsify-constant-mask=max-visible-percent=20 -split-input-file | FileCheck %s --check-prefix=STRICT

// DeepSeek V4's compressed layer: 6 raw keys under a window of 2, then 2
// entries of blocks of 3, entry e visible from position 3e + 2 on. Each row
// lists its visible keys in ascending order, -1 padded to the longest row (3
// keys of 8). Sinks, scale and softcap carry over. At most 20% of the keys
// (1 of 8) it stays dense.

// CHECK-LABEL: func.func @window_and_entries(
// CHECK-SAME:      %[[Q:[^:]+]]: tensor<1x4x6x8xf32>, %[[K:[^:]+]]: tensor<1x1x8x8xf32>, %[[V:[^:]+]]: tensor<1x1x8x8xf32>, %[[S:[^:]+]]: tensor<4xf32>
// CHECK:         %[[IDX:.+]] = arith.constant dense<{{\[\[\[}}0, -1, -1], [0, 1, -1], [1, 2, 6], [2, 3, 6], [3, 4, 6], [4, 5, 6]]]> : tensor<1x6x3xi32>
// CHECK:         %[[O:.+]] = attn.sparse_attention %[[Q]], %[[K]], %[[V]], %[[IDX]] sinks(%[[S]] : tensor<4xf32>) {scale = 5.000000e-01 : f64, softcap = 2.000000e+01 : f64} : tensor<1x4x6x8xf32>, tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>, tensor<1x6x3xi32> -> tensor<1x4x6x8xf32>
// CHECK:         return %[[O]]
// STRICT-LABEL: func.func @window_and_entries(
// STRICT:         attn.attention
// STRICT-NOT:     attn.sparse_attention
func.func @window_and_entries(%q: tensor<1x4x6x8xf32>, %k: tensor<1x1x8x8xf32>, %v: tensor<1x1x8x8xf32>, %s: tensor<4xf32>) -> tensor<1x4x6x8xf32> {
  %m = arith.constant dense<[
    [0.0, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000],
    [0.0, 0.0, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000],
    [0xFF800000, 0.0, 0.0, 0xFF800000, 0xFF800000, 0xFF800000, 0.0, 0xFF800000],
    [0xFF800000, 0xFF800000, 0.0, 0.0, 0xFF800000, 0xFF800000, 0.0, 0xFF800000],
    [0xFF800000, 0xFF800000, 0xFF800000, 0.0, 0.0, 0xFF800000, 0.0, 0xFF800000],
    [0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0.0, 0.0, 0.0, 0xFF800000]]> : tensor<6x8xf32>
  %o = attn.attention %q, %k, %v mask(%m : tensor<6x8xf32>) sinks(%s : tensor<4xf32>) {scale = 0.5 : f64, softcap = 20.0 : f64}
      : tensor<1x4x6x8xf32>, tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32> -> tensor<1x4x6x8xf32>
  return %o : tensor<1x4x6x8xf32>
}

// -----

// An i1 mask per batch (true attends) combined with the causal attribute:
// batch 0 sees even keys, batch 1 odd ones, never past the diagonal. Row 0
// of batch 1 sees nothing (all -1: a zero row in both ops).

// CHECK-LABEL: func.func @bool_mask_per_batch_causal(
// CHECK:         %[[IDX:.+]] = arith.constant dense<{{\[\[\[}}0, -1], [0, -1], [0, 2], [0, 2]], {{\[\[}}-1, -1], [1, -1], [1, -1], [1, 3]]]> : tensor<2x4x2xi32>
// CHECK:         attn.sparse_attention %{{.+}}, %{{.+}}, %{{.+}}, %[[IDX]] :
// CHECK-SAME:        -> tensor<2x2x4x4xf32>
func.func @bool_mask_per_batch_causal(%q: tensor<2x2x4x4xf32>, %k: tensor<2x2x4x4xf32>, %v: tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32> {
  %m = arith.constant dense<[[[[true, false, true, false]]], [[[false, true, false, true]]]]> : tensor<2x1x1x4xi1>
  %o = attn.attention %q, %k, %v mask(%m : tensor<2x1x1x4xi1>) {causal}
      : tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32> -> tensor<2x2x4x4xf32>
  return %o : tensor<2x2x4x4xf32>
}

// -----

// Stays dense: a finite bias is not a visibility.

// CHECK-LABEL: func.func @finite_bias(
// CHECK:         attn.attention
// CHECK-NOT:     attn.sparse_attention
func.func @finite_bias(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x1x2x4xf32> {
  %m = arith.constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [-1.0, 0.0, 0xFF800000, 0xFF800000]]> : tensor<2x4xf32>
  %o = attn.attention %q, %k, %v mask(%m : tensor<2x4xf32>)
      : tensor<1x1x2x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x2x4xf32>
  return %o : tensor<1x1x2x4xf32>
}

// -----

// Stays dense: the mask differs between heads (the index lists are shared).

// CHECK-LABEL: func.func @per_head_mask(
// CHECK:         attn.attention
// CHECK-NOT:     attn.sparse_attention
func.func @per_head_mask(%q: tensor<1x2x1x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x2x1x4xf32> {
  %m = arith.constant dense<[[[[0.0, 0xFF800000, 0xFF800000, 0xFF800000]], [[0xFF800000, 0.0, 0xFF800000, 0xFF800000]]]]> : tensor<1x2x1x4xf32>
  %o = attn.attention %q, %k, %v mask(%m : tensor<1x2x1x4xf32>)
      : tensor<1x2x1x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x2x1x4xf32>
  return %o : tensor<1x2x1x4xf32>
}

// -----

// Stays dense: a row sees 3 of 4 keys (above 50%); the uniform policy for
// empty rows; a mask known only at run time.

// CHECK-LABEL: func.func @dense_enough(
// CHECK:         attn.attention
// CHECK-NOT:     attn.sparse_attention
func.func @dense_enough(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x1x2x4xf32> {
  %m = arith.constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [0.0, 0.0, 0.0, 0xFF800000]]> : tensor<2x4xf32>
  %o = attn.attention %q, %k, %v mask(%m : tensor<2x4xf32>)
      : tensor<1x1x2x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x2x4xf32>
  return %o : tensor<1x1x2x4xf32>
}

// CHECK-LABEL: func.func @uniform_rows(
// CHECK:         attn.attention
// CHECK-NOT:     attn.sparse_attention
func.func @uniform_rows(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x1x2x4xf32> {
  %m = arith.constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [0xFF800000, 0.0, 0xFF800000, 0xFF800000]]> : tensor<2x4xf32>
  %o = attn.attention %q, %k, %v mask(%m : tensor<2x4xf32>) {masked_rows = #attn.masked_rows<uniform>}
      : tensor<1x1x2x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x2x4xf32>
  return %o : tensor<1x1x2x4xf32>
}

// CHECK-LABEL: func.func @runtime_mask(
// CHECK:         attn.attention
// CHECK-NOT:     attn.sparse_attention
func.func @runtime_mask(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>, %m: tensor<2x4xf32>) -> tensor<1x1x2x4xf32> {
  %o = attn.attention %q, %k, %v mask(%m : tensor<2x4xf32>)
      : tensor<1x1x2x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x2x4xf32>
  return %o : tensor<1x1x2x4xf32>
}

// -----

// The importer keeps initializers as dense_resource blobs: read the same way
// (row 0 sees key 0, row 1 key 1).

// CHECK-LABEL: func.func @resource_mask(
// CHECK:         %[[IDX:.+]] = arith.constant dense<{{\[\[\[}}0], [1]]]> : tensor<1x2x1xi32>
// CHECK:         attn.sparse_attention %{{.+}}, %{{.+}}, %{{.+}}, %[[IDX]] :
func.func @resource_mask(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x1x2x4xf32> {
  %m = arith.constant dense_resource<window_mask> : tensor<2x4xf32>
  %o = attn.attention %q, %k, %v mask(%m : tensor<2x4xf32>)
      : tensor<1x1x2x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x2x4xf32>
  return %o : tensor<1x1x2x4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      window_mask: "0x0400000000000000000080FF000080FF000080FF000080FF00000000000080FF000080FF"
    }
  }
#-}
