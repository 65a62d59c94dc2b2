//===- UnshareEmptyTensors.cpp - One tensor.empty per destination ---------===//
//
// CSE merges the identical `tensor.empty` (and zero `linalg.fill`) ops that
// the lowerings create as destinations, so one value can end up as the `outs`
// of thousands of ops (T7 dsv4-mini: 2306 uses of one tensor.empty). One-Shot
// Bufferize then puts all of them in one alias set and checks every pair for
// conflicts: 8 of a model's 11 s of compilation. Splitting such a value's
// uses into groups, each with its own empty tensor (and fill), keeps the
// sets small while the ops of a group can still share a buffer.
//
//===----------------------------------------------------------------------===//

#include "attnc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/DenseMap.h"

namespace attnc {
#define GEN_PASS_DEF_UNSHAREEMPTYTENSORSPASS
#include "attnc/Transforms/Passes.h.inc"
} // namespace attnc

using namespace mlir;

namespace {

/// A copy of `op` right after it: a fill gets a fresh empty tensor of its
/// own, so that its group does not share a destination with the others.
Value cloneDestination(OpBuilder &builder, Operation *op) {
  IRMapping mapping;
  if (auto fill = dyn_cast<linalg::FillOp>(op))
    if (auto empty = fill.getOutputs().front().getDefiningOp<tensor::EmptyOp>())
      mapping.map(empty.getResult(), builder.clone(*empty)->getResult(0));
  return builder.clone(*op, mapping)->getResult(0);
}

/// Splits the uses of `op`'s single result, in program order, into groups of
/// at most `maxUses` consecutive ones, each group but the first reading its
/// own copy of `op` placed right after it (so it dominates every use the
/// original did). `order` numbers the function's ops in pre-order.
///
/// Why groups and not one copy per use: bufferization's analysis grows with
/// the square of an alias set, so the sets must stay small; but ops sharing a
/// destination can reuse one buffer when their results do not overlap in
/// time (one copy per use doubled T1's page faults and cost 15% of its run
/// time).
void splitUses(Operation *op, size_t maxUses,
               const DenseMap<Operation *, size_t> &order) {
  SmallVector<OpOperand *> uses;
  for (OpOperand &use : op->getResult(0).getUses())
    uses.push_back(&use);
  if (uses.size() <= maxUses)
    return;
  llvm::sort(uses, [&](OpOperand *a, OpOperand *b) {
    return order.lookup(a->getOwner()) < order.lookup(b->getOwner());
  });
  OpBuilder builder(op->getContext());
  builder.setInsertionPointAfter(op);
  Value current;
  for (size_t i = maxUses; i < uses.size(); ++i) {
    if (i % maxUses == 0)
      current = cloneDestination(builder, op);
    uses[i]->set(current);
  }
}

struct UnshareEmptyTensorsPass
    : attnc::impl::UnshareEmptyTensorsPassBase<UnshareEmptyTensorsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (maxUses <= 0) {
      getOperation().emitError("max-uses must be positive, got ") << maxUses;
      return signalPassFailure();
    }
    DenseMap<Operation *, size_t> order;
    getOperation().walk<WalkOrder::PreOrder>(
        [&](Operation *op) { order.try_emplace(op, order.size()); });
    // Fills first (each copy with its own empty tensor), then the empty
    // tensors that other ops write into directly.
    SmallVector<linalg::FillOp> fills;
    getOperation().walk([&](linalg::FillOp fill) {
      if (fill.hasPureTensorSemantics() &&
          fill.getOutputs().front().getDefiningOp<tensor::EmptyOp>())
        fills.push_back(fill);
    });
    for (linalg::FillOp fill : fills)
      splitUses(fill, maxUses, order);
    SmallVector<tensor::EmptyOp> empties;
    getOperation().walk([&](tensor::EmptyOp empty) { empties.push_back(empty); });
    for (tensor::EmptyOp empty : empties)
      splitUses(empty, maxUses, order);
  }
};

} // namespace
