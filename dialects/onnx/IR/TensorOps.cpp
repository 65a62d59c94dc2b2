//===- TensorOps.cpp - Shape and data-movement ONNX ops -------------------===//
//
// Result type inference and folders of the ops in ONNXTensorOps.td. Folders
// compute on DenseElementsAttr: reinterpretations (Identity, Reshape, Flatten,
// Squeeze, Unsqueeze) reuse the attribute's storage at any size; everything
// else materialises at most kMaxFoldElements elements, enough for the integer
// shape arithmetic that import must see as constants.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::onnx;

namespace {

/// Folders that compute element by element stop at this many result elements.
constexpr int64_t kMaxFoldElements = 1024;

RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

bool isNone(Value value) { return isa<NoneType>(value.getType()); }

/// `type` if it is a static tensor type of at most kMaxFoldElements elements.
RankedTensorType getSmallStaticType(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape() ||
      tensor.getNumElements() > kMaxFoldElements)
    return nullptr;
  return tensor;
}

std::optional<SmallVector<int64_t>> getIntValues(Attribute attr) {
  auto ints = dyn_cast_or_null<DenseIntElementsAttr>(attr);
  if (!ints)
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const APInt &value : ints.getValues<APInt>())
    values.push_back(value.getSExtValue());
  return values;
}

/// The element count of a static shape, or nothing when it overflows
/// int64 (shapes read from a model file can hold any value).
std::optional<int64_t> getNumElements(ArrayRef<int64_t> shape) {
  std::optional<int64_t> count = 1;
  for (int64_t dim : shape) {
    count = llvm::checkedMul(*count, dim);
    if (!count)
      return std::nullopt;
  }
  return count;
}

bool isStatic(ArrayRef<int64_t> shape) {
  return llvm::none_of(shape, ShapedType::isDynamic);
}

/// Row-major strides of a static shape.
SmallVector<int64_t> getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/// The elements of a `resultType` tensor whose element at multi-index `index`
/// is `source`'s element at flat position `sourceIndex(index)`.
DenseElementsAttr
gatherElements(DenseElementsAttr source, RankedTensorType resultType,
               function_ref<int64_t(ArrayRef<int64_t>)> sourceIndex) {
  if (source.isSplat())
    return DenseElementsAttr::get(resultType,
                                  source.getSplatValue<Attribute>());
  auto values = source.getValues<Attribute>();
  ArrayRef<int64_t> shape = resultType.getShape();
  SmallVector<int64_t> index(shape.size(), 0);
  SmallVector<Attribute> result;
  result.reserve(resultType.getNumElements());
  for (int64_t n = 0, e = resultType.getNumElements(); n < e; ++n) {
    result.push_back(values[sourceIndex(index)]);
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  return DenseElementsAttr::get(resultType, result);
}

/// The flat position read in an operand of static `shape` for result index
/// `index` under numpy broadcasting (right-aligned, size-1 dims stretch).
int64_t broadcastSourceIndex(ArrayRef<int64_t> shape,
                             ArrayRef<int64_t> index) {
  int64_t offset = index.size() - shape.size();
  int64_t flat = 0;
  for (auto [d, size] : llvm::enumerate(shape))
    flat = flat * size + (size == 1 ? 0 : index[offset + d]);
  return flat;
}

/// Reshape folders: a constant's storage under the result type, or the
/// operand itself when nothing changes.
OpFoldResult foldReinterpretation(Value data, Attribute constant,
                                  Type resultType) {
  if (data.getType() == resultType)
    return data;
  auto dense = dyn_cast_or_null<DenseElementsAttr>(constant);
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!dense || !type || !type.hasStaticShape())
    return {};
  return dense.reshape(type);
}

/// The dims an onnx.Shape result holds, with kDynamic for the unknown ones,
/// so that selecting static dims out of a partly dynamic shape still folds.
std::optional<SmallVector<int64_t>> getShapeOpDims(Value value);

/// The i64 constant of `type` holding `values`, unless one is unknown.
OpFoldResult getKnownDims(RankedTensorType type, ArrayRef<int64_t> values) {
  if (!isStatic(values) || !type.hasStaticShape() ||
      type.getNumElements() != static_cast<int64_t>(values.size()))
    return {};
  return DenseElementsAttr::get(type, values);
}

} // namespace

//===----------------------------------------------------------------------===//
// IdentityOp
//===----------------------------------------------------------------------===//

LogicalResult IdentityOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &inferred) {
  inferred.push_back(adaptor.getInput().getType());
  return success();
}

OpFoldResult IdentityOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

namespace {

/// A 1-D tensor of static length, as `shape`, `axes` and `split` inputs are.
FailureOr<int64_t> getStaticLength(std::optional<Location> loc, Value value,
                                   StringRef what) {
  RankedTensorType type = getTensorType(value);
  if (type.getRank() != 1 || type.isDynamicDim(0))
    return emitOptionalError(loc, "expects ", what,
                             " to be 1-D of static length, but got ", type);
  return type.getDimSize(0);
}

/// ONNX Reshape's output dims from the `shape` values (resolving 0 and -1).
FailureOr<SmallVector<int64_t>>
resolveReshapeDims(std::optional<Location> loc, ArrayRef<int64_t> dataShape,
                   ArrayRef<int64_t> values, bool allowZero) {
  SmallVector<int64_t> dims;
  std::optional<size_t> inferredAt;
  bool hasZero = false;
  for (auto [i, value] : llvm::enumerate(values)) {
    if (value == -1) {
      if (inferredAt)
        return emitOptionalError(loc, "expects at most one -1 in shape");
      inferredAt = i;
      dims.push_back(ShapedType::kDynamic);
    } else if (value == 0 && !allowZero) {
      if (i >= dataShape.size())
        return emitOptionalError(
            loc, "expects a 0 in shape only within data's rank ",
            dataShape.size(), ", but got one at position ", i);
      dims.push_back(dataShape[i]);
    } else if (value < 0) {
      return emitOptionalError(loc, "expects shape entries >= -1, but got ",
                               value);
    } else {
      hasZero |= value == 0;
      dims.push_back(value);
    }
  }
  if (inferredAt && hasZero)
    return emitOptionalError(
        loc, "expects no -1 together with a 0 in shape when allowzero = 1");

  SmallVector<int64_t> known(dims);
  if (inferredAt)
    known.erase(known.begin() + *inferredAt);
  if (!isStatic(dataShape) || !isStatic(known))
    return dims;
  std::optional<int64_t> totalCount = getNumElements(dataShape);
  std::optional<int64_t> productCount = getNumElements(known);
  if (!totalCount || !productCount)
    return emitOptionalError(loc, "expects shapes whose element counts fit "
                                  "in int64");
  int64_t total = *totalCount, product = *productCount;
  if (inferredAt) {
    if (product == 0 || total % product != 0)
      return emitOptionalError(loc, "cannot infer the -1 in shape: ", total,
                               " elements do not divide into blocks of ",
                               product);
    dims[*inferredAt] = total / product;
  } else if (product != total) {
    return emitOptionalError(loc, "expects shape to have ", total,
                             " elements like data, but got ", product);
  }
  return dims;
}

} // namespace

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  RankedTensorType data = getTensorType(adaptor.getData());
  FailureOr<int64_t> rank = getStaticLength(loc, adaptor.getShape(), "shape");
  if (failed(rank))
    return failure();
  SmallVector<int64_t> dims(*rank, ShapedType::kDynamic);
  if (std::optional<SmallVector<int64_t>> values =
          getConstantIntValues(adaptor.getShape())) {
    FailureOr<SmallVector<int64_t>> resolved = resolveReshapeDims(
        loc, data.getShape(), *values, adaptor.getAllowzero() != 0);
    if (failed(resolved))
      return failure();
    dims = std::move(*resolved);
  }
  inferred.push_back(RankedTensorType::get(dims, data.getElementType()));
  return success();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  return foldReinterpretation(getData(), adaptor.getData(), getType());
}

