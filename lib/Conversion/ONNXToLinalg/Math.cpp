//===- Math.cpp - Lowering of the math onnx ops -----------------------===//
//
// Contractions (MatMul, Gemm, Einsum) become linalg.matmul / batch_matmul or
// one linalg.generic summing products; reductions and normalisations become
// reduction generics over the reduced dims followed by parallel generics
// (reduction axes known only at run time dispatch between such generics, see
// RuntimeAxes.h).
// f16 and bf16 accumulate in f32; normalisation statistics are f32 (ONNX's
// stash_type) and results are rounded once, at the end.
//
//===----------------------------------------------------------------------===//

#include "attnc/Conversion/ONNXToLinalg/ONNXToLinalg.h"

#include <type_traits>

#include "LoweringUtils.h"
#include "RuntimeAxes.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace attnc::lowering;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

using CombineFn =
    function_ref<Value(OpBuilder &, Location, ValueRange args, Value acc)>;
using BodyFn = function_ref<Value(OpBuilder &, Location, ValueRange args)>;

Value floatConstant(OpBuilder &b, Location loc, Type type, double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

/// The extent of loop `loop` of a generic that reads `inputs` through `maps`:
/// the static size of an input dim indexed by that loop when one is not 1,
/// else a dynamic one (kDynamic), else 1.
int64_t getStaticLoopSize(ValueRange inputs, ArrayRef<AffineMap> maps,
                          unsigned loop) {
  int64_t size = 1;
  for (auto [input, map] : llvm::zip_equal(inputs, maps)) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(input.getType()).getShape();
    for (auto [pos, expr] : llvm::enumerate(map.getResults())) {
      auto dim = dyn_cast<AffineDimExpr>(expr);
      if (!dim || dim.getPosition() != loop)
        continue;
      if (!ShapedType::isDynamic(shape[pos]) && shape[pos] != 1)
        return shape[pos];
      if (ShapedType::isDynamic(shape[pos]))
        size = ShapedType::kDynamic;
    }
  }
  return size;
}

/// getStaticLoopSize as an index value (tensor.dim for a dynamic extent).
Value getLoopSize(OpBuilder &b, Location loc, ValueRange inputs,
                  ArrayRef<AffineMap> maps, unsigned loop) {
  int64_t size = getStaticLoopSize(inputs, maps, loop);
  if (!ShapedType::isDynamic(size))
    return arith::ConstantIndexOp::create(b, loc, size);
  for (auto [input, map] : llvm::zip_equal(inputs, maps))
    for (auto [pos, expr] : llvm::enumerate(map.getResults()))
      if (auto dim = dyn_cast<AffineDimExpr>(expr);
          dim && dim.getPosition() == loop &&
          cast<RankedTensorType>(input.getType()).isDynamicDim(pos))
        return tensor::DimOp::create(b, loc, input, pos);
  llvm_unreachable("a dynamic loop extent comes from a dynamic input dim");
}

/// A linalg.generic with loops over the dims of `inputMaps`, writing a
/// `resultType` tensor through `outputMap` that starts at `init`; loops absent
/// from `outputMap` are reductions. The body yields `combine(args, acc)`.
/// Dynamic result dims take their extent from the inputs.
Value buildReductionGeneric(OpBuilder &b, Location loc,
                            RankedTensorType resultType, ValueRange inputs,
                            ArrayRef<AffineMap> inputMaps, AffineMap outputMap,
                            TypedAttr init, CombineFn combine) {
  unsigned numLoops = outputMap.getNumDims();
  SmallVector<Value> dynamicSizes;
  for (auto [pos, expr] : llvm::enumerate(outputMap.getResults()))
    if (resultType.isDynamicDim(pos))
      dynamicSizes.push_back(getLoopSize(
          b, loc, inputs, inputMaps, cast<AffineDimExpr>(expr).getPosition()));
  Value empty = tensor::EmptyOp::create(
      b, loc, resultType.getShape(), resultType.getElementType(), dynamicSizes);
  Value initValue = arith::ConstantOp::create(b, loc, init);
  Value filled =
      linalg::FillOp::create(b, loc, ValueRange{initValue}, ValueRange{empty})
          .getResult(0);

  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::reduction);
  for (AffineExpr expr : outputMap.getResults())
    iterators[cast<AffineDimExpr>(expr).getPosition()] =
        utils::IteratorType::parallel;
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(outputMap);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{filled}, maps,
      iterators, [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
        Value acc = combine(nested, bodyLoc, args.drop_back(), args.back());
        linalg::YieldOp::create(nested, bodyLoc, acc);
      });
  return generic.getResult(0);
}

/// A linalg.generic with parallel loops over `resultType`, reading `inputs`
/// through `maps` and yielding `body(args)`; dynamic dims come from `like`,
/// a tensor of the result's rank.
Value buildMappedGeneric(OpBuilder &b, Location loc,
                         RankedTensorType resultType, Value like,
                         ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                         BodyFn body) {
  Value empty = createEmptyLike(b, loc, resultType, like);
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(resultType.getRank()));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{empty}, maps, iterators,
      [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
        linalg::YieldOp::create(nested, bodyLoc,
                                body(nested, bodyLoc, args.drop_back()));
      });
  return generic.getResult(0);
}

