// The structure of the sparse-attention family lowerings: attn.topk as one
// scan per query into a sorted k-buffer, attn.lightning_indexer in three
// generics, attn.sparse_attention reading K and V through the indices.
// Numerics: sparse-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @topk
// CHECK-SAME: (%[[S:.+]]: tensor<1x3x6xf32>)
// Indices start as -1 (no key), their scores as -inf.
// CHECK: %[[NONE:.+]] = arith.constant -1 : i32
// CHECK: %[[IINIT:.+]] = linalg.fill ins(%[[NONE]] : i32) outs(%{{.+}} : tensor<1x3x2xi32>)
// CHECK: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[SINIT:.+]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.+}} : tensor<1x3x2xf32>)
// CHECK: %[[KEYS:.+]] = arith.constant 6 : index
// CHECK: %[[NEST:.+]]:2 = scf.for %[[B:[^ ]+]] = {{.*}} iter_args(%{{.+}} = %[[SINIT]], %{{.+}} = %[[IINIT]])
// CHECK: scf.for %[[Q:[^ ]+]] =
// CHECK: scf.for %[[T:[^ ]+]] = %{{.+}} to %[[KEYS]] {{.*}} iter_args(%[[SB:[^ ]+]] = %{{.+}}, %[[IB:[^ ]+]] = %{{.+}})
// CHECK: %[[X:.+]] = tensor.extract %[[S]][%[[B]], %[[Q]], %[[T]]] : tensor<1x3x6xf32>
// The k-th (last) slot: index 1.
// CHECK: %[[KTH:.+]] = tensor.extract %[[SB]][%[[B]], %[[Q]], %[[LAST:.+]]] : tensor<1x3x2xf32>
// A key enters when finite and strictly above the k-th kept score.
// CHECK: %[[INF:.+]] = arith.constant 0x7F800000 : f32
// CHECK: %[[ABS:.+]] = math.absf %[[X]] : f32
// CHECK: %[[FINITE:.+]] = arith.cmpf olt, %[[ABS]], %[[INF]] : f32
// CHECK: %[[BEATS:.+]] = arith.cmpf ogt, %[[X]], %[[KTH]] : f32
// CHECK: %[[ENTERS:.+]] = arith.andi %[[FINITE]], %[[BEATS]] : i1
// CHECK: scf.if %[[ENTERS]]
// Insertion from the last slot up, past strictly lower scores only (ties
// keep the earlier, lower index first).
// CHECK: %[[SHIFT:.+]]:3 = scf.while (%{{.+}} = %[[LAST]], %{{.+}} = %[[SB]], %{{.+}} = %[[IB]])
// CHECK: arith.cmpf ogt, %[[X]], %{{.+}} : f32
// CHECK: scf.condition
// CHECK: } do {
// CHECK: tensor.insert %{{.+}} into %{{.+}}[%[[B]], %[[Q]], %{{.+}}] : tensor<1x3x2xf32>
// CHECK: tensor.insert %{{.+}} into %{{.+}}[%[[B]], %[[Q]], %{{.+}}] : tensor<1x3x2xi32>
// CHECK: }
// CHECK: %[[KEY:.+]] = arith.index_cast %[[T]] : index to i32
// CHECK: tensor.insert %[[X]] into %[[SHIFT]]#1[%[[B]], %[[Q]], %[[SHIFT]]#0] : tensor<1x3x2xf32>
// CHECK: tensor.insert %[[KEY]] into %[[SHIFT]]#2[%[[B]], %[[Q]], %[[SHIFT]]#0] : tensor<1x3x2xi32>
// CHECK: } else {
// CHECK: scf.yield %[[SB]], %[[IB]]
// CHECK: return %[[NEST]]#1 : tensor<1x3x2xi32>
func.func @topk(%s: tensor<1x3x6xf32>) -> tensor<1x3x2xi32> {
  %r = attn.topk %s {k = 2 : i64} : tensor<1x3x6xf32> -> tensor<1x3x2xi32>
  return %r : tensor<1x3x2xi32>
}

// -----

