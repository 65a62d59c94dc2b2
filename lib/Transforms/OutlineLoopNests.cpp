//===- OutlineLoopNests.cpp - One function per top-level loop nest --------===//
//
// LLVM's loop optimisations scale badly with the size of the function they
// run on; a lowered model is one function with a loop nest per op. Giving
// each nest its own function keeps -O2 compile time proportional to the
// model's size. The call costs nothing measurable next to a loop nest.
//
//===----------------------------------------------------------------------===//

#include "attnc/Transforms/OutlineLoopNests.h"
#include "attnc/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"

namespace attnc {
#define GEN_PASS_DEF_OUTLINELOOPNESTSPASS
#include "attnc/Transforms/Passes.h.inc"
} // namespace attnc

using namespace mlir;

namespace {

bool isOutlinableLoop(Operation *op) {
  return isa<scf::ForOp, scf::WhileOp, scf::ParallelOp>(op);
}

/// A value the outlined function can recompute instead of receiving: LLVM
/// then sees constant bounds and constant weights' addresses.
bool isClonableConstant(Operation *def) {
  if (!def || def->getNumOperands() != 0 || def->getNumRegions() != 0)
    return false;
  return def->hasTrait<OpTrait::ConstantLike>() || isa<memref::GetGlobalOp>(def);
}

void outlineLoop(Operation *loop, func::FuncOp parent, SymbolTable &symbols,
                 unsigned index) {
  MLIRContext *context = loop->getContext();
  Location loc = loop->getLoc();

  llvm::SetVector<Value> used(loop->operand_begin(), loop->operand_end());
  getUsedValuesDefinedAbove(loop->getRegions(), used);
  SmallVector<Value> arguments;
  SmallVector<Operation *> constants;
  for (Value value : used) {
    Operation *def = value.getDefiningOp();
    if (isClonableConstant(def)) {
      if (!llvm::is_contained(constants, def))
        constants.push_back(def);
      continue;
    }
    arguments.push_back(value);
  }

  OpBuilder builder(context);
  auto type = FunctionType::get(context, ValueRange(arguments).getTypes(),
                                loop->getResultTypes());
  std::string name = (parent.getSymName() + "_loop" + Twine(index)).str();
  auto callee = func::FuncOp::create(builder, loc, name, type);
  callee.setPrivate();
  callee->setAttr("passthrough",
                  builder.getArrayAttr({builder.getStringAttr("noinline")}));
  callee->setAttr("llvm.linkage", LLVM::LinkageAttr::get(
                                      context, LLVM::Linkage::Internal));
  // Inserting renames the function if `name` is taken.
  symbols.insert(callee);

  Block *entry = callee.addEntryBlock();
  IRMapping mapping;
  mapping.map(arguments, entry->getArguments());
  builder.setInsertionPointToStart(entry);
  for (Operation *constant : constants)
    builder.clone(*constant, mapping);
  Operation *body = builder.clone(*loop, mapping);
  func::ReturnOp::create(builder, loc, body->getResults());

  builder.setInsertionPoint(loop);
  auto call = func::CallOp::create(builder, loc, callee, arguments);
  loop->replaceAllUsesWith(call.getResults());
  loop->erase();
}

struct OutlineLoopNestsPass
    : attnc::impl::OutlineLoopNestsPassBase<OutlineLoopNestsPass> {
  void runOnOperation() override {
    SymbolTable symbols(getOperation());
    // Outlined functions are collected first: they are added to the module
    // while it is walked, and must not be outlined again.
    SmallVector<func::FuncOp> functions(
        getOperation().getOps<func::FuncOp>());
    for (func::FuncOp function : functions)
      if (!function.isDeclaration())
        attnc::outlineTopLevelLoopNests(function, symbols);
  }
};

} // namespace

unsigned attnc::outlineTopLevelLoopNests(func::FuncOp func,
                                         SymbolTable &symbols) {
  SmallVector<Operation *> loops;
  for (Block &block : func.getBody())
    for (Operation &op : block)
      if (isOutlinableLoop(&op))
        loops.push_back(&op);
  for (auto [index, loop] : llvm::enumerate(loops))
    outlineLoop(loop, func, symbols, index);
  return loops.size();
}