//===----------------------------------------------------------------------===//
// FlattenOp
//===----------------------------------------------------------------------===//

LogicalResult FlattenOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = getTensorType(adaptor.getInput());
  int64_t rank = input.getRank();
  int64_t axis = adaptor.getAxis();
  if (axis < -rank || axis > rank)
    return emitOptionalError(loc, "expects axis in [", -rank, ", ", rank,
                             "], but got ", axis);
  if (axis < 0)
    axis += rank;
  auto product = [](ArrayRef<int64_t> dims) -> std::optional<int64_t> {
    if (!isStatic(dims))
      return ShapedType::kDynamic;
    return getNumElements(dims);
  };
  ArrayRef<int64_t> shape = input.getShape();
  std::optional<int64_t> outer = product(shape.take_front(axis));
  std::optional<int64_t> inner = product(shape.drop_front(axis));
  if (!outer || !inner)
    return emitOptionalError(loc, "expects an input whose element count "
                                  "fits in int64");
  inferred.push_back(RankedTensorType::get({*outer, *inner},
                                           input.getElementType()));
  return success();
}

OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) {
  return foldReinterpretation(getInput(), adaptor.getInput(), getType());
}

//===----------------------------------------------------------------------===//
// SqueezeOp / UnsqueezeOp
//===----------------------------------------------------------------------===//

namespace {

/// Normalises `axes` into [0, rank), rejecting repeats.
FailureOr<SmallVector<int64_t>> normalizeAxes(std::optional<Location> loc,
                                              ArrayRef<int64_t> axes,
                                              int64_t rank) {
  SmallVector<int64_t> normalized;
  for (int64_t axis : axes) {
    FailureOr<int64_t> n = normalizeAxis(loc, axis, rank, "axes entries");
    if (failed(n))
      return failure();
    if (llvm::is_contained(normalized, *n))
      return emitOptionalError(loc, "expects distinct axes, but got ", *n,
                               " twice");
    normalized.push_back(*n);
  }
  return normalized;
}

} // namespace

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  RankedTensorType data = getTensorType(adaptor.getData());
  ArrayRef<int64_t> shape = data.getShape();
  SmallVector<int64_t> dims;
  auto result = [&](ArrayRef<int64_t> resultDims) {
    inferred.push_back(
        RankedTensorType::get(resultDims, data.getElementType()));
    return success();
  };

  if (isNone(adaptor.getAxes())) {
    // Without axes every size-1 dim goes, so each dim must be known.
    if (!isStatic(shape))
      return emitOptionalError(
          loc, "expects static dims when axes is omitted, but got ", data);
    llvm::copy_if(shape, std::back_inserter(dims),
                  [](int64_t dim) { return dim != 1; });
    return result(dims);
  }

  FailureOr<int64_t> count = getStaticLength(loc, adaptor.getAxes(), "axes");
  if (failed(count))
    return failure();
  if (*count > data.getRank())
    return emitOptionalError(loc, "expects at most ", data.getRank(),
                             " axes, but got ", *count);
  std::optional<SmallVector<int64_t>> values =
      getConstantIntValues(adaptor.getAxes());
  if (!values) {
    // Unknown axes are still determined when the input has exactly as many
    // size-1 dims as there are axes.
    int64_t units = llvm::count(shape, 1);
    if (isStatic(shape) && units == *count) {
      llvm::copy_if(shape, std::back_inserter(dims),
                    [](int64_t dim) { return dim != 1; });
      return result(dims);
    }
    return result(SmallVector<int64_t>(data.getRank() - *count,
                                       ShapedType::kDynamic));
  }

  FailureOr<SmallVector<int64_t>> axes =
      normalizeAxes(loc, *values, data.getRank());
  if (failed(axes))
    return failure();
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (!llvm::is_contained(*axes, static_cast<int64_t>(i))) {
      dims.push_back(dim);
      continue;
    }
    if (!ShapedType::isDynamic(dim) && dim != 1)
      return emitOptionalError(loc, "expects squeezed dim ", i,
                               " to have size 1, but got ", dim);
  }
  return result(dims);
}

OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  return foldReinterpretation(getData(), adaptor.getData(), getType());
}

LogicalResult UnsqueezeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  RankedTensorType data = getTensorType(adaptor.getData());
  FailureOr<int64_t> count = getStaticLength(loc, adaptor.getAxes(), "axes");
  if (failed(count))
    return failure();
  int64_t rank = data.getRank() + *count;
  SmallVector<int64_t> dims(rank, ShapedType::kDynamic);
  if (std::optional<SmallVector<int64_t>> values =
          getConstantIntValues(adaptor.getAxes())) {
    FailureOr<SmallVector<int64_t>> axes = normalizeAxes(loc, *values, rank);
    if (failed(axes))
      return failure();
    const int64_t *next = data.getShape().begin();
    for (int64_t i = 0; i < rank; ++i)
      dims[i] = llvm::is_contained(*axes, i) ? 1 : *next++;
  }
  inferred.push_back(RankedTensorType::get(dims, data.getElementType()));
  return success();
}

OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) {
  return foldReinterpretation(getData(), adaptor.getData(), getType());
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

namespace {

SmallVector<int64_t> getPermutation(std::optional<ArrayRef<int64_t>> perm,
                                    int64_t rank) {
  if (perm)
    return SmallVector<int64_t>(*perm);
  SmallVector<int64_t> reversed;
  for (int64_t i = rank - 1; i >= 0; --i)
    reversed.push_back(i);
  return reversed;
}

} // namespace

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = getTensorType(adaptor.getData());
  int64_t rank = input.getRank();
  SmallVector<int64_t> perm = getPermutation(adaptor.getPerm(), rank);
  if (static_cast<int64_t>(perm.size()) != rank)
    return emitOptionalError(loc, "expects perm of size ", rank, ", but got ",
                             perm.size());
  SmallVector<bool> seen(rank, false);
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return emitOptionalError(loc, "expects perm to be a permutation of [0, ",
                               rank, ")");
    seen[p] = true;
    shape.push_back(input.getDimSize(p));
  }
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType input = getTensorType(getData());
  SmallVector<int64_t> perm = getPermutation(getPerm(), input.getRank());
  if (llvm::equal(perm, llvm::seq<int64_t>(0, input.getRank())) &&
      input == getType())
    return getData();
  auto data = dyn_cast_or_null<DenseElementsAttr>(adaptor.getData());
  RankedTensorType resultType = getSmallStaticType(getType());
  if (!data || !resultType)
    return {};
  SmallVector<int64_t> strides = getStrides(input.getShape());
  return gatherElements(data, resultType, [&](ArrayRef<int64_t> index) {
    int64_t flat = 0;
    for (auto [i, p] : llvm::enumerate(perm))
      flat += index[i] * strides[p];
    return flat;
  });
}

//===----------------------------------------------------------------------===//
// ShapeOp / SizeOp
//===----------------------------------------------------------------------===//

namespace {

/// Shape's [start, end) clamped into [0, rank].
std::pair<int64_t, int64_t> getShapeRange(int64_t rank, int64_t start,
                                          std::optional<int64_t> end) {
  auto clamp = [rank](int64_t value) {
    if (value < 0)
      value += rank;
    return std::clamp<int64_t>(value, 0, rank);
  };
  int64_t first = clamp(start);
  int64_t last = clamp(end.value_or(rank));
  return {first, std::max(first, last)};
}

} // namespace

LogicalResult ShapeOp::inferReturnTypes(MLIRContext *context,
                                        std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  auto [first, last] = getShapeRange(getTensorType(adaptor.getData()).getRank(),
                                     adaptor.getStart(), adaptor.getEnd());
  inferred.push_back(
      RankedTensorType::get({last - first}, IntegerType::get(context, 64)));
  return success();
}

OpFoldResult ShapeOp::fold(FoldAdaptor) {
  RankedTensorType data = getTensorType(getData());
  auto [first, last] = getShapeRange(data.getRank(), getStart(), getEnd());
  return getKnownDims(getType(), data.getShape().slice(first, last - first));
}

namespace {

std::optional<SmallVector<int64_t>> getShapeOpDims(Value value) {
  auto shape = value.getDefiningOp<ShapeOp>();
  if (!shape)
    return std::nullopt;
  RankedTensorType data = getTensorType(shape.getData());
  auto [first, last] =
      getShapeRange(data.getRank(), shape.getStart(), shape.getEnd());
  return SmallVector<int64_t>(data.getShape().slice(first, last - first));
}

} // namespace

LogicalResult SizeOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location>, Adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  inferred.push_back(RankedTensorType::get({}, IntegerType::get(context, 64)));
  return success();
}

OpFoldResult SizeOp::fold(FoldAdaptor) {
  RankedTensorType data = getTensorType(getData());
  if (!data.hasStaticShape())
    return {};
  return DenseElementsAttr::get(getType(), data.getNumElements());
}

//===----------------------------------------------------------------------===//
// ConstantOfShapeOp
//===----------------------------------------------------------------------===//

LogicalResult
ConstantOfShapeOp::inferReturnTypes(MLIRContext *context,
                                    std::optional<Location> loc,
                                    Adaptor adaptor,
                                    SmallVectorImpl<Type> &inferred) {
  FailureOr<int64_t> rank = getStaticLength(loc, adaptor.getInput(), "input");
  if (failed(rank))
    return failure();
  Type elementType = Float32Type::get(context);
  if (ElementsAttr value = adaptor.getValueAttr()) {
    if (value.getNumElements() != 1)
      return emitOptionalError(loc, "expects value with one element, but got ",
                               value.getNumElements());
    elementType = value.getElementType();
  }
  SmallVector<int64_t> dims(*rank, ShapedType::kDynamic);
  if (std::optional<SmallVector<int64_t>> values =
          getConstantIntValues(adaptor.getInput())) {
    for (int64_t dim : *values)
      if (dim < 0)
        return emitOptionalError(loc, "expects dims >= 0 in input, but got ",
                                 dim);
    dims = std::move(*values);
  }
  inferred.push_back(RankedTensorType::get(dims, elementType));
  return success();
}

OpFoldResult ConstantOfShapeOp::fold(FoldAdaptor) {
  RankedTensorType type = getSmallStaticType(getType());
  if (!type)
    return {};
  if (!getValueAttr())
    return DenseElementsAttr::get(
        type, FloatAttr::get(type.getElementType(), 0.0));
  auto value = dyn_cast<DenseElementsAttr>(getValueAttr());
  if (!value)
    return {};
  return DenseElementsAttr::get(type, *value.getValues<Attribute>().begin());
}

//===----------------------------------------------------------------------===//
// RangeOp
//===----------------------------------------------------------------------===//

