//===- ONNXTensorOps.td - Shape and data-movement ONNX operators -*- tablegen -*-===//
//
// Ops that move, select or reinterpret elements without arithmetic on them
// (plus the conversions Cast/CastLike and the select Where). Most fold when
// their inputs are constants so that shape subgraphs (Shape -> Gather ->
// Concat -> Reshape) become constants during import.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXTENSOROPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXTENSOROPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

// A 1-D (or, for scalars, 0-D) int64 tensor holding dims, axes or indices.
def ONNX_I64Tensor : RankedTensorOf<[I64]>;
def ONNX_I64TensorOrNone : AnyTypeOf<[ONNX_I64Tensor, NoneType]>;
// Index inputs (Gather, Slice) may be int32 or int64.
def ONNX_IndexTensor : RankedTensorOf<[I32, I64]>;
def ONNX_IndexTensorOrNone : AnyTypeOf<[ONNX_IndexTensor, NoneType]>;

//===----------------------------------------------------------------------===//
// Reinterpretation of the shape
//===----------------------------------------------------------------------===//

def ONNX_IdentityOp : ONNX_InferredOp<"Identity"> {
  let summary = "the input, unchanged (opsets 16-25)";
  let description = [{
    `output = input`. Folds to its operand.

    ```mlir
    %y = onnx.Identity %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_ReshapeOp : ONNX_InferredOp<"Reshape"> {
  let summary = "reinterpret the dims, keeping the row-major order (opsets 14-25)";
  let description = [{
    The output has the elements of `data` in row-major order and the dims in
    `shape` (1-D int64), where an entry `-1` (at most one) is inferred from the
    element count and, unless `allowzero = 1`, an entry `0` copies the dim of
    `data` at the same position. With `allowzero = 1` a `0` is a zero-sized
    dim, and `-1` must then not appear together with `0`.

    When `shape` is not a constant, the result has `shape`'s length as rank and
    dynamic dims.

    ```mlir
    %s = onnx.Constant dense<[0, -1, 4]> : tensor<3xi64>
    %r = onnx.Reshape %x, %s : (tensor<2x8x1xf32>, tensor<3xi64>) -> tensor<2x2x4xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, ONNX_I64Tensor:$shape,
                       DefaultValuedAttr<SI64Attr, "0">:$allowzero);
  let results = (outs ONNX_AnyTensor:$reshaped);
  let assemblyFormat = [{
    $data `,` $shape attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

def ONNX_FlattenOp : ONNX_InferredOp<"Flatten"> {
  let summary = "collapse into a matrix at an axis (opsets 13-25)";
  let description = [{
    `output.shape = [prod(input.shape[:axis]), prod(input.shape[axis:])]` with
    `axis` in `[-rank, rank]` (negative counts from the end); the elements keep
    their row-major order.

    ```mlir
    %f = onnx.Flatten %x {axis = 2 : si64} : (tensor<2x3x4x5xf32>) -> tensor<6x20xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input,
                       DefaultValuedAttr<SI64Attr, "1">:$axis);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_SqueezeOp : ONNX_InferredOp<"Squeeze"> {
  let summary = "remove size-1 dims (opsets 13-25)";
  let description = [{
    Removes the dims listed in `axes` (1-D int64, negative counts from the end;
    each must have size 1), or every size-1 dim when `axes` is omitted.

    ```mlir
    %a = onnx.Constant dense<[0, -2]> : tensor<2xi64>
    %s = onnx.Squeeze %x, %a : (tensor<1x3x1x5xf32>, tensor<2xi64>) -> tensor<3x5xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, ONNX_I64TensorOrNone:$axes);
  let results = (outs ONNX_AnyTensor:$squeezed);
  let assemblyFormat = [{
    $data `,` $axes attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

def ONNX_UnsqueezeOp : ONNX_InferredOp<"Unsqueeze"> {
  let summary = "insert size-1 dims (opsets 13-25)";
  let description = [{
    Inserts size-1 dims at the positions `axes` (1-D int64, distinct, in the
    output's numbering `[-r', r')` with `r' = rank(data) + len(axes)`, in any
    order).

    ```mlir
    %a = onnx.Constant dense<[0, 3]> : tensor<2xi64>
    %u = onnx.Unsqueeze %x, %a : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<1x3x4x1xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, ONNX_I64Tensor:$axes);
  let results = (outs ONNX_AnyTensor:$expanded);
  let assemblyFormat = [{
    $data `,` $axes attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
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
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Shape queries and generators
//===----------------------------------------------------------------------===//

def ONNX_ShapeOp : ONNX_InferredOp<"Shape"> {
  let summary = "the dims of a tensor as int64 (opsets 15-25)";
  let description = [{
    `shape = data.shape[start:end]` as a 1-D int64 tensor. `start` (default
    0) and `end` (default rank) count from the end when negative and are
    clamped to `[0, rank]`; an empty range gives an empty tensor. Folds when
    those dims of `data` are static, whatever `data`'s values.

    ```mlir
    %s = onnx.Shape %x {start = 1 : si64} : (tensor<2x?x8xf32>) -> tensor<2xi64>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data,
                       DefaultValuedAttr<SI64Attr, "0">:$start,
                       OptionalAttr<SI64Attr>:$end);
  let results = (outs ONNX_I64Tensor:$shape);
  let assemblyFormat = "$data attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_SizeOp : ONNX_InferredOp<"Size"> {
  let summary = "the element count of a tensor as an int64 scalar (opsets 13-25)";
  let description = [{
    `size = prod(data.shape)`, a 0-D int64 tensor. Folds when every dim of
    `data` is static.

    ```mlir
    %n = onnx.Size %x : (tensor<2x3xf32>) -> tensor<i64>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data);
  let results = (outs ONNX_I64Tensor:$size);
  let assemblyFormat = "$data attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_ConstantOfShapeOp : ONNX_InferredOp<"ConstantOfShape"> {
  let summary = "a tensor of given dims filled with one value (opsets 20-25)";
  let description = [{
    The output has the dims in `input` (1-D int64, each >= 0) and every
    element equal to the single element of `value` (a one-element tensor,
    whose element type is the output's); without `value` the output is f32
    zeros.

    ```mlir
    %s = onnx.Constant dense<[2, 3]> : tensor<2xi64>
    %z = onnx.ConstantOfShape %s {value = dense<1> : tensor<1xi64>}
        : (tensor<2xi64>) -> tensor<2x3xi64>
    ```
  }];
  let arguments = (ins ONNX_I64Tensor:$input, OptionalAttr<ElementsAttr>:$value);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_RangeOp : ONNX_InferredOp<"Range"> {
  let summary = "an arithmetic sequence (opsets 11-25)";
  let description = [{
    `output[i] = start + i * delta` for
    `i < max(ceil((limit - start) / delta), 0)`, where `start`, `limit` and
    `delta` are scalars (0-D) of one numeric type, the output's element type.
    The length is dynamic unless all three are constants.

    ```mlir
    %r = onnx.Range %s, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$start, ONNX_AnyTensor:$limit,
                       ONNX_AnyTensor:$delta);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $start `,` $limit `,` $delta attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Joining, splitting and selecting
//===----------------------------------------------------------------------===//

def ONNX_ConcatOp : ONNX_InferredOp<"Concat"> {
  let summary = "join tensors along an axis (opsets 13-25)";
  let description = [{
    Joins `inputs` (one or more, same rank and element type, equal dims except
    at `axis`) along `axis` (in `[-rank, rank)`).

    ```mlir
    %c = onnx.Concat %a, %b {axis = 1 : si64}
        : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
    ```
  }];
  let arguments = (ins Variadic<ONNX_AnyTensor>:$inputs, SI64Attr:$axis);
  let results = (outs ONNX_AnyTensor:$concat_result);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_SplitOp : ONNX_InferredOp<"Split"> {
  let summary = "cut a tensor into pieces along an axis (opsets 18-25)";
  let description = [{
    Cuts `input` along `axis` into consecutive pieces: of the lengths in
    `split` (1-D int64, summing to the dim) when given, else into
    `num_outputs` pieces of `ceil(dim / num_outputs)` elements, the last one
    smaller when the dim does not divide evenly. One result per piece. (The
    importer sets `num_outputs` from the node's output count for the older
    forms that have neither.)

    ```mlir
    %none = onnx.NoValue
    %a, %b = onnx.Split %x, %none {axis = 1 : si64, num_outputs = 2 : si64}
        : (tensor<2x6xf32>, none) -> (tensor<2x3xf32>, tensor<2x3xf32>)
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input, ONNX_I64TensorOrNone:$split,
                       DefaultValuedAttr<SI64Attr, "0">:$axis,
                       OptionalAttr<SI64Attr>:$num_outputs);
  let results = (outs Variadic<ONNX_AnyTensor>:$outputs);
  let assemblyFormat = [{
    $input `,` $split attr-dict `:` functional-type(operands, results)
  }];
}

def ONNX_SliceOp : ONNX_InferredOp<"Slice"> {
  let summary = "strided sub-tensor (opsets 13-25)";
  let description = [{
    For each listed axis `axes[j]` (default `0..len(starts)-1`, negative counts
    from the end) with dim `d` and step `s = steps[j]` (default 1, never 0),
    takes the elements `start, start + s, ...` before `end`, where
    `start = starts[j]` and `end = ends[j]` count from the end when negative
    and are then clamped: to `[0, d]` when `s > 0`, to `[0, d - 1]`
    (`start`) and `[-1, d - 1]` (`end`) when `s < 0`. The output dim is
    `max(ceil((end - start) / s), 0)`; other axes are kept whole. `starts`,
    `ends`, `axes` and `steps` are 1-D int32 or int64 of one length.

    ```mlir
    %none = onnx.NoValue
    %y = onnx.Slice %x, %starts, %ends, %none, %none
        : (tensor<20x10xf32>, tensor<1xi64>, tensor<1xi64>, none, none) -> tensor<?x10xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, ONNX_IndexTensor:$starts,
                       ONNX_IndexTensor:$ends, ONNX_IndexTensorOrNone:$axes,
                       ONNX_IndexTensorOrNone:$steps);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $data `,` $starts `,` $ends `,` $axes `,` $steps attr-dict `:`
    functional-type(operands, results)
  }];
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// The first index and the element count that ONNX's clamping rules give
    /// for `starts`/`ends`/`steps` entries on a static dim of size `dim`
    /// (`step != 0`). Shared by shape inference, the folder and the lowering.
    static std::pair<int64_t, int64_t> normalizeRange(int64_t dim, int64_t start,
                                                      int64_t end, int64_t step);
  }];
}

def ONNX_GatherOp : ONNX_InferredOp<"Gather"> {
  let summary = "select slices along an axis by index (opsets 13-25)";
  let description = [{
    With `a = axis` in `[-r, r)`, a prefix index `I` over `data.shape[:a]`, an
    index `J` over `indices.shape` and a suffix index `K` over
    `data.shape[a+1:]`: `output[I, J, K] = data[I, indices[J], K]`, where a
    negative index counts from the end of the axis. The output has rank
    `r - 1 + rank(indices)`.

    ```mlir
    %g = onnx.Gather %x, %i {axis = 0 : si64}
        : (tensor<5x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$data, ONNX_IndexTensor:$indices,
                       DefaultValuedAttr<SI64Attr, "0">:$axis);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $data `,` $indices attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

def ONNX_ExpandOp : ONNX_InferredOp<"Expand"> {
  let summary = "broadcast to a shape (opsets 13-25)";
  let description = [{
    Broadcasts `input` numpy-style against the dims in `shape` (1-D int64):
    the output shape is the broadcast of `input.shape` and `shape`, so a `1`
    in `shape` keeps the input's dim.

    ```mlir
    %s = onnx.Constant dense<[2, 1, 6]> : tensor<3xi64>
    %e = onnx.Expand %x, %s : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x6xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input, ONNX_I64Tensor:$shape);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $input `,` $shape attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

def ONNX_TileOp : ONNX_InferredOp<"Tile"> {
  let summary = "repeat the whole tensor along each dim (opsets 13-25)";
  let description = [{
    numpy.tile: `repeats` is a 1-D int64 tensor of one non-negative entry
    per dim of `input`, `output.shape[d] = n_d * repeats[d]` with
    `n_d = input.shape[d]`, and `output[i_0, i_1, ...] = input[i_0 mod n_0,
    i_1 mod n_1, ...]`: copies of the whole input follow each other along
    every dim.

    When `repeats` is not a constant, the result dims are dynamic.

    ```mlir
    %r = onnx.Constant dense<[2, 1]> : tensor<2xi64>
    %t = onnx.Tile %x, %r : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input, ONNX_I64Tensor:$repeats);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $input `,` $repeats attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

def ONNX_TriluOp : ONNX_InferredOp<"Trilu"> {
  let summary = "upper or lower triangle of the last two dims (opsets 14-25)";
  let description = [{
    Keeps `input[..., i, j]` where `j - i >= k` (`upper = 1`, the default) or
    `j - i <= k` (`upper = 0`) and zeroes the rest; `k` is an optional 0-D
    int64 input (default 0). `input` has rank >= 2.

    ```mlir
    %none = onnx.NoValue
    %t = onnx.Trilu %x, %none {upper = 0 : si64}
        : (tensor<4x5xf32>, none) -> tensor<4x5xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input, ONNX_I64TensorOrNone:$k,
                       DefaultValuedAttr<SI64Attr, "1">:$upper);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $input `,` $k attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

def ONNX_WhereOp : ONNX_InferredOp<"Where"> {
  let summary = "elementwise select with numpy broadcasting (opsets 16-25)";
  let description = [{
    `output[i] = condition[i] ? X[i] : Y[i]` with `condition` bool (i1) and
    `X`, `Y` of one element type, all three broadcast numpy-style.

    ```mlir
    %w = onnx.Where %c, %x, %y
        : (tensor<2x1xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I1]>:$condition, ONNX_AnyTensor:$X,
                       ONNX_AnyTensor:$Y);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $condition `,` $X `,` $Y attr-dict `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
}

def ONNX_TensorScatterOp : ONNX_InferredOp<"TensorScatter"> {
  let summary = "write an update into a cache along its sequence axis (opset 24-25)";
  let description = [{
    `past_cache` has dims `(batch, D1, .., max_seq, .., Dn)` with the sequence
    dim at `axis` (default -2, never the batch dim 0); `update` has the same
    dims except `seq <= max_seq` at `axis`. For each batch `b` and
    `s < seq`, `present_cache[b, .., w_b + s, ..] = update[b, .., s, ..]`
    where `w_b = write_indices[b]` (1-D int64 of length batch, zeros when
    omitted); with `mode = "circular"` the written index is taken modulo
    `max_seq`, with `"linear"` (the default) `w_b + seq <= max_seq` must hold.
    Every other element is `past_cache`'s.

    ```mlir
    %p = onnx.TensorScatter %past, %upd, %w {mode = "circular"}
        : (tensor<2x8x16xf32>, tensor<2x1x16xf32>, tensor<2xi64>) -> tensor<2x8x16xf32>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$past_cache, ONNX_AnyTensor:$update,
                       ONNX_I64TensorOrNone:$write_indices,
                       DefaultValuedAttr<SI64Attr, "-2">:$axis,
                       DefaultValuedStrAttr<StrAttr, "linear">:$mode);
  let results = (outs ONNX_AnyTensor:$present_cache);
  let assemblyFormat = [{
    $past_cache `,` $update `,` $write_indices attr-dict `:`
    functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Element type conversions
//===----------------------------------------------------------------------===//

def ONNX_CastOp : ONNX_InferredOp<"Cast"> {
  let summary = "convert the element type (opsets 13-25)";
  let description = [{
    Converts each element to the ONNX data type `to` (1 f32, 10 f16, 16 bf16,
    11 f64, 3/2 i8, 5/4 i16, 6/12 i32, 7/13 i64, 9 bool; unsigned types are
    signless integers of their width). Floats to integers round toward zero,
    anything to bool is `x != 0`, bool to numbers is 0 or 1. `saturate`
    (float8 only) is accepted and ignored.

    ```mlir
    %c = onnx.Cast %x {to = 10 : si64} : (tensor<3x4xf32>) -> tensor<3x4xf16>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input, SI64Attr:$to,
                       DefaultValuedAttr<SI64Attr, "1">:$saturate);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// The element type of ONNX data type code `code`, or null when attnc
    /// does not support it (strings, complex, float8, 4-bit types).
    static Type getElementTypeForCode(MLIRContext *context, int64_t code);
  }];
}

def ONNX_CastLikeOp : ONNX_InferredOp<"CastLike"> {
  let summary = "convert to another tensor's element type (opsets 15-25)";
  let description = [{
    `Cast` of `input` to the element type of `target_type`, whose values are
    not read.

    ```mlir
    %c = onnx.CastLike %x, %t : (tensor<3xf32>, tensor<1xf16>) -> tensor<3xf16>
    ```
  }];
  let arguments = (ins ONNX_AnyTensor:$input, ONNX_AnyTensor:$target_type,
                       DefaultValuedAttr<SI64Attr, "1">:$saturate);
  let results = (outs ONNX_AnyTensor:$output);
  let assemblyFormat = [{
    $input `,` $target_type attr-dict `:` functional-type(operands, results)
  }];
}

#endif // ATTNC_DIALECT_ONNX_IR_ONNXTENSOROPS_TD
