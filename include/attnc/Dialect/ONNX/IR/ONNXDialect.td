//===- ONNXDialect.td - The onnx import dialect ----------------*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_TD

include "mlir/IR/OpBase.td"
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
    and the ONNX semantics of the opset it was imported at. Result types are
    inferred from the operands, so that shapes propagate through the graph.
    `com.microsoft` contrib operators carry a `ms.` prefix (`onnx.ms.GroupQueryAttention`).
  }];
}

// Base class: ONNX op names keep ONNX's spelling (`onnx.MatMul`).
class ONNX_Op<string mnemonic, list<Trait> traits = []>
    : Op<ONNX_Dialect, mnemonic, traits>;


// Ops whose result types come from ONNX shape inference. A declared result may
// be more static than the inferred one (the importer keeps shapes the graph
// declares), never different.
class ONNX_InferredOp<string mnemonic, list<Trait> traits = []>
    : ONNX_Op<mnemonic, traits # [Pure,
                                  DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let extraClassDeclaration = [{
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                        ::mlir::TypeRange declared);
  }];
}

def ONNX_AnyTensor : RankedTensorOf<[AnyType]>;

#endif // ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_TD
