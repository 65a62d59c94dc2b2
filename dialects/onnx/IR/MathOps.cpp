//===- MathOps.cpp - Contractions, reductions, normalisations -------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Diagnostics.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <map>

using namespace mlir;
using namespace mlir::onnx;

namespace {

/// Checks that `operand` broadcasts unidirectionally to `target` (the shapes
/// aligned on the right, every operand dim 1 or the target's), as ONNX requires
/// of scales, biases and Gemm's C. Dynamic dims are accepted.
LogicalResult checkBroadcastsTo(std::optional<Location> loc, StringRef what,
                                RankedTensorType operand,
                                ArrayRef<int64_t> target) {
  ArrayRef<int64_t> shape = operand.getShape();
  bool ok = shape.size() <= target.size();
  for (size_t i = 0; ok && i < shape.size(); ++i) {
    int64_t dim = shape[i], want = target[target.size() - shape.size() + i];
    ok = dim == 1 || dim == want || ShapedType::isDynamic(dim) ||
         ShapedType::isDynamic(want);
  }
  if (ok)
    return success();
  return emitOptionalError(loc, "expects ", what, " of shape [", shape,
                           "] to broadcast to [", target, "]");
}

LogicalResult checkSameElementType(std::optional<Location> loc, StringRef what,
                                   Type type, Type expected) {
  Type element = cast<ShapedType>(type).getElementType();
  if (element == expected)
    return success();
  return emitOptionalError(loc, "expects ", what, " of element type ", expected,
                           ", but got ", element);
}

/// The element type of normalisation statistics: ONNX's stash_type is a
/// TensorProto data type, and only 1 (float) is supported.
FailureOr<Type> getStatisticsElementType(MLIRContext *context,
                                         std::optional<Location> loc,
                                         int64_t stashType) {
  if (stashType != 1)
    return emitOptionalError(loc, "expects stash_type 1 (float), but got ",
                             stashType);
  return Type(Float32Type::get(context));
}

/// The shape of per-row statistics: `shape` with the dims from `axis` on set
/// to 1.
SmallVector<int64_t> getStatisticsShape(ArrayRef<int64_t> shape, int64_t axis) {
  SmallVector<int64_t> result(shape);
  std::fill(result.begin() + axis, result.end(), 1);
  return result;
}

/// Shared by the RMS-style normalisations: normalised dims from `axis` on,
/// `scale` broadcasting to `X`; Y takes scale's element type, the statistics
/// `stashType`.
LogicalResult inferRMSNorm(MLIRContext *context, std::optional<Location> loc,
                           Value x, Value scale, int64_t axis,
                           int64_t stashType, bool withInvStdDev,
                           SmallVectorImpl<Type> &inferred) {
  auto xType = cast<RankedTensorType>(x.getType());
  auto scaleType = cast<RankedTensorType>(scale.getType());
  FailureOr<int64_t> normAxis = normalizeAxis(loc, axis, xType.getRank());
  FailureOr<Type> stash = getStatisticsElementType(context, loc, stashType);
  if (failed(normAxis) || failed(stash) ||
      failed(checkBroadcastsTo(loc, "scale", scaleType, xType.getShape())))
    return failure();
  inferred.push_back(xType.clone(scaleType.getElementType()));
  if (withInvStdDev)
    inferred.push_back(RankedTensorType::get(
        getStatisticsShape(xType.getShape(), *normAxis), *stash));
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// MatMulOp
//===----------------------------------------------------------------------===//

LogicalResult MatMulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  auto a = cast<RankedTensorType>(adaptor.getA().getType());
  auto b = cast<RankedTensorType>(adaptor.getB().getType());
  if (a.getElementType() != b.getElementType())
    return emitOptionalError(loc, "operands have different element types ",
                             a.getElementType(), " and ", b.getElementType());
  if (a.getRank() == 0 || b.getRank() == 0)
    return emitOptionalError(loc, "expects operands of rank at least 1");
  // Promote 1-D operands to matrices; the added dims are dropped again below.
  SmallVector<int64_t> aShape(a.getShape()), bShape(b.getShape());
  bool aVector = aShape.size() == 1, bVector = bShape.size() == 1;
  if (aVector)
    aShape.insert(aShape.begin(), 1);
  if (bVector)
    bShape.push_back(1);
  int64_t k1 = aShape.back(), k2 = bShape[bShape.size() - 2];
  if (!ShapedType::isDynamic(k1) && !ShapedType::isDynamic(k2) && k1 != k2)
    return emitOptionalError(loc, "contraction dims differ: ", k1, " and ", k2);
  SmallVector<int64_t> shape;
  if (failed(broadcastShapes(loc, ArrayRef(aShape).drop_back(2),
                             ArrayRef(bShape).drop_back(2), shape)))
    return failure();
  if (!aVector)
    shape.push_back(aShape[aShape.size() - 2]);
  if (!bVector)
    shape.push_back(bShape.back());
  inferred.push_back(RankedTensorType::get(shape, a.getElementType()));
  return success();
}


//===----------------------------------------------------------------------===//
// GemmOp
//===----------------------------------------------------------------------===//

LogicalResult GemmOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  auto a = cast<RankedTensorType>(adaptor.getA().getType());
  auto b = cast<RankedTensorType>(adaptor.getB().getType());
  if (a.getRank() != 2 || b.getRank() != 2)
    return emitOptionalError(loc, "expects A and B of rank 2, but got ",
                             a.getRank(), " and ", b.getRank());
  if (failed(checkSameElementType(loc, "B", b, a.getElementType())))
    return failure();
  bool transA = adaptor.getTransA() != 0, transB = adaptor.getTransB() != 0;
  int64_t m = a.getDimSize(transA ? 1 : 0), k1 = a.getDimSize(transA ? 0 : 1);
  int64_t k2 = b.getDimSize(transB ? 1 : 0), n = b.getDimSize(transB ? 0 : 1);
  if (!ShapedType::isDynamic(k1) && !ShapedType::isDynamic(k2) && k1 != k2)
    return emitOptionalError(loc, "contraction dims differ: ", k1, " and ", k2);
  if (auto c = dyn_cast<RankedTensorType>(adaptor.getC().getType()))
    if (failed(checkSameElementType(loc, "C", c, a.getElementType())) ||
        failed(checkBroadcastsTo(loc, "C", c, {m, n})))
      return failure();
  inferred.push_back(RankedTensorType::get({m, n}, a.getElementType()));
  return success();
}


