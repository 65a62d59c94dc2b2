//===- ShapeChecks.cpp - Shape helpers shared by attn verifiers -----------===//

#include "ShapeChecks.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;

namespace mlir::attn::detail {

bool dimsCompatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

std::string formatShape(llvm::ArrayRef<int64_t> shape) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << "[";
  llvm::interleaveComma(shape, os, [&](int64_t dim) {
    if (ShapedType::isDynamic(dim))
      os << "?";
    else
      os << dim;
  });
  os << "]";
  return result;
}

LogicalResult checkShape(Operation *op, llvm::StringRef what, Type type,
                         llvm::ArrayRef<int64_t> expected,
                         llvm::StringRef names) {
  auto shaped = llvm::cast<ShapedType>(type);
  llvm::ArrayRef<int64_t> actual = shaped.getShape();
  bool ok = actual.size() == expected.size() &&
            llvm::all_of(llvm::zip_equal(actual, expected), [](auto pair) {
              return dimsCompatible(std::get<0>(pair), std::get<1>(pair));
            });
  if (ok)
    return success();
  return op->emitOpError() << "expects " << what << " of shape [" << names
                           << "] = " << formatShape(expected) << ", but got "
                           << formatShape(actual);
}

LogicalResult checkSameDim(Operation *op, llvm::StringRef what, int64_t a,
                           int64_t b) {
  if (dimsCompatible(a, b))
    return success();
  return op->emitOpError() << "expects " << what << " to match, but got " << a
                           << " and " << b;
}

LogicalResult checkPositive(Operation *op, llvm::StringRef name,
                            std::optional<llvm::APFloat> value) {
  if (!value)
    return success();
  double v = value->convertToDouble();
  if (std::isfinite(v) && v > 0.0)
    return success();
  return op->emitOpError() << "expects " << name
                           << " to be positive and finite, but got " << v;
}

LogicalResult checkHeadGroups(Operation *op, int64_t queryHeads,
                              int64_t kvHeads) {
  if (ShapedType::isDynamic(queryHeads) || ShapedType::isDynamic(kvHeads))
    return success();
  if (kvHeads > 0 && queryHeads % kvHeads == 0)
    return success();
  return op->emitOpError()
         << "expects the number of query heads (" << queryHeads
         << ") to be a multiple of the number of key/value heads (" << kvHeads
         << ")";
}

} // namespace mlir::attn::detail
