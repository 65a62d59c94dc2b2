//===- Indexing.cpp - Lowering of the data-dependent indexing onnx ops ----===//
//
// TopK as scf loops, GatherElements and ScatterElements as linalg.generic
// ops:
//
// - TopK selects into a sorted K-buffer per slice (scf loops over tensors
//   that one-shot bufferization updates in place): one scan of the axis,
//   O(dim * K) per slice at worst instead of ranking's O(dim^2).
// - GatherElements reads `data` with tensor.extract at the computed index.
// - ScatterElements is written as a gather over the scattered-to positions:
//   output[p] folds, in row-major order over the indices axis, every update
//   whose index equals p's coordinate on the axis. This keeps the lowering in
//   value-semantics linalg (no in-place writes) at a cost of
//   O(size(data) * indices.shape[axis]).
//
//===----------------------------------------------------------------------===//

#include "attnc/Conversion/ONNXToLinalg/ONNXToLinalg.h"

#include "LoweringUtils.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::lowering;

namespace {

RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

int64_t normalizedAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

/// The identity map over `rank` of `numLoops` loops, with the result at
/// `axis` replaced by loop `axisLoop`.
AffineMap axisReplacedMap(MLIRContext *ctx, int64_t numLoops, int64_t rank,
                          int64_t axis, int64_t axisLoop) {
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d)
    exprs.push_back(getAffineDimExpr(d == axis ? axisLoop : d, ctx));
  return AffineMap::get(numLoops, 0, exprs, ctx);
}

SmallVector<utils::IteratorType> parallelThenReduction(int64_t parallel) {
  SmallVector<utils::IteratorType> iterators(parallel,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  return iterators;
}

/// An integer index scalar as `index`, with a negative value counted from
/// the end of an axis of size `dim` (ONNX's convention).
Value normalizeIndex(OpBuilder &b, Location loc, Value index, Value dim) {
  index = arith::IndexCastOp::create(b, loc, b.getIndexType(), index);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, index, zero);
  return arith::SelectOp::create(
      b, loc, negative, arith::AddIOp::create(b, loc, index, dim), index);
}

//===----------------------------------------------------------------------===//
// TopK
//===----------------------------------------------------------------------===//

/// Whether `x` comes strictly before `y` in TopK's output order by value
/// alone (ties are settled by position, see insertIntoSlice). Floats: NaN
/// above every number and NaNs equal to each other, so the order is total.
Value isBetter(OpBuilder &b, Location loc, Value x, Value y, bool largest) {
  Type type = x.getType();
  if (isa<FloatType>(type)) {
    using P = arith::CmpFPredicate;
    Value xNaN = arith::CmpFOp::create(b, loc, P::UNO, x, x);
    Value yNaN = arith::CmpFOp::create(b, loc, P::UNO, y, y);
    // Ordered compares are false as soon as one side is NaN.
    Value numbers =
        arith::CmpFOp::create(b, loc, largest ? P::OGT : P::OLT, x, y);
    // NaN beats numbers when largest, loses to them otherwise.
    Value nanWins = largest ? xNaN : yNaN;
    Value nanLoses = largest ? yNaN : xNaN;
    Value true1 = arith::ConstantIntOp::create(b, loc, 1, 1);
    Value nanOrder = arith::AndIOp::create(
        b, loc, nanWins, arith::XOrIOp::create(b, loc, nanLoses, true1));
    return arith::OrIOp::create(b, loc, numbers, nanOrder);
  }
  return arith::CmpIOp::create(
      b, loc, largest ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::slt,
      x, y);
}

/// One slice's sorted K-buffer inside the values and indices tensors: slot
/// j lives at the slice's coordinates with `axis` replaced by j.
struct SliceBuffer {
  SmallVector<Value> coords;
  int64_t axis;

  SmallVector<Value> at(Value slot) const {
    SmallVector<Value> result = coords;
    result[axis] = slot;
    return result;
  }
};

