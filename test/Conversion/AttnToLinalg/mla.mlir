// The structure of the attn.mla lowering in its two forms: expanded
// up-projects the latent to per-head keys and values, absorbed projects the
// query into the latent and the latent output back. Numerics (both forms
// against numpy and against each other): mla-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// Expanded (the default form), causal over a cache of 5 with 3 new rows.
// CHECK-DAG: #[[$LATENT:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d4)>
// CHECK-DAG: #[[$WUP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG: #[[$OUT5:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$QROW:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[$KHEAD:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>
// CHECK-DAG: #[[$KSHARED:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d4)>
// CHECK-DAG: #[[$VHEAD:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>
// CHECK-LABEL: func.func @mla_expanded_causal
// CHECK-SAME: (%[[QN:[^:]+]]: tensor<1x2x3x4xf32>, %[[QR:[^:]+]]: tensor<1x2x3x2xf32>, %[[CKV:[^:]+]]: tensor<1x5x8xf32>, %[[KR:[^:]+]]: tensor<1x5x2xf32>, %[[WUK:[^:]+]]: tensor<2x8x4xf32>, %[[WUV:[^:]+]]: tensor<2x8x6xf32>)
// k_nope[b,h,j,n] = sum_c c_kv[b,j,c] * w_uk[h,c,n]: [B,H,T,Dn].
// CHECK: %[[KNOPE:.+]] = linalg.generic {indexing_maps = [#[[$LATENT]], #[[$WUP]], #[[$OUT5]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[CKV]], %[[WUK]] : {{.*}}) outs(%{{.+}} : tensor<1x2x5x4xf32>)
// CHECK: %[[NOPE:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$KHEAD]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[QN]], %[[KNOPE]] : {{.*}}) outs(%{{.+}} : tensor<1x2x3x5xf32>)
// The RoPE key is shared by every head and accumulates into the same scores.
// CHECK: %[[QK:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$KSHARED]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[QR]], %[[KR]] : {{.*}}) outs(%[[NOPE]] : tensor<1x2x3x5xf32>)
// Bottom-right causal rule: key j is visible to row i when j <= i + (5 - 3).
// CHECK: %[[OFFSET:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK: %[[SCORES:.+]] = linalg.generic {{.*}} outs(%[[QK]] : tensor<1x2x3x5xf32>)
// CHECK-NEXT: ^bb0(%[[S:.+]]: f32):
// CHECK-NEXT: %[[SCALED:.+]] = arith.mulf %[[S]], %{{.+}} : f32
// CHECK-NEXT: %[[ROW:.+]] = linalg.index 2 : index
// CHECK-NEXT: %[[COL:.+]] = linalg.index 3 : index
// CHECK-NEXT: %[[LAST:.+]] = arith.addi %[[ROW]], %[[OFFSET]] : index
// CHECK-NEXT: %[[VISIBLE:.+]] = arith.cmpi sle, %[[COL]], %[[LAST]] : index
// CHECK-NEXT: arith.select %[[VISIBLE]], %[[SCALED]], %{{.+}} : f32
// CHECK: %[[MAX:.+]] = linalg.generic {{.*}} ins(%[[SCORES]] : tensor<1x2x3x5xf32>)
// CHECK: %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %{{.+}} : {{.*}})
// CHECK: %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[EXP]] : tensor<1x2x3x5xf32>)
// v[b,h,j,e] = sum_c c_kv[b,j,c] * w_uv[h,c,e]: [B,H,T,Dv].
// CHECK: %[[VALUES:.+]] = linalg.generic {indexing_maps = [#[[$LATENT]], #[[$WUP]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[CKV]], %[[WUV]] : {{.*}}) outs(%{{.+}} : tensor<1x2x5x6xf32>)
// CHECK: %[[PV:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$VHEAD]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[EXP]], %[[VALUES]] : {{.*}}) outs(%{{.+}} : tensor<1x2x3x6xf32>)
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%[[PV]], %[[MAX]], %[[SUM]] : {{.*}}) outs(%{{.+}} : tensor<1x2x3x6xf32>)
// CHECK: return %[[OUT]] : tensor<1x2x3x6xf32>
func.func @mla_expanded_causal(%qn: tensor<1x2x3x4xf32>, %qr: tensor<1x2x3x2xf32>, %ckv: tensor<1x5x8xf32>, %kr: tensor<1x5x2xf32>, %wuk: tensor<2x8x4xf32>, %wuv: tensor<2x8x6xf32>) -> tensor<1x2x3x6xf32> {
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.25 : f64, causal} : tensor<1x2x3x4xf32>, tensor<1x2x3x2xf32>, tensor<1x5x8xf32>, tensor<1x5x2xf32>, tensor<2x8x4xf32>, tensor<2x8x6xf32> -> tensor<1x2x3x6xf32>
  return %o : tensor<1x2x3x6xf32>
}

