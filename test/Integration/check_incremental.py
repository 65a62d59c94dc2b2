#!/usr/bin/env python3
"""Checks that a compiled decoder with a KV cache gives the same results
whichever way a prompt is fed to it (issue: prefill == decode == chunked
prefill):

  prefill   all N tokens at once, empty cache (P = 0, S = N)
  decode    N steps of one token, each step's present_* fed back as past_*
  chunked   chunks of C tokens (the last one shorter), cache fed back
  ring      with --ring-model: N one-token steps of the fixed-size-cache
            variant (the global layer's cache of the whole context, the
            window layer's a ring buffer of W slots written by TensorScatter),
            compiled once: its shapes never change
  ring-window  with --ring-window-caches: the growing-cache model compiled
            with `attnc --ring-window-caches` (its window layer's past and
            present become a ring of W slots, the global layer keeps its
            Concat cache), fed one token at a time and in chunks of W tokens;
            the first steps pass a ring of W slots of finite garbage (no token
            written yet), each later step the previous step's present. Its
            logits must equal the prefill's and the plain decode's

The logits of every token and the final present_key/value_L of every layer
must agree with the prefill's within --atol, and the prefill must match the
expected outputs of the model's test_data_set_0 (onnxruntime's). Every (S, P)
pair is a separate compilation (`attnc --input-shape`, ABI version 1 has static
shapes). The model is make_decode_models.py's (its constants and input layout
are imported from there). Prints one line per comparison and exits non-zero
on any mismatch.
"""
import argparse
import os
import subprocess
import sys

import numpy as np
from onnx import TensorProto, numpy_helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "models"))
import make_decode_models as dm  # noqa: E402


def read_tensors(directory, prefix):
    tensors, k = [], 0
    while os.path.exists(path := os.path.join(directory, f"{prefix}_{k}.pb")):
        with open(path, "rb") as f:
            tensors.append(numpy_helper.to_array(TensorProto.FromString(f.read())))
        k += 1
    return tensors


class Runner:
    def __init__(self, args):
        self.args, self.count = args, 0

    def run(self, ids, start, cache, ring_window=False):
        """Logits and per-layer (K, V) presents of tokens `ids` at positions
        start.. after `cache`. With `ring_window`, compiled with
        --ring-window-caches: the pins give the graph's own shapes (every past
        `start` tokens long), the window layer's cache is a ring of W slots."""
        self.count += 1
        work = os.path.join(self.args.work, f"step{self.count}")
        inputs, outputs = os.path.join(work, "in"), os.path.join(work, "out")
        tensors = dm.step_inputs(ids, start, cache)
        dm.write_tensors(inputs, "input", tensors)
        pins = []
        for name, array in tensors:
            shape = list(array.shape)
            if name.startswith("past_"):
                shape[2] = start
            pins += ["--input-shape", f"{name}=" + "x".join(str(d) for d in shape)]
        if ring_window:
            pins.append("--ring-window-caches")
        library = os.path.join(work, "model.so")
        subprocess.run([self.args.attnc, "-O", "0", self.args.model, "-o", library] + pins,
                       check=True)
        os.makedirs(outputs, exist_ok=True)
        subprocess.run([self.args.attnc_run, library, "--inputs", inputs, "--save-outputs",
                        outputs], check=True, stdout=subprocess.DEVNULL)
        result = read_tensors(outputs, "output")
        return result[0], [(result[1 + 2 * l], result[2 + 2 * l]) for l in range(dm.LAYERS)]


def feed(runner, ids, chunk):
    """Feeds `ids` in chunks of `chunk` tokens; returns all logits and the
    final cache."""
    cache, logits = dm.empty_cache(), []
    for start in range(0, ids.shape[1], chunk):
        step_logits, cache = runner.run(ids[:, start:start + chunk], start, cache)
        logits.append(step_logits)
    return np.concatenate(logits, axis=1), cache


def garbage_rings(seed=0):
    """The caches before the first token, with the window layers' rings of W
    slots holding finite garbage: no slot is written yet, so none may be
    seen."""
    rng = np.random.default_rng(seed)
    caches = []
    for l, (k, v) in enumerate(dm.empty_cache()):
        if dm.WINDOWS[l] is not None:
            shape = (1, dm.HKV, dm.WINDOWS[l], dm.DH)
            k, v = (rng.uniform(-100, 100, shape).astype(np.float32) for _ in range(2))
        caches.append((k, v))
    return caches


def feed_ring_window(runner, ids, chunk):
    """Feeds `ids` in chunks of `chunk` tokens to the model compiled with
    --ring-window-caches; returns all logits and the final caches."""
    cache, logits = garbage_rings(), []
    for start in range(0, ids.shape[1], chunk):
        step_logits, cache = runner.run(ids[:, start:start + chunk], start, cache,
                                        ring_window=True)
        logits.append(step_logits)
    return np.concatenate(logits, axis=1), cache


