//===- ConstantEvaluation.cpp - Compile-time values of mask subgraphs ----===//
//
// A small interpreter over the onnx ops that exporters use to build masks:
// constants (dense or dense_resource), shape reinterpretations, Cast, Expand,
// Transpose, ConstantOfShape, Range, Trilu, Where, Concat, Slice, Not, Neg and
// the broadcasting arithmetic, logic and comparison ops.
//
// Evaluation is by window: a range [begin, end) of a value's row-major
// elements. Each op computes, for every element of its window, the offsets
// it reads in each operand, and asks the operand for the smallest window
// holding them (a broadcast [1, T] operand of an [S, T] window is read
// whole, an [S, 1] one only on the window's rows). So a block of rows of a
// huge mask costs the block, not the mask. Each (value, window) is evaluated
// once per query; anything else, a dynamic shape, or a window above
// kMaxEvaluatedElements fails with a reason.
//
//===----------------------------------------------------------------------===//

#include "ConstantEvaluation.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>

using namespace mlir;
using namespace mlir::attn;

namespace {

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

/// A range of a value's row-major elements.
struct Window {
  int64_t begin = 0, end = 0;

  int64_t size() const { return end - begin; }
};

/// Calls `fn(n, index)` for every flat position n of `window` within
/// `shape`, with `index` its multi-index.
template <typename Fn>
void forEachIndex(ArrayRef<int64_t> shape, Window window, Fn fn) {
  SmallVector<int64_t> index(shape.size(), 0);
  int64_t rest = window.begin;
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    index[d] = shape[d] ? rest % shape[d] : 0;
    rest = shape[d] ? rest / shape[d] : 0;
  }
  for (int64_t n = window.begin; n < window.end; ++n) {
    fn(n, ArrayRef<int64_t>(index));
    increment(index, shape);
  }
}

/// For each element of `window` in a `result`-shaped tensor, the offset
/// that numpy broadcasting reads in a `source`-shaped one; nullopt when
/// `source` does not broadcast to `result`.
std::optional<std::vector<int64_t>>
getBroadcastOffsets(ArrayRef<int64_t> source, ArrayRef<int64_t> result,
                    Window window) {
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
  std::vector<int64_t> offsets;
  offsets.reserve(window.size());
  forEachIndex(result, window, [&](int64_t, ArrayRef<int64_t> index) {
    int64_t offset = 0;
    for (int64_t d = 0; d < rank; ++d)
      offset += index[d] * strides[d];
    offsets.push_back(offset);
  });
  return offsets;
}

/// Reads elements [window) of a dense or dense_resource attribute.
LogicalResult readElements(ElementsAttr attr, Window window,
                           std::vector<double> &values, std::string &reason) {
  Type element = attr.getElementType();
  auto floatType = dyn_cast<FloatType>(element);
  auto intType = dyn_cast<IntegerType>(element);
  if (!floatType && !(intType && intType.getWidth() <= 64))
    return reason = "a constant has an element type other than float or "
                    "integer",
           failure();
  values.reserve(window.size());

  // DenseElementsAttr's iterators are random access (splats included).
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (floatType) {
      auto it = dense.value_begin<APFloat>() + window.begin;
      for (int64_t n = window.begin; n < window.end; ++n, ++it)
        values.push_back((*it).convertToDouble());
    } else if (intType.getWidth() == 1) {
      auto it = dense.value_begin<bool>() + window.begin;
      for (int64_t n = window.begin; n < window.end; ++n, ++it)
        values.push_back(*it ? 1.0 : 0.0);
    } else {
      auto it = dense.value_begin<APInt>() + window.begin;
      for (int64_t n = window.begin; n < window.end; ++n, ++it)
        values.push_back(static_cast<double>((*it).getSExtValue()));
    }
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
  if (width == 0 ||
      data.size() != static_cast<size_t>(attr.getNumElements()) * width)
    return reason = "a constant's data does not match its type", failure();
  for (int64_t n = window.begin; n < window.end; ++n) {
    const char *bytes = data.data() + n * width;
    uint64_t raw = 0;
    std::memcpy(&raw, bytes, width);
    if (floatType) {
      APFloat value(floatType.getFloatSemantics(),
                    APInt(floatType.getWidth(), raw));
      values.push_back(value.convertToDouble());
    } else {
      APInt value(intType.getWidth(), raw);
      values.push_back(static_cast<double>(value.getSExtValue()));
    }
  }
  return success();
}

