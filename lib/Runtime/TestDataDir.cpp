//===- TestDataDir.cpp - Bind a test-data folder to a model's I/O ---------===//

#include "attnc/Runtime/TestDataDir.h"

#include "attnc/Runtime/TensorIO.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace attnc::runtime {

std::string getTestDataPath(StringRef dir, StringRef prefix, int64_t index) {
  SmallString<128> path(dir);
  sys::path::append(path, prefix + "_" + Twine(index) + ".pb");
  return std::string(path);
}

namespace {
/// One `<prefix>_K.{pb,npy}` file of the folder.
struct IndexedFile {
  int64_t index;
  std::string path;
};
} // namespace

/// The `<prefix>_K.pb` and `<prefix>_K.npy` files of `dir`, sorted by K then
/// path so that messages do not depend on the directory order.
static Expected<SmallVector<IndexedFile>> listFiles(StringRef dir,
                                                    StringRef prefix) {
  SmallVector<IndexedFile> files;
  std::error_code ec;
  for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    StringRef fileName = sys::path::filename(it->path());
    StringRef stem = sys::path::stem(fileName);
    StringRef extension = sys::path::extension(fileName);
    int64_t index;
    if ((extension != ".pb" && extension != ".npy") ||
        !stem.consume_front(prefix) || !stem.consume_front("_") ||
        stem.getAsInteger(10, index) || index < 0)
      continue;
    files.push_back({index, it->path()});
  }
  if (ec)
    return createFileError(dir, errorCodeToError(ec));
  llvm::sort(files, [](const IndexedFile &a, const IndexedFile &b) {
    return std::tie(a.index, a.path) < std::tie(b.index, b.path);
  });
  return files;
}

Expected<SmallVector<std::optional<TensorFromFile>>>
loadTestDataTensors(StringRef dir, StringRef prefix,
                    ArrayRef<TensorDesc> descs) {
  Expected<SmallVector<IndexedFile>> files = listFiles(dir, prefix);
  if (!files)
    return files.takeError();

  StringMap<size_t> descByName;
  for (auto [index, desc] : enumerate(descs))
    descByName.try_emplace(desc.name, index);

  SmallVector<std::optional<TensorFromFile>> bound(descs.size());
  auto bind = [&](size_t descIndex, Tensor tensor,
                  const std::string &path) -> Error {
    if (bound[descIndex])
      return createFileError(path,
                             createStringError(prefix + " " + Twine(descIndex) +
                                               " '" + descs[descIndex].name +
                                               "' is already given by '" +
                                               bound[descIndex]->path + "'"));
    bound[descIndex] = TensorFromFile{std::move(tensor), path};
    return Error::success();
  };

  // By name first, so that a file named after an input is never taken by
  // position for another one.
  SmallVector<std::pair<IndexedFile, Tensor>> unnamed;
  for (IndexedFile &file : *files) {
    Expected<Tensor> tensor = readTensorFile(file.path);
    if (!tensor)
      return tensor.takeError();
    auto it = tensor->getName().empty() ? descByName.end()
                                        : descByName.find(tensor->getName());
    if (it == descByName.end()) {
      unnamed.emplace_back(std::move(file), std::move(*tensor));
      continue;
    }
    if (Error error = bind(it->second, std::move(*tensor), file.path))
      return std::move(error);
  }
  for (auto &[file, tensor] : unnamed) {
    if (file.index >= static_cast<int64_t>(descs.size()))
      return createFileError(
          file.path,
          createStringError("matches no " + prefix + " of the model (it has " +
                            Twine(descs.size()) + " " + prefix + "s)"));
    if (Error error = bind(file.index, std::move(tensor), file.path))
      return std::move(error);
  }
  return bound;
}

} // namespace attnc::runtime