/// `value` with its elements converted to `elementType` (one generic), or
/// `value` itself when it already has that element type.
Value convertElements(OpBuilder &b, Location loc, Value value,
                      Type elementType) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == elementType)
    return value;
  return buildBroadcastGeneric(
      b, loc, type.clone(elementType), value,
      [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
        return convertFloat(nested, bodyLoc, args[0], elementType);
      });
}

/// The map that reads a tensor of the non-reduced dims inside a loop nest
/// over all dims.
AffineMap getKeptDimsMap(MLIRContext *context, ArrayRef<bool> reduced) {
  SmallVector<AffineExpr> exprs;
  for (auto [dim, isReduced] : llvm::enumerate(reduced))
    if (!isReduced)
      exprs.push_back(getAffineDimExpr(dim, context));
  return AffineMap::get(reduced.size(), 0, exprs, context);
}

SmallVector<int64_t> getKeptShape(ArrayRef<int64_t> shape,
                                  ArrayRef<bool> reduced) {
  SmallVector<int64_t> kept;
  for (auto [size, isReduced] : llvm::zip_equal(shape, reduced))
    if (!isReduced)
      kept.push_back(size);
  return kept;
}

/// `reduced` marks the dims from `axis` on.
SmallVector<bool> getTrailingDims(int64_t rank, int64_t axis) {
  SmallVector<bool> reduced(rank, false);
  std::fill(reduced.begin() + axis, reduced.end(), true);
  return reduced;
}

/// Reinserts the reduced dims of `value` (a tensor of the kept dims) as size
/// 1, then casts to `type`: the keepdims form of a reduction.
Value expandReducedDims(OpBuilder &b, Location loc, Value value,
                        ArrayRef<bool> reduced, Type type) {
  auto source = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  // Each kept dim heads a group; a unit dim joins the group before it, or the
  // first group when it leads. With no kept dim there are no groups at all.
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices leading;
  for (auto [dim, isReduced] : llvm::enumerate(reduced)) {
    int64_t index = dim;
    if (isReduced) {
      shape.push_back(1);
      (groups.empty() ? leading : groups.back()).push_back(index);
      continue;
    }
    shape.push_back(source.getDimSize(groups.size()));
    groups.push_back(leading);
    leading.clear();
    groups.back().push_back(index);
  }
  Value expanded =
      tensor::ExpandShapeOp::create(b, loc, source.clone(shape), value, groups);
  return castToType(b, loc, expanded, type);
}

/// The number of elements over the reduced dims of `data`, as a scalar of
/// `type` (float or integer).
Value getReducedCount(OpBuilder &b, Location loc, Value data,
                      ArrayRef<bool> reduced, Type type) {
  auto shape = cast<RankedTensorType>(data.getType()).getShape();
  int64_t staticCount = 1;
  Value dynamicCount;
  for (auto [dim, isReduced] : llvm::enumerate(reduced)) {
    if (!isReduced)
      continue;
    if (!ShapedType::isDynamic(shape[dim])) {
      staticCount *= shape[dim];
      continue;
    }
    Value size = tensor::DimOp::create(b, loc, data, dim);
    dynamicCount =
        dynamicCount ? arith::MulIOp::create(b, loc, dynamicCount, size) : size;
  }
  if (!dynamicCount) {
    if (isa<FloatType>(type))
      return floatConstant(b, loc, type, static_cast<double>(staticCount));
    return arith::ConstantOp::create(b, loc,
                                     b.getIntegerAttr(type, staticCount));
  }
  dynamicCount = arith::MulIOp::create(
      b, loc, dynamicCount,
      arith::ConstantIndexOp::create(b, loc, staticCount));
  Value count =
      arith::IndexCastOp::create(b, loc, b.getI64Type(), dynamicCount);
  if (isa<FloatType>(type))
    return arith::SIToFPOp::create(b, loc, type, count);
  if (type != count.getType())
    return arith::TruncIOp::create(b, loc, type, count);
  return count;
}

/// `acc + x * y * ...`, the operands converted to the accumulator's type.
Value emitMultiplyAdd(OpBuilder &b, Location loc, ValueRange args, Value acc) {
  Type accType = acc.getType();
  bool isFloat = isa<FloatType>(accType);
  Value product;
  for (Value arg : args) {
    Value value = convertFloat(b, loc, arg, accType);
    product = !product  ? value
              : isFloat ? Value(arith::MulFOp::create(b, loc, product, value))
                        : Value(arith::MulIOp::create(b, loc, product, value));
  }
  return isFloat ? Value(arith::AddFOp::create(b, loc, acc, product))
                 : Value(arith::AddIOp::create(b, loc, acc, product));
}