namespace {

/// Range's element count: max(ceil((limit - start) / delta), 0).
int64_t getRangeCount(double start, double limit, double delta) {
  return std::max<int64_t>(
      static_cast<int64_t>(std::ceil((limit - start) / delta)), 0);
}

int64_t getRangeCount(int64_t start, int64_t limit, int64_t delta) {
  int64_t span = limit - start;
  // ceil(span / delta) for either sign, without going through floats.
  int64_t quotient = span / delta;
  if (span % delta != 0 && ((span < 0) == (delta < 0)))
    ++quotient;
  return std::max<int64_t>(quotient, 0);
}

/// A Range operand's single value, if it is a constant.
std::optional<double> getScalar(Attribute attr) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || dense.getNumElements() != 1)
    return std::nullopt;
  Attribute value = *dense.getValues<Attribute>().begin();
  if (auto f = dyn_cast<FloatAttr>(value))
    return f.getValueAsDouble();
  return static_cast<double>(cast<IntegerAttr>(value).getInt());
}

} // namespace

LogicalResult RangeOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  RankedTensorType start = getTensorType(adaptor.getStart());
  Type elementType = start.getElementType();
  for (Value operand : adaptor.getOperands()) {
    RankedTensorType type = getTensorType(operand);
    if (type.getRank() != 0)
      return emitOptionalError(
          loc, "expects start, limit and delta to be scalars, but got ", type);
    if (type.getElementType() != elementType)
      return emitOptionalError(
          loc, "expects start, limit and delta of one element type, but got ",
          elementType, " and ", type.getElementType());
  }
  if (!isa<FloatType>(elementType) && !elementType.isInteger(16) &&
      !elementType.isInteger(32) && !elementType.isInteger(64))
    return emitOptionalError(loc, "expects a float or int16/32/64 range, but got ",
                             elementType);
  int64_t count = ShapedType::kDynamic;
  std::optional<SmallVector<int64_t>> starts =
      getConstantIntValues(adaptor.getStart());
  std::optional<SmallVector<int64_t>> limits =
      getConstantIntValues(adaptor.getLimit());
  std::optional<SmallVector<int64_t>> deltas =
      getConstantIntValues(adaptor.getDelta());
  if (starts && limits && deltas) {
    if ((*deltas)[0] == 0)
      return emitOptionalError(loc, "expects a nonzero delta");
    count = getRangeCount((*starts)[0], (*limits)[0], (*deltas)[0]);
  } else {
    Attribute attrs[3];
    for (auto [i, operand] : llvm::enumerate(adaptor.getOperands()))
      matchPattern(operand, m_Constant(&attrs[i]));
    std::optional<double> s = getScalar(attrs[0]), l = getScalar(attrs[1]),
                          d = getScalar(attrs[2]);
    if (s && l && d) {
      if (*d == 0)
        return emitOptionalError(loc, "expects a nonzero delta");
      count = getRangeCount(*s, *l, *d);
    }
  }
  inferred.push_back(RankedTensorType::get({count}, elementType));
  return success();
}

OpFoldResult RangeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getSmallStaticType(getType());
  if (!type)
    return {};
  Type elementType = type.getElementType();
  SmallVector<Attribute> values;
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    std::optional<double> start = getScalar(adaptor.getStart());
    std::optional<double> delta = getScalar(adaptor.getDelta());
    if (!start || !delta)
      return {};
    // start + i * delta in double, rounded once to the element type.
    for (int64_t i = 0; i < type.getNumElements(); ++i)
      values.push_back(FloatAttr::get(floatType, *start + i * *delta));
  } else {
    std::optional<SmallVector<int64_t>> start = getIntValues(adaptor.getStart());
    std::optional<SmallVector<int64_t>> delta = getIntValues(adaptor.getDelta());
    if (!start || !delta)
      return {};
    for (int64_t i = 0; i < type.getNumElements(); ++i)
      values.push_back(
          IntegerAttr::get(elementType, (*start)[0] + i * (*delta)[0]));
  }
  return DenseElementsAttr::get(type, values);
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return emitOptionalError(loc, "expects at least one input");
  RankedTensorType first = getTensorType(inputs.front());
  int64_t rank = first.getRank();
  FailureOr<int64_t> axis = normalizeAxis(loc, adaptor.getAxis(), rank);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims(first.getShape());
  dims[*axis] = 0;
  for (Value input : inputs) {
    RankedTensorType type = getTensorType(input);
    if (type.getElementType() != first.getElementType())
      return emitOptionalError(loc,
                               "expects inputs of one element type, but got ",
                               first.getElementType(), " and ",
                               type.getElementType());
    if (type.getRank() != rank)
      return emitOptionalError(loc, "expects inputs of one rank, but got ",
                               rank, " and ", type.getRank());
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = type.getDimSize(d);
      if (d == *axis) {
        dims[d] = ShapedType::isDynamic(size) || ShapedType::isDynamic(dims[d])
                      ? ShapedType::kDynamic
                      : dims[d] + size;
      } else if (ShapedType::isDynamic(dims[d])) {
        dims[d] = size;
      } else if (!ShapedType::isDynamic(size) && size != dims[d]) {
        return emitOptionalError(loc, "expects inputs to agree on dim ", d,
                                 ", but got ", dims[d], " and ", size);
      }
    }
  }
  inferred.push_back(RankedTensorType::get(dims, first.getElementType()));
  return success();
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1 && getInputs().front().getType() == getType())
    return getInputs().front();
  RankedTensorType type = getSmallStaticType(getType());
  if (!type)
    return {};
  SmallVector<DenseElementsAttr> inputs;
  for (Attribute attr : adaptor.getInputs()) {
    auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
    if (!dense)
      return {};
    inputs.push_back(dense);
  }
  int64_t axis = getAxis() < 0 ? getAxis() + type.getRank() : getAxis();
  // Flatten into [outer, axis-dim, inner] blocks and copy each input's rows.
  // The result is small (getSmallStaticType): its counts cannot overflow.
  int64_t outer = *getNumElements(type.getShape().take_front(axis));
  int64_t inner = *getNumElements(type.getShape().drop_front(axis + 1));
  SmallVector<Attribute> values;
  values.reserve(type.getNumElements());
  for (int64_t o = 0; o < outer; ++o) {
    for (DenseElementsAttr input : inputs) {
      int64_t block = input.getType().getDimSize(axis) * inner;
      auto elements = input.getValues<Attribute>();
      for (int64_t i = 0; i < block; ++i)
        values.push_back(elements[input.isSplat() ? 0 : o * block + i]);
    }
  }
  return DenseElementsAttr::get(type, values);
}

