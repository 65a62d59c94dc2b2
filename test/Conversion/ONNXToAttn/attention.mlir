// RUN: attnc-opt %s -split-input-file --convert-onnx-to-attn -verify-diagnostics | FileCheck %s

// 4-D inputs without a past: top-left causal alignment (ONNX errata).
// CHECK-LABEL: func.func @attention_4d_causal
// CHECK-SAME: (%[[Q:.+]]: tensor<2x8x4x16xf32>, %[[K:.+]]: tensor<2x2x6x16xf32>, %[[V:.+]]: tensor<2x2x6x8xf32>)
func.func @attention_4d_causal(%q: tensor<2x8x4x16xf32>, %k: tensor<2x2x6x16xf32>, %v: tensor<2x2x6x8xf32>) -> tensor<2x8x4x8xf32> {
  %none = onnx.NoValue
  // CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]]
  // CHECK-SAME: alignment = #attn.alignment<top_left>
  // CHECK-SAME: causal
  // CHECK-SAME: scale = 1.250000e-01 : f64
  // CHECK-SAME: softcap = 2.000000e+00 : f64
  // CHECK-SAME: -> tensor<2x8x4x8xf32>
  // CHECK-NOT: onnx.Attention
  // CHECK: return %[[O]]
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %v, %none, %none, %none, %none)
      {is_causal = 1 : si64, scale = 0.125 : f32, softcap = 2.0 : f32}
      : (tensor<2x8x4x16xf32>, tensor<2x2x6x16xf32>, tensor<2x2x6x8xf32>, none, none, none, none)
      -> (tensor<2x8x4x8xf32>, tensor<2x2x6x16xf32>, tensor<2x2x6x8xf32>, tensor<2x8x4x6xf32>)
  return %y : tensor<2x8x4x8xf32>
}

// -----

// 3-D inputs split into heads and merge back; a past is concatenated, which
// makes the causal alignment bottom-right (the default, so not printed).
// CHECK-LABEL: func.func @attention_3d_past
func.func @attention_3d_past(%q: tensor<1x4x24xf32>, %k: tensor<1x4x12xf32>, %v: tensor<1x4x12xf32>,
                             %pk: tensor<1x3x5x4xf32>, %pv: tensor<1x3x5x4xf32>, %mask: tensor<4x9xi1>)
    -> (tensor<1x4x24xf32>, tensor<1x3x9x4xf32>) {
  %none = onnx.NoValue
  // CHECK: %[[QE:.+]] = tensor.expand_shape %{{.+}} {{\[\[}}0], [1], [2, 3]] output_shape [1, 4, 6, 4]
  // CHECK: %[[QT:.+]] = linalg.transpose ins(%[[QE]] : tensor<1x4x6x4xf32>) outs(%{{.+}} : tensor<1x6x4x4xf32>) permutation = [0, 2, 1, 3]
  // CHECK: %[[KC:.+]] = attn.kv_cache_append %{{.+}}, %{{.+}} : tensor<1x3x5x4xf32>, tensor<1x3x4x4xf32> -> tensor<1x3x9x4xf32>
  // CHECK: %[[VC:.+]] = attn.kv_cache_append
  // CHECK: %[[O:.+]] = attn.attention %[[QT]], %[[KC]], %[[VC]] mask(%{{.+}} : tensor<4x9xi1>) {causal}
  // CHECK: %[[OT:.+]] = linalg.transpose ins(%[[O]] : tensor<1x6x4x4xf32>)
  // CHECK: %[[Y:.+]] = tensor.collapse_shape %[[OT]] {{\[\[}}0], [1], [2, 3]] : tensor<1x4x6x4xf32> into tensor<1x4x24xf32>
  // CHECK: return %[[Y]], %[[KC]]
  %y, %pko, %pvo, %qk = "onnx.Attention"(%q, %k, %v, %mask, %pk, %pv, %none)
      {is_causal = 1 : si64, q_num_heads = 6 : si64, kv_num_heads = 3 : si64}
      : (tensor<1x4x24xf32>, tensor<1x4x12xf32>, tensor<1x4x12xf32>, tensor<4x9xi1>, tensor<1x3x5x4xf32>, tensor<1x3x5x4xf32>, none)
      -> (tensor<1x4x24xf32>, tensor<1x3x9x4xf32>, tensor<1x3x9x4xf32>, tensor<1x6x4x9xf32>)
  return %y, %pko : tensor<1x4x24xf32>, tensor<1x3x9x4xf32>
}

