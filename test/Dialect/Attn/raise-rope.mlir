// RUN: attnc-opt %s -split-input-file --attn-raise-rope | FileCheck %s
// RUN: attnc-opt %s -split-input-file --attn-raise-rope="remarks=true" -verify-diagnostics >/dev/null

// Llama / HF: rotate_half by Slice/Neg/Concat, cos and sin gathered from
// constant tables by position ids and unsqueezed over the heads. The tables
// attn.rope gets are their first halves (folded here).
// CHECK-LABEL: func.func @half_split_gathered
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x4xf32>, %[[POS:[^:]+]]: tensor<1x3xi64>)
// CHECK-DAG: %[[COS:.+]] = onnx.Constant dense<{{\[\[}}1.000000e+00, 5.000000e-01], [2.500000e-01, 7.500000e-01], {{.*}} : tensor<6x2xf32>
// CHECK-DAG: %[[SIN:.+]] = onnx.Constant dense<{{\[\[}}0.000000e+00, 5.000000e-01], [3.500000e-01, 6.500000e-01], {{.*}} : tensor<6x2xf32>
// CHECK: %[[R:.+]] = attn.rope %[[X]], %[[COS]], %[[SIN]] positions(%[[POS]] : tensor<1x3xi64>) {rotary_dim = 4 : i64} : tensor<1x2x3x4xf32>, tensor<6x2xf32>, tensor<6x2xf32>
// CHECK-NOT: onnx.
// CHECK: return %[[R]]
func.func @half_split_gathered(%x: tensor<1x2x3x4xf32>, %pos: tensor<1x3xi64>) -> tensor<1x2x3x4xf32> {
  %cos_table = onnx.Constant dense<[[1.0, 0.5, 1.0, 0.5], [0.25, 0.75, 0.25, 0.75], [0.1, 0.2, 0.1, 0.2], [0.3, 0.4, 0.3, 0.4], [0.6, 0.7, 0.6, 0.7], [0.8, 0.9, 0.8, 0.9]]> : tensor<6x4xf32>
  %sin_table = onnx.Constant dense<[[0.0, 0.5, 0.0, 0.5], [0.35, 0.65, 0.35, 0.65], [0.15, 0.25, 0.15, 0.25], [0.3, 0.45, 0.3, 0.45], [0.6, 0.75, 0.6, 0.75], [0.85, 0.9, 0.85, 0.9]]> : tensor<6x4xf32>
  %cos_g = onnx.Gather %cos_table, %pos {axis = 0 : si64} : (tensor<6x4xf32>, tensor<1x3xi64>) -> tensor<1x3x4xf32>
  %sin_g = onnx.Gather %sin_table, %pos {axis = 0 : si64} : (tensor<6x4xf32>, tensor<1x3xi64>) -> tensor<1x3x4xf32>
  %one = onnx.Constant dense<1> : tensor<1xi64>
  %cos = onnx.Unsqueeze %cos_g, %one : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<1x1x3x4xf32>
  %sin = onnx.Unsqueeze %sin_g, %one : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<1x1x3x4xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %half = onnx.Constant dense<2> : tensor<1xi64>
  %end = onnx.Constant dense<9223372036854775807> : tensor<1xi64>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %x1 = onnx.Slice %x, %zero, %half, %last, %none : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2xf32>
  %x2 = onnx.Slice %x, %half, %end, %last, %none : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2xf32>
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// Halves by Split, every operand order swapped; the tables are computed,
// Concat(h, h) of graph inputs, and gathered by 1-D position ids: attn.rope
// gets the first half of each table by a Slice, and the ids with a batch
// dim, broadcast to B = 2.
// CHECK-LABEL: func.func @half_split_commuted
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x2x3x4xf32>, %[[POS:[^:]+]]: tensor<3xi64>, %[[HC:[^:]+]]: tensor<8x2xf32>, %[[HS:[^:]+]]: tensor<8x2xf32>)
// CHECK-DAG: %[[CT:.+]] = onnx.Concat %[[HC]], %[[HC]]
// CHECK-DAG: %[[ST:.+]] = onnx.Concat %[[HS]], %[[HS]]
// CHECK-DAG: %[[CH:.+]] = onnx.Slice %[[CT]], %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}} : (tensor<8x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<8x2xf32>
// CHECK-DAG: %[[SH:.+]] = onnx.Slice %[[ST]], %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}} : (tensor<8x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<8x2xf32>
// CHECK-DAG: %[[ROW:.+]] = onnx.Reshape %[[POS]], %{{.+}} : (tensor<3xi64>, tensor<2xi64>) -> tensor<1x3xi64>
// CHECK-DAG: %[[IDS:.+]] = onnx.Expand %[[ROW]], %{{.+}} : (tensor<1x3xi64>, tensor<2xi64>) -> tensor<2x3xi64>
// CHECK: %[[R:.+]] = attn.rope %[[X]], %[[CH]], %[[SH]] positions(%[[IDS]] : tensor<2x3xi64>) {rotary_dim = 4 : i64}
// CHECK-NOT: onnx.Add
// CHECK: return %[[R]]
func.func @half_split_commuted(%x: tensor<2x2x3x4xf32>, %pos: tensor<3xi64>, %hc: tensor<8x2xf32>, %hs: tensor<8x2xf32>) -> tensor<2x2x3x4xf32> {
  %cos_table = onnx.Concat %hc, %hc {axis = 1 : si64} : (tensor<8x2xf32>, tensor<8x2xf32>) -> tensor<8x4xf32>
  %sin_table = onnx.Concat %hs, %hs {axis = -1 : si64} : (tensor<8x2xf32>, tensor<8x2xf32>) -> tensor<8x4xf32>
  %cos = onnx.Gather %cos_table, %pos {axis = 0 : si64} : (tensor<8x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  %sin = onnx.Gather %sin_table, %pos {axis = 0 : si64} : (tensor<8x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = 3 : si64, num_outputs = 2 : si64} : (tensor<2x2x3x4xf32>, none) -> (tensor<2x2x3x2xf32>, tensor<2x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<2x2x3x2xf32>) -> tensor<2x2x3x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = 3 : si64} : (tensor<2x2x3x2xf32>, tensor<2x2x3x2xf32>) -> tensor<2x2x3x4xf32>
  %rs = onnx.Mul %sin, %rot : (tensor<3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32>
  %xc = onnx.Mul %cos, %x : (tensor<3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32>
  %y = onnx.Add %rs, %xc : (tensor<2x2x3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32>
  return %y : tensor<2x2x3x4xf32>
}

// -----

// Per-token cos/sin given as B x S x R/2 graph inputs and duplicated by
// Concat(c, c): attn.rope reads the first half of the per-token values.
// CHECK-LABEL: func.func @half_split_per_token_inputs
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x2x3x4xf32>, %[[C:[^:]+]]: tensor<2x3x2xf32>, %[[S:[^:]+]]: tensor<2x3x2xf32>)
// CHECK-DAG: %[[CD:.+]] = onnx.Concat %[[C]], %[[C]]
// CHECK-DAG: %[[CU:.+]] = onnx.Unsqueeze %[[CD]]
// CHECK-DAG: %[[CR:.+]] = onnx.Reshape %[[CU]], %{{.+}} : (tensor<2x1x3x4xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
// CHECK-DAG: %[[CH:.+]] = onnx.Slice %[[CR]], {{.*}} -> tensor<2x3x2xf32>
// CHECK-DAG: %[[SD:.+]] = onnx.Concat %[[S]], %[[S]]
// CHECK-DAG: %[[SH:.+]] = onnx.Slice {{.*}} -> tensor<2x3x2xf32>
// CHECK: %[[R:.+]] = attn.rope %[[X]], %[[CH]], %[[SH]] {rotary_dim = 4 : i64} : tensor<2x2x3x4xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>
// CHECK: return %[[R]]
func.func @half_split_per_token_inputs(%x: tensor<2x2x3x4xf32>, %c: tensor<2x3x2xf32>, %s: tensor<2x3x2xf32>) -> tensor<2x2x3x4xf32> {
  %one = onnx.Constant dense<1> : tensor<1xi64>
  %cd = onnx.Concat %c, %c {axis = -1 : si64} : (tensor<2x3x2xf32>, tensor<2x3x2xf32>) -> tensor<2x3x4xf32>
  %sd = onnx.Concat %s, %s {axis = -1 : si64} : (tensor<2x3x2xf32>, tensor<2x3x2xf32>) -> tensor<2x3x4xf32>
  %cos = onnx.Unsqueeze %cd, %one : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x1x3x4xf32>
  %sin = onnx.Unsqueeze %sd, %one : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x1x3x4xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %half = onnx.Constant dense<2> : tensor<1xi64>
  %end = onnx.Constant dense<4> : tensor<1xi64>
  %last = onnx.Constant dense<3> : tensor<1xi64>
  %none = onnx.NoValue
  %x1 = onnx.Slice %x, %zero, %half, %last, %none : (tensor<2x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<2x2x3x2xf32>
  %x2 = onnx.Slice %x, %half, %end, %last, %none : (tensor<2x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<2x2x3x2xf32>
  %neg = onnx.Neg %x2 : (tensor<2x2x3x2xf32>) -> tensor<2x2x3x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<2x2x3x2xf32>, tensor<2x2x3x2xf32>) -> tensor<2x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<2x2x3x4xf32>, tensor<2x1x3x4xf32>) -> tensor<2x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<2x2x3x4xf32>, tensor<2x1x3x4xf32>) -> tensor<2x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<2x2x3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32>
  return %y : tensor<2x2x3x4xf32>
}

// -----

// 1 x 1 x S x R constant tables (checked value by value) for a batch of 2:
// the per-token halves, broadcast to B x S x R/2, fold to constants.
// CHECK-LABEL: func.func @half_split_constant_tables
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x2x3x4xf32>)
// CHECK-DAG: %[[CB:.+]] = onnx.Constant dense<{{\[\[\[}}1.000000e+00, 5.000000e-01], [2.500000e-01, 7.500000e-01], [1.000000e-01, 2.000000e-01]], {{\[\[}}1.000000e+00, 5.000000e-01], {{.*}} : tensor<2x3x2xf32>
// CHECK-DAG: %[[SB:.+]] = onnx.Constant dense<{{\[\[\[}}0.000000e+00, 5.000000e-01], {{.*}} : tensor<2x3x2xf32>
// CHECK: %[[R:.+]] = attn.rope %[[X]], %[[CB]], %[[SB]] {rotary_dim = 4 : i64}
// CHECK: return %[[R]]
func.func @half_split_constant_tables(%x: tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32> {
  %cos = onnx.Constant dense<[[[[1.0, 0.5, 1.0, 0.5], [0.25, 0.75, 0.25, 0.75], [0.1, 0.2, 0.1, 0.2]]]]> : tensor<1x1x3x4xf32>
  %sin = onnx.Constant dense<[[[[0.0, 0.5, 0.0, 0.5], [0.35, 0.65, 0.35, 0.65], [0.15, 0.25, 0.15, 0.25]]]]> : tensor<1x1x3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<2x2x3x4xf32>, none) -> (tensor<2x2x3x2xf32>, tensor<2x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<2x2x3x2xf32>) -> tensor<2x2x3x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<2x2x3x2xf32>, tensor<2x2x3x2xf32>) -> tensor<2x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<2x2x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<2x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<2x2x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<2x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<2x2x3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32>
  return %y : tensor<2x2x3x4xf32>
}

