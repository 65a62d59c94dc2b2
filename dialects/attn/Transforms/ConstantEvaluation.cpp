//===- ConstantEvaluation.cpp - Compile-time values of mask subgraphs ----===//
//
// A small interpreter over the onnx ops that exporters use to build masks:
// constants (dense or dense_resource), shape reinterpretations, Cast, Expand,
// Transpose, ConstantOfShape, Range, Trilu, Where, Concat, Slice, Not, Neg and
// the broadcasting arithmetic, logic and comparison ops. Each value is
// evaluated once per query; anything else, a dynamic shape, or a tensor above
// kMaxElements fails with a reason.
//
//===----------------------------------------------------------------------===//

#include "ConstantEvaluation.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/DenseMap.h"

#include <cmath>
#include <cstring>
#include <functional>
#include <memory>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Enough for a 1024 x 1024 mask; bounds compile time and memory.
constexpr int64_t kMaxElements = int64_t(1) << 20;
constexpr int kMaxDepth = 64;
/// Integers above this are not exact in a double.
constexpr double kMaxExactInteger = 9007199254740992.0;

/// Rounds `x` to `type` as an op producing that element type does.
double roundTo(Type type, double x) {
  if (auto floatType = dyn_cast<FloatType>(type)) {
    if (floatType.isF64())
      return x;
    APFloat value(x);
    bool losesInfo;
    value.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
    return value.convertToDouble();
  }
  if (type.isInteger(1))
    return x != 0.0 ? 1.0 : 0.0;
  return std::trunc(x);
}

SmallVector<int64_t> getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

/// Advances the row-major multi-index `index` within `shape`.
void increment(SmallVectorImpl<int64_t> &index, ArrayRef<int64_t> shape) {
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    if (++index[d] < shape[d])
      return;
    index[d] = 0;
  }
}

/// For each element of `result` in row-major order, the offset of the
/// element of a `source`-shaped tensor that numpy broadcasting reads there;
/// nullopt when `source` does not broadcast to `result`.
std::optional<std::vector<int64_t>>
getBroadcastOffsets(ArrayRef<int64_t> source, ArrayRef<int64_t> result) {
  int64_t rank = result.size();
  int64_t lead = rank - static_cast<int64_t>(source.size());
  if (lead < 0)
    return std::nullopt;
  SmallVector<int64_t> sourceStrides = getStrides(source);
  SmallVector<int64_t> strides(rank, 0);
  for (int64_t d = lead; d < rank; ++d) {
    int64_t dim = source[d - lead];
    if (dim != 1 && dim != result[d])
      return std::nullopt;
    strides[d] = dim == 1 ? 0 : sourceStrides[d - lead];
  }
  int64_t count = 1;
  for (int64_t dim : result)
    count *= dim;
  std::vector<int64_t> offsets;
  offsets.reserve(count);
  SmallVector<int64_t> index(rank, 0);
  for (int64_t n = 0; n < count; ++n) {
    int64_t offset = 0;
    for (int64_t d = 0; d < rank; ++d)
      offset += index[d] * strides[d];
    offsets.push_back(offset);
    increment(index, result);
  }
  return offsets;
}

/// Reads the elements of a dense or dense_resource attribute.
LogicalResult readElements(ElementsAttr attr, ConstantTensor &tensor,
                           std::string &reason) {
  Type element = attr.getElementType();
  tensor.elementType = element;
  tensor.shape.assign(attr.getShapedType().getShape().begin(),
                      attr.getShapedType().getShape().end());
  int64_t count = attr.getNumElements();
  tensor.values.reserve(count);
  auto floatType = dyn_cast<FloatType>(element);
  auto intType = dyn_cast<IntegerType>(element);
  if (!floatType && !(intType && intType.getWidth() <= 64))
    return reason = "a constant has an element type other than float or "
                    "integer",
           failure();

  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (floatType)
      for (const APFloat &value : dense.getValues<APFloat>())
        tensor.values.push_back(value.convertToDouble());
    else if (intType.getWidth() == 1)
      for (bool value : dense.getValues<bool>())
        tensor.values.push_back(value ? 1.0 : 0.0);
    else
      for (const APInt &value : dense.getValues<APInt>())
        tensor.values.push_back(static_cast<double>(value.getSExtValue()));
    return success();
  }

  // The importer's blobs hold the raw little-endian elements.
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  AsmResourceBlob *blob =
      resource ? resource.getRawHandle().getBlob() : nullptr;
  if (!blob)
    return reason = "a constant's data is not available", failure();
  ArrayRef<char> data = blob->getData();
  unsigned width = floatType ? floatType.getWidth() / 8
                             : std::max(1u, intType.getWidth() / 8);
  if (data.size() != static_cast<size_t>(count) * width || width == 0)
    return reason = "a constant's data does not match its type", failure();
  for (int64_t n = 0; n < count; ++n) {
    const char *bytes = data.data() + n * width;
    uint64_t raw = 0;
    std::memcpy(&raw, bytes, width);
    if (floatType) {
      APFloat value(floatType.getFloatSemantics(),
                    APInt(floatType.getWidth(), raw));
      tensor.values.push_back(value.convertToDouble());
    } else {
      APInt value(intType.getWidth(), raw);
      tensor.values.push_back(static_cast<double>(value.getSExtValue()));
    }
  }
  return success();
}

