//===- AttnLoweringUtils.cpp - Builders shared by the attn lowerings ------===//

#include "AttnLoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace attnc::attn_lowering {

OpFoldResult getDimSize(OpBuilder &b, Location loc, Value value, int64_t dim) {
  return tensor::getMixedSize(b, loc, value, dim);
}

Value getDimIndex(OpBuilder &b, Location loc, Value value, int64_t dim) {
  return getValueOrCreateConstantIndexOp(b, loc,
                                         getDimSize(b, loc, value, dim));
}

Value createEmpty(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                  Type elementType) {
  return tensor::EmptyOp::create(b, loc, sizes, elementType);
}

Value createFilled(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                   Value value) {
  Value empty = createEmpty(b, loc, sizes, value.getType());
  return linalg::FillOp::create(b, loc, ValueRange{value}, ValueRange{empty})
      .getResult(0);
}

Value createFloat(OpBuilder &b, Location loc, FloatType type, double value) {
  return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, value));
}

Value createNegInf(OpBuilder &b, Location loc, FloatType type) {
  APFloat inf = APFloat::getInf(type.getFloatSemantics(), /*Negative=*/true);
  return arith::ConstantOp::create(b, loc, type, FloatAttr::get(type, inf));
}

Value castFloat(OpBuilder &b, Location loc, Value value, Type to) {
  auto from = llvm::cast<FloatType>(value.getType());
  auto target = llvm::cast<FloatType>(to);
  if (from == target)
    return value;
  if (from.getWidth() < target.getWidth())
    return arith::ExtFOp::create(b, loc, target, value);
  return arith::TruncFOp::create(b, loc, target, value);
}

Value castToIndex(OpBuilder &b, Location loc, Value value) {
  if (value.getType().isIndex())
    return value;
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), value);
}

Value sizeToFloat(OpBuilder &b, Location loc, OpFoldResult size,
                  FloatType type) {
  if (std::optional<int64_t> constant = getConstantIntValue(size))
    return createFloat(b, loc, type, static_cast<double>(*constant));
  Value asInt = arith::IndexCastOp::create(b, loc, b.getI64Type(),
                                           llvm::cast<Value>(size));
  return arith::SIToFPOp::create(b, loc, type, asInt);
}

FloatType getComputeType(Type element) {
  auto type = llvm::cast<FloatType>(element);
  if (type.getWidth() >= 32)
    return type;
  return Float32Type::get(type.getContext());
}

SmallVector<utils::IteratorType> getIterators(unsigned numParallel,
                                              unsigned numReduction) {
  SmallVector<utils::IteratorType> iterators(numParallel,
                                             utils::IteratorType::parallel);
  iterators.append(numReduction, utils::IteratorType::reduction);
  return iterators;
}

AffineMap getBroadcastMap(ArrayRef<int64_t> shape, ArrayRef<int64_t> targetShape,
                          unsigned numLoops, MLIRContext *context) {
  SmallVector<AffineExpr> results;
  size_t lead = targetShape.size() - shape.size();
  for (auto [i, size] : llvm::enumerate(shape)) {
    // A size-1 dim broadcasts unless the target is also 1, where reading the
    // loop index or 0 is the same; a constant keeps the map simple.
    if (size == 1)
      results.push_back(getAffineConstantExpr(0, context));
    else
      results.push_back(getAffineDimExpr(lead + i, context));
  }
  return AffineMap::get(numLoops, 0, results, context);
}

Operation *createGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                         ValueRange outputs, ArrayRef<AffineMap> maps,
                         ArrayRef<utils::IteratorType> iterators,
                         GenericBody body) {
  SmallVector<Type> resultTypes = llvm::to_vector(outputs.getTypes());
  return linalg::GenericOp::create(
      b, loc, resultTypes, inputs, outputs, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        SmallVector<Value> yielded = body(nested, nestedLoc, args);
        linalg::YieldOp::create(nested, nestedLoc, yielded);
      });
}

Value buildBatchRowLoop(OpBuilder &b, Location loc, Value rows,
                        int64_t rowDim, Value init, BatchRowBody body) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  scf::LoopNest nest = scf::buildLoopNest(
      b, loc, ValueRange{zero, zero},
      ValueRange{getDimIndex(b, loc, rows, 0),
                 getDimIndex(b, loc, rows, rowDim)},
      ValueRange{one, one}, ValueRange{init},
      [&](OpBuilder &nb, Location nl, ValueRange ivs,
          ValueRange acc) -> scf::ValueVector {
        return {body(nb, nl, ivs[0], ivs[1], acc[0])};
      });
  return nest.results[0];
}

Value scaleAndCast(OpBuilder &b, Location loc, Value value, Value scale,
                   Type element) {
  auto type = cast<RankedTensorType>(value.getType());
  if (!scale && type.getElementType() == element)
    return value;
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0; dim < type.getRank(); ++dim)
    sizes.push_back(getDimSize(b, loc, value, dim));
  AffineMap identity =
      AffineMap::getMultiDimIdentityMap(type.getRank(), b.getContext());
  return createGeneric(b, loc, {value},
                       {createEmpty(b, loc, sizes, element)},
                       {identity, identity}, getIterators(type.getRank()),
                       [&](OpBuilder &nb, Location nl, ValueRange args) {
                         Value x = args[0];
                         if (scale)
                           x = arith::MulFOp::create(nb, nl, x, scale);
                         return SmallVector<Value>{
                             castFloat(nb, nl, x, element)};
                       })
      ->getResult(0);
}

} // namespace attnc::attn_lowering
