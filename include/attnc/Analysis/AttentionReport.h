//===- AttentionReport.h - Per-block attention cost report ------*- C++ -*-===//
//
// What `attnc --report` and `attnc-opt --attn-report` print: one entry per
// attention op of the attn dialect (attn.attention, attn.mla,
// attn.sparse_attention, attn.linear_attention) with its heads, masking, KV
// cache bytes per token, prefill FLOPs at a chosen context length, its cache
// budget (window or global) and which block's K/V it reads, plus totals.
// Collection is separate from printing so that C++ users can read the
// numbers directly. The keys and their meaning are documented in
// docs/Tools.md; the formulas are in AttentionCost.h.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_ANALYSIS_ATTENTIONREPORT_H
#define ATTNC_ANALYSIS_ATTENTIONREPORT_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
class Operation;
} // namespace mlir

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace attnc {

/// The context length the report evaluates when none is given.
constexpr int64_t kDefaultReportSeqLen = 4096;

enum class AttentionReportFormat { Text, JSON };

struct AttentionReportOptions {
  /// Context length N: FLOPs are those of a prefill of N tokens, cache bytes
  /// those of a cache holding N tokens.
  int64_t seqLen = kDefaultReportSeqLen;
  AttentionReportFormat format = AttentionReportFormat::Text;
};

/// What kind of attention an op is. Dense is attn.attention whose head counts
/// are not static (so MHA/GQA/MQA cannot be told apart).
enum class AttentionKind { MHA, GQA, MQA, Dense, MLA, Sparse, Linear };

/// The report's name of a kind ("MHA", "GQA", "MQA", "dense", "MLA",
/// "sparse", "linear").
llvm::StringRef stringifyAttentionKind(AttentionKind kind);

/// One attention block. Sizes are empty when a dimension is dynamic; derived
/// numbers are empty when an input is, or when they overflow int64_t.
struct AttentionBlockInfo {
  /// The attn op (owned by the analysed IR).
  mlir::Operation *op = nullptr;
  /// Position in the report (program order).
  unsigned index = 0;
  /// The op's first NameLoc (the ONNX node name), else "<op>#<index>".
  std::string name;
  AttentionKind kind = AttentionKind::Dense;
  std::optional<int64_t> queryHeads, kvHeads;
  /// Query/key width and value width per head. MLA: Dn + Dr and Dv.
  std::optional<int64_t> headDim, valueHeadDim;
  /// MLA only: the cached latent width Dc and the shared RoPE key width Dr.
  std::optional<int64_t> latentDim, ropeDim;
  /// attn.sparse_attention only: keys selected per query.
  std::optional<int64_t> topK;
  /// Element type of the cache (K/V, latent, or linear-attention state).
  std::string cacheElementType;
  bool causal = false;
  std::optional<int64_t> windowLeft, windowRight;
  /// Slots of the ring-buffer cache the keys come from (attn.kv_cache_update
  /// in ring mode: a window layer's cache written modulo its size).
  std::optional<int64_t> ringSlots;
  /// DeepSeek V4 compressed attention (keys = Concat(raw, attn.kv_compress
  /// entries)): tokens per entry, and the bytes one cached entry takes (its
  /// K = V, plus the indexer key of a CSA layer). The raw keys' window is
  /// `windowLeft`; the entries grow as seqLen / compressRatio.
  std::optional<int64_t> compressRatio, compressedEntryBytes;
  std::optional<double> softcap;
  bool sinks = false;
  /// An explicit mask operand: the FLOPs then assume every pair allowed by
  /// causal/window is scored (a mask can only hide more).
  bool mask = false;
  /// Bytes of K and V one token adds to this block's cache (0 for linear
  /// attention, whose cache is `stateBytes`).
  std::optional<int64_t> kvBytesPerToken;
  /// Linear attention: bytes of the recurrent state of one sequence (0 for
  /// the other kinds).
  std::optional<int64_t> stateBytes = 0;
  /// Core-attention FLOPs of a prefill of `seqLen` tokens.
  std::optional<int64_t> flops;
  /// The block whose K/V this one reads: itself, or an earlier block with the
  /// same key and value SSA values (cross-layer KV sharing).
  unsigned kvSourceIndex = 0;

  /// HF window (keys seen including the query itself): windowLeft + 1.
  std::optional<int64_t> window() const;
  /// Tokens the block's cache must hold: its ring's slots, its window, or
  /// none (global).
  std::optional<int64_t> cacheBudget() const;
  /// Whether another block owns the cache this block reads.
  bool sharesKV() const { return kvSourceIndex != index; }
};

/// Sums over the blocks; empty when a term is unknown.
struct AttentionReportTotals {
  int64_t blocks = 0;
  /// Sum over the blocks that own their cache.
  std::optional<int64_t> kvBytesPerToken = 0;
  /// Sum over the blocks that read another block's cache.
  std::optional<int64_t> kvBytesSavedPerToken = 0;
  std::optional<int64_t> stateBytes = 0;
  std::optional<int64_t> flops = 0;
  /// Cache bytes at context `seqLen`: each owned cache holds min(N, span)
  /// tokens (span: the widest window among the blocks reading it, or global),
  /// plus the compressed entries (N / ratio per compressed block) and the
  /// linear-attention states.
  std::optional<int64_t> kvBytesAtSeqLen = 0;
  /// The same with every window made global (a compressed block then caches
  /// all N raw tokens and no entries).
  std::optional<int64_t> kvBytesAllGlobalAtSeqLen = 0;
};

struct AttentionReport {
  int64_t seqLen = kDefaultReportSeqLen;
  std::vector<AttentionBlockInfo> blocks;
  AttentionReportTotals totals;

  const AttentionBlockInfo &kvSource(const AttentionBlockInfo &block) const {
    return blocks[block.kvSourceIndex];
  }
};

/// Collects the attention blocks nested in `root`, in program order. Fails
/// (with a diagnostic on `root`) when `seqLen` is not positive.
mlir::FailureOr<AttentionReport> buildAttentionReport(mlir::Operation *root,
                                                      int64_t seqLen);

/// An aligned table, one row per block, then the totals.
void printAttentionReportText(const AttentionReport &report,
                              llvm::raw_ostream &os);

/// One JSON object: {"seq_len", "attention": [...], "totals": {...}}.
void printAttentionReportJSON(const AttentionReport &report,
                              llvm::raw_ostream &os);

/// Prints in `format`.
void printAttentionReport(const AttentionReport &report,
                          AttentionReportFormat format, llvm::raw_ostream &os);

} // namespace attnc

#endif // ATTNC_ANALYSIS_ATTENTIONREPORT_H
