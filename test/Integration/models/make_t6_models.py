#!/usr/bin/python3
"""Writes T6 dsa-mini of techniques.md section 19 (DeepSeek sparse attention,
section 10) as decomposed ONNX decoders in the ONNX backend-test layout:
test/Integration/models/<name>/{model.sha256, test_data_set_0/...}.

T6 is T5 mla-mini (make_mla_models.py: 4 layers, d 256, 8 heads, latent
attention with d_cq 96, d_c 64, d_nope 32, d_rope 16 interleaved, d_v 32, the
same weights) whose attention reads only the top-k keys that a DeepSeek V3.2
lightning indexer picks for each query:

  qI = Transpose(Reshape(MatMul(c_q, W_IQ)))          1 x H_I x S x d_I   c_q: MLA's normed query latent
  kI = Unsqueeze(LayerNorm(MatMul(u, W_IK)), [1])     1 x 1 x S x d_I     u: the block's normed input
  qI, kI = Concat(RoPE(first 16 channels), rest)      half-split (not interleaved) RoPE, theta 1e4
  w  = Unsqueeze(Transpose(MatMul(u, W_w) * H_I^-1/2 d_I^-1/2), [3])    1 x H_I x S x 1, not normalized
  I  = ReduceSum(Mul(Relu(MatMul(qI, kI^T)), w), axes=[1], keepdims=0)
  _, idx = TopK(Add(I, C), min(k, S), axis=-1)      C: constant causal, -inf above the diagonal
  M  = Unsqueeze(ScatterElements(-inf (1,S,S), idx, zeros (1,S,k), axis=-1), [1])
  p  = Softmax(MLA scores + Add(M, C))

H_I 4, d_I 32, top-k 8. The mask form (from TopK on) is make_dsa_models.py's
spelling, which attn-raise-sparse-attention recognises. k is min(8, S) as in
DeepSeek's `topk(min(index_topk, end_pos))` (ONNX TopK needs k <= S). The
Hadamard rotation and FP8 quantization of the official indexer are left out:
the rotation is orthogonal (scores unchanged) and FP8 is numerics only.

Models:
  t6_dsa_mini_s7    prefill of 7 tokens: k = S, so every query sees all its
                    causal keys and the logits equal T5's dense ones
  t6_dsa_mini_s100  prefill of 100 tokens (the RoPE tables hold 128
                    positions): rows 8..99 read 8 of their keys

Expected outputs: a float64 numpy implementation of the math in the expanded
(per-head) form of MLA with the per-query top-k of the finite causal index
scores (ties to the lowest index) checks onnxruntime, and onnxruntime's
outputs are stored:
    node tools/ort-reference/run.js MODEL DIR                  (ORT vs numpy)
    node tools/ort-reference/run.js MODEL DIR --write-outputs  (store ORT)
`--ort` runs both for every model. The reference also checks that the 7-token
logits equal make_mla_models.py's dense absorbed-form reference, and that no
top-k choice is closer to a tie than float32 rounding could flip (so the
numpy, onnxruntime and compiled selections agree). Git keeps the test data and
each model's sha256; the tests regenerate the models with `--models-only DIR`.

Run with /usr/bin/python3. Deterministic (fixed seeds); weights are multiples
of 2^-10.
"""
import sys

import numpy as np
from onnx import helper, numpy_helper

import make_attention_models as am
import make_mla_models as mla
import model_cases


# ----------------------------------------------------------------- configuration

