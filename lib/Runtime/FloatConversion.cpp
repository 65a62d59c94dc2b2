//===- FloatConversion.cpp - f16 and bf16 bit patterns to and from f32 ----===//
//
// Integer-only implementations: the results do not depend on the rounding
// mode or flush-to-zero settings a model library may have left behind.
//
//===----------------------------------------------------------------------===//

#include "attnc/Runtime/FloatConversion.h"

#include "llvm/ADT/bit.h"

namespace attnc::runtime {

float halfToFloat(uint16_t bits) {
  uint32_t sign = static_cast<uint32_t>(bits & 0x8000) << 16;
  uint32_t exponent = (bits >> 10) & 0x1f;
  uint32_t mantissa = bits & 0x3ff;
  if (exponent == 0x1f) // Infinity or NaN; the payload moves up unchanged.
    return llvm::bit_cast<float>(sign | 0x7f800000 | (mantissa << 13));
  if (exponent != 0) // Normal: rebias the exponent from 15 to 127.
    return llvm::bit_cast<float>(sign | ((exponent + 112) << 23) |
                                 (mantissa << 13));
  if (mantissa == 0)
    return llvm::bit_cast<float>(sign);
  // Subnormal half, normal float: shift the leading one into the implicit
  // position, lowering the exponent once per shift.
  uint32_t floatExponent = 113;
  while (!(mantissa & 0x400)) {
    mantissa <<= 1;
    --floatExponent;
  }
  mantissa &= 0x3ff;
  return llvm::bit_cast<float>(sign | (floatExponent << 23) | (mantissa << 13));
}

/// Shifts `value` right by `shift` (1..31) rounding to nearest, ties to even.
static uint32_t shiftRightRoundEven(uint32_t value, uint32_t shift) {
  uint32_t kept = value >> shift;
  uint32_t rest = value & ((1u << shift) - 1);
  uint32_t halfway = 1u << (shift - 1);
  if (rest > halfway || (rest == halfway && (kept & 1)))
    ++kept;
  return kept;
}

uint16_t floatToHalf(float value) {
  uint32_t bits = llvm::bit_cast<uint32_t>(value);
  uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000);
  uint32_t exponent = (bits >> 23) & 0xff;
  uint32_t mantissa = bits & 0x7fffff;
  if (exponent == 0xff) {
    if (mantissa == 0)
      return sign | 0x7c00;
    // Keep the top payload bits and force the quiet bit, so that a NaN whose
    // payload lives only in the low bits does not turn into an infinity.
    return sign | 0x7e00 | static_cast<uint16_t>(mantissa >> 13);
  }
  // Half exponent = exponent - 127 + 15; 113 is the smallest normal one.
  if (exponent >= 113) {
    // Mantissa and exponent rounded together: a carry out of the mantissa
    // correctly bumps the exponent, up to 0x7c00 (infinity).
    uint32_t combined = ((exponent - 112) << 23) | mantissa;
    uint32_t rounded = shiftRightRoundEven(combined, 13);
    if (rounded >= 0x7c00)
      return sign | 0x7c00;
    return sign | static_cast<uint16_t>(rounded);
  }
  // Below the half normal range: the result is a multiple of 2^-24. The
  // value is m * 2^(exponent - 150) with m the significand; in units of
  // 2^-24 that is m >> (126 - exponent). A shift of 25 or more leaves less than
  // half a unit, which rounds to zero. Rounding up to 0x400 gives the smallest
  // normal, whose bit pattern is exactly 0x400.
  uint32_t significand = exponent ? (mantissa | 0x800000) : mantissa;
  uint32_t shift = 126 - exponent;
  if (shift >= 25)
    return sign;
  return sign | static_cast<uint16_t>(shiftRightRoundEven(significand, shift));
}

float bfloat16ToFloat(uint16_t bits) {
  return llvm::bit_cast<float>(static_cast<uint32_t>(bits) << 16);
}

uint16_t floatToBFloat16(float value) {
  uint32_t bits = llvm::bit_cast<uint32_t>(value);
  if ((bits & 0x7f800000) == 0x7f800000 && (bits & 0x7fffff))
    return static_cast<uint16_t>((bits >> 16) | 0x40); // quiet NaN
  // Adding 0x7fff plus the lowest kept bit rounds to nearest even; a carry
  // into the exponent is correct and saturates at infinity.
  bits += 0x7fff + ((bits >> 16) & 1);
  return static_cast<uint16_t>(bits >> 16);
}

} // namespace attnc::runtime
