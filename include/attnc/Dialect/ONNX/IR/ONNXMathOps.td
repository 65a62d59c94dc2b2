//===- ONNXMathOps.td - Contractions, reductions, normalisations -*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXMATHOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXMATHOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

def ONNX_MatMulOp : ONNX_InferredOp<"MatMul"> {
  let summary = "numpy matmul (opset 13)";
  let description = [{
    Matrix product of the last two dims, batch dims broadcast numpy-style; a 1-D
    operand is promoted to a matrix and the added dim is removed from the result.

    ```mlir
    %c = onnx.MatMul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$A, ONNX_AnyTensor:$B);
  let results = (outs ONNX_AnyTensor:$Y);
  let assemblyFormat = "$A `,` $B attr-dict `:` functional-type(operands, results)";
}

def ONNX_SoftmaxOp : ONNX_Op<"Softmax", [Pure, SameOperandsAndResultType]> {
  let summary = "softmax along one axis (opset 13)";
  let description = [{
    `exp(x - max) / sum(exp(x - max))` along `axis` (default -1; negative counts
    from the end).

    ```mlir
    %y = onnx.Softmax %x {axis = -1 : si64} : tensor<2x8xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input,
                       DefaultValuedAttr<SI64Attr, "-1">:$axis);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

#endif // ATTNC_DIALECT_ONNX_IR_ONNXMATHOPS_TD
