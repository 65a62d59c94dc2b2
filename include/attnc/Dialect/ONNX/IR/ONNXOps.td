//===- ONNXOps.td - ONNX operators -----------------------------*- tablegen -*-===//
//
// Each op follows its ONNX specification (https://onnx.ai/onnx/operators/) at
// the opsets noted in its summary.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

//===----------------------------------------------------------------------===//
// Elementwise binary ops with multidirectional (numpy) broadcasting
//===----------------------------------------------------------------------===//

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

//===----------------------------------------------------------------------===//
// Linear algebra and normalisation
//===----------------------------------------------------------------------===//

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

def ONNX_TransposeOp : ONNX_InferredOp<"Transpose"> {
  let summary = "permute dims (opsets 13-25)";
  let description = [{
    `output.shape[i] = data.shape[perm[i]]`; without `perm` the dims are reversed.

    ```mlir
    %t = onnx.Transpose %x {perm = array<i64: 0, 2, 1, 3>}
        : (tensor<1x16x4x8xf32>) -> tensor<1x4x16x8xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, OptionalAttr<DenseI64ArrayAttr>:$perm);
  let results = (outs ONNX_AnyTensor:$transposed);
  let assemblyFormat = "$data attr-dict `:` functional-type(operands, results)";
}

#endif // ATTNC_DIALECT_ONNX_IR_ONNXOPS_TD
