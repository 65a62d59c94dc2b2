// Which form attn.linear_attention lowers to: the chunked prefill form
// (LinearAttentionChunked.cpp) for more than one token with a chunk_size, or
// without one from 64 tokens on; the token recurrence otherwise (decode).
// Numerics: linear-attention-chunked-exec.mlir.
// RUN: attnc-opt %s --convert-attn-to-linalg -split-input-file | FileCheck %s

// 5 tokens in chunks of 2: inputs padded to 6 tokens, an scf.for over chunks
// carrying the state and the padded output, the delta rows solved by forward
// substitution over the chunk's rows, the state copied back in place, the
// output cut back to 5 tokens.
// CHECK-LABEL: func.func @gated_delta_chunked
// CHECK-SAME: (%[[Q:[^:]+]]: tensor<1x4x5x3xf32>
// CHECK: %[[QP:.+]] = tensor.insert_slice %{{.+}} into %{{.+}}[0, 0, 0, 0] [1, 4, 5, 3] [1, 1, 1, 1] : tensor<1x4x5x3xf32> into tensor<1x4x6x3xf32>
// CHECK: %[[C0:.+]] = arith.constant 0 : index
// CHECK: %[[C2:.+]] = arith.constant 2 : index
// CHECK: %[[C6:.+]] = arith.constant 6 : index
// CHECK: %[[LOOP:.+]]:2 = scf.for %[[OFF:.+]] = %[[C0]] to %[[C6]] step %[[C2]] iter_args(%[[S:.+]] = %{{.+}}, %[[O:.+]] = %{{.+}}) -> (tensor<1x2x3x2xf32>, tensor<1x4x6x2xf32>)
// CHECK: tensor.extract_slice %[[QP]][0, 0, %[[OFF]], 0] [1, 4, 2, 3] [1, 1, 1, 1] : tensor<1x4x6x3xf32> to tensor<1x4x2x3xf32>
// CHECK: scf.for %[[ROW:.+]] = {{.+}} iter_args(%[[W:.+]] = %{{.+}}) -> (tensor<1x2x2x2xf32>)
// CHECK: tensor.insert_slice %{{.+}} into %[[W]][0, 0, %[[ROW]], 0] [1, 2, 1, 2]
// CHECK: %[[OUT:.+]] = tensor.insert_slice %{{.+}} into %[[O]][0, 0, %[[OFF]], 0] [1, 4, 2, 2]
// CHECK: %[[SN:.+]] = linalg.copy ins(%{{.+}} : tensor<1x2x3x2xf32>) outs(%[[S]] : tensor<1x2x3x2xf32>)
// CHECK: scf.yield %[[SN]], %[[OUT]]
// CHECK: tensor.extract_slice %[[LOOP]]#1[0, 0, 0, 0] [1, 4, 5, 2] [1, 1, 1, 1] : tensor<1x4x6x2xf32> to tensor<1x4x5x2xf32>
func.func @gated_delta_chunked(%q: tensor<1x4x5x3xf32>, %k: tensor<1x2x5x3xf32>, %v: tensor<1x2x5x2xf32>, %g: tensor<1x2x5xf32>, %b: tensor<1x2x5xf32>) -> (tensor<1x4x5x2xf32>, tensor<1x2x3x2xf32>) {
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x5xf32>) beta(%b : tensor<1x2x5xf32>) {chunk_size = 2 : i64} : tensor<1x4x5x3xf32>, tensor<1x2x5x3xf32>, tensor<1x2x5x2xf32> -> tensor<1x4x5x2xf32>, tensor<1x2x3x2xf32>
  return %o, %s : tensor<1x4x5x2xf32>, tensor<1x2x3x2xf32>
}

// -----

