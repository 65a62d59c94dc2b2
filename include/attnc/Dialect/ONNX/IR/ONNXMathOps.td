//===- ONNXMathOps.td - Contractions, reductions, normalisations -*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXMATHOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXMATHOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"
include "attnc/Dialect/ONNX/IR/ONNXElementwiseOps.td"

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

def ONNX_MatMulOp : ONNX_InferredOp<"MatMul"> {
  let summary = "numpy matmul (opset 13)";
  let description = [{
    Matrix product of the last two dims, batch dims broadcast numpy-style; a 1-D
    operand is promoted to a matrix and the added dim is removed from the result.
    f16 and bf16 products accumulate in f32.

    ```mlir
    %c = onnx.MatMul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
    ```
  }];
  let arguments = (ins ONNX_NumericTensor:$A, ONNX_NumericTensor:$B);
  let results = (outs ONNX_NumericTensor:$Y);
  let assemblyFormat = "$A `,` $B attr-dict `:` functional-type(operands, results)";
}

def ONNX_GemmOp : ONNX_InferredOp<"Gemm"> {
  let summary = "general matrix multiply (opset 13)";
  let description = [{
    `Y = alpha * A' * B' + beta * C`, where `A'` is `A` (M x K, or K x M
    transposed when `transA = 1`), `B'` is `B` (K x N, or N x K with
    `transB = 1`), and the optional `C` broadcasts unidirectionally to M x N.
    f16 and bf16 products accumulate in f32.

    ```mlir
    %y = onnx.Gemm %a, %b, %c {alpha = 5.000000e-01 : f32, transB = 1 : si64}
        : (tensor<3x5xf32>, tensor<4x5xf32>, tensor<4xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins ONNX_NumericTensor:$A, ONNX_NumericTensor:$B,
                       ONNX_TensorOrNone:$C,
                       DefaultValuedAttr<F32Attr, "1.0">:$alpha,
                       DefaultValuedAttr<F32Attr, "1.0">:$beta,
                       DefaultValuedAttr<SI64Attr, "0">:$transA,
                       DefaultValuedAttr<SI64Attr, "0">:$transB);
  let results = (outs ONNX_NumericTensor:$Y);
  let assemblyFormat = [{
    $A `,` $B `,` $C attr-dict `:` functional-type(operands, results)
  }];
}

def ONNX_EinsumOp : ONNX_InferredOp<"Einsum"> {
  let summary = "Einstein summation (opset 12)";
  let description = [{
    Numpy `einsum`: `equation` names each input's dims with letters
    (`"bij,bjk->bik"`); `...` stands for the leading dims, which broadcast
    numpy-style across inputs; a label repeated within one input takes its
    diagonal; labels missing from the output are summed over. Without `->`
    the output is the ellipsis dims followed by the labels that occur once,
    in alphabetical order. Spaces are ignored. f16 and bf16 accumulate in f32.

    ```mlir
    %y = onnx.Einsum %x, %w {equation = "bij,bjk->bik"}
        : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
    ```
  }];
  let arguments = (ins Variadic<ONNX_NumericTensor>:$Inputs, StrAttr:$equation);
  let results = (outs ONNX_NumericTensor:$Output);
  let assemblyFormat = "$Inputs attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    /// The equation with `...` expanded: one label string per input and the
    /// output's labels. Ellipsis dims get the labels '0', '1', ... aligned on
    /// the right (the last ellipsis dim of every input is the same label).
    struct Labels {
      ::llvm::SmallVector<std::string> inputs;
      std::string output;
    };
    /// Parses `equation` for inputs of ranks `ranks`; emits at `loc` and
    /// fails when the equation is malformed or does not fit the ranks.
    static ::mlir::FailureOr<Labels>
    parseEquation(std::optional<::mlir::Location> loc,
                  ::llvm::StringRef equation, ::llvm::ArrayRef<int64_t> ranks);
  }];
}

//===----------------------------------------------------------------------===//
// Softmax and reductions
//===----------------------------------------------------------------------===//

def ONNX_SoftmaxOp : ONNX_InferredOp<"Softmax"> {
  let summary = "softmax along one axis (opset 13)";
  let description = [{
    `exp(x - max) / sum(exp(x - max))` along `axis` (default -1; negative counts
    from the end). f16 and bf16 are computed in f32.

    ```mlir
    %y = onnx.Softmax %x {axis = -1 : si64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$input,
                       DefaultValuedAttr<SI64Attr, "-1">:$axis);
  let results = (outs ONNX_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

class ONNX_ReduceOp<string mnemonic, string desc, Type tensorType>
    : ONNX_InferredOp<mnemonic> {
  let summary = "reduction by " # desc # " over axes (opset 18)";
  let description = [{
    The }] # desc # [{ of `data` over the dims listed in `axes` (a 1-D i64
    tensor; negative values count from the end). Without `axes` (or with an
    empty one) every dim is reduced, unless `noop_with_empty_axes = 1`, which
    makes the op the identity. `keepdims = 1` keeps reduced dims as size 1.
    Axes must be distinct. When `axes` is not a constant, its static length
    gives the number of reduced dims, so with `keepdims = 0` the result has
    that many dims fewer (an `axes` of dynamic length is then an error); dims
    that depend on which axes are reduced are dynamic. f16 and bf16
    accumulate in f32.

    ```mlir
    %axes = onnx.Constant dense<[1]> : tensor<1xi64>
    %r = onnx.}] # mnemonic # [{ %x, %axes {keepdims = 0 : si64}
        : (tensor<3x2x2xf32>, tensor<1xi64>) -> tensor<3x2xf32>
    ```
  }];
  let arguments = (ins tensorType:$data, ONNX_TensorOrNone:$axes,
                       DefaultValuedAttr<SI64Attr, "1">:$keepdims,
                       DefaultValuedAttr<SI64Attr, "0">:$noop_with_empty_axes);
  let results = (outs tensorType:$reduced);
  let assemblyFormat = [{
    $data `,` $axes attr-dict `:` functional-type(operands, results)
  }];
}

def ONNX_ReduceMaxOp : ONNX_ReduceOp<"ReduceMax", "maximum", ONNX_NumericTensor>;
def ONNX_ReduceMinOp : ONNX_ReduceOp<"ReduceMin", "minimum", ONNX_NumericTensor>;
def ONNX_ReduceMeanOp : ONNX_ReduceOp<"ReduceMean", "mean", ONNX_NumericTensor>;
def ONNX_ReduceSumOp : ONNX_ReduceOp<"ReduceSum", "sum", ONNX_NumericTensor>;

//===----------------------------------------------------------------------===//
// Normalisations and activations
//===----------------------------------------------------------------------===//

def ONNX_LayerNormalizationOp : ONNX_InferredOp<"LayerNormalization"> {
  let summary = "layer normalisation (opset 17)";
  let description = [{
    Normalises over the dims `[axis, rank)`: with `m = mean(X)` and
    `v = mean((X - m)^2)` over those dims,
    `Y = (X - m) / sqrt(v + epsilon) * Scale + B`. `Scale` and the optional
    `B` broadcast (unidirectionally) to `X`. `Mean` (`m`) and `InvStdDev`
    (`1 / sqrt(v + epsilon)`) have the shape of `X` with the normalised dims
    set to 1 and the element type `stash_type` names (1: f32, the only one
    supported); statistics are computed in that type.

    ```mlir
    %y, %mean, %inv = onnx.LayerNormalization %x, %scale, %bias {axis = -1 : si64}
        : (tensor<2x8xf16>, tensor<8xf16>, tensor<8xf16>)
        -> (tensor<2x8xf16>, tensor<2x1xf32>, tensor<2x1xf32>)
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$X, ONNX_FloatTensor:$Scale,
                       ONNX_TensorOrNone:$B,
                       DefaultValuedAttr<SI64Attr, "-1">:$axis,
                       DefaultValuedAttr<F32Attr, "1e-05">:$epsilon,
                       DefaultValuedAttr<SI64Attr, "1">:$stash_type);
  let results = (outs ONNX_FloatTensor:$Y, ONNX_FloatTensor:$Mean,
                      ONNX_FloatTensor:$InvStdDev);
  let assemblyFormat = [{
    $X `,` $Scale `,` $B attr-dict `:` functional-type(operands, results)
  }];
}

def ONNX_RMSNormalizationOp : ONNX_InferredOp<"RMSNormalization"> {
  let summary = "root-mean-square normalisation (opset 23)";
  let description = [{
    Normalises over the dims `[axis, rank)`:
    `Y = X / sqrt(mean(X^2) + epsilon) * scale`, where `scale` broadcasts
    (unidirectionally) to `X`. The statistics are computed in the type that
    `stash_type` names (1: f32, the only one supported).

    ```mlir
    %y = onnx.RMSNormalization %x, %scale {epsilon = 9.99999997E-7 : f32}
        : (tensor<2x3x16xf32>, tensor<16xf32>) -> tensor<2x3x16xf32>
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$X, ONNX_FloatTensor:$scale,
                       DefaultValuedAttr<SI64Attr, "-1">:$axis,
                       DefaultValuedAttr<F32Attr, "1e-05">:$epsilon,
                       DefaultValuedAttr<SI64Attr, "1">:$stash_type);
  let results = (outs ONNX_FloatTensor:$Y);
  let assemblyFormat = "$X `,` $scale attr-dict `:` functional-type(operands, results)";
}

def ONNX_GeluOp : ONNX_InferredOp<"Gelu"> {
  let summary = "Gaussian error linear unit (opset 20)";
  let description = [{
    With `approximate = "none"`: `Y = 0.5 * X * (1 + erf(X / sqrt(2)))`; with
    `approximate = "tanh"`:
    `Y = 0.5 * X * (1 + tanh(sqrt(2 / pi) * (X + 0.044715 * X^3)))`.

    ```mlir
    %y = onnx.Gelu %x {approximate = "tanh"} : (tensor<3xf32>) -> tensor<3xf32>
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$X,
                       DefaultValuedStrAttr<StrAttr, "none">:$approximate);
  let results = (outs ONNX_FloatTensor:$Y);
  let assemblyFormat = "$X attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// com.microsoft contrib normalisations
//===----------------------------------------------------------------------===//

def ONNX_MSSimplifiedLayerNormalizationOp
    : ONNX_InferredOp<"ms.SimplifiedLayerNormalization"> {
  let summary = "RMS normalisation, onnxruntime contrib op";
  let description = [{
    onnxruntime's `SimplifiedLayerNormalization` (registered in the ONNX
    domain there): `Y = X / sqrt(mean(X^2) + epsilon) * scale`, normalising
    over the dims `[axis, rank)`. `inv_std_var` is `1 / sqrt(mean(X^2) +
    epsilon)`, shaped as `X` with the normalised dims set to 1, in the
    `stash_type` type (1: f32, the only one supported).

    ```mlir
    %y, %inv = onnx.ms.SimplifiedLayerNormalization %x, %scale {axis = -1 : si64}
        : (tensor<2x3x16xf32>, tensor<16xf32>) -> (tensor<2x3x16xf32>, tensor<2x3x1xf32>)
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$X, ONNX_FloatTensor:$scale,
                       DefaultValuedAttr<SI64Attr, "-1">:$axis,
                       DefaultValuedAttr<F32Attr, "1e-05">:$epsilon,
                       DefaultValuedAttr<SI64Attr, "1">:$stash_type);
  let results = (outs ONNX_FloatTensor:$Y, ONNX_FloatTensor:$inv_std_var);
  let assemblyFormat = "$X `,` $scale attr-dict `:` functional-type(operands, results)";
}

def ONNX_MSSkipSimplifiedLayerNormalizationOp
    : ONNX_InferredOp<"ms.SkipSimplifiedLayerNormalization"> {
  let summary = "residual add then RMS normalisation, onnxruntime contrib op";
  let description = [{
    com.microsoft `SkipSimplifiedLayerNormalization`: with
    `s = input + skip (+ bias)` (`skip` broadcasts to `input`, `bias` is
    optional and has the hidden size), normalises over the last dim:
    `output = s / sqrt(mean(s^2) + epsilon) * gamma`.
    `input_skip_bias_sum` is `s`; `mean` (`mean(s)`) and `inv_std_var`
    (`1 / sqrt(mean(s^2) + epsilon)`) are f32, shaped as `input` with the last
    dim set to 1. Statistics are computed in f32.

    ```mlir
    %out, %mean, %inv, %sum = onnx.ms.SkipSimplifiedLayerNormalization
        %input, %skip, %gamma, %none {epsilon = 9.99999997E-7 : f32}
        : (tensor<2x3x16xf16>, tensor<2x3x16xf16>, tensor<16xf16>, none)
        -> (tensor<2x3x16xf16>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x16xf16>)
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$input, ONNX_FloatTensor:$skip,
                       ONNX_FloatTensor:$gamma, ONNX_TensorOrNone:$bias,
                       DefaultValuedAttr<F32Attr, "1e-12">:$epsilon);
  let results = (outs ONNX_FloatTensor:$output, ONNX_FloatTensor:$mean,
                      ONNX_FloatTensor:$inv_std_var,
                      ONNX_FloatTensor:$input_skip_bias_sum);
  let assemblyFormat = [{
    $input `,` $skip `,` $gamma `,` $bias attr-dict `:`
    functional-type(operands, results)
  }];
}

def ONNX_MSSkipLayerNormalizationOp
    : ONNX_InferredOp<"ms.SkipLayerNormalization"> {
  let summary = "residual add then layer normalisation, onnxruntime contrib op";
  let description = [{
    com.microsoft `SkipLayerNormalization`: with `s = input + skip (+ bias)`
    (`skip` broadcasts to `input`; `bias`, `gamma` and `beta` have the hidden
    size), normalises over the last dim:
    `output = (s - mean(s)) / sqrt(var(s) + epsilon) * gamma (+ beta)`.
    `input_skip_bias_sum` is `s`; `mean` and `inv_std_var` are f32, shaped as
    `input` with the last dim set to 1. Statistics are computed in f32.

    ```mlir
    %out, %mean, %inv, %sum = onnx.ms.SkipLayerNormalization
        %input, %skip, %gamma, %beta, %none {epsilon = 9.99999997E-7 : f32}
        : (tensor<2x3x16xf32>, tensor<2x3x16xf32>, tensor<16xf32>, tensor<16xf32>, none)
        -> (tensor<2x3x16xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x16xf32>)
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$input, ONNX_FloatTensor:$skip,
                       ONNX_FloatTensor:$gamma, ONNX_TensorOrNone:$beta,
                       ONNX_TensorOrNone:$bias,
                       DefaultValuedAttr<F32Attr, "1e-12">:$epsilon);
  let results = (outs ONNX_FloatTensor:$output, ONNX_FloatTensor:$mean,
                      ONNX_FloatTensor:$inv_std_var,
                      ONNX_FloatTensor:$input_skip_bias_sum);
  let assemblyFormat = [{
    $input `,` $skip `,` $gamma `,` $beta `,` $bias attr-dict `:`
    functional-type(operands, results)
  }];
}

#endif // ATTNC_DIALECT_ONNX_IR_ONNXMATHOPS_TD
