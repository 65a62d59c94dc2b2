// The structure of the attn.attention lowering: which generics, maps and
// scalar ops each feature produces. Numerics: attention-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// CHECK-DAG: #[[$Q:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[$K:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>
// CHECK-DAG: #[[$S5:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$S4:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$ROW:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[$V:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>

// CHECK-LABEL: func.func @mha_defaults
// CHECK-SAME: (%[[Q:.+]]: tensor<1x2x3x4xf32>, %[[K:.+]]: tensor<1x2x5x4xf32>, %[[V:.+]]: tensor<1x2x5x4xf32>)
// CHECK: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.+}} : tensor<1x2x3x5xf32>)
// CHECK: %[[QK:.+]] = linalg.generic {indexing_maps = [#[[$Q]], #[[$K]], #[[$S5]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[Q]], %[[K]] : {{.*}}) outs(%[[INIT]] : tensor<1x2x3x5xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// The default scale is 1/sqrt(D) = 0.5; no mask or visibility rule applies.
// CHECK: %[[SCALE:.+]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[SCORES:.+]] = linalg.generic {indexing_maps = [#[[$S4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%[[QK]] : tensor<1x2x3x5xf32>)
// CHECK-NEXT: ^bb0(%[[S:.+]]: f32):
// CHECK-NEXT: %[[SCALED:.+]] = arith.mulf %[[S]], %[[SCALE]] : f32
// CHECK-NEXT: linalg.yield %[[SCALED]] : f32
// CHECK: %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$S4]], #[[$ROW]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[SCORES]] : {{.*}})
// CHECK: arith.maximumf
// A row with no visible key shifts by 0 instead of -inf (no NaN).
// CHECK: %[[SHIFT:.+]] = linalg.generic {{.*}} ins(%[[MAX]] : tensor<1x2x3xf32>)
// CHECK: %[[ISNONE:.+]] = arith.cmpf oeq, %{{.+}}, %{{.+}} : f32
// CHECK: arith.select %[[ISNONE]]
// CHECK: %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %[[SHIFT]] : {{.*}})
// CHECK: arith.subf
// CHECK: math.exp
// CHECK: %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[EXP]] : {{.*}})
// CHECK: %[[PV:.+]] = linalg.generic {indexing_maps = [#[[$Q]], #[[$V]], #[[$S5]]], {{.*}} ins(%[[EXP]], %[[V]] : {{.*}})
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%[[PV]], %[[MAX]], %[[SUM]] : {{.*}})
// CHECK: %[[NORM:.+]] = arith.divf
// CHECK: %[[MASKED:.+]] = arith.cmpf oeq
// CHECK: %[[ROWVAL:.+]] = arith.select %[[MASKED]], %{{.+}}, %[[NORM]] : f32
// CHECK: linalg.yield %[[ROWVAL]] : f32
// CHECK: return %[[OUT]] : tensor<1x2x3x4xf32>
func.func @mha_defaults(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x5x4xf32>, %v: tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32> {
  %o = attn.attention %q, %k, %v : tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32> -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// -----

// GQA reads KV head h floordiv G through the index maps of both
// contractions; K and V are never repeated.
// CHECK-DAG: #[[$KGQA:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 4, d3, d4)>
// CHECK-DAG: #[[$VGQA:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 4, d4, d3)>
// CHECK-LABEL: func.func @gqa_head_map
// CHECK-SAME: (%[[Q:.+]]: tensor<1x8x3x4xf32>, %[[K:.+]]: tensor<1x2x5x4xf32>, %[[V:.+]]: tensor<1x2x5x6xf32>)
// CHECK-NOT: tensor.broadcast
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[$KGQA]], #{{.+}}]{{.*}} ins(%[[Q]], %[[K]] :
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[$VGQA]], #{{.+}}]{{.*}} ins(%{{.+}}, %[[V]] : tensor<1x8x3x5xf32>, tensor<1x2x5x6xf32>) outs(%{{.+}} : tensor<1x8x3x6xf32>)
func.func @gqa_head_map(%q: tensor<1x8x3x4xf32>, %k: tensor<1x2x5x4xf32>, %v: tensor<1x2x5x6xf32>) -> tensor<1x8x3x6xf32> {
  %o = attn.attention %q, %k, %v : tensor<1x8x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x6xf32> -> tensor<1x8x3x6xf32>
  return %o : tensor<1x8x3x6xf32>
}

