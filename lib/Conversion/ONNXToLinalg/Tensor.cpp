//===- Tensor.cpp - Lowering of the tensor onnx ops -----------------------===//
//
// Shape and data-movement ops to tensor (reshapes, slices, concatenation),
// linalg (transpose, fill, broadcast for Tile, generic for broadcasts,
// gathers and selects) and arith. Static shapes are the main case; dynamic
// dims are read with tensor.dim and shape-deciding inputs that are not
// constants are read with tensor.extract at run time.
//
// Each pattern builds the value that the op's *inferred* shapes describe and
// ends with a tensor.cast to the op's result type, which may be more static.
//
//===----------------------------------------------------------------------===//

#include "attnc/Conversion/ONNXToLinalg/ONNXToLinalg.h"

#include "LoweringUtils.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::lowering;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

bool isNone(Value value) { return isa<NoneType>(value.getType()); }

Value indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

Value toValue(OpBuilder &b, Location loc, OpFoldResult ofr) {
  return getValueOrCreateConstantIndexOp(b, loc, ofr);
}

/// Element `i` of a 1-D integer tensor (or the only element of a
/// one-element tensor when `i` is 0) as an index.
Value extractIndex(OpBuilder &b, Location loc, Value tensor, int64_t i) {
  RankedTensorType type = getTensorType(tensor);
  SmallVector<Value> indices;
  for (int64_t d = 0; d < type.getRank(); ++d)
    indices.push_back(indexConstant(b, loc, type.getRank() == 1 ? i : 0));
  Value element = tensor::ExtractOp::create(b, loc, tensor, indices);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), element);
}

/// `x * y` on index values, folded when both are constants or one is 1.
OpFoldResult mul(OpBuilder &b, Location loc, OpFoldResult x, OpFoldResult y) {
  std::optional<int64_t> cx = getConstantIntValue(x), cy = getConstantIntValue(y);
  if (cx && cy)
    return b.getIndexAttr(*cx * *cy);
  if (cx == 1)
    return y;
  if (cy == 1)
    return x;
  return arith::MulIOp::create(b, loc, toValue(b, loc, x), toValue(b, loc, y))
      .getResult();
}

/// `x + y` on index values, folded when both are constants or one is 0.
OpFoldResult add(OpBuilder &b, Location loc, OpFoldResult x, OpFoldResult y) {
  std::optional<int64_t> cx = getConstantIntValue(x), cy = getConstantIntValue(y);
  if (cx && cy)
    return b.getIndexAttr(*cx + *cy);
  if (cx == 0)
    return y;
  if (cy == 0)
    return x;
  return arith::AddIOp::create(b, loc, toValue(b, loc, x), toValue(b, loc, y))
      .getResult();
}

/// `input` reshaped (row-major order kept) to `resultType`:
/// tensor.collapse_shape / tensor.expand_shape when the dims regroup, a
/// collapse to 1-D followed by an expand for other static reshapes, else
/// tensor.reshape with the dims that `getSizes` computes at run time.
FailureOr<Value>
reshapeTo(OpBuilder &b, Location loc, Value input, RankedTensorType resultType,
          function_ref<FailureOr<SmallVector<OpFoldResult>>()> getSizes) {
  RankedTensorType inputType = getTensorType(input);
  if (inputType.getShape() == resultType.getShape())
    return castToType(b, loc, input, resultType);

  if (std::optional<SmallVector<ReassociationIndices>> groups =
          getReassociationIndicesForReshape(inputType, resultType)) {
    if (inputType.getRank() > resultType.getRank()) {
      Value collapsed = tensor::CollapseShapeOp::create(b, loc, input, *groups);
      return castToType(b, loc, collapsed, resultType);
    }
    // An expanded group may hold one dynamic dim: the source dim divided by
    // the group's static dims.
    SmallVector<OpFoldResult> outputShape;
    bool expressible = true;
    for (auto [source, group] : llvm::enumerate(*groups)) {
      int64_t staticProduct = 1, dynamicCount = 0;
      for (int64_t d : group) {
        if (resultType.isDynamicDim(d))
          ++dynamicCount;
        else
          staticProduct *= resultType.getDimSize(d);
      }
      expressible &= dynamicCount <= 1;
      for (int64_t d : group) {
        if (!resultType.isDynamicDim(d)) {
          outputShape.push_back(b.getIndexAttr(resultType.getDimSize(d)));
          continue;
        }
        Value sourceSize =
            toValue(b, loc, tensor::getMixedSize(b, loc, input, source));
        outputShape.push_back(
            staticProduct == 1
                ? sourceSize
                : arith::DivUIOp::create(b, loc, sourceSize,
                                         indexConstant(b, loc, staticProduct))
                      .getResult());
      }
    }
    if (expressible)
      return tensor::ExpandShapeOp::create(b, loc, resultType, input, *groups,
                                           outputShape)
          .getResult();
  }

  if (inputType.hasStaticShape() && resultType.hasStaticShape()) {
    auto all = [](int64_t rank) {
      return SmallVector<ReassociationIndices>{
          llvm::to_vector(llvm::seq<int64_t>(0, rank))};
    };
    auto flatType = RankedTensorType::get({inputType.getNumElements()},
                                          inputType.getElementType());
    Value flat = inputType.getRank() == 1
                     ? input
                     : tensor::CollapseShapeOp::create(b, loc, flatType, input,
                                                       all(inputType.getRank()))
                           .getResult();
    if (resultType.getRank() == 1)
      return flat;
    return tensor::ExpandShapeOp::create(b, loc, resultType, flat,
                                         all(resultType.getRank()))
        .getResult();
  }

  FailureOr<SmallVector<OpFoldResult>> sizes = getSizes();
  if (failed(sizes))
    return failure();
  SmallVector<Value> values;
  for (OpFoldResult size : *sizes)
    values.push_back(toValue(b, loc, size));
  Value shape = tensor::FromElementsOp::create(
      b, loc, RankedTensorType::get({resultType.getRank()}, b.getIndexType()),
      values);
  return tensor::ReshapeOp::create(b, loc, resultType, input, shape)
      .getResult();
}

/// Normalised axes of a constant `axes` input, in [0, rank).
FailureOr<SmallVector<int64_t>> getConstantAxes(Value axes, int64_t rank) {
  std::optional<SmallVector<int64_t>> values = onnx::getConstantIntValues(axes);
  if (!values)
    return failure();
  for (int64_t &axis : *values) {
    if (axis < -rank || axis >= rank)
      return failure();
    if (axis < 0)
      axis += rank;
  }
  return *values;
}

