//===- TopK.cpp - Lowering of attn.topk -----------------------------------===//
//
// Selection into a sorted k-buffer, one pass over the keys of each query:
//
//   buffer = k slots of (score -inf, index -1), best first
//   for t in [0, T):
//     x = scores[b,s,t]
//     if x is finite and x > buffer[k-1].score:      (O(1) for most keys)
//       j = k-1
//       while j > 0 and x > buffer[j-1].score:        (insertion, O(k))
//         buffer[j] = buffer[j-1]; j -= 1
//       buffer[j] = (x, t)
//
// Keys arrive in index order and a key only passes one with a strictly lower
// score, so equal scores keep the lowest index first: "descending score,
// ties to the lowest index" exactly. Non-finite keys (-inf, NaN, +inf) are
// never inserted; the slots they leave stay -1. Cost per query: O(T) compares
// plus O(k) per insertion, so O(T * k) in the worst case (ascending scores)
// and O(T + k^2 log(T/k)) expected for scores in random order. (A bounded
// heap would bound insertions by O(log k) but needs a final sort, and its
// sift-downs would have to compare indices to keep the tie rule.)
//
// The index buffer is the result tensor itself (B x S x k); the scores of the
// kept keys live in a scratch tensor of the same shape. Both are iter_args of
// the loop nest, so one-shot bufferization updates them in place.
//
//===----------------------------------------------------------------------===//

#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// |x| < inf: false for NaN and both infinities.
Value isFinite(OpBuilder &b, Location loc, Value x) {
  auto type = llvm::cast<FloatType>(x.getType());
  Value inf = arith::ConstantOp::create(
      b, loc, type,
      FloatAttr::get(type, APFloat::getInf(type.getFloatSemantics())));
  Value magnitude = math::AbsFOp::create(b, loc, x);
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, magnitude,
                               inf);
}

/// The sorted k-buffer of one query row (b, s): slot j of `scores` and
/// `indices` at [b, s, j].
struct RowBuffer {
  Value batch, query;

  SmallVector<Value> at(Value slot) const { return {batch, query, slot}; }
};

/// Inserts key `t` scored `x` into the full, sorted buffer whose last slot it
/// beats; returns the updated (scores, indices).
std::pair<Value, Value> insertKey(OpBuilder &b, Location loc,
                                  const RowBuffer &row, Value x, Value t,
                                  Value scores, Value indices, Value lastSlot) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Type indexType = cast<RankedTensorType>(indices.getType()).getElementType();
  // Shift every slot x strictly beats down by one, from the last upwards.
  auto shift = scf::WhileOp::create(
      b, loc, TypeRange{b.getIndexType(), scores.getType(), indices.getType()},
      ValueRange{lastSlot, scores, indices},
      [&](OpBuilder &bb, Location nl, ValueRange args) {
        Value j = args[0];
        Value positive =
            arith::CmpIOp::create(bb, nl, arith::CmpIPredicate::sgt, j, zero);
        // Reads slot max(j-1, 0) so that j = 0 stays in bounds.
        Value above = arith::SelectOp::create(
            bb, nl, positive, arith::SubIOp::create(bb, nl, j, one), zero);
        Value rival = tensor::ExtractOp::create(bb, nl, args[1], row.at(above));
        Value beats =
            arith::CmpFOp::create(bb, nl, arith::CmpFPredicate::OGT, x, rival);
        scf::ConditionOp::create(
            bb, nl, arith::AndIOp::create(bb, nl, positive, beats), args);
      },
      [&](OpBuilder &bb, Location nl, ValueRange args) {
        Value j = args[0];
        Value above = arith::SubIOp::create(bb, nl, j, one);
        Value movedScore =
            tensor::ExtractOp::create(bb, nl, args[1], row.at(above));
        Value movedIndex =
            tensor::ExtractOp::create(bb, nl, args[2], row.at(above));
        Value newScores =
            tensor::InsertOp::create(bb, nl, movedScore, args[1], row.at(j));
        Value newIndices =
            tensor::InsertOp::create(bb, nl, movedIndex, args[2], row.at(j));
        scf::YieldOp::create(bb, nl, ValueRange{above, newScores, newIndices});
      });
  Value slot = shift.getResult(0);
  Value key = arith::IndexCastOp::create(b, loc, indexType, t);
  return {
      tensor::InsertOp::create(b, loc, x, shift.getResult(1), row.at(slot)),
      tensor::InsertOp::create(b, loc, key, shift.getResult(2), row.at(slot))};
}

struct TopKLowering : OpConversionPattern<attn::TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value scores = adaptor.getScores();
    auto scoreType = cast<FloatType>(
        cast<RankedTensorType>(scores.getType()).getElementType());
    Type indexType = op.getType().getElementType();
    int64_t k = op.getK();
    SmallVector<OpFoldResult> resultSizes = {
        getDimSize(rewriter, loc, scores, 0),
        getDimSize(rewriter, loc, scores, 1), rewriter.getIndexAttr(k)};
    Value none = arith::ConstantOp::create(
        rewriter, loc, indexType, rewriter.getIntegerAttr(indexType, -1));
    Value indicesInit = createFilled(rewriter, loc, resultSizes, none);
    Value scoresInit = createFilled(rewriter, loc, resultSizes,
                                    createNegInf(rewriter, loc, scoreType));

    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    Value lastSlot = arith::ConstantIndexOp::create(rewriter, loc, k - 1);
    SmallVector<Value> upper = {getDimIndex(rewriter, loc, scores, 0),
                                getDimIndex(rewriter, loc, scores, 1),
                                getDimIndex(rewriter, loc, scores, 2)};
    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, ValueRange{zero, zero, zero}, upper,
        ValueRange{one, one, one}, ValueRange{scoresInit, indicesInit},
        [&](OpBuilder &b, Location nl, ValueRange ivs,
            ValueRange buffers) -> scf::ValueVector {
          RowBuffer row{ivs[0], ivs[1]};
          Value x = tensor::ExtractOp::create(b, nl, scores, ivs);
          Value last =
              tensor::ExtractOp::create(b, nl, buffers[0], row.at(lastSlot));
          Value enters = arith::AndIOp::create(
              b, nl, isFinite(b, nl, x),
              arith::CmpFOp::create(b, nl, arith::CmpFPredicate::OGT, x, last));
          auto update = scf::IfOp::create(
              b, nl, enters,
              [&](OpBuilder &bb, Location il) {
                auto [newScores, newIndices] = insertKey(
                    bb, il, row, x, ivs[2], buffers[0], buffers[1], lastSlot);
                scf::YieldOp::create(bb, il, ValueRange{newScores, newIndices});
              },
              [&](OpBuilder &bb, Location il) {
                scf::YieldOp::create(bb, il, buffers);
              });
          return {update.getResult(0), update.getResult(1)};
        });
    rewriter.replaceOp(op, nest.results[1]);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateTopKPatterns(RewritePatternSet &patterns) {
  patterns.add<TopKLowering>(patterns.getContext());
}
