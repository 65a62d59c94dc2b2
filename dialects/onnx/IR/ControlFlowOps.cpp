//===- ControlFlowOps.cpp - ONNX Loop and Scan ----------------------------===//
//
// The body decides the result types: loop-carried results take the body's
// argument types (the type every iteration agrees on), scan outputs stack the
// yielded slices along a new dim. The body's shape (one block, an onnx.Yield,
// the arity) is checked both by verify(), which runs before the region is
// verified, and by inference, which the importer calls on a body it just
// built; the shared checks name the part that is wrong.
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"
#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::onnx;

namespace {

constexpr int64_t kDynamic = ShapedType::kDynamic;

/// A body's block and its terminator.
struct Body {
  Block *block;
  YieldOp yield;
};

FailureOr<Body> getBodyOf(std::optional<Location> loc, RegionRange regions) {
  if (regions.size() != 1 || !regions.front() ||
      !llvm::hasSingleElement(*regions.front()))
    return emitOptionalError(loc, "expects a body of one block");
  Block &block = regions.front()->front();
  auto yield = block.empty() ? YieldOp() : dyn_cast<YieldOp>(block.back());
  if (!yield)
    return emitOptionalError(loc, "expects the body to end in onnx.Yield");
  return Body{&block, yield};
}

bool isCompatible(Type a, Type b) {
  return areCompatibleReturnTypes(TypeRange(a), TypeRange(b));
}

/// A tensor of `elementType` holding one element (rank 0, or all dims 1 or
/// dynamic): ONNX's scalars (trip count, condition) come in both spellings.
bool isOneElementTensorOf(Type type, Type elementType) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType() == elementType &&
         llvm::all_of(tensor.getShape(), [](int64_t dim) {
           return dim == 1 || ShapedType::isDynamic(dim);
         });
}

/// Whether `value` is a constant whose elements are all `expected` (i1).
bool isConstantBool(Value value, bool expected) {
  DenseElementsAttr attr;
  // Only tensors: onnx.NoValue is ConstantLike but folds to no attribute.
  if (!value || !isa<RankedTensorType>(value.getType()) ||
      !matchPattern(value, m_Constant(&attr)) ||
      !attr.getElementType().isInteger(1))
    return false;
  return llvm::all_of(attr.getValues<bool>(),
                      [&](bool element) { return element == expected; });
}

/// `type` with a dim of `size` inserted at `position`.
RankedTensorType insertDim(RankedTensorType type, int64_t position,
                           int64_t size) {
  SmallVector<int64_t> shape(type.getShape());
  shape.insert(shape.begin() + position, size);
  return RankedTensorType::get(shape, type.getElementType());
}

/// An optional INTS attribute: nullopt when absent, failure when of another
/// kind.
FailureOr<std::optional<ArrayRef<int64_t>>>
readInts(std::optional<Location> loc, DictionaryAttr attributes,
         StringRef name) {
  Attribute attr = attributes ? attributes.get(name) : Attribute();
  if (!attr)
    return std::optional<ArrayRef<int64_t>>();
  auto ints = dyn_cast<DenseI64ArrayAttr>(attr);
  if (!ints)
    return emitOptionalError(loc, "expects ", name,
                             " to be an array of integers, but got ", attr);
  return std::optional<ArrayRef<int64_t>>(ints.asArrayRef());
}

/// Reads an optional per-input (or per-output) INTS attribute of `count`
/// entries; absent means `count` zeros.
FailureOr<SmallVector<int64_t>> readPerValueInts(std::optional<Location> loc,
                                                 DictionaryAttr attributes,
                                                 StringRef name, int64_t count,
                                                 StringRef perWhat) {
  FailureOr<std::optional<ArrayRef<int64_t>>> values =
      readInts(loc, attributes, name);
  if (failed(values))
    return failure();
  if (!*values)
    return SmallVector<int64_t>(count, 0);
  if (static_cast<int64_t>((*values)->size()) != count)
    return emitOptionalError(loc, "expects ", count, " ", name, " (one per ",
                             perWhat, "), but got ", (*values)->size());
  return SmallVector<int64_t>(**values);
}

} // namespace

//===----------------------------------------------------------------------===//
// LoopOp
//===----------------------------------------------------------------------===//

