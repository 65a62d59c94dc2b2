//===- InitAllPasses.h - Register every attnc pass --------------*- C++ -*-===//
//
// For tools and embedders: makes attnc's passes and pipelines available to
// textual pass pipelines (`--pass-pipeline=`, `parsePassPipeline`).
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_INITALLPASSES_H
#define ATTNC_INITALLPASSES_H

namespace attnc {

/// Registers attnc's passes and pass pipelines with the global registry.
/// Idempotent.
void registerAllPasses();

} // namespace attnc

#endif // ATTNC_INITALLPASSES_H
