//===- ConstantMask.h - Constant additive masks as attributes ---*- C++ -*-===//
//
// Exporters write causal and sliding-window attention as a constant additive
// mask (0 where a key is visible, -inf or the dtype's lowest finite value
// where it is not). attn.attention expresses those as attributes, which
// kernels exploit (skipped blocks) and which cost no memory.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTMASK_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTMASK_H

#include "ConstantEvaluation.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include <optional>
#include <string>

namespace mlir::attn {

/// The attn.attention attributes that compute exactly what adding a constant
/// mask to the scores computes.
struct MaskAttributes {
  /// False (and nothing else set) for a mask of zeros: every key is visible.
  bool causal = false;
  std::optional<int64_t> windowLeft;
  Alignment alignment = Alignment::BottomRight;
  MaskedRowPolicy maskedRows = MaskedRowPolicy::Zero;
};

/// Recognises `mask`, added to scores of `queries x keys` in their last two
/// dims (numpy broadcasting), as all-visible, causal or causal with a sliding
/// window. Fails, setting `reason`, for any other mask.
FailureOr<MaskAttributes> recognizeConstantMask(const ConstantTensor &mask,
                                                int64_t queries, int64_t keys,
                                                std::string &reason);

/// recognizeConstantMask for a mask above the evaluator's element bound
/// (a causal mask of more than 1024 x 1024), read in blocks of rows twice
/// without holding it: `source` (static shape, one queries x keys matrix
/// after leading dims of 1) is evaluated block by block and each value
/// mapped by `toMask` to the additive mask value it stands for (the identity
/// for an additive mask; hidden ? fill : 0 for a masked_fill condition).
FailureOr<MaskAttributes>
recognizeLargeConstantMask(Value source, int64_t queries, int64_t keys,
                           FloatType element,
                           function_ref<double(double)> toMask,
                           std::string &reason);

/// The additive mask that stands for `Where(hidden, fill, scores)` (or
/// `Where(visible, scores, fill)` when `selectsScores`): `fill` where a key is
/// hidden, 0 elsewhere, in `scoreType`. For the masks recognizeConstantMask
/// accepts both forms give the same probabilities: a hidden key gets
/// exp(...) = 0 next to a visible one, and a fully hidden row is NaN (-inf)
/// or uniform (the lowest finite value, refused in f16) either way.
ConstantTensor getMaskOfCondition(const ConstantTensor &condition,
                                  bool selectsScores, double fill,
                                  Type scoreType);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_CONSTANTMASK_H
