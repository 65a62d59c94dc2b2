#!/usr/bin/python3
"""Writes DSA-mini models: causal multi-head attention whose keys are chosen
per query by a DeepSeek lightning indexer, spelled in the ONNX "mask form" of
techniques.md section 10:

  I  = ReduceSum(Mul(Relu(MatMul(qI, kI^T)), w), axes=[1], keepdims=0)
  Ic = Add(I, C)                                  C: causal, -inf above the diagonal
  _, idx = TopK(Ic, k, axis=-1)
  M  = Unsqueeze(ScatterElements(-inf (B,S,T), idx, zeros, axis=-1), [1])
  p  = Softmax(scale * Q K^T + (M + C))           the causal mask hides what TopK
                                                  picks past the visible keys

d 128, H 4, d_h 32; indexer H_I 4, d_I 32, w scaled by H_I^-1/2 d_I^-1/2
(the builders take other sizes as a Dims). Models: dsa_s40 (40 tokens, k 8,
two layers) and dsa_s7 (7 tokens, k = T = 7: equal to dense causal
attention). Layout: <name>/{model.onnx, test_data_set_0/{input_0,output_0}.pb}.

The expected outputs are checked twice: a float64 numpy implementation of the
math (per-query top-k of the finite causal index scores, ties to the lowest
index) must agree with onnxruntime, and onnxruntime's outputs are stored:
    node tools/ort-reference/run.js MODEL DIR                  (ORT vs numpy)
    node tools/ort-reference/run.js MODEL DIR --write-outputs  (store ORT)
`--ort` runs both. bench/make_dsa_bench_models.py builds larger models (and
their dense twins) with these builders.

Run with /usr/bin/python3. Deterministic; weights are multiples of 2^-10.
"""
import argparse
import os
import subprocess
import sys
from collections import namedtuple

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
# Model width, attention heads and head dim, indexer heads and indexer dim.
Dims = namedtuple("Dims", "d h dh hi di")
MINI = Dims(128, 4, 32, 4, 32)
# The committed models' sizes, read by check_attention_reports.py.
D, H, DH, HI, DI = MINI


def weights(seed, layers, dims=MINI):
    d, h, dh, hi, di = dims
    rng = np.random.default_rng(seed)
    q = lambda *shape: np.round(rng.normal(0, 0.09, shape) * 1024) / 1024
    return [dict(wq=q(d, h * dh), wk=q(d, h * dh), wv=q(d, h * dh), wo=q(h * dh, d),
                 wqi=q(d, hi * di), wki=q(d, di), ww=q(d, hi))
            for _ in range(layers)]


# ------------------------------------------------------------------ reference

def reference(x, ws, k, sparse=True, dims=MINI):
    """float64, from the math: x (1,S,D) -> (1,S,D)."""
    D, H, DH, HI, DI = dims
    x = x.astype(np.float64)[0]
    s = x.shape[0]
    for w in ws:
        heads = lambda m, n, dh: (x @ m).reshape(s, n, dh).transpose(1, 0, 2)
        q, kk, v = heads(w["wq"], H, DH), heads(w["wk"], H, DH), heads(w["wv"], H, DH)
        visible = np.tril(np.ones((s, s), bool))
        if sparse:
            qi = (x @ w["wqi"]).reshape(s, HI, DI)
            ki = x @ w["wki"]
            wt = (x @ w["ww"]) * HI ** -0.5 * DI ** -0.5
            index = np.einsum("tj,tjs->ts", wt,
                              np.maximum(np.einsum("tjd,sd->tjs", qi, ki), 0))
            chosen = np.zeros((s, s), bool)
            for t in range(s):
                order = sorted(range(t + 1), key=lambda u: (-index[t, u], u))
                chosen[t, order[:k]] = True
            visible &= chosen
        scores = np.einsum("htd,hsd->hts", q, kk) * DH ** -0.5
        scores = np.where(visible, scores, -np.inf)
        p = np.exp(scores - scores.max(-1, keepdims=True))
        p /= p.sum(-1, keepdims=True)
        o = np.einsum("hts,hsd->htd", p, v).transpose(1, 0, 2).reshape(s, H * DH)
        x = x + o @ w["wo"]
    return x[None]


# ---------------------------------------------------------------------- graph

class Graph:
    def __init__(self):
        self.nodes, self.inits, self.n = [], [], 0

    def name(self, hint):
        self.n += 1
        return f"{hint}_{self.n}"

    def init(self, array, hint="c"):
        n = self.name(hint)
        self.inits.append(numpy_helper.from_array(np.asarray(array), n))
        return n

    def op(self, op_type, inputs, hint=None, outputs=1, **attrs):
        outs = [self.name(hint or op_type.lower()) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, **attrs))
        return outs[0] if outputs == 1 else outs


