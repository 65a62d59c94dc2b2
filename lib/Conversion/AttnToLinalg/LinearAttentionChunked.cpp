//===- LinearAttentionChunked.cpp - Chunked (prefill) linear attention ----===//
//
// The chunked form of attn.linear_attention (techniques.md 13.2), chosen over
// the token recurrence for prefill: when the op has a chunk_size and more
// than one token, or no chunk_size and at least 64 tokens (then C = 64). Tokens
// are cut into chunks of C (the tail padded with zeros: a zero key, value and
// beta write nothing, a zero log-decay keeps the state); an scf.for over chunks
// carries the state S [B,Hv,Dk,Dv] and does per chunk, with rows r, u of the
// chunk, all in f32 (K read through each state head's key head, Q through
// each output head's query and state heads, LinearAttentionHeads.h):
//
//   gamma_r = sum_{u<=r} g_u            (cumulative log-decay; 0 ungated)
//   Gamma_ru = exp(gamma_r - gamma_u)   for u <= r, else 0
//   W = V                                               linear, gated
//   (I + L) W = diag(beta) (V - diag(exp(gamma)) K S)   delta rules, with
//       L_ru = beta_r Gamma_ru k_r.k_u for u < r        (the UT transform's
//                                                        unit lower-triangular
//                                                        system, solved by
//                                                        forward substitution)
//   O = diag(exp(gamma)) Q S + (Gamma o Q K^T) W
//   S' = exp(gamma_{C-1}) S + (diag(exp(gamma_{C-1} - gamma)) K)^T W
//
// W holds the rows each token writes into the state (beta (v - S^T k) for
// the delta rules, which depend on the earlier rows of the chunk through L);
// with it the chunk is the gated linear recurrence in closed form, so O and
// S' are matrix products instead of C sequential rank-1 updates.
//
// A per-key-channel decay (KDA) makes Gamma depend on the channel i too:
// it then multiplies inside the inner products over i (masked by exp(-inf)),
// never as exp(-gamma) factors, which would overflow over a long chunk.
// Dynamic shapes are left to the recurrent form.
//
//===----------------------------------------------------------------------===//

#include "LinearAttentionChunked.h"
#include "AttentionCommon.h"
#include "AttnLoweringUtils.h"
#include "LinearAttentionHeads.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace attnc::attn_lowering;

namespace {

/// The chunk for ops without a chunk_size (ONNX LinearAttention's default).
constexpr int64_t kDefaultChunkSize = 64;

/// Static sizes as OpFoldResults.
SmallVector<OpFoldResult> staticSizes(OpBuilder &b, ArrayRef<int64_t> shape) {
  return llvm::map_to_vector(shape, [&](int64_t size) -> OpFoldResult {
    return b.getIndexAttr(size);
  });
}

/// The decay of one chunk: cumulative log-decays gamma (per state head
/// [B,Hv,C] or per key channel [B,Hv,C,Dk]; null when ungated) and the
/// factors built from them.
struct ChunkDecay {
  Value gamma;
  bool perChannel = false;
  /// exp(gamma_r) and exp(gamma_{C-1} - gamma_r), gamma's shape.
  Value fromStart, toEnd;
  /// Per head only: Gamma[b,h,r,u] = exp(gamma_r - gamma_u) for u <= r
  /// (`inclusive`) or u < r (`strict`), else 0; the mask alone when ungated.
  Value inclusive, strict;
};

/// Builds the chunked form for one op with static shapes.
class ChunkedBuilder {
public:
  ChunkedBuilder(OpBuilder &b, Location loc, FloatType f32, LinearHeads heads,
                 int64_t chunk)
      : b(b), loc(loc), f32(f32), heads(heads), chunk(chunk),
        ctx(b.getContext()) {}

  /// `x` [B,H,T(,D)] in f32, padded with zeros to `padded` tokens.
  Value widenAndPad(Value x, int64_t padded) {
    auto type = cast<RankedTensorType>(x.getType());
    SmallVector<int64_t> shape(type.getShape());
    unsigned rank = shape.size();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    Value wide =
        createGeneric(
            b, loc, {x}, {createEmpty(b, loc, staticSizes(b, shape), f32)},
            {identity, identity}, getIterators(rank),
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              return SmallVector<Value>{castFloat(nb, nl, args[0], f32)};
            })
            ->getResult(0);
    if (padded == shape[2])
      return wide;
    SmallVector<int64_t> paddedShape(shape);
    paddedShape[2] = padded;
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
        strides(rank, b.getIndexAttr(1));
    return tensor::InsertSliceOp::create(b, loc, wide, zeros(paddedShape),
                                         offsets, staticSizes(b, shape),
                                         strides);
  }

