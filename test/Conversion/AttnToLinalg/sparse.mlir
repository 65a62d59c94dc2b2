// The structure of the sparse-attention family lowerings: attn.topk by rank,
// attn.lightning_indexer in three generics, attn.sparse_attention reading K
// and V through the indices. Numerics: sparse-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// CHECK-DAG: #[[$SELF:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[$RIVAL:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-LABEL: func.func @topk
// CHECK-SAME: (%[[S:.+]]: tensor<1x3x6xf32>)
// CHECK: %[[ZERO:.+]] = arith.constant 0 : i32
// CHECK: %[[RANKINIT:.+]] = linalg.fill ins(%[[ZERO]] : i32) outs(%{{.+}} : tensor<1x3x6xi32>)
// Rank of key t: finite keys u scored higher, or equal with u < t.
// CHECK: %[[RANK:.+]] = linalg.generic {indexing_maps = [#[[$SELF]], #[[$RIVAL]], #[[$SELF]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[S]], %[[S]] : {{.*}}) outs(%[[RANKINIT]] : tensor<1x3x6xi32>)
// CHECK-NEXT: ^bb0(%[[ST:.+]]: f32, %[[SU:.+]]: f32, %[[ACC:.+]]: i32):
// CHECK-DAG: %[[T:.+]] = linalg.index 2 : index
// CHECK-DAG: %[[U:.+]] = linalg.index 3 : index
// CHECK: %[[GT:.+]] = arith.cmpf ogt, %[[SU]], %[[ST]] : f32
// CHECK: %[[EQ:.+]] = arith.cmpf oeq, %[[SU]], %[[ST]] : f32
// CHECK: %[[LOWER:.+]] = arith.cmpi ult, %[[U]], %[[T]] : index
// CHECK: %[[TIE:.+]] = arith.andi %[[EQ]], %[[LOWER]] : i1
// CHECK: %[[INF:.+]] = arith.constant 0x7F800000 : f32
// CHECK: %[[ABS:.+]] = math.absf %[[SU]] : f32
// CHECK: %[[FINITE:.+]] = arith.cmpf olt, %[[ABS]], %[[INF]] : f32
// CHECK: %[[BEATS:.+]] = arith.ori %[[GT]], %[[TIE]] : i1
// CHECK: %[[AHEAD:.+]] = arith.andi %[[FINITE]], %[[BEATS]] : i1
// CHECK: %[[ONE:.+]] = arith.extui %[[AHEAD]] : i1 to i32
// CHECK: arith.addi %[[ACC]], %[[ONE]] : i32
// Slot n takes the finite key of rank n, or keeps -1.
// CHECK: %[[NONE:.+]] = arith.constant -1 : i32
// CHECK: %[[INIT:.+]] = linalg.fill ins(%[[NONE]] : i32) outs(%{{.+}} : tensor<1x3x2xi32>)
// CHECK: %[[IDX:.+]] = linalg.generic {indexing_maps = [#[[$RIVAL]], #[[$RIVAL]], #[[$SELF]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[S]], %[[RANK]] : {{.*}}) outs(%[[INIT]] : tensor<1x3x2xi32>)
// CHECK-NEXT: ^bb0(%[[SCORE:.+]]: f32, %[[R:.+]]: i32, %[[PREV:.+]]: i32):
// CHECK: %[[N:.+]] = arith.index_cast %{{.+}} : index to i32
// CHECK: %[[KEY:.+]] = arith.index_cast %{{.+}} : index to i32
// CHECK: %[[ISN:.+]] = arith.cmpi eq, %[[R]], %[[N]] : i32
// CHECK: %[[HIT:.+]] = arith.andi %{{.+}}, %[[ISN]] : i1
// CHECK: arith.select %[[HIT]], %[[KEY]], %[[PREV]] : i32
// CHECK: return %[[IDX]] : tensor<1x3x2xi32>
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
// CHECK: %[[T:.+]] = linalg.index 1 : index
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
