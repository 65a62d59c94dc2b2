//===- Passes.td - onnx dialect transformations ----------------*- tablegen -*-===//

#ifndef ATTNC_DIALECT_ONNX_TRANSFORMS_PASSES_TD
#define ATTNC_DIALECT_ONNX_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def MergeIdenticalConstantsPass : Pass<"onnx-merge-identical-constants"> {
  let summary = "Merge onnx.Constant ops of the same type and element values";
  let description = [{
    Replaces every `onnx.Constant` by an earlier one of the same block that
    has the same type and the same elements, compared by value: dense and
    `dense_resource` constants by their bytes (a splat equals a blob whose
    elements are all that value), other attributes by identity. Constants
    are bucketed by a hash of their type and bytes first, so the pass is
    linear in the size of the constants.

    The importer makes one `dense_resource` blob per large initializer and
    never hashes it, so CSE keeps two initializers with identical bytes (an
    exporter's duplicated weights, e.g. the K/V projection of a KV-shared
    layer recomputed with a copy of the producer's weight) apart, and with
    them everything computed from them. Run this pass before `cse` to let
    CSE merge those computations.

    Constants with the same bytes but another type (shape or element type)
    are not merged.
  }];
  let statistics = [
    Statistic<"numMerged", "num-merged", "Constants replaced by an identical one">
  ];
}

#endif // ATTNC_DIALECT_ONNX_TRANSFORMS_PASSES_TD
