// The structure of the attn.kv_cache_update lowering: a generic over the
// cache that gathers, for each slot, the new token written there (if any).
// Numerics: kv-cache-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$BATCH:.+]] = affine_map<(d0, d1, d2, d3) -> (d0)>
// CHECK-LABEL: func.func @linear
// CHECK-SAME: (%[[CACHE:[^:]+]]: tensor<2x2x6x3xf32>, %[[NEW:[^:]+]]: tensor<2x2x2x3xf32>, %[[POS:[^:]+]]: tensor<2xi64>)
// CHECK: %[[TOKENS:.+]] = arith.constant 2 : index
// CHECK: %[[OUT:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$BATCH]], #[[$ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[CACHE]], %[[POS]] : tensor<2x2x6x3xf32>, tensor<2xi64>)
// CHECK-NEXT: ^bb0(%[[OLD:.+]]: f32, %[[P:.+]]: i64, %{{.+}}: f32):
// CHECK-DAG: %[[B:.+]] = linalg.index 0 : index
// CHECK-DAG: %[[H:.+]] = linalg.index 1 : index
// CHECK-DAG: %[[T:.+]] = linalg.index 2 : index
// CHECK-DAG: %[[D:.+]] = linalg.index 3 : index
// CHECK: %[[START:.+]] = arith.index_cast %[[P]] : i64 to index
// CHECK: %[[S:.+]] = arith.subi %[[T]], %[[START]] : index
// CHECK-NOT: arith.remsi
// CHECK: %[[GE:.+]] = arith.cmpi sge, %[[S]], %{{.+}} : index
// CHECK: %[[LT:.+]] = arith.cmpi slt, %[[S]], %[[TOKENS]] : index
// CHECK: %[[WRITTEN:.+]] = arith.andi %[[GE]], %[[LT]] : i1
// CHECK: %[[V:.+]] = scf.if %[[WRITTEN]] -> (f32) {
// CHECK:   %[[NEWV:.+]] = tensor.extract %[[NEW]][%[[B]], %[[H]], %[[S]], %[[D]]] : tensor<2x2x2x3xf32>
// CHECK:   scf.yield %[[NEWV]] : f32
// CHECK: } else {
// CHECK:   scf.yield %[[OLD]] : f32
// CHECK: linalg.yield %[[V]] : f32
// CHECK: return %[[OUT]]
func.func @linear(%cache: tensor<2x2x6x3xf32>, %new: tensor<2x2x2x3xf32>, %pos: tensor<2xi64>) -> tensor<2x2x6x3xf32> {
  %r = attn.kv_cache_update %cache, %new at %pos : tensor<2x2x6x3xf32>, tensor<2x2x2x3xf32>, tensor<2xi64>
  return %r : tensor<2x2x6x3xf32>
}

// -----

// Ring: the slot's token is (t - positions[b]) mod T, made non-negative.
// CHECK-LABEL: func.func @ring
// CHECK-SAME: %[[POS:[^:]+]]: tensor<1xi32>
// CHECK-DAG: %[[SLOTS:.+]] = arith.constant 4 : index
// CHECK: ^bb0(%{{.+}}: f32, %[[P:.+]]: i32, %{{.+}}: f32):
// CHECK: %[[T:.+]] = linalg.index 2 : index
// CHECK: %[[START:.+]] = arith.index_cast %[[P]] : i32 to index
// CHECK: %[[DIFF:.+]] = arith.subi %[[T]], %[[START]] : index
// CHECK: %[[REM:.+]] = arith.remsi %[[DIFF]], %[[SLOTS]] : index
// CHECK: %[[SHIFTED:.+]] = arith.addi %[[REM]], %[[SLOTS]] : index
// CHECK: %[[S:.+]] = arith.remsi %[[SHIFTED]], %[[SLOTS]] : index
// CHECK: arith.cmpi slt, %[[S]], %{{.+}} : index
// CHECK: scf.if
func.func @ring(%cache: tensor<1x2x4x3xf32>, %new: tensor<1x2x2x3xf32>, %pos: tensor<1xi32>) -> tensor<1x2x4x3xf32> {
  %r = attn.kv_cache_update %cache, %new at %pos {mode = #attn.cache_mode<ring>} : tensor<1x2x4x3xf32>, tensor<1x2x2x3xf32>, tensor<1xi32>
  return %r : tensor<1x2x4x3xf32>
}

// -----

// Dynamic slot and token counts come from tensor.dim.
// CHECK-LABEL: func.func @dynamic_sizes
// CHECK-SAME: (%[[CACHE:[^:]+]]: tensor<1x2x?x3xf16>, %[[NEW:[^:]+]]: tensor<1x2x?x3xf16>
// CHECK-DAG: %[[SLOTS:.+]] = tensor.dim %[[CACHE]], %{{.+}} : tensor<1x2x?x3xf16>
// CHECK-DAG: %[[TOKENS:.+]] = tensor.dim %[[NEW]], %{{.+}} : tensor<1x2x?x3xf16>
// CHECK: tensor.empty(%{{.+}}) : tensor<1x2x?x3xf16>
// CHECK: arith.remsi %{{.+}}, %[[SLOTS]] : index
// CHECK: arith.cmpi slt, %{{.+}}, %[[TOKENS]] : index
func.func @dynamic_sizes(%cache: tensor<1x2x?x3xf16>, %new: tensor<1x2x?x3xf16>, %pos: tensor<1xi64>) -> tensor<1x2x?x3xf16> {
  %r = attn.kv_cache_update %cache, %new at %pos {mode = #attn.cache_mode<ring>} : tensor<1x2x?x3xf16>, tensor<1x2x?x3xf16>, tensor<1xi64>
  return %r : tensor<1x2x?x3xf16>
}
