// attn-raise-linear-attention: the recurrent spelling of linear attention (an
// onnx.Scan over tokens carrying the state, as in ONNX LinearAttention's
// function body) becomes one attn.linear_attention when every piece of the
// step is the op's update rule; near-misses stay Scans with a remark.
// Slices are T x B x H x D; B = 1, T = 3, Hkv = 2, Dk = 4, Dv = 2.
// RUN: attnc-opt %s -split-input-file --attn-raise-linear-attention | FileCheck %s
// RUN: attnc-opt %s -split-input-file --attn-raise-linear-attention="remarks=true" -verify-diagnostics >/dev/null
// RUN: attnc-opt %s -split-input-file --attn-raise-linear-attention --attn-report=format=text | FileCheck %s --check-prefix=REPORT

// linear rule, scale 1/sqrt(Dk) as Reciprocal(Sqrt(4)) on the read-out; q enters the
// Scan through a Transpose of B x T x H x D, which composes with the op's layout.
// CHECK-LABEL: func.func @linear_token_major
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x3x2x4xf32>, %[[K:[^:]*]]: tensor<3x1x2x4xf32>, %[[V:[^:]*]]: tensor<3x1x2x2xf32>)
// CHECK-DAG: %[[QH:.*]] = onnx.Transpose %[[Q]] {perm = array<i64: 0, 2, 1, 3>}
// CHECK-DAG: %[[KH:.*]] = onnx.Transpose %[[K]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK-DAG: %[[VH:.*]] = onnx.Transpose %[[V]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention %[[QH]], %[[KH]], %[[VH]] {rule = #attn.update_rule<linear>, scale = 5.000000e-01 : f64}
// CHECK-SAME: -> tensor<1x2x3x2xf32>, tensor<1x2x4x2xf32>
// CHECK: %[[OT:.*]] = onnx.Transpose %[[O]] {perm = array<i64: 2, 0, 1, 3>}
// CHECK-NOT: onnx.Scan
// CHECK: return %[[OT]], %[[S]]
// REPORT: attention blocks: 1
// REPORT-NEXT: name kind q_heads kv_heads head_dim v_head_dim
// REPORT-NEXT: linear_attention#0 linear 2 2 4 2 
// REPORT: state_bytes: 64
func.func @linear_token_major(%q: tensor<1x3x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %qt = onnx.Transpose %q {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x2x4xf32>) -> tensor<3x1x2x4xf32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  %r:2 = onnx.Scan %init, %qt, %k, %v {num_scan_inputs = 3 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %wrow = onnx.Unsqueeze %vs, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// gated rule, one log-decay per key channel: exp(decay) scales each key row of S.
// CHECK-LABEL: func.func @gated_per_channel
// CHECK-SAME: %[[D:[^:]*]]: tensor<3x1x2x4xf32>)
// CHECK-DAG: %[[DH:.*]] = onnx.Transpose %[[D]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention %{{.*}}, %{{.*}}, %{{.*}} decay(%[[DH]] : tensor<1x2x3x4xf32>) {rule = #attn.update_rule<gated>, scale = 5.000000e-01 : f64}
// CHECK: %[[OT:.*]] = onnx.Transpose %[[O]] {perm = array<i64: 2, 0, 1, 3>}
// CHECK-NOT: onnx.Scan
func.func @gated_per_channel(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %decay: tensor<3x1x2x4xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  %r:2 = onnx.Scan %init, %q, %k, %v, %decay {num_scan_inputs = 4 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x4xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %ds: tensor<1x2x4xf32>):
    %dexp = onnx.Exp %ds : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
    %dcol = onnx.Unsqueeze %dexp, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %wrow = onnx.Unsqueeze %vs, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// gated rule, one log-decay per KV head (last dim 1): the op's rank-3 decay.
// CHECK-LABEL: func.func @gated_per_head
// CHECK-SAME: %[[D:[^:]*]]: tensor<3x1x2x1xf32>)
// CHECK-DAG: %[[LAST:.*]] = onnx.Constant dense<3> : tensor<1xi64>
// CHECK-DAG: %[[DT:.*]] = onnx.Transpose %[[D]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK-DAG: %[[DH:.*]] = onnx.Squeeze %[[DT]], %[[LAST]] : (tensor<1x2x3x1xf32>, tensor<1xi64>) -> tensor<1x2x3xf32>
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention %{{.*}}, %{{.*}}, %{{.*}} decay(%[[DH]] : tensor<1x2x3xf32>) {rule = #attn.update_rule<gated>, scale = 5.000000e-01 : f64}
// CHECK: %[[OT:.*]] = onnx.Transpose %[[O]] {perm = array<i64: 2, 0, 1, 3>}
// CHECK-NOT: onnx.Scan
func.func @gated_per_head(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %decay: tensor<3x1x2x1xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  %r:2 = onnx.Scan %init, %q, %k, %v, %decay {num_scan_inputs = 4 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x1xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %ds: tensor<1x2x1xf32>):
    %dexp = onnx.Exp %ds : (tensor<1x2x1xf32>) -> tensor<1x2x1xf32>
    %dcol = onnx.Unsqueeze %dexp, %m1 : (tensor<1x2x1xf32>, tensor<1xi64>) -> tensor<1x2x1x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %wrow = onnx.Unsqueeze %vs, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// delta rule with the retrieval spelled k^T S, and the scale on q instead of
// the read-out.
// CHECK-LABEL: func.func @delta_k_row_retrieval
// CHECK-SAME: %[[BETA:[^:]*]]: tensor<3x1x2x1xf32>)
// CHECK-DAG: %[[BT:.*]] = onnx.Transpose %[[BETA]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK-DAG: %[[BH:.*]] = onnx.Squeeze %[[BT]]
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention %{{.*}}, %{{.*}}, %{{.*}} beta(%[[BH]] : tensor<1x2x3xf32>) {rule = #attn.update_rule<delta>, scale = 2.500000e-01 : f64}
// CHECK: %[[OT:.*]] = onnx.Transpose %[[O]] {perm = array<i64: 2, 0, 1, 3>}
// CHECK-NOT: onnx.Scan
func.func @delta_k_row_retrieval(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %beta: tensor<3x1x2x1xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  %r:2 = onnx.Scan %init, %q, %k, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x1xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %bs: tensor<1x2x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %krow = onnx.Unsqueeze %ks, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ret = onnx.MatMul %krow, %s : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %retsq = onnx.Squeeze %ret, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x2x1xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %half = onnx.Constant dense<2.500000e-01> : tensor<f32>
    %qsc = onnx.Mul %qs, %half : (tensor<1x2x4xf32>, tensor<f32>) -> tensor<1x2x4xf32>
    %qrow = onnx.Unsqueeze %qsc, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %rosq : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// gated_delta with GQA: the read-out repeats the state per query-head group
// (repeat_kv, h reads h / G); the initial state is the past state.
// CHECK-LABEL: func.func @gated_delta_gqa_past
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<3x1x4x4xf32>, %[[K:[^:]*]]: tensor<3x1x2x4xf32>, %[[V:[^:]*]]: tensor<3x1x2x2xf32>
// CHECK-SAME: %[[PAST:[^:]*]]: tensor<1x2x4x2xf32>)
// CHECK-DAG: %[[QH:.*]] = onnx.Transpose %[[Q]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK-DAG: %[[KH:.*]] = onnx.Transpose %[[K]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK-DAG: %[[VH:.*]] = onnx.Transpose %[[V]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention %[[QH]], %[[KH]], %[[VH]] state(%[[PAST]] : tensor<1x2x4x2xf32>) decay(%{{.*}} : tensor<1x2x3x4xf32>) beta(%{{.*}} : tensor<1x2x3xf32>) {scale = 5.000000e-01 : f64}
// CHECK-SAME: : tensor<1x4x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x4x3x2xf32>, tensor<1x2x4x2xf32>
// CHECK: %[[OT:.*]] = onnx.Transpose %[[O]] {perm = array<i64: 2, 0, 1, 3>}
// CHECK-NOT: onnx.Scan
// CHECK: return %[[OT]], %[[S]]
// REPORT: linear_attention#0 linear 4 2 4 2 yes - - no 0 (state 64)
func.func @gated_delta_gqa_past(%q: tensor<3x1x4x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %decay: tensor<3x1x2x4xf32>, %beta: tensor<3x1x2x1xf32>, %past: tensor<1x2x4x2xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %rep_shape = onnx.Constant dense<[1, 2, 2, 4, 2]> : tensor<5xi64>
  %read_shape = onnx.Constant dense<[1, 4, 4, 2]> : tensor<4xi64>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  %r:2 = onnx.Scan %past, %q, %k, %v, %decay, %beta {num_scan_inputs = 5 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x1xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %ds: tensor<1x2x4xf32>, %bs: tensor<1x2x1xf32>):
    %dexp = onnx.Exp %ds : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
    %dcol = onnx.Unsqueeze %dexp, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %st = onnx.Transpose %sd {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x2xf32>) -> tensor<1x2x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x2x2x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x2x2x1xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x2x1xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %un = onnx.Unsqueeze %next, %two : (tensor<1x2x4x2xf32>, tensor<1xi64>) -> tensor<1x2x1x4x2xf32>
    %ex = onnx.Expand %un, %rep_shape : (tensor<1x2x1x4x2xf32>, tensor<5xi64>) -> tensor<1x2x2x4x2xf32>
    %rd = onnx.Reshape %ex, %read_shape : (tensor<1x2x2x4x2xf32>, tensor<4xi64>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %rd : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// One beta per token shared by the KV heads (B x 1 x 1 slices): broadcast
// over the heads.
// CHECK-LABEL: func.func @gated_delta_mqa_shared_beta
// CHECK-SAME: %[[BETA:[^:]*]]: tensor<3x1x1x1xf32>)
// CHECK-DAG: %[[HEADS:.*]] = onnx.Constant dense<[1, 2, 1]> : tensor<3xi64>
// CHECK-DAG: %[[BT:.*]] = onnx.Transpose %[[BETA]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK-DAG: %[[BS:.*]] = onnx.Squeeze %[[BT]]
// CHECK-DAG: %[[BH:.*]] = onnx.Expand %[[BS]], %[[HEADS]] : (tensor<1x1x3xf32>, tensor<3xi64>) -> tensor<1x2x3xf32>
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention {{.*}} beta(%[[BH]] : tensor<1x2x3xf32>) {scale = 5.000000e-01 : f64}
// CHECK: %[[OT:.*]] = onnx.Transpose %[[O]] {perm = array<i64: 2, 0, 1, 3>}
// CHECK-NOT: onnx.Scan
func.func @gated_delta_mqa_shared_beta(%q: tensor<3x1x4x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %decay: tensor<3x1x2x4xf32>, %beta: tensor<3x1x1x1xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  %rep_shape = onnx.Constant dense<[1, 2, 2, 4, 2]> : tensor<5xi64>
  %read_shape = onnx.Constant dense<[1, 4, 4, 2]> : tensor<4xi64>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  %r:2 = onnx.Scan %init, %q, %k, %v, %decay, %beta {num_scan_inputs = 5 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x1x1xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %ds: tensor<1x2x4xf32>, %bs: tensor<1x1x1xf32>):
    %dexp = onnx.Exp %ds : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
    %dcol = onnx.Unsqueeze %dexp, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %st = onnx.Transpose %sd {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x2xf32>) -> tensor<1x2x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x2x2x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x2x2x1xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x1x1xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %un = onnx.Unsqueeze %next, %two : (tensor<1x2x4x2xf32>, tensor<1xi64>) -> tensor<1x2x1x4x2xf32>
    %ex = onnx.Expand %un, %rep_shape : (tensor<1x2x1x4x2xf32>, tensor<5xi64>) -> tensor<1x2x2x4x2xf32>
    %rd = onnx.Reshape %ex, %read_shape : (tensor<1x2x2x4x2xf32>, tensor<4xi64>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %rd : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// f16 slices widened exactly in the body and the read-out rounded back: the op
// runs in f16 (computing in f32) and its present_state replaces the Cast of
// the final f32 state.
// CHECK-LABEL: func.func @gated_delta_f16
// CHECK-SAME: %[[PAST:[^:]*]]: tensor<1x2x4x2xf16>)
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention {{.*}} state(%[[PAST]] : tensor<1x2x4x2xf16>) decay(%{{.*}} : tensor<1x2x3x4xf16>) beta(%{{.*}} : tensor<1x2x3xf16>) {scale = 5.000000e-01 : f64}
// CHECK-SAME: -> tensor<1x2x3x2xf16>, tensor<1x2x4x2xf16>
// CHECK: %[[OT:.*]] = onnx.Transpose %[[O]] {perm = array<i64: 2, 0, 1, 3>}
// CHECK-NOT: onnx.Scan
// CHECK-NOT: onnx.Cast
// CHECK: return %[[OT]], %[[S]]
func.func @gated_delta_f16(%q: tensor<3x1x2x4xf16>, %k: tensor<3x1x2x4xf16>, %v: tensor<3x1x2x2xf16>, %decay: tensor<3x1x2x4xf16>, %beta: tensor<3x1x2x1xf16>, %past: tensor<1x2x4x2xf16>) -> (tensor<3x1x2x2xf16>, tensor<1x2x4x2xf16>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Cast %past {to = 1 : si64} : (tensor<1x2x4x2xf16>) -> tensor<1x2x4x2xf32>
  %r:2 = onnx.Scan %init, %q, %k, %v, %decay, %beta {num_scan_inputs = 5 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf16>, tensor<3x1x2x4xf16>, tensor<3x1x2x2xf16>, tensor<3x1x2x4xf16>, tensor<3x1x2x1xf16>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf16>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf16>, %ks: tensor<1x2x4xf16>, %vs: tensor<1x2x2xf16>, %ds: tensor<1x2x4xf16>, %bs: tensor<1x2x1xf16>):
    %qsf = onnx.Cast %qs {to = 1 : si64} : (tensor<1x2x4xf16>) -> tensor<1x2x4xf32>
    %ksf = onnx.Cast %ks {to = 1 : si64} : (tensor<1x2x4xf16>) -> tensor<1x2x4xf32>
    %vsf = onnx.Cast %vs {to = 1 : si64} : (tensor<1x2x2xf16>) -> tensor<1x2x2xf32>
    %dsf = onnx.Cast %ds {to = 1 : si64} : (tensor<1x2x4xf16>) -> tensor<1x2x4xf32>
    %dexp = onnx.Exp %dsf : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
    %dcol = onnx.Unsqueeze %dexp, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ksf, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %bsf = onnx.Cast %bs {to = 1 : si64} : (tensor<1x2x1xf16>) -> tensor<1x2x1xf32>
    %st = onnx.Transpose %sd {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x2xf32>) -> tensor<1x2x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x2x2x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x2x2x1xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %diff = onnx.Sub %vsf, %retsq : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %w = onnx.Mul %bsf, %diff : (tensor<1x2x1xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qsf, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %oc = onnx.CastLike %o, %qs : (tensor<1x2x2xf32>, tensor<1x2x4xf16>) -> tensor<1x2x2xf16>
    onnx.Yield %next, %oc : tensor<1x2x4x2xf32>, tensor<1x2x2xf16>
  }
  %fs = onnx.Cast %r#0 {to = 10 : si64} : (tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf16>
  return %r#1, %fs : tensor<3x1x2x2xf16>, tensor<1x2x4x2xf16>
}

// -----

// Near-misses stay Scans, with a remark naming what does not match.
// The state scaled by the decay itself (not exp(decay)).
// CHECK-LABEL: func.func @decay_not_exponentiated
// CHECK: onnx.Scan
// CHECK-NOT: attn.linear_attention
// REPORT: attention blocks: 0
func.func @decay_not_exponentiated(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %decay: tensor<3x1x2x4xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  // expected-remark @+1 {{not raised to attn.linear_attention: the state is multiplied by the decay itself, but attn.linear_attention's decay is log-space}}
  %r:2 = onnx.Scan %init, %q, %k, %v, %decay {num_scan_inputs = 4 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x4xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %ds: tensor<1x2x4xf32>):
    %dcol = onnx.Unsqueeze %ds, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %wrow = onnx.Unsqueeze %vs, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// gated_delta retrieving S^T k from the state before the decay.
// CHECK-LABEL: func.func @retrieval_before_decay
// CHECK: onnx.Scan
// CHECK-NOT: attn.linear_attention
func.func @retrieval_before_decay(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %decay: tensor<3x1x2x4xf32>, %beta: tensor<3x1x2x1xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  // expected-remark @+1 {{not raised to attn.linear_attention: the delta's retrieval reads the state before the decay, but attn.linear_attention decays first}}
  %r:2 = onnx.Scan %init, %q, %k, %v, %decay, %beta {num_scan_inputs = 5 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x1xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %ds: tensor<1x2x4xf32>, %bs: tensor<1x2x1xf32>):
    %dexp = onnx.Exp %ds : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
    %dcol = onnx.Unsqueeze %dexp, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x2xf32>) -> tensor<1x2x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x2x2x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x2x2x1xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x2x1xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// The read-out reads the state before this token's update.
// CHECK-LABEL: func.func @reads_old_state
// CHECK: onnx.Scan
// CHECK-NOT: attn.linear_attention
func.func @reads_old_state(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %decay: tensor<3x1x2x1xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  // expected-remark @+1 {{not raised to attn.linear_attention: the output reads the state before this token's update}}
  %r:2 = onnx.Scan %init, %q, %k, %v, %decay {num_scan_inputs = 4 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x1xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %ds: tensor<1x2x1xf32>):
    %dexp = onnx.Exp %ds : (tensor<1x2x1xf32>) -> tensor<1x2x1xf32>
    %dcol = onnx.Unsqueeze %dexp, %m1 : (tensor<1x2x1xf32>, tensor<1xi64>) -> tensor<1x2x1x1xf32>
    %sd = onnx.Mul %s, %dcol : (tensor<1x2x4x2xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x4x2xf32>
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %wrow = onnx.Unsqueeze %vs, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %sd, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %s : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// The state heads tiled for the read-out (Concat on the head axis: h % Hkv).
// CHECK-LABEL: func.func @heads_tiled
// CHECK: onnx.Scan
// CHECK-NOT: attn.linear_attention
func.func @heads_tiled(%q: tensor<3x1x4x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  %rep_shape = onnx.Constant dense<[1, 2, 2, 4, 2]> : tensor<5xi64>
  %read_shape = onnx.Constant dense<[1, 4, 4, 2]> : tensor<4xi64>
  %two = onnx.Constant dense<2> : tensor<1xi64>
  // expected-remark @+1 {{not raised to attn.linear_attention: the output reads the state heads tiled}}
  %r:2 = onnx.Scan %init, %q, %k, %v {num_scan_inputs = 3 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %wrow = onnx.Unsqueeze %vs, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %rd = onnx.Concat %next, %next {axis = 1 : si64} : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %rd : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// The delta subtracted the wrong way round.
// CHECK-LABEL: func.func @delta_reversed
// CHECK: onnx.Scan
// CHECK-NOT: attn.linear_attention
func.func @delta_reversed(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %beta: tensor<3x1x2x1xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  // expected-remark @+1 {{not raised to attn.linear_attention: the delta is S^T k_t - v_t, not v_t - S^T k_t}}
  %r:2 = onnx.Scan %init, %q, %k, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x1xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %bs: tensor<1x2x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x2xf32>) -> tensor<1x2x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x2x2x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x2x2x1xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %diff = onnx.Sub %retsq, %vs : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x2x1xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// beta scaling each value channel.
// CHECK-LABEL: func.func @beta_per_value_channel
// CHECK: onnx.Scan
// CHECK-NOT: attn.linear_attention
func.func @beta_per_value_channel(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>, %beta: tensor<3x1x2x2xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  // expected-remark @+1 {{not raised to attn.linear_attention: beta is not one value per KV head and token}}
  %r:2 = onnx.Scan %init, %q, %k, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x2xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>, %bs: tensor<1x2x2xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x2xf32>) -> tensor<1x2x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x2x2x4xf32>, tensor<1x2x4x1xf32>) -> tensor<1x2x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x2x2x1xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// A Scan that reads a scan input in reverse.
// CHECK-LABEL: func.func @reverse_scan
// CHECK: onnx.Scan
// CHECK-NOT: attn.linear_attention
func.func @reverse_scan(%q: tensor<3x1x2x4xf32>, %k: tensor<3x1x2x4xf32>, %v: tensor<3x1x2x2xf32>) -> (tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>) {
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %dk = onnx.Constant dense<4.0> : tensor<f32>
  %sqrt = onnx.Sqrt %dk : (tensor<f32>) -> tensor<f32>
  %scale = onnx.Reciprocal %sqrt : (tensor<f32>) -> tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x2x4x2xf32>
  // expected-remark @+1 {{not raised to attn.linear_attention: it scans in reverse}}
  %r:2 = onnx.Scan %init, %q, %k, %v {num_scan_inputs = 3 : si64, scan_input_directions = array<i64: 0, 1, 0>} : (tensor<1x2x4x2xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x4xf32>, tensor<3x1x2x2xf32>) -> (tensor<1x2x4x2xf32>, tensor<3x1x2x2xf32>) {
  ^bb0(%s: tensor<1x2x4x2xf32>, %qs: tensor<1x2x4xf32>, %ks: tensor<1x2x4xf32>, %vs: tensor<1x2x2xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x4x1xf32>
    %wrow = onnx.Unsqueeze %vs, %m2 : (tensor<1x2x2xf32>, tensor<1xi64>) -> tensor<1x2x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x2x4x1xf32>, tensor<1x2x1x2xf32>) -> tensor<1x2x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x2x4xf32>, tensor<1xi64>) -> tensor<1x2x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x2x1x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x2x1x2xf32>, tensor<1xi64>) -> tensor<1x2x2xf32>
    %o = onnx.Mul %scale, %rosq : (tensor<f32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    onnx.Yield %next, %o : tensor<1x2x4x2xf32>, tensor<1x2x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x2x2xf32>, tensor<1x2x4x2xf32>
}

// -----

// Inverse GQA (Qwen3-Next): q and k (B x T x Hk x D, Hk = 2) repeated to the
// Hv = 4 value heads by HF's repeat_interleave (Unsqueeze after the head axis,
// Expand, Reshape) before the Scan. The op reads them unrepeated: state head
// h reads key head h / 2, output head h query head h / 2.
// CHECK-LABEL: func.func @inverse_gqa_qk_repeated
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x3x2x4xf32>, %[[K:[^:]*]]: tensor<1x3x2x4xf32>, %[[V:[^:]*]]: tensor<3x1x4x2xf32>
// The repetitions die with the Scan.
// CHECK-NOT: onnx.Expand
// CHECK-DAG: %[[QH:.*]] = onnx.Transpose %[[Q]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK-DAG: %[[KH:.*]] = onnx.Transpose %[[K]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK-DAG: %[[VH:.*]] = onnx.Transpose %[[V]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention %[[QH]], %[[KH]], %[[VH]] beta(%{{.*}} : tensor<1x4x3xf32>) {rule = #attn.update_rule<delta>, scale = 5.000000e-01 : f64}
// CHECK-SAME: : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x4x3x2xf32> -> tensor<1x4x3x2xf32>, tensor<1x4x4x2xf32>
// CHECK-NOT: onnx.Scan
// CHECK: return
// REPORT: linear_attention#0 linear 4 4 4 2 yes - - no 0 (state 128)
func.func @inverse_gqa_qk_repeated(%q: tensor<1x3x2x4xf32>, %k: tensor<1x3x2x4xf32>, %v: tensor<3x1x4x2xf32>, %beta: tensor<3x1x4x1xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>) {
  %qr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %qr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %qr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %qr_un = onnx.Unsqueeze %q, %qr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x2x1x4xf32>
  %qr_ex = onnx.Expand %qr_un, %qr_es : (tensor<1x3x2x1x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %qr_rep = onnx.Reshape %qr_ex, %qr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %qs_in = onnx.Transpose %qr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %kr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %kr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %kr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %kr_un = onnx.Unsqueeze %k, %kr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x2x1x4xf32>
  %kr_ex = onnx.Expand %kr_un, %kr_es : (tensor<1x3x2x1x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %kr_rep = onnx.Reshape %kr_ex, %kr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %ks_in = onnx.Transpose %kr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %half = onnx.Constant dense<5.000000e-01> : tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x4x4x2xf32>
  %r:2 = onnx.Scan %init, %qs_in, %ks_in, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x4x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x2xf32>, tensor<3x1x4x1xf32>) -> (tensor<1x4x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x4x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x4x4xf32>, %vs: tensor<1x4x2xf32>, %bs: tensor<1x4x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x4x2x4xf32>, tensor<1x4x4x1xf32>) -> tensor<1x4x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x4x2x1xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x4x2xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x4x1xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x4x2xf32>, tensor<1xi64>) -> tensor<1x4x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x4x4x1xf32>, tensor<1x4x1x2xf32>) -> tensor<1x4x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %half, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x4x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>
}

// -----

// Only k repeated (q has one head per value head): the op reads k
// unrepeated, GQA over the state heads in reverse (Hq = Hv = 4, Hk = 2).
// CHECK-LABEL: func.func @inverse_gqa_k_repeated
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<3x1x4x4xf32>, %[[K:[^:]*]]: tensor<1x3x2x4xf32>
// CHECK-DAG: %[[QH:.*]] = onnx.Transpose %[[Q]] {perm = array<i64: 1, 2, 0, 3>}
// CHECK-DAG: %[[KH:.*]] = onnx.Transpose %[[K]] {perm = array<i64: 0, 2, 1, 3>}
// CHECK: attn.linear_attention %[[QH]], %[[KH]], %{{[^ ]+}} beta(
// CHECK-SAME: : tensor<1x4x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x4x3x2xf32> -> tensor<1x4x3x2xf32>, tensor<1x4x4x2xf32>
// CHECK-NOT: onnx.Scan
func.func @inverse_gqa_k_repeated(%q: tensor<3x1x4x4xf32>, %k: tensor<1x3x2x4xf32>, %v: tensor<3x1x4x2xf32>, %beta: tensor<3x1x4x1xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>) {
  %kr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %kr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %kr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %kr_un = onnx.Unsqueeze %k, %kr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x2x1x4xf32>
  %kr_ex = onnx.Expand %kr_un, %kr_es : (tensor<1x3x2x1x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %kr_rep = onnx.Reshape %kr_ex, %kr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %ks_in = onnx.Transpose %kr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %half = onnx.Constant dense<5.000000e-01> : tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x4x4x2xf32>
  %r:2 = onnx.Scan %init, %q, %ks_in, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x4x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x2xf32>, tensor<3x1x4x1xf32>) -> (tensor<1x4x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x4x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x4x4xf32>, %vs: tensor<1x4x2xf32>, %bs: tensor<1x4x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x4x2x4xf32>, tensor<1x4x4x1xf32>) -> tensor<1x4x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x4x2x1xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x4x2xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x4x1xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x4x2xf32>, tensor<1xi64>) -> tensor<1x4x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x4x4x1xf32>, tensor<1x4x1x2xf32>) -> tensor<1x4x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %half, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x4x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>
}

// -----

// Near-miss: q repeated from one head, k from two. Raised over the repeated
// q and k (4 heads each), with a remark.
// CHECK-LABEL: func.func @qk_repeated_differently
// CHECK: %[[QREP:.*]] = onnx.Reshape {{.*}} -> tensor<1x3x4x4xf32>
// CHECK: %[[KREP:.*]] = onnx.Reshape {{.*}} -> tensor<1x3x4x4xf32>
// CHECK-DAG: %[[QH:.*]] = onnx.Transpose %[[QREP]] {perm = array<i64: 0, 2, 1, 3>}
// CHECK-DAG: %[[KH:.*]] = onnx.Transpose %[[KREP]] {perm = array<i64: 0, 2, 1, 3>}
// CHECK: attn.linear_attention %[[QH]], %[[KH]], %{{[^ ]+}} beta(
// CHECK-SAME: : tensor<1x4x3x4xf32>, tensor<1x4x3x4xf32>, tensor<1x4x3x2xf32> -> tensor<1x4x3x2xf32>, tensor<1x4x4x2xf32>
func.func @qk_repeated_differently(%q: tensor<1x3x1x4xf32>, %k: tensor<1x3x2x4xf32>, %v: tensor<3x1x4x2xf32>, %beta: tensor<3x1x4x1xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>) {
  %qr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %qr_es = onnx.Constant dense<[1, 3, 1, 4, 4]> : tensor<5xi64>
  %qr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %qr_un = onnx.Unsqueeze %q, %qr_ax : (tensor<1x3x1x4xf32>, tensor<1xi64>) -> tensor<1x3x1x1x4xf32>
  %qr_ex = onnx.Expand %qr_un, %qr_es : (tensor<1x3x1x1x4xf32>, tensor<5xi64>) -> tensor<1x3x1x4x4xf32>
  %qr_rep = onnx.Reshape %qr_ex, %qr_rs : (tensor<1x3x1x4x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %qs_in = onnx.Transpose %qr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %kr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %kr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %kr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %kr_un = onnx.Unsqueeze %k, %kr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x2x1x4xf32>
  %kr_ex = onnx.Expand %kr_un, %kr_es : (tensor<1x3x2x1x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %kr_rep = onnx.Reshape %kr_ex, %kr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %ks_in = onnx.Transpose %kr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %half = onnx.Constant dense<5.000000e-01> : tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x4x4x2xf32>
  // expected-remark @+1 {{q and k heads are repeated differently (q by Unsqueeze + Expand on axis 3 + Reshape from 1 to 4 heads, k by Unsqueeze + Expand on axis 3 + Reshape from 2 to 4): attn.linear_attention reads the repeated heads}}
  %r:2 = onnx.Scan %init, %qs_in, %ks_in, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x4x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x2xf32>, tensor<3x1x4x1xf32>) -> (tensor<1x4x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x4x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x4x4xf32>, %vs: tensor<1x4x2xf32>, %bs: tensor<1x4x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x4x2x4xf32>, tensor<1x4x4x1xf32>) -> tensor<1x4x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x4x2x1xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x4x2xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x4x1xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x4x2xf32>, tensor<1xi64>) -> tensor<1x4x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x4x4x1xf32>, tensor<1x4x1x2xf32>) -> tensor<1x4x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %half, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x4x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>
}

// -----

// Near-miss: k tiled (Unsqueeze before the head axis: state head h reads key
// head h % 2), q grouped. Both stay repeated.
// CHECK-LABEL: func.func @k_heads_tiled
// CHECK: attn.linear_attention
// CHECK-SAME: : tensor<1x4x3x4xf32>, tensor<1x4x3x4xf32>, tensor<1x4x3x2xf32> -> tensor<1x4x3x2xf32>, tensor<1x4x4x2xf32>
func.func @k_heads_tiled(%q: tensor<1x3x2x4xf32>, %k: tensor<1x3x2x4xf32>, %v: tensor<3x1x4x2xf32>, %beta: tensor<3x1x4x1xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>) {
  %qr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %qr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %qr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %qr_un = onnx.Unsqueeze %q, %qr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x2x1x4xf32>
  %qr_ex = onnx.Expand %qr_un, %qr_es : (tensor<1x3x2x1x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %qr_rep = onnx.Reshape %qr_ex, %qr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %qs_in = onnx.Transpose %qr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %kr_ax = onnx.Constant dense<2> : tensor<1xi64>
  %kr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %kr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %kr_un = onnx.Unsqueeze %k, %kr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x1x2x4xf32>
  %kr_ex = onnx.Expand %kr_un, %kr_es : (tensor<1x3x1x2x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %kr_rep = onnx.Reshape %kr_ex, %kr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %ks_in = onnx.Transpose %kr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %half = onnx.Constant dense<5.000000e-01> : tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x4x4x2xf32>
  // expected-remark @+1 {{k heads are repeated by Unsqueeze + Expand on axis 2 + Reshape, which gives state head h the key head h % Hk, not attn.linear_attention's h / (Hv / Hk): attn.linear_attention reads the repeated heads}}
  %r:2 = onnx.Scan %init, %qs_in, %ks_in, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x4x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x2xf32>, tensor<3x1x4x1xf32>) -> (tensor<1x4x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x4x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x4x4xf32>, %vs: tensor<1x4x2xf32>, %bs: tensor<1x4x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x4x2x4xf32>, tensor<1x4x4x1xf32>) -> tensor<1x4x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x4x2x1xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x4x2xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x4x1xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x4x2xf32>, tensor<1xi64>) -> tensor<1x4x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x4x4x1xf32>, tensor<1x4x1x2xf32>) -> tensor<1x4x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %half, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x4x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>
}

// -----

// Near-miss: only q repeated; k already has the 4 value heads.
// CHECK-LABEL: func.func @only_q_repeated
// CHECK: attn.linear_attention
// CHECK-SAME: : tensor<1x4x3x4xf32>, tensor<1x4x3x4xf32>, tensor<1x4x3x2xf32> -> tensor<1x4x3x2xf32>, tensor<1x4x4x2xf32>
func.func @only_q_repeated(%q: tensor<1x3x2x4xf32>, %k: tensor<3x1x4x4xf32>, %v: tensor<3x1x4x2xf32>, %beta: tensor<3x1x4x1xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>) {
  %qr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %qr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %qr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %qr_un = onnx.Unsqueeze %q, %qr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x2x1x4xf32>
  %qr_ex = onnx.Expand %qr_un, %qr_es : (tensor<1x3x2x1x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %qr_rep = onnx.Reshape %qr_ex, %qr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %qs_in = onnx.Transpose %qr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %half = onnx.Constant dense<5.000000e-01> : tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x4x4x2xf32>
  // expected-remark @+1 {{only q heads are repeated (by Unsqueeze + Expand on axis 3 + Reshape), not k's: attn.linear_attention reads the repeated heads}}
  %r:2 = onnx.Scan %init, %qs_in, %k, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x4x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x2xf32>, tensor<3x1x4x1xf32>) -> (tensor<1x4x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x4x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x4x4xf32>, %vs: tensor<1x4x2xf32>, %bs: tensor<1x4x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x4x2x4xf32>, tensor<1x4x4x1xf32>) -> tensor<1x4x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x4x2x1xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x4x2xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x4x1xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x4x2xf32>, tensor<1xi64>) -> tensor<1x4x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x4x4x1xf32>, tensor<1x4x1x2xf32>) -> tensor<1x4x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %half, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x4x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>
}

// -----

// Near-miss: k spelled like a repetition, but the Unsqueeze is not next to
// the head axis (dim 2 of B x T x H x D), so the Reshape interleaves tokens.
// CHECK-LABEL: func.func @k_repetition_not_exact
// CHECK: attn.linear_attention
// CHECK-SAME: : tensor<1x4x3x4xf32>, tensor<1x4x3x4xf32>, tensor<1x4x3x2xf32> -> tensor<1x4x3x2xf32>, tensor<1x4x4x2xf32>
func.func @k_repetition_not_exact(%q: tensor<1x3x2x4xf32>, %k: tensor<1x3x2x4xf32>, %v: tensor<3x1x4x2xf32>, %beta: tensor<3x1x4x1xf32>) -> (tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>) {
  %qr_ax = onnx.Constant dense<3> : tensor<1xi64>
  %qr_es = onnx.Constant dense<[1, 3, 2, 2, 4]> : tensor<5xi64>
  %qr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %qr_un = onnx.Unsqueeze %q, %qr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x3x2x1x4xf32>
  %qr_ex = onnx.Expand %qr_un, %qr_es : (tensor<1x3x2x1x4xf32>, tensor<5xi64>) -> tensor<1x3x2x2x4xf32>
  %qr_rep = onnx.Reshape %qr_ex, %qr_rs : (tensor<1x3x2x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %qs_in = onnx.Transpose %qr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %kr_ax = onnx.Constant dense<1> : tensor<1xi64>
  %kr_es = onnx.Constant dense<[1, 2, 3, 2, 4]> : tensor<5xi64>
  %kr_rs = onnx.Constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %kr_un = onnx.Unsqueeze %k, %kr_ax : (tensor<1x3x2x4xf32>, tensor<1xi64>) -> tensor<1x1x3x2x4xf32>
  %kr_ex = onnx.Expand %kr_un, %kr_es : (tensor<1x1x3x2x4xf32>, tensor<5xi64>) -> tensor<1x2x3x2x4xf32>
  %kr_rep = onnx.Reshape %kr_ex, %kr_rs : (tensor<1x2x3x2x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %ks_in = onnx.Transpose %kr_rep {perm = array<i64: 1, 0, 2, 3>} : (tensor<1x3x4x4xf32>) -> tensor<3x1x4x4xf32>
  %m1 = onnx.Constant dense<-1> : tensor<1xi64>
  %m2 = onnx.Constant dense<-2> : tensor<1xi64>
  %half = onnx.Constant dense<5.000000e-01> : tensor<f32>
  %init = onnx.Constant dense<0.000000e+00> : tensor<1x4x4x2xf32>
  // expected-remark @+1 {{k heads look repeated, but the Unsqueeze before the copies does not insert axis 2 or 3 (next to the head axis): attn.linear_attention reads the repeated heads}}
  %r:2 = onnx.Scan %init, %qs_in, %ks_in, %v, %beta {num_scan_inputs = 4 : si64} : (tensor<1x4x4x2xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x4xf32>, tensor<3x1x4x2xf32>, tensor<3x1x4x1xf32>) -> (tensor<1x4x4x2xf32>, tensor<3x1x4x2xf32>) {
  ^bb0(%s: tensor<1x4x4x2xf32>, %qs: tensor<1x4x4xf32>, %ks: tensor<1x4x4xf32>, %vs: tensor<1x4x2xf32>, %bs: tensor<1x4x1xf32>):
    %kcol = onnx.Unsqueeze %ks, %m1 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x4x1xf32>
    %st = onnx.Transpose %s {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x2x4xf32>
    %ret = onnx.MatMul %st, %kcol : (tensor<1x4x2x4xf32>, tensor<1x4x4x1xf32>) -> tensor<1x4x2x1xf32>
    %retsq = onnx.Squeeze %ret, %m1 : (tensor<1x4x2x1xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %diff = onnx.Sub %vs, %retsq : (tensor<1x4x2xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %w = onnx.Mul %bs, %diff : (tensor<1x4x1xf32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    %wrow = onnx.Unsqueeze %w, %m2 : (tensor<1x4x2xf32>, tensor<1xi64>) -> tensor<1x4x1x2xf32>
    %outer = onnx.MatMul %kcol, %wrow : (tensor<1x4x4x1xf32>, tensor<1x4x1x2xf32>) -> tensor<1x4x4x2xf32>
    %next = onnx.Add %s, %outer : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
    %qrow = onnx.Unsqueeze %qs, %m2 : (tensor<1x4x4xf32>, tensor<1xi64>) -> tensor<1x4x1x4xf32>
    %ro = onnx.MatMul %qrow, %next : (tensor<1x4x1x4xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x1x2xf32>
    %rosq = onnx.Squeeze %ro, %m2 : (tensor<1x4x1x2xf32>, tensor<1xi64>) -> tensor<1x4x2xf32>
    %o = onnx.Mul %half, %rosq : (tensor<f32>, tensor<1x4x2xf32>) -> tensor<1x4x2xf32>
    onnx.Yield %next, %o : tensor<1x4x4x2xf32>, tensor<1x4x2xf32>
  }
  return %r#1, %r#0 : tensor<3x1x4x2xf32>, tensor<1x4x4x2xf32>
}
