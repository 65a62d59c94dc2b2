// The structure of the attn.linear_attention lowering: the recurrent form,
// an scf.for over the tokens carrying the f32 state, the f32 output rows and
// (delta rules) the retrieval accumulator. Numerics: linear-attention-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// gated_delta with GQA (G = 2), per-head decay and a past state.
// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$STATE:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
// CHECK-DAG: #[[$KEY_R:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[$HEAD:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[$GQA:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 2, d3, d2)>
// CHECK-LABEL: func.func @gated_delta_gqa
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x4x3x8xf32>, %[[K:[^:]+]]: tensor<1x2x3x8xf32>, %[[V:[^:]+]]: tensor<1x2x3x4xf32>, %[[S0:[^:]+]]: tensor<1x2x8x4xf32>, %[[G:[^:]+]]: tensor<1x2x3xf32>, %[[B:[^:]+]]: tensor<1x2x3xf32>)
// exp(decay) for all tokens, before the loop.
// CHECK: %[[ALPHA:.+]] = linalg.generic {{.*}} ins(%[[G]] : tensor<1x2x3xf32>)
// CHECK: math.exp
// CHECK: %[[ACC0:.+]] = tensor.empty() : tensor<1x4x3x4xf32>
// CHECK: %[[U0:.+]] = tensor.empty() : tensor<1x2x4xf32>
// CHECK: %[[LOOP:.+]]:3 = scf.for %[[T:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[S:.+]] = %[[S0]], %[[ACC:.+]] = %[[ACC0]], %[[U:.+]] = %[[U0]])
// CHECK-DAG: %[[QT:.+]] = tensor.extract_slice %[[Q]][0, 0, %[[T]], 0] [1, 4, 1, 8] [1, 1, 1, 1] : tensor<1x4x3x8xf32> to tensor<1x4x8xf32>
// CHECK-DAG: %[[KT:.+]] = tensor.extract_slice %[[K]][0, 0, %[[T]], 0] [1, 2, 1, 8] [1, 1, 1, 1] : tensor<1x2x3x8xf32> to tensor<1x2x8xf32>
// CHECK-DAG: %[[VT:.+]] = tensor.extract_slice %[[V]][0, 0, %[[T]], 0] [1, 2, 1, 4] [1, 1, 1, 1] : tensor<1x2x3x4xf32> to tensor<1x2x4xf32>
// CHECK-DAG: %[[AT:.+]] = tensor.extract_slice %[[ALPHA]][0, 0, %[[T]]] [1, 2, 1] [1, 1, 1] : tensor<1x2x3xf32> to tensor<1x2xf32>
// CHECK-DAG: %[[BT:.+]] = tensor.extract_slice %[[B]][0, 0, %[[T]]] [1, 2, 1] [1, 1, 1] : tensor<1x2x3xf32> to tensor<1x2xf32>
// Retrieval u = (a S)^T k, reduced over Dk.
// CHECK: %[[UZ:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%[[U]] : tensor<1x2x4xf32>)
// CHECK: %[[UN:.+]] = linalg.generic {indexing_maps = [#[[$STATE]], #[[$KEY_R]], #[[$HEAD]], #[[$ROW]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[S]], %[[KT]], %[[AT]] : tensor<1x2x8x4xf32>, tensor<1x2x8xf32>, tensor<1x2xf32>) outs(%[[UZ]] : tensor<1x2x4xf32>)
// Update in place: S = a S + k (beta (v - u))^T.
// CHECK: %[[SN:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[KT]], %[[VT]], %[[AT]], %[[BT]], %[[UN]] : {{.*}}) outs(%[[S]] : tensor<1x2x8x4xf32>)
// CHECK: arith.subf
// CHECK: arith.mulf
// Readout of query head q from KV head q / 2, into row t.
// CHECK: %[[ROW:.+]] = tensor.extract_slice %[[ACC]][0, 0, %[[T]], 0] [1, 4, 1, 4] [1, 1, 1, 1] : tensor<1x4x3x4xf32> to tensor<1x4x4xf32>
// CHECK: %[[RZ:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%[[ROW]] : tensor<1x4x4xf32>)
// CHECK: %[[RN:.+]] = linalg.generic {indexing_maps = [#[[$KEY_R]], #[[$GQA]], #[[$ROW]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[QT]], %[[SN]] : tensor<1x4x8xf32>, tensor<1x2x8x4xf32>) outs(%[[RZ]] : tensor<1x4x4xf32>)
// CHECK: %[[ACCN:.+]] = tensor.insert_slice %[[RN]] into %[[ACC]][0, 0, %[[T]], 0] [1, 4, 1, 4] [1, 1, 1, 1]
// CHECK: scf.yield %[[SN]], %[[ACCN]], %[[UN]]
// The scale (1/sqrt(8)) once, after the loop; an f32 state is returned as is.
// CHECK: %[[SCALE:.+]] = arith.constant 0.353553{{[0-9]+}} : f32
// CHECK: %[[OUT:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ID]]], {{.*}} ins(%[[LOOP]]#1 : tensor<1x4x3x4xf32>)
// CHECK: arith.mulf %{{.+}}, %[[SCALE]] : f32
// CHECK: return %[[OUT]], %[[LOOP]]#0
func.func @gated_delta_gqa(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x3x8xf32>, %v: tensor<1x2x3x4xf32>, %s: tensor<1x2x8x4xf32>,
                           %g: tensor<1x2x3xf32>, %b: tensor<1x2x3xf32>) -> (tensor<1x4x3x4xf32>, tensor<1x2x8x4xf32>) {
  %o, %p = attn.linear_attention %q, %k, %v state(%s : tensor<1x2x8x4xf32>) decay(%g : tensor<1x2x3xf32>) beta(%b : tensor<1x2x3xf32>)
      : tensor<1x4x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x3x4xf32> -> tensor<1x4x3x4xf32>, tensor<1x2x8x4xf32>
  return %o, %p : tensor<1x4x3x4xf32>, tensor<1x2x8x4xf32>
}