namespace {

/// The body's operand layout: arguments (iteration number, condition, N
/// carried) and outputs (condition, N carried, K scan slices).
LogicalResult checkLoopArity(std::optional<Location> loc, Body body,
                             size_t numCarried) {
  if (body.block->getNumArguments() != 2 + numCarried)
    return emitOptionalError(loc, "expects the body to take ", 2 + numCarried,
                             " arguments (iteration number, condition and ",
                             numCarried, " loop-carried values), but it takes ",
                             body.block->getNumArguments());
  if (body.yield.getNumOperands() < 1 + numCarried)
    return emitOptionalError(
        loc, "expects the body to yield at least ", 1 + numCarried,
        " values (condition and ", numCarried,
        " loop-carried values), but it yields ", body.yield.getNumOperands());
  return success();
}

bool yieldsInvariantCondition(Body body) {
  Value condOut = body.yield.getOperand(0);
  return condOut == body.block->getArgument(1) ||
         isConstantBool(condOut, /*expected=*/true);
}

/// The number of iterations when it is known before the loop runs.
std::optional<int64_t> constantTripCount(Value tripCount, Value cond,
                                         Body body) {
  bool noCond = isa<NoneType>(cond.getType());
  if (!noCond && isConstantBool(cond, /*expected=*/false))
    return 0;
  if (!noCond && !isConstantBool(cond, /*expected=*/true))
    return std::nullopt;
  if (isa<NoneType>(tripCount.getType()) || !yieldsInvariantCondition(body))
    return std::nullopt;
  std::optional<SmallVector<int64_t>> count = getConstantIntValues(tripCount);
  if (!count || count->size() != 1)
    return std::nullopt;
  return std::max<int64_t>((*count)[0], 0);
}

} // namespace

YieldOp LoopOp::getYield() {
  return cast<YieldOp>(getBody().front().getTerminator());
}

bool LoopOp::hasLoopInvariantCondition() {
  return yieldsInvariantCondition(Body{&getBody().front(), getYield()});
}

LogicalResult LoopOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  FailureOr<Body> body = getBodyOf(loc, adaptor.getRegions());
  size_t numCarried = adaptor.getVInitial().size();
  if (failed(body) || failed(checkLoopArity(loc, *body, numCarried)))
    return failure();
  for (BlockArgument carried : body->block->getArguments().drop_front(2))
    inferred.push_back(carried.getType());
  int64_t iterations =
      constantTripCount(adaptor.getM(), adaptor.getCond(), *body)
          .value_or(kDynamic);
  for (auto [index, slice] :
       llvm::enumerate(body->yield.getOperands().drop_front(1 + numCarried))) {
    auto sliceType = dyn_cast<RankedTensorType>(slice.getType());
    if (!sliceType)
      return emitOptionalError(loc, "expects scan output #", index,
                               " to be a ranked tensor, but got ",
                               slice.getType());
    inferred.push_back(insertDim(sliceType, 0, iterations));
  }
  return success();
}

