// Every attn op, with and without its optional parts, prints and parses back
// to the same IR, in the custom and in the generic form.
// RUN: attnc-opt %s | attnc-opt | FileCheck %s
// RUN: attnc-opt %s --mlir-print-op-generic | attnc-opt | FileCheck %s

// CHECK-LABEL: func.func @attention_minimal
// CHECK-SAME: (%[[Q:.+]]: tensor<1x8x16x64xf32>, %[[K:.+]]: tensor<1x8x16x64xf32>)
func.func @attention_minimal(%q: tensor<1x8x16x64xf32>, %k: tensor<1x8x16x64xf32>) -> tensor<1x8x16x64xf32> {
  // CHECK: attn.attention %[[Q]], %[[K]], %[[K]] : tensor<1x8x16x64xf32>, tensor<1x8x16x64xf32>, tensor<1x8x16x64xf32> -> tensor<1x8x16x64xf32>
  %o = attn.attention %q, %k, %k : tensor<1x8x16x64xf32>, tensor<1x8x16x64xf32>, tensor<1x8x16x64xf32> -> tensor<1x8x16x64xf32>
  return %o : tensor<1x8x16x64xf32>
}

// CHECK-LABEL: func.func @attention_gqa_everything
func.func @attention_gqa_everything(%q: tensor<2x8x4x64xf16>, %k: tensor<2x2x32x64xf16>, %v: tensor<2x2x32x48xf16>,
                                    %mask: tensor<2x1x4x32xf16>, %sinks: tensor<8xf16>, %lens: tensor<2xi64>) -> tensor<2x8x4x48xf16> {
  // CHECK: attn.attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}} : tensor<2x1x4x32xf16>) sinks(%{{.+}} : tensor<8xf16>) kv_lengths(%{{.+}} : tensor<2xi64>)
  // CHECK-SAME: alignment = #attn.alignment<top_left>
  // CHECK-SAME: causal
  // CHECK-SAME: scale = 1.250000e-01 : f64
  // CHECK-SAME: softcap = 5.000000e+01 : f64
  // CHECK-SAME: softmax_precision = f32
  // CHECK-SAME: window_left = 15 : i64
  // CHECK-SAME: window_right = 0 : i64
  // CHECK-SAME: -> tensor<2x8x4x48xf16>
  %o = attn.attention %q, %k, %v mask(%mask : tensor<2x1x4x32xf16>) sinks(%sinks : tensor<8xf16>) kv_lengths(%lens : tensor<2xi64>)
      {causal, alignment = #attn.alignment<top_left>, scale = 0.125 : f64, softcap = 50.0 : f64,
       window_left = 15 : i64, window_right = 0 : i64, softmax_precision = f32}
      : tensor<2x8x4x64xf16>, tensor<2x2x32x64xf16>, tensor<2x2x32x48xf16> -> tensor<2x8x4x48xf16>
  return %o : tensor<2x8x4x48xf16>
}