/// Sum over the loops absent from `outputMap` of the products of `inputs`,
/// accumulated in the compute type of `resultType`, then rounded to it.
Value buildContraction(OpBuilder &b, Location loc, RankedTensorType resultType,
                       ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                       AffineMap outputMap) {
  Type accElement = getComputeType(resultType.getElementType());
  Value acc = buildReductionGeneric(b, loc, resultType.clone(accElement),
                                    inputs, inputMaps, outputMap,
                                    b.getZeroAttr(accElement), emitMultiplyAdd);
  return convertElements(b, loc, acc, resultType.getElementType());
}

//===----------------------------------------------------------------------===//
// MatMul
//===----------------------------------------------------------------------===//

/// The zero-filled accumulator of a named matmul writing `resultType`, whose
/// dynamic dims are taken from the operands: each entry of `sources` is the
/// (operand, dim) that gives the matching result dim.
Value createMatmulAccumulator(OpBuilder &b, Location loc,
                              RankedTensorType accType,
                              ArrayRef<std::pair<Value, int64_t>> sources) {
  SmallVector<Value> dynamicSizes;
  for (auto [dim, source] : llvm::enumerate(sources))
    if (accType.isDynamicDim(dim))
      dynamicSizes.push_back(
          tensor::DimOp::create(b, loc, source.first, source.second));
  Value empty = tensor::EmptyOp::create(b, loc, accType.getShape(),
                                        accType.getElementType(), dynamicSizes);
  Value zero = arith::ConstantOp::create(
      b, loc, b.getZeroAttr(accType.getElementType()));
  return linalg::FillOp::create(b, loc, ValueRange{zero}, ValueRange{empty})
      .getResult(0);
}