class DSAMini(mla.MLAMini):
    """T5's dimensions and weights plus the indexer's. am.Builder.rope rotates
    by fam.rope[l]; the indexer's half-split table is entry `layers`."""

    H_I, D_I, D_I_ROPE, TOP_K = 4, 32, 16, 8
    # The best of 505 + 1..40 for the 100-token prompt: no top-k choice
    # within 2.9e-4 of a tie (see MIN_MARGIN).
    INDEXER_SEED = 534

    def __init__(self, name, seq):
        super().__init__(name, yarn=False, seq=seq)
        assert self.D_I_ROPE == self.dh, "am.Builder.rope rotates fam.dh channels"
        self.indexer_rope = self.layers
        self.rope = self.rope + [("half", am.inv_frequencies(self.D_I_ROPE, 1e4), 1.0)]
        self.k = min(self.TOP_K, seq)

    def params(self):
        """T5's weights (same seed) and the indexer's from their own stream."""
        w = super().params()
        rng = np.random.default_rng(self.INDEXER_SEED)
        d, hi, di = self.d, self.H_I, self.D_I
        for l in range(self.layers):
            w[f"{l}.wiq"] = am.quantized(rng, (self.D_CQ, hi * di), 1.0 / np.sqrt(self.D_CQ))
            w[f"{l}.wik"] = am.quantized(rng, (d, di), 1.0 / np.sqrt(d))
            w[f"{l}.ik_norm"] = am.near_one(rng, di)
            w[f"{l}.ik_bias"] = am.quantized(rng, (di,), 0.1)
            w[f"{l}.wiw"] = am.quantized(rng, (d, hi), 1.0 / np.sqrt(d))
        return w


def configs():
    return [DSAMini("t6_dsa_mini_s7", 7), DSAMini("t6_dsa_mini_s100", 100)]


# ----------------------------------------------------------------- numpy reference

def indexer_scores(cfg, w, l, u, c_q, pos):
    """I [S, S] (float64, before the causal mask) and, per (query, key), the
    smallest |qI . kI| over the indexer heads (how far each ReLU is from 0)."""
    f = lambda name: w[name].astype(np.float64)
    hi, di, dr = cfg.H_I, cfg.D_I, cfg.D_I_ROPE
    _, inv_freq, _ = cfg.rope[cfg.indexer_rope]
    s = u.shape[0]
    qi = (c_q @ f(f"{l}.wiq")).reshape(s, hi, di).transpose(1, 0, 2)      # [H_I, S, d_I]
    qi[..., :dr] = am.ref_rope(qi[..., :dr], pos, inv_freq, 1.0, False)
    ki = am.ref_layer_norm(u @ f(f"{l}.wik"), f(f"{l}.ik_norm"), cfg.eps) + f(f"{l}.ik_bias")
    ki[:, :dr] = am.ref_rope(ki[None, :, :dr], pos, inv_freq, 1.0, False)[0]
    weights = (u @ f(f"{l}.wiw")) * hi ** -0.5 * di ** -0.5               # [S, H_I]
    dots = qi @ ki.T                                                        # [H_I, S, S]
    index = np.einsum("th,hts->ts", weights, np.maximum(dots, 0.0))
    return index, np.abs(dots).min(0)


def select(index, closeness, k):
    """The chosen keys [S, S] (bool): per row, the k largest causal scores,
    ties to the lowest index; and the smallest margin of any choice: the gap
    between the k-th and the (k+1)-th score, or for an exact tie (0: all
    ReLUs cut) the nearest |qI . kI| to 0 among the tied keys."""
    s = index.shape[0]
    chosen, margin = np.zeros((s, s), bool), np.inf
    for t in range(s):
        order = sorted(range(t + 1), key=lambda j: (-index[t, j], j))
        chosen[t, order[:k]] = True
        if t + 1 > k:
            a, b = order[k - 1], order[k]
            gap = index[t, a] - index[t, b]
            if gap <= 0:  # every key of the tied score decides it
                tied = (index[t, : t + 1] == index[t, a])
                gap = closeness[t, : t + 1][tied].min()
            margin = min(margin, gap)
    return chosen, margin


