//===- SparseAttention.cpp - Lowering of attn.sparse_attention ------------===//
//
// One query row (b, i) at a time, all query heads together, reading the
// selected key and value rows in place through the row's index list:
//
//   for b, i:
//     for n, h:  s[h,n] = r >= 0 ? softcap(scale * query[b,h,i,:] .
//                                          key[b,g(h),r,:])
//                                : -inf               (r = indices[b,i,n])
//     p, den = the masked softmax of s (sinks join den)
//     for n with r >= 0:  o[h,:] += p[h,n] * value[b,g(h),r,:]   (all h)
//     result[b,:,i,:] = o / den, or 0 for a row with no selected key
//
// with g(h) the KV head of query head h (GQA). The row's tensors are
// [1, Hq, 1, k] and [1, Hq, 1, Dv], so the masked softmax and normalisation
// of dense attention (AttentionCommon.h) apply unchanged. When the rows read
// outnumber the rows K and V hold (prefill; see shouldCopyTokenMajor), K and
// V are first copied token-major, [B, T, Hkv, D] in the compute type.
//
// Why this shape (6x faster at S 1024, k 256, 8 heads of 32, than scores
// for all rows as linalg generics reading K and V by tensor.extract):
// - One row's Hq x k scores stay in L1; for all rows (B x Hq x S x k,
//   32 MiB there) they went through memory five times.
// - Every address an inner loop touches is fixed before that loop: the
//   entry's row is read outside the loops over channels. Inside a generic
//   body the index load sits in the innermost loop, where LLVM can neither
//   hoist it (the output buffer may alias it: MLIR's aligned allocations
//   reach LLVM through inttoptr) nor bound the accesses for runtime alias
//   checks, so nothing vectorised.
// - A dot product is an scf.for whose running sum is a loop-carried value
//   (a register, not a memory cell), with reassoc on the sum so that LLVM
//   vectorises it along the contiguous key row. Only the rounding of the
//   channel sum changes: nothing selects on these scores (unlike the
//   lightning indexer's, which attn.topk compares).
// - Per selected entry, one parallel generic over (h, e) adds p[h,n] times
//   the value rows into the output rows: the inner loop e is contiguous,
//   and each sum runs over n in order as before.
// - An unselected entry costs a branch, wherever it is in the list, and
//   reads nothing (so no inf or NaN of another row can leak in).
// - Multiply-adds may contract to FMA.
// - Token-major K and V put an entry's rows of all KV heads in one
//   contiguous block: fewer cache lines and pages to miss than Hkv rows
//   T x D apart.
// What remains is mostly the latency of the scattered key and value rows,
// then expf.
//
//===----------------------------------------------------------------------===//

#include "AttentionCommon.h"
#include "AttnLoweringUtils.h"
#include "Patterns.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// Whether an entry of `indices` selects a key (entries < 0 are skipped).
Value isSelected(OpBuilder &b, Location loc, Value index) {
  Value zero = arith::ConstantOp::create(
      b, loc, index.getType(), b.getIntegerAttr(index.getType(), 0));
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, index, zero);
}

/// Entry n of a row's key list: whether it selects a key, and that key's
/// row (meaningful only when selected).
struct Entry {
  Value selected;
  Value keyRow;
};

/// The query row (b, i) being lowered and what its loops read.
struct QueryRow {
  Value query, key, value, indices;
  Value batch, row;
  KVHeadMapping heads;
  FloatType computeType;
  /// Whether key and value are [B, T, Hkv, D] (toTokenMajor) rather than
  /// the op's [B, Hkv, T, D].
  bool tokenMajor;

  /// The dims of key and value that hold the KV head and the token.
  int64_t headDim() const { return tokenMajor ? 2 : 1; }
  int64_t tokenDim() const { return tokenMajor ? 1 : 2; }

  /// Indices of key or value at (b, kvHead, token, chan).
  SmallVector<Value> at(Value kvHead, Value token, Value chan) const {
    SmallVector<Value> indices(4, batch);
    indices[headDim()] = kvHead;
    indices[tokenDim()] = token;
    indices[3] = chan;
    return indices;
  }

  Entry readEntry(OpBuilder &b, Location loc, Value pick) const {
    Value index = tensor::ExtractOp::create(b, loc, indices,
                                            ValueRange{batch, row, pick});
    return {isSelected(b, loc, index), castToIndex(b, loc, index)};
  }

