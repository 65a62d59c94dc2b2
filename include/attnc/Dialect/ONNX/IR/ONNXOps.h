//===- ONNXOps.h - ONNX operators -------------------------------*- C++ -*-===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXOPS_H
#define ATTNC_DIALECT_ONNX_IR_ONNXOPS_H

#include "attnc/Dialect/ONNX/IR/ONNXDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "attnc/Dialect/ONNX/IR/ONNXOps.h.inc"

#endif // ATTNC_DIALECT_ONNX_IR_ONNXOPS_H
