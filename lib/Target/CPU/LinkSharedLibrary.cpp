//===- LinkSharedLibrary.cpp - Objects to shared libraries ----------------===//

#include "attnc/Target/CPU/CPUTarget.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

using namespace mlir;

LogicalResult attnc::linkSharedLibrary(llvm::StringRef objectPath,
                                       llvm::StringRef outputPath,
                                       Location loc, llvm::StringRef driver) {
  // A C compiler driver knows the system's crt files and library paths, which
  // a bare linker invocation would have to rediscover.
  std::string program = driver.empty() ? ATTNC_DEFAULT_LINKER_DRIVER : driver.str();
  llvm::ErrorOr<std::string> found = llvm::sys::findProgramByName(program);
  if (!found)
    found = llvm::sys::findProgramByName("cc");
  if (!found)
    return emitError(loc) << "cannot link '" << outputPath
                          << "': no C compiler driver found (tried '" << program
                          << "' and 'cc')";
  std::string objectArg = objectPath.str(), outputArg = outputPath.str();
  llvm::SmallVector<llvm::StringRef> args = {*found,   "-shared",  "-o",
                                             outputArg, objectArg, "-lm"};
  std::string error;
  int status = llvm::sys::ExecuteAndWait(*found, args, /*Env=*/std::nullopt,
                                         /*Redirects=*/{}, /*SecondsToWait=*/0,
                                         /*MemoryLimit=*/0, &error);
  if (status != 0)
    return emitError(loc) << "linking '" << outputPath << "' with '" << *found
                          << "' failed"
                          << (error.empty() ? "" : ": " + error);
  return success();
}
