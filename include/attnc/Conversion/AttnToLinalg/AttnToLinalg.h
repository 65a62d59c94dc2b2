//===- AttnToLinalg.h - Reference lowering of attn ops ----------*- C++ -*-===//

#ifndef ATTNC_CONVERSION_ATTNTOLINALG_ATTNTOLINALG_H
#define ATTNC_CONVERSION_ATTNTOLINALG_ATTNTOLINALG_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace attnc {

/// Exact, untiled lowerings of the attn ops to linalg/tensor/arith/math/scf.
void populateAttnToLinalgPatterns(mlir::RewritePatternSet &patterns);

} // namespace attnc

#endif // ATTNC_CONVERSION_ATTNTOLINALG_ATTNTOLINALG_H