//===----------------------------------------------------------------------===//
// SplitOp
//===----------------------------------------------------------------------===//

LogicalResult SplitOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = getTensorType(adaptor.getInput());
  FailureOr<int64_t> axis =
      normalizeAxis(loc, adaptor.getAxis(), input.getRank());
  if (failed(axis))
    return failure();
  int64_t dim = input.getDimSize(*axis);
  SmallVector<int64_t> sizes;
  if (!isNone(adaptor.getSplit())) {
    FailureOr<int64_t> count = getStaticLength(loc, adaptor.getSplit(), "split");
    if (failed(count))
      return failure();
    sizes.assign(*count, ShapedType::kDynamic);
    if (std::optional<SmallVector<int64_t>> values =
            getConstantIntValues(adaptor.getSplit())) {
      int64_t sum = 0;
      for (int64_t size : *values) {
        if (size < 0)
          return emitOptionalError(loc, "expects split sizes >= 0, but got ",
                                   size);
        sum += size;
      }
      if (!ShapedType::isDynamic(dim) && sum != dim)
        return emitOptionalError(loc, "expects split sizes summing to ", dim,
                                 ", but got ", sum);
      sizes = std::move(*values);
    }
  } else {
    std::optional<int64_t> numOutputs = adaptor.getNumOutputs();
    if (!numOutputs)
      return emitOptionalError(loc,
                               "expects either a split input or num_outputs");
    if (*numOutputs < 1)
      return emitOptionalError(loc, "expects num_outputs >= 1, but got ",
                               *numOutputs);
    sizes.assign(*numOutputs, ShapedType::kDynamic);
    if (!ShapedType::isDynamic(dim)) {
      int64_t chunk = llvm::divideCeil(dim, *numOutputs);
      int64_t last = dim - chunk * (*numOutputs - 1);
      if (last < 0)
        return emitOptionalError(loc, "cannot split a dim of ", dim, " into ",
                                 *numOutputs, " pieces");
      sizes.assign(*numOutputs, chunk);
      sizes.back() = last;
    }
  }
  for (int64_t size : sizes) {
    SmallVector<int64_t> dims(input.getShape());
    dims[*axis] = size;
    inferred.push_back(RankedTensorType::get(dims, input.getElementType()));
  }
  return success();
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

std::pair<int64_t, int64_t> SliceOp::normalizeRange(int64_t dim, int64_t start,
                                                    int64_t end,
                                                    int64_t step) {
  if (dim == 0)
    return {0, 0};
  // Negative values count from the end (computed without overflow for
  // INT64_MIN/MAX, which exporters use for "to the end").
  if (start < 0)
    start = start < -dim ? -1 : start + dim;
  if (end < 0)
    end = end < -dim ? -1 : end + dim;
  if (step > 0) {
    start = std::clamp<int64_t>(start, 0, dim);
    end = std::clamp<int64_t>(end, 0, dim);
    return {start, end > start ? (end - start - 1) / step + 1 : 0};
  }
  start = std::clamp<int64_t>(start, 0, dim - 1);
  end = std::clamp<int64_t>(end, -1, dim - 1);
  if (start <= end)
    return {start, 0};
  // -step would overflow for INT64_MIN, which takes a single element anyway.
  if (step == std::numeric_limits<int64_t>::min())
    return {start, 1};
  return {start, (start - end - 1) / -step + 1};
}

namespace {

/// Slice's parameters for every data dim: start, count and step.
struct SliceParams {
  SmallVector<int64_t> starts, counts, steps;
};

/// The parameters of a slice whose inputs are all known: `axes`/`steps`
/// empty when omitted. Fails (with a diagnostic) on invalid inputs.
FailureOr<SliceParams> getSliceParams(std::optional<Location> loc,
                                      ArrayRef<int64_t> shape,
                                      ArrayRef<int64_t> starts,
                                      ArrayRef<int64_t> ends,
                                      ArrayRef<int64_t> axes,
                                      ArrayRef<int64_t> steps) {
  int64_t rank = shape.size();
  SliceParams params{SmallVector<int64_t>(rank, 0), SmallVector<int64_t>(shape),
                     SmallVector<int64_t>(rank, 1)};
  SmallVector<int64_t> defaultAxes;
  if (axes.empty()) {
    defaultAxes = llvm::to_vector(llvm::seq<int64_t>(0, starts.size()));
    axes = defaultAxes;
  }
  FailureOr<SmallVector<int64_t>> normalized = normalizeAxes(loc, axes, rank);
  if (failed(normalized))
    return failure();
  for (auto [j, axis] : llvm::enumerate(*normalized)) {
    int64_t step = steps.empty() ? 1 : steps[j];
    if (step == 0)
      return emitOptionalError(loc, "expects nonzero steps");
    params.steps[axis] = step;
    if (ShapedType::isDynamic(shape[axis])) {
      params.counts[axis] = ShapedType::kDynamic;
      continue;
    }
    std::tie(params.starts[axis], params.counts[axis]) =
        SliceOp::normalizeRange(shape[axis], starts[j], ends[j], step);
  }
  return params;
}

} // namespace

