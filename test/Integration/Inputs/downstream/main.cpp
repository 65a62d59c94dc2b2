// Parses and verifies attention IR with attnc's dialects registered through the
// public embedding API, then prints it back.

#include "attnc/Dialect/Attn/IR/AttnOps.h"
#include "attnc/InitAllDialects.h"
#include "attnc/InitAllPasses.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

static const char *kSource = R"mlir(
func.func @gqa(%q: tensor<1x8x16x64xf32>, %k: tensor<1x2x16x64xf32>) -> tensor<1x8x16x64xf32> {
  %o = attn.attention %q, %k, %k {causal}
      : tensor<1x8x16x64xf32>, tensor<1x2x16x64xf32>, tensor<1x2x16x64xf32> -> tensor<1x8x16x64xf32>
  return %o : tensor<1x8x16x64xf32>
}
)mlir";

int main() {
  mlir::DialectRegistry registry;
  attnc::registerAllDialects(registry);
  attnc::registerAllPasses();
  mlir::MLIRContext context(registry);
  auto module = mlir::parseSourceString<mlir::ModuleOp>(kSource, &context);
  if (!module || mlir::failed(mlir::verify(*module)))
    return 1;
  int attentionOps = 0;
  module->walk([&](mlir::attn::AttentionOp op) {
    ++attentionOps;
    llvm::outs() << "kv heads: " << op.getNumKVHeads()
                 << ", scale: " << op.getEffectiveScale() << "\n";
  });
  module->print(llvm::outs());
  return attentionOps == 1 ? 0 : 1;
}
