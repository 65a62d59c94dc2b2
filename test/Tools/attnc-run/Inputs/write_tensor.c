/* Writes a serialized onnx.TensorProto, encoded by hand from the protobuf
 * wire format, so that the attnc-run tests get fixtures that do not come from
 * the code under test (which uses libprotobuf):
 *
 *   write-tensor OUT.pb NAME TYPE DIMS [--typed] [--external] VALUE...
 *
 * TYPE: f32 f64 i64 i32 i8 u8 bool, or f16 with VALUEs as bit patterns (0x3c00)
 * DIMS: 2x3, or "scalar"
 * --typed: store the values in float_data / double_data / int64_data /
 *          int32_data instead of raw_data
 * --external: mark the data as external (data_location EXTERNAL) */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char out[1 << 16];
static size_t outSize;

static void put(const void *bytes, size_t n) {
  if (outSize + n > sizeof(out)) {
    fprintf(stderr, "write-tensor: tensor too large\n");
    exit(2);
  }
  memcpy(out + outSize, bytes, n);
  outSize += n;
}

static void putByte(unsigned value) {
  unsigned char byte = (unsigned char)value;
  put(&byte, 1);
}

static void putVarint(uint64_t value) {
  while (value >= 0x80) {
    putByte((unsigned)(value & 0x7f) | 0x80);
    value >>= 7;
  }
  putByte((unsigned)value);
}

/* A length-delimited field (wire type 2). */
static void putBytesField(unsigned field, const void *bytes, size_t n) {
  putVarint(field << 3 | 2);
  putVarint(n);
  put(bytes, n);
}

struct Type {
  const char *name;
  int code;
  int width;     /* bytes per element in raw_data */
  int isFloat;   /* values are floating-point literals */
  int typedField; /* field number of the typed repeated field */
};

static const struct Type types[] = {
    {"f32", 1, 4, 1, 4}, {"u8", 2, 1, 0, 5},   {"i8", 3, 1, 0, 5},
    {"i32", 6, 4, 0, 5}, {"i64", 7, 8, 0, 7},  {"bool", 9, 1, 0, 5},
    {"f16", 10, 2, 0, 5}, {"f64", 11, 8, 1, 10},
};

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: write-tensor OUT NAME TYPE DIMS [--typed] "
                    "[--external] VALUE...\n");
    return 2;
  }
  const struct Type *type = NULL;
  for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); ++i)
    if (!strcmp(argv[3], types[i].name))
      type = &types[i];
  if (!type) {
    fprintf(stderr, "write-tensor: unknown type %s\n", argv[3]);
    return 2;
  }
  int typed = 0, external = 0, first = 5;
  for (; first < argc && !strncmp(argv[first], "--", 2); ++first) {
    if (!strcmp(argv[first], "--typed"))
      typed = 1;
    else if (!strcmp(argv[first], "--external"))
      external = 1;
  }

  /* dims (field 1, varint), data_type (field 2), name (field 8) */
  if (strcmp(argv[4], "scalar")) {
    char *dims = argv[4];
    for (;;) {
      putVarint(1 << 3);
      putVarint((uint64_t)strtoll(dims, &dims, 10));
      if (*dims != 'x')
        break;
      ++dims;
    }
  }
  putVarint(2 << 3);
  putVarint((uint64_t)type->code);
  putBytesField(8, argv[2], strlen(argv[2]));

  /* The values, little-endian (raw_data) or packed (typed fields). */
  unsigned char data[1 << 15];
  size_t dataSize = 0;
  for (int i = first; i < argc; ++i) {
    unsigned char element[10];
    size_t n = 0;
    if (type->isFloat && type->width == 4) {
      float value = strtof(argv[i], NULL);
      memcpy(element, &value, n = 4);
    } else if (type->isFloat) {
      double value = strtod(argv[i], NULL);
      memcpy(element, &value, n = 8);
    } else {
      int64_t value = strtoll(argv[i], NULL, 0);
      if (typed && type->typedField != 7) {
        /* int32_data: a varint of the sign-extended int32 */
        uint64_t bits = (uint64_t)(int64_t)(int32_t)value;
        while (bits >= 0x80) {
          element[n++] = (unsigned char)((bits & 0x7f) | 0x80);
          bits >>= 7;
        }
        element[n++] = (unsigned char)bits;
      } else if (typed) {
        uint64_t bits = (uint64_t)value;
        while (bits >= 0x80) {
          element[n++] = (unsigned char)((bits & 0x7f) | 0x80);
          bits >>= 7;
        }
        element[n++] = (unsigned char)bits;
      } else {
        memcpy(element, &value, n = (size_t)type->width); /* little endian */
      }
    }
    if (dataSize + n > sizeof(data)) {
      fprintf(stderr, "write-tensor: too many values\n");
      return 2;
    }
    memcpy(data + dataSize, element, n);
    dataSize += n;
  }
  if (external) {
    /* external_data (field 13): {key: "location", value: "data.bin"};
     * data_location (field 14) = EXTERNAL */
    static const char entry[] = "\x0a\x08location\x12\x08" "data.bin";
    putBytesField(13, entry, sizeof(entry) - 1);
    putVarint(14 << 3);
    putVarint(1);
  } else if (typed) {
    putBytesField((unsigned)type->typedField, data, dataSize);
  } else {
    putBytesField(9, data, dataSize);
  }

  FILE *file = fopen(argv[1], "wb");
  if (!file || fwrite(out, 1, outSize, file) != outSize || fclose(file)) {
    fprintf(stderr, "write-tensor: cannot write %s\n", argv[1]);
    return 2;
  }
  return 0;
}
