//===- RaiseRope.cpp - Decomposed RoPE to attn.rope -----------------------===//
//
// A recognised spelling (RopeSpelling.h) with provable tables
// (RopeTables.h) replaces
//
//   * the op computing the rotated channels, when they are the whole head
//     or a tensor of their own (a slice that is not concatenated back), or
//   * the Concat that puts the rotated channels back between the others
//     (partial RoPE), with attn.rope's offset and rotary_dim.
//
// The attn.rope reads B x H x S x D; a B x S x H x D input is transposed in
// and out. The tables it gets are built from the graph's values with onnx
// ops (half of each table by a Slice, per-token values reshaped and
// expanded to B x S), which fold away when the values are constants.
//
//===----------------------------------------------------------------------===//

#include "RopeSpelling.h"
#include "RopeTables.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/Attn/Transforms/Transforms.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Everything needed to replace one RoPE by attn.rope.
struct RopePlan {
  RopeSpelling spelling;
  /// The op whose result the attn.rope (transposed back if needed)
  /// replaces: the spelling's last op, or the Concat that reassembles the
  /// channels around it.
  Operation *replaced = nullptr;
  /// The rank-4 tensor the attn.rope rotates, and where its rotated
  /// channels start.
  Value input;
  int64_t offset = 0;
  RopeTables tables;
};

/// Whether `concat` puts `core` (channels `rotated`) back between the other
/// channels of `rotated.source`: its pieces, in order, are contiguous
/// channel ranges of that tensor covering all of it.
bool reassembles(onnx::ConcatOp concat, Value core,
                 const ChannelRange &rotated) {
  if (concat.getType() != rotated.source.getType())
    return false;
  int64_t rank = cast<RankedTensorType>(concat.getType()).getRank();
  if (concat.getAxis() != -1 && concat.getAxis() != rank - 1)
    return false;
  int64_t next = 0, cores = 0;
  for (Value piece : concat.getInputs()) {
    std::optional<ChannelRange> range =
        piece == core ? std::optional(rotated) : getChannelRange(piece);
    cores += piece == core;
    if (!range || range->source != rotated.source || range->begin != next)
      return false;
    next = range->end;
  }
  return cores == 1 &&
         next == cast<RankedTensorType>(concat.getType()).getShape().back();
}

FailureOr<RopePlan> planRope(Operation *core, std::string &reason) {
  FailureOr<RopeSpelling> spelling = matchRopeSpelling(core, reason);
  if (failed(spelling))
    return failure();
  RopePlan plan;
  plan.spelling = *spelling;
  const ChannelRange &rotated = spelling->rotated;
  auto sourceType = dyn_cast<RankedTensorType>(rotated.source.getType());
  bool whole = rotated.begin == 0 && sourceType &&
               rotated.end == sourceType.getShape().back();
  // A Concat that puts the channels back wins even over a whole-head
  // core: ONNX's function body concatenates an empty pass-through part.
  Value result = core->getResult(0);
  onnx::ConcatOp around;
  if (result.hasOneUse())
    around = dyn_cast<onnx::ConcatOp>(*result.getUsers().begin());
  if (around && reassembles(around, result, rotated)) {
    plan.replaced = around;
    plan.input = rotated.source;
    plan.offset = rotated.begin;
  } else if (whole) {
    plan.replaced = core;
    plan.input = rotated.source;
  } else if (spelling->rotatedInput) {
    // The rotated channels stand alone: rotate all of them.
    plan.replaced = core;
    plan.input = spelling->rotatedInput;
  } else {
    return reason = "the rotated channels are neither a whole tensor nor put "
                    "back by a Concat",
           failure();
  }

  auto inputType = dyn_cast<RankedTensorType>(plan.input.getType());
  if (!inputType || !inputType.hasStaticShape() || inputType.getRank() != 4)
    return reason = "the rotated tensor is not a static rank-4 tensor "
                    "(B x H x S x D or B x S x H x D)",
           failure();
  Type element = inputType.getElementType();
  if (!element.isF16() && !element.isBF16() && !element.isF32())
    return reason = "the element type is not f16, bf16 or f32", failure();
  FailureOr<RopeTables> tables =
      analyzeRopeTables(plan.spelling, inputType, reason);
  if (failed(tables))
    return failure();
  plan.tables = *tables;
  return plan;
}

