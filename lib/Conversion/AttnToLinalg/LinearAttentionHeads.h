//===- LinearAttentionHeads.h - Head maps of linear attention ---*- C++ -*-===//
//
// Private to lib/Conversion/AttnToLinalg: how the recurrent and the chunked
// lowering of attn.linear_attention find the heads each loop reads. The
// state heads are the value heads Hv; key head of state head h: h / (Hv/Hk);
// output heads Ho = max(Hq, Hv), output head o reads state head o / (Ho/Hv)
// with query head o / (Ho/Hq) (one of the two groups is 1, see the op's
// description). As index maps, so repeated heads are never materialised.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ATTNTOLINALG_LINEARATTENTIONHEADS_H
#define ATTNC_LIB_CONVERSION_ATTNTOLINALG_LINEARATTENTIONHEADS_H

#include "AttentionCommon.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

namespace attnc::attn_lowering {

struct LinearHeads {
  KVHeadMapping keyOfState;    ///< State head -> key head.
  KVHeadMapping stateOfOutput; ///< Output head -> state head.
  KVHeadMapping queryOfOutput; ///< Output head -> query head.
  /// True when Ho = Hq (the output takes the query's head dim), false when
  /// Ho = Hv > Hq.
  bool outputsFollowQuery = true;
};

/// The head maps of `op`; fails when a dynamic head count leaves a group size
/// open (static head counts, and a single key and value head, always work).
inline mlir::FailureOr<LinearHeads>
getLinearHeads(mlir::attn::LinearAttentionOp op) {
  int64_t queryHeads = op.getQuery().getType().getDimSize(1);
  int64_t keyHeads = op.getKey().getType().getDimSize(1);
  int64_t valueHeads = op.getValue().getType().getDimSize(1);
  mlir::FailureOr<KVHeadMapping> keyOfState =
      getKVHeadMapping(valueHeads, keyHeads);
  if (mlir::failed(keyOfState))
    return mlir::failure();
  LinearHeads heads;
  heads.keyOfState = *keyOfState;
  int64_t outputHeads = mlir::attn::LinearAttentionOp::getOutputHeads(
      queryHeads, keyHeads, valueHeads);
  if (valueHeads == 1 || (!mlir::ShapedType::isDynamic(outputHeads) &&
                          outputHeads == queryHeads)) {
    mlir::FailureOr<KVHeadMapping> state =
        getKVHeadMapping(queryHeads, valueHeads);
    if (mlir::failed(state))
      return mlir::failure();
    heads.stateOfOutput = *state;
    return heads;
  }
  if (mlir::ShapedType::isDynamic(outputHeads))
    return mlir::failure();
  // Hq = Hk < Hv: one output per state head, query heads shared like keys.
  heads.outputsFollowQuery = false;
  heads.queryOfOutput = heads.keyOfState;
  return heads;
}

} // namespace attnc::attn_lowering

#endif // ATTNC_LIB_CONVERSION_ATTNTOLINALG_LINEARATTENTIONHEADS_H
