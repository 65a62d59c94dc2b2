//===- TensorIO.h - Tensors from and to .pb and .npy files ------*- C++ -*-===//
//
// Reads and writes the two file formats test data comes in:
//  - a serialized onnx.TensorProto (`.pb`, the ONNX backend-test layout), read
//    from raw_data or from the typed fields (float_data, int32_data,
//    int64_data, double_data) and always written with raw_data;
//  - a NumPy `.npy` array (read: format 1.0 to 3.0; written: 1.0), little
//    endian, C order.
// Every input is untrusted: sizes are checked against the shape before any
// allocation, and every failure is an llvm::Error naming the file.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_RUNTIME_TENSORIO_H
#define ATTNC_RUNTIME_TENSORIO_H

#include "attnc/Runtime/Tensor.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace attnc::runtime {

//===----------------------------------------------------------------------===//
// onnx.TensorProto
//===----------------------------------------------------------------------===//

/// Parses a serialized TensorProto. `bufferName` names the source in errors.
/// Tensors with external data are rejected: a `.pb` test file must be
/// self-contained.
llvm::Expected<Tensor> parseTensorProto(llvm::StringRef bytes,
                                        llvm::StringRef bufferName);

/// Serializes `tensor` (name, dims, data_type, raw_data); fails beyond
/// protobuf's 2 GiB message limit.
llvm::Expected<std::string> serializeTensorProto(const Tensor &tensor);

llvm::Expected<Tensor> readTensorProtoFile(llvm::StringRef path);
llvm::Error writeTensorProtoFile(const Tensor &tensor, llvm::StringRef path);

//===----------------------------------------------------------------------===//
// NumPy .npy
//===----------------------------------------------------------------------===//

/// Parses an `.npy` image of dtype f32, f16, f64, i64, i32, i8, u8 or bool
/// ('<' or '|' byte order, fortran_order False unless rank <= 1). NumPy has no
/// bf16 and `.npy` has no name, so the tensor's name is empty.
llvm::Expected<Tensor> parseNpy(llvm::StringRef bytes,
                                llvm::StringRef bufferName);

/// Serializes `tensor` as `.npy` format 1.0; fails for bf16.
llvm::Expected<std::string> serializeNpy(const Tensor &tensor);

llvm::Expected<Tensor> readNpyFile(llvm::StringRef path);
llvm::Error writeNpyFile(const Tensor &tensor, llvm::StringRef path);

//===----------------------------------------------------------------------===//
// Either
//===----------------------------------------------------------------------===//

/// Reads a `.npy` file by its extension, anything else as a TensorProto.
llvm::Expected<Tensor> readTensorFile(llvm::StringRef path);

} // namespace attnc::runtime

#endif // ATTNC_RUNTIME_TENSORIO_H