def reference(cfg, w, ids, positions):
    """Logits [1, S, VOCAB] (float64) and the smallest selection margin, from
    the math: MLA in the expanded form (techniques.md section 9, per-head keys
    [k_nope ; k_rope] and values), each query attending to the keys the
    indexer picks (section 10)."""
    f = lambda name: w[name].astype(np.float64)
    h, dn, dr, dc, dv = cfg.hq, cfg.D_NOPE, cfg.D_ROPE, cfg.D_C, cfg.D_V
    _, inv_freq, _ = cfg.rope[0]
    pos = positions[0]
    x = f("embed")[ids[0]]
    s = x.shape[0]
    causal = np.tril(np.ones((s, s), bool))
    margin = np.inf
    for l in range(cfg.layers):
        u = am.ref_rms(x, f(f"{l}.norm1"), cfg.eps)
        c_q = am.ref_rms(u @ f(f"{l}.wqa"), f(f"{l}.qa_norm"), cfg.eps)
        q = (c_q @ f(f"{l}.wqb")).reshape(s, h, dn + dr).transpose(1, 0, 2)
        q[..., dn:] = am.ref_rope(q[..., dn:], pos, inv_freq, 1.0, True)
        kvr = u @ f(f"{l}.wkva")
        c_kv = am.ref_rms(kvr[:, :dc], f(f"{l}.kva_norm"), cfg.eps)
        k_rope = am.ref_rope(kvr[None, :, dc:], pos, inv_freq, 1.0, True)    # [1, S, d_rope]
        kv = (c_kv @ f(f"{l}.wkvb")).reshape(s, h, dn + dv).transpose(1, 0, 2)
        k = np.concatenate([kv[..., :dn], np.broadcast_to(k_rope, (h, s, dr))], -1)
        v = kv[..., dn:]

        index, closeness = indexer_scores(cfg, w, l, u, c_q, pos)
        chosen, layer_margin = select(index, closeness, cfg.k)
        margin = min(margin, layer_margin)
        scores = np.where(causal & chosen, cfg.scale * q @ k.transpose(0, 2, 1), -np.inf)
        p = np.exp(scores - scores.max(-1, keepdims=True))
        p /= p.sum(-1, keepdims=True)
        attn = (p @ v).transpose(1, 0, 2).reshape(s, h * dv) @ f(f"{l}.wo")
        hidden = x + attn
        z = am.ref_rms(hidden, f(f"{l}.norm2"), cfg.eps)
        gate = z @ f(f"{l}.wgate")
        x = hidden + (gate / (1.0 + np.exp(-gate)) * (z @ f(f"{l}.wup"))) @ f(f"{l}.wdown")
    x = am.ref_rms(x, f("final_norm"), cfg.eps)
    return (x @ f("lm_head"))[None], margin


# ----------------------------------------------------------------- ONNX model