LogicalResult SliceOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  RankedTensorType data = getTensorType(adaptor.getData());
  int64_t rank = data.getRank();
  auto result = [&](ArrayRef<int64_t> dims) {
    inferred.push_back(RankedTensorType::get(dims, data.getElementType()));
    return success();
  };

  // Every parameter input is 1-D, and the lengths agree where known.
  int64_t length = ShapedType::kDynamic;
  Value params[] = {adaptor.getStarts(), adaptor.getEnds(), adaptor.getAxes(),
                    adaptor.getSteps()};
  for (Value param : params) {
    if (isNone(param))
      continue;
    RankedTensorType type = getTensorType(param);
    if (type.getRank() != 1)
      return emitOptionalError(
          loc, "expects 1-D starts, ends, axes and steps, but got ", type);
    int64_t size = type.getDimSize(0);
    if (ShapedType::isDynamic(size))
      continue;
    if (!ShapedType::isDynamic(length) && size != length)
      return emitOptionalError(
          loc, "expects starts, ends, axes and steps of one length, but got ",
          length, " and ", size);
    length = size;
  }
  if (!ShapedType::isDynamic(length) && length > rank)
    return emitOptionalError(loc, "expects at most ", rank,
                             " sliced axes, but got ", length);

  std::optional<SmallVector<int64_t>> axes;
  if (isNone(adaptor.getAxes())) {
    if (!ShapedType::isDynamic(length))
      axes = llvm::to_vector(llvm::seq<int64_t>(0, length));
  } else {
    axes = getConstantIntValues(adaptor.getAxes());
  }
  if (!axes) // Any dim may be sliced.
    return result(SmallVector<int64_t>(rank, ShapedType::kDynamic));

  std::optional<SmallVector<int64_t>> starts =
      getConstantIntValues(adaptor.getStarts());
  std::optional<SmallVector<int64_t>> ends =
      getConstantIntValues(adaptor.getEnds());
  std::optional<SmallVector<int64_t>> steps =
      isNone(adaptor.getSteps()) ? SmallVector<int64_t>()
                                 : getConstantIntValues(adaptor.getSteps());
  if (starts && ends && steps) {
    FailureOr<SliceParams> sliced =
        getSliceParams(loc, data.getShape(), *starts, *ends, *axes, *steps);
    if (failed(sliced))
      return failure();
    return result(sliced->counts);
  }
  // The listed axes get unknown sizes, the others are kept.
  FailureOr<SmallVector<int64_t>> normalized = normalizeAxes(loc, *axes, rank);
  if (failed(normalized))
    return failure();
  SmallVector<int64_t> dims(data.getShape());
  for (int64_t axis : *normalized)
    dims[axis] = ShapedType::kDynamic;
  return result(dims);
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  auto data = dyn_cast_or_null<DenseElementsAttr>(adaptor.getData());
  RankedTensorType type = getSmallStaticType(getType());
  std::optional<SmallVector<int64_t>> shapeDims = getShapeOpDims(getData());
  if ((!data && !shapeDims) || !type)
    return {};
  std::optional<SmallVector<int64_t>> starts = getIntValues(adaptor.getStarts());
  std::optional<SmallVector<int64_t>> ends = getIntValues(adaptor.getEnds());
  std::optional<SmallVector<int64_t>> axes =
      isNone(getAxes()) ? SmallVector<int64_t>() : getIntValues(adaptor.getAxes());
  std::optional<SmallVector<int64_t>> steps =
      isNone(getSteps()) ? SmallVector<int64_t>()
                         : getIntValues(adaptor.getSteps());
  if (!starts || !ends || !axes || !steps)
    return {};
  ArrayRef<int64_t> shape = getTensorType(getData()).getShape();
  FailureOr<SliceParams> params =
      getSliceParams(std::nullopt, shape, *starts, *ends, *axes, *steps);
  if (failed(params))
    return {};
  if (!data) {
    // A slice of a shape: the selected dims, if they are all static.
    SmallVector<int64_t> dims;
    for (int64_t i = 0; i < params->counts[0]; ++i)
      dims.push_back((*shapeDims)[params->starts[0] + i * params->steps[0]]);
    return getKnownDims(type, dims);
  }
  SmallVector<int64_t> strides = getStrides(shape);
  return gatherElements(data, type, [&](ArrayRef<int64_t> index) {
    int64_t flat = 0;
    for (auto [d, i] : llvm::enumerate(index))
      flat += (params->starts[d] + i * params->steps[d]) * strides[d];
    return flat;
  });
}

//===----------------------------------------------------------------------===//
// GatherOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  RankedTensorType data = getTensorType(adaptor.getData());
  RankedTensorType indices = getTensorType(adaptor.getIndices());
  if (data.getRank() < 1)
    return emitOptionalError(loc, "expects data of rank at least 1");
  FailureOr<int64_t> axis =
      normalizeAxis(loc, adaptor.getAxis(), data.getRank());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims(data.getShape().take_front(*axis));
  llvm::append_range(dims, indices.getShape());
  llvm::append_range(dims, data.getShape().drop_front(*axis + 1));
  inferred.push_back(RankedTensorType::get(dims, data.getElementType()));
  return success();
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  auto data = dyn_cast_or_null<DenseElementsAttr>(adaptor.getData());
  std::optional<SmallVector<int64_t>> indices =
      getIntValues(adaptor.getIndices());
  RankedTensorType type = getSmallStaticType(getType());
  std::optional<SmallVector<int64_t>> shapeDims = getShapeOpDims(getData());
  if ((!data && !shapeDims) || !indices || !type)
    return {};
  ArrayRef<int64_t> shape = getTensorType(getData()).getShape();
  int64_t axis = getAxis() < 0 ? getAxis() + shape.size() : getAxis();
  int64_t dim = shape[axis];
  for (int64_t &index : *indices) {
    if (index < -dim || index >= dim)
      return {}; // Out of range: left for the runtime to report.
    if (index < 0)
      index += dim;
  }
  if (!data) {
    // Dims picked out of a shape: foldable when they are all static.
    SmallVector<int64_t> dims;
    for (int64_t index : *indices)
      dims.push_back((*shapeDims)[index]);
    return getKnownDims(type, dims);
  }
  int64_t indexRank = getTensorType(getIndices()).getRank();
  SmallVector<int64_t> indexStrides =
      getStrides(getTensorType(getIndices()).getShape());
  SmallVector<int64_t> strides = getStrides(shape);
  return gatherElements(data, type, [&](ArrayRef<int64_t> index) {
    int64_t position = 0;
    for (int64_t j = 0; j < indexRank; ++j)
      position += index[axis + j] * indexStrides[j];
    int64_t flat = (*indices)[position] * strides[axis];
    for (int64_t d = 0; d < axis; ++d)
      flat += index[d] * strides[d];
    for (int64_t d = axis + 1; d < static_cast<int64_t>(shape.size()); ++d)
      flat += index[d - 1 + indexRank] * strides[d];
    return flat;
  });
}

//===----------------------------------------------------------------------===//
// ExpandOp
//===----------------------------------------------------------------------===//

