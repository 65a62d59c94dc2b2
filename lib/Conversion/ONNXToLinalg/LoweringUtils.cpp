//===- LoweringUtils.cpp - Helpers shared by the onnx lowerings -----------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

AffineMap attnc::lowering::broadcastIndexingMap(RankedTensorType operandType,
                                                RankedTensorType resultType) {
  MLIRContext *context = resultType.getContext();
  int64_t resultRank = resultType.getRank();
  int64_t operandRank = operandType.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t i = 0; i < operandRank; ++i) {
    int64_t resultDim = resultRank - operandRank + i;
    int64_t size = operandType.getDimSize(i);
    if (size == 1 && resultType.getDimSize(resultDim) != 1)
      exprs.push_back(getAffineConstantExpr(0, context));
    else
      exprs.push_back(getAffineDimExpr(resultDim, context));
  }
  return AffineMap::get(resultRank, 0, exprs, context);
}

Value attnc::lowering::createEmptyLike(OpBuilder &builder, Location loc,
                                       RankedTensorType type, Value like) {
  SmallVector<Value> dynamicSizes;
  for (int64_t i = 0; i < type.getRank(); ++i)
    if (type.isDynamicDim(i))
      dynamicSizes.push_back(tensor::DimOp::create(builder, loc, like, i));
  return tensor::EmptyOp::create(builder, loc, type.getShape(),
                                 type.getElementType(), dynamicSizes);
}

SmallVector<Value>
attnc::lowering::getBroadcastDynamicSizes(OpBuilder &builder, Location loc,
                                          RankedTensorType resultType,
                                          ValueRange operands) {
  SmallVector<Value> sizes;
  int64_t resultRank = resultType.getRank();
  for (int64_t dim = 0; dim < resultRank; ++dim) {
    if (!resultType.isDynamicDim(dim))
      continue;
    Value size;
    for (Value operand : operands) {
      auto type = cast<RankedTensorType>(operand.getType());
      int64_t operandDim = dim - (resultRank - type.getRank());
      if (operandDim < 0)
        continue;
      int64_t staticSize = type.getDimSize(operandDim);
      if (ShapedType::isDynamic(staticSize)) {
        if (!size)
          size = tensor::DimOp::create(builder, loc, operand, operandDim);
      } else if (staticSize != 1) {
        size = arith::ConstantIndexOp::create(builder, loc, staticSize);
        break;
      }
    }
    sizes.push_back(size ? size
                         : arith::ConstantIndexOp::create(builder, loc, 1));
  }
  return sizes;
}

Value attnc::lowering::buildBroadcastGeneric(
    OpBuilder &builder, Location loc, RankedTensorType resultType,
    ValueRange inputs,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  SmallVector<AffineMap> maps;
  for (Value input : inputs)
    maps.push_back(broadcastIndexingMap(cast<RankedTensorType>(input.getType()),
                                        resultType));
  maps.push_back(builder.getMultiDimIdentityMap(resultType.getRank()));
  Value init = tensor::EmptyOp::create(
      builder, loc, resultType.getShape(), resultType.getElementType(),
      getBroadcastDynamicSizes(builder, loc, resultType, inputs));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      builder, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
        Value result = body(b, bodyLoc, args.drop_back());
        linalg::YieldOp::create(b, bodyLoc, result);
      });
  return generic.getResult(0);
}

Type attnc::lowering::getComputeType(Type elementType) {
  if (elementType.isF16() || elementType.isBF16())
    return Float32Type::get(elementType.getContext());
  return elementType;
}

Value attnc::lowering::convertFloat(OpBuilder &builder, Location loc,
                                    Value value, Type to) {
  auto from = dyn_cast<FloatType>(value.getType());
  auto target = dyn_cast<FloatType>(to);
  if (!from || !target || from == target)
    return value;
  if (from.getWidth() < target.getWidth())
    return arith::ExtFOp::create(builder, loc, target, value);
  return arith::TruncFOp::create(builder, loc, target, value);
}

Value attnc::lowering::castToType(OpBuilder &builder, Location loc, Value value,
                                  Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(builder, loc, type, value);
}
