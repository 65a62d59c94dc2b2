//===- ElementwiseOps.cpp - Elementwise ONNX ops --------------------------===//
//
// Result types (numpy broadcasting) and constant folders of the elementwise
// ops. Folding exists for shape subgraphs (Shape -> Gather -> Sub -> Concat),
// so it covers integer and float arithmetic, comparisons and logic, and is
// capped in size (see kMaxFoldedElements).
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::onnx;

//===----------------------------------------------------------------------===//
// Shape inference
//===----------------------------------------------------------------------===//

namespace {

/// Broadcasts the shapes of `operands`; when `sameElementType`, their element
/// types must also agree. The result gets `elementType`, or the first
/// operand's element type when null.
LogicalResult inferBroadcast(std::optional<Location> loc, ValueRange operands,
                             bool sameElementType, Type elementType,
                             SmallVectorImpl<Type> &inferred) {
  if (operands.empty())
    return emitOptionalError(loc, "expects at least one input");
  auto first = cast<RankedTensorType>(operands.front().getType());
  SmallVector<int64_t> shape(first.getShape());
  for (Value operand : operands.drop_front()) {
    auto type = cast<RankedTensorType>(operand.getType());
    if (sameElementType && type.getElementType() != first.getElementType())
      return emitOptionalError(loc, "operands have different element types ",
                               first.getElementType(), " and ",
                               type.getElementType());
    SmallVector<int64_t> next;
    if (failed(broadcastShapes(loc, shape, type.getShape(), next)))
      return failure();
    shape = std::move(next);
  }
  inferred.push_back(RankedTensorType::get(
      shape, elementType ? elementType : first.getElementType()));
  return success();
}

} // namespace

// The result has the operand's type.
#define ATTNC_UNARY(OP)                                                        \
  LogicalResult OP::inferReturnTypes(MLIRContext *, std::optional<Location>,   \
                                     Adaptor adaptor,                          \
                                     SmallVectorImpl<Type> &inferred) {        \
    inferred.push_back(adaptor.getX().getType());                              \
    return success();                                                          \
  }

ATTNC_UNARY(NegOp)
ATTNC_UNARY(AbsOp)
ATTNC_UNARY(SqrtOp)
ATTNC_UNARY(ReciprocalOp)
ATTNC_UNARY(ExpOp)
ATTNC_UNARY(LogOp)
ATTNC_UNARY(ErfOp)
ATTNC_UNARY(TanhOp)
ATTNC_UNARY(SigmoidOp)
ATTNC_UNARY(ReluOp)
ATTNC_UNARY(SinOp)
ATTNC_UNARY(CosOp)
ATTNC_UNARY(CeilOp)
ATTNC_UNARY(FloorOp)
ATTNC_UNARY(NotOp)
#undef ATTNC_UNARY

// Operands of one element type; the result has it too, or is i1 (`I1_RESULT`).
#define ATTNC_BROADCAST(OP, I1_RESULT)                                         \
  LogicalResult OP::inferReturnTypes(                                          \
      MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,      \
      SmallVectorImpl<Type> &inferred) {                                       \
    Type i1 = IntegerType::get(context, 1);                                    \
    return inferBroadcast(loc, adaptor.getOperands(),                          \
                          /*sameElementType=*/true, I1_RESULT ? i1 : Type(),   \
                          inferred);                                           \
  }

ATTNC_BROADCAST(AddOp, false)
ATTNC_BROADCAST(SubOp, false)
ATTNC_BROADCAST(MulOp, false)
ATTNC_BROADCAST(DivOp, false)
ATTNC_BROADCAST(ModOp, false)
ATTNC_BROADCAST(AndOp, false)
ATTNC_BROADCAST(OrOp, false)
ATTNC_BROADCAST(XorOp, false)
ATTNC_BROADCAST(SumOp, false)
ATTNC_BROADCAST(MaxOp, false)
ATTNC_BROADCAST(MinOp, false)
ATTNC_BROADCAST(EqualOp, true)
ATTNC_BROADCAST(LessOp, true)
ATTNC_BROADCAST(LessOrEqualOp, true)
ATTNC_BROADCAST(GreaterOp, true)
ATTNC_BROADCAST(GreaterOrEqualOp, true)
#undef ATTNC_BROADCAST

LogicalResult IsNaNOp::inferReturnTypes(MLIRContext *context,
                                        std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  auto type = cast<RankedTensorType>(adaptor.getX().getType());
  inferred.push_back(type.clone(IntegerType::get(context, 1)));
  return success();
}


// The base decides the element type; the exponent's may differ.
LogicalResult PowOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &inferred) {
  return inferBroadcast(loc, adaptor.getOperands(), /*sameElementType=*/false,
                        Type(), inferred);
}


