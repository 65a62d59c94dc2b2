//===- ONNXOps.td - ONNX operators -----------------------------*- tablegen -*-===//
//
// Each op follows its ONNX specification (https://onnx.ai/onnx/operators/) at
// the opsets noted in its summary. Ops are grouped by family, one file each.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

//===----------------------------------------------------------------------===//
// Core: constants and absent inputs
//===----------------------------------------------------------------------===//

def ONNX_ConstantOp : ONNX_InferredOp<"Constant", [ConstantLike]> {
  let summary = "a constant tensor (opsets 13-24)";
  let description = [{
    Holds `value`, a dense (or dense resource) elements attribute. Initializers
    and ONNX `Constant` nodes import as this op (the `value_float`, `value_ints`,
    ... forms become `value`); folders materialise their results as it.

    ```mlir
    %c = onnx.Constant dense<[1, 16, 4, 16]> : tensor<4xi64>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
  // A constant's type is its value's type, exactly (ONNXDialect.cpp).
  let extraClassDefinition = "";
}

def ONNX_NoValueOp : ONNX_Op<"NoValue", [ConstantLike, Pure]> {
  let summary = "the value of an omitted optional input";
  let description = [{
    ONNX marks an omitted optional input with an empty name; attnc passes this
    op's `none` result in its place, so every input keeps its position.

    ```mlir
    %none = onnx.NoValue
    ```
  }];
  let arguments = (ins UnitAttr:$value);
  let results = (outs NoneType:$none);
  let assemblyFormat = "attr-dict";
  let hasFolder = 1;
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, $_builder.getNoneType(), $_builder.getUnitAttr());
  }]>];
}

include "attnc/Dialect/ONNX/IR/ONNXElementwiseOps.td"
include "attnc/Dialect/ONNX/IR/ONNXMathOps.td"
include "attnc/Dialect/ONNX/IR/ONNXTensorOps.td"
include "attnc/Dialect/ONNX/IR/ONNXAttentionOps.td"
include "attnc/Dialect/ONNX/IR/ONNXControlFlowOps.td"
include "attnc/Dialect/ONNX/IR/ONNXIndexingOps.td"

#endif // ATTNC_DIALECT_ONNX_IR_ONNXOPS_TD