// -----

// MQA reads KV head 0 for every query head, also with a dynamic Hq.
// CHECK-DAG: #[[$KMQA:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d3, d4)>
// CHECK-LABEL: func.func @mqa_dynamic_query_heads
// CHECK-SAME: (%[[Q:.+]]: tensor<1x?x3x4xf32>, %[[K:[^:]+]]: tensor<1x1x5x4xf32>
// CHECK: %[[C1:.+]] = arith.constant 1 : index
// CHECK: %[[HQ:.+]] = tensor.dim %[[Q]], %[[C1]] : tensor<1x?x3x4xf32>
// CHECK: tensor.empty(%[[HQ]]) : tensor<1x?x3x5xf32>
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[$KMQA]], #{{.+}}]{{.*}} ins(%[[Q]], %[[K]] :
func.func @mqa_dynamic_query_heads(%q: tensor<1x?x3x4xf32>, %k: tensor<1x1x5x4xf32>, %v: tensor<1x1x5x4xf32>) -> tensor<1x?x3x4xf32> {
  %o = attn.attention %q, %k, %v : tensor<1x?x3x4xf32>, tensor<1x1x5x4xf32>, tensor<1x1x5x4xf32> -> tensor<1x?x3x4xf32>
  return %o : tensor<1x?x3x4xf32>
}

// -----