//===----------------------------------------------------------------------===//
// Building the attn.rope
//===----------------------------------------------------------------------===//

/// Builds the onnx ops that turn the graph's cos/sin into attn.rope's.
class RopeBuilder {
public:
  RopeBuilder(PatternRewriter &rewriter, Location loc)
      : rewriter(rewriter), loc(loc) {}

  Value build(const RopePlan &plan) {
    const RopeSpelling &spelling = plan.spelling;
    const RopeTables &tables = plan.tables;
    Value input = plan.input;
    if (tables.sequenceFirst)
      input = swapDims12(input);
    ArrayRef<int64_t> x = cast<RankedTensorType>(input.getType()).getShape();
    int64_t rotary = spelling.rotated.size();

    Value cos, sin, positions;
    if (tables.cosTable) {
      cos = halve(tables.cosTable, spelling);
      sin = halve(tables.sinTable, spelling);
      positions = broadcastPositions(tables.positionIds, x[0], x[2]);
    } else {
      cos = perToken(tables.cos, plan, x[0], x[2]);
      sin = perToken(tables.sin, plan, x[0], x[2]);
    }
    auto rope = RopeOp::create(rewriter, loc, input.getType(), input, cos, sin,
                               positions);
    rope.setLayout(spelling.layout);
    rope.setRotaryDim(rotary);
    rope.setOffset(plan.offset);
    rope.setInverse(spelling.inverse);
    Value result = rope.getResult();
    return tables.sequenceFirst ? swapDims12(result) : result;
  }

private:
  Value i64Constant(ArrayRef<int64_t> values) {
    auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                      rewriter.getI64Type());
    return onnx::ConstantOp::create(rewriter, loc,
                                    DenseIntElementsAttr::get(type, values));
  }

  RankedTensorType withShape(Value value, ArrayRef<int64_t> shape) {
    return cast<RankedTensorType>(value.getType()).clone(shape);
  }

  Value swapDims12(Value value) {
    ArrayRef<int64_t> s = cast<RankedTensorType>(value.getType()).getShape();
    return onnx::TransposeOp::create(
        rewriter, loc, withShape(value, {s[0], s[2], s[1], s[3]}), value,
        rewriter.getDenseI64ArrayAttr({0, 2, 1, 3}));
  }

  Value reshape(Value value, ArrayRef<int64_t> shape) {
    if (cast<RankedTensorType>(value.getType()).getShape() == shape)
      return value;
    auto si64 = rewriter.getIntegerType(64, /*isSigned=*/true);
    return onnx::ReshapeOp::create(rewriter, loc, withShape(value, shape),
                                   value, i64Constant(shape),
                                   rewriter.getIntegerAttr(si64, 0));
  }

  Value expand(Value value, ArrayRef<int64_t> shape) {
    if (cast<RankedTensorType>(value.getType()).getShape() == shape)
      return value;
    return onnx::ExpandOp::create(rewriter, loc, withShape(value, shape),
                                  value, i64Constant(shape));
  }

  /// One entry per pair from a table with one per channel: the first half
  /// (half_split) or the even channels (interleaved). The proof that the
  /// other copy is equal is RopeTables' job.
  Value halve(Value table, const RopeSpelling &spelling) {
    if (spelling.perPairTables)
      return table;
    SmallVector<int64_t> shape(
        cast<RankedTensorType>(table.getType()).getShape());
    int64_t width = shape.back();
    shape.back() = width / 2;
    bool interleaved = spelling.layout == RopeLayout::Interleaved;
    Value steps = interleaved ? i64Constant({2})
                              : Value(onnx::NoValueOp::create(rewriter, loc));
    return onnx::SliceOp::create(
        rewriter, loc, withShape(table, shape), table, i64Constant({0}),
        i64Constant({interleaved ? width : width / 2}), i64Constant({-1}),
        steps);
  }

  /// The per-token factor as attn.rope's B x S x R/2.
  Value perToken(Value factor, const RopePlan &plan, int64_t batch,
                 int64_t sequence) {
    int64_t width = plan.spelling.rotated.size();
    if (plan.spelling.perPairTables)
      width /= 2;
    // Only unit dims go: the element order is that of the grid.
    Value grid =
        reshape(factor, {plan.tables.batch, plan.tables.tokens, width});
    Value half = halve(grid, plan.spelling);
    return expand(half, {batch, sequence, plan.spelling.rotated.size() / 2});
  }

  /// Position ids as attn.rope's B x S.
  Value broadcastPositions(Value ids, int64_t batch, int64_t sequence) {
    auto type = cast<RankedTensorType>(ids.getType());
    if (type.getRank() == 1)
      ids = reshape(ids, {1, type.getDimSize(0)});
    return expand(ids, {batch, sequence});
  }

  PatternRewriter &rewriter;
  Location loc;
};