// Decode, one token: the recurrence even with a chunk_size.
// CHECK-LABEL: func.func @decode_step
// CHECK-NOT: linalg.copy
// CHECK: scf.for
// CHECK-NOT: linalg.copy
// CHECK: return
func.func @decode_step(%q: tensor<1x2x1x3xf32>, %k: tensor<1x2x1x3xf32>, %v: tensor<1x2x1x2xf32>, %s0: tensor<1x2x3x2xf32>) -> (tensor<1x2x1x2xf32>, tensor<1x2x3x2xf32>) {
  %o, %s = attn.linear_attention %q, %k, %v state(%s0 : tensor<1x2x3x2xf32>) {rule = #attn.update_rule<linear>, chunk_size = 64 : i64} : tensor<1x2x1x3xf32>, tensor<1x2x1x3xf32>, tensor<1x2x1x2xf32> -> tensor<1x2x1x2xf32>, tensor<1x2x3x2xf32>
  return %o, %s : tensor<1x2x1x2xf32>, tensor<1x2x3x2xf32>
}

// -----

// No chunk_size and fewer than 64 tokens (e.g. raised from a Scan): the
// recurrence.
// CHECK-LABEL: func.func @short_prompt_no_chunk_size
// CHECK-NOT: linalg.copy
// CHECK: scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}) -> (tensor<1x2x3x2xf32>, tensor<1x2x8x2xf32>)
// CHECK-NOT: linalg.copy
// CHECK: return
func.func @short_prompt_no_chunk_size(%q: tensor<1x2x8x3xf32>, %k: tensor<1x2x8x3xf32>, %v: tensor<1x2x8x2xf32>) -> (tensor<1x2x8x2xf32>, tensor<1x2x3x2xf32>) {
  %o, %s = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>} : tensor<1x2x8x3xf32>, tensor<1x2x8x3xf32>, tensor<1x2x8x2xf32> -> tensor<1x2x8x2xf32>, tensor<1x2x3x2xf32>
  return %o, %s : tensor<1x2x8x2xf32>, tensor<1x2x3x2xf32>
}

// -----

// Inverse GQA (2 query/key heads, 4 value heads) in chunks of 2: every chunk
// product runs over the 4 state heads, reading key (and query) head h / 2;
// the state, the rows W and the output have 4 heads.
// CHECK-DAG: #[[$A_HEAD:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d2, d4)>
// CHECK-DAG: #[[$K_HEAD:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d3, d4)>
// CHECK-DAG: #[[$K_STATE:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d4, d2)>
// CHECK-LABEL: func.func @gated_delta_inverse_gqa_chunked
// CHECK: scf.for {{.+}} -> (tensor<1x4x3x2xf32>, tensor<1x4x4x2xf32>)
// CHECK-DAG: %[[QC:.+]] = tensor.extract_slice %{{.+}} : tensor<1x2x4x3xf32> to tensor<1x2x2x3xf32>
// CHECK-DAG: %[[KC:.+]] = tensor.extract_slice %{{.+}} : tensor<1x2x4x3xf32> to tensor<1x2x2x3xf32>
// L = beta_r Gamma_ru k_r.k_u per state head:
// CHECK: linalg.generic {indexing_maps = [#[[$A_HEAD]], #[[$K_HEAD]], {{.*}} ins(%[[KC]], %[[KC]], {{.*}} : tensor<1x2x2x3xf32>, tensor<1x2x2x3xf32>, tensor<1x4x2x2xf32>, tensor<1x4x2xf32>) outs(%{{.+}} : tensor<1x4x2x2xf32>)
// Output scores q_r.k_u per output head:
// CHECK: linalg.generic {indexing_maps = [#[[$A_HEAD]], #[[$K_HEAD]], {{.*}} ins(%[[QC]], %[[KC]], {{.*}} : tensor<1x2x2x3xf32>, tensor<1x2x2x3xf32>, tensor<1x4x2x2xf32>) outs(%{{.+}} : tensor<1x4x2x2xf32>)
// Next state: k of the state head's key head.
// CHECK: linalg.generic {indexing_maps = [#[[$K_STATE]], {{.*}} ins(%[[KC]], {{.*}} : tensor<1x2x2x3xf32>, tensor<1x4x2x2xf32>, tensor<1x4x2xf32>) outs(%{{.+}} : tensor<1x4x3x2xf32>)
func.func @gated_delta_inverse_gqa_chunked(%q: tensor<1x2x4x3xf32>, %k: tensor<1x2x4x3xf32>, %v: tensor<1x4x4x2xf32>, %g: tensor<1x4x4xf32>, %b: tensor<1x4x4xf32>) -> (tensor<1x4x4x2xf32>, tensor<1x4x3x2xf32>) {
  %o, %s = attn.linear_attention %q, %k, %v decay(%g : tensor<1x4x4xf32>) beta(%b : tensor<1x4x4xf32>) {chunk_size = 2 : i64} : tensor<1x2x4x3xf32>, tensor<1x2x4x3xf32>, tensor<1x4x4x2xf32> -> tensor<1x4x4x2xf32>, tensor<1x4x3x2xf32>
  return %o, %s : tensor<1x4x4x2xf32>, tensor<1x4x3x2xf32>
}
