#!/usr/bin/python3
"""Writes STREAMING (chunked) versions of a DeepSeek-V4 compressed attention
layer (techniques.md section 11): one HCA layer (m 16, no overlap) and one
CSA layer (m 4, overlapping compressor, no indexer: every visible entry is
attended), each as a chunk model with all of its streaming state as graph
inputs and outputs and static shapes, plus whole-prompt prefill models of
the same layer and weights (section 19 item 7: prompts 37 and 100, chunk 5,
not a multiple of m).

The layer (make_compressed_models.py's math with an output projection):

  kv      = x W_kv                   one K = V head of DH 64
  q       = x W_q                    H 4 query heads of 64
  entry i = softmax over its block's rows (per channel) of (x W_z + B_pos)
            weighting x W_c; CSA: block i - 1 through channels [0, 64) and
            block i through [64, 128), block -1 a -inf gate
  out     = (Softmax(q [kv; entries]^T / 8 + M) [kv; entries]) W_o
            raw key j visible to query t iff t - W < j <= t (W 8), entry i
            iff (i + 1) m - 1 <= t (its block is complete by t)

Chunk model <kind>_chunk, one call per chunk of C = 5 tokens:
  inputs   x [1, C, D], p0 int64 [1] (position of the chunk's first token),
           window [1, W, DH] (kv of positions p0 - W .. p0 - 1),
           pending_content / pending_gate [1, R, wide] (x W_c / x W_z of
           positions p0 - R .. p0 - 1: R = m - 1 rows close HCA's next
           block, R = 2m - 1 CSA's next overlapping pair),
           cache [1, N + C, DH] (entry i in slot i, i < floor(p0 / m); slots
           N .. N + C - 1 are scratch)
  outputs  y [1, C, D] and the same state advanced by C tokens.
  Per chunk token k at t = p0 + k: the candidate entry whose block ends at t
  pools rows Gather(Concat(pending, chunk), constant indices of k) (rows
  before position 0 get a -inf gate: CSA's block -1); it is entry
  (t + 1) / m - 1 when (t + 1) % m == 0, written there by ScatterElements,
  else it goes to scratch slot N + k (no two writes share a slot). The chunk
  attends over Concat(window, chunk kv, the updated cache's N entries) with
  a mask computed from p0: the rule above, plus j >= 0 (window rows before
  the prompt); (i + 1) m - 1 <= t also implies i < the number of entries
  written by t (before or in this chunk), so it needs no count. State starts as
  zeros; a prompt of 37 tokens runs as 8 chunks (the last padded with 3
  random tokens whose outputs are ignored), one of 100 as 20.
Prefill model <kind>_s<S>: the whole prompt at once, the compressor spelled
  as make_compressed_models.py spells it (Slice the complete blocks, Reshape,
  Add B_pos, Softmax, Mul, ReduceSum) and a constant mask.

Expected outputs from float64 numpy: the whole-prompt math (`whole`) for the
prefill models and a token-by-token streaming implementation (`stream_step`:
the same pooling and attention formulas, its own buffers, slots and masks)
for the chunk steps; the two must agree on every valid output (asserted).
`--ort` checks onnxruntime against numpy, stores its outputs, and also
streams both prompts through onnxruntime, feeding its own state back.
Test: test/Integration/streaming-compressed.test (check_streaming.py runs
the chunk loop through attnc). Run with /usr/bin/python3.
"""
import functools
import os
import subprocess
import sys
import tempfile

import numpy as np
from onnx import TensorProto, helper, numpy_helper

import model_cases
from make_attention_models import LOWEST, Graph, quantized
from make_compressed_models import compressor

D, HQ, DH, W, C = 64, 4, 64, 8, 5
PROMPTS = (37, 100)
# Chunk-model datasets stored as test_data_set_*: (prompt, step) pairs. Step 7
# of the 37-token prompt is the padded one.
STORED_STEPS = ((37, 0), (37, 1), (37, 2), (37, 3), (37, 7), (100, 19))


