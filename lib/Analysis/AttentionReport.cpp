//===- AttentionReport.cpp - Collect the attention blocks of a module -----===//
//
// Reads each attn op's shapes and attributes into an AttentionBlockInfo,
// evaluates the formulas of AttentionCost.h at the report's context length,
// resolves cross-layer KV sharing, and sums the totals.
//
//===----------------------------------------------------------------------===//

#include "attnc/Analysis/AttentionReport.h"

#include "CompressedKeys.h"

#include "attnc/Analysis/AttentionCost.h"
#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace mlir;
using namespace attnc;
using Int = std::optional<int64_t>;

llvm::StringRef attnc::stringifyAttentionKind(AttentionKind kind) {
  switch (kind) {
  case AttentionKind::MHA:
    return "MHA";
  case AttentionKind::GQA:
    return "GQA";
  case AttentionKind::MQA:
    return "MQA";
  case AttentionKind::Dense:
    return "dense";
  case AttentionKind::MLA:
    return "MLA";
  case AttentionKind::Sparse:
    return "sparse";
  case AttentionKind::Linear:
    return "linear";
  }
  llvm_unreachable("unknown attention kind");
}

Int AttentionBlockInfo::window() const {
  if (!windowLeft)
    return std::nullopt;
  return llvm::checkedAdd<int64_t>(*windowLeft, 1);
}

Int AttentionBlockInfo::cacheBudget() const {
  return ringSlots ? ringSlots : window();
}

