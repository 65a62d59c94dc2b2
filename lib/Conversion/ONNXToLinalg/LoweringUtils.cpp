//===- LoweringUtils.cpp - Helpers shared by the onnx lowerings -----------===//

#include "LoweringUtils.h"

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
