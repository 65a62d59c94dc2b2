//===- ControlFlow.cpp - Lowering of onnx.Loop and onnx.Scan --------------===//
//
// Both become scf loops over tensors. Loop-carried values and Scan states are
// iter_args (a new value is copied into its iter_arg: one-shot bufferization
// wants a loop's yielded tensors to reuse the iter_args' buffers); each scan
// output is accumulated into a tensor.empty of the whole result with
// tensor.insert_slice; Scan reads its scan inputs with tensor.extract_slice. A
// Loop whose condition cannot change becomes scf.for over `M` iterations (none
// when the initial condition is false); one whose body computes its condition
// becomes scf.while.
//
// The body is moved into the new loop, not cloned: the conversion driver has
// already listed the body's ops, so it goes on to lower them where they now
// are. onnx.Yield, erased here, becomes scf.yield.
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

bool isNone(Value value) { return isa<NoneType>(value.getType()); }

RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

Value indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

/// The only element of a one-element tensor (ONNX's scalars: M, cond).
Value extractScalar(OpBuilder &b, Location loc, Value tensor) {
  int64_t rank = getTensorType(tensor).getRank();
  SmallVector<Value> zeros(rank, rank ? indexConstant(b, loc, 0) : Value());
  return tensor::ExtractOp::create(b, loc, tensor, zeros);
}

/// A rank-0 tensor holding `scalar`.
Value makeScalarTensor(OpBuilder &b, Location loc, Value scalar) {
  return tensor::FromElementsOp::create(
      b, loc, RankedTensorType::get({}, scalar.getType()), scalar);
}

/// The size of dim `dim` of `tensor`: static, or its tensor.dim.
OpFoldResult getSize(OpBuilder &b, Location loc, Value tensor, int64_t dim) {
  int64_t size = getTensorType(tensor).getDimSize(dim);
  if (ShapedType::isDynamic(size))
    return tensor::DimOp::create(b, loc, tensor, dim).getResult();
  return b.getIndexAttr(size);
}

/// Where a scan output's slices go: a tensor.empty with a dim of `length`
/// inserted at `axis` into the (static) slice shape.
Value createAccumulator(OpBuilder &b, Location loc, RankedTensorType sliceType,
                        int64_t axis, OpFoldResult length) {
  SmallVector<OpFoldResult> sizes;
  for (int64_t size : sliceType.getShape())
    sizes.push_back(b.getIndexAttr(size));
  sizes.insert(sizes.begin() + axis, length);
  return tensor::EmptyOp::create(b, loc, sizes, sliceType.getElementType());
}

/// The offsets, sizes and strides of the slice at `position` along `axis` of
/// `whole`: everything else whole, one element along `axis`.
struct SliceBounds {
  SmallVector<OpFoldResult> offsets, sizes, strides;
};

SliceBounds sliceAlong(OpBuilder &b, Location loc, Value whole, int64_t axis,
                       Value position) {
  int64_t rank = getTensorType(whole).getRank();
  SliceBounds bounds{SmallVector<OpFoldResult>(rank, b.getIndexAttr(0)),
                     {},
                     SmallVector<OpFoldResult>(rank, b.getIndexAttr(1))};
  bounds.offsets[axis] = position;
  for (int64_t dim = 0; dim < rank; ++dim)
    bounds.sizes.push_back(dim == axis ? b.getIndexAttr(1)
                                       : getSize(b, loc, whole, dim));
  return bounds;
}

/// The slice of `input` at `position` along `axis`, without that dim.
Value extractSliceAlong(OpBuilder &b, Location loc, Value input, int64_t axis,
                        Value position) {
  SliceBounds bounds = sliceAlong(b, loc, input, axis, position);
  SmallVector<int64_t> shape(getTensorType(input).getShape());
  shape.erase(shape.begin() + axis);
  auto sliceType =
      RankedTensorType::get(shape, getTensorType(input).getElementType());
  return tensor::ExtractSliceOp::create(
      b, loc, sliceType, input, bounds.offsets, bounds.sizes, bounds.strides);
}

