//===- AttentionCommon.cpp - Pieces shared by the softmax attentions ------===//

#include "AttentionCommon.h"

#include "AttnLoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace attnc::attn_lowering {

//===----------------------------------------------------------------------===//
// GQA head mapping
//===----------------------------------------------------------------------===//

AffineExpr KVHeadMapping::getExpr(AffineExpr queryHead) const {
  if (groupSize == 0)
    return getAffineConstantExpr(0, queryHead.getContext());
  if (groupSize == 1)
    return queryHead;
  return queryHead.floorDiv(groupSize);
}

Value KVHeadMapping::getIndex(OpBuilder &b, Location loc,
                              Value queryHead) const {
  if (groupSize == 0)
    return arith::ConstantIndexOp::create(b, loc, 0);
  if (groupSize == 1)
    return queryHead;
  Value group = arith::ConstantIndexOp::create(b, loc, groupSize);
  return arith::DivUIOp::create(b, loc, queryHead, group);
}

FailureOr<KVHeadMapping> getKVHeadMapping(int64_t queryHeads, int64_t kvHeads) {
  if (kvHeads == 1)
    return KVHeadMapping{0};
  if (ShapedType::isDynamic(queryHeads) || ShapedType::isDynamic(kvHeads))
    return failure();
  return KVHeadMapping{queryHeads / kvHeads};
}

//===----------------------------------------------------------------------===//
// Scores
//===----------------------------------------------------------------------===//

Value buildScoreContraction(OpBuilder &b, Location loc, Value query, Value key,
                            AffineMap keyMap, OpFoldResult keys,
                            FloatType computeType, Value init) {
  MLIRContext *ctx = b.getContext();
  if (!init) {
    SmallVector<OpFoldResult> sizes = {
        getDimSize(b, loc, query, 0), getDimSize(b, loc, query, 1),
        getDimSize(b, loc, query, 2), keys};
    init = createFilled(b, loc, sizes, createFloat(b, loc, computeType, 0.0));
  }
  AffineExpr batch, head, row, col, chan;
  bindDims(ctx, batch, head, row, col, chan);
  SmallVector<AffineMap> maps = {
      AffineMap::get(5, 0, {batch, head, row, chan}, ctx), keyMap,
      AffineMap::get(5, 0, {batch, head, row, col}, ctx)};
  return createGeneric(
             b, loc, {query, key}, {init}, maps, getIterators(4, 1),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value q = castFloat(nb, nl, args[0], computeType);
               Value k = castFloat(nb, nl, args[1], computeType);
               Value product = arith::MulFOp::create(nb, nl, q, k);
               return SmallVector<Value>{
                   arith::AddFOp::create(nb, nl, args[2], product)};
             })
      ->getResult(0);
}

//===----------------------------------------------------------------------===//
// Softmax
//===----------------------------------------------------------------------===//

SoftmaxRows buildMaskedSoftmax(OpBuilder &b, Location loc, Value scores,
                               Value sinks) {
  MLIRContext *ctx = b.getContext();
  auto type = llvm::cast<RankedTensorType>(scores.getType());
  auto computeType = llvm::cast<FloatType>(type.getElementType());
  SmallVector<OpFoldResult> rowSizes = {getDimSize(b, loc, scores, 0),
                                        getDimSize(b, loc, scores, 1),
                                        getDimSize(b, loc, scores, 2)};
  AffineExpr batch, head, row, col;
  bindDims(ctx, batch, head, row, col);
  AffineMap full = AffineMap::get(4, 0, {batch, head, row, col}, ctx);
  AffineMap perRow4 = AffineMap::get(4, 0, {batch, head, row}, ctx);
  AffineMap perRow3 = AffineMap::getMultiDimIdentityMap(3, ctx);
  AffineMap perHead3 = AffineMap::get(3, 0, {head}, ctx);

  Value negInf = createNegInf(b, loc, computeType);
  Value zero = createFloat(b, loc, computeType, 0.0);

  // rowMax[b,h,i] = max_j scores.
  Value rowMax =
      createGeneric(b, loc, {scores}, {createFilled(b, loc, rowSizes, negInf)},
                    {full, perRow4}, getIterators(3, 1),
                    [&](OpBuilder &nb, Location nl, ValueRange args) {
                      return SmallVector<Value>{
                          arith::MaximumFOp::create(nb, nl, args[0], args[1])};
                    })
          ->getResult(0);

  // shift = max(rowMax, sink), or 0 when that is -inf: exp(-inf - -inf) would
  // be NaN, exp(-inf - 0) is the 0 a row with no visible key needs.
  SmallVector<Value> shiftInputs = {rowMax};
  SmallVector<AffineMap> shiftMaps = {perRow3};
  if (sinks) {
    shiftInputs.push_back(sinks);
    shiftMaps.push_back(perHead3);
  }
  shiftMaps.push_back(perRow3);
  Value shift =
      createGeneric(
          b, loc, shiftInputs, {createEmpty(b, loc, rowSizes, computeType)},
          shiftMaps, getIterators(3),
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value max = args[0];
            if (sinks)
              max = arith::MaximumFOp::create(
                  nb, nl, max, castFloat(nb, nl, args[1], computeType));
            Value none = arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OEQ,
                                               max, negInf);
            return SmallVector<Value>{
                arith::SelectOp::create(nb, nl, none, zero, max)};
          })
          ->getResult(0);

  // weights = exp(scores - shift).
  SmallVector<OpFoldResult> sizes = rowSizes;
  sizes.push_back(getDimSize(b, loc, scores, 3));
  Value weights =
      createGeneric(b, loc, {scores, shift},
                    {createEmpty(b, loc, sizes, computeType)},
                    {full, perRow4, full}, getIterators(4),
                    [&](OpBuilder &nb, Location nl, ValueRange args) {
                      Value diff =
                          arith::SubFOp::create(nb, nl, args[0], args[1]);
                      return SmallVector<Value>{
                          math::ExpOp::create(nb, nl, diff)};
                    })
          ->getResult(0);

  // The denominator starts at the sink's share, exp(sinks[h] - shift), which
  // joins the sum but weighs no value.
  Value init;
  if (sinks) {
    init = createGeneric(
               b, loc, {sinks, shift},
               {createEmpty(b, loc, rowSizes, computeType)},
               {perHead3, perRow3, perRow3}, getIterators(3),
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value sink = castFloat(nb, nl, args[0], computeType);
                 Value diff = arith::SubFOp::create(nb, nl, sink, args[1]);
                 return SmallVector<Value>{math::ExpOp::create(nb, nl, diff)};
               })
               ->getResult(0);
  } else {
    init = createFilled(b, loc, rowSizes, zero);
  }
  Value denominator =
      createGeneric(b, loc, {weights}, {init}, {full, perRow4},
                    getIterators(3, 1),
                    [&](OpBuilder &nb, Location nl, ValueRange args) {
                      return SmallVector<Value>{
                          arith::AddFOp::create(nb, nl, args[0], args[1])};
                    })
          ->getResult(0);
  return {rowMax, weights, denominator};
}

