//===- Passes.td - attnc code-generation transforms ------*- tablegen -*-===//

#ifndef ATTNC_TRANSFORMS_PASSES_TD
#define ATTNC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def OutlineLoopNestsPass : Pass<"outline-loop-nests", "::mlir::ModuleOp"> {
  let summary = "Move each top-level loop nest of a function into its own "
                "function";
  let description = [{
    After linalg ops become loops, a model is one function holding every
    loop nest of every layer. LLVM's loop passes (induction-variable
    simplification, vectorisation, strength reduction) cost more than
    linearly in the size of the function they run on, so a model of a few
    layers took tens of seconds at -O2. This pass moves each `scf.for`,
    `scf.while` and `scf.parallel` directly in a function's body into a new
    private function (`<function>_loop<N>`) and calls it, so LLVM optimises
    many small functions instead.

    The values a loop uses from outside become arguments, except scalar
    constants (`ConstantLike` ops), which are cloned into the new function so
    LLVM still sees constant bounds. Buffers, weights' included, are
    arguments, so the nests of layers that differ only in their weights are
    equal: equal nests (same types, same ops and attributes) call one
    function, and LLVM compiles each distinct nest once. The new functions carry
    `passthrough = ["noinline"]` (otherwise LLVM's inliner would merge them
    back, each being called once) and `llvm.linkage = #llvm.linkage<internal>`
    (they are not part of a compiled model's exported symbols). Functions
    without a body are left alone.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def InterchangeReductionLoopsPass
    : Pass<"interchange-reduction-loops", "::mlir::func::FuncOp"> {
  let summary = "Put a contraction's innermost output dim inside its "
                "reduction loops";
  let description = [{
    Linalg ops become loops in the order of their iterators: a matmul
    `C[m, n] += A[m, k] * B[k, n]` runs k innermost, reading B down a column
    (a cache line and often a page per element) and accumulating into one
    value through a chain of dependent adds that LLVM may not reorder. This
    pass moves the reduction loops that follow the last parallel dim `p` in
    front of it, `(m, n, k)` to `(m, k, n)`, when `p` is the output's
    innermost index and some input's too (B's rows): the inner loop then
    streams contiguous rows and its iterations are independent, so LLVM
    vectorises it.

    Every output element still accumulates its terms in the same order (the
    reduction loops keep their relative order and only a parallel loop
    moves), so results are bit-identical. Named ops are generalized when
    they are interchanged; other ops are left alone.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def UnshareEmptyTensorsPass
    : Pass<"unshare-empty-tensors", "::mlir::func::FuncOp"> {
  let summary = "Split the uses of a much-shared tensor.empty (or fill of "
                "one) into groups with their own copy";
  let description = [{
    After CSE one `tensor.empty` (or one `linalg.fill` of one) can be the
    destination of thousands of ops. One-Shot Bufferize analyses all uses of
    such a value as one alias set, pair by pair, which dominated compile time
    (T7 dsv4-mini: 8 of 11 s). Uses are split into groups of at most
    `max-uses`, each group but the first reading a clone placed right after
    the original (fills first, then empty tensors); within a group ops can
    still share a buffer. Run right before bufferization; it changes no computed value.
  }];
  let options = [
    Option<"maxUses", "max-uses", "int64_t", /*default=*/"32",
           "Uses of one destination value kept together">
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // ATTNC_TRANSFORMS_PASSES_TD