// -----

// Opset 24: a mask shorter than the keys is padded with -inf; nonpad lengths
// become kv_lengths (and bottom-right alignment).
// CHECK-LABEL: func.func @attention_short_mask_and_lengths
func.func @attention_short_mask_and_lengths(%q: tensor<2x2x3x8xf32>, %k: tensor<2x2x7x8xf32>,
                                            %mask: tensor<2x1x3x5xf32>, %lens: tensor<2xi64>) -> tensor<2x2x3x8xf32> {
  %none = onnx.NoValue
  // CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
  // CHECK: %[[PADDED:.+]] = tensor.pad %{{.+}} low[0, 0, 0, 0] high[0, 0, 0, 2]
  // CHECK: tensor.yield %[[NEGINF]]
  // CHECK: attn.attention {{.*}} mask(%[[PADDED]] : tensor<2x1x3x7xf32>) kv_lengths(%{{.+}} : tensor<2xi64>)
  // CHECK-NOT: alignment
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %k, %mask, %none, %none, %lens)
      : (tensor<2x2x3x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>, tensor<2x1x3x5xf32>, none, none, tensor<2xi64>)
      -> (tensor<2x2x3x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x3x7xf32>)
  return %y : tensor<2x2x3x8xf32>
}

// -----

// A past of 5 keys with 2 new keys for 3 queries: ONNX puts row i at key
// position i + 5, not bottom-right (i + 7 - 3), so causality becomes a
// top-left window reaching 5 keys to the right.
// CHECK-LABEL: func.func @attention_causal_past_uneven
func.func @attention_causal_past_uneven(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x2x4xf32>, %pk: tensor<1x2x5x4xf32>)
    -> tensor<1x2x3x4xf32> {
  %none = onnx.NoValue
  // CHECK: attn.attention
  // CHECK-SAME: alignment = #attn.alignment<top_left>
  // CHECK-NOT: causal
  // CHECK-SAME: window_right = 5 : i64
  %y, %pko, %pvo, %qk = "onnx.Attention"(%q, %k, %k, %none, %pk, %pk, %none)
      {is_causal = 1 : si64}
      : (tensor<1x2x3x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, none, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>, none)
      -> (tensor<1x2x3x4xf32>, tensor<1x2x7x4xf32>, tensor<1x2x7x4xf32>, tensor<1x2x3x7xf32>)
  return %y : tensor<1x2x3x4xf32>
}

// -----

// qk_matmul_output mode 0 (the default): scale * Q K^T beside the attention.
// GQA (4 query heads over 2 KV heads) reads KV head h floordiv 2 through the
// indexing map instead of repeating K; no softcap or mask is applied.
// CHECK-DAG: #[[QMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[KMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d3, d4)>
// CHECK-DAG: #[[SMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @qk_output_mode0_gqa
// CHECK-SAME: (%[[Q:.+]]: tensor<1x4x3x8xf32>, %[[K:.+]]: tensor<1x2x5x8xf32>, %[[V:.+]]: tensor<1x2x5x8xf32>)
func.func @qk_output_mode0_gqa(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x8xf32>)
    -> (tensor<1x4x3x8xf32>, tensor<1x4x3x5xf32>) {
  %none = onnx.NoValue
  // CHECK-DAG: %[[SCALE:.+]] = arith.constant 2.500000e-01 : f32
  // CHECK: %[[ZERO:.+]] = linalg.fill
  // CHECK: %[[DOT:.+]] = linalg.generic {indexing_maps = [#[[QMAP]], #[[KMAP]], #[[SMAP]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
  // CHECK-SAME: ins(%[[Q]], %[[K]] : tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>) outs(%[[ZERO]] : tensor<1x4x3x5xf32>)
  // CHECK: %[[QK:.+]] = linalg.generic
  // CHECK-SAME: ins(%[[DOT]] : tensor<1x4x3x5xf32>)
  // CHECK: arith.mulf %{{.+}}, %[[SCALE]]
  // CHECK-NOT: math.tanh
  // CHECK-NOT: arith.select
  // CHECK: %[[O:.+]] = attn.attention %[[Q]], %[[K]], %[[V]]
  // CHECK: return %[[O]], %[[QK]]
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %k, %v, %none, %none, %none, %none)
      {scale = 0.25 : f32}
      : (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>, none, none, none, none)
      -> (tensor<1x4x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>, tensor<1x4x3x5xf32>)
  return %y, %qk : tensor<1x4x3x8xf32>, tensor<1x4x3x5xf32>
}

