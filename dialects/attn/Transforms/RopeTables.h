//===- RopeTables.h - The cos/sin operands of a raised RoPE -----*- C++ -*-===//
//
// The value half of RoPE raising: decides how the cos/sin factors of a
// RopeSpelling become attn.rope operands (gathered tables with position ids,
// or per-token values) and proves that the rotate forms' factors repeat one
// value for both members of every pair, which attn.rope's tables assume.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_ROPETABLES_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_ROPETABLES_H

#include "RopeSpelling.h"

namespace mlir::attn {

/// Whether `value`'s last axis (R wide) provably holds equal entries for
/// both members of every pair: channel m and m + R/2 (half_split), or 2m and
/// 2m + 1 (interleaved). Proved from constant values (bit-exact), from
/// `Concat(c, c)` (half_split) and `Reshape(Concat(u, u))` /
/// `Reshape(Expand(u))` of a [..., R/2, 1] `u` (interleaved), and through
/// ops that keep the property (elementwise ops, Gather, Slice, Transpose or
/// Expand off the last axis, unit-dim reshapes). False when unproved.
bool provePairedEntries(Value value, RopeLayout layout);

/// How the cos/sin factors of a spelling become attn.rope operands.
struct RopeTables {
  /// The rotated tensor is B x S x H x D (cos/sin vary along dim 1); the
  /// attn.rope reads it transposed to B x H x S x D.
  bool sequenceFirst = false;
  /// Gather form: `Gather(cosTable, positionIds)` and likewise for sin,
  /// tables P x W; `positionIds` is [S] or [1 or B, S]. (Gather reads a
  /// negative index from the end of the table; position ids are never
  /// negative, and attn.rope leaves ids outside [0, P) undefined.)
  Value cosTable, sinTable, positionIds;
  /// Otherwise the factors themselves, one [W] entry per token of a
  /// [`batch`, `tokens`] grid (1 where they broadcast).
  Value cos, sin;
  int64_t batch = 1, tokens = 1;
};

/// Analyses the factors of `spelling` for a rotated tensor of rank-4 type
/// `input` (B x H x S x D or B x S x H x D); fails with a `reason` when they
/// do not have one entry per token and rotated channel (or pair), or when
/// the rotate forms' pair structure cannot be proved.
FailureOr<RopeTables> analyzeRopeTables(const RopeSpelling &spelling,
                                        RankedTensorType input,
                                        std::string &reason);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_ROPETABLES_H