struct MatMulLowering : OpConversionPattern<onnx::MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value a = adaptor.getA(), b = adaptor.getB();
    auto aType = cast<RankedTensorType>(a.getType());
    auto bType = cast<RankedTensorType>(b.getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    Type accElement = getComputeType(resultType.getElementType());
    auto accType = resultType.clone(accElement);

    // Matrices and unbroadcast batches of matrices map onto the named ops,
    // which later passes tile and vectorise as contractions.
    Value acc;
    if (aType.getRank() == 2 && bType.getRank() == 2) {
      Value init =
          createMatmulAccumulator(rewriter, loc, accType, {{a, 0}, {b, 1}});
      acc = linalg::MatmulOp::create(rewriter, loc, TypeRange{accType},
                                     ValueRange{a, b}, ValueRange{init})
                .getResult(0);
    } else if (aType.getRank() == 3 && bType.getRank() == 3 &&
               aType.getDimSize(0) == bType.getDimSize(0)) {
      Value init = createMatmulAccumulator(rewriter, loc, accType,
                                           {{a, 0}, {a, 1}, {b, 2}});
      acc = linalg::BatchMatmulOp::create(rewriter, loc, TypeRange{accType},
                                          ValueRange{a, b}, ValueRange{init})
                .getResult(0);
    }
    if (acc) {
      rewriter.replaceOp(
          op, convertElements(rewriter, loc, acc, resultType.getElementType()));
      return success();
    }

    // Otherwise one generic: loops (batch..., m?, n?, k), where a 1-D operand
    // has no m (resp. n) loop and batch dims broadcast numpy-style.
    MLIRContext *context = op.getContext();
    bool aVector = aType.getRank() == 1, bVector = bType.getRank() == 1;
    int64_t numBatch = resultType.getRank() - !aVector - !bVector;
    unsigned m = numBatch, n = numBatch + !aVector, k = n + !bVector;
    unsigned numLoops = k + 1;
    auto dim = [&](unsigned loop) { return getAffineDimExpr(loop, context); };
    auto operandMap = [&](RankedTensorType type, bool isVector, bool isLhs) {
      SmallVector<AffineExpr> exprs;
      int64_t operandBatch = isVector ? 0 : type.getRank() - 2;
      for (int64_t i = 0; i < operandBatch; ++i) {
        int64_t loop = numBatch - operandBatch + i;
        bool broadcast =
            type.getDimSize(i) == 1 && resultType.getDimSize(loop) != 1;
        exprs.push_back(broadcast ? getAffineConstantExpr(0, context)
                                  : dim(loop));
      }
      if (isVector)
        exprs.push_back(dim(k));
      else if (isLhs)
        exprs.append({dim(m), dim(k)});
      else
        exprs.append({dim(k), dim(n)});
      return AffineMap::get(numLoops, 0, exprs, context);
    };
    SmallVector<AffineExpr> outputExprs;
    for (int64_t i = 0; i < numBatch; ++i)
      outputExprs.push_back(dim(i));
    if (!aVector)
      outputExprs.push_back(dim(m));
    if (!bVector)
      outputExprs.push_back(dim(n));
    SmallVector<AffineMap> maps = {operandMap(aType, aVector, true),
                                   operandMap(bType, bVector, false)};
    rewriter.replaceOp(
        op,
        buildContraction(rewriter, loc, resultType, {a, b}, maps,
                         AffineMap::get(numLoops, 0, outputExprs, context)));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Gemm
//===----------------------------------------------------------------------===//

struct GemmLowering : OpConversionPattern<onnx::GemmOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(op.getType());
    Type element = resultType.getElementType();
    float alpha = op.getAlpha().convertToFloat();
    float beta = op.getBeta().convertToFloat();
    Value c = adaptor.getC();
    bool hasC = !isa<NoneType>(c.getType());
    if (!isa<FloatType>(element) && (alpha != 1.0f || (hasC && beta != 1.0f)))
      return rewriter.notifyMatchFailure(
          op, "integer Gemm supports alpha = beta = 1 only");

    // Loops (m, n, k); the transposes only change how A and B are read.
    MLIRContext *context = op.getContext();
    AffineExpr m = getAffineDimExpr(0, context),
               n = getAffineDimExpr(1, context),
               k = getAffineDimExpr(2, context);
    SmallVector<AffineExpr> aExprs = {m, k}, bExprs = {k, n};
    if (op.getTransA())
      std::swap(aExprs[0], aExprs[1]);
    if (op.getTransB())
      std::swap(bExprs[0], bExprs[1]);
    AffineMap aMap = AffineMap::get(3, 0, aExprs, context);
    AffineMap bMap = AffineMap::get(3, 0, bExprs, context);
    Type accElement = getComputeType(element);
    Value acc = buildReductionGeneric(
        rewriter, loc, resultType.clone(accElement),
        {adaptor.getA(), adaptor.getB()}, {aMap, bMap},
        AffineMap::get(3, 0, {m, n}, context), rewriter.getZeroAttr(accElement),
        emitMultiplyAdd);

    if (alpha == 1.0f && !hasC) {
      rewriter.replaceOp(op, convertElements(rewriter, loc, acc, element));
      return success();
    }
    // Y = alpha * acc + beta * C, in the accumulator's type.
    SmallVector<Value> inputs = {acc};
    if (hasC)
      inputs.push_back(c);
    Value result = buildBroadcastGeneric(
        rewriter, loc, resultType, inputs,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value y = args[0];
          if (!isa<FloatType>(accElement)) // alpha = beta = 1.
            return hasC ? Value(arith::AddIOp::create(b, bodyLoc, y, args[1]))
                        : y;
          if (alpha != 1.0f)
            y = arith::MulFOp::create(
                b, bodyLoc, floatConstant(b, bodyLoc, accElement, alpha), y);
          if (hasC) {
            Value term = convertFloat(b, bodyLoc, args[1], accElement);
            if (beta != 1.0f)
              term = arith::MulFOp::create(
                  b, bodyLoc, floatConstant(b, bodyLoc, accElement, beta),
                  term);
            y = arith::AddFOp::create(b, bodyLoc, y, term);
          }
          return convertFloat(b, bodyLoc, y, element);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Einsum
//===----------------------------------------------------------------------===//

struct EinsumLowering : OpConversionPattern<onnx::EinsumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::EinsumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ValueRange inputs = adaptor.getInputs();
    SmallVector<int64_t> ranks;
    for (Value input : inputs)
      ranks.push_back(cast<RankedTensorType>(input.getType()).getRank());
    // The verifier parsed the same equation, so this succeeds.
    FailureOr<onnx::EinsumOp::Labels> labels =
        onnx::EinsumOp::parseEquation(op.getLoc(), op.getEquation(), ranks);
    if (failed(labels))
      return failure();

    // One loop per label: the output's first, then the summed ones.
    std::string loops = labels->output;
    for (const std::string &inputLabels : labels->inputs)
      for (char c : inputLabels)
        if (loops.find(c) == std::string::npos)
          loops.push_back(c);
    // An ellipsis dim of size 1 broadcasts when another input has it larger.
    auto isUnitLabel = [&](char c) {
      for (auto [input, inputLabels] : llvm::zip_equal(inputs, labels->inputs))
        for (auto [pos, label] : llvm::enumerate(inputLabels))
          if (label == c &&
              cast<RankedTensorType>(input.getType()).getDimSize(pos) != 1)
            return false;
      return true;
    };

    MLIRContext *context = op.getContext();
    auto getMap = [&](ArrayRef<int64_t> shape, StringRef mapLabels) {
      SmallVector<AffineExpr> exprs;
      for (auto [pos, c] : llvm::enumerate(mapLabels)) {
        bool broadcast = llvm::isDigit(c) && shape[pos] == 1 && !isUnitLabel(c);
        exprs.push_back(broadcast ? getAffineConstantExpr(0, context)
                                  : getAffineDimExpr(loops.find(c), context));
      }
      return AffineMap::get(loops.size(), 0, exprs, context);
    };
    SmallVector<AffineMap> maps;
    for (auto [input, inputLabels] : llvm::zip_equal(inputs, labels->inputs))
      maps.push_back(getMap(cast<RankedTensorType>(input.getType()).getShape(),
                            inputLabels));
    auto resultType = cast<RankedTensorType>(op.getType());
    AffineMap outputMap = getMap(resultType.getShape(), labels->output);
    rewriter.replaceOp(op, buildContraction(rewriter, op.getLoc(), resultType,
                                            inputs, maps, outputMap));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Softmax
//===----------------------------------------------------------------------===//

struct SoftmaxLowering : OpConversionPattern<onnx::SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput();
    auto type = cast<RankedTensorType>(op.getType());
    int64_t rank = type.getRank();
    FailureOr<int64_t> axis = onnx::normalizeAxis(loc, op.getAxis(), rank);
    if (failed(axis))
      return failure();
    Type element = type.getElementType();
    Type compute = getComputeType(element);

    SmallVector<bool> reduced(rank, false);
    reduced[*axis] = true;
    MLIRContext *context = op.getContext();
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    AffineMap kept = getKeptDimsMap(context, reduced);
    auto statsType = RankedTensorType::get(
        getKeptShape(cast<RankedTensorType>(x.getType()).getShape(), reduced),
        compute);

    // Subtracting the row maximum keeps exp from overflowing.
    Value max = buildReductionGeneric(
        rewriter, loc, statsType, x, identity, kept,
        rewriter.getFloatAttr(compute,
                              -std::numeric_limits<double>::infinity()),
        [&](OpBuilder &b, Location bodyLoc, ValueRange args, Value acc) {
          return arith::MaximumFOp::create(
              b, bodyLoc, acc, convertFloat(b, bodyLoc, args[0], compute));
        });
    auto shiftedExp = [&](OpBuilder &b, Location bodyLoc, Value xi,
                          Value maxi) -> Value {
      Value shifted = arith::SubFOp::create(
          b, bodyLoc, convertFloat(b, bodyLoc, xi, compute), maxi);
      return math::ExpOp::create(b, bodyLoc, shifted);
    };
    Value sum = buildReductionGeneric(
        rewriter, loc, statsType, {x, max}, {identity, kept}, kept,
        rewriter.getZeroAttr(compute),
        [&](OpBuilder &b, Location bodyLoc, ValueRange args, Value acc) {
          return arith::AddFOp::create(
              b, bodyLoc, acc, shiftedExp(b, bodyLoc, args[0], args[1]));
        });
    // The exponentials are recomputed rather than stored: one full-size
    // tensor less.
    Value result = buildMappedGeneric(
        rewriter, loc, type, x, {x, max, sum}, {identity, kept, kept},
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value e = shiftedExp(b, bodyLoc, args[0], args[1]);
          Value y = arith::DivFOp::create(b, bodyLoc, e, args[2]);
          return convertFloat(b, bodyLoc, y, element);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

enum class ReduceKind { Max, Min, Mean, Sum };

template <typename OpTy, ReduceKind Kind>
struct ReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    bool keepdims = op.getKeepdims() != 0;
    auto reduce = [&](OpBuilder &b, Location loc, ArrayRef<bool> reduced) {
      return buildReduction(b, loc, data, reduced, keepdims, resultType);
    };
    if (std::optional<SmallVector<bool>> reduced =
            getStaticReducedDims(op, adaptor.getAxes(), dataType.getRank())) {
      rewriter.replaceOp(op, reduce(rewriter, op.getLoc(), *reduced));
      return success();
    }
    // Axes known only at run time (e.g. a graph input).
    FailureOr<Value> result = buildRuntimeAxesReduction(
        rewriter, op, adaptor.getAxes(), dataType, resultType, keepdims,
        op.getNoopWithEmptyAxes() != 0, reduce);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }

private:
  /// The reduction of `data` over the dims marked in `reduced`, as a
  /// `resultType` value.
  static Value buildReduction(OpBuilder &b, Location loc, Value data,
                              ArrayRef<bool> reduced, bool keepdims,
                              RankedTensorType resultType) {
    // noop_with_empty_axes = 1 without axes: the identity.
    if (llvm::none_of(reduced, [](bool isReduced) { return isReduced; }))
      return castToType(b, loc, data, resultType);

    auto dataType = cast<RankedTensorType>(data.getType());
    Type element = dataType.getElementType();
    bool isFloat = isa<FloatType>(element);
    // Max and Min are exact in any type; sums accumulate in the compute type.
    Type acc = (Kind == ReduceKind::Max || Kind == ReduceKind::Min)
                   ? element
                   : getComputeType(element);
    auto statsType =
        RankedTensorType::get(getKeptShape(dataType.getShape(), reduced), acc);
    Value stats = buildReductionGeneric(
        b, loc, statsType, data, b.getMultiDimIdentityMap(dataType.getRank()),
        getKeptDimsMap(b.getContext(), reduced), getInit(b, acc),
        [&](OpBuilder &nested, Location bodyLoc, ValueRange args,
            Value accValue) {
          Value value = convertFloat(nested, bodyLoc, args[0], acc);
          return combine(nested, bodyLoc, accValue, value, isFloat);
        });

    // One pass over the (small) result divides a mean and rounds f16 / bf16.
    if (Kind == ReduceKind::Mean || acc != element) {
      Value count = Kind == ReduceKind::Mean
                        ? getReducedCount(b, loc, data, reduced, acc)
                        : Value();
      stats = buildBroadcastGeneric(
          b, loc, statsType.clone(element), stats,
          [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
            Value value = args[0];
            if (count)
              value = isFloat ? Value(arith::DivFOp::create(nested, bodyLoc,
                                                            value, count))
                              : Value(arith::DivSIOp::create(nested, bodyLoc,
                                                             value, count));
            return convertFloat(nested, bodyLoc, value, element);
          });
    }
    if (keepdims)
      stats = expandReducedDims(b, loc, stats, reduced, resultType);
    return castToType(b, loc, stats, resultType);
  }

  /// Which dims of a rank-`rank` tensor the op reduces, when that is known
  /// statically: no axes (or an empty axes tensor, constant or not) and
  /// constant axes. nullopt for axes known only at run time.
  static std::optional<SmallVector<bool>>
  getStaticReducedDims(OpTy op, Value axes, int64_t rank) {
    auto axesType = dyn_cast<RankedTensorType>(axes.getType());
    if (!axesType || axesType.getDimSize(0) == 0)
      return SmallVector<bool>(rank, op.getNoopWithEmptyAxes() == 0);
    std::optional<SmallVector<int64_t>> constAxes =
        onnx::getConstantIntValues(op.getAxes());
    if (!constAxes)
      return std::nullopt;
    SmallVector<bool> reduced(rank, false);
    for (int64_t axis : *constAxes)
      reduced[axis < 0 ? axis + rank : axis] = true;
    return reduced;
  }

  static TypedAttr getInit(OpBuilder &b, Type type) {
    double infinity = std::numeric_limits<double>::infinity();
    if (Kind == ReduceKind::Max || Kind == ReduceKind::Min) {
      bool max = Kind == ReduceKind::Max;
      if (isa<FloatType>(type))
        return b.getFloatAttr(type, max ? -infinity : infinity);
      unsigned width = type.getIntOrFloatBitWidth();
      return b.getIntegerAttr(type, max ? APInt::getSignedMinValue(width)
                                        : APInt::getSignedMaxValue(width));
    }
    return b.getZeroAttr(type);
  }

  static Value combine(OpBuilder &b, Location loc, Value acc, Value value,
                       bool isFloat) {
    switch (Kind) {
    case ReduceKind::Max:
      return isFloat ? Value(arith::MaximumFOp::create(b, loc, acc, value))
                     : Value(arith::MaxSIOp::create(b, loc, acc, value));
    case ReduceKind::Min:
      return isFloat ? Value(arith::MinimumFOp::create(b, loc, acc, value))
                     : Value(arith::MinSIOp::create(b, loc, acc, value));
    case ReduceKind::Mean:
    case ReduceKind::Sum:
      return isFloat ? Value(arith::AddFOp::create(b, loc, acc, value))
                     : Value(arith::AddIOp::create(b, loc, acc, value));
    }
    llvm_unreachable("covered switch");
  }
};

//===----------------------------------------------------------------------===//
// Normalisations
//===----------------------------------------------------------------------===//

/// Statistics over the dims `reduced` of `x`, in f32 (the stash type), as
/// tensors of the kept dims.
struct Normalizer {
  OpBuilder &b;
  Location loc;
  Value x;
  ArrayRef<bool> reduced;

  Type f32() { return b.getF32Type(); }
  int64_t rank() { return reduced.size(); }
  AffineMap identity() { return b.getMultiDimIdentityMap(rank()); }
  AffineMap kept() { return getKeptDimsMap(b.getContext(), reduced); }
  RankedTensorType statsType() {
    return RankedTensorType::get(
        getKeptShape(cast<RankedTensorType>(x.getType()).getShape(), reduced),
        f32());
  }
  Value ext(OpBuilder &nested, Location bodyLoc, Value value) {
    return convertFloat(nested, bodyLoc, value, f32());
  }

  /// sum(x) over the reduced dims, or sum(x^2) when `squares`.
  Value sum(bool squares) {
    return buildReductionGeneric(
        b, loc, statsType(), x, identity(), kept(), b.getZeroAttr(f32()),
        [&](OpBuilder &nested, Location bodyLoc, ValueRange args, Value acc) {
          Value v = ext(nested, bodyLoc, args[0]);
          if (squares)
            v = arith::MulFOp::create(nested, bodyLoc, v, v);
          return arith::AddFOp::create(nested, bodyLoc, acc, v);
        });
  }

  /// sum((x - mean)^2) over the reduced dims: two passes over x stay accurate
  /// when the mean is large against the spread.
  Value sumSquaredDeviations(Value mean) {
    return buildReductionGeneric(
        b, loc, statsType(), {x, mean}, {identity(), kept()}, kept(),
        b.getZeroAttr(f32()),
        [&](OpBuilder &nested, Location bodyLoc, ValueRange args, Value acc) {
          Value d = arith::SubFOp::create(
              nested, bodyLoc, ext(nested, bodyLoc, args[0]), args[1]);
          Value sq = arith::MulFOp::create(nested, bodyLoc, d, d);
          return arith::AddFOp::create(nested, bodyLoc, acc, sq);
        });
  }

  /// sum / count, elementwise on statistics.
  Value mean(Value sum) {
    Value count = getReducedCount(b, loc, x, reduced, f32());
    return buildBroadcastGeneric(
        b, loc, cast<RankedTensorType>(sum.getType()), sum,
        [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
          return arith::DivFOp::create(nested, bodyLoc, args[0], count);
        });
  }

  /// 1 / sqrt(sum / count + epsilon), elementwise on statistics.
  Value invSqrtOfMean(Value sum, float epsilon) {
    Value count = getReducedCount(b, loc, x, reduced, f32());
    return buildBroadcastGeneric(
        b, loc, cast<RankedTensorType>(sum.getType()), sum,
        [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
          Value eps = floatConstant(nested, bodyLoc, f32(), epsilon);
          Value mean = arith::DivFOp::create(nested, bodyLoc, args[0], count);
          Value shifted = arith::AddFOp::create(nested, bodyLoc, mean, eps);
          return math::RsqrtOp::create(nested, bodyLoc, shifted);
        });
  }

  /// `resultType` = ((x - mean) * invStd) * scale (+ bias): statistics read
  /// per kept index, scale and bias broadcast to x. A null `mean` or `bias`
  /// is left out.
  Value normalize(RankedTensorType resultType, Value mean, Value invStd,
                  Value scale, Value bias) {
    auto xType = cast<RankedTensorType>(x.getType());
    SmallVector<Value> inputs = {x, invStd, scale};
    SmallVector<AffineMap> maps = {
        identity(), kept(),
        broadcastIndexingMap(cast<RankedTensorType>(scale.getType()), xType)};
    if (bias) {
      inputs.push_back(bias);
      maps.push_back(
          broadcastIndexingMap(cast<RankedTensorType>(bias.getType()), xType));
    }
    if (mean) {
      inputs.push_back(mean);
      maps.push_back(kept());
    }
    return buildMappedGeneric(
        b, loc, resultType, x, inputs, maps,
        [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
          Value y = ext(nested, bodyLoc, args[0]);
          if (mean)
            y = arith::SubFOp::create(nested, bodyLoc, y, args.back());
          y = arith::MulFOp::create(nested, bodyLoc, y, args[1]);
          y = arith::MulFOp::create(nested, bodyLoc, y,
                                    ext(nested, bodyLoc, args[2]));
          if (bias)
            y = arith::AddFOp::create(nested, bodyLoc, y,
                                      ext(nested, bodyLoc, args[3]));
          return convertFloat(nested, bodyLoc, y, resultType.getElementType());
        });
  }
};

LogicalResult checkStashType(ConversionPatternRewriter &rewriter, Operation *op,
                             int64_t stashType) {
  if (stashType == 1)
    return success();
  return rewriter.notifyMatchFailure(op, "supports stash_type 1 (f32) only");
}

struct LayerNormalizationLowering
    : OpConversionPattern<onnx::LayerNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::LayerNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkStashType(rewriter, op, op.getStashType())))
      return failure();
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
    FailureOr<int64_t> axis = onnx::normalizeAxis(loc, op.getAxis(), rank);
    if (failed(axis))
      return failure();
    SmallVector<bool> reduced = getTrailingDims(rank, *axis);
    Normalizer norm{rewriter, loc, x, reduced};
    Value mean = norm.mean(norm.sum(/*squares=*/false));
    Value invStd = norm.invSqrtOfMean(norm.sumSquaredDeviations(mean),
                                      op.getEpsilon().convertToFloat());
    Value bias = adaptor.getB();
    Value y = norm.normalize(cast<RankedTensorType>(op.getY().getType()), mean,
                             invStd, adaptor.getScale(),
                             isa<NoneType>(bias.getType()) ? Value() : bias);
    rewriter.replaceOp(op, {y,
                            expandReducedDims(rewriter, loc, mean, reduced,
                                              op.getMean().getType()),
                            expandReducedDims(rewriter, loc, invStd, reduced,
                                              op.getInvStdDev().getType())});
    return success();
  }
};