// -----

// Mode 1: the softcapped scores; the mask (and causality) are not applied yet.
// The default scale is 1/sqrt(16).
// CHECK-LABEL: func.func @qk_output_mode1_softcap
func.func @qk_output_mode1_softcap(%q: tensor<1x2x3x16xf32>, %mask: tensor<3x3xi1>) -> tensor<1x2x3x3xf32> {
  %none = onnx.NoValue
  // CHECK-DAG: %[[SCALE:.+]] = arith.constant 2.500000e-01 : f32
  // CHECK-DAG: %[[CAP:.+]] = arith.constant 3.000000e+00 : f32
  // CHECK: linalg.generic
  // CHECK: %[[QK:.+]] = linalg.generic
  // CHECK: %[[S:.+]] = arith.mulf %{{.+}}, %[[SCALE]]
  // CHECK: %[[R:.+]] = arith.divf %[[S]], %[[CAP]]
  // CHECK: %[[T:.+]] = math.tanh %[[R]]
  // CHECK: %[[C:.+]] = arith.mulf %[[T]], %[[CAP]]
  // CHECK-NEXT: linalg.yield %[[C]]
  // CHECK: return %[[QK]]
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %q, %q, %mask, %none, %none, %none)
      {is_causal = 1 : si64, qk_matmul_output_mode = 1 : si64, softcap = 3.0 : f32}
      : (tensor<1x2x3x16xf32>, tensor<1x2x3x16xf32>, tensor<1x2x3x16xf32>, tensor<3x3xi1>, none, none, none)
      -> (tensor<1x2x3x16xf32>, tensor<1x2x3x16xf32>, tensor<1x2x3x16xf32>, tensor<1x2x3x3xf32>)
  return %qk : tensor<1x2x3x3xf32>
}

// -----

// Mode 2 with a past: the boolean mask (broadcast from Sq x T) selects -inf,
// and causality is bottom-right, key j visible when j <= i + (T - Sq) (T - Sq
// folds to 4). Both read the same concatenated keys.
// CHECK-DAG: #[[ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[MASKMAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @qk_output_mode2_mask_causal_past
// CHECK-SAME: %[[MASK:[^:]+]]: tensor<2x6xi1>
func.func @qk_output_mode2_mask_causal_past(%q: tensor<1x2x2x4xf32>, %k: tensor<1x2x2x4xf32>, %pk: tensor<1x2x4x4xf32>,
                                            %mask: tensor<2x6xi1>) -> (tensor<1x2x2x4xf32>, tensor<1x2x2x6xf32>) {
  %none = onnx.NoValue
  // CHECK-DAG: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
  // CHECK-DAG: %[[OFF:.+]] = arith.constant 4 : index
  // CHECK: %[[KC:.+]] = attn.kv_cache_append
  // CHECK: %[[DOT:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %[[KC]] :
  // CHECK: %[[QK:.+]] = linalg.generic {indexing_maps = [#[[ID]], #[[MASKMAP]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK-SAME: ins(%[[DOT]], %[[MASK]] : tensor<1x2x2x6xf32>, tensor<2x6xi1>)
  // CHECK: ^bb0(%[[S:.+]]: f32, %[[M:.+]]: i1, %{{.+}}: f32):
  // CHECK: %[[SS:.+]] = arith.mulf %[[S]]
  // CHECK: %[[MASKED:.+]] = arith.select %[[M]], %[[SS]], %[[NEGINF]]
  // CHECK: %[[I:.+]] = linalg.index 2
  // CHECK: %[[J:.+]] = linalg.index 3
  // CHECK: %[[P:.+]] = arith.addi %[[I]], %[[OFF]]
  // CHECK: %[[VIS:.+]] = arith.cmpi sle, %[[J]], %[[P]]
  // CHECK: %[[R:.+]] = arith.select %[[VIS]], %[[MASKED]], %[[NEGINF]]
  // CHECK: linalg.yield %[[R]]
  // CHECK: %[[O:.+]] = attn.attention %{{.+}}, %[[KC]], %{{.+}} mask(%[[MASK]] : tensor<2x6xi1>) {causal}
  // CHECK: return %[[O]], %[[QK]]
  %y, %pko, %pvo, %qk = "onnx.Attention"(%q, %k, %k, %mask, %pk, %pk, %none)
      {is_causal = 1 : si64, qk_matmul_output_mode = 2 : si64}
      : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<2x6xi1>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, none)
      -> (tensor<1x2x2x4xf32>, tensor<1x2x6x4xf32>, tensor<1x2x6x4xf32>, tensor<1x2x2x6xf32>)
  return %y, %qk : tensor<1x2x2x4xf32>, tensor<1x2x2x6xf32>
}