//===----------------------------------------------------------------------===//
// EinsumOp
//===----------------------------------------------------------------------===//

namespace {

/// One term of an equation: its letters before and after `...`.
struct EinsumTerm {
  std::string before, after;
  bool ellipsis = false;
  size_t numLetters() const { return before.size() + after.size(); }
};

FailureOr<EinsumTerm> parseEinsumTerm(std::optional<Location> loc,
                                      StringRef term) {
  EinsumTerm result;
  while (!term.empty()) {
    if (term.consume_front("...")) {
      if (result.ellipsis)
        return emitOptionalError(loc, "expects at most one '...' per term");
      result.ellipsis = true;
      continue;
    }
    char c = term.front();
    if (!llvm::isAlpha(c))
      return emitOptionalError(loc,
                               "expects letters or '...' in einsum "
                               "terms, but got '",
                               StringRef(&c, 1), "'");
    (result.ellipsis ? result.after : result.before).push_back(c);
    term = term.drop_front();
  }
  return result;
}

/// Labels of the last `count` of `total` ellipsis dims: ellipses align on
/// the right, so the last dim of every ellipsis is label '0' + total - 1.
std::string ellipsisLabels(int64_t count, int64_t total) {
  std::string labels;
  for (int64_t i = total - count; i < total; ++i)
    labels.push_back(static_cast<char>('0' + i));
  return labels;
}

} // namespace