// -----

// The linear rule in f16 with MQA: no past (a zero state), no retrieval, no
// decay; inputs widen to f32 inside the bodies and both results round once.
// CHECK-DAG: #[[$MQA:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, 0, d3, d2)>
// CHECK-LABEL: func.func @linear_f16_mqa
// CHECK: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[S0:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.+}} : tensor<1x1x4x2xf32>)
// CHECK-NOT: math.exp
// CHECK: %[[LOOP:.+]]:2 = scf.for {{.*}} iter_args(%{{.+}} = %[[S0]], %{{.+}} = %{{.+}}) -> (tensor<1x1x4x2xf32>, tensor<1x2x3x2xf32>)
// CHECK: arith.extf %{{.+}} : f16 to f32
// CHECK-NOT: arith.subf
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[$MQA]], #{{.+}}]
// CHECK: scf.yield
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%[[LOOP]]#1 : tensor<1x2x3x2xf32>) outs(%{{.+}} : tensor<1x2x3x2xf16>)
// CHECK: arith.truncf
// CHECK: %[[PRESENT:.+]] = linalg.generic {{.*}} ins(%[[LOOP]]#0 : tensor<1x1x4x2xf32>) outs(%{{.+}} : tensor<1x1x4x2xf16>)
// CHECK: arith.truncf
// CHECK: return %[[OUT]], %[[PRESENT]]
func.func @linear_f16_mqa(%q: tensor<1x2x3x4xf16>, %k: tensor<1x1x3x4xf16>, %v: tensor<1x1x3x2xf16>)
    -> (tensor<1x2x3x2xf16>, tensor<1x1x4x2xf16>) {
  %o, %p = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>}
      : tensor<1x2x3x4xf16>, tensor<1x1x3x4xf16>, tensor<1x1x3x2xf16> -> tensor<1x2x3x2xf16>, tensor<1x1x4x2xf16>
  return %o, %p : tensor<1x2x3x2xf16>, tensor<1x1x4x2xf16>
}

// -----

