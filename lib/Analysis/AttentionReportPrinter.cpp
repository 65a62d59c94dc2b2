//===- AttentionReportPrinter.cpp - Text and JSON forms of the report -----===//
//
// Both forms print the same fields; docs/Tools.md lists the JSON keys. Unknown
// numbers (dynamic dims) are `null` in JSON and `?` in text.
//
//===----------------------------------------------------------------------===//

#include "attnc/Analysis/AttentionReport.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

using namespace attnc;
using Int = std::optional<int64_t>;

namespace {

/// Query heads per KV head, when both are known.
Int groupSize(const AttentionBlockInfo &block) {
  if (!block.queryHeads || !block.kvHeads || *block.kvHeads <= 0)
    return std::nullopt;
  return *block.queryHeads / *block.kvHeads;
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

llvm::json::Value toJSON(Int value) {
  if (!value)
    return nullptr;
  return *value;
}

llvm::json::Value toJSON(std::optional<double> value) {
  if (!value)
    return nullptr;
  return *value;
}

/// A compressed block's cache: its raw window ("global" when unknown) plus
/// one entry per `ratio` tokens, e.g. "8 + 1/4".
std::string compressedBudgetText(const AttentionBlockInfo &block) {
  Int window = block.cacheBudget();
  return (window ? std::to_string(*window) : std::string("global")) + " + 1/" +
         std::to_string(*block.compressRatio);
}

/// The tokens a block's cache holds (a window size, or a ring buffer's
/// slots), "state" for linear attention (a constant-size state, no per-token
/// cache), or "global".
llvm::json::Value budgetJSON(const AttentionBlockInfo &block) {
  if (block.kind == AttentionKind::Linear)
    return "state";
  if (block.compressRatio)
    return compressedBudgetText(block);
  if (Int budget = block.cacheBudget())
    return *budget;
  return "global";
}

void writeBlock(llvm::json::OStream &json, const AttentionReport &report,
                const AttentionBlockInfo &block) {
  json.object([&] {
    json.attribute("index", block.index);
    json.attribute("name", block.name);
    json.attribute("kind", stringifyAttentionKind(block.kind));
    json.attribute("group", toJSON(groupSize(block)));
    json.attribute("q_heads", toJSON(block.queryHeads));
    json.attribute("kv_heads", toJSON(block.kvHeads));
    json.attribute("head_dim", toJSON(block.headDim));
    json.attribute("v_head_dim", toJSON(block.valueHeadDim));
    if (block.kind == AttentionKind::MLA) {
      json.attribute("latent_dim", toJSON(block.latentDim));
      json.attribute("rope_dim", toJSON(block.ropeDim));
    }
    if (block.kind == AttentionKind::Sparse)
      json.attribute("top_k", toJSON(block.topK));
    if (block.compressRatio) {
      json.attribute("compress_ratio", *block.compressRatio);
      json.attribute("compressed_entry_bytes",
                     toJSON(block.compressedEntryBytes));
    }
    json.attribute("dtype", block.cacheElementType);
    json.attribute("causal", block.causal);
    json.attribute("window", toJSON(block.window()));
    json.attribute("window_right", toJSON(block.windowRight));
    json.attribute("softcap", toJSON(block.softcap));
    json.attribute("sinks", block.sinks);
    json.attribute("mask", block.mask);
    json.attribute("kv_bytes_per_token", toJSON(block.kvBytesPerToken));
    json.attribute("state_bytes", toJSON(block.stateBytes));
    json.attribute("flops", toJSON(block.flops));
    json.attribute("budget", budgetJSON(block));
    json.attribute("kv_source", report.kvSource(block).name);
  });
}

void writeTotals(llvm::json::OStream &json, const AttentionReportTotals &t) {
  json.object([&] {
    json.attribute("blocks", t.blocks);
    json.attribute("kv_bytes_per_token", toJSON(t.kvBytesPerToken));
    json.attribute("kv_bytes_saved_per_token", toJSON(t.kvBytesSavedPerToken));
    json.attribute("state_bytes", toJSON(t.stateBytes));
    json.attribute("flops", toJSON(t.flops));
    json.attribute("kv_bytes_at_seq_len", toJSON(t.kvBytesAtSeqLen));
    json.attribute("kv_bytes_all_global_at_seq_len",
                   toJSON(t.kvBytesAllGlobalAtSeqLen));
  });
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

std::string str(Int value) {
  return value ? std::to_string(*value) : std::string("?");
}

/// The shortest %g form ("50", "0.125").
std::string shortFloat(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}

std::string kindText(const AttentionBlockInfo &block) {
  std::string kind = stringifyAttentionKind(block.kind).str();
  if (block.kind == AttentionKind::GQA)
    kind += " group " + str(groupSize(block));
  return kind;
}

std::string windowText(const AttentionBlockInfo &block) {
  std::string text = block.windowLeft ? str(block.window()) : "-";
  if (block.windowRight && *block.windowRight > 0)
    text += " (+" + str(block.windowRight) + ")";
  return text;
}

std::string budgetText(const AttentionBlockInfo &block) {
  if (block.kind == AttentionKind::Linear)
    return "state";
  if (block.compressRatio)
    return compressedBudgetText(block);
  if (block.ringSlots)
    return str(block.ringSlots) + " ring";
  Int budget = block.cacheBudget();
  return budget ? str(budget) : "global";
}

constexpr std::array<llvm::StringLiteral, 14> kColumns = {
    "name",           "kind",   "q_heads", "kv_heads", "head_dim",
    "v_head_dim",     "causal", "window",  "softcap",  "sinks",
    "kv_bytes/token", "flops",  "budget",  "kv_source"};

std::vector<std::string> textRow(const AttentionReport &report,
                                 const AttentionBlockInfo &block) {
  std::string kvBytes = str(block.kvBytesPerToken);
  if (block.kind == AttentionKind::Linear)
    kvBytes += " (state " + str(block.stateBytes) + ")";
  return {block.name,
          kindText(block),
          str(block.queryHeads),
          str(block.kvHeads),
          str(block.headDim),
          str(block.valueHeadDim),
          block.causal ? "yes" : "no",
          windowText(block),
          block.softcap ? shortFloat(*block.softcap) : "-",
          block.sinks ? "yes" : "no",
          kvBytes,
          str(block.flops),
          budgetText(block),
          report.kvSource(block).name};
}

} // namespace

void attnc::printAttentionReportJSON(const AttentionReport &report,
                                     llvm::raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    json.attribute("seq_len", report.seqLen);
    json.attributeArray("attention", [&] {
      for (const AttentionBlockInfo &block : report.blocks)
        writeBlock(json, report, block);
    });
    json.attributeBegin("totals");
    writeTotals(json, report.totals);
    json.attributeEnd();
  });
  os << "\n";
}

