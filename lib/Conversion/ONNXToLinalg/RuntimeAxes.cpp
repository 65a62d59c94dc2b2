//===- RuntimeAxes.cpp - Reductions over axes known at run time -----------===//
//
// Enumerates the sets of dims that run-time reduction axes can name and
// dispatches between their static reductions with scf.index_switch.
//
//===----------------------------------------------------------------------===//

#include "RuntimeAxes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;

namespace {

/// The most static reductions one op is lowered to. Realistic cases are far
/// below: one axis of a rank-4 tensor has 4 candidates, and axes of dynamic
/// length over a rank-7 tensor (any subset) reach 128.
constexpr int64_t kMaxCandidates = 128;

/// A set of dims that run-time axes can name.
struct Candidate {
  /// Bit `d` set when the axes name dim `d`: what the switch matches.
  uint64_t mask;
  /// The dims the reduction reduces (an empty set of axes may mean all).
  SmallVector<bool> reduced;
};

/// C(n, k), or `cap + 1` once it exceeds `cap` (so it cannot overflow).
int64_t countSubsets(int64_t n, int64_t k, int64_t cap) {
  int64_t count = 1;
  // After step i, `count` is C(n - k + i, i): an exact division each time.
  for (int64_t i = 1; i <= k; ++i) {
    count = count * (n - k + i) / i;
    if (count > cap)
      return cap + 1;
  }
  return count;
}

/// The bitmasks of every set of `size` dims out of `rank` (of every size when
/// `size` is dynamic), in increasing order. Expects at most kMaxCandidates of
/// them and `rank` < 63.
SmallVector<uint64_t> enumerateSubsets(int64_t rank, int64_t size) {
  uint64_t end = uint64_t(1) << rank;
  SmallVector<uint64_t> masks;
  if (ShapedType::isDynamic(size)) {
    for (uint64_t mask = 0; mask < end; ++mask)
      masks.push_back(mask);
    return masks;
  }
  if (size == 0)
    return {0};
  // Gosper's hack: the next larger integer with the same number of set bits.
  for (uint64_t mask = (uint64_t(1) << size) - 1; mask < end;) {
    masks.push_back(mask);
    uint64_t lowest = mask & -mask;
    uint64_t ripple = mask + lowest;
    mask = (((ripple ^ mask) >> 2) / lowest) | ripple;
  }
  return masks;
}

/// The shape of the reduction over `reduced`.
SmallVector<int64_t> getReducedShape(ArrayRef<int64_t> shape,
                                     ArrayRef<bool> reduced, bool keepdims) {
  SmallVector<int64_t> result;
  for (auto [dim, isReduced] : llvm::zip_equal(shape, reduced)) {
    if (!isReduced)
      result.push_back(dim);
    else if (keepdims)
      result.push_back(1);
  }
  return result;
}

/// The bitmask of the dims `axes` names. Negative axes count from the end;
/// an axis still out of range sets bit `rank`, which no candidate has.
Value buildAxesMask(OpBuilder &b, Location loc, Value axes, int64_t rank) {
  Type i64 = b.getI64Type();
  auto constant = [&](int64_t value) -> Value {
    return arith::ConstantOp::create(b, loc, b.getIntegerAttr(i64, value));
  };
  Value zero = constant(0), one = constant(1), rankValue = constant(rank);
  Value begin = arith::ConstantIndexOp::create(b, loc, 0);
  Value step = arith::ConstantIndexOp::create(b, loc, 1);
  auto axesType = cast<RankedTensorType>(axes.getType());
  Value count = axesType.isDynamicDim(0)
                    ? Value(tensor::DimOp::create(b, loc, axes, 0))
                    : Value(arith::ConstantIndexOp::create(
                          b, loc, axesType.getDimSize(0)));
  auto loop = scf::ForOp::create(
      b, loc, begin, count, step, ValueRange{zero},
      [&](OpBuilder &nested, Location bodyLoc, Value index, ValueRange acc) {
        using Pred = arith::CmpIPredicate;
        Value axis = tensor::ExtractOp::create(nested, bodyLoc, axes, index);
        Value negative =
            arith::CmpIOp::create(nested, bodyLoc, Pred::slt, axis, zero);
        Value normalized = arith::SelectOp::create(
            nested, bodyLoc, negative,
            arith::AddIOp::create(nested, bodyLoc, axis, rankValue), axis);
        // Unsigned, so that an axis still negative is out of range too.
        Value inRange = arith::CmpIOp::create(nested, bodyLoc, Pred::ult,
                                              normalized, rankValue);
        Value bitIndex = arith::SelectOp::create(nested, bodyLoc, inRange,
                                                 normalized, rankValue);
        Value bit = arith::ShLIOp::create(nested, bodyLoc, one, bitIndex);
        Value mask = arith::OrIOp::create(nested, bodyLoc, acc[0], bit);
        scf::YieldOp::create(nested, bodyLoc, mask);
      });
  return arith::IndexCastOp::create(b, loc, b.getIndexType(),
                                    loop.getResult(0));
}

/// The default of the switch: a tensor of `type` with unspecified contents
/// (dynamic dims of size 0), reached only by invalid axes.
Value buildUnspecifiedResult(OpBuilder &b, Location loc,
                             RankedTensorType type) {
  SmallVector<Value> sizes;
  if (type.getNumDynamicDims() > 0)
    sizes.assign(type.getNumDynamicDims(),
                 arith::ConstantIndexOp::create(b, loc, 0));
  return tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType(),
                                 sizes);
}

} // namespace

