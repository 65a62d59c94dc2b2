//===- RingWindowCaches.cpp - Ring-buffer caches for window layers --------===//
//
// HF-style exports grow every layer's cache by Concat(past, new) -> present,
// so a sliding-window layer's cache holds the whole context although its
// attention reads only the last W tokens. With the caller's consent (the
// model's signature changes) such a layer's cache becomes a ring of W slots,
// token t in slot t mod W, written by attn.kv_cache_update in ring mode; the
// attention's visibility then follows the tokens the slots hold rather than
// the slot indices.
//
//===----------------------------------------------------------------------===//

#include "PositionMaskWindow.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "llvm/ADT/STLExtras.h"

#include <string>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// One window layer whose Concat caches become rings.
struct WindowLayer {
  AttentionOp attention;
  /// The appends of the keys and of the values (one op when K and V are the
  /// same tensor).
  SmallVector<KVCacheAppendOp, 2> appends;
  /// Positions of the new tokens, `B x S` integers.
  Value positions;
  int64_t window;
  int64_t numNew;
};

/// The ONNX name of argument `arg` of `func`, or its index.
std::string argumentName(func::FuncOp func, BlockArgument arg) {
  if (auto names = func->getAttrOfType<ArrayAttr>("attnc.input_names"))
    if (arg.getArgNumber() < names.size())
      if (auto name = dyn_cast<StringAttr>(names[arg.getArgNumber()]))
        return "'" + name.str() + "'";
  return "argument #" + std::to_string(arg.getArgNumber());
}

/// The positions of the new tokens `update` (`B x H x S x D`): the position
/// ids of the attn.rope that produced them, else a `position_ids` input of
/// shape `B x S`; null when neither exists.
Value findPositions(func::FuncOp func, Value update) {
  auto updateType = cast<RankedTensorType>(update.getType());
  auto fits = [&](Value positions) {
    auto type = dyn_cast<RankedTensorType>(positions.getType());
    return type && type.hasStaticShape() && type.getRank() == 2 &&
           isa<IntegerType>(type.getElementType()) &&
           type.getDimSize(0) == updateType.getDimSize(0) &&
           type.getDimSize(1) == updateType.getDimSize(2);
  };
  if (auto rope = update.getDefiningOp<RopeOp>())
    if (Value positions = rope.getPositionIds(); positions && fits(positions))
      return positions;
  if (auto names = func->getAttrOfType<ArrayAttr>("attnc.input_names"))
    for (auto [index, name] : llvm::enumerate(names))
      if (auto text = dyn_cast<StringAttr>(name);
          text && text.getValue() == "position_ids" &&
          index < func.getNumArguments() && fits(func.getArgument(index)))
        return func.getArgument(index);
  return {};
}

/// The causal window `W` of `op` over keys `K` appended to a past: from its
/// `causal` + `window_left`, or read from a mask computed from `positions`.
/// std::nullopt for a global layer or any other attention (left alone).
std::optional<int64_t> findWindow(AttentionOp op, Value positions) {
  if (op.getKvLengths() || op.getWindowRight())
    return std::nullopt;
  if (op.getCausal() && op.getWindowLeft() && !op.getMask() &&
      op.getAlignment() == Alignment::BottomRight)
    return *op.getWindowLeft() + 1;
  auto keyType = op.getKey().getType();
  if (!op.getCausal() && !op.getWindowLeft() && op.getMask() && positions &&
      keyType.hasStaticShape()) {
    std::string reason;
    FailureOr<std::optional<int64_t>> window = readPositionMaskWindow(
        op.getMask(), positions, keyType.getDimSize(2), reason);
    if (succeeded(window))
      return *window;
  }
  return std::nullopt;
}

