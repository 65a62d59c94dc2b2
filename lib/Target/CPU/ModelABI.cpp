//===- ModelABI.cpp - The compiled-model C ABI in LLVM IR -----------------===//
//
// Adds the functions of attnc/Runtime/ModelABI.h to a translated model: constant
// descriptor tables and `attnc_model_run`, which unpacks the caller's pointer
// arrays and calls the lowered model function (inputs, then outputs).
//
// The model function keeps MLIR's default memref calling convention: each
// buffer is passed as its expanded descriptor (allocated and aligned pointer,
// offset, sizes, strides), which attnc_model_run fills in from the static
// signature. The bare-pointer convention would be shorter, but it only accepts
// memrefs whose strides are static, and MLIR gives the identity layout of a
// shape with a zero-size dim dynamic strides outside that dim (a zero-element
// buffer has no meaningful strides), so a model with an empty input or output
// could not be lowered. After inlining, the constant sizes and strides fold
// away; the code that reads and writes the buffers uses the static strides of
// its memref types either way.
//
//===----------------------------------------------------------------------===//

#include "attnc/Target/CPU/CPUTarget.h"

#include "attnc/Runtime/ModelABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

using namespace mlir;

using attnc::ModelSignature;

namespace {

/// The ABI's element type code of an MLIR element type, or -1.
int32_t abiElementType(Type type) {
  if (type.isF32())
    return ATTNC_ELEM_F32;
  if (type.isF16())
    return ATTNC_ELEM_F16;
  if (type.isBF16())
    return ATTNC_ELEM_BF16;
  if (type.isF64())
    return ATTNC_ELEM_F64;
  if (type.isInteger(1))
    return ATTNC_ELEM_BOOL;
  if (type.isInteger(8))
    return ATTNC_ELEM_I8;
  if (type.isInteger(32))
    return ATTNC_ELEM_I32;
  if (type.isInteger(64))
    return ATTNC_ELEM_I64;
  return -1;
}

LogicalResult describe(Location loc, llvm::StringRef kind, Type type,
                       std::string name, ModelSignature::Tensor &out) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return emitError(loc) << "model " << kind << " '" << name
                          << "' is not a ranked tensor: " << type;
  if (!tensor.hasStaticShape())
    return emitError(loc) << "model " << kind << " '" << name
                          << "' has dynamic dims " << tensor
                          << "; pin them with --input-shape";
  out.elementType = abiElementType(tensor.getElementType());
  if (out.elementType < 0)
    return emitError(loc) << "model " << kind << " '" << name
                          << "' has element type " << tensor.getElementType()
                          << ", which the model ABI cannot describe";
  out.name = std::move(name);
  out.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
  return success();
}

/// `count` names from `attr` (an array of strings), or "input_K"/"output_K".
std::string nameAt(ArrayAttr names, size_t index, llvm::StringRef fallback) {
  if (names && index < names.size())
    if (auto name = dyn_cast<StringAttr>(names[index]))
      return name.str();
  return (fallback + "_" + llvm::Twine(index)).str();
}

/// A private constant global holding `init`.
llvm::GlobalVariable *addConstant(llvm::Module &module, llvm::Constant *init,
                                  const llvm::Twine &name) {
  return new llvm::GlobalVariable(module, init->getType(), /*isConstant=*/true,
                                  llvm::GlobalValue::PrivateLinkage, init,
                                  name);
}

/// Builds the `attnc_tensor_desc` array of `tensors` and returns it.
llvm::GlobalVariable *
addDescriptorTable(llvm::Module &module, llvm::StructType *descType,
                   llvm::ArrayRef<ModelSignature::Tensor> tensors,
                   llvm::StringRef kind) {
  llvm::LLVMContext &ctx = module.getContext();
  llvm::IRBuilder<> builder(ctx);
  auto *i32 = builder.getInt32Ty();
  auto *i64 = builder.getInt64Ty();
  auto *ptr = builder.getPtrTy();
  SmallVector<llvm::Constant *> entries;
  for (auto [index, tensor] : llvm::enumerate(tensors)) {
    llvm::Constant *name = builder.CreateGlobalString(
        tensor.name, "attnc." + kind + "." + llvm::Twine(index) + ".name",
        0, &module);
    SmallVector<llvm::Constant *> dims;
    for (int64_t dim : tensor.shape)
      dims.push_back(llvm::ConstantInt::get(i64, dim));
    llvm::Constant *shape = llvm::ConstantPointerNull::get(ptr);
    if (!dims.empty())
      shape = addConstant(
          module,
          llvm::ConstantArray::get(llvm::ArrayType::get(i64, dims.size()),
                                   dims),
          "attnc." + kind + "." + llvm::Twine(index) + ".shape");
    entries.push_back(llvm::ConstantStruct::get(
        descType, {name, llvm::ConstantInt::get(i32, tensor.elementType),
                   llvm::ConstantInt::get(i32, tensor.shape.size()), shape}));
  }
  auto *arrayType = llvm::ArrayType::get(descType, entries.size());
  return addConstant(module, llvm::ConstantArray::get(arrayType, entries),
                     "attnc." + kind + "s");
}

