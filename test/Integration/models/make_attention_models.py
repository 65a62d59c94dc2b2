#!/usr/bin/python3
"""Writes the decomposed decoder models of techniques.md section 19 (T1 gqa-rope,
T2 gemma2-style budgets, T3 gpt-oss-style sinks, T9 cohere-parallel) in the ONNX
backend-test layout: test/Integration/models/<name>/{model.onnx,
test_data_set_N/{input_K,output_K}.pb}.

Each model spells its attention blocks the way different exporters do, one
spelling per layer, so that one model exercises several matcher paths:

  scale        Div after Q K^T | Mul after Q K^T | Mul on Q | sqrt(scale) on Q and K^T
  K^T          Transpose of B x H x S x D K | K kept B x S x H x D and permuted
               straight to B x H x D x S (RoPE applied in that layout)
  GQA          Unsqueeze + Expand + Reshape (HF repeat_kv) | Unsqueeze + Concat of
               copies + Reshape | Unsqueeze + Tile + Reshape (in the smaller
               *_tile model)
  mask         Trilu of a -inf/lowest matrix | Where over Trilu booleans |
               Range/Less/Sub/GreaterOrEqual/Or/Where | a constant initializer |
               masked_fill (Where(hidden, fill, scores)); fill -inf or lowest finite
  softcap      Div / Tanh / Mul (T2)
  sinks        gpt-oss: concat a per-head sink logit column, Softmax, Slice it off;
               the HF spelling also subtracts the row max first (T3)
  precision    one f16 variant of T3 computes attention in f16 with the Softmax in
               f32 between Casts

Expected outputs: a float64 numpy implementation written from the math of
techniques.md (not from the graph) gives the reference; onnxruntime must agree
with it, and onnxruntime's outputs are what the test data stores:
    node tools/ort-reference/run.js MODEL DIR                  (ORT vs numpy)
    node tools/ort-reference/run.js MODEL DIR --write-outputs  (store ORT)
This script writes the numpy outputs; `--ort` runs both steps for every model.
Git keeps the test data and each model's sha256, not the models (35 MB of
weights): the tests regenerate them with `--models-only DIR`, which checks
the checksums.

Run with /usr/bin/python3. Deterministic (fixed seeds). Weights are random
multiples of 2^-10 so that their float32 bytes compress in git.
"""
import functools
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper

import model_cases

HERE = model_cases.HERE
ROOT = model_cases.ROOT
VOCAB = 512
LOWEST = float(np.finfo(np.float32).min)
LOWEST16 = float(np.finfo(np.float16).min)


# ----------------------------------------------------------------- graph building

class Graph:
    """Accumulates nodes and initializers with unique names."""

    def __init__(self, float_type=np.float32):
        self.nodes, self.inits, self.count = [], [], 0
        self.ftype = float_type

    def fresh(self, hint):
        self.count += 1
        return f"{hint}_{self.count}"

    def init(self, array, hint="c"):
        name = self.fresh(hint)
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def ints(self, values, hint="shape"):
        return self.init(np.array(values, np.int64), hint)

    def scalar(self, value, dtype=None, hint="k"):
        return self.init(np.array(value, dtype or self.ftype), hint)

    def op(self, op_type, inputs, hint=None, **attrs):
        out = self.fresh(hint or op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out, **attrs))
        return out


def onnx_type(dtype):
    return {np.float32: TensorProto.FLOAT, np.float16: TensorProto.FLOAT16}[dtype]


# ----------------------------------------------------------------- parameters

def quantized(rng, shape, std):
    """Gaussian weights rounded to multiples of 2^-10 (exact in f32 and f16)."""
    return (np.round(rng.standard_normal(shape) * std * 1024.0) / 1024.0).astype(np.float32)


def near_one(rng, shape):
    return (1.0 + quantized(rng, shape, 0.1)).astype(np.float32)


# ----------------------------------------------------------------- RoPE tables

