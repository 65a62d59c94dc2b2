/* A host for the model of make_zero_size_model.py that uses nothing but
 * attnc/Runtime/ModelABI.h and dlopen: it prints every description, then runs
 * the model with NULL for the zero-element buffers (the ABI never touches
 * them) and prints the outputs that have elements.
 * Usage: run_zero_size_model MODEL.so */

#include "attnc/Runtime/ModelABI.h"

#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>

typedef int32_t (*CountFn)(void);
typedef const attnc_tensor_desc *(*DescFn)(int32_t);
typedef int32_t (*RunFn)(void *const *, void *const *);

static void *lookup(void *library, const char *name) {
  void *symbol = dlsym(library, name);
  if (!symbol)
    fprintf(stderr, "missing symbol %s\n", name);
  return symbol;
}

static void describe(const char *kind, CountFn count, DescFn get) {
  for (int32_t i = 0, e = count(); i < e; ++i) {
    const attnc_tensor_desc *desc = get(i);
    printf("%s %d '%s': elem_type=%d rank=%d shape=[", kind, i, desc->name,
           desc->elem_type, desc->rank);
    for (int32_t d = 0; d < desc->rank; ++d)
      printf("%s%" PRId64, d ? ", " : "", desc->shape[d]);
    printf("]\n");
  }
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    fprintf(stderr, "%s\n", dlerror());
    return 1;
  }
  CountFn numInputs = (CountFn)lookup(library, "attnc_model_num_inputs");
  CountFn numOutputs = (CountFn)lookup(library, "attnc_model_num_outputs");
  DescFn input = (DescFn)lookup(library, "attnc_model_input");
  DescFn output = (DescFn)lookup(library, "attnc_model_output");
  RunFn run = (RunFn)lookup(library, "attnc_model_run");
  if (!numInputs || !numOutputs || !input || !output || !run)
    return 1;
  describe("input", numInputs, input);
  describe("output", numOutputs, output);

  float y[4] = {0.5f, -1.25f, 3.0f, 7.5f};
  /* Poisoned, so that the test sees every element being written. */
  float sums[6] = {-99, -99, -99, -99, -99, -99};
  float twice[4] = {-99, -99, -99, -99};
  void *inputs[2] = {NULL, y};
  void *outputs[3] = {NULL, sums, twice};
  int32_t status = run(inputs, outputs);
  printf("status %d\n", status);
  printf("sums");
  for (int i = 0; i < 6; ++i)
    printf(" %g", sums[i]);
  printf("\ntwice");
  for (int i = 0; i < 4; ++i)
    printf(" %g", twice[i]);
  printf("\n");
  dlclose(library);
  return status;
}
