//===- TestDataDir.h - Bind a test-data folder to a model's I/O -*- C++ -*-===//
//
// A test-data folder follows the ONNX backend-test layout: `input_K.pb` holds
// the K-th graph input and `output_K.pb` the expected K-th graph output. This
// binds those files to a model's descriptions.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_RUNTIME_TESTDATADIR_H
#define ATTNC_RUNTIME_TESTDATADIR_H

#include "attnc/Runtime/ModelLoader.h"
#include "attnc/Runtime/Tensor.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>

namespace attnc::runtime {

/// A tensor read from a file, with the file's path for messages.
struct TensorFromFile {
  Tensor tensor;
  std::string path;
};

/// Reads every `<prefix>_K.pb` and `<prefix>_K.npy` in `dir` (K a decimal
/// number; files need not be contiguous, a skipped optional input has none)
/// and binds each to one of `descs`: to the description whose name is the
/// tensor's name if there is one, otherwise to description K. Returns one
/// entry per description, nullopt where no file binds. Fails on an unreadable
/// file, on a file that binds to nothing (K out of range, or description K
/// already bound by name), and on two files binding to one description.
llvm::Expected<llvm::SmallVector<std::optional<TensorFromFile>>>
loadTestDataTensors(llvm::StringRef dir, llvm::StringRef prefix,
                    llvm::ArrayRef<TensorDesc> descs);

/// The path `dir/<prefix>_K.pb`.
std::string getTestDataPath(llvm::StringRef dir, llvm::StringRef prefix,
                            int64_t index);

} // namespace attnc::runtime

#endif // ATTNC_RUNTIME_TESTDATADIR_H
