//===- ConstantMask.cpp - Constant additive masks as attributes -----------===//
//
// Exactness of dropping a mask for attributes. Take a row of scores s plus a
// mask row whose masked entries all hold the same `fill`:
//
// * The row has a visible key (score m finite). A masked entry contributes
//   exp(s + fill - max) = 0 exactly, both for fill = -inf and for the lowest
//   finite value (its exponent underflows): the same as attn's -inf masking,
//   whatever masked_rows says.
// * Every key of the row is masked. With fill = -inf the graph's Softmax
//   computes 0/0 = NaN, which no attribute reproduces: we keep the default
//   masked_rows = zero (ONNX Attention's convention, the only finite answer a
//   kernel can give). With the lowest finite value (PyTorch's
//   finfo.min), s + fill rounds to fill itself as long as |s| is below half
//   an ulp of fill (2^103 in f32, 2^119 in bf16), so the row is uniform:
//   masked_rows = uniform is exact. In f16 half an ulp of -65504 is 16, well
//   within real scores, so such a row depends on the scores: refused.
//
// Causal rows are never fully masked under bottom-right alignment with
// Sq <= Skv, so masked_rows stays zero there.
//
//===----------------------------------------------------------------------===//

#include "ConstantMask.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Which keys a candidate attribute set makes visible to which query rows.
struct Visibility {
  bool causal = false;
  std::optional<int64_t> windowLeft;
  Alignment alignment = Alignment::BottomRight;

  bool isVisible(int64_t row, int64_t key, int64_t queries,
                 int64_t keys) const {
    if (!causal)
      return true;
    int64_t position =
        row + (alignment == Alignment::BottomRight ? keys - queries : 0);
    return key <= position && (!windowLeft || key >= position - *windowLeft);
  }

  bool hasFullyMaskedRow(int64_t queries, int64_t keys) const {
    for (int64_t row = 0; row < queries; ++row) {
      bool any = false;
      for (int64_t key = 0; key < keys && !any; ++key)
        any = isVisible(row, key, queries, keys);
      if (!any)
        return true;
    }
    return false;
  }
};

/// A constant mask read through numpy broadcasting over its last two dims.
class BroadcastMask {
public:
  BroadcastMask(const ConstantTensor &mask, int64_t queries, int64_t keys)
      : mask(mask), queries(queries), keys(keys) {
    ArrayRef<int64_t> shape = mask.shape;
    keyDim = shape.empty() ? 1 : shape.back();
    rowDim = shape.size() < 2 ? 1 : shape[shape.size() - 2];
  }

  /// Whether the mask's last two dims broadcast to queries x keys.
  bool broadcasts() const {
    return (rowDim == 1 || rowDim == queries) &&
           (keyDim == 1 || keyDim == keys);
  }

  /// The number of (element, score position) pairs `all` visits.
  int64_t numChecks() const {
    return mask.getNumElements() * (rowDim == 1 ? queries : 1) *
           (keyDim == 1 ? keys : 1);
  }

  /// Calls `fn(row, key, value)` for every element of the mask and every
  /// (row, key) of the scores it is added to; stops at the first false.
  template <typename Fn> bool all(Fn fn) const {
    int64_t count = mask.getNumElements();
    for (int64_t n = 0; n < count; ++n) {
      double value = mask.values[n];
      int64_t key = n % keyDim, row = (n / keyDim) % rowDim;
      for (int64_t i = rowDim == 1 ? 0 : row;
           i < (rowDim == 1 ? queries : row + 1); ++i)
        for (int64_t j = keyDim == 1 ? 0 : key;
             j < (keyDim == 1 ? keys : key + 1); ++j)
          if (!fn(i, j, value))
            return false;
    }
    return true;
  }

  /// The number of zeros (visible keys) in the last query row.
  int64_t visibleInLastRow() const {
    int64_t visible = 0;
    int64_t row = rowDim == 1 ? 0 : queries - 1;
    for (int64_t j = 0; j < keys; ++j)
      if (mask.values[row * keyDim + (keyDim == 1 ? 0 : j)] == 0.0)
        ++visible;
    return visible;
  }

  bool matches(const Visibility &visibility, double fill) const {
    return all([&](int64_t i, int64_t j, double value) {
      if (visibility.isVisible(i, j, queries, keys))
        return value == 0.0;
      return value == fill;
    });
  }

private:
  const ConstantTensor &mask;
  int64_t queries, keys;
  int64_t rowDim, keyDim;
};

/// The candidate visibilities, most common first; a window is read off the
/// last row, which sees the most keys.
SmallVector<Visibility> getCandidates(int64_t visibleInLastRow) {
  SmallVector<Visibility> candidates = {
      {true, std::nullopt, Alignment::BottomRight},
      {true, std::nullopt, Alignment::TopLeft}};
  if (visibleInLastRow > 0) {
    candidates.push_back({true, visibleInLastRow - 1, Alignment::BottomRight});
    candidates.push_back({true, visibleInLastRow - 1, Alignment::TopLeft});
  }
  return candidates;
}

/// The attributes of a matching candidate, with the masked-row policy its
/// fully hidden rows need (see the file comment).
FailureOr<MaskAttributes> getAttributes(const Visibility &candidate,
                                        int64_t queries, int64_t keys,
                                        bool lowestFill, FloatType element,
                                        std::string &reason) {
  MaskAttributes result;
  result.causal = true;
  result.windowLeft = candidate.windowLeft;
  result.alignment = candidate.alignment;
  if (candidate.hasFullyMaskedRow(queries, keys) && lowestFill) {
    if (element.isF16())
      return reason = "a row of this f16 mask is fully masked with the "
                      "lowest finite value, whose result depends on the "
                      "scores",
             failure();
    result.maskedRows = MaskedRowPolicy::Uniform;
  }
  return result;
}

} // namespace

