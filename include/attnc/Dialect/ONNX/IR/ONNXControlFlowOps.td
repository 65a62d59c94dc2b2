//===- ONNXControlFlowOps.td - ONNX Loop and Scan -------------*- tablegen -*-===//
//
// ONNX operators whose GRAPH attribute is a subgraph: the subgraph becomes a
// single-block region whose arguments are the subgraph's inputs in ONNX order
// and whose `onnx.Yield` returns the subgraph's outputs in ONNX order. The
// region may use values defined above it (ONNX's outer-scope names).
// convert-onnx-to-linalg lowers both ops to scf loops.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXCONTROLFLOWOPS_TD
#define ATTNC_DIALECT_ONNX_IR_ONNXCONTROLFLOWOPS_TD

include "attnc/Dialect/ONNX/IR/ONNXDialect.td"

def ONNX_TripCountOrNone : AnyTypeOf<[RankedTensorOf<[I64]>, NoneType]>;
def ONNX_ConditionOrNone : AnyTypeOf<[RankedTensorOf<[I1]>, NoneType]>;

// Result types come from the body (ControlFlowOps.cpp) and may be declared
// more static than inferred, as for every inferred onnx op. The body's ops
// decide the memory effects; a loop is not speculatable (it may not end).
class ONNX_ControlFlowOp<string mnemonic, list<Trait> traits = []>
    : ONNX_Op<mnemonic, traits # [RecursiveMemoryEffects, SingleBlock,
                                  InferTypeOpAdaptorWithIsCompatible]> {
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                            ::mlir::TypeRange declared) {
      return ::mlir::onnx::areCompatibleReturnTypes(inferred, declared);
    }
  }];
  let assemblyFormat = [{
    operands attr-dict `:` functional-type(operands, results) $body
  }];
  let hasVerifier = 1;
}

def ONNX_LoopOp : ONNX_ControlFlowOp<"Loop"> {
  let summary = "a loop with a trip count and a condition (opsets 1-24)";
  let description = [{
    ONNX `Loop`. With `N` loop-carried values and `K` scan outputs, the body
    takes `(iteration_num : tensor<i64>, cond : tensor<i1>, v_1 .. v_N)` and
    yields `(cond_out : tensor<i1>, v_1' .. v_N', s_1 .. s_K)`. Iteration `i`
    runs while `i < M` (when `M` is given) and the condition holds (the
    initial `cond` when given, then the previous `cond_out`). Results are the
    last loop-carried values, then each scan output: the `s_k` of all
    iterations stacked along a new leading dim, whose size is the trip count
    (static only when `M` is a constant and the condition cannot end the loop
    earlier).

    ```mlir
    %last, %all = onnx.Loop %m, %cond, %start : (tensor<i64>, tensor<i1>, tensor<f32>)
        -> (tensor<f32>, tensor<?xf32>) {
    ^bb0(%i: tensor<i64>, %c: tensor<i1>, %prev: tensor<f32>):
      %next = onnx.Add %prev, %delta : (tensor<f32>, tensor<f32>) -> tensor<f32>
      onnx.Yield %c, %next, %prev : tensor<i1>, tensor<f32>, tensor<f32>
    }
    ```
  }];
  let arguments = (ins ONNX_TripCountOrNone:$M, ONNX_ConditionOrNone:$cond,
                       Variadic<ONNX_AnyTensor>:$v_initial);
  let results = (outs Variadic<ONNX_AnyTensor>:$v_final_and_scan_outputs);
  let regions = (region SizedRegion<1>:$body);
  let extraClassDeclaration = [{
    /// The body's terminator.
    YieldOp getYield();
    /// Whether only `M` and the initial `cond` decide the trip count: the
    /// body yields its condition argument unchanged, or a constant true.
    bool hasLoopInvariantCondition();
  }];
}

def ONNX_ScanOp : ONNX_ControlFlowOp<"Scan"> {
  let summary = "a loop over slices of its scan inputs (opsets 9-24)";
  let description = [{
    ONNX `Scan`. The last `num_scan_inputs` operands are scan inputs, the
    others are the `N` initial states. All scan inputs have the same length
    `T` along their scan axes (`scan_input_axes`, default 0). Iteration `t`
    passes the states and, of each scan input, the slice at `t` (at `T-1-t`
    for `scan_input_directions` 1) with the scan axis removed; the body
    yields the `N` next states and `K` scan-output slices. Results are the
    final states, then each scan output: its `T` slices stacked along
    `scan_output_axes` (default 0; negative counts from the end of the
    result), in reverse order for `scan_output_directions` 1.

    ```mlir
    %sum, %prefix = onnx.Scan %init, %xs {num_scan_inputs = 1 : si64}
        : (tensor<3xf32>, tensor<5x3xf32>) -> (tensor<3xf32>, tensor<5x3xf32>) {
    ^bb0(%acc: tensor<3xf32>, %x: tensor<3xf32>):
      %next = onnx.Add %acc, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
      onnx.Yield %next, %next : tensor<3xf32>, tensor<3xf32>
    }
    ```
  }];
  let arguments = (ins Variadic<ONNX_AnyTensor>:$initial_state_and_scan_inputs,
                       SI64Attr:$num_scan_inputs,
                       OptionalAttr<DenseI64ArrayAttr>:$scan_input_axes,
                       OptionalAttr<DenseI64ArrayAttr>:$scan_input_directions,
                       OptionalAttr<DenseI64ArrayAttr>:$scan_output_axes,
                       OptionalAttr<DenseI64ArrayAttr>:$scan_output_directions);
  let results = (outs Variadic<ONNX_AnyTensor>:$final_state_and_scan_outputs);
  let regions = (region SizedRegion<1>:$body);
  let extraClassDeclaration = [{
    /// The body's terminator.
    YieldOp getYield();
    /// The number of states (operands that are not scan inputs).
    int64_t getNumStates();
    /// The body's argument types for a Scan with these operand types and
    /// attributes: each state as it is, then each scan input without its scan
    /// axis. Validates the attributes it reads (the importer calls it before
    /// the op exists) and emits at `loc` what is wrong.
    static ::mlir::FailureOr<::llvm::SmallVector<::mlir::Type>>
    inferBodyArgumentTypes(std::optional<::mlir::Location> loc,
                           ::mlir::TypeRange operandTypes,
                           ::mlir::DictionaryAttr attributes);
  }];
}

def ONNX_YieldOp : ONNX_Op<"Yield", [Pure, Terminator,
                                      ParentOneOf<["LoopOp", "ScanOp"]>]> {
  let summary = "the outputs of a Loop or Scan body";
  let description = [{
    Ends a Loop or Scan body with the subgraph's outputs, in ONNX order.

    ```mlir
    onnx.Yield %cond, %next : tensor<i1>, tensor<4xf32>
    ```
  }];
  let arguments = (ins Variadic<ONNX_AnyTensor>:$outputs);
  let assemblyFormat = "attr-dict ($outputs^ `:` type($outputs))?";
}

#endif // ATTNC_DIALECT_ONNX_IR_ONNXCONTROLFLOWOPS_TD
