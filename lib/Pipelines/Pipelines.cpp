//===- Pipelines.cpp - attnc's pass pipelines -----------------------------===//

#include "attnc/Pipelines/Pipelines.h"

#include "attnc/Conversion/Passes.h"
#include "attnc/Dialect/Attn/Transforms/Passes.h"
#include "attnc/Dialect/ONNX/Transforms/Passes.h"
#include "attnc/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void attnc::buildAttnRaisingPipeline(OpPassManager &pm,
                                     const AttnRaisingOptions &options) {
  // Folding first: shape subgraphs become constants, which the raising
  // patterns and the fused-op conversions rely on.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(onnx::createMergeIdenticalConstantsPass());
  pm.addPass(createCSEPass());
  pm.addNestedPass<func::FuncOp>(attn::createRaiseRopePass());
  pm.addNestedPass<func::FuncOp>(attn::createRaiseKVCachePass());
  pm.addNestedPass<func::FuncOp>(attn::createRaiseKVCompressPass());
  pm.addNestedPass<func::FuncOp>(attn::createRaiseAttentionPass());
  pm.addNestedPass<func::FuncOp>(attn::createRaiseSparseAttentionPass());
  // After sparse raising: DSA on latent attention is absorbed there too.
  pm.addNestedPass<func::FuncOp>(attn::createRaiseMLAPass());
  pm.addNestedPass<func::FuncOp>(attn::createRaiseLinearAttentionPass());
  pm.addNestedPass<func::FuncOp>(createConvertONNXToAttnPass());
  // Raising leaves repeated subgraphs (e.g. the half-table slices of each
  // RoPE); merge them so --emit=attn and the lowering see each value once.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (options.ringWindowCaches) {
    pm.addNestedPass<func::FuncOp>(attn::createRingWindowCachesPass());
    // The replaced window masks are dead now.
    pm.addPass(createCanonicalizerPass());
  }
}

void attnc::buildAttnRaisingPipeline(OpPassManager &pm) {
  buildAttnRaisingPipeline(pm, AttnRaisingOptions());
}

void attnc::buildLinalgLoweringPipeline(OpPassManager &pm) {
  pm.addNestedPass<func::FuncOp>(createConvertONNXToLinalgPass());
  // An attention whose constant mask hides most keys visits only the others
  // (DeepSeek V4's window + compressed entries).
  pm.addNestedPass<func::FuncOp>(attn::createSparsifyConstantMaskPass());
  // Causal attention visits only the keys each block of rows can see.
  pm.addNestedPass<func::FuncOp>(attn::createBlockCausalAttentionPass());
  pm.addNestedPass<func::FuncOp>(createConvertAttnToLinalgPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void attnc::buildCPUCodegenPipeline(OpPassManager &pm,
                                    const CPUPipelineOptions &options) {
  // Bufferize with plain row-major buffers at the function boundary, and turn
  // results into caller-owned out-params: the compiled-model ABI writes into
  // the caller's buffers.
  // Contractions stream rows in their inner loop (bit-identical results).
  pm.addNestedPass<func::FuncOp>(createInterchangeReductionLoopsPass());
  // Shared destinations make One-Shot Bufferize's analysis quadratic.
  pm.addNestedPass<func::FuncOp>(createUnshareEmptyTensorsPass());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  bufferization::BufferDeallocationPipelineOptions deallocation;
  bufferization::buildBufferDeallocationPipeline(pm, deallocation);
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createConvertMemRefCopyToLinalgPass());

  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  // One function per loop nest: LLVM's loop passes cost more than linearly in
  // function size (a 4-layer model spent ~30 s at -O2 in one function).
  pm.addPass(createOutlineLoopNestsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  // expand-strided-metadata computes loop-dependent offsets with affine.apply.
  pm.addPass(createLowerAffinePass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertMathToLLVMPass());
  // What LLVM has no intrinsic for (erf, tanh on older targets) calls libm.
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  // The model ABI (lib/Target/CPU/ModelABI.cpp) calls the model function
  // with expanded memref descriptors: bare pointers cannot carry a buffer
  // with a zero-size dim, whose identity layout has dynamic strides.
  ConvertFuncToLLVMPassOptions funcToLLVM;
  funcToLLVM.useBarePtrCallConv = options.bareMemRefABI;
  pm.addPass(createConvertFuncToLLVMPass(funcToLLVM));
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void attnc::buildCPUPipeline(OpPassManager &pm,
                             const CPUPipelineOptions &options) {
  buildAttnRaisingPipeline(pm);
  buildLinalgLoweringPipeline(pm);
  buildCPUCodegenPipeline(pm, options);
}

void attnc::registerAttncPipelines() {
  PassPipelineRegistration<AttnRaisingOptions>(
      "attnc-raise-attention",
      "Fold shape subgraphs and turn attention into attn ops",
      [](OpPassManager &pm, const AttnRaisingOptions &options) {
        buildAttnRaisingPipeline(pm, options);
      });
  PassPipelineRegistration<>(
      "attnc-lower-to-linalg", "Lower onnx and attn ops to linalg on tensors",
      [](OpPassManager &pm) { buildLinalgLoweringPipeline(pm); });
  PassPipelineRegistration<CPUPipelineOptions>(
      "attnc-cpu-codegen", "Bufferize and lower linalg to the LLVM dialect",
      buildCPUCodegenPipeline);
  PassPipelineRegistration<CPUPipelineOptions>(
      "attnc-cpu-pipeline", "onnx dialect to the LLVM dialect for the host CPU",
      buildCPUPipeline);
}