/// The elements of one window of a value.
struct WindowValues {
  int64_t begin = 0;
  std::vector<double> values;

  double at(int64_t offset) const { return values[offset - begin]; }
};

class Evaluator {
public:
  /// Elements [window) of `value`.
  FailureOr<const WindowValues *> evaluate(Value value, Window window,
                                           int depth);
  /// Every element of `value`.
  FailureOr<const WindowValues *> evaluateWhole(Value value, int depth);
  std::string reason;

private:
  FailureOr<std::vector<double>> compute(Operation *op, RankedTensorType type,
                                         Window window, int depth);
  /// The elements of `operand` at `offsets`, read through the smallest
  /// window that holds them.
  FailureOr<std::vector<double>> gather(Value operand,
                                        ArrayRef<int64_t> offsets, int depth);
  LogicalResult fail(const Twine &why) {
    reason = why.str();
    return failure();
  }

  DenseMap<std::pair<Value, std::pair<int64_t, int64_t>>,
           std::unique_ptr<WindowValues>>
      memo;
};

FailureOr<const WindowValues *> Evaluator::evaluate(Value value, Window window,
                                                    int depth) {
  auto key = std::make_pair(value, std::make_pair(window.begin, window.end));
  auto it = memo.find(key);
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
  if (window.size() > kMaxEvaluatedElements)
    return fail("it has more elements than compile-time evaluation reads");
  FailureOr<std::vector<double>> values = compute(op, type, window, depth);
  if (failed(values))
    return failure();
  if (static_cast<int64_t>(values->size()) != window.size())
    return fail("an op computes the wrong number of elements");
  auto stored = std::make_unique<WindowValues>();
  stored->begin = window.begin;
  stored->values = std::move(*values);
  const WindowValues *result = stored.get();
  memo[key] = std::move(stored);
  return result;
}

FailureOr<const WindowValues *> Evaluator::evaluateWhole(Value value,
                                                         int depth) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return fail("it has a dynamic shape");
  return evaluate(value, Window{0, type.getNumElements()}, depth);
}

FailureOr<std::vector<double>>
Evaluator::gather(Value operand, ArrayRef<int64_t> offsets, int depth) {
  std::vector<double> values;
  if (offsets.empty())
    return values;
  auto [lo, hi] = std::minmax_element(offsets.begin(), offsets.end());
  FailureOr<const WindowValues *> block =
      evaluate(operand, Window{*lo, *hi + 1}, depth + 1);
  if (failed(block))
    return failure();
  values.reserve(offsets.size());
  for (int64_t offset : offsets)
    values.push_back((*block)->at(offset));
  return values;
}

