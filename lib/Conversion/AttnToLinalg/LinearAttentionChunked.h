//===- LinearAttentionChunked.h - Chunked linear attention ------*- C++ -*-===//
//
// Private to lib/Conversion/AttnToLinalg: the chunked (prefill) form of
// attn.linear_attention, registered next to the recurrent form by
// populateLinearAttentionPatterns with a higher benefit.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_CONVERSION_ATTNTOLINALG_LINEARATTENTIONCHUNKED_H
#define ATTNC_LIB_CONVERSION_ATTNTOLINALG_LINEARATTENTIONCHUNKED_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace attnc::attn_lowering {

/// attn.linear_attention in chunked form when it has static shapes and a
/// chunk_size and more than one token, or no chunk_size and at least 64
/// tokens; anything else (decode) is left to the recurrent pattern.
void populateLinearAttentionChunkedPatterns(mlir::RewritePatternSet &patterns);

} // namespace attnc::attn_lowering

#endif // ATTNC_LIB_CONVERSION_ATTNTOLINALG_LINEARATTENTIONCHUNKED_H
