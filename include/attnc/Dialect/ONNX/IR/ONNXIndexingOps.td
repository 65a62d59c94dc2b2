//===- ONNXIndexingOps.td - Data-dependent indexing ONNX ops ----*- tablegen -*-===//
//
// Ops whose data movement depends on tensor *values*: TopK selects by score,
// GatherElements reads and ScatterElements writes at per-element indices.
// Together they spell DeepSeek sparse attention in ONNX (the "mask form":
// TopK -> ScatterElements of zeros into a -inf tensor).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXINDEXINGOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXINDEXINGOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"
include "attnc/Dialect/ONNX/IR/ONNXTensorOps.td"

def ONNX_TopKOp : ONNX_InferredOp<"TopK"> {
  let summary = "the k largest (or smallest) elements along an axis (opsets 11-25)";
  let description = [{
    `K` is a one-element 1-D int64 tensor. Along `axis` (in `[-r, r)`), each
    slice's `K` largest elements (`largest = 1`) or smallest (`largest = 0`)
    are `Values`, and their positions along the axis are `Indices` (int64).
    The output has `input`'s shape except `K` at `axis`.

    Order: by value (descending when largest, ascending otherwise); equal
    values go lowest index first, as ONNX specifies. NaN counts as larger than
    every number. attnc always sorts, so `sorted = 0` gets the sorted order,
    which ONNX allows. The lowering needs a constant `K` (it selects into a
    sorted K-buffer per slice: O(dim * K) at worst).

    When `K` is not a constant, the dim at `axis` is dynamic.

    ```mlir
    %k = onnx.Constant dense<[2]> : tensor<1xi64>
    %v, %i = onnx.TopK %x, %k {axis = -1 : si64}
        : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$X, ONNX_I64Tensor:$K,
                       DefaultValuedAttr<SI64Attr, "-1">:$axis,
                       DefaultValuedAttr<SI64Attr, "1">:$largest,
                       DefaultValuedAttr<SI64Attr, "1">:$sorted);
  let results = (outs ONNX_AnyTensor:$Values, RankedTensorOf<[I64]>:$Indices);
  let assemblyFormat = [{
    $X `,` $K attr-dict `:` functional-type(operands, results)
  }];
}

def ONNX_GatherElementsOp : ONNX_InferredOp<"GatherElements"> {
  let summary = "read data at per-element indices along an axis (opsets 13-25)";
  let description = [{
    `data` and `indices` have the same rank `r`; with `a = axis` in `[-r, r)`,
    `output[i] = data[i with i_a replaced by indices[i]]`, where a negative
    index counts from the end of the axis. Off the axis, `indices`' dims are
    at most `data`'s (their coordinates address `data` directly). The output
    has `indices`' shape and `data`'s element type.

    ```mlir
    %g = onnx.GatherElements %x, %i {axis = 1 : si64}
        : (tensor<2x5xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, ONNX_IndexTensor:$indices,
                       DefaultValuedAttr<SI64Attr, "0">:$axis);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $data `,` $indices attr-dict `:` functional-type(operands, results)
  }];
}

def ONNX_ScatterElementsOp : ONNX_InferredOp<"ScatterElements"> {
  let summary = "write updates at per-element indices along an axis (opsets 18-25)";
  let description = [{
    `output` starts as a copy of `data`; then for every position `i` of
    `indices` (same rank as `data` and no larger off the axis, same shape as
    `updates`),
    `output[i with i_a replaced by indices[i]] (op)= updates[i]` with
    `a = axis` in `[-r, r)` and a negative index counting from the end of the
    axis. `reduction` is `"none"` (assign; with duplicate indices the last
    write in row-major order wins), `"add"`, `"mul"`, `"max"` or `"min"`.

    ```mlir
    %s = onnx.ScatterElements %x, %i, %u {axis = 1 : si64}
        : (tensor<2x5xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<2x5xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, ONNX_IndexTensor:$indices,
                       ONNX_AnyTensor:$updates,
                       DefaultValuedAttr<SI64Attr, "0">:$axis,
                       DefaultValuedStrAttr<StrAttr, "none">:$reduction);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $data `,` $indices `,` $updates attr-dict `:`
    functional-type(operands, results)
  }];
}

#endif // ATTNC_DIALECT_ONNX_IR_ONNXINDEXINGOPS_TD