FailureOr<std::vector<double>> Evaluator::compute(Operation *op,
                                                  RankedTensorType type,
                                                  Window window, int depth) {
  ArrayRef<int64_t> shape = type.getShape();
  Type elementType = type.getElementType();
  int64_t rank = shape.size();
  std::vector<double> out;
  out.reserve(window.size());
  // Elementwise ops read their operand on the same window.
  auto sameWindow = [&](unsigned i) -> FailureOr<const WindowValues *> {
    return evaluate(op->getOperand(i), window, depth + 1);
  };
  auto whole = [&](unsigned i) {
    return evaluateWhole(op->getOperand(i), depth + 1);
  };
  auto absent = [&](unsigned i) {
    return i >= op->getNumOperands() ||
           isa<NoneType>(op->getOperand(i).getType());
  };
  auto operandShape = [&](unsigned i) {
    return cast<RankedTensorType>(op->getOperand(i).getType()).getShape();
  };

  if (auto constant = dyn_cast<onnx::ConstantOp>(op)) {
    if (failed(readElements(constant.getValue(), window, out, reason)))
      return failure();
    return out;
  }

  // Reinterpretations of the shape keep the row-major order.
  if (isa<onnx::IdentityOp, onnx::ReshapeOp, onnx::UnsqueezeOp, onnx::SqueezeOp,
          onnx::FlattenOp>(op)) {
    FailureOr<const WindowValues *> in = sameWindow(0);
    if (failed(in))
      return failure();
    return (*in)->values;
  }

  if (isa<onnx::CastOp, onnx::CastLikeOp>(op)) {
    FailureOr<const WindowValues *> in = sameWindow(0);
    if (failed(in))
      return failure();
    bool toInteger = isa<IntegerType>(elementType) && !elementType.isInteger(1);
    for (double x : (*in)->values) {
      if (toInteger && !(std::fabs(x) < kMaxExactInteger))
        return fail("a Cast to an integer type gets a value out of range");
      out.push_back(roundTo(elementType, x));
    }
    return out;
  }

  if (isa<onnx::ExpandOp>(op)) {
    std::optional<std::vector<int64_t>> offsets =
        getBroadcastOffsets(operandShape(0), shape, window);
    if (!offsets)
      return fail("an Expand does not broadcast");
    return gather(op->getOperand(0), *offsets, depth);
  }

  if (auto transpose = dyn_cast<onnx::TransposeOp>(op)) {
    SmallVector<int64_t> perm;
    if (std::optional<ArrayRef<int64_t>> attr = transpose.getPerm())
      perm.assign(attr->begin(), attr->end());
    else
      for (int64_t d = rank - 1; d >= 0; --d)
        perm.push_back(d);
    SmallVector<int64_t> inStrides = getStrides(operandShape(0));
    std::vector<int64_t> offsets;
    offsets.reserve(window.size());
    forEachIndex(shape, window, [&](int64_t, ArrayRef<int64_t> index) {
      int64_t offset = 0;
      for (int64_t d = 0; d < rank; ++d)
        offset += index[d] * inStrides[perm[d]];
      offsets.push_back(offset);
    });
    return gather(op->getOperand(0), offsets, depth);
  }

  if (auto fill = dyn_cast<onnx::ConstantOfShapeOp>(op)) {
    double value = 0.0;
    if (ElementsAttr attr = fill.getValueAttr()) {
      std::vector<double> element;
      if (attr.getNumElements() < 1)
        return fail("a ConstantOfShape has no value");
      if (failed(readElements(attr, Window{0, 1}, element, reason)))
        return failure();
      value = element.front();
    }
    out.assign(window.size(), value);
    return out;
  }

  if (isa<onnx::RangeOp>(op)) {
    FailureOr<const WindowValues *> start = whole(0), delta = whole(2);
    if (failed(start) || failed(delta) || (*start)->values.size() != 1 ||
        (*delta)->values.size() != 1)
      return failure();
    for (int64_t n = window.begin; n < window.end; ++n)
      out.push_back(
          roundTo(elementType, (*start)->values[0] + static_cast<double>(n) *
                                                         (*delta)->values[0]));
    return out;
  }

  if (auto trilu = dyn_cast<onnx::TriluOp>(op)) {
    if (rank < 2)
      return fail("a Trilu input has rank below 2");
    FailureOr<const WindowValues *> in = sameWindow(0);
    if (failed(in))
      return failure();
    int64_t k = 0;
    if (!absent(1)) {
      FailureOr<const WindowValues *> diagonal = whole(1);
      if (failed(diagonal) || (*diagonal)->values.size() != 1)
        return failure();
      k = static_cast<int64_t>((*diagonal)->values[0]);
    }
    bool upper = trilu.getUpper() != 0;
    forEachIndex(shape, window, [&](int64_t n, ArrayRef<int64_t> index) {
      int64_t diff = index[rank - 1] - index[rank - 2];
      bool keep = upper ? diff >= k : diff <= k;
      out.push_back(keep ? (*in)->at(n) : 0.0);
    });
    return out;
  }

  // Broadcasting n-ary ops: each operand is read at its broadcast offsets.
  auto broadcastOperands =
      [&](unsigned count) -> FailureOr<SmallVector<std::vector<double>, 3>> {
    SmallVector<std::vector<double>, 3> operands;
    for (unsigned i = 0; i < count; ++i) {
      std::optional<std::vector<int64_t>> offsets =
          getBroadcastOffsets(operandShape(i), shape, window);
      if (!offsets)
        return fail("an elementwise op does not broadcast");
      FailureOr<std::vector<double>> values =
          gather(op->getOperand(i), *offsets, depth);
      if (failed(values))
        return failure();
      operands.push_back(std::move(*values));
    }
    return operands;
  };

  if (isa<onnx::WhereOp>(op)) {
    auto operands = broadcastOperands(3);
    if (failed(operands))
      return failure();
    const std::vector<double> &cond = (*operands)[0], &x = (*operands)[1],
                              &y = (*operands)[2];
    for (int64_t n = 0; n < window.size(); ++n)
      out.push_back(cond[n] != 0.0 ? x[n] : y[n]);
    return out;
  }

  if (isa<onnx::NotOp, onnx::NegOp>(op)) {
    FailureOr<const WindowValues *> in = sameWindow(0);
    if (failed(in))
      return failure();
    bool isNot = isa<onnx::NotOp>(op);
    for (double x : (*in)->values)
      out.push_back(isNot ? (x == 0.0 ? 1.0 : 0.0) : -x);
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
    auto operands = broadcastOperands(2);
    if (failed(operands))
      return failure();
    const std::vector<double> &lhs = (*operands)[0], &rhs = (*operands)[1];
    bool exactIntegers = isa<IntegerType>(elementType);
    for (int64_t n = 0; n < window.size(); ++n) {
      double value = binary(lhs[n], rhs[n]);
      if (exactIntegers && !(std::fabs(value) < kMaxExactInteger))
        return fail("integer arithmetic leaves the exact range");
      out.push_back(roundTo(elementType, value));
    }
    return out;
  }

  if (auto concat = dyn_cast<onnx::ConcatOp>(op)) {
    int64_t axis =
        concat.getAxis() < 0 ? concat.getAxis() + rank : concat.getAxis();
    if (axis < 0 || axis >= rank)
      return fail("a Concat axis is out of range");
    // Which input each element comes from, and where in it.
    unsigned numInputs = op->getNumOperands();
    SmallVector<int64_t> firstAlongAxis;
    SmallVector<SmallVector<int64_t>> inStrides;
    int64_t total = 0;
    for (unsigned i = 0; i < numInputs; ++i) {
      ArrayRef<int64_t> inShape = operandShape(i);
      if (static_cast<int64_t>(inShape.size()) != rank)
        return fail("a Concat input has another rank");
      firstAlongAxis.push_back(total);
      inStrides.push_back(getStrides(inShape));
      total += inShape[axis];
    }
    if (total != shape[axis])
      return fail("a Concat does not add up to its result");
    SmallVector<std::vector<int64_t>> offsets(numInputs);
    std::vector<std::pair<unsigned, int64_t>> sources;
    sources.reserve(window.size());
    forEachIndex(shape, window, [&](int64_t, ArrayRef<int64_t> index) {
      unsigned i = llvm::upper_bound(firstAlongAxis, index[axis]) -
                   firstAlongAxis.begin() - 1;
      int64_t offset = 0;
      for (int64_t d = 0; d < rank; ++d)
        offset += (d == axis ? index[d] - firstAlongAxis[i] : index[d]) *
                  inStrides[i][d];
      sources.emplace_back(i, offsets[i].size());
      offsets[i].push_back(offset);
    });
    SmallVector<std::vector<double>> inputs;
    for (unsigned i = 0; i < numInputs; ++i) {
      FailureOr<std::vector<double>> values =
          gather(op->getOperand(i), offsets[i], depth);
      if (failed(values))
        return failure();
      inputs.push_back(std::move(*values));
    }
    for (auto [i, n] : sources)
      out.push_back(inputs[i][n]);
    return out;
  }

  if (isa<onnx::SliceOp>(op)) {
    FailureOr<const WindowValues *> starts = whole(1);
    if (failed(starts))
      return failure();
    ArrayRef<int64_t> inShape = operandShape(0);
    int64_t sliced = (*starts)->values.size();
    auto list = [&](unsigned i, std::function<double(int64_t)> fallback)
        -> FailureOr<SmallVector<int64_t>> {
      SmallVector<int64_t> values;
      if (absent(i)) {
        for (int64_t n = 0; n < sliced; ++n)
          values.push_back(static_cast<int64_t>(fallback(n)));
        return values;
      }
      FailureOr<const WindowValues *> t = whole(i);
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
      int64_t dim = inShape[axis];
      int64_t start = static_cast<int64_t>((*starts)->values[n]);
      if (start < 0)
        start += dim;
      start = (*steps)[n] > 0 ? std::clamp<int64_t>(start, 0, dim)
                              : std::clamp<int64_t>(start, 0, dim - 1);
      begin[axis] = start;
      step[axis] = (*steps)[n];
    }
    SmallVector<int64_t> inStrides = getStrides(inShape);
    std::vector<int64_t> offsets;
    offsets.reserve(window.size());
    bool inBounds = true;
    forEachIndex(shape, window, [&](int64_t, ArrayRef<int64_t> index) {
      int64_t offset = 0;
      for (int64_t d = 0; d < rank; ++d) {
        int64_t at = begin[d] + index[d] * step[d];
        inBounds &= at >= 0 && at < inShape[d];
        offset += at * inStrides[d];
      }
      offsets.push_back(offset);
    });
    if (!inBounds)
      return fail("a Slice reads out of bounds");
    return gather(op->getOperand(0), offsets, depth);
  }

  return fail("it is computed by " + op->getName().getStringRef() +
              ", which compile-time evaluation does not read");
}

} // namespace

