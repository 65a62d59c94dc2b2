// attn-raise-mla on the expanded form of multi-head latent attention (after
// attn-raise-attention has made the core an attn.attention): raised to
// attn.mla when K = [Split(per-head view of latent @ kv_b_proj) ; shared
// k_pe expanded] and V is the other piece of that Split; each near-miss is
// left alone with a remark naming the condition that failed.
// RUN: attnc-opt %s -split-input-file --attn-raise-mla | FileCheck %s
// RUN: attnc-opt %s -split-input-file --attn-raise-mla="remarks=true" -verify-diagnostics >/dev/null

// Prefill (3 rows), the DeepseekV3 spelling: H 2, Dc 4, Dn 2, Dr 2, Dv 2,
// kv_b_proj W[c, j] = 8c + j, so w_uk[h, c] = W[c, 4h : 4h + 2] and
// w_uv[h, c] = W[c, 4h + 2 : 4h + 4]. The query's Concat cuts at Dn and is
// read directly; k_pe is viewed B x T x Dr; expanded form.
// CHECK-LABEL: func.func @prefill
// CHECK-SAME: (%[[QN:[^:]+]]: tensor<1x2x3x2xf32>, %[[QR:[^:]+]]: tensor<1x2x3x2xf32>, %[[C:[^:]+]]: tensor<1x3x4xf32>, %[[KPE:[^:]+]]: tensor<1x1x3x2xf32>)
// CHECK-DAG: %[[WUK:.+]] = onnx.Constant dense<{{\[}}{{\[}}[0.000000e+00, 1.000000e+00], [8.000000e+00, 9.000000e+00], [1.600000e+01, 1.700000e+01], [2.400000e+01, 2.500000e+01]], {{\[}}[4.000000e+00, 5.000000e+00], [1.200000e+01, 1.300000e+01], [2.000000e+01, 2.100000e+01], [2.800000e+01, 2.900000e+01]]]> : tensor<2x4x2xf32>
// CHECK-DAG: %[[WUV:.+]] = onnx.Constant dense<{{\[}}{{\[}}[2.000000e+00, 3.000000e+00], [1.000000e+01, 1.100000e+01], [1.800000e+01, 1.900000e+01], [2.600000e+01, 2.700000e+01]], {{\[}}[6.000000e+00, 7.000000e+00], [1.400000e+01, 1.500000e+01], [2.200000e+01, 2.300000e+01], [3.000000e+01, 3.100000e+01]]]> : tensor<2x4x2xf32>
// CHECK-DAG: %[[KR:.+]] = onnx.Reshape %[[KPE]], %{{.+}} : (tensor<1x1x3x2xf32>, tensor<3xi64>) -> tensor<1x3x2xf32>
// CHECK: %[[O:.+]] = attn.mla %[[QN]], %[[QR]], %[[C]], %[[KR]], %[[WUK]], %[[WUV]] {causal, scale = 5.000000e-01 : f64} : tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>, tensor<1x3x4xf32>, tensor<1x3x2xf32>, tensor<2x4x2xf32>, tensor<2x4x2xf32> -> tensor<1x2x3x2xf32>
// CHECK-NOT: attn.attention
// CHECK: return %[[O]]
func.func @prefill(%qn: tensor<1x2x3x2xf32>, %qr: tensor<1x2x3x2xf32>, %c: tensor<1x3x4xf32>, %kpe: tensor<1x1x3x2xf32>) -> tensor<1x2x3x2xf32> {
  %w = onnx.Constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0], [24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0]]> : tensor<4x8xf32>
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %shape = onnx.Constant dense<[1, 3, 2, 4]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kn, %v = onnx.Split %heads, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %eshape = onnx.Constant dense<[1, 2, 3, 2]> : tensor<4xi64>
  %kr = onnx.Expand %kpe, %eshape : (tensor<1x1x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x2xf32>
  %q = onnx.Concat %qn, %qr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %o = attn.attention %q, %k, %v {causal, scale = 0.5 : f64} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// Decode (one row over T = 4 cached latents), absorbed form. The Split
// gives v first, then k_nope (offsets 0 and 2 of each head's block); k_pe is
// DeepSeek's B x T x Dr cache viewed as one head, read without the view; the
// query (one tensor) is sliced at Dn; the default scale 1/sqrt(Dn + Dr).
// CHECK-LABEL: func.func @decode
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x2x1x4xf32>, %[[C:[^:]+]]: tensor<1x4x4xf32>, %[[KPE:[^:]+]]: tensor<1x4x2xf32>)
// CHECK-DAG: %[[WUK:.+]] = onnx.Constant dense<{{\[}}{{\[}}[2.000000e+00, 3.000000e+00], [1.000000e+01, 1.100000e+01], {{.*}}]]]> : tensor<2x4x2xf32>
// CHECK-DAG: %[[WUV:.+]] = onnx.Constant dense<{{\[}}{{\[}}[0.000000e+00, 1.000000e+00], [8.000000e+00, 9.000000e+00], {{.*}}]]]> : tensor<2x4x2xf32>
// CHECK-DAG: %[[ZERO:.+]] = onnx.Constant dense<0> : tensor<1xi64>
// CHECK-DAG: %[[TWO:.+]] = onnx.Constant dense<2> : tensor<1xi64>
// CHECK-DAG: %[[FOUR:.+]] = onnx.Constant dense<4> : tensor<1xi64>
// CHECK-DAG: %[[LAST:.+]] = onnx.Constant dense<-1> : tensor<1xi64>
// CHECK-DAG: %[[QN:.+]] = onnx.Slice %[[Q]], %[[ZERO]], %[[TWO]], %[[LAST]], %{{.+}} : {{.*}} -> tensor<1x2x1x2xf32>
// CHECK-DAG: %[[QR:.+]] = onnx.Slice %[[Q]], %[[TWO]], %[[FOUR]], %[[LAST]], %{{.+}} : {{.*}} -> tensor<1x2x1x2xf32>
// CHECK: %[[O:.+]] = attn.mla %[[QN]], %[[QR]], %[[C]], %[[KPE]], %[[WUK]], %[[WUV]] {form = #attn.mla_form<absorbed>, scale = 5.000000e-01 : f64}
// CHECK-NOT: attn.attention
// CHECK: return %[[O]]
func.func @decode(%q: tensor<1x2x1x4xf32>, %c: tensor<1x4x4xf32>, %kpe: tensor<1x4x2xf32>) -> tensor<1x2x1x2xf32> {
  %w = onnx.Constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0], [24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0]]> : tensor<4x8xf32>
  %kv = onnx.MatMul %c, %w : (tensor<1x4x4xf32>, tensor<4x8xf32>) -> tensor<1x4x8xf32>
  %shape = onnx.Constant dense<[1, 4, 2, 4]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x4x8xf32>, tensor<4xi64>) -> tensor<1x4x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %v, %kn = onnx.Split %heads, %sizes {axis = 3 : si64} : (tensor<1x2x4x4xf32>, tensor<2xi64>) -> (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>)
  %one = onnx.Constant dense<[1, 1, 4, 2]> : tensor<4xi64>
  %shared = onnx.Reshape %kpe, %one : (tensor<1x4x2xf32>, tensor<4xi64>) -> tensor<1x1x4x2xf32>
  %eshape = onnx.Constant dense<[1, 2, 4, 2]> : tensor<4xi64>
  %kr = onnx.Expand %shared, %eshape : (tensor<1x1x4x2xf32>, tensor<4xi64>) -> tensor<1x2x4x2xf32>
  %k = onnx.Concat %kn, %kr {axis = 3 : si64} : (tensor<1x2x4x2xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x4x4xf32>
  %o = attn.attention %q, %k, %v : tensor<1x2x1x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x2xf32> -> tensor<1x2x1x2xf32>
  return %o : tensor<1x2x1x2xf32>
}