/// `const attnc_tensor_desc *name(int32_t index)`: bounds-checked lookup.
void addDescriptorGetter(llvm::Module &module, llvm::StringRef name,
                         llvm::StructType *descType,
                         llvm::GlobalVariable *table, size_t count) {
  llvm::LLVMContext &ctx = module.getContext();
  llvm::IRBuilder<> builder(ctx);
  auto *fnType = llvm::FunctionType::get(builder.getPtrTy(),
                                         {builder.getInt32Ty()}, false);
  auto *fn = llvm::Function::Create(fnType, llvm::GlobalValue::ExternalLinkage,
                                    name, module);
  auto *entry = llvm::BasicBlock::Create(ctx, "entry", fn);
  auto *inRange = llvm::BasicBlock::Create(ctx, "in_range", fn);
  auto *outOfRange = llvm::BasicBlock::Create(ctx, "out_of_range", fn);
  builder.SetInsertPoint(entry);
  llvm::Value *index = fn->getArg(0);
  llvm::Value *valid = builder.CreateICmpULT(
      index, builder.getInt32(static_cast<uint32_t>(count)));
  builder.CreateCondBr(valid, inRange, outOfRange);
  builder.SetInsertPoint(inRange);
  llvm::Value *element = builder.CreateInBoundsGEP(
      table->getValueType(), table,
      {builder.getInt64(0), builder.CreateZExt(index, builder.getInt64Ty())});
  builder.CreateRet(element);
  builder.SetInsertPoint(outOfRange);
  builder.CreateRet(llvm::ConstantPointerNull::get(builder.getPtrTy()));
  (void)descType;
}

void addConstantGetter(llvm::Module &module, llvm::StringRef name,
                       int32_t value) {
  llvm::IRBuilder<> builder(module.getContext());
  auto *fn = llvm::Function::Create(
      llvm::FunctionType::get(builder.getInt32Ty(), false),
      llvm::GlobalValue::ExternalLinkage, name, module);
  builder.SetInsertPoint(
      llvm::BasicBlock::Create(module.getContext(), "entry", fn));
  builder.CreateRet(builder.getInt32(value));
}

/// Fails with an error at the first op that is not in the LLVM dialect. The
/// CPU codegen conversions are partial: an op they cannot convert (say, a
/// function whose signature the type converter rejects) stays as it was, and
/// LLVM IR translation would then fail with a dump of that whole op.
LogicalResult checkLoweredToLLVM(ModuleOp module) {
  WalkResult result = module.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == module.getOperation() || isa<LLVM::LLVMDialect>(op->getDialect()))
      return WalkResult::advance();
    InFlightDiagnostic diag = emitError(op->getLoc())
                              << "internal error: code generation left '"
                              << op->getName() << "'";
    if (auto symbol =
            op->getAttrOfType<StringAttr>(SymbolTable::getSymbolAttrName()))
      diag << " @" << symbol.getValue();
    diag << " unconverted, so the model cannot be translated to LLVM IR";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

/// The number of scalars MLIR's default calling convention expands a memref
/// of rank `rank` into: two pointers, the offset, the sizes and the strides.
size_t getNumDescriptorArguments(size_t rank) { return 3 + 2 * rank; }

/// Appends the expanded descriptor of a dense row-major buffer at `buffer`.
/// A zero-element buffer is never accessed, so any strides describe it; these
/// are the running products that memref.alloc would give it too.
void appendDescriptorArguments(llvm::IRBuilder<> &builder, llvm::Value *buffer,
                               llvm::ArrayRef<int64_t> shape,
                               SmallVectorImpl<llvm::Value *> &args) {
  args.push_back(buffer); // allocated pointer
  args.push_back(buffer); // aligned pointer
  args.push_back(builder.getInt64(0));
  // Unsigned, so that an absurd static shape wraps instead of overflowing;
  // such a buffer could not be allocated anyway.
  SmallVector<uint64_t> strides(shape.size());
  uint64_t stride = 1;
  for (size_t dim = shape.size(); dim-- > 0;) {
    strides[dim] = stride;
    stride *= static_cast<uint64_t>(shape[dim]);
  }
  for (int64_t size : shape)
    args.push_back(builder.getInt64(size));
  for (uint64_t dimStride : strides)
    args.push_back(builder.getInt64(dimStride));
}

} // namespace

