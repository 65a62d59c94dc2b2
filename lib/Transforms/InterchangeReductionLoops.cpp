//===- InterchangeReductionLoops.cpp - Reductions outside the last dim ----===//
//
// The loop order linalg-to-loops emits is the iterator order; for
// contractions that puts the reduction innermost, a strided, serial inner
// loop. Moving the output's innermost dim inside the reductions gives a
// contiguous, independent inner loop without changing any result (see the
// pass description).
//
//===----------------------------------------------------------------------===//

#include "attnc/Transforms/InterchangeReductionLoops.h"
#include "attnc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace attnc {
#define GEN_PASS_DEF_INTERCHANGEREDUCTIONLOOPSPASS
#include "attnc/Transforms/Passes.h.inc"
} // namespace attnc

using namespace mlir;

namespace {

bool isInnermostIndex(AffineMap map, int64_t dim) {
  return map.getNumResults() > 0 &&
         map.getResults().back() == getAffineDimExpr(dim, map.getContext());
}

/// The loop order with the reductions after the last parallel dim moved in
/// front of it, or nothing when that does not give a contiguous inner loop.
std::optional<SmallVector<unsigned>> getReductionsOutwardOrder(
    linalg::LinalgOp op) {
  if (op.getNumDpsInits() != 1)
    return std::nullopt;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  int64_t rank = iterators.size();
  int64_t last = rank - 1;
  while (last >= 0 && iterators[last] != utils::IteratorType::parallel)
    --last;
  if (last < 0 || last == rank - 1)
    return std::nullopt;
  if (!isInnermostIndex(op.getMatchingIndexingMap(op.getDpsInitOperand(0)),
                        last))
    return std::nullopt;
  bool streamsAnInput = llvm::any_of(op.getDpsInputOperands(), [&](OpOperand *in) {
    return isInnermostIndex(op.getMatchingIndexingMap(in), last);
  });
  if (!streamsAnInput)
    return std::nullopt;
  SmallVector<unsigned> order;
  for (int64_t dim = 0; dim < rank; ++dim)
    if (dim != last)
      order.push_back(dim);
  order.push_back(last);
  return order;
}

struct MoveReductionsOutward
    : OpInterfaceRewritePattern<linalg::LinalgOp> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(linalg::LinalgOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallVector<unsigned>> order = getReductionsOutwardOrder(op);
    if (!order)
      return rewriter.notifyMatchFailure(op, "no contiguous inner loop to gain");
    auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
    if (!generic) {
      FailureOr<linalg::GenericOp> generalized =
          linalg::generalizeNamedOp(rewriter, op);
      if (failed(generalized))
        return rewriter.notifyMatchFailure(op, "cannot be generalized");
      generic = *generalized;
    }
    if (failed(linalg::interchangeGenericOp(rewriter, generic, *order)))
      return rewriter.notifyMatchFailure(op, "interchange failed");
    return success();
  }
};

struct InterchangeReductionLoopsPass
    : attnc::impl::InterchangeReductionLoopsPassBase<
          InterchangeReductionLoopsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    attnc::populateInterchangeReductionLoopsPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void attnc::populateInterchangeReductionLoopsPatterns(
    RewritePatternSet &patterns) {
  patterns.add<MoveReductionsOutward>(patterns.getContext());
}