  /// source[at] in the compute type.
  Value read(OpBuilder &b, Location loc, Value source, ValueRange at) const {
    return castFloat(b, loc, tensor::ExtractOp::create(b, loc, source, at),
                     computeType);
  }
};

/// query[b,h,i,:] . key[b,g(h),keyRow,:] as an scf.for whose running sum is
/// a loop-carried value: LLVM keeps it in a register and, with reassoc on
/// the sum, vectorises the channel loop over the contiguous key row. (As a
/// linalg reduction the sum would be a memory cell that LLVM cannot keep in
/// a register: it cannot tell the buffer apart from the key.)
Value buildDot(OpBuilder &b, Location loc, const QueryRow &qr, Value head,
               Value keyRow) {
  Value kvHead = qr.heads.getIndex(b, loc, head);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  auto flags = arith::FastMathFlags::reassoc | arith::FastMathFlags::contract;
  auto loop = scf::ForOp::create(
      b, loc, zero, getDimIndex(b, loc, qr.query, 3), one,
      ValueRange{createFloat(b, loc, qr.computeType, 0.0)},
      [&](OpBuilder &db, Location dl, Value chan, ValueRange sum) {
        Value q = qr.read(db, dl, qr.query, {qr.batch, head, qr.row, chan});
        Value k = qr.read(db, dl, qr.key, qr.at(kvHead, keyRow, chan));
        Value product = arith::MulFOp::create(db, dl, q, k, flags);
        scf::YieldOp::create(
            db, dl,
            ValueRange{arith::AddFOp::create(db, dl, sum[0], product, flags)});
      });
  return loop.getResult(0);
}

/// softcap(scale * dot), the score of a selected key.
Value buildScore(OpBuilder &b, Location loc, Value dot, double scale,
                 std::optional<double> softcap) {
  auto type = cast<FloatType>(dot.getType());
  Value s =
      arith::MulFOp::create(b, loc, dot, createFloat(b, loc, type, scale));
  if (!softcap)
    return s;
  Value cap = createFloat(b, loc, type, *softcap);
  Value ratio = arith::DivFOp::create(b, loc, s, cap);
  return arith::MulFOp::create(b, loc, cap,
                               math::TanhOp::create(b, loc, ratio));
}

/// scores[0,h,0,n] = selected(n) ? softcap(scale * dot(h, n)) : -inf, loops
/// n then h: an unselected entry computes nothing, and the G query heads of
/// a KV head read its selected key row one after the other (from cache).
Value buildRowScores(OpBuilder &b, Location loc, const QueryRow &qr,
                     double scale, std::optional<double> softcap) {
  OpFoldResult unit = b.getIndexAttr(1);
  Value init = createEmpty(b, loc,
                           {unit, getDimSize(b, loc, qr.query, 1), unit,
                            getDimSize(b, loc, qr.indices, 2)},
                           qr.computeType);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value negInf = createNegInf(b, loc, qr.computeType);
  auto picks = scf::ForOp::create(
      b, loc, zero, getDimIndex(b, loc, qr.indices, 2), one, ValueRange{init},
      [&](OpBuilder &nb, Location nl, Value pick, ValueRange scores) {
        Entry entry = qr.readEntry(nb, nl, pick);
        auto heads = scf::ForOp::create(
            nb, nl, zero, getDimIndex(nb, nl, qr.query, 1), one, scores,
            [&](OpBuilder &hb, Location hl, Value head, ValueRange row) {
              auto score = scf::IfOp::create(
                  hb, hl, entry.selected,
                  [&](OpBuilder &ib, Location il) {
                    Value dot = buildDot(ib, il, qr, head, entry.keyRow);
                    scf::YieldOp::create(
                        ib, il, buildScore(ib, il, dot, scale, softcap));
                  },
                  [&](OpBuilder &ib, Location il) {
                    scf::YieldOp::create(ib, il, negInf);
                  });
              Value updated = tensor::InsertOp::create(
                  hb, hl, score.getResult(0), row[0],
                  ValueRange{zero, head, zero, pick});
              scf::YieldOp::create(hb, hl, updated);
            });
        scf::YieldOp::create(nb, nl, heads.getResults());
      });
  return picks.getResult(0);
}