/// Inserts element `x` at position `position` into the buffer, whose first
/// `count` slots are filled and sorted, given that it belongs in it (fewer
/// than K filled, or x better than slot K-1). Every slot x is strictly better
/// than moves one down; x lands below the others, so among equal values the
/// earlier (lower) position stays first. Returns (values, indices).
std::pair<Value, Value> insertIntoSlice(OpBuilder &b, Location loc,
                                        const SliceBuffer &slice, Value x,
                                        Value position, Value values,
                                        Value indices, Value count,
                                        Value lastSlot, bool largest) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value start = arith::MinSIOp::create(b, loc, count, lastSlot);
  auto shift = scf::WhileOp::create(
      b, loc, TypeRange{b.getIndexType(), values.getType(), indices.getType()},
      ValueRange{start, values, indices},
      [&](OpBuilder &bb, Location nl, ValueRange args) {
        Value j = args[0];
        Value positive =
            arith::CmpIOp::create(bb, nl, arith::CmpIPredicate::sgt, j, zero);
        // Reads slot max(j-1, 0) so that j = 0 stays in bounds.
        Value above = arith::SelectOp::create(
            bb, nl, positive, arith::SubIOp::create(bb, nl, j, one), zero);
        Value rival =
            tensor::ExtractOp::create(bb, nl, args[1], slice.at(above));
        Value moves = arith::AndIOp::create(
            bb, nl, positive, isBetter(bb, nl, x, rival, largest));
        scf::ConditionOp::create(bb, nl, moves, args);
      },
      [&](OpBuilder &bb, Location nl, ValueRange args) {
        Value j = args[0];
        Value above = arith::SubIOp::create(bb, nl, j, one);
        Value movedValue =
            tensor::ExtractOp::create(bb, nl, args[1], slice.at(above));
        Value movedIndex =
            tensor::ExtractOp::create(bb, nl, args[2], slice.at(above));
        scf::YieldOp::create(
            bb, nl,
            ValueRange{above,
                       tensor::InsertOp::create(bb, nl, movedValue, args[1],
                                                slice.at(j)),
                       tensor::InsertOp::create(bb, nl, movedIndex, args[2],
                                                slice.at(j))});
      });
  Value slot = shift.getResult(0);
  Value index = arith::IndexCastOp::create(b, loc, b.getI64Type(), position);
  return {
      tensor::InsertOp::create(b, loc, x, shift.getResult(1), slice.at(slot)),
      tensor::InsertOp::create(b, loc, index, shift.getResult(2),
                               slice.at(slot))};
}

