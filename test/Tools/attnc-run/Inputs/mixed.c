/* A hand-written model library for the attnc-run tests with several inputs
 * and outputs of different element types, exporting the ABI of
 * attnc/Runtime/ModelABI.h:
 *   inputs   a: f32[3]   ids: i64[3]   h: f16[2]
 *   outputs  sum: f32[3] = a + ids     (float plus integer)
 *            total: i64 scalar = ids[0] + ids[1] + ids[2]
 *            twice: f16[2] = 2 * h     (exact: the exponent field + 1, for
 *                                       normal values below 32768) */

#include "attnc/Runtime/ModelABI.h"

#include <stddef.h>

static const int64_t shape3[1] = {3};
static const int64_t shape2[1] = {2};
static const attnc_tensor_desc inputs[3] = {
    {"a", ATTNC_ELEM_F32, 1, shape3},
    {"ids", ATTNC_ELEM_I64, 1, shape3},
    {"h", ATTNC_ELEM_F16, 1, shape2},
};
static const attnc_tensor_desc outputs[3] = {
    {"sum", ATTNC_ELEM_F32, 1, shape3},
    {"total", ATTNC_ELEM_I64, 0, NULL},
    {"twice", ATTNC_ELEM_F16, 1, shape2},
};

int32_t attnc_model_abi_version(void) { return ATTNC_MODEL_ABI_VERSION; }
int32_t attnc_model_num_inputs(void) { return 3; }
int32_t attnc_model_num_outputs(void) { return 3; }

const attnc_tensor_desc *attnc_model_input(int32_t index) {
  return index >= 0 && index < 3 ? &inputs[index] : NULL;
}

const attnc_tensor_desc *attnc_model_output(int32_t index) {
  return index >= 0 && index < 3 ? &outputs[index] : NULL;
}

int32_t attnc_model_run(void *const *in, void *const *out) {
  const float *a = (const float *)in[0];
  const int64_t *ids = (const int64_t *)in[1];
  const uint16_t *h = (const uint16_t *)in[2];
  float *sum = (float *)out[0];
  int64_t *total = (int64_t *)out[1];
  uint16_t *twice = (uint16_t *)out[2];
  *total = 0;
  for (int i = 0; i < 3; ++i) {
    sum[i] = a[i] + (float)ids[i];
    *total += ids[i];
  }
  for (int i = 0; i < 2; ++i)
    twice[i] = (uint16_t)(h[i] + 0x0400);
  return 0;
}
