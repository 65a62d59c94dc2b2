#!/usr/bin/python3
"""Writes T8 qwen3next-mini of techniques.md section 19 (Gated DeltaNet,
section 13, and output-gated full attention, section 6) as a decomposed ONNX
decoder in the ONNX backend-test layout:
test/Integration/models/t8_qwen3next_mini/{model.sha256, test_data_set_0/...}.

The configuration: 8 layers (GDN, GDN, GDN, Full) x 2, d 256, RMSNorm, SwiGLU
FFN of 2d, vocabulary 512, a prompt of 70 tokens (more than the 64 from which
attnc lowers linear attention in the chunked form, and not a multiple of it).

Gated DeltaNet layers (Hugging Face Qwen3NextGatedDeltaNet): H_k 2 query/key
heads, H_v 4 value heads, d_k = d_v 32, causal depthwise conv of width 4.

  qkv     = SiLU(CausalConv1d_4(MatMul(x, W_qkv)))         256 channels: q 64 | k 64 | v 128
  q, k    = L2Norm per head (eps 1e-6), [1, S, 2, 32];  v [1, S, 4, 32]
  q, k    = repeat_interleave to 4 heads (head h reads key head h // 2)
  beta    = Sigmoid(MatMul(x, W_b));  g = -exp(A_log) * softplus(MatMul(x, W_a) + dt_bias)
  o       = Scan over tokens: ONNX LinearAttention's gated_delta function body
            (per-head decay g, beta, scale d_k^-1/2, zero initial state)
  y       = RMSNorm_32(o) * w * SiLU(MatMul(x, W_z)) per head;  out = MatMul(y, W_o)

Inverse GQA (H_v > H_k) has no form in ONNX LinearAttention or
attn.linear_attention: key and value have the state's head count and the query
heads are a multiple of it. So the graph does what the Hugging Face model does
before its kernel: it repeats q and k to the 4 value heads (exact: each value
head has a state of its own). The recurrence is 4-head MHA over a
4 x 32 x 32 state; the projections keep 2 key heads.

ONNX op choices follow attnc's op set (which has no Conv, Softplus or Pad):
the conv is the causal shift form, Concat(zeros[3], x) then the sum of four
Slices times the per-channel taps; softplus is Log(Exp(x) + 1); L2Norm is
x * Reciprocal(Sqrt(ReduceSum(x * x) + eps)).

Full layers (Qwen3-Next gated attention): H_q 4, H_kv 1, d_h 64, W_q emits
q and the gate per head ([1, S, 4, 128] split inside each head), QK-norm,
partial RoPE on the first 16 of 64 channels (half-split, theta 1e4), causal
softmax attention with HF's repeat_kv of the one KV head, then
o * Sigmoid(gate) before W_o.

Expected outputs: a float64 numpy implementation of the token-recurrent math
of techniques.md 13.1 (not the graph's Scan) checks onnxruntime, and
onnxruntime's outputs are stored:
    node tools/ort-reference/run.js MODEL DIR                  (ORT vs numpy)
    node tools/ort-reference/run.js MODEL DIR --write-outputs  (store ORT)
`--ort` runs both (model_cases.py gives the command line). Git keeps the test
data and the model's sha256; the tests regenerate the model with
`--models-only DIR`, which checks the checksum.

Graph helpers, weight rounding, RoPE tables, the RMSNorm/FFN/mask spellings and
the decoder skeleton come from make_attention_models.py. Run with
/usr/bin/python3. Deterministic (fixed seeds); weights are multiples of 2^-10.
"""
import sys

import numpy as np
from onnx import TensorProto, helper

import make_attention_models as am
import model_cases


# ----------------------------------------------------------------- configuration