/// RMSNormalization and onnxruntime's SimplifiedLayerNormalization: the
/// same computation; the latter also returns 1 / rms.
template <typename OpTy>
struct RMSNormalizationLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkStashType(rewriter, op, op.getStashType())))
      return failure();
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
    FailureOr<int64_t> axis = onnx::normalizeAxis(loc, op.getAxis(), rank);
    if (failed(axis))
      return failure();
    SmallVector<bool> reduced = getTrailingDims(rank, *axis);
    Normalizer norm{rewriter, loc, x, reduced};
    Value invRms = norm.invSqrtOfMean(norm.sum(/*squares=*/true),
                                      op.getEpsilon().convertToFloat());
    Value y = norm.normalize(cast<RankedTensorType>(op.getY().getType()),
                             Value(), invRms, adaptor.getScale(), Value());
    SmallVector<Value> results = {y};
    if (op->getNumResults() == 2)
      results.push_back(expandReducedDims(rewriter, loc, invRms, reduced,
                                          op->getResult(1).getType()));
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// The Skip*LayerNormalization family: s = input + skip (+ bias), then RMS
/// normalisation (SkipSimplified) or layer normalisation with an optional
/// beta (Skip).
template <typename OpTy>
struct SkipLayerNormalizationLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  static constexpr bool kCentered =
      std::is_same_v<OpTy, onnx::MSSkipLayerNormalizationOp>;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    Type f32 = rewriter.getF32Type();
    // s = input + skip (+ bias), kept in f32 for the statistics.
    SmallVector<Value> addends = {adaptor.getInput(), adaptor.getSkip()};
    if (!isa<NoneType>(adaptor.getBias().getType()))
      addends.push_back(adaptor.getBias());
    Value sum = buildBroadcastGeneric(
        rewriter, loc, inputType.clone(f32), addends,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value s = convertFloat(b, bodyLoc, args[0], f32);
          for (Value arg : args.drop_front())
            s = arith::AddFOp::create(b, bodyLoc, s,
                                      convertFloat(b, bodyLoc, arg, f32));
          return s;
        });

    int64_t rank = inputType.getRank();
    SmallVector<bool> reduced = getTrailingDims(rank, rank - 1);
    Normalizer norm{rewriter, loc, sum, reduced};
    Value mean = norm.mean(norm.sum(/*squares=*/false));
    float epsilon = op.getEpsilon().convertToFloat();
    Value invStd, output;
    auto outputType = cast<RankedTensorType>(op.getOutput().getType());
    if constexpr (kCentered) {
      invStd = norm.invSqrtOfMean(norm.sumSquaredDeviations(mean), epsilon);
      Value beta = adaptor.getBeta();
      output = norm.normalize(outputType, mean, invStd, adaptor.getGamma(),
                              isa<NoneType>(beta.getType()) ? Value() : beta);
    } else {
      invStd = norm.invSqrtOfMean(norm.sum(/*squares=*/true), epsilon);
      output = norm.normalize(outputType, Value(), invStd, adaptor.getGamma(),
                              Value());
    }
    rewriter.replaceOp(op,
                       {output,
                        expandReducedDims(rewriter, loc, mean, reduced,
                                          op.getMean().getType()),
                        expandReducedDims(rewriter, loc, invStd, reduced,
                                          op.getInvStdVar().getType()),
                        castToType(rewriter, loc,
                                   convertElements(rewriter, loc, sum,
                                                   inputType.getElementType()),
                                   op.getInputSkipBiasSum().getType())});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Gelu
