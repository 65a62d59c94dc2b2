//===- ONNXDialect.cpp - The onnx import dialect --------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXDialect.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

using namespace mlir;
using namespace mlir::onnx;

#include "attnc/Dialect/ONNX/IR/ONNXDialect.cpp.inc"

void ONNXDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "attnc/Dialect/ONNX/IR/ONNXOps.cpp.inc"
      >();
}
