//===- ONNXDialect.td - The onnx import dialect ----------------*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def ONNX_Dialect : Dialect {
  let name = "onnx";
  let cppNamespace = "::mlir::onnx";
  let summary = "ONNX operators, one MLIR op per ONNX node";
  let description = [{
    The import dialect: the ONNX importer emits one op per ONNX node, named after
    the ONNX operator (`onnx.MatMul`, `onnx.Softmax`), with the node's attributes
    under their ONNX names and the semantics of the newest opset attnc supports
    (the importer rewrites older forms, e.g. `axes` attributes into inputs).
    `com.microsoft` contrib operators carry an `ms.` prefix
    (`onnx.ms.GroupQueryAttention`).

    Conventions that the importer, the folders and the lowerings share:

    * Every ONNX input is an operand, in ONNX order. An omitted optional input
      is the `none` value of `onnx.NoValue`, so operand positions never shift.
      Variadic inputs (Concat, Sum) are the only variadic operands.
    * Attributes: ONNX `INT` is `si64`, `FLOAT` is `f32`, `STRING` a string,
      `INTS` a `DenseI64ArrayAttr`, `FLOATS` a `DenseF32ArrayAttr`, `TENSOR` a
      dense elements attribute. They live in the attribute dictionary (no
      properties), so ops can be built generically by name.
    * Result types are inferred from operands and attributes
      (`InferTypeOpInterface`); a declared result type may be more static than
      the inferred one, never different. Ops fold when their inputs are
      constants, so shape subgraphs (Shape, Gather, Concat, Range, ...) become
      constants during import.
  }];
  let usePropertiesForAttributes = 0;
  let hasConstantMaterializer = 1;
  let useDefaultTypePrinterParser = 0;
}

// Base class: ONNX op names keep ONNX's spelling (`onnx.MatMul`).
class ONNX_Op<string mnemonic, list<Trait> traits = []>
    : Op<ONNX_Dialect, mnemonic, traits>;

// Ops whose result types come from ONNX shape inference:
//   static LogicalResult inferReturnTypes(MLIRContext *, std::optional<Location>,
//                                         Adaptor, SmallVectorImpl<Type> &);
//   static bool isCompatibleReturnTypes(TypeRange inferred, TypeRange declared);
// isCompatibleReturnTypes is defined here once for all of them: a declared
// type may be more static than the inferred one (areCompatibleReturnTypes in
// ShapeInference.h). An op with another rule sets its own extraClassDefinition.
class ONNX_InferredOp<string mnemonic, list<Trait> traits = []>
    : ONNX_Op<mnemonic, traits # [Pure, InferTypeOpAdaptorWithIsCompatible]> {
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                            ::mlir::TypeRange declared) {
      return ::mlir::onnx::areCompatibleReturnTypes(inferred, declared);
    }
  }];
}

def ONNX_AnyTensor : RankedTensorOf<[AnyType]>;
def ONNX_TensorOrNone : AnyTypeOf<[AnyRankedTensor, NoneType]>;

#endif // ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_TD
