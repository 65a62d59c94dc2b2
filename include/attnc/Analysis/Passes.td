//===- Passes.td - attnc analyses as passes --------------------*- tablegen -*-===//

#ifndef ATTNC_ANALYSIS_PASSES_TD
#define ATTNC_ANALYSIS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttentionReportPass : Pass<"attn-report", "::mlir::ModuleOp"> {
  let summary = "Print the attention blocks with their KV cache and FLOP costs";
  let description = [{
    Prints the report of `attnc --report` (see docs/Tools.md) for the attn ops
    of the module: one entry per `attn.attention`, `attn.mla`,
    `attn.sparse_attention` and `attn.linear_attention`, then totals. It goes
    to stdout, so drop the IR with `-o /dev/null` to read it alone. The IR is
    not changed.

    Blocks share a KV cache when they take the same key and value SSA values;
    run `cse` first to merge identical K/V computations.
  }];
  let options = [
    Option<"seqLen", "seq-len", "int64_t", /*default=*/"4096",
           "Context length N: FLOPs of a prefill of N tokens, KV bytes of N "
           "cached tokens">,
    Option<"format", "format", "::attnc::AttentionReportFormat",
           /*default=*/"::attnc::AttentionReportFormat::JSON",
           "Output format", [{::llvm::cl::values(
             clEnumValN(::attnc::AttentionReportFormat::JSON, "json",
                        "one JSON object"),
             clEnumValN(::attnc::AttentionReportFormat::Text, "text",
                        "an aligned table"))}]>
  ];
}

#endif // ATTNC_ANALYSIS_PASSES_TD
