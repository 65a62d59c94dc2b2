//===- NpyIO.cpp - Tensors from and to NumPy .npy images ------------------===//
//
// The .npy format (numpy.lib.format): the magic "\x93NUMPY", a major and minor
// version byte, a little-endian header length (2 bytes in 1.0, 4 in 2.0 and
// 3.0), then an ASCII Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with spaces and a newline so that the data starts 64-byte aligned,
// then the elements. Only that dict syntax is parsed; anything else is an
// error.
//
//===----------------------------------------------------------------------===//

#include "attnc/Runtime/TensorIO.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/SwapByteOrder.h" // sys::IsBigEndianHost
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace llvm;

namespace attnc::runtime {

static constexpr StringLiteral kNpyMagic("\x93NUMPY");
/// numpy aligns the start of the data to this many bytes.
static constexpr size_t kNpyAlignment = 64;

namespace {

/// The fields of an .npy header.
struct NpyHeader {
  ElementType type = ElementType::F32;
  bool fortranOrder = false;
  SmallVector<int64_t> shape;
};

/// A cursor over the header dict with the few token kinds it contains.
class HeaderParser {
public:
  explicit HeaderParser(StringRef text) : rest(text) {}

  Expected<NpyHeader> parse() {
    bool seenDescr = false, seenOrder = false, seenShape = false;
    NpyHeader header;
    if (!consume('{'))
      return error("expects '{' to open the header dict");
    while (!consume('}')) {
      std::string key;
      if (Error err = parseString(key))
        return std::move(err);
      if (!consume(':'))
        return error("expects ':' after '" + key + "'");
      if (key == "descr") {
        std::string descr;
        if (Error err = parseString(descr))
          return std::move(err);
        Expected<ElementType> type = parseDescr(descr);
        if (!type)
          return type.takeError();
        header.type = *type;
        seenDescr = true;
      } else if (key == "fortran_order") {
        if (Error err = parseBool(header.fortranOrder))
          return std::move(err);
        seenOrder = true;
      } else if (key == "shape") {
        if (Error err = parseShape(header.shape))
          return std::move(err);
        seenShape = true;
      } else {
        return error("has unexpected header key '" + key + "'");
      }
      // A comma separates entries and may follow the last one.
      if (!consume(',') && !peek('}'))
        return error("expects ',' or '}' after '" + key + "'");
    }
    if (!rest.trim().empty())
      return error("has text after the header dict");
    if (!seenDescr || !seenOrder || !seenShape)
      return error("expects the keys 'descr', 'fortran_order' and 'shape'");
    return header;
  }

private:
  Error error(const Twine &message) { return createStringError(message); }

  bool peek(char c) {
    rest = rest.ltrim();
    return rest.starts_with(StringRef(&c, 1));
  }

  bool consume(char c) {
    if (!peek(c))
      return false;
    rest = rest.drop_front();
    return true;
  }

  /// A quoted string without escapes (none of the valid values has any).
  Error parseString(std::string &result) {
    rest = rest.ltrim();
    if (rest.empty() || (rest.front() != '\'' && rest.front() != '"'))
      return error("expects a quoted string in the header");
    char quote = rest.front();
    size_t end = rest.find(quote, 1);
    if (end == StringRef::npos)
      return error("has an unterminated string in the header");
    result = rest.slice(1, end).str();
    rest = rest.drop_front(end + 1);
    return Error::success();
  }

  Error parseBool(bool &result) {
    rest = rest.ltrim();
    if (rest.consume_front("True"))
      result = true;
    else if (rest.consume_front("False"))
      result = false;
    else
      return error("expects True or False for 'fortran_order'");
    return Error::success();
  }

  /// A tuple of non-negative integers: (), (5,), (2, 3).
  Error parseShape(SmallVectorImpl<int64_t> &shape) {
    if (!consume('('))
      return error("expects a tuple for 'shape'");
    while (!consume(')')) {
      rest = rest.ltrim();
      uint64_t dim;
      if (rest.consumeInteger(10, dim) || dim > uint64_t(INT64_MAX))
        return error("expects non-negative integer dims in 'shape'");
      shape.push_back(static_cast<int64_t>(dim));
      if (!consume(',') && !peek(')'))
        return error("expects ',' or ')' in 'shape'");
    }
    return Error::success();
  }

  /// '<f4', '|b1', ...: byte order, kind, size in bytes.
  Expected<ElementType> parseDescr(StringRef descr) {
    if (descr.size() < 3)
      return error("has unsupported dtype '" + descr + "'");
    char order = descr.front();
    StringRef kindAndSize = descr.drop_front();
    std::optional<ElementType> type =
        StringSwitch<std::optional<ElementType>>(kindAndSize)
            .Case("f4", ElementType::F32)
            .Case("f2", ElementType::F16)
            .Case("f8", ElementType::F64)
            .Case("i8", ElementType::I64)
            .Case("i4", ElementType::I32)
            .Case("i1", ElementType::I8)
            .Case("u1", ElementType::U8)
            .Case("b1", ElementType::Bool)
            .Default(std::nullopt);
    if (!type)
      return error("has unsupported dtype '" + descr + "'");
    // '<' little-endian, '|' not applicable (one byte), '=' native (the host
    // is little-endian); '>' would need byte swapping.
    bool singleByte = getElementByteWidth(*type) == 1;
    if (order != '<' && order != '=' && !(order == '|' && singleByte))
      return error("has dtype '" + descr +
                   "'; only little-endian arrays are supported");
    return *type;
  }

