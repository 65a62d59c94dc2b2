// The structure of the attn.kv_compress lowering: a max, a fused
// (denominator, numerator) reduction and a division over [B, N, C], reading
// token i*m + j. Numerics: kv-compress-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// Plain blocks: 10 tokens, m = 4, so N = 2 and tokens 8 and 9 (an incomplete
// block) are never read: i*4 + j stays below 8.
// CHECK-DAG: #[[$TOKEN:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 * 4 + d3, d2)>
// CHECK-DAG: #[[$BIAS:.+]] = affine_map<(d0, d1, d2, d3) -> (d3, d2)>
// CHECK-DAG: #[[$ENTRY:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[$ID3:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @kv_compress_blocks
// CHECK-SAME: (%[[C:[^:]+]]: tensor<2x10x3xf32>, %[[G:[^:]+]]: tensor<2x10x3xf32>, %[[B:[^:]+]]: tensor<4x3xf32>)
// CHECK-NOT: tensor.pad
// CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[MAXINIT:.+]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.+}} : tensor<2x2x3xf32>)
// CHECK: %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$TOKEN]], #[[$BIAS]], #[[$ENTRY]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[G]], %[[B]] : {{.*}}) outs(%[[MAXINIT]] : tensor<2x2x3xf32>)
// CHECK-NEXT: ^bb0(%[[GV:.+]]: f32, %[[BV:.+]]: f32, %[[ACC:.+]]: f32):
// CHECK-NEXT: %[[Z:.+]] = arith.addf %[[GV]], %[[BV]] : f32
// CHECK-NEXT: %[[NEXT:.+]] = arith.maximumf %[[ACC]], %[[Z]] : f32
// CHECK-NEXT: linalg.yield %[[NEXT]] : f32
// CHECK: %[[SUMS:.+]]:2 = linalg.generic {indexing_maps = [#[[$TOKEN]], #[[$BIAS]], #[[$TOKEN]], #[[$ENTRY]], #[[$ENTRY]], #[[$ENTRY]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[G]], %[[B]], %[[C]], %[[MAX]] : {{.*}})
// CHECK-NEXT: ^bb0(%[[G2:.+]]: f32, %[[B2:.+]]: f32, %[[X:.+]]: f32, %[[SHIFT:.+]]: f32, %[[DEN:.+]]: f32, %[[NUM:.+]]: f32):
// CHECK-NEXT: %[[Z2:.+]] = arith.addf %[[G2]], %[[B2]] : f32
// CHECK-NEXT: %[[ZS:.+]] = arith.subf %[[Z2]], %[[SHIFT]] : f32
// CHECK-NEXT: %[[W:.+]] = math.exp %[[ZS]] : f32
// CHECK-NEXT: %[[DEN2:.+]] = arith.addf %[[DEN]], %[[W]] : f32
// CHECK-NEXT: %[[WX:.+]] = arith.mulf %[[W]], %[[X]] : f32
// CHECK-NEXT: %[[NUM2:.+]] = arith.addf %[[NUM]], %[[WX]] : f32
// CHECK-NEXT: linalg.yield %[[DEN2]], %[[NUM2]] : f32, f32
// CHECK: %[[OUT:.+]] = linalg.generic {indexing_maps = [#[[$ID3]], #[[$ID3]], #[[$ID3]]], {{.*}} ins(%[[SUMS]]#0, %[[SUMS]]#1 : {{.*}})
// CHECK-NEXT: ^bb0(%[[D:.+]]: f32, %[[N:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[POOLED:.+]] = arith.divf %[[N]], %[[D]] : f32
// CHECK-NEXT: linalg.yield %[[POOLED]] : f32
// CHECK: return %[[OUT]] : tensor<2x2x3xf32>
func.func @kv_compress_blocks(%c: tensor<2x10x3xf32>, %g: tensor<2x10x3xf32>, %b: tensor<4x3xf32>) -> tensor<2x2x3xf32> {
  %r = attn.kv_compress %c, %g, %b {ratio = 4 : i64} : tensor<2x10x3xf32>, tensor<2x10x3xf32>, tensor<4x3xf32> -> tensor<2x2x3xf32>
  return %r : tensor<2x2x3xf32>
}

// -----