LogicalResult ModOp::verify() {
  int64_t fmod = getFmod();
  if (fmod != 0 && fmod != 1)
    return emitOpError() << "expects fmod to be 0 or 1, but got " << fmod;
  if (isa<FloatType>(getA().getType().getElementType()) && fmod != 1)
    return emitOpError() << "expects fmod = 1 for float operands, but got "
                         << fmod;
  return success();
}

//===----------------------------------------------------------------------===//
// Constant folding
//===----------------------------------------------------------------------===//

namespace {

/// Folding materialises a new constant as large as the result; beyond shape
/// computations that only duplicates weights in the binary, so larger results
/// are computed at run time instead.
constexpr int64_t kMaxFoldedElements = 1 << 16;

/// The dense constants of `operands` when all are, and the result type when it
/// is static and small enough to fold into.
std::optional<SmallVector<DenseElementsAttr>>
getFoldableOperands(ArrayRef<Attribute> operands, Type resultType) {
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!type || !type.hasStaticShape() ||
      type.getNumElements() > kMaxFoldedElements)
    return std::nullopt;
  SmallVector<DenseElementsAttr> dense;
  for (Attribute operand : operands) {
    auto attr = dyn_cast_if_present<DenseElementsAttr>(operand);
    if (!attr)
      return std::nullopt;
    dense.push_back(attr);
  }
  return dense;
}

/// Evaluates `fn` at every element of `resultType`, reading each operand at
/// its numpy-broadcast position. `In` is APInt or APFloat (all operands share
/// the kind); `fn` returns the element, or nullopt to give up (e.g. division
/// by zero).
template <typename In, typename Out>
Attribute foldBroadcast(ArrayRef<DenseElementsAttr> operands,
                        RankedTensorType resultType,
                        function_ref<std::optional<Out>(ArrayRef<In>)> fn) {
  ArrayRef<int64_t> shape = resultType.getShape();
  int64_t rank = shape.size();
  // Per operand, its stride along each result dim (0 where it broadcasts).
  SmallVector<SmallVector<int64_t>> strides;
  SmallVector<SmallVector<In>> values;
  for (DenseElementsAttr operand : operands) {
    ArrayRef<int64_t> operandShape = operand.getType().getShape();
    int64_t offset = rank - operandShape.size();
    SmallVector<int64_t> stride(rank, 0);
    int64_t running = 1;
    for (int64_t i = operandShape.size() - 1; i >= 0; --i) {
      if (operandShape[i] != 1)
        stride[offset + i] = running;
      running *= operandShape[i];
    }
    strides.push_back(std::move(stride));
    auto range = operand.tryGetValues<In>();
    if (failed(range))
      return {};
    values.emplace_back(range->begin(), range->end());
  }

  SmallVector<Out> results;
  results.reserve(resultType.getNumElements());
  SmallVector<int64_t> index(rank, 0);
  SmallVector<In> args;
  for (int64_t n = 0, e = resultType.getNumElements(); n < e; ++n) {
    args.clear();
    for (auto [operandValues, stride] : llvm::zip_equal(values, strides)) {
      int64_t position = 0;
      for (int64_t d = 0; d < rank; ++d)
        position += index[d] * stride[d];
      args.push_back(operandValues[position]);
    }
    std::optional<Out> result = fn(args);
    if (!result)
      return {};
    results.push_back(*result);
    // Advance the multi-index, innermost dim first.
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  return DenseElementsAttr::get(resultType, results);
}

using IntFn = function_ref<std::optional<APInt>(const APInt &, const APInt &)>;
using FloatFn =
    function_ref<std::optional<APFloat>(const APFloat &, const APFloat &)>;

/// Folds a binary op of one element kind; a null `intFn` or `floatFn` means
/// the op does not fold for that kind.
Attribute foldBinary(ArrayRef<Attribute> operands, Type resultType, IntFn intFn,
                     FloatFn floatFn) {
  auto dense = getFoldableOperands(operands, resultType);
  if (!dense)
    return {};
  auto type = cast<RankedTensorType>(resultType);
  if (isa<FloatType>(type.getElementType())) {
    if (!floatFn)
      return {};
    return foldBroadcast<APFloat, APFloat>(
        *dense, type,
        [&](ArrayRef<APFloat> args) { return floatFn(args[0], args[1]); });
  }
  if (!intFn)
    return {};
  return foldBroadcast<APInt, APInt>(*dense, type, [&](ArrayRef<APInt> args) {
    return intFn(args[0], args[1]);
  });
}

/// Folds a comparison to an i1 tensor; `holds` decides from the ordering.
Attribute foldCompare(ArrayRef<Attribute> operands, Type resultType,
                      function_ref<bool(const APInt &, const APInt &)> intCmp,
                      function_ref<bool(APFloat::cmpResult)> holds) {
  auto dense = getFoldableOperands(operands, resultType);
  if (!dense)
    return {};
  auto type = cast<RankedTensorType>(resultType);
  auto toBit = [](bool bit) { return APInt(1, bit); };
  if (isa<FloatType>((*dense)[0].getElementType()))
    return foldBroadcast<APFloat, APInt>(
        *dense, type, [&](ArrayRef<APFloat> args) -> std::optional<APInt> {
          return toBit(holds(args[0].compare(args[1])));
        });
  return foldBroadcast<APInt, APInt>(
      *dense, type, [&](ArrayRef<APInt> args) -> std::optional<APInt> {
        return toBit(intCmp(args[0], args[1]));
      });
}

/// `a op b` in round-to-nearest-even, the rounding of IEEE arithmetic.
template <APFloat::opStatus (APFloat::*Op)(const APFloat &,
                                           APFloat::roundingMode)>
std::optional<APFloat> applyFloat(const APFloat &a, const APFloat &b) {
  APFloat result = a;
  (result.*Op)(b, APFloat::rmNearestTiesToEven);
  return result;
}

} // namespace

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) -> std::optional<APInt> {
        return a + b;
      },
      applyFloat<&APFloat::add>);
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) -> std::optional<APInt> {
        return a - b;
      },
      applyFloat<&APFloat::subtract>);
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) -> std::optional<APInt> {
        return a * b;
      },
      applyFloat<&APFloat::multiply>);
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) -> std::optional<APInt> {
        // Division by zero and INT_MIN / -1 are undefined: leave them to run
        // time rather than fold an arbitrary value.
        bool overflow = false;
        if (b.isZero())
          return std::nullopt;
        APInt quotient = a.sdiv_ov(b, overflow);
        if (overflow)
          return std::nullopt;
        return quotient;
      },
      applyFloat<&APFloat::divide>);
}