FailureOr<EinsumOp::Labels> EinsumOp::parseEquation(std::optional<Location> loc,
                                                    StringRef equation,
                                                    ArrayRef<int64_t> ranks) {
  std::string text;
  for (char c : equation)
    if (!llvm::isSpace(c))
      text.push_back(c);
  StringRef lhs = text, rhs;
  size_t arrow = lhs.find("->");
  bool explicitOutput = arrow != StringRef::npos;
  if (explicitOutput) {
    rhs = lhs.substr(arrow + 2);
    lhs = lhs.substr(0, arrow);
  }
  SmallVector<StringRef> termTexts;
  lhs.split(termTexts, ',');
  if (termTexts.size() != ranks.size())
    return emitOptionalError(loc, "expects ", ranks.size(),
                             " input terms in equation '", equation,
                             "', but got ", termTexts.size());

  SmallVector<EinsumTerm> terms;
  int64_t ellipsisRank = 0;
  for (auto [i, termText] : llvm::enumerate(termTexts)) {
    FailureOr<EinsumTerm> term = parseEinsumTerm(loc, termText);
    if (failed(term))
      return failure();
    int64_t letters = term->numLetters(), rank = ranks[i];
    if (term->ellipsis ? letters > rank : letters != rank)
      return emitOptionalError(loc, "expects term '", termText, "' to match ",
                               "input ", i, " of rank ", rank);
    ellipsisRank = std::max(ellipsisRank, rank - letters);
    terms.push_back(std::move(*term));
  }
  // Ellipsis dims are labelled with digits.
  if (ellipsisRank > 10)
    return emitOptionalError(loc,
                             "expects at most 10 dims under '...', but "
                             "got ",
                             ellipsisRank);

  Labels labels;
  for (auto [term, rank] : llvm::zip_equal(terms, ranks))
    labels.inputs.push_back(
        term.before +
        ellipsisLabels(rank - static_cast<int64_t>(term.numLetters()),
                       ellipsisRank) +
        term.after);

  if (!explicitOutput) {
    // Implicit form: ellipsis dims, then the letters used once, sorted.
    std::map<char, int> counts;
    for (const EinsumTerm &term : terms)
      for (char c : term.before + term.after)
        ++counts[c];
    labels.output = ellipsisLabels(ellipsisRank, ellipsisRank);
    for (auto [c, count] : counts)
      if (count == 1)
        labels.output.push_back(c);
    return labels;
  }

  FailureOr<EinsumTerm> out = parseEinsumTerm(loc, rhs);
  if (failed(out))
    return failure();
  if (!out->ellipsis && ellipsisRank > 0)
    return emitOptionalError(loc, "expects '...' in the output of '", equation,
                             "' since inputs have dims under '...'");
  labels.output =
      out->before + ellipsisLabels(ellipsisRank, ellipsisRank) + out->after;
  std::string outLetters = out->before + out->after;
  for (size_t i = 0; i < outLetters.size(); ++i) {
    StringRef label(&outLetters[i], 1);
    if (llvm::none_of(labels.inputs, [&](const std::string &input) {
          return StringRef(input).contains(label);
        }))
      return emitOptionalError(loc, "expects output label '", label,
                               "' to occur in an input");
    if (StringRef(outLetters).substr(i + 1).contains(label))
      return emitOptionalError(loc, "expects output label '", label, "' once");
  }
  return labels;
}

LogicalResult EinsumOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return emitOptionalError(loc, "expects at least one input");
  Type elementType = cast<ShapedType>(inputs[0].getType()).getElementType();
  SmallVector<int64_t> ranks;
  for (Value input : inputs) {
    if (failed(checkSameElementType(loc, "every input", input.getType(),
                                    elementType)))
      return failure();
    ranks.push_back(cast<RankedTensorType>(input.getType()).getRank());
  }
  FailureOr<Labels> labels = parseEquation(loc, adaptor.getEquation(), ranks);
  if (failed(labels))
    return failure();

  // The size of each label: letters must agree, ellipsis dims broadcast.
  llvm::DenseMap<char, int64_t> sizes;
  for (auto [input, inputLabels] : llvm::zip_equal(inputs, labels->inputs)) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(input.getType()).getShape();
    for (auto [c, size] : llvm::zip_equal(inputLabels, shape)) {
      auto [it, inserted] = sizes.try_emplace(c, size);
      if (inserted)
        continue;
      SmallVector<int64_t> merged;
      if (llvm::isDigit(c)) {
        if (failed(broadcastShapes(loc, it->second, size, merged)))
          return failure();
        it->second = merged.front();
      } else if (ShapedType::isDynamic(it->second)) {
        it->second = size;
      } else if (!ShapedType::isDynamic(size) && size != it->second) {
        return emitOptionalError(loc, "expects label '", StringRef(&c, 1),
                                 "' to have one size, but got ", it->second,
                                 " and ", size);
      }
    }
  }
  SmallVector<int64_t> shape;
  for (char c : labels->output)
    shape.push_back(sizes.lookup(c));
  inferred.push_back(RankedTensorType::get(shape, elementType));
  return success();
}


//===----------------------------------------------------------------------===//
// SoftmaxOp
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  auto type = cast<RankedTensorType>(adaptor.getInput().getType());
  if (failed(normalizeAxis(loc, adaptor.getAxis(), type.getRank())))
    return failure();
  inferred.push_back(type);
  return success();
}


//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