/// The entries of a run-time `axes` input (of static length), normalised
/// into [0, rank).
SmallVector<Value> readAxes(OpBuilder &b, Location loc, Value axes,
                            int64_t rank) {
  SmallVector<Value> values;
  Value zero = indexConstant(b, loc, 0);
  for (int64_t j = 0, e = getTensorType(axes).getDimSize(0); j < e; ++j) {
    Value axis = extractIndex(b, loc, axes, j);
    Value negative =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, axis, zero);
    values.push_back(arith::SelectOp::create(
        b, loc, negative,
        arith::AddIOp::create(b, loc, axis, indexConstant(b, loc, rank)),
        axis));
  }
  return values;
}

/// Whether index `d` is one of `axes`, and how many of `axes` are below it.
std::pair<Value, Value> locateAmongAxes(OpBuilder &b, Location loc,
                                        ArrayRef<Value> axes, int64_t d) {
  Value isAxis = arith::ConstantIntOp::create(b, loc, 0, 1);
  Value below = indexConstant(b, loc, 0);
  Value position = indexConstant(b, loc, d);
  for (Value axis : axes) {
    isAxis = arith::OrIOp::create(
        b, loc, isAxis,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, axis,
                              position));
    Value less =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, axis, position);
    below = arith::AddIOp::create(
        b, loc, below,
        arith::IndexCastUIOp::create(b, loc, b.getIndexType(), less));
  }
  return {isAxis, below};
}

/// Squeeze's result dims for axes known only at run time: result dim `j` is
/// the `j`-th input dim that is not squeezed.
SmallVector<OpFoldResult> getRuntimeSqueezeSizes(OpBuilder &b, Location loc,
                                                 Value data, Value axesTensor,
                                                 int64_t resultRank) {
  int64_t rank = getTensorType(data).getRank();
  SmallVector<Value> axes = readAxes(b, loc, axesTensor, rank);
  SmallVector<Value> sizes(resultRank, indexConstant(b, loc, 1));
  for (int64_t d = 0; d < rank; ++d) {
    auto [removed, below] = locateAmongAxes(b, loc, axes, d);
    Value position =
        arith::SubIOp::create(b, loc, indexConstant(b, loc, d), below);
    Value dim = toValue(b, loc, tensor::getMixedSize(b, loc, data, d));
    Value kept = arith::XOrIOp::create(
        b, loc, removed, arith::ConstantIntOp::create(b, loc, 1, 1));
    for (int64_t j = 0; j < resultRank; ++j) {
      Value here = arith::AndIOp::create(
          b, loc, kept,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, position,
                                indexConstant(b, loc, j)));
      sizes[j] = arith::SelectOp::create(b, loc, here, dim, sizes[j]);
    }
  }
  return getAsOpFoldResult(sizes);
}

/// Unsqueeze's result dims for axes known only at run time: 1 at an axis,
/// else the input dim after skipping the axes below.
SmallVector<OpFoldResult> getRuntimeUnsqueezeSizes(OpBuilder &b, Location loc,
                                                   Value data, Value axesTensor,
                                                   int64_t resultRank) {
  int64_t rank = getTensorType(data).getRank();
  SmallVector<Value> axes = readAxes(b, loc, axesTensor, resultRank);
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d < resultRank; ++d) {
    if (rank == 0) {
      sizes.push_back(b.getIndexAttr(1));
      continue;
    }
    auto [inserted, below] = locateAmongAxes(b, loc, axes, d);
    // Clamped so that tensor.dim stays in range where the dim is inserted.
    Value source = arith::MinSIOp::create(
        b, loc, arith::SubIOp::create(b, loc, indexConstant(b, loc, d), below),
        indexConstant(b, loc, rank - 1));
    Value dim = tensor::DimOp::create(b, loc, data, source);
    sizes.push_back(
        arith::SelectOp::create(b, loc, inserted, indexConstant(b, loc, 1), dim)
            .getResult());
  }
  return sizes;
}

//===----------------------------------------------------------------------===//
// Constant, Identity
//===----------------------------------------------------------------------===//

struct ConstantLowering : OpConversionPattern<onnx::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto value = dyn_cast<TypedAttr>(op.getValue());
    if (!value)
      return rewriter.notifyMatchFailure(op, "value is not a typed attribute");
    rewriter.replaceOp(op, arith::ConstantOp::create(rewriter, op.getLoc(),
                                                     value));
    return success();
  }
};

struct IdentityLowering : OpConversionPattern<onnx::IdentityOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::IdentityOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, castToType(rewriter, op.getLoc(), adaptor.getInput(),
                                      op.getType()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reshape, Flatten, Squeeze, Unsqueeze
//===----------------------------------------------------------------------===//

struct ReshapeLowering : OpConversionPattern<onnx::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    RankedTensorType resultType = op.getType();
    bool allowZero = op.getAllowzero() != 0;
    // Run-time dims: 0 copies data's dim (unless allowzero), -1 takes what
    // the others leave of the element count.
    auto getSizes = [&]() -> FailureOr<SmallVector<OpFoldResult>> {
      OpBuilder &b = rewriter;
      int64_t dataRank = getTensorType(data).getRank();
      Value zero = indexConstant(b, loc, 0), one = indexConstant(b, loc, 1),
            minusOne = indexConstant(b, loc, -1);
      SmallVector<Value> raw;
      Value known = one;
      for (int64_t i = 0; i < resultType.getRank(); ++i) {
        Value size = extractIndex(b, loc, adaptor.getShape(), i);
        if (!allowZero && i < dataRank) {
          Value isZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                               size, zero);
          size = arith::SelectOp::create(
              b, loc, isZero, toValue(b, loc, tensor::getMixedSize(b, loc, data, i)),
              size);
        }
        Value isInferred = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::eq, size, minusOne);
        known = arith::MulIOp::create(
            b, loc, known, arith::SelectOp::create(b, loc, isInferred, one, size));
        raw.push_back(size);
      }
      Value total = one;
      for (OpFoldResult size : tensor::getMixedSizes(b, loc, data))
        total = arith::MulIOp::create(b, loc, total, toValue(b, loc, size));
      Value inferred = arith::DivSIOp::create(
          b, loc, total, arith::MaxSIOp::create(b, loc, known, one));
      SmallVector<OpFoldResult> sizes;
      for (auto [i, size] : llvm::enumerate(raw)) {
        if (!resultType.isDynamicDim(i)) {
          sizes.push_back(b.getIndexAttr(resultType.getDimSize(i)));
          continue;
        }
        Value isInferred = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::eq, size, minusOne);
        sizes.push_back(
            arith::SelectOp::create(b, loc, isInferred, inferred, size)
                .getResult());
      }
      return sizes;
    };
    FailureOr<Value> result =
        reshapeTo(rewriter, loc, data, resultType, getSizes);
    if (failed(result))
      return rewriter.notifyMatchFailure(op, "cannot compute the result dims");
    rewriter.replaceOp(op, *result);
    return success();
  }
};

