/*===- ModelABI.h - The C ABI every compiled attnc model exports ----------===*\
|*                                                                            *|
|* A shared library made by `attnc MODEL.onnx -o model.so` exports exactly    *|
|* these symbols. Include this header (plain C, no dependencies) to describe  *|
|* and run a model from any host language.                                    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef ATTNC_RUNTIME_MODELABI_H
#define ATTNC_RUNTIME_MODELABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a symbol below changes meaning. */
#define ATTNC_MODEL_ABI_VERSION 1

/* Element types use ONNX's TensorProto.DataType codes. */
enum {
  ATTNC_ELEM_F32 = 1,
  ATTNC_ELEM_U8 = 2,
  ATTNC_ELEM_I8 = 3,
  ATTNC_ELEM_I32 = 6,
  ATTNC_ELEM_I64 = 7,
  ATTNC_ELEM_BOOL = 9, /* one byte per element, 0 or 1 */
  ATTNC_ELEM_F16 = 10,
  ATTNC_ELEM_F64 = 11,
  ATTNC_ELEM_BF16 = 16,
};

/* One graph input or output. */
typedef struct attnc_tensor_desc {
  const char *name;     /* the ONNX graph input/output name */
  int32_t elem_type;    /* an ATTNC_ELEM_* code */
  int32_t rank;
  const int64_t *shape; /* `rank` dims; -1 marks a dynamic dim */
} attnc_tensor_desc;

/* ATTNC_MODEL_ABI_VERSION of the compiler that made the library. */
int32_t attnc_model_abi_version(void);

int32_t attnc_model_num_inputs(void);
int32_t attnc_model_num_outputs(void);

/* Descriptions in graph order; NULL when the index is out of range. */
const attnc_tensor_desc *attnc_model_input(int32_t index);
const attnc_tensor_desc *attnc_model_output(int32_t index);

/* Runs the model. `inputs[i]` and `outputs[i]` point to caller-owned, dense,
 * row-major buffers of the described element type and (static) shape. A
 * shape may have a zero dim: such a tensor has no elements, its buffer is
 * never read or written, and its pointer may be NULL. Models whose inputs
 * have dynamic dims are compiled with those dims pinned (`attnc
 * --input-shape`); ABI version 1 has no way to pass shapes at run time.
 * Returns 0 on success. Thread-compatible: concurrent calls must use distinct
 * buffers. */
int32_t attnc_model_run(void *const *inputs, void *const *outputs);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ATTNC_RUNTIME_MODELABI_H */
