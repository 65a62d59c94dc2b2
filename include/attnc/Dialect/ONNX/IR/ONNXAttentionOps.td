//===- ONNXAttentionOps.td - Fused attention ONNX operators ----*- tablegen -*-===//
//
// ONNX Attention and RotaryEmbedding (opsets 23-24) and the com.microsoft
// contrib attention ops. convert-onnx-to-attn turns them into attn ops.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXATTENTIONOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXATTENTIONOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

def ONNX_AttentionOp : ONNX_InferredOp<"Attention"> {
  let summary = "scaled dot-product attention (opsets 23-24)";
  let description = [{
    ONNX `Attention`: `Q`, `K`, `V` as 4-D `(B, H, S, D)` tensors or 3-D
    `(B, S, H * D)` tensors (then `q_num_heads` / `kv_num_heads` give the heads),
    an optional boolean or additive `attn_mask` broadcastable to
    `(B, Hq, Sq, T)` (opset 24: its last dim may be shorter than `T`, the rest
    is masked), optional `past_key` / `past_value` `(B, Hkv, P, D)` that are
    concatenated before the new keys, and (opset 24) `nonpad_kv_seqlen (B)`.
    Results: `Y` (the layout of `Q`), `present_key` / `present_value`
    `(B, Hkv, P + Skv, D)` and `qk_matmul_output` `(B, Hq, Sq, T)`.
    Semantics follow the ONNX 1.23 errata: softcap before the mask, causal
    alignment bottom-right when a past or `nonpad_kv_seqlen` is given and
    top-left otherwise, fully masked rows produce zeros.
  }];
  let arguments = (ins
    ONNX_AnyTensor:$Q, ONNX_AnyTensor:$K, ONNX_AnyTensor:$V,
    ONNX_TensorOrNone:$attn_mask, ONNX_TensorOrNone:$past_key,
    ONNX_TensorOrNone:$past_value, ONNX_TensorOrNone:$nonpad_kv_seqlen,
    DefaultValuedAttr<SI64Attr, "0">:$is_causal,
    OptionalAttr<SI64Attr>:$kv_num_heads,
    OptionalAttr<SI64Attr>:$q_num_heads,
    DefaultValuedAttr<SI64Attr, "0">:$qk_matmul_output_mode,
    OptionalAttr<F32Attr>:$scale,
    DefaultValuedAttr<F32Attr, "0.0f">:$softcap,
    OptionalAttr<SI64Attr>:$softmax_precision);
  let results = (outs ONNX_AnyTensor:$Y, ONNX_AnyTensor:$present_key,
                      ONNX_AnyTensor:$present_value,
                      ONNX_AnyTensor:$qk_matmul_output);
}

def ONNX_RotaryEmbeddingOp : ONNX_InferredOp<"RotaryEmbedding"> {
  let summary = "rotary position embedding (opset 23)";
  let description = [{
    ONNX `RotaryEmbedding`: `X` is `(B, H, S, D)` or `(B, S, H * D)` (then
    `num_heads` is required); `cos_cache` / `sin_cache` are `(P, R / 2)` with
    `position_ids (B, S)`, or already gathered `(B, S, R / 2)` without;
    `rotary_embedding_dim` `R` (0 = the head size) channels rotate, as
    half-split pairs or `interleaved` ones. The result has the shape of `X`.
  }];
  let arguments = (ins
    ONNX_AnyTensor:$X, ONNX_AnyTensor:$cos_cache, ONNX_AnyTensor:$sin_cache,
    ONNX_TensorOrNone:$position_ids,
    DefaultValuedAttr<SI64Attr, "0">:$interleaved,
    OptionalAttr<SI64Attr>:$num_heads,
    DefaultValuedAttr<SI64Attr, "0">:$rotary_embedding_dim);
  let results = (outs ONNX_AnyTensor:$Y);
}

//===----------------------------------------------------------------------===//
// com.microsoft
//===----------------------------------------------------------------------===//

def ONNX_MSRotaryEmbeddingOp : ONNX_InferredOp<"ms.RotaryEmbedding"> {
  let summary = "com.microsoft RotaryEmbedding";
  let description = [{
    onnxruntime's contrib `RotaryEmbedding`: `input` `(B, S, H * D)` (with
    `num_heads`) or `(B, H, S, D)`, `position_ids (B, S)` (or a scalar offset),
    `cos_cache` / `sin_cache` `(P, R / 2)`; attributes `interleaved`,
    `rotary_embedding_dim` (0 = head size), `scale` (must be 1),
    `is_packed_batching` (must be 0). Note the input order: position ids come
    second, unlike ONNX's RotaryEmbedding.
  }];
  let arguments = (ins
    ONNX_AnyTensor:$input, ONNX_AnyTensor:$position_ids,
    ONNX_AnyTensor:$cos_cache, ONNX_AnyTensor:$sin_cache,
    DefaultValuedAttr<SI64Attr, "0">:$interleaved,
    DefaultValuedAttr<SI64Attr, "0">:$is_packed_batching,
    DefaultValuedAttr<SI64Attr, "0">:$num_heads,
    DefaultValuedAttr<SI64Attr, "0">:$rotary_embedding_dim,
    DefaultValuedAttr<F32Attr, "1.0f">:$scale);
  let results = (outs ONNX_AnyTensor:$output);
}