// -----

// Mode 3 on f16: scores, the additive mask and the softmax run in f32 and are
// rounded once; a fully masked row (max -inf) becomes zeros.
// CHECK-LABEL: func.func @qk_output_mode3_f16
func.func @qk_output_mode3_f16(%q: tensor<1x1x2x4xf16>, %mask: tensor<1x1x2x2xf16>) -> tensor<1x1x2x2xf16> {
  %none = onnx.NoValue
  // CHECK-DAG: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
  // CHECK-DAG: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
  // CHECK: linalg.generic
  // CHECK: arith.extf %{{.+}} : f16 to f32
  // CHECK: %[[SCORES:.+]] = linalg.generic
  // CHECK: arith.extf %{{.+}} : f16 to f32
  // CHECK: arith.addf
  // CHECK: -> tensor<1x1x2x2xf32>
  // CHECK: %[[MAXINIT:.+]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.+}} : tensor<1x1x2xf32>)
  // CHECK: %[[MAX:.+]] = linalg.generic {{.*}} ins(%[[SCORES]] : tensor<1x1x2x2xf32>) outs(%[[MAXINIT]] : tensor<1x1x2xf32>)
  // CHECK: arith.maximumf
  // CHECK: %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %[[MAX]] : tensor<1x1x2x2xf32>, tensor<1x1x2xf32>)
  // CHECK: math.exp
  // CHECK: %[[P:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %[[MAX]], %[[SUM]] : {{.*}}) outs(%{{.+}} : tensor<1x1x2x2xf16>)
  // CHECK: ^bb0(%{{.+}}: f32, %[[M:.+]]: f32, %{{.+}}: f32, %{{.+}}: f16):
  // CHECK: %[[EMPTY:.+]] = arith.cmpf oeq, %[[M]], %[[NEGINF]]
  // CHECK: %[[E:.+]] = math.exp
  // CHECK: %[[DIV:.+]] = arith.divf %[[E]]
  // CHECK: %[[SAFE:.+]] = arith.select %[[EMPTY]], %[[ZERO]], %[[DIV]]
  // CHECK: %[[H:.+]] = arith.truncf %[[SAFE]] : f32 to f16
  // CHECK: linalg.yield %[[H]]
  // CHECK: return %[[P]]
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %q, %q, %mask, %none, %none, %none)
      {qk_matmul_output_mode = 3 : si64}
      : (tensor<1x1x2x4xf16>, tensor<1x1x2x4xf16>, tensor<1x1x2x4xf16>, tensor<1x1x2x2xf16>, none, none, none)
      -> (tensor<1x1x2x4xf16>, tensor<1x1x2x4xf16>, tensor<1x1x2x4xf16>, tensor<1x1x2x2xf16>)
  return %qk : tensor<1x1x2x2xf16>
}

// -----

// An unknown qk_matmul_output_mode: a clear error, not a crash.
func.func @qk_output_unknown_mode(%q: tensor<1x2x3x8xf32>) -> tensor<1x2x3x3xf32> {
  %none = onnx.NoValue
  // expected-error @+1 {{cannot compile onnx.Attention: unknown qk_matmul_output_mode 4}}
  %y, %pk, %pv, %qk = "onnx.Attention"(%q, %q, %q, %none, %none, %none, %none)
      {qk_matmul_output_mode = 4 : si64}
      : (tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, none, none, none, none)
      -> (tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x3xf32>)
  return %qk : tensor<1x2x3x3xf32>
}
