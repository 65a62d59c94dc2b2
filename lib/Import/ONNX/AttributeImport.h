//===- AttributeImport.h - ONNX node attributes to MLIR ---------*- C++ -*-===//
//
// Private to the ONNX importer. The mapping is the onnx dialect's convention:
// INT -> si64, FLOAT -> f32, STRING -> string, INTS -> array<i64>,
// FLOATS -> array<f32>, STRINGS -> array of strings, TENSOR -> elements.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_LIB_IMPORT_ONNX_ATTRIBUTEIMPORT_H
#define ATTNC_LIB_IMPORT_ONNX_ATTRIBUTEIMPORT_H

#include "TensorImport.h"

#include "mlir/IR/Attributes.h"

namespace attnc::onnx_import {

/// Converts one attribute; fails with an error naming the attribute and the
/// node for kinds attnc does not import (graphs, sparse tensors, type protos).
mlir::FailureOr<mlir::Attribute>
convertAttribute(mlir::MLIRContext &context,
                 const ::onnx::AttributeProto &attribute,
                 const ExternalDataRoot &root, mlir::Location loc);

} // namespace attnc::onnx_import

#endif // ATTNC_LIB_IMPORT_ONNX_ATTRIBUTEIMPORT_H
