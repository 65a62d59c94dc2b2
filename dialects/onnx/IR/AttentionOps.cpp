//===- AttentionOps.cpp - Fused attention ONNX ops ------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

using namespace mlir;
using namespace mlir::onnx;
