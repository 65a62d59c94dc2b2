//===- RingWindowCachesPass.cpp - attn-ring-window-caches -----------------===//

#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace mlir::attn {
#define GEN_PASS_DEF_RINGWINDOWCACHESPASS
#include "attnc/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

struct RingWindowCachesPass
    : attn::impl::RingWindowCachesPassBase<RingWindowCachesPass> {
  void runOnOperation() override {
    if (failed(attn::ringWindowCaches(getOperation())))
      signalPassFailure();
  }
};

} // namespace
