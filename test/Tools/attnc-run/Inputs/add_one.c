/* A hand-written model library for the attnc-run tests: y = x + 1 on a
 * 2x3 f32 tensor, exporting the ABI of attnc/Runtime/ModelABI.h. Variants
 * for the error tests:
 *   -DABI_VERSION=N  report another ABI version
 *   -DNO_RUN         do not export attnc_model_run
 *   -DRUN_STATUS=N   make attnc_model_run fail with status N
 *   -DDYNAMIC        declare the input's first dim dynamic (-1)
 *   -DWRONG_RESULT   add 1.5 instead of 1 (to produce wrong outputs) */

#include "attnc/Runtime/ModelABI.h"

#include <stddef.h>

#ifndef ABI_VERSION
#define ABI_VERSION ATTNC_MODEL_ABI_VERSION
#endif

#ifdef DYNAMIC
static const int64_t inputShape[2] = {-1, 3};
#else
static const int64_t inputShape[2] = {2, 3};
#endif
static const int64_t outputShape[2] = {2, 3};
static const attnc_tensor_desc input = {"x", ATTNC_ELEM_F32, 2, inputShape};
static const attnc_tensor_desc output = {"y", ATTNC_ELEM_F32, 2, outputShape};

int32_t attnc_model_abi_version(void) { return ABI_VERSION; }
int32_t attnc_model_num_inputs(void) { return 1; }
int32_t attnc_model_num_outputs(void) { return 1; }

const attnc_tensor_desc *attnc_model_input(int32_t index) {
  return index == 0 ? &input : NULL;
}

const attnc_tensor_desc *attnc_model_output(int32_t index) {
  return index == 0 ? &output : NULL;
}

#ifndef NO_RUN
int32_t attnc_model_run(void *const *inputs, void *const *outputs) {
  const float *x = (const float *)inputs[0];
  float *y = (float *)outputs[0];
#ifdef WRONG_RESULT
  const float addend = 1.5f;
#else
  const float addend = 1.0f;
#endif
  for (int i = 0; i < 6; ++i)
    y[i] = x[i] + addend;
#ifdef RUN_STATUS
  return RUN_STATUS;
#else
  return 0;
#endif
}
#endif
