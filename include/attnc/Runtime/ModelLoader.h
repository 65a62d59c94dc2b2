//===- ModelLoader.h - Load and run a compiled model library ----*- C++ -*-===//
//
// Opens a shared library that exports the C ABI of attnc/Runtime/ModelABI.h,
// copies its input and output descriptions, and runs it on Tensors after
// checking them against those descriptions.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_RUNTIME_MODELLOADER_H
#define ATTNC_RUNTIME_MODELLOADER_H

#include "attnc/Runtime/ModelABI.h"
#include "attnc/Runtime/Tensor.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <string>

namespace attnc::runtime {

/// A graph input or output as the library describes it.
struct TensorDesc {
  std::string name;
  ElementType type = ElementType::F32;
  /// -1 marks a dynamic dim.
  llvm::SmallVector<int64_t, 4> shape;

  bool hasStaticShape() const;
  /// "2x?xf32".
  std::string getTypeString() const { return formatTensorType(shape, type); }
};

/// Succeeds when `tensor` has the element type and shape of `desc`; otherwise
/// the error reads "expected 2x3xf32, but got 3x2xf32". A description with a
/// dynamic dim matches nothing: ABI version 1 cannot pass run-time shapes.
llvm::Error checkTensorMatches(const TensorDesc &desc, const Tensor &tensor);

/// A model library loaded into the process. It stays loaded (and its
/// function pointers valid) for the lifetime of this object.
class LoadedModel {
public:
  /// Opens `path` with dlopen (RTLD_NOW | RTLD_LOCAL, so two models can be
  /// loaded side by side), resolves every symbol of ModelABI.h, checks the
  /// ABI version and reads the descriptions. Fails, naming the library, if a
  /// symbol is missing, the version differs or a description is malformed.
  static llvm::Expected<std::unique_ptr<LoadedModel>>
  load(llvm::StringRef path);

  ~LoadedModel();
  LoadedModel(const LoadedModel &) = delete;
  LoadedModel &operator=(const LoadedModel &) = delete;

  llvm::StringRef getPath() const { return path; }
  llvm::ArrayRef<TensorDesc> getInputs() const { return inputs; }
  llvm::ArrayRef<TensorDesc> getOutputs() const { return outputs; }

  /// Zero-filled output tensors named and shaped as described; fails if an
  /// output has a dynamic dim.
  llvm::Expected<llvm::SmallVector<Tensor>> createOutputs() const;

  /// Checks that `inputs` and `outputs` match the descriptions (count, element
  /// type, shape), then calls attnc_model_run. The model reads `inputs` and
  /// writes `outputs` in place; it does not keep pointers to either.
  llvm::Error run(llvm::ArrayRef<Tensor> inputs,
                  llvm::MutableArrayRef<Tensor> outputs) const;

  /// createOutputs() followed by run().
  llvm::Expected<llvm::SmallVector<Tensor>>
  run(llvm::ArrayRef<Tensor> inputs) const;

private:
  struct Symbols {
    int32_t (*abiVersion)(void) = nullptr;
    int32_t (*numInputs)(void) = nullptr;
    int32_t (*numOutputs)(void) = nullptr;
    const attnc_tensor_desc *(*input)(int32_t) = nullptr;
    const attnc_tensor_desc *(*output)(int32_t) = nullptr;
    int32_t (*run)(void *const *, void *const *) = nullptr;
  };

  LoadedModel(std::string path, void *handle, Symbols symbols);

  std::string path;
  void *handle;
  Symbols symbols;
  llvm::SmallVector<TensorDesc> inputs;
  llvm::SmallVector<TensorDesc> outputs;
};

} // namespace attnc::runtime

#endif // ATTNC_RUNTIME_MODELLOADER_H
