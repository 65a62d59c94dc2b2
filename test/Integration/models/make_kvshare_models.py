#!/usr/bin/python3
"""Writes T4 gemma4-E-mini of techniques.md section 19 (cross-layer KV sharing,
section 7; proportional RoPE, section 3 flavour 2; per-layer embeddings,
section 8) as decomposed ONNX decoders in the ONNX backend-test layout:
test/Integration/models/<name>/{model.sha256, test_data_set_0/...}.

The configuration: 10 layers (S, S, S, S, F) x 2, d 192, 4 query heads and one
KV head, head dim 32 in sliding (S) layers (window 16, full RoPE, theta 1e4)
and 64 in the global (F) ones (proportional RoPE, fraction 0.25, theta 1e6),
QK-norm with scale, V-norm without, attention scale 1.0, GELU-tanh gated FFN
of 2d (4d in the KV-shared layers), PLE of width 16 (table 512 x 10 x 16),
tied embeddings scaled by sqrt(d), final logit softcap 30, prompt 48.

num_kv_shared_layers = 5: layers 5-9 compute only their queries and read the
cache of the last earlier layer of their own type (layer 3 for the sliding
ones, layer 4 for the global one). The three models differ only in how the
graph spells that sharing (`SHARINGS`):

  direct       the consumer's attention reads the producer's K and V values
               (after K-norm/RoPE and V-norm), as the Gemma export does;
  recompute    the consumer recomputes K and V from the producer's normed
               input with the same initializers (weights, norm scale, RoPE
               tables): one more copy of the chain, node for node;
  duplicate    as recompute, but every initializer of the copy is a new one
               with another name and identical bytes.

All three compute the same function from the same weights, so they share the
numpy reference; the models differ. Expected outputs: a float64 numpy
implementation of the math (written from techniques.md, not from the graph)
checks onnxruntime, and onnxruntime's outputs are stored:
    node tools/ort-reference/run.js MODEL DIR                  (ORT vs numpy)
    node tools/ort-reference/run.js MODEL DIR --write-outputs  (store ORT)
`--ort` runs both for every model. Git keeps the test data and each model's
sha256; the tests regenerate the models with `--models-only DIR`.

Graph helpers, weight rounding, RoPE tables and the attention reference come
from make_attention_models.py. Run with /usr/bin/python3. Deterministic.
"""
import sys

import numpy as np
from onnx import TensorProto, helper

import make_attention_models as am
import model_cases

SHARINGS = ("direct", "recompute", "duplicate")


# ----------------------------------------------------------------- configuration