class DSABuilder(mla.MLABuilder):
    """MLABuilder's decoder whose causal mask is the DSA mask form (module
    docstring). MLABuilder.attention asks `mask()` for its causal mask; this
    builder answers with the sparse mask of the block being built."""

    def weight(self, name):
        """Remembers each weight's initializer, to find the MatMuls reading it."""
        init = super().weight(name)
        self.weight_inits[name] = init
        return init

    def reads_weight(self, name):
        """The first input of the MatMul by weight `name`."""
        init = self.weight_inits[name]
        return next(n.input[0] for n in self.g.nodes
                    if n.op_type == "MatMul" and n.input[1] == init)

    def attention(self, u, l):
        self.block = (u, l)
        return super().attention(u, l)

    def mask(self, style, fill, window, dtype):
        u, l = self.block
        return "add", self.sparse_mask(u, l)

    def causal(self):
        """C: one S x S constant, -inf above the diagonal, for every layer."""
        if "dsa_causal" not in self.masks:
            s = self.fam.seqs[0]
            self.masks["dsa_causal"] = self.g.init(
                np.triu(np.full((s, s), -np.inf, np.float32), 1), "causal")
        return self.masks["dsa_causal"]

    def rope_prefix(self, x, hint):
        """RoPE (half-split) on the first D_I_ROPE channels of x [1, N, S, d_I]."""
        cfg, g = self.fam, self.g
        pe, nope = self.split(x, [cfg.D_I_ROPE, cfg.D_I - cfg.D_I_ROPE], hint)
        return g.op("Concat", [self.rope(pe, cfg.indexer_rope, False), nope], hint + "_roped",
                    axis=-1)

    def sparse_mask(self, u, l):
        g, cfg = self.g, self.fam
        s, hi, di, k = cfg.seqs[0], cfg.H_I, cfg.D_I, cfg.k
        f32 = lambda a: np.asarray(a, np.float32)
        c_q = self.reads_weight(f"{l}.wqb")  # MLA's normed query latent

        qi = g.op("MatMul", [c_q, self.weight(f"{l}.wiq")], f"l{l}_idx_wq")
        qi = g.op("Reshape", [qi, g.ints([1, -1, hi, di])], f"l{l}_idx_q_view")
        qi = g.op("Transpose", [qi], f"l{l}_idx_q", perm=[0, 2, 1, 3])         # 1,HI,S,DI
        qi = self.rope_prefix(qi, f"l{l}_idx_q")
        ki = g.op("MatMul", [u, self.weight(f"{l}.wik")], f"l{l}_idx_wk")
        ki = g.op("LayerNormalization", [ki, self.weight(f"{l}.ik_norm"),
                                         self.weight(f"{l}.ik_bias")], f"l{l}_idx_k_norm",
                  axis=-1, epsilon=cfg.eps)
        ki = g.op("Unsqueeze", [ki, g.ints([1], "axes")], f"l{l}_idx_k")        # 1,1,S,DI
        ki = self.rope_prefix(ki, f"l{l}_idx_k")
        kit = g.op("Transpose", [ki], f"l{l}_idx_kt", perm=[0, 1, 3, 2])       # 1,1,DI,S
        wt = g.op("Mul", [g.op("MatMul", [u, self.weight(f"{l}.wiw")], f"l{l}_idx_ww"),
                          g.scalar(hi ** -0.5 * di ** -0.5)], f"l{l}_idx_w")   # 1,S,HI
        wt = g.op("Unsqueeze", [g.op("Transpose", [wt], f"l{l}_idx_w_t", perm=[0, 2, 1]),
                                g.ints([3], "axes")], f"l{l}_idx_w_heads")     # 1,HI,S,1
        rel = g.op("Relu", [g.op("MatMul", [qi, kit], f"l{l}_idx_dots")], f"l{l}_idx_relu")
        index = g.op("ReduceSum", [g.op("Mul", [rel, wt], f"l{l}_idx_weighted"),
                                   g.ints([1], "axes")], f"l{l}_index", keepdims=0)  # 1,S,S

        # The mask form of make_dsa_models.py.
        causal = self.causal()
        idx = g.fresh(f"l{l}_topk_idx")
        g.nodes.append(helper.make_node(
            "TopK", [g.op("Add", [index, causal], f"l{l}_index_causal"), g.ints([k], "k")],
            [g.fresh(f"l{l}_topk_values"), idx], name=idx, axis=-1))
        fill = g.op("ConstantOfShape", [g.ints([1, s, s])], f"l{l}_fill",
                    value=numpy_helper.from_array(f32([-np.inf])))
        zeros = g.op("ConstantOfShape", [g.ints([1, s, k])], f"l{l}_zeros",
                     value=numpy_helper.from_array(f32([0.0])))
        sel = g.op("ScatterElements", [fill, idx, zeros], f"l{l}_selected", axis=-1)
        sel = g.op("Unsqueeze", [sel, g.ints([1], "axes")], f"l{l}_selected_heads")
        return g.op("Add", [sel, causal], f"l{l}_sparse_mask")

    def build(self):
        self.weight_inits = {}
        model = super().build()
        model.producer_name = "make_t6_models.py"
        return model


# ----------------------------------------------------------------- writing

# Evaluating this reference in float32 moves the index scores (|I| <= 4.8)
# by up to 1.4e-5; a choice decided by less than ~10x that could differ
# between numpy, onnxruntime and attnc.
MIN_MARGIN = 2e-4


def case_tensors(cfg, w):
    s = cfg.seqs[0]
    ids = cfg.tokens(s)
    positions = np.arange(s, dtype=np.int64)[None]
    logits, margin = reference(cfg, w, ids, positions)
    assert margin > MIN_MARGIN, f"{cfg.name}: a top-k choice is within {margin:.2e} of a tie"
    if cfg.k == s:
        dense, _ = mla.reference(cfg, w, ids, positions)
        assert np.allclose(logits, dense, rtol=1e-9, atol=1e-9), "k >= S differs from dense"
    print(f"{cfg.name}: smallest top-k margin {margin:.3g}, |logits| <= "
          f"{np.abs(logits).max():.2f}")
    return ([("input_ids", ids), ("position_ids", positions)],
            [("logits", logits.astype(np.float32))])


def cases():
    """The models as model_cases.Case, each with one dataset."""
    return model_cases.config_cases(configs(), DSABuilder, case_tensors)


if __name__ == "__main__":
    sys.exit(model_cases.main(__doc__, cases()))
