//===- TensorIOTest.cpp - .pb and .npy tensors ----------------------------===//
//------------------------------===//
//
// Round trips for every element type, the typed TensorProto fields, bytes
// written by other implementations (hand-encoded protobuf, numpy.save), and
// every malformed input the readers must reject without crashing.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtils.h"

#include "attnc/Runtime/FloatConversion.h"
#include "attnc/Runtime/TensorIO.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <onnx/onnx_pb.h>

#include <gtest/gtest.h>

#include <cstring>
#include <numeric>
#include <string>

using namespace attnc::runtime;
using namespace attnc::runtime::testing;
using ::onnx::TensorProto;

namespace {

const ElementType kAllTypes[] = {
    ElementType::F32, ElementType::U8,  ElementType::I8,
    ElementType::I32, ElementType::I64, ElementType::Bool,
    ElementType::F16, ElementType::F64, ElementType::BF16};

/// A tensor whose bytes are a recognisable pattern (0/1 for bool).
Tensor makePatterned(ElementType type, llvm::ArrayRef<int64_t> shape,
                     llvm::StringRef name = "t") {
  Tensor tensor = takeValue(Tensor::create(type, shape, name));
  for (auto [i, byte] : llvm::enumerate(tensor.getBytes()))
    byte = type == ElementType::Bool ? i % 2 : static_cast<uint8_t>(i * 7 + 3);
  return tensor;
}

void expectSameTensor(const Tensor &expected, const Tensor &actual) {
  EXPECT_EQ(expected.getElementType(), actual.getElementType());
  EXPECT_EQ(expected.getShape(), actual.getShape());
  EXPECT_EQ(expected.getBytes(), actual.getBytes());
}

std::string serialize(const TensorProto &proto) {
  return proto.SerializeAsString();
}

/// The error of parsing `proto` as "t.pb".
std::string protoError(const TensorProto &proto) {
  return takeErrorMessage(parseTensorProto(serialize(proto), "t.pb"));
}

//===----------------------------------------------------------------------===//
// TensorProto
//===----------------------------------------------------------------------===//

TEST(TensorProtoTest, RoundTripsEveryType) {
  for (ElementType type : kAllTypes) {
    SCOPED_TRACE(getElementTypeName(type).str());
    Tensor tensor = makePatterned(type, {2, 3}, "logits");
    std::string bytes = takeValue(serializeTensorProto(tensor));
    Tensor parsed = takeValue(parseTensorProto(bytes, "t.pb"));
    expectSameTensor(tensor, parsed);
    EXPECT_EQ(parsed.getName(), "logits");
  }
}

TEST(TensorProtoTest, RoundTripsScalarsAndEmptyTensors) {
  Tensor scalar = makePatterned(ElementType::I64, {});
  expectSameTensor(scalar,
                   takeValue(parseTensorProto(
                       takeValue(serializeTensorProto(scalar)), "t.pb")));
  Tensor empty = makePatterned(ElementType::F32, {0, 4});
  Tensor parsed = takeValue(
      parseTensorProto(takeValue(serializeTensorProto(empty)), "t.pb"));
  expectSameTensor(empty, parsed);
  EXPECT_EQ(parsed.getNumElements(), 0);
  EXPECT_NE(parsed.data(), nullptr); // models still get a valid pointer
}

/// Bytes encoded by hand from the protobuf wire format, independent of
/// libprotobuf: dims [2] (field 1), data_type FLOAT (field 2), name "x"
/// (field 8), raw_data 1.0f, -2.0f (field 9).
TEST(TensorProtoTest, ReadsHandEncodedBytes) {
  const char bytes[] = "\x08\x02"
                       "\x10\x01"
                       "\x42\x01x"
                       "\x4a\x08\x00\x00\x80\x3f\x00\x00\x00\xc0";
  Tensor tensor = takeValue(
      parseTensorProto(llvm::StringRef(bytes, sizeof(bytes) - 1), "t.pb"));
  EXPECT_EQ(tensor.getName(), "x");
  EXPECT_EQ(tensor.getTypeString(), "2xf32");
  EXPECT_EQ(tensor.getElements<float>()[0], 1.0f);
  EXPECT_EQ(tensor.getElements<float>()[1], -2.0f);
}

TEST(TensorProtoTest, ReadsTypedFields) {
  TensorProto f32;
  f32.set_data_type(TensorProto::FLOAT);
  f32.add_dims(2);
  f32.add_float_data(1.5f);
  f32.add_float_data(-3.0f);
  Tensor a = takeValue(parseTensorProto(serialize(f32), "t.pb"));
  EXPECT_EQ(a.getElements<float>()[1], -3.0f);

  TensorProto i64;
  i64.set_data_type(TensorProto::INT64);
  i64.add_int64_data(-5);
  Tensor b = takeValue(parseTensorProto(serialize(i64), "t.pb")); // scalar
  EXPECT_EQ(b.getRank(), 0);
  EXPECT_EQ(b.getElements<int64_t>()[0], -5);

  TensorProto f64;
  f64.set_data_type(TensorProto::DOUBLE);
  f64.add_dims(1);
  f64.add_double_data(0.25);
  EXPECT_EQ(takeValue(parseTensorProto(serialize(f64), "t.pb"))
                .getElements<double>()[0],
            0.25);

  // The spec puts f16 bit patterns, bools, int8 and uint8 in int32_data.
  TensorProto f16;
  f16.set_data_type(TensorProto::FLOAT16);
  f16.add_dims(2);
  f16.add_int32_data(floatToHalf(1.0f));
  f16.add_int32_data(floatToHalf(-0.5f));
  Tensor c = takeValue(parseTensorProto(serialize(f16), "t.pb"));
  EXPECT_EQ(halfToFloat(c.getElements<uint16_t>()[1]), -0.5f);

  TensorProto i8;
  i8.set_data_type(TensorProto::INT8);
  i8.add_dims(2);
  i8.add_int32_data(-128);
  i8.add_int32_data(127);
  Tensor d = takeValue(parseTensorProto(serialize(i8), "t.pb"));
  EXPECT_EQ(d.getElements<int8_t>()[0], -128);
  EXPECT_EQ(d.getElements<int8_t>()[1], 127);

  TensorProto boolean;
  boolean.set_data_type(TensorProto::BOOL);
  boolean.add_dims(3);
  for (int v : {1, 0, 1})
    boolean.add_int32_data(v);
  Tensor e = takeValue(parseTensorProto(serialize(boolean), "t.pb"));
  EXPECT_EQ(e.getElements<uint8_t>()[0], 1);
  EXPECT_EQ(e.getElements<uint8_t>()[1], 0);

  TensorProto bf16;
  bf16.set_data_type(TensorProto::BFLOAT16);
  bf16.add_dims(1);
  bf16.add_int32_data(floatToBFloat16(3.0f));
  EXPECT_EQ(bfloat16ToFloat(takeValue(parseTensorProto(serialize(bf16), "t.pb"))
                                .getElements<uint16_t>()[0]),
            3.0f);
}

TEST(TensorProtoTest, RejectsGarbage) {
  EXPECT_EQ(takeErrorMessage(parseTensorProto("\xff\xff\xff", "bad.pb")),
            "'bad.pb': is not a serialized onnx.TensorProto");
  // An empty message parses, but has no element type.
  EXPECT_EQ(takeErrorMessage(parseTensorProto("", "empty.pb")),
            "'empty.pb': tensor '' has unsupported element type UNDEFINED "
            "(data_type 0)");
}

TEST(TensorProtoTest, RejectsTruncatedFiles) {
  Tensor tensor = makePatterned(ElementType::F32, {4, 4}, "x");
  std::string bytes = takeValue(serializeTensorProto(tensor));
  // Every prefix must fail cleanly: either the message does not parse, or
  // its raw_data is shorter than the shape needs.
  for (size_t length = 1; length < bytes.size(); ++length)
    EXPECT_NE(takeErrorMessage(parseTensorProto(
                  llvm::StringRef(bytes).take_front(length), "t.pb")),
              "")
        << "prefix of " << length << " bytes";
}

TEST(TensorProtoTest, RejectsDataThatDoesNotMatchTheShape) {
  TensorProto raw;
  raw.set_name("x");
  raw.set_data_type(TensorProto::FLOAT);
  raw.add_dims(2);
  raw.add_dims(3);
  raw.set_raw_data(std::string(20, '\0'));
  EXPECT_EQ(protoError(raw), "'t.pb': tensor 'x' has 20 bytes of raw_data, "
                             "but a 2x3xf32 tensor needs 24");

  TensorProto typed;
  typed.set_name("y");
  typed.set_data_type(TensorProto::INT64);
  typed.add_dims(3);
  typed.add_int64_data(1);
  EXPECT_EQ(protoError(typed), "'t.pb': tensor 'y' has 1 values in "
                               "int64_data, but a 3xi64 tensor needs 3");

  // A huge shape is rejected from the data size, before allocating.
  TensorProto huge;
  huge.set_name("z");
  huge.set_data_type(TensorProto::FLOAT);
  huge.add_dims(int64_t(1) << 40);
  huge.set_raw_data(std::string(4, '\0'));
  EXPECT_EQ(protoError(huge), "'t.pb': tensor 'z' has 4 bytes of raw_data, "
                              "but a 1099511627776xf32 tensor needs "
                              "4398046511104");
}

TEST(TensorProtoTest, RejectsBadDims) {
  TensorProto negative;
  negative.set_name("x");
  negative.set_data_type(TensorProto::FLOAT);
  negative.add_dims(-2);
  EXPECT_EQ(protoError(negative), "'t.pb': tensor 'x' has invalid dims: "
                                  "expects non-negative dims, but got -2");

  TensorProto overflowing;
  overflowing.set_name("x");
  overflowing.set_data_type(TensorProto::FLOAT);
  for (int i = 0; i < 3; ++i)
    overflowing.add_dims(int64_t(1) << 30);
  EXPECT_EQ(protoError(overflowing),
            "'t.pb': tensor 'x' has invalid dims: the element count of the "
            "shape overflows");
}

TEST(TensorProtoTest, RejectsMisplacedData) {
  TensorProto wrongField;
  wrongField.set_name("x");
  wrongField.set_data_type(TensorProto::FLOAT);
  wrongField.add_dims(1);
  wrongField.add_int64_data(1);
  EXPECT_EQ(protoError(wrongField), "'t.pb': tensor 'x' of type 1xf32 has "
                                    "data in int64_data, expected float_data");

  TensorProto both;
  both.set_name("x");
  both.set_data_type(TensorProto::FLOAT);
  both.add_dims(1);
  both.add_float_data(1);
  both.set_raw_data(std::string(4, '\0'));
  EXPECT_EQ(protoError(both), "'t.pb': tensor 'x' has data in both raw_data "
                              "and float_data");

  TensorProto outOfRange;
  outOfRange.set_name("b");
  outOfRange.set_data_type(TensorProto::BOOL);
  outOfRange.add_dims(2);
  outOfRange.add_int32_data(0);
  outOfRange.add_int32_data(2);
  EXPECT_EQ(protoError(outOfRange),
            "'t.pb': int32_data[1] = 2 is out of range for bool");
}

TEST(TensorProtoTest, RejectsExternalData) {
  TensorProto external;
  external.set_name("w");
  external.set_data_type(TensorProto::FLOAT);
  external.add_dims(1);
  external.set_data_location(TensorProto::EXTERNAL);
  auto *entry = external.add_external_data();
  entry->set_key("location");
  entry->set_value("weights.bin");
  EXPECT_EQ(protoError(external), "'t.pb': tensor 'w' uses external data, "
                                  "which a .pb test file cannot");
}

TEST(TensorProtoTest, RejectsUnsupportedTypes) {
  TensorProto strings;
  strings.set_name("s");
  strings.set_data_type(TensorProto::STRING);
  strings.add_dims(1);
  strings.add_string_data("hello");
  EXPECT_EQ(protoError(strings), "'t.pb': tensor 's' has unsupported element "
                                 "type STRING (data_type 8)");
}

//===----------------------------------------------------------------------===//
// .npy
//===----------------------------------------------------------------------===//

/// What numpy 1.24 writes for np.save(f, np.zeros((2, 3), np.float32)) up to
/// the data: magic, version 1.0, header length 118, the dict padded to 128.
std::string numpyHeader(llvm::StringRef dict) {
  std::string header("\x93NUMPY\x01\x00", 8);
  std::string padded = dict.str();
  padded.append(127 - 10 - padded.size(), ' ');
  padded.push_back('\n');
  header.push_back(static_cast<char>(padded.size()));
  header.push_back('\0');
  return header + padded;
}

TEST(NpyTest, WritesExactlyWhatNumpyWrites) {
  Tensor tensor = makePatterned(ElementType::F32, {2, 3});
  std::string bytes = takeValue(serializeNpy(tensor));
  std::string header = numpyHeader(
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
  ASSERT_EQ(header.size(), 128u);
  EXPECT_EQ(llvm::StringRef(bytes).take_front(128), header);
  EXPECT_EQ(bytes.size(), 128u + 24u);

  // The tuple syntax of rank 1 and rank 0, and the bool dtype.
  EXPECT_EQ(llvm::StringRef(
                takeValue(serializeNpy(makePatterned(ElementType::I64, {5}))))
                .take_front(128),
            numpyHeader("{'descr': '<i8', 'fortran_order': False, "
                        "'shape': (5,), }"));
  EXPECT_EQ(llvm::StringRef(
                takeValue(serializeNpy(makePatterned(ElementType::F16, {}))))
                .take_front(128),
            numpyHeader("{'descr': '<f2', 'fortran_order': False, "
                        "'shape': (), }"));
  EXPECT_EQ(llvm::StringRef(takeValue(serializeNpy(
                                makePatterned(ElementType::Bool, {1, 2}))))
                .take_front(128),
            numpyHeader("{'descr': '|b1', 'fortran_order': False, "
                        "'shape': (1, 2), }"));
}

TEST(NpyTest, RoundTripsEveryNumpyType) {
  for (ElementType type : kAllTypes) {
    if (type == ElementType::BF16)
      continue;
    SCOPED_TRACE(getElementTypeName(type).str());
    Tensor tensor = makePatterned(type, {3, 1, 2});
    expectSameTensor(
        tensor, takeValue(parseNpy(takeValue(serializeNpy(tensor)), "t.npy")));
  }
}

TEST(NpyTest, HasNoBFloat16) {
  EXPECT_EQ(
      takeErrorMessage(serializeNpy(makePatterned(ElementType::BF16, {1}))),
      "NumPy has no dtype for bf16");
}

TEST(NpyTest, ReadsOtherHeaderSpellings) {
  // Format 2.0 (4-byte length), double quotes, no trailing comma, extra
  // spaces and a Fortran-order vector (the same bytes as C order).
  std::string dict =
      "{\"shape\": ( 2 , ),\"fortran_order\": True, \"descr\": '<i4'}\n";
  std::string bytes("\x93NUMPY\x02\x00", 8);
  uint32_t length = dict.size();
  bytes.append(reinterpret_cast<const char *>(&length), 4);
  bytes += dict;
  int32_t values[2] = {-7, 9};
  bytes.append(reinterpret_cast<const char *>(values), sizeof(values));
  Tensor tensor = takeValue(parseNpy(bytes, "t.npy"));
  EXPECT_EQ(tensor.getTypeString(), "2xi32");
  EXPECT_EQ(tensor.getElements<int32_t>()[0], -7);
  EXPECT_EQ(tensor.getElements<int32_t>()[1], 9);
}

/// The error of parsing a format 1.0 file with `dict` and `dataBytes` bytes.
std::string npyError(llvm::StringRef dict, size_t dataBytes) {
  return takeErrorMessage(
      parseNpy(numpyHeader(dict) + std::string(dataBytes, '\0'), "t.npy"));
}

TEST(NpyTest, RejectsMalformedFiles) {
  EXPECT_EQ(takeErrorMessage(parseNpy("PK\x03\x04", "t.npy")),
            "'t.npy': is not an .npy file (bad magic)");
  EXPECT_EQ(takeErrorMessage(
                parseNpy(llvm::StringRef("\x93NUMPY\x01\x00\x76", 9), "t.npy")),
            "'t.npy': is truncated in the .npy header");
  EXPECT_EQ(
      takeErrorMessage(parseNpy(numpyHeader("{}").substr(0, 40), "t.npy")),
      "'t.npy': is truncated in the .npy header");
  EXPECT_EQ(takeErrorMessage(parseNpy(
                llvm::StringRef("\x93NUMPY\x09\x00\x00\x00", 10), "t.npy")),
            "'t.npy': has unsupported .npy format version 9");

  const char *f4 =
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  EXPECT_EQ(npyError(f4, 24), "");
  EXPECT_EQ(npyError(f4, 23), "'t.npy': has 23 bytes of data, but a 2x3xf32 "
                              "array needs 24");
  EXPECT_EQ(npyError(f4, 28), "'t.npy': has 28 bytes of data, but a 2x3xf32 "
                              "array needs 24");
  EXPECT_EQ(
      npyError("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 8),
      "'t.npy': has dtype '>f4'; only little-endian arrays are "
      "supported");
  EXPECT_EQ(
      npyError("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", 16),
      "'t.npy': has unsupported dtype '<c8'");
  EXPECT_EQ(
      npyError("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
               24),
      "'t.npy': is in Fortran order, which is not supported");
  EXPECT_EQ(npyError("{'descr': '<f4', 'shape': (2, 3), }", 24),
            "'t.npy': expects the keys 'descr', 'fortran_order' and 'shape'");
  EXPECT_EQ(
      npyError("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }",
               24),
      "'t.npy': expects non-negative integer dims in 'shape'");
  EXPECT_EQ(npyError("{'descr': '<f4' 'fortran_order': False}", 0),
            "'t.npy': expects ',' or '}' after 'descr'");
  EXPECT_EQ(npyError("{'descr: '<f4'}", 0),
            "'t.npy': expects ':' after 'descr: '");
  EXPECT_EQ(npyError("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), "
                     "'extra': 1}",
                     8),
            "'t.npy': has unexpected header key 'extra'");
  EXPECT_EQ(
      npyError("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", 0),
      "'t.npy': has 0 bytes of data, but a 2xbool array needs 2");
}

TEST(NpyTest, RejectsBoolsOtherThanZeroAndOne) {
  std::string bytes =
      numpyHeader("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }") +
      std::string("\x01\x05", 2);
  EXPECT_EQ(takeErrorMessage(parseNpy(bytes, "t.npy")),
            "'t.npy': has bool element 1 = 5, expected 0 or 1");
}

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

class TensorFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("attnc-tensorio", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string path(llvm::StringRef name) {
    llvm::SmallString<128> result(dir);
    llvm::sys::path::append(result, name);
    return std::string(result);
  }

  llvm::SmallString<128> dir;
};

TEST_F(TensorFileTest, WritesAndReadsBothFormats) {
  Tensor tensor = makePatterned(ElementType::F16, {2, 2}, "h");
  ASSERT_EQ(takeErrorMessage(writeTensorProtoFile(tensor, path("h.pb"))), "");
  ASSERT_EQ(takeErrorMessage(writeNpyFile(tensor, path("h.npy"))), "");
  Tensor fromProto = takeValue(readTensorFile(path("h.pb")));
  Tensor fromNpy = takeValue(readTensorFile(path("h.npy")));
  expectSameTensor(tensor, fromProto);
  expectSameTensor(tensor, fromNpy);
  EXPECT_EQ(fromProto.getName(), "h");
  EXPECT_EQ(fromNpy.getName(), "");
}

TEST_F(TensorFileTest, NamesTheFileInErrors) {
  std::string missing = path("missing.pb");
  std::string message = takeErrorMessage(readTensorProtoFile(missing));
  EXPECT_NE(message.find(missing), std::string::npos) << message;
  EXPECT_NE(message.find("o such file"), std::string::npos) << message;
}

} // namespace