def inv_frequencies(dh, theta):
    return theta ** (-np.arange(0, dh // 2, dtype=np.float64) * 2.0 / dh)


def yarn_frequencies(dh, theta, factor, original, beta_fast=32.0, beta_slow=1.0):
    """YaRN ("NTK by parts"): high frequencies kept, low ones divided by factor,
    a linear ramp between; cos/sin are multiplied by 0.1 ln(factor) + 1."""
    base = inv_frequencies(dh, theta)

    def dim_of(rotations):  # the pair index that turns `rotations` times in `original`
        return dh * np.log(original / (rotations * 2 * np.pi)) / (2 * np.log(theta))

    low, high = np.floor(dim_of(beta_fast)), np.ceil(dim_of(beta_slow))
    ramp = np.clip((np.arange(dh // 2) - low) / max(high - low, 1e-3), 0.0, 1.0)
    extrapolated = 1.0 - ramp   # 1: keep the original frequency
    freq = base / factor * (1.0 - extrapolated) + base * extrapolated
    return freq, 0.1 * np.log(factor) + 1.0


def rope_table(inv_freq, positions, interleaved, mscale=1.0):
    """cos/sin tables [positions, dh] laid out for the graph's elementwise form:
    halves duplicated (half-split) or each value repeated twice (interleaved)."""
    angle = np.arange(positions, dtype=np.float64)[:, None] * inv_freq[None, :]
    if interleaved:
        angle = np.repeat(angle, 2, axis=-1)
    else:
        angle = np.concatenate([angle, angle], axis=-1)
    return (np.cos(angle) * mscale).astype(np.float32), (np.sin(angle) * mscale).astype(np.float32)


# ----------------------------------------------------------------- numpy reference

def ref_rms(x, w, eps):
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + eps) * w


def ref_layer_norm(x, w, eps):
    mu = x.mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(((x - mu) ** 2).mean(-1, keepdims=True) + eps) * w


def ref_rope(x, positions, inv_freq, mscale, interleaved):
    """Rotates each pair (a, b) of x [H, S, dh] by angle p * w_m (techniques.md 3)."""
    dh = x.shape[-1]
    phi = positions[:, None].astype(np.float64) * inv_freq[None, :]       # [S, dh/2]
    c, s = np.cos(phi) * mscale, np.sin(phi) * mscale
    if interleaved:
        a, b = x[..., 0::2], x[..., 1::2]
    else:
        a, b = x[..., : dh // 2], x[..., dh // 2:]
    ra, rb = a * c - b * s, a * s + b * c
    out = np.empty_like(x)
    if interleaved:
        out[..., 0::2], out[..., 1::2] = ra, rb
    else:
        out[..., : dh // 2], out[..., dh // 2:] = ra, rb
    return out


def ref_attention(q, k, v, scale, softcap, window, sinks):
    """techniques.md 1.1 / 4.1 / 4.5 / 5 for one sequence: q [Hq,S,D], k/v [Hkv,S,D];
    query head h reads KV head h // G; key j visible from row i iff j <= i and
    i - j < W."""
    hq, s, _ = q.shape
    group = hq // k.shape[0]
    i, j = np.arange(s)[:, None], np.arange(s)[None, :]
    visible = j <= i
    if window:
        visible &= (i - j) < window
    out = np.empty((hq, s, v.shape[-1]))
    for h in range(hq):
        g = h // group
        logits = scale * q[h] @ k[g].T
        if softcap:
            logits = softcap * np.tanh(logits / softcap)
        logits = np.where(visible, logits, -np.inf)
        m = logits.max(-1, keepdims=True)
        if sinks is not None:
            m = np.maximum(m, sinks[h])
        e = np.exp(logits - m)
        den = e.sum(-1, keepdims=True)
        if sinks is not None:
            den = den + np.exp(sinks[h] - m)
        out[h] = (e / den) @ v[g]
    return out


# ----------------------------------------------------------------- model description

class Family:
    """One of the section-19 models: dimensions, per-layer budgets and spellings."""

    def __init__(self, name, layers, d, hq, hkv, dh, spellings, *, ffn=None,
                 norm="rms", parallel=False, qk_norm=False, rope=None, window=None,
                 softcap=None, scale=None, sinks=False, final_softcap=None,
                 logit_scale=None, tied=False, embed_scale=False, attn_dtype=np.float32,
                 qkv_bias=False, qk_std=None, head_std=None, seqs=(33,), dynamic=False,
                 seed=0):
        self.name, self.layers, self.d, self.hq, self.hkv, self.dh = name, layers, d, hq, hkv, dh
        self.spellings = spellings
        self.ffn = ffn or 2 * d
        self.norm, self.parallel, self.qk_norm = norm, parallel, qk_norm
        # Per layer: None (NoPE) or (layout, inv_freq, mscale).
        self.rope = rope or [None] * layers
        self.window = window or [None] * layers
        self.softcap, self.sinks = softcap, sinks
        self.scale = scale if scale is not None else dh ** -0.5
        self.final_softcap, self.logit_scale = final_softcap, logit_scale
        self.tied, self.embed_scale = tied, embed_scale
        self.attn_dtype, self.qkv_bias = attn_dtype, qkv_bias
        self.qk_std = qk_std if qk_std is not None else 2.0 / np.sqrt(d)
        self.head_std = head_std if head_std is not None else 1.0 / np.sqrt(d)
        self.seqs, self.dynamic, self.seed = seqs, dynamic, seed
        self.max_pos = max(128, max(seqs))
        self.eps = 1e-5 if norm == "layernorm" else 1e-6
        assert len(spellings) == layers and hq % hkv == 0

    def params(self):
        rng = np.random.default_rng(self.seed)
        d, dh, w = self.d, self.dh, {}
        w["embed"] = quantized(rng, (VOCAB, d), 1.0)
        for l in range(self.layers):
            w[f"{l}.norm1"] = near_one(rng, d)
            w[f"{l}.wq"] = quantized(rng, (d, self.hq * dh), self.qk_std)
            w[f"{l}.wk"] = quantized(rng, (d, self.hkv * dh), self.qk_std)
            w[f"{l}.wv"] = quantized(rng, (d, self.hkv * dh), 1.0 / np.sqrt(d))
            w[f"{l}.wo"] = quantized(rng, (self.hq * dh, d), 1.0 / np.sqrt(self.hq * dh))
            if self.qkv_bias:
                for p, n in (("q", self.hq), ("k", self.hkv), ("v", self.hkv)):
                    w[f"{l}.b{p}"] = quantized(rng, (n * dh,), 0.1)
            if self.qk_norm:
                w[f"{l}.qnorm"], w[f"{l}.knorm"] = near_one(rng, dh), near_one(rng, dh)
            if self.sinks:
                w[f"{l}.sinks"] = quantized(rng, (self.hq,), 1.0)
            if not self.parallel:
                w[f"{l}.norm2"] = near_one(rng, d)
            w[f"{l}.wgate"] = quantized(rng, (d, self.ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wup"] = quantized(rng, (d, self.ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wdown"] = quantized(rng, (self.ffn, d), 1.0 / np.sqrt(self.ffn))
        w["final_norm"] = near_one(rng, d)
        if not self.tied:
            w["lm_head"] = quantized(rng, (d, VOCAB), self.head_std)
        return w

    def inputs(self, seq):
        rng = np.random.default_rng(self.seed + 1000 + seq)
        ids = rng.integers(0, VOCAB, size=(1, seq), dtype=np.int64)
        return ids, np.arange(seq, dtype=np.int64)[None, :]


# ----------------------------------------------------------------- numpy model

def reference(fam, w, ids, positions):
    """The decoder's logits [1, S, VOCAB] in float64, from the math."""
    f = lambda name: w[name].astype(np.float64)
    d, dh, hq, hkv = fam.d, fam.dh, fam.hq, fam.hkv
    x = f("embed")[ids[0]]
    if fam.embed_scale:
        x = x * np.sqrt(d)
    norm = ref_layer_norm if fam.norm == "layernorm" else ref_rms
    s = x.shape[0]
    for l in range(fam.layers):
        u = norm(x, f(f"{l}.norm1"), fam.eps)

        def heads(proj, n):
            y = u @ f(f"{l}.w{proj}")
            if fam.qkv_bias:
                y = y + f(f"{l}.b{proj}")
            return y.reshape(s, n, dh).transpose(1, 0, 2)

        q, k, v = heads("q", hq), heads("k", hkv), heads("v", hkv)
        if fam.qk_norm:
            q, k = ref_rms(q, f(f"{l}.qnorm"), fam.eps), ref_rms(k, f(f"{l}.knorm"), fam.eps)
        if fam.rope[l]:
            layout, inv_freq, mscale = fam.rope[l]
            q = ref_rope(q, positions[0], inv_freq, mscale, layout == "interleaved")
            k = ref_rope(k, positions[0], inv_freq, mscale, layout == "interleaved")
        sinks = f(f"{l}.sinks") if fam.sinks else None
        o = ref_attention(q, k, v, fam.scale, fam.softcap, fam.window[l], sinks)
        attn = o.transpose(1, 0, 2).reshape(s, hq * dh) @ f(f"{l}.wo")
        ffn_in = u if fam.parallel else norm(x + attn, f(f"{l}.norm2"), fam.eps)
        gate = ffn_in @ f(f"{l}.wgate")
        hidden = gate / (1.0 + np.exp(-gate)) * (ffn_in @ f(f"{l}.wup"))
        ffn = hidden @ f(f"{l}.wdown")
        x = x + attn + ffn
    x = norm(x, f("final_norm"), fam.eps)
    logits = x @ (f("embed").T if fam.tied else f("lm_head"))
    if fam.logit_scale is not None:
        logits = logits * fam.logit_scale
    if fam.final_softcap:
        logits = fam.final_softcap * np.tanh(logits / fam.final_softcap)
    return logits[None]


# ----------------------------------------------------------------- ONNX model

class Builder:
    """Writes the exporter-style graph of a Family."""

    def __init__(self, fam, w):
        self.fam, self.w, self.g = fam, w, Graph()
        self.masks = {}
        fixed = fam.seqs[0]
        self.seq_dim = "seq" if fam.dynamic else fixed

    # ---- helpers

    def weight(self, name):
        return self.g.init(self.w[name], name.replace(".", "_"))

    def seq_scalar(self):
        """The sequence length as an int64 scalar, from Shape(input_ids)."""
        if "seq" not in self.masks:
            shape = self.g.op("Shape", ["input_ids"], "ids_shape")
            self.masks["seq"] = self.g.op("Gather", [shape, self.g.init(np.array(1, np.int64), "one")],
                                          "seq_len", axis=0)
        return self.masks["seq"]

    def seq_1d(self):
        return self.g.op("Unsqueeze", [self.seq_scalar(), self.g.ints([0], "axes")], "seq_1d")

    def positions(self):
        """Row and column position vectors [S, 1] and [1, S] (Range)."""
        if "pos" not in self.masks:
            g = self.g
            zero, one = g.init(np.array(0, np.int64), "zero"), g.init(np.array(1, np.int64), "one")
            r = g.op("Range", [zero, self.seq_scalar(), one], "arange")
            self.masks["pos"] = (g.op("Unsqueeze", [r, g.ints([1], "axes")], "rows"),
                                 g.op("Unsqueeze", [r, g.ints([0], "axes")], "cols"))
        return self.masks["pos"]

    def fill(self, kind, dtype):
        if kind == "-inf":
            return -np.inf
        return LOWEST16 if dtype == np.float16 else LOWEST

    # ---- masks: each returns ("add", M) or ("where", hidden_bool)

    def mask(self, style, fill, window, dtype):
        key = (style, fill, window, dtype)
        if key in self.masks:
            return self.masks[key]
        g, fam = self.g, self.fam
        fv = self.fill(fill, dtype)
        square = lambda: g.op("Concat", [self.seq_1d(), self.seq_1d()], "square", axis=0)
        if style == "const":
            s = fam.seqs[0]
            i, j = np.arange(s)[:, None], np.arange(s)[None, :]
            hidden = j > i
            if window:
                hidden |= (i - j) >= window
            result = ("add", g.init(np.where(hidden, fv, 0.0).astype(dtype)[None, None], "mask"))
        elif style == "trilu_float":
            # HF's old `torch.full((S, S), min).triu(1)`; a window adds the
            # lower band below diagonal -W: tril(full, -W).
            full = g.op("ConstantOfShape", [square()], "full",
                        value=helper.make_tensor("v", onnx_type(dtype), [1], [fv]))
            m = g.op("Trilu", [full, g.init(np.array(1, np.int64), "k")], "triu", upper=1)
            if window:
                far = g.op("Trilu", [full, g.init(np.array(-window, np.int64), "k")], "tril",
                           upper=0)
                m = g.op("Add", [m, far], "mask_sum")  # -inf + -inf or lowest + 0 stay masked
            result = ("add", g.op("Unsqueeze", [m, g.ints([0, 1], "axes")], "mask4"))
        elif style in ("trilu_bool", "trilu_fill"):
            # Visible = tril(ones) and not tril(ones, -W); then Where(visible, 0, fill)
            # or masked_fill(not visible, fill).
            ones = g.op("ConstantOfShape", [square()], "ones",
                        value=helper.make_tensor("v", TensorProto.BOOL, [1], [True]))
            visible = g.op("Trilu", [ones], "tril", upper=0)
            if window:
                far = g.op("Trilu", [ones, g.init(np.array(-window, np.int64), "k")], "far",
                           upper=0)
                visible = g.op("And", [visible, g.op("Not", [far], "near")], "visible")
            if style == "trilu_bool":
                m = g.op("Where", [visible, g.scalar(0.0, dtype), g.scalar(fv, dtype)], "mask")
                result = ("add", g.op("Unsqueeze", [m, g.ints([0, 1], "axes")], "mask4"))
            else:
                result = ("where", g.op("Not", [visible], "hidden"))
        elif style in ("range", "range_fill"):
            # The sdpa-era exporter: compare positions, OR the window in.
            rows, cols = self.positions()
            hidden = g.op("Less", [rows, cols], "future")
            if window:
                dist = g.op("Sub", [rows, cols], "distance")
                far = g.op("GreaterOrEqual", [dist, g.init(np.array(window, np.int64), "w")],
                           "far")
                hidden = g.op("Or", [hidden, far], "hidden")
            if style == "range":
                m = g.op("Where", [hidden, g.scalar(fv, dtype), g.scalar(0.0, dtype)], "mask")
                result = ("add", g.op("Unsqueeze", [m, g.ints([0, 1], "axes")], "mask4"))
            else:
                result = ("where", hidden)
        else:
            raise ValueError(style)
        self.masks[key] = result
        return result

    # ---- blocks

    def norm(self, x, wname):
        g, fam = self.g, self.fam
        if fam.norm == "layernorm":
            # Cohere: LayerNorm with a scale and no bias.
            return g.op("LayerNormalization", [x, self.weight(wname)], "ln", axis=-1,
                        epsilon=fam.eps)
        return self.rms(x, self.weight(wname), fam.eps)

    def rms(self, x, wname, eps):
        g = self.g
        sq = g.op("Pow", [x, g.scalar(2.0)], "sq")
        mean = g.op("ReduceMean", [sq], "ms", axes=[-1], keepdims=1)
        root = g.op("Sqrt", [g.op("Add", [mean, g.scalar(eps)], "ms_eps")], "rms")
        return g.op("Mul", [g.op("Div", [x, root], "normed"), wname], "scaled")

    def rope(self, x, l, bshd):
        """x [1,H,S,dh] (or [1,S,H,dh] when bshd) rotated with the gathered tables."""
        g, fam = self.g, self.fam
        layout, inv_freq, mscale = fam.rope[l]
        interleaved = layout == "interleaved"
        key = ("rope", layout, inv_freq.tobytes(), mscale, bshd)
        if key not in self.masks:
            cos, sin = rope_table(inv_freq, fam.max_pos, interleaved, mscale)
            unsq = g.ints([2] if bshd else [1], "axes")
            self.masks[key] = tuple(
                g.op("Unsqueeze", [g.op("Gather", [g.init(t, name), "position_ids"], name, axis=0),
                                   unsq], name + "_b")
                for t, name in ((cos, "cos"), (sin, "sin")))
        cos, sin = self.masks[key]
        dh, half = fam.dh, fam.dh // 2
        axis = g.ints([-1], "axes")
        if interleaved:
            # rotate_every_two: (-x[1::2], x[0::2]) interleaved back.
            two = g.ints([2], "step")
            even = g.op("Slice", [x, g.ints([0]), g.ints([dh]), axis, two], "even")
            odd = g.op("Slice", [x, g.ints([1]), g.ints([dh]), axis, two], "odd")
            pair = g.op("Concat", [g.op("Unsqueeze", [g.op("Neg", [odd], "neg"), axis], "a"),
                                   g.op("Unsqueeze", [even, axis], "b")], "pairs", axis=-1)
            shape = [1, 0, 0, dh]  # 0 copies the input dim
            rotated = g.op("Reshape", [pair, g.ints(shape)], "rotated")
        else:
            x1 = g.op("Slice", [x, g.ints([0]), g.ints([half]), axis], "x1")
            x2 = g.op("Slice", [x, g.ints([half]), g.ints([dh]), axis], "x2")
            rotated = g.op("Concat", [g.op("Neg", [x2], "neg"), x1], "rotated", axis=-1)
        return g.op("Add", [g.op("Mul", [x, cos], "xcos"), g.op("Mul", [rotated, sin], "xsin")],
                    "roped")

    def repeat_heads(self, x, style, kt=False):
        """[1,Hkv,A,B] -> [1,Hq,A,B], head h reading KV head h // G."""
        g, fam = self.g, self.fam
        group = fam.hq // fam.hkv
        if group == 1:
            return x
        u = g.op("Unsqueeze", [x, g.ints([2], "axes")], "kv_unsq")
        if style == "expand":
            r = g.op("Expand", [u, g.ints([1, 1, group, 1, 1])], "kv_expand")
        elif style == "concat":
            r = g.op("Concat", [u] * group, "kv_copies", axis=2)
        elif style == "tile":
            r = g.op("Tile", [u, g.ints([1, 1, group, 1, 1])], "kv_tile")
        else:
            raise ValueError(style)
        shape = [1, fam.hq, fam.dh, -1] if kt else [1, fam.hq, -1, fam.dh]
        return g.op("Reshape", [r, g.ints(shape)], "kv_rep")

    def attention(self, u, l):
        g, fam, sp = self.g, self.fam, self.fam.spellings[l]
        dh, hq, hkv = fam.dh, fam.hq, fam.hkv
        dt = fam.attn_dtype
        cast_in = lambda x: g.op("Cast", [x], "to_f16", to=TensorProto.FLOAT16) if dt == np.float16 else x

        def project(p, n, layout):
            y = g.op("MatMul", [u, self.weight(f"{l}.w{p}")], f"l{l}_{p}")
            if fam.qkv_bias:
                y = g.op("Add", [y, self.weight(f"{l}.b{p}")], f"l{l}_{p}_bias")
            y = g.op("Reshape", [y, g.ints([1, -1, n, dh])], f"l{l}_{p}_heads")
            if layout == "bshd":
                return y
            return g.op("Transpose", [y], f"l{l}_{p}_bhsd", perm=[0, 2, 1, 3])

        key_bshd = sp.get("key") == "perm"
        q = project("q", hq, "bhsd")
        k = project("k", hkv, "bshd" if key_bshd else "bhsd")
        v = project("v", hkv, "bhsd")
        if fam.qk_norm:
            q = self.rms(q, self.weight(f"{l}.qnorm"), fam.eps)
            k = self.rms(k, self.weight(f"{l}.knorm"), fam.eps)
        if fam.rope[l]:
            q = self.rope(q, l, False)
            k = self.rope(k, l, key_bshd)
        q, k, v = cast_in(q), cast_in(k), cast_in(v)

        scale = fam.scale
        style = sp["scale"]
        if style == "mulq":
            q = g.op("Mul", [q, g.scalar(scale, dt)], f"l{l}_q_scaled")
        elif style == "sqrt_qk":
            root = g.scalar(np.sqrt(scale), dt)
            q = g.op("Mul", [q, root], f"l{l}_q_scaled")
        if key_bshd:
            kt = g.op("Transpose", [k], f"l{l}_kt", perm=[0, 2, 3, 1])
            kt = self.repeat_heads(kt, sp["gqa_k"], kt=True)
        else:
            k = self.repeat_heads(k, sp["gqa_k"])
            kt = g.op("Transpose", [k], f"l{l}_kt", perm=[0, 1, 3, 2])
        if style == "sqrt_qk":
            kt = g.op("Mul", [kt, root], f"l{l}_kt_scaled")
        v = self.repeat_heads(v, sp["gqa_v"])

        s = g.op("MatMul", [q, kt], f"l{l}_qk")
        if style == "div":
            s = g.op("Div", [s, g.scalar(1.0 / scale, dt)], f"l{l}_scores")
        elif style == "mul":
            s = g.op("Mul", [s, g.scalar(scale, dt)], f"l{l}_scores")
        if fam.softcap:
            cap = g.scalar(fam.softcap, dt)
            inner = (g.op("Mul", [s, g.scalar(1.0 / fam.softcap, dt)], f"l{l}_cap_in")
                     if sp.get("softcap") == "mul" else g.op("Div", [s, cap], f"l{l}_cap_in"))
            s = g.op("Mul", [g.op("Tanh", [inner], f"l{l}_tanh"), cap], f"l{l}_capped")

        how, m = self.mask(sp["mask"], sp["fill"], fam.window[l], dt)
        if how == "add":
            s = g.op("Add", [s, m], f"l{l}_masked")
        else:
            s = g.op("Where", [m, g.scalar(self.fill(sp["fill"], dt), dt), s], f"l{l}_masked")

        if fam.sinks:
            # gpt-oss: a per-head logit column joins the softmax, then is dropped.
            sinks = g.op("Reshape", [g.init(self.w[f"{l}.sinks"].astype(dt), f"l{l}_sinks"),
                                     g.ints([1, hq, 1, 1])], f"l{l}_sinks4")
            if fam.dynamic:
                cshape = g.op("Concat", [g.ints([1, hq]), self.seq_1d(), g.ints([1])], "cshape",
                              axis=0)
            else:
                cshape = g.ints([1, hq, fam.seqs[0], 1])
            column = g.op("Expand", [sinks, cshape], f"l{l}_sink_column")
            s = g.op("Concat", [s, column], f"l{l}_with_sink", axis=-1)
            if sp.get("sink") == "hf":
                peak = g.op("ReduceMax", [s], f"l{l}_row_max", axes=[-1], keepdims=1)
                s = g.op("Sub", [s, peak], f"l{l}_shifted")

        if dt == np.float16:
            s = g.op("Cast", [s], f"l{l}_to_f32", to=TensorProto.FLOAT)
        p = g.op("Softmax", [s], f"l{l}_probs", axis=-1)
        if dt == np.float16:
            p = g.op("Cast", [p], f"l{l}_to_f16", to=TensorProto.FLOAT16)
        if fam.sinks:
            p = g.op("Slice", [p, g.ints([0]), g.ints([-1]), g.ints([-1])], f"l{l}_drop_sink")
        o = g.op("MatMul", [p, v], f"l{l}_context")
        if dt == np.float16:
            o = g.op("Cast", [o], f"l{l}_to_f32", to=TensorProto.FLOAT)
        o = g.op("Transpose", [o], f"l{l}_bshd", perm=[0, 2, 1, 3])
        o = g.op("Reshape", [o, g.ints([1, -1, hq * dh])], f"l{l}_merged")
        return g.op("MatMul", [o, self.weight(f"{l}.wo")], f"l{l}_attn_out")

    def ffn(self, x, l):
        g = self.g
        gate = g.op("MatMul", [x, self.weight(f"{l}.wgate")], f"l{l}_gate")
        silu = g.op("Mul", [gate, g.op("Sigmoid", [gate], f"l{l}_sig")], f"l{l}_silu")
        up = g.op("MatMul", [x, self.weight(f"{l}.wup")], f"l{l}_up")
        return g.op("MatMul", [g.op("Mul", [silu, up], f"l{l}_glu"), self.weight(f"{l}.wdown")],
                    f"l{l}_ffn_out")

    def build(self):
        g, fam = self.g, self.fam
        x = g.op("Gather", [self.weight("embed"), "input_ids"], "embed", axis=0)
        if fam.embed_scale:
            x = g.op("Mul", [x, g.scalar(np.sqrt(fam.d))], "embed_scaled")
        for l in range(fam.layers):
            u = self.norm(x, f"{l}.norm1")
            attn = self.attention(u, l)
            if fam.parallel:
                x = g.op("Add", [g.op("Add", [x, attn], f"l{l}_res_attn"), self.ffn(u, l)],
                         f"l{l}_out")
            else:
                h = g.op("Add", [x, attn], f"l{l}_res_attn")
                x = g.op("Add", [h, self.ffn(self.norm(h, f"{l}.norm2"), l)], f"l{l}_out")
        x = self.norm(x, "final_norm")
        if fam.tied:
            head = g.op("Transpose", [self.weight("embed")], "tied_head", perm=[1, 0])
        else:
            head = self.weight("lm_head")
        logits = g.op("MatMul", [x, head], "logits_raw")
        if fam.logit_scale is not None:
            logits = g.op("Mul", [logits, g.scalar(fam.logit_scale)], "logits_scaled")
        if fam.final_softcap:
            c = g.scalar(fam.final_softcap)
            logits = g.op("Mul", [g.op("Tanh", [g.op("Div", [logits, c], "final_cap_in")],
                                       "final_tanh"), c], "logits_capped")
        g.nodes.append(helper.make_node("Identity", [logits], ["logits"], name="logits"))
        seq = self.seq_dim
        graph = helper.make_graph(
            g.nodes, fam.name,
            [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, seq]),
             helper.make_tensor_value_info("position_ids", TensorProto.INT64, [1, seq])],
            [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, seq, VOCAB])],
            g.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                                  producer_name="make_attention_models.py")
        model.ir_version = 8
        return model


# ----------------------------------------------------------------- the models

def spelling(scale, mask, fill, gqa_k="expand", gqa_v=None, **extra):
    return dict(scale=scale, mask=mask, fill=fill, gqa_k=gqa_k, gqa_v=gqa_v or gqa_k, **extra)


def families():
    t1_rope = [("half", inv_frequencies(32, 1e4), 1.0)] * 4
    t1_spellings = [
        spelling("div", "trilu_float", "-inf"),
        spelling("mulq", "range", "lowest", gqa_k="expand", gqa_v="concat", key="perm"),
        spelling("sqrt_qk", "const", "lowest", gqa_k="concat"),
        spelling("mul", "trilu_fill", "-inf"),
    ]
    t1 = Family("t1_gqa_rope", 4, 256, 8, 2, 32, t1_spellings, qk_norm=True, rope=t1_rope,
                seed=101)
    # The Tile spelling, in a narrower two-layer model.
    t1_tile = Family("t1_gqa_rope_tile", 2, 64, 8, 2, 8,
                     [spelling("div", "range", "-inf", gqa_k="tile"),
                      spelling("mulq", "trilu_bool", "lowest", gqa_k="tile", key="perm")],
                     qk_norm=True, rope=[("half", inv_frequencies(8, 1e4), 1.0)] * 2,
                     seed=102)

    # Gemma 2: local/global 1:1 (local first), W 16, softcap 50 on scores scaled
    # by query_pre_attn_scalar^-1/2 = 48^-1/2, final softcap 30, theta 1e4/1e6.
    t2_rope = [("half", inv_frequencies(48, 1e4 if l % 2 == 0 else 1e6), 1.0) for l in range(6)]
    t2_spellings = [
        spelling("mulq", "range", "-inf"),
        spelling("mulq", "trilu_float", "-inf", softcap="mul"),
        spelling("mul", "trilu_bool", "lowest"),
        spelling("div", "range", "lowest"),
        spelling("mulq", "range_fill", "-inf", gqa_k="concat"),
        spelling("sqrt_qk", "trilu_fill", "lowest"),
    ]
    t2 = Family("t2_gemma2_budgets", 6, 192, 4, 2, 48, t2_spellings, rope=t2_rope,
                window=[16, None] * 3, softcap=50.0, scale=48 ** -0.5, final_softcap=30.0,
                embed_scale=True, qk_std=0.3, head_std=1.5, seqs=(33, 100), dynamic=True,
                seed=202)

    # gpt-oss: 1:1 local/global, W 8, per-head sinks, YaRN factor 4 over 32.
    freq, mscale = yarn_frequencies(16, 150000.0, 4.0, 32)
    t3_rope = [("half", freq, mscale)] * 4
    t3_spellings = [
        spelling("mul", "const", "-inf"),
        spelling("mul", "range", "lowest", gqa_k="concat", sink="hf"),
        spelling("sqrt_qk", "range", "-inf"),
        spelling("mulq", "trilu_fill", "-inf", key="perm", sink="hf"),
    ]
    t3_args = dict(rope=t3_rope, window=[8, None] * 2, sinks=True, qkv_bias=True, seed=303)
    t3 = Family("t3_gptoss_sinks", 4, 128, 8, 2, 16, t3_spellings, **t3_args)
    t3_f16 = Family("t3_gptoss_sinks_f16", 4, 128, 8, 2, 16, t3_spellings,
                    attn_dtype=np.float16, **t3_args)

    # Cohere: parallel block, bias-free LayerNorm, 3:1 sliding (interleaved RoPE,
    # W 16) : full (NoPE), tied embeddings, logit scale 0.5.
    t9_rope = [("interleaved", inv_frequencies(32, 5e4), 1.0)] * 3 + [None]
    t9_spellings = [
        spelling("div", "range", "-inf"),
        spelling("mulq", "const", "lowest", gqa_k="concat"),
        spelling("sqrt_qk", "trilu_bool", "-inf", key="perm"),
        spelling("mul", "range_fill", "lowest", key="perm"),
    ]
    t9 = Family("t9_cohere_parallel", 4, 256, 8, 2, 32, t9_spellings, norm="layernorm",
                parallel=True, rope=t9_rope, window=[16, 16, 16, None], tied=True,
                logit_scale=0.5, head_std=None, seed=909)
    return [t1, t1_tile, t2, t3, t3_f16, t9]


# ----------------------------------------------------------------- writing

def cases():
    """The models as model_cases.Case: one dataset per prompt length."""
    result = []
    for fam in families():
        params = functools.cache(fam.params)

        def datasets(fam=fam, params=params):
            sets = []
            for seq in fam.seqs:
                ids, positions = fam.inputs(seq)
                logits = reference(fam, params(), ids, positions).astype(np.float32)
                sets.append(([("input_ids", ids), ("position_ids", positions)],
                             [("logits", logits)]))
            return sets

        # f32: float32 rounding of logits up to ~70; f16: attention in half
        # precision against a float64 reference.
        tolerance = "2e-2" if fam.attn_dtype == np.float16 else "2e-4"
        result.append(model_cases.Case(
            fam.name, lambda fam=fam, params=params: Builder(fam, params()).build(),
            datasets, tolerance))
    return result


if __name__ == "__main__":
    sys.exit(model_cases.main(__doc__, cases()))
