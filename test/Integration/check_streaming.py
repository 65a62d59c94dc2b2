#!/usr/bin/env python3
"""Streams prompts through a compiled chunk model of a DeepSeek-V4 compressed
attention layer (models/make_stream_models.py: HCA m 16 or CSA m 4, chunks
of C = 5 tokens, all streaming state as inputs and outputs) and checks that
streaming computes what the whole prompt does:

  prefill   the prefill model of the same layer (one compilation per prompt
            length) against the float64 numpy whole-prompt math
  stream    the chunk model compiled once, run chunk after chunk by
            attnc-run, each step fed the previous step's state outputs; the
            valid outputs (the padding of the last chunk dropped) must equal
            the prefill's and numpy's
  state     the final window, pending rows and entry cache: the parts the
            prompt decides (rows of positions < S, entries of the complete
            blocks) must equal the whole-prompt numpy values, and the whole
            state numpy's streaming implementation
  margin    how much y moves at the queries right before each block closes
            if that block's entry were visible one token early (and, CSA, if
            block -1 had a finite gate): must exceed 100 x atol, so that the
            stream-vs-prefill comparison would catch such a causality bug

Reuses check_incremental.py's tensor reading and comparison. Prints one line
per comparison and exits non-zero on any mismatch.
"""
import argparse
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "models"))
import make_stream_models as sm  # noqa: E402
from check_incremental import compare, read_tensors  # noqa: E402
from model_cases import write_tensors  # noqa: E402


class Attnc:
    def __init__(self, args):
        self.args, self.runs = args, 0

    def compile(self, model, library):
        subprocess.run([self.args.attnc, "-O", self.args.opt, model, "-o", library], check=True)

    def run(self, library, tensors, work):
        """Outputs of `library` on input tensors [(name, array)]."""
        self.runs += 1
        inputs, outputs = os.path.join(work, "in"), os.path.join(work, "out")
        write_tensors(inputs, "input", tensors)
        os.makedirs(outputs, exist_ok=True)
        subprocess.run([self.args.attnc_run, library, "--inputs", inputs, "--save-outputs",
                        outputs], check=True, stdout=subprocess.DEVNULL)
        return read_tensors(outputs, "output")


def stream(attnc, library, kind, s, work):
    """All chunks of the prompt through `library`; the outputs [padded, D]
    and the final state (window, pending content, pending gate, cache)."""
    x = sm.prompt(kind, s)
    state = tuple(a.astype(np.float32) for a in sm.empty_state(kind))
    ys = []
    for p0 in range(0, x.shape[0], sm.C):
        result = attnc.run(library, sm.step_tensors(kind, x[p0:p0 + sm.C], p0, state),
                           os.path.join(work, f"step{p0 // sm.C}"))
        ys.append(result[0][0])
        state = tuple(a[0] for a in result[1:])
    return np.concatenate(ys), state


def check_state(label, kind, s, state, atol):
    window, pend_c, pend_z, cache = state
    win_rows, pend_rows, entries = sm.valid_state(kind, s)
    ok = compare(f"{label} window rows of positions < {s} vs numpy",
                 np.stack([window[i] for i, _ in win_rows]), np.stack([v for _, v in win_rows]),
                 atol)
    ok &= compare(f"{label} pending rows of positions < {s} vs numpy",
                  np.stack([np.concatenate([pend_c[i], pend_z[i]]) for i, _, _ in pend_rows]),
                  np.stack([np.concatenate([c, z]) for _, c, z in pend_rows]), atol)
    ok &= compare(f"{label} {len(entries)} cached entries vs numpy", cache[:len(entries)],
                  entries, atol)
    steps, _ = sm.stream(kind, s)
    want = steps[-1][3]
    for name, got, ref in zip(("window", "pending_content", "pending_gate", "cache"), state, want):
        ok &= compare(f"{label} final {name} vs numpy streaming", got, ref, atol)
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--attnc", required=True)
    parser.add_argument("--attnc-run", required=True)
    parser.add_argument("--models", required=True,
                        help="directory of make_stream_models.py --models-only")
    parser.add_argument("--work", required=True, help="scratch directory")
    parser.add_argument("--opt", default="2", help="attnc -O level")
    parser.add_argument("--atol", type=float, default=1e-4)
    args = parser.parse_args()

    attnc, ok = Attnc(args), True
    os.makedirs(args.work, exist_ok=True)
    for kind in sm.KINDS:
        library = os.path.join(args.work, kind.name + "_chunk.so")
        attnc.compile(os.path.join(args.models, kind.name + "_chunk", "model.onnx"), library)
        for s in sm.PROMPTS:
            label = f"{kind.name} s{s}"
            whole_y = sm.whole(kind, sm.prompt(kind, s)[:s])[0]
            prefill_lib = os.path.join(args.work, f"{kind.name}_s{s}.so")
            attnc.compile(os.path.join(args.models, f"{kind.name}_s{s}", "model.onnx"),
                          prefill_lib)
            prefill = attnc.run(prefill_lib, [("x", sm.prompt(kind, s)[None, :s])],
                                os.path.join(args.work, f"{kind.name}_s{s}"))[0][0]
            ok &= compare(f"{label} prefill vs numpy", prefill, whole_y, args.atol)
            y, state = stream(attnc, library, kind, s, os.path.join(args.work, label))
            chunks = -(-s // sm.C)
            ok &= compare(f"{label} stream ({chunks} chunks) vs prefill", y[:s], prefill,
                          args.atol)
            ok &= compare(f"{label} stream vs numpy", y[:s], whole_y, args.atol)
            ok &= check_state(label, kind, s, state, args.atol)
        early, opened = sm.margins(kind)
        need = 100 * args.atol
        for what, margin in (("entry visible one token early", early),
                             ("block -1 with a finite gate", opened)):
            if margin is not None:
                good = margin > need
                print(f"{kind.name} margin, {what}: {margin:.3g} > {need:.3g} "
                      f"{'PASS' if good else 'FAIL'}")
                ok &= good
    print(f"{attnc.runs} attnc-run calls: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
