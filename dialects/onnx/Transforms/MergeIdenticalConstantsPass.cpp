//===- MergeIdenticalConstantsPass.cpp - onnx-merge-identical-constants ---===//

#include "attnc/Dialect/ONNX/Transforms/Passes.h"
#include "attnc/Dialect/ONNX/Transforms/Transforms.h"

namespace mlir::onnx {
#define GEN_PASS_DEF_MERGEIDENTICALCONSTANTSPASS
#include "attnc/Dialect/ONNX/Transforms/Passes.h.inc"
} // namespace mlir::onnx

using namespace mlir;

namespace {

struct MergeIdenticalConstantsPass
    : onnx::impl::MergeIdenticalConstantsPassBase<MergeIdenticalConstantsPass> {
  using Base::Base;

  void runOnOperation() override {
    numMerged += onnx::mergeIdenticalConstants(getOperation());
  }
};

} // namespace