// Overlap: the low channel half, padded in front by m = 2 tokens (gate -inf,
// content 0), is block i - 1 at padded token i*2 + j; the high half is block
// i. f16 widens to f32 in every body and is rounded once at the end.
// CHECK-DAG: #[[$TOKEN:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 * 2 + d3, d2)>
// CHECK-DAG: #[[$BIAS:.+]] = affine_map<(d0, d1, d2, d3) -> (d3, d2)>
// CHECK-DAG: #[[$ENTRY:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @kv_compress_overlap_f16
// CHECK-SAME: (%[[C:[^:]+]]: tensor<1x9x8xf16>, %[[G:[^:]+]]: tensor<1x9x8xf16>, %[[B:[^:]+]]: tensor<2x8xf16>)
// CHECK-DAG: %[[NOGATE:.+]] = arith.constant 0xFC00 : f16
// CHECK-DAG: %[[NOCONTENT:.+]] = arith.constant 0.000000e+00 : f16
// CHECK: %[[GLO:.+]] = tensor.extract_slice %[[G]][0, 0, 0] [1, 9, 4] [1, 1, 1]
// CHECK: %[[GPREV:.+]] = tensor.pad %[[GLO]] low[0, 2, 0] high[0, 0, 0]
// CHECK: tensor.yield %[[NOGATE]] : f16
// CHECK: } : tensor<1x9x4xf16> to tensor<1x11x4xf16>
// CHECK: %[[CLO:.+]] = tensor.extract_slice %[[C]][0, 0, 0] [1, 9, 4] [1, 1, 1]
// CHECK: %[[CPREV:.+]] = tensor.pad %[[CLO]] low[0, 2, 0] high[0, 0, 0]
// CHECK: tensor.yield %[[NOCONTENT]] : f16
// CHECK: %[[BLO:.+]] = tensor.extract_slice %[[B]][0, 0] [2, 4] [1, 1]
// CHECK: %[[GHI:.+]] = tensor.extract_slice %[[G]][0, 0, 4] [1, 9, 4] [1, 1, 1]
// CHECK: %[[CHI:.+]] = tensor.extract_slice %[[C]][0, 0, 4] [1, 9, 4] [1, 1, 1]
// CHECK: %[[BHI:.+]] = tensor.extract_slice %[[B]][0, 4] [2, 4] [1, 1]
// CHECK: %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$TOKEN]], #[[$BIAS]], #[[$TOKEN]], #[[$BIAS]], #[[$ENTRY]]]
// CHECK-SAME: ins(%[[GPREV]], %[[BLO]], %[[GHI]], %[[BHI]] : {{.*}}) outs(%{{.+}} : tensor<1x4x4xf32>)
// CHECK: arith.extf %{{.+}} : f16 to f32
// CHECK: %[[SUMS:.+]]:2 = linalg.generic
// CHECK-SAME: ins(%[[GPREV]], %[[BLO]], %[[CPREV]], %[[GHI]], %[[BHI]], %[[CHI]], %[[MAX]] : {{.*}})
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%[[SUMS]]#0, %[[SUMS]]#1 : {{.*}}) outs(%{{.+}} : tensor<1x4x4xf16>)
// CHECK: %[[POOLED:.+]] = arith.divf
// CHECK-NEXT: %[[ROUNDED:.+]] = arith.truncf %[[POOLED]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[ROUNDED]] : f16
// CHECK: return %[[OUT]] : tensor<1x4x4xf16>
func.func @kv_compress_overlap_f16(%c: tensor<1x9x8xf16>, %g: tensor<1x9x8xf16>, %b: tensor<2x8xf16>) -> tensor<1x4x4xf16> {
  %r = attn.kv_compress %c, %g, %b {ratio = 2 : i64, overlap} : tensor<1x9x8xf16>, tensor<1x9x8xf16>, tensor<2x8xf16> -> tensor<1x4x4xf16>
  return %r : tensor<1x4x4xf16>
}

// -----

// Dynamic dims: the entry count is T floordiv m and the channel half C'/2,
// both at run time.
// CHECK-LABEL: func.func @kv_compress_dynamic
// CHECK-SAME: (%[[C:[^:]+]]: tensor<?x?x?xf32>, %[[G:[^:]+]]: tensor<?x?x?xf32>, %[[B:[^:]+]]: tensor<3x?xf32>)
// CHECK: %[[WIDTH:.+]] = tensor.dim %[[C]], %{{.+}} : tensor<?x?x?xf32>
// CHECK: %[[HALF:.+]] = arith.divui %[[WIDTH]], %{{.+}} : index
// CHECK: %[[BATCH:.+]] = tensor.dim %[[C]], %{{.+}} : tensor<?x?x?xf32>
// CHECK: %[[TOKENS:.+]] = tensor.dim %[[C]], %{{.+}} : tensor<?x?x?xf32>
// CHECK: %[[RATIO:.+]] = arith.constant 3 : index
// CHECK: %[[ENTRIES:.+]] = arith.divui %[[TOKENS]], %[[RATIO]] : index
// CHECK: tensor.extract_slice %[[G]][0, 0, 0] [%{{.+}}, %{{.+}}, %[[HALF]]] [1, 1, 1]
// CHECK: tensor.extract_slice %[[G]][0, 0, %[[HALF]]] [%{{.+}}, %{{.+}}, %[[HALF]]] [1, 1, 1]
// CHECK: tensor.empty(%[[BATCH]], %[[ENTRIES]], %[[HALF]]) : tensor<?x?x?xf32>
func.func @kv_compress_dynamic(%c: tensor<?x?x?xf32>, %g: tensor<?x?x?xf32>, %b: tensor<3x?xf32>) -> tensor<?x?x?xf32> {
  %r = attn.kv_compress %c, %g, %b {ratio = 3 : i64, overlap} : tensor<?x?x?xf32>, tensor<?x?x?xf32>, tensor<3x?xf32> -> tensor<?x?x?xf32>
  return %r : tensor<?x?x?xf32>
}

// -----

// The result type knows N while the token count is dynamic: the computed
// tensor is cast to the op's type.
// CHECK-LABEL: func.func @kv_compress_static_result_of_dynamic_tokens
// CHECK: %[[OUT:.+]] = linalg.generic {{.*}} ins(%{{.+}}#0, %{{.+}}#1 : {{.*}}) outs(%{{.+}} : tensor<1x?x8xf32>)
// CHECK: %[[CAST:.+]] = tensor.cast %[[OUT]] : tensor<1x?x8xf32> to tensor<1x4x8xf32>
// CHECK: return %[[CAST]] : tensor<1x4x8xf32>
func.func @kv_compress_static_result_of_dynamic_tokens(%c: tensor<1x?x8xf32>, %g: tensor<1x?x8xf32>, %b: tensor<4x8xf32>) -> tensor<1x4x8xf32> {
  %r = attn.kv_compress %c, %g, %b {ratio = 4 : i64} : tensor<1x?x8xf32>, tensor<1x?x8xf32>, tensor<4x8xf32> -> tensor<1x4x8xf32>
  return %r : tensor<1x4x8xf32>
}
