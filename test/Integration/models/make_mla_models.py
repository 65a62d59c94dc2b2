#!/usr/bin/python3
"""Writes T5 mla-mini of techniques.md section 19 (multi-head latent attention,
section 9) as decomposed ONNX decoders in the ONNX backend-test layout:
test/Integration/models/<name>/{model.sha256, test_data_set_0/...}.

The configuration: 4 layers, d 256, 8 heads, q_lora_rank d_cq 96,
kv_lora_rank d_c 64, d_nope 32, d_rope 16 (interleaved RoPE, theta 1e4), d_v 32,
RMSNorm, SwiGLU FFN of 2d, vocabulary 512. The cache holds d_c + d_rope = 80
values per token and layer.

Each attention block is spelled the way the Hugging Face DeepseekV3 export
writes it:

  q      = Transpose(Reshape(MatMul(RMSNorm(MatMul(x, q_a_proj)), q_b_proj)))  B x H x S x 48
  q_nope, q_pe     = Split(q, [32, 16], axis -1)
  c, k_pe          = Split(MatMul(x, kv_a_proj_with_mqa), [64, 16], axis -1)
  kv     = Transpose(Reshape(MatMul(RMSNorm(c), kv_b_proj)))                   B x H x T x 64
  k_nope, v        = Split(kv, [32, 32], axis -1)
  k_pe   = Reshape(k_pe, [B, 1, S, 16]); q_pe, k_pe = RoPE (interleaved pairs)
  q      = Concat(q_nope, q_pe);  k = Concat(k_nope, Expand(k_pe, [B, H, T, 16]))
  o      = MatMul(Softmax(MatMul(q, Transpose(k)) * scale + causal mask), v)

scale = (d_nope + d_rope)^-1/2, times mscale^2 = (0.1 ln 4 + 1)^2 in the YaRN
variant (whose RoPE frequencies are YaRN's, factor 4 over 32 positions; its
cos/sin are not scaled: DeepSeek's attention factor is 1 when mscale equals
mscale_all_dim). The layers alternate the causal mask's spelling (Range/Less/
Where, Trilu) and the scale's (Mul after Q K^T, Mul on Q).

Models:
  mla_mini         prefill of 33 tokens
  mla_mini_yarn    the same with YaRN (scale 0.1443 * 1.2965)
  mla_mini_decode  the YaRN model with DeepSeek's latent cache: inputs
                   past_latent_l (1 x 32 x 64, RMSNorm applied) and
                   past_k_pe_l (1 x 32 x 16, RoPE applied), one new token at
                   position 32; the new latent and k_pe are concatenated on
                   the sequence axis (outputs present_latent_l,
                   present_k_pe_l) before kv_b_proj expands them. The past is
                   the reference's cache of a 32-token prompt.
  mla_mini_chunk   the same cache with a chunk of 5 tokens after 28: a
                   constant 5 x 33 mask hides key j from row i when
                   j > 28 + i (bottom-right causal).

Expected outputs: a float64 numpy implementation of the math in the absorbed
form of techniques.md section 9 (w_uk folded into the query, w_uv into the
output; not the graph's expanded form) checks onnxruntime, and onnxruntime's
outputs are stored:
    node tools/ort-reference/run.js MODEL DIR                  (ORT vs numpy)
    node tools/ort-reference/run.js MODEL DIR --write-outputs  (store ORT)
`--ort` runs both for every model. The reference also checks that the decode
and chunk logits equal the last rows of a 33-token prefill. Git keeps the test
data and each model's sha256; the tests regenerate the models with
`--models-only DIR`.

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

class MLAMini(am.Family):
    """T5's dimensions; am.Builder reads the Family fields (dh is the RoPE width,
    which am.Builder.rope rotates)."""

    D_CQ, D_C, D_NOPE, D_ROPE, D_V = 96, 64, 32, 16, 32

    def __init__(self, name, yarn, seq, past=0, seed=505):
        layers, heads = 4, 8
        if yarn:
            freq, mscale = am.yarn_frequencies(self.D_ROPE, 1e4, 4.0, 32)
        else:
            freq, mscale = am.inv_frequencies(self.D_ROPE, 1e4), 1.0
        scale = (self.D_NOPE + self.D_ROPE) ** -0.5 * mscale * mscale
        # Per layer: (mask spelling, scale spelling).
        spellings = [("range", "mul"), ("trilu_float", "mulq"),
                     ("range", "mulq"), ("trilu_float", "mul")]
        super().__init__(name, layers, 256, heads, heads, self.D_ROPE, spellings,
                         rope=[("interleaved", freq, 1.0)] * layers, scale=scale,
                         seqs=(seq,), seed=seed)
        self.past = past

    def params(self):
        rng = np.random.default_rng(self.seed)
        d, h, w = self.d, self.hq, {}
        qk = self.D_NOPE + self.D_ROPE
        w["embed"] = am.quantized(rng, (am.VOCAB, d), 1.0)
        for l in range(self.layers):
            w[f"{l}.norm1"] = am.near_one(rng, d)
            w[f"{l}.wqa"] = am.quantized(rng, (d, self.D_CQ), 1.0 / np.sqrt(d))
            w[f"{l}.qa_norm"] = am.near_one(rng, self.D_CQ)
            w[f"{l}.wqb"] = am.quantized(rng, (self.D_CQ, h * qk), 2.0 / np.sqrt(self.D_CQ))
            w[f"{l}.wkva"] = am.quantized(rng, (d, self.D_C + self.D_ROPE), 2.0 / np.sqrt(d))
            w[f"{l}.kva_norm"] = am.near_one(rng, self.D_C)
            w[f"{l}.wkvb"] = am.quantized(rng, (self.D_C, h * (self.D_NOPE + self.D_V)),
                                          1.5 / np.sqrt(self.D_C))
            w[f"{l}.wo"] = am.quantized(rng, (h * self.D_V, d), 1.0 / np.sqrt(h * self.D_V))
            w[f"{l}.norm2"] = am.near_one(rng, d)
            w[f"{l}.wgate"] = am.quantized(rng, (d, self.ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wup"] = am.quantized(rng, (d, self.ffn), 1.0 / np.sqrt(d))
            w[f"{l}.wdown"] = am.quantized(rng, (self.ffn, d), 1.0 / np.sqrt(self.ffn))
        w["final_norm"] = am.near_one(rng, d)
        w["lm_head"] = am.quantized(rng, (d, am.VOCAB), 1.0 / np.sqrt(d))
        return w

    def tokens(self, count):
        rng = np.random.default_rng(self.seed + 1000 + count)
        return rng.integers(0, am.VOCAB, size=(1, count), dtype=np.int64)


def configs():
    return [MLAMini("mla_mini", yarn=False, seq=33),
            MLAMini("mla_mini_yarn", yarn=True, seq=33),
            MLAMini("mla_mini_decode", yarn=True, seq=1, past=32),
            MLAMini("mla_mini_chunk", yarn=True, seq=5, past=28)]


# ----------------------------------------------------------------- numpy reference

def reference(cfg, w, ids, positions, cache=None):
    """Logits [1, S, VOCAB] (float64) and the per-layer latent cache
    [(c_kv [T, d_c], k_rope [T, d_rope])] after these tokens, from the math of
    techniques.md section 9 in the absorbed (MQA) form. `cache` is the past."""
    f = lambda name: w[name].astype(np.float64)
    h, dn, dr, dc, dv = cfg.hq, cfg.D_NOPE, cfg.D_ROPE, cfg.D_C, cfg.D_V
    _, inv_freq, _ = cfg.rope[0]
    pos = positions[0]
    x = f("embed")[ids[0]]
    s = x.shape[0]
    present = []
    for l in range(cfg.layers):
        u = am.ref_rms(x, f(f"{l}.norm1"), cfg.eps)
        c_q = am.ref_rms(u @ f(f"{l}.wqa"), f(f"{l}.qa_norm"), cfg.eps)
        q = (c_q @ f(f"{l}.wqb")).reshape(s, h, dn + dr).transpose(1, 0, 2)
        q_nope = q[..., :dn]
        q_rope = am.ref_rope(q[..., dn:], pos, inv_freq, 1.0, True)
        kvr = u @ f(f"{l}.wkva")
        c_kv = am.ref_rms(kvr[:, :dc], f(f"{l}.kva_norm"), cfg.eps)
        k_rope = am.ref_rope(kvr[None, :, dc:], pos, inv_freq, 1.0, True)[0]
        if cache is not None:
            c_kv = np.concatenate([cache[l][0], c_kv])
            k_rope = np.concatenate([cache[l][1], k_rope])
        present.append((c_kv, k_rope))
        up = f(f"{l}.wkvb").reshape(dc, h, dn + dv)
        w_uk, w_uv = up[..., :dn], up[..., dn:]                     # [d_c, H, *]
        # Absorbed: q~_h = W_UK,h q_nope,h; scores over [c_kv ; k_rope].
        q_lat = np.einsum("chn,hin->hic", w_uk, q_nope)
        scores = cfg.scale * (q_lat @ c_kv.T + q_rope @ k_rope.T)  # [H, S, T]
        t = c_kv.shape[0]
        rows = np.arange(s)[:, None] + (t - s)                       # bottom-right
        scores = np.where(np.arange(t)[None, :] <= rows, scores, -np.inf)
        p = np.exp(scores - scores.max(-1, keepdims=True))
        p /= p.sum(-1, keepdims=True)
        o = np.einsum("hic,che->hie", p @ c_kv, w_uv)                # [H, S, d_v]
        attn = o.transpose(1, 0, 2).reshape(s, h * dv) @ f(f"{l}.wo")
        hidden = x + attn
        v = am.ref_rms(hidden, f(f"{l}.norm2"), cfg.eps)
        gate = v @ f(f"{l}.wgate")
        ffn = (gate / (1.0 + np.exp(-gate)) * (v @ f(f"{l}.wup"))) @ f(f"{l}.wdown")
        x = hidden + ffn
    x = am.ref_rms(x, f("final_norm"), cfg.eps)
    return (x @ f("lm_head"))[None], present


# ----------------------------------------------------------------- ONNX model

class MLABuilder(am.Builder):
    """am.Builder's decoder with DeepseekV3's attention block (module docstring)."""

    def heads(self, x, width, hint):
        """[1, S, H * width] -> [1, H, S, width] (view, then transpose(1, 2))."""
        g = self.g
        y = g.op("Reshape", [x, g.ints([1, -1, self.fam.hq, width])], hint + "_view")
        return g.op("Transpose", [y], hint + "_heads", perm=[0, 2, 1, 3])

    def project(self, u, l):
        """The new tokens' q_nope, RoPE'd q_pe (B x H x S x .), normed latent
        (B x S x Dc) and RoPE'd shared k_pe (B x 1 x S x Dr)."""
        g, cfg = self.g, self.fam
        dn, dr, dc = cfg.D_NOPE, cfg.D_ROPE, cfg.D_C
        s = cfg.seqs[0]
        q_a = g.op("MatMul", [u, self.weight(f"{l}.wqa")], f"l{l}_q_a_proj")
        q_a = self.rms(q_a, self.weight(f"{l}.qa_norm"), cfg.eps)
        q = self.heads(g.op("MatMul", [q_a, self.weight(f"{l}.wqb")], f"l{l}_q_b_proj"),
                       dn + dr, f"l{l}_q")
        q_nope, q_pe = self.split(q, [dn, dr], f"l{l}_q_split")

        kv_a = g.op("MatMul", [u, self.weight(f"{l}.wkva")], f"l{l}_kv_a_proj_with_mqa")
        latent, k_pe = self.split(kv_a, [dc, dr], f"l{l}_kv_split")
        latent = self.rms(latent, self.weight(f"{l}.kva_norm"), cfg.eps)
        k_pe = g.op("Reshape", [k_pe, g.ints([1, 1, s, dr])], f"l{l}_k_pe_view")
        return q_nope, self.rope(q_pe, l, False), latent, self.rope(k_pe, l, False)

    def scores(self, query, key, l):
        """query key^T [1, H, S, T] in layer l's scale spelling: `mulq` scales
        the query, `mul` the product."""
        g, cfg = self.g, self.fam
        _, scale_style = cfg.spellings[l]
        if scale_style == "mulq":
            query = g.op("Mul", [query, g.scalar(cfg.scale)], f"l{l}_query_scaled")
        kt = g.op("Transpose", [key], f"l{l}_kt", perm=[0, 1, 3, 2])
        scores = g.op("MatMul", [query, kt], f"l{l}_qk")
        if scale_style == "mul":
            scores = g.op("Mul", [scores, g.scalar(cfg.scale)], f"l{l}_scores")
        return scores

    def attention(self, u, l):
        g, cfg = self.g, self.fam
        h, dn, dr, dv = cfg.hq, cfg.D_NOPE, cfg.D_ROPE, cfg.D_V
        mask_style, _ = cfg.spellings[l]
        s = cfg.seqs[0]
        t = s + cfg.past

        q_nope, q_pe, latent, k_pe = self.project(u, l)
        if cfg.past:
            # DeepSeek's cache: the normed latent and the rotated k_pe, B x T x C.
            latent = g.op("Concat", [f"past_latent_{l}", latent], f"present_latent_{l}", axis=1)
            k_pe = g.op("Reshape", [k_pe, g.ints([1, s, dr])], f"l{l}_k_pe_tokens")
            k_pe = g.op("Concat", [f"past_k_pe_{l}", k_pe], f"present_k_pe_{l}", axis=1)
            self.presents += [latent, k_pe]
            k_pe = g.op("Reshape", [k_pe, g.ints([1, 1, t, dr])], f"l{l}_k_pe_shared")

        kv = self.heads(g.op("MatMul", [latent, self.weight(f"{l}.wkvb")], f"l{l}_kv_b_proj"),
                        dn + dv, f"l{l}_kv")
        k_nope, v = self.split(kv, [dn, dv], f"l{l}_kv_split")
        k_pe = g.op("Expand", [k_pe, g.ints([1, h, t, dr])], f"l{l}_k_pe_expand")
        query = g.op("Concat", [q_nope, q_pe], f"l{l}_query", axis=-1)
        key = g.op("Concat", [k_nope, k_pe], f"l{l}_key", axis=-1)

        scores = self.scores(query, key, l)
        if s > 1 and cfg.past:
            # A chunk after the past: row i sees keys up to past + i.
            hidden = np.arange(t)[None, :] > np.arange(s)[:, None] + cfg.past
            mask = g.init(np.where(hidden, -np.inf, 0.0).astype(np.float32)[None, None],
                          "chunk_mask")
            scores = g.op("Add", [scores, mask], f"l{l}_masked")
        elif s > 1:
            # A prefill without past: the square causal masks of am.Builder.
            _, mask = self.mask(mask_style, "-inf", None, np.float32)
            scores = g.op("Add", [scores, mask], f"l{l}_masked")
        probs = g.op("Softmax", [scores], f"l{l}_probs", axis=-1)
        o = g.op("MatMul", [probs, v], f"l{l}_context")
        o = g.op("Transpose", [o], f"l{l}_bshd", perm=[0, 2, 1, 3])
        o = g.op("Reshape", [o, g.ints([1, -1, h * dv])], f"l{l}_merged")
        return g.op("MatMul", [o, self.weight(f"{l}.wo")], f"l{l}_o_proj")

    def split(self, x, sizes, hint):
        g = self.g
        outs = [g.fresh(hint) for _ in sizes]
        g.nodes.append(helper.make_node("Split", [x, g.ints(sizes, "split")], outs,
                                        name=outs[0], axis=-1))
        return outs

    def build(self):
        self.presents = []
        model = super().build()
        cfg = self.fam
        if cfg.past:
            vi = helper.make_tensor_value_info
            for l in range(cfg.layers):
                model.graph.input.extend([
                    vi(f"past_latent_{l}", TensorProto.FLOAT, [1, cfg.past, cfg.D_C]),
                    vi(f"past_k_pe_{l}", TensorProto.FLOAT, [1, cfg.past, cfg.D_ROPE])])
            t = cfg.past + cfg.seqs[0]
            for l in range(cfg.layers):
                latent, k_pe = self.presents[2 * l: 2 * l + 2]
                for name, value, width in ((f"present_latent_{l}", latent, cfg.D_C),
                                           (f"present_k_pe_{l}", k_pe, cfg.D_ROPE)):
                    model.graph.node.append(helper.make_node("Identity", [value], [name],
                                                             name=name + "_out"))
                    model.graph.output.append(vi(name, TensorProto.FLOAT, [1, t, width]))
        model.producer_name = "make_mla_models.py"
        return model