class Gemma4Mini:
    """T4's dimensions and layer plan; the report checker imports this too."""

    def __init__(self, sharing):
        assert sharing in SHARINGS
        self.name = f"t4_gemma4_kv_{sharing}"
        self.sharing = sharing
        self.layers, self.d, self.hq, self.hkv = 10, 192, 4, 1
        self.types = ["S", "S", "S", "S", "F"] * 2
        self.dh_local, self.dh_global, self.window = 32, 64, 16
        self.theta_local, self.theta_global, self.partial = 1e4, 1e6, 0.25
        self.d_ple = 16
        self.num_kv_shared = 5
        self.ffn = 2 * self.d
        self.final_softcap = 30.0
        self.scale = 1.0
        self.eps = 1e-6
        self.seq = 48
        self.seed = 404
        # What am.Builder reads (masks, norms).
        self.seqs, self.dynamic, self.norm = (self.seq,), False, "rms"

    def is_global(self, l):
        return self.types[l] == "F"

    def head_dim(self, l):
        return self.dh_global if self.is_global(l) else self.dh_local

    def layer_window(self, l):
        return None if self.is_global(l) else self.window

    def first_shared(self):
        return self.layers - self.num_kv_shared

    def kv_producer(self, l):
        """The layer whose K/V layer l reads: itself, or for a KV-shared layer
        the last non-shared layer of the same type (Gemma 3n / Gemma 4)."""
        if l < self.first_shared():
            return l
        return max(p for p in range(self.first_shared()) if self.types[p] == self.types[l])

    def ffn_width(self, l):
        # use_double_wide_mlp: only the KV-shared layers.
        return 2 * self.ffn if l >= self.first_shared() else self.ffn

    def kv_bytes_per_token(self, l, element_bytes=4):
        """K and V of one token in layer l's own cache (techniques.md 7.1)."""
        return 2 * self.hkv * self.head_dim(l) * element_bytes

    def params(self):
        rng = np.random.default_rng(self.seed)
        q = am.quantized
        d, L, dp, w = self.d, self.layers, self.d_ple, {}
        w["embed"] = q(rng, (am.VOCAB, d), 1.0)
        w["ple_table"] = q(rng, (am.VOCAB, L * dp), 1.0)
        w["ple_model_proj"] = q(rng, (d, L * dp), 1.0 / np.sqrt(d))
        w["ple_norm"] = am.near_one(rng, dp)
        for l in range(L):
            dh, ffn = self.head_dim(l), self.ffn_width(l)
            w[f"{l}.norm_in"] = am.near_one(rng, d)
            w[f"{l}.wq"] = q(rng, (d, self.hq * dh), 1.0 / np.sqrt(d))
            w[f"{l}.qnorm"] = am.near_one(rng, dh)
            if self.kv_producer(l) == l:
                w[f"{l}.wk"] = q(rng, (d, self.hkv * dh), 1.0 / np.sqrt(d))
                w[f"{l}.wv"] = q(rng, (d, self.hkv * dh), 1.0 / np.sqrt(d))
                w[f"{l}.knorm"] = am.near_one(rng, dh)
            w[f"{l}.wo"] = q(rng, (self.hq * dh, d), 1.0 / np.sqrt(self.hq * dh))
            w[f"{l}.norm_post_attn"] = am.near_one(rng, d)
            w[f"{l}.norm_pre_ffn"] = am.near_one(rng, d)
            w[f"{l}.wgate"] = q(rng, (d, ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wup"] = q(rng, (d, ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wdown"] = q(rng, (ffn, d), 1.0 / np.sqrt(ffn))
            w[f"{l}.norm_post_ffn"] = am.near_one(rng, d)
            w[f"{l}.ple_gate"] = q(rng, (d, dp), 1.0 / np.sqrt(d))
            w[f"{l}.ple_proj"] = q(rng, (dp, d), 1.0 / np.sqrt(dp))
            w[f"{l}.ple_post_norm"] = am.near_one(rng, d)
        w["final_norm"] = am.near_one(rng, d)
        return w

    def inputs(self):
        rng = np.random.default_rng(self.seed + 1000)
        ids = rng.integers(0, am.VOCAB, size=(1, self.seq), dtype=np.int64)
        return ids, np.arange(self.seq, dtype=np.int64)[None, :]


def configs():
    return [Gemma4Mini(sharing) for sharing in SHARINGS]


# ----------------------------------------------------------------- numpy reference

def ref_gelu_tanh(x):
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))