/// Checks that the window layer of `op` can take ring caches; emits an error
/// naming the layer otherwise.
FailureOr<WindowLayer> checkWindowLayer(func::FuncOp func, AttentionOp op,
                                        KVCacheAppendOp key,
                                        KVCacheAppendOp value, Value positions,
                                        int64_t window) {
  WindowLayer layer{op, {key}, positions, window, 0};
  if (value != key)
    layer.appends.push_back(value);
  auto entryArgument = [&](Value past) {
    auto arg = dyn_cast<BlockArgument>(past);
    return arg && arg.getOwner() == &func.getBody().front() ? arg
                                                            : BlockArgument();
  };
  BlockArgument keyPast = entryArgument(key.getPast());
  std::string name = keyPast ? argumentName(func, keyPast) : "this attention";
  auto fail = [&](const Twine &why) {
    return emitError(op.getLoc())
           << "cannot give the window layer of " << name << " a ring cache of "
           << window << " slots: " << why;
  };
  for (KVCacheAppendOp append : layer.appends)
    if (!entryArgument(append.getPast()))
      return fail("its past keys/values are not an input of the model");
  for (KVCacheAppendOp append : layer.appends) {
    auto past = cast<BlockArgument>(append.getPast());
    if (!past.hasOneUse())
      return fail("input " + argumentName(func, past) +
                  " has other uses than its cache append");
    for (Operation *user : append->getUsers())
      if (user != op.getOperation() && !isa<func::ReturnOp>(user))
        return fail(Twine("the present of ") + argumentName(func, past) +
                    " is read by '" + user->getName().getStringRef() +
                    "', not only returned and attended");
    auto updateType = append.getUpdate().getType();
    auto pastType = append.getPast().getType();
    if (!updateType.hasStaticShape() || pastType.isDynamicDim(0) ||
        pastType.isDynamicDim(1) || pastType.isDynamicDim(3))
      return fail("the cache shapes are not static (pin them with "
                  "--input-shape)");
    if (layer.numNew && layer.numNew != updateType.getDimSize(2))
      return fail("the keys and the values append different token counts");
    layer.numNew = updateType.getDimSize(2);
  }
  if (layer.numNew > window)
    return fail("a chunk of " + std::to_string(layer.numNew) +
                " new tokens is longer than the window");
  if (!positions)
    return fail("the positions of the new tokens are unknown (no "
                "attn.rope with position ids on the keys, no "
                "'position_ids' input of shape B x S)");
  return layer;
}

/// `B`: the position of each batch's first new token, `positions[:, 0]`.
Value firstPositions(OpBuilder &b, Location loc, Value positions) {
  auto type = cast<RankedTensorType>(positions.getType());
  int64_t batch = type.getDimSize(0);
  auto column = RankedTensorType::get({batch, 1}, type.getElementType());
  Value slice = tensor::ExtractSliceOp::create(
      b, loc, column, positions, ValueRange{}, ValueRange{}, ValueRange{},
      b.getDenseI64ArrayAttr({0, 0}), b.getDenseI64ArrayAttr({batch, 1}),
      b.getDenseI64ArrayAttr({1, 1}));
  auto vector = RankedTensorType::get({batch}, type.getElementType());
  return tensor::CollapseShapeOp::create(
      b, loc, vector, slice, ArrayRef<ReassociationIndices>{{0, 1}});
}

/// The `B x 1 x S x N` i1 visibility of the attended keys: the ring's `W`
/// slots holding the latest tokens up to `first + lastOffset`, followed (when
/// `N > W`) by the new tokens `first .. first + N - W - 1`. Slot `j` holds
/// token `t = last - ((last - j) mod W)`; the query at `q` sees `t` iff
/// `0 <= t <= q` and `q - t < W` (slots never written hold `t < 0`).
Value buildRingVisibility(OpBuilder &b, Location loc, Value positions,
                          Value first, int64_t window, int64_t numKeys,
                          int64_t lastOffset) {
  auto type = cast<RankedTensorType>(positions.getType());
  Type elementType = type.getElementType();
  int64_t batch = type.getDimSize(0), numQueries = type.getDimSize(1);
  Value init = tensor::EmptyOp::create(
      b, loc, ArrayRef<int64_t>{batch, 1, numQueries, numKeys}, b.getI1Type());
  MLIRContext *ctx = b.getContext();
  AffineExpr d0 = getAffineDimExpr(0, ctx), d2 = getAffineDimExpr(2, ctx);
  SmallVector<AffineMap> maps = {AffineMap::get(4, 0, {d0, d2}, ctx),
                                 AffineMap::get(4, 0, {d0}, ctx),
                                 b.getMultiDimIdentityMap(4)};
  SmallVector<utils::IteratorType> iterators(4, utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{positions, first}, ValueRange{init},
      maps, iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value query = args[0], start = args[1];
        auto constant = [&](int64_t v) -> Value {
          return arith::ConstantOp::create(nb, nloc, elementType,
                                           nb.getIntegerAttr(elementType, v));
        };
        Value j = arith::IndexCastOp::create(
            nb, nloc, elementType, linalg::IndexOp::create(nb, nloc, 3));
        Value w = constant(window), zero = constant(0);
        // Ring slot j: last - ((last + W - j) mod W); last + W - j >= 0 for
        // every slot, so the remainder needs no sign fix-up.
        Value last =
            lastOffset == 0
                ? start
                : arith::AddIOp::create(nb, nloc, start, constant(lastOffset))
                      .getResult();
        Value back = arith::SubIOp::create(
            nb, nloc, arith::AddIOp::create(nb, nloc, last, w), j);
        Value token = arith::SubIOp::create(
            nb, nloc, last, arith::RemSIOp::create(nb, nloc, back, w));
        if (numKeys > window) {
          Value fresh = arith::AddIOp::create(
              nb, nloc, start, arith::SubIOp::create(nb, nloc, j, w));
          Value inRing =
              arith::CmpIOp::create(nb, nloc, arith::CmpIPredicate::slt, j, w);
          token = arith::SelectOp::create(nb, nloc, inRing, token, fresh);
        }
        Value written = arith::CmpIOp::create(
            nb, nloc, arith::CmpIPredicate::sge, token, zero);
        Value notFuture = arith::CmpIOp::create(
            nb, nloc, arith::CmpIPredicate::sle, token, query);
        Value inWindow = arith::CmpIOp::create(
            nb, nloc, arith::CmpIPredicate::slt,
            arith::SubIOp::create(nb, nloc, query, token), w);
        Value visible = arith::AndIOp::create(
            nb, nloc, arith::AndIOp::create(nb, nloc, written, notFuture),
            inWindow);
        linalg::YieldOp::create(nb, nloc, visible);
      });
  return generic.getResult(0);
}

