//===- RaiseCompressedSparseAttention.h - CSA mask form ---------*- C++ -*-===//
//
// The DeepSeek V4 CSA spelling of sparse attention, raised by the
// attn-raise-sparse-attention pass next to the DSA form
// (RaiseSparseAttention.cpp); see RaiseCompressedSparseAttention.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ATTN_TRANSFORMS_RAISECOMPRESSEDSPARSEATTENTION_H
#define ATTNC_DIALECT_ATTN_TRANSFORMS_RAISECOMPRESSEDSPARSEATTENTION_H

#include "attnc/Dialect/Attn/IR/AttnOps.h"

#include "mlir/IR/PatternMatch.h"

#include <optional>
#include <string>

namespace mlir::attn {

/// Adds the pattern that replaces an attn.attention masked by the CSA form
/// `Unsqueeze(Concat(window mask, Add(scattered top-k, visibility)), [1])`.
void populateCompressedSparseAttentionRaisingPatterns(
    RewritePatternSet &patterns);

/// Whether `attention`'s mask is spelled like CSA's, an Unsqueeze of a
/// Concat on the key axis, so that explainUnraisedCompressedSparseAttention
/// (not the DSA explanation) says why it was not raised.
bool hasConcatenatedMask(AttentionOp attention);

/// Why `attention` is not a CSA sparse attention that can be raised, or
/// nullopt when it is.
std::optional<std::string>
explainUnraisedCompressedSparseAttention(AttentionOp attention);

} // namespace mlir::attn

#endif // ATTNC_DIALECT_ATTN_TRANSFORMS_RAISECOMPRESSEDSPARSEATTENTION_H
