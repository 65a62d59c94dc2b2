//===- RandomTensor.cpp - Deterministic random model inputs ---------------===//

#include "attnc/Runtime/RandomTensor.h"

#include "attnc/Runtime/FloatConversion.h"

using namespace llvm;

namespace attnc::runtime {

/// Fills `elements` with `value(draw)` for one draw per element.
template <typename T, typename Engine, typename ValueFn>
static void fill(MutableArrayRef<T> elements, Engine &engine, ValueFn value) {
  for (T &element : elements)
    element = value(engine());
}

/// A double uniform in [-1, 1): the top 53 bits as a fraction of 2^53.
static double toUnitInterval(uint64_t draw) {
  return -1.0 + 2.0 * static_cast<double>(draw >> 11) * 0x1.0p-53;
}

Expected<Tensor> RandomTensorGenerator::generate(ElementType type,
                                                 ArrayRef<int64_t> shape,
                                                 StringRef name) {
  Expected<Tensor> tensor = Tensor::create(type, shape, name);
  if (!tensor)
    return tensor.takeError();
  auto smallInteger = [](uint64_t draw) { return draw % 10; };
  switch (type) {
  case ElementType::F32:
    fill(tensor->getElements<float>(), engine, [](uint64_t draw) {
      return static_cast<float>(toUnitInterval(draw));
    });
    break;
  case ElementType::F64:
    fill(tensor->getElements<double>(), engine, toUnitInterval);
    break;
  case ElementType::F16:
    fill(tensor->getElements<uint16_t>(), engine, [](uint64_t draw) {
      return floatToHalf(static_cast<float>(toUnitInterval(draw)));
    });
    break;
  case ElementType::BF16:
    fill(tensor->getElements<uint16_t>(), engine, [](uint64_t draw) {
      return floatToBFloat16(static_cast<float>(toUnitInterval(draw)));
    });
    break;
  case ElementType::I64:
    fill(tensor->getElements<int64_t>(), engine, smallInteger);
    break;
  case ElementType::I32:
    fill(tensor->getElements<int32_t>(), engine, smallInteger);
    break;
  case ElementType::I8:
    fill(tensor->getElements<int8_t>(), engine, smallInteger);
    break;
  case ElementType::U8:
    fill(tensor->getElements<uint8_t>(), engine, smallInteger);
    break;
  case ElementType::Bool:
    fill(tensor->getElements<uint8_t>(), engine,
         [](uint64_t draw) { return draw & 1; });
    break;
  }
  return tensor;
}

} // namespace attnc::runtime