  /// Chunk `offset` of a [B,H,Tp(,D)] tensor: [B,H,C(,D)].
  Value chunkOf(Value x, Value offset) {
    auto type = cast<RankedTensorType>(x.getType());
    SmallVector<int64_t> shape(type.getShape());
    shape[2] = chunk;
    SmallVector<OpFoldResult> offsets(shape.size(), b.getIndexAttr(0)),
        strides(shape.size(), b.getIndexAttr(1));
    offsets[2] = offset;
    return tensor::ExtractSliceOp::create(b, loc, x, offsets,
                                          staticSizes(b, shape), strides);
  }

  Value zeros(ArrayRef<int64_t> shape) {
    return createFilled(b, loc, staticSizes(b, shape),
                        createFloat(b, loc, f32, 0.0));
  }

  AffineMap map(unsigned numDims, ArrayRef<AffineExpr> exprs) {
    return AffineMap::get(numDims, 0, exprs, ctx);
  }

  /// The decay of a chunk whose log-decays are `g` ([B,Hv,C(,Dk)], or null
  /// when ungated); `batch` and `stateHeads` size the masks.
  ChunkDecay buildDecay(Value g, int64_t batch, int64_t stateHeads) {
    ChunkDecay decay;
    if (g) {
      decay.gamma = cumulativeDecay(g);
      decay.perChannel = cast<RankedTensorType>(g.getType()).getRank() == 4;
      std::tie(decay.fromStart, decay.toEnd) = decayVectors(decay.gamma);
    }
    if (!decay.perChannel) {
      decay.inclusive = decayMatrix(decay.gamma, batch, stateHeads, false);
      decay.strict = decayMatrix(decay.gamma, batch, stateHeads, true);
    }
    return decay;
  }

  /// The rows the chunk writes for the delta rules: solves
  /// (I + L) W = diag(beta) (V - exp(gamma) o (K S)) by forward
  /// substitution, L[r,u] = beta_r sum_i k_r[i] k_u[i] Gamma_ru[i] (u < r),
  /// per state head (k of its key head).
  Value deltaRows(Value k, Value v, Value beta, Value state,
                  const ChunkDecay &decay) {
    auto vShape = cast<RankedTensorType>(v.getType()).getShape();
    int64_t batch = vShape[0], stateHeads = vShape[1], dv = vShape[3];
    // Heads x are the state heads (KVHeadMapping(): the identity).
    Value lower = decayedScores(k, heads.keyOfState, KVHeadMapping(),
                                stateHeads, k, decay, /*strict=*/true, beta);
    // R = beta_r (v[r,j] - sum_i k[r,i] exp(gamma_r[i]) S[i,j]).
    Value keyState = decayedStateRead(k, heads.keyOfState, KVHeadMapping(),
                                      stateHeads, state, decay.fromStart);
    AffineExpr bd, h, r, j;
    bindDims(ctx, bd, h, r, j);
    AffineMap rows = map(4, {bd, h, r, j});
    Value rhs =
        createGeneric(
            b, loc, {v, keyState, beta},
            {createEmpty(b, loc, staticSizes(b, {batch, stateHeads, chunk, dv}),
                         f32)},
            {rows, rows, map(4, {bd, h, r}), rows}, getIterators(4),
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              Value error = arith::SubFOp::create(nb, nl, args[0], args[1]);
              return SmallVector<Value>{
                  arith::MulFOp::create(nb, nl, args[2], error)};
            })
            ->getResult(0);

