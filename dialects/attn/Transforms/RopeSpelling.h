//===- RopeSpelling.h - Decomposed RoPE in the onnx dialect -----*- C++ -*-===//
//
// The structural half of RoPE raising: recognises how exporters spell one
// rotary embedding (which channels rotate, in which pair layout, with which
// cos/sin factors) without changing the IR and without judging the cos/sin
// values, which RopeTables.h does.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_ROPESPELLING_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_ROPESPELLING_H

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include <optional>
#include <string>

namespace mlir::attn {

/// Channels [begin, end) of the last axis of `source`.
struct ChannelRange {
  Value source;
  int64_t begin = 0;
  int64_t end = 0;

  int64_t size() const { return end - begin; }
  bool operator==(const ChannelRange &other) const {
    return source == other.source && begin == other.begin && end == other.end;
  }
  bool operator!=(const ChannelRange &other) const { return !(*this == other); }
};

/// The channels `value` holds: follows Slices (one axis, the last, step 1)
/// and Splits on the last axis back to the tensor they cut from; any other
/// value is the whole of itself. nullopt when the last dim is not static.
std::optional<ChannelRange> getChannelRange(Value value);

/// One recognised RoPE, before deciding which op it replaces.
struct RopeSpelling {
  /// The R channels that rotate, in the tensor they belong to.
  ChannelRange rotated;
  /// The R-wide value holding exactly those channels, when the spelling
  /// has one (`rotated.source` itself, or the slice it cut the halves or
  /// pairs from); null otherwise.
  Value rotatedInput;
  RopeLayout layout = RopeLayout::HalfSplit;
  /// The rotation is by -phi (the rotate_half is `Concat(x2, Neg(x1))`).
  bool inverse = false;
  /// The cos and sin factors as the graph has them. Rotate forms: they
  /// multiply the R rotated channels, so both members of a pair read their
  /// own copy (which RopeTables.h must prove equal). Complex-product forms
  /// (`perPairTables`): they multiply the first and second members of the
  /// pairs, one entry per pair; with `pairAxis` the members are the
  /// [..., R/2, 1] pair view and the factors have its trailing unit dim.
  Value cos, sin;
  bool perPairTables = false;
  bool pairAxis = false;
};

/// Matches the spelling whose last op is `core`:
///   * rotate forms at an Add: `x * cos + rotate(x) * sin`, any operand
///     order, rotate being `Concat(Neg(x2), x1)` of the halves x1, x2
///     (half_split) or `Reshape(Concat(Neg(b), a))` of the pair members a, b
///     (interleaved);
///   * complex-product forms `(a + ib)(c + is)`: `Concat(a*c - b*s,
///     a*s + b*c)` of the halves (half_split, at the Concat; ONNX's
///     RotaryEmbedding function body) or the same on pair members reshaped
///     back (interleaved, at the Reshape).
/// Pair members are Slices or Splits of the pair view `Reshape(x,
/// [..., R/2, 2])`, or strided Slices `x[..., 0::2]`, `x[..., 1::2]`
/// (optionally unsqueezed). Fails with a `reason` naming the condition
/// that does not hold.
FailureOr<RopeSpelling> matchRopeSpelling(Operation *core,
                                          std::string &reason);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_ROPESPELLING_H