OpFoldResult ModOp::fold(FoldAdaptor adaptor) {
  bool pythonStyle = getFmod() == 0;
  return foldBinary(
      adaptor.getOperands(), getType(),
      [&](const APInt &a, const APInt &b) -> std::optional<APInt> {
        if (b.isZero() || (a.isMinSignedValue() && b.isAllOnes()))
          return std::nullopt;
        APInt remainder = a.srem(b);
        // fmod = 0: the remainder takes the divisor's sign.
        if (pythonStyle && !remainder.isZero() &&
            remainder.isNegative() != b.isNegative())
          remainder += b;
        return remainder;
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat result = a;
        result.mod(b); // C fmod: the sign of the dividend.
        return result;
      });
}

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) -> std::optional<APInt> {
        return a & b;
      },
      nullptr);
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) -> std::optional<APInt> {
        return a | b;
      },
      nullptr);
}

OpFoldResult XorOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) -> std::optional<APInt> {
        return a ^ b;
      },
      nullptr);
}

OpFoldResult EqualOp::fold(FoldAdaptor adaptor) {
  return foldCompare(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) { return a == b; },
      [](APFloat::cmpResult r) { return r == APFloat::cmpEqual; });
}

OpFoldResult LessOp::fold(FoldAdaptor adaptor) {
  return foldCompare(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) { return a.slt(b); },
      [](APFloat::cmpResult r) { return r == APFloat::cmpLessThan; });
}

OpFoldResult LessOrEqualOp::fold(FoldAdaptor adaptor) {
  return foldCompare(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) { return a.sle(b); },
      [](APFloat::cmpResult r) {
        return r == APFloat::cmpLessThan || r == APFloat::cmpEqual;
      });
}

OpFoldResult GreaterOp::fold(FoldAdaptor adaptor) {
  return foldCompare(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) { return a.sgt(b); },
      [](APFloat::cmpResult r) { return r == APFloat::cmpGreaterThan; });
}

OpFoldResult GreaterOrEqualOp::fold(FoldAdaptor adaptor) {
  return foldCompare(
      adaptor.getOperands(), getType(),
      [](const APInt &a, const APInt &b) { return a.sge(b); },
      [](APFloat::cmpResult r) {
        return r == APFloat::cmpGreaterThan || r == APFloat::cmpEqual;
      });
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  auto dense = getFoldableOperands(adaptor.getOperands(), getType());
  if (!dense)
    return {};
  if (isa<FloatType>(getType().getElementType()))
    return foldBroadcast<APFloat, APFloat>(
        *dense, getType(),
        [](ArrayRef<APFloat> args) -> std::optional<APFloat> {
          return -args[0];
        });
  return foldBroadcast<APInt, APInt>(
      *dense, getType(),
      [](ArrayRef<APInt> args) -> std::optional<APInt> { return -args[0]; });
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  auto dense = getFoldableOperands(adaptor.getOperands(), getType());
  if (!dense)
    return {};
  return foldBroadcast<APInt, APInt>(
      *dense, getType(),
      [](ArrayRef<APInt> args) -> std::optional<APInt> { return ~args[0]; });
}