def run_ring(args, ids):
    """All tokens one by one through the ring-cache model, compiled once;
    returns the logits of every step."""
    work = os.path.join(args.work, "ring")
    library = os.path.join(work, "model.so")
    os.makedirs(work, exist_ok=True)
    subprocess.run([args.attnc, "-O", "0", args.ring_model, "-o", library], check=True)
    caches = [tuple(np.zeros((1, dm.HKV, slots, dm.DH), np.float32) for _ in range(2))
              for slots in dm.RING_SLOTS]
    logits = []
    for position in range(ids.shape[1]):
        step = os.path.join(work, f"step{position}")
        dm.write_tensors(os.path.join(step, "in"), "input",
                         dm.ring_step_inputs(int(ids[0, position]), position, caches))
        subprocess.run([args.attnc_run, library, "--inputs", os.path.join(step, "in"),
                        "--save-outputs", os.path.join(step, "out")], check=True,
                       stdout=subprocess.DEVNULL)
        result = read_tensors(os.path.join(step, "out"), "output")
        logits.append(result[0])
        caches = [(result[1 + 2 * l], result[2 + 2 * l]) for l in range(dm.LAYERS)]
    return np.concatenate(logits, axis=1), caches


def compare(label, got, want, atol):
    err = float(np.max(np.abs(got.astype(np.float64) - want))) if got.shape == want.shape else None
    ok = err is not None and err <= atol
    shape = "" if err is not None else f" shape {list(got.shape)} vs {list(want.shape)}"
    print(f"{label}: max_abs_err={err if err is not None else 'n/a'}{shape} "
          f"{'PASS' if ok else 'FAIL'}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--attnc", required=True)
    parser.add_argument("--attnc-run", required=True)
    parser.add_argument("--model", required=True, help="make_decode_models.py's model.onnx")
    parser.add_argument("--work", required=True, help="scratch directory")
    parser.add_argument("--ring-model", help="make_decode_models.py's ring-cache model.onnx")
    parser.add_argument("--ring-window-caches", action="store_true",
                        help="also decode with `attnc --ring-window-caches`")
    parser.add_argument("--ring-window-atol", type=float, default=1e-5,
                        help="tolerance of the --ring-window-caches comparisons")
    parser.add_argument("--chunk", type=int, default=5)
    parser.add_argument("--atol", type=float, default=1e-4)
    args = parser.parse_args()

    runner = Runner(args)
    ids = dm.prompt_ids()
    expected = read_tensors(os.path.join(os.path.dirname(os.path.abspath(dm.__file__)),
                                         dm.NAME, "test_data_set_0"), "output")
    ok = True
    prefill_logits, prefill_cache = feed(runner, ids, ids.shape[1])
    prefill = [prefill_logits] + [t for kv in prefill_cache for t in kv]
    for k, (got, want) in enumerate(zip(prefill, expected)):
        ok &= compare(f"prefill vs onnxruntime, output {k}", got, want, args.atol)
    feeds = {}
    for label, chunk in (("decode", 1), (f"chunked({args.chunk})", args.chunk)):
        logits, cache = feeds[label] = feed(runner, ids, chunk)
        ok &= compare(f"{label} vs prefill, logits", logits, prefill_logits, args.atol)
        for l, ((k, v), (pk, pv)) in enumerate(zip(cache, prefill_cache)):
            ok &= compare(f"{label} vs prefill, present_key_{l}", k, pk, args.atol)
            ok &= compare(f"{label} vs prefill, present_value_{l}", v, pv, args.atol)
    if args.ring_window_caches:
        window = max(w for w in dm.WINDOWS if w is not None)
        for label, chunk in (("decode", 1), (f"chunked({window})", window)):
            logits, caches = feed_ring_window(runner, ids, chunk)
            ok &= compare(f"ring-window {label} vs prefill, logits", logits,
                          prefill_logits, args.ring_window_atol)
            ok &= compare(f"ring-window {label} vs decode, logits", logits,
                          feeds["decode"][0], args.ring_window_atol)
            # Global layers end with the whole context, window layers with
            # the last W positions in slots t mod W.
            for l, ((k, v), (pk, pv)) in enumerate(zip(caches, prefill_cache)):
                for name, got, full in ((f"key_{l}", k, pk), (f"value_{l}", v, pv)):
                    want = full if dm.WINDOWS[l] is None else dm.ring_cache(
                        full, ids.shape[1], dm.WINDOWS[l], True)
                    ok &= compare(f"ring-window {label} vs prefill, cache {name} "
                                  f"({want.shape[2]} slots)", got, want,
                                  args.ring_window_atol)
    if args.ring_model:
        logits, caches = run_ring(args, ids)
        ok &= compare("ring decode vs prefill, logits", logits, prefill_logits, args.atol)
        # The window layer's ring ends with the last W positions in slots t mod W.
        for l, ((k, v), (pk, pv)) in enumerate(zip(caches, prefill_cache)):
            circular = dm.WINDOWS[l] is not None
            for name, got, full in ((f"key_{l}", k, pk), (f"value_{l}", v, pv)):
                want = dm.ring_cache(full, ids.shape[1], dm.RING_SLOTS[l], circular)
                ok &= compare(f"ring decode vs prefill, cache {name} "
                              f"({dm.RING_SLOTS[l]} slots)", got, want, args.atol)
    print(f"{runner.count} compiled steps: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