void replaceWithRope(PatternRewriter &rewriter, const RopePlan &plan) {
  RopeBuilder builder(rewriter, plan.replaced->getLoc());
  rewriter.replaceOp(plan.replaced, builder.build(plan));
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// Raises a RoPE at the op that computes its rotated channels (an Add of
/// the rotate forms, a Reshape of the interleaved complex product), unless
/// a Concat puts them back among the other channels: RaiseRopeAtConcat
/// takes those.
template <typename OpTy>
struct RaiseRopeAtCore : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    FailureOr<RopePlan> plan = planRope(op, reason);
    if (failed(plan))
      return rewriter.notifyMatchFailure(op, reason);
    if (plan->replaced != op.getOperation())
      return rewriter.notifyMatchFailure(
          op, "left to the Concat that puts the rotated channels back");
    replaceWithRope(rewriter, *plan);
    return success();
  }
};

/// Raises a RoPE at a Concat: the half-split complex product's Concat of
/// the real and imaginary halves, or the Concat that puts the rotated
/// channels back among the others.
struct RaiseRopeAtConcat : OpRewritePattern<onnx::ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::ConcatOp op,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    FailureOr<RopePlan> own = planRope(op, reason);
    if (succeeded(own) && own->replaced == op.getOperation()) {
      replaceWithRope(rewriter, *own);
      return success();
    }
    for (Value piece : op.getInputs()) {
      Operation *core = piece.getDefiningOp();
      if (!core || !isa<onnx::AddOp, onnx::ReshapeOp, onnx::ConcatOp>(core))
        continue;
      std::string reason;
      FailureOr<RopePlan> plan = planRope(core, reason);
      if (succeeded(plan) && plan->replaced == op.getOperation()) {
        replaceWithRope(rewriter, *plan);
        return success();
      }
    }
    return rewriter.notifyMatchFailure(
        op, "neither a RoPE nor the Concat that puts a RoPE's channels back");
  }
};

} // namespace

void mlir::attn::populateRaiseRopePatterns(RewritePatternSet &patterns) {
  patterns.add<RaiseRopeAtCore<onnx::AddOp>, RaiseRopeAtCore<onnx::ReshapeOp>,
               RaiseRopeAtConcat>(patterns.getContext());
}

std::optional<std::string>
mlir::attn::explainUnraisedRope(Operation *rotation) {
  // The rotation reaches the Add through the Mul by sin, and for
  // interleaved pairs first through the Reshape back from the pair view.
  SmallVector<Value> rotated = {rotation->getResult(0)};
  for (Operation *user : rotation->getUsers())
    if (isa<onnx::ReshapeOp>(user))
      rotated.push_back(user->getResult(0));
  std::optional<std::string> reason;
  for (Value value : rotated)
    for (Operation *mul : value.getUsers())
      if (isa<onnx::MulOp>(mul))
        for (Operation *add : mul->getUsers())
          if (isa<onnx::AddOp>(add)) {
            std::string why;
            if (succeeded(planRope(add, why)))
              return std::nullopt;
            reason = why;
          }
  if (!reason)
    return std::string("the rotation is not multiplied by sin and added to "
                       "x * cos");
  return reason;
}