/// `into` with `slice` (of one rank less) written at `position` along `axis`.
Value insertSliceAlong(OpBuilder &b, Location loc, Value slice, Value into,
                       int64_t axis, Value position) {
  SliceBounds bounds = sliceAlong(b, loc, into, axis, position);
  return tensor::InsertSliceOp::create(b, loc, slice, into, bounds.offsets,
                                       bounds.sizes, bounds.strides);
}

/// Scan outputs are preallocated, so each slice's shape must be known before
/// the loop runs.
LogicalResult checkStaticSlices(ConversionPatternRewriter &rewriter,
                                Operation *op, ValueRange slices) {
  for (Value slice : slices)
    if (!getTensorType(slice).hasStaticShape())
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "a scan output has a dynamic slice type " << slice.getType();
      });
  return success();
}

/// Loop-carried values whose shape changes between iterations (the body's
/// argument type is less static than the initial value's) are refused: the
/// initial value would enter the loop through a tensor.cast, which scf.for's
/// canonicalization folds into the loop as if the shape never changed.
LogicalResult checkShapeStableCarried(ConversionPatternRewriter &rewriter,
                                      Operation *op, ValueRange initial,
                                      TypeRange carriedTypes) {
  for (auto [value, type] : llvm::zip_equal(initial, carriedTypes)) {
    Type from = value.getType(), to = type;
    for (auto [a, b] : llvm::zip_equal(cast<RankedTensorType>(from).getShape(),
                                       cast<RankedTensorType>(to).getShape()))
      if (!ShapedType::isDynamic(a) && ShapedType::isDynamic(b))
        return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
          diag << "a loop-carried value changes shape between iterations ("
               << from << " enters as " << to << ")";
        });
  }
  return success();
}

/// Moves `body` to `before` in `dest`, its arguments replaced by
/// `arguments`, and returns its onnx.Yield (still in place, for the caller to
/// replace).
onnx::YieldOp inlineBody(ConversionPatternRewriter &rewriter, Block &body,
                         Block *dest, Block::iterator before,
                         ValueRange arguments) {
  auto yield = cast<onnx::YieldOp>(body.getTerminator());
  rewriter.inlineBlockBefore(&body, dest, before, arguments);
  return yield;
}

/// The value an iteration yields for the iter_arg `iterArg`. One-shot
/// bufferization requires a yielded tensor to be equivalent to its iter_arg,
/// so a new value of the same static type is copied into the iter_arg (whose
/// last read has happened by then); values of other types are cast, and need
/// the bufferization to allow allocations returned from loops.
Value yieldInto(OpBuilder &b, Location loc, Value value, Value iterArg) {
  auto type = getTensorType(iterArg);
  if (value == iterArg || value.getType() != type || !type.hasStaticShape())
    return castToType(b, loc, value, type);
  return linalg::CopyOp::create(b, loc, value, iterArg).getResult(0);
}

SmallVector<Value> yieldAllInto(OpBuilder &b, Location loc, ValueRange values,
                                ValueRange iterArgs) {
  SmallVector<Value> yielded;
  for (auto [value, iterArg] : llvm::zip_equal(values, iterArgs))
    yielded.push_back(yieldInto(b, loc, value, iterArg));
  return yielded;
}

/// Where a new scf.for's body goes: before the scf.yield that scf.for comes
/// with when it has no iter_args, else at the end (the caller adds the
/// scf.yield).
Block::iterator bodyInsertionPoint(scf::ForOp forOp) {
  Block *block = forOp.getBody();
  return forOp.getInitArgs().empty() ? block->getTerminator()->getIterator()
                                     : block->end();
}