LogicalResult ExpandOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = getTensorType(adaptor.getInput());
  FailureOr<int64_t> length = getStaticLength(loc, adaptor.getShape(), "shape");
  if (failed(length))
    return failure();
  SmallVector<int64_t> dims;
  if (std::optional<SmallVector<int64_t>> values =
          getConstantIntValues(adaptor.getShape())) {
    for (int64_t dim : *values)
      if (dim < 0)
        return emitOptionalError(loc, "expects dims >= 0 in shape, but got ",
                                 dim);
    if (failed(broadcastShapes(loc, input.getShape(), *values, dims)))
      return failure();
  } else {
    // An unknown shape entry is 1 or the input's dim, or stretches a size-1
    // input dim: only an input dim other than 1 survives for sure.
    int64_t rank = std::max(input.getRank(), *length);
    dims.assign(rank, ShapedType::kDynamic);
    for (int64_t d = 0; d < input.getRank(); ++d) {
      int64_t size = input.getDimSize(d);
      if (size != 1)
        dims[rank - input.getRank() + d] = size;
    }
  }
  inferred.push_back(RankedTensorType::get(dims, input.getElementType()));
  return success();
}

OpFoldResult ExpandOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  auto input = dyn_cast_or_null<DenseElementsAttr>(adaptor.getInput());
  RankedTensorType type = getSmallStaticType(getType());
  if (!input || !type)
    return {};
  ArrayRef<int64_t> shape = input.getType().getShape();
  return gatherElements(input, type, [&](ArrayRef<int64_t> index) {
    return broadcastSourceIndex(shape, index);
  });
}

//===----------------------------------------------------------------------===//
// TileOp
//===----------------------------------------------------------------------===//

LogicalResult TileOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = getTensorType(adaptor.getInput());
  FailureOr<int64_t> length =
      getStaticLength(loc, adaptor.getRepeats(), "repeats");
  if (failed(length))
    return failure();
  if (*length != input.getRank())
    return emitOptionalError(loc, "expects one repeat per dim of the rank-",
                             input.getRank(), " input, but got ", *length);
  SmallVector<int64_t> dims(input.getRank(), ShapedType::kDynamic);
  std::optional<SmallVector<int64_t>> repeats =
      getConstantIntValues(adaptor.getRepeats());
  for (int64_t d = 0; repeats && d < input.getRank(); ++d) {
    int64_t repeat = (*repeats)[d], size = input.getDimSize(d);
    if (repeat < 0)
      return emitOptionalError(loc, "expects repeats >= 0, but got ", repeat);
    // Zero copies of any dim is empty; copies of an unknown dim are unknown.
    if (repeat == 0)
      dims[d] = 0;
    else if (!ShapedType::isDynamic(size) &&
             llvm::MulOverflow(size, repeat, dims[d]))
      return emitOptionalError(loc, "expects dims that fit in int64, but dim ",
                               d, " is ", size, " x ", repeat);
  }
  inferred.push_back(RankedTensorType::get(dims, input.getElementType()));
  return success();
}

OpFoldResult TileOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> repeats =
      getIntValues(adaptor.getRepeats());
  if (!repeats)
    return {};
  if (getInput().getType() == getType() &&
      llvm::all_of(*repeats, [](int64_t repeat) { return repeat == 1; }))
    return getInput();
  auto input = dyn_cast_or_null<DenseElementsAttr>(adaptor.getInput());
  RankedTensorType type = getSmallStaticType(getType());
  if (!input || !type)
    return {};
  // A result element exists only when every input dim is non-zero.
  ArrayRef<int64_t> shape = input.getType().getShape();
  SmallVector<int64_t> strides = getStrides(shape);
  return gatherElements(input, type, [&](ArrayRef<int64_t> index) {
    int64_t flat = 0;
    for (auto [d, size] : llvm::enumerate(shape))
      flat += index[d] % size * strides[d];
    return flat;
  });
}

//===----------------------------------------------------------------------===//
// TriluOp
//===----------------------------------------------------------------------===//

LogicalResult TriluOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  RankedTensorType input = getTensorType(adaptor.getInput());
  if (input.getRank() < 2)
    return emitOptionalError(loc, "expects input of rank at least 2, but got ",
                             input);
  if (!isNone(adaptor.getK())) {
    RankedTensorType k = getTensorType(adaptor.getK());
    if (k.getNumElements() != 1)
      return emitOptionalError(loc, "expects a scalar k, but got ", k);
  }
  inferred.push_back(input);
  return success();
}

OpFoldResult TriluOp::fold(FoldAdaptor adaptor) {
  int64_t k = 0;
  if (!isNone(getK())) {
    std::optional<SmallVector<int64_t>> values = getIntValues(adaptor.getK());
    if (!values || values->size() != 1)
      return {};
    k = values->front();
  }
  auto input = dyn_cast_or_null<DenseElementsAttr>(adaptor.getInput());
  RankedTensorType type = getSmallStaticType(getType());
  if (!input || !type || input.getType() != type)
    return {};
  ArrayRef<int64_t> shape = type.getShape();
  int64_t rows = shape[shape.size() - 2], cols = shape.back();
  Attribute zero = Builder(getContext()).getZeroAttr(type.getElementType());
  auto values = input.getValues<Attribute>();
  SmallVector<Attribute> result;
  result.reserve(type.getNumElements());
  for (int64_t n = 0, e = type.getNumElements(); n < e; ++n) {
    int64_t i = n / cols % rows, j = n % cols;
    bool keep = getUpper() != 0 ? j - i >= k : j - i <= k;
    result.push_back(keep ? values[n] : zero);
  }
  return DenseElementsAttr::get(type, result);
}

//===----------------------------------------------------------------------===//
// WhereOp
//===----------------------------------------------------------------------===//

LogicalResult WhereOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  RankedTensorType cond = getTensorType(adaptor.getCondition());
  RankedTensorType x = getTensorType(adaptor.getX());
  RankedTensorType y = getTensorType(adaptor.getY());
  if (x.getElementType() != y.getElementType())
    return emitOptionalError(loc, "operands have different element types ",
                             x.getElementType(), " and ", y.getElementType());
  SmallVector<int64_t> xy, dims;
  if (failed(broadcastShapes(loc, x.getShape(), y.getShape(), xy)) ||
      failed(broadcastShapes(loc, cond.getShape(), xy, dims)))
    return failure();
  inferred.push_back(RankedTensorType::get(dims, x.getElementType()));
  return success();
}