// CHECK-DAG: #[[$IQ:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[$IK:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d4)>
// CHECK-DAG: #[[$DOTS:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
// CHECK-LABEL: func.func @lightning_indexer_causal
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x3x2x4xf32>, %[[K:[^:]+]]: tensor<1x5x4xf32>, %[[W:[^:]+]]: tensor<1x3x2xf32>)
// CHECK: %[[DOTS:.+]] = linalg.generic {indexing_maps = [#[[$IQ]], #[[$IK]], #{{.+}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%[[Q]], %[[K]] : {{.*}}) outs(%{{.+}} : tensor<1x3x2x5xf32>)
// CHECK: %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[$DOTS]], #{{.+}}, #{{.+}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[DOTS]], %[[W]] : {{.*}}) outs(%{{.+}} : tensor<1x3x5xf32>)
// CHECK-NEXT: ^bb0(%[[DOT:.+]]: f32, %[[WEIGHT:.+]]: f32, %[[ACC:.+]]: f32):
// CHECK-NEXT: %[[RELU:.+]] = arith.maximumf %[[DOT]], %{{.+}} : f32
// CHECK-NEXT: %[[TERM:.+]] = arith.mulf %[[WEIGHT]], %[[RELU]] : f32
// CHECK-NEXT: arith.addf %[[ACC]], %[[TERM]] : f32
// CHECK: %[[OFFSET:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK: linalg.generic {{.*}} outs(%[[SUM]] : tensor<1x3x5xf32>)
// CHECK: %[[T:[^ ]+]] = linalg.index 1 : index
// CHECK: %[[S:.+]] = linalg.index 2 : index
// CHECK: %[[LAST:.+]] = arith.addi %[[T]], %[[OFFSET]] : index
// CHECK: %[[FUTURE:.+]] = arith.cmpi sgt, %[[S]], %[[LAST]] : index
// CHECK: arith.select %[[FUTURE]], %{{.+}}, %{{.+}} : f32
func.func @lightning_indexer_causal(%q: tensor<1x3x2x4xf32>, %k: tensor<1x5x4xf32>, %w: tensor<1x3x2xf32>) -> tensor<1x3x5xf32> {
  %i = attn.lightning_indexer %q, %k, %w {causal} : tensor<1x3x2x4xf32>, tensor<1x5x4xf32>, tensor<1x3x2xf32> -> tensor<1x3x5xf32>
  return %i : tensor<1x3x5xf32>
}

// -----

// CHECK-DAG: #[[$PICKS:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d3)>
// CHECK-LABEL: func.func @sparse_gqa
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x4x3x8xf32>, %[[K:[^:]+]]: tensor<1x2x6x8xf32>, %[[V:[^:]+]]: tensor<1x2x6x5xf32>, %[[IDX:[^:]+]]: tensor<1x3x2xi64>)
// Scores [B, Hq, S, k]: the key row is read at the selected index, clamped
// to 0 for skipped entries; query head h reads KV head h / 2.
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[$PICKS]], #{{.+}}], {{.*}} ins(%[[Q]], %[[IDX]] : {{.*}}) outs(%{{.+}} : tensor<1x4x3x2xf32>)
// CHECK-NEXT: ^bb0(%{{.+}}: f32, %[[I:.+]]: i64, %{{.+}}: f32):
// CHECK: %[[SEL:.+]] = arith.cmpi sge, %[[I]], %{{.+}} : i64
// CHECK: %[[ROW:.+]] = arith.index_cast %[[I]] : i64 to index
// CHECK: %[[CLAMPED:.+]] = arith.select %[[SEL]], %[[ROW]], %{{.+}} : index
// CHECK: %[[H:.+]] = linalg.index 1 : index
// CHECK: %[[G:.+]] = arith.divui %[[H]], %{{.+}} : index
// CHECK: tensor.extract %[[K]][%{{.+}}, %[[G]], %[[CLAMPED]], %{{.+}}] : tensor<1x2x6x8xf32>
// Skipped entries score -inf.
// CHECK: ^bb0(%[[I2:.+]]: i64, %{{.+}}: f32):
// CHECK: %[[SEL2:.+]] = arith.cmpi sge, %[[I2]], %{{.+}} : i64
// CHECK: arith.select %[[SEL2]], %{{.+}}, %{{.+}} : f32
// CHECK: math.exp
// The weighted sum reads V the same way and drops skipped entries.
// CHECK: linalg.generic {{.*}} ins(%{{.+}}, %[[IDX]] : tensor<1x4x3x2xf32>, tensor<1x3x2xi64>) outs(%{{.+}} : tensor<1x4x3x5xf32>)
// CHECK: %[[VAL:.+]] = tensor.extract %[[V]][%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}] : tensor<1x2x6x5xf32>
// CHECK: %[[PROD:.+]] = arith.mulf %{{.+}}, %[[VAL]] : f32
// CHECK: arith.select %{{.+}}, %[[PROD]], %{{.+}} : f32
// CHECK: arith.divf
func.func @sparse_gqa(%q: tensor<1x4x3x8xf32>, %k: tensor<1x2x6x8xf32>, %v: tensor<1x2x6x5xf32>, %idx: tensor<1x3x2xi64>) -> tensor<1x4x3x5xf32> {
  %o = attn.sparse_attention %q, %k, %v, %idx : tensor<1x4x3x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x5xf32>, tensor<1x3x2xi64> -> tensor<1x4x3x5xf32>
  return %o : tensor<1x4x3x5xf32>
}
