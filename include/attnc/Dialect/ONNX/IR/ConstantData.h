//===- ConstantData.h - Reading the elements of constants -------*- C++ -*-===//
//
// The importer keeps initializers as dense_resource blobs (no copy of large
// weights), small and folded constants as DenseElementsAttr. Passes that read
// a constant's values (masks, RoPE tables, projection weights) go through
// these helpers so that both storages work.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_DIALECT_ONNX_IR_CONSTANTDATA_H
#define ATTNC_DIALECT_ONNX_IR_CONSTANTDATA_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/Support/LLVM.h"

#include <optional>
#include <vector>

namespace mlir::onnx {

/// The raw row-major bytes of a non-splat constant (a DenseElementsAttr or a
/// dense_resource blob) of byte-sized elements, when their size matches the
/// type; nullopt for splats, bit-packed i1 storage and unavailable blobs.
std::optional<ArrayRef<char>> getRawConstantData(ElementsAttr attr);

/// Every element of a float or integer constant (i1 included) as a double,
/// row-major, splats expanded; nullopt when the data is unavailable.
std::optional<std::vector<double>> readConstantAsDoubles(ElementsAttr attr);

} // namespace mlir::onnx

#endif // ATTNC_DIALECT_ONNX_IR_CONSTANTDATA_H