struct FlattenLowering : OpConversionPattern<onnx::FlattenOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::FlattenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    int64_t rank = getTensorType(input).getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    auto getSizes = [&]() -> FailureOr<SmallVector<OpFoldResult>> {
      SmallVector<OpFoldResult> sizes(2, rewriter.getIndexAttr(1));
      for (auto [d, size] :
           llvm::enumerate(tensor::getMixedSizes(rewriter, loc, input)))
        sizes[static_cast<int64_t>(d) < axis ? 0 : 1] =
            mul(rewriter, loc, sizes[static_cast<int64_t>(d) < axis ? 0 : 1],
                size);
      return sizes;
    };
    FailureOr<Value> result =
        reshapeTo(rewriter, loc, input, op.getType(), getSizes);
    if (failed(result))
      return rewriter.notifyMatchFailure(op, "cannot compute the result dims");
    rewriter.replaceOp(op, *result);
    return success();
  }
};

struct SqueezeLowering : OpConversionPattern<onnx::SqueezeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SqueezeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    RankedTensorType dataType = getTensorType(data);
    auto getSizes = [&]() -> FailureOr<SmallVector<OpFoldResult>> {
      SmallVector<int64_t> removed;
      if (isNone(adaptor.getAxes())) {
        for (int64_t d = 0; d < dataType.getRank(); ++d)
          if (dataType.getDimSize(d) == 1)
            removed.push_back(d);
      } else {
        FailureOr<SmallVector<int64_t>> axes =
            getConstantAxes(adaptor.getAxes(), dataType.getRank());
        if (failed(axes))
          return getRuntimeSqueezeSizes(rewriter, loc, data, adaptor.getAxes(),
                                        op.getType().getRank());
        removed = std::move(*axes);
      }
      SmallVector<OpFoldResult> sizes;
      for (int64_t d = 0; d < dataType.getRank(); ++d)
        if (!llvm::is_contained(removed, d))
          sizes.push_back(tensor::getMixedSize(rewriter, loc, data, d));
      return sizes;
    };
    FailureOr<Value> result =
        reshapeTo(rewriter, loc, data, op.getType(), getSizes);
    if (failed(result))
      return rewriter.notifyMatchFailure(op, "cannot compute the result dims");
    rewriter.replaceOp(op, *result);
    return success();
  }
};

struct UnsqueezeLowering : OpConversionPattern<onnx::UnsqueezeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::UnsqueezeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    RankedTensorType resultType = op.getType();
    auto getSizes = [&]() -> FailureOr<SmallVector<OpFoldResult>> {
      FailureOr<SmallVector<int64_t>> axes =
          getConstantAxes(adaptor.getAxes(), resultType.getRank());
      if (failed(axes))
        return getRuntimeUnsqueezeSizes(rewriter, loc, data, adaptor.getAxes(),
                                        resultType.getRank());
      SmallVector<OpFoldResult> sizes;
      int64_t next = 0;
      for (int64_t d = 0; d < resultType.getRank(); ++d)
        sizes.push_back(llvm::is_contained(*axes, d)
                            ? rewriter.getIndexAttr(1)
                            : tensor::getMixedSize(rewriter, loc, data, next++));
      return sizes;
    };
    FailureOr<Value> result =
        reshapeTo(rewriter, loc, data, resultType, getSizes);
    if (failed(result))
      return rewriter.notifyMatchFailure(op, "cannot compute the result dims");
    rewriter.replaceOp(op, *result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Transpose
//===----------------------------------------------------------------------===//

struct TransposeLowering : OpConversionPattern<onnx::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    RankedTensorType dataType = getTensorType(data);
    SmallVector<int64_t> perm;
    if (std::optional<ArrayRef<int64_t>> attr = op.getPerm())
      perm.assign(attr->begin(), attr->end());
    else
      for (int64_t d = dataType.getRank() - 1; d >= 0; --d)
        perm.push_back(d);
    SmallVector<OpFoldResult> sizes;
    for (int64_t p : perm)
      sizes.push_back(tensor::getMixedSize(rewriter, loc, data, p));
    Value init =
        tensor::EmptyOp::create(rewriter, loc, sizes, dataType.getElementType());
    Value transposed =
        linalg::TransposeOp::create(rewriter, loc, data, init, perm)
            ->getResult(0);
    rewriter.replaceOp(op, castToType(rewriter, loc, transposed, op.getType()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Concat, Split, Slice
//===----------------------------------------------------------------------===//

struct ConcatLowering : OpConversionPattern<onnx::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    RankedTensorType resultType = op.getType();
    int64_t rank = resultType.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();

    // Every dim but the axis is the same in all inputs; take a static one
    // where some input has it.
    SmallVector<OpFoldResult> sizes;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == axis) {
        OpFoldResult total = rewriter.getIndexAttr(0);
        for (Value input : inputs)
          total = add(rewriter, loc, total,
                      tensor::getMixedSize(rewriter, loc, input, d));
        sizes.push_back(total);
        continue;
      }
      Value source = inputs.front();
      for (Value input : inputs)
        if (!getTensorType(input).isDynamicDim(d))
          source = input;
      sizes.push_back(tensor::getMixedSize(rewriter, loc, source, d));
    }
    Value result = tensor::EmptyOp::create(rewriter, loc, sizes,
                                           resultType.getElementType());
    OpFoldResult offset = rewriter.getIndexAttr(0);
    SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
    for (Value input : inputs) {
      // An empty input contributes nothing and may sit one past the end,
      // which insert_slice rejects.
      RankedTensorType inputType = getTensorType(input);
      if (inputType.hasStaticShape() && inputType.getNumElements() == 0)
        continue;
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      offsets[axis] = offset;
      SmallVector<OpFoldResult> inputSizes =
          tensor::getMixedSizes(rewriter, loc, input);
      result = tensor::InsertSliceOp::create(rewriter, loc, input, result,
                                             offsets, inputSizes, strides);
      offset = add(rewriter, loc, offset, inputSizes[axis]);
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct SplitLowering : OpConversionPattern<onnx::SplitOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SplitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    int64_t rank = getTensorType(input).getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    int64_t count = op.getNumResults();
    OpFoldResult dim = tensor::getMixedSize(rewriter, loc, input, axis);

    // The run-time length of piece `i` when its type does not give it.
    auto getLength = [&](int64_t i) -> OpFoldResult {
      if (!isNone(adaptor.getSplit()))
        return extractIndex(rewriter, loc, adaptor.getSplit(), i);
      Value dimValue = toValue(rewriter, loc, dim);
      Value chunk = arith::CeilDivSIOp::create(
          rewriter, loc, dimValue, indexConstant(rewriter, loc, count));
      if (i + 1 < count)
        return chunk;
      Value before = arith::MulIOp::create(
          rewriter, loc, chunk, indexConstant(rewriter, loc, count - 1));
      return arith::SubIOp::create(rewriter, loc, dimValue, before).getResult();
    };

    SmallVector<Value> pieces;
    OpFoldResult offset = rewriter.getIndexAttr(0);
    SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
    for (auto [i, result] : llvm::enumerate(op.getResults())) {
      auto type = cast<RankedTensorType>(result.getType());
      OpFoldResult length = type.isDynamicDim(axis)
                                ? getLength(i)
                                : rewriter.getIndexAttr(type.getDimSize(axis));
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      offsets[axis] = offset;
      SmallVector<OpFoldResult> sizes =
          tensor::getMixedSizes(rewriter, loc, input);
      sizes[axis] = length;
      // An empty piece may start one past the end (e.g. the pass-through
      // part of a full-width rotary split), which extract_slice rejects.
      if (type.hasStaticShape() && type.getNumElements() == 0) {
        pieces.push_back(tensor::EmptyOp::create(
            rewriter, loc, type.getShape(), type.getElementType()));
        offset = add(rewriter, loc, offset, length);
        continue;
      }
      Value piece = tensor::ExtractSliceOp::create(rewriter, loc, input,
                                                   offsets, sizes, strides);
      pieces.push_back(castToType(rewriter, loc, piece, type));
      offset = add(rewriter, loc, offset, length);
    }
    rewriter.replaceOp(op, pieces);
    return success();
  }
};