    // Row r of W: R[r] - sum_{u<r} L[r,u] W[u] (L is 0 for u >= r).
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value one = arith::ConstantIndexOp::create(b, loc, 1);
    Value numRows = arith::ConstantIndexOp::create(b, loc, chunk);
    auto loop = scf::ForOp::create(
        b, loc, zero, numRows, one, ValueRange{rhs},
        [&](OpBuilder &nb, Location nl, Value row, ValueRange args) {
          Value w = args[0];
          // Row `row` of a [B,H,C,width] tensor, rank-reduced to [B,H,width].
          SmallVector<OpFoldResult> offsets = {
              nb.getIndexAttr(0), nb.getIndexAttr(0), row, nb.getIndexAttr(0)};
          SmallVector<OpFoldResult> strides(4, nb.getIndexAttr(1));
          auto rowOf = [&](Value x, int64_t width) {
            auto type = RankedTensorType::get({batch, stateHeads, width}, f32);
            return Value(tensor::ExtractSliceOp::create(
                nb, nl, type, x, offsets,
                staticSizes(nb, {batch, stateHeads, 1, width}), strides));
          };
          Value lowerRow = rowOf(lower, chunk);
          Value wRow = rowOf(w, dv);
          AffineExpr bd, h, j, u;
          bindDims(ctx, bd, h, j, u);
          // corr = sum_u L[r,u] W[u], then W[r] = R[r] - corr; W is only
          // written by the insert, so the loop updates it in place.
          Value corr =
              createGeneric(
                  nb, nl, {lowerRow, w},
                  {createFilled(nb, nl,
                                staticSizes(nb, {batch, stateHeads, dv}),
                                createFloat(nb, nl, f32, 0.0))},
                  {map(4, {bd, h, u}), map(4, {bd, h, u, j}),
                   map(4, {bd, h, j})},
                  getIterators(3, 1),
                  [&](OpBuilder &bb, Location bl, ValueRange a) {
                    Value p = arith::MulFOp::create(bb, bl, a[0], a[1]);
                    return SmallVector<Value>{
                        arith::AddFOp::create(bb, bl, a[2], p)};
                  })
                  ->getResult(0);
          AffineMap rowMap = AffineMap::getMultiDimIdentityMap(3, ctx);
          Value next =
              createGeneric(
                  nb, nl, {wRow, corr},
                  {createEmpty(nb, nl, staticSizes(nb, {batch, stateHeads, dv}),
                               f32)},
                  {rowMap, rowMap, rowMap}, getIterators(3),
                  [&](OpBuilder &bb, Location bl, ValueRange a) {
                    return SmallVector<Value>{
                        arith::SubFOp::create(bb, bl, a[0], a[1])};
                  })
                  ->getResult(0);
          Value updated = tensor::InsertSliceOp::create(
              nb, nl, next, w, offsets,
              staticSizes(nb, {batch, stateHeads, 1, dv}), strides);
          scf::YieldOp::create(nb, nl, updated);
        });
    return loop.getResult(0);
  }

  /// O[b,o,r,j] = sum_i q[r,i] exp(gamma_r[i]) S[i,j]
  ///            + sum_u (sum_i q[r,i] k[u,i] Gamma_ru[i]) W[u,j]
  /// for `outputHeads` output heads o, each with its query and state head.
  Value chunkOutput(Value q, Value k, Value w, Value state,
                    const ChunkDecay &decay, int64_t outputHeads) {
    Value fromState =
        decayedStateRead(q, heads.queryOfOutput, heads.stateOfOutput,
                         outputHeads, state, decay.fromStart);
    Value scores =
        decayedScores(q, heads.queryOfOutput, heads.stateOfOutput, outputHeads,
                      k, decay, /*strict=*/false, Value());
    AffineExpr bd, o, r, j, u;
    bindDims(ctx, bd, o, r, j, u);
    AffineExpr h = heads.stateOfOutput.getExpr(o);
    return createGeneric(b, loc, {scores, w}, {fromState},
                         {map(5, {bd, o, r, u}), map(5, {bd, h, u, j}),
                          map(5, {bd, o, r, j})},
                         getIterators(4, 1),
                         [&](OpBuilder &nb, Location nl, ValueRange args) {
                           Value p =
                               arith::MulFOp::create(nb, nl, args[0], args[1]);
                           return SmallVector<Value>{
                               arith::AddFOp::create(nb, nl, args[2], p)};
                         })
        ->getResult(0);
  }

  /// S'[b,h,i,j] = exp(gamma_{C-1}[i]) S[i,j]
  ///             + sum_u exp(gamma_{C-1}[i] - gamma_u[i]) k[u,i] W[u,j],
  /// k of the state head's key head.
  Value nextState(Value k, Value w, Value state, const ChunkDecay &decay) {
    auto shape = cast<RankedTensorType>(state.getType()).getShape();
    AffineExpr bd, h, i, j, u;
    Value init = state;
    if (decay.fromStart) {
      bindDims(ctx, bd, h, i, j);
      AffineExpr last = getAffineConstantExpr(chunk - 1, ctx);
      AffineMap lastMap =
          decay.perChannel ? map(4, {bd, h, last, i}) : map(4, {bd, h, last});
      init =
          createGeneric(b, loc, {decay.fromStart, state},
                        {createEmpty(b, loc, staticSizes(b, shape), f32)},
                        {lastMap, map(4, {bd, h, i, j}), map(4, {bd, h, i, j})},
                        getIterators(4),
                        [&](OpBuilder &nb, Location nl, ValueRange args) {
                          return SmallVector<Value>{
                              arith::MulFOp::create(nb, nl, args[0], args[1])};
                        })
              ->getResult(0);
    }
    bindDims(ctx, bd, h, i, j, u);
    SmallVector<Value> inputs = {k, w};
    SmallVector<AffineMap> maps = {
        map(5, {bd, heads.keyOfState.getExpr(h), u, i}),
        map(5, {bd, h, u, j})};
    if (decay.toEnd) {
      inputs.push_back(decay.toEnd);
      maps.push_back(decay.perChannel ? map(5, {bd, h, u, i})
                                      : map(5, {bd, h, u}));
    }
    maps.push_back(map(5, {bd, h, i, j}));
    return createGeneric(b, loc, inputs, {init}, maps, getIterators(4, 1),
                         [&](OpBuilder &nb, Location nl, ValueRange args) {
                           Value p =
                               arith::MulFOp::create(nb, nl, args[0], args[1]);
                           if (decay.toEnd)
                             p = arith::MulFOp::create(nb, nl, p, args[2]);
                           return SmallVector<Value>{
                               arith::AddFOp::create(nb, nl, args.back(), p)};
                         })
        ->getResult(0);
  }

