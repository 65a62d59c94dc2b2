#!/usr/bin/python3
"""Writes t7_dsv4_lite, a reduced T7 dsv4-mini decoder (techniques.md sections
11 and 19): DeepSeek-V4-style compressed attention in a whole model, as the
decomposed ONNX graph an exporter writes.

  L 4 layer types [window-only, CSA m=4, HCA m=16, CSA m=4], d 128, RMSNorm,
  SwiGLU FFN, vocab 512 embedding and lm_head, prompt 37 (a multiple of
  neither m: the incomplete last block of every compressor is dropped).
  Per layer, from x_n = RMSNorm(x):
    q       = x_n W_q                         H_q 4 heads of d_h 64
    kv      = RMSNorm(x_n W_kv)               one K = V head of 64
    entries = compressor(x_n W_c, x_n W_z, B_pos)   CSA and HCA layers only,
              spelled exactly as make_compressed_models.py spells it (so it
              raises to attn.kv_compress): Slice the complete blocks, Reshape
              to blocks, Add B_pos, Softmax over the block, Mul, ReduceSum;
              CSA overlaps (gate and content 128 wide, entry i pools block
              i - 1 through channels [0, 64) and block i through [64, 128),
              block -1 a -inf gate), HCA does not (64 wide)
    keys    = Concat(kv, entries)         (kv alone in the window-only layer)
    out     = Softmax([q keys^T / 8 + M, z_h]) keys without the sink column:
              gpt-oss's sink spelling (Concat a per-head sink logit column,
              Softmax, Slice it off); M constant: raw key j visible to query
              t iff t - 8 < j <= t (window 8), entry i iff (i + 1) m - 1 <= t
              (its block is complete by t)

Omitted on purpose, to keep the model within what the raising handles now:
the CSA lightning indexer top-k (CSA layers attend to every visible entry),
the query low-rank path (q_lora), the grouped low-rank output projection
(one W_o instead), mHC (plain residuals), RoPE (main and compressed branch)
and the RMSNorm of compressed entries.

Expected outputs from a float64 numpy implementation of the math, checked
against onnxruntime (`--ort` stores onnxruntime's). Test:
test/Integration/dsv4-models.test. Run with /usr/bin/python3.

This script also writes the full T7 dsv4-mini, t7_dsv4_mini_s37 and
t7_dsv4_mini_s100 (everything omitted above: query low rank, RoPE, entry
RMSNorm, the CSA indexer top-k, grouped output, mHC), built by
make_dsv4_mini_models.py from this module's compressor spelling and
reference. Test: test/Integration/dsv4-mini.test.
"""
import functools
import sys

import numpy as np
from onnx import TensorProto, helper

import model_cases
from make_attention_models import VOCAB, Builder, Family, near_one, quantized, ref_rms
from make_compressed_models import compressor, ref_compress

NAME = "t7_dsv4_lite"
S, D, HQ, DH, W = 37, 128, 4, 64, 8
# Per layer: None (window-only) or (ratio m, overlapping compressor).
LAYERS = [None, (4, True), (16, False), (4, True)]
EPS = 1e-6


def family():
    """The parts of the model that the section-19 decoders share (embedding,
    norms, W_q, W_o, sinks, SwiGLU, lm_head)."""
    return Family(NAME, len(LAYERS), D, HQ, 1, DH, [{}] * len(LAYERS), sinks=True,
                  seqs=(S,), seed=707)


def params(fam):
    w = fam.params()
    rng = np.random.default_rng(708)
    for l, kind in enumerate(LAYERS):
        w[f"{l}.wkv"] = quantized(rng, (D, DH), 1.0 / np.sqrt(D))
        w[f"{l}.kvnorm"] = near_one(rng, DH)
        if kind:
            m, overlap = kind
            wide = 2 * DH if overlap else DH
            w[f"{l}.wc"] = quantized(rng, (D, wide), 1.0 / np.sqrt(D))
            w[f"{l}.wz"] = quantized(rng, (D, wide), 1.0 / np.sqrt(D))
            w[f"{l}.bias"] = quantized(rng, (m, wide), 0.5)
    return w


