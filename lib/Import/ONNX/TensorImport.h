//===- TensorImport.h - ONNX tensors and types to MLIR ----------*- C++ -*-===//
//
// Private to the ONNX importer.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_IMPORT_ONNX_TENSORIMPORT_H
#define ATTNC_LIB_IMPORT_ONNX_TENSORIMPORT_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"

#include <onnx/onnx_pb.h>

namespace attnc::onnx_import {

/// The MLIR element type of an ONNX TensorProto.DataType code, or null (after
/// an error at `loc`) for types attnc does not support.
mlir::Type convertElementType(mlir::MLIRContext &context, int32_t dataType,
                              mlir::Location loc);

/// The tensor type a ValueInfoProto declares: symbolic or missing dims become
/// dynamic. Fails with an error naming the value on a non-tensor type, an
/// unknown element type or a negative dim.
mlir::FailureOr<mlir::RankedTensorType>
convertValueType(mlir::MLIRContext &context, const ::onnx::ValueInfoProto &info,
                 mlir::Location loc);

/// Where a tensor's external data files may be read from: the model's folder.
struct ExternalDataRoot {
  /// Absolute, symlink-free path of the model's folder; empty when the model
  /// came from memory (then external data is an error).
  std::string directory;
};

/// The elements of an initializer or TENSOR attribute. Tensors of more than
/// `resourceThreshold` bytes become dense_resource blobs (one copy, no
/// uniquing). Validates dims, data sizes and external-data paths, with errors
/// that name the tensor.
mlir::FailureOr<mlir::ElementsAttr>
convertTensor(mlir::MLIRContext &context, const ::onnx::TensorProto &tensor,
              const ExternalDataRoot &root, mlir::Location loc,
              size_t resourceThreshold = 4096);

} // namespace attnc::onnx_import

#endif // ATTNC_LIB_IMPORT_ONNX_TENSORIMPORT_H
