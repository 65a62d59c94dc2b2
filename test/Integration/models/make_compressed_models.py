#!/usr/bin/python3
"""Writes a DeepSeek-V4-style heavily compressed attention (HCA) layer
(techniques.md section 11.2) as the decomposed ONNX graph an exporter writes:

  kv      = x W_kv                            one K = V head, 14 raw tokens
  entries = compressor(x W_c, x W_z, B_pos)   m = 4: Slice the 12 tokens of
            complete blocks, Reshape to 3 x 4, Add B_pos, Softmax over the
            block, Mul, ReduceSum (section 11.5)
  keys    = Concat(kv, entries)               14 raw + 3 compressed
  out     = Softmax(q keys^T / 4 + M) keys    two query heads, M constant:
            raw key j visible to query t iff t - 4 < j <= t (window of 4),
            entry i iff (i + 1) * m - 1 <= t (its block is complete by t:
            the causality rule of attn.kv_compress)

A second model, csa_window, uses the overlapping compressor of CSA
(section 11.3) instead: gate and content are 2C wide, entry i pools block
i - 1 through channels [0, C) and block i through [C, 2C) with one softmax
over the 2m tokens; block -1 is spelled as a -inf gate and zero content
(Concat of ConstantOfShape with the shifted blocks).

Expected outputs from a float64 numpy implementation of the math, checked
against onnxruntime (`--ort` stores onnxruntime's). Test:
test/Integration/compressed-models.test. Run with /usr/bin/python3.
"""
import sys

import numpy as np
from onnx import TensorProto, helper

import model_cases
from make_attention_models import Graph, quantized

NAME, CSA_NAME = "hca_window", "csa_window"
T, D, H, DH, M, W = 14, 32, 2, 16, 4, 4
BLOCKS = T // M


def params(overlap=False):
    rng = np.random.default_rng(1416 if overlap else 1414)
    wide = 2 * DH if overlap else DH
    return {"wq": quantized(rng, (D, H * DH), 0.5), "wkv": quantized(rng, (D, DH), 0.5),
            "wc": quantized(rng, (D, wide), 0.5), "wz": quantized(rng, (D, wide), 0.5),
            "bias": quantized(rng, (M, wide), 0.5)}


def inputs():
    return np.random.default_rng(1415).standard_normal((1, T, D)).astype(np.float32)


def visibility():
    """[T, T + BLOCKS]: which raw keys and compressed entries each query sees."""
    t = np.arange(T)[:, None]
    raw = (np.arange(T)[None] <= t) & (t - np.arange(T)[None] < W)
    entries = (np.arange(BLOCKS)[None] + 1) * M - 1 <= t
    return np.concatenate([raw, entries], axis=1)


def reference(w, x, overlap=False):
    f = {k: v.astype(np.float64) for k, v in w.items()}
    x = x[0].astype(np.float64)
    kv = x @ f["wkv"]
    content, gate = x @ f["wc"], x @ f["wz"]
    entries = np.empty((BLOCKS, DH))
    for i in range(BLOCKS):
        z = gate[i * M:(i + 1) * M] + f["bias"]
        c = content[i * M:(i + 1) * M]
        if overlap:
            # Block i - 1 through the low channels, block i through the high.
            if i > 0:
                prev = gate[(i - 1) * M:i * M, :DH] + f["bias"][:, :DH]
            else:
                prev = np.full((M, DH), -np.inf)
            z = np.concatenate([prev, z[:, DH:]])
            c = np.concatenate([content[(i - 1) * M:i * M, :DH] if i > 0 else np.zeros((M, DH)),
                                c[:, DH:]])
        a = np.exp(z - z.max(0)) / np.exp(z - z.max(0)).sum(0)
        entries[i] = (a * c).sum(0)
    keys = np.concatenate([kv, entries])
    q = (x @ f["wq"]).reshape(T, H, DH).transpose(1, 0, 2)
    out = np.empty((H, T, DH))
    for h in range(H):
        s = np.where(visibility(), q[h] @ keys.T / np.sqrt(DH), -np.inf)
        e = np.exp(s - s.max(-1, keepdims=True))
        out[h] = e / e.sum(-1, keepdims=True) @ keys
    return out.transpose(1, 0, 2).reshape(1, T, H * DH)