//===----------------------------------------------------------------------===//
// Values and normalisation
//===----------------------------------------------------------------------===//

Value buildWeightedValues(OpBuilder &b, Location loc, Value weights,
                          Value value, AffineMap valueMap,
                          OpFoldResult valueDim, FloatType computeType) {
  MLIRContext *ctx = b.getContext();
  SmallVector<OpFoldResult> sizes = {getDimSize(b, loc, weights, 0),
                                     getDimSize(b, loc, weights, 1),
                                     getDimSize(b, loc, weights, 2), valueDim};
  Value init = createFilled(b, loc, sizes, createFloat(b, loc, computeType, 0.0));
  AffineExpr batch, head, row, chan, col;
  bindDims(ctx, batch, head, row, chan, col);
  SmallVector<AffineMap> maps = {
      AffineMap::get(5, 0, {batch, head, row, col}, ctx), valueMap,
      AffineMap::get(5, 0, {batch, head, row, chan}, ctx)};
  return createGeneric(
             b, loc, {weights, value}, {init}, maps, getIterators(4, 1),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value v = castFloat(nb, nl, args[1], computeType);
               Value product = arith::MulFOp::create(nb, nl, args[0], v);
               return SmallVector<Value>{
                   arith::AddFOp::create(nb, nl, args[2], product)};
             })
      ->getResult(0);
}

Value buildNormalisedRows(OpBuilder &b, Location loc, Value weighted,
                          const SoftmaxRows &rows, Value fallback,
                          AffineMap fallbackMap, Type resultElement) {
  MLIRContext *ctx = b.getContext();
  auto computeType = llvm::cast<FloatType>(
      llvm::cast<RankedTensorType>(weighted.getType()).getElementType());
  AffineExpr batch, head, row, chan;
  bindDims(ctx, batch, head, row, chan);
  AffineMap full = AffineMap::getMultiDimIdentityMap(4, ctx);
  AffineMap perRow = AffineMap::get(4, 0, {batch, head, row}, ctx);
  SmallVector<Value> inputs = {weighted, rows.rowMax, rows.denominator};
  SmallVector<AffineMap> maps = {full, perRow, perRow};
  if (fallback) {
    inputs.push_back(fallback);
    maps.push_back(fallbackMap);
  }
  maps.push_back(full);
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0; dim < 4; ++dim)
    sizes.push_back(getDimSize(b, loc, weighted, dim));
  Value negInf = createNegInf(b, loc, computeType);
  Value zero = createFloat(b, loc, computeType, 0.0);
  return createGeneric(
             b, loc, inputs, {createEmpty(b, loc, sizes, resultElement)}, maps,
             getIterators(4),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value normalised =
                   arith::DivFOp::create(nb, nl, args[0], args[2]);
               Value noKey = arith::CmpFOp::create(
                   nb, nl, arith::CmpFPredicate::OEQ, args[1], negInf);
               Value other =
                   fallback ? castFloat(nb, nl, args[3], computeType) : zero;
               Value result =
                   arith::SelectOp::create(nb, nl, noKey, other, normalised);
               return SmallVector<Value>{
                   castFloat(nb, nl, result, resultElement)};
             })
      ->getResult(0);
}

} // namespace attnc::attn_lowering