/// weighted[0,h,0,e] = sum over the selected n of weights[0,h,0,n] *
/// value[b,g(h),r(n),e]: per selected entry, one parallel generic (h, e)
/// that adds the weighted value row of each query head's KV head into the
/// output row. The value rows come in as a slice whose address is fixed
/// before the loops, so the inner loop e is contiguous and vectorises.
/// Unselected entries add nothing and read nothing.
Value buildRowWeightedValues(OpBuilder &b, Location loc, const QueryRow &qr,
                             Value weights) {
  MLIRContext *ctx = b.getContext();
  OpFoldResult zeroAttr = b.getIndexAttr(0), unit = b.getIndexAttr(1);
  OpFoldResult queryHeads = getDimSize(b, loc, weights, 1);
  OpFoldResult kvHeads = getDimSize(b, loc, qr.value, qr.headDim());
  OpFoldResult channels = getDimSize(b, loc, qr.value, 3);
  Value init = createFilled(b, loc, {unit, queryHeads, unit, channels},
                            createFloat(b, loc, qr.computeType, 0.0));
  SmallVector<OpFoldResult> strides(4, unit);
  AffineExpr head, chan;
  bindDims(ctx, head, chan);
  AffineExpr zeroExpr = getAffineConstantExpr(0, ctx);
  // The value rows of an entry: [1, Hkv, 1, Dv] or [1, 1, Hkv, Dv].
  SmallVector<AffineExpr> valueAt(4, zeroExpr);
  valueAt[qr.headDim()] = qr.heads.getExpr(head);
  valueAt[3] = chan;
  SmallVector<OpFoldResult> rowSizes(4, unit);
  rowSizes[qr.headDim()] = kvHeads;
  rowSizes[3] = channels;
  SmallVector<AffineMap> maps = {
      AffineMap::get(2, 0, {zeroExpr, head, zeroExpr, zeroExpr}, ctx),
      AffineMap::get(2, 0, valueAt, ctx),
      AffineMap::get(2, 0, {zeroExpr, head, zeroExpr, chan}, ctx)};
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  auto picks = scf::ForOp::create(
      b, loc, zero, getDimIndex(b, loc, qr.indices, 2), one, ValueRange{init},
      [&](OpBuilder &nb, Location nl, Value pick, ValueRange sum) {
        Entry entry = qr.readEntry(nb, nl, pick);
        auto added = scf::IfOp::create(
            nb, nl, entry.selected,
            [&](OpBuilder &ib, Location il) {
              Value weightColumn = tensor::ExtractSliceOp::create(
                  ib, il, weights, {zeroAttr, zeroAttr, zeroAttr, pick},
                  {unit, queryHeads, unit, unit}, strides);
              SmallVector<OpFoldResult> rowOffsets(4, zeroAttr);
              rowOffsets[0] = qr.batch;
              rowOffsets[qr.tokenDim()] = entry.keyRow;
              Value valueRows = tensor::ExtractSliceOp::create(
                  ib, il, qr.value, rowOffsets, rowSizes, strides);
              Value next =
                  createGeneric(
                      ib, il, {weightColumn, valueRows}, {sum[0]}, maps,
                      getIterators(2),
                      [&](OpBuilder &gb, Location gl, ValueRange args) {
                        Value v = castFloat(gb, gl, args[1], qr.computeType);
                        Value product = arith::MulFOp::create(
                            gb, gl, args[0], v, arith::FastMathFlags::contract);
                        return SmallVector<Value>{arith::AddFOp::create(
                            gb, gl, args[2], product,
                            arith::FastMathFlags::contract)};
                      })
                      ->getResult(0);
              scf::YieldOp::create(ib, il, next);
            },
            [&](OpBuilder &ib, Location il) {
              scf::YieldOp::create(ib, il, sum[0]);
            });
        scf::YieldOp::create(nb, nl, added.getResults());
      });
  return picks.getResult(0);
}

/// x [B, H, T, D] as [B, T, H, D] in `type`.
Value toTokenMajor(OpBuilder &b, Location loc, Value x, FloatType type) {
  MLIRContext *ctx = b.getContext();
  AffineExpr batch, token, head, chan;
  bindDims(ctx, batch, token, head, chan);
  return createGeneric(
             b, loc, {x},
             {createEmpty(b, loc,
                          {getDimSize(b, loc, x, 0), getDimSize(b, loc, x, 2),
                           getDimSize(b, loc, x, 1), getDimSize(b, loc, x, 3)},
                          type)},
             {AffineMap::get(4, 0, {batch, head, token, chan}, ctx),
              AffineMap::getMultiDimIdentityMap(4, ctx)},
             getIterators(4),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               return SmallVector<Value>{castFloat(nb, nl, args[0], type)};
             })
      ->getResult(0);
}