/// `values` cast one by one to `types` (which may be more or less static).
SmallVector<Value> castAll(OpBuilder &b, Location loc, ValueRange values,
                           TypeRange types) {
  SmallVector<Value> cast;
  for (auto [value, type] : llvm::zip_equal(values, types))
    cast.push_back(castToType(b, loc, value, type));
  return cast;
}

//===----------------------------------------------------------------------===//
// Loop
//===----------------------------------------------------------------------===//

struct LoopOpLowering : OpConversionPattern<onnx::LoopOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::LoopOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    size_t numCarried = adaptor.getVInitial().size();
    ValueRange slices = op.getYield().getOperands().drop_front(1 + numCarried);
    if (failed(checkStaticSlices(rewriter, op, slices)) ||
        failed(checkShapeStableCarried(
            rewriter, op, adaptor.getVInitial(),
            TypeRange(op.getBody().getArgumentTypes()).drop_front(2))))
      return failure();
    bool hasTripCount = !isNone(adaptor.getM());
    bool invariantCondition = op.hasLoopInvariantCondition();
    if (!hasTripCount && invariantCondition)
      return rewriter.notifyMatchFailure(
          op, "without M and with a condition the body never changes, the "
              "loop does not end");
    if (!hasTripCount && !slices.empty())
      return rewriter.notifyMatchFailure(
          op, "scan outputs need M to bound their size");

    // M (a negative M runs no iteration), static when it is a constant; the
    // initial condition, null when absent (true).
    OpFoldResult tripCount;
    std::optional<SmallVector<int64_t>> constantCount;
    if (hasTripCount)
      constantCount = onnx::getConstantIntValues(adaptor.getM());
    if (constantCount && constantCount->size() == 1) {
      tripCount =
          rewriter.getIndexAttr(std::max<int64_t>((*constantCount)[0], 0));
    } else if (hasTripCount) {
      Value count = arith::IndexCastOp::create(
          rewriter, loc, rewriter.getIndexType(),
          extractScalar(rewriter, loc, adaptor.getM()));
      tripCount = arith::MaxSIOp::create(rewriter, loc, count,
                                         indexConstant(rewriter, loc, 0))
                      .getResult();
    }
    Value condition = isNone(adaptor.getCond())
                          ? Value()
                          : extractScalar(rewriter, loc, adaptor.getCond());

    SmallVector<Value> results =
        invariantCondition
            ? lowerToFor(op, adaptor, tripCount, condition, slices, rewriter)
            : lowerToWhile(op, adaptor, tripCount, condition, slices, rewriter);
    rewriter.replaceOp(op,
                       castAll(rewriter, loc, results, op.getResultTypes()));
    return success();
  }