FailureOr<attnc::ModelSignature> attnc::getModelSignature(func::FuncOp func) {
  ModelSignature signature;
  auto inputNames = func->getAttrOfType<ArrayAttr>("attnc.input_names");
  auto outputNames = func->getAttrOfType<ArrayAttr>("attnc.output_names");
  FunctionType type = func.getFunctionType();
  for (auto [index, input] : llvm::enumerate(type.getInputs())) {
    ModelSignature::Tensor tensor;
    if (failed(describe(func.getLoc(), "input", input,
                        nameAt(inputNames, index, "input"), tensor)))
      return failure();
    signature.inputs.push_back(std::move(tensor));
  }
  for (auto [index, output] : llvm::enumerate(type.getResults())) {
    ModelSignature::Tensor tensor;
    if (failed(describe(func.getLoc(), "output", output,
                        nameAt(outputNames, index, "output"), tensor)))
      return failure();
    signature.outputs.push_back(std::move(tensor));
  }
  return signature;
}

std::unique_ptr<llvm::Module> attnc::translateToLLVMWithModelABI(
    ModuleOp module, llvm::LLVMContext &context,
    const ModelSignature &signature, llvm::StringRef entryName) {
  if (failed(checkLoweredToLLVM(module)))
    return nullptr;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context, "attnc_model");
  if (!llvmModule)
    return nullptr;
  llvm::Function *entry = llvmModule->getFunction(entryName);
  size_t arity = 0;
  for (const ModelSignature::Tensor &tensor :
       llvm::concat<const ModelSignature::Tensor>(signature.inputs,
                                                  signature.outputs))
    arity += getNumDescriptorArguments(tensor.shape.size());
  if (!entry || entry->arg_size() != arity) {
    emitError(module.getLoc())
        << "internal error: the lowered model function '" << entryName
        << "' is missing or does not take the " << arity
        << " arguments of its expanded memref descriptors";
    return nullptr;
  }

  llvm::IRBuilder<> builder(context);
  auto *ptr = builder.getPtrTy();
  auto *descType = llvm::StructType::create(
      context, {ptr, builder.getInt32Ty(), builder.getInt32Ty(), ptr},
      "attnc_tensor_desc");
  addConstantGetter(*llvmModule, "attnc_model_abi_version",
                    ATTNC_MODEL_ABI_VERSION);
  addConstantGetter(*llvmModule, "attnc_model_num_inputs",
                    signature.inputs.size());
  addConstantGetter(*llvmModule, "attnc_model_num_outputs",
                    signature.outputs.size());
  addDescriptorGetter(
      *llvmModule, "attnc_model_input", descType,
      addDescriptorTable(*llvmModule, descType, signature.inputs, "input"),
      signature.inputs.size());
  addDescriptorGetter(
      *llvmModule, "attnc_model_output", descType,
      addDescriptorTable(*llvmModule, descType, signature.outputs, "output"),
      signature.outputs.size());

  // int32_t attnc_model_run(void *const *inputs, void *const *outputs)
  auto *runType = llvm::FunctionType::get(builder.getInt32Ty(), {ptr, ptr},
                                          /*isVarArg=*/false);
  auto *run = llvm::Function::Create(runType, llvm::GlobalValue::ExternalLinkage,
                                     "attnc_model_run", *llvmModule);
  builder.SetInsertPoint(llvm::BasicBlock::Create(context, "entry", run));
  SmallVector<llvm::Value *> args;
  auto appendBuffers = [&](llvm::Value *array,
                           llvm::ArrayRef<ModelSignature::Tensor> tensors) {
    for (auto [index, tensor] : llvm::enumerate(tensors)) {
      llvm::Value *buffer = builder.CreateLoad(
          ptr, builder.CreateConstInBoundsGEP1_64(ptr, array, index));
      appendDescriptorArguments(builder, buffer, tensor.shape, args);
    }
  };
  appendBuffers(run->getArg(0), signature.inputs);
  appendBuffers(run->getArg(1), signature.outputs);
  builder.CreateCall(entry, args);
  builder.CreateRet(builder.getInt32(0));
  // The model function is reachable only through attnc_model_run.
  entry->setLinkage(llvm::GlobalValue::InternalLinkage);
  return llvmModule;
}