class Qwen3NextMini(am.Family):
    """T8's dimensions. am.Builder reads the Family fields: dh is the RoPE width
    of the full layers (16 of their 64 head channels)."""

    HK, HV, DK, DV, CONV = 2, 4, 32, 32, 4           # Gated DeltaNet
    HQ, HKV, DH, ROT = 4, 1, 64, 16                   # full attention
    KINDS = ["gdn", "gdn", "gdn", "full"] * 2

    def __init__(self, name, seq, seed=808):
        layers = len(self.KINDS)
        rope = [("half", am.inv_frequencies(self.ROT, 1e4), 1.0)] * layers
        # Per layer: the full layers' causal mask spelling.
        spellings = ["range" if l == 3 else "trilu_float" for l in range(layers)]
        super().__init__(name, layers, 256, self.HQ, self.HKV, self.ROT, spellings,
                         rope=rope, scale=self.DH ** -0.5, seqs=(seq,), seed=seed)
        self.conv_dim = 2 * self.HK * self.DK + self.HV * self.DV

    def params(self):
        rng = np.random.default_rng(self.seed)
        d, w = self.d, {}
        q = am.quantized
        w["embed"] = q(rng, (am.VOCAB, d), 1.0)
        for l, kind in enumerate(self.KINDS):
            w[f"{l}.norm1"] = am.near_one(rng, d)
            if kind == "gdn":
                hv_dv = self.HV * self.DV
                w[f"{l}.wqkv"] = q(rng, (d, self.conv_dim), 1.0 / np.sqrt(d))
                w[f"{l}.conv"] = q(rng, (self.conv_dim, self.CONV), 0.5)
                w[f"{l}.wz"] = q(rng, (d, hv_dv), 1.0 / np.sqrt(d))
                w[f"{l}.wb"] = q(rng, (d, self.HV), 1.0 / np.sqrt(d))
                w[f"{l}.wa"] = q(rng, (d, self.HV), 1.0 / np.sqrt(d))
                # HF: A ~ U(0, 16), A_log = log(A); dt_bias small. Decays
                # exp(g) then span about 0.2 .. 1.
                w[f"{l}.a_log"] = (np.round(np.log(rng.uniform(0.1, 1.0, self.HV)) * 1024)
                                   / 1024).astype(np.float32)
                w[f"{l}.dt_bias"] = q(rng, (self.HV,), 0.5)
                w[f"{l}.onorm"] = am.near_one(rng, self.DV)
                w[f"{l}.wo"] = q(rng, (hv_dv, d), 1.0 / np.sqrt(hv_dv))
            else:
                w[f"{l}.wq"] = q(rng, (d, self.HQ * 2 * self.DH), 2.0 / np.sqrt(d))
                w[f"{l}.wk"] = q(rng, (d, self.HKV * self.DH), 2.0 / np.sqrt(d))
                w[f"{l}.wv"] = q(rng, (d, self.HKV * self.DH), 1.0 / np.sqrt(d))
                w[f"{l}.qnorm"] = am.near_one(rng, self.DH)
                w[f"{l}.knorm"] = am.near_one(rng, self.DH)
                w[f"{l}.wo"] = q(rng, (self.HQ * self.DH, d), 1.0 / np.sqrt(self.HQ * self.DH))
            w[f"{l}.norm2"] = am.near_one(rng, d)
            w[f"{l}.wgate"] = q(rng, (d, self.ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wup"] = q(rng, (d, self.ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wdown"] = q(rng, (self.ffn, d), 1.0 / np.sqrt(self.ffn))
        w["final_norm"] = am.near_one(rng, d)
        w["lm_head"] = q(rng, (d, am.VOCAB), 1.0 / np.sqrt(d))
        return w


def configs():
    return [Qwen3NextMini("t8_qwen3next_mini", seq=70)]


# ----------------------------------------------------------------- numpy reference

def silu(x):
    return x / (1.0 + np.exp(-x))


def ref_gated_delta_net(cfg, w, l, u):
    """techniques.md 13.1, token by token, for u [S, d]; returns [S, d]."""
    f = lambda name: w[name].astype(np.float64)
    s = u.shape[0]
    hk, hv, dk, dv = cfg.HK, cfg.HV, cfg.DK, cfg.DV
    mixed = u @ f(f"{l}.wqkv")                                        # [S, C]
    taps = f(f"{l}.conv")                                             # [C, 4]
    padded = np.concatenate([np.zeros((cfg.CONV - 1, mixed.shape[1])), mixed])
    conv = sum(padded[j:j + s] * taps[:, j] for j in range(cfg.CONV))
    mixed = silu(conv)
    q = mixed[:, :hk * dk].reshape(s, hk, dk)
    k = mixed[:, hk * dk:2 * hk * dk].reshape(s, hk, dk)
    v = mixed[:, 2 * hk * dk:].reshape(s, hv, dv)
    l2 = lambda x: x / np.sqrt((x * x).sum(-1, keepdims=True) + 1e-6)
    q, k = l2(q), l2(k)
    group = hv // hk
    q, k = np.repeat(q, group, axis=1), np.repeat(k, group, axis=1)  # head h -> h // G
    beta = 1.0 / (1.0 + np.exp(-(u @ f(f"{l}.wb"))))                 # [S, Hv]
    a = u @ f(f"{l}.wa") + f(f"{l}.dt_bias")
    g = -np.exp(f(f"{l}.a_log")) * np.log1p(np.exp(a))               # log-decay <= 0
    scale = dk ** -0.5
    state = np.zeros((hv, dk, dv))
    o = np.empty((s, hv, dv))
    for t in range(s):
        for h in range(hv):
            state[h] *= np.exp(g[t, h])
            delta = beta[t, h] * (v[t, h] - state[h].T @ k[t, h])
            state[h] += np.outer(k[t, h], delta)
            o[t, h] = state[h].T @ (q[t, h] * scale)
    z = (u @ f(f"{l}.wz")).reshape(s, hv, dv)
    y = am.ref_rms(o, f(f"{l}.onorm"), 1e-6) * silu(z)
    return y.reshape(s, hv * dv) @ f(f"{l}.wo")


def ref_gated_attention(cfg, w, l, u, positions):
    """techniques.md 6 with QK-norm and prefix partial RoPE; returns [S, d]."""
    f = lambda name: w[name].astype(np.float64)
    s, hq, dh, rot = u.shape[0], cfg.HQ, cfg.DH, cfg.ROT
    qg = (u @ f(f"{l}.wq")).reshape(s, hq, 2 * dh)
    q, gate = qg[..., :dh].transpose(1, 0, 2), qg[..., dh:]           # split inside each head
    k = (u @ f(f"{l}.wk")).reshape(s, cfg.HKV, dh).transpose(1, 0, 2)
    v = (u @ f(f"{l}.wv")).reshape(s, cfg.HKV, dh).transpose(1, 0, 2)
    q, k = am.ref_rms(q, f(f"{l}.qnorm"), cfg.eps), am.ref_rms(k, f(f"{l}.knorm"), cfg.eps)
    _, inv_freq, _ = cfg.rope[l]
    for x in (q, k):
        x[..., :rot] = am.ref_rope(x[..., :rot], positions, inv_freq, 1.0, False)
    o = am.ref_attention(q, k, v, cfg.scale, None, None, None).transpose(1, 0, 2)
    o = o * (1.0 / (1.0 + np.exp(-gate)))
    return o.reshape(s, hq * dh) @ f(f"{l}.wo")


def reference(cfg, w, ids, positions):
    f = lambda name: w[name].astype(np.float64)
    x = f("embed")[ids[0]]
    for l, kind in enumerate(cfg.KINDS):
        u = am.ref_rms(x, f(f"{l}.norm1"), cfg.eps)
        if kind == "gdn":
            attn = ref_gated_delta_net(cfg, w, l, u)
        else:
            attn = ref_gated_attention(cfg, w, l, u, positions[0])
        hidden = x + attn
        v = am.ref_rms(hidden, f(f"{l}.norm2"), cfg.eps)
        ffn = (silu(v @ f(f"{l}.wgate")) * (v @ f(f"{l}.wup"))) @ f(f"{l}.wdown")
        x = hidden + ffn
    x = am.ref_rms(x, f("final_norm"), cfg.eps)
    return (x @ f("lm_head"))[None]


# ----------------------------------------------------------------- ONNX model

class Qwen3NextBuilder(am.Builder):
    """am.Builder's decoder with Qwen3-Next's two token mixers (module docstring)."""

    def attention(self, u, l):
        if self.fam.KINDS[l] == "gdn":
            return self.gated_delta_net(u, l)
        return self.gated_attention(u, l)

    # ---- shared spellings

    def silu(self, x, hint):
        return self.g.op("Mul", [x, self.g.op("Sigmoid", [x], hint + "_sig")], hint)

    def split(self, x, sizes, hint, axis=-1):
        g = self.g
        outs = [g.fresh(hint) for _ in sizes]
        g.nodes.append(helper.make_node("Split", [x, g.ints(sizes, "split")], outs,
                                        name=outs[0], axis=axis))
        return outs

    # ---- Gated DeltaNet

    def causal_conv(self, x, l):
        """Depthwise causal conv of width 4 over [1, S, C]: left zero padding,
        then out_t = sum_j taps[:, j] * x_{t - 3 + j}."""
        g, cfg = self.g, self.fam
        s, c, width = cfg.seqs[0], cfg.conv_dim, cfg.CONV
        zeros = g.init(np.zeros((1, width - 1, c), np.float32), "conv_pad")
        padded = g.op("Concat", [zeros, x], f"l{l}_conv_padded", axis=1)
        taps = self.w[f"{l}.conv"]
        acc = None
        for j in range(width):
            window = g.op("Slice", [padded, g.ints([j]), g.ints([j + s]), g.ints([1], "axes")],
                          f"l{l}_conv_shift{j}")
            term = g.op("Mul", [window, g.init(taps[:, j].copy(), f"l{l}_conv_tap{j}")],
                        f"l{l}_conv_term{j}")
            acc = term if acc is None else g.op("Add", [acc, term], f"l{l}_conv_sum{j}")
        return acc

    def l2norm(self, x, hint):
        g = self.g
        sq = g.op("ReduceSum", [g.op("Mul", [x, x], hint + "_sq"), g.ints([-1], "axes")],
                  hint + "_sumsq", keepdims=1)
        inv = g.op("Reciprocal", [g.op("Sqrt", [g.op("Add", [sq, g.scalar(1e-6)], hint + "_eps")],
                                       hint + "_norm")], hint + "_inv")
        return g.op("Mul", [x, inv], hint)

    def repeat_interleave(self, x, hint):
        """[1, S, Hk, D] -> [1, S, Hv, D], head h reading key head h // G."""
        g, cfg = self.g, self.fam
        group, s = cfg.HV // cfg.HK, cfg.seqs[0]
        y = g.op("Unsqueeze", [x, g.ints([3], "axes")], hint + "_unsq")
        y = g.op("Expand", [y, g.ints([1, s, cfg.HK, group, cfg.DK])], hint + "_expand")
        return g.op("Reshape", [y, g.ints([1, s, cfg.HV, cfg.DK])], hint + "_rep")

    def scan_body(self, l, consts):
        """The gated_delta step of ONNX LinearAttention's function body for
        query heads = KV heads = Hv (per-head decay and beta)."""
        cfg = self.fam
        hv, dk, dv = cfg.HV, cfg.DK, cfg.DV
        neg_one, neg_two, scale = consts
        vi = helper.make_tensor_value_info
        p = f"l{l}_step_"
        F = TensorProto.FLOAT
        inputs = [vi(p + "state_in", F, [1, hv, dk, dv]), vi(p + "q_t", F, [1, hv, dk]),
                  vi(p + "k_t", F, [1, hv, dk]), vi(p + "v_t", F, [1, hv, dv]),
                  vi(p + "decay_t", F, [1, hv, 1]), vi(p + "beta_t", F, [1, hv, 1])]
        outputs = [vi(p + "state_out", F, [1, hv, dk, dv]), vi(p + "output_t", F, [1, hv, dv])]

        def n(op, ins, out, **attrs):
            # Body values get the layer's prefix; "@name" reads the outer graph's
            # constant, as the function body reads its NegOne1D/ScaleFactor.
            names = [i[1:] if i.startswith("@") else p + i for i in ins]
            return helper.make_node(op, names, [p + out], name=p + out, **attrs)

        nodes = [
            n("Cast", ["q_t"], "q_t_f", to=F),
            n("Cast", ["k_t"], "k_t_f", to=F),
            n("Cast", ["v_t"], "v_t_f", to=F),
            n("Cast", ["decay_t"], "decay_t_f", to=F),
            n("Cast", ["beta_t"], "beta_t_f", to=F),
            n("Exp", ["decay_t_f"], "decay_exp"),
            n("Unsqueeze", ["decay_exp", "@" + neg_one], "decay_exp_unsq"),
            n("Mul", ["state_in", "decay_exp_unsq"], "decayed_state"),
            n("Unsqueeze", ["k_t_f", "@" + neg_one], "k_col"),
            n("Transpose", ["decayed_state"], "state_t", perm=[0, 1, 3, 2]),
            n("MatMul", ["state_t", "k_col"], "retrieved"),
            n("Squeeze", ["retrieved", "@" + neg_one], "retrieved_sq"),
            n("Sub", ["v_t_f", "retrieved_sq"], "diff"),
            n("Mul", ["beta_t_f", "diff"], "delta"),
            n("Unsqueeze", ["delta", "@" + neg_two], "write_row"),
            n("MatMul", ["k_col", "write_row"], "outer"),
            n("Add", ["decayed_state", "outer"], "state_out"),
            n("Unsqueeze", ["q_t_f", "@" + neg_two], "q_row"),
            n("MatMul", ["q_row", "state_out"], "read_out"),
            n("Squeeze", ["read_out", "@" + neg_two], "read_sq"),
            n("Mul", ["@" + scale, "read_sq"], "output_t_f"),
            n("CastLike", ["output_t_f", "q_t"], "output_t"),
        ]
        return helper.make_graph(nodes, f"l{l}_gated_delta_step", inputs, outputs)

    def gated_delta_net(self, u, l):
        g, cfg = self.g, self.fam
        s, hk, hv, dk, dv = cfg.seqs[0], cfg.HK, cfg.HV, cfg.DK, cfg.DV
        mixed = g.op("MatMul", [u, self.weight(f"{l}.wqkv")], f"l{l}_in_proj_qkv")
        mixed = self.silu(self.causal_conv(mixed, l), f"l{l}_conv_silu")
        q, k, v = self.split(mixed, [hk * dk, hk * dk, hv * dv], f"l{l}_qkv_split")
        q = self.l2norm(g.op("Reshape", [q, g.ints([1, s, hk, dk])], f"l{l}_q_heads"), f"l{l}_q_l2")
        k = self.l2norm(g.op("Reshape", [k, g.ints([1, s, hk, dk])], f"l{l}_k_heads"), f"l{l}_k_l2")
        q, k = self.repeat_interleave(q, f"l{l}_q"), self.repeat_interleave(k, f"l{l}_k")
        v = g.op("Reshape", [v, g.ints([1, s, hv, dv])], f"l{l}_v_heads")

        beta = g.op("Sigmoid", [g.op("MatMul", [u, self.weight(f"{l}.wb")], f"l{l}_in_proj_b")],
                    f"l{l}_beta")
        a = g.op("Add", [g.op("MatMul", [u, self.weight(f"{l}.wa")], f"l{l}_in_proj_a"),
                         self.weight(f"{l}.dt_bias")], f"l{l}_a_dt")
        softplus = g.op("Log", [g.op("Add", [g.op("Exp", [a], f"l{l}_a_exp"), g.scalar(1.0)],
                                     f"l{l}_a_exp1")], f"l{l}_softplus")
        neg_a = g.op("Neg", [g.op("Exp", [self.weight(f"{l}.a_log")], f"l{l}_A")], f"l{l}_neg_A")
        decay = g.op("Mul", [neg_a, softplus], f"l{l}_log_decay")

        # ONNX LinearAttention's function body: [B, T, H, D] -> T x B x H x D scan inputs.
        kv_shape = g.ints([1, s, hv, -1], "kv_shape4d")
        tokens_first = lambda x, hint: g.op("Transpose", [x], hint, perm=[1, 0, 2, 3])
        q4 = tokens_first(q, f"l{l}_q4d")
        k4 = tokens_first(k, f"l{l}_k4d")
        v4 = tokens_first(v, f"l{l}_v4d")
        decay4 = tokens_first(g.op("Reshape", [decay, kv_shape], f"l{l}_decay_heads"),
                              f"l{l}_decay4d")
        beta4 = tokens_first(g.op("Reshape", [beta, g.ints([1, s, -1, 1], "beta_shape4d")],
                                  f"l{l}_beta_heads"), f"l{l}_beta4d")
        state0 = g.op("ConstantOfShape", [g.ints([1, hv, dk, dv], "state_shape")], f"l{l}_state0",
                      value=helper.make_tensor("v", TensorProto.FLOAT, [1], [0.0]))
        consts = (g.ints([-1], "neg_one"), g.ints([-2], "neg_two"), g.scalar(dk ** -0.5))
        final, outs = g.fresh(f"l{l}_final_state"), g.fresh(f"l{l}_output_accum")
        g.nodes.append(helper.make_node("Scan", [state0, q4, k4, v4, decay4, beta4],
                                        [final, outs], name=outs, num_scan_inputs=5,
                                        body=self.scan_body(l, consts)))
        o = tokens_first(outs, f"l{l}_output_bshd")                        # [1, S, Hv, Dv]

        # Qwen3NextRMSNormGated: RMSNorm per head, times SiLU(z).
        z = g.op("Reshape", [g.op("MatMul", [u, self.weight(f"{l}.wz")], f"l{l}_in_proj_z"),
                             g.ints([1, s, hv, dv])], f"l{l}_z_heads")
        normed = self.rms(o, self.weight(f"{l}.onorm"), 1e-6)
        y = g.op("Mul", [normed, self.silu(z, f"l{l}_z_silu")], f"l{l}_gated_norm")
        y = g.op("Reshape", [y, g.ints([1, s, hv * dv])], f"l{l}_merged")
        return g.op("MatMul", [y, self.weight(f"{l}.wo")], f"l{l}_out_proj")

    # ---- gated full attention

    def gated_attention(self, u, l):
        g, cfg = self.g, self.fam
        s, hq, dh, rot = cfg.seqs[0], cfg.HQ, cfg.DH, cfg.ROT
        qg = g.op("Reshape", [g.op("MatMul", [u, self.weight(f"{l}.wq")], f"l{l}_q_proj"),
                              g.ints([1, s, hq, 2 * dh])], f"l{l}_q_gate_heads")
        q, gate = self.split(qg, [dh, dh], f"l{l}_q_gate_split")
        gate = g.op("Reshape", [gate, g.ints([1, s, hq * dh])], f"l{l}_gate")

        def heads(x, n, hint):
            x = g.op("Reshape", [x, g.ints([1, s, n, dh])], hint + "_view")
            return g.op("Transpose", [x], hint + "_bhsd", perm=[0, 2, 1, 3])

        q = heads(q, hq, f"l{l}_q")
        k = heads(g.op("MatMul", [u, self.weight(f"{l}.wk")], f"l{l}_k_proj"), cfg.HKV, f"l{l}_k")
        v = heads(g.op("MatMul", [u, self.weight(f"{l}.wv")], f"l{l}_v_proj"), cfg.HKV, f"l{l}_v")
        q = self.rms(q, self.weight(f"{l}.qnorm"), cfg.eps)
        k = self.rms(k, self.weight(f"{l}.knorm"), cfg.eps)

        def partial_rope(x, hint):
            x_rot, x_pass = self.split(x, [rot, dh - rot], hint + "_split")
            return g.op("Concat", [self.rope(x_rot, l, False), x_pass], hint + "_roped", axis=-1)

        q, k = partial_rope(q, f"l{l}_q"), partial_rope(k, f"l{l}_k")

        def repeat_kv(x, hint):  # HF repeat_kv of the one KV head
            y = g.op("Unsqueeze", [x, g.ints([2], "axes")], hint + "_unsq")
            y = g.op("Expand", [y, g.ints([1, cfg.HKV, hq // cfg.HKV, s, dh])], hint + "_expand")
            return g.op("Reshape", [y, g.ints([1, hq, s, dh])], hint + "_rep")

        k, v = repeat_kv(k, f"l{l}_k"), repeat_kv(v, f"l{l}_v")
        scores = g.op("MatMul", [q, g.op("Transpose", [k], f"l{l}_kt", perm=[0, 1, 3, 2])],
                      f"l{l}_qk")
        scores = g.op("Mul", [scores, g.scalar(cfg.scale)], f"l{l}_scores")
        _, mask = self.mask(cfg.spellings[l], "-inf", None, np.float32)
        scores = g.op("Add", [scores, mask], f"l{l}_masked")
        probs = g.op("Softmax", [scores], f"l{l}_probs", axis=-1)
        o = g.op("MatMul", [probs, v], f"l{l}_context")
        o = g.op("Transpose", [o], f"l{l}_bshd", perm=[0, 2, 1, 3])
        o = g.op("Reshape", [o, g.ints([1, s, hq * dh])], f"l{l}_merged")
        o = g.op("Mul", [o, g.op("Sigmoid", [gate], f"l{l}_gate_sig")], f"l{l}_gated")
        return g.op("MatMul", [o, self.weight(f"{l}.wo")], f"l{l}_o_proj")

    def build(self):
        model = super().build()
        model.producer_name = "make_qwen3next_models.py"
        return model


# ----------------------------------------------------------------- writing

def case_tensors(cfg, w):
    """(inputs, outputs) as [(name, array)], the outputs from the numpy reference."""
    ids, positions = cfg.inputs(cfg.seqs[0])
    logits = reference(cfg, w, ids, positions).astype(np.float32)
    return [("input_ids", ids), ("position_ids", positions)], [("logits", logits)]


def cases():
    """The models as model_cases.Case, each with one dataset."""
    return model_cases.config_cases(configs(), Qwen3NextBuilder, case_tensors)


if __name__ == "__main__":
    sys.exit(model_cases.main(__doc__, cases()))
