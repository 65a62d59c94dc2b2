//===- QKMatmulOutput.cpp - ONNX Attention's qk_matmul_output result -----===//
//
// attn.attention only returns the attention output, so the optional fourth
// result of ONNX Attention (the scores at a stage picked by
// qk_matmul_output_mode) is recomputed with linalg next to it. The stages
// follow the ONNX function body of the op:
//   0: scale * Q K^T                 1: softcap of 0 (when softcap > 0)
//   2: 1 plus the mask, causal and nonpad_kv_seqlen bias (-inf when masked)
//   3: softmax of 2, zero for rows whose every key is masked
// Everything is computed in f32 and rounded once to the result type.
//
//===----------------------------------------------------------------------===//

#include "ConversionPatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <limits>

using namespace mlir;

namespace attnc::onnx_to_attn {

namespace {

constexpr utils::IteratorType kParallel = utils::IteratorType::parallel;
constexpr utils::IteratorType kReduction = utils::IteratorType::reduction;

/// Widens (or narrows) a float scalar to `type`; the identity when equal.
Value castFloat(OpBuilder &builder, Location loc, Value value, Type type) {
  unsigned from = value.getType().getIntOrFloatBitWidth();
  unsigned to = type.getIntOrFloatBitWidth();
  if (from < to)
    return arith::ExtFOp::create(builder, loc, type, value);
  if (from > to)
    return arith::TruncFOp::create(builder, loc, type, value);
  return value;
}

Value floatConstant(OpBuilder &builder, Location loc, double value) {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getF32FloatAttr(value));
}

/// The dynamic sizes of a `B x Hq x Sq x T` tensor: B, Hq, Sq from the query
/// and T from the key.
SmallVector<Value> scoreDynamicSizes(OpBuilder &builder, Location loc,
                                     ArrayRef<int64_t> shape, Value query,
                                     Value key) {
  SmallVector<Value> sizes;
  for (auto [dim, size] : llvm::enumerate(shape))
    if (ShapedType::isDynamic(size))
      sizes.push_back(
          tensor::DimOp::create(builder, loc, dim == 3 ? key : query,
                                dim == 3 ? 2 : dim));
  return sizes;
}

/// A tensor of `shape` filled with `value` (the init of a reduction).
Value filled(OpBuilder &builder, Location loc, ArrayRef<int64_t> shape,
             ArrayRef<Value> dynamicSizes, double value) {
  Value empty = tensor::EmptyOp::create(builder, loc, shape,
                                        builder.getF32Type(), dynamicSizes);
  return linalg::FillOp::create(builder, loc,
                                ValueRange{floatConstant(builder, loc, value)},
                                ValueRange{empty})
      .getResult(0);
}

/// The map reading a mask broadcast (numpy rules, right-aligned) to
/// `B x Hq x Sq x T` from the 4 loop dims: size-1 dims read index 0.
AffineMap maskMap(MLIRContext *context, RankedTensorType mask,
                  ArrayRef<int64_t> scoreShape) {
  SmallVector<AffineExpr> results;
  int64_t lead = 4 - mask.getRank();
  for (int64_t dim = 0; dim < mask.getRank(); ++dim) {
    bool broadcast = mask.getDimSize(dim) == 1 &&
                     scoreShape[lead + dim] != 1;
    results.push_back(broadcast ? getAffineConstantExpr(0, context)
                                : getAffineDimExpr(lead + dim, context));
  }
  return AffineMap::get(4, 0, results, context);
}

/// f32 scores `scale * Q K^T` of shape `B x Hq x Sq x T`. Query head `h` reads
/// KV head `h / G` through the indexing map, so K is never repeated.
Value buildScaledScores(OpBuilder &builder, Location loc,
                        const QKMatmulOutputSpec &spec,
                        ArrayRef<int64_t> shape,
                        ArrayRef<Value> dynamicSizes) {
  auto queryType = cast<RankedTensorType>(spec.query.getType());
  auto keyType = cast<RankedTensorType>(spec.key.getType());
  int64_t groups = queryType.getDimSize(1) / keyType.getDimSize(1);
  MLIRContext *context = builder.getContext();
  AffineExpr b, h, i, j, d;
  bindDims(context, b, h, i, j, d);
  AffineExpr kvHead = groups == 1 ? h : h.floorDiv(groups);
  SmallVector<AffineMap> maps = {
      AffineMap::get(5, 0, {b, h, i, d}, context),
      AffineMap::get(5, 0, {b, kvHead, j, d}, context),
      AffineMap::get(5, 0, {b, h, i, j}, context)};
  Value init = filled(builder, loc, shape, dynamicSizes, 0.0);
  Type f32 = builder.getF32Type();
  return linalg::GenericOp::create(
          builder, loc, init.getType(), ValueRange{spec.query, spec.key},
          ValueRange{init}, maps,
          {kParallel, kParallel, kParallel, kParallel, kReduction},
          [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
            Value q = castFloat(nested, nestedLoc, args[0], f32);
            Value k = castFloat(nested, nestedLoc, args[1], f32);
            Value product = arith::MulFOp::create(nested, nestedLoc, q, k);
            Value sum =
                arith::AddFOp::create(nested, nestedLoc, args[2], product);
            linalg::YieldOp::create(nested, nestedLoc, sum);
          })
      .getResult(0);
}

/// Applies the scale and, per mode, the softcap and the masks to the raw dot
/// products, element by element; the result has `element` type.
Value buildScoreStage(OpBuilder &builder, Location loc,
                      const QKMatmulOutputSpec &spec, Value dot,
                      ArrayRef<int64_t> shape, ArrayRef<Value> dynamicSizes,
                      Type element) {
  MLIRContext *context = builder.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(4, context);
  SmallVector<Value> inputs = {dot};
  SmallVector<AffineMap> maps = {identity};
  bool masked = spec.mode >= 2;
  int64_t maskIndex = -1, lengthsIndex = -1;
  if (masked && spec.mask) {
    auto maskType = cast<RankedTensorType>(spec.mask.getType());
    maskIndex = inputs.size();
    inputs.push_back(spec.mask);
    maps.push_back(maskMap(context, maskType, shape));
  }
  if (masked && spec.kvLengths) {
    lengthsIndex = inputs.size();
    inputs.push_back(spec.kvLengths);
    maps.push_back(AffineMap::get(4, 0, {getAffineDimExpr(0, context)},
                                  context));
  }
  maps.push_back(identity);

  // The causal position offset of the rows, outside the loop body when it
  // does not depend on the batch: the past length, or 0.
  Value queryLength, pastLength;
  if (masked && spec.causal) {
    queryLength = tensor::DimOp::create(builder, loc, spec.query, 2);
    pastLength =
        spec.pastKey
            ? tensor::DimOp::create(builder, loc, spec.pastKey, 2).getResult()
            : arith::ConstantIndexOp::create(builder, loc, 0).getResult();
  }
  Value init = tensor::EmptyOp::create(builder, loc, shape, element,
                                       dynamicSizes);
  Type f32 = builder.getF32Type();
  double negInf = -std::numeric_limits<double>::infinity();

  auto body = [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
    Value score = arith::MulFOp::create(
        nested, nestedLoc, args[0], floatConstant(nested, nestedLoc,
                                                  spec.scale));
    if (spec.mode >= 1 && spec.softcap > 0.0) {
      Value cap = floatConstant(nested, nestedLoc, spec.softcap);
      Value ratio = arith::DivFOp::create(nested, nestedLoc, score, cap);
      Value tanh = math::TanhOp::create(nested, nestedLoc, ratio);
      score = arith::MulFOp::create(nested, nestedLoc, tanh, cap);
    }
    if (masked) {
      Value minusInf = floatConstant(nested, nestedLoc, negInf);
      if (maskIndex >= 0) {
        Value mask = args[maskIndex];
        if (mask.getType().isInteger(1))
          score = arith::SelectOp::create(nested, nestedLoc, mask, score,
                                          minusInf);
        else
          score = arith::AddFOp::create(
              nested, nestedLoc, score,
              castFloat(nested, nestedLoc, mask, f32));
      }
      // Visibility: key j is seen when j < L (nonpad lengths) and, if causal,
      // when j <= p, the row's position (see QKMatmulOutputSpec::causal).
      Value row = linalg::IndexOp::create(nested, nestedLoc, 2);
      Value col = linalg::IndexOp::create(nested, nestedLoc, 3);
      Value visible, offset = pastLength;
      if (lengthsIndex >= 0) {
        Value length = arith::IndexCastOp::create(
            nested, nestedLoc, nested.getIndexType(), args[lengthsIndex]);
        visible = arith::CmpIOp::create(nested, nestedLoc,
                                        arith::CmpIPredicate::slt, col,
                                        length);
        if (spec.causal)
          offset =
              arith::SubIOp::create(nested, nestedLoc, length, queryLength);
      }
      if (spec.causal) {
        Value position =
            arith::AddIOp::create(nested, nestedLoc, row, offset);
        Value causal = arith::CmpIOp::create(
            nested, nestedLoc, arith::CmpIPredicate::sle, col, position);
        visible = visible ? arith::AndIOp::create(nested, nestedLoc, visible,
                                                  causal)
                                .getResult()
                          : causal;
      }
      if (visible)
        score = arith::SelectOp::create(nested, nestedLoc, visible, score,
                                        minusInf);
    }
    linalg::YieldOp::create(nested, nestedLoc,
                            castFloat(nested, nestedLoc, score, element));
  };
  SmallVector<utils::IteratorType> iterators(4, kParallel);
  return linalg::GenericOp::create(builder, loc, init.getType(), inputs,
                                   ValueRange{init}, maps, iterators, body)
      .getResult(0);
}

/// Row softmax over the keys (dim 3) of f32 `scores`, rounded to `element`.
/// A row whose every key is -inf has no defined softmax; ONNX makes it zero.
Value buildSoftmax(OpBuilder &builder, Location loc, Value scores,
                   ArrayRef<int64_t> shape, ArrayRef<Value> dynamicSizes,
                   Type element) {
  MLIRContext *context = builder.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(4, context);
  AffineMap rowMap = AffineMap::get(
      4, 0,
      {getAffineDimExpr(0, context), getAffineDimExpr(1, context),
       getAffineDimExpr(2, context)},
      context);
  ArrayRef<int64_t> rowShape = shape.drop_back();
  SmallVector<Value> rowSizes(dynamicSizes);
  if (ShapedType::isDynamic(shape.back()))
    rowSizes.pop_back();
  SmallVector<utils::IteratorType> reduceRows = {kParallel, kParallel,
                                                 kParallel, kReduction};
  SmallVector<utils::IteratorType> elementwise(4, kParallel);
  double negInf = -std::numeric_limits<double>::infinity();

  Value maxInit = filled(builder, loc, rowShape, rowSizes, negInf);
  Value max =
      linalg::GenericOp::create(
          builder, loc, maxInit.getType(), ValueRange{scores},
          ValueRange{maxInit}, {identity, rowMap}, reduceRows,
          [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
            linalg::YieldOp::create(
                nested, nestedLoc,
                arith::MaximumFOp::create(nested, nestedLoc, args[0],
                                          args[1])
                    .getResult());
          })
          .getResult(0);

  // exp(s - m) with m = -inf would be NaN; such rows are replaced below, so
  // subtract 0 instead to keep the sum finite.
  auto shifted = [&](OpBuilder &nested, Location nestedLoc, Value score,
                     Value rowMax, Value &fullyMasked) {
    Value minusInf = floatConstant(nested, nestedLoc, negInf);
    fullyMasked = arith::CmpFOp::create(nested, nestedLoc,
                                        arith::CmpFPredicate::OEQ, rowMax,
                                        minusInf);
    Value safeMax = arith::SelectOp::create(
        nested, nestedLoc, fullyMasked, floatConstant(nested, nestedLoc, 0.0),
        rowMax);
    Value diff = arith::SubFOp::create(nested, nestedLoc, score, safeMax);
    return math::ExpOp::create(nested, nestedLoc, diff).getResult();
  };

  Value sumInit = filled(builder, loc, rowShape, rowSizes, 0.0);
  Value sum =
      linalg::GenericOp::create(
          builder, loc, sumInit.getType(), ValueRange{scores, max},
          ValueRange{sumInit}, {identity, rowMap, rowMap}, reduceRows,
          [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
            Value fullyMasked;
            Value exp = shifted(nested, nestedLoc, args[0], args[1],
                                fullyMasked);
            linalg::YieldOp::create(
                nested, nestedLoc,
                arith::AddFOp::create(nested, nestedLoc, args[2], exp)
                    .getResult());
          })
          .getResult(0);

  Value init = tensor::EmptyOp::create(builder, loc, shape, element,
                                       dynamicSizes);
  return linalg::GenericOp::create(
             builder, loc, init.getType(), ValueRange{scores, max, sum},
             ValueRange{init}, {identity, rowMap, rowMap, identity},
             elementwise,
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value fullyMasked;
               Value exp = shifted(nested, nestedLoc, args[0], args[1],
                                   fullyMasked);
               Value prob =
                   arith::DivFOp::create(nested, nestedLoc, exp, args[2]);
               prob = arith::SelectOp::create(
                   nested, nestedLoc, fullyMasked,
                   floatConstant(nested, nestedLoc, 0.0), prob);
               linalg::YieldOp::create(
                   nested, nestedLoc,
                   castFloat(nested, nestedLoc, prob, args[3].getType()));
             })
      .getResult(0);
}

} // namespace

