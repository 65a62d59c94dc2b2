//===- Passes.td - attn dialect transformations ----------------*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_PASSES_TD
#define ATTNC_DIALECT_ATTN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def RaiseAttentionPass : Pass<"attn-raise-attention", "::mlir::func::FuncOp"> {
  let summary = "Raise decomposed attention in the onnx dialect to attn.attention";
  let description = [{
    Recognises `MatMul(Softmax(mask(softcap(scale * MatMul(Q, K^T)))), V)`
    chains as exporters write them and replaces each by one `attn.attention`,
    computing the same values up to float rounding:

    * K^T as a Transpose swapping the last two dims, or as a value (a
      transpose is then inserted); Q and K of rank 4 (B x H x S x D);
    * scale as Div or Mul by scalar constants after QK^T, on Q, or on Q and
      K^T (sqrt(scale) on both); the op's scale is their product;
    * softcap as `Mul(Tanh(Div(s, c)), c)`;
    * an additive mask `Add(s, M)`: a constant M that is provably a
      (sliding-window) causal mask with -inf or the dtype's lowest finite value
      becomes `causal` / `window_left`; any other M broadcastable to the
      scores is kept as the op's mask operand;
    * a Softmax over the last axis, optionally between Casts to f32 and back;
    * K/V heads repeated for GQA/MQA by Unsqueeze + Expand + Reshape (or by
      MatMul's broadcasting of a single KV head) are read unrepeated.

    Anything else is left alone; with `remarks=true` every Softmax left in
    the function gets a remark naming the condition that failed.
  }];
  let options = [
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Explain with a remark why a Softmax was not raised">
  ];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
}

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_PASSES_TD
