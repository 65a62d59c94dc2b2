//===- ONNXElementwiseOps.td - Elementwise ONNX operators ------*- tablegen -*-===//
//
// Unary and binary elementwise ops (numpy broadcasting), comparisons, logic
// and the variadic Sum / Max / Min. Where and Cast are in ONNXTensorOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXELEMENTWISEOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXELEMENTWISEOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

//===----------------------------------------------------------------------===//
// Element type classes
//===----------------------------------------------------------------------===//

// ONNX integers are signless here (the sign is in the op: Div, Mod and the
// comparisons treat them as signed); bool is i1.
def ONNX_FloatTensor : RankedTensorOf<[F16, BF16, F32, F64]>;
def ONNX_IntTensor : RankedTensorOf<[I8, I16, I32, I64]>;
def ONNX_NumericTensor : RankedTensorOf<[F16, BF16, F32, F64, I8, I16, I32, I64]>;
def ONNX_BoolTensor : RankedTensorOf<[I1]>;
def ONNX_NumericOrBoolTensor
    : RankedTensorOf<[F16, BF16, F32, F64, I8, I16, I32, I64, I1]>;

//===----------------------------------------------------------------------===//
// Unary ops: the result has the operand's type
//===----------------------------------------------------------------------===//

class ONNX_UnaryOp<string mnemonic, Type tensorType, string formula,
                   string opsets, list<Trait> traits = []>
    : ONNX_InferredOp<mnemonic, traits> {
  let summary = "elementwise `" # formula # "` (" # opsets # ")";
  let description = [{
    `Y[i] = }] # formula # [{` for every element; `Y` has the type of `X`.
    f16 and bf16 are computed in f32 and rounded once.

    ```mlir
    %y = onnx.}] # mnemonic # [{ %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins tensorType:$X);
  let results = (outs tensorType:$Y);
  let assemblyFormat = "$X attr-dict `:` functional-type(operands, results)";
}

def ONNX_NegOp : ONNX_UnaryOp<"Neg", ONNX_NumericTensor, "-X[i]", "opset 13"> {
  let hasFolder = 1;
}
def ONNX_AbsOp : ONNX_UnaryOp<"Abs", ONNX_NumericTensor, "|X[i]|", "opset 13">;
def ONNX_SqrtOp : ONNX_UnaryOp<"Sqrt", ONNX_FloatTensor, "sqrt(X[i])", "opset 13">;
def ONNX_ReciprocalOp
    : ONNX_UnaryOp<"Reciprocal", ONNX_FloatTensor, "1 / X[i]", "opset 13">;
def ONNX_ExpOp : ONNX_UnaryOp<"Exp", ONNX_FloatTensor, "exp(X[i])", "opset 13">;
def ONNX_LogOp : ONNX_UnaryOp<"Log", ONNX_FloatTensor, "log(X[i])", "opset 13">;
def ONNX_ErfOp : ONNX_UnaryOp<"Erf", ONNX_FloatTensor, "erf(X[i])", "opset 13">;
def ONNX_TanhOp : ONNX_UnaryOp<"Tanh", ONNX_FloatTensor, "tanh(X[i])", "opset 13">;
def ONNX_SigmoidOp
    : ONNX_UnaryOp<"Sigmoid", ONNX_FloatTensor, "1 / (1 + exp(-X[i]))", "opset 13">;
def ONNX_ReluOp : ONNX_UnaryOp<"Relu", ONNX_NumericTensor, "max(X[i], 0)", "opset 14">;
def ONNX_SinOp : ONNX_UnaryOp<"Sin", ONNX_FloatTensor, "sin(X[i])", "opsets 7-22">;
def ONNX_CosOp : ONNX_UnaryOp<"Cos", ONNX_FloatTensor, "cos(X[i])", "opsets 7-22">;
def ONNX_CeilOp : ONNX_UnaryOp<"Ceil", ONNX_FloatTensor, "ceil(X[i])", "opset 13">;
def ONNX_FloorOp : ONNX_UnaryOp<"Floor", ONNX_FloatTensor, "floor(X[i])", "opset 13">;
def ONNX_NotOp : ONNX_UnaryOp<"Not", ONNX_BoolTensor, "!X[i]", "opset 1"> {
  let hasFolder = 1;
}

def ONNX_IsNaNOp : ONNX_InferredOp<"IsNaN"> {
  let summary = "elementwise NaN test (opsets 13-20)";
  let description = [{
    `Y[i] = X[i] is NaN`, an i1 tensor of the shape of `X`.

    ```mlir
    %y = onnx.IsNaN %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$X);
  let results = (outs ONNX_BoolTensor:$Y);
  let assemblyFormat = "$X attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Binary ops with numpy broadcasting
//===----------------------------------------------------------------------===//

class ONNX_BroadcastBinaryOp<string mnemonic, string desc,
                             Type tensorType = ONNX_NumericTensor,
                             string opsets = "opsets 13-14">
    : ONNX_InferredOp<mnemonic> {
  let summary = desc # " with numpy broadcasting (" # opsets # ")";
  let description = [{
    Elementwise `}] # desc # [{` of `A` and `B`, both of one element type,
    broadcast numpy-style (shapes aligned on the right, size-1 dims stretch).
    The result shape is the broadcast shape. Folds when both operands are
    constants.

    ```mlir
    %c = onnx.}] # mnemonic # [{ %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins tensorType:$A, tensorType:$B);
  let results = (outs tensorType:$C);
  let assemblyFormat = "$A `,` $B attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_AddOp : ONNX_BroadcastBinaryOp<"Add", "addition">;
def ONNX_SubOp : ONNX_BroadcastBinaryOp<"Sub", "subtraction">;
def ONNX_MulOp : ONNX_BroadcastBinaryOp<"Mul", "multiplication">;
// Integer division truncates toward zero, as in C.
def ONNX_DivOp : ONNX_BroadcastBinaryOp<"Div", "division">;
def ONNX_AndOp
    : ONNX_BroadcastBinaryOp<"And", "logical and", ONNX_BoolTensor, "opset 7">;
def ONNX_OrOp
    : ONNX_BroadcastBinaryOp<"Or", "logical or", ONNX_BoolTensor, "opset 7">;
def ONNX_XorOp
    : ONNX_BroadcastBinaryOp<"Xor", "logical xor", ONNX_BoolTensor, "opset 7">;

def ONNX_ModOp : ONNX_InferredOp<"Mod"> {
  let summary = "remainder with numpy broadcasting (opset 13)";
  let description = [{
    Elementwise remainder of `A / B`, broadcast numpy-style. With `fmod = 0`
    (integers only) the remainder takes the sign of the divisor, as Python's
    `%`; with `fmod = 1` it takes the sign of the dividend, as C's `fmod`.
    Floats require `fmod = 1`. Folds when both operands are constants.

    ```mlir
    %c = onnx.Mod %a, %b {fmod = 1 : si64} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins ONNX_NumericTensor:$A, ONNX_NumericTensor:$B,
                       DefaultValuedAttr<SI64Attr, "0">:$fmod);
  let results = (outs ONNX_NumericTensor:$C);
  let assemblyFormat = "$A `,` $B attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def ONNX_PowOp : ONNX_InferredOp<"Pow"> {
  let summary = "power with numpy broadcasting (opset 15)";
  let description = [{
    `Z[i] = X[i] ^ Y[i]`, broadcast numpy-style. The base is a float tensor,
    the exponent a float or integer tensor of any width; `Z` has the base's
    element type.

    ```mlir
    %z = onnx.Pow %x, %y : (tensor<2x3xf32>, tensor<i64>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins ONNX_FloatTensor:$X, ONNX_NumericTensor:$Y);
  let results = (outs ONNX_FloatTensor:$Z);
  let assemblyFormat = "$X `,` $Y attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Comparisons: i1 results
//===----------------------------------------------------------------------===//

class ONNX_CompareOp<string mnemonic, string relation,
                     Type tensorType = ONNX_NumericTensor,
                     string opsets = "opset 13">
    : ONNX_InferredOp<mnemonic> {
  let summary = "elementwise `A " # relation # " B` with numpy broadcasting ("
                # opsets # ")";
  let description = [{
    `C[i] = A[i] }] # relation # [{ B[i]`, broadcast numpy-style; `A` and `B`
    have one element type (integers compare signed, floats ordered: a NaN
    compares false), `C` is i1. Folds when both operands are constants.

    ```mlir
    %c = onnx.}] # mnemonic # [{ %a, %b : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi1>
    ```
  }];
  let arguments = (ins tensorType:$A, tensorType:$B);
  let results = (outs ONNX_BoolTensor:$C);
  let assemblyFormat = "$A `,` $B attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def ONNX_EqualOp
    : ONNX_CompareOp<"Equal", "==", ONNX_NumericOrBoolTensor, "opset 19">;
def ONNX_LessOp : ONNX_CompareOp<"Less", "<">;
def ONNX_LessOrEqualOp : ONNX_CompareOp<"LessOrEqual", "<=", ONNX_NumericTensor,
                                        "opset 16">;
def ONNX_GreaterOp : ONNX_CompareOp<"Greater", ">">;
def ONNX_GreaterOrEqualOp
    : ONNX_CompareOp<"GreaterOrEqual", ">=", ONNX_NumericTensor, "opset 16">;

//===----------------------------------------------------------------------===//
// Variadic ops
//===----------------------------------------------------------------------===//

class ONNX_VariadicOp<string mnemonic, string desc>
    : ONNX_InferredOp<mnemonic> {
  let summary = "elementwise " # desc # " of one or more tensors (opset 13)";
  let description = [{
    The elementwise }] # desc # [{ of all inputs, broadcast numpy-style
    together; all inputs have one element type. Floats propagate NaN.

    ```mlir
    %r = onnx.}] # mnemonic # [{ %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Variadic<ONNX_NumericTensor>:$data_0);
  let results = (outs ONNX_NumericTensor:$result);
  let assemblyFormat = "$data_0 attr-dict `:` functional-type(operands, results)";
}

def ONNX_SumOp : ONNX_VariadicOp<"Sum", "sum">;
def ONNX_MaxOp : ONNX_VariadicOp<"Max", "maximum">;
def ONNX_MinOp : ONNX_VariadicOp<"Min", "minimum">;

#endif // ATTNC_DIALECT_ONNX_IR_ONNXELEMENTWISEOPS_TD