  StringRef rest;
};
} // namespace

Expected<Tensor> parseNpy(StringRef bytes, StringRef bufferName) {
  auto fail = [&](const Twine &message) -> Error {
    return createFileError(bufferName, createStringError(message));
  };
  if (sys::IsBigEndianHost)
    return fail("reading tensors needs a little-endian host");
  if (!bytes.starts_with(kNpyMagic) || bytes.size() < 8)
    return fail("is not an .npy file (bad magic)");
  unsigned major = static_cast<uint8_t>(bytes[6]);
  size_t lengthBytes = major == 1 ? 2 : 4;
  if (major < 1 || major > 3)
    return fail("has unsupported .npy format version " + Twine(major));
  if (bytes.size() < 8 + lengthBytes)
    return fail("is truncated in the .npy header");
  const uint8_t *lengthField = bytes.bytes_begin() + 8;
  size_t headerLength =
      lengthBytes == 2
          ? support::endian::read16le(lengthField)
          : static_cast<size_t>(support::endian::read32le(lengthField));
  size_t dataOffset = 8 + lengthBytes + headerLength;
  if (bytes.size() < dataOffset)
    return fail("is truncated in the .npy header");

  Expected<NpyHeader> header =
      HeaderParser(bytes.slice(8 + lengthBytes, dataOffset)).parse();
  if (!header)
    return createFileError(bufferName, header.takeError());
  Expected<int64_t> numElements = getNumElements(header->shape);
  if (!numElements)
    return createFileError(bufferName, numElements.takeError());
  // Fortran order only differs from C order when two dims exceed 1.
  if (header->fortranOrder &&
      count_if(header->shape, [](int64_t dim) { return dim > 1; }) > 1)
    return fail("is in Fortran order, which is not supported");

  std::string typeString = formatTensorType(header->shape, header->type);
  size_t width = getElementByteWidth(header->type);
  size_t dataSize = bytes.size() - dataOffset;
  if (dataSize % width != 0 ||
      dataSize / width != static_cast<size_t>(*numElements))
    return fail("has " + Twine(dataSize) + " bytes of data, but a " +
                typeString + " array needs " + Twine(*numElements * width));

  Expected<Tensor> tensor = Tensor::create(header->type, header->shape);
  if (!tensor)
    return createFileError(bufferName, tensor.takeError());
  if (dataSize)
    std::memcpy(tensor->data(), bytes.data() + dataOffset, dataSize);
  // numpy writes bools as 0/1; other bytes would be undefined in a model.
  if (header->type == ElementType::Bool)
    for (auto [index, value] : enumerate(tensor->getElements<uint8_t>()))
      if (value > 1)
        return fail("has bool element " + Twine(index) + " = " +
                    Twine(static_cast<unsigned>(value)) + ", expected 0 or 1");
  return std::move(*tensor);
}

/// The dtype string of `type`, or "" when NumPy has none.
static StringRef getNpyDescr(ElementType type) {
  switch (type) {
  case ElementType::F32:
    return "<f4";
  case ElementType::F16:
    return "<f2";
  case ElementType::F64:
    return "<f8";
  case ElementType::I64:
    return "<i8";
  case ElementType::I32:
    return "<i4";
  case ElementType::I8:
    return "|i1";
  case ElementType::U8:
    return "|u1";
  case ElementType::Bool:
    return "|b1";
  case ElementType::BF16:
    return "";
  }
  llvm_unreachable("covered switch");
}

Expected<std::string> serializeNpy(const Tensor &tensor) {
  if (sys::IsBigEndianHost)
    return createStringError("writing tensors needs a little-endian host");
  StringRef descr = getNpyDescr(tensor.getElementType());
  if (descr.empty())
    return createStringError("NumPy has no dtype for " +
                             getElementTypeName(tensor.getElementType()));

  // Exactly what numpy.save writes, so that files are byte-identical.
  std::string dict;
  raw_string_ostream os(dict);
  os << "{'descr': '" << descr << "', 'fortran_order': False, 'shape': (";
  interleave(tensor.getShape(), os, ", ");
  if (tensor.getRank() == 1)
    os << ',';
  os << "), }";
  // Pad with spaces to a newline that ends just before a 64-byte boundary.
  size_t prefix = kNpyMagic.size() + 2 + 2;
  size_t total = alignTo(prefix + dict.size() + 1, kNpyAlignment);
  dict.append(total - prefix - dict.size() - 1, ' ');
  dict.push_back('\n');
  if (dict.size() > UINT16_MAX)
    return createStringError("the .npy header of a rank-" +
                             Twine(tensor.getRank()) +
                             " tensor is too long for format 1.0");

  std::string result(kNpyMagic);
  result.push_back('\x01'); // format 1.0
  result.push_back('\x00');
  char length[2];
  support::endian::write16le(length, static_cast<uint16_t>(dict.size()));
  result.append(length, 2);
  result += dict;
  result.append(reinterpret_cast<const char *>(tensor.data()),
                tensor.getByteSize());
  return result;
}

} // namespace attnc::runtime