OpFoldResult WhereOp::fold(FoldAdaptor adaptor) {
  auto cond = dyn_cast_or_null<DenseElementsAttr>(adaptor.getCondition());
  if (!cond)
    return {};
  // A uniform condition picks one operand whole.
  if (cond.isSplat()) {
    Value picked = cond.getSplatValue<bool>() ? getX() : getY();
    if (picked.getType() == getType())
      return picked;
  }
  auto x = dyn_cast_or_null<DenseElementsAttr>(adaptor.getX());
  auto y = dyn_cast_or_null<DenseElementsAttr>(adaptor.getY());
  RankedTensorType type = getSmallStaticType(getType());
  if (!x || !y || !type)
    return {};
  auto condValues = cond.getValues<bool>();
  auto xValues = x.getValues<Attribute>();
  auto yValues = y.getValues<Attribute>();
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> index(shape.size(), 0);
  SmallVector<Attribute> values;
  for (int64_t n = 0; n < type.getNumElements(); ++n) {
    bool c = condValues[broadcastSourceIndex(cond.getType().getShape(), index)];
    values.push_back(
        c ? xValues[broadcastSourceIndex(x.getType().getShape(), index)]
          : yValues[broadcastSourceIndex(y.getType().getShape(), index)]);
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  return DenseElementsAttr::get(type, values);
}

//===----------------------------------------------------------------------===//
// TensorScatterOp
//===----------------------------------------------------------------------===//

LogicalResult
TensorScatterOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                  Adaptor adaptor,
                                  SmallVectorImpl<Type> &inferred) {
  RankedTensorType past = getTensorType(adaptor.getPastCache());
  RankedTensorType update = getTensorType(adaptor.getUpdate());
  int64_t rank = past.getRank();
  if (rank < 2)
    return emitOptionalError(loc, "expects past_cache of rank at least 2, but got ",
                             past);
  FailureOr<int64_t> axis = normalizeAxis(loc, adaptor.getAxis(), rank);
  if (failed(axis))
    return failure();
  if (*axis == 0)
    return emitOptionalError(loc, "expects axis other than the batch dim 0");
  StringRef mode = adaptor.getMode();
  if (mode != "linear" && mode != "circular")
    return emitOptionalError(
        loc, "expects mode \"linear\" or \"circular\", but got \"", mode, "\"");
  if (update.getElementType() != past.getElementType() ||
      update.getRank() != rank)
    return emitOptionalError(loc,
                             "expects update of past_cache's rank and element "
                             "type, but got ",
                             update, " and ", past);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t a = past.getDimSize(d), b = update.getDimSize(d);
    if (ShapedType::isDynamic(a) || ShapedType::isDynamic(b))
      continue;
    if (d == *axis ? b > a : a != b)
      return emitOptionalError(loc, "expects update dim ", d,
                               d == *axis ? " at most " : " equal to ", a,
                               ", but got ", b);
  }
  if (!isNone(adaptor.getWriteIndices())) {
    RankedTensorType indices = getTensorType(adaptor.getWriteIndices());
    int64_t batch = past.getDimSize(0);
    if (indices.getRank() != 1 ||
        (!indices.isDynamicDim(0) && !ShapedType::isDynamic(batch) &&
         indices.getDimSize(0) != batch))
      return emitOptionalError(loc, "expects write_indices of shape [", batch,
                               "], but got ", indices);
  }
  inferred.push_back(past);
  return success();
}

//===----------------------------------------------------------------------===//
// CastOp / CastLikeOp
//===----------------------------------------------------------------------===//

Type CastOp::getElementTypeForCode(MLIRContext *context, int64_t code) {
  // TensorProto.DataType; unsigned types map to signless integers, as in the
  // importer.
  switch (code) {
  case 1:
    return Float32Type::get(context);
  case 2:
  case 3:
    return IntegerType::get(context, 8);
  case 4:
  case 5:
    return IntegerType::get(context, 16);
  case 6:
  case 12:
    return IntegerType::get(context, 32);
  case 7:
  case 13:
    return IntegerType::get(context, 64);
  case 9:
    return IntegerType::get(context, 1);
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

LogicalResult CastOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  Type elementType = getElementTypeForCode(context, adaptor.getTo());
  if (!elementType)
    return emitOptionalError(loc, "expects a supported ONNX data type in to, "
                                  "but got ",
                             adaptor.getTo());
  inferred.push_back(
      getTensorType(adaptor.getInput()).clone(elementType));
  return success();
}

namespace {

/// `value` (an IntegerAttr or FloatAttr) converted like Cast converts it.
Attribute castElement(Attribute value, Type to) {
  if (auto floatType = dyn_cast<FloatType>(to)) {
    APFloat result(0.0);
    bool losesInfo;
    if (auto f = dyn_cast<FloatAttr>(value)) {
      result = f.getValue();
      result.convert(floatType.getFloatSemantics(),
                     APFloat::rmNearestTiesToEven, &losesInfo);
      return FloatAttr::get(floatType, result);
    }
    APInt i = cast<IntegerAttr>(value).getValue();
    result = APFloat(floatType.getFloatSemantics());
    result.convertFromAPInt(i, /*isSigned=*/i.getBitWidth() > 1,
                            APFloat::rmNearestTiesToEven);
    return FloatAttr::get(floatType, result);
  }
  unsigned width = to.getIntOrFloatBitWidth();
  if (auto f = dyn_cast<FloatAttr>(value)) {
    if (width == 1)
      return IntegerAttr::get(to, APInt(1, !f.getValue().isZero()));
    APSInt result(width, /*isUnsigned=*/false);
    bool isExact;
    f.getValue().convertToInteger(result, APFloat::rmTowardZero, &isExact);
    return IntegerAttr::get(to, result);
  }
  APInt i = cast<IntegerAttr>(value).getValue();
  if (width == 1)
    return IntegerAttr::get(to, APInt(1, !i.isZero()));
  return IntegerAttr::get(to, i.getBitWidth() == 1 ? i.zext(width)
                                                   : i.sextOrTrunc(width));
}

} // namespace

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  auto input = dyn_cast_or_null<DenseElementsAttr>(adaptor.getInput());
  RankedTensorType type = getSmallStaticType(getType());
  if (!input || !type)
    return {};
  Type to = type.getElementType();
  if (input.isSplat())
    return DenseElementsAttr::get(
        type, castElement(input.getSplatValue<Attribute>(), to));
  SmallVector<Attribute> values;
  for (Attribute value : input.getValues<Attribute>())
    values.push_back(castElement(value, to));
  return DenseElementsAttr::get(type, values);
}

LogicalResult CastLikeOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &inferred) {
  inferred.push_back(getTensorType(adaptor.getInput())
                         .clone(getTensorType(adaptor.getTargetType())
                                    .getElementType()));
  return success();
}