// -----

// The query's own Concat cuts elsewhere (3 + 1 channels, K cuts 2 + 2): the
// scores are a sum over channels, so the query is sliced at K's cut and the
// block is still raised exactly.
// CHECK-LABEL: func.func @query_cut_elsewhere
// CHECK-SAME: (%[[QA:[^:]+]]: tensor<1x2x3x3xf32>, %[[QB:[^:]+]]: tensor<1x2x3x1xf32>
// CHECK: %[[Q:.+]] = onnx.Concat %[[QA]], %[[QB]]
// CHECK-DAG: %[[QN:.+]] = onnx.Slice %[[Q]], {{.*}} -> tensor<1x2x3x2xf32>
// CHECK-DAG: %[[QR:.+]] = onnx.Slice %[[Q]], {{.*}} -> tensor<1x2x3x2xf32>
// CHECK: attn.mla %[[QN]], %[[QR]], {{.*}} {causal, scale = 5.000000e-01 : f64}
// CHECK-NOT: attn.attention
func.func @query_cut_elsewhere(%qa: tensor<1x2x3x3xf32>, %qb: tensor<1x2x3x1xf32>, %c: tensor<1x3x4xf32>, %kpe: tensor<1x1x3x2xf32>) -> tensor<1x2x3x2xf32> {
  %w = onnx.Constant dense<0.25> : tensor<4x8xf32>
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %shape = onnx.Constant dense<[1, 3, 2, 4]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kn, %v = onnx.Split %heads, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %eshape = onnx.Constant dense<[1, 2, 3, 2]> : tensor<4xi64>
  %kr = onnx.Expand %kpe, %eshape : (tensor<1x1x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x2xf32>
  %q = onnx.Concat %qa, %qb {axis = -1 : si64} : (tensor<1x2x3x3xf32>, tensor<1x2x3x1xf32>) -> tensor<1x2x3x4xf32>
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %o = attn.attention %q, %k, %v {causal, scale = 0.5 : f64} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// Near-miss: the key's RoPE part has one vector per head (no Expand of a
// shared k_pe): not latent attention's cache.
// CHECK-LABEL: func.func @rope_per_head
// CHECK: attn.attention
// CHECK-NOT: attn.mla
func.func @rope_per_head(%q: tensor<1x2x3x4xf32>, %c: tensor<1x3x4xf32>, %kr: tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32> {
  %w = onnx.Constant dense<0.25> : tensor<4x8xf32>
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %shape = onnx.Constant dense<[1, 3, 2, 4]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kn, %v = onnx.Split %heads, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  // expected-remark @below {{not raised to attn.mla: the key's RoPE part is not one B x 1 x T x Dr head expanded to all heads (k_pe not shared across heads)}}
  %o = attn.attention %q, %k, %v {causal} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// Near-miss: K and V are expanded from two different latents.
// CHECK-LABEL: func.func @two_latents
// CHECK: attn.attention
// CHECK-NOT: attn.mla
func.func @two_latents(%q: tensor<1x2x3x4xf32>, %c: tensor<1x3x4xf32>, %c2: tensor<1x3x4xf32>, %kpe: tensor<1x1x3x2xf32>) -> tensor<1x2x3x2xf32> {
  %w = onnx.Constant dense<0.25> : tensor<4x8xf32>
  %shape = onnx.Constant dense<[1, 3, 2, 4]> : tensor<4xi64>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %kn, %unused = onnx.Split %heads, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %kv2 = onnx.MatMul %c2, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %view2 = onnx.Reshape %kv2, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads2 = onnx.Transpose %view2 {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %unused2, %v = onnx.Split %heads2, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %eshape = onnx.Constant dense<[1, 2, 3, 2]> : tensor<4xi64>
  %kr = onnx.Expand %kpe, %eshape : (tensor<1x1x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x2xf32>
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  // expected-remark @below {{not raised to attn.mla: k_nope and v are not pieces of one Split (K and V from different latents)}}
  %o = attn.attention %q, %k, %v {causal} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// Near-miss: kv_b_proj is a graph input, not a constant to slice.
// CHECK-LABEL: func.func @runtime_projection
// CHECK: attn.attention
// CHECK-NOT: attn.mla
func.func @runtime_projection(%q: tensor<1x2x3x4xf32>, %c: tensor<1x3x4xf32>, %w: tensor<4x8xf32>, %kpe: tensor<1x1x3x2xf32>) -> tensor<1x2x3x2xf32> {
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %shape = onnx.Constant dense<[1, 3, 2, 4]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kn, %v = onnx.Split %heads, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %eshape = onnx.Constant dense<[1, 2, 3, 2]> : tensor<4xi64>
  %kr = onnx.Expand %kpe, %eshape : (tensor<1x1x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x2xf32>
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  // expected-remark @below {{not raised to attn.mla: kv_b_proj is not a constant}}
  %o = attn.attention %q, %k, %v {causal} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// Near-miss: K and V split the expanded latent by heads (heads 0-1 keys,
// 2-3 values) instead of by channels within each head.
// CHECK-LABEL: func.func @split_by_heads
// CHECK: attn.attention
// CHECK-NOT: attn.mla
func.func @split_by_heads(%q: tensor<1x2x3x4xf32>, %c: tensor<1x3x4xf32>, %kpe: tensor<1x1x3x2xf32>) -> tensor<1x2x3x2xf32> {
  %w = onnx.Constant dense<0.25> : tensor<4x8xf32>
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %shape = onnx.Constant dense<[1, 3, 4, 2]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x4x2xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x4x2xf32>) -> tensor<1x4x3x2xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kn, %v = onnx.Split %heads, %sizes {axis = 1 : si64} : (tensor<1x4x3x2xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %eshape = onnx.Constant dense<[1, 2, 3, 2]> : tensor<4xi64>
  %kr = onnx.Expand %kpe, %eshape : (tensor<1x1x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x2xf32>
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  // expected-remark @below {{not raised to attn.mla: the Split of k_nope and v is not on the channel axis}}
  %o = attn.attention %q, %k, %v {causal} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// Near-miss: a mask operand, which attn.mla does not take.
// CHECK-LABEL: func.func @masked
// CHECK: attn.attention
// CHECK-NOT: attn.mla
func.func @masked(%q: tensor<1x2x3x4xf32>, %c: tensor<1x3x4xf32>, %kpe: tensor<1x1x3x2xf32>, %m: tensor<1x1x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = onnx.Constant dense<0.25> : tensor<4x8xf32>
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %shape = onnx.Constant dense<[1, 3, 2, 4]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kn, %v = onnx.Split %heads, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %eshape = onnx.Constant dense<[1, 2, 3, 2]> : tensor<4xi64>
  %kr = onnx.Expand %kpe, %eshape : (tensor<1x1x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x2xf32>
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  // expected-remark @below {{not raised to attn.mla: has a mask, sinks, kv_lengths, a softcap or a window, which attn.mla does not express}}
  %o = attn.attention %q, %k, %v mask(%m : tensor<1x1x3x3xf32>) : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// Ordinary attention (the key is not a Concat): untouched, no remark.
// CHECK-LABEL: func.func @plain
// CHECK: attn.attention
// CHECK-NOT: attn.mla
func.func @plain(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x3x4xf32>, %v: tensor<1x2x3x2xf32>) -> tensor<1x2x3x2xf32> {
  %o = attn.attention %q, %k, %v {causal} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}

// -----

// DSA on latent attention (DeepSeek V3.2): a sparse attention over the
// expanded keys and values is absorbed. The query becomes
// [q_nope W_uk^T ; q_rope] (W_uk^T folded into one H x Dn x Dc constant;
// 2 heads of 4 + 2), the key the latent cache
// [c_kv ; k_pe] as one head (4 + 2), the value the latent (4), and the
// output is projected by W_uv per head; the indices are kept.
// CHECK-LABEL: func.func @sparse_absorbed
// CHECK-SAME: (%[[QN:[^:]+]]: tensor<1x2x3x2xf32>, %[[QR:[^:]+]]: tensor<1x2x3x2xf32>, %[[C:[^:]+]]: tensor<1x3x4xf32>, %[[KPE:[^:]+]]: tensor<1x1x3x2xf32>, %[[IDX:[^:]+]]: tensor<1x3x2xi64>)
// CHECK-DAG: %[[WUKT:.+]] = onnx.Constant dense<{{\[}}{{\[}}[0.000000e+00, 8.000000e+00, 1.600000e+01, 2.400000e+01], [1.000000e+00, 9.000000e+00, 1.700000e+01, 2.500000e+01]], {{.*}}> : tensor<2x2x4xf32>
// CHECK-DAG: %[[WUV:.+]] = onnx.Constant dense<{{\[}}{{\[}}[2.000000e+00, 3.000000e+00], {{.*}}> : tensor<2x4x2xf32>
// CHECK-DAG: %[[KR:.+]] = onnx.Reshape %[[KPE]], %{{.+}} : (tensor<1x1x3x2xf32>, tensor<3xi64>) -> tensor<1x3x2xf32>
// CHECK: %[[QL:.+]] = onnx.MatMul %[[QN]], %[[WUKT]] : (tensor<1x2x3x2xf32>, tensor<2x2x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK: %[[Q:.+]] = onnx.Concat %[[QL]], %[[QR]] {axis = 3 : si64} : (tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x6xf32>
// CHECK: %[[CACHE:.+]] = onnx.Concat %[[C]], %[[KR]] {axis = 2 : si64} : (tensor<1x3x4xf32>, tensor<1x3x2xf32>) -> tensor<1x3x6xf32>
// CHECK: %[[K:.+]] = onnx.Unsqueeze %[[CACHE]], %{{.+}} : (tensor<1x3x6xf32>, tensor<1xi64>) -> tensor<1x1x3x6xf32>
// CHECK: %[[V:.+]] = onnx.Unsqueeze %[[C]], %{{.+}} : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<1x1x3x4xf32>
// CHECK: %[[O:.+]] = attn.sparse_attention %[[Q]], %[[K]], %[[V]], %[[IDX]] {scale = 5.000000e-01 : f64} : tensor<1x2x3x6xf32>, tensor<1x1x3x6xf32>, tensor<1x1x3x4xf32>, tensor<1x3x2xi64> -> tensor<1x2x3x4xf32>
// CHECK: %[[R:.+]] = onnx.MatMul %[[O]], %[[WUV]] : (tensor<1x2x3x4xf32>, tensor<2x4x2xf32>) -> tensor<1x2x3x2xf32>
// CHECK: return %[[R]]
func.func @sparse_absorbed(%qn: tensor<1x2x3x2xf32>, %qr: tensor<1x2x3x2xf32>, %c: tensor<1x3x4xf32>, %kpe: tensor<1x1x3x2xf32>, %idx: tensor<1x3x2xi64>) -> tensor<1x2x3x2xf32> {
  %w = onnx.Constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0], [24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0]]> : tensor<4x8xf32>
  %kv = onnx.MatMul %c, %w : (tensor<1x3x4xf32>, tensor<4x8xf32>) -> tensor<1x3x8xf32>
  %shape = onnx.Constant dense<[1, 3, 2, 4]> : tensor<4xi64>
  %view = onnx.Reshape %kv, %shape : (tensor<1x3x8xf32>, tensor<4xi64>) -> tensor<1x3x2x4xf32>
  %heads = onnx.Transpose %view {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x3x2x4xf32>) -> tensor<1x2x3x4xf32>
  %sizes = onnx.Constant dense<[2, 2]> : tensor<2xi64>
  %kn, %v = onnx.Split %heads, %sizes {axis = -1 : si64} : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>)
  %eshape = onnx.Constant dense<[1, 2, 3, 2]> : tensor<4xi64>
  %kr = onnx.Expand %kpe, %eshape : (tensor<1x1x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x2xf32>
  %q = onnx.Concat %qn, %qr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %k = onnx.Concat %kn, %kr {axis = -1 : si64} : (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32>
  %o = attn.sparse_attention %q, %k, %v, %idx {scale = 0.5 : f64} : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32>, tensor<1x3x2xi64> -> tensor<1x2x3x2xf32>
  return %o : tensor<1x2x3x2xf32>
}