class Kind:
    """One compressed-attention layer type: ratio m, overlap (CSA) or not
    (HCA), and N cache slots (room for 128 tokens)."""

    def __init__(self, name, m, overlap, seed):
        self.name, self.m, self.overlap, self.seed = name, m, overlap, seed
        self.rows = 2 * m if overlap else m      # rows pooled into one entry
        self.pending = self.rows - 1             # R: rows kept between chunks
        self.wide = 2 * DH if overlap else DH    # content / gate width
        self.slots = 128 // m                    # N
        self.capacity = self.slots + C           # N + C scratch slots


HCA = Kind("stream_hca", 16, False, 3716)
CSA = Kind("stream_csa", 4, True, 3704)
KINDS = (HCA, CSA)


@functools.cache
def params(kind):
    rng = np.random.default_rng(kind.seed)
    return {"wq": quantized(rng, (D, HQ * DH), 1.0 / np.sqrt(D)),
            "wkv": quantized(rng, (D, DH), 1.0 / np.sqrt(D)),
            "wc": quantized(rng, (D, kind.wide), 1.0 / np.sqrt(D)),
            "wz": quantized(rng, (D, kind.wide), 1.0 / np.sqrt(D)),
            "bias": quantized(rng, (kind.m, kind.wide), 0.5),
            "wo": quantized(rng, (HQ * DH, D), 1.0 / np.sqrt(HQ * DH))}


