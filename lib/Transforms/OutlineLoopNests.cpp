//===- OutlineLoopNests.cpp - One function per top-level loop nest --------===//
//
// LLVM's loop optimisations scale badly with the size of the function they
// run on; a lowered model is one function with a loop nest per op. Giving
// each nest its own function keeps -O2 compile time proportional to the
// model's size, and since the layers of a model repeat the same nests with
// other weights, nests that are equal up to their arguments share one
// function: LLVM optimises each distinct nest once. The call costs nothing
// measurable next to a loop nest.
//
//===----------------------------------------------------------------------===//

#include "attnc/Transforms/OutlineLoopNests.h"
#include "attnc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/DenseMap.h"
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

/// Scalar constants are recomputed in the outlined function, so LLVM sees
/// constant bounds and steps. Everything else, weights' buffers included,
/// is an argument: that keeps the nests of different layers equal.
bool isClonableConstant(Operation *def) {
  return def && def->getNumOperands() == 0 && def->getNumRegions() == 0 &&
         def->hasTrait<OpTrait::ConstantLike>();
}

/// A hash of the function's body that equal bodies share: the ops in order
/// with their names, attributes and types, not their locations or values.
llvm::hash_code hashBody(func::FuncOp function) {
  llvm::hash_code hash = hash_value(function.getFunctionType());
  function.getBody().walk([&](Operation *op) {
    hash = llvm::hash_combine(
        hash, OperationEquivalence::computeHash(
                  op, OperationEquivalence::ignoreHashValue,
                  OperationEquivalence::ignoreHashValue,
                  OperationEquivalence::IgnoreLocations));
  });
  return hash;
}

bool haveEqualBodies(func::FuncOp a, func::FuncOp b) {
  return a.getFunctionType() == b.getFunctionType() &&
         OperationEquivalence::isRegionEquivalentTo(
             &a.getBody(), &b.getBody(),
             OperationEquivalence::IgnoreLocations);
}

class LoopNestOutliner {
public:
  explicit LoopNestOutliner(ModuleOp module) : symbols(module) {}

  void outlineFunction(func::FuncOp function) {
    SmallVector<Operation *> loops;
    for (Block &block : function.getBody())
      for (Operation &op : block)
        if (isOutlinableLoop(&op))
          loops.push_back(&op);
    for (Operation *loop : loops)
      outline(loop, function);
  }

  attnc::OutlineLoopNestsResult result;

private:
  void outline(Operation *loop, func::FuncOp parent);
  func::FuncOp findEqual(func::FuncOp callee);

  SymbolTable symbols;
  llvm::DenseMap<llvm::hash_code, SmallVector<func::FuncOp, 1>> byHash;
};

func::FuncOp LoopNestOutliner::findEqual(func::FuncOp callee) {
  SmallVector<func::FuncOp, 1> &candidates = byHash[hashBody(callee)];
  for (func::FuncOp candidate : candidates)
    if (haveEqualBodies(candidate, callee))
      return candidate;
  candidates.push_back(callee);
  return nullptr;
}

void LoopNestOutliner::outline(Operation *loop, func::FuncOp parent) {
  MLIRContext *context = loop->getContext();
  Location loc = loop->getLoc();

  llvm::SetVector<Value> used(loop->operand_begin(), loop->operand_end());
  getUsedValuesDefinedAbove(loop->getRegions(), used);
  SmallVector<Value> arguments;
  SmallVector<Operation *> constants;
  for (Value value : used) {
    Operation *def = value.getDefiningOp();
    if (!isClonableConstant(def)) {
      arguments.push_back(value);
      continue;
    }
    if (!llvm::is_contained(constants, def))
      constants.push_back(def);
  }

  OpBuilder builder(context);
  auto type = FunctionType::get(context, ValueRange(arguments).getTypes(),
                                loop->getResultTypes());
  std::string name =
      (parent.getSymName() + "_loop" + Twine(result.loops)).str();
  auto callee = func::FuncOp::create(builder, loc, name, type);
  callee.setPrivate();
  // Called once each, the functions would be inlined straight back.
  callee->setAttr("passthrough",
                  builder.getArrayAttr({builder.getStringAttr("noinline")}));
  callee->setAttr("llvm.linkage", LLVM::LinkageAttr::get(
                                      context, LLVM::Linkage::Internal));
  Block *entry = callee.addEntryBlock();
  IRMapping mapping;
  mapping.map(arguments, entry->getArguments());
  builder.setInsertionPointToStart(entry);
  for (Operation *constant : constants)
    builder.clone(*constant, mapping);
  Operation *body = builder.clone(*loop, mapping);
  func::ReturnOp::create(builder, loc, body->getResults());
  ++result.loops;

  if (func::FuncOp equal = findEqual(callee)) {
    callee.erase();
    callee = equal;
  } else {
    // Inserting renames the function if `name` is taken.
    symbols.insert(callee);
    ++result.functions;
  }

  builder.setInsertionPoint(loop);
  auto call = func::CallOp::create(builder, loc, callee, arguments);
  loop->replaceAllUsesWith(call.getResults());
  loop->erase();
}

struct OutlineLoopNestsPass
    : attnc::impl::OutlineLoopNestsPassBase<OutlineLoopNestsPass> {
  void runOnOperation() override { attnc::outlineLoopNests(getOperation()); }
};

} // namespace

attnc::OutlineLoopNestsResult attnc::outlineLoopNests(ModuleOp module) {
  LoopNestOutliner outliner(module);
  // The functions are collected first: outlining adds functions to the
  // module, which must not be outlined again.
  SmallVector<func::FuncOp> functions(module.getOps<func::FuncOp>());
  for (func::FuncOp function : functions)
    if (!function.isDeclaration())
      outliner.outlineFunction(function);
  return outliner.result;
}