// Inverse GQA (Qwen3-Next): 2 query/key heads, 4 value (state) heads. The
// state, decay, beta and retrieval are per value head; state head h reads
// key head h / 2 (retrieval and update), output head h reads query head
// h / 2 from its own state.
// CHECK-DAG: #[[$STATE:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
// CHECK-DAG: #[[$KEY_R:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 2, d3)>
// CHECK-DAG: #[[$KEY_U:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 2, d2)>
// CHECK-LABEL: func.func @gated_delta_inverse_gqa
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x2x3x8xf32>, %[[K:[^:]+]]: tensor<1x2x3x8xf32>, %[[V:[^:]+]]: tensor<1x4x3x4xf32>
// CHECK: %[[S0:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<1x4x8x4xf32>)
// CHECK: %[[ACC0:.+]] = tensor.empty() : tensor<1x4x3x4xf32>
// CHECK: %[[U0:.+]] = tensor.empty() : tensor<1x4x4xf32>
// CHECK: scf.for %[[T:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[S:.+]] = %[[S0]], %[[ACC:.+]] = %[[ACC0]], %[[U:.+]] = %[[U0]])
// CHECK-DAG: %[[QT:.+]] = tensor.extract_slice %[[Q]][0, 0, %[[T]], 0] [1, 2, 1, 8] [1, 1, 1, 1] : tensor<1x2x3x8xf32> to tensor<1x2x8xf32>
// CHECK-DAG: %[[KT:.+]] = tensor.extract_slice %[[K]][0, 0, %[[T]], 0] [1, 2, 1, 8] [1, 1, 1, 1] : tensor<1x2x3x8xf32> to tensor<1x2x8xf32>
// CHECK-DAG: %[[VT:.+]] = tensor.extract_slice %[[V]][0, 0, %[[T]], 0] [1, 4, 1, 4] [1, 1, 1, 1] : tensor<1x4x3x4xf32> to tensor<1x4x4xf32>
// CHECK: %[[UN:.+]] = linalg.generic {indexing_maps = [#[[$STATE]], #[[$KEY_R]], {{.*}}]
// CHECK-SAME: ins(%[[S]], %[[KT]], %{{.+}} : tensor<1x4x8x4xf32>, tensor<1x2x8xf32>, tensor<1x4xf32>) outs(%{{.+}} : tensor<1x4x4xf32>)
// CHECK: %[[SN:.+]] = linalg.generic {indexing_maps = [#[[$KEY_U]], {{.*}}]
// CHECK-SAME: ins(%[[KT]], %[[VT]], %{{.+}}, %{{.+}}, %[[UN]] : tensor<1x2x8xf32>, tensor<1x4x4xf32>, {{.*}}) outs(%[[S]] : tensor<1x4x8x4xf32>)
// CHECK: %[[ROW:.+]] = tensor.extract_slice %[[ACC]][0, 0, %[[T]], 0] [1, 4, 1, 4]
// CHECK: linalg.generic {indexing_maps = [#[[$KEY_R]], #[[$STATE]], {{.*}}]
// CHECK-SAME: ins(%[[QT]], %[[SN]] : tensor<1x2x8xf32>, tensor<1x4x8x4xf32>) outs(%{{.+}} : tensor<1x4x4xf32>)
func.func @gated_delta_inverse_gqa(%q: tensor<1x2x3x8xf32>, %k: tensor<1x2x3x8xf32>, %v: tensor<1x4x3x4xf32>,
                                   %g: tensor<1x4x3xf32>, %b: tensor<1x4x3xf32>) -> (tensor<1x4x3x4xf32>, tensor<1x4x8x4xf32>) {
  %o, %p = attn.linear_attention %q, %k, %v decay(%g : tensor<1x4x3xf32>) beta(%b : tensor<1x4x3xf32>)
      : tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x4x3x4xf32> -> tensor<1x4x3x4xf32>, tensor<1x4x8x4xf32>
  return %o, %p : tensor<1x4x3x4xf32>, tensor<1x4x8x4xf32>
}
