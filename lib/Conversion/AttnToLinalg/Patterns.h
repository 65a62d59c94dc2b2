//===- Patterns.h - The per-op patterns of AttnToLinalg ---------*- C++ -*-===//
//
// Private to lib/Conversion/AttnToLinalg: one populate function per file,
// gathered by attnc::populateAttnToLinalgPatterns.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ATTNTOLINALG_PATTERNS_H
#define ATTNC_LIB_CONVERSION_ATTNTOLINALG_PATTERNS_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace attnc::attn_lowering {

/// attn.attention.
void populateAttentionPatterns(mlir::RewritePatternSet &patterns);
/// attn.rope.
void populateRopePatterns(mlir::RewritePatternSet &patterns);
/// attn.kv_cache_update.
void populateKVCachePatterns(mlir::RewritePatternSet &patterns);
/// attn.kv_cache_append.
void populateKVCacheAppendPatterns(mlir::RewritePatternSet &patterns);
/// attn.kv_compress.
void populateKVCompressPatterns(mlir::RewritePatternSet &patterns);
/// attn.lightning_indexer.
void populateLightningIndexerPatterns(mlir::RewritePatternSet &patterns);
/// attn.topk.
void populateTopKPatterns(mlir::RewritePatternSet &patterns);
/// attn.sparse_attention.
void populateSparseAttentionPatterns(mlir::RewritePatternSet &patterns);
/// attn.linear_attention.
void populateLinearAttentionPatterns(mlir::RewritePatternSet &patterns);
/// attn.mla.
void populateMLAPatterns(mlir::RewritePatternSet &patterns);

} // namespace attnc::attn_lowering

#endif // ATTNC_LIB_CONVERSION_ATTNTOLINALG_PATTERNS_H
