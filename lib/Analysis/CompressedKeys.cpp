//===- CompressedKeys.cpp - DeepSeek V4 keys for the report ---------------===//

#include "CompressedKeys.h"

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/Dialect/ONNX/IR/ConstantData.h"
#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cmath>

using namespace mlir;
using namespace attnc;

namespace {

/// Producers searched between an attn.kv_compress and the attention: the
/// entries' RMSNorm (about six ops), RoPE and head views.
constexpr int kMaxProducerDepth = 10;

/// The first op of type OpTy among the producers of `value`, at most `depth`
/// ops up, visiting each op once.
template <typename OpTy>
OpTy findProducer(Value value, int depth,
                  llvm::SmallPtrSetImpl<Operation *> &visited) {
  Operation *op = value.getDefiningOp();
  if (!op || !visited.insert(op).second)
    return {};
  if (auto found = dyn_cast<OpTy>(op))
    return found;
  if (depth == 0)
    return {};
  for (Value operand : op->getOperands())
    if (OpTy found = findProducer<OpTy>(operand, depth - 1, visited))
      return found;
  return {};
}

template <typename OpTy> OpTy findProducer(Value value) {
  llvm::SmallPtrSet<Operation *, 32> visited;
  return findProducer<OpTy>(value, kMaxProducerDepth, visited);
}

int64_t normalizedAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

/// Keys = Concat(raw, entries) on the token axis (through the Unsqueeze that
/// adds the head axis), the entries made by attn.kv_compress.
struct KeyParts {
  int64_t rawKeys = 0;
  attn::KVCompressOp compressor;
};

std::optional<KeyParts> splitKeys(Value key) {
  while (auto view = key.getDefiningOp<onnx::UnsqueezeOp>())
    key = view.getData();
  auto concat = key.getDefiningOp<onnx::ConcatOp>();
  if (!concat || concat.getInputs().size() != 2)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(key.getType());
  if (!type || type.getRank() < 2 ||
      normalizedAxis(concat.getAxis(), type.getRank()) != type.getRank() - 2)
    return std::nullopt;
  Value raw = concat.getInputs()[0], entries = concat.getInputs()[1];
  auto rawType = dyn_cast<RankedTensorType>(raw.getType());
  auto entriesType = dyn_cast<RankedTensorType>(entries.getType());
  if (!rawType || !entriesType)
    return std::nullopt;
  int64_t tokenAxis = type.getRank() - 2;
  auto compressor = findProducer<attn::KVCompressOp>(entries);
  // The entries must be the compressor's, one per complete block.
  if (!compressor || rawType.isDynamicDim(tokenAxis) ||
      compressor.getType().getDimSize(1) != entriesType.getDimSize(tokenAxis))
    return std::nullopt;
  return KeyParts{rawType.getDimSize(tokenAxis), compressor};
}

/// The widest causal window of raw keys that a constant mask over
/// [raw keys ; entries] leaves a query: max over rows of (position - first
/// visible raw key + 1), or nullopt when the mask is not a constant whose
/// rows see no raw key after their own position.
std::optional<int64_t> windowOfMask(Value mask, int64_t rows,
                                    int64_t rawKeys) {
  Attribute constant;
  auto values = mask && matchPattern(mask, m_Constant(&constant))
                    ? dyn_cast<ElementsAttr>(constant)
                    : ElementsAttr();
  if (!values)
    return std::nullopt;
  ArrayRef<int64_t> shape = cast<ShapedType>(values.getType()).getShape();
  if (shape.size() < 2 || shape.back() < rawKeys ||
      shape[shape.size() - 2] != rows ||
      llvm::any_of(shape.drop_back(2), [](int64_t d) { return d != 1; }))
    return std::nullopt;
  int64_t columns = shape.back();
  std::optional<std::vector<double>> elements =
      onnx::readConstantAsDoubles(values);
  if (!elements)
    return std::nullopt;
  // Hidden: false (i1), -inf or the element type's lowest finite value
  // (PyTorch's fill), the two fills attention raising accepts.
  Type element = cast<ShapedType>(values.getType()).getElementType();
  auto floatType = dyn_cast<FloatType>(element);
  double lowest = floatType ? APFloat::getLargest(floatType.getFloatSemantics(),
                                                  /*Negative=*/true)
                                  .convertToDouble()
                            : 0.0;
  auto visibleAt = [&](int64_t row, int64_t key) {
    double value = (*elements)[row * columns + key];
    if (!floatType)
      return value != 0.0;
    return !(std::isinf(value) && value < 0) && value != lowest;
  };
  int64_t window = 0;
  for (int64_t row = 0; row < rows; ++row) {
    int64_t position = row + (rawKeys - rows);
    for (int64_t key = 0; key < rawKeys; ++key) {
      if (!visibleAt(row, key))
        continue;
      if (key > position)
        return std::nullopt;
      window = std::max(window, position - key + 1);
      break;
    }
    for (int64_t key = std::max<int64_t>(0, position + 1); key < rawKeys; ++key)
      if (visibleAt(row, key))
        return std::nullopt;
  }
  return window;
}

} // namespace

std::optional<CompressedKeys>
attnc::matchCompressedKeys(attn::AttentionOp op) {
  std::optional<KeyParts> parts = splitKeys(op.getKey());
  if (!parts)
    return std::nullopt;
  CompressedKeys keys;
  keys.ratio = parts->compressor.getRatio();
  keys.rawWindow = windowOfMask(
      op.getMask(), op.getQuery().getType().getDimSize(2), parts->rawKeys);
  return keys;
}

std::optional<CompressedKeys>
attnc::matchCompressedKeys(attn::SparseAttentionOp op) {
  std::optional<KeyParts> parts = splitKeys(op.getKey());
  if (!parts)
    return std::nullopt;
  CompressedKeys keys;
  keys.ratio = parts->compressor.getRatio();
  // attn-raise-sparse-attention's CSA form: a constant window of raw-key
  // indices, then the entries the indexer picks.
  auto indices = op.getIndices().getDefiningOp<onnx::ConcatOp>();
  if (!indices || indices.getInputs().size() != 2)
    return keys;
  Value window = indices.getInputs()[0];
  int64_t perQuery = op.getIndices().getType().getDimSize(2);
  int64_t windowWidth = cast<ShapedType>(window.getType()).getShape().back();
  if (!matchPattern(window, m_Constant()) || windowWidth > perQuery)
    return keys;
  keys.rawWindow = windowWidth;
  keys.entryCap = perQuery - windowWidth;
  if (auto indexer =
          findProducer<attn::LightningIndexerOp>(indices.getInputs()[1]))
    keys.indexerKeyElements = indexer.getKey().getType().getDimSize(2);
  return keys;
}