def build(ws, s, k, sparse=True, dims=MINI):
    """The mask form (sparse) or plain causal attention (its dense twin, the
    same weights without the indexer), one block per entry of `ws`."""
    D, H, DH, HI, DI = dims
    g = Graph()
    f32 = lambda a: np.asarray(a, np.float32)
    i64 = lambda a: np.asarray(a, np.int64)
    causal = g.init(f32(np.triu(np.full((s, s), -np.inf), 1)), "causal")
    x = "x"
    for l, w in enumerate(ws):
        def heads(m, n, dh):
            y = g.op("MatMul", [x, g.init(f32(m), f"w{l}")])
            y = g.op("Reshape", [y, g.init(i64([1, s, n, dh]))])
            return g.op("Transpose", [y], perm=[0, 2, 1, 3])
        q, kk, v = heads(w["wq"], H, DH), heads(w["wk"], H, DH), heads(w["wv"], H, DH)
        kt = g.op("Transpose", [kk], perm=[0, 1, 3, 2])
        scores = g.op("Mul", [g.op("MatMul", [q, kt]), g.init(f32(DH ** -0.5))])
        mask = causal
        if sparse:
            qi = heads(w["wqi"], HI, DI)                                  # 1,HI,S,DI
            ki = g.op("MatMul", [x, g.init(f32(w["wki"]))])                # 1,S,DI
            ki = g.op("Unsqueeze", [ki, g.init(i64([1]))])                 # 1,1,S,DI
            kit = g.op("Transpose", [ki], perm=[0, 1, 3, 2])               # 1,1,DI,S
            wt = g.op("Mul", [g.op("MatMul", [x, g.init(f32(w["ww"]))]),
                              g.init(f32(HI ** -0.5 * DI ** -0.5))])       # 1,S,HI
            wt = g.op("Unsqueeze", [g.op("Transpose", [wt], perm=[0, 2, 1]),
                                    g.init(i64([3]))])                     # 1,HI,S,1
            rel = g.op("Relu", [g.op("MatMul", [qi, kit])])
            index = g.op("ReduceSum", [g.op("Mul", [rel, wt]), g.init(i64([1]))],
                         keepdims=0)                                       # 1,S,S
            _, idx = g.op("TopK", [g.op("Add", [index, causal]), g.init(i64([k]))],
                          outputs=2, axis=-1)
            fill = g.op("ConstantOfShape", [g.init(i64([1, s, s]))],
                        value=numpy_helper.from_array(f32([-np.inf])))
            zeros = g.op("ConstantOfShape", [g.init(i64([1, s, k]))],
                         value=numpy_helper.from_array(f32([0.0])))
            sel = g.op("ScatterElements", [fill, idx, zeros], axis=-1)
            sel = g.op("Unsqueeze", [sel, g.init(i64([1]))])
            mask = g.op("Add", [sel, causal])
        p = g.op("Softmax", [g.op("Add", [scores, mask])], axis=-1)
        o = g.op("Transpose", [g.op("MatMul", [p, v])], perm=[0, 2, 1, 3])
        o = g.op("Reshape", [o, g.init(i64([1, s, H * DH]))])
        x = g.op("Add", [x, g.op("MatMul", [o, g.init(f32(w["wo"]))])])
    g.nodes.append(helper.make_node("Identity", [x], ["y"]))
    graph = helper.make_graph(
        g.nodes, "dsa_mini",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, s, D])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, s, D])], g.inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)],
                             ir_version=8, producer_name="make_dsa_models.py")


def write(dirname, ws, s, k, sparse=True, seed=7, dims=MINI, with_reference=True):
    """<dirname>/model.onnx and test_data_set_0/input_0.pb, plus output_0.pb
    from `reference` unless with_reference is False (O(S^2 log S) in Python:
    too slow for benchmark sizes, whose outputs onnxruntime writes)."""
    os.makedirs(os.path.join(dirname, "test_data_set_0"), exist_ok=True)
    save(build(ws, s, k, sparse, dims), os.path.join(dirname, "model.onnx"))
    x = np.round(np.random.default_rng(seed).normal(0, 1, (1, s, dims.d)) * 256) / 256
    data = os.path.join(dirname, "test_data_set_0")
    arrays = [("input_0", "x", x)]
    if with_reference:
        arrays.append(("output_0", "y", reference(x, ws, k, sparse, dims)))
    for name, onnx_name, array in arrays:
        tensor = numpy_helper.from_array(array.astype(np.float32), onnx_name)
        with open(os.path.join(data, name + ".pb"), "wb") as f:
            f.write(tensor.SerializeToString())
    return dirname


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=HERE)
    parser.add_argument("--ort", action="store_true")
    args = parser.parse_args()
    made = [write(os.path.join(args.out, "dsa_s40"), weights(1, 2), 40, 8),
            write(os.path.join(args.out, "dsa_s7"), weights(2, 1), 7, 7)]
    if args.ort:
        run_js = os.path.join(ROOT, "tools", "ort-reference", "run.js")
        for case in made:
            model, data = os.path.join(case, "model.onnx"), os.path.join(case, "test_data_set_0")
            subprocess.run(["node", run_js, model, data, "--rtol", "1e-4", "--atol", "1e-4"],
                           check=True)
            subprocess.run(["node", run_js, model, data, "--write-outputs"], check=True)


if __name__ == "__main__":
    sys.exit(main())