// CHECK-LABEL: func.func @attention_mqa_bool_mask_uniform_rows
func.func @attention_mqa_bool_mask_uniform_rows(%q: tensor<1x4x?x32xbf16>, %k: tensor<1x1x?x32xbf16>, %mask: tensor<?x?xi1>) -> tensor<1x4x?x32xbf16> {
  // CHECK: attn.attention {{.*}} mask(%{{.+}} : tensor<?x?xi1>) {masked_rows = #attn.masked_rows<uniform>}
  %o = attn.attention %q, %k, %k mask(%mask : tensor<?x?xi1>) {masked_rows = #attn.masked_rows<uniform>}
      : tensor<1x4x?x32xbf16>, tensor<1x1x?x32xbf16>, tensor<1x1x?x32xbf16> -> tensor<1x4x?x32xbf16>
  return %o : tensor<1x4x?x32xbf16>
}

// CHECK-LABEL: func.func @attention_default_attributes_are_elided
func.func @attention_default_attributes_are_elided(%q: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  // CHECK: attn.attention
  // CHECK-NOT: alignment
  // CHECK-NOT: masked_rows
  // CHECK-SAME: -> tensor<1x2x4x8xf32>
  %o = attn.attention %q, %q, %q {alignment = #attn.alignment<bottom_right>, masked_rows = #attn.masked_rows<zero>}
      : tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32> -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// CHECK-LABEL: func.func @rope_gathered_positions
func.func @rope_gathered_positions(%x: tensor<1x4x16x64xf32>, %cos: tensor<128x16xf32>, %sin: tensor<128x16xf32>, %pos: tensor<1x16xi64>) -> tensor<1x4x16x64xf32> {
  // CHECK: attn.rope %{{.+}}, %{{.+}}, %{{.+}} positions(%{{.+}} : tensor<1x16xi64>) {inverse, layout = #attn.rope_layout<interleaved>, offset = 32 : i64, rotary_dim = 32 : i64} : tensor<1x4x16x64xf32>, tensor<128x16xf32>, tensor<128x16xf32>
  %r = attn.rope %x, %cos, %sin positions(%pos : tensor<1x16xi64>)
      {layout = #attn.rope_layout<interleaved>, rotary_dim = 32 : i64, offset = 32 : i64, inverse}
      : tensor<1x4x16x64xf32>, tensor<128x16xf32>, tensor<128x16xf32>
  return %r : tensor<1x4x16x64xf32>
}

// CHECK-LABEL: func.func @rope_per_token_tables
func.func @rope_per_token_tables(%x: tensor<2x4x16x64xf16>, %cos: tensor<2x16x32xf16>, %sin: tensor<2x16x32xf16>) -> tensor<2x4x16x64xf16> {
  // CHECK: attn.rope %{{.+}}, %{{.+}}, %{{.+}} : tensor<2x4x16x64xf16>, tensor<2x16x32xf16>, tensor<2x16x32xf16>
  %r = attn.rope %x, %cos, %sin : tensor<2x4x16x64xf16>, tensor<2x16x32xf16>, tensor<2x16x32xf16>
  return %r : tensor<2x4x16x64xf16>
}

// CHECK-LABEL: func.func @kv_cache_update_modes
func.func @kv_cache_update_modes(%cache: tensor<1x2x16x32xf32>, %new: tensor<1x2x1x32xf32>, %pos: tensor<1xi64>) -> (tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>) {
  // CHECK: attn.kv_cache_update %{{.+}}, %{{.+}} at %{{.+}} : tensor<1x2x16x32xf32>, tensor<1x2x1x32xf32>, tensor<1xi64>
  %a = attn.kv_cache_update %cache, %new at %pos : tensor<1x2x16x32xf32>, tensor<1x2x1x32xf32>, tensor<1xi64>
  // CHECK: attn.kv_cache_update %{{.+}}, %{{.+}} at %{{.+}} {mode = #attn.cache_mode<ring>}
  %b = attn.kv_cache_update %cache, %new at %pos {mode = #attn.cache_mode<ring>} : tensor<1x2x16x32xf32>, tensor<1x2x1x32xf32>, tensor<1xi64>
  return %a, %b : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>
}

// CHECK-LABEL: func.func @kv_cache_append
// CHECK-SAME: (%[[PAST:[^:]+]]: tensor<1x2x7x16xf32>, %[[NEW:[^:]+]]: tensor<1x2x1x16xf32>, %[[EMPTY:[^:]+]]: tensor<2x1x0x8xf16>, %[[PROMPT:[^:]+]]: tensor<2x1x?x8xf16>)
func.func @kv_cache_append(%past: tensor<1x2x7x16xf32>, %new: tensor<1x2x1x16xf32>,
                           %empty: tensor<2x1x0x8xf16>, %prompt: tensor<2x1x?x8xf16>) -> (tensor<1x2x8x16xf32>, tensor<2x1x?x8xf16>) {
  // CHECK: attn.kv_cache_append %[[PAST]], %[[NEW]] : tensor<1x2x7x16xf32>, tensor<1x2x1x16xf32> -> tensor<1x2x8x16xf32>
  %a = attn.kv_cache_append %past, %new : tensor<1x2x7x16xf32>, tensor<1x2x1x16xf32> -> tensor<1x2x8x16xf32>
  // CHECK: attn.kv_cache_append %[[EMPTY]], %[[PROMPT]] : tensor<2x1x0x8xf16>, tensor<2x1x?x8xf16> -> tensor<2x1x?x8xf16>
  %b = attn.kv_cache_append %empty, %prompt : tensor<2x1x0x8xf16>, tensor<2x1x?x8xf16> -> tensor<2x1x?x8xf16>
  return %a, %b : tensor<1x2x8x16xf32>, tensor<2x1x?x8xf16>
}

// CHECK-LABEL: func.func @dsa_chain
func.func @dsa_chain(%qi: tensor<1x64x4x32xf32>, %ki: tensor<1x64x32xf32>, %w: tensor<1x64x4xf32>,
                     %q: tensor<1x8x64x80xf32>, %k: tensor<1x1x64x80xf32>, %v: tensor<1x1x64x64xf32>) -> tensor<1x8x64x64xf32> {
  // CHECK: %[[SCORES:.+]] = attn.lightning_indexer %{{.+}}, %{{.+}}, %{{.+}} {causal, scale = 1.250000e-01 : f64} : tensor<1x64x4x32xf32>, tensor<1x64x32xf32>, tensor<1x64x4xf32> -> tensor<1x64x64xf32>
  %scores = attn.lightning_indexer %qi, %ki, %w {causal, scale = 0.125 : f64}
      : tensor<1x64x4x32xf32>, tensor<1x64x32xf32>, tensor<1x64x4xf32> -> tensor<1x64x64xf32>
  // CHECK: %[[IDX:.+]] = attn.topk %[[SCORES]] {k = 8 : i64} : tensor<1x64x64xf32> -> tensor<1x64x8xi64>
  %idx = attn.topk %scores {k = 8 : i64} : tensor<1x64x64xf32> -> tensor<1x64x8xi64>
  // CHECK: attn.sparse_attention %{{.+}}, %{{.+}}, %{{.+}}, %[[IDX]] {scale = 1.000000e-01 : f64, softcap = 3.000000e+01 : f64}
  %o = attn.sparse_attention %q, %k, %v, %idx {scale = 0.1 : f64, softcap = 30.0 : f64}
      : tensor<1x8x64x80xf32>, tensor<1x1x64x80xf32>, tensor<1x1x64x64xf32>, tensor<1x64x8xi64> -> tensor<1x8x64x64xf32>
  return %o : tensor<1x8x64x64xf32>
}

// CHECK-LABEL: func.func @sparse_attention_with_sinks
func.func @sparse_attention_with_sinks(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x32x16xf32>, %idx: tensor<1x8x4xi32>, %s: tensor<4xf32>) -> tensor<1x4x8x16xf32> {
  // CHECK: attn.sparse_attention {{.*}} sinks(%{{.+}} : tensor<4xf32>) : {{.*}} tensor<1x8x4xi32> -> tensor<1x4x8x16xf32>
  %o = attn.sparse_attention %q, %k, %k, %idx sinks(%s : tensor<4xf32>)
      : tensor<1x4x8x16xf32>, tensor<1x2x32x16xf32>, tensor<1x2x32x16xf32>, tensor<1x8x4xi32> -> tensor<1x4x8x16xf32>
  return %o : tensor<1x4x8x16xf32>
}

// CHECK-LABEL: func.func @kv_compress_plain_and_overlapping
func.func @kv_compress_plain_and_overlapping(%c: tensor<1x66x32xf32>, %g: tensor<1x66x32xf32>, %b4: tensor<4x32xf32>, %b16: tensor<16x32xf32>) -> (tensor<1x16x32xf32>, tensor<1x4x32xf32>, tensor<1x16x16xf32>) {
  // CHECK: attn.kv_compress %{{.+}}, %{{.+}}, %{{.+}} {ratio = 4 : i64} : tensor<1x66x32xf32>, tensor<1x66x32xf32>, tensor<4x32xf32> -> tensor<1x16x32xf32>
  %hca4 = attn.kv_compress %c, %g, %b4 {ratio = 4 : i64} : tensor<1x66x32xf32>, tensor<1x66x32xf32>, tensor<4x32xf32> -> tensor<1x16x32xf32>
  // CHECK: attn.kv_compress {{.*}} {ratio = 16 : i64} {{.*}} -> tensor<1x4x32xf32>
  %hca16 = attn.kv_compress %c, %g, %b16 {ratio = 16 : i64} : tensor<1x66x32xf32>, tensor<1x66x32xf32>, tensor<16x32xf32> -> tensor<1x4x32xf32>
  // CHECK: attn.kv_compress {{.*}} {overlap, ratio = 4 : i64} {{.*}} -> tensor<1x16x16xf32>
  %csa = attn.kv_compress %c, %g, %b4 {ratio = 4 : i64, overlap} : tensor<1x66x32xf32>, tensor<1x66x32xf32>, tensor<4x32xf32> -> tensor<1x16x16xf32>
  return %hca4, %hca16, %csa : tensor<1x16x32xf32>, tensor<1x4x32xf32>, tensor<1x16x16xf32>
}

// CHECK-LABEL: func.func @mla_both_forms
func.func @mla_both_forms(%qn: tensor<1x8x16x32xf32>, %qr: tensor<1x8x16x16xf32>, %ckv: tensor<1x16x64xf32>, %kr: tensor<1x16x16xf32>,
                          %wuk: tensor<8x64x32xf32>, %wuv: tensor<8x64x24xf32>) -> (tensor<1x8x16x24xf32>, tensor<1x8x16x24xf32>) {
  // CHECK: attn.mla {{.*}} {causal, scale = 1.000000e-01 : f64} : {{.*}} -> tensor<1x8x16x24xf32>
  %e = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64, causal}
      : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x24xf32>
  // CHECK: attn.mla {{.*}} {causal, form = #attn.mla_form<absorbed>, scale = 1.000000e-01 : f64}
  %a = attn.mla %qn, %qr, %ckv, %kr, %wuk, %wuv {scale = 0.1 : f64, causal, form = #attn.mla_form<absorbed>}
      : tensor<1x8x16x32xf32>, tensor<1x8x16x16xf32>, tensor<1x16x64xf32>, tensor<1x16x16xf32>, tensor<8x64x32xf32>, tensor<8x64x24xf32> -> tensor<1x8x16x24xf32>
  return %e, %a : tensor<1x8x16x24xf32>, tensor<1x8x16x24xf32>
}

// CHECK-LABEL: func.func @linear_attention_rules
func.func @linear_attention_rules(%q: tensor<1x4x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x2x16x8xf32>,
                                  %state: tensor<1x2x32x8xf32>, %g: tensor<1x2x16xf32>, %gc: tensor<1x2x16x32xf32>, %b: tensor<1x2x16xf32>) {
  // CHECK: attn.linear_attention {{.*}} {rule = #attn.update_rule<linear>} : {{.*}} -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  %o1, %s1 = attn.linear_attention %q, %k, %v {rule = #attn.update_rule<linear>}
      : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  // CHECK: attn.linear_attention {{.*}} state(%{{.+}} : tensor<1x2x32x8xf32>) decay(%{{.+}} : tensor<1x2x16x32xf32>) {rule = #attn.update_rule<gated>, scale = 5.000000e-01 : f64}
  %o2, %s2 = attn.linear_attention %q, %k, %v state(%state : tensor<1x2x32x8xf32>) decay(%gc : tensor<1x2x16x32xf32>) {rule = #attn.update_rule<gated>, scale = 0.5 : f64}
      : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  // CHECK: attn.linear_attention {{.*}} beta(%{{.+}} : tensor<1x2x16xf32>) {rule = #attn.update_rule<delta>}
  %o3, %s3 = attn.linear_attention %q, %k, %v beta(%b : tensor<1x2x16xf32>) {rule = #attn.update_rule<delta>}
      : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  // The default rule (gated_delta) is elided.
  // CHECK: attn.linear_attention {{.*}} decay(%{{.+}} : tensor<1x2x16xf32>) beta(%{{.+}} : tensor<1x2x16xf32>) {chunk_size = 64 : i64} :
  %o4, %s4 = attn.linear_attention %q, %k, %v decay(%g : tensor<1x2x16xf32>) beta(%b : tensor<1x2x16xf32>) {chunk_size = 64 : i64}
      : tensor<1x4x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x2x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x2x32x8xf32>
  return
}

// Qwen3-Next's inverse GQA: 2 query/key heads, 4 value (state) heads, one
// output per value head; and GQA over the value heads (8 query heads).
// CHECK-LABEL: func.func @linear_attention_value_heads
func.func @linear_attention_value_heads(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x16x32xf32>, %v: tensor<1x4x16x8xf32>,
                                        %q8: tensor<1x8x16x32xf32>, %state: tensor<1x4x32x8xf32>,
                                        %g: tensor<1x4x16xf32>, %b: tensor<1x4x16xf32>) {
  // CHECK: %{{.+}}, %{{.+}} = attn.linear_attention %[[Q:.+]], %[[K:.+]], %[[V:.+]] state(%[[S:.+]] : tensor<1x4x32x8xf32>) decay(%[[G:.+]] : tensor<1x4x16xf32>) beta(%[[B:.+]] : tensor<1x4x16xf32>) :
  // CHECK-SAME: tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  %o1, %s1 = attn.linear_attention %q, %k, %v state(%state : tensor<1x4x32x8xf32>) decay(%g : tensor<1x4x16xf32>) beta(%b : tensor<1x4x16xf32>)
      : tensor<1x2x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x4x16x8xf32>, tensor<1x4x32x8xf32>
  // CHECK: attn.linear_attention %{{.+}}, %[[K]], %[[V]] decay(%[[G]] : tensor<1x4x16xf32>) beta(%[[B]] : tensor<1x4x16xf32>) :
  // CHECK-SAME: tensor<1x8x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x8x16x8xf32>, tensor<1x4x32x8xf32>
  %o2, %s2 = attn.linear_attention %q8, %k, %v decay(%g : tensor<1x4x16xf32>) beta(%b : tensor<1x4x16xf32>)
      : tensor<1x8x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x4x16x8xf32> -> tensor<1x8x16x8xf32>, tensor<1x4x32x8xf32>
  // Dynamic head counts are checked at run time.
  // CHECK: attn.linear_attention {{.*}} -> tensor<1x?x16x8xf32>, tensor<1x?x32x8xf32>
  %qd = tensor.cast %q : tensor<1x2x16x32xf32> to tensor<1x?x16x32xf32>
  %vd = tensor.cast %v : tensor<1x4x16x8xf32> to tensor<1x?x16x8xf32>
  %o3, %s3 = attn.linear_attention %qd, %k, %vd {rule = #attn.update_rule<linear>}
      : tensor<1x?x16x32xf32>, tensor<1x2x16x32xf32>, tensor<1x?x16x8xf32> -> tensor<1x?x16x8xf32>, tensor<1x?x32x8xf32>
  return
}