void attnc::printAttentionReportText(const AttentionReport &report,
                                     llvm::raw_ostream &os) {
  os << "attention blocks: " << report.blocks.size()
     << " (FLOPs: prefill of seq_len " << report.seqLen << " tokens)\n";
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back(kColumns.begin(), kColumns.end());
  for (const AttentionBlockInfo &block : report.blocks)
    rows.push_back(textRow(report, block));
  std::array<size_t, kColumns.size()> widths{};
  for (const std::vector<std::string> &row : rows)
    for (size_t column = 0; column < row.size(); ++column)
      widths[column] = std::max(widths[column], row[column].size());
  for (const std::vector<std::string> &row : rows) {
    // Pad every column but the last (no trailing blanks).
    for (size_t column = 0; column + 1 < row.size(); ++column)
      os << llvm::left_justify(row[column], widths[column] + 2);
    os << row.back() << "\n";
  }
  const AttentionReportTotals &t = report.totals;
  os << "totals:\n"
     << "  blocks: " << t.blocks << "\n"
     << "  kv_bytes_per_token: " << str(t.kvBytesPerToken) << "\n"
     << "  kv_bytes_saved_per_token: " << str(t.kvBytesSavedPerToken) << "\n"
     << "  state_bytes: " << str(t.stateBytes) << "\n"
     << "  flops: " << str(t.flops) << "\n"
     << "  kv_bytes_at_seq_len: " << str(t.kvBytesAtSeqLen) << "\n"
     << "  kv_bytes_all_global_at_seq_len: " << str(t.kvBytesAllGlobalAtSeqLen)
     << "\n";
}

void attnc::printAttentionReport(const AttentionReport &report,
                                 AttentionReportFormat format,
                                 llvm::raw_ostream &os) {
  if (format == AttentionReportFormat::JSON)
    printAttentionReportJSON(report, os);
  else
    printAttentionReportText(report, os);
}