def build(w, overlap=False):
    g = Graph()
    weight = lambda name: g.init(w[name], name)
    kv = g.op("MatMul", ["x", weight("wkv")], "kv")
    content = g.op("MatMul", ["x", weight("wc")], "content")
    gate = g.op("MatMul", ["x", weight("wz")], "gate")
    complete = lambda v: g.op("Slice", [v, g.ints([0]), g.ints([BLOCKS * M]), g.ints([1])],
                              "complete_blocks")
    wide = 2 * DH if overlap else DH
    blocks = lambda v: g.op("Reshape", [complete(v), g.ints([1, BLOCKS, M, wide])], "blocks")
    z = g.op("Add", [blocks(gate), weight("bias")], "biased_gate")
    x_blocks = blocks(content)
    if overlap:
        def overlapped(view, fill, hint):
            # [block i - 1 low channels ; block i high channels] per entry.
            chan = lambda lo, hi: g.op("Slice", [view, g.ints([lo]), g.ints([hi]), g.ints([3])],
                                       hint + "_channels")
            earlier = g.op("Slice", [chan(0, DH), g.ints([0]), g.ints([BLOCKS - 1]),
                                     g.ints([1])], hint + "_earlier")
            pad = g.op("ConstantOfShape", [g.ints([1, 1, M, DH])], hint + "_block_minus_1",
                       value=helper.make_tensor("v", TensorProto.FLOAT, [1], [fill]))
            shifted = g.op("Concat", [pad, earlier], hint + "_shifted", axis=1)
            return g.op("Concat", [shifted, chan(DH, 2 * DH)], hint + "_pair", axis=2)
        z = overlapped(z, -np.inf, "gate")
        x_blocks = overlapped(x_blocks, 0.0, "content")
    a = g.op("Softmax", [z], "pool_weights", axis=2)
    pooled = g.op("Mul", [a, x_blocks], "weighted")
    entries = g.op("ReduceSum", [pooled, g.ints([2])], "entries", keepdims=0)
    keys = g.op("Concat", [kv, entries], "keys", axis=1)
    keys = g.op("Unsqueeze", [keys, g.ints([1])], "keys_head")        # [1, 1, T+N, DH]
    q = g.op("MatMul", ["x", weight("wq")], "q")
    q = g.op("Transpose", [g.op("Reshape", [q, g.ints([1, T, H, DH])], "q_heads")], "q_bhsd",
             perm=[0, 2, 1, 3])
    kt = g.op("Transpose", [keys], "keys_t", perm=[0, 1, 3, 2])
    s = g.op("Div", [g.op("MatMul", [q, kt], "qk"), g.scalar(np.sqrt(DH))], "scores")
    mask = g.init(np.where(visibility(), 0.0, -np.inf).astype(np.float32), "mask")
    p = g.op("Softmax", [g.op("Add", [s, mask], "masked")], "probs", axis=-1)
    o = g.op("MatMul", [p, keys], "context")
    o = g.op("Reshape", [g.op("Transpose", [o], "o_bshd", perm=[0, 2, 1, 3]),
                         g.ints([1, T, H * DH])], "out")
    g.nodes.append(helper.make_node("Identity", [o], ["y"], name="y"))
    graph = helper.make_graph(
        g.nodes, CSA_NAME if overlap else NAME, [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, T, D])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, T, H * DH])], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)],
                              producer_name="make_compressed_models.py")
    model.ir_version = 8
    return model


def cases():
    def dataset(overlap):
        x = inputs()
        y = reference(params(overlap), x, overlap).astype(np.float32)
        return [([("x", x)], [("y", y)])]
    return [model_cases.Case(NAME, lambda: build(params()), lambda: dataset(False)),
            model_cases.Case(CSA_NAME, lambda: build(params(True), overlap=True),
                             lambda: dataset(True))]


if __name__ == "__main__":
    sys.exit(model_cases.main(__doc__, cases()))
