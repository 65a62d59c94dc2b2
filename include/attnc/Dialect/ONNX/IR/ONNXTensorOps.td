//===- ONNXTensorOps.td - Shape and data-movement ONNX operators -*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXTENSOROPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXTENSOROPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

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

#endif // ATTNC_DIALECT_ONNX_IR_ONNXTENSOROPS_TD