private:
  /// gamma[b,h,r(,i)] = sum_{u<=r} g[b,h,u(,i)].
  Value cumulativeDecay(Value g) {
    auto shape = cast<RankedTensorType>(g.getType()).getShape();
    bool perChannel = shape.size() == 4;
    AffineExpr bd, h, r, i, u;
    SmallVector<AffineMap> maps;
    if (perChannel) {
      bindDims(ctx, bd, h, r, i, u);
      maps = {map(5, {bd, h, u, i}), map(5, {bd, h, r, i})};
    } else {
      bindDims(ctx, bd, h, r, u);
      maps = {map(4, {bd, h, u}), map(4, {bd, h, r})};
    }
    unsigned numParallel = shape.size();
    return createGeneric(
               b, loc, {g}, {zeros(shape)}, maps, getIterators(numParallel, 1),
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value seen = arith::CmpIOp::create(
                     nb, nl, arith::CmpIPredicate::ule,
                     linalg::IndexOp::create(nb, nl, numParallel),
                     linalg::IndexOp::create(nb, nl, 2));
                 Value sum = arith::AddFOp::create(nb, nl, args[1], args[0]);
                 return SmallVector<Value>{
                     arith::SelectOp::create(nb, nl, seen, sum, args[1])};
               })
        ->getResult(0);
  }

  /// exp(gamma_r) and exp(gamma_{C-1} - gamma_r), per head or channel.
  std::pair<Value, Value> decayVectors(Value gamma) {
    auto shape = cast<RankedTensorType>(gamma.getType()).getShape();
    unsigned rank = shape.size();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    SmallVector<AffineExpr> lastRow = llvm::to_vector(identity.getResults());
    lastRow[2] = getAffineConstantExpr(chunk - 1, ctx);
    Operation *generic = createGeneric(
        b, loc, {gamma, gamma},
        {createEmpty(b, loc, staticSizes(b, shape), f32),
         createEmpty(b, loc, staticSizes(b, shape), f32)},
        {identity, map(rank, lastRow), identity, identity}, getIterators(rank),
        [&](OpBuilder &nb, Location nl, ValueRange args) {
          Value fromStart = math::ExpOp::create(nb, nl, args[0]);
          Value toEnd = math::ExpOp::create(
              nb, nl, arith::SubFOp::create(nb, nl, args[1], args[0]));
          return SmallVector<Value>{fromStart, toEnd};
        });
    return {generic->getResult(0), generic->getResult(1)};
  }

  /// Per-head Gamma (see ChunkDecay), or the causal mask when ungated.
  Value decayMatrix(Value gamma, int64_t batch, int64_t stateHeads,
                    bool strict) {
    AffineExpr bd, h, r, u;
    bindDims(ctx, bd, h, r, u);
    SmallVector<Value> inputs;
    SmallVector<AffineMap> maps;
    if (gamma) {
      inputs = {gamma, gamma};
      maps = {map(4, {bd, h, r}), map(4, {bd, h, u})};
    }
    maps.push_back(AffineMap::getMultiDimIdentityMap(4, ctx));
    return createGeneric(
               b, loc, inputs,
               {createEmpty(b, loc,
                            staticSizes(b, {batch, stateHeads, chunk, chunk}),
                            f32)},
               maps, getIterators(4),
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value visible = isVisible(nb, nl, 2, 3, strict);
                 Value factor = createFloat(nb, nl, f32, 1.0);
                 if (gamma)
                   factor = math::ExpOp::create(
                       nb, nl, arith::SubFOp::create(nb, nl, args[0], args[1]));
                 return SmallVector<Value>{arith::SelectOp::create(
                     nb, nl, visible, factor, createFloat(nb, nl, f32, 0.0))};
               })
        ->getResult(0);
  }

  /// Whether key row `u` (loop `uDim`) is seen by row `r` (loop `rDim`):
  /// u <= r, or u < r when `strict`.
  Value isVisible(OpBuilder &nb, Location nl, unsigned rDim, unsigned uDim,
                  bool strict) {
    return arith::CmpIOp::create(
        nb, nl, strict ? arith::CmpIPredicate::ult : arith::CmpIPredicate::ule,
        linalg::IndexOp::create(nb, nl, uDim),
        linalg::IndexOp::create(nb, nl, rDim));
  }

  /// s[b,x,r,u] = (rowScale_r) sum_i a[b,ah(x),r,i] k[b,kh(h),u,i] Gamma_ru(i)
  /// for `numHeads` heads x, each with head ah(x) of `a` and state head
  /// h = sh(x) (whose decay and rowScale apply); rowScale optional.
  /// Per channel the decay goes inside the sum, exp(-inf) masking.
  Value decayedScores(Value a, KVHeadMapping aHeadOf, KVHeadMapping stateOf,
                      int64_t numHeads, Value k, const ChunkDecay &decay,
                      bool strict, Value rowScale) {
    auto aShape = cast<RankedTensorType>(a.getType()).getShape();
    AffineExpr bd, x, r, u, i;
    bindDims(ctx, bd, x, r, u, i);
    AffineExpr h = stateOf.getExpr(x);
    SmallVector<Value> inputs = {a, k};
    SmallVector<AffineMap> maps = {
        map(5, {bd, aHeadOf.getExpr(x), r, i}),
        map(5, {bd, heads.keyOfState.getExpr(h), u, i})};
    bool perChannel = decay.perChannel;
    if (perChannel) {
      inputs.append({decay.gamma, decay.gamma});
      maps.append({map(5, {bd, h, r, i}), map(5, {bd, h, u, i})});
    } else {
      inputs.push_back(strict ? decay.strict : decay.inclusive);
      maps.push_back(map(5, {bd, h, r, u}));
    }
    if (rowScale) {
      inputs.push_back(rowScale);
      maps.push_back(map(5, {bd, h, r}));
    }
    maps.push_back(map(5, {bd, x, r, u}));
    return createGeneric(
               b, loc, inputs, {zeros({aShape[0], numHeads, chunk, chunk})},
               maps, getIterators(4, 1),
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value p = arith::MulFOp::create(nb, nl, args[0], args[1]);
                 Value weight = args[2];
                 unsigned next = 3;
                 if (perChannel) {
                   Value diff = arith::SubFOp::create(nb, nl, args[2], args[3]);
                   Value masked = arith::SelectOp::create(
                       nb, nl, isVisible(nb, nl, 2, 3, strict), diff,
                       createNegInf(nb, nl, f32));
                   weight = math::ExpOp::create(nb, nl, masked);
                   next = 4;
                 }
                 p = arith::MulFOp::create(nb, nl, p, weight);
                 if (rowScale)
                   p = arith::MulFOp::create(nb, nl, p, args[next]);
                 return SmallVector<Value>{
                     arith::AddFOp::create(nb, nl, args.back(), p)};
               })
        ->getResult(0);
  }

  /// out[b,x,r,j] = sum_i a[b,ah(x),r,i] fromStart(h,r,i) S[b,h,i,j] for
  /// `numHeads` heads x with state head h = sh(x), fromStart per head or
  /// channel, or absent (ungated).
  Value decayedStateRead(Value a, KVHeadMapping aHeadOf, KVHeadMapping stateOf,
                         int64_t numHeads, Value state, Value fromStart) {
    auto aShape = cast<RankedTensorType>(a.getType()).getShape();
    int64_t dv = cast<RankedTensorType>(state.getType()).getDimSize(3);
    AffineExpr bd, x, r, j, i;
    bindDims(ctx, bd, x, r, j, i);
    AffineExpr h = stateOf.getExpr(x);
    SmallVector<Value> inputs = {a, state};
    SmallVector<AffineMap> maps = {map(5, {bd, aHeadOf.getExpr(x), r, i}),
                                   map(5, {bd, h, i, j})};
    if (fromStart) {
      inputs.push_back(fromStart);
      maps.push_back(cast<RankedTensorType>(fromStart.getType()).getRank() == 4
                         ? map(5, {bd, h, r, i})
                         : map(5, {bd, h, r}));
    }
    maps.push_back(map(5, {bd, x, r, j}));
    return createGeneric(
               b, loc, inputs, {zeros({aShape[0], numHeads, chunk, dv})}, maps,
               getIterators(4, 1),
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value p = arith::MulFOp::create(nb, nl, args[0], args[1]);
                 if (fromStart)
                   p = arith::MulFOp::create(nb, nl, p, args[2]);
                 return SmallVector<Value>{
                     arith::AddFOp::create(nb, nl, args.back(), p)};
               })
        ->getResult(0);
  }

  OpBuilder &b;
  Location loc;
  FloatType f32;
  LinearHeads heads;
  int64_t chunk;
  MLIRContext *ctx;
};


