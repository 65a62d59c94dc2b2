//===- AttentionReportPass.cpp - The attn-report pass ---------------------===//

#include "attnc/Analysis/Passes.h"

#include "llvm/Support/raw_ostream.h"

namespace attnc {
#define GEN_PASS_DEF_ATTENTIONREPORTPASS
#include "attnc/Analysis/Passes.h.inc"
} // namespace attnc

using namespace mlir;

namespace {

struct AttentionReportPass
    : attnc::impl::AttentionReportPassBase<AttentionReportPass> {
  using Base::Base;

  void runOnOperation() override {
    FailureOr<attnc::AttentionReport> report =
        attnc::buildAttentionReport(getOperation(), seqLen);
    if (failed(report))
      return signalPassFailure();
    attnc::printAttentionReport(*report, format, llvm::outs());
    markAllAnalysesPreserved();
  }
};

} // namespace