/// Whether to copy key and value to token-major [B, T, Hkv, D] (in the
/// compute type) before the rows: an entry's rows of all KV heads are then
/// one contiguous block, not Hkv rows T x D apart (1.5x faster at S 4096,
/// k 256, 8 heads, where the scattered rows miss cache and TLB). Only when
/// the rows read (S k Hq per batch) outnumber the rows copied (T Hkv):
/// never in decode, where the copy would dominate. Static shapes only.
bool shouldCopyTokenMajor(attn::SparseAttentionOp op) {
  ArrayRef<int64_t> query = op.getQuery().getType().getShape();
  ArrayRef<int64_t> key = op.getKey().getType().getShape();
  int64_t picks = op.getIndices().getType().getDimSize(2);
  if (ShapedType::isDynamic(query[1]) || ShapedType::isDynamic(query[2]) ||
      ShapedType::isDynamic(key[1]) || ShapedType::isDynamic(key[2]) ||
      ShapedType::isDynamic(picks) || key[1] == 1)
    return false;
  return query[2] * picks * query[1] >= key[2] * key[1];
}

struct SparseAttentionLowering : OpConversionPattern<attn::SparseAttentionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(attn::SparseAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<KVHeadMapping> heads =
        getKVHeadMapping(op.getQuery().getType().getDimSize(1),
                         op.getKey().getType().getDimSize(1));
    if (failed(heads))
      return rewriter.notifyMatchFailure(
          op, "expects static head counts (or a single KV head) to map query "
              "heads to KV heads");
    Location loc = op.getLoc();
    Value query = adaptor.getQuery(), sinks = adaptor.getSinks();
    Type resultElement = op.getType().getElementType();
    double scale = op.getEffectiveScale();
    std::optional<double> softcap;
    if (std::optional<APFloat> cap = op.getSoftcap())
      softcap = cap->convertToDouble();

    OpFoldResult queryHeads = getDimSize(rewriter, loc, query, 1);
    OpFoldResult valueChannels =
        getDimSize(rewriter, loc, adaptor.getValue(), 3);
    Value init = createEmpty(
        rewriter, loc,
        {getDimSize(rewriter, loc, query, 0), queryHeads,
         getDimSize(rewriter, loc, query, 2), valueChannels},
        resultElement);

    FloatType computeType = getComputeType(resultElement);
    Value key = adaptor.getKey(), value = adaptor.getValue();
    bool tokenMajor = shouldCopyTokenMajor(op);
    if (tokenMajor) {
      key = toTokenMajor(rewriter, loc, key, computeType);
      value = toTokenMajor(rewriter, loc, value, computeType);
    }

    OpFoldResult zeroAttr = rewriter.getIndexAttr(0),
                 oneAttr = rewriter.getIndexAttr(1);
    SmallVector<OpFoldResult> unitStrides(4, oneAttr);
    Value result = buildBatchRowLoop(
        rewriter, loc, query, /*rowDim=*/2, init,
        [&](OpBuilder &b, Location nl, Value batch, Value row, Value acc) {
          QueryRow qr{query, key,  value,       adaptor.getIndices(),
                      batch, row, *heads, computeType, tokenMajor};
          Value scores = buildRowScores(b, nl, qr, scale, softcap);
          SoftmaxRows rows = buildMaskedSoftmax(b, nl, scores, sinks);
          Value weighted = buildRowWeightedValues(b, nl, qr, rows.weights);
          Value normalised = buildNormalisedRows(b, nl, weighted, rows, Value(),
                                                 AffineMap(), resultElement);
          return tensor::InsertSliceOp::create(
                     b, nl, normalised, acc,
                     {qr.batch, zeroAttr, qr.row, zeroAttr},
                     {oneAttr, queryHeads, oneAttr, valueChannels},
                     unitStrides)
              .getResult();
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateSparseAttentionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<SparseAttentionLowering>(patterns.getContext());
}
