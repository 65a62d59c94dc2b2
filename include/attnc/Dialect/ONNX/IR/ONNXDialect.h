//===- ONNXDialect.h - The onnx import dialect ------------------*- C++ -*-===//

#ifndef ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_H
#define ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_H

#include "mlir/IR/Dialect.h"

#include "attnc/Dialect/ONNX/IR/ONNXDialect.h.inc"

#endif // ATTNC_DIALECT_ONNX_IR_ONNXDIALECT_H
