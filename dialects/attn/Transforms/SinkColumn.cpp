//===- SinkColumn.cpp - Attention sinks as an extra score column ----------===//

#include "SinkColumn.h"

#include "ConstantEvaluation.h"

#include "attnc/Dialect/ONNX/IR/ShapeInference.h"

#include "llvm/ADT/APFloat.h"

using namespace mlir;
using namespace mlir::attn;

std::optional<ColumnSide> mlir::attn::matchDroppedColumn(onnx::SliceOp slice) {
  auto in = dyn_cast<RankedTensorType>(slice.getData().getType());
  auto out = dyn_cast<RankedTensorType>(slice.getType());
  if (!in || !out || !in.hasStaticShape() || !out.hasStaticShape() ||
      in.getRank() != out.getRank() || in.getRank() == 0)
    return std::nullopt;
  int64_t rank = in.getRank();
  for (int64_t d = 0; d + 1 < rank; ++d)
    if (in.getDimSize(d) != out.getDimSize(d))
      return std::nullopt;
  int64_t keys = in.getDimSize(rank - 1);
  if (out.getDimSize(rank - 1) != keys - 1)
    return std::nullopt;

  std::optional<SmallVector<int64_t>> starts =
      onnx::getConstantIntValues(slice.getStarts());
  if (!starts || starts->size() != 1)
    return std::nullopt;
  // Absent axes mean axis 0 for a single start.
  int64_t axis = 0;
  if (!isa<NoneType>(slice.getAxes().getType())) {
    std::optional<SmallVector<int64_t>> axes =
        onnx::getConstantIntValues(slice.getAxes());
    if (!axes || axes->size() != 1)
      return std::nullopt;
    axis = (*axes)[0] < 0 ? (*axes)[0] + rank : (*axes)[0];
  }
  if (axis != rank - 1)
    return std::nullopt;
  if (!isa<NoneType>(slice.getSteps().getType())) {
    std::optional<SmallVector<int64_t>> steps =
        onnx::getConstantIntValues(slice.getSteps());
    if (!steps || steps->size() != 1 || (*steps)[0] != 1)
      return std::nullopt;
  }
  // With one element fewer kept, the start decides which end goes.
  int64_t start = (*starts)[0] < 0 ? (*starts)[0] + keys : (*starts)[0];
  start = std::clamp<int64_t>(start, 0, keys);
  if (start == 0)
    return ColumnSide::Last;
  if (start == 1)
    return ColumnSide::First;
  return std::nullopt;
}

FailureOr<SinkLogits> mlir::attn::readSinkColumn(Value column,
                                                 std::string &reason) {
  auto type = dyn_cast<RankedTensorType>(column.getType());
  if (!type || !type.hasStaticShape() || type.getRank() != 4 ||
      type.getDimSize(3) != 1)
    return reason = "the sink column is not a static B x Hq x Sq x 1 tensor",
           failure();
  int64_t batch = type.getDimSize(0), heads = type.getDimSize(1),
          rows = type.getDimSize(2);
  auto element = cast<FloatType>(type.getElementType());

  std::string constantReason;
  FailureOr<ConstantTensor> constant =
      evaluateConstantTensor(column, constantReason);
  if (succeeded(constant)) {
    SmallVector<APFloat> logits;
    for (int64_t h = 0; h < heads; ++h) {
      double first = constant->values[h * rows];
      for (int64_t b = 0; b < batch; ++b)
        for (int64_t i = 0; i < rows; ++i)
          if (constant->values[(b * heads + h) * rows + i] != first)
            return reason = "the sink column differs between rows or "
                            "batches",
                   failure();
      APFloat value(first);
      bool losesInfo;
      value.convert(element.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      logits.push_back(value);
    }
    SinkLogits sinks;
    sinks.values =
        DenseElementsAttr::get(RankedTensorType::get({heads}, element), logits);
    return sinks;
  }

  // A runtime tensor: Expands of one logit per head.
  Value source = column;
  while (auto expand = source.getDefiningOp<onnx::ExpandOp>())
    source = expand.getInput();
  auto sourceType = dyn_cast<RankedTensorType>(source.getType());
  bool perHead = sourceType && sourceType.hasStaticShape() &&
                 sourceType.getRank() <= 4 &&
                 sourceType.getNumElements() == heads;
  // Right-aligned against B x Hq x Sq x 1, only the head dim may exceed 1.
  for (int64_t d = 0; perHead && d < sourceType.getRank(); ++d) {
    int64_t aligned = d + 4 - sourceType.getRank();
    int64_t dim = sourceType.getDimSize(d);
    perHead = dim == 1 || aligned == 1;
  }
  if (!perHead)
    return reason = "the sink column is neither a constant nor one logit per "
                    "head broadcast by Expand (" +
                    constantReason + ")",
           failure();
  SinkLogits sinks;
  sinks.source = source;
  return sinks;
}
