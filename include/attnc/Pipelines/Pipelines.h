//===- Pipelines.h - attnc's pass pipelines ---------------------*- C++ -*-===//
//
// The one place pipelines are assembled: the attnc driver, attnc-opt
// (--attnc-cpu-pipeline and friends) and embedders all call these builders.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_PIPELINES_PIPELINES_H
#define ATTNC_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace attnc {

struct CPUPipelineOptions
    : public mlir::PassPipelineOptions<CPUPipelineOptions> {
  Option<bool> bareMemRefABI{
      *this, "bare-memref-abi",
      llvm::cl::desc("Pass buffers as bare pointers instead of memref "
                     "descriptors (static strides only, so no zero-size "
                     "dims); the compiled-model ABI needs descriptors"),
      llvm::cl::init(false)};
};

/// Opt-in steps after attention raising (all off by default).
struct AttnRaisingOptions
    : public mlir::PassPipelineOptions<AttnRaisingOptions> {
  Option<bool> ringWindowCaches{
      *this, "ring-window-caches",
      llvm::cl::desc("Give each sliding-window layer's growing (Concat) KV "
                     "cache a ring buffer of its window: changes the model's "
                     "signature (attn-ring-window-caches)"),
      llvm::cl::init(false)};
};

/// onnx dialect -> attn ops for the attention blocks (raising and fused-op
/// conversion), then the opt-in signature changes of `options`. Stage
/// `--emit=attn`.
void buildAttnRaisingPipeline(mlir::OpPassManager &pm,
                              const AttnRaisingOptions &options);
void buildAttnRaisingPipeline(mlir::OpPassManager &pm);

/// onnx and attn ops -> linalg/tensor/arith/math on tensors. Stage
/// `--emit=linalg`.
void buildLinalgLoweringPipeline(mlir::OpPassManager &pm);

/// linalg on tensors -> the LLVM dialect: bufferization (results become
/// caller-owned out-params), loops, LLVM. Stage `--emit=llvm`.
void buildCPUCodegenPipeline(mlir::OpPassManager &pm,
                             const CPUPipelineOptions &options);

/// All three, in order: onnx dialect -> LLVM dialect for the host CPU (the
/// raising with its default options).
void buildCPUPipeline(mlir::OpPassManager &pm,
                      const CPUPipelineOptions &options);

/// Registers `attnc-raise-attention`, `attnc-lower-to-linalg`,
/// `attnc-cpu-codegen` and `attnc-cpu-pipeline` as textual pipelines.
void registerAttncPipelines();

} // namespace attnc

#endif // ATTNC_PIPELINES_PIPELINES_H