FailureOr<Value> buildQKMatmulOutput(OpBuilder &builder, Location loc,
                                     const QKMatmulOutputSpec &spec,
                                     Type element) {
  auto queryType = cast<RankedTensorType>(spec.query.getType());
  auto keyType = cast<RankedTensorType>(spec.key.getType());
  int64_t queryHeads = queryType.getDimSize(1);
  int64_t keyHeads = keyType.getDimSize(1);
  if (ShapedType::isDynamic(queryHeads) || ShapedType::isDynamic(keyHeads) ||
      queryHeads % keyHeads != 0)
    return failure();
  if (spec.mode < 0 || spec.mode > 3)
    return failure();

  SmallVector<int64_t> shape = {queryType.getDimSize(0), queryHeads,
                                queryType.getDimSize(2),
                                keyType.getDimSize(2)};
  SmallVector<Value> dynamicSizes =
      scoreDynamicSizes(builder, loc, shape, spec.query, spec.key);
  Value dot = buildScaledScores(builder, loc, spec, shape, dynamicSizes);
  if (spec.mode < 3)
    return buildScoreStage(builder, loc, spec, dot, shape, dynamicSizes,
                           element);
  Value scores = buildScoreStage(builder, loc, spec, dot, shape, dynamicSizes,
                                 builder.getF32Type());
  return buildSoftmax(builder, loc, scores, shape, dynamicSizes, element);
}

} // namespace attnc::onnx_to_attn
