//===- RuntimeTestUtils.h - llvm::Error helpers for the runtime tests -----===//
//
// LLVM's gtest matchers for Error live in LLVMTestingSupport, which the
// installed LLVM does not ship; these few helpers cover what the tests need.
//
//===----------------------------------------------------------------------===//

#ifndef ATTNC_UNITTESTS_RUNTIME_RUNTIMETESTUTILS_H
#define ATTNC_UNITTESTS_RUNTIME_RUNTIMETESTUTILS_H

#include "llvm/Support/Error.h"

#include <gtest/gtest.h>

#include <string>

namespace attnc::runtime::testing {

/// The value of `expected`; records a test failure with the message if it is
/// an error and returns T() instead.
template <typename T> T takeValue(llvm::Expected<T> expected) {
  if (!expected) {
    ADD_FAILURE() << "unexpected error: "
                  << llvm::toString(expected.takeError());
    return T();
  }
  return std::move(*expected);
}

/// The message of `error`, or "" on success.
inline std::string takeErrorMessage(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : std::string();
}

/// The error message of `expected`, or "" when it holds a value.
template <typename T> std::string takeErrorMessage(llvm::Expected<T> expected) {
  return expected ? std::string() : llvm::toString(expected.takeError());
}

} // namespace attnc::runtime::testing

#endif // ATTNC_UNITTESTS_RUNTIME_RUNTIMETESTUTILS_H