/// Run-time SliceOp::normalizeRange on index values: {first index, count}.
/// `staticStep` picks one branch when the step's sign is known.
std::pair<Value, Value> buildSliceRange(OpBuilder &b, Location loc, Value dim,
                                        Value start, Value end, Value step,
                                        std::optional<int64_t> staticStep) {
  using Pred = arith::CmpIPredicate;
  Value zero = indexConstant(b, loc, 0), one = indexConstant(b, loc, 1);
  Value minusOne = indexConstant(b, loc, -1);
  auto fromEnd = [&](Value value) {
    Value negative = arith::CmpIOp::create(b, loc, Pred::slt, value, zero);
    return arith::SelectOp::create(b, loc, negative,
                                   arith::AddIOp::create(b, loc, value, dim),
                                   value)
        .getResult();
  };
  auto clamp = [&](Value value, Value lo, Value hi) {
    return arith::MinSIOp::create(b, loc,
                                  arith::MaxSIOp::create(b, loc, value, lo), hi)
        .getResult();
  };
  // count = first < last ? (last - first - 1) / stride + 1 : 0
  auto countOf = [&](Value first, Value last, Value stride) {
    Value nonEmpty = arith::CmpIOp::create(b, loc, Pred::slt, first, last);
    Value span = arith::SubIOp::create(
        b, loc, arith::SubIOp::create(b, loc, last, first), one);
    Value n = arith::AddIOp::create(
        b, loc, arith::DivSIOp::create(b, loc, span, stride), one);
    return arith::SelectOp::create(b, loc, nonEmpty, n, zero).getResult();
  };
  start = fromEnd(start);
  end = fromEnd(end);

  auto forward = [&]() -> std::pair<Value, Value> {
    Value first = clamp(start, zero, dim);
    return {first, countOf(first, clamp(end, zero, dim), step)};
  };
  auto backward = [&]() -> std::pair<Value, Value> {
    Value last = arith::SubIOp::create(b, loc, dim, one);
    Value first = clamp(start, zero, last);
    Value negated = arith::SubIOp::create(b, loc, zero, step);
    return {first, countOf(clamp(end, minusOne, last), first, negated)};
  };
  if (staticStep)
    return *staticStep > 0 ? forward() : backward();
  auto [fwdFirst, fwdCount] = forward();
  auto [bwdFirst, bwdCount] = backward();
  Value positive = arith::CmpIOp::create(b, loc, Pred::sgt, step, zero);
  return {arith::SelectOp::create(b, loc, positive, fwdFirst, bwdFirst),
          arith::SelectOp::create(b, loc, positive, fwdCount, bwdCount)};
}

/// Per data dim, the offset, size and stride that a Slice takes.
struct SliceBounds {
  SmallVector<OpFoldResult> offsets, sizes, strides;
};

/// Slice bounds when the sliced axes are constants (`axes`, normalised);
/// `starts`/`ends`/`steps` are used where constant and read at run time
/// otherwise.
SliceBounds getSliceBounds(OpBuilder &b, Location loc,
                           onnx::SliceOp::Adaptor adaptor,
                           ArrayRef<int64_t> axes) {
  Value data = adaptor.getData();
  RankedTensorType dataType = getTensorType(data);
  int64_t rank = dataType.getRank();
  std::optional<SmallVector<int64_t>> starts =
      onnx::getConstantIntValues(adaptor.getStarts());
  std::optional<SmallVector<int64_t>> ends =
      onnx::getConstantIntValues(adaptor.getEnds());
  std::optional<SmallVector<int64_t>> steps =
      isNone(adaptor.getSteps())
          ? SmallVector<int64_t>(axes.size(), 1)
          : onnx::getConstantIntValues(adaptor.getSteps());

  SliceBounds bounds{SmallVector<OpFoldResult>(rank, b.getIndexAttr(0)),
                     tensor::getMixedSizes(b, loc, data),
                     SmallVector<OpFoldResult>(rank, b.getIndexAttr(1))};
  for (auto [position, axis] : llvm::enumerate(axes)) {
    size_t j = position;
    int64_t dim = dataType.getDimSize(axis);
    if (starts && ends && steps && !ShapedType::isDynamic(dim)) {
      auto [first, count] = onnx::SliceOp::normalizeRange(
          dim, (*starts)[j], (*ends)[j], (*steps)[j]);
      bounds.offsets[axis] = b.getIndexAttr(first);
      bounds.sizes[axis] = b.getIndexAttr(count);
      bounds.strides[axis] = b.getIndexAttr((*steps)[j]);
      continue;
    }
    auto read = [&](const std::optional<SmallVector<int64_t>> &constants,
                    Value tensor) {
      return constants ? indexConstant(b, loc, (*constants)[j])
                       : extractIndex(b, loc, tensor, j);
    };
    std::optional<int64_t> staticStep;
    if (steps)
      staticStep = (*steps)[j];
    Value step = read(steps, adaptor.getSteps());
    auto [first, count] = buildSliceRange(
        b, loc, toValue(b, loc, bounds.sizes[axis]),
        read(starts, adaptor.getStarts()), read(ends, adaptor.getEnds()), step,
        staticStep);
    bounds.offsets[axis] = first;
    bounds.sizes[axis] = count;
    bounds.strides[axis] = staticStep ? OpFoldResult(b.getIndexAttr(*staticStep))
                                      : OpFoldResult(step);
  }
  return bounds;
}

