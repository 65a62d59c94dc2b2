//===- HeadRepetition.h - K/V heads repeated for GQA ------------*- C++ -*-===//
//
// Decomposed GQA/MQA repeats each K/V head before the MatMuls. Exporters
// spell the repetition as Unsqueeze + Expand + Reshape (HF repeat_kv), as
// Unsqueeze + Concat of copies or Tile + Reshape, as Unsqueeze + a Mul by
// ones (an Expand in disguise) + Reshape, as an Expand of a single head, or
// as a Concat of copies or a Tile on the head axis. Only some of those
// repeat the way attn.attention's GQA reads heads.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_HEADREPETITION_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_HEADREPETITION_H

#include "mlir/IR/Value.h"

#include <optional>
#include <string>

namespace mlir::attn {

/// `repeated` (B x Hkv*G x A x C, or with the heads on dim 2) holds the
/// heads of `source` (B x Hkv x A x C), each repeated G times.
struct HeadRepetition {
  Value source;
  /// True when head h of `repeated` is head h / G of `source` (contiguous
  /// groups: repeat_interleave, attn's GQA mapping); false when it is head
  /// h % Hkv (the whole set of heads tiled), which attn.attention cannot read
  /// without the repetition.
  bool grouped = true;
  /// How the graph spells it, for remarks.
  std::string spelling;
};

/// Recognises `repeated` as a repetition of heads along dim `headAxis` (1:
/// B x H x A x C, attention's layout; 2: B x A x H x C, the B x S x H x D
/// layout that projections reshape to); nullopt when it is not one. When
/// `repeated` is spelled like one (a Reshape of rank-5 copies of an
/// Unsqueeze, a broadcast of one head) but a condition that makes it exact
/// fails, it is not one either, and `nearMiss` (when given) receives the
/// condition, for remarks.
std::optional<HeadRepetition> matchHeadRepetition(Value repeated,
                                                  std::string *nearMiss =
                                                      nullptr,
                                                  int64_t headAxis = 1);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_HEADREPETITION_H
