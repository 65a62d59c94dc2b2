//===- FloatConversionTest.cpp - f16/bf16 conversions against APFloat -----===//
//
// llvm::APFloat is an independent, software IEEE implementation: every half
// bit pattern and a sweep of floats must convert exactly as it does.
//
//===----------------------------------------------------------------------===//

#include "attnc/Runtime/FloatConversion.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/bit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

using namespace attnc::runtime;
using llvm::APFloat;

namespace {

/// `value` narrowed by APFloat to `semantics`, as a 16-bit pattern.
uint16_t narrowWithAPFloat(float value, const llvm::fltSemantics &semantics) {
  APFloat converted(value);
  bool losesInfo;
  converted.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
  return static_cast<uint16_t>(converted.bitcastToAPInt().getZExtValue());
}

float widenWithAPFloat(uint16_t bits, const llvm::fltSemantics &semantics) {
  APFloat value(semantics, llvm::APInt(16, bits));
  bool losesInfo;
  value.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven,
                &losesInfo);
  return value.convertToFloat();
}

/// Bitwise equality, except that any NaN matches any NaN of the same sign
/// (payload propagation is not something the runtime relies on).
void expectSameFloat(float expected, float actual, uint32_t input) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << "input 0x" << std::hex << input;
    EXPECT_EQ(std::signbit(expected), std::signbit(actual));
    return;
  }
  EXPECT_EQ(llvm::bit_cast<uint32_t>(expected),
            llvm::bit_cast<uint32_t>(actual))
      << "input 0x" << std::hex << input;
}

void expectSameHalfBits(uint16_t expected, uint16_t actual, float input,
                        uint16_t exponentMask) {
  bool expectedNaN = (expected & exponentMask) == exponentMask &&
                     (expected & ~exponentMask & 0x7fff);
  if (expectedNaN) {
    EXPECT_EQ(actual & exponentMask, exponentMask) << "input " << input;
    EXPECT_NE(actual & ~exponentMask & 0x7fff, 0) << "input " << input;
    EXPECT_EQ(expected & 0x8000, actual & 0x8000);
    return;
  }
  EXPECT_EQ(expected, actual) << "input " << input << " (bits 0x" << std::hex
                              << llvm::bit_cast<uint32_t>(input) << ")";
}

TEST(FloatConversionTest, EveryHalfWidensExactly) {
  for (uint32_t bits = 0; bits <= 0xffff; ++bits)
    expectSameFloat(widenWithAPFloat(bits, APFloat::IEEEhalf()),
                    halfToFloat(static_cast<uint16_t>(bits)), bits);
}

TEST(FloatConversionTest, EveryBFloat16WidensExactly) {
  for (uint32_t bits = 0; bits <= 0xffff; ++bits)
    expectSameFloat(widenWithAPFloat(bits, APFloat::BFloat()),
                    bfloat16ToFloat(static_cast<uint16_t>(bits)), bits);
}

/// A sweep over float bit patterns with a stride that visits every exponent
/// with varied low mantissa bits (the ones rounding looks at), plus the
/// neighbours of every half and bf16 value, where ties and carries happen.
TEST(FloatConversionTest, FloatsNarrowLikeAPFloat) {
  auto check = [](uint32_t bits) {
    float value = llvm::bit_cast<float>(bits);
    expectSameHalfBits(narrowWithAPFloat(value, APFloat::IEEEhalf()),
                       floatToHalf(value), value, 0x7c00);
    expectSameHalfBits(narrowWithAPFloat(value, APFloat::BFloat()),
                       floatToBFloat16(value), value, 0x7f80);
  };
  for (uint64_t bits = 0; bits <= 0xffffffffu; bits += 4093)
    check(static_cast<uint32_t>(bits));
  for (uint32_t half = 0; half <= 0xffff; ++half) {
    uint32_t wide = llvm::bit_cast<uint32_t>(halfToFloat(half));
    // The exact value, the midpoint to the next half (a tie) and its
    // neighbours on either side.
    for (uint32_t delta : {0u, 1u, 0xfffu, 0x1000u, 0x1001u})
      check(wide + delta);
    check(static_cast<uint32_t>(half) << 16 | 0x8000); // bf16 tie
    check(static_cast<uint32_t>(half) << 16 | 0x8001);
    check(static_cast<uint32_t>(half) << 16 | 0x7fff);
  }
}

TEST(FloatConversionTest, SpecialValues) {
  float inf = std::numeric_limits<float>::infinity();
  EXPECT_EQ(floatToHalf(inf), 0x7c00);
  EXPECT_EQ(floatToHalf(-inf), 0xfc00);
  EXPECT_EQ(floatToHalf(65504.0f), 0x7bff);   // largest half
  EXPECT_EQ(floatToHalf(65520.0f), 0x7c00);   // the tie above it: infinity
  EXPECT_EQ(floatToHalf(0x1.0p-24f), 0x0001); // smallest subnormal
  EXPECT_EQ(floatToHalf(0x1.0p-25f), 0x0000); // its half: ties to even zero
  EXPECT_EQ(floatToHalf(-0.0f), 0x8000);
  EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(std::nanf("")))));
  EXPECT_EQ(floatToBFloat16(1.0f), 0x3f80);
  EXPECT_EQ(floatToBFloat16(-inf), 0xff80);
  EXPECT_TRUE(std::isnan(bfloat16ToFloat(floatToBFloat16(std::nanf("")))));
}

} // namespace
