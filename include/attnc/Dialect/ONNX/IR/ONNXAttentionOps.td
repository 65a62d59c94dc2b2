//===- ONNXAttentionOps.td - Fused attention ONNX operators ----*- tablegen -*-===//
//
// ONNX Attention / RotaryEmbedding / RMSNormalization (opset 23-24) and the
// com.microsoft contrib attention ops; they convert to the attn dialect.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXATTENTIONOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXATTENTIONOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

#endif // ATTNC_DIALECT_ONNX_IR_ONNXATTENTIONOPS_TD
