//===- ONNXToLinalg.h - Lowering of onnx ops to linalg ----------*- C++ -*-===//

#ifndef ATTNC_CONVERSION_ONNXTOLINALG_ONNXTOLINALG_H
#define ATTNC_CONVERSION_ONNXTOLINALG_ONNXTOLINALG_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace attnc {

/// Elementwise ops: arithmetic, math functions, comparisons, logic, Where, Cast.
void populateONNXElementwiseToLinalgPatterns(mlir::RewritePatternSet &patterns);

/// Contractions, reductions and normalisations: MatMul, Gemm, Einsum, Softmax,
/// Reduce*, LayerNormalization, RMSNormalization, Gelu and the contrib norms.
void populateONNXMathToLinalgPatterns(mlir::RewritePatternSet &patterns);

/// Shape and data movement: Reshape, Transpose, Concat, Slice, Gather, Expand,
/// Split, Squeeze/Unsqueeze, Range, Trilu, ConstantOfShape, constants, ...
void populateONNXTensorToLinalgPatterns(mlir::RewritePatternSet &patterns);

/// Control flow: Loop and Scan to scf loops (their bodies are moved, not
/// converted: the other patterns lower the bodies' ops).
void populateONNXControlFlowToLinalgPatterns(mlir::RewritePatternSet &patterns);

/// Data-dependent indexing: TopK (selection by rank), GatherElements and
/// ScatterElements (linalg.generic reading at computed indices).
void populateONNXIndexingToLinalgPatterns(mlir::RewritePatternSet &patterns);

/// All of the above.
void populateONNXToLinalgPatterns(mlir::RewritePatternSet &patterns);

} // namespace attnc

#endif // ATTNC_CONVERSION_ONNXTOLINALG_ONNXTOLINALG_H
