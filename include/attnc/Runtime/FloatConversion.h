//===- FloatConversion.h - f16/bf16 bits to and from f32 --------*- C++ -*-===//
//
// Models exchange f16 and bf16 tensors as raw 16-bit patterns; the runtime
// widens them to f32 to compare results and narrows f32 to make random inputs.
// These are plain bit manipulations, independent of the host's FP environment.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_RUNTIME_FLOATCONVERSION_H
#define ATTNC_RUNTIME_FLOATCONVERSION_H

#include <cstdint>

namespace attnc::runtime {

/// IEEE binary16 to binary32; exact (subnormals, infinities and NaN payloads
/// included).
float halfToFloat(uint16_t bits);

/// binary32 to binary16, rounding to nearest even; values beyond the half range
/// become infinities and NaNs stay (quiet) NaNs.
uint16_t floatToHalf(float value);

/// bfloat16 (the upper half of a binary32) to binary32; exact.
float bfloat16ToFloat(uint16_t bits);

/// binary32 to bfloat16, rounding to nearest even; NaNs stay (quiet) NaNs.
uint16_t floatToBFloat16(float value);

} // namespace attnc::runtime

#endif // ATTNC_RUNTIME_FLOATCONVERSION_H
