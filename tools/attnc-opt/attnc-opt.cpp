//===- attnc-opt.cpp - attnc's MLIR optimizer driver ----------------------===//
//
// A standard MlirOptMain tool with every attnc dialect and pass plus the
// upstream ones; lit tests are written against it.
//
//===----------------------------------------------------------------------===//

#include "attnc/InitAllDialects.h"
#include "attnc/InitAllPasses.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  attnc::registerAllDialects(registry);
  attnc::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "attnc optimizer driver\n", registry));
}