LogicalResult LoopOp::verify() {
  Builder b(getContext());
  if (!isa<NoneType>(getM().getType()) &&
      !isOneElementTensorOf(getM().getType(), b.getI64Type()))
    return emitOpError("expects M to be a one-element i64 tensor, but got ")
           << getM().getType();
  if (!isa<NoneType>(getCond().getType()) &&
      !isOneElementTensorOf(getCond().getType(), b.getI1Type()))
    return emitOpError("expects cond to be a one-element i1 tensor, but got ")
           << getCond().getType();

  FailureOr<Body> body = getBodyOf(getLoc(), getOperation()->getRegions());
  if (failed(body) ||
      failed(checkLoopArity(getLoc(), *body, getVInitial().size())))
    return failure();
  Block &block = *body->block;
  auto iterationType = RankedTensorType::get({}, b.getI64Type());
  auto conditionType = RankedTensorType::get({}, b.getI1Type());
  if (block.getArgument(0).getType() != iterationType)
    return emitOpError("expects body argument #0 (the iteration number) to "
                       "be ")
           << iterationType << ", but got " << block.getArgument(0).getType();
  if (block.getArgument(1).getType() != conditionType)
    return emitOpError("expects body argument #1 (the condition) to be ")
           << conditionType << ", but got " << block.getArgument(1).getType();
  YieldOp yield = body->yield;
  if (!isOneElementTensorOf(yield.getOperand(0).getType(), b.getI1Type()))
    return emitOpError("expects the body's first output (the condition) to "
                       "be a one-element i1 tensor, but got ")
           << yield.getOperand(0).getType();
  for (auto [index, initial] : llvm::enumerate(getVInitial())) {
    Type carried = block.getArgument(2 + index).getType();
    if (!isCompatible(carried, initial.getType()))
      return emitOpError("expects body argument #")
             << 2 + index << " to be compatible with loop-carried input #"
             << index << " of type " << initial.getType() << ", but got "
             << carried;
    Type next = yield.getOperand(1 + index).getType();
    if (!isCompatible(carried, next))
      return emitOpError("expects body output #")
             << 1 + index << " (loop-carried value #" << index
             << ") to be compatible with its body argument of type " << carried
             << ", but got " << next;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ScanOp
//===----------------------------------------------------------------------===//

namespace {

/// What a Scan's operands and attributes imply, before the body is looked at.
struct ScanSignature {
  int64_t numStates;
  SmallVector<Type> bodyArgumentTypes;
  /// The common length of the scan inputs along their scan axes.
  int64_t length;
};

FailureOr<ScanSignature> analyzeScan(std::optional<Location> loc,
                                     TypeRange operandTypes,
                                     DictionaryAttr attributes) {
  auto numScanInputsAttr = dyn_cast_if_present<IntegerAttr>(
      attributes ? attributes.get("num_scan_inputs") : Attribute());
  if (!numScanInputsAttr)
    return emitOptionalError(loc, "expects an integer num_scan_inputs");
  int64_t numScanInputs = numScanInputsAttr.getInt();
  int64_t numOperands = operandTypes.size();
  if (numScanInputs < 1 || numScanInputs > numOperands)
    return emitOptionalError(loc, "expects num_scan_inputs in [1, ",
                             numOperands, "], but got ", numScanInputs);
  FailureOr<SmallVector<int64_t>> axes = readPerValueInts(
      loc, attributes, "scan_input_axes", numScanInputs, "scan input");
  if (failed(axes))
    return failure();

  ScanSignature signature{numOperands - numScanInputs, {}, kDynamic};
  for (auto [index, type] :
       llvm::enumerate(operandTypes.take_front(signature.numStates))) {
    if (!isa<RankedTensorType>(type))
      return emitOptionalError(loc, "expects state #", index,
                               " to be a ranked tensor, but got ", type);
    signature.bodyArgumentTypes.push_back(type);
  }
  for (auto [index, type, axis] :
       llvm::zip_equal(llvm::seq<int64_t>(numScanInputs),
                       operandTypes.drop_front(signature.numStates), *axes)) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || tensor.getRank() == 0)
      return emitOptionalError(loc, "expects scan input #", index,
                               " to be a tensor of rank >= 1, but got ", type);
    FailureOr<int64_t> dim =
        normalizeAxis(loc, axis, tensor.getRank(), "scan_input_axes entry");
    if (failed(dim))
      return failure();
    int64_t length = tensor.getDimSize(*dim);
    if (!ShapedType::isDynamic(length) &&
        !ShapedType::isDynamic(signature.length) && length != signature.length)
      return emitOptionalError(loc,
                               "expects the scan inputs to have one "
                               "length along their scan axes, but got ",
                               signature.length, " and ", length);
    if (!ShapedType::isDynamic(length))
      signature.length = length;
    SmallVector<int64_t> slice(tensor.getShape());
    slice.erase(slice.begin() + *dim);
    signature.bodyArgumentTypes.push_back(
        RankedTensorType::get(slice, tensor.getElementType()));
  }
  return signature;
}

/// Checks the body's arity against the signature.
LogicalResult checkScanArity(std::optional<Location> loc, Body body,
                             const ScanSignature &signature) {
  size_t numArguments = signature.bodyArgumentTypes.size();
  if (body.block->getNumArguments() != numArguments)
    return emitOptionalError(
        loc, "expects the body to take ", numArguments, " arguments (",
        signature.numStates, " states and ", numArguments - signature.numStates,
        " scan slices), but it takes ", body.block->getNumArguments());
  if (static_cast<int64_t>(body.yield.getNumOperands()) < signature.numStates)
    return emitOptionalError(loc, "expects the body to yield at least the ",
                             signature.numStates, " states, but it yields ",
                             body.yield.getNumOperands(), " values");
  return success();
}

} // namespace

