// attn.kv_cache_append is tensor.concat on the sequence axis; dynamic past
// or update lengths stay dynamic. Numerics: the present_key/present_value
// outputs of test/Integration/models/rope_llama_decode (rope-models.test).
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @decode_step
// CHECK-SAME: (%[[PAST:[^:]+]]: tensor<2x4x7x16xf16>, %[[NEW:[^:]+]]: tensor<2x4x1x16xf16>)
// CHECK: %[[PRESENT:.+]] = tensor.concat dim(2) %[[PAST]], %[[NEW]] : (tensor<2x4x7x16xf16>, tensor<2x4x1x16xf16>) -> tensor<2x4x8x16xf16>
// CHECK-NOT: attn.kv_cache_append
// CHECK: return %[[PRESENT]]
func.func @decode_step(%past: tensor<2x4x7x16xf16>, %new: tensor<2x4x1x16xf16>) -> tensor<2x4x8x16xf16> {
  %r = attn.kv_cache_append %past, %new : tensor<2x4x7x16xf16>, tensor<2x4x1x16xf16> -> tensor<2x4x8x16xf16>
  return %r : tensor<2x4x8x16xf16>
}

// -----

// CHECK-LABEL: func.func @dynamic_lengths
// CHECK-SAME: (%[[PAST:[^:]+]]: tensor<1x2x?x8xf32>, %[[NEW:[^:]+]]: tensor<1x2x?x8xf32>)
// CHECK: %[[PRESENT:.+]] = tensor.concat dim(2) %[[PAST]], %[[NEW]] : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
// CHECK: return %[[PRESENT]]
func.func @dynamic_lengths(%past: tensor<1x2x?x8xf32>, %new: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %r = attn.kv_cache_append %past, %new : tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32> -> tensor<1x2x?x8xf32>
  return %r : tensor<1x2x?x8xf32>
}