namespace {

//===----------------------------------------------------------------------===//
// Reading one op
//===----------------------------------------------------------------------===//

Int staticDim(Value value, unsigned dim) {
  int64_t size = cast<ShapedType>(value.getType()).getDimSize(dim);
  if (ShapedType::isDynamic(size))
    return std::nullopt;
  return size;
}

int64_t elementBytes(Value value) {
  return llvm::divideCeil(cast<ShapedType>(value.getType())
                              .getElementType()
                              .getIntOrFloatBitWidth(),
                          8);
}

std::string elementTypeName(Value value) {
  std::string name;
  llvm::raw_string_ostream os(name);
  os << cast<ShapedType>(value.getType()).getElementType();
  return name;
}

/// Sums of optionals: empty as soon as one term is (unknown stays unknown).
Int plus(Int a, Int b) {
  if (!a || !b)
    return std::nullopt;
  return llvm::checkedAdd(*a, *b);
}
Int times(Int a, Int b) {
  if (!a || !b)
    return std::nullopt;
  return llvm::checkedMul(*a, *b);
}

AttentionKind classifyHeads(Int queryHeads, Int kvHeads) {
  if (!queryHeads || !kvHeads)
    return AttentionKind::Dense;
  if (*queryHeads == *kvHeads)
    return AttentionKind::MHA;
  return *kvHeads == 1 ? AttentionKind::MQA : AttentionKind::GQA;
}

/// Whether `value` is the leading channels of `key`, both viewed with the
/// same head axis: latent attention in absorbed form reads the latent as the
/// value and [latent ; RoPE key] as the key, one cache of both.
bool isLeadingChannelsOfKey(Value key, Value value) {
  auto keyView = key.getDefiningOp<onnx::UnsqueezeOp>();
  auto valueView = value.getDefiningOp<onnx::UnsqueezeOp>();
  if (keyView && valueView) {
    key = keyView.getData();
    value = valueView.getData();
  }
  auto concat = key.getDefiningOp<onnx::ConcatOp>();
  if (!concat || concat.getInputs().empty())
    return false;
  int64_t rank = cast<RankedTensorType>(key.getType()).getRank();
  int64_t axis = concat.getAxis() < 0 ? concat.getAxis() + rank
                                      : concat.getAxis();
  return axis == rank - 1 && concat.getInputs().front() == value;
}

/// Bytes per token of a K/V cache; a value that is the key itself (shared
/// K = V, DeepSeek V4) or its leading channels (absorbed MLA) is stored once.
Int kvCacheBytesPerToken(Value key, Value value, Int kvHeads, Int headDim,
                         Int valueHeadDim) {
  if (!kvHeads || !headDim || !valueHeadDim)
    return std::nullopt;
  Int keyBytes =
      cost::cacheBytesPerToken(*kvHeads, *headDim, elementBytes(key));
  if (key == value || isLeadingChannelsOfKey(key, value))
    return keyBytes;
  return plus(keyBytes, cost::cacheBytesPerToken(*kvHeads, *valueHeadDim,
                                                 elementBytes(value)));
}

/// Heads and head widths of B x H x S x D query, key and value operands.
void readHeads(Value query, Value key, Value value, AttentionBlockInfo &info) {
  info.queryHeads = staticDim(query, 1);
  info.kvHeads = staticDim(key, 1);
  info.headDim = staticDim(query, 3);
  info.valueHeadDim = staticDim(value, 3);
}

/// A DeepSeek V4 compressed layer: its raw keys are a causal window of W
/// tokens (a ring buffer) and its entries a cache that grows by one entry per
/// `ratio` tokens; a prefill of n tokens scores min(W, t + 1) raw keys and
/// floor((t + 1) / ratio) entries (at most the top-k) per query t.
void readCompressedKeys(const CompressedKeys &keys, int64_t n,
                        int64_t elementBytes, AttentionBlockInfo &info) {
  info.compressRatio = keys.ratio;
  info.causal = true;
  info.windowLeft = keys.rawWindow
                        ? std::optional<int64_t>(*keys.rawWindow - 1)
                        : std::nullopt;
  info.compressedEntryBytes =
      plus(info.kvBytesPerToken, keys.indexerKeyElements * elementBytes);
  Int pairs =
      plus(cost::visiblePairs(n, /*causal=*/true, info.windowLeft, std::nullopt),
           cost::compressedEntryPairs(n, keys.ratio, keys.entryCap));
  info.flops = std::nullopt;
  if (info.queryHeads && info.headDim && info.valueHeadDim && pairs)
    info.flops = cost::denseAttentionFlops(*info.queryHeads, *info.headDim,
                                           *info.valueHeadDim, *pairs);
}

/// Whether `past` is also the cache of a ring-mode attn.kv_cache_update: the
/// layer's cache is that ring.
bool isRingCache(Value past) {
  return llvm::any_of(past.getUsers(), [&](Operation *user) {
    auto update = dyn_cast<attn::KVCacheUpdateOp>(user);
    return update && update.getMode() == attn::CacheMode::Ring &&
           update.getCache() == past;
  });
}

void readAttention(attn::AttentionOp op, int64_t n, AttentionBlockInfo &info) {
  readHeads(op.getQuery(), op.getKey(), op.getValue(), info);
  info.kind = classifyHeads(info.queryHeads, info.kvHeads);
  info.cacheElementType = elementTypeName(op.getKey());
  info.causal = op.getCausal();
  info.windowLeft = op.getWindowLeft();
  info.windowRight = op.getWindowRight();
  if (std::optional<APFloat> softcap = op.getSoftcap())
    info.softcap = softcap->convertToDouble();
  info.sinks = static_cast<bool>(op.getSinks());
  info.mask = static_cast<bool>(op.getMask());
  info.kvBytesPerToken =
      kvCacheBytesPerToken(op.getKey(), op.getValue(), info.kvHeads,
                           info.headDim, info.valueHeadDim);
  // A ring of W slots holds the last W tokens: each query sees at most those,
  // as under a causal window of W keys.
  bool causal = info.causal;
  Int left = info.windowLeft;
  if (auto update = op.getKey().getDefiningOp<attn::KVCacheUpdateOp>();
      update && update.getMode() == attn::CacheMode::Ring) {
    info.ringSlots = staticDim(op.getKey(), 2);
  } else if (auto append = op.getKey().getDefiningOp<attn::KVCacheAppendOp>();
             append && isRingCache(append.getPast())) {
    // A chunk over a ring (attn-ring-window-caches): it reads the old ring
    // followed by the chunk, while the cache it keeps is the ring.
    info.ringSlots = staticDim(append.getPast(), 2);
  }
  if (info.ringSlots && *info.ringSlots > 0 && !left) {
    causal = true;
    left = *info.ringSlots - 1;
  }
  Int pairs = cost::visiblePairs(n, causal, left, info.windowRight);
  if (info.queryHeads && info.headDim && info.valueHeadDim && pairs)
    info.flops = cost::denseAttentionFlops(*info.queryHeads, *info.headDim,
                                           *info.valueHeadDim, *pairs);
  if (std::optional<CompressedKeys> keys = matchCompressedKeys(op))
    readCompressedKeys(*keys, n, elementBytes(op.getKey()), info);
}

/// Whether the indices come from a top-k over causal indexer scores (DeepSeek
/// DSA), so that query i selects among its i + 1 visible keys only.
bool hasCausalSelection(attn::SparseAttentionOp op) {
  auto topk = op.getIndices().getDefiningOp<attn::TopKOp>();
  if (!topk)
    return false;
  auto indexer = topk.getScores().getDefiningOp<attn::LightningIndexerOp>();
  return indexer && indexer.getCausal();
}

void readSparseAttention(attn::SparseAttentionOp op, int64_t n,
                         AttentionBlockInfo &info) {
  info.kind = AttentionKind::Sparse;
  readHeads(op.getQuery(), op.getKey(), op.getValue(), info);
  info.topK = staticDim(op.getIndices(), 2);
  info.cacheElementType = elementTypeName(op.getKey());
  info.causal = hasCausalSelection(op);
  if (std::optional<APFloat> softcap = op.getSoftcap())
    info.softcap = softcap->convertToDouble();
  info.sinks = static_cast<bool>(op.getSinks());
  // The cache keeps every token: any of them may be selected later.
  info.kvBytesPerToken =
      kvCacheBytesPerToken(op.getKey(), op.getValue(), info.kvHeads,
                           info.headDim, info.valueHeadDim);
  if (!info.topK || *info.topK <= 0)
    return;
  // Query i scores min(k, visible keys): under a causal selection that is the
  // pair count of a causal window of k keys, otherwise min(k, n) per row.
  Int pairs = info.causal ? cost::visiblePairs(n, /*causal=*/true,
                                               *info.topK - 1, std::nullopt)
                          : times(n, std::min(n, *info.topK));
  if (info.queryHeads && info.headDim && info.valueHeadDim && pairs)
    info.flops = cost::denseAttentionFlops(*info.queryHeads, *info.headDim,
                                           *info.valueHeadDim, *pairs);
  if (std::optional<CompressedKeys> keys = matchCompressedKeys(op))
    readCompressedKeys(*keys, n, elementBytes(op.getKey()), info);
}

void readMLA(attn::MLAOp op, int64_t n, AttentionBlockInfo &info) {
  info.kind = AttentionKind::MLA;
  Int heads = staticDim(op.getQNope(), 1);
  Int nopeDim = staticDim(op.getQNope(), 3);
  info.ropeDim = staticDim(op.getQRope(), 3);
  info.latentDim = staticDim(op.getCKv(), 2);
  info.queryHeads = heads;
  // One latent (with one RoPE key) serves every head.
  info.kvHeads = 1;
  info.headDim = plus(nopeDim, info.ropeDim);
  info.valueHeadDim = staticDim(op.getWUv(), 2);
  info.cacheElementType = elementTypeName(op.getCKv());
  info.causal = op.getCausal();
  if (!heads || !nopeDim || !info.ropeDim || !info.latentDim ||
      !info.valueHeadDim)
    return;
  cost::MLASizes sizes{*heads, *nopeDim, *info.ropeDim, *info.latentDim,
                       *info.valueHeadDim};
  info.kvBytesPerToken =
      cost::mlaBytesPerToken(sizes, elementBytes(op.getCKv()));
  cost::MLAEvaluation form = op.getForm() == attn::MLAForm::Absorbed
                                 ? cost::MLAEvaluation::Absorbed
                                 : cost::MLAEvaluation::Expanded;
  if (Int pairs =
          cost::visiblePairs(n, info.causal, std::nullopt, std::nullopt))
    info.flops = cost::mlaFlops(sizes, form, n, *pairs);
}

cost::LinearUpdateRule toCostRule(attn::UpdateRule rule) {
  switch (rule) {
  case attn::UpdateRule::Linear:
    return cost::LinearUpdateRule::Linear;
  case attn::UpdateRule::Gated:
    return cost::LinearUpdateRule::Gated;
  case attn::UpdateRule::Delta:
    return cost::LinearUpdateRule::Delta;
  case attn::UpdateRule::GatedDelta:
    return cost::LinearUpdateRule::GatedDelta;
  }
  llvm_unreachable("unknown update rule");
}

void readLinearAttention(attn::LinearAttentionOp op, int64_t n,
                         AttentionBlockInfo &info) {
  info.kind = AttentionKind::Linear;
  readHeads(op.getQuery(), op.getKey(), op.getValue(), info);
  // One state per value head, read by each output head (more value than key
  // heads: inverse GQA, Qwen3-Next): those are the heads that cost.
  info.queryHeads = staticDim(op.getOutput(), 1);
  info.kvHeads = staticDim(op.getPresentState(), 1);
  info.cacheElementType = elementTypeName(op.getPresentState());
  // The recurrence only ever sees the past.
  info.causal = true;
  info.kvBytesPerToken = 0;
  info.stateBytes = std::nullopt;
  if (!info.queryHeads || !info.kvHeads || !info.headDim || !info.valueHeadDim)
    return;
  info.stateBytes =
      cost::linearStateBytes(*info.kvHeads, *info.headDim, *info.valueHeadDim,
                             elementBytes(op.getPresentState()));
  info.flops = cost::linearAttentionFlops(toCostRule(op.getRule()),
                                          *info.queryHeads, *info.kvHeads,
                                          *info.headDim, *info.valueHeadDim, n);
}

/// The K/V a block caches, as the SSA values that identify it: two blocks
/// with the same pair read the same cache. Linear attention keeps a state of
/// its own (no pair).
std::optional<std::pair<Value, Value>> cacheIdentity(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<std::pair<Value, Value>>>(
             op)
      .Case([](attn::AttentionOp op) {
        return std::make_pair(op.getKey(), op.getValue());
      })
      .Case([](attn::SparseAttentionOp op) {
        return std::make_pair(op.getKey(), op.getValue());
      })
      .Case([](attn::MLAOp op) {
        return std::make_pair(op.getCKv(), op.getKRope());
      })
      .Default([](Operation *) { return std::nullopt; });
}

/// The node name of the op: its first NameLoc in pre-order. A raised chain
/// carries the name of its final MatMul with V; a fused location (ops merged
/// by a rewrite) gives its first named part.
std::string blockName(Operation *op, unsigned index) {
  if (auto name = op->getLoc()->findInstanceOf<NameLoc>())
    return name.getName().str();
  return (op->getName().stripDialect() + "#" + llvm::Twine(index)).str();
}

//===----------------------------------------------------------------------===//
// Totals
//===----------------------------------------------------------------------===//

/// Tokens the cache owned by each block must hold, indexed by the owner: the
/// widest window among the blocks that read it, or none (global) as soon as
/// one reader is global. An owner precedes its readers in the report.
std::vector<Int> cacheSpans(const std::vector<AttentionBlockInfo> &blocks) {
  std::vector<Int> spans(blocks.size());
  for (const AttentionBlockInfo &block : blocks) {
    Int window = block.cacheBudget();
    if (!block.sharesKV()) {
      spans[block.index] = window;
      continue;
    }
    Int &span = spans[block.kvSourceIndex];
    span =
        span && window ? std::optional(std::max(*span, *window)) : std::nullopt;
  }
  return spans;
}

AttentionReportTotals
computeTotals(const std::vector<AttentionBlockInfo> &blocks, int64_t n) {
  AttentionReportTotals totals;
  totals.blocks = blocks.size();
  std::vector<Int> spans = cacheSpans(blocks);
  for (const AttentionBlockInfo &block : blocks) {
    totals.flops = plus(totals.flops, block.flops);
    totals.stateBytes = plus(totals.stateBytes, block.stateBytes);
    totals.kvBytesAtSeqLen = plus(totals.kvBytesAtSeqLen, block.stateBytes);
    totals.kvBytesAllGlobalAtSeqLen =
        plus(totals.kvBytesAllGlobalAtSeqLen, block.stateBytes);
    if (block.sharesKV()) {
      totals.kvBytesSavedPerToken =
          plus(totals.kvBytesSavedPerToken, block.kvBytesPerToken);
      continue;
    }
    totals.kvBytesPerToken =
        plus(totals.kvBytesPerToken, block.kvBytesPerToken);
    int64_t tokens = cost::cachedTokens(n, spans[block.index]);
    totals.kvBytesAtSeqLen =
        plus(totals.kvBytesAtSeqLen, times(block.kvBytesPerToken, tokens));
    if (block.compressRatio)
      totals.kvBytesAtSeqLen =
          plus(totals.kvBytesAtSeqLen,
               times(block.compressedEntryBytes, n / *block.compressRatio));
    totals.kvBytesAllGlobalAtSeqLen =
        plus(totals.kvBytesAllGlobalAtSeqLen, times(block.kvBytesPerToken, n));
  }
  return totals;
}

} // namespace