/// Slice bounds when `axes` is only known at run time: every dim takes the
/// entry whose axis names it, or stays whole.
SliceBounds getRuntimeAxesSliceBounds(OpBuilder &b, Location loc,
                                      onnx::SliceOp::Adaptor adaptor,
                                      int64_t length) {
  using Pred = arith::CmpIPredicate;
  Value data = adaptor.getData();
  int64_t rank = getTensorType(data).getRank();
  Value zero = indexConstant(b, loc, 0);
  Value rankValue = indexConstant(b, loc, rank);
  SmallVector<Value> axes, starts, ends, steps;
  for (int64_t j = 0; j < length; ++j) {
    Value axis = extractIndex(b, loc, adaptor.getAxes(), j);
    Value negative = arith::CmpIOp::create(b, loc, Pred::slt, axis, zero);
    axes.push_back(arith::SelectOp::create(
        b, loc, negative, arith::AddIOp::create(b, loc, axis, rankValue),
        axis));
    starts.push_back(extractIndex(b, loc, adaptor.getStarts(), j));
    ends.push_back(extractIndex(b, loc, adaptor.getEnds(), j));
    steps.push_back(isNone(adaptor.getSteps())
                        ? indexConstant(b, loc, 1)
                        : extractIndex(b, loc, adaptor.getSteps(), j));
  }
  SliceBounds bounds;
  for (int64_t d = 0; d < rank; ++d) {
    Value dim = toValue(b, loc, tensor::getMixedSize(b, loc, data, d));
    Value start = zero, end = dim, step = indexConstant(b, loc, 1);
    for (int64_t j = 0; j < length; ++j) {
      Value named = arith::CmpIOp::create(b, loc, Pred::eq, axes[j],
                                          indexConstant(b, loc, d));
      start = arith::SelectOp::create(b, loc, named, starts[j], start);
      end = arith::SelectOp::create(b, loc, named, ends[j], end);
      step = arith::SelectOp::create(b, loc, named, steps[j], step);
    }
    auto [first, count] =
        buildSliceRange(b, loc, dim, start, end, step, std::nullopt);
    bounds.offsets.push_back(first);
    bounds.sizes.push_back(count);
    bounds.strides.push_back(step);
  }
  return bounds;
}

