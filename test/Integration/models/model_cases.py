"""Writing generated test models in the ONNX backend-test layout, shared by
the make_*_models.py generators:

  <dir>/<name>/model.onnx          the model (not in git: 10-35 MB of weights)
  <dir>/<name>/model.sha256        its checksum (in git)
  <dir>/<name>/test_data_set_N/    input_K.pb / output_K.pb (in git)

A generator describes each model as a `Case` and calls `main(__doc__, cases)`,
which gives every generator the same command line:

  (no flags)          write the models, checksums and numpy reference outputs
  --ort               then check onnxruntime against the numpy outputs and
                      store onnxruntime's outputs instead
  --models-only DIR   write only DIR/<name>/model.onnx and fail unless each
                      matches the committed model.sha256 (what the tests run)
"""
import argparse
import functools
import hashlib
import os
import subprocess
import sys

from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


class Case:
    """One model: `model()` builds its ModelProto, `datasets()` returns a list
    of (inputs, outputs), each a list of (name, array) in graph order, with
    the numpy reference as outputs. `tolerance` is the rtol and atol that
    onnxruntime must meet against that reference."""

    def __init__(self, name, model, datasets, tolerance="2e-4"):
        self.name, self.model, self.datasets, self.tolerance = name, model, datasets, tolerance


def config_cases(configs, builder, tensors):
    """One Case per configuration `cfg` (with `cfg.name` and `cfg.params()`,
    drawn once per configuration): its model `builder(cfg, params).build()`
    and its one dataset `tensors(cfg, params)`, an (inputs, outputs) pair."""
    result = []
    for cfg in configs:
        params = functools.cache(cfg.params)
        result.append(Case(cfg.name,
                           lambda cfg=cfg, params=params: builder(cfg, params()).build(),
                           lambda cfg=cfg, params=params: [tensors(cfg, params())]))
    return result


def write_tensors(directory, prefix, tensors):
    """Writes tensors [(name, array)] as directory/<prefix>_K.pb."""
    os.makedirs(directory, exist_ok=True)
    for k, (name, array) in enumerate(tensors):
        with open(os.path.join(directory, f"{prefix}_{k}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(array, name).SerializeToString())


def write_model(model, case_dir):
    """Writes case_dir/model.onnx and returns its sha256."""
    data = model.SerializeToString()
    os.makedirs(case_dir, exist_ok=True)
    with open(os.path.join(case_dir, "model.onnx"), "wb") as f:
        f.write(data)
    return hashlib.sha256(data).hexdigest()


def write_case(case):
    """Writes the model, its checksum and its datasets beside this script;
    returns the test_data_set_N folders."""
    case_dir = os.path.join(HERE, case.name)
    digest = write_model(case.model(), case_dir)
    with open(os.path.join(case_dir, "model.sha256"), "w") as f:
        f.write(digest + "\n")
    dirs = []
    for n, (inputs, outputs) in enumerate(case.datasets()):
        data = os.path.join(case_dir, f"test_data_set_{n}")
        write_tensors(data, "input", inputs)
        write_tensors(data, "output", outputs)
        dirs.append(data)
    return dirs


def write_models_only(cases, out):
    """The tests regenerate the models instead of reading them from git; a
    checksum mismatch means the generator changed without new test data."""
    stale = []
    for case in cases:
        digest = write_model(case.model(), os.path.join(out, case.name))
        with open(os.path.join(HERE, case.name, "model.sha256")) as f:
            if f.read().strip() != digest:
                stale.append(case.name)
    for name in stale:
        print(f"error: {name}/model.onnx differs from the model its test data was "
              "made with; rerun its generator with --ort", file=sys.stderr)
    return 1 if stale else 0


def store_ort_outputs(case, dirs):
    """onnxruntime must agree with the numpy reference; then its outputs are
    the ones stored."""
    run_js = os.path.join(ROOT, "tools", "ort-reference", "run.js")
    model = os.path.join(HERE, case.name, "model.onnx")
    for data in dirs:
        subprocess.run(["node", run_js, model, data, "--rtol", case.tolerance,
                        "--atol", case.tolerance], check=True)
        subprocess.run(["node", run_js, model, data, "--write-outputs"], check=True,
                       stdout=subprocess.DEVNULL)


def main(doc, cases):
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--ort", action="store_true",
                        help="compare onnxruntime with numpy, then store onnxruntime's outputs")
    parser.add_argument("--models-only", metavar="DIR",
                        help="write only DIR/<name>/model.onnx and fail unless each "
                             "matches the committed model.sha256 (what the tests run)")
    args = parser.parse_args()
    if args.models_only:
        return write_models_only(cases, args.models_only)
    for case in cases:
        dirs = write_case(case)
        size = os.path.getsize(os.path.join(HERE, case.name, "model.onnx"))
        print(f"{case.name}: {size} bytes")
        if args.ort:
            store_ort_outputs(case, dirs)
    return 0