/// TopK by selection into a sorted K-buffer per slice, in one scan of the
/// axis: an element enters while fewer than K are kept or when it beats the
/// K-th (O(1) for most elements), and an insertion shifts at most K slots.
/// Elements arrive in position order and only pass strictly worse ones, which
/// gives ONNX's order: by value, lower index first among equals. Cost per
/// slice O(dim * K) at worst, O(dim + K^2 log(dim/K)) for random order.
struct TopKLowering : OpConversionPattern<onnx::TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> kValues =
        onnx::getConstantIntValues(op.getK());
    if (!kValues || kValues->size() != 1)
      return rewriter.notifyMatchFailure(op, "expects a constant K");
    int64_t k = kValues->front();
    Value input = adaptor.getX();
    RankedTensorType inputType = getTensorType(input);
    Type elementType = inputType.getElementType();
    if (!isa<FloatType, IntegerType>(elementType))
      return rewriter.notifyMatchFailure(op, "expects float or integer X");
    Location loc = op.getLoc();
    int64_t rank = inputType.getRank();
    int64_t axis = normalizedAxis(op.getAxis(), rank);
    bool largest = op.getLargest() != 0;
    Type i64 = rewriter.getI64Type();

    SmallVector<OpFoldResult> inputSizes =
        tensor::getMixedSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> outputSizes = inputSizes;
    outputSizes[axis] = rewriter.getIndexAttr(k);
    // The value buffer starts zeroed so that no read sees an undefined
    // element; `count` decides which slots hold data.
    Value values = linalg::FillOp::create(
                       rewriter, loc,
                       ValueRange{arith::ConstantOp::create(
                           rewriter, loc, rewriter.getZeroAttr(elementType))},
                       ValueRange{tensor::EmptyOp::create(
                           rewriter, loc, outputSizes, elementType)})
                       .getResult(0);
    Value indices =
        tensor::EmptyOp::create(rewriter, loc, outputSizes, i64).getResult();
    if (k == 0) {
      rewriter.replaceOp(
          op, {castToType(rewriter, loc, values, op.getValues().getType()),
               castToType(rewriter, loc, indices, op.getIndices().getType())});
      return success();
    }

    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    Value kValue = arith::ConstantIndexOp::create(rewriter, loc, k);
    Value lastSlot = arith::ConstantIndexOp::create(rewriter, loc, k - 1);
    // One loop per dim off the axis, then the scan along it.
    SmallVector<Value> lower, upper, steps;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == axis)
        continue;
      lower.push_back(zero);
      upper.push_back(
          getValueOrCreateConstantIndexOp(rewriter, loc, inputSizes[d]));
      steps.push_back(one);
    }
    Value axisSize =
        getValueOrCreateConstantIndexOp(rewriter, loc, inputSizes[axis]);
    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, lower, upper, steps, ValueRange{values, indices},
        [&](OpBuilder &b, Location nl, ValueRange ivs,
            ValueRange buffers) -> scf::ValueVector {
          SliceBuffer slice{{}, axis};
          for (int64_t d = 0, n = 0; d < rank; ++d)
            slice.coords.push_back(d == axis ? zero : ivs[n++]);
          auto scan = scf::ForOp::create(
              b, nl, zero, axisSize, one,
              ValueRange{buffers[0], buffers[1], zero},
              [&](OpBuilder &fb, Location fl, Value position, ValueRange args) {
                Value x = tensor::ExtractOp::create(fb, fl, input,
                                                    slice.at(position));
                Value last = tensor::ExtractOp::create(fb, fl, args[0],
                                                       slice.at(lastSlot));
                Value notFull = arith::CmpIOp::create(
                    fb, fl, arith::CmpIPredicate::slt, args[2], kValue);
                Value enters = arith::OrIOp::create(
                    fb, fl, notFull, isBetter(fb, fl, x, last, largest));
                auto update = scf::IfOp::create(
                    fb, fl, enters,
                    [&](OpBuilder &ib, Location il) {
                      auto [newValues, newIndices] =
                          insertIntoSlice(ib, il, slice, x, position, args[0],
                                          args[1], args[2], lastSlot, largest);
                      Value newCount = arith::MinSIOp::create(
                          ib, il, arith::AddIOp::create(ib, il, args[2], one),
                          kValue);
                      scf::YieldOp::create(
                          ib, il, ValueRange{newValues, newIndices, newCount});
                    },
                    [&](OpBuilder &ib, Location il) {
                      scf::YieldOp::create(ib, il, args);
                    });
                scf::YieldOp::create(fb, fl, update.getResults());
              });
          return {scan.getResult(0), scan.getResult(1)};
        });
    rewriter.replaceOp(op, {castToType(rewriter, loc, nest.results[0],
                                       op.getValues().getType()),
                            castToType(rewriter, loc, nest.results[1],
                                       op.getIndices().getType())});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// GatherElements
//===----------------------------------------------------------------------===//

struct GatherElementsLowering : OpConversionPattern<onnx::GatherElementsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    RankedTensorType dataType = getTensorType(data);
    int64_t rank = dataType.getRank();
    int64_t axis = normalizedAxis(op.getAxis(), rank);
    Value dim = getValueOrCreateConstantIndexOp(
        rewriter, loc, tensor::getMixedSize(rewriter, loc, data, axis));
    Value init = tensor::EmptyOp::create(
        rewriter, loc, tensor::getMixedSizes(rewriter, loc, indices),
        dataType.getElementType());
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    Value result =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{init.getType()}, ValueRange{indices},
            ValueRange{init}, ArrayRef<AffineMap>{identity, identity},
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::parallel),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              // ONNX leaves out-of-range indices undefined; clamping keeps
              // the read inside the buffer.
              Value index = normalizeIndex(b, nl, args[0], dim);
              Value last = arith::SubIOp::create(
                  b, nl, dim, arith::ConstantIndexOp::create(b, nl, 1));
              index = arith::MinSIOp::create(
                  b, nl,
                  arith::MaxSIOp::create(
                      b, nl, index, arith::ConstantIndexOp::create(b, nl, 0)),
                  last);
              SmallVector<Value> coords;
              for (int64_t d = 0; d < rank; ++d)
                coords.push_back(d == axis ? index
                                           : linalg::IndexOp::create(b, nl, d));
              linalg::YieldOp::create(
                  b, nl,
                  ValueRange{tensor::ExtractOp::create(b, nl, data, coords)});
            })
            .getResult(0);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// ScatterElements
