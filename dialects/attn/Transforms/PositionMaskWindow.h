//===- PositionMaskWindow.h - Window of a position mask ---------*- C++ -*-===//
//
// Exporters build a sliding-window layer's mask over a growing cache from the
// query positions (the position_ids input) compared with the key indices
// 0 .. P+S-1: such a mask is no constant, so attention raising keeps it a
// tensor. Its window is still readable: evaluate the mask at chosen
// positions (the exporter's own P .. P+S-1, and queries far ahead of the keys
// to see where the newest key drops out).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_POSITIONMASKWINDOW_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_POSITIONMASKWINDOW_H

#include "mlir/IR/Value.h"
#include "mlir/Support/LLVM.h"

#include <optional>
#include <string>

namespace mlir::attn {

/// Queries are probed up to this far past the newest key; a mask that still
/// shows the newest key there is read as global.
constexpr int64_t kMaxProbedWindow = int64_t(1) << 20;

/// Reads `mask` (static shape, `S x K` elements: `S` query rows over the
/// `K = P + S` keys of a growing cache, key `j` holding token `j`), computed
/// by the ops ConstantEvaluation reads from constants and `positions`
/// (`B x S` integers, the new tokens' positions, `P .. P+S-1` by the
/// exporters' contract). Returns:
///   * `W` when, at those positions, query `i` sees exactly the keys `j` with
///     `P+i-W < j <= P+i` and, for a query at `K-1+t`, the newest key is
///     visible iff `t < W` (a causal window of `W` keys);
///   * std::nullopt when the mask does not depend on `positions`, or shows the
///     newest key to queries up to kMaxProbedWindow ahead (no window);
///   * failure, setting `reason`, when the mask cannot be evaluated, has
///     values other than 0 / -inf (or the lowest finite float) / i1, or is
///     not a causal window.
/// The IR is unchanged (probe ops are created and erased).
FailureOr<std::optional<int64_t>> readPositionMaskWindow(Value mask,
                                                         Value positions,
                                                         int64_t numKeys,
                                                         std::string &reason);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_POSITIONMASKWINDOW_H
