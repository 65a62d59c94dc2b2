//===- Passes.h - attnc conversion passes -----------------------*- C++ -*-===//

#ifndef ATTNC_CONVERSION_PASSES_H
#define ATTNC_CONVERSION_PASSES_H

#include "attnc/Conversion/AttnToLinalg/AttnToLinalg.h"
#include "attnc/Conversion/MemRefCopyToLinalg/MemRefCopyToLinalg.h"
#include "attnc/Conversion/ONNXToAttn/ONNXToAttn.h"
#include "attnc/Conversion/ONNXToLinalg/ONNXToLinalg.h"

#include "mlir/Pass/Pass.h"

namespace attnc {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "attnc/Conversion/Passes.h.inc"

} // namespace attnc

#endif // ATTNC_CONVERSION_PASSES_H