private:
  /// The initial loop-carried values, as the body's arguments type them.
  static SmallVector<Value> carriedInits(onnx::LoopOp op, OpAdaptor adaptor,
                                         OpBuilder &b) {
    return castAll(b, op.getLoc(), adaptor.getVInitial(),
                   TypeRange(op.getBody().getArgumentTypes()).drop_front(2));
  }

  /// for i in [0, cond ? M : 0): the condition is true in every iteration
  /// that runs.
  static SmallVector<Value> lowerToFor(onnx::LoopOp op, OpAdaptor adaptor,
                                       OpFoldResult tripCount, Value condition,
                                       ValueRange slices,
                                       ConversionPatternRewriter &rewriter) {
    Location loc = op.getLoc();
    Value zero = indexConstant(rewriter, loc, 0);
    OpFoldResult upperBound = tripCount;
    if (condition)
      upperBound =
          arith::SelectOp::create(
              rewriter, loc, condition,
              getValueOrCreateConstantIndexOp(rewriter, loc, tripCount), zero)
              .getResult();
    SmallVector<Value> inits = carriedInits(op, adaptor, rewriter);
    for (Value slice : slices)
      inits.push_back(createAccumulator(rewriter, loc, getTensorType(slice),
                                        /*axis=*/0, upperBound));
    auto forOp = scf::ForOp::create(
        rewriter, loc, zero,
        getValueOrCreateConstantIndexOp(rewriter, loc, upperBound),
        indexConstant(rewriter, loc, 1), inits);

    Block *loopBody = forOp.getBody();
    Block::iterator insertAt = bodyInsertionPoint(forOp);
    rewriter.setInsertionPoint(loopBody, insertAt);
    Value iv = forOp.getInductionVar();
    SmallVector<Value> arguments{
        makeScalarTensor(rewriter, loc,
                         arith::IndexCastOp::create(rewriter, loc,
                                                    rewriter.getI64Type(), iv)),
        makeScalarTensor(rewriter, loc,
                         arith::ConstantIntOp::create(
                             rewriter, loc, rewriter.getI1Type(), 1))};
    ValueRange iterArgs = forOp.getRegionIterArgs();
    llvm::append_range(arguments,
                       iterArgs.take_front(inits.size() - slices.size()));
    size_t numCarried = arguments.size() - 2;
    onnx::YieldOp yield = inlineBody(rewriter, op.getBody().front(), loopBody,
                                     insertAt, arguments);

    // Slices first: they may read the iter_args that the carried values
    // then overwrite.
    rewriter.setInsertionPoint(yield);
    SmallVector<Value> filled;
    for (auto [slice, accumulator] :
         llvm::zip_equal(slices, iterArgs.drop_front(numCarried)))
      filled.push_back(
          insertSliceAlong(rewriter, loc, slice, accumulator, /*axis=*/0, iv));
    SmallVector<Value> next =
        yieldAllInto(rewriter, loc, yield.getOperands().slice(1, numCarried),
                     iterArgs.take_front(numCarried));
    llvm::append_range(next, filled);
    if (!inits.empty())
      scf::YieldOp::create(rewriter, loc, next);
    rewriter.eraseOp(yield);
    rewriter.setInsertionPointAfter(forOp);
    return forOp.getResults();
  }

  /// while (cond && i < M): the body computes the next condition. Scan
  /// outputs fill a tensor of M slices, of which the first `i` are the result.
  static SmallVector<Value> lowerToWhile(onnx::LoopOp op, OpAdaptor adaptor,
                                         OpFoldResult tripCount,
                                         Value condition, ValueRange slices,
                                         ConversionPatternRewriter &rewriter) {
    Location loc = op.getLoc();
    if (!condition)
      condition =
          arith::ConstantIntOp::create(rewriter, loc, rewriter.getI1Type(), 1);
    Value bound =
        tripCount ? getValueOrCreateConstantIndexOp(rewriter, loc, tripCount)
                  : Value();
    // Iteration values: the carried values, the scan accumulators, then the
    // iteration number and the condition. Tensors come first so that they
    // keep their positions when canonicalization drops the condition from
    // scf.condition (one-shot bufferization matches them by position).
    SmallVector<Value> inits = carriedInits(op, adaptor, rewriter);
    size_t numCarried = inits.size();
    for (Value slice : slices)
      inits.push_back(createAccumulator(rewriter, loc, getTensorType(slice),
                                        /*axis=*/0, tripCount));
    size_t numTensors = inits.size();
    inits.push_back(indexConstant(rewriter, loc, 0));
    inits.push_back(condition);

    auto whileOp = scf::WhileOp::create(
        rewriter, loc, ValueRange(inits).getTypes(), inits,
        [&](OpBuilder &b, Location loc, ValueRange values) {
          Value proceed = values[numTensors + 1];
          if (bound) {
            Value inRange = arith::CmpIOp::create(
                b, loc, arith::CmpIPredicate::slt, values[numTensors], bound);
            proceed = arith::AndIOp::create(b, loc, proceed, inRange);
          }
          scf::ConditionOp::create(b, loc, proceed, values);
        },
        /*afterBuilder=*/nullptr);

    Block *after = whileOp.getAfterBody();
    ValueRange carried = after->getArguments().take_front(numCarried);
    ValueRange accumulators =
        after->getArguments().slice(numCarried, slices.size());
    Value iv = after->getArgument(numTensors);
    rewriter.setInsertionPointToEnd(after);
    SmallVector<Value> arguments{
        makeScalarTensor(rewriter, loc,
                         arith::IndexCastOp::create(rewriter, loc,
                                                    rewriter.getI64Type(), iv)),
        makeScalarTensor(rewriter, loc, after->getArgument(numTensors + 1))};
    llvm::append_range(arguments, carried);
    onnx::YieldOp yield = inlineBody(rewriter, op.getBody().front(), after,
                                     after->end(), arguments);

    // Slices first: they may read the iter_args that the carried values
    // then overwrite.
    rewriter.setInsertionPoint(yield);
    SmallVector<Value> filled;
    for (auto [slice, accumulator] : llvm::zip_equal(slices, accumulators))
      filled.push_back(
          insertSliceAlong(rewriter, loc, slice, accumulator, /*axis=*/0, iv));
    SmallVector<Value> next = yieldAllInto(
        rewriter, loc, yield.getOperands().slice(1, numCarried), carried);
    llvm::append_range(next, filled);
    next.push_back(arith::AddIOp::create(rewriter, loc, iv,
                                         indexConstant(rewriter, loc, 1)));
    next.push_back(extractScalar(rewriter, loc, yield.getOperand(0)));
    scf::YieldOp::create(rewriter, loc, next);
    rewriter.eraseOp(yield);

    // The iterations that ran are the first slices of each accumulator.
    rewriter.setInsertionPointAfter(whileOp);
    Value iterations = whileOp.getResult(numTensors);
    SmallVector<Value> results(whileOp.getResults().take_front(numCarried));
    for (Value accumulator :
         whileOp.getResults().slice(numCarried, slices.size())) {
      int64_t rank = getTensorType(accumulator).getRank();
      SmallVector<OpFoldResult> sizes{iterations};
      for (int64_t dim = 1; dim < rank; ++dim)
        sizes.push_back(getSize(rewriter, loc, accumulator, dim));
      results.push_back(tensor::ExtractSliceOp::create(
          rewriter, loc, accumulator,
          SmallVector<OpFoldResult>(rank, rewriter.getIndexAttr(0)), sizes,
          SmallVector<OpFoldResult>(rank, rewriter.getIndexAttr(1))));
    }
    return results;
  }
};