struct SliceLowering : OpConversionPattern<onnx::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    RankedTensorType dataType = getTensorType(data);
    int64_t rank = dataType.getRank();
    int64_t length = getTensorType(adaptor.getStarts()).getDimSize(0);

    SliceBounds bounds;
    if (isNone(adaptor.getAxes())) {
      if (ShapedType::isDynamic(length))
        return rewriter.notifyMatchFailure(op, "starts has a dynamic length");
      bounds = getSliceBounds(rewriter, loc, adaptor,
                              llvm::to_vector(llvm::seq<int64_t>(0, length)));
    } else if (FailureOr<SmallVector<int64_t>> axes =
                   getConstantAxes(adaptor.getAxes(), rank);
               succeeded(axes)) {
      bounds = getSliceBounds(rewriter, loc, adaptor, *axes);
    } else {
      if (ShapedType::isDynamic(length))
        return rewriter.notifyMatchFailure(
            op, "run-time axes need starts of static length");
      bounds = getRuntimeAxesSliceBounds(rewriter, loc, adaptor, length);
    }
    SmallVector<OpFoldResult> &offsets = bounds.offsets;
    SmallVector<OpFoldResult> &sizes = bounds.sizes;
    SmallVector<OpFoldResult> &strides = bounds.strides;

    Value result;
    bool forward = llvm::all_of(strides, [](OpFoldResult stride) {
      std::optional<int64_t> value = getConstantIntValue(stride);
      return value && *value > 0;
    });
    if (forward) {
      result = tensor::ExtractSliceOp::create(rewriter, loc, data, offsets,
                                              sizes, strides);
    } else {
      // Negative or run-time steps: read element by element.
      Value init = tensor::EmptyOp::create(rewriter, loc, sizes,
                                           dataType.getElementType());
      auto initType = getTensorType(init);
      SmallVector<utils::IteratorType> iterators(rank,
                                                 utils::IteratorType::parallel);
      result =
          linalg::GenericOp::create(
              rewriter, loc, TypeRange{initType}, ValueRange{},
              ValueRange{init},
              SmallVector<AffineMap>{rewriter.getMultiDimIdentityMap(rank)},
              iterators,
              [&](OpBuilder &b, Location bodyLoc, ValueRange) {
                SmallVector<Value> indices;
                for (int64_t d = 0; d < rank; ++d) {
                  // offset + i * stride
                  OpFoldResult i =
                      linalg::IndexOp::create(b, bodyLoc, d).getResult();
                  indices.push_back(toValue(
                      b, bodyLoc,
                      add(b, bodyLoc, offsets[d],
                          mul(b, bodyLoc, i, strides[d]))));
                }
                Value element =
                    tensor::ExtractOp::create(b, bodyLoc, data, indices);
                linalg::YieldOp::create(b, bodyLoc, element);
              })
              .getResult(0);
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Gather, Expand
//===----------------------------------------------------------------------===//

struct GatherLowering : OpConversionPattern<onnx::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    Value indices = adaptor.getIndices();
    RankedTensorType dataType = getTensorType(data);
    int64_t rank = dataType.getRank();
    int64_t indexRank = getTensorType(indices).getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    int64_t resultRank = rank - 1 + indexRank;

    SmallVector<OpFoldResult> sizes;
    for (int64_t d = 0; d < resultRank; ++d) {
      if (d < axis)
        sizes.push_back(tensor::getMixedSize(rewriter, loc, data, d));
      else if (d < axis + indexRank)
        sizes.push_back(tensor::getMixedSize(rewriter, loc, indices, d - axis));
      else
        sizes.push_back(
            tensor::getMixedSize(rewriter, loc, data, d - indexRank + 1));
    }
    Value init = tensor::EmptyOp::create(rewriter, loc, sizes,
                                         dataType.getElementType());
    Value dim = toValue(rewriter, loc,
                        tensor::getMixedSize(rewriter, loc, data, axis));

    SmallVector<AffineExpr> indexExprs;
    for (int64_t j = 0; j < indexRank; ++j)
      indexExprs.push_back(rewriter.getAffineDimExpr(axis + j));
    SmallVector<AffineMap> maps{
        AffineMap::get(resultRank, 0, indexExprs, rewriter.getContext()),
        rewriter.getMultiDimIdentityMap(resultRank)};
    SmallVector<utils::IteratorType> iterators(resultRank,
                                               utils::IteratorType::parallel);
    Value result =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{init.getType()}, ValueRange{indices},
            ValueRange{init}, maps, iterators,
            [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
              using Pred = arith::CmpIPredicate;
              Value index = arith::IndexCastOp::create(
                  b, bodyLoc, b.getIndexType(), args[0]);
              Value zero = indexConstant(b, bodyLoc, 0);
              Value negative =
                  arith::CmpIOp::create(b, bodyLoc, Pred::slt, index, zero);
              index = arith::SelectOp::create(
                  b, bodyLoc, negative,
                  arith::AddIOp::create(b, bodyLoc, index, dim), index);
              // ONNX leaves out-of-range indices undefined; clamping keeps
              // the read inside the buffer.
              Value last = arith::SubIOp::create(b, bodyLoc, dim,
                                                 indexConstant(b, bodyLoc, 1));
              index = arith::MinSIOp::create(
                  b, bodyLoc, arith::MaxSIOp::create(b, bodyLoc, index, zero),
                  last);
              SmallVector<Value> coords;
              for (int64_t d = 0; d < rank; ++d) {
                if (d == axis)
                  coords.push_back(index);
                else
                  coords.push_back(linalg::IndexOp::create(
                      b, bodyLoc, d < axis ? d : d - 1 + indexRank));
              }
              Value element =
                  tensor::ExtractOp::create(b, bodyLoc, data, coords);
              linalg::YieldOp::create(b, bodyLoc, element);
            })
            .getResult(0);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct ExpandLowering : OpConversionPattern<onnx::ExpandOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    RankedTensorType inputType = getTensorType(input);
    RankedTensorType resultType = op.getType();
    int64_t rank = resultType.getRank();
    int64_t shapeLength = getTensorType(adaptor.getShape()).getDimSize(0);
    // A dynamic input dim is read as if it did not broadcast (the indexing
    // map only stretches static size-1 dims).
    for (int64_t d = 0; d < inputType.getRank(); ++d)
      if (inputType.isDynamicDim(d) &&
          resultType.getDimSize(rank - inputType.getRank() + d) != 1 &&
          !resultType.isDynamicDim(rank - inputType.getRank() + d))
        return rewriter.notifyMatchFailure(
            op, "a dynamic input dim may broadcast to a static one");

    SmallVector<Value> dynamicSizes;
    for (int64_t d = 0; d < rank; ++d) {
      if (!resultType.isDynamicDim(d))
        continue;
      // max(shape entry, input dim): one of them is 1 or they are equal.
      Value size = indexConstant(rewriter, loc, 1);
      int64_t s = d - (rank - shapeLength);
      if (s >= 0)
        size = extractIndex(rewriter, loc, adaptor.getShape(), s);
      int64_t i = d - (rank - inputType.getRank());
      if (i >= 0)
        size = arith::MaxSIOp::create(
            rewriter, loc, size,
            toValue(rewriter, loc,
                    tensor::getMixedSize(rewriter, loc, input, i)));
      dynamicSizes.push_back(size);
    }
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType(),
                                         dynamicSizes);
    SmallVector<AffineMap> maps{broadcastIndexingMap(inputType, resultType),
                                rewriter.getMultiDimIdentityMap(rank)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Value result = linalg::GenericOp::create(
                       rewriter, loc, TypeRange{resultType}, ValueRange{input},
                       ValueRange{init}, maps, iterators,
                       [](OpBuilder &b, Location bodyLoc, ValueRange args) {
                         linalg::YieldOp::create(b, bodyLoc, args[0]);
                       })
                       .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// numpy.tile without index arithmetic: the input (n_0 x n_1 x ...) is
/// broadcast to r_0 x n_0 x r_1 x n_1 x ..., one new outer dim per input dim
/// holding its copies, whose row-major order is that of the tiled tensor;
/// collapsing each (r_d, n_d) pair gives it.
struct TileLowering : OpConversionPattern<onnx::TileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    RankedTensorType inputType = getTensorType(input);
    int64_t rank = inputType.getRank();
    if (rank == 0) {
      rewriter.replaceOp(op, castToType(rewriter, loc, input, op.getType()));
      return success();
    }
    std::optional<SmallVector<int64_t>> repeats =
        onnx::getConstantIntValues(op.getRepeats());
    SmallVector<OpFoldResult> sizes;
    SmallVector<int64_t> copyDims;
    SmallVector<ReassociationIndices> pairs;
    for (int64_t d = 0; d < rank; ++d) {
      sizes.push_back(
          repeats ? OpFoldResult(rewriter.getIndexAttr((*repeats)[d]))
                  : OpFoldResult(
                        extractIndex(rewriter, loc, adaptor.getRepeats(), d)));
      sizes.push_back(tensor::getMixedSize(rewriter, loc, input, d));
      copyDims.push_back(2 * d);
      pairs.push_back({2 * d, 2 * d + 1});
    }
    Value init = tensor::EmptyOp::create(rewriter, loc, sizes,
                                         inputType.getElementType());
    Value copies =
        linalg::BroadcastOp::create(rewriter, loc, input, init, copyDims)
            .getResult()[0];
    Value tiled = tensor::CollapseShapeOp::create(rewriter, loc, copies, pairs);
    rewriter.replaceOp(op, castToType(rewriter, loc, tiled, op.getType()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Shape, Size, ConstantOfShape, Range
//===----------------------------------------------------------------------===//

Value dimAsI64(OpBuilder &b, Location loc, Value tensor, int64_t d) {
  RankedTensorType type = getTensorType(tensor);
  if (!type.isDynamicDim(d))
    return arith::ConstantIntOp::create(b, loc, type.getDimSize(d), 64);
  Value dim = tensor::DimOp::create(b, loc, tensor, d);
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), dim);
}

struct ShapeLowering : OpConversionPattern<onnx::ShapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value data = adaptor.getData();
    int64_t rank = getTensorType(data).getRank();
    auto clamp = [rank](int64_t value) {
      return std::clamp<int64_t>(value < 0 ? value + rank : value, 0, rank);
    };
    int64_t first = clamp(op.getStart());
    int64_t last = std::max(first, clamp(op.getEnd().value_or(rank)));
    SmallVector<Value> dims;
    for (int64_t d = first; d < last; ++d)
      dims.push_back(dimAsI64(rewriter, op.getLoc(), data, d));
    Value shape = tensor::FromElementsOp::create(
        rewriter, op.getLoc(),
        RankedTensorType::get({last - first}, rewriter.getI64Type()), dims);
    rewriter.replaceOp(op,
                       castToType(rewriter, op.getLoc(), shape, op.getType()));
    return success();
  }
};

