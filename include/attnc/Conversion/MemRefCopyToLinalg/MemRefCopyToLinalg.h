//===- MemRefCopyToLinalg.h - memref.copy as linalg.copy --------*- C++ -*-===//

#ifndef ATTNC_CONVERSION_MEMREFCOPYTOLINALG_MEMREFCOPYTOLINALG_H
#define ATTNC_CONVERSION_MEMREFCOPYTOLINALG_MEMREFCOPYTOLINALG_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace attnc {

/// memref.copy -> linalg.copy, so that copies lower to loops instead of a
/// runtime library call.
void populateMemRefCopyToLinalgPatterns(mlir::RewritePatternSet &patterns);

} // namespace attnc

#endif // ATTNC_CONVERSION_MEMREFCOPYTOLINALG_MEMREFCOPYTOLINALG_H