//===----------------------------------------------------------------------===//
// Scan
//===----------------------------------------------------------------------===//

/// An optional per-value INTS attribute as `count` values (default 0), with
/// axes normalised against `ranks` when given.
SmallVector<int64_t> readPerValue(std::optional<ArrayRef<int64_t>> values,
                                  size_t count, ArrayRef<int64_t> ranks = {}) {
  SmallVector<int64_t> result =
      values ? SmallVector<int64_t>(*values) : SmallVector<int64_t>(count, 0);
  for (auto [index, value] : llvm::enumerate(ranks))
    if (result[index] < 0)
      result[index] += value;
  return result;
}

struct ScanOpLowering : OpConversionPattern<onnx::ScanOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::ScanOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t numStates = op.getNumStates();
    ValueRange operands = adaptor.getInitialStateAndScanInputs();
    ValueRange scanInputs = operands.drop_front(numStates);
    ValueRange slices = op.getYield().getOperands().drop_front(numStates);
    if (failed(checkStaticSlices(rewriter, op, slices)) ||
        failed(checkShapeStableCarried(
            rewriter, op, operands.take_front(numStates),
            TypeRange(op.getBody().getArgumentTypes()).take_front(numStates))))
      return failure();

    SmallVector<int64_t> inputRanks, outputRanks;
    for (Value input : scanInputs)
      inputRanks.push_back(getTensorType(input).getRank());
    for (Value slice : slices)
      outputRanks.push_back(getTensorType(slice).getRank() + 1);
    SmallVector<int64_t> inputAxes =
        readPerValue(op.getScanInputAxes(), scanInputs.size(), inputRanks);
    SmallVector<int64_t> inputDirections =
        readPerValue(op.getScanInputDirections(), scanInputs.size());
    SmallVector<int64_t> outputAxes =
        readPerValue(op.getScanOutputAxes(), slices.size(), outputRanks);
    SmallVector<int64_t> outputDirections =
        readPerValue(op.getScanOutputDirections(), slices.size());

    // The verifier has checked that static lengths agree.
    OpFoldResult length =
        getSize(rewriter, loc, scanInputs.front(), inputAxes.front());
    SmallVector<Value> inits = castAll(
        rewriter, loc, operands.take_front(numStates),
        TypeRange(op.getBody().getArgumentTypes()).take_front(numStates));
    for (auto [slice, axis] : llvm::zip_equal(slices, outputAxes))
      inits.push_back(
          createAccumulator(rewriter, loc, getTensorType(slice), axis, length));
    Value lengthValue = getValueOrCreateConstantIndexOp(rewriter, loc, length);
    // Reverse directions read and write at length - 1 - iv.
    bool reverses = llvm::is_contained(inputDirections, 1) ||
                    llvm::is_contained(outputDirections, 1);
    Value last = reverses
                     ? arith::SubIOp::create(rewriter, loc, lengthValue,
                                             indexConstant(rewriter, loc, 1))
                           .getResult()
                     : Value();
    auto forOp =
        scf::ForOp::create(rewriter, loc, indexConstant(rewriter, loc, 0),
                           lengthValue, indexConstant(rewriter, loc, 1), inits);

    Block *loopBody = forOp.getBody();
    Block::iterator insertAt = bodyInsertionPoint(forOp);
    rewriter.setInsertionPoint(loopBody, insertAt);
    Value iv = forOp.getInductionVar();
    Value reversed =
        reverses ? arith::SubIOp::create(rewriter, loc, last, iv).getResult()
                 : Value();
    auto position = [&](int64_t direction) {
      return direction == 1 ? reversed : iv;
    };
    ValueRange iterArgs = forOp.getRegionIterArgs();
    SmallVector<Value> arguments(iterArgs.take_front(numStates));
    for (auto [input, axis, direction, type] : llvm::zip_equal(
             scanInputs, inputAxes, inputDirections,
             TypeRange(op.getBody().getArgumentTypes()).drop_front(numStates)))
      arguments.push_back(castToType(
          rewriter, loc,
          extractSliceAlong(rewriter, loc, input, axis, position(direction)),
          type));
    onnx::YieldOp yield = inlineBody(rewriter, op.getBody().front(), loopBody,
                                     insertAt, arguments);

    // Slices first: they may read the iter_args that the states then
    // overwrite.
    rewriter.setInsertionPoint(yield);
    SmallVector<Value> filled;
    for (auto [slice, accumulator, axis, direction] :
         llvm::zip_equal(slices, iterArgs.drop_front(numStates), outputAxes,
                         outputDirections))
      filled.push_back(insertSliceAlong(rewriter, loc, slice, accumulator, axis,
                                        position(direction)));
    SmallVector<Value> next =
        yieldAllInto(rewriter, loc, yield.getOperands().take_front(numStates),
                     iterArgs.take_front(numStates));
    llvm::append_range(next, filled);
    if (!inits.empty())
      scf::YieldOp::create(rewriter, loc, next);
    rewriter.eraseOp(yield);

    rewriter.setInsertionPointAfter(forOp);
    rewriter.replaceOp(
        op, castAll(rewriter, loc, forOp.getResults(), op.getResultTypes()));
    return success();
  }
};

} // namespace

void attnc::populateONNXControlFlowToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LoopOpLowering, ScanOpLowering>(patterns.getContext());
}
