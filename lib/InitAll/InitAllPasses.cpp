//===- InitAllPasses.cpp - Register every attnc pass ----------------------===//

#include "attnc/InitAllPasses.h"

#include "attnc/Analysis/Passes.h"
#include "attnc/Conversion/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/ONNX/Transforms/Passes.h"
#include "attnc/Pipelines/Pipelines.h"
#include "attnc/Transforms/Passes.h"

#include "mlir/InitAllPasses.h"

void attnc::registerAllPasses() {
  // Upstream passes first: attnc pipelines are built from them, and attnc-opt
  // users mix both in one --pass-pipeline.
  mlir::registerAllPasses();
  registerAttncAnalysisPasses();
  registerAttncConversionPasses();
  mlir::attn::registerAttnTransformsPasses();
  mlir::onnx::registerONNXTransformsPasses();
  registerAttncTransformsPasses();
  registerAttncPipelines();
}