struct SizeLowering : OpConversionPattern<onnx::SizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    Value count = arith::ConstantIntOp::create(rewriter, loc, 1, 64);
    for (int64_t d = 0; d < getTensorType(data).getRank(); ++d)
      count = arith::MulIOp::create(rewriter, loc, count,
                                    dimAsI64(rewriter, loc, data, d));
    rewriter.replaceOp(op, tensor::FromElementsOp::create(
                               rewriter, loc, op.getType(), count));
    return success();
  }
};

struct ConstantOfShapeLowering : OpConversionPattern<onnx::ConstantOfShapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConstantOfShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    TypedAttr scalar = rewriter.getZeroAttr(resultType.getElementType());
    if (ElementsAttr value = op.getValueAttr()) {
      auto dense = dyn_cast<DenseElementsAttr>(value);
      if (!dense)
        return rewriter.notifyMatchFailure(op, "value is not a dense constant");
      scalar = cast<TypedAttr>(*dense.getValues<Attribute>().begin());
    }
    SmallVector<Value> dynamicSizes;
    for (int64_t d = 0; d < resultType.getRank(); ++d)
      if (resultType.isDynamicDim(d))
        dynamicSizes.push_back(
            extractIndex(rewriter, loc, adaptor.getInput(), d));
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType(),
                                         dynamicSizes);
    Value fill = arith::ConstantOp::create(rewriter, loc, scalar);
    rewriter.replaceOp(op, linalg::FillOp::create(rewriter, loc,
                                                  ValueRange{fill},
                                                  ValueRange{init})
                               ->getResult(0));
    return success();
  }
};

struct RangeLowering : OpConversionPattern<onnx::RangeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::RangeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    Type computeType = getComputeType(elementType);
    auto scalar = [&](Value tensor) {
      Value value = tensor::ExtractOp::create(rewriter, loc, tensor,
                                              ValueRange{});
      return convertFloat(rewriter, loc, value, computeType);
    };
    Value start = scalar(adaptor.getStart());
    Value delta = scalar(adaptor.getDelta());
    bool isFloat = isa<FloatType>(elementType);

    SmallVector<Value> dynamicSizes;
    if (resultType.isDynamicDim(0)) {
      // max(ceil((limit - start) / delta), 0)
      Value limit = scalar(adaptor.getLimit());
      Value count;
      if (isFloat) {
        Value span = arith::SubFOp::create(rewriter, loc, limit, start);
        Value steps = math::CeilOp::create(
            rewriter, loc, arith::DivFOp::create(rewriter, loc, span, delta));
        count = arith::FPToSIOp::create(rewriter, loc, rewriter.getI64Type(),
                                        steps);
      } else {
        Value span = arith::SubIOp::create(rewriter, loc, limit, start);
        count = arith::CeilDivSIOp::create(rewriter, loc, span, delta);
      }
      Value index =
          arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(), count);
      dynamicSizes.push_back(arith::MaxSIOp::create(
          rewriter, loc, index, indexConstant(rewriter, loc, 0)));
    }
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         elementType, dynamicSizes);
    Value result =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
            SmallVector<AffineMap>{rewriter.getMultiDimIdentityMap(1)},
            SmallVector<utils::IteratorType>{utils::IteratorType::parallel},
            [&](OpBuilder &b, Location bodyLoc, ValueRange) {
              Value i = linalg::IndexOp::create(b, bodyLoc, 0);
              Value value;
              if (isFloat) {
                Value i64 =
                    arith::IndexCastOp::create(b, bodyLoc, b.getI64Type(), i);
                Value fi =
                    arith::SIToFPOp::create(b, bodyLoc, computeType, i64);
                value = arith::AddFOp::create(
                    b, bodyLoc, start,
                    arith::MulFOp::create(b, bodyLoc, fi, delta));
                value = convertFloat(b, bodyLoc, value, elementType);
              } else {
                Value ii =
                    arith::IndexCastOp::create(b, bodyLoc, elementType, i);
                value = arith::AddIOp::create(
                    b, bodyLoc, start,
                    arith::MulIOp::create(b, bodyLoc, ii, delta));
              }
              linalg::YieldOp::create(b, bodyLoc, value);
            })
            .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Trilu, Where, TensorScatter
//===----------------------------------------------------------------------===//

