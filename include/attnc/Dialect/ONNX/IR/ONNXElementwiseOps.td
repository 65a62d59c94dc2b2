//===- ONNXElementwiseOps.td - Elementwise ONNX operators ------*- tablegen -*-===//
//
// Unary and binary elementwise ops (numpy broadcasting), comparisons, logic,
// Where, Cast.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXELEMENTWISEOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXELEMENTWISEOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

class ONNX_BroadcastBinaryOp<string mnemonic, string desc>
    : ONNX_InferredOp<mnemonic> {
  let summary = desc # " with numpy broadcasting (opsets 13-14)";
  let description = [{
    Elementwise `}] # desc # [{` of `A` and `B`, both of one element type,
    broadcast numpy-style (shapes aligned on the right, size-1 dims stretch).
    The result shape is the broadcast shape.

    ```mlir
    %c = onnx.}] # mnemonic # [{ %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$A, ONNX_AnyTensor:$B);
  let results = (outs ONNX_AnyTensor:$C);
  let assemblyFormat = "$A `,` $B attr-dict `:` functional-type(operands, results)";
}

def ONNX_AddOp : ONNX_BroadcastBinaryOp<"Add", "addition">;
def ONNX_SubOp : ONNX_BroadcastBinaryOp<"Sub", "subtraction">;
def ONNX_MulOp : ONNX_BroadcastBinaryOp<"Mul", "multiplication">;
def ONNX_DivOp : ONNX_BroadcastBinaryOp<"Div", "division">;

#endif // ATTNC_DIALECT_ONNX_IR_ONNXELEMENTWISEOPS_TD
