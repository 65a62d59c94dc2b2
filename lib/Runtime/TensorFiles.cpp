//===- TensorFiles.cpp - Tensor files by path -----------------------------===//
//
// The file-level entry points of TensorIO.h: read or write the whole file and
// hand the bytes to the format's parser or serializer, naming the path in
// every error.
//
//===----------------------------------------------------------------------===//

#include "attnc/Runtime/TensorIO.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace attnc::runtime {

/// Reads a whole file, with errors naming it.
static Expected<std::unique_ptr<MemoryBuffer>> readFile(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer = MemoryBuffer::getFile(
      path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer)
    return createFileError(path, errorCodeToError(buffer.getError()));
  return std::move(*buffer);
}

/// Writes `bytes` to `path` through a temporary file, so that a failure
/// never leaves a truncated tensor behind.
static Error writeFile(StringRef bytes, StringRef path) {
  if (Error error = writeToOutput(path, [&](raw_ostream &os) {
        os << bytes;
        return Error::success();
      }))
    return createFileError(path, std::move(error));
  return Error::success();
}

Expected<Tensor> readTensorProtoFile(StringRef path) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseTensorProto((*buffer)->getBuffer(), path);
}

Error writeTensorProtoFile(const Tensor &tensor, StringRef path) {
  Expected<std::string> bytes = serializeTensorProto(tensor);
  if (!bytes)
    return createFileError(path, bytes.takeError());
  return writeFile(*bytes, path);
}

Expected<Tensor> readNpyFile(StringRef path) {
  Expected<std::unique_ptr<MemoryBuffer>> buffer = readFile(path);
  if (!buffer)
    return buffer.takeError();
  return parseNpy((*buffer)->getBuffer(), path);
}

Error writeNpyFile(const Tensor &tensor, StringRef path) {
  Expected<std::string> bytes = serializeNpy(tensor);
  if (!bytes)
    return createFileError(path, bytes.takeError());
  return writeFile(*bytes, path);
}

Expected<Tensor> readTensorFile(StringRef path) {
  if (path.ends_with_insensitive(".npy"))
    return readNpyFile(path);
  return readTensorProtoFile(path);
}

} // namespace attnc::runtime
