//===- ModelLoader.cpp - Load and run a compiled model library ------------===//
//
// The library is foreign code: every description it returns is checked
// before use, and a malformed one is an error naming the library, not a
// crash in the caller.
//
//===----------------------------------------------------------------------===//

#include "attnc/Runtime/ModelLoader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVectorExtras.h"

#include <dlfcn.h>

using namespace llvm;

namespace attnc::runtime {

/// More dims than any real model has; a larger rank means a garbage table.
static constexpr int32_t kMaxRank = 64;

bool TensorDesc::hasStaticShape() const {
  return none_of(shape, [](int64_t dim) { return dim < 0; });
}

Error checkTensorMatches(const TensorDesc &desc, const Tensor &tensor) {
  if (!desc.hasStaticShape())
    return createStringError(
        "the model expects " + desc.getTypeString() +
        ", whose dynamic dims model ABI version 1 cannot pass (pin them "
        "when compiling, with --input-shape)");
  if (desc.type == tensor.getElementType() &&
      ArrayRef<int64_t>(desc.shape) == tensor.getShape())
    return Error::success();
  return createStringError("expected " + desc.getTypeString() + ", but got " +
                           tensor.getTypeString());
}

/// Copies and checks one description; `what` is "input 3" or "output 0".
static Expected<TensorDesc> readDesc(const attnc_tensor_desc *desc,
                                     const Twine &what) {
  if (!desc)
    return createStringError("has no description for " + what);
  TensorDesc result;
  result.name = desc->name ? desc->name : "";
  std::optional<ElementType> type = getElementTypeFromCode(desc->elem_type);
  if (!type)
    return createStringError(what + " '" + result.name +
                             "' has unsupported element type code " +
                             Twine(desc->elem_type));
  result.type = *type;
  if (desc->rank < 0 || desc->rank > kMaxRank || (desc->rank && !desc->shape))
    return createStringError(what + " '" + result.name + "' has invalid rank " +
                             Twine(desc->rank));
  result.shape.assign(desc->shape, desc->shape + desc->rank);
  if (any_of(result.shape, [](int64_t dim) { return dim < -1; }))
    return createStringError(what + " '" + result.name + "' has shape " +
                             result.getTypeString() + " with a dim below -1");
  return result;
}

/// Reads `count()` descriptions through `get`.
static Error readDescs(int32_t (*count)(void),
                       const attnc_tensor_desc *(*get)(int32_t), StringRef kind,
                       SmallVectorImpl<TensorDesc> &descs) {
  int32_t n = count();
  if (n < 0)
    return createStringError("reports " + Twine(n) + " " + kind + "s");
  for (int32_t i = 0; i < n; ++i) {
    Expected<TensorDesc> desc = readDesc(get(i), kind + " " + Twine(i));
    if (!desc)
      return desc.takeError();
    descs.push_back(std::move(*desc));
  }
  return Error::success();
}

LoadedModel::LoadedModel(std::string path, void *handle, Symbols symbols)
    : path(std::move(path)), handle(handle), symbols(symbols) {}

LoadedModel::~LoadedModel() { dlclose(handle); }

Expected<std::unique_ptr<LoadedModel>> LoadedModel::load(StringRef path) {
  std::string pathString = path.str();
  // Without a slash dlopen searches the library path instead of opening
  // the file the user named.
  if (!path.contains('/'))
    pathString = "./" + pathString;
  void *handle = dlopen(pathString.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *message = dlerror();
    return createFileError(
        path, createStringError(Twine("cannot load the model library: ") +
                                (message ? message : "unknown error")));
  }
  // From here on the handle is owned by `model` (closed on every error).
  std::unique_ptr<LoadedModel> model(
      new LoadedModel(path.str(), handle, Symbols()));
  Symbols &symbols = model->symbols;
  auto resolve = [&](auto &function, const char *name) -> Error {
    void *address = dlsym(handle, name);
    if (!address)
      return createFileError(
          path, createStringError(Twine("is not an attnc model: it does not "
                                        "export '") +
                                  name + "'"));
    function =
        reinterpret_cast<std::remove_reference_t<decltype(function)>>(address);
    return Error::success();
  };
  // The version first: another ABI version may name its symbols differently.
  if (Error error = resolve(symbols.abiVersion, "attnc_model_abi_version"))
    return std::move(error);
  int32_t version = symbols.abiVersion();
  if (version != ATTNC_MODEL_ABI_VERSION)
    return createFileError(
        path, createStringError("has model ABI version " + Twine(version) +
                                ", but this runtime reads version " +
                                Twine(ATTNC_MODEL_ABI_VERSION)));
  if (Error error = resolve(symbols.numInputs, "attnc_model_num_inputs"))
    return std::move(error);
  if (Error error = resolve(symbols.numOutputs, "attnc_model_num_outputs"))
    return std::move(error);
  if (Error error = resolve(symbols.input, "attnc_model_input"))
    return std::move(error);
  if (Error error = resolve(symbols.output, "attnc_model_output"))
    return std::move(error);
  if (Error error = resolve(symbols.run, "attnc_model_run"))
    return std::move(error);

  if (Error error =
          readDescs(symbols.numInputs, symbols.input, "input", model->inputs))
    return createFileError(path, std::move(error));
  if (Error error = readDescs(symbols.numOutputs, symbols.output, "output",
                              model->outputs))
    return createFileError(path, std::move(error));
  return std::move(model);
}

Expected<SmallVector<Tensor>> LoadedModel::createOutputs() const {
  SmallVector<Tensor> result;
  for (auto [index, desc] : enumerate(outputs)) {
    if (!desc.hasStaticShape())
      return createStringError(
          "output " + Twine(index) + " '" + desc.name + "' has type " +
          desc.getTypeString() +
          "; model ABI version 1 needs static output shapes");
    Expected<Tensor> tensor = Tensor::create(desc.type, desc.shape, desc.name);
    if (!tensor)
      return tensor.takeError();
    result.push_back(std::move(*tensor));
  }
  return result;
}

/// Checks `tensors` against `descs`; `kind` is "input" or "output".
static Error checkTensors(ArrayRef<TensorDesc> descs, ArrayRef<Tensor> tensors,
                          StringRef kind) {
  if (descs.size() != tensors.size())
    return createStringError("the model has " + Twine(descs.size()) + " " +
                             kind + "s, but got " + Twine(tensors.size()));
  for (auto [index, desc, tensor] : enumerate(descs, tensors))
    if (Error error = checkTensorMatches(desc, tensor))
      return createStringError(kind + " " + Twine(index) + " '" + desc.name +
                               "': " + toString(std::move(error)));
  return Error::success();
}

Error LoadedModel::run(ArrayRef<Tensor> inputTensors,
                       MutableArrayRef<Tensor> outputTensors) const {
  if (Error error = checkTensors(inputs, inputTensors, "input"))
    return error;
  if (Error error = checkTensors(outputs, outputTensors, "output"))
    return error;
  // The ABI takes non-const pointers for inputs too; the model only reads
  // them.
  SmallVector<void *> inputPointers =
      map_to_vector(inputTensors, [](const Tensor &t) {
        return static_cast<void *>(const_cast<uint8_t *>(t.data()));
      });
  SmallVector<void *> outputPointers = map_to_vector(
      outputTensors, [](Tensor &t) { return static_cast<void *>(t.data()); });
  int32_t status = symbols.run(inputPointers.data(), outputPointers.data());
  if (status != 0)
    return createStringError("the model failed with status " + Twine(status));
  return Error::success();
}

Expected<SmallVector<Tensor>> LoadedModel::run(ArrayRef<Tensor> inputs) const {
  Expected<SmallVector<Tensor>> outputs = createOutputs();
  if (!outputs)
    return outputs.takeError();
  if (Error error = run(inputs, *outputs))
    return std::move(error);
  return outputs;
}

} // namespace attnc::runtime