// Causal, bottom-right: row i sits at p = i + (Skv - Sq); keys j <= p and,
// with window_left = 1, j >= p - 1. Computed from linalg.index: no mask
// tensor is materialised.
// CHECK-LABEL: func.func @causal_window_bottom_right
// CHECK-DAG: %[[SQ:.+]] = arith.constant 3 : index
// CHECK-DAG: %[[SKV:.+]] = arith.constant 5 : index
// CHECK-DAG: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(
// CHECK: %[[ROW:.+]] = linalg.index 2 : index
// CHECK: %[[COL:.+]] = linalg.index 3 : index
// CHECK: %[[OFFSET:.+]] = arith.subi %[[SKV]], %[[SQ]] : index
// CHECK: %[[POS:.+]] = arith.addi %[[ROW]], %[[OFFSET]] : index
// CHECK: %[[CAUSAL:.+]] = arith.cmpi sle, %[[COL]], %[[POS]] : index
// CHECK: %[[W:.+]] = arith.constant 1 : index
// CHECK: %[[FIRST:.+]] = arith.subi %[[POS]], %[[W]] : index
// CHECK: %[[INWINDOW:.+]] = arith.cmpi sge, %[[COL]], %[[FIRST]] : index
// CHECK: %[[VISIBLE:.+]] = arith.andi %[[CAUSAL]], %[[INWINDOW]] : i1
// CHECK: arith.select %[[VISIBLE]], %{{.+}}, %[[NEGINF]] : f32
func.func @causal_window_bottom_right(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32> {
  %o = attn.attention %q, %k, %k {causal, window_left = 1 : i64} : tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32> -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// -----

// Top-left: row i sits at p = i; window_right bounds the keys after it.
// CHECK-LABEL: func.func @top_left_window_right
// CHECK: %[[ROW:.+]] = linalg.index 2 : index
// CHECK: %[[COL:.+]] = linalg.index 3 : index
// CHECK-NOT: arith.subi
// CHECK: %[[W:.+]] = arith.constant 2 : index
// CHECK: %[[LAST:.+]] = arith.addi %[[ROW]], %[[W]] : index
// CHECK: %[[VISIBLE:.+]] = arith.cmpi sle, %[[COL]], %[[LAST]] : index
// CHECK: arith.select %[[VISIBLE]]
func.func @top_left_window_right(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32> {
  %o = attn.attention %q, %k, %k {alignment = #attn.alignment<top_left>, window_right = 2 : i64} : tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32> -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// -----

// kv_lengths: key j is valid when j < L[b], and the bottom-right offset is
// L[b] - Sq.
// CHECK-DAG: #[[$BATCH:.+]] = affine_map<(d0, d1, d2, d3) -> (d0)>
// CHECK-LABEL: func.func @kv_lengths_causal
// CHECK-SAME: %[[LENS:[^:]+]]: tensor<2xi32>
// CHECK: %[[SQ:.+]] = arith.constant 3 : index
// CHECK: linalg.generic {indexing_maps = [#[[$BATCH]], #{{.+}}], {{.*}} ins(%[[LENS]] : tensor<2xi32>)
// CHECK-NEXT: ^bb0(%[[LEN:.+]]: i32, %{{.+}}: f32):
// CHECK: %[[L:.+]] = arith.index_cast %[[LEN]] : i32 to index
// CHECK: %[[ROW:.+]] = linalg.index 2 : index
// CHECK: %[[COL:.+]] = linalg.index 3 : index
// CHECK: %[[OFFSET:.+]] = arith.subi %[[L]], %[[SQ]] : index
// CHECK: %[[POS:.+]] = arith.addi %[[ROW]], %[[OFFSET]] : index
// CHECK: %[[VALID:.+]] = arith.cmpi slt, %[[COL]], %[[L]] : index
// CHECK: %[[CAUSAL:.+]] = arith.cmpi sle, %[[COL]], %[[POS]] : index
// CHECK: arith.andi %[[VALID]], %[[CAUSAL]] : i1
func.func @kv_lengths_causal(%q: tensor<2x2x3x4xf32>, %k: tensor<2x2x5x4xf32>, %lens: tensor<2xi32>) -> tensor<2x2x3x4xf32> {
  %o = attn.attention %q, %k, %k kv_lengths(%lens : tensor<2xi32>) {causal} : tensor<2x2x3x4xf32>, tensor<2x2x5x4xf32>, tensor<2x2x5x4xf32> -> tensor<2x2x3x4xf32>
  return %o : tensor<2x2x3x4xf32>
}

// -----

// Softcap applies to the scaled score before the i1 mask turns it into -inf.
// The mask [Sq, Skv] broadcasts through its index map.
// CHECK-DAG: #[[$MASK:.+]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @softcap_then_bool_mask
// CHECK-SAME: %[[M:[^:]+]]: tensor<3x5xi1>
// CHECK-DAG: %[[SCALE:.+]] = arith.constant 1.250000e-01 : f32
// CHECK-DAG: %[[CAP:.+]] = arith.constant 5.000000e+01 : f32
// CHECK-DAG: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: linalg.generic {indexing_maps = [#[[$MASK]], #{{.+}}], {{.*}} ins(%[[M]] : tensor<3x5xi1>)
// CHECK-NEXT: ^bb0(%[[KEEP:.+]]: i1, %[[S:.+]]: f32):
// CHECK-NEXT: %[[SCALED:.+]] = arith.mulf %[[S]], %[[SCALE]] : f32
// CHECK-NEXT: %[[RATIO:.+]] = arith.divf %[[SCALED]], %[[CAP]] : f32
// CHECK-NEXT: %[[TANH:.+]] = math.tanh %[[RATIO]] : f32
// CHECK-NEXT: %[[CAPPED:.+]] = arith.mulf %[[CAP]], %[[TANH]] : f32
// CHECK-NEXT: %[[MASKED:.+]] = arith.select %[[KEEP]], %[[CAPPED]], %[[NEGINF]] : f32
// CHECK-NEXT: linalg.yield %[[MASKED]] : f32
func.func @softcap_then_bool_mask(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x5x4xf32>, %m: tensor<3x5xi1>) -> tensor<1x2x3x4xf32> {
  %o = attn.attention %q, %k, %k mask(%m : tensor<3x5xi1>) {scale = 0.125 : f64, softcap = 50.0 : f64} : tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32> -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// -----

// A float mask is added; its size-1 dims read index 0.
// CHECK-DAG: #[[$FMASK:.+]] = affine_map<(d0, d1, d2, d3) -> (0, d1, 0, d3)>
// CHECK-LABEL: func.func @float_mask_broadcast
// CHECK-SAME: %[[M:[^:]+]]: tensor<1x2x1x5xf16>
// CHECK: linalg.generic {indexing_maps = [#[[$FMASK]], #{{.+}}], {{.*}} ins(%[[M]] : tensor<1x2x1x5xf16>)
// CHECK-NEXT: ^bb0(%[[BIAS:.+]]: f16, %[[S:.+]]: f32):
// CHECK-NEXT: %[[SCALED:.+]] = arith.mulf %[[S]], %{{.+}} : f32
// CHECK-NEXT: %[[WIDE:.+]] = arith.extf %[[BIAS]] : f16 to f32
// CHECK-NEXT: %[[SUM:.+]] = arith.addf %[[SCALED]], %[[WIDE]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]] : f32
func.func @float_mask_broadcast(%q: tensor<1x2x3x4xf16>, %k: tensor<1x2x5x4xf16>, %m: tensor<1x2x1x5xf16>) -> tensor<1x2x3x4xf16> {
  %o = attn.attention %q, %k, %k mask(%m : tensor<1x2x1x5xf16>) : tensor<1x2x3x4xf16>, tensor<1x2x5x4xf16>, tensor<1x2x5x4xf16> -> tensor<1x2x3x4xf16>
  return %o : tensor<1x2x3x4xf16>
}

// -----

// Sinks raise the shift to max(rowMax, sink) and start the denominator at
// exp(sink - shift).
// CHECK-DAG: #[[$HEAD:.+]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @sinks
// CHECK-SAME: %[[SINKS:[^:]+]]: tensor<2xf32>
// CHECK: %[[MAX:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK: %[[SHIFT:.+]] = linalg.generic {indexing_maps = [#{{.+}}, #[[$HEAD]], #{{.+}}], {{.*}} ins(%[[MAX]], %[[SINKS]] : tensor<1x2x3xf32>, tensor<2xf32>)
// CHECK-NEXT: ^bb0(%[[M:.+]]: f32, %[[SINK:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: arith.maximumf %[[M]], %[[SINK]] : f32
// CHECK: %[[EXP:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %[[SHIFT]] :
// CHECK: %[[SINKSHARE:.+]] = linalg.generic {indexing_maps = [#[[$HEAD]], #{{.+}}, #{{.+}}], {{.*}} ins(%[[SINKS]], %[[SHIFT]] :
// CHECK: math.exp
// CHECK: linalg.generic {{.*}} ins(%[[EXP]] : tensor<1x2x3x5xf32>) outs(%[[SINKSHARE]] : tensor<1x2x3xf32>)
func.func @sinks(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x5x4xf32>, %s: tensor<2xf32>) -> tensor<1x2x3x4xf32> {
  %o = attn.attention %q, %k, %k sinks(%s : tensor<2xf32>) {causal} : tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32> -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// -----

// masked_rows = uniform: a row with no visible key takes the mean of V over
// all Skv keys of its KV head.
// CHECK-DAG: #[[$VSUM:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
// CHECK-DAG: #[[$MEAN:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 2, d3)>
// CHECK-LABEL: func.func @uniform_masked_rows
// CHECK-SAME: %[[V:[^:]+]]: tensor<1x2x5x3xf32>
// CHECK: %[[VSUM:.+]] = linalg.generic {indexing_maps = [#[[$VSUM]], #{{.+}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[V]] : tensor<1x2x5x3xf32>)
// CHECK: %[[COUNT:.+]] = arith.constant 5.000000e+00 : f32
// CHECK: %[[VMEAN:.+]] = linalg.generic {{.*}} outs(%[[VSUM]] : tensor<1x2x3xf32>)
// CHECK: arith.divf %{{.+}}, %[[COUNT]] : f32
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #{{.+}}, #{{.+}}, #[[$MEAN]], #{{.+}}], {{.*}} ins(%{{.+}}, %{{.+}}, %{{.+}}, %[[VMEAN]] :
// CHECK-NEXT: ^bb0(%[[ACC:.+]]: f32, %[[ROWMAX:.+]]: f32, %[[DEN:.+]]: f32, %[[FALLBACK:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[NORM:.+]] = arith.divf %[[ACC]], %[[DEN]] : f32
// CHECK-NEXT: %[[NOKEY:.+]] = arith.cmpf oeq, %[[ROWMAX]], %{{.+}} : f32
// CHECK-NEXT: %[[R:.+]] = arith.select %[[NOKEY]], %[[FALLBACK]], %[[NORM]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
func.func @uniform_masked_rows(%q: tensor<1x4x3x4xf32>, %k: tensor<1x2x5x4xf32>, %v: tensor<1x2x5x3xf32>, %m: tensor<3x5xi1>) -> tensor<1x4x3x3xf32> {
  %o = attn.attention %q, %k, %v mask(%m : tensor<3x5xi1>) {masked_rows = #attn.masked_rows<uniform>} : tensor<1x4x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x3xf32> -> tensor<1x4x3x3xf32>
  return %o : tensor<1x4x3x3xf32>
}

// -----

// bf16 inputs: scores, softmax and both reductions in f32, one truncf at the
// end.
// CHECK-LABEL: func.func @bf16_computes_in_f32
// CHECK: ^bb0(%[[QE:.+]]: bf16, %[[KE:.+]]: bf16, %[[ACC:.+]]: f32):
// CHECK-NEXT: %[[QW:.+]] = arith.extf %[[QE]] : bf16 to f32
// CHECK-NEXT: %[[KW:.+]] = arith.extf %[[KE]] : bf16 to f32
// CHECK: } -> tensor<1x2x3x5xf32>
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} outs(%{{.+}} : tensor<1x2x3x4xbf16>)
// CHECK: arith.truncf %{{.+}} : f32 to bf16
// CHECK: return %[[OUT]]
func.func @bf16_computes_in_f32(%q: tensor<1x2x3x4xbf16>, %k: tensor<1x2x5x4xbf16>) -> tensor<1x2x3x4xbf16> {
  %o = attn.attention %q, %k, %k : tensor<1x2x3x4xbf16>, tensor<1x2x5x4xbf16>, tensor<1x2x5x4xbf16> -> tensor<1x2x3x4xbf16>
  return %o : tensor<1x2x3x4xbf16>
}

// -----

// softmax_precision = f64 on f32 inputs widens every score.
// CHECK-LABEL: func.func @softmax_in_f64
// CHECK: arith.extf %{{.+}} : f32 to f64
// CHECK: -> tensor<1x2x3x5xf64>
// CHECK: arith.truncf %{{.+}} : f64 to f32
func.func @softmax_in_f64(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32> {
  %o = attn.attention %q, %k, %k {softmax_precision = f64} : tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32> -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// -----

// Dynamic sequence lengths and head dim: sizes from tensor.dim, and the
// default scale 1/sqrt(D) computed at run time.
// CHECK-LABEL: func.func @dynamic_lengths
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x2x?x?xf32>, %[[K:[^:]+]]: tensor<1x2x?x?xf32>
// CHECK-DAG: %[[SKV:.+]] = tensor.dim %[[K]], %{{.+}} : tensor<1x2x?x?xf32>
// CHECK-DAG: %[[SQ:.+]] = tensor.dim %[[Q]], %{{.+}} : tensor<1x2x?x?xf32>
// CHECK: tensor.empty(%[[SQ]], %[[SKV]]) : tensor<1x2x?x?xf32>
// CHECK: %[[C3:.+]] = arith.constant 3 : index
// CHECK: %[[D:.+]] = tensor.dim %[[Q]], %[[C3]]
// CHECK: %[[DI:.+]] = arith.index_cast %[[D]] : index to i64
// CHECK: %[[DF:.+]] = arith.sitofp %[[DI]] : i64 to f32
// CHECK: %[[SCALE:.+]] = math.rsqrt %[[DF]] : f32
// CHECK: arith.mulf %{{.+}}, %[[SCALE]] : f32
func.func @dynamic_lengths(%q: tensor<1x2x?x?xf32>, %k: tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32> {
  %o = attn.attention %q, %k, %k {causal} : tensor<1x2x?x?xf32>, tensor<1x2x?x?xf32>, tensor<1x2x?x?xf32> -> tensor<1x2x?x?xf32>
  return %o : tensor<1x2x?x?xf32>
}
