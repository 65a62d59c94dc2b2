#!/usr/bin/python3
"""Writes examples/tiny-decoder/{model.onnx, test_data_set_0/{input_0,output_0}.pb}.

A 2-layer Llama-style decoder (RMSNorm, GQA attention with half-split RoPE, SwiGLU FFN)
in the *decomposed* form an exporter emits (techniques.md section 1.3), so it exercises
attnc's importer and attention matcher. Opset 17, default domain only, ir_version 8, so
that older tools (onnx 1.12's checker, older runtimes) accept it.

The expected output is computed by an independent float64 numpy implementation of the
math below (not by running the graph); onnxruntime cross-checks it:
    node tools/ort-reference/run.js examples/tiny-decoder/model.onnx \
        examples/tiny-decoder/test_data_set_0

Run with /usr/bin/python3 (needs numpy and onnx). Deterministic: fixed seed.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SEED = 1234
VOCAB, D, HQ, HKV, DH, S, LAYERS, FFN = 128, 64, 4, 2, 16, 16, 2, 128
G = HQ // HKV          # query heads per KV head (contiguous groups: head h reads KV h // G)
EPS = 1e-5             # RMSNorm epsilon
THETA = 10000.0        # RoPE base

HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------- parameters

def make_params(rng):
    """Random weights. Scales keep activations O(1); Wq/Wk are larger so the softmax
    is far from uniform, i.e. the mask, scale and RoPE visibly change the result."""
    n = lambda shape, s: (rng.standard_normal(shape) * s).astype(np.float32)
    p = {"embed": n((VOCAB, D), 1.0)}
    for l in range(LAYERS):
        p[f"l{l}.attn_norm"] = (1.0 + n((D,), 0.1))
        p[f"l{l}.wq"] = n((D, HQ * DH), 0.15)
        p[f"l{l}.wk"] = n((D, HKV * DH), 0.15)
        p[f"l{l}.wv"] = n((D, HKV * DH), 0.05)
        p[f"l{l}.wo"] = n((HQ * DH, D), 0.05)
        p[f"l{l}.ffn_norm"] = (1.0 + n((D,), 0.1))
        p[f"l{l}.w_gate"] = n((D, FFN), 0.05)
        p[f"l{l}.w_up"] = n((D, FFN), 0.05)
        p[f"l{l}.w_down"] = n((FFN, D), 0.05)
    p["final_norm"] = (1.0 + n((D,), 0.1))
    p["lm_head"] = n((D, VOCAB), 0.05)
    return p


def rope_tables():
    """Half-split RoPE tables [S, DH]: pair (m, m + DH/2) rotates by angle pos * theta^(-2m/DH);
    cos/sin repeated over both halves so the graph can multiply elementwise."""
    inv_freq = THETA ** (-np.arange(0, DH // 2, dtype=np.float64) * 2.0 / DH)
    ang = np.arange(S, dtype=np.float64)[:, None] * inv_freq[None, :]      # [S, DH/2]
    ang = np.concatenate([ang, ang], axis=-1)                              # [S, DH]
    return np.cos(ang).astype(np.float32), np.sin(ang).astype(np.float32)


def causal_mask():
    """Additive mask [S, S]: 0 where key j <= query i, -inf above the diagonal."""
    return np.triu(np.full((S, S), -np.inf, dtype=np.float32), k=1)


# ----------------------------------------------------------------- numpy reference

def reference(ids, p, cos, sin, mask):
    """The math, in float64, written without looking at the graph."""
    f = lambda a: a.astype(np.float64)

    def rmsnorm(x, w):
        return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + EPS) * f(w)

    def rope(x):  # x [H, S, DH]; rotate_half(x) = [-x2, x1]
        x1, x2 = x[..., : DH // 2], x[..., DH // 2:]
        return x * f(cos) + np.concatenate([-x2, x1], axis=-1) * f(sin)

    x = f(p["embed"])[ids[0]]                                              # [S, D]
    for l in range(LAYERS):
        h = rmsnorm(x, p[f"l{l}.attn_norm"])
        q = (h @ f(p[f"l{l}.wq"])).reshape(S, HQ, DH).transpose(1, 0, 2)  # [HQ, S, DH]
        k = (h @ f(p[f"l{l}.wk"])).reshape(S, HKV, DH).transpose(1, 0, 2)
        v = (h @ f(p[f"l{l}.wv"])).reshape(S, HKV, DH).transpose(1, 0, 2)
        q, k = rope(q), rope(k)
        out = np.empty((HQ, S, DH))
        for hq in range(HQ):
            kv = hq // G
            s = q[hq] @ k[kv].T / np.sqrt(DH) + f(mask)
            s = np.exp(s - s.max(axis=-1, keepdims=True))
            out[hq] = (s / s.sum(axis=-1, keepdims=True)) @ v[kv]
        x = x + out.transpose(1, 0, 2).reshape(S, HQ * DH) @ f(p[f"l{l}.wo"])
        h = rmsnorm(x, p[f"l{l}.ffn_norm"])
        gate, up = h @ f(p[f"l{l}.w_gate"]), h @ f(p[f"l{l}.w_up"])
        x = x + (gate / (1.0 + np.exp(-gate)) * up) @ f(p[f"l{l}.w_down"])
    logits = rmsnorm(x, p["final_norm"]) @ f(p["lm_head"])
    return logits[None].astype(np.float32)                                 # [1, S, VOCAB]


# ----------------------------------------------------------------- ONNX graph

class Builder:
    """Collects nodes/initializers; every value gets a readable name (layer/op)."""

    def __init__(self):
        self.nodes, self.inits, self.consts = [], [], {}

    def init(self, name, array):
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def const(self, array, dtype):
        """Shared small constants (shapes, axes, scalars), deduplicated by value."""
        a = np.asarray(array, dtype=dtype)
        key = (a.dtype.str, a.shape, a.tobytes())
        if key not in self.consts:
            self.consts[key] = self.init(f"const_{len(self.consts)}", a)
        return self.consts[key]

    def op(self, op_type, inputs, name, **attrs):
        self.nodes.append(helper.make_node(op_type, inputs, [name], name=name, **attrs))
        return name


def rmsnorm_graph(b, x, weight, pfx):
    # Decomposed as exporters emit it: x / sqrt(mean(x^2) + eps) * w.
    sq = b.op("Pow", [x, b.const(2.0, np.float32)], f"{pfx}/pow")
    ms = b.op("ReduceMean", [sq], f"{pfx}/mean", axes=[-1], keepdims=1)  # axes attr: opset 17
    ms = b.op("Add", [ms, b.const(EPS, np.float32)], f"{pfx}/add_eps")
    rs = b.op("Sqrt", [ms], f"{pfx}/sqrt")
    return b.op("Mul", [b.op("Div", [x, rs], f"{pfx}/div"), weight], f"{pfx}/out")


def heads_graph(b, h, w, nheads, pfx):
    """[1,S,D] @ W -> Reshape [1,S,H,DH] -> Transpose to BHSD [1,H,S,DH]."""
    y = b.op("MatMul", [h, w], f"{pfx}/proj")
    y = b.op("Reshape", [y, b.const([1, S, nheads, DH], np.int64)], f"{pfx}/reshape")
    return b.op("Transpose", [y], f"{pfx}/bhsd", perm=[0, 2, 1, 3])


def rope_graph(b, x, pfx):
    # rotate_half via Slice/Neg/Concat, then x*cos + rotate_half(x)*sin ([S,DH] broadcasts).
    half, axis = b.const([DH // 2], np.int64), b.const([-1], np.int64)
    x1 = b.op("Slice", [x, b.const([0], np.int64), half, axis], f"{pfx}/x1")
    x2 = b.op("Slice", [x, half, b.const([DH], np.int64), axis], f"{pfx}/x2")
    rot = b.op("Concat", [b.op("Neg", [x2], f"{pfx}/neg_x2"), x1], f"{pfx}/rotate_half", axis=-1)
    xc = b.op("Mul", [x, "rope_cos"], f"{pfx}/x_cos")
    xs = b.op("Mul", [rot, "rope_sin"], f"{pfx}/rot_sin")
    return b.op("Add", [xc, xs], f"{pfx}/out")


def repeat_kv_graph(b, x, pfx):
    # GQA repeat as exporters emit it:
    # [1,HKV,S,DH] -> [1,HKV,1,S,DH] -> [1,HKV,G,S,DH] -> [1,HQ,S,DH] (contiguous groups).
    y = b.op("Unsqueeze", [x, b.const([2], np.int64)], f"{pfx}/unsqueeze")
    y = b.op("Expand", [y, b.const([1, HKV, G, S, DH], np.int64)], f"{pfx}/expand")
    return b.op("Reshape", [y, b.const([1, HQ, S, DH], np.int64)], f"{pfx}/reshape")


def build_model(p, cos, sin, mask):
    b = Builder()
    for name, arr in p.items():
        b.init(name, arr)
    b.init("rope_cos", cos)
    b.init("rope_sin", sin)
    b.init("causal_mask", mask)

    x = b.op("Gather", ["embed", "input_ids"], "embed/gather", axis=0)   # [1,S,D]
    for l in range(LAYERS):
        a = f"layer{l}/attn"
        h = rmsnorm_graph(b, x, f"l{l}.attn_norm", f"layer{l}/attn_norm")
        q = rope_graph(b, heads_graph(b, h, f"l{l}.wq", HQ, f"{a}/q"), f"{a}/q_rope")
        k = rope_graph(b, heads_graph(b, h, f"l{l}.wk", HKV, f"{a}/k"), f"{a}/k_rope")
        v = heads_graph(b, h, f"l{l}.wv", HKV, f"{a}/v")
        k, v = repeat_kv_graph(b, k, f"{a}/k_rep"), repeat_kv_graph(b, v, f"{a}/v_rep")
        kt = b.op("Transpose", [k], f"{a}/k_t", perm=[0, 1, 3, 2])
        s = b.op("MatMul", [q, kt], f"{a}/qk")
        # Scale applied as Div(sqrt(d_h)) after QK^T (one of the two exporter forms).
        s = b.op("Div", [s, b.const(np.sqrt(DH), np.float32)], f"{a}/scaled")
        s = b.op("Add", [s, "causal_mask"], f"{a}/masked")
        pr = b.op("Softmax", [s], f"{a}/probs", axis=-1)
        o = b.op("MatMul", [pr, v], f"{a}/pv")
        o = b.op("Transpose", [o], f"{a}/bshd", perm=[0, 2, 1, 3])
        o = b.op("Reshape", [o, b.const([1, S, HQ * DH], np.int64)], f"{a}/merge_heads")
        o = b.op("MatMul", [o, f"l{l}.wo"], f"{a}/o_proj")
        x = b.op("Add", [x, o], f"layer{l}/attn_residual")

        f_ = f"layer{l}/ffn"
        h = rmsnorm_graph(b, x, f"l{l}.ffn_norm", f"layer{l}/ffn_norm")
        gate = b.op("MatMul", [h, f"l{l}.w_gate"], f"{f_}/gate")
        up = b.op("MatMul", [h, f"l{l}.w_up"], f"{f_}/up")
        silu = b.op("Mul", [gate, b.op("Sigmoid", [gate], f"{f_}/sigmoid")], f"{f_}/silu")
        y = b.op("MatMul", [b.op("Mul", [silu, up], f"{f_}/swiglu"), f"l{l}.w_down"], f"{f_}/down")
        x = b.op("Add", [x, y], f"layer{l}/ffn_residual")

    h = rmsnorm_graph(b, x, "final_norm", "final_norm")
    b.nodes.append(helper.make_node("MatMul", [h, "lm_head"], ["logits"], name="lm_head"))

    graph = helper.make_graph(
        b.nodes, "tiny_decoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, S])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, S, VOCAB])],
        initializer=b.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="attnc examples/tiny-decoder/make_model.py")
    model.ir_version = 8  # set by hand: make_model would stamp the helper's own IR version
    return model


def main():
    rng = np.random.default_rng(SEED)
    p = make_params(rng)
    ids = rng.integers(0, VOCAB, size=(1, S), dtype=np.int64)
    cos, sin = rope_tables()
    mask = causal_mask()

    model = build_model(p, cos, sin, mask)
    # onnx 1.12 knows opset 17 / IR 8, so the full checker (with shape inference) applies.
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, os.path.join(HERE, "model.onnx"))

    logits = reference(ids, p, cos, sin, mask)
    data = os.path.join(HERE, "test_data_set_0")
    os.makedirs(data, exist_ok=True)
    for fname, arr, name in [("input_0.pb", ids, "input_ids"), ("output_0.pb", logits, "logits")]:
        with open(os.path.join(data, fname), "wb") as fh:
            fh.write(numpy_helper.from_array(arr, name).SerializeToString())
    print(f"wrote model.onnx ({len(model.graph.node)} nodes) and test_data_set_0/; "
          f"logits std {logits.std():.3f}, max |logit| {np.abs(logits).max():.3f}")


if __name__ == "__main__":
    main()