FailureOr<ConstantTensor>
mlir::attn::evaluateConstantTensor(Value value, std::string &reason) {
  Evaluator evaluator;
  FailureOr<const WindowValues *> result = evaluator.evaluateWhole(value, 0);
  if (failed(result)) {
    reason = evaluator.reason;
    return failure();
  }
  auto type = cast<RankedTensorType>(value.getType());
  ConstantTensor tensor;
  tensor.shape.assign(type.getShape().begin(), type.getShape().end());
  tensor.elementType = type.getElementType();
  tensor.values = (*result)->values;
  return tensor;
}

LogicalResult mlir::attn::forEachConstantBlock(
    Value value,
    function_ref<LogicalResult(int64_t firstRow, ArrayRef<double> values)>
        visit,
    std::string &reason) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return reason = "it has a dynamic shape", failure();
  int64_t rowSize = type.getRank() ? type.getShape().back() : 1;
  int64_t count = type.getNumElements();
  if (count == 0)
    return success();
  if (rowSize > kMaxEvaluatedElements)
    return reason = "its rows have more elements than compile-time "
                    "evaluation reads",
           failure();
  int64_t rowsPerBlock = kMaxEvaluatedElements / rowSize;
  for (int64_t row = 0; row * rowSize < count; row += rowsPerBlock) {
    // A fresh evaluator per block keeps memory at one block's worth.
    Evaluator evaluator;
    Window window{row * rowSize,
                  std::min(count, (row + rowsPerBlock) * rowSize)};
    FailureOr<const WindowValues *> block =
        evaluator.evaluate(value, window, 0);
    if (failed(block)) {
      reason = evaluator.reason;
      return failure();
    }
    if (failed(visit(row, (*block)->values)))
      return failure();
  }
  return success();
}