// -----

// Prefix-partial RoPE (Qwen3-Next, NeoX rotary_pct): the first R = 4 of 8
// channels rotate (sliced again for the halves), the rest is concatenated
// back unchanged: one attn.rope over the whole head with rotary_dim.
// CHECK-LABEL: func.func @partial_prefix
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x8xf32>, %[[C:[^:]+]]: tensor<3x2xf32>, %[[S:[^:]+]]: tensor<3x2xf32>)
// CHECK: %[[R:.+]] = attn.rope %[[X]], %{{.+}}, %{{.+}} {rotary_dim = 4 : i64} : tensor<1x2x3x8xf32>, tensor<1x3x2xf32>, tensor<1x3x2xf32>
// CHECK-NOT: onnx.Concat
// CHECK: return %[[R]]
func.func @partial_prefix(%x: tensor<1x2x3x8xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x8xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  %four = onnx.Constant dense<4> : tensor<1xi64>
  %eight = onnx.Constant dense<8> : tensor<1xi64>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %xr = onnx.Slice %x, %zero, %four, %last, %none : (tensor<1x2x3x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x4xf32>
  %xp = onnx.Slice %x, %four, %eight, %last, %none : (tensor<1x2x3x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x4xf32>
  %x1 = onnx.Slice %xr, %zero, %two, %last, %none : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2xf32>
  %x2 = onnx.Slice %xr, %two, %four, %last, %none : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2xf32>
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %xr, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %core = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Concat %core, %xp {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x8xf32>
  return %y : tensor<1x2x3x8xf32>
}

// -----

// The rotated channels last (MLA's decoupled rope part), halves sliced
// straight from x: attn.rope's offset. The inverse rotation
// Concat(x2, Neg(x1)) (DeepSeek V4's de-rotation) sets `inverse`.
// CHECK-LABEL: func.func @partial_offset_inverse
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x8xf32>
// CHECK: %[[R:.+]] = attn.rope %[[X]], %{{.+}}, %{{.+}} {inverse, offset = 4 : i64, rotary_dim = 4 : i64}
// CHECK: return %[[R]]
func.func @partial_offset_inverse(%x: tensor<1x2x3x8xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x8xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %four = onnx.Constant dense<4> : tensor<1xi64>
  %six = onnx.Constant dense<6> : tensor<1xi64>
  %eight = onnx.Constant dense<8> : tensor<1xi64>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %xp = onnx.Slice %x, %zero, %four, %last, %none : (tensor<1x2x3x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x4xf32>
  %xr = onnx.Slice %x, %four, %eight, %last, %none : (tensor<1x2x3x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x4xf32>
  %x1 = onnx.Slice %x, %four, %six, %last, %none : (tensor<1x2x3x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2xf32>
  %x2 = onnx.Slice %x, %six, %eight, %last, %none : (tensor<1x2x3x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2xf32>
  %neg = onnx.Neg %x1 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  %rot = onnx.Concat %x2, %neg {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %xr, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %core = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Concat %xp, %core {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x8xf32>
  return %y : tensor<1x2x3x8xf32>
}

// -----

// A rotated slice that is not concatenated back is a tensor of its own: the
// attn.rope rotates all of it.
// CHECK-LABEL: func.func @rotated_slice_alone
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x8xf32>
// CHECK: %[[XR:.+]] = onnx.Slice %[[X]]
// CHECK: %[[R:.+]] = attn.rope %[[XR]], %{{.+}}, %{{.+}} {rotary_dim = 4 : i64} : tensor<1x2x3x4xf32>
// CHECK: return %[[R]]
func.func @rotated_slice_alone(%x: tensor<1x2x3x8xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %four = onnx.Constant dense<4> : tensor<1xi64>
  %eight = onnx.Constant dense<8> : tensor<1xi64>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %xr = onnx.Slice %x, %four, %eight, %last, %none : (tensor<1x2x3x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x4xf32>
  %x1, %x2 = onnx.Split %xr, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %xr, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %core = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %core : tensor<1x2x3x4xf32>
}

// -----

// B x S x H x D before the transpose to heads: cos/sin vary along dim 1, so
// the attn.rope reads the tensor transposed, and its result is transposed
// back.
// CHECK-LABEL: func.func @half_split_bshd
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x3x2x4xf32>, %[[POS:[^:]+]]: tensor<1x3xi64>)
// CHECK: %[[XT:.+]] = onnx.Transpose %[[X]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK: %[[R:.+]] = attn.rope %[[XT]], %{{.+}}, %{{.+}} positions(%[[POS]] : tensor<1x3xi64>) {rotary_dim = 4 : i64} : tensor<1x2x3x4xf32>, tensor<6x2xf32>, tensor<6x2xf32>
// CHECK: %[[Y:.+]] = onnx.Transpose %[[R]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x3x4xf32>) -> tensor<1x3x2x4xf32>
// CHECK: return %[[Y]]
func.func @half_split_bshd(%x: tensor<1x3x2x4xf32>, %pos: tensor<1x3xi64>) -> tensor<1x3x2x4xf32> {
  %cos_table = onnx.Constant dense<[[1.0, 0.5, 1.0, 0.5], [0.25, 0.75, 0.25, 0.75], [0.1, 0.2, 0.1, 0.2], [0.3, 0.4, 0.3, 0.4], [0.6, 0.7, 0.6, 0.7], [0.8, 0.9, 0.8, 0.9]]> : tensor<6x4xf32>
  %sin_table = onnx.Constant dense<[[0.0, 0.5, 0.0, 0.5], [0.35, 0.65, 0.35, 0.65], [0.15, 0.25, 0.15, 0.25], [0.3, 0.45, 0.3, 0.45], [0.6, 0.75, 0.6, 0.75], [0.85, 0.9, 0.85, 0.9]]> : tensor<6x4xf32>
  %cos_g = onnx.Gather %cos_table, %pos {axis = 0 : si64} : (tensor<6x4xf32>, tensor<1x3xi64>) -> tensor<1x3x4xf32>
  %sin_g = onnx.Gather %sin_table, %pos {axis = 0 : si64} : (tensor<6x4xf32>, tensor<1x3xi64>) -> tensor<1x3x4xf32>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  %cos = onnx.Unsqueeze %cos_g, %two : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<1x3x1x4xf32>
  %sin = onnx.Unsqueeze %sin_g, %two : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<1x3x1x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x3x2x4xf32>, none) -> (tensor<1x3x2x2xf32>, tensor<1x3x2x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x3x2x2xf32>) -> tensor<1x3x2x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x3x2x2xf32>, tensor<1x3x2x2xf32>) -> tensor<1x3x2x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x3x2x4xf32>, tensor<1x3x1x4xf32>) -> tensor<1x3x2x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x3x2x4xf32>, tensor<1x3x1x4xf32>) -> tensor<1x3x2x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x3x2x4xf32>, tensor<1x3x2x4xf32>) -> tensor<1x3x2x4xf32>
  return %y : tensor<1x3x2x4xf32>
}

// -----

// ONNX RotaryEmbedding's function body (the expanded conformance models):
// B x S x H x D, Split into rotated and pass-through channels (here R = 4 of
// 8), halves by Split, the complex product Concat(x1*c - x2*s, x1*s + x2*c)
// with c, s the gathered R/2-wide tables (taken whole by a Slice), then
// Concat with the pass-through channels.
// CHECK-LABEL: func.func @half_split_complex_function_body
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x3x2x8xf32>, %[[CT:[^:]+]]: tensor<10x2xf32>, %[[ST:[^:]+]]: tensor<10x2xf32>, %[[POS:[^:]+]]: tensor<2x3xi64>)
// CHECK: %[[XT:.+]] = onnx.Transpose %[[X]] {perm = array<i64: 0, 2, 1, 3>}
// CHECK: %[[R:.+]] = attn.rope %[[XT]], %[[CT]], %[[ST]] positions(%[[POS]] : tensor<2x3xi64>) {rotary_dim = 4 : i64} : tensor<2x2x3x8xf32>, tensor<10x2xf32>, tensor<10x2xf32>
// CHECK: %[[Y:.+]] = onnx.Transpose %[[R]]
// CHECK-NOT: onnx.Concat
// CHECK: return %[[Y]]
func.func @half_split_complex_function_body(%x: tensor<2x3x2x8xf32>, %cos_cache: tensor<10x2xf32>, %sin_cache: tensor<10x2xf32>, %pos: tensor<2x3xi64>) -> tensor<2x3x2x8xf32> {
  %lengths = onnx.Constant dense<[4, 4]> : tensor<2xi64>
  %xr, %xp = onnx.Split %x, %lengths {axis = -1 : si64} : (tensor<2x3x2x8xf32>, tensor<2xi64>) -> (tensor<2x3x2x4xf32>, tensor<2x3x2x4xf32>)
  %cg = onnx.Gather %cos_cache, %pos : (tensor<10x2xf32>, tensor<2x3xi64>) -> tensor<2x3x2xf32>
  %sg = onnx.Gather %sin_cache, %pos : (tensor<10x2xf32>, tensor<2x3xi64>) -> tensor<2x3x2xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  %none = onnx.NoValue
  %cs = onnx.Slice %cg, %zero, %two, %two, %none : (tensor<2x3x2xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<2x3x2xf32>
  %ss = onnx.Slice %sg, %zero, %two, %two, %none : (tensor<2x3x2xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<2x3x2xf32>
  %c = onnx.Unsqueeze %cs, %two : (tensor<2x3x2xf32>, tensor<1xi64>) -> tensor<2x3x1x2xf32>
  %s = onnx.Unsqueeze %ss, %two : (tensor<2x3x2xf32>, tensor<1xi64>) -> tensor<2x3x1x2xf32>
  %x1, %x2 = onnx.Split %xr, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<2x3x2x4xf32>, none) -> (tensor<2x3x2x2xf32>, tensor<2x3x2x2xf32>)
  %cx1 = onnx.Mul %c, %x1 : (tensor<2x3x1x2xf32>, tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32>
  %sx2 = onnx.Mul %s, %x2 : (tensor<2x3x1x2xf32>, tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32>
  %real = onnx.Sub %cx1, %sx2 : (tensor<2x3x2x2xf32>, tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32>
  %sx1 = onnx.Mul %s, %x1 : (tensor<2x3x1x2xf32>, tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32>
  %cx2 = onnx.Mul %c, %x2 : (tensor<2x3x1x2xf32>, tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32>
  %imag = onnx.Add %sx1, %cx2 : (tensor<2x3x2x2xf32>, tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32>
  %rotated = onnx.Concat %real, %imag {axis = -1 : si64} : (tensor<2x3x2x2xf32>, tensor<2x3x2x2xf32>) -> tensor<2x3x2x4xf32>
  %y = onnx.Concat %rotated, %xp {axis = -1 : si64} : (tensor<2x3x2x4xf32>, tensor<2x3x2x4xf32>) -> tensor<2x3x2x8xf32>
  return %y : tensor<2x3x2x8xf32>
}

// -----

// GPT-J with the pair view: Reshape to [..., R/2, 2], members by Split,
// Concat(Neg(odd), even) reshaped back; the constant table repeats each
// entry for both members, so attn.rope gets its even columns.
// CHECK-LABEL: func.func @interleaved_pair_view
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x4xf32>)
// CHECK-DAG: %[[CH:.+]] = onnx.Constant dense<{{\[\[\[}}1.000000e+00, 5.000000e-01], [2.500000e-01, 7.500000e-01], [1.000000e-01, 2.000000e-01]]]> : tensor<1x3x2xf32>
// CHECK: %[[R:.+]] = attn.rope %[[X]], %[[CH]], %{{.+}} {layout = #attn.rope_layout<interleaved>, rotary_dim = 4 : i64}
// CHECK: return %[[R]]
func.func @interleaved_pair_view(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Constant dense<[[1.0, 1.0, 0.5, 0.5], [0.25, 0.25, 0.75, 0.75], [0.1, 0.1, 0.2, 0.2]]> : tensor<3x4xf32>
  %sin = onnx.Constant dense<[[0.0, 0.0, 0.5, 0.5], [0.35, 0.35, 0.65, 0.65], [0.15, 0.15, 0.25, 0.25]]> : tensor<3x4xf32>
  %pairs_shape = onnx.Constant dense<[1, 2, 3, 2, 2]> : tensor<5xi64>
  %back = onnx.Constant dense<[1, 2, 3, 4]> : tensor<4xi64>
  %pairs = onnx.Reshape %x, %pairs_shape : (tensor<1x2x3x4xf32>, tensor<5xi64>) -> tensor<1x2x3x2x2xf32>
  %none = onnx.NoValue
  %even, %odd = onnx.Split %pairs, %none {axis = 4 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x2x2xf32>, none) -> (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>)
  %neg = onnx.Neg %odd : (tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  %rot_pairs = onnx.Concat %neg, %even {axis = -1 : si64} : (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x2xf32>
  %rot = onnx.Reshape %rot_pairs, %back : (tensor<1x2x3x2x2xf32>, tensor<4xi64>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %cos, %x : (tensor<3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// HF GPT-J rotate_every_two: x[..., ::2], x[..., 1::2], stack((-x2, x1), -1)
// flattened, with cos repeat_interleave'd: Reshape(Concat(u, u)) of the
// per-pair values u. The per-token tables get the even columns by a
// strided Slice.
// CHECK-LABEL: func.func @interleaved_strided
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x4xf32>, %[[C:[^:]+]]: tensor<1x3x2xf32>, %[[S:[^:]+]]: tensor<1x3x2xf32>)
// CHECK: %[[CH:.+]] = onnx.Slice %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}} : (tensor<1x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<1x3x2xf32>
// CHECK: %[[R:.+]] = attn.rope %[[X]], %[[CH]], %{{.+}} {layout = #attn.rope_layout<interleaved>, rotary_dim = 4 : i64}
// CHECK: return %[[R]]
func.func @interleaved_strided(%x: tensor<1x2x3x4xf32>, %c: tensor<1x3x2xf32>, %s: tensor<1x3x2xf32>) -> tensor<1x2x3x4xf32> {
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %one = onnx.Constant dense<1> : tensor<1xi64>
  %cu = onnx.Unsqueeze %c, %last : (tensor<1x3x2xf32>, tensor<1xi64>) -> tensor<1x3x2x1xf32>
  %su = onnx.Unsqueeze %s, %last : (tensor<1x3x2xf32>, tensor<1xi64>) -> tensor<1x3x2x1xf32>
  %cp = onnx.Concat %cu, %cu {axis = -1 : si64} : (tensor<1x3x2x1xf32>, tensor<1x3x2x1xf32>) -> tensor<1x3x2x2xf32>
  %sp = onnx.Concat %su, %su {axis = -1 : si64} : (tensor<1x3x2x1xf32>, tensor<1x3x2x1xf32>) -> tensor<1x3x2x2xf32>
  %flat = onnx.Constant dense<[1, 3, 4]> : tensor<3xi64>
  %cf = onnx.Reshape %cp, %flat : (tensor<1x3x2x2xf32>, tensor<3xi64>) -> tensor<1x3x4xf32>
  %sf = onnx.Reshape %sp, %flat : (tensor<1x3x2x2xf32>, tensor<3xi64>) -> tensor<1x3x4xf32>
  %cos = onnx.Unsqueeze %cf, %one : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<1x1x3x4xf32>
  %sin = onnx.Unsqueeze %sf, %one : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<1x1x3x4xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  %end = onnx.Constant dense<9223372036854775807> : tensor<1xi64>
  %a = onnx.Slice %x, %zero, %end, %last, %two : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<1x2x3x2xf32>
  %b = onnx.Slice %x, %one, %end, %last, %two : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<1x2x3x2xf32>
  %nb = onnx.Neg %b : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  %nbu = onnx.Unsqueeze %nb, %last : (tensor<1x2x3x2xf32>, tensor<1xi64>) -> tensor<1x2x3x2x1xf32>
  %au = onnx.Unsqueeze %a, %last : (tensor<1x2x3x2xf32>, tensor<1xi64>) -> tensor<1x2x3x2x1xf32>
  %stacked = onnx.Concat %nbu, %au {axis = -1 : si64} : (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x2xf32>
  %back = onnx.Constant dense<[1, 2, 3, 4]> : tensor<4xi64>
  %rot = onnx.Reshape %stacked, %back : (tensor<1x2x3x2x2xf32>, tensor<4xi64>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %rs, %xc : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// Meta's complex product on the pair view: (a + ib)(c + is) per pair with
// per-pair tables gathered by position: the tables go to attn.rope whole.
// CHECK-LABEL: func.func @interleaved_complex_pair_view
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x4xf32>, %[[CT:[^:]+]]: tensor<8x2xf32>, %[[ST:[^:]+]]: tensor<8x2xf32>, %[[POS:[^:]+]]: tensor<1x3xi64>)
// CHECK: %[[R:.+]] = attn.rope %[[X]], %[[CT]], %[[ST]] positions(%[[POS]] : tensor<1x3xi64>) {layout = #attn.rope_layout<interleaved>, rotary_dim = 4 : i64}
// CHECK: return %[[R]]
func.func @interleaved_complex_pair_view(%x: tensor<1x2x3x4xf32>, %cos_table: tensor<8x2xf32>, %sin_table: tensor<8x2xf32>, %pos: tensor<1x3xi64>) -> tensor<1x2x3x4xf32> {
  %cg = onnx.Gather %cos_table, %pos : (tensor<8x2xf32>, tensor<1x3xi64>) -> tensor<1x3x2xf32>
  %sg = onnx.Gather %sin_table, %pos : (tensor<8x2xf32>, tensor<1x3xi64>) -> tensor<1x3x2xf32>
  %axes = onnx.Constant dense<[1, 4]> : tensor<2xi64>
  %c = onnx.Unsqueeze %cg, %axes : (tensor<1x3x2xf32>, tensor<2xi64>) -> tensor<1x1x3x2x1xf32>
  %s = onnx.Unsqueeze %sg, %axes : (tensor<1x3x2xf32>, tensor<2xi64>) -> tensor<1x1x3x2x1xf32>
  %pairs_shape = onnx.Constant dense<[1, 2, 3, 2, 2]> : tensor<5xi64>
  %pairs = onnx.Reshape %x, %pairs_shape : (tensor<1x2x3x4xf32>, tensor<5xi64>) -> tensor<1x2x3x2x2xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %one = onnx.Constant dense<1> : tensor<1xi64>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %a = onnx.Slice %pairs, %zero, %one, %last, %none : (tensor<1x2x3x2x2xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2x1xf32>
  %b = onnx.Slice %pairs, %one, %two, %last, %none : (tensor<1x2x3x2x2xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x2x1xf32>
  %ac = onnx.Mul %a, %c : (tensor<1x2x3x2x1xf32>, tensor<1x1x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  %bs = onnx.Mul %b, %s : (tensor<1x2x3x2x1xf32>, tensor<1x1x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  %real = onnx.Sub %ac, %bs : (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  %as = onnx.Mul %s, %a : (tensor<1x1x3x2x1xf32>, tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  %bc = onnx.Mul %b, %c : (tensor<1x2x3x2x1xf32>, tensor<1x1x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  %imag = onnx.Add %bc, %as : (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  %out_pairs = onnx.Concat %real, %imag {axis = -1 : si64} : (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x2xf32>
  %back = onnx.Constant dense<[1, 2, 3, 4]> : tensor<4xi64>
  %y = onnx.Reshape %out_pairs, %back : (tensor<1x2x3x2x2xf32>, tensor<4xi64>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// Tables above the importer's 4 KiB threshold are dense_resource blobs; the
// pair check reads them too (each row is two copies of (1, 0.5)).
// CHECK-LABEL: func.func @half_split_resource_table
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x1x2x4xf32>, %[[POS:[^:]+]]: tensor<1x2xi64>)
// CHECK: %[[CT:.+]] = onnx.Constant dense_resource<cos_table> : tensor<2x4xf32>
// CHECK: %[[CH:.+]] = onnx.Slice %[[CT]], {{.*}} -> tensor<2x2xf32>
// CHECK: attn.rope %[[X]], %[[CH]], %{{.+}} positions(%[[POS]] : tensor<1x2xi64>) {rotary_dim = 4 : i64}
func.func @half_split_resource_table(%x: tensor<1x1x2x4xf32>, %pos: tensor<1x2xi64>) -> tensor<1x1x2x4xf32> {
  %cos_table = onnx.Constant dense_resource<cos_table> : tensor<2x4xf32>
  %sin_table = onnx.Constant dense<0.5> : tensor<2x4xf32>
  %cos_g = onnx.Gather %cos_table, %pos : (tensor<2x4xf32>, tensor<1x2xi64>) -> tensor<1x2x4xf32>
  %sin_g = onnx.Gather %sin_table, %pos : (tensor<2x4xf32>, tensor<1x2xi64>) -> tensor<1x2x4xf32>
  %one = onnx.Constant dense<1> : tensor<1xi64>
  %cos = onnx.Unsqueeze %cos_g, %one : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x1x2x4xf32>
  %sin = onnx.Unsqueeze %sin_g, %one : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x1x2x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x1x2x4xf32>, none) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x1x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x1x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x1x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32>
  return %y : tensor<1x1x2x4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      cos_table: "0x040000000000803F0000003F0000803F0000003F0000803F0000003F0000803F0000003F"
    }
  }
#-}

// -----

// Near-misses: nothing is raised, and with remarks=true the rotate_half
// says why.

// The constant cos table's halves differ in one entry (0.2 vs 0.3): its
// channels m and m + R/2 do not rotate by the same angle.
// CHECK-LABEL: func.func @table_halves_differ
// CHECK-NOT: attn.rope
// CHECK: return
func.func @table_halves_differ(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Constant dense<[[1.0, 0.5, 1.0, 0.5], [0.25, 0.75, 0.25, 0.75], [0.1, 0.2, 0.1, 0.3]]> : tensor<3x4xf32>
  %sin = onnx.Constant dense<[[0.0, 0.5, 0.0, 0.5], [0.35, 0.65, 0.35, 0.65], [0.15, 0.25, 0.15, 0.25]]> : tensor<3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  // expected-remark @+1 {{not raised to attn.rope: cannot prove that the cos values are two copies of one half (c[m] == c[m + R/2])}}
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// A gathered table that is Concat(c, d) of two different values.
// CHECK-LABEL: func.func @gathered_table_of_two_values
// CHECK-NOT: attn.rope
// CHECK: return
func.func @gathered_table_of_two_values(%x: tensor<1x2x3x4xf32>, %pos: tensor<1x3xi64>, %c: tensor<8x2xf32>, %d: tensor<8x2xf32>, %s: tensor<8x2xf32>) -> tensor<1x2x3x4xf32> {
  %ct = onnx.Concat %c, %d {axis = -1 : si64} : (tensor<8x2xf32>, tensor<8x2xf32>) -> tensor<8x4xf32>
  %st = onnx.Concat %s, %s {axis = -1 : si64} : (tensor<8x2xf32>, tensor<8x2xf32>) -> tensor<8x4xf32>
  %cg = onnx.Gather %ct, %pos : (tensor<8x4xf32>, tensor<1x3xi64>) -> tensor<1x3x4xf32>
  %sg = onnx.Gather %st, %pos : (tensor<8x4xf32>, tensor<1x3xi64>) -> tensor<1x3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  // expected-remark @+1 {{not raised to attn.rope: cannot prove that the cos values are two copies of one half (c[m] == c[m + R/2])}}
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cg : (tensor<1x2x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sg : (tensor<1x2x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// Interleaved pairs need equal even and odd entries; a half-split table
// (two copies of one half) does not have them.
// CHECK-LABEL: func.func @interleaved_with_half_split_table
// CHECK-NOT: attn.rope
// CHECK: return
func.func @interleaved_with_half_split_table(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Constant dense<[[1.0, 0.5, 1.0, 0.5], [0.25, 0.75, 0.25, 0.75], [0.1, 0.2, 0.1, 0.2]]> : tensor<3x4xf32>
  %sin = onnx.Constant dense<[[0.0, 0.0, 0.5, 0.5], [0.35, 0.35, 0.65, 0.65], [0.15, 0.15, 0.25, 0.25]]> : tensor<3x4xf32>
  %pairs_shape = onnx.Constant dense<[1, 2, 3, 2, 2]> : tensor<5xi64>
  %back = onnx.Constant dense<[1, 2, 3, 4]> : tensor<4xi64>
  %pairs = onnx.Reshape %x, %pairs_shape : (tensor<1x2x3x4xf32>, tensor<5xi64>) -> tensor<1x2x3x2x2xf32>
  %none = onnx.NoValue
  %even, %odd = onnx.Split %pairs, %none {axis = 4 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x2x2xf32>, none) -> (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>)
  %neg = onnx.Neg %odd : (tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x1xf32>
  // expected-remark @+1 {{not raised to attn.rope: cannot prove that the cos values repeat each entry for both pair members (c[2m] == c[2m + 1])}}
  %rot_pairs = onnx.Concat %neg, %even {axis = -1 : si64} : (tensor<1x2x3x2x1xf32>, tensor<1x2x3x2x1xf32>) -> tensor<1x2x3x2x2xf32>
  %rot = onnx.Reshape %rot_pairs, %back : (tensor<1x2x3x2x2xf32>, tensor<4xi64>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// Halves of 1 and 3 channels are not the halves of a rotation.
// CHECK-LABEL: func.func @unequal_halves
// CHECK-NOT: attn.rope
// CHECK: return
func.func @unequal_halves(%x: tensor<1x2x3x4xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %zero = onnx.Constant dense<0> : tensor<1xi64>
  %one = onnx.Constant dense<1> : tensor<1xi64>
  %four = onnx.Constant dense<4> : tensor<1xi64>
  %last = onnx.Constant dense<-1> : tensor<1xi64>
  %none = onnx.NoValue
  %x1 = onnx.Slice %x, %zero, %one, %last, %none : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x1xf32>
  %x2 = onnx.Slice %x, %one, %four, %last, %none : (tensor<1x2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, none) -> tensor<1x2x3x3xf32>
  %neg = onnx.Neg %x2 : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  // expected-remark @+1 {{not raised to attn.rope: the rotate_half is not Concat(Neg(x2), x1) of the upper and lower halves x2, x1 of one channel range}}
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x3xf32>, tensor<1x2x3x1xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// Both halves negated is no rotation.
// CHECK-LABEL: func.func @both_halves_negated
// CHECK-NOT: attn.rope
// CHECK: return
func.func @both_halves_negated(%x: tensor<1x2x3x4xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg2 = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  %neg1 = onnx.Neg %x1 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  // expected-remark @+1 {{not raised to attn.rope: the rotate_half negates both halves (expected Concat(Neg(x2), x1))}}
  %rot = onnx.Concat %neg2, %neg1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// The Neg on the wrong half: Concat(Neg(x1), x2) is not a rotation of
// (x1, x2).
// CHECK-LABEL: func.func @negated_lower_half_first
// CHECK-NOT: attn.rope
// CHECK: return
func.func @negated_lower_half_first(%x: tensor<1x2x3x4xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg = onnx.Neg %x1 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  // expected-remark @+1 {{not raised to attn.rope: the rotate_half is not Concat(Neg(x2), x1) of the upper and lower halves x2, x1 of one channel range}}
  %rot = onnx.Concat %neg, %x2 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// x * cos of another tensor than the one rotated.
// CHECK-LABEL: func.func @cos_times_other_tensor
// CHECK-NOT: attn.rope
// CHECK: return
func.func @cos_times_other_tensor(%x: tensor<1x2x3x4xf32>, %other: tensor<1x2x3x4xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  // expected-remark @+1 {{not raised to attn.rope: the value multiplied by cos is not the channels the rotation rotates}}
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %other, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// cos and sin that differ per head and per token are not attn.rope tables.
// CHECK-LABEL: func.func @tables_per_head
// CHECK-NOT: attn.rope
// CHECK: return
func.func @tables_per_head(%x: tensor<1x2x3x4xf32>, %c: tensor<1x2x3x2xf32>, %s: tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Concat %c, %c {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %sin = onnx.Concat %s, %s {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  // expected-remark @+1 {{not raised to attn.rope: cos and sin vary along both dims 1 and 2, not per token}}
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Add %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// A rotate_half whose product is subtracted, not added.
// CHECK-LABEL: func.func @rotation_subtracted
// CHECK-NOT: attn.rope
// CHECK: return
func.func @rotation_subtracted(%x: tensor<1x2x3x4xf32>, %c: tensor<3x2xf32>, %s: tensor<3x2xf32>) -> tensor<1x2x3x4xf32> {
  %cos = onnx.Concat %c, %c {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %sin = onnx.Concat %s, %s {axis = 1 : si64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %none = onnx.NoValue
  %x1, %x2 = onnx.Split %x, %none {axis = -1 : si64, num_outputs = 2 : si64} : (tensor<1x2x3x4xf32>, none) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %neg = onnx.Neg %x2 : (tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32>
  // expected-remark @+1 {{not raised to attn.rope: the rotation is not multiplied by sin and added to x * cos}}
  %rot = onnx.Concat %neg, %x1 {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %xc = onnx.Mul %x, %cos : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %rs = onnx.Mul %rot, %sin : (tensor<1x2x3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x4xf32>
  %y = onnx.Sub %xc, %rs : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}
