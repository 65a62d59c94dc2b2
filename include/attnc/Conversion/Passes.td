//===- Passes.td - attnc conversion passes ---------------------*- tablegen -*-===//

#ifndef ATTNC_CONVERSION_PASSES_TD
#define ATTNC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// AttnToLinalg
//===----------------------------------------------------------------------===//

def ConvertAttnToLinalgPass : Pass<"convert-attn-to-linalg", "::mlir::func::FuncOp"> {
  let summary = "Lower attn ops to a straightforward, exact linalg/tensor form";
  let description = [{
    The reference lowering of the attn dialect: attention, rope,
    kv_cache_update, kv_cache_append, lightning_indexer, topk,
    sparse_attention, kv_compress, mla (absorbed or expanded, as its `form`
    says) and linear_attention (chunked for prefill, recurrent for decode and
    dynamic shapes) become linalg, tensor, scf,
    arith and math ops that compute exactly the equations of each op's
    description (masks, windows, softcap, sinks, GQA head mapping, masked-row
    policy, f32 softmax for f16/bf16). It favours obvious correctness over speed; tiled lowerings come as
    separate passes.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

//===----------------------------------------------------------------------===//
// MemRefCopyToLinalg
//===----------------------------------------------------------------------===//

def ConvertMemRefCopyToLinalgPass
    : Pass<"convert-memref-copy-to-linalg", "::mlir::func::FuncOp"> {
  let summary = "Rewrite memref.copy as linalg.copy";
  let description = [{
    Bufferization copies between buffers with `memref.copy`. Lowered to LLVM, a
    copy between strided buffers becomes a call to `memrefCopy` from MLIR's C
    runner utilities, which a compiled model must not depend on. As
    `linalg.copy`, the copy becomes loops like every other linalg op.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

//===----------------------------------------------------------------------===//
// ONNXToAttn
//===----------------------------------------------------------------------===//

def ConvertONNXToAttnPass : Pass<"convert-onnx-to-attn", "::mlir::func::FuncOp"> {
  let summary = "Convert fused ONNX attention ops to the attn dialect";
  let description = [{
    ONNX `Attention` (opsets 23-24), `RotaryEmbedding` (23), `LinearAttention`
    (27) and the com.microsoft `GroupQueryAttention`, `MultiHeadAttention` and
    `RotaryEmbedding` become `attn.attention`, `attn.rope`,
    `attn.linear_attention` and the tensor ops
    around them (head split and merge, past/present concatenation), keeping the
    ONNX semantics exactly (mask kinds, causal alignment, softcap order,
    fully-masked rows).
  }];
  let dependentDialects = ["::mlir::attn::AttnDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

//===----------------------------------------------------------------------===//
// ONNXToLinalg
//===----------------------------------------------------------------------===//

def ConvertONNXToLinalgPass : Pass<"convert-onnx-to-linalg", "::mlir::func::FuncOp"> {
  let summary = "Lower onnx ops to linalg, tensor, arith and math";
  let description = [{
    Lowers every onnx op with static or dynamic ranked shapes to linalg named
    and generic ops, tensor ops (reshapes, slices, concatenation) and
    arith/math. f16 and bf16 compute in f32 and round once per op; reductions
    and contractions accumulate in f32. An op it cannot lower is an error that
    names the op.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // ATTNC_CONVERSION_PASSES_TD
