// The structure of the attn.rope lowering: one elementwise generic whose
// rotated channels read their pair partner and cos/sin entry through computed
// indices. Numerics: rope-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$TOKEN:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2)>
// CHECK-LABEL: func.func @half_split_partial_positions
// CHECK-SAME: (%[[X:[^:]+]]: tensor<1x2x3x8xf16>, %[[COS:[^:]+]]: tensor<7x2xf16>, %[[SIN:[^:]+]]: tensor<7x2xf16>, %[[POS:[^:]+]]: tensor<1x3xi64>)
// CHECK: %[[OUT:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$TOKEN]], #[[$ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[X]], %[[POS]] : tensor<1x2x3x8xf16>, tensor<1x3xi64>)
// CHECK-NEXT: ^bb0(%[[SELF:.+]]: f16, %[[P:.+]]: i64, %{{.+}}: f16):
// CHECK-DAG: %[[B:.+]] = linalg.index 0 : index
// CHECK-DAG: %[[H:.+]] = linalg.index 1 : index
// CHECK-DAG: %[[S:.+]] = linalg.index 2 : index
// CHECK-DAG: %[[C:.+]] = linalg.index 3 : index
// CHECK-DAG: %[[OFFSET:.+]] = arith.constant 2 : index
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : index
// CHECK-DAG: %[[ROT:.+]] = arith.constant 4 : index
// Channel c is rotated when 0 <= c - offset < rotary_dim.
// CHECK: %[[REL:.+]] = arith.subi %[[C]], %[[OFFSET]] : index
// CHECK: %[[GE:.+]] = arith.cmpi sge, %[[REL]], %[[ZERO]] : index
// CHECK: %[[LT:.+]] = arith.cmpi slt, %[[REL]], %[[ROT]] : index
// CHECK: %[[IN:.+]] = arith.andi %[[GE]], %[[LT]] : i1
// CHECK: %[[CLAMPED:.+]] = arith.select %[[IN]], %[[REL]], %[[ZERO]] : index
// Half split: the first half pairs with channel + R/2.
// CHECK: %[[FIRST:.+]] = arith.cmpi slt, %[[CLAMPED]], %[[HALF:.+]] : index
// CHECK: %[[PAIR:.+]] = arith.select %[[FIRST]]
// CHECK: %[[PARTNER_REL:.+]] = arith.select %[[FIRST]]
// CHECK: %[[PARTNER:.+]] = arith.addi %[[PARTNER_REL]], %[[OFFSET]] : index
// CHECK: %[[ROW:.+]] = arith.index_cast %[[P]] : i64 to index
// CHECK: tensor.extract %[[COS]][%[[ROW]], %[[PAIR]]] : tensor<7x2xf16>
// CHECK: tensor.extract %[[SIN]][%[[ROW]], %[[PAIR]]] : tensor<7x2xf16>
// CHECK: %[[SELF32:.+]] = arith.extf %[[SELF]] : f16 to f32
// CHECK: tensor.extract %[[X]][%[[B]], %[[H]], %[[S]], %[[PARTNER]]] : tensor<1x2x3x8xf16>
// CHECK: %[[MINUS:.+]] = arith.subf
// CHECK: %[[PLUS:.+]] = arith.addf
// CHECK: %[[ROTATED:.+]] = arith.select %[[FIRST]], %[[MINUS]], %[[PLUS]] : f32
// CHECK: %[[RESULT:.+]] = arith.select %[[IN]], %[[ROTATED]], %[[SELF32]] : f32
// CHECK: arith.truncf %[[RESULT]] : f32 to f16
// CHECK: return %[[OUT]]
func.func @half_split_partial_positions(%x: tensor<1x2x3x8xf16>, %cos: tensor<7x2xf16>, %sin: tensor<7x2xf16>, %pos: tensor<1x3xi64>) -> tensor<1x2x3x8xf16> {
  %r = attn.rope %x, %cos, %sin positions(%pos : tensor<1x3xi64>) {rotary_dim = 4 : i64, offset = 2 : i64} : tensor<1x2x3x8xf16>, tensor<7x2xf16>, tensor<7x2xf16>
  return %r : tensor<1x2x3x8xf16>
}

// -----

// Interleaved pairs (2m, 2m + 1) from per-token tables indexed (b, s, m);
// inverse swaps which member subtracts.
// CHECK-LABEL: func.func @interleaved_inverse_per_token
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x2x3x4xf32>, %[[COS:[^:]+]]: tensor<2x3x2xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[X]] : tensor<2x2x3x4xf32>)
// CHECK-DAG: %[[B:.+]] = linalg.index 0 : index
// CHECK-DAG: %[[S:.+]] = linalg.index 2 : index
// CHECK-DAG: %[[TWO:.+]] = arith.constant 2 : index
// CHECK: %[[PARITY:.+]] = arith.remui %{{.+}}, %[[TWO]] : index
// CHECK: %[[FIRST:.+]] = arith.cmpi eq, %[[PARITY]], %{{.+}} : index
// CHECK: %[[PAIR:.+]] = arith.divui %{{.+}}, %[[TWO]] : index
// CHECK: tensor.extract %[[COS]][%[[B]], %[[S]], %[[PAIR]]] : tensor<2x3x2xf32>
// CHECK: %[[MINUS:.+]] = arith.subf
// CHECK: %[[PLUS:.+]] = arith.addf
// CHECK: arith.select %[[FIRST]], %[[PLUS]], %[[MINUS]] : f32
func.func @interleaved_inverse_per_token(%x: tensor<2x2x3x4xf32>, %cos: tensor<2x3x2xf32>, %sin: tensor<2x3x2xf32>) -> tensor<2x2x3x4xf32> {
  %r = attn.rope %x, %cos, %sin {layout = #attn.rope_layout<interleaved>, inverse} : tensor<2x2x3x4xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>
  return %r : tensor<2x2x3x4xf32>
}

// -----

// Dynamic batch and sequence: the result is sized from the input.
// CHECK-LABEL: func.func @dynamic_tokens
// CHECK-SAME: (%[[X:[^:]+]]: tensor<?x2x?x4xf32>
// CHECK-DAG: %[[B:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x2x?x4xf32>
// CHECK-DAG: %[[S:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x2x?x4xf32>
// CHECK: tensor.empty(%[[B]], %[[S]]) : tensor<?x2x?x4xf32>
func.func @dynamic_tokens(%x: tensor<?x2x?x4xf32>, %cos: tensor<16x2xf32>, %sin: tensor<16x2xf32>, %pos: tensor<?x?xi32>) -> tensor<?x2x?x4xf32> {
  %r = attn.rope %x, %cos, %sin positions(%pos : tensor<?x?xi32>) : tensor<?x2x?x4xf32>, tensor<16x2xf32>, tensor<16x2xf32>
  return %r : tensor<?x2x?x4xf32>
}
