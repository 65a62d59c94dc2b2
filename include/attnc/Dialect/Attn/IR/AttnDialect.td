//===- AttnDialect.td - The attn dialect and its op base class -*- tablegen -*-===//
//
// The attention family as tensor ops with exact reference semantics.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_IR_ATTNDIALECT_TD
#define ATTNC_DIALECT_ATTN_IR_ATTNDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonAttrConstraints.td"

def Attn_Dialect : Dialect {
  let name = "attn";
  let cppNamespace = "::mlir::attn";
  let summary = "The attention family of modern LLMs, one op per technique";
  let description = [{
    The `attn` dialect keeps each attention technique that open-weight LLMs use as one
    op on tensors: dense multi-head / grouped-query / multi-query attention with
    causal and sliding-window masks, soft-capping and sinks (`attn.attention`),
    rotary position embeddings (`attn.rope`), KV-cache writes (`attn.kv_cache_update`),
    DeepSeek sparse attention (`attn.lightning_indexer`, `attn.topk`,
    `attn.sparse_attention`), compressed and latent KV (`attn.kv_compress`,
    `attn.mla`) and the linear-attention family (`attn.linear_attention`).

    Every op's description gives its reference semantics as equations; the
    reference lowerings and the tests implement exactly those. Conventions shared
    by all ops:

    * Layout is BHSD: `(batch, heads, sequence, head_dim)`. `Hq` query heads read
      `Hkv` key/value heads in contiguous groups: query head `h` reads KV head
      `h / (Hq / Hkv)` (as HF `repeat_kv`, ONNX `Attention` and onnxruntime do).
    * Positions: query row `i` of `Sq` rows attending to `Skv` keys sits at absolute
      position `p_i = i` (`top_left` alignment) or `p_i = i + Skv - Sq`
      (`bottom_right`, the decode / chunked-prefill convention). When per-batch
      valid key lengths `L_b` are given, keys `j >= L_b` are masked and the
      bottom-right offset uses `L_b` instead of `Skv`.
    * Reductions over keys (the softmax and the weighted sum of values) run in the
      `softmax_precision` type, `f32` unless the element type is wider.
  }];
  let useDefaultAttributePrinterParser = 1;
}

// An i64 attribute read as a signed value (upstream I64Attr reads uint64_t, which
// turns a negative size into a huge one before a verifier can reject it).
def Attn_I64Attr : TypedSignlessIntegerAttrBase<I64, "int64_t",
                                                "64-bit integer attribute"> {
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

class Attn_Op<string mnemonic, list<Trait> traits = []>
    : Op<Attn_Dialect, mnemonic, traits>;

#endif // ATTNC_DIALECT_ATTN_IR_ATTNDIALECT_TD