// -----

// Absorbed, f16 storage, decode without a causal rule: no [B,H,T,*] tensor is
// built; everything between the loads and the final truncf is f32.
// CHECK-DAG: #[[$QROW:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[$WABSORB:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d3, d4)>
// CHECK-DAG: #[[$WUP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG: #[[$OUT5:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$KSHARED:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d4)>
// CHECK-DAG: #[[$VSHARED:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d4, d3)>
// CHECK-LABEL: func.func @mla_absorbed_f16
// CHECK-SAME: (%[[QN:[^:]+]]: tensor<1x2x1x4xf16>, %[[QR:[^:]+]]: tensor<1x2x1x2xf16>, %[[CKV:[^:]+]]: tensor<1x5x8xf16>, %[[KR:[^:]+]]: tensor<1x5x2xf16>, %[[WUK:[^:]+]]: tensor<2x8x4xf16>, %[[WUV:[^:]+]]: tensor<2x8x6xf16>)
// CHECK-NOT: tensor<1x2x5x
// q~[b,h,i,c] = sum_n q_nope[b,h,i,n] * w_uk[h,c,n]: [B,H,S,Dc] in f32.
// CHECK: %[[QABS:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$WABSORB]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[QN]], %[[WUK]] : {{.*}}) outs(%{{.+}} : tensor<1x2x1x8xf32>)
// CHECK: arith.extf %{{.+}} : f16 to f32
// Scores against the shared latent, then the shared RoPE key.
// CHECK: %[[LAT:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$KSHARED]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[QABS]], %[[CKV]] : tensor<1x2x1x8xf32>, tensor<1x5x8xf16>) outs(%{{.+}} : tensor<1x2x1x5xf32>)
// CHECK: %[[QK:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$KSHARED]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[QR]], %[[KR]] : {{.*}}) outs(%[[LAT]] : tensor<1x2x1x5xf32>)
// CHECK: %[[SCORES:.+]] = linalg.generic {{.*}} outs(%[[QK]] : tensor<1x2x1x5xf32>)
// CHECK-NEXT: ^bb0(%[[S:.+]]: f32):
// CHECK-NEXT: %[[SCALED:.+]] = arith.mulf %[[S]], %{{.+}} : f32
// CHECK-NEXT: linalg.yield %[[SCALED]] : f32
// CHECK: %[[MAX:.+]] = linalg.generic {{.*}} ins(%[[SCORES]] : tensor<1x2x1x5xf32>)
// CHECK: %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[SCORES]], %{{.+}} : {{.*}})
// CHECK: %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[EXP]] : tensor<1x2x1x5xf32>)
// The values are the latent itself; the latent output is normalised in f32.
// CHECK: %[[PV:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$VSHARED]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[EXP]], %[[CKV]] : tensor<1x2x1x5xf32>, tensor<1x5x8xf16>) outs(%{{.+}} : tensor<1x2x1x8xf32>)
// CHECK: %[[LATOUT:.+]] = linalg.generic {{.*}} ins(%[[PV]], %[[MAX]], %[[SUM]] : {{.*}}) outs(%{{.+}} : tensor<1x2x1x8xf32>)
// result[b,h,i,e] = sum_c o~[b,h,i,c] * w_uv[h,c,e], rounded once.
// CHECK: %[[PROJ:.+]] = linalg.generic {indexing_maps = [#[[$QROW]], #[[$WUP]], #[[$OUT5]]]
// CHECK-SAME: ins(%[[LATOUT]], %[[WUV]] : tensor<1x2x1x8xf32>, tensor<2x8x6xf16>) outs(%{{.+}} : tensor<1x2x1x6xf32>)
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%[[PROJ]] : tensor<1x2x1x6xf32>) outs(%{{.+}} : tensor<1x2x1x6xf16>)
// CHECK-NEXT: ^bb0(%[[R:.+]]: f32, %{{.+}}: f16):
// CHECK-NEXT: %[[ROUNDED:.+]] = arith.truncf %[[R]] : f32 to f16
// CHECK: return %[[OUT]] : tensor<1x2x1x6xf16>
func.func @mla_absorbed_f16(%qn: tensor<1x2x1x4xf16>, %qr: tensor<1x2x1x2xf16>, %ckv: tensor<1x5x8xf16>, %kr: tensor<1x5x2xf16>, %wuk: tensor<2x8x4xf16>, %wuv: tensor<2x8x6xf16>) -> tensor<1x2x1x6xf16> {
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.25 : f64, form = #attn.mla_form<absorbed>} : tensor<1x2x1x4xf16>, tensor<1x2x1x2xf16>, tensor<1x5x8xf16>, tensor<1x5x2xf16>, tensor<2x8x4xf16>, tensor<2x8x6xf16> -> tensor<1x2x1x6xf16>
  return %o : tensor<1x2x1x6xf16>
}

