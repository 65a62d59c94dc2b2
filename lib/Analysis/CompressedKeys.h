//===- CompressedKeys.h - DeepSeek V4 keys for the report -------*- C++ -*-===//
//
// DeepSeek V4's compressed layers attend to a window of raw keys and to
// compressed entries through one attention op over keys = Concat(raw kv,
// entries), the entries made by attn.kv_compress (then normed and rotated).
// The report needs the parts back: the raw keys' window (a ring buffer of W
// tokens), the entries' ratio (one entry per m tokens) and, for a CSA layer,
// the indexer keys cached beside them.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_ANALYSIS_COMPRESSEDKEYS_H
#define ATTNC_LIB_ANALYSIS_COMPRESSEDKEYS_H

#include "mlir/IR/Value.h"

#include <cstdint>
#include <optional>

namespace mlir::attn {
class AttentionOp;
class SparseAttentionOp;
} // namespace mlir::attn

namespace attnc {

struct CompressedKeys {
  /// Tokens of the raw keys each query sees at most (a causal window), or
  /// nullopt when that is not known at compile time.
  std::optional<int64_t> rawWindow;
  /// Tokens pooled into one entry (attn.kv_compress's ratio).
  int64_t ratio = 0;
  /// Entries a query attends to at most: the indexer's top-k (CSA), or
  /// nullopt for every visible one (HCA).
  std::optional<int64_t> entryCap;
  /// Channels of the indexer key cached with each entry (CSA), else 0.
  int64_t indexerKeyElements = 0;
};

/// The compressed-attention structure of an attn.attention (window from its
/// constant mask over the raw keys) or attn.sparse_attention (window from the
/// constant leading columns of its indices; indexer keys from the
/// attn.lightning_indexer that picks the rest), or nullopt when its keys are
/// not Concat(raw, compressed entries).
std::optional<CompressedKeys> matchCompressedKeys(mlir::attn::AttentionOp op);
std::optional<CompressedKeys>
matchCompressedKeys(mlir::attn::SparseAttentionOp op);

} // namespace attnc

#endif // ATTNC_LIB_ANALYSIS_COMPRESSEDKEYS_H
