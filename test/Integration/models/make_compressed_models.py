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

Two more, csa_sparse (37 raw tokens) and csa_sparse_s100 (100), spell a
whole CSA sparse attention (section 11.3; docs/AttentionRaising.md, CSA):
4 query heads over one K = V head of 64, the overlapping compressor's
entries (m = 4, Nc = S // 4), a window of 8 raw keys, and the top-4 entries
that a lightning indexer (2 heads of 16, not causal; its keys the Nc
entries of a second overlapping compressor, 16 wide) picks among the
visible ones:

  I   = ReduceSum(Mul(Relu(qI kI^T), w), [1])       qI, w from x; kI per entry
  _, idx = TopK(Add(I, V), 4)                        V: 0 / -inf block completion
  sel = ScatterElements(-inf, idx, 0, axis -1)
  M   = Unsqueeze(Concat(R, Add(sel, V), axis -1), [1])   R: the raw window
  out = gpt-oss sinks softmax of q keys^T / 8 + M, times keys

(no norms and no RoPE: the raising reads only the selection's structure).
Their reference also checks that no top-k choice is within MIN_MARGIN of a
tie, so that numpy, onnxruntime and attnc select the same entries.

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


def ref_compress(content, gate, bias, m, overlap):
    """[T // m, width] entries of content and gate [T, C] (C = 2 * width with
    overlap): per channel, a softmax over the block's gates (+ B_pos)
    weighting its content; with overlap, block i - 1 through the low channels
    and block i through the high ones (block -1: -inf gates)."""
    width = content.shape[1] // 2 if overlap else content.shape[1]
    entries = np.empty((content.shape[0] // m, width))
    for i in range(content.shape[0] // m):
        z = gate[i * m:(i + 1) * m] + bias
        c = content[i * m:(i + 1) * m]
        if overlap:
            prev, lo = slice((i - 1) * m, i * m), slice(None, width)
            prev_z = gate[prev, lo] + bias[:, lo] if i else np.full((m, width), -np.inf)
            prev_c = content[prev, lo] if i else np.zeros((m, width))
            z = np.concatenate([prev_z, z[:, width:]])
            c = np.concatenate([prev_c, c[:, width:]])
        a = np.exp(z - z.max(0)) / np.exp(z - z.max(0)).sum(0)
        entries[i] = (a * c).sum(0)
    return entries


def reference(w, x, overlap=False):
    f = {k: v.astype(np.float64) for k, v in w.items()}
    x = x[0].astype(np.float64)
    kv = x @ f["wkv"]
    entries = ref_compress(x @ f["wc"], x @ f["wz"], f["bias"], M, overlap)
    keys = np.concatenate([kv, entries])
    q = (x @ f["wq"]).reshape(T, H, DH).transpose(1, 0, 2)
    out = np.empty((H, T, DH))
    for h in range(H):
        s = np.where(visibility(), q[h] @ keys.T / np.sqrt(DH), -np.inf)
        e = np.exp(s - s.max(-1, keepdims=True))
        out[h] = e / e.sum(-1, keepdims=True) @ keys
    return out.transpose(1, 0, 2).reshape(1, T, H * DH)


def compressor(g, content, gate, bias, blocks_n, width, overlap, prefix="", m=M):
    """[1, blocks_n, width] entries from gate and content [1, T, width] (twice
    as wide with overlap), blocks of m tokens: the exporter's spelling of
    section 11.5, which attn-raise-kv-compress raises (make_dsv4_models.py and
    make_stream_models.py build theirs with it). `bias()` names B_pos (called
    where the graph first reads it)."""
    complete = lambda v: g.op("Slice", [v, g.ints([0]), g.ints([blocks_n * m]), g.ints([1])],
                              prefix + "complete_blocks")
    wide = 2 * width if overlap else width
    blocks = lambda v: g.op("Reshape", [complete(v), g.ints([1, blocks_n, m, wide])],
                            prefix + "blocks")
    z = g.op("Add", [blocks(gate), bias()], prefix + "biased_gate")
    x_blocks = blocks(content)
    if overlap:
        def overlapped(view, fill, hint):
            # [block i - 1 low channels ; block i high channels] per entry.
            chan = lambda lo, hi: g.op("Slice", [view, g.ints([lo]), g.ints([hi]), g.ints([3])],
                                       hint + "_channels")
            earlier = g.op("Slice", [chan(0, width), g.ints([0]), g.ints([blocks_n - 1]),
                                     g.ints([1])], hint + "_earlier")
            pad = g.op("ConstantOfShape", [g.ints([1, 1, m, width])], hint + "_block_minus_1",
                       value=helper.make_tensor("v", TensorProto.FLOAT, [1], [fill]))
            shifted = g.op("Concat", [pad, earlier], hint + "_shifted", axis=1)
            return g.op("Concat", [shifted, chan(width, 2 * width)], hint + "_pair", axis=2)
        z = overlapped(z, -np.inf, prefix + "gate")
        x_blocks = overlapped(x_blocks, 0.0, prefix + "content")
    a = g.op("Softmax", [z], prefix + "pool_weights", axis=2)
    pooled = g.op("Mul", [a, x_blocks], prefix + "weighted")
    return g.op("ReduceSum", [pooled, g.ints([2])], prefix + "entries", keepdims=0)


def build(w, overlap=False):
    g = Graph()
    weight = lambda name: g.init(w[name], name)
    kv = g.op("MatMul", ["x", weight("wkv")], "kv")
    content = g.op("MatMul", ["x", weight("wc")], "content")
    gate = g.op("MatMul", ["x", weight("wz")], "gate")
    entries = compressor(g, content, gate, lambda: weight("bias"), BLOCKS, DH, overlap)
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
                             lambda: dataset(True))] + [
        model_cases.Case(cfg.name, lambda cfg=cfg: build_sparse(cfg, sparse_params(cfg)),
                         lambda cfg=cfg: sparse_dataset(cfg))
        for cfg in SPARSE_CONFIGS]


# ----------------------------------------------------------------- CSA sparse attention

class SparseConfig:
    """A CSA layer with the indexer's top-k (docs/AttentionRaising.md, CSA)."""
    D, HQ, DH, W, H_I, D_I, TOP_K = 32, 4, 64, 8, 2, 16, 4

    def __init__(self, name, seq, seed):
        self.name, self.seq, self.seed = name, seq, seed
        self.entries = seq // M
        self.k = min(self.TOP_K, self.entries)  # ONNX TopK needs k <= Nc


# Seeds chosen so that no top-k choice is within MIN_MARGIN of a tie.
SPARSE_CONFIGS = [SparseConfig("csa_sparse", 37, 3701), SparseConfig("csa_sparse_s100", 100, 10001)]

# Evaluating the index scores (|I| of order 1) in float32 moves them by about
# 1e-6; a choice decided by less than a hundred times that could differ
# between numpy, onnxruntime and attnc.
MIN_MARGIN = 1e-4


def sparse_params(cfg):
    rng = np.random.default_rng(cfg.seed)
    d, dh, di = cfg.D, cfg.DH, cfg.D_I
    return {"wq": quantized(rng, (d, cfg.HQ * dh), 0.5), "wkv": quantized(rng, (d, dh), 0.5),
            "wc": quantized(rng, (d, 2 * dh), 0.5), "wz": quantized(rng, (d, 2 * dh), 0.5),
            "bias": quantized(rng, (M, 2 * dh), 0.5),
            "wic": quantized(rng, (d, 2 * di), 0.5), "wiz": quantized(rng, (d, 2 * di), 0.5),
            "ibias": quantized(rng, (M, 2 * di), 0.5),
            "wiq": quantized(rng, (d, cfg.H_I * di), 0.5), "wiw": quantized(rng, (d, cfg.H_I), 0.5),
            "sinks": quantized(rng, (cfg.HQ,), 1.0)}


def sparse_inputs(cfg):
    return np.random.default_rng(cfg.seed + 1).standard_normal((1, cfg.seq, cfg.D)).astype(
        np.float32)


def raw_window(cfg):
    """[S, S]: raw key j visible to query t iff t - W < j <= t."""
    t, j = np.arange(cfg.seq)[:, None], np.arange(cfg.seq)[None]
    return (j <= t) & (t - j < cfg.W)


def entry_visibility(cfg):
    """[S, Nc]: entry i visible to query t iff its block is complete by t."""
    return (np.arange(cfg.entries)[None] + 1) * M - 1 <= np.arange(cfg.seq)[:, None]


def sparse_reference(cfg, w, x):
    """y [1, S, HQ * DH] (float64) and the smallest top-k margin: per query,
    the window's raw keys and the k best visible entries by index score (ties
    to the lowest index); the margin is the gap between the k-th and the
    (k+1)-th visible score, or for an exact tie the nearest |qI . kI| to 0
    among the tied entries (how far their ReLUs are from deciding it)."""
    f = {name: v.astype(np.float64) for name, v in w.items()}
    x = x[0].astype(np.float64)
    s, nc, dh, di, hi = cfg.seq, cfg.entries, cfg.DH, cfg.D_I, cfg.H_I
    kv = x @ f["wkv"]
    entries = ref_compress(x @ f["wc"], x @ f["wz"], f["bias"], M, True)
    ki = ref_compress(x @ f["wic"], x @ f["wiz"], f["ibias"], M, True)
    qi = (x @ f["wiq"]).reshape(s, hi, di).transpose(1, 0, 2)           # [H_I, S, d_I]
    weights = (x @ f["wiw"]) * hi ** -0.5 * di ** -0.5                   # [S, H_I]
    dots = qi @ ki.T                                                     # [H_I, S, Nc]
    index = np.einsum("th,hti->ti", weights, np.maximum(dots, 0.0))
    closeness = np.abs(dots).min(0)
    visible = entry_visibility(cfg)
    chosen, margin = np.zeros((s, nc), bool), np.inf
    for t in range(s):
        order = sorted(np.flatnonzero(visible[t]), key=lambda i: (-index[t, i], i))
        chosen[t, order[:cfg.k]] = True
        if len(order) > cfg.k:
            a, b = order[cfg.k - 1], order[cfg.k]
            gap = index[t, a] - index[t, b]
            if gap <= 0:
                tied = visible[t] & (index[t] == index[t, a])
                gap = closeness[t][tied].min()
            margin = min(margin, gap)
    keys = np.concatenate([kv, entries])
    seen = np.concatenate([raw_window(cfg), chosen], axis=1)
    q = (x @ f["wq"]).reshape(s, cfg.HQ, dh).transpose(1, 0, 2)
    out = np.empty((cfg.HQ, s, dh))
    for h in range(cfg.HQ):
        scores = np.where(seen, q[h] @ keys.T / np.sqrt(dh), -np.inf)
        peak = np.maximum(scores.max(-1, keepdims=True), f["sinks"][h])
        e = np.exp(scores - peak)
        out[h] = e / (e.sum(-1, keepdims=True) + np.exp(f["sinks"][h] - peak)) @ keys
    return out.transpose(1, 0, 2).reshape(1, s, cfg.HQ * dh), margin


def sparse_dataset(cfg):
    x = sparse_inputs(cfg)
    y, margin = sparse_reference(cfg, sparse_params(cfg), x)
    assert margin > MIN_MARGIN, f"{cfg.name}: a top-k choice is within {margin:.2e} of a tie"
    print(f"{cfg.name}: smallest top-k margin {margin:.3g}")
    return [([("x", x)], [("y", y.astype(np.float32))])]


def build_sparse(cfg, w):
    g = Graph()
    weight = lambda name: g.init(w[name], name)
    s, nc, dh, di, hi, k = cfg.seq, cfg.entries, cfg.DH, cfg.D_I, cfg.H_I, cfg.k
    kv = g.op("MatMul", ["x", weight("wkv")], "kv")
    entries = compressor(g, g.op("MatMul", ["x", weight("wc")], "content"),
                         g.op("MatMul", ["x", weight("wz")], "gate"), lambda: weight("bias"),
                         nc, dh, True)
    keys = g.op("Concat", [kv, entries], "keys", axis=1)
    keys = g.op("Unsqueeze", [keys, g.ints([1])], "keys_head")          # [1, 1, S+Nc, DH]

    # The lightning indexer over the entries: its keys are a second
    # compressor's, its queries and head weights come from x.
    ki = compressor(g, g.op("MatMul", ["x", weight("wic")], "idx_content"),
                    g.op("MatMul", ["x", weight("wiz")], "idx_gate"), lambda: weight("ibias"),
                    nc, di, True, prefix="idx_")                         # [1, Nc, d_I]
    qi = g.op("Reshape", [g.op("MatMul", ["x", weight("wiq")], "idx_wq"),
                          g.ints([1, s, hi, di])], "idx_q_view")
    qi = g.op("Transpose", [qi], "idx_q", perm=[0, 2, 1, 3])             # [1, H_I, S, d_I]
    kit = g.op("Transpose", [g.op("Unsqueeze", [ki, g.ints([1])], "idx_k")], "idx_kt",
               perm=[0, 1, 3, 2])                                       # [1, 1, d_I, Nc]
    wt = g.op("Mul", [g.op("MatMul", ["x", weight("wiw")], "idx_ww"),
                      g.scalar(hi ** -0.5 * di ** -0.5)], "idx_w")
    wt = g.op("Unsqueeze", [g.op("Transpose", [wt], "idx_w_t", perm=[0, 2, 1]), g.ints([3])],
              "idx_w_heads")                                            # [1, H_I, S, 1]
    rel = g.op("Relu", [g.op("MatMul", [qi, kit], "idx_dots")], "idx_relu")
    index = g.op("ReduceSum", [g.op("Mul", [rel, wt], "idx_weighted"), g.ints([1])], "index",
                 keepdims=0)                                            # [1, S, Nc]
    visibility = g.init(np.where(entry_visibility(cfg), 0.0, -np.inf).astype(np.float32),
                        "entry_visibility")
    idx = g.fresh("topk_idx")
    g.nodes.append(helper.make_node(
        "TopK", [g.op("Add", [index, visibility], "index_visible"), g.ints([k], "k")],
        [g.fresh("topk_values"), idx], name=idx, axis=-1))
    fill = g.op("ConstantOfShape", [g.ints([1, s, nc])], "fill",
                value=helper.make_tensor("v", TensorProto.FLOAT, [1], [-np.inf]))
    zeros = g.op("ConstantOfShape", [g.ints([1, s, k])], "zeros",
                 value=helper.make_tensor("v", TensorProto.FLOAT, [1], [0.0]))
    sel = g.op("ScatterElements", [fill, idx, zeros], "selected", axis=-1)
    window = g.init(np.where(raw_window(cfg), 0.0, -np.inf).astype(np.float32)[None],
                    "window")
    mask = g.op("Concat", [window, g.op("Add", [sel, visibility], "selected_visible")],
                "mask_keys", axis=-1)
    mask = g.op("Unsqueeze", [mask, g.ints([1])], "mask")                # [1, 1, S, S+Nc]

    q = g.op("MatMul", ["x", weight("wq")], "q")
    q = g.op("Transpose", [g.op("Reshape", [q, g.ints([1, s, cfg.HQ, dh])], "q_heads")],
             "q_bhsd", perm=[0, 2, 1, 3])
    kt = g.op("Transpose", [keys], "keys_t", perm=[0, 1, 3, 2])
    scores = g.op("Div", [g.op("MatMul", [q, kt], "qk"), g.scalar(np.sqrt(dh))], "scores")
    scores = g.op("Add", [scores, mask], "masked")
    # gpt-oss: a per-head logit column joins the softmax, then is dropped.
    sinks = g.op("Reshape", [weight("sinks"), g.ints([1, cfg.HQ, 1, 1])], "sinks4")
    column = g.op("Expand", [sinks, g.ints([1, cfg.HQ, s, 1])], "sink_column")
    scores = g.op("Concat", [scores, column], "with_sink", axis=-1)
    p = g.op("Softmax", [scores], "probs", axis=-1)
    p = g.op("Slice", [p, g.ints([0]), g.ints([-1]), g.ints([-1])], "drop_sink")
    o = g.op("MatMul", [p, keys], "context")
    o = g.op("Reshape", [g.op("Transpose", [o], "o_bshd", perm=[0, 2, 1, 3]),
                         g.ints([1, s, cfg.HQ * dh])], "out")
    g.nodes.append(helper.make_node("Identity", [o], ["y"], name="y"))
    graph = helper.make_graph(
        g.nodes, cfg.name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, s, cfg.D])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, s, cfg.HQ * dh])], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)],
                              producer_name="make_compressed_models.py")
    model.ir_version = 8
    return model


if __name__ == "__main__":
    sys.exit(model_cases.main(__doc__, cases()))