namespace {

/// The result shape of a reduction of `shape` over axes that are not
/// constants (so which dims are reduced is known only at run time). Axes
/// must be distinct, so `count` of them (the axes' static length) reduce
/// `count` dims: without keepdims the rank is known, and kept dim `j` is one of
/// data dims `j` to `j + count`, static when those agree. With keepdims a dim
/// stays 1 if it was 1 or if every dim is reduced; the count may then be
/// dynamic too.
FailureOr<SmallVector<int64_t>>
inferRuntimeAxesShape(std::optional<Location> loc, ArrayRef<int64_t> shape,
                      RankedTensorType axesType, bool keepdims) {
  int64_t rank = shape.size();
  int64_t count = axesType.getDimSize(0);
  if (!ShapedType::isDynamic(count) && count > rank)
    return emitOptionalError(loc, "expects at most ", rank,
                             " distinct axes, but got ", count);
  SmallVector<int64_t> result;
  if (keepdims) {
    for (int64_t dim : shape)
      result.push_back(dim == 1 || count == rank ? 1 : ShapedType::kDynamic);
    return result;
  }
  if (ShapedType::isDynamic(count))
    return emitOptionalError(
        loc,
        "expects constant axes or axes of a static length when "
        "keepdims = 0, because the result rank is the data rank minus "
        "their number, but got axes of type ",
        axesType);
  for (int64_t kept = 0; kept < rank - count; ++kept) {
    ArrayRef<int64_t> candidates = shape.slice(kept, count + 1);
    bool agree = llvm::all_equal(candidates) &&
                 !ShapedType::isDynamic(candidates.front());
    result.push_back(agree ? candidates.front() : ShapedType::kDynamic);
  }
  return result;
}

LogicalResult inferReduce(std::optional<Location> loc, Value data, Value axes,
                          bool keepdims, bool noopWithEmptyAxes,
                          SmallVectorImpl<Type> &inferred) {
  auto dataType = cast<RankedTensorType>(data.getType());
  int64_t rank = dataType.getRank();
  auto axesType = dyn_cast<RankedTensorType>(axes.getType());
  if (axesType && axesType.getRank() != 1)
    return emitOptionalError(loc, "expects axes of rank 1, but got rank ",
                             axesType.getRank());

  // An empty axes tensor counts as none, even when it is not a constant.
  bool noAxes = !axesType || axesType.getDimSize(0) == 0;
  std::optional<SmallVector<int64_t>> constAxes =
      noAxes ? std::optional<SmallVector<int64_t>>(SmallVector<int64_t>())
             : getConstantIntValues(axes);
  if (!constAxes) {
    FailureOr<SmallVector<int64_t>> shape =
        inferRuntimeAxesShape(loc, dataType.getShape(), axesType, keepdims);
    if (failed(shape))
      return failure();
    inferred.push_back(dataType.clone(*shape));
    return success();
  }

  if (constAxes->empty() && noopWithEmptyAxes) {
    inferred.push_back(dataType);
    return success();
  }
  SmallVector<bool> reduced(rank, constAxes->empty());
  for (int64_t axis : *constAxes) {
    FailureOr<int64_t> normalized = normalizeAxis(loc, axis, rank, "axes");
    if (failed(normalized))
      return failure();
    if (reduced[*normalized])
      return emitOptionalError(loc, "expects distinct axes, but got ", axis,
                               " twice");
    reduced[*normalized] = true;
  }
  SmallVector<int64_t> shape;
  for (auto [dim, isReduced] : llvm::zip_equal(dataType.getShape(), reduced)) {
    if (!isReduced)
      shape.push_back(dim);
    else if (keepdims)
      shape.push_back(1);
  }
  inferred.push_back(dataType.clone(shape));
  return success();
}

} // namespace

#define ATTNC_REDUCE(OP)                                                       \
  LogicalResult OP::inferReturnTypes(                                          \
      MLIRContext *, std::optional<Location> loc, Adaptor adaptor,             \
      SmallVectorImpl<Type> &inferred) {                                       \
    return inferReduce(loc, adaptor.getData(), adaptor.getAxes(),              \
                       adaptor.getKeepdims() != 0,                             \
                       adaptor.getNoopWithEmptyAxes() != 0, inferred);         \
  }

ATTNC_REDUCE(ReduceMaxOp)
ATTNC_REDUCE(ReduceMinOp)
ATTNC_REDUCE(ReduceMeanOp)
ATTNC_REDUCE(ReduceSumOp)
#undef ATTNC_REDUCE