YieldOp ScanOp::getYield() {
  return cast<YieldOp>(getBody().front().getTerminator());
}

int64_t ScanOp::getNumStates() {
  return static_cast<int64_t>(getInitialStateAndScanInputs().size()) -
         getNumScanInputsAttr().getInt();
}

FailureOr<SmallVector<Type>>
ScanOp::inferBodyArgumentTypes(std::optional<Location> loc,
                               TypeRange operandTypes,
                               DictionaryAttr attributes) {
  FailureOr<ScanSignature> signature =
      analyzeScan(loc, operandTypes, attributes);
  if (failed(signature))
    return failure();
  return std::move(signature->bodyArgumentTypes);
}

LogicalResult ScanOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  FailureOr<ScanSignature> signature =
      analyzeScan(loc, adaptor.getInitialStateAndScanInputs().getTypes(),
                  adaptor.getAttributes());
  if (failed(signature))
    return failure();
  FailureOr<Body> body = getBodyOf(loc, adaptor.getRegions());
  if (failed(body) || failed(checkScanArity(loc, *body, *signature)))
    return failure();

  for (BlockArgument state :
       body->block->getArguments().take_front(signature->numStates))
    inferred.push_back(state.getType());
  ValueRange slices =
      body->yield.getOperands().drop_front(signature->numStates);
  FailureOr<SmallVector<int64_t>> axes =
      readPerValueInts(loc, adaptor.getAttributes(), "scan_output_axes",
                       slices.size(), "scan output");
  if (failed(axes))
    return failure();
  for (auto [index, slice, axis] :
       llvm::zip_equal(llvm::seq<int64_t>(slices.size()), slices, *axes)) {
    auto sliceType = dyn_cast<RankedTensorType>(slice.getType());
    if (!sliceType)
      return emitOptionalError(loc, "expects scan output #", index,
                               " to be a ranked tensor, but got ",
                               slice.getType());
    FailureOr<int64_t> dim = normalizeAxis(loc, axis, sliceType.getRank() + 1,
                                           "scan_output_axes entry");
    if (failed(dim))
      return failure();
    inferred.push_back(insertDim(sliceType, *dim, signature->length));
  }
  return success();
}

LogicalResult ScanOp::verify() {
  FailureOr<ScanSignature> signature =
      analyzeScan(getLoc(), getInitialStateAndScanInputs().getTypes(),
                  (*this)->getAttrDictionary());
  if (failed(signature))
    return failure();
  FailureOr<Body> body = getBodyOf(getLoc(), getOperation()->getRegions());
  if (failed(body) || failed(checkScanArity(getLoc(), *body, *signature)))
    return failure();
  int64_t numStates = signature->numStates;
  int64_t numScanOutputs =
      static_cast<int64_t>(body->yield.getNumOperands()) - numStates;
  for (auto [name, count, perWhat] :
       {std::make_tuple("scan_input_directions",
                        getNumScanInputsAttr().getInt(), "scan input"),
        std::make_tuple("scan_output_directions", numScanOutputs,
                        "scan output")}) {
    FailureOr<SmallVector<int64_t>> directions = readPerValueInts(
        getLoc(), (*this)->getAttrDictionary(), name, count, perWhat);
    if (failed(directions))
      return failure();
    for (int64_t direction : *directions)
      if (direction != 0 && direction != 1)
        return emitOpError("expects ")
               << name << " entries to be 0 (forward) or 1 (reverse), but got "
               << direction;
  }

  Block &block = *body->block;
  for (auto [index, argument, type] :
       llvm::enumerate(block.getArguments(), signature->bodyArgumentTypes)) {
    if (!isCompatible(argument.getType(), type))
      return emitOpError("expects body argument #")
             << index << " to be compatible with " << type << " ("
             << (static_cast<int64_t>(index) < numStates ? "state"
                                                         : "scan slice")
             << "), but got " << argument.getType();
  }
  for (auto [index, next] :
       llvm::enumerate(body->yield.getOperands().take_front(numStates))) {
    Type state = block.getArgument(index).getType();
    if (!isCompatible(state, next.getType()))
      return emitOpError("expects body output #")
             << index << " (state #" << index
             << ") to be compatible with its body argument of type " << state
             << ", but got " << next.getType();
  }
  return success();
}
