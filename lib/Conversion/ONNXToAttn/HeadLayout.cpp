//===- HeadLayout.cpp - Moving between packed and per-head layouts --------===//

#include "HeadLayout.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"

using namespace mlir;

namespace attnc::onnx_to_attn {

namespace {

/// tensor.empty of `shape` whose dynamic dims come from `source`'s dims
/// `sourceDims` (one entry per result dim).
Value emptyFrom(OpBuilder &builder, Location loc, ArrayRef<int64_t> shape,
                Type element, Value source, ArrayRef<int64_t> sourceDims) {
  SmallVector<Value> dynamic;
  for (auto [dim, sourceDim] : llvm::zip_equal(shape, sourceDims))
    if (ShapedType::isDynamic(dim))
      dynamic.push_back(tensor::DimOp::create(builder, loc, source, sourceDim));
  return tensor::EmptyOp::create(builder, loc, shape, element, dynamic);
}

} // namespace

Value splitHeads(OpBuilder &builder, Location loc, Value packed,
                 int64_t heads) {
  auto type = cast<RankedTensorType>(packed.getType());
  int64_t batch = type.getDimSize(0), seq = type.getDimSize(1);
  int64_t dim = type.getDimSize(2) / heads;
  auto bshd = RankedTensorType::get({batch, seq, heads, dim},
                                    type.getElementType());
  SmallVector<OpFoldResult> outputShape = {
      tensor::getMixedSize(builder, loc, packed, 0),
      tensor::getMixedSize(builder, loc, packed, 1),
      builder.getIndexAttr(heads), builder.getIndexAttr(dim)};
  Value expanded = tensor::ExpandShapeOp::create(
      builder, loc, bshd, packed, {{0}, {1}, {2, 3}}, outputShape);
  Value init = emptyFrom(builder, loc, {batch, heads, seq, dim},
                         type.getElementType(), expanded, {0, 2, 1, 3});
  return linalg::TransposeOp::create(builder, loc, expanded, init,
                                     ArrayRef<int64_t>{0, 2, 1, 3})
      ->getResult(0);
}

Value mergeHeads(OpBuilder &builder, Location loc, Value perHead) {
  auto type = cast<RankedTensorType>(perHead.getType());
  ArrayRef<int64_t> s = type.getShape();
  Value init = emptyFrom(builder, loc, {s[0], s[2], s[1], s[3]},
                         type.getElementType(), perHead, {0, 2, 1, 3});
  Value bshd = linalg::TransposeOp::create(builder, loc, perHead, init,
                                           ArrayRef<int64_t>{0, 2, 1, 3})
                   ->getResult(0);
  return tensor::CollapseShapeOp::create(builder, loc, bshd,
                                         {{0}, {1}, {2, 3}});
}

Value concatSequence(OpBuilder &builder, Location loc, Value past,
                     Value current) {
  auto pastType = cast<RankedTensorType>(past.getType());
  ArrayRef<int64_t> p = pastType.getShape();
  ArrayRef<int64_t> s = cast<RankedTensorType>(current.getType()).getShape();
  // Each dim from whichever operand knows it; P + S when both are known.
  auto known = [](int64_t a, int64_t b) {
    return ShapedType::isDynamic(a) ? b : a;
  };
  int64_t total = ShapedType::isDynamic(p[2]) || ShapedType::isDynamic(s[2])
                      ? ShapedType::kDynamic
                      : p[2] + s[2];
  auto type = pastType.clone(
      {known(p[0], s[0]), known(p[1], s[1]), total, known(p[3], s[3])});
  return attn::KVCacheAppendOp::create(builder, loc, type, past, current);
}

Value unusedResult(OpBuilder &builder, Location loc, Type type) {
  return ub::PoisonOp::create(builder, loc, type);
}

FloatType floatTypeOfONNXCode(MLIRContext *context, int64_t code) {
  switch (code) {
  case 1:
    return Float32Type::get(context);
  case 10:
    return Float16Type::get(context);
  case 11:
    return Float64Type::get(context);
  case 16:
    return BFloat16Type::get(context);
  default:
    return nullptr;
  }
}

} // namespace attnc::onnx_to_attn