// -----

// A cache of dynamic length: the causal offset reads T at run time, and a
// result type that knows more than the operands gets a cast.
// CHECK-LABEL: func.func @mla_dynamic_cache
// CHECK-SAME: (%[[QN:[^:]+]]: tensor<1x2x1x4xf32>, %{{.+}}: tensor<1x2x1x2xf32>, %[[CKV:[^:]+]]: tensor<1x?x8xf32>
// CHECK: tensor.dim %[[CKV]], %{{.+}} : tensor<1x?x8xf32>
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<1x2x?x4xf32>)
// CHECK: %[[OFFSET:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<1x2x1x6xf32>, tensor<1x2x1xf32>, tensor<1x2x1xf32>) outs(%{{.+}} : tensor<1x2x1x6xf32>)
// CHECK: return %[[OUT]] : tensor<1x2x1x6xf32>
func.func @mla_dynamic_cache(%qn: tensor<1x2x1x4xf32>, %qr: tensor<1x2x1x2xf32>, %ckv: tensor<1x?x8xf32>, %kr: tensor<1x?x2xf32>, %wuk: tensor<2x8x4xf32>, %wuv: tensor<2x8x6xf32>) -> tensor<1x2x1x6xf32> {
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.25 : f64, causal} : tensor<1x2x1x4xf32>, tensor<1x2x1x2xf32>, tensor<1x?x8xf32>, tensor<1x?x2xf32>, tensor<2x8x4xf32>, tensor<2x8x6xf32> -> tensor<1x2x1x6xf32>
  return %o : tensor<1x2x1x6xf32>
}

// -----

// The result type knows S while q_nope leaves it dynamic: the computed
// tensor is cast to the op's type.
// CHECK-LABEL: func.func @mla_static_result_of_dynamic_rows
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<1x2x?x6xf32>, tensor<1x2x?xf32>, tensor<1x2x?xf32>) outs(%{{.+}} : tensor<1x2x?x6xf32>)
// CHECK: %[[CAST:.+]] = tensor.cast %[[OUT]] : tensor<1x2x?x6xf32> to tensor<1x2x3x6xf32>
// CHECK: return %[[CAST]] : tensor<1x2x3x6xf32>
func.func @mla_static_result_of_dynamic_rows(%qn: tensor<1x2x?x4xf32>, %qr: tensor<1x2x?x2xf32>, %ckv: tensor<1x5x8xf32>, %kr: tensor<1x5x2xf32>, %wuk: tensor<2x8x4xf32>, %wuv: tensor<2x8x6xf32>) -> tensor<1x2x3x6xf32> {
  %o = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.25 : f64} : tensor<1x2x?x4xf32>, tensor<1x2x?x2xf32>, tensor<1x5x8xf32>, tensor<1x5x2xf32>, tensor<2x8x4xf32>, tensor<2x8x6xf32> -> tensor<1x2x3x6xf32>
  return %o : tensor<1x2x3x6xf32>
}