@functools.cache
def prompt(kind, s):
    """[s, D] tokens, plus the random padding of the last chunk: [ceil, D]."""
    padded = -(-s // C) * C
    rng = np.random.default_rng(kind.seed * 1000 + s)
    return rng.standard_normal((padded, D)).astype(np.float32)


def f64(kind):
    return {k: v.astype(np.float64) for k, v in params(kind).items()}


# ----------------------------------------------------------------- numpy: whole prompt

def pool(kind, gate, content, ends, first=0, start=0):
    """The candidate entry pooled from the rows ending at each position in
    `ends`, from buffers whose row 0 is position `first`; rows before
    position `start` do not exist (-inf gate: CSA's block -1)."""
    f, m = f64(kind), kind.m
    out = np.empty((len(ends), DH))
    for n, t in enumerate(ends):
        pos = np.arange(t - kind.rows + 1, t + 1)
        rows = np.maximum(pos, start) - first
        z = np.where((pos >= start)[:, None], gate[rows], -np.inf)
        c = np.where((pos >= start)[:, None], content[rows], 0.0)
        z = z + np.concatenate([f["bias"]] * (kind.rows // m))
        if kind.overlap:  # block i - 1 through the low channels, block i the high
            z = np.concatenate([z[:m, :DH], z[m:, DH:]])
            c = np.concatenate([c[:m, :DH], c[m:, DH:]])
        a = np.exp(z - z.max(0)) / np.exp(z - z.max(0)).sum(0)
        out[n] = (a * c).sum(0)
    return out


def attend(kind, q, keys, visible):
    """(Softmax(q keys^T / sqrt(DH) masked) keys) W_o for q [S, HQ*DH]."""
    out = np.empty((q.shape[0], HQ, DH))
    for h in range(HQ):
        s = np.where(visible, q[:, h * DH:(h + 1) * DH] @ keys.T / np.sqrt(DH), -np.inf)
        e = np.exp(s - s.max(-1, keepdims=True))
        out[:, h] = e / e.sum(-1, keepdims=True) @ keys
    return out.reshape(q.shape[0], HQ * DH) @ f64(kind)["wo"]


def visibility(kind, s, early=0):
    """[s, s + blocks]: raw key j visible to query t iff t - W < j <= t, entry
    i iff (i + 1) m - 1 <= t; `early` makes entries visible that many tokens
    before their block closes (a causality bug, for the margin check)."""
    t, j = np.arange(s)[:, None], np.arange(s)[None]
    closes = (np.arange(s // kind.m)[None] + 1) * kind.m - 1
    return np.concatenate([(j <= t) & (t - j < W), closes - early <= t], axis=1)


def whole(kind, x, early=0, open_block_minus_1=False):
    """Whole-prompt float64 math on x [s, D]: outputs [s, D], kv, content,
    gate [s, .] and entries [s // m, DH]. `open_block_minus_1` gives CSA's
    block -1 a zero gate instead of -inf (a bug, for the margin check)."""
    f, s = f64(kind), x.shape[0]
    x = x.astype(np.float64)
    kv, content, gate = x @ f["wkv"], x @ f["wc"], x @ f["wz"]
    ends = (np.arange(s // kind.m) + 1) * kind.m - 1
    if open_block_minus_1:  # block -1: m rows of zero gate and content
        pad = lambda a: np.concatenate([np.zeros((kind.m, a.shape[1])), a])
        entries = pool(kind, pad(gate), pad(content), ends, first=-kind.m, start=-kind.m)
    else:
        entries = pool(kind, gate, content, ends)
    keys = np.concatenate([kv, entries])
    y = attend(kind, x @ f["wq"], keys, visibility(kind, s, early))
    return y, kv, content, gate, entries


# ----------------------------------------------------------------- numpy: streaming

def empty_state(kind):
    """(window, pending_content, pending_gate, cache), zeros."""
    return (np.zeros((W, DH)), np.zeros((kind.pending, kind.wide)),
            np.zeros((kind.pending, kind.wide)), np.zeros((kind.capacity, DH)))


def stream_step(kind, x, p0, state):
    """One chunk, token by token in float64: outputs [C, D] and the new
    state. Written from the streaming rules, not from the graph."""
    f, m = f64(kind), kind.m
    window, pend_c, pend_z, cache = (a.copy() for a in state)
    x = x.astype(np.float64)
    kv, content, gate = x @ f["wkv"], x @ f["wc"], x @ f["wz"]
    # Buffers of positions p0 - R .. p0 + C - 1: R = rows - 1 covers the
    # rows of every chunk token's candidate.
    rows_c, rows_z = np.concatenate([pend_c, content]), np.concatenate([pend_z, gate])
    for k in range(C):
        t = p0 + k
        cand = pool(kind, rows_z, rows_c, [t], first=p0 - kind.pending)[0]
        slot = (t + 1) // m - 1 if (t + 1) % m == 0 else kind.slots + k
        cache[slot] = cand
    raw_pos = np.arange(p0 - W, p0 + C)
    keys = np.concatenate([window, kv, cache[:kind.slots]])
    t = np.arange(p0, p0 + C)[:, None]
    raw_vis = (raw_pos[None] <= t) & (raw_pos[None] > t - W) & (raw_pos[None] >= 0)
    ent_vis = (np.arange(kind.slots)[None] + 1) * m - 1 <= t
    y = attend(kind, x @ f["wq"], keys, np.concatenate([raw_vis, ent_vis], axis=1))
    new = (np.concatenate([window, kv])[C:], rows_c[C:], rows_z[C:], cache)
    return y, new


def stream(kind, s):
    """Streams prompt(kind, s) chunk by chunk in numpy: per step (p0, inputs
    state, outputs, new state) and the concatenated outputs [padded, D]."""
    x, state, steps = prompt(kind, s), empty_state(kind), []
    for p0 in range(0, x.shape[0], C):
        y, new = stream_step(kind, x[p0:p0 + C], p0, state)
        steps.append((p0, state, y, new))
        state = new
    return steps, np.concatenate([y for _, _, y, _ in steps])


def valid_state(kind, s):
    """The part of the state after streaming s tokens (padded to chunks) that
    the whole-prompt math decides: window rows and pending rows of positions
    < s as (row of the state tensor, whole-prompt value(s)), and the
    entries of the blocks complete within s tokens (cache slots 0..)."""
    _, kv, content, gate, entries = whole(kind, prompt(kind, s)[:s])
    end = prompt(kind, s).shape[0]
    window = [(W - (end - j), kv[j]) for j in range(max(end - W, 0), min(end, s))]
    pending = [(kind.pending - (end - j), content[j], gate[j])
               for j in range(max(end - kind.pending, 0), min(end, s))]
    return window, pending, entries


def step_tensors(kind, x, p0, state):
    """The chunk model's inputs, in graph order, as float32 / int64."""
    window, pend_c, pend_z, cache = state
    f = lambda a: a.astype(np.float32)[None]
    return [("x", f(x)), ("p0", np.array([p0], np.int64)), ("window", f(window)),
            ("pending_content", f(pend_c)), ("pending_gate", f(pend_z)), ("cache", f(cache))]


def step_outputs(y, state):
    window, pend_c, pend_z, cache = state
    f = lambda a: a.astype(np.float32)[None]
    return [("y", f(y)), ("window_out", f(window)), ("pending_content_out", f(pend_c)),
            ("pending_gate_out", f(pend_z)), ("cache_out", f(cache))]


# ----------------------------------------------------------------- margins

def margins(kind, s=100):
    """How much the outputs move under two bugs the streaming loop could
    have, at the queries they touch (the test's 1e-4 must be far below):
    entry i visible one token early, at the queries t = (i + 1) m - 2 right
    before each block closes (minimum over blocks of the row's max change);
    CSA's block -1 opened (zero gate instead of -inf), over all queries."""
    x = prompt(kind, s)[:s]
    y = whole(kind, x)[0]
    early = whole(kind, x, early=1)[0]
    before = (np.arange(s // kind.m) + 1) * kind.m - 2
    causal = float(np.min(np.abs(early[before] - y[before]).max(-1)))
    opened = None
    if kind.overlap:
        opened = float(np.abs(whole(kind, x, open_block_minus_1=True)[0] - y).max())
    return causal, opened


# ----------------------------------------------------------------- ONNX: chunk model

def build_chunk(kind):
    """One chunk of C tokens with the streaming state as inputs and outputs."""
    g, w, m = Graph(), params(kind), kind.m
    weight = lambda name: g.init(w[name], name)
    axis1 = lambda a, lo, hi, hint: g.op("Slice", [a, g.ints([lo]), g.ints([hi]), g.ints([1])],
                                         hint)
    kv = g.op("MatMul", ["x", weight("wkv")], "kv")
    content = g.op("MatMul", ["x", weight("wc")], "content")
    gate = g.op("MatMul", ["x", weight("wz")], "gate")

    # State shifted by C tokens: static slices of Concat(state, chunk).
    raw = g.op("Concat", ["window", kv], "raw_kv", axis=1)                   # [1, W+C, DH]
    rows_c = g.op("Concat", ["pending_content", content], "rows_content", axis=1)
    rows_z = g.op("Concat", ["pending_gate", gate], "rows_gate", axis=1)     # [1, R+C, wide]
    window_out = axis1(raw, C, W + C, "window_next")
    pend_c_out = axis1(rows_c, C, kind.pending + C, "pending_content_next")
    pend_z_out = axis1(rows_z, C, kind.pending + C, "pending_gate_next")

    # Candidate k pools rows R + k - rows + 1 .. R + k of the buffers (the
    # block(s) ending at chunk token k): constant indices.
    k_, r_ = np.arange(C)[:, None], np.arange(kind.rows)[None]
    offsets = k_ + r_ - kind.rows + 1                       # position - p0, [C, rows]
    gather = lambda v, hint: g.op("Gather", [v, g.ints(offsets + kind.pending, "cand_rows")],
                                  hint, axis=1)             # [1, C, rows, wide]
    z = g.op("Add", [gather(rows_z, "cand_gate"),
                     weight_tiled(g, w["bias"], kind.rows // m)], "cand_biased_gate")
    c = gather(rows_c, "cand_content")
    if kind.overlap:
        def pair(v, hint):
            # Rows of block i - 1 through channels [0, DH), block i [DH, 2DH).
            low = g.op("Slice", [v, g.ints([0, 0]), g.ints([m, DH]), g.ints([2, 3])], hint + "_low")
            high = g.op("Slice", [v, g.ints([m, DH]), g.ints([2 * m, 2 * DH]), g.ints([2, 3])],
                        hint + "_high")
            return g.op("Concat", [low, high], hint + "_pair", axis=2)  # [1, C, 2m, DH]
        z, c = pair(z, "cand_gate"), pair(c, "cand_content")
    row_pos = g.op("Add", ["p0", g.ints(offsets, "row_offsets")], "cand_row_positions")
    before_start = g.op("Less", [row_pos, g.ints(0, "zero")], "cand_row_absent")
    before_start = g.op("Unsqueeze", [before_start, g.ints([2])], "cand_row_absent_b")
    z = g.op("Where", [before_start, g.scalar(-np.inf, hint="minus_inf"), z], "cand_gate_masked")
    a = g.op("Softmax", [z], "cand_pool_weights", axis=2)
    cand = g.op("ReduceSum", [g.op("Mul", [a, c], "cand_weighted"), g.ints([2])], "candidates",
                keepdims=0)                                 # [1, C, DH]

    # Emit candidate k as entry (t + 1) / m - 1 when its block closes, else to
    # scratch slot N + k.
    t = g.op("Add", ["p0", g.ints(np.arange(C), "chunk_offsets")], "positions")       # [C]
    t1 = g.op("Add", [t, g.ints(1, "one")], "positions_plus_1")
    closes = g.op("Equal", [g.op("Mod", [t1, g.ints(m, "m")], "phase"), g.ints(0, "zero")],
                  "block_closes")
    entry = g.op("Sub", [g.op("Div", [t1, g.ints(m, "m")], "blocks_done"), g.ints(1, "one")],
                 "entry_index")
    slot = g.op("Where", [closes, entry, g.ints(kind.slots + np.arange(C), "scratch")], "slot")
    slot = g.op("Expand", [g.op("Reshape", [slot, g.ints([1, C, 1])], "slot_3d"),
                           g.ints([1, C, DH])], "slot_rows")
    cache_out = g.op("ScatterElements", ["cache", slot, cand], "cache_next", axis=1)

    # Attention over Concat(window, chunk kv, entries) with the mask from p0.
    entries = axis1(cache_out, 0, kind.slots, "entries")
    keys = g.op("Concat", [raw, entries], "keys", axis=1)
    keys = g.op("Unsqueeze", [keys, g.ints([1])], "keys_head")                # [1, 1, N', DH]
    query = g.op("Unsqueeze", [t, g.ints([1])], "query_positions")           # [C, 1]
    raw_pos = g.op("Unsqueeze", [g.op("Add", ["p0", g.ints(np.arange(-W, C), "raw_offsets")],
                                      "raw_positions"), g.ints([0])], "raw_positions_row")
    not_future = g.op("LessOrEqual", [raw_pos, query], "raw_not_future")
    in_window = g.op("Greater", [raw_pos, g.op("Sub", [query, g.ints(W, "w")], "window_start")],
                     "raw_in_window")
    exists = g.op("GreaterOrEqual", [raw_pos, g.ints(0, "zero")], "raw_exists")
    raw_vis = g.op("And", [g.op("And", [not_future, in_window], "raw_vis_0"), exists], "raw_vis")
    closed = g.ints(((np.arange(kind.slots) + 1) * m - 1)[None], "entry_close_positions")
    ent_vis = g.op("LessOrEqual", [closed, query], "entry_vis")              # [C, N]
    vis = g.op("Concat", [g.op("Expand", [raw_vis, g.ints([C, W + C])], "raw_vis_full"),
                          ent_vis], "visible", axis=1)
    mask = g.op("Where", [vis, g.scalar(0.0), g.scalar(LOWEST, hint="lowest")], "mask")
    q = g.op("MatMul", ["x", weight("wq")], "q")
    q = g.op("Transpose", [g.op("Reshape", [q, g.ints([1, C, HQ, DH])], "q_heads")], "q_bhsd",
             perm=[0, 2, 1, 3])
    kt = g.op("Transpose", [keys], "keys_t", perm=[0, 1, 3, 2])
    s = g.op("Div", [g.op("MatMul", [q, kt], "qk"), g.scalar(np.sqrt(DH))], "scores")
    p = g.op("Softmax", [g.op("Add", [s, mask], "masked")], "probs", axis=-1)
    o = g.op("MatMul", [p, keys], "context")
    o = g.op("Reshape", [g.op("Transpose", [o], "o_bshd", perm=[0, 2, 1, 3]),
                         g.ints([1, C, HQ * DH])], "merged")
    y = g.op("MatMul", [o, weight("wo")], "attn_out")

    for name, value in (("y", y), ("window_out", window_out), ("pending_content_out", pend_c_out),
                        ("pending_gate_out", pend_z_out), ("cache_out", cache_out)):
        g.nodes.append(helper.make_node("Identity", [value], [name], name=name))
    f32 = lambda name, shape: helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)
    state = lambda suffix: [f32("window" + suffix, [1, W, DH]),
                            f32("pending_content" + suffix, [1, kind.pending, kind.wide]),
                            f32("pending_gate" + suffix, [1, kind.pending, kind.wide]),
                            f32("cache" + suffix, [1, kind.capacity, DH])]
    inputs = [f32("x", [1, C, D]), helper.make_tensor_value_info("p0", TensorProto.INT64, [1])]
    graph = helper.make_graph(g.nodes, kind.name + "_chunk", inputs + state(""),
                              [f32("y", [1, C, D])] + state("_out"), g.inits)
    return finish(graph)


def weight_tiled(g, bias, times):
    """B_pos for `times` consecutive blocks (row r of a candidate is at
    position r mod m of its block when the candidate is emitted)."""
    return g.init(np.concatenate([bias] * times), "bias_rows")


def finish(graph):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)],
                              producer_name="make_stream_models.py")
    model.ir_version = 8
    return model


# ----------------------------------------------------------------- ONNX: prefill model

def build_prefill(kind, s):
    """The whole prompt, compressor in make_compressed_models.py's spelling."""
    g, w, m, blocks_n = Graph(), params(kind), kind.m, s // kind.m
    weight = lambda name: g.init(w[name], name)
    kv = g.op("MatMul", ["x", weight("wkv")], "kv")
    content = g.op("MatMul", ["x", weight("wc")], "content")
    gate = g.op("MatMul", ["x", weight("wz")], "gate")
    entries = compressor(g, content, gate, lambda: weight("bias"), blocks_n, DH, kind.overlap,
                         m=m)
    keys = g.op("Concat", [kv, entries], "keys", axis=1)
    keys = g.op("Unsqueeze", [keys, g.ints([1])], "keys_head")
    q = g.op("MatMul", ["x", weight("wq")], "q")
    q = g.op("Transpose", [g.op("Reshape", [q, g.ints([1, s, HQ, DH])], "q_heads")], "q_bhsd",
             perm=[0, 2, 1, 3])
    kt = g.op("Transpose", [keys], "keys_t", perm=[0, 1, 3, 2])
    scores = g.op("Div", [g.op("MatMul", [q, kt], "qk"), g.scalar(np.sqrt(DH))], "scores")
    mask = g.init(np.where(visibility(kind, s), 0.0, -np.inf).astype(np.float32), "mask")
    p = g.op("Softmax", [g.op("Add", [scores, mask], "masked")], "probs", axis=-1)
    o = g.op("MatMul", [p, keys], "context")
    o = g.op("Reshape", [g.op("Transpose", [o], "o_bshd", perm=[0, 2, 1, 3]),
                         g.ints([1, s, HQ * DH])], "merged")
    y = g.op("MatMul", [o, weight("wo")], "attn_out")
    g.nodes.append(helper.make_node("Identity", [y], ["y"], name="y"))
    graph = helper.make_graph(
        g.nodes, f"{kind.name}_s{s}",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, s, D])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, s, D])], g.inits)
    return finish(graph)


# ----------------------------------------------------------------- cases

def chunk_datasets(kind):
    early, opened = margins(kind)
    assert early > 1e-2 and (opened is None or opened > 1e-2), \
        f"{kind.name}: a causality bug would hardly move the outputs {early, opened}"
    data = []
    for s in PROMPTS:
        steps, y = stream(kind, s)
        whole_y = whole(kind, prompt(kind, s)[:s])[0]
        err = np.abs(y[:s] - whole_y).max()
        assert err < 1e-9, f"{kind.name}: numpy streaming vs whole prompt {err}"
        x = prompt(kind, s)
        for n, (p0, state, y_step, new) in enumerate(steps):
            if (s, n) in STORED_STEPS:
                data.append((step_tensors(kind, x[p0:p0 + C], p0, state),
                             step_outputs(y_step, new)))
    return data


def prefill_dataset(kind, s):
    x = prompt(kind, s)[:s]
    return [([("x", x[None])], [("y", whole(kind, x)[0].astype(np.float32)[None])])]


def cases():
    out = []
    for kind in KINDS:
        out.append(model_cases.Case(kind.name + "_chunk", functools.partial(build_chunk, kind),
                                    functools.partial(chunk_datasets, kind)))
        for s in PROMPTS:
            out.append(model_cases.Case(f"{kind.name}_s{s}",
                                        functools.partial(build_prefill, kind, s),
                                        functools.partial(prefill_dataset, kind, s)))
    return out


def read_outputs(directory, count):
    arrays = []
    for k in range(count):
        with open(os.path.join(directory, f"output_{k}.pb"), "rb") as f:
            arrays.append(numpy_helper.to_array(TensorProto.FromString(f.read())))
    return arrays


def ort_stream(kind, s, tolerance=2e-4):
    """Streams the prompt through onnxruntime, each step fed onnxruntime's
    previous state; each step's outputs must match numpy's step (from
    numpy's state). Returns the largest difference."""
    run_js = os.path.join(model_cases.ROOT, "tools", "ort-reference", "run.js")
    model = os.path.join(model_cases.HERE, kind.name + "_chunk", "model.onnx")
    steps, _ = stream(kind, s)
    x, state, worst = prompt(kind, s), empty_state(kind), 0.0
    with tempfile.TemporaryDirectory() as work:
        for n, (p0, _, y, new) in enumerate(steps):
            data = os.path.join(work, f"step{n}")
            model_cases.write_tensors(data, "input", step_tensors(kind, x[p0:p0 + C], p0, state))
            subprocess.run(["node", run_js, model, data, "--write-outputs"], check=True,
                           stdout=subprocess.DEVNULL)
            got = read_outputs(data, len(step_outputs(y, new)))
            for (name, want), have in zip(step_outputs(y, new), got):
                err = float(np.abs(have.astype(np.float64) - want).max())
                assert err <= tolerance * (1 + np.abs(want).max()), \
                    f"{kind.name} s{s} step {n} {name}: onnxruntime vs numpy {err}"
                worst = max(worst, err)
            state = tuple(a[0].astype(np.float64) for a in got[1:])
    return worst


if __name__ == "__main__":
    rc = model_cases.main(__doc__, cases())
    if rc == 0 and "--ort" in sys.argv:
        for kind in KINDS:
            for s in PROMPTS:
                print(f"{kind.name} s{s}: onnxruntime stream vs numpy steps, max abs "
                      f"{ort_stream(kind, s):.2e}")
            print(f"{kind.name}: margins (early entry, opened block -1) {margins(kind)}")
    sys.exit(rc)