//===----------------------------------------------------------------------===//
// Normalisations
//===----------------------------------------------------------------------===//

LogicalResult LayerNormalizationOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto xType = cast<RankedTensorType>(adaptor.getX().getType());
  FailureOr<int64_t> axis =
      normalizeAxis(loc, adaptor.getAxis(), xType.getRank());
  FailureOr<Type> stash =
      getStatisticsElementType(context, loc, adaptor.getStashType());
  if (failed(axis) || failed(stash))
    return failure();
  Type element = xType.getElementType();
  auto scaleType = cast<RankedTensorType>(adaptor.getScale().getType());
  if (failed(checkSameElementType(loc, "Scale", scaleType, element)) ||
      failed(checkBroadcastsTo(loc, "Scale", scaleType, xType.getShape())))
    return failure();
  if (auto biasType = dyn_cast<RankedTensorType>(adaptor.getB().getType()))
    if (failed(checkSameElementType(loc, "B", biasType, element)) ||
        failed(checkBroadcastsTo(loc, "B", biasType, xType.getShape())))
      return failure();
  auto statsType = RankedTensorType::get(
      getStatisticsShape(xType.getShape(), *axis), *stash);
  inferred.append({xType, statsType, statsType});
  return success();
}


LogicalResult RMSNormalizationOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  return inferRMSNorm(context, loc, adaptor.getX(), adaptor.getScale(),
                      adaptor.getAxis(), adaptor.getStashType(),
                      /*withInvStdDev=*/false, inferred);
}


LogicalResult MSSimplifiedLayerNormalizationOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  return inferRMSNorm(context, loc, adaptor.getX(), adaptor.getScale(),
                      adaptor.getAxis(), adaptor.getStashType(),
                      /*withInvStdDev=*/true, inferred);
}


/// The Skip*LayerNormalization family: output and sum shaped as the input,
/// f32 statistics with the last dim reduced to 1. `hiddenSized` are the
/// optional per-channel operands (bias, beta), by name.
static LogicalResult inferSkipNormalization(
    MLIRContext *context, std::optional<Location> loc, Value input, Value skip,
    Value gamma,
    ArrayRef<std::pair<StringRef, Value>> hiddenSized,
    SmallVectorImpl<Type> &inferred) {
  auto inputType = cast<RankedTensorType>(input.getType());
  if (inputType.getRank() < 1)
    return emitOptionalError(loc, "expects input of rank at least 1");
  Type element = inputType.getElementType();
  ArrayRef<int64_t> shape = inputType.getShape();
  auto skipType = cast<RankedTensorType>(skip.getType());
  auto gammaType = cast<RankedTensorType>(gamma.getType());
  if (failed(checkSameElementType(loc, "skip", skipType, element)) ||
      failed(checkBroadcastsTo(loc, "skip", skipType, shape)) ||
      failed(checkSameElementType(loc, "gamma", gammaType, element)) ||
      failed(checkBroadcastsTo(loc, "gamma", gammaType, shape.back())))
    return failure();
  for (auto [name, value] : hiddenSized)
    if (auto type = dyn_cast<RankedTensorType>(value.getType()))
      if (failed(checkSameElementType(loc, name, type, element)) ||
          failed(checkBroadcastsTo(loc, name, type, shape.back())))
        return failure();
  auto statsType = RankedTensorType::get(
      getStatisticsShape(shape, shape.size() - 1), Float32Type::get(context));
  inferred.append({inputType, statsType, statsType, inputType});
  return success();
}

LogicalResult MSSkipSimplifiedLayerNormalizationOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  return inferSkipNormalization(context, loc, adaptor.getInput(),
                                adaptor.getSkip(), adaptor.getGamma(),
                                {{"bias", adaptor.getBias()}}, inferred);
}

LogicalResult MSSkipLayerNormalizationOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  return inferSkipNormalization(
      context, loc, adaptor.getInput(), adaptor.getSkip(), adaptor.getGamma(),
      {{"beta", adaptor.getBeta()}, {"bias", adaptor.getBias()}}, inferred);
}



//===----------------------------------------------------------------------===//
// GeluOp
//===----------------------------------------------------------------------===//

LogicalResult GeluOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  StringRef approximate = adaptor.getApproximate();
  if (approximate != "none" && approximate != "tanh")
    return emitOptionalError(loc,
                             "expects approximate \"none\" or \"tanh\", "
                             "but got \"",
                             approximate, "\"");
  inferred.push_back(adaptor.getX().getType());
  return success();
}

