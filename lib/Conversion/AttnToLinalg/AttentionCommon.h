//===- AttentionCommon.h - Pieces shared by the softmax attentions -*- C++ -*-===//
//
// Private to lib/Conversion/AttnToLinalg. Dense, sparse and latent attention
// share the same skeleton: scores [B,H,S,N] (with -inf for keys a row must not
// see), a softmax over N that survives rows with no visible key, a weighted
// sum of values, and a normalisation that applies the masked-row policy.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ATTNTOLINALG_ATTENTIONCOMMON_H
#define ATTNC_LIB_CONVERSION_ATTNTOLINALG_ATTENTIONCOMMON_H

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace attnc::attn_lowering {

/// How query head `h` finds its KV head under GQA: `h / G` with
/// `G = Hq / Hkv`, or always 0 when there is a single KV head. Expressed as an
/// index map so that repeated K/V heads are never materialised.
struct KVHeadMapping {
  /// Query heads per KV head; 0 when there is a single KV head (any Hq).
  int64_t groupSize = 1;

  mlir::AffineExpr getExpr(mlir::AffineExpr queryHead) const;
  mlir::Value getIndex(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::Value queryHead) const;
};

/// The mapping for `queryHeads` over `kvHeads`; fails when the group size is
/// not known statically (dynamic head counts other than Hkv = 1).
mlir::FailureOr<KVHeadMapping> getKVHeadMapping(int64_t queryHeads,
                                                int64_t kvHeads);

/// scores[b,h,i,j] (+)= sum_d query[b,h,i,d] * key[keyMap(b,h,i,j,d)] in
/// `computeType`. `keyMap` is over the loops (b, h, i, j, d); `init` is the
/// accumulator [B,H,S,N] (zeros when null, with N taken from `keys`).
mlir::Value buildScoreContraction(mlir::OpBuilder &b, mlir::Location loc,
                                  mlir::Value query, mlir::Value key,
                                  mlir::AffineMap keyMap,
                                  mlir::OpFoldResult keys,
                                  mlir::FloatType computeType,
                                  mlir::Value init = {});

/// The pieces of a row-wise softmax over the last dim of `scores` [B,H,S,N].
struct SoftmaxRows {
  /// [B,H,S]: max_j scores; -inf for a row with no visible key.
  mlir::Value rowMax;
  /// [B,H,S,N]: exp(scores - shift), unnormalised.
  mlir::Value weights;
  /// [B,H,S]: sum_j weights (+ exp(sinks[h] - shift)).
  mlir::Value denominator;
};

/// Softmax pieces of `scores` [B,H,S,N] (in the compute type), with optional
/// per-head `sinks` [H]. The shift is max(rowMax, sinks[h]), replaced by 0
/// when it is -inf, so a row with no visible key gets weights 0 (never NaN).
SoftmaxRows buildMaskedSoftmax(mlir::OpBuilder &b, mlir::Location loc,
                               mlir::Value scores, mlir::Value sinks);

/// result[b,h,i,e] = sum_j weights[b,h,i,j] * value[valueMap(b,h,i,e,j)]
/// in `computeType`, a [B,H,S,Dv] tensor with `valueDim` = Dv.
mlir::Value buildWeightedValues(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::Value weights, mlir::Value value,
                                mlir::AffineMap valueMap,
                                mlir::OpFoldResult valueDim,
                                mlir::FloatType computeType);

/// result[b,h,i,e] = weighted / denominator, cast to `resultElement`; a row
/// with no visible key (rowMax = -inf) gets `fallback[fallbackMap(b,h,i,e)]`
/// when a fallback is given and 0 otherwise.
mlir::Value buildNormalisedRows(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::Value weighted, const SoftmaxRows &rows,
                                mlir::Value fallback,
                                mlir::AffineMap fallbackMap,
                                mlir::Type resultElement);

} // namespace attnc::attn_lowering

#endif // ATTNC_LIB_CONVERSION_ATTNTOLINALG_ATTENTIONCOMMON_H
