//===- Indexing.cpp - Lowering of the data-dependent indexing onnx ops ----===//
//
// TopK, GatherElements and ScatterElements as linalg.generic ops:
//
// - TopK ranks without sorting, in two generics per op:
//     rank[i]   = #{u along the axis : x[u] comes before x[i]}
//     out[.., n, ..] = the element (and its position) of rank n
//   "comes before" is a strict total order (value first, then lowest index;
//   NaN above every number), so the ranks of a slice are a permutation of
//   [0, dim) and every output slot n < K receives exactly one element.
//   Cost O(dim^2) per slice: a reference lowering, not a selection kernel.
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
  return arith::SelectOp::create(b, loc, negative,
                                 arith::AddIOp::create(b, loc, index, dim),
                                 index);
}

//===----------------------------------------------------------------------===//
// TopK
//===----------------------------------------------------------------------===//

/// Whether `rival` strictly precedes `self` in TopK's output order, given
/// whether the rival's position is lower. Floats: NaN above every number and
/// NaNs equal to each other, so the order is total.
Value precedes(OpBuilder &b, Location loc, Value rival, Value self,
               Value rivalFirst, bool largest) {
  Type type = self.getType();
  if (isa<FloatType>(type)) {
    using P = arith::CmpFPredicate;
    Value rivalNaN = arith::CmpFOp::create(b, loc, P::UNO, rival, rival);
    Value selfNaN = arith::CmpFOp::create(b, loc, P::UNO, self, self);
    Value better = arith::CmpFOp::create(b, loc, largest ? P::OGT : P::OLT,
                                         rival, self);
    // NaN beats numbers when largest, loses to them otherwise.
    Value nanOrder = largest
                         ? arith::AndIOp::create(
                               b, loc, rivalNaN,
                               arith::XOrIOp::create(
                                   b, loc, selfNaN,
                                   arith::ConstantIntOp::create(b, loc, 1, 1)))
                         : arith::AndIOp::create(
                               b, loc, selfNaN,
                               arith::XOrIOp::create(
                                   b, loc, rivalNaN,
                                   arith::ConstantIntOp::create(b, loc, 1, 1)));
    Value equal = arith::OrIOp::create(
        b, loc, arith::CmpFOp::create(b, loc, P::OEQ, rival, self),
        arith::AndIOp::create(b, loc, rivalNaN, selfNaN));
    return arith::OrIOp::create(
        b, loc, arith::OrIOp::create(b, loc, better, nanOrder),
        arith::AndIOp::create(b, loc, equal, rivalFirst));
  }
  using P = arith::CmpIPredicate;
  Value better =
      arith::CmpIOp::create(b, loc, largest ? P::sgt : P::slt, rival, self);
  Value equal = arith::CmpIOp::create(b, loc, P::eq, rival, self);
  return arith::OrIOp::create(b, loc, better,
                              arith::AndIOp::create(b, loc, equal, rivalFirst));
}

struct TopKLowering : OpConversionPattern<onnx::TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> kValues =
        onnx::getConstantIntValues(op.getK());
    if (!kValues || kValues->size() != 1)
      return rewriter.notifyMatchFailure(op, "expects a constant K");
    Value input = adaptor.getX();
    RankedTensorType inputType = getTensorType(input);
    Type elementType = inputType.getElementType();
    if (!isa<FloatType, IntegerType>(elementType))
      return rewriter.notifyMatchFailure(op, "expects float or integer X");
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    int64_t rank = inputType.getRank();
    int64_t axis = normalizedAxis(op.getAxis(), rank);
    bool largest = op.getLargest() != 0;
    Type i64 = rewriter.getI64Type();

    SmallVector<OpFoldResult> inputSizes =
        tensor::getMixedSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> outputSizes = inputSizes;
    outputSizes[axis] = rewriter.getIndexAttr(kValues->front());

    // rank: loops (input dims..., u), u reduced.
    AffineMap identity = axisReplacedMap(ctx, rank + 1, rank, -1, -1);
    AffineMap rivalMap = axisReplacedMap(ctx, rank + 1, rank, axis, rank);
    Value zero = arith::ConstantIntOp::create(rewriter, loc, i64, 0);
    Value rankInit = linalg::FillOp::create(
                         rewriter, loc, zero,
                         tensor::EmptyOp::create(rewriter, loc, inputSizes, i64)
                             .getResult())
                         .getResult(0);
    Value ranks =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{rankInit.getType()},
            ValueRange{input, input}, ValueRange{rankInit},
            ArrayRef<AffineMap>{identity, rivalMap, identity},
            parallelThenReduction(rank),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value self = linalg::IndexOp::create(b, nl, axis);
              Value rival = linalg::IndexOp::create(b, nl, rank);
              Value rivalFirst = arith::CmpIOp::create(
                  b, nl, arith::CmpIPredicate::ult, rival, self);
              Value ahead =
                  precedes(b, nl, args[1], args[0], rivalFirst, largest);
              Value one = arith::ExtUIOp::create(b, nl, i64, ahead);
              linalg::YieldOp::create(
                  b, nl, ValueRange{arith::AddIOp::create(b, nl, args[2], one)});
            })
            .getResult(0);

    // Selection: loops (output dims..., t), t reduced; loop `axis` is the
    // output slot n, and exactly one t along the slice has rank n.
    Value valuesInit =
        tensor::EmptyOp::create(rewriter, loc, outputSizes, elementType);
    Value indicesInit = tensor::EmptyOp::create(rewriter, loc, outputSizes, i64);
    auto selection = linalg::GenericOp::create(
        rewriter, loc, TypeRange{valuesInit.getType(), indicesInit.getType()},
        ValueRange{input, ranks}, ValueRange{valuesInit, indicesInit},
        ArrayRef<AffineMap>{rivalMap, rivalMap, identity, identity},
        parallelThenReduction(rank),
        [&](OpBuilder &b, Location nl, ValueRange args) {
          Value slot = arith::IndexCastOp::create(
              b, nl, i64, linalg::IndexOp::create(b, nl, axis));
          Value position = arith::IndexCastOp::create(
              b, nl, i64, linalg::IndexOp::create(b, nl, rank));
          Value hit = arith::CmpIOp::create(b, nl, arith::CmpIPredicate::eq,
                                            args[1], slot);
          linalg::YieldOp::create(
              b, nl,
              ValueRange{
                  arith::SelectOp::create(b, nl, hit, args[0], args[2]),
                  arith::SelectOp::create(b, nl, hit, position, args[3])});
        });
    rewriter.replaceOp(
        op, {castToType(rewriter, loc, selection.getResult(0),
                        op.getValues().getType()),
             castToType(rewriter, loc, selection.getResult(1),
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
                coords.push_back(d == axis
                                     ? index
                                     : linalg::IndexOp::create(b, nl, d));
              linalg::YieldOp::create(
                  b, nl, ValueRange{tensor::ExtractOp::create(b, nl, data,
                                                              coords)});
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
            ValueRange{data}, ArrayRef<AffineMap>{sourceMap, sourceMap, identity},
            parallelThenReduction(rank),
            [&](OpBuilder &b, Location nl, ValueRange args) {
              Value target = normalizeIndex(b, nl, args[0], dim);
              Value hit = arith::CmpIOp::create(
                  b, nl, arith::CmpIPredicate::eq, target,
                  linalg::IndexOp::create(b, nl, axis));
              Value combined = combine(b, nl, reduction, args[2], args[1]);
              linalg::YieldOp::create(
                  b, nl,
                  ValueRange{
                      arith::SelectOp::create(b, nl, hit, combined, args[2])});
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
