//===- TestDataDirTest.cpp - Binding test-data files to model I/O ---------===//

#include "RuntimeTestUtils.h"

#include "attnc/Runtime/TensorIO.h"
#include "attnc/Runtime/TestDataDir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace attnc::runtime;
using namespace attnc::runtime::testing;

namespace {

class TestDataDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("attnc-testdata", dir));
    for (const char *name : {"a", "b", "c"})
      descs.push_back({name, ElementType::F32, {1}});
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string path(llvm::StringRef name) {
    llvm::SmallString<128> result(dir);
    llvm::sys::path::append(result, name);
    return std::string(result);
  }

  /// Writes a one-element tensor holding `value`, named `tensorName`.
  void write(llvm::StringRef fileName, llvm::StringRef tensorName,
             float value) {
    Tensor tensor =
        takeValue(Tensor::create(ElementType::F32, {1}, tensorName));
    tensor.getElements<float>()[0] = value;
    llvm::Error error = fileName.ends_with(".npy")
                            ? writeNpyFile(tensor, path(fileName))
                            : writeTensorProtoFile(tensor, path(fileName));
    ASSERT_EQ(takeErrorMessage(std::move(error)), "");
  }

  using Bound = llvm::SmallVector<std::optional<TensorFromFile>>;

  Bound load() { return takeValue(loadTestDataTensors(dir, "input", descs)); }

  /// The value bound to description `index`, or -1 when none is.
  static float valueOf(const Bound &bound, size_t index) {
    return bound[index] ? bound[index]->tensor.getElements<float>()[0] : -1;
  }

  llvm::SmallString<128> dir;
  llvm::SmallVector<TensorDesc> descs;
};

TEST_F(TestDataDirTest, BindsByPosition) {
  write("input_0.pb", "", 10);
  write("input_1.pb", "", 11);
  write("input_2.npy", "", 12);
  write("output_0.pb", "", 99); // another prefix
  write("input_x.pb", "", 99);  // not a number
  Bound bound = load();
  EXPECT_EQ(valueOf(bound, 0), 10);
  EXPECT_EQ(valueOf(bound, 1), 11);
  EXPECT_EQ(valueOf(bound, 2), 12);
  EXPECT_EQ(bound[1]->path, path("input_1.pb"));
}

TEST_F(TestDataDirTest, NamesWinOverPositions) {
  write("input_0.pb", "c", 10);
  write("input_1.pb", "renamed", 11); // unknown name: falls back to position
  write("input_2.pb", "a", 12);
  Bound bound = load();
  EXPECT_EQ(valueOf(bound, 0), 12);
  EXPECT_EQ(valueOf(bound, 1), 11);
  EXPECT_EQ(valueOf(bound, 2), 10);
}

TEST_F(TestDataDirTest, RejectsAPositionTakenByName) {
  write("input_0.pb", "c", 10);
  write("input_2.pb", "", 12);
  EXPECT_EQ(takeErrorMessage(loadTestDataTensors(dir, "input", descs)),
            "'" + path("input_2.pb") + "': input 2 'c' is already given by '" +
                path("input_0.pb") + "'");
}

TEST_F(TestDataDirTest, LeavesGapsUnbound) {
  write("input_0.pb", "a", 10);
  write("input_2.pb", "c", 12);
  Bound bound = load();
  EXPECT_EQ(valueOf(bound, 0), 10);
  EXPECT_FALSE(bound[1]);
  EXPECT_EQ(valueOf(bound, 2), 12);
}

TEST_F(TestDataDirTest, RejectsTwoFilesForOneInput) {
  write("input_0.pb", "b", 10);
  write("input_1.pb", "", 11);
  EXPECT_EQ(takeErrorMessage(loadTestDataTensors(dir, "input", descs)),
            "'" + path("input_1.pb") + "': input 1 'b' is already given by '" +
                path("input_0.pb") + "'");
}

TEST_F(TestDataDirTest, RejectsFilesBeyondTheInputs) {
  write("input_3.pb", "", 13);
  EXPECT_EQ(takeErrorMessage(loadTestDataTensors(dir, "input", descs)),
            "'" + path("input_3.pb") +
                "': matches no input of the model (it has 3 inputs)");
}

TEST_F(TestDataDirTest, ReportsUnreadableFilesAndFolders) {
  std::string bad = path("input_0.pb");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(bad, ec);
    os << "\xff\xff";
  }
  EXPECT_EQ(takeErrorMessage(loadTestDataTensors(dir, "input", descs)),
            "'" + bad + "': is not a serialized onnx.TensorProto");
  std::string missing = path("missing");
  EXPECT_NE(takeErrorMessage(loadTestDataTensors(missing, "input", descs))
                .find(missing),
            std::string::npos);
}

TEST(TestDataPathTest, FollowsTheBackendTestLayout) {
  EXPECT_EQ(getTestDataPath("data", "output", 3), "data/output_3.pb");
}

} // namespace