def ONNX_MSGroupQueryAttentionOp : ONNX_InferredOp<"ms.GroupQueryAttention"> {
  let summary = "com.microsoft GroupQueryAttention";
  let description = [{
    onnxruntime's contrib `GroupQueryAttention`: 3-D `query (B, S, Hq * D)`,
    `key` / `value (B, S, Hkv * D)`, optional `past_key` / `past_value`
    `(B, Hkv, P, D)` (BNSH), `seqlens_k (B)` (total valid length minus one per
    batch), `total_sequence_length` (scalar), optional `cos_cache` /
    `sin_cache` used when `do_rotary`. Causal (bottom-right), optional local
    window (`local_window_size = W - 1`), softcap, `smooth_softmax` (a sink of
    logit 0). Results: `output (B, S, Hq * D)`, `present_key`,
    `present_value` `(B, Hkv, P + S, D)`.
  }];
  let arguments = (ins
    ONNX_AnyTensor:$query, ONNX_TensorOrNone:$key, ONNX_TensorOrNone:$value,
    ONNX_TensorOrNone:$past_key, ONNX_TensorOrNone:$past_value,
    ONNX_AnyTensor:$seqlens_k, ONNX_AnyTensor:$total_sequence_length,
    ONNX_TensorOrNone:$cos_cache, ONNX_TensorOrNone:$sin_cache,
    ONNX_TensorOrNone:$position_ids, ONNX_TensorOrNone:$attention_bias,
    ONNX_TensorOrNone:$head_sink,
    DefaultValuedAttr<SI64Attr, "0">:$do_rotary,
    SI64Attr:$kv_num_heads,
    DefaultValuedAttr<SI64Attr, "-1">:$local_window_size,
    SI64Attr:$num_heads,
    DefaultValuedAttr<SI64Attr, "0">:$rotary_interleaved,
    OptionalAttr<F32Attr>:$scale,
    DefaultValuedAttr<SI64Attr, "0">:$smooth_softmax,
    DefaultValuedAttr<F32Attr, "0.0f">:$softcap);
  let results = (outs ONNX_AnyTensor:$output, ONNX_AnyTensor:$present_key,
                      ONNX_AnyTensor:$present_value);
}

def ONNX_MSMultiHeadAttentionOp : ONNX_InferredOp<"ms.MultiHeadAttention"> {
  let summary = "com.microsoft MultiHeadAttention";
  let description = [{
    onnxruntime's contrib `MultiHeadAttention` in its 3-D form: `query
    (B, S, H * D)`, `key (B, L, H * D)`, `value (B, L, H * Dv)`, optional
    `bias`, `key_padding_mask` (`(B, L)` or `(B)` lengths; masked keys get
    `mask_filter_value`), `attention_bias` (additive, broadcast to
    `(B, H, S, L)`), optional `past_key` / `past_value`. `unidirectional`
    makes it causal. Results: `output (B, S, H * Dv)`, `present_key`,
    `present_value`.
  }];
  let arguments = (ins
    ONNX_AnyTensor:$query, ONNX_TensorOrNone:$key, ONNX_TensorOrNone:$value,
    ONNX_TensorOrNone:$bias, ONNX_TensorOrNone:$key_padding_mask,
    ONNX_TensorOrNone:$attention_bias, ONNX_TensorOrNone:$past_key,
    ONNX_TensorOrNone:$past_value,
    DefaultValuedAttr<F32Attr, "-10000.0f">:$mask_filter_value,
    SI64Attr:$num_heads,
    OptionalAttr<F32Attr>:$scale,
    DefaultValuedAttr<SI64Attr, "0">:$unidirectional);
  let results = (outs ONNX_AnyTensor:$output, ONNX_AnyTensor:$present_key,
                      ONNX_AnyTensor:$present_value);
}

//===----------------------------------------------------------------------===//
// Linear attention (opset 27)
//===----------------------------------------------------------------------===//

def ONNX_LinearAttentionOp : ONNX_InferredOp<"LinearAttention"> {
  let summary = "linear attention with a recurrent state (opset 27)";
  let description = [{
    ONNX `LinearAttention`: packed 3-D `query (B, T, Hq * Dk)`,
    `key (B, T, Hkv * Dk)`, `value (B, T, Hkv * Dv)`, optional
    `past_state (B, Hkv, Dk, Dv)` (zeros when absent), `decay` (log-space,
    `(B, T, Hkv)` per head or `(B, T, Hkv * Dk)` per key channel; for the
    `gated` and `gated_delta` rules) and `beta` (`(B, T, Hkv)` or `(B, T, 1)`
    shared by all heads; for the `delta` and `gated_delta` rules).
    `update_rule` is one of `linear`, `gated`, `delta`, `gated_delta`;
    `scale` 0 means `1 / sqrt(Dk)`; `chunk_size` is a hint that does not
    change the result. Query head `h` reads the state of KV head
    `h / (Hq / Hkv)`. Results: `output (B, T, Hq * Dv)` and
    `present_state (B, Hkv, Dk, Dv)`, both in the element type of `query`.
  }];
  let arguments = (ins
    ONNX_AnyTensor:$query, ONNX_AnyTensor:$key, ONNX_AnyTensor:$value,
    ONNX_TensorOrNone:$past_state, ONNX_TensorOrNone:$decay,
    ONNX_TensorOrNone:$beta,
    DefaultValuedAttr<SI64Attr, "64">:$chunk_size,
    SI64Attr:$kv_num_heads,
    SI64Attr:$q_num_heads,
    DefaultValuedAttr<F32Attr, "0.0f">:$scale,
    DefaultValuedAttr<StrAttr, "\"gated_delta\"">:$update_rule);
  let results = (outs ONNX_AnyTensor:$output, ONNX_AnyTensor:$present_state);
}

#endif // ATTNC_DIALECT_ONNX_IR_ONNXATTENTIONOPS_TD