FailureOr<Value> attnc::lowering::buildRuntimeAxesReduction(
    RewriterBase &rewriter, Operation *op, Value axes,
    RankedTensorType dataType, RankedTensorType resultType, bool keepdims,
    bool noopWithEmptyAxes, StaticReductionFn reduce) {
  auto axesType = dyn_cast<RankedTensorType>(axes.getType());
  if (!axesType || axesType.getRank() != 1 ||
      !axesType.getElementType().isInteger(64))
    return rewriter.notifyMatchFailure(op, "expects 1-D i64 axes");
  int64_t rank = dataType.getRank();
  int64_t size = axesType.getDimSize(0);
  if (!ShapedType::isDynamic(size) && size > rank)
    return rewriter.notifyMatchFailure(op, "expects at most one axis per dim");
  // The mask needs a spare bit above the dims and keeps its sign bit clear.
  bool tooMany = rank >= 62;
  if (!tooMany)
    tooMany = (ShapedType::isDynamic(size)
                   ? int64_t(1) << rank
                   : countSubsets(rank, size, kMaxCandidates)) > kMaxCandidates;
  if (tooMany)
    return rewriter.notifyMatchFailure(
        op, "axes given at run time could name too many sets of dims to "
            "build a reduction for each");

  SmallVector<Candidate> candidates;
  for (uint64_t mask : enumerateSubsets(rank, size)) {
    SmallVector<bool> reduced(rank, mask == 0 && !noopWithEmptyAxes);
    for (int64_t dim = 0; dim < rank; ++dim)
      if (mask & (uint64_t(1) << dim))
        reduced[dim] = true;
    SmallVector<int64_t> shape =
        getReducedShape(dataType.getShape(), reduced, keepdims);
    if (shape.size() == static_cast<size_t>(resultType.getRank()) &&
        succeeded(verifyCompatibleShape(shape, resultType.getShape())))
      candidates.push_back({mask, std::move(reduced)});
  }
  if (candidates.empty())
    return rewriter.notifyMatchFailure(
        op, "no set of dims that the run-time axes can name gives the "
            "result type");

  Location loc = op->getLoc();
  if (candidates.size() == 1)
    return reduce(rewriter, loc, candidates.front().reduced);

  Value selector = buildAxesMask(rewriter, loc, axes, rank);
  SmallVector<int64_t> cases = llvm::map_to_vector(
      candidates, [](const Candidate &c) { return int64_t(c.mask); });
  auto dispatch = scf::IndexSwitchOp::create(
      rewriter, loc, TypeRange{resultType}, selector, cases, cases.size());
  OpBuilder::InsertionGuard guard(rewriter);
  for (auto [region, candidate] :
       llvm::zip_equal(dispatch.getCaseRegions(), candidates)) {
    rewriter.createBlock(&region);
    scf::YieldOp::create(rewriter, loc,
                         reduce(rewriter, loc, candidate.reduced));
  }
  rewriter.createBlock(&dispatch.getDefaultRegion());
  scf::YieldOp::create(rewriter, loc,
                       buildUnspecifiedResult(rewriter, loc, resultType));
  return dispatch.getResult(0);
}