class Evaluator {
public:
  FailureOr<const ConstantTensor *> evaluate(Value value, int depth);
  std::string reason;

private:
  FailureOr<ConstantTensor> compute(Operation *op, RankedTensorType type,
                                    int depth);
  LogicalResult fail(const Twine &why) {
    reason = why.str();
    return failure();
  }

  DenseMap<Value, std::unique_ptr<ConstantTensor>> memo;
};

FailureOr<const ConstantTensor *> Evaluator::evaluate(Value value, int depth) {
  auto it = memo.find(value);
  if (it != memo.end())
    return it->second.get();
  if (depth > kMaxDepth)
    return fail("the subgraph is deeper than compile-time evaluation goes");
  Operation *op = value.getDefiningOp();
  if (!op)
    return fail("it depends on a function argument");
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return fail("it has a dynamic shape");
  if (type.getNumElements() > kMaxElements)
    return fail("it has more elements than compile-time evaluation reads");
  FailureOr<ConstantTensor> tensor = compute(op, type, depth);
  if (failed(tensor))
    return failure();
  auto stored = std::make_unique<ConstantTensor>(std::move(*tensor));
  const ConstantTensor *result = stored.get();
  memo[value] = std::move(stored);
  return result;
}

FailureOr<ConstantTensor> Evaluator::compute(Operation *op,
                                             RankedTensorType type, int depth) {
  ConstantTensor out;
  out.shape.assign(type.getShape().begin(), type.getShape().end());
  out.elementType = type.getElementType();
  int64_t count = type.getNumElements();
  auto operand = [&](unsigned i) {
    return evaluate(op->getOperand(i), depth + 1);
  };
  auto absent = [&](unsigned i) {
    return i >= op->getNumOperands() ||
           isa<NoneType>(op->getOperand(i).getType());
  };

  if (auto constant = dyn_cast<onnx::ConstantOp>(op)) {
    if (failed(readElements(constant.getValue(), out, reason)))
      return failure();
    return out;
  }

  // Reinterpretations of the shape keep the row-major order.
  if (isa<onnx::IdentityOp, onnx::ReshapeOp, onnx::UnsqueezeOp, onnx::SqueezeOp,
          onnx::FlattenOp>(op)) {
    FailureOr<const ConstantTensor *> in = operand(0);
    if (failed(in))
      return failure();
    out.values = (*in)->values;
    return out;
  }

  if (isa<onnx::CastOp, onnx::CastLikeOp>(op)) {
    FailureOr<const ConstantTensor *> in = operand(0);
    if (failed(in))
      return failure();
    bool toInteger =
        isa<IntegerType>(out.elementType) && !out.elementType.isInteger(1);
    for (double x : (*in)->values) {
      if (toInteger && !(std::fabs(x) < kMaxExactInteger))
        return fail("a Cast to an integer type gets a value out of range");
      out.values.push_back(roundTo(out.elementType, x));
    }
    return out;
  }

  if (isa<onnx::ExpandOp>(op)) {
    FailureOr<const ConstantTensor *> in = operand(0);
    if (failed(in))
      return failure();
    std::optional<std::vector<int64_t>> offsets =
        getBroadcastOffsets((*in)->shape, out.shape);
    if (!offsets)
      return fail("an Expand does not broadcast");
    for (int64_t offset : *offsets)
      out.values.push_back((*in)->values[offset]);
    return out;
  }

  if (auto transpose = dyn_cast<onnx::TransposeOp>(op)) {
    FailureOr<const ConstantTensor *> in = operand(0);
    if (failed(in))
      return failure();
    int64_t rank = (*in)->shape.size();
    SmallVector<int64_t> perm;
    if (std::optional<ArrayRef<int64_t>> attr = transpose.getPerm())
      perm.assign(attr->begin(), attr->end());
    else
      for (int64_t d = rank - 1; d >= 0; --d)
        perm.push_back(d);
    SmallVector<int64_t> inStrides = getStrides((*in)->shape);
    SmallVector<int64_t> index(rank, 0);
    for (int64_t n = 0; n < count; ++n) {
      int64_t offset = 0;
      for (int64_t d = 0; d < rank; ++d)
        offset += index[d] * inStrides[perm[d]];
      out.values.push_back((*in)->values[offset]);
      increment(index, out.shape);
    }
    return out;
  }

  if (auto fill = dyn_cast<onnx::ConstantOfShapeOp>(op)) {
    double value = 0.0;
    if (ElementsAttr attr = fill.getValueAttr()) {
      ConstantTensor element;
      if (failed(readElements(attr, element, reason)))
        return failure();
      if (element.values.empty())
        return fail("a ConstantOfShape has no value");
      value = element.values.front();
    }
    out.values.assign(count, value);
    return out;
  }

  if (isa<onnx::RangeOp>(op)) {
    FailureOr<const ConstantTensor *> start = operand(0), delta = operand(2);
    if (failed(start) || failed(delta) || (*start)->values.size() != 1 ||
        (*delta)->values.size() != 1)
      return failure();
    for (int64_t n = 0; n < count; ++n)
      out.values.push_back(roundTo(
          out.elementType,
          (*start)->values[0] + static_cast<double>(n) * (*delta)->values[0]));
    return out;
  }

  if (auto trilu = dyn_cast<onnx::TriluOp>(op)) {
    FailureOr<const ConstantTensor *> in = operand(0);
    if (failed(in))
      return failure();
    int64_t k = 0;
    if (!absent(1)) {
      FailureOr<const ConstantTensor *> diagonal = operand(1);
      if (failed(diagonal) || (*diagonal)->values.size() != 1)
        return failure();
      k = static_cast<int64_t>((*diagonal)->values[0]);
    }
    int64_t rank = out.shape.size();
    if (rank < 2)
      return fail("a Trilu input has rank below 2");
    bool upper = trilu.getUpper() != 0;
    SmallVector<int64_t> index(rank, 0);
    for (int64_t n = 0; n < count; ++n) {
      int64_t diff = index[rank - 1] - index[rank - 2];
      bool keep = upper ? diff >= k : diff <= k;
      out.values.push_back(keep ? (*in)->values[n] : 0.0);
      increment(index, out.shape);
    }
    return out;
  }

  if (isa<onnx::WhereOp>(op)) {
    FailureOr<const ConstantTensor *> cond = operand(0), x = operand(1),
                                      y = operand(2);
    if (failed(cond) || failed(x) || failed(y))
      return failure();
    auto c = getBroadcastOffsets((*cond)->shape, out.shape);
    auto a = getBroadcastOffsets((*x)->shape, out.shape);
    auto b = getBroadcastOffsets((*y)->shape, out.shape);
    if (!c || !a || !b)
      return fail("a Where does not broadcast");
    for (int64_t n = 0; n < count; ++n)
      out.values.push_back((*cond)->values[(*c)[n]] != 0.0
                               ? (*x)->values[(*a)[n]]
                               : (*y)->values[(*b)[n]]);
    return out;
  }

  if (isa<onnx::NotOp, onnx::NegOp>(op)) {
    FailureOr<const ConstantTensor *> in = operand(0);
    if (failed(in))
      return failure();
    bool isNot = isa<onnx::NotOp>(op);
    for (double x : (*in)->values)
      out.values.push_back(isNot ? (x == 0.0 ? 1.0 : 0.0) : -x);
    return out;
  }

  // Broadcasting binary ops; floats round to the result type, integers
  // must stay exact.
  std::function<double(double, double)> binary;
  if (isa<onnx::AddOp>(op))
    binary = [](double a, double b) { return a + b; };
  else if (isa<onnx::SubOp>(op))
    binary = [](double a, double b) { return a - b; };
  else if (isa<onnx::MulOp>(op))
    binary = [](double a, double b) { return a * b; };
  else if (isa<onnx::AndOp>(op))
    binary = [](double a, double b) { return double(a != 0.0 && b != 0.0); };
  else if (isa<onnx::OrOp>(op))
    binary = [](double a, double b) { return double(a != 0.0 || b != 0.0); };
  else if (isa<onnx::XorOp>(op))
    binary = [](double a, double b) {
      return double((a != 0.0) != (b != 0.0));
    };
  else if (isa<onnx::EqualOp>(op))
    binary = [](double a, double b) { return double(a == b); };
  else if (isa<onnx::LessOp>(op))
    binary = [](double a, double b) { return double(a < b); };
  else if (isa<onnx::LessOrEqualOp>(op))
    binary = [](double a, double b) { return double(a <= b); };
  else if (isa<onnx::GreaterOp>(op))
    binary = [](double a, double b) { return double(a > b); };
  else if (isa<onnx::GreaterOrEqualOp>(op))
    binary = [](double a, double b) { return double(a >= b); };
  if (binary) {
    FailureOr<const ConstantTensor *> lhs = operand(0), rhs = operand(1);
    if (failed(lhs) || failed(rhs))
      return failure();
    auto a = getBroadcastOffsets((*lhs)->shape, out.shape);
    auto b = getBroadcastOffsets((*rhs)->shape, out.shape);
    if (!a || !b)
      return fail("a binary op does not broadcast");
    bool exactIntegers = isa<IntegerType>(out.elementType);
    for (int64_t n = 0; n < count; ++n) {
      double value = binary((*lhs)->values[(*a)[n]], (*rhs)->values[(*b)[n]]);
      if (exactIntegers && !(std::fabs(value) < kMaxExactInteger))
        return fail("integer arithmetic leaves the exact range");
      out.values.push_back(roundTo(out.elementType, value));
    }
    return out;
  }

  if (auto concat = dyn_cast<onnx::ConcatOp>(op)) {
    int64_t rank = out.shape.size();
    int64_t axis =
        concat.getAxis() < 0 ? concat.getAxis() + rank : concat.getAxis();
    if (axis < 0 || axis >= rank)
      return fail("a Concat axis is out of range");
    SmallVector<const ConstantTensor *> inputs;
    for (unsigned i = 0; i < op->getNumOperands(); ++i) {
      FailureOr<const ConstantTensor *> in = operand(i);
      if (failed(in))
        return failure();
      inputs.push_back(*in);
    }
    // Row-major: for each index of the dims before `axis`, the inputs'
    // blocks one after another.
    int64_t outer = 1;
    for (int64_t d = 0; d < axis; ++d)
      outer *= out.shape[d];
    for (int64_t o = 0; o < outer; ++o)
      for (const ConstantTensor *in : inputs) {
        int64_t block = in->getNumElements() / std::max<int64_t>(outer, 1);
        out.values.insert(out.values.end(), in->values.begin() + o * block,
                          in->values.begin() + (o + 1) * block);
      }
    if (out.getNumElements() != count)
      return fail("a Concat does not add up to its result");
    return out;
  }

  if (isa<onnx::SliceOp>(op)) {
    FailureOr<const ConstantTensor *> in = operand(0), starts = operand(1);
    if (failed(in) || failed(starts))
      return failure();
    int64_t rank = out.shape.size();
    int64_t sliced = (*starts)->values.size();
    auto list = [&](unsigned i, std::function<double(int64_t)> fallback)
        -> FailureOr<SmallVector<int64_t>> {
      SmallVector<int64_t> values;
      if (absent(i)) {
        for (int64_t n = 0; n < sliced; ++n)
          values.push_back(static_cast<int64_t>(fallback(n)));
        return values;
      }
      FailureOr<const ConstantTensor *> t = operand(i);
      if (failed(t) || static_cast<int64_t>((*t)->values.size()) != sliced)
        return failure();
      for (double v : (*t)->values)
        values.push_back(static_cast<int64_t>(v));
      return values;
    };
    FailureOr<SmallVector<int64_t>> axes =
        list(3, [](int64_t n) { return double(n); });
    FailureOr<SmallVector<int64_t>> steps =
        list(4, [](int64_t) { return 1.0; });
    if (failed(axes) || failed(steps))
      return fail("a Slice has non-constant or mismatched axes or steps");
    SmallVector<int64_t> begin(rank, 0), step(rank, 1);
    for (int64_t n = 0; n < sliced; ++n) {
      int64_t axis = (*axes)[n] < 0 ? (*axes)[n] + rank : (*axes)[n];
      if (axis < 0 || axis >= rank || (*steps)[n] == 0)
        return fail("a Slice axis or step is invalid");
      int64_t dim = (*in)->shape[axis];
      int64_t start = static_cast<int64_t>((*starts)->values[n]);
      if (start < 0)
        start += dim;
      start = (*steps)[n] > 0 ? std::clamp<int64_t>(start, 0, dim)
                              : std::clamp<int64_t>(start, 0, dim - 1);
      begin[axis] = start;
      step[axis] = (*steps)[n];
    }
    SmallVector<int64_t> inStrides = getStrides((*in)->shape);
    SmallVector<int64_t> index(rank, 0);
    for (int64_t n = 0; n < count; ++n) {
      int64_t offset = 0;
      for (int64_t d = 0; d < rank; ++d) {
        int64_t at = begin[d] + index[d] * step[d];
        if (at < 0 || at >= (*in)->shape[d])
          return fail("a Slice reads out of bounds");
        offset += at * inStrides[d];
      }
      out.values.push_back((*in)->values[offset]);
      increment(index, out.shape);
    }
    return out;
  }

  return fail("it is computed by " + op->getName().getStringRef() +
              ", which compile-time evaluation does not read");
}

} // namespace

FailureOr<ConstantTensor>
mlir::attn::evaluateConstantTensor(Value value, std::string &reason) {
  Evaluator evaluator;
  FailureOr<const ConstantTensor *> result = evaluator.evaluate(value, 0);
  if (failed(result)) {
    reason = evaluator.reason;
    return failure();
  }
  return **result;
}