//===----------------------------------------------------------------------===//

/// `acc (reduction)= update`; "none" assigns.
Value combine(OpBuilder &b, Location loc, StringRef reduction, Value acc,
              Value update) {
  bool isFloat = isa<FloatType>(acc.getType());
  if (reduction == "add")
    return isFloat ? arith::AddFOp::create(b, loc, acc, update).getResult()
                   : arith::AddIOp::create(b, loc, acc, update).getResult();
  if (reduction == "mul")
    return isFloat ? arith::MulFOp::create(b, loc, acc, update).getResult()
                   : arith::MulIOp::create(b, loc, acc, update).getResult();
  if (reduction == "max")
    return isFloat ? arith::MaximumFOp::create(b, loc, acc, update).getResult()
                   : arith::MaxSIOp::create(b, loc, acc, update).getResult();
  if (reduction == "min")
    return isFloat ? arith::MinimumFOp::create(b, loc, acc, update).getResult()
                   : arith::MinSIOp::create(b, loc, acc, update).getResult();
  return update;
}

struct ScatterElementsLowering : OpConversionPattern<onnx::ScatterElementsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::ScatterElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices(),
          updates = adaptor.getUpdates();
    RankedTensorType dataType = getTensorType(data);
    RankedTensorType indicesType = getTensorType(indices);
    int64_t rank = dataType.getRank();
    int64_t axis = normalizedAxis(op.getAxis(), rank);
    Type elementType = dataType.getElementType();
    if (!isa<FloatType, IntegerType>(elementType))
      return rewriter.notifyMatchFailure(op, "expects float or integer data");
    // The gather formulation reads indices at data's coordinates off the
    // axis, so those dims must agree (ONNX allows indices to be smaller).
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && (dataType.isDynamicDim(d) ||
                        dataType.getDimSize(d) != indicesType.getDimSize(d)))
        return rewriter.notifyMatchFailure(
            op, "expects indices of data's static dims off the axis");
    Value dim = getValueOrCreateConstantIndexOp(
        rewriter, loc, tensor::getMixedSize(rewriter, loc, data, axis));

    // Loops (data dims..., n), n over indices' axis, reduced in order.
    MLIRContext *ctx = op.getContext();
    AffineMap identity = axisReplacedMap(ctx, rank + 1, rank, -1, -1);
    AffineMap sourceMap = axisReplacedMap(ctx, rank + 1, rank, axis, rank);
    StringRef reduction = op.getReduction();
    Value result =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{dataType}, ValueRange{indices, updates},
            ValueRange{data},
            ArrayRef<AffineMap>{sourceMap, sourceMap, identity},
            parallelThenReduction(rank),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value target = normalizeIndex(b, nl, args[0], dim);
              Value hit =
                  arith::CmpIOp::create(b, nl, arith::CmpIPredicate::eq, target,
                                        linalg::IndexOp::create(b, nl, axis));
              Value combined = combine(b, nl, reduction, args[2], args[1]);
              linalg::YieldOp::create(b, nl,
                                      ValueRange{arith::SelectOp::create(
                                          b, nl, hit, combined, args[2])});
            })
            .getResult(0);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

} // namespace

void attnc::populateONNXIndexingToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<TopKLowering, GatherElementsLowering, ScatterElementsLowering>(
      patterns.getContext());
}
