//===- ModelABITest.cpp - The model ABI added to translated models --------===//
//
// translateToLLVMWithModelABI on hand-written LLVM-dialect modules: the
// descriptors attnc_model_run passes (zero-size dims included), and the
// errors for modules that code generation did not fully lower. Compiled
// models are run by the lit tests (test/Integration/zero-size-model.test).
//
//===----------------------------------------------------------------------===//

#include "attnc/Target/CPU/CPUTarget.h"

#include "attnc/Runtime/ModelABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

#include <gtest/gtest.h>

using namespace mlir;

namespace {

class ModelABITest : public ::testing::Test {
protected:
  ModelABITest() {
    context.loadDialect<func::FuncDialect, LLVM::LLVMDialect>();
    registerBuiltinDialectTranslation(context);
    registerLLVMDialectTranslation(context);
  }

  /// Translates `source` with `signature`; the diagnostics go to `errors`.
  std::unique_ptr<llvm::Module>
  translate(StringRef source, const attnc::ModelSignature &signature) {
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      errors += diag.str() + "\n";
      return success();
    });
    module = parseSourceString<ModuleOp>(source, &context);
    if (!module) {
      ADD_FAILURE() << "cannot parse the test module";
      return nullptr;
    }
    return attnc::translateToLLVMWithModelABI(*module, llvmContext, signature,
                                              "attnc_model_entry");
  }

  MLIRContext context;
  llvm::LLVMContext llvmContext;
  OwningOpRef<ModuleOp> module;
  std::string errors;
};

/// x: f32 2x0x3 (no elements) in, y: f32 4 out.
attnc::ModelSignature getZeroSizeSignature() {
  attnc::ModelSignature signature;
  signature.inputs.push_back({"x", ATTNC_ELEM_F32, {2, 0, 3}});
  signature.outputs.push_back({"y", ATTNC_ELEM_F32, {4}});
  return signature;
}

/// The values attnc_model_run passes after the two pointers of each buffer.
std::vector<int64_t> getCallIntegers(llvm::Module &llvmModule) {
  std::vector<int64_t> integers;
  llvm::Function *run = llvmModule.getFunction("attnc_model_run");
  if (!run)
    return integers;
  for (llvm::Instruction &inst : run->getEntryBlock())
    if (auto *call = llvm::dyn_cast<llvm::CallInst>(&inst))
      for (llvm::Value *arg : call->args())
        if (auto *constant = llvm::dyn_cast<llvm::ConstantInt>(arg))
          integers.push_back(constant->getSExtValue());
  return integers;
}

TEST_F(ModelABITest, PassesRowMajorDescriptorsIncludingZeroSizeDims) {
  // The lowered form of a function taking memref<2x0x3xf32> and
  // memref<4xf32>: two pointers, the offset, sizes and strides of each.
  std::unique_ptr<llvm::Module> llvmModule = translate(R"mlir(
    llvm.func @attnc_model_entry(%xa: !llvm.ptr, %xp: !llvm.ptr, %xo: i64,
                                 %x0: i64, %x1: i64, %x2: i64,
                                 %xs0: i64, %xs1: i64, %xs2: i64,
                                 %ya: !llvm.ptr, %yp: !llvm.ptr, %yo: i64,
                                 %y0: i64, %ys0: i64) {
      llvm.return
    }
  )mlir",
                                                       getZeroSizeSignature());
  ASSERT_TRUE(llvmModule) << errors;
  // Offset, sizes, strides: x then y. The strides outside the zero dim are
  // running products of the sizes (0), as memref.alloc would make them.
  EXPECT_EQ(getCallIntegers(*llvmModule),
            (std::vector<int64_t>{0, 2, 0, 3, 0, 3, 1, 0, 4, 1}));
  EXPECT_TRUE(
      llvmModule->getFunction("attnc_model_entry")->hasInternalLinkage());
}

TEST_F(ModelABITest, RejectsAnEntryThatTakesBarePointers) {
  std::unique_ptr<llvm::Module> llvmModule = translate(R"mlir(
    llvm.func @attnc_model_entry(%x: !llvm.ptr, %y: !llvm.ptr) {
      llvm.return
    }
  )mlir",
                                                       getZeroSizeSignature());
  EXPECT_FALSE(llvmModule);
  EXPECT_NE(errors.find("internal error: the lowered model function "
                        "'attnc_model_entry' is missing or does not take the "
                        "14 arguments of its expanded memref descriptors"),
            std::string::npos)
      << errors;
}

TEST_F(ModelABITest, NamesAnOpLeftOutsideTheLLVMDialect) {
  // What convert-func-to-llvm leaves behind when it cannot convert a
  // signature: the function itself, its body already lowered.
  std::unique_ptr<llvm::Module> llvmModule = translate(R"mlir(
    func.func @attnc_model_entry(%x: memref<2x0x3xf32>) {
      return
    }
  )mlir",
                                                       getZeroSizeSignature());
  EXPECT_FALSE(llvmModule);
  EXPECT_EQ(errors, "internal error: code generation left 'func.func' "
                    "@attnc_model_entry unconverted, so the model cannot be "
                    "translated to LLVM IR\n");
}

} // namespace
