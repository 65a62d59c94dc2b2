#!/usr/bin/env python3
# Writes small models that spell rotary position embeddings and the past/present
# KV concatenation the way exporters do (decomposed into Slice/Split/Neg/Concat/
# Mul/Add, Gather of cos/sin tables, Concat(past, new) on the sequence axis), in
# the ONNX backend-test layout, with inputs and expected outputs computed by an
# independent float64 numpy implementation of the math (not by running the
# graph). attn-raise-rope / attn-raise-kv-cache must turn them into attn.rope /
# attn.kv_cache_append (checked by test/Integration/rope-models.test).
# Cross-check the expected outputs with onnxruntime:
#   node tools/ort-reference/run.js MODEL DIR
# Run with /usr/bin/python3. Deterministic: fixed seed.
import os

import numpy as np
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2024)
F32 = TensorProto.FLOAT
I64 = TensorProto.INT64


def write_case(name, graph, inputs, outputs):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    case = os.path.join(HERE, name)
    data = os.path.join(case, "test_data_set_0")
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(case, "model.onnx"), "wb") as f:
        f.write(model.SerializeToString())
    for prefix, tensors in (("input", inputs), ("output", outputs)):
        for k, (tname, array) in enumerate(tensors):
            with open(os.path.join(data, f"{prefix}_{k}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(array, tname).SerializeToString())


class Graph:
    """Nodes and initializers; every value gets a readable name."""

    def __init__(self):
        self.nodes, self.inits = [], []

    def init(self, name, array):
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def ints(self, name, values):
        return self.init(name, np.asarray(values, dtype=np.int64))

    def op(self, op_type, inputs, name, outputs=1, **attrs):
        names = [name] if outputs == 1 else [f"{name}_{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, names, name=name, **attrs))
        return names[0] if outputs == 1 else names

    def graph(self, name, inputs, outputs):
        vi = lambda n, t, s: helper.make_tensor_value_info(n, t, s)
        return helper.make_graph(self.nodes, name, [vi(*i) for i in inputs],
                                 [vi(*o) for o in outputs], self.inits)


def rope_angles(positions, rotary, theta=10000.0):
    """Angle of pair m at each position: pos * theta^(-2m/R), shape [..., R/2]."""
    inv_freq = theta ** (-np.arange(rotary // 2, dtype=np.float64) * 2.0 / rotary)
    return np.asarray(positions, dtype=np.float64)[..., None] * inv_freq


def rope_half_split(x, cos, sin):
    """x[..., :R] rotated as pairs (m, m + R/2); cos/sin [..., R/2] broadcast to x's rows."""
    r = cos.shape[-1] * 2
    a, b, rest = x[..., : r // 2], x[..., r // 2: r], x[..., r:]
    return np.concatenate([a * cos - b * sin, a * sin + b * cos, rest], axis=-1)


def rope_interleaved(x, cos, sin):
    """x[..., :R] rotated as pairs (2m, 2m + 1)."""
    r = cos.shape[-1] * 2
    a, b = x[..., 0:r:2], x[..., 1:r:2]
    out = x.copy()
    out[..., 0:r:2] = a * cos - b * sin
    out[..., 1:r:2] = a * sin + b * cos
    return out


def half_split_rotation(g, x, width, pfx, split=False):
    """rotate_half(x) = Concat(Neg(x2), x1) of the halves of x's last `width` channels."""
    if split:
        x1, x2 = g.op("Split", [x], f"{pfx}/halves", outputs=2, axis=-1)
    else:
        half, axis = g.ints(f"{pfx}/half", [width // 2]), g.ints(f"{pfx}/axis", [-1])
        x1 = g.op("Slice", [x, g.ints(f"{pfx}/zero", [0]), half, axis], f"{pfx}/x1")
        x2 = g.op("Slice", [x, half, g.ints(f"{pfx}/end", [2**63 - 1]), axis], f"{pfx}/x2")
    return g.op("Concat", [g.op("Neg", [x2], f"{pfx}/neg"), x1], f"{pfx}/rotate_half",
                axis=-1)


# ----------------------------------------------------------------------------- models

def llama_decode():
    """A Llama attention block decoding S tokens after a past of P: half-split RoPE
    with cos/sin gathered by position_ids from 5 KiB tables (dense_resource blobs in
    attnc), GQA, present = Concat(past, new) on the sequence axis."""
    B, S, P, D, HQ, HKV, DH, MAXPOS = 2, 3, 5, 32, 4, 2, 8, 160
    G = HQ // HKV
    x = rng.standard_normal((B, S, D)).astype(np.float32)
    pos = np.array([[5, 6, 7], [150, 151, 152]], dtype=np.int64)
    past_k = rng.standard_normal((B, HKV, P, DH)).astype(np.float32)
    past_v = rng.standard_normal((B, HKV, P, DH)).astype(np.float32)
    wq = (rng.standard_normal((D, HQ * DH)) * 0.3).astype(np.float32)
    wk = (rng.standard_normal((D, HKV * DH)) * 0.3).astype(np.float32)
    wv = (rng.standard_normal((D, HKV * DH)) * 0.3).astype(np.float32)
    ang = rope_angles(np.arange(MAXPOS), DH)                          # [MAXPOS, DH/2]
    cos_table = np.cos(np.concatenate([ang, ang], -1)).astype(np.float32)
    sin_table = np.sin(np.concatenate([ang, ang], -1)).astype(np.float32)
    # Query row i sits at key position P + i (bottom-right causal).
    mask = np.where(np.arange(P + S)[None, :] <= P + np.arange(S)[:, None], 0.0,
                    -np.inf).astype(np.float32)

    f = lambda a: a.astype(np.float64)
    heads = lambda y, h: y.reshape(B, S, h, DH).transpose(0, 2, 1, 3)
    cos, sin = f(cos_table)[pos][:, None, :, : DH // 2], f(sin_table)[pos][:, None, :, : DH // 2]
    q = rope_half_split(heads(f(x) @ f(wq), HQ), cos, sin)
    k = rope_half_split(heads(f(x) @ f(wk), HKV), cos, sin)
    v = heads(f(x) @ f(wv), HKV)
    present_k = np.concatenate([f(past_k), k], axis=2)
    present_v = np.concatenate([f(past_v), v], axis=2)
    out = np.empty((B, HQ, S, DH))
    for b in range(B):
        for h in range(HQ):
            s = q[b, h] @ present_k[b, h // G].T / np.sqrt(DH) + f(mask)
            p = np.exp(s - s.max(-1, keepdims=True))
            out[b, h] = (p / p.sum(-1, keepdims=True)) @ present_v[b, h // G]
    y = out.transpose(0, 2, 1, 3).reshape(B, S, HQ * DH)

    g = Graph()
    for name, value in (("wq", wq), ("wk", wk), ("wv", wv), ("cos_table", cos_table),
                        ("sin_table", sin_table), ("mask", mask)):
        g.init(name, value)

    def project(w, h, pfx):
        y = g.op("MatMul", ["x", w], f"{pfx}/proj")
        y = g.op("Reshape", [y, g.ints(f"{pfx}/shape", [B, S, h, DH])], f"{pfx}/split_heads")
        return g.op("Transpose", [y], f"{pfx}/bhsd", perm=[0, 2, 1, 3])

    one = g.ints("axis1", [1])
    cos = g.op("Unsqueeze", [g.op("Gather", ["cos_table", "position_ids"], "cos/gather"), one],
               "cos/unsqueeze")
    sin = g.op("Unsqueeze", [g.op("Gather", ["sin_table", "position_ids"], "sin/gather"), one],
               "sin/unsqueeze")

    def rope(t, pfx):
        rot = half_split_rotation(g, t, DH, pfx)
        return g.op("Add", [g.op("Mul", [t, cos], f"{pfx}/x_cos"),
                            g.op("Mul", [rot, sin], f"{pfx}/rot_sin")], f"{pfx}/out")

    q = rope(project("wq", HQ, "q"), "q_rope")
    k = rope(project("wk", HKV, "k"), "k_rope")
    v = project("wv", HKV, "v")
    g.op("Concat", ["past_key", k], "present_key", axis=2)
    g.op("Concat", ["past_value", v], "present_value", axis=2)

    def repeat(t, pfx):
        t = g.op("Unsqueeze", [t, g.ints(f"{pfx}/axis", [2])], f"{pfx}/unsqueeze")
        t = g.op("Expand", [t, g.ints(f"{pfx}/to", [B, HKV, G, P + S, DH])], f"{pfx}/expand")
        return g.op("Reshape", [t, g.ints(f"{pfx}/shape", [B, HQ, P + S, DH])], f"{pfx}/reshape")

    kt = g.op("Transpose", [repeat("present_key", "k_rep")], "k_t", perm=[0, 1, 3, 2])
    s = g.op("MatMul", [q, kt], "qk")
    s = g.op("Div", [s, g.init("sqrt_dh", np.array(np.sqrt(DH), dtype=np.float32))], "scaled")
    s = g.op("Add", [s, "mask"], "masked")
    o = g.op("MatMul", [g.op("Softmax", [s], "probs", axis=-1), repeat("present_value", "v_rep")],
             "pv")
    o = g.op("Transpose", [o], "bshd", perm=[0, 2, 1, 3])
    g.op("Reshape", [o, g.ints("merge_shape", [B, S, HQ * DH])], "y")

    graph = g.graph("rope_llama_decode",
                    [("x", F32, [B, S, D]), ("position_ids", I64, [B, S]),
                     ("past_key", F32, [B, HKV, P, DH]), ("past_value", F32, [B, HKV, P, DH])],
                    [("y", F32, [B, S, HQ * DH]), ("present_key", F32, [B, HKV, P + S, DH]),
                     ("present_value", F32, [B, HKV, P + S, DH])])
    write_case("rope_llama_decode", graph,
               [("x", x), ("position_ids", pos), ("past_key", past_k), ("past_value", past_v)],
               [("y", y.astype(np.float32)), ("present_key", present_k.astype(np.float32)),
                ("present_value", present_v.astype(np.float32))])


def partial_split_bshd():
    """Prefix-partial half-split RoPE (rotate 8 of 16 channels) on B x S x H x D before
    the transpose, cut by Split, with per-token cos/sin given as graph inputs c, s
    [B, S, R/2] and duplicated by Concat(c, c); products in swapped operand order."""
    B, S, H, D, R = 2, 3, 4, 16, 8
    x = rng.standard_normal((B, S, H, D)).astype(np.float32)
    c = rng.uniform(-1, 1, (B, S, R // 2)).astype(np.float32)
    s = rng.uniform(-1, 1, (B, S, R // 2)).astype(np.float32)
    f = lambda a: a.astype(np.float64)
    y = rope_half_split(f(x), f(c)[:, :, None, :], f(s)[:, :, None, :]).transpose(0, 2, 1, 3)

    g = Graph()
    xr, xp = g.op("Split", ["x", g.ints("split", [R, D - R])], "rot_pass", outputs=2, axis=-1)
    axis2 = g.ints("axis2", [2])
    cos = g.op("Unsqueeze", [g.op("Concat", ["c", "c"], "cos/dup", axis=-1), axis2], "cos")
    sin = g.op("Unsqueeze", [g.op("Concat", ["s", "s"], "sin/dup", axis=-1), axis2], "sin")
    rot = half_split_rotation(g, xr, R, "rope", split=True)
    core = g.op("Add", [g.op("Mul", [sin, rot], "rope/sin_rot"),
                        g.op("Mul", [cos, xr], "rope/cos_x")], "rope/core")
    out = g.op("Concat", [core, xp], "rope/out", axis=-1)
    g.op("Transpose", [out], "y", perm=[0, 2, 1, 3])
    graph = g.graph("rope_partial_split_bshd",
                    [("x", F32, [B, S, H, D]), ("c", F32, [B, S, R // 2]),
                     ("s", F32, [B, S, R // 2])],
                    [("y", F32, [B, H, S, D])])
    write_case("rope_partial_split_bshd", graph, [("x", x), ("c", c), ("s", s)],
               [("y", y.astype(np.float32))])


def interleaved_pair_view():
    """GPT-J RoPE of the last 8 of 12 channels (an offset, like MLA's decoupled
    rope part): x viewed as pairs by Reshape [..., R/2, 2], Split into even/odd,
    Concat(Neg(odd), even) reshaped back; 1 x 1 x S x R constant tables with equal
    even/odd entries."""
    B, H, S, D, R, OFF = 1, 2, 4, 12, 8, 4
    x = rng.standard_normal((B, H, S, D)).astype(np.float32)
    ang = rope_angles(np.arange(3, 3 + S), R)                         # [S, R/2]
    cos_table = np.repeat(np.cos(ang), 2, axis=-1)[None, None].astype(np.float32)
    sin_table = np.repeat(np.sin(ang), 2, axis=-1)[None, None].astype(np.float32)
    f = lambda a: a.astype(np.float64)
    y = f(x).copy()
    y[..., OFF:] = rope_interleaved(f(x)[..., OFF:], f(cos_table)[..., 0::2],
                                    f(sin_table)[..., 0::2])

    g = Graph()
    g.init("cos", cos_table)
    g.init("sin", sin_table)
    axis = g.ints("axis", [-1])
    head = g.op("Slice", ["x", g.ints("zero", [0]), g.ints("off", [OFF]), axis], "nope")
    xr = g.op("Slice", ["x", g.ints("off2", [OFF]), g.ints("end", [D]), axis], "rope/x")
    view = g.op("Reshape", [xr, g.ints("pairs", [B, H, S, R // 2, 2])], "rope/pairs")
    even, odd = g.op("Split", [view, g.ints("ones", [1, 1])], "rope/members", outputs=2,
                     axis=-1)
    rot = g.op("Concat", [g.op("Neg", [odd], "rope/neg_odd"), even], "rope/rotate_pairs",
               axis=-1)
    rot = g.op("Reshape", [rot, g.ints("back", [B, H, S, R])], "rope/rotate")
    core = g.op("Add", [g.op("Mul", [xr, "cos"], "rope/x_cos"),
                        g.op("Mul", ["sin", rot], "rope/sin_rot")], "rope/core")
    g.op("Concat", [head, core], "y", axis=-1)
    graph = g.graph("rope_interleaved_pair_view", [("x", F32, [B, H, S, D])],
                    [("y", F32, [B, H, S, D])])
    write_case("rope_interleaved_pair_view", graph, [("x", x)], [("y", y.astype(np.float32))])


def complex_strided():
    """Meta-style interleaved RoPE as a complex product on strided members:
    a = x[..., 0::2], b = x[..., 1::2], (a*c - b*s, a*s + b*c) stacked and reshaped
    back, with per-pair tables [P, R/2] gathered by position ids."""
    B, H, S, D, MAXPOS = 2, 2, 4, 8, 16
    x = rng.standard_normal((B, H, S, D)).astype(np.float32)
    pos = np.array([[0, 1, 2, 3], [9, 10, 11, 12]], dtype=np.int64)
    ang = rope_angles(np.arange(MAXPOS), D)
    cos_table, sin_table = np.cos(ang).astype(np.float32), np.sin(ang).astype(np.float32)
    f = lambda a: a.astype(np.float64)
    y = rope_interleaved(f(x), f(cos_table)[pos][:, None], f(sin_table)[pos][:, None])

    g = Graph()
    g.init("cos_table", cos_table)
    g.init("sin_table", sin_table)
    one, axis, two = g.ints("one", [1]), g.ints("axis", [-1]), g.ints("two", [2])
    cos = g.op("Unsqueeze", [g.op("Gather", ["cos_table", "position_ids"], "cos/gather"), one],
               "cos")
    sin = g.op("Unsqueeze", [g.op("Gather", ["sin_table", "position_ids"], "sin/gather"), one],
               "sin")
    end = g.ints("end", [D])
    a = g.op("Slice", ["x", g.ints("zero", [0]), end, axis, two], "a")
    b = g.op("Slice", ["x", one, end, axis, two], "b")
    real = g.op("Sub", [g.op("Mul", [a, cos], "a_cos"), g.op("Mul", [b, sin], "b_sin")], "real")
    imag = g.op("Add", [g.op("Mul", [sin, a], "a_sin"), g.op("Mul", [cos, b], "b_cos")], "imag")
    pairs = g.op("Concat", [g.op("Unsqueeze", [real, axis], "real_pair"),
                            g.op("Unsqueeze", [imag, axis], "imag_pair")], "pairs", axis=-1)
    g.op("Reshape", [pairs, g.ints("shape", [B, H, S, D])], "y")
    graph = g.graph("rope_complex_strided",
                    [("x", F32, [B, H, S, D]), ("position_ids", I64, [B, S])],
                    [("y", F32, [B, H, S, D])])
    write_case("rope_complex_strided", graph, [("x", x), ("position_ids", pos)],
               [("y", y.astype(np.float32))])


def inverse_suffix():
    """The de-rotation (DeepSeek V4 rotates the attention output back): the
    rotate_half is Concat(x2, Neg(x1)), i.e. the angle is negated, on the last
    4 of 8 channels with halves sliced straight from x; constant 1 x 1 x S x R
    tables."""
    B, H, S, D, R, OFF = 2, 2, 3, 8, 4, 4
    x = rng.standard_normal((B, H, S, D)).astype(np.float32)
    ang = rope_angles(np.arange(10, 10 + S), R)
    cos_table = np.cos(np.concatenate([ang, ang], -1))[None, None].astype(np.float32)
    sin_table = np.sin(np.concatenate([ang, ang], -1))[None, None].astype(np.float32)
    f = lambda a: a.astype(np.float64)
    y = f(x).copy()
    y[..., OFF:] = rope_half_split(f(x)[..., OFF:], f(cos_table)[..., : R // 2],
                                   -f(sin_table)[..., : R // 2])

    g = Graph()
    g.init("cos", cos_table)
    g.init("sin", sin_table)
    axis = g.ints("axis", [-1])
    cut = lambda name, lo, hi: g.op("Slice", ["x", g.ints(f"{name}/lo", [lo]),
                                              g.ints(f"{name}/hi", [hi]), axis], name)
    xp, xr = cut("pass", 0, OFF), cut("rot", OFF, D)
    x1, x2 = cut("x1", OFF, OFF + R // 2), cut("x2", OFF + R // 2, D)
    rot = g.op("Concat", [x2, g.op("Neg", [x1], "neg_x1")], "rotate_back", axis=-1)
    core = g.op("Add", [g.op("Mul", [xr, "cos"], "x_cos"), g.op("Mul", [rot, "sin"], "rot_sin")],
                "core")
    g.op("Concat", [xp, core], "y", axis=-1)
    graph = g.graph("rope_inverse_suffix", [("x", F32, [B, H, S, D])], [("y", F32, [B, H, S, D])])
    write_case("rope_inverse_suffix", graph, [("x", x)], [("y", y.astype(np.float32))])


llama_decode()
partial_split_bshd()
interleaved_pair_view()
complex_strided()
inverse_suffix()
print("ok")