FailureOr<AttentionReport> attnc::buildAttentionReport(Operation *root,
                                                       int64_t seqLen) {
  if (seqLen <= 0)
    return root->emitError()
           << "expects a positive report sequence length, but got " << seqLen;
  AttentionReport report;
  report.seqLen = seqLen;
  llvm::DenseMap<std::pair<Value, Value>, unsigned> cacheOwners;
  root->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (!isa<attn::AttentionOp, attn::SparseAttentionOp, attn::MLAOp,
             attn::LinearAttentionOp>(op))
      return;
    AttentionBlockInfo info;
    info.op = op;
    info.index = report.blocks.size();
    info.name = blockName(op, info.index);
    llvm::TypeSwitch<Operation *>(op)
        .Case([&](attn::AttentionOp op) { readAttention(op, seqLen, info); })
        .Case([&](attn::SparseAttentionOp op) {
          readSparseAttention(op, seqLen, info);
        })
        .Case([&](attn::MLAOp op) { readMLA(op, seqLen, info); })
        .Case([&](attn::LinearAttentionOp op) {
          readLinearAttention(op, seqLen, info);
        });
    info.kvSourceIndex = info.index;
    if (std::optional<std::pair<Value, Value>> cache = cacheIdentity(op))
      info.kvSourceIndex =
          cacheOwners.try_emplace(*cache, info.index).first->second;
    report.blocks.push_back(std::move(info));
  });
  report.totals = computeTotals(report.blocks, seqLen);
  return report;
}