struct TriluLowering : OpConversionPattern<onnx::TriluOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    RankedTensorType resultType = op.getType();
    int64_t rank = resultType.getRank();
    Value k = isNone(adaptor.getK())
                  ? indexConstant(rewriter, loc, 0)
                  : extractIndex(rewriter, loc, adaptor.getK(), 0);
    bool upper = op.getUpper() != 0;
    Value zero = arith::ConstantOp::create(
        rewriter, loc, rewriter.getZeroAttr(resultType.getElementType()));
    Value init = createEmptyLike(rewriter, loc, resultType, input);
    SmallVector<AffineMap> maps(2, rewriter.getMultiDimIdentityMap(rank));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Value result =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{resultType}, ValueRange{input},
            ValueRange{init}, maps, iterators,
            [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
              // Keep x[i, j] when j - i >= k (upper) or j - i <= k (lower).
              Value i = linalg::IndexOp::create(b, bodyLoc, rank - 2);
              Value j = linalg::IndexOp::create(b, bodyLoc, rank - 1);
              Value diagonal = arith::SubIOp::create(b, bodyLoc, j, i);
              Value keep = arith::CmpIOp::create(
                  b, bodyLoc,
                  upper ? arith::CmpIPredicate::sge : arith::CmpIPredicate::sle,
                  diagonal, k);
              linalg::YieldOp::create(
                  b, bodyLoc,
                  arith::SelectOp::create(b, bodyLoc, keep, args[0], zero)
                      .getResult());
            })
            .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct WhereLowering : OpConversionPattern<onnx::WhereOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::WhereOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = buildBroadcastGeneric(
        rewriter, op.getLoc(), op.getType(),
        ValueRange{adaptor.getCondition(), adaptor.getX(), adaptor.getY()},
        [](OpBuilder &b, Location loc, ValueRange args) {
          return arith::SelectOp::create(b, loc, args[0], args[1], args[2])
              .getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct TensorScatterLowering : OpConversionPattern<onnx::TensorScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TensorScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value past = adaptor.getPastCache();
    Value update = adaptor.getUpdate();
    Value writeIndices = adaptor.getWriteIndices();
    RankedTensorType resultType = op.getType();
    int64_t rank = resultType.getRank();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    bool circular = op.getMode() == "circular";
    Value maxLength =
        toValue(rewriter, loc, tensor::getMixedSize(rewriter, loc, past, axis));
    Value length = toValue(rewriter, loc,
                           tensor::getMixedSize(rewriter, loc, update, axis));

    // One pass over the output: element [b, .., p, ..] holds
    // update[b, .., s, ..] for s = p - write_indices[b] (mod max_seq when
    // circular) if 0 <= s < seq, and past_cache's element otherwise.
    Value init = createEmptyLike(rewriter, loc, resultType, past);
    SmallVector<AffineMap> maps(2, rewriter.getMultiDimIdentityMap(rank));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Value result =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{resultType}, ValueRange{past},
            ValueRange{init}, maps, iterators,
            [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
              using Pred = arith::CmpIPredicate;
              Value zero = indexConstant(b, bodyLoc, 0);
              SmallVector<Value> coords;
              for (int64_t d = 0; d < rank; ++d)
                coords.push_back(linalg::IndexOp::create(b, bodyLoc, d));
              Value position = coords[axis];
              Value offset = position;
              if (!isNone(writeIndices)) {
                Value written = tensor::ExtractOp::create(
                    b, bodyLoc, writeIndices, coords.front());
                Value start = arith::IndexCastOp::create(
                    b, bodyLoc, b.getIndexType(), written);
                offset = arith::SubIOp::create(b, bodyLoc, position, start);
              }
              if (circular) {
                Value rem =
                    arith::RemSIOp::create(b, bodyLoc, offset, maxLength);
                Value negative =
                    arith::CmpIOp::create(b, bodyLoc, Pred::slt, rem, zero);
                offset = arith::SelectOp::create(
                    b, bodyLoc, negative,
                    arith::AddIOp::create(b, bodyLoc, rem, maxLength), rem);
              }
              Value inRange = arith::AndIOp::create(
                  b, bodyLoc,
                  arith::CmpIOp::create(b, bodyLoc, Pred::sge, offset, zero),
                  arith::CmpIOp::create(b, bodyLoc, Pred::slt, offset, length));
              // scf.if, not select: the update is only read in range.
              auto branch = scf::IfOp::create(
                  b, bodyLoc, inRange,
                  [&](OpBuilder &then, Location thenLoc) {
                    coords[axis] = offset;
                    Value element =
                        tensor::ExtractOp::create(then, thenLoc, update, coords);
                    scf::YieldOp::create(then, thenLoc, element);
                  },
                  [&](OpBuilder &other, Location otherLoc) {
                    scf::YieldOp::create(other, otherLoc, args[0]);
                  });
              linalg::YieldOp::create(b, bodyLoc, branch.getResult(0));
            })
            .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Cast, CastLike
//===----------------------------------------------------------------------===//

/// One element converted as ONNX Cast does (truncation toward zero for
/// floats to integers, `!= 0` to bool, bool as 0/1).
Value castScalar(OpBuilder &b, Location loc, Value value, Type to) {
  Type from = value.getType();
  if (from == to)
    return value;
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (fromFloat && toFloat) {
    // f16 <-> bf16 have one width: go through f32.
    if (fromFloat.getWidth() == toFloat.getWidth())
      value = arith::ExtFOp::create(b, loc, b.getF32Type(), value);
    return convertFloat(b, loc, value, to);
  }
  if (fromFloat) {
    if (to.isInteger(1)) {
      Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(from));
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, value,
                                   zero);
    }
    return arith::FPToSIOp::create(b, loc, to, value);
  }
  if (toFloat) {
    if (from.isInteger(1))
      return arith::UIToFPOp::create(b, loc, to, value);
    return arith::SIToFPOp::create(b, loc, to, value);
  }
  unsigned fromWidth = from.getIntOrFloatBitWidth();
  unsigned toWidth = to.getIntOrFloatBitWidth();
  if (toWidth == 1) {
    Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(from));
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, value, zero);
  }
  if (fromWidth == 1)
    return arith::ExtUIOp::create(b, loc, to, value);
  if (fromWidth < toWidth)
    return arith::ExtSIOp::create(b, loc, to, value);
  return arith::TruncIOp::create(b, loc, to, value);
}

template <typename CastOpTy>
struct CastLowering : OpConversionPattern<CastOpTy> {
  using OpConversionPattern<CastOpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CastOpTy op, typename CastOpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType = op.getType();
    Type to = resultType.getElementType();
    Value result = buildBroadcastGeneric(
        rewriter, op.getLoc(), resultType, ValueRange{adaptor.getInput()},
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return castScalar(b, loc, args[0], to);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::populateONNXTensorToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, IdentityLowering, ReshapeLowering,
               FlattenLowering, SqueezeLowering, UnsqueezeLowering,
               TransposeLowering, ConcatLowering, SplitLowering, SliceLowering,
               GatherLowering, ExpandLowering, TileLowering, ShapeLowering,
               SizeLowering, ConstantOfShapeLowering, RangeLowering,
               TriluLowering, WhereLowering, TensorScatterLowering,
               CastLowering<onnx::CastOp>, CastLowering<onnx::CastLikeOp>>(
      patterns.getContext());
}