def visibility(kind, s=S):
    """[s, s + blocks]: which raw keys and compressed entries each query sees."""
    t, j = np.arange(s)[:, None], np.arange(s)[None]
    raw = (j <= t) & (t - j < W)
    if not kind:
        return raw
    m = kind[0]
    entries = (np.arange(s // m)[None] + 1) * m - 1 <= t
    return np.concatenate([raw, entries], axis=1)


# ----------------------------------------------------------------- numpy reference

def ref_layer_attention(u, f, l, kind):
    kv = ref_rms(u @ f(f"{l}.wkv"), f(f"{l}.kvnorm"), EPS)
    keys = kv
    if kind:
        entries = ref_compress(u @ f(f"{l}.wc"), u @ f(f"{l}.wz"), f(f"{l}.bias"), *kind)
        keys = np.concatenate([kv, entries])
    q = (u @ f(f"{l}.wq")).reshape(S, HQ, DH).transpose(1, 0, 2)
    sinks = f(f"{l}.sinks")
    out = np.empty((HQ, S, DH))
    for h in range(HQ):
        s = np.where(visibility(kind), q[h] @ keys.T / np.sqrt(DH), -np.inf)
        peak = np.maximum(s.max(-1, keepdims=True), sinks[h])
        e = np.exp(s - peak)
        out[h] = e / (e.sum(-1, keepdims=True) + np.exp(sinks[h] - peak)) @ keys
    return out.transpose(1, 0, 2).reshape(S, HQ * DH) @ f(f"{l}.wo")


def reference(w, ids):
    """The logits [1, S, VOCAB] in float64."""
    f = lambda name: w[name].astype(np.float64)
    x = f("embed")[ids[0]]
    for l, kind in enumerate(LAYERS):
        u = ref_rms(x, f(f"{l}.norm1"), EPS)
        h = x + ref_layer_attention(u, f, l, kind)
        v = ref_rms(h, f(f"{l}.norm2"), EPS)
        gate = v @ f(f"{l}.wgate")
        x = h + (gate / (1.0 + np.exp(-gate)) * (v @ f(f"{l}.wup"))) @ f(f"{l}.wdown")
    return (ref_rms(x, f("final_norm"), EPS) @ f("lm_head"))[None]


# ----------------------------------------------------------------- ONNX model

class Dsv4Builder(Builder):
    """Builder's norms, SwiGLU and weights with V4's shared-KV attention."""

    seq = S   # the prompt length the graph is built for

    def compressor(self, u, l, m, overlap, width=DH, prefix=""):
        """[1, seq // m, width] entries, in make_compressed_models.py's spelling,
        from the weights {l}.{prefix}wc, wz and bias."""
        g, hint = self.g, f"l{l}_{prefix}"
        content = g.op("MatMul", [u, self.weight(f"{l}.{prefix}wc")], hint + "content")
        gate = g.op("MatMul", [u, self.weight(f"{l}.{prefix}wz")], hint + "gate_logits")
        return compressor(g, content, gate, lambda: self.weight(f"{l}.{prefix}bias"),
                          self.seq // m, width, overlap, prefix=hint, m=m)

    def attention(self, u, l):
        g, kind = self.g, LAYERS[l]
        kv = g.op("MatMul", [u, self.weight(f"{l}.wkv")], f"l{l}_kv_raw")
        keys = self.rms(kv, self.weight(f"{l}.kvnorm"), EPS)
        if kind:
            keys = g.op("Concat", [keys, self.compressor(u, l, *kind)], f"l{l}_keys", axis=1)
        keys = g.op("Unsqueeze", [keys, g.ints([1])], f"l{l}_keys_head")   # [1, 1, N, DH]
        q = g.op("MatMul", [u, self.weight(f"{l}.wq")], f"l{l}_q")
        q = g.op("Transpose", [g.op("Reshape", [q, g.ints([1, S, HQ, DH])], f"l{l}_q_heads")],
                 f"l{l}_q_bhsd", perm=[0, 2, 1, 3])
        kt = g.op("Transpose", [keys], f"l{l}_keys_t", perm=[0, 1, 3, 2])
        s = g.op("Div", [g.op("MatMul", [q, kt], f"l{l}_qk"), g.scalar(np.sqrt(DH))],
                 f"l{l}_scores")
        mask = g.init(np.where(visibility(kind), 0.0, -np.inf).astype(np.float32), f"l{l}_mask")
        s = g.op("Add", [s, mask], f"l{l}_masked")
        # gpt-oss: a per-head logit column joins the softmax, then is dropped.
        sinks = g.op("Reshape", [self.weight(f"{l}.sinks"), g.ints([1, HQ, 1, 1])],
                     f"l{l}_sinks4")
        column = g.op("Expand", [sinks, g.ints([1, HQ, S, 1])], f"l{l}_sink_column")
        s = g.op("Concat", [s, column], f"l{l}_with_sink", axis=-1)
        p = g.op("Softmax", [s], f"l{l}_probs", axis=-1)
        p = g.op("Slice", [p, g.ints([0]), g.ints([-1]), g.ints([-1])], f"l{l}_drop_sink")
        o = g.op("MatMul", [p, keys], f"l{l}_context")
        o = g.op("Reshape", [g.op("Transpose", [o], f"l{l}_bshd", perm=[0, 2, 1, 3]),
                             g.ints([1, S, HQ * DH])], f"l{l}_merged")
        return g.op("MatMul", [o, self.weight(f"{l}.wo")], f"l{l}_attn_out")

    def build(self):
        g = self.g
        x = g.op("Gather", [self.weight("embed"), "input_ids"], "embed", axis=0)
        for l in range(len(LAYERS)):
            h = g.op("Add", [x, self.attention(self.norm(x, f"{l}.norm1"), l)], f"l{l}_res_attn")
            x = g.op("Add", [h, self.ffn(self.norm(h, f"{l}.norm2"), l)], f"l{l}_out")
        logits = g.op("MatMul", [self.norm(x, "final_norm"), self.weight("lm_head")], "logits_raw")
        g.nodes.append(helper.make_node("Identity", [logits], ["logits"], name="logits"))
        graph = helper.make_graph(
            g.nodes, NAME, [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, S])],
            [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, S, VOCAB])], g.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                                  producer_name="make_dsv4_models.py")
        model.ir_version = 8
        return model


def cases():
    fam = family()
    w = functools.cache(lambda: params(fam))

    def datasets():
        ids, _ = fam.inputs(S)
        return [([("input_ids", ids)], [("logits", reference(w(), ids).astype(np.float32))])]

    return [model_cases.Case(NAME, lambda: Dsv4Builder(fam, w()).build(), datasets)]


if __name__ == "__main__":
    # The full model imports this module's shared parts, hence imported here.
    import make_dsv4_mini_models
    sys.exit(model_cases.main(__doc__, cases() + make_dsv4_mini_models.cases()))