# ----------------------------------------------------------------- writing

def case_tensors(cfg, w):
    """(inputs, outputs) as [(name, array)]; a cached case's past is the
    reference's cache of its prompt, and its logits must equal the last rows
    of a prefill of prompt + new tokens."""
    s, p = cfg.seqs[0], cfg.past
    ids = cfg.tokens(s + p)
    positions = np.arange(s + p, dtype=np.int64)[None]
    if not p:
        logits, _ = reference(cfg, w, ids, positions)
        return ([("input_ids", ids), ("position_ids", positions)],
                [("logits", logits.astype(np.float32))])
    _, cache = reference(cfg, w, ids[:, :p], positions[:, :p])
    logits, present = reference(cfg, w, ids[:, p:], positions[:, p:], cache)
    full, _ = reference(cfg, w, ids, positions)
    assert np.allclose(logits, full[:, p:], rtol=1e-9, atol=1e-9), "decode != prefill"
    inputs = [("input_ids", ids[:, p:]), ("position_ids", positions[:, p:])]
    for l, (latent, k_rope) in enumerate(cache):
        inputs += [(f"past_latent_{l}", latent[None].astype(np.float32)),
                   (f"past_k_pe_{l}", k_rope[None].astype(np.float32))]
    outputs = [("logits", logits.astype(np.float32))]
    for l, (latent, k_rope) in enumerate(present):
        # The graph concatenates the float32 past it was given.
        latent = np.concatenate([cache[l][0].astype(np.float32), latent[p:]])
        k_rope = np.concatenate([cache[l][1].astype(np.float32), k_rope[p:]])
        outputs += [(f"present_latent_{l}", latent[None].astype(np.float32)),
                    (f"present_k_pe_{l}", k_rope[None].astype(np.float32))]
    return inputs, outputs


def cases():
    """The models as model_cases.Case, each with one dataset."""
    return model_cases.config_cases(configs(), MLABuilder, case_tensors)


if __name__ == "__main__":
    sys.exit(model_cases.main(__doc__, cases()))