/// Rewrites `layer`: ring past arguments, ring presents, and the attention
/// over the ring with the visibility of the tokens its slots hold.
void rewriteWindowLayer(WindowLayer &layer) {
  AttentionOp op = layer.attention;
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value first = firstPositions(b, loc, layer.positions);
  // One new token overwrites only the slot of the token leaving its window,
  // so the query can read the updated ring. A chunk overwrites slots that its
  // earlier queries still see: they read the past ring and the chunk.
  bool readUpdatedRing = layer.numNew == 1;
  for (KVCacheAppendOp append : layer.appends) {
    auto past = cast<BlockArgument>(append.getPast());
    auto pastType = append.getPast().getType();
    auto ringType =
        RankedTensorType::get({pastType.getDimSize(0), pastType.getDimSize(1),
                               layer.window, pastType.getDimSize(3)},
                              pastType.getElementType());
    past.setType(ringType);
    Value ring = KVCacheUpdateOp::create(
        b, loc, ringType, past, append.getUpdate(), first, CacheMode::Ring);
    Value attended = ring;
    if (!readUpdatedRing) {
      auto keysType = RankedTensorType::get(
          {ringType.getDimSize(0), ringType.getDimSize(1),
           layer.window + layer.numNew, ringType.getDimSize(3)},
          ringType.getElementType());
      attended =
          KVCacheAppendOp::create(b, loc, keysType, past, append.getUpdate());
    }
    append.getResult().replaceUsesWithIf(attended, [&](OpOperand &use) {
      return use.getOwner() == op.getOperation();
    });
    append.getResult().replaceAllUsesWith(ring);
    append.erase();
  }
  int64_t numKeys =
      readUpdatedRing ? layer.window : layer.window + layer.numNew;
  int64_t lastOffset = readUpdatedRing ? 0 : -1;
  Value visible = buildRingVisibility(b, loc, layer.positions, first,
                                      layer.window, numKeys, lastOffset);
  op.getMaskMutable().assign(visible);
  op.setCausal(false);
  op.removeWindowLeftAttr();
}

} // namespace

LogicalResult mlir::attn::ringWindowCaches(func::FuncOp func) {
  // Check every layer before changing any, so a refusal leaves the IR whole.
  // Collected first: reading a mask's window creates and erases probe ops.
  SmallVector<AttentionOp> attentions;
  func.walk([&](AttentionOp op) { attentions.push_back(op); });
  SmallVector<WindowLayer> layers;
  for (AttentionOp op : attentions) {
    auto key = op.getKey().getDefiningOp<KVCacheAppendOp>();
    auto value = op.getValue().getDefiningOp<KVCacheAppendOp>();
    if (!key || !value)
      continue;
    Value positions = findPositions(func, key.getUpdate());
    std::optional<int64_t> window = findWindow(op, positions);
    if (!window)
      continue;
    FailureOr<WindowLayer> layer =
        checkWindowLayer(func, op, key, value, positions, *window);
    if (failed(layer))
      return failure();
    layers.push_back(*layer);
  }
  // Asked for rings and got none: say so rather than compile the full caches
  // silently (a window read from a position mask needs static shapes).
  if (layers.empty() && !attentions.empty())
    func.emitWarning("ring window caches: no sliding-window attention over a "
                     "growing cache found (pin symbolic sizes with "
                     "--input-shape so that a window built from positions "
                     "can be read)");
  for (WindowLayer &layer : layers)
    rewriteWindowLayer(layer);
  if (!layers.empty()) {
    auto returnOp =
        cast<func::ReturnOp>(func.getBody().front().getTerminator());
    func.setType(FunctionType::get(func.getContext(),
                                   func.getBody().front().getArgumentTypes(),
                                   returnOp.getOperandTypes()));
  }
  return success();
}