//===----------------------------------------------------------------------===//

struct GeluLowering : OpConversionPattern<onnx::GeluOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(onnx::GeluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    Type element = type.getElementType();
    Type compute = getComputeType(element);
    bool useTanh = op.getApproximate() == "tanh";
    Value result = buildBroadcastGeneric(
        rewriter, op.getLoc(), type, adaptor.getX(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          auto constant = [&](double v) {
            return floatConstant(b, loc, compute, v);
          };
          Value x = convertFloat(b, loc, args[0], compute);
          Value inner;
          if (useTanh) {
            // tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))
            Value x3 = arith::MulFOp::create(
                b, loc, x, arith::MulFOp::create(b, loc, x, x));
            Value poly = arith::AddFOp::create(
                b, loc, x,
                arith::MulFOp::create(b, loc, constant(0.044715), x3));
            inner = math::TanhOp::create(
                b, loc,
                arith::MulFOp::create(b, loc, constant(std::sqrt(2.0 / M_PI)),
                                      poly));
          } else {
            // erf(x / sqrt(2))
            inner = math::ErfOp::create(
                b, loc, arith::MulFOp::create(b, loc, x, constant(M_SQRT1_2)));
          }
          Value onePlus = arith::AddFOp::create(b, loc, constant(1.0), inner);
          Value halfX = arith::MulFOp::create(b, loc, constant(0.5), x);
          Value y = arith::MulFOp::create(b, loc, halfX, onePlus);
          return convertFloat(b, loc, y, element);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::populateONNXMathToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<MatMulLowering, GemmLowering, EinsumLowering, SoftmaxLowering,
               ReduceLowering<onnx::ReduceMaxOp, ReduceKind::Max>,
               ReduceLowering<onnx::ReduceMinOp, ReduceKind::Min>,
               ReduceLowering<onnx::ReduceMeanOp, ReduceKind::Mean>,
               ReduceLowering<onnx::ReduceSumOp, ReduceKind::Sum>,
               LayerNormalizationLowering,
               RMSNormalizationLowering<onnx::RMSNormalizationOp>,
               RMSNormalizationLowering<onnx::MSSimplifiedLayerNormalizationOp>,
               SkipLayerNormalizationLowering<
                   onnx::MSSkipSimplifiedLayerNormalizationOp>,
               SkipLayerNormalizationLowering<onnx::MSSkipLayerNormalizationOp>,
               GeluLowering>(
      patterns.getContext());
}