FailureOr<MaskAttributes>
mlir::attn::recognizeConstantMask(const ConstantTensor &mask, int64_t queries,
                                  int64_t keys, std::string &reason) {
  auto element = dyn_cast<FloatType>(mask.elementType);
  if (!element)
    return reason = "the mask is not a float tensor", failure();
  BroadcastMask broadcast(mask, queries, keys);
  if (!broadcast.broadcasts())
    return reason = "the mask does not broadcast to the scores", failure();
  // Keep compile time bounded on huge constant masks.
  constexpr int64_t kMaxChecks = int64_t(1) << 26;
  if (broadcast.numChecks() > kMaxChecks)
    return reason = "the constant mask is too large to inspect", failure();

  // The fill is the first nonzero value; every masked entry must hold it.
  std::optional<double> fill;
  broadcast.all([&](int64_t, int64_t, double value) {
    if (value == 0.0)
      return true;
    fill = value;
    return false;
  });
  if (!fill)
    return MaskAttributes{};
  double lowest = APFloat::getLargest(element.getFloatSemantics(),
                                      /*Negative=*/true)
                      .convertToDouble();
  bool isLowest = *fill == lowest;
  if (!(std::isinf(*fill) && *fill < 0) && !isLowest)
    return reason = "the mask holds values other than 0, -inf and the "
                    "lowest finite value",
           failure();

  for (const Visibility &candidate :
       getCandidates(broadcast.visibleInLastRow()))
    if (broadcast.matches(candidate, *fill))
      return getAttributes(candidate, queries, keys, isLowest, element,
                           reason);
  return reason = "the constant mask is not causal or a causal sliding "
                  "window",
         failure();
}

namespace {

/// The lowest finite value of `element`.
double lowestOf(FloatType element) {
  return APFloat::getLargest(element.getFloatSemantics(), /*Negative=*/true)
      .convertToDouble();
}

} // namespace

FailureOr<MaskAttributes> mlir::attn::recognizeLargeConstantMask(
    Value source, int64_t queries, int64_t keys, FloatType element,
    function_ref<double(double)> toMask, std::string &reason) {
  auto type = dyn_cast<RankedTensorType>(source.getType());
  if (!type || !type.hasStaticShape() || type.getRank() < 2)
    return reason = "the mask has no static shape", failure();
  ArrayRef<int64_t> shape = type.getShape();
  int64_t rank = shape.size();
  // Large masks are read as one queries x keys matrix (leading dims of 1),
  // the form exporters give them; broadcast rows or keys stay small.
  if (shape[rank - 2] != queries || shape[rank - 1] != keys ||
      type.getNumElements() != queries * keys)
    return reason = "the large mask is not one queries x keys matrix",
           failure();
  double lowest = lowestOf(element);

  // Pass 1: the fill and the visible keys of the last row (which sees the
  // most keys: the window).
  std::optional<double> fill;
  int64_t visibleInLastRow = 0;
  std::string evaluation;
  LogicalResult firstPass = forEachConstantBlock(
      source,
      [&](int64_t firstRow, ArrayRef<double> values) {
        for (int64_t n = 0, e = values.size(); n < e; ++n) {
          double value = toMask(values[n]);
          if (value != 0.0) {
            if (!fill) {
              if (!(std::isinf(value) && value < 0) && value != lowest)
                return failure();
              fill = value;
            } else if (value != *fill) {
              return failure();
            }
          } else if (firstRow + n / keys == queries - 1) {
            ++visibleInLastRow;
          }
        }
        return success();
      },
      evaluation);
  if (failed(firstPass))
    return reason = evaluation.empty()
                        ? "the mask holds values other than 0 and one of -inf "
                          "and the lowest finite value"
                        : evaluation,
           failure();
  if (!fill)
    return MaskAttributes{};

  // Pass 2: every candidate at once, each dropped at its first mismatch.
  SmallVector<Visibility> candidates = getCandidates(visibleInLastRow);
  SmallVector<bool> alive(candidates.size(), true);
  LogicalResult secondPass = forEachConstantBlock(
      source,
      [&](int64_t firstRow, ArrayRef<double> values) {
        for (int64_t n = 0, e = values.size(); n < e; ++n) {
          int64_t row = firstRow + n / keys, key = n % keys;
          double value = toMask(values[n]);
          for (auto [candidate, ok] : llvm::zip(candidates, alive))
            if (ok && (candidate.isVisible(row, key, queries, keys)
                           ? value != 0.0
                           : value != *fill))
              ok = false;
          if (llvm::none_of(alive, [](bool ok) { return ok; }))
            return failure();
        }
        return success();
      },
      evaluation);
  if (failed(secondPass))
    return reason = evaluation.empty() ? "the constant mask is not causal or "
                                         "a causal sliding window"
                                       : evaluation,
           failure();
  for (auto [candidate, ok] : llvm::zip(candidates, alive))
    if (ok)
      return getAttributes(candidate, queries, keys, *fill == lowest, element,
                           reason);
  return reason = "the constant mask is not causal or a causal sliding window",
         failure();
}

ConstantTensor mlir::attn::getMaskOfCondition(const ConstantTensor &condition,
                                              bool selectsScores, double fill,
                                              Type scoreType) {
  ConstantTensor mask;
  mask.shape = condition.shape;
  mask.elementType = scoreType;
  mask.values.reserve(condition.getNumElements());
  for (double c : condition.values)
    mask.values.push_back((c != 0.0) != selectsScores ? fill : 0.0);
  return mask;
}