struct ChunkedLinearAttentionLowering
    : OpConversionPattern<attn::LinearAttentionOp> {
  /// Preferred over the recurrent form wherever it applies.
  explicit ChunkedLinearAttentionLowering(MLIRContext *context)
      : OpConversionPattern(context, /*benefit=*/2) {}

  LogicalResult
  matchAndRewrite(attn::LinearAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    for (Value operand : op->getOperands())
      if (!cast<RankedTensorType>(operand.getType()).hasStaticShape())
        return rewriter.notifyMatchFailure(op, "dynamic shapes");
    auto queryType = op.getQuery().getType();
    int64_t tokens = queryType.getDimSize(2);
    if (tokens <= 1)
      return rewriter.notifyMatchFailure(op, "one token: recurrent form");
    // Without a chunk_size (e.g. raised from a Scan) only a prompt of at
    // least one default chunk takes the chunked form.
    std::optional<int64_t> chunkSize = op.getChunkSize();
    if (!chunkSize && tokens < kDefaultChunkSize)
      return rewriter.notifyMatchFailure(
          op, "no chunk_size and a short prompt: recurrent form");
    if (!chunkSize)
      chunkSize = kDefaultChunkSize;
    FailureOr<LinearHeads> heads = getLinearHeads(op);
    if (failed(heads))
      return rewriter.notifyMatchFailure(op, "no static head mapping");

    Location loc = op.getLoc();
    Type element = queryType.getElementType();
    FloatType f32 = getComputeType(element);
    // A prompt shorter than the chunk is one chunk of its own length.
    int64_t chunk = std::min(*chunkSize, tokens);
    int64_t numChunks = llvm::divideCeil(tokens, chunk);
    int64_t padded = numChunks * chunk;
    ChunkedBuilder build(rewriter, loc, f32, *heads, chunk);

    Value q = build.widenAndPad(adaptor.getQuery(), padded);
    Value k = build.widenAndPad(adaptor.getKey(), padded);
    Value v = build.widenAndPad(adaptor.getValue(), padded);
    Value g = adaptor.getDecay() ? build.widenAndPad(adaptor.getDecay(), padded)
                                 : Value();
    Value beta = adaptor.getBeta()
                     ? build.widenAndPad(adaptor.getBeta(), padded)
                     : Value();
    auto kShape = op.getKey().getType().getShape();
    auto vShape = op.getValue().getType().getShape();
    int64_t batch = kShape[0], stateHeads = vShape[1];
    SmallVector<int64_t> stateShape = {batch, stateHeads, kShape[3], vShape[3]};
    Value state = adaptor.getPastState()
                      ? scaleAndCast(rewriter, loc, adaptor.getPastState(),
                                       Value(), f32)
                      : build.zeros(stateShape);
    int64_t outputHeads = op.getOutput().getType().getDimSize(1);
    SmallVector<int64_t> outputShape = {batch, outputHeads, padded, vShape[3]};
    Value output =
        createEmpty(rewriter, loc, staticSizes(rewriter, outputShape), f32);

    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value step = arith::ConstantIndexOp::create(rewriter, loc, chunk);
    Value end = arith::ConstantIndexOp::create(rewriter, loc, padded);
    auto loop = scf::ForOp::create(
        rewriter, loc, zero, end, step, ValueRange{state, output},
        [&](OpBuilder &b, Location nl, Value offset, ValueRange args) {
          ChunkedBuilder chunkBuild(b, nl, f32, *heads, chunk);
          Value qc = chunkBuild.chunkOf(q, offset);
          Value kc = chunkBuild.chunkOf(k, offset);
          Value vc = chunkBuild.chunkOf(v, offset);
          ChunkDecay decay = chunkBuild.buildDecay(
              g ? chunkBuild.chunkOf(g, offset) : Value(), batch, stateHeads);
          Value w = vc;
          if (beta)
            w = chunkBuild.deltaRows(kc, vc, chunkBuild.chunkOf(beta, offset),
                                     args[0], decay);
          Value out =
              chunkBuild.chunkOutput(qc, kc, w, args[0], decay, outputHeads);
          Value next = chunkBuild.nextState(kc, w, args[0], decay);
          SmallVector<OpFoldResult> offsets = {
              b.getIndexAttr(0), b.getIndexAttr(0), offset, b.getIndexAttr(0)};
          SmallVector<int64_t> chunkShape(outputShape);
          chunkShape[2] = chunk;
          SmallVector<OpFoldResult> strides(4, b.getIndexAttr(1));
          Value written = tensor::InsertSliceOp::create(
              b, nl, out, args[1], offsets, staticSizes(b, chunkShape),
              strides);
          // The new state goes into the carried one after its last read,
          // so the loop keeps one state buffer.
          Value carried = linalg::CopyOp::create(b, nl, ValueRange{next},
                                                 ValueRange{args[0]})
                              .getResult(0);
          scf::YieldOp::create(b, nl, ValueRange{carried, written});
        });

    Value result = loop.getResult(1);
    if (padded != tokens) {
      SmallVector<int64_t> shape(outputShape);
      shape[2] = tokens;
      SmallVector<OpFoldResult> offsets(4, rewriter.getIndexAttr(0)),
          strides(4, rewriter.getIndexAttr(1));
      result =
          tensor::ExtractSliceOp::create(rewriter, loc, result, offsets,
                                         staticSizes(rewriter, shape), strides);
    }
    Value scale = createFloat(rewriter, loc, f32, op.getEffectiveScale());
    rewriter.replaceOp(
        op, {scaleAndCast(rewriter, loc, result, scale, element),
             scaleAndCast(rewriter, loc, loop.getResult(0), Value(),
                            op.getPresentState().getType().getElementType())});
    return success();
  }
};

} // namespace

void attnc::attn_lowering::populateLinearAttentionChunkedPatterns(
    RewritePatternSet &patterns) {
  patterns.add<ChunkedLinearAttentionLowering>(patterns.getContext());
}
