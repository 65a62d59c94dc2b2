//===- MergeIdenticalConstants.cpp - Merge onnx.Constant duplicates -------===//
//
// CSE merges constants whose attributes are the same object. Dense elements
// attributes are uniqued, so equal dense constants already are; a
// dense_resource attribute is a handle to a blob, one per imported
// initializer, so two initializers with the same bytes stay apart. This
// compares what constants hold instead: element bytes for dense and resource
// attributes, attribute identity for anything else (strings, i1, elided
// resources).
//
//===----------------------------------------------------------------------===//

#include "attnc/Dialect/ONNX/Transforms/Transforms.h"

#include "attnc/Dialect/ONNX/IR/ONNXOps.h"

#include "mlir/IR/Block.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallVector.h"

#include <cstring>
#include <unordered_map>

using namespace mlir;

namespace {

/// What a constant holds, in the form it is compared in.
struct ConstantContents {
  Value result;
  ElementsAttr value;
  ShapedType type;
  /// Row-major element bytes; one element when `splat`. Empty when the
  /// contents are compared by attribute identity (`bytesKnown` false).
  ArrayRef<char> bytes;
  size_t elementBytes = 0;
  bool splat = false;
  bool bytesKnown = false;
};

/// Whether `bytes` is one element repeated: every element equals the one
/// after it, i.e. the buffer equals itself shifted by one element.
bool isUniform(ArrayRef<char> bytes, size_t elementBytes) {
  return bytes.size() >= elementBytes &&
         std::memcmp(bytes.data(), bytes.data() + elementBytes,
                     bytes.size() - elementBytes) == 0;
}

ConstantContents readContents(onnx::ConstantOp op) {
  auto value = cast<ElementsAttr>(op.getValue());
  ConstantContents contents;
  contents.result = op.getResult();
  contents.value = value;
  contents.type = value.getShapedType();
  Type element = value.getElementType();
  // i1 is bit-packed in dense attributes and byte-wide in blobs, and index
  // has no fixed width: compare those by identity.
  if (!element.isIntOrFloat() || element.getIntOrFloatBitWidth() % 8 != 0)
    return contents;
  contents.elementBytes = element.getIntOrFloatBitWidth() / 8;
  if (auto dense = dyn_cast<DenseIntOrFPElementsAttr>(value)) {
    contents.bytes = dense.getRawData();
    contents.splat = dense.isSplat();
    contents.bytesKnown = true;
    return contents;
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    // An elided or not yet loaded resource has no blob: nothing to compare.
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return contents;
    ArrayRef<char> bytes = blob->getData();
    if (bytes.size() !=
        static_cast<size_t>(value.getNumElements()) * contents.elementBytes)
      return contents;
    contents.bytes = bytes;
    contents.bytesKnown = true;
  }
  return contents;
}

/// A hash equal for equal contents: a splat and a blob holding one value
/// repeated hash alike, as the value and the type.
llvm::hash_code hashContents(const ConstantContents &c) {
  llvm::hash_code type = llvm::hash_value(c.type.getAsOpaquePointer());
  if (!c.bytesKnown)
    return llvm::hash_combine(type, c.value.getAsOpaquePointer());
  if (c.splat || isUniform(c.bytes, c.elementBytes)) {
    ArrayRef<char> element = c.bytes.take_front(c.elementBytes);
    return llvm::hash_combine(
        type, true, llvm::hash_combine_range(element.begin(), element.end()));
  }
  return llvm::hash_combine(
      type, false, llvm::hash_combine_range(c.bytes.begin(), c.bytes.end()));
}

/// Whether every element of `full` (row-major bytes) is `element`.
bool allElementsEqual(ArrayRef<char> full, ArrayRef<char> element) {
  if (element.empty())
    return full.empty();
  for (size_t at = 0; at < full.size(); at += element.size())
    if (full.slice(at, element.size()) != element)
      return false;
  return true;
}

bool sameContents(const ConstantContents &a, const ConstantContents &b) {
  if (a.type != b.type)
    return false;
  if (!a.bytesKnown || !b.bytesKnown)
    return a.value == b.value;
  if (a.splat == b.splat)
    return a.bytes == b.bytes;
  const ConstantContents &splat = a.splat ? a : b;
  const ConstantContents &full = a.splat ? b : a;
  return allElementsEqual(full.bytes, splat.bytes.take_front(a.elementBytes));
}

/// Merges the constants of one block into their first occurrence, which
/// dominates every later use in the block and in its nested regions.
int64_t mergeInBlock(Block &block) {
  // Keyed by the full hash: DenseMap reserves two key values a hash may take.
  std::unordered_map<size_t, SmallVector<ConstantContents, 1>> seen;
  int64_t merged = 0;
  for (Operation &op : llvm::make_early_inc_range(block)) {
    auto constant = dyn_cast<onnx::ConstantOp>(op);
    if (!constant)
      continue;
    ConstantContents contents = readContents(constant);
    SmallVector<ConstantContents, 1> &bucket =
        seen[static_cast<size_t>(hashContents(contents))];
    const ConstantContents *earlier =
        llvm::find_if(bucket, [&](const ConstantContents &candidate) {
          return sameContents(candidate, contents);
        });
    if (earlier == bucket.end()) {
      bucket.push_back(contents);
      continue;
    }
    constant.getResult().replaceAllUsesWith(earlier->result);
    constant->erase();
    ++merged;
  }
  return merged;
}

} // namespace

int64_t onnx::mergeIdenticalConstants(Operation *root) {
  int64_t merged = 0;
  root->walk([&](Block *block) { merged += mergeInBlock(*block); });
  return merged;
}