def ref_proportional_rope(x, positions, theta, fraction):
    """Gemma 4 global layers (techniques.md 3, flavour 2): over the whole head
    of width D, pair (m, m + D/2) turns by p * theta^(-2m/D) for the first
    fraction * D/2 pairs; the other pairs are left as they are."""
    dh = x.shape[-1]
    out = x.copy()
    for m in range(int(fraction * dh / 2)):
        phi = positions.astype(np.float64) * theta ** (-2.0 * m / dh)
        a, b = x[..., m], x[..., m + dh // 2]
        out[..., m] = a * np.cos(phi) - b * np.sin(phi)
        out[..., m + dh // 2] = a * np.sin(phi) + b * np.cos(phi)
    return out


def ref_rms_unscaled(x, eps):
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + eps)


def reference(cfg, w, ids, positions):
    """Logits [1, S, VOCAB] in float64."""
    f = lambda name: w[name].astype(np.float64)
    d, dp, L, hq, hkv, eps = cfg.d, cfg.d_ple, cfg.layers, cfg.hq, cfg.hkv, cfg.eps
    pos = positions[0]
    s = ids.shape[1]
    x = f("embed")[ids[0]] * np.sqrt(d)
    # Per-layer embeddings (techniques.md 8): token-indexed plus projected.
    e = f("ple_table")[ids[0]].reshape(s, L, dp) * np.sqrt(dp)
    m = am.ref_rms((x @ f("ple_model_proj") * d ** -0.5).reshape(s, L, dp), f("ple_norm"), eps)
    ple = (m + e) * 2 ** -0.5
    caches = {}
    for l in range(L):
        dh = cfg.head_dim(l)
        u = am.ref_rms(x, f(f"{l}.norm_in"), eps)
        heads = lambda y, n: y.reshape(s, n, dh).transpose(1, 0, 2)

        def rope(t):
            if cfg.is_global(l):
                return ref_proportional_rope(t, pos, cfg.theta_global, cfg.partial)
            return am.ref_rope(t, pos, am.inv_frequencies(dh, cfg.theta_local), 1.0, False)

        q = rope(am.ref_rms(heads(u @ f(f"{l}.wq"), hq), f(f"{l}.qnorm"), eps))
        if cfg.kv_producer(l) == l:
            k = rope(am.ref_rms(heads(u @ f(f"{l}.wk"), hkv), f(f"{l}.knorm"), eps))
            v = ref_rms_unscaled(heads(u @ f(f"{l}.wv"), hkv), eps)
            caches[l] = (k, v)
        k, v = caches[cfg.kv_producer(l)]
        o = am.ref_attention(q, k, v, cfg.scale, None, cfg.layer_window(l), None)
        attn = o.transpose(1, 0, 2).reshape(s, hq * dh) @ f(f"{l}.wo")
        x = x + am.ref_rms(attn, f(f"{l}.norm_post_attn"), eps)
        h = am.ref_rms(x, f(f"{l}.norm_pre_ffn"), eps)
        h = (ref_gelu_tanh(h @ f(f"{l}.wgate")) * (h @ f(f"{l}.wup"))) @ f(f"{l}.wdown")
        x = x + am.ref_rms(h, f(f"{l}.norm_post_ffn"), eps)
        g = ref_gelu_tanh(x @ f(f"{l}.ple_gate")) * ple[:, l, :]
        x = x + am.ref_rms(g @ f(f"{l}.ple_proj"), f(f"{l}.ple_post_norm"), eps)
    x = am.ref_rms(x, f("final_norm"), eps)
    logits = x @ f("embed").T
    c = cfg.final_softcap
    return (c * np.tanh(logits / c))[None]


# ----------------------------------------------------------------- ONNX model

class KVShareBuilder(am.Builder):
    """The exporter-style graph of a Gemma4Mini, on make_attention_models'
    Builder (masks, RMSNorm): Gemma 4's decoder layer with its KV sharing
    spelled as the configuration says."""

    def __init__(self, cfg, w):
        super().__init__(cfg, w)
        self.cfg = cfg
        self.kv_inputs = {}   # producer layer -> its normed input u
        self.kv_values = {}   # producer layer -> (K, V), B x Hkv x S x dh
        self.shared_inits = {}

    def shared_weight(self, name, copy=False):
        """The initializer of weight `name`, made once; copy=True makes a new
        initializer with the same bytes under another name."""
        if copy:
            return self.g.init(self.w[name], name.replace(".", "_") + "_copy")
        if name not in self.shared_inits:
            self.shared_inits[name] = self.weight(name)
        return self.shared_inits[name]

    def const(self, value, hint):
        return self.g.scalar(value, np.float32, hint)

    def gelu_tanh(self, x, hint):
        """torch's gelu(approximate='tanh') as the opset-17 exporter writes it."""
        g = self.g
        cube = g.op("Pow", [x, self.const(3.0, "three")], f"{hint}_cube")
        inner = g.op("Add", [x, g.op("Mul", [cube, self.const(0.044715, "c")], f"{hint}_c3")],
                     f"{hint}_inner")
        t = g.op("Tanh", [g.op("Mul", [inner, self.const(np.sqrt(2.0 / np.pi), "k")],
                               f"{hint}_scaled")], f"{hint}_tanh")
        half = g.op("Mul", [x, self.const(0.5, "half")], f"{hint}_half")
        return g.op("Mul", [half, g.op("Add", [t, self.const(1.0, "one")], f"{hint}_1p")],
                    f"{hint}_gelu")

    def rms_unscaled(self, x, hint):
        """Gemma's v_norm: RMSNorm without a scale."""
        g = self.g
        sq = g.op("Pow", [x, self.const(2.0, "two")], f"{hint}_sq")
        mean = g.op("ReduceMean", [sq], f"{hint}_ms", axes=[-1], keepdims=1)
        root = g.op("Sqrt", [g.op("Add", [mean, self.const(self.cfg.eps, "eps")],
                                  f"{hint}_ms_eps")], f"{hint}_rms")
        return g.op("Div", [x, root], f"{hint}_normed")

    def rope_tables(self, l, copy):
        """cos/sin gathered at position_ids, [1, 1, S, dh]: full RoPE in the
        sliding layers; in the global ones the proportional flavour as full
        half-split tables whose frequencies past fraction * dh / 2 are zero
        (cos 1, sin 0), the ONNX spelling techniques.md section 3 gives."""
        cfg, g = self.cfg, self.g
        key = ("rope", cfg.is_global(l), copy)
        if key not in self.masks:
            dh = cfg.head_dim(l)
            if cfg.is_global(l):
                inv_freq = am.inv_frequencies(dh, cfg.theta_global)
                inv_freq[int(cfg.partial * dh / 2):] = 0.0
            else:
                inv_freq = am.inv_frequencies(dh, cfg.theta_local)
            cos, sin = am.rope_table(inv_freq, 128, interleaved=False)
            self.masks[key] = tuple(
                g.op("Unsqueeze", [g.op("Gather", [g.init(t, name), "position_ids"], name, axis=0),
                                   g.ints([1], "axes")], name + "_b")
                for t, name in ((cos, "cos"), (sin, "sin")))
        return self.masks[key]

    def rope(self, x, l, copy=False):
        g, dh = self.g, self.cfg.head_dim(l)
        cos, sin = self.rope_tables(l, copy)
        axis = g.ints([-1], "axes")
        x1 = g.op("Slice", [x, g.ints([0]), g.ints([dh // 2]), axis], "x1")
        x2 = g.op("Slice", [x, g.ints([dh // 2]), g.ints([dh]), axis], "x2")
        rotated = g.op("Concat", [g.op("Neg", [x2], "neg"), x1], "rotated", axis=-1)
        return g.op("Add", [g.op("Mul", [x, cos], "xcos"), g.op("Mul", [rotated, sin], "xsin")],
                    "roped")

    def heads(self, u, weight, n, dh, hint):
        g = self.g
        y = g.op("MatMul", [u, weight], hint)
        y = g.op("Reshape", [y, g.ints([1, -1, n, dh])], f"{hint}_heads")
        return g.op("Transpose", [y], f"{hint}_bhsd", perm=[0, 2, 1, 3])

    def key_value(self, producer, copy, tag):
        """K (K-norm, RoPE) and V (V-norm) of `producer`'s normed input, with
        the producer's initializers (or copies of them)."""
        cfg, hkv, dh = self.cfg, self.cfg.hkv, self.cfg.head_dim(producer)
        u = self.kv_inputs[producer]
        wk = self.shared_weight(f"{producer}.wk", copy)
        wv = self.shared_weight(f"{producer}.wv", copy)
        knorm = self.shared_weight(f"{producer}.knorm", copy)
        k = self.heads(u, wk, hkv, dh, f"l{tag}_k")
        k = self.rope(self.rms(k, knorm, cfg.eps), producer, copy)
        v = self.rms_unscaled(self.heads(u, wv, hkv, dh, f"l{tag}_v"), f"l{tag}_vnorm")
        return k, v

    def attention(self, u, l):
        g, cfg = self.g, self.cfg
        dh, hq = cfg.head_dim(l), cfg.hq
        producer = cfg.kv_producer(l)
        q = self.heads(u, self.weight(f"{l}.wq"), hq, dh, f"l{l}_q")
        q = self.rope(self.rms(q, self.weight(f"{l}.qnorm"), cfg.eps), l)
        if producer == l:
            self.kv_inputs[l] = u
            k, v = self.key_value(l, copy=False, tag=l)
            self.kv_values[l] = (k, v)
        elif cfg.sharing == "direct":
            k, v = self.kv_values[producer]
        else:
            k, v = self.key_value(producer, copy=cfg.sharing == "duplicate", tag=l)
        # HF repeat_kv per layer, then eager attention with scaling 1.0.
        k = self.repeat_heads_dh(k, dh)
        v = self.repeat_heads_dh(v, dh)
        kt = g.op("Transpose", [k], f"l{l}_kt", perm=[0, 1, 3, 2])
        s = g.op("MatMul", [q, kt], f"l{l}_qk")
        s = g.op("Mul", [s, self.const(cfg.scale, "scaling")], f"l{l}_scores")
        # Sliding layers by Range comparisons, the global ones by Trilu.
        if cfg.is_global(l):
            how, m = self.mask("trilu_bool", "lowest", None, np.float32)
        else:
            how, m = self.mask("range", "-inf", cfg.window, np.float32)
        assert how == "add"
        s = g.op("Add", [s, m], f"l{l}_masked")
        p = g.op("Softmax", [s], f"l{l}_probs", axis=-1)
        o = g.op("MatMul", [p, v], f"l{l}_context")
        o = g.op("Transpose", [o], f"l{l}_bshd", perm=[0, 2, 1, 3])
        o = g.op("Reshape", [o, g.ints([1, -1, hq * dh])], f"l{l}_merged")
        return g.op("MatMul", [o, self.weight(f"{l}.wo")], f"l{l}_attn_out")

    def repeat_heads_dh(self, x, dh):
        """HF repeat_kv: [1, Hkv, S, dh] -> [1, Hq, S, dh] by Expand."""
        g, cfg = self.g, self.cfg
        group = cfg.hq // cfg.hkv
        u = g.op("Unsqueeze", [x, g.ints([2], "axes")], "kv_unsq")
        r = g.op("Expand", [u, g.ints([1, 1, group, 1, 1])], "kv_expand")
        return g.op("Reshape", [r, g.ints([1, cfg.hq, -1, dh])], "kv_rep")

    def ffn(self, x, l):
        g = self.g
        gate = self.gelu_tanh(g.op("MatMul", [x, self.weight(f"{l}.wgate")], f"l{l}_gate"),
                              f"l{l}_gate")
        up = g.op("MatMul", [x, self.weight(f"{l}.wup")], f"l{l}_up")
        return g.op("MatMul", [g.op("Mul", [gate, up], f"l{l}_glu"), self.weight(f"{l}.wdown")],
                    f"l{l}_ffn_out")

    def per_layer_inputs(self, x0):
        """ple [1, S, L, d_p] (techniques.md 8)."""
        g, cfg = self.g, self.cfg
        shape = g.ints([1, -1, cfg.layers, cfg.d_ple])
        e = g.op("Gather", [self.weight("ple_table"), "input_ids"], "ple_gather", axis=0)
        e = g.op("Mul", [g.op("Reshape", [e, shape], "ple_tokens"),
                         self.const(np.sqrt(cfg.d_ple), "ple_scale")], "ple_scaled")
        m = g.op("MatMul", [x0, self.weight("ple_model_proj")], "ple_proj")
        m = g.op("Mul", [m, self.const(cfg.d ** -0.5, "ple_proj_scale")], "ple_proj_scaled")
        m = self.rms(g.op("Reshape", [m, shape], "ple_proj_split"), self.weight("ple_norm"),
                     cfg.eps)
        return g.op("Mul", [g.op("Add", [m, e], "ple_sum"), self.const(2 ** -0.5, "ple_combine")],
                    "ple")

    def per_layer_embedding(self, x, ple, l):
        g, cfg = self.g, self.cfg
        mine = g.op("Gather", [ple, g.init(np.array(l, np.int64), "layer")], f"l{l}_ple", axis=2)
        gate = self.gelu_tanh(g.op("MatMul", [x, self.weight(f"{l}.ple_gate")], f"l{l}_ple_gate"),
                              f"l{l}_ple_gate")
        y = g.op("MatMul", [g.op("Mul", [gate, mine], f"l{l}_ple_mix"),
                            self.weight(f"{l}.ple_proj")], f"l{l}_ple_out")
        return g.op("Add", [x, self.rms(y, self.weight(f"{l}.ple_post_norm"), cfg.eps)],
                    f"l{l}_out")

    def build(self):
        g, cfg = self.g, self.cfg
        embed = self.shared_weight("embed")
        x = g.op("Gather", [embed, "input_ids"], "embed", axis=0)
        x = g.op("Mul", [x, self.const(np.sqrt(cfg.d), "embed_scale")], "embed_scaled")
        ple = self.per_layer_inputs(x)
        for l in range(cfg.layers):
            u = self.norm(x, f"{l}.norm_in")
            a = self.rms(self.attention(u, l), self.weight(f"{l}.norm_post_attn"), cfg.eps)
            x = g.op("Add", [x, a], f"l{l}_res_attn")
            h = self.ffn(self.norm(x, f"{l}.norm_pre_ffn"), l)
            h = self.rms(h, self.weight(f"{l}.norm_post_ffn"), cfg.eps)
            x = g.op("Add", [x, h], f"l{l}_res_ffn")
            x = self.per_layer_embedding(x, ple, l)
        x = self.norm(x, "final_norm")
        head = g.op("Transpose", [embed], "tied_head", perm=[1, 0])
        logits = g.op("MatMul", [x, head], "logits_raw")
        c = self.const(cfg.final_softcap, "final_cap")
        logits = g.op("Mul", [g.op("Tanh", [g.op("Div", [logits, c], "final_cap_in")],
                                   "final_tanh"), c], "logits_capped")
        g.nodes.append(helper.make_node("Identity", [logits], ["logits"], name="logits"))
        graph = helper.make_graph(
            g.nodes, cfg.name,
            [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, cfg.seq]),
             helper.make_tensor_value_info("position_ids", TensorProto.INT64, [1, cfg.seq])],
            [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, cfg.seq, am.VOCAB])],
            g.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                                  producer_name="make_kvshare_models.py")
        model.ir_version = 8
        return model


# ----------------------------------------------------------------- writing

def case_tensors(cfg, w):
    """(inputs, outputs) of the model's prompt, the logits from the reference."""
    ids, positions = cfg.inputs()
    logits = reference(cfg, w, ids, positions).astype(np.float32)
    return [("input_ids", ids), ("position_ids", positions)], [("logits", logits)]


def cases():
    """The models as model_cases.Case, each with one prompt."""
    return model_cases.config_cases(configs(), KVShareBuilder, case_tensors)


if __name__ == "__main__":
    sys.exit(model_cases.main(__doc__, cases()))
